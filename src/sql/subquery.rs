//! Subqueries inside expressions — scalar `(SELECT ...)`, `x [NOT] IN (SELECT ...)`,
//! `[NOT] EXISTS (SELECT ...)` — correlated or not, planned as Spark's optimizer rewrites
//! them (`RewritePredicateSubquery`, `RewriteCorrelatedScalarSubquery`):
//! - an IN or EXISTS conjunct of a WHERE is a left semi join (NOT: left anti); NOT IN is
//!   null-aware: the anti join's condition is `x = y OR isnull(x = y)`, so a NULL on
//!   either side rejects the row unless the subquery is empty;
//! - a scalar subquery is a left join onto its one row (uncorrelated), or onto its
//!   aggregate grouped by the inner side of each correlated equality (correlated);
//! - a conjunct of the subquery's WHERE that names columns the subquery cannot resolve
//!   reads the outer query: it is taken out of the subquery and becomes (part of) the
//!   join condition.
//!
//! Converting SQL to IR leaves a placeholder column (`__subquery_N`) where a subquery
//! was and keeps the subquery here until the clause that holds it plans it.

use super::query::QueryBuilder;
use super::{convert, unsupported};
use crate::analysis::builder::{self, JoinOn};
use crate::analysis::new_plan_id;
use crate::analysis::resolve::Resolver;
use crate::error::{Error, Result};
use crate::ir::{Attribute, BinaryOp, Expr, JoinType, NamedExpr, Plan, PlanNode, Subquery, SubqueryKind};
use sqlparser::ast as sql;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A planned subquery body: its plan, the conditions reading the outer query, whether
/// its value is 0 where they match nothing, and the column counting the inner rows of a
/// scalar one without an aggregate.
type PlannedSubquery = (Arc<Plan>, Vec<Expr>, Unmatched, Option<String>);

/// A correlated scalar subquery's value where no inner row matches, or its HAVING fails.
#[derive(Default, Clone)]
pub(super) struct Unmatched {
    /// Where no inner row matches: a count's 0 (Spark's "count bug" handling in
    /// `RewriteCorrelatedScalarSubquery`), or 0 where its HAVING holds over no rows.
    value: Option<Expr>,
    /// The column holding whether HAVING held for the matched rows (never NULL there,
    /// so NULL says no inner row matched).
    having: Option<String>,
}

/// What a subquery is in its expression.
pub(crate) enum Kind {
    Scalar,
    Exists,
    /// `x IN (subquery)`: the tested value.
    In(Expr),
}

pub(crate) struct Pending {
    name: String,
    kind: Kind,
    query: sql::Query,
    /// An IN's tested value as written, when `kind` holds it rewritten (aggregate calls
    /// read from an aggregation's hidden columns): Spark's name shows it as written.
    shown: Option<String>,
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

static NEXT: AtomicU64 = AtomicU64::new(0);

/// The name Spark shows for a scalar subquery in a column name.
const SCALAR_NAME: &str = "scalarsubquery()";

/// A placeholder column for a subquery met while converting an expression.
pub(super) fn placeholder(kind: Kind, query: sql::Query) -> Expr {
    let name = format!("__subquery_{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let e = Expr::col(&name);
    PENDING.with(|p| p.borrow_mut().push(Pending { name, kind, query, shown: None }));
    e
}

/// The subqueries whose placeholders `exprs` hold (others, left by a failed conversion,
/// are dropped).
pub(super) fn take(exprs: &[&Expr]) -> Vec<Pending> {
    let all = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    all.into_iter().filter(|p| exprs.iter().any(|e| mentions(e, &p.name))).collect()
}

/// Puts subqueries back for the next `take` (the clause that plans them).
pub(super) fn requeue(pending: Vec<Pending>) {
    PENDING.with(|p| p.borrow_mut().extend(pending));
}

/// The IN subqueries `exprs` hold with their tested values rewritten by `hide` (an
/// aggregation's hidden columns for its aggregate calls), named as written.
pub(super) fn hide_tested_values(exprs: &[&Expr], hide: &mut dyn FnMut(Expr) -> Expr) {
    let mut pending = take(exprs);
    for p in &mut pending {
        if let Kind::In(x) = &mut p.kind {
            let hidden = hide(x.clone());
            if hidden != *x {
                p.shown.get_or_insert_with(|| crate::analysis::naming::auto_name(x));
                *x = hidden;
            }
        }
    }
    requeue(pending);
}

/// Whether an IN subquery `exprs` hold tests an aggregate (`count(*) IN (...)`), which
/// makes the select list an aggregation's.
pub(super) fn tests_an_aggregate(exprs: &[Expr]) -> bool {
    PENDING.with(|p| {
        p.borrow().iter().any(|q| {
            matches!(&q.kind, Kind::In(x) if x.any(&crate::analysis::functions::is_aggregate_call)) && exprs.iter().any(|e| mentions(e, &q.name))
        })
    })
}

/// Whether placeholder `name` sits inside an aggregate call of `e`: a value per input
/// row. A window's own function is no such call (`sum(sum(v) + (SELECT ...)) OVER ()`
/// reads a value per group).
fn inside_aggregate_call(e: &Expr, name: &str) -> bool {
    use crate::analysis::functions::is_aggregate_call;
    if let Expr::Window { .. } = e {
        return e.children().into_iter().any(|c| match is_aggregate_call(c) {
            true => c.children().into_iter().any(|g| inside_aggregate_call(g, name)),
            false => inside_aggregate_call(c, name),
        });
    }
    match is_aggregate_call(e) {
        true => mentions(e, name),
        false => e.children().into_iter().any(|c| inside_aggregate_call(c, name)),
    }
}

fn mentions(e: &Expr, name: &str) -> bool {
    e.any(&|x| matches!(x, Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 && parts[0] == name))
}

fn split_and(e: Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary { op: BinaryOp::And, left, right } => {
            split_and(*left, out);
            split_and(*right, out);
        }
        other => out.push(other),
    }
}

fn and_all(parts: Vec<Expr>) -> Option<Expr> {
    parts.into_iter().reduce(|a, b| Expr::binary(BinaryOp::And, a, b))
}

/// Whether `e` calls no function: two calls of `rand()` are different values (Spark's
/// semanticEquals holds for deterministic expressions only), and the registry does not
/// say which functions vary before they are bound.
fn without_calls(e: &Expr) -> bool {
    !e.any(&|x| matches!(x, Expr::Function { .. } | Expr::Call(_) | Expr::PythonUdf(_)))
}

/// `(a AND b) OR (a AND c)` as `a AND (b OR c)`, bottom-up (Spark's BooleanSimplification,
/// run before its subquery rewrites): an equality correlated in every branch of an OR
/// (TPC-DS q41) becomes a conjunct of its own, which the join can key on. Exact in
/// three-valued logic; a branch that is only the common part makes the OR that part.
fn factor_common_conjuncts(e: Expr) -> Expr {
    e.transform_up(&mut |x| {
        let Expr::Binary { op: BinaryOp::Or, left, right } = x else { return x };
        let (mut l, mut r) = (vec![], vec![]);
        split_and(*left, &mut l);
        split_and(*right, &mut r);
        let common: Vec<Expr> = l.iter().filter(|c| r.contains(c) && without_calls(c)).cloned().collect();
        if common.is_empty() {
            return Expr::binary(BinaryOp::Or, and_all(l).expect("a side"), and_all(r).expect("a side"));
        }
        let l_rest: Vec<Expr> = l.into_iter().filter(|c| !common.contains(c)).collect();
        let r_rest: Vec<Expr> = r.into_iter().filter(|c| !common.contains(c)).collect();
        let common = and_all(common).expect("non-empty");
        match (and_all(l_rest), and_all(r_rest)) {
            (Some(l), Some(r)) => Expr::binary(BinaryOp::And, common, Expr::binary(BinaryOp::Or, l, r)),
            _ => common,
        }
    })
}

/// Keeps the columns of `visible` only (drops what subquery joins added).
pub(super) fn project_to(plan: Arc<Plan>, visible: &[Attribute]) -> Arc<Plan> {
    if plan.output.len() == visible.len() {
        return plan;
    }
    let exprs = visible.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
    Arc::new(Plan { plan_id: new_plan_id(), node: PlanNode::Project { input: plan, exprs }, output: visible.to_vec() })
}

/// Subqueries an aggregation's select list reads per group, planned over its output
/// (`QueryBuilder::aggregation_subqueries`), and the stand-in the aggregation reads for
/// each placeholder.
#[derive(Default)]
pub(super) struct PerGroup {
    pub pending: Vec<Pending>,
    pub stand_ins: Vec<(String, Expr)>,
}

impl PerGroup {
    /// `e` with the placeholders replaced by their stand-ins.
    pub fn stand_in(&self, e: Expr) -> Expr {
        e.transform_down(&mut |x| match x {
            Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
                self.stand_ins.iter().find(|(n, _)| *n == parts[0]).map(|(_, s)| s.clone())
            }
            _ => None,
        })
    }

