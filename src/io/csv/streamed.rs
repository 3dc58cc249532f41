//! CSV files that Spark's own tokenizer must read (the parse modes, the corrupt-record
//! column, the options Polars' reader has no equal for, files Polars would split
//! differently), read as a stream: Polars' CSV reader only cuts the file into lines
//! (no quotes, a separator byte the file does not hold), and each batch of lines is
//! split into fields by Spark's tokenizer inside the plan. Memory stays bounded by
//! the streaming engine's batches instead of the file's size.
//!
//! Only files whose lines Polars cuts as Spark does qualify: line ends `\n` or `\r\n`
//! (a lone `\r` ends a line for Spark only), no `multiLine`, no custom `lineSep`.

use super::profile::Profile;
use super::read::Reading;
use super::tokenizer::is_skipped;
use crate::error::{Error, Result};
use polars::prelude::{self as pl, col, Column, DataType as PlType, IntoColumn, IntoSeries, LazyFileListReader, NamedFrom, PolarsResult};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// The raw line column of the line frame.
const RAW: &str = "__pyrust_csv_raw";
/// The struct the tokenizer makes of a line: its fields, whether it is skipped, its arity.
const SPLIT: &str = "__pyrust_csv_split";
const SKIPPED: &str = "__pyrust_csv_skipped";

/// What one pass over a file's bytes tells: a byte it never holds (the line reader's
/// field separator) and whether some `\r` is not followed by `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteScan {
    absent: Option<u8>,
    lone_cr: bool,
}

/// Separator candidates: control characters text rarely holds, then bytes that are
/// never in UTF-8.
const CANDIDATES: [u8; 12] = [0x1F, 0x1E, 0x1D, 0x1C, 0x01, 0x02, 0x03, 0x04, 0xFF, 0xFE, 0xC0, 0xC1];

fn scan_bytes(path: &Path) -> Result<ByteScan> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::internal(format!("reading {}: {e}", path.display())))?;
    let mut seen = [false; 256];
    let mut buf = vec![0u8; 1 << 20];
    let (mut lone_cr, mut pending_cr) = (false, false);
    loop {
        let n = file.read(&mut buf).map_err(|e| Error::internal(format!("reading {}: {e}", path.display())))?;
        if n == 0 {
            break;
        }
        let block = &buf[..n];
        if pending_cr && block[0] != b'\n' {
            lone_cr = true;
        }
        for &b in block {
            seen[b as usize] = true;
        }
        if seen[b'\r' as usize] && !lone_cr {
            let mut rest = block;
            while let Some(i) = rest.iter().position(|&b| b == b'\r') {
                match rest.get(i + 1) {
                    Some(b'\n') => rest = &rest[i + 2..],
                    Some(_) => {
                        lone_cr = true;
                        break;
                    }
                    None => break,
                }
            }
        }
        pending_cr = block[n - 1] == b'\r';
    }
    Ok(ByteScan { absent: CANDIDATES.iter().copied().find(|&b| !seen[b as usize]), lone_cr: lone_cr || pending_cr })
}

/// The lines of a file after the header, one text column, or None when Polars'
/// reader cannot cut them as Spark does.
fn line_frame(path: &Path, profile: &Profile, r: &Reading) -> Result<Option<pl::LazyFrame>> {
    if r.multi_line || r.line_sep.is_some() || profile.header_shares_line {
        return Ok(None);
    }
    let scan = scan_bytes(path)?;
    let Some(sep) = scan.absent.filter(|_| !scan.lone_cr) else { return Ok(None) };
    let schema = pl::Schema::from_iter([pl::Field::new(RAW.into(), PlType::String)]);
    let lf = pl::LazyCsvReader::new(pl::PlRefPath::new(path.to_string_lossy().as_ref()))
        .with_has_header(false)
        .with_skip_lines(profile.skip_lines)
        .with_schema(Some(Arc::new(schema)))
        .with_separator(sep)
        .with_quote_char(None)
        .with_missing_is_null(true)
        .with_encoding(pl::CsvEncoding::LossyUtf8)
        .with_raise_if_empty(false)
        .finish()?;
    Ok(Some(lf))
}

/// The output of `split`: the fields (text), whether the line is skipped, and
/// whether it had as many fields as the schema.
fn split_type(names: &[String], arity: &str) -> PlType {
    let mut fields: Vec<pl::Field> = names.iter().map(|n| pl::Field::new(n.as_str().into(), PlType::String)).collect();
    fields.push(pl::Field::new(SKIPPED.into(), PlType::Boolean));
    fields.push(pl::Field::new(arity.into(), PlType::Boolean));
    PlType::Struct(fields)
}

