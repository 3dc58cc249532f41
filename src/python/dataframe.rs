//! DataFrame handles: a session plus an analysed plan. Every transformation builds
//! a new plan node now (eager analysis) and runs nothing; actions execute.

use super::arrow::export_stream;
use super::column::PyExpr;
use super::convert::rows_to_python;
use super::errors::{guard, guard_detached, guard_interruptible};
use super::types::parse_type_json;
use crate::analysis::builder::{self, JoinOn};
use crate::analysis::new_plan_id;
use crate::compat::show::{cell_text, show_string};
use crate::error::{Error, ErrorKind};
use crate::exec::Session;
use crate::ir::{DataType, Expr, JoinType, Plan, SetOpKind, StructField};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyList, PyType};
use std::sync::Arc;

#[pyclass(name = "DataFrame", module = "pyrust._native", frozen)]
pub struct PyDataFrame {
    pub session: Arc<Session>,
    pub plan: Arc<Plan>,
}

fn exprs(list: Vec<PyExpr>) -> Vec<Expr> {
    list.into_iter().map(|e| e.expr).collect()
}

/// The operations Python kept after an outer reference (`(kind, exprs, names)`, kind one
/// of filter/select/with_columns/sort).
fn correlated_steps(ops: Vec<(String, Vec<PyExpr>, Vec<String>)>) -> crate::error::Result<Vec<crate::ir::CorrelatedStep>> {
    use crate::ir::CorrelatedStep;
    ops.into_iter()
        .map(|(kind, list, names)| {
            let list = exprs(list);
            Ok(match kind.as_str() {
                "filter" => CorrelatedStep::Filter(list.into_iter().next().ok_or_else(|| Error::internal("correlated filter"))?),
                "select" => CorrelatedStep::Select(list),
                "with_columns" => CorrelatedStep::WithColumns(names.into_iter().zip(list).collect()),
                "sort" => CorrelatedStep::Sort(list),
                other => return Err(Error::internal(format!("correlated operation {other}"))),
            })
        })
        .collect()
}

impl PyDataFrame {
    pub fn new(session: Arc<Session>, plan: Plan) -> Self {
        PyDataFrame { session, plan: Arc::new(plan) }
    }

    fn derive(&self, plan: Plan) -> PyDataFrame {
        PyDataFrame::new(self.session.clone(), plan)
    }

    fn fields(&self) -> Vec<StructField> {
        self.plan.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable)).collect()
    }

    fn names(&self) -> Vec<String> {
        self.plan.output.iter().map(|a| a.name.clone()).collect()
    }

    fn types(&self) -> Vec<DataType> {
        self.plan.output.iter().map(|a| a.data_type.clone()).collect()
    }
}

#[pymethods]
impl PyDataFrame {
    #[getter]
    fn plan_id(&self) -> u64 {
        self.plan.plan_id
    }

    fn schema_json(&self) -> String {
        crate::ir::metadata::schema_json(&self.plan.output).to_string()
    }

    /// `createOrReplaceTempView` and friends.
    /// `df.write....save(path)`: format, save mode, options and partition columns as the
    /// Python `DataFrameWriter` collected them.
    #[pyo3(signature = (format, mode, path, options, partition_by))]
    fn write(&self, py: Python<'_>, format: &str, mode: &str, path: String, options: std::collections::BTreeMap<String, String>, partition_by: Vec<String>) -> PyResult<()> {
        use crate::io::write::{SaveMode, WriteSpec};
        let spec = guard(py, || Ok(WriteSpec { format: crate::io::parse_format(format)?, mode: SaveMode::parse(mode)?, path, options, partition_by }))?;
        let (session, plan) = (self.session.clone(), self.plan.clone());
        guard_interruptible(py, move || session.write(&plan, &spec))
    }

    /// An ORC write: as `write`, each part file written by pyarrow's
    /// `writer(arrow_stream, path)`; `ext` is the files' extension.
    #[pyo3(signature = (mode, path, options, partition_by, ext, writer))]
    #[allow(clippy::too_many_arguments)]
    fn write_orc(&self, py: Python<'_>, mode: String, path: String, options: std::collections::BTreeMap<String, String>, partition_by: Vec<String>, ext: String, writer: Py<PyAny>) -> PyResult<()> {
        let w = super::arrow_write::OrcWrite { mode, path, options, partition_by, ext };
        super::arrow_write::write_orc(py, self.session.clone(), self.plan.clone(), self.fields(), w, writer)
    }

