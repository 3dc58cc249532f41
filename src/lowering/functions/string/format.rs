//! Formatting: `format_number` (Java's DecimalFormat), `format_string`/`printf`
//! (Java's Formatter), `to_char` and `to_number` (Spark's number formats), `mask`.

use super::super::CallLowering;
use super::encode;
use crate::compat::format_string::{self, Arg};
use crate::compat::kernels::mixed::{kernel, Args, In};
use crate::compat::number_format::{decimal_places_pattern, DecimalPattern, NumberFormat};
use crate::compat::strings;
use crate::error::{ErrorKind, Result};
use crate::ir::DataType;
use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};
use std::sync::Arc;

/// Splits a number's text into sign, integer digits and fraction digits.
fn split_number(text: &str) -> (bool, &str, &str) {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    (negative, int, frac)
}

/// `format_number(x, d)` with d places, or with a DecimalFormat pattern.
pub fn format_number(c: &CallLowering) -> Result<pl::Expr> {
    let by_pattern = c.arg_type(1) == DataType::String;
    let fixed = c.str_literal(1).map(|p| Arc::new(DecimalPattern::parse(p)));
    let x_kind = match c.arg_type(0) {
        DataType::Float | DataType::Double => In::Float,
        t if t.is_integral() => In::Int,
        _ => In::Str,
    };
    let d_kind = if by_pattern { In::Str } else { In::Int };
    Ok(kernel::<String, _>(c.args.clone(), &[x_kind, d_kind], None, move |a, r| {
        let pattern = if by_pattern {
            match (&fixed, a.str(1, r)) {
                (Some(p), _) => p.clone(),
                (None, Some(p)) => Arc::new(DecimalPattern::parse(p)),
                (None, None) => return Ok(None),
            }
        } else {
            match a.int(1, r) {
                Some(d) if d >= 0 => Arc::new(DecimalPattern::parse(&decimal_places_pattern(d))),
                _ => return Ok(None),
            }
        };
        Ok(match x_kind {
            In::Float => a.float(0, r).map(|x| pattern.format_double(x)),
            In::Int => a.int(0, r).map(|x| pattern.format_digits(x < 0, &x.unsigned_abs().to_string(), "")),
            _ => a.str(0, r).map(|text| {
                let (negative, int, frac) = split_number(text);
                pattern.format_digits(negative, int, frac)
            }),
        })
    }))
}

/// How one `format_string` argument reaches Java's formatter.
#[derive(Clone, Copy)]
enum ArgKind {
    Int(u8),
    Float,
    Double,
    Decimal,
    Str,
    Bool,
}

fn arg_kind(t: &DataType) -> Result<ArgKind> {
    Ok(match t {
        DataType::Byte => ArgKind::Int(8),
        DataType::Short => ArgKind::Int(16),
        DataType::Integer | DataType::Date => ArgKind::Int(32),
        DataType::Long | DataType::Timestamp | DataType::TimestampNtz => ArgKind::Int(64),
        DataType::Float => ArgKind::Float,
        DataType::Double => ArgKind::Double,
        DataType::Decimal(..) => ArgKind::Decimal,
        DataType::Boolean => ArgKind::Bool,
        DataType::String | DataType::Null => ArgKind::Str,
        other => return Err(crate::error::Error::unsupported(format!("format_string of a {} value", other.sql()))),
    })
}

fn read_arg(a: &Args, i: usize, row: usize, kind: ArgKind) -> Arg {
    let value = match kind {
        ArgKind::Int(bits) => a.int(i, row).map(|v| Arg::Int(v, bits)),
        ArgKind::Float => a.float(i, row).map(|v| Arg::Float(v as f32)),
        ArgKind::Double => a.float(i, row).map(Arg::Double),
        ArgKind::Decimal => a.str(i, row).map(|s| Arg::Decimal(s.to_string())),
        ArgKind::Str => a.str(i, row).map(|s| Arg::Str(s.to_string())),
        ArgKind::Bool => a.bool(i, row).map(Arg::Bool),
    };
    value.unwrap_or(Arg::Null)
}

