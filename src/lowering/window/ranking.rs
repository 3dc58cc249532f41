//! Ranking functions from the node's helper columns, without grouping:
//! `row_number`, `rank` (where the row's peers start), `dense_rank` (which group of
//! peers), `percent_rank`, `cume_dist` (where its peers end) and `ntile`.

use super::layout::Layout;
use crate::error::Result;
use crate::ir::function::WindowFn;
use polars::prelude::{self as pl, lit, when, DataType as PlType};

pub fn rank(f: WindowFn, buckets: Option<i64>) -> Result<pl::Expr> {
    let rank = || Layout::peers_start() - Layout::partition_start() + lit(1i64);
    let n = Layout::partition_size;
    Ok(match f {
        WindowFn::RowNumber => Layout::row_number().cast(PlType::Int32),
        WindowFn::Rank => rank().cast(PlType::Int32),
        WindowFn::DenseRank => Layout::peer_group().cast(PlType::Int32),
        WindowFn::PercentRank => {
            let n = n().cast(PlType::Float64);
            let r = rank().cast(PlType::Float64);
            when(n.clone().gt(lit(1.0))).then((r - lit(1.0)) / (n - lit(1.0))).otherwise(lit(0.0))
        }
        WindowFn::CumeDist => {
            let up_to_peers = Layout::peers_end() - Layout::partition_start() + lit(1i64);
            up_to_peers.cast(PlType::Float64) / n().cast(PlType::Float64)
        }
        WindowFn::Ntile => {
            // Spark's NTile: rows / n per bucket, the first `rows % n` buckets one more.
            let buckets = buckets.unwrap_or(1).max(1);
            let (rows, i) = (n(), Layout::row_number() - lit(1i64));
            let size = rows.clone() / lit(buckets);
            let extra = rows % lit(buckets);
            let big = (size.clone() + lit(1i64)) * extra.clone();
            when(i.clone().lt(big))
                .then(i.clone() / (size.clone() + lit(1i64)) + lit(1i64))
                .otherwise((i - extra) / when(size.clone().eq(lit(0i64))).then(lit(1i64)).otherwise(size) + lit(1i64))
                .cast(PlType::Int32)
        }
        WindowFn::Lag | WindowFn::Lead | WindowFn::NthValue => unreachable!("offset functions are not ranks"),
    })
}
