//! CSV text into fields exactly as Spark's default (non-multiLine) reader does it:
//! the file is cut into lines first (at `\n`, `\r` or `\r\n`, ignoring quotes), and
//! each line is parsed on its own by univocity's CsvParser with Spark's settings
//! (escape `\`, unescaped quotes kept up to the next delimiter, no trimming). This is
//! a port of that parser's single-delimiter path, with its `UnescapedQuoteHandling`
//! modes and `charToEscapeQuoteEscaping`. Pure Rust, no Polars.

/// The characters that shape a CSV line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dialect {
    pub sep: u8,
    pub quote: Option<u8>,
    pub escape: u8,
    pub comment: Option<u8>,
    /// `ignoreLeadingWhiteSpace` / `ignoreTrailingWhiteSpace` on read: blanks before a
    /// value, and after an unquoted one, are dropped (quoted text is kept whole).
    pub trim_leading: bool,
    pub trim_trailing: bool,
    /// `unescapedQuoteHandling`.
    pub quote_handling: QuoteHandling,
    /// `charToEscapeQuoteEscaping`; None: univocity's default, the escape itself
    /// unless it is the quote.
    pub escape_escape: Option<u8>,
}

impl Dialect {
    /// Spark's defaults with these separator, quote and escape characters.
    pub const fn new(sep: u8, quote: Option<u8>, escape: u8) -> Dialect {
        Dialect { sep, quote, escape, comment: None, trim_leading: false, trim_trailing: false, quote_handling: QuoteHandling::StopAtDelimiter, escape_escape: None }
    }
}

/// univocity's `UnescapedQuoteHandling`: what a quote inside a value (not closing it,
/// not escaped) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum QuoteHandling {
    /// The quote is text; the value runs to the next delimiter (Spark's default).
    #[default]
    StopAtDelimiter,
    /// The text read so far is cut into values at its delimiters; the rest of the
    /// value is read on as quoted.
    BackToDelimiter,
    /// The quote is text; the value runs to its closing quote.
    StopAtClosingQuote,
    /// The value is skipped (NULL).
    SkipValue,
    /// The record fails to parse.
    RaiseError,
}

impl QuoteHandling {
    /// The option's value (case-insensitive, as Java's `valueOf` of the upper case).
    pub fn parse(s: &str) -> Option<QuoteHandling> {
        Some(match s.to_ascii_uppercase().as_str() {
            "STOP_AT_DELIMITER" => QuoteHandling::StopAtDelimiter,
            "BACK_TO_DELIMITER" => QuoteHandling::BackToDelimiter,
            "STOP_AT_CLOSING_QUOTE" => QuoteHandling::StopAtClosingQuote,
            "SKIP_VALUE" => QuoteHandling::SkipValue,
            "RAISE_ERROR" => QuoteHandling::RaiseError,
            _ => return None,
        })
    }

    /// univocity's `parseUnescapedQuotesUntilDelimiter`.
    fn until_delimiter(self) -> bool {
        matches!(self, QuoteHandling::StopAtDelimiter | QuoteHandling::SkipValue | QuoteHandling::BackToDelimiter)
    }
}

/// A line's fields. `None` is a field with no characters at all (univocity's
/// `nullValue`); `Some("")` is an empty quoted field (its `emptyValue`).
pub type Tokens = Vec<Option<String>>;

/// The lines of a file as Hadoop's `LineReader` cuts them.
pub fn lines(bytes: &[u8]) -> Lines<'_> {
    Lines { bytes, pos: 0, sep: None }
}

/// The lines of a file cut at `lineSep` (its UTF-8 bytes, quotes ignored), as Hadoop's
/// `LineReader` cuts them at a custom delimiter; `None` is the default line ends.
pub fn lines_at<'a>(bytes: &'a [u8], sep: Option<&'a [u8]>) -> Lines<'a> {
    Lines { bytes, pos: 0, sep: sep.filter(|s| !s.is_empty()) }
}

