//! Spark's CSV output (`UnivocityGenerator` over univocity's `CsvWriter`): values as
//! Spark prints them (numbers as Java does, decimals as `BigDecimal.toString`, dates and
//! timestamps with `dateFormat`/`timestampFormat` in the session time zone), leading
//! and trailing white space dropped by default, a value quoted when it holds the
//! separator, the quote or a line break, a quote inside it escaped with `escape`.

use super::super::options::{flag, get};
use super::OPTIONS;
use crate::compat::cast_text::{to_text, TextStyle};
use crate::compat::datetime_kernels::{format_timestamps, PatternArg};
use crate::compat::datetime_pattern::compile;
use crate::compat::timezone::{self, Zone};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, col, IntoLazy};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How values are written, from the writer options.
struct Layout {
    sep: String,
    quote: Option<char>,
    escape: char,
    null_value: String,
    empty_value: String,
    trim_leading: bool,
    trim_trailing: bool,
    quote_all: bool,
    /// `escapeQuotes`: a value holding the quote is quoted (and the quote escaped);
    /// false: only one that starts with it (or needs quotes anyway) is.
    escape_quotes: bool,
    /// `charToEscapeQuoteEscaping`: what escapes the escape character inside quotes
    /// (univocity's default: the escape itself, nothing when it is the quote).
    escape_escape: Option<char>,
    line_sep: String,
}

fn layout(options: &BTreeMap<String, String>) -> Result<Layout> {
    let text = |name: &str, default: &str| get(OPTIONS, options, name).unwrap_or(default).to_string();
    let sep = match text("sep", ",").as_str() {
        "\\t" => "\t".to_string(),
        s => s.to_string(),
    };
    let line_sep = super::line_separator(options)?.unwrap_or("\n").to_string();
    let quote = get(OPTIONS, options, "quote").map_or(Some('"'), |q| q.chars().next());
    let escape = text("escape", "\\").chars().next().unwrap_or('\\');
    let escape_escape = match get(OPTIONS, options, "charToEscapeQuoteEscaping") {
        Some(c) if c.chars().count() > 1 => {
            return Err(Error::new(ErrorKind::Runtime, "_LEGACY_ERROR_TEMP_2145", "charToEscapeQuoteEscaping cannot be more than one character."))
        }
        Some(c) if !c.is_empty() => c.chars().next(),
        _ => (Some(escape) != quote).then_some(escape),
    };
    Ok(Layout {
        sep,
        quote,
        escape,
        null_value: text("nullValue", ""),
        empty_value: text("emptyValue", "\"\""),
        trim_leading: flag(OPTIONS, options, "ignoreLeadingWhiteSpace", true),
        trim_trailing: flag(OPTIONS, options, "ignoreTrailingWhiteSpace", true),
        quote_all: flag(OPTIONS, options, "quoteAll", false),
        escape_quotes: flag(OPTIONS, options, "escapeQuotes", true),
        escape_escape,
        line_sep,
    })
}

/// Univocity's white space: any character up to the space.
fn is_white(c: char) -> bool {
    c <= ' '
}

impl Layout {
    /// One field as univocity writes it.
    fn field(&self, value: Option<&str>, first: bool, out: &mut String) {
        let Some(v) = value else {
            return if self.quote_all { self.quoted(&self.null_value, out) } else { out.push_str(&self.null_value) };
        };
        let v = if self.trim_leading { v.trim_start_matches(is_white) } else { v };
        let v = if self.trim_trailing { v.trim_end_matches(is_white) } else { v };
        if v.is_empty() {
            return out.push_str(&self.empty_value);
        }
        let Some(q) = self.quote else { return out.push_str(v) };
        let first_sep = self.sep.chars().next().unwrap_or(',');
        // univocity also quotes a line that starts with its default comment character.
        let needs = self.quote_all
            || v.contains([first_sep, '\n', '\r'])
            || (self.escape_quotes && v.contains(q))
            || v.starts_with(q)
            || v.contains(|c| self.line_sep.contains(c))
            || (first && v.starts_with('#'));
        if !needs {
            return out.push_str(v);
        }
        self.quoted(v, out)
    }

