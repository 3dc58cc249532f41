//! `DataFrame.observe(observation, *metrics)`: a `CollectMetrics` node over the input,
//! its metrics checked as Spark's analysis checks them (a column only inside an
//! aggregate, no aggregate inside another) and planned as a global aggregate of the
//! input, which the session runs with the action that executes the node.

use super::builder::{self, node, project_list};
use super::functions::is_aggregate_call;
use super::resolve::Scope;
use super::{new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::{Expr, NamedExpr, Plan, PlanNode, Recursion};
use std::sync::Arc;

pub fn observe(input: Arc<Plan>, key: u64, metrics: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    // Nested aggregates first, as written: resolution would refuse them otherwise.
    for m in &metrics {
        if let Some(Violation::Nested) = violation(m.unalias(), false) {
            return Err(refused(Violation::Nested, &super::naming::sql_text(m)));
        }
    }
    let resolved = project_list(&input, metrics.clone(), conf, Scope { aggregates: true, ..Scope::default() })?;
    for m in &resolved {
        check_metric(m)?;
    }
    let plan = builder::global_aggregate(input.clone(), metrics, conf, new_plan_id())?;
    let output = input.output.clone();
    Ok(node(plan_id, PlanNode::CollectMetrics { input, key, metrics: Arc::new(plan) }, output))
}

/// What Spark's `CheckAnalysis` refuses in a metric.
enum Violation {
    /// A column outside any aggregate.
    Attribute,
    /// An aggregate inside another.
    Nested,
    /// `count(DISTINCT x)`.
    Distinct,
}

fn invalid(sub: &str, message: String) -> Error {
    Error::analysis(&format!("INVALID_OBSERVED_METRICS.{sub}"), format!("Invalid observed metrics. {message}"))
}

/// Spark's error for a metric (`shown`: the whole metric, as Spark names it).
fn refused(violation: Violation, shown: &str) -> Error {
    match violation {
        Violation::Attribute => {
            invalid("NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE", format!("Attribute \"{shown}\" can only be used as an argument to an aggregate function."))
        }
        Violation::Nested => invalid("NESTED_AGGREGATES_UNSUPPORTED", format!("Nested aggregates are not allowed in observed metrics, but found: \"{shown}\".")),
        Violation::Distinct => invalid(
            "AGGREGATE_EXPRESSION_WITH_DISTINCT_UNSUPPORTED",
            format!("Aggregate expressions with DISTINCT are not allowed in observed metrics, but found: \"{shown}\"."),
        ),
    }
}

fn check_metric(metric: &NamedExpr) -> Result<()> {
    match violation(&metric.expr, false) {
        None => Ok(()),
        Some(v) => {
            let shown = match &metric.expr {
                Expr::Attr(a) => a.name.clone(),
                e => format!("{} AS {}", super::naming::sql_text(e), metric.attr.name),
            };
            Err(refused(v, &shown))
        }
    }
}

fn violation(e: &Expr, in_aggregate: bool) -> Option<Violation> {
    let mut found = None;
    e.apply(&mut |x| {
        if is_aggregate_call(x) {
            let distinct = matches!(x, Expr::Call(c) if c.distinct) || matches!(x, Expr::Function { distinct: true, .. });
            found = if in_aggregate {
                Some(Violation::Nested)
            } else if distinct {
                Some(Violation::Distinct)
            } else {
                x.children().into_iter().find_map(|c| violation(c, true))
            };
            return if found.is_some() { Recursion::Stop } else { Recursion::Jump };
        }
        match x {
            Expr::Attr(_) if !in_aggregate => {
                found = Some(Violation::Attribute);
                Recursion::Stop
            }
            _ => Recursion::Continue,
        }
    });
    found
}
