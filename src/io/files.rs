//! The data files of a read path, as Spark's file index lists them, and the partition
//! columns their `key=value` directories name (Spark's partition discovery).

use super::csv::datetime::strict_date;
use super::csv::values::{java_boolean, java_double, java_int, java_long};
use crate::compat::java_decimal::java_big_decimal;
use crate::compat::datetime_text::{string_to_timestamp, today_in};
use crate::compat::timezone::Zone;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::Value;
use crate::lowering::expr::literal;
use crate::lowering::types::to_polars;
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

/// How a read finds its files: Spark's `basePath`, `recursiveFileLookup`,
/// `pathGlobFilter` and `modifiedBefore`/`modifiedAfter` options.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub base_path: Option<String>,
    pub recursive: bool,
    pub glob_filter: Option<String>,
    /// Microseconds since the epoch: files modified strictly before / after.
    pub modified_before: Option<i64>,
    pub modified_after: Option<i64>,
}

/// A `modifiedBefore`/`modifiedAfter` time, read in the session time zone as Spark's
/// `ModifiedDateFilter` reads it.
fn modified_threshold(option: &str, value: Option<String>, zone: &crate::compat::timezone::Zone) -> Result<Option<i64>> {
    let Some(v) = value else { return Ok(None) };
    match super::csv::datetime::spark_string_to_timestamp(&v, zone) {
        Some(t) => Ok(Some(t)),
        None => Err(Error::new(
            ErrorKind::Analysis,
            "_LEGACY_ERROR_TEMP_1294",
            format!("The timestamp provided for the '{}' option is invalid. The expected format is 'YYYY-MM-DDTHH:mm:ss', but the provided timestamp: {v}.", option.to_lowercase()),
        )
        .with_param("strategy", option.to_lowercase())
        .with_param("timeString", v)),
    }
}

/// A file's modification time in microseconds (Hadoop's, in milliseconds).
fn modified_micros(path: &Path) -> Option<i64> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let ms = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_millis() as i64,
        Err(e) => -(e.duration().as_millis() as i64),
    };
    Some(ms * 1000)
}

impl Discovery {
    pub fn of(table: &[super::options::Spec], options: &std::collections::BTreeMap<String, String>, session_time_zone: &str) -> Result<Discovery> {
        let get = |name| super::options::get(table, options, name).map(str::to_string);
        let recursive = match get("recursiveFileLookup") {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(v) => return Err(Error::plain(ErrorKind::IllegalArgument, format!("For input string: \"{v}\""))),
        };
        let zone = crate::compat::timezone::parse(session_time_zone).unwrap_or_else(|_| crate::compat::timezone::Zone::utc());
        Ok(Discovery {
            base_path: get("basePath"),
            recursive,
            glob_filter: get("pathGlobFilter"),
            modified_before: modified_threshold("modifiedBefore", get("modifiedBefore"), &zone)?,
            modified_after: modified_threshold("modifiedAfter", get("modifiedAfter"), &zone)?,
        })
    }
}

/// A directory of data files, its partition values and the base path discovery stopped at.
type PartitionDir = (PathBuf, Vec<(String, String)>, PathBuf);

