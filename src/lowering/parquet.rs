//! Parquet scans: the schema comes from a footer as Spark reads it
//! (`types::parquet`), the data from Polars' lazy scan turned into the engine
//! representation of that schema (`types::engine`).

use super::types::{engine::to_engine, parquet::spark_schema};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, SerReader};
use polars_arrow::datatypes::{ArrowDataType, TimeUnit as ArrowTimeUnit};
use polars_parquet::parquet::metadata::FileMetadata;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The Spark schema of Parquet files: the footer of the first data file, as Spark
/// reads it when `mergeSchema` is off.
pub fn schema(paths: &[String]) -> Result<Vec<StructField>> {
    let first = paths.first().map(String::as_str).unwrap_or_default();
    let file = data_files(first).into_iter().next().ok_or_else(|| {
        Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for Parquet. It must be specified manually.")
            .with_param("format", "Parquet")
    })?;
    let fields = spark_schema(footer(&file)?.schema().fields())?;
    check_duplicate_names(&fields)?;
    Ok(fields)
}

/// Spark refuses a data schema with a name twice, compared case-insensitively (the
/// default `spark.sql.caseSensitive=false`).
fn check_duplicate_names(fields: &[StructField]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for f in fields {
        let name = f.name.to_lowercase();
        if !seen.insert(name.clone()) {
            return Err(Error::analysis(
                "COLUMN_ALREADY_EXISTS",
                format!("The column `{name}` already exists. Choose another name or rename the existing column."),
            )
            .with_param("columnName", format!("`{name}`")));
        }
    }
    Ok(())
}

fn footer(file: &Path) -> Result<FileMetadata> {
    let mut f = std::fs::File::open(file).map_err(|e| cannot_read(file, &e.to_string()))?;
    polars_parquet::parquet::read::read_metadata(&mut f).map_err(|e| cannot_read(file, &e.to_string()))
}

fn cannot_read(file: &Path, detail: &str) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER",
        format!("Could not read footer for file: file:{}. {detail}", file.display()),
    )
    .with_param("file", format!("file:{}", file.display()))
}

/// One path (file, directory or glob) scanned lazily, its columns in the engine
/// representation of `schema` (the inferred one, or the user's). Without a schema the
/// scan is only planned (nothing is read): the schema comes from `schema()`.
pub fn scan(path: &str, schema: Option<&[StructField]>) -> Result<pl::LazyFrame> {
    let Some(fields) = schema else {
        return Ok(pl::LazyFrame::scan_parquet(pl::PlRefPath::new(path), pl::ScanArgsParquet::default())?);
    };
    let files = data_files(path);
    let footers = files.iter().map(|f| footer(f)).collect::<Result<Vec<_>>>()?;
    let mut lf = if footers.iter().all(arrow_schema_is_faithful) {
        pl::LazyFrame::scan_parquet(pl::PlRefPath::new(path), pl::ScanArgsParquet::default())?
    } else {
        read_without_arrow_schema(&files)?
    };
    let in_file = match footers.first() {
        Some(f) => spark_schema(f.schema().fields())?,
        None => vec![],
    };
    let decoded = lf.collect_schema()?;
    let columns = fields.iter().map(|f| column(f, &in_file, &decoded, path)).collect::<Result<Vec<_>>>()?;
    Ok(lf.select(columns))
}

/// The column for a field of the read schema: found by name as Spark resolves it
/// (case-insensitively), NULL when the file lacks it, an error when the file's type
/// cannot be read as the field's (Spark's reader widens, never narrows).
fn column(field: &StructField, in_file: &[StructField], decoded: &pl::Schema, path: &str) -> Result<pl::Expr> {
    let name = field.name.as_str();
    let found = in_file.iter().find(|f| f.name == name).or_else(|| in_file.iter().find(|f| f.name.eq_ignore_ascii_case(name)));
    let Some(file_field) = found else {
        return Ok(pl::lit(pl::Null {}).cast(super::types::to_polars(&field.data_type)).alias(name));
    };
    if !readable_as(&file_field.data_type, &field.data_type) {
        return Err(type_mismatch(path, name, &file_field.data_type, &field.data_type));
    }
    let from = decoded.get(file_field.name.as_str()).ok_or_else(|| Error::internal(format!("Polars did not read column {}", file_field.name)))?;
    Ok(to_engine(pl::col(file_field.name.as_str()), from, &field.data_type, None).alias(name))
}

/// Whether Spark's Parquet reader reads values of `file` type as `read` type: the same
/// type, or a widening that keeps every value.
fn readable_as(file: &DataType, read: &DataType) -> bool {
    use DataType as T;
    let digits = |t: &T| match t {
        T::Byte => Some(3),
        T::Short => Some(5),
        T::Integer => Some(10),
        T::Long => Some(19),
        _ => None,
    };
    match (file, read) {
        (a, b) if a == b => true,
        (a, b) if a.is_integral() && b.is_integral() => digits(b) >= digits(a),
        (T::Byte | T::Short | T::Integer | T::Float, T::Double) => true,
        (a, T::Decimal(p, s)) if a.is_integral() => digits(a).is_some_and(|d| p.saturating_sub(*s) >= d),
        (T::Decimal(p1, s1), T::Decimal(p2, s2)) => s2 >= s1 && p2.saturating_sub(*s2) >= p1.saturating_sub(*s1),
        (T::Date, T::TimestampNtz) => true,
        (T::Array(a, _), T::Array(b, _)) => readable_as(a, b),
        (T::Map(k1, v1, _), T::Map(k2, v2, _)) => readable_as(k1, k2) && readable_as(v1, v2),
        (T::Struct(a), T::Struct(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.name.eq_ignore_ascii_case(&y.name) && readable_as(&x.data_type, &y.data_type))
        }
        _ => false,
    }
}

