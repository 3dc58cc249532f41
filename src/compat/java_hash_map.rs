//! The order of a map's entries in the dict PySpark's `collect` gives: Spark copies
//! each map into `new java.util.HashMap(numElements)` (`EvaluatePython.toJava`) and
//! Pyrolite pickles it in the HashMap's iteration order: by bucket of the final table
//! (the key's Java `hashCode`, spread as `h ^ (h >>> 16)`, masked by the table size,
//! which grows past 3/4 full from the next power of two of the entry count), then in
//! insertion order within a bucket. So `{2: 1, 3: 2, 4: 3}` comes back `{4: 3, 2: 1,
//! 3: 2}`: a 4-bucket table puts 4 in bucket 0.
//!
//! The keys are Spark's values as `toJava` hands them over: dates as `Integer` days,
//! timestamps as `Long` microseconds, decimals as `java.math.BigDecimal`, strings as
//! `String`, arrays as `ArrayList`. Binary and struct keys hash by identity or by
//! Scala's row hash: their maps keep Spark's own order (see docs/semantics.md).

use crate::ir::DataType;
use polars::prelude::AnyValue;

/// The order in which `collect` lists the entries whose keys are `keys` (Spark's
/// order), as positions into `keys`.
pub fn collect_order(keys: &[AnyValue], t: &DataType) -> Vec<usize> {
    let Some(hashes) = keys.iter().map(|k| hash_code(k, t)).collect::<Option<Vec<i32>>>() else { return (0..keys.len()).collect() };
    let mut map = JavaHashMap::with_capacity(keys.len(), &hashes);
    for k in 0..keys.len() {
        map.put(k);
    }
    map.iteration()
}

/// The order Spark keeps a map in that came from a Python dict (`createDataFrame`):
/// Pyrolite unpickles the dict into `new HashMap(0)` and each SETITEMS batch (1,000
/// pairs, as Python's pickler writes them) by popping the pairs (last first) into a
/// default `HashMap` and `putAll`-ing that; the map's order is the iteration order.
/// Python ints arrive as `Integer` when they fit 32 bits, else `Long`.
pub fn unpickled_order(keys: &[AnyValue], t: &DataType) -> Vec<usize> {
    let small = |x: i64| i32::try_from(x).ok();
    let hashes: Option<Vec<i32>> = keys
        .iter()
        .map(|k| match k {
            AnyValue::Int64(x) | AnyValue::Datetime(x, ..) | AnyValue::DatetimeOwned(x, ..) => small(*x).or_else(|| hash_code(k, t)),
            _ => hash_code(k, t),
        })
        .collect();
    let Some(hashes) = hashes else { return (0..keys.len()).collect() };
    let mut dict = JavaHashMap::with_capacity(0, &hashes);
    let all: Vec<usize> = (0..keys.len()).collect();
    for batch in all.chunks(1000) {
        let mut items = JavaHashMap::default_sized(&hashes);
        for &k in batch.iter().rev() {
            items.put(k);
        }
        dict.put_all(&items.iteration());
    }
    dict.iteration()
}

/// A `java.util.HashMap`'s table, as far as its iteration order goes: buckets of
/// positions into `hashes`, insertion order within a bucket. A bucket that reaches 9
/// entries while the table has fewer than 64 buckets doubles the table
/// (`treeifyBin`); a tree bin of a larger table is kept in insertion order here (Java
/// moves its root first).
struct JavaHashMap<'a> {
    hashes: &'a [i32],
    buckets: Vec<Vec<usize>>,
    threshold: usize,
    size: usize,
}

impl<'a> JavaHashMap<'a> {
    /// `new HashMap(n)`: the first table will have `tableSizeFor(n)` buckets.
    fn with_capacity(n: usize, hashes: &'a [i32]) -> Self {
        JavaHashMap { hashes, buckets: vec![], threshold: n.max(1).next_power_of_two(), size: 0 }
    }

    /// `new HashMap()`: 16 buckets at the first put.
    fn default_sized(hashes: &'a [i32]) -> Self {
        JavaHashMap { hashes, buckets: vec![], threshold: 0, size: 0 }
    }

    fn bucket(&self, k: usize, cap: usize) -> usize {
        let h = self.hashes[k];
        ((h ^ ((h as u32) >> 16) as i32) as u32 as usize) & (cap - 1)
    }

    fn resize(&mut self) {
        let old = self.buckets.len();
        let (cap, threshold) = if old > 0 {
            (old * 2, if old >= 16 { self.threshold * 2 } else { 0 })
        } else if self.threshold > 0 {
            (self.threshold, 0)
        } else {
            (16, 12)
        };
        self.threshold = if threshold == 0 { (cap as f32 * 0.75) as usize } else { threshold };
        let mut next: Vec<Vec<usize>> = vec![vec![]; cap];
        for &k in self.buckets.iter().flatten() {
            next[self.bucket(k, cap)].push(k);
        }
        self.buckets = next;
    }

    fn put(&mut self, k: usize) {
        if self.buckets.is_empty() {
            self.resize();
        }
        let b = self.bucket(k, self.buckets.len());
        self.buckets[b].push(k);
        if self.buckets[b].len() >= 9 && self.buckets.len() < 64 {
            self.resize();
        }
        self.size += 1;
        if self.size > self.threshold {
            self.resize();
        }
    }

