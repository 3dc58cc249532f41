//! Functions that read one row of the frame or count its rows, from the frame's
//! positions (`frame::Positions`) and running counts of non-NULL values, without
//! grouping: `lag`/`lead`, `nth_value` (ignoring NULLs or not), `first`/`last`
//! (ignoring NULLs or not) and `count` over any frame.

use super::frame::Positions;
use super::layout::Layout;
use polars::prelude::{self as pl, lit, when, DataType as PlType, SearchSortedSide};

/// `lag(x, k, default)` (`k` rows before, a negative `k` after) and `lead`: x of the row
/// `rows` away in the partition, else the default (evaluated on the current row).
pub fn shifted(x: pl::Expr, rows: i64, default: pl::Expr, out: PlType) -> pl::Expr {
    let target = Layout::pos() + lit(rows);
    let inside = target.clone().gt_eq(Layout::partition_start()).and(target.lt_eq(Layout::partition_end()));
    when(inside).then(x.shift(lit(-rows))).otherwise(default).cast(out)
}

/// `lag(x, k) IGNORE NULLS`: the `k`-th non-NULL value before the row (after it for a
/// positive `rows`) in the partition, else the default.
pub fn shifted_non_null(x: pl::Expr, rows: i64, default: pl::Expr, counts: &Counts, out: PlType) -> pl::Expr {
    let target = if rows < 0 { counts.before.clone() + lit(rows + 1) } else { counts.upto.clone() + lit(rows) };
    let pos = counts.upto.clone().search_sorted(target.clone(), SearchSortedSide::Left, false).cast(PlType::Int64);
    let inside = target.gt(lit(0i64)).and(pos.clone().gt_eq(Layout::partition_start())).and(pos.clone().lt_eq(Layout::partition_end()));
    when(inside).then(x.gather(safe(pos), false)).otherwise(default).cast(out)
}

/// A position made safe to gather at (results at clamped positions are masked off).
fn safe(p: pl::Expr) -> pl::Expr {
    p.clip(lit(0i64), (pl::len().cast(PlType::Int64) - lit(1i64)).clip_min(lit(0i64))).cast(pl::IDX_DTYPE)
}

/// `x` at position `p` when `valid`, else NULL.
fn at(x: pl::Expr, p: pl::Expr, valid: pl::Expr, out: &PlType) -> pl::Expr {
    when(valid).then(x.gather(safe(p), false)).otherwise(lit(pl::NULL).cast(out.clone())).cast(out.clone())
}

/// Running counts of the rows where `present` holds, over the whole sorted frame:
/// `upto` counts up to and including a position, `before` strictly before it.
pub struct Counts {
    pub upto: pl::Expr,
    pub before: pl::Expr,
}

impl Counts {
    /// The step columns to add for `present`: (upto, before).
    pub fn columns(present: pl::Expr) -> (pl::Expr, pl::Expr) {
        let flag = present.cast(PlType::Int64);
        let upto = flag.clone().cum_sum(false);
        (upto.clone(), upto - flag)
    }

    /// How many counted rows the frame holds.
    pub fn in_frame(&self, p: &Positions) -> pl::Expr {
        let n = self.upto.clone().gather(safe(p.hi.clone()), false) - self.before.clone().gather(safe(p.lo.clone()), false);
        when(p.empty()).then(lit(0i64)).otherwise(n)
    }

    /// The position of the `n`-th counted row at or after `from` (past the end: a
    /// position after the last row).
    fn nth_from(&self, from: pl::Expr, n: pl::Expr) -> pl::Expr {
        let target = self.before.clone().gather(safe(from), false) + n;
        self.upto.clone().search_sorted(target, SearchSortedSide::Left, false).cast(PlType::Int64)
    }
}

/// The `n`-th row of the frame (`nth_value`; `first` is n = 1), or its `n`-th non-NULL
/// value when `non_null` counts them.
pub fn nth(x: pl::Expr, n: i64, p: &Positions, non_null: Option<&Counts>, out: &PlType) -> pl::Expr {
    let pos = match non_null {
        None => p.lo.clone() + lit(n - 1),
        Some(c) => c.nth_from(p.lo.clone(), lit(n)),
    };
    let valid = p.empty().not().and(pos.clone().lt_eq(p.hi.clone()));
    at(x, pos, valid, out)
}

/// The last row of the frame (`last`), or its last non-NULL value.
pub fn last(x: pl::Expr, p: &Positions, non_null: Option<&Counts>, out: &PlType) -> pl::Expr {
    match non_null {
        None => at(x, p.hi.clone(), p.empty().not(), out),
        Some(c) => {
            let seen = c.in_frame(p);
            // The first position where the running count reaches its value at `hi`.
            let total = c.upto.clone().gather(safe(p.hi.clone()), false);
            let pos = c.upto.clone().search_sorted(total, SearchSortedSide::Left, false).cast(PlType::Int64);
            at(x, pos, seen.gt(lit(0i64)), out)
        }
    }
}
