//! What the engine needs from a Python function: a call over argument columns. The
//! Python runtime (`python::udf`) implements it; the plan holds it as an opaque
//! `ir::udf::UdfHandle`, so nothing outside `python` touches PyO3.

use crate::error::{Error, Result};
use crate::ir::udf::UdfHandle;
use crate::ir::{DataType, StructField};
use polars::prelude::{Column, DataFrame};
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub trait PythonFunction: Send + Sync {
    /// Calls the function over `args` (equal lengths, or length 1 for constants), typed
    /// `arg_types`; the result is one column in the engine representation of the
    /// declared return type, as long as the longest argument. Stops at the next batch
    /// once `cancel` is set.
    fn call(&self, args: &[Column], arg_types: &[DataType], session_zone: &str, cancel: &CancelFlag) -> Result<Column>;

    /// A grouped-aggregate function over one group's rows: one value.
    fn aggregate(&self, args: &[Column], arg_types: &[DataType], session_zone: &str, cancel: &CancelFlag) -> Result<Column>;
}

/// A function from whole tables to a table: the pandas and Arrow function APIs and
/// UDTFs (`PlanNode::PythonTable`).
pub trait PythonTableFunction: Send + Sync {
    /// Calls the function over its inputs' rows (each with its Spark fields); the
    /// result has `output`'s columns, in order, in the engine representation. Stops
    /// at the next batch (or group, or row for a UDTF) once `cancel` is set.
    fn apply(&self, inputs: Vec<DataFrame>, input_fields: &[Vec<StructField>], output: &[StructField], session_zone: &str, cancel: &CancelFlag)
        -> Result<DataFrame>;
}

/// What SQL text calls a Python table function through (`FROM t, LATERAL f(t.a)`,
/// `... JOIN LATERAL f(...)`, `FROM t, f(1)`): the registered UDTFs live in Python,
/// which plans the call (a `PythonTable` node, as a UDTF called from the DataFrame API).
pub trait TableFunctionResolver: Send + Sync {
    /// With `left` (a lateral call): the plan of `left` joined with the rows
    /// `name(args)` gives for each of its rows, `left`'s columns (in order, under their
    /// names) then the function's. Without: the call's own rows (its arguments read no
    /// columns). `None` when no Python table function has that name.
    fn call(&self, name: &str, left: Option<Arc<crate::ir::Plan>>, args: Vec<crate::ir::Expr>) -> Result<Option<crate::ir::Plan>>;
}

/// One query's cancel flag, set when its action is interrupted (Ctrl-C). The query's
/// engine stops at its next check of Polars' abort flag (`exec::cancel`), but a Python
/// call under way does not check it: the calls check this flag (before each call, and
/// the runners before each batch) so the user's functions stop running at once.
#[derive(Clone, Default, Debug)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// The error a cancelled query's Python call ends with (nobody reads it: the
    /// action that ran the query has already raised KeyboardInterrupt).
    pub fn error() -> Error {
        super::cancel::cancelled()
    }
}

thread_local! {
    /// The flag of the query this thread plans (lowering captures it into the plan's
    /// Python calls, which then run on the engine's threads).
    static PLANNING: RefCell<Option<CancelFlag>> = const { RefCell::new(None) };
}

/// Runs `f` (a query's lowering and execution, on this thread) under `flag`.
pub fn with_cancel_flag<T>(flag: &CancelFlag, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<CancelFlag>);
    impl Drop for Restore {
        fn drop(&mut self) {
            PLANNING.with(|p| *p.borrow_mut() = self.0.take());
        }
    }
    let _restore = Restore(PLANNING.with(|p| p.borrow_mut().replace(flag.clone())));
    f()
}

