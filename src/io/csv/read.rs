//! CSV files as Polars frames with Spark's rows and values. Polars' reader does the
//! fast work (reading, splitting, quoting, projection and predicate pushdown); every
//! column comes out as text, except numbers, booleans and dates whose values Polars
//! is known to parse exactly as Spark does (`plain`), and is then converted by Spark's own
//! parsers, NULL where Spark's PERMISSIVE mode gives NULL. Files Polars would
//! split differently from Spark are tokenized here instead.

use super::datetime::{csv_date, csv_timestamp, Formats};
use crate::compat::timezone::Zone;
use super::infer::{ColumnFold, Inference};
use super::plain::PlainKinds;
use super::profile::Profile;
use super::tokenizer::{is_skipped, is_skipped_before_header, lines_at, records_at, tokenize_checked, Dialect, QuoteHandling, Tokens};
use super::values::{csv_double, csv_float, java_boolean, java_int, java_long, Specials};
use crate::compat::java_decimal::java_big_decimal;
use crate::error::{Error, Result};
pub(crate) use crate::io::json::reading::Mode;
use crate::io::json::reading::{only_corrupt_column_error, read_failure};
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, col, lit, Column, DataType as PlType, IntoColumn, IntoLazy, IntoSeries, LazyFileListReader, NamedFrom, PolarsResult};
use std::path::Path;
use std::sync::Arc;

/// The options that shape values, beyond the dialect.
#[derive(Debug, Clone)]
pub struct Reading {
    pub dialect: Dialect,
    pub header: bool,
    pub null_value: String,
    /// `emptyValue`: what a quoted empty field reads as (itself NULL when it is the null value).
    pub empty_value: Option<String>,
    pub specials: Specials,
    /// `dateFormat`, `timestampFormat`, `timestampNTZFormat` and their fallback.
    pub formats: Formats,
    pub mode: Mode,
    pub corrupt_column: String,
    /// `multiLine`: records are parsed from the whole text, quoted values may span lines.
    pub multi_line: bool,
    /// `lineSep`: lines end there only (`\n` and `\r` are text); None: at `\n`, `\r`, `\r\n`.
    pub line_sep: Option<String>,
    /// `maxColumns` and `maxCharsPerColumn` (None: Spark's 20480 columns, no length
    /// limit): a record beyond them fails the read, whatever the mode.
    pub max_columns: Option<usize>,
    pub max_chars: Option<usize>,
}

impl Reading {
    /// Options Polars' reader has no equal for: Spark's own tokenizer reads the file.
    fn needs_own_tokenizer(&self) -> bool {
        let d = &self.dialect;
        d.trim_leading
            || d.trim_trailing
            || d.quote_handling != QuoteHandling::StopAtDelimiter
            || d.escape_escape.is_some()
            || self.empty_value.is_some()
            || self.mode != Mode::Permissive
            || self.multi_line
            || self.line_sep.is_some()
            || self.max_columns.is_some()
            || self.max_chars.is_some()
    }

    /// A line's fields as univocity parses them, or None when it refuses the record:
    /// an unescaped quote with `RAISE_ERROR`, more fields than `maxColumns`, a value
    /// longer than `maxCharsPerColumn` (UTF-16 units, as Java counts).
    pub(super) fn split(&self, line: &str, whole: bool) -> Option<Tokens> {
        let tokens = tokenize_checked(line, &self.dialect, whole).ok()?;
        self.within_limits(&tokens).then_some(tokens)
    }

    pub(super) fn within_limits(&self, tokens: &Tokens) -> bool {
        let long = |t: &Option<String>| self.max_chars.is_some_and(|max| t.as_deref().is_some_and(|v| v.len() > max && v.encode_utf16().count() > max));
        self.max_columns.is_none_or(|max| tokens.len() <= max) && !tokens.iter().any(long)
    }

    /// The one-character `lineSep` of a `multiLine` read (`csv::reading` refuses longer
    /// ones there).
    pub fn multi_line_sep(&self) -> Option<char> {
        self.line_sep.as_deref().and_then(|s| s.chars().next())
    }

    pub fn line_sep_bytes(&self) -> Option<&[u8]> {
        self.line_sep.as_deref().map(str::as_bytes)
    }

