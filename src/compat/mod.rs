//! Spark semantics expressed for Polars: casts, arithmetic, rounding, error
//! transport and the JVM's text forms of values.

pub mod arith;
pub mod binary;
pub mod cast;
pub mod cast_text;
pub mod checks;
pub mod decimal;
pub mod decimal_cast;
pub mod errors;
pub mod floats;
pub mod histogram;
pub mod json;
pub mod json_read;
pub mod json_write;
pub mod hash_set_order;
pub mod maps;
pub mod math;
pub mod mode;
pub mod moments;
pub mod percentile;
pub mod regex;
pub mod show;
pub mod timezone;
