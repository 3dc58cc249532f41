//! `df.write.orc`: PyRust computes the rows and lays out and commits the files
//! (`io::write::write_external`); each part file is written by a Python function with
//! pyarrow.orc (Polars has no ORC writer), handed the part's rows as an Arrow stream.

use super::arrow::export_stream;
use super::errors::{carry_python_error, guard, guard_interruptible};
use crate::error::Result;
use crate::exec::Session;
use crate::io::write::{SaveMode, WriteContext, WriteSpec};
use crate::ir::{FileFormat, Plan, StructField};
use polars::prelude as pl;
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What `df.write.orc` was asked for.
pub struct OrcWrite {
    pub mode: String,
    pub path: String,
    pub options: BTreeMap<String, String>,
    pub partition_by: Vec<String>,
    /// The part files' extension (`.zstd.orc`), from the codec the Python side resolved.
    pub ext: String,
}

/// Writes `plan`'s rows as ORC: `writer(stream, path)` writes one part file.
pub fn write(py: Python<'_>, session: Arc<Session>, plan: Arc<Plan>, fields: Vec<StructField>, w: OrcWrite, writer: Py<PyAny>) -> PyResult<()> {
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
        let write_part = |df: pl::DataFrame, data: &[StructField], path: &std::path::Path| -> Result<()> {
            Python::attach(|py| {
                let stream = export_stream(py, df, data, false)?;
                writer.call1(py, (stream, path.to_string_lossy().into_owned())).map(|_| ())
            })
            .map_err(carry_python_error)
        };
        crate::io::write::write_external(&spec, "orc", crate::io::orc::OPTIONS, &w.ext, rows, &fields, &plan.scanned_paths(), &ctx, write_part)
    })
}
