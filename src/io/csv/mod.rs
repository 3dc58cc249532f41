//! `spark.read.csv` with Spark's defaults: its header rules, its type inference and
//! value parsers, its row shapes (blank lines skipped, ragged rows padded or cut,
//! unparsable values NULL as in PERMISSIVE mode).
//!
//! - `tokenizer`: Spark's line splitting and univocity's field splitting
//! - `values`, `datetime`: Spark's parsers for numbers, booleans, dates, timestamps
//! - `plain`: the values Polars' own parsers read as Spark's (read natively)
//! - `infer`: Spark's type inference and header names
//! - `header`: `enforceSchema=false`'s check of each file's header against the schema
//! - `profile`: one pass over a file: header, skipped rows, whether Polars reads it alike
//! - `read`: the Polars frames
//! - `streamed`: files Spark's tokenizer reads, as a stream of line batches
//! - `write`: Spark's CSV text of rows (univocity's quoting, Spark's value formats)

pub(crate) mod datetime;
mod header;
pub(crate) mod infer;
mod plain;
mod profile;
mod read;
mod streamed;
pub(crate) mod tokenizer;
pub(crate) mod values;
pub mod write;

use super::options::{spec, Direction, Kind, Spec, Support};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use infer::{check_unique_names, merge, safe_header, ColumnFold, Inference, Inferred};
use polars::prelude::{self as pl, IntoLazy};
use read::{file_frame, fold_file, Mode, Reading};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tokenizer::{Dialect, QuoteHandling};

