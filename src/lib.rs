//! PyRust: the PySpark DataFrame API on Polars.
//!
//! Calls from Python build a Spark-semantic plan (`ir`), checked eagerly by
//! `analysis`, rewritten for speed by `optimize`, lowered to Polars by `lowering`
//! (with Spark semantics from `compat`) and run by `exec`. `python` holds the PyO3
//! bindings and nothing else does.

pub mod analysis;
pub mod compat;
pub mod error;
pub mod exec;
pub mod io;
pub mod ir;
pub mod lowering;
pub mod optimize;
pub mod sql;

#[cfg(feature = "python")]
mod python;
