//! `partitionBy`: rows split into Hive-style `column=value` directories, values written
//! as Spark casts them to text and escaped as Spark escapes path names, NULL and empty
//! values as `__HIVE_DEFAULT_PARTITION__`; the partition columns leave the files.

use crate::compat::cast_text::{value_text, TextStyle};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::StructField;
use polars::prelude::{self as pl, IdxCa};
use std::collections::HashMap;
use std::path::PathBuf;

const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

fn find<'a>(fields: &'a [StructField], name: &str, case_sensitive: bool) -> Option<&'a StructField> {
    fields.iter().find(|f| if case_sensitive { f.name == name } else { f.name.eq_ignore_ascii_case(name) })
}

/// The columns that go into the files: all but the partition columns, which must exist
/// and must not be all of them.
pub fn data_fields(fields: &[StructField], partition_by: &[String], case_sensitive: bool) -> Result<Vec<StructField>> {
    let mut keys = vec![];
    for p in partition_by {
        match find(fields, p, case_sensitive) {
            // Spark's `PartitioningUtils.canPartitionOn`: atomic types only (no arrays,
            // maps, structs, nor the VOID of a NULL literal).
            Some(f) if !f.data_type.is_atomic() => {
                // Spark checks the data's schema made nullable (`asNullable`).
                let shown = format!("\"{}\"", f.data_type.as_nullable().sql());
                return Err(Error::new(ErrorKind::Analysis, "INVALID_PARTITION_COLUMN_DATA_TYPE", format!("Cannot use {shown} for partition column."))
                    .with_param("type", shown));
            }
            Some(f) => keys.push(f.name.clone()),
            None => {
                let schema = fields.iter().map(|f| format!("{}:{}", f.name, f.data_type.simple_string())).collect::<Vec<_>>().join(",");
                return Err(Error::new(ErrorKind::Analysis, "_LEGACY_ERROR_TEMP_1155", format!("Partition column `{p}` not found in schema struct<{schema}>."))
                    .with_param("col", p.clone())
                    .with_param("schemaCatalog", format!("struct<{schema}>")));
            }
        }
    }
    let data: Vec<StructField> = fields.iter().filter(|f| !keys.contains(&f.name)).cloned().collect();
    if data.is_empty() && !fields.is_empty() {
        return Err(Error::new(ErrorKind::Analysis, "ALL_PARTITION_COLUMNS_NOT_ALLOWED", "Cannot use all columns for partition columns. SQLSTATE: KD005"));
    }
    Ok(data)
}

/// Spark's `ExternalCatalogUtils.escapePathName`: control characters and
/// `"#%'*/:=?\{[]^` and DEL as `%XX`.
pub fn escape_path_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let escaped = matches!(c, '\u{01}'..='\u{1F}' | '"' | '#' | '%' | '\'' | '*' | '/' | ':' | '=' | '?' | '\\' | '\u{7F}' | '{' | '[' | ']' | '^');
        if escaped {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// One level of a partition path: `column=value`, the value as Spark writes it to text
/// (NULL and the empty string as `__HIVE_DEFAULT_PARTITION__`), both escaped.
pub fn directory_name(column: &str, value: &pl::AnyValue, data_type: &crate::ir::DataType, style: &TextStyle) -> String {
    let text = if value.is_null() { String::new() } else { value_text(value, data_type, style) };
    let shown = if text.is_empty() { NULL_PARTITION.to_string() } else { escape_path_name(&text) };
    format!("{}={shown}", escape_path_name(column))
}

/// The partition columns as `partitionBy` names them, with their fields.
pub fn key_fields<'a>(fields: &'a [StructField], partition_by: &'a [String], case_sensitive: bool) -> Vec<(&'a String, &'a StructField)> {
    partition_by.iter().filter_map(|p| Some((p, find(fields, p, case_sensitive)?))).collect()
}

/// The rows of `df` by partition directory (relative, "" without partition columns),
/// in the order each directory first appears, without the partition columns.
pub fn split(df: pl::DataFrame, fields: &[StructField], partition_by: &[String], session_time_zone: &str, case_sensitive: bool) -> Result<Vec<(PathBuf, pl::DataFrame)>> {
    if partition_by.is_empty() {
        return Ok(vec![(PathBuf::new(), df)]);
    }
    let style = TextStyle { zone: crate::compat::timezone::parse(session_time_zone)?, plain_decimals: true };
    // The directories carry the names as partitionBy spells them.
    let keys = key_fields(fields, partition_by, case_sensitive);
    let columns = keys.iter().map(|(_, k)| df.column(&k.name).map(|c| c.as_materialized_series().clone())).collect::<pl::PolarsResult<Vec<_>>>()?;
    let mut order: Vec<PathBuf> = vec![];
    let mut rows: HashMap<PathBuf, Vec<pl::IdxSize>> = HashMap::new();
    for i in 0..df.height() {
        let mut dir = PathBuf::new();
        for ((given, k), s) in keys.iter().zip(&columns) {
            dir.push(directory_name(given, &s.get(i)?, &k.data_type, &style));
        }
        match rows.get_mut(&dir) {
            Some(list) => list.push(i as pl::IdxSize),
            None => {
                order.push(dir.clone());
                rows.insert(dir, vec![i as pl::IdxSize]);
            }
        }
    }
    let names: Vec<String> = keys.iter().map(|(_, k)| k.name.clone()).collect();
    let data = df.drop_many(names);
    let mut out = vec![];
    for dir in order {
        let idx = IdxCa::from_vec("idx".into(), rows.remove(&dir).unwrap_or_default());
        out.push((dir, data.take(&idx)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::DataType;

    #[test]
    fn path_names_escaped_as_spark_escapes_them() {
        assert_eq!(escape_path_name("a/b=c:d"), "a%2Fb%3Dc%3Ad");
        assert_eq!(escape_path_name("é %#"), "é %25%23");
        assert_eq!(escape_path_name("2024-01-02 03:04:05"), "2024-01-02 03%3A04%3A05");
    }

    #[test]
    fn complex_partition_columns_refused() {
        let map = DataType::Map(Box::new(DataType::String), Box::new(DataType::Integer), true);
        let fields = vec![StructField::new("m", map, true), StructField::new("id", DataType::Integer, true)];
        let err = data_fields(&fields, &["M".to_string()], false).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("INVALID_PARTITION_COLUMN_DATA_TYPE") && err.contains("\"MAP<STRING, INT>\""), "{err}");
        assert_eq!(data_fields(&fields, &["id".to_string()], false).map(|d| d.len()).ok(), Some(1));
    }
}
