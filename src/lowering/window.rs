//! A Window node in Polars. The input is sorted by its PARTITION BY keys (ascending,
//! NULLs first) and ORDER BY keys (each with its own direction and NULL order, which
//! Polars' `over(order_by)` cannot express) — Spark's Window operator gives its rows in
//! that order too — and each window expression is computed within its partition
//! (`over`) in that order: ranks from peer groups, offsets by shifting, running
//! aggregates cumulatively.

use super::expr::ExprLowering;
use super::functions::lower_call;
use super::types::to_polars;
use crate::error::{Error, Result};
use crate::ir::function::{AggregateFn, WindowFn};
use crate::ir::{Call, Expr, FrameBound, FrameKind, Func, NamedExpr, WindowFrame, WindowSpec};
use polars::prelude::{self as pl, lit, when, DataType as PlType, FillNullStrategy, LazyFrame};

/// Helper columns a Window node computes once and drops after use.
const ROW: &str = "__pyrust_window_row";
const STARTS: &str = "__pyrust_window_starts";
const PEER: &str = "__pyrust_window_peer";
const COUNT: &str = "__pyrust_window_count";

/// The window expressions of one node (one PARTITION BY and ORDER BY), as columns of `lf`.
pub fn lower_window(lw: &ExprLowering, lf: LazyFrame, exprs: &[NamedExpr]) -> Result<LazyFrame> {
    let Some(Expr::Window { spec, .. }) = exprs.first().map(|n| &n.expr) else { return Ok(lf) };
    let parts = spec.partition_by.iter().map(|e| lw.lower(e)).collect::<Result<Vec<_>>>()?;
    let keys = spec.order_by.iter().map(|k| lw.lower(&k.expr)).collect::<Result<Vec<_>>>()?;
    let mut by = parts.clone();
    by.extend(keys.iter().cloned());
    let lf = if by.is_empty() {
        lf
    } else {
        let mut descending = vec![false; parts.len()];
        let mut nulls_last = vec![false; parts.len()];
        descending.extend(spec.order_by.iter().map(|k| !k.ascending));
        nulls_last.extend(spec.order_by.iter().map(|k| !k.nulls_first));
        let options = pl::SortMultipleOptions::new()
            .with_order_descending_multi(descending)
            .with_nulls_last_multi(nulls_last)
            .with_maintain_order(true);
        lf.sort_by_exprs(by, options)
    };
    // Window expressions nested in `over` would run per outer group in Polars, so the
    // row numbers and peer groups everything builds on are columns first, step by step.
    let ctx = Partition { parts, keys };
    let lf = lf
        .with_columns([ctx.within(pl::int_range(lit(0i64), pl::len().cast(PlType::Int64), 1, PlType::Int64) + lit(1i64)).alias(ROW)])
        .with_columns([ctx.starts_peer_group().alias(STARTS), ctx.within(pl::len().cast(PlType::Int64)).alias(COUNT)])
        .with_columns([ctx.within(pl::col(STARTS).cast(PlType::Int64).cum_sum(false)).alias(PEER)]);
    let mut steps = Steps::default();
    let columns = exprs
        .iter()
        .map(|ne| {
            let Expr::Window { function, spec } = &ne.expr else { return Err(Error::internal("a Window node holds a non-window expression")) };
            Ok(ctx.compute(lw, function, spec, &mut steps)?.alias(ne.attr.engine_name().as_str()))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut lf = lf;
    if !steps.columns.is_empty() {
        lf = lf.with_columns(steps.columns);
    }
    let mut helpers = vec![ROW.to_string(), STARTS.to_string(), PEER.to_string(), COUNT.to_string()];
    helpers.extend(steps.names);
    Ok(lf.with_columns(columns).drop(pl::cols(helpers)))
}

/// Intermediate columns of the window expressions, computed before them.
#[derive(Default)]
struct Steps {
    columns: Vec<pl::Expr>,
    names: Vec<String>,
}

impl Steps {
    /// `e` as a column of its own; refer to it by the returned expression.
    fn column(&mut self, e: pl::Expr) -> pl::Expr {
        let name = format!("__pyrust_window_step{}", self.names.len());
        self.columns.push(e.alias(name.as_str()));
        self.names.push(name.clone());
        pl::col(name.as_str())
    }
}

/// The partition keys and ORDER BY keys of a window, lowered.
struct Partition {
    parts: Vec<pl::Expr>,
    keys: Vec<pl::Expr>,
}

impl Partition {
    /// `e` evaluated per partition (over the whole frame when there is no PARTITION BY).
    fn within(&self, e: pl::Expr) -> pl::Expr {
        if self.parts.is_empty() { e } else { e.over(&self.parts).unwrap_or_else(|_| pl::lit(pl::NULL)) }
    }

    /// `e` evaluated per peer group: rows of a partition with equal ORDER BY keys.
    fn within_peers(&self, e: pl::Expr) -> pl::Expr {
        let mut groups = self.parts.clone();
        groups.push(pl::col(PEER));
        e.over(&groups).unwrap_or_else(|_| pl::lit(pl::NULL))
    }

    /// 1, 2, 3... within the partition, in window order.
    fn row_number(&self) -> pl::Expr {
        pl::col(ROW)
    }

    fn count(&self) -> pl::Expr {
        pl::col(COUNT)
    }

    /// Whether a row starts a new group of peers (its ORDER BY keys differ from the
    /// previous row's, NULLs equal to NULLs). Needs the ROW column.
    fn starts_peer_group(&self) -> pl::Expr {
        let first = pl::col(ROW).eq(lit(1i64));
        self.keys.iter().fold(first, |acc, k| acc.or(self.within(k.clone().neq_missing(k.clone().shift(lit(1i64))))))
    }

    /// The dense rank of the row's peer group within the partition.
    fn peer_group(&self) -> pl::Expr {
        pl::col(PEER)
    }

    fn rank(&self) -> pl::Expr {
        let first_of_group = when(pl::col(STARTS)).then(self.row_number()).otherwise(lit(pl::NULL).cast(PlType::Int64));
        self.within(first_of_group.fill_null_with_strategy(FillNullStrategy::Forward(None)))
    }

    fn compute(&self, lw: &ExprLowering, function: &Expr, spec: &WindowSpec, steps: &mut Steps) -> Result<pl::Expr> {
        let Expr::Call(call) = function else { return Err(Error::internal("window function is not a call")) };
        let args = call.args.iter().map(|a| lw.lower(a)).collect::<Result<Vec<_>>>()?;
        let out_type = to_polars(&call.data_type);
        match call.func {
            Func::Window(f) => self.window_function(f, call, args, out_type),
            Func::Aggregate(f) => {
                let frame = spec.frame.clone().unwrap_or_else(|| crate::analysis::functions::window::default_frame(Some(call.func), !spec.order_by.is_empty()));
                self.aggregate(lw, f, call, args, &frame, steps)
            }
            other => Err(Error::unsupported(format!("{other:?} over a window"))),
        }
    }

    fn window_function(&self, f: WindowFn, call: &Call, args: Vec<pl::Expr>, out_type: PlType) -> Result<pl::Expr> {
        let int_arg = |i: usize, default: i64| -> Result<i64> {
            match call.args.get(i).map(|a| a.unalias()) {
                None => Ok(default),
                Some(Expr::Literal(v)) => literal_int(v).ok_or_else(|| Error::unsupported(format!("{} with a NULL argument", call.name))),
                Some(_) => Err(Error::unsupported(format!("{} with a non-literal argument", call.name))),
            }
        };
        Ok(match f {
            WindowFn::RowNumber => self.row_number().cast(PlType::Int32),
            WindowFn::Rank => self.rank().cast(PlType::Int32),
            WindowFn::DenseRank => self.peer_group().cast(PlType::Int32),
            WindowFn::PercentRank => {
                let n = self.count().cast(PlType::Float64);
                let r = self.rank().cast(PlType::Float64);
                when(n.clone().gt(lit(1.0))).then((r - lit(1.0)) / (n - lit(1.0))).otherwise(lit(0.0))
            }
            WindowFn::CumeDist => {
                let last_peer = self.within_peers(self.row_number().max());
                last_peer.cast(PlType::Float64) / self.count().cast(PlType::Float64)
            }
            WindowFn::Ntile => {
                // Spark's NTile: the first `count % n` buckets hold one row more.
                let n = int_arg(0, 1)?;
                let (rows, i) = (self.count(), self.row_number() - lit(1i64));
                let size = rows.clone() / lit(n);
                let extra = rows % lit(n);
                let big = (size.clone() + lit(1i64)) * extra.clone();
                when(i.clone().lt(big))
                    .then(i.clone() / (size.clone() + lit(1i64)) + lit(1i64))
                    .otherwise((i - extra) / when(size.clone().eq(lit(0i64))).then(lit(1i64)).otherwise(size) + lit(1i64))
                    .cast(PlType::Int32)
            }
            WindowFn::Lag | WindowFn::Lead => {
                let k = int_arg(1, 1)?;
                let k = if f == WindowFn::Lag { k } else { -k };
                let default = args.get(2).cloned().unwrap_or_else(|| lit(pl::NULL)).cast(out_type.clone());
                let shifted = self.within(args[0].clone().shift(lit(k)));
                let row = self.row_number();
                let inside = if k >= 0 { row.gt(lit(k)) } else { (row - lit(k)).lt_eq(self.count()) };
                when(inside).then(shifted).otherwise(default).cast(out_type)
            }
            WindowFn::NthValue => {
                // The n-th row of the frame (default: the partition up to the current peers).
                let n = int_arg(1, 1)?;
                if n < 1 {
                    return Err(Error::unsupported("nth_value with an offset below 1"));
                }
                let nth = self.within(args[0].clone().gather(lit((n - 1) as u32), true).first());
                let reached = self.within_peers(self.row_number().max()).gt_eq(lit(n));
                when(reached).then(nth).otherwise(lit(pl::NULL).cast(out_type.clone())).cast(out_type)
            }
        })
    }

    /// An aggregate over a frame of the partition.
    fn aggregate(&self, lw: &ExprLowering, f: AggregateFn, call: &Call, args: Vec<pl::Expr>, frame: &WindowFrame, steps: &mut Steps) -> Result<pl::Expr> {
        use FrameBound::*;
        match (&frame.start, &frame.end) {
            (UnboundedPreceding, UnboundedFollowing) => {
                let agg = lower_call(call, args, &None, lw.conf)?;
                Ok(self.within(agg))
            }
            (UnboundedPreceding, CurrentRow) => {
                let running = self.running(f, call, &args)?;
                // RANGE frames end with the current row's last peer.
                Ok(if frame.kind == FrameKind::Range && !self.keys.is_empty() { self.within_peers(steps.column(running).last()) } else { running })
            }
            _ => Err(Error::unsupported("this window frame (bounded ROWS/RANGE frames)")),
        }
    }

    /// An aggregate over the rows of the partition up to and including the current one.
    fn running(&self, f: AggregateFn, call: &Call, args: &[pl::Expr]) -> Result<pl::Expr> {
        let out_type = to_polars(&call.data_type);
        let x = || args[0].clone();
        let seen = self.within(x().is_not_null().cast(PlType::Int64).cum_sum(false));
        let none_yet = seen.clone().eq(lit(0i64));
        let null = || lit(pl::NULL).cast(out_type.clone());
        Ok(match f {
            AggregateFn::Count if call.args.iter().all(|a| matches!(a, Expr::Literal(v) if !v.is_null())) => self.row_number(),
            AggregateFn::Count if args.len() == 1 && !call.distinct => seen,
            AggregateFn::Sum if !call.distinct => {
                let sum = self.within(x().cast(out_type.clone()).cum_sum(false));
                when(none_yet).then(null()).otherwise(sum)
            }
            AggregateFn::Avg if !call.distinct && !matches!(call.data_type, crate::ir::DataType::Decimal(..)) => {
                let sum = self.within(x().cast(PlType::Float64).cum_sum(false));
                when(none_yet).then(null()).otherwise(sum / seen.cast(PlType::Float64))
            }
            AggregateFn::Min => self.within(x().cum_min(false)),
            AggregateFn::Max if !call.data_type.is_floating() => self.within(x().cum_max(false)),
            _ => return Err(Error::unsupported(format!("{} over a running window frame", call.name))),
        }
        .cast(out_type))
    }
}

fn literal_int(v: &crate::ir::Value) -> Option<i64> {
    use crate::ir::Value;
    match v {
        Value::Byte(x) => Some(*x as i64),
        Value::Short(x) => Some(*x as i64),
        Value::Integer(x) => Some(*x as i64),
        Value::Long(x) => Some(*x),
        _ => None,
    }
}
