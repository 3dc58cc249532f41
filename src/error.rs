//! One error type for the whole crate, shaped like PySpark's exceptions: a Python
//! exception class (`kind`), Spark's error class and its message parameters.

use std::fmt;

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

    /// A ParseException as Spark's parser reports it: the message (ending in its
    /// SQLSTATE), then where it stopped (`(line 1, pos n)`, `pos` a byte offset into a
    /// one-line `text`) and the text with a marker under that position.
    pub fn parse_at(text: &str, pos: usize, error_class: &str, message: &str, params: Vec<(&str, String)>) -> Self {
        let column = text.get(..pos).unwrap_or(text).chars().count();
        let mut e = Self::new(
            ErrorKind::Parse,
            error_class,
            format!("{message} (line 1, pos {column})\n\n== SQL ==\n{text}\n{}^^^\n", "-".repeat(column)),
        );
        for (k, v) in params {
            e = e.with_param(k, v);
        }
        e
    }

    /// Spark's error for a text with no statement in it.
    pub fn empty_statement(text: &str) -> Self {
        Self::parse_at(text, 0, "PARSE_EMPTY_STATEMENT", "Syntax error, unexpected empty statement. SQLSTATE: 42617", vec![])
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
