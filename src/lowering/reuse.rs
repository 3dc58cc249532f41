//! Subplans that occur more than once in the plan being lowered — a CTE referenced
//! several times (TPC-DS q14's cross_items, q23's frequent_ss_items, q64's cs_ui), a
//! DataFrame joined to itself — are lowered once onto a cached LazyFrame that every
//! occurrence reads, so they run once. Spark inlines a deterministic CTE into each
//! reference (`InlineCTE`) and then runs identical exchanges once (`ReuseExchange`);
//! this is that reuse. Occurrences are identical when their text is, plan ids aside:
//! attribute ids are unique to the relation that made them, so two subplans that read
//! and name the same attributes the same way compute the same rows.
//!
//! Subplans that do real work (a join, an aggregation, a window, a sort, a distinct, a
//! set operation) are shared, and so are those that draw random values (`rand()`,
//! `uuid()`): Spark keeps a non-deterministic CTE as one relation every reference reads
//! (`InlineCTE` inlines deterministic ones only), and a DataFrame joined to itself gives
//! both sides one seed. Subplans that call Python are not: each call is the user's.

use crate::ir::tree::Recursion;
use crate::ir::{Expr, Plan, PlanNode};
use polars::prelude as pl;
use std::collections::HashMap;
use std::mem::Discriminant;
use std::sync::Mutex;

/// The repeated subplans of one plan (by node address, valid while that plan is
/// borrowed for the lowering) and the LazyFrames lowered for them so far.
#[derive(Default)]
pub struct Reuse {
    repeated: HashMap<usize, String>,
    lowered: Mutex<HashMap<String, pl::LazyFrame>>,
}

impl Reuse {
    /// The subplans of `plan` worth lowering once.
    pub fn of(plan: &Plan) -> Reuse {
        // Identical subplans are nodes of one kind with the same output attributes: only
        // those are compared whole (a plan's text is as long as the plan).
        fn walk<'p>(p: &'p Plan, candidates: &mut HashMap<(Discriminant<PlanNode>, Vec<u64>), Vec<&'p Plan>>) {
            if does_work(p) || draws(p) {
                let outline = (std::mem::discriminant(&p.node), p.output.iter().map(|a| a.id).collect());
                candidates.entry(outline).or_default().push(p);
            }
            for c in p.children() {
                walk(c, candidates);
            }
        }
        let mut candidates = HashMap::new();
        walk(plan, &mut candidates);
        let mut repeated = HashMap::new();
        for nodes in candidates.into_values().filter(|n| n.len() > 1) {
            let texts: Vec<(usize, String)> = nodes.iter().filter(|p| shareable(p)).map(|p| (address(p), fingerprint(p))).collect();
            for (at, text) in &texts {
                if texts.iter().filter(|(_, t)| t == text).count() > 1 {
                    repeated.insert(*at, text.clone());
                }
            }
        }
        Reuse { repeated, lowered: Mutex::new(HashMap::new()) }
    }

    /// The key `plan` is shared under, when it occurs more than once.
    pub fn key(&self, plan: &Plan) -> Option<&str> {
        self.repeated.get(&address(plan)).map(String::as_str)
    }

    /// The LazyFrame lowered for `key`, if one was.
    pub fn get(&self, key: &str) -> Option<pl::LazyFrame> {
        self.lowered.lock().ok()?.get(key).cloned()
    }

    pub fn insert(&self, key: &str, lf: pl::LazyFrame) {
        if let Ok(mut lowered) = self.lowered.lock() {
            lowered.insert(key.to_string(), lf);
        }
    }
}

fn address(plan: &Plan) -> usize {
    plan as *const Plan as usize
}

/// A node whose work a second run would repeat.
fn does_work(plan: &Plan) -> bool {
    matches!(
        plan.node,
        PlanNode::Join { .. }
            | PlanNode::Aggregate { .. }
            | PlanNode::Window { .. }
            | PlanNode::Sort { .. }
            | PlanNode::Deduplicate { .. }
            | PlanNode::SetOp { .. }
    )
}

