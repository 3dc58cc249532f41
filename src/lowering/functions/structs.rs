//! Struct functions.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StructFn;
use polars::prelude as pl;

pub fn lower(f: StructFn, c: &CallLowering) -> Result<pl::Expr> {
    match f {
        StructFn::GetField => field(c),
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
