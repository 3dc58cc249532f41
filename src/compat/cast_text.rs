//! Values cast to STRING as Spark writes them (`ToStringBase`): arrays as `[1, null]`,
//! maps as `{a -> 1}`, structs as `{1, x}` (no field names), NULL inside a value as
//! `null`, binaries read as UTF-8, timestamps in the session time zone, and decimals
//! in legacy mode as Java's `BigDecimal.toString` (`0E-18`; ANSI mode writes them plain).

use super::show::struct_values;
use super::timezone::utc_to_local;
use crate::ir::text::{date_text, decimal_text, java_double, java_float, timestamp_text};
use crate::ir::DataType;
use super::timezone::Zone as Tz;
use polars::prelude::{self as pl, AnyValue, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult, StringChunked};

/// How values are written.
#[derive(Clone)]
pub struct TextStyle {
    /// The session time zone TIMESTAMPs are shown in.
    pub zone: Tz,
    /// Decimals without exponent (ANSI mode) or as `BigDecimal.toString` (legacy).
    pub plain_decimals: bool,
}

/// A column of type `t` cast to STRING, value by value.
pub fn to_text(input: pl::Expr, t: &DataType, style: TextStyle) -> pl::Expr {
    let t = t.clone();
    input.map(
        move |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            let out: StringChunked = s.iter().map(|v| if v.is_null() { None } else { Some(value_text(&v, &t, &style)) }).collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    )
}

/// The text of one value (NULL inside a value is `null`).
pub fn value_text(v: &AnyValue, t: &DataType, style: &TextStyle) -> String {
    // An interval (an array's element, a struct's field) is read by its type: its
    // engine value is a plain number (months) or a duration.
    if matches!(t, DataType::YearMonthInterval(..) | DataType::DayTimeInterval(..) | DataType::CalendarInterval) {
        if let Some(text) = super::show::interval_text(v, t) {
            return text;
        }
    }
    match v {
        AnyValue::Null => "null".into(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Int8(x) => x.to_string(),
        AnyValue::Int16(x) => x.to_string(),
        AnyValue::Int32(x) => x.to_string(),
        AnyValue::Int64(x) => x.to_string(),
        AnyValue::Float32(x) => java_float(*x),
        AnyValue::Float64(x) => java_double(*x),
        AnyValue::Decimal(u, _, s) => {
            if style.plain_decimals { decimal_text(*u, *s as u8) } else { big_decimal_text(*u, *s as u8) }
        }
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Binary(b) => String::from_utf8_lossy(b).into_owned(),
        AnyValue::BinaryOwned(b) => String::from_utf8_lossy(b).into_owned(),
        AnyValue::Date(d) => date_text(*d),
        AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => match t {
            DataType::Timestamp => timestamp_text(utc_to_local(*us, &style.zone)),
            _ => timestamp_text(*us),
        },
        AnyValue::List(items) => match t {
            DataType::Map(k, val, _) => {
                let entries: Vec<String> = items
                    .iter()
                    .map(|e| {
                        let kv = struct_values(&e);
                        let key = kv.first().map(|x| value_text(x, k, style)).unwrap_or_default();
                        let value = kv.get(1).map(|x| value_text(x, val, style)).unwrap_or_default();
                        format!("{key} -> {value}")
                    })
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
            DataType::Array(e, _) => {
                let texts: Vec<String> = items.iter().map(|x| value_text(&x, e, style)).collect();
                format!("[{}]", texts.join(", "))
            }
            _ => format!("[{}]", items.iter().map(|x| value_text(&x, &DataType::Null, style)).collect::<Vec<_>>().join(", ")),
        },
        AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
            let fields = match t {
                DataType::Struct(f) => f.as_slice(),
                _ => &[],
            };
            let texts: Vec<String> = struct_values(v)
                .iter()
                .enumerate()
                .map(|(i, x)| value_text(x, fields.get(i).map(|f| &f.data_type).unwrap_or(&DataType::Null), style))
                .collect();
            format!("{{{}}}", texts.join(", "))
        }
        other => other.to_string(),
    }
}

/// Java's `BigDecimal.toString`: plain unless the adjusted exponent is below -6, then
/// scientific with one digit before the point (`0E-18`, `1.00000000000E-7`).
pub fn big_decimal_text(unscaled: i128, scale: u8) -> String {
    let digits = unscaled.unsigned_abs().to_string();
    let adjusted = digits.len() as i64 - 1 - scale as i64;
    if adjusted >= -6 {
        return decimal_text(unscaled, scale);
    }
    let sign = if unscaled < 0 { "-" } else { "" };
    let (head, tail) = digits.split_at(1);
    let mantissa = if tail.is_empty() { head.to_string() } else { format!("{head}.{tail}") };
    format!("{sign}{mantissa}E{adjusted}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::NamedFrom;

    #[test]
    fn big_decimal_text_like_java() {
        assert_eq!(big_decimal_text(0, 18), "0E-18");
        assert_eq!(big_decimal_text(1, 18), "1E-18");
        assert_eq!(big_decimal_text(100000000000, 18), "1.00000000000E-7");
        assert_eq!(big_decimal_text(0, 2), "0.00");
        assert_eq!(big_decimal_text(-15, 1), "-1.5");
        assert_eq!(big_decimal_text(-1, 8), "-1E-8");
        assert_eq!(big_decimal_text(1500000000000000000, 18), "1.500000000000000000");
    }

    #[test]
    fn nested_values_like_spark() {
        let style = TextStyle { zone: Tz::utc(), plain_decimals: true };
        let list = AnyValue::List(pl::Series::new("x".into(), [Some(1i32), None, Some(3)]));
        let t = DataType::Array(Box::new(DataType::Integer), true);
        assert_eq!(value_text(&list, &t, &style), "[1, null, 3]");
    }
}
