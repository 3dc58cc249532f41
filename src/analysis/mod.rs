//! Analysis: resolves names to attributes, types expressions with Spark's coercion
//! rules, names computed columns as Spark does, and builds checked plan nodes.
//! Everything here runs when a DataFrame method is called, never at execution.

pub mod builder;
pub mod col_regex;
pub mod file_metadata;
pub mod column_metadata;
pub mod coercion;
pub mod functions;
pub mod generators;
pub mod grouping;
pub mod naming;
pub mod nesting;
pub mod null_propagation;
pub mod observe;
pub mod resolve;
pub mod semantics;
pub mod set_ops;
pub mod summary;
pub mod to_schema;
pub mod transpose;
pub mod typing;
pub mod unpivot;
pub mod update_fields;
pub mod windows;
pub mod lateral;
pub mod lateral_alias;
pub mod subquery;

use std::sync::atomic::{AtomicU64, Ordering};

/// The session settings analysis depends on.
#[derive(Debug, Clone)]
pub struct Conf {
    pub case_sensitive: bool,
    pub ansi: bool,
    pub session_time_zone: String,
    /// `spark.sql.mapKeyDedupPolicy=LAST_WIN`: a repeated map key takes the last
    /// value (at the first key's place) instead of failing with `DUPLICATED_MAP_KEY`.
    pub map_key_last_win: bool,
    /// `spark.sql.legacy.negativeIndexInArrayInsert`: `array_insert(a, -1, x)` puts x
    /// before the last element (Spark 3.3's behaviour) instead of after it.
    pub legacy_negative_array_insert: bool,
    /// Python functions registered for SQL (`spark.udf.register`), by lowercase name.
    pub udfs: std::sync::Arc<std::collections::BTreeMap<String, crate::ir::udf::UdfDef>>,
    /// The object-store settings (`spark.hadoop.fs.s3a.*`, ...) reads and writes use.
    pub storage: std::sync::Arc<crate::io::location::Storage>,
    /// Computes a constant expression while analysing, as Spark does for a few
    /// arguments (`date_add`'s STRING day count with ANSI off); `exec` provides it.
    pub constants: Option<ConstantEvaluator>,
}

/// The value of a foldable expression, computed by the engine on one row.
pub type ConstantEvaluator = fn(&crate::ir::Expr, &Conf) -> crate::error::Result<crate::ir::Value>;

impl Default for Conf {
    fn default() -> Self {
        Conf {
            case_sensitive: false,
            ansi: true,
            session_time_zone: "UTC".into(),
            map_key_last_win: false,
            legacy_negative_array_insert: false,
            udfs: Default::default(),
            storage: Default::default(),
            constants: None,
        }
    }
}

impl Conf {
    pub fn names_equal(&self, a: &str, b: &str) -> bool {
        if self.case_sensitive { a == b } else { a.eq_ignore_ascii_case(b) }
    }
}

/// Where named relations (`FROM t`) come from: the session's catalog of views and
/// tables. Analysis asks; `exec` answers.
pub trait RelationSource {
    /// The plan of the relation named by `parts` (`t`, `db.t`, `global_temp.v`).
    fn relation(&self, parts: &[String]) -> crate::error::Result<std::sync::Arc<crate::ir::Plan>>;

    /// What runs the queries analysis needs (a PIVOT's values), when there is one.
    fn runner(&self) -> Option<&dyn grouping::QueryRunner> {
        None
    }

    /// The table function `name(args)` (a Python UDTF): with `left`, joined laterally
    /// with its rows (`left`'s columns then the function's); `None` when there is no
    /// such function.
    fn table_function(&self, _name: &str, _left: Option<std::sync::Arc<crate::ir::Plan>>, _args: Vec<crate::ir::Expr>) -> crate::error::Result<Option<crate::ir::Plan>> {
        Ok(None)
    }
}

static NEXT_ATTR_ID: AtomicU64 = AtomicU64::new(1);
static NEXT_PLAN_ID: AtomicU64 = AtomicU64::new(1);

/// A fresh attribute id, unique in the process.
pub fn new_attr_id() -> u64 {
    NEXT_ATTR_ID.fetch_add(1, Ordering::Relaxed)
}

/// A fresh plan id: one per DataFrame.
pub fn new_plan_id() -> u64 {
    NEXT_PLAN_ID.fetch_add(1, Ordering::Relaxed)
}
