//! A Window node in Polars: its input sorted once by the node's PARTITION BY and
//! ORDER BY keys, helper columns computed once over the sorted rows (`layout`), then
//! every window expression of the node from them: ranks from where peers start and
//! end (`ranking`), offsets and `first`/`last`/`count` from the frame's positions
//! (`offsets`), aggregates over their frames (`aggregate`).

mod aggregate;
mod fast;
mod frame;
mod layout;
mod offsets;
mod ranking;

use crate::lowering::aggregate::hoist_window_inputs;
use super::expr::ExprLowering;
use super::functions::lower_call;
use super::types::to_polars;
use crate::analysis::windows::fold_integer;
use crate::error::{Error, Result};
use crate::ir::function::{AggregateFn, WindowFn};
use crate::ir::{Call, Expr, FrameKind, Func, NamedExpr, Value, WindowSpec};
use aggregate::Shape;
use frame::{Bound, Frame, Positions, RangeKey};
use layout::Layout;
use offsets::Counts;
use polars::prelude::{self as pl, col, lit, when, DataType as PlType, LazyFrame};

/// The window expressions of one node (one PARTITION BY and ORDER BY), as columns of `lf`.
pub fn lower_window(lw: &ExprLowering, lf: LazyFrame, exprs: &[NamedExpr]) -> Result<LazyFrame> {
    // The aggregated values as columns first, as a group-by computes them: each once,
    // and a constant (`sum(1 + 1)`) one value per row, whatever the frame.
    let (exprs, inputs) = hoist_window_inputs(exprs);
    if inputs.is_empty() {
        return lower_node(lw, lf, &exprs);
    }
    let columns = inputs.iter().map(|n| Ok(lw.lower(&n.expr)?.alias(n.attr.engine_name().as_str()))).collect::<Result<Vec<_>>>()?;
    let lf = lower_node(lw, lf.with_columns(columns), &exprs)?;
    Ok(lf.drop(pl::cols(inputs.iter().map(|n| n.attr.engine_name()).collect::<Vec<_>>())))
}

fn lower_node(lw: &ExprLowering, lf: LazyFrame, exprs: &[NamedExpr]) -> Result<LazyFrame> {
    let Some(Expr::Window { spec, .. }) = exprs.first().map(|n| &n.expr) else { return Ok(lf) };
    if let Some(fast) = fast::lower(lw, lf.clone(), spec, exprs)? {
        return Ok(fast);
    }
    // The keys as columns first: computed once, and constants broadcast to every row.
    let parts = spec.partition_by.iter().map(|e| lw.lower(e)).collect::<Result<Vec<_>>>()?;
    let keys = spec.order_by.iter().map(|k| lw.lower(&k.expr)).collect::<Result<Vec<_>>>()?;
    let part_names: Vec<String> = (0..parts.len()).map(|i| format!("__pyrust_w_part{i}")).collect();
    let key_names: Vec<String> = (0..keys.len()).map(|i| format!("__pyrust_w_key{i}")).collect();
    let named: Vec<pl::Expr> = parts.into_iter().zip(&part_names).chain(keys.into_iter().zip(&key_names)).map(|(e, n)| e.alias(n.as_str())).collect();
    let lf = if named.is_empty() { lf } else { lf.with_columns(named) };
    let layout = Layout {
        parts: part_names.iter().map(|n| col(n.as_str())).collect(),
        keys: key_names.iter().map(|n| col(n.as_str())).collect(),
        descending: spec.order_by.iter().map(|k| !k.ascending).collect(),
        nulls_last: spec.order_by.iter().map(|k| !k.nulls_first).collect(),
    };
    let lf = layout.with_helpers(layout.sort(lf));
    let mut node = Node { lw, layout, spec: spec.as_ref().clone(), steps: vec![], memberships: vec![] };
    // Aggregates over listed frames (`Membership`) join their values back last:
    // everything else reads rows by position.
    let (mut early, mut late) = (vec![], vec![]);
    for ne in exprs {
        let listed = node.memberships.len();
        let column = node.compute(&ne.expr)?.alias(ne.attr.engine_name().as_str());
        if node.memberships.len() > listed { late.push(column) } else { early.push(column) }
    }
    let mut lf = lf;
    let mut dropped: Vec<String> = layout::HELPERS.iter().map(|s| s.to_string()).collect();
    dropped.extend(part_names.into_iter().chain(key_names));
    // Steps may read earlier steps: one projection each, in order.
    for (name, e) in std::mem::take(&mut node.steps) {
        lf = lf.with_columns([e.alias(name.as_str())]);
        dropped.push(name);
    }
    if !early.is_empty() {
        lf = lf.with_columns(early);
    }
    for m in std::mem::take(&mut node.memberships) {
        dropped.push(m.out.clone());
        lf = m.apply(lf)?;
    }
    if !late.is_empty() {
        lf = lf.with_columns(late);
    }
    Ok(lf.drop(pl::cols(dropped)))
}

