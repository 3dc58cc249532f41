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
use crate::ir::function::AggregateFn;
use crate::ir::{Attribute, Call, Expr, Func, NamedExpr};

/// The aggregate expressions with computed arguments replaced by columns, and the
/// columns to compute first (each distinct argument once).
pub fn hoist_inputs(aggs: &[NamedExpr]) -> (Vec<NamedExpr>, Vec<NamedExpr>) {
    hoist(aggs, Literals::Kept)
}

/// `hoist_inputs` for the aggregates of a Window node, where the value aggregated
/// (every argument of a Python aggregate, the first of a built-in one but `count`'s)
/// becomes a column even when it is a literal: the window forms read it by position
/// (running sums, `first`/`last`), and a constant there must be one value per row of
/// the frame, as Spark evaluates it, not one per partition.
pub fn hoist_window_inputs(exprs: &[NamedExpr]) -> (Vec<NamedExpr>, Vec<NamedExpr>) {
    hoist(exprs, Literals::ValuesToo)
}

/// Which literal arguments become columns: none (parameters such as a percentile's
/// percentage must stay literals), or the aggregated values as well.
#[derive(Clone, Copy, PartialEq)]
enum Literals {
    Kept,
    ValuesToo,
}

fn hoist(aggs: &[NamedExpr], literals: Literals) -> (Vec<NamedExpr>, Vec<NamedExpr>) {
    let mut inputs: Vec<NamedExpr> = Vec::new();
    let rewritten = aggs
        .iter()
        .map(|n| NamedExpr { expr: rewrite(&n.expr, &mut inputs, literals), attr: n.attr.clone() })
        .collect();
    (rewritten, inputs)
}

fn rewrite(e: &Expr, inputs: &mut Vec<NamedExpr>, literals: Literals) -> Expr {
    match e {
        Expr::Call(c) if c.func.is_aggregate() => {
            // `count(1)` counts rows whatever its literal: it stays a literal.
            let value_too = literals == Literals::ValuesToo && c.func != Func::Aggregate(AggregateFn::Count);
            let args = c.args.iter().enumerate().map(|(i, a)| input_column(a, inputs, value_too && i == 0)).collect();
            Expr::Call(Box::new(Call { args, ..(**c).clone() }))
        }
        Expr::PythonUdf(u) if u.def.eval_type.is_aggregate() => {
            let args = u.args.iter().map(|a| input_column(a, inputs, literals == Literals::ValuesToo)).collect();
            Expr::PythonUdf(Box::new(PythonUdf { def: u.def.clone(), args }))
        }
        Expr::AggregateFilter { agg, condition } => Expr::AggregateFilter {
            agg: Box::new(rewrite(agg, inputs, literals)),
            condition: Box::new(input_column(condition, inputs, false)),
        },
        // Scalar work around aggregates (`round(avg(x), 2)`) stays where it is.
        other => other.map_children(&mut |c| rewrite(c, inputs, literals)),
    }
}

fn input_column(arg: &Expr, inputs: &mut Vec<NamedExpr>, literal_too: bool) -> Expr {
    if matches!(arg, Expr::Attr(_)) || (matches!(arg, Expr::Literal(_)) && !literal_too) {
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
    fn window_inputs_hoist_the_aggregated_literal_but_not_parameters() {
        let one = Expr::Literal(Value::Integer(1));
        let aggs = vec![
            named(call("sum", vec![one.clone()])),
            named(call("first", vec![one.clone(), Expr::Literal(Value::Boolean(true))])),
            named(call("count", vec![one.clone()])),
        ];
        let (rewritten, inputs) = hoist_window_inputs(&aggs);
        // The same literal is one column, shared by sum and first.
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].expr, one);
        assert_eq!(call_parts(&rewritten[0].expr).1[0], Expr::Attr(inputs[0].attr.clone()));
        assert_eq!(call_parts(&rewritten[1].expr).1[1], Expr::Literal(Value::Boolean(true)));
        assert_eq!(rewritten[2].expr, aggs[2].expr);
        // A group-by keeps literals: its lowering repeats them per group.
        assert!(hoist_inputs(&aggs).1.is_empty());
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
