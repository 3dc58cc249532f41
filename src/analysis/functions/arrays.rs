//! Array functions: sizes, searches, element access, min/max, distinct, sorting,
//! joining. Spark casts a searched value and the array's elements to their common
//! type (`array_contains(ints, 2.5)` compares as doubles).

use super::signature::{Arity::*, Display, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type, tightest_common_type};
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::function::{CollectionFn::*, Func};
use crate::ir::{DataType, Expr, Value};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Collection(Size), "size", Exact(1), Inputs::Custom(array_or_map), Ret::Fixed(&DataType::Integer))
        .aliases(&["cardinality"])
        .null(Null::Custom(size_nullable)),
    def(Func::Collection(ArraySize), "array_size", Exact(1), Inputs::Custom(array_only), Ret::Fixed(&DataType::Integer)),
    def(Func::Collection(ArrayContains), "array_contains", Exact(2), Inputs::Custom(array_and_value), Ret::Fixed(&DataType::Boolean))
        .null(Null::Custom(contains_nullable)),
    def(Func::Collection(ArrayPosition), "array_position", Exact(2), Inputs::Custom(array_and_tightest_value), Ret::Fixed(&DataType::Long)),
    def(Func::Collection(ArrayRemove), "array_remove", Exact(2), Inputs::Custom(array_and_tightest_value), Ret::Arg(0)),
    def(Func::Collection(ArrayMin), "array_min", Exact(1), Inputs::Custom(array_only), Ret::Custom(element_type)).null(Null::Always),
    def(Func::Collection(ArrayMax), "array_max", Exact(1), Inputs::Custom(array_only), Ret::Custom(element_type)).null(Null::Always),
    def(Func::Collection(ArrayDistinct), "array_distinct", Exact(1), Inputs::Custom(array_only), Ret::Arg(0)),
    def(Func::Collection(SortArray), "sort_array", Range(1, 2), Inputs::Custom(sort_inputs), Ret::Arg(0))
        .null(Null::Custom(first_nullable))
        .display(Display::Custom(sort_name)),
    def(Func::Collection(ArrayCompact), "array_compact", Exact(1), Inputs::Custom(array_only), Ret::Custom(without_nulls)),
    def(Func::Collection(ArrayJoin), "array_join", Range(2, 3), Inputs::Custom(join_inputs), Ret::Fixed(&DataType::String)),
    def(Func::Collection(ElementAt), "element_at", Exact(2), Inputs::Custom(element_at_inputs), Ret::Custom(item_type)).null(Null::Custom(one_based_item_nullable)),
    def(Func::Collection(TryElementAt), "try_element_at", Exact(2), Inputs::Custom(element_at_inputs), Ret::Custom(item_type))
        .null(Null::Custom(try_one_based_item_nullable)),
    def(Func::Collection(Get), "get", Exact(2), Inputs::Custom(get_inputs), Ret::Custom(item_type)).null(Null::Custom(zero_based_item_nullable)),
    def(Func::Collection(Slice), "slice", Exact(3), Inputs::Custom(slice_inputs), Ret::Arg(0)),
    def(Func::Collection(ArrayAppend), "array_append", Exact(2), Inputs::Custom(array_and_element), Ret::Custom(grown_array))
        .null(Null::Custom(first_nullable)),
    def(Func::Collection(ArrayPrepend), "array_prepend", Exact(2), Inputs::Custom(array_and_element), Ret::Custom(grown_array))
        .null(Null::Custom(first_nullable)),
    def(Func::Collection(Flatten), "flatten", Exact(1), Inputs::Custom(nested_array), Ret::Custom(flattened))
        .null(Null::Custom(flatten_nullable)),
    def(Func::Collection(ArrayUnion), "array_union", Exact(2), Inputs::Custom(two_arrays), Ret::Custom(set_result)),
    def(Func::Collection(ArrayIntersect), "array_intersect", Exact(2), Inputs::Custom(two_arrays), Ret::Custom(set_result)),
    def(Func::Collection(ArrayExcept), "array_except", Exact(2), Inputs::Custom(two_arrays), Ret::Custom(set_result)),
    def(Func::Collection(ArraysOverlap), "arrays_overlap", Exact(2), Inputs::Custom(two_arrays), Ret::Fixed(&DataType::Boolean))
        .null(Null::Custom(overlap_nullable)),
    def(Func::Collection(ArrayRepeat), "array_repeat", Exact(2), Inputs::Custom(repeat_inputs), Ret::Custom(repeated))
        .null(Null::Custom(repeat_nullable)),
    def(Func::Collection(ArrayInsert), "array_insert", Exact(3), Inputs::Custom(insert_inputs), Ret::Custom(inserted))
        .null(Null::Custom(insert_nullable)),
    def(Func::Collection(ArraysZip), "arrays_zip", AtLeast(1), Inputs::Custom(arrays_only), Ret::Custom(zipped)),
    def(Func::Collection(Array), "array", AtLeast(0), Inputs::Custom(array_inputs), Ret::Custom(array_of)).null(Null::Never),
    def(Func::Collection(Sequence), "sequence", Range(2, 3), Inputs::Custom(sequence_inputs), Ret::Custom(sequence_type)),
    def(Func::Collection(Shuffle), "shuffle", Range(1, 2), Inputs::Custom(shuffle_inputs), Ret::Arg(0))
        .null(Null::Custom(first_nullable))
        .display(Display::Custom(shuffle_name)),
];

