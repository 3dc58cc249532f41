//! SQL queries onto the plan builder: the same `analysis::builder` calls the DataFrame
//! API makes, bottom-up (FROM and joins, WHERE, GROUP BY with aggregates, HAVING, the
//! select list, DISTINCT, set operations, ORDER BY, LIMIT/OFFSET), so one resolver,
//! one function registry and one naming rule serve both. DataFusion's `SqlToRel` over
//! its plan builder is the model.

use super::subquery::Correlation;
use super::{convert, parse_error, unsupported};
use crate::analysis::builder::{self, JoinOn};
use crate::analysis::resolve::{Resolver, Scope};
use crate::analysis::{grouping, new_plan_id, Conf, RelationSource};
use std::collections::HashSet;
use crate::error::{Error, Result};
use crate::ir::{Expr, JoinType, Plan, SetOpKind, SortKey, Value};
use sqlparser::ast as sql;
use std::sync::Arc;

/// Builds plans for one statement: the session's settings, where named relations come
/// from, and the common table expressions in scope.
pub struct QueryBuilder<'a> {
    pub conf: &'a Conf,
    pub relations: &'a dyn RelationSource,
    ctes: Vec<(String, Arc<Plan>)>,
    /// Set while a subquery body is built: what its WHERE reads of the outer query.
    pub(super) correlation: Correlation,
}

impl<'a> QueryBuilder<'a> {
    pub fn new(conf: &'a Conf, relations: &'a dyn RelationSource) -> Self {
        QueryBuilder { conf, relations, ctes: vec![], correlation: Correlation::default() }
    }

    pub fn query(&mut self, q: sql::Query) -> Result<Arc<Plan>> {
        let scope = self.ctes.len();
        if let Some(with) = q.with {
            if with.recursive {
                return Err(Error::analysis("RECURSIVE_CTE_IN_LEGACY_MODE", "Recursive definitions cannot be used in legacy CTE precedence mode."));
            }
            for cte in with.cte_tables {
                let plan = self.query(*cte.query)?;
                let plan = self.with_alias(plan, &cte.alias)?;
                self.ctes.push((cte.alias.name.value.clone(), plan));
            }
        }
        // A SELECT sorted by columns its list does not show keeps its AST to be built again
        // with them (Spark's ResolveMissingReferences).
        let select = match (q.body.as_ref(), &q.order_by) {
            (sql::SetExpr::Select(s), Some(_)) if s.distinct.is_none() && self.correlation.outer.is_none() => Some(s.as_ref().clone()),
            _ => None,
        };
        let mut plan = self.set_expr(*q.body)?;
        if let Some(order_by) = q.order_by {
            plan = match (self.order_by(plan.clone(), order_by.clone()), select) {
                (Err(e), Some(select)) if is_unresolved(&e) => self.order_by_hidden(&plan, select, order_by).map_err(|_| e)?,
                (result, _) => result?,
            };
        }
        if let Some(limits) = q.limit_clause {
            plan = self.limits(plan, limits)?;
        }
        self.ctes.truncate(scope);
        Ok(plan)
    }

    fn set_expr(&mut self, body: sql::SetExpr) -> Result<Arc<Plan>> {
        match body {
            sql::SetExpr::Select(select) => self.select(*select),
            sql::SetExpr::Query(q) => self.query(*q),
            sql::SetExpr::SetOperation { left, op, set_quantifier, right } => {
                let (l, r) = (self.set_expr(*left)?, self.set_expr(*right)?);
                self.set_operation(l, op, set_quantifier, r)
            }
            sql::SetExpr::Values(values) => self.values(values),
            sql::SetExpr::Table(t) => {
                let name = t.table_name.ok_or_else(|| unsupported("TABLE without a name"))?;
                let parts: Vec<String> = t.schema_name.into_iter().chain(std::iter::once(name)).map(|i| i.value).collect();
                self.relation(&parts)
            }
            other => Err(unsupported(&format!("the SQL statement `{other}` inside a query"))),
        }
    }

    fn set_operation(&mut self, l: Arc<Plan>, op: sql::SetOperator, q: sql::SetQuantifier, r: Arc<Plan>) -> Result<Arc<Plan>> {
        let distinct = !matches!(q, sql::SetQuantifier::All | sql::SetQuantifier::AllByName);
        let by_name = matches!(q, sql::SetQuantifier::ByName | sql::SetQuantifier::AllByName | sql::SetQuantifier::DistinctByName);
        match op {
            sql::SetOperator::Union => {
                let union = if by_name {
                    builder::union_by_name(l, r, false, self.conf, new_plan_id())?
                } else {
                    builder::union(vec![l, r], self.conf, new_plan_id())?
                };
                let union = Arc::new(union);
                Ok(if distinct { Arc::new(builder::deduplicate(union, None, self.conf, new_plan_id())?) } else { union })
            }
            _ if by_name => Err(unsupported(&format!("{op} BY NAME"))),
            sql::SetOperator::Intersect => {
                Ok(Arc::new(crate::analysis::set_ops::set_op(l, r, SetOpKind::Intersect, !distinct, self.conf, new_plan_id())?))
            }
            sql::SetOperator::Except | sql::SetOperator::Minus => {
                Ok(Arc::new(crate::analysis::set_ops::set_op(l, r, SetOpKind::Except, !distinct, self.conf, new_plan_id())?))
            }
        }
    }

    /// `VALUES (1, 'a'), (2, 'b')`: columns `col1`, `col2`... of the rows' common types.
    fn values(&mut self, values: sql::Values) -> Result<Arc<Plan>> {
        let mut rows: Vec<Arc<Plan>> = vec![];
        for row in values.rows {
            let exprs = row
                .content
                .into_iter()
                .enumerate()
                .map(|(i, e)| Ok(convert(e)?.alias(&format!("col{}", i + 1))))
                .collect::<Result<Vec<_>>>()?;
            let one = Arc::new(builder::range(0, 1, 1)?);
            rows.push(Arc::new(builder::project(one, exprs, self.conf, new_plan_id())?));
        }
        if rows.is_empty() {
            return Err(unsupported("VALUES without rows"));
        }
        if rows.len() == 1 {
            return Ok(rows.remove(0));
        }
        Ok(Arc::new(builder::union(rows, self.conf, new_plan_id())?))
    }

    fn select(&mut self, mut s: sql::Select) -> Result<Arc<Plan>> {
        // Spark 4.0's grammar has no QUALIFY (it reads the word as a table alias).
        if let Some(q) = &s.qualify {
            return Err(parse_error(&q.to_string(), super::QUALIFY_REFUSED));
        }
        // Spark sorts each partition (one here): refused rather than left unsorted, until
        // they are planned as sortWithinPartitions. DISTRIBUTE BY alone promises no order.
        if !s.sort_by.is_empty() || !s.cluster_by.is_empty() {
            return Err(unsupported("SORT BY and CLUSTER BY"));
        }
        let windows = std::mem::take(&mut s.named_window);
        super::window::with_named_windows(windows, || self.select_block(s))
    }

