//! Argument rules and column names of the string functions that Spark's plain
//! implicit casts do not describe.

use super::super::signature::{Expected, Inputs, Site};
use super::super::unexpected_input_type;
use super::{INT, STR, STRING_NAMED_OR_BINARY, STRING_OR_BINARY};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type};
use crate::error::{Error, Result};
use crate::analysis::Conf;
use crate::ir::{DataType, Expr, Value};

fn is_binary(e: &Expr) -> bool {
    data_type(e) == DataType::Binary
}

/// A string literal argument, if it is one.
pub fn string_literal(e: &Expr) -> Option<&str> {
    match e.unalias() {
        Expr::Literal(Value::String(s)) => Some(s),
        _ => None,
    }
}

// trim(trimStr, str) is shown as Spark's SQL form of the trim.

fn trim_display(name: &str, args: &[String], side: &str) -> String {
    match args {
        [trim, s] => format!("TRIM({side} {trim} FROM {s})"),
        _ => format!("{name}({})", args.join(", ")),
    }
}

pub fn trim_both(name: &str, args: &[String], _: bool) -> String {
    trim_display(name, args, "BOTH")
}

pub fn trim_leading(name: &str, args: &[String], _: bool) -> String {
    trim_display(name, args, "LEADING")
}

pub fn trim_trailing(name: &str, args: &[String], _: bool) -> String {
    trim_display(name, args, "TRAILING")
}

/// The site of a call Spark rewrites to another function, whose name its errors show.
fn renamed<'a>(site: &Site<'a>, from: &str, to: &str) -> Site<'a> {
    let shown = match site.shown.strip_prefix(from) {
        Some(rest) if rest.starts_with('(') => format!("{to}{rest}"),
        _ => site.shown.clone(),
    };
    Site { conf: site.conf, shown, text: site.text }
}

/// `btrim(str[, trim])` is `trim(BOTH trim FROM str)` to Spark: its errors show that.
pub fn btrim_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let texts: Vec<String> = args.iter().rev().map(site.text).collect();
    let site = Site { conf: site.conf, shown: trim_display("trim", &texts, "BOTH"), text: site.text };
    Inputs::Implicit(&[STR]).coerce(args, &site)
}

/// `Input to `concat` should all be the same type`.
fn data_diff_types(site: &Site, types: &[DataType]) -> Error {
    super::super::signature::data_diff_types(&site.shown, super::super::signature::shown_name(&site.shown), types, false)
}

/// `concat`: binaries concatenate as bytes and arrays as arrays (of their wider
/// common element type); any other mix is read as strings.
pub fn concat_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if !args.is_empty() && args.iter().all(is_binary) {
        return Ok(args);
    }
    let mut cast = Vec::with_capacity(args.len());
    for (i, a) in args.into_iter().enumerate() {
        let t = data_type(&a);
        match t {
            DataType::Array(..) => cast.push(a),
            t if t.is_atomic() || t == DataType::Null => cast.push(coerce(a, &DataType::String)),
            _ => return Err(unexpected_input_type(site, i, "(\"STRING\" or \"BINARY\" or \"ARRAY\")", &a)),
        }
    }
    let types: Vec<DataType> = cast.iter().map(data_type).collect();
    let arrays = types.iter().filter(|t| matches!(t, DataType::Array(..))).count();
    if arrays == 0 {
        return Ok(cast);
    }
    if arrays != types.len() {
        return Err(data_diff_types(site, &types));
    }
    let common = types.iter().skip(1).try_fold(types[0].clone(), |acc, t| common_type(&acc, t, site.conf.ansi));
    match common {
        Some(c) => Ok(cast.into_iter().map(|a| coerce(a, &c)).collect()),
        None => Err(data_diff_types(site, &types)),
    }
}

pub fn concat_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match args.first().map(data_type) {
        Some(t @ (DataType::Binary | DataType::Array(..))) => t,
        _ => DataType::String,
    })
}

/// The type of the first argument when it is BINARY, STRING otherwise.
pub fn first_string_or_binary(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(if args.first().is_some_and(is_binary) { DataType::Binary } else { DataType::String })
}

