//! Python values ⇄ engine values, typed by Spark's schema. Python has already
//! normalised dates (days), timestamps (microseconds) and decimals (text).

use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField, Value};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, AnyValue, IntoColumn};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::intern;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

fn type_error(v: &Bound<'_, PyAny>, t: &DataType) -> Error {
    let shown = v.repr().map(|r| r.to_string()).unwrap_or_default();
    let tname = v.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Error::new(
        ErrorKind::TypeError,
        "FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME",
        format!("`{}` can not accept object `{shown}` in type `{tname}`.", spark_type_name(t)),
    )
    .with_param("data_type", spark_type_name(t))
    .with_param("obj", shown)
    // `str(type(obj))`: `<class 'datetime.date'>`, the module named outside builtins.
    .with_param("obj_type", v.get_type().str().map(|s| s.to_string()).unwrap_or_else(|_| format!("<class '{tname}'>")))
}

/// The type as PySpark's `repr` writes it (`DecimalType(10,2)`, `ArrayType(IntegerType(), True)`):
/// PySpark's verifier puts that text in its error parameters.
fn spark_type_name(t: &DataType) -> String {
    let flag = |b: &bool| if *b { "True" } else { "False" };
    match t {
        DataType::Null => "NullType()".into(),
        DataType::Boolean => "BooleanType()".into(),
        DataType::Byte => "ByteType()".into(),
        DataType::Short => "ShortType()".into(),
        DataType::Integer => "IntegerType()".into(),
        DataType::Long => "LongType()".into(),
        DataType::Float => "FloatType()".into(),
        DataType::Double => "DoubleType()".into(),
        DataType::Decimal(p, s) => format!("DecimalType({p},{s})"),
        DataType::String => "StringType()".into(),
        DataType::Binary => "BinaryType()".into(),
        DataType::Date => "DateType()".into(),
        DataType::Timestamp => "TimestampType()".into(),
        DataType::TimestampNtz => "TimestampNTZType()".into(),
        DataType::Array(e, n) => format!("ArrayType({}, {})", spark_type_name(e), flag(n)),
        DataType::Map(k, v, n) => format!("MapType({}, {}, {})", spark_type_name(k), spark_type_name(v), flag(n)),
        DataType::Struct(fields) => {
            let shown: Vec<String> = fields
                .iter()
                .map(|f| format!("StructField('{}', {}, {})", f.name, spark_type_name(&f.data_type), flag(&f.nullable)))
                .collect();
            format!("StructType([{}])", shown.join(", "))
        }
        DataType::DayTimeInterval(s, e) => format!("DayTimeIntervalType({s}, {e})"),
        DataType::YearMonthInterval(s, e) => format!("YearMonthIntervalType({s}, {e})"),
        DataType::CalendarInterval => "CalendarIntervalType()".into(),
    }
}