/// `shuffle(a[, seed])`: the seed an integer literal.
fn shuffle_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = array_only(args, site)?;
    if let Some(seed) = args.get(1) {
        let literal = matches!(seed.unalias(), Expr::Literal(Value::Integer(_) | Value::Long(_) | Value::Short(_) | Value::Byte(_)));
        if !literal {
            return Err(Error::analysis(
                "INVALID_PARAMETER_VALUE.LONG",
                format!("The value of parameter(s) `seed` in `shuffle` is invalid: expects a long literal, but got \"{}\".", (site.text)(seed)),
            )
            .with_param("parameter", "`seed`")
            .with_param("functionName", "`shuffle`")
            .with_param("invalidValue", format!("\"{}\"", (site.text)(seed))));
        }
    }
    Ok(args)
}

/// Spark leaves the seed out of `shuffle`'s name.
fn shuffle_name(called_as: &str, args: &[String], _: bool) -> String {
    format!("{called_as}({})", args[0])
}

fn is_interval(t: &DataType) -> bool {
    matches!(t, DataType::CalendarInterval | DataType::DayTimeInterval(..) | DataType::YearMonthInterval(..))
}

/// `sequence(start, stop[, step])`: start, stop and a step that is not an interval
/// cast to their wider type (Spark's coercion of `Sequence`); then integers with a
/// step of their type, or dates and timestamps with an interval step.
fn sequence_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    let coercible: Vec<bool> = types.iter().map(|t| !is_interval(t)).collect();
    let common = types.iter().zip(&coercible).filter(|(_, c)| **c).try_fold(DataType::Null, |acc, (t, _)| common_type(&acc, t, site.conf.ansi));
    let args: Vec<Expr> = match common {
        Some(t) if t != DataType::Null => args.into_iter().zip(&coercible).map(|(a, c)| if *c { coerce(a, &t) } else { a }).collect(),
        _ => args,
    };
    let start = data_type(&args[0]);
    let step = args.get(2).map(data_type);
    let fits = data_type(&args[1]) == start
        && match &start {
            DataType::Date | DataType::Timestamp | DataType::TimestampNtz => step.as_ref().is_none_or(is_interval),
            t if t.is_integral() => step.as_ref().is_none_or(|s| s == t),
            _ => false,
        };
    if !fits {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: `sequence` uses the wrong parameter type. The parameter type must conform to:\n\
                 1. The start and stop expressions must resolve to the same type.\n\
                 2. If start and stop expressions resolve to the (\"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"DATE\") type, then the step expression must resolve to the (\"INTERVAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\") type.\n\
                 3. Otherwise, if start and stop expressions resolve to the \"INTEGRAL\" type, then the step expression must resolve to the same type.",
                site.shown
            ),
        ));
    }
    Ok(args)
}

fn sequence_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(data_type(&args[0])), false))
}

