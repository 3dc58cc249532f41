//! Mathematical and bitwise functions. Functions of one double are Spark's
//! `UnaryMathExpression`: the argument is read as a DOUBLE and the result is always
//! nullable (a log of a non-positive number is NULL). `round`/`bround` and
//! `ceil`/`floor` with a scale change a decimal's scale as Spark's `RoundBase` does.

use super::signature::{shown_name, Arity::*, Display, Expected, Inputs, Null, Repr, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type, decimal_arithmetic, integral_decimal};
use crate::error::{Error, Result};
use crate::ir::function::{Func, MathFn::*};
use crate::ir::{BinaryOp, DataType, Expr, Value};

const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const DOUBLE: &DataType = &DataType::Double;
const BOOL: &DataType = &DataType::Boolean;
const STRING: &DataType = &DataType::String;
const TINYINT: &DataType = &DataType::Byte;

const fn math(f: crate::ir::function::MathFn) -> Func {
    Func::Math(f)
}

const FLOATING: Expected = Expected::OneOf(&[Expected::Type(DOUBLE), Expected::Type(&DataType::Float)]);
const NUMERIC_AND_SCALE: &[Expected] = &[Expected::Numeric, Expected::Type(INT)];
const ONE_DOUBLE: Inputs = Inputs::Implicit(&[Expected::Type(DOUBLE)]);
const TWO_DOUBLES: Inputs = Inputs::Implicit(&[Expected::Type(DOUBLE), Expected::Type(DOUBLE)]);

/// A function of one double: DOUBLE result, always nullable, shown as `NAME(x)`.
const fn unary(f: crate::ir::function::MathFn, name: &'static str, shown: &'static str) -> FunctionDef {
    def(math(f), name, Exact(1), ONE_DOUBLE, Ret::Fixed(DOUBLE)).null(Null::Always).display(Display::Named(shown))
}

/// What `sign` and `negative` accept, in Spark's words (which name interval types).
fn is_ansi_interval(t: &DataType) -> bool {
    matches!(t, DataType::YearMonthInterval(..) | DataType::DayTimeInterval(..))
}

/// `signum(x)`: a number read as a DOUBLE, or an ANSI interval as it is (the sign of its
/// months or microseconds).
fn signum_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.first().is_some_and(|a| is_ansi_interval(&data_type(a))) {
        return Ok(args);
    }
    Inputs::Implicit(&[SIGNUM_INPUT]).coerce(args, site)
}

/// `width_bucket(v, min, max, n)`: doubles, or three ANSI intervals of one kind (read as
/// their months or microseconds, as Spark reads them as numbers).
fn width_bucket_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let kind = |e: &Expr| match data_type(e) {
        DataType::YearMonthInterval(..) => Some(true),
        DataType::DayTimeInterval(..) => Some(false),
        _ => None,
    };
    let kinds: Vec<Option<bool>> = args.iter().take(3).map(kind).collect();
    if kinds.len() == 3 && kinds[0].is_some() && kinds.iter().all(|k| *k == kinds[0]) {
        let mut args = args;
        let n = args.pop().map(|n| Inputs::Implicit(&[Expected::Type(LONG)]).coerce(vec![n], site)).transpose()?.unwrap_or_default();
        args.extend(n);
        return Ok(args);
    }
    if kinds.iter().any(Option::is_some) {
        // Intervals beside other types (or of the other kind): Spark casts the rest to
        // DOUBLE, then finds the three types differ.
        let types: Vec<DataType> = args.iter().take(3).map(|a| if is_ansi_interval(&data_type(a)) { data_type(a) } else { DataType::Double }).collect();
        return Err(super::signature::data_diff_types(&site.shown, "width_bucket", &types, false));
    }
    Inputs::Implicit(&[Expected::Type(DOUBLE), Expected::Type(DOUBLE), Expected::Type(DOUBLE), Expected::Type(LONG)]).coerce(args, site)
}

const SIGNUM_INPUT: Expected =
    Expected::Named(&Expected::Type(DOUBLE), "(\"DOUBLE\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")");
const NEGATIVE_INPUT: Expected = Expected::Named(
    &Expected::Numeric,
    "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")",
);

