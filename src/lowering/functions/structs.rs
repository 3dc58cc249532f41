//! Struct functions.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StructFn;
use polars::prelude as pl;

pub fn lower(f: StructFn, c: &CallLowering) -> Result<pl::Expr> {
    match f {
        StructFn::GetField => field(c),
        StructFn::UpdateFields => update_fields(c),
        // An operation's value is read by `update_fields` at its position.
        StructFn::WithField => Ok(c.arg(1)),
        StructFn::DropField => Ok(pl::lit(pl::NULL)),
        StructFn::Struct | StructFn::NamedStruct => {
            let crate::ir::DataType::Struct(fields) = &c.call.data_type else {
                return Err(crate::error::Error::internal("struct() without a struct type"));
            };
            let values: Vec<pl::Expr> = if f == StructFn::NamedStruct { c.args.iter().skip(1).step_by(2).cloned().collect() } else { c.args.clone() };
            if values.is_empty() {
                return Err(c.unsupported("no fields"));
            }
            let names = crate::lowering::types::engine_field_names(fields);
            Ok(pl::as_struct(values.into_iter().zip(names).map(|(v, name)| v.alias(name)).collect()))
        }
    }
}

/// `s.field`: analysis has put the field's exact name in a literal.
pub fn field(c: &CallLowering) -> Result<pl::Expr> {
    let name = c.str_literal(1).ok_or_else(|| c.unsupported("a non-literal field name"))?;
    Ok(c.arg(0).struct_().field_by_name(name))
}

/// `UpdateFields`: the result struct rebuilt from the input's fields and the
/// operations' values, NULL where the input struct is NULL.
fn update_fields(c: &CallLowering) -> Result<pl::Expr> {
    use crate::analysis::update_fields::{updated_fields, FieldSource};
    let base = c.arg(0);
    let members: Vec<pl::Expr> = updated_fields(&c.call.args, c.conf)
        .into_iter()
        .map(|(field, source)| {
            let value = match source {
                FieldSource::Kept(name) => base.clone().struct_().field_by_name(&name),
                FieldSource::Value(i) => c.arg(i),
            };
            value.alias(field.name.as_str())
        })
        .collect();
    if members.is_empty() {
        return Err(crate::error::Error::internal("update_fields without fields"));
    }
    let rebuilt = pl::as_struct(members);
    let null = pl::lit(pl::NULL).cast(crate::lowering::types::to_polars(&c.call.data_type));
    Ok(pl::when(base.is_not_null()).then(rebuilt).otherwise(null))
}
