//! The names Spark gives computed columns (`(a + 1)`, `sum(x)`, `CASE WHEN ...`) and
//! the text of `repr(Column)`. Both are computed from the expression as the user
//! wrote it, before resolution: `select(col("A"))` is named `A`.

use super::functions::{self, Display, Repr};
use crate::ir::{BinaryOp, CaseForm, DataType, Expr, Origin, Value, OUTER_PLAN_ID};

/// The output name Spark gives an expression in a projection or aggregation.
pub fn auto_name(e: &Expr) -> String {
    name_in(e, false)
}

/// `auto_name`, `in_text` once inside an `expr()`/`selectExpr()` string: such a string
/// becomes a DataFrame Column, named by the DataFrame API's rules, not SQL's.
fn name_in(e: &Expr, in_text: bool) -> String {
    match e {
        Expr::Alias { name, .. } => name.clone(),
        Expr::WithOrigin { expr, origin: Origin::SqlText { .. } } => name_in(expr, true),
        Expr::WithOrigin { expr, .. } => name_in(expr, in_text),
        // A column is named by its last part (`s.z` is `z`); inside an expression it
        // keeps every part (`s.z[0]`).
        Expr::Unresolved { parts, .. } => parts.last().cloned().unwrap_or_default(),
        // A cast of a named expression keeps its name (Spark's `ResolveAliases`:
        // `Cast(ne: NamedExpression)`): a column's, or an alias's.
        Expr::Cast { expr, .. } if is_cast_column(expr, in_text) => name_in(expr, in_text),
        _ => sql_text(e),
    }
}

/// Whether a cast of `e` is named as `e`: a column or an alias, or (DataFrame API:
/// `Column.named` aliases each cast of a named expression from the inside out, also in
/// an `expr()` string) a cast of one. In `spark.sql` text (an `Origin::Sql` outside any
/// `expr()` string) only a cast directly over a column is: `SELECT CAST(CAST(a AS BIGINT)
/// AS STRING)` keeps its text, `selectExpr` of the same is named `a`.
fn is_cast_column(e: &Expr, in_text: bool) -> bool {
    match e {
        Expr::Unresolved { .. } | Expr::Attr(_) | Expr::Alias { .. } => true,
        Expr::Cast { expr, .. } => is_cast_column(expr, in_text),
        Expr::WithOrigin { expr, origin: Origin::Sql { .. } } if !in_text => matches!(**expr, Expr::Unresolved { .. } | Expr::Attr(_)),
        Expr::WithOrigin { expr, origin: Origin::SqlText { .. } } => is_cast_column(expr, true),
        Expr::WithOrigin { expr, .. } => is_cast_column(expr, in_text),
        _ => false,
    }
}

