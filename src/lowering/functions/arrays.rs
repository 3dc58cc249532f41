//! Array functions. Native Polars list operations where their semantics are Spark's
//! (sizes, min/max, distinct, sort, compact, join, element access); searches for a
//! value (`array_contains`, `array_position`, `array_remove`) compare as Spark does
//! (NaN equals NaN, NULL never equals) through `compat::lambdas`.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::lambdas::{self, Lambda};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::CollectionFn;
use crate::ir::{DataType, Expr, Value};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, col, lit, when, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

const ELEMENT: &str = "\u{3bb}element";
const VALUE: &str = "\u{3bb}value";

fn typed_null(t: &DataType) -> pl::Expr {
    lit(pl::NULL).cast(to_polars(t))
}

/// A lambda `element -> element = value` with the searched value as its outer input.
fn equals_value(value: pl::Expr) -> Lambda {
    Lambda { params: vec![ELEMENT.into()], free: vec![VALUE.into()], inputs: vec![value], body: col(ELEMENT).eq(col(VALUE)) }
}

pub fn lower(f: CollectionFn, c: &CallLowering) -> Result<pl::Expr> {
    if c.args.is_empty() {
        // `array()`: an empty ARRAY<VOID> (the one call here without arguments).
        return empty_list(&c.call.data_type);
    }
    let array = c.arg(0);
    let result = c.call.data_type.clone();
    Ok(match f {
        CollectionFn::Size => {
            let len = array.clone().list().len().cast(PlType::Int32);
            match c.arg_type(0) {
                DataType::Map(..) | DataType::Array(..) if !c.conf.ansi => len.fill_null(lit(-1i32)),
                _ => len,
            }
        }
        CollectionFn::ArraySize => array.list().len().cast(PlType::Int32),
        CollectionFn::ArrayContains => {
            let value = c.arg(1);
            // Found: true; else NULL when the array holds a NULL; else false.
            let found = lambdas::quantifier(array.clone(), equals_value(value.clone()), true);
            when(value.is_null()).then(lit(pl::NULL).cast(PlType::Boolean)).otherwise(found)
        }
        CollectionFn::ArrayPosition => {
            let value = c.arg(1);
            let position = lambdas::first_position(array, equals_value(value.clone()));
            when(value.is_null()).then(lit(pl::NULL).cast(PlType::Int64)).otherwise(position)
        }
        CollectionFn::ArrayRemove => {
            let value = c.arg(1);
            let keep = Lambda {
                params: vec![ELEMENT.into()],
                free: vec![VALUE.into()],
                inputs: vec![value.clone()],
                body: col(ELEMENT).eq(col(VALUE)).not().fill_null(lit(true)),
            };
            let out = lambdas::filter(array, keep, to_polars(&result));
            when(value.is_null()).then(typed_null(&result)).otherwise(out)
        }
        CollectionFn::ArrayMin => array.list().min(),
        // Spark orders NaN above every number: a NaN element is the maximum.
        CollectionFn::ArrayMax if matches!(result, DataType::Double | DataType::Float) => array.list().eval(pl::col("").nan_max()).list().first(),
        CollectionFn::ArrayMax => array.list().max(),
        // Spark tells -0.0 from 0.0 (but not NaN from NaN): float elements are compared by their text.
        CollectionFn::ArrayDistinct if is_float_array(&result) => {
            array.list().eval(pl::col("").filter(pl::col("").cast(PlType::String).is_first_distinct()))
        }
        CollectionFn::ArrayDistinct => array.list().eval(pl::col("").unique_stable()),
        CollectionFn::SortArray => {
            let ascending = c.bool_literal(1).unwrap_or(true);
            // Spark: NULLs first ascending, last descending; NaN above every number.
            array.list().sort(pl::SortOptions { descending: !ascending, nulls_last: !ascending, ..Default::default() })
        }
        CollectionFn::ArrayCompact => array.list().drop_nulls(),
        CollectionFn::ArrayJoin => {
            let parts = match c.args.get(2) {
                Some(replacement) => {
                    let Some(r) = c.str_literal(2) else { return Err(c.unsupported("a non-literal NULL replacement")) };
                    let _ = replacement;
                    array.list().eval(pl::col("").fill_null(lit(r.to_string())))
                }
                None => array,
            };
            parts.list().join(c.arg(1), true)
        }
        CollectionFn::Get => {
            let index = c.arg(1).cast(PlType::Int64);
            when(index.clone().lt(lit(0i64))).then(typed_null(&result)).otherwise(c.arg(0).list().get(index, true))
        }
        CollectionFn::ElementAt | CollectionFn::TryElementAt => match c.arg_type(0) {
            DataType::Map(_, value, _) => crate::compat::maps::lookup(c.arg(0), c.arg(1), to_polars(&value)),
            _ => element_at(c, f == CollectionFn::TryElementAt, &result),
        },
        CollectionFn::Array => {
            let DataType::Array(elem, _) = &result else { return Err(Error::internal("array() without an array type")) };
            let t = to_polars(elem);
            // Nested values go in through a one-field struct, as concat_list would
            // otherwise concatenate lists instead of nesting them.
            let nested = matches!(**elem, DataType::Array(..) | DataType::Map(..));
            let items: Vec<pl::Expr> = c
                .args
                .iter()
                .map(|a| if nested { pl::as_struct(vec![a.clone().cast(t.clone()).alias("item")]) } else { a.clone().cast(t.clone()) })
                .collect();
            let list = pl::concat_list(items).map_err(Error::from)?;
            if nested {
                list.list().eval(col("").struct_().field_by_name("item"))
            } else {
                list
            }
        }
        CollectionFn::Slice => slice(c),
        CollectionFn::ArrayInsert => {
            let (array, pos) = (c.arg(0), c.arg(1).cast(PlType::Int64));
            let inserted = crate::compat::arrays::insert(array.clone(), pos.clone(), c.arg(2), c.conf.legacy_negative_array_insert, to_polars(&result));
            let zero = array.is_not_null().and(pos.clone().eq(lit(0i64)));
            fail_where(inserted, zero, c.reachable.clone(), pos, ErrorKind::Runtime, "INVALID_INDEX_OF_ZERO", |_| {
                "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003".to_string()
            })
        }
        CollectionFn::ArraysZip => {
            let DataType::Array(entry, _) = &result else { return Err(Error::internal("arrays_zip without an array type")) };
            let DataType::Struct(fields) = &**entry else { return Err(Error::internal("arrays_zip without structs")) };
            let names = crate::lowering::types::engine_field_names(fields);
            lambdas::zip_arrays(c.args.clone(), names, to_polars(&result))
        }
        CollectionFn::ArrayAppend | CollectionFn::ArrayPrepend => {
            let DataType::Array(elem, _) = &result else { return Err(Error::internal("array_append without an array type")) };
            let item = pl::concat_list([c.arg(1).cast(to_polars(elem))]).map_err(Error::from)?;
            let parts = if f == CollectionFn::ArrayAppend { [array.clone(), item] } else { [item, array.clone()] };
            let joined = pl::concat_list(parts).map_err(Error::from)?;
            when(array.is_null()).then(typed_null(&result)).otherwise(joined)
        }
        CollectionFn::Flatten => crate::compat::lambdas::flatten_arrays(array, to_polars(&result)),
        CollectionFn::ArrayUnion | CollectionFn::ArrayIntersect | CollectionFn::ArrayExcept => {
            let set_op = |a: pl::Expr, b: pl::Expr| match f {
                CollectionFn::ArrayUnion => a.list().union(b),
                CollectionFn::ArrayIntersect => a.list().set_intersection(b),
                _ => a.list().set_difference(b),
            };
            let (left, right) = without_null_arrays(c)?;
            let value = if is_float_array(&result) {
                let as_text = |e: pl::Expr| e.cast(PlType::List(Box::new(PlType::String)));
                set_op(as_text(left), as_text(right)).cast(to_polars(&result))
            } else {
                set_op(left, right)
            };
            when(array.is_null().or(c.arg(1).is_null())).then(typed_null(&result)).otherwise(value)
        }
        CollectionFn::ArraysOverlap => {
            // True on a common non-NULL element; else NULL when both are non-empty
            // and either holds a NULL; else false.
            let other = c.arg(1);
            let (left, right) = without_null_arrays(c)?;
            // Floats compare as the set functions compare them (-0.0 is not 0.0, NaN is NaN).
            let (left, right) = if is_float_array(&c.arg_type(0)) {
                let as_text = |e: pl::Expr| e.cast(PlType::List(Box::new(PlType::String)));
                (as_text(left), as_text(right))
            } else {
                (left, right)
            };
            let common = left.list().drop_nulls().list().set_intersection(right.list().drop_nulls()).list().len().gt(lit(0));
            let has_null = |e: pl::Expr| e.clone().list().drop_nulls().list().len().lt(e.list().len());
            let non_empty = |e: pl::Expr| e.list().len().gt(lit(0));
            let unknown = non_empty(array.clone()).and(non_empty(other.clone())).and(has_null(array.clone()).or(has_null(other.clone())));
            when(array.is_null().or(other.is_null()))
                .then(lit(pl::NULL).cast(PlType::Boolean))
                .when(common)
                .then(lit(true))
                .when(unknown)
                .then(lit(pl::NULL).cast(PlType::Boolean))
                .otherwise(lit(false))
        }
        CollectionFn::ArrayRepeat => {
            if matches!(c.arg_type(0), DataType::Array(..) | DataType::Map(..) | DataType::Struct(_)) {
                return Err(c.unsupported("a nested element"));
            }
            let count = c.arg(1).cast(PlType::Int64);
            // Checked before Polars allocates (a failed allocation aborts the process).
            let too_many = count.clone().gt(lit((crate::compat::limits::MAX_VALUE_BYTES / 8) as i64));
            let limited = when(too_many).then(lit(0i64)).otherwise(count.clone().clip_min(lit(0i64)));
            let repeated = array.repeat_by(limited.cast(PlType::UInt32));
            let value = when(count.clone().is_null()).then(typed_null(&result)).otherwise(repeated);
            let max = crate::compat::sequence::MAX_LENGTH;
            let value = fail_where(value, count.clone().gt(lit(max)), c.reachable.clone(), count.clone(), ErrorKind::Runtime, "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER", move |v| {
                format!("Can't create array with {v} elements which exceeding the array size limit {max}, the value of parameter(s) `count` in the function `array_repeat` is invalid. SQLSTATE: 54000")
            });
            // Eight bytes an element at least.
            let huge = count.clone().gt(lit((crate::compat::limits::MAX_VALUE_BYTES / 8) as i64)).and(count.clone().lt_eq(lit(max)));
            fail_where(value, huge, c.reachable.clone(), count, ErrorKind::Runtime, "UNABLE_TO_ACQUIRE_MEMORY", |v| {
                crate::compat::limits::memory_message((v.extract::<i64>().unwrap_or(0).max(0) as u128).saturating_mul(8))
            })
        }
        CollectionFn::Sequence => sequence(c)?,
        CollectionFn::Shuffle => shuffle(c),
        // Routed elsewhere by `collection::lower`; listed so a new id must be placed.
        CollectionFn::GetItem
        | CollectionFn::ArraySort
        | CollectionFn::Transform
        | CollectionFn::Filter
        | CollectionFn::Exists
        | CollectionFn::Forall
        | CollectionFn::Aggregate
        | CollectionFn::ZipWith => return Err(Error::internal(format!("{f:?} is not an array function"))),
    })
}

