//! `distinct()` / `dropDuplicates()` over a grouped aggregation whose grouping columns it
//! keeps is dropped (Spark's `RemoveRedundantAggregates`, after `Deduplicate` becomes
//! an aggregation): the groups are distinct already. Besides the work saved, Spark then
//! prunes an aggregate nothing above reads, so it never runs (and never raises its ANSI
//! errors): `groupBy(k).agg(sum(s)).dropDuplicates().select(k)` does not cast `s`.

use crate::ir::{Plan, PlanNode};
use std::collections::HashSet;
use std::convert::Infallible;
use std::sync::Arc;

/// The plan without the deduplications its aggregations make redundant.
pub fn remove_redundant(plan: &Arc<Plan>) -> Arc<Plan> {
    let rewritten: Result<Arc<Plan>, Infallible> = plan.transform_down(&mut |p: &Arc<Plan>| {
        let PlanNode::Deduplicate { input, keys } = &p.node else { return Ok(None) };
        if !groups_are_distinct_on(input, &keys.iter().map(|a| a.id).collect()) {
            return Ok(None);
        }
        Ok(Some(remove_redundant(input)))
    });
    match rewritten {
        Ok(p) => p,
        Err(never) => match never {},
    }
}

/// Whether `plan` is a grouped aggregation every grouping column of which is among `ids`.
fn groups_are_distinct_on(plan: &Plan, ids: &HashSet<u64>) -> bool {
    let PlanNode::Aggregate { keys, grouping_sets: None, .. } = &plan.node else { return false };
    let output: HashSet<u64> = plan.output.iter().map(|a| a.id).collect();
    keys.iter().all(|k| output.contains(&k.attr.id) && ids.contains(&k.attr.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder;
    use crate::analysis::{new_plan_id, Conf};
    use crate::ir::Expr;

    fn grouped() -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        Arc::new(builder::aggregate(r, vec![Expr::col("id")], vec![Expr::func("count", vec![Expr::col("id")]).alias("n")], &conf, new_plan_id()).unwrap())
    }

    #[test]
    fn a_distinct_over_groups_it_keeps_is_dropped() {
        let conf = Conf::default();
        let all = Arc::new(builder::deduplicate(grouped(), None, &conf, new_plan_id()).unwrap());
        assert!(matches!(remove_redundant(&all).node, PlanNode::Aggregate { .. }));
        let by_key = Arc::new(builder::deduplicate(grouped(), Some(&["id".to_string()]), &conf, new_plan_id()).unwrap());
        assert!(matches!(remove_redundant(&by_key).node, PlanNode::Aggregate { .. }));
    }

    #[test]
    fn a_distinct_without_the_grouping_column_stays() {
        let conf = Conf::default();
        let by_count = Arc::new(builder::deduplicate(grouped(), Some(&["n".to_string()]), &conf, new_plan_id()).unwrap());
        assert!(matches!(remove_redundant(&by_count).node, PlanNode::Deduplicate { .. }));
    }
}
