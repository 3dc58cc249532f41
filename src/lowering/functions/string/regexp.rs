//! Java regular expressions: `rlike`, `regexp_replace`, `regexp_extract`,
//! `regexp_extract_all`, `regexp_count`, `regexp_substr`, `regexp_instr`. Patterns
//! are translated by `compat::regex`; a literal pattern is compiled once (and its
//! errors raised when the plan is built), a column of patterns per distinct value.
//! Polars' own regex kernels run where they step through matches as Java does (a
//! pattern that cannot match the empty string); the rest iterate like `Matcher.find`.

use super::super::CallLowering;
use crate::compat::errors::runtime_error;
use crate::compat::kernels::mixed::{kernel, Args, In, StrList};
use crate::compat::regex::{
    byte_of_utf16_index, can_match_empty, invalid_pattern, java_captures, java_matches, java_replacement, java_to_rust, utf16_index,
};
use crate::error::{Error, ErrorKind, Result};
use polars::prelude::{self as pl, lit, when, DataType as PlType, PolarsError, PolarsResult};
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

fn polars_error(e: Error) -> PolarsError {
    runtime_error(e.kind, e.error_class.as_deref().unwrap_or("INTERNAL_ERROR"), &e.message)
}

/// A compiled Java pattern, or Spark's error for it.
pub fn compile(function: &str, java: &str) -> Result<Regex> {
    let rust = java_to_rust(java).map_err(|e| match e.error_class.as_deref() {
        // The translator does not know the calling function; Spark's text names it.
        Some("INVALID_PARAMETER_VALUE.PATTERN") => invalid_pattern(function, java, &e.message),
        _ => e,
    })?;
    Regex::new(&rust).map_err(|e| invalid_pattern(function, java, &e.to_string()))
}

/// The patterns of a column of patterns, each compiled once.
pub struct PatternCache {
    function: &'static str,
    compiled: Mutex<HashMap<String, Regex>>,
}

impl PatternCache {
    pub fn new(function: &'static str) -> Self {
        PatternCache { function, compiled: Mutex::new(HashMap::new()) }
    }

    pub fn with<T>(&self, java: &str, f: impl FnOnce(&Regex) -> T) -> PolarsResult<T> {
        let mut cache = self.compiled.lock().map_err(|_| runtime_error(ErrorKind::Runtime, "INTERNAL_ERROR", "regex cache poisoned"))?;
        if !cache.contains_key(java) {
            let re = compile(self.function, java).map_err(polars_error)?;
            if cache.len() > 1024 {
                cache.clear();
            }
            cache.insert(java.to_string(), re);
        }
        Ok(f(&cache[java]))
    }
}

/// The call's pattern: compiled once when literal, per row otherwise.
enum Pattern {
    Fixed(Regex),
    PerRow(PatternCache),
}

impl Pattern {
    fn of(c: &CallLowering, function: &'static str) -> Result<Pattern> {
        Ok(match c.str_literal(1) {
            Some(p) => Pattern::Fixed(compile(function, p)?),
            None => Pattern::PerRow(PatternCache::new(function)),
        })
    }

    /// `f` with the row's regex; None when the pattern is NULL.
    fn with<T>(&self, a: &Args, row: usize, f: impl FnOnce(&Regex) -> PolarsResult<Option<T>>) -> PolarsResult<Option<T>> {
        match self {
            Pattern::Fixed(re) => f(re),
            Pattern::PerRow(cache) => match a.str(1, row) {
                Some(p) => cache.with(p, f)?,
                None => Ok(None),
            },
        }
    }
}

/// `INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX` unless 0 <= idx <= the groups.
fn check_group(a: &Args, row: usize, function: &str, re: &Regex, idx: i64) -> PolarsResult<Option<()>> {
    let groups = re.captures_len() as i64 - 1;
    if (0..=groups).contains(&idx) {
        return Ok(Some(()));
    }
    a.fail(
        row,
        ErrorKind::Runtime,
        "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX",
        &format!("The value of parameter(s) `idx` in `{function}` is invalid: Expects group index between 0 and {groups}, but got {idx}. SQLSTATE: 22023"),
    )
}