/// How `sequence`'s step arrives: absent (±1, or ±1 day), an integer, or an interval.
#[derive(Clone, Copy)]
enum StepInput {
    Default,
    Count,
    Calendar,
    DayTime,
    YearMonth,
}

/// `sequence(start, stop[, step])`: `compat::sequence` per row over the values as
/// 64-bit integers (days, microseconds or numbers); NULL when any argument is.
fn sequence(c: &CallLowering) -> Result<pl::Expr> {
    use crate::compat::errors::runtime_error;
    use crate::compat::sequence::{self, SequenceError, Step, Unit};
    let start_type = c.arg_type(0);
    let unit = match start_type {
        DataType::Date => Unit::Days,
        DataType::Timestamp | DataType::TimestampNtz => Unit::Micros,
        _ => Unit::Integral,
    };
    // Dates and TIMESTAMP_NTZ step on the UTC calendar, timestamps in the session zone.
    let zone = match start_type {
        DataType::Timestamp => crate::compat::timezone::parse(&c.conf.session_time_zone)?,
        _ => crate::compat::timezone::Zone::utc(),
    };
    let as_i64 = |e: pl::Expr| e.to_physical().cast(PlType::Int64);
    let mut inputs = vec![as_i64(c.arg(1))];
    let step = match c.call.args.get(2).map(|_| c.arg_type(2)) {
        None => StepInput::Default,
        Some(DataType::CalendarInterval) => {
            let parts = ["months", "days", "microseconds"].map(|f| c.arg(2).struct_().field_by_name(f).cast(PlType::Int64));
            inputs.extend(parts);
            StepInput::Calendar
        }
        Some(t) => {
            inputs.push(as_i64(c.arg(2)));
            match t {
                DataType::DayTimeInterval(..) => StepInput::DayTime,
                DataType::YearMonthInterval(..) => StepInput::YearMonth,
                _ => StepInput::Count,
            }
        }
    };
    let reachable = c.reachable.is_some();
    if let Some(mask) = &c.reachable {
        inputs.push(mask.clone());
    }
    // Spark folds an all-literal call while optimizing, where its check reads `require`'s.
    let folded = c.call.args.iter().all(|a| matches!(a.unalias(), crate::ir::Expr::Literal(_)));
    let steps = match step {
        StepInput::Calendar => 3,
        StepInput::Default => 0,
        _ => 1,
    };
    let values = as_i64(c.arg(0)).map_many(
        move |cols: &mut [pl::Column]| -> pl::PolarsResult<pl::Column> {
            let n = crate::compat::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let ints: Vec<pl::Int64Chunked> = cols[..2 + steps].iter().map(|c| c.as_materialized_series().i64().cloned()).collect::<pl::PolarsResult<_>>()?;
            let mask = if reachable { Some(cols[2 + steps].as_materialized_series().bool()?.clone()) } else { None };
            let get = |ca: &pl::Int64Chunked, i: usize| ca.get(if ca.len() == 1 { 0 } else { i });
            let mut out = pl::ListPrimitiveChunkedBuilder::<pl::Int64Type>::new(cols[0].name().clone(), n, n, PlType::Int64);
            for i in 0..n {
                let (Some(start), Some(stop)) = (get(&ints[0], i), get(&ints[1], i)) else {
                    pl::ListBuilderTrait::append_null(&mut out);
                    continue;
                };
                let step = match step {
                    StepInput::Default if unit == Unit::Integral => Some(Step::Count(if start <= stop { 1 } else { -1 })),
                    StepInput::Default => Some(Step::Calendar(crate::compat::interval::Shift { months: 0, days: if start <= stop { 1 } else { -1 }, micros: 0 })),
                    StepInput::Count => get(&ints[2], i).map(Step::Count),
                    StepInput::DayTime => get(&ints[2], i).map(Step::DayTime),
                    StepInput::YearMonth => get(&ints[2], i).map(Step::YearMonth),
                    StepInput::Calendar => match (get(&ints[2], i), get(&ints[3], i), get(&ints[4], i)) {
                        (Some(months), Some(days), Some(micros)) => Some(Step::Calendar(crate::compat::interval::Shift { months, days, micros })),
                        _ => None,
                    },
                };
                let Some(step) = step else {
                    pl::ListBuilderTrait::append_null(&mut out);
                    continue;
                };
                let at = |m: &pl::BooleanChunked| m.get(if m.len() == 1 { 0 } else { i }) == Some(true);
                match sequence::sequence(start, stop, step, unit, &zone) {
                    Ok(values) => out.append_slice(&values),
                    Err(_) if mask.as_ref().is_some_and(|m| !at(m)) => pl::ListBuilderTrait::append_null(&mut out),
                    Err(SequenceError::Boundaries(text)) if folded => {
                        return Err(runtime_error(ErrorKind::IllegalArgument, "", &format!("requirement failed: Illegal sequence boundaries: {text}")))
                    }
                    Err(SequenceError::Boundaries(text)) => {
                        return Err(runtime_error(ErrorKind::IllegalArgument, "_LEGACY_ERROR_TEMP_3243", &format!("Illegal sequence boundaries: {text}")))
                    }
                    Err(SequenceError::TooLong(len)) => {
                        return Err(runtime_error(
                            ErrorKind::Runtime,
                            "COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER",
                            &format!(
                                "Can't create array with {len} elements which exceeding the array size limit {}, the value of parameter(s) `count` in the function `sequence` is invalid. SQLSTATE: 54000",
                                sequence::MAX_LENGTH
                            ),
                        ))
                    }
                    Err(SequenceError::TooLarge(bytes)) => return Err(crate::compat::limits::memory_error(bytes)),
                    Err(SequenceError::DayGranularity(kind)) => {
                        return Err(runtime_error(
                            ErrorKind::IllegalArgument,
                            "_LEGACY_ERROR_TEMP_3242",
                            &format!("sequence step must be an {kind} of day granularity if start and end values are dates"),
                        ))
                    }
                }
            }
            Ok(pl::IntoColumn::into_column(pl::IntoSeries::into_series(pl::ListBuilderTrait::finish(&mut out))))
        },
        &inputs,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::List(Box::new(PlType::Int64)))),
    );
    let element = match &c.call.data_type {
        DataType::Array(e, _) => to_polars(e),
        _ => return Err(Error::internal("sequence without an array type")),
    };
    // Days pass through INT (Polars reads a date from its 32-bit physical value).
    let values = if unit == Unit::Days { values.cast(PlType::List(Box::new(PlType::Int32))) } else { values };
    Ok(values.cast(PlType::List(Box::new(element))))
}

