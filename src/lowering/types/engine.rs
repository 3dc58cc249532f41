//! Data from outside — a Parquet scan, an Arrow stream — in the engine's
//! representation of its Spark type (`to_polars`). Readers hand over whatever Polars
//! decoded (categoricals for dictionary strings, unsigned integers, nanosecond or
//! zoned timestamps, fixed-size lists, map entries under their file's names); past
//! this point every column is exactly what the rest of the engine expects, so `collect`,
//! `show`, casts and Arrow export need no case of their own for any of it.

use super::to_polars;
use crate::compat::timezone::wall_clock_to_utc;
use crate::error::Result;
use crate::ir::{DataType, StructField};
use polars::prelude::{self as pl, Expr, IntoColumn, IntoLazy};
use polars_arrow::array::Array;
use polars_arrow::datatypes::Field as ArrowField;

/// Arrow data as it came in: the fields, and each field's arrays (one per batch).
pub struct ArrowTable {
    pub fields: Vec<ArrowField>,
    pub columns: Vec<Vec<Box<dyn Array>>>,
}

/// An engine frame (columns `c0`, `c1`, ...) from Arrow data, typed by the Spark
/// `fields` (PySpark's reading of the Arrow types, or the user's schema). Zone-less
/// timestamps that become TIMESTAMP are wall-clock times in `session_zone`.
pub fn frame_from_arrow(table: ArrowTable, fields: &[StructField], session_zone: &str) -> Result<pl::DataFrame> {
    let mut height = 0;
    let columns = table
        .fields
        .iter()
        .zip(table.columns)
        .enumerate()
        .map(|(i, (f, arrays))| {
            let name: pl::PlSmallStr = format!("c{i}").into();
            let s = if arrays.is_empty() {
                pl::Series::new_empty(name, &pl::DataType::from_arrow_field(f))
            } else {
                pl::Series::try_from((name, arrays))?
            };
            height = s.len();
            Ok(s.into_column())
        })
        .collect::<Result<Vec<_>>>()?;
    let df = pl::DataFrame::new(height, columns)?;
    let converted: Vec<Expr> = df
        .columns()
        .iter()
        .zip(fields)
        .map(|(c, f)| to_engine(pl::col(c.name().clone()), c.dtype(), &f.data_type, Some(session_zone)).alias(c.name().clone()))
        .collect();
    Ok(df.lazy().select(converted).collect()?)
}

/// `e`, decoded by Polars as `from`, in the engine representation of `to`.
/// `local_zone`: zone-less timestamps that become TIMESTAMP are wall-clock times in this
/// zone (PySpark's reading of Arrow input); `None` reads them as UTC (Parquet).
pub fn to_engine(e: Expr, from: &pl::DataType, to: &DataType, local_zone: Option<&str>) -> Expr {
    let target = to_polars(to);
    if !needs_rebuild(from, to, local_zone) {
        // One cast does the rest: Polars casts nested types member by member. Strict: a
        // value that does not fit (only possible under a user's schema) is an error,
        // not a NULL.
        return if from == &target { e } else { e.strict_cast(target) };
    }
    match (from, to) {
        (pl::DataType::Datetime(..), DataType::Timestamp) => {
            let zone = local_zone.unwrap_or("UTC");
            wall_clock_to_utc(e.strict_cast(pl::DataType::Datetime(pl::TimeUnit::Microseconds, None)), zone)
        }
        (pl::DataType::List(inner) | pl::DataType::Array(inner, _), DataType::Array(element, _)) => {
            let as_list = e.strict_cast(pl::DataType::List(inner.clone()));
            as_list.list().eval(to_engine(pl::element(), inner, element, local_zone))
        }
        (pl::DataType::List(inner), DataType::Map(k, v, _)) => {
            let entry = DataType::Struct(vec![StructField::new("key", (**k).clone(), false), StructField::new("value", (**v).clone(), true)]);
            e.list().eval(to_engine(pl::element(), inner, &entry, local_zone))
        }
        (pl::DataType::Struct(members), DataType::Struct(fields)) => {
            let rebuilt = members
                .iter()
                .zip(fields)
                .enumerate()
                .map(|(i, (m, f))| to_engine(e.clone().struct_().field_by_index(i as i64), m.dtype(), &f.data_type, local_zone).alias(f.name.as_str()))
                .collect();
            // Building a struct from its members loses its own nulls: keep them.
            pl::when(e.is_null()).then(pl::lit(pl::Null {}).cast(target)).otherwise(pl::as_struct(rebuilt))
        }
        _ => e.strict_cast(target),
    }
}

