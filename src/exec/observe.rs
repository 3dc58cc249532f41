//! Observed metrics (`DataFrame.observe` with an `Observation`): an action that runs a
//! plan holding `CollectMetrics` nodes also runs each node's metrics (a global
//! aggregate of the node's input) and keeps the first result per observation, as
//! Spark reports the first action's metrics. Spark aggregates the rows that flow
//! through the node during the action: under a limit that only projections and
//! filters separate from the node, the rows read until the limit has its rows;
//! otherwise here the node's whole input (a sort or join between: docs/semantics.md).

use crate::error::Result;
use crate::ir::plan::PlanNode;
use crate::ir::{Attribute, DataType, Expr, NamedExpr, Plan};
use polars::prelude as pl;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One observation's metrics: the one-row result and the plan that names and types it.
pub struct Observed {
    pub frame: pl::DataFrame,
    pub plan: Arc<Plan>,
}

#[derive(Default)]
pub struct ObservedStore(Mutex<HashMap<u64, Arc<Observed>>>);

impl ObservedStore {
    pub fn get(&self, key: u64) -> Option<Arc<Observed>> {
        self.0.lock().ok().and_then(|m| m.get(&key).cloned())
    }

    fn has(&self, key: u64) -> bool {
        self.0.lock().is_ok_and(|m| m.contains_key(&key))
    }

    fn insert(&self, key: u64, observed: Observed) {
        if let Ok(mut m) = self.0.lock() {
            m.entry(key).or_insert_with(|| Arc::new(observed));
        }
    }
}

impl super::Session {
    /// After an action over `plan`: the metrics of observations it holds that have none yet.
    pub(super) fn collect_metrics(&self, plan: &Plan) -> Result<()> {
        let mut points = vec![];
        observation_points(plan, None, &mut points);
        for point in points {
            if self.observed.has(point.key) {
                continue;
            }
            let read = match &point.reach {
                Some(reach) => self.rows_read(reach, point.key)?,
                None => None,
            };
            let metrics = match read {
                Some(n) => over_first_rows(&point.metrics, &point.input, n),
                None => point.metrics.clone(),
            };
            let frame = self.execute(&metrics)?;
            self.observed.insert(point.key, Observed { frame, plan: point.metrics });
        }
        Ok(())
    }

    /// How many of the observed rows a limit reads: its own count without a filter
    /// between, else up to the row where the filters have passed the limit's rows (the
    /// node's row numbers carried up to the limit); None when it reads them all.
    fn rows_read(&self, reach: &Reach, key: u64) -> Result<Option<usize>> {
        if !reach.filtered {
            return Ok(Some(reach.n));
        }
        let index = Attribute {
            id: crate::analysis::new_attr_id(),
            name: "__pyrust_observed_row".into(),
            data_type: DataType::Long,
            nullable: false,
            qualifier: None,
            metadata: None,
        };
        let Some(numbered) = numbered_chain(&reach.below_limit, key, &index, &row_number()?) else { return Ok(None) };
        let limited = Arc::new(crate::analysis::builder::limit(numbered, reach.n, crate::analysis::new_plan_id()));
        let only_index = vec![NamedExpr { expr: Expr::Attr(index.clone()), attr: index.clone() }];
        let rows = Plan { plan_id: crate::analysis::new_plan_id(), node: PlanNode::Project { input: limited, exprs: only_index }, output: vec![index] };
        let passed = self.execute(&rows)?;
        if passed.height() < reach.n {
            return Ok(None);
        }
        let last = passed.columns()[0].as_materialized_series().max::<i64>().map_err(|e| crate::error::Error::internal(e.to_string()))?;
        Ok(last.map(|i| i as usize + 1))
    }
}

/// A `CollectMetrics` node of an action's plan and how a limit above bounds the rows
/// the action reads through it (None: all of them).
struct ObservationPoint {
    key: u64,
    input: Arc<Plan>,
    metrics: Arc<Plan>,
    reach: Option<Reach>,
}

/// A limit of `n` rows above an observation: `below_limit` is the limit's input, and
/// `filtered` says whether filters lie between (the limit then reads until they have
/// passed `n` rows).
#[derive(Clone)]
struct Reach {
    n: usize,
    below_limit: Arc<Plan>,
    filtered: bool,
}

