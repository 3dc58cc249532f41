//! DataFrame subqueries used as values: `df.scalar()` and `df.exists()` (Spark 4's
//! `ScalarSubquery` and `Exists` over a Dataset's plan) inside a `select`, `filter` or
//! `withColumn`. Each is planned as Spark's optimizer rewrites it, into a join that
//! gives every input row one value:
//! - uncorrelated: the input left-joined to the subquery's one row (`scalar`: checked
//!   for more than one row when it runs, NULL without one), or crossed with
//!   `count(1) > 0` over its first row (`exists`);
//! - correlated (its steps read `col(...).outer()`): decorrelated by `analysis::lateral`
//!   (the input rows numbered, the steps replayed over them, aggregated per input row,
//!   with the aggregate's value over no rows where none matched: Spark's count bug
//!   handling); a scalar subquery without an aggregate is `first(v)` beside the count
//!   of its rows, more than one failing with SCALAR_SUBQUERY_TOO_MANY_ROWS as in Spark 4.
//!
//! The operation then reads each value as a column named as Spark names the subquery
//! (`scalarsubquery(c1)`, `exists()`), and the values are projected away after it.

use super::builder;
use super::lateral::{self, Finish, SCALAR_ROWS};
use super::resolve::Resolver;
use super::functions::is_aggregate_call;
use super::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::*;
use std::sync::Arc;

/// Whether `e` holds a DataFrame subquery.
pub fn has_subquery(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Subquery(_)))
}

/// Spark's error for a scalar subquery of more than one column.
pub fn more_than_one_column(n: usize) -> Error {
    Error::analysis(
        "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
        format!("Invalid subquery: Scalar subquery must return only one column, but got {n}."),
    )
    .with_param("number", n.to_string())
}

fn step_exprs(step: &CorrelatedStep) -> Vec<&Expr> {
    match step {
        CorrelatedStep::Filter(c) => vec![c],
        CorrelatedStep::Select(list) | CorrelatedStep::Sort(list) => list.iter().collect(),
        CorrelatedStep::WithColumns(list) => list.iter().map(|(_, e)| e).collect(),
    }
}

/// The names of the outer columns the steps read, in order: Spark lists them in the
/// subquery's name (`scalarsubquery(c1)`, `exists(c1, c2)`). `inner` tells the outer
/// references the subquery resolves itself (Spark's scoping), which are not listed.
fn outer_names(steps: &[CorrelatedStep], inner: &dyn Fn(&Expr) -> bool) -> Vec<String> {
    let mut names: Vec<String> = vec![];
    for e in steps.iter().flat_map(step_exprs) {
        e.walk(&mut |x| {
            if let Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) } = x {
                if inner(&as_plain(x)) {
                    return;
                }
                let name = parts.last().cloned().unwrap_or_default();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        });
    }
    names
}

/// A select without an aggregate.
fn plain_select(step: &CorrelatedStep) -> bool {
    matches!(step, CorrelatedStep::Select(list) if !list.iter().any(|e| e.any(&is_aggregate_call)))
}

fn split_and(e: &Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary { op: BinaryOp::And, left, right } => {
            split_and(left, out);
            split_and(right, out);
        }
        other => out.push(other.clone()),
    }
}

/// `e` with its outer references read as plain columns.
fn as_plain(e: &Expr) -> Expr {
    e.transform_down(&mut |x| match x {
        Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) } => Some(Expr::Unresolved { parts: parts.clone(), plan_id: None }),
        _ => None,
    })
}

