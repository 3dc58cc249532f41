//! Data source options as tables: each format lists Spark's options for it (name,
//! aliases, type, default, read or write) and what PyRust does with each. One check
//! here refuses any option PyRust would not honour, so no option silently does nothing.

use crate::error::{Error, Result};
use crate::ir::FileFormat;
use std::collections::BTreeMap;

/// Whether an option belongs to reading, writing or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Read,
    Write,
    Both,
}

impl Direction {
    fn covers(self, d: Direction) -> bool {
        self == Direction::Both || self == d
    }

}

/// The kind of value Spark expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    Double,
    Char,
    Text,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bool => "boolean",
            Kind::Int => "integer",
            Kind::Double => "double",
            Kind::Char => "character",
            Kind::Text => "string",
        }
    }
}

/// What PyRust does with an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Honoured with any value Spark accepts.
    Yes,
    /// Honoured for these values only (compared case-insensitively); others are refused.
    Values(&'static [&'static str]),
    /// Refused whatever its value.
    No,
}

/// One of Spark's options of a data source.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    /// Spark's default, as text ("" where there is none).
    pub default: &'static str,
    pub direction: Direction,
    pub support: Support,
}

/// A table row; `const` so the tables are plain statics.
pub const fn spec(name: &'static str, kind: Kind, default: &'static str, direction: Direction, support: Support) -> Spec {
    Spec { name, aliases: &[], kind, default, direction, support }
}

impl Spec {
    pub const fn aliases(mut self, aliases: &'static [&'static str]) -> Spec {
        self.aliases = aliases;
        self
    }

    fn answers_to(&self, key: &str) -> bool {
        self.name.eq_ignore_ascii_case(key) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(key))
    }
}

/// Options every file source has (Spark's `FileSourceOptions` and path filters).
pub const FILE_SOURCE: &[Spec] = &[
    spec("path", Kind::Text, "", Direction::Both, Support::Yes),
    spec("recursiveFileLookup", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("pathGlobFilter", Kind::Text, "", Direction::Read, Support::Yes),
    spec("modifiedBefore", Kind::Text, "", Direction::Read, Support::Yes),
    spec("modifiedAfter", Kind::Text, "", Direction::Read, Support::Yes),
    spec("basePath", Kind::Text, "", Direction::Read, Support::Yes),
    // Defaults: the session's `spark.sql.files.ignoreCorruptFiles` / `ignoreMissingFiles`.
    spec("ignoreCorruptFiles", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("ignoreMissingFiles", Kind::Bool, "false", Direction::Read, Support::Yes),
    spec("maxRecordsPerFile", Kind::Int, "0", Direction::Write, Support::Yes),
    // Default: the session's `spark.sql.sources.partitionOverwriteMode` (static).
    spec("partitionOverwriteMode", Kind::Text, "static", Direction::Write, Support::Values(&["static", "dynamic"])),
];

/// The spec `key` names in a format's `table` (or `FILE_SOURCE`) for `direction`, if Spark
/// has such an option (a table may list an option twice, once a direction, when PyRust
/// supports it differently).
pub fn find(table: &'static [Spec], direction: Direction, key: &str) -> Option<&'static Spec> {
    let mut named = table.iter().chain(FILE_SOURCE).filter(|s| s.answers_to(key));
    named.find(|s| s.direction.covers(direction))
}

/// Refuses, by name, any option of `options` PyRust does not honour when `direction`-ing
/// `format`: one Spark does not have, one of the other direction, one not supported, or a
/// value PyRust does not support.
pub fn check(format: FileFormat, table: &'static [Spec], direction: Direction, options: &BTreeMap<String, String>) -> Result<()> {
    check_named(format.name(), table, direction, options)
}

/// `check` for a format known by its name only (ORC, read and written in Python).
pub fn check_named(format: &str, table: &'static [Spec], direction: Direction, options: &BTreeMap<String, String>) -> Result<()> {
    match refused(table, direction, options) {
        Some((key, value)) => Err(Error::unsupported(format!("the {} {} option '{key}' = '{value}'", format, direction_word(direction)))),
        None => Ok(()),
    }
}

/// `check` for the options map of a function (`from_json(s, schema, map(...))`),
/// read with the table of the format it reads or writes.
pub fn check_function(function: &str, table: &'static [Spec], direction: Direction, options: &BTreeMap<String, String>) -> Result<()> {
    match refused(table, direction, options) {
        Some((key, value)) => Err(Error::unsupported(format!("the option '{key}' = '{value}' of {function}"))),
        None => Ok(()),
    }
}

/// The first option of `options` PyRust does not honour.
fn refused<'a>(table: &'static [Spec], direction: Direction, options: &'a BTreeMap<String, String>) -> Option<(&'a str, &'a str)> {
    options.iter().find_map(|(key, value)| {
        let fine = match find(table, direction, key) {
            Some(s) => match s.support {
                Support::Yes => valid(s.kind, value),
                Support::Values(vs) => vs.iter().any(|v| v.eq_ignore_ascii_case(value)),
                Support::No => false,
            },
            None => false,
        };
        (!fine).then_some((key.as_str(), value.as_str()))
    })
}

fn direction_word(d: Direction) -> &'static str {
    if d == Direction::Write { "writer" } else { "reader" }
}

fn valid(kind: Kind, value: &str) -> bool {
    match kind {
        Kind::Bool => value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false"),
        Kind::Int => value.trim().parse::<i64>().is_ok(),
        Kind::Double => value.trim().parse::<f64>().is_ok(),
        Kind::Char | Kind::Text => true,
    }
}

/// The value of option `name` (or one of its aliases, by a format's `table`) in `options`.
pub fn get<'a>(table: &[Spec], options: &'a BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    let spec = table.iter().chain(FILE_SOURCE).find(|s| s.answers_to(name));
    options
        .iter()
        .find(|(k, _)| match spec {
            Some(s) => s.answers_to(k),
            None => k.eq_ignore_ascii_case(name),
        })
        .map(|(_, v)| v.as_str())
}

/// A boolean option, `default` when absent.
pub fn flag(table: &[Spec], options: &BTreeMap<String, String>, name: &str, default: bool) -> bool {
    get(table, options, name).map_or(default, |v| v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    use crate::io::formats::table;

    fn check(format: FileFormat, direction: Direction, options: &BTreeMap<String, String>) -> Result<()> {
        super::check(format, table(format), direction, options)
    }

    #[test]
    fn aliases_and_case_are_accepted() {
        assert!(check(FileFormat::Csv, Direction::Read, &opts(&[("DELIMITER", ";"), ("Header", "true")])).is_ok());
        assert_eq!(get(table(FileFormat::Csv), &opts(&[("delimiter", ";")]), "sep"), Some(";"));
    }

    #[test]
    fn unknown_unsupported_and_wrong_direction_are_refused() {
        assert!(check(FileFormat::Csv, Direction::Read, &opts(&[("nosuch", "1")])).is_err());
        assert!(check(FileFormat::Csv, Direction::Read, &opts(&[("ignoreCorruptFiles", "maybe")])).is_err());
        assert!(check(FileFormat::Parquet, Direction::Read, &opts(&[("compression", "gzip")])).is_err());
        assert!(check(FileFormat::Csv, Direction::Read, &opts(&[("header", "yes")])).is_err());
    }
}
