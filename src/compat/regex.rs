//! Java regular expressions on Rust's `regex` engine. Most syntax is shared; where
//! the two read the same text differently, the pattern is rewritten so Rust matches
//! what Java matches: `\d`, `\w`, `\s` and the POSIX classes (`\p{Alpha}`) are
//! ASCII in Java, `.` stops at every Java line terminator, `\Q...\E` quotes, `\h`,
//! `\v`, `\R`, `\e`, `\cX` and octal escapes have Java's meaning. What Rust cannot
//! match at all (look-around, back-references, possessive quantifiers, atomic
//! groups, `\G`, `\Z`, `\X`) is refused with `UNSUPPORTED_FEATURE.REGEX` instead of
//! matching differently. `java_replacement` does the same for `$1` replacements.

use crate::error::{Error, ErrorKind, Result};

fn unsupported(pattern: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::Unsupported,
        "UNSUPPORTED_FEATURE.REGEX",
        format!("The Java regex feature {what} in '{pattern}' is not supported by PyRust's regex engine."),
    )
}

/// Spark's error for a pattern Java cannot compile. Spark's text does not say why
/// (`_detail`, Java's or Rust's reason, is not shown); `regexp_count` is
/// `size(regexp_extract_all(...))` to Spark, so its errors name that function.
pub fn invalid_pattern(function: &str, pattern: &str, _detail: &str) -> Error {
    let function = if function == "regexp_count" { "regexp_extract_all" } else { function };
    Error::new(
        ErrorKind::Runtime,
        "INVALID_PARAMETER_VALUE.PATTERN",
        format!("The value of parameter(s) `regexp` in `{function}` is invalid: '{pattern}'."),
    )
    .with_param("parameter", "`regexp`")
    .with_param("functionName", format!("`{function}`"))
    .with_param("value", format!("'{pattern}'"))
}

const LINE_TERMINATORS: &str = r"\n\r\x{85}\x{2028}\x{2029}";
const JAVA_SPACE: &str = r"\t\n\x0B\f\r ";
const HORIZONTAL_SPACE: &str = r" \t\xA0\x{1680}\x{180e}\x{2000}-\x{200a}\x{202f}\x{205f}\x{3000}";
const VERTICAL_SPACE: &str = r"\n\x0B\f\r\x{85}\x{2028}\x{2029}";

/// Inline flags in effect (Java's `(?s)`, `(?U)`, ...), scoped like groups.
#[derive(Clone, Copy, Default)]
struct Flags {
    dotall: bool,
    unix_lines: bool,
    unicode_classes: bool,
    comments: bool,
}

struct Translator<'a> {
    src: &'a str,
    chars: Vec<char>,
    pos: usize,
    out: String,
    /// Flags per open group; the last is current.
    flags: Vec<Flags>,
    class_depth: usize,
}

/// A Java regex as an equivalent Rust regex, or an error naming what Rust lacks.
pub fn java_to_rust(pattern: &str) -> Result<String> {
    let mut t = Translator { src: pattern, chars: pattern.chars().collect(), pos: 0, out: String::with_capacity(pattern.len() + 8), flags: vec![Flags::default()], class_depth: 0 };
    t.run()?;
    Ok(t.out)
}

