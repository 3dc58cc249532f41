//! Aggregate inputs computed once, before aggregating, as Spark's planner does.
//!
//! `sum(price * (1 - discount))` lowered in place evaluates the product inside the
//! aggregation, once per use: Spark's NULL-on-no-rows rule reads it twice, and TPC-H Q1
//! reads the same product in two aggregates. Moving every computed aggregate argument
//! into a projection before the group-by evaluates each distinct one once, lets
//! Polars share common parts between them, and keeps the aggregation itself simple.

use crate::analysis::new_attr_id;
use crate::analysis::typing::data_type;
use crate::ir::udf::PythonUdf;
use crate::ir::{Attribute, Call, Expr, NamedExpr};

/// The aggregate expressions with computed arguments replaced by columns, and the
/// columns to compute first (each distinct argument once).
pub fn hoist_inputs(aggs: &[NamedExpr]) -> (Vec<NamedExpr>, Vec<NamedExpr>) {
    let mut inputs: Vec<NamedExpr> = Vec::new();
    let rewritten = aggs
        .iter()
        .map(|n| NamedExpr { expr: rewrite(&n.expr, &mut inputs), attr: n.attr.clone() })
        .collect();
    (rewritten, inputs)
}

fn rewrite(e: &Expr, inputs: &mut Vec<NamedExpr>) -> Expr {
    match e {
        Expr::Call(c) if c.func.is_aggregate() => {
            let args = c.args.iter().map(|a| input_column(a, inputs)).collect();
            Expr::Call(Box::new(Call { args, ..(**c).clone() }))
        }
        Expr::PythonUdf(u) if u.def.eval_type.is_aggregate() => {
            let args = u.args.iter().map(|a| input_column(a, inputs)).collect();
            Expr::PythonUdf(Box::new(PythonUdf { def: u.def.clone(), args }))
        }
        Expr::AggregateFilter { agg, condition } => Expr::AggregateFilter {
            agg: Box::new(rewrite(agg, inputs)),
            condition: Box::new(input_column(condition, inputs)),
        },
        // Scalar work around aggregates (`round(avg(x), 2)`) stays where it is.
        other => other.map_children(&mut |c| rewrite(c, inputs)),
    }
}

fn input_column(arg: &Expr, inputs: &mut Vec<NamedExpr>) -> Expr {
    if matches!(arg, Expr::Attr(_) | Expr::Literal(_)) {
        return arg.clone();
    }
    if let Some(existing) = inputs.iter().find(|n| n.expr == *arg) {
        return Expr::Attr(existing.attr.clone());
    }
    let attr = Attribute {
        id: new_attr_id(),
        name: "agg_input".into(),
        data_type: data_type(arg),
        nullable: true,
        qualifier: None,
        metadata: None,
    };
    inputs.push(NamedExpr { expr: arg.clone(), attr: attr.clone() });
    Expr::Attr(attr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{BinaryOp, DataType, Value};

    fn attr(id: u64) -> Expr {
        Expr::Attr(Attribute { id, name: format!("c{id}"), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None })
    }

    fn named(expr: Expr) -> NamedExpr {
        NamedExpr { attr: Attribute { id: new_attr_id(), name: "out".into(), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None }, expr }
    }

    /// A resolved call, as analysis builds it.
    fn call(name: &str, args: Vec<Expr>) -> Expr {
        let def = crate::analysis::functions::lookup(name).unwrap();
        def.bind(name, args, false, &crate::analysis::Conf::default(), crate::analysis::naming::sql_text).unwrap()
    }

    fn call_parts(e: &Expr) -> (&str, &[Expr]) {
        let Expr::Call(c) = e else { panic!("not a call: {e:?}") };
        (c.name.as_str(), &c.args)
    }

    #[test]
    fn shared_computed_inputs_are_computed_once() {
        let product = Expr::binary(BinaryOp::Multiply, attr(1), attr(2));
        let aggs = vec![
            named(call("sum", vec![product.clone()])),
            named(call("avg", vec![product.clone()])),
            named(call("count", vec![Expr::Literal(Value::Integer(1))])),
            named(call("max", vec![attr(1)])),
        ];
        let (rewritten, inputs) = hoist_inputs(&aggs);
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].expr, product);
        assert_eq!(call_parts(&rewritten[1].expr).1[0], Expr::Attr(inputs[0].attr.clone()));
        assert_eq!(rewritten[2].expr, aggs[2].expr);
        assert_eq!(rewritten[3].expr, aggs[3].expr);
    }

    #[test]
    fn scalar_functions_around_aggregates_stay() {
        let sum = call("sum", vec![Expr::Negate(Box::new(attr(1)))]);
        let outer = call("abs", vec![sum]);
        let (rewritten, inputs) = hoist_inputs(&[named(outer)]);
        assert_eq!(inputs.len(), 1);
        let (name, args) = call_parts(&rewritten[0].expr);
        assert_eq!(name, "abs");
        assert_eq!(call_parts(&args[0]).0, "sum");
    }
}