/// Whether `from` needs more than a cast: zone-less timestamps to read as wall-clock
/// times, or struct members (map entries above all) named otherwise than in `to`. A
/// plain cast matches struct members by name and would leave renamed ones NULL.
fn needs_rebuild(from: &pl::DataType, to: &DataType, local_zone: Option<&str>) -> bool {
    match (from, to) {
        (pl::DataType::Datetime(_, None), DataType::Timestamp) => local_zone.is_some_and(|z| !z.eq_ignore_ascii_case("UTC")),
        (pl::DataType::List(inner) | pl::DataType::Array(inner, _), DataType::Array(e, _)) => needs_rebuild(inner, e, local_zone),
        (pl::DataType::List(inner), DataType::Map(k, v, _)) => {
            let entry = DataType::Struct(vec![StructField::new("key", (**k).clone(), false), StructField::new("value", (**v).clone(), true)]);
            needs_rebuild(inner, &entry, local_zone)
        }
        (pl::DataType::Struct(members), DataType::Struct(fields)) => members
            .iter()
            .zip(fields)
            .any(|(m, f)| m.name().as_str() != f.name || needs_rebuild(m.dtype(), &f.data_type, local_zone)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{IntoSeries, NamedFrom};

    fn convert(s: pl::Series, to: &DataType, zone: Option<&str>) -> pl::Series {
        let from = s.dtype().clone();
        let df = pl::DataFrame::new(s.len(), vec![s.into()]).unwrap();
        let out = df.lazy().select([to_engine(pl::col("x"), &from, to, zone).alias("x")]).collect().unwrap();
        out.column("x").unwrap().as_materialized_series().clone()
    }

    #[test]
    fn unsigned_integers_widen_to_spark_types() {
        let u = pl::Series::new("x".into(), [u64::MAX, 1]);
        let out = convert(u, &DataType::Decimal(20, 0), None);
        assert_eq!(out.dtype(), &pl::DataType::Decimal(20, 0));
        assert_eq!(out.get(0).unwrap().to_string(), "18446744073709551615");
        let u = pl::Series::new("x".into(), [u16::MAX]);
        assert_eq!(convert(u, &DataType::Integer, None).i32().unwrap().get(0), Some(65535));
    }

    #[test]
    fn nanoseconds_floor_to_microseconds() {
        let ns = pl::Series::new("x".into(), [-1i64, 1_001]).cast(&pl::DataType::Datetime(pl::TimeUnit::Nanoseconds, None)).unwrap();
        let out = convert(ns, &DataType::Timestamp, None);
        let phys = out.to_physical_repr();
        assert_eq!(phys.i64().unwrap().iter().collect::<Vec<_>>(), vec![Some(-1), Some(1)]);
    }

    #[test]
    fn map_entries_take_spark_names() {
        let k = pl::Series::new("k".into(), ["a"]);
        let v = pl::Series::new("v".into(), [7i32]);
        let entry = pl::StructChunked::from_series("e".into(), 1, [k, v].iter()).unwrap().into_series();
        let s = pl::Series::new("x".into(), [entry]);
        let m = DataType::Map(Box::new(DataType::String), Box::new(DataType::Long), true);
        let out = convert(s, &m, None);
        assert_eq!(out.dtype(), &to_polars(&m));
        let entries = out.list().unwrap().get_as_series(0).unwrap();
        let value = entries.struct_().unwrap().field_by_name("value").unwrap();
        assert_eq!(value.i64().unwrap().get(0), Some(7));
    }

    #[test]
    fn zone_less_timestamps_are_local_wall_clock_when_asked() {
        let us = pl::Series::new("x".into(), [0i64]).cast(&pl::DataType::Datetime(pl::TimeUnit::Microseconds, None)).unwrap();
        let t = DataType::Struct(vec![StructField::new("t", DataType::Timestamp, true)]);
        let s = pl::StructChunked::from_series("x".into(), 1, [us.clone().with_name("t".into())].iter()).unwrap().into_series();
        let out = convert(s, &t, Some("Europe/Oslo"));
        let inner = out.struct_().unwrap().field_by_name("t").unwrap().to_physical_repr().into_owned();
        assert_eq!(inner.i64().unwrap().get(0), Some(-3_600_000_000));
        let out = convert(us, &DataType::TimestampNtz, Some("Europe/Oslo"));
        assert_eq!(out.to_physical_repr().i64().unwrap().get(0), Some(0));
    }
}
