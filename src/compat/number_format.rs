//! Number formats. `to_char`/`to_number` use Spark's own format strings (`999.99`,
//! `S9,999`, `$99.99MI`, `99PR`), checked, parsed and rendered as Spark's
//! `ToNumberParser` does; `format_number` is Java's `DecimalFormat` (HALF_EVEN,
//! `#,##0.00`-style patterns).

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// Digits: how many, and whether all are required (a leading `0`).
    Digits { count: usize, exact: bool },
    Point,
    Thousands,
    Dollar,
    /// `S`: `+` or `-`.
    PlusMinus,
    /// `MI`: `-` or a space.
    Minus,
    /// `PR`: `<...>` around a negative number.
    Open,
    Close,
    Invalid(char),
    /// Consecutive digits and separators, in format order.
    Groups(Vec<Token>),
}

impl Token {
    /// How Spark's `ToNumberParser` names a token in `INVALID_FORMAT.UNEXPECTED_TOKEN`
    /// (its character tokens with a stray closing quote, as Spark writes them).
    fn spark_name(&self) -> String {
        match self {
            Token::Digits { .. } | Token::Thousands | Token::Groups(_) => "digit sequence".into(),
            Token::Point => "decimal point".into(),
            Token::Dollar => "dollar sign".into(),
            Token::PlusMinus => "optional sign".into(),
            Token::Minus => "optional minus sign".into(),
            Token::Open => "opening angle bracket".into(),
            Token::Close => "closing angle bracket".into(),
            Token::Invalid(c) => format!("character '{c}''"),
        }
    }
}

/// A parsed Spark number format.
#[derive(Debug, Clone)]
pub struct NumberFormat {
    text: String,
    tokens: Vec<Token>,
    pub precision: usize,
    pub scale: usize,
}

/// Spark's parser reads the format upper-cased, and its errors show it so.
fn invalid(sub: &str, format: &str, detail: &str) -> Error {
    let format = format.to_uppercase();
    Error::analysis(&format!("INVALID_FORMAT.{sub}"), format!("The format is invalid: '{format}'. {detail}"))
        .with_param("format", format!("'{format}'"))
}

fn digit_count(t: &Token) -> usize {
    match t {
        Token::Digits { count, .. } => *count,
        Token::Groups(g) => g.iter().map(digit_count).sum(),
        _ => 0,
    }
}

impl NumberFormat {
    /// Parses and checks a format string (Spark's `checkInputDataTypes`).
    pub fn parse(format: &str) -> Result<NumberFormat> {
        let chars: Vec<char> = format.chars().collect();
        let mut raw = Vec::new();
        let mut i = 0;
        let mut after_point = false;
        while i < chars.len() {
            match chars[i] {
                c @ ('0' | '9') => {
                    let start = i;
                    while i < chars.len() && matches!(chars[i], '0' | '9') {
                        i += 1;
                    }
                    raw.push(Token::Digits { count: i - start, exact: c == '0' && !after_point });
                    continue;
                }
                '.' | 'D' => {
                    raw.push(Token::Point);
                    after_point = true;
                }
                ',' | 'G' => raw.push(Token::Thousands),
                '$' => raw.push(Token::Dollar),
                'S' => raw.push(Token::PlusMinus),
                'M' if chars.get(i + 1) == Some(&'I') => {
                    raw.push(Token::Minus);
                    i += 1;
                }
                'P' if chars.get(i + 1) == Some(&'R') => {
                    raw.insert(0, Token::Open);
                    raw.push(Token::Close);
                    i += 1;
                }
                c => raw.push(Token::Invalid(c)),
            }
            i += 1;
        }
        // Consecutive digits and separators form one group.
        let mut tokens = Vec::new();
        let mut group = Vec::new();
        for t in raw {
            match t {
                Token::Digits { .. } | Token::Thousands => group.push(t),
                other => {
                    if !group.is_empty() {
                        tokens.push(Token::Groups(std::mem::take(&mut group)));
                    }
                    tokens.push(other);
                }
            }
        }
        if !group.is_empty() {
            tokens.push(Token::Groups(group));
        }
        let precision = tokens.iter().map(digit_count).sum();
        let scale = match tokens.iter().position(|t| *t == Token::Point) {
            Some(p) => tokens[p..].iter().map(digit_count).sum(),
            None => 0,
        };
        let f = NumberFormat { text: format.to_string(), tokens, precision, scale };
        f.check()?;
        Ok(f)
    }

