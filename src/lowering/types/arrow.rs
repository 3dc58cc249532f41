//! Arrow ⇄ Spark the way PySpark maps them: `from_arrow_type` for data coming in
//! (`spark.createDataFrame(pyarrow_table)`, pandas with Arrow on), `to_arrow_type` for
//! data going out (`toArrow`, `toPandas`), and the arrays of a result rebuilt in Spark's
//! Arrow types (plain strings, MAP as an Arrow map, TIMESTAMP in UTC).

use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars_arrow::array::{Array, BinaryArray, ListArray, MapArray, PrimitiveArray, StructArray, Utf8Array};
use polars_arrow::datatypes::{ArrowDataType, Field, IntervalUnit, TimeUnit};
use polars_arrow::offset::OffsetsBuffer;

/// The Spark type PySpark gives an Arrow field (`from_arrow_type`). `prefer_ntz` is
/// `spark.sql.timestampType = TIMESTAMP_NTZ`: zone-less timestamps become TIMESTAMP_NTZ.
pub fn spark_type(t: &ArrowDataType, prefer_ntz: bool) -> Result<DataType> {
    use ArrowDataType as A;
    let element = |f: &Field| -> Result<DataType> { Ok(DataType::Array(Box::new(spark_type(f.dtype(), prefer_ntz)?), true)) };
    Ok(match t {
        A::Boolean => DataType::Boolean,
        A::Int8 => DataType::Byte,
        A::Int16 => DataType::Short,
        A::Int32 => DataType::Integer,
        A::Int64 => DataType::Long,
        A::Float32 => DataType::Float,
        A::Float64 => DataType::Double,
        A::Decimal(p, s) | A::Decimal32(p, s) | A::Decimal64(p, s) | A::Decimal256(p, s) => {
            if *p > 38 {
                // PySpark fails in pyarrow's `decimal128(p, s)` with a bare ValueError.
                return Err(Error::plain(ErrorKind::ValueError, "precision should be between 1 and 38"));
            }
            DataType::Decimal(*p as u8, *s as u8)
        }
        A::Utf8 | A::LargeUtf8 => DataType::String,
        A::Binary | A::LargeBinary | A::FixedSizeBinary(_) => DataType::Binary,
        A::Date32 => DataType::Date,
        A::Timestamp(_, None) if prefer_ntz => DataType::TimestampNtz,
        A::Timestamp(..) => DataType::Timestamp,
        // Any unit: the import casts to the engine's microseconds.
        A::Duration(_) => DataType::DayTimeInterval(0, 3),
        A::List(f) | A::LargeList(f) | A::FixedSizeList(f, _) => element(f)?,
        A::Map(entries, _) => {
            let A::Struct(kv) = entries.dtype() else { return Err(unsupported(t)) };
            DataType::Map(Box::new(spark_type(kv[0].dtype(), prefer_ntz)?), Box::new(spark_type(kv[1].dtype(), prefer_ntz)?), true)
        }
        A::Struct(fields) => DataType::Struct(
            fields.iter().map(|f| Ok(StructField::new(f.name.as_str(), spark_type(f.dtype(), prefer_ntz)?, f.is_nullable))).collect::<Result<_>>()?,
        ),
        A::Dictionary(_, values, _) => spark_type(values, prefer_ntz)?,
        A::Null => DataType::Null,
        _ => return Err(unsupported(t)),
    })
}

/// The Spark schema of Arrow fields: each field keeps its nullability, as in PySpark.
pub fn spark_schema(fields: &[Field], prefer_ntz: bool) -> Result<Vec<StructField>> {
    fields.iter().map(|f| Ok(StructField::new(f.name.as_str(), spark_type(f.dtype(), prefer_ntz)?, f.is_nullable))).collect()
}