pub struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    sep: Option<&'a [u8]>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = &self.bytes[self.pos..];
        if rest.is_empty() {
            return None;
        }
        if let Some(sep) = self.sep {
            let end = rest.windows(sep.len()).position(|w| w == sep);
            self.pos += end.map_or(rest.len(), |i| i + sep.len());
            return Some(&rest[..end.unwrap_or(rest.len())]);
        }
        match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            None => {
                self.pos = self.bytes.len();
                Some(rest)
            }
            Some(i) => {
                let crlf = rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n');
                self.pos += i + if crlf { 2 } else { 1 };
                Some(&rest[..i])
            }
        }
    }
}

/// Spark skips lines that are empty after `String.trim()`, and, with a comment
/// character, lines that start with it (without one: lines starting with NUL).
pub fn is_skipped(line: &[u8], comment: Option<u8>) -> bool {
    line.iter().all(|&b| b <= b' ') || line.first() == Some(&comment.unwrap_or(0))
}

/// Whether a line is passed over when Spark looks for the header (the first line
/// after blank lines and comments, where comments may be indented).
pub fn is_skipped_before_header(line: &[u8], comment: Option<u8>) -> bool {
    let start = line.iter().position(|&b| b > b' ');
    match (start, comment) {
        (None, _) => true,
        (Some(s), Some(c)) => line[s] == c,
        (Some(_), None) => false,
    }
}

/// The end of the input, or (with `raised` set) a record the parser refuses.
struct Eof;

/// univocity's parser state over one line.
struct LineParser<'a> {
    chars: &'a [char],
    pos: usize,
    ch: char,
    prev: char,
    unescaped: bool,
    appender: String,
    values: Tokens,
    d: &'a Dialect,
    sep: char,
    quote: char,
    escape: char,
    /// univocity's `escapeEscape`: the character that makes an escape character text.
    escape_escape: char,
    /// The value being read was skipped (`SKIP_VALUE`): it reads as NULL.
    skipped: bool,
    /// Why the record cannot be parsed (`RAISE_ERROR`: univocity's TextParsingException).
    raised: Option<String>,
    /// Whether the value being read drops its trailing blanks (univocity's `output.trim`).
    trim: bool,
    /// The character that ends a record (univocity's normalized newline).
    new_line: char,
}

const NUL: char = '\0';
/// univocity's normalized newline: a record of `multiLine` text ends at it.
const NEW_LINE: char = '\n';

impl<'a> LineParser<'a> {
    fn next_char(&mut self) -> Result<char, Eof> {
        let c = *self.chars.get(self.pos).ok_or(Eof)?;
        self.pos += 1;
        Ok(c)
    }

    fn value_parsed(&mut self) {
        if std::mem::take(&mut self.trim) {
            let kept = self.appender.trim_end_matches(Self::is_blank).len();
            self.appender.truncate(kept);
            if kept == 0 {
                // Nothing left of an unquoted value: univocity's null, as for `,,`.
                self.empty_parsed();
                return;
            }
        }
        self.values.push(Some(std::mem::take(&mut self.appender)));
    }

    fn empty_parsed(&mut self) {
        self.values.push(None);
    }

    /// `appendUntil(ch, input, stops...)`: appends until a stop character, returns it.
    fn append_until(&mut self, mut c: char, stops: &[char]) -> Result<char, Eof> {
        while !stops.contains(&c) {
            self.appender.push(c);
            c = self.next_char()?;
        }
        Ok(c)
    }

    fn is_blank(c: char) -> bool {
        c <= ' ' && NUL < c
    }

    /// univocity's `skipWhitespace` before a value, with `ignoreLeadingWhiteSpace`.
    fn skip_leading_blanks(&mut self) -> Result<(), Eof> {
        if self.d.trim_leading {
            while Self::is_blank(self.ch) && self.ch != self.sep && self.ch != self.quote {
                self.ch = self.next_char()?;
            }
        }
        Ok(())
    }