impl Translator<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn flags(&mut self) -> &mut Flags {
        self.flags.last_mut().expect("the outermost flags are never popped")
    }

    fn run(&mut self) -> Result<()> {
        while let Some(c) = self.peek(0) {
            self.pos += 1;
            match c {
                '\\' => self.escape()?,
                '[' => {
                    // `[:` opens a POSIX class in Rust, a plain nested class in Java.
                    self.class_depth += 1;
                    self.out.push('[');
                    if self.peek(0) == Some('^') {
                        self.pos += 1;
                        self.out.push('^');
                    }
                    if self.peek(0) == Some(':') {
                        self.pos += 1;
                        self.out.push_str("\\:");
                    }
                }
                ']' if self.class_depth > 0 => {
                    self.class_depth -= 1;
                    self.out.push(']');
                }
                c if self.class_depth > 0 => self.class_char(c),
                '.' => self.dot(),
                '(' => self.group()?,
                ')' => {
                    if self.flags.len() > 1 {
                        self.flags.pop();
                    }
                    self.out.push(')');
                }
                '*' | '+' | '?' | '}' => {
                    self.out.push(c);
                    self.quantifier_suffix()?;
                }
                '#' if self.flags.last().is_some_and(|f| f.comments) => {
                    // A comment runs to the end of the line.
                    while let Some(n) = self.peek(0) {
                        if n == '\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                c => self.out.push(c),
            }
        }
        Ok(())
    }

    fn class_char(&mut self, c: char) {
        match c {
            // Set operators in Rust, literal characters in Java.
            '~' => self.out.push_str("\\~"),
            '-' if self.peek(0) == Some('-') => {
                self.pos += 1;
                self.out.push_str("\\-\\-");
            }
            c => self.out.push(c),
        }
    }

    /// After a quantifier: `?` (lazy) is shared; `+` (possessive) Rust lacks.
    fn quantifier_suffix(&mut self) -> Result<()> {
        match self.peek(0) {
            Some('+') => Err(unsupported(self.src, "possessive quantifiers")),
            Some('?') => {
                self.pos += 1;
                self.out.push('?');
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn dot(&mut self) {
        let f = *self.flags();
        if f.dotall {
            self.out.push_str("(?s:.)");
        } else if f.unix_lines {
            self.out.push_str("[^\\n]");
        } else {
            self.out.push_str(&format!("[^{LINE_TERMINATORS}]"));
        }
    }

    fn group(&mut self) -> Result<()> {
        let inherited = *self.flags();
        if self.peek(0) != Some('?') {
            self.flags.push(inherited);
            self.out.push('(');
            return Ok(());
        }
        match (self.peek(1), self.peek(2)) {
            (Some('='), _) => return Err(unsupported(self.src, "look-ahead")),
            (Some('!'), _) => return Err(unsupported(self.src, "negative look-ahead")),
            (Some('<'), Some('=')) => return Err(unsupported(self.src, "look-behind")),
            (Some('<'), Some('!')) => return Err(unsupported(self.src, "negative look-behind")),
            (Some('>'), _) => return Err(unsupported(self.src, "atomic groups")),
            (Some('<'), _) | (Some(':'), _) => {
                // Named or non-capturing groups: the same syntax.
                self.flags.push(inherited);
                self.out.push('(');
                return Ok(());
            }
            _ => {}
        }
        // Inline flags: `(?idmsuxU-idmsuxU)` or `(?flags:...)`.
        self.pos += 1;
        let mut on = true;
        let mut flags = inherited;
        let mut rust = String::new();
        loop {
            let Some(c) = self.peek(0) else { return Err(unsupported(self.src, "an unterminated flag group")) };
            self.pos += 1;
            match c {
                '-' => {
                    on = false;
                    rust.push('-');
                }
                'i' | 'x' => {
                    rust.push(c);
                    if c == 'x' {
                        flags.comments = on;
                    }
                }
                // Java's multi-line anchors also work around \r.
                'm' => rust.push_str("mR"),
                's' => flags.dotall = on,
                'd' => flags.unix_lines = on,
                'U' => flags.unicode_classes = on,
                'u' | 'c' => {}
                ')' | ':' => {
                    let rust = rust.trim_end_matches('-');
                    if c == ')' {
                        // Applies to the rest of the enclosing group.
                        *self.flags() = flags;
                        if !rust.is_empty() {
                            self.out.push_str(&format!("(?{rust})"));
                        }
                    } else {
                        self.flags.push(flags);
                        self.out.push_str(&format!("(?{rust}:"));
                    }
                    return Ok(());
                }
                other => return Err(unsupported(self.src, &format!("the inline flag '{other}'"))),
            }
        }
    }

    /// A class given as a set of members: a nested class inside `[...]`, a class outside.
    fn class(&mut self, members: &str, negated: bool) {
        let caret = if negated { "^" } else { "" };
        self.out.push_str(&format!("[{caret}{members}]"));
    }

    fn escape(&mut self) -> Result<()> {
        let Some(c) = self.peek(0) else {
            return Err(invalid_pattern("regexp", self.src, "Unexpected internal error near the end of the pattern."));
        };
        self.pos += 1;
        let unicode = self.flags.last().is_some_and(|f| f.unicode_classes);
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' if unicode => self.out.push_str(&format!("\\{c}")),
            'd' => self.class("0-9", false),
            'D' => self.class("0-9", true),
            'w' => self.class("a-zA-Z_0-9", false),
            'W' => self.class("a-zA-Z_0-9", true),
            's' => self.class(JAVA_SPACE, false),
            'S' => self.class(JAVA_SPACE, true),
            'h' => self.class(HORIZONTAL_SPACE, false),
            'H' => self.class(HORIZONTAL_SPACE, true),
            'v' => self.class(VERTICAL_SPACE, false),
            'V' => self.class(VERTICAL_SPACE, true),
            'R' => self.out.push_str(&format!("(?:\\r\\n|[{VERTICAL_SPACE}])")),
            'e' => self.out.push_str("\\x1B"),
            'a' | 't' | 'n' | 'r' | 'f' | 'b' | 'B' | 'A' | 'z' => self.out.push_str(&format!("\\{c}")),
            'x' | 'u' => self.out.push_str(&format!("\\{c}")),
            '0' => {
                // Octal: \0n, \0nn, \0mnn (m <= 3).
                let mut value = 0u32;
                let mut digits = 0;
                while digits < 3 {
                    match self.peek(0).and_then(|d| d.to_digit(8)) {
                        Some(d) if value * 8 + d <= 0o377 => {
                            value = value * 8 + d;
                            self.pos += 1;
                            digits += 1;
                        }
                        _ => break,
                    }
                }
                if digits == 0 {
                    return Err(invalid_pattern("regexp", self.src, "Illegal octal escape sequence."));
                }
                self.out.push_str(&format!("\\x{{{value:X}}}"));
            }
            'c' => {
                let Some(x) = self.peek(0) else { return Err(invalid_pattern("regexp", self.src, "Illegal control escape sequence.")) };
                self.pos += 1;
                self.out.push_str(&format!("\\x{{{:X}}}", (x as u32) ^ 64));
            }
            'Q' => {
                // Everything up to \E is literal.
                while let Some(q) = self.peek(0) {
                    if q == '\\' && self.peek(1) == Some('E') {
                        self.pos += 2;
                        return Ok(());
                    }
                    self.pos += 1;
                    self.literal(q);
                }
            }
            'E' => {}
            'p' | 'P' => self.property(c == 'P')?,
            '1'..='9' | 'k' => return Err(unsupported(self.src, "back-references")),
            'G' => return Err(unsupported(self.src, "\\G")),
            'Z' => return Err(unsupported(self.src, "\\Z")),
            'X' => return Err(unsupported(self.src, "\\X")),
            c if c.is_ascii_alphabetic() => {
                return Err(invalid_pattern("regexp", self.src, &format!("Illegal/unsupported escape sequence near index {}.", self.pos - 1)))
            }
            c => self.literal(c),
        }
        Ok(())
    }

    fn literal(&mut self, c: char) {
        if crate::compat::like::regex_syntax_char(c) || (c == ' ' && self.flags.last().is_some_and(|f| f.comments)) {
            self.out.push('\\');
        }
        self.out.push(c);
    }

    /// `\p{Name}`: Java's POSIX classes are ASCII; `Is`/`In` prefixes and the Java
    /// `java*` names map to Unicode properties Rust knows.
    fn property(&mut self, negated: bool) -> Result<()> {
        let name: String = if self.peek(0) == Some('{') {
            let close = self.chars[self.pos..].iter().position(|c| *c == '}').ok_or_else(|| invalid_pattern("regexp", self.src, "Unclosed character family."))?;
            let name = self.chars[self.pos + 1..self.pos + close].iter().collect();
            self.pos += close + 1;
            name
        } else {
            let Some(n) = self.peek(0) else { return Err(invalid_pattern("regexp", self.src, "Illegal character family.")) };
            self.pos += 1;
            n.to_string()
        };
        let posix = match name.as_str() {
            "Lower" => Some("a-z"),
            "Upper" => Some("A-Z"),
            "ASCII" => Some("\\x00-\\x7F"),
            "Alpha" => Some("a-zA-Z"),
            "Digit" => Some("0-9"),
            "Alnum" => Some("a-zA-Z0-9"),
            "Punct" => Some("!-/:-@\\[-`{-~"),
            "Graph" => Some("!-~"),
            "Print" => Some(" -~"),
            "Blank" => Some(" \\t"),
            "Cntrl" => Some("\\x00-\\x1F\\x7F"),
            "XDigit" => Some("0-9a-fA-F"),
            "Space" => Some(JAVA_SPACE),
            _ => None,
        };
        if let Some(members) = posix {
            self.class(members, negated);
            return Ok(());
        }
        let unicode = match name.as_str() {
            "javaLowerCase" => "Lowercase".to_string(),
            "javaUpperCase" => "Uppercase".to_string(),
            "javaWhitespace" => "White_Space".to_string(),
            "javaAlphabetic" | "IsAlphabetic" => "Alphabetic".to_string(),
            "javaLetter" => "L".to_string(),
            "javaDigit" | "IsDigit" => "Nd".to_string(),
            "javaLetterOrDigit" => return self.property_union(&["L", "Nd"], negated),
            n if n.starts_with("In") => return Err(unsupported(self.src, &format!("the Unicode block \\p{{{n}}}"))),
            n => n.strip_prefix("Is").unwrap_or(n).to_string(),
        };
        let p = if negated { 'P' } else { 'p' };
        self.out.push_str(&format!("\\{p}{{{unicode}}}"));
        Ok(())
    }

    fn property_union(&mut self, names: &[&str], negated: bool) -> Result<()> {
        let members: String = names.iter().map(|n| format!("\\p{{{n}}}")).collect();
        self.class(&members, negated);
        Ok(())
    }
}

/// Matches one after another the way Java's `Matcher.find` steps: after an empty
/// match the search moves one character on; after a non-empty one it starts at its
/// end, where an empty match is allowed (Rust's iterator skips those).
pub fn java_matches<'h>(re: &regex::Regex, text: &'h str, start: usize) -> Vec<regex::Match<'h>> {
    let mut out = Vec::new();
    let mut pos = start;
    while pos <= text.len() {
        let Some(m) = re.find_at(text, pos) else { break };
        pos = if m.is_empty() { next_boundary(text, m.end()) } else { m.end() };
        out.push(m);
    }
    out
}

/// Like `java_matches`, with the capture groups of each match.
pub fn java_captures<'h>(re: &regex::Regex, text: &'h str, start: usize) -> Vec<regex::Captures<'h>> {
    let mut out = Vec::new();
    let mut pos = start;
    while pos <= text.len() {
        let Some(caps) = re.captures_at(text, pos) else { break };
        let m = caps.get(0).expect("group 0 always participates");
        pos = if m.is_empty() { next_boundary(text, m.end()) } else { m.end() };
        out.push(caps);
    }
    out
}

