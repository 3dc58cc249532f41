//! Lowering: resolved IR to Polars. The only place besides `compat` that speaks the
//! Polars DSL.

pub mod aggregate;
pub mod expr;
pub mod functions;
pub mod generate;
mod grouping;
pub mod plan;
mod reuse;
mod set_ops;
pub mod types;
pub mod udf;
mod unwrap_cast;
pub mod window;

pub use plan::{CacheStore, PlanLowering};
