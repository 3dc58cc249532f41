//! `DataFrame.transpose(indexColumn)`, resolved as Spark's analyzer resolves `Transpose`:
//! the index column's non-NULL values, sorted, become the output columns (named by
//! their text), and every other column becomes a row (`key` = its name) of values cast
//! to the columns' tightest common type. The values are collected now, as Spark does.

use super::builder::{self, node};
use super::grouping::QueryRunner;
use super::resolve::Resolver;
use super::typing::tightest_common_type;
use super::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{Attribute, CastKind, DataType, Expr, NamedExpr, Plan, PlanNode, SortKey, Value};
use std::sync::Arc;

/// `spark.sql.transposeMaxValues`' default.
pub const TRANSPOSE_MAX_VALUES: usize = 500;

pub fn transpose(input: Arc<Plan>, index: Option<Expr>, max_values: usize, conf: &Conf, runner: &dyn QueryRunner, plan_id: u64) -> Result<Plan> {
    let index = index_column(&input, index, conf)?;
    let columns: Vec<&Attribute> = input.output.iter().filter(|a| index.as_ref().is_none_or(|i| a.id != i.id)).collect();
    // Without value columns Spark types the (empty) value columns STRING.
    let mut common = if columns.is_empty() { DataType::String } else { DataType::Null };
    for c in &columns {
        common = tightest_common_type(&common, &c.data_type, true).ok_or_else(|| no_common_type(&common, &c.data_type))?;
    }
    let (names, rows) = match &index {
        Some(index) => collect_values(&input, index, &columns, &common, max_values, conf, runner)?,
        None => (vec![], vec![]),
    };
    build(&columns, &names, &rows, &common, conf, plan_id)
}

/// The index: the column given (a plain column of an atomic type), else the first.
fn index_column(input: &Plan, index: Option<Expr>, conf: &Conf) -> Result<Option<Attribute>> {
    let attr = match index {
        None => match input.output.first() {
            Some(a) => a.clone(),
            None => return Ok(None),
        },
        Some(e) => match Resolver::new(input, conf).resolve(e)? {
            Expr::Attr(a) => a,
            _ => return Err(invalid_index("Index column must be an atomic attribute".into())),
        },
    };
    if matches!(attr.data_type, DataType::Array(..) | DataType::Map(..) | DataType::Struct(_)) {
        return Err(invalid_index(format!("Index column must be of atomic type, but found: {}", catalyst_string(&attr.data_type))));
    }
    Ok(Some(attr))
}

/// The index values as text (the output's column names) and, per index row, the other
/// columns' values cast to `common`: non-NULL index rows, in the index's order.
fn collect_values(
    input: &Arc<Plan>,
    index: &Attribute,
    columns: &[&Attribute],
    common: &DataType,
    max_values: usize,
    conf: &Conf,
    runner: &dyn QueryRunner,
) -> Result<(Vec<String>, Vec<Vec<Value>>)> {
    let indexed = Expr::Attr(index.clone());
    let present = Arc::new(builder::filter(input.clone(), Expr::IsNotNull(Box::new(indexed.clone())), conf, new_plan_id())?);
    let sorted = Arc::new(builder::sort(present, vec![Expr::Sort(Box::new(SortKey { expr: indexed.clone(), ascending: true, nulls_first: true }))], conf, new_plan_id())?);
    let bounded = Arc::new(builder::limit(sorted, max_values.saturating_add(1), new_plan_id()));
    let mut list = vec![cast(indexed, &DataType::String).alias("index")];
    list.extend(columns.iter().enumerate().map(|(i, c)| cast(Expr::Attr((*c).clone()), common).alias(&format!("v{i}"))));
    let query = builder::project(bounded, list, conf, new_plan_id())?;
    let rows = runner.collect(&query)?;
    if rows.len() > max_values {
        return Err(Error::new(
            ErrorKind::Analysis,
            "TRANSPOSE_EXCEED_ROW_LIMIT",
            format!("Number of rows exceeds the allowed limit of {max_values} for TRANSPOSE. If this was intended, set spark.sql.transposeMaxValues to at least the current row count."),
        )
        .with_param("maxValues", max_values.to_string())
        .with_param("config", "spark.sql.transposeMaxValues"));
    }
    let mut names = Vec::with_capacity(rows.len());
    let mut values = Vec::with_capacity(rows.len());
    for mut row in rows {
        let rest = row.split_off(1);
        names.push(match row.pop() {
            Some(Value::String(s)) => s,
            other => return Err(Error::internal(format!("transpose index text {other:?}"))),
        });
        values.push(rest);
    }
    Ok((names, values))
}

