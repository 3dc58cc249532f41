//! Filters over joins go into the joins (Spark's `PushPredicateThroughJoin`):
//! `FROM a, b WHERE a.k = b.k AND a.x > 0` is a cross join under a filter as written;
//! it runs as an equi-join on `k` over `a` filtered by `x > 0`. The same holds for
//! `a.crossJoin(b).filter(...)`. Conjuncts of one side go below the join (inner
//! joins both sides; left, semi and anti joins the left; right joins the right),
//! equalities across the sides of an inner join become its keys, other cross-side
//! conjuncts of an inner join its residual condition. Non-deterministic conjuncts
//! (`rand()`, Python UDFs) stay where they were written. `predicates::push_down` brings
//! filters here and takes the sides' filters on down.

use super::predicates::push_down;
use crate::ir::function::{Func, MathFn, MiscFn};
use crate::ir::{BinaryOp, DataType, Expr, JoinType, Plan, PlanNode, Recursion};
use crate::analysis::typing::data_type;
use std::collections::HashSet;
use std::sync::Arc;

/// Where one conjunct of the filter goes.
enum Place {
    Above,
    Left,
    Right,
    Key(Box<(Expr, Expr)>, bool),
    Residual,
}

/// The filter `filter` (over `input`, with `condition`) pushed into the join below
/// it, or `None` when nothing moves.
pub(super) fn push_into_join(filter: &Plan, input: &Arc<Plan>, condition: &Expr) -> Option<Arc<Plan>> {
    // Stacked filters (a WHERE over a subquery's filter) are one conjunction, the lowest
    // filter's conjuncts first (Spark's CombineFilters): a later conjunct is evaluated
    // only where the earlier ones hold, so its ANSI errors must not come first.
    let mut stack = vec![condition];
    let mut join = input;
    while let PlanNode::Filter { input, condition } = &join.node {
        stack.push(condition);
        join = input;
    }
    let mut parts = vec![];
    for condition in stack.into_iter().rev() {
        conjuncts(condition, &mut parts);
    }
    let PlanNode::Join { left, right, join_type, keys, residual, output } = &join.node else { return None };
    let left_ids: HashSet<u64> = left.output.iter().map(|a| a.id).collect();
    let right_ids: HashSet<u64> = right.output.iter().map(|a| a.id).collect();
    let inner = matches!(join_type, JoinType::Inner | JoinType::Cross);
    // Polars joins with all keys null-safe or none: a new key follows the join's.
    let mut null_safe_keys = keys.first().map(|k| k.2);

    let (mut above, mut to_left, mut to_right, mut residuals) = (vec![], vec![], vec![], vec![]);
    let mut new_keys = keys.clone();
    for part in parts {
        let place = place_of(&part, *join_type, inner, &left_ids, &right_ids, &mut null_safe_keys);
        match place {
            Place::Above => above.push(part),
            Place::Left => to_left.push(part),
            Place::Right => to_right.push(part),
            Place::Key(keys, null_safe) => {
                let (l, r) = *keys;
                new_keys.push((l, r, null_safe))
            }
            Place::Residual => residuals.push(part),
        }
    }
    if to_left.is_empty() && to_right.is_empty() && new_keys.len() == keys.len() && residuals.is_empty() {
        return None;
    }
    if inner {
        // Spark's PushExtraPredicateThroughJoin: what a condition across the sides says
        // of one side's columns alone filters that side too (the condition stays).
        for part in residuals.iter().filter(|p| deterministic(p)) {
            for (ids, side, pushed) in [(&left_ids, left, &mut to_left), (&right_ids, right, &mut to_right)] {
                if let Some(extra) = within_output(part, ids) {
                    if !pushed.contains(&extra) && !already_filtered(side, &extra) {
                        pushed.push(extra);
                    }
                }
            }
        }
    }
    let new_left = push_down(&filtered(left, to_left));
    let new_right = push_down(&filtered(right, to_right));
    let residual = residual.iter().cloned().chain(residuals).reduce(and);
    let join_type = if *join_type == JoinType::Cross && new_keys.len() > keys.len() { JoinType::Inner } else { *join_type };
    let node = PlanNode::Join { left: new_left, right: new_right, join_type, keys: new_keys, residual, output: output.clone() };
    let joined = Arc::new(Plan { plan_id: join.plan_id, node, output: join.output.clone() });
    Some(match above.into_iter().reduce(and) {
        Some(condition) => Arc::new(Plan { plan_id: filter.plan_id, node: PlanNode::Filter { input: joined, condition }, output: filter.output.clone() }),
        None => joined,
    })
}

