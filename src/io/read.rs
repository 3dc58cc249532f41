//! `spark.read`: the schema of a read (given or inferred from the files) and the lazy
//! scan of its files, by format.

use super::formats::table;
use super::location::{self, Location, Storage};
use super::options::{self, Direction};
use crate::lowering::types::{from_polars, to_polars};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, FileFormat, StructField};
use polars::prelude::{self as pl, LazyFileListReader};
use std::collections::BTreeMap;
use std::sync::Arc;

fn check_path(path: &str) -> Result<()> {
    if location::is_remote(path) {
        return Ok(()); // the listing reports a missing object (`remote::data_objects`)
    }
    if !std::path::Path::new(path).exists() && !path.contains('*') {
        return Err(Error::new(ErrorKind::Analysis, "PATH_NOT_FOUND", format!("Path does not exist: file:{path}.")));
    }
    Ok(())
}

fn one_path(format: FileFormat, path: &str, schema: Option<&[StructField]>, storage: &Storage) -> Result<pl::LazyFrame> {
    check_path(path)?;
    let polars_schema = schema.map(|fields| {
        Arc::new(pl::Schema::from_iter(fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type)))))
    });
    let lf = match format {
        FileFormat::Csv | FileFormat::Text => unreachable!("CSV and text files are scanned by their modules"),
        FileFormat::Parquet => super::parquet::scan(path, schema, storage)?,
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

/// A lazy scan whose columns carry the schema's names. Text formats hold wall-clock
/// times in the session time zone.
pub fn scan(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>, schema: &[StructField], session_time_zone: &str, storage: &Storage) -> Result<pl::LazyFrame> {
    options::check(format, table(format), Direction::Read, options)?;
    let paths = &reader_paths(format, paths, storage)?;
    match format {
        FileFormat::Csv => return super::csv::scan(paths, options, schema, session_time_zone),
        FileFormat::Text => {
            let name = schema.first().map_or("value", |f| f.name.as_str());
            return super::text::scan(&super::csv::files(paths)?, options::flag(table(format), options, "wholetext", false), name);
        }
        _ => {}
    }
    let lf = scan_files(format, paths, Some(schema), storage)?;
    if format != FileFormat::Json {
        return Ok(lf);
    }
    let cols: Vec<pl::Expr> = schema
        .iter()
        .map(|f| {
            let c = pl::col(f.name.as_str());
            if f.data_type == DataType::Timestamp { crate::compat::timezone::wall_clock_to_utc(c, session_time_zone).alias(f.name.as_str()) } else { c }
        })
        .collect();
    Ok(lf.select(cols))
}

/// The paths the format's reader reads: local ones as they are (`file:` dropped);
/// remote ones as they are for Parquet (listed and scanned in the store), as local
/// copies for the readers of local text files (CSV, JSON, text).
fn reader_paths(format: FileFormat, paths: &[String], storage: &Storage) -> Result<Vec<String>> {
    paths
        .iter()
        .map(|p| match location::parse(p)? {
            Location::Local(local) => Ok(local),
            Location::Remote(_) if format == FileFormat::Parquet => Ok(p.clone()),
            Location::Remote(r) => super::remote::local_copy(&r, storage),
        })
        .collect()
}

fn scan_files(format: FileFormat, paths: &[String], schema: Option<&[StructField]>, storage: &Storage) -> Result<pl::LazyFrame> {
    let frames = paths.iter().map(|p| one_path(format, p, schema, storage)).collect::<Result<Vec<_>>>()?;
    if frames.len() == 1 {
        return frames.into_iter().next().ok_or_else(|| Error::internal("no frame"));
    }
    Ok(pl::concat(frames, pl::UnionArgs::default())?)
}

/// The Spark schema of `spark.read.<format>(paths)`: the given one, or the one
/// Spark's reader infers.
pub fn read_schema(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>, given: Option<Vec<StructField>>, case_sensitive: bool, storage: &Storage) -> Result<Vec<StructField>> {
    options::check(format, table(format), Direction::Read, options)?;
    let paths = &reader_paths(format, paths, storage)?;
    match format {
        FileFormat::Csv => return super::csv::schema(paths, options, given, case_sensitive),
        FileFormat::Text => return text_schema(paths, given),
        _ => {}
    }
    for path in paths {
        check_path(path)?;
    }
    match given {
        Some(fields) => Ok(fields),
        None => infer_schema(format, paths, storage),
    }
}

/// A text source has one STRING column (`value` unless a schema names it).
fn text_schema(paths: &[String], given: Option<Vec<StructField>>) -> Result<Vec<StructField>> {
    super::csv::files(paths)?;
    match given {
        None => Ok(vec![StructField::new("value".to_string(), DataType::String, true)]),
        Some(fields) if fields.len() == 1 && fields[0].data_type == DataType::String => {
            Ok(fields.into_iter().map(|f| StructField::new(f.name, f.data_type, true)).collect())
        }
        Some(fields) => Err(super::text::schema_error(&fields)),
    }
}

fn infer_schema(format: FileFormat, paths: &[String], storage: &Storage) -> Result<Vec<StructField>> {
    if format == FileFormat::Parquet {
        // Spark types Parquet from the footer, not from what Polars decodes.
        return super::parquet::schema(paths, storage);
    }
    let mut lf = scan_files(format, paths, None, storage)?;
    let schema = lf.collect_schema()?;
    let mut fields = vec![];
    for (name, dtype) in schema.iter() {
        let mut t = from_polars(dtype)?;
        if t == DataType::Null {
            t = DataType::String;
        }
        if t == DataType::TimestampNtz && format != FileFormat::Parquet {
            // Text formats infer TIMESTAMP (spark.sql.timestampType defaults to LTZ).
            t = DataType::Timestamp;
        }
        fields.push(StructField::new(name.to_string(), t, true));
    }
    if format == FileFormat::Json {
        // Spark's JSON reader orders inferred fields by name.
        fields.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(fields)
}
