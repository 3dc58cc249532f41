//! Arrow across the boundary through the Arrow PyCapsule interface: results leave
//! as an `ArrowArrayStream` (pyarrow, pandas and polars read it), and pyarrow
//! tables / pandas frames come in the same way. No Python polars version coupling.

use crate::error::{Error, Result};
use polars::prelude::{self as pl, CompatLevel, IntoColumn};
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::{ArrowDataType, Field as ArrowField};
use polars_arrow::ffi::{export_iterator, ArrowArrayStream, ArrowArrayStreamReader};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// Exports a result as a stream of struct arrays (record batches) whose fields
/// carry the user-facing names (which may repeat).
pub fn export_stream<'py>(py: Python<'py>, mut df: pl::DataFrame, names: &[String]) -> PyResult<Bound<'py, PyCapsule>> {
    df.rechunk_mut();
    let compat = CompatLevel::oldest();
    let fields: Vec<ArrowField> = df
        .columns()
        .iter()
        .zip(names)
        .map(|(c, n)| ArrowField::new(n.as_str().into(), c.dtype().to_arrow(compat), true))
        .collect();
    let struct_type = ArrowDataType::Struct(fields.clone());
    let batches: Vec<pl::PolarsResult<Box<dyn Array>>> = df
        .iter_chunks(compat, false)
        .map(|batch| {
            let len = batch.height();
            let arrays = batch.into_arrays();
            Ok(StructArray::new(struct_type.clone(), len, arrays, None).boxed())
        })
        .collect();
    let stream = export_iterator(Box::new(batches.into_iter()), ArrowField::new("".into(), struct_type, false));
    PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
}

/// Imports any object with `__arrow_c_stream__` as a DataFrame (columns c0, c1, ...)
/// plus the Arrow field names and types.
pub fn import_stream(obj: &Bound<'_, PyAny>) -> PyResult<(pl::DataFrame, Vec<String>)> {
    let capsule = obj.call_method0("__arrow_c_stream__")?;
    let capsule = capsule.cast::<PyCapsule>()?;
    let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?.as_ptr() as *mut ArrowArrayStream;
    // Take ownership of the stream; the capsule keeps an empty (released) one.
    let stream = unsafe { std::ptr::replace(ptr, ArrowArrayStream::empty()) };
    let result = (|| -> Result<(pl::DataFrame, Vec<String>)> {
        let mut reader = unsafe { ArrowArrayStreamReader::try_new(Box::new(stream)) }.map_err(Error::from)?;
        let fields = match reader.field().dtype() {
            ArrowDataType::Struct(f) => f.clone(),
            _ => return Err(Error::internal("Arrow stream is not a stream of record batches")),
        };
        let mut chunks: Vec<Vec<Box<dyn Array>>> = fields.iter().map(|_| vec![]).collect();
        while let Some(array) = unsafe { reader.next() } {
            let array = array.map_err(Error::from)?;
            let s = array.as_any().downcast_ref::<StructArray>().ok_or_else(|| Error::internal("expected a struct array"))?;
            for (i, v) in s.values().iter().enumerate() {
                chunks[i].push(v.clone());
            }
        }
        let mut height = 0;
        let columns = fields
            .iter()
            .zip(chunks)
            .enumerate()
            .map(|(i, (f, arrays))| {
                let s = if arrays.is_empty() {
                    pl::Series::new_empty(format!("c{i}").as_str().into(), &pl::DataType::from_arrow_field(f))
                } else {
                    pl::Series::try_from((pl::PlSmallStr::from(format!("c{i}").as_str()), arrays)).map_err(Error::from)?
                };
                height = s.len();
                Ok(s.into_column())
            })
            .collect::<Result<Vec<_>>>()?;
        let names = fields.iter().map(|f| f.name.to_string()).collect();
        Ok((pl::DataFrame::new(height, columns)?, names))
    })();
    result.map_err(|e| super::errors::to_py_err(obj.py(), e))
}
