//! `df.write`: Spark's file layout (a directory of `part-*` files and `_SUCCESS`,
//! Hive-style `key=value` directories under `partitionBy`) written to a staging
//! directory beside the target and committed by rename (`commit`), so a write that
//! fails leaves the target as it was.

mod commit;
mod partition;
mod remote_commit;
mod stream;
mod text_parts;

use super::files::io_error;
use super::formats::table;
use super::location::{self, Location, Storage};
use super::remote::Client;
use super::options::{self, Direction};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{FileFormat, StructField};
use polars::prelude as pl;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use partition::{data_fields, escape_path_name};

/// Spark's `SaveMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    ErrorIfExists,
    Append,
    Overwrite,
    Ignore,
}

impl SaveMode {
    pub fn parse(mode: &str) -> Result<SaveMode> {
        match mode.to_ascii_lowercase().as_str() {
            "error" | "errorifexists" | "default" => Ok(SaveMode::ErrorIfExists),
            "append" => Ok(SaveMode::Append),
            "overwrite" => Ok(SaveMode::Overwrite),
            "ignore" => Ok(SaveMode::Ignore),
            _ => Err(Error::new(
                ErrorKind::Analysis,
                "INVALID_SAVE_MODE",
                format!("The specified save mode \"{mode}\" is invalid. Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\". SQLSTATE: 42000"),
            )
            .with_param("mode", format!("\"{mode}\""))),
        }
    }
}

/// What `df.write....save(path)` asks for.
#[derive(Debug, Clone)]
pub struct WriteSpec {
    pub format: FileFormat,
    pub mode: SaveMode,
    pub path: String,
    pub options: BTreeMap<String, String>,
    pub partition_by: Vec<String>,
}

/// Writes one Parquet part file that Polars' writer cannot (a MAP column: Polars writes
/// a map as a list of key-value structs, which Spark reads back as an array). The Python
/// side implements it with pyarrow (`python::arrow_write`), so `io` and `exec` hold no PyO3.
pub trait ParquetPartWriter: Send + Sync {
    /// Writes `df` (columns named as `data`) to `path` with the Parquet `codec`
    /// (the `compression` option's value) and Spark's footer.
    fn write_part(&self, df: pl::DataFrame, data: &[StructField], codec: &str, path: &Path) -> Result<()>;
}

/// The session settings a write's text depends on.
pub struct WriteContext<'a> {
    pub session_time_zone: &'a str,
    pub case_sensitive: bool,
    /// The object-store settings, for remote targets.
    pub storage: &'a Storage,
}

/// What committing a write replaces of an existing target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Nothing: the new files join the old ones (append; a new target).
    Nothing,
    /// The whole target (overwrite).
    Everything,
    /// Only the partition directories the write produced, this many levels deep (Spark's
    /// dynamic partition overwrite).
    WrittenPartitions(usize),
}

impl Replace {
    /// Under `spec`'s mode and `partitionOverwriteMode` option (which the session's
    /// `spark.sql.sources.partitionOverwriteMode` fills in): dynamic mode replaces only
    /// written partitions, and only for a partitioned overwrite, as in Spark.
    fn of(spec: &WriteSpec) -> Replace {
        let dynamic = options::get(table(spec.format), &spec.options, "partitionOverwriteMode").is_some_and(|m| m.eq_ignore_ascii_case("dynamic"));
        match spec.mode {
            SaveMode::Append => Replace::Nothing,
            SaveMode::Overwrite if dynamic && !spec.partition_by.is_empty() => Replace::WrittenPartitions(spec.partition_by.len()),
            _ => Replace::Everything,
        }
    }
}

/// The distinct partition directories (their first `depth` path components) of the
/// files at `rels`, paths relative to the output's root.
fn partition_dirs<'a>(rels: impl Iterator<Item = &'a str>, depth: usize) -> std::collections::BTreeSet<String> {
    rels.filter_map(|rel| {
        let parts: Vec<&str> = rel.split('/').collect();
        (parts.len() > depth).then(|| parts[..depth].join("/"))
    })
    .collect()
}

/// What the planned write will do, decided before the query runs.
pub enum Plan {
    /// Nothing to do (`ignore` over an existing path).
    Skip,
    Write,
}

/// Checks a write before any data is computed: options, the path under the mode,
/// reading the path being overwritten, the schema for the format, the partition columns.
pub fn prepare(spec: &WriteSpec, fields: &[StructField], read_paths: &[String], ctx: &WriteContext) -> Result<Plan> {
    options::check(spec.format, table(spec.format), Direction::Write, &spec.options)?;
    if let Plan::Skip = prepare_target(spec, read_paths, ctx)? {
        return Ok(Plan::Skip);
    }
    let data = partition::data_fields(fields, &spec.partition_by, ctx.case_sensitive)?;
    crate::io::parquet::check_duplicate_names(fields, ctx.case_sensitive)?;
    match spec.format {
        FileFormat::Csv => super::csv::check_types(&data)?,
        FileFormat::Text => super::text::check_write_schema(&data)?,
        FileFormat::Json | FileFormat::Parquet => {}
    }
    Ok(Plan::Write)
}

