//! Functions of maps.

use super::FunctionDef;

pub static FUNCTIONS: &[FunctionDef] = &[];
