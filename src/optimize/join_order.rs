//! The relations of an inner-join chain joined in an order where each join has a
//! condition when one exists (Spark's `ReorderJoin`), joining first the relations a
//! filter of their own makes small. As written, `FROM sales, dim1, dim2, customer WHERE
//! sales.k1 = dim1.k AND customer.k2 = dim2.k AND ...` crosses `sales ⋈ dim1` with all
//! of `dim2` before `customer` names its key (TPC-DS q18, q64); q72's `catalog_sales JOIN
//! inventory ... JOIN date_dim d1 ... WHERE d1.d_year = 1999` pairs every sale with
//! every week of its item's inventory before the year filter of `d1` applies. Greedily:
//! the first relation, then each time the first remaining one that a condition ties to
//! those joined so far and a filter of its own reduces, else the first one tied, else
//! the next one (Spark orders by the ties alone; the answer is the same rows). The
//! conditions are kept as one filter over the new tree (the join-predicate rule then
//! makes its keys again), and a projection restores the columns' order. A chain whose
//! order does not change is left as it was.

use crate::analysis::new_plan_id;
use crate::ir::{BinaryOp, Expr, JoinType, NamedExpr, Plan, PlanNode};
use std::collections::HashSet;
use std::sync::Arc;

/// Runs after filters were pushed down: the relations' own filters sit on them, and
/// the chain's conditions are join keys, residuals or a filter over the chain.
pub fn reorder_joins(plan: &Arc<Plan>) -> Arc<Plan> {
    let (input, mut conditions) = match &plan.node {
        PlanNode::Filter { input, condition } => {
            let mut parts = vec![];
            conjuncts(condition, &mut parts);
            (input, parts)
        }
        _ => (plan, vec![]),
    };
    let mut leaves = vec![];
    collect_leaves(input, &mut leaves, &mut conditions);
    if leaves.len() > 2 {
        let leaves: Vec<Arc<Plan>> = leaves.iter().map(reorder_joins).collect();
        let order = greedy_order(&leaves, &conditions);
        if order.iter().enumerate().any(|(i, &j)| i != j) {
            let joined = order.iter().map(|&i| leaves[i].clone()).reduce(cross_join).expect("leaves");
            let filter = match conditions.into_iter().reduce(|a, b| Expr::binary(BinaryOp::And, a, b)) {
                Some(condition) => Arc::new(Plan { plan_id: plan.plan_id, node: PlanNode::Filter { input: joined.clone(), condition }, output: joined.output.clone() }),
                None => joined,
            };
            let exprs = plan.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
            return Arc::new(Plan { plan_id: new_plan_id(), node: PlanNode::Project { input: filter, exprs }, output: plan.output.clone() });
        }
    }
    if leaves.len() > 1 {
        return in_leaves(plan);
    }
    let children = plan.children();
    if children.is_empty() {
        return plan.clone();
    }
    let inputs = children.into_iter().map(reorder_joins).collect();
    Arc::new(plan.with_inputs(inputs))
}

/// A chain kept in its order, with the chains inside its relations reordered.
fn in_leaves(plan: &Arc<Plan>) -> Arc<Plan> {
    match &plan.node {
        PlanNode::Filter { input, .. } => Arc::new(plan.with_inputs(vec![in_leaves(input)])),
        PlanNode::Join { left, right, join_type: JoinType::Cross | JoinType::Inner, output, .. } if passes_sides_through(left, right, output) => {
            Arc::new(plan.with_inputs(vec![in_leaves(left), in_leaves(right)]))
        }
        _ => reorder_joins(plan),
    }
}

/// The relations under a tree of inner and cross joins that pass both sides' columns
/// through, left to right, and the joins' conditions (keys as equalities); anything
/// else is one relation.
fn collect_leaves(plan: &Arc<Plan>, out: &mut Vec<Arc<Plan>>, conditions: &mut Vec<Expr>) {
    match &plan.node {
        PlanNode::Join { left, right, join_type: JoinType::Cross | JoinType::Inner, keys, residual, output }
            if passes_sides_through(left, right, output) =>
        {
            collect_leaves(left, out, conditions);
            collect_leaves(right, out, conditions);
            for (l, r, null_safe) in keys {
                let op = if *null_safe { BinaryOp::EqNullSafe } else { BinaryOp::Eq };
                conditions.push(Expr::binary(op, l.clone(), r.clone()));
            }
            if let Some(residual) = residual {
                conjuncts(residual, conditions);
            }
        }
        _ => out.push(plan.clone()),
    }
}

fn passes_sides_through(left: &Plan, right: &Plan, output: &[NamedExpr]) -> bool {
    let sides: Vec<_> = left.output.iter().chain(&right.output).collect();
    sides.len() == output.len()
        && sides.iter().zip(output).all(|(a, n)| matches!(&n.expr, Expr::Attr(b) if b.id == a.id && b.nullable == a.nullable) && n.attr.id == a.id)
}

