//! Aggregates over window frames. Any aggregate's own lowering (the expression a
//! group-by evaluates, `lowering::functions`) is evaluated over frames in one of
//! these ways, cheapest first:
//! - the whole partition: the aggregate `over` the partition;
//! - a frame from the partition's start (or to its end) for `sum`, `avg`, `min` and
//!   `max`: a running (reverse running) form per partition, read at the frame's end
//!   (start): O(n), and the additions in Spark's order;
//! - a frame of fixed shape around an integer index (the row number for ROWS frames,
//!   the peer group for RANGE frames without offsets, the key for RANGE offsets over
//!   integers, dates and decimals): Polars' `rolling` over that index per partition,
//!   which runs sums, means, minimums and maximums with sliding kernels;
//! - otherwise (RANGE offsets over floating-point or wide decimal keys): the rows of
//!   each frame are listed from its positions and aggregated as a group
//!   (`Membership`, in the node's lowering).
//!
//! `count`, `first` and `last` never aggregate: they read the frame's positions
//! (`offsets`).

use super::frame::{Bound, Frame, RangeKey};
use super::layout::Layout;
use crate::compat::checks::fail_where;
use crate::compat::errors::overflow_message;
use crate::error::ErrorKind;
use crate::ir::function::AggregateFn;
use crate::ir::{Call, DataType};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, ClosedWindow, DataType as PlType, Duration, FillNullStrategy};

/// Where a frame lies in its partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Whole,
    /// From the partition's first row.
    Prefix,
    /// To the partition's last row.
    Suffix,
    Sliding,
}

pub fn shape(frame: &Frame) -> Shape {
    match (&frame.start, &frame.end) {
        (Bound::Unbounded, Bound::Unbounded) => Shape::Whole,
        (Bound::Unbounded, _) => Shape::Prefix,
        (_, Bound::Unbounded) => Shape::Suffix,
        _ => Shape::Sliding,
    }
}

/// A running form: per-row cumulative values over the partition (from its end when
/// `reverse`), and how many non-NULL inputs each covers when the aggregate is NULL
/// over none (`sum`, `avg`).
pub struct Running {
    pub value: pl::Expr,
    pub seen: Option<pl::Expr>,
    /// Rows where the running value overflows its type: the query fails there, as
    /// Spark's ANSI addition does.
    pub overflow: Option<pl::Expr>,
}

/// The running form of an aggregate, when it has one.
/// `within` evaluates an expression per partition in window order.
pub fn running(within: &dyn Fn(pl::Expr) -> pl::Expr, f: AggregateFn, call: &Call, x: pl::Expr, reverse: bool, ansi: bool) -> Option<Running> {
    let t = crate::analysis::typing::data_type(call.args.first()?);
    let out = to_polars(&call.data_type);
    let seen = || within(x.clone().is_not_null().cast(PlType::Int64).cum_sum(reverse));
    let fill = if reverse { FillNullStrategy::Backward(None) } else { FillNullStrategy::Forward(None) };
    match f {
        AggregateFn::Sum if t.is_integral() => {
            let v = x.clone().cast(PlType::Int64).fill_null(lit(0i64));
            let total = within(v.clone().cum_sum(reverse));
            // A BIGINT sum that passes the type's range fails under ANSI, on the row
            // where it does; each step's sum is `previous + v`, wrapping.
            let overflow = ansi.then(|| {
                let previous = total.clone() - v.clone();
                v.clone().gt(lit(0i64)).and(total.clone().lt(previous.clone())).or(v.lt(lit(0i64)).and(total.clone().gt(previous)))
            });
            Some(Running { value: total, seen: Some(seen()), overflow })
        }
        AggregateFn::Sum if matches!(t, DataType::Float | DataType::Double | DataType::Null) => {
            // Polars' running sum starts from zero, as Spark adds (`0.0 + -0.0` is 0.0),
            // and is NULL on NULL inputs: filled from the row before, it is NULL only
            // before the first non-NULL input, as Spark's sum (no count of inputs needed).
            let total = within(x.clone().cast(PlType::Float64).cum_sum(reverse).fill_null_with_strategy(fill));
            Some(Running { value: total, seen: None, overflow: None })
        }
        AggregateFn::Sum if matches!(t, DataType::Decimal(p, _) if p <= 28) => {
            let v = x.clone().cast(out).fill_null(lit(0));
            // Polars' reverse cum_sum of decimals comes out in reverse row order: the
            // suffix is the partition's total less the prefix before the row (exact).
            let total = if reverse { within(v.clone().sum()) - within(v.clone().cum_sum(false)) + v } else { within(v.cum_sum(false)) };
            Some(Running { value: total, seen: Some(seen()), overflow: None })
        }
        AggregateFn::Avg if !matches!(t, DataType::Decimal(..)) && (t.is_numeric() || t == DataType::Null) => {
            let total = within(x.clone().cast(PlType::Float64).fill_null(lit(0.0)).cum_sum(reverse)) + lit(0.0);
            let n = seen();
            let mean = total / n.clone().cast(PlType::Float64);
            Some(Running { value: mean, seen: Some(n), overflow: None })
        }
        AggregateFn::Min | AggregateFn::Max if cumulative_type(&t) => {
            let cum = if f == AggregateFn::Min { x.clone().cum_min(reverse) } else { x.clone().cum_max(reverse) };
            let cum = within(cum.fill_null_with_strategy(fill));
            // Spark's max: NaN is the greatest value (Polars' cum_max passes over it).
            let value = if f == AggregateFn::Max && t.is_floating() {
                let nan_seen = within(x.clone().is_nan().fill_null(lit(false)).cast(PlType::Int64).cum_sum(reverse)).gt(lit(0i64));
                let nan = if t == DataType::Float { lit(f32::NAN) } else { lit(f64::NAN) };
                when(nan_seen).then(nan).otherwise(cum)
            } else {
                cum
            };
            Some(Running { value, seen: None, overflow: None })
        }
        _ => None,
    }
}

