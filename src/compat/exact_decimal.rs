//! The exact result of a decimal `+ - *` that overflowed, as Spark's
//! NUMERIC_VALUE_OUT_OF_RANGE shows it (`Decimal.toPlainString`): up to 77 digits,
//! beyond i128, so computed on decimal digits. Only the error path runs this.

use crate::ir::BinaryOp;

/// A signed decimal: its digits (most significant first, no leading zeros; empty for
/// zero) and its scale (negative: trailing zeros not written).
#[derive(Debug, Clone, PartialEq)]
struct Exact {
    negative: bool,
    digits: Vec<u8>,
    scale: i32,
}

impl Exact {
    /// Reads Polars' text of a decimal (`-123.4500`).
    fn parse(text: &str) -> Option<Exact> {
        let text = text.trim();
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if (int.is_empty() && frac.is_empty()) || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        Some(Exact { negative, digits: trimmed(digits), scale: frac.len() as i32 })
    }

    /// The same value at a larger scale.
    fn at_scale(mut self, scale: i32) -> Exact {
        if scale > self.scale && !self.digits.is_empty() {
            self.digits.extend(std::iter::repeat_n(0, (scale - self.scale) as usize));
        }
        self.scale = scale.max(self.scale);
        self
    }

    /// Java's `BigDecimal.toPlainString`.
    fn plain(&self) -> String {
        let mut digits: String = self.digits.iter().map(|d| char::from(b'0' + d)).collect();
        if digits.is_empty() {
            digits.push('0');
        }
        let body = if self.scale <= 0 {
            if self.digits.is_empty() { digits } else { digits + &"0".repeat((-self.scale) as usize) }
        } else {
            let scale = self.scale as usize;
            if digits.len() <= scale {
                digits = "0".repeat(scale - digits.len() + 1) + &digits;
            }
            let (int, frac) = digits.split_at(digits.len() - scale);
            format!("{int}.{frac}")
        };
        if self.negative && !self.digits.is_empty() { format!("-{body}") } else { body }
    }
}

fn trimmed(digits: Vec<u8>) -> Vec<u8> {
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    digits[first..].to_vec()
}

fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn add(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    let (mut i, mut j, mut carry) = (a.len(), b.len(), 0u8);
    while i > 0 || j > 0 || carry > 0 {
        let x = if i > 0 { i -= 1; a[i] } else { 0 };
        let y = if j > 0 { j -= 1; b[j] } else { 0 };
        let s = x + y + carry;
        out.push(s % 10);
        carry = s / 10;
    }
    out.reverse();
    trimmed(out)
}

/// `a - b` for `a >= b`.
fn subtract(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    let (mut i, mut j, mut borrow) = (a.len(), b.len(), 0i8);
    while i > 0 {
        i -= 1;
        let y = if j > 0 { j -= 1; b[j] as i8 } else { 0 };
        let mut d = a[i] as i8 - y - borrow;
        borrow = i8::from(d < 0);
        if d < 0 {
            d += 10;
        }
        out.push(d as u8);
    }
    out.reverse();
    trimmed(out)
}

fn multiply(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut acc = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate().rev() {
        for (j, &y) in b.iter().enumerate().rev() {
            acc[i + j + 1] += x as u32 * y as u32;
        }
    }
    for k in (1..acc.len()).rev() {
        let carry = acc[k] / 10;
        acc[k] %= 10;
        acc[k - 1] += carry;
    }
    trimmed(acc.into_iter().map(|d| d as u8).collect())
}

fn signed_sum(a: Exact, b: Exact) -> Exact {
    let scale = a.scale.max(b.scale);
    let (a, b) = (a.at_scale(scale), b.at_scale(scale));
    if a.negative == b.negative {
        return Exact { negative: a.negative, digits: add(&a.digits, &b.digits), scale };
    }
    match compare(&a.digits, &b.digits) {
        std::cmp::Ordering::Less => Exact { negative: b.negative, digits: subtract(&b.digits, &a.digits), scale },
        _ => Exact { negative: a.negative, digits: subtract(&a.digits, &b.digits), scale },
    }
}

/// Rounded HALF_UP to 38 significant digits (`MathContext(38, HALF_UP)`).
fn to_38_digits(mut v: Exact) -> Exact {
    while v.digits.len() > 38 {
        let drop = v.digits.len() - 38;
        let up = v.digits[38] >= 5;
        let kept = v.digits[..38].to_vec();
        v.digits = if up { add(&kept, &[1]) } else { trimmed(kept) };
        // Trimmed leading zeros cannot occur (the first digit is not zero); a carry
        // can add a digit, which the loop rounds again.
        v.scale -= drop as i32;
    }
    v
}

/// Spark's exact `left op right` as `toPlainString`, for operands written as Polars
/// writes decimals at scales `left_scale` and `right_scale`. None for other
/// operators or unreadable text.
pub fn exact_result(op: BinaryOp, left: &str, left_scale: u8, right: &str, right_scale: u8) -> Option<String> {
    let a = Exact::parse(left)?.at_scale(left_scale as i32);
    let b = Exact::parse(right)?.at_scale(right_scale as i32);
    let value = match op {
        BinaryOp::Add => signed_sum(a, b),
        BinaryOp::Subtract => signed_sum(a, Exact { negative: !b.negative, ..b }),
        BinaryOp::Multiply => to_38_digits(Exact { negative: a.negative != b.negative, digits: multiply(&a.digits, &b.digits), scale: a.scale + b.scale }),
        _ => return None,
    };
    Some(value.plain())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX38: &str = "99999999999999999999999999999999999999";

    #[test]
    fn sums_beyond_i128() {
        assert_eq!(exact_result(BinaryOp::Add, MAX38, 0, "1", 0).as_deref(), Some("100000000000000000000000000000000000000"));
        assert_eq!(exact_result(BinaryOp::Add, MAX38, 0, MAX38, 0).as_deref(), Some("199999999999999999999999999999999999998"));
        assert_eq!(exact_result(BinaryOp::Subtract, &format!("-{MAX38}"), 0, "1", 0).as_deref(), Some("-100000000000000000000000000000000000000"));
        assert_eq!(
            exact_result(BinaryOp::Add, MAX38, 0, "1.000000000000000000", 18).as_deref(),
            Some("100000000000000000000000000000000000000.000000000000000000")
        );
        assert_eq!(exact_result(BinaryOp::Add, "1.5", 1, "-2.25", 2).as_deref(), Some("-0.75"));
    }

    #[test]
    fn products_rounded_to_38_digits() {
        let b = "99999999999999999999.999999999999999999";
        assert_eq!(exact_result(BinaryOp::Multiply, b, 18, b, 18).as_deref(), Some("9999999999999999999999999999999999999800"));
        assert_eq!(exact_result(BinaryOp::Multiply, "-2.5", 1, "4", 0).as_deref(), Some("-10.0"));
    }
}