    /// A field as Spark's reader sees it: a quoted empty one is `emptyValue`, and the
    /// null value is NULL (an unquoted empty field always is).
    pub(super) fn field(&self, token: Option<String>) -> Option<String> {
        let token = match (token, &self.empty_value) {
            (Some(v), Some(empty)) if v.is_empty() => Some(empty.clone()),
            (token, _) => token,
        };
        token.filter(|v| *v != self.null_value)
    }
}

const ROW_INDEX: &str = "__pyrust_csv_row";
/// Whether a tokenized row has as many fields as the schema has parsed columns.
const ARITY_OK: &str = "__pyrust_csv_arity_ok";
/// A tokenized row's line, for the corrupt-record column.
const LINE: &str = "__pyrust_csv_line";
const MALFORMED: &str = "__pyrust_csv_malformed";

/// Column names for a frame read only for inference.
fn positional_names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("c{i}")).collect()
}

/// The Polars type a column is read as: natively where Polars parses the values as
/// Spark would (inference's fold, or the profile, saw only plain values of the
/// type: `plain`), else text.
fn read_type(t: &DataType, plain: PlainKinds, specials: &Specials, formats: &Formats) -> PlType {
    match t {
        // Polars parses only the default date format.
        DataType::Date if !formats.is_default() => PlType::String,
        // Polars knows only the default spellings of NaN and infinities.
        DataType::Double if !specials.is_default() => PlType::String,
        DataType::Boolean => PlType::Boolean,
        DataType::Integer if plain.integers => PlType::Int32,
        DataType::Long if plain.integers => PlType::Int64,
        DataType::Double if plain.doubles => PlType::Float64,
        DataType::Date if plain.dates => PlType::Date,
        _ => PlType::String,
    }
}

/// A file read by Polars, the rows Spark skips removed, and with
/// `drop_header_rows` the repeats of the header line too (inference leaves them out).
fn polars_frame(path: &Path, profile: &Profile, r: &Reading, names: &[String], types: &[PlType], drop_header_rows: bool) -> Result<pl::LazyFrame> {
    let schema = pl::Schema::from_iter(names.iter().zip(types).map(|(n, t)| pl::Field::new(n.as_str().into(), t.clone())));
    let d = &r.dialect;
    let mut reader = pl::LazyCsvReader::new(pl::PlRefPath::new(path.to_string_lossy().as_ref()))
        .with_has_header(false)
        .with_skip_lines(profile.skip_lines)
        .with_schema(Some(Arc::new(schema)))
        .with_separator(d.sep)
        .with_quote_char(d.quote)
        .with_comment_prefix(d.comment.map(|c| (c as char).to_string().into()))
        .with_null_values(Some(pl::NullValues::AllColumnsSingle(r.null_value.as_str().into())))
        .with_missing_is_null(true)
        .with_truncate_ragged_lines(true)
        .with_ignore_errors(true)
        .with_encoding(pl::CsvEncoding::LossyUtf8)
        .with_raise_if_empty(false);
    let mut dropped: Vec<u64> = profile.blank_rows.clone();
    if drop_header_rows {
        dropped.extend(&profile.header_rows);
        dropped.sort_unstable();
    }
    if !dropped.is_empty() {
        reader = reader.with_row_index(Some(pl::RowIndex { name: ROW_INDEX.into(), offset: 0 }));
    }
    let mut lf = reader.finish()?;
    if !dropped.is_empty() {
        let rows = pl::Series::new("rows".into(), dropped.iter().map(|&r| r as pl::IdxSize).collect::<Vec<_>>());
        let raw: Vec<pl::Expr> = names.iter().map(|n| col(n.as_str())).collect();
        lf = lf.filter(col(ROW_INDEX).is_in(lit(rows).implode(false), false).not()).select(raw);
    }
    Ok(lf)
}

