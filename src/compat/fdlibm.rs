//! Java's `StrictMath` (fdlibm 5.3), which Spark's math functions call: `exp`,
//! `log`, `atan`... must give the JVM's last bit, or `show()` prints another digit.
//! FreeBSD's msun in the `libm` crate is fdlibm for `exp`, `expm1`, `log1p`,
//! `atan`, `asin`, `acos`, `atan2` and `pow` (checked bit for bit against the JVM on
//! thousands of inputs); `log`, `log10`, `cbrt`, `hypot`, `sinh`, `cosh` and `tanh`
//! were rewritten there, so they are ported here from fdlibm as the JDK has it.
//! `sin`, `cos` and `tan` (Spark calls `Math`'s) are HotSpot intrinsics, closest to the platform's.

pub use libm::{acos, asin, atan, atan2, exp, expm1, log1p, pow};

const TWO54: f64 = 18014398509481984.0; // 2^54
const EXP_BITS: i32 = 0x7ff0_0000;
const EXP_SIGNIF_BITS: i32 = 0x7fff_ffff;

fn hi(x: f64) -> i32 {
    (x.to_bits() >> 32) as i32
}

fn lo(x: f64) -> i32 {
    x.to_bits() as i32
}

fn with_hi(x: f64, high: i32) -> f64 {
    f64::from_bits((x.to_bits() & 0xFFFF_FFFF) | ((high as u32 as u64) << 32))
}

fn with_lo(x: f64, low: i32) -> f64 {
    f64::from_bits((x.to_bits() & 0xFFFF_FFFF_0000_0000) | (low as u32 as u64))
}

/// `StrictMath.log`.
pub fn log(mut x: f64) -> f64 {
    const LN2_HI: f64 = f64::from_bits(0x3FE62E42FEE00000); // 0x1.62e42feep-1
    const LN2_LO: f64 = f64::from_bits(0x3DEA39EF35793C76); // 0x1.a39ef35793c76p-33
    const LG1: f64 = f64::from_bits(0x3FE5555555555593); // 0x1.5555555555593p-1
    const LG2: f64 = f64::from_bits(0x3FD999999997FA04); // 0x1.999999997fa04p-2
    const LG3: f64 = f64::from_bits(0x3FD2492494229359); // 0x1.2492494229359p-2
    const LG4: f64 = f64::from_bits(0x3FCC71C51D8E78AF); // 0x1.c71c51d8e78afp-3
    const LG5: f64 = f64::from_bits(0x3FC7466496CB03DE); // 0x1.7466496cb03dep-3
    const LG6: f64 = f64::from_bits(0x3FC39A09D078C69F); // 0x1.39a09d078c69fp-3
    const LG7: f64 = f64::from_bits(0x3FC2F112DF3E5244); // 0x1.2f112df3e5244p-3
    let mut hx = hi(x);
    let lx = lo(x);
    let mut k = 0i32;
    if hx < 0x0010_0000 {
        if ((hx & EXP_SIGNIF_BITS) | lx) == 0 {
            return f64::NEG_INFINITY;
        }
        if hx < 0 {
            return f64::NAN;
        }
        k -= 54;
        x *= TWO54;
        hx = hi(x);
    }
    if hx >= EXP_BITS {
        return x + x;
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000f_ffff;
    let i = (hx.wrapping_add(0x9_5f64)) & 0x10_0000;
    x = with_hi(x, hx | (i ^ 0x3ff0_0000));
    k += i >> 20;
    let f = x - 1.0;
    if (0x000f_ffff & (2 + hx)) < 3 {
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            let dk = k as f64;
            return dk * LN2_HI + dk * LN2_LO;
        }
        let r = f * f * (0.5 - (1.0 / 3.0) * f);
        if k == 0 {
            return f - r;
        }
        let dk = k as f64;
        return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    let s = f / (2.0 + f);
    let dk = k as f64;
    let z = s * s;
    let mut i = hx - 0x6_147a;
    let w = z * z;
    let j = 0x6b851 - hx;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    i |= j;
    let r = t2 + t1;
    if i > 0 {
        let hfsq = 0.5 * f * f;
        if k == 0 {
            f - (hfsq - s * (hfsq + r))
        } else {
            dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f)
        }
    } else if k == 0 {
        f - s * (f - r)
    } else {
        dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f)
    }
}

