//! A generator in a select list (`select(a, explode(b))`), planned as Spark's analyzer
//! does: a Generate node below the projection produces the generator's columns next
//! to the input's, and the generator's place in the list takes those columns, named
//! by the aliases given (`posexplode(b).alias("p", "v")`) or Spark's defaults.

use super::functions;
use super::naming::sql_text;
use super::new_attr_id;
use super::resolve::{Resolver, Scope};
use super::Conf;
use crate::error::{Error, Result};
use crate::ir::{Attribute, DataType, Expr, Plan, PlanNode};
use std::sync::Arc;

/// Whether an unresolved expression calls a generator, at its top (under aliases).
pub fn generator_at_top(e: &Expr) -> bool {
    match e {
        Expr::Alias { expr, .. } | Expr::MultiAlias { expr, .. } | Expr::WithOrigin { expr, .. } => generator_at_top(expr),
        Expr::Function { name, .. } => functions::lookup(name).is_some_and(|d| d.func.is_generator()),
        _ => false,
    }
}

/// When the list holds generators: Generate nodes over `input` (one per generator,
/// the first outermost, as Spark 4 stacks them), and the list with each generator
/// replaced by the columns it produces. `None` when there is none.
pub fn plan(input: &Arc<Plan>, exprs: &[Expr], conf: &Conf) -> Result<Option<(Arc<Plan>, Vec<Expr>)>> {
    let mut current: Option<(Arc<Plan>, Vec<Expr>)> = None;
    loop {
        let (plan, list) = match &current {
            Some((p, l)) => (p.clone(), l.clone()),
            None => (input.clone(), exprs.to_vec()),
        };
        let Some(at) = list.iter().position(generator_at_top) else { return Ok(current) };
        current = Some(one(&plan, list, at, conf)?);
    }
}

/// The Generate node for the generator at `at` of the list.
fn one(input: &Arc<Plan>, exprs: Vec<Expr>, at: usize, conf: &Conf) -> Result<(Arc<Plan>, Vec<Expr>)> {
    let (call, names) = split_aliases(exprs[at].clone());
    let mut resolver = Resolver::new(input, conf);
    resolver.scope = Scope { generator: true, ..Scope::default() };
    let resolved = resolver.resolve(call)?;
    let Expr::Call(c) = &resolved else { return Err(Error::internal("a generator call did not resolve to a call")) };
    let DataType::Struct(fields) = &c.data_type else { return Err(Error::internal("a generator without output columns")) };
    let names = match names {
        None => fields.iter().map(|f| f.name.clone()).collect(),
        Some(names) if names.len() == fields.len() => names,
        Some(names) => {
            return Err(Error::analysis(
                "UDTF_ALIAS_NUMBER_MISMATCH",
                format!(
                    "The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF.\nExpected {} aliases, but got {}.\nPlease ensure that the number of aliases provided matches the number of columns output by the UDTF.",
                    fields.len(),
                    names.join(", ")
                ),
            ))
        }
    };
    let generated: Vec<Attribute> = fields
        .iter()
        .zip(names)
        .map(|(f, name)| Attribute { id: new_attr_id(), name, data_type: f.data_type.clone(), nullable: f.nullable, qualifier: None, metadata: f.metadata.clone() })
        .collect();
    let outer = matches!(c.func, crate::ir::Func::Generator(g) if g.is_outer());
    let mut output = input.output.clone();
    output.extend(generated.iter().cloned());
    let node = PlanNode::Generate { input: input.clone(), generator: resolved, outer, generated: generated.clone() };
    let generate = Arc::new(Plan { plan_id: super::new_plan_id(), node, output });
    let mut list: Vec<Expr> = exprs[..at].to_vec();
    list.extend(generated.into_iter().map(Expr::Attr));
    list.extend(exprs[at + 1..].iter().cloned());
    Ok((generate, list))
}

/// The call under its aliases, and the names they give (None: Spark's defaults).
fn split_aliases(e: Expr) -> (Expr, Option<Vec<String>>) {
    match e {
        Expr::Alias { expr, name, .. } => (split_aliases(*expr).0, Some(vec![name])),
        Expr::MultiAlias { expr, names } => (split_aliases(*expr).0, Some(names)),
        other => (other, None),
    }
}

/// `MULTI_ALIAS_WITHOUT_GENERATOR` for several names given to a plain expression.
pub fn check_multi_alias(e: &Expr) -> Result<()> {
    if let Expr::MultiAlias { expr, names } = e {
        return Err(Error::analysis(
            "MULTI_ALIAS_WITHOUT_GENERATOR",
            format!(
                "Multi part aliasing ({}) is not supported with \"{}\" as it is not a generator function.",
                names.join(", "),
                sql_text(expr)
            ),
        ));
    }
    Ok(())
}
