//! Spark's `approx_count_distinct`: HyperLogLog++ (`HyperLogLogPlusPlusHelper`) over each
//! value's XXH64 hash with seed 42 (`compat::hash`, which already reads -0.0 as 0.0 and
//! every NaN as one, as Spark's float normalizer does). `2^p` registers hold the longest
//! run of leading zeros seen; the estimate is linear counting while it is small, then
//! the raw HyperLogLog estimate less the bias interpolated from the HLL++ tables. The
//! same answer as Spark's for the same values, whatever their order or partitioning.

use super::hll_tables::{BIASES, RAW_ESTIMATES, THRESHOLDS};

/// Neighbours the bias is averaged over (Spark's `K`).
const NEIGHBOURS: usize = 6;

pub struct HyperLogLogPlusPlus {
    p: u32,
    registers: Vec<u8>,
}

impl HyperLogLogPlusPlus {
    /// The address bits Spark picks for a relative standard deviation (at least 4 is
    /// checked by analysis).
    pub fn precision(relative_sd: f64) -> i64 {
        (2.0 * (1.106 / relative_sd).ln() / 2f64.ln()).ceil() as i64
    }

    pub fn new(relative_sd: f64) -> Self {
        let p = Self::precision(relative_sd).clamp(4, 30) as u32;
        HyperLogLogPlusPlus { p, registers: vec![0; 1 << p] }
    }

    fn m(&self) -> f64 {
        self.registers.len() as f64
    }

    /// Adds one value by its hash.
    pub fn add(&mut self, hash: i64) {
        let x = hash as u64;
        let index = (x >> (64 - self.p)) as usize;
        let padding = 1u64 << (self.p - 1);
        let run = ((x << self.p) | padding).leading_zeros() as u8 + 1;
        let register = &mut self.registers[index];
        *register = (*register).max(run);
    }

    /// The estimate, rounded as Java's `Math.round`.
    pub fn estimate(&self) -> i64 {
        let (mut z_inverse, mut zeros) = (0.0f64, 0.0f64);
        for &r in &self.registers {
            z_inverse += 1.0 / (1u64 << r) as f64;
            if r == 0 {
                zeros += 1.0;
            }
        }
        let m = self.m();
        let raw = self.alpha_m2() / z_inverse;
        let tabled = self.p < 19;
        let bias_corrected = || if tabled && raw < 5.0 * m { raw - self.bias(raw) } else { raw };
        let estimate = if zeros > 0.0 {
            let linear = m * (m / zeros).ln();
            if (tabled && linear <= THRESHOLDS[self.p as usize - 4]) || raw <= 2.5 * m {
                linear
            } else {
                bias_corrected()
            }
        } else {
            bias_corrected()
        };
        (estimate + 0.5).floor() as i64
    }

    /// `alpha * m * m`, multiplied in Spark's order.
    fn alpha_m2(&self) -> f64 {
        let m = self.m();
        match self.p {
            4 => 0.673 * m * m,
            5 => 0.697 * m * m,
            6 => 0.709 * m * m,
            _ => (0.7213 / (1.0 + 1.079 / m)) * m * m,
        }
    }

    /// The bias at a raw estimate: the mean bias of the `NEIGHBOURS` tabled estimates
    /// nearest to it.
    fn bias(&self, e: f64) -> f64 {
        let estimates = RAW_ESTIMATES[self.p as usize - 4];
        let n = estimates.len();
        // Java's binarySearch: the index of an equal estimate, else where it would go.
        let nearest = estimates.partition_point(|x| *x < e);
        let distance = |i: usize| (e - estimates[i]) * (e - estimates[i]);
        let mut low = (nearest + 1).saturating_sub(NEIGHBOURS);
        let mut high = (low + NEIGHBOURS).min(n);
        while high < n && distance(high) < distance(low) {
            low += 1;
            high += 1;
        }
        let biases = BIASES[self.p as usize - 4];
        biases[low..high].iter().sum::<f64>() / (high - low) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compat::hash::{SparkHash, XxHash64};

    fn count(values: impl Iterator<Item = i64>, rsd: f64) -> i64 {
        let mut hll = HyperLogLogPlusPlus::new(rsd);
        for v in values {
            hll.add(XxHash64::long(v, 42));
        }
        hll.estimate()
    }

    #[test]
    fn precision_as_spark_picks_it() {
        assert_eq!(HyperLogLogPlusPlus::precision(0.05), 9);
        assert_eq!(HyperLogLogPlusPlus::precision(0.01), 14);
        assert_eq!(HyperLogLogPlusPlus::precision(0.39), 4);
    }

    #[test]
    fn empty_and_repeated_values() {
        assert_eq!(count(std::iter::empty(), 0.05), 0);
        assert_eq!(count(std::iter::repeat_n(7, 100), 0.05), 1);
    }

    // spark.range(n).agg(approx_count_distinct("id", rsd)) in Spark 4.0.1.
    #[test]
    fn estimates_of_ranges_like_spark() {
        assert_eq!(count(0..10, 0.3), 13);
        assert_eq!(count(0..100, 0.05), 103);
        assert_eq!(count(0..100, 0.3), 80);
        assert_eq!(count(0..1000, 0.05), 1026);
        assert_eq!(count(0..1000, 0.01), 996);
        assert_eq!(count(0..100_000, 0.05), 95_546);
        assert_eq!(count(0..100_000, 0.01), 100_425);
        assert_eq!(count(0..100_000, 0.3), 78_139);
    }
}