/// The common correlated shape planned as Spark's `RewriteCorrelatedScalarSubquery` and
/// `RewritePredicateSubquery` do, keyed on the correlation instead of on each input row:
/// a filter whose correlated conjuncts are all `inner = outer` equalities, then (scalar)
/// one aggregate select: the aggregate grouped by the inner sides, left-joined on them
/// (with its value over no rows where nothing matched), or (exists) their distinct
/// values. `None` for any other shape (`analysis::lateral` plans those).
fn keyed_value(input: &Arc<Plan>, s: &Subquery, conf: &Conf) -> Result<Option<(Arc<Plan>, Expr)>> {
    let Some(first) = s.steps.iter().position(|st| step_exprs(st).into_iter().any(lateral::has_outer)) else { return Ok(None) };
    let CorrelatedStep::Filter(condition) = &s.steps[first] else { return Ok(None) };
    let rest = &s.steps[first + 1..];
    if rest.iter().flat_map(step_exprs).any(lateral::has_outer) {
        return Ok(None);
    }
    let aggregates = match (s.kind, rest) {
        (SubqueryKind::Scalar, [CorrelatedStep::Select(list)]) if list.iter().any(|e| e.any(&is_aggregate_call)) => Some(list.clone()),
        // Rows only matter: trailing projections and sorts do not change them (an
        // aggregation does: one row, whatever the filter keeps).
        (SubqueryKind::Exists, rest) if rest.iter().all(|st| matches!(st, CorrelatedStep::WithColumns(_) | CorrelatedStep::Sort(_)) || plain_select(st)) => None,
        _ => return Ok(None),
    };
    let mut inner = s.plan.clone();
    for step in s.steps[..first].iter().cloned() {
        inner = lateral::replay(inner, step, conf)?;
    }
    let mut parts = vec![];
    split_and(condition, &mut parts);
    let (mut local, mut keys, mut outers) = (vec![], vec![], vec![]);
    for c in parts {
        if !lateral::has_outer(&c) {
            local.push(c);
            continue;
        }
        let Expr::Binary { op: BinaryOp::Eq, left, right } = &c else { return Ok(None) };
        let only_outer = |e: &Expr| lateral::has_outer(e) && !e.any(&|x| matches!(x, Expr::Unresolved { plan_id: None, .. }));
        let (inner_side, outer_side) = match (only_outer(left), only_outer(right)) {
            (false, true) if !lateral::has_outer(left) => (left, right),
            (true, false) if !lateral::has_outer(right) => (right, left),
            _ => return Ok(None),
        };
        // An outer reference the inner side resolves is the inner column (Spark's
        // scoping); one `input` cannot resolve is lateral's error to give.
        let plain = as_plain(outer_side);
        if Resolver::new(&inner, conf).resolve(plain.clone()).is_ok() {
            return Ok(None);
        }
        let Ok(outer) = Resolver::new(input, conf).resolve(plain) else { return Ok(None) };
        keys.push(inner_side.as_ref().clone().alias(&format!("__subquery_key{}", keys.len())));
        outers.push(outer);
    }
    if let Some(c) = local.into_iter().reduce(|a, b| Expr::binary(BinaryOp::And, a, b)) {
        inner = Arc::new(builder::filter(inner, c, conf, new_plan_id())?);
    }
    let on = outers
        .into_iter()
        .enumerate()
        .map(|(k, o)| Expr::binary(BinaryOp::Eq, o, Expr::col(&format!("__subquery_key{k}"))))
        .reduce(|a, b| Expr::binary(BinaryOp::And, a, b))
        .ok_or_else(|| Error::internal("a correlated filter without an equality"))?;
    let n_keys = keys.len();
    let Some(aggregates) = aggregates else {
        let found = Arc::new(builder::project(inner, keys, conf, new_plan_id())?);
        let found = Arc::new(builder::deduplicate(found, None, conf, new_plan_id())?);
        let joined = Arc::new(builder::join(input.clone(), found, builder::JoinOn::Condition(on), JoinType::Left, conf, new_plan_id())?);
        let key = joined.output.last().cloned().ok_or_else(|| Error::internal("exists key lost"))?;
        return Ok(Some((joined, Expr::IsNotNull(Box::new(Expr::Attr(key))))));
    };
    let grouped = Arc::new(builder::aggregate(inner.clone(), keys, aggregates.clone(), conf, new_plan_id())?);
    if grouped.output.len() != n_keys + 1 {
        return Err(more_than_one_column(grouped.output.len() - n_keys));
    }
    // The aggregate over no rows, for the input rows nothing matched (0 for a count).
    let none = Arc::new(builder::filter(inner, Expr::lit(Value::Boolean(false)), conf, new_plan_id())?);
    let none = Arc::new(builder::global_aggregate(none, aggregates, conf, new_plan_id())?);
    let joined = Arc::new(builder::join(input.clone(), grouped, builder::JoinOn::Condition(on), JoinType::Left, conf, new_plan_id())?);
    let joined = Arc::new(builder::join(joined, none, builder::JoinOn::None, JoinType::Cross, conf, new_plan_id())?);
    let out = &joined.output;
    let width = input.output.len();
    let (key, value, over_nothing) = (out[width].clone(), out[width + n_keys].clone(), out[width + n_keys + 1].clone());
    let matched = Expr::IsNotNull(Box::new(Expr::Attr(key)));
    Ok(Some((joined.clone(), Expr::case_when(vec![(matched, Expr::Attr(value))], Some(Expr::Attr(over_nothing))))))
}