/// The proleptic Gregorian year (with a year 0, as Python's `datetime` counts when it
/// reports a year out of range) of a UTC instant in microseconds.
fn year_of_micros(us: i64) -> i64 {
    // Howard Hinnant's civil_from_days.
    let z = us.div_euclid(86_400_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

/// The text PySpark builds a `decimal.Decimal` from: Java's
/// `BigDecimal.toEngineeringString()` (Pyrolite pickles decimals that way), so the value
/// keeps Spark's digits and exponent: unscaled -1 at scale 10 is `Decimal('-1.00E-10')`.
fn python_decimal_text(unscaled: i128, scale: u8) -> String {
    let coeff = unscaled.unsigned_abs().to_string();
    let sign = if unscaled < 0 { "-" } else { "" };
    let scale = scale as i64;
    let mut adjusted = coeff.len() as i64 - 1 - scale;
    if scale == 0 {
        return format!("{sign}{coeff}");
    }
    if adjusted >= -6 {
        let body = match coeff.len() as i64 - scale {
            point if point > 0 => format!("{}.{}", &coeff[..point as usize], &coeff[point as usize..]),
            point => format!("0.{}{coeff}", "0".repeat((-point) as usize)),
        };
        return format!("{sign}{body}");
    }
    // Engineering notation: an exponent that is a multiple of three.
    let mut sig = adjusted.rem_euclid(3);
    adjusted -= sig;
    sig += 1;
    let body = if unscaled == 0 {
        match sig {
            1 => "0".to_string(),
            2 => {
                adjusted += 3;
                "0.00".to_string()
            }
            _ => {
                adjusted += 3;
                "0.0".to_string()
            }
        }
    } else if sig as usize >= coeff.len() {
        format!("{coeff}{}", "0".repeat(sig as usize - coeff.len()))
    } else {
        format!("{}.{}", &coeff[..sig as usize], &coeff[sig as usize..])
    };
    let exponent = match adjusted {
        0 => String::new(),
        e if e > 0 => format!("E+{e}"),
        e => format!("E{e}"),
    };
    format!("{sign}{body}{exponent}")
}

/// Decimal text (`-1.5`, `1E-10`, `2.5e+3`) as unscaled digits at `scale`, truncated.
fn parse_decimal(text: &str, scale: u8) -> Option<i128> {
    let text = text.trim();
    // Python's str(Decimal) uses an exponent for small values: shift the point.
    if let Some((mantissa, exp)) = text.split_once(['e', 'E']) {
        let exp: i32 = exp.parse().ok()?;
        let shifted = (scale as i32).checked_add(exp)?;
        if !(0..=76).contains(&shifted) {
            return if shifted < 0 { parse_decimal(mantissa, 0).map(|_| 0) } else { None };
        }
        return parse_decimal(mantissa, shifted as u8);
    }
    let (neg, text) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut frac = frac.to_string();
    // Spark sets a decimal's scale rounding HALF_UP (away from zero on a 5).
    let round_up = frac.as_bytes().get(scale as usize).is_some_and(|d| *d >= b'5');
    if frac.len() > scale as usize {
        frac.truncate(scale as usize);
    }
    while frac.len() < scale as usize {
        frac.push('0');
    }
    let v: i128 = format!("{}{}", if int.is_empty() { "0" } else { int }, frac).parse().ok()?;
    let v = if round_up { v.checked_add(1)? } else { v };
    Some(if neg { -v } else { v })
}

/// Spark's error for a value that does not fit DECIMAL(p, s) once rounded to `s`.
fn decimal_out_of_range(original: &str, rounded: i128, p: u8, s: u8) -> Error {
    let rounded = crate::ir::text::decimal_text(rounded, s);
    Error::new(
        ErrorKind::Arithmetic,
        "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION",
        format!(" The {rounded} rounded half up from {original} cannot be represented as Decimal({p}, {s}). SQLSTATE: 22003"),
    )
    .with_param("originalValue", original.trim())
    .with_param("precision", p.to_string())
    .with_param("roundedValue", rounded)
    .with_param("scale", s.to_string())
}

/// One Python value as an engine value of Spark type `t`.
pub fn any_value(v: &Bound<'_, PyAny>, t: &DataType) -> Result<AnyValue<'static>> {
    if v.is_none() {
        return Ok(AnyValue::Null);
    }
    let bad = || type_error(v, t);
    Ok(match t {
        DataType::Null => AnyValue::Null,
        DataType::Boolean => AnyValue::Boolean(v.cast::<PyBool>().map_err(|_| bad())?.is_true()),
        DataType::Byte | DataType::Short | DataType::Integer | DataType::Long => {
            if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
                return Err(bad());
            }
            let x: i64 = v.extract().map_err(|_| out_of_range(v, t))?;
            let (lo, hi) = match t {
                DataType::Byte => (i8::MIN as i64, i8::MAX as i64),
                DataType::Short => (i16::MIN as i64, i16::MAX as i64),
                DataType::Integer => (i32::MIN as i64, i32::MAX as i64),
                _ => (i64::MIN, i64::MAX),
            };
            if x < lo || x > hi {
                return Err(out_of_range(v, t));
            }
            match t {
                DataType::Byte => AnyValue::Int8(x as i8),
                DataType::Short => AnyValue::Int16(x as i16),
                DataType::Integer => AnyValue::Int32(x as i32),
                _ => AnyValue::Int64(x),
            }
        }
        DataType::Float | DataType::Double => {
            if !(v.is_instance_of::<PyFloat>()) {
                return Err(bad());
            }
            let x: f64 = v.extract().map_err(|_| bad())?;
            if *t == DataType::Float { AnyValue::Float32(x as f32) } else { AnyValue::Float64(x) }
        }
        DataType::Decimal(p, s) => {
            let text: String = v.cast::<PyString>().map_err(|_| bad())?.extract().map_err(|_| bad())?;
            let u = parse_decimal(&text, *s).ok_or_else(bad)?;
            if 10i128.checked_pow(*p as u32).is_some_and(|limit| u.unsigned_abs() >= limit.unsigned_abs()) {
                return Err(decimal_out_of_range(&text, u, *p, *s));
            }
            AnyValue::Decimal(u, *p as usize, *s as usize)
        }
        DataType::String => AnyValue::StringOwned(v.cast::<PyString>().map_err(|_| bad())?.extract::<String>().map_err(|_| bad())?.into()),
        DataType::Binary => {
            if let Ok(b) = v.cast::<PyBytes>() {
                AnyValue::BinaryOwned(b.as_bytes().to_vec())
            } else if let Ok(b) = v.cast::<PyByteArray>() {
                AnyValue::BinaryOwned(b.to_vec())
            } else {
                return Err(bad());
            }
        }
        DataType::Date => AnyValue::Date(v.extract::<i32>().map_err(|_| bad())?),
        DataType::Timestamp | DataType::TimestampNtz => {
            AnyValue::Datetime(v.extract::<i64>().map_err(|_| bad())?, pl::TimeUnit::Microseconds, None)
        }
        // Python has normalised a `timedelta` to microseconds.
        DataType::DayTimeInterval(..) => AnyValue::Duration(v.extract::<i64>().map_err(|_| bad())?, pl::TimeUnit::Microseconds),
        DataType::YearMonthInterval(..) | DataType::CalendarInterval => return Err(bad()),
        DataType::Array(e, _) => {
            let items: Vec<Bound<'_, PyAny>> = v.try_iter().map_err(|_| bad())?.collect::<PyResult<_>>().map_err(|_| bad())?;
            let values = items.iter().map(|x| any_value(x, e)).collect::<Result<Vec<_>>>()?;
            let s = pl::Series::from_any_values_and_dtype("".into(), &values, &to_polars(e), true)?;
            AnyValue::List(s)
        }
        DataType::Map(k, val, _) => {
            let d = v.cast::<PyDict>().map_err(|_| bad())?;
            let entry = DataType::Struct(vec![StructField::new("key", (**k).clone(), false), StructField::new("value", (**val).clone(), true)]);
            let mut values = vec![];
            for (key, value) in d.iter() {
                let tuple = PyTuple::new(v.py(), [key, value]).map_err(|_| bad())?;
                values.push(any_value(tuple.as_any(), &entry)?);
            }
            // Spark keeps the entries in the order of the JVM HashMap the dict became.
            let keys: Vec<AnyValue> = values.iter().map(|e| crate::compat::show::struct_values(e)[0].clone().into_static()).collect();
            let values: Vec<AnyValue> = crate::compat::java_hash_map::unpickled_order(&keys, k).into_iter().map(|i| values[i].clone()).collect();
            let s = pl::Series::from_any_values_and_dtype("".into(), &values, &to_polars(&entry), true)?;
            AnyValue::List(s)
        }
        DataType::Struct(fields) => {
            let items: Vec<Bound<'_, PyAny>> = if let Ok(d) = v.cast::<PyDict>() {
                fields.iter().map(|f| d.get_item(&f.name).ok().flatten().unwrap_or_else(|| v.py().None().into_bound(v.py()))).collect()
            } else {
                v.try_iter().map_err(|_| bad())?.collect::<PyResult<_>>().map_err(|_| bad())?
            };
            if items.len() != fields.len() {
                return Err(Error::new(
                    ErrorKind::ValueError,
                    "LENGTH_SHOULD_BE_THE_SAME",
                    format!("obj and fields should be of the same length, got {} and {}.", items.len(), fields.len()),
                ));
            }
            let values = items.iter().zip(fields).map(|(x, f)| any_value(x, &f.data_type)).collect::<Result<Vec<_>>>()?;
            let pl_fields = fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type))).collect();
            AnyValue::StructOwned(Box::new((values, pl_fields)))
        }
    })
}