    fn parse_record(&mut self) -> Result<(), Eof> {
        while self.ch != self.new_line {
            self.skip_leading_blanks()?;
            if self.ch == self.sep {
                self.empty_parsed();
            } else {
                self.unescaped = false;
                self.prev = NUL;
                if self.d.quote.is_some() && self.ch == self.quote {
                    self.parse_quoted_value()?;
                    if std::mem::take(&mut self.skipped) {
                        self.appender.clear();
                        self.empty_parsed();
                    } else if !(self.unescaped && self.d.quote_handling == QuoteHandling::BackToDelimiter && self.appender.is_empty()) {
                        self.value_parsed();
                    }
                } else {
                    self.trim = self.d.trim_trailing;
                    let c = self.append_until(self.ch, &[self.sep, self.new_line])?;
                    self.ch = c;
                    self.value_parsed();
                }
            }
            if self.ch != self.new_line {
                self.ch = self.next_char()?;
                if self.ch == self.new_line {
                    self.empty_parsed();
                }
            }
        }
        Ok(())
    }

    fn process_quote_escape(&mut self) -> Result<(), Eof> {
        let escape_escape = self.escape_escape;
        if self.ch == self.escape && self.prev == escape_escape && escape_escape != NUL {
            self.appender.push(self.escape);
            self.ch = NUL;
        } else if self.prev == self.escape {
            if self.ch == self.quote {
                self.appender.push(self.quote);
                self.ch = NUL;
            } else {
                self.appender.push(self.prev);
            }
        } else if self.ch == self.quote && self.prev == self.quote {
            self.appender.push(self.quote);
        } else if self.prev == self.quote {
            self.handle_unescaped_quote_in_value()?;
        }
        Ok(())
    }

    /// An unescaped quote inside a value: kept, and the rest read up to the delimiter.
    fn handle_unescaped_quote_in_value(&mut self) -> Result<(), Eof> {
        match self.d.quote_handling {
            QuoteHandling::SkipValue => self.skip_value(),
            QuoteHandling::RaiseError => self.raise(false),
            _ => {
                self.appender.push(self.quote);
                self.prev = self.ch;
                self.parse_value_processing_escape()
            }
        }
    }

    /// `SKIP_VALUE`: the value read so far is dropped, the rest up to the delimiter too.
    fn skip_value(&mut self) -> Result<(), Eof> {
        self.appender.clear();
        self.skipped = true;
        while self.ch != self.sep && self.ch != self.new_line {
            self.ch = self.next_char()?;
        }
        Ok(())
    }

    /// `RAISE_ERROR`: univocity's message for an unescaped quote.
    fn raise(&mut self, quoted: bool) -> Result<(), Eof> {
        let inside = if quoted { "quoted" } else { "" };
        self.raised = Some(format!(
            "Unescaped quote character '{}' inside {inside} value of CSV field. To allow unescaped quotes, set 'parseUnescapedQuotes' to 'true' in the CSV parser settings. Cannot parse CSV input.",
            self.quote
        ));
        Err(Eof)
    }

    /// univocity's `handleUnescapedQuote`: a closing quote followed by more text.
    fn handle_unescaped_quote(&mut self) -> Result<(), Eof> {
        self.unescaped = true;
        match self.d.quote_handling {
            QuoteHandling::BackToDelimiter => {
                // Each delimiter in the text so far ends a value there.
                while let Some(pos) = self.appender.find([self.sep, self.new_line]) {
                    let value: String = self.appender[..pos].to_string();
                    self.values.push(Some(value));
                    let end = pos + self.appender[pos..].chars().next().map_or(1, char::len_utf8);
                    self.appender.drain(..end);
                }
                self.appender.push(self.ch);
                self.prev = NUL;
                self.parse_quoted_value()
            }
            QuoteHandling::StopAtDelimiter | QuoteHandling::StopAtClosingQuote => {
                self.appender.push(self.quote);
                self.appender.push(self.ch);
                self.prev = self.ch;
                self.parse_quoted_value()
            }
            QuoteHandling::SkipValue => self.skip_value(),
            QuoteHandling::RaiseError => self.raise(true),
        }
    }

