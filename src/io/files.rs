//! The data files of a read path, as Spark's file index lists them, and the partition
//! columns their `key=value` directories name (Spark's partition discovery).

use crate::lowering::types::to_polars;
use crate::ir::text::date_text;
use crate::ir::{DataType, StructField};
use polars::prelude as pl;
use std::path::{Component, Path, PathBuf};

/// One data file, with the raw partition values of the directories between the read
/// path and the file (`year=2024/month=01` gives `[("year", "2024"), ("month", "01")]`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataFile {
    pub path: PathBuf,
    pub partition: Vec<(String, String)>,
}

/// Spark's marker for a NULL partition value.
const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The data files of a path, sorted by name: the path itself, the files under a
/// directory, or those under what a glob (`*`, `?` in any component) matches. Names
/// starting with `_` or `.` (`_SUCCESS`, checksums) are not data, as in Spark.
pub fn data_files(path: &str) -> Vec<DataFile> {
    let roots = if path.contains(['*', '?']) { expand_glob(Path::new(path)) } else { vec![PathBuf::from(path)] };
    let mut files = vec![];
    for root in roots {
        let mut found = vec![];
        collect_files(&root, &mut found);
        files.extend(found.into_iter().map(|f| DataFile { partition: partition_of(&root, &f), path: f }));
    }
    files
}

fn partition_of(root: &Path, file: &Path) -> Vec<(String, String)> {
    let Some(dirs) = file.parent().and_then(|p| p.strip_prefix(root).ok()) else { return vec![] };
    dirs.components()
        .filter_map(|c| match c {
            Component::Normal(part) => part.to_str()?.split_once('=').map(|(k, v)| (unescape(k), unescape(v))),
            _ => None,
        })
        .collect()
}

/// Spark escapes special characters in partition directories as `%XX`.
pub(crate) fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = s.get(i + 1..i + 3).and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The partition columns of `files` with the types Spark infers from their values
/// (`spark.sql.sources.partitionColumnTypeInference.enabled`): int, bigint, decimal,
/// double, date, else string; the columns of the first file, in directory order.
pub fn partition_schema(files: &[DataFile]) -> Vec<StructField> {
    let Some(first) = files.first() else { return vec![] };
    first
        .partition
        .iter()
        .map(|(name, _)| {
            let t = files
                .iter()
                .filter_map(|f| f.partition.iter().find(|(k, _)| k == name).map(|(_, v)| value_type(v)))
                .fold(DataType::Null, wider);
            StructField::new(name.as_str(), if t == DataType::Null { DataType::String } else { t }, true)
        })
        .collect()
}

fn value_type(raw: &str) -> DataType {
    if raw == NULL_PARTITION {
        return DataType::Null;
    }
    if raw.parse::<i32>().is_ok() {
        return DataType::Integer;
    }
    if raw.parse::<i64>().is_ok() {
        return DataType::Long;
    }
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if !digits.is_empty() && digits.len() <= 38 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return DataType::Decimal(digits.len() as u8, 0);
    }
    let numeric = raw.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if (numeric && raw.bytes().any(|b| b.is_ascii_digit()) && raw.parse::<f64>().is_ok()) || matches!(raw, "NaN" | "Infinity" | "-Infinity") {
        return DataType::Double;
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        let days = (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32;
        if date_text(days) == raw {
            return DataType::Date;
        }
    }
    DataType::String
}

/// The type two partition values share: NULL gives way, numbers widen, else string.
fn wider(a: DataType, b: DataType) -> DataType {
    use DataType as T;
    let rank = |t: &T| match t {
        T::Integer => Some(0),
        T::Long => Some(1),
        T::Decimal(..) => Some(2),
        T::Double => Some(3),
        _ => None,
    };
    match (a, b) {
        (a, b) if a == b => a,
        (T::Null, t) | (t, T::Null) => t,
        (T::Decimal(p, _), T::Decimal(q, _)) => T::Decimal(p.max(q), 0),
        (a, b) if rank(&a).is_some() && rank(&b).is_some() => {
            let widest = if rank(&a) > rank(&b) { a } else { b };
            // bigint and int values in a decimal column need its 19 digits at least.
            match widest {
                T::Decimal(p, _) => T::Decimal(p.max(19), 0),
                other => other,
            }
        }
        _ => T::String,
    }
}

