//! `df.lateralJoin(other, on, how)`: each row of `df` joined to the rows `other` gives
//! for it, where `other` reads `df`'s columns through `col(...).outer()`.
//!
//! A DataFrame holding outer references cannot be analysed on its own (Spark defers its
//! analysis too), so the Python side keeps the uncorrelated DataFrame it starts from and
//! the operations applied to it since; they are replayed here with `df` in scope and
//! decorrelated as Spark's optimizer does it, through joins:
//! - the left rows get a row number (`L`); from the first operation that reads an outer
//!   column on, the inner side is computed over `L ⋈ inner`, `L`'s columns carried along
//!   under hidden names (a correlated filter is that join's condition, so an equality
//!   with an outer column is an equi-join);
//! - a correlated aggregation is grouped by the row number; a left row no inner row
//!   reaches still gets its one row, with the aggregates' values over no rows (0 for a
//!   count: Spark's "count bug" handling);
//! - the result is `L` joined (`how`) to the inner rows on the row number and `on`.
//!
//! An outer reference resolves through the inner side first, then `df` (Spark's scoping).

use super::builder::{self, JoinOn};
use super::functions::is_aggregate_call;
use super::resolve::Resolver;
use super::{new_plan_id, Conf};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::*;
use std::sync::Arc;

/// One DataFrame operation applied to the lateral side after its outer references.
pub use crate::ir::CorrelatedStep as LateralOp;

/// What the correlated side ends with: its rows (`lateralJoin`), or one row per left row
/// for a subquery used as a value (`analysis::subquery`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    Rows,
    /// `df.scalar()`: its one column, as `first(v)` beside `count(1)` (the number of
    /// inner rows, checked by the caller) unless the steps end with an aggregation.
    Scalar,
    /// `df.exists()`: `count(1) > 0`.
    Exists,
}

/// The name of the inner row count `Finish::Scalar` adds.
pub const SCALAR_ROWS: &str = "__scalar_rows";

const ROW: &str = "__lateral_row";

fn hidden_name(i: usize) -> String {
    format!("__lateral_{i}")
}

/// Whether `e` reads an outer column (`col(...).outer()`).
pub fn has_outer(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Unresolved { plan_id: Some(OUTER_PLAN_ID), .. }))
}

fn op_exprs(op: &LateralOp) -> Vec<&Expr> {
    match op {
        LateralOp::Filter(c) => vec![c],
        LateralOp::Select(list) | LateralOp::Sort(list) => list.iter().collect(),
        LateralOp::WithColumns(list) => list.iter().map(|(_, e)| e).collect(),
    }
}

fn join_type(how: Option<&str>) -> Result<JoinType> {
    let Some(how) = how else { return Ok(JoinType::Inner) };
    match JoinType::parse(how) {
        Some(t @ (JoinType::Inner | JoinType::Cross | JoinType::Left)) => Ok(t),
        _ => Err(Error::new(
            ErrorKind::Analysis,
            "UNSUPPORTED_JOIN_TYPE",
            format!("Unsupported join type '{how}'. Supported join types include: 'inner', 'leftouter', 'left', 'left_outer', 'cross'."),
        )
        .with_param("typ", how)
        .with_param("supported", "'inner', 'leftouter', 'left', 'left_outer', 'cross'")),
    }
}

/// Replays one operation over `plan` as the DataFrame method would build it.
pub fn replay(plan: Arc<Plan>, op: LateralOp, conf: &Conf) -> Result<Arc<Plan>> {
    let id = new_plan_id();
    Ok(Arc::new(match op {
        LateralOp::Filter(c) => builder::filter(plan, c, conf, id)?,
        LateralOp::Select(list) => builder::project(plan, list, conf, id)?,
        LateralOp::WithColumns(list) => builder::with_columns(plan, list, conf, id)?,
        LateralOp::Sort(keys) => builder::sort(plan, keys, conf, id)?,
    }))
}

