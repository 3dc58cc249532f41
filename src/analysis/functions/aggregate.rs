//! Aggregate functions: Spark's result types (`sum` of integers is BIGINT, of
//! decimals DECIMAL(p+10, s); `avg` of decimals DECIMAL(p+4, s+4)), the implicit casts
//! of their inputs, their nullability and names.

use super::signature::{data_diff_types, Arity::*, Display, Expected, Flags, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::error::{Error, Result};
use crate::ir::function::{AggregateFn::*, Func};
use crate::ir::{DataType, Expr, Value};

const LONG: &DataType = &DataType::Long;
const DOUBLE: &DataType = &DataType::Double;
const BOOLEAN: &DataType = &DataType::Boolean;

const fn agg(f: crate::ir::function::AggregateFn) -> Func {
    Func::Aggregate(f)
}

const ONE_DOUBLE: Inputs = Inputs::Implicit(&[Expected::Type(DOUBLE)]);
const TWO_DOUBLES: Inputs = Inputs::Implicit(&[Expected::Type(DOUBLE), Expected::Type(DOUBLE)]);
const TWO_NUMBERS: Inputs = Inputs::Implicit(&[Expected::Numeric, Expected::Numeric]);

/// A statistic over doubles: DOUBLE, NULL over no rows.
const fn statistic(f: crate::ir::function::AggregateFn, name: &'static str, arity: usize) -> FunctionDef {
    let inputs = if arity == 1 { ONE_DOUBLE } else { TWO_DOUBLES };
    def(agg(f), name, Exact(arity), inputs, Ret::Fixed(DOUBLE)).null(Null::Always)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(agg(Count), "count", AtLeast(1), Inputs::Any, Ret::Fixed(LONG))
        .null(Null::Never)
        .display(Display::Custom(count_display))
        .flags(Flags::STAR_IS_ONE),
    def(agg(Sum), "sum", Exact(1), Inputs::Custom(strings_and_timestamps_as_doubles), Ret::Custom(sum_type)).null(Null::Always),
    def(agg(Avg), "avg", Exact(1), Inputs::Custom(strings_and_timestamps_as_doubles), Ret::Custom(avg_type))
        // `mean(x)` in SQL text is named so; the DataFrame API's mean calls avg.
        .aliases(&["mean"])
        .null(Null::Always),
    def(agg(Min), "min", Exact(1), Inputs::Any, Ret::Arg(0)).null(Null::Always),
    def(agg(Max), "max", Exact(1), Inputs::Any, Ret::Arg(0)).null(Null::Always),
    def(agg(First), "first", Range(1, 2), Inputs::Custom(ignore_nulls_literal), Ret::Arg(0))
        .aliases(&["first_value", "any_value"])
        .null(Null::Always)
        .display(Display::Custom(first_arg_only))
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(Last), "last", Range(1, 2), Inputs::Custom(ignore_nulls_literal), Ret::Arg(0))
        .aliases(&["last_value"])
        .null(Null::Always)
        .display(Display::Custom(first_arg_only))
        .flags(Flags::ORDER_SENSITIVE),
    statistic(StddevSamp, "stddev", 1).aliases(&["stddev_samp", "std"]),
    def(agg(ApproxCountDistinct), "approx_count_distinct", Range(1, 2), Inputs::Custom(relative_sd), Ret::Fixed(LONG))
        .null(Null::Never)
        .display(Display::Custom(first_arg_only)),
    def(agg(MinBy), "min_by", Exact(2), Inputs::Custom(orderable_second), Ret::Arg(0)).null(Null::Always),
    def(agg(MaxBy), "max_by", Exact(2), Inputs::Custom(orderable_second), Ret::Arg(0)).null(Null::Always),
    def(agg(CollectList), "collect_list", Exact(1), Inputs::Any, Ret::Custom(array_of_input))
        .aliases(&["array_agg"])
        .null(Null::Never)
        .display(Display::Named("collect_list"))
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(CollectSet), "collect_set", Exact(1), Inputs::Custom(no_maps), Ret::Custom(array_of_input))
        .null(Null::Never)
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(CountIf), "count_if", Exact(1), Inputs::Implicit(&[Expected::Type(BOOLEAN)]), Ret::Fixed(LONG)).null(Null::Never),
    def(agg(BoolAnd), "bool_and", Exact(1), Inputs::Implicit(&[Expected::Type(BOOLEAN)]), Ret::Fixed(BOOLEAN))
        .aliases(&["every"])
        .null(Null::Always),
    def(agg(BoolOr), "bool_or", Exact(1), Inputs::Implicit(&[Expected::Type(BOOLEAN)]), Ret::Fixed(BOOLEAN))
        .aliases(&["some", "any"])
        .null(Null::Always),
    def(agg(BitAnd), "bit_and", Exact(1), Inputs::Implicit(&[Expected::Integral]), Ret::Arg(0)).null(Null::Always),
    def(agg(BitOr), "bit_or", Exact(1), Inputs::Implicit(&[Expected::Integral]), Ret::Arg(0)).null(Null::Always),
    def(agg(BitXor), "bit_xor", Exact(1), Inputs::Implicit(&[Expected::Integral]), Ret::Arg(0)).null(Null::Always),
    def(agg(Product), "product", Exact(1), ONE_DOUBLE, Ret::Fixed(DOUBLE))
        .null(Null::Always)
        .flags(Flags::DATAFRAME_ONLY),
    def(agg(ListAgg), "listagg", Range(1, 2), Inputs::Custom(listagg_inputs), Ret::Arg(0))
        .aliases(&["string_agg"])
        .null(Null::Always)
        .display(Display::Custom(listagg_display))
        .flags(Flags::ORDER_SENSITIVE),
    def(agg(TrySum), "try_sum", Exact(1), Inputs::Custom(numbers_or_timestamps), Ret::Custom(sum_type)).null(Null::Always),
    def(agg(TryAvg), "try_avg", Exact(1), Inputs::Custom(numbers_or_timestamps), Ret::Custom(avg_type)).null(Null::Always),
    statistic(StddevPop, "stddev_pop", 1),
    statistic(VarSamp, "var_samp", 1).aliases(&["variance"]),
    statistic(VarPop, "var_pop", 1),
    statistic(Skewness, "skewness", 1),
    statistic(Kurtosis, "kurtosis", 1),
    statistic(Corr, "corr", 2),
    statistic(CovarSamp, "covar_samp", 2),
    statistic(CovarPop, "covar_pop", 2),
    def(agg(RegrAvgX), "regr_avgx", Exact(2), TWO_NUMBERS, Ret::Custom(regr_avgx_type)).null(Null::Always),
    def(agg(RegrAvgY), "regr_avgy", Exact(2), TWO_NUMBERS, Ret::Custom(regr_avgy_type)).null(Null::Always),
    def(agg(RegrCount), "regr_count", Exact(2), TWO_NUMBERS, Ret::Fixed(LONG)).null(Null::Never),
    statistic(RegrIntercept, "regr_intercept", 2),
    statistic(RegrR2, "regr_r2", 2),
    statistic(RegrSlope, "regr_slope", 2),
    statistic(RegrSxx, "regr_sxx", 2),
    statistic(RegrSxy, "regr_sxy", 2),
    statistic(RegrSyy, "regr_syy", 2),
    def(agg(Percentile), "percentile", Range(2, 3), Inputs::Custom(percentile_inputs), Ret::Custom(percentile_type))
        // Only with WITHIN GROUP (`sql::within_group`), which gives the value as an ordering.
        .aliases(&["percentile_cont", "percentile_disc"])
        .null(Null::Always)
        .display(Display::Custom(percentile_display)),
    def(agg(Median), "median", Exact(1), Inputs::Custom(percentile_value), Ret::Custom(median_type)).null(Null::Always),
    def(agg(PercentileApprox), "percentile_approx", Range(2, 3), Inputs::Custom(approx_percentile_inputs), Ret::Custom(approx_percentile_type))
        .aliases(&["approx_percentile"])
        .null(Null::Always)
        .display(Display::Custom(approx_percentile_display)),
    def(agg(Mode), "mode", Range(1, 2), Inputs::Custom(mode_inputs), Ret::Arg(0))
        .null(Null::Always)
        .display(Display::Custom(mode_display)),
    def(agg(HistogramNumeric), "histogram_numeric", Exact(2), Inputs::Custom(histogram_inputs), Ret::Custom(histogram_type))
        .null(Null::Always),
];

