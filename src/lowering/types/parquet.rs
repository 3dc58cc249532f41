//! Spark's reading of a Parquet schema (`ParquetToSparkSchemaConverter`): Spark maps the
//! file's own Parquet types and annotations, never the Arrow schema a writer such as
//! pyarrow may add to the footer. So a pandas categorical is a plain string, a
//! `timestamp[s]` is a `TIMESTAMP(MILLIS)`, a duration is a bare INT64 (bigint).
//! Spark's defaults: `binaryAsString` off, `int96AsTimestamp` on, `inferTimestampNTZ` on,
//! `nanosAsLong` off; and a file source's schema is made nullable at every level.

use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use polars_parquet::parquet::schema::types::{
    FieldInfo, GroupConvertedType, GroupLogicalType, IntegerType, ParquetType, PhysicalType, PrimitiveConvertedType,
    PrimitiveLogicalType, PrimitiveType, TimeUnit,
};
use polars_parquet::parquet::schema::Repetition;

/// The Spark schema of top-level Parquet fields, nullable at every level as Spark's
/// file sources make it (`StructType.asNullable`).
pub fn spark_schema(fields: &[ParquetType]) -> Result<Vec<StructField>> {
    fields.iter().map(|f| Ok(StructField::new(f.name(), as_nullable(top_level(f)?), true))).collect()
}

/// A top-level (or struct member) field: a REPEATED one outside a LIST or MAP group is
/// a list of its type.
fn top_level(field: &ParquetType) -> Result<DataType> {
    let t = field_type(field)?;
    Ok(if field.get_field_info().repetition == Repetition::Repeated { DataType::Array(Box::new(t), false) } else { t })
}

fn field_type(field: &ParquetType) -> Result<DataType> {
    match field {
        ParquetType::PrimitiveType(p) => primitive_type(p),
        ParquetType::GroupType { field_info, logical_type, converted_type, fields } => {
            group_type(field_info, logical_type, converted_type, fields)
        }
    }
}

fn as_nullable(t: DataType) -> DataType {
    match t {
        DataType::Array(e, _) => DataType::Array(Box::new(as_nullable(*e)), true),
        DataType::Map(k, v, _) => DataType::Map(Box::new(as_nullable(*k)), Box::new(as_nullable(*v)), true),
        DataType::Struct(fields) => {
            DataType::Struct(fields.into_iter().map(|f| StructField::new(f.name, as_nullable(f.data_type), true)).collect())
        }
        other => other,
    }
}

/// A primitive's annotation, as parquet-mr sees it: the logical type, or the one a
/// legacy converted type stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Annotation {
    None,
    Logical(PrimitiveLogicalType),
    Interval,
}

fn annotation(p: &PrimitiveType) -> Annotation {
    use PrimitiveConvertedType as C;
    use PrimitiveLogicalType as L;
    if let Some(l) = p.logical_type {
        // parquet-mr reads UNKNOWN (pyarrow's null columns) as no annotation.
        return if l == L::Unknown { Annotation::None } else { Annotation::Logical(l) };
    }
    let adjusted = |unit| L::Timestamp { unit, is_adjusted_to_utc: true };
    Annotation::Logical(match p.converted_type {
        None => return Annotation::None,
        Some(C::Interval) => return Annotation::Interval,
        Some(C::Utf8) => L::String,
        Some(C::Enum) => L::Enum,
        Some(C::Json) => L::Json,
        Some(C::Bson) => L::Bson,
        Some(C::Decimal(p, s)) => L::Decimal(p, s),
        Some(C::Date) => L::Date,
        Some(C::TimeMillis) => L::Time { unit: TimeUnit::Milliseconds, is_adjusted_to_utc: true },
        Some(C::TimeMicros) => L::Time { unit: TimeUnit::Microseconds, is_adjusted_to_utc: true },
        Some(C::TimestampMillis) => adjusted(TimeUnit::Milliseconds),
        Some(C::TimestampMicros) => adjusted(TimeUnit::Microseconds),
        Some(C::Int8) => L::Integer(IntegerType::Int8),
        Some(C::Int16) => L::Integer(IntegerType::Int16),
        Some(C::Int32) => L::Integer(IntegerType::Int32),
        Some(C::Int64) => L::Integer(IntegerType::Int64),
        Some(C::Uint8) => L::Integer(IntegerType::UInt8),
        Some(C::Uint16) => L::Integer(IntegerType::UInt16),
        Some(C::Uint32) => L::Integer(IntegerType::UInt32),
        Some(C::Uint64) => L::Integer(IntegerType::UInt64),
    })
}

