//! `spark.read`: the files of a read (`files::list`, with partition discovery), its
//! schema (given or inferred from the files, then the partition columns) and the lazy
//! scan of each file by format, with its partition values as columns.

use super::files::{self, DataFile, Discovery};
use super::ignore::Ignore;
use super::formats::table;
use super::location::{self, Location, Storage};
use super::remote::Mirror;
use super::options::{self, Direction};
use crate::compat::timezone::Zone;
use crate::error::{Error, Result};
use crate::ir::{DataType, FileFormat, StructField};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, IntoLazy};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `spark.sql.columnNameOfCorruptRecord`'s default.
const CORRUPT_RECORD: &str = "_corrupt_record";

/// The session settings a read depends on.
#[derive(Debug, Clone)]
pub struct ReadConf {
    pub case_sensitive: bool,
    /// `spark.sql.sources.partitionColumnTypeInference.enabled`.
    pub partition_type_inference: bool,
    pub session_time_zone: String,
}

fn session_zone(name: &str) -> Zone {
    crate::compat::timezone::parse(name).unwrap_or_else(|_| Zone::utc())
}

fn listing(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>, session_time_zone: &str, storage: &Storage) -> Result<Vec<DataFile>> {
    list_files(format, paths, &Discovery::of(table(format), options, session_time_zone)?, Ignore::of(format, options), storage)
}

/// The session settings a read takes as its options' defaults, as options (an option
/// given wins): `spark.sql.files.ignoreCorruptFiles` / `ignoreMissingFiles`, and
/// Parquet's `spark.sql.parquet.mergeSchema`.
pub fn session_options(format: FileFormat, mut options: BTreeMap<String, String>, conf: impl Fn(&str) -> Option<String>) -> BTreeMap<String, String> {
    let mut settings = vec![("spark.sql.files.ignoreCorruptFiles", "ignoreCorruptFiles"), ("spark.sql.files.ignoreMissingFiles", "ignoreMissingFiles")];
    if format == FileFormat::Parquet {
        settings.push(("spark.sql.parquet.mergeSchema", "mergeSchema"));
    }
    for (key, option) in settings {
        if let Some(value) = conf(key) {
            if !options.keys().any(|k| k.eq_ignore_ascii_case(option)) {
                options.insert(option.into(), value);
            }
        }
    }
    options
}

/// The data files of the paths. A remote path is read through a local mirror of its
/// data objects laid out as in the bucket (`remote::local_mirror`): copies for CSV, JSON
/// and text, which the local readers read; empty files with the objects' names for
/// Parquet, mapped back to the objects' Polars URLs (scanned in place). Partition
/// discovery and the discovery options (a remote `basePath` too) serve both as they
/// serve local paths.
fn list_files(format: FileFormat, paths: &[String], discovery: &Discovery, ignore: Ignore, storage: &Storage) -> Result<Vec<DataFile>> {
    let mirror = if format == FileFormat::Parquet { Mirror::Names } else { Mirror::Copies };
    let mut local = vec![];
    // The bucket directories of the Parquet mirror and the Polars URLs they stand for.
    let mut named: Vec<(PathBuf, String)> = vec![];
    for p in paths {
        match location::parse(p)? {
            Location::Local(path) => local.push(path),
            Location::Remote(r) => {
                local.push(super::remote::local_mirror(&r, storage, mirror)?.to_string_lossy().into_owned());
                let dir = super::remote::bucket_dir(&r, mirror)?;
                if mirror == Mirror::Names && !named.iter().any(|(d, _)| *d == dir) {
                    named.push((dir, r.with_key("").polars_url()));
                }
            }
        }
    }
    let mut discovery = discovery.clone();
    if let Some(Location::Remote(base)) = discovery.base_path.as_deref().map(location::parse).transpose()? {
        let dir = super::remote::bucket_dir(&base, mirror)?;
        discovery.base_path = Some(super::remote::mirrored(&dir, &base).to_string_lossy().into_owned());
    }
    let mut files = files::list(&local, &discovery)?;
    for f in &mut files {
        if let Some((dir, url)) = named.iter().find(|(dir, _)| f.path.starts_with(dir)) {
            let key = f.path.strip_prefix(dir).map(|k| k.to_string_lossy().into_owned()).unwrap_or_default();
            f.path = PathBuf::from(format!("{url}/{key}"));
        }
    }
    let mut files = super::ignore::keep(format, files, ignore);
    // Polars' CSV scan reads paths: a compressed CSV file is read from a plain copy.
    if format == FileFormat::Csv {
        for f in &mut files {
            if super::compression::is_compressed(&f.path) {
                f.path = super::compression::plain_copy(&f.path)?;
            }
        }
    }
    Ok(files)
}

