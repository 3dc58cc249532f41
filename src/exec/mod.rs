//! Session state and execution: configuration, in-memory data, cached results, and
//! running plans on the chosen Polars engine.

pub mod cancel;
pub mod catalog;
mod commands;
pub use commands::function_class;
pub mod explain;
pub mod memory;
pub mod observe;
pub mod udf;
mod sql;
pub mod tables;
mod values;
mod constants;

use crate::analysis::{builder, Conf};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::plan::LocalData;
use crate::ir::udf::UdfDef;
use crate::ir::{FileFormat, Plan, StructField};
use crate::lowering::{CacheStore, PlanLowering};
use polars::prelude::{self as pl, col, Engine};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};

/// Conf keys with meaning to PyRust, and their defaults.
pub const ANSI: &str = "spark.sql.ansi.enabled";
pub const CASE_SENSITIVE: &str = "spark.sql.caseSensitive";
pub const TIME_ZONE: &str = "spark.sql.session.timeZone";
pub const MAP_KEY_DEDUP_POLICY: &str = "spark.sql.mapKeyDedupPolicy";
pub const LEGACY_NEGATIVE_ARRAY_INSERT: &str = "spark.sql.legacy.negativeIndexInArrayInsert";
/// `streaming` (default) or `in-memory`: which Polars engine runs plans.
pub const ENGINE: &str = "pyrust.engine";

#[derive(Default)]
pub struct Session {
    conf: RwLock<BTreeMap<String, String>>,
    pub cache: CacheStore,
    pub catalog: catalog::Catalog,
    /// `spark.udf.register`: Python functions callable by name from SQL text.
    udfs: RwLock<Arc<BTreeMap<String, UdfDef>>>,
    /// `observe`'s metrics, per observation.
    pub observed: observe::ObservedStore,
    /// Python's UDTFs for SQL's lateral calls (`spark.udtf.register`).
    table_functions: RwLock<Option<Arc<dyn udf::TableFunctionResolver>>>,
    /// What writes Parquet part files holding a MAP column (pyarrow, set by Python).
    parquet_map_writer: RwLock<Option<Arc<dyn crate::io::write::ParquetPartWriter>>>,
}

fn is_true(v: Option<&String>, default: bool) -> bool {
    v.map(|s| s.eq_ignore_ascii_case("true")).unwrap_or(default)
}

impl Session {
    pub fn new() -> Self {
        Session { conf: RwLock::new(BTreeMap::new()), cache: Mutex::new(HashMap::new()), catalog: catalog::Catalog::default(), udfs: Default::default(), observed: Default::default(), table_functions: Default::default(), parquet_map_writer: Default::default() }
    }

    /// Where Parquet writes of MAP columns go (set once by Python).
    pub fn set_parquet_map_writer(&self, writer: Arc<dyn crate::io::write::ParquetPartWriter>) {
        if let Ok(mut w) = self.parquet_map_writer.write() {
            *w = Some(writer);
        }
    }

    /// Where SQL finds Python table functions joined laterally (set once by Python).
    pub fn set_table_function_resolver(&self, resolver: Arc<dyn udf::TableFunctionResolver>) {
        if let Ok(mut r) = self.table_functions.write() {
            *r = Some(resolver);
        }
    }

    pub fn table_function_resolver(&self) -> Option<Arc<dyn udf::TableFunctionResolver>> {
        self.table_functions.read().ok()?.clone()
    }

    /// Registers (or replaces) a Python function under `name` for SQL text.
    pub fn register_udf(&self, name: &str, def: UdfDef) {
        if let Ok(mut u) = self.udfs.write() {
            Arc::make_mut(&mut u).insert(name.to_lowercase(), def);
        }
    }

    pub fn set_conf(&self, key: &str, value: &str) {
        if let Ok(mut c) = self.conf.write() {
            c.insert(key.to_string(), value.to_string());
        }
    }