/// `count(*)` is named `count(1)`.
fn count_display(name: &str, args: &[String], distinct: bool) -> String {
    let args: Vec<String> = args.iter().map(|a| if a == "*" { "1".to_string() } else { a.clone() }).collect();
    Display::Call.text(name, &args, distinct)
}

/// `first(x, ignorenulls)` is named `first(x)`.
fn first_arg_only(name: &str, args: &[String], distinct: bool) -> String {
    Display::Call.text(name, &args[..1], distinct)
}

/// `listagg(s)` is named `listagg(s, NULL)`: Spark fills in the default delimiter.
/// With WITHIN GROUP, Spark names it `listagg(s, NULL) WITHIN GROUP (ORDER BY s DESC NULLS
/// LAST)` (`string_agg` too); its keys come as key then direction, or as one sort text.
fn listagg_display(name: &str, args: &[String], distinct: bool) -> String {
    let mut args = args.to_vec();
    if args.len() == 1 {
        args.push("NULL".into());
    }
    if args.len() <= 2 {
        return Display::Call.text(name, &args, distinct);
    }
    let mut keys: Vec<String> = vec![];
    for text in &args[2..] {
        match keys.last_mut() {
            Some(last) if is_direction(text) => *last = format!("{last} {text}"),
            _ => keys.push(text.clone()),
        }
    }
    format!("{} WITHIN GROUP (ORDER BY {})", Display::Call.text("listagg", &args[..2], distinct), keys.join(", "))
}

