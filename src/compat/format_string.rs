//! `format_string`/`printf`: Java's `java.util.Formatter` over Spark's internal
//! values (a DATE is its day number, a TIMESTAMP its microseconds, a DECIMAL only
//! formats as text). Conversions `%s %S %b %B %c %d %o %x %X %e %E %f %g %G %h %H
//! %n %%`, flags `-#+ 0,(`, widths, precisions and argument indexes (`%2$s`,
//! `%<s`). Floating-point digits are Java's: the shortest digits of the double,
//! rounded HALF_UP.

use crate::ir::text::{java_double, java_float};

/// One argument as Java's formatter receives it from Spark.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Null,
    Bool(bool),
    /// An integer and its width in bits (8, 16, 32, 64).
    Int(i64, u8),
    Float(f32),
    Double(f64),
    /// A DECIMAL's text (Spark's `Decimal` is not a `BigDecimal` to Java).
    Decimal(String),
    Str(String),
}

#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    alternate: bool,
    plus: bool,
    space: bool,
    zero: bool,
    group: bool,
    paren: bool,
}

/// Formats `format` with `args`; Err names Java's exception.
pub fn format(format: &str, args: &[Arg]) -> Result<String, String> {
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::with_capacity(format.len() + 16);
    let mut i = 0;
    let mut ordinary = 0usize;
    let mut last: Option<usize> = None;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        // %[argument_index$][flags][width][.precision]conversion
        let start = i;
        let mut index: Option<usize> = None;
        let mut relative = false;
        let digits_end = (i..chars.len()).find(|j| !chars[*j].is_ascii_digit()).unwrap_or(chars.len());
        if digits_end > i && chars.get(digits_end) == Some(&'$') {
            let n: usize = chars[i..digits_end].iter().collect::<String>().parse().map_err(|_| "IllegalFormatArgumentIndexException")?;
            if n == 0 {
                return Err("IllegalFormatArgumentIndexException".into());
            }
            index = Some(n - 1);
            i = digits_end + 1;
        }
        let mut flags = Flags::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => flags.left = true,
                '#' => flags.alternate = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '0' => flags.zero = true,
                ',' => flags.group = true,
                '(' => flags.paren = true,
                '<' => relative = true,
                _ => break,
            }
            i += 1;
        }
        let width = number(&chars, &mut i);
        let precision = if chars.get(i) == Some(&'.') {
            i += 1;
            Some(number(&chars, &mut i).ok_or("IllegalFormatPrecisionException")?)
        } else {
            None
        };
        let Some(&conv) = chars.get(i) else {
            return Err(format!("UnknownFormatConversionException: Conversion = '%{}'", chars[start..].iter().collect::<String>()));
        };
        i += 1;
        let spec = Spec { flags, width, precision, conv };
        match conv {
            '%' => {
                out.push_str(&pad(&spec, "%".into()));
                continue;
            }
            'n' => {
                out.push('\n');
                continue;
            }
            _ => {}
        }
        let at = if relative {
            last.ok_or("MissingFormatArgumentException")?
        } else if let Some(n) = index {
            n
        } else {
            ordinary += 1;
            ordinary - 1
        };
        let arg = args.get(at).ok_or_else(|| format!("MissingFormatArgumentException: Format specifier '%{conv}'"))?;
        last = Some(at);
        out.push_str(&spec.render(arg)?);
    }
    Ok(out)
}

fn number(chars: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
        *i += 1;
    }
    if *i == start {
        return None;
    }
    chars[start..*i].iter().collect::<String>().parse().ok()
}

struct Spec {
    flags: Flags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
}

fn conversion_error(conv: char, arg: &Arg) -> String {
    let class = match arg {
        Arg::Null => "null",
        Arg::Bool(_) => "java.lang.Boolean",
        Arg::Int(_, 64) => "java.lang.Long",
        Arg::Int(..) => "java.lang.Integer",
        Arg::Float(_) => "java.lang.Float",
        Arg::Double(_) => "java.lang.Double",
        Arg::Decimal(_) => "org.apache.spark.sql.types.Decimal",
        Arg::Str(_) => "org.apache.spark.unsafe.types.UTF8String",
    };
    format!("IllegalFormatConversionException: {conv} != {class}")
}

