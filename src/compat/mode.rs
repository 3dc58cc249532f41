//! Spark's `mode`. It counts values in Spark's `OpenHashMap` and, unless asked to be
//! deterministic, returns the first most frequent value in the map's iteration order:
//! by slot of an open-addressing table (Guava's Murmur3 of the key's Java `hashCode`,
//! quadratic probing, 64 slots growing past a 0.7 load). The counts pass through three
//! maps — the partial buffer, its deserialized copy, the final buffer — each filled in
//! the previous one's iteration order, so ties are broken as Spark breaks them.
//! `mode(x, true)` picks the smallest of the most frequent values instead.

use super::hash_set_order::{java_hash_code, Key};
use crate::ir::DataType;
use polars::prelude::{self as pl, AnyValue, PolarsResult};
use std::cmp::Ordering;

/// The row position of the mode of `values` (Spark type `t`), None without values.
/// `largest`: with `deterministic`, the larger value wins a tie (`mode() WITHIN GROUP
/// (ORDER BY x DESC)`).
pub fn mode(values: &pl::Series, t: &DataType, deterministic: bool, largest: bool) -> PolarsResult<Option<usize>> {
    // Distinct keys (Scala's `==`) with their first row, hash and count.
    let mut keys: Vec<(usize, i32, Key, i64)> = vec![];
    let mut partial = Table::new();
    for i in 0..values.len() {
        let v = values.get(i)?;
        if matches!(v, AnyValue::Null) {
            continue;
        }
        let (hash, key) = java_hash_code(&v, t);
        let slot = partial.find_or_insert(hash, |k| keys[k].2.equals(&key), keys.len());
        match slot {
            Found::Existing(k) => keys[k].3 += 1,
            Found::New => keys.push((i, hash, key, 1)),
        }
    }
    if keys.is_empty() {
        return Ok(None);
    }
    let mut order = partial.iteration_order();
    for _ in 0..2 {
        let mut next = Table::new();
        for &k in &order {
            let (_, hash, ref key, _) = keys[k];
            next.find_or_insert(hash, |other| keys[other].2.equals(key), k);
        }
        order = next.iteration_order();
    }
    let best = order.iter().copied().reduce(|best, k| {
        let by_count = keys[k].3.cmp(&keys[best].3);
        let better = match by_count {
            Ordering::Greater => true,
            Ordering::Less => false,
            // Deterministic: the smaller value wins a tie; otherwise the first one seen.
            Ordering::Equal if deterministic => {
                let wanted = if largest { Ordering::Greater } else { Ordering::Less };
                compare_values(values, keys[k].0, keys[best].0) == wanted
            }
            Ordering::Equal => false,
        };
        if better { k } else { best }
    });
    Ok(best.map(|k| keys[k].0))
}

/// Spark's ordering of two values of a column (NaN the greatest double, -0.0 equal to 0.0).
fn compare_values(values: &pl::Series, a: usize, b: usize) -> Ordering {
    let (Ok(x), Ok(y)) = (values.get(a), values.get(b)) else { return Ordering::Equal };
    let as_f64 = |v: &AnyValue| -> Option<f64> {
        Some(match v {
            AnyValue::Float32(f) => *f as f64,
            AnyValue::Float64(f) => *f,
            _ => return None,
        })
    };
    if let (Some(p), Some(q)) = (as_f64(&x), as_f64(&y)) {
        return match (p.is_nan(), q.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => p.partial_cmp(&q).unwrap_or(Ordering::Equal),
        };
    }
    match (&x, &y) {
        (AnyValue::String(p), AnyValue::String(q)) => p.as_bytes().cmp(q.as_bytes()),
        (AnyValue::Binary(p), AnyValue::Binary(q)) => p.cmp(q),
        _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
    }
}

enum Found {
    Existing(usize),
    New,
}

/// Spark's `OpenHashSet` slot layout (keys are indices into the caller's key list).
struct Table {
    slots: Vec<Option<(usize, i32)>>,
    size: usize,
}

impl Table {
    fn new() -> Table {
        Table { slots: vec![None; 64], size: 0 }
    }

    /// Guava's `murmur3_32().hashInt(h)`, seed 0.
    fn spread(h: i32) -> u32 {
        let k = (h as u32).wrapping_mul(0xcc9e_2d51).rotate_left(15).wrapping_mul(0x1b87_3593);
        let mut h1 = k.rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
        h1 ^= 4;
        h1 ^= h1 >> 16;
        h1 = h1.wrapping_mul(0x85eb_ca6b);
        h1 ^= h1 >> 13;
        h1 = h1.wrapping_mul(0xc2b2_ae35);
        h1 ^ (h1 >> 16)
    }

    /// `addWithoutResize` then `rehashIfNeeded`.
    fn find_or_insert(&mut self, hash: i32, same: impl Fn(usize) -> bool, new_key: usize) -> Found {
        let mask = self.slots.len() - 1;
        let mut pos = Table::spread(hash) as usize & mask;
        let mut delta = 1;
        loop {
            match self.slots[pos] {
                None => {
                    self.slots[pos] = Some((new_key, hash));
                    self.size += 1;
                    if self.size > (0.7 * self.slots.len() as f64) as usize {
                        self.grow();
                    }
                    return Found::New;
                }
                Some((k, _)) if same(k) => return Found::Existing(k),
                Some(_) => {
                    pos = (pos + delta) & mask;
                    delta += 1;
                }
            }
        }
    }

    /// `rehash`: twice the slots, keys moved over in slot order.
    fn grow(&mut self) {
        let old = std::mem::replace(&mut self.slots, vec![None; 0]);
        self.slots = vec![None; old.len() * 2];
        let mask = self.slots.len() - 1;
        for (k, hash) in old.into_iter().flatten() {
            let mut pos = Table::spread(hash) as usize & mask;
            let mut step = 1;
            while self.slots[pos].is_some() {
                pos = (pos + step) & mask;
                step += 1;
            }
            self.slots[pos] = Some((k, hash));
        }
    }

    fn iteration_order(&self) -> Vec<usize> {
        self.slots.iter().flatten().map(|(k, _)| *k).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::NamedFrom;

    #[test]
    fn most_frequent_and_deterministic_ties() {
        let s = pl::Series::new("x".into(), [Some(3), Some(5), Some(5), None, Some(1), Some(1)]);
        let m = mode(&s, &DataType::Integer, true, false).unwrap().unwrap();
        assert_eq!(s.get(m).unwrap(), AnyValue::Int32(1));
        // `mode() WITHIN GROUP (ORDER BY x DESC)`: the largest of the tied values.
        let m = mode(&s, &DataType::Integer, true, true).unwrap().unwrap();
        assert_eq!(s.get(m).unwrap(), AnyValue::Int32(5));
        let s = pl::Series::new("x".into(), [Some(3), Some(5), Some(5), None]);
        assert_eq!(mode(&s, &DataType::Integer, false, false).unwrap(), Some(1));
        let empty = pl::Series::new("x".into(), [None::<i32>]);
        assert_eq!(mode(&empty, &DataType::Integer, false, false).unwrap(), None);
    }
}
