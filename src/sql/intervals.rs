//! Spark's multi-unit interval literals (`INTERVAL 5 days 3 hours`, `INTERVAL '1' YEAR
//! '2' MONTH`), which sqlparser reads only with one unit. `parse_sql` rewrites the
//! tokens into a call of `__interval_units('5', 'days', '3', 'hours')`, which `convert`
//! turns into the literal Spark's AstBuilder builds (`visitMultiUnitsInterval`): the sum
//! of the parts, typed from the largest to the smallest unit written (weeks are days,
//! milli- and microseconds seconds).

use super::parse_error;
use crate::error::{Error, Result};
use crate::ir::{Expr, Value};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan, Word};

/// The call the tokens are rewritten into.
pub(super) const MULTI_UNIT_INTERVAL: &str = "__interval_units";

/// A unit of a multi-unit interval: day-time (field index, microseconds) or year-month
/// (field index, months).
enum Unit {
    DayTime(u8, i64),
    YearMonth(u8, i64),
}

fn unit(name: &str) -> Option<Unit> {
    let upper = name.to_ascii_uppercase();
    Some(match upper.strip_suffix('S').unwrap_or(&upper) {
        "YEAR" => Unit::YearMonth(0, 12),
        "MONTH" => Unit::YearMonth(1, 1),
        "WEEK" => Unit::DayTime(0, 7 * 86_400_000_000),
        "DAY" => Unit::DayTime(0, 86_400_000_000),
        "HOUR" => Unit::DayTime(1, 3_600_000_000),
        "MINUTE" => Unit::DayTime(2, 60_000_000),
        "SECOND" => Unit::DayTime(3, 1_000_000),
        "MILLISECOND" => Unit::DayTime(3, 1_000),
        "MICROSECOND" => Unit::DayTime(3, 1),
        _ => return None,
    })
}

