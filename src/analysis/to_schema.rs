//! `DataFrame.to(schema)` (Spark's `Project.matchSchema`): the columns of the schema
//! in its order, found by name (Spark's resolver), each up-cast by ANSI store
//! assignment to the schema's type; struct fields are reordered the same way, a
//! missing nullable column or field is NULL, nullability may only widen.

use super::builder;
use super::Conf;
use crate::error::{Error, Result};
use crate::ir::{CastKind, DataType, Expr, Plan, StructField, Value};
use std::sync::Arc;

/// A column or struct field the schema may take: its name, value and type.
struct Source {
    name: String,
    expr: Expr,
    data_type: DataType,
    nullable: bool,
}

pub fn to_schema(input: Arc<Plan>, schema: &[StructField], conf: &Conf, plan_id: u64) -> Result<Plan> {
    let sources: Vec<Source> = input
        .output
        .iter()
        .map(|a| Source { name: a.name.clone(), expr: Expr::Attr(a.clone()), data_type: a.data_type.clone(), nullable: a.nullable })
        .collect();
    // A column keeps its metadata through the store-assignment cast, as in Spark.
    let exprs = reorder(&sources, schema, &[], conf)?
        .into_iter()
        .map(|(name, e)| {
            let metadata = super::column_metadata::of(cast_source(&e));
            Expr::Alias { expr: Box::new(e), name, metadata }
        })
        .collect();
    builder::project(input, exprs, conf, plan_id)
}

fn cast_source(e: &Expr) -> &Expr {
    match e {
        Expr::Cast { expr, .. } | Expr::WithOrigin { expr, .. } => cast_source(expr),
        other => other,
    }
}

/// `reorderFields`: one expression per expected field, named as the schema names it.
fn reorder(sources: &[Source], expected: &[StructField], path: &[String], conf: &Conf) -> Result<Vec<(String, Expr)>> {
    expected
        .iter()
        .map(|f| {
            let matched: Vec<&Source> = sources.iter().filter(|s| conf.names_equal(&s.name, &f.name)).collect();
            let expr = match matched.as_slice() {
                [] if f.nullable => null_of(&f.data_type),
                [] if path.is_empty() => return Err(unresolved_column(&f.name, sources)),
                [] => return Err(unresolved_field(&f.name, path, sources)),
                [one] => {
                    let mut inner = path.to_vec();
                    inner.push(one.name.clone());
                    reconcile(one, &inner, &f.data_type, f.nullable, conf)?
                }
                many => {
                    let mut full = path.to_vec();
                    full.push(f.name.clone());
                    return Err(Error::analysis(
                        "AMBIGUOUS_COLUMN_OR_FIELD",
                        format!("Column or field {} is ambiguous and has {} matches.", sql_id(&full), many.len()),
                    )
                    .with_param("name", sql_id(&full))
                    .with_param("n", many.len().to_string()));
                }
            };
            Ok((f.name.clone(), expr))
        })
        .collect()
}

