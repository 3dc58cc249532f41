//! Expression handles: what a Python `Column` holds. Building one never touches data.

use super::convert::literal_value;
use super::errors::guard;
use super::types::parse_type_json;
use crate::analysis::naming::{auto_name, column_repr};
use crate::error::{Error, ErrorKind};
use crate::ir::{BinaryOp, CaseForm, CastKind, Expr, FrameBound, FrameKind, Origin, SortKey, WindowFrame, WindowSpec};
use pyo3::prelude::*;

#[pyclass(name = "Expr", module = "pyrust._native", frozen, from_py_object)]
#[derive(Clone)]
pub struct PyExpr {
    pub expr: Expr,
}

impl PyExpr {
    fn wrap(expr: Expr) -> PyExpr {
        PyExpr { expr: crate::analysis::nesting::bounded(expr) }
    }
}

fn binary_op(name: &str) -> Option<BinaryOp> {
    Some(match name {
        "+" => BinaryOp::Add,
        "-" => BinaryOp::Subtract,
        "*" => BinaryOp::Multiply,
        "/" => BinaryOp::Divide,
        "div" => BinaryOp::IntegralDivide,
        "%" => BinaryOp::Modulo,
        "=" => BinaryOp::Eq,
        "<=>" => BinaryOp::EqNullSafe,
        "<" => BinaryOp::Lt,
        "<=" => BinaryOp::LtEq,
        ">" => BinaryOp::Gt,
        ">=" => BinaryOp::GtEq,
        "and" => BinaryOp::And,
        "or" => BinaryOp::Or,
        _ => return None,
    })
}

/// `e` with the origin PySpark gives an expression built by the Column method or
/// function `fragment` called at `call_site` (`Origin::DataFrame`); `e` itself without
/// a call site.
fn built_at(e: Expr, fragment: &str, call_site: Option<&str>) -> Expr {
    match call_site {
        Some(site) => Expr::WithOrigin { expr: Box::new(e), origin: Origin::dataframe(fragment, site) },
        None => e,
    }
}

/// Where PySpark 4.0.1 (classic) says a `pyspark.sql.functions` function was called
/// from: those functions record no Python call site (only `col` does), so the JVM
/// takes the first frame of its own stack outside Spark, the py4j reflection call.
const FUNCTION_CALL_SITE: &str = "java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)";

