//! `lpad`/`rpad`, `repeat`, `space`. A literal length with a one-character literal
//! pad is Polars' own padding (the common case: `lpad(id, 10, '0')`); other
//! forms run `compat::strings::pad` per row.

use super::super::CallLowering;
use crate::compat::kernels::mixed::{kernel, In};
use crate::compat::{limits, strings};
use crate::ir::DataType;
use polars::prelude::{self as pl, lit, DataType as PlType};

pub fn pad(c: &CallLowering, left: bool) -> pl::Expr {
    if c.call.data_type == DataType::Binary {
        return kernel::<Vec<u8>, _>(c.args.clone(), &[In::Bin, In::Int, In::Bin], None, move |a, r| {
            Ok(match (a.bin(0, r), a.int(1, r), a.bin(2, r)) {
                (Some(_), Some(n), Some(p)) if !p.is_empty() && limits::too_large(n.max(0) as u128, 1) => return Err(limits::memory_error(n as u128)),
                (Some(s), Some(n), Some(p)) => Some(strings::pad_bytes(s, n, p, left)),
                _ => None,
            })
        });
    }
    let single_char = c.str_literal(2).filter(|p| p.chars().count() == 1).and_then(|p| p.chars().next());
    let small = c.int_literal(1).filter(|n| !limits::too_large(*n as u128, 1));
    if let (Some(n), Some(fill)) = (small, single_char) {
        // Cut to n characters, then pad to n.
        let n = n.clamp(0, i32::MAX as i64);
        let cut = c.arg(0).str().head(lit(n));
        return match left {
            true => cut.str().pad_start(lit(n as u64).cast(PlType::UInt64), fill),
            false => cut.str().pad_end(lit(n as u64).cast(PlType::UInt64), fill),
        };
    }
    kernel::<String, _>(c.args.clone(), &[In::Str, In::Int, In::Str], None, move |a, r| {
        Ok(match (a.str(0, r), a.int(1, r), a.str(2, r)) {
            // n characters of the pad take at least n bytes.
            (Some(_), Some(n), Some(p)) if !p.is_empty() && limits::too_large(n.max(0) as u128, 1) => return Err(limits::memory_error(n as u128)),
            (Some(s), Some(n), Some(p)) => Some(strings::pad(s, n, p, left)),
            _ => None,
        })
    })
}

pub fn repeat(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Str, In::Int], None, |a, r| {
        Ok(match (a.str(0, r), a.int(1, r)) {
            (Some(s), Some(n)) if limits::too_large(n.max(0) as u128, s.len() as u128) => return Err(limits::memory_error(n as u128 * s.len() as u128)),
            (Some(s), Some(n)) => Some(strings::repeat(s, n)),
            _ => None,
        })
    })
}

pub fn space(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Int], None, |a, r| match a.int(0, r) {
        Some(n) if limits::too_large(n.max(0) as u128, 1) => Err(limits::memory_error(n as u128)),
        n => Ok(n.map(|n| strings::repeat(" ", n))),
    })
}
