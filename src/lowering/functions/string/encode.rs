//! Bytes and text: `base64`/`unbase64`, `hex`/`unhex`, `encode`/`decode`,
//! `to_binary`/`try_to_binary` and the UTF-8 checks (`compat::encoding`).

use super::super::CallLowering;
use crate::compat::encoding::{self, Charset};
use crate::compat::kernels::mixed::{kernel, Args, In};
use crate::error::ErrorKind;
use crate::ir::DataType;
use polars::prelude::{self as pl, PolarsResult};

pub fn base64(c: &CallLowering) -> pl::Expr {
    base64_of(c.arg(0))
}

pub fn base64_of(bytes: pl::Expr) -> pl::Expr {
    kernel::<String, _>(vec![bytes], &[In::Bin], None, |a, r| Ok(a.bin(0, r).map(encoding::base64_mime)))
}

/// `unbase64`: Java's lenient MIME decoding; its few hard failures are errors.
pub fn unbase64(c: &CallLowering) -> pl::Expr {
    kernel::<Vec<u8>, _>(c.args.clone(), &[In::Str], c.reachable.clone(), |a, r| match a.str(0, r) {
        Some(s) => match encoding::unbase64_mime(s) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(detail) => a.fail(r, ErrorKind::IllegalArgument, "CONVERSION_INVALID_INPUT", detail),
        },
        None => Ok(None),
    })
}

pub fn hex(c: &CallLowering) -> pl::Expr {
    let x = vec![c.arg(0)];
    match c.arg_type(0) {
        DataType::Long => kernel::<String, _>(x, &[In::Int], None, |a, r| Ok(a.int(0, r).map(encoding::hex_long))),
        DataType::Binary => kernel::<String, _>(x, &[In::Bin], None, |a, r| Ok(a.bin(0, r).map(encoding::hex_upper))),
        _ => kernel::<String, _>(x, &[In::Str], None, |a, r| Ok(a.str(0, r).map(|s| encoding::hex_upper(s.as_bytes())))),
    }
}

pub fn unhex(c: &CallLowering) -> pl::Expr {
    kernel::<Vec<u8>, _>(c.args.clone(), &[In::Str], None, |a, r| Ok(a.str(0, r).and_then(encoding::unhex)))
}

/// The row's charset, or Spark's error for a name it does not accept.
fn charset(a: &Args, row: usize, i: usize, function: &str) -> PolarsResult<Option<Charset>> {
    let Some(name) = a.str(i, row) else { return Ok(None) };
    match Charset::parse(name) {
        Some(cs) => Ok(Some(cs)),
        None => a.fail(
            row,
            ErrorKind::IllegalArgument,
            "INVALID_PARAMETER_VALUE.CHARSET",
            &format!("The value of parameter(s) `charset` in `{function}` is invalid: expects one of the iso-8859-1, us-ascii, utf-16, utf-16be, utf-16le, utf-32, utf-8, but got {name}. SQLSTATE: 22023"),
        ),
    }
}

fn malformed<T>(a: &Args, row: usize, function: &str, charset: &str) -> PolarsResult<Option<T>> {
    a.fail(
        row,
        ErrorKind::Runtime,
        "MALFORMED_CHARACTER_CODING",
        &format!("Invalid value found when performing `{function}` with {charset} SQLSTATE: 22000"),
    )
}

pub fn encode(c: &CallLowering) -> pl::Expr {
    kernel::<Vec<u8>, _>(c.args.clone(), &[In::Str, In::Str], c.reachable.clone(), |a, r| {
        let Some(s) = a.str(0, r) else { return Ok(None) };
        let Some(cs) = charset(a, r, 1, "encode")? else { return Ok(None) };
        match encoding::encode(s, cs) {
            Some(bytes) => Ok(Some(bytes)),
            None => malformed(a, r, "encode", a.str(1, r).unwrap_or_default()),
        }
    })
}

pub fn decode(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Bin, In::Str], c.reachable.clone(), |a, r| {
        let Some(b) = a.bin(0, r) else { return Ok(None) };
        let Some(cs) = charset(a, r, 1, "decode")? else { return Ok(None) };
        match encoding::decode(b, cs) {
            Some(text) => Ok(Some(text)),
            None => malformed(a, r, "decode", a.str(1, r).unwrap_or_default()),
        }
    })
}

/// `to_binary(str, fmt)`; malformed input fails (in every mode), or is NULL for `try_`.
pub fn to_binary(c: &CallLowering, try_: bool) -> pl::Expr {
    let fmt = c.str_literal(1).unwrap_or("hex").to_ascii_lowercase();
    let null_format = c.args.len() == 2 && c.str_literal(1).is_none();
    kernel::<Vec<u8>, _>(vec![c.arg(0)], &[In::Str], c.reachable.clone(), move |a, r| {
        let Some(s) = a.str(0, r) else { return Ok(None) };
        if null_format {
            return Ok(None);
        }
        let bytes = match fmt.as_str() {
            "utf-8" | "utf8" => Some(s.as_bytes().to_vec()),
            "base64" => encoding::is_valid_base64(s).then(|| encoding::unbase64_mime(s).ok()).flatten(),
            _ => encoding::unhex(s),
        };
        match bytes {
            Some(b) => Ok(Some(b)),
            None if try_ => Ok(None),
            None => a.fail(
                r,
                ErrorKind::IllegalArgument,
                "CONVERSION_INVALID_INPUT",
                &format!(
                    "The value {} ({}) cannot be converted to \"BINARY\" because it is malformed. Correct the value as per the syntax, or change its format. Use `try_to_binary` to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
                    crate::compat::like::sql_string(s),
                    crate::compat::like::sql_string(&fmt.to_ascii_uppercase())
                ),
            ),
        }
    })
}

/// The UTF-8 checks: a binary's bytes as they are, a string is always valid.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Utf8Check {
    IsValid,
    MakeValid,
    Validate,
    TryValidate,
}

pub fn utf8(c: &CallLowering, check: Utf8Check) -> pl::Expr {
    if c.arg_type(0) != DataType::Binary {
        return match check {
            Utf8Check::IsValid => pl::when(c.arg(0).is_null()).then(pl::lit(pl::NULL).cast(pl::DataType::Boolean)).otherwise(pl::lit(true)),
            _ => c.arg(0),
        };
    }
    if check == Utf8Check::IsValid {
        return kernel::<bool, _>(c.args.clone(), &[In::Bin], None, |a, r| Ok(a.bin(0, r).map(|b| std::str::from_utf8(b).is_ok())));
    }
    kernel::<String, _>(c.args.clone(), &[In::Bin], c.reachable.clone(), move |a, r| {
        let Some(b) = a.bin(0, r) else { return Ok(None) };
        match (std::str::from_utf8(b), check) {
            (Ok(s), _) => Ok(Some(s.to_string())),
            (Err(_), Utf8Check::MakeValid) => Ok(Some(String::from_utf8_lossy(b).into_owned())),
            (Err(_), Utf8Check::TryValidate) => Ok(None),
            (Err(_), _) => a.fail(
                r,
                ErrorKind::IllegalArgument,
                "INVALID_UTF8_STRING",
                // Spark shows every byte escaped (`\xC3\x28`).
                &format!("Invalid UTF8 byte sequence found in string: {}. SQLSTATE: 22029", b.iter().map(|x| format!("\\x{x:02X}")).collect::<String>()),
            ),
        }
    })
}
