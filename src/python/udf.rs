//! The Python runtime of user-defined functions: `exec::udf::PythonFunction` over a
//! Python callable (`pyrust.sql.udf`'s runner) that takes a batch of argument
//! columns as an Arrow stream and gives back one Arrow column of the declared type.
//! The GIL is taken here, for the call only: plans run detached from it, so Polars'
//! worker threads can each take it in turn.

use super::arrow::{export_stream, import_stream};
use super::column::PyExpr;
use super::errors::guard;
use super::types::parse_type_json;
use crate::error::{Error, ErrorKind, Result};
use crate::exec::udf::{handle, PythonFunction};
use crate::ir::udf::{PythonUdf, UdfDef, UdfEvalType};
use crate::ir::{DataType, Expr, StructField};
use crate::lowering::types::engine::frame_from_arrow;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, Column};
use pyo3::prelude::*;
use std::sync::Arc;

/// A Python function with the runner that converts its inputs and results.
struct PyFunction {
    /// `runner(stream, session_zone, aggregate)`: a pyarrow table of one column.
    runner: Py<PyAny>,
    return_type: DataType,
}

impl PyFunction {
    fn run(&self, args: &[Column], arg_types: &[DataType], zone: &str, aggregate: bool) -> Result<Column> {
        let height = args.iter().map(Column::len).max().unwrap_or(1);
        // Constants arrive as one value: every row sees it.
        let columns = args
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = if c.len() == height { c.clone() } else { c.new_from_index(0, height) };
                c.with_name(format!("_{i}").into())
            })
            .collect::<Vec<_>>();
        let out_type = to_polars(&self.return_type);
        if height == 0 && !aggregate {
            return Ok(Column::full_null("udf".into(), 0, &out_type));
        }
        let frame = pl::DataFrame::new(height, columns)?;
        let fields: Vec<StructField> = arg_types.iter().enumerate().map(|(i, t)| StructField::new(format!("_{i}"), t.clone(), true)).collect();
        let result = Python::attach(|py| -> PyResult<Result<pl::DataFrame>> {
            let stream = export_stream(py, frame, &fields, false)?;
            let out = self.runner.call1(py, (stream, zone, aggregate))?;
            let table = import_stream(out.bind(py), None)?;
            Ok(frame_from_arrow(table, &[StructField::new("udf", self.return_type.clone(), true)], zone))
        });
        let frame = match result {
            Ok(r) => r?,
            Err(e) => return Err(Python::attach(|py| python_error(py, e))),
        };
        let column = frame.columns().first().cloned().ok_or_else(|| Error::internal("a UDF gave no column"))?;
        Ok(column.cast(&out_type)?)
    }
}

/// An exception from the user's function (shaped by the runner as PySpark's
/// `PythonException`), a Spark error the runner raised converting a result (a decimal
/// that does not fit), or a failure of the runtime itself.
fn python_error(py: Python<'_>, e: PyErr) -> Error {
    let value = e.value(py);
    let class = value.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    let kind = match class.as_str() {
        "PythonException" => ErrorKind::Python,
        "ArithmeticException" => ErrorKind::Arithmetic,
        "IllegalArgumentException" => ErrorKind::IllegalArgument,
        _ => {
            let message = value.str().map(|s| s.to_string()).unwrap_or_default();
            return Error::plain(ErrorKind::Python, format!("{class}: {message}"));
        }
    };
    let message = value.getattr("_message").and_then(|m| m.extract::<String>()).unwrap_or_default();
    match value.call_method0("getCondition").and_then(|c| c.extract::<Option<String>>()) {
        Ok(Some(condition)) => Error::new(kind, &condition, message),
        _ => Error::plain(kind, message),
    }
}

impl PythonFunction for PyFunction {
    fn call(&self, args: &[Column], arg_types: &[DataType], zone: &str) -> Result<Column> {
        self.run(args, arg_types, zone, false)
    }
    fn aggregate(&self, args: &[Column], arg_types: &[DataType], zone: &str) -> Result<Column> {
        self.run(args, arg_types, zone, true)
    }
}

/// A user's function as Python holds it (`UserDefinedFunction._native`): calls share
/// one handle, so `f(x)` in a grouping and in the select list are the same expression.
#[pyclass(name = "PythonFunction", module = "pyrust._native", frozen)]
pub struct PyUdf {
    pub def: UdfDef,
}

#[pymethods]
impl PyUdf {
    #[new]
    fn new(py: Python<'_>, name: String, runner: Py<PyAny>, return_type_json: &str, eval_type: i32, deterministic: bool) -> PyResult<PyUdf> {
        guard(py, || {
            let return_type = parse_type_json(return_type_json)?;
            let eval_type = UdfEvalType::from_code(eval_type).ok_or_else(|| Error::unsupported(format!("Python UDFs of eval type {eval_type}")))?;
            let function: Arc<dyn PythonFunction> = Arc::new(PyFunction { runner, return_type: return_type.clone() });
            Ok(PyUdf { def: UdfDef { name, function: handle(function), return_type, eval_type, deterministic } })
        })
    }

    /// The call over argument expressions.
    fn call(&self, args: Vec<PyExpr>) -> PyExpr {
        PyExpr { expr: Expr::PythonUdf(Box::new(PythonUdf { def: self.def.clone(), args: args.into_iter().map(|a| a.expr).collect() })) }
    }

    /// The same function under another name (`spark.udf.register`).
    fn renamed(&self, name: String) -> PyUdf {
        PyUdf { def: UdfDef { name, ..self.def.clone() } }
    }
}