pub static FUNCTIONS: &[FunctionDef] = &[
    def(math(Abs), "abs", Exact(1), Inputs::Custom(abs_inputs), Ret::Arg(0)),
    def(math(Round), "round", Range(1, 2), Inputs::Implicit(NUMERIC_AND_SCALE), Ret::Custom(round_type))
        .null(Null::Always)
        .display(Display::Custom(round_display)),
    def(math(Bround), "bround", Range(1, 2), Inputs::Implicit(NUMERIC_AND_SCALE), Ret::Custom(round_type))
        .null(Null::Always)
        .display(Display::Custom(round_display)),
    unary(Sqrt, "sqrt", "SQRT"),
    // Spark's IsNaN takes (DOUBLE or FLOAT): numbers, strings and NULL are cast to DOUBLE.
    def(math(IsNan), "isnan", Exact(1), Inputs::Implicit(&[FLOATING]), Ret::Fixed(BOOL)).null(Null::Never).repr(Repr::Named("isNaN")),
    unary(Cbrt, "cbrt", "CBRT"),
    unary(Exp, "exp", "EXP"),
    unary(Expm1, "expm1", "EXPM1"),
    unary(Ln, "ln", "ln"),
    unary(Log10, "log10", "LOG10"),
    unary(Log2, "log2", "LOG2"),
    unary(Log1p, "log1p", "LOG1P"),
    unary(Sin, "sin", "SIN"),
    unary(Cos, "cos", "COS"),
    unary(Tan, "tan", "TAN"),
    unary(Asin, "asin", "ASIN"),
    unary(Acos, "acos", "ACOS"),
    unary(Atan, "atan", "ATAN"),
    unary(Sinh, "sinh", "SINH"),
    unary(Cosh, "cosh", "COSH"),
    unary(Tanh, "tanh", "TANH"),
    unary(Asinh, "asinh", "ASINH"),
    unary(Acosh, "acosh", "ACOSH"),
    unary(Atanh, "atanh", "ATANH"),
    unary(Cot, "cot", "COT"),
    unary(Csc, "csc", "CSC"),
    unary(Sec, "sec", "SEC"),
    unary(Degrees, "degrees", "DEGREES"),
    unary(Radians, "radians", "RADIANS"),
    unary(Rint, "rint", "rint"),
    def(math(Signum), "signum", Exact(1), Inputs::Custom(signum_inputs), Ret::Fixed(DOUBLE))
        .null(Null::Always)
        .aliases(&["sign"])
        .display(Display::Custom(signum_display)),
    // `log(x)` is `LOG(E(), x)`; `ln(x)` is the one-argument form functions.py uses.
    def(math(Log), "log", Range(1, 2), Inputs::Implicit(&[Expected::Type(DOUBLE)]), Ret::Fixed(DOUBLE))
        .null(Null::Always)
        .display(Display::Custom(log_display)),
    def(math(Pow), "power", Exact(2), TWO_DOUBLES, Ret::Fixed(DOUBLE)).aliases(&["pow"]).display(Display::Custom(pow_display)),
    def(math(Atan2), "atan2", Exact(2), TWO_DOUBLES, Ret::Fixed(DOUBLE)).display(Display::Named("ATAN2")),
    def(math(Hypot), "hypot", Exact(2), TWO_DOUBLES, Ret::Fixed(DOUBLE)).display(Display::Named("HYPOT")),
    def(math(Ceil), "ceil", Range(1, 2), Inputs::Custom(ceil_floor_inputs), Ret::Custom(ceil_floor_type))
        .aliases(&["ceiling"])
        .null(Null::Always)
        .display(Display::Custom(ceil_display)),
    def(math(Floor), "floor", Range(1, 2), Inputs::Custom(ceil_floor_inputs), Ret::Custom(ceil_floor_type))
        .null(Null::Always)
        .display(Display::Custom(floor_display)),
    def(math(E), "e", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE)).null(Null::Never).display(Display::Named("E")),
    def(math(Pi), "pi", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE)).null(Null::Never).display(Display::Named("PI")),
    def(math(Pmod), "pmod", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(remainder_type)).null(Null::Always),
    def(math(Mod), "mod", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(remainder_type)).null(Null::Always),
    // SQL's unary minus is `-`: Spark shows it as `(- x)`.
    def(math(Negative), "negative", Exact(1), Inputs::Custom(negative_inputs), Ret::Arg(0)).aliases(&["-"]).display(Display::Custom(negative_display)),
    def(math(Positive), "positive", Exact(1), Inputs::Implicit(&[Expected::Numeric]), Ret::Arg(0))
        .display(Display::Custom(positive_display)),
    def(math(Greatest), "greatest", AtLeast(2), Inputs::Custom(ordered_common_inputs), Ret::Arg(0)).null(Null::AllArgs),
    def(math(Least), "least", AtLeast(2), Inputs::Custom(ordered_common_inputs), Ret::Arg(0)).null(Null::AllArgs),
    def(math(Factorial), "factorial", Exact(1), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(LONG)).null(Null::Always),
    def(math(Bin), "bin", Exact(1), Inputs::Implicit(&[Expected::Type(LONG)]), Ret::Fixed(STRING)),
    def(math(Conv), "conv", Exact(3), Inputs::Implicit(&[Expected::Type(STRING), Expected::Type(INT)]), Ret::Fixed(STRING))
        .null(Null::Always),
    def(
        math(WidthBucket),
        "width_bucket",
        Exact(4),
        Inputs::Custom(width_bucket_inputs),
        Ret::Fixed(LONG),
    )
    .null(Null::Always),
    def(math(TryAdd), "try_add", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(try_add_type)).null(Null::Always),
    def(math(TrySubtract), "try_subtract", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(try_subtract_type)).null(Null::Always),
    def(math(TryMultiply), "try_multiply", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(try_multiply_type)).null(Null::Always),
    def(math(TryDivide), "try_divide", Exact(2), Inputs::Custom(divide_inputs), Ret::Custom(try_divide_type)).null(Null::Always),
    def(math(TryMod), "try_mod", Exact(2), Inputs::Custom(arithmetic_inputs), Ret::Custom(remainder_type)).null(Null::Always),
    def(math(Rand), "rand", Range(0, 1), Inputs::Custom(seed_inputs), Ret::Fixed(DOUBLE))
        .aliases(&["random"])
        .null(Null::Never)
        .display(Display::Named("rand")),
    def(math(Randn), "randn", Range(0, 1), Inputs::Custom(seed_inputs), Ret::Fixed(DOUBLE)).null(Null::Never),
    def(math(Uniform), "uniform", Range(2, 3), Inputs::Custom(uniform_inputs), Ret::Custom(uniform_type)).null(Null::Never),
    def(math(Randstr), "randstr", Range(1, 2), Inputs::Custom(randstr_inputs), Ret::Fixed(STRING)).null(Null::Never),
    // Bitwise. Spark's names for the operators are the symbols.
    def(math(BitwiseNot), "~", Exact(1), Inputs::Custom(integral_inputs), Ret::Arg(0)).display(Display::Custom(not_display)),
    def(math(BitwiseAnd), "&", Exact(2), Inputs::Custom(integral_inputs), Ret::Arg(0)).display(Display::Custom(infix_display)),
    def(math(BitwiseOr), "|", Exact(2), Inputs::Custom(integral_inputs), Ret::Arg(0)).display(Display::Custom(infix_display)),
    def(math(BitwiseXor), "^", Exact(2), Inputs::Custom(integral_inputs), Ret::Arg(0)).display(Display::Custom(infix_display)),
    def(math(BitCount), "bit_count", Exact(1), Inputs::Custom(bit_count_inputs), Ret::Fixed(INT)),
    def(math(BitGet), "bit_get", Exact(2), Inputs::Custom(bit_get_inputs), Ret::Fixed(TINYINT)).aliases(&["getbit"]),
    // Spark 4 registers the operators under their symbols too (`2 << 1`), shown infix.
    def(math(ShiftLeft), "shiftleft", Exact(2), Inputs::Custom(shift_inputs), Ret::Arg(0)).aliases(&["<<"]).display(Display::Custom(shift_display)),
    def(math(ShiftRight), "shiftright", Exact(2), Inputs::Custom(shift_inputs), Ret::Arg(0)).aliases(&[">>"]).display(Display::Custom(shift_display)),
    def(math(ShiftRightUnsigned), "shiftrightunsigned", Exact(2), Inputs::Custom(shift_inputs), Ret::Arg(0))
        .aliases(&[">>>"])
        .display(Display::Custom(shift_display)),
];