#[pymethods]
impl PyExpr {
    /// `self op other`; `method` and `call_site`: the Column method (`__truediv__`) and
    /// where it was called, for an operation that can fail as it runs (its origin).
    #[pyo3(signature = (op, other, method=None, call_site=None))]
    fn binary(&self, py: Python<'_>, op: &str, other: &PyExpr, method: Option<&str>, call_site: Option<&str>) -> PyResult<PyExpr> {
        guard(py, || {
            let op = binary_op(op).ok_or_else(|| Error::plain(ErrorKind::ValueError, format!("unknown operator {op}")))?;
            let e = Expr::binary(op, self.expr.clone(), other.expr.clone());
            Ok(PyExpr::wrap(match method {
                Some(method) => built_at(e, method, call_site),
                None => e,
            }))
        })
    }
    fn not_(&self) -> PyExpr {
        PyExpr::wrap(Expr::Not(Box::new(self.expr.clone())))
    }
    fn negate(&self) -> PyExpr {
        PyExpr::wrap(Expr::Negate(Box::new(self.expr.clone())))
    }
    fn is_null(&self) -> PyExpr {
        PyExpr::wrap(Expr::IsNull(Box::new(self.expr.clone())))
    }
    fn is_not_null(&self) -> PyExpr {
        PyExpr::wrap(Expr::IsNotNull(Box::new(self.expr.clone())))
    }
    fn isin(&self, items: Vec<PyExpr>) -> PyExpr {
        PyExpr::wrap(Expr::In { expr: Box::new(self.expr.clone()), list: items.into_iter().map(|e| e.expr).collect() })
    }
    /// `col.outer()`: its columns read the DataFrame a lateral join joins it to.
    fn outer(&self) -> PyExpr {
        PyExpr::wrap(self.expr.transform_down(&mut |x| match x {
            Expr::Unresolved { parts, plan_id: None } => Some(Expr::Unresolved { parts: parts.clone(), plan_id: Some(crate::ir::OUTER_PLAN_ID) }),
            _ => None,
        }))
    }
    fn has_outer(&self) -> bool {
        crate::analysis::lateral::has_outer(&self.expr)
    }
    fn multi_alias(&self, names: Vec<String>) -> PyExpr {
        PyExpr::wrap(Expr::MultiAlias { expr: Box::new(self.expr.clone()), names })
    }
    /// `alias(name, metadata=...)`: the metadata as a JSON object's text.
    #[pyo3(signature = (name, metadata_json=None))]
    fn alias(&self, py: Python<'_>, name: &str, metadata_json: Option<&str>) -> PyResult<PyExpr> {
        guard(py, || {
            let metadata = metadata_json.map(crate::ir::metadata::parse).transpose()?.flatten();
            Ok(PyExpr::wrap(Expr::Alias { expr: Box::new(self.expr.clone()), name: name.to_string(), metadata }))
        })
    }
    /// `call_site`: where `Column.cast` was called (the origin of its errors).
    #[pyo3(signature = (type_json, try_cast=false, call_site=None))]
    fn cast(&self, py: Python<'_>, type_json: &str, try_cast: bool, call_site: Option<&str>) -> PyResult<PyExpr> {
        guard(py, || {
            let to = parse_type_json(type_json)?;
            let kind = if try_cast { CastKind::Try } else { CastKind::Cast };
            Ok(PyExpr::wrap(built_at(Expr::Cast { expr: Box::new(self.expr.clone()), to, kind }, "cast", call_site)))
        })
    }
    fn sort(&self, ascending: bool, nulls_first: bool) -> PyExpr {
        let inner = match &self.expr {
            Expr::Sort(k) => k.expr.clone(),
            e => e.clone(),
        };
        PyExpr::wrap(Expr::Sort(Box::new(SortKey { expr: inner, ascending, nulls_first })))
    }
    /// Adds a `WHEN cond THEN value` branch to a CASE expression.
    fn when(&self, py: Python<'_>, cond: &PyExpr, value: &PyExpr) -> PyResult<PyExpr> {
        guard(py, || match &self.expr {
            Expr::CaseWhen { branches, otherwise: None, form: CaseForm::CaseWhen } => {
                let mut b = branches.clone();
                b.push((cond.expr.clone(), value.expr.clone()));
                Ok(PyExpr::wrap(Expr::case_when(b, None)))
            }
            // Spark's Column.when, in its words.
            Expr::CaseWhen { form: CaseForm::CaseWhen, .. } => Err(Error::plain(ErrorKind::IllegalArgument, "when() cannot be applied once otherwise() is applied")),
            _ => Err(Error::plain(ErrorKind::IllegalArgument, "when() can only be applied on a Column previously generated by when() function")),
        })
    }
    fn otherwise(&self, py: Python<'_>, value: &PyExpr) -> PyResult<PyExpr> {
        guard(py, || match &self.expr {
            Expr::CaseWhen { branches, otherwise: None, form: CaseForm::CaseWhen } => Ok(PyExpr::wrap(Expr::case_when(branches.clone(), Some(value.expr.clone())))),
            Expr::CaseWhen { form: CaseForm::CaseWhen, .. } => Err(Error::plain(ErrorKind::IllegalArgument, "otherwise() can only be applied once on a Column previously generated by when()")),
            _ => Err(Error::plain(ErrorKind::IllegalArgument, "otherwise() can only be applied on a Column previously generated by when()")),
        })
    }
    /// `self OVER (PARTITION BY ... ORDER BY ... frame)`; `frame` is "rows" or "range"
    /// with bounds as PySpark passes them (Long.MinValue/MaxValue are unbounded, 0 the
    /// current row).
    #[pyo3(signature = (partition, order, frame, start, end))]
    fn over(&self, partition: Vec<PyExpr>, order: Vec<PyExpr>, frame: Option<&str>, start: i64, end: i64) -> PyExpr {
        let order_by = order
            .into_iter()
            .map(|e| match e.expr {
                Expr::Sort(k) => *k,
                other => SortKey { expr: other, ascending: true, nulls_first: true },
            })
            .collect();
        // As Spark's WindowSpec.rowsBetween/rangeBetween read the two numbers: the
        // minimum opens the start, the maximum the end, 0 is the current row; any other
        // number is an offset (INT for ROWS, which the Python side checked, else BIGINT).
        let bound = |v: i64, start: bool, rows: bool| match v {
            i64::MIN if start => FrameBound::UnboundedPreceding,
            i64::MAX if !start => FrameBound::UnboundedFollowing,
            0 => FrameBound::CurrentRow,
            v if rows => FrameBound::Offset(Box::new(Expr::Literal(crate::ir::Value::Integer(v as i32)))),
            v => FrameBound::Offset(Box::new(Expr::Literal(crate::ir::Value::Long(v)))),
        };
        let frame = frame.map(|kind| {
            let rows = kind == "rows";
            WindowFrame { kind: if rows { FrameKind::Rows } else { FrameKind::Range }, start: bound(start, true, rows), end: bound(end, false, rows) }
        });
        let spec = WindowSpec { partition_by: partition.into_iter().map(|e| e.expr).collect(), order_by, frame };
        PyExpr::wrap(Expr::Window { function: Box::new(self.expr.clone()), spec: Box::new(spec) })
    }
    fn is_case_when(&self) -> bool {
        matches!(self.expr.without_origin(), Expr::CaseWhen { form: CaseForm::CaseWhen, .. })
    }
    /// A plain column reference as SQL text (`` `a b`.c ``), as `{col}` in
    /// `spark.sql(text, col=...)` inserts it; None for any other expression.
    fn column_reference_sql(&self) -> Option<String> {
        let Expr::Unresolved { parts, .. } = self.expr.without_origin() else { return None };
        let quote = |p: &String| {
            let plain = p.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if plain { p.clone() } else { format!("`{}`", p.replace('`', "``")) }
        };
        Some(parts.iter().map(quote).collect::<Vec<_>>().join("."))
    }
    /// The name Spark would give this expression as an output column.
    fn name(&self) -> String {
        auto_name(&self.expr)
    }
    fn repr(&self) -> String {
        column_repr(&self.expr)
    }
    fn __repr__(&self) -> String {
        format!("Expr<{}>", column_repr(&self.expr))
    }
}

