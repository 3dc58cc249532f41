//! Spark's statistical aggregates, computed the way Spark computes them so the last
//! digits agree: the streaming moment updates of `CentralMomentAgg`, `Covariance` and
//! `PearsonCorrelation`, applied row by row in input order, then one merge of that
//! partial buffer into an empty one (Spark's final aggregation step; it is what turns
//! `stddev` of `[1e300, 1e300, 1]` into NaN rather than infinity), then the evaluation
//! formula with Spark's order of operations. A division by zero in a formula is
//! Spark's `Divide`: an error under ANSI, NULL otherwise.

/// A formula divided by zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DivideByZero;

/// A statistic's value: NULL, a double, or a division by zero.
pub type Stat = Result<Option<f64>, DivideByZero>;

fn div(a: f64, b: f64) -> Result<f64, DivideByZero> {
    if b == 0.0 { Err(DivideByZero) } else { Ok(a / b) }
}

/// The buffer of Spark's `CentralMomentAgg`: count, mean and central moments 2 to 4.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    pub n: f64,
    pub avg: f64,
    pub m2: f64,
    pub m3: f64,
    pub m4: f64,
}

impl Moments {
    /// The moments of `values` (NULLs already left out) up to `order` (2, 3 or 4), as
    /// Spark's final aggregation sees them.
    pub fn of(values: impl Iterator<Item = f64>, order: u8) -> Moments {
        let mut m = Moments::default();
        for x in values {
            m.update(x, order);
        }
        Moments::default().merge(&m, order)
    }

    fn update(&mut self, x: f64, order: u8) {
        let new_n = self.n + 1.0;
        let delta = x - self.avg;
        let delta_n = delta / new_n;
        let new_avg = self.avg + delta_n;
        let new_m2 = self.m2 + delta * (delta - delta_n);
        let delta2 = delta * delta;
        let delta_n2 = delta_n * delta_n;
        let new_m3 = if order >= 3 { self.m3 - 3.0 * delta_n * new_m2 + delta * (delta2 - delta_n2) } else { 0.0 };
        let new_m4 = if order >= 4 {
            self.m4 - 4.0 * delta_n * new_m3 - 6.0 * delta_n2 * new_m2 + delta * (delta * delta2 - delta_n * delta_n2)
        } else {
            0.0
        };
        *self = Moments { n: new_n, avg: new_avg, m2: new_m2, m3: new_m3, m4: new_m4 };
    }

    /// Spark's `mergeExpressions`: `self` is the left buffer, `other` the right one.
    fn merge(&self, other: &Moments, order: u8) -> Moments {
        let (n1, n2) = (self.n, other.n);
        let new_n = n1 + n2;
        let delta = other.avg - self.avg;
        let delta_n = if new_n == 0.0 { 0.0 } else { delta / new_n };
        let new_avg = self.avg + delta_n * n2;
        let new_m2 = self.m2 + other.m2 + delta * delta_n * n1 * n2;
        let new_m3 = if order >= 3 {
            self.m3 + other.m3 + delta_n * delta_n * delta * n1 * n2 * (n1 - n2) + 3.0 * delta_n * (n1 * other.m2 - n2 * self.m2)
        } else {
            0.0
        };
        let new_m4 = if order >= 4 {
            self.m4
                + other.m4
                + delta_n * delta_n * delta_n * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
                + 6.0 * delta_n * delta_n * (n1 * n1 * other.m2 + n2 * n2 * self.m2)
                + 4.0 * delta_n * (n1 * other.m3 - n2 * self.m3)
        } else {
            0.0
        };
        Moments { n: new_n, avg: new_avg, m2: new_m2, m3: new_m3, m4: new_m4 }
    }
}

/// The statistics of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    StddevPop,
    StddevSamp,
    VarPop,
    VarSamp,
    Skewness,
    Kurtosis,
    /// `regr_sxx`/`regr_syy`: the sum of squared deviations.
    SumOfSquares,
}

impl Moment {
    /// The highest central moment the statistic needs.
    pub fn order(self) -> u8 {
        match self {
            Moment::Skewness => 3,
            Moment::Kurtosis => 4,
            _ => 2,
        }
    }