/// The data files of a read as Spark's `InMemoryFileIndex` lists them: every visible
/// file under the paths (globs expanded), then, unless `recursiveFileLookup`, partition
/// discovery: the `key=value` directories between a base path and each file's
/// directory. A partitioned read keeps the files of partition directories only, an
/// unpartitioned one the files directly in the paths given.
pub fn list(paths: &[String], d: &Discovery) -> Result<Vec<DataFile>> {
    let mut roots = vec![];
    for p in paths {
        let matched = if p.contains(['*', '?']) { expand_glob(Path::new(p)) } else { [PathBuf::from(p)].into_iter().filter(|p| p.exists()).collect() };
        if matched.is_empty() {
            return Err(Error::new(ErrorKind::Analysis, "PATH_NOT_FOUND", format!("Path does not exist: file:{p}.")).with_param("path", format!("file:{p}")));
        }
        roots.extend(matched.into_iter().map(|m| normalized(&m)));
    }
    let mut leaves = vec![];
    for root in &roots {
        collect_files(root, &mut leaves);
    }
    if let Some(pattern) = &d.glob_filter {
        leaves.retain(|f| f.file_name().is_some_and(|n| wildcard_match(pattern, &n.to_string_lossy())));
    }
    if d.modified_before.is_some() || d.modified_after.is_some() {
        leaves.retain(|f| {
            let t = modified_micros(f);
            d.modified_before.is_none_or(|b| t.is_some_and(|t| t < b)) && d.modified_after.is_none_or(|a| t.is_some_and(|t| t > a))
        });
    }
    if d.recursive {
        return Ok(leaves.into_iter().map(|path| DataFile { path, partition: vec![] }).collect());
    }
    let bases = base_paths(&roots, d)?;
    let mut dirs: Vec<PathBuf> = leaves.iter().filter_map(|f| f.parent().map(Path::to_path_buf)).collect();
    dirs.sort();
    dirs.dedup();
    let parsed: Vec<PartitionDir> = dirs
        .into_iter()
        .map(|dir| {
            let (values, stop) = parse_partition(&dir, &bases);
            (dir, values, stop)
        })
        .collect();
    if parsed.iter().all(|(_, values, _)| values.is_empty()) {
        // Not partitioned: the files directly in the paths given (or the files given).
        let files = leaves.into_iter().filter(|f| roots.iter().any(|r| r == f || f.parent() == Some(r.as_path())));
        return Ok(files.map(|path| DataFile { path, partition: vec![] }).collect());
    }
    check_consistent(&parsed)?;
    let partitioned: Vec<&PartitionDir> = parsed.iter().filter(|(_, values, _)| !values.is_empty()).collect();
    Ok(leaves
        .into_iter()
        .filter_map(|path| {
            let (_, values, _) = partitioned.iter().find(|(dir, _, _)| path.parent() == Some(dir.as_path()))?;
            Some(DataFile { partition: values.clone(), path })
        })
        .collect())
}

/// A path without `.` components or a trailing separator, as Hadoop's `Path` holds it.
fn normalized(p: &Path) -> PathBuf {
    p.components().filter(|c| !matches!(c, Component::CurDir)).collect()
}

/// The directories partition discovery stops at: `basePath` (a directory every path is
/// under), else each path given (a file's directory for a file).
fn base_paths(roots: &[PathBuf], d: &Discovery) -> Result<Vec<PathBuf>> {
    let Some(base) = &d.base_path else {
        return Ok(roots.iter().map(|r| if r.is_file() { r.parent().map(Path::to_path_buf).unwrap_or_default() } else { r.clone() }).collect());
    };
    let base_dir = normalized(Path::new(base));
    if !base_dir.exists() {
        return Err(Error::plain(ErrorKind::IllegalArgument, "Option 'basePath' not found"));
    }
    if !base_dir.is_dir() {
        return Err(Error::plain(ErrorKind::IllegalArgument, "Option 'basePath' must be a directory"));
    }
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let base_text = absolute(&base_dir).to_string_lossy().into_owned();
    if let Some(root) = roots.iter().find(|r| !absolute(r).to_string_lossy().starts_with(&base_text)) {
        return Err(Error::plain(
            ErrorKind::IllegalArgument,
            format!("Wrong basePath {} for the root path: file:{}", base_dir.display(), absolute(root).display()),
        ));
    }
    Ok(vec![base_dir])
}