    pub fn unset_conf(&self, key: &str) {
        if let Ok(mut c) = self.conf.write() {
            c.remove(key);
        }
    }

    pub fn get_conf(&self, key: &str) -> Option<String> {
        self.conf.read().ok()?.get(key).cloned()
    }

    pub fn all_conf(&self) -> Vec<(String, String)> {
        self.conf.read().map(|c| c.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default()
    }

    /// The settings analysis and lowering read, as they are now.
    pub fn analysis_conf(&self) -> Conf {
        let c = self.conf.read().expect("conf lock");
        Conf {
            case_sensitive: is_true(c.get(CASE_SENSITIVE), false),
            ansi: is_true(c.get(ANSI), true),
            session_time_zone: c.get(TIME_ZONE).cloned().unwrap_or_else(|| "UTC".into()),
            map_key_last_win: c.get(MAP_KEY_DEDUP_POLICY).is_some_and(|p| p.eq_ignore_ascii_case("LAST_WIN")),
            legacy_negative_array_insert: is_true(c.get(LEGACY_NEGATIVE_ARRAY_INSERT), false),
            udfs: self.udfs.read().map(|u| u.clone()).unwrap_or_default(),
            storage: Arc::new(crate::io::location::Storage::from_conf(c.iter())),
            constants: Some(constants::evaluate),
        }
    }

    fn engine(&self) -> Engine {
        match self.get_conf(ENGINE).as_deref() {
            Some("in-memory") | Some("in_memory") => Engine::InMemory,
            _ => Engine::Streaming,
        }
    }

    /// Wraps an in-memory DataFrame (columns in schema order) as a plan.
    pub fn create_local(&self, mut df: pl::DataFrame, fields: &[StructField]) -> Result<Plan> {
        let attrs = builder::attributes_for(fields);
        let names: Vec<pl::PlSmallStr> = attrs.iter().map(|a| a.engine_name().as_str().into()).collect();
        df.set_column_names(&names)?;
        Ok(builder::local(attrs, LocalData(Arc::new(df))))
    }

    /// `spark.read.<format>(paths)`: the schema is fixed now, as Spark's readers do.
    pub fn read(&self, format: FileFormat, paths: Vec<String>, options: BTreeMap<String, String>, schema: Option<Vec<StructField>>) -> Result<Plan> {
        if paths.is_empty() {
            // Spark names the source as its FileFormat's toString: CSV, JSON, Parquet.
            let shown = if format == FileFormat::Parquet { "Parquet".to_string() } else { format.name().to_uppercase() };
            return Err(Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", format!("Unable to infer schema for {shown}. It must be specified manually.")));
        }
        // The session's read settings ride along as the options they default.
        let options = crate::io::session_options(format, options, |key| self.get_conf(key));
        let conf = self.analysis_conf();
        let read_conf = crate::io::ReadConf {
            case_sensitive: conf.case_sensitive,
            partition_type_inference: is_true(self.get_conf("spark.sql.sources.partitionColumnTypeInference.enabled").as_ref(), true),
            session_time_zone: conf.session_time_zone,
        };
        let schema = crate::io::read_schema(format, &paths, &options, schema, &read_conf, &conf.storage)?;
        Ok(builder::scan(format, paths, options, schema))
    }

    /// `df.write....save(path)`: checked before the query runs, then the rows computed
    /// and written under the save mode (`io::write`).
    pub fn write(&self, plan: &Plan, spec: &crate::io::write::WriteSpec) -> Result<()> {
        use crate::io::write::{prepare, write, Plan as WritePlan, WriteContext};
        // Session settings that a write's own option overrides.
        let mut spec = spec.clone();
        for (key, option) in [("spark.sql.files.maxRecordsPerFile", "maxRecordsPerFile"), ("spark.sql.sources.partitionOverwriteMode", "partitionOverwriteMode")] {
            if let Some(value) = self.get_conf(key) {
                if !spec.options.keys().any(|k| k.eq_ignore_ascii_case(option)) {
                    spec.options.insert(option.into(), value);
                }
            }
        }
        let spec = &spec;
        let conf = self.analysis_conf();
        // With their metadata: Parquet files carry it in Spark's footer schema.
        let fields: Vec<StructField> =
            plan.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable).with_metadata(a.metadata.clone())).collect();
        let ctx = WriteContext { session_time_zone: &conf.session_time_zone, case_sensitive: conf.case_sensitive, storage: &conf.storage };
        if let WritePlan::Skip = prepare(spec, &fields, &plan.scanned_paths(), &ctx)? {
            return Ok(());
        }
        if spec.format == FileFormat::Parquet && fields.iter().any(|f| crate::io::parquet::holds_map(&f.data_type)) {
            return self.write_map_parquet(plan, spec, &fields, &ctx);
        }
        if crate::io::write::streams(spec.format) && !fields.is_empty() {
            match self.write_streaming(plan, spec, &fields, &ctx) {
                // A row error over small inputs: the collected path below reports the
                // row Spark reports (see `collect`); the failed attempt left nothing.
                Err(_) if has_small_inputs(plan) => {}
                done => return done,
            }
        }
        let mut df = self.execute(plan)?;
        if df.width() == fields.len() {
            let names: Vec<pl::PlSmallStr> = fields.iter().map(|f| f.name.as_str().into()).collect();
            df.set_column_names(&names)?;
        }
        write(spec, df, &fields, &ctx)
    }