    /// `putAll`: an empty table is sized for the entries first, a full one doubled.
    fn put_all(&mut self, keys: &[usize]) {
        if keys.is_empty() {
            return;
        }
        if self.buckets.is_empty() {
            let wanted = (keys.len() as f32 / 0.75 + 1.0) as usize;
            if wanted > self.threshold {
                self.threshold = wanted.next_power_of_two();
            }
        } else {
            while keys.len() > self.threshold {
                self.resize();
            }
        }
        for &k in keys {
            self.put(k);
        }
    }

    fn iteration(self) -> Vec<usize> {
        self.buckets.into_iter().flatten().collect()
    }
}

/// The Java `hashCode` of the object `toJava` makes of a key; None where it is not a
/// function of the value.
fn hash_code(v: &AnyValue, t: &DataType) -> Option<i32> {
    let long = |x: i64| (x ^ ((x as u64) >> 32) as i64) as i32;
    Some(match v {
        AnyValue::Null => 0,
        AnyValue::Boolean(b) => if *b { 1231 } else { 1237 },
        AnyValue::Int8(x) => *x as i32,
        AnyValue::Int16(x) => *x as i32,
        AnyValue::Int32(x) | AnyValue::Date(x) => *x,
        AnyValue::Int64(x) | AnyValue::Datetime(x, ..) | AnyValue::DatetimeOwned(x, ..) | AnyValue::Duration(x, ..) => long(*x),
        AnyValue::Float32(x) => if x.is_nan() { 0x7fc0_0000 } else { x.to_bits() as i32 },
        AnyValue::Float64(x) => long(if x.is_nan() { 0x7ff8_0000_0000_0000 } else { x.to_bits() as i64 }),
        AnyValue::String(s) => string_hash(s),
        AnyValue::StringOwned(s) => string_hash(s),
        AnyValue::Decimal(u, _, s) => big_decimal_hash(*u, *s as i32),
        AnyValue::List(items) => {
            let DataType::Array(e, _) = t else { return None };
            let mut h = 1i32;
            for x in items.iter() {
                h = h.wrapping_mul(31).wrapping_add(hash_code(&x, e)?);
            }
            h
        }
        _ => return None,
    })
}

/// `String.hashCode`: over UTF-16 code units.
fn string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(u as i32))
}

/// `java.math.BigDecimal.hashCode` of `unscaled * 10^-scale` (compact when the
/// unscaled value fits a long, as `BigDecimal.valueOf` and `new BigDecimal` make it).
fn big_decimal_hash(unscaled: i128, scale: i32) -> i32 {
    match i64::try_from(unscaled) {
        Ok(c) if c != i64::MIN => {
            let val2 = c.unsigned_abs();
            let temp = (((val2 >> 32) as i32).wrapping_mul(31) as i64).wrapping_add((val2 & 0xffff_ffff) as i64) as i32;
            31i32.wrapping_mul(if c < 0 { temp.wrapping_neg() } else { temp }).wrapping_add(scale)
        }
        _ => 31i32.wrapping_mul(big_integer_hash(unscaled)).wrapping_add(scale),
    }
}

/// `BigInteger.hashCode`: the magnitude's 32-bit words, most significant first, times
/// the sign.
fn big_integer_hash(x: i128) -> i32 {
    let mag = x.unsigned_abs();
    let mut words: Vec<u32> = (0..4).rev().map(|i| (mag >> (32 * i)) as u32).collect();
    while words.first() == Some(&0) {
        words.remove(0);
    }
    let h = words.iter().fold(0i32, |h, w| (31i64.wrapping_mul(h as i64).wrapping_add(*w as i64)) as i32);
    h.wrapping_mul(x.signum() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order_of_ints(keys: &[i32]) -> Vec<i32> {
        let values: Vec<AnyValue> = keys.iter().map(|k| AnyValue::Int32(*k)).collect();
        collect_order(&values, &DataType::Integer).into_iter().map(|i| keys[i]).collect()
    }

    #[test]
    fn small_tables_and_growth() {
        assert_eq!(order_of_ints(&[2, 3, 4]), vec![4, 2, 3]);
        assert_eq!(order_of_ints(&[2, 4, 6]), vec![4, 2, 6]);
        // Two entries: the table grows from 2 to 4 buckets on the second.
        assert_eq!(order_of_ints(&[2, 1]), vec![1, 2]);
        assert_eq!(order_of_ints(&[16, 1]), vec![16, 1]);
        let strings: Vec<AnyValue> = ["a", "b"].iter().map(|s| AnyValue::String(s)).collect();
        assert_eq!(collect_order(&strings, &DataType::String), vec![0, 1]);
        // A dict from Python: HashMap(0) grows 1, 2, 4, 8 buckets.
        let dict: Vec<AnyValue> = [30, 2, 17, -5].iter().map(|k| AnyValue::Int64(*k)).collect();
        assert_eq!(unpickled_order(&dict, &DataType::Long), vec![2, 1, 3, 0]);
    }

    #[test]
    fn java_hash_codes() {
        assert_eq!(string_hash("banana"), -1396355227);
        assert_eq!(big_decimal_hash(150, 2), 31 * 150 + 2);
        assert_eq!(big_decimal_hash(-375, 2), 31 * -375 + 2);
        assert_eq!(hash_code(&AnyValue::Int64(5_000_000_000), &DataType::Long), Some((5_000_000_000i64 ^ (5_000_000_000i64 >> 32)) as i32));
        assert_eq!(hash_code(&AnyValue::Float64(1.5), &DataType::Double), Some(1073217536));
    }
}