    fn check(&self) -> Result<()> {
        let f = &self.text;
        let position = |want: &Token| self.tokens.iter().position(|t| t == want);
        let first_digit = self.tokens.iter().position(|t| matches!(t, Token::Groups(_)));
        let point = position(&Token::Point);
        if f.is_empty() {
            return Err(invalid("EMPTY", f, "The number format string cannot be empty."));
        }
        let Some(first_digit) = first_digit else {
            return Err(invalid("WRONG_NUM_DIGIT", f, "The format string requires at least one number digit."));
        };
        if let Some(dollar) = position(&Token::Dollar) {
            if first_digit < dollar {
                return Err(invalid("CUR_MUST_BEFORE_DIGIT", f, "Currency characters must appear before digits in the number format."));
            }
            if point.is_some_and(|p| p < dollar) {
                return Err(invalid("CUR_MUST_BEFORE_DEC", f, "Currency characters must appear before any decimal point in the number format."));
            }
        }
        for (i, t) in self.tokens.iter().enumerate() {
            let Token::Groups(g) = t else { continue };
            let before_point = point.is_none_or(|p| i < p);
            let seps: Vec<usize> = g.iter().enumerate().filter(|(_, t)| **t == Token::Thousands).map(|(j, _)| j).collect();
            if before_point && seps.iter().any(|&j| j == 0 || j == g.len() - 1 || g[j - 1] == Token::Thousands || g[j + 1] == Token::Thousands) {
                return Err(invalid("CONT_THOUSANDS_SEPS", f, "Thousands separators (, or G) must have digits in between them in the number format."));
            }
            if !before_point && !seps.is_empty() {
                return Err(invalid("THOUSANDS_SEPS_MUST_BEFORE_DEC", f, "Thousands separators (, or G) may not appear after the decimal point in the number format."));
            }
        }
        for once in [Token::Point, Token::PlusMinus, Token::Minus, Token::Dollar, Token::Close] {
            if self.tokens.iter().filter(|t| **t == once).count() > 1 {
                return Err(invalid("WRONG_NUM_TOKEN", f, "At most one of a token is allowed in the number format."));
            }
        }
        // [ PR< ] [ MI | S ] [ $ ] [ digits ] [ . ] [ digits ] [ $ ] [ PR> | MI | S ]
        let allowed: [&[Token]; 8] = [
            &[Token::Open],
            &[Token::Minus, Token::PlusMinus],
            &[Token::Dollar],
            &[Token::Groups(vec![])],
            &[Token::Point],
            &[Token::Groups(vec![])],
            &[Token::Dollar],
            &[Token::Minus, Token::PlusMinus, Token::Close],
        ];
        let mut k = 0;
        for slot in allowed {
            let matches = |t: &Token| slot.iter().any(|a| std::mem::discriminant(a) == std::mem::discriminant(t) && (matches!(a, Token::Groups(_)) || a == t));
            if k < self.tokens.len() && matches(&self.tokens[k]) {
                k += 1;
            }
        }
        if k < self.tokens.len() {
            let token = self.tokens[k].spark_name();
            return Err(invalid("UNEXPECTED_TOKEN", f, &format!("Found the unexpected {token} in the format string; the structure of the format string must match: `[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`."))
                .with_param("token", token));
        }
        Ok(())
    }

    /// `to_number`: the unscaled value at `scale`, or None when `input` does not match.
    pub fn parse_number(&self, input: &str) -> Option<i128> {
        let chars: Vec<char> = input.chars().collect();
        let mut at = 0;
        let mut before = String::new();
        let mut after = String::new();
        let mut reached_point = false;
        let (mut opened, mut closed, mut negate) = (false, false, false);
        for token in &self.tokens {
            let c = chars.get(at).copied();
            match token {
                Token::Groups(g) => at = parse_groups(g, &chars, at, reached_point, &mut before, &mut after)?,
                Token::Point => {
                    if c == Some('.') {
                        reached_point = true;
                        at += 1;
                    }
                }
                Token::Dollar => match c {
                    Some('$') => at += 1,
                    Some(_) => return None,
                    None => {}
                },
                Token::PlusMinus => match c {
                    Some('+') => at += 1,
                    Some('-') => {
                        negate = !negate;
                        at += 1;
                    }
                    _ => {}
                },
                Token::Minus => {
                    if c == Some('-') {
                        negate = !negate;
                        at += 1;
                    }
                }
                Token::Open => {
                    if c == Some('<') {
                        if opened {
                            return None;
                        }
                        opened = true;
                        at += 1;
                    }
                }
                Token::Close => {
                    if c == Some('>') {
                        if !opened {
                            return None;
                        }
                        closed = true;
                        negate = !negate;
                        at += 1;
                    }
                }
                Token::Digits { .. } | Token::Thousands | Token::Invalid(_) => return None,
            }
        }
        if at < chars.len() || opened != closed || (before.is_empty() && after.is_empty()) {
            return None;
        }
        let digits = format!("{before}{after}{}", "0".repeat(self.scale.saturating_sub(after.len())));
        let value: i128 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
        Some(if negate { -value } else { value })
    }

