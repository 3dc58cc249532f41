"""ParseException as Spark gives it: PARSE_SYNTAX_ERROR with the offending token
(`error`) and ANTLR's hint (`: extra input 'x'` after a complete statement), PARSE_EMPTY_STATEMENT,
and the position Spark's message shows (`(line 1, pos 14)`, the text with a marker), for
`spark.sql`, `expr()`, `selectExpr` and `filter` strings."""

from harness import case
from pyspark.sql import functions as F


@case
def misspelled_keyword(spark):
    return spark.sql('SELEC 1')


@case
def unbalanced_paren(spark):
    return spark.sql('SELECT (1 + 2 FROM VALUES (1) AS t(a)')


@case
def dangling_operator(spark):
    return spark.sql('SELECT 1 +')


@case
def group_without_by(spark):
    return spark.sql('SELECT a FROM VALUES (1) AS t(a) GROUP a')


@case
def order_without_by(spark):
    return spark.sql('SELECT a FROM VALUES (1) AS t(a) ORDER a')


@case
def two_literals(spark):
    return spark.sql('SELECT 1 1')


@case
def join_without_table(spark):
    return spark.sql('SELECT * FROM VALUES (1) AS t(a) JOIN')


@case
def double_equals(spark):
    return spark.sql('SELECT * FROM VALUES (1) AS t(a) WHERE a = = 1')


@case
def cast_without_type(spark):
    return spark.sql('SELECT CAST(1 AS)')


@case
def unterminated_string(spark):
    return spark.sql("SELECT 'abc")


@case
def unterminated_backquote(spark):
    return spark.sql('SELECT `abc')


@case
def extra_close_paren(spark):
    return spark.sql('SELECT 1)')


@case
def missing_close_paren(spark):
    return spark.sql('SELECT ((1)')


@case
def empty_text(spark):
    return spark.sql('')


@case
def blank_text(spark):
    return spark.sql('   ')


@case
def two_statements(spark):
    return spark.sql('SELECT 1; SELECT 2')


@case
def cte_without_parens(spark):
    return spark.sql('WITH x AS SELECT 1 SELECT 1')


@case
def three_words(spark):
    return spark.sql('SELECT a b c FROM VALUES (1) AS t(a)')


@case
def multiline_open_paren(spark):
    return spark.sql('SELECT\n  a,\n  b\nFROM t WHERE (')


@case
def two_aliases(spark):
    return spark.sql('SELECT 1 FROM VALUES (1) AS t t2 t3')


@case
def drop_alone(spark):
    return spark.sql('DROP')


@case
def in_empty_list(spark):
    return spark.sql('SELECT 1 IN ()')


@case
def array_unclosed(spark):
    return spark.sql('SELECT array(1,')


@case
def operator_then_star(spark):
    return spark.sql('SELECT 1 +* 2')


@case
def subquery_unclosed(spark):
    return spark.sql('SELECT 1 FROM (SELECT 2')


@case
def comment_only(spark):
    return spark.sql('-- just a comment')


@case
def case_without_end(spark):
    return spark.sql('SELECT CASE WHEN true THEN 1')


@case
def trailing_semicolons(spark):
    return spark.sql('SELECT 1;;')


@case
def keyword_as_column(spark):
    return spark.sql('SELECT 1 AS select')


@case
def lowercase_extra_input(spark):
    return spark.sql('select 1 from range(2) x y')


@case
def expr_dangling_operator(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr('a +'))


@case
def expr_unbalanced(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr('(a + 1'))


@case
def expr_two_words(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr('a b c'))


@case
def expr_empty(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr(''))


@case
def expr_bad_cast(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr('CAST(a AS)'))


@case
def expr_extra_paren(spark):
    return spark.range(1).withColumnRenamed("id", "a").select(F.expr('a + 1)'))


@case
def select_expr_syntax_error(spark):
    return spark.range(1).selectExpr("id", "id +* 2")


@case
def filter_string_syntax_error(spark):
    return spark.range(1).filter("id = = 1")


@case
def parse_error_then_session_still_works(spark):
    try:
        spark.sql("SELEC 1")
    except Exception:
        pass
    return spark.sql("SELECT 1 AS ok")