/// `reconcileColumnType`: the source as a value of the expected type.
fn reconcile(source: &Source, path: &[String], expected: &DataType, nullable: bool, conf: &Conf) -> Result<Expr> {
    if source.nullable && !nullable {
        return Err(Error::analysis("NULLABLE_COLUMN_OR_FIELD", format!("Column or field {} is nullable while it's required to be non-nullable.", sql_id(path)))
            .with_param("name", sql_id(path)));
    }
    let col = source.expr.clone();
    Ok(match (&source.data_type, expected) {
        (DataType::Struct(fields), DataType::Struct(wanted)) => {
            let inner: Vec<Source> = fields
                .iter()
                .map(|f| Source {
                    name: f.name.clone(),
                    expr: Expr::func("get_field", vec![col.clone(), Expr::Literal(Value::String(f.name.clone()))]),
                    data_type: f.data_type.clone(),
                    // GetStructField is NULL where its struct is.
                    nullable: f.nullable || source.nullable,
                })
                .collect();
            let members = reorder(&inner, wanted, path, conf)?;
            let args = members.into_iter().flat_map(|(name, e)| [Expr::Literal(Value::String(name)), e]).collect();
            let rebuilt = Expr::func("named_struct", args);
            if source.nullable {
                Expr::case_when(vec![(Expr::IsNull(Box::new(col)), null_of(expected))], Some(rebuilt))
            } else {
                rebuilt
            }
        }
        (DataType::Array(element, contains_null), DataType::Array(to, to_null)) => {
            if *contains_null && !to_null {
                return Err(not_null_violation("ARRAY_ELEMENT", "array", "elements", path));
            }
            if contains_struct(element) || contains_struct(to) {
                // `ArrayTransform`: each element reconciled as a column would be.
                each_element(col, element, *contains_null, to, &[path, &["element".to_string()]].concat(), conf)?
            } else {
                element_cast(col, &source.data_type, DataType::Array(to.clone(), *contains_null), path)?
            }
        }
        (DataType::Map(key, value, contains_null), DataType::Map(to_k, to_v, to_null)) => {
            if *contains_null && !to_null {
                return Err(not_null_violation("MAP_VALUE", "map", "values", path));
            }
            if [key, value, to_k, to_v].iter().any(|t| contains_struct(t)) {
                // `MapFromArrays` of its keys and values, each `ArrayTransform`ed.
                let keys = each_element(Expr::func("map_keys", vec![col.clone()]), key, false, to_k, &[path, &["key".to_string()]].concat(), conf)?;
                let values = each_element(Expr::func("map_values", vec![col]), value, *contains_null, to_v, &[path, &["value".to_string()]].concat(), conf)?;
                Expr::func("map_from_arrays", vec![keys, values])
            } else {
                element_cast(col, &source.data_type, DataType::Map(to_k.clone(), to_v.clone(), *contains_null), path)?
            }
        }
        (from, to) if from == to => col,
        (from, to) if can_store_assign(from, to) => Expr::Cast { expr: Box::new(col), to: to.clone(), kind: CastKind::Ansi },
        (from, to) => return Err(invalid_type(path, from, to)),
    })
}

/// `transform(array, x -> <x reconciled with the expected element type>)`, for
/// elements that hold structs (reordered and filled by name, which a cast does not do).
/// `path` names the elements in errors (Spark's `a`.`element`, `m`.`key`, `m`.`value`).
fn each_element(array: Expr, element: &DataType, contains_null: bool, expected: &DataType, path: &[String], conf: &Conf) -> Result<Expr> {
    let var = crate::ir::LambdaVar { name: "x".into(), binding: None };
    let source = Source { name: "element".into(), expr: Expr::LambdaVariable(var.clone()), data_type: element.clone(), nullable: contains_null };
    let body = reconcile(&source, path, expected, contains_null, conf)?;
    Ok(Expr::func("transform", vec![array, Expr::Lambda { params: vec![var], body: Box::new(body) }]))
}

/// An array's (or map's) elements as the expected type, none of them holding a struct:
/// a cast of the whole value, which is Spark's element-wise `transform` there.
fn element_cast(col: Expr, whole: &DataType, target: DataType, path: &[String]) -> Result<Expr> {
    if *whole == target {
        return Ok(col);
    }
    if !can_store_assign(whole, &target) {
        return Err(invalid_type(path, whole, &target));
    }
    Ok(Expr::Cast { expr: Box::new(col), to: target, kind: CastKind::Ansi })
}

fn contains_struct(t: &DataType) -> bool {
    t.holds(&|t| matches!(t, DataType::Struct(fields) if !fields.is_empty()))
}

/// Spark's `Cast.canANSIStoreAssign`.
pub fn can_store_assign(from: &DataType, to: &DataType) -> bool {
    use DataType::*;
    match (from, to) {
        _ if from == to => true,
        (Null, _) => true,
        (f, t) if f.is_numeric() && t.is_numeric() => true,
        (f, String) if f.is_atomic() || *f == CalendarInterval => true,
        (Date, Timestamp) | (TimestampNtz, Timestamp) | (Date, TimestampNtz) | (Timestamp, TimestampNtz) => true,
        (Timestamp, Date) | (TimestampNtz, Date) => true,
        (DayTimeInterval(..), DayTimeInterval(..)) | (YearMonthInterval(..), YearMonthInterval(..)) => true,
        (Array(f, fnull), Array(t, tnull)) => (!fnull || *tnull) && can_store_assign(f, t),
        (Map(fk, fv, fnull), Map(tk, tv, tnull)) => (!fnull || *tnull) && can_store_assign(fk, tk) && can_store_assign(fv, tv),
        _ => false,
    }
}