/// `INTERVAL v unit v unit ...` (two units or more) rewritten as the call.
pub(super) fn rewrite(tokens: &mut Vec<TokenWithSpan>) {
    let mut i = 0;
    while i < tokens.len() {
        if !matches!(&tokens[i].token, Token::Word(w) if w.keyword == Keyword::INTERVAL && w.quote_style.is_none()) {
            i += 1;
            continue;
        }
        let mut at = i + 1;
        let mut parts: Vec<(String, String)> = vec![];
        while let Some((value, unit_name, next)) = part(tokens, at) {
            parts.push((value, unit_name));
            at = next;
        }
        if parts.len() < 2 {
            match text_form(tokens, i + 1) {
                Some((pairs, next)) => (parts, at) = (pairs, next),
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        // Every token spans the whole literal, so the call's span is the literal's (the
        // fragment of its errors), and the literal as written is its first argument.
        let span = tokens[i].span.union(&tokens[at - 1].span);
        let source: String = tokens[i..at].iter().map(|t| t.token.to_string()).collect();
        let t = |token: Token| TokenWithSpan { token, span };
        let mut call = vec![t(Token::Word(Word { value: MULTI_UNIT_INTERVAL.to_string(), quote_style: None, keyword: Keyword::NoKeyword })), t(Token::LParen)];
        call.push(t(Token::SingleQuotedString(source)));
        for (value, unit_name) in parts {
            call.extend([t(Token::Comma), t(Token::SingleQuotedString(value)), t(Token::Comma), t(Token::SingleQuotedString(unit_name))]);
        }
        call.push(t(Token::RParen));
        let added = call.len();
        tokens.splice(i..at, call);
        i += added;
    }
}

/// `INTERVAL '1 year 2 months'`: the units inside the string (no unit after it), as
/// pairs, and where the tokens go on.
fn text_form(tokens: &[TokenWithSpan], at: usize) -> Option<(Vec<(String, String)>, usize)> {
    let skip = |mut k: usize| {
        while matches!(tokens.get(k).map(|t| &t.token), Some(Token::Whitespace(_))) {
            k += 1;
        }
        k
    };
    let k = skip(at);
    let Token::SingleQuotedString(text) = &tokens.get(k)?.token else { return None };
    if matches!(tokens.get(skip(k + 1)).map(|t| &t.token), Some(Token::Word(w)) if unit(&w.value).is_some()) {
        return None;
    }
    Some((text_parts(text)?, k + 1))
}

/// The `value unit` pairs of an interval's text (`IntervalUtils.stringToInterval`'s
/// words: an `interval` prefix allowed, units in any case).
fn text_parts(text: &str) -> Option<Vec<(String, String)>> {
    let lower = text.to_ascii_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.first() == Some(&"interval") {
        words.remove(0);
    }
    if words.is_empty() || !words.len().is_multiple_of(2) || words.chunks(2).any(|p| unit(p[1]).is_none()) {
        return None;
    }
    Some(words.chunks(2).map(|p| (p[0].to_string(), p[1].to_string())).collect())
}

/// One `value unit` pair from `at` (whitespace skipped): the value's text, the unit's
/// name and where the next pair may start.
fn part(tokens: &[TokenWithSpan], at: usize) -> Option<(String, String, usize)> {
    let skip = |mut k: usize| {
        while matches!(tokens.get(k).map(|t| &t.token), Some(Token::Whitespace(_))) {
            k += 1;
        }
        k
    };
    let mut k = skip(at);
    let negative = matches!(tokens.get(k)?.token, Token::Minus);
    if negative {
        k = skip(k + 1);
    }
    let value = match &tokens.get(k)?.token {
        Token::Number(n, false) => n.clone(),
        Token::SingleQuotedString(s) if !negative => s.clone(),
        _ => return None,
    };
    let u = skip(k + 1);
    let Token::Word(w) = &tokens.get(u)?.token else { return None };
    unit(&w.value)?;
    Some((if negative { format!("-{value}") } else { value }, w.value.clone(), u + 1))
}

/// An interval type's start and end fields.
type FieldRange = (u8, u8);

/// The literal of `__interval_units(source, value, unit, ...)` (`source`: the literal as
/// written).
pub(super) fn literal(args: &[Expr]) -> Result<Expr> {
    let texts: Vec<&str> = args
        .iter()
        .map(|a| match a {
            Expr::Literal(Value::String(s)) => Ok(s.as_str()),
            _ => Err(Error::internal("a multi-unit interval's parts are strings")),
        })
        .collect::<Result<_>>()?;
    let Some((source, texts)) = texts.split_first() else { return Err(Error::internal("a multi-unit interval has its source")) };
    let written = texts.chunks(2).map(|p| format!("{} {}", p[0], p[1])).collect::<Vec<_>>().join(" ");
    let (mut micros, mut months) = (0i64, 0i64);
    // The (start, end) fields written of each kind.
    let mut day_time: Option<FieldRange> = None;
    let mut year_month: Option<FieldRange> = None;
    let widen = |range: Option<FieldRange>, f: u8| Some(range.map_or((f, f), |(s, e)| (s.min(f), e.max(f))));
    let overflow = || parse_error(&written, "the interval is out of range");
    for pair in texts.chunks(2) {
        let (value, name) = (pair[0].trim(), pair[1]);
        match unit(name).ok_or_else(|| Error::internal("checked unit"))? {
            Unit::DayTime(field, scale) => {
                day_time = widen(day_time, field);
                let part = if field == 3 { fraction(value, scale, name, &written)? } else { whole(value, name, &written)?.checked_mul(scale).ok_or_else(overflow)? };
                micros = micros.checked_add(part).ok_or_else(overflow)?;
            }
            Unit::YearMonth(field, scale) => {
                year_month = widen(year_month, field);
                months = months.checked_add(whole(value, name, &written)?.checked_mul(scale).ok_or_else(overflow)?).ok_or_else(overflow)?;
            }
        }
    }
    Ok(Expr::Literal(match (day_time, year_month) {
        (Some((start, end)), None) => Value::DayTimeInterval(micros, start, end),
        (None, Some((start, end))) => Value::YearMonthInterval(i32::try_from(months).map_err(|_| overflow())?, start, end),
        _ => {
            return Err(Error::new(crate::error::ErrorKind::Parse, "_LEGACY_ERROR_TEMP_0029", format!("Cannot mix year-month and day-time fields: {source}."))
                .with_param("literal", *source))
        }
    }))
}

/// `INTERVAL '3 months'` as sqlparser reads it when no tokens were rewritten: the
/// text's `value unit` pairs typed as the multi-unit literal of the same parts.
pub(super) fn literal_of_text(text: &str) -> Result<Expr> {
    let pairs = text_parts(text).ok_or_else(|| {
        Error::new(crate::error::ErrorKind::Parse, "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", format!("Interval string does not match format: {text}"))
    })?;
    let source = Expr::Literal(Value::String(format!("INTERVAL '{text}'")));
    let parts = pairs.into_iter().flat_map(|(v, u)| [Expr::Literal(Value::String(v)), Expr::Literal(Value::String(u))]);
    literal(&std::iter::once(source).chain(parts).collect::<Vec<_>>())
}

fn whole(value: &str, unit_name: &str, written: &str) -> Result<i64> {
    value.parse().map_err(|_| invalid_fraction(written, unit_name))
}

/// Seconds (or milli-, microseconds) with up to six fractional digits, in microseconds.
fn fraction(value: &str, scale: i64, unit_name: &str, written: &str) -> Result<i64> {
    let (sign, digits) = value.strip_prefix('-').map_or((1, value), |d| (-1, d));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let micros_per_unit_digits = scale.ilog10() as usize;
    if frac.len() > micros_per_unit_digits || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid_fraction(written, unit_name));
    }
    let int: i64 = int.parse().map_err(|_| invalid_fraction(written, unit_name))?;
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<micros_per_unit_digits$}").parse().map_err(|_| invalid_fraction(written, unit_name))? };
    let overflow = || parse_error(written, "the interval is out of range");
    Ok(sign * int.checked_mul(scale).and_then(|m| m.checked_add(frac)).ok_or_else(overflow)?)
}