/// The literal integer value of an argument (after implicit casts), if it is one.
pub fn int_value(e: &Expr) -> Option<i64> {
    match e.unalias() {
        Expr::Literal(Value::Byte(v)) => Some(*v as i64),
        Expr::Literal(Value::Short(v)) => Some(*v as i64),
        Expr::Literal(Value::Integer(v)) => Some(*v as i64),
        Expr::Literal(Value::Long(v)) => Some(*v),
        Expr::Cast { expr, .. } => int_value(expr),
        _ => None,
    }
}

/// The type of `round(x, scale)`: x's type, with a decimal's scale reduced to `scale`.
fn round_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Decimal(p, s) => {
            let digits = args.get(1).and_then(int_value).unwrap_or(0) as i32;
            let new_scale = (s as i32).min(digits.max(0)) as u8;
            DataType::Decimal(((p - s) as u32 + 1 + new_scale as u32).min(38) as u8, new_scale)
        }
        other => other,
    })
}

/// `round(x)` is shown with its default scale: `round(x, 0)`.
fn round_display(called: &str, args: &[String], _: bool) -> String {
    match args {
        [x] => format!("{called}({x}, 0)"),
        _ => format!("{called}({})", args.join(", ")),
    }
}

fn signum_display(called: &str, args: &[String], _: bool) -> String {
    let name = if called == "sign" { "sign" } else { "SIGNUM" };
    format!("{name}({})", args.join(", "))
}

