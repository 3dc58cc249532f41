//! Spark's `ParseException` from sqlparser's errors: `PARSE_SYNTAX_ERROR` with the
//! offending token (`error`: `'FROM'`, or `end of input`) and ANTLR's hint (`: extra
//! input 'x'` when a complete statement is followed by more text, as Spark's
//! `SparkParserErrorStrategy` reports it), and the position Spark's message shows
//! (`(line 1, pos 14)` and the text with a marker under it).
//!
//! The position travels as every ParseException's does (`Error::at_position`).

use crate::error::{Error, ErrorKind};
use sqlparser::parser::ParserError;

/// The offending token and where it is, read from sqlparser's message
/// (`Expected: X, found: Y at Line: l, Column: c`).
struct Found<'a> {
    expected: Option<&'a str>,
    token: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
}

fn found(message: &str) -> Found<'_> {
    let (body, line, column) = match message.rsplit_once(" at Line: ") {
        Some((body, at)) => {
            let mut numbers = at.split(", Column: ").map(|n| n.trim().parse::<usize>().ok());
            (body, numbers.next().flatten(), numbers.next().flatten())
        }
        None => (message, None, None),
    };
    let expected = body.strip_prefix("Expected: ").map(|rest| rest.split(", found: ").next().unwrap_or(rest));
    let token = body.split_once(", found: ").map(|(_, t)| t);
    Found { expected, token, line, column }
}

/// Line (1-based) and position (0-based characters) of the end of `text`.
fn end_of(text: &str) -> (usize, usize) {
    let line = text.split('\n').count().max(1);
    let pos = text.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0);
    (line, pos)
}

fn syntax(token: &str, hint: String) -> Error {
    let error = if token == "end of input" { token.to_string() } else { format!("'{token}'") };
    Error::new(ErrorKind::Parse, "PARSE_SYNTAX_ERROR", format!("Syntax error at or near {error}{hint}."))
        .with_param("error", error)
        .with_param("hint", hint)
}

/// Spark's `PARSE_SYNTAX_ERROR` for sqlparser's error over `text`; `shift` is how many
/// characters of the first line sqlparser read before `text` (`SELECT ` for an
/// expression).
pub(crate) fn syntax_error(text: &str, e: &ParserError, shift: usize) -> Error {
    let message = match e {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => m.as_str(),
        ParserError::RecursionLimitExceeded => return Error::new(ErrorKind::Parse, "PARSE_SYNTAX_ERROR", "Syntax error: the query nests too deeply."),
    };
    let f = found(message);
    let place = |line: usize, column: usize| (line, if line == 1 { column.saturating_sub(1 + shift) } else { column.saturating_sub(1) });
    if let ParserError::TokenizerError(_) = e {
        // An unterminated quote: Spark's lexer fails at the quote that opens it.
        let (line, pos) = match (f.line, f.column) {
            (Some(l), Some(c)) => place(l, c),
            _ => end_of(text),
        };
        let quote = text.split('\n').nth(line.saturating_sub(1)).and_then(|l| l.chars().nth(pos)).filter(|c| matches!(c, '\'' | '"' | '`'));
        let token = quote.map(String::from).unwrap_or_else(|| "end of input".into());
        return syntax(&token, String::new()).at_position(text, line, pos);
    }
    let token = f.token.filter(|t| *t != "EOF");
    let (line, pos) = match (token, f.line, f.column) {
        (Some(_), Some(l), Some(c)) => place(l, c),
        _ => end_of(text),
    };
    match token {
        Some(t) => {
            // A whole statement read, then one more token: ANTLR deletes it as
            // "extraneous input" (Spark's hint); with more text after it, ANTLR reports
            // no viable alternative instead.
            let last = rest_of(text, line, pos + t.chars().count()).trim().trim_start_matches(';').trim().is_empty();
            let hint = if f.expected == Some("end of statement") && last { format!(": extra input '{t}'") } else { String::new() };
            syntax(t, hint).at_position(text, line, pos)
        }
        None => syntax("end of input", String::new()).at_position(text, line, pos),
    }
}

/// The text from `line` (1-based) and character `pos` on.
fn rest_of(text: &str, line: usize, pos: usize) -> String {
    let mut lines = text.split('\n').skip(line.saturating_sub(1));
    let first: String = lines.next().unwrap_or_default().chars().skip(pos).collect();
    std::iter::once(first).chain(lines.map(String::from)).collect::<Vec<_>>().join("\n")
}

