//! JSON Lines read by Polars' NDJSON reader (simd-json), where it gives Spark's rows:
//! the file's profile (`profile`) says every record is one plain object, and each
//! column's type takes every kind of value its key holds exactly as Spark's converter
//! does — BIGINT and INT from integers, DOUBLE from integers and fractions (both
//! parse numbers to the nearest double), BOOLEAN from booleans, STRING from strings.
//! Anything else (a file never profiled, a string in a number column, a nested value)
//! is left to Spark's converter in `reading`. Polars refuses what its strict JSON
//! parser does not read (comments, single quotes, NaN, leading zeros), and a row count
//! other than the profile's sends the file back too.

use super::profile::{recall, Kinds, Profile};
use super::reading::Reading;
use crate::error::Result;
use crate::ir::{DataType, StructField};
use crate::lowering::types::to_polars;
use polars::prelude as pl;
use std::path::Path;

/// The kinds of values a column of type `t` reads natively, None for a type never read so.
fn native_kinds(t: &DataType) -> Option<Kinds> {
    Some(match t {
        DataType::Long | DataType::Integer => Kinds::NULL.union(Kinds::LONG),
        DataType::Double => Kinds::NULL.union(Kinds::LONG).union(Kinds::FLOAT),
        DataType::Boolean => Kinds::NULL.union(Kinds::BOOL),
        DataType::String => Kinds::NULL.union(Kinds::STRING),
        _ => return None,
    })
}

/// Whether Polars reads every column of `fields` as Spark does, for a file of this
/// profile. The corrupt-record column is NULL on every row of a clean file: native
/// only while no record has a key of its name (Spark ignores that key's value).
fn reads_alike(profile: &Profile, fields: &[StructField], r: &Reading) -> bool {
    profile.clean
        && fields.iter().all(|f| {
            let kinds = profile.kinds_of(&f.name);
            if f.name == r.corrupt_column {
                return !profile.kinds.contains_key(&f.name) && f.data_type == DataType::String;
            }
            native_kinds(&f.data_type).is_some_and(|allowed| kinds.within(allowed))
        })
}

/// The rows of the file at `path` read by Polars, or None where Spark's converter must
/// read it.
pub fn native_frame(path: &Path, r: &Reading, fields: &[StructField]) -> Result<Option<pl::DataFrame>> {
    if r.multi_line || r.line_sep.is_some() || fields.is_empty() {
        return Ok(None);
    }
    let Some(profile) = recall(path, &r.features) else { return Ok(None) };
    if !reads_alike(&profile, fields, r) {
        return Ok(None);
    }
    let bytes = crate::io::compression::read(path)?;
    Ok(polars_read(bytes, fields).filter(|df| df.height() == profile.rows))
}

/// Polars' NDJSON parser over `bytes` with the columns `fields`; None when it fails.
/// Its line parser itself, in one piece: `JsonReader`'s splitting of the text into
/// chunks for threads panics on some texts (blank lines between CRLF-ended ones).
fn polars_read(bytes: Vec<u8>, fields: &[StructField]) -> Option<pl::DataFrame> {
    let schema = pl::Schema::from_iter(fields.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type))));
    pl::parse_ndjson(&bytes, None, &schema, false).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parser::{parse_record, Features};

    fn profile(text: &str) -> Profile {
        let mut p = Profile::new();
        for line in text.split('\n') {
            p.observe(&parse_record(line, &Features::default()));
        }
        p
    }

    fn field(name: &str, t: DataType) -> StructField {
        StructField::new(name.to_string(), t, true)
    }

    #[test]
    fn columns_read_natively_by_kind() {
        let r = Reading::default();
        let p = profile("{\"a\":1,\"b\":\"x\",\"c\":2.5}\n{\"a\":2,\"c\":3,\"d\":[1]}");
        assert!(reads_alike(&p, &[field("a", DataType::Long), field("b", DataType::String), field("c", DataType::Double)], &r));
        // Integers into a DOUBLE column, but not fractions into a BIGINT one.
        assert!(!reads_alike(&p, &[field("c", DataType::Long)], &r));
        // A number into a STRING column is its JSON text in Spark, Polars' own in Polars.
        assert!(!reads_alike(&p, &[field("a", DataType::String)], &r));
        assert!(!reads_alike(&p, &[field("d", DataType::String)], &r));
        assert!(!reads_alike(&p, &[field("b", DataType::Date)], &r));
        // A column no record has is NULL, as the corrupt-record one of a clean file.
        assert!(reads_alike(&p, &[field("a", DataType::Long), field("_corrupt_record", DataType::String)], &r));
    }

    #[test]
    fn polars_reads_strict_json_only() {
        let fields = [field("a", DataType::Long), field("s", DataType::String), field("x", DataType::Double)];
        let df = polars_read(b"{\"a\":1,\"s\":\"\\u00e9\\ud83d\\ude00\",\"x\":0.1}\r\n\n{\"a\":-0,\"x\":2}\n".to_vec(), &fields).unwrap();
        assert_eq!(df.height(), 2);
        assert_eq!(df.column("s").unwrap().str().unwrap().get(0), Some("é😀"));
        assert_eq!(df.column("x").unwrap().f64().unwrap().get(0), Some(0.1));
        // What Spark's lenient parser reads and Polars' does not is an error, never a guess.
        for odd in ["{'a':1}", "{\"a\":01}", "{\"x\":NaN}", "{\"a\":1.0}", "{\"a\":\"1\"}", "{\"a\":1}{\"a\":2}", "{\"a\":1} x"] {
            assert!(polars_read(odd.as_bytes().to_vec(), &fields).is_none(), "{odd}");
        }
    }

    #[test]
    fn blank_and_crlf_lines() {
        let text = "{\"id\":1,\"name\":\"a\"}\n\n{\"id\":-2,\"name\":\"b\"}\r\n   \n{\"name\":\"c\"}\n{\"id\":3}\n";
        let df = polars_read(text.as_bytes().to_vec(), &[field("id", DataType::Long), field("name", DataType::String)]).unwrap();
        assert_eq!(df.height(), 4);
    }
}
