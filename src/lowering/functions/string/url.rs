//! URL functions (`compat::url`): `parse_url`/`try_parse_url` (an invalid URL fails
//! under ANSI with `INVALID_URL`, else NULL), `url_encode`, `url_decode` (a bad
//! escape fails with `CANNOT_DECODE_URL`)/`try_url_decode`.

use super::super::CallLowering;
use super::regexp::PatternCache;
use crate::compat::kernels::mixed::{kernel, In};
use crate::compat::url;
use crate::error::ErrorKind;
use polars::prelude as pl;

pub fn parse_url(c: &CallLowering, try_: bool) -> pl::Expr {
    let fail = !try_ && c.conf.ansi;
    let with_key = c.args.len() == 3;
    let kinds: &[In] = if with_key { &[In::Str, In::Str, In::Str] } else { &[In::Str, In::Str] };
    let keys = PatternCache::new("parse_url");
    kernel::<String, _>(c.args.clone(), kinds, c.reachable.clone(), move |a, r| {
        let (Some(text), Some(part)) = (a.str(0, r), a.str(1, r)) else { return Ok(None) };
        let uri = match url::parse(text) {
            Ok(u) => u,
            Err(_) if fail => {
                return a.fail(
                    r,
                    ErrorKind::IllegalArgument,
                    "INVALID_URL",
                    &format!("The url is invalid: {text}. Use `try_parse_url` to tolerate invalid URL and return NULL instead. SQLSTATE: 22P02"),
                )
            }
            Err(_) => return Ok(None),
        };
        if !with_key {
            return Ok(url::part(&uri, part));
        }
        let Some(key) = a.str(2, r) else { return Ok(None) };
        if part != "QUERY" {
            return Ok(None);
        }
        let Some(query) = uri.query else { return Ok(None) };
        // Spark looks the key up with the regex (&|^)key=([^&]*).
        keys.with(&format!("(&|^){key}=([^&]*)"), |re| re.captures(query).and_then(|c| c.get(2)).map(|m| m.as_str().to_string()))
    })
}

pub fn url_encode(c: &CallLowering) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Str], None, |a, r| Ok(a.str(0, r).map(url::url_encode)))
}

pub fn url_decode(c: &CallLowering, try_: bool) -> pl::Expr {
    kernel::<String, _>(c.args.clone(), &[In::Str], c.reachable.clone(), move |a, r| {
        let Some(s) = a.str(0, r) else { return Ok(None) };
        match url::url_decode(s) {
            Some(d) => Ok(Some(d)),
            None if try_ => Ok(None),
            None => a.fail(
                r,
                ErrorKind::IllegalArgument,
                "CANNOT_DECODE_URL",
                &format!("The provided URL cannot be decoded: {s}. Please ensure that the URL is properly formatted and try again. SQLSTATE: 22546"),
            ),
        }
    })
}
