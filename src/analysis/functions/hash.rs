//! Hashes and checksums, bit-exact with Spark's.

use super::FunctionDef;

pub static FUNCTIONS: &[FunctionDef] = &[];
