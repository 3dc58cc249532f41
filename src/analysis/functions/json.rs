//! JSON and CSV text: parsing, writing and schemas.

use super::FunctionDef;

pub static FUNCTIONS: &[FunctionDef] = &[];
