//! `spark.read.json`: the reader's options, the records of a file (JSON Lines split
//! at `lineSep`, or the whole file with `multiLine`), the schema Spark infers from
//! them, and the rows they give in the three parse modes.

use super::convert::{record_row, Conversion, Row};
use super::infer::{canonical, compatible_root, corrupt_record_type, infer};
use super::parser::{parse_first, parse_record, Features, NotJson};
use super::profile::{remember, Profile};
use super::OPTIONS;
use crate::compat::random::XorShiftRandom;
use crate::compat::timezone::Zone;
use crate::error::{Error, ErrorKind, Result};
use crate::io::options::{flag, get};
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, IntoColumn};
use std::collections::BTreeMap;
use std::path::Path;

/// Spark's parse modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Permissive,
    DropMalformed,
    FailFast,
}

/// The options of a JSON read that shape its records, schema and rows.
#[derive(Debug, Clone)]
pub struct Reading {
    pub features: Features,
    pub mode: Mode,
    pub corrupt_column: String,
    pub primitives_as_string: bool,
    pub prefers_decimal: bool,
    pub drop_field_if_all_null: bool,
    pub multi_line: bool,
    pub line_sep: Option<String>,
    pub sampling_ratio: f64,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            features: Features::default(),
            mode: Mode::Permissive,
            corrupt_column: "_corrupt_record".into(),
            primitives_as_string: false,
            prefers_decimal: false,
            drop_field_if_all_null: false,
            multi_line: false,
            line_sep: None,
            sampling_ratio: 1.0,
        }
    }
}

impl Reading {
    pub fn of(options: &BTreeMap<String, String>, corrupt_default: &str) -> Result<Reading> {
        let f = |name: &str, default: bool| flag(OPTIONS, options, name, default);
        // Spark's `ParseMode.fromString`: an unknown mode is PERMISSIVE.
        let mode = match get(OPTIONS, options, "mode").map(str::to_ascii_uppercase).as_deref() {
            Some("DROPMALFORMED") => Mode::DropMalformed,
            Some("FAILFAST") => Mode::FailFast,
            _ => Mode::Permissive,
        };
        let line_sep = get(OPTIONS, options, "lineSep").map(str::to_string);
        if line_sep.as_deref() == Some("") {
            return Err(Error::plain(ErrorKind::IllegalArgument, "requirement failed: 'lineSep' cannot be an empty string."));
        }
        let sampling_ratio = get(OPTIONS, options, "samplingRatio").and_then(|v| v.trim().parse().ok()).unwrap_or(1.0);
        Ok(Reading {
            features: Features {
                comments: f("allowComments", false),
                unquoted_field_names: f("allowUnquotedFieldNames", false),
                single_quotes: f("allowSingleQuotes", true),
                numeric_leading_zeros: f("allowNumericLeadingZeros", false),
                non_numeric_numbers: f("allowNonNumericNumbers", true),
                backslash_escaping_any: f("allowBackslashEscapingAnyCharacter", false),
                unquoted_control_chars: f("allowUnquotedControlChars", false),
            },
            mode,
            corrupt_column: get(OPTIONS, options, "columnNameOfCorruptRecord").unwrap_or(corrupt_default).to_string(),
            primitives_as_string: f("primitivesAsString", false),
            prefers_decimal: f("prefersDecimal", false),
            drop_field_if_all_null: f("dropFieldIfAllNull", false),
            multi_line: f("multiLine", false),
            line_sep,
            sampling_ratio,
        })
    }
}

/// The records of a file: its lines (at `\n`, `\r\n` or `\r` as Hadoop's line reader
/// splits, or at `lineSep`), or the whole file with `multiLine`. Invalid UTF-8 is read
/// as U+FFFD.
pub fn records(path: &Path, r: &Reading) -> Result<Vec<String>> {
    let bytes = crate::io::compression::read(path)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if r.multi_line {
        return Ok(vec![text]);
    }
    let mut out: Vec<String> = match &r.line_sep {
        Some(sep) => text.split(sep.as_str()).map(str::to_string).collect(),
        None => text.split('\n').flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r')).map(str::to_string).collect(),
    };
    // The text after the last separator is a record only when it is not empty.
    if out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    Ok(out)
}

/// The data schema Spark infers from the files' records (before the partition columns).
pub fn infer_schema(paths: &[&Path], options: &BTreeMap<String, String>, corrupt_default: &str, case_sensitive: bool) -> Result<Vec<StructField>> {
    let r = Reading::of(options, corrupt_default)?;
    if paths.is_empty() {
        return Err(Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for JSON. It must be specified manually. SQLSTATE: 42KD9")
            .with_param("format", "JSON"));
    }
    // Spark samples records with a Bernoulli sampler seeded 1 (one partition).
    let mut sampler = (r.sampling_ratio < 1.0).then(|| XorShiftRandom::new(1));
    let mut root = DataType::Struct(vec![]);
    // Inference parses every record of a JSON Lines file: what it sees of each file is
    // kept for the native reader (`fast`).
    let profiling = sampler.is_none() && !r.multi_line && r.line_sep.is_none();
    for path in paths {
        let mut profile = Profile::new();
        for record in records(path, &r)? {
            if let Some(rng) = sampler.as_mut() {
                if rng.next_double() >= r.sampling_ratio {
                    continue;
                }
            }
            let parsed = parse_record(&record, &r.features);
            if profiling {
                profile.observe(&parsed);
            }
            let t = match parsed {
                Ok(Some((v, _))) => infer(&v, &r)?,
                Ok(None) => DataType::Null,
                Err(NotJson) => match corrupt_record_type(&r)? {
                    Some(t) => t,
                    None => continue,
                },
            };
            root = compatible_root(root, t, &r)?;
        }
        if profiling {
            remember(path, &r.features, profile);
        }
    }
    let fields = match canonical(root, &r) {
        Some(DataType::Struct(fields)) => fields,
        _ => vec![],
    };
    crate::io::csv::infer::check_unique_names(&fields, case_sensitive)?;
    Ok(fields)
}