    /// Whether `e` reads one of these subqueries.
    pub fn read_by(&self, e: &Expr) -> bool {
        self.pending.iter().any(|p| mentions(e, &p.name))
    }
}

/// The shape a subquery is planned in.
enum Shape<'n> {
    Exists,
    /// Its value column renamed to the placeholder's name.
    In(&'n str),
    Scalar(&'n str),
}

/// What the query being built learns from its WHERE when it is a subquery body: the
/// conjuncts that read the outer query.
#[derive(Default)]
pub(super) struct Correlation {
    /// The outer query's plan, while a subquery body is built.
    pub outer: Option<Arc<Plan>>,
    /// For a scalar subquery: the name its value column takes.
    pub scalar: Option<String>,
    /// Conditions reading the outer query: outer columns bound to the outer plan's
    /// attributes, inner columns named by `exports`.
    pub outer_conditions: Vec<Expr>,
    /// Inner columns the outer conditions read, under names unique to this subquery
    /// (the join's right side may be re-instanced, and may share names with the left).
    pub exports: Vec<(String, Attribute)>,
    /// What a correlated scalar subquery is where no inner row matches.
    pub unmatched: Unmatched,
    /// The HAVING of a correlated scalar subquery (aggregated per correlation key).
    pub having: Option<Expr>,
    /// A correlated scalar subquery without an aggregate: the column counting the inner
    /// rows each outer row matches (more than one fails when the query runs).
    pub rows_column: Option<String>,
}

impl Correlation {
    /// `c` read through the inner plan first, then the outer one (Spark's scoping); false
    /// when it is not correlated.
    fn pull(&mut self, inner: &Plan, c: &Expr, conf: &crate::analysis::Conf) -> bool {
        let Some(outer) = self.outer.clone() else { return false };
        if Resolver::new(inner, conf).resolve(c.clone()).is_ok() {
            return false;
        }
        let exported = self.exports.len();
        let mut reads_outer = false;
        let mut unresolved = false;
        let bound = c.transform_down(&mut |x| {
            let Expr::Unresolved { plan_id: None, .. } = x else { return None };
            if let Ok(Expr::Attr(a)) = Resolver::new(inner, conf).resolve(x.clone()) {
                let name = format!("__outer_ref_{}", NEXT.fetch_add(1, Ordering::Relaxed));
                self.exports.push((name.clone(), a));
                return Some(Expr::col(&name));
            }
            match Resolver::new(&outer, conf).resolve(x.clone()) {
                Ok(Expr::Attr(a)) => {
                    reads_outer = true;
                    Some(Expr::Attr(a))
                }
                _ => {
                    unresolved = true;
                    None
                }
            }
        });
        if !reads_outer || unresolved {
            self.exports.truncate(exported);
            return false;
        }
        self.outer_conditions.push(bound);
        true
    }

    /// `items` (a subquery's select list) with the columns the inner plan cannot resolve
    /// but the outer query can bound to the outer query's attributes (Spark's outer
    /// references, `SELECT max(t.a) + o.b FROM t ...`), and whether there was one.
    /// `as_written`: marked as outer references (`outer(o.b)`) instead, as Spark's
    /// messages show them.
    pub(super) fn bind_outer_reads(&self, inner: &Plan, items: Vec<Expr>, as_written: bool, conf: &crate::analysis::Conf) -> (Vec<Expr>, bool) {
        let Some(outer) = self.outer.as_deref() else { return (items, false) };
        let mut found = false;
        let items = items
            .into_iter()
            .map(|item| {
                item.transform_down(&mut |x| {
                    let Expr::Unresolved { plan_id: None, .. } = x else { return None };
                    if Resolver::new(inner, conf).resolve(x.clone()).is_ok() {
                        return None;
                    }
                    match (Resolver::new(outer, conf).resolve(x.clone()), x) {
                        (Ok(Expr::Attr(_)), Expr::Unresolved { parts, .. }) if as_written => {
                            found = true;
                            Some(Expr::Unresolved { parts: parts.clone(), plan_id: Some(crate::ir::OUTER_PLAN_ID) })
                        }
                        (Ok(Expr::Attr(a)), _) => {
                            found = true;
                            Some(Expr::Attr(a))
                        }
                        _ => None,
                    }
                })
            })
            .collect();
        (items, found)
    }
}

/// Column references of `e` bound to `plan`'s attributes where they resolve to one.
fn bind_columns(e: Expr, plan: &Plan, conf: &crate::analysis::Conf) -> Expr {
    e.transform_down(&mut |x| match x {
        Expr::Unresolved { plan_id: None, .. } => match Resolver::new(plan, conf).resolve(x.clone()) {
            Ok(Expr::Attr(a)) => Some(Expr::Attr(a)),
            _ => None,
        },
        _ => None,
    })
}

impl QueryBuilder<'_> {
    /// A WHERE clause over `plan`: plain conjuncts filter, IN/EXISTS conjuncts join, scalar
    /// subqueries join then filter; conjuncts reading an outer query go to `correlation`.
    pub(super) fn where_clause(&mut self, plan: Arc<Plan>, condition: Expr, correlation: &mut Correlation) -> Result<Arc<Plan>> {
        let mut pending = take(&[&condition]);
        let mut parts = vec![];
        split_and(factor_common_conjuncts(condition), &mut parts);
        let (mut plain, mut memberships, mut scalars) = (vec![], vec![], vec![]);
        for c in parts {
            if let Some((name, negated)) = membership(&c, &pending) {
                memberships.push((name, negated));
            } else if pending.iter().any(|p| mentions(&c, &p.name)) {
                scalars.push(c);
            } else if !correlation.pull(&plan, &c, self.conf) {
                plain.push(c);
            }
        }
        let mut plan = plan;
        if let Some(c) = and_all(plain) {
            plan = Arc::new(builder::filter(plan, c, self.conf, new_plan_id())?);
        }
        for (name, negated) in memberships {
            let at = pending.iter().position(|p| p.name == name).ok_or_else(|| Error::internal("lost subquery"))?;
            let p = pending.remove(at);
            plan = self.membership_join(plan, p, negated)?;
        }
        if let Some(c) = and_all(scalars) {
            let visible = plan.output.clone();
            let (joined, c) = self.with_scalar_subqueries(plan, c, pending)?;
            plan = project_to(Arc::new(builder::filter(joined, c, self.conf, new_plan_id())?), &visible);
        }
        Ok(plan)
    }

    /// `plan` left-joined to each subquery `exprs` hold, and `exprs` reading their values
    /// (IN and EXISTS as flags).
    pub(super) fn scalar_subqueries(&mut self, plan: Arc<Plan>, exprs: Vec<Expr>) -> Result<(Arc<Plan>, Vec<Expr>)> {
        let pending = take(&exprs.iter().collect::<Vec<_>>());
        if pending.is_empty() {
            return Ok((plan, exprs));
        }
        let mut plan = plan;
        let mut values = vec![];
        for p in pending {
            let name = p.name.clone();
            let (joined, attr) = match p.kind {
                Kind::Scalar => self.scalar_join(plan, p)?,
                Kind::Exists | Kind::In(_) => {
                    // `NOT (x IN (...))` is null-aware, as in a WHERE.
                    let negated = exprs.iter().any(|e| negates(e, &name));
                    self.existence_join(plan, p, negated)?
                }
            };
            plan = joined;
            values.push((name, attr));
        }
        let exprs = exprs.into_iter().map(|e| substitute(e, &values)).collect();
        Ok((plan, exprs))
    }

    /// An IN or EXISTS subquery as a value (Spark's `ExistenceJoin`): `plan` left-joined
    /// to the distinct values of the subquery's side of each correlated equality (and of
    /// the IN column), with a flag that is false, never NULL, where nothing matched.
    fn existence_join(&mut self, plan: Arc<Plan>, p: Pending, negated: bool) -> Result<(Arc<Plan>, Attribute)> {
        let (sub, mut conditions) = match &p.kind {
            Kind::Exists => self.subquery_plan(&plan, p.query, Shape::Exists).map(|(s, c, _, _)| (s, c))?,
            Kind::In(x) => self
                .subquery_plan(&plan, p.query, Shape::In(&p.name))
                .map(|(s, c, _, _)| (s, c))
                .map_err(|e| in_length_mismatch(e, x))?,
            Kind::Scalar => return Err(Error::internal("a scalar subquery planned as EXISTS")),
        };
        let mut outer_names: Vec<String> = vec![];
        for c in &conditions {
            c.walk(&mut |x| {
                if let Expr::Attr(a) = x {
                    if !outer_names.contains(&a.name) {
                        outer_names.push(a.name.clone());
                    }
                }
            });
        }
        let shown = match &p.kind {
            Kind::In(x) => {
                let x = p.shown.clone().unwrap_or_else(|| crate::analysis::naming::auto_name(x));
                format!("({x} IN (listquery({})))", outer_names.join(", "))
            }
            _ => format!("exists({})", outer_names.join(", ")),
        };
        let flag = format!("{}_flag", p.name);
        let truth = Expr::lit(crate::ir::Value::Boolean(true)).alias(&flag);
        let mut null_aware = None;
        // Spark types EXISTS not nullable, IN nullable where its value or the subquery's
        // column is (a NOT IN over a NULL is NULL), whatever the rows.
        let mut nullable = false;
        if let Kind::In(x) = p.kind {
            let x = bind_columns(x, &plan, self.conf);
            let value_nullable = Resolver::new(&plan, self.conf)
                .resolve(x.clone())
                .map(|r| crate::analysis::typing::nullable(&r, self.conf.ansi))
                .unwrap_or(true);
            nullable = value_nullable || sub.output.iter().any(|a| a.name == p.name && a.nullable);
            let eq = Expr::binary(BinaryOp::Eq, x.clone(), Expr::col(&p.name));
            if negated && !conditions.is_empty() {
                // Correlated: Spark's existence join on `x = y OR isnull(x = y)` beside the
                // correlated conditions, so a NULL on either side of a matched inner row
                // makes the NOT IN false, never NULL (through the domain join below).
                conditions.insert(0, Expr::binary(BinaryOp::Or, eq.clone(), Expr::IsNull(Box::new(eq))));
            } else {
                if negated {
                    null_aware = Some((x, sub.clone()));
                }
                conditions.insert(0, eq);
            }
        }
        // An equality whose outer side reads no outer column (`3 IN (...)`) filters the
        // subquery.
        let (local, conditions): (Vec<Expr>, Vec<Expr>) = conditions.into_iter().partition(|c| !reads_outer(c));
        let sub = match and_all(local) {
            Some(c) => Arc::new(builder::filter(sub, c, self.conf, new_plan_id())?),
            None => sub,
        };
        let (sub, on) = if conditions.is_empty() {
            let one = Arc::new(builder::limit(sub, 1, new_plan_id()));
            (Arc::new(builder::project(one, vec![truth], self.conf, new_plan_id())?), JoinOn::None)
        } else if let Some(equalities) = conditions.iter().map(|c| inner_outer_equality(c, &reads_inner)).collect::<Option<Vec<_>>>() {
            // Each condition an equality of an outer and an inner side: the inner sides'
            // distinct values keep the join to one match per row.
            let mut keys = vec![];
            let mut on = vec![];
            for (k, (inner, outer)) in equalities.into_iter().enumerate() {
                let key = format!("{}_key{k}", p.name);
                keys.push(inner.alias(&key));
                on.push(Expr::binary(BinaryOp::Eq, outer, Expr::col(&key)));
            }
            let distinct = Arc::new(builder::deduplicate(Arc::new(builder::project(sub, keys, self.conf, new_plan_id())?), None, self.conf, new_plan_id())?);
            let exprs = distinct.output.iter().cloned().map(Expr::Attr).chain([truth]).collect();
            let on = and_all(on).unwrap_or_else(|| Expr::lit(crate::ir::Value::Boolean(true)));
            (Arc::new(builder::project(distinct, exprs, self.conf, new_plan_id())?), JoinOn::Condition(on))
        } else {
            // Any other condition: the distinct outer values some inner row satisfies it for.
            let domain = self.domain_join(&plan, sub, conditions, &[], &p.name)?;
            let keys = domain.columns.iter().enumerate().map(|(k, c)| Expr::col(c).alias(&format!("{}_key{k}", p.name))).collect();
            let found = Arc::new(builder::project(domain.plan.clone(), keys, self.conf, new_plan_id())?);
            let distinct = Arc::new(builder::deduplicate(found, None, self.conf, new_plan_id())?);
            let exprs = distinct.output.iter().cloned().map(Expr::Attr).chain([truth]).collect();
            let on = and_all(domain.join_back(&p.name)).unwrap_or_else(|| Expr::lit(crate::ir::Value::Boolean(true)));
            (Arc::new(builder::project(distinct, exprs, self.conf, new_plan_id())?), JoinOn::Condition(on))
        };
        let joined = Arc::new(builder::join(plan, sub, on, JoinType::Left, self.conf, new_plan_id())?);
        let found = joined.output.iter().find(|a| a.name == flag).cloned().ok_or_else(|| Error::internal("existence flag lost"))?;
        let mut joined = joined;
        let mut value = Expr::func("coalesce", vec![Expr::Attr(found.clone()), Expr::lit(crate::ir::Value::Boolean(false))]);
        if let Some((x, sub)) = null_aware {
            // `x = y OR isnull(x = y)` over some row: a match, or a non-empty subquery
            // with a NULL on either side (Spark's null-aware anti join, as a value).
            let (rows, values) = (format!("{}_rows", p.name), format!("{}_values", p.name));
            let y = Expr::col(&p.name);
            let counts = vec![
                Expr::func("count", vec![Expr::lit(crate::ir::Value::Integer(1))]).alias(&rows),
                Expr::func("count", vec![y]).alias(&values),
            ];
            let counted = Arc::new(builder::aggregate(sub, vec![], counts, self.conf, new_plan_id())?);
            joined = Arc::new(builder::join(joined, counted, JoinOn::None, JoinType::Left, self.conf, new_plan_id())?);
            let some_rows = Expr::binary(BinaryOp::Gt, Expr::col(&rows), Expr::lit(crate::ir::Value::Long(0)));
            let some_null = Expr::binary(BinaryOp::Or, Expr::IsNull(Box::new(x)), Expr::binary(BinaryOp::Gt, Expr::col(&rows), Expr::col(&values)));
            value = Expr::binary(BinaryOp::Or, value, Expr::binary(BinaryOp::And, some_rows, some_null));
        }
        let hidden = [format!("{}_rows", p.name), format!("{}_values", p.name)];
        let value = value.alias(&flag);
        let exprs = joined
            .output
            .iter()
            .filter(|a| a.id != found.id && !hidden.contains(&a.name))
            .cloned()
            .map(Expr::Attr)
            .chain([value])
            .collect();
        let joined = Arc::new(builder::project(joined, exprs, self.conf, new_plan_id())?);
        let attr = joined.output.last().cloned().ok_or_else(|| Error::internal("existence flag lost"))?;
        // Shown as Spark shows it; resolved by id.
        Ok((joined, Attribute { name: shown, nullable, ..attr }))
    }

    fn with_scalar_subqueries(&mut self, plan: Arc<Plan>, condition: Expr, pending: Vec<Pending>) -> Result<(Arc<Plan>, Expr)> {
        PENDING.with(|p| p.borrow_mut().extend(pending));
        let (plan, mut exprs) = self.scalar_subqueries(plan, vec![condition])?;
        Ok((plan, exprs.remove(0)))
    }

    fn scalar_join(&mut self, plan: Arc<Plan>, p: Pending) -> Result<(Arc<Plan>, Attribute)> {
        let (sub, outer_conditions, unmatched, rows_column) = self.subquery_plan(&plan, p.query, Shape::Scalar(&p.name))?;
        let on = match and_all(outer_conditions) {
            Some(c) => JoinOn::Condition(c),
            None => {
                if sub.output.len() != 1 {
                    return Err(Error::analysis(
                        "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
                        format!("Invalid subquery: Scalar subquery must return only one column, but got {}.", sub.output.len()),
                    )
                    .with_param("number", sub.output.len().to_string()));
                }
                JoinOn::None
            }
        };
        // Uncorrelated: one row at most, or Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS when it runs.
        let sub = match &on {
            JoinOn::None => {
                let checked = sub.output.iter().map(|a| Expr::func("scalar_subquery_value", vec![Expr::Attr(a.clone())]).alias(&a.name)).collect();
                Arc::new(builder::project(sub, checked, self.conf, new_plan_id())?)
            }
            _ => sub,
        };
        let mut joined = Arc::new(builder::join(plan, sub, on, JoinType::Left, self.conf, new_plan_id())?);
        let mut attr = joined.output.iter().find(|a| a.name == p.name).cloned().ok_or_else(|| Error::internal("scalar subquery column lost"))?;
        if let Some(rows) = rows_column {
            // One inner row per outer row at most (Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS).
            let count = joined.output.iter().find(|a| a.name == rows).cloned().ok_or_else(|| Error::internal("scalar subquery row count lost"))?;
            let checked = Expr::func("scalar_subquery_value", vec![Expr::Attr(attr.clone()), Expr::Attr(count)]).alias(&p.name);
            let exprs = joined.output.iter().filter(|a| a.id != attr.id).cloned().map(Expr::Attr).chain([checked]).collect();
            joined = Arc::new(builder::project(joined, exprs, self.conf, new_plan_id())?);
            attr = joined.output.last().cloned().ok_or_else(|| Error::internal("scalar subquery column lost"))?;
        }
        let value = match (&unmatched.having, unmatched.value) {
            (Some(flag), value) => {
                // HAVING per correlation key: its value where no row matched, NULL where
                // it failed.
                let flag = joined.output.iter().find(|a| a.name == *flag).cloned().ok_or_else(|| Error::internal("HAVING column lost"))?;
                let none = value.unwrap_or(Expr::lit(crate::ir::Value::Null));
                let branches = vec![(Expr::IsNull(Box::new(Expr::Attr(flag.clone()))), none), (Expr::Attr(flag), Expr::Attr(attr.clone()))];
                Some(Expr::case_when(branches, None))
            }
            (None, Some(value)) => Some(Expr::func("coalesce", vec![Expr::Attr(attr.clone()), value])),
            (None, None) => None,
        };
        if let Some(value) = value {
            let zero = value.alias(&p.name);
            let exprs = joined.output.iter().filter(|a| a.id != attr.id).cloned().map(Expr::Attr).chain([zero]).collect();
            joined = Arc::new(builder::project(joined, exprs, self.conf, new_plan_id())?);
            attr = joined.output.last().cloned().ok_or_else(|| Error::internal("scalar subquery column lost"))?;
        }
        // Shown as Spark shows it; resolved by id.
        let attr = Attribute { name: SCALAR_NAME.to_string(), nullable: true, ..attr };
        Ok((joined, attr))
    }

    fn membership_join(&mut self, plan: Arc<Plan>, p: Pending, negated: bool) -> Result<Arc<Plan>> {
        let join_type = if negated { JoinType::LeftAnti } else { JoinType::LeftSemi };
        let (sub, outer_conditions) = match &p.kind {
            Kind::Exists => self.subquery_plan(&plan, p.query, Shape::Exists).map(|(s, c, _, _)| (s, c))?,
            Kind::In(x) => self
                .subquery_plan(&plan, p.query, Shape::In(&p.name))
                .map(|(s, c, _, _)| (s, c))
                .map_err(|e| in_length_mismatch(e, x))?,
            Kind::Scalar => return Err(Error::internal("a scalar subquery planned as IN")),
        };
        let (on, sub) = match p.kind {
            Kind::In(x) => {
                let eq = Expr::binary(BinaryOp::Eq, bind_columns(x, &plan, self.conf), Expr::col(&p.name));
                // NOT IN is null-aware: a NULL on either side is no proof of absence.
                let test = if negated { Expr::binary(BinaryOp::Or, eq.clone(), Expr::IsNull(Box::new(eq))) } else { eq };
                let all = std::iter::once(test).chain(outer_conditions).collect();
                (JoinOn::Condition(and_all(all).unwrap_or_else(|| Expr::lit(crate::ir::Value::Boolean(true)))), sub)
            }
            _ => match and_all(outer_conditions) {
                Some(c) => (JoinOn::Condition(c), sub),
                // Uncorrelated EXISTS: one row of the subquery decides.
                None => (JoinOn::None, Arc::new(builder::limit(sub, 1, new_plan_id()))),
            },
        };
        Ok(Arc::new(builder::join(plan, sub, on, join_type, self.conf, new_plan_id())?))
    }

    /// The subqueries of an aggregation's select list. Inside an aggregate call
    /// (`sum(v * (SELECT ...))`) each is a value per input row, joined to `from` as in a
    /// plain select list (correlated too); outside one, an uncorrelated scalar or EXISTS
    /// subquery is a DataFrame subquery (`Expr::Subquery`), which the aggregation joins
    /// to its groups (`analysis::subquery::aggregate`). Spark refuses a correlated scalar
    /// subquery there (SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION).
    /// An IN or a correlated EXISTS outside aggregate calls (and, beside a window
    /// function, any subquery there) is returned as `PerGroup`: evaluated over the
    /// aggregation's output (Spark's RewritePredicateSubquery: an existence join on the
    /// groups), its placeholder read by the aggregation as a stand-in.
    pub(super) fn aggregation_subqueries(&mut self, from: Arc<Plan>, items: Vec<Expr>, pending: Vec<Pending>, windows: bool) -> Result<(Arc<Plan>, Vec<Expr>, PerGroup)> {
        let inside_calls = |name: &str| items.iter().any(|e| inside_aggregate_call(e, name));
        let (inside, outside): (Vec<Pending>, Vec<Pending>) = pending.into_iter().partition(|p| inside_calls(&p.name));
        let mut plan = from;
        let mut items = items;
        if !inside.is_empty() {
            // The aggregate calls holding them read the values joined to the input rows.
            let mut calls = vec![];
            for e in &items {
                e.walk(&mut |x| {
                    if crate::analysis::functions::is_aggregate_call(x) && inside.iter().any(|p| mentions(x, &p.name)) && !calls.contains(x) {
                        calls.push(x.clone());
                    }
                });
            }
            PENDING.with(|q| q.borrow_mut().extend(inside));
            let (joined, read) = self.scalar_subqueries(plan, calls.clone())?;
            plan = joined;
            items = items
                .into_iter()
                .map(|e| e.transform_down(&mut |x| calls.iter().position(|c| c == x).map(|i| read[i].clone())))
                .collect();
        }
        let mut found = vec![];
        let mut per_group = PerGroup::default();
        for p in outside {
            let kind = match p.kind {
                Kind::Scalar => SubqueryKind::Scalar,
                Kind::Exists => SubqueryKind::Exists,
                Kind::In(ref x) => {
                    // Its stand-in reads the tested value, so the aggregation checks it
                    // is grouped (Spark's MISSING_AGGREGATION).
                    per_group.stand_ins.push((p.name.clone(), Expr::IsNull(Box::new(x.clone()))));
                    per_group.pending.push(p);
                    continue;
                }
            };
            let shape = match kind {
                SubqueryKind::Scalar => Shape::Scalar(&p.name),
                SubqueryKind::Exists => Shape::Exists,
            };
            let correlation = self.subquery_plan(&plan, p.query.clone(), shape).map(|(_, c, _, _)| c).unwrap_or_default();
            if !correlation.is_empty() {
                if kind == SubqueryKind::Exists {
                    // Its stand-in reads the outer columns, checked as grouped.
                    let mut outer: Vec<Expr> = vec![];
                    for c in &correlation {
                        c.walk(&mut |x| {
                            if matches!(x, Expr::Attr(_)) && !outer.contains(x) {
                                outer.push(x.clone());
                            }
                        });
                    }
                    let read = outer.into_iter().map(|a| Expr::IsNull(Box::new(a))).reduce(|a, b| Expr::binary(BinaryOp::And, a, b));
                    per_group.stand_ins.push((p.name.clone(), read.unwrap_or_else(|| Expr::lit(crate::ir::Value::Boolean(true)))));
                    per_group.pending.push(p);
                    continue;
                }
                let mut names: Vec<String> = vec![];
                for c in &correlation {
                    c.walk(&mut |x| {
                        if let Expr::Attr(a) = x {
                            if !names.contains(&a.name) {
                                names.push(a.name.clone());
                            }
                        }
                    });
                }
                return Err(crate::analysis::subquery::scalar_per_group(&names));
            }
            if windows {
                // A DataFrame subquery cannot sit beside a window in an aggregation.
                let stand_in = match kind {
                    SubqueryKind::Scalar => Expr::lit(crate::ir::Value::Null),
                    SubqueryKind::Exists => Expr::lit(crate::ir::Value::Boolean(true)),
                };
                per_group.stand_ins.push((p.name.clone(), stand_in));
                per_group.pending.push(p);
                continue;
            }
            let sub = self.query(p.query)?;
            found.push((p.name, Expr::Subquery(Box::new(Subquery { kind, plan: sub, steps: vec![] }))));
        }
        let items = items
            .into_iter()
            .map(|e| {
                e.transform_down(&mut |x| match x {
                    Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => found.iter().find(|(n, _)| *n == parts[0]).map(|(_, s)| s.clone()),
                    _ => None,
                })
            })
            .collect();
        Ok((plan, items, per_group))
    }

    /// Refuses the subqueries Spark refuses in a sort (`predicates`: IN and EXISTS too)
    /// or a join condition: correlated scalar ones.
    pub(super) fn refuse_misplaced(&mut self, plan: &Arc<Plan>, exprs: &[Expr], node: &str, predicates: bool) -> Result<()> {
        let pending = take(&exprs.iter().collect::<Vec<_>>());
        let mut refused = None;
        for p in &pending {
            match &p.kind {
                Kind::Exists | Kind::In(_) if predicates => refused = Some(crate::analysis::subquery::predicate_misplaced(node)),
                Kind::Scalar => {
                    let correlated = self.subquery_plan(plan, p.query.clone(), Shape::Scalar(&p.name)).map(|(_, c, _, _)| !c.is_empty()).unwrap_or(false);
                    if correlated {
                        refused = Some(crate::analysis::subquery::correlated_scalar_misplaced(node));
                    }
                }
                _ => {}
            }
            if refused.is_some() {
                break;
            }
        }
        PENDING.with(|q| q.borrow_mut().extend(pending));
        refused.map_or(Ok(()), Err)
    }

    /// Plans a subquery body; the conditions in it that read the outer query, and whether
    /// its value is 0 where they match nothing, and the column counting the inner rows of a
    /// scalar one without an aggregate.
    fn subquery_plan(&mut self, outer: &Arc<Plan>, query: sql::Query, shape: Shape) -> Result<PlannedSubquery> {
        let mut query = query;
        let plain = plain_select(&query);
        let in_name = match &shape {
            Shape::In(n) => Some(*n),
            _ => None,
        };
        if let sql::SetExpr::Select(s) = query.body.as_mut() {
            match &shape {
                // EXISTS reads no column of the subquery: keep them all for the conditions.
                Shape::Exists if plain => s.projection = vec![wildcard()],
                Shape::In(name) | Shape::Scalar(name) if s.projection.len() == 1 && !is_wildcard(&s.projection[0]) => {
                    let item = s.projection.remove(0);
                    let expr = match item {
                        sql::SelectItem::UnnamedExpr(e) | sql::SelectItem::ExprWithAlias { expr: e, .. } => e,
                        _ => return Err(Error::internal("checked item")),
                    };
                    s.projection.push(sql::SelectItem::ExprWithAlias { expr, alias: sql::Ident::new(*name) });
                    if matches!(shape, Shape::In(_)) && plain {
                        s.projection.push(wildcard());
                    }
                }
                _ => {}
            }
        }
        let scalar = match &shape {
            Shape::Scalar(n) => Some(n.to_string()),
            _ => None,
        };
        let fresh = Correlation { outer: Some(outer.clone()), scalar, ..Correlation::default() };
        let saved = std::mem::replace(&mut self.correlation, fresh);
        let built = self.query(query);
        let correlation = std::mem::replace(&mut self.correlation, saved);
        let mut plan = built?;
        if let Some(name) = in_name {
            if plan.output.first().is_none_or(|a| a.name != name) {
                if plan.output.len() != 1 {
                    // The caller, which holds the IN's left side, completes the error.
                    let right: Vec<String> = plan.output.iter().map(|a| format!("\"{}\"", a.name)).collect();
                    return Err(Error::analysis(IN_LENGTH_MISMATCH, "")
                        .with_param("rightColumns", right.join(", "))
                        .with_param("rightLength", right.len().to_string()));
                }
                plan = Arc::new(builder::to_df(plan, &[name.to_string()], self.conf, new_plan_id())?);
            }
        }
        // `(SELECT * FROM t)` as a value: its one column under the subquery's name (the
        // select list of a wildcard is not renamed above; TPC-DS q23).
        if let Shape::Scalar(name) = &shape {
            if plan.output.len() == 1 && plan.output[0].name != *name {
                plan = Arc::new(builder::to_df(plan, &[name.to_string()], self.conf, new_plan_id())?);
            }
        }
        if !correlation.exports.is_empty() {
            // The inner columns the outer conditions read, under their unique names.
            let ids: std::collections::HashSet<u64> = plan.output.iter().map(|a| a.id).collect();
            if correlation.exports.iter().any(|(_, a)| !ids.contains(&a.id)) {
                return Err(unsupported("a correlated subquery whose select list drops the columns its outer condition reads"));
            }
            let exprs = plan.output.iter().cloned().map(Expr::Attr).chain(correlation.exports.iter().map(|(n, a)| Expr::Attr(a.clone()).alias(n))).collect();
            plan = Arc::new(builder::project(plan, exprs, self.conf, new_plan_id())?);
        }
        Ok((plan, correlation.outer_conditions, correlation.unmatched, correlation.rows_column))
    }

    /// The body of a correlated scalar subquery: its one aggregate grouped by the inner
    /// side of each correlated equality, and those equalities rewritten onto the groups'
    /// keys for the join.
    /// With a GROUP BY, each correlation key's groups are aggregated again: their one
    /// value, and their count checked after the join (Spark 4 accepts any GROUP BY and
    /// raises SCALAR_SUBQUERY_TOO_MANY_ROWS where a key has several groups).
    pub(super) fn correlated_scalar(&self, plan: Arc<Plan>, items: Vec<Expr>, group_by: Vec<Expr>, aggregated: bool, name: &str, correlation: &mut Correlation) -> Result<Arc<Plan>> {
        let exports = std::mem::take(&mut correlation.exports);
        let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
        let inner_side = |e: &Expr| names.iter().any(|n| mentions(e, n));
        let unexport = |e: Expr| {
            e.transform_down(&mut |x| match x {
                Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
                    exports.iter().find(|(n, _)| *n == parts[0]).map(|(_, a)| Expr::Attr(a.clone()))
                }
                _ => None,
            })
        };
        // A grouped count over no rows has no group, so no 0 either.
        if group_by.is_empty() && matches!(items.as_slice(), [item] if is_count(item.unalias())) {
            let zero = Expr::lit(crate::ir::Value::Long(0));
            correlation.unmatched.value = Some(match &correlation.having {
                None => zero,
                Some(h) => Expr::case_when(vec![(over_no_rows(h), zero)], None),
            });
        }
        // Outer columns in the select list are read from the domain (below).
        let (written, _) = correlation.bind_outer_reads(&plan, items.clone(), true, self.conf);
        let (items, reads_outer_columns) = correlation.bind_outer_reads(&plan, items, false, self.conf);
        if aggregated && reads_outer_columns {
            // Spark's CheckAnalysis: an outer column beside an aggregate is refused; its
            // message shows the item with the outer column's name, aliased as written.
            use crate::analysis::naming::sql_text;
            let shown = items
                .iter()
                .zip(&written)
                .map(|(e, w)| format!("\"{} AS `{}`\"", sql_text(e.unalias()), sql_text(w.unalias())))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(Error::analysis(
                "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE",
                format!("Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: {shown}."),
            )
            .with_param("sqlExprs", shown));
        }
        let outer_conditions = std::mem::take(&mut correlation.outer_conditions);
        let equalities: Option<Vec<(Expr, Expr)>> = match reads_outer_columns {
            true => None,
            false => outer_conditions.iter().map(|c| inner_outer_equality(c, &inner_side)).collect(),
        };
        let items = match items.as_slice() {
            _ if aggregated => items,
            // Spark 4 reads a correlated value without an aggregate as long as each outer
            // row matches one inner row at most: the value of the group's row, and the
            // group's row count, checked after the join.
            [item] => {
                let rows = format!("{name}_rows");
                correlation.rows_column = Some(rows.clone());
                let one = Expr::lit(crate::ir::Value::Integer(1));
                vec![Expr::func("first", vec![item.unalias().clone()]).alias(name), Expr::func("count", vec![one]).alias(&rows)]
            }
            _ => return Err(Error::internal("a correlated scalar subquery of more than one item")),
        };
        let Some(equalities) = equalities else {
            // Any other correlated condition: the aggregate per value of the outer columns
            // it reads (the domain), joined back on those values.
            let outer = correlation.outer.clone().ok_or_else(|| Error::internal("a correlated subquery without its outer query"))?;
            let conditions = outer_conditions.into_iter().map(unexport).collect();
            let domain = self.domain_join(&outer, plan, conditions, &items, name)?;
            let keys = domain.columns.iter().enumerate().map(|(k, c)| Expr::col(c).alias(&format!("{name}_key{k}"))).collect();
            let items = items.into_iter().map(|e| domain.read(e)).collect();
            let group_by = group_by.into_iter().map(|e| domain.read(e)).collect();
            correlation.outer_conditions = domain.join_back(name);
            return self.grouped_per_key(domain.plan, keys, group_by, items, name, correlation);
        };
        let mut keys = vec![];
        let mut conditions = vec![];
        for (k, (inner, outer)) in equalities.into_iter().enumerate() {
            let key = format!("{name}_key{k}");
            keys.push(unexport(inner).alias(&key));
            conditions.push(Expr::binary(BinaryOp::Eq, outer, Expr::col(&key)));
        }
        correlation.outer_conditions = conditions;
        self.grouped_per_key(plan, keys, group_by, items, name, correlation)
    }

    /// `items` aggregated per correlation key (`keys`, aliased); with the subquery's own
    /// GROUP BY, per key and group first, then per key: the one group's value and the
    /// number of groups (the column `{name}_rows`, checked after the join).
    fn grouped_per_key(&self, plan: Arc<Plan>, keys: Vec<Expr>, group_by: Vec<Expr>, items: Vec<Expr>, name: &str, correlation: &mut Correlation) -> Result<Arc<Plan>> {
        let having = correlation.having.take().map(|h| {
            let mut all = items.clone();
            let h = super::query::hide_aggregates(h, &mut all);
            (h, all)
        });
        if group_by.is_empty() {
            let Some((h, all)) = having else { return Ok(Arc::new(builder::aggregate(plan, keys, items, self.conf, new_plan_id())?)) };
            // Whether HAVING holds, beside the value (Spark's RewriteCorrelatedScalarSubquery
            // keeps the aggregate and tests the condition after the join).
            let agg = Arc::new(builder::aggregate(plan, keys, all.clone(), self.conf, new_plan_id())?);
            let kept = agg.output.len() - (all.len() - items.len());
            let flag = format!("{name}_having");
            let holds = Expr::func("coalesce", vec![h, Expr::lit(crate::ir::Value::Boolean(false))]).alias(&flag);
            let list = agg.output[..kept].iter().cloned().map(Expr::Attr).chain([holds]).collect();
            correlation.unmatched.having = Some(flag);
            return Ok(Arc::new(builder::project(agg, list, self.conf, new_plan_id())?));
        }
        // (Both callers name the keys `{name}_key{k}`.)
        let key_names: Vec<String> = (0..keys.len()).map(|k| format!("{name}_key{k}")).collect();
        let groups = group_by.into_iter().enumerate().map(|(j, g)| g.alias(&format!("{name}_group{j}")));
        let per_group = match having {
            None => Arc::new(builder::aggregate(plan, keys.into_iter().chain(groups).collect(), items, self.conf, new_plan_id())?),
            Some((h, all)) => {
                // HAVING keeps the groups it holds for.
                let agg = Arc::new(builder::aggregate(plan, keys.into_iter().chain(groups).collect(), all, self.conf, new_plan_id())?);
                Arc::new(builder::filter(agg, h, self.conf, new_plan_id())?)
            }
        };
        let rows = format!("{name}_rows");
        correlation.rows_column = Some(rows.clone());
        let one = Expr::lit(crate::ir::Value::Integer(1));
        let values = vec![Expr::func("first", vec![Expr::col(name)]).alias(name), Expr::func("count", vec![one]).alias(&rows)];
        let keys = key_names.iter().map(|k| Expr::col(k)).collect();
        Ok(Arc::new(builder::aggregate(per_group, keys, values, self.conf, new_plan_id())?))
    }

    /// Spark's domain join (`DecorrelateInnerQuery`): `inner` joined to the distinct
    /// values of the outer columns `conditions` read, on `conditions` with those columns
    /// read from the domain. What `inner` computes per domain row then joins back onto
    /// the outer query by null-safe equality, so any correlated condition (an OR, a
    /// range) is evaluated once per distinct outer value.
    /// The outer columns `values` read (a select list) are in the domain too.
    fn domain_join(&self, outer: &Arc<Plan>, inner: Arc<Plan>, conditions: Vec<Expr>, values: &[Expr], prefix: &str) -> Result<Domain> {
        let mut outer_attrs: Vec<Attribute> = vec![];
        for c in conditions.iter().chain(values) {
            c.walk(&mut |x| {
                if let Expr::Attr(a) = x {
                    // (The subquery's own columns may be bound too.)
                    if outer.output.iter().any(|o| o.id == a.id) && !outer_attrs.iter().any(|o| o.id == a.id) {
                        outer_attrs.push(a.clone());
                    }
                }
            });
        }
        let columns: Vec<String> = (0..outer_attrs.len()).map(|k| format!("{prefix}_domain{k}")).collect();
        let values = outer_attrs.iter().zip(&columns).map(|(a, c)| Expr::Attr(a.clone()).alias(c)).collect();
        let domain = Arc::new(builder::project(outer.clone(), values, self.conf, new_plan_id())?);
        let domain = Arc::new(builder::deduplicate(domain, None, self.conf, new_plan_id())?);
        let mut found = Domain { plan: domain.clone(), outer_attrs, columns };
        let on = and_all(conditions.into_iter().map(|c| found.read(c)).collect()).unwrap_or_else(|| Expr::lit(crate::ir::Value::Boolean(true)));
        found.plan = Arc::new(builder::join(inner, domain, JoinOn::Condition(on), JoinType::Inner, self.conf, new_plan_id())?);
        Ok(found)
    }
}

