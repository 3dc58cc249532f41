//! Where in SQL text an unresolved name is written: Spark's query context of
//! UNRESOLVED_COLUMN, UNRESOLVED_ROUTINE and FIELD_NOT_FOUND is the name's own origin
//! (the attribute as written, `t.nope` or `s.nope`; a call through its closing
//! parenthesis), in `spark.sql` text and in `expr()`/`selectExpr()`/`filter("...")`
//! strings alike. PyRust's IR keeps no origin on names, so the name is looked for in the
//! text of the nearest origin around it (a fragment, or a whole `expr()` string): at
//! the first place it is written as a column (not called, nor a field after a dot) or
//! as a call — where Spark points unless the same unknown name is written twice and
//! Spark analyses the later one first.

use super::sql_lexer::SparkLexer;
use super::Error;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

/// How the name an error is about is written.
#[derive(Clone, Copy, PartialEq)]
enum Written {
    Column,
    Call,
    /// A struct field after its column's name (`s.nope`): the fragment is the whole
    /// dotted name.
    Field,
}

/// Whether `e` is about a name Spark places in the text (its class).
pub fn is_about_a_name(e: &Error) -> bool {
    what(e).is_some()
}

fn what(e: &Error) -> Option<(&'static str, Written)> {
    match e.error_class.as_deref()? {
        c if c.starts_with("UNRESOLVED_COLUMN") => Some(("objectName", Written::Column)),
        "AMBIGUOUS_REFERENCE" => Some(("name", Written::Column)),
        "UNRESOLVED_ROUTINE" => Some(("routineName", Written::Call)),
        "FIELD_NOT_FOUND" => Some(("fieldName", Written::Field)),
        _ => None,
    }
}

/// `e` with the place of the name it is about in `text`, looked for in the characters
/// `from..=to` (an origin's fragment); `e` as it is when it has a context already, is
/// about no name, or the name is not written there.
pub fn place(e: Error, text: &str, from: usize, to: usize) -> Error {
    let Some((param, written)) = what(&e) else { return e };
    if e.has_query_context() {
        return e;
    }
    let Some((_, name)) = e.params.iter().find(|(k, _)| k == param) else { return e };
    match find(text, from, to, &name_parts(name), written) {
        Some((start, stop)) => e.with_query_context(text, start, stop),
        None => e,
    }
}

/// A name's parts from its quoted form (`` `t`.`a` ``).
fn name_parts(name: &str) -> Vec<String> {
    let mut parts: Vec<String> = name.split("`.`").map(|p| p.trim_matches('`').replace("``", "`")).collect();
    if parts.len() == 1 && parts[0].contains('.') {
        // PyRust names a qualified column `t.a` (Spark: `t`.`a`).
        parts = parts[0].split('.').map(String::from).collect();
    }
    parts
}

