//! Writes whose files pyarrow writes: ORC (Polars has no ORC writer) and Parquet with a
//! MAP column (Polars writes a map as a list of key-value structs, which Spark reads back
//! as an array; pyarrow writes Parquet's MAP). PyRust computes the rows and lays out and
//! commits the files; each part file is written by a Python function, handed the part's
//! rows as an Arrow stream. ORC writes come from `DataFrameWriter.save` (`write_orc`,
//! through `io::write::write_external`); Parquet ones from the engine's every write path
//! (`PyArrowParquet`, the session's `io::write::ParquetPartWriter`).

use super::arrow::export_stream;
use super::errors::{carry_python_error, guard, guard_interruptible};
use crate::error::Result;
use crate::exec::Session;
use crate::io::write::{SaveMode, WriteContext, WriteSpec};
use crate::ir::{DataType, FileFormat, Plan, StructField};
use polars::prelude as pl;
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// What the ORC write was asked for.
pub struct OrcWrite {
    pub mode: String,
    pub path: String,
    pub options: BTreeMap<String, String>,
    pub partition_by: Vec<String>,
    /// The part files' extension (`.zstd.orc`), from the codec the Python side resolved.
    pub ext: String,
}

/// Writes `plan`'s rows as ORC: `writer(stream, path)` writes one part file.
pub fn write_orc(py: Python<'_>, session: Arc<Session>, plan: Arc<Plan>, fields: Vec<StructField>, w: OrcWrite, writer: Py<PyAny>) -> PyResult<()> {
    let mut spec = guard(py, || {
        // `format` is not read by `write_external`.
        Ok(WriteSpec { format: FileFormat::Parquet, mode: SaveMode::parse(&w.mode)?, path: w.path.clone(), options: w.options.clone(), partition_by: w.partition_by.clone() })
    })?;
    // Session settings a write's own option overrides (as `exec::write`).
    for (key, option) in [("spark.sql.files.maxRecordsPerFile", "maxRecordsPerFile"), ("spark.sql.sources.partitionOverwriteMode", "partitionOverwriteMode")] {
        if let Some(value) = session.get_conf(key) {
            if !spec.options.keys().any(|k| k.eq_ignore_ascii_case(option)) {
                spec.options.insert(option.into(), value);
            }
        }
    }
    guard_interruptible(py, move || {
        let conf = session.analysis_conf();
        let ctx = WriteContext { session_time_zone: &conf.session_time_zone, case_sensitive: conf.case_sensitive, storage: &conf.storage };
        let rows = || -> Result<pl::DataFrame> {
            let mut df = session.execute(&plan)?;
            if df.width() == fields.len() {
                let names: Vec<pl::PlSmallStr> = fields.iter().map(|f| f.name.as_str().into()).collect();
                df.set_column_names(&names)?;
            }
            Ok(df)
        };
        let write_part = |df: pl::DataFrame, data: &[StructField], path: &Path| call_writer(&writer, df, data, path, false);
        crate::io::write::write_external(&spec, "orc", crate::io::orc::OPTIONS, &w.ext, rows, &fields, &plan.scanned_paths(), &ctx, write_part)
    })
}

/// `writer(stream, path)` (ORC) or `writer(stream, path, footer)` (Parquet, with
/// Spark's key-value metadata) over one part file's rows.
fn call_writer(writer: &Py<PyAny>, df: pl::DataFrame, data: &[StructField], path: &Path, parquet: bool) -> Result<()> {
    Python::attach(|py| {
        let path = path.to_string_lossy().into_owned();
        match parquet {
            // The footer keeps the data's own nullability, as Spark's.
            true => writer.call1(py, (export_stream(py, df, &arrow_schema(data), false)?, path, crate::io::parquet::spark_footer_pairs(data))),
            false => writer.call1(py, (export_stream(py, df, data, false)?, path)),
        }
        .map(|_| ())
    })
    .map_err(carry_python_error)
}

/// The session's Parquet writer of MAP columns, for every write the engine makes
/// (`saveAsTable`, `insertInto`, SQL `CREATE TABLE ... AS`, `INSERT`, `save`):
/// `pyrust.sql._arrow_parquet`'s part writer.
pub struct PyArrowParquet;

impl crate::io::write::ParquetPartWriter for PyArrowParquet {
    fn write_part(&self, df: pl::DataFrame, data: &[StructField], codec: &str, path: &Path) -> Result<()> {
        let writer = Python::attach(|py| -> PyResult<Py<PyAny>> {
            let module = py.import("pyrust.sql._arrow_parquet")?;
            Ok(module.getattr("part_writer")?.call1((codec,))?.unbind())
        })
        .map_err(carry_python_error)?;
        call_writer(&writer, df, data, path, true)
    }
}

/// The Arrow schema of a Parquet part: year-month intervals as their months, struct
/// members nullable at any depth. Parquet's
/// writer refuses a non-nullable member holding the NULLs of a NULL struct, which Spark
/// writes (Polars' struct arrays carry the parent's NULLs into the members).
fn arrow_schema(data: &[StructField]) -> Vec<StructField> {
    fn relax(t: &DataType) -> DataType {
        match t {
            DataType::Struct(fields) => DataType::Struct(fields.iter().map(|f| StructField { data_type: relax(&f.data_type), nullable: true, ..f.clone() }).collect()),
            DataType::Array(e, n) => DataType::Array(Box::new(relax(e)), *n),
            DataType::Map(k, v, n) => DataType::Map(Box::new(relax(k)), Box::new(relax(v)), *n),
            // Months as Parquet's INT32, as Spark stores them (Arrow has no Spark type
            // for them); the footer's schema gives the type back.
            DataType::YearMonthInterval(..) => DataType::Integer,
            other => other.clone(),
        }
    }
    data.iter().map(|f| StructField { data_type: relax(&f.data_type), ..f.clone() }).collect()
}
