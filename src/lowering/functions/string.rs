//! String functions: Spark's 1-based `substring` with negative positions, LIKE with
//! `\\` escapes, Java regexes translated for `rlike`, binary `concat`.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StringFn;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when, DataType as PlType};

pub fn lower(f: StringFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        StringFn::Upper => c.arg(0).str().to_uppercase(),
        StringFn::Lower => c.arg(0).str().to_lowercase(),
        StringFn::Length => match c.arg_type(0) {
            DataType::Binary => c.arg(0).binary().size_bytes().cast(PlType::Int32),
            _ => c.arg(0).str().len_chars().cast(PlType::Int32),
        },
        StringFn::Trim => c.arg(0).str().strip_chars(lit(" ")),
        StringFn::Ltrim => c.arg(0).str().strip_chars_start(lit(" ")),
        StringFn::Rtrim => c.arg(0).str().strip_chars_end(lit(" ")),
        StringFn::Concat => match (&c.call.data_type, c.args.is_empty()) {
            (_, true) => lit(""),
            (DataType::Binary, false) => crate::compat::binary::concat(c.args.clone()),
            _ => pl::concat_str(c.args.clone(), "", false),
        },
        StringFn::ConcatWs => concat_ws(c)?,
        StringFn::Substring => {
            let len = if c.args.len() > 2 { c.arg(2) } else { lit(i32::MAX) };
            substring(c.arg(0), c.arg(1), len)
        }
        StringFn::Like => like(c)?,
        StringFn::Rlike => {
            let pattern = match c.str_literal(1) {
                Some(p) => lit(crate::compat::regex::java_to_rust(p)?),
                None => c.arg(1),
            };
            c.arg(0).str().contains(pattern, true)
        }
        StringFn::StartsWith => c.arg(0).str().starts_with(c.arg(1)),
        StringFn::EndsWith => c.arg(0).str().ends_with(c.arg(1)),
        StringFn::Contains => c.arg(0).str().contains_literal(c.arg(1)),
    })
}

/// Spark's 1-based `substring(s, pos, len)`: pos 0 acts as 1, negative pos counts
/// from the end, and the window is clipped to the string.
fn substring(s: pl::Expr, pos: pl::Expr, len: pl::Expr) -> pl::Expr {
    let n = s.clone().str().len_chars().cast(PlType::Int64);
    let pos = pos.cast(PlType::Int64);
    let len = len.cast(PlType::Int64);
    let start = when(pos.clone().gt(lit(0i64)))
        .then(pos.clone() - lit(1i64))
        .when(pos.clone().lt(lit(0i64)))
        .then(n.clone() + pos)
        .otherwise(lit(0i64));
    let end = start.clone() + len;
    let start_c = when(start.clone().lt(lit(0i64))).then(lit(0i64)).otherwise(start);
    let end_c = when(end.clone().gt(n.clone())).then(n).otherwise(end);
    let width = when(end_c.clone().gt(start_c.clone())).then(end_c - start_c.clone()).otherwise(lit(0i64));
    s.str().slice(start_c, width)
}

fn concat_ws(c: &CallLowering) -> Result<pl::Expr> {
    let sep = c.str_literal(0).ok_or_else(|| c.unsupported("a non-literal separator"))?;
    if c.args.len() == 1 {
        return Ok(lit(""));
    }
    Ok(pl::concat_str(&c.args[1..], sep, true))
}

/// SQL LIKE with `_` and `%` wildcards and `\` as the escape character.
fn like(c: &CallLowering) -> Result<pl::Expr> {
    let s = c.arg(0);
    let p = c.str_literal(1).ok_or_else(|| c.unsupported("a non-literal pattern"))?;
    if let Some(fast) = like_without_regex(s.clone(), p) {
        return Ok(fast);
    }
    let mut re = String::from("(?s)^");
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n) => re.push_str(&regex_escape(n)),
                None => re.push_str("\\\\"),
            },
            '%' => re.push_str(".*"),
            '_' => re.push('.'),
            c => re.push_str(&regex_escape(c)),
        }
    }
    re.push('$');
    Ok(s.str().contains(lit(re), true))
}

/// The common LIKE shapes (`abc`, `abc%`, `%abc`, `%abc%`) as plain string tests,
/// which run several times faster than a regex; None for anything else.
fn like_without_regex(s: pl::Expr, p: &str) -> Option<pl::Expr> {
    if p.contains(['_', '\\']) {
        return None;
    }
    let starts = p.starts_with('%');
    let ends = p.ends_with('%') && p.len() > 1;
    let core = p.trim_start_matches('%').trim_end_matches('%');
    if core.contains('%') {
        return None;
    }
    let core = lit(core.to_string());
    Some(match (starts, ends || (starts && p.len() == 1)) {
        (false, false) => s.eq(core),
        (false, true) => s.str().starts_with(core),
        (true, false) => s.str().ends_with(core),
        (true, true) => s.str().contains_literal(core),
    })
}

fn regex_escape(c: char) -> String {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_shapes_without_inner_wildcards_skip_the_regex() {
        let s = || pl::col("s");
        for p in ["abc", "abc%", "%abc", "%abc%", "%", "%%", "", "a%%"] {
            assert!(like_without_regex(s(), p).is_some(), "{p}");
        }
        for p in ["a_c", "a%b%c", "%a%b", "a\\%"] {
            assert!(like_without_regex(s(), p).is_none(), "{p}");
        }
    }

}