/// Spark's pretty SQL form of an expression, as used inside generated names.
pub fn sql_text(e: &Expr) -> String {
    match e {
        Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) } => format!("outer({})", parts.join(".")),
        Expr::Unresolved { parts, .. } => parts.join("."),
        Expr::Star { qualifier: Some(q), .. } => format!("{q}.*"),
        Expr::Star { .. } => "*".into(),
        Expr::Attr(a) => a.name.clone(),
        Expr::Literal(v) => v.name_text(),
        // Inside an expression an alias shows: `upper(s AS x)`, `struct(d, b AS flag)`.
        Expr::Alias { expr, name, .. } => format!("{} AS {name}", sql_text(expr)),
        Expr::WithOrigin { expr, .. } => sql_text(expr),
        // Spark's Cast.sql leaves out casts to complex types (HiveQL has none): the child's text.
        Expr::Cast { expr, to: DataType::Array(..) | DataType::Map(..) | DataType::Struct(_), .. } => sql_text(expr),
        Expr::Cast { expr, kind: crate::ir::CastKind::Function | crate::ir::CastKind::Implicit, .. } => sql_text(expr),
        Expr::Cast { expr, to, .. } => format!("CAST({} AS {})", sql_text(expr), to.sql()),
        Expr::Binary { op, left, right } => format!("({} {} {})", sql_text(left), op.symbol(), sql_text(right)),
        Expr::Not(x) => format!("(NOT {})", sql_text(x)),
        Expr::Negate(x) => format!("negative({})", sql_text(x)),
        Expr::IsNull(x) => format!("({} IS NULL)", sql_text(x)),
        Expr::IsNotNull(x) => format!("({} IS NOT NULL)", sql_text(x)),
        Expr::In { expr, list } => {
            let items: Vec<String> = list.iter().map(sql_text).collect();
            format!("({} IN ({}))", sql_text(expr), items.join(", "))
        }
        Expr::CaseWhen { branches, otherwise: Some(otherwise), form: CaseForm::If } if branches.len() == 1 => {
            format!("(IF({}, {}, {}))", sql_text(&branches[0].0), sql_text(&branches[0].1), sql_text(otherwise))
        }
        Expr::CaseWhen { branches, otherwise, .. } => {
            let mut s = "CASE".to_string();
            for (c, v) in branches {
                s += &format!(" WHEN {} THEN {}", sql_text(c), sql_text(v));
            }
            if let Some(o) = otherwise {
                s += &format!(" ELSE {}", sql_text(o));
            }
            s + " END"
        }
        Expr::Function { name, .. } if super::update_fields::is_written(name) => match super::update_fields::expand(e, false) {
            Ok(spark_form) => sql_text(&spark_form),
            Err(_) => column_repr(e),
        },
        Expr::Function { name, args, distinct } => function_sql(name, args, *distinct),
        Expr::Call(c) => {
            let texts: Vec<String> = c.args.iter().map(sql_text).collect();
            functions::definition(c.func).display.text(&c.name, &texts, c.distinct)
        }
        Expr::Sort(k) => sort_key_sql(k),
        Expr::Window { function, spec } => window_sql(function, spec),
        Expr::AggregateFilter { agg, condition } => format!("{} FILTER (WHERE {})", sql_text(agg), sql_text(condition)),
        Expr::PythonUdf(u) => format!("{}({})", u.def.name, u.args.iter().map(sql_text).collect::<Vec<_>>().join(", ")),
        Expr::MultiAlias { expr, .. } => sql_text(expr),
        Expr::Subquery(s) => subquery_text(s.kind),
        // Spark names lambdas by their structure, not their variables' names.
        Expr::Lambda { params, body } => {
            let mut parts = vec![sql_text(body)];
            parts.extend(params.iter().map(|_| "namedlambdavariable()".to_string()));
            format!("lambdafunction({})", parts.join(", "))
        }
        Expr::LambdaVariable(_) => "namedlambdavariable()".into(),
    }
}

fn sort_key_sql(k: &crate::ir::SortKey) -> String {
    format!(
        "{} {} NULLS {}",
        sql_text(&k.expr),
        if k.ascending { "ASC" } else { "DESC" },
        if k.nulls_first { "FIRST" } else { "LAST" }
    )
}

/// `f(x) OVER (PARTITION BY p ORDER BY o ASC NULLS FIRST ROWS BETWEEN ...)`: Spark names
/// a window expression with its frame, the default one when none was written.
fn window_sql(function: &Expr, spec: &crate::ir::WindowSpec) -> String {
    let frame = spec.frame.clone().unwrap_or_else(|| functions::window::default_frame(function, !spec.order_by.is_empty()));
    format!("{} OVER {}", sql_text(function), window_spec_sql(spec, &frame))
}

/// `(PARTITION BY p ORDER BY o ASC NULLS FIRST RANGE BETWEEN ...)`, as Spark writes a
/// window spec with the frame it resolved to.
pub fn window_spec_sql(spec: &crate::ir::WindowSpec, frame: &crate::ir::WindowFrame) -> String {
    let mut parts = vec![];
    if !spec.partition_by.is_empty() {
        parts.push(format!("PARTITION BY {}", spec.partition_by.iter().map(sql_text).collect::<Vec<_>>().join(", ")));
    }
    if !spec.order_by.is_empty() {
        parts.push(format!("ORDER BY {}", spec.order_by.iter().map(sort_key_sql).collect::<Vec<_>>().join(", ")));
    }
    parts.push(frame_sql(frame));
    format!("({})", parts.join(" "))
}

/// `ROWS BETWEEN 2 PRECEDING AND CURRENT ROW`. Spark writes an offset given as a number
/// as FOLLOWING, negative ones too (`-1 FOLLOWING`, from the DataFrame API), and one
/// written `n PRECEDING` in SQL (a negation) as PRECEDING.
pub fn frame_sql(frame: &crate::ir::WindowFrame) -> String {
    use crate::ir::{FrameBound, FrameKind};
    let bound = |b: &FrameBound| match b {
        FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".to_string(),
        FrameBound::CurrentRow => "CURRENT ROW".to_string(),
        FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".to_string(),
        FrameBound::Offset(e) => match e.without_origin() {
            Expr::Negate(n) => format!("{} PRECEDING", sql_text(n)),
            e => format!("{} FOLLOWING", sql_text(e)),
        },
    };
    let kind = if frame.kind == FrameKind::Rows { "ROWS" } else { "RANGE" };
    format!("{kind} BETWEEN {} AND {}", bound(&frame.start), bound(&frame.end))
}