    /// `write` of Parquet with a MAP column: the rows computed, each part file written by
    /// the session's `ParquetPartWriter`, laid out and committed as any other write.
    fn write_map_parquet(&self, plan: &Plan, spec: &crate::io::write::WriteSpec, fields: &[StructField], ctx: &crate::io::write::WriteContext) -> Result<()> {
        let writer = self.parquet_map_writer.read().ok().and_then(|w| w.clone());
        let Some(writer) = writer else {
            return crate::io::parquet::check_writable(fields);
        };
        let rows = || -> Result<pl::DataFrame> {
            let mut df = self.execute(plan)?;
            if df.width() == fields.len() {
                let names: Vec<pl::PlSmallStr> = fields.iter().map(|f| f.name.as_str().into()).collect();
                df.set_column_names(&names)?;
            }
            Ok(df)
        };
        let codec = crate::io::parquet::codec(&spec.options);
        let ext = crate::io::parquet::file_extension(&spec.options);
        let write_part = |df: pl::DataFrame, data: &[StructField], path: &std::path::Path| writer.write_part(df, data, &codec, path);
        crate::io::write::write_external(spec, "parquet", crate::io::parquet::OPTIONS, &ext, rows, fields, &plan.scanned_paths(), ctx, write_part)
    }

    /// `write` through the streaming engine's sinks (the columns under their user names).
    fn write_streaming(&self, plan: &Plan, spec: &crate::io::write::WriteSpec, fields: &[StructField], ctx: &crate::io::write::WriteContext) -> Result<()> {
        let lf = self.lazy_frame(plan)?;
        let named: Vec<pl::Expr> = plan.output.iter().zip(fields).map(|(a, f)| col(a.engine_name().as_str()).alias(f.name.as_str())).collect();
        crate::io::write::write_stream(spec, lf.select(named), fields, ctx)?;
        self.collect_metrics(plan)
    }

    pub fn lazy_frame(&self, plan: &Plan) -> Result<pl::LazyFrame> {
        let conf = self.analysis_conf();
        let optimized = crate::optimize::optimize(&Arc::new(plan.clone()));
        let lf = PlanLowering::of(&conf, &self.cache, &optimized).lower(&optimized)?;
        if plan.output.is_empty() {
            return Ok(lf); // only the height marker: see `execute`
        }
        let cols: Vec<pl::Expr> = plan.output.iter().map(|a| col(a.engine_name().as_str())).collect();
        Ok(lf.select(cols))
    }