/// The arguments' common type; with ANSI off a string among atomic values makes
/// them all strings (Spark's wider type with string promotion).
fn array_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    let atomic = |t: &DataType| !matches!(t, DataType::Array(..) | DataType::Map(..) | DataType::Struct(_) | DataType::Binary);
    if !site.conf.ansi && types.contains(&DataType::String) && types.iter().all(atomic) {
        return Ok(args.into_iter().map(|a| coerce(a, &DataType::String)).collect());
    }
    Inputs::Common.coerce(args, site)
}

/// `array(...)`: of the arguments' common type; NULL elements if any argument may be NULL.
fn array_of(args: &[Expr], _: &Site) -> Result<DataType> {
    let elem = args.first().map_or(DataType::Null, data_type);
    // `array()` is ARRAY<VOID> without NULLs, as in Spark.
    Ok(DataType::Array(Box::new(elem), args.iter().any(|a| crate::analysis::typing::nullable(a, true))))
}

/// An array argument; an untyped NULL is taken as ARRAY<VOID>, as Spark's implicit cast
/// of NULL to an array does (`slice(NULL, 1, 2)` is a NULL ARRAY<VOID>).
fn array_only(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Array(..) => Ok(args),
        DataType::Null => {
            args[0] = coerce(args[0].clone(), &DataType::Array(Box::new(DataType::Null), true));
            Ok(args)
        }
        _ => Err(unexpected_input_type(site, 0, "\"ARRAY\"", &args[0])),
    }
}

fn array_or_map(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Array(..) | DataType::Map(..) => Ok(args),
        DataType::Null => array_only(args, site),
        _ => Err(unexpected_input_type(site, 0, "(\"ARRAY\" or \"MAP\")", &args[0])),
    }
}

/// `size(NULL)` is -1 (never NULL) when ANSI is off (`spark.sql.legacy.sizeOfNull`).
fn size_nullable(_: &[Expr], nulls: &[bool], conf: &Conf) -> bool {
    conf.ansi && nulls[0]
}

fn first_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0]
}

fn element_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, _) => *e,
        other => other,
    })
}

fn without_nulls(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, _) => DataType::Array(e, false),
        other => other,
    })
}

fn null_type(site: &Site) -> Error {
    let name = site.shown.split('(').next().unwrap_or("").to_string();
    Error::analysis(
        "DATATYPE_MISMATCH.NULL_TYPE",
        format!("Cannot resolve \"{}\" due to data type mismatch: Null typed values cannot be used as arguments of `{name}`.", site.shown),
    )
}

/// An array and a value of its element type: both cast to their common type.
fn array_and_value(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    array_and_common_value(args, site, false)
}

/// `array_position`/`array_remove`: as `array_and_value`, with Spark's tightest common
/// type, which has no room for a decimal beside another number.
fn array_and_tightest_value(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    array_and_common_value(args, site, true)
}

/// Whether Spark's `findTightestCommonType` has no type for both: a decimal meets
/// only itself, or an integral type whose every value it holds.
fn no_tightest_type(a: &DataType, b: &DataType) -> bool {
    let integral_digits = |t: &DataType| match t {
        DataType::Byte => Some(3),
        DataType::Short => Some(5),
        DataType::Integer => Some(10),
        DataType::Long => Some(20),
        _ => None,
    };
    match (a, b) {
        _ if a == b => false,
        (DataType::Decimal(p, s), t) | (t, DataType::Decimal(p, s)) => integral_digits(t).is_none_or(|d| p - s < d),
        _ => false,
    }
}

fn array_and_common_value(args: Vec<Expr>, site: &Site, tightest: bool) -> Result<Vec<Expr>> {
    let (at, vt) = (data_type(&args[0]), data_type(&args[1]));
    let DataType::Array(elem, contains_null) = &at else {
        if at == DataType::Null {
            return Err(null_type(site));
        }
        return Err(unexpected_input_type(site, 0, "\"ARRAY\"", &args[0]));
    };
    if vt == DataType::Null {
        return Err(null_type(site));
    }
    // Spark's wider type without string promotion: a string meets only a string.
    let mixes_string = **elem != vt && (**elem == DataType::String || vt == DataType::String);
    let refused = mixes_string || (tightest && no_tightest_type(elem, &vt));
    let common = if refused { None } else { common_type(elem, &vt, site.conf.ansi) };
    let Some(common) = common else {
        let name = site.shown.split('(').next().unwrap_or("").to_string();
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: Input to `{name}` should have been \"ARRAY\" followed by a value with same element type, but it's [\"{}\", \"{}\"].",
                site.shown, at.sql(), vt.sql()
            ),
        ));
    };
    let mut args = args;
    let value = args.pop().expect("arity checked");
    let array = args.pop().expect("arity checked");
    Ok(vec![coerce(array, &DataType::Array(Box::new(common.clone()), *contains_null)), coerce(value, &common)])
}