/// The window part of `repr(Column)`: PySpark prints the spec as written, the frame
/// only when one was given, its offsets as literals (`-3`, `-2L`).
fn window_repr(function: &Expr, spec: &crate::ir::WindowSpec) -> String {
    use crate::ir::FrameBound;
    let mut parts = vec![];
    if !spec.partition_by.is_empty() {
        parts.push(format!("PARTITION BY {}", spec.partition_by.iter().map(column_repr).collect::<Vec<_>>().join(", ")));
    }
    if !spec.order_by.is_empty() {
        let keys: Vec<String> = spec.order_by.iter().map(|k| column_repr(&Expr::Sort(Box::new(k.clone())))).collect();
        parts.push(format!("ORDER BY {}", keys.join(", ")));
    }
    if let Some(frame) = &spec.frame {
        let bound = |b: &FrameBound| match b {
            FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".to_string(),
            FrameBound::CurrentRow => "CURRENT ROW".to_string(),
            FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".to_string(),
            FrameBound::Offset(e) => column_repr(e),
        };
        let kind = if frame.kind == crate::ir::FrameKind::Rows { "ROWS" } else { "RANGE" };
        parts.push(format!("{kind} BETWEEN {} AND {}", bound(&frame.start), bound(&frame.end)));
    }
    format!("{} OVER ({})", column_repr(function), parts.join(" "))
}

fn function_sql(name: &str, args: &[Expr], distinct: bool) -> String {
    let texts: Vec<String> = args.iter().map(sql_text).collect();
    let name = name.to_ascii_lowercase();
    match functions::lookup(&name) {
        Some(def) => def.display.text(&name, &texts, distinct),
        None => Display::Call.text(&name, &texts, distinct),
    }
}

/// The text inside `Column<'...'>`: PySpark 4.0 prints the unresolved expression
/// in its own prefix form (`+(a, 1)`, `isNull(a)`, `'x'`).
pub fn column_repr(e: &Expr) -> String {
    match e {
        Expr::Unresolved { parts, plan_id: Some(OUTER_PLAN_ID) } => format!("lazy({})", parts.join(".")),
        Expr::Unresolved { parts, .. } => parts.join("."),
        Expr::Star { qualifier: Some(q), .. } => format!("{q}.*"),
        Expr::Star { .. } => "*".into(),
        Expr::Attr(a) => a.name.clone(),
        Expr::Literal(v) => literal_repr(v),
        Expr::Alias { expr, name, .. } => format!("{} AS {}", column_repr(expr), name),
        Expr::WithOrigin { expr, .. } => column_repr(expr),
        Expr::Cast { expr, to, kind } => {
            let cast = if *kind == crate::ir::CastKind::Try { "TRY_CAST" } else { "CAST" };
            format!("{cast}({} AS {})", column_repr(expr), to.sql())
        }
        Expr::Binary { op, left, right } => {
            let (l, r) = (column_repr(left), column_repr(right));
            match op {
                BinaryOp::NotEq => format!("!(=({l}, {r}))"),
                BinaryOp::And => format!("and({l}, {r})"),
                BinaryOp::Or => format!("or({l}, {r})"),
                other => format!("{}({l}, {r})", other.symbol()),
            }
        }
        Expr::Not(x) => format!("!({})", column_repr(x)),
        Expr::Negate(x) => format!("negative({})", column_repr(x)),
        Expr::IsNull(x) => format!("isNull({})", column_repr(x)),
        Expr::IsNotNull(x) => format!("isNotNull({})", column_repr(x)),
        Expr::In { expr, list } => {
            let mut items = vec![column_repr(expr)];
            items.extend(list.iter().map(column_repr));
            format!("in({})", items.join(", "))
        }
        // `expr("if(...)")` is an unresolved call of `if` to PySpark.
        Expr::CaseWhen { branches, otherwise: Some(otherwise), form: CaseForm::If } if branches.len() == 1 => {
            Repr::Call.text("if", &[column_repr(&branches[0].0), column_repr(&branches[0].1), column_repr(otherwise)])
        }
        Expr::CaseWhen { branches, otherwise, .. } => {
            let mut s = "CASE".to_string();
            for (c, v) in branches {
                s += &format!(" WHEN {} THEN {}", column_repr(c), column_repr(v));
            }
            if let Some(o) = otherwise {
                s += &format!(" ELSE {}", column_repr(o));
            }
            s + " END"
        }
        Expr::Function { name, args, .. } if super::update_fields::is_written(name) => super::update_fields::repr(name, args, column_repr),
        Expr::Function { .. } if super::col_regex::as_col_regex(e).is_some() => "unresolvedregex()".into(),
        Expr::Function { name, args, .. } => {
            let items: Vec<String> = args.iter().map(column_repr).collect();
            match functions::lookup(name) {
                Some(def) => def.repr.text(name, &items),
                None => Repr::Call.text(name, &items),
            }
        }
        Expr::Call(c) => {
            let items: Vec<String> = c.args.iter().map(column_repr).collect();
            functions::definition(c.func).repr.text(&c.name, &items)
        }
        Expr::Sort(k) => format!(
            "{} {} NULLS {}",
            column_repr(&k.expr),
            if k.ascending { "ASC" } else { "DESC" },
            if k.nulls_first { "FIRST" } else { "LAST" }
        ),
        Expr::Window { function, spec } => window_repr(function, spec),
        Expr::MultiAlias { expr, names } => format!("multialias({} AS ({}))", column_repr(expr), names.join(", ")),
        Expr::Lambda { params, body } => {
            let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
            match names.as_slice() {
                [one] => format!("{one} -> {}", column_repr(body)),
                many => format!("({}) -> {}", many.join(", "), column_repr(body)),
            }
        }
        Expr::LambdaVariable(v) => v.name.clone(),
        Expr::AggregateFilter { agg, condition } => format!("{} FILTER (WHERE {})", column_repr(agg), column_repr(condition)),
        Expr::PythonUdf(u) => format!("{}({})", u.def.name, u.args.iter().map(column_repr).collect::<Vec<_>>().join(", ")),
        Expr::Subquery(s) => subquery_text(s.kind),
    }
}