/// Spark's `ReorderJoin.createOrderedJoin`, preferring filtered relations: indexes of
/// `leaves` in join order.
fn greedy_order(leaves: &[Arc<Plan>], conditions: &[Expr]) -> Vec<usize> {
    let ids: Vec<HashSet<u64>> = leaves.iter().map(|l| l.output.iter().map(|a| a.id).collect()).collect();
    let refs: Vec<HashSet<u64>> = conditions.iter().map(Expr::attribute_ids).collect();
    let keyed: Vec<bool> = conditions.iter().map(is_equality).collect();
    let mut remaining: Vec<usize> = (1..leaves.len()).collect();
    let mut order = vec![0];
    let mut joined = ids[0].clone();
    while !remaining.is_empty() {
        // `by_key`: tied by an equality, which the join can key on; any other condition
        // (TPC-DS q85's OR of `ca_state` and `ws_net_profit`) is a filter over every
        // pair, so a relation tied only by one waits for a keyed one.
        let ties = |i: usize, by_key: bool| {
            refs.iter().zip(&keyed).any(|(r, &k)| {
                (k || !by_key)
                    && !r.is_empty()
                    && r.iter().all(|x| joined.contains(x) || ids[i].contains(x))
                    && !r.is_subset(&joined)
                    && !r.is_subset(&ids[i])
            })
        };
        let at = remaining
            .iter()
            .position(|&i| ties(i, true) && filtered(&leaves[i]))
            .or_else(|| remaining.iter().position(|&i| ties(i, true)))
            .or_else(|| remaining.iter().position(|&i| ties(i, false) && filtered(&leaves[i])))
            .or_else(|| remaining.iter().position(|&i| ties(i, false)))
            .unwrap_or(0);
        let next = remaining.remove(at);
        joined.extend(ids[next].iter().copied());
        order.push(next);
    }
    order
}

fn is_equality(c: &Expr) -> bool {
    matches!(c, Expr::Binary { op: BinaryOp::Eq | BinaryOp::EqNullSafe, .. })
}

/// Whether a filter of the relation's own reduces its rows (under its aliases and
/// projections).
fn filtered(plan: &Plan) -> bool {
    match &plan.node {
        PlanNode::Filter { .. } => true,
        PlanNode::SubqueryAlias { input, .. } | PlanNode::Project { input, .. } => filtered(input),
        _ => false,
    }
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
    fn a_relation_tied_only_by_a_condition_without_keys_waits_for_a_keyed_tie() {
        // TPC-DS q85: FROM sales, address, returns WHERE (address < sales OR ...) AND
        // sales = returns AND returns = address, address filtered: crossing sales with
        // address first pairs every row; returns goes first and keys address's join.
        let conf = Conf::default();
        let (sales, address, returns) = (relation("sales"), relation("address"), relation("returns"));
        let gt = Expr::binary(BinaryOp::Gt, Expr::col("address"), Expr::Literal(crate::ir::Value::Long(1)));
        let address = Arc::new(builder::filter(address, gt, &conf, new_plan_id()).unwrap());
        let unkeyed = Expr::binary(BinaryOp::Lt, Expr::Attr(address.output[0].clone()), Expr::Attr(sales.output[0].clone()));
        let conditions = vec![unkeyed, eq(&sales, &returns), eq(&returns, &address)];
        assert_eq!(greedy_order(&[sales, address, returns], &conditions), vec![0, 2, 1]);
    }

    #[test]
    fn a_relation_its_own_filter_reduces_is_joined_first() {
        // FROM sales JOIN dim ON .. JOIN small ON .. WHERE small > 1: small second.
        let conf = Conf::default();
        let (sales, dim, small) = (relation("sales"), relation("dim"), relation("small"));
        let gt = Expr::binary(BinaryOp::Gt, Expr::col("small"), Expr::Literal(crate::ir::Value::Long(1)));
        let small = Arc::new(builder::filter(small, gt, &conf, new_plan_id()).unwrap());
        let conditions = vec![eq(&sales, &dim), eq(&sales, &small)];
        assert_eq!(greedy_order(&[sales.clone(), dim.clone(), small.clone()], &conditions), vec![0, 2, 1]);
        // As joins with keys, the chain is rebuilt in that order under its columns' order.
        let on = |a: &Plan, b: &Plan| JoinOn::Condition(eq(a, b));
        let sd = Arc::new(builder::join(sales.clone(), dim.clone(), on(&sales, &dim), JoinType::Inner, &conf, new_plan_id()).unwrap());
        let chain = Arc::new(builder::join(sd, small.clone(), on(&sales, &small), JoinType::Inner, &conf, new_plan_id()).unwrap());
        let chain = crate::optimize::predicates::push_down(&chain);
        let reordered = reorder_joins(&chain);
        assert_eq!(reordered.output, chain.output);
        let PlanNode::Project { input, .. } = &reordered.node else { panic!("{reordered:?}") };
        let PlanNode::Filter { input, .. } = &input.node else { panic!("{input:?}") };
        let names: Vec<&str> = input.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["sales", "small", "dim"]);
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
