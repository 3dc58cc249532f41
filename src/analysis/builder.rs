//! Builds checked plan nodes for DataFrame operations. Each function resolves its
//! expressions against its input now (eager analysis, like Spark) and computes the
//! node's output attributes, so `schema`/`columns` never need execution.

use super::naming::{auto_name, sql_text};
use super::coercion::coerce;
use super::functions::{self, is_aggregate_call};
use super::resolve::{Resolver, Scope};
use super::typing::{common_type, data_type, nullable};
use super::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::plan::LocalData;
use crate::ir::function::ConditionalFn;
use crate::ir::*;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

pub(super) fn node(plan_id: u64, node: PlanNode, output: Vec<Attribute>) -> Plan {
    Plan { plan_id, node, output }
}

/// Fresh attributes for a schema.
pub fn attributes_for(fields: &[StructField]) -> Vec<Attribute> {
    fields
        .iter()
        .map(|f| Attribute { id: new_attr_id(), name: f.name.clone(), data_type: f.data_type.clone(), nullable: f.nullable, qualifier: None, metadata: f.metadata.clone() })
        .collect()
}

pub fn local(output: Vec<Attribute>, data: LocalData) -> Plan {
    node(new_plan_id(), PlanNode::Local { data }, output)
}

pub fn range(start: i64, end: i64, step: i64) -> Result<Plan> {
    if step == 0 {
        return Err(Error::new(crate::error::ErrorKind::IllegalArgument, "INVALID_PARAMETER_VALUE", "The step of range must not be 0."));
    }
    let attrs = attributes_for(&[StructField::new("id", DataType::Long, false)]);
    Ok(node(new_plan_id(), PlanNode::Range { start, end, step }, attrs))
}

pub fn scan(format: FileFormat, paths: Vec<String>, options: BTreeMap<String, String>, schema: Vec<StructField>) -> Plan {
    let attrs = attributes_for(&schema);
    node(new_plan_id(), PlanNode::Scan { format, paths, options, schema, metadata: false }, attrs)
}

pub(super) fn named(expr: Expr, name: String, conf: &Conf) -> NamedExpr {
    let attr = match &expr {
        // A plain column keeps its id; it may show under the name the user spelled.
        Expr::Attr(a) => Attribute { name, ..a.clone() },
        _ => Attribute { id: new_attr_id(), name, data_type: data_type(&expr), nullable: nullable(&expr, conf.ansi), qualifier: None, metadata: super::column_metadata::of(&expr) },
    };
    let expr = match expr {
        Expr::Alias { expr, .. } => *expr,
        other => other,
    };
    NamedExpr { expr: strip_aliases(expr), attr }
}

/// Aliases inside an expression only name things; they do not compute.
fn strip_aliases(e: Expr) -> Expr {
    match e {
        Expr::Alias { expr, .. } => strip_aliases(*expr),
        other => other,
    }
}

/// Resolves a projection list: expands stars, names each expression.
pub(super) fn project_list(input: &Plan, exprs: Vec<Expr>, conf: &Conf, scope: Scope) -> Result<Vec<NamedExpr>> {
    let mut resolver = Resolver::new(input, conf);
    resolver.scope = scope;
    let exprs = resolver.expand_stars(exprs)?;
    let mut seen = HashSet::new();
    exprs
        .into_iter()
        .map(|e| {
            let e = binary_pad_defaults(&resolver, resolver.struct_items_as_fields(e));
            let name = auto_name(&e);
            let resolved = resolver.resolve(e.clone()).map_err(|err| nested_generator_named(err, &e))?;
            let mut ne = named(resolved, name, conf);
            // A column selected twice becomes two output columns.
            if !seen.insert(ne.attr.id) {
                ne.attr.id = new_attr_id();
            }
            Ok(ne)
        })
        .collect()
}

/// `lpad`/`rpad` of bytes without a pad pad with a zero byte, and Spark names them by
/// it (`lpad(b, 5, X'00')`): the default, which depends on the argument's type, is
/// written into the call before the item is named (names are made before resolution).
fn binary_pad_defaults(resolver: &Resolver, e: Expr) -> Expr {
    e.transform_up(&mut |x| match x {
        Expr::Function { name, mut args, distinct } if args.len() == 2 && (name.eq_ignore_ascii_case("lpad") || name.eq_ignore_ascii_case("rpad")) => {
            if resolver.resolve(args[0].clone()).is_ok_and(|r| data_type(&r) == DataType::Binary) {
                args.push(Expr::Literal(Value::Binary(vec![0])));
            }
            Expr::Function { name, args, distinct }
        }
        other => other,
    })
}

/// Spark names a generator nested in an expression by the whole projected item (its
/// own alias left out): `upper(json_tuple(j, a))`, where the resolver saw only the
/// generator.
fn nested_generator_named(err: Error, item: &Expr) -> Error {
    if err.error_class.as_deref() != Some("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS") {
        return err;
    }
    let shown = match item {
        Expr::Alias { expr, .. } => sql_text(expr),
        e => sql_text(e),
    };
    Error::analysis(
        "UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
        format!("The generator is not supported: nested in expressions \"{shown}\"."),
    )
    .with_param("expression", format!("\"{shown}\""))
}

pub(super) fn outputs(exprs: &[NamedExpr]) -> Vec<Attribute> {
    exprs.iter().map(|n| n.attr.clone()).collect()
}

/// An aggregate call outside any window: `sum(x)` but not `sum(x) OVER (...)`.
fn has_aggregate(e: &Expr) -> bool {
    let found = e.apply(&mut |x| match x {
        Expr::Window { .. } => Recursion::Jump,
        x if is_aggregate_call(x) => Recursion::Stop,
        _ => Recursion::Continue,
    });
    found == Recursion::Stop
}