    fn parse_value_processing_escape(&mut self) -> Result<(), Eof> {
        while self.ch != self.sep && self.ch != self.new_line {
            if self.ch != self.quote && self.ch != self.escape {
                if self.prev == self.quote {
                    return self.handle_unescaped_quote_in_value();
                }
                self.appender.push(self.ch);
            } else {
                self.process_quote_escape()?;
            }
            self.prev = self.ch;
            self.ch = self.next_char()?;
        }
        Ok(())
    }

    /// The quoted-value state machine.
    fn parse_quoted_value(&mut self) -> Result<(), Eof> {
        let handling = self.d.quote_handling;
        if self.prev != NUL && handling.until_delimiter() {
            if handling == QuoteHandling::SkipValue {
                return self.skip_value();
            }
            self.appender.insert(0, self.quote);
            self.trim = self.d.trim_trailing;
            self.ch = self.next_char()?;
            let c = self.append_until(self.ch, &[self.sep, self.new_line])?;
            self.ch = c;
            return Ok(());
        }
        self.ch = self.next_char()?;
        loop {
            if self.prev == self.quote && (Self::is_blank(self.ch) || self.ch == self.sep || self.ch == self.new_line) {
                break;
            }
            if self.ch != self.quote && self.ch != self.escape {
                if self.prev == self.quote {
                    // A quote followed by other text: an unescaped quote.
                    return self.handle_unescaped_quote();
                }
                if self.prev == self.escape && self.escape != NUL {
                    self.appender.push(self.escape);
                }
                let c = self.append_until(self.ch, &[self.quote, self.escape, self.escape_escape])?;
                self.ch = c;
                self.prev = self.ch;
                self.ch = self.next_char()?;
            } else {
                self.process_quote_escape()?;
                self.prev = self.ch;
                self.ch = self.next_char()?;
                if self.unescaped && (self.ch == self.sep || self.ch == self.new_line) {
                    return Ok(());
                }
            }
        }
        // Blanks after the closing quote are dropped; anything else after them makes
        // the whole thing an unquoted value (unless unescaped quotes raise).
        if self.ch != self.sep && self.ch != self.new_line && Self::is_blank(self.ch) {
            let mut blanks = String::new();
            loop {
                blanks.push(self.ch);
                self.ch = self.next_char()?;
                if self.ch == self.new_line {
                    return Ok(());
                }
                if !Self::is_blank(self.ch) {
                    break;
                }
            }
            if self.ch != self.sep && handling != QuoteHandling::RaiseError {
                self.appender.push(self.quote);
                self.appender.push_str(&blanks);
                if handling.until_delimiter() || (self.ch != self.quote && self.ch != self.escape) {
                    self.appender.push(self.ch);
                }
                self.prev = self.ch;
                self.parse_quoted_value()?;
            }
        }
        if self.ch != self.sep && self.ch != self.new_line {
            self.raised = Some(format!(
                "Unexpected character '{}' following quoted value of CSV field. Expecting '{}'. Cannot parse CSV input.",
                self.ch, self.sep
            ));
            return Err(Eof);
        }
        Ok(())
    }

    /// univocity's `consumeValueOnEOF`.
    fn consume_value_on_eof(&mut self) -> bool {
        if self.d.quote.is_some() && self.ch == self.quote {
            if self.prev == self.quote {
                return true;
            } else if !self.unescaped {
                self.appender.push(self.quote);
            }
        }
        self.prev != NUL && self.ch != self.sep && self.ch != self.new_line
    }

    /// univocity's `handleEOF` at the end of the line.
    fn finish(mut self) -> Tokens {
        if self.skipped {
            self.empty_parsed();
            return self.values;
        }
        let consume = self.consume_value_on_eof();
        if !self.values.is_empty() || consume {
            if !self.appender.is_empty() || consume {
                self.value_parsed();
            } else {
                self.empty_parsed();
            }
        } else if self.appender.is_empty() {
            self.empty_parsed();
        } else {
            self.value_parsed();
        }
        self.values
    }
}

/// The fields of one line (a line that is not skipped, so not empty); a `\n` in it
/// ends the record, as in univocity's parseLine with its default line separator.
pub fn tokenize(line: &str, d: &Dialect) -> Tokens {
    let chars: Vec<char> = line.chars().collect();
    parse_record(&chars, d, NEW_LINE).0
}