/// `substring(str, pos[, len])`: a binary stays binary; a missing length is
/// Spark's default, `Integer.MAX_VALUE`.
pub fn substring_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = Inputs::Implicit(&[STRING_OR_BINARY, Expected::Type(INT)]).coerce(args, site)?;
    if args.len() == 2 {
        args.push(Expr::Literal(Value::Integer(i32::MAX)));
    }
    Ok(args)
}

pub fn substring_display(name: &str, args: &[String], _: bool) -> String {
    match args {
        [s, pos] => format!("{name}({s}, {pos}, {})", i32::MAX),
        _ => format!("{name}({})", args.join(", ")),
    }
}

/// `like`/`ilike(str, pattern[, escapeChar])`: the escape character must be a
/// one-character string literal.
pub fn like_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args;
    let escape = if args.len() == 3 { args.pop() } else { None };
    let mut args = Inputs::Implicit(&[STR]).coerce(args, site)?;
    if let Some(e) = escape {
        match string_literal(&e) {
            Some(s) if s.chars().count() == 1 => args.push(e),
            _ => {
                let shown = (site.text)(&e);
                return Err(Error::analysis(
                    "INVALID_ESCAPE_CHAR",
                    format!("`EscapeChar` should be a string literal of length one, but got \"{shown}\"."),
                )
                .with_param("sqlExpr", format!("\"{shown}\"")));
            }
        }
    }
    Ok(args)
}

pub fn like_display(_: &str, args: &[String], _: bool) -> String {
    match args {
        [s, p, e] => format!("{s} LIKE {p} ESCAPE '{e}'"),
        _ => args.join(" LIKE "),
    }
}

pub fn ilike_display(name: &str, args: &[String], _: bool) -> String {
    format!("{name}({})", args.iter().take(2).cloned().collect::<Vec<_>>().join(", "))
}

/// `startswith`/`endswith`/`contains`: bytes when either side is BINARY (the other
/// read as its text's bytes), text otherwise.
pub fn bytes_or_text(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let any_binary = args.iter().any(is_binary);
    let args = Inputs::Implicit(&[STRING_NAMED_OR_BINARY]).coerce(args, site)?;
    if !any_binary {
        return Ok(args);
    }
    Ok(args.into_iter().map(|a| coerce(a, &DataType::Binary)).collect())
}

/// The call as Spark shows it, with the default of an omitted last argument.
fn with_default(name: &str, args: &[String], full: usize, default: &str) -> String {
    let mut shown = args.to_vec();
    if shown.len() + 1 == full {
        shown.push(default.to_string());
    }
    format!("{name}({})", shown.join(", "))
}

pub fn pad_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, " ")
}

pub fn locate_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, "1")
}

pub fn split_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, "-1")
}

pub fn replace_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, "")
}

pub fn overlay_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 4, "-1")
}

/// Appends the default of an omitted last argument.
fn default_last(mut args: Vec<Expr>, full: usize, default: Value) -> Vec<Expr> {
    if args.len() + 1 == full {
        args.push(Expr::Literal(default));
    }
    args
}

/// `lpad`/`rpad(str, len[, pad])`: bytes padded with bytes, anything else as text.
/// The default pad is a space, or a zero byte for bytes (Spark's `LPadExpressionBuilder`).
pub fn pad_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let default = if is_binary(&args[0]) { Value::Binary(vec![0]) } else { Value::String(" ".into()) };
    let args = default_last(args, 3, default);
    if is_binary(&args[0]) && is_binary(&args[2]) {
        return Inputs::Implicit(&[STRING_OR_BINARY, Expected::Type(INT), STRING_OR_BINARY]).coerce(args, site);
    }
    Inputs::Implicit(&[STR, Expected::Type(INT), STR]).coerce(args, site)
}

pub fn pad_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(if is_binary(&args[0]) && is_binary(&args[2]) { DataType::Binary } else { DataType::String })
}

