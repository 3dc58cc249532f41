"""Spark's query context of errors about a fragment of SQL text (a literal out of
range, an invalid typed literal): the message ends with `== SQL (line l, position p) ==`,
the fragment's line(s), cut 32 characters around it, and carets under it; and
`getQueryContext()` returns it. In `spark.sql` text, in multi-line and long queries, and in
the strings of `expr()`, `selectExpr()` and `filter()` (whose context is that string)."""

from pyspark.sql import functions as F

from harness import case

_COLUMNS = ", ".join(f"c{i}" for i in range(20))


@case
def literal_on_the_second_line(spark):
    return spark.sql("SELECT 1 AS a,\n  300Y + 1 AS b\nFROM range(1)")


@case
def typed_literal_on_the_fourth_line(spark):
    return spark.sql("SELECT *\nFROM range(3)\nWHERE id > 1 AND\n      DATE '2020-02-30' IS NOT NULL")


@case
def literal_inside_an_expression(spark):
    return spark.sql("SELECT a + 300Y FROM VALUES (1) t(a)")


@case
def literal_as_a_function_argument(spark):
    return spark.sql("SELECT abs(300Y) AS a")


@case
def literal_in_a_cte(spark):
    return spark.sql("WITH t AS (SELECT 1000Y AS x) SELECT * FROM t")


@case
def literal_after_non_ascii_text(spark):
    return spark.sql("SELECT 'é', 300Y")


@case
def long_line_is_cut_around_the_literal(spark):
    return spark.sql(f"SELECT {_COLUMNS}, TIMESTAMP '2020-13-45 99:00:00' AS ts, {_COLUMNS} FROM range(1)")


@case
def negative_literal_starts_at_the_minus(spark):
    return spark.sql("SELECT -40000S")


@case
def typed_literal_as_written(spark):
    return spark.sql("select date   '2020-13-01'")


@case
def timestamp_ntz_literal_invalid(spark):
    return spark.sql("SELECT TIMESTAMP_NTZ '2020-13-01'")


@case
def double_literal_out_of_range(spark):
    return spark.sql("SELECT 1e400D")


@case(conf={"spark.sql.ansi.enabled": "false"})
def typed_literal_invalid_without_ansi(spark):
    return spark.sql("SELECT DATE '2024-02-30'")


@case
def select_expr_context_is_the_expression(spark):
    return spark.range(1).selectExpr("id + 300Y")


@case
def expr_context_is_the_expression(spark):
    return spark.range(1).select(F.expr("DATE '2024-13-01' AS d"))


@case
def filter_string_context_is_the_condition(spark):
    return spark.range(1).filter("id = DATE '2020-13-01'")


def _contexts(run):
    try:
        run()
    except Exception as e:
        return [
            [c.contextType().name, c.objectType(), c.objectName(), c.startIndex(), c.stopIndex(), c.fragment(), c.summary()]
            for c in e.getQueryContext()
        ]
    return "no error"


@case
def get_query_context_of_a_literal_error(spark):
    return _contexts(lambda: spark.sql("SELECT 1,\n  TIMESTAMP '2020-13-45' AS ts"))


@case
def get_query_context_of_an_expression_string(spark):
    return _contexts(lambda: spark.range(1).selectExpr("id + 300Y"))


@case
def get_query_context_of_a_divide_by_zero_in_sql(spark):
    return _contexts(lambda: spark.sql("SELECT 1/0 AS x").collect())