/// Spark's rows of a file, tokenized as Spark does: the header line dropped, blank
/// lines and comments skipped, the null value read as NULL.
fn spark_rows(path: &Path, r: &Reading, skip_header_repeats: bool, mut each: impl FnMut(Tokens, &[u8])) -> Result<()> {
    let bytes = std::fs::read(path).map_err(|e| Error::internal(format!("reading {}: {e}", path.display())))?;
    let d = &r.dialect;
    let mut header_line: Option<&[u8]> = None;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if r.multi_line {
        let mut header: Option<String> = None;
        for (i, (tokens, record, refused)) in records_at(&String::from_utf8_lossy(text), d, r.multi_line_sep()).into_iter().enumerate() {
            if refused.is_some() || !r.within_limits(&tokens) {
                return Err(read_failure(path));
            }
            if r.header && i == 0 {
                header = Some(record);
                continue;
            }
            if skip_header_repeats && header.as_ref() == Some(&record) {
                continue;
            }
            each(tokens.into_iter().map(|t| r.field(t)).collect(), record.as_bytes());
        }
        return Ok(());
    }
    for text in lines_at(text, r.line_sep_bytes()) {
        if r.header && header_line.is_none() {
            if !is_skipped_before_header(text, d.comment) {
                header_line = Some(text);
            }
            continue;
        }
        if is_skipped(text, d.comment) || (skip_header_repeats && header_line == Some(text)) {
            continue;
        }
        let line = String::from_utf8_lossy(text);
        let tokens = r.split(&line, r.line_sep.is_some()).ok_or_else(|| read_failure(path))?;
        let tokens = tokens.into_iter().map(|t| r.field(t)).collect();
        each(tokens, text);
    }
    Ok(())
}

/// The fields of a file's first `multiLine` record: the header, or the line whose
/// field count gives the columns.
pub fn first_record(path: &Path, r: &Reading) -> Result<Option<Tokens>> {
    let bytes = std::fs::read(path).map_err(|e| Error::internal(format!("reading {}: {e}", path.display())))?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Ok(records_at(&String::from_utf8_lossy(text), &r.dialect, r.multi_line_sep()).into_iter().next().map(|(tokens, _, _)| tokens))
}

/// A file tokenized by Spark's tokenizer, as text columns, ragged rows padded or cut
/// to `n`; with `judged`, also whether each row had `n` fields and its line. Streamed
/// where Polars can cut the lines (`streamed`), else tokenized here in memory.
fn tokenized_frame(path: &Path, profile: &Profile, r: &Reading, names: &[String], judged: bool) -> Result<pl::LazyFrame> {
    if let Some(lf) = super::streamed::tokenized(path, profile, r, names, judged.then_some((ARITY_OK, LINE)))? {
        return Ok(lf);
    }
    let n = names.len();
    let mut columns: Vec<Vec<Option<String>>> = vec![Vec::new(); n];
    let (mut arity_ok, mut lines) = (Vec::new(), Vec::new());
    let mut height = 0;
    spark_rows(path, r, false, |mut tokens, line| {
        height += 1;
        if judged {
            arity_ok.push(tokens.len() == n);
            lines.push(String::from_utf8_lossy(line).into_owned());
        }
        tokens.resize(n, None);
        for (c, v) in columns.iter_mut().zip(tokens) {
            c.push(v);
        }
    })?;
    let mut cols: Vec<Column> = columns.into_iter().zip(names).map(|(v, name)| pl::Series::new(name.as_str().into(), v).into_column()).collect();
    if judged {
        cols.push(pl::Series::new(ARITY_OK.into(), arity_ok).into_column());
        cols.push(pl::Series::new(LINE.into(), lines).into_column());
    }
    Ok(pl::DataFrame::new(height, cols)?.lazy())
}

/// A file read row by row as Spark's parser judges its rows: one whose field count
/// is not the schema's (the corrupt-record column aside), or with a value its type's
/// parser rejects, is malformed: NULLs where it fails and its line in the
/// corrupt-record column (PERMISSIVE), left out (DROPMALFORMED), or an error (FAILFAST).
fn judged_frame(path: &Path, profile: &Profile, r: &Reading, fields: &[StructField], corrupt_at: Option<usize>, zone: &Zone) -> Result<pl::LazyFrame> {
    let parsed: Vec<(usize, &StructField)> = fields.iter().enumerate().filter(|(i, _)| Some(*i) != corrupt_at).collect();
    let names: Vec<String> = parsed.iter().map(|(_, f)| f.name.clone()).collect();
    let value = |i: usize| format!("__pyrust_csv_value_{i}");
    let converted: Vec<pl::Expr> =
        parsed.iter().map(|(i, f)| from_text(col(f.name.as_str()), &f.data_type, zone, r).alias(value(*i))).collect();
    // A value is rejected when its text is there and its parser gives nothing.
    let malformed = parsed
        .iter()
        .filter(|(_, f)| !matches!(f.data_type, DataType::String | DataType::Binary))
        .map(|(i, f)| col(f.name.as_str()).is_not_null().and(col(value(*i)).is_null()))
        .fold(col(ARITY_OK).not(), |any, rejected| any.or(rejected));
    let lf = tokenized_frame(path, profile, r, &names, true)?.with_columns(converted).with_column(malformed.alias(MALFORMED));
    let lf = match r.mode {
        // A filter, so that no projection leaves the check out (`count()` included).
        Mode::FailFast => lf.filter(fail_on_malformed(path)),
        Mode::DropMalformed => lf.filter(col(MALFORMED).not()),
        Mode::Permissive => lf,
    };
    let out: Vec<pl::Expr> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let e = if Some(i) == corrupt_at {
                pl::when(col(MALFORMED)).then(col(LINE)).otherwise(lit(pl::NULL).cast(PlType::String))
            } else if f.data_type == DataType::String {
                col(f.name.as_str())
            } else {
                col(value(i))
            };
            e.alias(f.name.as_str())
        })
        .collect();
    Ok(lf.select(out))
}