    /// Runs a plan. The result's columns are the plan's output, in order, under
    /// their engine names (user-facing names may repeat; engine names never do).
    pub fn execute(&self, plan: &Plan) -> Result<pl::DataFrame> {
        let lf = self.lazy_frame(plan)?;
        let result = self.collect(lf, plan)?;
        self.collect_metrics(plan)?;
        if plan.output.is_empty() {
            // Rows without columns (`select()`, dropping every column).
            return Ok(pl::DataFrame::empty_with_height(result.height()));
        }
        Ok(result)
    }

    /// Rows of a plan without computing its columns: Spark prunes every column a
    /// count does not need (projections are not evaluated; filters, generators and
    /// joins still decide the rows).
    pub fn count(&self, plan: &Plan) -> Result<usize> {
        let conf = self.analysis_conf();
        let optimized = crate::optimize::optimize(&Arc::new(plan.clone()));
        let lf = PlanLowering::of(&conf, &self.cache, &optimized).lower(&optimized)?.select([pl::len().alias("count")]);
        let result = self.collect(lf, plan)?;
        self.collect_metrics(plan)?;
        let n = result.column("count")?.get(0)?.extract::<u64>().ok_or_else(|| Error::internal("count is not a number"))?;
        Ok(n as usize)
    }

    /// Runs a lowered plan on the session's engine. The streaming engine evaluates the
    /// morsels of a column in parallel, so when several rows fail a row check (an ANSI
    /// cast, overflow...) whichever fails first in time is reported; Spark, on the one
    /// partition a small local frame has, reports the first row. A row error over small
    /// in-memory inputs is therefore re-run on the in-memory engine, which sees each
    /// column whole, to report that row. Large or file inputs are not re-run (their
    /// order in Spark depends on the partitioning too), nor Python UDF errors (the
    /// function would run twice).
    fn collect(&self, lf: pl::LazyFrame, plan: &Plan) -> Result<pl::DataFrame> {
        let engine = self.engine();
        match lf.clone().collect_with_engine(engine) {
            Ok(result) => Ok(result.unwrap_single()),
            Err(e) if is_row_error(&e) && has_small_inputs(plan) => {
                let first = match engine {
                    Engine::Streaming => match lf.collect_with_engine(Engine::InMemory) {
                        Err(first) if is_row_error(&first) => first,
                        _ => return Err(e.into()),
                    },
                    _ => e,
                };
                Err(self.first_failing_column(plan).unwrap_or(first).into())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The row error of the first failing column of a projection. Polars evaluates a
    /// select's expressions in parallel and reports whichever fails first in time;
    /// Spark evaluates them in projection order, so when several columns fail it
    /// names the first. Each column is re-run alone, in order (small inputs only).
    fn first_failing_column(&self, plan: &Plan) -> Option<pl::PolarsError> {
        let crate::ir::PlanNode::Project { input, exprs } = &plan.node else { return None };
        if exprs.len() < 2 || exprs.len() != plan.output.len() {
            return None;
        }
        for (expr, attribute) in exprs.iter().zip(&plan.output) {
            let node = crate::ir::PlanNode::Project { input: input.clone(), exprs: vec![expr.clone()] };
            let single = Plan { plan_id: plan.plan_id, node, output: vec![attribute.clone()] };
            match self.lazy_frame(&single).ok()?.collect_with_engine(Engine::InMemory) {
                Err(err) if is_row_error(&err) => return Some(err),
                _ => {}
            }
        }
        None
    }

    /// Marks a cache key live: the plan's rows are kept from its first use on.
    pub fn register_cache(&self, key: u64) {
        if let Ok(mut c) = self.cache.lock() {
            c.entry(key).or_insert(None);
        }
    }

    pub fn is_cache_live(&self, key: u64) -> bool {
        self.cache.lock().is_ok_and(|c| c.contains_key(&key))
    }

    pub fn clear_cache(&self, key: Option<u64>) {
        if let Ok(mut c) = self.cache.lock() {
            match key {
                Some(k) => {
                    c.remove(&k);
                }
                None => c.clear(),
            }
        }
    }

    /// `explain()`: the analysed plan. Extended (`explain(True)`, `EXPLAIN EXTENDED`), as
    /// Spark's sections: the analysed plan under its schema, the plan the optimizer
    /// rewrote (what runs), and the Polars plan it lowers to, after Polars' own optimizer.
    pub fn explain(&self, plan: &Plan, extended: bool) -> Result<String> {
        if !extended {
            return Ok(format!("== PyRust Plan ==\n{}", explain::tree(plan)));
        }
        let schema: Vec<String> = plan.output.iter().map(|a| format!("{}: {}", a.name, a.data_type.simple_string())).collect();
        let optimized = crate::optimize::optimize(&Arc::new(plan.clone()));
        let mut out = format!("== Analyzed Logical Plan ==\n{}\n{}", schema.join(", "), explain::tree(plan));
        out += &format!("\n== Optimized Logical Plan ==\n{}", explain::tree(&optimized));
        out += "\n== Polars Plan (optimized) ==\n";
        out += &self.lazy_frame(plan)?.describe_optimized_plan()?;
        out += "\n";
        Ok(out)
    }
}

/// A Spark row error raised by a check while the plan ran (not a Python UDF's).
fn is_row_error(e: &pl::PolarsError) -> bool {
    crate::compat::errors::decode_runtime_error(&e.to_string()).is_some_and(|err| err.kind != ErrorKind::Python)
}

/// Whether every input of the plan is in-memory data of at most 100,000 rows (cheap
/// to run a second time).
fn has_small_inputs(plan: &Plan) -> bool {
    use crate::ir::plan::PlanNode;
    use crate::ir::tree::Recursion;
    const SMALL: usize = 100_000;
    let mut small = true;
    plan.apply(&mut |p| {
        small &= match &p.node {
            PlanNode::Local { data } => data.0.downcast_ref::<pl::DataFrame>().is_some_and(|df| df.height() <= SMALL),
            PlanNode::Range { start, end, step } => (*end as i128 - *start as i128).unsigned_abs() / (*step as i128).unsigned_abs().max(1) <= SMALL as u128,
            // A Python function is not run twice: it may have effects, or be slow.
            PlanNode::Scan { .. } | PlanNode::Cache { .. } | PlanNode::PythonTable { .. } => false,
            _ => true,
        };
        if small { Recursion::Continue } else { Recursion::Stop }
    });
    small
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::new_plan_id;
    use crate::ir::{BinaryOp, DataType, Expr, Value};
    use polars::prelude::{Column, DataFrame};
    use std::sync::Arc;

    fn people(session: &Session) -> Arc<Plan> {
        let df = DataFrame::new(
            3,
            vec![
                Column::new("a".into(), [Some(1i32), Some(2), None]),
                Column::new("b".into(), [Some("x"), None, Some("z")]),
            ],
        )
        .unwrap();
        let fields = vec![StructField::new("id", DataType::Integer, true), StructField::new("name", DataType::String, true)];
        Arc::new(session.create_local(df, &fields).unwrap())
    }

    #[test]
    fn projection_names_and_types() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let plan = builder::project(
            people(&s),
            vec![Expr::binary(BinaryOp::Add, Expr::col("ID"), Expr::lit(Value::Integer(1)))],
            &conf,
            new_plan_id(),
        )
        .unwrap();
        assert_eq!(plan.output[0].name, "(ID + 1)");
        assert_eq!(plan.output[0].data_type, DataType::Integer);
        let out = s.execute(&plan).unwrap();
        let values: Vec<Option<i32>> = out.columns()[0].i32().unwrap().iter().collect();
        assert_eq!(values, vec![Some(2), Some(3), None]);
    }

    #[test]
    fn sort_puts_nulls_where_spark_does() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let asc = builder::sort(people(&s), vec![Expr::col("id")], &conf, new_plan_id()).unwrap();
        let ids: Vec<Option<i32>> = s.execute(&asc).unwrap().columns()[0].i32().unwrap().iter().collect();
        assert_eq!(ids, vec![None, Some(1), Some(2)]);
        let desc_key = Expr::Sort(Box::new(crate::ir::SortKey { expr: Expr::col("id"), ascending: false, nulls_first: false }));
        let desc = builder::sort(people(&s), vec![desc_key], &conf, new_plan_id()).unwrap();
        let ids: Vec<Option<i32>> = s.execute(&desc).unwrap().columns()[0].i32().unwrap().iter().collect();
        assert_eq!(ids, vec![Some(2), Some(1), None]);
    }

    #[test]
    fn sum_of_no_rows_is_null_and_count_is_zero() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let none = builder::filter(people(&s), Expr::lit(Value::Boolean(false)), &conf, new_plan_id()).unwrap();
        let agg = builder::aggregate(
            Arc::new(none),
            vec![],
            vec![Expr::func("sum", vec![Expr::col("id")]), Expr::func("count", vec![Expr::col("id")])],
            &conf,
            new_plan_id(),
        )
        .unwrap();
        assert_eq!(agg.output[0].data_type, DataType::Long);
        let out = s.execute(&agg).unwrap();
        assert_eq!(out.columns()[0].get(0).unwrap(), polars::prelude::AnyValue::Null);
        assert_eq!(out.columns()[1].get(0).unwrap(), polars::prelude::AnyValue::Int64(0));
    }