impl Spec {
    fn upper(&self) -> bool {
        self.conv.is_ascii_uppercase()
    }

    fn render(&self, arg: &Arg) -> Result<String, String> {
        let text = match (self.conv.to_ascii_lowercase(), arg) {
            (_, Arg::Null) if self.conv != 'b' && self.conv != 'B' => self.truncate("null".into()),
            ('s', a) => self.truncate(plain_text(a)),
            ('b', a) => self.truncate(match a {
                Arg::Null => "false".into(),
                Arg::Bool(b) => b.to_string(),
                _ => "true".into(),
            }),
            ('h', a) => self.truncate(format!("{:x}", hash_code(a).ok_or_else(|| conversion_error(self.conv, a))?)),
            ('c', Arg::Int(v, bits)) if *bits < 64 => {
                char::from_u32(*v as u32).map(String::from).ok_or("IllegalFormatCodePointException")?
            }
            ('d', Arg::Int(v, _)) => return Ok(self.signed(*v < 0, group(&v.unsigned_abs().to_string(), self.flags.group))),
            ('o' | 'x', Arg::Int(v, bits)) => {
                let unsigned = if *bits >= 64 { *v as u64 } else { (*v as u64) & ((1u64 << bits) - 1) };
                let (digits, prefix) = if self.conv.eq_ignore_ascii_case(&'x') { (format!("{unsigned:x}"), "0x") } else { (format!("{unsigned:o}"), "0") };
                let body = if self.flags.alternate { format!("{prefix}{digits}") } else { digits };
                let out = self.zero_padded(String::new(), body);
                return Ok(if self.upper() { out.to_uppercase() } else { out });
            }
            ('e' | 'f' | 'g', Arg::Double(x)) => return Ok(self.float(*x)),
            ('e' | 'f' | 'g', Arg::Float(x)) => return Ok(self.float(*x as f64)),
            (_, a) => return Err(conversion_error(self.conv, a)),
        };
        let text = if self.upper() { text.to_uppercase() } else { text };
        Ok(pad(self, text))
    }

    /// Java cuts at `precision` UTF-16 units.
    fn truncate(&self, s: String) -> String {
        match self.precision {
            Some(p) => {
                let mut units = 0;
                s.chars()
                    .take_while(|c| {
                        units += c.len_utf16();
                        units <= p
                    })
                    .collect()
            }
            None => s,
        }
    }

    /// A number's sign per the flags, then zero padding to the width.
    fn signed(&self, negative: bool, magnitude: String) -> String {
        let (lead, tail) = if negative {
            if self.flags.paren { ("(", ")") } else { ("-", "") }
        } else if self.flags.plus {
            ("+", "")
        } else if self.flags.space {
            (" ", "")
        } else {
            ("", "")
        };
        let body = format!("{magnitude}{tail}");
        let out = self.zero_padded(lead.to_string(), body);
        if self.upper() { out.to_uppercase() } else { out }
    }

    fn zero_padded(&self, lead: String, body: String) -> String {
        let len = utf16_len(&lead) + utf16_len(&body);
        match self.width {
            Some(w) if self.flags.zero && w > len => format!("{lead}{}{body}", "0".repeat(w - len)),
            _ => pad(self, format!("{lead}{body}")),
        }
    }

