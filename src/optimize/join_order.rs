//! The relations of `FROM a, b, c WHERE ...` joined in an order where each join has a
//! condition when one exists (Spark's `ReorderJoin`): as written, `FROM sales, dim1,
//! dim2, customer WHERE sales.k1 = dim1.k AND customer.k2 = dim2.k AND ...` crosses
//! `sales ⋈ dim1` with all of `dim2` before `customer` names its key (TPC-DS q18,
//! q64). Greedily, as Spark: the first relation, then each time the first remaining
//! one that a condition ties to those joined so far, else the next one. The filter is
//! kept over the new tree (the join-predicate rule then makes its keys), and a
//! projection restores the columns' order.

use crate::analysis::new_plan_id;
use crate::ir::{BinaryOp, Expr, JoinType, NamedExpr, Plan, PlanNode};
use std::collections::HashSet;
use std::sync::Arc;

pub fn reorder_joins(plan: &Arc<Plan>) -> Arc<Plan> {
    if let PlanNode::Filter { input, condition } = &plan.node {
        let mut leaves = vec![];
        collect_leaves(input, &mut leaves);
        if leaves.len() > 2 {
            let leaves: Vec<Arc<Plan>> = leaves.iter().map(reorder_joins).collect();
            let mut conditions = vec![];
            conjuncts(condition, &mut conditions);
            let order = greedy_order(&leaves, &conditions);
            let joined = order
                .iter()
                .map(|&i| leaves[i].clone())
                .reduce(cross_join)
                .unwrap_or_else(|| input.clone());
            let filter = Arc::new(Plan {
                plan_id: plan.plan_id,
                node: PlanNode::Filter { input: joined.clone(), condition: condition.clone() },
                output: joined.output.clone(),
            });
            let exprs = plan.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
            return Arc::new(Plan { plan_id: new_plan_id(), node: PlanNode::Project { input: filter, exprs }, output: plan.output.clone() });
        }
    }
    let children = plan.children();
    if children.is_empty() {
        return plan.clone();
    }
    let inputs = children.into_iter().map(reorder_joins).collect();
    Arc::new(plan.with_inputs(inputs))
}

/// The relations under a tree of plain cross joins (no keys, no condition, the two
/// sides' columns as they are), left to right; anything else is one relation.
fn collect_leaves(plan: &Arc<Plan>, out: &mut Vec<Arc<Plan>>) {
    match &plan.node {
        PlanNode::Join { left, right, join_type: JoinType::Cross | JoinType::Inner, keys, residual: None, output }
            if keys.is_empty() && passes_sides_through(left, right, output) =>
        {
            collect_leaves(left, out);
            collect_leaves(right, out);
        }
        _ => out.push(plan.clone()),
    }
}

fn passes_sides_through(left: &Plan, right: &Plan, output: &[NamedExpr]) -> bool {
    let sides: Vec<_> = left.output.iter().chain(&right.output).collect();
    sides.len() == output.len()
        && sides.iter().zip(output).all(|(a, n)| matches!(&n.expr, Expr::Attr(b) if b.id == a.id && b.nullable == a.nullable) && n.attr.id == a.id)
}

/// Spark's `ReorderJoin.createOrderedJoin`: indexes of `leaves` in join order.
fn greedy_order(leaves: &[Arc<Plan>], conditions: &[Expr]) -> Vec<usize> {
    let ids: Vec<HashSet<u64>> = leaves.iter().map(|l| l.output.iter().map(|a| a.id).collect()).collect();
    let refs: Vec<HashSet<u64>> = conditions.iter().map(Expr::attribute_ids).collect();
    let mut remaining: Vec<usize> = (1..leaves.len()).collect();
    let mut order = vec![0];
    let mut joined = ids[0].clone();
    while !remaining.is_empty() {
        let ties = |i: usize| {
            refs.iter().any(|r| {
                !r.is_empty() && r.iter().all(|x| joined.contains(x) || ids[i].contains(x)) && !r.is_subset(&joined) && !r.is_subset(&ids[i])
            })
        };
        let at = remaining.iter().position(|&i| ties(i)).unwrap_or(0);
        let next = remaining.remove(at);
        joined.extend(ids[next].iter().copied());
        order.push(next);
    }
    order
}

fn cross_join(left: Arc<Plan>, right: Arc<Plan>) -> Arc<Plan> {
    let output: Vec<NamedExpr> =
        left.output.iter().chain(&right.output).map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
    let attrs = output.iter().map(|n| n.attr.clone()).collect();
    let node = PlanNode::Join { left, right, join_type: JoinType::Cross, keys: vec![], residual: None, output };
    Arc::new(Plan { plan_id: new_plan_id(), node, output: attrs })
}

fn conjuncts(e: &Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary { op: BinaryOp::And, left, right } => {
            conjuncts(left, out);
            conjuncts(right, out);
        }
        other => out.push(other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder::{self, JoinOn};
    use crate::analysis::Conf;

    fn relation(name: &str) -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 3, 1).unwrap());
        Arc::new(builder::project(r, vec![Expr::col("id").alias(name)], &conf, new_plan_id()).unwrap())
    }

    fn eq(a: &Plan, b: &Plan) -> Expr {
        Expr::binary(BinaryOp::Eq, Expr::Attr(a.output[0].clone()), Expr::Attr(b.output[0].clone()))
    }

    #[test]
    fn a_relation_tied_by_a_later_one_waits_for_it() {
        // FROM sales, dim, customer WHERE sales = customer AND customer = dim: dim second
        // would be a cross join; customer goes first.
        let (sales, dim, customer) = (relation("sales"), relation("dim"), relation("customer"));
        let conditions = vec![eq(&sales, &customer), eq(&customer, &dim)];
        assert_eq!(greedy_order(&[sales, dim, customer], &conditions), vec![0, 2, 1]);
    }

    #[test]
    fn the_columns_keep_their_order_over_the_reordered_joins() {
        let conf = Conf::default();
        let (a, b, c) = (relation("a"), relation("b"), relation("c"));
        let cond = Expr::binary(BinaryOp::And, eq(&a, &c), eq(&c, &b));
        let ab = Arc::new(builder::join(a, b, JoinOn::None, JoinType::Cross, &conf, new_plan_id()).unwrap());
        let abc = Arc::new(builder::join(ab, c, JoinOn::None, JoinType::Cross, &conf, new_plan_id()).unwrap());
        let filtered = Arc::new(builder::filter(abc, cond, &conf, new_plan_id()).unwrap());
        let reordered = reorder_joins(&filtered);
        assert_eq!(reordered.output, filtered.output);
        let PlanNode::Project { input, .. } = &reordered.node else { panic!("{reordered:?}") };
        let names: Vec<&str> = input.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["a", "c", "b"]);
    }
}
