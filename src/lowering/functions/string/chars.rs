//! Character-level functions: `reverse` (strings and arrays), `initcap`,
//! `translate`, `replace`, `ascii`, `chr`, `levenshtein`, `soundex`.

use super::super::CallLowering;
use crate::compat::kernels::mixed::{kernel, In};
use crate::compat::strings;
use crate::ir::DataType;
use polars::prelude::{self as pl, lit};
use std::sync::Arc;

/// A kernel over one string argument.
fn per_string<T, F>(c: &CallLowering, f: F) -> pl::Expr
where
    T: crate::compat::kernels::mixed::Output,
    F: Fn(&str) -> T + Send + Sync + 'static,
{
    kernel::<T, _>(vec![c.arg(0)], &[In::Str], None, move |a, r| Ok(a.str(0, r).map(&f)))
}

pub fn reverse(c: &CallLowering) -> pl::Expr {
    match c.arg_type(0) {
        DataType::Array(..) => c.arg(0).list().eval(pl::element().reverse()),
        _ => per_string(c, strings::reverse),
    }
}

pub fn initcap(c: &CallLowering) -> pl::Expr {
    per_string(c, strings::initcap)
}

pub fn ascii(c: &CallLowering) -> pl::Expr {
    per_string(c, strings::ascii)
}

pub fn luhn_check(c: &CallLowering) -> pl::Expr {
    per_string(c, strings::luhn_check)
}

pub fn soundex(c: &CallLowering) -> pl::Expr {
    per_string(c, strings::soundex)
}

pub fn chr(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Int], None, |a, r| Ok(a.int(0, r).map(strings::chr)))
}

/// `translate(s, from, to)`: the character map is built once for literals.
pub fn translate(c: &CallLowering) -> pl::Expr {
    let fixed = match (c.str_literal(1), c.str_literal(2)) {
        (Some(from), Some(to)) => Some(Arc::new(strings::translation(from, to))),
        _ => None,
    };
    kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Str], None, move |a, r| {
        Ok(match (a.str(0, r), a.str(1, r), a.str(2, r)) {
            (Some(s), Some(from), Some(to)) => Some(match &fixed {
                Some(map) => strings::translate(s, map),
                None => strings::translate(s, &strings::translation(from, to)),
            }),
            _ => None,
        })
    })
}

/// `replace(s, search, replacement)`: every occurrence; an empty search changes nothing.
pub fn replace(c: &CallLowering) -> pl::Expr {
    if let (Some(search), Some(rep)) = (c.str_literal(1), c.str_literal(2)) {
        if search.is_empty() {
            return c.arg(0);
        }
        return c.arg(0).str().replace_all(lit(search.to_string()), lit(rep.to_string()), true);
    }
    let value = kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Str], None, |a, r| {
        Ok(match (a.str(0, r), a.str(1, r), a.str(2, r)) {
            (Some(s), Some(""), Some(_)) => Some(s.to_string()),
            (Some(s), Some(search), Some(rep)) => Some(s.replace(search, rep)),
            _ => None,
        })
    });
    value
}

pub fn levenshtein(c: &CallLowering) -> pl::Expr {
    let kinds: &[In] = if c.args.len() == 3 { &[In::Str, In::Str, In::Int] } else { &[In::Str, In::Str] };
    let with_threshold = c.args.len() == 3;
    kernel::<i32, _>(c.args.clone(), kinds, None, move |a, r| {
        Ok(match (a.str(0, r), a.str(1, r)) {
            (Some(x), Some(y)) if !with_threshold => Some(strings::levenshtein(x, y, None)),
            (Some(x), Some(y)) => a.int(2, r).map(|t| strings::levenshtein(x, y, Some(t))),
            _ => None,
        })
    })
}
