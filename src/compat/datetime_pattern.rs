//! Java datetime patterns (`yyyy-MM-dd HH:mm:ss.SSS`), compiled the way Spark 4 builds
//! its `DateTimeFormatter`: Spark's own checks first (`DateTimeFormatterHelper.
//! convertIncompatiblePattern`: week-based letters, letters it disables, narrow text,
//! over-long years; `y` read as `u` unless an era is shown), then the rules of
//! `DateTimeFormatterBuilder.appendPattern` (field widths, sign styles, adjacent value
//! parsing), and for parsing a pattern with `S` Spark's variable-length fraction. A
//! pattern java.time refuses but `SimpleDateFormat` accepts raises Spark's
//! `INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION`.
//! `datetime_format` prints with the result, `datetime_parse` reads with it.

use crate::error::{Error, ErrorKind};

/// A temporal field a pattern letter stands for (java.time's `ChronoField`s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Era,
    YearOfEra,
    Year,
    Quarter,
    Month,
    DayOfYear,
    DayOfMonth,
    AlignedDayOfWeekInMonth,
    DayOfWeek,
    AmPm,
    HourOfDay,
    ClockHourOfDay,
    HourOfAmPm,
    ClockHourOfAmPm,
    Minute,
    Second,
    ModifiedJulianDay,
}

impl Field {
    /// The smallest and largest valid value (java.time's value ranges).
    pub fn range(self) -> (i64, i64) {
        match self {
            Field::Era => (0, 1),
            Field::YearOfEra => (1, 1_000_000_000),
            Field::Year => (-999_999_999, 999_999_999),
            Field::Quarter => (1, 4),
            Field::Month => (1, 12),
            Field::DayOfYear => (1, 366),
            Field::DayOfMonth => (1, 31),
            Field::AlignedDayOfWeekInMonth | Field::DayOfWeek => (1, 7),
            Field::AmPm => (0, 1),
            Field::HourOfDay => (0, 23),
            Field::ClockHourOfDay => (1, 24),
            Field::HourOfAmPm => (0, 11),
            Field::ClockHourOfAmPm => (1, 12),
            Field::Minute | Field::Second => (0, 59),
            Field::ModifiedJulianDay => (-365_243_219_162 + 40_587, 365_241_780_471 + 40_587),
        }
    }
}

/// How a number's sign is printed and parsed (java.time's `SignStyle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignStyle {
    Normal,
    NotNegative,
    ExceedsPad,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Short,
    Full,
}

/// An offset layout (`OffsetIdPrinterParser`): hours always, then minutes and
/// seconds, each absent, optional (printed when not zero) or mandatory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetLayout {
    pub colon: bool,
    pub minutes: Presence,
    pub seconds: Presence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Absent,
    Optional,
    Mandatory,
}

/// One printer-parser of a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Literal(String),
    /// A number; `subsequent` is java.time's adjacent-value width (`-1`: fixed width).
    Number { field: Field, min: usize, max: usize, sign: SignStyle, subsequent: i32, reduced: bool },
    /// Fraction of a second (`S`): `min..=max` digits.
    Fraction { min: usize, max: usize },
    Text { field: Field, style: TextStyle },
    /// `X`, `x`, `Z`: an offset, with the text printed for a zero offset.
    Offset { layout: OffsetLayout, zero: &'static str },
    /// `O`, `ZZZZ`: `GMT+8` (short) or `GMT+08:00` (full).
    LocalizedOffset { full: bool },
    /// `VV`.
    ZoneId,
    /// `z`/`zzzz` (specific) and `v`/`vvvv` (generic) zone names.
    ZoneText { full: bool, generic: bool },
    Optional(Vec<Item>),
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub items: Vec<Item>,
    /// The pattern as given (for error messages).
    pub text: String,
}

/// Why a pattern is refused: Spark's error, raised when the pattern is used.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub kind: ErrorKind,
    pub class: Option<&'static str>,
    pub message: String,
}

impl From<PatternError> for Error {
    fn from(e: PatternError) -> Error {
        match e.class {
            Some(c) => Error::new(e.kind, c, e.message),
            None => Error::plain(e.kind, e.message),
        }
    }
}

/// A java.time `IllegalArgumentException` (no Spark error class).
fn java_error(message: String) -> PatternError {
    PatternError { kind: ErrorKind::IllegalArgument, class: None, message }
}

const WEEK_BASED: &[char] = &['Y', 'W', 'w', 'u', 'e', 'c'];
const UNSUPPORTED: &[char] = &['A', 'B', 'n', 'N', 'p'];
const UNSUPPORTED_FOR_PARSING: &[char] = &['E', 'F', 'q', 'Q'];
const UNSUPPORTED_LENGTHS: &[&str] = &["GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyy"];

