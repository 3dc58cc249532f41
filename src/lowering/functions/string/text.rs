//! Length, trimming, concatenation, slicing and prefix tests, on strings and on
//! binaries where Spark defines them on bytes.

use super::super::CallLowering;
use crate::error::Result;
use crate::ir::function::StringFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when, DataType as PlType};

fn is_binary(c: &CallLowering, i: usize) -> bool {
    c.arg_type(i) == DataType::Binary
}

fn null_of(t: PlType) -> pl::Expr {
    lit(pl::NULL).cast(t)
}

pub fn length(c: &CallLowering) -> pl::Expr {
    match is_binary(c, 0) {
        true => c.arg(0).binary().size_bytes().cast(PlType::Int32),
        false => c.arg(0).str().len_chars().cast(PlType::Int32),
    }
}

/// `trim`/`ltrim`/`rtrim(trimStr, str)` and `btrim(str, trimStr)`: strip the
/// characters of the trim string (a space without one); a NULL trim string gives NULL.
pub fn trim(f: StringFn, c: &CallLowering) -> pl::Expr {
    let strip = move |s: pl::Expr, chars: pl::Expr| match f {
        StringFn::Ltrim => s.str().strip_chars_start(chars),
        StringFn::Rtrim => s.str().strip_chars_end(chars),
        _ => s.str().strip_chars(chars),
    };
    if c.args.len() == 1 {
        return strip(c.arg(0), lit(" "));
    }
    let (s, chars) = if f == StringFn::Btrim { (0, 1) } else { (1, 0) };
    match c.str_literal(chars) {
        Some(t) => strip(c.arg(s), lit(t.to_string())),
        // Polars strips whitespace where the characters are NULL; Spark gives NULL.
        None => when(c.arg(chars).is_null()).then(null_of(PlType::String)).otherwise(strip(c.arg(s), c.arg(chars))),
    }
}

/// `concat`: strings, binaries (as bytes) or arrays; NULL when any input is.
pub fn concat(c: &CallLowering) -> pl::Expr {
    if c.args.is_empty() {
        return lit("");
    }
    match &c.call.data_type {
        DataType::Binary => crate::compat::binary::concat(c.args.clone()),
        DataType::Array(..) => {
            let any_null = c.args.iter().map(|a| a.clone().is_null()).reduce(|a, b| a.or(b)).unwrap_or(lit(false));
            let t = crate::lowering::types::to_polars(&c.call.data_type);
            let joined = if c.args.len() == 1 { c.arg(0) } else { pl::concat_list(c.args.clone()).unwrap_or_else(|_| c.arg(0)) };
            when(any_null).then(null_of(t)).otherwise(joined)
        }
        _ => pl::concat_str(c.args.clone(), "", false),
    }
}

pub fn concat_ws(c: &CallLowering) -> Result<pl::Expr> {
    let sep = c.str_literal(0).ok_or_else(|| c.unsupported("a non-literal separator"))?;
    if c.args.len() == 1 {
        return Ok(lit(""));
    }
    Ok(pl::concat_str(&c.args[1..], sep, true))
}

/// Spark's 1-based `substring(s, pos, len)` of a string (in characters) or a
/// binary (in bytes): pos 0 acts as 1, a negative pos counts from the end, and the
/// window is clipped to the value.
pub fn substring(c: &CallLowering) -> pl::Expr {
    let binary = is_binary(c, 0);
    let s = c.arg(0);
    let n = match binary {
        true => s.clone().binary().size_bytes().cast(PlType::Int64),
        false => s.clone().str().len_chars().cast(PlType::Int64),
    };
    let pos = c.arg(1).cast(PlType::Int64);
    let len = c.arg(2).cast(PlType::Int64);
    let start = when(pos.clone().gt(lit(0i64)))
        .then(pos.clone() - lit(1i64))
        .when(pos.clone().lt(lit(0i64)))
        .then(n.clone() + pos)
        .otherwise(lit(0i64));
    let end = start.clone() + len;
    let start_c = when(start.clone().lt(lit(0i64))).then(lit(0i64)).otherwise(start);
    let end_c = when(end.clone().gt(n.clone())).then(n).otherwise(end);
    let width = when(end_c.clone().gt(start_c.clone())).then(end_c - start_c.clone()).otherwise(lit(0i64));
    match binary {
        true => s.binary().slice(start_c, width),
        false => s.str().slice(start_c, width),
    }
}

/// `startswith`/`endswith`/`contains`, on bytes when analysis made both sides binary.
pub fn affix(f: StringFn, c: &CallLowering) -> pl::Expr {
    let (s, p) = (c.arg(0), c.arg(1));
    match (is_binary(c, 0), f) {
        (true, StringFn::StartsWith) => s.binary().starts_with(p),
        (true, StringFn::EndsWith) => s.binary().ends_with(p),
        (true, _) => s.binary().contains_literal(p),
        (false, StringFn::StartsWith) => s.str().starts_with(p),
        (false, StringFn::EndsWith) => s.str().ends_with(p),
        (false, _) => s.str().contains_literal(p),
    }
}
