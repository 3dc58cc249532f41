//! `agg({"column": "function"})`, as Spark reads it.
//!
//! Each entry becomes a call of the named function on the column (Spark's
//! `RelationalGroupedDataset.strToExpr`): `mean`/`average` are `avg`, `std` is
//! `stddev`, `size` is `count`, `*` is every column (and `count(*)` counts rows);
//! any other name is looked up in the registry like a function in SQL text.
//!
//! The columns come out in the order Spark iterates the map, not the dict's: PySpark
//! hands the dict to the JVM as a `java.util.HashMap`, which Spark turns into a Scala
//! immutable `Map` — kept in the HashMap's order up to four entries, a hash trie
//! (CHAMP) beyond. Both orders depend only on the keys' `String.hashCode`.

use crate::ir::{Attribute, Expr};

/// The aggregate expressions of `agg(dict)` over a DataFrame with `columns`, in
/// Spark's order.
pub fn aggregates(pairs: &[(String, String)], columns: &[Attribute]) -> Vec<Expr> {
    let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
    scala_map_order(&keys)
        .into_iter()
        .map(|i| {
            let (column, function) = &pairs[i];
            aggregate(column, function, columns)
        })
        .collect()
}

fn aggregate(column: &str, function: &str, columns: &[Attribute]) -> Expr {
    let name = match function.to_lowercase().as_str() {
        "avg" | "average" | "mean" => "avg".to_string(),
        "stddev" | "std" => "stddev".to_string(),
        "count" | "size" => "count".to_string(),
        // Spark looks the name up in its SQL registry: DataFrame-only functions
        // (`product`) are unresolved there.
        other => crate::analysis::functions::sql_name(other.to_string()),
    };
    let args = match super::column_reference(column) {
        // `count(*)` counts rows; any other function gets every column as arguments.
        star @ Expr::Star { .. } if name == "count" => vec![star],
        Expr::Star { .. } => columns.iter().cloned().map(Expr::Attr).collect(),
        input => vec![input],
    };
    let call = Expr::func(&name, args);
    // Spark's `df.col("s.a")` is the field aliased by its last part, and the call
    // shows it: `sum(s.a AS a)`.
    match nested_field(column, columns) {
        Some(last) => {
            let shown = crate::analysis::naming::auto_name(&call).replacen(&format!("({column})"), &format!("({column} AS {last})"), 1);
            call.alias(&shown)
        }
        None => call,
    }
}

/// The last part of `column` when it names a field of a struct column.
fn nested_field(column: &str, columns: &[Attribute]) -> Option<String> {
    let parts = super::column_parts(column);
    let (first, last) = (parts.first()?, parts.last()?);
    let is_struct = columns.iter().any(|a| a.name.eq_ignore_ascii_case(first) && matches!(a.data_type, crate::ir::DataType::Struct(..)));
    (parts.len() > 1 && is_struct).then(|| last.clone())
}

/// Java's `String.hashCode`: over UTF-16 code units, wrapping.
fn java_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(unit as i32))
}

/// The iteration order of a `java.util.HashMap` filled with `keys` in order: by
/// bucket, then insertion order within a bucket (no bucket here grows to a tree).
fn java_hashmap_order(keys: &[&str]) -> Vec<usize> {
    let mut capacity = 16usize;
    while keys.len() > capacity * 3 / 4 {
        capacity *= 2;
    }
    let bucket = |k: &str| {
        let h = java_hash(k) as u32;
        ((h ^ (h >> 16)) as usize) & (capacity - 1)
    };
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| bucket(keys[i])); // stable: insertion order within a bucket
    order
}

/// Scala's `Hashing.improve`, which spreads a hash code over the trie's levels.
fn improve(hash: i32) -> u32 {
    let mut h = hash.wrapping_add(!(hash << 9));
    h ^= ((h as u32) >> 14) as i32;
    h = h.wrapping_add(h << 4);
    (h ^ ((h as u32) >> 10) as i32) as u32
}

