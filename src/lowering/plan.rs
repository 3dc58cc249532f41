//! Resolved plans to Polars LazyFrames. Every column is named by its attribute's
//! engine name, so duplicate user-facing names and self-joins never clash.

use super::expr::ExprLowering;
use super::scan::scan;
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::*;
use polars::prelude::{self as pl, col, IntoLazy, NamedFrom};
use std::collections::HashMap;
use std::sync::Mutex;

/// Materialised `cache()` results, by cache key.
pub type CacheStore = Mutex<HashMap<u64, pl::DataFrame>>;

pub struct PlanLowering<'a> {
    pub conf: &'a Conf,
    pub cache: &'a CacheStore,
}

fn named(e: pl::Expr, attr: &Attribute) -> pl::Expr {
    e.alias(attr.engine_name().as_str())
}

impl<'a> PlanLowering<'a> {
    fn exprs(&self) -> ExprLowering<'a> {
        ExprLowering { conf: self.conf }
    }

    fn lower_named(&self, list: &[NamedExpr]) -> Result<Vec<pl::Expr>> {
        let lw = self.exprs();
        list.iter().map(|n| Ok(named(lw.lower(&n.expr)?, &n.attr))).collect()
    }

    pub fn lower(&self, plan: &Plan) -> Result<pl::LazyFrame> {
        Ok(match &plan.node {
            PlanNode::Local { data } => {
                let df = data.0.downcast_ref::<pl::DataFrame>().ok_or_else(|| Error::internal("local data is not a DataFrame"))?;
                df.clone().lazy()
            }
            PlanNode::Range { start, end, step } => {
                let (start, end, step) = (*start, *end, *step);
                let n = if (step > 0 && end > start) || (step < 0 && end < start) {
                    ((end as i128 - start as i128 + step as i128 - step.signum() as i128) / step as i128) as i64
                } else {
                    0
                };
                let id = plan.output[0].engine_name();
                let values = pl::Series::new(id.as_str().into(), (0..n).map(|i| start + i * step).collect::<Vec<i64>>());
                pl::DataFrame::new(n as usize, vec![values.into()])?.lazy()
            }
            PlanNode::Scan { format, paths, options, schema } => {
                let lf = scan(*format, paths, options, Some(schema))?;
                // Text files hold wall-clock times in the session time zone.
                let text = matches!(format, FileFormat::Csv | FileFormat::Json);
                let cols: Vec<pl::Expr> = schema
                    .iter()
                    .zip(&plan.output)
                    .map(|(f, a)| {
                        let c = col(f.name.as_str());
                        let c = if text && f.data_type == DataType::Timestamp {
                            crate::compat::timezone::wall_clock_to_utc(c, &self.conf.session_time_zone)
                        } else {
                            c
                        };
                        named(c, a)
                    })
                    .collect();
                lf.select(cols)
            }
            PlanNode::Project { input, exprs } => {
                // with_columns broadcasts literals to the input's height; select alone
                // would give one row for a projection of literals.
                let lf = self.lower(input)?;
                let names: Vec<pl::Expr> = exprs.iter().map(|n| col(n.attr.engine_name().as_str())).collect();
                lf.with_columns(self.lower_named(exprs)?).select(names)
            }
            PlanNode::Filter { input, condition } => {
                let lf = self.lower(input)?;
                lf.filter(self.exprs().lower(condition)?)
            }
            PlanNode::Aggregate { input, keys, aggs } => {
                let lf = self.lower(input)?;
                let aggs = self.lower_named(aggs)?;
                if keys.is_empty() {
                    lf.select(aggs)
                } else {
                    lf.group_by_stable(self.lower_named(keys)?).agg(aggs)
                }
            }
            PlanNode::Sort { input, keys } => {
                let lf = self.lower(input)?;
                let lw = self.exprs();
                let exprs = keys.iter().map(|k| lw.lower(&k.expr)).collect::<Result<Vec<_>>>()?;
                let options = pl::SortMultipleOptions::new()
                    .with_order_descending_multi(keys.iter().map(|k| !k.ascending))
                    .with_nulls_last_multi(keys.iter().map(|k| !k.nulls_first))
                    .with_maintain_order(true);
                lf.sort_by_exprs(exprs, options)
            }
            PlanNode::Limit { input, n } => self.lower(input)?.slice(0, (*n).min(u32::MAX as usize) as pl::IdxSize),
            PlanNode::Offset { input, n } => self.lower(input)?.slice(*n as i64, pl::IdxSize::MAX),
            PlanNode::Deduplicate { input, keys } => {
                let lf = self.lower(input)?;
                let subset = keys.iter().map(|a| col(a.engine_name().as_str())).collect();
                lf.unique_stable_generic(Some(subset), pl::UniqueKeepStrategy::First)
            }
            PlanNode::Join { left, right, join_type, keys, residual, output } => {
                self.lower_join(left, right, *join_type, keys, residual.as_ref(), output)?
            }
            PlanNode::Union { inputs } => {
                let frames = inputs.iter().map(|p| self.lower(p)).collect::<Result<Vec<_>>>()?;
                let args = pl::UnionArgs { maintain_order: true, rechunk: false, ..Default::default() };
                pl::concat(frames, args)?
            }
            PlanNode::SubqueryAlias { input, .. } => self.lower(input)?,
            PlanNode::Cache { input, key } => {
                let cached = self.cache.lock().map_err(|_| Error::internal("cache lock poisoned"))?.get(key).cloned();
                match cached {
                    Some(df) => df.lazy(),
                    None => {
                        let df = self.lower(input)?.collect()?;
                        self.cache.lock().map_err(|_| Error::internal("cache lock poisoned"))?.insert(*key, df.clone());
                        df.lazy()
                    }
                }
            }
        })
    }

    fn lower_join(
        &self,
        left: &Plan,
        right: &Plan,
        join_type: JoinType,
        keys: &[(Expr, Expr, bool)],
        residual: Option<&Expr>,
        output: &[NamedExpr],
    ) -> Result<pl::LazyFrame> {
        let (l, r) = (self.lower(left)?, self.lower(right)?);
        let lw = self.exprs();
        let residual = residual.map(|e| lw.lower(e)).transpose()?;
        let how = match join_type {
            JoinType::Inner => pl::JoinType::Inner,
            JoinType::Left => pl::JoinType::Left,
            JoinType::Right => pl::JoinType::Right,
            JoinType::Full => pl::JoinType::Full,
            JoinType::LeftSemi => pl::JoinType::Semi,
            JoinType::LeftAnti => pl::JoinType::Anti,
            JoinType::Cross => pl::JoinType::Cross,
        };
        let joined = if keys.is_empty() {
            if !matches!(join_type, JoinType::Inner | JoinType::Cross) {
                return Err(Error::unsupported(format!("{join_type:?} join without an equality condition")));
            }
            let crossed = l.cross_join(r, None);
            match residual {
                Some(cond) => crossed.filter(cond),
                None => crossed,
            }
        } else {
            if residual.is_some() && !matches!(join_type, JoinType::Inner) {
                return Err(Error::unsupported(format!(
                    "{join_type:?} join whose condition has parts other than equalities between the two sides"
                )));
            }
            let null_safe = keys.iter().filter(|k| k.2).count();
            if null_safe != 0 && null_safe != keys.len() {
                return Err(Error::unsupported("a join condition mixing <=> and = keys"));
            }
            let lk = keys.iter().map(|k| lw.lower(&k.0)).collect::<Result<Vec<_>>>()?;
            let rk = keys.iter().map(|k| lw.lower(&k.1)).collect::<Result<Vec<_>>>()?;
            let mut args = pl::JoinArgs::new(how).with_coalesce(pl::JoinCoalesce::KeepColumns);
            args.nulls_equal = null_safe != 0;
            args.maintain_order = pl::MaintainOrderJoin::LeftRight;
            let j = l.join(r, lk, rk, args);
            match residual {
                Some(cond) => j.filter(cond),
                None => j,
            }
        };
        Ok(joined.select(self.lower_named(output)?))
    }
}