/// A projection's scope: window expressions are allowed.
const PROJECTION: Scope = Scope { aggregates: false, windows: true, window_function: false, generator: false };

pub fn project(input: Arc<Plan>, exprs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if super::file_metadata::reads_metadata(&input, exprs.iter(), conf) {
        if let Some(plan) = super::file_metadata::project(input.clone(), exprs.clone(), conf, plan_id)? {
            return Ok(plan);
        }
    }
    if exprs.iter().any(super::subquery::has_subquery) {
        return super::subquery::project(input, exprs, conf, plan_id);
    }
    if !exprs.iter().any(|e| has_aggregate(e) || super::generators::generator_at_top(e)) {
        if let Some((below, list)) = super::lateral_alias::split(&input, &exprs, conf)? {
            return project(below, list, conf, plan_id);
        }
    }
    // `*` beside a generator means the input's columns, not the Generate node's (which
    // already holds the generated ones): expanded before the generators are planned.
    let exprs = match exprs.iter().any(super::generators::generator_at_top) {
        true => Resolver::new(&input, conf).expand_stars(exprs)?,
        false => exprs,
    };
    let (input, exprs) = match super::generators::plan(&input, &exprs, conf)? {
        Some((generate, exprs)) => (generate, exprs),
        None => (input, exprs),
    };
    if exprs.iter().any(has_aggregate) {
        // `df.select(F.sum("x"))` is a global aggregation in Spark.
        return aggregate_of(input, vec![], exprs, false, conf, plan_id);
    }
    let list = project_list(&input, exprs, conf, PROJECTION)?;
    if let Some(branches) = sliding_window_branches(&input, &list, conf)? {
        return Ok(node(plan_id, PlanNode::Union { inputs: branches }, outputs(&list)));
    }
    let input = drop_rows_without_window(input, list.iter())?;
    let (input, list) = super::windows::extract(input, list);
    Ok(node(plan_id, PlanNode::Project { input, exprs: list.clone() }, outputs(&list)))
}

/// A sliding `window(...)` puts each row in several windows (Spark's Expand): one
/// projection per overlapping window, each keeping the rows whose time lies in it.
fn sliding_window_branches(input: &Arc<Plan>, list: &[NamedExpr], conf: &Conf) -> Result<Option<Vec<Arc<Plan>>>> {
    let Some(count) = functions::sliding_windows(list.iter().map(|n| &n.expr)) else { return Ok(None) };
    functions::window_filter(list.iter().map(|n| &n.expr))?;
    let mut branches = vec![];
    for i in 0..count {
        let exprs: Vec<NamedExpr> =
            list.iter().map(|n| NamedExpr { expr: functions::with_window_index(&n.expr, i), attr: n.attr.clone() }).collect();
        let condition = functions::window_branch_condition(exprs.iter().map(|n| &n.expr), conf, super::naming::sql_text)?
            .ok_or_else(|| Error::internal("a sliding window without a window"))?;
        let kept = Arc::new(node(new_plan_id(), PlanNode::Filter { input: input.clone(), condition }, input.output.clone()));
        branches.push(Arc::new(node(new_plan_id(), PlanNode::Project { input: kept, exprs: exprs.clone() }, outputs(&exprs))));
    }
    Ok(Some(branches))
}

/// `window(time, ...)` keeps only rows with a time (Spark's TimeWindowing adds this filter).
fn drop_rows_without_window<'a>(input: Arc<Plan>, list: impl Iterator<Item = &'a NamedExpr>) -> Result<Arc<Plan>> {
    Ok(match functions::window_filter(list.map(|n| &n.expr))? {
        Some(condition) => {
            let output = input.output.clone();
            Arc::new(node(new_plan_id(), PlanNode::Filter { input, condition }, output))
        }
        None => input,
    })
}

/// `withColumns`: replaces columns of the same name in place, appends the others.
pub fn with_columns(input: Arc<Plan>, mut cols: Vec<(String, Expr)>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if super::file_metadata::reads_metadata(&input, cols.iter().map(|(_, e)| e), conf) {
        if let Some(plan) = super::file_metadata::with_columns(input.clone(), cols.clone(), conf, plan_id)? {
            return Ok(plan);
        }
    }
    if cols.iter().any(|(_, e)| super::subquery::has_subquery(e)) {
        return super::subquery::with_columns(input, cols, conf, plan_id);
    }
    // `withColumn("x", explode(a))`: a Generate node below, its column in x's place.
    let columns = input.output.clone();
    let mut input = input;
    if let Some(i) = cols.iter().position(|(_, e)| super::generators::generator_at_top(e)) {
        let (name, e) = cols[i].clone();
        let aliased = Expr::Alias { expr: Box::new(e), name: name.clone(), metadata: None };
        if let Some((generate, list)) = super::generators::plan(&input, &[aliased], conf)? {
            input = generate;
            cols[i] = (name, list[0].clone());
        }
    }
    let mut resolver = Resolver::new(&input, conf);
    resolver.scope = PROJECTION;
    let mut list: Vec<NamedExpr> = columns.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
    for (name, e) in cols {
        let resolved = resolver.resolve(e)?;
        let mut ne = named(resolved, name.clone(), conf);
        if let Expr::Attr(_) = ne.expr {
            // A copy of a column under another name is a new column.
            ne.attr.id = new_attr_id();
        }
        let mut replaced = false;
        for slot in list.iter_mut() {
            if conf.names_equal(&slot.attr.name, &name) {
                *slot = ne.clone();
                replaced = true;
            }
        }
        if !replaced {
            list.push(ne);
        }
    }
    // Time windows as in `project`: rows without a time dropped, sliding windows expanded.
    if let Some(branches) = sliding_window_branches(&input, &list, conf)? {
        return Ok(node(plan_id, PlanNode::Union { inputs: branches }, outputs(&list)));
    }
    let input = drop_rows_without_window(input, list.iter())?;
    let (input, list) = super::windows::extract(input, list);
    Ok(node(plan_id, PlanNode::Project { input, exprs: list.clone() }, outputs(&list)))
}