    /// `to_char`: a decimal's digits (`int`, `frac`, without sign) laid out by the format.
    pub fn format(&self, negative: bool, int: &str, frac: &str) -> String {
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let (mut before_digits, mut after_digits) = (0, 0);
        let mut reached = false;
        for t in &self.tokens {
            match t {
                Token::Groups(_) if !reached => before_digits += digit_count(t),
                Token::Groups(_) => after_digits += digit_count(t),
                Token::Point => reached = true,
                _ => {}
            }
        }
        let (before, after) = if before_digits < int.len() || after_digits < frac.len() {
            ("#".repeat(before_digits), "#".repeat(after_digits))
        } else {
            (" ".repeat(before_digits - int.len()) + int, frac.to_string() + &"0".repeat(after_digits - frac.len()))
        };
        let (before, after): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
        let (mut bi, mut ai) = (0, 0);
        let mut out: Vec<char> = Vec::new();
        let mut reached = false;
        for t in &self.tokens {
            match t {
                Token::Groups(g) => {
                    for part in g {
                        match part {
                            Token::Digits { count, exact } if !reached => {
                                for _ in 0..*count {
                                    match before.get(bi).copied().unwrap_or(' ') {
                                        ' ' if *exact => out.push('0'),
                                        ' ' => push_space(&mut out),
                                        c => out.push(c),
                                    }
                                    bi += 1;
                                }
                            }
                            Token::Digits { count, .. } => {
                                for _ in 0..*count {
                                    out.push(after.get(ai).copied().unwrap_or('0'));
                                    ai += 1;
                                }
                            }
                            _ => {
                                if out.last().is_some_and(|c| c.is_ascii_digit()) {
                                    out.push(',');
                                } else {
                                    push_space(&mut out);
                                }
                            }
                        }
                    }
                }
                Token::Point => {
                    if out.last() == Some(&' ') {
                        *out.last_mut().expect("not empty") = '0';
                    }
                    out.push('.');
                    reached = true;
                }
                Token::Dollar => out.push('$'),
                Token::PlusMinus => {
                    strip_lone_point(&mut out);
                    push_sign(&mut out, if negative { '-' } else { '+' });
                }
                Token::Minus => {
                    if negative {
                        strip_lone_point(&mut out);
                        push_sign(&mut out, '-');
                    } else {
                        out.push(' ');
                    }
                }
                Token::Open => {
                    if negative {
                        out.push('<');
                    }
                }
                Token::Close => {
                    strip_lone_point(&mut out);
                    if negative {
                        push_sign(&mut out, '>');
                    } else {
                        out.push_str_chars("  ");
                    }
                }
                Token::Digits { .. } | Token::Thousands | Token::Invalid(_) => {}
            }
        }
        strip_lone_point(&mut out);
        out.into_iter().collect()
    }
}

trait PushStr {
    fn push_str_chars(&mut self, s: &str);
}

impl PushStr for Vec<char> {
    fn push_str_chars(&mut self, s: &str) {
        self.extend(s.chars());
    }
}

/// Appends `c`, moving it left past trailing spaces (a sign sits next to the digits).
fn push_sign(out: &mut Vec<char>, c: char) {
    out.push(c);
    let mut i = out.len() - 1;
    while i >= 1 && out[i - 1] == ' ' && out[i] == c {
        out.swap(i - 1, i);
        i -= 1;
    }
}

/// Appends a space, moving a preceding sign or `<` right next to the digits.
fn push_space(out: &mut Vec<char>) {
    out.push(' ');
    let mut i = out.len() - 1;
    while i >= 1 && matches!(out[i - 1], '+' | '-' | '<') && out[i] == ' ' {
        out.swap(i - 1, i);
        i -= 1;
    }
}

/// A decimal point with nothing after it becomes a space.
fn strip_lone_point(out: &mut [char]) {
    if let Some(i) = out.iter().position(|c| *c == '.') {
        if i == out.len() - 1 || out[i + 1] == ' ' {
            out[i] = ' ';
        }
    }
}

