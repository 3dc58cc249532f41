//! Compressed text files (CSV, JSON, text), as Hadoop's codecs Spark uses write and
//! read them: gzip (`.gz`) and deflate (`.deflate`, a zlib stream), chosen on write by
//! the `compression` option and on read by the file's extension. bzip2 and Hadoop's
//! framed lz4/snappy are refused rather than written differently.

use crate::error::{Error, ErrorKind, Result};
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use flate2::write::{GzEncoder, ZlibEncoder};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A codec PyRust writes and reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Gzip,
    Deflate,
}

impl Codec {
    /// The extension Hadoop's codec gives its files (after the format's own).
    pub fn extension(self) -> &'static str {
        match self {
            Codec::Gzip => ".gz",
            Codec::Deflate => ".deflate",
        }
    }

    fn of_extension(path: &Path) -> Option<Codec> {
        match path.extension()?.to_str()? {
            "gz" => Some(Codec::Gzip),
            "deflate" => Some(Codec::Deflate),
            _ => None,
        }
    }
}

/// The codec a `compression` value names (None: uncompressed), as Spark's
/// `CompressionCodecs.getCodecClassName` resolves short names case-insensitively.
pub fn codec(value: Option<&str>) -> Result<Option<Codec>> {
    let Some(v) = value else { return Ok(None) };
    match v.to_ascii_lowercase().as_str() {
        "none" | "uncompressed" => Ok(None),
        "gzip" => Ok(Some(Codec::Gzip)),
        "deflate" => Ok(Some(Codec::Deflate)),
        "bzip2" | "lz4" | "snappy" => Err(Error::unsupported(format!("writing text files with the {v} codec"))),
        _ => Err(Error::new(
            ErrorKind::IllegalArgument,
            "CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION",
            format!("The codec {v} is not available. Available codecs are bzip2, deflate, uncompressed, snappy, none, lz4, gzip. SQLSTATE: 56038"),
        )
        .with_param("codecName", v)
        .with_param("availableCodecs", "bzip2, deflate, uncompressed, snappy, none, lz4, gzip")),
    }
}

/// A file being written through a codec, a piece at a time (streamed writes).
pub struct FileWriter {
    path: PathBuf,
    out: Encoder,
}

enum Encoder {
    Plain(std::io::BufWriter<std::fs::File>),
    Gzip(GzEncoder<std::io::BufWriter<std::fs::File>>),
    Deflate(ZlibEncoder<std::io::BufWriter<std::fs::File>>),
}

impl FileWriter {
    pub fn create(path: &Path, codec: Option<Codec>) -> Result<FileWriter> {
        let file = std::fs::File::create(path).map_err(|e| super::files::io_error("creating", path, e))?;
        let out = std::io::BufWriter::with_capacity(1 << 20, file);
        let out = match codec {
            None => Encoder::Plain(out),
            Some(Codec::Gzip) => Encoder::Gzip(GzEncoder::new(out, flate2::Compression::default())),
            Some(Codec::Deflate) => Encoder::Deflate(ZlibEncoder::new(out, flate2::Compression::default())),
        };
        Ok(FileWriter { path: path.to_path_buf(), out })
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let written = match &mut self.out {
            Encoder::Plain(w) => w.write_all(bytes),
            Encoder::Gzip(w) => w.write_all(bytes),
            Encoder::Deflate(w) => w.write_all(bytes),
        };
        written.map_err(|e| super::files::io_error("writing", &self.path, e))
    }

    /// Ends the codec's stream and flushes the file.
    pub fn finish(self) -> Result<()> {
        let io = |e| super::files::io_error("writing", &self.path, e);
        let mut out = match self.out {
            Encoder::Plain(w) => w,
            Encoder::Gzip(w) => w.finish().map_err(io)?,
            Encoder::Deflate(w) => w.finish().map_err(io)?,
        };
        out.flush().map_err(io)
    }
}

