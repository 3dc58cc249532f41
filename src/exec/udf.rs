//! What the engine needs from a Python function: a call over argument columns. The
//! Python runtime (`python::udf`) implements it; the plan holds it as an opaque
//! `ir::udf::UdfHandle`, so nothing outside `python` touches PyO3.

use crate::error::{Error, Result};
use crate::ir::udf::UdfHandle;
use crate::ir::DataType;
use polars::prelude::Column;
use std::sync::Arc;

pub trait PythonFunction: Send + Sync {
    /// Calls the function over `args` (equal lengths, or length 1 for constants), typed
    /// `arg_types`; the result is one column in the engine representation of the
    /// declared return type, as long as the longest argument.
    fn call(&self, args: &[Column], arg_types: &[DataType], session_zone: &str) -> Result<Column>;

    /// A grouped-aggregate function over one group's rows: one value.
    fn aggregate(&self, args: &[Column], arg_types: &[DataType], session_zone: &str) -> Result<Column>;
}

/// A handle for the plan around a function.
pub fn handle(f: Arc<dyn PythonFunction>) -> UdfHandle {
    UdfHandle(Arc::new(f))
}

/// The function behind a plan's handle.
pub fn function(h: &UdfHandle) -> Result<Arc<dyn PythonFunction>> {
    h.0.downcast_ref::<Arc<dyn PythonFunction>>().cloned().ok_or_else(|| Error::internal("a UDF handle without a Python function"))
}