/// `sum` and `avg` read a TIMESTAMP as its seconds since the epoch and a STRING as a
/// number (both as DOUBLE, Spark's implicit cast: under ANSI a malformed string is
/// `CAST_INVALID_INPUT`).
fn strings_and_timestamps_as_doubles(args: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    Ok(args
        .into_iter()
        .map(|a| if matches!(data_type(&a), DataType::Timestamp | DataType::String) { coerce(a, &DataType::Double) } else { a })
        .collect())
}

/// `try_sum`/`try_avg` take a numeric or interval input: strings and timestamps are
/// read as doubles.
fn numbers_or_timestamps(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    match t {
        t if t.is_numeric() || t.is_ansi_interval() => Ok(args),
        DataType::Null | DataType::String | DataType::Timestamp => Ok(vec![coerce(args[0].clone(), &DataType::Double)]),
        _ => Err(unexpected_input_type(site, 0, "(\"NUMERIC\" or \"ANSI INTERVAL\")", &args[0])),
    }
}

/// How `sum` and `avg` name what they accept (`AbstractDataType.simpleString` of
/// `NumericType` or `AnsiIntervalType`, unparenthesised).
const NUMERIC_OR_ANSI_INTERVAL: &str = "\"NUMERIC\" or \"ANSI INTERVAL\"";

fn sum_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    match t {
        t if t.is_integral() => Ok(DataType::Long),
        DataType::Float | DataType::Double | DataType::Null | DataType::String => Ok(DataType::Double),
        DataType::Decimal(p, s) => Ok(DataType::Decimal((p + 10).min(38), s)),
        // An interval's sum keeps its type.
        t if t.is_ansi_interval() => Ok(t),
        _ => Err(unexpected_input_type(site, 0, NUMERIC_OR_ANSI_INTERVAL, &args[0])),
    }
}

fn avg_type(args: &[Expr], site: &Site) -> Result<DataType> {
    average_of(&data_type(&args[0])).ok_or_else(|| unexpected_input_type(site, 0, NUMERIC_OR_ANSI_INTERVAL, &args[0]))
}

/// The type of Spark's `Average` of a value of type `t`.
fn average_of(t: &DataType) -> Option<DataType> {
    match t {
        t if t.is_integral() || t.is_floating() => Some(DataType::Double),
        DataType::Null | DataType::String => Some(DataType::Double),
        DataType::Decimal(p, s) => Some(DataType::Decimal((p + 4).min(38), (s + 4).min(38))),
        // An interval's average is the widest interval of its kind.
        DataType::YearMonthInterval(..) => Some(DataType::YearMonthInterval(0, 1)),
        DataType::DayTimeInterval(..) => Some(DataType::DayTimeInterval(0, 3)),
        _ => None,
    }
}

/// `regr_avgx(y, x)` is the average of x over the pairs: typed as `avg(x)`.
fn regr_avgx_type(args: &[Expr], site: &Site) -> Result<DataType> {
    avg_type(&args[1..], site)
}

/// `regr_avgy(y, x)` is the average of y over the pairs.
fn regr_avgy_type(args: &[Expr], site: &Site) -> Result<DataType> {
    avg_type(&args[..1], site)
}

/// The second argument of `first`/`last` (`ignoreNulls`) must be a boolean literal.
fn ignore_nulls_literal(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if let Some(flag) = args.get(1) {
        if !matches!(flag.unalias(), Expr::Literal(Value::Boolean(_))) {
            let name = site.shown.split('(').next().unwrap_or("first");
            let name = if name.starts_with("last") { "last" } else { "first" };
            return Err(Error::analysis(
                "_LEGACY_ERROR_TEMP_1210",
                format!("The second argument in {name} should be a boolean literal."),
            ));
        }
    }
    Ok(args)
}

