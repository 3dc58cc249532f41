//! The Spark-semantic intermediate representation: plans, expressions, types and
//! values. Knows nothing of Polars or Python.

pub mod expr;
pub mod function;
pub mod metadata;
pub mod origin;
pub mod plan;
pub mod text;
pub mod tree;
pub mod types;
pub mod udf;
pub mod value;

pub use expr::{Attribute, BinaryOp, Call, CaseForm, CastKind, CorrelatedStep, Expr, Subquery, SubqueryKind, FrameBound, FrameKind, LambdaBinding, LambdaVar, SortKey, OUTER_PLAN_ID, WindowFrame, WindowSpec};
pub use function::Func;
pub use origin::Origin;
pub use plan::{FileFormat, JoinType, NamedExpr, Plan, PlanNode, SetOpKind};
pub use tree::Recursion;
pub use types::{DataType, StructField};
pub use value::Value;
