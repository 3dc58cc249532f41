//! BINARY values: Spark concatenates them as bytes (`concat` of binaries is binary)
//! and reads them as text with malformed UTF-8 replaced by U+FFFD, as the JVM's
//! `new String(bytes, UTF_8)` does; Polars' cast refuses invalid UTF-8.

use polars::prelude::{self as pl, BinaryChunked, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult, StringChunked};

/// `concat` of BINARY values: NULL when any input is NULL.
pub fn concat(inputs: Vec<pl::Expr>) -> pl::Expr {
    let mut inputs = inputs.into_iter();
    let Some(first) = inputs.next() else { return pl::lit(Vec::<u8>::new()) };
    let rest: Vec<pl::Expr> = inputs.collect();
    if rest.is_empty() {
        return first;
    }
    first.map_many(
        |cols: &mut [Column]| -> PolarsResult<Column> {
            let parts: Vec<BinaryChunked> =
                cols.iter().map(|c| c.as_materialized_series().binary().cloned()).collect::<PolarsResult<_>>()?;
            let n = super::checks::broadcast_len(parts.iter().map(|p| p.len()));
            fn at(p: &BinaryChunked, i: usize) -> Option<&[u8]> {
                p.get(if p.len() == 1 { 0 } else { i })
            }
            let out: BinaryChunked = (0..n)
                .map(|i| {
                    let mut bytes = Vec::new();
                    for p in &parts {
                        bytes.extend_from_slice(at(p, i)?);
                    }
                    Some(bytes)
                })
                .collect();
            Ok(out.with_name(cols[0].name().clone()).into_series().into_column())
        },
        &rest,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Binary)),
    )
}

/// BINARY as STRING: bytes read as UTF-8, malformed sequences replaced by U+FFFD.
pub fn to_string(input: pl::Expr) -> pl::Expr {
    input.map(
        |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            let out: StringChunked = s.binary()?.iter().map(|v| v.map(|b| String::from_utf8_lossy(b).into_owned())).collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{df, IntoLazy};

    #[test]
    fn concatenates_bytes_and_propagates_null() {
        let frame = df!("a" => [Some(&b"ab"[..]), None], "b" => [Some(&b"\xff"[..]), Some(&b"c"[..])]).unwrap();
        let out = frame.lazy().select([concat(vec![pl::col("a"), pl::col("b")])]).collect().unwrap();
        let got: Vec<Option<&[u8]>> = out.columns()[0].binary().unwrap().iter().collect();
        assert_eq!(got, vec![Some(&b"ab\xff"[..]), None]);
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        let frame = df!("a" => [&b"\x00\xffab"[..]]).unwrap();
        let out = frame.lazy().select([to_string(pl::col("a"))]).collect().unwrap();
        assert_eq!(out.columns()[0].str().unwrap().get(0), Some("\u{0}\u{fffd}ab"));
    }
}