/// `approx_count_distinct(x, rsd)`: the relative standard deviation must be a literal
/// DOUBLE (or decimal) small enough for HyperLogLog++'s 4 address bits at least.
fn relative_sd(args: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    let Some(rsd) = args.get(1) else { return Ok(args) };
    let Some(value) = relative_sd_value(rsd) else {
        return Err(Error::analysis("_LEGACY_ERROR_TEMP_1104", "The second argument should be a double literal."));
    };
    let bits = (2.0 * (1.106 / value).ln() / 2f64.ln()).ceil();
    if bits.is_nan() || bits < 4.0 {
        return Err(Error::analysis(
            "FAILED_FUNCTION_CALL",
            "Failed preparing of the function `approx_count_distinct` for call. Please, double check function's arguments. SQLSTATE: 38000",
        ));
    }
    Ok(args)
}

/// The relative standard deviation of `approx_count_distinct`: a DOUBLE (or decimal) literal.
fn relative_sd_value(rsd: &Expr) -> Option<f64> {
    match rsd.unalias() {
        Expr::Literal(Value::Double(d)) => Some(*d),
        Expr::Literal(Value::Float(f)) => Some(*f as f64),
        Expr::Literal(Value::Decimal(u, _, s)) => Some(*u as f64 / 10f64.powi(*s as i32)),
        _ => None,
    }
}

fn contains_map(t: &DataType) -> bool {
    match t {
        DataType::Map(..) => true,
        DataType::Array(e, _) => contains_map(e),
        DataType::Struct(fields) => fields.iter().any(|f| contains_map(&f.data_type)),
        _ => false,
    }
}

/// `min_by`/`max_by`: the ordering argument must be orderable (no maps).
fn orderable_second(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[1]);
    if contains_map(&t) {
        let name = site.shown.split('(').next().unwrap_or("max_by");
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
            format!("Cannot resolve \"{}\" due to data type mismatch: The `{name}` does not support ordering on type \"{}\".", site.shown, t.sql()),
        ));
    }
    Ok(args)
}

/// `collect_set` keeps distinct values: maps have no equality in Spark.
fn no_maps(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if contains_map(&data_type(&args[0])) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE",
            format!("Cannot resolve \"{}\" due to data type mismatch: The input of `collect_set` can't be \"MAP\" or \"COLLATED STRING\" type data.", site.shown),
        ));
    }
    Ok(args)
}

fn array_of_input(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(data_type(&args[0])), false))
}

const STRING_OR_BINARY: Expected = Expected::OneOf(&[Expected::Type(&DataType::String), Expected::Type(&DataType::Binary)]);

/// `listagg(value[, delimiter])`: value and delimiter are strings or binaries (other
/// atomic values read as strings) of one type, and the delimiter is a constant.
fn listagg_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let orderings = take_orderings(&mut args)?;
    let value = args.remove(0);
    let value_type = data_type(&value);
    let value = match STRING_OR_BINARY.implicit_cast(&value_type, site.conf.ansi) {
        Some(t) => coerce(value, &t),
        None => return Err(unexpected_input_type(site, 0, &STRING_OR_BINARY.sql(), &value)),
    };
    let value_type = data_type(&value);
    let delimiter = match args.pop() {
        None => Expr::Literal(Value::Null),
        Some(d) => {
            if !matches!(d.unalias(), Expr::Literal(_)) {
                return Err(Error::analysis(
                    "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                    format!(
                        "Cannot resolve \"{}\" due to data type mismatch: the input `delimiter` should be a foldable \"{}\" expression; however, got \"{}\".",
                        site.shown,
                        data_type(&d).sql(),
                        (site.text)(&d)
                    ),
                ));
            }
            let t = data_type(&d);
            if t != DataType::Null && t != value_type {
                return Err(data_diff_types(&site.shown, "listagg", &[value_type.clone(), t], false));
            }
            d
        }
    };
    let delimiter = coerce(delimiter, &value_type);
    // WITHIN GROUP (ORDER BY k DESC): each key then its direction, as a string.
    let mut out = vec![value, delimiter];
    for k in orderings {
        let direction = format!("{} NULLS {}", if k.ascending { "ASC" } else { "DESC" }, if k.nulls_first { "FIRST" } else { "LAST" });
        out.extend([k.expr, Expr::Literal(Value::String(direction))]);
    }
    Ok(out)
}

