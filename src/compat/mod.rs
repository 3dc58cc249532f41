//! Spark semantics expressed for Polars: casts, arithmetic, rounding, error
//! transport and the JVM's text forms of values.

pub mod aes;
pub mod arith;
pub mod binary;
pub mod calendar;
pub mod cast;
pub mod cast_text;
pub mod checks;
pub mod datetime_fns;
pub mod datetime_format;
pub mod datetime_kernels;
pub mod datetime_parse;
pub mod datetime_pattern;
pub mod datetime_text;
pub mod decimal;
pub mod decimal_cast;
pub mod encoding;
pub mod errors;
pub mod fdlibm;
pub mod floats;
pub mod format_string;
pub mod hash;
pub mod interval;
pub mod kernels;
pub mod like;
pub mod maps;
pub mod number_format;
pub mod math;
pub mod random;
pub mod regex;
pub mod sessions;
pub mod show;
pub mod strings;
pub mod timezone;
pub mod url;
pub mod zone_names;
mod zone_names_table;
