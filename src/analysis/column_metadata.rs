//! Which `StructField.metadata` a column gets from the expression that makes it, as
//! Spark's `Alias.metadata` and `CreateNamedStruct` decide: an alias's own, else a
//! column's (through aliases), else a struct field's when the expression reads one
//! (`s.a`, `s.getField("a")`); any other expression makes a column without metadata.

use super::typing::data_type;
use crate::ir::function::{Func, StructFn};
use crate::ir::expr::Metadata;
use crate::ir::{DataType, Expr, Value};

pub fn of(e: &Expr) -> Metadata {
    match e {
        Expr::Attr(a) => a.metadata.clone(),
        Expr::Alias { metadata: Some(m), .. } => Some(m.clone()),
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } => of(expr),
        Expr::Call(c) if c.func == Func::Struct(StructFn::GetField) => match (data_type(&c.args[0]), c.args[1].unalias()) {
            // The analyzer records the field's exact name.
            (DataType::Struct(fields), Expr::Literal(Value::String(name))) => {
                fields.into_iter().find(|f| &f.name == name).and_then(|f| f.metadata)
            }
            _ => None,
        },
        _ => None,
    }
}
