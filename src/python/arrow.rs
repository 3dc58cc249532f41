//! Arrow across the boundary through the Arrow PyCapsule interface: results leave
//! as an `ArrowArrayStream` in Spark's Arrow types (pyarrow, pandas and polars read
//! it), and pyarrow tables / pandas frames come in the same way. No Python polars
//! version coupling. Which Arrow type stands for which Spark type is decided in
//! `lowering::types::arrow`, not here.

use crate::error::{Error, Result};
use crate::ir::StructField;
use crate::lowering::types::arrow::{arrow_fields, to_spark_arrow};
use crate::lowering::types::engine::ArrowTable;
use polars::prelude::{self as pl, CompatLevel};
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::{ArrowDataType, Field as ArrowField};
use polars_arrow::ffi::{export_field_to_c, export_iterator, import_field_from_c, ArrowArrayStream, ArrowArrayStreamReader, ArrowSchema};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// Exports a result as a stream of struct arrays (record batches) whose fields carry
/// the user-facing names (which may repeat) and the Arrow types PySpark gives `fields`.
/// `large`: `spark.sql.execution.arrow.useLargeVarTypes`.
pub fn export_stream<'py>(py: Python<'py>, mut df: pl::DataFrame, fields: &[StructField], large: bool) -> PyResult<Bound<'py, PyCapsule>> {
    df.rechunk_mut();
    export_batches(py, df, fields, large)
}

/// `export_stream` of the frame's chunks as they are, one record batch each (the
/// readers regroup them: a Python function's batches are cut by row count): no copy of
/// the whole frame. Chunks are aligned across columns first, and a frame of many small
/// chunks is made one (a batch per chunk would cost more than the copy).
pub fn export_chunks<'py>(py: Python<'py>, mut df: pl::DataFrame, fields: &[StructField], large: bool) -> PyResult<Bound<'py, PyCapsule>> {
    if df.first_col_n_chunks() > 1 + df.height() / 1024 {
        df.rechunk_mut();
    } else {
        df.align_chunks();
    }
    export_batches(py, df, fields, large)
}

fn export_batches<'py>(py: Python<'py>, df: pl::DataFrame, fields: &[StructField], large: bool) -> PyResult<Bound<'py, PyCapsule>> {
    let struct_type = ArrowDataType::Struct(arrow_fields(fields, large));
    let batches = df
        .iter_chunks(CompatLevel::oldest(), false)
        .map(|batch| {
            let len = batch.height();
            let arrays = batch.into_arrays().iter().zip(fields).map(|(a, f)| to_spark_arrow(a.as_ref(), &f.data_type, large)).collect::<Result<Vec<_>>>()?;
            Ok(StructArray::try_new(struct_type.clone(), len, arrays, None)?.boxed())
        })
        .collect::<Result<Vec<_>>>()
        .map_err(|e| super::errors::to_py_err(py, e))?;
    let batches: Vec<pl::PolarsResult<Box<dyn Array>>> = batches.into_iter().map(Ok).collect();
    let stream = export_iterator(Box::new(batches.into_iter()), ArrowField::new("".into(), struct_type, false));
    PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
}

/// The Arrow fields of a table, from `__arrow_c_schema__` (of the object or of its
/// `schema`, as a pyarrow Table has it), read before its data so a refused type fails
/// before anything is imported. `None` when the object does not describe itself.
pub fn import_schema(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<ArrowField>>> {
    let owner = if obj.hasattr("__arrow_c_schema__")? {
        obj.clone()
    } else {
        match obj.getattr("schema") {
            Ok(schema) if schema.hasattr("__arrow_c_schema__")? => schema,
            _ => return Ok(None),
        }
    };
    let capsule = owner.call_method0("__arrow_c_schema__")?;
    let capsule = capsule.cast::<PyCapsule>()?;
    let ptr = capsule.pointer_checked(Some(c"arrow_schema"))?.as_ptr() as *const ArrowSchema;
    // SAFETY: the capsule holds a valid ArrowSchema for its lifetime; it is only read.
    let field = unsafe { import_field_from_c(&*ptr) }.map_err(|e| super::errors::to_py_err(obj.py(), Error::from(e)))?;
    match field.dtype() {
        ArrowDataType::Struct(fields) => Ok(Some(fields.clone())),
        _ => Err(super::errors::to_py_err(obj.py(), Error::internal("Arrow data is not a table"))),
    }
}

/// Reads any object with `__arrow_c_stream__`. `requested`, when given, are the fields to receive
/// the data as (the producer casts), for Arrow types Polars cannot import.
pub fn import_stream(obj: &Bound<'_, PyAny>, requested: Option<&[ArrowField]>) -> PyResult<ArrowTable> {
    let capsule = match requested {
        None => obj.call_method0("__arrow_c_stream__")?,
        Some(fields) => {
            let schema = export_field_to_c(&ArrowField::new("".into(), ArrowDataType::Struct(fields.to_vec()), false));
            let schema = PyCapsule::new_with_value(obj.py(), schema, c"arrow_schema")?;
            obj.call_method1("__arrow_c_stream__", (schema,))?
        }
    };
    let capsule = capsule.cast::<PyCapsule>()?;
    let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?.as_ptr() as *mut ArrowArrayStream;
    // Take ownership of the stream; the capsule keeps an empty (released) one.
    let stream = unsafe { std::ptr::replace(ptr, ArrowArrayStream::empty()) };
    let result = (|| -> Result<ArrowTable> {
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
        Ok(ArrowTable { fields, columns: chunks })
    })();
    result.map_err(|e| super::errors::to_py_err(obj.py(), e))
}
