//! The common windows without the node's global sort and helper columns: every
//! expression of the node is one Polars `over(PARTITION BY, order_by = ORDER BY)`,
//! which groups the rows, sorts each group by the one ORDER BY key (stably, with the
//! key's direction and NULL order) and maps the results back to the input rows.
//! Taken when the node has at most one ORDER BY key and each expression is one of:
//! `row_number`, `rank`, `dense_rank`; `lag`/`lead` without IGNORE NULLS; an
//! aggregate over the whole partition; `sum`/`avg`/`min`/`max`/`count` over ROWS
//! BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW with a running form; `sum`, `avg`,
//! `min`, `max` and `count` over RANGE BETWEEN k PRECEDING AND CURRENT ROW (or CURRENT
//! ROW AND k FOLLOWING) over a date or integer key of either direction, where Polars'
//! `rolling_*_by` gives Spark's value (`range_rolling`). Anything else takes the
//! general lowering (`super::lower_window`).
//!
//! Spark's semantics as the general lowering has them: NULL partition keys are a
//! partition of their own (as Polars groups them), -0.0 and 0.0 one partition (float
//! keys are normalised), peers compare as `neq_missing` does there.

use super::aggregate;
use super::frame::{Bound, Frame};
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{AggregateFn, WindowFn};
use crate::ir::{Call, DataType, Expr, FrameKind, Func, NamedExpr, WindowSpec};
use crate::lowering::expr::ExprLowering;
use crate::lowering::functions::lower_call;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, DataType as PlType, LazyFrame, SortOptions};

/// The node's expressions as columns of `lf`, when every one has a fast form.
pub fn lower(lw: &ExprLowering, lf: LazyFrame, spec: &WindowSpec, exprs: &[NamedExpr]) -> Result<Option<LazyFrame>> {
    if spec.order_by.len() > 1 || !spec.partition_by.iter().chain(spec.order_by.iter().map(|k| &k.expr)).all(|e| plain(&data_type(e))) {
        return Ok(None);
    }
    let mut parts = vec![];
    for e in &spec.partition_by {
        let p = lw.lower(e)?;
        // -0.0 + 0.0 is 0.0: one partition, as Spark groups them.
        parts.push(if data_type(e).is_floating() { p + lit(0.0) } else { p });
    }
    let order = match spec.order_by.first() {
        Some(k) => Some((lw.lower(&k.expr)?, SortOptions::default().with_order_descending(!k.ascending).with_nulls_last(!k.nulls_first).with_maintain_order(true))),
        None => None,
    };
    let group = Group { parts, order, sort_key: spec.order_by.first().cloned() };
    let mut columns = vec![];
    for ne in exprs {
        let Some(e) = fast_form(lw, &group, &ne.expr)? else { return Ok(None) };
        columns.push(e.alias(ne.attr.engine_name().as_str()));
    }
    // Without PARTITION BY the rows are one partition: sorted once (Spark's rows come
    // out in that order too), the expressions then run over the whole frame.
    let lf = match (&group.order, group.parts.is_empty()) {
        (Some((k, options)), true) => lf.sort_by_exprs(
            [k.clone()],
            pl::SortMultipleOptions::new()
                .with_order_descending(options.descending)
                .with_nulls_last(options.nulls_last)
                .with_maintain_order(true),
        ),
        _ => lf,
    };
    Ok(Some(lf.with_columns(columns)))
}

/// Key types whose grouping and ordering in Polars are Spark's.
fn plain(t: &DataType) -> bool {
    t.is_numeric() || matches!(t, DataType::Boolean | DataType::String | DataType::Date | DataType::Timestamp | DataType::TimestampNtz | DataType::Null)
}

/// The partition keys and the sort of one node.
struct Group {
    parts: Vec<pl::Expr>,
    order: Option<(pl::Expr, SortOptions)>,
    sort_key: Option<crate::ir::SortKey>,
}

impl Group {
    /// `e` per partition, in window order (without PARTITION BY the frame is sorted
    /// already: `e` as it is).
    fn ordered(&self, e: pl::Expr) -> Result<pl::Expr> {
        match &self.order {
            Some((k, options)) if !self.parts.is_empty() => {
                Ok(e.over_with_options(Some(self.parts.clone()), Some((vec![k.clone()], *options)), Default::default())?)
            }
            _ => self.unordered(e),
        }
    }

    /// `e` per partition, in any order (aggregates over the whole partition).
    fn unordered(&self, e: pl::Expr) -> Result<pl::Expr> {
        if self.parts.is_empty() {
            return Ok(e);
        }
        Ok(e.over(self.parts.clone())?)
    }

    fn key(&self) -> Option<pl::Expr> {
        self.order.as_ref().map(|(k, _)| k.clone())
    }
}

/// 0, 1, 2... within the partition (evaluated inside `over`).
fn index() -> pl::Expr {
    pl::int_range(lit(0i64), pl::len().cast(PlType::Int64), 1, PlType::Int64)
}

