//! Spark's `histogram_numeric`: Hive's `NumericHistogram` (Ben-Haim and Tom-Tov's
//! streaming histogram), values added in input order. Ties between equally close bin
//! pairs are broken by `java.util.Random` with Spark's fixed seed 31183, reproduced
//! here, so the bins are Spark's.

/// `java.util.Random`: a 48-bit linear congruential generator.
struct JavaRandom {
    seed: u64,
}

impl JavaRandom {
    const MULTIPLIER: u64 = 0x5_DEEC_E66D;
    const MASK: u64 = (1 << 48) - 1;

    fn new(seed: u64) -> JavaRandom {
        JavaRandom { seed: (seed ^ Self::MULTIPLIER) & Self::MASK }
    }

    fn next(&mut self, bits: u32) -> u64 {
        self.seed = (self.seed.wrapping_mul(Self::MULTIPLIER).wrapping_add(0xB)) & Self::MASK;
        self.seed >> (48 - bits)
    }

    fn next_double(&mut self) -> f64 {
        (((self.next(26) as i64) << 27) + self.next(27) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A histogram of at most `bins` (x, y) bins: centres and heights.
pub struct Histogram {
    bins: usize,
    coords: Vec<(f64, f64)>,
    prng: JavaRandom,
}

impl Histogram {
    pub fn new(bins: usize) -> Histogram {
        Histogram { bins, coords: Vec::with_capacity(bins + 1), prng: JavaRandom::new(31183) }
    }

    /// `add`: into the bin at exactly `v`, or a new bin, then merge the closest pair
    /// while there are too many.
    pub fn add(&mut self, v: f64) {
        let (mut l, mut r, mut bin) = (0usize, self.coords.len(), 0usize);
        while l < r {
            bin = (l + r) / 2;
            if self.coords[bin].0 > v {
                r = bin;
            } else if self.coords[bin].0 < v {
                bin += 1;
                l = bin;
            } else {
                break;
            }
        }
        if bin < self.coords.len() && self.coords[bin].0 == v {
            self.coords[bin].1 += 1.0;
        } else {
            self.coords.insert(bin, (v, 1.0));
            if self.coords.len() > self.bins {
                self.trim();
            }
        }
    }

    fn trim(&mut self) {
        while self.coords.len() > self.bins {
            let c = &self.coords;
            let mut smallest = c[1].0 - c[0].0;
            let (mut at, mut ties) = (0usize, 1u32);
            for i in 1..c.len() - 1 {
                let diff = c[i + 1].0 - c[i].0;
                if diff < smallest {
                    smallest = diff;
                    at = i;
                    ties = 1;
                } else if diff == smallest {
                    ties += 1;
                    if self.prng.next_double() <= 1.0 / ties as f64 {
                        at = i;
                    }
                }
            }
            let (a, b) = (self.coords[at], self.coords[at + 1]);
            let d = a.1 + b.1;
            let mut x = a.0 * (a.1 / d);
            x += b.0 / d * b.1;
            self.coords[at] = (x, d);
            self.coords.remove(at + 1);
        }
    }

    /// The bins, NULL (None) when nothing was added.
    pub fn bins(&self) -> Option<&[(f64, f64)]> {
        (!self.coords.is_empty()).then_some(&self.coords[..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_random_sequence() {
        // new java.util.Random(42).nextDouble() is 0.7275636800328681.
        assert_eq!(JavaRandom::new(42).next_double(), 0.7275636800328681);
    }

    #[test]
    fn spark_example() {
        let mut h = Histogram::new(5);
        for v in [0.0, 1.0, 2.0, 10.0] {
            h.add(v);
        }
        assert_eq!(h.bins(), Some(&[(0.0, 1.0), (1.0, 1.0), (2.0, 1.0), (10.0, 1.0)][..]));
        let mut h = Histogram::new(2);
        for v in [0.0, 1.0, 10.0] {
            h.add(v);
        }
        assert_eq!(h.bins(), Some(&[(0.5, 2.0), (10.0, 1.0)][..]));
    }
}
