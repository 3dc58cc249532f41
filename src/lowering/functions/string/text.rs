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

/// `concat_ws(sep, ...)`: strings and the elements of arrays joined by `sep`,
/// NULLs (and empty arrays) skipped.
pub fn concat_ws(c: &CallLowering) -> Result<pl::Expr> {
    let parts = &c.args[1..];
    let is_array = |i: usize| matches!(c.arg_type(i + 1), DataType::Array(..));
    if let Some(sep) = c.str_literal(0) {
        if parts.is_empty() {
            return Ok(lit(""));
        }
        let joined: Vec<pl::Expr> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if !is_array(i) {
                    return p.clone();
                }
                let present = p.clone().list().drop_nulls();
                when(present.clone().list().len().eq(lit(0)))
                    .then(null_of(PlType::String))
                    .otherwise(present.list().join(lit(sep.to_string()), true))
            })
            .collect();
        return Ok(pl::concat_str(joined, sep, true));
    }
    // A separator per row: every value in one list, joined by it.
    let sep = c.arg(0);
    let all = if parts.is_empty() {
        lit("")
    } else {
        let values = pl::concat_list(parts).map_err(|e| crate::error::Error::internal(e.to_string()))?.list().drop_nulls();
        values.list().join(sep.clone(), true)
    };
    Ok(when(sep.is_null()).then(null_of(PlType::String)).otherwise(all))
}

/// Spark's 1-based `substring(s, pos, len)` of a string (in characters) or a
/// binary (in bytes).
pub fn substring(c: &CallLowering) -> pl::Expr {
    // The common form, non-negative literal position and length, is Polars' own
    // slice (which clips to the value as Spark does).
    if let (Some(pos), Some(len), false) = (c.int_literal(1), c.int_literal(2), is_binary(c, 0)) {
        if pos >= 0 && len >= 0 {
            return c.arg(0).str().slice(lit((pos - 1).max(0)), lit(len as u64));
        }
    }
    slice(c.arg(0), c.arg(1), c.arg(2), is_binary(c, 0))
}

/// `substring` on expressions: pos 0 acts as 1, a negative pos counts from the
/// end, and the window is clipped to the value.
pub fn slice(s: pl::Expr, pos: pl::Expr, len: pl::Expr, binary: bool) -> pl::Expr {
    let n = length_of(s.clone(), binary);
    let pos = pos.cast(PlType::Int64);
    let len = len.cast(PlType::Int64);
    let pos_or_len_null = pos.clone().is_null().or(len.clone().is_null());
    let start = when(pos.clone().gt(lit(0i64)))
        .then(pos.clone() - lit(1i64))
        .when(pos.clone().lt(lit(0i64)))
        .then(n.clone() + pos)
        .otherwise(lit(0i64));
    let end = start.clone() + len;
    let start_c = when(start.clone().lt(lit(0i64))).then(lit(0i64)).otherwise(start);
    let end_c = when(end.clone().gt(n.clone())).then(n).otherwise(end);
    let width = when(end_c.clone().gt(start_c.clone())).then(end_c - start_c.clone()).otherwise(lit(0i64));
    let sliced = match binary {
        true => s.binary().slice(start_c, width),
        false => s.str().slice(start_c, width),
    };
    let t = if binary { PlType::Binary } else { PlType::String };
    when(pos_or_len_null).then(null_of(t)).otherwise(sliced)
}

/// Characters of a string, bytes of a binary, as Int64.
pub fn length_of(s: pl::Expr, binary: bool) -> pl::Expr {
    match binary {
        true => s.binary().size_bytes().cast(PlType::Int64),
        false => s.str().len_chars().cast(PlType::Int64),
    }
}

/// `left(s, n)`: `substring(s, 1, n)`.
pub fn left(c: &CallLowering) -> pl::Expr {
    slice(c.arg(0), lit(1i64), c.arg(1), is_binary(c, 0))
}

/// `right(s, n)`: the last n characters; "" for n <= 0.
pub fn right(c: &CallLowering) -> pl::Expr {
    let n = c.arg(1).cast(PlType::Int64);
    when(c.arg(0).is_null().or(n.clone().is_null()))
        .then(null_of(PlType::String))
        .when(n.clone().lt_eq(lit(0i64)))
        .then(lit(""))
        .otherwise(slice(c.arg(0), lit(0i64) - n.clone(), n, false))
}

/// `overlay(s, r, pos, len)`: s with `len` characters (or bytes) from `pos`
/// replaced by r; a negative len stands for r's length.
pub fn overlay(c: &CallLowering) -> pl::Expr {
    let binary = is_binary(c, 0);
    let (s, r) = (c.arg(0), c.arg(1));
    let pos = c.arg(2).cast(PlType::Int64);
    let len = c.arg(3).cast(PlType::Int64);
    let len = when(len.clone().lt(lit(0i64))).then(length_of(r.clone(), binary)).otherwise(len);
    let prefix = slice(s.clone(), lit(1i64), pos.clone() - lit(1i64), binary);
    let suffix = slice(s, pos + len, lit(i32::MAX as i64), binary);
    match binary {
        true => crate::compat::binary::concat(vec![prefix, r, suffix]),
        false => pl::concat_str([prefix, r, suffix], "", false),
    }
}

/// `bit_length`/`octet_length`: bytes of the UTF-8 text or of the binary.
pub fn byte_length(c: &CallLowering, bits: bool) -> pl::Expr {
    let bytes = match is_binary(c, 0) {
        true => c.arg(0).binary().size_bytes(),
        false => c.arg(0).str().len_bytes(),
    }
    .cast(PlType::Int32);
    if bits {
        bytes * lit(8i32)
    } else {
        bytes
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
