//! The Python runtime of user-defined functions: `exec::udf::PythonFunction` over a
//! Python callable (`pyrust.sql.udf`'s runner) that takes a batch of argument
//! columns as an Arrow stream and gives back one Arrow column of the declared type.
//! The GIL is taken here, for the call only: plans run detached from it, so Polars'
//! worker threads can each take it in turn.

use super::arrow::{export_chunks, import_stream};
use super::column::PyExpr;
use super::errors::guard;
use super::types::parse_type_json;
use crate::error::{Error, ErrorKind, Result};
use super::dataframe::PyDataFrame;
use crate::exec::udf::{handle, table_handle, CancelFlag, PythonFunction, PythonTableFunction, TableFunctionResolver};
use crate::exec::Session;
use crate::ir::udf::{PythonUdf, UdfDef, UdfEvalType, UdfHandle};
use crate::ir::{DataType, Expr, Plan, StructField};
use crate::lowering::types::engine::frame_from_arrow;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, Column};
use pyo3::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

/// A Python function with the runner that converts its inputs and results.
struct PyFunction {
    /// `runner(stream, session_zone, aggregate)`: a pyarrow table of one column.
    runner: Py<PyAny>,
    return_type: DataType,
}

impl PyFunction {
    fn run(&self, args: &[Column], arg_types: &[DataType], zone: &str, aggregate: bool, cancel: &CancelFlag) -> Result<Column> {
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
        let frame = call_python(cancel, |py| {
            let stream = export_chunks(py, frame, &fields, false)?;
            let out = self.runner.call1(py, (stream, zone, aggregate))?;
            let table = import_stream(out.bind(py), None)?;
            Ok(frame_from_arrow(table, &[StructField::new("udf", self.return_type.clone(), true)], zone))
        })??;
        let column = frame.columns().first().cloned().ok_or_else(|| Error::internal("a UDF gave no column"))?;
        Ok(column.cast(&out_type)?)
    }
}

