//! The typed id of every Spark function PyRust implements, one enum per family.
//! `analysis::functions` gives each id its signature (names, argument casts, result
//! type, nullability, display name); `lowering::functions` its Polars form, in an
//! exhaustive match per family, so an id without a lowering does not compile.

/// A function, by family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    Aggregate(AggregateFn),
    Math(MathFn),
    String(StringFn),
    Conditional(ConditionalFn),
    Datetime(DatetimeFn),
    Collection(CollectionFn),
    Map(MapFn),
    Struct(StructFn),
    Json(JsonFn),
    Hash(HashFn),
    Misc(MiscFn),
}

impl Func {
    /// Aggregate functions reduce the rows of a group to one value.
    pub fn is_aggregate(self) -> bool {
        matches!(self, Func::Aggregate(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AggregateFn {
    Count,
    Sum,
    Avg,
    Min,
    Max,
    First,
    Last,
    StddevSamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MathFn {
    Abs,
    Round,
    Bround,
    Sqrt,
    IsNan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StringFn {
    Upper,
    Lower,
    Length,
    Trim,
    Ltrim,
    Rtrim,
    Concat,
    ConcatWs,
    Substring,
    Like,
    Rlike,
    StartsWith,
    EndsWith,
    Contains,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConditionalFn {
    Coalesce,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatetimeFn {
    Year,
    Quarter,
    Month,
    DayOfMonth,
    DayOfWeek,
    DayOfYear,
    ToDate,
    DateAdd,
    DateSub,
    DateDiff,
    // Java datetime patterns: printing and parsing.
    DateFormat,
    FromUnixTime,
    UnixTimestamp,
    ToUnixTimestamp,
    ToTimestamp,
    ToTimestampLtz,
    ToTimestampNtz,
    TryToTimestamp,
    // The query's start time and the session zone.
    CurrentDate,
    CurrentTimestamp,
    Now,
    LocalTimestamp,
    CurrentTimezone,
    // Fields, calendar arithmetic, construction, zones and epoch conversions.
    Hour,
    Minute,
    Second,
    WeekOfYear,
    Weekday,
    DayName,
    MonthName,
    LastDay,
    NextDay,
    AddMonths,
    MonthsBetween,
    Trunc,
    DateTrunc,
    TimestampAdd,
    TimestampDiff,
    /// `date_part`, `datepart`, `extract`.
    DatePart,
    MakeDate,
    MakeTimestamp,
    MakeTimestampLtz,
    MakeTimestampNtz,
    TryMakeTimestamp,
    TryMakeTimestampLtz,
    TryMakeTimestampNtz,
    FromUtcTimestamp,
    ToUtcTimestamp,
    ConvertTimezone,
    TimestampSeconds,
    TimestampMillis,
    TimestampMicros,
    UnixSeconds,
    UnixMillis,
    UnixMicros,
    UnixDate,
    DateFromUnixDate,
    // Intervals and datetime arithmetic.
    MakeDtInterval,
    MakeYmInterval,
    MakeInterval,
    TryMakeInterval,
    /// `datetime + interval` (Spark's TimeAdd, DateAddYMInterval...).
    AddInterval,
    /// `datetime - interval`.
    SubtractInterval,
    /// `timestamp - timestamp`: a day-time interval of the wall-clock difference.
    SubtractTimestamps,
    /// `date - date`: an interval of days.
    SubtractDates,
    MultiplyInterval,
    DivideInterval,
    // Time windows for group-by.
    /// `window(time, duration, slide, start)`: a tumbling window's `start`/`end` struct.
    Window,
    WindowTime,
    /// `session_window(time, gap)`: one event's window, `[time, time + gap)`.
    SessionWindow,
    /// A group-by's sessions (built by analysis): events of the same other keys whose
    /// windows touch merge. Arguments: time, gap, the other keys.
    SessionWindowMerge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CollectionFn {
    /// `arr[i]` (0-based) or `map[key]`.
    GetItem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StructFn {
    /// `s.field`.
    GetField,
}

/// Functions of maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapFn {}

/// JSON and CSV text: parsing, writing, schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonFn {}

/// Hashes and checksums (bit-exact with Spark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashFn {}

/// Everything else: ids, type names, assertions, session values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MiscFn {}