    /// Spark's `evaluateExpression` (NULL where it divides by a zero count).
    pub fn evaluate(self, m: &Moments) -> Stat {
        if m.n == 0.0 {
            return Ok(None);
        }
        Ok(Some(match self {
            Moment::StddevPop => div(m.m2, m.n)?.sqrt(),
            Moment::StddevSamp if m.n == 1.0 => return Ok(None),
            Moment::StddevSamp => div(m.m2, m.n - 1.0)?.sqrt(),
            Moment::VarPop => div(m.m2, m.n)?,
            Moment::VarSamp if m.n == 1.0 => return Ok(None),
            Moment::VarSamp => div(m.m2, m.n - 1.0)?,
            Moment::Skewness if m.m2 == 0.0 => return Ok(None),
            Moment::Skewness => div(m.n.sqrt() * m.m3, (m.m2 * m.m2 * m.m2).sqrt())?,
            Moment::Kurtosis if m.m2 == 0.0 => return Ok(None),
            Moment::Kurtosis => div(m.n * m.m4, m.m2 * m.m2)? - 3.0,
            Moment::SumOfSquares => m.m2,
        }))
    }
}

/// The buffer of Spark's `Covariance` (`ck`) and `PearsonCorrelation` (also `x_mk`,
/// `y_mk`) over pairs with neither side NULL.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CoMoments {
    pub n: f64,
    pub x_avg: f64,
    pub y_avg: f64,
    pub ck: f64,
    pub x_mk: f64,
    pub y_mk: f64,
}

impl CoMoments {
    /// The co-moments of `pairs`, as Spark's final aggregation sees them.
    pub fn of(pairs: impl Iterator<Item = (f64, f64)>) -> CoMoments {
        let mut m = CoMoments::default();
        for (x, y) in pairs {
            m.update(x, y);
        }
        CoMoments::default().merge(&m)
    }

    fn update(&mut self, x: f64, y: f64) {
        let new_n = self.n + 1.0;
        let dx = x - self.x_avg;
        let dx_n = dx / new_n;
        let dy = y - self.y_avg;
        let dy_n = dy / new_n;
        let new_x_avg = self.x_avg + dx_n;
        let new_y_avg = self.y_avg + dy_n;
        *self = CoMoments {
            n: new_n,
            x_avg: new_x_avg,
            y_avg: new_y_avg,
            ck: self.ck + dx * (y - new_y_avg),
            x_mk: self.x_mk + dx * (x - new_x_avg),
            y_mk: self.y_mk + dy * (y - new_y_avg),
        };
    }

    fn merge(&self, other: &CoMoments) -> CoMoments {
        let (n1, n2) = (self.n, other.n);
        let new_n = n1 + n2;
        let dx = other.x_avg - self.x_avg;
        let dx_n = if new_n == 0.0 { 0.0 } else { dx / new_n };
        let dy = other.y_avg - self.y_avg;
        let dy_n = if new_n == 0.0 { 0.0 } else { dy / new_n };
        CoMoments {
            n: new_n,
            x_avg: self.x_avg + dx_n * n2,
            y_avg: self.y_avg + dy_n * n2,
            ck: self.ck + other.ck + dx * dy_n * n1 * n2,
            x_mk: self.x_mk + other.x_mk + dx * dx_n * n1 * n2,
            y_mk: self.y_mk + other.y_mk + dy * dy_n * n1 * n2,
        }
    }
}

/// The statistics of two columns. Each names the buffer Spark keeps (its `x` and `y`
/// are the arguments in Spark's order for that buffer; see `pairs_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoMoment {
    Corr,
    CovarPop,
    CovarSamp,
    /// `regr_r2`: `PearsonCorrelation(y, x)`.
    RegrR2,
    /// `regr_sxy`: `Covariance(y, x)`'s `ck`.
    RegrSxy,
}