/// Spark's `parsePartition`: the `key=value` directories from `dir` up to a base path,
/// outermost first, stopping at the first other name once one was found; and the
/// directory it stopped at (`dir` itself when there are none).
fn parse_partition(dir: &Path, bases: &[PathBuf]) -> (Vec<(String, String)>, PathBuf) {
    let mut values = vec![];
    let mut current = dir;
    loop {
        if bases.iter().any(|b| b == current) {
            break;
        }
        let column = current.file_name().and_then(|n| n.to_str()).and_then(|n| n.split_once('=')).filter(|(k, _)| !k.is_empty());
        let parent = current.parent().filter(|p| !p.as_os_str().is_empty());
        match column {
            Some((k, v)) => values.push((unescape(k), unescape(v))),
            None if !values.is_empty() => break,
            None => {}
        }
        match parent {
            Some(p) => current = p,
            None => break,
        }
    }
    if values.is_empty() {
        return (values, dir.to_path_buf());
    }
    values.reverse();
    (values, current.to_path_buf())
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

/// Spark's checks that a partitioned read is one table: every directory with files
/// found from the same base, every partition directory with the same column names.
fn check_consistent(parsed: &[PartitionDir]) -> Result<()> {
    // Spark lists what conflicts in the order of its (hashed) leaf directories; the
    // reverse of the sorted order is what it gives for small trees.
    let mut stops: Vec<String> = vec![];
    for (_, _, stop) in parsed.iter().rev() {
        let s = qualified(stop).to_lowercase();
        if !stops.contains(&s) {
            stops.push(s);
        }
    }
    if stops.len() > 1 {
        let listed = format!("\n\t{}\n", stops.join("\n\t"));
        return Err(Error::new(
            ErrorKind::Runtime,
            "CONFLICTING_DIRECTORY_STRUCTURES",
            format!(
                "Conflicting directory structures detected.\nSuspicious paths:\n{listed}\nIf provided paths are partition directories, please set \"basePath\" in the options of the data source to specify the root directory of the table.\nIf there are multiple root directories, please load them separately and then union them. SQLSTATE: KD009"
            ),
        )
        .with_param("discoveredBasePaths", listed));
    }
    let with_values: Vec<(&PathBuf, Vec<&str>)> =
        parsed.iter().rev().filter(|(_, v, _)| !v.is_empty()).map(|(dir, v, _)| (dir, v.iter().map(|(k, _)| k.as_str()).collect())).collect();
    let mut distinct: Vec<&Vec<&str>> = vec![];
    for (_, names) in &with_values {
        if !distinct.contains(&names) {
            distinct.push(names);
        }
    }
    if distinct.len() > 1 {
        let lists: Vec<String> = distinct.iter().enumerate().map(|(i, names)| format!("Partition column name list #{i}: {}", names.join(", "))).collect();
        let mut by_length = distinct.clone();
        by_length.sort_by_key(|names| names.len());
        let suspicious: Vec<String> =
            by_length.iter().flat_map(|names| with_values.iter().filter(move |(_, n)| n == *names).map(|(dir, _)| qualified(dir))).collect();
        let lists_text = format!("\n\t{}\n", lists.join("\n\t"));
        let paths_text = format!("\n\t{}", suspicious.join("\n\t"));
        return Err(Error::new(
            ErrorKind::Runtime,
            "CONFLICTING_PARTITION_COLUMN_NAMES",
            format!(
                "Conflicting partition column names detected:\n{lists_text}\nFor partitioned table directories, data files should only live in leaf directories.\nAnd directories at the same level should have the same partition column name.\nPlease check the following directories for unexpected files or inconsistent partition column names:\n{paths_text} SQLSTATE: KD009"
            ),
        )
        .with_param("distinctPartColLists", lists_text)
        .with_param("suspiciousPaths", paths_text));
    }
    Ok(())
}

/// A local path as Spark names it in messages (`file:/abs/path`).
fn qualified(p: &Path) -> String {
    format!("file:{}", std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()).display())
}

/// The data files of one path with no discovery options (Parquet's footer probe).
pub fn data_files(path: &str) -> Vec<DataFile> {
    list(&[path.to_string()], &Discovery::default()).unwrap_or_default()
}

/// The partition columns of `files` (one table: every file has the same names) with
/// the types Spark infers from their values when
/// `spark.sql.sources.partitionColumnTypeInference.enabled` (int, bigint, decimal,
/// double, timestamp, date, else string), else strings.
pub fn partition_schema(files: &[DataFile], infer_types: bool, zone: &Zone) -> Vec<StructField> {
    let Some(first) = files.first() else { return vec![] };
    first
        .partition
        .iter()
        .map(|(name, _)| {
            let t = if infer_types {
                files
                    .iter()
                    .filter_map(|f| f.partition.iter().find(|(k, _)| k == name).map(|(_, v)| value_type(v, zone)))
                    .fold(DataType::Null, wider)
            } else {
                DataType::String
            };
            // Only NULL partitions: Spark infers VOID (inference off: STRING).
            StructField::new(name.as_str(), t, true)
        })
        .collect()
}

/// `inferPartitionColumnValue`: the first of int, bigint, decimal (no fraction),
/// double, timestamp (`yyyy-MM-dd HH:mm:ss[.S]`), date (`yyyy-MM-dd`) the text is.
fn value_type(raw: &str, zone: &Zone) -> DataType {
    if raw == NULL_PARTITION {
        return DataType::Null;
    }
    if raw.parse::<i32>().is_ok() {
        return DataType::Integer;
    }
    if raw.parse::<i64>().is_ok() {
        return DataType::Long;
    }
    // `new BigDecimal(raw)` with no fraction (`1e3` too), at scale 0.
    if let Some(d) = java_big_decimal(raw).filter(|d| d.scale <= 0) {
        let precision = d.precision() as i64 - d.scale;
        if precision <= 38 {
            return DataType::Decimal(precision as u8, 0);
        }
    }
    if java_double(raw).is_some() {
        return DataType::Double;
    }
    if partition_timestamp(raw, zone).is_some() {
        return DataType::Timestamp;
    }
    if strict_date(raw).is_some() {
        return DataType::Date;
    }
    DataType::String
}

