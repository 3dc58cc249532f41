//! What the engine needs from a Python function: a call over argument columns. The
//! Python runtime (`python::udf`) implements it; the plan holds it as an opaque
//! `ir::udf::UdfHandle`, so nothing outside `python` touches PyO3.

use crate::error::{Error, Result};
use crate::ir::udf::UdfHandle;
use crate::ir::{DataType, StructField};
use polars::prelude::{Column, DataFrame};
use std::sync::Arc;

pub trait PythonFunction: Send + Sync {
    /// Calls the function over `args` (equal lengths, or length 1 for constants), typed
    /// `arg_types`; the result is one column in the engine representation of the
    /// declared return type, as long as the longest argument.
    fn call(&self, args: &[Column], arg_types: &[DataType], session_zone: &str) -> Result<Column>;

    /// A grouped-aggregate function over one group's rows: one value.
    fn aggregate(&self, args: &[Column], arg_types: &[DataType], session_zone: &str) -> Result<Column>;
}

/// A function from whole tables to a table: the pandas and Arrow function APIs and
/// UDTFs (`PlanNode::PythonTable`).
pub trait PythonTableFunction: Send + Sync {
    /// Calls the function over its inputs' rows (each with its Spark fields); the
    /// result has `output`'s columns, in order, in the engine representation.
    fn apply(&self, inputs: Vec<DataFrame>, input_fields: &[Vec<StructField>], output: &[StructField], session_zone: &str) -> Result<DataFrame>;
}

/// A handle for a plan's table function.
pub fn table_handle(f: Arc<dyn PythonTableFunction>) -> UdfHandle {
    UdfHandle(Arc::new(f))
}

/// The table function behind a plan's handle.
pub fn table_function(h: &UdfHandle) -> Result<Arc<dyn PythonTableFunction>> {
    h.0.downcast_ref::<Arc<dyn PythonTableFunction>>().cloned().ok_or_else(|| Error::internal("a handle without a Python table function"))
}

/// A handle for the plan around a function.
pub fn handle(f: Arc<dyn PythonFunction>) -> UdfHandle {
    UdfHandle(Arc::new(f))
}