/// Spark's CSV options (`CSVOptions`), and what PyRust does with each.
pub const OPTIONS: &[Spec] = &[
    spec("sep", Kind::Text, ",", Direction::Both, Support::Yes).aliases(&["delimiter"]),
    spec("encoding", Kind::Text, "UTF-8", Direction::Both, Support::Values(&["utf-8", "utf8"])).aliases(&["charset"]),
    spec("quote", Kind::Char, "\"", Direction::Both, Support::Yes),
    spec("escape", Kind::Char, "\\", Direction::Both, Support::Yes),
    spec("charToEscapeQuoteEscaping", Kind::Char, "", Direction::Both, Support::Yes),
    spec("comment", Kind::Char, "", Direction::Read, Support::Yes),
    spec("header", Kind::Bool, "false", Direction::Both, Support::Yes),
    spec("enforceSchema", Kind::Bool, "true", Direction::Read, Support::Yes),
    spec("inferSchema", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("preferDate", Kind::Bool, "true", Direction::Read, Support::Yes),
    spec("samplingRatio", Kind::Double, "1.0", Direction::Read, Support::Yes),
    spec("ignoreLeadingWhiteSpace", Kind::Bool, "false (read), true (write)", Direction::Read, Support::Yes),
    spec("ignoreTrailingWhiteSpace", Kind::Bool, "false (read), true (write)", Direction::Read, Support::Yes),
    spec("ignoreLeadingWhiteSpace", Kind::Bool, "false (read), true (write)", Direction::Write, Support::Yes),
    spec("ignoreTrailingWhiteSpace", Kind::Bool, "false (read), true (write)", Direction::Write, Support::Yes),
    spec("nullValue", Kind::Text, "", Direction::Both, Support::Yes),
    spec("emptyValue", Kind::Text, "\"\" (write)", Direction::Read, Support::Yes),
    spec("emptyValue", Kind::Text, "\"\" (write)", Direction::Write, Support::Yes),
    spec("nanValue", Kind::Text, "NaN", Direction::Read, Support::Yes),
    spec("positiveInf", Kind::Text, "Inf", Direction::Read, Support::Yes),
    spec("negativeInf", Kind::Text, "-Inf", Direction::Read, Support::Yes),
    spec("dateFormat", Kind::Text, "yyyy-MM-dd", Direction::Read, Support::Yes),
    spec("dateFormat", Kind::Text, "yyyy-MM-dd", Direction::Write, Support::Yes),
    spec("timestampFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]", Direction::Read, Support::Yes),
    spec("timestampFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Direction::Write, Support::Yes),
    spec("timestampNTZFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS]", Direction::Read, Support::Yes),
    spec("timestampNTZFormat", Kind::Text, "yyyy-MM-dd'T'HH:mm:ss[.SSS]", Direction::Write, Support::Yes),
    spec("enableDateTimeParsingFallback", Kind::Bool, "", Direction::Read, Support::Yes),
    spec("maxColumns", Kind::Int, "20480", Direction::Read, Support::Yes),
    spec("maxCharsPerColumn", Kind::Int, "-1", Direction::Read, Support::Yes),
    spec("mode", Kind::Text, "PERMISSIVE", Direction::Read, Support::Yes),
    spec("columnNameOfCorruptRecord", Kind::Text, "_corrupt_record", Direction::Read, Support::Yes),
    spec("multiLine", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("locale", Kind::Text, "en-US", Direction::Both, Support::Values(&["en-us"])),
    spec("lineSep", Kind::Text, "\\r, \\r\\n and \\n (read), \\n (write)", Direction::Read, Support::Yes),
    spec("lineSep", Kind::Text, "\\r, \\r\\n and \\n (read), \\n (write)", Direction::Write, Support::Yes),
    spec("unescapedQuoteHandling", Kind::Text, "STOP_AT_DELIMITER", Direction::Read, Support::Yes),
    spec("quoteAll", Kind::Bool, "false", Direction::Write, Support::Yes),
    spec("escapeQuotes", Kind::Bool, "true", Direction::Write, Support::Yes),
    spec("compression", Kind::Text, "none", Direction::Write, Support::Yes).aliases(&["codec"]),
];

/// Spark's default `spark.sql.columnNameOfCorruptRecord`.
const CORRUPT_RECORD: &str = "_corrupt_record";

fn option<'a>(options: &'a BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    options.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
}

fn flag(options: &BTreeMap<String, String>, key: &str) -> bool {
    option(options, key).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// Spark's `CSVOptions.lineSeparator`: not empty, at most two UTF-16 units.
pub(crate) fn line_separator(options: &BTreeMap<String, String>) -> Result<Option<&str>> {
    let Some(sep) = option(options, "lineSep") else { return Ok(None) };
    if sep.is_empty() {
        return Err(Error::plain(ErrorKind::IllegalArgument, "requirement failed: 'lineSep' cannot be an empty string."));
    }
    if sep.encode_utf16().count() > 2 {
        return Err(Error::plain(ErrorKind::IllegalArgument, "requirement failed: 'lineSep' can contain only 1 character."));
    }
    Ok(Some(sep))
}

/// `maxColumns` / `maxCharsPerColumn`: None when absent or Spark's default (`default`;
/// a negative length is no limit); a `maxColumns` univocity cannot work with is refused.
fn limit(options: &BTreeMap<String, String>, key: &str, default: i64) -> Result<Option<usize>> {
    let Some(v) = option(options, key) else { return Ok(None) };
    let n: i64 = v.trim().parse().map_err(|_| Error::unsupported(format!("the csv reader option '{key}' = '{v}'")))?;
    match n {
        _ if n == default => Ok(None),
        n if key == "maxCharsPerColumn" && n < 0 => Ok(None),
        n if n > 0 || key == "maxCharsPerColumn" => Ok(usize::try_from(n).ok()),
        // univocity fails to build its parser (maxColumns) or refuses every value.
        _ => Err(Error::unsupported(format!("the csv reader option '{key}' = '{v}'"))),
    }
}

/// The reader options that shape the data.
fn reading(options: &BTreeMap<String, String>) -> Result<Reading> {
    let sep = match option(options, "sep").or(option(options, "delimiter")).unwrap_or(",") {
        "\\t" => b'\t',
        s => *s.as_bytes().first().unwrap_or(&b','),
    };
    // An empty quote option turns quoting off, as in Spark.
    let quote = match option(options, "quote") {
        Some(q) => q.as_bytes().first().copied(),
        None => Some(b'"'),
    };
    let escape = match option(options, "escape") {
        None => b'\\',
        Some("") => 0,
        Some(e) if e.len() == 1 => e.as_bytes()[0],
        Some(e) if e.chars().count() == 1 => return Err(Error::unsupported(format!("the csv reader option 'escape' = '{e}'"))),
        Some(_) => return Err(Error::new(ErrorKind::Runtime, "_LEGACY_ERROR_TEMP_2145", "escape cannot be more than one character.")),
    };
    let comment = option(options, "comment").and_then(|c| c.as_bytes().first().copied());
    // Spark's `ParseMode.fromString`: an unknown mode is PERMISSIVE.
    let mode = match option(options, "mode").map(str::to_ascii_uppercase).as_deref() {
        Some("DROPMALFORMED") => Mode::DropMalformed,
        Some("FAILFAST") => Mode::FailFast,
        _ => Mode::Permissive,
    };
    let (trim_leading, trim_trailing) = (flag(options, "ignoreLeadingWhiteSpace"), flag(options, "ignoreTrailingWhiteSpace"));
    let line_sep = line_separator(options)?.map(str::to_string);
    if line_sep.as_ref().is_some_and(|s| s.chars().count() > 1) && flag(options, "multiLine") {
        // univocity's multiLine parser splits a two-character separator inside quotes
        // and drops what follows: not ported.
        return Err(Error::unsupported("the csv reader option 'lineSep' of two characters with 'multiLine'"));
    }
    let quote_handling = match option(options, "unescapedQuoteHandling") {
        None => QuoteHandling::StopAtDelimiter,
        Some(v) => QuoteHandling::parse(v).ok_or_else(|| {
            Error::plain(ErrorKind::IllegalArgument, format!("No enum constant com.univocity.parsers.csv.UnescapedQuoteHandling.{}", v.to_ascii_uppercase()))
        })?,
    };
    let escape_escape = match option(options, "charToEscapeQuoteEscaping") {
        // An empty value leaves univocity's default (observed on PySpark 4.0.1).
        None | Some("") => None,
        Some(c) if c.chars().count() == 1 && c.len() == 1 => Some(c.as_bytes()[0]),
        Some(c) if c.chars().count() == 1 => return Err(Error::unsupported("a non-ASCII charToEscapeQuoteEscaping")),
        Some(_) => return Err(Error::new(ErrorKind::Runtime, "_LEGACY_ERROR_TEMP_2145", "charToEscapeQuoteEscaping cannot be more than one character.")),
    };
    Ok(Reading {
        dialect: Dialect { sep, quote, escape, comment, trim_leading, trim_trailing, quote_handling, escape_escape },
        header: flag(options, "header"),
        null_value: option(options, "nullValue").unwrap_or("").to_string(),
        empty_value: option(options, "emptyValue").map(str::to_string),
        mode,
        corrupt_column: option(options, "columnNameOfCorruptRecord").unwrap_or(CORRUPT_RECORD).to_string(),
        multi_line: flag(options, "multiLine"),
        specials: values::Specials {
            nan: option(options, "nanValue").unwrap_or("NaN").to_string(),
            positive_inf: option(options, "positiveInf").unwrap_or("Inf").to_string(),
            negative_inf: option(options, "negativeInf").unwrap_or("-Inf").to_string(),
        },
        line_sep,
        max_columns: limit(options, "maxColumns", 20480)?,
        max_chars: limit(options, "maxCharsPerColumn", -1)?,
        formats: datetime::Formats::new(
            option(options, "dateFormat"),
            option(options, "timestampFormat"),
            option(options, "timestampNTZFormat"),
            option(options, "enableDateTimeParsingFallback").map(|v| v.eq_ignore_ascii_case("true")),
            option(options, "preferDate").is_none_or(|v| v.eq_ignore_ascii_case("true")),
        ),
    })
}

/// The files behind the paths: a directory stands for the visible files in it, and
/// `*`/`?` in any component match names (hidden `.`/`_` names excepted, as in Spark).
pub fn files(paths: &[String]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let matched = expand(Path::new(p))?;
        if matched.is_empty() {
            return Err(Error::new(ErrorKind::Analysis, "PATH_NOT_FOUND", format!("Path does not exist: file:{p}.")));
        }
        for m in matched {
            if m.is_dir() {
                out.extend(visible_entries(&m, &|_| true)?.into_iter().filter(|e| e.is_file()));
            } else {
                out.push(m);
            }
        }
    }
    Ok(out)
}

fn visible_entries(dir: &Path, keep: &dyn Fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::internal(format!("listing {}: {e}", dir.display())))?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            !n.starts_with('.') && !n.starts_with('_') && keep(&n)
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    Ok(found)
}

/// The existing paths a path with wildcards stands for.
fn expand(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.to_string_lossy().contains(['*', '?']) {
        return Ok(if path.exists() { vec![path.to_path_buf()] } else { vec![] });
    }
    let mut current = vec![PathBuf::new()];
    for component in path.components() {
        let part = component.as_os_str().to_string_lossy().to_string();
        if !part.contains(['*', '?']) {
            current.iter_mut().for_each(|c| c.push(&part));
            continue;
        }
        let mut next = Vec::new();
        for dir in &current {
            let listed = if dir.as_os_str().is_empty() { Path::new(".") } else { dir.as_path() };
            if listed.is_dir() {
                next.extend(visible_entries(listed, &|n| wildcard(&part, n))?);
            }
        }
        current = next;
    }
    Ok(current.into_iter().filter(|p| p.exists()).collect())
}

/// Glob matching of one name: `*` any run, `?` any one character.
fn wildcard(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// The CSV source has no nested or NULL-typed columns.
pub fn check_types(fields: &[StructField]) -> Result<()> {
    for f in fields {
        let supported = !matches!(f.data_type, DataType::Array(..) | DataType::Map(..) | DataType::Struct(..) | DataType::Null);
        if !supported {
            return Err(Error::new(
                ErrorKind::Analysis,
                "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
                format!("The CSV datasource doesn't support the column `{}` of the type \"{}\". SQLSTATE: 0A000", f.name, f.data_type.sql()),
            )
            .with_param("columnName", format!("`{}`", f.name))
            .with_param("columnType", format!("\"{}\"", f.data_type.sql()))
            .with_param("format", "CSV"));
        }
    }
    Ok(())
}

/// The schema of `spark.read.csv(paths)`: the given one (all columns nullable, as
/// Spark makes a file source's schema), or Spark's inferred one.
pub fn schema(paths: &[String], options: &BTreeMap<String, String>, given: Option<Vec<StructField>>, case_sensitive: bool) -> Result<Vec<StructField>> {
    let files = files(paths)?;
    if let Some(fields) = given {
        check_types(&fields)?;
        check_unique_names(&fields, case_sensitive)?;
        let fields: Vec<StructField> = fields.into_iter().map(|f| StructField::new(f.name, f.data_type, true)).collect();
        crate::io::json::reading::check_corrupt_column(&fields, options, CORRUPT_RECORD)?;
        return Ok(fields);
    }
    // Spark checks the options when it reads: a given schema reads nothing yet.
    let r = reading(options)?;
    if files.is_empty() {
        return Err(Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for CSV. It must be specified manually."));
    }
    let profiles = files.iter().map(|f| profile::profile(f, &r.dialect, r.header, &r.null_value, r.line_sep.as_deref())).collect::<Result<Vec<_>>>()?;
    // Spark takes the names (or the number of columns) from the first line it finds.
    let first = if r.multi_line {
        let mut first = None;
        for f in &files {
            first = read::first_record(f, &r)?;
            if first.is_some() {
                break;
            }
        }
        first
    } else {
        profiles.iter().find_map(|p| p.first_tokens.clone())
    };
    let Some(first) = first else {
        return Ok(vec![]);
    };
    // The line that gives the columns is parsed with the read's limits and quote handling.
    let refused = |p: &profile::Profile| p.first_line.as_ref().is_some_and(|l| r.split(&String::from_utf8_lossy(l), r.line_sep.is_some()).is_none());
    if let Some((file, _)) = files.iter().zip(&profiles).find(|(_, p)| p.first_line.is_some()).filter(|(_, p)| !r.multi_line && refused(p)) {
        return Err(crate::io::json::reading::read_failure(file));
    }
    if !r.within_limits(&first) {
        return Err(crate::io::json::reading::read_failure(&files[0]));
    }
    let names = safe_header(&first, r.header, &r.null_value, case_sensitive);
    // Spark builds its inference's timestamp formatters (and fails on their patterns)
    // whether or not it infers types.
    let inference = Inference::new(&r.formats)?;
    let types: Vec<DataType> = if flag(options, "inferSchema") {
        let mut merged: Option<Vec<Inferred>> = None;
        for (file, p) in files.iter().zip(&profiles) {
            let folds: Vec<ColumnFold> = fold_file(file, p, &r, names.len(), &inference)?;
            let types: Vec<Inferred> = folds.iter().map(|f| f.inferred).collect();
            if let Ok(mut slot) = p.folds.lock() {
                *slot = Some(folds);
            }
            merged = Some(match merged {
                None => types,
                Some(m) => m.iter().zip(&types).map(|(a, b)| merge(*a, *b, &inference)).collect(),
            });
        }
        merged.unwrap_or_default().into_iter().map(Inferred::to_spark).collect()
    } else {
        vec![DataType::String; names.len()]
    };
    let fields: Vec<StructField> = names.into_iter().zip(types).map(|(n, t)| StructField::new(n, t, true)).collect();
    check_unique_names(&fields, case_sensitive)?;
    Ok(fields)
}

/// The session time zone, for text without its own zone (UTC if it does not resolve).
fn session_zone(name: &str) -> crate::compat::timezone::Zone {
    crate::compat::timezone::parse(name).unwrap_or_else(|_| crate::compat::timezone::Zone::utc())
}

/// A lazy scan of CSV files with the columns of `fields`, named as they are.
pub fn scan(paths: &[String], options: &BTreeMap<String, String>, fields: &[StructField], session_time_zone: &str, case_sensitive: bool) -> Result<pl::LazyFrame> {
    let r = reading(options)?;
    let zone = session_zone(session_time_zone);
    let check_header = r.header && option(options, "enforceSchema").is_some_and(|v| v.eq_ignore_ascii_case("false"));
    let mut frames = Vec::new();
    for file in files(paths)? {
        let p = profile::profile(&file, &r.dialect, r.header, &r.null_value, r.line_sep.as_deref())?;
        if check_header {
            let header = if r.multi_line { read::first_record(&file, &r)? } else { p.first_tokens.clone() };
            if let Some(header) = header {
                header::check(&header, fields, &r.corrupt_column, case_sensitive).map_err(|_| crate::io::json::reading::read_failure(&file))?;
            }
        }
        frames.push(file_frame(&file, &p, &r, fields, &zone)?);
    }
    Ok(match frames.len() {
        0 => {
            let schema = pl::Schema::from_iter(fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type))));
            pl::DataFrame::empty_with_schema(&schema).lazy()
        }
        1 => frames.pop().unwrap(),
        _ => pl::concat(frames, pl::UnionArgs::default())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_names() {
        assert!(wildcard("*.csv", "a.csv") && wildcard("part-?.csv", "part-1.csv") && !wildcard("*.csv", "a.json"));
        assert!(wildcard("a*b*c", "aXbYc") && !wildcard("a*b", "ac"));
    }
}