/// The first and last character of the name in `text[from..=to]`.
fn find(text: &str, from: usize, to: usize, parts: &[String], written: Written) -> Option<(usize, usize)> {
    let tokens = Tokenizer::new(&SparkLexer, text).with_unescape(false).tokenize_with_location().ok()?;
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.chars().enumerate().filter(|(_, c)| *c == '\n').map(|(i, _)| i + 1)).collect();
    let offset = |t: &TokenWithSpan, end: bool| {
        let at = if end { t.span.end } else { t.span.start };
        Some(line_starts.get((at.line as usize).checked_sub(1)?)? + (at.column as usize).checked_sub(1)?)
    };
    // Blanks left out; the name starts inside the fragment (a call's parenthesis may
    // close after a fragment cut short).
    let tokens: Vec<&TokenWithSpan> = tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).collect();
    let inside = |i: usize| offset(tokens[i], false).is_some_and(|s| s >= from && s <= to);
    let word = |i: usize| match tokens.get(i).map(|t| &t.token) {
        Some(Token::Word(w)) => Some(w.value.replace("``", "`")),
        _ => None,
    };
    let is = |i: usize, token: &Token| tokens.get(i).is_some_and(|t| t.token == *token);
    // The token closing the parenthesis opened at `open`.
    let closing = |open: usize| {
        let mut depth = 0usize;
        for (i, t) in tokens.iter().enumerate().skip(open) {
            match t.token {
                Token::LParen => depth += 1,
                Token::RParen if depth == 1 => return Some(i),
                Token::RParen => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    };
    for exact in [true, false] {
        let same = |a: &str, b: &str| if exact { a == b } else { a.eq_ignore_ascii_case(b) };
        for i in 0..tokens.len() {
            if !inside(i) {
                continue;
            }
            let after_dot = i > 0 && is(i - 1, &Token::Period);
            let matches = parts.iter().enumerate().all(|(k, part)| {
                let at = i + 2 * k;
                (k == 0 || is(at - 1, &Token::Period)) && word(at).is_some_and(|w| same(&w, part))
            });
            let last = i + 2 * (parts.len() - 1);
            let called = is(last + 1, &Token::LParen);
            let (first, last) = match written {
                _ if !matches || called != (written == Written::Call) => continue,
                Written::Column if after_dot => continue,
                Written::Column => (i, last),
                Written::Call => (i, closing(last + 1).unwrap_or(last)),
                Written::Field if !after_dot => continue,
                Written::Field => {
                    // Back to the start of the dotted name.
                    let mut first = i;
                    while first >= 2 && is(first - 1, &Token::Period) && word(first - 2).is_some() && inside(first - 2) {
                        first -= 2;
                    }
                    (first, last)
                }
            };
            let (start, end) = (offset(tokens[first], false)?, offset(tokens[last], true)?);
            if start < end {
                return Some((start, end - 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str) -> Error {
        Error::analysis("UNRESOLVED_COLUMN.WITH_SUGGESTION", "x").with_param("objectName", name)
    }

    fn at(e: Error, text: &str) -> Option<(String, String)> {
        let to = text.chars().count().saturating_sub(1);
        let e = place(e, text, 0, to);
        let p = |k: &str| e.params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        Some((p("__start")?, p("__stop")?))
    }

    fn pair(a: usize, b: usize) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    // Places as Spark 4.0.1 reports them.
    #[test]
    fn an_unresolved_column_is_placed_where_it_is_written() {
        assert_eq!(at(column("`nope`"), "SELECT nope FROM range(1)"), pair(7, 10));
        assert_eq!(at(column("`nope`"), "SELECT id FROM range(1)\nWHERE nope > 1"), pair(30, 33));
        // Not a function of that name, nor a field of another column.
        assert_eq!(at(column("`nope`"), "SELECT nope(1), s.nope, nope FROM t"), pair(24, 27));
        assert_eq!(at(column("`NOPE`"), "SELECT 'nope', Nope FROM t"), pair(15, 18));
        assert_eq!(at(column("`nope`"), "SELECT 1"), None);
        assert_eq!(at(column("`x`.`nope`"), "SELECT nope, x.nope FROM t x"), pair(13, 18));
        assert_eq!(at(column("x.nope"), "t.nope"), None);
        // In an `expr()` string: written twice, the first.
        assert_eq!(at(column("`nope`"), "coalesce(a, abs(1 + nope)) + nope"), pair(20, 23));
    }

    #[test]
    fn a_function_is_placed_through_its_parenthesis() {
        let routine = Error::analysis("UNRESOLVED_ROUTINE", "x").with_param("routineName", "`nosuchfn`");
        assert_eq!(at(routine.clone(), "SELECT nosuchfn, nosuchfn(1, (2)) FROM t"), pair(17, 32));
        assert_eq!(at(routine, "a + nosuchfn(a)"), pair(4, 14));
    }

    #[test]
    fn a_missing_field_is_placed_with_its_column() {
        let field = Error::analysis("FIELD_NOT_FOUND", "x").with_param("fieldName", "`nope`");
        assert_eq!(at(field.clone(), "s.nope"), pair(0, 5));
        assert_eq!(at(field.clone(), "a + t.s.nope"), pair(4, 11));
        assert_eq!(at(field, "nope + 1"), None);
    }

    #[test]
    fn only_the_fragment_is_searched() {
        let e = place(column("`nope`"), "nope + (a + nope)", 7, 16);
        let p = |k: &str| e.params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        assert_eq!((p("__start"), p("__stop")), (Some("12".into()), Some("15".into())));
        // A context already there stays.
        let placed = column("`nope`").with_query_context("nope", 0, 3);
        assert_eq!(place(placed.clone(), "a + nope", 0, 7).params, placed.params);
    }
}
