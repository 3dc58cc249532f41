//! Parquet scans: the schema comes from a footer as Spark reads it
//! (`types::parquet`) plus the partition columns of the directories (`files`); the data
//! from Polars' lazy scan of each file, turned into the engine representation of that
//! schema (`types::engine`).

use super::files::DataFile;
use super::location::{self, Location, Storage};
use super::remote::Client;
use crate::lowering::types::{engine::to_engine, parquet::spark_schema, to_polars};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, SerReader};
use polars_arrow::datatypes::{ArrowDataType, TimeUnit as ArrowTimeUnit};
use polars_parquet::parquet::metadata::FileMetadata;
use std::path::Path;
use std::sync::Arc;
use super::options::{spec, Direction, Kind, Spec, Support};

/// Spark's Parquet options (`ParquetOptions`), and what PyRust does with each.
pub const OPTIONS: &[Spec] = &[
    // Default: the session's `spark.sql.parquet.mergeSchema` (false).
    spec("mergeSchema", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("datetimeRebaseMode", Kind::Text, "CORRECTED", Direction::Read, Support::Values(&["corrected"])),
    spec("int96RebaseMode", Kind::Text, "CORRECTED", Direction::Read, Support::Values(&["corrected"])),
    spec("compression", Kind::Text, "snappy", Direction::Write, Support::Values(&["none", "uncompressed", "snappy", "gzip", "zstd", "lz4_raw", "lz4raw"]))
        .aliases(&["parquet.compression"]),
];

/// The Spark schema of Parquet data files (local, or remote ones named by their Polars
/// URLs): the footer of the first (as Spark reads it when `mergeSchema` is off), or the
/// merge of every file's (`parquet_merge`). `ignore_corrupt`: a file whose footer does
/// not read is left out. Partition columns are added by the caller.
pub fn data_schema(files: &[DataFile], storage: &Storage, merge: bool, case_sensitive: bool, ignore_corrupt: bool) -> Result<Vec<StructField>> {
    let unable = || {
        Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for Parquet. It must be specified manually.")
            .with_param("format", "Parquet")
    };
    // Spark reads only the first file's footer unless merging (a corrupt one ignored
    // leaves no schema, even when others would do).
    let touched = if merge { files } else { &files[..files.len().min(1)] };
    let mut schemas = vec![];
    for file in touched {
        match file_schema(&file.path, storage) {
            Ok(fields) => schemas.push(fields),
            Err(_) if ignore_corrupt => {}
            Err(e) => return Err(e),
        }
    }
    super::parquet_merge::merge_all(schemas, case_sensitive)?.ok_or_else(unable)
}

/// One file's Spark schema: its footer's Parquet types, with the metadata of the Spark
/// schema its writer stored there.
fn file_schema(path: &Path, storage: &Storage) -> Result<Vec<StructField>> {
    let footer = footer(path, storage)?;
    let fields = spark_schema(footer.schema().fields())?;
    Ok(match written_schema(&footer) {
        Some(written) => with_written_metadata(fields, &written),
        None => fields,
    })
}

/// The footer key Spark writes its schema under (`ParquetReadSupport.SPARK_METADATA_KEY`),
/// beside the Spark version (`SPARK_VERSION_METADATA_KEY`).
const SPARK_SCHEMA_KEY: &str = "org.apache.spark.sql.parquet.row.metadata";
const SPARK_VERSION_KEY: &str = "org.apache.spark.version";

/// The footer entries Spark's `ParquetWriteSupport` writes: the data columns' schema as
/// Spark's JSON (their metadata included), so a Spark reader gets it back.
pub fn spark_footer(fields: &[StructField]) -> pl::KeyValueMetadata {
    pl::KeyValueMetadata::from_static(spark_footer_pairs(fields))
}

/// The key-value pairs of `spark_footer`, for writers other than Polars'.
pub fn spark_footer_pairs(fields: &[StructField]) -> Vec<(String, String)> {
    let schema = DataType::Struct(fields.to_vec()).to_json().to_string();
    vec![(SPARK_VERSION_KEY.into(), "4.0.1".into()), (SPARK_SCHEMA_KEY.into(), schema)]
}

/// The Spark schema a footer carries, when its writer was Spark (or PyRust).
fn written_schema(footer: &FileMetadata) -> Option<Vec<StructField>> {
    let entry = footer.key_value_metadata.as_ref()?.iter().find(|kv| kv.key == SPARK_SCHEMA_KEY)?;
    let json = serde_json::from_str(entry.value.as_deref()?).ok()?;
    match DataType::from_json(&json).ok()? {
        DataType::Struct(fields) => Some(fields),
        _ => None,
    }
}

/// The columns read from a footer's Parquet types with the metadata the writer's Spark
/// schema gives them (top-level and nested fields, matched by name), as Spark's reader,
/// which takes that schema whole; the types stay those of the Parquet columns, which
/// are the ones decoded.
fn with_written_metadata(fields: Vec<StructField>, written: &[StructField]) -> Vec<StructField> {
    fields
        .into_iter()
        .map(|f| match written.iter().find(|w| w.name == f.name) {
            Some(w) => StructField { data_type: nested_metadata(f.data_type, &w.data_type), metadata: w.metadata.clone(), ..f },
            None => f,
        })
        .collect()
}

fn nested_metadata(read: DataType, written: &DataType) -> DataType {
    match (read, written) {
        (DataType::Struct(fields), DataType::Struct(w)) => DataType::Struct(with_written_metadata(fields, w)),
        (DataType::Array(e, n), DataType::Array(w, _)) => DataType::Array(Box::new(nested_metadata(*e, w)), n),
        (DataType::Map(k, v, n), DataType::Map(wk, wv, _)) => {
            DataType::Map(Box::new(nested_metadata(*k, wk)), Box::new(nested_metadata(*v, wv)), n)
        }
        // ANSI intervals are INT64/INT32 in Parquet; the writer's schema says which
        // (pyarrow-written part files carry no Arrow schema that would).
        (DataType::Long, w @ DataType::DayTimeInterval(..)) | (DataType::Integer, w @ DataType::YearMonthInterval(..)) => w.clone(),
        (read, _) => read,
    }
}

/// Spark refuses a data schema (read or written) with a name twice, compared as
/// `spark.sql.caseSensitive` says (ignoring case by default).
pub fn check_duplicate_names(fields: &[StructField], case_sensitive: bool) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for f in fields {
        let name = if case_sensitive { f.name.clone() } else { f.name.to_lowercase() };
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

/// The remote object a listed data file names, with its bucket's client.
fn remote_file(file: &Path, storage: &Storage) -> Result<Option<(std::sync::Arc<Client>, String)>> {
    match location::parse(&file.to_string_lossy())? {
        Location::Local(_) => Ok(None),
        Location::Remote(r) => Ok(Some((Client::get_or_build(&r, storage)?, r.key))),
    }
}

/// The footer of a remote file: its last 64 KiB, and more when the footer is longer.
fn remote_footer(client: &Client, key: &str, file: &Path) -> Result<FileMetadata> {
    let size = client.head(key)?.map(|m| m.size).ok_or_else(|| super::remote::path_not_found(&file.display().to_string()))?;
    let mut tail = client.get_range(key, size.saturating_sub(65536)..size)?;
    if tail.len() >= 8 {
        let len = u32::from_le_bytes([tail[tail.len() - 8], tail[tail.len() - 7], tail[tail.len() - 6], tail[tail.len() - 5]]) as u64;
        if len + 8 > tail.len() as u64 && len + 8 <= size {
            tail = client.get_range(key, size - len - 8..size)?;
        }
    }
    polars_parquet::parquet::read::read_metadata(&mut std::io::Cursor::new(tail)).map_err(|e| cannot_read(file, &e.to_string()))
}

fn footer(file: &Path, storage: &Storage) -> Result<FileMetadata> {
    if let Some((client, key)) = remote_file(file, storage)? {
        return remote_footer(&client, &key, file);
    }
    let mut f = std::fs::File::open(file).map_err(|e| cannot_read(file, &e.to_string()))?;
    polars_parquet::parquet::read::read_metadata(&mut f).map_err(|e| cannot_read(file, &e.to_string()))
}

/// Spark's error for a footer that does not read while inferring the schema (its cause,
/// `_detail`, is not in PySpark's message).
fn cannot_read(file: &Path, _detail: &str) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER",
        format!(
            "Encountered error while reading file file:{}. Could not read footer. Please ensure that the file is in either ORC or Parquet format.\nIf not, please convert it to a valid format. If the file is in the valid format, please check if it is corrupt.\nIf it is, you can choose to either ignore it or fix the corruption.",
            file.display()
        ),
    )
    .with_param("path", format!("file:{}", file.display()))
}