    /// A value in quotes; inside them the escape character escapes quotes and itself, and
    /// univocity's normalized newline (a one-character line separator itself, else `\n`)
    /// is written as the line separator.
    fn quoted(&self, v: &str, out: &mut String) {
        let Some(q) = self.quote else { return out.push_str(v) };
        let two_char_sep = self.line_sep.encode_utf16().count() == 2;
        out.push(q);
        for c in v.chars() {
            if c == '\n' && two_char_sep {
                out.push_str(&self.line_sep);
                continue;
            }
            if c == q {
                out.push(self.escape);
            } else if c == self.escape {
                if let Some(e) = self.escape_escape {
                    out.push(e);
                }
            }
            out.push(c);
        }
        out.push(q);
    }

    fn line(&self, values: &[Option<&str>], out: &mut String) {
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.sep);
            }
            self.field(*v, i == 0, out);
        }
        out.push_str(&self.line_sep);
    }
}

/// The writers' `dateFormat`, `timestampFormat` and `timestampNTZFormat` defaults
/// (the same for CSV and JSON).
const DATE_FORMAT: &str = "yyyy-MM-dd";
const TIMESTAMP_FORMAT: &str = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
const TIMESTAMP_NTZ_FORMAT: &str = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";

/// A DATE, TIMESTAMP or TIMESTAMP_NTZ column as a writer's pattern option (or its
/// default) prints it, timestamps in `zone`; None for other types. `table` is the
/// writer's option table (CSV's or JSON's).
pub(crate) fn datetime_text(c: pl::Expr, t: &DataType, table: &[super::super::options::Spec], options: &BTreeMap<String, String>, zone: &Zone) -> Result<Option<pl::Expr>> {
    let fixed = |name: &str, default: &str| -> Result<PatternArg> {
        let p = get(table, options, name).unwrap_or(default);
        Ok(PatternArg::Fixed(Arc::new(compile(p, false)?)))
    };
    let utc = timezone::parse("UTC")?;
    Ok(Some(match t {
        DataType::Timestamp => format_timestamps(c, fixed("timestampFormat", TIMESTAMP_FORMAT)?, zone.clone()),
        DataType::TimestampNtz => format_timestamps(c, fixed("timestampNTZFormat", TIMESTAMP_NTZ_FORMAT)?, utc),
        DataType::Date => {
            let micros = c.cast(pl::DataType::Datetime(pl::TimeUnit::Microseconds, None));
            format_timestamps(micros, fixed("dateFormat", DATE_FORMAT)?, utc)
        }
        _ => return Ok(None),
    }))
}

/// Each column of `fields` as the text Spark writes for it (NULL stays NULL).
fn texts(df: pl::DataFrame, fields: &[StructField], options: &BTreeMap<String, String>, session_time_zone: &str) -> Result<pl::DataFrame> {
    let zone = timezone::parse(session_time_zone)?;
    let mut exprs = vec![];
    for f in fields {
        let c = col(f.name.as_str());
        let e = match datetime_text(c.clone(), &f.data_type, OPTIONS, options, &zone)? {
            Some(e) => e,
            None => to_text(c, &f.data_type, text_style(&f.data_type, &zone)),
        };
        exprs.push(e.alias(f.name.as_str()));
    }
    // In memory: batches of a streamed write are encoded inside the streaming engine.
    Ok(df.lazy().select(exprs).collect_with_engine(pl::Engine::InMemory)?.unwrap_single())
}

/// Decimals as `Decimal.toString` (Java's `BigDecimal.toString`, exponent and all).
fn text_style(t: &DataType, zone: &Zone) -> TextStyle {
    TextStyle { zone: zone.clone(), plain_decimals: !matches!(t, DataType::Decimal(..)) }
}

