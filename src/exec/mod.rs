//! Session state and execution: configuration, in-memory data, cached results, and
//! running plans on the chosen Polars engine.

pub mod explain;

use crate::analysis::{builder, Conf};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::plan::LocalData;
use crate::ir::{FileFormat, Plan, StructField};
use crate::lowering::{scan, CacheStore, PlanLowering};
use polars::prelude::{self as pl, col, Engine};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};

/// Conf keys with meaning to PyRust, and their defaults.
pub const ANSI: &str = "spark.sql.ansi.enabled";
pub const CASE_SENSITIVE: &str = "spark.sql.caseSensitive";
pub const TIME_ZONE: &str = "spark.sql.session.timeZone";
/// `streaming` (default) or `in-memory`: which Polars engine runs plans.
pub const ENGINE: &str = "pyrust.engine";

#[derive(Default)]
pub struct Session {
    conf: RwLock<BTreeMap<String, String>>,
    pub cache: CacheStore,
}

fn is_true(v: Option<&String>, default: bool) -> bool {
    v.map(|s| s.eq_ignore_ascii_case("true")).unwrap_or(default)
}

impl Session {
    pub fn new() -> Self {
        Session { conf: RwLock::new(BTreeMap::new()), cache: Mutex::new(HashMap::new()) }
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
            return Err(Error::new(ErrorKind::Analysis, "UNABLE_TO_INFER_SCHEMA", format!("Unable to infer schema for {}. It must be specified manually.", format.name().to_uppercase())));
        }
        let schema = match schema {
            Some(s) => s,
            None => scan::infer_schema(format, &paths, &options)?,
        };
        Ok(builder::scan(format, paths, options, schema))
    }

    pub fn lazy_frame(&self, plan: &Plan) -> Result<pl::LazyFrame> {
        let conf = self.analysis_conf();
        let lowering = PlanLowering { conf: &conf, cache: &self.cache };
        let lf = lowering.lower(plan)?;
        let cols: Vec<pl::Expr> = plan.output.iter().map(|a| col(a.engine_name().as_str())).collect();
        Ok(lf.select(cols))
    }

    /// Runs a plan. The result's columns are the plan's output, in order, under
    /// their engine names (user-facing names may repeat; engine names never do).
    pub fn execute(&self, plan: &Plan) -> Result<pl::DataFrame> {
        let lf = self.lazy_frame(plan)?;
        let result = lf.collect_with_engine(self.engine())?;
        Ok(result.unwrap_single())
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

    pub fn explain(&self, plan: &Plan, extended: bool) -> Result<String> {
        let mut out = format!("== PyRust Plan ==\n{}", explain::tree(plan));
        if extended {
            let lf = self.lazy_frame(plan)?;
            out += "\n== Polars Plan (optimized) ==\n";
            out += &lf.describe_optimized_plan()?;
            out += "\n";
        }
        Ok(out)
    }
}
