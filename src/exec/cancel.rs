//! Stopping running queries (Ctrl-C). Polars 0.55 has one way to stop a query in
//! mid-flight: its abort flag, which its engines check as they go (the streaming
//! executor at every task poll, the in-memory engine between operators) and which turns
//! into a panic that `catch_polars_abort` catches around the query. The flag is set by
//! Polars' own SIGINT handler or when out-of-core spilling runs out of disk; neither
//! fits a Ctrl-C that Python receives, so `cancel_running_queries` sets it through the
//! out-of-disk entry point, on a thread of its own (that call panics to unwind its
//! caller). The flag is process-wide: every query running at that moment stops, and it
//! clears once the last of them has ended.

use crate::error::{Error, ErrorKind, Result};
use std::panic::{catch_unwind, AssertUnwindSafe, UnwindSafe};
use std::time::{Duration, Instant};

/// Runs a query (its lowering and execution) so that `cancel_running_queries` can stop
/// it: stopped, it returns the cancelled-query error.
pub fn run_cancellable<T>(query: impl FnOnce() -> Result<T> + UnwindSafe) -> Result<T> {
    let mut query = Some(query);
    // A query started while the flag is still up (the queries a Ctrl-C stopped are
    // still unwinding) would be refused at once: it waits for them, as it must not be
    // taken for one of them.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let run = AssertUnwindSafe(|| query.take().map(|q| q()));
        match polars_error::abort::catch_polars_abort(run) {
            Ok(Some(result)) => return result,
            Ok(None) => return Err(Error::internal("a query ran twice")),
            Err(_) if query.is_some() && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => return Err(cancelled()),
        }
    }
}

/// Stops every query `run_cancellable` is running now, at their engines' next check.
pub fn cancel_running_queries() {
    // Sets the flag (only while some query is running), then panics: on its own thread,
    // where the panic ends nothing but the thread.
    let setter = std::thread::Builder::new().name("pyrust-cancel".into()).spawn(|| {
        let _ = catch_unwind(AssertUnwindSafe(|| polars_error::abort::polars_abort_ooc_out_of_disk()));
    });
    if let Ok(handle) = setter {
        let _ = handle.join();
    }
}

/// What a stopped query ends with (nobody reads it: the action that ran the query has
/// already raised KeyboardInterrupt).
pub fn cancelled() -> Error {
    Error::plain(ErrorKind::Python, "the query was cancelled: its action was interrupted")
}

/// Whether a panic's text is Polars' abort (the flag set while a query ran outside
/// `run_cancellable`): the query was cancelled, not broken.
pub fn is_abort_message(text: &str) -> bool {
    text.starts_with("__POLARS_ABORT_")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Stopping a running query is tested from Python in a process of its own
    // (tests/test_reliability.py, Ctrl-C): the flag is process-wide, so a cancel here
    // would stop the queries of the unit tests running beside this one.

    #[test]
    fn a_query_runs_as_it_would_without_the_catcher() {
        assert_eq!(run_cancellable(|| Ok(7)).unwrap(), 7);
        assert!(run_cancellable(|| -> Result<()> { Err(Error::internal("x")) }).is_err());
        assert!(is_abort_message("__POLARS_ABORT_KEYBOARD_INTERRUPT") && !is_abort_message("index out of bounds"));
    }
}