fn log_display(_: &str, args: &[String], _: bool) -> String {
    match args {
        [x] => format!("LOG(E(), {x})"),
        _ => format!("LOG({})", args.join(", ")),
    }
}

fn pow_display(called: &str, args: &[String], _: bool) -> String {
    let name = if called == "pow" { "pow" } else { "POWER" };
    format!("{name}({})", args.join(", "))
}

/// `CEIL(x)` and `ceiling(x)`; with a scale the name is as called: `ceil(x, 1)`.
fn ceil_display(called: &str, args: &[String], _: bool) -> String {
    let name = if args.len() == 1 && called == "ceil" { "CEIL" } else { called };
    format!("{name}({})", args.join(", "))
}

fn floor_display(called: &str, args: &[String], _: bool) -> String {
    let name = if args.len() == 1 { "FLOOR" } else { called };
    format!("{name}({})", args.join(", "))
}

/// `abs(x)`: a number, or an ANSI interval as it is (Spark's `NumericAndAnsiInterval`).
fn abs_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if is_ansi_interval(&data_type(&args[0])) {
        return Ok(args);
    }
    Inputs::Implicit(&[ABS_INPUT]).coerce(args, site)
}

const ABS_INPUT: Expected = Expected::Named(&Expected::Numeric, "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")");

/// `negative(x)`: numbers (a STRING or an untyped NULL cast to DOUBLE) and intervals.
fn negative_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if t.is_ansi_interval() || t == DataType::CalendarInterval {
        return Ok(args);
    }
    Inputs::Implicit(&[NEGATIVE_INPUT]).coerce(args, site)
}

fn negative_display(called_as: &str, args: &[String], _: bool) -> String {
    match called_as {
        "-" => format!("(- {})", args[0]),
        _ => format!("{called_as}({})", args[0]),
    }
}

fn positive_display(_: &str, args: &[String], _: bool) -> String {
    format!("(+ {})", args[0])
}

fn not_display(_: &str, args: &[String], _: bool) -> String {
    format!("~{}", args[0])
}

fn infix_display(called: &str, args: &[String], _: bool) -> String {
    format!("({} {called} {})", args[0], args[1])
}

/// `shiftleft(a, n)` called by name, `(a << n)` called as the operator.
fn shift_display(called: &str, args: &[String], distinct: bool) -> String {
    if called.starts_with(['<', '>']) {
        infix_display(called, args, distinct)
    } else {
        format!("{called}({})", args.join(", "))
    }
}

/// The decimal type Spark casts a number to where a decimal is expected.
pub fn as_decimal(t: &DataType) -> Option<DataType> {
    match t {
        DataType::Float => Some(DataType::Decimal(14, 7)),
        DataType::Double => Some(DataType::Decimal(30, 15)),
        DataType::String | DataType::Null => Some(DataType::Decimal(38, 18)),
        t => integral_decimal(t),
    }
}

/// `ceil(x)` reads x as a BIGINT, DECIMAL or DOUBLE; `ceil(x, scale)` as a decimal,
/// with a constant INT scale.
fn ceil_floor_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let x = args.remove(0);
    let t = data_type(&x);
    if args.is_empty() {
        let to = match t {
            DataType::Long | DataType::Decimal(..) => t.clone(),
            DataType::Byte | DataType::Short | DataType::Integer => DataType::Long,
            DataType::Float | DataType::Double | DataType::String | DataType::Null => DataType::Double,
            _ => return Err(unexpected_input_type(site, 0, "(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")", &x)),
        };
        return Ok(vec![coerce(x, &to)]);
    }
    let scale = args.remove(0);
    // A float is read as a decimal by lowering (the digits Spark's cast gives it),
    // where it can also fail as Spark's cast does.
    let to = match t {
        DataType::Float | DataType::Double => t.clone(),
        _ => match as_decimal(&t) {
            Some(d) if t.is_numeric() || t == DataType::String || t == DataType::Null => d,
            _ => return Err(unexpected_input_type(site, 0, "\"DECIMAL\"", &x)),
        },
    };
    let scale_type = data_type(&scale);
    if !scale_type.is_integral() {
        return Err(unexpected_input_type(site, 1, "\"INT\"", &scale));
    }
    if int_value(&scale).is_none() {
        return Err(Error::analysis(
            "NON_FOLDABLE_ARGUMENT",
            format!("The function `{}` requires the parameter `scale` to be a foldable expression of the type \"INT\", but the actual argument is a non-foldable.", site.shown.split('(').next().unwrap_or("")),
        ));
    }
    Ok(vec![coerce(x, &to), coerce(scale, INT)])
}