/// PySpark's `VALUE_OUT_OF_BOUNDS` from its schema check of an integer.
fn out_of_range(v: &Bound<'_, PyAny>, t: &DataType) -> Error {
    let (lower, upper): (i64, i64) = match t {
        DataType::Byte => (i8::MIN.into(), i8::MAX.into()),
        DataType::Short => (i16::MIN.into(), i16::MAX.into()),
        DataType::Integer => (i32::MIN.into(), i32::MAX.into()),
        _ => (i64::MIN, i64::MAX),
    };
    let actual = v.str().map(|s| s.to_string()).unwrap_or_default();
    Error::new(ErrorKind::ValueError, "VALUE_OUT_OF_BOUNDS", format!("Value for `obj` must be between {lower} and {upper} (inclusive), got {actual}"))
        .with_param("arg_name", "obj")
        .with_param("lower_bound", lower.to_string())
        .with_param("upper_bound", upper.to_string())
        .with_param("actual", actual)
}

/// Builds an engine DataFrame from rows of Python values. With `verify` off (PySpark's
/// `verifySchema=False`) a value of the wrong type becomes NULL instead of an error.
pub fn frame_from_rows(rows: &Bound<'_, PyList>, fields: &[StructField], verify: bool) -> Result<pl::DataFrame> {
    let n = rows.len();
    let mut columns: Vec<Vec<AnyValue<'static>>> = fields.iter().map(|_| Vec::with_capacity(n)).collect();
    for row in rows.iter() {
        let row = row.cast::<PyTuple>().map_err(|_| Error::plain(ErrorKind::TypeError, "rows must be tuples"))?;
        if row.len() != fields.len() {
            return Err(Error::new(
                ErrorKind::ValueError,
                "FIELD_STRUCT_LENGTH_MISMATCH",
                format!("Length of object ({}) does not match with length of fields ({}).", row.len(), fields.len()),
            )
            .with_param("object_length", row.len().to_string())
            .with_param("field_length", fields.len().to_string()));
        }
        for (i, f) in fields.iter().enumerate() {
            let item = row.get_item(i).map_err(|e| Error::internal(e.to_string()))?;
            let value = match any_value(&item, &f.data_type) {
                Ok(v) => v,
                Err(e) if !verify && e.kind == ErrorKind::TypeError => AnyValue::Null,
                // PySpark's verifier names the field the value was meant for.
                Err(e) if e.error_class.as_deref() == Some("FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME") => {
                    return Err(e.with_param("field_name", format!("field {}", f.name)))
                }
                Err(e) => return Err(e),
            };
            if matches!(value, AnyValue::Null) && !f.nullable {
                return Err(Error::new(
                    ErrorKind::ValueError,
                    "FIELD_NOT_NULLABLE_WITH_NAME",
                    format!("field {}: This field is not nullable, but got None.", f.name),
                )
                .with_param("field_name", format!("field {}", f.name)));
            }
            columns[i].push(value);
        }
    }
    let cols = fields
        .iter()
        .zip(columns)
        .enumerate()
        .map(|(i, (f, values))| {
            let s = pl::Series::from_any_values_and_dtype(format!("c{i}").as_str().into(), &values, &to_polars(&f.data_type), true)?;
            Ok(s.into_column())
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(pl::DataFrame::new(n, cols)?)
}

/// A Python literal typed by Python (`lit()`): the Spark type decides the value.
pub fn literal_value(v: &Bound<'_, PyAny>, t: &DataType) -> Result<Value> {
    if v.is_none() {
        return Ok(Value::Null);
    }
    let bad = || type_error(v, t);
    Ok(match t {
        DataType::Null => Value::Null,
        DataType::Boolean => Value::Boolean(v.extract().map_err(|_| bad())?),
        DataType::Byte => Value::Byte(v.extract().map_err(|_| bad())?),
        DataType::Short => Value::Short(v.extract().map_err(|_| bad())?),
        DataType::Integer => Value::Integer(v.extract().map_err(|_| bad())?),
        DataType::Long => Value::Long(v.extract().map_err(|_| bad())?),
        DataType::Float => Value::Float(v.extract().map_err(|_| bad())?),
        DataType::Double => Value::Double(v.extract().map_err(|_| bad())?),
        DataType::Decimal(p, s) => Value::Decimal(parse_decimal(&v.str().map_err(|_| bad())?.to_string(), *s).ok_or_else(bad)?, *p, *s),
        DataType::String => Value::String(v.extract().map_err(|_| bad())?),
        DataType::Binary => Value::Binary(v.extract().map_err(|_| bad())?),
        DataType::Date => Value::Date(v.extract().map_err(|_| bad())?),
        DataType::Timestamp => Value::Timestamp(v.extract().map_err(|_| bad())?),
        DataType::TimestampNtz => Value::TimestampNtz(v.extract().map_err(|_| bad())?),
        // A constant list (percentile's percentages): its elements as literals.
        DataType::Array(e, _) => {
            let items = v.try_iter().map_err(|_| bad())?.map(|x| literal_value(&x.map_err(|_| bad())?, e)).collect::<Result<Vec<_>>>()?;
            Value::Array(items, (**e).clone())
        }
        DataType::DayTimeInterval(s, e) => Value::DayTimeInterval(v.extract().map_err(|_| bad())?, *s, *e),
        other => return Err(Error::unsupported(format!("literals of type {}", other.simple_string()))),
    })
}

/// Types PySpark cannot bring to Python (`fromInternal` is not implemented).
fn unconvertible(t: &DataType) -> Option<&'static str> {
    match t {
        DataType::YearMonthInterval(..) => Some("YearMonthIntervalType"),
        DataType::CalendarInterval => Some("CalendarIntervalType"),
        _ => None,
    }
}

fn not_convertible(type_name: &str) -> Error {
    Error::new(ErrorKind::Unsupported, "NOT_IMPLEMENTED", format!("{type_name}.fromInternal is not implemented."))
        .with_param("feature", format!("{type_name}.fromInternal"))
}

static DATETIME: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Converts engine values to Python objects, column by column.
pub struct ToPython<'py> {
    py: Python<'py>,
    /// `pyspark.sql.Row`: a tuple subclass whose instances carry `__fields__`.
    row_type: Bound<'py, PyType>,
    fields_key: Bound<'py, PyString>,
}

