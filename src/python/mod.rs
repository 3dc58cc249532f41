//! The Python bindings (`pyrust._native`): the only module that uses PyO3.

mod arrow;
mod column;
mod convert;
mod dataframe;
mod errors;
mod grouped;
mod arrow_write;
mod session;
mod types;
mod udf;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Every call is guarded (`errors::guard`): a panic becomes a Python exception
    // that carries its message, so the default hook's stderr dump is only noise.
    // PYRUST_PANIC_TRACE=1 keeps it (with RUST_BACKTRACE=1: where a panic came from).
    if std::env::var_os("PYRUST_PANIC_TRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    m.add_class::<session::PySession>()?;
    m.add_class::<dataframe::PyDataFrame>()?;
    m.add_class::<grouped::PyGroupedData>()?;
    m.add_class::<column::PyExpr>()?;
    m.add_class::<udf::PyUdf>()?;
    m.add_function(wrap_pyfunction!(udf::stop_python_calls, m)?)?;
    m.add_function(wrap_pyfunction!(udf::query_cancelled, m)?)?;
    m.add_function(wrap_pyfunction!(column::col, m)?)?;
    m.add_function(wrap_pyfunction!(column::name_col, m)?)?;
    m.add_function(wrap_pyfunction!(column::lit, m)?)?;
    m.add_function(wrap_pyfunction!(column::call, m)?)?;
    m.add_function(wrap_pyfunction!(column::case_when, m)?)?;
    m.add_function(wrap_pyfunction!(column::get_field, m)?)?;
    m.add_function(wrap_pyfunction!(column::with_field, m)?)?;
    m.add_function(wrap_pyfunction!(column::col_regex, m)?)?;
    m.add_function(wrap_pyfunction!(column::drop_field, m)?)?;
    m.add_function(wrap_pyfunction!(column::lambda_variable, m)?)?;
    m.add_function(wrap_pyfunction!(column::lambda_function, m)?)?;
    m.add_function(wrap_pyfunction!(column::get_item, m)?)?;
    m.add_function(wrap_pyfunction!(column::parse_expr, m)?)?;
    m.add_function(wrap_pyfunction!(types::ddl_schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(types::ddl_type_json, m)?)?;
    m.add_function(wrap_pyfunction!(registered_functions, m)?)?;
    m.add_function(wrap_pyfunction!(multipart_name, m)?)?;
    m.add_function(wrap_pyfunction!(sql_query_context_summary, m)?)?;
    m.add_function(wrap_pyfunction!(panic_for_tests, m)?)?;
    m.add_function(wrap_pyfunction!(check_time_zone, m)?)?;
    m.add_function(wrap_pyfunction!(sql_pattern_matches, m)?)?;
    m.add_function(wrap_pyfunction!(java_double_text, m)?)?;
    m.add_function(wrap_pyfunction!(io_options, m)?)?;
    m.add_function(wrap_pyfunction!(remove_scratch_files, m)?)?;
    Ok(())
}

/// Panics inside the guard, so tests can check that a panic reaches Python as an
/// ordinary exception. Not part of any public API.
#[pyfunction]
fn panic_for_tests(py: Python<'_>) -> PyResult<()> {
    errors::guard(py, || -> crate::error::Result<()> { panic!("deliberate panic for tests") })
}

/// Every data source option of every format, from the tables in `io`: (format, name,
/// aliases, type, default, reader/writer, what PyRust does with it), for the docs.
#[pyfunction]
fn io_options() -> Vec<crate::io::formats::OptionRow> {
    crate::io::formats::describe()
}

/// Removes the process' scratch files (`io::scratch`: local copies of remote objects,
/// upload scratch files, decompressed copies); `pyrust.sql.session` registers it with `atexit`.
#[pyfunction]
fn remove_scratch_files() {
    crate::io::remote::remove_local_copies()
}

/// Java's `Double.toString`, for values the JVM would print (strings from numbers).
#[pyfunction]
fn java_double_text(x: f64) -> String {
    crate::ir::text::java_double(x)
}

/// Raises Spark's error for a session time zone it cannot resolve.
#[pyfunction]
fn check_time_zone(py: Python<'_>, name: &str) -> PyResult<()> {
    errors::guard(py, || crate::compat::timezone::parse(name).map(|_| ()))
}

/// Whether `name` matches a catalog pattern as Spark's `StringUtils.filterPattern` reads it.
#[pyfunction]
fn sql_pattern_matches(name: &str, pattern: &str) -> bool {
    crate::sql::commands::matches_pattern(name, pattern)
}

/// A multi-part name (`db.t`) as Spark's parser reads it, with its ParseException.
#[pyfunction]
fn multipart_name(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    errors::guard(py, || crate::sql::parse_name(text))
}

/// Spark's `SQLQueryContext.summary` of characters `start..=stop` of `text`.
#[pyfunction]
fn sql_query_context_summary(text: &str, start: usize, stop: usize) -> String {
    crate::error::query_context::summary(text, start, stop)
}

/// Names of every function in the registry (for docs/supported-api.md).
#[pyfunction]
fn registered_functions() -> Vec<(String, Vec<String>, String)> {
    crate::analysis::functions::all()
        .map(|f| {
            let kind = if f.func.is_aggregate() { "aggregate" } else { "scalar" };
            (f.name.to_string(), f.aliases.iter().map(|a| a.to_string()).collect(), kind.to_string())
        })
        .collect()
}
