//! `session_window` in a group-by: each event opens `[time, time + gap)`; events of the
//! same other grouping keys whose windows touch (the next starts at or before the
//! current end) form one session, whose window spans them all — Spark's
//! `MergingSessionsIterator`, computed over the whole column.

use crate::ir::DataType;
use polars::prelude::{self as pl, AnyValue, Column, IntoColumn, IntoSeries, PolarsResult};
use std::collections::HashMap;

const MICROS: pl::DataType = pl::DataType::Datetime(pl::TimeUnit::Microseconds, None);

/// A gap column (a duration string such as `'5 minutes'`, or a day-time interval) in
/// microseconds; a BIGINT literal is already microseconds.
pub fn gap_micros(gap: pl::Expr, t: &DataType) -> pl::Expr {
    match t {
        DataType::String => gap.map_many(
            |cols: &mut [Column]| -> PolarsResult<Column> {
                let s = cols[0].as_materialized_series();
                let out: pl::Int64Chunked =
                    s.str()?.iter().map(|v| v.and_then(|t| crate::analysis::functions::window_duration(t).ok())).collect();
                Ok(out.into_series().with_name(s.name().clone()).into_column())
            },
            &[],
            |_, fields| Ok(pl::Field::new(fields[0].name().clone(), pl::DataType::Int64)),
        ),
        _ => gap.cast(pl::DataType::Int64),
    }
}

/// The merged sessions: arguments time, gap, then the other keys.
pub fn merge(args: Vec<pl::Expr>, gap_type: &DataType) -> pl::Expr {
    let mut args = args.into_iter();
    let time = args.next().expect("time").cast(pl::DataType::Int64);
    let gap = gap_micros(args.next().expect("gap"), gap_type);
    let mut rest = vec![gap];
    rest.extend(args);
    let fields = vec![pl::Field::new("start".into(), MICROS), pl::Field::new("end".into(), MICROS)];
    let out_type = pl::DataType::Struct(fields);
    time.apply_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let get = |c: &Column, i: usize| -> PolarsResult<AnyValue<'static>> {
                Ok(if c.len() == 1 { c.get(0)?.into_static() } else { c.get(i)?.into_static() })
            };
            // Events by the other keys (their values' text identifies them), in time order.
            let mut groups: HashMap<String, Vec<(i64, i64, usize)>> = HashMap::new();
            for i in 0..n {
                let (t, g) = (get(&cols[0], i)?, get(&cols[1], i)?);
                let (AnyValue::Int64(t), AnyValue::Int64(g)) = (t, g) else { continue };
                let mut key = String::new();
                for c in &cols[2..] {
                    key.push_str(&format!("{:?}\u{1}", get(c, i)?));
                }
                groups.entry(key).or_default().push((t, t.saturating_add(g), i));
            }
            let mut start: Vec<Option<i64>> = vec![None; n];
            let mut end: Vec<Option<i64>> = vec![None; n];
            for events in groups.values_mut() {
                events.sort_unstable();
                let mut k = 0;
                while k < events.len() {
                    let (s, mut e, _) = events[k];
                    let mut j = k + 1;
                    while j < events.len() && events[j].0 <= e {
                        e = e.max(events[j].1);
                        j += 1;
                    }
                    for ev in &events[k..j] {
                        start[ev.2] = Some(s);
                        end[ev.2] = Some(e);
                    }
                    k = j;
                }
            }
            let start: pl::Int64Chunked = start.into_iter().collect();
            let end: pl::Int64Chunked = end.into_iter().collect();
            let start = start.into_series().with_name("start".into()).cast(&MICROS)?;
            let end = end.into_series().with_name("end".into()).cast(&MICROS)?;
            let s = pl::StructChunked::from_series(cols[0].name().clone(), n, [start, end].iter())?;
            Ok(s.into_series().into_column())
        },
        &rest,
        move |_, f| Ok(pl::Field::new(f[0].name().clone(), out_type.clone())),
    )
}
