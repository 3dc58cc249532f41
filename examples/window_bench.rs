//! Windows, PyRust against native Polars in the same build: the four queries of the
//! `windows` bench suite (bench/worker.py), each as PyRust's lowered plan (from SQL
//! text over an in-memory table) and as the hand-written Polars LazyFrame the suite
//! times for Python Polars, over the same rows. Not part of `cargo test`:
//!
//!     cargo run --release --features native-bench --example window_bench -- [rows] [partitions] [runs]
//!
//! (`--release` for figures worth quoting; the dev profile builds Polars at opt-level 1.)

use polars::prelude::{self as pl, col, lit, DataType as PlType, IntoLazy, RankMethod, RankOptions, RollingOptionsDynamicWindow, SortOptions};
use pyrust::exec::Session;
use pyrust::ir::{DataType, StructField};
use std::sync::Arc;
use std::time::Instant;

/// A small deterministic generator (no dependency for random numbers).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// `rows` events over `partitions` keys: key, ts (unique), day (a year of dates), amount (cents).
fn events(rows: usize, partitions: u64) -> pl::DataFrame {
    let mut rng = Lcg(8);
    let key: Vec<i64> = (0..rows).map(|_| (rng.next() % partitions) as i64).collect();
    let mut ts: Vec<i64> = (0..rows as i64).collect();
    for i in (1..rows).rev() {
        ts.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let day: Vec<i32> = (0..rows).map(|_| 19723 + (rng.next() % 365) as i32).collect();
    let amount: Vec<f64> = (0..rows).map(|_| (rng.next() % 100_000) as f64 / 100.0).collect();
    let day = pl::Column::new("day".into(), day).cast(&PlType::Date).expect("dates");
    pl::DataFrame::new_infer_height(vec![pl::Column::new("key".into(), key), pl::Column::new("ts".into(), ts), day, pl::Column::new("amount".into(), amount)])
        .expect("events")
}

const QUERIES: [&str; 4] = ["dedupe_row_number", "running_sum_rows", "moving_avg_7_days_range", "lag_difference"];

fn pyrust_sql(name: &str) -> String {
    let window = match name {
        "dedupe_row_number" => {
            return "SELECT count(*), sum(amount), max(amount) FROM (SELECT *, row_number() OVER (PARTITION BY key ORDER BY ts DESC) AS rn FROM events) WHERE rn = 1".into()
        }
        "running_sum_rows" => "sum(amount) OVER (PARTITION BY key ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
        "moving_avg_7_days_range" => "avg(amount) OVER (PARTITION BY key ORDER BY day RANGE BETWEEN 6 PRECEDING AND CURRENT ROW)",
        _ => "amount - lag(amount) OVER (PARTITION BY key ORDER BY ts)",
    };
    format!("SELECT count(*), sum(w), max(w) FROM (SELECT {window} AS w FROM events)")
}

fn native(events: &pl::LazyFrame, name: &str) -> pl::LazyFrame {
    let summary = |lf: pl::LazyFrame, c: &str| lf.select([pl::len().alias("rows"), col(c).sum().alias("total"), col(c).max().alias("top")]);
    let by_ts = |e: pl::Expr| e.over_with_options(Some([col("key")]), Some(([col("ts")], SortOptions::default())), Default::default()).expect("over");
    match name {
        "dedupe_row_number" => {
            let rank = col("ts").rank(RankOptions { method: RankMethod::Ordinal, descending: true }, None).over([col("key")]).expect("over");
            summary(events.clone().filter(rank.eq(lit(1))), "amount")
        }
        "running_sum_rows" => summary(events.clone().with_columns([by_ts(col("amount").cum_sum(false)).alias("run")]), "run"),
        "moving_avg_7_days_range" => {
            let options = RollingOptionsDynamicWindow { window_size: pl::Duration::parse("7d"), min_periods: 1, closed_window: pl::ClosedWindow::Right, fn_params: None };
            let sorted = events.clone().sort(["key", "day"], Default::default());
            summary(sorted.with_columns([col("amount").rolling_mean_by(col("day"), options).over([col("key")]).expect("over").alias("avg7")]), "avg7")
        }
        _ => summary(events.clone().with_columns([(col("amount") - by_ts(col("amount").shift(lit(1)))).alias("diff")]), "diff"),
    }
}

/// A summary row as text: every value as a double to 4 decimals (the engines' count
/// types differ, and their sums by the order of additions).
fn summary(df: &pl::DataFrame) -> String {
    df.columns()
        .iter()
        .map(|c| match c.cast(&PlType::Float64).ok().and_then(|c| c.f64().ok().and_then(|v| v.get(0))) {
            Some(v) => format!("{v:.4}"),
            None => "NULL".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut() -> pl::DataFrame) -> (f64, pl::DataFrame) {
    let mut out = f(); // warm-up, not counted
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            out = f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    (median(times), out)
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (rows, partitions, runs) = (args.first().copied().unwrap_or(1_000_000), args.get(1).copied().unwrap_or(10_000), args.get(2).copied().unwrap_or(3));
    let df = events(rows, partitions as u64);
    let session = Session::new();
    let fields = [
        StructField::new("key", DataType::Long, true),
        StructField::new("ts", DataType::Long, true),
        StructField::new("day", DataType::Date, true),
        StructField::new("amount", DataType::Double, true),
    ];
    let plan = session.create_local(df.clone(), &fields).expect("local data");
    session.catalog.create_temp_view("events", Arc::new(plan), true).expect("view");
    let lazy = df.lazy();
    println!("{rows} rows in {partitions} keys, median of {runs} runs (after one warm-up)");
    println!("{:<26} {:>10} {:>10} {:>7}", "query", "pyrust s", "polars s", "ratio");
    for name in QUERIES {
        let plan = session.sql(&pyrust_sql(name)).expect("plan");
        let (ours, a) = time(runs, || session.execute(&plan).expect("pyrust run"));
        let (theirs, b) = time(runs, || native(&lazy, name).collect().expect("polars run"));
        println!("{name:<26} {ours:>10.3} {theirs:>10.3} {:>6.2}x", ours / theirs);
        let (a, b) = (summary(&a), summary(&b));
        if a != b {
            println!("  answers differ: pyrust {a} / polars {b}");
        }
    }
}
