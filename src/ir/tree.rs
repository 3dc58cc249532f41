//! Visiting trees of the IR without a match over every variant (DataFusion's
//! `TreeNode::apply`): `children()` of `Expr` and `Plan` is the one place that knows
//! where the children are; rewrites use `map_children`/`transform_up`/`transform_down`
//! (on `Expr`) and `with_inputs`/`transform_up`/`transform_down` (on `Plan`).

use super::expr::Expr;
use super::plan::{Plan, PlanNode};
use std::sync::Arc;

/// What a visitor wants next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recursion {
    /// Visit the children, then the siblings.
    Continue,
    /// Skip the children of this node; go on with its siblings.
    Jump,
    /// Visit nothing more.
    Stop,
}

/// A top-down plan rewrite: `Some(replacement)` for a node, or `None` to go on into its inputs.
pub type PlanRewrite<'a, E> = dyn FnMut(&Arc<Plan>) -> Result<Option<Arc<Plan>>, E> + 'a;

/// `apply` for any tree: visits `node` parents first, as `f` directs; `children` is the
/// one thing that differs between expressions and plans.
fn visit<N>(node: &N, children: &dyn Fn(&N) -> Vec<&N>, f: &mut dyn FnMut(&N) -> Recursion) -> Recursion {
    match f(node) {
        Recursion::Continue => {}
        Recursion::Jump => return Recursion::Continue,
        Recursion::Stop => return Recursion::Stop,
    }
    for c in children(node) {
        if visit(c, children, f) == Recursion::Stop {
            return Recursion::Stop;
        }
    }
    Recursion::Continue
}

impl Expr {
    /// Visits nodes parents first, as `f` directs. Returns `Stop` if `f` stopped.
    pub fn apply(&self, f: &mut dyn FnMut(&Expr) -> Recursion) -> Recursion {
        visit(self, &Expr::children, f)
    }

    /// The ids of the attributes (input columns) the expression reads.
    pub fn attribute_ids(&self) -> std::collections::HashSet<u64> {
        let mut ids = std::collections::HashSet::new();
        self.apply(&mut |x| {
            if let Expr::Attr(a) = x {
                ids.insert(a.id);
            }
            Recursion::Continue
        });
        ids
    }
}

impl Plan {
    /// Visits plan nodes parents first, as `f` directs. Returns `Stop` if `f` stopped.
    pub fn apply(&self, f: &mut dyn FnMut(&Plan) -> Recursion) -> Recursion {
        visit(self, &|p: &Plan| p.children().into_iter().map(|c| c.as_ref()).collect(), f)
    }

    /// Rewrites the plan top-down: `f` on a node first; where it returns `Some` the
    /// node is replaced and its subtree left alone, otherwise its inputs are rewritten.
    pub fn transform_down<E>(self: &Arc<Plan>, f: &mut PlanRewrite<'_, E>) -> Result<Arc<Plan>, E> {
        if let Some(done) = f(self)? {
            return Ok(done);
        }
        let children = self.children();
        if children.is_empty() {
            return Ok(self.clone());
        }
        let inputs = children.into_iter().map(|c| c.transform_down(&mut *f)).collect::<Result<Vec<_>, E>>()?;
        Ok(Arc::new(self.with_inputs(inputs)))
    }

    /// The paths the plan's scans read files from (a write over one of them is refused).
    pub fn scanned_paths(&self) -> Vec<String> {
        let mut out = vec![];
        self.apply(&mut |p| {
            if let PlanNode::Scan { paths, .. } = &p.node {
                out.extend(paths.iter().cloned());
            }
            Recursion::Continue
        });
        out
    }

    /// The expressions this node computes (not those of its inputs), in a fixed order.
    pub fn expressions(&self) -> Vec<&Expr> {
        match &self.node {
            PlanNode::Local { .. } | PlanNode::Range { .. } | PlanNode::Scan { .. } => vec![],
            PlanNode::Limit { .. } | PlanNode::Offset { .. } | PlanNode::SampleWithReplacement { .. } | PlanNode::Deduplicate { .. } => vec![],
            PlanNode::CollectMetrics { .. } => vec![],
            PlanNode::Union { .. } | PlanNode::SetOp { .. } | PlanNode::SubqueryAlias { .. } | PlanNode::Cache { .. } => vec![],
            PlanNode::PythonTable { .. } => vec![],
            PlanNode::Project { exprs, .. } | PlanNode::Window { exprs, .. } => exprs.iter().map(|n| &n.expr).collect(),
            PlanNode::Filter { condition, .. } => vec![condition],
            PlanNode::Aggregate { keys, aggs, .. } => keys.iter().chain(aggs).map(|n| &n.expr).collect(),
            PlanNode::Generate { generator, .. } => vec![generator],
            PlanNode::Sort { keys, .. } => keys.iter().map(|k| &k.expr).collect(),
            PlanNode::Join { keys, residual, output, .. } => {
                let mut v: Vec<&Expr> = keys.iter().flat_map(|(l, r, _)| [l, r]).collect();
                v.extend(residual.iter());
                v.extend(output.iter().map(|n| &n.expr));
                v
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{BinaryOp, Value};

    #[test]
    fn apply_jumps_and_stops() {
        let e = Expr::binary(
            BinaryOp::Add,
            Expr::Not(Box::new(Expr::col("a"))),
            Expr::binary(BinaryOp::Multiply, Expr::col("b"), Expr::lit(Value::Integer(1))),
        );
        let mut seen = vec![];
        e.apply(&mut |x| match x {
            Expr::Not(_) => Recursion::Jump,
            Expr::Unresolved { parts, .. } => {
                seen.push(parts[0].clone());
                Recursion::Continue
            }
            Expr::Literal(_) => Recursion::Stop,
            _ => Recursion::Continue,
        });
        // `a` is under the skipped NOT; the literal stops the walk after `b`.
        assert_eq!(seen, vec!["b".to_string()]);
    }
}
