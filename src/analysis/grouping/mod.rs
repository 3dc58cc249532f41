//! `GroupedData`: what `groupBy`, `rollup`, `cube`, `groupingSets` and `pivot` hold
//! until an aggregation is asked for, and the plans each aggregation form becomes.
//! Everything PySpark's `GroupedData` does on the JVM side is here: the `agg(dict)`
//! form (`dict`), the numeric shortcuts (`sum()`, `avg("x")`...), grouping sets with
//! Spark's grouping id (`sets`) and pivots, whose values may come from running a query
//! during analysis, as Spark's do (`pivot`).

pub mod dict;
pub mod pivot;
pub mod set_windows;
pub mod sets;

use super::builder;
use super::resolve::Resolver;
use super::Conf;
use crate::error::{Error, Result};
use crate::ir::{Attribute, Expr, Plan, Value};
use std::sync::Arc;

/// Runs a plan while another is being analysed (Spark collects a pivot column's
/// distinct values and evaluates pivot values this way). The session implements it;
/// analysis only sees the values.
pub trait QueryRunner {
    /// Every row of the plan's result, one value per output column.
    fn collect(&self, plan: &Plan) -> Result<Vec<Vec<Value>>>;
}

/// How the rows are grouped.
#[derive(Debug, Clone)]
pub enum GroupKind {
    GroupBy,
    Rollup,
    Cube,
    /// `groupingSets(sets, *cols)`: the sets, each a list of expressions.
    GroupingSets(Vec<Vec<Expr>>),
    /// `groupBy(...).pivot(column, values)`, the values cast to the column's type.
    Pivot { column: Expr, values: Vec<pivot::PivotValue> },
}

impl GroupKind {
    /// As Spark's `RelationalGroupedDataset` names its group type.
    pub fn name(&self) -> &'static str {
        match self {
            GroupKind::GroupBy => "GroupBy",
            GroupKind::Rollup => "Rollup",
            GroupKind::Cube => "Cube",
            GroupKind::GroupingSets(_) => "GroupingSets",
            GroupKind::Pivot { .. } => "Pivot",
        }
    }
}

/// A DataFrame with its grouping, before aggregation.
#[derive(Debug, Clone)]
pub struct GroupedData {
    pub input: Arc<Plan>,
    /// The grouping expressions as given (they lead the output of every aggregation).
    pub keys: Vec<Expr>,
    pub kind: GroupKind,
}

/// The numeric shortcuts of `GroupedData`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericAggregate {
    Sum,
    Avg,
    Min,
    Max,
}

impl NumericAggregate {
    pub fn parse(name: &str) -> Option<NumericAggregate> {
        Some(match name {
            "sum" => NumericAggregate::Sum,
            "avg" | "mean" => NumericAggregate::Avg,
            "min" => NumericAggregate::Min,
            "max" => NumericAggregate::Max,
            _ => return None,
        })
    }

    fn function(self) -> &'static str {
        match self {
            NumericAggregate::Sum => "sum",
            NumericAggregate::Avg => "avg",
            NumericAggregate::Min => "min",
            NumericAggregate::Max => "max",
        }
    }
}

impl GroupedData {
    pub fn new(input: Arc<Plan>, keys: Vec<Expr>, kind: GroupKind) -> Self {
        GroupedData { input, keys, kind }
    }

    /// `agg(*cols)`: the grouping columns, then the aggregates.
    pub fn agg(&self, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
        let input = self.input.clone();
        let keys = self.keys.clone();
        match &self.kind {
            GroupKind::GroupBy => builder::aggregate(input, keys, aggs, conf, plan_id),
            GroupKind::Rollup => set_windows::plan(input, keys, sets::SetSpec::Rollup, aggs, conf, plan_id),
            GroupKind::Cube => set_windows::plan(input, keys, sets::SetSpec::Cube, aggs, conf, plan_id),
            GroupKind::GroupingSets(list) => set_windows::plan(input, keys, sets::SetSpec::Explicit(list.clone()), aggs, conf, plan_id),
            GroupKind::Pivot { column, values } => pivot::plan(input, keys, column, values, aggs, conf, plan_id),
        }
    }

    /// `agg({"col": "function"})`, as Spark reads the map.
    pub fn agg_dict(&self, pairs: &[(String, String)], conf: &Conf, plan_id: u64) -> Result<Plan> {
        self.agg(dict::aggregates(pairs, &self.input.output), conf, plan_id)
    }