/// Spark's error for a fraction where the unit takes none (`1.5 days`): the text is
/// Spark's own rendering of the parts, from a leading space.
fn invalid_fraction(written: &str, unit_name: &str) -> Error {
    Error::new(
        crate::error::ErrorKind::IllegalArgument,
        "INVALID_INTERVAL_FORMAT.INVALID_FRACTION",
        format!("Error parsing ' {written}' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. {unit_name} cannot have fractional part."),
    )
    .with_param("input", format!(" {written}"))
    .with_param("unit", unit_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(p: &[&str]) -> Vec<Expr> {
        std::iter::once(&"INTERVAL ...").chain(p).map(|s| Expr::Literal(Value::String(s.to_string()))).collect()
    }

    #[test]
    fn units_sum_into_one_typed_literal() {
        let five_days = 5 * 86_400_000_000 + 3 * 3_600_000_000 + 7 * 60_000_000;
        assert_eq!(literal(&parts(&["5", "days", "3", "hours", "7", "minutes"])).unwrap(), Expr::Literal(Value::DayTimeInterval(five_days, 0, 2)));
        let seconds = 5 * 3_600_000_000 + 30_001_001;
        let written = parts(&["5", "hours", "30", "seconds", "1", "milliseconds", "1", "microseconds"]);
        assert_eq!(literal(&written).unwrap(), Expr::Literal(Value::DayTimeInterval(seconds, 1, 3)));
        assert_eq!(literal(&parts(&["2", "weeks", "1", "day"])).unwrap(), Expr::Literal(Value::DayTimeInterval(15 * 86_400_000_000, 0, 0)));
        assert_eq!(literal(&parts(&["1", "YEAR", "2", "MONTH"])).unwrap(), Expr::Literal(Value::YearMonthInterval(14, 0, 1)));
        assert_eq!(literal(&parts(&["-1", "day", "2", "hours"])).unwrap(), Expr::Literal(Value::DayTimeInterval(-22 * 3_600_000_000, 0, 1)));
        assert_eq!(literal(&parts(&["1.5", "seconds", "1", "minute"])).unwrap(), Expr::Literal(Value::DayTimeInterval(61_500_000, 2, 3)));
    }

    #[test]
    fn units_written_in_the_text() {
        assert_eq!(literal_of_text("3 months").unwrap(), Expr::Literal(Value::YearMonthInterval(3, 1, 1)));
        assert_eq!(literal_of_text("interval 1 Year 2 months").unwrap(), Expr::Literal(Value::YearMonthInterval(14, 0, 1)));
        assert_eq!(literal_of_text("-2 years").unwrap(), Expr::Literal(Value::YearMonthInterval(-24, 0, 0)));
        assert_eq!(literal_of_text("2 hours 1 second").unwrap(), Expr::Literal(Value::DayTimeInterval(7_201_000_000, 1, 3)));
        assert!(literal_of_text("3").is_err());
        assert!(literal_of_text("3 fortnights").is_err());
    }

    #[test]
    fn fractions_of_other_units_and_mixed_kinds_are_refused() {
        assert!(literal(&parts(&["1.5", "days", "1", "hour"])).is_err());
        assert!(literal(&parts(&["1", "year", "2", "days"])).is_err());
    }
}
