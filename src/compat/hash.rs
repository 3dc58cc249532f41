//! Spark's row hashes, bit for bit: `hash` is Murmur3 x86_32 and `xxhash64` is
//! XXH64, both seeded with 42 and folded over the arguments (each value's hash is
//! the seed of the next; NULLs leave it as it is). Values hash as Spark stores them:
//! INT-sized values (and booleans, dates) as 4 bytes, BIGINT-sized ones (timestamps,
//! decimals of up to 18 digits) as 8, -0.0 as 0 and every NaN as Java's canonical NaN,
//! larger decimals by the bytes of their unscaled value, strings and binaries by their
//! bytes (Murmur3 with Spark's own tail handling), arrays and structs element by
//! element. Also md5/sha1/sha2/crc32 of binaries.

use polars::prelude::{self as pl, AnyValue, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult, Series};

/// A hash function as Spark applies it to values of each physical kind.
pub trait SparkHash: Copy + Send + Sync + 'static {
    type Out: Copy + Send + Sync + 'static;
    const SEED: Self::Out;
    fn int(v: i32, seed: Self::Out) -> Self::Out;
    fn long(v: i64, seed: Self::Out) -> Self::Out;
    fn bytes(b: &[u8], seed: Self::Out) -> Self::Out;
}

/// `org.apache.spark.unsafe.hash.Murmur3_x86_32`.
#[derive(Clone, Copy)]
pub struct Murmur3;

const C1: u32 = 0xcc9e2d51;
const C2: u32 = 0x1b873593;

fn mix_k1(k: u32) -> u32 {
    k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2)
}

fn mix_h1(h: u32, k: u32) -> u32 {
    (h ^ k).rotate_left(13).wrapping_mul(5).wrapping_add(0xe6546b64)
}

fn fmix32(mut h: u32, len: u32) -> u32 {
    h ^= len;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85ebca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2ae35);
    h ^ (h >> 16)
}

impl SparkHash for Murmur3 {
    type Out = i32;
    const SEED: i32 = 42;
    fn int(v: i32, seed: i32) -> i32 {
        fmix32(mix_h1(seed as u32, mix_k1(v as u32)), 4) as i32
    }
    fn long(v: i64, seed: i32) -> i32 {
        let h = mix_h1(seed as u32, mix_k1(v as u32));
        fmix32(mix_h1(h, mix_k1((v as u64 >> 32) as u32)), 8) as i32
    }
    /// Spark's `hashUnsafeBytes`: 4-byte little-endian words, then each remaining
    /// byte (sign-extended) mixed in as a word of its own.
    fn bytes(b: &[u8], seed: i32) -> i32 {
        let mut h = seed as u32;
        let mut words = b.chunks_exact(4);
        for w in &mut words {
            h = mix_h1(h, mix_k1(u32::from_le_bytes([w[0], w[1], w[2], w[3]])));
        }
        for &byte in words.remainder() {
            h = mix_h1(h, mix_k1(byte as i8 as i32 as u32));
        }
        fmix32(h, b.len() as u32) as i32
    }
}

/// `org.apache.spark.sql.catalyst.expressions.XXH64` (the standard XXH64).
#[derive(Clone, Copy)]
pub struct XxHash64;

const P1: u64 = 0x9E3779B185EBCA87;
const P2: u64 = 0xC2B2AE3D27D4EB4F;
const P3: u64 = 0x165667B19E3779F9;
const P4: u64 = 0x85EBCA77C2B2AE63;
const P5: u64 = 0x27D4EB2F165667C5;

fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

fn round64(acc: u64, input: u64) -> u64 {
    acc.wrapping_add(input.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1)
}

fn merge64(acc: u64, v: u64) -> u64 {
    (acc ^ round64(0, v)).wrapping_mul(P1).wrapping_add(P4)
}

fn xxh64(b: &[u8], seed: u64) -> u64 {
    let len = b.len();
    let mut rest = b;
    let mut h = if len >= 32 {
        let mut v = [seed.wrapping_add(P1).wrapping_add(P2), seed.wrapping_add(P2), seed, seed.wrapping_sub(P1)];
        while rest.len() >= 32 {
            for (i, lane) in v.iter_mut().enumerate() {
                *lane = round64(*lane, u64::from_le_bytes(rest[i * 8..i * 8 + 8].try_into().expect("8 bytes")));
            }
            rest = &rest[32..];
        }
        let mut h = v[0].rotate_left(1).wrapping_add(v[1].rotate_left(7)).wrapping_add(v[2].rotate_left(12)).wrapping_add(v[3].rotate_left(18));
        for lane in v {
            h = merge64(h, lane);
        }
        h
    } else {
        seed.wrapping_add(P5)
    };
    h = h.wrapping_add(len as u64);
    while rest.len() >= 8 {
        h ^= round64(0, u64::from_le_bytes(rest[..8].try_into().expect("8 bytes")));
        h = h.rotate_left(27).wrapping_mul(P1).wrapping_add(P4);
        rest = &rest[8..];
    }
    if rest.len() >= 4 {
        h ^= (u32::from_le_bytes(rest[..4].try_into().expect("4 bytes")) as u64).wrapping_mul(P1);
        h = h.rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
        rest = &rest[4..];
    }
    for &byte in rest {
        h ^= (byte as u64).wrapping_mul(P5);
        h = h.rotate_left(11).wrapping_mul(P1);
    }
    fmix64(h)
}

