//! Java 17's `Double.toString` and `Float.toString`, digit for digit.
//!
//! Spark runs on Java 17, whose `jdk.internal.math.FloatingDecimal` does not print
//! the shortest digits that round-trip (JDK 19 moved to those): it develops the
//! digits of `B / S` until the remainder is within half an ULP of either end, with
//! a symmetric interval, a guessed decimal exponent and fixed-width shortcuts whose
//! comparisons differ slightly from the big-integer ones. So `(float) 2147483647`
//! prints `2.14748365E9`, `Double.MIN_VALUE` `4.9E-324`, `Float.MIN_VALUE`
//! `1.4E-45`. This module follows that algorithm step by step (`dtoa`,
//! `developLongDigits`, `roundup`, `getChars`), because every quirk is visible in
//! `show()` and in casts to strings. The arithmetic is ours: Java's `int`/`long`
//! shortcuts are kept with their wrapping, its big integers are replaced by exact
//! `u128` or fixed-size integers, which give the same digits because every
//! big-integer step in Java is exact.

use std::cmp::Ordering;

/// Bits of an `f64` fraction; also the position of the hidden bit.
const EXP_SHIFT: u32 = 52;
const FRACT_HOB: u64 = 1 << EXP_SHIFT;
const SIGNIF_MASK: u64 = FRACT_HOB - 1;
/// The exponent bits of `1.0`.
const EXP_ONE: u64 = 1023 << EXP_SHIFT;
/// Binary exponents for which Java tries its integer shortcut.
const SMALL_BIN_EXP: std::ops::RangeInclusive<i32> = -21..=62;
/// Java's digit buffer holds 20 digits; ours is larger so no input can overrun it.
const MAX_DIGITS: usize = 32;

/// `Double.toString(x)` as Java 17 prints it.
pub fn double_to_string(x: f64) -> String {
    let bits = x.to_bits();
    let negative = bits >> 63 != 0;
    let biased = ((bits >> EXP_SHIFT) & 0x7ff) as i32;
    let fract = bits & SIGNIF_MASK;
    if biased == 0x7ff {
        return non_finite(fract != 0, negative);
    }
    let decimal = if biased != 0 {
        dtoa(biased - 1023, fract | FRACT_HOB, 53)
    } else if fract != 0 {
        // Subnormal: move the leading one up to the hidden bit's place.
        let zeros = fract.leading_zeros();
        let shift = zeros - (63 - EXP_SHIFT);
        dtoa(1 - shift as i32 - 1023, fract << shift, 64 - zeros)
    } else {
        return zero(negative);
    };
    layout(negative, &decimal)
}

/// `Float.toString(x)` as Java 17 prints it: the same `dtoa`, with the float's
/// fraction widened to the double layout and 24 significant bits.
pub fn float_to_string(x: f32) -> String {
    let bits = x.to_bits();
    let negative = bits >> 31 != 0;
    let biased = ((bits >> 23) & 0xff) as i32;
    let fract = bits & 0x7f_ffff;
    if biased == 0xff {
        return non_finite(fract != 0, negative);
    }
    let (bin_exp, fract, n_significant_bits) = if biased != 0 {
        (biased - 127, fract | 1 << 23, 24)
    } else if fract != 0 {
        let zeros = fract.leading_zeros();
        let shift = zeros - (31 - 23);
        (1 - shift as i32 - 127, fract << shift, 32 - zeros)
    } else {
        return zero(negative);
    };
    let widened = u64::from(fract) << (EXP_SHIFT - 23);
    layout(negative, &dtoa(bin_exp, widened, n_significant_bits))
}

fn non_finite(nan: bool, negative: bool) -> String {
    match (nan, negative) {
        (true, _) => "NaN",
        (false, false) => "Infinity",
        (false, true) => "-Infinity",
    }
    .into()
}

fn zero(negative: bool) -> String {
    if negative { "-0.0" } else { "0.0" }.into()
}

/// Decimal digits `0.d1d2d3… × 10^exponent`, as `FloatingDecimal` keeps them.
struct Decimal {
    digits: [u8; MAX_DIGITS],
    len: usize,
    exponent: i32,
}

impl Decimal {
    fn empty() -> Decimal {
        Decimal { digits: [0; MAX_DIGITS], len: 0, exponent: 0 }
    }