/// `reverse`: an array stays an array, anything else is read as a string.
pub fn reverse_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if matches!(data_type(&args[0]), DataType::Array(..)) {
        return Ok(args);
    }
    match Expected::Type(&DataType::String).implicit_cast(&data_type(&args[0]), site.conf.ansi) {
        Some(t) => Ok(args.into_iter().map(|a| coerce(a, &t)).collect()),
        None => Err(unexpected_input_type(site, 0, "(\"STRING\" or \"ARRAY\")", &args[0])),
    }
}

pub fn locate_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[STR, STR, Expected::Type(INT)]).coerce(default_last(args, 3, Value::Integer(1)), site)
}

pub fn first_two_args(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls.iter().take(2).any(|n| *n)
}

pub fn split_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[STR, STR, Expected::Type(INT)]).coerce(default_last(args, 3, Value::Integer(-1)), site)
}

pub fn replace_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[STR]).coerce(default_last(args, 3, Value::String(String::new())), site)
}

/// `overlay(input, replace, pos[, len = -1])`: input and replace both binary or
/// both text.
pub fn overlay_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = default_last(args, 4, Value::Integer(-1));
    let tail = args.split_off(2);
    let tail = Inputs::Implicit(&[Expected::Type(INT)]).coerce(tail, site)?;
    let head = match (is_binary(&args[0]), is_binary(&args[1])) {
        (true, true) => args,
        (false, false) => Inputs::Implicit(&[Expected::Named(&STR, "(\"STRING\" or \"BINARY\")")]).coerce(args, site)?,
        _ => {
            let types: Vec<DataType> = args.iter().map(|a| match data_type(a) {
                DataType::Binary => DataType::Binary,
                _ => DataType::String,
            }).collect();
            return Err(data_diff_types(site, &types));
        }
    };
    Ok(head.into_iter().chain(tail).collect())
}

/// `elt(n, inputs...)`: the index an integer, the inputs bytes when all are binary.
pub fn elt_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args;
    let inputs = args.split_off(1);
    let index = Inputs::Implicit(&[Expected::Type(INT)]).coerce(args, site)?;
    let inputs = if inputs.iter().all(is_binary) { inputs } else { Inputs::Implicit(&[STR]).coerce(inputs, site)? };
    Ok(index.into_iter().chain(inputs).collect())
}

pub fn elt_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(if args[1..].iter().all(is_binary) { DataType::Binary } else { DataType::String })
}

/// Arguments that must already be strings (`ExpectsInputTypes` without casts).
pub fn strings_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate() {
        if !matches!(data_type(a), DataType::String | DataType::Null) {
            return Err(unexpected_input_type(site, i, "\"STRING\"", a));
        }
    }
    Ok(args.into_iter().map(|a| coerce(a, &DataType::String)).collect())
}

/// `array<string>` whose elements are never NULL (`split`).
pub fn array_of_strings(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::String), false))
}

/// `RLIKE(s, p)`, `REGEXP_LIKE(s, p)`: the name as called, in capitals.
pub fn upper_name(name: &str, args: &[String], _: bool) -> String {
    format!("{}({})", name.to_uppercase(), args.join(", "))
}

pub fn array_of_nullable_strings(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::String), true))
}

pub fn regexp_replace_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 4, "1")
}

pub fn group_one_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, "1")
}

pub fn group_zero_display(name: &str, args: &[String], _: bool) -> String {
    with_default(name, args, 3, "0")
}

/// `regexp_replace(str, regexp, rep[, position])`: the position a literal > 0.
pub fn regexp_replace_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = Inputs::Implicit(&[STR, STR, STR, Expected::Type(INT)]).coerce(default_last(args, 4, Value::Integer(1)), site)?;
    let position = &args[3];
    match position.unalias() {
        Expr::Literal(Value::Integer(p)) if *p > 0 => Ok(args),
        Expr::Literal(Value::Integer(p)) => Err(Error::analysis(
            "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: The position must be between (0, 2147483647] (current value = {p}).",
                site.shown
            ),
        )),
        _ => Err(Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            format!("Cannot resolve \"{}\" due to data type mismatch: the input `position` should be a foldable \"INT\" expression.", site.shown),
        )),
    }
}

pub fn group_index_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[STR, STR, Expected::Type(INT)]).coerce(default_last(args, 3, Value::Integer(1)), site)
}

