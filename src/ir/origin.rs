//! Spark's `Origin` of an expression: where the user wrote it. An error the expression
//! raises, while it is analysed or while it runs, carries it as its query context.
//!
//! - `Sql`: written in SQL text (`spark.sql`, `expr()`, `selectExpr()`,
//!   `filter("...")`), the text and the characters `start..=stop` it was read from
//!   (`== SQL (line 1, position 8) ==`, Spark's `SQLQueryContext`);
//! - `DataFrame`: built by a DataFrame API call, the call's name (`__truediv__`,
//!   `cast`, `element_at`) and where it was called from (`file.py:12`), as PySpark
//!   records them (`== DataFrame ==`, Spark's `DataFrameQueryContext`); a name
//!   (`col("a")`, or a name PySpark turns into a column) has `col`'s;
//! - `SqlText`: a whole `expr()` string, where the names in it are found.
//!
//! Like Spark's, an origin is no part of what an expression means: origins always
//! compare equal, and print as nothing more than `Origin`, so `a / 2` in a SELECT and
//! in its GROUP BY are the same expression.

use std::fmt;
use std::sync::Arc;

/// The fragment of a name's DataFrame origin: PySpark records `col` for `F.col("a")`,
/// and the JVM for the names it turns into columns (`select("a")`).
pub const NAME_FRAGMENT: &str = "col";

#[derive(Clone)]
pub enum Origin {
    Sql {
        text: Arc<str>,
        /// First and last character (inclusive) of the fragment in `text`.
        start: usize,
        stop: usize,
    },
    DataFrame {
        /// The API call that built the expression (a Column method or a function).
        fragment: Arc<str>,
        /// Where it was called from: `path:line` lines, PySpark's `callSite`.
        call_site: Arc<str>,
    },
    /// A whole `expr()`/`selectExpr()`/`filter("...")` string. Spark gives each name in
    /// it its own origin; PyRust keeps none on names, and finds the name an error is
    /// about in this text instead (`error::unresolved_name`). No fragment of its own:
    /// other errors do not get it, and analysis drops it.
    SqlText { text: Arc<str> },
}

impl PartialEq for Origin {
    fn eq(&self, _: &Origin) -> bool {
        true
    }
}

impl fmt::Debug for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Origin")
    }
}

impl Origin {
    pub fn sql(text: Arc<str>, start: usize, stop: usize) -> Origin {
        Origin::Sql { text, start, stop }
    }

    pub fn dataframe(fragment: &str, call_site: &str) -> Origin {
        Origin::DataFrame { fragment: Arc::from(fragment), call_site: Arc::from(call_site) }
    }

    /// Whether the origin places only the names under it (a whole `expr()` string):
    /// analysis drops it once they are resolved, as it drops the origin of a name
    /// (`col("a")`, the one expression a DataFrame origin wraps without an operator).
    pub fn of_names(&self) -> bool {
        matches!(self, Origin::SqlText { .. })
    }

    /// The fragment: the SQL as written, or the API call's name.
    pub fn fragment(&self) -> String {
        match self {
            Origin::Sql { text, start, stop } => text.chars().skip(*start).take(stop + 1 - start).collect(),
            Origin::DataFrame { fragment, .. } => fragment.to_string(),
            Origin::SqlText { text } => text.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_do_not_change_what_an_expression_is() {
        let text: Arc<str> = Arc::from("SELECT a / 2 FROM t GROUP BY a / 2");
        let select = Origin::sql(text.clone(), 7, 11);
        let group = Origin::sql(text, 29, 33);
        let api = Origin::dataframe("__truediv__", "job.py:3");
        assert_eq!(select, group);
        assert_eq!(select, api);
        assert_eq!(format!("{select:?}"), format!("{api:?}"));
        assert_eq!((select.fragment(), group.fragment(), api.fragment()), ("a / 2".to_string(), "a / 2".to_string(), "__truediv__".to_string()));
    }
}
