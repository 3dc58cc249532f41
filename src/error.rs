//! One error type for the whole crate, shaped like PySpark's exceptions: a Python
//! exception class (`kind`), Spark's error class and its message parameters.

use std::fmt;

pub mod query_context;
pub(crate) mod sql_lexer;
pub mod unresolved_name;

/// The reserved parameter of an error whose context is its whole statement.
const STATEMENT_CONTEXT: &str = "__statementContext";
const CONTEXT_SETTLED: &str = "__contextSettled";

/// The PySpark exception class an error surfaces as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Analysis,
    Parse,
    Arithmetic,
    NumberFormat,
    DateTime,
    IllegalArgument,
    Unsupported,
    TypeError,
    ValueError,
    Runtime,
    ArrayIndexOutOfBounds,
    /// Spark's `SparkUpgradeException` (behaviour that changed with Spark 3.0).
    Upgrade,
    /// PySpark's `PythonException`: an exception raised inside a user's Python function.
    Python,
}

impl ErrorKind {
    /// Name of the class in `pyspark.errors`.
    pub fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Analysis => "AnalysisException",
            ErrorKind::Parse => "ParseException",
            ErrorKind::Arithmetic => "ArithmeticException",
            ErrorKind::NumberFormat => "NumberFormatException",
            ErrorKind::DateTime => "DateTimeException",
            ErrorKind::IllegalArgument => "IllegalArgumentException",
            ErrorKind::Unsupported => "PySparkNotImplementedError",
            ErrorKind::TypeError => "PySparkTypeError",
            ErrorKind::ValueError => "PySparkValueError",
            ErrorKind::Runtime => "SparkRuntimeException",
            ErrorKind::ArrayIndexOutOfBounds => "ArrayIndexOutOfBoundsException",
            ErrorKind::Upgrade => "SparkUpgradeException",
            ErrorKind::Python => "PythonException",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    /// Spark's error class, e.g. `UNRESOLVED_COLUMN.WITH_SUGGESTION`.
    pub error_class: Option<String>,
    pub params: Vec<(String, String)>,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error with a Spark error class. The `[CLASS] ` prefix of the message is
    /// added on the Python side, as PySpark's exceptions print it.
    pub fn new(kind: ErrorKind, error_class: &str, message: impl Into<String>) -> Self {
        Error { kind, error_class: Some(error_class.to_string()), params: vec![], message: message.into() }
    }