/// `input`'s columns then one more: the subquery's value per input row, under an
/// internal name. Returns the plan and the value's attribute as the operation reads it.
fn value_of(input: Arc<Plan>, s: &Subquery, conf: &Conf) -> Result<(Arc<Plan>, Attribute)> {
    let correlated = s.steps.iter().flat_map(step_exprs).any(lateral::has_outer);
    let keyed = if correlated { keyed_value(&input, s, conf)? } else { None };
    let (joined, value) = if let Some(found) = keyed {
        found
    } else if correlated {
        let finish = match s.kind {
            SubqueryKind::Scalar => Finish::Scalar,
            SubqueryKind::Exists => Finish::Exists,
        };
        let joined = Arc::new(lateral::correlated_value(input.clone(), s.plan.clone(), s.steps.clone(), finish, conf)?);
        let out = &joined.output;
        let value = match out.last() {
            // One inner row per input row at most, when it runs.
            Some(rows) if rows.name == SCALAR_ROWS && out.len() >= 2 => {
                Expr::func("scalar_subquery_value", vec![Expr::Attr(out[out.len() - 2].clone()), Expr::Attr(rows.clone())])
            }
            Some(v) => Expr::Attr(v.clone()),
            None => return Err(Error::internal("a subquery without a value")),
        };
        (joined, value)
    } else {
        let mut inner = s.plan.clone();
        for step in s.steps.iter().cloned() {
            inner = lateral::replay(inner, step, conf)?;
        }
        match s.kind {
            SubqueryKind::Scalar => {
                if inner.output.len() != 1 {
                    return Err(more_than_one_column(inner.output.len()));
                }
                // More than one row fails when it runs (Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS).
                let v = inner.output[0].clone();
                let checked = vec![Expr::func("scalar_subquery_value", vec![Expr::Attr(v.clone())]).alias(&v.name)];
                let checked = Arc::new(builder::project(inner, checked, conf, new_plan_id())?);
                let joined = Arc::new(builder::join(input.clone(), checked, builder::JoinOn::None, JoinType::Left, conf, new_plan_id())?);
                let value = Expr::Attr(joined.output.last().cloned().ok_or_else(|| Error::internal("scalar subquery value lost"))?);
                (joined, value)
            }
            SubqueryKind::Exists => {
                let first = Arc::new(builder::limit(inner, 1, new_plan_id()));
                // Counted through a column of its own: a count reading no column of a
                // global aggregation's one row gets 0 rows from the engine (found here).
                let first = Arc::new(builder::project(first, vec![Expr::lit(Value::Boolean(true)).alias("row")], conf, new_plan_id())?);
                let count = Expr::func("count", vec![Expr::col("row")]);
                let found = Expr::binary(BinaryOp::Gt, count, Expr::lit(Value::Long(0))).alias("exists");
                let found = Arc::new(builder::global_aggregate(first, vec![found], conf, new_plan_id())?);
                let joined = Arc::new(builder::join(input.clone(), found, builder::JoinOn::None, JoinType::Cross, conf, new_plan_id())?);
                let value = Expr::Attr(joined.output.last().cloned().ok_or_else(|| Error::internal("exists value lost"))?);
                (joined, value)
            }
        }
    };
    // The input's columns as they were (the join keeps their ids), then the value.
    let width = input.output.len();
    let internal = format!("__subquery_value_{}", new_plan_id());
    let list = joined.output[..width].iter().cloned().map(Expr::Attr).chain([value.alias(&internal)]).collect();
    let plan = Arc::new(builder::project(joined, list, conf, new_plan_id())?);
    let attr = plan.output.last().cloned().ok_or_else(|| Error::internal("subquery value lost"))?;
    let (prefix, nullable) = match s.kind {
        SubqueryKind::Scalar => ("scalarsubquery", true),
        SubqueryKind::Exists => ("exists", false),
    };
    let inner = |e: &Expr| Resolver::new(&s.plan, conf).resolve(e.clone()).is_ok();
    let shown = format!("{prefix}({})", outer_names(&s.steps, &inner).join(", "));
    Ok((plan, Attribute { name: shown, nullable, ..attr }))
}

/// `input` joined to the value of each subquery `exprs` hold, `exprs` reading those
/// values, and the ids of the value columns (to drop after the operation).
fn plan_values(input: Arc<Plan>, exprs: Vec<Expr>, conf: &Conf) -> Result<(Arc<Plan>, Vec<Expr>, Vec<u64>)> {
    let mut plan = input;
    let mut values = vec![];
    let mut failure = None;
    let exprs = exprs
        .iter()
        .map(|e| {
            e.transform_down(&mut |x| {
                let Expr::Subquery(s) = x else { return None };
                if failure.is_some() {
                    return None;
                }
                match value_of(plan.clone(), s, conf) {
                    Ok((joined, attr)) => {
                        plan = joined;
                        values.push(attr.id);
                        Some(Expr::Attr(attr))
                    }
                    Err(e) => {
                        failure = Some(e);
                        None
                    }
                }
            })
        })
        .collect();
    match failure {
        Some(e) => Err(e),
        None => Ok((plan, exprs, values)),
    }
}

/// `input` projected to its columns but the subquery values.
fn without_values(plan: Plan, values: &[u64], conf: &Conf, plan_id: u64) -> Result<Plan> {
    let list = plan.output.iter().filter(|a| !values.contains(&a.id)).cloned().map(Expr::Attr).collect();
    builder::project(Arc::new(plan), list, conf, plan_id)
}

/// `select` of expressions holding subqueries.
pub fn project(input: Arc<Plan>, exprs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if exprs.iter().any(|e| e.any(&is_aggregate_call)) {
        // `df.select(F.sum("x") + sdf.scalar())`: a global aggregation, as in Spark.
        return aggregate(input, vec![], exprs, false, conf, plan_id);
    }
    // `*` is the input's columns, not the values joined to it.
    let exprs = Resolver::new(&input, conf).expand_stars(exprs)?;
    let (joined, exprs, _) = plan_values(input, exprs, conf)?;
    builder::project(joined, exprs, conf, plan_id)
}

/// `filter` by a condition holding subqueries.
pub fn filter(input: Arc<Plan>, condition: Expr, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let (joined, mut condition, values) = plan_values(input, vec![condition], conf)?;
    let kept = builder::filter(joined, condition.remove(0), conf, new_plan_id())?;
    without_values(kept, &values, conf, plan_id)
}

