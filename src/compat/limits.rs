//! The largest single value PyRust builds. Spark's own limits (2 GB strings, arrays
//! of 2,147,483,632 elements) are far above what its default 1 GB heap can hold, and
//! a Rust allocation that fails aborts the process: a function whose one result would
//! need more than `MAX_VALUE_BYTES` (`repeat`, `lpad`/`rpad`, `array_repeat`,
//! `sequence`) raises Spark's memory error first instead.

use crate::error::ErrorKind;
use polars::prelude::PolarsError;

pub const MAX_VALUE_BYTES: u128 = 1 << 30;

/// Whether a value of `count` items of `item_bytes` bytes each is too large to build.
pub fn too_large(count: u128, item_bytes: u128) -> bool {
    count.saturating_mul(item_bytes) > MAX_VALUE_BYTES
}

/// Spark's `UNABLE_TO_ACQUIRE_MEMORY` for a value of `bytes` bytes.
pub fn memory_error(bytes: u128) -> PolarsError {
    super::errors::runtime_error(ErrorKind::Runtime, "UNABLE_TO_ACQUIRE_MEMORY", &memory_message(bytes))
}

pub fn memory_message(bytes: u128) -> String {
    format!("Unable to acquire {bytes} bytes of memory, got 0. SQLSTATE: 53200")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_checked_without_overflow() {
        assert!(!too_large(1 << 20, 8));
        assert!(too_large(u128::MAX, 8));
        assert!(too_large((1 << 30) + 1, 1));
    }
}
