//! Spark's percentiles. `percentile` is exact: the distinct values sorted with their
//! total frequencies, and linear interpolation between the two values around the
//! position `(count - 1) * p`, written as Spark writes it so the digits agree.
//! `percentile_approx` is Spark's Greenwald-Khanna summary (`QuantileSummaries` behind
//! `ApproximatePercentile.PercentileDigest`), ported step by step: the 50,000-value head
//! buffer, the inserts and compressions with relative error `1 / accuracy`, and the
//! query that returns one of the values seen. Its answer is exact on small inputs and
//! Spark's own approximation on large ones.

use std::cmp::Ordering;

/// Java's `Double.compare`: -0.0 before 0.0, every NaN equal and after everything.
fn java_compare(a: f64, b: f64) -> Ordering {
    let canonical = |x: f64| if x.is_nan() { f64::NAN } else { x };
    canonical(a).total_cmp(&canonical(b))
}

/// The exact percentiles of values given with positive frequencies (NULLs and zero
/// frequencies already left out); None when there are none.
pub fn exact(weighted: &[(f64, i64)], percentages: &[f64]) -> Option<Vec<f64>> {
    ordered(weighted, percentages, false, false)
}

/// `exact` over the values in descending order (`reverse`: `percentile_cont(p) WITHIN
/// GROUP (ORDER BY x DESC)`), or `percentile_disc`'s (`discrete`): the first value whose
/// running count reaches `count * p`, no interpolation.
pub fn ordered(weighted: &[(f64, i64)], percentages: &[f64], reverse: bool, discrete: bool) -> Option<Vec<f64>> {
    if weighted.is_empty() {
        return None;
    }
    // Spark counts each value once (its hash map keys boxed doubles: NaNs never merge).
    let mut sorted: Vec<(f64, i64)> = weighted.to_vec();
    sorted.sort_by(|a, b| if reverse { spark_order(b.0, a.0) } else { spark_order(a.0, b.0) });
    let mut keys: Vec<f64> = vec![];
    let mut accumulated: Vec<i64> = vec![];
    for (v, n) in sorted {
        match keys.last() {
            Some(last) if *last == v => *accumulated.last_mut().expect("same length") += n,
            _ => {
                let total = accumulated.last().copied().unwrap_or(0);
                keys.push(v);
                accumulated.push(total + n);
            }
        }
    }
    let total = accumulated.last().copied().unwrap_or(0);
    if discrete {
        let at = |p: f64| {
            let higher = (total as f64 * p).ceil() as i64;
            keys[accumulated.partition_point(|c| *c < higher).min(keys.len() - 1)]
        };
        return Some(percentages.iter().map(|p| at(*p)).collect());
    }
    let max_position = total - 1;
    Some(percentages.iter().map(|p| at_position(&keys, &accumulated, max_position as f64 * p)).collect())
}

/// Spark's ordering of doubles in `percentile`: numeric, with NaN the greatest.
fn spark_order(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

fn at_position(keys: &[f64], accumulated: &[i64], position: f64) -> f64 {
    let lower = position.floor() as i64;
    let higher = position.ceil() as i64;
    // `Arrays.binarySearch` for count + 1: the first key whose running count reaches it.
    let index = |wanted: i64| accumulated.partition_point(|c| *c < wanted).min(keys.len() - 1);
    let lower_key = keys[index(lower + 1)];
    if higher == lower {
        return lower_key;
    }
    let higher_key = keys[index(higher + 1)];
    if higher_key == lower_key {
        return lower_key;
    }
    (higher as f64 - position) * lower_key + (position - lower as f64) * higher_key
}

/// One entry of a GK summary.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stats {
    value: f64,
    g: i64,
    delta: i64,
}

const HEAD_SIZE: usize = 50_000;
const COMPRESS_THRESHOLD: usize = 10_000;

/// `ApproximatePercentile.PercentileDigest` over `QuantileSummaries`.
#[derive(Debug, Clone)]
pub struct Digest {
    relative_error: f64,
    sampled: Vec<Stats>,
    /// Values inserted into `sampled` (not counting the head buffer).
    count: i64,
    head: Vec<f64>,
    compressed: bool,
    /// The digest compresses when `sampled` reaches this many entries.
    buffer_limit: usize,
}

impl Digest {
    pub fn new(accuracy: i64) -> Digest {
        let relative_error = 1.0 / accuracy as f64;
        let buffer_limit = ((1.0 / relative_error) as i32 as i64 * 2 * 2).max(0) as usize;
        Digest { relative_error, sampled: vec![], count: 0, head: vec![], compressed: true, buffer_limit }
    }

    /// A bare `QuantileSummaries` with a relative error (`DataFrame.approxQuantile`):
    /// it compresses only when its head buffer fills, never on a sample count.
    pub fn with_relative_error(relative_error: f64) -> Digest {
        Digest { relative_error, sampled: vec![], count: 0, head: vec![], compressed: true, buffer_limit: usize::MAX }
    }

    /// `PercentileDigest.add`.
    pub fn add(&mut self, x: f64) {
        self.insert(x);
        self.compressed = false;
        if self.sampled.len() >= self.buffer_limit {
            self.compress();
        }
    }

    /// `QuantileSummaries.insert`.
    pub fn insert(&mut self, x: f64) {
        self.head.push(x);
        self.compressed = false;
        if self.head.len() >= HEAD_SIZE {
            self.insert_head_buffer();
            if self.sampled.len() >= COMPRESS_THRESHOLD {
                self.compress();
            }
        }
    }