fn ceil_floor_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let t = data_type(&args[0]);
    if args.len() == 1 {
        return Ok(match t {
            DataType::Decimal(p, 0) => DataType::Decimal(p, 0),
            DataType::Decimal(p, s) => DataType::Decimal((p - s + 1).min(38), 0),
            _ => DataType::Long,
        });
    }
    let Some(DataType::Decimal(p, s)) = as_decimal(&t) else { return Ok(t) };
    let digits = int_value(&args[1]).unwrap_or(0) as i32;
    // Spark's RoundBase: one more integral digit; a negative scale rounds to -scale + 1 digits.
    let integral = (p - s) as i32 + 1;
    if digits < 0 {
        return Ok(DataType::Decimal(integral.max(1 - digits).min(38) as u8, 0));
    }
    let new_scale = (s as i32).min(digits) as u8;
    Ok(DataType::Decimal((integral as u32 + new_scale as u32).min(38) as u8, new_scale))
}

/// Operands of `+ - * %` (and `try_*`, `pmod`): numbers cast to their common type;
/// with a decimal, integers become decimals of their own digits (Spark's
/// `DecimalPrecision`), floats make both DOUBLE; strings are read as numbers.
fn arithmetic_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let (l, r) = (args[0].clone(), args[1].clone());
    let (lt, rt) = (data_type(&l), data_type(&r));
    if let Some(args) = interval_operands(shown_name(&site.shown), &l, &r) {
        return Ok(args);
    }
    let as_number = |e: Expr, t: &DataType, other: &DataType| -> Expr {
        if *t == DataType::String {
            coerce(e, &crate::analysis::typing::string_operand_type(other, site.conf.ansi))
        } else {
            e
        }
    };
    if lt == DataType::String && rt == DataType::String {
        return Err(binary_op_wrong_type(site, &l, &r, &lt));
    }
    let number_like = |t: &DataType| t.is_numeric() || matches!(t, DataType::Null | DataType::String);
    if !number_like(&lt) || !number_like(&rt) {
        return Err(binary_op_diff_types(&operator_sql(site, &l, &r), &lt, &rt));
    }
    let (l, r) = (as_number(l, &lt, &rt), as_number(r, &rt, &lt));
    let (lt, rt) = (data_type(&l), data_type(&r));
    let decimal = |t: &DataType| matches!(t, DataType::Decimal(..));
    if (decimal(&lt) || decimal(&rt)) && !lt.is_floating() && !rt.is_floating() {
        let to_decimal = |e: Expr, t: &DataType| -> Expr {
            match (e.unalias(), t) {
                (_, DataType::Decimal(..)) => e,
                (Expr::Literal(v), t) if t.is_integral() => {
                    let n: i128 = match v {
                        Value::Byte(x) => *x as i128,
                        Value::Short(x) => *x as i128,
                        Value::Integer(x) => *x as i128,
                        Value::Long(x) => *x as i128,
                        _ => 0,
                    };
                    let digits = n.unsigned_abs().to_string().len().max(1) as u8;
                    Expr::Literal(Value::Decimal(n, digits, 0))
                }
                (_, t) => match integral_decimal(t) {
                    Some(d) => coerce(e, &d),
                    None => coerce(e, &DataType::Decimal(10, 0)),
                },
            }
        };
        return Ok(vec![to_decimal(l, &lt), to_decimal(r, &rt)]);
    }
    let mut common = common_type(&lt, &rt, site.conf.ansi).unwrap_or(DataType::Double);
    if common == DataType::Null {
        common = DataType::Integer;
    }
    Ok(vec![coerce(l, &common), coerce(r, &common)])
}

