//! The order of `collect_set`'s result. Spark collects into a Scala 2.13
//! `mutable.HashSet` and returns it in iteration order: by bucket (the element's `##`
//! hash, spread as `h ^ (h >>> 16)`, masked by the table size), then by spread hash
//! within a bucket, then first-come. The table has the size Spark's final aggregation
//! gives it (`sizeHint` of the partial buffer: at least 16 buckets, load factor 0.75).
//!
//! `##` is the JVM hash of Spark's internal value: Scala's numeric hashes for numbers
//! (an integral double hashes as the integer), Murmur3 (seed 42) of the UTF-8 bytes for
//! strings, of Spark's `UnsafeArrayData`/`UnsafeRow` bytes for binaries, arrays and
//! structs. Equality is Scala's `==`: numeric for numbers (so -0.0 and 0.0 are one
//! element and each NaN is its own), bytewise for the rest.

use crate::ir::DataType;
use polars::prelude::{self as pl, AnyValue, PolarsResult};
use std::collections::HashMap;

/// The elements of `values` (a column of Spark type `t`, NULLs skipped) in the order
/// Spark's `collect_set` returns them: the row positions of the kept elements.
pub fn collect_set_order(values: &pl::Series, t: &DataType) -> PolarsResult<Vec<usize>> {
    let mut kept: Vec<(i32, usize)> = vec![];
    let mut keys: Vec<Key> = vec![];
    let mut by_hash: HashMap<i32, Vec<usize>> = HashMap::new();
    for i in 0..values.len() {
        let v = values.get(i)?;
        if matches!(v, AnyValue::Null) {
            continue;
        }
        let (hash, key) = element(&v, t);
        let same_hash = by_hash.entry(hash).or_default();
        if same_hash.iter().any(|&k| keys[k].equals(&key)) {
            continue;
        }
        same_hash.push(keys.len());
        keys.push(key);
        kept.push((hash, i));
    }
    let buckets = table_size(kept.len());
    let spread = |h: i32| h ^ ((h as u32) >> 16) as i32;
    let mut order: Vec<(usize, i32, usize, usize)> =
        kept.iter().enumerate().map(|(n, &(h, row))| ((spread(h) as u32 as usize) & (buckets - 1), spread(h), n, row)).collect();
    order.sort();
    Ok(order.into_iter().map(|o| o.3).collect())
}

/// Buckets of the final buffer: `sizeHint(n)` on an empty 16-bucket table.
fn table_size(n: usize) -> usize {
    let wanted = ((n + 1) as f64 / 0.75) as usize;
    let c = wanted.saturating_sub(1).max(4);
    let size = (1usize << (usize::BITS - 1 - c.leading_zeros())) * 2;
    size.clamp(16, 1 << 30)
}

/// What Scala's `==` compares.
pub enum Key {
    /// Boxed numbers compare by value (NaN equals nothing, -0.0 equals 0.0).
    Number(f64),
    Exact(Vec<u8>),
}

impl Key {
    pub fn equals(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Number(a), Key::Number(b)) => a == b,
            (Key::Exact(a), Key::Exact(b)) => a == b,
            _ => false,
        }
    }
}

