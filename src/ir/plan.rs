//! Logical plans. Every node carries the plan id of the DataFrame that made it
//! (so `df["x"]` can find its origin) and its output attributes, computed once by
//! the analyzer when the node is built.

use super::expr::{Attribute, Expr, SortKey};
use super::types::{DataType, StructField};
use super::udf::UdfHandle;
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOpKind {
    Intersect,
    Except,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinType {
    Inner,
    Left,
    Right,
    Full,
    LeftSemi,
    LeftAnti,
    Cross,
}

impl JoinType {
    /// Spark's accepted spellings of `how`.
    pub fn parse(how: &str) -> Option<JoinType> {
        Some(match how.to_ascii_lowercase().replace('_', "").as_str() {
            "inner" => JoinType::Inner,
            "left" | "leftouter" => JoinType::Left,
            "right" | "rightouter" => JoinType::Right,
            "full" | "outer" | "fullouter" => JoinType::Full,
            "semi" | "leftsemi" => JoinType::LeftSemi,
            "anti" | "leftanti" => JoinType::LeftAnti,
            "cross" => JoinType::Cross,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Parquet,
    Json,
    Text,
}

impl FileFormat {
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Parquet => "parquet",
            FileFormat::Json => "json",
            FileFormat::Text => "text",
        }
    }
}

/// An expression computed into a new (or passed-through) output attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedExpr {
    pub expr: Expr,
    pub attr: Attribute,
}

/// `GROUP BY GROUPING SETS`: the aggregation runs once per set (indexes into the
/// keys); keys outside a set are NULL there, and `id` carries Spark's grouping id
/// (bit i set when key i is not in the set, the first key the highest bit).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupingSets {
    pub sets: Vec<Vec<usize>>,
    pub id: Attribute,
}

/// Rows held in memory by the session; the engine layer knows the concrete type.
#[derive(Clone)]
pub struct LocalData(pub Arc<dyn Any + Send + Sync>);

impl std::fmt::Debug for LocalData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Which rows: two relations of the same attributes are the same only if this is.
        write!(f, "LocalData@{:p}", Arc::as_ptr(&self.0))
    }
}

#[derive(Debug, Clone)]
pub enum PlanNode {
    /// In-memory rows, one engine column per output attribute.
    Local { data: LocalData },
    Range { start: i64, end: i64, step: i64 },
    /// `metadata`: Spark's `_metadata` struct of each row's file appended as the last
    /// output column (`analysis::file_metadata` adds it where a query reads it).
    Scan { format: FileFormat, paths: Vec<String>, options: BTreeMap<String, String>, schema: Vec<StructField>, metadata: bool },
    Project { input: Arc<Plan>, exprs: Vec<NamedExpr> },
    Filter { input: Arc<Plan>, condition: Expr },
    Aggregate { input: Arc<Plan>, keys: Vec<NamedExpr>, aggs: Vec<NamedExpr>, grouping_sets: Option<GroupingSets> },
    /// Window expressions over the input, appended to its columns (Spark's Window
    /// operator): every expression shares one PARTITION BY and ORDER BY.
    Window { input: Arc<Plan>, exprs: Vec<NamedExpr> },
    /// A generator's rows, each joined to the input row that produced it (Spark's
    /// Generate): `explode`, `posexplode`, `inline`, `stack`. `outer` keeps input rows
    /// that generate nothing, with NULLs.
    Generate { input: Arc<Plan>, generator: Expr, outer: bool, generated: Vec<Attribute> },
    Sort { input: Arc<Plan>, keys: Vec<SortKey> },
    Limit { input: Arc<Plan>, n: usize },
    Offset { input: Arc<Plan>, n: usize },
    /// `sample(withReplacement=True)`: each row repeated as Spark's Poisson sampler draws.
    SampleWithReplacement { input: Arc<Plan>, fraction: f64, seed: i64 },
    /// `observe(observation, *metrics)`: its rows unchanged; an action over it also
    /// computes `metrics` (a global aggregate of `input`) for observation `key`.
    CollectMetrics { input: Arc<Plan>, key: u64, metrics: Arc<Plan> },
    /// Rows unique over `keys` (all columns for `distinct`); the first row of each group is kept.
    Deduplicate { input: Arc<Plan>, keys: Vec<Attribute> },
    Join {
        left: Arc<Plan>,
        right: Arc<Plan>,
        join_type: JoinType,
        /// Equi-join keys (left expr, right expr, null-safe).
        keys: Vec<(Expr, Expr, bool)>,
        /// What is left of the condition after the equi-keys are taken out.
        residual: Option<Expr>,
        /// Output columns: for USING joins the coalesced keys come first.
        output: Vec<NamedExpr>,
    },
    /// UNION ALL by position; inputs are already projected to the output types.
    Union { inputs: Vec<Arc<Plan>> },
    /// INTERSECT or EXCEPT by position over whole rows (NULLs equal, NaN equal, -0.0
    /// as 0.0); both inputs already projected to the output types. `all` keeps
    /// multiplicities (`intersectAll`, `exceptAll`), otherwise the result is distinct.
    SetOp { left: Arc<Plan>, right: Arc<Plan>, kind: SetOpKind, all: bool },
    /// `df.alias("t")`: only changes qualifiers.
    SubqueryAlias { input: Arc<Plan>, alias: String },
    /// `cache()`: marks where the session may keep materialised results.
    Cache { input: Arc<Plan>, key: u64 },
    /// Rows a Python function computes from all of its inputs' rows (`mapInPandas`,
    /// `applyInPandas`, cogroups, UDTFs): opaque to the optimiser, run when the plan runs.
    PythonTable { inputs: Vec<Arc<Plan>>, function: UdfHandle },
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The plan id of the DataFrame this node belongs to.
    pub plan_id: u64,
    pub node: PlanNode,
    pub output: Vec<Attribute>,
}