/// Spark's text for a primitive type in its errors, as parquet-mr prints it:
/// `INT64 (TIMESTAMP(NANOS,false))`.
fn type_text(p: &PrimitiveType, a: Annotation) -> String {
    let physical = match p.physical_type {
        PhysicalType::Boolean => "BOOLEAN",
        PhysicalType::Int32 => "INT32",
        PhysicalType::Int64 => "INT64",
        PhysicalType::Int96 => "INT96",
        PhysicalType::Float => "FLOAT",
        PhysicalType::Double => "DOUBLE",
        PhysicalType::ByteArray => "BINARY",
        PhysicalType::FixedLenByteArray(_) => "FIXED_LEN_BYTE_ARRAY",
    };
    let unit = |u: TimeUnit| match u {
        TimeUnit::Milliseconds => "MILLIS",
        TimeUnit::Microseconds => "MICROS",
        TimeUnit::Nanoseconds => "NANOS",
    };
    use PrimitiveLogicalType as L;
    let annotation = match a {
        Annotation::None => return physical.to_string(),
        Annotation::Interval => "INTERVAL".to_string(),
        Annotation::Logical(l) => match l {
            L::String => "STRING".into(),
            L::Enum => "ENUM".into(),
            L::Json => "JSON".into(),
            L::Bson => "BSON".into(),
            L::Uuid => "UUID".into(),
            L::Float16 => "FLOAT16".into(),
            L::Unknown => "UNKNOWN".into(),
            L::Date => "DATE".into(),
            L::Decimal(p, s) => format!("DECIMAL({p},{s})"),
            L::Time { unit: u, is_adjusted_to_utc } => format!("TIME({},{is_adjusted_to_utc})", unit(u)),
            L::Timestamp { unit: u, is_adjusted_to_utc } => format!("TIMESTAMP({},{is_adjusted_to_utc})", unit(u)),
            L::Integer(i) => {
                let (bits, signed) = integer_width(i);
                format!("INTEGER({bits},{signed})")
            }
        },
    };
    format!("{physical} ({annotation})")
}

fn integer_width(i: IntegerType) -> (u8, bool) {
    match i {
        IntegerType::Int8 => (8, true),
        IntegerType::Int16 => (16, true),
        IntegerType::Int32 => (32, true),
        IntegerType::Int64 => (64, true),
        IntegerType::UInt8 => (8, false),
        IntegerType::UInt16 => (16, false),
        IntegerType::UInt32 => (32, false),
        IntegerType::UInt64 => (64, false),
    }
}

fn illegal(text: String) -> Error {
    Error::analysis("PARQUET_TYPE_ILLEGAL", format!("Illegal Parquet type: {text}.")).with_param("parquetType", text)
}

fn not_supported(text: String) -> Error {
    Error::analysis("PARQUET_TYPE_NOT_SUPPORTED", format!("Parquet type not yet supported: {text}.")).with_param("parquetType", text)
}

fn requirement(ok: bool, message: impl FnOnce() -> String) -> Result<()> {
    if ok {
        return Ok(());
    }
    let msg = message();
    Err(Error::analysis("_LEGACY_ERROR_TEMP_3071", msg.clone()).with_param("msg", msg))
}

/// Decimal digits a fixed-length byte array of `n` bytes holds: Spark's
/// `Decimal.maxPrecisionForBytes`.
fn max_precision_for_bytes(n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let bits = 8 * n as u32 - 1;
    // floor(log10(2^bits - 1)), computed without floating point for large n.
    (bits as f64 * std::f64::consts::LOG10_2).floor() as usize
}

fn decimal(p: &PrimitiveType, precision: usize, scale: usize, max_precision: Option<usize>) -> Result<DataType> {
    if let Some(max) = max_precision {
        requirement((1..=max).contains(&precision), || {
            format!("Invalid decimal precision: {} cannot store {precision} digits (max {max})", type_text(p, Annotation::None))
        })?;
    }
    if precision > 38 {
        return Err(Error::new(
            ErrorKind::Arithmetic,
            "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
            format!("Decimal precision {precision} exceeds max precision 38."),
        )
        .with_param("precision", precision.to_string())
        .with_param("maxPrecision", "38"));
    }
    Ok(DataType::Decimal(precision as u8, scale as u8))
}