/// `format_string(format, args...)`: dates and timestamps are given as their
/// numbers (days, microseconds), as Spark hands them to Java.
pub fn format_string(c: &CallLowering) -> Result<pl::Expr> {
    let kinds: Vec<ArgKind> = c.call.args[1..].iter().map(|a| arg_kind(&crate::analysis::typing::data_type(a))).collect::<Result<_>>()?;
    let mut inputs = vec![c.arg(0)];
    let mut reads = vec![In::Str];
    for (i, k) in kinds.iter().enumerate() {
        let e = c.arg(i + 1);
        let (e, read) = match k {
            ArgKind::Int(_) => (e.to_physical(), In::Int),
            ArgKind::Float | ArgKind::Double => (e, In::Float),
            ArgKind::Bool => (e, In::Bool),
            ArgKind::Decimal | ArgKind::Str => (e, In::Str),
        };
        inputs.push(e);
        reads.push(read);
    }
    Ok(kernel::<String, _>(inputs, &reads, c.reachable.clone(), move |a, r| {
        let Some(fmt) = a.str(0, r) else { return Ok(Some("null".into())) };
        let args: Vec<Arg> = kinds.iter().enumerate().map(|(i, k)| read_arg(a, i + 1, r, *k)).collect();
        match format_string::format(fmt, &args) {
            Ok(s) => Ok(Some(s)),
            Err(e) => a.fail(r, ErrorKind::IllegalArgument, "FORMAT_STRING", &e),
        }
    }))
}

/// `to_char(x, format)`: a number by Spark's number format; a binary as base64,
/// hex or UTF-8 text; a date is already `date_format`'s text.
pub fn to_char(c: &CallLowering) -> Result<pl::Expr> {
    let fmt = c.str_literal(1).unwrap_or("").to_string();
    match c.arg_type(0) {
        DataType::String => Ok(c.arg(0)),
        DataType::Binary => Ok(match fmt.to_ascii_lowercase().as_str() {
            "base64" => encode::base64_of(c.arg(0)),
            "hex" => encode::hex(c),
            _ => kernel::<String, _>(vec![c.arg(0)], &[In::Bin], c.reachable.clone(), |a, r| match a.bin(0, r) {
                Some(b) => match std::str::from_utf8(b) {
                    Ok(s) => Ok(Some(s.to_string())),
                    Err(_) => a.fail(r, ErrorKind::Runtime, "MALFORMED_CHARACTER_CODING", "Invalid value found when performing `decode` with UTF-8"),
                },
                None => Ok(None),
            }),
        }),
        _ => {
            let format = Arc::new(NumberFormat::parse(&fmt)?);
            Ok(kernel::<String, _>(vec![c.arg(0)], &[In::Str], None, move |a, r| {
                Ok(a.str(0, r).map(|text| {
                    let (negative, int, frac) = split_number(text);
                    let negative = negative && (int.chars().chain(frac.chars()).any(|d| d != '0'));
                    format.format(negative, int, frac)
                }))
            }))
        }
    }
}

/// `to_number(str, format)`: DECIMAL(precision, scale) of the format; input not
/// matching it fails (`INVALID_FORMAT.MISMATCH_INPUT`), or is NULL for `try_`.
pub fn to_number(c: &CallLowering, try_: bool) -> Result<pl::Expr> {
    let fmt = c.str_literal(1).unwrap_or("").to_string();
    let format = Arc::new(NumberFormat::parse(&fmt)?);
    let DataType::Decimal(p, s) = c.call.data_type else { return Err(crate::error::Error::internal("to_number without a decimal type")) };
    let unscaled = kernel::<i128, _>(vec![c.arg(0)], &[In::Str], c.reachable.clone(), move |a, r| {
        let Some(text) = a.str(0, r) else { return Ok(None) };
        match format.parse_number(text) {
            Some(v) => Ok(Some(v)),
            None if try_ => Ok(None),
            None => a.fail(
                r,
                ErrorKind::IllegalArgument,
                "INVALID_FORMAT.MISMATCH_INPUT",
                &format!("The format is invalid: {}. The input \"STRING\" {text} does not match the format. SQLSTATE: 42601", fmt.to_uppercase()),
            ),
        }
    });
    Ok(as_decimal(unscaled, p, s))
}

/// An Int128 column of unscaled values as DECIMAL(p, s).
fn as_decimal(unscaled: pl::Expr, p: u8, s: u8) -> pl::Expr {
    let t = PlType::Decimal(p as usize, s as usize);
    let out = t.clone();
    unscaled.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().i128()?.clone();
            Ok(ca.into_decimal_unchecked(p as usize, s as usize).into_series().into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out.clone())),
    )
}

/// `mask(str, upper, lower, digit, other)` with literal (or NULL) replacements.
pub fn mask(c: &CallLowering) -> pl::Expr {
    let chars: Vec<Option<char>> = (1..5).map(|i| c.str_literal(i).and_then(|s| s.chars().next())).collect();
    kernel::<String, _>(vec![c.arg(0)], &[In::Str], None, move |a, r| {
        Ok(a.str(0, r).map(|s| strings::mask(s, chars[0], chars[1], chars[2], chars[3])))
    })
}
