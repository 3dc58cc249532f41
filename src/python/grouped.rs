//! `GroupedData` handles: a DataFrame with its grouping (`analysis::grouping`), from
//! `groupBy`, `rollup`, `cube`, `groupingSets` and `pivot`.

use super::column::PyExpr;
use super::dataframe::PyDataFrame;
use super::errors::{guard, guard_detached};
use crate::analysis::grouping::{GroupKind, GroupedData, NumericAggregate};
use crate::analysis::new_plan_id;
use crate::error::{Error, ErrorKind};
use crate::exec::Session;
use crate::ir::{Expr, Plan};
use pyo3::prelude::*;
use std::sync::Arc;

/// Spark's default `spark.sql.pivotMaxValues`.
const PIVOT_MAX_VALUES: usize = 10_000;

#[pyclass(name = "GroupedData", module = "pyrust._native", frozen)]
pub struct PyGroupedData {
    session: Arc<Session>,
    inner: GroupedData,
}

fn exprs(list: Vec<PyExpr>) -> Vec<Expr> {
    list.into_iter().map(|e| e.expr).collect()
}

impl PyGroupedData {
    /// `kind` is `groupby`, `rollup`, `cube` or `groupingsets` (then with `sets`).
    pub fn new(session: Arc<Session>, input: Arc<Plan>, kind: &str, keys: Vec<PyExpr>, sets: Option<Vec<Vec<PyExpr>>>) -> crate::error::Result<Self> {
        let kind = match (kind, sets) {
            ("groupby", None) => GroupKind::GroupBy,
            ("rollup", None) => GroupKind::Rollup,
            ("cube", None) => GroupKind::Cube,
            ("groupingsets", Some(sets)) => GroupKind::GroupingSets(sets.into_iter().map(exprs).collect()),
            (other, _) => return Err(Error::plain(ErrorKind::ValueError, format!("unknown grouping {other}"))),
        };
        Ok(PyGroupedData { session, inner: GroupedData::new(input, exprs(keys), kind) })
    }

    fn frame(&self, plan: Plan) -> PyDataFrame {
        PyDataFrame::new(self.session.clone(), plan)
    }
}

#[pymethods]
impl PyGroupedData {
    /// `GroupBy`, `Rollup`, `Cube`, `GroupingSets` or `Pivot`, as Spark names it.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.name()
    }

    fn agg(&self, py: Python<'_>, cols: Vec<PyExpr>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.frame(self.inner.agg(exprs(cols), &conf, new_plan_id())?))
        })
    }

    /// `agg({"column": "function"})`, the dict's entries in its order.
    fn agg_dict(&self, py: Python<'_>, pairs: Vec<(String, String)>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.frame(self.inner.agg_dict(&pairs, &conf, new_plan_id())?))
        })
    }

    fn count(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            Ok(self.frame(self.inner.count(&conf, new_plan_id())?))
        })
    }

    /// `sum`, `avg`/`mean`, `min`, `max` over numeric columns.
    fn numeric(&self, py: Python<'_>, function: &str, cols: Vec<String>) -> PyResult<PyDataFrame> {
        guard(py, || {
            let conf = self.session.analysis_conf();
            let aggregate = NumericAggregate::parse(function).ok_or_else(|| Error::plain(ErrorKind::ValueError, format!("not a numeric aggregate: {function}")))?;
            Ok(self.frame(self.inner.numeric(aggregate, &cols, &conf, new_plan_id())?))
        })
    }

    /// `pivot(column, values)`: without values, runs a query for the distinct ones.
    #[pyo3(signature = (column, values=None))]
    fn pivot(&self, py: Python<'_>, column: PyExpr, values: Option<Vec<PyExpr>>) -> PyResult<PyGroupedData> {
        let session = self.session.clone();
        let inner = self.inner.clone();
        let grouped = guard_detached(py, move || {
            let conf = session.analysis_conf();
            let max_values = match session.get_conf("spark.sql.pivotMaxValues") {
                Some(v) => v.trim().parse().map_err(|_| Error::plain(ErrorKind::IllegalArgument, format!("spark.sql.pivotMaxValues should be int, but was {v}")))?,
                None => PIVOT_MAX_VALUES,
            };
            inner.pivot(column.expr, values.map(exprs), max_values, &conf, session.as_ref())
        })?;
        Ok(PyGroupedData { session: self.session.clone(), inner: grouped })
    }
}