/// The correlated part of the lateral side: its plan with the left rows' hidden columns.
struct Correlated<'a> {
    left: &'a Plan,
    /// The hidden copies of the left columns and the row number, as the plan reads them.
    hidden: Vec<Attribute>,
    row: Attribute,
    conf: &'a Conf,
}

impl Correlated<'_> {
    /// Outer references bound: to the inner column of that name when `inner` has one
    /// (Spark resolves the inner side first), else to the hidden copy of the left column.
    fn bind(&self, inner: &Plan, e: &Expr, top: bool) -> Result<Expr> {
        // The inner side as the user sees it (its errors list no hidden column).
        let view = Plan { output: inner.output.iter().filter(|a| !self.is_hidden(a)).cloned().collect(), ..inner.clone() };
        let mut failure = None;
        let bound = e.transform_down(&mut |x| {
            let Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) } = x else { return None };
            let plain = Expr::Unresolved { parts: parts.clone(), plan_id: None };
            let inner_error = match Resolver::new(&view, self.conf).resolve(plain.clone()) {
                Ok(_) => return Some(plain),
                Err(err) => err,
            };
            match Resolver::new(self.left, self.conf).resolve(plain) {
                Ok(resolved) => Some(resolved.transform_up(&mut |y| match y {
                    Expr::Attr(a) => match self.left.output.iter().position(|l| l.id == a.id) {
                        Some(i) => Expr::Attr(Attribute { name: format!("outer({})", parts.join(".")), ..self.hidden[i].clone() }),
                        None => Expr::Attr(a),
                    },
                    other => other,
                })),
                Err(_) => {
                    failure.get_or_insert(inner_error);
                    None
                }
            }
        });
        if let Some(err) = failure {
            return Err(err);
        }
        // A bare outer column keeps the column's own name.
        Ok(match (top, e.without_origin()) {
            (true, Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) }) if !matches!(bound.without_origin(), Expr::Unresolved { .. }) => {
                bound.alias(parts.last().map_or("", String::as_str))
            }
            _ => bound,
        })
    }

    fn is_hidden(&self, a: &Attribute) -> bool {
        a.id == self.row.id || self.hidden.iter().any(|h| h.id == a.id)
    }

    fn carried(&self) -> Vec<Expr> {
        self.hidden.iter().chain([&self.row]).cloned().map(Expr::Attr).collect()
    }

    /// One operation over the correlated plan, the hidden columns kept.
    fn apply(&self, plan: Arc<Plan>, op: LateralOp) -> Result<Arc<Plan>> {
        let op = match op {
            LateralOp::Filter(c) => LateralOp::Filter(self.bind(&plan, &c, false)?),
            LateralOp::Sort(keys) => LateralOp::Sort(keys.iter().map(|k| self.bind(&plan, k, false)).collect::<Result<_>>()?),
            LateralOp::WithColumns(list) => {
                LateralOp::WithColumns(list.into_iter().map(|(n, e)| Ok((n, self.bind(&plan, &e, false)?))).collect::<Result<_>>()?)
            }
            LateralOp::Select(list) => {
                let mut list: Vec<Expr> = list.iter().map(|e| self.bind(&plan, e, true)).collect::<Result<_>>()?;
                list.extend(self.carried());
                LateralOp::Select(list)
            }
        };
        replay(plan, op, self.conf)
    }

    /// A correlated `select` of aggregates: grouped by the left row.
    fn aggregate(&self, plan: Arc<Plan>, list: Vec<Expr>) -> Result<(Arc<Plan>, Arc<Plan>)> {
        let list: Vec<Expr> = list.iter().map(|e| self.bind(&plan, e, true)).collect::<Result<_>>()?;
        let grouped = Arc::new(builder::aggregate(plan.clone(), vec![Expr::Attr(self.row.clone())], list.clone(), self.conf, new_plan_id())?);
        // The values over no rows: the same aggregates over an empty input.
        let empty = Arc::new(builder::filter(plan, Expr::lit(Value::Boolean(false)), self.conf, new_plan_id())?);
        let empty = Arc::new(builder::global_aggregate(empty, list, self.conf, new_plan_id())?);
        Ok((grouped, empty))
    }
}

