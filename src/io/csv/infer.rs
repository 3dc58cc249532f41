//! Spark's CSV schema inference (`CSVInferSchema`): each column's values are
//! folded, in file order, through int → bigint → decimal → double → date →
//! timestamp → boolean → string, each value parsed starting from the type so far;
//! and the header made into safe, unique column names (`CSVUtils.makeSafeHeader`).

use super::datetime::{spark_string_to_timestamp, strict_date, Formats};
use super::plain::PlainKinds;
use super::values::{java_boolean, java_double, java_int, java_long, special_double};
use crate::compat::datetime_parse::parse;
use crate::compat::datetime_pattern::Pattern;
use crate::compat::java_decimal::java_big_decimal;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};
use std::sync::Arc;

/// How inference recognises dates and timestamps (`CSVInferSchema`'s formatters).
#[derive(Debug, Clone)]
pub struct Inference {
    /// The date parser: `preferDate`'s strict `yyyy-MM-dd`, a `dateFormat`, or none
    /// (`preferDate` off, or a pattern Spark cannot build: no text is then a date).
    date: DateParser,
    /// `timestampFormat`, else Spark's lenient `stringToTimestamp`.
    timestamp: Option<Arc<Pattern>>,
    /// A column mixing dates and timestamps is TIMESTAMP (else STRING): only when the
    /// lenient timestamp parser reads the date format's text too.
    dates_are_timestamps: bool,
}

#[derive(Debug, Clone)]
enum DateParser {
    Strict,
    Pattern(Arc<Pattern>),
    Never,
}

/// The date formats `DefaultTimestampFormatter` also parses (`CSVInferSchema`'s
/// `LENIENT_TS_FORMATTER_SUPPORTED_DATE_FORMATS`).
const LENIENT_DATE_FORMATS: &[&str] = &["yyyy-MM-dd", "yyyy-M-d", "yyyy-M-dd", "yyyy-MM-d", "yyyy-MM", "yyyy-M", "yyyy"];

impl Default for Inference {
    fn default() -> Self {
        Inference { date: DateParser::Strict, timestamp: None, dates_are_timestamps: true }
    }
}

impl Inference {
    /// Spark builds the timestamp formatters when inference starts: a pattern it cannot
    /// build fails the read (`timestampNTZFormat` with its own error), a date
    /// pattern only makes no text a date.
    pub fn new(formats: &Formats) -> Result<Inference> {
        if let Some(Err(_)) = &formats.timestamp_ntz {
            let pattern = formats.timestamp_ntz_text.as_deref().unwrap_or_default();
            return Err(Error::new(
                ErrorKind::Runtime,
                "_LEGACY_ERROR_TEMP_2130",
                format!("Fail to recognize '{}' pattern in the DateTimeFormatter. You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.", sql_quoted(pattern)),
            ));
        }
        let timestamp = match &formats.timestamp {
            Some(Ok(p)) => Some(p.clone()),
            Some(Err(e)) => return Err(e.clone().into()),
            None => None,
        };
        let date = match (&formats.date, formats.prefer_date) {
            (_, false) => DateParser::Never,
            (None, true) => DateParser::Strict,
            (Some(Ok(p)), true) => DateParser::Pattern(p.clone()),
            (Some(Err(_)), true) => DateParser::Never,
        };
        let date_format = formats.date_text.as_deref().unwrap_or("yyyy-MM-dd");
        let dates_are_timestamps = timestamp.is_none() && LENIENT_DATE_FORMATS.contains(&date_format);
        Ok(Inference { date, timestamp, dates_are_timestamps })
    }

    fn is_date(&self, f: &str) -> bool {
        match &self.date {
            DateParser::Strict => strict_date(f).is_some(),
            DateParser::Pattern(p) => parse(p, f).is_ok_and(|r| i32::try_from(r.local.div_euclid(crate::compat::calendar::MICROS_PER_DAY)).is_ok()),
            DateParser::Never => false,
        }
    }

