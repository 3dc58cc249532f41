//! The dialect sqlparser parses Spark SQL with: its Spark dialect, plus the shift
//! operators Spark 4 reads (`<<`, `>>`, `>>>`) and `extract` fields kept as written,
//! through the dialect's hooks. Spark's
//! grammar binds them looser than `+` and `-`, tighter than `&`, `^` and `|`
//! (`valueExpression` in SqlBaseParser.g4).

use sqlparser::ast::{BinaryOperator, Expr};
use sqlparser::dialect::{Dialect, SparkSqlDialect};
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::Token;

#[derive(Debug)]
pub(super) struct SparkDialect;

/// Between sqlparser's `+`/`-` (30) and `^` (24).
const SHIFT_PRECEDENCE: u8 = 26;

/// `>>>`: Spark's unsigned right shift (a function named by its symbol).
pub(super) const UNSIGNED_SHIFT_RIGHT: &str = ">>>";

/// The Spark dialect's answers, unchanged.
macro_rules! spark {
    ($($name:ident),* $(,)?) => {
        $(fn $name(&self) -> bool { SparkSqlDialect {}.$name() })*
    };
}

impl Dialect for SparkDialect {
    fn dialect(&self) -> std::any::TypeId {
        // `dialect_of!(parser is SparkSqlDialect)` holds.
        SparkSqlDialect {}.dialect()
    }

    spark!(
        supports_comparison_in_between_low_bound,
        supports_filter_during_aggregation,
        supports_group_by_expr,
        supports_group_by_with_modifier,
        supports_lambda_functions,
        supports_select_wildcard_except,
        supports_struct_literal,
        supports_nested_comments,
        supports_create_table_using,
        supports_long_type_as_bigint,
        supports_values_as_table_factor,
        require_interval_qualifier,
        supports_bang_not_operator,
        supports_select_item_multi_column_alias,
        supports_cte_without_as,
        supports_map_literal_with_angle_brackets,
        supports_pipe_operator,
    );

    fn is_delimited_identifier_start(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_delimited_identifier_start(ch)
    }

    fn supports_string_literal_column_alias(&self, explicit: bool) -> bool {
        SparkSqlDialect {}.supports_string_literal_column_alias(explicit)
    }

    fn supports_string_literal_table_alias(&self, explicit: bool) -> bool {
        SparkSqlDialect {}.supports_string_literal_table_alias(explicit)
    }

    fn identifier_quote_style(&self, identifier: &str) -> Option<char> {
        SparkSqlDialect {}.identifier_quote_style(identifier)
    }

    fn is_identifier_start(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_identifier_start(ch)
    }

    fn is_identifier_part(&self, ch: char) -> bool {
        SparkSqlDialect {}.is_identifier_part(ch)
    }

    fn supports_bitwise_shift_operators(&self) -> bool {
        true
    }

    /// `extract(week FROM d)`: the field as written (`parse_sql` reads it as a plain word).
    fn allow_extract_custom(&self) -> bool {
        true
    }

    fn get_next_precedence(&self, parser: &Parser) -> Option<Result<u8, ParserError>> {
        match parser.peek_token_ref().token {
            Token::ShiftLeft | Token::ShiftRight => Some(Ok(SHIFT_PRECEDENCE)),
            _ => SparkSqlDialect {}.get_next_precedence(parser),
        }
    }

    fn parse_infix(&self, parser: &mut Parser, expr: &Expr, precedence: u8) -> Option<Result<Expr, ParserError>> {
        // `a >>> b` comes as `>>` then `>`, written together.
        let shift = parser.peek_token_ref();
        if shift.token == Token::ShiftRight {
            let end = shift.span.end;
            let next = parser.peek_nth_token_ref(1);
            if next.token == Token::Gt && next.span.start == end {
                parser.advance_token();
                parser.advance_token();
                return Some(parser.parse_subexpr(SHIFT_PRECEDENCE).map(|right| Expr::BinaryOp {
                    left: Box::new(expr.clone()),
                    op: BinaryOperator::Custom(UNSIGNED_SHIFT_RIGHT.to_string()),
                    right: Box::new(right),
                }));
            }
        }
        SparkSqlDialect {}.parse_infix(parser, expr, precedence)
    }
}

#[cfg(test)]
mod tests {
    use sqlparser::ast::{self as sql, BinaryOperator};

    fn projected(text: &str) -> sql::Expr {
        let mut statements = super::super::parse_sql(text).unwrap();
        let sql::Statement::Query(q) = statements.remove(0) else { panic!("a query") };
        let sql::SetExpr::Select(s) = *q.body else { panic!("a select") };
        match s.projection.into_iter().next() {
            Some(sql::SelectItem::UnnamedExpr(e)) => e,
            other => panic!("{other:?}"),
        }
    }

    fn op(e: &sql::Expr) -> (&BinaryOperator, &sql::Expr, &sql::Expr) {
        let sql::Expr::BinaryOp { left, op, right } = e else { panic!("{e:?}") };
        (op, left, right)
    }

    #[test]
    fn shifts_bind_looser_than_plus_and_tighter_than_ampersand() {
        let e = projected("SELECT 1 + 2 << 1");
        let (shift, left, _) = op(&e);
        assert_eq!(*shift, BinaryOperator::PGBitwiseShiftLeft);
        assert_eq!(*op(left).0, BinaryOperator::Plus);
        let e = projected("SELECT 1 << 2 & 7");
        let (and, left, _) = op(&e);
        assert_eq!(*and, BinaryOperator::BitwiseAnd);
        assert_eq!(*op(left).0, BinaryOperator::PGBitwiseShiftLeft);
    }

    #[test]
    fn three_angles_written_together_are_the_unsigned_shift() {
        let e = projected("SELECT -8 >>> 1 >> 1");
        let (outer, left, _) = op(&e);
        assert_eq!(*outer, BinaryOperator::PGBitwiseShiftRight);
        assert_eq!(*op(left).0, BinaryOperator::Custom(super::UNSIGNED_SHIFT_RIGHT.to_string()));
        // Apart, `>> >` is not an operator.
        assert!(super::super::parse_sql("SELECT 8 >> > 1").is_err());
    }
}