pub fn instr_index_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    Inputs::Implicit(&[STR, STR, Expected::Type(INT)]).coerce(default_last(args, 3, Value::Integer(0)), site)
}

/// `hex`: integers and other numbers as BIGINT, bytes and text as they are,
/// anything else read as text.
pub fn hex_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| match data_type(&a) {
            DataType::Long | DataType::Binary | DataType::String => Ok(a),
            t if t.is_numeric() => Ok(coerce(a, &DataType::Long)),
            DataType::Null => Ok(coerce(a, &DataType::Long)),
            t if t.is_atomic() => Ok(coerce(a, &DataType::String)),
            _ => Err(unexpected_input_type(site, i, "(\"BIGINT\" or \"BINARY\" or \"STRING\")", &a)),
        })
        .collect()
}

/// `to_binary(str[, fmt])`: the format a literal Spark knows.
pub fn to_binary_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    // try_to_binary is to_binary inside TRY to Spark: its errors name to_binary.
    let site = &renamed(site, "try_to_binary", "to_binary");
    let args = Inputs::Implicit(&[STR]).coerce(args, site)?;
    if let Some(fmt) = args.get(1) {
        let known = string_literal(fmt).map(|f| matches!(f.to_ascii_lowercase().as_str(), "hex" | "utf-8" | "utf8" | "base64"));
        if known != Some(true) && !matches!(fmt.unalias(), Expr::Literal(Value::Null) | Expr::Cast { .. }) {
            let shown = (site.text)(fmt);
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.INVALID_ARG_VALUE",
                format!(
                    "Cannot resolve \"{}\" due to data type mismatch: The fmt value must to be a case-insensitive \"STRING\" literal of 'hex', 'utf-8', 'utf8', or 'base64', but got '{shown}'.",
                    site.shown
                ),
            ));
        }
    }
    Ok(args)
}

/// `try_to_binary(str, fmt)`: an unknown format literal gives NULL (Spark's
/// `ToBinary(nullOnInvalidFormat = true)`), read here as a NULL format.
pub fn try_to_binary_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if let Some(fmt) = args.get_mut(1) {
        let known = string_literal(fmt).map(|f| matches!(f.to_ascii_lowercase().as_str(), "hex" | "utf-8" | "utf8" | "base64"));
        if known == Some(false) {
            *fmt = coerce(Expr::Literal(Value::Null), &DataType::String);
        }
    }
    to_binary_inputs(args, site)
}

/// `format_number(x, d)`: x a number (strings are not read as numbers), d an
/// integer or a DecimalFormat pattern.
pub fn format_number_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let (x, d) = (&args[0], &args[1]);
    if !data_type(x).is_numeric() && data_type(x) != DataType::Null {
        return Err(unexpected_input_type(site, 0, "\"NUMERIC\"", x));
    }
    let d = match data_type(d) {
        DataType::String => d.clone(),
        t if t.is_integral() || t == DataType::Null => coerce(d.clone(), &DataType::Integer),
        _ => return Err(unexpected_input_type(site, 1, "(\"INT\" or \"STRING\")", d)),
    };
    Ok(vec![args[0].clone(), d])
}

/// `format_string(format, args...)`: the format a string, the arguments as they are.
pub fn format_string_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args;
    let rest = args.split_off(1);
    let mut out = Inputs::Implicit(&[STR]).coerce(args, site)?;
    out.extend(rest);
    Ok(out)
}

/// The number-format string of `to_char`/`to_number`, which must be a literal.
fn format_literal<'a>(site: &Site, e: &'a Expr) -> Result<&'a str> {
    string_literal(e).ok_or_else(|| {
        Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            format!("Cannot resolve \"{}\" due to data type mismatch: the input `format` should be a foldable \"STRING\" expression.", site.shown),
        )
    })
}

