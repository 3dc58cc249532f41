//! One pass over a CSV file before Polars reads it: where Spark's header is, which
//! rows Spark skips (blank lines) or leaves out of inference (repeats of the header
//! line), and whether Polars' tokenizer reads every line as Spark's does. Cached
//! per file version and dialect, so each file is profiled once.

use super::infer::ColumnFold;
use super::plain::PlainKinds;
use super::tokenizer::{is_skipped, is_skipped_before_header, lines, lines_at, polars_reads_alike, tokenize, tokenize_whole, Dialect, Tokens};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

/// What a file looks like to Spark, in the row numbering of Polars' reader (rows
/// after `skip_lines`, comment lines not counted).
#[derive(Debug, Default)]
pub struct Profile {
    /// The first line that is not blank (or a comment): the header, or the line
    /// whose field count gives the columns.
    pub first_line: Option<Vec<u8>>,
    pub first_tokens: Option<Tokens>,
    /// Raw lines Polars must skip: through the header when there is one.
    pub skip_lines: usize,
    /// The header's `\n`-line holds more lines for Spark (a lone `\r`): skipping
    /// `skip_lines` would skip those too.
    pub header_shares_line: bool,
    /// Whether Polars' tokenizer gives Spark's fields for every line.
    pub polars_alike: bool,
    /// Rows Polars yields that Spark skips: blank lines.
    pub blank_rows: Vec<u64>,
    /// Rows that repeat the header line: data when read, left out of inference.
    pub header_rows: Vec<u64>,
    /// Rows Polars yields, blank ones included.
    pub rows: u64,
    /// Filled by inference: per column, what the values showed.
    pub folds: Mutex<Option<Vec<ColumnFold>>>,
    /// Per field position, whether every value Polars reads there is plain (so a
    /// given schema's numbers are read natively too, as inference's folds allow).
    pub plain: PlainFields,
}

/// Per field position of the rows Polars reads: which plain forms (`plain`) every
/// value there (NULLs aside) has, which Polars' parsers read exactly as Spark's.
/// Positions are split at the separator, so a line with a quote makes every one
/// not plain (its fields may hold the separator).
#[derive(Debug, Default, Clone)]
pub struct PlainFields {
    kinds: Vec<PlainKinds>,
    /// A line with a quote was met: nothing is known plain.
    quoted: bool,
}

impl PlainFields {
    fn observe(&mut self, line: &[u8], d: &Dialect, null_value: &str) {
        if self.quoted {
            return;
        }
        if d.quote.is_some_and(|q| memchr::memchr(q, line).is_some()) {
            self.quoted = true;
            return;
        }
        let mut start = 0;
        let ends = memchr::memchr_iter(d.sep, line).chain(std::iter::once(line.len()));
        for (i, end) in ends.enumerate() {
            self.observe_field(i, &line[start..end], null_value.as_bytes());
            start = end + 1;
        }
    }

    /// The value at field position `i` of a row without quotes.
    fn observe_field(&mut self, i: usize, field: &[u8], null_value: &[u8]) {
        if i >= self.kinds.len() {
            // A position missing from earlier (ragged) rows was NULL there.
            self.kinds.resize(i + 1, PlainKinds::default());
        }
        if field.is_empty() || !self.kinds[i].any() || field == null_value {
            return;
        }
        self.kinds[i].observe_bytes(field);
    }

    /// Both stretches' values: a form is plain where it is in both.
    fn join(&mut self, other: PlainFields) {
        self.quoted |= other.quoted;
        let n = self.kinds.len().max(other.kinds.len());
        // A position missing from one stretch's (ragged) rows was NULL there.
        self.kinds.resize(n, PlainKinds::default());
        for (mine, theirs) in self.kinds.iter_mut().zip(other.kinds) {
            *mine = mine.and(theirs);
        }
    }