/// `withColumn(s)` of expressions holding subqueries.
pub fn with_columns(input: Arc<Plan>, cols: Vec<(String, Expr)>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let (names, exprs): (Vec<String>, Vec<Expr>) = cols.into_iter().unzip();
    let (joined, exprs, values) = plan_values(input, exprs, conf)?;
    let added = builder::with_columns(joined, names.into_iter().zip(exprs).collect(), conf, new_plan_id())?;
    without_values(added, &values, conf, plan_id)
}

/// Spark's error for a correlated scalar subquery in a sort or a join condition
/// (its `treeNode` is Spark's plan text, which PyRust does not have: the node's name).
pub fn correlated_scalar_misplaced(node: &str) -> Error {
    Error::analysis(
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY",
        format!("Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:\n{node}"),
    )
    .with_param("treeNode", node)
}

/// Spark's error for an IN or EXISTS subquery in a sort.
pub fn predicate_misplaced(node: &str) -> Error {
    Error::analysis(
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_IN_EXISTS_SUBQUERY",
        format!("Unsupported subquery expression: IN/EXISTS predicate subqueries can only be used in filters, joins, aggregations, window functions, projections, and UPDATE/MERGE/DELETE commands:\n{node}"),
    )
    .with_param("treeNode", node)
}

fn is_correlated(s: &Subquery) -> bool {
    s.steps.iter().flat_map(step_exprs).any(lateral::has_outer)
}

/// Refuses the subqueries Spark refuses in a sort (`predicates`: EXISTS too) or a
/// join condition: correlated scalar ones.
fn refuse_misplaced(exprs: &[Expr], node: &str, predicates: bool) -> Result<()> {
    let mut found = None;
    for e in exprs {
        e.walk(&mut |x| match x {
            Expr::Subquery(s) if found.is_none() && predicates && s.kind == SubqueryKind::Exists => found = Some(predicate_misplaced(node)),
            Expr::Subquery(s) if found.is_none() && s.kind == SubqueryKind::Scalar && is_correlated(s) => found = Some(correlated_scalar_misplaced(node)),
            _ => {}
        });
    }
    found.map_or(Ok(()), Err)
}

/// `orderBy` / `sort` by keys holding subqueries: sorted by their values, which are
/// projected away after.
pub fn sort(input: Arc<Plan>, keys: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    refuse_misplaced(&keys, "Sort", true)?;
    let (joined, keys, values) = plan_values(input, keys, conf)?;
    let sorted = builder::sort(joined, keys, conf, new_plan_id())?;
    without_values(sorted, &values, conf, plan_id)
}

/// A join whose condition holds subqueries: their values are joined to the left side
/// first (one value per left row, reading the left side where correlated), the
/// condition reads them, and they are projected away after the join.
pub fn join(left: Arc<Plan>, right: Arc<Plan>, condition: Expr, join_type: JoinType, conf: &Conf, plan_id: u64) -> Result<Plan> {
    refuse_misplaced(std::slice::from_ref(&condition), "Join", false)?;
    let (joined, mut condition, values) = plan_values(left, vec![condition], conf)?;
    let on = builder::JoinOn::Condition(condition.remove(0));
    let joined = builder::join(joined, right, on, join_type, conf, new_plan_id())?;
    without_values(joined, &values, conf, plan_id)
}

/// Whether `e` holds a subquery outside any aggregate call: a value per group.
fn outside_aggregates(e: &Expr) -> bool {
    let mut found = false;
    rewrite_aggregation(e, &mut |_| None, &mut |x| {
        found |= matches!(x, Expr::Subquery(_));
        None
    });
    found
}