/// A DataFrame subquery as Spark shows it before its outer references are known.
fn subquery_text(kind: crate::ir::SubqueryKind) -> String {
    match kind {
        crate::ir::SubqueryKind::Scalar => "scalarsubquery()".into(),
        crate::ir::SubqueryKind::Exists => "exists()".into(),
    }
}

/// A literal as the JVM's `Literal.toString` prints it inside `Column<'...'>`.
fn literal_repr(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Long(x) => format!("{x}L"),
        Value::Short(x) => format!("{x}S"),
        Value::Byte(x) => format!("{x}Y"),
        Value::Date(d) => crate::ir::text::date_text(*d),
        // java.sql.Timestamp.toString in the JVM's zone (UTC here): always a fraction.
        Value::Timestamp(us) | Value::TimestampNtz(us) => {
            let text = crate::ir::text::timestamp_text(*us);
            if text.contains('.') { text } else { format!("{text}.0") }
        }
        other => other.name_text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(n: &str) -> Expr {
        Expr::col(n)
    }

    #[test]
    fn names_like_spark() {
        let e = Expr::binary(BinaryOp::Add, col("a"), Expr::lit(Value::Integer(1)));
        assert_eq!(auto_name(&e), "(a + 1)");
        let cast = Expr::Cast { expr: Box::new(col("a")), to: crate::ir::DataType::String, kind: crate::ir::CastKind::Cast };
        assert_eq!(auto_name(&cast), "a");
        let sum = Expr::func("sum", vec![e.clone()]);
        assert_eq!(auto_name(&sum), "sum((a + 1))");
        let count = Expr::func("count", vec![Expr::Star { qualifier: None, plan_id: None }]);
        assert_eq!(auto_name(&count), "count(1)");
        let like = Expr::func("like", vec![col("s"), Expr::lit(Value::String("a%".into()))]);
        assert_eq!(auto_name(&like), "s LIKE a%");
    }

    #[test]
    fn repr_like_pyspark() {
        let e = Expr::binary(BinaryOp::Add, col("a"), Expr::lit(Value::Long(10)));
        assert_eq!(column_repr(&e), "+(a, 10L)");
        let ne = Expr::binary(BinaryOp::NotEq, col("a"), Expr::lit(Value::String("x".into())));
        assert_eq!(column_repr(&ne), "!(=(a, 'x'))");
    }
}