fn same_name(a: &str, b: &str, case_sensitive: bool) -> bool {
    if case_sensitive { a == b } else { a.eq_ignore_ascii_case(b) }
}

/// The Spark schema of `spark.read.<format>(paths)`: the data columns (the given
/// schema's, or the ones Spark's reader infers) and the partition columns, merged as
/// Spark's `mergeDataAndPartitionSchema` does: a partition column also in the data
/// takes the data column's place, the others follow; a given schema's type wins.
pub fn read_schema(format: FileFormat, paths: &[String], options: &BTreeMap<String, String>, given: Option<Vec<StructField>>, conf: &ReadConf, storage: &Storage) -> Result<Vec<StructField>> {
    // Spark reads the discovery options (`recursiveFileLookup` must be a boolean) first.
    let discovery = Discovery::of(table(format), options, &conf.session_time_zone)?;
    super::ignore::check_flags(format, options)?;
    options::check(format, table(format), Direction::Read, options)?;
    let ignore = Ignore::of(format, options);
    let files = list_files(format, paths, &discovery, ignore, storage)?;
    let cs = conf.case_sensitive;
    let mut partitions = files::partition_schema(&files, conf.partition_type_inference, &session_zone(&conf.session_time_zone));
    let given_data = given.map(|fields| {
        let (in_partitions, data): (Vec<StructField>, Vec<StructField>) =
            fields.into_iter().partition(|f| partitions.iter().any(|p| same_name(&p.name, &f.name, cs)));
        for g in in_partitions {
            if let Some(p) = partitions.iter_mut().find(|p| same_name(&p.name, &g.name, cs)) {
                *p = StructField::new(p.name.clone(), g.data_type, true);
            }
        }
        data
    });
    let data_paths: Vec<String> = files.iter().map(|f| f.path.to_string_lossy().into_owned()).collect();
    let data = match format {
        FileFormat::Csv => super::csv::schema(&data_paths, options, given_data, cs)?,
        FileFormat::Text => text_schema(given_data)?,
        FileFormat::Parquet => match given_data {
            Some(fields) => fields,
            None => {
                let merge = options::flag(table(format), options, "mergeSchema", false);
                super::parquet::data_schema(&files, storage, merge, cs, ignore.corrupt)?
            }
        },
        FileFormat::Json => {
            let fields = match given_data {
                Some(fields) => fields,
                None => {
                    let paths: Vec<&std::path::Path> = files.iter().map(|f| f.path.as_path()).collect();
                    super::json::reading::infer_schema(&paths, options, CORRUPT_RECORD, cs)?
                }
            };
            super::json::reading::check_corrupt_column(&fields, options, CORRUPT_RECORD)?;
            fields
        }
    };
    let mut merged: Vec<StructField> = data
        .into_iter()
        .map(|f| match partitions.iter().find(|p| same_name(&p.name, &f.name, cs)) {
            Some(p) => p.clone(),
            None => f,
        })
        .collect();
    for p in partitions {
        if !merged.iter().any(|f| same_name(&f.name, &p.name, cs)) {
            merged.push(p);
        }
    }
    if format == FileFormat::Parquet {
        super::parquet::check_duplicate_names(&merged, cs)?;
    }
    Ok(merged)
}

