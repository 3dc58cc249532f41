//! Spark's `ColumnPruning`: a projection's column or an aggregation's aggregate that
//! nothing above reads is dropped before the plan runs. Besides the work saved, what
//! is dropped never runs, so it never raises its ANSI errors either:
//! `spark.sql("SELECT CAST('x' AS TIMESTAMP) AS t, 1 AS one FROM v").select("one")`
//! gives its rows in Spark, and so here.
//!
//! The pruning goes down through the nodes that pass their input's columns on
//! (filters, sorts, limits, aliases), each keeping the columns it reads itself; any
//! other node keeps all of its input's columns (a `distinct` compares whole rows, a
//! join's output is its own list), though projections further down are still pruned to
//! what those columns read.

use crate::ir::{Plan, PlanNode};
use std::collections::HashSet;
use std::sync::Arc;

/// The plan with every column nothing reads pruned; its own output is unchanged.
pub fn prune(plan: &Arc<Plan>) -> Arc<Plan> {
    prune_to(plan, None)
}

/// `plan` computing at least the columns of `required` (all of its output for `None`).
fn prune_to(plan: &Arc<Plan>, required: Option<&HashSet<u64>>) -> Arc<Plan> {
    let wanted = |id: u64| required.is_none_or(|r| r.contains(&id));
    match &plan.node {
        PlanNode::Project { input, exprs } => {
            let kept: Vec<_> = exprs.iter().filter(|n| wanted(n.attr.id)).cloned().collect();
            let reads: HashSet<u64> = kept.iter().flat_map(|n| n.expr.attribute_ids()).collect();
            let input = prune_to(input, Some(&reads));
            let output = plan.output.iter().filter(|a| wanted(a.id)).cloned().collect();
            Arc::new(Plan { plan_id: plan.plan_id, node: PlanNode::Project { input, exprs: kept }, output })
        }
        PlanNode::Aggregate { input, keys, aggs, grouping_sets: None } => {
            let mut kept: Vec<_> = aggs.iter().filter(|n| wanted(n.attr.id)).cloned().collect();
            if keys.is_empty() && kept.is_empty() {
                // A global aggregate is one row whatever it computes; with nothing to
                // compute the lowering has no row to give, so all of it stays.
                kept = aggs.clone();
            }
            let mut reads: HashSet<u64> = keys.iter().chain(&kept).flat_map(|n| n.expr.attribute_ids()).collect();
            reads.extend(keys.iter().map(|k| k.attr.id));
            let input = prune_to(input, Some(&reads));
            if kept.len() == aggs.len() {
                return Arc::new(plan.with_inputs(vec![input]));
            }
            let key_ids: HashSet<u64> = keys.iter().map(|k| k.attr.id).collect();
            let kept_ids: HashSet<u64> = kept.iter().map(|n| n.attr.id).collect();
            let output = plan.output.iter().filter(|a| key_ids.contains(&a.id) || kept_ids.contains(&a.id)).cloned().collect();
            let node = PlanNode::Aggregate { input, keys: keys.clone(), aggs: kept, grouping_sets: None };
            Arc::new(Plan { plan_id: plan.plan_id, node, output })
        }
        PlanNode::Filter { input, .. } | PlanNode::Sort { input, .. } | PlanNode::Limit { input, .. } | PlanNode::Offset { input, .. } | PlanNode::SubqueryAlias { input, .. } => {
            let Some(required) = required else {
                return Arc::new(plan.with_inputs(vec![prune_to(input, None)]));
            };
            let mut reads = required.clone();
            reads.extend(plan.expressions().into_iter().flat_map(|e| e.attribute_ids()));
            let input = prune_to(input, Some(&reads));
            // The columns this node passes on are those its pruned input still has.
            let left: HashSet<u64> = input.output.iter().map(|a| a.id).collect();
            let mut pruned = plan.with_inputs(vec![input]);
            pruned.output.retain(|a| left.contains(&a.id));
            Arc::new(pruned)
        }
        _ => {
            let children = plan.children();
            if children.is_empty() {
                return plan.clone();
            }
            Arc::new(plan.with_inputs(children.into_iter().map(|c| prune_to(c, None)).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder;
    use crate::analysis::{new_plan_id, Conf};
    use crate::ir::{Expr, Value};

    fn names(plan: &Plan) -> Vec<String> {
        plan.output.iter().map(|a| a.name.clone()).collect()
    }

    #[test]
    fn a_column_nothing_reads_is_not_computed() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let two = Arc::new(
            builder::project(r, vec![Expr::col("id").alias("a"), Expr::lit(Value::Integer(1)).alias("b")], &conf, new_plan_id()).unwrap(),
        );
        let only_b = Arc::new(builder::project(two, vec![Expr::col("b")], &conf, new_plan_id()).unwrap());
        let pruned = prune(&only_b);
        assert_eq!(names(&pruned), vec!["b"]);
        let PlanNode::Project { input, .. } = &pruned.node else { panic!("a projection") };
        assert_eq!(names(input), vec!["b"]);
    }

    #[test]
    fn an_aggregate_nothing_reads_is_dropped_through_a_filter() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let aggs = vec![Expr::func("count", vec![Expr::col("id")]).alias("n"), Expr::func("sum", vec![Expr::col("id")]).alias("s")];
        let grouped = Arc::new(builder::aggregate(r, vec![Expr::col("id")], aggs, &conf, new_plan_id()).unwrap());
        let cond = Expr::binary(crate::ir::BinaryOp::Gt, Expr::col("id"), Expr::lit(Value::Long(1)));
        let filtered = Arc::new(builder::filter(grouped, cond, &conf, new_plan_id()).unwrap());
        let top = Arc::new(builder::project(filtered, vec![Expr::col("n")], &conf, new_plan_id()).unwrap());
        let pruned = prune(&top);
        assert_eq!(names(&pruned), vec!["n"]);
        let PlanNode::Project { input: filter, .. } = &pruned.node else { panic!("a projection") };
        assert_eq!(names(filter), vec!["id", "n"]);
        let PlanNode::Aggregate { aggs, .. } = &filter.children()[0].node else { panic!("an aggregate") };
        assert_eq!(aggs.len(), 1);
    }

    #[test]
    fn the_root_keeps_its_columns() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let two = Arc::new(builder::project(r, vec![Expr::col("id").alias("a"), Expr::col("id").alias("b")], &conf, new_plan_id()).unwrap());
        assert_eq!(names(&prune(&two)), vec!["a", "b"]);
    }
}