/// Renames columns (every column of a matching name); missing names are ignored.
pub fn rename(input: Arc<Plan>, renames: &[(String, String)], conf: &Conf, plan_id: u64) -> Result<Plan> {
    let list: Vec<NamedExpr> = input
        .output
        .iter()
        .map(|a| {
            let new_name = renames.iter().find(|(old, _)| conf.names_equal(old, &a.name)).map(|(_, n)| n.clone());
            let attr = match new_name {
                Some(n) => Attribute { name: n, id: new_attr_id(), qualifier: None, ..a.clone() },
                None => a.clone(),
            };
            NamedExpr { expr: Expr::Attr(a.clone()), attr }
        })
        .collect();
    Ok(node(plan_id, PlanNode::Project { input, exprs: list.clone() }, outputs(&list)))
}

/// `toDF(*names)`.
pub fn to_df(input: Arc<Plan>, names: &[String], conf: &Conf, plan_id: u64) -> Result<Plan> {
    if names.len() != input.output.len() {
        return Err(Error::analysis(
            "ASSIGNMENT_ARITY_MISMATCH",
            // Spark's parameters, the other way round from what their names say.
            format!("The number of columns or variables assigned or aliased: {} does not match the number of source expressions: {}.", input.output.len(), names.len()),
        ));
    }
    let _ = conf;
    let list: Vec<NamedExpr> = input
        .output
        .iter()
        .zip(names)
        .map(|(a, n)| NamedExpr { expr: Expr::Attr(a.clone()), attr: Attribute { name: n.clone(), id: new_attr_id(), qualifier: None, ..a.clone() } })
        .collect();
    Ok(node(plan_id, PlanNode::Project { input, exprs: list.clone() }, outputs(&list)))
}

/// `drop`: by name (unknown names are ignored) or by resolved column.
pub fn drop(input: Arc<Plan>, names: &[String], columns: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let resolver = Resolver::new(&input, conf);
    let mut dropped: HashSet<u64> = HashSet::new();
    for c in columns {
        if let Ok(Expr::Attr(a)) = resolver.resolve(c) {
            dropped.insert(a.id);
        }
    }
    let list: Vec<NamedExpr> = input
        .output
        .iter()
        .filter(|a| !dropped.contains(&a.id) && !names.iter().any(|n| conf.names_equal(n, &a.name)))
        .map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() })
        .collect();
    Ok(node(plan_id, PlanNode::Project { input, exprs: list.clone() }, outputs(&list)))
}

pub fn filter(input: Arc<Plan>, condition: Expr, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if super::file_metadata::reads_metadata(&input, std::iter::once(&condition), conf) {
        if let Some(plan) = super::file_metadata::filter(input.clone(), condition.clone(), conf, plan_id)? {
            return Ok(plan);
        }
    }
    if super::subquery::has_subquery(&condition) {
        return super::subquery::filter(input, condition, conf, plan_id);
    }
    super::windows::refuse_in_filter(&condition)?;
    let resolver = Resolver::new(&input, conf);
    let name = auto_name(&condition);
    let resolved = resolver.resolve(condition)?;
    let t = data_type(&resolved);
    if t != DataType::Boolean {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
            format!("Cannot resolve \"{name}\" due to data type mismatch: Filter expression \"{name}\" of type \"{}\" is not a boolean.", t.sql()),
        )
        .with_param("sqlExpr", format!("\"{name}\""))
        .with_param("filter", format!("\"{name}\""))
        .with_param("type", format!("\"{}\"", t.sql())));
    }
    let output = input.output.clone();
    Ok(node(plan_id, PlanNode::Filter { input, condition: resolved }, output))
}

/// Columns used outside any aggregate function.
pub(super) fn bare_columns(e: &Expr, out: &mut Vec<Attribute>) {
    e.apply(&mut |x| match x {
        x if is_aggregate_call(x) => Recursion::Jump,
        Expr::Attr(a) => {
            out.push(a.clone());
            Recursion::Continue
        }
        _ => Recursion::Continue,
    });
}

/// The metadata Spark gives the columns an aggregation names itself.
pub(super) const AUTO_GENERATED_ALIAS: &str = r#"{"__autoGeneratedAlias":"true"}"#;

/// Spark marks an aggregation's columns it names itself (`max(x)`, `upper(s)`) with
/// `AUTO_GENERATED_ALIAS` metadata; columns, aliases and literals keep theirs.
pub(super) fn mark_auto_named(written: &[Expr], named: &mut [NamedExpr]) {
    if written.len() != named.len() {
        return; // a `*` expanded: plain columns only
    }
    for (w, n) in written.iter().zip(named) {
        if is_auto_named(w) {
            n.attr.metadata = Some(Arc::from(AUTO_GENERATED_ALIAS));
        }
    }
}

pub(super) fn is_auto_named(e: &Expr) -> bool {
    let named = matches!(e.without_origin(), Expr::Unresolved { .. } | Expr::Attr(_) | Expr::Alias { .. } | Expr::Star { .. } | Expr::MultiAlias { .. });
    let foldable = !e.any(&|x| matches!(x, Expr::Unresolved { .. } | Expr::Attr(_) | Expr::Star { .. } | Expr::Function { .. } | Expr::Call(_)));
    !named && !foldable
}

