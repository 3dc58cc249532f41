//! Expressions. One tree serves before and after analysis: the analyzer replaces
//! `Unresolved` columns by `Attr`s and checks functions against the registry.

use super::function::Func;
use super::types::DataType;
use super::udf::PythonUdf;
use super::value::Value;

/// A column produced by a plan: a unique id plus the name users see.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub id: u64,
    pub name: String,
    pub data_type: DataType,
    pub nullable: bool,
    /// The alias of the DataFrame it came from (`df.alias("t")`), for `t.col` lookups.
    pub qualifier: Option<String>,
    /// Its `StructField.metadata` (`withMetadata`, `alias(metadata=...)`): kept through
    /// plain references and renames, dropped by any expression over it, as Spark does.
    pub metadata: Metadata,
}

/// A column's metadata: the text of a non-empty JSON object as PySpark sent it
/// (`None` is Spark's empty `{}`); only Python reads its content.
pub type Metadata = Option<std::sync::Arc<str>>;

impl Attribute {
    /// The column name used inside Polars plans: unique, so joins and duplicate
    /// user-facing names never clash.
    pub fn engine_name(&self) -> String {
        engine_name(self.id)
    }
}

pub fn engine_name(id: u64) -> String {
    format!("#{id}")
}

/// A column name's parts as `col(name)` splits them (Spark's `parseAttributeName`):
/// `a.b` is two parts, backticks quote names with dots.
pub fn attribute_name_parts(name: &str) -> Vec<String> {
    let mut parts = vec![];
    let mut cur = String::new();
    let mut quoted = false;
    for c in name.chars() {
        match c {
            '`' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    parts.push(cur);
    parts
}

/// Which of Spark's conditional expressions a `CaseWhen` stands for. They answer alike
/// row by row, but Spark's `If` (SQL `if`, `F.expr("if(...)")`) has a name of its
/// own, `(IF(c, a, b))`, its own type errors, and is nullable when either value is,
/// where `CaseWhen` stops looking at a branch whose condition is the literal TRUE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseForm {
    CaseWhen,
    If,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    IntegralDivide,
    Modulo,
    Eq,
    NotEq,
    EqNullSafe,
    Lt,
    LtEq,
    Gt,
    GtEq,
    And,
    Or,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            BinaryOp::Multiply => "*",
            BinaryOp::Divide => "/",
            BinaryOp::IntegralDivide => "div",
            BinaryOp::Modulo => "%",
            BinaryOp::Eq => "=",
            BinaryOp::NotEq => "!=",
            BinaryOp::EqNullSafe => "<=>",
            BinaryOp::Lt => "<",
            BinaryOp::LtEq => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::GtEq => ">=",
            BinaryOp::And => "AND",
            BinaryOp::Or => "OR",
        }
    }
    pub fn is_arithmetic(self) -> bool {
        matches!(self, BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::Divide | BinaryOp::IntegralDivide | BinaryOp::Modulo)
    }
    pub fn is_comparison(self) -> bool {
        matches!(self, BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::EqNullSafe | BinaryOp::Lt | BinaryOp::LtEq | BinaryOp::Gt | BinaryOp::GtEq)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastKind {
    /// `cast`: ANSI (error on bad input) or legacy (NULL) by `spark.sql.ansi.enabled`.
    Cast,
    /// `try_cast`: NULL on bad input whatever the mode.
    Try,
    /// ANSI whatever `spark.sql.ansi.enabled` says: Spark's store-assignment casts
    /// (`DataFrame.to`), which fail on overflow in legacy mode too.
    Ansi,
    /// A cast written as a function in SQL (`date(x)`, `int(x)`: Spark's castAlias):
    /// `Cast` at run time, named as its input (Spark shows no cast it did not parse).
    Function,
    /// A cast analysis adds to coerce an operand (Spark's type coercion): `Cast` at run
    /// time, left out of SQL text as Spark's `toSQLExpr` leaves out every cast the user
    /// did not write (`array(0.5, 1.5)`, not `array(CAST(0.5 AS DECIMAL(2,1)), 1.5)`).
    Implicit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    pub expr: Expr,
    pub ascending: bool,
    pub nulls_first: bool,
}

/// Whether a window frame counts rows or compares ORDER BY values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    Rows,
    Range,
}