/// The iteration order of a Scala 2.13 immutable `Map` built from entries in the
/// order given: `Map1`..`Map4` keep it; a larger map is a CHAMP trie, iterated depth
/// first, each node's own entries (by their 5-bit hash slice) before its sub-nodes.
fn scala_map_order(keys: &[&str]) -> Vec<usize> {
    let inserted = java_hashmap_order(keys);
    if inserted.len() <= 4 {
        return inserted;
    }
    let hashes: Vec<u32> = keys.iter().map(|k| improve(java_hash(k))).collect();
    let mut out = Vec::with_capacity(keys.len());
    champ_order(&inserted, &hashes, 0, &mut out);
    out
}

fn champ_order(entries: &[usize], hashes: &[u32], shift: u32, out: &mut Vec<usize>) {
    if shift >= 32 {
        // Equal hashes: a collision node keeps them in insertion order.
        out.extend_from_slice(entries);
        return;
    }
    let mut slots: std::collections::BTreeMap<u32, Vec<usize>> = std::collections::BTreeMap::new();
    for &e in entries {
        slots.entry((hashes[e] >> shift) & 31).or_default().push(e);
    }
    out.extend(slots.values().filter(|s| s.len() == 1).map(|s| s[0]));
    for s in slots.values().filter(|s| s.len() > 1) {
        champ_order(s, hashes, shift + 5, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::naming::auto_name;

    fn order(keys: &[&str]) -> Vec<String> {
        let pairs: Vec<(String, String)> = keys.iter().map(|k| (k.to_string(), "max".to_string())).collect();
        aggregates(&pairs, &[]).iter().map(auto_name).collect()
    }

    #[test]
    fn hash_codes_are_javas() {
        assert_eq!(java_hash("age"), 96511);
        assert_eq!(java_hash("salary"), -909719094);
        assert_eq!(java_hash("😀"), 1772899);
    }

    #[test]
    fn small_maps_iterate_in_hashmap_order() {
        // Recorded from PySpark 4.0.1.
        assert_eq!(order(&["salary", "age"]), vec!["max(salary)", "max(age)"]);
    }

    #[test]
    fn larger_maps_iterate_in_trie_order() {
        // Recorded from PySpark 4.0.1.
        assert_eq!(
            order(&["name", "age", "city", "salary", "x", "yy"]),
            vec!["max(name)", "max(age)", "max(salary)", "max(yy)", "max(x)", "max(city)"]
        );
        assert_eq!(
            order(&["c0", "c1", "c2", "c3", "c4"]),
            order(&["c4", "c3", "c2", "c1", "c0"]),
            "a trie's order does not depend on insertion"
        );
    }

    #[test]
    fn nested_fields_show_their_alias() {
        use crate::ir::{DataType, StructField};
        let field = StructField::new("n", DataType::Integer, true);
        let st = Attribute { id: 1, name: "st".into(), data_type: DataType::Struct(vec![field]), nullable: true, qualifier: None, metadata: None };
        let pairs = vec![("st.n".to_string(), "sum".to_string())];
        assert_eq!(auto_name(&aggregates(&pairs, std::slice::from_ref(&st))[0]), "sum(st.n AS n)");
        // Without a struct column of that name, `t.k` is a qualified column.
        let pairs = vec![("t.k".to_string(), "sum".to_string())];
        assert_eq!(auto_name(&aggregates(&pairs, &[st])[0]), "sum(t.k)");
    }

    #[test]
    fn function_names_as_spark_reads_them() {
        let pairs = vec![("v".to_string(), "Mean".to_string())];
        assert_eq!(auto_name(&aggregates(&pairs, &[])[0]), "avg(v)");
        let star = vec![("*".to_string(), "size".to_string())];
        assert_eq!(auto_name(&aggregates(&star, &[])[0]), "count(1)");
        let upper = vec![("v".to_string(), "MAX".to_string())];
        assert_eq!(auto_name(&aggregates(&upper, &[])[0]), "max(v)");
    }
}
