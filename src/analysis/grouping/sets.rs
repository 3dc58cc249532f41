//! `rollup`, `cube` and `groupingSets`: one aggregation per grouping set, as Spark's
//! `ResolveGroupingAnalytics` plans it.
//!
//! The grouping expressions are the distinct ones among the given columns and the
//! sets. Each becomes a key of the Aggregate node under a new attribute, NULL in the
//! rows of a set without it (so nullable unless every set has it). Spark's grouping id
//! has one bit per grouping expression, the first the highest, set when the
//! expression is not in the row's set. `grouping(k)` reads k's bit of it and
//! `grouping_id()` all of it; both are rewritten here, before the rest of each output
//! expression is resolved, which is how a call of them anywhere else is refused (see
//! `functions::grouping`). Outside aggregate functions the output expressions see the
//! keys' (possibly NULL) values; inside, the input's.

use super::super::builder::{self, bare_columns, named, node, outputs, project_list};
use super::super::functions::{self, grouping::unsupported_grouping_expression};
use super::super::naming::{auto_name, sql_text};
use super::super::resolve::{Resolver, Scope};
use super::super::typing::{data_type, nullable};
use super::super::{new_attr_id, Conf};
use super::same_expr;
use crate::error::{Error, Result};
use crate::ir::function::GroupingFn;
use crate::ir::plan::GroupingSets;
use crate::ir::{Attribute, Call, DataType, Expr, Func, NamedExpr, Plan, PlanNode, Value};
use std::collections::HashSet;
use std::sync::Arc;

/// Spark's grouping id is a BIGINT: one bit per grouping expression.
const MAX_GROUPING_EXPRESSIONS: usize = 64;

/// Which sets to aggregate over.
#[derive(Debug, Clone)]
pub enum SetSpec {
    /// `rollup(a, b)`: (a, b), (a), ().
    Rollup,
    /// `cube(a, b)`: (a, b), (a), (b), ().
    Cube,
    /// `groupingSets([[a, b], [b], []], a, b)`.
    Explicit(Vec<Vec<Expr>>),
}

/// The aggregation of `input` over grouping sets: the given columns, then `aggs`.
pub fn plan(input: Arc<Plan>, columns: Vec<Expr>, spec: SetSpec, aggs: Vec<Expr>, conf: &Conf, plan_id: u64) -> Result<Plan> {
    if columns.iter().any(|c| matches!(c, Expr::Star { .. })) {
        return Err(Error::analysis("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of '*' in Aggregate.")
            .with_param("elem", "'*'")
            .with_param("prettyName", "Aggregate"));
    }
    let aggs = super::super::lateral_alias::inline_in_aggregate(&input, &columns, aggs, conf)?;
    let given = project_list(&input, columns.clone(), conf, Scope::default())?;
    // What a key is matched by: the resolved expression as written, alias included
    // (Spark does not see `k` in a key `k AS kk`).
    let resolver = Resolver::new(&input, conf);
    let auto_named: Vec<bool> = columns.iter().map(builder::is_auto_named).collect();
    let given_forms = columns.into_iter().map(|c| resolver.resolve(c)).collect::<Result<Vec<_>>>()?;

    let mut grouping = Grouping::default();
    let given_index: Vec<usize> = given.iter().zip(&given_forms).map(|(n, form)| grouping.add(form, &n.expr, &n.attr.name)).collect();
    let sets: Vec<Vec<usize>> = match spec {
        SetSpec::Rollup => (0..=given_index.len()).rev().map(|n| given_index[..n].to_vec()).collect(),
        SetSpec::Cube => cube(&given_index),
        SetSpec::Explicit(list) => list
            .into_iter()
            .map(|set| {
                let named = project_list(&input, set.clone(), conf, Scope::default())?;
                let forms = set.into_iter().map(|e| resolver.resolve(e)).collect::<Result<Vec<_>>>()?;
                Ok(named.iter().zip(&forms).map(|(n, form)| grouping.add(form, &n.expr, &n.attr.name)).collect())
            })
            .collect::<Result<_>>()?,
    };
    let sets: Vec<Vec<usize>> = sets.into_iter().map(|s| dedup(&s)).collect();
    if grouping.forms.len() > MAX_GROUPING_EXPRESSIONS {
        return Err(Error::analysis("GROUPING_SIZE_LIMIT_EXCEEDED", "Grouping sets size cannot be greater than 64.")
            .with_param("maxSize", MAX_GROUPING_EXPRESSIONS.to_string()));
    }

    // The keys: new attributes, NULL in the rows of a set without them.
    let keys: Vec<NamedExpr> = grouping
        .exprs
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let rolled_up = sets.iter().any(|s| !s.contains(&i));
            let (qualifier, metadata) = match e {
                Expr::Attr(a) => (a.qualifier.clone(), a.metadata.clone()),
                _ => (None, None),
            };
            let attr = Attribute {
                id: new_attr_id(),
                name: grouping.names[i].clone(),
                data_type: data_type(e),
                nullable: rolled_up || nullable(e, conf.ansi),
                qualifier,
                metadata,
            };
            NamedExpr { expr: e.clone(), attr }
        })
        .collect();
    let id = Attribute { id: new_attr_id(), name: "spark_grouping_id".into(), data_type: DataType::Long, nullable: false, qualifier: None, metadata: None };

    // The output: the given columns (as the keys' values), then the aggregates.
    let mut seen = HashSet::new();
    let mut list = vec![];
    for ((n, &k), &auto) in given.iter().zip(&given_index).zip(&auto_named) {
        let mut attr = Attribute { name: n.attr.name.clone(), ..keys[k].attr.clone() };
        if auto {
            attr.metadata = Some(Arc::from(builder::AUTO_GENERATED_ALIAS));
        }
        if !seen.insert(attr.id) {
            attr.id = new_attr_id();
        }
        list.push(NamedExpr { expr: Expr::Attr(keys[k].attr.clone()), attr });
    }
    let context = Context { input: &input, grouping: &grouping, keys: &keys, id: &id, conf };
    for e in resolver.expand_stars(aggs)? {
        let auto = builder::is_auto_named(&e);
        let mut ne = context.output(e)?;
        if auto {
            ne.attr.metadata = Some(Arc::from(builder::AUTO_GENERATED_ALIAS));
        }
        if !seen.insert(ne.attr.id) {
            ne.attr.id = new_attr_id();
        }
        list.push(ne);
    }
    let output = outputs(&list);
    let grouping_sets = GroupingSets { sets, id };
    Ok(node(plan_id, PlanNode::Aggregate { input, keys, aggs: list, grouping_sets: Some(grouping_sets) }, output))
}