/// `to_char(x, format)`. Numbers are read as decimals and the format is checked;
/// a date or timestamp becomes `date_format(x, format)`, and a binary keeps its
/// bytes for `base64`, `hex` or UTF-8 (`lowering` picks by the format).
pub fn to_char_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let fmt = format_literal(site, &args[1])?.to_string();
    let t = data_type(&args[0]);
    if t.is_datetime() {
        let def = super::super::lookup("date_format").ok_or_else(|| Error::unsupported("to_char of a date or timestamp (it needs date_format)"))?;
        let call = def.bind("date_format", args, false, site.conf, site.text)?;
        return Ok(vec![call, Expr::Literal(Value::String(fmt))]);
    }
    if t == DataType::Binary {
        if !matches!(fmt.to_ascii_lowercase().as_str(), "base64" | "hex" | "utf-8" | "utf8") {
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.INVALID_ARG_VALUE",
                format!("Cannot resolve \"{}\" due to data type mismatch: The format must be 'base64', 'hex', 'utf-8' or 'utf8', but got '{fmt}'.", site.shown),
            ));
        }
        return Ok(args);
    }
    crate::compat::number_format::NumberFormat::parse(&fmt)?;
    let decimal = match t {
        DataType::Decimal(..) => t,
        DataType::Byte => DataType::Decimal(3, 0),
        DataType::Short => DataType::Decimal(5, 0),
        DataType::Integer => DataType::Decimal(10, 0),
        DataType::Long => DataType::Decimal(20, 0),
        DataType::Float | DataType::Double => DataType::Decimal(38, 18),
        DataType::Null => DataType::Decimal(10, 0),
        _ => return Err(unexpected_input_type(site, 0, "\"DECIMAL\"", &args[0])),
    };
    let mut args = args;
    let x = coerce(args.remove(0), &decimal);
    Ok(vec![x, args.remove(0)])
}

/// `to_char`'s column name: Spark names the call after what it becomes.
pub fn to_char_display(name: &str, args: &[String], _: bool) -> String {
    let [x, fmt] = args else { return format!("{name}({})", args.join(", ")) };
    let varchar = name == "to_varchar";
    match fmt.to_ascii_lowercase().as_str() {
        "base64" | "hex" if varchar => format!("to_varchar({x})"),
        "utf-8" | "utf8" if varchar => format!("to_varchar({x}, {fmt})"),
        "base64" => format!("base64({x})"),
        "hex" => format!("hex({x})"),
        "utf-8" | "utf8" => format!("decode({x}, {fmt})"),
        // A number format has digits and nothing but Spark's number-format letters.
        _ if fmt.contains(['0', '9']) && fmt.chars().all(|c| "09.,DG$SMIPR".contains(c)) => format!("to_char({x}, {fmt})"),
        _ => format!("date_format({x}, {fmt})"),
    }
}

pub fn to_number_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = Inputs::Implicit(&[STR]).coerce(args, site)?;
    crate::compat::number_format::NumberFormat::parse(format_literal(site, &args[1])?)?;
    Ok(args)
}

pub fn to_number_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let f = crate::compat::number_format::NumberFormat::parse(format_literal(site, &args[1])?)?;
    Ok(DataType::Decimal(f.precision.min(38) as u8, f.scale.min(38) as u8))
}

/// `mask(str, upper, lower, digit, other)`: each replacement a one-character
/// literal or NULL.
pub fn mask_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let mut args = args;
    let defaults = [Value::String("X".into()), Value::String("x".into()), Value::String("n".into()), Value::Null];
    while args.len() < 5 {
        args.push(Expr::Literal(defaults[args.len() - 1].clone()));
    }
    let rest = args.split_off(1);
    let mut args = strings_only(args, site)?;
    args.extend(Inputs::Implicit(&[STR]).coerce(rest, site)?);
    for (i, a) in args.iter().enumerate().skip(1) {
        let ok = match a.unalias() {
            Expr::Literal(Value::String(s)) => s.chars().count() == 1,
            Expr::Literal(Value::Null) => true,
            Expr::Cast { expr, .. } => matches!(expr.unalias(), Expr::Literal(Value::Null)),
            _ => false,
        };
        if !ok {
            let name = ["upperChar", "lowerChar", "digitChar", "otherChar"][i - 1];
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE",
                format!("Cannot resolve \"{}\" due to data type mismatch: Length of {name} should be 1.", site.shown),
            ));
        }
    }
    Ok(args)
}

