//! Constants analysis needs the value of: Spark evaluates a few foldable arguments while
//! it analyses a query (legacy `date_add(d, <string>)` reads its day count then), so
//! analysis asks `Conf::constants`, which is this: the expression computed by the
//! engine over one row, with the session's settings and Spark's errors.

use super::values::value;
use crate::analysis::typing::{data_type, nullable};
use crate::analysis::{new_attr_id, new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::{Attribute, Expr, NamedExpr, Plan, PlanNode, Value};
use crate::lowering::{CacheStore, PlanLowering};
use polars::prelude::Engine;
use std::sync::Arc;

/// The value of `e`, an expression without columns (`is_foldable`).
pub fn evaluate(e: &Expr, conf: &Conf) -> Result<Value> {
    let t = data_type(e);
    let out = Attribute { id: new_attr_id(), name: "v".into(), data_type: t.clone(), nullable: nullable(e, conf.ansi), qualifier: None, metadata: None };
    let one_row = Arc::new(crate::analysis::builder::range(0, 1, 1)?);
    let plan = Arc::new(Plan { plan_id: new_plan_id(), node: PlanNode::Project { input: one_row, exprs: vec![NamedExpr { expr: e.clone(), attr: out.clone() }] }, output: vec![out.clone()] });
    let cache = CacheStore::default();
    let lf = PlanLowering::of(conf, &cache, &plan).lower(&plan)?;
    let df = lf.collect_with_engine(Engine::InMemory)?.unwrap_single();
    let column = df.column(out.engine_name().as_str())?;
    if column.len() != 1 {
        return Err(Error::internal("a constant computed more than one row"));
    }
    value(&column.get(0)?, &t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{CastKind, DataType};

    #[test]
    fn computes_a_constant_over_one_row() {
        let conf = Conf::default();
        let cast = Expr::Cast { expr: Box::new(Expr::Literal(Value::Integer(7))), to: DataType::String, kind: CastKind::Cast };
        assert_eq!(evaluate(&cast, &conf).unwrap(), Value::String("7".into()));
    }

    #[test]
    fn a_failing_constant_is_spark_s_error() {
        let conf = Conf::default();
        let cast = Expr::Cast { expr: Box::new(Expr::Literal(Value::String("x".into()))), to: DataType::Integer, kind: CastKind::Cast };
        let e = evaluate(&cast, &conf).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("CAST_INVALID_INPUT"));
    }
}