pub fn aggregate(input: Arc<Plan>, keys: Vec<Expr>, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    aggregate_of(input, keys, aggs, true, conf, plan_id)
}

/// `df.select(F.sum("x"))`: an aggregation without keys, its columns named as written.
pub fn global_aggregate(input: Arc<Plan>, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    aggregate_of(input, vec![], aggs, false, conf, plan_id)
}

/// `mark`: whether auto-named columns get Spark's metadata (a grouped aggregation's do,
/// `df.select(F.sum("x"))`'s do not).
fn aggregate_of(input: Arc<Plan>, keys: Vec<Expr>, aggs: Vec<Expr>, mark: bool, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if keys.iter().chain(&aggs).any(super::subquery::has_subquery) {
        return super::subquery::aggregate(input, keys, aggs, mark, conf, plan_id);
    }
    aggregate_reading(input, keys, aggs, mark, &HashSet::new(), conf, plan_id)
}

/// An aggregation whose list may read `values` beside its keys: columns of one value
/// each (`analysis::subquery`'s stand-ins for the subqueries read per group, joined to
/// the aggregation's result after it).
pub(super) fn aggregate_reading(input: Arc<Plan>, keys: Vec<Expr>, aggs: Vec<Expr>, mark: bool, values: &HashSet<u64>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let aggs = super::lateral_alias::inline_in_aggregate(&input, &keys, aggs, conf)?;
    super::windows::refuse_in_aggregates(&aggs)?;
    let (written_keys, written_aggs) = (keys.clone(), aggs.clone());
    let mut keys = project_list(&input, keys, conf, Scope::default())?;
    // Windows over the aggregation's rows may sit in its list (super::windows::over_aggregate).
    let mut aggs = project_list(&input, aggs, conf, Scope { aggregates: true, windows: true, ..Scope::default() })?;
    if mark {
        mark_auto_named(&written_keys, &mut keys);
        mark_auto_named(&written_aggs, &mut aggs);
    }
    // An expression the aggregation groups by reads the key's value: `k + 1` grouped by `k + 1`.
    let key_ids: HashSet<u64> = keys.iter().map(|k| k.attr.id).collect();
    let aggs: Vec<NamedExpr> = aggs
        .into_iter()
        .map(|ne| {
            // A key selected again (`SELECT k ... GROUP BY k`) is a column of its own.
            let attr = if key_ids.contains(&ne.attr.id) { Attribute { id: new_attr_id(), ..ne.attr } } else { ne.attr };
            NamedExpr { expr: over_keys(&ne.expr, &keys), attr }
        })
        .collect();
    for a in &aggs {
        let mut bare = vec![];
        bare_columns(&a.expr, &mut bare);
        if let Some(col) = bare.into_iter().find(|c| !key_ids.contains(&c.id) && !values.contains(&c.id)) {
            if keys.is_empty() {
                return Err(missing_group_by());
            }
            return Err(missing_aggregation(&col.name));
        }
    }
    if aggs.iter().any(|a| a.expr.any(&|e| matches!(e, Expr::Window { .. }))) {
        // The values are joined to the groups below the windows (`analysis::subquery::aggregate`).
        return super::windows::over_aggregate(input, keys, aggs, values, plan_id);
    }
    let mut output = outputs(&keys);
    output.extend(outputs(&aggs));
    // A sliding window is computed below the aggregation, one row per window it puts a row in.
    let (input, keys) = match functions::sliding_windows(keys.iter().map(|k| &k.expr)) {
        Some(_) => {
            let at = keys.iter().position(|k| functions::sliding_windows(std::iter::once(&k.expr)).is_some()).unwrap_or(0);
            let window = NamedExpr { expr: keys[at].expr.clone(), attr: Attribute { id: new_attr_id(), ..keys[at].attr.clone() } };
            let mut list: Vec<NamedExpr> = input.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
            list.push(window.clone());
            let branches = sliding_window_branches(&input, &list, conf)?.unwrap_or_default();
            let expanded = Arc::new(node(new_plan_id(), PlanNode::Union { inputs: branches }, outputs(&list)));
            let mut keys = keys;
            keys[at] = NamedExpr { expr: Expr::Attr(window.attr.clone()), attr: keys[at].attr.clone() };
            (expanded, keys)
        }
        None => (input, keys),
    };
    let input = drop_rows_without_window(input, keys.iter().chain(aggs.iter()))?;
    // `session_window` sessions are found first, within the other keys.
    let (input, keys) = match functions::session_keys(&keys) {
        Some((keys, session)) => {
            let mut list: Vec<NamedExpr> = input.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
            list.push(session);
            (Arc::new(node(new_plan_id(), PlanNode::Project { input, exprs: list.clone() }, outputs(&list))), keys)
        }
        None => (input, keys),
    };
    if aggs.iter().all(|a| is_aggregate_call(&a.expr)) {
        return Ok(node(plan_id, PlanNode::Aggregate { input, keys, aggs, grouping_sets: None }, output));
    }
    // Expressions over keys and aggregates (`k`, `count(*) + 1`, `upper(k)`): the
    // aggregation computes the aggregate calls alone, a projection the rest (as
    // Spark's planner splits an Aggregate's result expressions).
    let mut hidden: Vec<NamedExpr> = vec![];
    let finals: Vec<NamedExpr> = aggs
        .into_iter()
        .map(|ne| {
            let expr = ne.expr.transform_down(&mut |e| {
                if matches!(e, Expr::Window { .. }) || !is_aggregate_call(e) {
                    return None;
                }
                let attr = match hidden.iter().find(|h| h.expr == *e) {
                    Some(h) => h.attr.clone(),
                    None => {
                        let attr = Attribute { id: new_attr_id(), name: super::naming::sql_text(e), data_type: data_type(e), nullable: nullable(e, conf.ansi), qualifier: None, metadata: None };
                        hidden.push(NamedExpr { expr: e.clone(), attr: attr.clone() });
                        attr
                    }
                };
                Some(Expr::Attr(attr))
            });
            NamedExpr { expr, attr: ne.attr }
        })
        .collect();
    let mut inner_output = outputs(&keys);
    inner_output.extend(outputs(&hidden));
    let key_columns: Vec<NamedExpr> = keys.iter().map(|k| NamedExpr { expr: Expr::Attr(k.attr.clone()), attr: k.attr.clone() }).collect();
    let inner = Arc::new(node(new_plan_id(), PlanNode::Aggregate { input, keys, aggs: hidden, grouping_sets: None }, inner_output));
    let mut list = key_columns;
    list.extend(finals);
    Ok(node(plan_id, PlanNode::Project { input: inner, exprs: list }, output))
}