/// Compiles a pattern for printing (`parsing = false`) or parsing.
pub fn compile(pattern: &str, parsing: bool) -> Result<Pattern, PatternError> {
    let built = spark_checks(pattern, parsing).and_then(|converted| {
        let var_len = parsing && converted.contains('S');
        build(&converted, var_len)
    });
    match built {
        Ok(items) => Ok(Pattern { items, text: pattern.to_string() }),
        // A pattern Spark 2.4's SimpleDateFormat knew: Spark says how to restore it.
        Err(_) if legacy_accepts(pattern) => Err(PatternError {
            kind: ErrorKind::Upgrade,
            class: Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"),
            message: format!(
                "You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize '{pattern}' pattern in the DateTimeFormatter.\n1) You can set \"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to restore the behavior before Spark 3.0.\n2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'. SQLSTATE: 42K0B"
            ),
        }),
        Err(e) => Err(e),
    }
}

/// The unquoted parts of a pattern, with their offsets, as Spark splits it on `'`.
fn unquoted_parts(pattern: &str) -> Vec<&str> {
    pattern.split('\'').step_by(2).collect()
}

/// `convertIncompatiblePattern`: Spark's refusals, then `y` as `u` without an era.
fn spark_checks(pattern: &str, parsing: bool) -> Result<String, PatternError> {
    for part in unquoted_parts(pattern) {
        if let Some(c) = part.chars().find(|c| WEEK_BASED.contains(c)) {
            return Err(PatternError {
                kind: ErrorKind::IllegalArgument,
                class: Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN"),
                message: format!("You may get a different result due to the upgrading to Spark >= 3.0:\nAll week-based patterns are unsupported since Spark 3.0, detected week-based character: {c}.\nPlease use the SQL function EXTRACT instead. SQLSTATE: 42K0B"),
            });
        }
        if let Some(c) = part.chars().find(|c| UNSUPPORTED.contains(c) || (parsing && UNSUPPORTED_FOR_PARSING.contains(c))) {
            return Err(PatternError {
                kind: ErrorKind::IllegalArgument,
                class: Some("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER"),
                message: format!("Unrecognized datetime pattern: {pattern}. Illegal pattern character found in datetime pattern: {c}. Please provide legal character. SQLSTATE: 22007"),
            });
        }
        if let Some(style) = UNSUPPORTED_LENGTHS.iter().find(|s| part.contains(**s)) {
            return Err(PatternError {
                kind: ErrorKind::IllegalArgument,
                class: Some("INVALID_DATETIME_PATTERN.LENGTH"),
                message: format!("Unrecognized datetime pattern: {style}. Too many letters in datetime pattern: {style}. Please reduce pattern length. SQLSTATE: 22007"),
            });
        }
    }
    let era_shown = unquoted_parts(pattern).iter().any(|p| p.contains('G'));
    if era_shown {
        return Ok(pattern.to_string());
    }
    // Replace `y` by `u` outside quotes (`u` prints negative years).
    let mut out = String::with_capacity(pattern.len());
    let mut quoted = false;
    for c in pattern.chars() {
        if c == '\'' {
            quoted = !quoted;
        }
        out.push(if c == 'y' && !quoted { 'u' } else { c });
    }
    Ok(out)
}

/// Whether `new SimpleDateFormat(pattern)` accepts the pattern.
fn legacy_accepts(pattern: &str) -> bool {
    const LETTERS: &str = "GyMdkHmsSEDFwWahKzZYuXL";
    let chars: Vec<char> = pattern.chars().collect();
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            if i + 1 < chars.len() && chars[i + 1] == '\'' {
                i += 2;
                continue;
            }
            quoted = !quoted;
        } else if !quoted && c.is_ascii_alphabetic() {
            if !LETTERS.contains(c) {
                return false;
            }
            let run = chars[i..].iter().take_while(|x| **x == c).count();
            if c == 'X' && run > 3 {
                return false;
            }
            i += run;
            continue;
        }
        i += 1;
    }
    !quoted
}