/// A timestamp as Spark's partition pattern `yyyy-MM-dd HH:mm:ss[.S]` reads it, then
/// cast in the session zone.
fn partition_timestamp(raw: &str, zone: &Zone) -> Option<i64> {
    let b = raw.as_bytes();
    let shape = b"dddd-dd-dd dd:dd:dd";
    if b.len() < shape.len() || !shape.iter().zip(b).all(|(s, c)| if *s == b'd' { c.is_ascii_digit() } else { s == c }) {
        return None;
    }
    let fraction = &b[shape.len()..];
    // `[.S]`: one fraction digit at most (Spark's own six-digit text stays a string).
    let fraction_ok = fraction.is_empty() || (fraction.len() == 2 && fraction[0] == b'.' && fraction[1].is_ascii_digit());
    if !fraction_ok {
        return None;
    }
    string_to_timestamp(raw, zone, today_in)
}

/// `findWiderTypeForPartitionColumn`: NULL gives way, numbers widen (a decimal and a
/// double do not: string), a date widens to a timestamp, else string.
fn wider(a: DataType, b: DataType) -> DataType {
    use DataType as T;
    let integral_digits = |t: &T| match t {
        T::Integer => Some(10),
        T::Long => Some(20),
        _ => None,
    };
    match (a, b) {
        (a, b) if a == b => a,
        (T::Null, t) | (t, T::Null) => t,
        (T::Integer, T::Long) | (T::Long, T::Integer) => T::Long,
        (T::Integer | T::Long, T::Double) | (T::Double, T::Integer | T::Long) => T::Double,
        (T::Decimal(p, _), T::Decimal(q, _)) => T::Decimal(p.max(q), 0),
        (T::Decimal(p, _), other) | (other, T::Decimal(p, _)) if integral_digits(&other).is_some() => {
            T::Decimal(p.max(integral_digits(&other).unwrap_or(0)), 0)
        }
        (T::Date, T::Timestamp) | (T::Timestamp, T::Date) => T::Timestamp,
        _ => T::String,
    }
}

/// A file's value of a partition column, as the column's type (Spark casts the
/// directory's text; text that does not convert is NULL).
pub fn partition_value(file: &DataFile, field: &StructField, zone: &Zone) -> Result<pl::Expr> {
    let raw = file.partition.iter().find(|(k, _)| k.eq_ignore_ascii_case(&field.name)).map(|(_, v)| v.as_str());
    let value = match raw {
        None | Some(NULL_PARTITION) => None,
        Some(raw) => typed_value(raw, &field.data_type, zone),
    };
    let expr = match value {
        Some(v) => literal(&v)?.cast(to_polars(&field.data_type)),
        None => pl::lit(pl::Null {}).cast(to_polars(&field.data_type)),
    };
    Ok(expr.alias(field.name.as_str()))
}

fn typed_value(raw: &str, t: &DataType, zone: &Zone) -> Option<Value> {
    use crate::compat::datetime_text::{string_to_date, string_to_timestamp_ntz};
    Some(match t {
        DataType::String => Value::String(raw.to_string()),
        DataType::Byte => Value::Byte(java_int(raw)?.try_into().ok()?),
        DataType::Short => Value::Short(java_int(raw)?.try_into().ok()?),
        DataType::Integer => Value::Integer(java_int(raw)?),
        DataType::Long => Value::Long(java_long(raw)?),
        DataType::Float => Value::Float(java_double(raw)? as f32),
        DataType::Double => Value::Double(java_double(raw)?),
        DataType::Decimal(p, s) => Value::Decimal(java_big_decimal(raw)?.rescaled(*p, *s)?, *p, *s),
        DataType::Boolean => Value::Boolean(java_boolean(raw)?),
        DataType::Date => Value::Date(string_to_date(raw)?.try_into().ok()?),
        DataType::Timestamp => Value::Timestamp(string_to_timestamp(raw, zone, today_in)?),
        DataType::TimestampNtz => Value::TimestampNtz(string_to_timestamp_ntz(raw, true)?),
        _ => return None,
    })
}