    /// `df.write.saveAsTable(name, format, mode, partitionBy, **options)`.
    #[pyo3(signature = (name, format, mode, options, partition_by))]
    fn save_as_table(&self, py: Python<'_>, name: String, format: Option<String>, mode: &str, options: std::collections::BTreeMap<String, String>, partition_by: Vec<String>) -> PyResult<()> {
        let mode = guard(py, || crate::io::write::SaveMode::parse(mode))?;
        let (session, plan) = (self.session.clone(), self.plan.clone());
        guard_interruptible(py, move || session.save_as_table(&plan, &name, format.as_deref(), mode, options, partition_by))
    }

    /// `df.write.insertInto(name, overwrite)`: by position into an existing table.
    fn insert_into(&self, py: Python<'_>, name: String, overwrite: bool) -> PyResult<()> {
        let (session, plan) = (self.session.clone(), self.plan.clone());
        guard_interruptible(py, move || session.insert_into(plan, &crate::sql::parse_name(&name)?, &[], overwrite))
    }

    /// Spark's check of a save mode name (`df.write.mode(...)` raises at once).
    #[staticmethod]
    fn check_save_mode(py: Python<'_>, mode: &str) -> PyResult<()> {
        guard(py, || crate::io::write::SaveMode::parse(mode).map(|_| ()))
    }

    fn create_temp_view(&self, py: Python<'_>, name: &str, replace: bool, global: bool) -> PyResult<()> {
        guard(py, || {
            if global {
                self.session.catalog.create_global_temp_view(name, self.plan.clone(), replace)
            } else {
                self.session.catalog.create_temp_view(name, self.plan.clone(), replace)
            }
        })
    }

    fn columns(&self) -> Vec<String> {
        self.names()
    }

