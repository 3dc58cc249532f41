//! Spark's `ParseException` from sqlparser's errors: `PARSE_SYNTAX_ERROR` with the
//! offending token (`error`: `'FROM'`, or `end of input`) and ANTLR's hint (`: extra
//! input 'x'` when a complete statement is followed by more text, as Spark's
//! `SparkParserErrorStrategy` reports it), and the position Spark's message shows
//! (`(line 1, pos 14)` and the text with a marker under it).
//!
//! The position travels as every ParseException's does (`Error::at_position`).
//!
//! Errors about one fragment of the text (a literal out of range, an invalid typed
//! literal) carry Spark's query context instead (`Error::with_query_context`). They are
//! raised where the AST is read, which knows sqlparser's span of the fragment but not
//! the text: `at_span` marks the error with the span, and `place`, called where the
//! text is known, turns it into the context (or drops it).

use crate::error::{Error, ErrorKind};
use sqlparser::parser::ParserError;
use sqlparser::tokenizer::Span;

/// The reserved parameter holding a fragment's span until `place` reads it.
const SPAN: &str = "__span";

/// How Spark's fragment reaches beyond the span sqlparser keeps in the AST.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Reach {
    /// From the token before the span: the type of `DATE '...'`, the minus of
    /// `-40000S`, `WINDOW` before the first window definition.
    pub before: bool,
    /// Past the span's end: a call's `)` (its span ends with its last argument).
    pub after: After,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum After {
    Nothing,
    /// The `)` after the span.
    ClosingParen,
    /// The word after the span (`PRECEDING` of a frame bound).
    Word,
}

impl Reach {
    /// The span itself (`300Y`, whose suffix `parse_sql` joined to the number).
    pub const SPAN: Reach = Reach { before: false, after: After::Nothing };
    pub const TOKEN_BEFORE: Reach = Reach { before: true, after: After::Nothing };
    pub const CLOSING_PAREN: Reach = Reach { before: false, after: After::ClosingParen };
}

/// Marks `e`, a ParseException, as being about the fragment at `span` (no mark when
/// it already has a place in some text, or sqlparser has no span for it).
pub(crate) fn at_span(e: Error, span: Span, reach: Reach) -> Error {
    if e.kind != ErrorKind::Parse || span == Span::empty() || e.params.iter().any(|(k, _)| k == "__sqlText" || k == SPAN) {
        return e;
    }
    let (s, t) = (span.start, span.end);
    let before = if reach.before { '<' } else { '=' };
    let after = match reach.after {
        After::Nothing => '=',
        After::ClosingParen => ')',
        After::Word => '>',
    };
    e.with_param(SPAN, format!("{}:{}:{}:{}:{before}{after}", s.line, s.column, t.line, t.column))
}

/// The query context of an error `at_span` marked, in `text` (what sqlparser read, of
/// which the first `shift` characters, all on its first line, are not the user's:
/// `SELECT ` before an expression). An error without the mark is returned as it is.
pub(crate) fn place(e: Error, text: &str, shift: usize) -> Error {
    let Some(at) = e.params.iter().position(|(k, _)| k == SPAN) else { return e };
    let mut e = e;
    let (_, span) = e.params.remove(at);
    match fragment(&span, text) {
        Some((start, stop)) if start >= shift => {
            let user: String = text.chars().skip(shift).collect();
            e.with_query_context(&user, start - shift, stop - shift)
        }
        _ => e,
    }
}

/// Drops the mark of an error whose text is not the user's (a rewritten statement).
pub(crate) fn unplaced(mut e: Error) -> Error {
    e.params.retain(|(k, _)| k != SPAN);
    e
}