/// A file's value of a partition column as an engine column.
pub fn partition_value(file: &DataFile, field: &StructField) -> pl::Expr {
    let target = to_polars(&field.data_type);
    match file.partition.iter().find(|(k, _)| *k == field.name).map(|(_, v)| v.as_str()) {
        None | Some(NULL_PARTITION) => pl::lit(pl::Null {}).cast(target),
        Some(raw) => pl::lit(raw.to_string()).strict_cast(target),
    }
    .alias(field.name.as_str())
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('_') || n.starts_with('.'))
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    entries.sort();
    entries
}

fn collect_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        out.push(p.to_path_buf());
    } else {
        for e in sorted_entries(p).into_iter().filter(|e| !is_hidden(e)) {
            collect_files(&e, out);
        }
    }
}

fn expand_glob(pattern: &Path) -> Vec<PathBuf> {
    let mut matches = vec![PathBuf::new()];
    for component in pattern.components() {
        let part = component.as_os_str().to_string_lossy();
        if !part.contains(['*', '?']) {
            matches.iter_mut().for_each(|m| m.push(component));
            continue;
        }
        matches = matches
            .iter()
            .flat_map(|dir| sorted_entries(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }))
            .filter(|e| !is_hidden(e) && e.file_name().is_some_and(|n| wildcard_match(&part, &n.to_string_lossy())))
            .collect();
    }
    matches.into_iter().filter(|m| m.exists()).collect()
}

pub(crate) fn wildcard_match(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some('*') => (0..=n.len()).any(|i| go(&p[1..], &n[i..])),
            Some('?') => !n.is_empty() && go(&p[1..], &n[1..]),
            Some(c) => n.first() == Some(c) && go(&p[1..], &n[1..]),
        }
    }
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    go(&p, &n)
}

/// An I/O failure on `path` as an error that says what was being done.
pub fn io_error(what: &str, path: &Path, e: std::io::Error) -> crate::error::Error {
    crate::error::Error::internal(format!("{what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("part-*.parquet", "part-0001.parquet"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("*.parquet", "x.csv"));
    }

    #[test]
    fn data_files_skip_hidden_names_and_read_partitions() {
        let dir = std::env::temp_dir().join(format!("pyrust-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("year=2024/city=New%20York")).unwrap();
        for name in ["_SUCCESS", ".part-0.crc", "part-1.parquet", "year=2024/city=New%20York/part-0.parquet"] {
            std::fs::write(dir.join(name), b"").unwrap();
        }
        let files = data_files(dir.to_str().unwrap());
        let found: Vec<String> = files.iter().map(|f| f.path.strip_prefix(&dir).unwrap().display().to_string()).collect();
        assert_eq!(found, ["part-1.parquet", "year=2024/city=New%20York/part-0.parquet"]);
        assert_eq!(files[1].partition, [("year".to_string(), "2024".to_string()), ("city".to_string(), "New York".to_string())]);
        assert_eq!(data_files(&format!("{}/part-*", dir.display())).len(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn partition_types_as_spark_infers_them() {
        let file = |v: &str| DataFile { path: PathBuf::new(), partition: vec![("k".into(), v.into())] };
        let t = |values: &[&str]| partition_schema(&values.iter().map(|v| file(v)).collect::<Vec<_>>())[0].data_type.clone();
        assert_eq!(t(&["1", "2"]), DataType::Integer);
        assert_eq!(t(&["1", "3000000000"]), DataType::Long);
        assert_eq!(t(&["1", "1.5"]), DataType::Double);
        assert_eq!(t(&["2024-01-31"]), DataType::Date);
        assert_eq!(t(&["2024-1-31"]), DataType::String);
        assert_eq!(t(&["1", "x"]), DataType::String);
        assert_eq!(t(&[NULL_PARTITION, "7"]), DataType::Integer);
        assert_eq!(t(&[NULL_PARTITION]), DataType::String);
    }
}