/// Spark's CheckAnalysis error for a column beside aggregates with no grouping at all.
pub(super) fn missing_group_by() -> Error {
    Error::analysis("MISSING_GROUP_BY", "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.")
}

/// Spark's error for column `name` read beside an aggregation's aggregates, not grouped.
pub(super) fn missing_aggregation(name: &str) -> Error {
    Error::analysis(
        "MISSING_AGGREGATION",
        format!("The non-aggregating expression \"{name}\" is based on columns which are not participating in the GROUP BY clause."),
    )
    .with_param("expression", format!("\"{name}\""))
    .with_param("expressionAnyValue", format!("\"any_value({name})\""))
}

/// `e` with every subexpression that is a grouping key replaced by the key's column.
/// An aggregate call's arguments read the input rows, not the keys (`sum(k + 1)` grouped
/// by `k + 1` sums the input's `k + 1`); a window over the aggregation reads its keys.
fn over_keys(e: &Expr, keys: &[NamedExpr]) -> Expr {
    e.transform_down(&mut |x| match key_of(x, keys) {
        Some(k) => Some(k),
        None if matches!(x, Expr::Window { .. }) => Some(x.map_children(&mut |c| c.transform_down(&mut |y| key_of(y, keys)))),
        None if is_aggregate_call(x) => Some(x.clone()),
        None => None,
    })
}

fn key_of(x: &Expr, keys: &[NamedExpr]) -> Option<Expr> {
    keys.iter().find(|k| k.expr == *x && !matches!(x, Expr::Literal(_))).map(|k| Expr::Attr(k.attr.clone()))
}

fn sort_keys(input: &Plan, keys: &[Expr], conf: &Conf) -> Result<Vec<SortKey>> {
    let resolver = Resolver::new(input, conf);
    keys.iter()
        .map(|k| {
            Ok(match resolver.resolve(k.clone())? {
                Expr::Sort(k) => *k,
                e => SortKey { expr: e, ascending: true, nulls_first: true },
            })
        })
        .collect()
}

pub fn sort(input: Arc<Plan>, keys: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if keys.iter().any(super::subquery::has_subquery) {
        return super::subquery::sort(input, keys, conf, plan_id);
    }
    let resolved = match sort_keys(&input, &keys, conf) {
        Ok(k) => k,
        Err(e) => {
            let e = ambiguity_as_unresolved(e, &input);
            return sort_by_hidden_columns(input, &keys, conf, plan_id).ok_or(e)?;
        }
    };
    let output = input.output.clone();
    Ok(node(plan_id, PlanNode::Sort { input, keys: resolved }, output))
}

/// Spark's sort resolution reports an ambiguous name as an unresolved one.
fn ambiguity_as_unresolved(e: Error, input: &Plan) -> Error {
    if e.error_class.as_deref() != Some("AMBIGUOUS_REFERENCE") {
        return e;
    }
    let name = e.params.iter().find(|(k, _)| k == "name").map(|(_, v)| v.trim_matches('`').to_string()).unwrap_or_default();
    let candidates: Vec<String> = input.output.iter().map(|a| format!("`{}`", a.name)).collect();
    super::resolve::unresolved_with_suggestion(&name, &candidates)
}

/// `df.select("name").orderBy("age")`: Spark sorts by a column the projection
/// dropped by carrying it through the projection and removing it after the sort.
fn sort_by_hidden_columns(input: Arc<Plan>, keys: &[Expr], conf: &Conf, plan_id: u64) -> Option<Result<Plan>> {
    let PlanNode::Project { input: below, exprs } = &input.node else { return None };
    let keys = sort_keys(below, keys, conf).ok()?;
    let visible: HashSet<u64> = exprs.iter().map(|n| n.attr.id).collect();
    let mut widened = exprs.clone();
    for k in &keys {
        let mut used = vec![];
        bare_columns(&k.expr, &mut used);
        for a in used {
            if !visible.contains(&a.id) && !widened.iter().any(|n| n.attr.id == a.id) {
                widened.push(NamedExpr { expr: Expr::Attr(a.clone()), attr: a });
            }
        }
    }
    let wide = Arc::new(node(new_plan_id(), PlanNode::Project { input: below.clone(), exprs: widened.clone() }, outputs(&widened)));
    let sorted = Arc::new(node(new_plan_id(), PlanNode::Sort { input: wide, keys }, outputs(&widened)));
    let back: Vec<NamedExpr> = input.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
    Some(Ok(node(plan_id, PlanNode::Project { input: sorted, exprs: back }, input.output.clone())))
}