/// The trailing `Expr::Sort` arguments the SQL front end gives for WITHIN GROUP
/// (`sql::within_group`); an ordering anywhere else is refused.
fn take_orderings(args: &mut Vec<Expr>) -> Result<Vec<crate::ir::SortKey>> {
    let at = args.iter().position(|a| matches!(a, Expr::Sort(_))).unwrap_or(args.len());
    let orderings: Vec<crate::ir::SortKey> = args
        .split_off(at)
        .into_iter()
        .map(|a| match a {
            Expr::Sort(k) => Ok(*k),
            other => Err(Error::unsupported(format!("the argument `{}` after a WITHIN GROUP ordering", crate::analysis::naming::sql_text(&other)))),
        })
        .collect::<Result<_>>()?;
    if args.is_empty() && !orderings.is_empty() {
        return Err(Error::unsupported("a WITHIN GROUP ordering as a function's argument"));
    }
    Ok(orderings)
}

/// Whether a call's orderings (WITHIN GROUP) are left out of its parameter count.
pub fn orderings_extra(func: crate::ir::Func) -> bool {
    func == crate::ir::Func::Aggregate(ListAgg)
}

/// `ASC NULLS FIRST` and the like, the direction a WITHIN GROUP key is shown with.
fn is_direction(text: &str) -> bool {
    matches!(text, "ASC NULLS FIRST" | "ASC NULLS LAST" | "DESC NULLS FIRST" | "DESC NULLS LAST")
}

/// A sort key's text (`x DESC NULLS LAST`, how a WITHIN GROUP ordering is shown before
/// analysis) as the key's text and whether it is ascending.
fn without_direction(text: &str) -> Option<(&str, bool)> {
    ["ASC NULLS FIRST", "ASC NULLS LAST", "DESC NULLS FIRST", "DESC NULLS LAST"]
        .iter()
        .find_map(|d| text.strip_suffix(&format!(" {d}")).map(|x| (x, d.starts_with("ASC"))))
}

/// `percentile(x, p)` is named `percentile(x, p, 1)`: Spark fills in the frequency.
/// `percentile_cont(p) WITHIN GROUP (ORDER BY x DESC)` (and `percentile_disc`) so, its
/// arguments `x, p, 1, reverse` (`x ASC NULLS FIRST, p` before analysis, in errors
/// `percentile_cont(x, p)`).
fn percentile_display(name: &str, args: &[String], distinct: bool) -> String {
    if name == "percentile_cont" || name == "percentile_disc" {
        let shown = |x: &str, p: &str, descending: bool| {
            let direction = if descending { " DESC" } else { "" };
            format!("{name}({}{p}) WITHIN GROUP (ORDER BY {x}{direction})", if distinct { "DISTINCT " } else { "" })
        };
        match args {
            [x, p, _, reverse] => return shown(x, p, reverse == "true"),
            [x, p] => {
                if let Some((x, ascending)) = without_direction(x) {
                    return shown(x, p, !ascending);
                }
            }
            _ => {}
        }
    }
    let mut args = args.to_vec();
    if args.len() == 2 {
        args.push("1".into());
    }
    Display::Call.text(name, &args, distinct)
}

/// `percentile_approx(x, p)` is named `percentile_approx(x, p, 10000)`.
fn approx_percentile_display(name: &str, args: &[String], distinct: bool) -> String {
    let mut args = args.to_vec();
    if args.len() == 2 {
        args.push("10000".into());
    }
    Display::Call.text(name, &args, distinct)
}

/// `mode(x, true)` is named as its SQL form `mode() WITHIN GROUP (ORDER BY x DESC)`;
/// `mode() WITHIN GROUP (ORDER BY x DESC)` (arguments `x, true, true`) as Spark names it,
/// the other way round: `mode() WITHIN GROUP (ORDER BY x)`.
fn mode_display(name: &str, args: &[String], distinct: bool) -> String {
    // Before analysis the WITHIN GROUP key comes as one sort text.
    if let [key] = args {
        if let Some((x, ascending)) = without_direction(key) {
            return format!("{name}() WITHIN GROUP (ORDER BY {x}{})", if ascending { " DESC" } else { "" });
        }
    }
    match (args.get(1).map(|a| a.as_str()), args.get(2).map(|a| a.as_str())) {
        (Some("true"), Some("true")) => format!("{name}() WITHIN GROUP (ORDER BY {})", args[0]),
        (Some("true"), _) => format!("{name}() WITHIN GROUP (ORDER BY {} DESC)", args[0]),
        _ => Display::Call.text(name, &args[..1], distinct),
    }
}

