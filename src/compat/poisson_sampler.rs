//! `DataFrame.sample(withReplacement=True)` as Spark computes it on one partition:
//! `SampleExec` hands a `PoissonSampler` (gap sampling off) the seed
//! `new java.util.Random(seed).nextLong()` (the first partition's), and the sampler
//! repeats each row as many times as commons-math3's `PoissonDistribution(fraction)`
//! draws, over a `Well19937c` generator reseeded with that seed.

use polars::prelude::{self as pl, col, lit, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

/// `java.util.Random`'s linear congruential generator.
struct JavaRandom {
    seed: i64,
}

impl JavaRandom {
    const MULTIPLIER: i64 = 0x5DEECE66D;
    const MASK: i64 = (1 << 48) - 1;

    fn new(seed: i64) -> Self {
        JavaRandom { seed: (seed ^ Self::MULTIPLIER) & Self::MASK }
    }

    fn next(&mut self, bits: u32) -> i32 {
        self.seed = self.seed.wrapping_mul(Self::MULTIPLIER).wrapping_add(0xB) & Self::MASK;
        ((self.seed as u64) >> (48 - bits)) as i32
    }

    fn next_long(&mut self) -> i64 {
        let high = (self.next(32) as i64) << 32;
        high.wrapping_add(self.next(32) as i64)
    }
}

/// commons-math3's `Well19937c` (WELL generator with Matsumoto-Kurita tempering).
struct Well19937c {
    v: Vec<i32>,
    index: usize,
}

impl Well19937c {
    const R: usize = 624; // (19937 + 31) / 32
    const M1: usize = 70;
    const M2: usize = 179;
    const M3: usize = 449;

    /// `setSeed(long)`: the two halves of the seed, the rest of the state filled as
    /// `AbstractWell.setSeed(int[])` does.
    fn new(seed: i64) -> Self {
        let mut v = vec![0i32; Self::R];
        v[0] = ((seed as u64) >> 32) as i32;
        v[1] = seed as i32;
        for i in 2..Self::R {
            let l = v[i - 2] as i64;
            v[i] = (1_812_433_253i64.wrapping_mul(l ^ (l >> 30)).wrapping_add(i as i64) & 0xFFFF_FFFF) as i32;
        }
        Well19937c { v, index: 0 }
    }

    fn next(&mut self, bits: u32) -> i32 {
        let r = Self::R;
        let index = self.index;
        let rm1 = (index + r - 1) % r;
        let rm2 = (index + r - 2) % r;
        let v0 = self.v[index];
        let vm1 = self.v[(index + Self::M1) % r];
        let vm2 = self.v[(index + Self::M2) % r];
        let vm3 = self.v[(index + Self::M3) % r];
        let ushr = |x: i32, n: u32| ((x as u32) >> n) as i32;

        let z0 = (i32::MIN & self.v[rm1]) ^ (0x7FFF_FFFF & self.v[rm2]);
        let z1 = (v0 ^ (v0 << 25)) ^ (vm1 ^ ushr(vm1, 27));
        let z2 = ushr(vm2, 9) ^ (vm3 ^ ushr(vm3, 1));
        let z3 = z1 ^ z2;
        let mut z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ ushr(z3, 21));

        self.v[index] = z3;
        self.v[rm1] = z4;
        self.v[rm2] &= i32::MIN;
        self.index = rm1;

        z4 ^= (z4 << 7) & 0xe46e1700u32 as i32;
        z4 ^= (z4 << 15) & 0x9b868000u32 as i32;
        ushr(z4, 32 - bits)
    }

    /// `BitsStreamGenerator.nextDouble`: 52 random bits.
    fn next_double(&mut self) -> f64 {
        let high = (self.next(26) as i64) << 26;
        let low = self.next(26) as i64;
        (high | low) as f64 * f64::from_bits(0x3CB0_0000_0000_0000) // 2^-52
    }
}

/// `PoissonDistribution(mean).sample()` for a mean under 40 (Knuth's product of
/// uniforms, bounded by 1000 × mean), as commons-math3 draws it.
struct PoissonDistribution {
    mean: f64,
    limit: f64,
    rng: Well19937c,
}

impl PoissonDistribution {
    /// commons-math3 switches to a rejection method from this mean on.
    const PIVOT: f64 = 40.0;

    fn sample(&mut self) -> u32 {
        let mut n: u32 = 0;
        let mut r = 1.0f64;
        while (n as f64) < 1000.0 * self.mean {
            r *= self.rng.next_double();
            if r >= self.limit {
                n += 1;
            } else {
                return n;
            }
        }
        n
    }
}

/// Whether Spark's draws are reproduced for this fraction.
pub fn supported_fraction(fraction: f64) -> bool {
    fraction < PoissonDistribution::PIVOT
}

/// How many times each of `n` rows appears in Spark's sample with replacement.
pub fn repetitions(fraction: f64, seed: i64, n: usize) -> Vec<u32> {
    if fraction <= 0.0 {
        return vec![0; n];
    }
    let partition_seed = JavaRandom::new(seed).next_long();
    let mut poisson = PoissonDistribution { mean: fraction, limit: (-fraction).exp(), rng: Well19937c::new(partition_seed) };
    (0..n).map(|_| poisson.sample()).collect()
}

/// The rows of `frame`, each repeated as Spark's sampler draws (rows drawn 0 times go).
pub fn sample_with_replacement(frame: pl::LazyFrame, fraction: f64, seed: i64) -> pl::LazyFrame {
    const COUNT: &str = "__pyrust_sample_count";
    let counts = pl::int_range(lit(0i64), pl::len(), 1, PlType::Int64).apply_with_fmt_str(
        move |c: Column| -> PolarsResult<Column> {
            let values: pl::UInt32Chunked = repetitions(fraction, seed, c.len()).into_iter().map(Some).collect();
            Ok(values.into_series().with_name(c.name().clone()).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::UInt32)),
        "poisson_sample",
    );
    frame
        .with_column(counts.alias(COUNT))
        .filter(col(COUNT).gt(lit(0u32)))
        .with_column(col(COUNT).repeat_by(col(COUNT)))
        .explode(pl::cols([COUNT]), pl::ExplodeOptions { empty_as_null: false, keep_nulls: false })
        .drop(pl::cols([COUNT]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_random_next_long_matches_the_jdk() {
        // new java.util.Random(42).nextLong() == -5025562857975149833
        assert_eq!(JavaRandom::new(42).next_long(), -5_025_562_857_975_149_833);
        assert_eq!(JavaRandom::new(0).next_long(), -4_962_768_465_676_381_896);
    }

    #[test]
    fn zero_fraction_keeps_nothing() {
        assert_eq!(repetitions(0.0, 1, 3), vec![0, 0, 0]);
    }

    #[test]
    fn draws_are_bounded_and_average_the_fraction() {
        let counts = repetitions(0.5, 7, 20_000);
        let mean = counts.iter().map(|&c| c as f64).sum::<f64>() / counts.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
    }
}