impl SparkHash for XxHash64 {
    type Out = i64;
    const SEED: i64 = 42;
    fn int(v: i32, seed: i64) -> i64 {
        xxh64(&v.to_le_bytes(), seed as u64) as i64
    }
    fn long(v: i64, seed: i64) -> i64 {
        xxh64(&v.to_le_bytes(), seed as u64) as i64
    }
    fn bytes(b: &[u8], seed: i64) -> i64 {
        xxh64(b, seed as u64) as i64
    }
}

/// Java's `Float.floatToIntBits` after Spark turns -0.0 into 0.0.
fn float_bits(f: f32) -> i32 {
    if f == 0.0 {
        0
    } else if f.is_nan() {
        0x7fc00000
    } else {
        f.to_bits() as i32
    }
}

fn double_bits(d: f64) -> i64 {
    if d == 0.0 {
        0
    } else if d.is_nan() {
        0x7ff8000000000000
    } else {
        d.to_bits() as i64
    }
}

/// `BigInteger.toByteArray`: big-endian two's complement, as few bytes as hold the sign.
fn big_integer_bytes(v: i128) -> Vec<u8> {
    let bytes = v.to_be_bytes();
    let mut start = 0;
    while start < 15 {
        let (b, next) = (bytes[start], bytes[start + 1]);
        let redundant = (b == 0x00 && next & 0x80 == 0) || (b == 0xFF && next & 0x80 != 0);
        if !redundant {
            break;
        }
        start += 1;
    }
    bytes[start..].to_vec()
}

fn decimal<H: SparkHash>(v: i128, precision: usize, seed: H::Out) -> H::Out {
    if precision <= 18 {
        H::long(v as i64, seed)
    } else {
        H::bytes(&big_integer_bytes(v), seed)
    }
}

/// One value of any type (the path for the elements of arrays and structs).
fn value<H: SparkHash>(v: &AnyValue, seed: H::Out) -> H::Out {
    match v {
        AnyValue::Null => seed,
        AnyValue::Boolean(b) => H::int(*b as i32, seed),
        AnyValue::Int8(x) => H::int(*x as i32, seed),
        AnyValue::Int16(x) => H::int(*x as i32, seed),
        AnyValue::Int32(x) => H::int(*x, seed),
        AnyValue::Int64(x) => H::long(*x, seed),
        AnyValue::UInt8(x) => H::int(*x as i32, seed),
        AnyValue::UInt16(x) => H::int(*x as i32, seed),
        AnyValue::Float32(x) => H::int(float_bits(*x), seed),
        AnyValue::Float64(x) => H::long(double_bits(*x), seed),
        AnyValue::Date(d) => H::int(*d, seed),
        AnyValue::Datetime(t, _, _) | AnyValue::DatetimeOwned(t, _, _) => H::long(*t, seed),
        AnyValue::Decimal(u, p, _) => decimal::<H>(*u, *p, seed),
        AnyValue::String(s) => H::bytes(s.as_bytes(), seed),
        AnyValue::StringOwned(s) => H::bytes(s.as_bytes(), seed),
        AnyValue::Binary(b) => H::bytes(b, seed),
        AnyValue::BinaryOwned(b) => H::bytes(b, seed),
        AnyValue::List(s) => s.iter().fold(seed, |h, e| value::<H>(&e, h)),
        AnyValue::Struct(..) | AnyValue::StructOwned(..) => {
            let mut fields = vec![];
            v._materialize_struct_av(&mut fields);
            fields.iter().fold(seed, |h, f| value::<H>(f, h))
        }
        _ => seed,
    }
}

/// Folds one column into the running hashes (one per row; a length-1 column is a
/// constant for every row).
fn fold_column<H: SparkHash>(s: &Series, hashes: &mut [H::Out]) -> PolarsResult<()> {
    let n = hashes.len();
    macro_rules! each {
        ($ca:expr, $f:expr) => {{
            let ca = $ca;
            if ca.len() == 1 {
                if let Some(v) = ca.get(0) {
                    hashes.iter_mut().for_each(|h| *h = $f(v, *h));
                }
            } else {
                for (h, v) in hashes.iter_mut().zip(ca.iter()) {
                    if let Some(v) = v {
                        *h = $f(v, *h);
                    }
                }
            }
        }};
    }
    match s.dtype() {
        PlType::Null => {}
        PlType::Boolean => each!(s.bool()?, |v: bool, h| H::int(v as i32, h)),
        PlType::Int8 => each!(s.i8()?, |v: i8, h| H::int(v as i32, h)),
        PlType::Int16 => each!(s.i16()?, |v: i16, h| H::int(v as i32, h)),
        PlType::Int32 => each!(s.i32()?, |v: i32, h| H::int(v, h)),
        PlType::Int64 => each!(s.i64()?, |v: i64, h| H::long(v, h)),
        PlType::Float32 => each!(s.f32()?, |v: f32, h| H::int(float_bits(v), h)),
        PlType::Float64 => each!(s.f64()?, |v: f64, h| H::long(double_bits(v), h)),
        PlType::Date => each!(s.date()?.physical(), |v: i32, h| H::int(v, h)),
        PlType::Datetime(..) => each!(s.datetime()?.physical(), |v: i64, h| H::long(v, h)),
        PlType::Decimal(p, _) => {
            let p = *p;
            each!(s.decimal()?.physical(), |v: i128, h| decimal::<H>(v, p, h))
        }
        PlType::String => each!(s.str()?, |v: &str, h| H::bytes(v.as_bytes(), h)),
        PlType::Binary => each!(s.binary()?, |v: &[u8], h| H::bytes(v, h)),
        _ => {
            let len = s.len();
            for (i, h) in hashes.iter_mut().enumerate().take(n) {
                let v = s.get(if len == 1 { 0 } else { i })?;
                *h = value::<H>(&v, *h);
            }
        }
    }
    Ok(())
}

