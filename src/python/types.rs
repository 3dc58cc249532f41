//! Spark types cross the boundary as Spark's JSON schema text.

use crate::error::{Error, ErrorKind, Result};
use crate::ir::types::{parse_ddl_schema, parse_ddl_type};
use crate::ir::{DataType, StructField};
use pyo3::prelude::*;

pub fn parse_type_json(text: &str) -> Result<DataType> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::plain(ErrorKind::ValueError, format!("bad type JSON {text}: {e}")))?;
    DataType::from_json(&v)
}

pub fn parse_fields_json(text: &str) -> Result<Vec<StructField>> {
    match parse_type_json(text)? {
        DataType::Struct(fields) => Ok(fields),
        other => Err(Error::plain(ErrorKind::TypeError, format!("expected a struct type, got {}", other.simple_string()))),
    }
}

/// `StructType.fromDDL` / schema strings: DDL text to Spark's JSON.
#[pyfunction]
pub fn ddl_schema_json(py: Python<'_>, text: &str) -> PyResult<String> {
    super::errors::guard(py, || Ok(parse_ddl_schema(text)?.to_json().to_string()))
}

/// One type name (`"int"`, `"array<string>"`) to Spark's JSON.
#[pyfunction]
pub fn ddl_type_json(py: Python<'_>, text: &str) -> PyResult<String> {
    super::errors::guard(py, || Ok(parse_ddl_type(text)?.to_json().to_string()))
}
