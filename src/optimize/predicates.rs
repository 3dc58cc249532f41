//! Filters moved down to the rows they read, as Spark's `PushDownPredicates` moves them:
//! through projections (their aliases replaced by what they name), table aliases,
//! `UNION ALL` (into every branch), grouped aggregations (conjuncts over grouping keys
//! only), window operators (conjuncts over every window's partition keys only) and into joins (`join_predicates`). What a conjunct becomes once moved is
//! folded where it compares literals (`ConstantFolding`), and a `UNION ALL` branch
//! whose filter is then false is dropped (`PruneFilters`, `PropagateEmptyRelation`).
//!
//! TPC-DS q4/q11/q74 read a CTE that is a union of one aggregation per channel, six
//! times, each use filtered by `sale_type = 's'` and a year: moved down, each use runs
//! one channel's aggregation over one year instead of all three over all years.

use super::join_predicates::{conjuncts, deterministic, push_into_join};
use crate::ir::function::{DatetimeFn, Func};
use crate::ir::{Attribute, BinaryOp, Expr, JoinType, NamedExpr, Plan, PlanNode, SetOpKind, Value};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The plan with every filter moved as far down as it goes.
pub fn push_down(plan: &Arc<Plan>) -> Arc<Plan> {
    if let PlanNode::Filter { input, condition } = &plan.node {
        if let Some(pushed) = push_filter(plan, input, condition) {
            return pushed;
        }
    }
    let children = plan.children();
    if children.is_empty() {
        return plan.clone();
    }
    let inputs = children.into_iter().map(push_down).collect();
    Arc::new(plan.with_inputs(inputs))
}

/// The filter `filter` (over `input`, with `condition`) moved below `input`, or `None`
/// when it stays where it is.
fn push_filter(filter: &Plan, input: &Arc<Plan>, condition: &Expr) -> Option<Arc<Plan>> {
    if let PlanNode::Join { .. } = &input.node {
        return push_into_join(filter, input, condition);
    }
    // `rand(seed) < f` (`sample`) draws one number per row of its input: moving any
    // conjunct beside it (or below it) would change the rows it draws for.
    if !deterministic(condition) {
        return None;
    }
    match &input.node {
        // Spark's CombineFilters: the inner condition first.
        PlanNode::Filter { input: inner, condition: first } if deterministic(first) => {
            let both = Expr::binary(BinaryOp::And, first.clone(), condition.clone());
            Some(push_down(&filtered(inner, both, input.plan_id)))
        }
        // Spark's PushPredicateThroughNonJoin moves a filter below a sort (the rows kept
        // keep their order), where it meets and joins the filters before it.
        PlanNode::Sort { input: child, keys } if keys.iter().all(|k| deterministic(&k.expr)) => {
            Some(Arc::new(input.with_inputs(vec![push_down(&filtered(child, condition.clone(), filter.plan_id))])))
        }
        PlanNode::SubqueryAlias { input: child, .. } => {
            Some(Arc::new(input.with_inputs(vec![push_down(&filtered(child, condition.clone(), filter.plan_id))])))
        }
        PlanNode::Project { input: child, exprs } => {
            if !exprs.iter().all(|n| row_wise(&n.expr)) {
                return None;
            }
            let names: HashMap<u64, Expr> = exprs.iter().map(|n| (n.attr.id, n.expr.unalias().clone())).collect();
            split_below(filter, input, child, condition, &names, false)
        }
        PlanNode::Aggregate { input: child, keys, aggs, grouping_sets: None } => {
            // Without keys a filter below would leave the one row of an empty input's
            // aggregation.
            if keys.is_empty() || !aggs.iter().chain(keys).all(|n| row_wise(&n.expr)) {
                return None;
            }
            let names = aggregate_names(keys, aggs);
            split_below(filter, input, child, condition, &names, true)
        }
        // Spark replaces a Deduplicate (`distinct`, `dropDuplicates`) by an aggregation
        // grouped by its keys before moving filters: conjuncts over the keys go below.
        PlanNode::Deduplicate { input: child, keys } if !keys.is_empty() => {
            let names: HashMap<u64, Expr> = keys.iter().map(|a| (a.id, Expr::Attr(a.clone()))).collect();
            split_below(filter, input, child, condition, &names, true)
        }
        PlanNode::Window { input: child, exprs } => {
            // Spark's PushPredicateThroughNonJoin for Window: a conjunct over the
            // partition keys alone keeps or drops whole partitions, so each window's
            // values over the rows kept are the same.
            let keys = partition_keys(exprs)?;
            let names: HashMap<u64, Expr> = child.output.iter().filter(|a| keys.contains(&a.id)).map(|a| (a.id, Expr::Attr(a.clone()))).collect();
            split_below(filter, input, child, condition, &names, false)
        }
        PlanNode::Union { inputs } => {
            if !deterministic(condition) {
                return None;
            }
            let mut branches = vec![];
            for branch in inputs {
                // Each branch's columns stand, by position, for the union's.
                let names: HashMap<u64, Expr> =
                    input.output.iter().zip(&branch.output).map(|(u, b)| (u.id, Expr::Attr(b.clone()))).collect();
                let condition = fold(&substitute(condition, &names));
                let pushed = push_down(&filtered(branch, condition, filter.plan_id));
                if !is_empty(&pushed) {
                    branches.push(pushed);
                }
            }
            if branches.is_empty() {
                // Every branch is empty: the first one keeps the union's column types.
                let never = Expr::Literal(Value::Boolean(false));
                branches.push(push_down(&filtered(&inputs[0], never, filter.plan_id)));
            }
            Some(Arc::new(Plan { plan_id: input.plan_id, node: PlanNode::Union { inputs: branches }, output: input.output.clone() }))
        }
        _ => None,
    }
}

