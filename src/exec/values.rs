//! Results back into IR values, for the queries analysis runs (a pivot column's
//! distinct values, pivot values cast to its type).

use crate::analysis::grouping::QueryRunner;
use crate::error::{Error, Result};
use crate::ir::{DataType, Plan, Value};
use polars::prelude::AnyValue;

impl QueryRunner for super::Session {
    fn collect(&self, plan: &Plan) -> Result<Vec<Vec<Value>>> {
        let df = self.execute(plan)?;
        let types: Vec<&DataType> = plan.output.iter().map(|a| &a.data_type).collect();
        (0..df.height())
            .map(|row| {
                df.columns()
                    .iter()
                    .zip(&types)
                    .map(|(c, t)| value(&c.get(row).map_err(Error::from)?, t))
                    .collect()
            })
            .collect()
    }
}

/// One engine value (in the representation of Spark type `t`) as an IR value.
pub fn value(v: &AnyValue, t: &DataType) -> Result<Value> {
    Ok(match (v, t) {
        (AnyValue::Null, _) => Value::Null,
        (AnyValue::Boolean(b), _) => Value::Boolean(*b),
        (AnyValue::Int8(x), _) => Value::Byte(*x),
        (AnyValue::Int16(x), _) => Value::Short(*x),
        (AnyValue::Int32(x), _) => Value::Integer(*x),
        (AnyValue::Int64(x), _) => Value::Long(*x),
        (AnyValue::Float32(x), _) => Value::Float(*x),
        (AnyValue::Float64(x), _) => Value::Double(*x),
        (AnyValue::Decimal(u, _, s), DataType::Decimal(p, _)) => Value::Decimal(*u, *p, *s as u8),
        (AnyValue::String(s), _) => Value::String(s.to_string()),
        (AnyValue::StringOwned(s), _) => Value::String(s.to_string()),
        (AnyValue::Binary(b), _) => Value::Binary(b.to_vec()),
        (AnyValue::BinaryOwned(b), _) => Value::Binary(b.clone()),
        (AnyValue::Date(d), _) => Value::Date(*d),
        (AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _), DataType::TimestampNtz) => Value::TimestampNtz(*us),
        (AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _), _) => Value::Timestamp(*us),
        (AnyValue::List(s), DataType::Array(element, _)) => {
            let items = s.iter().map(|x| value(&x, element)).collect::<Result<Vec<_>>>()?;
            Value::Array(items, (**element).clone())
        }
        (other, t) => return Err(Error::unsupported(format!("a {} value ({other:?}) as a literal", t.simple_string()))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_values_become_literals() {
        assert_eq!(value(&AnyValue::Int32(3), &DataType::Integer).unwrap(), Value::Integer(3));
        assert_eq!(value(&AnyValue::Null, &DataType::String).unwrap(), Value::Null);
        assert_eq!(value(&AnyValue::Decimal(150, 5, 2), &DataType::Decimal(5, 2)).unwrap(), Value::Decimal(150, 5, 2));
    }
}