/// The operands of `try_add`/`try_subtract` of two ANSI intervals of one kind (at their
/// wider type) and of `try_multiply`/`try_divide` of an interval by a number (the
/// interval first): Spark's `TryEval` of the interval operator. None for the rest.
fn interval_operands(called: &str, l: &Expr, r: &Expr) -> Option<Vec<Expr>> {
    let (lt, rt) = (data_type(l), data_type(r));
    let number = |t: &DataType| t.is_numeric() || *t == DataType::Null;
    match called.to_ascii_lowercase().as_str() {
        "try_add" | "try_subtract" => {
            let wide = crate::analysis::typing::tightest_common_type(&lt, &rt, false).filter(|t| t.is_ansi_interval())?;
            Some(vec![coerce(l.clone(), &wide), coerce(r.clone(), &wide)])
        }
        "try_multiply" if is_ansi_interval(&lt) && number(&rt) => Some(vec![l.clone(), r.clone()]),
        "try_multiply" if number(&lt) && is_ansi_interval(&rt) => Some(vec![r.clone(), l.clone()]),
        "try_divide" if is_ansi_interval(&lt) && number(&rt) => Some(vec![l.clone(), r.clone()]),
        _ => None,
    }
}

/// The call as Spark shows it in type errors: the `try_*` functions are its
/// arithmetic operators in TRY mode (`try_add(a, b)` is `(a + b)`).
fn operator_sql(site: &Site, l: &Expr, r: &Expr) -> String {
    let symbol = match shown_name(&site.shown) {
        "try_add" => "+",
        "try_subtract" => "-",
        "try_multiply" => "*",
        "try_divide" => "/",
        "try_mod" => "%",
        _ => return site.shown.clone(),
    };
    format!("({} {symbol} {})", (site.text)(l), (site.text)(r))
}

fn binary_op_diff_types(sql: &str, lt: &DataType, rt: &DataType) -> Error {
    Error::analysis(
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        format!(
            "Cannot resolve \"{sql}\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"{}\" and \"{}\").",
            lt.sql(),
            rt.sql()
        ),
    )
}

fn binary_op_wrong_type(site: &Site, l: &Expr, r: &Expr, t: &DataType) -> Error {
    // Remainders take numbers only (`NumericType`); the others intervals too.
    let required = match shown_name(&site.shown) {
        "pmod" | "mod" | "try_mod" => "\"NUMERIC\"",
        _ => "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")",
    };
    Error::analysis(
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        format!(
            "Cannot resolve \"{}\" due to data type mismatch: the binary operator requires the input type {required}, not \"{}\".",
            operator_sql(site, l, r),
            t.sql()
        ),
    )
}

/// `try_divide`: DOUBLE unless both are decimals (or a decimal and an integer).
fn divide_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = arithmetic_inputs(args, site)?;
    if matches!(data_type(&args[0]), DataType::Decimal(..)) || is_ansi_interval(&data_type(&args[0])) {
        return Ok(args);
    }
    Ok(args.into_iter().map(|a| coerce(a, DOUBLE)).collect())
}

fn try_add_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(operator_type(BinaryOp::Add, &data_type(&args[0]), &data_type(&args[1])))
}

fn try_subtract_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(operator_type(BinaryOp::Subtract, &data_type(&args[0]), &data_type(&args[1])))
}

fn try_multiply_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(operator_type(BinaryOp::Multiply, &data_type(&args[0]), &data_type(&args[1])))
}

fn try_divide_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(operator_type(BinaryOp::Divide, &data_type(&args[0]), &data_type(&args[1])))
}

fn operator_type(op: BinaryOp, lt: &DataType, rt: &DataType) -> DataType {
    match (lt, rt) {
        // An interval times or divided by a number: the widest interval of its kind.
        (DataType::YearMonthInterval(..), _) if matches!(op, BinaryOp::Multiply | BinaryOp::Divide) => DataType::YearMonthInterval(0, 1),
        (DataType::DayTimeInterval(..), _) if matches!(op, BinaryOp::Multiply | BinaryOp::Divide) => DataType::DayTimeInterval(0, 3),
        (DataType::Decimal(p1, s1), DataType::Decimal(p2, s2)) => decimal_arithmetic(op, (*p1, *s1), (*p2, *s2)),
        _ if op == BinaryOp::Divide => DataType::Double,
        _ => lt.clone(),
    }
}

fn remainder_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(operator_type(BinaryOp::Modulo, &data_type(&args[0]), &data_type(&args[1])))
}

/// The common type of values, as Spark's type coercion finds it: under ANSI an
/// integer and a float widen to DOUBLE (a float cannot hold every integer).
pub fn widest(types: &[DataType], ansi: bool) -> Option<DataType> {
    let common = types.iter().try_fold(DataType::Null, |acc, t| common_type(&acc, t, ansi))?;
    Some(common)
}