/// The observation points under `plan`, `reach` being the bound its parents put on the
/// rows `plan` yields. Spark stops reading once a limit above has its rows, so the
/// metrics see only the rows read; a bound passes down through nodes that keep each
/// row as it is (projections, aliases, other observations) and filters (which pass
/// some), and through nothing else (a sort, aggregate or join between decides which
/// rows are read in ways the bound does not say).
fn observation_points(plan: &Plan, reach: Option<Reach>, found: &mut Vec<ObservationPoint>) {
    let below = match &plan.node {
        PlanNode::Limit { n, input } => Some(match reach.clone() {
            // A limit under an unfiltered one reads the fewer rows.
            Some(r) if !r.filtered && r.n <= *n => r,
            _ => Reach { n: *n, below_limit: input.clone(), filtered: false },
        }),
        PlanNode::Project { .. } | PlanNode::SubqueryAlias { .. } | PlanNode::CollectMetrics { .. } => reach.clone(),
        PlanNode::Filter { .. } => reach.clone().map(|r| Reach { filtered: true, ..r }),
        _ => None,
    };
    if let PlanNode::CollectMetrics { input, key, metrics } = &plan.node {
        found.push(ObservationPoint { key: *key, input: input.clone(), metrics: metrics.clone(), reach });
    }
    for child in plan.children() {
        observation_points(child, below.clone(), found);
    }
}

/// `chain` (projections, filters, aliases and observations down to the observation
/// `key`) with the observed rows' numbers (`number`) carried up as `index`; None if it holds
/// anything else.
fn numbered_chain(chain: &Arc<Plan>, key: u64, index: &Attribute, number: &Expr) -> Option<Arc<Plan>> {
    let with_index = |output: &[Attribute]| output.iter().cloned().chain([index.clone()]).collect::<Vec<_>>();
    let node = |node: PlanNode, output: Vec<Attribute>| Some(Arc::new(Plan { plan_id: crate::analysis::new_plan_id(), node, output }));
    match &chain.node {
        PlanNode::CollectMetrics { input, key: k, .. } if *k == key => {
            let mut exprs: Vec<NamedExpr> = input.output.iter().map(|a| NamedExpr { expr: Expr::Attr(a.clone()), attr: a.clone() }).collect();
            exprs.push(NamedExpr { expr: number.clone(), attr: index.clone() });
            node(PlanNode::Project { input: input.clone(), exprs }, with_index(&input.output))
        }
        PlanNode::CollectMetrics { input, .. } | PlanNode::SubqueryAlias { input, .. } => numbered_chain(input, key, index, number),
        PlanNode::Project { input, exprs } => {
            let input = numbered_chain(input, key, index, number)?;
            let mut exprs = exprs.clone();
            exprs.push(NamedExpr { expr: Expr::Attr(index.clone()), attr: index.clone() });
            node(PlanNode::Project { input, exprs }, with_index(&chain.output))
        }
        PlanNode::Filter { input, condition } => {
            let input = numbered_chain(input, key, index, number)?;
            node(PlanNode::Filter { input, condition: condition.clone() }, with_index(&chain.output))
        }
        _ => None,
    }
}

/// The row's position in its input, from 0 (one partition: Spark's
/// `monotonically_increasing_id`).
fn row_number() -> Result<Expr> {
    let name = "monotonically_increasing_id";
    let def = crate::analysis::functions::lookup(name).ok_or_else(|| crate::error::Error::internal("monotonically_increasing_id is not registered"))?;
    def.bind(name, vec![], false, &crate::analysis::Conf::default(), crate::analysis::naming::sql_text)
}

/// `metrics` (an aggregate over `input`) over `input`'s first `n` rows only.
fn over_first_rows(metrics: &Arc<Plan>, input: &Arc<Plan>, n: usize) -> Arc<Plan> {
    let limited = Arc::new(crate::analysis::builder::limit(input.clone(), n, crate::analysis::new_plan_id()));
    replace_input(metrics, input, &limited)
}

fn replace_input(plan: &Arc<Plan>, input: &Arc<Plan>, by: &Arc<Plan>) -> Arc<Plan> {
    let children = plan.children();
    if children.is_empty() {
        return plan.clone();
    }
    let inputs = children.into_iter().map(|c| if Arc::ptr_eq(c, input) { by.clone() } else { replace_input(c, input, by) }).collect();
    Arc::new(plan.with_inputs(inputs))
}
