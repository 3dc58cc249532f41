//! JSON text read as Spark's Jackson parser reads it with the reader's features
//! (`JSONOptions.buildJsonFactory`): comments, unquoted field names, single quotes,
//! leading zeros, NaN/Infinity tokens, backslash escaping any character and raw
//! control characters, each on only when its option is. serde_json has none of these
//! switches and loses a number's text (which `primitivesAsString` and
//! `prefersDecimal` need), hence this small parser. As Jackson, it reads the first
//! value of a record and ignores whatever follows it.

/// The parser features the reader's options turn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Features {
    pub comments: bool,
    pub unquoted_field_names: bool,
    pub single_quotes: bool,
    pub numeric_leading_zeros: bool,
    pub non_numeric_numbers: bool,
    pub backslash_escaping_any: bool,
    pub unquoted_control_chars: bool,
}

impl Default for Features {
    /// Spark's defaults: single quotes and NaN/Infinity accepted, the rest refused.
    fn default() -> Self {
        Features {
            comments: false,
            unquoted_field_names: false,
            single_quotes: true,
            numeric_leading_zeros: false,
            non_numeric_numbers: true,
            backslash_escaping_any: false,
            unquoted_control_chars: false,
        }
    }
}

/// A JSON value; numbers keep their text as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// An integer (no fraction, no exponent), as written.
    Int(String),
    /// A number with a fraction or an exponent, as written.
    Float(String),
    /// NaN or an infinity (`allowNonNumericNumbers`), with its token.
    NonNumeric(f64, &'static str),
    Str(String),
    Array(Vec<Value>),
    /// Fields in document order, duplicates kept.
    Object(Vec<(String, Value)>),
}

/// Jackson's default maximum nesting depth.
const MAX_DEPTH: usize = 1000;

/// The first value of `text`: None when the text holds no value (blank, or only
/// comments), an error when it is not JSON.
pub fn parse_first(text: &str, features: &Features) -> Result<Option<Value>, NotJson> {
    parse_record(text, features).map(|v| v.map(|(v, _)| v))
}

/// `parse_first`, with whether the record is plain: nothing but whitespace (or
/// comments, where allowed) follows the value, which Spark ignores and a strict JSON
/// reader refuses, and no string has a lone surrogate escape (Java writes it as `?`).
pub fn parse_record(text: &str, features: &Features) -> Result<Option<(Value, bool)>, NotJson> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, f: *features, lone_surrogate: false };
    p.skip_space()?;
    if p.i >= p.s.len() {
        return Ok(None);
    }
    let v = p.value(0)?;
    let plain = p.skip_space().is_ok() && p.i >= p.s.len() && !p.lone_surrogate;
    Ok(Some((v, plain)))
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    f: Features,
    /// A `\u` escape of half a surrogate pair was met.
    lone_surrogate: bool,
}

type Parsed<T> = Result<T, NotJson>;

