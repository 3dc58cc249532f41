//! Python user-defined functions as the IR sees them: an opaque handle to the
//! function (the Python runtime lives in `python::udf`, behind `exec::udf`'s trait),
//! the type it declares and how it is called. No PyO3 and no Polars here.

use super::expr::Expr;
use super::types::DataType;
use std::any::Any;
use std::sync::Arc;

/// The function itself; `exec::udf::function` knows the concrete type.
#[derive(Clone)]
pub struct UdfHandle(pub Arc<dyn Any + Send + Sync>);

impl std::fmt::Debug for UdfHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UdfHandle")
    }
}

/// Two calls are the same function only when they hold the same handle.
impl PartialEq for UdfHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// PySpark's `PythonEvalType`: how rows reach the function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UdfEvalType {
    /// `@udf`: one call per row (SQL_BATCHED_UDF, 100).
    Batched,
    /// `@udf(useArrow=True)` (SQL_ARROW_BATCHED_UDF, 101).
    ArrowBatched,
    /// `@pandas_udf` Series -> Series (SQL_SCALAR_PANDAS_UDF, 200).
    PandasScalar,
    /// `@pandas_udf` Iterator[Series] -> Iterator[Series] (SQL_SCALAR_PANDAS_ITER_UDF, 204).
    PandasScalarIter,
    /// `@pandas_udf` Series -> scalar (SQL_GROUPED_AGG_PANDAS_UDF, 202).
    PandasGroupedAgg,
}

impl UdfEvalType {
    pub fn from_code(code: i32) -> Option<UdfEvalType> {
        Some(match code {
            100 => UdfEvalType::Batched,
            101 => UdfEvalType::ArrowBatched,
            200 => UdfEvalType::PandasScalar,
            204 => UdfEvalType::PandasScalarIter,
            202 => UdfEvalType::PandasGroupedAgg,
            _ => return None,
        })
    }
    pub fn is_aggregate(self) -> bool {
        self == UdfEvalType::PandasGroupedAgg
    }
}

/// A Python function of the user's, without its arguments: what `spark.udf.register`
/// keeps under a name and what a call copies.
#[derive(Debug, Clone, PartialEq)]
pub struct UdfDef {
    /// The name Spark shows in column names: the function's `__name__` or the registered name.
    pub name: String,
    pub function: UdfHandle,
    pub return_type: DataType,
    pub eval_type: UdfEvalType,
    pub deterministic: bool,
}

/// A call of a Python function over argument expressions. Results are always nullable.
#[derive(Debug, Clone, PartialEq)]
pub struct PythonUdf {
    pub def: UdfDef,
    pub args: Vec<Expr>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_types_are_pysparks_codes() {
        assert_eq!(UdfEvalType::from_code(100), Some(UdfEvalType::Batched));
        assert_eq!(UdfEvalType::from_code(202), Some(UdfEvalType::PandasGroupedAgg));
        assert!(UdfEvalType::PandasGroupedAgg.is_aggregate());
        assert!(!UdfEvalType::PandasScalar.is_aggregate());
        assert_eq!(UdfEvalType::from_code(201), None);
    }

    #[test]
    fn handles_are_equal_only_to_themselves() {
        let a = UdfHandle(Arc::new(1u8));
        let b = UdfHandle(Arc::new(1u8));
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
    }
}