    /// Appends one digit; a full buffer (never reached: Java stops at 20) drops it.
    fn push(&mut self, digit: u32) -> bool {
        match self.digits.get_mut(self.len) {
            Some(slot) => {
                *slot = b'0'.wrapping_add(digit as u8);
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn last_is_odd(&self) -> bool {
        self.len > 0 && self.digits[self.len - 1] & 1 != 0
    }

    /// Java's `roundup`: adds one to the last digit. A carry out of the first
    /// digit makes it `1`, keeps the digit count (`99` becomes `10`) and raises
    /// the exponent.
    fn round_up(&mut self) {
        let digits = &mut self.digits[..self.len];
        match digits.iter().rposition(|&d| d != b'9') {
            Some(i) => {
                digits[i] = digits[i].wrapping_add(1);
                digits[i + 1..].fill(b'0');
            }
            None => {
                digits.fill(b'0');
                if let Some(first) = digits.first_mut() {
                    *first = b'1';
                }
                self.exponent += 1;
            }
        }
    }
}

/// Java's `dtoa`: the digits of `fract_bits × 2^(bin_exp - 52)`, whose fraction has
/// its leading one at bit 52 and `n_significant_bits` meaningful bits.
fn dtoa(bin_exp: i32, fract_bits: u64, n_significant_bits: u32) -> Decimal {
    let tail_zeros = fract_bits.trailing_zeros();
    let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
    // Bits right of the binary point: none means the value is an integer.
    let n_tiny_bits = (n_fract_bits as i32 - bin_exp - 1).max(0);
    if n_tiny_bits == 0 && SMALL_BIN_EXP.contains(&bin_exp) {
        return integer_digits(bin_exp, fract_bits, n_significant_bits);
    }
    let dec_exp = estimate_dec_exp(fract_bits, bin_exp);
    let scale = Scale::new(dec_exp, bin_exp, n_tiny_bits, n_fract_bits, n_significant_bits);
    let fract = fract_bits >> tail_zeros;
    // Java's choice of arithmetic decides between `>` and `>=` (and wrapping), so
    // the same bounds pick the same path here.
    let b_bits = n_fract_bits as i32 + scale.b2 + approx_pow5_bits(scale.b5);
    let ten_s_bits = scale.s2 + 1 + approx_pow5_bits(scale.s5 + 1);
    if b_bits < 32 && ten_s_bits < 32 {
        develop(Fixed::<i32>::new(fract, &scale), dec_exp)
    } else if b_bits < 64 && ten_s_bits < 64 {
        develop(Fixed::<i64>::new(fract, &scale), dec_exp)
    } else if let Some(small) = Exact128::new(fract, &scale) {
        develop(small, dec_exp)
    } else {
        develop(ExactBig::new(fract, &scale), dec_exp)
    }
}

/// Java's `developLongDigits` for integers below 2^63: a float's bits beyond its
/// 24 significant ones are rounded away half up as whole decimal digits, which is
/// where `2.14748365E9` comes from.
fn integer_digits(bin_exp: i32, fract_bits: u64, n_significant_bits: u32) -> Decimal {
    let n_significant_bits = n_significant_bits as i32;
    let insignificant = if bin_exp > n_significant_bits {
        insignificant_digits_of_pow2(bin_exp - n_significant_bits - 1)
    } else {
        0
    };
    let mut value = if bin_exp >= EXP_SHIFT as i32 {
        fract_bits << (bin_exp - EXP_SHIFT as i32)
    } else {
        fract_bits >> (EXP_SHIFT as i32 - bin_exp)
    };
    if insignificant > 0 {
        let pow10 = 10u64.pow(insignificant);
        let residue = value % pow10;
        value /= pow10;
        if residue >= pow10 / 2 {
            value += 1;
        }
    }
    let mut decimal = integer_without_trailing_zeros(value);
    decimal.exponent += insignificant as i32;
    decimal
}

/// Decimal digits that Java treats as noise in an integer whose lowest
/// significant bit is worth 2^p: as many as `2^p` has beyond its first.
/// Only `p <= 37` occurs (floats up to 2^62), where this matches Java's table.
fn insignificant_digits_of_pow2(p: i32) -> u32 {
    if (2..64).contains(&p) {
        (1u64 << p).ilog10()
    } else {
        0
    }
}

/// The digits of `value > 0` with trailing zeros dropped (they count in the exponent).
fn integer_without_trailing_zeros(value: u64) -> Decimal {
    let mut text = [0u8; 20];
    let mut start = text.len();
    let mut rest = value;
    while rest > 0 {
        start -= 1;
        text[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let all = &text[start..];
    let kept = all.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
    let mut decimal = Decimal::empty();
    decimal.digits[..kept].copy_from_slice(&all[..kept]);
    decimal.len = kept;
    decimal.exponent = all.len() as i32;
    decimal
}

/// Java's `estimateDecExp`: `floor(log10(x))` from a tangent line of `log10` at
/// 1.5. The line lies above the curve, so the guess is never too low but can be
/// one too high (then the first digit comes out 0). Java floors by hand; this is
/// the same value. The constants are Java's (its `log10(2)` is a shade short),
/// since a different guess changes the digits.
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract_bits: u64, bin_exp: i32) -> i32 {
    let d2 = f64::from_bits(EXP_ONE | (fract_bits & SIGNIF_MASK));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + f64::from(bin_exp) * 0.301029995663981;
    d.floor() as i32
}

/// Java's `N_5_BITS` (about `ceil(log2(5^i))`), or `3i` past its 27 entries: an
/// estimate of sizes that only chooses between int, long and big arithmetic.
fn approx_pow5_bits(i: i32) -> i32 {
    match i {
        0 => 0,
        1..=26 => 64 - 5u64.pow(i as u32).leading_zeros() as i32,
        _ => i * 3,
    }
}

/// The exponents of `B = fract × 5^b5 × 2^b2`, `S = 5^s5 × 2^s2` and
/// `M = 5^m5 × 2^m2` (half an ULP, scaled as `B`) with `x = B / S × 10^dec_exp`.
struct Scale {
    b5: i32,
    b2: i32,
    s5: i32,
    s2: i32,
    m5: i32,
    m2: i32,
}

impl Scale {
    fn new(dec_exp: i32, bin_exp: i32, n_tiny_bits: i32, n_fract_bits: u32, n_significant_bits: u32) -> Scale {
        let b5 = (-dec_exp).max(0);
        let s5 = dec_exp.max(0);
        let mut b2 = b5 + n_tiny_bits + bin_exp;
        let mut s2 = s5 + n_tiny_bits;
        let mut m2 = b2 - n_significant_bits as i32;
        // The fraction enters without its trailing zeros.
        b2 -= n_fract_bits as i32 - 1;
        let common = b2.min(s2);
        b2 -= common;
        s2 -= common;
        m2 -= common;
        // Java's "HACK" for powers of two: the gap below is half the gap above.
        // It applies to every single-bit fraction, subnormals included.
        if n_fract_bits == 1 {
            m2 -= 1;
        }
        if m2 < 0 {
            // M cannot be scaled down further, so everything else goes up.
            b2 -= m2;
            s2 -= m2;
            m2 = 0;
        }
        Scale { b5, b2, s5, s2, m5: b5, m2 }
    }
}

/// One way of holding `B`, `S` and `M` while digits are developed.
trait Remainders {
    /// Java's loop body: `q = B / S`, `B = 10 (B mod S)`, `M = 10 M`, then whether
    /// the remainder is within `M` of the low end (`low`) or of `10 S` (`high`).
    /// `first` is the unrolled first iteration, which Java writes slightly apart.
    fn next_digit(&mut self, first: bool) -> (u32, bool, bool);
    /// Sign of `2 B - 10 S`: which way the last digit rounds when both ends are near.
    fn low_digit_difference(&self) -> i64;
}

/// The digit loop of `dtoa`, shared by all arithmetics, then the final rounding.
fn develop(mut r: impl Remainders, mut dec_exp: i32) -> Decimal {
    let mut decimal = Decimal::empty();
    let (q, mut low, mut high) = r.next_digit(true);
    if q == 0 && !high {
        // The exponent guess was one too high.
        dec_exp -= 1;
    } else {
        decimal.push(q);
    }
    // Scientific notation always shows a digit after the point, so Java develops
    // at least two digits there.
    if !(-3..8).contains(&dec_exp) {
        low = false;
        high = false;
    }
    while !low && !high {
        let (q, l, h) = r.next_digit(false);
        (low, high) = (l, h);
        if !decimal.push(q) {
            break;
        }
    }
    decimal.exponent = dec_exp + 1;
    let round_up = match (low, high) {
        (_, false) => false,
        (false, true) => true,
        (true, true) => match r.low_digit_difference() {
            0 => decimal.last_is_odd(),
            d => d > 0,
        },
    };
    if round_up {
        decimal.round_up();
    }
    decimal
}

/// Java's `int` and `long` shortcuts, wrapping where Java wraps (`M` can
/// overflow; Java then stops, or carries on with the wrapped value).
struct Fixed<T> {
    b: T,
    s: T,
    m: T,
    tens: T,
}

/// The handful of Java integer operations the shortcuts use.
trait JavaInt: Copy + Ord {
    const ZERO: Self;
    fn from_u64(v: u64) -> Self;
    fn shl(self, n: i32) -> Self;
    fn mul(self, o: Self) -> Self;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn rem(self, o: Self) -> Self;
    fn to_i64(self) -> i64;
}

macro_rules! java_int {
    ($t:ty) => {
        impl JavaInt for $t {
            const ZERO: Self = 0;
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            fn shl(self, n: i32) -> Self {
                self.wrapping_shl(n as u32)
            }
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            // S is never 0; 0 keeps a broken input from panicking.
            fn div(self, o: Self) -> Self {
                self.checked_div(o).unwrap_or(0)
            }
            fn rem(self, o: Self) -> Self {
                self.checked_rem(o).unwrap_or(0)
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
        }
    };
}
java_int!(i32);
java_int!(i64);

impl<T: JavaInt> Fixed<T> {
    fn new(fract: u64, scale: &Scale) -> Fixed<T> {
        // Exponents of 5 are at most 26 here (the bit estimates keep them small).
        let pow5 = |e: i32| T::from_u64(5u64.wrapping_pow(e as u32));
        let s = pow5(scale.s5).shl(scale.s2);
        Fixed {
            b: T::from_u64(fract).mul(pow5(scale.b5)).shl(scale.b2),
            s,
            m: pow5(scale.m5).shl(scale.m2),
            tens: s.mul(T::from_u64(10)),
        }
    }
}

impl<T: JavaInt> Remainders for Fixed<T> {
    fn next_digit(&mut self, first: bool) -> (u32, bool, bool) {
        let ten = T::from_u64(10);
        let q = self.b.div(self.s);
        self.b = self.b.rem(self.s).mul(ten);
        self.m = self.m.mul(ten);
        if first || self.m > T::ZERO {
            // Note `>`: the big-integer path uses `>=`.
            (q.to_i64() as u32, self.b < self.m, self.b.add(self.m) > self.tens)
        } else {
            // Java: M overflowed, so it is certainly past both ends.
            (q.to_i64() as u32, true, true)
        }
    }

    fn low_digit_difference(&self) -> i64 {
        self.b.shl(1).sub(self.tens).to_i64()
    }
}

/// Java's big-integer path when `B`, `10 S` and `20 S` fit in a `u128`: exact,
/// like Java's `FDBigInteger`, so the digits are the same.
struct Exact128 {
    b: u128,
    s: u128,
    m: u128,
    tens: u128,
}

impl Exact128 {
    /// `None` when a value does not fit.
    fn new(fract: u64, scale: &Scale) -> Option<Exact128> {
        let s = shl_exact(pow5_u128(scale.s5)?, scale.s2)?;
        let b = shl_exact(u128::from(fract).checked_mul(pow5_u128(scale.b5)?)?, scale.b2)?;
        let m = shl_exact(pow5_u128(scale.m5)?, scale.m2)?;
        // Headroom for `2 B` and `8 S`; B < 10 S.
        let tens = s.checked_mul(20)? / 2;
        (b < tens).then_some(Exact128 { b, s, m, tens })
    }
}

fn pow5_u128(e: i32) -> Option<u128> {
    5u128.checked_pow(u32::try_from(e).ok()?)
}

/// `x << n` if no bit is lost.
fn shl_exact(x: u128, n: i32) -> Option<u128> {
    let n = u32::try_from(n).ok()?;
    (n < 128 && x.leading_zeros() >= n).then(|| x << n)
}

impl Remainders for Exact128 {
    fn next_digit(&mut self, _first: bool) -> (u32, bool, bool) {
        // Long division by shifts: the quotient is below 10, and four
        // compare-and-subtract steps are much cheaper than a 128-bit division.
        let mut q = 0;
        for bit in (0..4).rev() {
            let part = self.s << bit;
            if self.b >= part {
                self.b -= part;
                q |= 1 << bit;
            }
        }
        if self.b >= self.s {
            // A quotient past 15 cannot happen (B < 10 S); finish it anyway.
            q += (self.b / self.s) as u32;
            self.b %= self.s;
        }
        self.b *= 10;
        // M may outgrow u128; saturated, it is still past both ends, as the
        // real one is, so the answers stay exact.
        self.m = self.m.saturating_mul(10);
        (q, self.b < self.m, self.b.saturating_add(self.m) >= self.tens)
    }

    fn low_digit_difference(&self) -> i64 {
        // `2 B` fits: B < 10 S and 20 S fits.
        (self.b * 2).cmp(&self.tens) as i64
    }
}

/// 64-bit limbs of the big integers: the largest value (`M` for tiny subnormals,
/// after normalisation) needs 14.
const LIMBS: usize = 16;
/// Powers of five kept ready (Java caches as many): `5^324` is the largest used.
const CACHED_POW5: usize = 340;

/// A fixed-size natural number, least significant limb first; `len` limbs are in
/// use, the top one is non-zero (or `len` is 0) and the rest are zero.
#[derive(Clone, Copy)]
struct Big {
    limbs: [u64; LIMBS],
    len: usize,
}

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut limbs = [0; LIMBS];
        limbs[0] = v;
        Big { limbs, len: usize::from(v != 0) }
    }

    /// `5^e`, from a table built on first use.
    fn pow5(e: i32) -> Big {
        static TABLE: std::sync::OnceLock<Vec<Big>> = std::sync::OnceLock::new();
        let table = TABLE.get_or_init(|| {
            std::iter::successors(Some(Big::from_u64(1)), |p| {
                let mut next = *p;
                next.mul_small(5);
                Some(next)
            })
            .take(CACHED_POW5 + 1)
            .collect()
        });
        let e = e.max(0) as usize;
        match table.get(e) {
            Some(p) => *p,
            None => {
                let mut p = table[CACHED_POW5];
                for _ in CACHED_POW5..e {
                    p.mul_small(5);
                }
                p
            }
        }
    }

    fn limb(&self, i: usize) -> u64 {
        self.limbs.get(i).copied().unwrap_or(0)
    }

    fn bits(&self) -> usize {
        match self.len {
            0 => 0,
            len => 64 * len - self.limbs[len - 1].leading_zeros() as usize,
        }
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    /// `self *= k`. Values stay far below the capacity; a carry past it is dropped.
    fn mul_small(&mut self, k: u64) {
        let mut carry = 0u64;
        for limb in &mut self.limbs[..self.len] {
            let product = u128::from(*limb) * u128::from(k) + u128::from(carry);
            *limb = product as u64;
            carry = (product >> 64) as u64;
        }
        if carry != 0 && self.len < LIMBS {
            self.limbs[self.len] = carry;
            self.len += 1;
        }
        self.trim();
    }

    /// `self *= 10^k`.
    fn mul_pow10(&mut self, mut k: u32) {
        // 10^19 is the largest power of ten in a u64.
        while k > 0 {
            let step = k.min(19);
            self.mul_small(10u64.pow(step));
            k -= step;
        }
    }

    /// `self <<= n`, dropping bits past the capacity (never reached).
    fn shl(&mut self, n: i32) {
        let n = n.max(0) as usize;
        if self.len == 0 || n == 0 {
            return;
        }
        let (words, bits) = (n / 64, (n % 64) as u32);
        let mut out = [0u64; LIMBS];
        for (i, &v) in self.limbs[..self.len].iter().enumerate() {
            if let Some(slot) = out.get_mut(i + words) {
                *slot |= v << bits;
            }
            if bits > 0 {
                if let Some(slot) = out.get_mut(i + words + 1) {
                    *slot |= v >> (64 - bits);
                }
            }
        }
        self.limbs = out;
        self.len = (self.len + words + 1).min(LIMBS);
        self.trim();
    }

    /// `self = 10 (self - q s)` over the low `n` limbs in one pass; returns the
    /// signed value of everything above them (negative when `q` was too large).
    fn ten_times_sub_mul(&mut self, s: &Big, q: u64, n: usize) -> i128 {
        // `carry` holds the product's high part plus the borrow: at most q + 1.
        let (mut carry, mut ten_carry) = (0u64, 0u64);
        for (limb, &sl) in self.limbs[..n].iter_mut().zip(&s.limbs[..n]) {
            let product = u128::from(q) * u128::from(sl) + u128::from(carry);
            let (v, borrow) = limb.overflowing_sub(product as u64);
            carry = (product >> 64) as u64 + u64::from(borrow);
            let tenfold = u128::from(v) * 10 + u128::from(ten_carry);
            *limb = tenfold as u64;
            ten_carry = (tenfold >> 64) as u64;
        }
        let above = i128::from(self.limb(n)) - i128::from(carry);
        i128::from(ten_carry) + 10 * above
    }

    /// `self += s` over the low `n` limbs; returns the carry out.
    fn add_low(&mut self, s: &Big, n: usize) -> bool {
        let mut carry = false;
        for (limb, &sl) in self.limbs[..n].iter_mut().zip(&s.limbs[..n]) {
            let (v, c1) = limb.overflowing_add(sl);
            let (v, c2) = v.overflowing_add(u64::from(carry));
            *limb = v;
            carry = c1 || c2;
        }
        carry
    }

    fn cmp_to(&self, other: &Big) -> Ordering {
        self.len
            .cmp(&other.len)
            .then_with(|| self.limbs[..self.len].iter().rev().cmp(other.limbs[..other.len].iter().rev()))
    }
}

/// The shift that leaves exactly four zero bits on top of the highest limb of
/// a number of `bits` bits, so `10 S` has as many limbs as `S` and a quotient
/// guessed from the top limbs is off by at most one.
fn normalization_shift(bits: i32) -> i32 {
    (60 - bits).rem_euclid(64)
}

/// Java's big-integer path with exact fixed-size integers. `S` is normalised
/// (`normalization_shift`) and `B`, `M` scaled with it, as in Java.
struct ExactBig {
    b: Big,
    s: Big,
    m: Big,
    tens: Big,
    /// `M` is really `m × 10^m_pending`: multiplying it every digit costs as
    /// much as the division, and it rarely matters until the last digits.
    m_pending: u32,
    /// `S` is a power of two: one limb, the quotient comes from the top limb.
    s_single_limb: bool,
}

impl ExactBig {
    fn new(fract: u64, scale: &Scale) -> ExactBig {
        let mut s = Big::pow5(scale.s5);
        let shift = normalization_shift(s.bits() as i32 + scale.s2);
        s.shl(scale.s2 + shift);
        let mut m = Big::pow5(scale.m5);
        let mut b = m; // b5 == m5
        m.shl(scale.m2 + shift);
        b.mul_small(fract);
        b.shl(scale.b2 + shift);
        let mut tens = s;
        tens.mul_small(10);
        let s_single_limb = s.limbs[..s.len.saturating_sub(1)].iter().all(|&l| l == 0);
        ExactBig { b, s, m, tens, m_pending: 0, s_single_limb }
    }

    /// Java's `quoRemIteration`: `q = B / S`, `B = 10 (B mod S)`. The quotient
    /// guessed from the top limbs is exact or one too large, which adding
    /// `10 S` back corrects.
    fn quo_rem10(&mut self) -> u32 {
        let (b, s) = (&mut self.b, &self.s);
        let n = s.len;
        if n == 0 {
            return 0;
        }
        let s_top = s.limbs[n - 1];
        // B < 10 S has at most n limbs; a limb above only guards.
        if self.s_single_limb && b.limb(n) == 0 {
            let q = b.limbs[n - 1] / s_top;
            b.limbs[n - 1] %= s_top;
            b.trim();
            b.mul_small(10);
            return q as u32;
        }
        let top = (u128::from(b.limb(n)) << 64) | u128::from(b.limbs[n - 1]);
        let mut q = (top / u128::from(s_top)).min(u128::from(u32::MAX)) as u64;
        let mut above = b.ten_times_sub_mul(s, q, n);
        while above < 0 && q > 0 {
            above += i128::from(b.add_low(&self.tens, n));
            q -= 1;
        }
        if let Some(limb) = b.limbs.get_mut(n) {
            *limb = above.clamp(0, i128::from(u64::MAX)) as u64;
        }
        b.len = (n + 1).min(LIMBS);
        b.trim();
        q as u32
    }

    /// `(false, false)` when `M` is certainly below `B` and below `10 S - B`,
    /// decided without multiplying it out: `10^k < 2^(4k)` bounds its size, and
    /// the top two limbs of `B` and `10 S` bound the sum.
    fn quick_bounds(&self) -> Option<(bool, bool)> {
        let n = self.tens.len;
        let window = 64 * n.checked_sub(2)?;
        let m_bits = self.m.bits() + 4 * self.m_pending as usize;
        if self.b.bits() <= m_bits {
            return None;
        }
        // In units of 2^window: M < m_units, and B < top(B) + 1.
        let m_units = 1u128.checked_shl(u32::try_from(m_bits.saturating_sub(window)).ok()?)?;
        let top = |v: &Big| (u128::from(v.limbs[n - 1]) << 64) | u128::from(v.limbs[n - 2]);
        let reach = top(&self.b).checked_add(1)?.checked_add(m_units)?;
        (reach <= top(&self.tens)).then_some((false, false))
    }

    /// `B + M >= 10 S`, usually decided by the top limbs as in Java's
    /// `addAndCmp`, else by one pass over `10 S - B - M` without storing it.
    fn sum_at_least_tens(&self) -> bool {
        let (b, m, tens) = (&self.b, &self.m, &self.tens);
        let n = tens.len;
        if n == 0 || b.len > n || m.len > n {
            return true;
        }
        // The limbs below the top add less than two units to the top limb.
        let top = u128::from(b.limbs[n - 1]) + u128::from(m.limbs[n - 1]);
        let tens_top = u128::from(tens.limbs[n - 1]);
        if top + 2 <= tens_top {
            return false;
        }
        if top > tens_top {
            return true;
        }
        let mut borrow = 0i128;
        let mut nonzero = false;
        for i in 0..n {
            let t = i128::from(tens.limbs[i]) - i128::from(b.limbs[i]) - i128::from(m.limbs[i]) + borrow;
            nonzero |= t as u64 != 0;
            borrow = t >> 64;
        }
        borrow < 0 || !nonzero
    }
}

impl Remainders for ExactBig {
    fn next_digit(&mut self, _first: bool) -> (u32, bool, bool) {
        let q = self.quo_rem10();
        self.m_pending += 1;
        if let Some((low, high)) = self.quick_bounds() {
            return (q, low, high);
        }
        self.m.mul_pow10(self.m_pending);
        self.m_pending = 0;
        let low = self.b.cmp_to(&self.m) == Ordering::Less;
        (q, low, self.sum_at_least_tens())
    }

    fn low_digit_difference(&self) -> i64 {
        let mut twice = self.b;
        twice.mul_small(2);
        twice.cmp_to(&self.tens) as i64
    }
}

/// Java's `getChars`: plain notation for `10^-3 <= |x| < 10^7` (always a digit
/// after the point), computerized scientific notation (`1.0E10`) otherwise.
fn layout(negative: bool, decimal: &Decimal) -> String {
    let digits = &decimal.digits[..decimal.len];
    let exp = decimal.exponent;
    let mut out = String::with_capacity(26);
    if negative {
        out.push('-');
    }
    if exp > 0 && exp < 8 {
        let point = exp as usize;
        let int_len = digits.len().min(point);
        push_digits(&mut out, &digits[..int_len]);
        if int_len < point {
            push_zeros(&mut out, point - int_len);
            out.push_str(".0");
        } else {
            out.push('.');
            match &digits[int_len..] {
                [] => out.push('0'),
                frac => push_digits(&mut out, frac),
            }
        }
    } else if exp <= 0 && exp > -3 {
        out.push_str("0.");
        push_zeros(&mut out, (-exp) as usize);
        push_digits(&mut out, digits);
    } else {
        let (first, rest) = digits.split_first().unwrap_or((&b'0', &[]));
        out.push(char::from(*first));
        out.push('.');
        match rest {
            [] => out.push('0'),
            rest => push_digits(&mut out, rest),
        }
        out.push('E');
        push_int(&mut out, exp - 1);
    }
    out
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(d)));
}

fn push_zeros(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n('0', n));
}

/// A small exponent (at most three digits) without going through `fmt`.
fn push_int(out: &mut String, v: i32) {
    if v < 0 {
        out.push('-');
    }
    let v = v.unsigned_abs();
    if v >= 100 {
        out.push(char::from(b'0' + (v / 100 % 10) as u8));
    }
    if v >= 10 {
        out.push(char::from(b'0' + (v / 10 % 10) as u8));
    }
    out.push(char::from(b'0' + (v % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    // How this was checked against the JVM (OpenJDK 17.0.15): the generator
    // `scripts/JavaFloatText.java` printed Java's text for 2.3 million chosen
    // values (every power of two and of ten, with one-digit multiples and
    // neighbours, integers around 2^24..2^64, subnormals, fractions with 0..52
    // trailing zero bits at every exponent, short decimals, casts of random ints
    // and longs) and for 40 million random bit patterns (20 million doubles, 20
    // million floats, seeds 42 and 2024): all identical to this module, where the
    // shortest round-trip digits differed for 348,267 and 2,273,592 of them.
    // Every non-negative float bit pattern (2^31 of them; a sign only adds `-`)
    // was compared through per-block hashes (`floathash 0 128`): identical.
    // `matches_jvm_output` re-runs such a file.

    /// Java 17's output for values chosen from the comparison runs: the
    /// extremes, the notation boundaries, then mostly values whose text differs
    /// from the shortest round-trip digits, and some ordinary ones.
    const DOUBLES: &[(u64, &str)] = &[
        (0x0000_0000_0000_0000, "0.0"),
        (0x8000_0000_0000_0000, "-0.0"),
        (0x0000_0000_0000_0001, "4.9E-324"),
        (0x0010_0000_0000_0000, "2.2250738585072014E-308"),
        (0x7fef_ffff_ffff_ffff, "1.7976931348623157E308"),
        (0x3ff0_0000_0000_0000, "1.0"),
        (0xbff0_0000_0000_0000, "-1.0"),
        (0x3fb9_9999_9999_999a, "0.1"),
        (0x3fd5_5555_5555_5555, "0.3333333333333333"),
        (0x3f50_624d_d2f1_a9fc, "0.001"),
        (0x3f50_624d_d2f1_a9fb, "9.999999999999998E-4"),
        (0x4163_12d0_0000_0000, "1.0E7"),
        (0x4163_12cf_ffff_ffff, "9999999.999999998"),
        (0x3f1a_36e2_eb1c_432d, "1.0E-4"),
        (0x3f84_7ae1_47ae_147b, "0.01"),
        (0x4163_12cf_e000_0000, "9999999.0"),
        (0x43d0_0000_0000_0000, "4.6116860184273879E18"),
        (0x43e0_0000_0000_0000, "9.223372036854776E18"),
        (0x4340_0000_0000_0000, "9.007199254740992E15"),
        (0x4340_0000_0000_0001, "9.007199254740994E15"),
        (0x4170_0000_1000_0000, "1.6777217E7"),
        (0x44b5_2d02_c7e1_4af6, "9.999999999999999E22"),
        (0x44c5_2d02_c7e1_4af6, "1.9999999999999998E23"),
        (0x4480_f0cf_064d_d592, "1.0E22"),
        (0x444b_1ae4_d6e2_ef50, "1.0E21"),
        (0x4341_c379_37e0_8000, "1.0E16"),
        (0x430c_6bf5_2634_0000, "1.0E15"),
        (0x419d_6f34_5400_0000, "1.23456789E8"),
        (0x41df_ffff_ffc0_0000, "2.147483647E9"),
        (0x3fd3_3333_3333_3333, "0.3"),
        (0x0000_0000_0000_0003, "1.5E-323"),
        (0x0000_0000_0000_0007, "3.5E-323"),
        (0x0008_0000_0000_0000, "1.1125369292536007E-308"),
        (0x0000_0000_0000_0002, "1.0E-323"),
        (0x0000_1268_8b70_e62b, "1.0E-310"),
        (0x7fe1_ccf3_85eb_c8a0, "1.0E308"),
        (0x7fe0_0000_0000_0000, "8.98846567431158E307"),
        (0x3ff8_0000_0000_0000, "1.5"),
        (0x3efa_36e2_eb1c_432d, "2.5E-5"),
        (0x3ee4_f8b5_88e3_68f1, "1.0E-5"),
        (0x0000_0000_0000_000a, "4.9E-323"),
        (0x436d_1cca_3213_92ea, "6.5555432589793104E16"),
        (0xc367_7c3b_3f0e_0cee, "-5.2884146937161584E16"),
        (0xc3a4_6ac5_da5d_6aee, "-7.3560288497535974E17"),
        (0xc3be_be7a_bcc6_fad6, "-2.21534301792363059E18"),
        (0x43a4_ee39_a000_0000, "7.5410314228662272E17"),
        (0x43a2_d05f_0000_0000, "6.7784397072157901E17"),
        (0x43df_d5bd_2000_0000, "9.1757901214069555E18"),
        (0x4385_1820_0000_0000, "1.90000007326203904E17"),
        (0xc37a_4556_9a12_d931, "-1.18313402382521104E17"),
        (0xc39e_7419_cb5b_2b35, "-5.4860181990872198E17"),
        (0x43c9_ac85_4000_0000, "3.7000001137336648E18"),
        (0xc386_9e23_9b50_83bf, "-2.03722408141551584E17"),
        (0xc3bb_af22_50ff_d2f8, "-1.99485089123316326E18"),
        (0x439f_a63a_d1be_5e3c, "5.7014373345653939E17"),
        (0x43c8_ce28_7ba4_c556, "3.5748212272463002E18"),
        (0xd2e0_0000_0000_0000, "-1.6296287810675889E91"),
        (0x43a6_8c38_2000_0000, "8.1236763783200768E17"),
        (0x4392_410e_3cd5_c8e1, "3.2883705515410848E17"),
        (0x4361_adb1_64db_129a, "3.9808416135812304E16"),
        (0x43aa_5e95_2000_0000, "9.5006002873421005E17"),
        (0xc3a1_6461_a0c6_7c8b, "-6.2661696973427648E17"),
        (0x43a2_177b_3f2e_686e, "6.5182306421939994E17"),
        (0x43d6_8d28_e000_0000, "6.4999999323536097E18"),
        (0x42e5_3660_ed9c_60f4, "1.8658638881664762E14"),
        (0x43b2_18c3_e320_cb65, "1.30400747239895168E18"),
        (0x43a5_4c05_e000_0000, "7.6730401632865485E17"),
        (0x43b2_d8d0_c000_0000, "1.35806481070450278E18"),
        (0x07a0_0000_0000_0000, "5.9152609308338736E-272"),
        (0x33d0_0000_0000_0000, "3.9827297778311307E-59"),
        (0x4360_eb78_0000_0000, "3.8100002047787008E16"),
        (0x43bd_175f_aa89_9af3, "2.09624933762196762E18"),
        (0x436e_ac37_6000_0000, "6.9068825080889344E16"),
        (0x43d1_a44c_a000_0000, "5.0849009796152033E18"),
        (0x43d8_d0da_ccdd_ebf9, "7.1526785019899996E18"),
        (0xc37d_bf9f_a80d_2a9f, "-1.33975468235991536E17"),
        (0x44e5_2d02_c7e1_4af6, "7.999999999999999E23"),
        (0x4366_561c_21a8_2b29, "5.0297026491013448E16"),
        (0x4386_f212_0000_0000, "2.06675475550961664E17"),
        (0x43d0_0f70_b67b_e72f, "4.6290702332904561E18"),
        (0x43d3_7b1f_4000_0000, "5.6150002743776379E18"),
        (0xc3bf_6218_853a_93ce, "-2.26139692338589235E18"),
        (0x43c4_7fbd_329f_d41b, "2.9542144558566088E18"),
        (0x43d4_d112_0d7b_15fd, "5.9999999999999969E18"),
        (0xc3de_3ff8_4e4f_a12d, "-8.7189350395908393E18"),
        (0xc3c9_de5d_0fc3_41b1, "-3.7280592361194378E18"),
        (0x43d1_5008_2000_0000, "4.9900241212544123E18"),
        (0x4351_3291_a000_0000, "1.9362702560329728E16"),
        (0x439f_0afc_e000_0000, "5.5921955098643661E17"),
        (0x43d8_ebc6_a000_0000, "7.1829890677373665E18"),
        (0x437a_7729_4b18_7618, "1.19189898107773312E17"),
        (0xc3dd_69a6_c6a6_ff9f, "-8.4776338871601388E18"),
        (0x97b0_0000_0000_0000, "-1.3698808431302519E-194"),
        (0x43bf_799c_b546_316a, "2.26801618973841254E18"),
        (0x438d_babc_e000_0000, "2.67779030378348544E17"),
        (0xc385_0427_21e0_eca4, "-1.89297300145542272E17"),
        (0x4386_68e6_b784_05e9, "2.01849267785088288E17"),
        (0x4359_a1dd_23f6_e2f8, "2.8859382323973088E16"),
        (0xc3b6_497f_4b2c_5b3e, "-1.60595470297774438E18"),
        (0xc397_cdea_5a4e_fe42, "-4.2882117667281728E17"),
        (0x43c0_915a_4000_0000, "2.3876692143085978E18"),
        (0xc38e_4be5_3827_e0bc, "-2.72886309217638272E17"),
        (0x435a_7c94_1079_e6de, "2.9821299071622008E16"),
        (0x43a1_8f42_c000_0000, "6.3265170635777638E17"),
        (0x43ab_817a_8000_0000, "9.9100000059706573E17"),
        (0x43c6_bfb2_236c_e30a, "3.2784493092131359E18"),
        (0x4350_0000_0000_0038, "1.8014398509482208E16"),
        (0xc365_625a_a6f3_36fc, "-4.8152927987677152E16"),
        (0x4361_b338_547a_b285, "3.9857032967590952E16"),
        (0x0000_0000_0000_000c, "5.9E-323"),
        (0xc37a_c6c1_d628_26d7, "-1.20590163494727024E17"),
        (0x4365_c8ea_5ae3_7a0f, "4.9055067069468792E16"),
        (0x4397_c23e_2034_2c06, "4.2799977909734643E17"),
        (0xc380_0000_0000_0001, "-1.44115188075855904E17"),
        (0x438b_9ed2_c8cd_4b40, "2.48782480652986368E17"),
        (0x15f0_0000_0000_0000, "5.1032038149619546E-203"),
        (0x438b_ad67_4000_0000, "2.49295466821320704E17"),
        (0x438c_5e99_8000_0000, "2.55530006988455936E17"),
        (0x43da_b0a0_600d_a938, "7.6928535011748004E18"),
        (0x439b_37de_8000_0000, "4.9032020102008013E17"),
        (0x4385_1cab_13e2_ad8c, "1.90159859505017216E17"),
        (0x4377_4d6f_0e5d_a472, "1.04945021473146656E17"),
        (0x43bb_7d06_69bf_aa20, "1.98074646236981658E18"),
        (0xc3b4_9d91_b686_573c, "-1.48550366522607104E18"),
        (0x43b0_d5f0_2a52_9608, "1.21313973921107354E18"),
        (0x43d8_3551_4000_0000, "6.9775590639827681E18"),
        (0x4372_5971_529f_0f7d, "8.2638285329987536E16"),
        (0x4353_ce59_8000_0000, "2.2299633409589248E16"),
        (0x43df_23f2_ade4_a9d1, "8.9756154721609492E18"),
        (0x4376_39be_03c2_872b, "1.00095004116546224E17"),
        (0x43d0_0000_0000_0001, "4.6116860184273889E18"),
        (0xc3b3_7df1_99b0_5d94, "-1.40454430120067584E18"),
        (0x43de_fbcb_8fd8_82ae, "8.9304074358616699E18"),
        (0x43dc_31ef_2000_0000, "8.1266713105551852E18"),
        (0xc35f_1925_5f10_889e, "-3.5013490309735032E16"),
        (0xc37b_287b_17a3_46ec, "-1.22309336221642432E17"),
        (0xc388_206b_1324_5de2, "-2.17313398265461824E17"),
        (0x4376_3457_8000_0000, "9.9999998430674944E16"),
        (0x4370_245c_7951_6bae, "7.2697267493452512E16"),
        (0x4380_aa95_6000_0000, "1.50117061274632192E17"),
        (0xc39e_1648_4e65_3cb7, "-5.4199994304214982E17"),
        (0x4397_3d7d_ef64_5cb1, "4.1865827589653613E17"),
        (0xc3be_58e1_c6e7_8f11, "-2.18674586349306291E18"),
        (0xc37c_6cc1_6c68_85d4, "-1.28014037618810176E17"),
        (0x439e_c968_48e6_abd6, "5.5460473844340877E17"),
        (0xc39d_c5f3_18e7_a2aa, "-5.3634702145071782E17"),
        (0xc315_2adc_cc8b_76d1, "-1.4895255809468682E15"),
        (0xc363_9548_aa2d_15b7, "-4.4097311062142392E16"),
        (0x4317_538f_66fa_198d, "1.6414499593600992E15"),
        (0x43dd_8a37_3937_2b68, "8.5142979710569431E18"),
        (0xc373_0f7a_6a4d_e0aa, "-8.5840688022686368E16"),
        (0xc375_651c_9bdb_e0c9, "-9.6354368948669584E16"),
        (0xc374_6639_c7ea_38b4, "-9.1870366198369088E16"),
        (0xc3df_5bb3_9e40_4dae, "-9.0383885212858921E18"),
        (0x4370_1a5d_cd0c_f4b2, "7.2521436829272864E16"),
        (0xc387_9593_61a3_c430, "-2.12428310246360576E17"),
        (0x43d8_88fa_ae08_9259, "7.0717539164719278E18"),
        (0x4385_3cbe_f354_f60f, "1.91288490713858528E17"),
        (0xc368_9f19_e9a9_c699, "-5.5442664674178248E16"),
        (0xc39d_21c8_8897_fcde, "-5.2479484758060019E17"),
        (0xc3cd_9f32_338e_94a5, "-4.2689598908274632E18"),
        (0x4383_3615_74f8_493c, "1.73039690948618112E17"),
        (0x4391_970a_9008_7772, "3.1687335846542451E17"),
        (0x42e8_2397_9b54_1c04, "2.1232917168969612E14"),
        (0x43a6_0a70_75e3_955e, "7.9410273511661133E17"),
        (0x430c_70f3_3b7c_8ab2, "1.0006861656599902E15"),
        (0x4369_19d2_0748_f3d1, "5.6522114190515848E16"),
        (0x431f_4fdc_11ad_a125, "2.2033827215053532E15"),
        (0x43c6_b5c4_435b_c454, "3.2728596664009789E18"),
        (0xc3aa_5c40_5d4b_e945, "-9.4973195614661082E17"),
        (0xc3d0_06d0_d3a2_ad64, "-4.6193598474122404E18"),
        (0xc359_bda0_f904_7388, "-2.8981493952007712E16"),
        (0xc3a2_7c4a_8122_bbbb, "-6.6601075414439462E17"),
        (0xc369_26e7_4022_da30, "-5.6637192584745344E16"),
        (0x43d4_dada_1c79_a8ef, "6.0110129660661422E18"),
        (0x4059_2000_0000_0000, "100.5"),
        (0x4011_6666_6666_6666, "4.35"),
        (0x40fe_240c_9fbe_76c9, "123456.789"),
        (0xc05e_dd2f_1a9f_be77, "-123.456"),
        (0x3fe0_0000_0000_0000, "0.5"),
        (0x4132_d687_0000_0000, "1234567.0"),
        (0x4167_8c29_c000_0000, "1.2345678E7"),
        (0x3f54_37c5_692b_3cc5, "0.001234"),
        (0x3c32_3c2b_0000_0000, "9.885230182121083E-19"),
        (0xc165_2353_4000_0000, "-1.1082394E7"),
        (0x3d6d_e81e_8ece_0dea, "8.5E-13"),
        (0xc1da_9e95_df40_0000, "-1.786402685E9"),
        (0x3d91_9799_8000_0000, "3.999999984016789E-12"),
        (0x3b74_09a0_4da6_a41f, "2.6519545811E-22"),
        (0x3d10_110c_26d7_9a60, "1.427E-14"),
        (0xc1da_ca62_4dc0_0000, "-1.797884215E9"),
        (0x40f1_5130_0000_0000, "70931.0"),
        (0xc197_f98d_4000_0000, "-1.00557648E8"),
        (0x3edd_88e4_8000_0000, "7.041629942250438E-6"),
        (0x44a1_aa13_2000_0000, "4.170877740140028E22"),
        (0x3ce2_a30c_e000_0000, "2.0691132370697285E-15"),
        (0x4006_5d46_5478_2759, "2.7955443"),
        (0x40f1_b460_0000_0000, "72518.0"),
        (0x4246_fdf5_6b80_0000, "1.975E11"),
        (0x533e_ae8c_aef2_61ab, "9.999999999999998E92"),
        (0x3da0_7167_2000_0000, "7.477401510469495E-12"),
        (0xc16b_ec12_8000_0000, "-1.4639252E7"),
        (0xeb92_0000_0000_0000, "-1.47941322231048E210"),
        (0x40c3_1a66_6666_6666, "9780.8"),
        (0x3a62_be57_9cca_75cd, "1.8926123E-27"),
        (0x3f00_f57d_2913_c8ea, "3.234661302E-5"),
        (0x41db_0cc6_9980_0000, "1.815288422E9"),
        (0x4798_35ac_be4f_236a, "8.04504182115879E36"),
        (0x4020_23bf_4000_0000, "8.069818496704102"),
        (0x2420_0000_0000_0001, "1.100656821463792E-134"),
    ];

    const FLOATS: &[(u32, &str)] = &[
        (0x0000_0000, "0.0"),
        (0x8000_0000, "-0.0"),
        (0x0000_0001, "1.4E-45"),
        (0x0080_0000, "1.17549435E-38"),
        (0x7f7f_ffff, "3.4028235E38"),
        (0x3f80_0000, "1.0"),
        (0x3dcc_cccd, "0.1"),
        (0x3eaa_aaab, "0.33333334"),
        (0x3a83_126f, "0.001"),
        (0x4b18_9680, "1.0E7"),
        (0x4f00_0000, "2.14748365E9"),
        (0x4b80_0000, "1.6777216E7"),
        (0x5e80_0000, "4.611686E18"),
        (0x5f00_0000, "9.223372E18"),
        (0x5015_02f9, "1.0E10"),
        (0x0000_0002, "2.8E-45"),
        (0x0040_0000, "5.877472E-39"),
        (0x0001_16c2, "1.0E-40"),
        (0x3e99_999a, "0.3"),
        (0x4c00_0000, "3.3554432E7"),
        (0x3727_c5ac, "1.0E-5"),
        (0x4b18_967f, "9999999.0"),
        (0x5380_0000, "1.09951163E12"),
        (0x4e29_bca1, "7.1192787E8"),
        (0x558d_35a6, "1.94076947E13"),
        (0xce7d_5b49, "-1.06265453E9"),
        (0xd062_8cd0, "-1.52035164E10"),
        (0xd533_6315, "-1.23273835E13"),
        (0x5acd_0ee9, "2.88593821E16"),
        (0x59af_690f, "6.1717043E15"),
        (0x5a2b_f38b, "1.20999998E16"),
        (0x4e4b_9c4e, "8.5400461E8"),
        (0x4eb3_a250, "1.50687949E9"),
        (0x4eba_5b96, "1.56328218E9"),
        (0x0000_0003, "4.2E-45"),
        (0x5e51_b80a, "3.77795989E18"),
        (0x4eac_4e5e, "1.44540851E9"),
        (0xce7b_14fd, "-1.05311418E9"),
        (0x8000_0001, "-1.4E-45"),
        (0x4ead_ca98, "1.45786778E9"),
        (0xd963_5865, "-3.99950066E15"),
        (0xcea3_46d9, "-1.36966464E9"),
        (0xcf51_1341, "-3.50769997E9"),
        (0xcec2_1549, "-1.62808742E9"),
        (0x4ec5_1361, "1.65319078E9"),
        (0x5172_d017, "6.5179578E10"),
        (0x8000_0002, "-2.8E-45"),
        (0xd5dc_a107, "-3.03230207E13"),
        (0x4dee_91fb, "5.00318048E8"),
        (0x4ea9_ec21, "1.42541222E9"),
        (0x57e3_5fa9, "4.99999993E14"),
        (0xcdd8_f528, "-4.54993152E8"),
        (0x5e07_d6ca, "2.44705824E18"),
        (0x55ed_d3fe, "3.26868444E13"),
        (0x508c_85c9, "1.88606239E10"),
        (0xd924_8732, "-2.89440906E15"),
        (0x4d67_6b1f, "2.42659824E8"),
        (0x4ed2_42f5, "1.76380173E9"),
        (0x59ff_8a23, "8.9910002E15"),
        (0xcedf_12a8, "-1.87127091E9"),
        (0xd03a_1d54, "-1.24899369E10"),
        (0x534b_2518, "8.7250069E11"),
        (0x5b2d_cd58, "4.8920949E16"),
        (0xcef7_f8d3, "-2.08013965E9"),
        (0x4e43_71c2, "8.1975309E8"),
        (0x4d7f_bf05, "2.68169296E8"),
        (0xcedd_8184, "-1.85812634E9"),
        (0xd51d_976a, "-1.08296028E13"),
        (0x4efe_8491, "2.13505037E9"),
        (0x522a_bf9d, "1.83339794E11"),
        (0xce43_f30d, "-8.2187142E8"),
        (0x4e8b_c977, "1.17261811E9"),
        (0xcda1_d8a9, "-3.39416352E8"),
        (0x5d31_351d, "7.9807151E17"),
        (0x5446_c6bc, "3.41495094E12"),
        (0x53c4_893b, "1.68823187E12"),
        (0xcd99_8729, "-3.21971488E8"),
        (0xceee_a98a, "-2.00204416E9"),
        (0x5031_e283, "1.19376476E10"),
        (0x4e90_dc5e, "1.21518054E9"),
        (0x505d_0c70, "1.48343194E10"),
        (0x4e11_b1e0, "6.1108838E8"),
        (0xced5_49d8, "-1.78919322E9"),
        (0x4d7d_1c83, "2.65406512E8"),
        (0x5468_cecc, "3.99960755E12"),
        (0x4e29_8de1, "7.1116192E8"),
        (0x4e91_b6f6, "1.22234342E9"),
        (0x4ea7_aa89, "1.40648563E9"),
        (0x4eff_fffd, "2.14748326E9"),
        (0xcecc_8b6d, "-1.71584474E9"),
        (0x4e0c_592b, "5.8866349E8"),
        (0x4ee4_66a8, "1.91596646E9"),
        (0x4e4d_f047, "8.6376902E8"),
        (0xde66_fba7, "-4.16102012E18"),
        (0xcc97_ed14, "-7.9653024E7"),
        (0x4d4b_06c1, "2.12888592E8"),
        (0x54e3_b6a0, "7.8241721E12"),
        (0x51da_ca07, "1.17461541E11"),
        (0x4efb_df09, "2.11284902E9"),
        (0xcec2_7663, "-1.63126925E9"),
        (0x56b0_7e46, "9.7028193E13"),
        (0x524a_f908, "2.17940361E11"),
        (0x5911_a2cd, "2.56205456E15"),
        (0xda7a_6037, "-1.76186334E16"),
        (0x4fe3_e50d, "7.6468782E9"),
        (0x55bc_68f4, "2.58948695E13"),
        (0xd51c_925c, "-1.07595264E13"),
        (0xdea1_6374, "-5.8146331E18"),
        (0x4d69_ef9f, "2.45299696E8"),
        (0x53d9_9251, "1.86892537E12"),
        (0x5ca7_d100, "3.77888952E17"),
        (0x50be_f5a6, "2.56301588E10"),
        (0xd141_8ae6, "-5.1953689E10"),
        (0xd30e_bc53, "-6.1304491E11"),
        (0x5034_c42b, "1.21310198E10"),
        (0xd7cd_21f5, "-4.51091456E14"),
        (0x4da4_7c35, "3.44950432E8"),
        (0x5a83_b061, "1.85335763E16"),
        (0x5563_0269, "1.55999682E13"),
        (0xdbb3_8637, "-1.01063183E17"),
        (0xd8c5_6c7e, "-1.73655809E15"),
        (0xd8ef_b8b8, "-2.10861312E15"),
        (0xdc13_24b2, "-1.65668674E17"),
        (0xd3ca_2954, "-1.73655353E12"),
        (0x5a7a_b8be, "1.76429676E16"),
        (0xd6ad_d463, "-9.5563853E13"),
        (0xd005_bcba, "-8.9749524E9"),
        (0x582d_18b8, "7.6128671E14"),
        (0x4c09_33dc, "3.5966832E7"),
        (0xde32_ddab, "-3.22216143E18"),
        (0xd45e_bb32, "-3.82649342E12"),
        (0x4fef_aa11, "8.0418002E9"),
        (0xd803_c9f5, "-5.7961369E14"),
        (0x4e89_8a59, "1.15377267E9"),
        (0xd19e_23f8, "-8.4901036E10"),
        (0x42c9_0000, "100.5"),
        (0x4049_0fdb, "3.1415927"),
        (0xc020_0000, "-2.5"),
        (0x3aa1_be2b, "0.001234"),
        (0x4996_b438, "1234567.0"),
        (0x4b3c_614e, "1.2345678E7"),
        (0x4d34_550f, "1.8909208E8"),
        (0x24b4_d1fd, "7.841829E-17"),
        (0x4795_4580, "76427.0"),
        (0x41c8_0000, "25.0"),
        (0x7f7f_fffd, "3.402823E38"),
        (0x2416_5749, "3.26E-17"),
        (0x46ca_fe00, "25983.0"),
        (0xbf80_0000, "-1.0"),
        (0x517a_51c7, "6.7194614E10"),
        (0x5b3b_7f24, "5.2775613E16"),
        (0x77ea_21d1, "9.497526E33"),
        (0x6243_2809, "9.0E20"),
        (0x4725_cd00, "42445.0"),
    ];

    #[test]
    fn matches_java_17() {
        for &(bits, java) in DOUBLES {
            assert_eq!(double_to_string(f64::from_bits(bits)), java, "double {bits:#018x}");
        }
        for &(bits, java) in FLOATS {
            assert_eq!(float_to_string(f32::from_bits(bits)), java, "float {bits:#010x}");
        }
    }

    #[test]
    fn named_values() {
        assert_eq!(double_to_string(f64::from_bits(1)), "4.9E-324");
        assert_eq!(float_to_string(f32::from_bits(1)), "1.4E-45");
        assert_eq!(float_to_string(f32::MIN_POSITIVE), "1.17549435E-38");
        assert_eq!(float_to_string(i32::MAX as f32), "2.14748365E9");
        assert_eq!(double_to_string(f64::MAX), "1.7976931348623157E308");
        assert_eq!(double_to_string(-0.0), "-0.0");
        assert_eq!(double_to_string(f64::NAN), "NaN");
        assert_eq!(float_to_string(f32::NEG_INFINITY), "-Infinity");
        assert_eq!(double_to_string(0.001), "0.001");
        assert_eq!(double_to_string(1e7), "1.0E7");
        assert_eq!(double_to_string(2f64.powi(62)), "4.6116860184273879E18");
    }

    /// Java's `N_5_BITS` and `insignificantDigitsNumber` tables, which the code
    /// computes instead of listing.
    #[test]
    fn tables_match_java() {
        let n_5_bits = [
            0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61,
        ];
        for (i, &bits) in n_5_bits.iter().enumerate() {
            assert_eq!(approx_pow5_bits(i as i32), bits, "N_5_BITS[{i}]");
        }
        let insignificant = [
            0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10,
            10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18,
            18, 18, 19,
        ];
        // Java's last entry (2^63) is one too many; only p <= 37 is reachable.
        for (p, &digits) in insignificant.iter().enumerate().take(63) {
            assert_eq!(insignificant_digits_of_pow2(p as i32), digits, "insignificantDigitsNumber[{p}]");
        }
    }

    /// Every binary exponent, with the fewest and the most fraction bits: the
    /// text parses back to the same value (Java's output always does), and the
    /// fixed-size integers never run out of limbs.
    #[test]
    fn every_exponent_round_trips() {
        for biased in 0..0x7ffu64 {
            for fract in [0, 1, 1 << 51, (1 << 52) - 1] {
                for sign in [0, 1u64 << 63] {
                    let x = f64::from_bits(sign | biased << 52 | fract);
                    assert_eq!(double_to_string(x).parse::<f64>().ok(), Some(x), "{x:e}");
                    check_capacity(x.abs().to_bits());
                }
            }
        }
        for biased in 0..0xffu32 {
            for fract in [0, 1, 1 << 22, (1 << 23) - 1] {
                let x = f32::from_bits(biased << 23 | fract);
                assert_eq!(float_to_string(x).parse::<f32>().ok(), Some(x), "{x:e}");
                assert_eq!(float_to_string(-x), format!("-{}", float_to_string(x)));
            }
        }
    }

    /// Runs the big-integer path for a double as `dtoa` would and checks that no
    /// value comes near the capacity (a full `Big` could drop a carry).
    fn check_capacity(bits: u64) {
        let biased = (bits >> 52) as i32;
        let fract = bits & SIGNIF_MASK;
        let (bin_exp, fract_bits, n_significant_bits) = match biased {
            0 if fract == 0 => return,
            0 => {
                let shift = fract.leading_zeros() - 11;
                (1 - shift as i32 - 1023, fract << shift, 64 - fract.leading_zeros())
            }
            _ => (biased - 1023, fract | FRACT_HOB, 53),
        };
        let tail_zeros = fract_bits.trailing_zeros();
        let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
        let n_tiny_bits = (n_fract_bits as i32 - bin_exp - 1).max(0);
        let dec_exp = estimate_dec_exp(fract_bits, bin_exp);
        let scale = Scale::new(dec_exp, bin_exp, n_tiny_bits, n_fract_bits, n_significant_bits);
        let mut exact = ExactBig::new(fract_bits >> tail_zeros, &scale);
        for _ in 0..20 {
            exact.next_digit(false);
            exact.m.mul_pow10(exact.m_pending);
            exact.m_pending = 0;
            let largest = [&exact.b, &exact.s, &exact.m, &exact.tens].map(|v| v.len).into_iter().max();
            assert!(largest < Some(LIMBS - 1), "{bits:#x}: {largest:?} limbs");
        }
    }

    /// Compares with text printed by the JVM: `JAVA_FLOAT_TEXT=file cargo test
    /// --lib matches_jvm_output -- --ignored`, where the file comes from
    /// `java scripts/JavaFloatText.java special` (or `random N SEED`): lines
    /// `d|f <hex bits> <text>`; or from `floathash`: lines `<block> <hash>`.
    #[test]
    #[ignore]
    fn matches_jvm_output() {
        use std::io::BufRead;
        let path = std::env::var("JAVA_FLOAT_TEXT").expect("JAVA_FLOAT_TEXT names the file");
        let file = std::io::BufReader::new(std::fs::File::open(path).expect("readable file"));
        let (mut compared, mut differ) = (0u64, 0u64);
        for line in file.lines().map(|l| l.expect("text")) {
            let mut parts = line.splitn(3, ' ');
            let (first, second, text) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next());
            let ours = match (first, text) {
                ("d", Some(_)) => double_to_string(f64::from_bits(u64::from_str_radix(second, 16).expect("hex"))),
                ("f", Some(_)) => float_to_string(f32::from_bits(u32::from_str_radix(second, 16).expect("hex"))),
                _ => format!("{:016x}", float_block_hash(first.parse().expect("block"))),
            };
            let java = text.unwrap_or(second);
            compared += 1;
            if ours != java {
                differ += 1;
                if differ <= 20 {
                    eprintln!("{first} {second}: Java {java}, PyRust {ours}");
                }
            }
        }
        assert_eq!(differ, 0, "{differ} of {compared} lines differ");
        eprintln!("{compared} lines identical");
    }

    /// 64-bit FNV-1a of the texts (each followed by `\n`) of the 2^24 floats whose
    /// bits start with `block`, as `JavaFloatText floathash` computes it.
    fn float_block_hash(block: u32) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325u64;
        for low in 0..1u32 << 24 {
            let text = float_to_string(f32::from_bits(block << 24 | low));
            for byte in text.bytes().chain([b'\n']) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        hash
    }
}
