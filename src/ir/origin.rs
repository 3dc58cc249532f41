//! Spark's `Origin` of an expression written in SQL text (`spark.sql`, `expr()`,
//! `selectExpr()`, `filter("...")`): the text and the characters `start..=stop` the
//! expression was read from. An error the expression raises, while it is analysed or
//! while it runs, carries it as its query context (`== SQL (line 1, position 8) ==`).
//!
//! Like Spark's, an origin is no part of what an expression means: origins always
//! compare equal, and print as nothing more than `Origin`, so `a / 2` in a SELECT and
//! in its GROUP BY are the same expression.

use std::fmt;
use std::sync::Arc;

#[derive(Clone)]
pub struct Origin {
    pub text: Arc<str>,
    /// First and last character (inclusive) of the fragment in `text`.
    pub start: usize,
    pub stop: usize,
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
    /// The fragment as written.
    pub fn fragment(&self) -> String {
        self.text.chars().skip(self.start).take(self.stop + 1 - self.start).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_do_not_change_what_an_expression_is() {
        let text: Arc<str> = Arc::from("SELECT a / 2 FROM t GROUP BY a / 2");
        let select = Origin { text: text.clone(), start: 7, stop: 11 };
        let group = Origin { text, start: 29, stop: 33 };
        assert_eq!(select, group);
        assert_eq!(format!("{select:?}"), format!("{group:?}"));
        assert_eq!((select.fragment(), group.fragment()), ("a / 2".to_string(), "a / 2".to_string()));
    }
}