impl Correlated<'_> {
    /// A correlated aggregation (`grouped`, one row per left row some inner row reached)
    /// completed to one row for every left row of `hidden` (`empty`, the aggregates over
    /// no rows, where none did), the hidden columns carried: what Spark's decorrelation
    /// gives the steps after it.
    fn complete(&self, hidden: &Arc<Plan>, grouped: Arc<Plan>, empty: Arc<Plan>) -> Result<Arc<Plan>> {
        // The aggregate's key (first) is the row number; under a name of its own for the join.
        let values: Vec<Attribute> = grouped.output[1..].to_vec();
        let key = Expr::Attr(grouped.output[0].clone());
        let mut list: Vec<Expr> = values.iter().cloned().map(Expr::Attr).collect();
        list.push(key.alias("__lateral_row_grouped"));
        let grouped = Arc::new(builder::project(grouped, list, self.conf, new_plan_id())?);
        let n = values.len();
        let same_row = Expr::binary(BinaryOp::Eq, Expr::Attr(self.row.clone()), Expr::Attr(grouped.output[n].clone()));
        let joined = Arc::new(builder::join(hidden.clone(), grouped, JoinOn::Condition(same_row), JoinType::Left, self.conf, new_plan_id())?);
        let joined = Arc::new(builder::join(joined, empty, JoinOn::None, JoinType::Cross, self.conf, new_plan_id())?);
        let width = hidden.output.len();
        let output = &joined.output;
        let matched = Expr::IsNotNull(Box::new(Expr::Attr(output[width + n].clone())));
        let mut list: Vec<Expr> = output[..width].iter().cloned().map(Expr::Attr).collect();
        for (i, v) in values.iter().enumerate() {
            let case = Expr::case_when(vec![(matched.clone(), Expr::Attr(output[width + i].clone()))], Some(Expr::Attr(output[width + n + 1 + i].clone())));
            list.push(case.alias(&v.name));
        }
        Ok(Arc::new(builder::project(joined, list, self.conf, new_plan_id())?))
    }
}

fn is_aggregate_select(op: &LateralOp) -> bool {
    let LateralOp::Select(list) = op else { return false };
    list.iter().any(|e| {
        e.apply(&mut |x| match x {
            Expr::Window { .. } => Recursion::Jump,
            x if is_aggregate_call(x) => Recursion::Stop,
            _ => Recursion::Continue,
        }) == Recursion::Stop
    })
}

fn not_supported(what: &str) -> Error {
    Error::unsupported(format!("lateralJoin: {what}"))
}

pub fn lateral_join(
    left: Arc<Plan>,
    right: Arc<Plan>,
    ops: Vec<LateralOp>,
    on: Option<Expr>,
    how: Option<&str>,
    conf: &Conf,
    plan_id: u64,
) -> Result<Plan> {
    let join_type = join_type(how)?;
    correlated_join(left, right, ops, on, join_type, Finish::Rows, conf, plan_id)
}

/// A correlated subquery used as a value: `left`'s columns, then the subquery's value
/// per left row (for `Finish::Scalar` without an aggregation, then its row count).
/// `ops` must read an outer column.
pub fn correlated_value(left: Arc<Plan>, right: Arc<Plan>, ops: Vec<LateralOp>, finish: Finish, conf: &Conf) -> Result<Plan> {
    correlated_join(left, right, ops, None, JoinType::Left, finish, conf, new_plan_id())
}