/// The function behind a plan's handle.
pub fn function(h: &UdfHandle) -> Result<Arc<dyn PythonFunction>> {
    h.0.downcast_ref::<Arc<dyn PythonFunction>>().cloned().ok_or_else(|| Error::internal("a UDF handle without a Python function"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{builder, new_plan_id};
    use crate::exec::Session;
    use crate::ir::udf::{PythonUdf, UdfDef, UdfEvalType};
    use crate::ir::{Expr, StructField};
    use polars::prelude::DataFrame;

    /// A "Python" function in Rust: x * 10, and the count of rows for a group.
    struct TimesTen;

    impl PythonFunction for TimesTen {
        fn call(&self, args: &[Column], _: &[DataType], _: &str) -> Result<Column> {
            let n = args.iter().map(Column::len).max().unwrap_or(1);
            let values: Vec<Option<i64>> = (0..n)
                .map(|i| args[0].get(if args[0].len() == 1 { 0 } else { i }).ok().and_then(|v| v.extract::<i64>()).map(|x| x * 10))
                .collect();
            Ok(Column::new("out".into(), values))
        }
        fn aggregate(&self, args: &[Column], _: &[DataType], _: &str) -> Result<Column> {
            Ok(Column::new("out".into(), [args[0].len() as i64]))
        }
    }

    fn udf_call(eval_type: UdfEvalType, args: Vec<Expr>) -> Expr {
        let def = UdfDef { name: "f".into(), function: handle(Arc::new(TimesTen)), return_type: DataType::Long, eval_type, deterministic: true };
        Expr::PythonUdf(Box::new(PythonUdf { def, args }))
    }

    fn numbers(session: &Session) -> Arc<crate::ir::Plan> {
        let df = DataFrame::new(3, vec![Column::new("a".into(), [Some(1i64), None, Some(3)])]).unwrap();
        Arc::new(session.create_local(df, &[StructField::new("a", DataType::Long, true)]).unwrap())
    }

    #[test]
    fn a_udf_is_named_typed_and_run_per_row() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let plan = builder::project(numbers(&s), vec![udf_call(UdfEvalType::Batched, vec![Expr::col("a")])], &conf, new_plan_id()).unwrap();
        assert_eq!(plan.output[0].name, "f(a)");
        assert_eq!(plan.output[0].data_type, DataType::Long);
        assert!(plan.output[0].nullable);
        let out = s.execute(&plan).unwrap();
        let values: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(values, vec![Some(10), None, Some(30)]);
    }

    #[test]
    fn a_grouped_aggregate_udf_gives_one_value_per_group() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let agg = udf_call(UdfEvalType::PandasGroupedAgg, vec![Expr::col("a")]);
        let plan = builder::aggregate(numbers(&s), vec![], vec![agg.clone()], &conf, new_plan_id()).unwrap();
        let out = s.execute(&plan).unwrap();
        assert_eq!(out.columns()[0].i64().unwrap().get(0), Some(3));
        // Outside an aggregation it is refused, as Spark refuses any aggregate there.
        assert!(builder::filter(numbers(&s), agg, &conf, new_plan_id()).is_err());
    }

    #[test]
    fn a_grouped_aggregate_udf_runs_over_window_frames() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let window = |frame| Expr::Window {
            function: Box::new(udf_call(UdfEvalType::PandasGroupedAgg, vec![Expr::col("a")])),
            spec: Box::new(crate::ir::WindowSpec { partition_by: vec![], order_by: vec![], frame }),
        };
        // The whole partition: one call over the three rows, its value on each.
        let plan = builder::project(numbers(&s), vec![window(None)], &conf, new_plan_id()).unwrap();
        let out = s.execute(&plan).unwrap();
        let values: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(values, vec![Some(3), Some(3), Some(3)]);
        // A sliding frame of the row and the next: a call per row over its frame.
        let next = crate::ir::WindowFrame {
            kind: crate::ir::FrameKind::Rows,
            start: crate::ir::FrameBound::CurrentRow,
            end: crate::ir::FrameBound::Offset(Box::new(Expr::lit(crate::ir::Value::Integer(1)))),
        };
        let plan = builder::project(numbers(&s), vec![window(Some(next))], &conf, new_plan_id()).unwrap();
        let out = s.execute(&plan).unwrap();
        let values: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(values, vec![Some(2), Some(2), Some(1)]);
    }

    /// A "Python" table function: each input row twice, and how many inputs it had.
    struct Twice;

    impl PythonTableFunction for Twice {
        fn apply(&self, inputs: Vec<DataFrame>, input_fields: &[Vec<StructField>], output: &[StructField], _: &str) -> Result<DataFrame> {
            assert_eq!(input_fields.len(), inputs.len());
            assert_eq!(output[0].name, "twice");
            let values: Vec<Option<i64>> = inputs.first().map_or(vec![], |df| df.columns()[0].i64().unwrap().iter().flat_map(|v| [v, v]).collect());
            let n = values.len();
            Ok(DataFrame::new(n, vec![Column::new("any".into(), values), Column::new("n".into(), vec![inputs.len() as i64; n])]).unwrap())
        }
    }

    #[test]
    fn a_python_table_runs_when_the_plan_runs() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let fields = [StructField::new("twice", DataType::Long, true), StructField::new("inputs", DataType::Long, false)];
        let table = Arc::new(builder::python_table(vec![numbers(&s)], table_handle(Arc::new(Twice)), &fields));
        assert_eq!(table.output[0].name, "twice");
        let filtered = builder::filter(table, Expr::IsNotNull(Box::new(Expr::col("twice"))), &conf, new_plan_id()).unwrap();
        let out = s.execute(&filtered).unwrap();
        let values: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(values, vec![Some(1), Some(1), Some(3), Some(3)]);
        assert_eq!(out.columns()[1].i64().unwrap().get(0), Some(1));
    }

    #[test]
    fn registered_functions_resolve_by_name_in_any_case() {
        let s = Session::new();
        let Expr::PythonUdf(u) = udf_call(UdfEvalType::Batched, vec![]) else { unreachable!() };
        s.register_udf("TimesTen", UdfDef { name: "TimesTen".into(), ..u.def });
        let conf = s.analysis_conf();
        let plan = builder::project(numbers(&s), vec![Expr::func("timesten", vec![Expr::col("a")])], &conf, new_plan_id()).unwrap();
        let out = s.execute(&plan).unwrap();
        assert_eq!(out.columns()[0].i64().unwrap().get(2), Some(30));
    }
}