fn mismatch(site: &Site, sub_class: &str, detail: String) -> Error {
    Error::analysis(
        &format!("DATATYPE_MISMATCH.{sub_class}"),
        format!("Cannot resolve \"{}\" due to data type mismatch: {detail}.", site.shown),
    )
}

/// A constant argument's value, or Spark's errors for a column or NULL.
fn constant<'a>(site: &Site, arg: &'a Expr, input: &str, sql_type: &str, what: &str) -> Result<&'a Value> {
    match arg.unalias() {
        Expr::Literal(Value::Null) => Err(mismatch(site, "UNEXPECTED_NULL", format!("The {what} must not be null"))),
        Expr::Literal(v) => Ok(v),
        Expr::Cast { expr, .. } if matches!(expr.unalias(), Expr::Literal(Value::Null)) => {
            Err(mismatch(site, "UNEXPECTED_NULL", format!("The {what} must not be null")))
        }
        other => Err(mismatch(
            site,
            "NON_FOLDABLE_INPUT",
            format!("the input `{input}` should be a foldable \"{sql_type}\" expression; however, got \"{}\"", (site.text)(other)),
        )),
    }
}

/// A numeric literal as a double.
pub fn literal_f64(v: &Value) -> Option<f64> {
    Some(match v {
        Value::Byte(x) => *x as f64,
        Value::Short(x) => *x as f64,
        Value::Integer(x) => *x as f64,
        Value::Long(x) => *x as f64,
        Value::Float(x) => *x as f64,
        Value::Double(x) => *x,
        Value::Decimal(u, _, s) => format!("{u}e-{s}").parse().ok()?,
        _ => return None,
    })
}

/// The percentages of `percentile`/`percentile_approx`: one number or an array of them,
/// each in [0, 1].
pub fn percentages(v: &Value) -> Option<Vec<f64>> {
    match v {
        Value::Array(items, _) => items.iter().map(literal_f64).collect(),
        other => literal_f64(other).map(|p| vec![p]),
    }
}

/// A percentages argument written `array(0.25, 0.5)` (SQL) as the array literal the
/// DataFrame API passes (`[0.25, 0.5]`): Spark folds it, and only its values count.
/// Each element keeps its own literal (its text is the column name's: the implicit
/// casts to the array's element type do not show, as in Spark).
fn folded_percentages(arg: Expr) -> Expr {
    let Expr::Call(call) = arg.unalias() else { return arg };
    let (Func::Collection(crate::ir::function::CollectionFn::Array), DataType::Array(elem, _)) = (call.func, &call.data_type) else {
        return arg;
    };
    let literal = |e: &Expr| match e.unalias() {
        Expr::Literal(v) if literal_f64(v).is_some() => Some(v.clone()),
        Expr::Cast { expr, to, .. } if to.is_numeric() => match expr.unalias() {
            Expr::Literal(v) if literal_f64(v).is_some() => Some(v.clone()),
            _ => None,
        },
        _ => None,
    };
    match call.args.iter().map(literal).collect::<Option<Vec<Value>>>() {
        Some(values) => Expr::Literal(Value::Array(values, (**elem).clone())),
        None => arg,
    }
}

fn check_percentages(site: &Site, arg: &Expr) -> Result<()> {
    // The input type first: an array that may hold NULLs has no implicit cast to
    // ARRAY<DOUBLE> without NULLs.
    if matches!(data_type(arg), DataType::Array(_, true)) && !matches!(arg.unalias(), Expr::Literal(_)) {
        return Err(unexpected_input_type(site, 1, "(\"DOUBLE\" or \"ARRAY<DOUBLE>\")", arg));
    }
    let v = constant(site, arg, "percentage", "DOUBLE", "percentage")?;
    let Some(ps) = percentages(v) else {
        return Err(unexpected_input_type(site, 1, "\"DOUBLE\"", arg));
    };
    if ps.iter().any(|p| !(0.0..=1.0).contains(p)) {
        // Spark shows every percentage, not only the one out of range.
        let all: Vec<String> = ps.iter().map(|p| format!("{}D", crate::ir::text::java_double(*p))).collect();
        return Err(mismatch(site, "VALUE_OUT_OF_RANGE", format!("The percentage must be between [0.0, 1.0] (current value = {})", all.join(","))));
    }
    Ok(())
}

const PERCENTILE_VALUE: &str = "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")";