/// One end of a window frame.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameBound {
    UnboundedPreceding,
    CurrentRow,
    UnboundedFollowing,
    /// Rows (ROWS) or a value distance (RANGE) from the current row: negative precedes.
    Offset(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct WindowFrame {
    pub kind: FrameKind,
    pub start: FrameBound,
    pub end: FrameBound,
}

/// `OVER (PARTITION BY ... ORDER BY ... frame)`. Without a frame, Spark's default:
/// RANGE UNBOUNDED PRECEDING..CURRENT ROW with an ORDER BY, the whole partition without.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WindowSpec {
    pub partition_by: Vec<Expr>,
    pub order_by: Vec<SortKey>,
    pub frame: Option<WindowFrame>,
}

/// A resolved call of a function of the registry, with what analysis decided
/// about it: lowering and typing read these fields, never the name.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub func: Func,
    /// The name it was called by, lowercase (`ucase` for `upper`): Spark shows it.
    pub name: String,
    pub args: Vec<Expr>,
    pub distinct: bool,
    pub data_type: DataType,
    pub nullable: bool,
}

/// A variable of a lambda function (`x` in `x -> x + 1`). Analysis binds it to the
/// lambda that declares it: a unique id and the type of the values it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct LambdaVar {
    pub name: String,
    pub binding: Option<LambdaBinding>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LambdaBinding {
    pub id: u64,
    pub data_type: DataType,
    pub nullable: bool,
}

impl LambdaVar {
    /// The column name a bound variable has in the frames higher-order functions
    /// evaluate lambda bodies over (`compat::lambdas`).
    pub fn engine_name(&self) -> String {
        format!("\u{3bb}{}", self.binding.as_ref().map_or(0, |b| b.id))
    }
}

/// The plan id of an outer reference, `col("c").outer()`: a column of the DataFrame a
/// lateral join's other side is joined to (`analysis/lateral.rs` binds it).
pub const OUTER_PLAN_ID: u64 = u64::MAX;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A column named by the user, not yet resolved: `a`, `t.a`, or `df["a"]`
    /// (then tied to the plan id of `df`).
    Unresolved { parts: Vec<String>, plan_id: Option<u64> },
    /// `*`, `t.*` or `df["*"]`.
    Star { qualifier: Option<String>, plan_id: Option<u64> },
    /// A resolved column.
    Attr(Attribute),
    Literal(Value),
    /// `expr AS name`; `metadata` is `alias(name, metadata=...)`'s (`None` keeps a
    /// plain column's own, as Spark's `Alias` does).
    Alias { expr: Box<Expr>, name: String, metadata: Metadata },
    Cast { expr: Box<Expr>, to: DataType, kind: CastKind },
    Binary { op: BinaryOp, left: Box<Expr>, right: Box<Expr> },
    Not(Box<Expr>),
    Negate(Box<Expr>),
    IsNull(Box<Expr>),
    IsNotNull(Box<Expr>),
    In { expr: Box<Expr>, list: Vec<Expr> },
    /// `CASE WHEN c THEN v ... ELSE o END`, or Spark's `If` (`form`: `IF(c, a, b)` is one
    /// branch and an ELSE, evaluated alike but named, typed and checked as Spark's `If`).
    CaseWhen { branches: Vec<(Expr, Expr)>, otherwise: Option<Box<Expr>>, form: CaseForm },
    /// A call of a function by name, as written; analysis turns it into a `Call`.
    Function { name: String, args: Vec<Expr>, distinct: bool },
    /// A resolved function call.
    Call(Box<Call>),
    /// A sort key inside an expression list (`col.desc()`), only valid in `orderBy`.
    Sort(Box<SortKey>),
    /// A function evaluated over a window of rows: `f(...) OVER (spec)`.
    Window { function: Box<Expr>, spec: Box<WindowSpec> },
    /// A generator's output columns named: `posexplode(a).alias("p", "v")`.
    MultiAlias { expr: Box<Expr>, names: Vec<String> },
    /// A lambda function, only as an argument of a higher-order function (`transform`).
    Lambda { params: Vec<LambdaVar>, body: Box<Expr> },
    /// A lambda's variable inside its body.
    LambdaVariable(LambdaVar),
    /// An aggregate over the rows where `condition` holds (SQL's
    /// `sum(x) FILTER (WHERE y > 0)`): `agg` is the aggregate call.
    AggregateFilter { agg: Box<Expr>, condition: Box<Expr> },
    /// A call of a user's Python function (`@udf`, `@pandas_udf`, `spark.udf.register`).
    PythonUdf(Box<PythonUdf>),
    /// `expr` as read from SQL text: its errors carry the fragment as their query
    /// context (`ir::origin`). Only expressions that can fail have one; it means
    /// nothing else (`strip_origins`, `unalias` see through it).
    WithOrigin { expr: Box<Expr>, origin: super::Origin },
    /// A DataFrame used as a value (`df.scalar()`, `df.exists()`): planned into joins by
    /// the select, filter or withColumn that holds it (`analysis::subquery`). A leaf:
    /// its steps read another scope.
    Subquery(Box<Subquery>),
}

