//! The session handle: configuration and the ways data enters a plan.

use super::arrow::{import_schema, import_stream};
use super::column::PyExpr;
use super::convert::frame_from_rows;
use super::dataframe::PyDataFrame;
use super::errors::{guard, guard_detached};
use super::types::parse_fields_json;
use crate::analysis::builder;
use crate::exec::Session;
use crate::ir::StructField;
use crate::error::{Error, ErrorKind};
use crate::lowering::types::arrow as arrow_types;
use crate::lowering::types::engine::frame_from_arrow;
use pyo3::exceptions::PyValueError;
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
        let inner = Session::new();
        inner.set_parquet_map_writer(Arc::new(super::arrow_write::PyArrowParquet));
        PySession { inner: Arc::new(inner) }
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
            let mut plan = self.inner.create_local(df, &fields)?;
            crate::ir::metadata::apply(&mut plan.output, crate::ir::metadata::field_metadata(schema_json));
            Ok(PyDataFrame::new(self.inner.clone(), plan))
        })
    }

    /// Data from any Arrow C stream (pyarrow Table, pandas via pyarrow). The
    /// schema, when given, is Spark's JSON; otherwise it is PySpark's reading of the
    /// Arrow types.
    #[pyo3(signature = (stream, schema_json=None))]
    fn create_dataframe_from_arrow(&self, py: Python<'_>, stream: &Bound<'_, PyAny>, schema_json: Option<&str>) -> PyResult<PyDataFrame> {
        // The types are read first, so a refused one fails before any data is imported.
        let (declared, imported) = match import_schema(stream)? {
            Some(fields) => (fields, None),
            None => {
                let table = import_stream(stream, None)?;
                (table.fields.clone(), Some(table))
            }
        };
        let spark_fields = || -> crate::error::Result<Vec<StructField>> {
            match schema_json {
                Some(s) => parse_fields_json(s),
                None => {
                    let prefer_ntz = self.inner.get_conf("spark.sql.timestampType").is_some_and(|t| t.eq_ignore_ascii_case("TIMESTAMP_NTZ"));
                    arrow_types::spark_schema(&declared, prefer_ntz)
                }
            }
        };
        let fields = guard(py, || match spark_fields() {
            // PySpark surfaces pyarrow's own bare ValueError here (decimal precision over 38).
            Err(Error { kind: ErrorKind::ValueError, error_class: None, message, .. }) => Ok(Err(message)),
            other => other.map(Ok),
        })?
        .map_err(PyValueError::new_err)?;
        if fields.len() != declared.len() {
            // pyarrow's `Table.cast` to the schema's Arrow types refuses this in PySpark.
            return Err(PyValueError::new_err(format!(
                "Target schema's field names are not matching the table's field names: {:?}, {:?}",
                declared.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
                fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>()
            )));
        }
        let table = match imported {
            Some(table) => table,
            None => import_stream(stream, arrow_types::importable(&declared).as_deref())?,
        };
        let zone = self.inner.analysis_conf().session_time_zone;
        let user_schema = schema_json.is_some();
        let df = guard(py, || match frame_from_arrow(table, &fields, &zone) {
            // Under a user's schema PySpark casts the table with pyarrow first, and a
            // value that does not fit fails there, as pyarrow's ArrowInvalid.
            Err(e) if user_schema => Ok(Err(e.message.trim_start_matches("Polars execution failed: ").to_string())),
            other => other.map(Ok),
        })?;
        let df = match df {
            Ok(df) => df,
            Err(message) => {
                let invalid = py.import("pyarrow.lib")?.getattr("ArrowInvalid")?;
                return Err(PyErr::from_value(invalid.call1((message,))?));
            }
        };
        guard(py, || {
            let mut plan = self.inner.create_local(df, &fields)?;
            if let Some(s) = schema_json {
                crate::ir::metadata::apply(&mut plan.output, crate::ir::metadata::field_metadata(s));
            }
            Ok(PyDataFrame::new(self.inner.clone(), plan))
        })
    }

    /// Rows of `schema_json` computed by the Python `runner` from the rows of `inputs`
    /// when an action runs (the pandas function APIs, UDTFs): `runner([streams], zone)`.
    fn python_table(&self, py: Python<'_>, runner: Py<PyAny>, schema_json: &str, inputs: Vec<PyRef<'_, PyDataFrame>>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let fields = parse_fields_json(schema_json)?;
            let inputs = inputs.iter().map(|d| d.plan.clone()).collect();
            Ok(PyDataFrame::new(self.inner.clone(), builder::python_table(inputs, super::udf::table_function(runner), &fields)))
        })
    }

    fn range(&self, py: Python<'_>, start: i64, end: i64, step: i64) -> PyResult<PyDataFrame> {
        guard(py, || Ok(PyDataFrame::new(self.inner.clone(), builder::range(start, end, step)?)))
    }

    #[pyo3(signature = (format, paths, options, schema_json=None))]
    fn read(&self, py: Python<'_>, format: &str, paths: Vec<String>, options: BTreeMap<String, String>, schema_json: Option<&str>) -> PyResult<PyDataFrame> {
        let (format, schema) = guard(py, || Ok((crate::io::parse_format(format)?, schema_json.map(parse_fields_json).transpose()?)))?;
        // Detached: schema inference may list and read objects in a store over the network.
        let inner = self.inner.clone();
        guard_detached(py, move || Ok(PyDataFrame::new(inner.clone(), inner.read(format, paths, options, schema)?)))
    }

    /// An ORC read's data files, each with its partition directories' (name, raw value
    /// or None for NULL), and the partition columns (name, type JSON): the Python reader
    /// reads the files with pyarrow.orc (`io::orc`).
    #[allow(clippy::type_complexity)]
    fn orc_files(&self, py: Python<'_>, paths: Vec<String>, options: BTreeMap<String, String>) -> PyResult<(Vec<(String, Vec<(String, Option<String>)>)>, Vec<(String, String)>)> {
        let inner = self.inner.clone();
        guard_detached(py, move || {
            let zone = inner.analysis_conf().session_time_zone;
            let infer = inner.get_conf("spark.sql.sources.partitionColumnTypeInference.enabled").is_none_or(|v| !v.eq_ignore_ascii_case("false"));
            let (found, partitions) = crate::io::orc::listing(&paths, &options, &zone, infer)?;
            let files = found
                .into_iter()
                .map(|f| {
                    let values = f.partition.into_iter().map(|(k, v)| (k, (v != "__HIVE_DEFAULT_PARTITION__").then_some(v))).collect();
                    (f.path.to_string_lossy().into_owned(), values)
                })
                .collect();
            Ok((files, partitions.into_iter().map(|p| (p.name, p.data_type.to_json().to_string())).collect()))
        })
    }

    /// `spark.sql(text, args)`: a query's DataFrame, or a command's result; `named`
    /// and `positional` are the argument columns of `:name` and `?` parameters.
    #[pyo3(signature = (text, named=None, positional=None))]
    fn sql(&self, py: Python<'_>, text: &str, named: Option<BTreeMap<String, PyExpr>>, positional: Option<Vec<PyExpr>>) -> PyResult<PyDataFrame> {
        // Detached: a PIVOT runs a query now, and a Python UDF in it needs the GIL.
        let inner = self.inner.clone();
        let text = text.to_string();
        let params = crate::sql::parameters::Parameters {
            named: named.unwrap_or_default().into_iter().map(|(k, e)| (k, e.expr)).collect(),
            positional: positional.unwrap_or_default().into_iter().map(|e| e.expr).collect(),
        };
        guard_detached(py, move || Ok(PyDataFrame::new(inner.clone(), inner.sql_with_parameters(&text, params)?)))
    }

    /// `spark.table(name)`: a view or a table of the catalog by its name (`v`,
    /// `global_temp.v`, `db.t`). Detached: a table's files may be listed in a store.
    fn table(&self, py: Python<'_>, name: &str) -> PyResult<PyDataFrame> {
        let (inner, name) = (self.inner.clone(), name.to_string());
        guard_detached(py, move || {
            let parts = crate::sql::parse_name(&name)?;
            let plan = crate::analysis::RelationSource::relation(inner.as_ref(), &parts)?;
            let aliased = crate::analysis::builder::subquery_alias(plan, parts.last().map(String::as_str).unwrap_or(""), crate::analysis::new_plan_id());
            Ok(PyDataFrame::new(inner.clone(), aliased))
        })
    }

    fn drop_temp_view(&self, py: Python<'_>, name: &str, global: bool) -> PyResult<bool> {
        guard(py, || if global { self.inner.catalog.drop_global_temp_view(name) } else { self.inner.catalog.drop_temp_view(name) })
    }

    /// (name, database or None, temporary) of every view.
    fn list_views(&self, py: Python<'_>) -> PyResult<Vec<(String, Option<String>, bool)>> {
        guard(py, || {
            let mut views: Vec<(String, Option<String>, bool)> = self.inner.catalog.temp_views()?.into_iter().map(|v| (v, None, true)).collect();
            views.extend(self.inner.catalog.global_temp_views()?.into_iter().map(|v| (v, Some("global_temp".to_string()), true)));
            Ok(views)
        })
    }

    fn list_databases(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        guard(py, || self.inner.catalog.databases())
    }

    /// Every function by name, sorted: (name, temporary, the class PyRust names).
    fn list_functions(&self) -> Vec<(String, bool, String)> {
        self.inner
            .function_names(true, true)
            .into_iter()
            .map(|(name, temporary)| {
                let class = if temporary { String::new() } else { crate::exec::function_class(&name) };
                (name, temporary, class)
            })
            .collect()
    }

    fn current_database(&self) -> String {
        self.inner.catalog.current_database()
    }

    fn set_current_database(&self, py: Python<'_>, name: &str) -> PyResult<()> {
        guard(py, || self.inner.catalog.set_current_database(name))
    }

    /// `spark.udf.register(name, f)`: `f` callable by `name` from SQL text.
    fn register_udf(&self, name: &str, function: &super::udf::PyUdf) {
        self.inner.register_udf(name, function.def.clone())
    }

    /// `resolver(name, left, args)`: the Python UDTF `name` joined laterally with
    /// `left`'s rows (a DataFrame), or None when there is none (`spark.sql`'s
    /// `LATERAL f(...)`). `Arc::downgrade`: the session does not keep itself alive.
    fn set_table_function_resolver(&self, resolver: Py<PyAny>) {
        let resolver = super::udf::table_function_resolver(resolver, Arc::downgrade(&self.inner));
        self.inner.set_table_function_resolver(resolver)
    }

    fn clear_cache(&self) {
        self.inner.clear_cache(None)
    }

    /// `spark.catalog.listTables(db)`: (name, database, tableType) of the database's
    /// tables (the current database when None).
    #[pyo3(signature = (database=None))]
    fn list_tables(&self, py: Python<'_>, database: Option<String>) -> PyResult<Vec<(String, String, String)>> {
        guard(py, || {
            let db = database.unwrap_or_else(|| self.inner.catalog.current_database());
            Ok(self.inner.tables_of(&db)?.into_iter().map(|m| (m.name.clone(), m.database.clone(), m.table_type().to_string())).collect())
        })
    }

    /// A table's (name, database, tableType, [(column, type, nullable, isPartition)]), or
    /// None when the name is no table of the catalog.
    #[allow(clippy::type_complexity)]
    fn table_info(&self, py: Python<'_>, name: &str) -> PyResult<Option<(String, String, String, Vec<(String, String, bool, bool)>)>> {
        guard(py, || {
            let parts = crate::sql::parse_name(name)?;
            if parts.len() > 3 {
                return Ok(None);
            }
            Ok(self.inner.table_meta(&parts)?.map(|m| {
                let columns = m
                    .schema
                    .iter()
                    .map(|f| (f.name.clone(), f.data_type.simple_string(), f.nullable, m.partition_by.iter().any(|p| p.eq_ignore_ascii_case(&f.name))))
                    .collect();
                (m.name.clone(), m.database.clone(), m.table_type().to_string(), columns)
            }))
        })
    }

    /// `spark.catalog.createTable(name, path, source, schema, **options)`.
    #[pyo3(signature = (name, path, source, schema_json, options))]
    fn create_table(&self, py: Python<'_>, name: &str, path: Option<String>, source: Option<String>, schema_json: Option<&str>, options: BTreeMap<String, String>) -> PyResult<()> {
        let inner = self.inner.clone();
        let (name, schema_json) = (name.to_string(), schema_json.map(str::to_string));
        guard_detached(py, move || {
            let parts = crate::sql::parse_name(&name)?;
            let columns = schema_json.as_deref().map(parse_fields_json).transpose()?.unwrap_or_default();
            inner.create_table(&parts, columns, source.as_deref(), vec![], path, options, None, false)
        })
    }

    /// `DROP TABLE` for the Python side (`spark.catalog` has none, tests use it).
    fn drop_table(&self, py: Python<'_>, name: &str, if_exists: bool) -> PyResult<()> {
        let (inner, name) = (self.inner.clone(), name.to_string());
        guard_detached(py, move || inner.drop_table(&crate::sql::parse_name(&name)?, if_exists))
    }

    fn warehouse_dir(&self) -> String {
        self.inner.warehouse_dir()
    }
}