/// Spark's checks of a schema's corrupt-record column: a nullable STRING.
pub fn check_corrupt_column(fields: &[StructField], options: &BTreeMap<String, String>, corrupt_default: &str) -> Result<()> {
    let r = Reading::of(options, corrupt_default)?;
    match fields.iter().find(|f| f.name == r.corrupt_column) {
        Some(f) if f.data_type != DataType::String || !f.nullable => Err(Error::new(
            ErrorKind::Analysis,
            "INVALID_CORRUPT_RECORD_TYPE",
            format!("The column `{}` for corrupt records must have the nullable STRING type, but got \"{}\". SQLSTATE: 42804", f.name, f.data_type.sql()),
        )
        .with_param("columnName", format!("`{}`", f.name))
        .with_param("actualType", format!("\"{}\"", f.data_type.sql()))),
        _ => Ok(()),
    }
}

/// The error Spark gives a read whose only file column is the corrupt-record one.
pub(crate) fn only_corrupt_column_error() -> Error {
    Error::new(
        ErrorKind::Analysis,
        "UNSUPPORTED_FEATURE.QUERY_ONLY_CORRUPT_RECORD_COLUMN",
        "The feature is not supported: Queries from raw JSON/CSV/XML files are disallowed when the\nreferenced columns only include the internal corrupt record column\n(named `_corrupt_record` by default). For example:\n`spark.read.schema(schema).json(file).filter($\"_corrupt_record\".isNotNull).count()`\nand `spark.read.schema(schema).json(file).select(\"_corrupt_record\").show()`.\nInstead, you can cache or save the parsed results and then send the same query.\nFor example, `val df = spark.read.schema(schema).json(file).cache()` and then\n`df.filter($\"_corrupt_record\".isNotNull).count()`. SQLSTATE: 0A000",
    )
}

/// One file's rows with the data columns `fields`, as Spark's `JacksonParser` gives
/// them in the read's mode: a record that does not parse, or whose value does not
/// convert, is NULLs plus its text in the corrupt-record column (PERMISSIVE, partial
/// results kept), left out (DROPMALFORMED) or an error (FAILFAST).
pub fn file_frame(path: &Path, options: &BTreeMap<String, String>, corrupt_default: &str, fields: &[StructField], zone: &Zone) -> Result<pl::DataFrame> {
    let r = Reading::of(options, corrupt_default)?;
    let g = |name: &str| get(OPTIONS, options, name);
    let fallback = g("enableDateTimeParsingFallback").map(|v| v.eq_ignore_ascii_case("true"));
    let conversion = Conversion::new(zone.clone(), g("dateFormat"), g("timestampFormat"), g("timestampNTZFormat"), fallback)?;
    let corrupt_at = fields.iter().position(|f| f.name == r.corrupt_column && f.data_type == DataType::String);
    if fields.len() == 1 && corrupt_at.is_some() {
        return Err(only_corrupt_column_error());
    }
    if let Some(df) = super::fast::native_frame(path, &r, fields)? {
        return Ok(df);
    }
    let mut columns: Vec<Vec<pl::AnyValue<'static>>> = vec![vec![]; fields.len()];
    let mut height = 0;
    for record in records(path, &r)? {
        let rows = match parse_first(&record, &r.features) {
            Ok(None) => continue,
            Ok(Some(v)) => record_row(&v, fields, corrupt_at, &conversion),
            Err(NotJson) => Err(vec![]),
        };
        let rows: Vec<Row> = match rows {
            Ok(rows) => rows,
            Err(partial) => match r.mode {
                Mode::DropMalformed => continue,
                Mode::FailFast => return Err(read_failure(path)),
                Mode::Permissive => {
                    let mut rows = partial;
                    if rows.is_empty() {
                        rows.push(vec![pl::AnyValue::Null; fields.len()]);
                    }
                    if let Some(i) = corrupt_at {
                        for row in &mut rows {
                            row[i] = pl::AnyValue::StringOwned(record.as_str().into());
                        }
                    }
                    rows
                }
            },
        };
        for row in rows {
            height += 1;
            for (c, v) in columns.iter_mut().zip(row) {
                c.push(v);
            }
        }
    }
    let cols = columns
        .into_iter()
        .zip(fields)
        .map(|(values, f)| Ok(pl::Series::from_any_values_and_dtype(f.name.as_str().into(), &values, &to_polars(&f.data_type), true)?.into_column()))
        .collect::<Result<Vec<_>>>()?;
    Ok(pl::DataFrame::new(height, cols)?)
}

/// FAILFAST's error for a malformed record met while reading.
pub(crate) fn read_failure(path: &Path) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.NO_HINT",
        format!("Encountered error while reading file file://{}.  SQLSTATE: KD001", path.display()),
    )
    .with_param("path", format!("file://{}", path.display()))
}
