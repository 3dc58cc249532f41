//! Errors into Python: every failure becomes an exception of `pyrust.errors`
//! (PySpark's classes), and Rust panics are caught before they reach Python.

use crate::error::{Error, ErrorKind};
use crate::exec::udf::{with_cancel_flag, CancelFlag};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::Duration;

/// The error class of an `Error` standing for a Python exception raised inside a
/// callback into Python while Rust plans (a UDTF's `analyze` in a SQL lateral call).
const RAISED_IN_PYTHON: &str = "__PYRUST_RAISED_IN_PYTHON__";

thread_local! {
    /// That exception, raised again as it was when its `Error` reaches Python.
    static RAISED: std::cell::RefCell<Option<PyErr>> = const { std::cell::RefCell::new(None) };
}

/// An exception a callback into Python raised, carried through Rust as an `Error` and
/// raised again unchanged (class, message, traceback) when it gets back to Python on
/// this thread.
pub fn carry_python_error(e: PyErr) -> Error {
    let message = Python::attach(|py| e.value(py).str().map(|s| s.to_string()).unwrap_or_default());
    RAISED.with(|r| *r.borrow_mut() = Some(e));
    Error::new(ErrorKind::Runtime, RAISED_IN_PYTHON, message)
}

pub fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    if e.error_class.as_deref() == Some(RAISED_IN_PYTHON) {
        if let Some(raised) = RAISED.with(|r| r.borrow_mut().take()) {
            return raised;
        }
    }
    let build = || -> PyResult<PyErr> {
        let module = py.import("pyrust.errors")?;
        let class = module.getattr(e.kind.class_name())?;
        let params = PyDict::new(py);
        for (k, v) in &e.params {
            params.set_item(k, v)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("message", &e.message)?;
        kwargs.set_item("errorClass", e.error_class.as_deref())?;
        kwargs.set_item("messageParameters", params)?;
        let exc = class.call((), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// The error a caught panic becomes: it names the panic instead of aborting.
fn panic_error(panic: Box<dyn std::any::Any + Send>) -> Error {
    let text = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".into());
    if crate::exec::cancel::is_abort_message(&text) {
        // A query run outside `run_cancellable` while a Ctrl-C stopped the others.
        return crate::exec::cancel::cancelled();
    }
    Error::new(ErrorKind::Runtime, "INTERNAL_ERROR", format!("PyRust hit an internal error: {text}"))
}

/// Runs `f`, turning our errors into PySpark exceptions and panics into an
/// internal error that names the panic instead of aborting the interpreter.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> crate::error::Result<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| Err(panic_error(p))).map_err(|e| to_py_err(py, e))
}

/// Like `guard`, with the GIL released while `f` runs (plan execution).
pub fn guard_detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> crate::error::Result<T> + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| Err(panic_error(p)))).map_err(|e| to_py_err(py, e))
}

/// How often a waiting action looks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);
/// The query thread's stack: deep plans lower recursively (the main thread has 8 MiB).
const QUERY_STACK: usize = 32 << 20;

/// Like `guard_detached`, for actions that can run long (collect, count, write, show,
/// toArrow): the query runs on its own thread while the caller waits with the GIL
/// released and runs Python's signal handlers every 50 ms, so Ctrl-C raises
/// KeyboardInterrupt at once and the session stays usable. The interrupted query stops
/// too, at its engine's next check of Polars' abort flag (`exec::cancel`); its cancel
/// flag stops its Python UDFs at their next batch.
pub fn guard_interruptible<T: Send + 'static>(py: Python<'_>, f: impl FnOnce() -> crate::error::Result<T> + Send + 'static) -> PyResult<T> {
    let (tx, rx) = channel();
    // Set on Ctrl-C: the query's Python UDFs stop at their next batch (`exec::udf`).
    let cancel = CancelFlag::default();
    let flag = cancel.clone();
    let spawned = std::thread::Builder::new().name("pyrust-query".into()).stack_size(QUERY_STACK).spawn(move || {
        let run = AssertUnwindSafe(|| crate::exec::cancel::run_cancellable(AssertUnwindSafe(f)));
        let result = with_cancel_flag(&flag, || catch_unwind(run).unwrap_or_else(|p| Err(panic_error(p))));
        // The receiver is gone when the caller was interrupted: nobody wants the result.
        let _ = tx.send(result);
    });
    if let Err(e) = spawned {
        return Err(to_py_err(py, Error::internal(format!("cannot start the query thread: {e}"))));
    }
    let mut rx = rx;
    loop {
        // The receiver goes in and out of the detached closure (it is Send, not Sync).
        let (back, received) = py.detach(move || {
            let received = rx.recv_timeout(SIGNAL_POLL);
            (rx, received)
        });
        rx = back;
        match received {
            Ok(result) => return result.map_err(|e| to_py_err(py, e)),
            Err(RecvTimeoutError::Timeout) => {
                py.check_signals().inspect_err(|_| {
                    cancel.cancel();
                    crate::exec::cancel::cancel_running_queries();
                })?;
                if let Some((resident, limit)) = crate::exec::memory::over_limit() {
                    // Stopped before the OOM killer ends the process (`exec::memory`);
                    // its memory is freed as it unwinds, which the error waits for.
                    cancel.cancel();
                    crate::exec::cancel::cancel_running_queries();
                    py.detach(move || rx.recv_timeout(Duration::from_secs(10)).ok());
                    return Err(to_py_err(py, crate::exec::memory::exceeded(resident, limit)));
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Err(to_py_err(py, Error::internal("the query thread ended without a result"))),
        }
    }
}