impl Plan {
    pub fn children(&self) -> Vec<&Arc<Plan>> {
        match &self.node {
            PlanNode::Local { .. } | PlanNode::Range { .. } | PlanNode::Scan { .. } => vec![],
            PlanNode::Project { input, .. }
            | PlanNode::Filter { input, .. }
            | PlanNode::Aggregate { input, .. }
            | PlanNode::Sort { input, .. }
            | PlanNode::Limit { input, .. }
            | PlanNode::Offset { input, .. }
            | PlanNode::SampleWithReplacement { input, .. }
            | PlanNode::CollectMetrics { input, .. }
            | PlanNode::Deduplicate { input, .. }
            | PlanNode::SubqueryAlias { input, .. }
            | PlanNode::Window { input, .. }
            | PlanNode::Generate { input, .. }
            | PlanNode::Cache { input, .. } => vec![input],
            PlanNode::Join { left, right, .. } | PlanNode::SetOp { left, right, .. } => vec![left, right],
            PlanNode::Union { inputs } | PlanNode::PythonTable { inputs, .. } => inputs.iter().collect(),
        }
    }

    /// The Spark schema of the output.
    pub fn schema(&self) -> DataType {
        DataType::Struct(
            self.output.iter().map(|a| StructField::new(a.name.clone(), a.data_type.clone(), a.nullable)).collect(),
        )
    }

    /// The same node over other inputs (as many as it has children, in order).
    pub fn with_inputs(&self, mut inputs: Vec<Arc<Plan>>) -> Plan {
        let mut node = self.node.clone();
        match &mut node {
            PlanNode::Local { .. } | PlanNode::Range { .. } | PlanNode::Scan { .. } => {}
            PlanNode::Project { input, .. }
            | PlanNode::Filter { input, .. }
            | PlanNode::Aggregate { input, .. }
            | PlanNode::Sort { input, .. }
            | PlanNode::Limit { input, .. }
            | PlanNode::Offset { input, .. }
            | PlanNode::SampleWithReplacement { input, .. }
            | PlanNode::CollectMetrics { input, .. }
            | PlanNode::Deduplicate { input, .. }
            | PlanNode::SubqueryAlias { input, .. }
            | PlanNode::Window { input, .. }
            | PlanNode::Generate { input, .. }
            | PlanNode::Cache { input, .. } => *input = inputs.remove(0),
            PlanNode::Join { left, right, .. } | PlanNode::SetOp { left, right, .. } => {
                *right = inputs.pop().expect("two inputs");
                *left = inputs.pop().expect("two inputs");
            }
            PlanNode::Union { inputs: old } | PlanNode::PythonTable { inputs: old, .. } => *old = inputs,
        }
        Plan { plan_id: self.plan_id, node, output: self.output.clone() }
    }

    /// Rewrites the plan bottom-up: inputs first, then `f` on each node.
    pub fn transform_up<E>(self: &Arc<Plan>, f: &mut dyn FnMut(Arc<Plan>) -> Result<Arc<Plan>, E>) -> Result<Arc<Plan>, E> {
        let children = self.children();
        let node = if children.is_empty() {
            self.clone()
        } else {
            let inputs = children.into_iter().map(|c| c.transform_up(&mut *f)).collect::<Result<Vec<_>, E>>()?;
            Arc::new(self.with_inputs(inputs))
        };
        f(node)
    }

    /// Finds the node of a given plan id below (or at) this node.
    pub fn find_plan_id(&self, plan_id: u64) -> Option<&Plan> {
        if self.plan_id == plan_id {
            return Some(self);
        }
        self.children().into_iter().find_map(|c| c.find_plan_id(plan_id))
    }
}