/// The flag of the query being planned on this thread (a flag nobody sets when the
/// action cannot be interrupted).
pub fn current_cancel_flag() -> CancelFlag {
    PLANNING.with(|p| p.borrow().clone()).unwrap_or_default()
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
    use std::sync::atomic::Ordering;

    /// A "Python" function in Rust: x * 10, and the count of rows for a group.
    struct TimesTen;

    impl PythonFunction for TimesTen {
        fn call(&self, args: &[Column], _: &[DataType], _: &str, _: &CancelFlag) -> Result<Column> {
            let n = args.iter().map(Column::len).max().unwrap_or(1);
            let values: Vec<Option<i64>> = (0..n)
                .map(|i| args[0].get(if args[0].len() == 1 { 0 } else { i }).ok().and_then(|v| v.extract::<i64>()).map(|x| x * 10))
                .collect();
            Ok(Column::new("out".into(), values))
        }
        fn aggregate(&self, args: &[Column], _: &[DataType], _: &str, _: &CancelFlag) -> Result<Column> {
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
        fn apply(&self, inputs: Vec<DataFrame>, input_fields: &[Vec<StructField>], output: &[StructField], _: &str, _: &CancelFlag) -> Result<DataFrame> {
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

    /// Counts its calls; each is a cancellation point of the query it belongs to.
    struct Counting(std::sync::atomic::AtomicUsize);

    impl PythonFunction for Counting {
        fn call(&self, args: &[Column], _: &[DataType], _: &str, cancel: &CancelFlag) -> Result<Column> {
            if cancel.is_cancelled() {
                return Err(CancelFlag::error());
            }
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(args[0].clone())
        }
        fn aggregate(&self, args: &[Column], _: &[DataType], _: &str, _: &CancelFlag) -> Result<Column> {
            Ok(args[0].head(Some(1)))
        }
    }

    #[test]
    fn a_cancelled_query_does_not_call_its_functions() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let counting = Arc::new(Counting(Default::default()));
        let def = UdfDef { name: "f".into(), function: handle(counting.clone()), return_type: DataType::Long, eval_type: UdfEvalType::Batched, deterministic: true };
        let call = Expr::PythonUdf(Box::new(PythonUdf { def, args: vec![Expr::col("a")] }));
        let plan = builder::project(numbers(&s), vec![call], &conf, new_plan_id()).unwrap();
        let flag = CancelFlag::default();
        with_cancel_flag(&flag, || s.execute(&plan)).unwrap();
        assert_eq!(counting.0.load(Ordering::SeqCst), 1);
        // The flag the plan was lowered under, set: the next run stops before the call.
        flag.cancel();
        assert!(with_cancel_flag(&flag, || s.execute(&plan)).is_err());
        assert_eq!(counting.0.load(Ordering::SeqCst), 1);
        // Another query (another flag) is not affected, and the flag is gone afterwards.
        with_cancel_flag(&CancelFlag::default(), || s.execute(&plan)).unwrap();
        assert!(!current_cancel_flag().is_cancelled());
        assert_eq!(counting.0.load(Ordering::SeqCst), 2);
    }

    /// A "Python" table function for SQL: `echo(e)` gives one row per left row, `x` = e.
    struct Echo;

    impl TableFunctionResolver for Echo {
        fn call(&self, name: &str, left: Option<Arc<crate::ir::Plan>>, args: Vec<Expr>) -> Result<Option<crate::ir::Plan>> {
            let (true, Some(left)) = (name.eq_ignore_ascii_case("echo"), left) else { return Ok(None) };
            let conf = Session::new().analysis_conf();
            let mut exprs: Vec<Expr> = left.output.iter().cloned().map(Expr::Attr).collect();
            exprs.extend(args.into_iter().map(|a| a.alias("x")));
            builder::project(left, exprs, &conf, new_plan_id()).map(Some)
        }
    }

    #[test]
    fn sql_lateral_calls_go_through_the_resolver_over_any_left_side() {
        let s = Session::new();
        s.set_table_function_resolver(Arc::new(Echo));
        let values = |text: &str| -> Vec<Vec<Option<i64>>> {
            let plan = s.sql(text).unwrap();
            let out = s.execute(&plan).unwrap();
            (0..out.height()).map(|i| out.columns().iter().map(|c| c.get(i).unwrap().extract::<i64>()).collect()).collect()
        };
        // After a subquery, the left side's qualifier kept, the function's alias on `x`.
        let rows = values("SELECT l.a, u.x FROM (SELECT id AS a FROM range(3)) l, LATERAL echo(l.a * 10) u WHERE u.x > 0 ORDER BY l.a");
        assert_eq!(rows, vec![vec![Some(1), Some(10)], vec![Some(2), Some(20)]]);
        // After a join, reading both sides; JOIN LATERAL with ON filters the pairs.
        let rows = values("SELECT p.id, q.id, e.y FROM range(3) p JOIN range(3) q ON p.id = q.id JOIN LATERAL echo(p.id + q.id) AS e(y) ON e.y < 4 ORDER BY 1");
        assert_eq!(rows, vec![vec![Some(0), Some(0), Some(0)], vec![Some(1), Some(1), Some(2)]]);
        // Not a lateral call: an unknown table function is refused as before.
        assert!(s.sql("SELECT * FROM range(2) r, LATERAL nothing(r.id)").is_err());
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