/// Whether a file's footer reads (`ignoreCorruptFiles` leaves the others out).
pub fn footer_reads(file: &Path, storage: &Storage) -> bool {
    footer(file, storage).is_ok()
}

/// One data file scanned lazily, its columns in the engine representation of `fields`
/// (the inferred schema, or the user's). Each file is scanned on its own, as Spark
/// reads each with its own footer: a column one file lacks is NULL there, a
/// dictionary-encoded file and a plain one read alike.
pub fn scan_file(path: &Path, fields: &[StructField], storage: &Storage, case_sensitive: bool) -> Result<pl::LazyFrame> {
    // A footer that does not read while the rows are read is Spark's task failure.
    let metadata = footer(path, storage).map_err(|_| super::ignore::read_failed(path))?;
    let mut lf = match (arrow_schema_is_faithful(&metadata), remote_file(path, storage)?) {
        (true, None) => pl::LazyFrame::scan_parquet(pl::PlRefPath::new(path.to_string_lossy().as_ref()), pl::ScanArgsParquet::default())?,
        // A remote file is scanned by Polars' cloud reader (byte ranges, with the
        // projection and predicates pushed into it), as the listed object (no globbing).
        (true, Some((client, _))) => {
            let args = pl::ScanArgsParquet { cloud_options: Some(client.options().clone()), glob: false, ..Default::default() };
            pl::LazyFrame::scan_parquet(pl::PlRefPath::new(path.to_string_lossy().as_ref()), args)?
        }
        (false, None) => read_without_arrow_schema(std::fs::File::open(path).map_err(|e| cannot_read(path, &e.to_string()))?, metadata.clone())?,
        (false, Some((client, key))) => read_without_arrow_schema(std::io::Cursor::new(client.get(&key)?), metadata.clone())?,
    };
    let in_file = spark_schema(metadata.schema().fields())?;
    // Types only the writer's Spark schema tells (ANSI intervals inside maps and structs).
    let in_file = match written_schema(&metadata) {
        Some(written) => with_written_metadata(in_file, &written),
        None => in_file,
    };
    let decoded = lf.collect_schema()?;
    let columns = fields.iter().map(|f| column(f, &in_file, &decoded, path, case_sensitive)).collect::<Result<Vec<_>>>();
    // A name two file columns match is the task's failure, which Spark reports as the
    // file's (the duplicate fields only in its cause).
    let columns = columns.map_err(|e| if e.error_class.as_deref() == Some(AMBIGUOUS_FIELD) { super::ignore::read_failed(path) } else { e })?;
    Ok(lf.select(columns))
}