/// A column by name (`*`, `t.*`: all of them); `plan_id`: `df["a"]`'s DataFrame;
/// `call_site`: where PySpark says `col` was called (its errors' `== DataFrame ==`
/// context, `Origin::DataFrame` named `col`), None for a name without one.
#[pyfunction]
#[pyo3(signature = (name, plan_id=None, call_site=None))]
pub fn col(name: &str, plan_id: Option<u64>, call_site: Option<&str>) -> PyExpr {
    named(name, plan_id, crate::ir::origin::NAME_FRAGMENT, call_site)
}

/// The column `name` (`*`, `t.*`: all of them), with the origin the API call `fragment`
/// gives it at `call_site`.
fn named(name: &str, plan_id: Option<u64>, fragment: &str, call_site: Option<&str>) -> PyExpr {
    if name == "*" {
        return PyExpr::wrap(Expr::Star { qualifier: None, plan_id });
    }
    if let Some(q) = name.strip_suffix(".*") {
        return PyExpr::wrap(Expr::Star { qualifier: Some(q.to_string()), plan_id });
    }
    let e = Expr::Unresolved { parts: crate::ir::expr::attribute_name_parts(name), plan_id };
    PyExpr::wrap(built_at(e, fragment, call_site))
}

/// A column by a name PySpark hands to the JVM (`select("a")`, `F.sum("a")`: its
/// `_to_java_column`): the JVM's `functions.col` records `col` called from the py4j
/// reflection frame, as for every function (`FUNCTION_CALL_SITE`); `function`: the JVM
/// function that took the name itself (`desc("a")`), which its origin names instead.
#[pyfunction]
#[pyo3(signature = (name, function=None))]
pub fn name_col(name: &str, function: Option<&str>) -> PyExpr {
    named(name, None, function.unwrap_or(crate::ir::origin::NAME_FRAGMENT), Some(FUNCTION_CALL_SITE))
}