/// `StrictMath.log10`.
pub fn log10(mut x: f64) -> f64 {
    const IVLN10: f64 = f64::from_bits(0x3FDBCB7B1526E50E); // 0x1.bcb7b1526e50ep-2
    const LOG10_2HI: f64 = f64::from_bits(0x3FD34413509F6000); // 0x1.34413509f6p-2
    const LOG10_2LO: f64 = f64::from_bits(0x3D59FEF311F12B36); // 0x1.9fef311f12b36p-42
    let mut hx = hi(x);
    let lx = lo(x);
    let mut k = 0i32;
    if hx < 0x0010_0000 {
        if ((hx & EXP_SIGNIF_BITS) | lx) == 0 {
            return f64::NEG_INFINITY;
        }
        if hx < 0 {
            return f64::NAN;
        }
        k -= 54;
        x *= TWO54;
        hx = hi(x);
    }
    if hx >= EXP_BITS {
        return x + x;
    }
    k += (hx >> 20) - 1023;
    let i = ((k as u32) >> 31) as i32;
    hx = (hx & 0x000f_ffff) | ((0x3ff - i) << 20);
    let y = (k + i) as f64;
    x = with_hi(x, hx);
    let z = y * LOG10_2LO + IVLN10 * log(x);
    z + y * LOG10_2HI
}

/// `StrictMath.cbrt`.
pub fn cbrt(x: f64) -> f64 {
    const B1: i32 = 715094163;
    const B2: i32 = 696219795;
    const C: f64 = f64::from_bits(0x3FE15F15F15F15F1); // 0x1.15f15f15f15f1p-1
    const D: f64 = f64::from_bits(0xBFE691DE2532C834); // -0x1.691de2532c834p-1
    const E: f64 = f64::from_bits(0x3FF6A0EA0EA0EA0F); // 0x1.6a0ea0ea0ea0fp0
    const F: f64 = f64::from_bits(0x3FF9B6DB6DB6DB6E); // 0x1.9b6db6db6db6ep0
    const G: f64 = f64::from_bits(0x3FD6DB6DB6DB6DB7); // 0x1.6db6db6db6db7p-2
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let sign = if x < 0.0 { -1.0 } else { 1.0 };
    let x = x.abs();
    let mut t = 0.0f64;
    if x < f64::MIN_POSITIVE {
        t = TWO54 * x;
        t = with_hi(t, hi(t) / 3 + B2);
    } else {
        t = with_hi(t, hi(x) / 3 + B1);
    }
    let r = t * t / x;
    let s = C + r * t;
    t *= G + F / (s + E + D / s);
    t = with_lo(t, 0);
    t = with_hi(t, hi(t) + 1);
    let s = t * t;
    let r = x / s;
    let w = t + t;
    let r = (r - t) / (w + r);
    sign * (t + t * r)
}

/// `StrictMath.hypot`.
pub fn hypot(x: f64, y: f64) -> f64 {
    let (mut a, mut b) = (x.abs(), y.abs());
    if !a.is_finite() || !b.is_finite() {
        return if a == f64::INFINITY || b == f64::INFINITY { f64::INFINITY } else { a + b };
    }
    if b > a {
        std::mem::swap(&mut a, &mut b);
    }
    let mut ha = hi(a);
    let mut hb = hi(b);
    if ha - hb > 0x3c00000 {
        return a + b;
    }
    let mut k = 0i32;
    if a > f64::from_bits(0x5F300000FFFFFFFF) {
        // a > ~2^500: scale by 2^-600
        ha -= 0x25800000;
        hb -= 0x25800000;
        a *= f64::from_bits(0x1A70000000000000);
        b *= f64::from_bits(0x1A70000000000000);
        k += 600;
    }
    if b < f64::from_bits(0x20B0000000000000) {
        // b < 2^-500
        if b < f64::MIN_POSITIVE {
            if b == 0.0 {
                return a;
            }
            let t1 = f64::from_bits(0x7FD0000000000000); // 2^1022
            b *= t1;
            a *= t1;
            k -= 1022;
        } else {
            ha += 0x25800000;
            hb += 0x25800000;
            a *= f64::from_bits(0x6570000000000000); // 2^600
            b *= f64::from_bits(0x6570000000000000);
            k -= 600;
        }
    }
    let mut w = a - b;
    if w > b {
        let t1 = with_hi(0.0, ha);
        let t2 = a - t1;
        w = (t1 * t1 - (b * (-b) - t2 * (a + t1))).sqrt();
    } else {
        a += a;
        let y1 = with_hi(0.0, hb);
        let y2 = b - y1;
        let t1 = with_hi(0.0, ha + 0x00100000);
        let t2 = a - t1;
        w = (t1 * y1 - (w * (-w) - (t1 * y2 + t2 * b))).sqrt();
    }
    if k != 0 {
        f64::from_bits(((k + 1023) as u64) << 52) * w
    } else {
        w
    }
}

