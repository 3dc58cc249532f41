//! Lateral column aliases (Spark 3.4's `ResolveLateralColumnAliasReference`): a select
//! item may read an alias given by an earlier item of the same list, where no input
//! column has that name — `SELECT x + 1 AS y, y * 2 AS z`, or `df.select((x + 1).alias("y"),
//! col("y") * 2)`. As Spark does, the aliased items that later ones read are computed
//! once in a projection below (`*` and those items), and the list reads them there: a
//! non-deterministic alias is not computed twice. A name an input column has is that
//! column, never the alias (`SELECT x + 10 AS x, x * 2` reads the input's `x`).

use super::{new_plan_id, Conf};
use crate::error::{Error, Result};
use crate::ir::{Expr, Plan, Recursion};
use std::sync::Arc;

/// `exprs` as a list over a projection below `input` holding the aliased items later
/// items read; None when no item reads an earlier alias. Stars are expanded against the
/// input first, so they do not take the new columns.
pub fn split(input: &Arc<Plan>, exprs: &[Expr], conf: &Conf) -> Result<Option<(Arc<Plan>, Vec<Expr>)>> {
    let aliases: Vec<Option<&str>> = exprs.iter().map(alias_name).collect();
    if aliases.iter().all(Option::is_none) {
        return Ok(None);
    }
    let is_input_name = |n: &str| is_input_name(input, conf, n);
    let mut read = vec![false; exprs.len()];
    for (i, e) in exprs.iter().enumerate().skip(1) {
        let names = lateral_names(e, &aliases[..i], conf, &is_input_name);
        if let (Some(name), Some(window)) = (names.first(), window_in(e)) {
            return Err(in_window(name, &window, &names));
        }
        for name in names {
            let matches: Vec<usize> = (0..i).filter(|&j| aliases[j].is_some_and(|a| conf.names_equal(a, &name))).collect();
            if matches.len() > 1 {
                return Err(ambiguous(&name, matches.len()));
            }
            if let Some(&j) = matches.first() {
                read[j] = true;
            }
        }
    }
    if !read.contains(&true) {
        return Ok(None);
    }
    let exprs = super::resolve::Resolver::new(input, conf).expand_stars(exprs.to_vec())?;
    // The stars are expanded, so positions moved: find the read items again by alias.
    let read_names: Vec<String> = aliases.iter().zip(&read).filter(|(_, r)| **r).filter_map(|(a, _)| a.map(str::to_string)).collect();
    let is_read = |e: &Expr| alias_name(e).is_some_and(|a| read_names.iter().any(|n| n == a));
    let mut below = vec![Expr::Star { qualifier: None, plan_id: None }];
    below.extend(exprs.iter().filter(|e| is_read(e)).cloned());
    let below = Arc::new(super::builder::project(input.clone(), below, conf, new_plan_id())?);
    let all_aliases: Vec<Option<&str>> = exprs.iter().map(alias_name).collect();
    let list = exprs
        .iter()
        .enumerate()
        .map(|(i, e)| match alias_name(e) {
            Some(name) if is_read(e) => Expr::Unresolved { parts: vec![name.to_string()], plan_id: None },
            Some(_) => e.clone(),
            None => named_as_spark(e, &lateral_names(e, &all_aliases[..i], conf, &is_input_name)),
        })
        .collect();
    Ok(Some((below, list)))
}

/// An unnamed item reading lateral aliases is named as Spark names it, each read shown
/// as `lateralAliasReference(name)` (`concat(lateralAliasReference(u), !)`); a bare read
/// keeps the alias's name.
fn named_as_spark(e: &Expr, lateral: &[String]) -> Expr {
    if lateral.is_empty() || matches!(e.without_origin(), Expr::Unresolved { .. }) {
        return e.clone();
    }
    e.clone().alias(&super::naming::auto_name(&marked(e, lateral)))
}

/// `e` with each read of a lateral alias shown as Spark shows it: the read's last part,
/// `lateralAliasReference(a)` for `st.a` (Spark resolves the field first).
fn marked(e: &Expr, lateral: &[String]) -> Expr {
    e.transform_down(&mut |x| match x {
        Expr::Unresolved { parts, plan_id: None } if lateral.contains(&parts[0]) => {
            let last = parts.last().cloned().unwrap_or_default();
            Some(Expr::Unresolved { parts: vec![format!("lateralAliasReference({last})")], plan_id: None })
        }
        _ => None,
    })
}

