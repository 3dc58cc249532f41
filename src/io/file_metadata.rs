//! Spark's `_metadata` column of file sources (`FileFormat.BASE_METADATA_FIELDS`, and
//! Parquet's `row_index`): per row, the file it was read from. A whole file is one
//! block here (Spark splits files larger than `spark.sql.files.maxPartitionBytes`,
//! 128 MB, into blocks and gives each row its block's start and length).

use super::files::DataFile;
use crate::error::Result;
use crate::ir::{DataType, FileFormat, StructField};
use polars::prelude::{self as pl, lit};

/// The column's name, in the plan and in the scan's frame.
pub const METADATA: &str = "_metadata";

/// The struct's Spark type for a format (every field non-null, as Spark's).
pub fn struct_type(format: FileFormat) -> DataType {
    let mut fields = vec![
        StructField::new("file_path", DataType::String, false),
        StructField::new("file_name", DataType::String, false),
        StructField::new("file_size", DataType::Long, false),
        StructField::new("file_block_start", DataType::Long, false),
        StructField::new("file_block_length", DataType::Long, false),
        StructField::new("file_modification_time", DataType::Timestamp, false),
    ];
    if format == FileFormat::Parquet {
        fields.push(StructField::new("row_index", DataType::Long, false));
    }
    DataType::Struct(fields)
}

/// `frame` (one file's rows, in file order) with the `_metadata` struct appended.
pub fn append(frame: pl::LazyFrame, file: &DataFile, format: FileFormat) -> Result<pl::LazyFrame> {
    let stat = std::fs::metadata(&file.path).map_err(|e| super::ignore::io_failed(&file.path, &e))?;
    let size = stat.len() as i64;
    // Hadoop's FileStatus keeps milliseconds.
    let modified = stat.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_millis() as i64 * 1000);
    let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Each value a column of the frame first (literals broadcast to its height), then
    // the struct of them.
    let values = [
        ("file_path", lit(super::input_files::file_uri(&file.path))),
        ("file_name", lit(name)),
        ("file_size", lit(size)),
        ("file_block_start", lit(0i64)),
        ("file_block_length", lit(size)),
        ("file_modification_time", lit(modified).cast(pl::DataType::Datetime(pl::TimeUnit::Microseconds, None))),
    ];
    let hidden = |field: &str| format!("__metadata_{field}");
    let mut frame = frame.with_columns(values.iter().map(|(field, v)| v.clone().alias(hidden(field))).collect::<Vec<_>>());
    let mut fields: Vec<pl::Expr> = values.iter().map(|(field, _)| pl::col(hidden(field)).alias(*field)).collect();
    if format == FileFormat::Parquet {
        frame = frame.with_row_index(hidden("row_index"), None);
        fields.push(pl::col(hidden("row_index")).cast(pl::DataType::Int64).alias("row_index"));
    }
    Ok(frame.with_column(pl::as_struct(fields).alias(METADATA)))
}
