//! Java datetime patterns over Polars columns: printing TIMESTAMPs (`date_format`,
//! `from_unixtime`) and parsing strings (`to_timestamp`, `to_date`, `unix_timestamp`
//! with a format), one pass over the values. A literal pattern is compiled once when
//! the plan is lowered (its errors raised then, as Spark raises them before reading
//! any row); a pattern column is compiled per distinct pattern.

use super::calendar::{Fields, MICROS_PER_DAY, MICROS_PER_SECOND};
use super::datetime_format::{format, Moment};
use super::datetime_parse::{fast_layout, is_direct, parse_direct, parse_with};
use super::datetime_pattern::{compile, Pattern, PatternError};
use super::errors::runtime_error;
use super::timezone::Zone;
use crate::error::ErrorKind;
use polars::prelude::{self as pl, Column, IntoColumn, IntoSeries, PolarsResult};
use std::collections::HashMap;
use std::sync::Arc;

/// The pattern of a call: compiled already (a literal), or read from a column.
#[derive(Clone)]
pub enum PatternArg {
    Fixed(Arc<Pattern>),
    Column(pl::Expr),
}

/// Patterns of a pattern column, compiled once each.
struct PatternCache {
    parsing: bool,
    compiled: HashMap<String, Result<Arc<Pattern>, PatternError>>,
}

impl PatternCache {
    fn new(parsing: bool) -> Self {
        PatternCache { parsing, compiled: HashMap::new() }
    }

    fn get(&mut self, text: &str) -> PolarsResult<Arc<Pattern>> {
        let parsing = self.parsing;
        let entry = self.compiled.entry(text.to_string()).or_insert_with(|| compile(text, parsing).map(Arc::new));
        entry.clone().map_err(|e| runtime_error(e.kind, e.class.unwrap_or(""), &e.message))
    }
}

/// A column (or a broadcast literal) read by row.
fn at<T>(values: &[T], i: usize) -> &T {
    if values.len() == 1 { &values[0] } else { &values[i] }
}

fn string_values(c: &Column) -> PolarsResult<Vec<Option<String>>> {
    let s = c.as_materialized_series().cast(&pl::DataType::String)?;
    Ok(s.str()?.iter().map(|v| v.map(str::to_string)).collect())
}

fn mask_values(c: &Column) -> PolarsResult<Vec<bool>> {
    let s = c.as_materialized_series();
    Ok(s.bool()?.iter().map(|v| v.unwrap_or(false)).collect())
}

/// Prints TIMESTAMP values (UTC microseconds) in `zone` with a pattern.
pub fn format_timestamps(ts: pl::Expr, pattern: PatternArg, zone: Zone) -> pl::Expr {
    let (fixed, extra) = match pattern {
        PatternArg::Fixed(p) => (Some(p), vec![]),
        PatternArg::Column(e) => (None, vec![e]),
    };
    ts.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let input = cols[0].as_materialized_series();
            let name = input.name().clone();
            let micros = input.cast(&pl::DataType::Int64)?;
            let micros = micros.i64()?;
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let patterns: Option<Vec<Option<String>>> = match cols.get(1) {
                Some(c) => Some(string_values(c)?),
                None => None,
            };
            let mut cache = PatternCache::new(false);
            let mut out = pl::StringChunkedBuilder::new(name, n);
            let mut buf = String::with_capacity(32);
            let utc = zone.is_utc();
            for i in 0..n {
                let us = if micros.len() == 1 { micros.get(0) } else { micros.get(i) };
                let pattern = match (&fixed, &patterns) {
                    (Some(p), _) => Some(p.clone()),
                    (None, Some(ps)) => match at(ps, i) {
                        Some(text) => Some(cache.get(text)?),
                        None => None,
                    },
                    _ => None,
                };
                match (us, pattern) {
                    (Some(us), Some(p)) => {
                        let utc_seconds = us.div_euclid(MICROS_PER_SECOND);
                        let offset = if utc { 0 } else { zone.offset_at(utc_seconds) };
                        let local = us + offset as i64 * MICROS_PER_SECOND;
                        let m = Moment { fields: Fields::of_micros(local), offset, zone: &zone, utc_seconds };
                        buf.clear();
                        format(&p, &m, &mut buf);
                        out.append_value(&buf);
                    }
                    _ => out.append_null(),
                }
            }
            Ok(out.finish().into_series().into_column())
        },
        &extra,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), pl::DataType::String)),
    )
}