/// The `##` hash and the equality key of one non-NULL value.
fn element(v: &AnyValue, t: &DataType) -> (i32, Key) {
    match (v, t) {
        (AnyValue::Boolean(b), _) => (if *b { 1231 } else { 1237 }, Key::Exact(vec![*b as u8])),
        (AnyValue::Int8(x), _) => (*x as i32, Key::Number(*x as f64)),
        (AnyValue::Int16(x), _) => (*x as i32, Key::Number(*x as f64)),
        (AnyValue::Int32(x), _) => (*x, Key::Number(*x as f64)),
        (AnyValue::Date(x), _) => (*x, Key::Exact(x.to_le_bytes().to_vec())),
        (AnyValue::Int64(x), _) => (long_hash(*x), Key::Exact(x.to_le_bytes().to_vec())),
        (AnyValue::Datetime(x, ..), _) | (AnyValue::DatetimeOwned(x, ..), _) => (long_hash(*x), Key::Exact(x.to_le_bytes().to_vec())),
        (AnyValue::Float32(x), _) => (float_hash(*x), Key::Number(*x as f64)),
        (AnyValue::Float64(x), _) => (double_hash(*x), Key::Number(*x)),
        (AnyValue::Decimal(u, _, s), _) => (decimal_hash(*u, *s as u32), Key::Exact(u.to_le_bytes().to_vec())),
        (AnyValue::String(s), _) => (murmur3(s.as_bytes()), Key::Exact(s.as_bytes().to_vec())),
        (AnyValue::StringOwned(s), _) => (murmur3(s.as_bytes()), Key::Exact(s.as_bytes().to_vec())),
        _ => {
            // Binaries, arrays and structs: Spark's unsafe binary form.
            let bytes = unsafe_bytes(v, t);
            (murmur3(&bytes), Key::Exact(bytes))
        }
    }
}

/// The Java `hashCode` of Spark's internal value (what Spark's `OpenHashMap` hashes)
/// and its equality key. Java hashes longs and doubles by their bits where Scala's `##`
/// hashes them as the integers they may equal.
pub fn java_hash_code(v: &AnyValue, t: &DataType) -> (i32, Key) {
    match v {
        AnyValue::Int64(x) | AnyValue::Datetime(x, ..) | AnyValue::DatetimeOwned(x, ..) => {
            (long_hash_java(*x), Key::Exact(x.to_le_bytes().to_vec()))
        }
        AnyValue::Float32(x) => (java_float_bits(*x), Key::Number(*x as f64)),
        AnyValue::Float64(x) => {
            let bits = if x.is_nan() { 0x7ff8_0000_0000_0000u64 } else { x.to_bits() };
            ((bits ^ (bits >> 32)) as i32, Key::Number(*x))
        }
        _ => element(v, t),
    }
}

/// Scala's hash of a boxed Long: the Int hash when it fits, else `Long.hashCode`.
fn long_hash(x: i64) -> i32 {
    if x as i32 as i64 == x { x as i32 } else { (x ^ ((x as u64) >> 32) as i64) as i32 }
}

/// Scala's `Statics.floatHash`.
fn float_hash(f: f32) -> i32 {
    let i = java_f32_to_i32(f);
    if i as f32 == f {
        return i;
    }
    let l = java_f32_to_i64(f);
    if l as f32 == f {
        return long_hash_java(l);
    }
    java_float_bits(f)
}

/// Scala's `Statics.doubleHash`.
fn double_hash(d: f64) -> i32 {
    let i = java_f64_to_i32(d);
    if i as f64 == d {
        return i;
    }
    let l = java_f64_to_i64(d);
    if l as f64 == d {
        return long_hash_java(l);
    }
    let f = d as f32;
    if f as f64 == d {
        return java_float_bits(f);
    }
    let bits = if d.is_nan() { 0x7ff8_0000_0000_0000u64 } else { d.to_bits() };
    (bits ^ (bits >> 32)) as i32
}

fn long_hash_java(l: i64) -> i32 {
    (l ^ ((l as u64) >> 32) as i64) as i32
}

fn java_float_bits(f: f32) -> i32 {
    if f.is_nan() { 0x7fc0_0000 } else { f.to_bits() as i32 }
}

// Java's narrowing casts: NaN is 0, out-of-range values saturate (as Rust's `as` does).
fn java_f32_to_i32(f: f32) -> i32 {
    f as i32
}
fn java_f32_to_i64(f: f32) -> i64 {
    f as i64
}
fn java_f64_to_i32(d: f64) -> i32 {
    d as i32
}
fn java_f64_to_i64(d: f64) -> i64 {
    d as i64
}