    #[test]
    fn ansi_division_by_zero_fails_with_spark_error() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let div = Expr::binary(BinaryOp::Divide, Expr::col("id"), Expr::lit(Value::Integer(0)));
        let plan = builder::project(people(&s), vec![div.clone()], &conf, new_plan_id()).unwrap();
        let err = s.execute(&plan).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("DIVIDE_BY_ZERO"));
        s.set_conf(ANSI, "false");
        let conf = s.analysis_conf();
        let plan = builder::project(people(&s), vec![div], &conf, new_plan_id()).unwrap();
        assert_eq!(s.execute(&plan).unwrap().columns()[0].null_count(), 3);
    }

    #[test]
    fn unknown_column_is_an_analysis_error() {
        let s = Session::new();
        let err = builder::project(people(&s), vec![Expr::col("nope")], &s.analysis_conf(), new_plan_id()).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
    }

    #[test]
    fn self_join_reinstances_the_right_side() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let p = people(&s);
        let join = builder::join(p.clone(), p, builder::JoinOn::Using(vec!["id".into()]), crate::ir::JoinType::Inner, &conf, new_plan_id()).unwrap();
        let names: Vec<&str> = join.output.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["id", "name", "name"]);
        let ids: std::collections::HashSet<u64> = join.output.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(s.execute(&join).unwrap().height(), 2);
    }

    #[test]
    fn explain_shows_the_tree() {
        let s = Session::new();
        let conf = s.analysis_conf();
        let plan = builder::filter(people(&s), Expr::IsNotNull(Box::new(Expr::col("name"))), &conf, new_plan_id()).unwrap();
        let text = s.explain(&plan, false).unwrap();
        assert!(text.starts_with("== PyRust Plan ==\nFilter (name IS NOT NULL)\n+- LocalRelation"), "{text}");
        let text = s.explain(&plan, true).unwrap();
        assert!(text.starts_with("== Analyzed Logical Plan ==\nid: int, name: string\nFilter (name IS NOT NULL)\n+- LocalRelation"), "{text}");
        assert!(text.contains("\n== Optimized Logical Plan ==\nFilter (name IS NOT NULL)\n"), "{text}");
        assert!(text.contains("== Polars Plan (optimized) =="));
    }
}