/// `DateTimeFormatterBuilder`: the items of a (converted) pattern, with Spark's
/// variable-length fraction when parsing a pattern with `S`.
fn build(pattern: &str, var_len_fraction: bool) -> Result<Vec<Item>, PatternError> {
    let mut b = Builder::default();
    if !var_len_fraction {
        b.append_pattern(pattern)?;
        return Ok(b.finish());
    }
    // `createBuilderWithVarLengthSecondFraction`: split on quotes (Java drops trailing
    // empty parts), each run of `S` a fraction of 1 to as many digits.
    let mut parts: Vec<&str> = pattern.split('\'').collect();
    while parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    for (idx, part) in parts.iter().enumerate() {
        if part.is_empty() && idx != 0 {
            b.append_literal("'");
        } else if idx % 2 == 0 {
            let mut rest = *part;
            while !rest.is_empty() {
                let prefix_len = rest.find('S').unwrap_or(rest.len());
                let (prefix, after) = rest.split_at(prefix_len);
                let digits = after.len() - after.trim_start_matches('S').len();
                b.append_pattern(prefix)?;
                if digits > 0 {
                    b.append_internal(Item::Fraction { min: 1, max: digits });
                }
                rest = &after[digits..];
            }
        } else {
            b.append_literal(part);
        }
    }
    Ok(b.finish())
}

/// The state of a `DateTimeFormatterBuilder`: nested optional sections, and the
/// number printer-parser that later fixed-width numbers reserve digits from.
#[derive(Default)]
struct Builder {
    /// The open sections: the outermost first.
    stack: Vec<Section>,
}

#[derive(Default)]
struct Section {
    items: Vec<Item>,
    /// Index of the active value parser (adjacent value parsing), if any.
    value_parser: Option<usize>,
}

impl Builder {
    fn active(&mut self) -> &mut Section {
        if self.stack.is_empty() {
            self.stack.push(Section::default());
        }
        self.stack.last_mut().expect("a section")
    }

    fn finish(mut self) -> Vec<Item> {
        while self.stack.len() > 1 {
            self.optional_end();
        }
        self.stack.pop().map(|s| s.items).unwrap_or_default()
    }

    fn append_internal(&mut self, item: Item) -> usize {
        let s = self.active();
        s.items.push(item);
        s.value_parser = None;
        s.items.len() - 1
    }

    fn append_literal(&mut self, text: &str) {
        if !text.is_empty() {
            self.append_internal(Item::Literal(text.to_string()));
        }
    }

    /// `appendValue(NumberPrinterParser)`: adjacent value parsing.
    fn append_value(&mut self, item: Item) {
        let s = self.active();
        let Some(active) = s.value_parser else {
            s.items.push(item);
            s.value_parser = Some(s.items.len() - 1);
            return;
        };
        let fixed_not_negative = match &item {
            Item::Number { min, max, sign, .. } => min == max && *sign == SignStyle::NotNegative,
            Item::Fraction { min, max } => min == max,
            _ => false,
        };
        if fixed_not_negative {
            let width = match &item {
                Item::Number { max, .. } | Item::Fraction { max, .. } => *max as i32,
                _ => 0,
            };
            if let Some(Item::Number { subsequent, .. }) = s.items.get_mut(active) {
                if *subsequent >= 0 {
                    *subsequent += width;
                }
            }
            let mut item = item;
            if let Item::Number { subsequent, .. } = &mut item {
                *subsequent = -1;
            }
            s.items.push(item);
        } else {
            if let Some(Item::Number { subsequent, .. }) = s.items.get_mut(active) {
                *subsequent = -1;
            }
            s.items.push(item);
            s.value_parser = Some(s.items.len() - 1);
        }
    }

    fn number(&mut self, field: Field, min: usize, max: usize, sign: SignStyle) {
        self.append_value(Item::Number { field, min, max, sign, subsequent: 0, reduced: false });
    }

    fn optional_start(&mut self) {
        self.active().value_parser = None;
        self.stack.push(Section::default());
    }

    fn optional_end(&mut self) {
        if let Some(section) = self.stack.pop() {
            let parent = self.active();
            if !section.items.is_empty() {
                parent.items.push(Item::Optional(section.items));
            }
            parent.value_parser = None;
        }
    }