/// `sample(True, fraction, seed)`: Spark's Poisson sampler (fractions under 40, where
/// commons-math's draws are reproduced).
pub fn sample_with_replacement(input: Arc<Plan>, fraction: f64, seed: i64, plan_id: u64) -> Result<Plan> {
    if !crate::compat::poisson_sampler::supported_fraction(fraction) {
        return Err(Error::unsupported("sample(withReplacement=True) with a fraction of 40 or more"));
    }
    let output = input.output.clone();
    Ok(node(plan_id, PlanNode::SampleWithReplacement { input, fraction, seed }, output))
}

pub fn limit(input: Arc<Plan>, n: usize, plan_id: u64) -> Plan {
    let output = input.output.clone();
    node(plan_id, PlanNode::Limit { input, n }, output)
}

pub fn offset(input: Arc<Plan>, n: usize, plan_id: u64) -> Plan {
    let output = input.output.clone();
    node(plan_id, PlanNode::Offset { input, n }, output)
}

pub fn deduplicate(input: Arc<Plan>, subset: Option<&[String]>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let keys = match subset {
        None => input.output.clone(),
        Some(names) => {
            let resolver = Resolver::new(&input, conf);
            names
                .iter()
                .map(|n| match resolver.resolve(Expr::col(n))? {
                    Expr::Attr(a) => Ok(a),
                    _ => Err(Error::analysis("UNRESOLVED_COLUMN.WITH_SUGGESTION", format!("Cannot resolve column name \"{n}\"."))),
                })
                .collect::<Result<Vec<_>>>()?
        }
    };
    let output = input.output.clone();
    Ok(node(plan_id, PlanNode::Deduplicate { input, keys }, output))
}

pub fn subquery_alias(input: Arc<Plan>, alias: &str, plan_id: u64) -> Plan {
    let output = input.output.iter().map(|a| Attribute { qualifier: Some(alias.to_string()), ..a.clone() }).collect();
    node(plan_id, PlanNode::SubqueryAlias { input, alias: alias.to_string() }, output)
}

pub fn cache(input: Arc<Plan>, plan_id: u64) -> Plan {
    let output = input.output.clone();
    node(plan_id, PlanNode::Cache { input, key: new_plan_id() }, output)
}

/// Rows of `schema` a Python function computes from the rows of `inputs` when the
/// plan runs (`mapInPandas`, `applyInPandas`, cogroups, UDTFs).
pub fn python_table(inputs: Vec<Arc<Plan>>, function: crate::ir::udf::UdfHandle, schema: &[StructField]) -> Plan {
    node(new_plan_id(), PlanNode::PythonTable { inputs, function }, attributes_for(schema))
}

/// How the join condition was given.
pub enum JoinOn {
    None,
    Using(Vec<String>),
    Condition(Expr),
}

/// Gives the right side of a self-join fresh attribute ids, as Spark does, so both
/// sides can be told apart.
fn reinstance_if_needed(left: &Plan, right: Arc<Plan>) -> Arc<Plan> {
    let left_ids: HashSet<u64> = left.output.iter().map(|a| a.id).collect();
    let mut left_all = HashSet::new();
    left.apply(&mut |p| {
        left_all.extend(p.output.iter().map(|a| a.id));
        Recursion::Continue
    });
    if !right.output.iter().any(|a| left_ids.contains(&a.id) || left_all.contains(&a.id)) {
        return right;
    }
    let list: Vec<NamedExpr> = right
        .output
        .iter()
        .map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: Attribute { id: new_attr_id(), ..a.clone() } })
        .collect();
    let output = outputs(&list);
    Arc::new(node(new_plan_id(), PlanNode::Project { input: right, exprs: list }, output))
}

fn conjuncts(e: Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary { op: BinaryOp::And, left, right } => {
            conjuncts(*left, out);
            conjuncts(*right, out);
        }
        other => out.push(other),
    }
}

fn refs_only(e: &Expr, ids: &HashSet<u64>) -> bool {
    let mut any = false;
    let outside = e.apply(&mut |x| match x {
        Expr::Attr(a) if !ids.contains(&a.id) => Recursion::Stop,
        Expr::Attr(_) => {
            any = true;
            Recursion::Continue
        }
        _ => Recursion::Continue,
    });
    outside != Recursion::Stop && any
}

fn with_nullability(attrs: &[Attribute], nullable: bool) -> Vec<NamedExpr> {
    attrs
        .iter()
        .map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: Attribute { nullable: a.nullable || nullable, ..a.clone() } })
        .collect()
}