/// Whether the plan has no rows for certain: a filter whose condition is never true
/// (`PruneFilters` after `ReplaceNullWithFalseInPredicate`) under nodes that keep no
/// row of an empty input (`PropagateEmptyRelation`). Lowering runs such a plan as an
/// empty frame: nothing below it runs, and no error of its rows is raised.
pub(crate) fn is_empty(plan: &Plan) -> bool {
    match &plan.node {
        PlanNode::Filter { condition, .. } if never_true(condition) => true,
        PlanNode::Filter { input, .. }
        | PlanNode::Project { input, .. }
        | PlanNode::SubqueryAlias { input, .. }
        | PlanNode::Sort { input, .. }
        | PlanNode::Limit { input, .. }
        | PlanNode::Deduplicate { input, .. } => is_empty(input),
        // A grouped aggregation of no rows has no groups (a global one has its one row).
        PlanNode::Aggregate { input, keys, grouping_sets: None, .. } => !keys.is_empty() && is_empty(input),
        PlanNode::Join { left, right, join_type: JoinType::Inner | JoinType::Cross, .. } => is_empty(left) || is_empty(right),
        PlanNode::Join { left, right, join_type: JoinType::LeftSemi, .. } => is_empty(left) || is_empty(right),
        PlanNode::Join { left, join_type: JoinType::LeftAnti | JoinType::Left, .. } => is_empty(left),
        PlanNode::Union { inputs } => inputs.iter().all(|i| is_empty(i)),
        PlanNode::SetOp { left, right, kind: SetOpKind::Intersect, .. } => is_empty(left) || is_empty(right),
        PlanNode::SetOp { left, kind: SetOpKind::Except, .. } => is_empty(left),
        _ => false,
    }
}

/// Whether a filter's condition keeps no row whatever the rows: FALSE or NULL once
/// its NULL literals have propagated, or an AND with such a side (an OR with two).
fn never_true(condition: &Expr) -> bool {
    match condition {
        Expr::Literal(Value::Boolean(false) | Value::Null) => true,
        Expr::WithOrigin { expr, .. } | Expr::Alias { expr, .. } => never_true(expr),
        Expr::Binary { op: BinaryOp::And, left, right } => never_true(left) || never_true(right),
        Expr::Binary { op: BinaryOp::Or, left, right } => never_true(left) && never_true(right),
        e => crate::analysis::null_propagation::folds_to_null(e, &|_| None),
    }
}

/// What each output column of an aggregation stands for below it: a grouping key its
/// expression, a literal (`'s' sale_type`) itself, a key selected again its key's
/// expression. Aggregated columns are absent: a filter over them stays above.
fn aggregate_names(keys: &[NamedExpr], aggs: &[NamedExpr]) -> HashMap<u64, Expr> {
    let mut names: HashMap<u64, Expr> = keys.iter().map(|k| (k.attr.id, k.expr.unalias().clone())).collect();
    for a in aggs {
        match a.expr.unalias() {
            lit @ Expr::Literal(_) => {
                names.insert(a.attr.id, lit.clone());
            }
            Expr::Attr(k) => {
                if let Some(e) = names.get(&k.id).cloned() {
                    names.insert(a.attr.id, e);
                }
            }
            _ => {}
        }
    }
    names
}

