//! Origins (`ir::Origin`) of the expressions read from SQL text, as Spark's parser
//! gives every expression the fragment it was parsed from (`ParserUtils.withOrigin`).
//!
//! `convert` reads the AST without the text; the text being read is kept here, for
//! the time its statement (or `expr()` string) is converted (`reading`). sqlparser's
//! spans cover less than Spark's fragments (a CAST's span is its operand's, a call's
//! ends with its last argument, parentheses are not in it), so `extent` widens them
//! over the text as Spark's parse tree would.

use crate::ir::{Expr, Origin};
use sqlparser::ast::{self as sql, Spanned};
use sqlparser::tokenizer::{Location, Span};
use std::cell::RefCell;
use std::sync::Arc;

struct Text {
    /// What sqlparser read, as characters.
    chars: Vec<char>,
    /// Where each line starts (a character index).
    line_starts: Vec<usize>,
    /// The first `shift` characters (all on the first line) are not the user's:
    /// `SELECT ` before an `expr()` string.
    shift: usize,
    user: Arc<str>,
}

impl Text {
    fn of(text: &str, shift: usize) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let line_starts = std::iter::once(0).chain(chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(i, _)| i + 1)).collect();
        let user: Arc<str> = Arc::from(chars.iter().skip(shift).collect::<String>());
        Text { chars, line_starts, shift, user }
    }
}

thread_local! {
    static TEXT: RefCell<Option<Text>> = const { RefCell::new(None) };
}

/// Runs `f` (the conversion of `text`, whose first `shift` characters are not the
/// user's) with origins in `text`; `None`: no origins (a text PyRust rewrote).
pub(crate) fn reading<T>(text: Option<&str>, shift: usize, f: impl FnOnce() -> T) -> T {
    let text = text.map(|t| Text::of(t, shift));
    let previous = TEXT.with(|t| t.replace(text));
    let out = f();
    TEXT.with(|t| t.replace(previous));
    out
}

/// `e`, converted from `written`, with the origin of `written` (as it is when no text
/// is being read).
pub(crate) fn located(e: Expr, written: Option<(usize, usize)>) -> Expr {
    let origin = TEXT.with(|t| {
        let t = t.borrow();
        let t = t.as_ref()?;
        let (start, end) = written?;
        (start >= t.shift && start < end && end <= t.chars.len())
            .then(|| Origin::sql(t.user.clone(), start - t.shift, end - 1 - t.shift))
    });
    match origin {
        Some(origin) => Expr::WithOrigin { expr: Box::new(e), origin },
        None => e,
    }
}

/// Functions whose errors at run time carry their call's context in Spark (PySpark
/// 4.0.1, in SQL text and in the DataFrame API alike), with the number of arguments
/// they do (None: any). `to_date(s)`/`to_timestamp(s)` are casts (CAST_INVALID_INPUT
/// names the call); with a format their CANNOT_PARSE_TIMESTAMP has no context, nor
/// have `make_date`, `abs`, `assert_true` or `raise_error`.
const FAILING_FUNCTIONS: &[(&str, Option<usize>)] =
    &[("element_at", None), ("conv", None), ("pmod", None), ("to_date", Some(1)), ("to_timestamp", Some(1))];

/// Whether the errors of the call of `name` with `arity` arguments carry the context of
/// the call in Spark.
pub(crate) fn reports_its_call(name: &str, arity: usize) -> bool {
    FAILING_FUNCTIONS.iter().any(|(n, a)| n.eq_ignore_ascii_case(name) && a.is_none_or(|a| a == arity))
}

/// Whether `e` can fail where Spark reports its fragment: arithmetic (overflow,
/// division by zero), casts, negation, array subscripts and the calls of
/// `FAILING_FUNCTIONS`. Only these carry an origin: the rest of the IR keeps its shape.
pub(crate) fn may_fail(e: &sql::Expr) -> bool {
    use sql::BinaryOperator as B;
    match e {
        sql::Expr::BinaryOp { op, .. } => {
            matches!(op, B::Plus | B::Minus | B::Multiply | B::Divide | B::Modulo | B::MyIntegerDivide | B::DuckIntegerDivide)
        }
        sql::Expr::Cast { .. } => true,
        sql::Expr::UnaryOp { op: sql::UnaryOperator::Minus, expr } => !matches!(**expr, sql::Expr::Value(_)),
        sql::Expr::CompoundFieldAccess { access_chain, .. } => {
            access_chain.iter().any(|a| matches!(a, sql::AccessExpr::Subscript(_)))
        }
        sql::Expr::Function(f) => {
            let arity = match &f.args {
                sql::FunctionArguments::List(list) => list.args.len(),
                _ => 0,
            };
            reports_its_call(&f.name.to_string(), arity)
        }
        _ => false,
    }
}