/// Characters `start..=stop` of `text` that the marked span (`line:col:line:col:`,
/// 1-based, end exclusive, then its reach) covers.
fn fragment(span: &str, text: &str) -> Option<(usize, usize)> {
    let parts: Vec<&str> = span.split(':').collect();
    let [start_line, start_column, end_line, end_column, reach] = parts[..] else { return None };
    let number = |n: &str| n.parse::<usize>().ok();
    let chars: Vec<char> = text.chars().collect();
    let line_starts: Vec<usize> = std::iter::once(0).chain(chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(i, _)| i + 1)).collect();
    let offset = |line: &str, column: &str| Some(line_starts.get(number(line)?.checked_sub(1)?)? + number(column)?.checked_sub(1)?);
    let (mut start, end) = (offset(start_line, start_column)?, offset(end_line, end_column)?);
    let mut stop = end.checked_sub(1)?;
    let word = |c: char| c.is_alphanumeric() || c == '_';
    if reach.starts_with('<') {
        let mut i = start;
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        if i > 0 && chars[i - 1] == '-' {
            i -= 1;
        } else {
            while i > 0 && word(chars[i - 1]) {
                i -= 1;
            }
        }
        start = i;
    }
    let mut next = end;
    while next < chars.len() && chars[next].is_whitespace() {
        next += 1;
    }
    match reach.chars().nth(1) {
        Some(')') if chars.get(next) == Some(&')') => stop = next,
        Some('>') if chars.get(next).is_some_and(|c| word(*c)) => {
            while next + 1 < chars.len() && word(chars[next + 1]) {
                next += 1;
            }
            stop = next;
        }
        _ => {}
    }
    (start <= stop && stop < chars.len()).then_some((start, stop))
}

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
            // A query context's fragment is counted from the start of the text.
            "__start" | "__stop" => *v = (v.parse::<usize>().unwrap_or(0) + offset).to_string(),
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

    fn context(e: &Error) -> Vec<(&str, &str)> {
        params(e).into_iter().filter(|(k, _)| k.starts_with("__")).collect()
    }

    fn span(l1: u64, c1: u64, l2: u64, c2: u64) -> Span {
        use sqlparser::tokenizer::Location;
        Span::new(Location::new(l1, c1), Location::new(l2, c2))
    }

    #[test]
    fn a_marked_fragment_becomes_a_query_context_in_the_text() {
        let e = at_span(Error::parse("x"), span(1, 8, 1, 12), Reach::SPAN);
        assert_eq!(context(&place(e, "SELECT 300Y", 0)), [("__sqlText", "SELECT 300Y"), ("__start", "7"), ("__stop", "10")]);
        // An expression was read as `SELECT <text>`: the context is in the user's text.
        let e = at_span(Error::parse("x"), span(1, 13, 1, 17), Reach::SPAN);
        assert_eq!(context(&place(e, "SELECT id + 300Y", 7)), [("__sqlText", "id + 300Y"), ("__start", "5"), ("__stop", "8")]);
        // Lines and characters, not bytes.
        let e = at_span(Error::parse("x"), span(2, 3, 2, 7), Reach::SPAN);
        assert_eq!(context(&place(e, "SELECT 'é',\n  300Y", 0))[1..], [("__start", "14"), ("__stop", "17")]);
    }

    fn fragment_text(text: &str, s: Span, reach: Reach) -> String {
        let e = place(at_span(Error::parse("x"), s, reach), text, 0);
        let p = context(&e);
        let (start, stop): (usize, usize) = (p[1].1.parse().unwrap(), p[2].1.parse().unwrap());
        text.chars().skip(start).take(stop + 1 - start).collect()
    }

    #[test]
    fn a_fragment_can_reach_the_token_before_or_after() {
        let text = "select date   '2020-13-01', -40000S, f(1, 2 )";
        assert_eq!(fragment_text(text, span(1, 15, 1, 27), Reach::TOKEN_BEFORE), "date   '2020-13-01'");
        assert_eq!(fragment_text(text, span(1, 30, 1, 36), Reach::TOKEN_BEFORE), "-40000S");
        assert_eq!(fragment_text(text, span(1, 38, 1, 44), Reach::CLOSING_PAREN), "f(1, 2 )");
        let bound = Reach { before: false, after: After::Word };
        assert_eq!(fragment_text("ROWS BETWEEN x PRECEDING AND", span(1, 14, 1, 15), bound), "x PRECEDING");
        let windows = Reach { before: true, after: After::ClosingParen };
        assert_eq!(fragment_text("FROM t WINDOW w AS (ORDER BY id) x", span(1, 15, 1, 32), windows), "WINDOW w AS (ORDER BY id)");
    }

    #[test]
    fn an_error_with_a_place_or_without_a_span_is_not_marked() {
        let placed = syntax_error_at("SELECT 1", 1, 0, "x");
        assert_eq!(at_span(placed.clone(), span(1, 1, 1, 2), Reach::SPAN).params, placed.params);
        assert!(at_span(Error::parse("x"), Span::empty(), Reach::SPAN).params.is_empty());
        assert!(unplaced(at_span(Error::parse("x"), span(1, 1, 1, 2), Reach::SPAN)).params.is_empty());
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