/// The column for a field of the read schema: found by name as Spark's reader finds it
/// (`spark.sql.caseSensitive`), NULL when the file lacks it, an error when the file's
/// type cannot be read as the field's (Spark's reader widens, never narrows).
fn column(field: &StructField, in_file: &[StructField], decoded: &pl::Schema, file: &Path, case_sensitive: bool) -> Result<pl::Expr> {
    let name = field.name.as_str();
    let Some(file_field) = file_field(in_file, name, case_sensitive)?.map(|i| &in_file[i]) else {
        return Ok(pl::lit(pl::Null {}).cast(to_polars(&field.data_type)).alias(name));
    };
    if !readable_as(&file_field.data_type, &field.data_type, case_sensitive) {
        return Err(type_mismatch(file, name, &file_field.data_type, &field.data_type));
    }
    let from = decoded.get(file_field.name.as_str()).ok_or_else(|| Error::internal(format!("Polars did not read column {}", file_field.name)))?;
    Ok(conform(pl::col(file_field.name.as_str()), from, &file_field.data_type, &field.data_type, case_sensitive).alias(name))
}

/// Which of a file's fields (columns or struct members) a read-schema name reads, as
/// Spark's `ParquetReadSupport` clips: the same name when case-sensitive; otherwise
/// the one field equal ignoring case, more than one being Spark's error even beside
/// an exact match.
const AMBIGUOUS_FIELD: &str = "_LEGACY_ERROR_TEMP_2093";

fn file_field(in_file: &[StructField], name: &str, case_sensitive: bool) -> Result<Option<usize>> {
    if case_sensitive {
        return Ok(in_file.iter().position(|f| f.name == name));
    }
    let matched: Vec<usize> = (0..in_file.len()).filter(|&i| in_file[i].name.to_lowercase() == name.to_lowercase()).collect();
    if matched.len() > 1 {
        let names = matched.iter().map(|&i| in_file[i].name.as_str()).collect::<Vec<_>>().join(", ");
        return Err(Error::new(
            ErrorKind::Runtime,
            AMBIGUOUS_FIELD,
            format!("Found duplicate field(s) \"{name}\": [{names}] in case-insensitive mode"),
        ));
    }
    Ok(matched.first().copied())
}