/// The fields to receive Arrow data as when some type cannot be imported by Polars
/// (256-bit decimals: the ones PySpark accepts fit in 128 bits); `None` when all can.
pub fn importable(fields: &[Field]) -> Option<Vec<Field>> {
    fn importable_type(t: &ArrowDataType) -> Option<ArrowDataType> {
        use ArrowDataType as A;
        let field = |f: &Field| importable_type(f.dtype()).map(|t| Field::new(f.name.clone(), t, f.is_nullable));
        match t {
            A::Decimal256(p, s) if *p <= 38 => Some(A::Decimal(*p, *s)),
            A::List(f) => field(f).map(|f| A::List(Box::new(f))),
            A::LargeList(f) => field(f).map(|f| A::LargeList(Box::new(f))),
            A::FixedSizeList(f, n) => field(f).map(|f| A::FixedSizeList(Box::new(f), *n)),
            A::Map(f, sorted) => field(f).map(|f| A::Map(Box::new(f), *sorted)),
            A::Struct(fields) => importable(fields).map(A::Struct),
            _ => None,
        }
    }
    let changed: Vec<Option<ArrowDataType>> = fields.iter().map(|f| importable_type(f.dtype())).collect();
    if changed.iter().all(Option::is_none) {
        return None;
    }
    Some(fields.iter().zip(changed).map(|(f, t)| Field::new(f.name.clone(), t.unwrap_or_else(|| f.dtype().clone()), f.is_nullable)).collect())
}

fn unsupported(t: &ArrowDataType) -> Error {
    let name = pyarrow_name(t);
    Error::new(ErrorKind::TypeError, "UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION", format!("{name} is not supported in conversion to Arrow."))
        .with_param("data_type", name)
}