fn place_of(
    part: &Expr,
    join_type: JoinType,
    inner: bool,
    left_ids: &HashSet<u64>,
    right_ids: &HashSet<u64>,
    null_safe_keys: &mut Option<bool>,
) -> Place {
    if !deterministic(part) {
        return Place::Above;
    }
    let refs = part.attribute_ids();
    if refs.is_empty() {
        return Place::Above;
    }
    if refs.is_subset(left_ids) && (inner || matches!(join_type, JoinType::Left | JoinType::LeftSemi | JoinType::LeftAnti)) {
        return Place::Left;
    }
    if refs.is_subset(right_ids) && (inner || join_type == JoinType::Right) {
        return Place::Right;
    }
    if !inner {
        return Place::Above;
    }
    if let Expr::Binary { op: op @ (BinaryOp::Eq | BinaryOp::EqNullSafe), left: l, right: r } = part {
        let null_safe = *op == BinaryOp::EqNullSafe;
        // Floating keys stay a condition: Spark's = holds for -0.0 and 0.0, NaN and NaN.
        let plain_key = !matches!(data_type(l), DataType::Float | DataType::Double);
        if plain_key && null_safe_keys.is_none_or(|k| k == null_safe) {
            let (lr, rr) = (l.attribute_ids(), r.attribute_ids());
            let sides = if !lr.is_empty() && !rr.is_empty() && lr.is_subset(left_ids) && rr.is_subset(right_ids) {
                Some(((**l).clone(), (**r).clone()))
            } else if !lr.is_empty() && !rr.is_empty() && rr.is_subset(left_ids) && lr.is_subset(right_ids) {
                Some(((**r).clone(), (**l).clone()))
            } else {
                None
            };
            if let Some((lk, rk)) = sides {
                *null_safe_keys = Some(null_safe);
                return Place::Key(Box::new((lk, rk)), null_safe);
            }
        }
    }
    Place::Residual
}

/// Spark's `extractPredicatesWithinOutputSet`: a condition implied by `e` that reads
/// only the columns `ids` (an AND keeps what either side gives, an OR needs both), or
/// None. `(a.x = 1 AND b.y = 2) OR (a.x = 3 AND b.y = 4)` implies `a.x = 1 OR a.x = 3`.
fn within_output(e: &Expr, ids: &HashSet<u64>) -> Option<Expr> {
    match e {
        Expr::WithOrigin { expr, origin } => within_output(expr, ids).map(|x| Expr::WithOrigin { expr: Box::new(x), origin: origin.clone() }),
        Expr::Binary { op: BinaryOp::And, left, right } => match (within_output(left, ids), within_output(right, ids)) {
            (Some(l), Some(r)) => Some(and(l, r)),
            (l, r) => l.or(r),
        },
        Expr::Binary { op: BinaryOp::Or, left, right } => Some(Expr::binary(BinaryOp::Or, within_output(left, ids)?, within_output(right, ids)?)),
        other => other.attribute_ids().is_subset(ids).then(|| other.clone()),
    }
}

/// Whether a filter in `plan` already holds `condition` as a conjunct (pushed there
/// by an earlier pass: the rule runs again over reordered joins).
fn already_filtered(plan: &Plan, condition: &Expr) -> bool {
    plan.apply(&mut |p| match &p.node {
        PlanNode::Filter { condition: c, .. } => {
            let mut parts = vec![];
            conjuncts(c, &mut parts);
            if parts.contains(condition) {
                Recursion::Stop
            } else {
                Recursion::Continue
            }
        }
        _ => Recursion::Continue,
    }) == Recursion::Stop
}

