//! A window frame against the sorted rows of a Window node: its bounds as numbers
//! (rows for ROWS, values of the ORDER BY key for RANGE), and the global positions
//! of its first and last row for every row (`lo..=hi`, empty when `lo > hi`).
//!
//! RANGE bounds follow Spark's `RangeBoundOrdering`: the frame of a row holds the
//! rows whose key compares at least `key + start` and at most `key + end` in the
//! window's order (`key - offset` when descending), NaN the greatest double and equal
//! to NaN; a row with a NULL key has the NULL rows as its frame (a NULL bound), plus
//! the rest of the partition on an unbounded side.

use super::layout::{Layout, PID};
use crate::analysis::windows::range_offset;
use crate::compat::checks::fail_where;
use crate::compat::errors::overflow_message;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, FrameBound, FrameKind, SortKey, Value, WindowFrame};
use polars::prelude::{self as pl, col, lit, when, DataType as PlType, SearchSortedSide};

/// One end of a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    Unbounded,
    Current,
    /// ROWS: rows after the current one (negative: before).
    Rows(i64),
    /// RANGE: a distance in the ORDER BY key's type (negative precedes), never zero.
    Value(Value),
}

#[derive(Debug, Clone)]
pub struct Frame {
    pub kind: FrameKind,
    pub start: Bound,
    pub end: Bound,
}

impl Frame {
    /// The frame of a resolved window spec (analysis filled it in and typed its offsets).
    pub fn of(frame: &WindowFrame, ansi: bool) -> Result<Frame> {
        let rows = frame.kind == FrameKind::Rows;
        let bound = |b: &FrameBound| -> Result<Bound> {
            Ok(match b {
                FrameBound::UnboundedPreceding | FrameBound::UnboundedFollowing => Bound::Unbounded,
                FrameBound::CurrentRow => Bound::Current,
                FrameBound::Offset(e) if rows => Bound::Rows(crate::analysis::windows::fold_integer(e).ok_or_else(|| Error::internal("a ROWS offset that is not a number"))?),
                FrameBound::Offset(e) => match range_offset(e, ansi)? {
                    v if is_zero(&v) => Bound::Current,
                    v => Bound::Value(v),
                },
            })
        };
        Ok(Frame { kind: frame.kind, start: bound(&frame.start)?, end: bound(&frame.end)? })
    }

    /// Every row of the partition, whatever the row.
    pub fn is_whole(&self) -> bool {
        self.start == Bound::Unbounded && self.end == Bound::Unbounded
    }

    /// A frame that no row can fall into (its start after its end).
    pub fn is_inverted(&self) -> bool {
        match (&self.start, &self.end) {
            (Bound::Rows(a), Bound::Rows(b)) => a > b,
            (Bound::Rows(a), Bound::Current) => *a > 0,
            (Bound::Current, Bound::Rows(b)) => *b < 0,
            (Bound::Value(a), Bound::Value(b)) => number(a) > number(b),
            (Bound::Value(a), Bound::Current) => number(a) > 0.0,
            (Bound::Current, Bound::Value(b)) => number(b) < 0.0,
            _ => false,
        }
    }

    pub fn has_values(&self) -> bool {
        matches!(self.start, Bound::Value(_)) || matches!(self.end, Bound::Value(_))
    }

    /// A bound in months (a year-month INTERVAL): months have no fixed length, so its
    /// frames are found by searching for each row's bound, never by a fixed-width window.
    pub fn has_months(&self) -> bool {
        [&self.start, &self.end].into_iter().any(|b| matches!(b, Bound::Value(Value::YearMonthInterval(..))))
    }
}

fn is_zero(v: &Value) -> bool {
    number(v) == 0.0
}

/// A RANGE offset as a double, to compare offsets.
pub fn number(v: &Value) -> f64 {
    match v {
        Value::Byte(x) => *x as f64,
        Value::Short(x) => *x as f64,
        Value::Integer(x) => *x as f64,
        Value::Long(x) => *x as f64,
        Value::Float(x) => *x as f64,
        Value::Double(x) => *x,
        Value::Decimal(u, _, s) => *u as f64 / 10f64.powi(*s as i32),
        Value::DayTimeInterval(us, ..) => *us as f64,
        Value::YearMonthInterval(m, ..) => *m as f64,
        _ => 0.0,
    }
}