/// `StrictMath.sinh`.
pub fn sinh(x: f64) -> f64 {
    const SHUGE: f64 = 1.0e307;
    let jx = hi(x);
    let ix = jx & EXP_SIGNIF_BITS;
    if ix >= EXP_BITS {
        return x + x;
    }
    let h = if jx < 0 { -0.5 } else { 0.5 };
    if ix < 0x4036_0000 {
        if ix < 0x3e30_0000 && SHUGE + x > 1.0 {
            return x;
        }
        let t = expm1(x.abs());
        if ix < 0x3ff0_0000 {
            return h * (2.0 * t - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    if ix < 0x4086_2E42 {
        return h * exp(x.abs());
    }
    let lx = lo(x) as u32;
    if ix < 0x4086_33CE || (ix == 0x4086_33ce && lx <= 0x8fb9_f87d) {
        let w = exp(0.5 * x.abs());
        let t = h * w;
        return t * w;
    }
    x * SHUGE
}

/// `StrictMath.cosh`.
pub fn cosh(x: f64) -> f64 {
    let ix = hi(x) & EXP_SIGNIF_BITS;
    if ix >= EXP_BITS {
        return x * x;
    }
    if ix < 0x3fd6_2e43 {
        let t = expm1(x.abs());
        let w = 1.0 + t;
        if ix < 0x3c80_0000 {
            return w;
        }
        return 1.0 + (t * t) / (w + w);
    }
    if ix < 0x4036_0000 {
        let t = exp(x.abs());
        return 0.5 * t + 0.5 / t;
    }
    if ix < 0x4086_2E42 {
        return 0.5 * exp(x.abs());
    }
    let lx = lo(x) as u32;
    if ix < 0x4086_33CE || (ix == 0x4086_33ce && lx <= 0x8fb9_f87d) {
        let w = exp(0.5 * x.abs());
        let t = 0.5 * w;
        return t * w;
    }
    f64::INFINITY
}

/// `StrictMath.tanh`.
pub fn tanh(x: f64) -> f64 {
    let jx = hi(x);
    let ix = jx & EXP_SIGNIF_BITS;
    if ix >= EXP_BITS {
        return if jx >= 0 { 1.0 / x + 1.0 } else { 1.0 / x - 1.0 };
    }
    let z = if ix < 0x4036_0000 {
        if ix < 0x3c80_0000 {
            return x * (1.0 + x);
        }
        if ix >= 0x3ff0_0000 {
            let t = expm1(2.0 * x.abs());
            1.0 - 2.0 / (t + 2.0)
        } else {
            let t = expm1(-2.0 * x.abs());
            -t / (t + 2.0)
        }
    } else {
        1.0 - 1.0e-300
    };
    if jx >= 0 { z } else { -z }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values from the JVM's StrictMath.
    #[test]
    fn pow_is_strict_math_not_the_platforms() {
        // (x, y, StrictMath.pow(x, y)); the platform's pow is one bit off on each.
        for (x, y, java) in [(0.5, 1.25, 0x3FDAE89F995AD3AEu64), (2.0, 1.5, 0x4006A09E667F3BCC), (100.0, 1.25, 0x4073C3A4EDFA9758)] {
            assert_eq!(pow(x, y).to_bits(), java, "pow({x}, {y})");
        }
    }

    #[test]
    fn like_java_strict_math() {
        assert_eq!(exp(1.0), 2.7182818284590455);
        assert_eq!(cosh(1.0), 1.543080634815244);
        assert_eq!(acosh_check(3.0), 1.7627471740390859);
        assert_eq!(atan(std::f64::consts::PI), 1.2626272556789115);
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert!(log(-1.0).is_nan());
        assert_eq!(log10(1000.0), 3.0);
        assert_eq!(cbrt(-27.0), -3.0);
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(tanh(f64::NEG_INFINITY), -1.0);
    }

    fn acosh_check(x: f64) -> f64 {
        log(x + (x * x - 1.0).sqrt())
    }
}