/// A subquery's rows joined to the distinct values of the outer columns its correlated
/// conditions read (`columns[k]` holds `outer_attrs[k]`).
struct Domain {
    plan: Arc<Plan>,
    outer_attrs: Vec<Attribute>,
    columns: Vec<String>,
}

impl Domain {
    /// `e` with the outer columns it reads read from the domain instead.
    fn read(&self, e: Expr) -> Expr {
        e.transform_down(&mut |x| match x {
            Expr::Attr(a) => self.outer_attrs.iter().position(|o| o.id == a.id).map(|k| Expr::col(&self.columns[k])),
            _ => None,
        })
    }

    /// The condition joining the outer query back to what was computed per domain row,
    /// whose columns are `{prefix}_key{k}`: NULL outer values match NULL domain values.
    fn join_back(&self, prefix: &str) -> Vec<Expr> {
        self.outer_attrs
            .iter()
            .enumerate()
            .map(|(k, a)| Expr::binary(BinaryOp::EqNullSafe, Expr::Attr(a.clone()), Expr::col(&format!("{prefix}_key{k}"))))
            .collect()
    }
}

/// `c` as (inner side, outer side) when it is an equality of an expression over the
/// subquery's columns only and one over the outer query's only.
fn inner_outer_equality(c: &Expr, inner_side: &dyn Fn(&Expr) -> bool) -> Option<(Expr, Expr)> {
    let Expr::Binary { op: BinaryOp::Eq, left, right } = c else { return None };
    let outer_only = |e: &Expr| !inner_side(e) && reads_outer(e);
    if inner_side(left) && !reads_outer(left) && outer_only(right) {
        return Some(((**left).clone(), (**right).clone()));
    }
    if inner_side(right) && !reads_outer(right) && outer_only(left) {
        return Some(((**right).clone(), (**left).clone()));
    }
    None
}

