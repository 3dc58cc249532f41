//! Rewrites of analysed plans before lowering, as Spark's optimizer makes them where
//! the answer is the same and the work much less. They run at execution only, so a
//! DataFrame's schema, names and `explain()` tree are the ones analysis built.

mod columns;
mod distinct;
mod join_order;
mod join_predicates;
mod predicates;

pub(crate) use join_predicates::deterministic;
pub(crate) use predicates::is_empty;

use crate::ir::Plan;
use std::sync::Arc;

/// The plan the engine should run.
pub fn optimize(plan: &Arc<Plan>) -> Arc<Plan> {
    // Filters first, so the join order sees which relations they reduce; then again, to
    // make the reordered chains' conditions their keys.
    // Columns nothing reads go last, once the filters have settled where they read.
    let plan = distinct::remove_redundant(plan);
    columns::prune(&predicates::push_down(&join_order::reorder_joins(&predicates::push_down(&plan))))
}
