//! Spark's `UnwrapCastInBinaryComparison` where it changes what runs: `CAST(x AS t) <=>
//! c`, the cast a widening one and `c` a constant the narrower type of `x` cannot hold
//! (`99.99` against an INT, `2^40` against an INT, `0.1` against a FLOAT), is the
//! literal FALSE, so `x` never runs: `pmod(c, c) <=> 99.99` raises no DIVIDE_BY_ZERO.
//! `CAST(x AS t) = c` becomes `isnull(x) AND NULL`, which a filter's condition
//! (`ReplaceNullWithFalseInPredicate`, through its ANDs and ORs) makes FALSE too;
//! elsewhere it still runs `x`. The rule's other rewrites move the cast onto the
//! literal and keep `x` running, so they give the answer PyRust gives already.

use super::expr::ExprLowering;
use crate::analysis::null_propagation;
use crate::analysis::typing::data_type;
use crate::ir::{BinaryOp, CastKind, DataType, Expr};

impl ExprLowering<'_> {
    /// A filter's condition as Spark's optimizer leaves it: its `=` comparisons the rule
    /// makes FALSE, through ANDs and ORs, are the literal.
    pub fn filter_condition(&self, condition: &Expr) -> Expr {
        match condition {
            Expr::Binary { op: op @ (BinaryOp::And | BinaryOp::Or), left, right } => {
                Expr::binary(*op, self.filter_condition(left), self.filter_condition(right))
            }
            Expr::WithOrigin { expr, origin } => Expr::WithOrigin { expr: Box::new(self.filter_condition(expr)), origin: origin.clone() },
            Expr::Binary { op: BinaryOp::Eq, left, right } if self.never_equal(left, right) => Expr::Literal(crate::ir::Value::Boolean(false)),
            other => other.clone(),
        }
    }

    /// Whether `left <=> right` is Spark's FALSE literal by the rule (and `left =
    /// right` FALSE or NULL without looking at a row).
    pub(super) fn never_equal(&self, left: &Expr, right: &Expr) -> bool {
        let (from, to, constant) = match (left.unalias(), right.unalias()) {
            (Expr::Cast { expr, to, .. }, c) | (c, Expr::Cast { expr, to, .. }) if null_propagation::is_foldable(c) => (expr.as_ref(), to, c),
            _ => return false,
        };
        let from_type = data_type(from);
        if null_propagation::is_foldable(from) || !crate::optimize::deterministic(from) || data_type(constant) != *to || !unwrappable(&from_type, to) {
            return false;
        }
        if self.constant_condition(&Expr::IsNull(Box::new(constant.clone()))) != Some(Some(false)) {
            return false;
        }
        // The constant through the narrower type and back (Spark's non-ANSI cast): a
        // value it changes is one `x` never equals. One the narrower type cannot hold
        // at all is outside an integral or floating type's range, the rule's other
        // FALSE; a decimal's leaves the comparison as it is.
        let narrowed = Expr::Cast { expr: Box::new(constant.clone()), to: from_type.clone(), kind: CastKind::Try };
        let round_trip = Expr::Cast { expr: Box::new(narrowed), to: to.clone(), kind: CastKind::Implicit };
        match self.constant_condition(&Expr::Binary { op: BinaryOp::Eq, left: Box::new(round_trip), right: Box::new(constant.clone()) }) {
            Some(Some(same)) => !same,
            Some(None) => !matches!(from_type, DataType::Decimal(..)),
            None => false,
        }
    }
}

/// Spark's `canUnwrapCast`: a numeric up-cast (`Cast.canUpCast`), but not the ones that
/// round (INT or BIGINT to FLOAT, BIGINT to DOUBLE).
fn unwrappable(from: &DataType, to: &DataType) -> bool {
    use DataType as T;
    // Digits before and after the point (`DecimalType.forType` for integers).
    let digits = |t: &T| match crate::analysis::typing::integral_decimal(t) {
        Some(T::Decimal(p, s)) => Some((p as i64 - s as i64, s)),
        _ => None,
    };
    let rank = |t: &T| [T::Byte, T::Short, T::Integer, T::Long, T::Float, T::Double].iter().position(|x| x == t);
    match (from, to) {
        (T::Integer | T::Long, T::Float) | (T::Long, T::Double) => false,
        // With a decimal on either side: every digit of `from` has room in `to`.
        (T::Decimal(..), _) | (_, T::Decimal(..)) => matches!((digits(from), digits(to)), (Some((w1, s1)), Some((w2, s2))) if w1 <= w2 && s1 <= s2),
        (f, t) => matches!((rank(f), rank(t)), (Some(a), Some(b)) if a <= b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_up_casts_that_keep_every_value_unwrap() {
        assert!(unwrappable(&DataType::Integer, &DataType::Decimal(12, 2)));
        assert!(!unwrappable(&DataType::Integer, &DataType::Decimal(10, 2)));
        assert!(unwrappable(&DataType::Integer, &DataType::Double));
        assert!(!unwrappable(&DataType::Integer, &DataType::Float));
        assert!(!unwrappable(&DataType::Long, &DataType::Double));
        assert!(unwrappable(&DataType::Float, &DataType::Double));
        assert!(unwrappable(&DataType::Decimal(5, 2), &DataType::Decimal(7, 3)));
        assert!(!unwrappable(&DataType::Decimal(5, 2), &DataType::Decimal(7, 1)));
        assert!(!unwrappable(&DataType::Double, &DataType::Integer));
        assert!(!unwrappable(&DataType::String, &DataType::Double));
    }
}
