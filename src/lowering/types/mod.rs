//! The one home of type mappings between Spark and the outside world:
//!
//! - here: the engine representation of each Spark type (`to_polars`), and the Spark
//!   type of what Polars infers from text files (`from_polars`, CSV and JSON);
//! - `parquet`: Spark's reading of a Parquet schema (what `spark.read.parquet` infers);
//! - `arrow`: PySpark's Arrow ⇄ Spark mapping (Arrow input, `toArrow`/`toPandas` output);
//! - `engine`: data as a reader decoded it, converted to the engine representation.
//!
//! A type fix lands in one of these and every path that reads or writes data sees it.

pub mod arrow;
pub mod engine;
pub mod parquet;

use crate::error::{Error, Result};
use crate::ir::{DataType, StructField};
use polars::prelude as pl;

/// The Polars type a Spark type is stored as. Maps are lists of key/value structs.
pub fn to_polars(t: &DataType) -> pl::DataType {
    match t {
        DataType::Null => pl::DataType::Null,
        DataType::Boolean => pl::DataType::Boolean,
        DataType::Byte => pl::DataType::Int8,
        DataType::Short => pl::DataType::Int16,
        DataType::Integer => pl::DataType::Int32,
        DataType::Long => pl::DataType::Int64,
        DataType::Float => pl::DataType::Float32,
        DataType::Double => pl::DataType::Float64,
        DataType::Decimal(p, s) => pl::DataType::Decimal(*p as usize, *s as usize),
        DataType::String => pl::DataType::String,
        DataType::Binary => pl::DataType::Binary,
        DataType::Date => pl::DataType::Date,
        DataType::Timestamp | DataType::TimestampNtz => pl::DataType::Datetime(pl::TimeUnit::Microseconds, None),
        DataType::Array(e, _) => pl::DataType::List(Box::new(to_polars(e))),
        DataType::Map(k, v, _) => pl::DataType::List(Box::new(pl::DataType::Struct(vec![
            pl::Field::new("key".into(), to_polars(k)),
            pl::Field::new("value".into(), to_polars(v)),
        ]))),
        DataType::Struct(fields) => pl::DataType::Struct(
            fields.iter().zip(engine_field_names(fields)).map(|(f, name)| pl::Field::new(name.into(), to_polars(&f.data_type))).collect(),
        ),
        // Intervals: microseconds as a Duration, months as an Int32, and the legacy
        // interval as its three parts.
        DataType::DayTimeInterval(..) => pl::DataType::Duration(pl::TimeUnit::Microseconds),
        DataType::YearMonthInterval(..) => pl::DataType::Int32,
        DataType::CalendarInterval => pl::DataType::Struct(vec![
            pl::Field::new("months".into(), pl::DataType::Int32),
            pl::Field::new("days".into(), pl::DataType::Int32),
            pl::Field::new("microseconds".into(), pl::DataType::Int64),
        ]),
    }
}

/// The names of a struct's fields in the engine. Spark allows a name twice
/// (`arrays_zip(a, a)`, `struct(a, a)`), Polars does not: a repeated name takes its
/// position as a suffix. Fields are read by position; rows, Arrow and `show()` take
/// their names from the Spark type.
pub fn engine_field_names(fields: &[StructField]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        let repeated = names.contains(&f.name);
        names.push(if repeated { format!("{}\u{1}{i}", f.name) } else { f.name.clone() });
    }
    names
}

/// The Spark type for data Polars inferred from a text file (CSV, JSON). Parquet and
/// Arrow data are typed from their own schemas (`parquet`, `arrow`), not from Polars'.
pub fn from_polars(t: &pl::DataType) -> Result<DataType> {
    Ok(match t {
        pl::DataType::Null => DataType::Null,
        pl::DataType::Boolean => DataType::Boolean,
        pl::DataType::Int8 => DataType::Byte,
        pl::DataType::Int16 | pl::DataType::UInt8 => DataType::Short,
        pl::DataType::Int32 | pl::DataType::UInt16 => DataType::Integer,
        pl::DataType::Int64 | pl::DataType::UInt32 => DataType::Long,
        pl::DataType::UInt64 => DataType::Decimal(20, 0),
        pl::DataType::Float32 => DataType::Float,
        pl::DataType::Float64 => DataType::Double,
        pl::DataType::Decimal(p, s) => DataType::Decimal(*p as u8, *s as u8),
        pl::DataType::String | pl::DataType::Categorical(..) | pl::DataType::Enum(..) => DataType::String,
        pl::DataType::Binary => DataType::Binary,
        pl::DataType::Date => DataType::Date,
        pl::DataType::Datetime(_, Some(_)) => DataType::Timestamp,
        pl::DataType::Datetime(_, None) => DataType::TimestampNtz,
        pl::DataType::Duration(_) => DataType::DayTimeInterval(0, 3),
        pl::DataType::List(e) | pl::DataType::Array(e, _) => DataType::Array(Box::new(from_polars(e)?), true),
        pl::DataType::Struct(fields) => DataType::Struct(
            fields
                .iter()
                .map(|f| Ok(StructField::new(f.name().as_str(), from_polars(f.dtype())?, true)))
                .collect::<Result<Vec<_>>>()?,
        ),
        other => return Err(Error::unsupported(format!("reading data of Polars type {other}"))),
    })
}