/// Writes `bytes` to `path`, compressed with `codec`.
pub fn write(path: &Path, bytes: &[u8], codec: Option<Codec>) -> Result<()> {
    let mut out = FileWriter::create(path, codec)?;
    out.write(bytes)?;
    out.finish()
}

/// Whether a file is read through a codec (by its extension, as Hadoop chooses).
pub fn is_compressed(path: &Path) -> bool {
    Codec::of_extension(path).is_some()
}

/// The plain bytes of a file, decompressed when its extension names a codec.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| super::ignore::io_failed(path, &e);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut out = Vec::new();
    match Codec::of_extension(path) {
        None => std::io::BufReader::new(file).read_to_end(&mut out).map_err(io)?,
        Some(Codec::Gzip) => MultiGzDecoder::new(std::io::BufReader::new(file)).read_to_end(&mut out).map_err(io)?,
        Some(Codec::Deflate) => ZlibDecoder::new(std::io::BufReader::new(file)).read_to_end(&mut out).map_err(io)?,
    };
    Ok(out)
}

/// A plain copy of a compressed file, for readers that take paths (Polars' CSV scan):
/// decompressed as a stream into this process' scratch directory (`io::scratch`, gone
/// at exit), once per file version.
pub fn plain_copy(path: &Path) -> Result<PathBuf> {
    use std::hash::{Hash, Hasher};
    let meta = std::fs::metadata(path).map_err(|e| super::ignore::io_failed(path, &e))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    meta.len().hash(&mut h);
    meta.modified().ok().hash(&mut h);
    let dir = super::scratch::dir()?.join("decompressed").join(format!("{:016x}", h.finish()));
    let name = path.file_stem().map_or_else(|| "data".into(), |s| s.to_os_string());
    let copy = dir.join(name);
    if !copy.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| super::files::io_error("creating", &dir, e))?;
        let partial = dir.join(format!(".partial-{:?}", std::thread::current().id()));
        decompress_to(path, &partial)?;
        std::fs::rename(&partial, &copy).map_err(|e| super::files::io_error("writing", &copy, e))?;
    }
    Ok(copy)
}

/// Decompresses `path` into the file `out` without holding it in memory.
fn decompress_to(path: &Path, out: &Path) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|e| super::ignore::io_failed(path, &e))?;
    let mut decoder: Box<dyn Read> = match Codec::of_extension(path) {
        None => Box::new(file),
        Some(Codec::Gzip) => Box::new(MultiGzDecoder::new(std::io::BufReader::new(file))),
        Some(Codec::Deflate) => Box::new(ZlibDecoder::new(std::io::BufReader::new(file))),
    };
    let target = std::fs::File::create(out).map_err(|e| super::files::io_error("creating", out, e))?;
    let mut writer = std::io::BufWriter::new(target);
    let copied = std::io::copy(&mut decoder, &mut writer).and_then(|_| writer.flush());
    copied.map_err(|e| {
        let _ = std::fs::remove_file(out);
        super::ignore::io_failed(path, &e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_names() {
        let dir = std::env::temp_dir().join(format!("pyrust-codec-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (codec, name) in [(Some(Codec::Gzip), "a.csv.gz"), (Some(Codec::Deflate), "a.csv.deflate"), (None, "a.csv")] {
            let p = dir.join(name);
            write(&p, b"x,y\n1,2\n", codec).unwrap();
            assert_eq!(read(&p).unwrap(), b"x,y\n1,2\n");
            assert_eq!(is_compressed(&p), codec.is_some());
        }
        let copy = plain_copy(&dir.join("a.csv.gz")).unwrap();
        assert_eq!(copy.file_name().unwrap(), "a.csv");
        assert_eq!(std::fs::read(&copy).unwrap(), b"x,y\n1,2\n");
        assert!(copy.starts_with(crate::io::scratch::dir().unwrap()));
        assert!(codec(Some("nosuch")).is_err() && codec(Some("GZIP")).unwrap() == Some(Codec::Gzip));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