/// `Decimal.hashCode`, which is Scala's `BigDecimal.hashCode`: a whole value hashes as
/// its integer, one a double holds exactly (by `Double.toString`) as that double, the
/// rest by the unscaled digits and the scale.
fn decimal_hash(unscaled: i128, scale: u32) -> i32 {
    let ten = 10i128.pow(scale.min(38));
    if unscaled % ten == 0 {
        let whole = unscaled / ten;
        return match i64::try_from(whole) {
            Ok(l) => long_hash(l),
            Err(_) => big_integer_hash(whole),
        };
    }
    // The double nearest the decimal (Rust's parser rounds correctly, as Java's does).
    let d: f64 = format!("{unscaled}e-{scale}").parse().unwrap_or(f64::NAN);
    if d.is_finite() && decimal_equals_text(unscaled, scale, &format!("{d:e}")) {
        return double_hash(d);
    }
    // stripTrailingZeros, then mix the unscaled BigInteger's hash with the scale.
    let (mut u, mut s) = (unscaled, scale as i32);
    while s > 0 && u % 10 == 0 {
        u /= 10;
        s -= 1;
    }
    let h = big_integer_hash(u);
    let mut k = (s as u32).wrapping_mul(0xcc9e_2d51);
    k = k.rotate_left(15);
    k = k.wrapping_mul(0x1b87_3593);
    (h as u32 ^ k) as i32
}

/// Whether `unscaled * 10^-scale` equals the number written `text` (`1.25e0`).
fn decimal_equals_text(unscaled: i128, scale: u32, text: &str) -> bool {
    let Some((mantissa, exp)) = text.split_once('e') else { return false };
    let Ok(exp) = exp.parse::<i32>() else { return false };
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let frac_len = mantissa.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let Ok(mut value) = digits.parse::<i128>() else { return false };
    if negative {
        value = -value;
    }
    // value * 10^(exp - frac_len) == unscaled * 10^-scale
    let shift = exp - frac_len + scale as i32;
    if shift >= 0 {
        10i128.checked_pow(shift as u32).and_then(|p| value.checked_mul(p)) == Some(unscaled)
    } else {
        10i128.checked_pow((-shift) as u32).and_then(|p| unscaled.checked_mul(p)) == Some(value)
    }
}

/// `java.math.BigInteger.hashCode`: over the magnitude's big-endian 32-bit words.
fn big_integer_hash(v: i128) -> i32 {
    let mag = v.unsigned_abs();
    let words = [(mag >> 96) as u32, (mag >> 64) as u32, (mag >> 32) as u32, mag as u32];
    let mut h: i32 = 0;
    for w in words.iter().skip_while(|w| **w == 0) {
        h = h.wrapping_mul(31).wrapping_add(*w as i32);
    }
    h.wrapping_mul(v.signum() as i32)
}

/// Spark's `Murmur3_x86_32.hashUnsafeBytes(bytes, 42)` (trailing bytes mixed one by one,
/// sign-extended, unlike standard Murmur3).
pub fn murmur3(bytes: &[u8]) -> i32 {
    fn mix_k1(k: u32) -> u32 {
        k.wrapping_mul(0xcc9e_2d51).rotate_left(15).wrapping_mul(0x1b87_3593)
    }
    fn mix_h1(h: u32, k: u32) -> u32 {
        (h ^ k).rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64)
    }
    let mut h: u32 = 42;
    let aligned = bytes.len() - bytes.len() % 4;
    for chunk in bytes[..aligned].chunks_exact(4) {
        h = mix_h1(h, mix_k1(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])));
    }
    for b in &bytes[aligned..] {
        h = mix_h1(h, mix_k1(*b as i8 as i32 as u32));
    }
    h ^= bytes.len() as u32;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h as i32
}

fn pad8(bytes: &mut Vec<u8>) {
    while !bytes.len().is_multiple_of(8) {
        bytes.push(0);
    }
}

fn bitset_len(n: usize) -> usize {
    n.div_ceil(64) * 8
}