    fn is_timestamp(&self, f: &str) -> bool {
        match &self.timestamp {
            // Whether the text names a zone or not, it infers TIMESTAMP (the session's
            // spark.sql.timestampType is TIMESTAMP_LTZ); the zone used to read it is irrelevant.
            None => spark_string_to_timestamp(f, &crate::compat::timezone::Zone::utc()).is_some(),
            Some(p) => parse(p, f).is_ok(),
        }
    }
}

/// A pattern as Spark's `toSQLValue` quotes it inside its message's own quotes.
fn sql_quoted(pattern: &str) -> String {
    format!("'{}'", pattern.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A column type as inference sees it (decimals always have scale 0 here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inferred {
    Null,
    Int,
    Long,
    Decimal(u8, u8),
    Double,
    Date,
    Timestamp,
    Boolean,
    String,
}

impl Inferred {
    pub fn to_spark(self) -> DataType {
        match self {
            Inferred::Null | Inferred::String => DataType::String,
            Inferred::Int => DataType::Integer,
            Inferred::Long => DataType::Long,
            Inferred::Decimal(p, s) => DataType::Decimal(p, s),
            Inferred::Double => DataType::Double,
            Inferred::Date => DataType::Date,
            Inferred::Timestamp => DataType::Timestamp,
            Inferred::Boolean => DataType::Boolean,
        }
    }
}

fn try_int(f: &str, i: &Inference) -> Inferred {
    if java_int(f).is_some() { Inferred::Int } else { try_long(f, i) }
}

fn try_long(f: &str, i: &Inference) -> Inferred {
    if java_long(f).is_some() { Inferred::Long } else { try_decimal(f, i) }
}

fn try_decimal(f: &str, i: &Inference) -> Inferred {
    // Only whole numbers become DECIMAL; a valid DecimalType needs precision <= 38 and
    // a scale >= 0, so "1e3" (scale -3) and fractions go on to DOUBLE.
    match java_big_decimal(f) {
        Some(d) if d.scale == 0 && d.precision() <= 38 => Inferred::Decimal(d.precision() as u8, 0),
        _ => try_double(f, i),
    }
}

fn try_double(f: &str, i: &Inference) -> Inferred {
    if java_double(f).is_some() || special_double(f).is_some() { Inferred::Double } else { try_date(f, i) }
}

fn try_date(f: &str, i: &Inference) -> Inferred {
    if i.is_date(f) { Inferred::Date } else { try_timestamp(f, i) }
}

fn try_timestamp(f: &str, i: &Inference) -> Inferred {
    if i.is_timestamp(f) { Inferred::Timestamp } else { try_boolean(f) }
}

fn try_boolean(f: &str) -> Inferred {
    if java_boolean(f).is_some() { Inferred::Boolean } else { Inferred::String }
}

fn decimal_for_integral(t: Inferred) -> Option<(u8, u8)> {
    match t {
        Inferred::Int => Some((10, 0)),
        Inferred::Long => Some((20, 0)),
        _ => None,
    }
}

/// `TypeCoercion.findTightestCommonType`, then the CSV-specific widenings.
pub fn compatible(a: Inferred, b: Inferred, i: &Inference) -> Option<Inferred> {
    use Inferred::*;
    match (a, b) {
        _ if a == b => Some(a),
        (Date, Timestamp) | (Timestamp, Date) => Some(if i.dates_are_timestamps { Timestamp } else { String }),
        (Null, t) | (t, Null) => Some(t),
        (Int, Long) | (Long, Int) => Some(Long),
        (Int | Long, Double) | (Double, Int | Long) => Some(Double),
        (String, _) | (_, String) => Some(String),
        (Double, Decimal(..)) | (Decimal(..), Double) => Some(Double),
        (Int | Long, Decimal(..)) => compatible(Decimal(decimal_for_integral(a)?.0, 0), b, i),
        (Decimal(..), Int | Long) => compatible(a, Decimal(decimal_for_integral(b)?.0, 0), i),
        (Decimal(p1, s1), Decimal(p2, s2)) => {
            let scale = s1.max(s2);
            let range = (p1 - s1).max(p2 - s2);
            if range as u32 + scale as u32 > 38 {
                Some(Double)
            } else {
                Some(Decimal(range + scale, scale))
            }
        }
        _ => None,
    }
}

/// `inferField`: the type after one more non-empty value.
pub fn infer_field(so_far: Inferred, field: &str, i: &Inference) -> Inferred {
    let next = match so_far {
        Inferred::Null | Inferred::Int => try_int(field, i),
        Inferred::Long => try_long(field, i),
        Inferred::Decimal(..) => try_decimal(field, i),
        Inferred::Double => try_double(field, i),
        Inferred::Date => try_date(field, i),
        Inferred::Timestamp => try_timestamp(field, i),
        Inferred::Boolean => try_boolean(field),
        Inferred::String => return Inferred::String,
    };
    compatible(so_far, next, i).unwrap_or(Inferred::String)
}

/// `mergeRowTypes` for two files' results (an incompatible pair gives NULL, as in Spark).
pub fn merge(a: Inferred, b: Inferred, i: &Inference) -> Inferred {
    compatible(a, b, i).unwrap_or(Inferred::Null)
}

/// What one column's values showed: Spark's type, and which simple forms (that
/// Polars' own parsers read the same way) every value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnFold {
    pub inferred: Inferred,
    pub plain: PlainKinds,
}

impl Default for ColumnFold {
    fn default() -> Self {
        ColumnFold { inferred: Inferred::Null, plain: PlainKinds::default() }
    }
}

impl ColumnFold {
    /// Folds one more value (`None` and "" are skipped, as Spark skips them).
    pub fn push(&mut self, value: Option<&str>, i: &Inference) {
        let Some(v) = value else { return };
        if v.is_empty() {
            return;
        }
        if self.inferred != Inferred::String {
            self.inferred = infer_field(self.inferred, v, i);
        }
        if self.plain.any() {
            self.plain.observe(v);
        }
    }

    /// Whether more values can still change anything.
    pub fn settled(&self) -> bool {
        self.inferred == Inferred::String && !self.plain.any()
    }
}

/// `makeSafeHeader`: empty names (or the null value) become `_c<i>`, and names that
/// repeat (ignoring case unless `case_sensitive`) get their index appended.
pub fn safe_header(tokens: &[Option<String>], header: bool, null_value: &str, case_sensitive: bool) -> Vec<String> {
    if !header {
        return (0..tokens.len()).map(|i| format!("_c{i}")).collect();
    }
    let key = |s: &str| if case_sensitive { s.to_string() } else { s.to_lowercase() };
    let names: Vec<String> = tokens.iter().flatten().map(|s| key(s)).collect();
    let duplicated = |name: &str| names.iter().filter(|n| n.as_str() == key(name)).count() > 1;
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match t {
            None => format!("_c{i}"),
            Some(s) if s.is_empty() || s == null_value => format!("_c{i}"),
            Some(s) if duplicated(s) => format!("{s}{i}"),
            Some(s) => s.clone(),
        })
        .collect()
}

/// Spark refuses a data schema with two columns of the same name.
pub fn check_unique_names(fields: &[StructField], case_sensitive: bool) -> Result<()> {
    let key = |s: &str| if case_sensitive { s.to_string() } else { s.to_lowercase() };
    let mut seen = std::collections::HashSet::new();
    for f in fields {
        if !seen.insert(key(&f.name)) {
            return Err(Error::new(
                ErrorKind::Analysis,
                "COLUMN_ALREADY_EXISTS",
                format!("The column `{}` already exists. Choose another name or rename the existing column. SQLSTATE: 42711", key(&f.name)),
            )
            .with_param("columnName", format!("`{}`", key(&f.name))));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inferred::*;

    fn fold(values: &[&str]) -> Inferred {
        let mut f = ColumnFold::default();
        for v in values {
            f.push(Some(v), &Inference::default());
        }
        f.inferred
    }

    #[test]
    fn numbers_widen_in_spark_order() {
        assert_eq!(fold(&["1", "2147483648"]), Long);
        assert_eq!(fold(&["1", "12345678901234567890"]), Decimal(20, 0));
        assert_eq!(fold(&["12345678901234567890", "1"]), Decimal(20, 0));
        assert_eq!(fold(&["5.", "3000000000"]), Decimal(10, 0));
        assert_eq!(fold(&["1", "2147483648", "1.5"]), Double);
        assert_eq!(fold(&["1e3", "99999999999999999999999999999999999999"]), Double);
        assert_eq!(fold(&["99999999999999999999999999999999999999", "1.0e1"]), Decimal(38, 0));
        assert_eq!(fold(&["123456789012345678901234567890123456789"]), Double);
        assert_eq!(fold(&[" 1 ", "2"]), Double);
        assert_eq!(fold(&["NaN", "1"]), Double);
        assert_eq!(fold(&["Inf", "-Inf", "Infinity"]), Double);
        assert_eq!(fold(&["+Inf"]), String);
    }

    #[test]
    fn datetimes_and_order_dependence() {
        assert_eq!(fold(&["2024-01-05"]), Date);
        assert_eq!(fold(&["2024-1-5"]), Timestamp);
        assert_eq!(fold(&["2024-01-05", "2024-01-05 10:00:00"]), Timestamp);
        assert_eq!(fold(&["2024-01-05 10:00:00", "2024"]), Timestamp);
        assert_eq!(fold(&["2024", "2024-01-05 10:00:00"]), String);
        assert_eq!(fold(&["2024-01-05", "12345"]), Timestamp);
        assert_eq!(fold(&["1.5", "2024-01-05"]), String);
        assert_eq!(fold(&["true", "2024-01-05"]), String);
        assert_eq!(fold(&["tRuE", "FALSE"]), Boolean);
        assert_eq!(fold(&["1", "true"]), String);
    }

    fn fold_with(values: &[&str], formats: &Formats) -> Inferred {
        let i = Inference::new(formats).unwrap();
        let mut f = ColumnFold::default();
        for v in values {
            f.push(Some(v), &i);
        }
        f.inferred
    }

    #[test]
    fn datetime_options_steer_inference() {
        let dmy = Formats::new(Some("dd/MM/yyyy"), None, None, None, true);
        assert_eq!(fold_with(&["05/01/2024"], &dmy), Date);
        assert_eq!(fold_with(&["2024-01-05"], &dmy), Timestamp);
        assert_eq!(fold_with(&["05/01/2024", "2024-01-05 10:00"], &dmy), String);
        assert_eq!(fold_with(&["05/01/2024"], &Formats::new(Some("dd/MM/yyyy"), None, None, None, false)), String);
        let ymd = Formats::new(Some("yyyy-M-d"), None, None, None, true);
        assert_eq!(fold_with(&["2024-1-5", "2024-01-05 10:00"], &ymd), Timestamp);
        let stamped = Formats::new(None, Some("dd.MM.yyyy HH:mm"), None, None, true);
        assert_eq!(fold_with(&["05.01.2024 10:00"], &stamped), Timestamp);
        assert_eq!(fold_with(&["2024-01-05 10:00"], &stamped), String);
        assert_eq!(fold_with(&["2024-01-05", "05.01.2024 10:00"], &stamped), String);
        assert!(Inference::new(&Formats::new(None, Some("yyyy-MM-dd qqqqq"), None, None, true)).is_err());
        assert!(Inference::new(&Formats::new(None, None, Some("yyyy-MM-dd'"), None, true)).is_err());
        assert_eq!(fold_with(&["2024-01-05"], &Formats::new(Some("yyyy-MM-dd qqqqq"), None, None, None, true)), Timestamp);
    }

    #[test]
    fn safe_headers() {
        let t = |v: &[Option<&str>]| v.iter().map(|s| s.map(str::to_string)).collect::<Vec<_>>();
        assert_eq!(safe_header(&t(&[Some("a"), Some("a"), Some("b")]), true, "", false), ["a0", "a1", "b"]);
        assert_eq!(safe_header(&t(&[Some("a"), Some("A"), Some("b")]), true, "", false), ["a0", "A1", "b"]);
        assert_eq!(safe_header(&t(&[Some("a"), Some("A")]), true, "", true), ["a", "A"]);
        assert_eq!(safe_header(&t(&[Some("a"), None, Some(""), Some("NA")]), true, "NA", false), ["a", "_c1", "_c2", "_c3"]);
        assert_eq!(safe_header(&t(&[Some("x"), Some("y")]), false, "", false), ["_c0", "_c1"]);
    }
}