/// What a parse produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseTarget {
    /// A TIMESTAMP (UTC microseconds).
    Timestamp,
    /// A TIMESTAMP_NTZ (wall-clock microseconds; a zone in the text is ignored).
    TimestampNtz,
    /// A DATE in the session zone (days).
    Date,
    /// Seconds since the epoch (`unix_timestamp`).
    UnixSeconds,
}

/// What happens to a text that does not parse.
#[derive(Clone)]
pub enum OnFailure {
    Null,
    /// Spark's `CANNOT_PARSE_TIMESTAMP`, on the rows of the mask (all rows if None).
    Fail(Option<pl::Expr>),
}

/// Parses strings with a pattern into `target`; the text's own zone or offset wins
/// over the session `zone`.
pub fn parse_strings(s: pl::Expr, pattern: PatternArg, zone: Zone, target: ParseTarget, on_failure: OnFailure) -> pl::Expr {
    let (fixed, mut extra) = match pattern {
        PatternArg::Fixed(p) => (Some(p), vec![]),
        PatternArg::Column(e) => (None, vec![e]),
    };
    let pattern_col = fixed.is_none();
    let (fail, mask) = match on_failure {
        OnFailure::Null => (false, false),
        OnFailure::Fail(None) => (true, false),
        OnFailure::Fail(Some(m)) => {
            extra.push(m);
            (true, true)
        }
    };
    let out_type = match target {
        ParseTarget::Timestamp | ParseTarget::TimestampNtz => pl::DataType::Datetime(pl::TimeUnit::Microseconds, None),
        ParseTarget::Date => pl::DataType::Date,
        ParseTarget::UnixSeconds => pl::DataType::Int64,
    };
    let result_type = out_type.clone();
    let fast = fixed.as_ref().and_then(|p| fast_layout(p));
    // Fixed-width dates and times (`yyyy-MM-dd HH:mm:ss`) are read without the resolver.
    let direct = fast.clone().filter(|f| is_direct(f));
    s.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let input = cols[0].as_materialized_series();
            let name = input.name().clone();
            let texts = input.str()?;
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let patterns = if pattern_col { Some(string_values(&cols[1])?) } else { None };
            let reachable = if mask { Some(mask_values(&cols[cols.len() - 1])?) } else { None };
            let finish = |local: i64| match target {
                ParseTarget::Date => local.div_euclid(MICROS_PER_DAY),
                ParseTarget::TimestampNtz => local,
                ParseTarget::Timestamp => zone.local_to_utc(local),
                ParseTarget::UnixSeconds => zone.local_to_utc(local).div_euclid(MICROS_PER_SECOND),
            };
            // The general path: java.time's parser; a failure is Spark's error (ANSI,
            // on a row the query evaluates) or NULL.
            let general = |i: usize, pattern: &Pattern, fast: Option<&[super::datetime_parse::FastPiece]>, text: &str| -> PolarsResult<Option<i64>> {
                // TIMESTAMP_NTZ keeps the wall-clock time and ignores a zone in the text.
                let parsed = parse_with(pattern, fast, text).map(|r| match target {
                    ParseTarget::TimestampNtz => r.local,
                    ParseTarget::Date => zone.utc_to_local(r.instant(&zone)).div_euclid(MICROS_PER_DAY),
                    ParseTarget::Timestamp => r.instant(&zone),
                    ParseTarget::UnixSeconds => r.instant(&zone).div_euclid(MICROS_PER_SECOND),
                });
                match parsed {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if fail && reachable.as_ref().is_none_or(|r| *at(r, i)) => Err(runtime_error(
                        ErrorKind::DateTime,
                        "CANNOT_PARSE_TIMESTAMP",
                        &format!(
                            "{}. Use `try_to_timestamp` to tolerate invalid input string and return NULL instead. SQLSTATE: 22007",
                            e.message(text)
                        ),
                    )),
                    Err(_) => Ok(None),
                }
            };
            let mut values: Vec<Option<i64>> = Vec::with_capacity(n);
            if let (Some(p), true) = (&fixed, texts.len() == n) {
                // One pattern for all rows: a tight loop, the fixed layout first.
                for (i, text) in texts.iter().enumerate() {
                    let v = match text {
                        None => None,
                        Some(t) => match direct.as_deref().and_then(|d| parse_direct(d, t)) {
                            Some(local) => Some(finish(local)),
                            None => general(i, p, fast.as_deref(), t)?,
                        },
                    };
                    values.push(v);
                }
            } else {
                let mut cache = PatternCache::new(true);
                for i in 0..n {
                    let text = if texts.len() == 1 { texts.get(0) } else { texts.get(i) };
                    let row_pattern = match (&fixed, &patterns) {
                        (Some(p), _) => Some(p.clone()),
                        (None, Some(ps)) => match at(ps, i) {
                            Some(t) => Some(cache.get(t)?),
                            None => None,
                        },
                        _ => None,
                    };
                    values.push(match (text, row_pattern) {
                        (Some(t), Some(p)) => general(i, &p, None, t)?,
                        _ => None,
                    });
                }
            }
            let s = match &result_type {
                pl::DataType::Date => {
                    let days: pl::Int32Chunked = values.into_iter().map(|v| v.map(|d| d as i32)).collect();
                    days.into_date().into_series().with_name(name)
                }
                t => {
                    let ca: pl::Int64Chunked = values.into_iter().collect();
                    ca.into_series().with_name(name).cast(t)?
                }
            };
            Ok(s.into_column())
        },
        &extra,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