/// What a DataFrame subquery gives per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubqueryKind {
    /// `df.scalar()`: its one column's one value (NULL without a row).
    Scalar,
    /// `df.exists()`: whether it has a row.
    Exists,
}

/// One DataFrame operation applied after an outer reference (`col(...).outer()`): kept
/// unanalysed, as Spark defers the analysis of a DataFrame reading an outer query,
/// and replayed in the outer query's scope (`analysis::lateral`).
#[derive(Debug, Clone, PartialEq)]
pub enum CorrelatedStep {
    Filter(Expr),
    Select(Vec<Expr>),
    WithColumns(Vec<(String, Expr)>),
    Sort(Vec<Expr>),
}

/// `Expr::Subquery`: the uncorrelated DataFrame it starts from and the steps since.
#[derive(Debug, Clone)]
pub struct Subquery {
    pub kind: SubqueryKind,
    pub plan: std::sync::Arc<super::Plan>,
    pub steps: Vec<CorrelatedStep>,
}

impl PartialEq for Subquery {
    /// The same DataFrame (by identity) with the same steps.
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && std::sync::Arc::ptr_eq(&self.plan, &other.plan) && self.steps == other.steps
    }
}

impl Expr {
    pub fn col(name: &str) -> Expr {
        Expr::Unresolved { parts: vec![name.to_string()], plan_id: None }
    }
    /// `col(name)` as Spark reads the name (`a.b` is a field of `a`; backticks quote).
    pub fn col_parsed(name: &str) -> Expr {
        Expr::Unresolved { parts: attribute_name_parts(name), plan_id: None }
    }
    pub fn lit(v: Value) -> Expr {
        Expr::Literal(v)
    }
    pub fn func(name: &str, args: Vec<Expr>) -> Expr {
        Expr::Function { name: name.to_string(), args, distinct: false }
    }
    pub fn binary(op: BinaryOp, left: Expr, right: Expr) -> Expr {
        Expr::Binary { op, left: Box::new(left), right: Box::new(right) }
    }
    pub fn alias(self, name: &str) -> Expr {
        Expr::Alias { expr: Box::new(self), name: name.to_string(), metadata: None }
    }
    /// `CASE WHEN c THEN v ... [ELSE o] END`.
    pub fn case_when(branches: Vec<(Expr, Expr)>, otherwise: Option<Expr>) -> Expr {
        Expr::CaseWhen { branches, otherwise: otherwise.map(Box::new), form: CaseForm::CaseWhen }
    }
    /// Spark's `If`: `IF(condition, then, otherwise)`.
    pub fn if_else(condition: Expr, then: Expr, otherwise: Expr) -> Expr {
        Expr::CaseWhen { branches: vec![(condition, then)], otherwise: Some(Box::new(otherwise)), form: CaseForm::If }
    }

