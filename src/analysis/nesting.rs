//! How deep an expression may nest. Analysis and lowering recurse over expression
//! trees; a deep enough tree (`F.array` nested 2,000 times, a `+` chain of 10,000
//! terms) would overflow the thread's stack, and a Rust stack overflow aborts the
//! process. Spark itself fails such trees with a `java.lang.StackOverflowError`
//! (PySpark 4.0.1: `F.array` 500 deep, nested `when` 500 deep, a `+` chain of 1,000
//! terms). PyRust refuses a tree deeper than `MAX_DEPTH` with an error, and below that
//! grows the stack on demand (`stacker`) so that no thread's stack size decides.

use std::cell::Cell;

use crate::error::{Error, ErrorKind, Result};
use crate::ir::Expr;

/// Levels of nesting analysis and lowering accept; about where Spark's own analyzer
/// overflows its stack.
pub const MAX_DEPTH: usize = 500;

/// Free stack below which a recursion step moves to a new stack segment, and that
/// segment's size. A dev build's analysis frames are tens of KiB.
const RED_ZONE: usize = 256 * 1024;
const NEW_SEGMENT: usize = 8 * 1024 * 1024;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Runs one level of a recursion over an expression: an error past `MAX_DEPTH`, the
/// step itself on a grown stack where the current one runs low.
pub fn nested<T>(step: impl FnOnce() -> Result<T>) -> Result<T> {
    let depth = DEPTH.with(|d| d.get()) + 1;
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    DEPTH.with(|d| d.set(depth));
    let out = stacker::maybe_grow(RED_ZONE, NEW_SEGMENT, step);
    DEPTH.with(|d| d.set(depth - 1));
    out
}

/// The name of the function call that stands for a tree built past `MAX_DEPTH`.
const TOO_DEEP: &str = "__pyrust_nested_too_deep__";

/// What a Column built from other Columns holds. A tree past `MAX_DEPTH` is replaced by
/// a marker while it is still shallow enough for the derived (recursive) `Clone` and
/// `Drop` of `Expr`: a `+` chain of 10,000 terms overflowed the stack in `clone`, before
/// any analysis. The marker fails analysis with the error Spark's analyzer gives, so the
/// error comes where Spark's does (at `select`, not at `c + 1`).
pub fn bounded(e: Expr) -> Expr {
    // The children were bounded when they were built: this walk is at most MAX_DEPTH + 1
    // levels deep. An origin is no level (`counts`): Spark's tree has no node for it.
    fn depth(e: &Expr) -> usize {
        counts(e) + e.children().into_iter().map(depth).max().unwrap_or(0)
    }
    if depth(&e) > MAX_DEPTH {
        Expr::Function { name: TOO_DEEP.to_string(), args: vec![], distinct: false }
    } else {
        e
    }
}

/// Whether `e` is a level of nesting: not an origin (`Expr::WithOrigin`), which marks
/// where its expression was written and is no node of Spark's tree, so a `+` chain
/// built with the DataFrame API (each `+` with its origin) nests as deep as Spark's.
pub fn counts(e: &Expr) -> usize {
    usize::from(!matches!(e, Expr::WithOrigin { .. }))
}

/// The error of a marker left by `bounded`, if `e` is one.
pub fn marker_error(e: &Expr) -> Option<Error> {
    matches!(e, Expr::Function { name, .. } if name == TOO_DEEP).then(too_deep)
}

fn too_deep() -> Error {
    Error::plain(
        ErrorKind::Runtime,
        format!(
            "java.lang.StackOverflowError: the expression nests more than {MAX_DEPTH} levels deep \
             (Spark's analyzer overflows its stack on such trees; PyRust refuses them)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descend(n: usize) -> Result<usize> {
        if n == 0 {
            return Ok(0);
        }
        nested(|| descend(n - 1).map(|d| d + 1))
    }

    #[test]
    fn depth_limit_is_an_error_and_resets() {
        assert_eq!(descend(MAX_DEPTH).ok(), Some(MAX_DEPTH));
        assert!(descend(MAX_DEPTH + 1).is_err());
        // The counter is back to zero after the error unwound.
        assert_eq!(descend(10).ok(), Some(10));
    }

    #[test]
    fn origins_are_no_level() {
        let mut e = Expr::Literal(crate::ir::Value::Integer(1));
        for _ in 0..MAX_DEPTH - 1 {
            let negated = bounded(Expr::Negate(Box::new(e)));
            e = bounded(Expr::WithOrigin { expr: Box::new(negated), origin: crate::ir::Origin::dataframe("__neg__", "x.py:1") });
        }
        assert!(marker_error(&e).is_none() && e.apply(&mut |n| if marker_error(n).is_some() { crate::ir::tree::Recursion::Stop } else { crate::ir::tree::Recursion::Continue })
            == crate::ir::tree::Recursion::Continue);
    }

    #[test]
    fn trees_past_the_limit_become_a_marker() {
        let mut e = Expr::Literal(crate::ir::Value::Integer(1));
        for _ in 0..MAX_DEPTH + 10 {
            e = bounded(Expr::Negate(Box::new(e)));
        }
        // The marker replaced the tree once it passed the limit, and stays inside it.
        assert!(e.apply(&mut |n| if marker_error(n).is_some() { crate::ir::tree::Recursion::Stop } else { crate::ir::tree::Recursion::Continue })
            == crate::ir::tree::Recursion::Stop);
    }
}