fn null_of(t: &DataType) -> Expr {
    Expr::Cast { expr: Box::new(Expr::Literal(Value::Null)), to: t.clone(), kind: CastKind::Cast }
}

/// Spark's `toSQLId` of a path: each part back-quoted, joined by dots.
fn sql_id(path: &[String]) -> String {
    path.iter().map(|p| format!("`{}`", p.replace('`', "``"))).collect::<Vec<_>>().join(".")
}

fn invalid_type(path: &[String], from: &DataType, to: &DataType) -> Error {
    let (name, from, to) = (sql_id(path), format!("\"{}\"", from.sql()), format!("\"{}\"", to.sql()));
    Error::analysis("INVALID_COLUMN_OR_FIELD_DATA_TYPE", format!("Column or field {name} is of type {from} while it's required to be {to}."))
        .with_param("name", name)
        .with_param("type", from)
        .with_param("expectedType", to)
}

fn not_null_violation(kind: &str, container: &str, members: &str, path: &[String]) -> Error {
    let path = sql_id(path);
    Error::analysis(
        &format!("NOT_NULL_CONSTRAINT_VIOLATION.{kind}"),
        format!("Assigning a NULL is not allowed here. The {container} {path} is defined to contain only {members} that are NOT NULL."),
    )
    .with_param("columnPath", path)
}

/// Candidates ordered as Spark's `orderSuggestedIdentifiersBySimilarity`: a stable
/// sort by edit distance, so ties keep the columns' order.
fn by_similarity(name: &str, sources: &[Source]) -> Vec<String> {
    let mut shown: Vec<String> = sources.iter().map(|s| sql_id(std::slice::from_ref(&s.name))).collect();
    shown.sort_by_key(|c| strsim_distance(c, &format!("`{name}`")));
    shown
}

fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn unresolved_column(name: &str, sources: &[Source]) -> Error {
    let proposal = by_similarity(name, sources).into_iter().take(5).collect::<Vec<_>>().join(", ");
    Error::analysis(
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        format!("A column, variable, or function parameter with name `{name}` cannot be resolved. Did you mean one of the following? [{proposal}]."),
    )
    .with_param("objectName", format!("`{name}`"))
    .with_param("proposal", proposal)
}

fn unresolved_field(name: &str, path: &[String], sources: &[Source]) -> Error {
    let proposal = by_similarity(name, sources).into_iter().take(5).collect::<Vec<_>>().join(", ");
    Error::analysis(
        "UNRESOLVED_FIELD.WITH_SUGGESTION",
        format!(
            "A field with name `{name}` cannot be resolved with the struct-type column {}. Did you mean one of the following? [{proposal}].",
            sql_id(path)
        ),
    )
    .with_param("fieldName", format!("`{name}`"))
    .with_param("columnPath", sql_id(path))
    .with_param("proposal", proposal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_assignment_as_spark_allows_it() {
        use DataType::*;
        assert!(can_store_assign(&Integer, &Byte));
        assert!(can_store_assign(&Double, &Decimal(5, 2)));
        assert!(can_store_assign(&Boolean, &String));
        assert!(can_store_assign(&Date, &Timestamp));
        assert!(!can_store_assign(&String, &Date));
        assert!(!can_store_assign(&Integer, &Boolean));
        assert!(!can_store_assign(&Array(Box::new(Integer), true), &Array(Box::new(Long), false)));
        assert!(can_store_assign(&Array(Box::new(Integer), false), &Array(Box::new(Long), true)));
    }

    #[test]
    fn suggestions_keep_column_order_on_ties() {
        let src = |n: &str| Source { name: n.into(), expr: Expr::Literal(Value::Null), data_type: DataType::Null, nullable: true };
        let sources = [src("a"), src("B"), src("s"), src("arr"), src("m")];
        assert_eq!(by_similarity("zz", &sources), vec!["`a`", "`B`", "`s`", "`m`", "`arr`"]);
    }
}