/// The transposed frame: one row per non-index column, literal values over a one-row
/// relation (at most `spark.sql.transposeMaxValues` columns), every value column nullable.
fn build(columns: &[&Attribute], names: &[String], rows: &[Vec<Value>], common: &DataType, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let row_of = |key: Expr, at: Option<usize>| -> Vec<Expr> {
        let mut list = vec![key.alias("key")];
        list.extend(names.iter().enumerate().map(|(i, name)| {
            let v = at.and_then(|j| rows.get(i).and_then(|r| r.get(j))).cloned().unwrap_or(Value::Null);
            cast(Expr::Literal(v), common).alias(name)
        }));
        list
    };
    let stacked = if columns.is_empty() {
        // No rows: the columns' types from a relation without rows.
        let empty = Arc::new(builder::range(0, 0, 1)?);
        builder::project(empty, row_of(Expr::Literal(Value::String(String::new())), None), conf, new_plan_id())?
    } else {
        let one = Arc::new(builder::range(0, 1, 1)?);
        let mut branches = columns
            .iter()
            .enumerate()
            .map(|(j, c)| builder::project(one.clone(), row_of(Expr::Literal(Value::String(c.name.clone())), Some(j)), conf, new_plan_id()))
            .collect::<Result<Vec<_>>>()?;
        match branches.len() {
            1 => branches.remove(0),
            _ => builder::union(branches.into_iter().map(Arc::new).collect(), conf, new_plan_id())?,
        }
    };
    let exprs: Vec<NamedExpr> = stacked
        .output
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let attr = Attribute { id: new_attr_id(), nullable: i > 0, qualifier: None, metadata: None, ..a.clone() };
            NamedExpr { expr: Expr::Attr(a.clone()), attr }
        })
        .collect();
    let output = exprs.iter().map(|n| n.attr.clone()).collect();
    Ok(node(plan_id, PlanNode::Project { input: Arc::new(stacked), exprs }, output))
}

fn cast(e: Expr, to: &DataType) -> Expr {
    Expr::Cast { expr: Box::new(e), to: to.clone(), kind: CastKind::Cast }
}

fn invalid_index(reason: String) -> Error {
    Error::new(ErrorKind::Analysis, "TRANSPOSE_INVALID_INDEX_COLUMN", format!("Invalid index column for TRANSPOSE because: {reason}")).with_param("reason", reason)
}

fn no_common_type(a: &DataType, b: &DataType) -> Error {
    let (dt1, dt2) = (format!("\"{}\"", a.sql()), format!("\"{}\"", b.sql()));
    Error::new(
        ErrorKind::Analysis,
        "TRANSPOSE_NO_LEAST_COMMON_TYPE",
        format!("Transpose requires non-index columns to share a least common type, but {dt1} and {dt2} do not."),
    )
    .with_param("dt1", dt1)
    .with_param("dt2", dt2)
}

/// A type as Catalyst's `DataType.toString` writes it (`ArrayType(IntegerType,true)`).
fn catalyst_string(t: &DataType) -> String {
    use DataType::*;
    match t {
        Null => "NullType".into(),
        Boolean => "BooleanType".into(),
        Byte => "ByteType".into(),
        Short => "ShortType".into(),
        Integer => "IntegerType".into(),
        Long => "LongType".into(),
        Float => "FloatType".into(),
        Double => "DoubleType".into(),
        Decimal(p, s) => format!("DecimalType({p},{s})"),
        String => "StringType".into(),
        Binary => "BinaryType".into(),
        Date => "DateType".into(),
        Timestamp => "TimestampType".into(),
        TimestampNtz => "TimestampNTZType".into(),
        Array(e, n) => format!("ArrayType({},{n})", catalyst_string(e)),
        Map(k, v, n) => format!("MapType({},{},{n})", catalyst_string(k), catalyst_string(v)),
        Struct(fields) => {
            let shown: Vec<std::string::String> = fields.iter().map(|f| format!("StructField({},{},{})", f.name, catalyst_string(&f.data_type), f.nullable)).collect();
            format!("StructType({})", shown.join(","))
        }
        DayTimeInterval(..) | YearMonthInterval(..) | CalendarInterval => t.simple_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DataType::*;

    #[test]
    fn catalyst_type_text() {
        assert_eq!(catalyst_string(&Array(Box::new(Integer), true)), "ArrayType(IntegerType,true)");
        assert_eq!(catalyst_string(&Map(Box::new(String), Box::new(Long), false)), "MapType(StringType,LongType,false)");
    }
}