/// `percentile`'s and `median`'s value: a number (strings read as doubles).
fn percentile_value(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let value = args.remove(0);
    let value = match data_type(&value) {
        // An interval's percentile is one too (of its months or microseconds).
        t if t.is_numeric() || t.is_ansi_interval() => value,
        DataType::Null | DataType::String => coerce(value, &DataType::Double),
        _ => return Err(unexpected_input_type(site, 0, PERCENTILE_VALUE, &value)),
    };
    args.insert(0, value);
    Ok(args)
}

/// `median(x)`: DOUBLE, or over an interval the widest interval of its kind (whatever
/// the input's fields).
fn median_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::DayTimeInterval(..) => DataType::DayTimeInterval(0, 3),
        DataType::YearMonthInterval(..) => DataType::YearMonthInterval(0, 1),
        _ => DataType::Double,
    })
}

/// `percentile(value, percentage[, frequency])`.
/// `percentile_cont(p) WITHIN GROUP (ORDER BY x [DESC])` comes as `(x ASC NULLS FIRST, p)`
/// and leaves as `(x, p, 1, reverse)`.
fn percentile_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let reverse = match args.first() {
        Some(Expr::Sort(k)) => {
            let k = (**k).clone();
            args[0] = k.expr;
            Some(!k.ascending)
        }
        _ => None,
    };
    // Spark's errors show `percentile_cont(x, p)`.
    let called = site.shown.split('(').next().unwrap_or_default().to_string();
    let shown = match (reverse, args.as_slice()) {
        (Some(_), [x, p]) => format!("{called}({}, {})", (site.text)(x), (site.text)(p)),
        _ => site.shown.clone(),
    };
    let site = &Site { conf: site.conf, shown, text: site.text };
    let mut args = percentile_value(args, site)?;
    if args.len() == 2 {
        args.push(Expr::Literal(Value::Long(1)));
    }
    if let Some(reverse) = reverse {
        args.push(Expr::Literal(Value::Boolean(reverse)));
    }
    match Expected::Integral.implicit_cast(&data_type(&args[2]), site.conf.ansi) {
        Some(t) => args[2] = coerce(args[2].clone(), &t),
        None => return Err(unexpected_input_type(site, 2, "\"INTEGRAL\"", &args[2])),
    }
    args[1] = folded_percentages(args[1].clone());
    check_percentages(site, &args[1])?;
    Ok(args)
}

fn percentile_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let element = median_type(args, site)?;
    Ok(match data_type(&args[1]) {
        DataType::Array(..) => DataType::Array(Box::new(element), false),
        _ => element,
    })
}

/// `percentile_approx(value, percentage[, accuracy])`: numbers, dates and timestamps;
/// the accuracy a constant in (0, 2147483647].
fn approx_percentile_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let value = args.remove(0);
    let value = match data_type(&value) {
        t if t.is_numeric() || t.is_ansi_interval() || matches!(t, DataType::Date | DataType::Timestamp | DataType::TimestampNtz) => value,
        DataType::Null | DataType::String => coerce(value, &DataType::Double),
        _ => {
            return Err(unexpected_input_type(
                site,
                0,
                "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")",
                &value,
            ))
        }
    };
    args.insert(0, value);
    if args.len() == 2 {
        args.push(Expr::Literal(Value::Integer(10000)));
    }
    if Expected::Integral.implicit_cast(&data_type(&args[2]), site.conf.ansi).is_none() {
        return Err(unexpected_input_type(site, 2, "\"INTEGRAL\"", &args[2]));
    }
    args[1] = folded_percentages(args[1].clone());
    check_percentages(site, &args[1])?;
    let accuracy = constant(site, &args[2], "accuracy", "INT", "accuracy")?;
    let accuracy = literal_f64(accuracy).unwrap_or(0.0);
    if !(accuracy > 0.0 && accuracy <= i32::MAX as f64) {
        return Err(mismatch(site, "VALUE_OUT_OF_RANGE", format!("The accuracy must be between (0, 2147483647] (current value = {accuracy}L)")));
    }
    Ok(args)
}

/// `percentile_approx` returns values of its input's type.
fn approx_percentile_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    Ok(match data_type(&args[1]) {
        DataType::Array(..) => DataType::Array(Box::new(t), false),
        _ => t,
    })
}

