//! `ignoreCorruptFiles` and `ignoreMissingFiles` (options of every file source, and the
//! `spark.sql.files.*` settings): a listed file that cannot be read is left out of the
//! read instead of failing it. Corrupt is what Spark's readers fail on before any row:
//! a Parquet footer that does not read, a compressed text file whose codec fails.
//! Without the options the readers report Spark's `FAILED_READ_FILE` errors.

use super::files::DataFile;
use super::formats::table;
use super::location::Storage;
use super::options;
use crate::error::{Error, ErrorKind};
use crate::ir::FileFormat;
use std::collections::BTreeMap;
use std::path::Path;

/// What a read leaves out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ignore {
    pub corrupt: bool,
    pub missing: bool,
}

impl Ignore {
    pub fn of(format: FileFormat, opts: &BTreeMap<String, String>) -> Ignore {
        Ignore {
            corrupt: options::flag(table(format), opts, "ignoreCorruptFiles", false),
            missing: options::flag(table(format), opts, "ignoreMissingFiles", false),
        }
    }
}

/// Spark reads these boolean options with `toBoolean`, whose error names the value.
pub fn check_flags(format: FileFormat, opts: &BTreeMap<String, String>) -> crate::error::Result<()> {
    for name in ["ignoreCorruptFiles", "ignoreMissingFiles", "mergeSchema"] {
        if name == "mergeSchema" && format != FileFormat::Parquet {
            continue;
        }
        if let Some(v) = options::get(table(format), opts, name) {
            if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") {
                return Err(Error::plain(ErrorKind::IllegalArgument, format!("For input string: \"{v}\"")));
            }
        }
    }
    Ok(())
}

/// The files a read keeps. Remote files are kept (their readers report failures).
pub fn keep(format: FileFormat, files: Vec<DataFile>, ignore: Ignore) -> Vec<DataFile> {
    if !ignore.corrupt && !ignore.missing {
        return files;
    }
    files
        .into_iter()
        .filter(|f| {
            let local = matches!(super::location::parse(&f.path.to_string_lossy()), Ok(super::location::Location::Local(_)));
            if !local {
                return true;
            }
            if !f.path.exists() {
                return !ignore.missing;
            }
            !ignore.corrupt || readable(format, &f.path)
        })
        .collect()
}

/// Whether a file's reader gets past what Spark counts as a corrupt file. Parquet files
/// are all kept here: without `mergeSchema` Spark infers the schema from the first
/// listed file even when it is corrupt (and ignored: no schema); `skip_parquet` leaves
/// them out of the scan.
fn readable(format: FileFormat, path: &Path) -> bool {
    match format {
        FileFormat::Parquet => true,
        _ if super::compression::is_compressed(path) => super::compression::read(path).is_ok(),
        _ => true,
    }
}

/// Whether the scan leaves out a Parquet file (`ignoreCorruptFiles` and a footer that
/// does not read).
pub fn skip_parquet(file: &DataFile, ignore: Ignore, storage: &Storage) -> bool {
    ignore.corrupt && !super::parquet::footer_reads(&file.path, storage)
}

/// Spark's error for a file that fails while its rows are read.
pub fn read_failed(path: &Path) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.NO_HINT",
        format!("Encountered error while reading file file://{}.  SQLSTATE: KD001", path.display()),
    )
    .with_param("path", format!("file://{}", path.display()))
}

/// Spark's error for a listed file gone when its rows are read.
pub fn file_not_exist(path: &Path) -> Error {
    Error::new(
        ErrorKind::Runtime,
        "FAILED_READ_FILE.FILE_NOT_EXIST",
        format!(
            "Encountered error while reading file file://{}. File does not exist. It is possible the underlying files have been updated.\nYou can explicitly invalidate the cache in Spark by running 'REFRESH TABLE tableName' command in SQL or by recreating the Dataset/DataFrame involved. SQLSTATE: KD001",
            path.display()
        ),
    )
    .with_param("path", format!("file://{}", path.display()))
}

/// The error of an I/O failure reading `path`'s rows, as Spark reports it.
pub fn io_failed(path: &Path, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound { file_not_exist(path) } else { read_failed(path) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_compressed_files_are_left_out_only_when_asked() {
        let dir = std::env::temp_dir().join(format!("pyrust-ignore-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("b.csv.gz");
        std::fs::write(&bad, b"not gzip").unwrap();
        let files = || vec![DataFile { path: bad.clone(), partition: vec![] }, DataFile { path: dir.join("gone.csv"), partition: vec![] }];
        assert_eq!(keep(FileFormat::Csv, files(), Ignore::default()).len(), 2);
        assert_eq!(keep(FileFormat::Csv, files(), Ignore { corrupt: true, missing: false }).len(), 1);
        assert_eq!(keep(FileFormat::Csv, files(), Ignore { corrupt: true, missing: true }).len(), 0);
        assert_eq!(io_failed(&bad, &std::io::Error::from(std::io::ErrorKind::NotFound)).error_class.as_deref(), Some("FAILED_READ_FILE.FILE_NOT_EXIST"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