/// `greatest`/`least`: every argument cast to the common type, which must be orderable.
fn ordered_common_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    // Spark widens without promoting strings here: greatest('5', 10) is refused.
    let has_string = types.contains(&DataType::String);
    let all_strings = types.iter().all(|t| matches!(t, DataType::String | DataType::Null));
    let common = if has_string && !all_strings { None } else { widest(&types, site.conf.ansi) };
    let Some(common) = common else {
        let names: Vec<String> = types.iter().map(|t| format!("\"{}\"", t.sql())).collect();
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: Input to `{}` should all be the same type, but it's [{}].",
                site.shown,
                site.shown.split('(').next().unwrap_or(""),
                names.join(", ")
            ),
        ));
    };
    if matches!(common, DataType::Map(..)) {
        return Err(unexpected_input_type(site, 0, "\"ORDERED\"", &args[0]));
    }
    Ok(args.into_iter().map(|a| coerce(a, &common)).collect())
}

/// The optional seed of `rand`/`randn`: an INT or BIGINT constant (a NULL seed is 0).
fn seed_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate() {
        check_seed(site, i, a)?;
    }
    Ok(args)
}

fn check_seed(site: &Site, i: usize, a: &Expr) -> Result<()> {
    let t = data_type(a);
    if !matches!(t, DataType::Integer | DataType::Long | DataType::Null) {
        return Err(unexpected_input_type(site, i, "(\"INT\" or \"BIGINT\")", a));
    }
    if !matches!(a.unalias(), Expr::Literal(_)) {
        return Err(Error::analysis(
            "SEED_EXPRESSION_IS_UNFOLDABLE",
            format!("The seed expression \"{}\" of the expression \"{}\" must be foldable.", (site.text)(a), site.shown),
        ));
    }
    Ok(())
}

/// `uniform(min, max[, seed])`: constant numbers.
fn uniform_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate().take(2) {
        let t = data_type(a);
        if !t.is_numeric() && t != DataType::Null {
            return Err(unexpected_input_type(site, i, "\"NUMERIC\"", a));
        }
    }
    if let Some(seed) = args.get(2) {
        check_seed(site, 2, seed)?;
    }
    Ok(args)
}

/// Spark's `uniform` type: the wider integer of two integers, else DOUBLE, FLOAT or
/// the decimal among them.
fn uniform_type(args: &[Expr], _: &Site) -> Result<DataType> {
    use DataType::*;
    let (a, b) = (data_type(&args[0]), data_type(&args[1]));
    let integers = a.is_integral() && b.is_integral();
    Ok(match (&a, &b) {
        (Null, _) | (_, Null) => Null,
        (Long, _) | (_, Long) if integers => Long,
        (Integer, _) | (_, Integer) if integers => Integer,
        (Short, _) | (_, Short) if integers => Short,
        _ if integers => Byte,
        (Double, _) | (_, Double) => Double,
        (Float, _) | (_, Float) => Float,
        (_, Decimal(..)) => b.clone(),
        (Decimal(..), _) => a.clone(),
        _ => Double,
    })
}

/// `randstr(length[, seed])`: a constant INT length.
fn randstr_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if !t.is_numeric() {
        return Err(unexpected_input_type(site, 0, "\"INT\"", &args[0]));
    }
    if let Some(seed) = args.get(1) {
        check_seed(site, 1, seed)?;
    }
    let length = args.remove(0);
    args.insert(0, coerce(length, INT));
    Ok(args)
}

/// Integral operands of the bitwise operators, cast to their common type.
fn integral_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args: Vec<Expr> = args
        .into_iter()
        .map(|a| if data_type(&a) == DataType::String && site.conf.ansi { coerce(a, LONG) } else { a })
        .collect();
    let mut common = DataType::Null;
    for (i, a) in args.iter().enumerate() {
        let t = data_type(a);
        if !t.is_integral() && t != DataType::Null {
            return Err(unexpected_input_type(site, i, "\"INTEGRAL\"", a));
        }
        common = common_type(&common, &t, site.conf.ansi).unwrap_or(DataType::Long);
    }
    if common == DataType::Null {
        common = DataType::Integer;
    }
    Ok(args.into_iter().map(|a| coerce(a, &common)).collect())
}

fn bit_count_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if !t.is_integral() && !matches!(t, DataType::Boolean | DataType::Null) {
        return Err(unexpected_input_type(site, 0, "(\"INTEGRAL\" or \"BOOLEAN\")", &args[0]));
    }
    Ok(args)
}

