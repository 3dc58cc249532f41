//! Spark's random numbers: `XORShiftRandom` (a java.util.Random whose seed is
//! scrambled with Scala's MurmurHash3 and whose `next` is an xorshift), seeded with
//! seed + partition index. PyRust runs one partition (index 0), so `rand(42)` gives
//! the values Spark gives for its first partition.

/// Scala's `MurmurHash3.bytesHash`.
fn scala_bytes_hash(data: &[u8], seed: u32) -> u32 {
    fn mix_last(h: u32, k: u32) -> u32 {
        h ^ k.wrapping_mul(0xcc9e2d51).rotate_left(15).wrapping_mul(0x1b873593)
    }
    fn mix(h: u32, k: u32) -> u32 {
        mix_last(h, k).rotate_left(13).wrapping_mul(5).wrapping_add(0xe6546b64)
    }
    let mut h = seed;
    let mut chunks = data.chunks_exact(4);
    for c in &mut chunks {
        h = mix(h, u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut k = 0u32;
        for (i, b) in tail.iter().enumerate() {
            k ^= (*b as u32) << (8 * i);
        }
        h = mix_last(h, k);
    }
    h ^= data.len() as u32;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85ebca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2ae35);
    h ^ (h >> 16)
}

/// `org.apache.spark.util.random.XORShiftRandom`.
pub struct XorShiftRandom {
    seed: i64,
    next_gaussian: Option<f64>,
}

impl XorShiftRandom {
    pub fn new(init: i64) -> Self {
        let bytes = init.to_be_bytes();
        let low = scala_bytes_hash(&bytes, 0x3c074a61);
        let high = scala_bytes_hash(&bytes, low);
        XorShiftRandom { seed: ((high as i64) << 32) | (low as i64 & 0xFFFF_FFFF), next_gaussian: None }
    }

    fn next(&mut self, bits: u32) -> i32 {
        let mut s = self.seed ^ (self.seed << 21);
        s ^= ((s as u64) >> 35) as i64;
        s ^= s << 4;
        self.seed = s;
        (s & ((1i64 << bits) - 1)) as i32
    }

    /// `Random.nextInt()`.
    pub fn next_int(&mut self) -> i32 {
        self.next(32)
    }

    /// `Random.nextLong()`.
    pub fn next_long(&mut self) -> i64 {
        ((self.next(32) as i64) << 32).wrapping_add(self.next(32) as i64)
    }

    /// `Random.nextDouble()`: 53 random bits in [0, 1).
    pub fn next_double(&mut self) -> f64 {
        let hi = (self.next(26) as i64) << 27;
        (hi + self.next(27) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `Random.nextGaussian()`: Marsaglia's polar method, the second value cached.
    pub fn next_gaussian(&mut self) -> f64 {
        if let Some(g) = self.next_gaussian.take() {
            return g;
        }
        loop {
            let v1 = 2.0 * self.next_double() - 1.0;
            let v2 = 2.0 * self.next_double() - 1.0;
            let s = v1 * v1 + v2 * v2;
            if s < 1.0 && s != 0.0 {
                let multiplier = (-2.0 * s.ln() / s).sqrt();
                self.next_gaussian = Some(v2 * multiplier);
                return v1 * multiplier;
            }
        }
    }
}

/// Spark's `randstr`: characters from 0-9a-zA-Z.
pub fn random_string(rng: &mut XorShiftRandom, length: usize) -> String {
    (0..length)
        .map(|_| {
            let v = (rng.next_int() % 62).unsigned_abs() as u8;
            match v {
                0..=9 => (b'0' + v) as char,
                10..=35 => (b'a' + v - 10) as char,
                _ => (b'A' + v - 36) as char,
            }
        })
        .collect()
}

/// A seed for calls that give none (`rand()`, `uuid()`): different each time.
pub fn fresh_seed() -> i64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish() as i64
}

/// A version-4 UUID as Spark's `RandomUUIDGenerator` makes one from two longs.
pub fn uuid(rng: &mut XorShiftRandom) -> String {
    let most = (rng.next_long() as u64 & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
    let least = (rng.next_long() as u64 | 0x8000_0000_0000_0000) & 0xBFFF_FFFF_FFFF_FFFF;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        most >> 32,
        (most >> 16) & 0xFFFF,
        most & 0xFFFF,
        least >> 48,
        least & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_version_and_variant() {
        let u = uuid(&mut XorShiftRandom::new(1));
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!("89ab".contains(&u[19..20]));
    }
}
