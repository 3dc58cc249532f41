//! Window expressions out of projections, as Spark's `ExtractWindowExpressions` does:
//! `select(x - avg(x) OVER w)` becomes a Project over a Window node that computes
//! `avg(x) OVER w` as a column, one Window node per distinct PARTITION BY/ORDER BY.

use super::naming::sql_text;
use super::new_attr_id;
use super::typing::{data_type, nullable};
use crate::ir::{Attribute, Expr, NamedExpr, Plan, PlanNode, SortKey};
use std::sync::Arc;

/// The input with Window nodes for every window expression of `list`, and the list
/// with those expressions replaced by the columns the nodes compute.
pub fn extract(input: Arc<Plan>, list: Vec<NamedExpr>) -> (Arc<Plan>, Vec<NamedExpr>) {
    let mut windows: Vec<NamedExpr> = vec![];
    let list: Vec<NamedExpr> = list
        .into_iter()
        .map(|ne| {
            let expr = ne.expr.transform_down(&mut |e| match e {
                Expr::Window { .. } => {
                    let attr = match windows.iter().find(|w| w.expr == *e) {
                        Some(w) => w.attr.clone(),
                        None => {
                            let attr = Attribute {
                                id: new_attr_id(),
                                name: sql_text(e),
                                data_type: data_type(e),
                                // Window results are computed with the session's mode already.
                                nullable: nullable(e, true),
                                qualifier: None,
                            };
                            windows.push(NamedExpr { expr: e.clone(), attr: attr.clone() });
                            attr
                        }
                    };
                    Some(Expr::Attr(attr))
                }
                _ => None,
            });
            NamedExpr { expr, attr: ne.attr }
        })
        .collect();
    let mut input = input;
    for group in by_partition_and_order(windows) {
        let mut output = input.output.clone();
        output.extend(group.iter().map(|w| w.attr.clone()));
        input = Arc::new(Plan { plan_id: super::new_plan_id(), node: PlanNode::Window { input, exprs: group }, output });
    }
    (input, list)
}

/// What makes two windows one Window node: the same PARTITION BY and ORDER BY.
type Ordering = (Vec<Expr>, Vec<SortKey>);

/// Window expressions grouped by their PARTITION BY and ORDER BY, in first-seen order.
fn by_partition_and_order(windows: Vec<NamedExpr>) -> Vec<Vec<NamedExpr>> {
    let mut groups: Vec<(Ordering, Vec<NamedExpr>)> = vec![];
    for w in windows {
        let Expr::Window { spec, .. } = &w.expr else { continue };
        let key = (spec.partition_by.clone(), spec.order_by.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(w),
            None => groups.push((key, vec![w])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}
