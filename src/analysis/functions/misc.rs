//! Miscellaneous functions: ids, type names, assertions, session values.

use super::FunctionDef;

pub static FUNCTIONS: &[FunctionDef] = &[];
