//! Resolved plans to Polars LazyFrames. Every column is named by its attribute's
//! engine name, so duplicate user-facing names and self-joins never clash.

use super::expr::ExprLowering;
use super::reuse::Reuse;
use crate::io::scan;
use crate::analysis::functions::{definition, Flags};
use crate::analysis::typing::data_type;
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::*;
use polars::prelude::{self as pl, col, IntoLazy, NamedFrom};
use std::collections::HashMap;
use std::sync::Mutex;

/// The column that carries the row count of a plan with no output columns.
pub const HEIGHT_MARKER: &str = "__pyrust_height";

/// `cache()`d plans by cache key: `None` until first used, then the materialised
/// rows. A key that is absent (never cached, or unpersisted) lowers its input again.
pub type CacheStore = Mutex<HashMap<u64, Option<pl::DataFrame>>>;

/// Whether the consumer of a plan's rows sees their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    Kept,
    Free,
}

pub struct PlanLowering<'a> {
    pub conf: &'a Conf,
    pub cache: &'a CacheStore,
    /// Subplans that occur more than once, lowered once (`reuse`).
    pub reuse: Reuse,
}

fn named(e: pl::Expr, attr: &Attribute) -> pl::Expr {
    e.alias(attr.engine_name().as_str())
}

impl<'a> PlanLowering<'a> {
    /// The lowering of `plan`, which shares the subplans that occur in it more than once
    /// (`plan` must be the one lowered, borrowed as long as this lives).
    pub fn of(conf: &'a Conf, cache: &'a CacheStore, plan: &Plan) -> PlanLowering<'a> {
        PlanLowering { conf, cache, reuse: Reuse::of(plan) }
    }

    fn exprs(&self) -> ExprLowering<'a> {
        ExprLowering::new(self.conf)
    }

    pub(super) fn lower_named(&self, list: &[NamedExpr]) -> Result<Vec<pl::Expr>> {
        let lw = self.exprs();
        list.iter().map(|n| Ok(named(lw.lower(&n.expr)?, &n.attr))).collect()
    }

    /// The plan as a LazyFrame whose rows come in a repeatable order.
    pub fn lower(&self, plan: &Plan) -> Result<pl::LazyFrame> {
        // `current_timestamp()` is the time the query starts, the same in all of it.
        super::functions::start_query();
        self.lower_in(plan, Order::Kept)
    }

    /// `order` says whether the consumer sees the row order. Where it does not (under
    /// a sort or an aggregation) joins and group-bys skip the work of keeping it.
    pub(super) fn lower_in(&self, plan: &Plan, order: Order) -> Result<pl::LazyFrame> {
        let Some(key) = self.reuse.key(plan) else { return self.lower_node(plan, order) };
        if let Some(lf) = self.reuse.get(key) {
            return Ok(lf);
        }
        // Lowered for the most demanding of its readers: in its rows' order.
        let lf = self.lower_node(plan, Order::Kept)?.cache();
        self.reuse.insert(key, lf.clone());
        Ok(lf)
    }

    /// The failing constants of a plan that does not run (`lower_node`'s empty plans).
    fn check_constants_below(&self, plan: &Plan) -> Result<()> {
        let lowering = self.exprs();
        for e in plan.expressions() {
            lowering.check_constants(e)?;
        }
        plan.children().into_iter().try_for_each(|child| self.check_constants_below(child))
    }

    fn lower_node(&self, plan: &Plan, order: Order) -> Result<pl::LazyFrame> {
        if !plan.children().is_empty() && crate::optimize::is_empty(plan) {
            // Spark's optimizer replaces it by an empty relation: nothing below runs.
            // Its ConstantFolding has computed their constants by then, failing the query
            // where one fails.
            self.check_constants_below(plan)?;
            let schema: pl::Schema = plan.output.iter().map(|a| pl::Field::new(a.engine_name().as_str().into(), super::types::to_polars(&a.data_type))).collect();
            return Ok(pl::DataFrame::empty_with_schema(&schema).lazy());
        }
        Ok(match &plan.node {
            PlanNode::Local { data } => {
                let df = data.0.downcast_ref::<pl::DataFrame>().ok_or_else(|| Error::internal("local data is not a DataFrame"))?;
                df.clone().lazy()
            }
            PlanNode::Range { start, end, step } => {
                let (start, end, step) = (*start, *end, *step);
                let id = plan.output[0].engine_name();
                if i64::try_from(end as i128 - start as i128).is_ok() {
                    // Generated when the plan runs (one buffer, written once), not here
                    // (a Vec copied into a Series: two 80 MB buffers for 10M rows).
                    let values = pl::int_range(pl::lit(start), pl::lit(end), step, pl::DataType::Int64);
                    pl::DataFrame::empty().lazy().select([values.alias(id.as_str())])
                } else {
                    // Bounds too far apart for Polars' 64-bit length (so a large step:
                    // few rows): generated here.
                    let n = if (step > 0 && end > start) || (step < 0 && end < start) {
                        ((end as i128 - start as i128 + step as i128 - step.signum() as i128) / step as i128) as i64
                    } else {
                        0
                    };
                    let values = pl::Series::new(id.as_str().into(), (0..n).map(|i| start.wrapping_add(i.wrapping_mul(step))).collect::<Vec<i64>>());
                    pl::DataFrame::new(n as usize, vec![values.into()])?.lazy()
                }
            }
            PlanNode::Scan { format, paths, options, schema, metadata } => {
                let lf = scan(*format, paths, options, schema, *metadata, &self.conf.session_time_zone, self.conf.case_sensitive, &self.conf.storage)?;
                let mut cols: Vec<pl::Expr> = schema.iter().zip(&plan.output).map(|(f, a)| named(col(f.name.as_str()), a)).collect();
                if *metadata {
                    let attr = plan.output.last().ok_or_else(|| Error::internal("a scan without its metadata column"))?;
                    cols.push(named(col(crate::io::file_metadata::METADATA), attr));
                }
                lf.select(cols)
            }
            PlanNode::Project { input, exprs } if exprs.is_empty() => {
                // `select()` keeps the rows; one marker column carries the height.
                self.lower_in(input, order)?.with_columns([pl::lit(true).alias(HEIGHT_MARKER)]).select([col(HEIGHT_MARKER)])
            }
            PlanNode::Project { input, exprs } => {
                // with_columns broadcasts literals to the input's height; select alone
                // would give one row for a projection of literals.
                let lf = self.lower_in(input, order)?;
                let names: Vec<pl::Expr> = exprs.iter().map(|n| col(n.attr.engine_name().as_str())).collect();
                lf.with_columns(self.lower_named(exprs)?).select(names)
            }
            PlanNode::Filter { input, condition } => {
                let lf = self.lower_in(input, order)?;
                let lowering = self.exprs();
                let mut predicate = lowering.lower(&lowering.filter_condition(condition))?;
                // Polars' streaming engine loses the rows of a frame whose every column
                // was pruned: `filter(rand() < 2)` under `count(1)` counted 0. A predicate
                // that reads no column keeps the first input column alive.
                if let (true, Some(first)) = (condition.attribute_ids().is_empty(), input.output.first()) {
                    let c = col(first.engine_name().as_str());
                    predicate = predicate.and(c.clone().is_null().or(c.is_not_null()));
                }
                lf.filter(predicate)
            }
            PlanNode::Aggregate { input, keys, aggs, grouping_sets: None } => self.lower_aggregate(input, keys, aggs, order)?,
            PlanNode::Aggregate { input, keys, aggs, grouping_sets: Some(sets) } => self.lower_grouping_sets(input, keys, aggs, sets, order)?,
            PlanNode::Window { input, exprs } => {
                let lf = self.lower_in(input, Order::Free)?;
                super::window::lower_window(&self.exprs(), lf, exprs)?
            }
            PlanNode::Generate { input, generator, outer, generated } => {
                let lf = self.lower_in(input, order)?;
                super::generate::lower_generate(&self.exprs(), lf, generator, *outer, generated)?
            }
            PlanNode::Sort { input, keys } => {
                // Ties keep their input order only as far as Spark's would: not at all.
                let lf = self.lower_in(input, Order::Free)?;
                let lw = self.exprs();
                // Constant keys order nothing (Spark drops them too).
                let keys: Vec<&SortKey> = keys.iter().filter(|k| !matches!(k.expr.unalias(), Expr::Literal(_))).collect();
                if keys.is_empty() {
                    return Ok(lf);
                }
                let exprs = keys
                    .iter()
                    .map(|k| {
                        let e = lw.lower(&k.expr)?;
                        // Polars 0.55.2 prunes rows wrongly when a top-k (sort + limit) on a
                        // lone DECIMAL column pushes its running bound down as a filter. The
                        // unscaled integers order the same (one scale per column) and, not
                        // being a bare column, get no such filter.
                        Ok(if matches!(data_type(&k.expr), DataType::Decimal(..)) { e.to_physical() } else { e })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let options = pl::SortMultipleOptions::new()
                    .with_order_descending_multi(keys.iter().map(|k| !k.ascending))
                    .with_nulls_last_multi(keys.iter().map(|k| !k.nulls_first))
                    .with_maintain_order(true);
                lf.sort_by_exprs(exprs, options)
            }
            PlanNode::Limit { input, n } => self.lower(input)?.slice(0, (*n).min(u32::MAX as usize) as pl::IdxSize),
            PlanNode::Offset { input, n } => self.lower(input)?.slice(*n as i64, pl::IdxSize::MAX),
            // The metrics are computed by the session after the action (exec::observe).
            PlanNode::CollectMetrics { input, .. } => self.lower(input)?,
            PlanNode::SampleWithReplacement { input, fraction, seed } => {
                crate::compat::poisson_sampler::sample_with_replacement(self.lower(input)?, *fraction, *seed)
            }
            PlanNode::Deduplicate { input, keys } => {
                // Key columns come out normalised, as from Spark's aggregate (-0.0 as 0.0).
                let normalised: Vec<pl::Expr> = keys
                    .iter()
                    .filter(|a| a.data_type.is_floating())
                    .map(|a| named(crate::compat::floats::normalize_key(col(a.engine_name().as_str()), &a.data_type), a))
                    .collect();
                let lf = self.lower(input)?.with_columns(normalised);
                let subset = keys.iter().map(|a| col(a.engine_name().as_str())).collect();
                lf.unique_stable_generic(Some(subset), pl::UniqueKeepStrategy::First)
            }
            PlanNode::Join { left, right, join_type, keys, residual, output } => {
                self.lower_join(left, right, *join_type, keys, residual.as_ref(), output, order)?
            }
            PlanNode::Union { inputs } => {
                let frames = inputs.iter().map(|p| self.lower_in(p, order)).collect::<Result<Vec<_>>>()?;
                let args = pl::UnionArgs { maintain_order: true, rechunk: false, ..Default::default() };
                pl::concat(frames, args)?
            }
            PlanNode::SetOp { left, right, kind, all } => {
                let (l, r) = (self.lower_in(left, order)?, self.lower_in(right, Order::Free)?);
                super::set_ops::lower_set_op(l, r, &plan.output, *kind, *all)?
            }
            PlanNode::SubqueryAlias { input, .. } => self.lower_in(input, order)?,
            PlanNode::Cache { input, key } => {
                let cached = self.cache.lock().map_err(|_| Error::internal("cache lock poisoned"))?.get(key).cloned();
                match cached {
                    Some(Some(df)) => df.lazy(),
                    Some(None) => {
                        // First use: materialise once (the input's output columns only).
                        let cols: Vec<pl::Expr> = input.output.iter().map(|a| col(a.engine_name().as_str())).collect();
                        let lf = self.lower(input)?;
                        let df = if cols.is_empty() { lf.collect()? } else { lf.select(cols).collect()? };
                        self.cache.lock().map_err(|_| Error::internal("cache lock poisoned"))?.insert(*key, Some(df.clone()));
                        df.lazy()
                    }
                    None => self.lower_in(input, order)?,
                }
            }
            PlanNode::PythonTable { inputs, function } => super::udf::table(self, plan, inputs, function)?,
        })
    }

    fn lower_aggregate(&self, input: &Plan, keys: &[NamedExpr], aggs: &[NamedExpr], order: Order) -> Result<pl::LazyFrame> {
        // first()/last() read the input order; other aggregates do not.
        let reads_order = aggs.iter().any(|a| {
            a.expr.any(&|e| matches!(e, Expr::Call(c) if definition(c.func).flags.contains(Flags::ORDER_SENSITIVE)))
        });
        let mut lf = self.lower_in(input, if reads_order { Order::Kept } else { Order::Free })?;
        let counted;
        let aggs = match (keys.is_empty() && over_global_aggregate(input), input.output.first()) {
            (true, Some(first)) => {
                counted = counts_reading(aggs, first);
                &counted[..]
            }
            _ => aggs,
        };
        let (aggs, inputs) = super::aggregate::hoist_inputs(aggs);
        if !inputs.is_empty() {
            lf = lf.with_columns(self.lower_named(&inputs)?);
        }
        let aggs = self.lower_named(&aggs)?;
        Ok(if keys.is_empty() {
            lf.select(aggs)
        } else if order == Order::Kept {
            // Groups in first-seen order, so results repeat from run to run.
            lf.group_by_stable(self.lower_keys(keys)?).agg(aggs)
        } else {
            lf.group_by(self.lower_keys(keys)?).agg(aggs)
        })
    }

    /// Grouping keys, with floating-point keys normalised as Spark shows them (-0.0 as 0.0).
    pub(super) fn lower_keys(&self, keys: &[NamedExpr]) -> Result<Vec<pl::Expr>> {
        let lw = self.exprs();
        keys.iter()
            .map(|n| Ok(named(crate::compat::floats::normalize_key(lw.lower(&n.expr)?, &n.attr.data_type), &n.attr)))
            .collect()
    }

    #[allow(clippy::too_many_arguments)] // the fields of a Join node, plus the order context
    fn lower_join(
        &self,
        left: &Plan,
        right: &Plan,
        join_type: JoinType,
        keys: &[(Expr, Expr, bool)],
        residual: Option<&Expr>,
        output: &[NamedExpr],
        order: Order,
    ) -> Result<pl::LazyFrame> {
        let (l, r) = (self.lower_in(left, order)?, self.lower_in(right, order)?);
        let lw = self.exprs();
        let residual = residual.map(|e| lw.lower(e)).transpose()?;
        let null_safe = keys.iter().filter(|k| k.2).count();
        if null_safe != 0 && null_safe != keys.len() {
            return Err(Error::unsupported("a join condition mixing <=> and = keys"));
        }
        let lk = keys.iter().map(|k| lw.lower(&k.0)).collect::<Result<Vec<_>>>()?;
        let rk = keys.iter().map(|k| lw.lower(&k.1)).collect::<Result<Vec<_>>>()?;
        // Python UDFs take whole columns, which Polars refuses as join keys: such keys
        // are computed as columns of their side first (the output select drops them).
        let (l, lk) = udf_keys_as_columns(l, lk, keys.iter().map(|k| &k.0), "l");
        let (r, rk) = udf_keys_as_columns(r, rk, keys.iter().map(|k| &k.1), "r");
        // Pairs that satisfy the whole condition: an equi-join (or cross join) then the rest.
        let pairs = |l: pl::LazyFrame, r: pl::LazyFrame, how: pl::JoinType| -> pl::LazyFrame {
            let j = if keys.is_empty() && matches!(how, pl::JoinType::Inner) {
                l.cross_join(r, None)
            } else {
                let mut args = pl::JoinArgs::new(how).with_coalesce(pl::JoinCoalesce::KeepColumns);
                args.nulls_equal = null_safe != 0;
                args.maintain_order = if order == Order::Kept { pl::MaintainOrderJoin::LeftRight } else { pl::MaintainOrderJoin::None };
                l.join(r, lk.clone(), rk.clone(), args)
            };
            match &residual {
                Some(cond) => j.filter(cond.clone()),
                None => j,
            }
        };
        let joined = match (join_type, &residual, keys.is_empty()) {
            (JoinType::Inner | JoinType::Cross, _, _) => pairs(l, r, pl::JoinType::Inner),
            (_, None, false) => pairs(l, r, polars_join_type(join_type)),
            // A keyless outer, semi or anti join with no condition (an uncorrelated scalar
            // subquery's left join onto its one row): joined on a constant key, so each side
            // is planned once. Through row numbers each side appears twice or more, and the
            // plan doubles with each such join (TPC-DS q9 has fifteen).
            (_, None, true) => {
                const KEY: &str = "__pyrust_constant_key";
                let key = || pl::lit(true).alias(KEY);
                let mut args = pl::JoinArgs::new(polars_join_type(join_type)).with_coalesce(pl::JoinCoalesce::KeepColumns);
                args.maintain_order = if order == Order::Kept { pl::MaintainOrderJoin::LeftRight } else { pl::MaintainOrderJoin::None };
                l.with_column(key()).join(r.with_column(key()), [col(KEY)], [col(KEY)], args)
            }
            // Outer, semi and anti joins whose condition is more than equalities: find the
            // matching pairs by row number, then add the rows that matched nothing.
            _ => self.join_by_row_numbers(l, r, join_type, left, right, pairs)?,
        };
        Ok(joined.select(self.lower_named(output)?))
    }

    fn join_by_row_numbers(
        &self,
        l: pl::LazyFrame,
        r: pl::LazyFrame,
        join_type: JoinType,
        left: &Plan,
        right: &Plan,
        pairs: impl Fn(pl::LazyFrame, pl::LazyFrame, pl::JoinType) -> pl::LazyFrame,
    ) -> Result<pl::LazyFrame> {
        const LEFT_ROW: &str = "__pyrust_left_row";
        const RIGHT_ROW: &str = "__pyrust_right_row";
        let l = l.with_row_index(LEFT_ROW, None);
        let r = r.with_row_index(RIGHT_ROW, None);
        let matched = pairs(l.clone(), r.clone(), pl::JoinType::Inner);
        let only = |side: pl::LazyFrame, row: &str, how: pl::JoinType| {
            let ids = matched.clone().select([col(row)]).unique(None, pl::UniqueKeepStrategy::Any);
            side.join(ids, [col(row)], [col(row)], pl::JoinArgs::new(how))
        };
        let columns = |plan: &Plan| -> Vec<(String, pl::DataType)> {
            plan.output.iter().map(|a| (a.engine_name(), super::types::to_polars(&a.data_type))).collect()
        };
        let (lcols, rcols) = (columns(left), columns(right));
        // Every part gets the same columns in the same order; the other side is NULL.
        // The NULLs are added with with_columns: a select of literals alone would give
        // one row whatever the height (a side without columns, `SELECT (SELECT 1)`).
        let shape = |lf: pl::LazyFrame, has_left: bool, has_right: bool| -> pl::LazyFrame {
            let absent = |cols: &[(String, pl::DataType)], present: bool| -> Vec<pl::Expr> {
                if present { vec![] } else { cols.iter().map(|(name, dtype)| pl::lit(pl::NULL).cast(dtype.clone()).alias(name.as_str())).collect() }
            };
            let nulls: Vec<pl::Expr> = absent(&lcols, has_left).into_iter().chain(absent(&rcols, has_right)).collect();
            let names: Vec<pl::Expr> = lcols.iter().chain(&rcols).map(|(name, _)| col(name.as_str())).collect();
            let lf = if nulls.is_empty() { lf } else { lf.with_columns(nulls) };
            lf.select(names)
        };
        let union = |parts: Vec<pl::LazyFrame>| -> Result<pl::LazyFrame> {
            Ok(pl::concat(parts, pl::UnionArgs { maintain_order: true, rechunk: false, ..Default::default() })?)
        };
        Ok(match join_type {
            JoinType::LeftSemi => only(l, LEFT_ROW, pl::JoinType::Semi).drop(pl::cols([LEFT_ROW])),
            JoinType::LeftAnti => only(l, LEFT_ROW, pl::JoinType::Anti).drop(pl::cols([LEFT_ROW])),
            JoinType::Left => union(vec![shape(matched.clone(), true, true), shape(only(l, LEFT_ROW, pl::JoinType::Anti), true, false)])?,
            JoinType::Right => union(vec![shape(matched.clone(), true, true), shape(only(r, RIGHT_ROW, pl::JoinType::Anti), false, true)])?,
            JoinType::Full => union(vec![
                shape(matched.clone(), true, true),
                shape(only(l, LEFT_ROW, pl::JoinType::Anti), true, false),
                shape(only(r, RIGHT_ROW, pl::JoinType::Anti), false, true),
            ])?,
            JoinType::Inner | JoinType::Cross => matched,
        })
    }
}

/// A side of a join with its keys that call Python UDFs computed as columns, and the
/// keys then read from those columns.
fn udf_keys_as_columns<'a>(
    side: pl::LazyFrame,
    lowered: Vec<pl::Expr>,
    keys: impl Iterator<Item = &'a Expr>,
    tag: &str,
) -> (pl::LazyFrame, Vec<pl::Expr>) {
    let mut computed = vec![];
    let keys: Vec<pl::Expr> = lowered
        .into_iter()
        .zip(keys)
        .enumerate()
        .map(|(i, (k, e))| {
            if !e.any(&|x| matches!(x, Expr::PythonUdf(_))) {
                return k;
            }
            let name = format!("__pyrust_join_key_{tag}{i}");
            computed.push(k.alias(name.as_str()));
            col(name.as_str())
        })
        .collect();
    if computed.is_empty() { (side, keys) } else { (side.with_columns(computed), keys) }
}