/// An aggregation holding subqueries, planned as Spark runs an uncorrelated one (one
/// value, computed once) and decorrelates a correlated one:
/// - in grouping keys and inside aggregate calls (`sum(v * sdf.scalar())`), a value per
///   input row: joined to the input before the aggregation;
/// - outside aggregate calls (`sum(v) + sdf.scalar()`), a value per group: the
///   aggregation reads a stand-in column for it, and the value is joined to the
///   aggregation's result, so a global aggregation of no rows still has its one row.
///
/// Spark refuses a correlated scalar subquery outside aggregate calls unless it is a
/// grouping expression (`SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION`).
pub fn aggregate(input: Arc<Plan>, keys: Vec<Expr>, aggs: Vec<Expr>, mark: bool, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let (input, keys, _) = plan_values(input, keys, conf)?;
    let mut plan = input;
    let mut failure = None;
    let aggs: Vec<Expr> = aggs
        .into_iter()
        .map(|e| {
            let mut call = |x: &Expr| {
                if failure.is_some() || !has_subquery(x) {
                    return None;
                }
                match plan_values(plan.clone(), vec![x.clone()], conf) {
                    Ok((joined, mut read, _)) => {
                        plan = joined;
                        Some(read.remove(0))
                    }
                    Err(e) => {
                        failure = Some(e);
                        None
                    }
                }
            };
            rewrite_aggregation(&e, &mut call, &mut |_| None)
        })
        .collect();
    if let Some(e) = failure {
        return Err(e);
    }
    let input = plan;
    if !aggs.iter().any(outside_aggregates) {
        return builder::aggregate_reading(input, keys, aggs, mark, &Default::default(), conf, plan_id);
    }
    // Stand-ins for the subqueries read per group: typed and named as their values.
    let mut stand_ins: Vec<(Attribute, Subquery)> = vec![];
    let aggs: Vec<Expr> = aggs
        .into_iter()
        .map(|e| {
            // Inside an aggregate call: planned per input row already.
            rewrite_aggregation(&e, &mut |_| None, &mut |x| {
                if failure.is_some() {
                    return None;
                }
                let Expr::Subquery(s) = x else { return None };
                if is_correlated(s) && s.kind == SubqueryKind::Scalar {
                    failure = Some(correlated_outside_aggregates(s, conf));
                    return None;
                }
                if let Err(e) = outer_columns_grouped(&input, &keys, s, conf) {
                    failure = Some(e);
                    return None;
                }
                // The value's type and name, planned over the input (the plan is dropped).
                match value_of(input.clone(), s, conf) {
                    Ok((_, attr)) => {
                        let attr = Attribute { id: new_attr_id(), qualifier: None, metadata: None, ..attr };
                        stand_ins.push((attr.clone(), s.as_ref().clone()));
                        Some(Expr::Attr(attr))
                    }
                    Err(e) => {
                        failure = Some(e);
                        None
                    }
                }
            })
        })
        .collect();
    if let Some(e) = failure {
        return Err(e);
    }
    let ids = stand_ins.iter().map(|(a, _)| a.id).collect();
    let planned = builder::aggregate_reading(input, keys, aggs, mark, &ids, conf, plan_id)?;
    let PlanNode::Project { input: groups, exprs } = planned.node else {
        return Err(Error::internal("an aggregation reading subqueries without its projection"));
    };
    // Windows over the groups (`analysis::windows::over_aggregate`) may read the values:
    // they are joined below them, to the groups themselves.
    let mut windows = vec![];
    let mut groups = groups;
    while let PlanNode::Window { input, exprs } = &groups.node {
        windows.push((groups.plan_id, exprs.clone()));
        groups = input.clone();
    }
    // The values joined to the groups (a correlated exists reads their keys), then read
    // where the stand-ins were.
    let mut joined = groups;
    let mut read = vec![];
    for (stand_in, s) in stand_ins {
        let (plan, attr) = value_of(joined, &s, conf)?;
        joined = plan;
        read.push((stand_in.id, attr));
    }
    let reading = |list: Vec<NamedExpr>| -> Vec<NamedExpr> {
        list.into_iter()
            .map(|n| {
                let expr = n.expr.transform_down(&mut |x| match x {
                    Expr::Attr(a) => read.iter().find(|(id, _)| *id == a.id).map(|(_, v)| Expr::Attr(v.clone())),
                    _ => None,
                });
                NamedExpr { expr, attr: n.attr }
            })
            .collect()
    };
    for (window_id, exprs) in windows.into_iter().rev() {
        let exprs = reading(exprs);
        let mut output = joined.output.clone();
        output.extend(exprs.iter().map(|n| n.attr.clone()));
        joined = Arc::new(Plan { plan_id: window_id, node: PlanNode::Window { input: joined, exprs }, output });
    }
    Ok(Plan { plan_id: planned.plan_id, node: PlanNode::Project { input: joined, exprs: reading(exprs) }, output: planned.output })
}

/// `e` rewritten by `call` at its aggregate calls (what they read is read per input
/// row) and top-down by `group` outside them (read per group). A window's own function
/// is no such call: `sum(sum(v) + s) OVER w` reads `s` per group, as Spark's
/// ExtractWindowExpressions computes the window's argument in the aggregation, while
/// `sum(sum(v * s)) OVER w` reads it per input row.
fn rewrite_aggregation(e: &Expr, call: &mut dyn FnMut(&Expr) -> Option<Expr>, group: &mut dyn FnMut(&Expr) -> Option<Expr>) -> Expr {
    match e {
        Expr::Window { function, .. } => e.map_children(&mut |c| match std::ptr::eq(c, function.as_ref()) {
            true => c.map_children(&mut |a| rewrite_aggregation(a, call, group)),
            false => rewrite_aggregation(c, call, group),
        }),
        x if is_aggregate_call(x) => call(x).unwrap_or_else(|| x.clone()),
        x => match group(x) {
            Some(done) => done,
            None => x.map_children(&mut |c| rewrite_aggregation(c, call, group)),
        },
    }
}