    /// `appendPattern`.
    fn append_pattern(&mut self, pattern: &str) -> Result<(), PatternError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut pos = 0;
        while pos < chars.len() {
            let cur = chars[pos];
            if cur.is_ascii_alphabetic() {
                let start = pos;
                while pos < chars.len() && chars[pos] == cur {
                    pos += 1;
                }
                let count = pos - start;
                if cur == 'p' {
                    return Err(java_error(format!("Pad letter 'p' must be followed by valid pad pattern: {pattern}")));
                }
                self.letter(cur, count)?;
            } else if cur == '\'' {
                let start = pos;
                pos += 1;
                while pos < chars.len() {
                    if chars[pos] == '\'' {
                        if pos + 1 < chars.len() && chars[pos + 1] == '\'' {
                            pos += 1;
                        } else {
                            break;
                        }
                    }
                    pos += 1;
                }
                if pos >= chars.len() {
                    return Err(java_error(format!("Pattern ends with an incomplete string literal: {pattern}")));
                }
                let text: String = chars[start + 1..pos].iter().collect();
                if text.is_empty() {
                    self.append_literal("'");
                } else {
                    self.append_literal(&text.replace("''", "'"));
                }
                pos += 1;
            } else if cur == '[' {
                self.optional_start();
                pos += 1;
            } else if cur == ']' {
                if self.stack.len() <= 1 {
                    return Err(java_error("Pattern invalid as it contains ] without previous [".into()));
                }
                self.optional_end();
                pos += 1;
            } else if matches!(cur, '{' | '}' | '#') {
                return Err(java_error(format!("Pattern includes reserved character: '{cur}'")));
            } else {
                self.append_literal(&cur.to_string());
                pos += 1;
            }
        }
        Ok(())
    }

    /// One run of a pattern letter (`parseField` and the zone letters).
    fn letter(&mut self, cur: char, count: usize) -> Result<(), PatternError> {
        let too_many = || java_error(format!("Too many pattern letters: {cur}"));
        let text = |b: &mut Builder, field: Field, count: usize| -> Result<(), PatternError> {
            let style = match count {
                1..=3 => TextStyle::Short,
                4 => TextStyle::Full,
                _ => return Err(java_error(format!("Too many pattern letters: {cur}"))),
            };
            b.append_internal(Item::Text { field, style });
            Ok(())
        };
        let one_or_two = |b: &mut Builder, field: Field| -> Result<(), PatternError> {
            match count {
                1 => b.number(field, 1, 19, SignStyle::Normal),
                2 => b.number(field, 2, 2, SignStyle::NotNegative),
                _ => return Err(java_error(format!("Too many pattern letters: {cur}"))),
            }
            Ok(())
        };
        match cur {
            'G' => text(self, Field::Era, count)?,
            'u' | 'y' => {
                let field = if cur == 'u' { Field::Year } else { Field::YearOfEra };
                match count {
                    2 => self.append_value(Item::Number {
                        field,
                        min: 2,
                        max: 2,
                        sign: SignStyle::NotNegative,
                        subsequent: 0,
                        reduced: true,
                    }),
                    1 | 3 => self.number(field, count, 19, SignStyle::Normal),
                    _ => self.number(field, count, 19, SignStyle::ExceedsPad),
                }
            }
            'M' | 'L' | 'Q' | 'q' => {
                let field = if matches!(cur, 'M' | 'L') { Field::Month } else { Field::Quarter };
                match count {
                    1 => self.number(field, 1, 19, SignStyle::Normal),
                    2 => self.number(field, 2, 2, SignStyle::NotNegative),
                    _ => text(self, field, count)?,
                }
            }
            'E' => text(self, Field::DayOfWeek, count)?,
            'a' => {
                if count != 1 {
                    return Err(too_many());
                }
                self.append_internal(Item::Text { field: Field::AmPm, style: TextStyle::Short });
            }
            'S' => self.append_value(Item::Fraction { min: count, max: count }),
            'F' => {
                if count != 1 {
                    return Err(too_many());
                }
                self.number(Field::AlignedDayOfWeekInMonth, 1, 19, SignStyle::Normal);
            }
            'd' => one_or_two(self, Field::DayOfMonth)?,
            'h' => one_or_two(self, Field::ClockHourOfAmPm)?,
            'H' => one_or_two(self, Field::HourOfDay)?,
            'k' => one_or_two(self, Field::ClockHourOfDay)?,
            'K' => one_or_two(self, Field::HourOfAmPm)?,
            'm' => one_or_two(self, Field::Minute)?,
            's' => one_or_two(self, Field::Second)?,
            'D' => match count {
                1 => self.number(Field::DayOfYear, 1, 19, SignStyle::Normal),
                2 | 3 => self.number(Field::DayOfYear, count, 3, SignStyle::NotNegative),
                _ => return Err(too_many()),
            },
            'g' => self.number(Field::ModifiedJulianDay, count, 19, SignStyle::Normal),
            'z' => match count {
                1..=3 => {
                    self.append_internal(Item::ZoneText { full: false, generic: false });
                }
                4 => {
                    self.append_internal(Item::ZoneText { full: true, generic: false });
                }
                _ => return Err(too_many()),
            },
            'v' => match count {
                1 => {
                    self.append_internal(Item::ZoneText { full: false, generic: true });
                }
                4 => {
                    self.append_internal(Item::ZoneText { full: true, generic: true });
                }
                _ => return Err(java_error(format!("Wrong number of pattern letters: {cur}"))),
            },
            'V' => {
                if count != 2 {
                    return Err(java_error(format!("Pattern letter count must be 2: {cur}")));
                }
                self.append_internal(Item::ZoneId);
            }
            'Z' => match count {
                1..=3 => {
                    self.append_internal(Item::Offset { layout: layout(3), zero: "+0000" });
                }
                4 => {
                    self.append_internal(Item::LocalizedOffset { full: true });
                }
                5 => {
                    self.append_internal(Item::Offset { layout: layout(6), zero: "Z" });
                }
                _ => return Err(too_many()),
            },
            'O' => match count {
                1 => {
                    self.append_internal(Item::LocalizedOffset { full: false });
                }
                4 => {
                    self.append_internal(Item::LocalizedOffset { full: true });
                }
                _ => return Err(java_error(format!("Pattern letter count must be 1 or 4: {cur}"))),
            },
            'X' | 'x' => {
                if count > 5 {
                    return Err(too_many());
                }
                let index = count + usize::from(count != 1);
                let zero = match (cur, count) {
                    ('X', _) => "Z",
                    (_, 1) => "+00",
                    (_, c) if c % 2 == 0 => "+0000",
                    _ => "+00:00",
                };
                self.append_internal(Item::Offset { layout: layout(index), zero });
            }
            // Letters java.time knows that Spark has already refused (n, N, A, B, the
            // week-based ones) never reach here.
            _ => return Err(java_error(format!("Unknown pattern letter: {cur}"))),
        }
        Ok(())
    }
}