/// The target path under the save mode: skip (`ignore`), refuse (`errorifexists`, or an
/// overwrite of a path being read) or write.
fn prepare_target(spec: &WriteSpec, read_paths: &[String], ctx: &WriteContext) -> Result<Plan> {
    let location = location::parse(&spec.path)?;
    let (exists, shown) = match &location {
        Location::Local(p) => (Path::new(p).exists(), format!("file:{}", absolute(Path::new(p)).display())),
        Location::Remote(r) => (Client::get_or_build(r, ctx.storage)?.exists(&r.key)?, r.shown()),
    };
    match spec.mode {
        SaveMode::Ignore if exists => return Ok(Plan::Skip),
        SaveMode::ErrorIfExists if exists => {
            return Err(Error::new(
                ErrorKind::Analysis,
                "PATH_ALREADY_EXISTS",
                format!("Path {shown} already exists. Set mode as \"overwrite\" to overwrite the existing path. SQLSTATE: 42K04"),
            )
            .with_param("outputPath", shown));
        }
        SaveMode::Overwrite if read_paths.iter().any(|p| overlaps(p, &location)) => {
            // Spark deletes the input and then fails reading it; refusing keeps the data.
            return Err(Error::new(
                ErrorKind::Analysis,
                "UNSUPPORTED_OVERWRITE.PATH",
                format!("Can't overwrite the target that is also being read from. The path is {shown}. SQLSTATE: 42902"),
            )
            .with_param("path", shown));
        }
        _ => {}
    }
    Ok(Plan::Write)
}

/// A write whose part files `write_part(rows, data columns, path)` writes (ORC, which
/// pyarrow writes in Python as Polars has none) of the rows `rows()` computes once the
/// target is checked, with the checks, partition
/// directories, file names (`part-00000-<uuid>-c000<ext>`) and commit of the others.
/// `spec.format` is not read: `name`, `table` and `ext` are the format's.
#[allow(clippy::too_many_arguments)]
pub fn write_external(
    spec: &WriteSpec,
    name: &str,
    table: &'static [options::Spec],
    ext: &str,
    rows: impl FnOnce() -> Result<pl::DataFrame>,
    fields: &[StructField],
    read_paths: &[String],
    ctx: &WriteContext,
    mut write_part: impl FnMut(pl::DataFrame, &[StructField], &Path) -> Result<()>,
) -> Result<()> {
    options::check_named(name, table, Direction::Write, &spec.options)?;
    if let Plan::Skip = prepare_target(spec, read_paths, ctx)? {
        return Ok(());
    }
    crate::io::parquet::check_duplicate_names(fields, ctx.case_sensitive)?;
    let data = partition::data_fields(fields, &spec.partition_by, ctx.case_sensitive)?;
    let df = rows()?;
    staged(spec, ctx, |staging| {
        let parts = partition::split(df, fields, &spec.partition_by, ctx.session_time_zone, ctx.case_sensitive)?;
        let partitioned = !spec.partition_by.is_empty();
        let max_records = max_records_per_file(spec)?;
        for (dir, frame) in parts {
            let dir = staging.path().join(dir);
            std::fs::create_dir_all(&dir).map_err(|e| io_error("creating", &dir, e))?;
            for (counter, chunk) in chunks(frame, max_records).into_iter().enumerate() {
                let file = format!("part-00000-{}{}c{counter:03}{ext}", staging.uuid(), if partitioned { "." } else { "-" });
                write_part(chunk, &data, &dir.join(file))?;
            }
        }
        Ok(())
    })
}

/// Writes the computed rows (columns named as `fields`) and commits them under the mode.
pub fn write(spec: &WriteSpec, df: pl::DataFrame, fields: &[StructField], ctx: &WriteContext) -> Result<()> {
    staged(spec, ctx, |staging| write_parts(spec, df, fields, ctx, staging))
}

/// Whether the format's writes stream (`write_stream`) rather than take computed rows:
/// all of them (Parquet through Polars' sink, the text formats a batch at a time).
pub fn streams(format: FileFormat) -> bool {
    matches!(format, FileFormat::Parquet | FileFormat::Csv | FileFormat::Json | FileFormat::Text)
}

/// Runs the query (`lf`, columns named as `fields`) through the streaming engine into
/// the part files, then commits them under the mode: the rows are never all in memory.
pub fn write_stream(spec: &WriteSpec, lf: pl::LazyFrame, fields: &[StructField], ctx: &WriteContext) -> Result<()> {
    staged(spec, ctx, |staging| match spec.format {
        FileFormat::Parquet => stream::sink_parquet(spec, lf, fields, ctx, staging.path(), staging.uuid()),
        _ => text_parts::sink_text(spec, lf, fields, ctx, staging.path(), staging.uuid()),
    })
}