impl<'py> ToPython<'py> {
    pub fn new(py: Python<'py>, row_type: Bound<'py, PyType>) -> Self {
        ToPython { py, row_type, fields_key: intern!(py, "__fields__").clone() }
    }

    /// Python objects for a whole column: typed loops for the common types, the
    /// generic per-value path for the rest.
    pub fn column(&self, s: &pl::Series, t: &DataType) -> PyResult<Vec<Py<PyAny>>> {
        let py = self.py;
        if let Some(name) = unconvertible(t) {
            if !s.is_empty() {
                return Err(super::errors::to_py_err(py, not_convertible(name)));
            }
        }
        fn each<T, I: Iterator<Item = Option<T>>>(py: Python<'_>, it: I, f: impl Fn(T) -> PyResult<Py<PyAny>>) -> PyResult<Vec<Py<PyAny>>> {
            it.map(|v| match v {
                Some(x) => f(x),
                None => Ok(py.None()),
            })
            .collect()
        }
        let err = |e: pl::PolarsError| super::errors::to_py_err(py, Error::from(e));
        match s.dtype() {
            pl::DataType::Int64 => each(py, s.i64().map_err(err)?.iter(), |x| Ok(x.into_pyobject(py)?.into_any().unbind())),
            pl::DataType::Int32 => each(py, s.i32().map_err(err)?.iter(), |x| Ok(x.into_pyobject(py)?.into_any().unbind())),
            pl::DataType::Float64 => each(py, s.f64().map_err(err)?.iter(), |x| Ok(x.into_pyobject(py)?.into_any().unbind())),
            pl::DataType::Boolean => each(py, s.bool().map_err(err)?.iter(), |x| Ok(x.into_pyobject(py)?.to_owned().into_any().unbind())),
            pl::DataType::String => each(py, s.str().map_err(err)?.iter(), |x| Ok(x.into_pyobject(py)?.into_any().unbind())),
            _ => s.iter().map(|v| self.value(&v, t)).collect(),
        }
    }