/// The distinct grouping expressions, in order of first appearance.
#[derive(Default)]
struct Grouping {
    /// As matched (alias included).
    forms: Vec<Expr>,
    /// As computed.
    exprs: Vec<Expr>,
    names: Vec<String>,
}

impl Grouping {
    /// The index of a grouping expression, added if new.
    fn add(&mut self, form: &Expr, expr: &Expr, name: &str) -> usize {
        if let Some(i) = self.find(form) {
            return i;
        }
        self.forms.push(form.clone());
        self.exprs.push(expr.clone());
        self.names.push(name.to_string());
        self.forms.len() - 1
    }

    fn find(&self, form: &Expr) -> Option<usize> {
        self.forms.iter().position(|f| same_expr(f, form))
    }

    /// The index of a computed expression (aliases aside), for output expressions.
    fn find_computed(&self, e: &Expr) -> Option<usize> {
        self.exprs.iter().position(|x| same_expr(x, e))
    }

    fn shown(&self) -> String {
        self.forms.iter().map(sql_text).collect::<Vec<_>>().join(",")
    }
}

/// Spark's `cubeExprs`: every subset, those with the first key first.
pub fn cube(keys: &[usize]) -> Vec<Vec<usize>> {
    match keys.split_first() {
        None => vec![vec![]],
        Some((first, rest)) => {
            let tail = cube(rest);
            let mut out: Vec<Vec<usize>> = tail.iter().map(|s| std::iter::once(*first).chain(s.iter().copied()).collect()).collect();
            out.extend(tail);
            out
        }
    }
}

