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
    let is_input_name = |n: &str| {
        input.output.iter().any(|a| conf.names_equal(&a.name, n) || a.qualifier.as_deref().is_some_and(|q| conf.names_equal(q, n)))
    };
    let mut read = vec![false; exprs.len()];
    for (i, e) in exprs.iter().enumerate().skip(1) {
        let names = lateral_names(e, &aliases[..i], conf, &is_input_name);
        if let (Some(name), Some(window)) = (names.first(), window_in(e)) {
            let shown = super::naming::sql_text(&window);
            return Err(Error::analysis(
                "UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW",
                format!("The feature is not supported: Referencing a lateral column alias `{name}` in window expression \"{shown}\"."),
            ));
        }
        for name in names {
            let matches: Vec<usize> = (0..i).filter(|&j| aliases[j].is_some_and(|a| conf.names_equal(a, &name))).collect();
            if matches.len() > 1 {
                return Err(Error::analysis(
                    "AMBIGUOUS_LATERAL_COLUMN_ALIAS",
                    format!("Lateral column alias `{name}` is ambiguous and has {} matches.", matches.len()),
                )
                .with_param("name", format!("`{name}`"))
                .with_param("n", matches.len().to_string()));
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
    let shown = e.transform_down(&mut |x| match x {
        Expr::Unresolved { parts, plan_id: None } if lateral.contains(&parts[0]) => {
            let mut parts = parts.clone();
            parts[0] = format!("lateralAliasReference({})", parts[0]);
            Some(Expr::Unresolved { parts, plan_id: None })
        }
        _ => None,
    });
    e.clone().alias(&super::naming::auto_name(&shown))
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

/// The names `e` reads that are an earlier alias and no input column, outside lambdas.
fn lateral_names(e: &Expr, earlier: &[Option<&str>], conf: &Conf, is_input_name: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = vec![];
    e.apply(&mut |x| match x {
        Expr::Unresolved { parts, plan_id: None } => {
            let name = &parts[0];
            if !is_input_name(name) && earlier.iter().flatten().any(|a| conf.names_equal(a, name)) {
                out.push(name.clone());
            }
            Recursion::Continue
        }
        Expr::Lambda { .. } => Recursion::Jump,
        _ => Recursion::Continue,
    });
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
    fn unnamed_readers_are_named_as_spark_names_them() {
        let reader = Expr::Function { name: "upper".into(), args: vec![name("u")], distinct: false };
        assert_eq!(alias_name(&named_as_spark(&reader, &["u".to_string()])), Some("upper(lateralAliasReference(u))"));
        assert!(alias_name(&named_as_spark(&name("u"), &["u".to_string()])).is_none());
    }
}