fn fast_form(lw: &ExprLowering, g: &Group, e: &Expr) -> Result<Option<pl::Expr>> {
    let Expr::Window { function, spec } = e else { return Ok(None) };
    let (Expr::Call(call), Some(frame)) = (function.as_ref(), spec.frame.as_ref()) else { return Ok(None) };
    let frame = Frame::of(frame, lw.conf.ansi)?;
    match call.func {
        Func::Window(f) => window_function(lw, g, f, call, &frame),
        Func::Aggregate(f) => aggregate(lw, g, f, call, &frame),
        _ => Ok(None),
    }
}

fn window_function(lw: &ExprLowering, g: &Group, f: WindowFn, call: &Call, frame: &Frame) -> Result<Option<pl::Expr>> {
    let Some(key) = g.key() else { return Ok(None) };
    let out = to_polars(&call.data_type);
    let e = match f {
        WindowFn::RowNumber => (index() + lit(1i64)).cast(PlType::Int32),
        WindowFn::Rank | WindowFn::DenseRank => {
            // A row starts its peers when its key differs from the previous row's.
            let starts = key.clone().neq_missing(key.shift(lit(1i64))).or(index().eq(lit(0i64)));
            if f == WindowFn::DenseRank {
                starts.cast(PlType::Int64).cum_sum(false).cast(PlType::Int32)
            } else {
                let at = when(starts).then(index() + lit(1i64)).otherwise(lit(pl::NULL).cast(PlType::Int64));
                at.fill_null_with_strategy(pl::FillNullStrategy::Forward(None)).cast(PlType::Int32)
            }
        }
        WindowFn::Lag | WindowFn::Lead => {
            let (Bound::Rows(rows), false) = (&frame.start, super::bool_arg(call, 3)) else { return Ok(None) };
            let x = lw.lower(&call.args[0])?;
            let shifted = x.shift(lit(-*rows));
            if call.args.get(2).is_none_or(Expr::is_null_literal) {
                shifted.cast(out)
            } else {
                let target = index() + lit(*rows);
                let inside = target.clone().gt_eq(lit(0i64)).and(target.lt(pl::len().cast(PlType::Int64)));
                when(inside).then(shifted).otherwise(lw.lower(&call.args[2])?).cast(out)
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(g.ordered(e)?))
}

fn aggregate(lw: &ExprLowering, g: &Group, f: AggregateFn, call: &Call, frame: &Frame) -> Result<Option<pl::Expr>> {
    if matches!(f, AggregateFn::First | AggregateFn::Last) || call.args.is_empty() {
        return Ok(None);
    }
    let args = call.args.iter().map(|a| lw.lower(a)).collect::<Result<Vec<_>>>()?;
    if frame.is_whole() {
        if f == AggregateFn::Count {
            return Ok(None);
        }
        // In window order, as the general lowering adds floating-point values.
        let agg = lower_call(call, args, &None, lw.conf)?;
        return Ok(Some(g.ordered(agg)?));
    }
    if let Some(rolled) = range_rolling(lw, g, f, call, frame, &args)? {
        return Ok(Some(rolled));
    }
    // ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: a running form read on the row.
    if !(frame.kind == FrameKind::Rows && frame.start == Bound::Unbounded && frame.end == Bound::Current) || g.order.is_none() {
        return Ok(None);
    }
    let out = to_polars(&call.data_type);
    if f == AggregateFn::Count {
        let all_literals = call.args.iter().all(|a| matches!(a, Expr::Literal(v) if !v.is_null()));
        let present = args.iter().map(|a| a.clone().is_not_null()).reduce(|a, b| a.and(b)).unwrap_or(lit(true));
        let n = if all_literals { index() + lit(1i64) } else { present.cast(PlType::Int64).cum_sum(false) };
        return Ok(Some(g.ordered(n)?.cast(out)));
    }
    // One `over` for the running value and its count of inputs (the pieces as they
    // are, composed, then evaluated per partition in window order).
    let Some(r) = aggregate::running(&|e| e, f, call, args[0].clone(), false, lw.conf.ansi) else { return Ok(None) };
    let value = g.ordered(aggregate::running_here(r.value, r.seen, &out))?;
    Ok(Some(match r.overflow {
        Some(bad) => aggregate::fail_on_overflow(value, g.ordered(bad)?),
        None => value,
    }))
}

/// RANGE BETWEEN k PRECEDING AND CURRENT ROW, or CURRENT ROW AND k FOLLOWING, over one
/// date or INT/SMALLINT/TINYINT key in either direction, for the aggregates whose
/// Polars rolling form is Spark's: `avg` of floating and integer values and `sum` of
/// floating values (Polars sums with compensation, within the cases' tolerance of
/// Spark's sums), `sum` of integers (BIGINT) and of DECIMALs of up to 9 digits (on the
/// unscaled values, exact), `min`/`max` of integers, and `count`.
///
/// Polars' `rolling_*_by` window of a row holds the rows whose `by` lies in
/// `(by - k - 1, by]`, its peers too, as Spark's RANGE frame. The frame reaches
/// towards smaller keys (`k PRECEDING` ascending, `k FOLLOWING` descending) or larger
/// ones; `by` is the key, negated for the latter. NULL keys get a NULL `by` (Polars
/// leaves them out of every window); their own frame is the NULL peers.
fn range_rolling(lw: &ExprLowering, g: &Group, f: AggregateFn, call: &Call, frame: &Frame, args: &[pl::Expr]) -> Result<Option<pl::Expr>> {
    let (following, offset) = match (frame.kind, &frame.start, &frame.end) {
        (FrameKind::Range, Bound::Value(v), Bound::Current) => (false, v),
        (FrameKind::Range, Bound::Current, Bound::Value(v)) => (true, v),
        _ => return Ok(None),
    };
    let (Some(k), Some((key, options))) = (g.sort_key.as_ref(), g.order.as_ref()) else { return Ok(None) };
    let key_type = data_type(&k.expr);
    // BIGINT and timestamp keys stay on the general path: Polars' window arithmetic
    // on them could pass the ends of BIGINT.
    let narrow_key = matches!(key_type, DataType::Date | DataType::Byte | DataType::Short | DataType::Integer);
    if !narrow_key || frame.has_months() || args.len() != 1 {
        return Ok(None);
    }
    let range_key = super::frame::RangeKey::new(k, key.clone(), &lw.conf.session_time_zone);
    let distance = if following { range_key.integer_offset(offset) } else { -range_key.integer_offset(offset) };
    if !(1..1 << 40).contains(&distance) {
        return Ok(None);
    }
    let arg_type = data_type(&call.args[0]);
    let x = args[0].clone();
    // Polars rolls a column, not a constant: `count(1)` counts rows, other constant
    // arguments take the general path.
    let literal = matches!(&call.args[0], Expr::Literal(v) if !v.is_null());
    let per_row = call.args[0].any(&|e| matches!(e, Expr::Attr(_)));
    if !(per_row || literal && f == AggregateFn::Count) {
        return Ok(None);
    }
    let short_int = matches!(arg_type, DataType::Byte | DataType::Short | DataType::Integer);
    let window = pl::RollingOptionsDynamicWindow {
        window_size: pl::Duration::new(distance + 1),
        min_periods: 1,
        closed_window: pl::ClosedWindow::Right,
        fn_params: None,
    };
    let by = if options.descending != following { -key.clone().cast(PlType::Int64) } else { key.clone().cast(PlType::Int64) };
    let out = to_polars(&call.data_type);
    let rolled = match f {
        AggregateFn::Avg if arg_type.is_floating() || short_int => x.cast(PlType::Float64).rolling_mean_by(by, window),
        AggregateFn::Sum if arg_type.is_floating() => x.cast(PlType::Float64).rolling_sum_by(by, window),
        // Sums of INTs fit a BIGINT over any frame shorter than 2^32 rows.
        AggregateFn::Sum if short_int => x.cast(PlType::Int64).rolling_sum_by(by, window),
        AggregateFn::Sum => match (&arg_type, &call.data_type) {
            (DataType::Decimal(p, _), DataType::Decimal(rp, rs)) if *p <= 9 => {
                let unscaled = x.to_physical().cast(PlType::Int64).rolling_sum_by(by, window);
                crate::compat::datetime_fns::unscaled_decimal(unscaled, *rp as usize, *rs as usize)
            }
            _ => return Ok(None),
        },
        AggregateFn::Min | AggregateFn::Max if short_int || arg_type == DataType::Long => {
            if f == AggregateFn::Min { x.rolling_min_by(by, window) } else { x.rolling_max_by(by, window) }
        }
        AggregateFn::Count => {
            let present = if literal { pl::repeat(lit(1i64), pl::len()) } else { x.is_not_null().cast(PlType::Int64) };
            present.rolling_sum_by(by, window)
        }
        _ => return Ok(None),
    };
    let rolled = rolled.cast(out.clone());
    let value = if crate::analysis::typing::nullable(&k.expr, true) {
        // A NULL key's frame is the partition's NULL-key rows: their aggregate, in the
        // same `over` (no second grouping of the rows).
        let null_key = key.clone().is_null();
        let by_nulls = match f {
            AggregateFn::Count if literal => null_key.clone().cast(PlType::Int64).sum(),
            _ => lower_call(call, args.iter().map(|a| a.clone().filter(null_key.clone())).collect(), &None, lw.conf)?,
        };
        when(null_key).then(by_nulls.cast(out.clone())).otherwise(rolled)
    } else {
        rolled
    };
    let empty = if f == AggregateFn::Count { lit(0i64) } else { lit(pl::NULL) }.cast(out);
    Ok(Some(range_key.checked(g.ordered(value)?, offset, lw.conf.ansi, Some(empty))))
}