fn primitive_type(p: &PrimitiveType) -> Result<DataType> {
    use PrimitiveLogicalType as L;
    let a = annotation(p);
    let illegal_type = || illegal(type_text(p, a));
    Ok(match p.physical_type {
        PhysicalType::Boolean => DataType::Boolean,
        PhysicalType::Float => DataType::Float,
        PhysicalType::Double => DataType::Double,
        PhysicalType::Int32 => match a {
            Annotation::None => DataType::Integer,
            Annotation::Logical(L::Integer(i)) => match integer_width(i) {
                (8, true) => DataType::Byte,
                (16, true) => DataType::Short,
                (32, true) => DataType::Integer,
                (8, false) => DataType::Short,
                (16, false) => DataType::Integer,
                (32, false) => DataType::Long,
                _ => return Err(illegal_type()),
            },
            Annotation::Logical(L::Date) => DataType::Date,
            Annotation::Logical(L::Decimal(precision, scale)) => decimal(p, precision, scale, Some(9))?,
            Annotation::Logical(L::Timestamp { unit: TimeUnit::Milliseconds, .. }) => return Err(not_supported(type_text(p, a))),
            _ => return Err(illegal_type()),
        },
        PhysicalType::Int64 => match a {
            Annotation::None => DataType::Long,
            Annotation::Logical(L::Integer(i)) => match integer_width(i) {
                (64, true) => DataType::Long,
                // The largest unsigned long has 20 digits.
                (64, false) => DataType::Decimal(20, 0),
                _ => return Err(illegal_type()),
            },
            Annotation::Logical(L::Decimal(precision, scale)) => decimal(p, precision, scale, Some(18))?,
            Annotation::Logical(L::Timestamp { unit: TimeUnit::Microseconds | TimeUnit::Milliseconds, is_adjusted_to_utc }) => {
                if is_adjusted_to_utc { DataType::Timestamp } else { DataType::TimestampNtz }
            }
            _ => return Err(illegal_type()),
        },
        PhysicalType::Int96 => DataType::Timestamp,
        PhysicalType::ByteArray => match a {
            Annotation::Logical(L::String | L::Enum | L::Json) => DataType::String,
            Annotation::None | Annotation::Logical(L::Bson) => DataType::Binary,
            Annotation::Logical(L::Decimal(precision, scale)) => decimal(p, precision, scale, None)?,
            _ => return Err(illegal_type()),
        },
        PhysicalType::FixedLenByteArray(n) => match a {
            Annotation::Logical(L::Decimal(precision, scale)) => decimal(p, precision, scale, Some(max_precision_for_bytes(n)))?,
            Annotation::Interval => return Err(not_supported(type_text(p, a))),
            Annotation::None => DataType::Binary,
            _ => return Err(illegal_type()),
        },
    })
}

fn group_type(
    info: &FieldInfo,
    logical: &Option<GroupLogicalType>,
    converted: &Option<GroupConvertedType>,
    fields: &[ParquetType],
) -> Result<DataType> {
    let is_list = matches!(logical, Some(GroupLogicalType::List)) || matches!(converted, Some(GroupConvertedType::List));
    let is_map = matches!(logical, Some(GroupLogicalType::Map))
        || matches!(converted, Some(GroupConvertedType::Map | GroupConvertedType::MapKeyValue));
    if is_list {
        list_type(info, fields)
    } else if is_map {
        map_type(info, fields)
    } else {
        let members = fields.iter().map(|f| Ok(StructField::new(f.name(), top_level(f)?, f.get_field_info().repetition == Repetition::Optional)));
        Ok(DataType::Struct(members.collect::<Result<Vec<_>>>()?))
    }
}

fn group_text(info: &FieldInfo, kind: &str) -> String {
    format!("{} group {} ({kind})", format!("{:?}", info.repetition).to_lowercase(), info.name)
}

/// A LIST group: the 3-level standard form, or one of the legacy 2-level forms Spark
/// recognises (`isElementType`).
fn list_type(info: &FieldInfo, fields: &[ParquetType]) -> Result<DataType> {
    requirement(fields.len() == 1, || format!("Invalid list type {}", group_text(info, "LIST")))?;
    let repeated = &fields[0];
    requirement(repeated.get_field_info().repetition == Repetition::Repeated, || format!("Invalid list type {}", group_text(info, "LIST")))?;
    let is_element = match repeated {
        ParquetType::PrimitiveType(_) => true,
        ParquetType::GroupType { fields, .. } => {
            fields.len() > 1 || repeated.name() == "array" || repeated.name() == format!("{}_tuple", info.name)
        }
    };
    if is_element {
        return Ok(DataType::Array(Box::new(field_type(repeated)?), false));
    }
    let ParquetType::GroupType { fields: inner, .. } = repeated else { unreachable!("primitives are elements") };
    let element = inner.first().ok_or_else(|| illegal(group_text(info, "LIST")))?;
    Ok(DataType::Array(Box::new(field_type(element)?), element.get_field_info().repetition == Repetition::Optional))
}

