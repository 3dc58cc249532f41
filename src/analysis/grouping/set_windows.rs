//! Window functions in the list of a `rollup`, `cube` or `groupingSets` aggregation
//! (`rollup("k").agg(rank().over(Window.orderBy(sum("v"))))`). They run over the
//! aggregation's rows, as Spark's ExtractWindowExpressions plans them: what a window
//! reads (its function's arguments, PARTITION BY and ORDER BY, the expression around
//! it) is computed by the aggregation as hidden columns, and the windows by a
//! projection above it that reads them.

use super::super::builder;
use super::super::naming::auto_name;
use super::super::resolve::Resolver;
use super::super::subquery;
use super::super::{new_plan_id, Conf};
use super::sets::{self, SetSpec};
use crate::error::Result;
use crate::ir::{Expr, Plan};
use std::sync::Arc;

/// The aggregation of `input` over grouping sets, windows in `aggs` computed over it.
pub fn plan(input: Arc<Plan>, columns: Vec<Expr>, spec: SetSpec, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if !aggs.iter().any(has_window) {
        return with_subqueries(input, columns, spec, aggs, conf, plan_id);
    }
    let aggs = Resolver::new(&input, conf).expand_stars(aggs)?;
    let (mut computed, mut hidden, mut top) = (vec![], vec![], vec![]);
    for item in aggs {
        if !has_window(&item) {
            top.push(Top::Column(computed.len()));
            computed.push(item);
            continue;
        }
        // Named as written, before its inputs are hidden.
        let name = auto_name(&item);
        let item = match item {
            Expr::Alias { expr, .. } => *expr,
            other => other,
        };
        top.push(Top::Window(over_hidden(&item, &mut hidden).alias(&name)));
    }
    let n_computed = computed.len() + hidden.len();
    computed.extend(hidden);
    let grouped = Arc::new(with_subqueries(input, columns, spec, computed, conf, new_plan_id())?);
    // The given columns lead the aggregation's output, then its list.
    let given = grouped.output.len() - n_computed;
    let mut list: Vec<Expr> = grouped.output[..given].iter().cloned().map(Expr::Attr).collect();
    for t in top {
        list.push(match t {
            Top::Column(i) => Expr::Attr(grouped.output[given + i].clone()),
            Top::Window(e) => e,
        });
    }
    builder::project(grouped, list, conf, plan_id)
}

/// `sets::plan`, the DataFrame subqueries the list holds joined first (`analysis::subquery`).
/// An explicit set's expression that is a given column reads that column as rewritten.
fn with_subqueries(input: Arc<Plan>, columns: Vec<Expr>, spec: SetSpec, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let given = columns.clone();
    let mut spec = Some(spec);
    subquery::grouping_sets(input, columns, aggs, conf, &mut |input, columns, aggs| {
        let spec = match spec.take().ok_or_else(|| crate::error::Error::internal("grouping sets planned twice"))? {
            SetSpec::Explicit(list) => {
                let read = |e: Expr| given.iter().position(|g| *g == e).map_or(e, |i| columns[i].clone());
                SetSpec::Explicit(list.into_iter().map(|set| set.into_iter().map(read).collect()).collect())
            }
            other => other,
        };
        sets::plan(input, columns, spec, aggs, conf, plan_id)
    })
}

enum Top {
    /// The aggregation's column at this index of its list.
    Column(usize),
    /// A window expression reading hidden columns of the aggregation.
    Window(Expr),
}

const HIDDEN: &str = "__window_input_";

fn has_window(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Window { .. }))
}

/// `e` with what its windows read replaced by hidden columns, pushed to `hidden`.
fn over_hidden(e: &Expr, hidden: &mut Vec<Expr>) -> Expr {
    match e {
        Expr::Window { function, .. } => e.map_children(&mut |c| match std::ptr::eq(c, function.as_ref()) {
            true => c.map_children(&mut |a| hide(a, hidden)),
            false => hide(c, hidden),
        }),
        x if !has_window(x) => hide(x, hidden),
        x => x.map_children(&mut |c| over_hidden(c, hidden)),
    }
}

/// A hidden column computing `x`, read by name over the aggregation.
fn hide(x: &Expr, hidden: &mut Vec<Expr>) -> Expr {
    // Literals stay (a window function's offset or bucket count must be one).
    if matches!(x.without_origin(), Expr::Literal(_) | Expr::Star { .. }) {
        return x.clone();
    }
    let column = format!("{HIDDEN}{}", new_plan_id());
    hidden.push(x.clone().alias(&column));
    Expr::col(&column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{SortKey, WindowSpec};

    fn range(n: i64) -> Arc<Plan> {
        Arc::new(builder::range(0, n, 1).unwrap())
    }

    fn ordered_by(function: Expr, key: Expr) -> Expr {
        let spec = WindowSpec { order_by: vec![SortKey { expr: key, ascending: true, nulls_first: true }], ..WindowSpec::default() };
        Expr::Window { function: Box::new(function), spec: Box::new(spec) }
    }

    #[test]
    fn a_window_over_a_rollup_reads_the_aggregation_s_columns() {
        let conf = Conf::default();
        let w = ordered_by(Expr::func("rank", vec![]), Expr::func("sum", vec![Expr::col("id")])).alias("r");
        let plan = plan(range(3), vec![Expr::col("id")], SetSpec::Rollup, vec![w], &conf, new_plan_id()).unwrap();
        let names: Vec<&str> = plan.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["id", "r"]);
    }
}
