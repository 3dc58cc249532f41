//! Text of the IR for `df.explain()`.

use crate::analysis::naming::sql_text;
use crate::ir::{Attribute, NamedExpr, Plan, PlanNode};

fn attrs(list: &[Attribute]) -> String {
    list.iter().map(|a| format!("{}#{}", a.name, a.id)).collect::<Vec<_>>().join(", ")
}

fn named(list: &[NamedExpr]) -> String {
    list.iter()
        .map(|n| {
            let e = sql_text(&n.expr);
            if e == n.attr.name { format!("{}#{}", n.attr.name, n.attr.id) } else { format!("{e} AS {}#{}", n.attr.name, n.attr.id) }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn line(plan: &Plan) -> String {
    match &plan.node {
        PlanNode::Local { .. } => format!("LocalRelation [{}]", attrs(&plan.output)),
        PlanNode::Range { start, end, step } => format!("Range ({start}, {end}, step={step}) [{}]", attrs(&plan.output)),
        PlanNode::Scan { format, paths, .. } => format!("Scan {} {:?} [{}]", format.name(), paths, attrs(&plan.output)),
        PlanNode::Project { exprs, .. } => format!("Project [{}]", named(exprs)),
        PlanNode::Filter { condition, .. } => format!("Filter {}", sql_text(condition)),
        PlanNode::Aggregate { keys, aggs, .. } => format!("Aggregate [{}], [{}]", named(keys), named(aggs)),
        PlanNode::Sort { keys, .. } => {
            let ks: Vec<String> = keys
                .iter()
                .map(|k| format!("{} {} NULLS {}", sql_text(&k.expr), if k.ascending { "ASC" } else { "DESC" }, if k.nulls_first { "FIRST" } else { "LAST" }))
                .collect();
            format!("Sort [{}]", ks.join(", "))
        }
        PlanNode::Limit { n, .. } => format!("Limit {n}"),
        PlanNode::Offset { n, .. } => format!("Offset {n}"),
        PlanNode::SampleWithReplacement { fraction, seed, .. } => format!("Sample 0.0, {fraction}, true, {seed}"),
        PlanNode::CollectMetrics { key, metrics, .. } => {
            format!("CollectMetrics {key}, [{}]", metrics.output.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", "))
        }
        PlanNode::Deduplicate { keys, .. } => format!("Deduplicate [{}]", attrs(keys)),
        PlanNode::Join { join_type, keys, residual, .. } => {
            let mut parts: Vec<String> =
                keys.iter().map(|(l, r, ns)| format!("({} {} {})", sql_text(l), if *ns { "<=>" } else { "=" }, sql_text(r))).collect();
            if let Some(r) = residual {
                parts.push(sql_text(r));
            }
            format!("Join {join_type:?}, {}", parts.join(" AND "))
        }
        PlanNode::Union { .. } => "Union".to_string(),
        PlanNode::SetOp { kind, all, .. } => format!("{kind:?}{}", if *all { " All" } else { "" }),
        PlanNode::SubqueryAlias { alias, .. } => format!("SubqueryAlias {alias}"),
        PlanNode::Cache { key, .. } => format!("Cache #{key}"),
        PlanNode::PythonTable { .. } => format!("PythonTable [{}]", attrs(&plan.output)),
        PlanNode::Window { exprs, .. } => format!("Window [{}]", named(exprs)),
        PlanNode::Generate { generator, outer, generated, .. } => {
            let names: Vec<String> = generated.iter().map(|a| a.name.clone()).collect();
            format!("Generate {}, {outer}, [{}]", sql_text(generator), names.join(", "))
        }
    }
}

/// An indented tree, one node per line, like Spark's logical plan text.
pub fn tree(plan: &Plan) -> String {
    fn walk(plan: &Plan, depth: usize, out: &mut String) {
        if depth == 0 {
            out.push_str(&line(plan));
        } else {
            out.push_str(&format!("{}+- {}", "   ".repeat(depth - 1), line(plan)));
        }
        out.push('\n');
        for c in plan.children() {
            walk(c, depth + 1, out);
        }
    }
    let mut out = String::new();
    walk(plan, 0, &mut out);
    out
}