/// Spark's error for a window reading a lateral alias, the window as Spark writes it
/// (`unspecifiedframe$()` where no frame was given).
fn in_window(name: &str, window: &Expr, lateral: &[String]) -> Error {
    let shown = match marked(window, lateral) {
        Expr::Window { function, spec } => {
            let text = |e: &Expr| super::naming::sql_text(e);
            let mut parts = vec![];
            if !spec.partition_by.is_empty() {
                parts.push(format!("PARTITION BY {}", spec.partition_by.iter().map(text).collect::<Vec<_>>().join(", ")));
            }
            if !spec.order_by.is_empty() {
                let keys: Vec<String> = spec.order_by.iter().map(|k| text(&Expr::Sort(Box::new(k.clone())))).collect();
                parts.push(format!("ORDER BY {}", keys.join(", ")));
            }
            parts.push(match &spec.frame {
                Some(frame) => super::naming::frame_sql(frame),
                None => "unspecifiedframe$()".to_string(),
            });
            // Spark's error shows the function's pretty name (`rank()`), its column name
            // the upper-case one PyRust's text gives (`RANK()`).
            let call = text(&function);
            let call = match call.split_once('(') {
                Some((name, rest)) => format!("{}({rest}", name.to_ascii_lowercase()),
                None => call,
            };
            format!("{call} OVER ({})", parts.join(" "))
        }
        other => super::naming::sql_text(&other),
    };
    Error::analysis(
        "UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW",
        format!("The feature is not supported: Referencing a lateral column alias `{name}` in window expression \"{shown}\"."),
    )
}

/// Lateral aliases in an aggregation's list (`SELECT sum(x) AS t, t + 1 ... GROUP BY`,
/// `groupBy(k).agg(sum(x).alias("t"), col("t") + 1)`). Spark's rule keeps the aggregate
/// calls and grouping expressions in the Aggregate and computes the rest in a Project
/// above, which reads the aliases; `builder::aggregate_of` splits any list over
/// aggregates and keys that way, so here each read is replaced by the aliased
/// expression (an aggregate call written twice is computed once). Aliases given to
/// grouping keys (`groupBy(col("s").alias("k"))`) come first in Spark's list and are
/// read too. Unnamed readers are named as Spark names them.
pub fn inline_in_aggregate(input: &Arc<Plan>, keys: &[Expr], aggs: Vec<Expr>, conf: &Conf) -> Result<Vec<Expr>> {
    let mut defs: Vec<(String, Expr)> = keys.iter().filter_map(aliased).collect();
    if defs.is_empty() && aggs.iter().all(|e| alias_name(e).is_none()) {
        return Ok(aggs);
    }
    let mut out = Vec::with_capacity(aggs.len());
    for e in aggs {
        let hit = |n: &str| !is_input_name(input, conf, n) && defs.iter().any(|(a, _)| conf.names_equal(a, n));
        let mut names = vec![];
        reads(&e, &[], &hit, &mut names);
        if names.is_empty() {
            defs.extend(aliased(&e));
            out.push(e);
            continue;
        }
        for name in &names {
            let n = defs.iter().filter(|(a, _)| conf.names_equal(a, name)).count();
            if n > 1 {
                return Err(ambiguous(name, n));
            }
        }
        if let Some(window) = window_in(&e) {
            let mut inside = vec![];
            reads(&window, &[], &hit, &mut inside);
            if let Some(name) = inside.first() {
                return Err(in_window(name, &window, &inside));
            }
        }
        in_aggregate_function(&e, &hit)?;
        let named = match e.without_origin() {
            Expr::Alias { .. } => e,
            Expr::Unresolved { parts, .. } => e.clone().alias(parts.last().map(String::as_str).unwrap_or_default()),
            _ => named_as_spark(&e, &names),
        };
        let def_of = |n: &str| defs.iter().find(|(a, _)| conf.names_equal(a, n)).map(|(_, d)| d.clone());
        let inlined = substitute(&named, &[], &hit, &def_of);
        defs.extend(aliased(&inlined));
        out.push(inlined);
    }
    Ok(out)
}

