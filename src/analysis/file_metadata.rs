//! Spark's hidden `_metadata` column of file sources (`df.metadataColumn("_metadata")`,
//! `select("_metadata.file_name")`): not among a DataFrame's columns (`*` leaves it out),
//! yet resolvable by name where the rows still come straight from a file scan, as
//! Spark's `AddMetadataColumns` rule adds it. A select, filter or withColumn that reads
//! it is built over the same plan with the scan's `_metadata` exposed and passed up
//! through the projections, filters, aliases and sorts above it (same plan ids, so
//! `df.metadataColumn` resolves by plan id as any `df["x"]`).

use super::builder;
use super::resolve::{unresolved_with_suggestion, Resolver};
use super::{new_attr_id, Conf};
use crate::error::{Error, Result};
use crate::ir::*;
use std::sync::Arc;

pub use crate::io::file_metadata::METADATA;

/// `plan` with its scan's `_metadata` exposed as its last output column: `None` when the
/// rows do not come straight from a file scan (a join, an aggregation...), or it has a
/// column of that name already.
pub fn expose(plan: &Arc<Plan>) -> Option<Arc<Plan>> {
    if plan.output.iter().any(|a| a.name.eq_ignore_ascii_case(METADATA)) {
        return None;
    }
    exposed(plan).map(|(plan, _)| plan)
}

/// `plan` passing up its scan's `_metadata`, and that column (a plan that passes it
/// already, as below a filter that read it, is kept).
fn exposed(plan: &Arc<Plan>) -> Option<(Arc<Plan>, Attribute)> {
    match &plan.node {
        PlanNode::Scan { metadata: true, .. } => Some((plan.clone(), plan.output.last()?.clone())),
        PlanNode::Scan { format, paths, options, schema, metadata: false } => {
            let attr = Attribute {
                id: new_attr_id(),
                name: METADATA.to_string(),
                data_type: crate::io::file_metadata::struct_type(*format),
                nullable: false,
                qualifier: plan.output.first().and_then(|a| a.qualifier.clone()),
                metadata: None,
            };
            let mut output = plan.output.clone();
            output.push(attr.clone());
            let node = PlanNode::Scan { format: *format, paths: paths.clone(), options: options.clone(), schema: schema.clone(), metadata: true };
            Some((Arc::new(Plan { plan_id: plan.plan_id, node, output }), attr))
        }
        PlanNode::Project { input, .. }
        | PlanNode::Filter { input, .. }
        | PlanNode::Sort { input, .. }
        | PlanNode::Limit { input, .. }
        | PlanNode::SubqueryAlias { input, .. } => {
            let (input, mut attr) = exposed(input)?;
            if let PlanNode::SubqueryAlias { alias, .. } = &plan.node {
                attr.qualifier = Some(alias.clone());
            }
            if plan.output.iter().any(|a| a.id == attr.id) {
                return Some((plan.clone(), attr));
            }
            let mut node = plan.with_inputs(vec![input]).node;
            if let PlanNode::Project { exprs, .. } = &mut node {
                exprs.push(NamedExpr { expr: Expr::Attr(attr.clone()), attr: attr.clone() });
            }
            let mut output = plan.output.clone();
            output.push(attr.clone());
            Some((Arc::new(Plan { plan_id: plan.plan_id, node, output }), attr))
        }
        _ => None,
    }
}

/// Whether `exprs` name `_metadata` (alone or a field of it) where `input` has no such
/// column.
pub fn reads_metadata<'a>(input: &Plan, mut exprs: impl Iterator<Item = &'a Expr>, conf: &Conf) -> bool {
    // `_metadata...`, or `t._metadata...` under the DataFrame's alias.
    let named = |x: &Expr| matches!(x, Expr::Unresolved { parts, .. } if parts.iter().take(2).any(|p| conf.names_equal(p, METADATA)));
    !input.output.iter().any(|a| conf.names_equal(&a.name, METADATA)) && exprs.any(|e| e.any(&named))
}

/// `input`'s columns but its exposed `_metadata` (the last one).
fn hide(plan: Plan, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let n = plan.output.len().saturating_sub(1);
    let list = plan.output[..n].iter().cloned().map(Expr::Attr).collect();
    builder::project(Arc::new(plan), list, conf, plan_id)
}

