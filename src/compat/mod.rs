//! Spark semantics expressed for Polars: casts, arithmetic, rounding, error
//! transport and the JVM's text forms of values.

pub mod arith;
pub mod binary;
pub mod cast;
pub mod checks;
pub mod decimal;
pub mod encoding;
pub mod errors;
pub mod floats;
pub mod format_string;
pub mod kernel;
pub mod like;
pub mod maps;
pub mod number_format;
pub mod math;
pub mod regex;
pub mod show;
pub mod strings;
pub mod timezone;
pub mod url;