/// What one Window node builds while lowering its expressions.
struct Node<'a> {
    lw: &'a ExprLowering<'a>,
    layout: Layout,
    spec: WindowSpec,
    /// Intermediate columns, by name, computed before the expressions.
    steps: Vec<(String, pl::Expr)>,
    memberships: Vec<Membership>,
}

impl Node<'_> {
    /// `e` as a column of its own (once per name); refer to it by the returned expression.
    fn step(&mut self, name: &str, e: impl FnOnce(&Self) -> Result<pl::Expr>) -> Result<pl::Expr> {
        let name = format!("__pyrust_w_{name}");
        if !self.steps.iter().any(|(n, _)| *n == name) {
            let e = e(self)?;
            self.steps.push((name.clone(), e));
        }
        Ok(col(name.as_str()))
    }

    fn ansi(&self) -> bool {
        self.lw.conf.ansi
    }

    fn compute(&mut self, e: &Expr) -> Result<pl::Expr> {
        let Expr::Window { function, spec } = e else { return Err(Error::internal("a Window node holds a non-window expression")) };
        let frame = spec.frame.as_ref().ok_or_else(|| Error::internal("a window without its frame"))?;
        let frame = Frame::of(frame, self.ansi())?;
        if let Expr::PythonUdf(u) = function.as_ref() {
            return self.python_aggregate(u, &frame);
        }
        let Expr::Call(call) = function.as_ref() else { return Err(Error::internal("window function is not a call")) };
        match call.func {
            Func::Window(f) => self.window_function(f, call, &frame),
            Func::Aggregate(f) => self.aggregate(f, call, &frame),
            other => Err(Error::unsupported(format!("{other:?} over a window"))),
        }
    }

    fn arg(&self, call: &Call, i: usize) -> Result<pl::Expr> {
        self.lw.lower(&call.args[i])
    }

    fn window_function(&mut self, f: WindowFn, call: &Call, frame: &Frame) -> Result<pl::Expr> {
        let out = to_polars(&call.data_type);
        Ok(match f {
            WindowFn::Lag | WindowFn::Lead => {
                // Analysis gave them the one-row frame at their offset.
                let Bound::Rows(rows) = frame.start else { return Err(Error::internal("lag/lead without an offset frame")) };
                let default = self.arg(call, 2)?;
                let x = self.arg(call, 0)?;
                if bool_arg(call, 3) && rows != 0 {
                    let counts = self.counts(&format!("nonnull{}", self.steps.len()), x.clone().is_not_null())?;
                    return Ok(offsets::shifted_non_null(x, rows, default, &counts, out));
                }
                offsets::shifted(x, rows, default, out)
            }
            WindowFn::NthValue => {
                let n = fold_integer(&call.args[1]).ok_or_else(|| Error::internal("nth_value offset"))?;
                let ignore_nulls = bool_arg(call, 2);
                let x = self.arg(call, 0)?;
                let p = self.positions(frame)?;
                let counts = if ignore_nulls { Some(self.counts("nonnull0", x.clone().is_not_null())?) } else { None };
                offsets::nth(x, n, &p, counts.as_ref(), &out)
            }
            ranking => ranking::rank(ranking, call.args.first().and_then(fold_integer))?,
        })
    }

    /// Running counts of the rows where `present` holds (for `count`, and for reading
    /// non-NULL values).
    fn counts(&mut self, name: &str, present: pl::Expr) -> Result<Counts> {
        let (upto, before) = Counts::columns(present);
        let upto = self.step(&format!("{name}_upto"), |_| Ok(upto))?;
        let before = self.step(&format!("{name}_before"), |_| Ok(before))?;
        Ok(Counts { upto, before })
    }

    /// The ORDER BY key of a RANGE frame with value bounds.
    fn range_key(&self) -> Result<RangeKey> {
        let k = self.spec.order_by.first().ok_or_else(|| Error::internal("a RANGE offset without ORDER BY"))?;
        Ok(RangeKey::new(k, self.layout.keys[0].clone(), &self.lw.conf.session_time_zone))
    }

    /// Where every row's frame starts and ends, as columns.
    fn positions(&mut self, frame: &Frame) -> Result<Positions> {
        let key = if frame.kind == FrameKind::Range && frame.has_values() { Some(self.range_key()?) } else { None };
        let sorted = match &key {
            Some(k) => Some(self.step("sort_struct", |_| Ok(k.rows_struct()))?),
            None => None,
        };
        let p = frame::positions(frame, key.as_ref().zip(sorted), self.ansi())?;
        let n = self.steps.len();
        let lo = self.step(&format!("lo{n}"), |_| Ok(p.lo))?;
        let hi = self.step(&format!("hi{n}"), |_| Ok(p.hi))?;
        Ok(Positions { lo, hi })
    }

    fn aggregate(&mut self, f: AggregateFn, call: &Call, frame: &Frame) -> Result<pl::Expr> {
        let out = to_polars(&call.data_type);
        let args = call.args.iter().map(|a| self.lw.lower(a)).collect::<Result<Vec<_>>>()?;
        match f {
            AggregateFn::First | AggregateFn::Last => {
                let p = self.positions(frame)?;
                let counts = if bool_arg(call, 1) { Some(self.counts(&format!("nonnull{}", self.steps.len()), args[0].clone().is_not_null())?) } else { None };
                return Ok(if f == AggregateFn::First {
                    offsets::nth(args[0].clone(), 1, &p, counts.as_ref(), &out)
                } else {
                    offsets::last(args[0].clone(), &p, counts.as_ref(), &out)
                });
            }
            AggregateFn::Count => {
                let p = self.positions(frame)?;
                let all_literals = call.args.iter().all(|a| matches!(a, Expr::Literal(v) if !v.is_null()));
                if all_literals {
                    return Ok(p.len());
                }
                let present = args.iter().map(|a| a.clone().is_not_null()).reduce(|a, b| a.and(b)).unwrap_or(lit(true));
                let counts = self.counts(&format!("present{}", self.steps.len()), present)?;
                return Ok(counts.in_frame(&p));
            }
            _ => {}
        }
        let agg = lower_call(call, args.clone(), &None, self.lw.conf)?;
        if frame.is_whole() {
            return Ok(self.layout.within(agg));
        }
        let shape = aggregate::shape(frame);
        if matches!(shape, Shape::Prefix | Shape::Suffix) && !frame.is_inverted() {
            let reverse = shape == Shape::Suffix;
            if let Some(r) = aggregate::running(&|e| self.layout.within(e), f, call, args[0].clone(), reverse, self.ansi()) {
                let p = self.positions(frame)?;
                let at = if reverse { p.lo.clone() } else { p.hi.clone() };
                return Ok(aggregate::read_running(&r, at, p.empty(), &out));
            }
        }
        if let Some(rolled) = self.rolled(agg.clone(), frame)? {
            return Ok(rolled);
        }
        self.membership(agg, frame)
    }

    /// A grouped-aggregate pandas UDF over its frames: the whole partition in one call
    /// per partition, other frames one call per row over the rows listed for it (Spark
    /// too calls the function once per row for bounded frames).
    fn python_aggregate(&mut self, u: &crate::ir::udf::PythonUdf, frame: &Frame) -> Result<pl::Expr> {
        let args = u.args.iter().map(|a| self.lw.lower(a)).collect::<Result<Vec<_>>>()?;
        let agg = super::udf::aggregate(u, args, &self.lw.conf.session_time_zone)?;
        if frame.is_whole() {
            return Ok(self.layout.within(agg));
        }
        let p = self.positions(frame)?;
        let out = format!("__pyrust_w_member_value{}", self.memberships.len());
        // The function sees its frame's rows in window order, as in Spark.
        self.memberships.push(Membership { agg, lo: p.lo, hi: p.hi, out: out.clone(), in_order: true });
        Ok(col(out.as_str()))
    }

    /// `agg` over a frame of fixed shape around an integer index, when there is one.
    fn rolled(&mut self, agg: pl::Expr, frame: &Frame) -> Result<Option<pl::Expr>> {
        match frame.kind {
            FrameKind::Rows => {
                let row = self.step("row", |_| Ok(Layout::row_number()))?;
                let (start, end) = aggregate::index_offsets(frame, None);
                Ok(Some(aggregate::rolling(&self.layout, agg, row, start, end)))
            }
            FrameKind::Range if !frame.has_values() => {
                let (start, end) = aggregate::index_offsets(frame, None);
                Ok(Some(aggregate::rolling(&self.layout, agg, Layout::peer_group(), start, end)))
            }
            FrameKind::Range => {
                let key = self.range_key()?;
                if !key.is_integral() || frame.has_months() {
                    return Ok(None);
                }
                let index = self.step("key_index", |n| Ok(aggregate::key_index(&n.layout, &key)))?;
                let (start, end) = aggregate::index_offsets(frame, Some(&key));
                let mut keyed = aggregate::rolling(&self.layout, agg.clone(), index.clone(), start, end);
                // Spark adds each offset to the key in the key's type (`RangeKey::checked`).
                let bounded = !matches!(aggregate::shape(frame), Shape::Prefix | Shape::Suffix);
                for b in [&frame.start, &frame.end] {
                    if let Bound::Value(v) = b {
                        let empty = (bounded && !self.ansi()).then(|| aggregate::rolling(&self.layout, agg.clone(), index.clone(), 1, 0));
                        keyed = key.checked(keyed, v, self.ansi(), empty);
                    }
                }
                if !key.nullable {
                    return Ok(Some(keyed));
                }
                // A NULL key's frame is the NULL rows (and the unbounded sides).
                let peers = Frame {
                    kind: FrameKind::Range,
                    start: if frame.start == Bound::Unbounded { Bound::Unbounded } else { Bound::Current },
                    end: if frame.end == Bound::Unbounded { Bound::Unbounded } else { Bound::Current },
                };
                let (start, end) = aggregate::index_offsets(&peers, None);
                let by_peers = aggregate::rolling(&self.layout, agg, Layout::peer_group(), start, end);
                Ok(Some(when(key.key.clone().is_null()).then(by_peers).otherwise(keyed)))
            }
        }
    }

    /// `agg` over frames listed row by row from their positions.
    fn membership(&mut self, agg: pl::Expr, frame: &Frame) -> Result<pl::Expr> {
        let p = self.positions(frame)?;
        let out = format!("__pyrust_w_member_value{}", self.memberships.len());
        self.memberships.push(Membership { agg, lo: p.lo, hi: p.hi, out: out.clone(), in_order: false });
        Ok(col(out.as_str()))
    }
}