/// Text without a statement: `PARSE_EMPTY_STATEMENT` when blank, a syntax error at the
/// end when it holds only comments (as Spark's parser reads them).
pub(crate) fn no_statement(text: &str) -> Error {
    if !text.trim().is_empty() {
        let (line, pos) = end_of(text);
        return syntax("end of input", String::new()).at_position(text, line, pos);
    }
    Error::empty_statement(text)
}

/// A parse error of a statement nested in `text` at character `offset` of its first
/// line (EXPLAIN's query), placed in `text`.
pub(crate) fn within(e: Error, text: &str, offset: usize) -> Error {
    let mut e = e;
    let first_line = e.params.iter().any(|(k, v)| k == "__line" && v == "1");
    for (k, v) in e.params.iter_mut() {
        match k.as_str() {
            "__pos" if first_line => *v = (v.parse::<usize>().unwrap_or(0) + offset).to_string(),
            "__sqlText" => *v = text.to_string(),
            _ => {}
        }
    }
    e
}

/// `PARSE_SYNTAX_ERROR` at `token` (as sqlparser shows it: `QUALIFY`, `)`), found at
/// `line` (1-based) and character `pos` (0-based) of `text`, without a hint.
pub(crate) fn syntax_error_at(text: &str, line: usize, pos: usize, token: &str) -> Error {
    syntax(token, String::new()).at_position(text, line, pos)
}

/// A text PyRust's translation refuses for a reason of its own (`detail`), shaped as
/// Spark's syntax error at the first token of `text`.
pub(crate) fn refused(text: &str, detail: &str) -> Error {
    let start = text.len() - text.trim_start().len();
    let near = text.split_whitespace().next().unwrap_or("end of input");
    let e = syntax(near, format!(": {detail}"));
    let line = text[..start].matches('\n').count() + 1;
    let pos = text[..start].rsplit('\n').next().unwrap_or_default().chars().count();
    e.at_position(text, line, pos)
}

/// Text after the first statement (`SELECT 1; SELECT 2`): Spark reads one statement and
/// reports the first token after its `;` as extra input.
pub(crate) fn second_statement(text: &str) -> Error {
    use sqlparser::tokenizer::{Token, Tokenizer};
    let dialect = sqlparser::dialect::SparkSqlDialect {};
    let tokens = Tokenizer::new(&dialect, text).tokenize_with_location().unwrap_or_default();
    let after = tokens
        .iter()
        .skip_while(|t| t.token != Token::SemiColon)
        .find(|t| !matches!(t.token, Token::SemiColon | Token::Whitespace(_)));
    match after {
        Some(t) => {
            let token = t.token.to_string();
            let (line, column) = (t.span.start.line as usize, t.span.start.column as usize);
            syntax(&token, format!(": extra input '{token}'")).at_position(text, line, column.saturating_sub(1))
        }
        None => {
            let (line, pos) = end_of(text);
            syntax("end of input", String::new()).at_position(text, line, pos)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(e: &Error) -> Vec<(&str, &str)> {
        e.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }

    #[test]
    fn sqlparser_messages_become_spark_parameters() {
        let e = syntax_error("SELECT (1 + 2 FROM t", &ParserError::ParserError("Expected: ), found: FROM at Line: 1, Column: 15".into()), 0);
        assert_eq!(params(&e)[..4], [("error", "'FROM'"), ("hint", ""), ("__line", "1"), ("__pos", "14")]);
        let e = syntax_error("SELECT 1 1", &ParserError::ParserError("Expected: end of statement, found: 1 at Line: 1, Column: 10".into()), 0);
        assert_eq!(params(&e)[..2], [("error", "'1'"), ("hint", ": extra input '1'")]);
        let e = syntax_error("SELECT 1 +", &ParserError::ParserError("Expected: an expression, found: EOF".into()), 0);
        assert_eq!(params(&e)[..4], [("error", "end of input"), ("hint", ""), ("__line", "1"), ("__pos", "10")]);
    }

    #[test]
    fn positions_of_expressions_leave_out_the_select() {
        let e = syntax_error("a + )", &ParserError::ParserError("Expected: an expression, found: ) at Line: 1, Column: 12".into()), 7);
        assert_eq!(params(&e)[3], ("__pos", "4"));
    }

    #[test]
    fn a_second_statement_is_extra_input() {
        let e = second_statement("SELECT 1; SELECT 2");
        assert_eq!(params(&e)[..4], [("error", "'SELECT'"), ("hint", ": extra input 'SELECT'"), ("__line", "1"), ("__pos", "10")]);
    }
}