/// `e` (decoded as `from`, of Spark type `file`) in the engine representation of `to`.
/// A struct the read schema gives other members than the file's (a merged schema, or
/// the user's) is rebuilt by name: a member the file lacks is NULL. The rest is
/// `to_engine`'s.
fn conform(e: pl::Expr, from: &pl::DataType, file: &DataType, to: &DataType, case_sensitive: bool) -> pl::Expr {
    match (from, file, to) {
        (pl::DataType::Struct(members), DataType::Struct(ff), DataType::Struct(tf)) if reshaped(file, to) => {
            let built: Vec<pl::Expr> = tf
                .iter()
                .map(|t| {
                    // An ambiguous member failed `readable_as` already.
                    let found = file_field(ff, &t.name, case_sensitive).ok().flatten();
                    match found.and_then(|i| members.get(i).map(|m| (i, m))) {
                        Some((i, m)) => conform(e.clone().struct_().field_by_index(i as i64), m.dtype(), &ff[i].data_type, &t.data_type, case_sensitive),
                        None => pl::lit(pl::Null {}).cast(to_polars(&t.data_type)),
                    }
                    .alias(t.name.as_str())
                })
                .collect();
            // Building a struct from its members loses its own nulls: keep them.
            pl::when(e.clone().is_null()).then(pl::lit(pl::Null {}).cast(to_polars(to))).otherwise(pl::as_struct(built))
        }
        (pl::DataType::List(inner), DataType::Array(fe, _), DataType::Array(te, _)) if reshaped(file, to) => {
            e.list().eval(conform(pl::element(), inner, fe, te, case_sensitive))
        }
        _ => to_engine(e, from, to, None),
    }
}

/// Whether a read type's structs (at any depth, through arrays) have other members, or
/// members in another order, than the file's.
fn reshaped(file: &DataType, read: &DataType) -> bool {
    match (file, read) {
        (DataType::Struct(a), DataType::Struct(b)) => {
            a.len() != b.len() || a.iter().zip(b).any(|(x, y)| x.name != y.name || reshaped(&x.data_type, &y.data_type))
        }
        (DataType::Array(a, _), DataType::Array(b, _)) => reshaped(a, b),
        _ => false,
    }
}

/// Whether Spark's Parquet reader reads values of `file` type as `read` type: the same
/// type, or a widening that keeps every value.
fn readable_as(file: &DataType, read: &DataType, case_sensitive: bool) -> bool {
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
        (T::Array(a, _), T::Array(b, _)) => readable_as(a, b, case_sensitive),
        (T::Map(k1, v1, _), T::Map(k2, v2, _)) => readable_as(k1, k2, case_sensitive) && readable_as(v1, v2, case_sensitive),
        // Members are matched by name: one the file lacks reads as NULL (`conform`).
        (T::Struct(a), T::Struct(b)) => b.iter().all(|y| match file_field(a, &y.name, case_sensitive) {
            Ok(Some(i)) => readable_as(&a[i].data_type, &y.data_type, case_sensitive),
            Ok(None) => true,
            Err(_) => false,
        }),
        _ => false,
    }
}