/// `tokenize` (or, `whole`, `tokenize_whole`), or why univocity refuses the record
/// (`unescapedQuoteHandling=RAISE_ERROR`).
pub fn tokenize_checked(line: &str, d: &Dialect, whole: bool) -> Result<Tokens, String> {
    let chars: Vec<char> = line.chars().collect();
    let new_line = if whole { absent_char(&chars) } else { NEW_LINE };
    match parse_record(&chars, d, new_line) {
        (_, _, Some(why)) => Err(why),
        (tokens, _, None) => Ok(tokens),
    }
}

/// The fields of one line cut at a custom `lineSep`: the line holds no separator, so
/// the record ends at the line's end (`\n` and `\r` are text, as Spark reads them).
pub fn tokenize_whole(line: &str, d: &Dialect) -> Tokens {
    let chars: Vec<char> = line.chars().collect();
    parse_record(&chars, d, absent_char(&chars)).0
}

/// A character that does not occur in `chars`: `\n` when it does not.
fn absent_char(chars: &[char]) -> char {
    let mut c = NEW_LINE;
    let mut next = 0xFFFFu32;
    while chars.contains(&c) {
        c = char::from_u32(next).unwrap_or(NEW_LINE);
        next = next.saturating_sub(1);
    }
    c
}

/// The records of a whole text as Spark's `multiLine` reader parses them: a record
/// ends at a line separator outside quotes, empty lines and comment lines are
/// skipped. Each record comes with its text, for the corrupt-record column, and why
/// the parser refuses it, if it does.
#[cfg(test)]
pub fn records(text: &str, d: &Dialect) -> Vec<(Tokens, String, Option<String>)> {
    records_at(text, d, None)
}

/// `records` with a one-character `lineSep`: records end at it only (`\r` and `\n`
/// are text, in quotes or not), and a record's text for the corrupt-record column
/// keeps it, as univocity's multi-line parser gives it with a custom separator.
pub fn records_at(text: &str, d: &Dialect, line_sep: Option<char>) -> Vec<(Tokens, String, Option<String>)> {
    let (chars, new_line): (Vec<char>, char) = match line_sep {
        Some(sep) => (text.chars().collect(), sep),
        None => (normalized_line_ends(text).chars().collect(), NEW_LINE),
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let rest = &chars[start..];
        if rest[0] == new_line || d.comment.is_some_and(|c| rest[0] == c as char) {
            start += rest.iter().position(|&c| c == new_line).map_or(rest.len(), |i| i + 1);
            continue;
        }
        let (tokens, used, refused) = parse_record(rest, d, new_line);
        let ends_at_separator = rest.get(used.wrapping_sub(1)) == Some(&new_line);
        let text_end = if ends_at_separator && line_sep.is_none() { used - 1 } else { used };
        out.push((tokens, rest[..text_end].iter().collect(), refused));
        start += used.max(1);
    }
    out
}

/// The text with its line separator as `\n`: univocity takes the separator from the
/// first line end (`\r\n`, `\r` or `\n`) and reads it as `\n` everywhere, quoted
/// values included; other line-end characters are text.
fn normalized_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(i) = text.find(['\r', '\n']) else { return text.into() };
    match &text.as_bytes()[i..] {
        [b'\r', b'\n', ..] => text.replace("\r\n", "\n").into(),
        [b'\r', ..] => text.replace('\r', "\n").into(),
        _ => text.into(),
    }
}

