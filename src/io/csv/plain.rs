//! Which CSV values Polars' own parsers read exactly as Spark's: plain integers and
//! doubles (`values`) and `yyyy-MM-dd` dates. A column all of whose values (NULLs
//! aside) are plain for its type is read natively by Polars' CSV reader instead of as
//! text converted value by value.
//!
//! Polars parses a date column with the pattern it infers from the first value
//! (`infer_pattern_single`), then that family's formats; a four-digit year first
//! means no day-first pattern matches, and a real calendar date means Polars' value
//! and Spark's `stringToDate` agree (`tests` below read them through Polars).
//!
//! Timestamps are not read natively: Polars 0.55's CSV reader has no fast parser for
//! its `%.f` formats, so every `yyyy-MM-dd HH:mm:ss` value falls back to chrono with a
//! new pattern list (measured in the dev build: 30 s per million values, against
//! 0.6 s for Spark's parser value by value).

use super::values::{plain_double, plain_integer};
use crate::compat::calendar::checked_date;

/// For one column: which of the plain forms every value seen so far has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainKinds {
    pub integers: bool,
    pub doubles: bool,
    pub dates: bool,
}

impl Default for PlainKinds {
    /// No value seen: every form still possible.
    fn default() -> Self {
        PlainKinds { integers: true, doubles: true, dates: true }
    }
}

impl PlainKinds {
    pub const NONE: PlainKinds = PlainKinds { integers: false, doubles: false, dates: false };

    /// Narrows the forms by one non-NULL value.
    pub fn observe(&mut self, v: &str) {
        self.observe_bytes(v.as_bytes());
    }

    /// `observe` of a field's bytes; a form already ruled out is not checked again.
    pub fn observe_bytes(&mut self, v: &[u8]) {
        self.integers = self.integers && plain_integer(v);
        // A plain integer is a plain double too.
        self.doubles = self.doubles && (self.integers || plain_double(v));
        self.dates = self.dates && plain_date(v);
    }

    /// Whether some form is still possible (more values can still change something).
    pub fn any(&self) -> bool {
        self.integers || self.doubles || self.dates
    }

    /// The forms every value of two sets of values has.
    pub fn and(self, other: PlainKinds) -> PlainKinds {
        PlainKinds {
            integers: self.integers && other.integers,
            doubles: self.doubles && other.doubles,
            dates: self.dates && other.dates,
        }
    }

    /// The forms plain in both (two sources that each saw every value).
    pub fn or(self, other: PlainKinds) -> PlainKinds {
        PlainKinds {
            integers: self.integers || other.integers,
            doubles: self.doubles || other.doubles,
            dates: self.dates || other.dates,
        }
    }
}

/// Two ASCII digits as a number.
fn two_digits(b: &[u8]) -> Option<u32> {
    (b.len() == 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit()).then(|| ((b[0] - b'0') * 10 + (b[1] - b'0')) as u32)
}

/// `yyyy-MM-dd` with a four-digit year (no sign) that is a real calendar date.
fn plain_date(b: &[u8]) -> bool {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !b[..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let year = b[..4].iter().fold(0i64, |y, d| y * 10 + (d - b'0') as i64);
    match (two_digits(&b[5..7]), two_digits(&b[8..10])) {
        // Every month has its first 28 days.
        (Some(1..=12), Some(1..=28)) => true,
        (Some(month), Some(day)) => checked_date(year, month.into(), day.into()).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::datetime::csv_date;
    use super::*;
    use polars::prelude::{self as pl, LazyFileListReader};
    use std::sync::Arc;

    #[test]
    fn plain_shapes() {
        for ok in ["2024-01-05", "0000-01-01", "9999-12-31", "2024-02-29"] {
            assert!(plain_date(ok.as_bytes()), "{ok}");
        }
        for bad in ["2024-1-05", "2024-01-5", "+2024-01-05", "-2024-01-05", "2023-02-29", "2024-13-01", "2024-01-00", " 2024-01-05", "2024-01-05 ", "2024/01/05", "20240105", "２024-01-05"] {
            assert!(!plain_date(bad.as_bytes()), "{bad}");
        }
    }

    /// Reads `values` as one column of `dtype` through Polars' CSV reader, as
    /// `read::polars_frame` does.
    fn polars_read(values: &[&str], dtype: pl::DataType) -> pl::Series {
        let dir = std::env::temp_dir().join(format!("pyrust-csv-plain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let path = dir.join(format!("{}.csv", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
        std::fs::write(&path, values.join("\n") + "\n").unwrap();
        let schema = pl::Schema::from_iter([pl::Field::new("v".into(), dtype)]);
        let df = pl::LazyCsvReader::new(pl::PlRefPath::new(path.to_string_lossy().as_ref()))
            .with_has_header(false)
            .with_schema(Some(Arc::new(schema)))
            .with_ignore_errors(true)
            .finish()
            .unwrap()
            .collect()
            .unwrap();
        std::fs::remove_file(&path).ok();
        df.column("v").unwrap().as_materialized_series().clone()
    }

    #[test]
    fn polars_reads_plain_dates_as_spark() {
        let values = ["2024-01-05", "0000-01-01", "0001-12-31", "1582-10-10", "1969-12-31", "9999-12-31", "2024-02-29", "2000-03-01"];
        let s = polars_read(&values, pl::DataType::Date);
        let days = s.to_physical_repr().into_owned();
        let days = days.i32().unwrap();
        for (i, v) in values.iter().enumerate() {
            assert_eq!(days.get(i), csv_date(v), "{v}");
        }
    }
}