    fn select_block(&mut self, s: sql::Select) -> Result<Arc<Plan>> {
        // FROM: each item joined to the previous ones (a comma is a cross join).
        let mut plan = match s.from.len() {
            0 => Arc::new(builder::range(0, 1, 1).map(|p| builder::project(Arc::new(p), vec![], self.conf, new_plan_id()))??),
            _ => {
                let mut items = s.from.into_iter();
                let first = items.next().expect("non-empty");
                let mut plan = self.table_with_joins(first)?;
                for mut next in items {
                    // `FROM t, LATERAL f(t.a)` (or `FROM t, f(t.a)`): a Python UDTF over the
                    // rows of every item before it.
                    if let Some(joined) = self.lateral_call(&plan, &next.relation)? {
                        plan = joined;
                        let joins = std::mem::take(&mut next.joins);
                        plan = self.joins(plan, joins)?;
                        continue;
                    }
                    let right = self.table_with_joins(next)?;
                    plan = Arc::new(builder::join(plan, right, JoinOn::None, JoinType::Cross, self.conf, new_plan_id())?);
                }
                plan
            }
        };
        // LATERAL VIEW gen(...) t AS a, b: the generator's columns beside the FROM's.
        for view in s.lateral_views {
            plan = self.lateral_view(plan, view)?;
        }
        // A subquery body: its WHERE may read the outer query (kept for the join).
        let mut correlation = std::mem::take(&mut self.correlation);
        if let Some(condition) = s.selection {
            plan = self.where_clause(plan, convert(condition)?, &mut correlation)?;
        }
        let mut items = vec![];
        for item in s.projection {
            match item {
                // `* EXCEPT (a, b)`: every column of the FROM but those.
                sql::SelectItem::Wildcard(sql::WildcardAdditionalOptions { opt_except: Some(except), opt_exclude: None, .. }) => {
                    let names: Vec<String> = std::iter::once(except.first_element).chain(except.additional_elements).map(|i| i.value).collect();
                    let kept = plan.output.iter().filter(|a| !names.iter().any(|n| self.conf.names_equal(n, &a.name)));
                    items.extend(kept.cloned().map(Expr::Attr));
                }
                other => items.push(select_item(other)?),
            }
        }
        let (group_by, group_by_all) = match s.group_by {
            sql::GroupByExpr::Expressions(exprs, modifiers) if modifiers.is_empty() => (exprs, false),
            sql::GroupByExpr::Expressions(exprs, modifiers) => (with_modifier(exprs, &modifiers)?, false),
            sql::GroupByExpr::All(modifiers) if modifiers.is_empty() => (vec![], true),
            sql::GroupByExpr::All(_) => return Err(unsupported("GROUP BY ALL ... WITH ROLLUP/CUBE")),
        };
        let aggregated = !group_by.is_empty()
            || group_by_all
            || s.having.is_some()
            || items.iter().any(has_aggregate)
            || super::subquery::tests_an_aggregate(&items);
        // A scalar subquery is correlated by its WHERE or by outer columns in its select list.
        let correlated = !correlation.outer_conditions.is_empty() || (correlation.scalar.is_some() && correlation.bind_outer_reads(&plan, items.clone(), false, self.conf).1);
        if let (Some(name), true) = (&correlation.scalar, correlated) {
            // A correlated scalar subquery: its aggregate per value of the outer columns.
            if items.len() != 1 {
                return Err(unsupported("a correlated scalar subquery of several columns"));
            }
            let name = name.clone();
            let group_by = match grouping_sets(group_by, &items, &[])? {
                // GROUP BY ALL: the items without an aggregate (none: one group).
                _ if group_by_all => items.iter().filter(|e| !has_aggregate(e)).map(|e| e.unalias().clone()).collect(),
                GroupBy::Keys(keys) => keys,
                GroupBy::Sets(_) => return Err(outer_column_under_grouping_sets(&correlation)),
            };
            correlation.having = s.having.map(convert).transpose()?;
            let aggregated = !group_by.is_empty() || correlation.having.is_some() || items.iter().any(has_aggregate);
            let agg = self.correlated_scalar(plan, items, group_by, aggregated, &name, &mut correlation)?;
            self.correlation = correlation;
            return Ok(agg);
        }
        let mut per_group = super::subquery::PerGroup::default();
        if aggregated {
            // Inside aggregate calls joined to the FROM's rows, beside them planned by the
            // aggregation as DataFrame subqueries (`analysis::subquery`) or over its
            // output (`per_group`).
            let pending = super::subquery::take(&items.iter().collect::<Vec<_>>());
            if !pending.is_empty() {
                let windows = items.iter().any(|e| e.any(&|x| matches!(x, Expr::Window { .. })));
                (plan, items, per_group) = self.aggregation_subqueries(plan, items, pending, windows)?;
            }
        }
        plan = if aggregated {
            // Which items read a lateral alias (`sum(x) AS t, t + 1`): planned by the
            // aggregation, but Spark refuses some forms around them.
            let lateral = crate::analysis::lateral_alias::reads_per_item(&plan, &items, self.conf);
            if let (Some(_), Some(name)) = (&s.having, lateral.iter().flatten().next()) {
                if items.iter().any(|e| e.any(&|x| matches!(x, Expr::Window { .. }))) {
                    return Err(lateral_alias_with_window_and_having(name));
                }
            }
            // GROUP BY keys may be ordinals of the select list or its aliases; GROUP BY ALL
            // groups by every select item without an aggregate (Spark's ResolveGroupByAll).
            let grouping = if group_by_all {
                if items.iter().any(|e| matches!(e, Expr::Star { .. })) {
                    return Err(unsupported("GROUP BY ALL with * in the select list"));
                }
                if items.iter().zip(&lateral).any(|(e, l)| l.is_some() && !has_aggregate(e)) {
                    return Err(lateral_alias_in_group_by());
                }
                GroupBy::Keys(items.iter().filter(|e| !has_aggregate(e)).map(|e| e.unalias().clone()).collect())
            } else {
                grouping_sets(group_by, &items, &lateral)?
            };
            // Windows over grouping sets run over the aggregation's result: what they read
            // is computed by it as hidden columns (Spark's ExtractWindowExpressions).
            let (items, windows) = match grouping {
                GroupBy::Sets(_) if items.iter().any(|e| e.any(&|x| matches!(x, Expr::Window { .. }))) => extract_windows(items)?,
                _ => (items, None),
            };
            // Items reading a subquery per group: the aggregation computes a stand-in
            // (checking what it reads is grouped), and what they read of the groups as
            // hidden columns; the items themselves are evaluated over its output.
            let mut aggs: Vec<Expr> = items.iter().map(|e| per_group.stand_in(e.clone())).collect();
            let keys = match &grouping {
                GroupBy::Keys(keys) => keys.clone(),
                GroupBy::Sets(_) => vec![],
            };
            let hide = |e: Expr, aggs: &mut Vec<Expr>| hide_group_reads(&e, &keys, aggs);
            let per_group_items: Vec<Option<Expr>> =
                items.iter().map(|e| per_group.read_by(e).then(|| hide(e.clone(), &mut aggs))).collect();
            if !per_group.pending.is_empty() {
                let placeholders = per_group_items.iter().flatten().collect::<Vec<_>>();
                super::subquery::requeue(std::mem::take(&mut per_group.pending));
                super::subquery::hide_tested_values(&placeholders, &mut |x| hide(x, &mut aggs));
            }
            let per_group_pending = super::subquery::take(&per_group_items.iter().flatten().collect::<Vec<_>>());
            // Aggregates HAVING reads but the select list does not are computed as hidden
            // columns, filtered on, and dropped (Spark's ResolveAggregateFunctions).
            let having = s.having.map(convert).transpose()?;
            let having = having.map(|h| hide_aggregates(h, &mut aggs));
            if let Some(h) = &having {
                // An IN of HAVING may test an aggregate too (`HAVING sum(v) IN (...)`).
                super::subquery::hide_tested_values(&[h], &mut |x| hide_aggregates(x, &mut aggs));
            }
            let agg = Arc::new(match grouping {
                GroupBy::Keys(keys) => builder::aggregate(plan, keys, aggs, self.conf, new_plan_id())?,
                GroupBy::Sets(sets) => grouping::sets::plan(plan, vec![], grouping::sets::SetSpec::Explicit(sets), aggs, self.conf, new_plan_id())?,
            });
            let filtered = match having {
                Some(condition) => {
                    // Scalar subqueries of HAVING join onto the groups.
                    let scope = having_scope(agg.clone(), items.len(), self.conf);
                    let (base, mut condition) = self.scalar_subqueries(scope, vec![condition])?;
                    Arc::new(builder::filter(base, condition.remove(0), self.conf, new_plan_id())?)
                }
                None => agg.clone(),
            };
            let visible = if per_group_items.iter().any(Option::is_some) {
                // Over the groups (filtered by HAVING) with the keys read by qualifier too.
                let scope = match filtered.plan_id == agg.plan_id {
                    true => having_scope(agg.clone(), items.len(), self.conf),
                    false => filtered,
                };
                let keys = agg.output.len() - items.len() - hidden_count(&agg, items.len());
                let exprs: Vec<Expr> = per_group_items
                    .into_iter()
                    .zip(&agg.output[keys..keys + items.len()])
                    .map(|(e, a)| e.unwrap_or_else(|| Expr::Attr(a.clone())))
                    .collect();
                super::subquery::requeue(per_group_pending);
                let (joined, exprs) = self.scalar_subqueries(scope, exprs)?;
                Arc::new(builder::project(joined, exprs, self.conf, new_plan_id())?)
            } else {
                visible_columns(filtered, &agg, items.len())?
            };
            match windows {
                Some(top) => {
                    let exprs = top
                        .into_iter()
                        .map(|t| match t {
                            TopItem::Column(i) => Expr::Attr(visible.output[i].clone()),
                            TopItem::Window(e) => e,
                        })
                        .collect();
                    Arc::new(builder::project(visible, exprs, self.conf, new_plan_id())?)
                }
                None => visible,
            }
        } else {
            // Scalar subqueries of the select list join first; `*` keeps meaning the FROM's columns.
            let visible = plan.output.clone();
            let (joined, items) = self.scalar_subqueries(plan, items)?;
            let items = if joined.output.len() == visible.len() {
                items
            } else {
                items
                    .into_iter()
                    .flat_map(|e| match e {
                        Expr::Star { qualifier: None, plan_id: None } => visible.iter().cloned().map(Expr::Attr).collect(),
                        e => vec![e],
                    })
                    .collect()
            };
            Arc::new(builder::project(joined, items, self.conf, new_plan_id())?)
        };
        self.correlation = correlation;
        match s.distinct {
            None | Some(sql::Distinct::All) => {}
            Some(sql::Distinct::Distinct) => plan = Arc::new(builder::deduplicate(plan, None, self.conf, new_plan_id())?),
            Some(sql::Distinct::On(_)) => return Err(unsupported("DISTINCT ON")),
        }
        Ok(plan)
    }