/// `__subquery_N` or `NOT __subquery_N` for an IN or EXISTS subquery: its name and
/// whether it is negated.
fn membership(c: &Expr, pending: &[Pending]) -> Option<(String, bool)> {
    // NOT NOT x is x in three-valued logic too.
    let (mut inner, mut negated) = (c, false);
    while let Expr::Not(e) = inner {
        inner = e.as_ref();
        negated = !negated;
    }
    let Expr::Unresolved { parts, plan_id: None } = inner else { return None };
    let p = pending.iter().find(|p| parts.len() == 1 && parts[0] == p.name)?;
    matches!(p.kind, Kind::Exists | Kind::In(_)).then(|| (p.name.clone(), negated))
}

const IN_LENGTH_MISMATCH: &str = "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH";

/// Spark's IN_SUBQUERY_LENGTH_MISMATCH for `left IN (subquery)`, from the subquery's
/// columns (in `e`'s parameters).
fn in_length_mismatch(e: Error, left: &Expr) -> Error {
    if e.error_class.as_deref() != Some(IN_LENGTH_MISMATCH) {
        return e;
    }
    let param = |k: &str| e.params.iter().find(|(name, _)| name == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let (right, right_length) = (param("rightColumns"), param("rightLength"));
    let left = crate::analysis::naming::sql_text(left);
    let shown = format!("({left} IN (listquery()))");
    Error::analysis(
        IN_LENGTH_MISMATCH,
        format!(
            "Cannot resolve \"{shown}\" due to data type mismatch: The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: 1): [\"{left}\"], right hand side columns(length: {right_length}): [{right}]."
        ),
    )
    .with_param("leftColumns", format!("\"{left}\""))
    .with_param("leftLength", "1")
    .with_param("rightColumns", right)
    .with_param("rightLength", right_length)
    .with_param("sqlExpr", format!("\"{shown}\""))
}

/// Whether `e` holds `NOT placeholder`.
fn negates(e: &Expr, name: &str) -> bool {
    e.any(&|x| matches!(x, Expr::Not(inner) if matches!(inner.as_ref(), Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 && parts[0] == name)))
}

/// Whether `e` reads a column bound to the outer query.
fn reads_outer(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Attr(_)))
}