/// FAILFAST's check, as a filter that keeps every row: the read fails at the first
/// batch holding a malformed row.
fn fail_on_malformed(path: &Path) -> pl::Expr {
    let failure = read_failure(path);
    col(MALFORMED).map(
        move |c: Column| -> PolarsResult<Column> {
            let malformed = c.as_materialized_series().bool()?;
            if malformed.any() {
                let class = failure.error_class.as_deref().unwrap_or("FAILED_READ_FILE.NO_HINT");
                return Err(crate::compat::errors::runtime_error(failure.kind, class, &failure.message));
            }
            Ok((!malformed).into_series().into_column())
        },
        |_, field| Ok(field.clone()),
    )
}

/// Folds every column of a file through Spark's inference.
pub fn fold_file(path: &Path, profile: &Profile, r: &Reading, n: usize, inference: &Inference) -> Result<Vec<ColumnFold>> {
    let mut folds = vec![ColumnFold::default(); n];
    if !profile.polars_alike || r.needs_own_tokenizer() {
        spark_rows(path, r, r.header, |tokens, _| {
            for (f, v) in folds.iter_mut().zip(tokens.iter()) {
                f.push(v.as_deref().map(|v| r.specials.canonical(v)).as_deref(), inference);
            }
        })?;
        return Ok(folds);
    }
    if profile.rows == 0 || n == 0 {
        return Ok(folds);
    }
    let types = vec![PlType::String; n];
    let df = polars_frame(path, profile, r, &positional_names(n), &types, r.header)?.collect()?;
    for (fold, column) in folds.iter_mut().zip(df.columns()) {
        let values = column.as_materialized_series().str()?;
        for v in values.iter() {
            fold.push(v.map(|v| r.specials.canonical(v)).as_deref(), inference);
            if fold.settled() {
                break;
            }
        }
    }
    Ok(folds)
}

/// One file as a frame with the `fields` (names and types).
pub fn file_frame(path: &Path, profile: &Profile, r: &Reading, fields: &[StructField], zone: &Zone) -> Result<pl::LazyFrame> {
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    if fields.is_empty() || profile.first_line.is_none() || (profile.polars_alike && profile.rows == 0) {
        let schema = pl::Schema::from_iter(fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type))));
        return Ok(pl::DataFrame::empty_with_schema(&schema).lazy());
    }
    let corrupt_at = fields.iter().position(|f| f.name == r.corrupt_column && f.data_type == DataType::String);
    if corrupt_at.is_some() && fields.len() == 1 {
        return Err(only_corrupt_column_error());
    }
    if corrupt_at.is_some() || r.mode != Mode::Permissive {
        return judged_frame(path, profile, r, fields, corrupt_at, zone);
    }
    let (lf, read_as) = if profile.polars_alike && !r.needs_own_tokenizer() {
        let folds = profile.folds.lock().ok().and_then(|f| f.clone());
        let read_as: Vec<PlType> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let folded = folds.as_ref().and_then(|f| f.get(i)).map_or(PlainKinds::NONE, |f| f.plain);
                read_type(&f.data_type, folded.or(profile.plain.at(i)), &r.specials, &r.formats)
            })
            .collect();
        (polars_frame(path, profile, r, &names, &read_as, false)?, read_as)
    } else {
        (tokenized_frame(path, profile, r, &names, false)?, vec![PlType::String; fields.len()])
    };
    let cols: Vec<pl::Expr> = fields
        .iter()
        .zip(&read_as)
        .map(|(f, read)| {
            let c = col(f.name.as_str());
            if *read == PlType::String && f.data_type != DataType::String { from_text(c, &f.data_type, zone, r).alias(f.name.as_str()) } else { c }
        })
        .collect();
    Ok(lf.select(cols))
}

