//! Spark's lexer as sqlparser's tokenizer sees it: the Spark dialect, with a backslash
//! escaping the quote in string literals (`'it\'s'`), as Spark's STRING_LITERAL rule.
//! Here, below both the SQL front end (`sql`) and analysis, because errors raised while
//! analysing find the names they are about in SQL text (`error::unresolved_name`).

use sqlparser::dialect::{Dialect, SparkSqlDialect};

#[derive(Debug)]
pub(crate) struct SparkLexer;

impl Dialect for SparkLexer {
    fn dialect(&self) -> std::any::TypeId {
        SparkSqlDialect {}.dialect()
    }

    fn is_delimited_identifier_start(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_delimited_identifier_start(ch)
    }

    fn is_identifier_start(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_identifier_start(ch)
    }

    fn is_identifier_part(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_identifier_part(ch)
    }

    fn supports_nested_comments(&self) -> bool {
        SparkSqlDialect {}.supports_nested_comments()
    }

    fn supports_pipe_operator(&self) -> bool {
        SparkSqlDialect {}.supports_pipe_operator()
    }

    fn supports_string_literal_backslash_escape(&self) -> bool {
        true
    }
}