/// NULL when either is, or when the value is not found and the array holds a NULL.
fn contains_nullable(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls.iter().any(|n| *n) || matches!(data_type(&args[0]), DataType::Array(_, true))
}

fn sort_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args = array_only(args, site)?;
    if args.len() == 1 {
        args.push(Expr::Literal(Value::Boolean(true)));
    }
    if !matches!(args[1].unalias(), Expr::Literal(Value::Boolean(_))) {
        return Err(unexpected_input_type(site, 1, "\"BOOLEAN\"", &args[1]));
    }
    Ok(args)
}

/// `sort_array(a)` is named with its default order: `sort_array(a, true)`.
fn sort_name(called_as: &str, args: &[String], _: bool) -> String {
    let mut args = args.to_vec();
    if args.len() == 1 {
        args.push("true".into());
    }
    format!("{called_as}({})", args.join(", "))
}

fn join_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    // Elements of other types are cast to strings.
    let array = match data_type(&args[0]) {
        DataType::Array(e, contains_null) if matches!(*e, DataType::Array(..) | DataType::Map(..) | DataType::Struct(_)) => {
            let _ = contains_null;
            return Err(unexpected_input_type(site, 0, "\"ARRAY<STRING>\"", &args[0]));
        }
        DataType::Array(_, contains_null) => coerce(args[0].clone(), &DataType::Array(Box::new(DataType::String), contains_null)),
        DataType::Null => coerce(args[0].clone(), &DataType::Array(Box::new(DataType::String), true)),
        _ => return Err(unexpected_input_type(site, 0, "\"ARRAY<STRING>\"", &args[0])),
    };
    let mut out = vec![array];
    for (i, a) in args.into_iter().enumerate().skip(1) {
        match data_type(&a) {
            DataType::String => out.push(a),
            DataType::Null => out.push(coerce(a, &DataType::String)),
            _ => return Err(unexpected_input_type(site, i, "\"STRING\"", &a)),
        }
    }
    Ok(out)
}

/// An array and an int index, or a map and a key of its key type.
fn element_at_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        // Spark's ElementAt takes an array index of an integral type only: not NULL.
        DataType::Array(..) if data_type(&args[1]) == DataType::Null => Err(unexpected_input_type(site, 1, "\"INT\"", &args[1])),
        DataType::Array(..) => index_argument(args, site),
        DataType::Map(k, _, _) => {
            let mut args = args;
            let key = coerce(args.pop().expect("arity checked"), &k);
            args.push(key);
            Ok(args)
        }
        _ => Err(unexpected_input_type(site, 0, "(\"ARRAY\" or \"MAP\")", &args[0])),
    }
}

fn get_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Array(..) => index_argument(args, site),
        _ => Err(unexpected_input_type(site, 0, "\"ARRAY\"", &args[0])),
    }
}

fn index_argument(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[1]) {
        DataType::Integer => Ok(args),
        DataType::Byte | DataType::Short | DataType::Null => {
            args[1] = coerce(args[1].clone(), &DataType::Integer);
            Ok(args)
        }
        _ => Err(unexpected_input_type(site, 1, "\"INT\"", &args[1])),
    }
}

fn item_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, _) => *e,
        DataType::Map(_, v, _) => *v,
        other => other,
    })
}

