//! LIKE and ILIKE. A literal LIKE pattern of a plain shape is a string
//! test; others become an anchored regex, translated once for a literal and per
//! row for a column of patterns.

use super::super::CallLowering;
use crate::compat::errors::runtime_error;
use crate::compat::kernels::mixed::{kernel, In};
use crate::compat::like::{like_to_regex, simple_shape, Shape, DEFAULT_ESCAPE};
use crate::error::Result;
use polars::prelude::{self as pl, lit};

/// `like`/`ilike(str, pattern[, escapeChar])`; ILIKE lowercases both sides, as Spark does.
pub fn like(c: &CallLowering, case_insensitive: bool) -> Result<pl::Expr> {
    let escape = c.str_literal(2).and_then(|e| e.chars().next()).unwrap_or(DEFAULT_ESCAPE);
    let s = if case_insensitive { c.arg(0).str().to_lowercase() } else { c.arg(0) };
    if let Some(p) = c.str_literal(1) {
        let p = if case_insensitive { p.to_lowercase() } else { p.to_string() };
        if let Some(shape) = simple_shape(&p, escape) {
            return Ok(match shape {
                Shape::Equals(t) => s.eq(lit(t.to_string())),
                Shape::StartsWith(t) => s.str().starts_with(lit(t.to_string())),
                Shape::EndsWith(t) => s.str().ends_with(lit(t.to_string())),
                Shape::Contains(t) => s.str().contains_literal(lit(t.to_string())),
            });
        }
        return Ok(s.str().contains(lit(like_to_regex(&p, escape)?), true));
    }
    let p = if case_insensitive { c.arg(1).str().to_lowercase() } else { c.arg(1) };
    let regexes = kernel::<String, _>(vec![p], &[In::Str], c.reachable.clone(), move |a, row| match a.str(0, row) {
        Some(p) => like_to_regex(p, escape).map(Some).map_err(|e| runtime_error(e.kind, e.error_class.as_deref().unwrap_or(""), &e.message)),
        None => Ok(None),
    });
    Ok(s.str().contains(regexes, true))
}