    fn float(&self, x: f64) -> String {
        if !x.is_finite() {
            let text = if x.is_nan() {
                "NaN".to_string()
            } else if x < 0.0 {
                if self.flags.paren { "(Infinity)".into() } else { "-Infinity".into() }
            } else if self.flags.plus {
                "+Infinity".into()
            } else {
                "Infinity".into()
            };
            return pad(self, if self.upper() { text.to_uppercase() } else { text });
        }
        let negative = x.is_sign_negative();
        let d = Digits::of(x.abs());
        let conv = self.conv.to_ascii_lowercase();
        let magnitude = match conv {
            'f' => {
                let p = self.precision.unwrap_or(6);
                let (int, frac) = d.round_at(d.point + p as i32).fixed(p);
                join(group(&int, self.flags.group), &frac)
            }
            'e' => {
                let p = self.precision.unwrap_or(6);
                d.round_at(p as i32 + 1).scientific(p)
            }
            _ => {
                let p = match self.precision {
                    Some(0) => 1,
                    Some(p) => p,
                    None => 6,
                };
                let r = d.round_at(p as i32);
                let exponent = r.point - 1;
                if r.is_zero() || (-4..p as i32).contains(&exponent) {
                    let fraction = if r.is_zero() { p - 1 } else { (p as i32 - r.point).max(0) as usize };
                    let (int, frac) = r.fixed(fraction);
                    join(group(&int, self.flags.group), &frac)
                } else {
                    r.scientific(p - 1)
                }
            }
        };
        self.signed(negative, magnitude)
    }
}

fn join(int: String, frac: &str) -> String {
    if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    }
}