/// Whether `e` reads a column of the subquery (still unresolved; outer ones are bound).
fn reads_inner(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Unresolved { .. }))
}

/// Placeholders replaced by the scalar subqueries' value columns.
fn substitute(e: Expr, values: &[(String, Attribute)]) -> Expr {
    e.transform_down(&mut |x| match x {
        Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
            values.iter().find(|(name, _)| *name == parts[0]).map(|(_, a)| Expr::Attr(a.clone()))
        }
        _ => None,
    })
}

/// `h` (a HAVING) as it reads over no rows: a count 0, any other aggregate NULL.
fn over_no_rows(h: &Expr) -> Expr {
    h.transform_down(&mut |x| match crate::analysis::functions::is_aggregate_call(x) {
        true if is_count(x) => Some(Expr::lit(crate::ir::Value::Long(0))),
        true => Some(Expr::lit(crate::ir::Value::Null)),
        false => None,
    })
}

fn is_count(e: &Expr) -> bool {
    matches!(e, Expr::Function { name, .. } if name.eq_ignore_ascii_case("count") || name.eq_ignore_ascii_case("count_if"))
}

fn wildcard() -> sql::SelectItem {
    sql::SelectItem::Wildcard(sql::WildcardAdditionalOptions::default())
}

fn is_wildcard(item: &sql::SelectItem) -> bool {
    matches!(item, sql::SelectItem::Wildcard(_) | sql::SelectItem::QualifiedWildcard(..))
}

