//! The session handle: configuration and the ways data enters a plan.

use super::arrow::import_stream;
use super::convert::frame_from_rows;
use super::dataframe::PyDataFrame;
use super::errors::guard;
use super::types::parse_fields_json;
use crate::analysis::builder;
use crate::exec::Session;
use crate::ir::FileFormat;
use crate::lowering::types::from_polars;
use crate::error::Error;
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::collections::BTreeMap;
use std::sync::Arc;

#[pyclass(name = "Session", module = "pyrust._native", frozen)]
pub struct PySession {
    inner: Arc<Session>,
}

#[pymethods]
impl PySession {
    #[new]
    fn new() -> Self {
        PySession { inner: Arc::new(Session::new()) }
    }

    fn set_conf(&self, key: &str, value: &str) {
        self.inner.set_conf(key, value)
    }

    fn unset_conf(&self, key: &str) {
        self.inner.unset_conf(key)
    }

    fn get_conf(&self, key: &str) -> Option<String> {
        self.inner.get_conf(key)
    }

    fn all_conf(&self) -> Vec<(String, String)> {
        self.inner.all_conf()
    }

    /// Rows (tuples of normalised Python values) with a schema in Spark's JSON.
    #[pyo3(signature = (rows, schema_json, verify=true))]
    fn create_dataframe(&self, py: Python<'_>, rows: &Bound<'_, PyList>, schema_json: &str, verify: bool) -> PyResult<PyDataFrame> {
        guard(py, || {
            let fields = parse_fields_json(schema_json)?;
            let df = frame_from_rows(rows, &fields, verify)?;
            Ok(PyDataFrame::new(self.inner.clone(), self.inner.create_local(df, &fields)?))
        })
    }

    /// Data from any Arrow C stream (pyarrow Table, pandas via pyarrow). The
    /// schema, when given, is Spark's JSON; otherwise it follows the Arrow types.
    #[pyo3(signature = (stream, schema_json=None))]
    fn create_dataframe_from_arrow(&self, py: Python<'_>, stream: &Bound<'_, PyAny>, schema_json: Option<&str>) -> PyResult<PyDataFrame> {
        let (df, names) = import_stream(stream)?;
        guard(py, || {
            let fields = match schema_json {
                Some(s) => parse_fields_json(s)?,
                None => df
                    .columns()
                    .iter()
                    .zip(&names)
                    .map(|(c, n)| Ok(crate::ir::StructField::new(n.clone(), from_polars(c.dtype())?, true)))
                    .collect::<crate::error::Result<Vec<_>>>()?,
            };
            let mut df = df;
            for (i, f) in fields.iter().enumerate() {
                let target = crate::lowering::types::to_polars(&f.data_type);
                let c = df.columns()[i].clone();
                if c.dtype() != &target {
                    let cast = c.cast(&target).map_err(Error::from)?;
                    df.replace_column(i, cast).map_err(Error::from)?;
                }
            }
            Ok(PyDataFrame::new(self.inner.clone(), self.inner.create_local(df, &fields)?))
        })
    }

    fn range(&self, py: Python<'_>, start: i64, end: i64, step: i64) -> PyResult<PyDataFrame> {
        guard(py, || Ok(PyDataFrame::new(self.inner.clone(), builder::range(start, end, step)?)))
    }

    #[pyo3(signature = (format, paths, options, schema_json=None))]
    fn read(&self, py: Python<'_>, format: &str, paths: Vec<String>, options: BTreeMap<String, String>, schema_json: Option<&str>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let format = match format.to_ascii_lowercase().as_str() {
                "csv" => FileFormat::Csv,
                "parquet" => FileFormat::Parquet,
                "json" => FileFormat::Json,
                other => return Err(Error::unsupported(format!("the {other} data source"))),
            };
            let schema = schema_json.map(parse_fields_json).transpose()?;
            Ok(PyDataFrame::new(self.inner.clone(), self.inner.read(format, paths, options, schema)?))
        })
    }

    fn clear_cache(&self) {
        self.inner.clear_cache(None)
    }
}