fn type_mismatch(path: &str, column: &str, file: &DataType, read: &DataType) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
        format!(
            "Error while reading file {path}. Data type mismatches when reading Parquet column `{column}`. Expected Spark type {}, actual Parquet type {}.",
            read.sql(),
            file.sql()
        ),
    )
}

/// Whether Polars, which decodes by the Arrow schema a writer may store in the footer,
/// gives the values of the Parquet types Spark reads. Not so for Arrow extension types
/// (`arrow.json`: Polars stops at them) and second-unit durations (Polars rescales them
/// to milliseconds; Spark reads the bare INT64).
fn arrow_schema_is_faithful(metadata: &FileMetadata) -> bool {
    fn faithful(t: &ArrowDataType) -> bool {
        match t {
            ArrowDataType::Extension(_) | ArrowDataType::Duration(ArrowTimeUnit::Second) => false,
            ArrowDataType::List(f) | ArrowDataType::LargeList(f) | ArrowDataType::FixedSizeList(f, _) | ArrowDataType::Map(f, _) => {
                faithful(f.dtype())
            }
            ArrowDataType::Struct(fields) => fields.iter().all(|f| faithful(f.dtype())),
            ArrowDataType::Dictionary(_, values, _) => faithful(values),
            _ => true,
        }
    }
    polars_parquet::read::infer_schema(metadata).is_ok_and(|schema| schema.iter_values().all(|f| faithful(f.dtype())))
}

/// Files read eagerly with their footer's Arrow schema set aside, so Polars decodes
/// the Parquet types themselves.
fn read_without_arrow_schema(files: &[PathBuf]) -> Result<pl::LazyFrame> {
    let frames = files.iter().map(|f| read_file_without_arrow_schema(f)).collect::<Result<Vec<_>>>()?;
    Ok(pl::concat(frames, pl::UnionArgs::default())?)
}

fn read_file_without_arrow_schema(file: &Path) -> Result<pl::LazyFrame> {
    let mut metadata = footer(file)?;
    if let Some(kv) = metadata.key_value_metadata.as_mut() {
        kv.retain(|entry| entry.key != "ARROW:schema");
    }
    let f = std::fs::File::open(file).map_err(|e| cannot_read(file, &e.to_string()))?;
    let mut reader = pl::ParquetReader::new(f);
    reader.set_metadata(Arc::new(metadata));
    Ok(pl::IntoLazy::lazy(reader.finish()?))
}

/// The data files of a path, sorted by name: the path itself, the files under a
/// directory, or those a glob (`*`, `?` in any component) matches. Names starting with
/// `_` or `.` (`_SUCCESS`, checksums) are not data, as in Spark.
fn data_files(path: &str) -> Vec<PathBuf> {
    let roots = if path.contains(['*', '?']) { expand_glob(Path::new(path)) } else { vec![PathBuf::from(path)] };
    let mut files = vec![];
    for root in roots {
        collect_files(&root, &mut files);
    }
    files
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('_') || n.starts_with('.'))
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    entries.sort();
    entries
}

fn collect_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        out.push(p.to_path_buf());
    } else {
        for e in sorted_entries(p).into_iter().filter(|e| !is_hidden(e)) {
            collect_files(&e, out);
        }
    }
}

fn expand_glob(pattern: &Path) -> Vec<PathBuf> {
    let mut matches = vec![PathBuf::new()];
    for component in pattern.components() {
        let part = component.as_os_str().to_string_lossy();
        if !part.contains(['*', '?']) {
            matches.iter_mut().for_each(|m| m.push(component));
            continue;
        }
        matches = matches
            .iter()
            .flat_map(|dir| sorted_entries(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }))
            .filter(|e| !is_hidden(e) && e.file_name().is_some_and(|n| wildcard_match(&part, &n.to_string_lossy())))
            .collect();
    }
    matches.into_iter().filter(|m| m.exists()).collect()
}

fn wildcard_match(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some('*') => (0..=n.len()).any(|i| go(&p[1..], &n[i..])),
            Some('?') => !n.is_empty() && go(&p[1..], &n[1..]),
            Some(c) => n.first() == Some(c) && go(&p[1..], &n[1..]),
        }
    }
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    go(&p, &n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("part-*.parquet", "part-0001.parquet"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("*.parquet", "x.csv"));
    }

    #[test]
    fn data_files_skip_hidden_names() {
        let dir = std::env::temp_dir().join(format!("pyrust-parquet-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for name in ["_SUCCESS", ".part-0.crc", "part-1.parquet", "sub/part-0.parquet"] {
            std::fs::write(dir.join(name), b"").unwrap();
        }
        let found: Vec<String> = data_files(dir.to_str().unwrap()).iter().map(|p| p.strip_prefix(&dir).unwrap().display().to_string()).collect();
        assert_eq!(found, ["part-1.parquet", "sub/part-0.parquet"]);
        let glob = format!("{}/part-*", dir.display());
        assert_eq!(data_files(&glob).len(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn user_schemas_may_widen_never_narrow() {
        assert!(readable_as(&DataType::Integer, &DataType::Long));
        assert!(readable_as(&DataType::Long, &DataType::Decimal(20, 0)));
        assert!(readable_as(&DataType::Decimal(5, 2), &DataType::Decimal(7, 3)));
        assert!(!readable_as(&DataType::Long, &DataType::Integer));
        assert!(!readable_as(&DataType::Byte, &DataType::String));
        assert!(!readable_as(&DataType::Decimal(5, 2), &DataType::Decimal(5, 3)));
    }
}