/// The characters `start..end` of the text being read that Spark's fragment of `e`
/// covers; None without a text or a span.
pub(crate) fn extent(e: &sql::Expr) -> Option<(usize, usize)> {
    TEXT.with(|t| {
        let t = t.borrow();
        let t = t.as_ref()?;
        widened(t, e)
    })
}

fn offset(t: &Text, at: Location) -> Option<usize> {
    let line = t.line_starts.get((at.line as usize).checked_sub(1)?)?;
    Some(line + (at.column as usize).checked_sub(1)?)
}

fn span_chars(t: &Text, span: Span) -> Option<(usize, usize)> {
    if span == Span::empty() {
        return None;
    }
    let (start, end) = (offset(t, span.start)?, offset(t, span.end)?);
    (start < end && end <= t.chars.len()).then_some((start, end))
}

fn skip_space_back(t: &Text, mut i: usize) -> usize {
    while i > 0 && t.chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

fn skip_space(t: &Text, mut i: usize) -> usize {
    while i < t.chars.len() && t.chars[i].is_whitespace() {
        i += 1;
    }
    i
}

fn word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Past the `)` that closes the parenthesis open at `i` (the text's end if none).
fn past_closing(t: &Text, mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < t.chars.len() {
        match t.chars[i] {
            '(' => depth += 1,
            ')' if depth == 0 => return i + 1,
            ')' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// From `i`, past `expected` (after blanks), or None when it is not there.
fn past(t: &Text, i: usize, expected: &str) -> Option<usize> {
    let i = skip_space(t, i);
    let n = expected.chars().count();
    (t.chars.get(i..i + n)?.iter().copied().eq(expected.chars())).then_some(i + n)
}

fn widened(t: &Text, e: &sql::Expr) -> Option<(usize, usize)> {
    match e {
        sql::Expr::Nested(inner) => {
            let (s, end) = widened(t, inner)?;
            let s = skip_space_back(t, s);
            let s = if s > 0 && t.chars[s - 1] == '(' { s - 1 } else { s };
            Some((s, past(t, end, ")").unwrap_or(end)))
        }
        sql::Expr::BinaryOp { left, right, .. } => Some((widened(t, left)?.0, widened(t, right)?.1)),
        sql::Expr::UnaryOp { op: sql::UnaryOperator::Minus, expr } => {
            let (s, end) = widened(t, expr)?;
            let before = skip_space_back(t, s);
            Some((if before > 0 && t.chars[before - 1] == '-' { before - 1 } else { s }, end))
        }
        sql::Expr::Cast { kind: sql::CastKind::DoubleColon, expr, .. } => {
            let (s, end) = widened(t, expr)?;
            let mut i = skip_space(t, past(t, end, "::")?);
            while i < t.chars.len() && word(t.chars[i]) {
                i += 1;
            }
            // A type with parameters (`decimal(10, 2)`).
            let i = match past(t, i, "(") {
                Some(open) => past_closing(t, open),
                None => i,
            };
            Some((s, i))
        }
        sql::Expr::Cast { expr, .. } => {
            // `CAST(` before the operand, the rest up to the closing parenthesis.
            let (s, end) = widened(t, expr)?;
            let mut b = skip_space_back(t, s);
            if b == 0 || t.chars[b - 1] != '(' {
                return None;
            }
            b = skip_space_back(t, b - 1);
            while b > 0 && word(t.chars[b - 1]) {
                b -= 1;
            }
            Some((b, past_closing(t, end)))
        }
        sql::Expr::Function(f) => {
            let (s, end) = span_chars(t, f.span())?;
            // The span ends with the last argument (or the name): through the `)` that
            // closes the one after the name (a last argument in parentheses has its own).
            let after_name = span_chars(t, f.name.span()).map_or(end, |(_, e)| e);
            let end = match past(t, after_name, "(").or_else(|| past(t, end, "(")) {
                Some(open) => past_closing(t, open),
                None => past_closing(t, end),
            };
            Some((s, end))
        }
        sql::Expr::CompoundFieldAccess { root, access_chain } => {
            let (s, mut end) = widened(t, root)?;
            for access in access_chain {
                end = match access {
                    sql::AccessExpr::Subscript(sql::Subscript::Index { index }) => {
                        let (_, e) = widened(t, index)?;
                        past(t, e, "]")?
                    }
                    other => span_chars(t, other.span())?.1,
                };
            }
            Some((s, end))
        }
        sql::Expr::TypedString(ts) => {
            let (s, end) = span_chars(t, ts.value.span)?;
            let mut b = skip_space_back(t, s);
            while b > 0 && word(t.chars[b - 1]) {
                b -= 1;
            }
            Some((b, end))
        }
        other => span_chars(t, other.span()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fragment Spark shows for the first select item of `text`.
    fn fragment(text: &str) -> String {
        let statements = super::super::parse_sql(text).unwrap();
        let sql::Statement::Query(q) = &statements[0] else { panic!() };
        let sql::SetExpr::Select(s) = q.body.as_ref() else { panic!() };
        let item = match &s.projection[0] {
            sql::SelectItem::UnnamedExpr(e) | sql::SelectItem::ExprWithAlias { expr: e, .. } => e.clone(),
            _ => panic!(),
        };
        reading(Some(text), 0, || {
            let (s, e) = extent(&item).unwrap();
            text.chars().skip(s).take(e - s).collect()
        })
    }

    // Fragments as Spark 4.0.1 shows them in these queries' errors.
    #[test]
    fn fragments_cover_what_spark_parsed() {
        assert_eq!(fragment("SELECT 1/0"), "1/0");
        assert_eq!(fragment("SELECT CAST('a' AS INT) AS x"), "CAST('a' AS INT)");
        assert_eq!(fragment("SELECT try_cast( 'a' AS DECIMAL(10, 2) ) + 1"), "try_cast( 'a' AS DECIMAL(10, 2) ) + 1");
        assert_eq!(fragment("SELECT 'a'::int"), "'a'::int");
        assert_eq!(fragment("SELECT (a + 1) * 2 FROM t"), "(a + 1) * 2");
        assert_eq!(fragment("SELECT element_at(array(1, 2), 5 ) FROM t"), "element_at(array(1, 2), 5 )");
        assert_eq!(fragment("SELECT array(1,2)[5]"), "array(1,2)[5]");
        assert_eq!(fragment("SELECT - a FROM t"), "- a");
        assert_eq!(fragment("SELECT conv(s, 10, 16) FROM t"), "conv(s, 10, 16)");
        assert_eq!(fragment("SELECT pmod(a, (0)) FROM t"), "pmod(a, (0))");
        assert_eq!(fragment("SELECT a + nosuchfn(a, (1)) FROM t"), "a + nosuchfn(a, (1))");
    }

    #[test]
    fn only_calls_that_fail_with_their_context_have_one() {
        let first = |text: &str| {
            let statements = super::super::parse_sql(text).unwrap();
            let sql::Statement::Query(q) = &statements[0] else { panic!() };
            let sql::SetExpr::Select(s) = q.body.as_ref() else { panic!() };
            let sql::SelectItem::UnnamedExpr(e) = &s.projection[0] else { panic!() };
            may_fail(e)
        };
        assert!(first("SELECT to_date(s) FROM t") && first("SELECT PMOD(a, b) FROM t"));
        assert!(!first("SELECT to_date(s, 'yyyy') FROM t") && !first("SELECT abs(a) FROM t"));
    }

    #[test]
    fn an_origin_is_in_the_users_text() {
        let read = reading(Some("SELECT id / 0"), 7, || located(Expr::col("x"), Some((7, 13))));
        let Expr::WithOrigin { origin: Origin::Sql { text, start, stop }, .. } = read else { panic!("no origin") };
        assert_eq!((&*text, start, stop), ("id / 0", 0, 5));
        // Nothing is located without a text, or before the user's.
        assert_eq!(located(Expr::col("x"), Some((0, 3))), Expr::col("x"));
        assert!(!matches!(reading(Some("SELECT id"), 7, || located(Expr::col("x"), Some((0, 6)))), Expr::WithOrigin { .. }));
    }
}