    /// `count()`: rows per group, in a column named `count`.
    pub fn count(&self, conf: &Conf, plan_id: u64) -> Result<Plan> {
        let count = Expr::func("count", vec![Expr::lit(Value::Integer(1))]).alias("count");
        self.agg(vec![count], conf, plan_id)
    }

    /// `sum(*cols)`, `avg`/`mean`, `min`, `max`: over the named columns, which must be
    /// numeric, or over every numeric column when none is named.
    pub fn numeric(&self, aggregate: NumericAggregate, columns: &[String], conf: &Conf, plan_id: u64) -> Result<Plan> {
        let function = aggregate.function();
        let aggs = if columns.is_empty() {
            self.input
                .output
                .iter()
                .filter(|a| a.data_type.is_numeric())
                .map(|a| Expr::func(function, vec![Expr::Attr(a.clone())]))
                .collect()
        } else {
            let resolver = Resolver::new(&self.input, conf);
            columns
                .iter()
                .map(|name| {
                    let resolved = resolver.resolve(column_reference(name))?;
                    if !super::typing::data_type(&resolved).is_numeric() {
                        return Err(Error::analysis(
                            "_LEGACY_ERROR_TEMP_1323",
                            format!("\"{name}\" is not a numeric column. Aggregation function can only be applied on a numeric column."),
                        ));
                    }
                    // Spark resolves the name to a column, or to a nested field aliased
                    // by its last part, and shows that expression: `sum(s.a AS a)`.
                    let shown = match &resolved {
                        Expr::Attr(_) => name.clone(),
                        _ => format!("{} AS {}", name, column_parts(name).last().cloned().unwrap_or_default()),
                    };
                    let name = format!("{function}({shown})");
                    let metadata = Some(Arc::from(builder::AUTO_GENERATED_ALIAS));
                    Ok(Expr::Alias { expr: Box::new(Expr::func(function, vec![resolved])), name, metadata })
                })
                .collect::<Result<Vec<_>>>()?
        };
        self.agg(aggs, conf, plan_id)
    }

    /// `pivot(column, values)`. Without values, the column's distinct values are
    /// collected now, sorted, as Spark does (at most `max_values` of them).
    pub fn pivot(&self, column: Expr, values: Option<Vec<Expr>>, max_values: usize, conf: &Conf, runner: &dyn QueryRunner) -> Result<GroupedData> {
        let values = match values {
            Some(list) => list
                .into_iter()
                .map(|e| match e {
                    Expr::Literal(v) => Ok(v),
                    other => Err(Error::internal(format!("pivot value {other:?} is not a literal"))),
                })
                .collect::<Result<Vec<_>>>()?,
            None => pivot::distinct_values(&self.input, &column, max_values, conf, runner)?,
        };
        let values = pivot::cast_values(&self.input, &column, values, conf, runner)?;
        Ok(GroupedData { input: self.input.clone(), keys: self.keys.clone(), kind: GroupKind::Pivot { column, values } })
    }
}

/// A column named by a string, as `df.col(name)` reads it: `a.b` is field `b` of `a`,
/// backticks quote names with dots, `*` is every column.
pub fn column_reference(name: &str) -> Expr {
    if name == "*" {
        return Expr::Star { qualifier: None, plan_id: None };
    }
    Expr::Unresolved { parts: column_parts(name), plan_id: None }
}

pub(super) fn column_parts(name: &str) -> Vec<String> {
    let mut parts = vec![];
    let mut current = String::new();
    let mut quoted = false;
    for c in name.chars() {
        match c {
            '`' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// Expressions compared as Spark's `semanticEquals` does for grouping: a column is
/// the same column whatever name or qualifier it was reached by.
pub(super) fn same_expr(a: &Expr, b: &Expr) -> bool {
    canonical(a) == canonical(b)
}

fn canonical(e: &Expr) -> Expr {
    e.strip_origins().transform_up(&mut |node| match node {
        Expr::Attr(a) => Expr::Attr(Attribute { id: a.id, name: String::new(), data_type: a.data_type, nullable: false, qualifier: None, metadata: None }),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_split_on_unquoted_dots() {
        assert_eq!(column_parts("a.b"), vec!["a", "b"]);
        assert_eq!(column_parts("`a.b`"), vec!["a.b"]);
        assert_eq!(column_parts("x"), vec!["x"]);
    }
}
