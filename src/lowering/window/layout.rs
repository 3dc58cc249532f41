//! The rows of a Window node: its input sorted by PARTITION BY keys (ascending, NULLs
//! first) and ORDER BY keys (each with its own direction and NULL order, as Spark's
//! Window operator gives them), and the helper columns every window expression of the
//! node builds on, computed once over the whole sorted frame without grouping:
//! global positions, where each partition and each group of peers (rows with equal
//! ORDER BY keys) starts and ends, and a sorted partition id for the `over` that
//! per-partition computations need.

use polars::prelude::{self as pl, col, lit, when, DataType as PlType, FillNullStrategy, LazyFrame};

/// Names of the helper columns, dropped when the node is done.
pub const G: &str = "__pyrust_w_pos";
pub const PID: &str = "__pyrust_w_partition";
pub const PS: &str = "__pyrust_w_partition_start";
pub const PE: &str = "__pyrust_w_partition_end";
pub const QS: &str = "__pyrust_w_peers_start";
pub const QE: &str = "__pyrust_w_peers_end";
pub const PEER: &str = "__pyrust_w_peer_group";
const PSTART: &str = "__pyrust_w_starts_partition";
const QSTART: &str = "__pyrust_w_starts_peers";
const QID: &str = "__pyrust_w_peer_id";

pub const HELPERS: &[&str] = &[G, PID, PS, PE, QS, QE, PEER, PSTART, QSTART, QID];

/// The lowered keys of one Window node.
pub struct Layout {
    pub parts: Vec<pl::Expr>,
    pub keys: Vec<pl::Expr>,
    pub descending: Vec<bool>,
    pub nulls_last: Vec<bool>,
}

fn int(name: &str) -> pl::Expr {
    col(name)
}

fn forward_fill(e: pl::Expr) -> pl::Expr {
    e.fill_null_with_strategy(FillNullStrategy::Forward(None))
}

fn backward_fill(e: pl::Expr) -> pl::Expr {
    e.fill_null_with_strategy(FillNullStrategy::Backward(None))
}

/// Whether any of `keys` differs from the previous row's (NULL equal to NULL, NaN to
/// NaN and -0.0 to 0.0, as Polars compares them and Spark groups them).
fn changes(keys: &[pl::Expr]) -> Option<pl::Expr> {
    keys.iter().map(|k| k.clone().neq_missing(k.clone().shift(lit(1i64)))).reduce(|a, b| a.or(b))
}

impl Layout {
    /// The input in window order.
    pub fn sort(&self, lf: LazyFrame) -> LazyFrame {
        let mut by = self.parts.clone();
        by.extend(self.keys.iter().cloned());
        if by.is_empty() {
            return lf;
        }
        let mut descending = vec![false; self.parts.len()];
        let mut nulls_last = vec![false; self.parts.len()];
        descending.extend(self.descending.iter().copied());
        nulls_last.extend(self.nulls_last.iter().copied());
        let options = pl::SortMultipleOptions::new()
            .with_order_descending_multi(descending)
            .with_nulls_last_multi(nulls_last)
            .with_maintain_order(true);
        lf.sort_by_exprs(by, options)
    }

    /// The sorted input with the helper columns.
    pub fn with_helpers(&self, lf: LazyFrame) -> LazyFrame {
        let first = int(G).eq(lit(0i64));
        let starts_partition = match changes(&self.parts) {
            Some(c) => first.clone().or(c),
            None => first.clone(),
        };
        let starts_peers = match changes(&self.keys) {
            Some(c) => col(PSTART).or(c),
            None => col(PSTART),
        };
        let last = |starts: &str| col(starts).shift(lit(-1i64)).fill_null(lit(true));
        let at = |flag: pl::Expr| when(flag).then(int(G)).otherwise(lit(pl::NULL).cast(PlType::Int64));
        lf.with_columns([pl::int_range(lit(0i64), pl::len().cast(PlType::Int64), 1, PlType::Int64).alias(G)])
            .with_columns([starts_partition.alias(PSTART)])
            .with_columns([
                starts_peers.alias(QSTART),
                // Sorted by construction; sorting it again (a pass over sorted data) marks
                // it sorted, and `over` a sorted key groups without hashing.
                col(PSTART).cast(PlType::Int64).cum_sum(false).sort(Default::default()).alias(PID),
                forward_fill(at(col(PSTART))).alias(PS),
                backward_fill(at(last(PSTART))).alias(PE),
            ])
            .with_columns([
                forward_fill(at(col(QSTART))).alias(QS),
                backward_fill(at(last(QSTART))).alias(QE),
                col(QSTART).cast(PlType::Int64).cum_sum(false).alias(QID),
            ])
            .with_columns([(col(QID) - col(QID).gather(col(PS), false) + lit(1i64)).alias(PEER)])
    }

    /// `e` evaluated per partition (over the whole frame when there is no PARTITION BY).
    pub fn within(&self, e: pl::Expr) -> pl::Expr {
        if self.parts.is_empty() {
            e
        } else {
            e.over([col(PID)]).unwrap_or_else(|_| lit(pl::NULL))
        }
    }

    pub fn pos() -> pl::Expr {
        col(G)
    }
    pub fn partition_start() -> pl::Expr {
        col(PS)
    }
    pub fn partition_end() -> pl::Expr {
        col(PE)
    }
    pub fn peers_start() -> pl::Expr {
        col(QS)
    }
    pub fn peers_end() -> pl::Expr {
        col(QE)
    }
    /// 1, 2, 3... within the partition.
    pub fn row_number() -> pl::Expr {
        col(G) - col(PS) + lit(1i64)
    }
    pub fn partition_size() -> pl::Expr {
        col(PE) - col(PS) + lit(1i64)
    }
    /// The dense rank of the row's peers in the partition (1, 2, 3...).
    pub fn peer_group() -> pl::Expr {
        col(PEER)
    }
}
