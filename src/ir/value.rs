//! Literal values in the IR.

use super::types::DataType;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Boolean(bool),
    Byte(i8),
    Short(i16),
    Integer(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    /// Unscaled value with precision and scale.
    Decimal(i128, u8, u8),
    String(String),
    Binary(Vec<u8>),
    /// Days since the epoch.
    Date(i32),
    /// Microseconds since the epoch, UTC.
    Timestamp(i64),
    /// Microseconds since the epoch, wall-clock.
    TimestampNtz(i64),
    Array(Vec<Value>, DataType),
    /// Microseconds, with the interval's start and end fields.
    DayTimeInterval(i64, u8, u8),
    /// Months, with the interval's start and end fields.
    YearMonthInterval(i32, u8, u8),
}

impl Value {
    /// The type Spark gives a literal of this value.
    pub fn data_type(&self) -> DataType {
        match self {
            Value::Null => DataType::Null,
            Value::Boolean(_) => DataType::Boolean,
            Value::Byte(_) => DataType::Byte,
            Value::Short(_) => DataType::Short,
            Value::Integer(_) => DataType::Integer,
            Value::Long(_) => DataType::Long,
            Value::Float(_) => DataType::Float,
            Value::Double(_) => DataType::Double,
            Value::Decimal(_, p, s) => DataType::Decimal(*p, *s),
            Value::String(_) => DataType::String,
            Value::Binary(_) => DataType::Binary,
            Value::Date(_) => DataType::Date,
            Value::Timestamp(_) => DataType::Timestamp,
            Value::TimestampNtz(_) => DataType::TimestampNtz,
            Value::Array(_, elem) => DataType::Array(Box::new(elem.clone()), true),
            Value::DayTimeInterval(_, s, e) => DataType::DayTimeInterval(*s, *e),
            Value::YearMonthInterval(_, s, e) => DataType::YearMonthInterval(*s, *e),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Spark's SQL text of a literal, used in expression names (`(a + 1)`,
    /// `concat(a, -)`: strings appear without quotes in names).
    pub fn name_text(&self) -> String {
        match self {
            Value::Null => "NULL".into(),
            Value::Boolean(b) => if *b { "true".into() } else { "false".into() },
            Value::Byte(v) => v.to_string(),
            Value::Short(v) => v.to_string(),
            Value::Integer(v) => v.to_string(),
            Value::Long(v) => v.to_string(),
            Value::Float(v) => crate::ir::text::java_float(*v),
            Value::Double(v) => crate::ir::text::java_double(*v),
            Value::Decimal(u, _, s) => crate::ir::text::decimal_text(*u, *s),
            Value::String(s) => s.clone(),
            Value::Binary(b) => format!("X'{}'", b.iter().map(|x| format!("{x:02X}")).collect::<String>()),
            Value::Date(d) => format!("DATE '{}'", crate::ir::text::date_text(*d)),
            Value::Timestamp(t) => format!("TIMESTAMP '{}'", crate::ir::text::timestamp_text(*t)),
            Value::TimestampNtz(t) => format!("TIMESTAMP_NTZ '{}'", crate::ir::text::timestamp_text(*t)),
            Value::Array(items, _) => {
                let parts: Vec<String> = items.iter().map(|v| v.name_text()).collect();
                format!("array({})", parts.join(", "))
            }
            Value::DayTimeInterval(us, s, e) => crate::ir::text::day_time_interval_text(*us, *s, *e),
            Value::YearMonthInterval(m, s, e) => crate::ir::text::year_month_interval_text(*m, *s, *e),
        }
    }
}