/// `rlike(str, regexp)`: the pattern found anywhere.
pub fn rlike(c: &CallLowering) -> Result<pl::Expr> {
    if let Some(p) = c.str_literal(1) {
        let rust = java_to_rust(p)?;
        Regex::new(&rust).map_err(|e| invalid_pattern("rlike", p, &e.to_string()))?;
        return Ok(c.arg(0).str().contains(lit(rust), true));
    }
    let pattern = Pattern::of(c, "rlike")?;
    Ok(kernel::<bool, _>(c.args.clone(), &[In::Str, In::Str], None, move |a, r| match a.str(0, r) {
        Some(s) => pattern.with(a, r, |re| Ok(Some(re.is_match(s)))),
        None => Ok(None),
    }))
}

/// The Rust form of a Java replacement, or Spark's error for it.
fn replacement(re: &Regex, java: &str) -> std::result::Result<String, String> {
    let names: Vec<String> = re.capture_names().flatten().map(String::from).collect();
    java_replacement(java, re.captures_len() - 1, &names)
}

/// `regexp_replace(str, regexp, rep, position)`: every match from `position` (a
/// 1-based Java string index) on, with `$n` references.
pub fn regexp_replace(c: &CallLowering) -> Result<pl::Expr> {
    if let (Some(p), Some(r), Some(1)) = (c.str_literal(1), c.str_literal(2), c.int_literal(3)) {
        let re = compile("regexp_replace", p)?;
        let rust = re.as_str().to_string();
        if let Ok(rep) = replacement(&re, r) {
            if !can_match_empty(&rust) {
                // Polars takes a pattern without punctuation as a literal and then
                // expands no `$` references: a group keeps it a regex.
                let rust = if rep.contains('$') { format!("(?:{rust})") } else { rust };
                return Ok(c.arg(0).str().replace_all(lit(rust), lit(rep), false));
            }
        }
    }
    let pattern = Pattern::of(c, "regexp_replace")?;
    Ok(kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Str, In::Int], c.reachable.clone(), move |a, row| {
        let (Some(s), Some(rep), Some(pos)) = (a.str(0, row), a.str(2, row), a.int(3, row)) else { return Ok(None) };
        pattern.with(a, row, |re| {
            let start = byte_of_utf16_index(s, (pos - 1).max(0) as usize);
            if (pos - 1) as usize > utf16_index(s, s.len()) {
                return Ok(Some(s.to_string()));
            }
            let found = java_captures(re, s, start);
            if found.is_empty() {
                return Ok(Some(s.to_string()));
            }
            let rep = match replacement(re, rep) {
                Ok(rep) => rep,
                Err(_) => {
                    return a.fail(row, ErrorKind::Runtime, "INVALID_REGEXP_REPLACE", &format!("Could not perform regexp_replace for source = \"{s}\", pattern = \"{}\", replacement = \"{rep}\" and position = {pos}. SQLSTATE: 22023", re.as_str()))
                }
            };
            let mut out = String::with_capacity(s.len());
            let mut last = 0;
            for caps in &found {
                let m = caps.get(0).expect("group 0 always participates");
                out.push_str(&s[last..m.start()]);
                caps.expand(&rep, &mut out);
                last = m.end();
            }
            out.push_str(&s[last..]);
            Ok(Some(out))
        })
    }))
}