/// Pads to the width, counted in UTF-16 units as Java's `String.length()`.
fn pad(spec: &Spec, text: String) -> String {
    let len = utf16_len(&text);
    match spec.width {
        Some(w) if w > len => {
            let fill = " ".repeat(w - len);
            if spec.flags.left {
                text + &fill
            } else {
                fill + &text
            }
        }
        _ => text,
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Thousands separators in an integer's digits.
fn group(digits: &str, on: bool) -> String {
    if !on || digits.len() <= 3 {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How `%s` shows a value.
fn plain_text(a: &Arg) -> String {
    match a {
        Arg::Null => "null".into(),
        Arg::Bool(b) => b.to_string(),
        Arg::Int(v, _) => v.to_string(),
        Arg::Float(f) => java_float(*f),
        Arg::Double(d) => java_double(*d),
        Arg::Decimal(s) | Arg::Str(s) => s.clone(),
    }
}

/// Java's `hashCode` of the boxed value (`%h`); None where Spark's own classes hash.
fn hash_code(a: &Arg) -> Option<u32> {
    Some(match a {
        Arg::Bool(b) => if *b { 1231 } else { 1237 },
        Arg::Int(v, 64) => (*v ^ ((*v as u64) >> 32) as i64) as u32,
        Arg::Int(v, _) => *v as u32,
        Arg::Float(f) => f.to_bits(),
        Arg::Double(d) => {
            let bits = d.to_bits();
            (bits ^ (bits >> 32)) as u32
        }
        _ => return None,
    })
}

/// A non-negative decimal number as digits and the position of its point:
/// value = 0.d1d2d3... x 10^point.
#[derive(Debug, Clone)]
struct Digits {
    digits: Vec<u8>,
    point: i32,
}

impl Digits {
    /// The shortest digits that read back as `x` (what Java's `Double.toString` uses).
    fn of(x: f64) -> Digits {
        if x == 0.0 {
            return Digits { digits: vec![0], point: 1 };
        }
        let text = format!("{x:e}");
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        Digits { digits, point: exp + 1 }
    }

    fn is_zero(&self) -> bool {
        self.digits.iter().all(|d| *d == 0)
    }

    /// Keeps `keep` leading digits, rounding HALF_UP.
    fn round_at(&self, keep: i32) -> Digits {
        if keep < 0 {
            return Digits { digits: vec![0], point: self.point.max(1) };
        }
        let keep = keep as usize;
        if keep >= self.digits.len() {
            return self.clone();
        }
        let mut kept = self.digits[..keep].to_vec();
        let mut point = self.point;
        if self.digits[keep] >= 5 && super::math::increment_digits(&mut kept) {
            point += 1;
        }
        if kept.is_empty() {
            kept.push(0);
            point = point.max(1);
        }
        Digits { digits: kept, point }
    }

    /// The digit at position `i` counted from the point (0 = first before it... ),
    /// as an ASCII digit; zero outside the stored digits.
    fn digit(&self, i: i32) -> char {
        if i < 0 || i as usize >= self.digits.len() {
            '0'
        } else {
            (b'0' + self.digits[i as usize]) as char
        }
    }

    /// Integer digits and `fraction` fraction digits.
    fn fixed(&self, fraction: usize) -> (String, String) {
        let int: String = if self.point <= 0 || self.is_zero() { "0".into() } else { (0..self.point).map(|i| self.digit(i)).collect() };
        let frac: String = (0..fraction as i32).map(|k| self.digit(self.point + k)).collect();
        (int, frac)
    }

    /// `d.ddd e±XX` with `fraction` digits after the point.
    fn scientific(&self, fraction: usize) -> String {
        let exponent = if self.is_zero() { 0 } else { self.point - 1 };
        let frac: String = (1..=fraction as i32).map(|k| self.digit(k)).collect();
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{}{}e{sign}{:02}", self.digit(0), if frac.is_empty() { String::new() } else { format!(".{frac}") }, exponent.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[Arg]) -> String {
        format(fmt, args).unwrap()
    }

    #[test]
    fn java_float_rounding_is_half_up_on_shortest_digits() {
        assert_eq!(f("%.2f", &[Arg::Double(0.125)]), "0.13");
        assert_eq!(f("%.2f", &[Arg::Double(2.675)]), "2.68");
        assert_eq!(f("%.1f", &[Arg::Double(0.05)]), "0.1");
        assert_eq!(f("%.2f", &[Arg::Double(-1.005)]), "-1.01");
        assert_eq!(f("%e", &[Arg::Double(12332.123456)]), "1.233212e+04");
        assert_eq!(f("%.3E", &[Arg::Double(1.5e20)]), "1.500E+20");
        assert_eq!(f("%,.2f", &[Arg::Double(12332.123456)]), "12,332.12");
        assert_eq!(f("%08.2f", &[Arg::Double(-0.0)]), "-0000.00");
        assert_eq!(f("%.10g", &[Arg::Double(0.125)]), "0.1250000000");
        assert_eq!(f("%.10g", &[Arg::Double(1e-5)]), "1.000000000e-05");
        assert_eq!(f("%g", &[Arg::Double(1234567.0)]), "1.23457e+06");
        assert_eq!(f("%g", &[Arg::Double(0.0001234)]), "0.000123400");
        assert_eq!(f("%.0f", &[Arg::Double(2.675)]), "3");
        assert_eq!(f("%.2f", &[Arg::Double(1e-5)]), "0.00");
    }

    #[test]
    fn integers_strings_and_arguments() {
        assert_eq!(f("%5d|%-5d|%05d", &[Arg::Int(-5, 32), Arg::Int(-5, 32), Arg::Int(-5, 32)]), "   -5|-5   |-0005");
        assert_eq!(f("%x %X %o", &[Arg::Int(-12, 32), Arg::Int(255, 32), Arg::Int(8, 32)]), "fffffff4 FF 10");
        assert_eq!(f("%#x|%(d|%+d", &[Arg::Int(5, 32), Arg::Int(-12, 32), Arg::Int(5, 32)]), "0x5|(12)|+5");
        assert_eq!(f("%2$s %1$s %<s", &[Arg::Str("a".into()), Arg::Str("b".into())]), "b a a");
        assert_eq!(f("%.2f|%.3E|%b", &[Arg::Null, Arg::Null, Arg::Null]), "nu|NUL|false");
        assert_eq!(f("%S %c 100%%", &[Arg::Str("abc".into()), Arg::Int(65, 32)]), "ABC A 100%");
        assert_eq!(f("%-4s|", &[Arg::Str("𝔘𝔫".into())]), "𝔘𝔫|");
        assert!(format("%d", &[Arg::Str("x".into())]).is_err());
        assert!(format("%s %s", &[Arg::Str("x".into())]).is_err());
    }
}