pub fn mask_display(name: &str, args: &[String], _: bool) -> String {
    let defaults = ["X", "x", "n", "NULL"];
    let mut shown = args.to_vec();
    while shown.len() < 5 && !shown.is_empty() {
        shown.push(defaults[shown.len() - 1].to_string());
    }
    format!("{name}({})", shown.join(", "))
}

/// The collations Spark builds in beside the ICU locales, by their canonical names.
const BUILTIN_COLLATIONS: &[&str] = &["UTF8_BINARY", "UTF8_LCASE", "UNICODE", "UNICODE_CI"];

/// `collation(collate(x, 'name'))` (also `collation(x COLLATE name)`): the string `x` and
/// the name `collation` answers, `SYSTEM.BUILTIN.<NAME>`, for a built-in collation. The
/// value of `x` is the same under every collation, so this is the one use of a
/// collation other than UTF8_BINARY that PyRust answers as Spark does.
pub fn collation_of_collate(name: &str, args: &[Expr]) -> Option<(Expr, String)> {
    let [arg] = args else { return None };
    let Expr::Function { name: inner, args: inner_args, .. } = arg.without_origin() else { return None };
    if !name.eq_ignore_ascii_case("collation") || !inner.eq_ignore_ascii_case("collate") {
        return None;
    }
    let [x, collation] = inner_args.as_slice() else { return None };
    let Expr::Literal(Value::String(collation)) = collation.without_origin() else { return None };
    let canonical = BUILTIN_COLLATIONS.iter().find(|c| c.eq_ignore_ascii_case(collation))?;
    Some((x.clone(), format!("SYSTEM.BUILTIN.{canonical}")))
}

/// `collate(str, name)`: UTF8_BINARY (what PyRust strings are, Spark's default)
/// is accepted; any other collation is refused by name.
pub fn collate_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = strings_only(args[..1].to_vec(), site)?.into_iter().chain(args[1..].iter().cloned()).collect::<Vec<_>>();
    let name = string_literal(&args[1]).unwrap_or_default();
    if name.eq_ignore_ascii_case("UTF8_BINARY") {
        return Ok(args);
    }
    Err(Error::unsupported(format!("the collation '{name}' (PyRust strings are UTF8_BINARY)")))
}

/// `sentences(str[, lang[, country]])`: strings, the omitted ones `''` (Spark's
/// constructors), which Spark shows in the name.
pub fn sentences_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    while args.len() < 3 {
        args.push(Expr::Literal(Value::String(String::new())));
    }
    Inputs::Implicit(&[STR, STR, STR]).coerce(args, site)
}

pub fn sentences_display(name: &str, args: &[String], _: bool) -> String {
    let mut shown = args.to_vec();
    shown.resize(3.max(shown.len()), String::new());
    format!("{name}({})", shown.join(", "))
}

/// An array of sentences, each an array of words (neither holds NULLs).
pub fn sentences_type(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::Array(Box::new(DataType::String), false)), false))
}

pub fn first_arg(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls.first().copied().unwrap_or(false)
}

/// Over binary values Spark calls a static method (`ByteArray.*`), whose result it
/// takes as nullable; over strings, NULL when an argument is.
pub fn always_over_binary(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    args.first().is_some_and(|a| data_type(a) == DataType::Binary) || nulls.iter().any(|n| *n)
}

/// `concat_ws(sep, ...)`: arrays are read as arrays of strings, anything else as a string.
pub fn concat_ws_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let strings = DataType::Array(Box::new(DataType::String), true);
    args.into_iter()
        .enumerate()
        .map(|(i, a)| match data_type(&a) {
            DataType::Array(e, _) if i > 0 && (e.is_atomic() || *e == DataType::Null) => Ok(coerce(a, &strings)),
            t => match Expected::Type(&DataType::String).implicit_cast(&t, site.conf.ansi) {
                Some(to) => Ok(coerce(a, &to)),
                None => Err(unexpected_input_type(site, i, "(\"STRING\" or \"ARRAY<STRING>\")", &a)),
            },
        })
        .collect()
}