fn next_boundary(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

/// Whether a (translated) pattern can match the empty string.
pub fn can_match_empty(rust_pattern: &str) -> bool {
    regex_syntax::parse(rust_pattern).map_or(true, |h| h.properties().minimum_len().unwrap_or(0) == 0)
}

/// A byte offset as a Java (UTF-16) string index.
pub fn utf16_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().map(char::len_utf16).sum()
}

/// A Java (UTF-16) string index as a byte offset (the end when past it).
pub fn byte_of_utf16_index(text: &str, index: usize) -> usize {
    let mut units = 0;
    for (b, c) in text.char_indices() {
        if units >= index {
            return b;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// A Java replacement string (`$1`, `${name}`, `\$`) in Rust's syntax (`${1}`,
/// `${name}`, `$$`), checked against the pattern's groups as Java checks it.
pub fn java_replacement(replacement: &str, groups: usize, names: &[String]) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(replacement.len());
    let chars: Vec<char> = replacement.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                i += 1;
                let Some(c) = chars.get(i) else { return Err("character to be escaped is missing".into()) };
                push_replacement_literal(&mut out, *c);
            }
            '$' => {
                i += 1;
                let Some(c) = chars.get(i) else { return Err("Illegal group reference: group index is missing".into()) };
                if *c == '{' {
                    let close = chars[i..].iter().position(|c| *c == '}').ok_or("named capturing group is missing trailing '}'")?;
                    let name: String = chars[i + 1..i + close].iter().collect();
                    if name.is_empty() || !names.contains(&name) {
                        return Err(format!("No group with name {{{name}}}"));
                    }
                    out.push_str(&format!("${{{name}}}"));
                    i += close;
                } else if let Some(d) = c.to_digit(10) {
                    // Java reads more digits while the group number stays valid.
                    let mut group = d as usize;
                    if group > groups {
                        return Err(format!("No group {group}"));
                    }
                    while let Some(n) = chars.get(i + 1).and_then(|n| n.to_digit(10)) {
                        let next = group * 10 + n as usize;
                        if next > groups {
                            break;
                        }
                        group = next;
                        i += 1;
                    }
                    out.push_str(&format!("${{{group}}}"));
                } else {
                    return Err("Illegal group reference".into());
                }
            }
            c => push_replacement_literal(&mut out, c),
        }
        i += 1;
    }
    Ok(out)
}