/// The two arrays of a set function with each NULL array read as an empty one: Polars'
/// set operations fail on a NULL list broadcast against a column (`CAST(NULL AS
/// ARRAY<INT>)` against a column), so the caller makes NULL rows NULL afterwards.
fn without_null_arrays(c: &CallLowering) -> Result<(pl::Expr, pl::Expr)> {
    let (left, right) = (c.arg(0), c.arg(1));
    let left = left.fill_null(empty_list(&c.arg_type(0))?);
    let right = right.fill_null(empty_list(&c.arg_type(1))?);
    Ok((left, right))
}

/// An array of floats or doubles: Spark's set functions compare their elements by
/// value except that -0.0 is not 0.0 and every NaN is the same, which is equality of
/// their (round-trip exact) text.
fn is_float_array(t: &DataType) -> bool {
    matches!(t, DataType::Array(e, _) if matches!(**e, DataType::Double | DataType::Float))
}

/// `element_at(a, i)`: 1-based, negative from the end; 0 is an error; out of range
/// NULL, or an error under ANSI (not for `try_element_at`).
fn element_at(c: &CallLowering, tolerant: bool, elem: &DataType) -> pl::Expr {
    let (array, index) = (c.arg(0), c.arg(1).cast(PlType::Int64));
    let position = when(index.clone().gt(lit(0i64))).then(index.clone() - lit(1i64)).otherwise(index.clone());
    let value = when(index.clone().eq(lit(0i64))).then(typed_null(elem)).otherwise(array.clone().list().get(position, true));
    // Index 0 is an error in every mode, for try_element_at too.
    let zero = array.clone().is_not_null().and(index.clone().eq(lit(0i64)));
    let value = fail_where(value, zero, c.reachable.clone(), index.clone(), ErrorKind::Runtime, "INVALID_INDEX_OF_ZERO", |_| {
        "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003".to_string()
    });
    if tolerant || !c.conf.ansi {
        return value;
    }
    let len = array.clone().list().len().cast(PlType::Int64);
    let bad = array.is_not_null().and(index.clone().abs().gt(len.clone()));
    let shown = super::collection::index_and_size(index, len);
    fail_where(value, bad, c.reachable.clone(), shown, ErrorKind::ArrayIndexOutOfBounds, "INVALID_ARRAY_INDEX_IN_ELEMENT_AT", |v| {
        let (index, size) = super::collection::split_index_and_size(v);
        format!("The index {index} is out of bounds. The array has {size} elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003")
    })
}

