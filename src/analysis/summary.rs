//! `DataFrame.summary(*statistics)` and `describe(*cols)`, planned as Spark 4.0.1's
//! `StatFunctions.summary` plans them: per numeric or string column one map from
//! statistic to its value as text, all computed in one aggregation; then one row per
//! statistic (`explode` of the statistics' names), each column's value looked up in its
//! map. One plan, lowered like any other. Columns are referred to by name, as Spark's
//! `col(field.name)` does, so a column named `summary` meets Spark's error.

use super::builder;
use super::{new_plan_id, Conf};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{Attribute, CastKind, DataType, Expr, Plan, Value};
use std::sync::Arc;

/// `summary()` without statistics.
pub const DEFAULT_STATISTICS: [&str; 8] = ["count", "mean", "stddev", "min", "25%", "50%", "75%", "max"];
/// `describe()`'s statistics.
pub const DESCRIBE_STATISTICS: [&str; 5] = ["count", "mean", "stddev", "min", "max"];
/// `ApproximatePercentile.DEFAULT_PERCENTILE_ACCURACY`.
const PERCENTILE_ACCURACY: i32 = 10000;

pub fn summary(input: Arc<Plan>, statistics: &[String], conf: &Conf, plan_id: u64) -> Result<Plan> {
    let selected: Vec<String> = match statistics.is_empty() {
        true => DEFAULT_STATISTICS.iter().map(|s| s.to_string()).collect(),
        false => statistics.to_vec(),
    };
    let percentiles = percentiles(&selected)?;
    let columns: Vec<&Attribute> = input.output.iter().filter(|a| a.data_type.is_numeric() || a.data_type == DataType::String).collect();
    let names = Expr::Literal(Value::Array(selected.iter().map(|s| Value::String(s.clone())).collect(), DataType::String));
    if columns.is_empty() {
        // Spark: createDataFrame(statistics).withColumnRenamed("_1", "summary").
        let one_row = Arc::new(builder::range(0, 1, 1)?);
        let rows = Arc::new(builder::project(one_row, vec![Expr::func("explode", vec![names]).alias("summary")], conf, new_plan_id())?);
        return builder::project(rows, vec![nullable_summary()], conf, plan_id);
    }
    let maps = columns.iter().map(|c| statistics_map(c, &selected, &percentiles)).collect::<Result<Vec<_>>>()?;
    let aggregated = Arc::new(builder::project(input.clone(), maps, conf, new_plan_id())?);
    let exploded = Arc::new(builder::with_columns(aggregated, vec![("summary".into(), Expr::func("explode", vec![names]))], conf, new_plan_id())?);
    let mut list = vec![nullable_summary()];
    for column in &columns {
        list.push(Expr::func("element_at", vec![Expr::col_parsed(&column.name), Expr::col("summary")]).alias(&column.name));
    }
    builder::project(exploded, list, conf, plan_id)
}

/// The `summary` column. Spark's literal array may hold NULLs, so its exploded column is
/// nullable; a CASE without ELSE says the same (its condition not the literal TRUE,
/// which would make it as nullable as its one branch, as in Spark).
fn nullable_summary() -> Expr {
    let not_false = Expr::Not(Box::new(Expr::Literal(Value::Boolean(false))));
    Expr::case_when(vec![(not_false, Expr::col("summary"))], None).alias("summary")
}

