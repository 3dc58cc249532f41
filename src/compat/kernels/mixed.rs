//! Element-wise kernels over several columns, for Spark functions Polars has no
//! native form of. Each argument is read as one physical kind (text, bytes, a
//! 64-bit integer, a boolean); a column of length 1 (a literal) is broadcast. A
//! kernel may fail with a Spark error, but only on rows its call can reach
//! (`reachable`, as `checks::fail_where` does).

use crate::compat::errors::runtime_error;
use crate::error::ErrorKind;
use polars::prelude::{
    self as pl, BinaryChunked, BooleanChunked, Column, DataType as PlType, Float64Chunked, Int32Chunked, Int64Chunked, IntoColumn,
    IntoSeries, ListBinaryChunkedBuilder, ListBuilderTrait, ListStringChunkedBuilder, PlSmallStr, PolarsError, PolarsResult,
    Series, StringChunked,
};

/// How a kernel reads one of its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    Str,
    Bin,
    Int,
    Float,
    Bool,
}

enum Arg {
    Str(StringChunked),
    Bin(BinaryChunked),
    Int(Int64Chunked),
    Float(Float64Chunked),
    Bool(BooleanChunked),
}

/// The arguments of one kernel call, typed and rechunked.
pub struct Args {
    args: Vec<Arg>,
    lens: Vec<usize>,
    reachable: Option<BooleanChunked>,
}

#[inline]
fn at(len: usize, row: usize) -> usize {
    if len == 1 {
        0
    } else {
        row
    }
}

impl Args {
    fn new(cols: &[Column], kinds: &[In], has_mask: bool) -> PolarsResult<Args> {
        let n_args = cols.len() - usize::from(has_mask);
        let mut args = Vec::with_capacity(n_args);
        let mut lens = Vec::with_capacity(n_args);
        for (c, kind) in cols[..n_args].iter().zip(kinds) {
            let s = c.as_materialized_series().rechunk();
            lens.push(s.len());
            args.push(match kind {
                In::Str => Arg::Str(s.cast(&PlType::String)?.str()?.clone()),
                In::Bin => Arg::Bin(s.cast(&PlType::Binary)?.binary()?.clone()),
                In::Int => Arg::Int(s.cast(&PlType::Int64)?.i64()?.clone()),
                In::Float => Arg::Float(s.cast(&PlType::Float64)?.f64()?.clone()),
                In::Bool => Arg::Bool(s.cast(&PlType::Boolean)?.bool()?.clone()),
            });
        }
        let reachable = if has_mask { Some(cols[n_args].as_materialized_series().rechunk().bool()?.clone()) } else { None };
        Ok(Args { args, lens, reachable })
    }

    /// The number of rows of the call: a column's length, or 1 when every argument is a literal.
    pub fn rows(&self) -> usize {
        if self.lens.contains(&0) {
            return 0;
        }
        self.lens.iter().copied().find(|l| *l != 1).unwrap_or(1)
    }

    pub fn str(&self, i: usize, row: usize) -> Option<&str> {
        match &self.args[i] {
            Arg::Str(ca) => ca.get(at(self.lens[i], row)),
            _ => None,
        }
    }

    pub fn bin(&self, i: usize, row: usize) -> Option<&[u8]> {
        match &self.args[i] {
            Arg::Bin(ca) => ca.get(at(self.lens[i], row)),
            _ => None,
        }
    }

    pub fn int(&self, i: usize, row: usize) -> Option<i64> {
        match &self.args[i] {
            Arg::Int(ca) => ca.get(at(self.lens[i], row)),
            _ => None,
        }
    }

    pub fn float(&self, i: usize, row: usize) -> Option<f64> {
        match &self.args[i] {
            Arg::Float(ca) => ca.get(at(self.lens[i], row)),
            _ => None,
        }
    }

    pub fn bool(&self, i: usize, row: usize) -> Option<bool> {
        match &self.args[i] {
            Arg::Bool(ca) => ca.get(at(self.lens[i], row)),
            _ => None,
        }
    }

    /// Whether Spark evaluates this row (errors are raised only there).
    pub fn reachable(&self, row: usize) -> bool {
        match &self.reachable {
            Some(mask) => mask.get(at(mask.len(), row)).unwrap_or(false),
            None => true,
        }
    }

    /// A Spark error for this row when it is reachable; NULL otherwise.
    pub fn fail<T>(&self, row: usize, kind: ErrorKind, class: &str, message: &str) -> PolarsResult<Option<T>> {
        if self.reachable(row) {
            Err(runtime_error(kind, class, message))
        } else {
            Ok(None)
        }
    }
}

/// A value type a kernel produces, and how a column of it is built.
pub trait Output: Sized {
    fn dtype() -> PlType;
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series;
}

impl Output for String {
    fn dtype() -> PlType {
        PlType::String
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: StringChunked = values.collect();
        ca.with_name(name).into_series()
    }
}

impl Output for Vec<u8> {
    fn dtype() -> PlType {
        PlType::Binary
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: BinaryChunked = values.collect();
        ca.with_name(name).into_series()
    }
}

impl Output for i32 {
    fn dtype() -> PlType {
        PlType::Int32
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: Int32Chunked = values.collect();
        ca.with_name(name).into_series()
    }
}

impl Output for i64 {
    fn dtype() -> PlType {
        PlType::Int64
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: Int64Chunked = values.collect();
        ca.with_name(name).into_series()
    }
}