    pub fn value(&self, v: &AnyValue, t: &DataType) -> PyResult<Py<PyAny>> {
        let py = self.py;
        if let Some(name) = unconvertible(t) {
            return Err(super::errors::to_py_err(py, not_convertible(name)));
        }
        Ok(match v {
            AnyValue::Duration(us, _) => {
                let m = DATETIME.get_or_try_init(py, || py.import("datetime").map(|m| m.unbind()))?;
                m.bind(py).getattr("timedelta")?.call((), Some(&[("microseconds", *us)].into_py_dict(py)?))?.unbind()
            }
            AnyValue::Null => py.None(),
            AnyValue::Boolean(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
            AnyValue::Int8(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::Int16(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::Int32(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::Int64(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::UInt32(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::Float32(x) => (*x as f64).into_pyobject(py)?.into_any().unbind(),
            AnyValue::Float64(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::String(s) => s.into_pyobject(py)?.into_any().unbind(),
            AnyValue::StringOwned(s) => s.as_str().into_pyobject(py)?.into_any().unbind(),
            AnyValue::Binary(b) => PyByteArray::new(py, b).into_any().unbind(),
            AnyValue::BinaryOwned(b) => PyByteArray::new(py, b).into_any().unbind(),
            AnyValue::Decimal(u, _, s) => {
                let cls = DECIMAL.get_or_try_init(py, || py.import("decimal")?.getattr("Decimal").map(|c| c.unbind()))?;
                cls.bind(py).call1((python_decimal_text(*u, *s as u8),))?.unbind()
            }
            AnyValue::Date(d) => {
                let m = DATETIME.get_or_try_init(py, || py.import("datetime").map(|m| m.unbind()))?;
                m.bind(py).getattr("date")?.call_method1("fromordinal", (*d as i64 + 719_163,))?.unbind()
            }
            AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => {
                // Python's datetime covers years 1..=9999; PySpark fails with ValueError outside.
                // A TIMESTAMP goes through `datetime.fromtimestamp`, whose fold check looks a
                // day back: the first day of year 1 fails too.
                const MIN_US: i64 = -62_135_596_800_000_000;
                const MAX_US: i64 = 253_402_300_799_999_999;
                let min = if *t == DataType::Timestamp { MIN_US + 86_400_000_000 } else { MIN_US };
                if us.div_euclid(1_000_000) < min / 1_000_000 || *us > MAX_US {
                    // Python's own words: the year its conversion reached.
                    // (or, within the first day of year 1, the one its probe a day back reached).
                    let year = match year_of_micros(*us) {
                        y if (1..=9999).contains(&y) => year_of_micros(us.saturating_sub(86_400_000_000)),
                        y => y,
                    };
                    return Err(pyo3::exceptions::PyValueError::new_err(format!("year {year} is out of range")));
                }
                // PySpark builds TIMESTAMP values with `datetime.fromtimestamp`, whose local-time
                // probe a day earlier fails within the first day of year 1.
                if *t == DataType::Timestamp && *us < MIN_US + 86_400_000_000 {
                    return Err(pyo3::exceptions::PyValueError::new_err("year 0 is out of range"));
                }
                let m = DATETIME.get_or_try_init(py, || py.import("datetime").map(|m| m.unbind()))?;
                let m = m.bind(py);
                let epoch = m.getattr("datetime")?.call1((1970, 1, 1))?;
                let delta = m.getattr("timedelta")?.call((), Some(&[("microseconds", *us)].into_py_dict(py)?))?;
                epoch.call_method1("__add__", (delta,))?.unbind()
            }
            AnyValue::List(s) => match t {
                DataType::Map(k, val, _) => {
                    // Entries in the order PySpark lists them (a java.util.HashMap's).
                    let entries: Vec<Vec<AnyValue>> =
                        s.iter().map(|e| crate::compat::show::struct_values(&e).into_iter().map(|x| x.into_static()).collect()).collect();
                    let keys: Vec<AnyValue> = entries.iter().map(|kv| kv[0].clone()).collect();
                    let d = PyDict::new(py);
                    for i in crate::compat::java_hash_map::collect_order(&keys, k) {
                        d.set_item(self.value(&entries[i][0], k)?, self.value(&entries[i][1], val)?)?;
                    }
                    d.into_any().unbind()
                }
                _ => {
                    let inner = match t {
                        DataType::Array(e, _) => (**e).clone(),
                        _ => DataType::Null,
                    };
                    let items = s.iter().map(|x| self.value(&x, &inner)).collect::<PyResult<Vec<_>>>()?;
                    PyList::new(py, items)?.into_any().unbind()
                }
            },
            AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
                let fields = match t {
                    DataType::Struct(f) => f.clone(),
                    _ => vec![],
                };
                let values = crate::compat::show::struct_values(v);
                let items = values
                    .iter()
                    .enumerate()
                    .map(|(i, x)| self.value(x, fields.get(i).map(|f| &f.data_type).unwrap_or(&DataType::Null)))
                    .collect::<PyResult<Vec<_>>>()?;
                let names = PyList::new(py, fields.iter().map(|f| f.name.as_str()))?;
                self.row(&names, items)?
            }
            AnyValue::UInt8(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::UInt16(x) => x.into_pyobject(py)?.into_any().unbind(),
            AnyValue::UInt64(x) => x.into_pyobject(py)?.into_any().unbind(),
            // Readers hand every column over in the engine representation of its Spark type
            // (`lowering::types::engine`); anything else is a bug to report, not to print.
            other => match other.get_str() {
                Some(s) => s.into_pyobject(py)?.into_any().unbind(),
                None => {
                    let e = Error::internal(format!("no Python value for engine value {other:?} of Spark type {}", t.simple_string()));
                    return Err(super::errors::to_py_err(py, e));
                }
            },
        })
    }

    /// A `Row` of `values` whose `__fields__` is `names` (shared by the rows of one
    /// result, as in PySpark). Built without a Python call per row: the tuple subclass
    /// is allocated and filled directly and given its instance dict.
    pub fn row(&self, names: &Bound<'py, PyList>, values: Vec<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        let py = self.py;
        let fields = PyDict::new(py);
        fields.set_item(&self.fields_key, names)?;
        // SAFETY: `row_type` is a heap subclass of tuple, so its tp_alloc-compatible
        // generic allocator gives a tuple-layout object with `len` NULL slots and one
        // reference, which PyTuple_SetItem may fill (it steals each value's reference).
        // A tuple with NULL slots is valid for the GC and for deallocation on error.
        unsafe {
            let raw = pyo3::ffi::PyType_GenericAlloc(self.row_type.as_type_ptr(), values.len() as pyo3::ffi::Py_ssize_t);
            if raw.is_null() {
                return Err(PyErr::fetch(py));
            }
            let row = Bound::from_owned_ptr(py, raw);
            for (i, v) in values.into_iter().enumerate() {
                if pyo3::ffi::PyTuple_SetItem(row.as_ptr(), i as pyo3::ffi::Py_ssize_t, v.into_ptr()) != 0 {
                    return Err(PyErr::fetch(py));
                }
            }
            if pyo3::ffi::PyObject_GenericSetDict(row.as_ptr(), fields.as_ptr(), std::ptr::null_mut()) != 0 {
                return Err(PyErr::fetch(py));
            }
            Ok(row.unbind())
        }
    }
}

use pyo3::types::IntoPyDict;

/// Python's cyclic garbage collector, paused while a result is built. Each `Row` is
/// a new tracked object, so a million rows set off hundreds of collections that walk
/// the rows built so far (measured: 5× the cost of building them). Rows cannot form
/// cycles, so nothing is lost; the collector runs again once the result is handed over.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.extract::<bool>()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// Rows of a result as Python `Row`s, built column by column.
pub fn rows_to_python(py: Python<'_>, df: &pl::DataFrame, names: &[String], types: &[DataType], row_type: Bound<'_, PyType>) -> PyResult<Py<PyList>> {
    let _pause = GcPause::new(py)?;
    let conv = ToPython::new(py, row_type);
    let height = df.height();
    let mut iters = Vec::with_capacity(df.width());
    for (c, t) in df.columns().iter().zip(types) {
        iters.push(conv.column(c.as_materialized_series(), t)?.into_iter());
    }
    let names = PyList::new(py, names)?;
    let mut rows = Vec::with_capacity(height);
    for _ in 0..height {
        let values: Vec<Py<PyAny>> = iters.iter_mut().map(|it| it.next().expect("column length")).collect();
        rows.push(conv.row(&names, values)?);
    }
    Ok(PyList::new(py, rows)?.unbind())
}