#[cfg(test)]
mod bench {
    use super::*;
    use polars::prelude::{col, IntoLazy, NamedFrom};
    use std::time::Instant;

    /// `cargo test --lib datetime_kernels::bench -- --ignored --nocapture`: our kernels
    /// beside Polars' own strftime/strptime on the same build.
    #[test]
    #[ignore]
    fn kernels_against_native() {
        let n = 2_000_000i64;
        let micros: Vec<i64> = (0..n).map(|i| 1_600_000_000_000_000 + i * 7_919_000_123).collect();
        let s = pl::Series::new("t".into(), micros).cast(&pl::DataType::Datetime(pl::TimeUnit::Microseconds, None)).unwrap();
        let df = pl::DataFrame::new(n as usize, vec![s.into_column()]).unwrap();
        let time = |label: &str, e: pl::Expr| {
            let start = Instant::now();
            let out = df.clone().lazy().select([e.alias("x")]).collect().unwrap();
            println!("{label:40} {:?} ({} rows)", start.elapsed(), out.height());
            out
        };
        let p = Arc::new(compile("yyyy-MM-dd", false).unwrap());
        time("native strftime %Y-%m-%d", col("t").dt().strftime("%Y-%m-%d"));
        let ours = time("date_format yyyy-MM-dd", format_timestamps(col("t"), PatternArg::Fixed(p), Zone::utc()));
        let p2 = Arc::new(compile("yyyy-MM-dd HH:mm:ss", false).unwrap());
        time("native strftime %Y-%m-%d %H:%M:%S", col("t").dt().strftime("%Y-%m-%d %H:%M:%S"));
        time("date_format yyyy-MM-dd HH:mm:ss", format_timestamps(col("t"), PatternArg::Fixed(p2), Zone::utc()));
        let texts = ours.column("x").unwrap().clone();
        let df2 = pl::DataFrame::new(n as usize, vec![texts.with_name("s".into())]).unwrap();
        let time2 = |label: &str, e: pl::Expr| {
            let start = Instant::now();
            let out = df2.clone().lazy().select([e.alias("x")]).collect().unwrap();
            println!("{label:40} {:?} ({} rows)", start.elapsed(), out.height());
        };
        let opts = pl::StrptimeOptions { format: Some("%Y-%m-%d".into()), strict: false, exact: true, cache: false };
        time2("native to_date %Y-%m-%d", col("s").str().to_date(opts));
        let pp = Arc::new(compile("yyyy-MM-dd", true).unwrap());
        time2("to_date yyyy-MM-dd", parse_strings(col("s"), PatternArg::Fixed(pp), Zone::utc(), ParseTarget::Date, OnFailure::Null));
        time2("cast string to date", super::super::datetime_text::cast_strings(col("s"), &crate::ir::DataType::Date, Zone::utc()));
        let strings: Vec<String> = df2.column("s").unwrap().str().unwrap().iter().map(|s| s.unwrap().to_string()).collect();
        let pattern = compile("yyyy-MM-dd", true).unwrap();
        let fast = fast_layout(&pattern);
        let start = Instant::now();
        let mut sum = 0i64;
        for t in &strings {
            sum = sum.wrapping_add(parse_with(&pattern, fast.as_deref(), t).map(|r| r.local).unwrap_or(0));
        }
        println!("{:40} {:?} ({sum})", "parse_with alone", start.elapsed());
    }
}