#[allow(clippy::too_many_arguments)]
fn correlated_join(
    left: Arc<Plan>,
    right: Arc<Plan>,
    ops: Vec<LateralOp>,
    on: Option<Expr>,
    join_type: JoinType,
    finish: Finish,
    conf: &Conf,
    plan_id: u64,
) -> Result<Plan> {
    let mut ops = ops.into_iter();
    // The uncorrelated prefix is the inner DataFrame as built.
    let mut inner = right;
    let mut first = None;
    for op in ops.by_ref() {
        if op_exprs(&op).into_iter().any(has_outer) {
            first = Some(op);
            break;
        }
        inner = replay(inner, op, conf)?;
    }
    let Some(first) = first else {
        let on = on.map_or(JoinOn::None, JoinOn::Condition);
        return builder::join(left, inner, on, join_type, conf, plan_id);
    };

    // L: the left rows numbered; L': their columns under hidden names, for the inner side.
    let numbered = Arc::new(builder::project(
        left.clone(),
        vec![Expr::Star { qualifier: None, plan_id: None }, Expr::func("monotonically_increasing_id", vec![]).alias(ROW)],
        conf,
        new_plan_id(),
    )?);
    let width = left.output.len();
    let mut hidden_list: Vec<Expr> = numbered.output[..width].iter().enumerate().map(|(i, a)| Expr::Attr(a.clone()).alias(&hidden_name(i))).collect();
    hidden_list.push(Expr::Attr(numbered.output[width].clone()));
    let hidden = Arc::new(builder::project(numbered.clone(), hidden_list, conf, new_plan_id())?);
    let corr = Correlated { left: &left, hidden: hidden.output[..width].to_vec(), row: hidden.output[width].clone(), conf };

    // The first correlated operation over L' ⋈ inner: a filter is the join's condition.
    let mut aggregated = None;
    let mut plan = match first {
        LateralOp::Filter(c) => {
            let c = corr.bind(&inner, &c, false)?;
            Arc::new(builder::join(hidden.clone(), inner, JoinOn::Condition(c), JoinType::Inner, conf, new_plan_id())?)
        }
        op => {
            let crossed = Arc::new(builder::join(hidden.clone(), inner, JoinOn::None, JoinType::Cross, conf, new_plan_id())?);
            if is_aggregate_select(&op) {
                let LateralOp::Select(list) = op else { return Err(Error::internal("lateral aggregate")) };
                let (grouped, empty) = corr.aggregate(crossed, list)?;
                aggregated = Some(empty);
                grouped
            } else {
                corr.apply(crossed, op)?
            }
        }
    };
    for op in ops {
        if let Some(empty) = aggregated.take() {
            // A step after a correlated aggregation reads one row per left row.
            plan = corr.complete(&hidden, plan, empty)?;
        }
        if is_aggregate_select(&op) {
            let LateralOp::Select(list) = op else { return Err(Error::internal("lateral aggregate")) };
            let (grouped, empty) = corr.aggregate(plan, list)?;
            aggregated = Some(empty);
            plan = grouped;
        } else {
            plan = corr.apply(plan, op)?;
        }
    }

    match finish {
        Finish::Rows => {}
        Finish::Scalar => {
            let visible: Vec<Attribute> = plan.output.iter().filter(|a| !corr.is_hidden(a)).cloned().collect();
            if visible.len() != 1 {
                return Err(super::subquery::more_than_one_column(visible.len()));
            }
            if aggregated.is_none() {
                let one = Expr::lit(Value::Integer(1));
                let v = &visible[0];
                let list = vec![Expr::func("first", vec![Expr::Attr(v.clone())]).alias(&v.name), Expr::func("count", vec![one]).alias(SCALAR_ROWS)];
                let (grouped, empty) = corr.aggregate(plan, list)?;
                aggregated = Some(empty);
                plan = grouped;
            }
        }
        Finish::Exists if aggregated.is_some() => {
            // A correlated aggregation has one row for every outer row: it exists.
            let truth = || Expr::lit(Value::Boolean(true)).alias("exists");
            plan = Arc::new(builder::project(plan, vec![truth(), Expr::Attr(corr.row.clone())], conf, new_plan_id())?);
            let empty = aggregated.take().ok_or_else(|| Error::internal("correlated aggregation"))?;
            aggregated = Some(Arc::new(builder::project(empty, vec![truth()], conf, new_plan_id())?));
        }
        Finish::Exists => {
            let count = Expr::func("count", vec![Expr::lit(Value::Integer(1))]);
            let list = vec![Expr::binary(BinaryOp::Gt, count, Expr::lit(Value::Long(0))).alias("exists")];
            let (grouped, empty) = corr.aggregate(plan, list)?;
            aggregated = Some(empty);
            plan = grouped;
        }
    }

    // The inner side's own columns and its row number, under a name of its own.
    let inner_attrs: Vec<Attribute> = plan.output.iter().filter(|a| !corr.is_hidden(a)).cloned().collect();
    let mut inner_list: Vec<Expr> = inner_attrs.iter().cloned().map(Expr::Attr).collect();
    inner_list.push(Expr::Attr(corr.row.clone()).alias("__lateral_row_inner"));
    let inner = Arc::new(builder::project(plan, inner_list, conf, new_plan_id())?);

    let n_inner = inner_attrs.len();
    let row_left = numbered.output[width].clone();
    let row_inner = inner.output[n_inner].clone();
    let same_row = Expr::binary(BinaryOp::Eq, Expr::Attr(row_left), Expr::Attr(row_inner.clone()));
    let Some(empty) = aggregated else {
        let condition = match on {
            Some(on) => Expr::binary(BinaryOp::And, same_row, on),
            None => same_row,
        };
        let join_type = if join_type == JoinType::Left { JoinType::Left } else { JoinType::Inner };
        let joined = Arc::new(builder::join(numbered, inner, JoinOn::Condition(condition), join_type, conf, new_plan_id())?);
        // L's columns then the inner ones (the join may have re-instanced the inner side).
        let output = &joined.output;
        let list = output[..width].iter().chain(&output[width + 1..width + 1 + n_inner]).cloned().map(Expr::Attr).collect();
        return builder::project(joined, list, conf, plan_id);
    };

    // A correlated aggregation gives every left row one row.
    if on.is_some() {
        return Err(not_supported("a join condition with a correlated aggregation"));
    }
    let joined = Arc::new(builder::join(numbered, inner, JoinOn::Condition(same_row), JoinType::Left, conf, new_plan_id())?);
    let joined = Arc::new(builder::join(joined, empty, JoinOn::None, JoinType::Cross, conf, new_plan_id())?);
    let output = &joined.output;
    let matched = Expr::IsNotNull(Box::new(Expr::Attr(output[width + 1 + n_inner].clone())));
    let mut list: Vec<Expr> = output[..width].iter().cloned().map(Expr::Attr).collect();
    // Nullable where the aggregate or its value over no rows is (a count is not).
    let nullable: Vec<bool> = (0..n_inner).map(|i| inner_attrs[i].nullable || output[width + 2 + n_inner + i].nullable).collect();
    for i in 0..n_inner {
        let value = &output[width + 1 + i];
        let over_nothing = &output[width + 2 + n_inner + i];
        let case = Expr::case_when(vec![(matched.clone(), Expr::Attr(value.clone()))], Some(Expr::Attr(over_nothing.clone())));
        list.push(case.alias(&value.name));
    }
    let mut plan = builder::project(joined, list, conf, plan_id)?;
    for (attr, nullable) in plan.output[width..].iter_mut().zip(&nullable) {
        attr.nullable = *nullable;
    }
    if let PlanNode::Project { exprs, .. } = &mut plan.node {
        for (ne, nullable) in exprs[width..].iter_mut().zip(&nullable) {
            ne.attr.nullable = *nullable;
        }
    }
    Ok(plan)
}