/// Spark's `computeNullabilityFromArray`: an element of `array(...)` at a literal
/// index inside it is as nullable as that argument; at an index that is not a constant
/// (or is NULL), an access that fails when out of bounds (`fails`: ANSI `element_at`)
/// is as nullable as the array's elements, even though a NULL index gives NULL (Spark
/// says so); anything else may be NULL.
fn item_nullable(args: &[Expr], conf: &Conf, fails: bool, position: fn(i64, usize) -> Option<usize>) -> bool {
    let DataType::Array(_, contains_null) = data_type(&args[0]) else { return true };
    let index = match (args[1].unalias(), crate::analysis::windows::fold_integer(args[1].unalias())) {
        (_, Some(i)) => i,
        // A constant PyRust does not compute here: Spark reads its value.
        (e, None) if crate::analysis::null_propagation::is_constant(e) && !crate::analysis::typing::nullable(e, conf.ansi) => return true,
        _ => return !fails || contains_null,
    };
    let Expr::Call(array) = args[0].unalias() else { return true };
    if array.func != Func::Collection(Array) {
        return true;
    }
    match position(index, array.args.len()) {
        Some(p) => crate::analysis::typing::nullable(&array.args[p], conf.ansi),
        None => true,
    }
}

fn one_based_position(i: i64, n: usize) -> Option<usize> {
    match i {
        i if i > 0 && (i as usize) <= n => Some(i as usize - 1),
        i if i < 0 && (i.unsigned_abs() as usize) <= n => Some(n - i.unsigned_abs() as usize),
        _ => None,
    }
}

fn one_based_item_nullable(args: &[Expr], _: &[bool], conf: &Conf) -> bool {
    item_nullable(args, conf, conf.ansi, one_based_position)
}

fn try_one_based_item_nullable(args: &[Expr], _: &[bool], conf: &Conf) -> bool {
    item_nullable(args, conf, false, one_based_position)
}

fn zero_based_item_nullable(args: &[Expr], _: &[bool], conf: &Conf) -> bool {
    item_nullable(args, conf, false, |i, n| (i >= 0 && (i as usize) < n).then_some(i as usize))
}

fn slice_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = array_only(args, site)?;
    for (i, arg) in args.iter_mut().enumerate().skip(1) {
        *arg = match data_type(arg) {
            DataType::Integer => arg.clone(),
            DataType::Byte | DataType::Short | DataType::Null => coerce(arg.clone(), &DataType::Integer),
            _ => return Err(unexpected_input_type(site, i, "\"INT\"", arg)),
        };
    }
    Ok(args)
}

/// `array_append(a, v)`/`array_prepend`: like `array_contains`, but a NULL value is
/// an element like any other.
fn array_and_element(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if data_type(&args[1]) == DataType::Null {
        if let DataType::Array(e, _) = data_type(&args[0]) {
            args[1] = coerce(args[1].clone(), &e);
            return Ok(args);
        }
    }
    array_and_value(args, site)
}

fn grown_array(args: &[Expr], site: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, contains_null) => DataType::Array(e, contains_null || crate::analysis::typing::nullable(&args[1], site.conf.ansi)),
        other => other,
    })
}

fn nested_array(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Array(e, _) if matches!(*e, DataType::Array(..)) => Ok(args),
        _ => Err(unexpected_input_type(site, 0, "\"ARRAY\" of \"ARRAY\"", &args[0])),
    }
}

fn flattened(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, _) => *e,
        other => other,
    })
}

/// NULL for a NULL array or a NULL inner array.
fn flatten_nullable(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0] || matches!(data_type(&args[0]), DataType::Array(_, true))
}

/// Two arrays, cast to arrays of their elements' common type.
fn two_arrays(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let (a, b) = (data_type(&args[0]), data_type(&args[1]));
    // Spark refuses anything but two arrays whose elements have a tightest common type
    // (`BinaryArrayExpressionWithImplicitCast`: no string promotion, no two different
    // decimals, a decimal with an integer only when it holds it) with this one error,
    // a NULL (VOID) or a non-array argument too.
    let common = match (&a, &b) {
        (DataType::Array(ea, na), DataType::Array(eb, nb)) => tightest_common_type(ea, eb, false).map(|t| (t, *na, *nb)),
        _ => None,
    };
    let Some((common, na, nb)) = common else {
        let name = site.shown.split('(').next().unwrap_or("").to_string();
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES",
            format!("Cannot resolve \"{}\" due to data type mismatch: Input to function `{name}` should have been two \"ARRAY\" with same element type, but it's [\"{}\", \"{}\"].", site.shown, a.sql(), b.sql()),
        ));
    };
    let mut it = args.into_iter();
    let (x, y) = (it.next().expect("arity checked"), it.next().expect("arity checked"));
    Ok(vec![coerce(x, &DataType::Array(Box::new(common.clone()), na)), coerce(y, &DataType::Array(Box::new(common), nb))])
}