fn map_type(info: &FieldInfo, fields: &[ParquetType]) -> Result<DataType> {
    let invalid = || format!("Invalid map type: {}", group_text(info, "MAP"));
    requirement(fields.len() == 1 && matches!(fields[0], ParquetType::GroupType { .. }), invalid)?;
    let ParquetType::GroupType { field_info, fields: kv, .. } = &fields[0] else { unreachable!("checked above") };
    requirement(field_info.repetition == Repetition::Repeated && kv.len() == 2, invalid)?;
    let key = field_type(&kv[0])?;
    let value = field_type(&kv[1])?;
    Ok(DataType::Map(Box::new(key), Box::new(value), kv[1].get_field_info().repetition == Repetition::Optional))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars_parquet::parquet::metadata::SchemaDescriptor;

    fn schema(message: &str) -> Result<Vec<StructField>> {
        let descriptor = SchemaDescriptor::try_from_message(message).expect("valid message");
        spark_schema(descriptor.fields())
    }

    fn simple(message: &str) -> String {
        DataType::Struct(schema(message).unwrap()).simple_string()
    }

    fn error_class(message: &str) -> String {
        schema(message).unwrap_err().error_class.unwrap()
    }

    #[test]
    fn unsigned_integers_widen() {
        let m = "message m { optional int32 a (UINT_8); optional int32 b (UINT_16); optional int32 c (UINT_32); optional int64 d (UINT_64); }";
        assert_eq!(simple(m), "struct<a:smallint,b:int,c:bigint,d:decimal(20,0)>");
    }

    #[test]
    fn strings_enums_and_binary() {
        let m = "message m { optional binary a (UTF8); optional binary b (ENUM); optional binary c; optional fixed_len_byte_array(3) d; }";
        assert_eq!(simple(m), "struct<a:string,b:string,c:binary,d:binary>");
    }

    #[test]
    fn decimals_by_encoding() {
        let m = "message m { optional int32 a (DECIMAL(9,2)); optional int64 b (DECIMAL(18,0)); optional fixed_len_byte_array(16) c (DECIMAL(38,10)); }";
        assert_eq!(simple(m), "struct<a:decimal(9,2),b:decimal(18,0),c:decimal(38,10)>");
        assert_eq!(max_precision_for_bytes(16), 38);
        assert_eq!(max_precision_for_bytes(17), 40);
        assert_eq!(max_precision_for_bytes(4), 9);
        assert_eq!(error_class("message m { optional fixed_len_byte_array(17) c (DECIMAL(40,1)); }"), "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION");
    }

    #[test]
    fn timestamps_by_unit_and_zone() {
        let m = "message m { optional int64 a (TIMESTAMP_MILLIS); optional int64 b (TIMESTAMP_MICROS); optional int96 c; }";
        assert_eq!(simple(m), "struct<a:timestamp,b:timestamp,c:timestamp>");
    }

    #[test]
    fn lists_maps_and_structs_are_nullable_throughout() {
        let m = "message m {
            required group l (LIST) { repeated group list { required int32 element; } }
            optional group mp (MAP) { repeated group key_value { required binary key (UTF8); required int64 value; } }
            optional group s { required int32 a; optional group legacy (LIST) { repeated int32 array; } }
        }";
        let fields = schema(m).unwrap();
        assert_eq!(DataType::Struct(fields.clone()).simple_string(), "struct<l:array<int>,mp:map<string,bigint>,s:struct<a:int,legacy:array<int>>>");
        assert!(fields.iter().all(|f| f.nullable));
        assert_eq!(fields[0].data_type, DataType::Array(Box::new(DataType::Integer), true));
        assert!(matches!(&fields[1].data_type, DataType::Map(_, _, true)));
    }

    #[test]
    fn bare_repeated_field_is_a_list() {
        assert_eq!(simple("message m { repeated int32 a; }"), "struct<a:array<int>>");
    }
}
