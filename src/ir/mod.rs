//! The Spark-semantic intermediate representation: plans, expressions, types and
//! values. Knows nothing of Polars or Python.

pub mod expr;
pub mod plan;
pub mod types;
pub mod value;

pub use expr::{Attribute, BinaryOp, CastKind, Expr, SortKey};
pub use plan::{FileFormat, JoinType, NamedExpr, Plan, PlanNode};
pub use types::{DataType, StructField};
pub use value::Value;
