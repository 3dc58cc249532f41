//! Session commands read by their leading words (sqlparser's Spark dialect has none of
//! them): `EXPLAIN [EXTENDED|FORMATTED|CODEGEN|COST] query`, `SHOW [USER|SYSTEM|ALL]
//! FUNCTIONS [[LIKE] 'pattern']`, `SHOW DATABASES|SCHEMAS|NAMESPACES [[LIKE] 'pattern']`,
//! `DESCRIBE FUNCTION [EXTENDED] name`, `SET TIME ZONE ...`, `SHOW CURRENT NAMESPACE`,
//! `SHOW CATALOGS`. `exec::commands` carries them out.

use crate::analysis::functions::{self, Flags};
use crate::error::Result;
use crate::ir::Plan;
use std::sync::Arc;

#[derive(Debug)]
pub enum Command {
    /// EXPLAIN: the plan of the query, or the error analysing it gave (Spark shows it as
    /// the plan text instead of raising).
    Explain { plan: std::result::Result<Arc<Plan>, String>, extended: bool },
    ShowFunctions { user: bool, system: bool, pattern: Option<String> },
    ShowDatabases { pattern: Option<String> },
    DescribeFunction { name: String, extended: bool },
    /// `SET TIME ZONE 'zone' | LOCAL | INTERVAL ...`: the zone's name.
    SetTimeZone(String),
    ShowCurrentNamespace,
    ShowCatalogs,
}

/// Which functions `SHOW FUNCTIONS` covers.
fn scope(word: &str) -> Option<(bool, bool)> {
    match word {
        "USER" => Some((true, false)),
        "SYSTEM" => Some((false, true)),
        "ALL" => Some((true, true)),
        _ => None,
    }
}

/// A quoted pattern (`'a*'`, `"a*"`) as its text.
fn unquote(word: &str) -> Option<String> {
    let w = word.trim();
    let quoted = w.len() >= 2 && ((w.starts_with('\'') && w.ends_with('\'')) || (w.starts_with('"') && w.ends_with('"')));
    quoted.then(|| w[1..w.len() - 1].to_string())
}

/// `[LIKE] 'pattern'` after a SHOW: Some(None) without one, None when it is not that.
fn pattern(rest: &[&str]) -> Option<Option<String>> {
    match rest {
        [] => Some(None),
        [like, p] if like.eq_ignore_ascii_case("LIKE") => unquote(p).map(Some),
        [p] => unquote(p).map(Some),
        _ => None,
    }
}

/// The command `text` is, if it is one of these; `query` plans EXPLAIN's query.
pub fn command(text: &str, query: &dyn Fn(&str) -> Result<Arc<Plan>>) -> Result<Option<Command>> {
    let trimmed = text.trim().trim_end_matches(';').trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
    Ok(Some(match upper.as_slice() {
        ["EXPLAIN", mode, ..] => {
            let (skip, extended) = match *mode {
                "EXTENDED" => (2, true),
                "FORMATTED" | "CODEGEN" | "COST" => (2, false),
                _ => (1, false),
            };
            // The query as written after the mode word.
            let mut rest = text.trim_start();
            for _ in 0..skip {
                rest = rest.trim_start().split_once(char::is_whitespace).map_or("", |(_, r)| r);
            }
            let rest = rest.trim_start();
            let offset = text.find(rest).map_or(0, |at| text[..at].chars().count());
            let plan = match query(rest) {
                Ok(plan) => Ok(plan),
                // A statement that does not parse is an error; one that does not
                // analyse is shown as EXPLAIN's text.
                Err(e) if e.kind == crate::error::ErrorKind::Parse => return Err(super::errors::within(e, text, offset)),
                Err(e) => Err(e.to_string()),
            };
            Command::Explain { plan, extended }
        }
        ["SHOW", "FUNCTIONS", ..] => match pattern(&words[2..]) {
            Some(pattern) => Command::ShowFunctions { user: true, system: true, pattern },
            None => return Ok(None),
        },
        ["SHOW", s, "FUNCTIONS", ..] if scope(s).is_some() => {
            let (user, system) = scope(s).unwrap_or((true, true));
            match pattern(&words[3..]) {
                Some(pattern) => Command::ShowFunctions { user, system, pattern },
                None => return Ok(None),
            }
        }
        ["SHOW", "DATABASES" | "SCHEMAS" | "NAMESPACES", ..] => match pattern(&words[2..]) {
            Some(pattern) => Command::ShowDatabases { pattern },
            None => return Ok(None),
        },
        ["DESCRIBE" | "DESC", "FUNCTION", "EXTENDED", _] => Command::DescribeFunction { name: function_name(words[3]), extended: true },
        ["DESCRIBE" | "DESC", "FUNCTION", _] => Command::DescribeFunction { name: function_name(words[2]), extended: false },
        ["SET", "TIME", "ZONE", "LOCAL"] => Command::SetTimeZone(local_zone()),
        ["SET", "TIME", "ZONE", _] => match unquote(&words[3..].join(" ")) {
            Some(zone) => Command::SetTimeZone(zone),
            None => return Ok(None),
        },
        ["SHOW", "CURRENT", "NAMESPACE" | "SCHEMA" | "DATABASE"] => Command::ShowCurrentNamespace,
        ["SHOW", "CATALOGS"] => Command::ShowCatalogs,
        _ => return Ok(None),
    }))
}