/// How pyarrow prints a type PySpark refuses (the error names it that way).
fn pyarrow_name(t: &ArrowDataType) -> String {
    use ArrowDataType as A;
    let unit = |u: &TimeUnit| match u {
        TimeUnit::Second => "s",
        TimeUnit::Millisecond => "ms",
        TimeUnit::Microsecond => "us",
        TimeUnit::Nanosecond => "ns",
    };
    match t {
        A::UInt8 => "uint8".into(),
        A::UInt16 => "uint16".into(),
        A::UInt32 => "uint32".into(),
        A::UInt64 => "uint64".into(),
        A::Float16 => "halffloat".into(),
        A::Date64 => "date64[ms]".into(),
        A::Time32(u) => format!("time32[{}]", unit(u)),
        A::Time64(u) => format!("time64[{}]", unit(u)),
        A::Interval(IntervalUnit::YearMonth) => "month_interval".into(),
        A::Interval(IntervalUnit::DayTime) => "day_time_interval".into(),
        A::Interval(_) => "month_day_nano_interval".into(),
        A::BinaryView => "binary_view".into(),
        A::Utf8View => "string_view".into(),
        A::Extension(e) => format!("extension<{}>", e.name),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// The Arrow type PySpark gives a Spark type (`to_arrow_type` with UTC timestamps).
/// `large` is `spark.sql.execution.arrow.useLargeVarTypes`: large strings and binaries.
pub fn arrow_type(t: &DataType, large: bool) -> ArrowDataType {
    use ArrowDataType as A;
    match t {
        DataType::Null => A::Null,
        DataType::Boolean => A::Boolean,
        DataType::Byte => A::Int8,
        DataType::Short => A::Int16,
        DataType::Integer => A::Int32,
        DataType::Long => A::Int64,
        DataType::Float => A::Float32,
        DataType::Double => A::Float64,
        DataType::Decimal(p, s) => A::Decimal(*p as usize, *s as usize),
        DataType::String if large => A::LargeUtf8,
        DataType::String => A::Utf8,
        DataType::Binary if large => A::LargeBinary,
        DataType::Binary => A::Binary,
        DataType::Date => A::Date32,
        DataType::Timestamp => A::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        DataType::TimestampNtz => A::Timestamp(TimeUnit::Microsecond, None),
        DataType::Array(e, contains_null) => A::List(Box::new(Field::new("element".into(), arrow_type(e, large), *contains_null))),
        DataType::Map(k, v, value_contains_null) => A::Map(Box::new(map_entries(k, v, *value_contains_null, large)), false),
        DataType::Struct(fields) => A::Struct(arrow_fields(fields, large)),
        // Intervals (datetime family): day-time as PySpark's `duration("us")`; PySpark
        // has no Arrow type for the others (`to_spark_arrow` refuses them).
        DataType::DayTimeInterval(..) => A::Duration(TimeUnit::Microsecond),
        DataType::YearMonthInterval(..) => A::Int32,
        DataType::CalendarInterval => A::Null,
    }
}

fn map_entries(k: &DataType, v: &DataType, value_contains_null: bool, large: bool) -> Field {
    let kv = vec![Field::new("key".into(), arrow_type(k, large), false), Field::new("value".into(), arrow_type(v, large), value_contains_null)];
    Field::new("entries".into(), ArrowDataType::Struct(kv), false)
}

/// Arrow fields for Spark fields: names and nullability as in the Spark schema.
pub fn arrow_fields(fields: &[StructField], large: bool) -> Vec<Field> {
    fields.iter().map(|f| Field::new(f.name.as_str().into(), arrow_type(&f.data_type, large), f.nullable)).collect()
}

/// An engine array (as Polars exports it at `CompatLevel::oldest`: large strings,
/// binaries and lists, maps as lists of key/value structs, zone-less timestamps)
/// rebuilt in the Arrow type PySpark gives `t`. Buffers are shared, not copied, except
/// offsets narrowed to 32 bits.
pub fn to_spark_arrow(array: &dyn Array, t: &DataType, large: bool) -> Result<Box<dyn Array>> {
    if matches!(t, DataType::YearMonthInterval(..) | DataType::CalendarInterval) {
        return Err(Error::new(
            crate::error::ErrorKind::TypeError,
            "UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION",
            format!("{} is not supported in conversion to Arrow.", t.simple_string()),
        ));
    }
    let target = arrow_type(t, large);
    if array.dtype() == &target {
        return Ok(array.to_boxed());
    }
    let any = array.as_any();
    let mismatch = || Error::internal(format!("cannot export {:?} as Spark type {}", array.dtype(), t.simple_string()));
    Ok(match t {
        // Large types are exported as they are (handled above).
        DataType::String => {
            let a = any.downcast_ref::<Utf8Array<i64>>().ok_or_else(mismatch)?;
            Utf8Array::<i32>::try_new(target, narrow(a.offsets())?, a.values().clone(), a.validity().cloned())?.boxed()
        }
        // Large types are exported as they are (handled above).
        DataType::Binary => {
            let a = any.downcast_ref::<BinaryArray<i64>>().ok_or_else(mismatch)?;
            BinaryArray::<i32>::try_new(target, narrow(a.offsets())?, a.values().clone(), a.validity().cloned())?.boxed()
        }
        DataType::Timestamp | DataType::TimestampNtz => any.downcast_ref::<PrimitiveArray<i64>>().ok_or_else(mismatch)?.clone().to(target).boxed(),
        DataType::Array(e, _) => {
            let a = any.downcast_ref::<ListArray<i64>>().ok_or_else(mismatch)?;
            let values = to_spark_arrow(a.values().as_ref(), e, large)?;
            ListArray::<i32>::try_new(target, narrow(a.offsets())?, values, a.validity().cloned())?.boxed()
        }
        DataType::Map(k, v, value_contains_null) => {
            let a = any.downcast_ref::<ListArray<i64>>().ok_or_else(mismatch)?;
            let entries = a.values().as_any().downcast_ref::<StructArray>().ok_or_else(mismatch)?;
            let keys = to_spark_arrow(entries.values()[0].as_ref(), k, large)?;
            let values = to_spark_arrow(entries.values()[1].as_ref(), v, large)?;
            let entry_type = map_entries(k, v, *value_contains_null, large).dtype().clone();
            let entries = StructArray::try_new(entry_type, entries.len(), vec![keys, values], entries.validity().cloned())?;
            MapArray::try_new(target, narrow(a.offsets())?, entries.boxed(), a.validity().cloned())?.boxed()
        }
        DataType::Struct(fields) => {
            let a = any.downcast_ref::<StructArray>().ok_or_else(mismatch)?;
            let children = a.values().iter().zip(fields).map(|(c, f)| to_spark_arrow(c.as_ref(), &f.data_type, large)).collect::<Result<Vec<_>>>()?;
            StructArray::try_new(target, a.len(), children, a.validity().cloned())?.boxed()
        }
        _ => return Err(mismatch()),
    })
}

fn narrow(offsets: &OffsetsBuffer<i64>) -> Result<OffsetsBuffer<i32>> {
    OffsetsBuffer::<i32>::try_from(offsets).map_err(|_| {
        Error::internal("a result column holds more than 2 GB of strings or list entries; set spark.sql.execution.arrow.useLargeVarTypes=true")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars_arrow::datatypes::ExtensionType;

    #[test]
    fn pyspark_input_mapping() {
        let list = ArrowDataType::LargeList(Box::new(Field::new("item".into(), ArrowDataType::Int16, false)));
        assert_eq!(spark_type(&list, false).unwrap(), DataType::Array(Box::new(DataType::Short), true));
        let ts = ArrowDataType::Timestamp(TimeUnit::Nanosecond, None);
        assert_eq!(spark_type(&ts, false).unwrap(), DataType::Timestamp);
        assert_eq!(spark_type(&ts, true).unwrap(), DataType::TimestampNtz);
        let dict = ArrowDataType::Dictionary(polars_arrow::datatypes::IntegerType::Int32, Box::new(ArrowDataType::Utf8), false);
        assert_eq!(spark_type(&dict, false).unwrap(), DataType::String);
    }

    #[test]
    fn pyspark_refusals() {
        let class = |t: ArrowDataType| spark_type(&t, false).unwrap_err();
        let e = class(ArrowDataType::UInt8);
        assert_eq!(e.error_class.as_deref(), Some("UNSUPPORTED_DATA_TYPE_FOR_ARROW_CONVERSION"));
        assert!(e.message.starts_with("uint8 "));
        let ext = ArrowDataType::Extension(Box::new(ExtensionType { name: "arrow.json".into(), inner: ArrowDataType::Utf8, metadata: None }));
        assert!(class(ext).message.starts_with("extension<arrow.json> "));
        assert_eq!(class(ArrowDataType::Decimal256(40, 1)).kind, ErrorKind::ValueError);
    }

    #[test]
    fn pyspark_output_mapping() {
        let m = DataType::Map(Box::new(DataType::String), Box::new(DataType::Long), true);
        let ArrowDataType::Map(entries, false) = arrow_type(&m, false) else { panic!() };
        let ArrowDataType::Struct(kv) = entries.dtype() else { panic!() };
        assert!(!kv[0].is_nullable && kv[1].is_nullable);
        assert_eq!(arrow_type(&DataType::Timestamp, false), ArrowDataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())));
        assert_eq!(arrow_type(&DataType::String, true), ArrowDataType::LargeUtf8);
    }

    #[test]
    fn engine_strings_and_maps_become_spark_arrow() {
        let strings = Utf8Array::<i64>::from([Some("a"), None]);
        let out = to_spark_arrow(&strings, &DataType::String, false).unwrap();
        assert_eq!(out.dtype(), &ArrowDataType::Utf8);
        assert_eq!(out.null_count(), 1);

        let entry = ArrowDataType::Struct(vec![Field::new("key".into(), ArrowDataType::LargeUtf8, true), Field::new("value".into(), ArrowDataType::Int64, true)]);
        let kv = StructArray::new(entry.clone(), 1, vec![Utf8Array::<i64>::from([Some("k")]).boxed(), PrimitiveArray::<i64>::from([Some(1)]).boxed()], None);
        let list_type = ArrowDataType::LargeList(Box::new(Field::new("item".into(), entry, true)));
        let list = ListArray::<i64>::new(list_type, OffsetsBuffer::try_from(vec![0i64, 1, 1]).unwrap(), kv.boxed(), None);
        let m = DataType::Map(Box::new(DataType::String), Box::new(DataType::Long), true);
        let out = to_spark_arrow(&list, &m, false).unwrap();
        assert_eq!(out.dtype(), &arrow_type(&m, false));
        assert_eq!(out.len(), 2);
    }
}
