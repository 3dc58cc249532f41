//! Spark's data types, with their three textual forms: `simpleString` (`bigint`,
//! `array<int>`), the JSON schema format PySpark exchanges, and DDL parsing
//! (`"id int, name string"`).

use super::expr::Metadata;
use crate::error::{Error, ErrorKind, Result};
use serde_json::{json, Value as Json};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DataType {
    Null,
    Boolean,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    Decimal(u8, u8),
    String,
    Binary,
    Date,
    Timestamp,
    TimestampNtz,
    Array(Box<DataType>, bool),
    Map(Box<DataType>, Box<DataType>, bool),
    Struct(Vec<StructField>),
    /// ANSI day-time interval, from a start to an end field (`DAY`=0, `HOUR`=1,
    /// `MINUTE`=2, `SECOND`=3): `interval day to second`. Microseconds.
    DayTimeInterval(u8, u8),
    /// ANSI year-month interval (`YEAR`=0, `MONTH`=1): `interval year to month`. Months.
    YearMonthInterval(u8, u8),
    /// The legacy interval of months, days and microseconds (`make_interval`).
    CalendarInterval,
}

/// The field names of the interval types, as Spark writes them.
pub const DAY_TIME_FIELDS: [&str; 4] = ["day", "hour", "minute", "second"];
pub const YEAR_MONTH_FIELDS: [&str; 2] = ["year", "month"];

fn interval_name(fields: &[&str], start: u8, end: u8) -> String {
    let (s, e) = (fields.get(start as usize).unwrap_or(&"?"), fields.get(end as usize).unwrap_or(&"?"));
    if start == end { format!("interval {s}") } else { format!("interval {s} to {e}") }
}

#[derive(Debug, Clone)]
pub struct StructField {
    pub name: String,
    pub data_type: DataType,
    pub nullable: bool,
    /// Its `StructField.metadata` inside a nested type (a top-level column's is its
    /// `Attribute`'s). Types compare without it, as Spark's type checks
    /// (`sameType`, `equalsIgnoreCaseAndNullability`) do.
    pub metadata: Metadata,
}

impl PartialEq for StructField {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.data_type == other.data_type && self.nullable == other.nullable
    }
}

impl Eq for StructField {}

impl std::hash::Hash for StructField {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.data_type.hash(state);
        self.nullable.hash(state);
    }
}

impl StructField {
    pub fn new(name: impl Into<String>, data_type: DataType, nullable: bool) -> Self {
        StructField { name: name.into(), data_type, nullable, metadata: None }
    }

    pub fn with_metadata(self, metadata: Metadata) -> Self {
        StructField { metadata, ..self }
    }

    /// The field nullable, its type `DataType::as_nullable`, its metadata kept.
    pub fn as_nullable(&self) -> StructField {
        StructField { data_type: self.data_type.as_nullable(), nullable: true, ..self.clone() }
    }
}

