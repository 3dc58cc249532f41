//! `sameSemantics`/`semanticHash`: a canonical text of an analysed plan, as Spark
//! compares canonicalised plans. It keeps the operators, expressions, functions,
//! types and literals; it drops what only names things — plan ids, attribute and
//! alias names — and numbers attribute ids by first appearance, so two plans built
//! the same way over the same source compare equal even with other column names.
//! In-memory data is compared by identity (the same `createDataFrame` result), as
//! Spark compares the RDD of a `LogicalRDD`.

use crate::ir::tree::Recursion;
use crate::ir::{Plan, PlanNode};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub fn canonical(plan: &Arc<Plan>) -> String {
    let plan = without_identity_projections(plan);
    let plan = plan.as_ref();
    static IDS: OnceLock<regex::Regex> = OnceLock::new();
    static ERASED: OnceLock<regex::Regex> = OnceLock::new();
    let ids = IDS.get_or_init(|| regex::Regex::new(r"\bid: (\d+)").expect("a valid pattern"));
    let erased = ERASED.get_or_init(|| regex::Regex::new(r#"\b(plan_id: \d+|name: "(?:[^"\\]|\\.)*")"#).expect("a valid pattern"));
    let text = format!("{plan:?}");
    let text = erased.replace_all(&text, "_");
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let text = ids.replace_all(&text, |c: &regex::Captures| {
        let next = numbers.len();
        format!("id: {}", numbers.entry(c[1].to_string()).or_insert(next))
    });
    let mut sources = vec![];
    plan.apply(&mut |node| {
        if let PlanNode::Local { data } = &node.node {
            sources.push(Arc::as_ptr(&data.0) as *const () as usize);
        }
        Recursion::Continue
    });
    format!("{text} {sources:?}")
}

/// Java's `String.hashCode` of the canonical text: an int, as Spark's is.
pub fn semantic_hash(plan: &Arc<Plan>) -> i32 {
    canonical(plan).encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

/// A projection of exactly its input's columns, in order, computes nothing
/// (`df.select("*")`).
fn without_identity_projections(plan: &Arc<Plan>) -> Arc<Plan> {
    let rewritten: Result<Arc<Plan>, std::convert::Infallible> = plan.transform_up(&mut |node| {
        Ok(match &node.node {
            PlanNode::Project { input, exprs }
                if exprs.len() == input.output.len()
                    && exprs.iter().zip(&input.output).all(|(e, a)| matches!(&e.expr, crate::ir::Expr::Attr(x) if x.id == a.id && e.attr.id == a.id)) =>
            {
                input.clone()
            }
            _ => node,
        })
    });
    match rewritten {
        Ok(p) => p,
        Err(never) => match never {},
    }
}