/// Spark's tokenizer over a batch of lines; `refused` is the read's failure when the
/// parser refuses a line (`Reading::split`).
fn split(lines: &pl::StringChunked, r: &Reading, names: &[String], arity: &str, refused: &Error) -> PolarsResult<pl::Series> {
    let n = names.len();
    let mut columns: Vec<Vec<Option<String>>> = vec![Vec::with_capacity(lines.len()); n];
    let (mut skipped, mut arity_ok) = (Vec::with_capacity(lines.len()), Vec::with_capacity(lines.len()));
    for line in lines.iter() {
        let line = line.unwrap_or("");
        // Polars takes `\r\n` apart; a `\r` left at the end is text to Spark only when lone.
        let line = line.strip_suffix('\r').unwrap_or(line);
        let skip = is_skipped(line.as_bytes(), r.dialect.comment);
        skipped.push(skip);
        let mut tokens = match skip {
            true => vec![],
            false => {
                let tokens = r.split(line, false).ok_or_else(|| {
                    crate::compat::errors::runtime_error(refused.kind, refused.error_class.as_deref().unwrap_or_default(), &refused.message)
                })?;
                tokens.into_iter().map(|t| r.field(t)).collect()
            }
        };
        arity_ok.push(tokens.len() == n);
        tokens.resize(n, None);
        for (c, v) in columns.iter_mut().zip(tokens) {
            c.push(v);
        }
    }
    let mut series: Vec<pl::Series> = columns.into_iter().zip(names).map(|(v, name)| pl::Series::new(name.as_str().into(), v)).collect();
    series.push(pl::Series::new(SKIPPED.into(), skipped));
    series.push(pl::Series::new(arity.into(), arity_ok));
    Ok(pl::StructChunked::from_series(SPLIT.into(), lines.len(), series.iter())?.into_series())
}

/// A file tokenized by Spark's tokenizer as a stream, as text columns `names` (ragged
/// rows padded or cut), plus, with `judged`, the `arity` column (whether the row had
/// as many fields as `names`) and the `line` column (its text); None when the file
/// does not qualify (see the module's comment).
pub fn tokenized(path: &Path, profile: &Profile, r: &Reading, names: &[String], judged: Option<(&str, &str)>) -> Result<Option<pl::LazyFrame>> {
    let Some(lines) = line_frame(path, profile, r)? else { return Ok(None) };
    let (arity, line) = judged.unwrap_or(("__pyrust_csv_arity", "__pyrust_csv_line"));
    let (r2, names2, arity2) = (r.clone(), names.to_vec(), arity.to_string());
    let refused = crate::io::json::reading::read_failure(path);
    let out_type = split_type(names, arity);
    let splitting = col(RAW).map(
        move |c: Column| -> PolarsResult<Column> { Ok(split(c.as_materialized_series().str()?, &r2, &names2, &arity2, &refused)?.into_column()) },
        move |_, _| Ok(pl::Field::new(SPLIT.into(), out_type.clone())),
    );
    let field = |name: &str| col(SPLIT).struct_().field_by_name(name).alias(name);
    let mut out: Vec<pl::Expr> = names.iter().map(|n| field(n)).collect();
    if judged.is_some() {
        out.push(field(arity));
        out.push(col(RAW).str().strip_suffix(pl::lit("\r")).alias(line));
    }
    let lf = lines.with_column(splitting.alias(SPLIT)).filter(field(SKIPPED).not()).select(out);
    Ok(Some(lf))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(bytes: &[u8]) -> ByteScan {
        let dir = std::env::temp_dir().join(format!("pyrust-csv-streamed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let path = dir.join(format!("{}.csv", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
        std::fs::write(&path, bytes).unwrap();
        let s = scan_bytes(&path).unwrap();
        std::fs::remove_file(&path).ok();
        s
    }

    #[test]
    fn a_separator_the_file_lacks_and_lone_carriage_returns() {
        assert_eq!(scanned(b"a,b\r\n1,2\r\n"), ByteScan { absent: Some(0x1F), lone_cr: false });
        assert_eq!(scanned(b"a\x1f,b\n"), ByteScan { absent: Some(0x1E), lone_cr: false });
        assert!(scanned(b"a,b\r1,2\n").lone_cr);
        assert!(scanned(b"a,b\r").lone_cr);
        let every: Vec<u8> = (0..=255u8).collect();
        assert_eq!(scanned(&every).absent, None);
    }
}