/// Text to a Spark type with Spark's CSV parsers; what they reject is NULL.
fn from_text(e: pl::Expr, t: &DataType, zone: &Zone, r: &Reading) -> pl::Expr {
    let specials = &r.specials;
    match t.clone() {
        DataType::String => e,
        DataType::Byte => each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(java_int).and_then(|x| i8::try_from(x).ok())).collect::<pl::Int8Chunked>().into_series())),
        DataType::Short => each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(java_int).and_then(|x| i16::try_from(x).ok())).collect::<pl::Int16Chunked>().into_series())),
        DataType::Integer => each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(java_int)).collect::<pl::Int32Chunked>().into_series())),
        DataType::Long => each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(java_long)).collect::<pl::Int64Chunked>().into_series())),
        DataType::Float => {
            let specials = specials.clone();
            each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(|v| csv_float(&specials.canonical(v)))).collect::<pl::Float32Chunked>().into_series()))
        }
        DataType::Double => {
            let specials = specials.clone();
            each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(|v| csv_double(&specials.canonical(v)))).collect::<pl::Float64Chunked>().into_series()))
        }
        DataType::Boolean => each(e, t, move |ca| ok(ca.iter().map(|v| v.and_then(java_boolean)).collect::<pl::BooleanChunked>().into_series())),
        DataType::Decimal(p, s) => each(e, t, move |ca| {
            // Spark's default-locale decimal parser drops grouping commas first.
            let values: pl::Int128Chunked = ca.iter().map(|v| v.and_then(|v| java_big_decimal(&v.replace(',', ""))).and_then(|d| d.rescaled(p, s))).collect();
            ok(values.into_decimal_unchecked(p as usize, s as usize).into_series())
        }),
        DataType::Date if r.formats.is_default() => each(e, t, |ca| ok(ca.iter().map(|v| v.and_then(csv_date)).collect::<pl::Int32Chunked>().into_date().into_series())),
        DataType::Date => {
            let formats = r.formats.clone();
            each(e, t, move |ca| {
                let days = ca.iter().map(|v| v.map_or(Ok(None), |v| formats.date(v))).collect::<Result<pl::Int32Chunked>>().map_err(raise)?;
                Ok(days.into_date().into_series())
            })
        }
        DataType::Timestamp if r.formats.is_default() => {
            let zone = zone.clone();
            each(e, t, move |ca| {
                ok(ca.iter().map(|v| v.and_then(|v| csv_timestamp(v, &zone))).collect::<pl::Int64Chunked>().into_datetime(pl::TimeUnit::Microseconds, None).into_series())
            })
        }
        DataType::Timestamp => {
            let (zone, formats) = (zone.clone(), r.formats.clone());
            each(e, t, move |ca| {
                let micros = ca.iter().map(|v| v.map_or(Ok(None), |v| formats.timestamp(v, &zone))).collect::<Result<pl::Int64Chunked>>().map_err(raise)?;
                Ok(micros.into_datetime(pl::TimeUnit::Microseconds, None).into_series())
            })
        }
        DataType::TimestampNtz => {
            let formats = r.formats.clone();
            each(e, t, move |ca| {
                ok(ca.iter().map(|v| v.and_then(|v| formats.timestamp_ntz(v))).collect::<pl::Int64Chunked>().into_datetime(pl::TimeUnit::Microseconds, None).into_series())
            })
        }
        DataType::Binary => each(e, t, |ca| ok(ca.iter().map(|v| v.map(str::as_bytes)).collect::<pl::BinaryChunked>().into_series())),
        // Refused when the schema is given (the CSV source has no such types).
        _ => e,
    }
}

/// A conversion that cannot fail.
fn ok(s: pl::Series) -> PolarsResult<pl::Series> {
    Ok(s)
}

/// A PyRust error raised inside a Polars expression.
fn raise(e: Error) -> pl::PolarsError {
    crate::compat::errors::runtime_error(e.kind, e.error_class.as_deref().unwrap_or(""), &e.message)
}

/// An element-wise conversion of a text column.
fn each(e: pl::Expr, t: &DataType, f: impl Fn(&pl::StringChunked) -> PolarsResult<pl::Series> + Send + Sync + 'static) -> pl::Expr {
    let out = to_polars(t);
    e.map(
        move |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            Ok(f(s.str()?)?.with_name(s.name().clone()).into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out.clone())),
    )
}