    /// The plain forms of every value at field position `i`.
    pub fn at(&self, i: usize) -> PlainKinds {
        if self.quoted {
            return PlainKinds::NONE;
        }
        self.kinds.get(i).copied().unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    dialect: Dialect,
    header: bool,
    null_value: String,
    line_sep: Option<String>,
}

static CACHE: LazyLock<Mutex<HashMap<Key, Arc<Profile>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
const CACHE_LIMIT: usize = 1024;

/// A file that fails to read: Spark's `FAILED_READ_FILE` error, not an internal one.
fn io_error(path: &Path, e: std::io::Error) -> Error {
    crate::io::ignore::io_failed(path, &e)
}

/// The profile of `path` for this dialect, from the cache when the file is unchanged.
pub fn profile(path: &Path, dialect: &Dialect, header: bool, null_value: &str, line_sep: Option<&str>) -> Result<Arc<Profile>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    let key = Key {
        path: path.to_path_buf(),
        len: meta.len(),
        modified: meta.modified().ok(),
        dialect: *dialect,
        header,
        null_value: null_value.to_string(),
        line_sep: line_sep.map(str::to_string),
    };
    if let Some(p) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(p);
    }
    let p = Arc::new(match line_sep {
        Some(sep) => first_line_at(path, dialect, sep)?,
        None => scan_file(path, meta.len(), dialect, header, null_value)?,
    });
    if let Ok(mut c) = CACHE.lock() {
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, p.clone());
    }
    Ok(p)
}

/// What the rows of one stretch of a file showed (rows numbered from the stretch's
/// first), so stretches can be scanned on several threads and joined in order.
#[derive(Debug)]
struct Stretch {
    alike: bool,
    blank_rows: Vec<u64>,
    header_rows: Vec<u64>,
    rows: u64,
    plain: PlainFields,
}

impl Stretch {
    fn new() -> Stretch {
        Stretch { alike: true, blank_rows: Vec::new(), header_rows: Vec::new(), rows: 0, plain: PlainFields::default() }
    }

    /// One `\n`-line of the file (its end included) after the header. False once the
    /// file is known not to read alike: nothing more to learn from it.
    fn observe(&mut self, chunk: &[u8], d: &Dialect, header_line: Option<&[u8]>, null_value: &str) -> bool {
        // Polars counts lines at \n only; Spark also ends one at a lone \r.
        let line = match memchr::memchr(b'\r', chunk) {
            None => chunk.strip_suffix(b"\n").unwrap_or(chunk),
            Some(_) => {
                let mut spark_lines = lines(chunk);
                let line = spark_lines.next().unwrap_or_default();
                if spark_lines.next().is_some() {
                    self.alike = false;
                }
                line
            }
        };
        if !self.alike {
            // The whole file will be read by Spark's own tokenizer.
            return false;
        }
        if is_polars_comment(line, d) {
            // Polars skips comments, but its line splitting still counts their quotes.
            if d.quote.is_some_and(|q| line.contains(&q)) {
                self.alike = false;
            }
            return self.alike;
        }
        // Every other line is a row to Polars, skipped by Spark or not: its quotes must
        // split the same way.
        if !polars_reads_alike(line, d) {
            self.alike = false;
        }
        if is_skipped(line, d.comment) {
            self.blank_rows.push(self.rows);
        } else {
            if header_line == Some(line) {
                self.header_rows.push(self.rows);
            }
            self.plain.observe(line, d, null_value);
        }
        self.rows += 1;
        true
    }

    /// Whole lines holding no `\r` and no quote (most files, all through): Polars splits
    /// them as Spark does, so what is left to learn is which are blank or comments, which
    /// repeat the header, and the plain forms of their fields, found with one search for
    /// separators and line ends per line. A line starting with a byte that may make it
    /// blank or a comment takes `observe`.
    fn observe_plain_lines(&mut self, region: &[u8], d: &Dialect, header_line: Option<&[u8]>, null_value: &str) {
        let mut start = 0;
        while start < region.len() {
            let first = region[start];
            if first <= b' ' || Some(first) == d.comment {
                let end = memchr::memchr(b'\n', &region[start..]).map_or(region.len(), |i| start + i + 1);
                self.observe(&region[start..end], d, header_line, null_value);
                start = end;
                continue;
            }
            let (mut field, mut field_start, mut end) = (0, start, region.len());
            for at in memchr::memchr2_iter(d.sep, b'\n', &region[start..]) {
                let at = start + at;
                self.plain.observe_field(field, &region[field_start..at], null_value.as_bytes());
                if region[at] == b'\n' {
                    end = at;
                    break;
                }
                (field, field_start) = (field + 1, at + 1);
            }
            if end == region.len() {
                // The file's last line, without a line end.
                self.plain.observe_field(field, &region[field_start..], null_value.as_bytes());
            }
            if header_line == Some(&region[start..end]) {
                self.header_rows.push(self.rows);
            }
            self.rows += 1;
            start = end + 1;
        }
    }