/// A node whose own expressions draw random values (or ids).
fn draws(plan: &Plan) -> bool {
    !plan.expressions().into_iter().all(crate::optimize::deterministic)
}

/// A subplan with no Python function (whose calls a user may count) and no `cache()`
/// or `observe()` (which the session keeps and computes itself).
fn shareable(plan: &Plan) -> bool {
    let mut plain = true;
    plan.apply(&mut |p| {
        if matches!(p.node, PlanNode::PythonTable { .. } | PlanNode::Cache { .. } | PlanNode::CollectMetrics { .. })
            || p.expressions().into_iter().any(python)
        {
            plain = false;
            return Recursion::Stop;
        }
        Recursion::Continue
    });
    plain
}

fn python(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::PythonUdf(_)))
}

/// The plan's text without its plan ids (which name the DataFrame a node came from, not
/// what it computes).
fn fingerprint(plan: &Plan) -> String {
    let text = format!("{plan:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    const FIELD: &str = "plan_id: ";
    while let Some(at) = rest.find(FIELD) {
        out.push_str(&rest[..at]);
        rest = rest[at + FIELD.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::builder::{self, JoinOn};
    use crate::analysis::{new_plan_id, Conf};
    use crate::ir::{BinaryOp, JoinType, Value};
    use std::sync::Arc;

    fn grouped() -> Arc<Plan> {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 6, 1).unwrap());
        let k = Expr::binary(BinaryOp::Modulo, Expr::col("id"), Expr::Literal(Value::Long(2))).alias("k");
        Arc::new(builder::aggregate(r, vec![k], vec![Expr::func("count", vec![Expr::col("id")]).alias("n")], &conf, new_plan_id()).unwrap())
    }

    #[test]
    fn an_aggregation_joined_to_itself_is_shared_and_its_inputs_are_not() {
        let conf = Conf::default();
        let g = grouped();
        let joined = builder::join(g.clone(), g.clone(), JoinOn::Using(vec!["k".into()]), JoinType::Inner, &conf, new_plan_id()).unwrap();
        let reuse = Reuse::of(&joined);
        let PlanNode::Join { left, right, .. } = &joined.node else { panic!("{joined:?}") };
        assert!(reuse.key(left).is_some());
        // The right side is the same aggregation under a projection giving it new ids.
        let PlanNode::Project { input, .. } = &right.node else { panic!("{right:?}") };
        assert_eq!(reuse.key(left), reuse.key(input));
        assert!(reuse.key(&joined).is_none());
        // The range under the aggregation does no work of its own.
        let PlanNode::Aggregate { input: range, .. } = &left.node else { panic!("{left:?}") };
        assert!(reuse.key(range).is_none());
    }

    #[test]
    fn plan_ids_do_not_tell_subplans_apart_and_different_filters_do() {
        let conf = Conf::default();
        let g = grouped();
        let again = Arc::new(Plan { plan_id: new_plan_id(), ..(*g).clone() });
        assert_eq!(fingerprint(&g), fingerprint(&again));
        let filtered = builder::filter(g.clone(), Expr::binary(BinaryOp::Gt, Expr::col("n"), Expr::Literal(Value::Long(1))), &conf, new_plan_id()).unwrap();
        let other = builder::filter(g, Expr::binary(BinaryOp::Gt, Expr::col("n"), Expr::Literal(Value::Long(2))), &conf, new_plan_id()).unwrap();
        assert_ne!(fingerprint(&filtered), fingerprint(&other));
    }

    #[test]
    fn random_values_read_twice_are_drawn_once() {
        let conf = Conf::default();
        let r = Arc::new(builder::range(0, 6, 1).unwrap());
        let drawn = Arc::new(builder::project(r, vec![Expr::col("id"), Expr::func("rand", vec![]).alias("r")], &conf, new_plan_id()).unwrap());
        let joined = builder::join(drawn.clone(), drawn, JoinOn::Using(vec!["id".into()]), JoinType::Inner, &conf, new_plan_id()).unwrap();
        let PlanNode::Join { left, .. } = &joined.node else { panic!("{joined:?}") };
        assert!(Reuse::of(&joined).key(left).is_some());
    }
}