/// `shuffle(a[, seed])`: one generator drawn row after row over the whole column (a
/// groupwise function, so the streaming engine hands it the column whole and in
/// order); the array is broadcast first so a literal array is shuffled per row.
fn shuffle(c: &CallLowering) -> pl::Expr {
    let seed = match c.call.args.get(1).map(|a| a.unalias()) {
        Some(Expr::Literal(Value::Integer(v))) => *v as i64,
        Some(Expr::Literal(Value::Long(v))) => *v,
        Some(Expr::Literal(Value::Short(v))) => *v as i64,
        Some(Expr::Literal(Value::Byte(v))) => *v as i64,
        Some(_) => 0,
        None => crate::compat::random::fresh_seed(),
    };
    let out_type = to_polars(&c.call.data_type);
    let field_type = out_type.clone();
    pl::int_range(lit(0i64), pl::len(), 1, PlType::Int64).apply_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = cols[0].len();
            let list = cols[1].list()?.clone();
            let mut rng = crate::compat::shuffle::MersenneTwister::new(seed);
            let mut rows: Vec<Option<pl::Series>> = Vec::with_capacity(n);
            for i in 0..n {
                // A NULL array draws nothing from the generator, as in Spark.
                let Some(values) = crate::compat::lists::row(&list, if list.len() == 1 { 0 } else { i }) else {
                    rows.push(None);
                    continue;
                };
                let order: Vec<pl::IdxSize> = rng.next_indices(values.len()).into_iter().map(|j| j as pl::IdxSize).collect();
                rows.push(Some(values.take(&pl::IdxCa::from_vec("".into(), order))?));
            }
            let rows: pl::ListChunked = rows.into_iter().collect();
            Ok(rows.into_series().cast(&out_type)?.with_name(cols[1].name().clone()).into_column())
        },
        &[c.arg(0)],
        move |_, fields| Ok(pl::Field::new(fields[1].name().clone(), field_type.clone())),
    )
}