/// The fields of the record at the start of `chars`, how many characters it took
/// (its ending `\n` included), and why the parser refuses it, if it does.
fn parse_record(chars: &[char], d: &Dialect, new_line: char) -> (Tokens, usize, Option<String>) {
    let quote = d.quote.map_or(NUL, |q| q as char);
    let escape = d.escape as char;
    let mut p = LineParser {
        chars,
        pos: 0,
        ch: NUL,
        prev: NUL,
        unescaped: false,
        appender: String::new(),
        values: Vec::new(),
        d,
        sep: d.sep as char,
        // No quote character: a character no text holds (univocity uses NUL).
        quote,
        escape,
        escape_escape: match d.escape_escape {
            Some(c) => c as char,
            None if escape == quote => NUL,
            None => escape,
        },
        skipped: false,
        raised: None,
        trim: false,
        new_line,
    };
    match p.next_char() {
        Ok(c) => p.ch = c,
        Err(Eof) => return (vec![None], 0, None),
    }
    match p.parse_record() {
        Ok(()) => (p.values, p.pos, None),
        Err(Eof) if p.raised.is_some() => {
            let why = p.raised.take();
            (p.values, p.pos, why)
        }
        Err(Eof) => (p.finish(), chars.len(), None),
    }
}

/// Whether Polars' CSV reader gives the same fields for this line as Spark: plain
/// unquoted fields, or fields quoted whole with no quote or escape character
/// inside (a doubled quote is fine when the escape is the quote).
pub fn polars_reads_alike(line: &[u8], d: &Dialect) -> bool {
    let Some(q) = d.quote else { return true };
    if !line.contains(&q) {
        return true;
    }
    let mut i = 0;
    let n = line.len();
    loop {
        // At the start of a field.
        if i < n && line[i] == q {
            i += 1;
            loop {
                if i >= n {
                    return false; // unterminated
                }
                let c = line[i];
                if c == q {
                    if d.escape == q && line.get(i + 1) == Some(&q) {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                if c == d.escape {
                    return false;
                }
                i += 1;
            }
            if i == n {
                return true;
            }
            if line[i] != d.sep {
                return false;
            }
            i += 1;
        } else {
            while i < n && line[i] != d.sep {
                if line[i] == q {
                    return false;
                }
                i += 1;
            }
            if i == n {
                return true;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPARK: Dialect = Dialect::new(b',', Some(b'"'), b'\\');

    fn t(line: &str) -> Vec<Option<&'static str>> {
        tokenize(line, &SPARK).into_iter().map(|v| v.map(|s| &*Box::leak(s.into_boxed_str()))).collect()
    }

    #[test]
    fn plain_and_empty_fields() {
        assert_eq!(t("1,2"), vec![Some("1"), Some("2")]);
        assert_eq!(t("1,2,"), vec![Some("1"), Some("2"), None]);
        assert_eq!(t(","), vec![None, None]);
        assert_eq!(t(",,"), vec![None, None, None]);
        assert_eq!(t(" a ,1"), vec![Some(" a "), Some("1")]);
        assert_eq!(t("a\\,b,1"), vec![Some("a\\"), Some("b"), Some("1")]);
        assert_eq!(t("x\"y,1"), vec![Some("x\"y"), Some("1")]);
    }

    #[test]
    fn quoted_fields_like_univocity() {
        // Each expectation was observed on PySpark 4.0.1.
        assert_eq!(t("\"a,b\",1"), vec![Some("a,b"), Some("1")]);
        assert_eq!(t("\"\",1"), vec![Some(""), Some("1")]);
        assert_eq!(t("\"x\"\"y\",1"), vec![Some("\"x\"\"y\""), Some("1")]);
        assert_eq!(t("\"x\\\"y\",1"), vec![Some("x\"y"), Some("1")]);
        assert_eq!(t("\"x\"y,1"), vec![Some("\"x\"y"), Some("1")]);
        assert_eq!(t("\"x\" ,1"), vec![Some("x"), Some("1")]);
        assert_eq!(t(" \"x\",1"), vec![Some(" \"x\""), Some("1")]);
        assert_eq!(t("\"a\\b\",1"), vec![Some("a\\b"), Some("1")]);
        assert_eq!(t("\"a\\\\\",1"), vec![Some("a\\"), Some("1")]);
        assert_eq!(t("\"a\\\\\"b\",1"), vec![Some("\"a\\\"b\""), Some("1")]);
        assert_eq!(t("\"\"\"\",1"), vec![Some("\"\""), Some("1")]);
        assert_eq!(t("\"a\"\"\",1"), vec![Some("a\"\""), Some("1")]);
        assert_eq!(t("\"a\"b\"c\",1"), vec![Some("\"a\"b\"c\""), Some("1")]);
        assert_eq!(t("\"unterminated,1"), vec![Some("unterminated,1")]);
        assert_eq!(t("\"a\\\",1"), vec![Some("a\",1")]);
        assert_eq!(t("x,\"y"), vec![Some("x"), Some("y")]);
        assert_eq!(t("x,\"y\""), vec![Some("x"), Some("y")]);
        assert_eq!(t("x,\"y\"z"), vec![Some("x"), Some("\"y\"z")]);
        assert_eq!(t("\"a\" \"b\",1"), vec![Some("\"a\" \"b\""), Some("1")]);
        assert_eq!(t("\"a\\\"\",1"), vec![Some("a\""), Some("1")]);
        assert_eq!(t("\"\\\"a\\\"\",1"), vec![Some("\"a\""), Some("1")]);
    }

    #[test]
    fn unescaped_quote_handling_modes() {
        // Each expectation was observed on PySpark 4.0.1 with `unescapedQuoteHandling`.
        let with = |h: QuoteHandling, line: &str| -> Result<Vec<Option<String>>, String> { tokenize_checked(line, &Dialect { quote_handling: h, ..SPARK }, false) };
        let own = |v: &[Option<&str>]| Ok(v.iter().map(|s| s.map(str::to_string)).collect::<Vec<_>>());
        use QuoteHandling::*;
        let lines = ["\"a\"b,2", "\"x,y\"z,4", "\"p\"q,r\",5", "\"a\" b,6", "\"a\"\"b\",8", "\"x\"y,\"z\"w"];
        let back = [&[Some("ab,2")][..], &[Some("x"), Some("yz,4")], &[Some("pq,r"), Some("5")], &[Some("\"a\" b"), Some("6")], &[Some("a\"b"), Some("8")], &[Some("xy"), Some("zw")]];
        let closing = [&[Some("a\"b,2")][..], &[Some("x,y\"z,4")], &[Some("p\"q,r"), Some("5")], &[Some("a\" b,6")], &[Some("a\"\"b"), Some("8")], &[Some("x\"y,\"z\"w")]];
        let skip = [&[None, Some("2")][..], &[None, Some("4")], &[None, Some("r\""), Some("5")], &[None, Some("6")], &[None, Some("8")], &[None, None]];
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(with(BackToDelimiter, line), own(back[i]), "{line}");
            assert_eq!(with(StopAtClosingQuote, line), own(closing[i]), "{line}");
            assert_eq!(with(SkipValue, line), own(skip[i]), "{line}");
            assert!(with(RaiseError, line).is_err(), "{line}");
        }
        assert_eq!(with(StopAtDelimiter, "\"p\"q,r\",5"), own(&[Some("\"p\"q"), Some("r\""), Some("5")]));
        assert!(with(RaiseError, "\"a\" b,6").unwrap_err().starts_with("Unexpected character 'b'"));
        for h in [BackToDelimiter, StopAtClosingQuote, SkipValue, RaiseError] {
            assert_eq!(with(h, "a\"b,1"), own(&[Some("a\"b"), Some("1")]));
            assert_eq!(with(h, "\"a\\\"b\",9"), own(&[Some("a\"b"), Some("9")]));
        }
    }

    #[test]
    fn char_to_escape_quote_escaping() {
        // Observed on PySpark 4.0.1 with charToEscapeQuoteEscaping '#' (and '' for none).
        let hash = Dialect { escape_escape: Some(b'#'), ..SPARK };
        let own = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Tokens>();
        assert_eq!(tokenize("\"a\\\\\"b\",1", &hash), own(&["a\\\"b", "1"]));
        assert_eq!(tokenize("\"a#\"b\",2", &hash), own(&["\"a\"b\"", "2"]));
        assert_eq!(tokenize("\"a\\\"b\",4", &hash), own(&["a\"b", "4"]));
        assert_eq!(tokenize("\"a#\\\"b\",5", &hash), own(&["\"a\\\"b\"", "5"]));
        let none = Dialect { escape_escape: Some(0), ..SPARK };
        assert_eq!(tokenize("\"a\\\\\"b\",1", &none), own(&["a\\\"b", "1"]));
    }

    #[test]
    fn blanks_dropped_around_values() {
        // Observed on PySpark 4.0.1 with ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace.
        let both = Dialect { trim_leading: true, trim_trailing: true, ..SPARK };
        let lead = Dialect { trim_leading: true, ..SPARK };
        let trail = Dialect { trim_trailing: true, ..SPARK };
        let own = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Tokens>();
        assert_eq!(tokenize(" 5 , \" q \" ", &both), own(&["5", " q "]));
        assert_eq!(tokenize(" 5 , \" q \" ", &lead), own(&["5 ", " q "]));
        assert_eq!(tokenize(" 5 , \" q \" ", &trail), own(&[" 5", " \" q \""]));
        assert_eq!(tokenize("a,   ,b", &both), vec![Some("a".into()), None, Some("b".into())]);
    }

    #[test]
    fn multiline_records_at_a_custom_separator() {
        let own = |v: &[Option<&str>]| v.iter().map(|s| s.map(str::to_string)).collect::<Tokens>();
        let got = records_at("a,b;1\n2,\"x;y\";;3,4", &SPARK, Some(';'));
        let rows: Vec<(Tokens, String)> = got.into_iter().map(|(t, text, _)| (t, text)).collect();
        assert_eq!(rows[1], (own(&[Some("1\n2"), Some("x;y")]), "1\n2,\"x;y\";".to_string()));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].0, own(&[Some("3"), Some("4")]));
    }

    #[test]
    fn multiline_records() {
        // Observed on PySpark 4.0.1 with multiLine.
        let got = records("a,\"x\ny\",1\n\nb,\"p\r\nq\",2\r\n  \n", &SPARK);
        let own = |v: &[Option<&str>]| v.iter().map(|s| s.map(str::to_string)).collect::<Tokens>();
        assert_eq!(got[0], (own(&[Some("a"), Some("x\ny"), Some("1")]), "a,\"x\ny\",1".to_string(), None));
        assert_eq!(got[1].0, own(&[Some("b"), Some("p\r\nq"), Some("2\r")]));
        assert_eq!(got[2].0, own(&[Some("  ")]));
        assert_eq!(got.len(), 3);
        assert_eq!(records("a,\"open\nb,c\n", &SPARK)[0].0, own(&[Some("a"), Some("open\nb,c\n")]));
        let crlf = records("a,b\r\nc,\"d\r\ne\"\r\n\r\nf,g\r\n", &SPARK);
        assert_eq!(crlf.iter().map(|r| r.0.clone()).collect::<Vec<_>>()[1], own(&[Some("c"), Some("d\ne")]));
        assert_eq!(crlf.len(), 3);
    }

    #[test]
    fn lines_as_hadoop_cuts_them() {
        let all: Vec<&[u8]> = lines(b"a\r\nb\rc\n\nd").collect();
        assert_eq!(all, vec![&b"a"[..], b"b", b"c", b"", b"d"]);
        assert!(is_skipped(b" \t", None) && is_skipped(b"\0x", None) && !is_skipped(b"#x", None) && is_skipped(b"#x", Some(b'#')));
        assert!(is_skipped_before_header(b"  # c", Some(b'#')));
    }

    #[test]
    fn which_lines_polars_reads_alike() {
        assert!(polars_reads_alike(b"1,\"a,b\",3", &SPARK));
        assert!(polars_reads_alike(b"\"\",1", &SPARK));
        assert!(!polars_reads_alike(b"\"x\"\"y\",1", &SPARK));
        assert!(!polars_reads_alike(b"x\"y,1", &SPARK));
        assert!(!polars_reads_alike(b"\"x\" ,1", &SPARK));
        assert!(!polars_reads_alike(b"\"a\\b\",1", &SPARK));
        assert!(!polars_reads_alike(b"\"open,1", &SPARK));
        let rfc = Dialect { escape: b'"', ..SPARK };
        assert!(polars_reads_alike(b"\"x\"\"y\",1", &rfc));
    }
}
