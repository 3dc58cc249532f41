//! ORC. Polars has neither an ORC reader nor a writer, and orc-rust would pull a second
//! Arrow stack into the build, so the Python side reads and writes ORC files with
//! pyarrow.orc. This module holds what stays in Rust: Spark's ORC option table and the
//! listing of a read (Spark's file discovery and partition columns, as for the other
//! formats).

use super::files::{self, DataFile, Discovery};
use super::options::{self, spec, Direction, Kind, Spec, Support};
use crate::error::Result;
use crate::ir::StructField;
use std::collections::BTreeMap;

/// Spark's ORC options (`OrcOptions` and the file source ones), and what PyRust does
/// with each.
pub const OPTIONS: &[Spec] = &[
    // pyarrow reads one file's schema; merging schemas is not done.
    spec("mergeSchema", Kind::Bool, "false", Direction::Read, Support::Values(&["false"])),
    // pyarrow.orc fails on a corrupt or vanished file; skipping them is not done.
    spec("ignoreCorruptFiles", Kind::Bool, "false", Direction::Read, Support::Values(&["false"])),
    spec("ignoreMissingFiles", Kind::Bool, "false", Direction::Read, Support::Values(&["false"])),
    // Spark's default is `spark.sql.orc.compression.codec` (zstd); lzo and brotli
    // are Spark's too, pyarrow writes neither.
    spec("compression", Kind::Text, "zstd", Direction::Write, Support::Values(&["none", "uncompressed", "snappy", "zlib", "lz4", "zstd"]))
        .aliases(&["orc.compress"]),
];

/// Refuses, by name, an ORC option PyRust does not honour in `direction`.
pub fn check_options(direction: Direction, options: &BTreeMap<String, String>) -> Result<()> {
    options::check_named("orc", OPTIONS, direction, options)
}

/// The data files of an ORC read and the partition columns of their directories (typed
/// as Spark infers them when `infer_types`), found as for every file source.
pub fn listing(paths: &[String], options: &BTreeMap<String, String>, session_time_zone: &str, infer_types: bool) -> Result<(Vec<DataFile>, Vec<StructField>)> {
    let discovery = Discovery::of(OPTIONS, options, session_time_zone)?;
    check_options(Direction::Read, options)?;
    let found = files::list(paths, &discovery)?;
    let zone = crate::compat::timezone::parse(session_time_zone).unwrap_or_else(|_| crate::compat::timezone::Zone::utc());
    let partitions = files::partition_schema(&found, infer_types, &zone);
    Ok((found, partitions))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn options_are_checked_by_direction() {
        assert!(check_options(Direction::Write, &opts(&[("compression", "SNAPPY")])).is_ok());
        assert!(check_options(Direction::Write, &opts(&[("orc.compress", "zlib")])).is_ok());
        assert!(check_options(Direction::Write, &opts(&[("compression", "lzo")])).is_err());
        assert!(check_options(Direction::Read, &opts(&[("compression", "zstd")])).is_err());
        assert!(check_options(Direction::Read, &opts(&[("mergeSchema", "true")])).is_err());
        assert!(check_options(Direction::Read, &opts(&[("pathGlobFilter", "*.orc")])).is_ok());
    }
}