/// Reads digits and separators for one group; None when their counts do not fit.
fn parse_groups(group: &[Token], chars: &[char], start: usize, after_point: bool, before: &mut String, after: &mut String) -> Option<usize> {
    // Sizes of the digit runs between separators, last run first.
    let mut sizes: Vec<usize> = Vec::new();
    let mut current = 0;
    let mut at = start;
    while at < chars.len() {
        let c = chars[at];
        if c.is_whitespace() {
        } else if c.is_ascii_digit() {
            current += 1;
            if after_point { after.push(c) } else { before.push(c) }
        } else if c == ',' {
            sizes.insert(0, current);
            current = 0;
        } else {
            break;
        }
        at += 1;
    }
    sizes.insert(0, current);
    let expected: Vec<&Token> = group.iter().rev().filter(|t| matches!(t, Token::Digits { .. })).collect();
    if sizes.len() > expected.len() {
        return None;
    }
    for (i, t) in expected.iter().enumerate() {
        let actual = sizes.get(i).copied().unwrap_or(0);
        if let Token::Digits { count, exact } = t {
            if (*exact && actual != *count) || actual > *count {
                return None;
            }
        }
    }
    Some(at)
}

/// `format_number(x, d)`'s pattern: grouping by three, exactly `d` decimals.
pub fn decimal_places_pattern(d: i64) -> String {
    let mut p = String::from("#,###,###,###,###,###,##0");
    if d > 0 {
        p.push('.');
        p.push_str(&"0".repeat(d as usize));
    }
    p
}

/// A `java.text.DecimalFormat` pattern: literal prefix and suffix, grouping size,
/// minimum integer digits, and minimum/maximum fraction digits.
#[derive(Debug, Clone)]
pub struct DecimalPattern {
    prefix: String,
    suffix: String,
    grouping: usize,
    min_int: usize,
    min_frac: usize,
    max_frac: usize,
}

impl DecimalPattern {
    pub fn parse(pattern: &str) -> DecimalPattern {
        let pattern = pattern.split(';').next().unwrap_or("");
        let is_num = |c: char| matches!(c, '#' | '0' | ',' | '.');
        let start = pattern.find(is_num).unwrap_or(pattern.len());
        let end = pattern.rfind(is_num).map_or(start, |e| e + 1);
        let (prefix, body, suffix) = (&pattern[..start], &pattern[start..end], &pattern[end..]);
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let grouping = int.rfind(',').map_or(0, |g| int.len() - g - 1);
        DecimalPattern {
            prefix: prefix.replace('\'', ""),
            suffix: suffix.replace('\'', ""),
            grouping,
            min_int: int.chars().filter(|c| *c == '0').count(),
            min_frac: frac.chars().filter(|c| *c == '0').count(),
            max_frac: frac.chars().filter(|c| matches!(c, '0' | '#')).count(),
        }
    }