impl Output for i128 {
    fn dtype() -> PlType {
        PlType::Int128
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: polars::prelude::Int128Chunked = values.collect();
        ca.with_name(name).into_series()
    }
}

impl Output for bool {
    fn dtype() -> PlType {
        PlType::Boolean
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let ca: BooleanChunked = values.collect();
        ca.with_name(name).into_series()
    }
}

/// An array of strings (`split`, `regexp_extract_all`).
pub struct StrList(pub Vec<String>);

impl Output for StrList {
    fn dtype() -> PlType {
        PlType::List(Box::new(PlType::String))
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let (lower, _) = values.size_hint();
        let mut builder = ListStringChunkedBuilder::new(name, lower, lower * 4);
        for v in values {
            match v {
                Some(items) => builder.append_values_iter(items.0.iter().map(|s| s.as_str())),
                None => builder.append_null(),
            }
        }
        builder.finish().into_series()
    }
}

/// An array of arrays of strings (`sentences`).
pub struct StrLists(pub Vec<Vec<String>>);

impl Output for StrLists {
    fn dtype() -> PlType {
        PlType::List(Box::new(PlType::List(Box::new(PlType::String))))
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let rows: Vec<Option<Series>> = values
            .map(|v| {
                v.map(|lists| {
                    let mut builder = ListStringChunkedBuilder::new(PlSmallStr::EMPTY, lists.0.len(), 8);
                    for words in &lists.0 {
                        builder.append_values_iter(words.iter().map(|s| s.as_str()));
                    }
                    builder.finish().into_series()
                })
            })
            .collect();
        let out: polars::prelude::ListChunked = rows.into_iter().collect();
        out.with_name(name).into_series().cast(&Self::dtype()).expect("a list of string lists")
    }
}

/// An array of byte strings.
pub struct BinList(pub Vec<Vec<u8>>);

impl Output for BinList {
    fn dtype() -> PlType {
        PlType::List(Box::new(PlType::Binary))
    }
    fn build(name: PlSmallStr, values: impl Iterator<Item = Option<Self>>) -> Series {
        let (lower, _) = values.size_hint();
        let mut builder = ListBinaryChunkedBuilder::new(name, lower, lower * 4);
        for v in values {
            match v {
                Some(items) => builder.append_values_iter(items.0.iter().map(|s| s.as_slice())),
                None => builder.append_null(),
            }
        }
        builder.finish().into_series()
    }
}

/// A kernel: `f(args, row)` for every row, over `inputs` read as `kinds`.
/// `reachable` (the call's mask) limits where `Args::fail` raises.
pub fn kernel<T, F>(inputs: Vec<pl::Expr>, kinds: &[In], reachable: Option<pl::Expr>, f: F) -> pl::Expr
where
    T: Output,
    F: Fn(&Args, usize) -> PolarsResult<Option<T>> + Send + Sync + 'static,
{
    assert_eq!(inputs.len(), kinds.len(), "one kind per kernel input");
    let kinds = kinds.to_vec();
    let has_mask = reachable.is_some();
    let mut inputs = inputs;
    if let Some(mask) = reachable {
        inputs.push(mask.fill_null(pl::lit(false)));
    }
    let first = inputs.remove(0);
    first.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let name = cols[0].name().clone();
            let args = Args::new(cols, &kinds, has_mask)?;
            let mut error: Option<PolarsError> = None;
            let values = (0..args.rows()).map(|row| match f(&args, row) {
                Ok(v) => v,
                Err(e) => {
                    error.get_or_insert(e);
                    None
                }
            });
            let out = T::build(name, values);
            match error {
                Some(e) => Err(e),
                None => Ok(out.into_column()),
            }
        },
        &inputs,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), T::dtype())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{df, IntoLazy};

    #[test]
    fn broadcasts_literals_and_reads_kinds() {
        let frame = df!("s" => [Some("ab"), None, Some("c")], "n" => [1i32, 2, 3]).unwrap();
        let e = kernel::<String, _>(vec![pl::col("s"), pl::col("n"), pl::lit("-")], &[In::Str, In::Int, In::Str], None, |a, r| {
            Ok(match (a.str(0, r), a.int(1, r), a.str(2, r)) {
                (Some(s), Some(n), Some(sep)) => Some(format!("{s}{sep}{n}")),
                _ => None,
            })
        });
        let out = frame.lazy().select([e]).collect().unwrap();
        let got: Vec<Option<&str>> = out.columns()[0].str().unwrap().iter().collect();
        assert_eq!(got, vec![Some("ab-1"), None, Some("c-3")]);
    }

    #[test]
    fn errors_only_where_reachable() {
        let frame = df!("n" => [1i64, -1], "ok" => [true, false]).unwrap();
        let e = kernel::<i64, _>(vec![pl::col("n")], &[In::Int], Some(pl::col("ok")), |a, r| match a.int(0, r) {
            Some(n) if n < 0 => a.fail(r, ErrorKind::Runtime, "X", "negative"),
            v => Ok(v),
        });
        assert!(frame.clone().lazy().select([e]).collect().is_ok());
        let e = kernel::<i64, _>(vec![pl::col("n")], &[In::Int], None, |a, r| match a.int(0, r) {
            Some(n) if n < 0 => a.fail(r, ErrorKind::Runtime, "X", "negative"),
            v => Ok(v),
        });
        assert!(frame.lazy().select([e]).collect().is_err());
    }
}
