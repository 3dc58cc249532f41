//! Spark's `OPTIONS (key 'value', 'key' = 'value', a.b true, ...)` clause of CREATE
//! TABLE and CREATE TEMPORARY VIEW ... USING (its `propertyList`): sqlparser's Spark
//! dialect does not read it (only BigQuery's `OPTIONS(k = v)`), and Spark takes it before
//! or after LOCATION. The clause is taken out of the text before parsing and read here.

use super::parse_error;
use crate::error::Result;
use sqlparser::dialect::SparkSqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};
use std::collections::BTreeMap;

/// `text` without its OPTIONS clause, and the options it held (keys as written).
pub(super) fn take_options(text: &str) -> Result<(String, BTreeMap<String, String>)> {
    let Some((start, open)) = options_keyword(text) else { return Ok((text.to_string(), BTreeMap::new())) };
    let Some(close) = group_end(text, open) else { return Err(parse_error(text, "OPTIONS (key 'value', ...) is not closed")) };
    let options = properties(&text[open + 1..close - 1], text)?;
    Ok((format!("{} {}", &text[..start], &text[close..]), options))
}

/// Where the word OPTIONS (outside quotes) starts, and its `(`.
fn options_keyword(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut quote = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) if c == b'\\' && q != b'`' => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, b'\'' | b'"' | b'`') => quote = Some(c),
            None if text[i..].len() >= 7 && text[i..i + 7].eq_ignore_ascii_case("OPTIONS") => {
                let before = i == 0 || bytes[i - 1].is_ascii_whitespace();
                let rest = &text[i + 7..];
                let open = i + 7 + (rest.len() - rest.trim_start().len());
                if before && bytes.get(open) == Some(&b'(') {
                    return Some((i, open));
                }
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// The end (exclusive) of the parenthesised group opening at `open`, quotes skipped.
fn group_end(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut quote, mut i) = (0, None, open);
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(_) if c == b'\\' => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, b'\'' | b'"' | b'`') => quote = Some(c),
            None if c == b'(' => depth += 1,
            None if c == b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// `key [=] value, ...`: a key is a dotted name or a string, a value a string, a number
/// or a boolean (Spark's `propertyKey` and `propertyValue`).
fn properties(list: &str, text: &str) -> Result<BTreeMap<String, String>> {
    let refused = || parse_error(text, "OPTIONS (key 'value', ...)");
    let tokens = Tokenizer::new(&SparkSqlDialect {}, list).with_unescape(false).tokenize().map_err(|_| refused())?;
    let tokens: Vec<Token> = tokens.into_iter().filter(|t| !matches!(t, Token::Whitespace(_))).collect();
    let mut options = BTreeMap::new();
    for property in tokens.split(|t| *t == Token::Comma) {
        if tokens.is_empty() {
            break;
        }
        // The last token is the value; the key is what comes before it (and its `=`).
        let Some((value, key)) = property.split_last() else { return Err(refused()) };
        let key = key.strip_suffix(&[Token::Eq]).unwrap_or(key);
        let key = match key {
            [Token::SingleQuotedString(s)] | [Token::DoubleQuotedString(s)] => super::unescape(s, '\''),
            words if !words.is_empty() && words.iter().all(|t| matches!(t, Token::Word(_) | Token::Period)) => words
                .iter()
                .map(|t| match t {
                    Token::Word(w) => w.value.clone(),
                    _ => ".".to_string(),
                })
                .collect(),
            _ => return Err(refused()),
        };
        let value = match value {
            Token::SingleQuotedString(s) => super::unescape(s, '\''),
            Token::DoubleQuotedString(s) => super::unescape(s, '"'),
            Token::Number(n, _) => n.clone(),
            Token::Word(w) if w.value.eq_ignore_ascii_case("true") || w.value.eq_ignore_ascii_case("false") => w.value.to_ascii_lowercase(),
            _ => return Err(refused()),
        };
        options.insert(key, value);
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_taken_out_wherever_they_are() {
        let (rest, options) = take_options("CREATE TABLE t USING csv OPTIONS (header 'true', 'sep' = ';', a.b 1, c = false) LOCATION '/x'").unwrap();
        assert_eq!(rest.split_whitespace().collect::<Vec<_>>().join(" "), "CREATE TABLE t USING csv LOCATION '/x'");
        let expected: BTreeMap<String, String> =
            [("header", "true"), ("sep", ";"), ("a.b", "1"), ("c", "false")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(options, expected);
    }

    #[test]
    fn quoted_parentheses_and_the_word_in_a_string_are_kept() {
        let (rest, options) = take_options("CREATE TABLE t COMMENT 'no OPTIONS (here)' USING csv OPTIONS (path '/a(b)')").unwrap();
        assert_eq!(rest.trim_end(), "CREATE TABLE t COMMENT 'no OPTIONS (here)' USING csv");
        assert_eq!(options.get("path").map(String::as_str), Some("/a(b)"));
        let plain = "CREATE TABLE t (a INT) USING parquet";
        assert_eq!(take_options(plain).unwrap(), (plain.to_string(), BTreeMap::new()));
    }
}