/// `slice(a, start, length)`: start 1-based or from the end; a start before the
/// first element gives an empty array; start 0 and a negative length are errors.
fn slice(c: &CallLowering) -> pl::Expr {
    let (array, start, length) = (c.arg(0), c.arg(1).cast(PlType::Int64), c.arg(2).cast(PlType::Int64));
    let len = array.clone().list().len().cast(PlType::Int64);
    let offset = when(start.clone().gt(lit(0i64))).then(start.clone() - lit(1i64)).otherwise(len + start.clone());
    let take = when(offset.clone().lt(lit(0i64))).then(lit(0i64)).otherwise(length.clone().clip_min(lit(0i64)));
    // Polars cannot slice by a NULL offset or length (a NULL array literal gives a NULL
    // offset): slice by 0 there and give NULL, as Spark does for any NULL argument.
    let sliced = array.clone().list().slice(offset.clip_min(lit(0i64)).fill_null(lit(0i64)), take.fill_null(lit(0i64)));
    let known = array.clone().is_not_null().and(start.clone().is_not_null()).and(length.clone().is_not_null());
    let value = when(known).then(sliced).otherwise(typed_null(&c.call.data_type));
    let live = array.is_not_null();
    let value = fail_where(value, live.clone().and(start.clone().eq(lit(0i64))), c.reachable.clone(), start, ErrorKind::Runtime, "INVALID_PARAMETER_VALUE.START", |_| {
        "The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0. SQLSTATE: 22023".to_string()
    });
    fail_where(value, live.and(length.clone().lt(lit(0i64))), c.reachable.clone(), length, ErrorKind::Runtime, "INVALID_PARAMETER_VALUE.LENGTH", |v| {
        format!("The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got {v}. SQLSTATE: 22023")
    })
}

/// An empty list of `result`'s type, the same on every row: `array()`, `map()`.
pub(super) fn empty_list(result: &DataType) -> Result<pl::Expr> {
    let t = to_polars(result);
    let PlType::List(inner) = &t else { return Err(Error::internal(format!("an empty list of type {result:?}"))) };
    let empty = pl::Series::new_empty("".into(), inner);
    Ok(lit(pl::Scalar::new(t.clone(), pl::AnyValue::List(empty))))
}
