//! Text files: one STRING column `value`, a row per line (or per file with
//! `wholetext`), lines ending at `\n`, `\r\n` or `\r` as Hadoop's line reader ends them.

use super::options::{spec, Direction, Kind, Spec, Support};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, IntoLazy};

/// Spark's text options (`TextOptions`), and what PyRust does with each.
pub const OPTIONS: &[Spec] = &[
    spec("wholetext", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("lineSep", Kind::Text, "\\n, \\r or \\r\\n (read), \\n (write)", Direction::Both, Support::Yes),
    spec("encoding", Kind::Text, "UTF-8", Direction::Read, Support::Values(&["utf-8", "utf8"])),
    spec("compression", Kind::Text, "none", Direction::Write, Support::Yes),
    // Spark's text source reads no `codec` option (CSV's alias): accepted and ignored as there.
    spec("codec", Kind::Text, "", Direction::Write, Support::Yes),
];

/// The lines of a text, as Hadoop's `LineReader` splits it (no empty row after a final
/// line break).
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = vec![];
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

/// The rows of text files, in a column named `name`.
pub fn scan(files: &[std::path::PathBuf], whole_text: bool, line_sep: Option<&str>, name: &str) -> Result<pl::LazyFrame> {
    let mut values: Vec<String> = vec![];
    for f in files {
        let bytes = super::compression::read(f)?;
        let text = String::from_utf8_lossy(&bytes);
        match line_sep {
            _ if whole_text => values.push(text.into_owned()),
            // A given separator splits exactly (no empty row after a final separator).
            Some(sep) if !sep.is_empty() => {
                let mut parts: Vec<&str> = text.split(sep).collect();
                if parts.last() == Some(&"") {
                    parts.pop();
                }
                values.extend(parts.into_iter().map(str::to_string));
            }
            _ => values.extend(lines(&text).into_iter().map(str::to_string)),
        }
    }
    let n = values.len();
    Ok(pl::DataFrame::new(n, vec![pl::Column::new(name.into(), values)])?.lazy())
}

/// The text source writes exactly one STRING column.
pub fn check_write_schema(fields: &[StructField]) -> Result<()> {
    if let Some(f) = fields.iter().find(|f| f.data_type != DataType::String) {
        return Err(Error::new(
            ErrorKind::Analysis,
            "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
            format!("The Text datasource doesn't support the column `{}` of the type \"{}\". SQLSTATE: 0A000", f.name, f.data_type.sql()),
        )
        .with_param("columnName", format!("`{}`", f.name))
        .with_param("columnType", format!("\"{}\"", f.data_type.sql()))
        .with_param("format", "Text"));
    }
    if fields.len() != 1 {
        return Err(schema_error(fields));
    }
    Ok(())
}

/// Spark's error for a text schema of more or fewer than one column.
pub fn schema_error(fields: &[StructField]) -> Error {
    Error::new(ErrorKind::Analysis, "_LEGACY_ERROR_TEMP_1290", format!("Text data source supports only a single column, and you have {} columns.", fields.len()))
        .with_param("schemaSize", fields.len().to_string())
}


/// The text of a one-column STRING frame: each value and a line separator (a NULL
/// value gives an empty line, as Spark's `TextOutputWriter` writes it).
pub fn rows_text(df: pl::DataFrame, options: &std::collections::BTreeMap<String, String>) -> Result<String> {
    let line_sep = super::options::get(OPTIONS, options, "lineSep").unwrap_or("\n");
    let mut out = String::new();
    if let Some(c) = df.columns().first() {
        for v in c.as_materialized_series().str()?.iter() {
            out.push_str(v.unwrap_or(""));
            out.push_str(line_sep);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_as_hadoop_reads_them() {
        assert_eq!(lines("a\nb\r\nc\rd"), vec!["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\nb\n"), vec!["a", "", "b"]);
        assert!(lines("").is_empty());
    }
}
