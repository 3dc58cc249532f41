//! Finding things in strings: `instr`, `locate`/`position`, `find_in_set`,
//! `substring_index`, `split_part`, `split`, `elt`. Positions count characters.

use super::super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::kernels::mixed::{kernel, In, StrList};
use crate::compat::strings;
use crate::error::{ErrorKind, Result};
use crate::lowering::types::to_polars;
use super::regexp::{compile, PatternCache};
use polars::prelude::{self as pl, lit, when, DataType as PlType};

pub fn instr(c: &CallLowering) -> pl::Expr {
    kernel::<i32, _>(c.args.clone(), &[In::Str, In::Str], None, |a, r| {
        Ok(match (a.str(0, r), a.str(1, r)) {
            (Some(s), Some(sub)) => Some(strings::instr(s, sub)),
            _ => None,
        })
    })
}

/// `locate(substr, str, start)`: a NULL start gives 0 whatever the strings are.
pub fn locate(c: &CallLowering) -> pl::Expr {
    kernel::<i32, _>(c.args.clone(), &[In::Str, In::Str, In::Int], None, |a, r| {
        Ok(match (a.int(2, r), a.str(0, r), a.str(1, r)) {
            (None, _, _) => Some(0),
            (Some(pos), Some(sub), Some(s)) => Some(strings::locate(sub, s, pos)),
            _ => None,
        })
    })
}

pub fn find_in_set(c: &CallLowering) -> pl::Expr {
    kernel::<i32, _>(c.args.clone(), &[In::Str, In::Str], None, |a, r| {
        Ok(match (a.str(0, r), a.str(1, r)) {
            (Some(w), Some(list)) => Some(strings::find_in_set(w, list)),
            _ => None,
        })
    })
}

pub fn substring_index(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Int], None, |a, r| {
        Ok(match (a.str(0, r), a.str(1, r), a.int(2, r)) {
            (Some(s), Some(d), Some(n)) => Some(strings::substring_index(s, d, n)),
            _ => None,
        })
    })
}

/// `split_part(str, delim, n)`: n = 0 fails in every mode, as in Spark.
pub fn split_part(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Int], c.reachable.clone(), |a, r| {
        match (a.str(0, r), a.str(1, r), a.int(2, r)) {
            (Some(s), Some(d), Some(n)) => match strings::split_part(s, d, n) {
                Some(part) => Ok(Some(part)),
                None => a.fail(
                    r,
                    ErrorKind::Runtime,
                    "INVALID_INDEX_OF_ZERO",
                    "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003",
                ),
            },
            _ => Ok(None),
        }
    })
}

/// Whether a Java pattern has no regex syntax at all (a plain separator).
fn plain_literal(p: &str) -> bool {
    !p.is_empty() && !p.contains(['\\', '.', '[', ']', '{', '}', '(', ')', '*', '+', '?', '^', '$', '|'])
}

/// `split(str, regex, limit)`. A plain separator with no limit is Polars' split.
pub fn split(c: &CallLowering) -> Result<pl::Expr> {
    let limit = c.int_literal(2);
    if let Some(p) = c.str_literal(1) {
        if plain_literal(p) && limit.is_some_and(|l| l <= 0) {
            return Ok(c.arg(0).str().split(lit(p.to_string())));
        }
        if !p.is_empty() {
            let re = compile("split", p)?;
            return Ok(kernel::<StrList, _>(c.args.clone(), &[In::Str, In::Str, In::Int], None, move |a, r| {
                Ok(match (a.str(0, r), a.int(2, r)) {
                    (Some(s), Some(n)) => Some(StrList(strings::split_regex(s, &re, n))),
                    _ => None,
                })
            }));
        }
    }
    let cache = PatternCache::new("split");
    Ok(kernel::<StrList, _>(c.args.clone(), &[In::Str, In::Str, In::Int], None, move |a, r| {
        match (a.str(0, r), a.str(1, r), a.int(2, r)) {
            (Some(s), Some(""), Some(n)) => Ok(Some(StrList(strings::split_chars(s, n)))),
            (Some(s), Some(p), Some(n)) => cache.with(p, |re| Some(StrList(strings::split_regex(s, re, n)))),
            _ => Ok(None),
        }
    }))
}

/// `elt(n, inputs...)`: the n-th input (1-based); out of range NULL, or
/// `INVALID_ARRAY_INDEX` under ANSI.
pub fn elt(c: &CallLowering) -> pl::Expr {
    let n = c.arg(0).cast(PlType::Int64);
    let inputs = &c.args[1..];
    let t = to_polars(&c.call.data_type);
    let mut value = lit(pl::NULL).cast(t.clone());
    for (i, input) in inputs.iter().enumerate().rev() {
        value = when(n.clone().eq(lit(i as i64 + 1))).then(input.clone().cast(t.clone())).otherwise(value);
    }
    if !c.conf.ansi {
        return value;
    }
    let count = inputs.len() as i64;
    let bad = n.clone().lt(lit(1i64)).or(n.clone().gt(lit(count)));
    fail_where(value, bad, c.reachable.clone(), n, ErrorKind::ArrayIndexOutOfBounds, "INVALID_ARRAY_INDEX", move |v| {
        format!("The index {v} is out of bounds. The array has {count} elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003")
    })
}

