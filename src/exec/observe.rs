//! Observed metrics (`DataFrame.observe` with an `Observation`): an action that runs a
//! plan holding `CollectMetrics` nodes also runs each node's metrics (a global
//! aggregate of the node's input) and keeps the first result per observation, as
//! Spark reports the first action's metrics. Spark aggregates the rows that flow
//! through the node during the action; here the metrics see the node's whole input
//! (they differ when a limit stops an action early: docs/semantics.md).

use crate::error::Result;
use crate::ir::plan::PlanNode;
use crate::ir::{Plan, Recursion};
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
        let mut pending = vec![];
        plan.apply(&mut |p| {
            if let PlanNode::CollectMetrics { key, metrics, .. } = &p.node {
                if !self.observed.has(*key) {
                    pending.push((*key, metrics.clone()));
                }
            }
            Recursion::Continue
        });
        for (key, metrics) in pending {
            let frame = self.execute(&metrics)?;
            self.observed.insert(key, Observed { frame, plan: metrics });
        }
        Ok(())
    }
}