/// Types Polars' cumulative minimum and maximum take.
fn cumulative_type(t: &DataType) -> bool {
    t.is_numeric() || matches!(t, DataType::Date | DataType::Timestamp | DataType::TimestampNtz | DataType::Boolean)
}

/// A running form read at position `p` (the frame's last row for a prefix, its first
/// for a suffix); `empty` frames give NULL.
pub fn read_running(r: &Running, p: pl::Expr, empty: pl::Expr, out: &PlType) -> pl::Expr {
    let p = p.clip(lit(0i64), (pl::len().cast(PlType::Int64) - lit(1i64)).clip_min(lit(0i64))).cast(pl::IDX_DTYPE);
    let null = || lit(pl::NULL).cast(out.clone());
    let value = r.value.clone().gather(p.clone(), false);
    let value = match &r.seen {
        Some(seen) => when(seen.clone().gather(p, false).eq(lit(0i64))).then(null()).otherwise(value),
        None => value,
    };
    let value = when(empty).then(null()).otherwise(value).cast(out.clone());
    match &r.overflow {
        Some(bad) => fail_on_overflow(value, bad.clone()),
        None => value,
    }
}

/// A running form read on the row itself (a frame ending at the current row):
/// NULL before the first non-NULL input.
pub fn running_here(value: pl::Expr, seen: Option<pl::Expr>, out: &PlType) -> pl::Expr {
    match seen {
        Some(seen) => when(seen.eq(lit(0i64))).then(lit(pl::NULL).cast(out.clone())).otherwise(value),
        None => value,
    }
    .cast(out.clone())
}

/// `value`, failing the query on the rows where a BIGINT running sum overflowed.
pub fn fail_on_overflow(value: pl::Expr, bad: pl::Expr) -> pl::Expr {
    fail_where(value, bad, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| overflow_message("long"))
}

/// Offsets that stand for an unbounded side in a rolling window over an index.
pub const UNBOUNDED: i64 = 1 << 61;
/// Offsets past this reach as far as unbounded ones over any partition we accept.
pub const FAR: i64 = 1 << 60;
/// The widest spread of integer keys in a partition a RANGE frame rolls over.
pub const SPREAD: i64 = 1 << 59;

/// `agg` over a frame of fixed shape around an integer index: rows whose index lies in
/// `[index + start, index + end]`, per partition.
pub fn rolling(layout: &Layout, agg: pl::Expr, index: pl::Expr, start: i64, end: i64) -> pl::Expr {
    // A frame that starts after it ends holds no row.
    let (start, end) = if start > end { (UNBOUNDED, UNBOUNDED) } else { (start, end) };
    // Over integers `[i + start, i + end]` is `(i + start - 1, i + end]`, a window Polars
    // takes with a strictly positive period.
    let rolled = agg.rolling(index, Duration::new(end - start + 1), Duration::new(start - 1), ClosedWindow::Right);
    layout.within(rolled)
}

/// The offsets of a frame's bounds for `rolling` (rows, peer groups or key units).
pub fn index_offsets(frame: &Frame, key: Option<&RangeKey>) -> (i64, i64) {
    let offset = |b: &Bound, unbounded: i64| match b {
        Bound::Unbounded => unbounded,
        Bound::Current => 0,
        Bound::Rows(k) => (*k).clamp(-FAR, FAR),
        Bound::Value(v) => key.map(|k| k.integer_offset(v)).unwrap_or(0).clamp(-FAR, FAR),
    };
    (offset(&frame.start, -UNBOUNDED), offset(&frame.end, UNBOUNDED))
}

/// The index of a RANGE frame over an integer key: the key in window order, less the
/// partition's smallest, so values stay far from the ends of BIGINT; NULL keys sit
/// where they sort, past any bounded offset but within reach of unbounded ones (a
/// query whose keys spread wider than `SPREAD` in a partition is refused).
pub fn key_index(layout: &Layout, key: &RangeKey) -> pl::Expr {
    let ordered = key.ordered_integer(key.key.clone());
    let low = layout.within(ordered.clone().min());
    let high = layout.within(ordered.clone().max());
    let relative = ordered - low.clone();
    let sentinel = if key.nulls_first { -(FAR + (FAR >> 2)) } else { FAR + (FAR >> 1) + (FAR >> 2) };
    let index = relative.fill_null(lit(sentinel));
    let spread = (high.cast(PlType::Float64) - low.cast(PlType::Float64)).gt_eq(lit(SPREAD as f64));
    fail_where(index, spread, None, lit(0i64), ErrorKind::Runtime, "UNSUPPORTED_FEATURE.RANGE_FRAME_SPREAD", |_| {
        format!("PyRust cannot run a RANGE window frame over keys more than {SPREAD} apart in a partition.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_sentinels_stay_in_reach_of_unbounded_frames_only() {
        // Keys are relative: 0..SPREAD. Bounded offsets are clamped to FAR.
        let first = -(FAR + (FAR >> 2));
        let last = FAR + (FAR >> 1) + (FAR >> 2);
        // Reached from every key by an unbounded side, by no bounded one.
        assert!((SPREAD - UNBOUNDED..-FAR).contains(&first));
        assert!(SPREAD + FAR < last && last <= UNBOUNDED);
        // Their own windows do not overflow.
        assert!(first.checked_sub(UNBOUNDED).is_some() && last.checked_add(UNBOUNDED).is_some());
    }
}