    fn lateral_view(&mut self, plan: Arc<Plan>, view: sql::LateralView) -> Result<Arc<Plan>> {
        let generator = match convert(view.lateral_view)? {
            // OUTER keeps the rows the generator gives nothing for: `explode_outer`...
            Expr::Function { name, args, distinct } if view.outer => Expr::Function { name: format!("{name}_outer"), args, distinct },
            Expr::Function { name, args, distinct } => Expr::Function { name, args, distinct },
            other => return Err(unsupported(&format!("LATERAL VIEW over `{other:?}`"))),
        };
        let mut names: Vec<String> = view.lateral_col_alias.into_iter().map(|i| i.value).collect();
        let generator = match names.len() {
            0 => generator,
            1 => generator.alias(&names.remove(0)),
            _ => Expr::MultiAlias { expr: Box::new(generator), names },
        };
        let before = plan.output.len();
        let exprs = plan.output.iter().cloned().map(Expr::Attr).chain([generator]).collect();
        let generated = builder::project(plan, exprs, self.conf, new_plan_id())?;
        // The generated columns answer to the view's name too (`t.x`).
        let qualifier = view.lateral_view_name.to_string();
        let list: Vec<crate::ir::NamedExpr> = generated
            .output
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let attr = if i >= before { crate::ir::Attribute { qualifier: Some(qualifier.clone()), ..a.clone() } } else { a.clone() };
                crate::ir::NamedExpr { expr: Expr::Attr(a.clone()), attr }
            })
            .collect();
        let output = list.iter().map(|n| n.attr.clone()).collect();
        Ok(Arc::new(Plan { plan_id: new_plan_id(), node: crate::ir::PlanNode::Project { input: Arc::new(generated), exprs: list }, output }))
    }

    fn table_with_joins(&mut self, t: sql::TableWithJoins) -> Result<Arc<Plan>> {
        let plan = self.table_factor(t.relation)?;
        self.joins(plan, t.joins)
    }

    fn joins(&mut self, mut plan: Arc<Plan>, joins: Vec<sql::Join>) -> Result<Arc<Plan>> {
        for join in joins {
            use sql::JoinOperator as J;
            // `JOIN LATERAL f(...) [ON c]` (CROSS, INNER or LEFT) with a Python UDTF.
            if let Some(joined) = self.lateral_call(&plan, &join.relation)? {
                plan = match join.join_operator {
                    // Spark's LEFT JOIN LATERAL of a UDTF keeps only the rows it produced.
                    J::Join(c) | J::Inner(c) | J::Left(c) | J::LeftOuter(c) | J::CrossJoin(c) => match c {
                        sql::JoinConstraint::On(condition) => Arc::new(builder::filter(joined, convert(condition)?, self.conf, new_plan_id())?),
                        sql::JoinConstraint::None => joined,
                        other => return Err(unsupported(&format!("a lateral table function joined with `{other:?}`"))),
                    },
                    other => return Err(unsupported(&format!("a lateral table function in the join `{other:?}`"))),
                };
                continue;
            }
            let right = self.table_factor(join.relation)?;
            let (kind, constraint) = match join.join_operator {
                J::Join(c) | J::Inner(c) => (JoinType::Inner, c),
                J::Left(c) | J::LeftOuter(c) => (JoinType::Left, c),
                J::Right(c) | J::RightOuter(c) => (JoinType::Right, c),
                J::FullOuter(c) => (JoinType::Full, c),
                J::CrossJoin(c) => (JoinType::Cross, c),
                J::Semi(c) | J::LeftSemi(c) => (JoinType::LeftSemi, c),
                J::Anti(c) | J::LeftAnti(c) => (JoinType::LeftAnti, c),
                other => return Err(unsupported(&format!("the join `{other:?}`"))),
            };
            let on = match constraint {
                sql::JoinConstraint::On(e) => JoinOn::Condition(convert(e)?),
                sql::JoinConstraint::Using(cols) => JoinOn::Using(cols.into_iter().map(|c| c.to_string()).collect()),
                sql::JoinConstraint::None => JoinOn::None,
                sql::JoinConstraint::Natural => {
                    // NATURAL JOIN: USING every column name both sides have.
                    let names: Vec<String> = plan
                        .output
                        .iter()
                        .filter(|a| right.output.iter().any(|b| self.conf.names_equal(&a.name, &b.name)))
                        .map(|a| a.name.clone())
                        .collect();
                    JoinOn::Using(names)
                }
                sql::JoinConstraint::UsingAlias(..) => return Err(unsupported("JOIN USING ... AS")),
            };
            // Subqueries of the condition: their values joined to the left side first
            // (reading it where correlated), dropped after the join.
            let before: Vec<u64> = plan.output.iter().map(|a| a.id).collect();
            let (left, on) = match on {
                JoinOn::Condition(c) => {
                    self.refuse_misplaced(&plan, std::slice::from_ref(&c), "Join", false)?;
                    let (left, mut c) = self.scalar_subqueries(plan, vec![c])?;
                    (left, JoinOn::Condition(c.remove(0)))
                }
                other => (plan, other),
            };
            let added = left.output.len() > before.len();
            let left_ids: Vec<u64> = left.output.iter().map(|a| a.id).collect();
            plan = Arc::new(builder::join(left, right, on, kind, self.conf, new_plan_id())?);
            if added {
                let visible: Vec<_> = plan.output.iter().filter(|a| before.contains(&a.id) || !left_ids.contains(&a.id)).cloned().collect();
                plan = super::subquery::project_to(plan, &visible);
            }
        }
        Ok(plan)
    }

    /// `left` joined laterally with the Python UDTF `relation` calls (`LATERAL f(args)`):
    /// the call is planned by Python over `left`'s rows (its arguments may read `left`'s
    /// columns), then `left`'s columns keep their qualifiers and the function's take
    /// its alias. `None` when `relation` is not a lateral call. (Without LATERAL, a
    /// call's arguments read no column, as in Spark: `table_factor`.)
    fn lateral_call(&mut self, left: &Arc<Plan>, relation: &sql::TableFactor) -> Result<Option<Arc<Plan>>> {
        let sql::TableFactor::Function { lateral: true, name, args, with_ordinality: false, alias } = relation else { return Ok(None) };
        match self.python_table_function(name, args, alias, Some(left))? {
            Some(plan) => Ok(Some(plan)),
            None => Err(unsupported(&format!("LATERAL {name}(...): only Python UDTFs are table functions joined laterally"))),
        }
    }

    /// `name(args) [AS alias[(names)]]` planned by the Python UDTF `name` (over `left`'s
    /// rows when lateral); `None` when there is no such UDTF.
    fn python_table_function(&mut self, name: &sql::ObjectName, args: &[sql::FunctionArg], alias: &Option<sql::TableAlias>, left: Option<&Arc<Plan>>) -> Result<Option<Arc<Plan>>> {
        let parts: Vec<String> = name.0.iter().map(|p| p.to_string().trim_matches('`').to_string()).collect();
        let [name] = parts.as_slice() else { return Ok(None) };
        let args = args
            .iter()
            .map(|a| match a {
                sql::FunctionArg::Unnamed(sql::FunctionArgExpr::Expr(e)) => convert(e.clone()),
                other => Err(unsupported(&format!("the argument `{other}` of a table function in FROM"))),
            })
            .collect::<Result<Vec<_>>>()?;
        let Some(joined) = self.relations.table_function(name, left.cloned(), args)? else { return Ok(None) };
        // Python's plan names the columns; the left side's qualifiers (`t.a`) and the
        // function's alias (`u.x`, `u(p, q)`) are put back on them here.
        let width = left.map_or(0, |l| l.output.len());
        let produced = joined.output.len().saturating_sub(width);
        let renamed: Option<Vec<String>> = alias.as_ref().filter(|a| !a.columns.is_empty()).map(|a| a.columns.iter().map(|c| c.name.value.clone()).collect());
        if let Some(names) = &renamed {
            if names.len() != produced {
                return Err(Error::analysis(
                    "NUM_TABLE_VALUE_ALIASES_MISMATCH",
                    format!("Number of given aliases does not match number of output columns.\nFunction name: `{name}`; number of aliases: {}; number of output columns: {produced}.", names.len()),
                )
                .with_param("aliasesNum", names.len().to_string())
                .with_param("funcName", format!("`{name}`"))
                .with_param("outColsNum", produced.to_string()));
            }
        }
        let qualifier = alias.as_ref().map(|a| a.name.value.clone());
        let exprs: Vec<crate::ir::NamedExpr> = joined
            .output
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let attr = if let Some(left) = left.filter(|_| i < width) {
                    crate::ir::Attribute { qualifier: left.output[i].qualifier.clone(), name: left.output[i].name.clone(), ..a.clone() }
                } else {
                    let name = renamed.as_ref().map_or_else(|| a.name.clone(), |n| n[i - width].clone());
                    crate::ir::Attribute { qualifier: qualifier.clone(), name, ..a.clone() }
                };
                crate::ir::NamedExpr { expr: Expr::Attr(a.clone()), attr }
            })
            .collect();
        let output = exprs.iter().map(|n| n.attr.clone()).collect();
        let joined = Arc::new(joined);
        Ok(Some(Arc::new(Plan { plan_id: new_plan_id(), node: crate::ir::PlanNode::Project { input: joined, exprs }, output })))
    }

    fn table_factor(&mut self, t: sql::TableFactor) -> Result<Arc<Plan>> {
        match t {
            sql::TableFactor::Table { name, alias, args: None, sample: None, .. } => {
                let parts: Vec<String> = name.0.iter().map(|p| p.to_string().trim_matches('`').to_string()).collect();
                let plan = self.relation(&parts)?;
                // The table's own name qualifies its columns (`t.a`), or its alias.
                let qualifier = alias.as_ref().map(|a| a.name.value.clone()).unwrap_or_else(|| parts.last().cloned().unwrap_or_default());
                let plan = Arc::new(builder::subquery_alias(plan, &qualifier, new_plan_id()));
                match alias {
                    Some(a) if !a.columns.is_empty() => self.with_alias(plan, &a),
                    _ => Ok(plan),
                }
            }
            sql::TableFactor::Table { name, alias, args: Some(args), sample: None, .. } if name.to_string().eq_ignore_ascii_case("range") => {
                let plan = Arc::new(range_relation(args.args)?);
                match alias {
                    Some(a) => self.with_alias(plan, &a),
                    None => Ok(plan),
                }
            }
            // `FROM f(args)` of a Python UDTF the text rewrite before parsing did not see
            // (after a comma): its arguments read no column of the FROM before it.
            sql::TableFactor::Table { ref name, ref alias, args: Some(ref args), sample: None, .. } => match self.python_table_function(name, &args.args, alias, None)? {
                Some(plan) => Ok(plan),
                None => Err(unsupported(&format!("the FROM item `{t}`"))),
            },
            sql::TableFactor::Derived { lateral: false, subquery, alias, sample: None } => {
                let plan = self.query(*subquery)?;
                match alias {
                    Some(a) => self.with_alias(plan, &a),
                    None => Ok(plan),
                }
            }
            sql::TableFactor::NestedJoin { table_with_joins, alias } => {
                let plan = self.table_with_joins(*table_with_joins)?;
                match alias {
                    Some(a) => self.with_alias(plan, &a),
                    None => Ok(plan),
                }
            }
            sql::TableFactor::Pivot { table, aggregate_functions, value_column, value_source, default_on_null: None, alias } => {
                let input = self.table_factor(*table)?;
                let plan = Arc::new(self.pivot(input, aggregate_functions, value_column, value_source)?);
                match alias {
                    Some(a) => self.with_alias(plan, &a),
                    None => Ok(plan),
                }
            }
            sql::TableFactor::Unpivot { table, value, name, columns, null_inclusion, alias } => {
                let input = self.table_factor(*table)?;
                let include_nulls = matches!(null_inclusion, Some(sql::NullInclusion::IncludeNulls));
                let plan = Arc::new(self.unpivot(input, value, name, columns, include_nulls)?);
                match alias {
                    Some(a) => self.with_alias(plan, &a),
                    None => Ok(plan),
                }
            }
            other => Err(unsupported(&format!("the FROM item `{other}`"))),
        }
    }

    /// `UNPIVOT [INCLUDE|EXCLUDE NULLS] (value FOR name IN (c [AS label], ...))`: every
    /// other column is an id column; each row becomes one row per listed column (its
    /// label, or its name), rows whose value is NULL left out unless INCLUDE NULLS.
    fn unpivot(&self, input: Arc<Plan>, value: sql::Expr, name: sql::Ident, columns: Vec<sql::ExprWithAlias>, include_nulls: bool) -> Result<Plan> {
        let sql::Expr::Identifier(value) = value else { return Err(unsupported("UNPIVOT of several value columns")) };
        let mut values = vec![];
        for c in columns {
            let e = convert(c.expr)?;
            values.push(match c.alias {
                Some(label) => e.alias(&label.value),
                None => e,
            });
        }
        let listed = |a: &crate::ir::Attribute| {
            values.iter().any(|v| matches!(v.unalias(), Expr::Unresolved { parts, .. } if parts.last().is_some_and(|p| self.conf.names_equal(p, &a.name))))
        };
        let ids: Vec<Expr> = input.output.iter().filter(|a| !listed(a)).cloned().map(Expr::Attr).collect();
        let plan = crate::analysis::unpivot::unpivot(input, ids, Some(values), &name.value, &value.value, self.conf, new_plan_id())?;
        if include_nulls {
            return Ok(plan);
        }
        let plan = Arc::new(plan);
        let Some(value_column) = plan.output.last().cloned() else { return Err(Error::internal("UNPIVOT without output")) };
        builder::filter(plan, Expr::IsNotNull(Box::new(Expr::Attr(value_column))), self.conf, new_plan_id())
    }

    /// `PIVOT (aggregates FOR column IN (values))`: grouped by every input column that
    /// neither the aggregates nor the pivot column read, as Spark's ResolvePivot does.
    fn pivot(&self, input: Arc<Plan>, aggregates: Vec<sql::ExprWithAlias>, columns: Vec<sql::Expr>, source: sql::PivotValueSource) -> Result<Plan> {
        let [column] = <[sql::Expr; 1]>::try_from(columns).map_err(|_| unsupported("PIVOT over several columns"))?;
        let column = convert(column)?;
        // SQL's `count(*)` is `count(1)`; a star left in a pivot is an error.
        let count_star = |e: Expr| {
            e.transform_up(&mut |node| match node {
                Expr::Function { name, args, distinct } if name.eq_ignore_ascii_case("count") && matches!(args.as_slice(), [Expr::Star { .. }]) => {
                    Expr::Function { name, args: vec![Expr::lit(Value::Integer(1))], distinct }
                }
                other => other,
            })
        };
        let aggs = aggregates
            .into_iter()
            .map(|a| {
                let e = count_star(convert(a.expr)?);
                Ok(match a.alias {
                    Some(name) => e.alias(&name.value),
                    None => e,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let sql::PivotValueSource::List(list) = source else { return Err(unsupported("PIVOT ... IN (ANY) or a subquery")) };
        let mut values = vec![];
        let mut names = vec![];
        for v in list {
            match convert(v.expr)? {
                Expr::Literal(x) => values.push(x),
                _ => return Err(unsupported("PIVOT values that are not literals")),
            }
            names.push(v.alias.map(|a| a.value));
        }
        let mut resolver = Resolver::new(&input, self.conf);
        resolver.scope = Scope { aggregates: true, ..Scope::default() };
        let mut used = HashSet::new();
        for e in aggs.iter().chain([&column]) {
            resolver.resolve(e.clone())?.walk(&mut |x| {
                if let Expr::Attr(a) = x {
                    used.insert(a.id);
                }
            });
        }
        let keys: Vec<Expr> = input.output.iter().filter(|a| !used.contains(&a.id)).cloned().map(Expr::Attr).collect();
        let runner = self.relations.runner().ok_or_else(|| Error::internal("no session to evaluate PIVOT values"))?;
        let mut values = grouping::pivot::cast_values(&input, &column, values, self.conf, runner)?;
        for (v, name) in values.iter_mut().zip(names) {
            if let Some(name) = name {
                v.name = name;
            }
        }
        grouping::pivot::plan(input, keys, &column, &values, aggs, self.conf, new_plan_id())
    }

    /// `AS t(a, b)`: renames the columns, then qualifies them with `t`.
    fn with_alias(&self, plan: Arc<Plan>, alias: &sql::TableAlias) -> Result<Arc<Plan>> {
        let plan = if alias.columns.is_empty() {
            plan
        } else {
            let names: Vec<String> = alias.columns.iter().map(|c| c.name.value.clone()).collect();
            Arc::new(builder::to_df(plan, &names, self.conf, new_plan_id())?)
        };
        Ok(Arc::new(builder::subquery_alias(plan, &alias.name.value, new_plan_id())))
    }

    /// A named relation: a CTE in scope (innermost first), else the session's catalog.
    fn relation(&self, parts: &[String]) -> Result<Arc<Plan>> {
        if let [name] = parts {
            if let Some((_, plan)) = self.ctes.iter().rev().find(|(n, _)| self.conf.names_equal(n, name)) {
                return Ok(plan.clone());
            }
        }
        self.relations.relation(parts)
    }

    fn order_by(&mut self, plan: Arc<Plan>, order_by: sql::OrderBy) -> Result<Arc<Plan>> {
        let sql::OrderByKind::Expressions(exprs) = order_by.kind else { return Err(unsupported("ORDER BY ALL")) };
        let keys = exprs
            .into_iter()
            .map(|o| {
                let ascending = !matches!(o.options.sort, Some(sql::OrderBySort::Desc));
                // Spark: ASC puts NULLs first, DESC last, unless told.
                let nulls_first = o.options.nulls_first.unwrap_or(ascending);
                let expr = match convert(o.expr)? {
                    // `ORDER BY 2`: the second column of the select list.
                    Expr::Literal(Value::Integer(i)) => ordinal(&plan, i)?,
                    e => e,
                };
                Ok(Expr::Sort(Box::new(SortKey { expr, ascending, nulls_first })))
            })
            .collect::<Result<Vec<_>>>()?;
        // Subqueries of the keys join first, and their values go after the sort.
        self.refuse_misplaced(&plan, &keys, "Sort", true)?;
        let visible = plan.output.clone();
        let (joined, keys) = self.scalar_subqueries(plan, keys)?;
        let sorted = Arc::new(builder::sort(joined, keys, self.conf, new_plan_id())?);
        Ok(super::subquery::project_to(sorted, &visible))
    }

    /// `SELECT a, sum(x) ... GROUP BY a, b ORDER BY b`: the select built again with the
    /// sort keys that do not resolve against its output as hidden items at its end,
    /// sorted, and those dropped.
    fn order_by_hidden(&mut self, shown: &Plan, mut select: sql::Select, order_by: sql::OrderBy) -> Result<Arc<Plan>> {
        let sql::OrderByKind::Expressions(exprs) = order_by.kind else { return Err(unsupported("ORDER BY ALL")) };
        let mut keys = vec![];
        for (i, mut o) in exprs.into_iter().enumerate() {
            let resolves = match convert(o.expr.clone()) {
                Ok(Expr::Literal(_)) => true,
                Ok(e) => Resolver::new(shown, self.conf).resolve(e).is_ok(),
                Err(_) => true,
            };
            let _ = super::subquery::take(&[]);
            if !resolves {
                let name = format!("__sort_{i}");
                select.projection.push(sql::SelectItem::ExprWithAlias { expr: o.expr, alias: sql::Ident::new(name.as_str()) });
                o.expr = sql::Expr::Identifier(sql::Ident::new(name.as_str()));
            }
            keys.push(o);
        }
        let plan = self.select(select)?;
        let sorted = self.order_by(plan, sql::OrderBy { kind: sql::OrderByKind::Expressions(keys), interpolate: order_by.interpolate })?;
        let visible = sorted.output[..shown.output.len()].to_vec();
        let list: Vec<crate::ir::NamedExpr> = visible.iter().map(|a| crate::ir::NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
        Ok(Arc::new(Plan { plan_id: new_plan_id(), node: crate::ir::PlanNode::Project { input: sorted, exprs: list }, output: visible }))
    }

    fn limits(&mut self, plan: Arc<Plan>, limits: sql::LimitClause) -> Result<Arc<Plan>> {
        let sql::LimitClause::LimitOffset { limit, offset, limit_by } = limits else { return Err(unsupported("LIMIT offset, count")) };
        if !limit_by.is_empty() {
            return Err(unsupported("LIMIT BY"));
        }
        let count = |e: sql::Expr| -> Result<usize> {
            match convert(e)? {
                Expr::Literal(Value::Integer(n)) if n >= 0 => Ok(n as usize),
                Expr::Literal(Value::Long(n)) if n >= 0 => Ok(n as usize),
                other => Err(parse_error(&format!("{other:?}"), "LIMIT and OFFSET take a non-negative integer")),
            }
        };
        let mut plan = plan;
        if let Some(o) = offset {
            plan = Arc::new(builder::offset(plan, count(o.value)?, new_plan_id()));
        }
        if let Some(l) = limit {
            plan = Arc::new(builder::limit(plan, count(l)?, new_plan_id()));
        }
        Ok(plan)
    }
}

fn is_unresolved(e: &Error) -> bool {
    // An aggregate in ORDER BY over an aggregation's select list fails as MISSING_GROUP_BY.
    e.error_class.as_deref().is_some_and(|c| c.starts_with("UNRESOLVED_COLUMN") || c == "MISSING_GROUP_BY")
}

/// `FROM range(end)`, `range(start, end[, step[, numPartitions]])`: one bigint column `id`.
fn range_relation(args: Vec<sql::FunctionArg>) -> Result<Plan> {
    let values = args
        .into_iter()
        .map(|a| match a {
            sql::FunctionArg::Unnamed(sql::FunctionArgExpr::Expr(e)) => match convert(e)? {
                Expr::Literal(Value::Integer(n)) => Ok(n as i64),
                Expr::Literal(Value::Long(n)) => Ok(n),
                other => Err(unsupported(&format!("range() over `{}`", crate::analysis::naming::sql_text(&other)))),
            },
            other => Err(unsupported(&format!("range() argument `{other}`"))),
        })
        .collect::<Result<Vec<i64>>>()?;
    let (start, end, step) = match values.as_slice() {
        [end] => (0, *end, 1),
        [start, end] => (*start, *end, 1),
        [start, end, step] | [start, end, step, _] => (*start, *end, *step),
        _ => return Err(unsupported("range() with no arguments or more than four")),
    };
    builder::range(start, end, step)
}

fn select_item(item: sql::SelectItem) -> Result<Expr> {
    Ok(match item {
        sql::SelectItem::UnnamedExpr(e) => convert(e)?,
        sql::SelectItem::ExprWithAlias { expr, alias } => convert(expr)?.alias(&alias.value),
        sql::SelectItem::Wildcard(opts) if opts.opt_except.is_none() && opts.opt_exclude.is_none() => Expr::Star { qualifier: None, plan_id: None },
        // `t.*`: the qualifier is the name alone (the kind's text ends in `.*`).
        sql::SelectItem::QualifiedWildcard(sql::SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
            let qualifier = name.0.last().map(|p| p.to_string().trim_matches('`').to_string()).unwrap_or_default();
            Expr::Star { qualifier: Some(qualifier), plan_id: None }
        }
        other => return Err(unsupported(&format!("the select item `{other}`"))),
    })
}

/// Whether `e` aggregates the rows of a group: an aggregate call outside any window
/// (`sum(x) OVER w` is not one; `sum(sum(x)) OVER w` holds one).
fn has_aggregate(e: &Expr) -> bool {
    match e {
        Expr::Window { function, spec } => {
            function.children().into_iter().any(has_aggregate)
                || spec.partition_by.iter().any(has_aggregate)
                || spec.order_by.iter().any(|k| has_aggregate(&k.expr))
        }
        _ => crate::analysis::functions::is_aggregate_call(e) || e.children().into_iter().any(has_aggregate),
    }
}

/// An item of the select list over a grouping-sets aggregation with windows: a column
/// of the aggregation, or a window item reading its hidden columns.
enum TopItem {
    Column(usize),
    Window(Expr),
}

/// The select list split for windows over grouping sets: what the aggregation computes
/// (the items without windows, then `__window_input_n` columns for the windows'
/// arguments, partition and order keys and the rest of their items), and the items over
/// its result. Window items must be named (`AS name`), as TPC-DS names them.
fn extract_windows(items: Vec<Expr>) -> Result<(Vec<Expr>, Option<Vec<TopItem>>)> {
    let mut aggregated = vec![];
    let mut hidden = vec![];
    let mut top = vec![];
    for item in items {
        if !item.any(&|x| matches!(x, Expr::Window { .. })) {
            top.push(TopItem::Column(aggregated.len()));
            aggregated.push(item);
            continue;
        }
        let Expr::Alias { expr, name, .. } = item else { return Err(unsupported("an unnamed window over GROUPING SETS, ROLLUP or CUBE")) };
        let mut hide = |e: Expr| -> Expr {
            if matches!(e, Expr::Literal(_)) {
                return e;
            }
            let column = format!("__window_input_{}", hidden.len());
            hidden.push(e.alias(&column));
            Expr::col(&column)
        };
        let rewritten = expr.transform_down(&mut |e| match e {
            Expr::Window { function, spec } => {
                let function = match function.as_ref() {
                    Expr::Function { name, args, distinct } => {
                        Expr::Function { name: name.clone(), args: args.iter().cloned().map(&mut hide).collect(), distinct: *distinct }
                    }
                    other => other.clone(),
                };
                let spec = crate::ir::WindowSpec {
                    partition_by: spec.partition_by.iter().cloned().map(&mut hide).collect(),
                    order_by: spec.order_by.iter().map(|k| SortKey { expr: hide(k.expr.clone()), ..k.clone() }).collect(),
                    frame: spec.frame.clone(),
                };
                Some(Expr::Window { function: Box::new(function), spec: Box::new(spec) })
            }
            Expr::Literal(_) => None,
            other if !other.any(&|x| matches!(x, Expr::Window { .. })) => Some(hide(other.clone())),
            _ => None,
        });
        top.push(TopItem::Window(rewritten.alias(&name)));
    }
    // After the items, so `TopItem::Column` indexes hold; read by name over the result.
    aggregated.extend(hidden);
    Ok((aggregated, Some(top)))
}

/// `GROUP BY a, b WITH ROLLUP` (or `WITH CUBE`): Spark's older spelling of
/// `GROUP BY ROLLUP(a, b)`.
fn with_modifier(exprs: Vec<sql::Expr>, modifiers: &[sql::GroupByWithModifier]) -> Result<Vec<sql::Expr>> {
    let elements = || exprs.iter().map(|e| vec![e.clone()]).collect();
    match modifiers {
        [sql::GroupByWithModifier::Rollup] => Ok(vec![sql::Expr::Rollup(elements())]),
        [sql::GroupByWithModifier::Cube] => Ok(vec![sql::Expr::Cube(elements())]),
        _ => Err(unsupported("GROUP BY with these modifiers")),
    }
}

/// A GROUP BY key: an ordinal or an alias of the select list stands for its expression.
/// What GROUP BY groups by: keys, or grouping sets when it has ROLLUP, CUBE or
/// GROUPING SETS (plain keys then belong to every set; several of them multiply).
enum GroupBy {
    Keys(Vec<Expr>),
    Sets(Vec<Vec<Expr>>),
}

fn grouping_sets(exprs: Vec<sql::Expr>, items: &[Expr], lateral: &[Option<String>]) -> Result<GroupBy> {
    let key = |e: sql::Expr| group_key(convert(e)?, items, lateral);
    // Each element of ROLLUP/CUBE/GROUPING SETS may be a parenthesised list.
    let elements = |list: Vec<Vec<sql::Expr>>| -> Result<Vec<Vec<Expr>>> {
        list.into_iter().map(|group| group.into_iter().map(key).collect()).collect()
    };
    let mut sets: Vec<Vec<Expr>> = vec![vec![]];
    let mut analytic = false;
    for e in exprs {
        let choices: Vec<Vec<Expr>> = match e {
            sql::Expr::Rollup(list) => {
                let elems = elements(list)?;
                (0..=elems.len()).rev().map(|n| elems[..n].concat()).collect()
            }
            sql::Expr::Cube(list) => {
                let elems = elements(list)?;
                let indexes: Vec<usize> = (0..elems.len()).collect();
                grouping::sets::cube(&indexes).into_iter().map(|set| set.iter().flat_map(|&i| elems[i].clone()).collect()).collect()
            }
            sql::Expr::GroupingSets(list) => elements(list)?,
            other => {
                let k = key(other)?;
                sets.iter_mut().for_each(|s| s.push(k.clone()));
                continue;
            }
        };
        analytic = true;
        sets = sets.iter().flat_map(|s| choices.iter().map(move |c| [s.clone(), c.clone()].concat())).collect();
    }
    Ok(if analytic { GroupBy::Sets(sets) } else { GroupBy::Keys(sets.pop().unwrap_or_default().into_iter().map(named_time_window).collect()) })
}

/// `GROUP BY window(t, '5 minutes')`: Spark's TimeWindowing names the grouping column
/// `window` (`session_window`), which the select list reads (`window.start`) as it reads
/// an alias of the list (`analysis::lateral_alias`).
fn named_time_window(key: Expr) -> Expr {
    match key.without_origin() {
        Expr::Function { name, .. } if name.eq_ignore_ascii_case("window") || name.eq_ignore_ascii_case("session_window") => {
            let alias = name.to_ascii_lowercase();
            key.alias(&alias)
        }
        _ => key,
    }
}

/// `lateral`: the items that read a lateral alias, which Spark does not group by.
fn group_key(key: Expr, items: &[Expr], lateral: &[Option<String>]) -> Result<Expr> {
    let reads_lateral = |i: usize| lateral.get(i).is_some_and(Option::is_some);
    match &key {
        Expr::Literal(Value::Integer(i)) => {
            let i = *i as usize;
            let item = items.get(i.wrapping_sub(1)).ok_or_else(|| {
                Error::analysis("GROUP_BY_POS_OUT_OF_RANGE", format!("GROUP BY position {i} is not in select list (valid range is [1, {}]).", items.len()))
            })?;
            if reads_lateral(i - 1) {
                return Err(lateral_alias_in_group_by());
            }
            Ok(item.unalias().clone())
        }
        Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
            let aliased = items.iter().enumerate().find_map(|(i, it)| match it {
                Expr::Alias { expr, name, .. } if name.eq_ignore_ascii_case(&parts[0]) => Some((i, (**expr).clone())),
                _ => None,
            });
            match aliased {
                Some((i, _)) if reads_lateral(i) => Err(lateral_alias_in_group_by()),
                Some((_, e)) => Ok(e),
                None => Ok(key),
            }
        }
        _ => Ok(key),
    }
}

fn lateral_alias_in_group_by() -> Error {
    Error::analysis(
        "UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_GROUP_BY",
        "The feature is not supported: Referencing a lateral column alias via GROUP BY alias/ALL is not supported yet.",
    )
}

fn lateral_alias_with_window_and_having(name: &str) -> Error {
    Error::analysis(
        "UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_AGGREGATE_WITH_WINDOW_AND_HAVING",
        format!(
            "The feature is not supported: Referencing lateral column alias `{name}` in the aggregate query both with window expressions and with having clause. Please rewrite the aggregate query by removing the having clause or removing lateral alias reference in the SELECT list."
        ),
    )
}

/// `ORDER BY n`: the n-th output column.
fn ordinal(plan: &Plan, i: i32) -> Result<Expr> {
    let attr = plan.output.get((i as usize).wrapping_sub(1)).ok_or_else(|| {
        Error::analysis("ORDER_BY_POS_OUT_OF_RANGE", format!("ORDER BY position {i} is not in select list (valid range is [1, {}]).", plan.output.len()))
    })?;
    Ok(Expr::Attr(attr.clone()))
}

/// The select list's columns of an aggregation (its output after the keys, without
/// the hidden HAVING aggregates), over `plan` (the aggregation or a filter on it).
fn visible_columns(plan: Arc<Plan>, aggregate: &Plan, count: usize) -> Result<Arc<Plan>> {
    let keys = aggregate.output.len() - count - hidden_count(aggregate, count);
    let list: Vec<crate::ir::NamedExpr> = aggregate.output[keys..keys + count]
        .iter()
        .map(|a| crate::ir::NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() })
        .collect();
    let output = list.iter().map(|n| n.attr.clone()).collect();
    Ok(Arc::new(Plan { plan_id: new_plan_id(), node: crate::ir::PlanNode::Project { input: plan, exprs: list }, output }))
}

/// The columns HAVING reads: the aggregation's, but a key the select list selects again
/// (`SELECT k ... GROUP BY k HAVING t.k > 1`) once, as the select list's column (Spark's
/// aggregate has one attribute for both).
fn having_scope(aggregate: Arc<Plan>, count: usize, conf: &crate::analysis::Conf) -> Arc<Plan> {
    let keys = aggregate.output.len() - count - hidden_count(&aggregate, count);
    let (key_columns, rest) = aggregate.output.split_at(keys);
    let selected = &rest[..count];
    let same = |a: &crate::ir::Attribute, b: &crate::ir::Attribute| {
        conf.names_equal(&a.name, &b.name)
            && match (&a.qualifier, &b.qualifier) {
                (Some(p), Some(q)) => conf.names_equal(p, q),
                (p, q) => p == q,
            }
    };
    let kept: Vec<crate::ir::Attribute> =
        key_columns.iter().filter(|k| !selected.iter().any(|s| same(k, s))).chain(rest).cloned().collect();
    if kept.len() == aggregate.output.len() {
        return aggregate;
    }
    let list: Vec<crate::ir::NamedExpr> = kept.iter().map(|a| crate::ir::NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
    Arc::new(Plan { plan_id: new_plan_id(), node: crate::ir::PlanNode::Project { input: aggregate, exprs: list }, output: kept })
}

/// How many `__having_n` columns follow the select list's.
fn hidden_count(aggregate: &Plan, _count: usize) -> usize {
    aggregate.output.iter().filter(|a| a.name.starts_with("__having_")).count()
}

/// `e` (an item evaluated over an aggregation's output) with each aggregate call and
/// each expression the aggregation groups by (`k + 1`) read from hidden columns
/// appended to `aggs`.
fn hide_group_reads(e: &Expr, keys: &[Expr], aggs: &mut Vec<Expr>) -> Expr {
    use crate::analysis::functions::is_aggregate_call;
    if let Expr::Window { .. } = e {
        // The window runs over the groups: its function stays, what it reads is hidden.
        return e.map_children(&mut |c| match is_aggregate_call(c) {
            true => c.map_children(&mut |g| hide_group_reads(g, keys, aggs)),
            false => hide_group_reads(c, keys, aggs),
        });
    }
    let grouped = !matches!(e, Expr::Unresolved { .. } | Expr::Literal(_)) && keys.iter().any(|k| k.unalias() == e.without_origin());
    if !grouped && !is_aggregate_call(e) {
        return e.map_children(&mut |c| hide_group_reads(c, keys, aggs));
    }
    let name = format!("__having_{}", aggs.len());
    aggs.push(e.clone().alias(&name));
    Expr::col(&name)
}

/// Spark's error for a correlated scalar subquery grouped by ROLLUP, CUBE or GROUPING
/// SETS: its correlated filter sits below an aggregation with several grouping sets
/// (Spark's text prints the Filter node's tree; this names its condition).
fn outer_column_under_grouping_sets(correlation: &super::subquery::Correlation) -> Error {
    let shown = |e: &Expr| {
        let e = e.transform_down(&mut |x| match x {
            Expr::Unresolved { parts, plan_id: None } if parts.len() == 1 => {
                correlation.exports.iter().find(|(n, _)| *n == parts[0]).map(|(_, a)| Expr::Attr(a.clone()))
            }
            Expr::Attr(a) => Some(Expr::Function { name: "outer".into(), args: vec![Expr::Attr(a.clone())], distinct: false }),
            _ => None,
        });
        crate::analysis::naming::sql_text(&e)
    };
    let conditions: Vec<String> = correlation.outer_conditions.iter().map(shown).collect();
    let node = format!("Filter {}", conditions.join(" AND "));
    Error::analysis(
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED",
        format!("Unsupported subquery expression: Accessing outer query column is not allowed in this location:\n{node}"),
    )
    .with_param("treeNode", node)
}

/// `condition` with each aggregate call replaced by a reference to a hidden aggregate
/// column appended to `aggs`.
pub(super) fn hide_aggregates(condition: Expr, aggs: &mut Vec<Expr>) -> Expr {
    condition.transform_down(&mut |e| {
        if matches!(e, Expr::Window { .. }) || !crate::analysis::functions::is_aggregate_call(e) {
            return None;
        }
        let name = format!("__having_{}", aggs.len());
        aggs.push(e.clone().alias(&name));
        Some(Expr::col(&name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_window_keys_are_named_and_lateral_group_keys_refused() {
        let window = Expr::Function { name: "window".into(), args: vec![Expr::col("t")], distinct: false };
        assert!(matches!(named_time_window(window), Expr::Alias { ref name, .. } if name == "window"));
        assert_eq!(named_time_window(Expr::col("t")), Expr::col("t"));
        let items = vec![Expr::col("s").alias("k"), Expr::col("k").alias("kz")];
        let lateral = vec![None, Some("k".to_string())];
        let e = group_key(Expr::Literal(Value::Integer(2)), &items, &lateral).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_GROUP_BY"));
        assert_eq!(group_key(Expr::col("k"), &items, &lateral).unwrap(), Expr::col("s"));
    }

    #[test]
    fn per_group_reads_are_hidden_columns_of_the_aggregation() {
        let key = Expr::binary(crate::ir::BinaryOp::Add, Expr::col("k"), Expr::Literal(Value::Integer(1)));
        let sum = Expr::Function { name: "sum".into(), args: vec![Expr::col("v")], distinct: false };
        let item = Expr::binary(crate::ir::BinaryOp::Or, key.clone(), Expr::binary(crate::ir::BinaryOp::Gt, sum.clone(), Expr::col("k")));
        let mut aggs = vec![Expr::col("k")];
        let hidden = hide_group_reads(&item, &[key.clone().alias("k1")], &mut aggs);
        let expected = Expr::binary(crate::ir::BinaryOp::Or, Expr::col("__having_1"), Expr::binary(crate::ir::BinaryOp::Gt, Expr::col("__having_2"), Expr::col("k")));
        assert_eq!(hidden, expected);
        assert_eq!(aggs, vec![Expr::col("k"), key.alias("__having_1"), sum.alias("__having_2")]);
    }
}