fn filtered(plan: &Arc<Plan>, parts: Vec<Expr>) -> Arc<Plan> {
    match parts.into_iter().reduce(and) {
        Some(condition) => {
            Arc::new(Plan { plan_id: plan.plan_id, node: PlanNode::Filter { input: plan.clone(), condition }, output: plan.output.clone() })
        }
        None => plan.clone(),
    }
}

fn and(a: Expr, b: Expr) -> Expr {
    Expr::binary(BinaryOp::And, a, b)
}

pub(super) fn conjuncts(e: &Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary { op: BinaryOp::And, left, right } => {
            conjuncts(left, out);
            conjuncts(right, out);
        }
        other => out.push(other.clone()),
    }
}

/// Whether the expression gives the same value wherever it is evaluated.
pub(crate) fn deterministic(e: &Expr) -> bool {
    e.apply(&mut |x| match x {
        Expr::PythonUdf(_) => Recursion::Stop,
        Expr::Call(c)
            if matches!(
                c.func,
                Func::Math(MathFn::Rand | MathFn::Randn | MathFn::Uniform | MathFn::Randstr)
                    | Func::Misc(MiscFn::MonotonicallyIncreasingId | MiscFn::SparkPartitionId | MiscFn::Uuid | MiscFn::InputFileName)
            ) =>
        {
            Recursion::Stop
        }
        _ => Recursion::Continue,
    }) != Recursion::Stop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder::{self, JoinOn};
    use crate::analysis::{new_plan_id, Conf};

    fn range_named(name: &str) -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        Arc::new(builder::project(r, vec![Expr::col("id").alias(name)], &conf, new_plan_id()).unwrap())
    }

    fn cross_then_filter(cond: Expr) -> Arc<Plan> {
        let conf = Conf::default();
        let (a, b) = (range_named("a"), range_named("b"));
        let j = Arc::new(builder::join(a, b, JoinOn::None, JoinType::Cross, &conf, new_plan_id()).unwrap());
        Arc::new(builder::filter(j, cond, &conf, new_plan_id()).unwrap())
    }

    fn gt(name: &str, v: i64) -> Expr {
        Expr::binary(BinaryOp::Gt, Expr::col(name), Expr::lit(crate::ir::Value::Long(v)))
    }

    #[test]
    fn equality_across_sides_becomes_a_key_and_one_side_conjuncts_go_below() {
        let cond = and(and(Expr::binary(BinaryOp::Eq, Expr::col("b"), Expr::col("a")), gt("a", 1)), gt("b", 2));
        let plan = optimize_one(cross_then_filter(cond));
        let PlanNode::Join { left, right, join_type, keys, residual, .. } = &plan.node else { panic!("{plan:?}") };
        assert_eq!(*join_type, JoinType::Inner);
        assert_eq!(keys.len(), 1);
        assert!(residual.is_none());
        // The key's left expression is the left side's column, whichever way it was written.
        assert_eq!(keys[0].0.attribute_ids(), left.output.iter().map(|a| a.id).collect());
        // Each side's conjunct went below the join, and on below the side's projection.
        for side in [left, right] {
            let PlanNode::Project { input, .. } = &side.node else { panic!("{side:?}") };
            assert!(matches!(input.node, PlanNode::Filter { .. }), "{input:?}");
        }
    }

    #[test]
    fn non_deterministic_and_constant_conjuncts_stay_above() {
        let rand = Expr::func("rand", vec![]);
        let cond = and(Expr::binary(BinaryOp::Gt, Expr::col("a"), Expr::binary(BinaryOp::Multiply, rand, Expr::lit(crate::ir::Value::Long(5)))), Expr::lit(crate::ir::Value::Boolean(true)));
        let plan = optimize_one(cross_then_filter(cond));
        assert!(matches!(plan.node, PlanNode::Filter { .. }));
        let PlanNode::Filter { input, .. } = &plan.node else { unreachable!() };
        assert!(matches!(&input.node, PlanNode::Join { join_type: JoinType::Cross, keys, .. } if keys.is_empty()));
    }

    #[test]
    fn cross_side_inequality_is_the_residual() {
        let cond = Expr::binary(BinaryOp::Lt, Expr::col("a"), Expr::col("b"));
        let plan = optimize_one(cross_then_filter(cond));
        assert!(matches!(&plan.node, PlanNode::Join { residual: Some(_), keys, .. } if keys.is_empty()));
    }

    #[test]
    fn stacked_filters_over_a_join_keep_the_first_filters_conjuncts_first() {
        let conf = Conf::default();
        let first = cross_then_filter(gt("a", 1));
        let plan = optimize_one(Arc::new(builder::filter(first, gt("a", 2), &conf, new_plan_id()).unwrap()));
        let PlanNode::Join { left, .. } = &plan.node else { panic!("{plan:?}") };
        let PlanNode::Project { input, .. } = &left.node else { panic!("{left:?}") };
        let PlanNode::Filter { condition: Expr::Binary { op: BinaryOp::And, left: a, right: b }, .. } = &input.node else { panic!("{input:?}") };
        let bound = |e: &Expr| match e {
            Expr::Binary { right, .. } => format!("{right:?}"),
            _ => panic!("{e:?}"),
        };
        assert!(bound(a).contains("Long(1)") && bound(b).contains("Long(2)"), "{a:?} AND {b:?}");
    }

    #[test]
    fn a_disjunction_across_sides_also_filters_each_side_by_its_own_part() {
        // (a > 1 AND b > 2) OR (a > 3 AND b > 4): the join keeps it, and each side is
        // filtered by `a > 1 OR a > 3` / `b > 2 OR b > 4` (PushExtraPredicateThroughJoin).
        let or = |x: Expr, y: Expr| Expr::binary(BinaryOp::Or, x, y);
        let cond = or(and(gt("a", 1), gt("b", 2)), and(gt("a", 3), gt("b", 4)));
        let plan = optimize_one(cross_then_filter(cond.clone()));
        let plan = optimize_one(plan);
        let PlanNode::Join { left, right, residual: Some(residual), .. } = &plan.node else { panic!("{plan:?}") };
        assert!(format!("{residual:?}").contains("Long(4)"));
        for (side, bounds) in [(left, ["Long(1)", "Long(3)"]), (right, ["Long(2)", "Long(4)"])] {
            let PlanNode::Project { input, .. } = &side.node else { panic!("{side:?}") };
            let PlanNode::Filter { condition, input } = &input.node else { panic!("{input:?}") };
            let text = format!("{condition:?}");
            assert!(bounds.iter().all(|b| text.contains(b)) && text.contains("Or"), "{text}");
            // Pushed once, though the rule ran twice.
            assert!(!matches!(input.node, PlanNode::Filter { .. }), "{input:?}");
        }
    }

    #[test]
    fn a_disjunction_with_a_branch_that_says_nothing_of_a_side_leaves_it_alone() {
        let or = |x: Expr, y: Expr| Expr::binary(BinaryOp::Or, x, y);
        let ids: HashSet<u64> = [1].into();
        let a = Expr::Attr(crate::ir::Attribute { id: 1, name: "a".into(), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None });
        let b = Expr::Attr(crate::ir::Attribute { id: 2, name: "b".into(), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None });
        let lt = |x: &Expr, y: &Expr| Expr::binary(BinaryOp::Lt, x.clone(), y.clone());
        assert_eq!(within_output(&or(lt(&a, &b), lt(&a, &a)), &ids), None);
        assert_eq!(within_output(&or(and(lt(&a, &a), lt(&a, &b)), lt(&a, &a)), &ids), Some(or(lt(&a, &a), lt(&a, &a))));
    }

    fn optimize_one(plan: Arc<Plan>) -> Arc<Plan> {
        push_down(&plan)
    }
}