pub fn join(left: Arc<Plan>, right: Arc<Plan>, on: JoinOn, join_type: JoinType, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if let JoinOn::Condition(c) = &on {
        if super::subquery::has_subquery(c) {
            return super::subquery::join(left, right, c.clone(), join_type, conf, plan_id);
        }
    }
    let right = reinstance_if_needed(&left, right);
    let (left_null, right_null) = match join_type {
        JoinType::Left => (false, true),
        JoinType::Right => (true, false),
        JoinType::Full => (true, true),
        _ => (false, false),
    };
    let semi = matches!(join_type, JoinType::LeftSemi | JoinType::LeftAnti);
    let mut keys = vec![];
    let mut residual = None;
    let output: Vec<NamedExpr>;
    match on {
        JoinOn::Using(names) => {
            let (lres, rres) = (Resolver::new(&left, conf), Resolver::new(&right, conf));
            let mut using_out = vec![];
            let mut lkeys = HashSet::new();
            let mut rkeys = HashSet::new();
            for n in &names {
                let unresolved = |side: &str, p: &Plan| {
                    // Spark lists the side's field names sorted.
                    let mut cols: Vec<String> = p.output.iter().map(|a| format!("`{}`", a.name)).collect();
                    cols.sort();
                    Error::analysis(
                        "UNRESOLVED_USING_COLUMN_FOR_JOIN",
                        format!("USING column `{n}` cannot be resolved on the {side} side of the join. The {side}-side columns: [{}].", cols.join(", ")),
                    )
                };
                // A USING column is a top-level column of each side, never a nested field.
                let Ok(Expr::Attr(l)) = lres.resolve(Expr::col(n)) else { return Err(unresolved("left", &left)) };
                let Ok(Expr::Attr(r)) = rres.resolve(Expr::col(n)) else { return Err(unresolved("right", &right)) };
                let common = common_type(&l.data_type, &r.data_type, conf.ansi).ok_or_else(|| {
                    Error::analysis("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", format!("Cannot join on `{n}`: incompatible types \"{}\" and \"{}\".", l.data_type.sql(), r.data_type.sql()))
                })?;
                keys.push((coerce(Expr::Attr(l.clone()), &common), coerce(Expr::Attr(r.clone()), &common), false));
                lkeys.insert(l.id);
                rkeys.insert(r.id);
                let out = match join_type {
                    JoinType::Full => {
                        let e = functions::call(
                            Func::Conditional(ConditionalFn::Coalesce),
                            vec![coerce(Expr::Attr(l.clone()), &common), coerce(Expr::Attr(r.clone()), &common)],
                            conf,
                            super::naming::sql_text,
                        )?;
                        let attr = Attribute { id: new_attr_id(), name: l.name.clone(), data_type: common.clone(), nullable: l.nullable && r.nullable, qualifier: None, metadata: None };
                        NamedExpr { expr: e, attr }
                    }
                    JoinType::Right => NamedExpr { expr: Expr::Attr(r.clone()), attr: r.clone() },
                    _ => NamedExpr { expr: Expr::Attr(l.clone()), attr: l.clone() },
                };
                using_out.push(out);
            }
            let rest_left: Vec<Attribute> = left.output.iter().filter(|a| !lkeys.contains(&a.id)).cloned().collect();
            let rest_right: Vec<Attribute> = right.output.iter().filter(|a| !rkeys.contains(&a.id)).cloned().collect();
            let mut out = using_out;
            out.extend(with_nullability(&rest_left, left_null));
            if !semi {
                out.extend(with_nullability(&rest_right, right_null));
            }
            output = out;
        }
        JoinOn::Condition(cond) => {
            let resolver = Resolver { inputs: vec![&left, &right], conf, scope: Scope::default(), lambdas: vec![] };
            let resolved = match self_join_equality(&cond, &left, &right, conf)? {
                Some(rewritten) => rewritten,
                None => resolver.resolve(cond)?,
            };
            let t = data_type(&resolved);
            if t != DataType::Boolean {
                let shown = crate::analysis::naming::sql_text(&resolved);
                return Err(Error::analysis(
                    "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
                    format!("The join condition \"{shown}\" has the invalid type \"{}\", expected \"BOOLEAN\".", t.sql()),
                )
                .with_param("joinCondition", format!("\"{shown}\""))
                .with_param("conditionType", format!("\"{}\"", t.sql())));
            }
            let left_ids: HashSet<u64> = left.output.iter().map(|a| a.id).collect();
            let right_ids: HashSet<u64> = right.output.iter().map(|a| a.id).collect();
            let mut parts = vec![];
            conjuncts(resolved, &mut parts);
            let mut rest = vec![];
            for p in parts {
                match &p {
                    Expr::Binary { op: op @ (BinaryOp::Eq | BinaryOp::EqNullSafe), left: l, right: r } => {
                        let null_safe = *op == BinaryOp::EqNullSafe;
                        if refs_only(l, &left_ids) && refs_only(r, &right_ids) {
                            keys.push(((**l).clone(), (**r).clone(), null_safe));
                            continue;
                        }
                        if refs_only(r, &left_ids) && refs_only(l, &right_ids) {
                            keys.push(((**r).clone(), (**l).clone(), null_safe));
                            continue;
                        }
                        rest.push(p);
                    }
                    _ => rest.push(p),
                }
            }
            residual = rest.into_iter().reduce(|a, b| Expr::binary(BinaryOp::And, a, b));
            let mut out = with_nullability(&left.output, left_null);
            if !semi {
                out.extend(with_nullability(&right.output, right_null));
            }
            output = out;
        }
        JoinOn::None => {
            let mut out = with_nullability(&left.output, left_null);
            if !semi {
                out.extend(with_nullability(&right.output, right_null));
            }
            output = out;
        }
    }
    let attrs = outputs(&output);
    Ok(node(plan_id, PlanNode::Join { left, right, join_type, keys, residual, output }, attrs))
}