/// The columns every window expression of a Window node partitions by, when each
/// partitions by plain columns only (Spark's condition for moving a filter below it).
fn partition_keys(exprs: &[NamedExpr]) -> Option<HashSet<u64>> {
    let mut common: Option<HashSet<u64>> = None;
    for n in exprs {
        let Expr::Window { spec, .. } = n.expr.unalias() else { return None };
        let mut ids = HashSet::new();
        for key in &spec.partition_by {
            let Expr::Attr(a) = key else { return None };
            ids.insert(a.id);
        }
        common = Some(match common {
            Some(c) => c.intersection(&ids).copied().collect(),
            None => ids,
        });
    }
    common
}

/// Whether each row's value depends on that row alone, the same wherever it is
/// computed: a filter can then move below it. Session windows are merged across rows
/// (a filter below would change the sessions).
fn row_wise(e: &Expr) -> bool {
    deterministic(e) && !e.any(&|x| matches!(x, Expr::Call(c) if c.func == Func::Datetime(DatetimeFn::SessionWindowMerge)))
}

/// The conjuncts of `condition` that can move below a node whose columns stand for
/// `names` (rewritten in the node's input terms, folded), and those that stay above.
/// `needs_columns`: a conjunct must read a column to move (Spark's rule for aggregates).
fn split(condition: &Expr, names: &HashMap<u64, Expr>, needs_columns: bool) -> (Option<Expr>, Option<Expr>) {
    let mut parts = vec![];
    conjuncts(condition, &mut parts);
    let (mut below, mut above) = (vec![], vec![]);
    for part in parts {
        let ids = part.attribute_ids();
        let movable = deterministic(&part) && ids.iter().all(|id| names.contains_key(id)) && !(needs_columns && ids.is_empty());
        if movable {
            match fold(&substitute(&part, names)) {
                Expr::Literal(Value::Boolean(true)) => {}
                moved => below.push(moved),
            }
        } else {
            above.push(part);
        }
    }
    if below.is_empty() && !above.is_empty() {
        return (None, None);
    }
    let below = below.into_iter().reduce(and).or(Some(Expr::Literal(Value::Boolean(true))));
    (below, above.into_iter().reduce(and))
}

fn and(a: Expr, b: Expr) -> Expr {
    Expr::binary(BinaryOp::And, a, b)
}

/// `condition` over `plan`, with the plan id given (a filter keeps its DataFrame's).
/// `input` (a one-child node over `child`) with the conjuncts of `condition` that
/// `names` can rewrite pushed below it (see `split`), the rest kept above; None when no
/// conjunct can go below.
fn split_below(filter: &Plan, input: &Arc<Plan>, child: &Arc<Plan>, condition: &Expr, names: &HashMap<u64, Expr>, needs_columns: bool) -> Option<Arc<Plan>> {
    let (below, above) = split(condition, names, needs_columns);
    let child = push_down(&filtered(child, below?, filter.plan_id));
    Some(over(filter, Arc::new(input.with_inputs(vec![child])), above))
}

fn filtered(plan: &Arc<Plan>, condition: Expr, plan_id: u64) -> Arc<Plan> {
    if matches!(condition, Expr::Literal(Value::Boolean(true))) {
        return plan.clone();
    }
    Arc::new(Plan { plan_id, node: PlanNode::Filter { input: plan.clone(), condition }, output: plan.output.clone() })
}

/// The moved node under what stayed of the filter.
fn over(filter: &Plan, node: Arc<Plan>, above: Option<Expr>) -> Arc<Plan> {
    match above {
        Some(condition) => Arc::new(Plan { plan_id: filter.plan_id, node: PlanNode::Filter { input: node, condition }, output: filter.output.clone() }),
        None => node,
    }
}

/// Every column of `names` replaced by what it stands for.
fn substitute(e: &Expr, names: &HashMap<u64, Expr>) -> Expr {
    e.transform_down(&mut |x| match x {
        Expr::Attr(Attribute { id, .. }) => names.get(id).cloned(),
        _ => None,
    })
}