/// The first lateral alias the items of an aggregation's select list read (the name as
/// read), per item; None for an item that reads none.
pub fn reads_per_item(input: &Plan, items: &[Expr], conf: &Conf) -> Vec<Option<String>> {
    let mut aliases: Vec<String> = vec![];
    items
        .iter()
        .map(|e| {
            let hit = |n: &str| !is_input_name(input, conf, n) && aliases.iter().any(|a| conf.names_equal(a, n));
            let mut names = vec![];
            reads(e, &[], &hit, &mut names);
            aliases.extend(alias_name(e).map(str::to_string));
            names.into_iter().next()
        })
        .collect()
}

fn is_input_name(input: &Plan, conf: &Conf, n: &str) -> bool {
    input.output.iter().any(|a| conf.names_equal(&a.name, n) || a.qualifier.as_deref().is_some_and(|q| conf.names_equal(q, n)))
}

/// An item's alias and the expression it names.
fn aliased(e: &Expr) -> Option<(String, Expr)> {
    match e.without_origin() {
        Expr::Alias { expr, name, .. } => Some((name.clone(), (**expr).clone())),
        _ => None,
    }
}

fn ambiguous(name: &str, n: usize) -> Error {
    Error::analysis("AMBIGUOUS_LATERAL_COLUMN_ALIAS", format!("Lateral column alias `{name}` is ambiguous and has {n} matches."))
        .with_param("name", format!("`{name}`"))
        .with_param("n", n.to_string())
}

/// Spark refuses a lateral alias read inside an aggregate function (`sum(t)`, or its
/// FILTER): the outermost such call is named.
fn in_aggregate_function(e: &Expr, hit: &dyn Fn(&str) -> bool) -> Result<()> {
    let mut found = None;
    e.apply(&mut |x| {
        if matches!(x, Expr::Window { .. }) || !super::functions::is_aggregate_call(x) {
            return Recursion::Continue;
        }
        let mut names = vec![];
        reads(x, &[], hit, &mut names);
        match names.first() {
            Some(name) => {
                found = Some((name.clone(), marked(x, &names)));
                Recursion::Stop
            }
            None => Recursion::Jump,
        }
    });
    match found {
        Some((name, call)) => Err(Error::analysis(
            "UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_AGGREGATE_FUNC",
            format!(
                "The feature is not supported: Referencing a lateral column alias `{name}` in the aggregate function \"{}\".",
                super::naming::sql_text(&call)
            ),
        )),
        None => Ok(()),
    }
}

/// The lateral aliases `e` reads (by `hit`), a lambda's parameters hiding their names
/// in its body (Spark resolves an alias inside a lambda too).
fn reads(e: &Expr, bound: &[String], hit: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    match e {
        Expr::Unresolved { parts, plan_id: None } => {
            if !bound.contains(&parts[0]) && hit(&parts[0]) {
                out.push(parts[0].clone());
            }
        }
        Expr::Lambda { params, body } => {
            let mut inner = bound.to_vec();
            inner.extend(params.iter().map(|p| p.name.clone()));
            reads(body, &inner, hit, out);
        }
        _ => e.children().into_iter().for_each(|c| reads(c, bound, hit, out)),
    }
}

/// `e` with each lateral alias read replaced by the aliased expression (`st.a`: its
/// field `a`).
fn substitute(e: &Expr, bound: &[String], hit: &dyn Fn(&str) -> bool, def_of: &dyn Fn(&str) -> Option<Expr>) -> Expr {
    match e {
        Expr::Unresolved { parts, plan_id: None } if !bound.contains(&parts[0]) && hit(&parts[0]) => match def_of(&parts[0]) {
            Some(def) => parts[1..].iter().fold(def, |base, field| Expr::Function {
                name: "get_field".into(),
                args: vec![base, Expr::Literal(crate::ir::Value::String(field.clone()))],
                distinct: false,
            }),
            None => e.clone(),
        },
        Expr::Lambda { params, body } => {
            let mut inner = bound.to_vec();
            inner.extend(params.iter().map(|p| p.name.clone()));
            Expr::Lambda { params: params.clone(), body: Box::new(substitute(body, &inner, hit, def_of)) }
        }
        _ => e.map_children(&mut |c| substitute(c, bound, hit, def_of)),
    }
}