    /// Direct children, in order.
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Unresolved { .. } | Expr::Star { .. } | Expr::Attr(_) | Expr::Literal(_) | Expr::LambdaVariable(_) | Expr::Subquery(_) => vec![],
            Expr::Alias { expr, .. } | Expr::Cast { expr, .. } | Expr::WithOrigin { expr, .. } => vec![expr],
            Expr::Binary { left, right, .. } => vec![left, right],
            Expr::Not(e) | Expr::Negate(e) | Expr::IsNull(e) | Expr::IsNotNull(e) => vec![e],
            Expr::In { expr, list } => std::iter::once(expr.as_ref()).chain(list.iter()).collect(),
            Expr::CaseWhen { branches, otherwise, .. } => {
                let mut v: Vec<&Expr> = branches.iter().flat_map(|(c, t)| [c, t]).collect();
                if let Some(o) = otherwise {
                    v.push(o);
                }
                v
            }
            Expr::Function { args, .. } => args.iter().collect(),
            Expr::Call(c) => c.args.iter().collect(),
            Expr::PythonUdf(u) => u.args.iter().collect(),
            Expr::Sort(k) => vec![&k.expr],
            Expr::Window { function, spec } => {
                let mut v = vec![function.as_ref()];
                v.extend(spec.partition_by.iter());
                v.extend(spec.order_by.iter().map(|k| &k.expr));
                if let Some(frame) = &spec.frame {
                    for bound in [&frame.start, &frame.end] {
                        if let FrameBound::Offset(e) = bound {
                            v.push(e);
                        }
                    }
                }
                v
            }
            Expr::MultiAlias { expr, .. } => vec![expr],
            Expr::Lambda { body, .. } => vec![body],
            Expr::AggregateFilter { agg, condition } => vec![agg, condition],
        }
    }

    /// The same node with each direct child replaced by `f(child)`.
    pub fn map_children(&self, f: &mut dyn FnMut(&Expr) -> Expr) -> Expr {
        let mut b = |e: &Expr| Box::new(f(e));
        match self {
            Expr::Unresolved { .. } | Expr::Star { .. } | Expr::Attr(_) | Expr::Literal(_) | Expr::LambdaVariable(_) | Expr::Subquery(_) => self.clone(),
            Expr::Alias { expr, name, metadata } => Expr::Alias { expr: b(expr), name: name.clone(), metadata: metadata.clone() },
            Expr::Cast { expr, to, kind } => Expr::Cast { expr: b(expr), to: to.clone(), kind: *kind },
            Expr::WithOrigin { expr, origin } => Expr::WithOrigin { expr: b(expr), origin: origin.clone() },
            Expr::Binary { op, left, right } => {
                let left = b(left);
                Expr::Binary { op: *op, left, right: b(right) }
            }
            Expr::Not(e) => Expr::Not(b(e)),
            Expr::Negate(e) => Expr::Negate(b(e)),
            Expr::IsNull(e) => Expr::IsNull(b(e)),
            Expr::IsNotNull(e) => Expr::IsNotNull(b(e)),
            Expr::In { expr, list } => {
                let expr = b(expr);
                Expr::In { expr, list: list.iter().map(&mut *f).collect() }
            }
            Expr::CaseWhen { branches, otherwise, form } => Expr::CaseWhen {
                branches: branches.iter().map(|(c, t)| (f(c), f(t))).collect(),
                otherwise: otherwise.as_ref().map(|o| Box::new(f(o))),
                form: *form,
            },
            Expr::Function { name, args, distinct } => {
                Expr::Function { name: name.clone(), args: args.iter().map(&mut *f).collect(), distinct: *distinct }
            }
            Expr::Call(c) => Expr::Call(Box::new(Call { args: c.args.iter().map(&mut *f).collect(), ..(**c).clone() })),
            Expr::PythonUdf(u) => Expr::PythonUdf(Box::new(PythonUdf { def: u.def.clone(), args: u.args.iter().map(&mut *f).collect() })),
            Expr::Sort(k) => Expr::Sort(Box::new(SortKey { expr: f(&k.expr), ..(**k).clone() })),
            Expr::Window { function, spec } => {
                let function = Box::new(f(function));
                let mut bound = |b: &FrameBound| match b {
                    FrameBound::Offset(e) => FrameBound::Offset(Box::new(f(e))),
                    other => other.clone(),
                };
                let frame = spec.frame.as_ref().map(|fr| WindowFrame { kind: fr.kind, start: bound(&fr.start), end: bound(&fr.end) });
                let spec = WindowSpec {
                    partition_by: spec.partition_by.iter().map(&mut *f).collect(),
                    order_by: spec.order_by.iter().map(|k| SortKey { expr: f(&k.expr), ..k.clone() }).collect(),
                    frame,
                };
                Expr::Window { function, spec: Box::new(spec) }
            }
            Expr::MultiAlias { expr, names } => Expr::MultiAlias { expr: b(expr), names: names.clone() },
            Expr::Lambda { params, body } => Expr::Lambda { params: params.clone(), body: b(body) },
            Expr::AggregateFilter { agg, condition } => {
                let agg = b(agg);
                Expr::AggregateFilter { agg, condition: b(condition) }
            }
        }
    }

    /// Rewrites the tree bottom-up: children first, then `f` on the node.
    pub fn transform_up(&self, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
        let node = self.map_children(&mut |c| c.transform_up(&mut *f));
        f(node)
    }

    /// Rewrites the tree top-down, stopping where `f` says it is done (`Some`).
    pub fn transform_down(&self, f: &mut dyn FnMut(&Expr) -> Option<Expr>) -> Expr {
        match f(self) {
            Some(done) => done,
            None => self.map_children(&mut |c| c.transform_down(&mut *f)),
        }
    }

    /// Every node, parents before children.
    pub fn walk(&self, visit: &mut dyn FnMut(&Expr)) {
        visit(self);
        for c in self.children() {
            c.walk(visit);
        }
    }

    /// True if any node satisfies `pred`.
    pub fn any(&self, pred: &dyn Fn(&Expr) -> bool) -> bool {
        pred(self) || self.children().into_iter().any(|c| c.any(pred))
    }

    /// Removes a top-level alias (and origin).
    pub fn unalias(&self) -> &Expr {
        match self {
            Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } => expr.unalias(),
            other => other,
        }
    }

    /// A NULL literal, also under aliases and casts (`CAST(NULL AS INT)`, the implicit
    /// casts analysis gives a NULL argument).
    pub fn is_null_literal(&self) -> bool {
        match self.unalias() {
            Expr::Literal(v) => v.is_null(),
            Expr::Cast { expr, .. } => expr.is_null_literal(),
            _ => false,
        }
    }

    /// The expression under a top-level origin.
    pub fn without_origin(&self) -> &Expr {
        match self {
            Expr::WithOrigin { expr, .. } => expr.without_origin(),
            other => other,
        }
    }

    /// The tree without its origins (for comparing what expressions compute).
    pub fn strip_origins(&self) -> Expr {
        self.transform_up(&mut |e| match e {
            Expr::WithOrigin { expr, .. } => *expr,
            other => other,
        })
    }
}