/// Spark's `QuotingUtils.quoteIfNeeded`.
pub fn quote_if_needed(name: &str) -> String {
    let plain = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.bytes().all(|b| b.is_ascii_digit());
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

impl DataType {
    /// Whether this type, or a type inside it (array elements, map keys and values,
    /// struct fields, at any depth), is one `pred` names.
    pub fn holds(&self, pred: &dyn Fn(&DataType) -> bool) -> bool {
        pred(self)
            || match self {
                DataType::Array(e, _) => e.holds(pred),
                DataType::Map(k, v, _) => k.holds(pred) || v.holds(pred),
                DataType::Struct(fields) => fields.iter().any(|f| f.data_type.holds(pred)),
                _ => false,
            }
    }

    /// Spark's `asNullable`: every struct field, array element and map value nullable,
    /// at any depth (map keys keep their own nullability, nested ones relaxed too).
    pub fn as_nullable(&self) -> DataType {
        match self {
            DataType::Array(e, _) => DataType::Array(Box::new(e.as_nullable()), true),
            DataType::Map(k, v, _) => DataType::Map(Box::new(k.as_nullable()), Box::new(v.as_nullable()), true),
            DataType::Struct(fields) => DataType::Struct(fields.iter().map(StructField::as_nullable).collect()),
            other => other.clone(),
        }
    }

    pub fn is_numeric(&self) -> bool {
        self.is_integral() || self.is_fractional()
    }
    pub fn is_integral(&self) -> bool {
        matches!(self, DataType::Byte | DataType::Short | DataType::Integer | DataType::Long)
    }
    pub fn is_fractional(&self) -> bool {
        matches!(self, DataType::Float | DataType::Double | DataType::Decimal(..))
    }
    pub fn is_floating(&self) -> bool {
        matches!(self, DataType::Float | DataType::Double)
    }
    /// Not a container (array, map, struct) and not the type of NULL.
    pub fn is_atomic(&self) -> bool {
        !matches!(self, DataType::Null | DataType::Array(..) | DataType::Map(..) | DataType::Struct(_))
    }
    pub fn is_datetime(&self) -> bool {
        matches!(self, DataType::Date | DataType::Timestamp | DataType::TimestampNtz)
    }

    /// Spark's `simpleString`: the form used in `dtypes`, DDL and error messages.
    pub fn simple_string(&self) -> String {
        match self {
            DataType::Null => "void".into(),
            DataType::Boolean => "boolean".into(),
            DataType::Byte => "tinyint".into(),
            DataType::Short => "smallint".into(),
            DataType::Integer => "int".into(),
            DataType::Long => "bigint".into(),
            DataType::Float => "float".into(),
            DataType::Double => "double".into(),
            DataType::Decimal(p, s) => format!("decimal({p},{s})"),
            DataType::String => "string".into(),
            DataType::Binary => "binary".into(),
            DataType::Date => "date".into(),
            DataType::Timestamp => "timestamp".into(),
            DataType::TimestampNtz => "timestamp_ntz".into(),
            DataType::Array(e, _) => format!("array<{}>", e.simple_string()),
            DataType::Map(k, v, _) => format!("map<{},{}>", k.simple_string(), v.simple_string()),
            DataType::Struct(fields) => {
                let inner: Vec<String> =
                    fields.iter().map(|f| format!("{}:{}", f.name, f.data_type.simple_string())).collect();
                format!("struct<{}>", inner.join(","))
            }
            DataType::DayTimeInterval(s, e) => interval_name(&DAY_TIME_FIELDS, *s, *e),
            DataType::YearMonthInterval(s, e) => interval_name(&YEAR_MONTH_FIELDS, *s, *e),
            DataType::CalendarInterval => "interval".into(),
        }
    }

    /// An ANSI interval type (day-time or year-month).
    pub fn is_ansi_interval(&self) -> bool {
        matches!(self, DataType::DayTimeInterval(..) | DataType::YearMonthInterval(..))
    }

    /// Spark's SQL form (`BIGINT`, `ARRAY<INT>`), used in expression names such as
    /// `CAST(a AS BIGINT)` and in error messages (`"BIGINT"`).
    pub fn sql(&self) -> String {
        match self {
            DataType::Null => "VOID".into(),
            DataType::Array(e, _) => format!("ARRAY<{}>", e.sql()),
            DataType::Map(k, v, _) => format!("MAP<{}, {}>", k.sql(), v.sql()),
            DataType::Struct(fields) => {
                // Spark's StructField.sql: the name quoted where needed, NOT NULL fields marked.
                let inner: Vec<String> = fields
                    .iter()
                    .map(|f| format!("{}: {}{}", quote_if_needed(&f.name), f.data_type.sql(), if f.nullable { "" } else { " NOT NULL" }))
                    .collect();
                format!("STRUCT<{}>", inner.join(", "))
            }
            other => other.simple_string().to_uppercase(),
        }
    }

    /// The JSON form PySpark's `DataType.fromJson` reads.
    pub fn to_json(&self) -> Json {
        match self {
            DataType::Null => json!("void"),
            DataType::Integer => json!("integer"),
            DataType::Long => json!("long"),
            DataType::Byte => json!("byte"),
            DataType::Short => json!("short"),
            DataType::Array(e, contains_null) => {
                json!({"type": "array", "elementType": e.to_json(), "containsNull": contains_null})
            }
            DataType::Map(k, v, value_contains_null) => json!({
                "type": "map", "keyType": k.to_json(), "valueType": v.to_json(),
                "valueContainsNull": value_contains_null
            }),
            DataType::Struct(fields) => {
                let fields: Vec<Json> = fields
                    .iter()
                    .map(|f| {
                        let metadata = super::metadata::to_json(&f.metadata);
                        json!({"name": f.name, "type": f.data_type.to_json(), "nullable": f.nullable, "metadata": metadata})
                    })
                    .collect();
                json!({"type": "struct", "fields": fields})
            }
            other => json!(other.simple_string()),
        }
    }

    pub fn from_json(value: &Json) -> Result<DataType> {
        let bad = || Error::plain(ErrorKind::ValueError, format!("Could not parse datatype: {value}"));
        match value {
            Json::String(s) => match s.as_str() {
                "integer" => Ok(DataType::Integer),
                "long" => Ok(DataType::Long),
                "byte" => Ok(DataType::Byte),
                "short" => Ok(DataType::Short),
                other => parse_ddl_type(other),
            },
            Json::Object(map) => match map.get("type").and_then(Json::as_str) {
                Some("array") => Ok(DataType::Array(
                    Box::new(DataType::from_json(map.get("elementType").ok_or_else(bad)?)?),
                    map.get("containsNull").and_then(Json::as_bool).unwrap_or(true),
                )),
                Some("map") => Ok(DataType::Map(
                    Box::new(DataType::from_json(map.get("keyType").ok_or_else(bad)?)?),
                    Box::new(DataType::from_json(map.get("valueType").ok_or_else(bad)?)?),
                    map.get("valueContainsNull").and_then(Json::as_bool).unwrap_or(true),
                )),
                Some("struct") => {
                    let fields = map.get("fields").and_then(Json::as_array).ok_or_else(bad)?;
                    let fields = fields
                        .iter()
                        .map(|f| {
                            Ok(StructField::new(
                                f.get("name").and_then(Json::as_str).ok_or_else(bad)?,
                                DataType::from_json(f.get("type").ok_or_else(bad)?)?,
                                f.get("nullable").and_then(Json::as_bool).unwrap_or(true),
                            )
                            .with_metadata(super::metadata::from_json(f.get("metadata"))))
                        })
                        .collect::<Result<Vec<_>>>()?;
                    Ok(DataType::Struct(fields))
                }
                _ => Err(bad()),
            },
            _ => Err(bad()),
        }
    }
}

/// Parses a DDL schema: either a field list (`"a int, b string not null"`) or a
/// single type (`"struct<a:int>"`, `"array<string>"`). A single type that is not a
/// struct is wrapped as one field named `value`, as PySpark does.
///
/// As PySpark's `_parse_datatype_string`: the field list first, then one type, then
/// `name: type` fields; when none reads, the field list's error (Spark's, with the
/// position and the text).
pub fn parse_ddl_schema(text: &str) -> Result<DataType> {
    if text.trim().is_empty() {
        return Err(Error::empty_statement(text));
    }
    let mut p = DdlParser::new(text);
    let field_list_error = match p.field_list(false) {
        Ok(fields) if p.at_end() && !fields.is_empty() => return Ok(DataType::Struct(fields)),
        Ok(_) => p.error(),
        Err(e) => e,
    };
    let mut p = DdlParser::new(text);
    if let Ok(dt) = p.data_type() {
        if p.at_end() {
            return Ok(match dt {
                DataType::Struct(_) => dt,
                other => DataType::Struct(vec![StructField::new("value", other, true)]),
            });
        }
    }
    let mut p = DdlParser::new(text);
    match p.field_list(true) {
        Ok(fields) if p.at_end() && !fields.is_empty() => Ok(DataType::Struct(fields)),
        _ => Err(field_list_error),
    }
}

/// Parses one type name: `int`, `decimal(10,2)`, `array<int>`, `map<string,int>`.
pub fn parse_ddl_type(text: &str) -> Result<DataType> {
    let mut p = DdlParser::new(text);
    let dt = p.data_type()?;
    p.expect_end()?;
    Ok(dt)
}

struct DdlParser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> DdlParser<'a> {
    fn new(text: &'a str) -> Self {
        DdlParser { text, pos: 0 }
    }

    /// Spark's syntax error at the next token: a word, or one other character.
    fn error(&self) -> Error {
        let rest = self.rest();
        let pos = self.pos + (rest.len() - rest.trim_start().len());
        let rest = rest.trim_start();
        let word = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let near = match rest.chars().next() {
            None => "end of input".to_string(),
            Some(_) if word > 0 => format!("'{}'", &rest[..word]),
            Some(c) => format!("'{c}'"),
        };
        Error::parse_at(
            self.text,
            pos,
            "PARSE_SYNTAX_ERROR",
            &format!("Syntax error at or near {near}."),
            vec![("error", near), ("hint", String::new())],
        )
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.text.len() - trimmed.len();
    }

    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.pos == self.text.len()
    }

    fn expect_end(&mut self) -> Result<()> {
        if self.at_end() { Ok(()) } else { Err(self.error()) }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<()> {
        if self.eat(c) { Ok(()) } else { Err(self.error()) }
    }

    fn ident(&mut self) -> Result<String> {
        self.skip_ws();
        let rest = self.rest();
        if let Some(stripped) = rest.strip_prefix('`') {
            let end = stripped.find('`').ok_or_else(|| self.error())?;
            self.pos += end + 2;
            return Ok(stripped[..end].to_string());
        }
        let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if len == 0 {
            return Err(self.error());
        }
        self.pos += len;
        Ok(rest[..len].to_string())
    }

    fn number(&mut self) -> Result<u8> {
        let word = self.ident()?;
        word.parse().map_err(|_| self.error())
    }

    fn keyword(&mut self, word: &str) -> bool {
        self.skip_ws();
        let save = self.pos;
        match self.ident() {
            Ok(w) if w.eq_ignore_ascii_case(word) => true,
            _ => {
                self.pos = save;
                false
            }
        }
    }

    /// `name [:] type [NOT NULL] [COMMENT '...']` separated by commas.
    fn field_list(&mut self, colon_allowed: bool) -> Result<Vec<StructField>> {
        let mut fields = vec![];
        loop {
            let name = self.ident()?;
            if colon_allowed {
                self.eat(':');
            }
            let data_type = self.data_type()?;
            let mut nullable = true;
            if self.keyword("not") {
                if !self.keyword("null") {
                    return Err(self.error());
                }
                nullable = false;
            }
            fields.push(StructField::new(name, data_type, nullable));
            if !self.eat(',') {
                return Ok(fields);
            }
        }
    }

    /// `interval`, `interval day`, `interval day to second`, `interval year to month`.
    fn interval(&mut self) -> Result<DataType> {
        let field = |p: &mut Self| -> Option<(bool, u8)> {
            let save = p.pos;
            let word = p.ident().ok()?.to_ascii_lowercase();
            if let Some(i) = DAY_TIME_FIELDS.iter().position(|f| *f == word) {
                return Some((true, i as u8));
            }
            if let Some(i) = YEAR_MONTH_FIELDS.iter().position(|f| *f == word) {
                return Some((false, i as u8));
            }
            p.pos = save;
            None
        };
        let Some((day_time, start)) = field(self) else { return Ok(DataType::CalendarInterval) };
        let end = if self.keyword("to") {
            match field(self) {
                Some((dt, e)) if dt == day_time && e > start => e,
                _ => return Err(self.error()),
            }
        } else {
            start
        };
        Ok(if day_time { DataType::DayTimeInterval(start, end) } else { DataType::YearMonthInterval(start, end) })
    }

    fn data_type(&mut self) -> Result<DataType> {
        // `struct<a:struct<a:...>>` 2,000 deep overflowed the stack (an abort).
        crate::analysis::nesting::nested(|| self.data_type_node())
    }

    fn data_type_node(&mut self) -> Result<DataType> {
        self.skip_ws();
        let start = self.pos;
        let name = self.ident()?.to_ascii_lowercase();
        Ok(match name.as_str() {
            "boolean" | "bool" => DataType::Boolean,
            "tinyint" | "byte" => DataType::Byte,
            "smallint" | "short" => DataType::Short,
            "int" | "integer" => DataType::Integer,
            "bigint" | "long" => DataType::Long,
            "float" | "real" => DataType::Float,
            "double" => DataType::Double,
            "string" => DataType::String,
            "varchar" | "char" | "character" => {
                if self.eat('(') {
                    self.number()?;
                    self.expect(')')?;
                }
                DataType::String
            }
            "binary" => DataType::Binary,
            "date" => DataType::Date,
            "timestamp" | "timestamp_ltz" => DataType::Timestamp,
            "timestamp_ntz" => DataType::TimestampNtz,
            "void" | "null" => DataType::Null,
            "interval" => self.interval()?,
            "decimal" | "dec" | "numeric" => {
                if self.eat('(') {
                    let p = self.number()?;
                    let s = if self.eat(',') { self.number()? } else { 0 };
                    self.expect(')')?;
                    DataType::Decimal(p, s)
                } else {
                    DataType::Decimal(10, 0)
                }
            }
            "array" => {
                self.expect('<')?;
                let e = self.data_type()?;
                self.expect('>')?;
                DataType::Array(Box::new(e), true)
            }
            "map" => {
                self.expect('<')?;
                let k = self.data_type()?;
                self.expect(',')?;
                let v = self.data_type()?;
                self.expect('>')?;
                DataType::Map(Box::new(k), Box::new(v), true)
            }
            "struct" => {
                self.expect('<')?;
                let fields = if self.eat('>') { vec![] } else {
                    let f = self.field_list(true)?;
                    self.expect('>')?;
                    f
                };
                DataType::Struct(fields)
            }
            _ => {
                let shown = format!("\"{}\"", name.to_uppercase());
                return Err(Error::parse_at(
                    self.text,
                    start,
                    "UNSUPPORTED_DATATYPE",
                    &format!("Unsupported data type {shown}."),
                    vec![("typeName", shown)],
                ));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_strings() {
        assert_eq!(DataType::Long.simple_string(), "bigint");
        let s = DataType::Struct(vec![StructField::new("a", DataType::Array(Box::new(DataType::Integer), true), true)]);
        assert_eq!(s.simple_string(), "struct<a:array<int>>");
    }

    #[test]
    fn ddl_field_list() {
        let dt = parse_ddl_schema("id int, name string not null, d decimal(10, 2)").unwrap();
        let DataType::Struct(fields) = dt else { panic!() };
        assert_eq!(fields.len(), 3);
        assert!(!fields[1].nullable);
        assert_eq!(fields[2].data_type, DataType::Decimal(10, 2));
    }

    #[test]
    fn ddl_errors_say_where_as_spark_does() {
        let e = parse_ddl_schema("a int,,").unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("PARSE_SYNTAX_ERROR"));
        let params: Vec<(&str, &str)> = e.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(params, [("error", "','"), ("hint", ""), ("__line", "1"), ("__pos", "6"), ("__sqlText", "a int,,")]);
        let e = parse_ddl_schema("a integr").unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("UNSUPPORTED_DATATYPE"));
        assert_eq!(e.params[..2], [("typeName".to_string(), "\"INTEGR\"".to_string()), ("__line".to_string(), "1".to_string())]);
        assert!(e.params.contains(&("__pos".to_string(), "2".to_string())), "{:?}", e.params);
        assert_eq!(parse_ddl_schema(" ").unwrap_err().error_class.as_deref(), Some("PARSE_EMPTY_STATEMENT"));
        // What does read still reads: one type, and `name: type` fields.
        assert!(parse_ddl_schema("int").is_ok());
        assert!(parse_ddl_schema("a: int, b: string").is_ok());
    }

    #[test]
    fn struct_type_sql_marks_not_null_and_quotes_names() {
        let s = DataType::Struct(vec![StructField::new("x", DataType::Integer, false), StructField::new("a b", DataType::String, true)]);
        assert_eq!(s.sql(), "STRUCT<x: INT NOT NULL, `a b`: STRING>");
    }

    #[test]
    fn ddl_nested_types() {
        let dt = parse_ddl_type("map<string, array<struct<a:int,b:string>>>").unwrap();
        assert_eq!(dt.simple_string(), "map<string,array<struct<a:int,b:string>>>");
        assert!(parse_ddl_type("strin").is_err());
    }

    #[test]
    fn interval_types() {
        let t = parse_ddl_type("interval day to second").unwrap();
        assert_eq!(t, DataType::DayTimeInterval(0, 3));
        assert_eq!(t.sql(), "INTERVAL DAY TO SECOND");
        assert_eq!(parse_ddl_type("INTERVAL YEAR").unwrap().simple_string(), "interval year");
        assert_eq!(parse_ddl_type("interval").unwrap(), DataType::CalendarInterval);
        assert!(parse_ddl_type("interval second to day").is_err());
        assert_eq!(DataType::from_json(&DataType::YearMonthInterval(0, 1).to_json()).unwrap(), DataType::YearMonthInterval(0, 1));
    }

    #[test]
    fn json_round_trip() {
        let dt = parse_ddl_type("struct<a:int,b:map<string,double>>").unwrap();
        assert_eq!(DataType::from_json(&dt.to_json()).unwrap(), dt);
    }

    #[test]
    fn as_nullable_relaxes_every_depth() {
        let dt = parse_ddl_type("struct<a:int not null,m:map<string,array<int>>>").unwrap();
        let strict = |t: DataType| match t {
            DataType::Struct(fs) => DataType::Struct(fs.into_iter().map(|f| StructField { nullable: false, ..f }).collect()),
            other => other,
        };
        let nested = DataType::Map(Box::new(DataType::String), Box::new(DataType::Array(Box::new(strict(dt.clone())), false)), false);
        let relaxed = DataType::Map(Box::new(DataType::String), Box::new(DataType::Array(Box::new(dt.as_nullable()), true)), true);
        assert_eq!(nested.as_nullable(), relaxed);
        assert!(matches!(dt.as_nullable(), DataType::Struct(fs) if fs.iter().all(|f| f.nullable)));
    }
}
