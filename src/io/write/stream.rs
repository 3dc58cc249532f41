//! Parquet writes through Polars' streaming sink: the query's rows go to the part files
//! as they are computed, never collected whole. Spark's layout is kept: the sink is
//! keyed on the partition columns and a file-path provider names each file as Spark
//! would (`key=value/part-00000-<uuid>.c000.snappy.parquet`), with `maxRecordsPerFile`
//! as the sink's rows-per-file limit.

use super::partition::{self, directory_name};
use super::{file_name, max_records_per_file, WriteContext, WriteSpec};
use crate::compat::cast_text::TextStyle;
use crate::error::Result;
use crate::io::parquet;
use crate::ir::{DataType, StructField};
use polars::prelude::file_provider::{FileProviderArgs, FileProviderReturn, FileProviderType};
use polars::prelude::{self as pl, col, lit};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Runs `lf` (columns named as `fields`) into Parquet part files under `dir`.
pub fn sink_parquet(spec: &WriteSpec, lf: pl::LazyFrame, fields: &[StructField], ctx: &WriteContext, dir: &Path, uuid: &str) -> Result<()> {
    parquet::check_writable(fields)?;
    let keys = partition::key_fields(fields, &spec.partition_by, ctx.case_sensitive);
    let data = partition::data_fields(fields, &spec.partition_by, ctx.case_sensitive)?;
    let lf = lf.with_columns(data.iter().filter(|f| f.data_type == DataType::Timestamp).map(|f| col(f.name.as_str()).cast(parquet::utc_instant())).collect::<Vec<_>>());
    let format = pl::FileWriteFormat::Parquet(Arc::new(pl::ParquetWriteOptions {
        compression: parquet::compression(&spec.options),
        compat_level: Some(pl::CompatLevel::newest()),
        key_value_metadata: Some(parquet::spark_footer(&data)),
        ..Default::default()
    }));
    let max_records = max_records_per_file(spec)?;
    let partitioned = !keys.is_empty();
    let base = pl::PlRefPath::try_from_path(dir)?;
    let destination = if !partitioned && max_records.is_none() {
        pl::SinkDestination::File { target: pl::SinkTarget::Path(base.join(file_name(spec, false, uuid, 0))) }
    } else {
        let strategy = if partitioned {
            pl::PartitionStrategy::Keyed { keys: key_exprs(&keys), include_keys: false, keys_pre_grouped: false }
        } else {
            pl::PartitionStrategy::FileSize
        };
        pl::SinkDestination::Partitioned {
            base_path: base,
            file_path_provider: Some(file_provider(spec, &keys, ctx, uuid)?),
            partition_strategy: strategy,
            max_rows_per_file: max_records.map_or(pl::IdxSize::MAX, |n| pl::IdxSize::try_from(n).unwrap_or(pl::IdxSize::MAX)),
            approximate_bytes_per_file: u64::MAX,
        }
    };
    let args = pl::UnifiedSinkArgs { mkdir: true, maintain_order: true, ..Default::default() };
    let schema_only = lf.clone().slice(0, 0);
    lf.sink(destination, format, args)?.collect_with_engine(pl::Engine::Streaming)?;
    if !partitioned && is_empty_dir(dir)? {
        // No row reached the size-split sink: Spark still writes one file (the schema).
        parquet::write_file(schema_only.collect()?, &data, &spec.options, &dir.join(file_name(spec, false, uuid, 0)))?;
    }
    Ok(())
}

/// The sink's keys: the partition columns, grouped as Spark's directories group them.
/// Spark writes NULL and '' to the same directory (one key for both); -0.0 and 0.0 go
/// to different ones, which Polars' grouping does not tell apart, so a floating key
/// comes with a second, hidden key: its sign bit (the provider reads it back).
fn key_exprs(keys: &[(&String, &StructField)]) -> Vec<pl::Expr> {
    let mut exprs = vec![];
    for (i, (_, f)) in keys.iter().enumerate() {
        let c = col(f.name.as_str());
        match f.data_type {
            DataType::String => exprs.push(pl::when(c.clone().eq(lit(""))).then(lit(pl::NULL)).otherwise(c).alias(f.name.as_str())),
            DataType::Float | DataType::Double => {
                let negative_zero = c.clone().eq(lit(0.0)).and((lit(1.0) / c.clone().cast(pl::DataType::Float64)).lt(lit(0.0)));
                exprs.push(c);
                exprs.push(negative_zero.alias(format!("{HIDDEN_SIGN}{i}")));
            }
            _ => exprs.push(c),
        }
    }
    exprs
}

/// The name prefix of the hidden sign keys of floating partition columns.
const HIDDEN_SIGN: &str = "__pyrust_negative_zero_";

/// The value of a key for its directory: -0.0 where its hidden sign key says so.
fn key_value<'a>(column: &'a pl::Column, args: &'a FileProviderArgs, index: usize) -> pl::PolarsResult<pl::AnyValue<'a>> {
    let value = column.get(0)?;
    let sign = args.partition_keys.column(&format!("{HIDDEN_SIGN}{index}")).ok().map(|s| s.get(0)).transpose()?;
    Ok(match (value, sign) {
        (pl::AnyValue::Float64(_), Some(pl::AnyValue::Boolean(true))) => pl::AnyValue::Float64(-0.0),
        (pl::AnyValue::Float32(_), Some(pl::AnyValue::Boolean(true))) => pl::AnyValue::Float32(-0.0),
        (value, _) => value,
    })
}

/// Names each file the sink opens: the partition directories from the key values as
/// Spark writes them to text, then Spark's file name with a counter per directory (two
/// keys may share a directory, e.g. -0.0 and 0.0 written as text, and must not share a file).
fn file_provider(spec: &WriteSpec, keys: &[(&String, &StructField)], ctx: &WriteContext, uuid: &str) -> Result<FileProviderType> {
    let style = TextStyle { zone: crate::compat::timezone::parse(ctx.session_time_zone)?, plain_decimals: true };
    let keys: Vec<(String, String, DataType)> = keys.iter().map(|(given, f)| ((*given).clone(), f.name.clone(), f.data_type.clone())).collect();
    let partitioned = !keys.is_empty();
    let spec = spec.clone();
    let uuid = uuid.to_string();
    let counters: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
    let provide = move |args: FileProviderArgs| -> pl::PolarsResult<FileProviderReturn> {
        let mut dir = String::new();
        for (index, (given, name, data_type)) in keys.iter().enumerate() {
            let column = args.partition_keys.column(name)?;
            dir.push_str(&directory_name(given, &key_value(column, &args, index)?, data_type, &style));
            dir.push('/');
        }
        let counter = {
            let mut counters = counters.lock().map_err(|_| pl::polars_err!(ComputeError: "the file counter lock is poisoned"))?;
            let next = counters.entry(dir.clone()).or_insert(0);
            *next += 1;
            *next - 1
        };
        Ok(FileProviderReturn::Path(format!("{dir}{}", file_name(&spec, partitioned, &uuid, counter))))
    };
    Ok(FileProviderType::Function(pl::PlanCallback::new(provide)))
}

fn is_empty_dir(dir: &Path) -> Result<bool> {
    Ok(std::fs::read_dir(dir).map_err(|e| super::io_error("listing", dir, e))?.next().is_none())
}