/// `select` reading `_metadata`: `*` is the columns without it (expanded first).
pub fn project(input: Arc<Plan>, exprs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Option<Plan>> {
    let Some(exposed) = expose(&input) else { return Ok(None) };
    let exprs = Resolver::new(&input, conf).expand_stars(exprs)?;
    builder::project(exposed, exprs, conf, plan_id).map(Some)
}

/// `filter` by a condition reading `_metadata`.
pub fn filter(input: Arc<Plan>, condition: Expr, conf: &Conf, plan_id: u64) -> Result<Option<Plan>> {
    let Some(exposed) = expose(&input) else { return Ok(None) };
    let kept = builder::filter(exposed, condition, conf, super::new_plan_id())?;
    hide(kept, conf, plan_id).map(Some)
}

/// `withColumn(s)` reading `_metadata`.
pub fn with_columns(input: Arc<Plan>, cols: Vec<(String, Expr)>, conf: &Conf, plan_id: u64) -> Result<Option<Plan>> {
    let Some(exposed) = expose(&input) else { return Ok(None) };
    let metadata_id = exposed.output.last().map(|a| a.id);
    let added = builder::with_columns(exposed, cols, conf, super::new_plan_id())?;
    let list = added.output.iter().filter(|a| Some(a.id) != metadata_id).cloned().map(Expr::Attr).collect();
    builder::project(Arc::new(added), list, conf, plan_id).map(Some)
}

/// `df.metadataColumn(name)`: the column, read through `df`'s plan id; Spark's error
/// when `df` has no metadata column of that name (suggesting the ones it has).
pub fn metadata_column(plan: &Arc<Plan>, name: &str, conf: &Conf) -> Result<Expr> {
    let exposed = expose(plan);
    if exposed.is_some() && conf.names_equal(name, METADATA) {
        return Ok(Expr::Unresolved { parts: vec![name.to_string()], plan_id: Some(plan.plan_id) });
    }
    if exposed.is_some() {
        return Err(unresolved_with_suggestion(name, &[format!("`{METADATA}`")]));
    }
    Err(Error::analysis("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", format!("A column, variable, or function parameter with name `{name}` cannot be resolved. "))
        .with_param("objectName", format!("`{name}`")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn csv_scan() -> Arc<Plan> {
        let schema = vec![StructField::new("a", DataType::String, true)];
        Arc::new(builder::scan(FileFormat::Csv, vec!["/nowhere".into()], BTreeMap::new(), schema))
    }

    #[test]
    fn exposed_through_projections_and_aliases_under_the_same_plan_ids() {
        let conf = Conf::default();
        let scan = csv_scan();
        let projected = Arc::new(builder::project(scan.clone(), vec![Expr::col("a")], &conf, super::super::new_plan_id()).unwrap());
        let aliased = Arc::new(builder::subquery_alias(projected.clone(), "t", super::super::new_plan_id()));
        let exposed = expose(&aliased).unwrap();
        assert_eq!(exposed.plan_id, aliased.plan_id);
        let last = exposed.output.last().unwrap();
        assert_eq!((last.name.as_str(), last.qualifier.as_deref(), last.nullable), (METADATA, Some("t"), false));
        assert_eq!(exposed.output.len(), 2);
        assert!(matches!(exposed.find_plan_id(scan.plan_id).unwrap().node, PlanNode::Scan { metadata: true, .. }));
    }

    #[test]
    fn not_exposed_above_an_aggregation_or_beside_a_column_of_that_name() {
        let conf = Conf::default();
        let grouped = Arc::new(builder::aggregate(csv_scan(), vec![Expr::col("a")], vec![], &conf, super::super::new_plan_id()).unwrap());
        assert!(expose(&grouped).is_none());
        let named = Arc::new(builder::project(csv_scan(), vec![Expr::col("a").alias("_metadata")], &conf, super::super::new_plan_id()).unwrap());
        assert!(expose(&named).is_none());
    }

    #[test]
    fn metadata_column_errors_as_spark() {
        let conf = Conf::default();
        let err = metadata_column(&csv_scan(), "a", &conf).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
        let local = Arc::new(builder::range(0, 1, 1).unwrap());
        let err = metadata_column(&local, "_metadata", &conf).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION"));
        assert!(metadata_column(&csv_scan(), "_metadata", &conf).is_ok());
    }
}