fn dedup(set: &[usize]) -> Vec<usize> {
    let mut out = vec![];
    for &i in set {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The grouping id of a set: bit (n - 1 - i) set when expression i is not in it.
pub fn grouping_id(set: &[usize], n: usize) -> i64 {
    (0..n).filter(|i| !set.contains(i)).fold(0i64, |id, i| id | (1i64 << (n - 1 - i)))
}

struct Context<'a> {
    input: &'a Plan,
    grouping: &'a Grouping,
    keys: &'a [NamedExpr],
    id: &'a Attribute,
    conf: &'a Conf,
}

impl Context<'_> {
    /// One output expression: grouping functions read the grouping id, keys outside
    /// aggregates their key, and nothing else may be read outside an aggregate.
    fn output(&self, e: Expr) -> Result<NamedExpr> {
        let mut resolver = Resolver::new(self.input, self.conf);
        let e = resolver.struct_items_as_fields(e);
        let name = auto_name(&e);
        let rewritten = self.grouping_functions(&e)?;
        resolver.scope = Scope { aggregates: true, ..Scope::default() };
        let resolved = resolver.resolve(rewritten)?;
        let computed = self.keys_outside_aggregates(&resolved);
        let allowed: HashSet<u64> = self.keys.iter().map(|k| k.attr.id).chain([self.id.id]).collect();
        let mut bare = vec![];
        bare_columns(&computed, &mut bare);
        if let Some(col) = bare.into_iter().find(|c| !allowed.contains(&c.id)) {
            return Err(Error::analysis(
                "MISSING_AGGREGATION",
                format!("The non-aggregating expression \"{}\" is based on columns which are not participating in the GROUP BY clause.", col.name),
            )
            .with_param("expression", format!("\"{}\"", col.name))
            .with_param("expressionAnyValue", format!("\"any_value({})\"", col.name)));
        }
        Ok(named(computed, name, self.conf))
    }

    /// Replaces `grouping(...)`/`grouping_id(...)` (as written, unresolved) by reads
    /// of the grouping id.
    fn grouping_functions(&self, e: &Expr) -> Result<Expr> {
        let mut failure = None;
        let out = e.transform_down(&mut |node| {
            let Expr::Function { name, args, .. } = node else { return None };
            let def = functions::lookup(name).filter(|d| d.func.is_grouping())?;
            match self.grouping_call(def, name, args) {
                Ok(call) => Some(call),
                Err(err) => {
                    failure.get_or_insert(err);
                    Some(node.clone())
                }
            }
        });
        match failure {
            Some(err) => Err(err),
            None => Ok(out),
        }
    }

    fn grouping_call(&self, def: &'static functions::FunctionDef, name: &str, args: &[Expr]) -> Result<Expr> {
        def.check_arity(name, args.len())?;
        let resolver = Resolver::new(self.input, self.conf);
        let args = args
            .iter()
            .map(|a| resolver.resolve(a.clone()).map_err(|e| self.alias_reference(a, def.func).unwrap_or(e)))
            .collect::<Result<Vec<_>>>()?;
        let n = self.grouping.forms.len();
        let id = Expr::Attr(self.id.clone());
        let (func, call_args, data_type) = match def.func {
            Func::Grouping(GroupingFn::Grouping) => {
                let i = self.grouping.find(&args[0]).ok_or_else(|| {
                    Error::analysis(
                        "GROUPING_COLUMN_MISMATCH",
                        format!("Column of grouping ({}) can't be found in grouping columns {}.", sql_text(&args[0]), self.grouping.shown()),
                    )
                    .with_param("grouping", sql_text(&args[0]))
                    .with_param("groupingColumns", self.grouping.shown())
                })?;
                let shift = Expr::Literal(Value::Integer((n - 1 - i) as i32));
                (GroupingFn::Grouping, vec![id, shift], DataType::Byte)
            }
            Func::Grouping(GroupingFn::GroupingId) => {
                let matches = args.is_empty() || (args.len() == n && args.iter().zip(&self.grouping.forms).all(|(a, f)| same_expr(a, f)));
                if !matches {
                    let given = args.iter().map(sql_text).collect::<Vec<_>>().join(",");
                    return Err(Error::analysis(
                        "GROUPING_ID_COLUMN_MISMATCH",
                        format!("Columns of grouping_id ({given}) does not match grouping columns ({}).", self.grouping.shown()),
                    )
                    .with_param("groupingIdColumn", given)
                    .with_param("groupByColumns", self.grouping.shown()));
                }
                (GroupingFn::GroupingId, vec![id], DataType::Long)
            }
            _ => return Err(unsupported_grouping_expression()),
        };
        let call = Call { func: Func::Grouping(func), name: name.to_ascii_lowercase(), args: call_args, distinct: false, data_type, nullable: false };
        Ok(Expr::Call(Box::new(call)))
    }

    /// `rollup(upper(k).alias("u")).agg(grouping("u"))`: Spark reads `u` as a
    /// reference to the alias, which is not a grouping column.
    fn alias_reference(&self, arg: &Expr, func: Func) -> Option<Error> {
        let Expr::Unresolved { parts, plan_id: None } = arg.without_origin() else { return None };
        let [name] = parts.as_slice() else { return None };
        self.grouping.names.iter().any(|n| self.conf.names_equal(n, name)).then(|| {
            let (class, text) = match func {
                Func::Grouping(GroupingFn::GroupingId) => ("GROUPING_ID_COLUMN_MISMATCH", "Columns of grouping_id"),
                _ => ("GROUPING_COLUMN_MISMATCH", "Column of grouping"),
            };
            Error::analysis(class, format!("{text} (lateralAliasReference({name})) can't be found in grouping columns {}.", self.grouping.shown()))
        })
    }

    /// Outside aggregate functions, a grouping expression is its key's value.
    fn keys_outside_aggregates(&self, e: &Expr) -> Expr {
        e.transform_down(&mut |node| {
            if functions::is_aggregate_call(node) {
                return Some(node.clone());
            }
            if let Expr::Alias { .. } = node {
                return None;
            }
            self.grouping.find_computed(node).map(|i| Expr::Attr(self.keys[i].attr.clone()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_sets_in_sparks_order() {
        assert_eq!(cube(&[0, 1]), vec![vec![0, 1], vec![0], vec![1], vec![]]);
        assert_eq!(cube(&[]), vec![Vec::<usize>::new()]);
    }

    #[test]
    fn grouping_id_bits_first_key_highest() {
        assert_eq!(grouping_id(&[0, 1], 2), 0);
        assert_eq!(grouping_id(&[0], 2), 1);
        assert_eq!(grouping_id(&[1], 2), 2);
        assert_eq!(grouping_id(&[], 2), 3);
        assert_eq!(grouping_id(&[], 0), 0);
    }
}
