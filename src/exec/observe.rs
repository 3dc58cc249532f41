//! Observed metrics (`DataFrame.observe` with an `Observation`): an action that runs a
//! plan holding `CollectMetrics` nodes also runs each node's metrics (a global
//! aggregate of the node's input) and keeps the first result per observation, as
//! Spark reports the first action's metrics. Spark aggregates the rows that flow
//! through the node during the action: under a limit that only projections separate
//! from the node, the first rows the limit keeps; otherwise here the node's whole
//! input (they differ when a filter stops an action early: docs/semantics.md).

use crate::error::Result;
use crate::ir::plan::PlanNode;
use crate::ir::Plan;
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
            let metrics = match point.rows {
                Some(n) => over_first_rows(&point.metrics, &point.input, n),
                None => point.metrics.clone(),
            };
            let frame = self.execute(&metrics)?;
            self.observed.insert(point.key, Observed { frame, plan: point.metrics });
        }
        Ok(())
    }
}

/// A `CollectMetrics` node of an action's plan and the most rows the action reads
/// through it (None: all of them).
struct ObservationPoint {
    key: u64,
    input: Arc<Plan>,
    metrics: Arc<Plan>,
    rows: Option<usize>,
}

/// The observation points under `plan`, `rows` being the bound its parents put on the
/// rows `plan` yields. Spark stops reading once a limit above has its rows, so the
/// metrics see only those rows; a bound passes down through nodes that keep each row
/// as it is (projections, aliases, other observations) and through nothing else (a
/// filter, sort, aggregate or join between decides which rows are read in ways the
/// bound does not say).
fn observation_points(plan: &Plan, rows: Option<usize>, found: &mut Vec<ObservationPoint>) {
    let below = match &plan.node {
        PlanNode::Limit { n, .. } => Some(rows.map_or(*n, |r| r.min(*n))),
        PlanNode::Project { .. } | PlanNode::SubqueryAlias { .. } | PlanNode::CollectMetrics { .. } => rows,
        _ => None,
    };
    if let PlanNode::CollectMetrics { input, key, metrics } = &plan.node {
        found.push(ObservationPoint { key: *key, input: input.clone(), metrics: metrics.clone(), rows });
    }
    for child in plan.children() {
        observation_points(child, below, found);
    }
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