/// `map("count", CAST(count(c) AS STRING), "mean", ...)` named as the column.
fn statistics_map(column: &Attribute, selected: &[String], percentiles: &[f64]) -> Result<Expr> {
    let value = Expr::col_parsed(&column.name);
    // Strings are read as numbers for the mean, the deviation and the percentiles.
    let number = match column.data_type {
        DataType::String => Expr::Cast { expr: Box::new(value.clone()), to: DataType::Double, kind: CastKind::Try },
        _ => value.clone(),
    };
    let percentile = (!percentiles.is_empty()).then(|| {
        let at = Value::Array(percentiles.iter().map(|p| Value::Double(*p)).collect(), DataType::Double);
        Expr::func("percentile_approx", vec![number.clone(), Expr::Literal(at), Expr::Literal(Value::Integer(PERCENTILE_ACCURACY))])
    });
    let mut entries = vec![];
    let mut percentile_index = 0;
    for statistic in selected {
        let computed = match statistic.to_lowercase().as_str() {
            "count" => Expr::func("count", vec![value.clone()]),
            "count_distinct" => Expr::Function { name: "count".into(), args: vec![value.clone()], distinct: true },
            "approx_count_distinct" => Expr::func("approx_count_distinct", vec![value.clone()]),
            "mean" => Expr::func("avg", vec![number.clone()]),
            "stddev" => Expr::func("stddev", vec![number.clone()]),
            "min" => Expr::func("min", vec![value.clone()]),
            "max" => Expr::func("max", vec![value.clone()]),
            s if s.ends_with('%') => {
                let at = Expr::Literal(Value::Integer(percentile_index));
                percentile_index += 1;
                Expr::func("get", vec![percentile.clone().ok_or_else(|| Error::internal("summary: no percentiles"))?, at])
            }
            _ => return Err(unrecognized(statistic)),
        };
        entries.push(as_text(Expr::Literal(Value::String(statistic.clone()))));
        entries.push(as_text(computed));
    }
    Ok(Expr::func("map", entries).alias(&column.name))
}

fn as_text(e: Expr) -> Expr {
    Expr::Cast { expr: Box::new(e), to: DataType::String, kind: CastKind::Cast }
}

/// The fractions the `p%` statistics ask for, read as Java's `Double.parseDouble`
/// reads `p` (Spark's `stripSuffix("%").toDouble`), each in [0, 1].
fn percentiles(selected: &[String]) -> Result<Vec<f64>> {
    let mut out = vec![];
    for s in selected.iter().filter(|s| s.ends_with('%')) {
        let p = crate::io::csv::values::java_double(&s[..s.len() - 1]).ok_or_else(|| unrecognized(s))?;
        out.push(p / 100.0);
    }
    if !out.iter().all(|p| (0.0..=1.0).contains(p)) {
        return Err(Error::plain(ErrorKind::IllegalArgument, "requirement failed: Percentiles must be in the range [0, 1]"));
    }
    Ok(out)
}

fn unrecognized(statistic: &str) -> Error {
    Error::new(
        ErrorKind::IllegalArgument,
        "UNRECOGNIZED_STATISTIC",
        format!(
            "The statistic '{statistic}' is not recognized. Valid statistics include `count`, `count_distinct`, `approx_count_distinct`, \
`mean`, `stddev`, `min`, `max`, and percentile values. Percentile must be a numeric value followed by '%', within the range 0% to 100%."
        ),
    )
    .with_param("stats", format!("'{statistic}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn percentiles_are_read_as_java_reads_doubles() {
        assert_eq!(percentiles(&strings(&["count", "25%", " 50 %", "1e1%"])).unwrap(), vec![0.25, 0.5, 0.1]);
        assert_eq!(percentiles(&strings(&["x%"])).unwrap_err().error_class.as_deref(), Some("UNRECOGNIZED_STATISTIC"));
        let out_of_range = percentiles(&strings(&["101%"])).unwrap_err();
        assert_eq!((out_of_range.kind, out_of_range.error_class), (ErrorKind::IllegalArgument, None));
    }

    #[test]
    fn unknown_statistics_are_refused() {
        let column = Attribute { id: 1, name: "x".into(), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None };
        let err = statistics_map(&column, &strings(&["count", "median"]), &[]).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("UNRECOGNIZED_STATISTIC"));
        assert!(statistics_map(&column, &strings(&["COUNT", "Max"]), &[]).is_ok());
    }
}