fn polars_join_type(join_type: JoinType) -> pl::JoinType {
    match join_type {
        JoinType::Inner => pl::JoinType::Inner,
        JoinType::Left => pl::JoinType::Left,
        JoinType::Right => pl::JoinType::Right,
        JoinType::Full => pl::JoinType::Full,
        JoinType::LeftSemi => pl::JoinType::Semi,
        JoinType::LeftAnti => pl::JoinType::Anti,
        JoinType::Cross => pl::JoinType::Cross,
    }
}

/// Whether `plan` is a global aggregation (one row), seen through projections and
/// filters.
fn over_global_aggregate(plan: &Plan) -> bool {
    match &plan.node {
        PlanNode::Aggregate { keys, grouping_sets: None, .. } => keys.is_empty(),
        PlanNode::Project { input, .. } | PlanNode::Filter { input, .. } => over_global_aggregate(input),
        _ => false,
    }
}

/// `count(*)` (a count of literals) rewritten to count `first IS NULL`, never NULL: the
/// same number, but it reads a column. Polars 0.55 drops a global aggregation nothing
/// above reads a column of, so `agg(max(a)).select(count(*))` counted the rows below it.
fn counts_reading(aggs: &[NamedExpr], first: &Attribute) -> Vec<NamedExpr> {
    let row = Expr::IsNull(Box::new(Expr::Attr(first.clone())));
    aggs.iter()
        .map(|n| NamedExpr {
            expr: n.expr.transform_down(&mut |e| match e {
                Expr::Call(c)
                    if c.func == Func::Aggregate(crate::ir::function::AggregateFn::Count)
                        && !c.distinct
                        && !c.args.is_empty()
                        && c.args.iter().all(|a| matches!(a, Expr::Literal(v) if !v.is_null())) =>
                {
                    let mut c = c.clone();
                    c.args = vec![row.clone()];
                    Some(Expr::Call(c))
                }
                _ => None,
            }),
            attr: n.attr.clone(),
        })
        .collect()
}
