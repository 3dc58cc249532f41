//! CSV, JSON and text part files written a batch of rows at a time, so a streamed
//! write never holds all its rows (`sink_text` takes the batches of Polars' streaming
//! engine; a collected write is one batch). Spark's layout is kept: rows go to their
//! `key=value` directory, each directory's files are numbered `c000`, `c001`... as
//! `maxRecordsPerFile` fills them, every CSV file starts with the header, and an
//! unpartitioned write of no rows still writes one file.

use super::partition;
use super::{file_name, max_records_per_file, WriteContext, WriteSpec};
use crate::error::{Error, Result};
use crate::io::compression::{self, Codec, FileWriter};
use crate::io::formats::table;
use crate::io::options;
use crate::ir::{FileFormat, StructField};
use polars::prelude as pl;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// At most this many part files open at once: past it the open ones are finished, and a
/// directory that gets rows again starts its next file (as Spark's writer does when a
/// task's rows for a partition are not contiguous).
const MAX_OPEN_FILES: usize = 256;

/// A part file being written and the rows it holds.
struct Part {
    out: FileWriter,
    rows: usize,
}

/// The part files of one write under its staging directory.
pub struct TextParts {
    spec: WriteSpec,
    fields: Vec<StructField>,
    data: Vec<StructField>,
    zone: String,
    case_sensitive: bool,
    dir: PathBuf,
    uuid: String,
    max_records: Option<usize>,
    codec: Option<Codec>,
    header: Option<String>,
    open: HashMap<PathBuf, Part>,
    /// The next file counter of each directory that has had a file.
    counters: HashMap<PathBuf, usize>,
}

impl TextParts {
    pub fn new(spec: &WriteSpec, fields: &[StructField], ctx: &WriteContext, dir: &Path, uuid: &str) -> Result<TextParts> {
        let data = partition::data_fields(fields, &spec.partition_by, ctx.case_sensitive)?;
        let header = match spec.format {
            FileFormat::Csv => crate::io::csv::write::header_text(&data, &spec.options)?,
            _ => None,
        };
        Ok(TextParts {
            spec: spec.clone(),
            fields: fields.to_vec(),
            data,
            zone: ctx.session_time_zone.to_string(),
            case_sensitive: ctx.case_sensitive,
            dir: dir.to_path_buf(),
            uuid: uuid.to_string(),
            max_records: max_records_per_file(spec)?,
            codec: compression::codec(options::get(table(spec.format), &spec.options, "compression"))?,
            header,
            open: HashMap::new(),
            counters: HashMap::new(),
        })
    }

    /// Writes a batch of rows (columns named as the write's fields) to their files.
    pub fn write(&mut self, df: pl::DataFrame) -> Result<()> {
        for (rel, frame) in partition::split(df, &self.fields, &self.spec.partition_by, &self.zone, self.case_sensitive)? {
            let mut start = 0;
            while start < frame.height() {
                let max = self.max_records.unwrap_or(usize::MAX);
                let held = self.part(&rel)?.rows;
                let n = (max - held).min(frame.height() - start);
                let text = self.encode(frame.slice(start as i64, n))?;
                let part = self.open.get_mut(&rel).ok_or_else(|| Error::internal("a part file closed while written"))?;
                part.out.write(text.as_bytes())?;
                part.rows += n;
                start += n;
                if part.rows >= max {
                    self.close(&rel)?;
                }
            }
        }
        Ok(())
    }

    /// Finishes every file; an unpartitioned write of no rows writes one (the CSV header).
    pub fn finish(mut self) -> Result<()> {
        if self.spec.partition_by.is_empty() && self.counters.is_empty() {
            self.part(Path::new(""))?;
        }
        for (_, part) in self.open.drain() {
            part.out.finish()?;
        }
        Ok(())
    }

    /// The open file of a directory, opened (with the header) when there is none.
    fn part(&mut self, rel: &Path) -> Result<&mut Part> {
        if !self.open.contains_key(rel) {
            if self.open.len() >= MAX_OPEN_FILES {
                for (_, part) in self.open.drain() {
                    part.out.finish()?;
                }
            }
            let dir = self.dir.join(rel);
            std::fs::create_dir_all(&dir).map_err(|e| super::io_error("creating", &dir, e))?;
            let counter = self.counters.entry(rel.to_path_buf()).or_insert(0);
            let path = dir.join(file_name(&self.spec, !self.spec.partition_by.is_empty(), &self.uuid, *counter));
            *counter += 1;
            let mut out = FileWriter::create(&path, self.codec)?;
            if let Some(header) = &self.header {
                out.write(header.as_bytes())?;
            }
            self.open.insert(rel.to_path_buf(), Part { out, rows: 0 });
        }
        self.open.get_mut(rel).ok_or_else(|| Error::internal("no open part file"))
    }