impl CoMoment {
    pub fn evaluate(self, m: &CoMoments) -> Stat {
        Ok(Some(match self {
            _ if m.n == 0.0 && self != CoMoment::RegrR2 => return Ok(None),
            CoMoment::Corr if m.n == 1.0 => return Ok(None),
            CoMoment::Corr => div(m.ck, (m.x_mk * m.y_mk).sqrt())?,
            CoMoment::CovarPop => div(m.ck, m.n)?,
            CoMoment::CovarSamp if m.n == 1.0 => return Ok(None),
            CoMoment::CovarSamp => div(m.ck, m.n - 1.0)?,
            CoMoment::RegrR2 if m.x_mk == 0.0 => return Ok(None),
            CoMoment::RegrR2 if m.y_mk == 0.0 => 1.0,
            CoMoment::RegrR2 => {
                let corr = div(m.ck, (m.x_mk * m.y_mk).sqrt())?;
                corr * corr
            }
            CoMoment::RegrSxy => m.ck,
        }))
    }
}

/// `regr_slope(y, x)` and `regr_intercept(y, x)`: Spark keeps `covar_pop(x, y)`'s buffer
/// and `var_pop(x)`'s over the pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regression {
    Slope,
    Intercept,
}

impl Regression {
    /// `pairs` are (x, y): the independent variable first.
    pub fn evaluate(self, pairs: &[(f64, f64)]) -> Stat {
        let covar = CoMoments::of(pairs.iter().copied());
        let var = Moments::of(pairs.iter().map(|p| p.0), 2);
        if var.m2 == 0.0 {
            return Ok(None);
        }
        Ok(Some(match self {
            Regression::Slope => div(covar.ck, var.m2)?,
            Regression::Intercept => covar.y_avg - div(covar.ck, var.m2)? * covar.x_avg,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(stat: Moment, values: &[f64]) -> Option<f64> {
        stat.evaluate(&Moments::of(values.iter().copied(), stat.order())).unwrap()
    }

    #[test]
    /// Values PySpark 4.0.1 gives (its docstrings show slightly different last digits).
    fn spark_examples() {
        assert_eq!(one(Moment::StddevSamp, &[34.0, 28.0, 45.0, 28.0]), Some(8.015609770940697));
        assert_eq!(one(Moment::StddevPop, &[1.0, 2.0, 3.0]), Some(0.816496580927726));
        assert_eq!(one(Moment::VarPop, &[1.0, 2.0, 3.0]), Some(0.6666666666666666));
        assert_eq!(one(Moment::Skewness, &[-10.0, -20.0, 100.0, 1000.0]), Some(1.1135657469022011));
        assert_eq!(one(Moment::Kurtosis, &[-10.0, -20.0, 100.0, 1000.0]), Some(-0.7014368047529609));
        assert_eq!(one(Moment::Kurtosis, &[1.0, 10.0, 100.0, 10.0, 1.0]), Some(0.19432323191698986));
        let corr = CoMoment::Corr.evaluate(&CoMoments::of([(3.0, 2.0), (3.0, 3.0), (6.0, 4.0)].into_iter())).unwrap();
        assert_eq!(corr, Some(0.8660254037844387));
    }

    #[test]
    fn empty_and_single_values() {
        assert_eq!(one(Moment::VarSamp, &[]), None);
        assert_eq!(one(Moment::VarSamp, &[1.0]), None);
        assert_eq!(one(Moment::VarPop, &[1.0]), Some(0.0));
        assert_eq!(one(Moment::Skewness, &[2.0, 2.0]), None);
    }

    #[test]
    fn the_final_merge_turns_huge_values_into_nan() {
        assert!(one(Moment::StddevSamp, &[1e300, 1e300, 1.0]).unwrap().is_nan());
    }

    #[test]
    fn constant_column_divides_by_zero() {
        let m = CoMoments::of([(1.0, 1.0), (2.0, 1.0)].into_iter());
        assert_eq!(CoMoment::Corr.evaluate(&m), Err(DivideByZero));
        assert_eq!(CoMoment::RegrR2.evaluate(&m), Ok(Some(1.0)));
    }

    #[test]
    fn regression_line() {
        let pairs = [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)];
        assert_eq!(Regression::Slope.evaluate(&pairs), Ok(Some(1.0)));
        assert_eq!(Regression::Intercept.evaluate(&pairs), Ok(Some(0.0)));
    }
}