/// Whether Spark stores a value of type `t` inline in an 8-byte slot (else: offset and size).
fn fixed_width(t: &DataType) -> Option<usize> {
    Some(match t {
        DataType::Boolean | DataType::Byte => 1,
        DataType::Short => 2,
        DataType::Integer | DataType::Float | DataType::Date => 4,
        DataType::Long | DataType::Double | DataType::Timestamp | DataType::TimestampNtz => 8,
        DataType::Decimal(p, _) if *p <= 18 => 8,
        DataType::Null => 1,
        _ => return None,
    })
}

/// The little-endian bytes of a fixed-width value, `width` long.
fn fixed_bytes(v: &AnyValue, width: usize) -> Vec<u8> {
    let mut out = match v {
        AnyValue::Boolean(b) => vec![*b as u8],
        AnyValue::Int8(x) => x.to_le_bytes().to_vec(),
        AnyValue::Int16(x) => x.to_le_bytes().to_vec(),
        AnyValue::Int32(x) | AnyValue::Date(x) => x.to_le_bytes().to_vec(),
        AnyValue::Int64(x) | AnyValue::Datetime(x, ..) | AnyValue::DatetimeOwned(x, ..) => x.to_le_bytes().to_vec(),
        AnyValue::Float32(x) => (if x.is_nan() { f32::NAN } else { *x }).to_le_bytes().to_vec(),
        AnyValue::Float64(x) => (if x.is_nan() { f64::NAN } else { *x }).to_le_bytes().to_vec(),
        AnyValue::Decimal(u, ..) => (*u as i64).to_le_bytes().to_vec(),
        _ => vec![],
    };
    out.resize(width, 0);
    out
}

/// The variable-length bytes of a value Spark stores out of line.
fn variable_bytes(v: &AnyValue, t: &DataType) -> Vec<u8> {
    match (v, t) {
        (AnyValue::String(s), _) => s.as_bytes().to_vec(),
        (AnyValue::StringOwned(s), _) => s.as_bytes().to_vec(),
        (AnyValue::Binary(b), _) => b.to_vec(),
        (AnyValue::BinaryOwned(b), _) => b.clone(),
        // BigInteger.toByteArray: minimal big-endian two's complement.
        (AnyValue::Decimal(u, ..), _) => {
            let bytes = u.to_be_bytes();
            let sign = if *u < 0 { 0xff } else { 0 };
            let mut start = 0;
            while start < 15 && bytes[start] == sign && (bytes[start + 1] & 0x80) == (sign & 0x80) {
                start += 1;
            }
            bytes[start..].to_vec()
        }
        _ => unsafe_bytes(v, t),
    }
}

/// Spark's unsafe binary form of an array (`UnsafeArrayData`), a struct (`UnsafeRow`)
/// or a binary (as `UnsafeArrayData` of bytes, which is how `collect_set` keeps it).
fn unsafe_bytes(v: &AnyValue, t: &DataType) -> Vec<u8> {
    match (v, t) {
        (AnyValue::Binary(b), _) => unsafe_array(&b.iter().map(|x| AnyValue::Int8(*x as i8)).collect::<Vec<_>>(), &DataType::Byte),
        (AnyValue::BinaryOwned(b), _) => unsafe_array(&b.iter().map(|x| AnyValue::Int8(*x as i8)).collect::<Vec<_>>(), &DataType::Byte),
        (AnyValue::List(s), DataType::Array(e, _)) => {
            let items: Vec<AnyValue> = s.iter().map(|x| x.into_static()).collect();
            unsafe_array(&items, e)
        }
        (AnyValue::StructOwned(payload), DataType::Struct(fields)) => {
            let types: Vec<&DataType> = fields.iter().map(|f| &f.data_type).collect();
            unsafe_row(&payload.0, &types)
        }
        (AnyValue::Struct(..), DataType::Struct(fields)) => {
            let values: Vec<AnyValue> = v._iter_struct_av().map(|x| x.into_static()).collect();
            let types: Vec<&DataType> = fields.iter().map(|f| &f.data_type).collect();
            unsafe_row(&values, &types)
        }
        _ => format!("{v}").into_bytes(),
    }
}