/// A subquery read per group may read only the grouping keys of the outer rows: Spark
/// checks its outer references as the aggregation's own columns (MISSING_AGGREGATION).
fn outer_columns_grouped(input: &Arc<Plan>, keys: &[Expr], s: &Subquery, conf: &Conf) -> Result<()> {
    let resolver = Resolver::new(input, conf);
    let grouped: Vec<u64> = keys
        .iter()
        .filter_map(|k| match resolver.resolve(k.clone()).ok()?.unalias() {
            Expr::Attr(a) => Some(a.id),
            _ => None,
        })
        .collect();
    let inner = |e: &Expr| Resolver::new(&s.plan, conf).resolve(e.clone()).is_ok();
    let mut outer = vec![];
    for e in s.steps.iter().flat_map(step_exprs) {
        e.walk(&mut |x| {
            if matches!(x, Expr::Unresolved { plan_id: Some(OUTER_PLAN_ID), .. }) && !inner(&as_plain(x)) {
                outer.push(as_plain(x));
            }
        });
    }
    for o in outer {
        // One the input cannot resolve is the decorrelation's error to give.
        if let Ok(Expr::Attr(a)) = resolver.resolve(o).as_ref().map(Expr::unalias) {
            if !grouped.contains(&a.id) {
                return Err(match keys.is_empty() {
                    true => builder::missing_group_by(),
                    false => builder::missing_aggregation(&a.name),
                });
            }
        }
    }
    Ok(())
}

/// A `rollup`/`cube`/`groupingSets` aggregation holding uncorrelated subqueries, planned
/// by `plan` over the input joined to their values: in the grouping columns and inside
/// aggregate calls read per input row; outside them the value is one for the whole
/// query, read as `first(value)` of each group (a grouping-set aggregation of no rows has
/// no row, so no group lacks one). Items holding one keep the name Spark gives them.
pub fn grouping_sets(input: Arc<Plan>, columns: Vec<Expr>, aggs: Vec<Expr>, conf: &Conf, plan: &mut dyn FnMut(Arc<Plan>, Vec<Expr>, Vec<Expr>) -> Result<Plan>) -> Result<Plan> {
    if !columns.iter().chain(&aggs).any(has_subquery) {
        return plan(input, columns, aggs);
    }
    // Correlated ones only inside aggregate calls (a value per input row).
    let correlated = |e: &Expr| e.any(&|x| matches!(x, Expr::Subquery(s) if is_correlated(s)));
    let mut per_group_correlated = columns.iter().any(correlated);
    for e in &aggs {
        rewrite_aggregation(e, &mut |_| None, &mut |x| {
            per_group_correlated |= correlated(x) && matches!(x, Expr::Subquery(_));
            None
        });
    }
    if per_group_correlated {
        return Err(Error::unsupported("a correlated DataFrame subquery outside aggregate calls in a rollup, cube or groupingSets aggregation"));
    }
    let named = |e: Expr| match e {
        e if has_subquery(&e) && !matches!(e.without_origin(), Expr::Alias { .. }) => {
            let name = super::naming::auto_name(&e);
            e.alias(&name)
        }
        e => e,
    };
    let (columns, aggs): (Vec<Expr>, Vec<Expr>) = (columns.into_iter().map(named).collect(), aggs.into_iter().map(named).collect());
    let (mut joined, columns, _) = plan_values(input, columns, conf)?;
    let mut failure = None;
    let mut value = |x: &Expr, joined: &mut Arc<Plan>| match plan_values(joined.clone(), vec![x.clone()], conf) {
        Ok((plan, mut read, _)) => {
            *joined = plan;
            Some(read.remove(0))
        }
        Err(e) => {
            failure = Some(e);
            None
        }
    };
    let mut read = vec![];
    for e in aggs {
        let mut per_row = vec![];
        let mut per_group = vec![];
        // Found first, then planned: the two rewrites cannot both hold `joined`.
        rewrite_aggregation(
            &e,
            &mut |x| {
                if has_subquery(x) {
                    per_row.push(x.clone());
                }
                None
            },
            &mut |x| {
                if matches!(x, Expr::Subquery(_)) {
                    per_group.push(x.clone());
                }
                None
            },
        );
        let per_row: Vec<(Expr, Expr)> = per_row.into_iter().filter_map(|x| value(&x, &mut joined).map(|v| (x, v))).collect();
        let per_group: Vec<(Expr, Expr)> = per_group.into_iter().filter_map(|x| value(&x, &mut joined).map(|v| (x.clone(), first_of(&x, v)))).collect();
        let find = |list: &[(Expr, Expr)], x: &Expr| list.iter().find(|(s, _)| s == x).map(|(_, v)| v.clone());
        read.push(rewrite_aggregation(&e, &mut |x| find(&per_row, x), &mut |x| find(&per_group, x)));
    }
    if let Some(e) = failure {
        return Err(e);
    }
    plan(joined, columns, read)
}

/// A subquery's value in a group: the same on all its rows (EXISTS stays not nullable).
fn first_of(s: &Expr, value: Expr) -> Expr {
    let first = Expr::func("first", vec![value]);
    match s {
        Expr::Subquery(q) if q.kind == SubqueryKind::Exists => Expr::func("coalesce", vec![first, Expr::lit(Value::Boolean(false))]),
        _ => first,
    }
}

/// Spark's error for a correlated scalar subquery read per group.
fn correlated_outside_aggregates(s: &Subquery, conf: &Conf) -> Error {
    let inner = |e: &Expr| Resolver::new(&s.plan, conf).resolve(e.clone()).is_ok();
    scalar_per_group(&outer_names(&s.steps, &inner))
}

/// SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION for a subquery reading `outer`.
pub fn scalar_per_group(outer: &[String]) -> Error {
    let shown = format!("scalarsubquery({})", outer.join(", "));
    Error::analysis(
        "SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION",
        format!("The correlated scalar subquery '\"{shown}\"' is neither present in GROUP BY, nor in an aggregate function."),
    )
    .with_param("sqlExpr", format!("\"{shown}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(n: i64) -> Arc<Plan> {
        Arc::new(builder::range(0, n, 1).unwrap())
    }

    fn subquery(kind: SubqueryKind, plan: Arc<Plan>, steps: Vec<CorrelatedStep>) -> Expr {
        Expr::Subquery(Box::new(Subquery { kind, plan, steps }))
    }

    #[test]
    fn a_select_reads_the_value_under_spark_s_name_and_drops_the_join() {
        let conf = Conf::default();
        let max = builder::global_aggregate(range(3), vec![Expr::func("max", vec![Expr::col("id")])], &conf, new_plan_id()).unwrap();
        let value = subquery(SubqueryKind::Scalar, Arc::new(max), vec![]);
        let plan = builder::project(range(2), vec![Expr::col("id"), value], &conf, new_plan_id()).unwrap();
        let names: Vec<(&str, bool)> = plan.output.iter().map(|a| (a.name.as_str(), a.nullable)).collect();
        assert_eq!(names, vec![("id", false), ("scalarsubquery()", true)]);
    }

    #[test]
    fn a_filter_keeps_its_input_columns_and_exists_is_not_nullable() {
        let conf = Conf::default();
        let input = range(2);
        let kept = builder::filter(input.clone(), subquery(SubqueryKind::Exists, range(1), vec![]), &conf, new_plan_id()).unwrap();
        assert_eq!(kept.output, input.output);
        let shown = builder::project(input, vec![subquery(SubqueryKind::Exists, range(1), vec![])], &conf, new_plan_id()).unwrap();
        assert_eq!((shown.output[0].name.as_str(), shown.output[0].nullable), ("exists()", false));
    }

    #[test]
    fn a_scalar_of_two_columns_is_refused_when_planned() {
        let conf = Conf::default();
        let two = builder::project(range(1), vec![Expr::col("id"), Expr::col("id").alias("b")], &conf, new_plan_id()).unwrap();
        let err = builder::project(range(1), vec![subquery(SubqueryKind::Scalar, Arc::new(two), vec![])], &conf, new_plan_id()).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN"));
    }

    #[test]
    fn an_aggregation_reads_a_value_beside_and_inside_its_aggregates() {
        let conf = Conf::default();
        let max = || Arc::new(builder::global_aggregate(range(3), vec![Expr::func("max", vec![Expr::col("id")])], &conf, new_plan_id()).unwrap());
        let beside = Expr::binary(BinaryOp::Add, Expr::func("sum", vec![Expr::col("id")]), subquery(SubqueryKind::Scalar, max(), vec![]));
        let inside = Expr::func("sum", vec![Expr::binary(BinaryOp::Multiply, Expr::col("id"), subquery(SubqueryKind::Scalar, max(), vec![]))]);
        let plan = builder::aggregate(range(4), vec![Expr::col("id")], vec![beside, inside], &conf, new_plan_id()).unwrap();
        let names: Vec<&str> = plan.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["id", "(sum(id) + scalarsubquery())", "sum((id * scalarsubquery()))"]);
    }

    #[test]
    fn a_correlated_scalar_beside_aggregates_is_refused_as_spark() {
        let conf = Conf::default();
        let outer = Expr::Unresolved { parts: vec!["id".into()], plan_id: Some(OUTER_PLAN_ID) };
        let steps = vec![CorrelatedStep::Filter(Expr::binary(BinaryOp::Eq, Expr::col("id"), outer)), CorrelatedStep::Select(vec![Expr::func("max", vec![Expr::col("id")])])];
        let err = builder::aggregate(range(2), vec![Expr::col("id")], vec![subquery(SubqueryKind::Scalar, range(3), steps)], &conf, new_plan_id()).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION"));
    }

    #[test]
    fn a_sort_and_a_join_keep_their_columns() {
        let conf = Conf::default();
        let input = range(3);
        let sorted = builder::sort(input.clone(), vec![subquery(SubqueryKind::Scalar, range(1), vec![])], &conf, new_plan_id()).unwrap();
        assert_eq!(sorted.output, input.output);
        // Spark sorts by no EXISTS.
        let err = builder::sort(input.clone(), vec![subquery(SubqueryKind::Exists, range(1), vec![])], &conf, new_plan_id()).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_IN_EXISTS_SUBQUERY"));
        let condition = Expr::binary(BinaryOp::Lt, Expr::lit(Value::Long(-1)), subquery(SubqueryKind::Scalar, range(1), vec![]));
        let joined = builder::join(input.clone(), range(2), builder::JoinOn::Condition(condition), JoinType::LeftSemi, &conf, new_plan_id()).unwrap();
        assert_eq!(joined.output, input.output);
    }

    #[test]
    fn outer_names_are_listed_once_in_order() {
        let outer = |n: &str| Expr::Unresolved { parts: vec!["a".into(), n.into()], plan_id: Some(OUTER_PLAN_ID) };
        let c = Expr::binary(BinaryOp::And, Expr::binary(BinaryOp::Eq, Expr::col("x"), outer("c1")), Expr::binary(BinaryOp::Gt, outer("c2"), outer("c1")));
        assert_eq!(outer_names(&[CorrelatedStep::Filter(c.clone())], &|_| false), vec!["c1".to_string(), "c2".to_string()]);
        // One the subquery resolves itself is its own column.
        let own = |e: &Expr| matches!(e, Expr::Unresolved { parts, .. } if parts[1] == "c2");
        assert_eq!(outer_names(&[CorrelatedStep::Filter(c)], &own), vec!["c1".to_string()]);
    }

    fn window(function: Expr) -> Expr {
        Expr::Window { function: Box::new(function), spec: Box::default() }
    }

    #[test]
    fn a_window_s_own_function_is_no_aggregate_call_around_a_subquery() {
        let sub = || subquery(SubqueryKind::Scalar, range(1), vec![]);
        let sum = |e: Expr| Expr::func("sum", vec![e]);
        assert!(outside_aggregates(&window(sum(Expr::binary(BinaryOp::Add, sum(Expr::col("id")), sub())))));
        assert!(!outside_aggregates(&window(sum(sum(Expr::binary(BinaryOp::Multiply, Expr::col("id"), sub()))))));
        assert!(!outside_aggregates(&sum(sub())));
    }

    #[test]
    fn a_window_over_the_groups_reads_a_value_joined_below_it() {
        let conf = Conf::default();
        let max = Arc::new(builder::global_aggregate(range(3), vec![Expr::func("max", vec![Expr::col("id")])], &conf, new_plan_id()).unwrap());
        let read = Expr::binary(BinaryOp::Add, Expr::func("sum", vec![Expr::col("id")]), subquery(SubqueryKind::Scalar, max, vec![]));
        let w = window(Expr::func("sum", vec![read])).alias("w");
        let plan = builder::aggregate(range(4), vec![Expr::col("id")], vec![w], &conf, new_plan_id()).unwrap();
        let names: Vec<&str> = plan.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["id", "w"]);
        let PlanNode::Project { input, .. } = &plan.node else { panic!("a projection over the windows") };
        let PlanNode::Window { input: below, exprs } = &input.node else { panic!("the window under the projection") };
        // What the window reads is a column of the plan below it.
        exprs[0].expr.walk(&mut |x| {
            if let Expr::Attr(a) = x {
                assert!(below.output.iter().any(|b| b.id == a.id), "{} read above its join", a.name);
            }
        });
    }

    #[test]
    fn a_correlated_exists_per_group_reads_grouped_columns_only() {
        let conf = Conf::default();
        let input = Arc::new(builder::project(range(2), vec![Expr::col("id"), Expr::col("id").alias("b")], &conf, new_plan_id()).unwrap());
        let outer = Expr::Unresolved { parts: vec!["b".into()], plan_id: Some(OUTER_PLAN_ID) };
        let exists = || subquery(SubqueryKind::Exists, range(3), vec![CorrelatedStep::Filter(Expr::binary(BinaryOp::Eq, Expr::col("id"), outer.clone()))]);
        let class = |keys: Vec<Expr>| builder::aggregate(input.clone(), keys, vec![exists()], &conf, new_plan_id()).err().and_then(|e| e.error_class);
        assert_eq!(class(vec![Expr::col("id")]).as_deref(), Some("MISSING_AGGREGATION"));
        assert_eq!(class(vec![]).as_deref(), Some("MISSING_GROUP_BY"));
        assert_eq!(class(vec![Expr::col("b")]), None);
    }

    #[test]
    fn a_grouping_sets_aggregation_reads_a_value_per_group_and_refuses_a_correlated_one() {
        let conf = Conf::default();
        let exists = subquery(SubqueryKind::Exists, range(1), vec![]);
        let seen = std::cell::RefCell::new(vec![]);
        let mut plan = |input: Arc<Plan>, columns: Vec<Expr>, aggs: Vec<Expr>| {
            *seen.borrow_mut() = aggs.clone();
            builder::aggregate(input, columns, aggs, &conf, new_plan_id())
        };
        let planned = grouping_sets(range(2), vec![Expr::col("id")], vec![exists], &conf, &mut plan).unwrap();
        // Named as Spark names it, read as one value of the group, never NULL.
        assert_eq!((planned.output[1].name.as_str(), planned.output[1].nullable), ("exists()", false));
        let read = seen.borrow()[0].clone();
        assert!(!has_subquery(&read) && read.any(&is_aggregate_call));
        let outer = Expr::Unresolved { parts: vec!["id".into()], plan_id: Some(OUTER_PLAN_ID) };
        let correlated = subquery(SubqueryKind::Exists, range(3), vec![CorrelatedStep::Filter(Expr::binary(BinaryOp::Eq, Expr::col("id"), outer))]);
        let err = grouping_sets(range(2), vec![Expr::col("id")], vec![correlated], &conf, &mut plan).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("NOT_IMPLEMENTED"));
    }
}