    /// `withHeadBufferInserted`: the head buffer, sorted, merged into the samples.
    fn insert_head_buffer(&mut self) {
        if self.head.is_empty() {
            return;
        }
        let mut sorted = std::mem::take(&mut self.head);
        sorted.sort_by(|a, b| java_compare(*a, *b));
        let mut count = self.count;
        let mut samples = Vec::with_capacity(self.sampled.len() + sorted.len());
        let mut next = 0;
        for (i, &x) in sorted.iter().enumerate() {
            while next < self.sampled.len() && self.sampled[next].value <= x {
                samples.push(self.sampled[next]);
                next += 1;
            }
            count += 1;
            let delta = if samples.is_empty() || (next == self.sampled.len() && i == sorted.len() - 1) {
                0
            } else {
                (2.0 * self.relative_error * count as f64).floor() as i64
            };
            samples.push(Stats { value: x, g: 1, delta });
        }
        samples.extend_from_slice(&self.sampled[next..]);
        self.sampled = samples;
        self.count = count;
    }

    /// `QuantileSummaries.compress`.
    fn compress(&mut self) {
        self.insert_head_buffer();
        self.sampled = compress_samples(&self.sampled, 2.0 * self.relative_error * self.count as f64);
        self.compressed = true;
    }

    /// The digest as Spark's final aggregation sees it (its partial buffer, compressed).
    pub fn finish(mut self) -> Digest {
        if !self.compressed {
            self.compress();
        }
        self
    }

    /// `QuantileSummaries.query` on a finished digest: None when it saw no values.
    pub fn query(&self, quantile: f64) -> Option<f64> {
        if self.sampled.is_empty() || self.count == 0 {
            return None;
        }
        if quantile <= self.relative_error {
            return Some(self.sampled[0].value);
        }
        if quantile >= 1.0 - self.relative_error {
            return self.sampled.last().map(|s| s.value);
        }
        let rank = (quantile * self.count as f64).ceil() as i64;
        let target_error = self.sampled.iter().map(|s| s.delta + s.g).max().unwrap_or(0) / 2;
        let mut min_rank = 0i64;
        for s in &self.sampled[..self.sampled.len() - 1] {
            min_rank += s.g;
            let max_rank = min_rank + s.delta;
            if max_rank - target_error <= rank && rank <= min_rank + target_error {
                return Some(s.value);
            }
        }
        self.sampled.last().map(|s| s.value)
    }
}

/// `QuantileSummaries.compressImmut`.
fn compress_samples(samples: &[Stats], merge_threshold: f64) -> Vec<Stats> {
    if samples.is_empty() {
        return vec![];
    }
    let mut reversed: Vec<Stats> = vec![];
    let mut head = samples[samples.len() - 1];
    let mut i = samples.len() as i64 - 2;
    while i >= 1 {
        let sample = samples[i as usize];
        if ((sample.g + head.g + head.delta) as f64) < merge_threshold {
            head.g += sample.g;
        } else {
            reversed.push(head);
            head = sample;
        }
        i -= 1;
    }
    reversed.push(head);
    let first = samples[0];
    if first.value <= head.value && samples.len() > 1 {
        reversed.push(first);
    }
    reversed.reverse();
    reversed
}

/// `StatFunctions.multipleApproxQuantiles` over one column: NULLs (None) and NaN left
/// out, one summary compressed once (one partition), then queried; None when no value.
pub fn approx_quantiles(values: impl Iterator<Item = Option<f64>>, probabilities: &[f64], relative_error: f64) -> Option<Vec<f64>> {
    let mut digest = Digest::with_relative_error(relative_error);
    for v in values.flatten().filter(|v| !v.is_nan()) {
        digest.insert(v);
    }
    let digest = digest.finish();
    probabilities.iter().map(|p| digest.query(*p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_and_discrete_percentiles() {
        let values = [(2.5, 1), (-1.0, 1), (3.0, 1)];
        // percentile_cont(0.25) WITHIN GROUP (ORDER BY d DESC): 2.75, as Spark.
        assert_eq!(ordered(&values, &[0.25], true, false), Some(vec![2.75]));
        // percentile_disc(0.25) ... DESC: 3.0; ascending 0.5 over 1, 2, 4: 2.0.
        assert_eq!(ordered(&values, &[0.25], true, true), Some(vec![3.0]));
        assert_eq!(ordered(&[(1.0, 1), (2.0, 1), (4.0, 1)], &[0.5, 0.0], false, true), Some(vec![2.0, 1.0]));
    }

    #[test]
    fn approx_quantiles_exact_with_no_error() {
        let values = [Some(3.0), None, Some(1.0), Some(f64::NAN), Some(2.0), Some(4.0)];
        let q = approx_quantiles(values.into_iter(), &[0.0, 0.5, 1.0], 0.0);
        assert_eq!(q, Some(vec![1.0, 2.0, 4.0]));
        assert_eq!(approx_quantiles([None, Some(f64::NAN)].into_iter(), &[0.5], 0.1), None);
    }

    #[test]
    fn exact_interpolates_like_spark() {
        assert_eq!(exact(&[(0.0, 1), (10.0, 1)], &[0.3]), Some(vec![3.0]));
        assert_eq!(exact(&[(0.0, 1), (10.0, 1)], &[0.25, 0.75]), Some(vec![2.5, 7.5]));
        assert_eq!(exact(&[(1.0, 2), (5.0, 1)], &[0.5]), Some(vec![1.0]));
        assert_eq!(exact(&[], &[0.5]), None);
    }

    #[test]
    fn small_inputs_are_exact() {
        let mut d = Digest::new(10_000);
        for x in [5.0, 1.0, 3.0, 2.0, 4.0] {
            d.add(x);
        }
        let d = d.finish();
        assert_eq!(d.query(0.5), Some(3.0));
        assert_eq!(d.query(0.0), Some(1.0));
        assert_eq!(d.query(1.0), Some(5.0));
        assert_eq!(Digest::new(100).finish().query(0.5), None);
    }
}