/// `regexp_extract(str, regexp, idx)`: group idx of the first match, "" when none.
pub fn regexp_extract(c: &CallLowering) -> Result<pl::Expr> {
    if let (Some(p), Some(idx)) = (c.str_literal(1), c.int_literal(2)) {
        let re = compile("regexp_extract", p)?;
        if (0..re.captures_len() as i64).contains(&idx) {
            let s = c.arg(0);
            let found = s.clone().str().extract(lit(re.as_str().to_string()), idx as usize);
            return Ok(when(s.is_null()).then(lit(pl::NULL).cast(PlType::String)).otherwise(found.fill_null(lit(""))));
        }
    }
    let pattern = Pattern::of(c, "regexp_extract")?;
    Ok(kernel::<String, _>(c.args.clone(), &[In::Str, In::Str, In::Int], c.reachable.clone(), move |a, row| {
        let (Some(s), Some(idx)) = (a.str(0, row), a.int(2, row)) else { return Ok(None) };
        pattern.with(a, row, |re| {
            if check_group(a, row, "regexp_extract", re, idx)?.is_none() {
                return Ok(None);
            }
            let group = re.captures(s).and_then(|caps| caps.get(idx as usize).map(|g| g.as_str().to_string()));
            Ok(Some(group.unwrap_or_default()))
        })
    }))
}

/// `regexp_extract_all(str, regexp, idx)`: group idx of every match.
pub fn regexp_extract_all(c: &CallLowering) -> Result<pl::Expr> {
    let pattern = Pattern::of(c, "regexp_extract_all")?;
    Ok(kernel::<StrList, _>(c.args.clone(), &[In::Str, In::Str, In::Int], c.reachable.clone(), move |a, row| {
        let (Some(s), Some(idx)) = (a.str(0, row), a.int(2, row)) else { return Ok(None) };
        pattern.with(a, row, |re| {
            if check_group(a, row, "regexp_extract_all", re, idx)?.is_none() {
                return Ok(None);
            }
            let groups = java_captures(re, s, 0).iter().map(|caps| caps.get(idx as usize).map_or(String::new(), |g| g.as_str().to_string())).collect();
            Ok(Some(StrList(groups)))
        })
    }))
}

/// `regexp_count(str, regexp)`: the number of matches.
pub fn regexp_count(c: &CallLowering) -> Result<pl::Expr> {
    let pattern = Pattern::of(c, "regexp_count")?;
    Ok(kernel::<i32, _>(c.args.clone(), &[In::Str, In::Str], None, move |a, row| match a.str(0, row) {
        Some(s) => pattern.with(a, row, |re| Ok(Some(java_matches(re, s, 0).len() as i32))),
        None => Ok(None),
    }))
}

/// `regexp_substr(str, regexp)`: the first match; NULL when none (or empty).
pub fn regexp_substr(c: &CallLowering) -> Result<pl::Expr> {
    if let Some(p) = c.str_literal(1) {
        let re = compile("regexp_substr", p)?;
        let found = c.arg(0).str().extract(lit(re.as_str().to_string()), 0);
        return Ok(when(found.clone().eq(lit(""))).then(lit(pl::NULL).cast(PlType::String)).otherwise(found));
    }
    let pattern = Pattern::of(c, "regexp_substr")?;
    Ok(kernel::<String, _>(c.args.clone(), &[In::Str, In::Str], None, move |a, row| match a.str(0, row) {
        Some(s) => pattern.with(a, row, |re| Ok(re.find(s).filter(|m| !m.is_empty()).map(|m| m.as_str().to_string()))),
        None => Ok(None),
    }))
}

/// `regexp_instr(str, regexp, idx)`: the 1-based Java string index of the first
/// match, 0 when none; idx is only checked.
pub fn regexp_instr(c: &CallLowering) -> Result<pl::Expr> {
    let pattern = Arc::new(Pattern::of(c, "regexp_instr")?);
    Ok(kernel::<i32, _>(c.args.clone(), &[In::Str, In::Str, In::Int], c.reachable.clone(), move |a, row| {
        let (Some(s), Some(idx)) = (a.str(0, row), a.int(2, row)) else { return Ok(None) };
        pattern.with(a, row, |re| {
            if check_group(a, row, "regexp_instr", re, idx)?.is_none() {
                return Ok(None);
            }
            Ok(Some(re.find(s).map_or(0, |m| utf16_index(s, m.start()) as i32 + 1)))
        })
    }))
}