/// Fills a staging directory and commits it to the target, local or remote.
fn staged(spec: &WriteSpec, ctx: &WriteContext, fill: impl FnOnce(&commit::Staging) -> Result<()>) -> Result<()> {
    match location::parse(&spec.path)? {
        Location::Local(path) => {
            let staging = commit::Staging::new(&PathBuf::from(path))?;
            fill(&staging)?;
            staging.commit(Replace::of(spec))
        }
        Location::Remote(target) => {
            // Written locally first (the format writers write files), then uploaded
            // and committed in the store.
            let client = Client::get_or_build(&target, ctx.storage)?;
            // In the process' scratch directory: a killed writer's files are swept too.
            let scratch = crate::io::scratch::dir()?.join(format!("upload-{}", commit::uuid4()));
            let result = commit::Staging::new(&scratch.join("out")).and_then(|staging| {
                fill(&staging)?;
                remote_commit::commit(&client, &target, staging.path(), staging.uuid(), Replace::of(spec))
            });
            let _ = std::fs::remove_dir_all(&scratch);
            result
        }
    }
}

/// The part files of the rows, under their partition directories in `staging`.
fn write_parts(spec: &WriteSpec, df: pl::DataFrame, fields: &[StructField], ctx: &WriteContext, staging: &commit::Staging) -> Result<()> {
    if spec.format != FileFormat::Parquet {
        return text_parts::write_collected(spec, df, fields, ctx, staging.path(), staging.uuid());
    }
    let file_name = |partitioned: bool, counter: usize| file_name(spec, partitioned, staging.uuid(), counter);
    let parts = partition::split(df, fields, &spec.partition_by, ctx.session_time_zone, ctx.case_sensitive)?;
    let partitioned = !spec.partition_by.is_empty();
    let data = partition::data_fields(fields, &spec.partition_by, ctx.case_sensitive)?;
    let max_records = max_records_per_file(spec)?;
    for (dir, frame) in parts {
        let dir = staging.path().join(dir);
        std::fs::create_dir_all(&dir).map_err(|e| io_error("creating", &dir, e))?;
        for (counter, chunk) in chunks(frame, max_records).into_iter().enumerate() {
            let path = dir.join(file_name(partitioned, counter));
            write_file(spec, chunk, &data, &path)?;
        }
    }
    Ok(())
}

/// The `maxRecordsPerFile` option: at most this many rows a file (0 or less: no limit).
fn max_records_per_file(spec: &WriteSpec) -> Result<Option<usize>> {
    let Some(text) = options::get(table(spec.format), &spec.options, "maxRecordsPerFile") else { return Ok(None) };
    let n: i64 = text.trim().parse().map_err(|_| Error::plain(ErrorKind::NumberFormat, format!("For input string: \"{text}\"")))?;
    Ok(usize::try_from(n).ok().filter(|n| *n > 0))
}

/// A partition's rows cut into files of at most `max` rows (Spark's file counter
/// `c000`, `c001`... numbers them).
fn chunks(frame: pl::DataFrame, max: Option<usize>) -> Vec<pl::DataFrame> {
    match max {
        Some(max) if frame.height() > max => (0..frame.height()).step_by(max).map(|start| frame.slice(start as i64, max)).collect(),
        _ => vec![frame],
    }
}

fn write_file(spec: &WriteSpec, df: pl::DataFrame, fields: &[StructField], path: &Path) -> Result<()> {
    super::parquet::write_file(df, fields, &spec.options, path)
}

/// `part-00000-<uuid>-c000.snappy.parquet`; inside partition directories Spark
/// separates the file counter with a dot (`<uuid>.c000`).
fn file_name(spec: &WriteSpec, partitioned: bool, uuid: &str, counter: usize) -> String {
    let ext = match spec.format {
        FileFormat::Parquet => super::parquet::file_extension(&spec.options),
        FileFormat::Csv => text_extension(".csv", super::csv::OPTIONS, &spec.options),
        FileFormat::Json => text_extension(".json", super::json::OPTIONS, &spec.options),
        FileFormat::Text => text_extension(".txt", super::text::OPTIONS, &spec.options),
    };
    format!("part-00000-{uuid}{}c{counter:03}{ext}", if partitioned { "." } else { "-" })
}

/// A text format's extension and its codec's (`.csv.gz`); a codec that does not
/// resolve fails the write itself.
fn text_extension(ext: &str, table: &[super::options::Spec], options: &std::collections::BTreeMap<String, String>) -> String {
    let codec = super::compression::codec(super::options::get(table, options, "compression")).ok().flatten();
    format!("{ext}{}", codec.map_or("", |c| c.extension()))
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Whether reading `read` touches files under `target` (or the other way round).
/// Whether a query reading `read_paths` reads what is at `path` (or below it).
pub fn reads_target(read_paths: &[String], path: &str) -> Result<bool> {
    let target = location::parse(path)?;
    Ok(read_paths.iter().any(|p| overlaps(p, &target)))
}

fn overlaps(read: &str, target: &Location) -> bool {
    match (location::parse(read), target) {
        (Ok(Location::Local(read)), Location::Local(target)) => {
            let (r, t) = (absolute(Path::new(&read)), absolute(Path::new(target)));
            r.starts_with(&t) || t.starts_with(&r)
        }
        (Ok(Location::Remote(read)), Location::Remote(target)) => read.overlaps(target),
        _ => false,
    }
}