#[pyfunction]
pub fn lit(py: Python<'_>, value: &Bound<'_, PyAny>, type_json: &str) -> PyResult<PyExpr> {
    guard(py, || {
        let t = parse_type_json(type_json)?;
        Ok(PyExpr::wrap(Expr::Literal(literal_value(value, &t)?)))
    })
}

/// A call of the function `name`. A function whose errors Spark reports with their
/// context (`sql::origin::reports_its_call`) gets the origin PySpark gives a
/// `pyspark.sql.functions` call (`FUNCTION_CALL_SITE`).
#[pyfunction]
#[pyo3(signature = (name, args, distinct=false))]
pub fn call(name: &str, args: Vec<PyExpr>, distinct: bool) -> PyExpr {
    let site = crate::sql::origin::reports_its_call(name, args.len()).then_some(FUNCTION_CALL_SITE);
    let e = Expr::Function { name: name.to_string(), args: args.into_iter().map(|a| a.expr).collect(), distinct };
    PyExpr::wrap(built_at(e, name, site))
}

#[pyfunction]
pub fn case_when(cond: &PyExpr, value: &PyExpr) -> PyExpr {
    PyExpr::wrap(Expr::case_when(vec![(cond.expr.clone(), value.expr.clone())], None))
}

#[pyfunction]
pub fn get_field(base: &PyExpr, field: &str) -> PyExpr {
    PyExpr::wrap(Expr::func("get_field", vec![base.expr.clone(), Expr::Literal(crate::ir::Value::String(field.to_string()))]))
}

/// `df.colRegex("`pattern`")` or `df.colRegex("t.`pattern`")`.
#[pyfunction]
#[pyo3(signature = (pattern, qualifier=None))]
pub fn col_regex(pattern: &str, qualifier: Option<&str>) -> PyExpr {
    PyExpr::wrap(crate::analysis::col_regex::col_regex(pattern, qualifier))
}

/// `col.withField(name, value)`, recorded as written (see `analysis::update_fields`).
#[pyfunction]
pub fn with_field(base: &PyExpr, name: &str, value: &PyExpr) -> PyExpr {
    PyExpr::wrap(crate::analysis::update_fields::with_field(base.expr.clone(), name, value.expr.clone()))
}

/// One name of `col.dropFields(...)`.
#[pyfunction]
pub fn drop_field(base: &PyExpr, name: &str) -> PyExpr {
    PyExpr::wrap(crate::analysis::update_fields::drop_field(base.expr.clone(), name))
}

/// `col[key]` or `col.getItem(key)`: an array index, map key or struct field, by the
/// column's type. `call_site`: where `__getitem__` was called (the origin of an index
/// out of bounds).
#[pyfunction]
#[pyo3(signature = (base, key, call_site=None))]
pub fn get_item(base: &PyExpr, key: &PyExpr, call_site: Option<&str>) -> PyExpr {
    PyExpr::wrap(built_at(Expr::func("get_item", vec![base.expr.clone(), key.expr.clone()]), "__getitem__", call_site))
}

/// A lambda's variable as PySpark creates it for a Python function's parameter.
#[pyfunction]
pub fn lambda_variable(name: &str) -> PyExpr {
    PyExpr::wrap(Expr::LambdaVariable(crate::ir::LambdaVar { name: name.to_string(), binding: None }))
}

/// A lambda function: its variables (from `lambda_variable`) and its body.
#[pyfunction]
pub fn lambda_function(params: Vec<String>, body: &PyExpr) -> PyExpr {
    let params = params.into_iter().map(|name| crate::ir::LambdaVar { name, binding: None }).collect();
    PyExpr::wrap(Expr::Lambda { params, body: Box::new(body.expr.clone()) })
}

/// Parses `expr("...")` text; `TIMESTAMP '...'` literals in it are read in `zone`, the
/// session time zone when the text is parsed (as Spark's parser reads them).
#[pyfunction]
#[pyo3(signature = (text, zone=None))]
pub fn parse_expr(py: Python<'_>, text: &str, zone: Option<&str>) -> PyResult<PyExpr> {
    guard(py, || {
        let parsed = match zone {
            Some(zone) => crate::sql::with_session_zone(zone, || crate::sql::parse_expression(text)),
            None => crate::sql::parse_expression(text),
        };
        Ok(PyExpr::wrap(parsed?))
    })
}