/// Calls into Python from an engine thread, for the query `cancel` belongs to: not at
/// all once it is cancelled, and the runners see its flag (`query_cancelled`) between
/// batches. Once the interpreter is exiting (`stop_python_calls`, run by `atexit`), no
/// thread enters Python again: a query an interrupted action left running would
/// otherwise take the GIL during finalisation and abort the process.
fn call_python<T>(cancel: &CancelFlag, f: impl FnOnce(Python<'_>) -> PyResult<T>) -> Result<T> {
    let _in_flight = InFlight::enter();
    if EXITING.load(Ordering::SeqCst) {
        return Err(Error::plain(ErrorKind::Python, "the Python interpreter is exiting: the query was stopped"));
    }
    if cancel.is_cancelled() {
        return Err(CancelFlag::error());
    }
    let _calling = Calling::enter(cancel);
    Python::attach(|py| {
        let ident = thread_ident(py);
        if let Some(id) = ident {
            active_threads().insert(id);
        }
        let result = f(py);
        if let Some(id) = ident {
            active_threads().remove(&id);
        }
        match result {
            Err(_) if cancel.is_cancelled() => Err(CancelFlag::error()),
            result => result.map_err(|e| python_error(py, e)),
        }
    })
}

thread_local! {
    /// The flag of the query whose Python call this engine thread is in.
    static CALLING: RefCell<Option<CancelFlag>> = const { RefCell::new(None) };
}

struct Calling(Option<CancelFlag>);

impl Calling {
    fn enter(cancel: &CancelFlag) -> Calling {
        Calling(CALLING.with(|c| c.borrow_mut().replace(cancel.clone())))
    }
}

impl Drop for Calling {
    fn drop(&mut self) {
        CALLING.with(|c| *c.borrow_mut() = self.0.take());
    }
}

/// Whether the query whose runner calls this (on its engine thread) was cancelled: the
/// runners ask before each batch, group or UDTF row and stop there.
#[pyfunction]
pub fn query_cancelled() -> bool {
    CALLING.with(|c| c.borrow().as_ref().is_some_and(CancelFlag::is_cancelled))
}

/// Set once the interpreter is exiting: no more calls into Python.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Engine threads between deciding to call Python and leaving it.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
/// Python's thread ids of the engine threads inside a call (for `stop_python_calls`).
static ACTIVE: Mutex<BTreeSet<u64>> = Mutex::new(BTreeSet::new());

fn active_threads() -> std::sync::MutexGuard<'static, BTreeSet<u64>> {
    ACTIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn thread_ident(py: Python<'_>) -> Option<u64> {
    py.import("_thread").and_then(|m| m.call_method0("get_ident")).and_then(|i| i.extract::<u64>()).ok()
}

struct InFlight;

impl InFlight {
    fn enter() -> InFlight {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Run at interpreter exit (registered with `atexit` by `pyrust.sql.udf`): refuses any
/// further call into Python and stops the calls under way (a KeyboardInterrupt raised in
/// their threads, as Ctrl-C would), waiting up to 5 s for them to leave Python.
#[pyfunction]
pub fn stop_python_calls(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(5);
    while IN_FLIGHT.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        for id in active_threads().iter() {
            // SAFETY: the GIL is held; an id that is gone is ignored by Python.
            unsafe { pyo3::ffi::PyThreadState_SetAsyncExc(*id as std::os::raw::c_long, pyo3::ffi::PyExc_KeyboardInterrupt) };
        }
        py.detach(|| std::thread::sleep(Duration::from_millis(10)));
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

/// A table function's runner: `runner([streams], session_zone)` gives a pyarrow table
/// of the declared schema.
struct PyTableFunction {
    runner: Py<PyAny>,
}

impl PythonTableFunction for PyTableFunction {
    fn apply(&self, inputs: Vec<pl::DataFrame>, input_fields: &[Vec<StructField>], output: &[StructField], zone: &str, cancel: &CancelFlag) -> Result<pl::DataFrame> {
        call_python(cancel, |py| {
            let streams = inputs.into_iter().zip(input_fields).map(|(df, fields)| export_chunks(py, df, fields, false)).collect::<PyResult<Vec<_>>>()?;
            let out = self.runner.call1(py, (streams, zone))?;
            let table = import_stream(out.bind(py), None)?;
            Ok(frame_from_arrow(table, output, zone))
        })?
    }
}

/// SQL's calls of Python UDTFs, answered by Python (`pyrust.sql.udtf`).
struct PyTableFunctionResolver {
    resolver: Py<PyAny>,
    session: Weak<Session>,
}

impl TableFunctionResolver for PyTableFunctionResolver {
    fn call(&self, name: &str, left: Option<Arc<Plan>>, args: Vec<Expr>) -> Result<Option<Plan>> {
        let Some(session) = self.session.upgrade() else { return Ok(None) };
        // SQL is planned with the GIL released (`guard_detached`): take it for the call.
        Python::attach(|py| {
            let left = left.map(|plan| PyDataFrame { session, plan });
            let args: Vec<PyExpr> = args.into_iter().map(|expr| PyExpr { expr }).collect();
            // An error of the UDTF's `analyze` or of an argument reaches the user as raised.
            let out = self.resolver.call1(py, (name, left, args)).map_err(super::errors::carry_python_error)?;
            if out.is_none(py) {
                return Ok(None);
            }
            let df = out.bind(py).cast::<PyDataFrame>().map_err(|e| Error::internal(format!("a lateral UDTF call gave no DataFrame: {e}")))?;
            Ok(Some(df.get().plan.as_ref().clone()))
        })
    }
}

/// The resolver `PySession.set_table_function_resolver` installs.
pub fn table_function_resolver(resolver: Py<PyAny>, session: Weak<Session>) -> Arc<dyn TableFunctionResolver> {
    Arc::new(PyTableFunctionResolver { resolver, session })
}

/// A table function as Python holds it, for `DataFrame.python_table`.
pub fn table_function(runner: Py<PyAny>) -> UdfHandle {
    table_handle(Arc::new(PyTableFunction { runner }))
}

impl PythonFunction for PyFunction {
    fn call(&self, args: &[Column], arg_types: &[DataType], zone: &str, cancel: &CancelFlag) -> Result<Column> {
        self.run(args, arg_types, zone, false, cancel)
    }
    fn aggregate(&self, args: &[Column], arg_types: &[DataType], zone: &str, cancel: &CancelFlag) -> Result<Column> {
        self.run(args, arg_types, zone, true, cancel)
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