/// A subquery whose select list may be widened without changing its rows: no grouping,
/// aggregates or windows.
fn plain_select(q: &sql::Query) -> bool {
    let sql::SetExpr::Select(s) = q.body.as_ref() else { return false };
    let grouped = !matches!(&s.group_by, sql::GroupByExpr::Expressions(e, _) if e.is_empty());
    if grouped || s.having.is_some() || q.limit_clause.is_some() {
        return false;
    }
    let text = s.projection.iter().map(|i| i.to_string().to_ascii_lowercase()).collect::<Vec<_>>().join(",");
    // The converted items tell aggregates apart by the registry.
    let aggregated = s.projection.iter().any(|i| match i {
        sql::SelectItem::UnnamedExpr(e) | sql::SelectItem::ExprWithAlias { expr: e, .. } => {
            let converted = convert(e.clone());
            let _ = take(&[]);
            converted.is_ok_and(|c| c.any(&crate::analysis::functions::is_aggregate_call))
        }
        _ => false,
    });
    !aggregated && !text.contains(" over ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(a: &str, b: &str) -> Expr {
        Expr::binary(BinaryOp::Eq, Expr::col(a), Expr::col(b))
    }

    fn and(a: Expr, b: Expr) -> Expr {
        Expr::binary(BinaryOp::And, a, b)
    }

    fn or(a: Expr, b: Expr) -> Expr {
        Expr::binary(BinaryOp::Or, a, b)
    }

    #[test]
    fn a_conjunct_of_every_branch_of_an_or_is_factored_out() {
        let (k, x, y, z) = (eq("k", "o.k"), eq("a", "x"), eq("a", "y"), eq("a", "z"));
        let three = or(or(and(k.clone(), x.clone()), and(k.clone(), y.clone())), and(z.clone(), k.clone()));
        assert_eq!(factor_common_conjuncts(three), and(k.clone(), or(or(x.clone(), y.clone()), z.clone())));
        // A branch that is only the common part: the OR is that part.
        assert_eq!(factor_common_conjuncts(or(and(k.clone(), x.clone()), k.clone())), k);
        let unrelated = or(x.clone(), y.clone());
        assert_eq!(factor_common_conjuncts(unrelated.clone()), unrelated);
    }

    #[test]
    fn a_conjunct_calling_a_function_is_not_common() {
        // `rand() > 0.5` in both branches is two draws, not one.
        let r = Expr::binary(BinaryOp::Gt, Expr::func("rand", vec![]), Expr::lit(crate::ir::Value::Double(0.5)));
        let e = or(and(r.clone(), eq("a", "x")), and(r, eq("a", "y")));
        assert_eq!(factor_common_conjuncts(e.clone()), e);
    }

    #[test]
    fn a_window_s_own_function_is_no_aggregate_call_around_a_subquery() {
        let sum = |e: Expr| Expr::func("sum", vec![e]);
        let read = Expr::binary(BinaryOp::Add, sum(Expr::col("v")), Expr::col("__subquery_1"));
        let window = Expr::Window { function: Box::new(sum(read.clone())), spec: Box::default() };
        assert!(!inside_aggregate_call(&window, "__subquery_1"));
        // Inside an aggregate of the window's argument: a value per input row.
        let inner = Expr::Window { function: Box::new(sum(sum(Expr::col("__subquery_1")))), spec: Box::default() };
        assert!(inside_aggregate_call(&inner, "__subquery_1"));
        assert!(inside_aggregate_call(&sum(read), "__subquery_1"));
    }

    #[test]
    fn a_having_over_no_rows_reads_a_count_as_0_and_other_aggregates_as_null() {
        let h = and(
            Expr::binary(BinaryOp::Lt, Expr::func("count", vec![Expr::lit(crate::ir::Value::Integer(1))]), Expr::lit(crate::ir::Value::Integer(2))),
            Expr::binary(BinaryOp::Gt, Expr::func("max", vec![Expr::col("y")]), Expr::col("k")),
        );
        let expected = and(
            Expr::binary(BinaryOp::Lt, Expr::lit(crate::ir::Value::Long(0)), Expr::lit(crate::ir::Value::Integer(2))),
            Expr::binary(BinaryOp::Gt, Expr::lit(crate::ir::Value::Null), Expr::col("k")),
        );
        assert_eq!(over_no_rows(&h), expected);
    }
}
