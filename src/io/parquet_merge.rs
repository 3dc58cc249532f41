//! Parquet's `mergeSchema` (option, or `spark.sql.parquet.mergeSchema`): the schema of
//! a read is the union of every file's schema, folded in listing order as Spark's
//! `SchemaMergeUtils` folds `StructType.merge`: columns matched by name (as the session
//! compares names), in order of first appearance; the same type, or decimals of one
//! scale (the wider precision), or structs, arrays and maps merged member by member.
//! Spark widens nothing else (INT and BIGINT do not merge): `CANNOT_MERGE_SCHEMAS`.

use crate::error::{Error, ErrorKind, Result};
use crate::ir::{DataType, StructField};

/// The merged schema of `schemas` (one per file, in listing order).
pub fn merge_all(schemas: impl IntoIterator<Item = Vec<StructField>>, case_sensitive: bool) -> Result<Option<Vec<StructField>>> {
    let mut merged: Option<Vec<StructField>> = None;
    for schema in schemas {
        merged = Some(match merged {
            None => schema,
            Some(left) => match merge_fields(&left, &schema, case_sensitive) {
                Some(fields) => fields,
                None => return Err(cannot_merge(&left, &schema)),
            },
        });
    }
    Ok(merged)
}

/// Spark's error names the schema merged so far and the file's schema that does not
/// merge into it (the incompatible types are in its cause, which PySpark does not show).
fn cannot_merge(left: &[StructField], right: &[StructField]) -> Error {
    let quoted = |fields: &[StructField]| format!("\"{}\"", DataType::Struct(fields.to_vec()).sql());
    let (l, r) = (quoted(left), quoted(right));
    Error::new(
        ErrorKind::Runtime,
        "CANNOT_MERGE_SCHEMAS",
        format!("Failed merging schemas:\nInitial schema:\n{l}\nSchema that cannot be merged with the initial schema:\n{r}."),
    )
    .with_param("left", l)
    .with_param("right", r)
}

fn same_name(a: &str, b: &str, case_sensitive: bool) -> bool {
    if case_sensitive { a == b } else { a.eq_ignore_ascii_case(b) }
}

/// `StructType.merge`: the left fields (merged with the right ones of their names),
/// then the right fields the left lacks. None when two types do not merge.
fn merge_fields(left: &[StructField], right: &[StructField], case_sensitive: bool) -> Option<Vec<StructField>> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    for l in left {
        out.push(match right.iter().find(|r| same_name(&r.name, &l.name, case_sensitive)) {
            Some(r) => StructField { data_type: merge_type(&l.data_type, &r.data_type, case_sensitive)?, nullable: l.nullable || r.nullable, ..l.clone() },
            None => l.clone(),
        });
    }
    for r in right {
        if !left.iter().any(|l| same_name(&l.name, &r.name, case_sensitive)) {
            out.push(r.clone());
        }
    }
    Some(out)
}

fn merge_type(left: &DataType, right: &DataType, case_sensitive: bool) -> Option<DataType> {
    use DataType as T;
    Some(match (left, right) {
        (T::Array(a, an), T::Array(b, bn)) => T::Array(Box::new(merge_type(a, b, case_sensitive)?), *an || *bn),
        (T::Map(ak, av, an), T::Map(bk, bv, bn)) => {
            T::Map(Box::new(merge_type(ak, bk, case_sensitive)?), Box::new(merge_type(av, bv, case_sensitive)?), *an || *bn)
        }
        (T::Struct(a), T::Struct(b)) => T::Struct(merge_fields(a, b, case_sensitive)?),
        (T::Decimal(p1, s1), T::Decimal(p2, s2)) if s1 == s2 => T::Decimal(*p1.max(p2), *s1),
        (a, b) if a == b => a.clone(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, t: DataType) -> StructField {
        StructField::new(name.to_string(), t, true)
    }

    #[test]
    fn union_in_order_of_first_appearance() {
        let merged = merge_all(vec![vec![f("id", DataType::Integer), f("x", DataType::String)], vec![f("y", DataType::Double), f("ID", DataType::Integer)]], false)
            .unwrap()
            .unwrap();
        let names: Vec<&str> = merged.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["id", "x", "y"]);
    }

    #[test]
    fn nested_and_decimals_merge_other_types_do_not() {
        let s = |fs: Vec<StructField>| DataType::Struct(fs);
        let merged = merge_type(&s(vec![f("p", DataType::Integer)]), &s(vec![f("q", DataType::String)]), true).unwrap();
        assert_eq!(merged, s(vec![f("p", DataType::Integer), f("q", DataType::String)]));
        assert_eq!(merge_type(&DataType::Decimal(5, 2), &DataType::Decimal(7, 2), true), Some(DataType::Decimal(7, 2)));
        assert_eq!(merge_type(&DataType::Decimal(5, 2), &DataType::Decimal(7, 3), true), None);
        assert_eq!(merge_type(&DataType::Integer, &DataType::Long, true), None);
        let err = merge_all(vec![vec![f("id", DataType::Integer)], vec![f("id", DataType::Long)]], false).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("CANNOT_MERGE_SCHEMAS"));
    }
}