fn bit_get_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if !t.is_integral() && t != DataType::Null {
        return Err(unexpected_input_type(site, 0, "\"INTEGRAL\"", &args[0]));
    }
    let pos = args.pop().expect("arity checked");
    let pos = match Expected::Type(INT).implicit_cast(&data_type(&pos), site.conf.ansi) {
        Some(to) => coerce(pos, &to),
        None => return Err(unexpected_input_type(site, 1, "\"INT\"", &pos)),
    };
    args.push(pos);
    Ok(args)
}

/// `shiftleft(x, n)`: x an INT or BIGINT (smaller integers read as INT), n an INT.
fn shift_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let n = args.pop().expect("arity checked");
    let x = args.pop().expect("arity checked");
    const INT_OR_LONG: Expected = Expected::OneOf(&[Expected::Type(INT), Expected::Type(LONG)]);
    let x = match INT_OR_LONG.implicit_cast(&data_type(&x), site.conf.ansi) {
        Some(to) => coerce(x, &to),
        None => return Err(unexpected_input_type(site, 0, "(\"INT\" or \"BIGINT\")", &x)),
    };
    let n = match Expected::Type(INT).implicit_cast(&data_type(&n), site.conf.ansi) {
        Some(to) => coerce(n, &to),
        None => return Err(unexpected_input_type(site, 1, "\"INT\"", &n)),
    };
    Ok(vec![x, n])
}

#[cfg(test)]
mod tests {
    use super::super::lookup;

    #[test]
    fn ansi_intervals_are_signum_and_width_bucket_inputs() {
        use super::*;
        let conf = crate::analysis::Conf::default();
        let site = Site { conf: &conf, shown: "width_bucket(...)".into(), text: crate::analysis::naming::sql_text };
        let day = |n: i64| Expr::Literal(Value::DayTimeInterval(n * 86_400_000_000, 0, 0));
        let month = Expr::Literal(Value::YearMonthInterval(1, 1, 1));
        assert_eq!(signum_inputs(vec![day(-3)], &site).unwrap(), vec![day(-3)]);
        let n = Expr::Literal(Value::Long(10));
        assert_eq!(width_bucket_inputs(vec![day(1), day(0), day(10), n.clone()], &site).unwrap().len(), 4);
        let e = width_bucket_inputs(vec![day(1), month.clone(), month, n], &site).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("DATATYPE_MISMATCH.DATA_DIFF_TYPES"));
    }

    #[test]
    fn names_as_spark_shows_them() {
        let show = |f: &str, args: &[&str]| {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            lookup(f).unwrap().display.text(f, &args, false)
        };
        assert_eq!(show("sqrt", &["x"]), "SQRT(x)");
        assert_eq!(show("log", &["x"]), "LOG(E(), x)");
        assert_eq!(show("pow", &["x", "2"]), "pow(x, 2)");
        assert_eq!(show("power", &["x", "2"]), "POWER(x, 2)");
        assert_eq!(show("ceil", &["x"]), "CEIL(x)");
        assert_eq!(show("ceiling", &["x"]), "ceiling(x)");
        assert_eq!(show("<<", &["a", "n"]), "(a << n)");
        assert_eq!(show("shiftrightunsigned", &["a", "n"]), "shiftrightunsigned(a, n)");
        assert_eq!(show("ceil", &["x", "1"]), "ceil(x, 1)");
        assert_eq!(show("sign", &["x"]), "sign(x)");
        assert_eq!(show("positive", &["x"]), "(+ x)");
        assert_eq!(show("&", &["a", "b"]), "(a & b)");
        assert_eq!(show("~", &["a"]), "~a");
    }

    #[test]
    fn ceil_with_a_scale_types_as_spark_round_base() {
        use crate::ir::{DataType, Expr, Value};
        let site = super::super::Site { conf: &crate::analysis::Conf::default(), shown: String::new(), text: |_| String::new() };
        let of = |scale: i32| {
            let args = [Expr::Literal(Value::Decimal(31411, 5, 4)), Expr::Literal(Value::Integer(scale))];
            super::ceil_floor_type(&args, &site).unwrap()
        };
        assert_eq!(of(-3), DataType::Decimal(4, 0));
        assert_eq!(of(-1), DataType::Decimal(2, 0));
        assert_eq!(of(3), DataType::Decimal(5, 3));
        assert_eq!(of(6), DataType::Decimal(6, 4));
    }
}