/// Spark's `shouldFilterOutPathName`: `.` names, `_` names that are not `k=v`, files
/// being copied.
fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| (n.starts_with('_') && !n.contains('=')) || n.starts_with('.') || n.ends_with("._COPYING_"))
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

    fn tree(name: &str, files: &[&str]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pyrust-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for f in files {
            let path = dir.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, b"").unwrap();
        }
        dir
    }

    fn relative(dir: &Path, files: &[DataFile]) -> Vec<String> {
        files.iter().map(|f| f.path.strip_prefix(dir).unwrap().display().to_string()).collect()
    }

    #[test]
    fn partitioned_reads_keep_partition_directories_only() {
        let dir = tree("parts", &["_SUCCESS", ".part-0.crc", "part-1.parquet", "year=2024/city=New%20York/part-0.parquet", "year=2025/city=Paris/part-0.parquet"]);
        let files = list(&[dir.display().to_string()], &Discovery::default()).unwrap();
        assert_eq!(relative(&dir, &files), ["year=2024/city=New%20York/part-0.parquet", "year=2025/city=Paris/part-0.parquet"]);
        assert_eq!(files[0].partition, [("year".to_string(), "2024".to_string()), ("city".to_string(), "New York".to_string())]);
        let recursive = Discovery { recursive: true, ..Discovery::default() };
        assert_eq!(list(&[dir.display().to_string()], &recursive).unwrap().len(), 3);
        let based = Discovery { base_path: Some(dir.display().to_string()), ..Discovery::default() };
        let one = list(&[dir.join("year=2025").display().to_string()], &based).unwrap();
        assert_eq!(one[0].partition.len(), 2);
        assert!(list(&[dir.join("year=2025").display().to_string()], &Discovery::default()).unwrap()[0].partition.len() == 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn unpartitioned_reads_keep_the_top_level_and_conflicts_fail() {
        let dir = tree("flat", &["a.csv", "sub/b.csv"]);
        assert_eq!(relative(&dir, &list(&[dir.display().to_string()], &Discovery::default()).unwrap()), ["a.csv"]);
        let glob = Discovery { glob_filter: Some("b*".into()), recursive: true, ..Discovery::default() };
        assert_eq!(relative(&dir, &list(&[dir.display().to_string()], &glob).unwrap()), ["sub/b.csv"]);
        std::fs::remove_dir_all(dir).unwrap();
        let dir = tree("conflict", &["a=1/f.csv", "b=1/f.csv"]);
        let e = list(&[dir.display().to_string()], &Discovery::default()).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("CONFLICTING_PARTITION_COLUMN_NAMES"));
        std::fs::remove_dir_all(dir).unwrap();
        let dir = tree("structure", &["sub/f.csv", "k=1/f.csv"]);
        let e = list(&[dir.display().to_string()], &Discovery::default()).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("CONFLICTING_DIRECTORY_STRUCTURES"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn partition_types_as_spark_infers_them() {
        let file = |v: &str| DataFile { path: PathBuf::new(), partition: vec![("k".into(), v.into())] };
        let t = |values: &[&str]| partition_schema(&values.iter().map(|v| file(v)).collect::<Vec<_>>(), true, &Zone::utc())[0].data_type.clone();
        assert_eq!(t(&["1", "2"]), DataType::Integer);
        assert_eq!(t(&["1", "3000000000"]), DataType::Long);
        assert_eq!(t(&["1", "1.5"]), DataType::Double);
        assert_eq!(t(&["2024-01-31"]), DataType::Date);
        assert_eq!(t(&["2024-1-31"]), DataType::String);
        assert_eq!(t(&["1", "x"]), DataType::String);
        assert_eq!(t(&[NULL_PARTITION, "7"]), DataType::Integer);
        assert_eq!(t(&[NULL_PARTITION]), DataType::Null);
        assert_eq!(t(&["1", "99999999999999999999"]), DataType::Decimal(20, 0));
        assert_eq!(t(&["1.5", "99999999999999999999"]), DataType::String);
        assert_eq!(t(&["2024-01-02 03:04:05", "2024-01-02"]), DataType::Timestamp);
        assert_eq!(t(&["007", "-0"]), DataType::Integer);
        assert_eq!(t(&["1.5e3"]), DataType::Decimal(4, 0));
        assert_eq!(t(&["2024-01-02 03:04:05.123456"]), DataType::String);
        assert_eq!(t(&["2024-01-02 03:04:05.1"]), DataType::Timestamp);
    }
}