/// Comparisons of two literals of one type and the boolean connectives over literals,
/// folded as Spark's `ConstantFolding` and `BooleanSimplification` fold them.
fn fold(e: &Expr) -> Expr {
    e.transform_up(&mut |x| match &x {
        Expr::Binary { op: op @ (BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::EqNullSafe), left, right } => {
            match (left.as_ref(), right.as_ref()) {
                (Expr::Literal(l), Expr::Literal(r)) => match literal_equality(l, r) {
                    Some(eq) => Expr::Literal(Value::Boolean(if *op == BinaryOp::NotEq { !eq } else { eq })),
                    None if *op == BinaryOp::EqNullSafe => Expr::Literal(Value::Boolean(matches!((l, r), (Value::Null, Value::Null)))),
                    None if matches!(l, Value::Null) || matches!(r, Value::Null) => Expr::Literal(Value::Null),
                    None => x,
                },
                _ => x,
            }
        }
        Expr::Binary { op: BinaryOp::And, left, right } => match (boolean(left), boolean(right)) {
            (Some(false), _) | (_, Some(false)) => Expr::Literal(Value::Boolean(false)),
            (Some(true), _) => (**right).clone(),
            (_, Some(true)) => (**left).clone(),
            _ => x,
        },
        Expr::Binary { op: BinaryOp::Or, left, right } => match (boolean(left), boolean(right)) {
            (Some(true), _) | (_, Some(true)) => Expr::Literal(Value::Boolean(true)),
            (Some(false), _) => (**right).clone(),
            (_, Some(false)) => (**left).clone(),
            _ => x,
        },
        Expr::Not(inner) => match boolean(inner) {
            Some(b) => Expr::Literal(Value::Boolean(!b)),
            None => x,
        },
        _ => x,
    })
}

fn boolean(e: &Expr) -> Option<bool> {
    match e {
        Expr::Literal(Value::Boolean(b)) => Some(*b),
        _ => None,
    }
}

