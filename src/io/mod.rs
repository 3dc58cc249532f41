//! Files in and out: one module per format, each with its table of Spark's options
//! (`options` checks them all in one place), the files a path stands for (`files`),
//! the readers behind `spark.read` (`read`) and the writer behind `df.write` (`write`).
//!
//! The plan lowering asks `scan` for a format's Polars scan and nothing else; schema
//! inference that reads the files lives here with its reader.

pub mod compression;
pub mod csv;
pub mod file_metadata;
pub mod files;
pub mod input_files;
pub mod formats;
pub mod ignore;
pub mod json;
pub mod location;
pub mod options;
pub mod orc;
pub mod parquet;
pub mod parquet_merge;
mod read;
pub mod remote;
pub mod scratch;
pub mod text;
pub mod write;

use crate::error::{Error, ErrorKind, Result};
use crate::ir::FileFormat;
pub use read::{read_schema, scan, session_options, ReadConf};

/// The format a `spark.read.format(name)` / `df.write.format(name)` names: Spark's short
/// names and the class names its registry also answers to.
pub fn parse_format(name: &str) -> Result<FileFormat> {
    let lower = name.to_ascii_lowercase();
    let short = lower.strip_prefix("org.apache.spark.sql.execution.datasources.").map_or(lower.as_str(), |rest| rest.split('.').next().unwrap_or(rest));
    match short {
        "csv" | "com.databricks.spark.csv" => Ok(FileFormat::Csv),
        "parquet" => Ok(FileFormat::Parquet),
        "json" => Ok(FileFormat::Json),
        "text" => Ok(FileFormat::Text),
        "orc" | "avro" | "xml" | "binaryfile" | "jdbc" | "delta" | "noop" | "console" | "memory" | "rate" | "socket" => {
            Err(Error::unsupported(format!("the {short} data source")))
        }
        _ => Err(Error::new(
            ErrorKind::Analysis,
            "DATA_SOURCE_NOT_FOUND",
            format!(
                "Failed to find the data source: {name}. Make sure the provider name is correct and the package is properly registered and compatible with your Spark version. SQLSTATE: 42K02"
            ),
        )
        .with_param("provider", name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        assert_eq!(parse_format("CSV").ok(), Some(FileFormat::Csv));
        assert_eq!(parse_format("org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat").ok(), Some(FileFormat::Parquet));
        assert_eq!(parse_format("nosuch").map_err(|e| e.error_class), Err(Some("DATA_SOURCE_NOT_FOUND".into())));
        assert!(parse_format("orc").is_err());
    }
}