/// `mode(value[, deterministic])`: the flag a boolean constant.
fn mode_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    // `mode() WITHIN GROUP (ORDER BY x [DESC])`: deterministic, the largest value winning
    // a tie under DESC (Spark's `reverseOpt`).
    if let [Expr::Sort(k)] = args.as_slice() {
        return Ok(vec![k.expr.clone(), Expr::Literal(Value::Boolean(true)), Expr::Literal(Value::Boolean(!k.ascending))]);
    }
    if args.iter().any(|a| matches!(a, Expr::Sort(_))) {
        return Err(Error::unsupported("a WITHIN GROUP ordering as mode's argument"));
    }
    if let Some(flag) = args.get(1) {
        match flag.unalias() {
            Expr::Literal(Value::Boolean(_)) => {}
            Expr::Literal(Value::Null) => {
                return Err(Error::analysis("DATATYPE_MISMATCH.UNEXPECTED_NULL", "The deterministic must not be null."))
            }
            Expr::Literal(_) => {
                return Err(Error::analysis(
                    "UNEXPECTED_INPUT_TYPE",
                    format!("Parameter second of function `mode` requires the \"BOOLEAN\" type, however \"{}\" has the type \"{}\".", (site.text)(flag), data_type(flag).sql()),
                ))
            }
            _ => {
                return Err(Error::analysis(
                    "NON_FOLDABLE_ARGUMENT",
                    "The function `mode` requires the parameter `deterministic` to be a foldable expression of the type \"BOOLEAN\", but the actual argument is a non-foldable.",
                ))
            }
        }
    }
    Ok(args)
}

/// `histogram_numeric(value, nb)`: numbers, dates and timestamps; nb a constant >= 2.
fn histogram_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let value = args.remove(0);
    let value = match data_type(&value) {
        t if t.is_numeric() || matches!(t, DataType::Date | DataType::Timestamp | DataType::TimestampNtz) => value,
        DataType::Null | DataType::String => coerce(value, &DataType::Double),
        _ => {
            return Err(unexpected_input_type(
                site,
                0,
                "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")",
                &value,
            ))
        }
    };
    let nb = args.remove(0);
    let nb = match Expected::Type(&DataType::Integer).implicit_cast(&data_type(&nb), site.conf.ansi) {
        Some(t) => coerce(nb, &t),
        None => return Err(unexpected_input_type(site, 1, "\"INT\"", &nb)),
    };
    let bins = literal_f64(constant(site, &nb, "nb", "INT", "nb")?).unwrap_or(0.0);
    if bins < 2.0 {
        return Err(mismatch(site, "VALUE_OUT_OF_RANGE", format!("The nb must be between [2, 2147483647] (current value = {bins})")));
    }
    Ok(vec![value, nb])
}

/// `histogram_numeric`: (x, y) bins, x of the input's type.
fn histogram_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let fields = vec![
        crate::ir::StructField::new("x", data_type(&args[0]), true),
        crate::ir::StructField::new("y", DataType::Double, true),
    ];
    Ok(DataType::Array(Box::new(DataType::Struct(fields)), true))
}

#[cfg(test)]
mod tests {
    use super::super::lookup;
    use super::*;
    use crate::ir::{Attribute, Expr};

    fn column(t: DataType) -> Expr {
        Expr::Attr(Attribute { id: 1, name: "x".into(), data_type: t, nullable: true, qualifier: None, metadata: None })
    }

    #[test]
    fn sum_widens_integers() {
        let conf = crate::analysis::Conf::default();
        let sum = lookup("sum").unwrap();
        let type_of = |t: DataType| {
            let site = Site { conf: &conf, shown: "sum(x)".into(), text: |_| "x".into() };
            sum.ret.data_type(&[column(t)], &site).unwrap()
        };
        assert_eq!(type_of(DataType::Integer), DataType::Long);
        assert_eq!(type_of(DataType::Float), DataType::Double);
        assert_eq!(type_of(DataType::Decimal(30, 2)), DataType::Decimal(38, 2));
    }

    #[test]
    fn count_star_is_named_count_one() {
        let count = lookup("count").unwrap();
        assert_eq!(count.display.text("count", &["*".into()], false), "count(1)");
        assert_eq!(count.display.text("count", &["a".into()], true), "count(DISTINCT a)");
    }

    #[test]
    fn aliases_keep_their_own_names() {
        let first = lookup("first_value").unwrap();
        assert_eq!(first.display.text("first_value", &["x".into(), "true".into()], false), "first_value(x)");
        assert_eq!(lookup("array_agg").unwrap().display.text("array_agg", &["x".into()], false), "collect_list(x)");
        assert_eq!(lookup("string_agg").unwrap().display.text("string_agg", &["s".into()], true), "string_agg(DISTINCT s, NULL)");
    }
}