/// The ORDER BY key of a RANGE frame with value bounds, lowered.
pub struct RangeKey {
    pub key: pl::Expr,
    pub data_type: DataType,
    pub descending: bool,
    pub nulls_first: bool,
    pub nullable: bool,
    /// The session time zone: months are added to a TIMESTAMP on its local calendar.
    pub time_zone: String,
}

impl RangeKey {
    pub fn new(k: &SortKey, key: pl::Expr, time_zone: &str) -> RangeKey {
        RangeKey {
            time_zone: time_zone.to_string(),
            key,
            data_type: crate::analysis::typing::data_type(&k.expr),
            descending: !k.ascending,
            nulls_first: k.nulls_first,
            nullable: crate::analysis::typing::nullable(&k.expr, true),
        }
    }

    /// Keys whose values are exact integers: integers, dates (days), timestamps
    /// (microseconds) and decimals of up to 18 digits (unscaled).
    pub fn is_integral(&self) -> bool {
        matches!(self.data_type, DataType::Byte | DataType::Short | DataType::Integer | DataType::Long | DataType::Date | DataType::Timestamp | DataType::TimestampNtz)
            || matches!(self.data_type, DataType::Decimal(p, _) if p <= 18)
    }

    fn is_floating(&self) -> bool {
        self.data_type.is_floating()
    }

    /// The key, or a value of its type, as an integer in the window's order (larger
    /// is later): integers as they are, decimals unscaled, dates in days; flipped for
    /// a descending order (`-1 - x`, which cannot overflow).
    pub fn ordered_integer(&self, x: pl::Expr) -> pl::Expr {
        let x = match self.data_type {
            DataType::Decimal(..) => x.to_physical().cast(PlType::Int64),
            _ => x.cast(PlType::Int64),
        };
        if self.descending { lit(-1i64) - x } else { x }
    }

    /// An offset in the units of `ordered_integer`.
    pub fn integer_offset(&self, v: &Value) -> i64 {
        const DAY: i64 = 86_400_000_000;
        match v {
            Value::Decimal(u, _, _) => *u as i64,
            // A DAY interval over a date is whole days; over a timestamp, microseconds.
            Value::DayTimeInterval(us, ..) if self.data_type == DataType::Date => us / DAY,
            Value::DayTimeInterval(us, ..) => *us,
            other => number(other) as i64,
        }
    }

    /// `key + offset` in the key's type (`key - offset` when descending): Spark's bound.
    /// Integer keys add exactly; under ANSI a bound past the type's range fails as
    /// Spark's addition does.
    fn bound(&self, offset: &Value, ansi: bool) -> Result<pl::Expr> {
        if let Value::YearMonthInterval(m, ..) = offset {
            return self.plus_months(if self.descending { -(*m as i64) } else { *m as i64 });
        }
        let o = crate::lowering::expr::literal(offset)?;
        let shifted = |x: pl::Expr, o: pl::Expr| if self.descending { x - o } else { x + o };
        Ok(match &self.data_type {
            t if t.is_integral() => {
                let (bound, out) = self.integral_bound(offset);
                if ansi {
                    self.fail_on_overflow(bound, out)
                } else if *t == DataType::Long {
                    bound
                } else {
                    // Spark's legacy addition wraps in the key's own type.
                    let (lo, hi) = integral_range(t);
                    let span = hi - lo + 1;
                    when(bound.clone().gt(lit(hi))).then(bound.clone() - lit(span)).otherwise(when(bound.clone().lt(lit(lo))).then(bound.clone() + lit(span)).otherwise(bound))
                }
            }
            DataType::Date | DataType::Timestamp | DataType::TimestampNtz => shifted(self.key.clone().cast(PlType::Int64), lit(self.integer_offset(offset))),
            DataType::Float => shifted(self.key.clone(), o.cast(PlType::Float32)),
            DataType::Double => shifted(self.key.clone(), o.cast(PlType::Float64)),
            DataType::Decimal(..) => shifted(self.key.clone(), o),
            other => return Err(Error::unsupported(format!("a RANGE frame over {}", other.sql()))),
        })
    }