/// A function name as written: backquotes and quotes taken off.
fn function_name(word: &str) -> String {
    let w = word.trim_matches('`');
    unquote(w).unwrap_or_else(|| w.to_string())
}

/// The machine's zone, as Spark's `SET TIME ZONE LOCAL` reads the JVM's default.
fn local_zone() -> String {
    std::env::var("TZ").ok().filter(|z| !z.is_empty()).unwrap_or_else(|| "Etc/UTC".into())
}

/// Names in the registry that are PyRust's own plumbing, not functions Spark lists.
const INTERNAL: [&str; 15] = [
    "datetime_add_interval",
    "datetime_subtract_interval",
    "divide_interval",
    "dropfield",
    "get_field",
    "get_item",
    "multiply_interval",
    "scalar_subquery_value",
    "session_window_merge",
    "subtract_dates",
    "subtract_timestamps",
    "update_fields",
    "withfield",
    "timestampadd",
    "timestampdiff",
];

/// Spark's built-ins that PyRust's SQL reads as operators, casts or syntax rather than
/// registry calls; Spark lists them with the functions.
const SYNTAX: [&str; 43] = [
    "!", "!=", "%", "&", "*", "+", "-", "/", "<", "<<", "<=", "<=>", "<>", "=", "==", ">", ">=", ">>", ">>>", "^", "|", "||", "~",
    "and", "or", "not", "in", "between", "case", "cast", "div", "bigint", "binary", "boolean", "date", "decimal", "double", "float", "int",
    "smallint", "string", "tinyint", "when",
];

/// The built-in functions `SHOW FUNCTIONS` lists: every SQL name of the registry, the
/// operators and cast names.
pub fn builtin_function_names() -> Vec<String> {
    let mut names: Vec<String> = functions::all()
        .filter(|d| !d.flags.contains(Flags::DATAFRAME_ONLY))
        .flat_map(|d| std::iter::once(d.name).chain(d.aliases.iter().copied()))
        .filter(|n| !INTERNAL.contains(n))
        .chain(SYNTAX.iter().copied())
        .chain(["timestamp"])
        .map(String::from)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Spark's `StringUtils.filterPattern`: alternatives split by `|`, each a regular
/// expression with `*` for `.*`, matched case-insensitively against the whole name (an
/// invalid one matches nothing).
pub fn matches_pattern(name: &str, pattern: &str) -> bool {
    pattern.trim().split('|').any(|p| {
        let regex = format!("(?i)^(?:{})$", p.replace('*', ".*"));
        regex::Regex::new(&regex).is_ok_and(|r| r.is_match(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_sparks() {
        assert!(matches_pattern("array_agg", "array*"));
        assert!(matches_pattern("abs", "x*|a*"));
        assert!(!matches_pattern("abs", "b*"));
        assert!(matches_pattern("ABS", "abs"));
        assert!(matches_pattern("abc", "a.c"));
    }

    #[test]
    fn builtins_are_listed_sorted_without_plumbing() {
        let names = builtin_function_names();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.contains(&"abs".to_string()) && names.contains(&"+".to_string()));
        assert!(!names.contains(&"get_field".to_string()));
    }
}