fn push_replacement_literal(out: &mut String, c: char) {
    if c == '$' {
        out.push_str("$$");
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(java: &str, text: &str) -> bool {
        regex::Regex::new(&java_to_rust(java).unwrap()).unwrap().is_match(text)
    }

    #[test]
    fn refuses_what_rust_cannot_match() {
        for p in ["a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(a)\\1", "a*+", "a++", "(?>a)", "\\Ga", "\\k<x>"] {
            let e = java_to_rust(p).unwrap_err();
            assert_eq!(e.error_class.as_deref(), Some("UNSUPPORTED_FEATURE.REGEX"), "{p}");
        }
    }

    #[test]
    fn ascii_classes_and_line_terminators_as_java() {
        assert!(matches("^\\d+$", "123"));
        assert!(!matches("\\d", "\u{0663}"));
        assert!(!matches("\\w", "é"));
        assert!(matches("(?U)\\w", "é"));
        assert!(!matches("a.b", "a\rb"));
        assert!(matches("(?s)a.b", "a\rb"));
        assert!(matches("\\p{Alpha}+", "abc"));
        assert!(!matches("^\\p{Alpha}$", "é"));
        assert!(matches("\\p{IsLatin}", "é"));
        assert!(matches("[\\d,]+", "1,2"));
        assert!(matches("\\Qa.b\\E", "a.b"));
        assert!(!matches("\\Qa.b\\E", "axb"));
        assert!(matches("\\e", "\u{1b}"));
        assert!(matches("\\011", "\t"));
        assert!(matches("\\cA", "\u{1}"));
        assert!(matches("[a~]", "~"));
        assert!(matches("\\<x\\>", "<x>"));
        assert!(matches("(?<year>\\d{4})", "2024"));
        assert!(matches("(?i)ABC", "abc"));
        assert!(matches("a{2,3}?", "aa"));
    }

    #[test]
    fn steps_over_empty_matches_as_java() {
        let re = regex::Regex::new("x*").unwrap();
        let found: Vec<(usize, usize)> = java_matches(&re, "axb", 0).iter().map(|m| (m.start(), m.end())).collect();
        assert_eq!(found, [(0, 0), (1, 2), (2, 2), (3, 3)]);
        assert!(can_match_empty("x*"));
        assert!(!can_match_empty("x+"));
        assert_eq!(utf16_index("😀a", 4), 2);
        assert_eq!(byte_of_utf16_index("😀a", 2), 4);
    }

    #[test]
    fn replacement_references() {
        assert_eq!(java_replacement("$1-$2", 2, &[]).unwrap(), "${1}-${2}");
        assert_eq!(java_replacement("\\$1 costs $$", 1, &[]).unwrap_err(), "Illegal group reference");
        assert_eq!(java_replacement("\\$1", 1, &[]).unwrap(), "$$1");
        assert_eq!(java_replacement("$12", 1, &[]).unwrap(), "${1}2");
        assert_eq!(java_replacement("$12", 12, &[]).unwrap(), "${12}");
        assert!(java_replacement("$3", 2, &[]).is_err());
        assert_eq!(java_replacement("${y}", 1, &["y".into()]).unwrap(), "${y}");
    }
}