/// The header line of a CSV file (`header` option), with the writer's layout.
pub fn header_text(fields: &[StructField], options: &BTreeMap<String, String>) -> Result<Option<String>> {
    let layout = layout(options)?;
    if !flag(OPTIONS, options, "header", false) {
        return Ok(None);
    }
    let names: Vec<Option<&str>> = fields.iter().map(|f| Some(f.name.as_str())).collect();
    let mut out = String::new();
    layout.line(&names, &mut out);
    Ok(Some(out))
}

/// The CSV lines of the rows of `df` (columns named as `fields`).
pub fn rows_text(df: pl::DataFrame, fields: &[StructField], options: &BTreeMap<String, String>, session_time_zone: &str) -> Result<String> {
    let layout = layout(options)?;
    let texts = texts(df, fields, options, session_time_zone)?;
    let columns = texts.columns().iter().map(|c| c.as_materialized_series().str().cloned()).collect::<pl::PolarsResult<Vec<_>>>()?;
    let mut out = String::new();
    let mut row: Vec<Option<&str>> = Vec::with_capacity(columns.len());
    for i in 0..texts.height() {
        row.clear();
        row.extend(columns.iter().map(|c| c.get(i)));
        layout.line(&row, &mut out);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(options: &[(&str, &str)], values: &[Option<&str>]) -> String {
        let l = layout(&options.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()).unwrap();
        let mut out = String::new();
        l.line(values, &mut out);
        out
    }

    #[test]
    fn quoting_as_univocity_quotes() {
        assert_eq!(written(&[], &[Some("a b"), Some(" lead"), Some("x,y"), None, Some("")]), "a b,lead,\"x,y\",,\"\"\n");
        assert_eq!(written(&[], &[Some("q\"uote"), Some("nl\nx")]), "\"q\\\"uote\",\"nl\nx\"\n");
        assert_eq!(written(&[("quote", "'"), ("sep", ";"), ("nullValue", "NULL")], &[Some("q\"uote"), None]), "q\"uote;NULL\n");
        assert_eq!(written(&[("ignoreLeadingWhiteSpace", "false"), ("emptyValue", "E")], &[Some(" lead"), Some("")]), " lead,E\n");
        assert_eq!(written(&[], &[Some("a\\b"), Some("a\\\"b"), Some("#c"), Some(" ")]), "a\\b,\"a\\\\\\\"b\",#c,\"\"\n");
        assert_eq!(written(&[], &[Some("#c")]), "\"#c\"\n");
        assert_eq!(written(&[("quoteAll", "true")], &[Some("a\\b")]), "\"a\\\\b\"\n");
        assert_eq!(written(&[("escape", "\""), ("lineSep", "\r\n")], &[Some("a\\\"b"), Some("\"")]), "\"a\\\"\"b\",\"\"\"\"\r\n");
        // Observed on PySpark 4.0.1: a value holding a line separator character is quoted;
        // `\n` becomes a two-character separator, a one-character one keeps it.
        assert_eq!(written(&[("lineSep", ";")], &[Some("a;b"), Some("x\ny")]), "\"a;b\",\"x\ny\";");
        assert_eq!(written(&[("lineSep", "||")], &[Some("c|d"), Some("p\r\nq")]), "\"c|d\",\"p\r||q\"||");
    }

    #[test]
    fn unescaped_quotes_and_escape_escaping() {
        // Observed on PySpark 4.0.1 with escapeQuotes=false and charToEscapeQuoteEscaping.
        let values = [Some("a\"b"), Some("\"q\""), Some("x,\"y\""), Some("a\\\"b")];
        assert_eq!(written(&[("escapeQuotes", "false")], &values), "a\"b,\"\\\"q\\\"\",\"x,\\\"y\\\"\",a\\\"b\n");
        assert_eq!(written(&[("escapeQuotes", "false"), ("escape", "\"")], &values), "a\"b,\"\"\"q\"\"\",\"x,\"\"y\"\"\",a\\\"b\n");
        assert_eq!(written(&[("charToEscapeQuoteEscaping", "#")], &values[3..]), "\"a#\\\\\"b\"\n");
    }
}
