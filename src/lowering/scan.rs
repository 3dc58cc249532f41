//! File scans with Spark's reader options, and schema inference for them.

use super::types::{from_polars, to_polars};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, FileFormat, StructField};
use polars::prelude::{self as pl, LazyFileListReader};
use std::collections::BTreeMap;
use std::sync::Arc;

fn option<'a>(options: &'a BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    options.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
}

fn flag(options: &BTreeMap<String, String>, key: &str) -> bool {
    option(options, key).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// Options each reader honours, and values of others that change nothing. Anything
/// else is refused by name rather than ignored, so no option silently does nothing.
fn check_options(format: FileFormat, options: &BTreeMap<String, String>) -> Result<()> {
    for (key, value) in options {
        let k = key.to_ascii_lowercase();
        let v = value.to_ascii_lowercase();
        let fine = match (format, k.as_str()) {
            (FileFormat::Csv, "header" | "inferschema" | "sep" | "delimiter" | "quote" | "nullvalue" | "comment") => true,
            (FileFormat::Csv, "escape") => v == "\"" || v == "\\",
            (_, "samplingratio") => true,
            (_, "encoding" | "charset") => v == "utf-8" || v == "utf8",
            (_, "mode") => v == "permissive",
            (_, "multiline" | "mergeschema" | "recursivefilelookup") => v == "false",
            _ => false,
        };
        if !fine {
            return Err(Error::unsupported(format!("the {} reader option '{key}' = '{value}'", format.name())));
        }
    }
    Ok(())
}

fn one_path(format: FileFormat, path: &str, options: &BTreeMap<String, String>, schema: Option<&[StructField]>) -> Result<pl::LazyFrame> {
    check_options(format, options)?;
    if !std::path::Path::new(path).exists() && !path.contains('*') {
        return Err(Error::new(ErrorKind::Analysis, "PATH_NOT_FOUND", format!("Path does not exist: file:{path}.")));
    }
    let polars_schema = schema.map(|fields| {
        Arc::new(pl::Schema::from_iter(fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type)))))
    });
    let lf = match format {
        FileFormat::Csv => {
            let sep = option(options, "sep").or(option(options, "delimiter")).unwrap_or(",");
            let sep = match sep {
                "\\t" => b'\t',
                s => *s.as_bytes().first().unwrap_or(&b','),
            };
            let infer = flag(options, "inferSchema");
            let mut reader = pl::LazyCsvReader::new(pl::PlRefPath::new(path))
                .with_has_header(flag(options, "header"))
                .with_separator(sep)
                .with_missing_is_null(true)
                .with_try_parse_dates(infer)
                .with_infer_schema_length(if infer { None } else { Some(0) });
            if let Some(q) = option(options, "quote") {
                reader = reader.with_quote_char(q.as_bytes().first().copied());
            }
            if let Some(c) = option(options, "comment") {
                reader = reader.with_comment_prefix(Some(c.into()));
            }
            if let Some(n) = option(options, "nullValue") {
                reader = reader.with_null_values(Some(pl::NullValues::AllColumnsSingle(n.into())));
            }
            if let Some(s) = polars_schema {
                reader = reader.with_schema(Some(s));
            }
            reader.finish()?
        }
        FileFormat::Parquet => super::parquet::scan(path, schema)?,
        FileFormat::Json => {
            let mut reader = pl::LazyJsonLineReader::new(pl::PlRefPath::new(path));
            if let Some(s) = polars_schema {
                reader = reader.with_schema(Some(s));
            }
            reader.finish()?
        }
    };
    Ok(lf)
}

/// A lazy scan whose columns carry the file's own names.
pub fn scan(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>, schema: Option<&[StructField]>) -> Result<pl::LazyFrame> {
    let frames = paths.iter().map(|p| one_path(format, p, options, schema)).collect::<Result<Vec<_>>>()?;
    if frames.len() == 1 {
        return Ok(frames.into_iter().next().unwrap());
    }
    Ok(pl::concat(frames, pl::UnionArgs::default())?)
}

/// The Spark schema of files, as Spark's readers infer it.
pub fn infer_schema(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>) -> Result<Vec<StructField>> {
    if format == FileFormat::Parquet {
        // Spark types Parquet from the footer, not from what Polars decodes. The scan
        // only checks the options and paths.
        let _checked = scan(format, paths, options, None)?;
        return super::parquet::schema(paths);
    }
    let mut lf = scan(format, paths, options, None)?;
    let schema = lf.collect_schema()?;
    let infer_ints = format == FileFormat::Csv && flag(options, "inferSchema");
    let headerless = format == FileFormat::Csv && !flag(options, "header");
    let mut fields = vec![];
    for (i, (name, dtype)) in schema.iter().enumerate() {
        let mut t = from_polars(dtype)?;
        if t == DataType::Null {
            t = DataType::String;
        }
        if t == DataType::TimestampNtz && format != FileFormat::Parquet {
            // Text formats infer TIMESTAMP (spark.sql.timestampType defaults to LTZ).
            t = DataType::Timestamp;
        }
        if infer_ints && t == DataType::Long {
            // Spark infers INT when every value fits; Polars always infers i64.
            let stats = lf
                .clone()
                .select([pl::col(name.clone()).min().alias("lo"), pl::col(name.clone()).max().alias("hi")])
                .collect()?;
            let fits = |c: &str| -> Result<bool> {
                let v = stats.column(c)?.get(0)?;
                Ok(match v.extract::<i64>() {
                    Some(x) => x >= i32::MIN as i64 && x <= i32::MAX as i64,
                    None => true,
                })
            };
            if fits("lo")? && fits("hi")? {
                t = DataType::Integer;
            }
        }
        let spark_name = if headerless { format!("_c{i}") } else { name.to_string() };
        fields.push(StructField::new(spark_name, t, true));
    }
    if format == FileFormat::Json {
        // Spark's JSON reader orders inferred fields by name.
        fields.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(fields)
}