fn type_mismatch(path: &Path, column: &str, file: &DataType, read: &DataType) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
        format!(
            "Error while reading file file:{}. Data type mismatches when reading Parquet column `{column}`. Expected Spark type {}, actual Parquet type {}.",
            path.display(),
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

/// A file read eagerly with its footer's Arrow schema set aside, so Polars decodes the
/// Parquet types themselves.
fn read_without_arrow_schema<R: polars::io::mmap::MmapBytesReader>(f: R, mut metadata: FileMetadata) -> Result<pl::LazyFrame> {
    if let Some(kv) = metadata.key_value_metadata.as_mut() {
        kv.retain(|entry| entry.key != "ARROW:schema");
    }
    let mut reader = pl::ParquetReader::new(f);
    reader.set_metadata(Arc::new(metadata));
    Ok(pl::IntoLazy::lazy(reader.finish()?))
}


/// The Parquet codec of the `compression` option (Spark's default is snappy).
pub fn codec(options: &std::collections::BTreeMap<String, String>) -> String {
    super::options::get(OPTIONS, options, "compression").unwrap_or("snappy").to_ascii_lowercase()
}

/// The codec part of Spark's file names: `.snappy.parquet`, `.gz.parquet`, `.parquet`.
pub fn file_extension(options: &std::collections::BTreeMap<String, String>) -> String {
    match codec(options).as_str() {
        "none" | "uncompressed" => ".parquet".into(),
        "gzip" => ".gz.parquet".into(),
        "lz4_raw" | "lz4raw" => ".lz4raw.parquet".into(),
        other => format!(".{other}.parquet"),
    }
}

/// Writes the rows of `df` (columns named as `fields`) as one Parquet file. TIMESTAMP
/// columns are marked as UTC instants (Parquet's `isAdjustedToUTC`), so Spark reads them
/// back as TIMESTAMP and TIMESTAMP_NTZ ones as TIMESTAMP_NTZ.
pub fn write_file(mut df: pl::DataFrame, fields: &[StructField], options: &std::collections::BTreeMap<String, String>, path: &Path) -> Result<()> {
    check_writable(fields)?;
    for f in fields {
        if f.data_type == DataType::Timestamp {
            let utc = df.column(&f.name)?.cast(&utc_instant())?;
            df.with_column(utc)?;
        }
    }
    let file = std::fs::File::create(path).map_err(|e| super::files::io_error("creating", path, e))?;
    pl::ParquetWriter::new(file)
        .with_compression(compression(options))
        .with_key_value_metadata(Some(spark_footer(fields)))
        .finish(&mut df)?;
    Ok(())
}

/// How TIMESTAMP columns are stored: instants adjusted to UTC.
pub fn utc_instant() -> pl::DataType {
    pl::DataType::Datetime(pl::TimeUnit::Microseconds, Some(pl::TimeZone::UTC))
}

/// The columns Polars' Parquet writer can hold as Spark writes them: not MAP (those
/// writes go to pyarrow, `io::write::ParquetPartWriter`).
pub fn check_writable(fields: &[StructField]) -> Result<()> {
    match fields.iter().find(|f| holds_map(&f.data_type)) {
        Some(f) => Err(Error::unsupported(format!("writing the MAP column `{}` to Parquet", f.name))),
        None => Ok(()),
    }
}

/// Whether a type is or holds a MAP (which Polars cannot write as Parquet's MAP).
pub fn holds_map(t: &DataType) -> bool {
    t.holds(&|t| matches!(t, DataType::Map(..)))
}

/// The Polars codec of the `compression` option.
pub fn compression(options: &std::collections::BTreeMap<String, String>) -> pl::ParquetCompression {
    match codec(options).as_str() {
        "none" | "uncompressed" => pl::ParquetCompression::Uncompressed,
        "gzip" => pl::ParquetCompression::Gzip(None),
        "zstd" => pl::ParquetCompression::Zstd(None),
        "lz4_raw" | "lz4raw" => pl::ParquetCompression::Lz4Raw,
        _ => pl::ParquetCompression::Snappy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_schemas_may_widen_never_narrow() {
        assert!(readable_as(&DataType::Integer, &DataType::Long, false));
        assert!(readable_as(&DataType::Long, &DataType::Decimal(20, 0), false));
        assert!(readable_as(&DataType::Decimal(5, 2), &DataType::Decimal(7, 3), false));
        assert!(!readable_as(&DataType::Long, &DataType::Integer, false));
        assert!(!readable_as(&DataType::Byte, &DataType::String, false));
        assert!(!readable_as(&DataType::Decimal(5, 2), &DataType::Decimal(5, 3), false));
    }

    #[test]
    fn names_are_found_as_spark_s_reader_finds_them() {
        let fields = [StructField::new("a", DataType::Integer, true), StructField::new("B", DataType::Integer, true), StructField::new("b", DataType::Integer, true)];
        assert_eq!(file_field(&fields, "A", true).unwrap(), None);
        assert_eq!(file_field(&fields, "A", false).unwrap(), Some(0));
        assert_eq!(file_field(&fields, "b", true).unwrap(), Some(2));
        let e = file_field(&fields, "b", false).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("_LEGACY_ERROR_TEMP_2093"));
    }

    #[test]
    fn footer_gives_nested_intervals_their_types() {
        let map = |v: DataType| DataType::Map(Box::new(DataType::String), Box::new(v), true);
        let written = [StructField::new("m", map(DataType::YearMonthInterval(0, 1)), true)];
        let read = with_written_metadata(vec![StructField::new("m", map(DataType::Integer), true)], &written);
        assert_eq!(read[0].data_type, written[0].data_type);
        let kept = with_written_metadata(vec![StructField::new("m", map(DataType::Long), true)], &written);
        assert_eq!(kept[0].data_type, map(DataType::Long));
    }
}