    /// An integer key's bound, exact in BIGINT for narrower keys (a BIGINT key wraps, as
    /// Spark's legacy addition does, and the wrap is seen from the sign), and the rows
    /// where Spark's addition in the key's type overflows (the offset is of the key's
    /// type, so a bound wraps at most once).
    fn integral_bound(&self, offset: &Value) -> (pl::Expr, pl::Expr) {
        let step = if self.descending { -self.integer_offset(offset) } else { self.integer_offset(offset) };
        let x = self.key.clone().cast(PlType::Int64);
        let bound = x.clone() + lit(step);
        let out = if self.data_type == DataType::Long {
            if step >= 0 { bound.clone().lt(x) } else { bound.clone().gt(x) }
        } else {
            let (lo, hi) = integral_range(&self.data_type);
            bound.clone().lt(lit(lo)).or(bound.clone().gt(lit(hi)))
        };
        (bound, out)
    }

    fn fail_on_overflow(&self, value: pl::Expr, out: pl::Expr) -> pl::Expr {
        let name = if self.data_type == DataType::Long { "long" } else { "integer" };
        fail_where(value, out, None, lit(0i64), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", move |_| overflow_message(name))
    }

    /// `value` of a frame with a bound `key ± offset`, where that bound passes an
    /// integer key type's range: under ANSI the query fails, as Spark's addition does;
    /// otherwise the bound wraps to the far side of the current row, and a frame whose
    /// other side is bounded holds no row (`empty`: the aggregate of no rows; None
    /// leaves `value` as it is).
    pub fn checked(&self, value: pl::Expr, offset: &Value, ansi: bool, empty: Option<pl::Expr>) -> pl::Expr {
        if !self.data_type.is_integral() {
            return value;
        }
        let (_, out) = self.integral_bound(offset);
        match (ansi, empty) {
            (true, _) => self.fail_on_overflow(value, out),
            (false, Some(empty)) => when(out).then(empty).otherwise(value),
            (false, None) => value,
        }
    }

    /// `key + months` as Spark's `DateAddYMInterval` / `TimestampAddYMInterval` (in the
    /// session time zone; TIMESTAMP_NTZ on its own calendar), in days or microseconds.
    fn plus_months(&self, months: i64) -> Result<pl::Expr> {
        let zone = match self.data_type {
            DataType::Date => None,
            DataType::Timestamp => Some(crate::compat::timezone::parse(&self.time_zone)?),
            DataType::TimestampNtz => Some(crate::compat::timezone::Zone::utc()),
            ref other => return Err(Error::internal(format!("a year-month INTERVAL bound over {}", other.sql()))),
        };
        Ok(crate::compat::interval::plus_months_column(self.key.clone(), months, zone))
    }

    /// A struct that orders like the window's rows in a partition, and is the same for
    /// peers: partition id, where NULL keys sort, where NaN sorts, the key in order.
    fn sort_struct(&self, value: pl::Expr, null_rank: pl::Expr) -> pl::Expr {
        let mut fields = vec![col(PID).alias("p"), null_rank.alias("n")];
        let v = if self.is_floating() {
            let nan = value.clone().is_nan();
            // NaN is the greatest value: last ascending, first descending.
            let nan_rank = if self.descending { nan.clone().not() } else { nan.clone() };
            fields.push(nan_rank.alias("f"));
            let zero = if self.data_type == DataType::Float { lit(0.0f32) } else { lit(0.0f64) };
            // -0.0 and 0.0 are peers.
            let v = when(nan.or(value.clone().eq(zero.clone()))).then(zero.clone()).otherwise(value);
            if self.descending { zero - v } else { v }
        } else if self.is_integral() {
            self.ordered_integer(value)
        } else {
            // Wide decimals: negated when descending (exact).
            if self.descending { lit(0).cast(crate::lowering::types::to_polars(&self.data_type)) - value } else { value }
        };
        fields.push(v.alias("v"));
        pl::as_struct(fields)
    }

    fn null_rank(&self, is_null: pl::Expr) -> pl::Expr {
        // NULL keys sort before (0) or after (2) every value (1).
        let null = if self.nulls_first { lit(0u8) } else { lit(2u8) };
        when(is_null).then(null).otherwise(lit(1u8))
    }

    /// The rows' own sort struct (NULL keys carry a zero value).
    pub fn rows_struct(&self) -> pl::Expr {
        let zero = match self.data_type {
            DataType::Float => lit(0.0f32),
            DataType::Double => lit(0.0f64),
            _ => lit(0i64).cast(crate::lowering::types::to_polars(&self.data_type)),
        };
        let value = self.key.clone().fill_null(zero);
        self.sort_struct(value, self.null_rank(self.key.clone().is_null()))
    }

    /// The global position where rows with a key `key + offset` would start (`Left`)
    /// or end (`Right`, one past) in the current row's partition. `sorted` is the
    /// rows' sort struct as a column.
    pub fn search(&self, sorted: pl::Expr, offset: &Value, side: SearchSortedSide, ansi: bool) -> Result<pl::Expr> {
        let bound = self.bound(offset, ansi)?;
        let target = self.sort_struct(bound, lit(1u8));
        Ok(sorted.search_sorted(target, side, false).cast(PlType::Int64))
    }
}

fn integral_range(t: &DataType) -> (i64, i64) {
    match t {
        DataType::Byte => (i8::MIN as i64, i8::MAX as i64),
        DataType::Short => (i16::MIN as i64, i16::MAX as i64),
        DataType::Integer => (i32::MIN as i64, i32::MAX as i64),
        _ => (i64::MIN, i64::MAX),
    }
}

/// The first and last global position of a frame for every row.
pub struct Positions {
    pub lo: pl::Expr,
    pub hi: pl::Expr,
}

impl Positions {
    /// The frame holds no row.
    pub fn empty(&self) -> pl::Expr {
        self.lo.clone().gt(self.hi.clone())
    }
    /// How many rows it holds.
    pub fn len(&self) -> pl::Expr {
        (self.hi.clone() - self.lo.clone() + lit(1i64)).clip_min(lit(0i64))
    }
}

/// Where the frame starts and ends for every row. `range_key` is the ORDER BY key
/// when the frame has value bounds; `sorted` the column of its rows' sort struct.
pub fn positions(frame: &Frame, range_key: Option<(&RangeKey, pl::Expr)>, ansi: bool) -> Result<Positions> {
    let pos = Layout::pos;
    Ok(match frame.kind {
        FrameKind::Rows => {
            let at = |b: &Bound, unbounded: pl::Expr| match b {
                Bound::Unbounded => unbounded,
                Bound::Current => pos(),
                Bound::Rows(k) => pos() + lit(*k),
                Bound::Value(_) => unreachable!("ROWS frames count rows"),
            };
            // Clipped to the partition; a frame past its edge comes out empty (lo > hi).
            let lo = at(&frame.start, Layout::partition_start()).clip_min(Layout::partition_start());
            let hi = at(&frame.end, Layout::partition_end()).clip_max(Layout::partition_end());
            Positions { lo, hi }
        }
        FrameKind::Range => {
            let null_key = range_key.as_ref().map(|(k, _)| k.key.clone().is_null());
            let at = |b: &Bound, side: SearchSortedSide| -> Result<pl::Expr> {
                Ok(match b {
                    Bound::Unbounded if side == SearchSortedSide::Left => Layout::partition_start(),
                    Bound::Unbounded => Layout::partition_end(),
                    Bound::Current if side == SearchSortedSide::Left => Layout::peers_start(),
                    Bound::Current => Layout::peers_end(),
                    Bound::Value(v) => {
                        let (key, sorted) = range_key.as_ref().ok_or_else(|| Error::internal("a RANGE offset without an ORDER BY key"))?;
                        let found = key.search(sorted.clone(), v, side, ansi)?;
                        let found = if side == SearchSortedSide::Right { found - lit(1i64) } else { found };
                        // A NULL key's bound is NULL: its frame is its peers (the NULL rows).
                        let peers = if side == SearchSortedSide::Left { Layout::peers_start() } else { Layout::peers_end() };
                        match &null_key {
                            Some(is_null) if key.nullable => when(is_null.clone()).then(peers).otherwise(found),
                            _ => found,
                        }
                    }
                    Bound::Rows(_) => unreachable!("RANGE frames compare values"),
                })
            };
            Positions { lo: at(&frame.start, SearchSortedSide::Left)?, hi: at(&frame.end, SearchSortedSide::Right)? }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(start: Bound, end: Bound) -> Frame {
        Frame { kind: FrameKind::Rows, start, end }
    }

    #[test]
    fn inverted_frames_are_seen() {
        assert!(frame(Bound::Rows(1), Bound::Current).is_inverted());
        assert!(frame(Bound::Current, Bound::Rows(-2)).is_inverted());
        assert!(!frame(Bound::Rows(-2), Bound::Rows(2)).is_inverted());
        assert!(!frame(Bound::Unbounded, Bound::Rows(-2)).is_inverted());
    }
}