    /// Appends the stretch that follows this one.
    fn join(&mut self, next: Stretch) {
        self.alike &= next.alike;
        let offset = self.rows;
        self.blank_rows.extend(next.blank_rows.into_iter().map(|r| r + offset));
        self.header_rows.extend(next.header_rows.into_iter().map(|r| r + offset));
        self.rows += next.rows;
        self.plain.join(next.plain);
    }
}

/// Below this many bytes after the header a file is scanned on one thread.
const PARALLEL_MIN_BYTES: u64 = 8 << 20;

fn scan_file(path: &Path, len: u64, dialect: &Dialect, header: bool, null_value: &str) -> Result<Profile> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut p = Profile { polars_alike: true, ..Profile::default() };
    let mut head = Stretch::new();
    let mut buf = Vec::with_capacity(256);
    let mut line_no = 0usize;
    let mut offset: u64 = 0;
    // Up to the first line that is not blank: the header, or the first row.
    while p.first_line.is_none() {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| io_error(path, e))?;
        if n == 0 {
            break;
        }
        offset += n as u64;
        let mut chunk: &[u8] = &buf;
        if line_no == 0 {
            // A byte order mark is not text, for Spark nor Polars.
            chunk = chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk);
        }
        line_no += 1;
        let mut candidates = lines(chunk);
        if let Some(first) = candidates.find(|l| !is_skipped_before_header(l, dialect.comment)) {
            p.first_line = Some(first.to_vec());
            p.first_tokens = Some(tokenize(&String::from_utf8_lossy(first), dialect));
        }
        if header {
            // Everything through the header line is skipped.
            p.skip_lines = line_no;
            p.header_shares_line = lines(chunk).count() > 1;
            // The header's line holds more lines for Spark: Polars reads otherwise.
            head.alike &= !p.header_shares_line;
            continue;
        }
        // Once the file does not read alike only the first line is still looked for.
        if head.alike {
            head.observe(chunk, dialect, None, null_value);
        }
    }
    let header_line = if header { p.first_line.clone() } else { None };
    if head.alike && offset < len {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
        let parts = if len - offset < PARALLEL_MIN_BYTES { 1 } else { cores.clamp(1, 16) };
        let rest = scan_rest(path, offset, len, parts, dialect, header_line.as_deref(), null_value)?;
        head.join(rest);
    }
    p.polars_alike = head.alike;
    p.blank_rows = head.blank_rows;
    p.header_rows = head.header_rows;
    p.rows = head.rows;
    p.plain = head.plain;
    Ok(p)
}

/// The rows from byte `start` (a line's start) to the end, split into `parts` stretches
/// (one per core): this pass runs before Polars' reader on every CSV read (a 2 GB file took
/// longer to profile than Polars takes to read it).
fn scan_rest(path: &Path, start: u64, len: u64, parts: u64, d: &Dialect, header_line: Option<&[u8]>, null_value: &str) -> Result<Stretch> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    // SAFETY: the map is only read, as Polars' reader maps the same file; a file
    // truncated meanwhile would fail that read too.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| io_error(path, e))?;
    let len = len.min(map.len() as u64);
    if len <= start {
        return Ok(Stretch::new());
    }
    let bounds: Vec<u64> = (0..=parts).map(|k| start + (len - start) * k / parts).collect();
    let stretches: Vec<Result<Stretch>> = std::thread::scope(|scope| {
        let workers: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let (from, to) = (w[0], w[1]);
                let bytes: &[u8] = &map;
                scope.spawn(move || Ok(scan_stretch(bytes, from, to, from == start, d, header_line, null_value)))
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|_| Err(Error::internal("a CSV profile thread panicked")))).collect()
    });
    let mut whole = Stretch::new();
    for s in stretches {
        whole.join(s?);
    }
    Ok(whole)
}