    pub fn plain(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, error_class: None, params: vec![], message: message.into() }
    }

    pub fn with_param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.params.push((key.to_string(), value.into()));
        self
    }

    pub fn analysis(error_class: &str, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Analysis, error_class, message)
    }

    pub fn parse(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Parse, "PARSE_SYNTAX_ERROR", message)
    }

    /// Where a ParseException points, as Spark's `ParseException.getMessage` shows it
    /// (`(line 1, pos 14)` and `text` with a marker under that place): `line` 1-based,
    /// `pos` 0-based characters into that line. The place travels to Python in reserved
    /// parameters (`__line`, `__pos`, `__sqlText`), which `pyrust.errors.ParseException`
    /// takes out of the parameters and writes after the message.
    pub fn at_position(self, text: &str, line: usize, pos: usize) -> Self {
        self.with_param("__line", line.to_string()).with_param("__pos", pos.to_string()).with_param("__sqlText", text)
    }

    /// Spark's query context (`SQLQueryContext`): the error is about characters
    /// `start..=stop` of the SQL `text`, which PySpark's message ends with
    /// (`== SQL (line 1, position 8) ==`, the line and carets under the fragment, drawn
    /// by `query_context::summary`) and `getQueryContext()` returns. It travels to
    /// Python as the position does (`__sqlText`), with `__start`/`__stop` in place of
    /// `__line`/`__pos`: a context replaces the position marker, as in Spark.
    pub fn with_query_context(mut self, text: &str, start: usize, stop: usize) -> Self {
        self.params.retain(|(k, _)| !matches!(k.as_str(), "__line" | "__pos" | "__sqlText" | "__start" | "__stop"));
        self.with_param("__sqlText", text).with_param("__start", start.to_string()).with_param("__stop", stop.to_string())
    }

    /// Spark's `DataFrameQueryContext`: the error is about the expression the DataFrame
    /// API call `fragment` (`__truediv__`, `cast`) built at `call_site` (`path:line`).
    /// PySpark's message ends with `== DataFrame ==`, `"fragment" was called from` and
    /// the call site; it travels to Python in `__fragment`/`__callSite`.
    pub fn with_dataframe_context(self, fragment: &str, call_site: &str) -> Self {
        self.with_param("__fragment", fragment).with_param("__callSite", call_site)
    }

    /// True when the error already points into SQL text (a position or a context) or
    /// at a DataFrame API call.
    /// The error's context is already what Spark gives it (none, say, for a row check
    /// whose node has no origin): an origin met on the way out does not replace it.
    pub fn with_settled_context(self) -> Self {
        self.with_param(CONTEXT_SETTLED, "")
    }

    fn has_settled_context(&self) -> bool {
        self.params.iter().any(|(k, _)| k == CONTEXT_SETTLED)
    }

    pub fn has_query_context(&self) -> bool {
        self.params.iter().any(|(k, _)| k == "__sqlText" || k == "__fragment" || k == STATEMENT_CONTEXT)
    }

    /// The error's context is the whole statement it was raised in (Spark's for an
    /// unknown name inside a lambda's body: the plan's origin): `spark.sql` gives it its
    /// text (`statement_context`); an `expr()` string has none.
    pub fn with_statement_context(self) -> Self {
        self.with_param(STATEMENT_CONTEXT, "1")
    }

    /// The error with `statement` (all of it) as its context, when it asks for it.
    pub fn statement_context(self, statement: &str) -> Self {
        if !self.params.iter().any(|(k, _)| k == STATEMENT_CONTEXT) {
            return self;
        }
        let last = statement.chars().count().saturating_sub(1);
        let mut e = self.with_query_context(statement, 0, last);
        e.params.retain(|(k, _)| k != STATEMENT_CONTEXT);
        e
    }

    /// The error of an expression with an origin (read from SQL text, or built by a
    /// DataFrame API call): its origin becomes the query context, unless the error has
    /// one already (a nested expression's, which is nearer to the cause, as Spark
    /// reports the expression that failed). `CAST_OVERFLOW` never has one: Spark's
    /// `castingCauseOverflowError` is raised without a context, in SQL and DataFrames.
    pub fn with_origin(self, origin: &crate::ir::Origin) -> Self {
        if self.has_query_context() || self.has_settled_context() || self.error_class.as_deref() == Some("CAST_OVERFLOW") {
            return self;
        }
        match origin {
            crate::ir::Origin::Sql { text, start, stop } => self.with_query_context(text, *start, *stop),
            crate::ir::Origin::DataFrame { fragment, call_site } => self.with_dataframe_context(fragment, call_site),
            crate::ir::Origin::SqlText { .. } => self,
        }
    }

    /// A ParseException of Spark's condition `error_class` with its parameters, at byte
    /// `offset` of `text`. `message` is the condition's text, used only where Python
    /// has no template for it.
    pub fn parse_at(text: &str, offset: usize, error_class: &str, message: &str, params: Vec<(&str, String)>) -> Self {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let pos = before.rsplit('\n').next().unwrap_or_default().chars().count();
        let e = params.into_iter().fold(Self::new(ErrorKind::Parse, error_class, message), |e, (k, v)| e.with_param(k, v));
        e.at_position(text, line, pos)
    }

    /// Spark's error for a text with no statement in it, pointing at its end.
    pub fn empty_statement(text: &str) -> Self {
        Self::parse_at(text, text.len(), "PARSE_EMPTY_STATEMENT", "Syntax error, unexpected empty statement.", vec![])
    }

    /// An API or feature PyRust does not implement (yet); names it.
    pub fn unsupported(what: impl Into<String>) -> Self {
        let what = what.into();
        Self::new(ErrorKind::Unsupported, "NOT_IMPLEMENTED", format!("{what} is not implemented in PyRust yet."))
            .with_param("feature", what)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Runtime, "INTERNAL_ERROR", message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error_class {
            Some(class) => write!(f, "[{class}] {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Spark's `ordinalNumber` for the `n`th (from 1) parameter or input an error names:
/// "first", "second", "third", then "4th", "5th" ...
pub fn ordinal(n: usize) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(e: &Error) -> Vec<(&str, &str)> {
        e.params.iter().filter(|(k, _)| k.starts_with("__")).map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }

    #[test]
    fn parse_errors_carry_their_place_in_reserved_parameters() {
        let e = Error::parse_at("a int,,", 6, "PARSE_SYNTAX_ERROR", "Syntax error at or near ','.", vec![("error", "','".into())]);
        assert_eq!(e.params[0], ("error".to_string(), "','".to_string()));
        assert_eq!(position(&e), [("__line", "1"), ("__pos", "6"), ("__sqlText", "a int,,")]);
        // Characters, not bytes; lines counted from 1.
        let e = Error::parse_at("é\nab x", 6, "PARSE_SYNTAX_ERROR", "", vec![]);
        assert_eq!(position(&e)[..2], [("__line", "2"), ("__pos", "3")]);
    }

    #[test]
    fn the_innermost_origin_is_the_context() {
        let text: std::sync::Arc<str> = std::sync::Arc::from("SELECT abs(1 / 0)");
        let inner = crate::ir::Origin::sql(text.clone(), 11, 15);
        let outer = crate::ir::Origin::sql(text, 7, 16);
        let e = Error::new(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "x").with_origin(&inner).with_origin(&outer);
        assert_eq!(position(&e), [("__sqlText", "SELECT abs(1 / 0)"), ("__start", "11"), ("__stop", "15")]);
    }

    #[test]
    fn a_dataframe_origin_is_its_call_and_call_site() {
        let api = crate::ir::Origin::dataframe("__truediv__", "job.py:12");
        let e = Error::new(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "x").with_origin(&api);
        assert_eq!(position(&e), [("__fragment", "__truediv__"), ("__callSite", "job.py:12")]);
        // Inside an SQL expression's origin, the nearer one stays.
        let sql = crate::ir::Origin::sql(std::sync::Arc::from("a + 1"), 0, 4);
        assert_eq!(position(&e.with_origin(&sql)), [("__fragment", "__truediv__"), ("__callSite", "job.py:12")]);
    }

    #[test]
    fn a_query_context_replaces_the_position() {
        let e = Error::parse_at("SELECT 300Y", 7, "INVALID_NUMERIC_LITERAL_RANGE", "", vec![]).with_query_context("SELECT 300Y", 7, 10);
        assert_eq!(position(&e), [("__sqlText", "SELECT 300Y"), ("__start", "7"), ("__stop", "10")]);
    }

    #[test]
    fn an_empty_statement_points_at_the_end() {
        assert_eq!(position(&Error::empty_statement(""))[..2], [("__line", "1"), ("__pos", "0")]);
        assert_eq!(position(&Error::empty_statement("  \n  "))[..2], [("__line", "2"), ("__pos", "2")]);
    }
}