/// Spark's `hash(...)` (Murmur3) or `xxhash64(...)` of the argument columns.
pub fn row_hash<H: SparkHash>(cols: &[Column], out_type: PlType) -> PolarsResult<Column>
where
    pl::ChunkedArray<<H::Out as ToPolarsType>::T>: IntoSeries,
    H::Out: ToPolarsType,
{
    let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
    let mut hashes = vec![H::SEED; n];
    for c in cols {
        fold_column::<H>(c.as_materialized_series(), &mut hashes)?;
    }
    let out = <H::Out as ToPolarsType>::collect(hashes);
    let _ = out_type;
    Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
}

/// The Polars array type of a hash's native output.
pub trait ToPolarsType: Sized {
    type T: pl::PolarsNumericType<Native = Self>;
    fn collect(v: Vec<Self>) -> pl::ChunkedArray<Self::T> {
        pl::ChunkedArray::from_vec(pl::PlSmallStr::EMPTY, v)
    }
}

impl ToPolarsType for i32 {
    type T = pl::Int32Type;
}

impl ToPolarsType for i64 {
    type T = pl::Int64Type;
}

/// Hex digest of a hash from RustCrypto (`md5`, `sha1`, `sha2`), lowercase as Spark's.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xF) as usize] as char);
    }
    s
}

/// `sha2(bytes, bits)`: 224, 256 (also 0), 384 or 512 bits; NULL for other lengths.
pub fn sha2(bytes: &[u8], bits: i32) -> Option<String> {
    use sha2::Digest;
    Some(match bits {
        224 => hex(&sha2::Sha224::digest(bytes)),
        0 | 256 => hex(&sha2::Sha256::digest(bytes)),
        384 => hex(&sha2::Sha384::digest(bytes)),
        512 => hex(&sha2::Sha512::digest(bytes)),
        _ => return None,
    })
}

pub fn md5(bytes: &[u8]) -> String {
    use md5::Digest;
    hex(&md5::Md5::digest(bytes))
}

pub fn sha1(bytes: &[u8]) -> String {
    use sha1::Digest;
    hex(&sha1::Sha1::digest(bytes))
}

pub fn crc32(bytes: &[u8]) -> i64 {
    let mut h = crc32fast::Hasher::new();
    h.update(bytes);
    h.finalize() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values from Spark's Murmur3_x86_32 and XXH64 (seed 42).
    #[test]
    fn murmur3_like_spark() {
        assert_eq!(Murmur3::int(1, 42), -559580957);
        assert_eq!(Murmur3::long(1, 42), -1712319331);
        assert_eq!(Murmur3::bytes(b"Spark", 42), 228093765);
        assert_eq!(Murmur3::bytes(b"", 42), 142593372);
        assert_eq!(Murmur3::bytes("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHé".as_bytes(), 42), -320598013);
    }

    #[test]
    fn xxhash64_like_spark() {
        assert_eq!(XxHash64::int(1, 42), -6698625589789238999);
        assert_eq!(XxHash64::long(1, 42), -7001672635703045582);
        assert_eq!(XxHash64::bytes(b"Spark", 42), -4294468057691064905);
        assert_eq!(XxHash64::bytes(b"", 42), -7444071767201028348);
        assert_eq!(XxHash64::bytes(b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", 42), 2083283336357327680);
    }

    #[test]
    fn big_integer_bytes_are_minimal() {
        assert_eq!(big_integer_bytes(0), vec![0]);
        assert_eq!(big_integer_bytes(127), vec![0x7f]);
        assert_eq!(big_integer_bytes(128), vec![0x00, 0x80]);
        assert_eq!(big_integer_bytes(-1), vec![0xff]);
        assert_eq!(big_integer_bytes(-129), vec![0xff, 0x7f]);
    }

    #[test]
    fn digests() {
        assert_eq!(md5(b"Spark"), "8cde774d6f7333752ed72cacddb05126");
        assert_eq!(crc32(b"Spark"), 1557323817);
        assert_eq!(sha2(b"Spark", 7), None);
    }
}