fn unsafe_array(items: &[AnyValue], e: &DataType) -> Vec<u8> {
    let n = items.len();
    let mut out = (n as i64).to_le_bytes().to_vec();
    let bits_at = out.len();
    out.resize(bits_at + bitset_len(n), 0);
    let width = fixed_width(e).unwrap_or(8);
    let values_at = out.len();
    out.resize(values_at + n * width, 0);
    pad8(&mut out);
    for (i, item) in items.iter().enumerate() {
        if matches!(item, AnyValue::Null) {
            out[bits_at + i / 8] |= 1 << (i % 8);
            continue;
        }
        let slot = values_at + i * width;
        if fixed_width(e).is_some() {
            out[slot..slot + width].copy_from_slice(&fixed_bytes(item, width));
        } else {
            let data = variable_bytes(item, e);
            let offset_and_size = ((out.len() as u64) << 32) | data.len() as u64;
            out[slot..slot + 8].copy_from_slice(&offset_and_size.to_le_bytes());
            out.extend_from_slice(&data);
            pad8(&mut out);
        }
    }
    out
}

fn unsafe_row(values: &[AnyValue], types: &[&DataType]) -> Vec<u8> {
    let n = types.len();
    let mut out = vec![0u8; bitset_len(n) + 8 * n];
    for (i, (v, t)) in values.iter().zip(types).enumerate() {
        if matches!(v, AnyValue::Null) {
            out[i / 8] |= 1 << (i % 8);
            continue;
        }
        let slot = bitset_len(n) + 8 * i;
        match fixed_width(t) {
            Some(width) => out[slot..slot + width].copy_from_slice(&fixed_bytes(v, width)),
            None => {
                let data = variable_bytes(v, t);
                let at = out.len();
                // Wide decimals always reserve 16 bytes.
                let reserved = if matches!(t, DataType::Decimal(..)) { 16 } else { data.len() };
                out.extend_from_slice(&data);
                out.resize(at + reserved.max(data.len()), 0);
                pad8(&mut out);
                let offset_and_size = ((at as u64) << 32) | data.len() as u64;
                out[slot..slot + 8].copy_from_slice(&offset_and_size.to_le_bytes());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::NamedFrom;

    fn order_of<T>(values: Vec<T>, t: DataType) -> Vec<T>
    where
        T: Clone,
        pl::Series: NamedFrom<Vec<T>, [T]>,
    {
        let s = pl::Series::new("x".into(), values.clone());
        collect_set_order(&s, &t).unwrap().into_iter().map(|i| values[i].clone()).collect()
    }

    #[test]
    fn ints_in_bucket_order() {
        assert_eq!(order_of(vec![16611, 73606, 99109, 7271, 32432], DataType::Integer), vec![32432, 16611, 99109, 7271, 73606]);
    }

    #[test]
    fn strings_by_murmur3() {
        assert_eq!(order_of(vec!["16611", "73606", "99109", "7271", "32432"], DataType::String), vec!["99109", "7271", "32432", "73606", "16611"]);
    }

    #[test]
    fn doubles_nan_stays_twice_and_zeros_merge() {
        let out = order_of(vec![f64::NAN, f64::NAN, 0.0, -0.0, 1.0], DataType::Double);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0], 0.0);
        assert_eq!(out[1], 1.0);
        assert!(out[2].is_nan() && out[3].is_nan());
    }

    #[test]
    fn table_grows_past_twelve() {
        assert_eq!(table_size(11), 16);
        assert_eq!(table_size(12), 32);
        assert_eq!(table_size(30), 64);
    }

    #[test]
    fn decimal_hashes() {
        // 1.25 is a double exactly: hashed as one; 100.00 as the integer 100.
        assert_eq!(decimal_hash(125, 2), double_hash(1.25));
        assert_eq!(decimal_hash(10000, 2), 100);
    }
}