/// Whether two non-null literals of the same simple type are equal; `None` where
/// they are NULL or of types this does not compare (floats, decimals of other scales...).
fn literal_equality(l: &Value, r: &Value) -> Option<bool> {
    Some(match (l, r) {
        (Value::Boolean(a), Value::Boolean(b)) => a == b,
        (Value::Byte(a), Value::Byte(b)) => a == b,
        (Value::Short(a), Value::Short(b)) => a == b,
        (Value::Integer(a), Value::Integer(b)) => a == b,
        (Value::Long(a), Value::Long(b)) => a == b,
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Date(a), Value::Date(b)) => a == b,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder;
    use crate::analysis::{new_plan_id, Conf};

    fn lit_str(s: &str) -> Expr {
        Expr::Literal(Value::String(s.into()))
    }

    /// `SELECT id, '<tag>' kind FROM range(5)` for each tag, as one UNION ALL.
    fn tagged_union(tags: &[&str]) -> Arc<Plan> {
        let conf = Conf::default();
        let branches = tags
            .iter()
            .map(|t| {
                let r = Arc::new(builder::range(0, 5, 1).unwrap());
                Arc::new(builder::project(r, vec![Expr::col("id"), lit_str(t).alias("kind")], &conf, new_plan_id()).unwrap())
            })
            .collect();
        Arc::new(builder::union(branches, &conf, new_plan_id()).unwrap())
    }

    /// `range(5)` filtered by `id > lo`, under `wrap`, filtered by `id < hi`.
    fn stacked_around(wrap: impl Fn(Arc<Plan>) -> Plan) -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let first = Expr::binary(BinaryOp::Gt, Expr::col("id"), Expr::Literal(Value::Long(1)));
        let inner = Arc::new(builder::filter(r, first, &conf, new_plan_id()).unwrap());
        let second = Expr::binary(BinaryOp::Lt, Expr::col("id"), Expr::Literal(Value::Long(4)));
        push_down(&Arc::new(builder::filter(Arc::new(wrap(inner)), second, &conf, new_plan_id()).unwrap()))
    }

    /// The one filter left below `node`, as an AND whose left side is the first filter's.
    fn assert_combined_in_order(node: &Plan) {
        let PlanNode::Filter { condition: Expr::Binary { op: BinaryOp::And, left, right }, .. } = &node.node else { panic!("{node:?}") };
        assert!(matches!(left.as_ref(), Expr::Binary { op: BinaryOp::Gt, .. }), "{left:?}");
        assert!(matches!(right.as_ref(), Expr::Binary { op: BinaryOp::Lt, .. }), "{right:?}");
    }

    #[test]
    fn filters_around_a_sort_or_a_distinct_become_one_and_in_the_order_written() {
        let conf = Conf::default();
        let sorted = stacked_around(|p| builder::sort(p, vec![Expr::col("id")], &conf, new_plan_id()).unwrap());
        let PlanNode::Sort { input, .. } = &sorted.node else { panic!("{sorted:?}") };
        assert_combined_in_order(input);
        let distinct = stacked_around(|p| builder::deduplicate(p, None, &conf, new_plan_id()).unwrap());
        let PlanNode::Deduplicate { input, .. } = &distinct.node else { panic!("{distinct:?}") };
        assert_combined_in_order(input);
    }

    #[test]
    fn a_union_branch_whose_literal_the_filter_rejects_is_dropped() {
        let conf = Conf::default();
        let union = tagged_union(&["s", "c", "w"]);
        let cond = Expr::binary(BinaryOp::Eq, Expr::col("kind"), lit_str("c"));
        let plan = push_down(&Arc::new(builder::filter(union.clone(), cond, &conf, new_plan_id()).unwrap()));
        let PlanNode::Union { inputs } = &plan.node else { panic!("{plan:?}") };
        assert_eq!(inputs.len(), 1);
        assert_eq!(plan.output, union.output);
        // The kept branch's filter folded to true: no filter is left in it.
        assert!(!matches!(inputs[0].node, PlanNode::Filter { .. }));
    }

    #[test]
    fn a_union_every_branch_of_which_is_rejected_keeps_one_empty_branch() {
        let conf = Conf::default();
        let cond = Expr::binary(BinaryOp::Eq, Expr::col("kind"), lit_str("x"));
        let plan = push_down(&Arc::new(builder::filter(tagged_union(&["s", "c"]), cond, &conf, new_plan_id()).unwrap()));
        let PlanNode::Union { inputs } = &plan.node else { panic!("{plan:?}") };
        assert_eq!(inputs.len(), 1);
        assert!(is_empty(&inputs[0]), "{:?}", inputs[0]);
    }

    #[test]
    fn a_filter_on_a_grouping_key_goes_below_the_aggregation_and_one_on_an_aggregate_stays() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let agg = Arc::new(builder::aggregate(r, vec![Expr::col("id")], vec![Expr::func("count", vec![Expr::col("id")]).alias("n")], &conf, new_plan_id()).unwrap());
        let on_key = Expr::binary(BinaryOp::Gt, Expr::col("id"), Expr::Literal(Value::Long(1)));
        let on_count = Expr::binary(BinaryOp::Gt, Expr::col("n"), Expr::Literal(Value::Long(1)));
        let plan = push_down(&Arc::new(builder::filter(agg, and(on_key, on_count), &conf, new_plan_id()).unwrap()));
        let PlanNode::Filter { input, condition } = &plan.node else { panic!("{plan:?}") };
        assert_eq!(condition.attribute_ids().len(), 1);
        let PlanNode::Aggregate { input: below, .. } = &input.node else { panic!("{input:?}") };
        assert!(matches!(below.node, PlanNode::Filter { .. }));
    }

    #[test]
    fn no_filter_goes_below_an_aggregation_without_keys() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 5, 1).unwrap());
        let agg = Arc::new(builder::global_aggregate(r, vec![Expr::func("count", vec![Expr::col("id")]).alias("n")], &conf, new_plan_id()).unwrap());
        let cond = Expr::binary(BinaryOp::Gt, Expr::col("n"), Expr::Literal(Value::Long(1)));
        let filter = Arc::new(builder::filter(agg, cond, &conf, new_plan_id()).unwrap());
        let plan = push_down(&filter);
        let PlanNode::Filter { input, .. } = &plan.node else { panic!("{plan:?}") };
        assert!(matches!(&input.node, PlanNode::Aggregate { input, .. } if !matches!(input.node, PlanNode::Filter { .. })));
    }

    /// `SELECT id, k, sum(id) OVER (PARTITION BY k ORDER BY id) s` over `range(6)`
    /// with `k = id % 2`: the projection over the Window node.
    fn windowed(partition_by: Expr) -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 6, 1).unwrap());
        let k = Expr::binary(BinaryOp::Modulo, Expr::col("id"), Expr::Literal(Value::Long(2))).alias("k");
        let keyed = Arc::new(builder::project(r, vec![Expr::col("id"), k], &conf, new_plan_id()).unwrap());
        let spec = crate::ir::WindowSpec {
            partition_by: vec![partition_by],
            order_by: vec![crate::ir::SortKey { expr: Expr::col("id"), ascending: true, nulls_first: true }],
            frame: None,
        };
        let w = Expr::Window { function: Box::new(Expr::func("sum", vec![Expr::col("id")])), spec: Box::new(spec) };
        Arc::new(builder::project(keyed, vec![Expr::col("id"), Expr::col("k"), w.alias("s")], &conf, new_plan_id()).unwrap())
    }

    /// The Window node under `plan` and what its input is.
    fn window_input(plan: &Plan) -> &Plan {
        let mut at = plan;
        loop {
            match &at.node {
                PlanNode::Window { input, .. } => return input,
                _ => at = at.children()[0],
            }
        }
    }

    #[test]
    fn a_filter_on_the_partition_key_goes_below_the_window_and_one_on_other_columns_stays() {
        let conf = Conf::default();
        let on_key = Expr::binary(BinaryOp::Eq, Expr::col("k"), Expr::Literal(Value::Long(1)));
        let on_id = Expr::binary(BinaryOp::Gt, Expr::col("id"), Expr::Literal(Value::Long(2)));
        let on_sum = Expr::binary(BinaryOp::Gt, Expr::col("s"), Expr::Literal(Value::Long(2)));
        let cond = and(and(on_key, on_id), on_sum);
        let plan = push_down(&Arc::new(builder::filter(windowed(Expr::col("k")), cond, &conf, new_plan_id()).unwrap()));
        // `id > 2` and `s > 2` stay right above the window; `k = 1` goes below it (and on
        // through the projection that computes k).
        let mut at = plan.as_ref();
        while !matches!(at.node, PlanNode::Filter { .. }) {
            at = at.children()[0];
        }
        let PlanNode::Filter { condition, input } = &at.node else { unreachable!() };
        assert!(matches!(input.node, PlanNode::Window { .. }), "{at:?}");
        let mut above = vec![];
        conjuncts(condition, &mut above);
        assert_eq!(above.len(), 2, "{condition:?}");
        let mut below = vec![];
        window_input(&plan).apply(&mut |p| {
            if let PlanNode::Filter { condition, .. } = &p.node {
                below.push(condition.clone());
            }
            crate::ir::tree::Recursion::Continue
        });
        assert_eq!(below.len(), 1, "{below:?}");
    }

    #[test]
    fn no_filter_goes_below_a_window_partitioned_by_an_expression() {
        let conf = Conf::default();
        let by_expr = Expr::binary(BinaryOp::Add, Expr::col("k"), Expr::Literal(Value::Long(1)));
        let on_key = Expr::binary(BinaryOp::Eq, Expr::col("k"), Expr::Literal(Value::Long(1)));
        let plan = push_down(&Arc::new(builder::filter(windowed(by_expr), on_key, &conf, new_plan_id()).unwrap()));
        assert!(!matches!(window_input(&plan).node, PlanNode::Filter { .. }), "{plan:?}");
    }

    #[test]
    fn literal_comparisons_fold() {
        let eq = |a: &str, b: &str| fold(&Expr::binary(BinaryOp::Eq, lit_str(a), lit_str(b)));
        assert_eq!(eq("s", "s"), Expr::Literal(Value::Boolean(true)));
        assert_eq!(eq("s", "c"), Expr::Literal(Value::Boolean(false)));
        let null = fold(&Expr::binary(BinaryOp::Eq, Expr::Literal(Value::Null), lit_str("c")));
        assert_eq!(null, Expr::Literal(Value::Null));
        let col_and_false = fold(&and(Expr::col("x"), Expr::Not(Box::new(Expr::Literal(Value::Boolean(true))))));
        assert_eq!(col_and_false, Expr::Literal(Value::Boolean(false)));
    }
}