fn set_result(args: &[Expr], site: &Site) -> Result<DataType> {
    let (DataType::Array(e, na), DataType::Array(_, nb)) = (data_type(&args[0]), data_type(&args[1])) else {
        return Ok(data_type(&args[0]));
    };
    let contains_null = match site.shown.split('(').next().unwrap_or("") {
        "array_union" => na || nb,
        "array_intersect" => na && nb,
        _ => na,
    };
    Ok(DataType::Array(e, contains_null))
}

fn overlap_nullable(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls.iter().any(|n| *n) || args.iter().any(|a| matches!(data_type(a), DataType::Array(_, true)))
}

fn repeat_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args[1] = match data_type(&args[1]) {
        DataType::Integer => args[1].clone(),
        DataType::Byte | DataType::Short | DataType::Null => coerce(args[1].clone(), &DataType::Integer),
        _ => return Err(unexpected_input_type(site, 1, "\"INT\"", &args[1])),
    };
    Ok(args)
}

fn repeated(args: &[Expr], site: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(data_type(&args[0])), crate::analysis::typing::nullable(&args[0], site.conf.ansi)))
}

fn repeat_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[1]
}

fn arrays_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate() {
        if !matches!(data_type(a), DataType::Array(..)) {
            return Err(unexpected_input_type(site, i, "\"ARRAY\"", a));
        }
    }
    Ok(args)
}

/// `arrays_zip`: structs whose fields are named after the arguments (a column's or
/// alias's name, a struct field's name), else by position (`0`, `1`...); every field
/// may be NULL (the shorter arrays are padded).
fn zipped(args: &[Expr], _: &Site) -> Result<DataType> {
    let fields = args
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let field_access = matches!(a, Expr::Call(c) if c.func == Func::Struct(crate::ir::function::StructFn::GetField));
            let name = match a {
                Expr::Attr(_) | Expr::Alias { .. } => super::structs::struct_field_name(a, i),
                _ if field_access => super::structs::struct_field_name(a, i),
                _ => i.to_string(),
            };
            let element = match data_type(a) {
                DataType::Array(e, _) => *e,
                other => other,
            };
            crate::ir::StructField::new(name, element, true)
        })
        .collect();
    Ok(DataType::Array(Box::new(DataType::Struct(fields)), false))
}

/// `array_insert(a, pos, item)`: an INT position; the item and the elements cast to
/// their common type, as `array_append`.
fn insert_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args;
    let pos = args.remove(1);
    let pos = match data_type(&pos) {
        DataType::Integer => pos,
        DataType::Byte | DataType::Short | DataType::Null => coerce(pos, &DataType::Integer),
        _ => return Err(unexpected_input_type(site, 1, "\"INT\"", &pos)),
    };
    // Not an array, or (Spark's tightest common type) a decimal item among other
    // numbers: ARRAY_FUNCTION_DIFF_TYPES.
    let (at, item) = (data_type(&args[0]), data_type(&args[1]));
    let refused = match &at {
        DataType::Array(e, _) => **e != item && item != DataType::Null && (matches!(**e, DataType::Decimal(..)) || matches!(item, DataType::Decimal(..))),
        _ => true,
    };
    if refused {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: Input to `array_insert` should have been \"ARRAY\" followed by a value with same element type, but it's [\"{}\", \"{}\"].",
                site.shown,
                at.sql(),
                item.sql()
            ),
        ));
    }
    let mut args = array_and_element(args, site)?;
    args.insert(1, pos);
    Ok(args)
}

/// The elements may be NULL: the item may be, and a position past the end pads with NULLs.
fn inserted(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Array(e, _) => DataType::Array(e, true),
        other => other,
    })
}

fn insert_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0] || nulls[1]
}
