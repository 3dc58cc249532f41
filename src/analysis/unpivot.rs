//! `unpivot`/`melt`: each input row becomes one row per value column (in the order
//! given), with the id columns, the value column's name and its value widened to the
//! values' common type. Planned as Spark's `stack` generator over the id columns, then
//! a projection giving the output Spark's nullability (the name is never NULL; the
//! value may be NULL when any value column may).

use super::builder::{node, project};
use super::coercion::coerce;
use super::naming::auto_name;
use super::resolve::Resolver;
use super::typing::{common_type, data_type, nullable};
use super::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::*;
use std::sync::Arc;

pub fn unpivot(input: Arc<Plan>, ids: Vec<Expr>, values: Option<Vec<Expr>>, variable: &str, value: &str, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let resolver = Resolver::new(&input, conf);
    let ids = ids.into_iter().map(|e| resolver.resolve(e)).collect::<Result<Vec<_>>>()?;
    let values = match values {
        Some(list) => list.into_iter().map(|e| resolver.resolve(e)).collect::<Result<Vec<_>>>()?,
        // Every column that is not an id column, in input order.
        None => input
            .output
            .iter()
            .filter(|a| !ids.iter().any(|e| matches!(e.unalias(), Expr::Attr(i) if i.id == a.id)))
            .map(|a| Expr::Attr(a.clone()))
            .collect(),
    };
    if values.is_empty() {
        return Err(Error::analysis(
            "UNPIVOT_REQUIRES_VALUE_COLUMNS",
            "At least one value column needs to be specified for UNPIVOT, all columns specified as ids.",
        ));
    }
    let mut value_type = data_type(&values[0]);
    for v in &values[1..] {
        value_type = wider_type(&value_type, &data_type(v), conf.ansi).ok_or_else(|| type_mismatch(&values))?;
    }
    let value_nullable = values.iter().any(|v| nullable(v, true));
    let mut stack_args = vec![Expr::Literal(Value::Integer(values.len() as i32))];
    for v in &values {
        stack_args.push(Expr::Literal(Value::String(auto_name(v))));
        stack_args.push(coerce(v.unalias().clone(), &value_type));
    }
    let generator = Expr::MultiAlias { expr: Box::new(Expr::func("stack", stack_args)), names: vec![variable.to_string(), value.to_string()] };
    let mut list = ids;
    list.push(generator);
    let stacked = Arc::new(project(input, list, conf, new_plan_id())?);
    let width = stacked.output.len();
    let exprs: Vec<NamedExpr> = stacked
        .output
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let nullable = if i == width - 2 { false } else if i == width - 1 { value_nullable } else { a.nullable };
            NamedExpr { expr: Expr::Attr(a.clone()), attr: Attribute { id: new_attr_id(), nullable, ..a.clone() } }
        })
        .collect();
    let output = exprs.iter().map(|n| n.attr.clone()).collect();
    Ok(node(plan_id, PlanNode::Project { input: stacked, exprs }, output))
}

/// Spark widens unpivot values without string promotion, with or without ANSI: a
/// STRING meets only STRING (or NULL).
fn wider_type(a: &DataType, b: &DataType, ansi: bool) -> Option<DataType> {
    match (a, b) {
        (DataType::String, t) | (t, DataType::String) if !matches!(t, DataType::String | DataType::Null) => None,
        _ => common_type(a, b, ansi),
    }
}

/// `UNPIVOT_VALUE_DATA_TYPE_MISMATCH`: as Spark lists them, the columns grouped by
/// type, the types in SQL order and the columns of each in name order.
fn type_mismatch(values: &[Expr]) -> Error {
    let mut by_type: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    for v in values {
        by_type.entry(data_type(v).sql()).or_default().push(format!("`{}`", auto_name(v).replace('`', "``")));
    }
    let listed: Vec<String> = by_type
        .into_iter()
        .map(|(t, mut names)| {
            names.sort();
            format!("\"{t}\" ({})", names.join(", "))
        })
        .collect();
    Error::analysis(
        "UNPIVOT_VALUE_DATA_TYPE_MISMATCH",
        format!("Unpivot value columns must share a least common type, some types do not: [{}].", listed.join(", ")),
    )
}