    /// Formats a number given as sign, integer digits and fraction digits (exact
    /// decimal text), rounding HALF_EVEN to the maximum fraction digits.
    pub fn format_digits(&self, negative: bool, int: &str, frac: &str) -> String {
        let (int, frac) = round_half_even(int, frac, self.max_frac);
        let frac = frac.trim_end_matches('0');
        let frac = if frac.len() < self.min_frac { format!("{frac}{}", "0".repeat(self.min_frac - frac.len())) } else { frac.to_string() };
        let int = int.trim_start_matches('0');
        let int = if int.len() < self.min_int { format!("{}{int}", "0".repeat(self.min_int - int.len())) } else { int.to_string() };
        let mut grouped = String::with_capacity(int.len() + int.len() / 3);
        for (i, c) in int.chars().enumerate() {
            if self.grouping > 0 && i > 0 && (int.len() - i) % self.grouping == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if negative { "-" } else { "" };
        let point = if frac.is_empty() { "" } else { "." };
        format!("{sign}{}{grouped}{point}{frac}{}", self.prefix, self.suffix)
    }

    /// A double, from the shortest digits that read back as it (Java's digits),
    /// rounded on its exact value where the pattern cuts into those digits.
    pub fn format_double(&self, x: f64) -> String {
        if x.is_nan() {
            return "NaN".into();
        }
        if x.is_infinite() {
            return format!("{}{}∞{}", if x < 0.0 { "-" } else { "" }, self.prefix, self.suffix);
        }
        let negative = x.is_sign_negative();
        let (int, frac) = shortest_digits(x.abs());
        if frac.len() > self.max_frac {
            // Rust rounds the exact binary value half-to-even, as Java's DecimalFormat does.
            let exact = format!("{:.*}", self.max_frac, x.abs());
            let (i, f) = exact.split_once('.').unwrap_or((&exact, ""));
            return self.format_digits(negative, i, f);
        }
        self.format_digits(negative, &int, &frac)
    }
}

/// The integer and fraction digits of the shortest decimal that reads back as `x`.
fn shortest_digits(x: f64) -> (String, String) {
    let text = format!("{x:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exp + 1;
    if point <= 0 {
        ("0".into(), "0".repeat((-point) as usize) + &digits)
    } else if point as usize >= digits.len() {
        (digits.clone() + &"0".repeat(point as usize - digits.len()), String::new())
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    }
}

/// Rounds decimal digits to `places` fraction digits, HALF_EVEN.
fn round_half_even(int: &str, frac: &str, places: usize) -> (String, String) {
    if frac.len() <= places {
        return (int.to_string(), frac.to_string());
    }
    let mut digits: Vec<u8> = format!("{int}{}", &frac[..places]).bytes().map(|b| b - b'0').collect();
    let dropped = &frac.as_bytes()[places..];
    let first = dropped[0] - b'0';
    let rest_nonzero = dropped[1..].iter().any(|b| *b != b'0');
    let last_odd = digits.last().is_some_and(|d| d % 2 == 1);
    if first > 5 || (first == 5 && (rest_nonzero || last_odd)) {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let text: String = digits.iter().map(|d| (d + b'0') as char).collect();
    let split = text.len() - places;
    (text[..split].to_string(), text[split..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_char(x: &str, f: &str) -> String {
        let negative = x.starts_with('-');
        let x = x.trim_start_matches('-');
        let (i, fr) = x.split_once('.').unwrap_or((x, ""));
        NumberFormat::parse(f).unwrap().format(negative, i, fr)
    }

    #[test]
    fn to_char_as_spark() {
        assert_eq!(to_char("454.00", "999"), "454");
        assert_eq!(to_char("78.12", "999"), "###");
        assert_eq!(to_char("78.12", "000.00"), "078.12");
        assert_eq!(to_char("78.12", "99,999.9"), "## ###.#");
        assert_eq!(to_char("454.00", "99,999.9"), "   454.0");
        assert_eq!(to_char("-12454.80", "99,999.9"), "12,454.8");
        assert_eq!(to_char("0.00", "S99999.99"), "     +.00");
        assert_eq!(to_char("454.00", "99999.99MI"), "  454.00 ");
        assert_eq!(to_char("-12454.80", "99999.99PR"), "<12454.80>");
        assert_eq!(to_char("454.00", "99999.99PR"), "  454.00  ");
        assert_eq!(to_char("-5.00", "$99.99"), "$ 5.00");
        assert_eq!(to_char("0", "S999"), "   +");
        assert_eq!(to_char("-5", "S999"), "  -5");
        assert_eq!(to_char("0.00", "999"), "   ");
    }

    #[test]
    fn to_number_as_spark() {
        let f = NumberFormat::parse("S99,999.9").unwrap();
        assert_eq!((f.precision, f.scale), (6, 1));
        assert_eq!(f.parse_number("-12,454.8"), Some(-124548));
        assert_eq!(f.parse_number("454"), Some(4540));
        assert_eq!(NumberFormat::parse("99.99").unwrap().parse_number("454"), None);
        assert_eq!(NumberFormat::parse("99999.9PR").unwrap().parse_number("<12454.8>"), Some(-124548));
        assert_eq!(NumberFormat::parse("$99.99").unwrap().parse_number("78.12"), None);
        assert!(NumberFormat::parse("9X9").is_err());
        assert!(NumberFormat::parse("abc").is_err());
    }

    #[test]
    fn decimal_format_patterns() {
        let p = DecimalPattern::parse(&decimal_places_pattern(2));
        assert_eq!(p.format_double(12332.123456), "12,332.12");
        assert_eq!(p.format_double(0.125), "0.12");
        assert_eq!(p.format_double(0.135), "0.14");
        assert_eq!(p.format_double(2.675), "2.67");
        assert_eq!(p.format_double(-0.0), "-0.00");
        assert_eq!(p.format_double(1.5e20), "150,000,000,000,000,000,000.00");
        assert_eq!(DecimalPattern::parse(&decimal_places_pattern(0)).format_double(2.5), "2");
        assert_eq!(p.format_digits(false, "2", "6750"), "2.68");
        assert_eq!(DecimalPattern::parse("0000").format_digits(true, "1", ""), "-0001");
        assert_eq!(DecimalPattern::parse("#,##0.0").format_double(12332.123456), "12,332.1");
    }
}