/// A boolean literal argument (`ignoreNulls`), false when absent.
fn bool_arg(call: &Call, i: usize) -> bool {
    matches!(call.args.get(i).map(|a| a.unalias()), Some(Expr::Literal(Value::Boolean(true))))
}

/// An aggregate over frames of any shape: each row's frame listed as the rows it
/// holds, joined to their values and aggregated per row (empty frames get the
/// aggregate of no rows). Costs the total size of the frames.
struct Membership {
    agg: pl::Expr,
    lo: pl::Expr,
    hi: pl::Expr,
    out: String,
    /// Each frame's rows reach the aggregate in window order (order-sensitive Python
    /// aggregates); built-in aggregates do not need it.
    in_order: bool,
}

impl Membership {
    fn apply(self, lf: LazyFrame) -> Result<LazyFrame> {
        const OWNER: &str = "__pyrust_w_owner";
        const MEMBER: &str = "__pyrust_w_member";
        const VALUE: &str = "__pyrust_w_value";
        const MATCHED: &str = "__pyrust_w_matched";
        const EMPTY: &str = "__pyrust_w_empty";
        let pairs = lf
            .clone()
            .select([
                Layout::pos().alias(OWNER),
                pl::int_ranges(self.lo.clone(), self.hi.clone() + lit(1i64), lit(1i64), PlType::Int64).alias(MEMBER),
            ])
            .explode(pl::cols([MEMBER]), pl::ExplodeOptions { empty_as_null: true, keep_nulls: true })
            .filter(col(MEMBER).is_not_null());
        let mut inner = pl::JoinArgs::new(pl::JoinType::Inner);
        if self.in_order {
            inner.maintain_order = pl::MaintainOrderJoin::Left;
        }
        let members = pairs.join(lf.clone(), [col(MEMBER)], [Layout::pos()], inner);
        let grouped = members.group_by([col(OWNER)]).agg([self.agg.clone().alias(VALUE), lit(true).alias(MATCHED)]);
        // The aggregate of no rows, for empty frames, joined on a constant key.
        const ONE: &str = "__pyrust_w_one";
        let empty = lf.clone().filter(lit(false)).select([self.agg.alias(EMPTY)]).with_columns([lit(1i32).alias(ONE)]);
        let left = || {
            let mut args = pl::JoinArgs::new(pl::JoinType::Left);
            args.maintain_order = pl::MaintainOrderJoin::Left;
            args
        };
        let joined = lf
            .join(grouped, [Layout::pos()], [col(OWNER)], left())
            .with_columns([lit(1i32).alias(ONE)])
            .join(empty, [col(ONE)], [col(ONE)], left());
        Ok(joined
            .with_columns([when(col(MATCHED).is_not_null()).then(col(VALUE)).otherwise(col(EMPTY)).alias(self.out.as_str())])
            .drop(pl::cols([VALUE, MATCHED, EMPTY, ONE])))
    }
}