/// The lines that start in bytes `from..to` of the mapped file (the first one at `from`
/// itself when `at_line_start`, else after the first line end at or after `from`).
fn scan_stretch(bytes: &[u8], from: u64, to: u64, at_line_start: bool, d: &Dialect, header_line: Option<&[u8]>, null_value: &str) -> Stretch {
    let (from, to) = (from as usize, (to as usize).min(bytes.len()));
    let mut pos = from;
    if !at_line_start {
        // The line holding byte from - 1 belongs to the stretch before.
        pos = memchr::memchr(b'\n', &bytes[from - 1..]).map_or(bytes.len(), |i| from + i);
    }
    let mut s = Stretch::new();
    if pos < to {
        // The end of the last line that starts before `to`, and of the lines before the
        // first `\r` or quote in between.
        let stop = memchr::memchr(b'\n', &bytes[to - 1..]).map_or(bytes.len(), |i| to + i);
        let special = match d.quote {
            Some(q) => memchr::memchr2(b'\r', q, &bytes[pos..stop]),
            None => memchr::memchr(b'\r', &bytes[pos..stop]),
        };
        let plain_end = special.map_or(stop, |k| memchr::memrchr(b'\n', &bytes[pos..pos + k]).map_or(pos, |i| pos + i + 1));
        s.observe_plain_lines(&bytes[pos..plain_end], d, header_line, null_value);
        pos = plain_end;
    }
    while pos < to {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i + 1);
        if !s.observe(&bytes[pos..end], d, header_line, null_value) {
            break;
        }
        pos = end;
    }
    s
}

/// A file whose lines end at a custom `lineSep`, which Polars' reader cannot split as
/// Spark does (`\n` is text there): only its first line is looked for; Spark's own
/// tokenizer reads it.
fn first_line_at(path: &Path, dialect: &Dialect, sep: &str) -> Result<Profile> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let first = lines_at(text, Some(sep.as_bytes())).find(|l| !is_skipped_before_header(l, dialect.comment));
    Ok(Profile {
        first_tokens: first.map(|l| tokenize_whole(&String::from_utf8_lossy(l), dialect)),
        first_line: first.map(<[u8]>::to_vec),
        polars_alike: false,
        ..Profile::default()
    })
}