/// The text is not JSON (under the reader's options): the record is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotJson;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Whitespace, and comments where allowed.
    fn skip_space(&mut self) -> Parsed<()> {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => self.i += 1,
                b'/' if self.f.comments => match self.s.get(self.i + 1) {
                    Some(b'/') => {
                        while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                            self.i += 1;
                        }
                    }
                    Some(b'*') => {
                        let end = self.text[self.i + 2..].find("*/").ok_or(NotJson)?;
                        self.i += 2 + end + 2;
                    }
                    _ => return Err(NotJson),
                },
                _ => break,
            }
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        if depth > MAX_DEPTH {
            return Err(NotJson);
        }
        match self.peek().ok_or(NotJson)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string(b'"').map(Value::Str),
            b'\'' if self.f.single_quotes => self.string(b'\'').map(Value::Str),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            b'N' if self.f.non_numeric_numbers => self.word("NaN", Value::NonNumeric(f64::NAN, "NaN")),
            b'I' if self.f.non_numeric_numbers => self.word("Infinity", Value::NonNumeric(f64::INFINITY, "Infinity")),
            b'+' if self.f.non_numeric_numbers => {
                let rest = &self.s[self.i..];
                if rest.starts_with(b"+Infinity") {
                    self.word("+Infinity", Value::NonNumeric(f64::INFINITY, "+Infinity"))
                } else {
                    self.word("+INF", Value::NonNumeric(f64::INFINITY, "+INF"))
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(NotJson),
        }
    }

    /// A keyword, which must not run on into letters or digits.
    fn word(&mut self, w: &str, v: Value) -> Parsed<Value> {
        if !self.s[self.i..].starts_with(w.as_bytes()) {
            return Err(NotJson);
        }
        self.i += w.len();
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            return Err(NotJson);
        }
        Ok(v)
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
            if self.f.non_numeric_numbers {
                if self.s[self.i..].starts_with(b"Infinity") {
                    return self.word("Infinity", Value::NonNumeric(f64::NEG_INFINITY, "-Infinity"));
                }
                if self.s[self.i..].starts_with(b"INF") {
                    return self.word("INF", Value::NonNumeric(f64::NEG_INFINITY, "-INF"));
                }
            }
        }
        let int_start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let int_digits = &self.s[int_start..self.i];
        if int_digits.is_empty() || (int_digits.len() > 1 && int_digits[0] == b'0' && !self.f.numeric_leading_zeros) {
            return Err(NotJson);
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if !self.digits() {
                return Err(NotJson);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.digits() {
                return Err(NotJson);
            }
        }
        if self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
            return Err(NotJson);
        }
        let text = self.text[start..self.i].to_string();
        Ok(if float { Value::Float(text) } else { Value::Int(text) })
    }

    fn digits(&mut self) -> bool {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i > start
    }

    /// A string opened by `quote` (at the cursor), its escapes resolved.
    fn string(&mut self, quote: u8) -> Parsed<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run_start = self.i;
            while self.peek().is_some_and(|c| c != quote && c != b'\\' && (c >= 0x20 || self.f.unquoted_control_chars)) {
                self.i += 1;
            }
            out.push_str(&self.text[run_start..self.i]);
            match self.peek().ok_or(NotJson)? {
                c if c == quote => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.i += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(NotJson),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let c = self.text[self.i..].chars().next().ok_or(NotJson)?;
        self.i += c.len_utf8();
        match c {
            '"' | '\\' | '/' => out.push(c),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let unit = self.hex4()?;
                let ch = if (0xD800..0xDC00).contains(&unit) && self.s[self.i..].starts_with(b"\\u") {
                    let save = self.i;
                    self.i += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        self.i = save;
                        None
                    }
                } else {
                    char::from_u32(unit)
                };
                // A lone surrogate cannot be a Rust char; Java keeps it, and its UTF-8
                // encoder (`UTF8String.fromString`) writes `?` for it.
                self.lone_surrogate |= ch.is_none();
                out.push(ch.unwrap_or('?'));
            }
            '\'' if self.f.single_quotes => out.push(c),
            _ if self.f.backslash_escaping_any => out.push(c),
            _ => return Err(NotJson),
        }
        Ok(())
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let h = self.s.get(self.i..self.i + 4).ok_or(NotJson)?;
        let v = std::str::from_utf8(h).ok().and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or(NotJson)?;
        if !h.iter().all(u8::is_ascii_hexdigit) {
            return Err(NotJson);
        }
        self.i += 4;
        Ok(v)
    }

    fn field_name(&mut self) -> Parsed<String> {
        match self.peek().ok_or(NotJson)? {
            b'"' => self.string(b'"'),
            b'\'' if self.f.single_quotes => self.string(b'\''),
            _ if self.f.unquoted_field_names => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80) {
                    self.i += 1;
                }
                if self.i == start {
                    return Err(NotJson);
                }
                Ok(self.text[start..self.i].to_string())
            }
            _ => Err(NotJson),
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        self.i += 1;
        let mut fields = vec![];
        self.skip_space()?;
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space()?;
            let name = self.field_name()?;
            self.skip_space()?;
            if self.peek() != Some(b':') {
                return Err(NotJson);
            }
            self.i += 1;
            self.skip_space()?;
            fields.push((name, self.value(depth + 1)?));
            self.skip_space()?;
            match self.peek().ok_or(NotJson)? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(NotJson),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        self.i += 1;
        let mut items = vec![];
        self.skip_space()?;
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space()?;
            items.push(self.value(depth + 1)?);
            self.skip_space()?;
            match self.peek().ok_or(NotJson)? {
                b',' => self.i += 1,
                b']' => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(NotJson),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Result<Option<Value>, NotJson> {
        parse_first(t, &Features::default())
    }

    #[test]
    fn first_value_and_trailing_text() {
        assert_eq!(parse(r#"{"a":1} x"#), Ok(Some(Value::Object(vec![("a".into(), Value::Int("1".into()))]))));
        assert_eq!(parse("  "), Ok(None));
        assert_eq!(parse(r#"{"a":1,}"#), Err(NotJson));
        assert_eq!(parse("[1.50, -0, 1e2]"), Ok(Some(Value::Array(vec![Value::Float("1.50".into()), Value::Int("-0".into()), Value::Float("1e2".into())]))));
    }

    #[test]
    fn features_switch_leniencies() {
        let all = Features {
            comments: true,
            unquoted_field_names: true,
            numeric_leading_zeros: true,
            backslash_escaping_any: true,
            unquoted_control_chars: true,
            ..Features::default()
        };
        let text = "{a: 007, /* c */ 'b': 'x\\q\ty'} // end";
        assert!(parse(text).is_err());
        assert_eq!(
            parse_first(text, &all),
            Ok(Some(Value::Object(vec![("a".into(), Value::Int("007".into())), ("b".into(), Value::Str("xq\ty".into()))])))
        );
        assert_eq!(parse("-INF"), Ok(Some(Value::NonNumeric(f64::NEG_INFINITY, "-INF"))));
        assert!(parse("INF").is_err());
        assert!(parse("01").is_err());
        assert!(parse("\"a\tb\"").is_err());
        assert_eq!(parse(r#""\ud83d\ude00\u00e9""#), Ok(Some(Value::Str("😀é".into()))));
    }
}
