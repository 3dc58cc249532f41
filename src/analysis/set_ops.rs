//! INTERSECT and EXCEPT (`intersect`, `intersectAll`, `subtract`, `exceptAll`):
//! Spark's checks and type widening by position, as for UNION; the result keeps the
//! left side's names.

use super::builder::node;
use super::coercion::coerce;
use super::typing::common_type;
use super::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::*;
use std::sync::Arc;

pub fn set_op(left: Arc<Plan>, right: Arc<Plan>, kind: SetOpKind, all: bool, conf: &Conf, plan_id: u64) -> Result<Plan> {
    let operator = match (kind, all) {
        (SetOpKind::Intersect, false) => "INTERSECT",
        (SetOpKind::Intersect, true) => "INTERSECT ALL",
        (SetOpKind::Except, false) => "EXCEPT",
        (SetOpKind::Except, true) => "EXCEPT ALL",
    };
    if left.output.len() != right.output.len() {
        return Err(Error::analysis(
            "NUM_COLUMNS_MISMATCH",
            format!(
                "{operator} can only be performed on inputs with the same number of columns, but the first input has {} columns and the second input has {} columns.",
                left.output.len(),
                right.output.len()
            ),
        ));
    }
    let mut output = vec![];
    for (i, (l, r)) in left.output.iter().zip(&right.output).enumerate() {
        let t = set_op_type(&l.data_type, &r.data_type, conf.ansi).ok_or_else(|| {
            Error::analysis(
                "INCOMPATIBLE_COLUMN_TYPE",
                format!(
                    "{operator} can only be performed on tables with compatible column types. The {} column of the second table is \"{}\" type which is not compatible with \"{}\" at the same column of the first table..",
                    column_ordinal(i + 1),
                    r.data_type.sql(),
                    l.data_type.sql()
                ),
            )
        })?;
        // Spark's Intersect keeps a column nullable only when both sides are; Except
        // keeps the left side's nullability.
        let nullable = match kind {
            SetOpKind::Intersect => l.nullable && r.nullable,
            SetOpKind::Except => l.nullable,
        };
        output.push(Attribute { id: new_attr_id(), name: l.name.clone(), data_type: t, nullable, qualifier: None, metadata: l.metadata.clone() });
    }
    let (left, right) = (align(left, &output), align(right, &output));
    Ok(node(plan_id, PlanNode::SetOp { left, right, kind, all }, output))
}

/// Spark's wider type of two set-operation columns (UNION, INTERSECT, EXCEPT:
/// `WidenSetOperationTypes`). Without ANSI a string meets any
/// other atomic type but BOOLEAN and BINARY as a STRING (Spark's string promotion).
pub(crate) fn set_op_type(a: &DataType, b: &DataType, ansi: bool) -> Option<DataType> {
    use DataType::*;
    if !ansi && a != b {
        match (a, b) {
            (String, Boolean | Binary) | (Boolean | Binary, String) => return None,
            (String, t) | (t, String) if t.is_numeric() || matches!(t, Date | Timestamp | TimestampNtz) => return Some(String),
            _ => {}
        }
    }
    common_type(a, b, ansi).or_else(|| union_like_merge(a, b))
}

/// Spark's `unionLikeMerge` where no wider type exists: types equal but for struct
/// field names and nullability take the left's names, nullable where either is.
fn union_like_merge(a: &DataType, b: &DataType) -> Option<DataType> {
    use DataType::*;
    match (a, b) {
        (Array(x, nx), Array(y, ny)) => Some(Array(Box::new(union_like_merge(x, y)?), *nx || *ny)),
        (Map(ka, va, na), Map(kb, vb, nb)) => {
            Some(Map(Box::new(union_like_merge(ka, kb)?), Box::new(union_like_merge(va, vb)?), *na || *nb))
        }
        (Struct(fa), Struct(fb)) if fa.len() == fb.len() => fa
            .iter()
            .zip(fb)
            // Spark's `unionLikeMerge` copies the first side's field, metadata included.
            .map(|(x, y)| {
                let t = union_like_merge(&x.data_type, &y.data_type)?;
                Some(StructField::new(x.name.clone(), t, x.nullable || y.nullable).with_metadata(x.metadata.clone()))
            })
            .collect::<Option<Vec<_>>>()
            .map(Struct),
        _ if a == b => Some(a.clone()),
        _ => None,
    }
}

/// Projects `input` onto the result's attributes, cast to their types.
fn align(input: Arc<Plan>, output: &[Attribute]) -> Arc<Plan> {
    let exprs: Vec<NamedExpr> = input
        .output
        .iter()
        .zip(output)
        .map(|(a, o)| NamedExpr { expr: coerce(Expr::Attr(a.clone()), &o.data_type), attr: Attribute { nullable: a.nullable, ..o.clone() } })
        .collect();
    let attrs = exprs.iter().map(|n| n.attr.clone()).collect();
    Arc::new(node(new_plan_id(), PlanNode::Project { input, exprs }, attrs))
}

fn column_ordinal(n: usize) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("{n}th"),
    }
}