/// `OffsetIdPrinterParser.PATTERNS[index]`: `+HH`, `+HHmm`, `+HH:mm`, `+HHMM`,
/// `+HH:MM`, `+HHMMss`, `+HH:MM:ss`.
fn layout(index: usize) -> OffsetLayout {
    use Presence::*;
    let (colon, minutes, seconds) = match index {
        0 => (false, Absent, Absent),
        1 => (false, Optional, Absent),
        2 => (true, Optional, Absent),
        3 => (false, Mandatory, Absent),
        4 => (true, Mandatory, Absent),
        5 => (false, Mandatory, Optional),
        _ => (true, Mandatory, Optional),
    };
    OffsetLayout { colon, minutes, seconds }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(pattern: &str, parsing: bool) -> Option<&'static str> {
        compile(pattern, parsing).err().and_then(|e| e.class)
    }

    #[test]
    fn spark_refusals_and_their_classes() {
        assert_eq!(class("e", false), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN"));
        // Week-based letters SimpleDateFormat knew ask for the legacy parser instead.
        assert_eq!(class("YYYY", false), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));
        assert_eq!(class("n", false), Some("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER"));
        assert_eq!(class("MMMMM", false), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));
        assert_eq!(class("q", true), Some("INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER"));
        assert_eq!(class("E", true), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));
        assert_eq!(class("ddd", false), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));
        assert_eq!(class("yyyy]", false), Some("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"));
        let raw = compile("XXXXXX", false).unwrap_err();
        assert_eq!((raw.class, raw.message.as_str()), (None, "Too many pattern letters: X"));
        let raw = compile("yyyy-MM-dd'T", false).unwrap_err();
        assert_eq!(raw.message, "Pattern ends with an incomplete string literal: uuuu-MM-dd'T");
        assert_eq!(compile("b", false).unwrap_err().message, "Unknown pattern letter: b");
        // Quoted letters are text.
        assert!(compile("'week' yyyy", false).is_ok());
        assert!(compile("E", false).is_ok());
    }

    #[test]
    fn adjacent_numbers_reserve_digits() {
        let p = compile("yyyyMMdd", true).unwrap();
        match &p.items[0] {
            Item::Number { field: Field::Year, subsequent, .. } => assert_eq!(*subsequent, 4),
            other => panic!("{other:?}"),
        }
        let p = compile("yyyy-MM-dd HH:mm:ss.SSS", true).unwrap();
        assert_eq!(p.items.last(), Some(&Item::Fraction { min: 1, max: 3 }));
        let p = compile("HH:mm:ss.SSS", false).unwrap();
        assert_eq!(p.items.last(), Some(&Item::Fraction { min: 3, max: 3 }));
    }

    #[test]
    fn quotes_and_optional_sections() {
        let p = compile("'It''s' yyyy[ HH]", false).unwrap();
        assert_eq!(p.items[0], Item::Literal("It's".into()));
        assert!(matches!(p.items.last(), Some(Item::Optional(_))));
        let p = compile("yyyy'T'HH", true).unwrap();
        assert_eq!(p.items[1], Item::Literal("T".into()));
    }
}
