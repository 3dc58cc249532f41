//! Which option table belongs to which format: the one place that knows every format
//! module, so `options` stays a plain table checker below them all.

use super::options::{Direction, Spec, Support, FILE_SOURCE};
use crate::ir::FileFormat;

/// The option table of a format (its own options; `FILE_SOURCE` applies to all).
pub fn table(format: FileFormat) -> &'static [Spec] {
    match format {
        FileFormat::Csv => super::csv::OPTIONS,
        FileFormat::Json => super::json::OPTIONS,
        FileFormat::Parquet => super::parquet::OPTIONS,
        FileFormat::Text => super::text::OPTIONS,
    }
}

/// One option as text: format, name, aliases, type, default, direction, support.
pub type OptionRow = (String, String, Vec<String>, String, String, String, String);

/// Every option of every format as text rows (format, name, aliases, type, default,
/// direction, support), for the generated docs.
pub fn describe() -> Vec<OptionRow> {
    let formats = [FileFormat::Csv, FileFormat::Json, FileFormat::Parquet, FileFormat::Text];
    // ORC has no `FileFormat` (read and written through pyarrow, `io::orc`): named here.
    let tables = formats.iter().map(|f| (f.name(), table(*f))).chain([("orc", super::orc::OPTIONS)]);
    let mut rows = vec![];
    for (name, own) in tables {
        // A format's own row overrides the file source one of that name (ORC's ignore flags).
        let common = FILE_SOURCE.iter().filter(|c| !own.iter().any(|s| s.name == c.name && s.direction == c.direction));
        for s in own.iter().chain(common) {
            let support = match s.support {
                Support::Yes => "yes".to_string(),
                Support::Values(vs) => format!("only {}", vs.join(", ")),
                Support::No => "no".to_string(),
            };
            let direction = match s.direction {
                Direction::Read => "read",
                Direction::Write => "write",
                Direction::Both => "read, write",
            };
            let aliases = s.aliases.iter().map(|a| a.to_string()).collect();
            rows.push((name.to_string(), s.name.to_string(), aliases, s.kind.name().to_string(), s.default.to_string(), direction.to_string(), support));
        }
    }
    rows
}
