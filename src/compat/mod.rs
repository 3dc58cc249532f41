//! Spark semantics expressed for Polars: casts, arithmetic, rounding, error
//! transport and the JVM's text forms of values.

pub mod aes;
pub mod arith;
pub mod binary;
pub mod cast;
pub mod cast_text;
pub mod checks;
pub mod decimal;
pub mod decimal_cast;
pub mod encoding;
pub mod errors;
pub mod fdlibm;
pub mod floats;
pub mod format_string;
pub mod hash;
pub mod kernels;
pub mod lambdas;
pub mod like;
pub mod maps;
pub mod number_format;
pub mod math;
pub mod random;
pub mod regex;
pub mod show;
pub mod strings;
pub mod timezone;
pub mod url;
