//! SQL LIKE patterns as regular expressions, as Spark's `StringUtils.escapeLikeRegex`
//! reads them: `_` is one character, `%` any run of characters (newlines too), the
//! escape character (default `\`) makes the next `_`, `%` or itself literal, and
//! anything else after it is an error.

use crate::error::{Error, Result};

pub const DEFAULT_ESCAPE: char = '\\';

/// A LIKE pattern as an anchored Rust regex.
pub fn like_to_regex(pattern: &str, escape: char) -> Result<String> {
    let mut re = String::with_capacity(pattern.len() + 8);
    re.push_str("(?s)^");
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == escape {
            match chars.next() {
                Some(n) if n == '_' || n == '%' || n == escape => push_literal(&mut re, n),
                Some(n) => {
                    let (format, char) = (sql_string(pattern), sql_string(&n.to_string()));
                    return Err(Error::analysis(
                        "INVALID_FORMAT.ESC_IN_THE_MIDDLE",
                        format!("The format is invalid: {format}. The escape character is not allowed to precede {char}."),
                    )
                    .with_param("format", format)
                    .with_param("char", char));
                }
                None => {
                    let format = sql_string(pattern);
                    return Err(Error::analysis(
                        "INVALID_FORMAT.ESC_AT_THE_END",
                        format!("The format is invalid: {format}. The escape character is not allowed to end with."),
                    )
                    .with_param("format", format));
                }
            }
            continue;
        }
        match c {
            '_' => re.push('.'),
            '%' => re.push_str(".*"),
            c => push_literal(&mut re, c),
        }
    }
    re.push('$');
    Ok(re)
}

fn push_literal(re: &mut String, c: char) {
    if regex_syntax_char(c) {
        re.push('\\');
    }
    re.push(c);
}

/// The characters Rust's regex syntax gives a meaning (escaping them is always allowed).
pub fn regex_syntax_char(c: char) -> bool {
    matches!(c, '\\' | '.' | '+' | '*' | '?' | '(' | ')' | '|' | '[' | ']' | '{' | '}' | '^' | '$' | '#' | '&' | '-' | '~')
}

/// A string as Spark's `toSQLValue` writes it in messages: quoted, `\` and `'` escaped.
pub fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A LIKE pattern without wildcards or escapes in the middle, as the plain string
/// test it amounts to: `abc` (equal), `abc%` (prefix), `%abc` (suffix), `%abc%`
/// (contains). None for anything else.
pub enum Shape<'a> {
    Equals(&'a str),
    StartsWith(&'a str),
    EndsWith(&'a str),
    Contains(&'a str),
}

pub fn simple_shape(p: &str, escape: char) -> Option<Shape<'_>> {
    if p.contains(['_', escape]) {
        return None;
    }
    let starts = p.starts_with('%');
    let ends = p.len() > 1 && p.ends_with('%');
    let core = p.trim_start_matches('%').trim_end_matches('%');
    if core.contains('%') {
        return None;
    }
    Some(match (starts, ends || (starts && p.len() == 1)) {
        (false, false) => Shape::Equals(core),
        (false, true) => Shape::StartsWith(core),
        (true, false) => Shape::EndsWith(core),
        (true, true) => Shape::Contains(core),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_and_escapes() {
        assert_eq!(like_to_regex("a_%", '\\').unwrap(), "(?s)^a..*$");
        assert_eq!(like_to_regex("a!%b", '!').unwrap(), "(?s)^a%b$");
        assert_eq!(like_to_regex("a!!b", '!').unwrap(), "(?s)^a!b$");
        assert_eq!(like_to_regex("a.c\\\\", '\\').unwrap(), "(?s)^a\\.c\\\\$");
        let e = like_to_regex("a\\b", '\\').unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("INVALID_FORMAT.ESC_IN_THE_MIDDLE"));
        let e = like_to_regex("a\\", '\\').unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("INVALID_FORMAT.ESC_AT_THE_END"));
    }

    #[test]
    fn plain_shapes_skip_the_regex() {
        for p in ["abc", "abc%", "%abc", "%abc%", "%", "%%", "", "a%%"] {
            assert!(simple_shape(p, '\\').is_some(), "{p}");
        }
        for p in ["a_c", "a%b%c", "%a%b", "a\\%"] {
            assert!(simple_shape(p, '\\').is_none(), "{p}");
        }
        assert!(matches!(simple_shape("ab%", '\\'), Some(Shape::StartsWith("ab"))));
    }
}