/// Polars drops lines that start with the comment character (as Spark does).
fn is_polars_comment(line: &[u8], d: &Dialect) -> bool {
    d.comment.is_some_and(|c| line.first() == Some(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPARK: Dialect = Dialect::new(b',', Some(b'"'), b'\\');

    fn profile_of(text: &str, header: bool) -> Profile {
        let dir = std::env::temp_dir().join(format!("pyrust-csv-profile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let path = dir.join(format!("{}.csv", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
        std::fs::write(&path, text).unwrap();
        let p = scan_file(&path, text.len() as u64, &SPARK, header, "").unwrap();
        std::fs::remove_file(&path).ok();
        p
    }

    #[test]
    fn header_blank_lines_and_repeats() {
        let p = profile_of("\n  \na,b\n1,2\n\na,b\n3,4\n\n", true);
        assert_eq!(p.first_line.as_deref(), Some(&b"a,b"[..]));
        assert_eq!(p.skip_lines, 3);
        assert_eq!(p.blank_rows, vec![1, 4]);
        assert_eq!(p.header_rows, vec![2]);
        assert_eq!(p.rows, 5);
        assert!(p.polars_alike);
    }

    #[test]
    fn plain_number_positions() {
        let p = profile_of("1,2.5,x,7\n-3,,4,+8\n\n5,1e3,6\n", false);
        let ints: Vec<bool> = (0..5).map(|i| p.plain.at(i).integers).collect();
        let doubles: Vec<bool> = (0..4).map(|i| p.plain.at(i).doubles).collect();
        assert_eq!(ints, vec![true, false, false, false, true]);
        assert_eq!(doubles, vec![true, true, false, false]);
        let quoted = profile_of("1,\"2\"\n", false);
        assert!(!quoted.plain.at(0).integers);
        let dated = profile_of("2024-01-05,2024-01-05 10:00:00,2024-01-05\n,2024-01-05,2024-1-5\n", false);
        let dates: Vec<bool> = (0..3).map(|i| dated.plain.at(i).dates).collect();
        assert_eq!(dates, vec![true, false, false]);
    }

    #[test]
    fn stretches_scanned_apart_join_to_the_whole() {
        let dir = std::env::temp_dir().join(format!("pyrust-csv-stretches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("rows.csv");
        let mut text = String::from("a,b,c\n");
        for i in 0..400 {
            text += &match i % 7 {
                0 => "\n".to_string(),
                1 => "a,b,c\n".to_string(),
                2 => format!("{i},2024-01-0{}\n", i % 9 + 1),
                3 => format!("{i},x,{}.5,9\n", i),
                _ => format!("{i},2024-02-01,{i}\r\n"),
            };
        }
        std::fs::write(&path, &text).unwrap();
        let start = "a,b,c\n".len() as u64;
        let len = text.len() as u64;
        let one = scan_rest(&path, start, len, 1, &SPARK, Some(b"a,b,c"), "").unwrap();
        for parts in [2, 3, 7, 64] {
            let split = scan_rest(&path, start, len, parts, &SPARK, Some(b"a,b,c"), "").unwrap();
            assert_eq!((split.rows, &split.blank_rows, &split.header_rows, split.alike), (one.rows, &one.blank_rows, &one.header_rows, one.alike));
            for i in 0..5 {
                assert_eq!(split.plain.at(i), one.plain.at(i), "field {i} in {parts} parts");
            }
        }
        assert_eq!(one.rows, 400);
        assert_eq!((one.blank_rows.len(), one.header_rows.len()), (58, 57));
        assert!(one.alike && one.plain.at(3).integers && !one.plain.at(2).integers);
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Lines read one by one through `observe`, as the pass read every line before
    /// `observe_plain_lines`.
    fn line_by_line(text: &[u8], header_line: Option<&[u8]>) -> Stretch {
        let mut s = Stretch::new();
        let mut pos = 0;
        while pos < text.len() {
            let end = memchr::memchr(b'\n', &text[pos..]).map_or(text.len(), |i| pos + i + 1);
            if !s.observe(&text[pos..end], &SPARK, header_line, "NA") {
                break;
            }
            pos = end;
        }
        s
    }

    #[test]
    fn plain_lines_read_as_line_by_line() {
        let mut text = String::new();
        for i in 0..300 {
            text += &match i % 9 {
                0 => "\n".to_string(),
                1 => "a,b,c\n".to_string(),
                2 => format!(" {i},2024-01-0{}\n", i % 9 + 1),
                3 => format!("{i},x,{}.5,9\n", i),
                4 => format!("{i},NA,,-{i}\n"),
                5 => "\t \n".to_string(),
                6 => format!("{i}\n"),
                7 => format!("{i},2024-02-29,{i},1,2,3\n"),
                _ => format!("{i},2024-02-01,{i}e3\n"),
            };
        }
        for tail in ["", "7,8", "x\ry,1\n", "\"q\",1\n4,5\n"] {
            let whole = format!("{text}{tail}");
            let bytes = whole.as_bytes();
            let header = Some(&b"a,b,c"[..]);
            let fast = scan_stretch(bytes, 0, bytes.len() as u64, true, &SPARK, header, "NA");
            let slow = line_by_line(bytes, header);
            assert_eq!((fast.rows, &fast.blank_rows, &fast.header_rows, fast.alike), (slow.rows, &slow.blank_rows, &slow.header_rows, slow.alike), "{tail:?}");
            for i in 0..7 {
                assert_eq!(fast.plain.at(i), slow.plain.at(i), "field {i} with {tail:?}");
            }
        }
    }

    #[test]
    fn headerless_blank_lines_are_rows_to_drop() {
        let p = profile_of("\n1,2\n3,4\n", false);
        assert_eq!((p.skip_lines, p.blank_rows.clone(), p.rows), (0, vec![0], 3));
        assert_eq!(p.first_tokens.as_ref().map(|t| t.len()), Some(2));
    }

    #[test]
    fn lines_polars_reads_differently() {
        assert!(!profile_of("a,b\n\"x\"\"y\",1\n", true).polars_alike);
        assert!(!profile_of("a,b\n\0\"x,1\n", true).polars_alike);
        assert!(!profile_of("a,b\nx\ry,1\n", true).polars_alike);
        assert!(profile_of("a,b\r\n\"x,y\",1\r\n", true).polars_alike);
    }

    #[test]
    fn a_file_gone_before_its_profile_is_spark_s_read_error() {
        let gone = std::env::temp_dir().join(format!("pyrust-csv-profile-gone-{}.csv", std::process::id()));
        let Err(e) = profile(&gone, &SPARK, true, "", None) else { panic!("no file, no profile") };
        assert_eq!(e.error_class.as_deref(), Some("FAILED_READ_FILE.FILE_NOT_EXIST"));
    }
}