/// `df.join(df, df["a"] == df["a"])`: Spark reads the trivially true equality of a
/// DataFrame with itself as "left.a = right.a".
fn self_join_equality(cond: &Expr, left: &Plan, right: &Plan, conf: &Conf) -> Result<Option<Expr>> {
    let Expr::Binary { op: op @ (BinaryOp::Eq | BinaryOp::EqNullSafe), left: l, right: r } = cond else { return Ok(None) };
    let (Expr::Unresolved { parts: lp, plan_id: Some(a) }, Expr::Unresolved { parts: rp, plan_id: Some(b) }) = (l.as_ref(), r.as_ref()) else {
        return Ok(None);
    };
    // The right side may have been re-instanced: look through that projection.
    let right_origin = match &right.node {
        PlanNode::Project { input, .. } if right.plan_id != *b => input.plan_id,
        _ => right.plan_id,
    };
    if a != b || left.plan_id != *a || right_origin != *a {
        return Ok(None);
    }
    let lhs = Resolver::new(left, conf).resolve(Expr::Unresolved { parts: lp.clone(), plan_id: None })?;
    let rhs = Resolver::new(right, conf).resolve(Expr::Unresolved { parts: rp.clone(), plan_id: None })?;
    let common = common_type(&data_type(&lhs), &data_type(&rhs), conf.ansi).unwrap_or_else(|| data_type(&lhs));
    Ok(Some(Expr::binary(*op, coerce(lhs, &common), coerce(rhs, &common))))
}

/// Projects `input` onto the union's output attributes, casting to their types.
fn align(input: Arc<Plan>, exprs: Vec<Expr>, output: &[Attribute]) -> Arc<Plan> {
    let list: Vec<NamedExpr> =
        exprs.into_iter().zip(output).map(|(e, a)| NamedExpr { expr: coerce(e, &a.data_type), attr: a.clone() }).collect();
    Arc::new(node(new_plan_id(), PlanNode::Project { input, exprs: list }, output.to_vec()))
}

/// UNION ALL by position; names come from the first input, types are widened.
pub fn union(inputs: Vec<Arc<Plan>>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let first = &inputs[0];
    let columns: Vec<Vec<Expr>> = inputs.iter().map(|p| p.output.iter().cloned().map(Expr::Attr).collect()).collect();
    for (i, p) in inputs.iter().enumerate().skip(1) {
        if p.output.len() != first.output.len() {
            return Err(Error::analysis(
                "NUM_COLUMNS_MISMATCH",
                format!(
                    "UNION can only be performed on inputs with the same number of columns, but the first input has {} columns and the {} input has {} columns.",
                    first.output.len(), crate::error::ordinal(i + 1), p.output.len()
                ),
            ));
        }
    }
    union_of(inputs, columns, conf, plan_id)
}


fn union_of(inputs: Vec<Arc<Plan>>, columns: Vec<Vec<Expr>>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let width = columns[0].len();
    let mut output = vec![];
    for c in 0..width {
        let first = &columns[0][c];
        let mut t = data_type(first);
        let mut null = false;
        for (i, cols) in columns.iter().enumerate() {
            let ct = data_type(&cols[c]);
            t = super::set_ops::set_op_type(&t, &ct, conf.ansi).ok_or_else(|| {
                Error::analysis(
                    "INCOMPATIBLE_COLUMN_TYPE",
                    format!(
                        "UNION can only be performed on tables with compatible column types. The {} column of the {} table is \"{}\" type which is not compatible with \"{}\" at the same column of the first table..",
                        crate::error::ordinal(c + 1), crate::error::ordinal(i + 1), ct.sql(), data_type(first).sql()
                    ),
                )
            })?;
            null |= nullable(&cols[c], true);
        }
        output.push(Attribute { id: new_attr_id(), name: super::naming::auto_name(first), data_type: t, nullable: null, qualifier: None, metadata: super::column_metadata::of(first) });
    }
    let aligned: Vec<Arc<Plan>> = inputs.into_iter().zip(columns).map(|(p, cols)| align(p, cols, &output)).collect();
    Ok(node(plan_id, PlanNode::Union { inputs: aligned }, output))
}


pub fn union_by_name(left: Arc<Plan>, right: Arc<Plan>, allow_missing: bool, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let find = |p: &Plan, name: &str| p.output.iter().find(|a| conf.names_equal(&a.name, name)).cloned();
    let mut left_cols: Vec<Expr> = left.output.iter().cloned().map(Expr::Attr).collect();
    let mut right_cols = vec![];
    for a in &left.output {
        match find(&right, &a.name) {
            Some(r) => right_cols.push(Expr::Attr(r)),
            None if allow_missing => right_cols.push(Expr::Literal(Value::Null).alias(&a.name)),
            None => {
                return Err(Error::analysis(
                    "_LEGACY_ERROR_TEMP_1201",
                    format!("Cannot resolve column name \"{}\" among ({}).", a.name, right.output.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ")),
                ))
            }
        }
    }
    for r in &right.output {
        if find(&left, &r.name).is_none() {
            if !allow_missing {
                return Err(Error::analysis("_LEGACY_ERROR_TEMP_1201", format!("Cannot resolve column name \"{}\" among the left columns.", r.name)));
            }
            left_cols.push(Expr::Literal(Value::Null).alias(&r.name));
            right_cols.push(Expr::Attr(r.clone()));
        }
    }
    // Null literals take the type of the other side.
    let fix = |cols: &mut Vec<Expr>, other: &Vec<Expr>| {
        for (c, o) in cols.iter_mut().zip(other) {
            if let Expr::Alias { expr, name, .. } = c {
                if matches!(expr.as_ref(), Expr::Literal(Value::Null)) {
                    *c = Expr::Alias { expr: Box::new(Expr::Cast { expr: expr.clone(), to: data_type(o), kind: CastKind::Cast }), name: name.clone(), metadata: None };
                }
            }
        }
    };
    let (lc, rc) = (left_cols.clone(), right_cols.clone());
    fix(&mut left_cols, &rc);
    fix(&mut right_cols, &lc);
    union_of(vec![left, right], vec![left_cols, right_cols], conf, plan_id)
}