/// A window expression inside `e` (Spark refuses lateral aliases there).
fn window_in(e: &Expr) -> Option<Expr> {
    let mut found = None;
    e.apply(&mut |x| match x {
        Expr::Window { .. } => {
            found = Some(x.clone());
            Recursion::Stop
        }
        _ => Recursion::Continue,
    });
    found
}

/// The alias a select item gives, at its top.
fn alias_name(e: &Expr) -> Option<&str> {
    match e.without_origin() {
        Expr::Alias { name, .. } => Some(name.as_str()),
        _ => None,
    }
}

/// The names `e` reads that are an earlier alias and no input column; inside a lambda
/// too, where no parameter of it has the name (Spark resolves the alias there).
fn lateral_names(e: &Expr, earlier: &[Option<&str>], conf: &Conf, is_input_name: &dyn Fn(&str) -> bool) -> Vec<String> {
    let hit = |name: &str| !is_input_name(name) && earlier.iter().flatten().any(|a| conf.names_equal(a, name));
    let mut out = vec![];
    reads(e, &[], &hit, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Expr {
        Expr::Unresolved { parts: vec![n.to_string()], plan_id: None }
    }

    #[test]
    fn reads_of_earlier_aliases_that_are_no_input_column() {
        let conf = Conf::default();
        let is_input = |n: &str| n == "x";
        let reader = Expr::binary(crate::ir::BinaryOp::Add, name("Y"), name("x"));
        assert_eq!(lateral_names(&reader, &[Some("y")], &conf, &is_input), vec!["Y".to_string()]);
        assert!(lateral_names(&reader, &[Some("x")], &conf, &is_input).is_empty());
        assert_eq!(alias_name(&name("x").alias("y")), Some("y"));
    }

    #[test]
    fn aggregate_reads_skip_lambda_parameters_and_inline_fields() {
        let hit = |n: &str| n == "t" || n == "st";
        let lambda = Expr::Lambda { params: vec![crate::ir::LambdaVar { name: "t".into(), binding: None }], body: Box::new(name("t")) };
        let reader = Expr::Function { name: "f".into(), args: vec![name("t"), lambda], distinct: false };
        let mut out = vec![];
        reads(&reader, &[], &hit, &mut out);
        assert_eq!(out, vec!["t".to_string()]);
        let field = Expr::Unresolved { parts: vec!["st".into(), "a".into()], plan_id: None };
        let inlined = substitute(&field, &[], &hit, &|_| Some(name("s")));
        assert!(matches!(inlined, Expr::Function { ref name, .. } if name == "get_field"));
        assert_eq!(super::super::naming::sql_text(&marked(&field, &["st".to_string()])), "lateralAliasReference(a)");
    }

    #[test]
    fn plain_select_reads_aliases_inside_lambdas_but_not_their_parameters() {
        let conf = Conf::default();
        let lambda = |param: &str| Expr::Lambda { params: vec![crate::ir::LambdaVar { name: param.into(), binding: None }], body: Box::new(Expr::binary(crate::ir::BinaryOp::Add, name("v"), name("n"))) };
        let reader = |param: &str| Expr::Function { name: "transform".into(), args: vec![name("a"), lambda(param)], distinct: false };
        assert_eq!(lateral_names(&reader("v"), &[Some("n")], &conf, &|_| false), vec!["n".to_string()]);
        assert!(lateral_names(&reader("n"), &[Some("n")], &conf, &|_| false).is_empty());
    }

    #[test]
    fn unnamed_readers_are_named_as_spark_names_them() {
        let reader = Expr::Function { name: "upper".into(), args: vec![name("u")], distinct: false };
        assert_eq!(alias_name(&named_as_spark(&reader, &["u".to_string()])), Some("upper(lateralAliasReference(u))"));
        assert!(alias_name(&named_as_spark(&name("u"), &["u".to_string()])).is_none());
    }
}