    fn close(&mut self, rel: &Path) -> Result<()> {
        match self.open.remove(rel) {
            Some(part) => part.out.finish(),
            None => Ok(()),
        }
    }

    /// The format's text of rows of the data columns.
    fn encode(&self, df: pl::DataFrame) -> Result<String> {
        match self.spec.format {
            FileFormat::Csv => crate::io::csv::write::rows_text(df, &self.data, &self.spec.options, &self.zone),
            FileFormat::Json => crate::io::json::rows_text(df, &self.data, &self.spec.options, &self.zone),
            FileFormat::Text => crate::io::text::rows_text(df, &self.spec.options),
            FileFormat::Parquet => Err(Error::internal("Parquet is not a text format")),
        }
    }
}

/// Runs `lf` (columns named as `fields`) through the streaming engine into text part
/// files under `dir`, a batch at a time.
pub fn sink_text(spec: &WriteSpec, lf: pl::LazyFrame, fields: &[StructField], ctx: &WriteContext, dir: &Path, uuid: &str) -> Result<()> {
    let parts = Arc::new(Mutex::new(Some(TextParts::new(spec, fields, ctx, dir, uuid)?)));
    // The first error of a batch: the sink stops there and the write reports it.
    let failure: Arc<Mutex<Option<Error>>> = Arc::new(Mutex::new(None));
    let callback = {
        let (parts, failure) = (parts.clone(), failure.clone());
        pl::PlanCallback::new(move |df: pl::DataFrame| -> pl::PolarsResult<bool> {
            let mut guard = parts.lock().map_err(|_| pl::polars_err!(ComputeError: "the part files' lock is poisoned"))?;
            let written = match guard.as_mut() {
                Some(p) => p.write(df),
                None => Ok(()),
            };
            match written {
                Ok(()) => Ok(false),
                Err(e) => {
                    if let Ok(mut slot) = failure.lock() {
                        slot.get_or_insert(e);
                    }
                    Ok(true)
                }
            }
        })
    };
    let ran = lf.sink_batches(callback, true, None).and_then(|lf| lf.collect_with_engine(pl::Engine::Streaming));
    let taken = parts.lock().ok().and_then(|mut p| p.take());
    if let Some(e) = failure.lock().ok().and_then(|mut f| f.take()) {
        return Err(e);
    }
    ran?;
    taken.ok_or_else(|| Error::internal("the part files were lost"))?.finish()
}

/// Writes computed rows as one batch (the collected path of a text format).
pub fn write_collected(spec: &WriteSpec, df: pl::DataFrame, fields: &[StructField], ctx: &WriteContext, dir: &Path, uuid: &str) -> Result<()> {
    let mut parts = TextParts::new(spec, fields, ctx, dir, uuid)?;
    parts.write(df)?;
    parts.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::location::Storage;
    use crate::io::write::SaveMode;
    use crate::ir::DataType;
    use std::collections::BTreeMap;

    fn spec(format: FileFormat, options: &[(&str, &str)], partition_by: &[&str]) -> WriteSpec {
        WriteSpec {
            format,
            mode: SaveMode::ErrorIfExists,
            path: String::new(),
            options: options.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<BTreeMap<_, _>>(),
            partition_by: partition_by.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn listing(dir: &Path) -> Vec<(String, String)> {
        let mut out = vec![];
        for entry in walk(dir) {
            let rel = entry.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            out.push((rel, std::fs::read_to_string(&entry).unwrap()));
        }
        out.sort();
        out
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = vec![];
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
        }
        out
    }

    #[test]
    fn batches_fill_files_by_directory_and_row_limit() {
        let dir = std::env::temp_dir().join(format!("pyrust-text-parts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fields = vec![StructField::new("k", DataType::String, true), StructField::new("v", DataType::Long, true)];
        let storage = Storage::default();
        let ctx = WriteContext { session_time_zone: "UTC", case_sensitive: false, storage: &storage };
        let s = spec(FileFormat::Csv, &[("header", "true"), ("maxRecordsPerFile", "2")], &["k"]);
        let mut parts = TextParts::new(&s, &fields, &ctx, &dir, "u").unwrap();
        let batch = |k: &[&str], v: &[i64]| polars::df!("k" => k, "v" => v).unwrap();
        parts.write(batch(&["a", "b", "a"], &[1, 2, 3])).unwrap();
        parts.write(batch(&["a", "b"], &[4, 5])).unwrap();
        parts.finish().unwrap();
        let got = listing(&dir);
        let want = [
            ("k=a/part-00000-u.c000.csv", "v\n1\n3\n"),
            ("k=a/part-00000-u.c001.csv", "v\n4\n"),
            ("k=b/part-00000-u.c000.csv", "v\n2\n5\n"),
        ];
        assert_eq!(got, want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