    fn select(&self, py: Python<'_>, cols: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::project(self.plan.clone(), exprs(cols), &conf, new_plan_id())?))
        })
    }

    fn with_columns(&self, py: Python<'_>, names: Vec<String>, cols: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let pairs = names.into_iter().zip(exprs(cols)).collect();
            Ok(self.derive(builder::with_columns(self.plan.clone(), pairs, &conf, new_plan_id())?))
        })
    }

    fn rename(&self, py: Python<'_>, pairs: Vec<(String, String)>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::rename(self.plan.clone(), &pairs, &conf, new_plan_id())?))
        })
    }

    /// `sameSemantics`: see `analysis::semantics` for what is compared.
    fn same_semantics(&self, other: &PyDataFrame) -> bool {
        crate::analysis::semantics::canonical(&self.plan) == crate::analysis::semantics::canonical(&other.plan)
    }

    fn semantic_hash(&self) -> i32 {
        crate::analysis::semantics::semantic_hash(&self.plan)
    }

    /// The data files the plan's scans read (`inputFiles`).
    fn input_files(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        // Detached: objects in a store are listed (the store may be this process' own
        // Python server, as in the tests).
        let (plan, storage) = (self.plan.clone(), self.session.analysis_conf().storage);
        guard_detached(py, move || Ok(crate::io::input_files::input_files(&plan, &storage)))
    }

    /// `df.to(schema)`, the schema as PySpark's JSON.
    fn to_schema(&self, py: Python<'_>, schema_json: &str) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let DataType::Struct(fields) = parse_type_json(schema_json)? else {
                return Err(Error::internal("to() without a struct schema"));
            };
            Ok(self.derive(crate::analysis::to_schema::to_schema(self.plan.clone(), &fields, &conf, new_plan_id())?))
        })
    }

    fn to_df(&self, py: Python<'_>, names: Vec<String>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::to_df(self.plan.clone(), &names, &conf, new_plan_id())?))
        })
    }

    fn drop(&self, py: Python<'_>, names: Vec<String>, cols: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::drop(self.plan.clone(), &names, exprs(cols), &conf, new_plan_id())?))
        })
    }

    fn filter(&self, py: Python<'_>, condition: PyExpr) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::filter(self.plan.clone(), condition.expr, &conf, new_plan_id())?))
        })
    }

    fn aggregate(&self, py: Python<'_>, keys: Vec<PyExpr>, aggs: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::aggregate(self.plan.clone(), exprs(keys), exprs(aggs), &conf, new_plan_id())?))
        })
    }

    /// `groupBy`/`rollup`/`cube`/`groupingSets` (`kind`, with `sets` for the last).
    #[pyo3(signature = (kind, keys, sets=None))]
    fn group(&self, py: Python<'_>, kind: &str, keys: Vec<PyExpr>, sets: Option<Vec<Vec<PyExpr>>>) -> PyResult<super::grouped::PyGroupedData> {
        guard(py, || super::grouped::PyGroupedData::new(self.session.clone(), self.plan.clone(), kind, keys, sets))
    }

    fn sort(&self, py: Python<'_>, keys: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::sort(self.plan.clone(), exprs(keys), &conf, new_plan_id())?))
        })
    }

    fn limit(&self, n: usize) -> PyDataFrame {
        self.derive(builder::limit(self.plan.clone(), n, new_plan_id()))
    }

    fn offset(&self, n: usize) -> PyDataFrame {
        self.derive(builder::offset(self.plan.clone(), n, new_plan_id()))
    }

    #[pyo3(signature = (subset=None))]
    fn drop_duplicates(&self, py: Python<'_>, subset: Option<Vec<String>>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::deduplicate(self.plan.clone(), subset.as_deref(), &conf, new_plan_id())?))
        })
    }

    fn alias(&self, name: &str) -> PyDataFrame {
        self.derive(builder::subquery_alias(self.plan.clone(), name, new_plan_id()))
    }

    /// The plan under a live Cache node (the same handle if it has one already).
    fn cache(&self) -> PyDataFrame {
        if let crate::ir::PlanNode::Cache { key, .. } = &self.plan.node {
            self.session.register_cache(*key);
            return PyDataFrame { session: self.session.clone(), plan: self.plan.clone() };
        }
        let cached = builder::cache(self.plan.clone(), self.plan.plan_id);
        if let crate::ir::PlanNode::Cache { key, .. } = &cached.node {
            self.session.register_cache(*key);
        }
        self.derive(cached)
    }

    fn unpersist(&self) {
        if let crate::ir::PlanNode::Cache { key, .. } = &self.plan.node {
            self.session.clear_cache(Some(*key));
        }
    }

    /// Whether this handle's rows are kept (cached and not unpersisted since).
    fn is_cache_live(&self) -> bool {
        matches!(&self.plan.node, crate::ir::PlanNode::Cache { key, .. } if self.session.is_cache_live(*key))
    }

    #[pyo3(signature = (other, how, using=None, condition=None))]
    fn join(&self, py: Python<'_>, other: &PyDataFrame, how: &str, using: Option<Vec<String>>, condition: Option<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let join_type = JoinType::parse(how).ok_or_else(|| {
                Error::new(
                    ErrorKind::Analysis,
                    "UNSUPPORTED_JOIN_TYPE",
                    format!("Unsupported join type '{how}'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'."),
                )
            })?;
            let on = match (using, condition) {
                (Some(names), _) => JoinOn::Using(names),
                (None, Some(c)) => JoinOn::Condition(c.expr),
                (None, None) => JoinOn::None,
            };
            Ok(self.derive(builder::join(self.plan.clone(), other.plan.clone(), on, join_type, &conf, new_plan_id())?))
        })
    }

    /// `lateralJoin`: `other` with the operations `ops` (`(kind, exprs, names)`, kind one of
    /// filter/select/with_columns/sort) applied after it, in `self`'s scope.
    #[pyo3(signature = (other, ops, on=None, how=None))]
    fn lateral_join(
        &self,
        py: Python<'_>,
        other: &PyDataFrame,
        ops: Vec<(String, Vec<PyExpr>, Vec<String>)>,
        on: Option<PyExpr>,
        how: Option<String>,
    ) -> PyResult<PyDataFrame> {
        use crate::analysis::lateral::lateral_join;
        guard(py, || {
            let conf = self.session.analysis_conf();
            let ops = correlated_steps(ops)?;
            let on = on.map(|e| e.expr);
            Ok(self.derive(lateral_join(self.plan.clone(), other.plan.clone(), ops, on, how.as_deref(), &conf, new_plan_id())?))
        })
    }

    /// `scalar()` / `exists()` (`kind`): this DataFrame, with the operations `ops` applied
    /// after it (as `lateral_join`'s), as a value in the DataFrame that uses it.
    fn subquery(&self, py: Python<'_>, kind: &str, ops: Vec<(String, Vec<PyExpr>, Vec<String>)>) -> PyResult<PyExpr> {
        let kind = match kind {
            "scalar" => crate::ir::SubqueryKind::Scalar,
            _ => crate::ir::SubqueryKind::Exists,
        };
        let steps = guard(py, || correlated_steps(ops))?;
        Ok(PyExpr { expr: Expr::Subquery(Box::new(crate::ir::Subquery { kind, plan: self.plan.clone(), steps })) })
    }

    /// `metadataColumn(name)`: the file source's hidden `_metadata` column.
    fn metadata_column(&self, py: Python<'_>, name: &str) -> PyResult<PyExpr> {
        let conf = self.session.analysis_conf();
        let expr = guard(py, || crate::analysis::file_metadata::metadata_column(&self.plan, name, &conf))?;
        Ok(PyExpr { expr })
    }

    fn union(&self, py: Python<'_>, other: &PyDataFrame) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::union(vec![self.plan.clone(), other.plan.clone()], &conf, new_plan_id())?))
        })
    }

    #[pyo3(signature = (ids, values, variable, value))]
    fn unpivot(&self, py: Python<'_>, ids: Vec<PyExpr>, values: Option<Vec<PyExpr>>, variable: String, value: String) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let values = values.map(exprs);
            Ok(self.derive(crate::analysis::unpivot::unpivot(self.plan.clone(), exprs(ids), values, &variable, &value, &conf, new_plan_id())?))
        })
    }

    fn sample_with_replacement(&self, py: Python<'_>, fraction: f64, seed: i64) -> PyResult<PyDataFrame> {
        guard(py, || Ok(self.derive(builder::sample_with_replacement(self.plan.clone(), fraction, seed, new_plan_id())?)))
    }

    /// `observe(observation, *metrics)`: `key` names the observation (None for a named
    /// one, whose metrics Spark only gives listeners).
    #[pyo3(signature = (key, metrics))]
    fn observe(&self, py: Python<'_>, key: Option<u64>, metrics: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let key = key.unwrap_or_else(new_plan_id);
            Ok(self.derive(crate::analysis::observe::observe(self.plan.clone(), key, exprs(metrics), &conf, new_plan_id())?))
        })
    }

    /// The observation key of the `CollectMetrics` node this frame ends with.
    fn observation_key(&self) -> Option<u64> {
        match &self.plan.node {
            crate::ir::PlanNode::CollectMetrics { key, .. } => Some(*key),
            _ => None,
        }
    }

    /// The metrics of observation `key` as one Row, once an action computed them.
    fn observed_metrics(&self, py: Python<'_>, key: u64, row_type: Bound<'_, PyType>) -> PyResult<Option<Py<PyList>>> {
        let Some(observed) = self.session.observed.get(key) else { return Ok(None) };
        let names: Vec<String> = observed.plan.output.iter().map(|a| a.name.clone()).collect();
        let types: Vec<DataType> = observed.plan.output.iter().map(|a| a.data_type.clone()).collect();
        rows_to_python(py, &observed.frame, &names, &types, row_type).map(Some)
    }

    /// `transpose(indexColumn)`: runs a query now for the index values, as Spark does.
    #[pyo3(signature = (index=None))]
    fn transpose(&self, py: Python<'_>, index: Option<PyExpr>) -> PyResult<PyDataFrame> {
        use crate::analysis::transpose::{transpose, TRANSPOSE_MAX_VALUES};
        let (session, plan) = (self.session.clone(), self.plan.clone());
        let transposed = guard_detached(py, move || {
            let conf = session.analysis_conf();
            let max_values = match session.get_conf("spark.sql.transposeMaxValues") {
                Some(v) => v.trim().parse().map_err(|_| Error::plain(ErrorKind::IllegalArgument, format!("spark.sql.transposeMaxValues should be int, but was {v}")))?,
                None => TRANSPOSE_MAX_VALUES,
            };
            transpose(plan, index.map(|e| e.expr), max_values, &conf, session.as_ref(), new_plan_id())
        })?;
        Ok(self.derive(transposed))
    }

    /// `summary(*statistics)` (Spark's default statistics when none are given).
    fn summary(&self, py: Python<'_>, statistics: Vec<String>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(crate::analysis::summary::summary(self.plan.clone(), &statistics, &conf, new_plan_id())?))
        })
    }

    /// `describe(*cols)`: `summary` of Spark's five statistics over the columns given.
    fn describe(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        use crate::analysis::summary::{summary, DESCRIBE_STATISTICS};
        guard(py, || {
            let conf = self.session.analysis_conf();
            let statistics: Vec<String> = DESCRIBE_STATISTICS.iter().map(|s| s.to_string()).collect();
            Ok(self.derive(summary(self.plan.clone(), &statistics, &conf, new_plan_id())?))
        })
    }

    /// `intersect`/`intersectAll` (`kind` "intersect") and `subtract`/`exceptAll` ("except").
    fn set_op(&self, py: Python<'_>, other: &PyDataFrame, kind: &str, all: bool) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let kind = if kind == "intersect" { SetOpKind::Intersect } else { SetOpKind::Except };
            Ok(self.derive(crate::analysis::set_ops::set_op(self.plan.clone(), other.plan.clone(), kind, all, &conf, new_plan_id())?))
        })
    }

    fn union_by_name(&self, py: Python<'_>, other: &PyDataFrame, allow_missing: bool) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.derive(builder::union_by_name(self.plan.clone(), other.plan.clone(), allow_missing, &conf, new_plan_id())?))
        })
    }

    /// Runs the plan and returns instances of `row_type` (`pyspark.sql.Row`).
    fn collect(&self, py: Python<'_>, row_type: Bound<'_, PyType>) -> PyResult<Py<PyList>> {
        let plan = self.plan.clone();
        let session = self.session.clone();
        let df = guard_interruptible(py, move || session.execute(&plan))?;
        rows_to_python(py, &df, &self.names(), &self.types(), row_type)
    }

    fn count(&self, py: Python<'_>) -> PyResult<usize> {
        let plan = self.plan.clone();
        let session = self.session.clone();
        guard_interruptible(py, move || session.count(&plan))
    }

    /// `approxQuantile` over every column of this (already DOUBLE) frame: per column the
    /// quantiles, or an empty list when it holds no value but NULL and NaN.
    fn approx_quantiles(&self, py: Python<'_>, probabilities: Vec<f64>, relative_error: f64) -> PyResult<Vec<Vec<f64>>> {
        let plan = self.plan.clone();
        let session = self.session.clone();
        guard_detached(py, move || {
            let df = session.execute(&plan)?;
            df.columns()
                .iter()
                .map(|c| {
                    let values = c.as_materialized_series().f64().map_err(Error::from)?;
                    Ok(crate::compat::percentile::approx_quantiles(values.iter(), &probabilities, relative_error).unwrap_or_default())
                })
                .collect()
        })
    }

    /// The result as an Arrow C stream capsule, in the Arrow types PySpark's `toArrow`
    /// gives (`spark.sql.execution.arrow.useLargeVarTypes` picks large strings).
    fn to_arrow_capsule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let plan = self.plan.clone();
        let session = self.session.clone();
        let large = self.session.get_conf("spark.sql.execution.arrow.useLargeVarTypes").is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let df = guard_interruptible(py, move || session.execute(&plan))?;
        export_stream(py, df, &self.fields(), large)
    }

    fn show_string(&self, py: Python<'_>, n: usize, truncate: usize, vertical: bool) -> PyResult<String> {
        let session = self.session.clone();
        let limited = builder::limit(self.plan.clone(), n.saturating_add(1), new_plan_id());
        let types = self.types();
        let header = self.names();
        guard_interruptible(py, move || {
            let tz = crate::compat::timezone::parse(&session.analysis_conf().session_time_zone)?;
            let df = session.execute(&limited)?;
            let mut rows = vec![];
            for i in 0..df.height() {
                let mut row = vec![];
                for (c, t) in df.columns().iter().zip(&types) {
                    row.push(cell_text(&c.get(i).map_err(Error::from)?, t, &tz));
                }
                rows.push(row);
            }
            Ok(show_string(&header, rows, n, truncate, vertical))
        })
    }

    fn explain_string(&self, py: Python<'_>, extended: bool) -> PyResult<String> {
        // Detached: planning a scan of an object store reads footers over the network.
        let (session, plan) = (self.session.clone(), self.plan.clone());
        guard_detached(py, move || session.explain(&plan, extended))
    }
}