/// A lazy scan whose columns carry the schema's names. Text formats hold wall-clock
/// times in the session time zone. `metadata`: the `_metadata` struct of each row's
/// file (`file_metadata`) follows them. `case_sensitive`: how CSV's `enforceSchema=false`
/// compares a header with the schema.
#[allow(clippy::too_many_arguments)]
pub fn scan(
    format: FileFormat,
    paths: &[String],
    options: &BTreeMap<String, String>,
    schema: &[StructField],
    metadata: bool,
    session_time_zone: &str,
    case_sensitive: bool,
    storage: &Storage,
) -> Result<pl::LazyFrame> {
    options::check(format, table(format), Direction::Read, options)?;
    if metadata && paths.iter().any(|p| matches!(location::parse(p), Ok(super::location::Location::Remote(_)))) {
        return Err(Error::unsupported("the _metadata column of files in an object store"));
    }
    let files = listing(format, paths, options, session_time_zone, storage)?;
    let zone = session_zone(session_time_zone);
    let is_partition = |f: &StructField| files.first().is_some_and(|file| file.partition.iter().any(|(k, _)| k.eq_ignore_ascii_case(&f.name)));
    // The columns the files hold: the schema without the partition columns that follow
    // the data (one in the data keeps its place, for CSV's positions).
    let data_len = schema.iter().rposition(|f| !is_partition(f)).map_or(0, |i| i + 1);
    let data_fields = &schema[..data_len];
    let mut frames = vec![];
    let ignore = Ignore::of(format, options);
    for file in &files {
        if format == FileFormat::Parquet && super::ignore::skip_parquet(file, ignore, storage) {
            continue;
        }
        let mut lf = scan_file(format, file, options, data_fields, session_time_zone, case_sensitive, storage)?;
        let mut cols = schema
            .iter()
            .map(|f| if is_partition(f) { files::partition_value(file, f, &zone) } else { Ok(pl::col(f.name.as_str())) })
            .collect::<Result<Vec<_>>>()?;
        if metadata {
            lf = super::file_metadata::append(lf, file, format)?;
            cols.push(pl::col(METADATA));
        }
        frames.push(lf.select(cols));
    }
    Ok(match frames.len() {
        0 => {
            let mut fields: Vec<pl::Field> = schema.iter().map(|f| pl::Field::new(f.name.as_str().into(), to_polars(&f.data_type))).collect();
            if metadata {
                fields.push(pl::Field::new(METADATA.into(), to_polars(&super::file_metadata::struct_type(format))));
            }
            pl::DataFrame::empty_with_schema(&pl::Schema::from_iter(fields)).lazy()
        }
        1 => frames.pop().ok_or_else(|| Error::internal("no frame"))?,
        _ => pl::concat(frames, pl::UnionArgs::default())?,
    })
}

pub use super::file_metadata::METADATA;

/// One data file read with the data columns `fields`, named as they are.
fn scan_file(format: FileFormat, file: &DataFile, options: &BTreeMap<String, String>, fields: &[StructField], session_time_zone: &str, case_sensitive: bool, storage: &Storage) -> Result<pl::LazyFrame> {
    let path = file.path.to_string_lossy().into_owned();
    match format {
        FileFormat::Csv => super::csv::scan(&[path], options, fields, session_time_zone, case_sensitive),
        FileFormat::Text => {
            let name = fields.first().map_or("value", |f| f.name.as_str());
            let line_sep = options::get(table(format), options, "lineSep");
            super::text::scan(std::slice::from_ref(&file.path), options::flag(table(format), options, "wholetext", false), line_sep, name)
        }
        FileFormat::Parquet => super::parquet::scan_file(&file.path, fields, storage, case_sensitive),
        FileFormat::Json => {
            Ok(super::json::reading::file_frame(&file.path, options, CORRUPT_RECORD, fields, &session_zone(session_time_zone))?.lazy())
        }
    }
}

/// A text source has one STRING column (`value` unless a schema names it).
fn text_schema(given: Option<Vec<StructField>>) -> Result<Vec<StructField>> {
    match given {
        None => Ok(vec![StructField::new("value".to_string(), DataType::String, true)]),
        Some(fields) if fields.len() == 1 && fields[0].data_type == DataType::String => {
            Ok(fields.into_iter().map(|f| StructField::new(f.name, f.data_type, true)).collect())
        }
        Some(fields) => Err(super::text::schema_error(&fields)),
    }
}
