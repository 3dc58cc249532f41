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
    Window(WindowFn),
    Generator(GeneratorFn),
    Grouping(GroupingFn),
}

impl Func {
    /// Aggregate functions reduce the rows of a group to one value.
    pub fn is_aggregate(self) -> bool {
        matches!(self, Func::Aggregate(_))
    }

    /// Generators (`explode`...) give several rows per input row, in a select list.
    pub fn is_generator(self) -> bool {
        matches!(self, Func::Generator(_))
    }

    /// Window functions (`row_number`, `lag`...) exist only inside `OVER (...)`.
    pub fn is_window(self) -> bool {
        matches!(self, Func::Window(_))
    }

    /// `grouping`/`grouping_id`: valid only in a rollup, cube or grouping-sets aggregation.
    pub fn is_grouping(self) -> bool {
        matches!(self, Func::Grouping(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AggregateFn {
    Count,
    Sum,
    Avg,
    Min,
    Max,
    /// `first`, `first_value`, `any_value`.
    First,
    /// `last`, `last_value`.
    Last,
    StddevSamp,
    /// `approx_count_distinct` (exact here: Spark's HyperLogLog++ estimate is exact on small inputs).
    ApproxCountDistinct,
    MinBy,
    MaxBy,
    /// `collect_list`, `array_agg`.
    CollectList,
    CollectSet,
    CountIf,
    /// `bool_and`, `every`.
    BoolAnd,
    /// `bool_or`, `some`, `any`.
    BoolOr,
    BitAnd,
    BitOr,
    BitXor,
    Product,
    /// `listagg`, `string_agg` (DISTINCT for the `_distinct` forms).
    ListAgg,
    TrySum,
    TryAvg,
    StddevPop,
    /// `var_samp`, `variance`.
    VarSamp,
    VarPop,
    Skewness,
    Kurtosis,
    Corr,
    CovarSamp,
    CovarPop,
    RegrAvgX,
    RegrAvgY,
    RegrCount,
    RegrIntercept,
    RegrR2,
    RegrSlope,
    RegrSxx,
    RegrSxy,
    RegrSyy,
    /// Exact `percentile`, with an array of percentages and a frequency.
    Percentile,
    /// `percentile_approx`, `approx_percentile` (Spark's Greenwald-Khanna summary).
    PercentileApprox,
    Median,
    Mode,
    HistogramNumeric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MathFn {
    Abs,
    Round,
    Bround,
    Sqrt,
    IsNan,
    // Functions of one double (Spark's `UnaryMathExpression`).
    Cbrt,
    Exp,
    Expm1,
    Ln,
    Log10,
    Log2,
    Log1p,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Cot,
    Csc,
    Sec,
    Degrees,
    Radians,
    Rint,
    Signum,
    /// `log(base, x)`, or `log(x)` for the natural logarithm.
    Log,
    Pow,
    Atan2,
    Hypot,
    Ceil,
    Floor,
    E,
    Pi,
    Pmod,
    Mod,
    Negative,
    Positive,
    Greatest,
    Least,
    Factorial,
    Bin,
    Conv,
    WidthBucket,
    TryAdd,
    TrySubtract,
    TryMultiply,
    TryDivide,
    TryMod,
    Rand,
    Randn,
    Uniform,
    Randstr,
    // Bitwise.
    BitwiseNot,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    BitCount,
    BitGet,
    ShiftLeft,
    ShiftRight,
    ShiftRightUnsigned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StringFn {
    Upper,
    Lower,
    Length,
    Trim,
    Ltrim,
    Rtrim,
    Btrim,
    Concat,
    ConcatWs,
    Substring,
    Like,
    ILike,
    /// `x [NOT] LIKE ANY|ALL ('p', ...)` (`likeany(x)`, ...): its second argument is
    /// the OR/AND of the LIKEs it answers as.
    MultiLike,
    Rlike,
    StartsWith,
    EndsWith,
    Contains,
    Lpad,
    Rpad,
    Repeat,
    Reverse,
    InitCap,
    Instr,
    Locate,
    Left,
    Right,
    Split,
    SplitPart,
    SubstringIndex,
    Translate,
    Replace,
    Overlay,
    Ascii,
    Chr,
    Space,
    BitLength,
    OctetLength,
    FindInSet,
    Elt,
    Levenshtein,
    Soundex,
    RegexpReplace,
    RegexpExtract,
    RegexpExtractAll,
    RegexpCount,
    RegexpSubstr,
    RegexpInstr,
    Base64,
    UnBase64,
    Hex,
    Unhex,
    Encode,
    Decode,
    ToBinary,
    TryToBinary,
    IsValidUtf8,
    MakeValidUtf8,
    ValidateUtf8,
    TryValidateUtf8,
    FormatNumber,
    FormatString,
    ToChar,
    ToNumber,
    TryToNumber,
    Mask,
    ParseUrl,
    TryParseUrl,
    UrlEncode,
    UrlDecode,
    TryUrlDecode,
    Collation,
    Collate,
    Sentences,
    LuhnCheck,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConditionalFn {
    Coalesce,
    /// `ifnull`/`nvl`: the first argument unless NULL.
    Ifnull,
    Nvl2,
    Nullif,
    NullIfZero,
    ZeroIfNull,
    Nanvl,
    EqualNull,
    IsNotNull,
    IsNull,
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
    // Higher-order functions: an array and lambdas over its elements.
    Transform,
    Filter,
    Exists,
    Forall,
    /// `aggregate`/`reduce`: a fold with a start value, then a finishing lambda.
    Aggregate,
    ZipWith,
    /// `array_sort(a[, (l, r) -> int])`: ascending with NULLs last, or by the comparator.
    ArraySort,
    // Arrays.
    /// `size`/`cardinality` (-1 for NULL when ANSI is off), of arrays and maps.
    Size,
    ArraySize,
    ArrayContains,
    ArrayPosition,
    ArrayRemove,
    ArrayMin,
    ArrayMax,
    ArrayDistinct,
    SortArray,
    ArrayCompact,
    ArrayJoin,
    /// `element_at` (1-based, negative from the end) and `try_element_at`.
    ElementAt,
    TryElementAt,
    /// `get`: 0-based, NULL out of range.
    Get,
    /// `array(...)`: an array of its arguments.
    Array,
    Slice,
    ArrayAppend,
    ArrayPrepend,
    Flatten,
    ArrayUnion,
    ArrayIntersect,
    ArrayExcept,
    ArraysOverlap,
    ArrayRepeat,
    /// `arrays_zip(a, b, ...)`: an array of structs, the shorter arrays padded with NULLs.
    ArraysZip,
    /// `array_insert(a, pos, item)`: 1-based, negative from the end, NULL-padded.
    ArrayInsert,
    /// `sequence(start, stop[, step])`: integers, or dates and timestamps by an interval.
    Sequence,
    /// `shuffle(a[, seed])`: Spark's seeded Fisher-Yates permutation per row.
    Shuffle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StructFn {
    /// `s.field`.
    GetField,
    /// `struct(a, b)`: fields named after the columns (`col2` for other expressions).
    Struct,
    NamedStruct,
    /// `Column.withField`/`dropFields` (Spark's `UpdateFields`): the struct with its
    /// operations applied in order; NULL where the struct is NULL.
    UpdateFields,
    /// An operation of `UpdateFields`: add or replace field `name` by `value`.
    WithField,
    /// An operation of `UpdateFields`: drop field `name` (none such: nothing happens).
    DropField,
}

/// Functions of maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapFn {
    /// Higher-order: `map_filter(m, (k, v) -> ...)`, `transform_values(m, (k, v) -> ...)`.
    MapFilter,
    TransformValues,
    /// `map(k1, v1, ...)` (`create_map`): NULL keys and duplicate keys are errors.
    CreateMap,
    MapKeys,
    MapValues,
    MapEntries,
    MapContainsKey,
    /// `map_from_arrays(keys, values)`: arrays of the same length.
    MapFromArrays,
    /// `map_from_entries(array<struct<k, v>>)`: NULL when an entry is NULL.
    MapFromEntries,
    /// `map_concat(m1, m2, ...)`: the entries of every map, in order.
    MapConcat,
    /// `str_to_map(text[, pairDelim[, keyValueDelim]])`: delimiters are regexes.
    StrToMap,
    /// Higher-order: `transform_keys(m, (k, v) -> ...)`.
    TransformKeys,
    /// Higher-order: `map_zip_with(m1, m2, (k, v1, v2) -> ...)` over the union of the keys.
    MapZipWith,
}

/// JSON and CSV text: parsing, writing, schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonFn {
    /// `get_json_object` (Spark's JSONPath subset).
    GetJsonObject,
    JsonArrayLength,
    JsonObjectKeys,
    /// `schema_of_json` of a literal JSON text (Spark's inference).
    SchemaOfJson,
    /// `to_json` of a struct, array or map.
    ToJson,
    /// `from_json` with a literal schema (PERMISSIVE, partial results).
    FromJson,
    /// `from_csv` with a literal DDL schema (PERMISSIVE or FAILFAST).
    FromCsv,
    /// `to_csv` of a struct.
    ToCsv,
    /// `schema_of_csv` of a literal CSV line (Spark's CSV inference).
    SchemaOfCsv,
}

/// Hashes and checksums (bit-exact with Spark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashFn {
    Md5,
    Sha1,
    Sha2,
    Crc32,
    /// `hash`: Murmur3 x86_32, seed 42.
    Murmur3,
    XxHash64,
}

/// Everything else: ids, type names, assertions, session values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MiscFn {
    MonotonicallyIncreasingId,
    SparkPartitionId,
    Uuid,
    TypeOf,
    AssertTrue,
    RaiseError,
    CurrentCatalog,
    CurrentDatabase,
    CurrentUser,
    Version,
    InputFileName,
    AesEncrypt,
    AesDecrypt,
    TryAesDecrypt,
    BitmapBitPosition,
    BitmapBucketNumber,
    BitmapCount,
    /// The one value of an uncorrelated scalar subquery: fails when the subquery gives
    /// more than one row (Spark's `SCALAR_SUBQUERY_TOO_MANY_ROWS`). Not callable from SQL.
    ScalarSubqueryValue,
}

/// Functions that only make sense over a window of ordered rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowFn {
    RowNumber,
    Rank,
    DenseRank,
    PercentRank,
    CumeDist,
    Ntile,
    Lag,
    Lead,
    NthValue,
}

/// Functions that give any number of rows (with one or more columns) per input row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeneratorFn {
    Explode,
    ExplodeOuter,
    PosExplode,
    PosExplodeOuter,
    Inline,
    InlineOuter,
    Stack,
    /// `json_tuple(json, f1, f2...)`: one row per input row, a STRING column per field
    /// (defined with the JSON functions, `analysis::functions::json`).
    JsonTuple,
}

impl GeneratorFn {
    /// Outer generators keep an input row that generates nothing, with NULLs.
    pub fn is_outer(self) -> bool {
        matches!(self, GeneratorFn::ExplodeOuter | GeneratorFn::PosExplodeOuter | GeneratorFn::InlineOuter)
    }
}

/// Which grouping set a row of a rollup, cube or grouping-sets aggregation comes
/// from. Analysis of that aggregation rewrites them over its grouping id column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupingFn {
    /// `grouping(k)`: 1 when `k` is rolled up (NULL because outside the set), else 0.
    Grouping,
    /// `grouping_id(k...)`: the bits of every key, the first key the highest bit.
    GroupingId,
}
