//! String functions, one submodule per kind of work: case, trimming, slicing and
//! concatenation (`text`), padding (`pad`), searching and splitting (`search`),
//! character-level rewrites (`chars`), LIKE (`like`), Java regular expressions
//! (`regexp`), bytes and charsets (`encode`), formatting (`format`), URLs (`url`).
//! Native Polars string kernels wherever their semantics are Spark's; `compat`
//! kernels elsewhere.

mod chars;
mod encode;
mod format;
mod like;
mod pad;
mod regexp;
mod search;
mod text;
mod url;

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StringFn;
use polars::prelude as pl;

pub fn lower(f: StringFn, c: &CallLowering) -> Result<pl::Expr> {
    use StringFn::*;
    Ok(match f {
        Upper => c.arg(0).str().to_uppercase(),
        Lower => c.arg(0).str().to_lowercase(),
        Length => text::length(c),
        Trim | Ltrim | Rtrim | Btrim => text::trim(f, c),
        Concat => text::concat(c),
        ConcatWs => text::concat_ws(c)?,
        Substring => text::substring(c),
        Like => like::like(c, false)?,
        ILike => like::like(c, true)?,
        MultiLike => c.arg(1),
        Rlike => regexp::rlike(c)?,
        StartsWith | EndsWith | Contains => text::affix(f, c),
        Lpad => pad::pad(c, true),
        Rpad => pad::pad(c, false),
        Repeat => pad::repeat(c),
        Space => pad::space(c),
        Reverse => chars::reverse(c),
        InitCap => chars::initcap(c),
        Instr => search::instr(c),
        Locate => search::locate(c),
        Left => text::left(c),
        Right => text::right(c),
        Split => search::split(c)?,
        SplitPart => search::split_part(c),
        SubstringIndex => search::substring_index(c),
        Translate => chars::translate(c),
        Replace => chars::replace(c),
        Overlay => text::overlay(c),
        Ascii => chars::ascii(c),
        Chr => chars::chr(c),
        BitLength => text::byte_length(c, true),
        OctetLength => text::byte_length(c, false),
        FindInSet => search::find_in_set(c),
        Elt => search::elt(c),
        Levenshtein => chars::levenshtein(c),
        Soundex => chars::soundex(c),
        RegexpReplace => regexp::regexp_replace(c)?,
        RegexpExtract => regexp::regexp_extract(c)?,
        RegexpExtractAll => regexp::regexp_extract_all(c)?,
        RegexpCount => regexp::regexp_count(c)?,
        RegexpSubstr => regexp::regexp_substr(c)?,
        RegexpInstr => regexp::regexp_instr(c)?,
        Base64 => encode::base64(c),
        UnBase64 => encode::unbase64(c),
        Hex => encode::hex(c),
        Unhex => encode::unhex(c),
        Encode => encode::encode(c),
        Decode => encode::decode(c),
        ToBinary => encode::to_binary(c, false),
        TryToBinary => encode::to_binary(c, true),
        IsValidUtf8 => encode::utf8(c, encode::Utf8Check::IsValid),
        MakeValidUtf8 => encode::utf8(c, encode::Utf8Check::MakeValid),
        ValidateUtf8 => encode::utf8(c, encode::Utf8Check::Validate),
        TryValidateUtf8 => encode::utf8(c, encode::Utf8Check::TryValidate),
        FormatNumber => format::format_number(c)?,
        FormatString => format::format_string(c)?,
        ToChar => format::to_char(c)?,
        ToNumber => format::to_number(c, false)?,
        TryToNumber => format::to_number(c, true)?,
        Mask => format::mask(c),
        ParseUrl => url::parse_url(c, false),
        TryParseUrl => url::parse_url(c, true),
        UrlEncode => url::url_encode(c),
        UrlDecode => url::url_decode(c, false),
        TryUrlDecode => url::url_decode(c, true),
        Collation => pl::when(c.arg(0).is_null()).then(pl::lit("SYSTEM.BUILTIN.UTF8_BINARY")).otherwise(pl::lit("SYSTEM.BUILTIN.UTF8_BINARY")),
        Collate => c.arg(0),
        Sentences => sentences(c)?,
        LuhnCheck => chars::luhn_check(c),
    })
}

/// `sentences(str, lang, country)`: `compat::sentences` per text. The JDK's rules are one
/// set for every locale but Thai (a dictionary), which is refused (when the query is
/// planned for a literal language, else on the first Thai row).
fn sentences(c: &CallLowering) -> Result<pl::Expr> {
    use crate::compat::kernels::mixed::{kernel, In, StrLists};
    if c.str_literal(1).is_some_and(|l| l.eq_ignore_ascii_case("th")) {
        return Err(c.unsupported("the Thai locale (Java's dictionary-based BreakIterator)"));
    }
    Ok(kernel::<StrLists, _>(vec![c.arg(0), c.arg(1), c.arg(2)], &[In::Str, In::Str, In::Str], c.reachable.clone(), |a, row| {
        let Some(text) = a.str(0, row) else { return Ok(None) };
        if a.str(1, row).is_some_and(|l| l.eq_ignore_ascii_case("th")) {
            return a.fail(row, crate::error::ErrorKind::Unsupported, "NOT_IMPLEMENTED", "sentences with the Thai locale (Java's dictionary-based BreakIterator) is not implemented in PyRust yet.");
        }
        Ok(Some(StrLists(crate::compat::sentences::sentences(text))))
    }))
}
