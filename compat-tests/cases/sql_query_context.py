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


# Errors raised while a query runs, or while it is analysed, about an expression
# written in SQL text: the context is the expression that failed (the innermost), in
# the text it was written in (the statement, or the `expr()` string).


def _error_text(run):
    """`str(e)` as a test matching on it sees it: for an AnalysisException, up to the
    analysed plan Spark appends (`;\\n'Project ...`), which PyRust does not print."""
    try:
        run()
    except Exception as e:
        return str(e).split(";\n")[0]
    return "no error"


@case
def get_query_context_of_a_cast_in_sql(spark):
    return _contexts(lambda: spark.sql("SELECT CAST('a' AS INT)").collect())


@case
def get_query_context_of_a_double_colon_cast(spark):
    return _contexts(lambda: spark.sql("SELECT 'a'::int").collect())


@case
def get_query_context_of_a_cast_to_date_on_the_second_line(spark):
    return _contexts(lambda: spark.sql("SELECT id,\n  CAST('x' AS DATE) AS d\nFROM range(1)").collect())


@case
def get_query_context_of_an_overflow(spark):
    return _contexts(lambda: spark.sql("SELECT a + 1 FROM VALUES (2147483647) t(a)").collect())


@case
def get_query_context_of_an_overflow_of_literals(spark):
    return _contexts(lambda: spark.sql("SELECT 2147483647 + 1").collect())


@case
def get_query_context_of_an_array_index(spark):
    return _contexts(lambda: spark.sql("SELECT array(1,2)[5]").collect())


@case
def get_query_context_of_element_at(spark):
    return _contexts(lambda: spark.sql("SELECT element_at(array(1,2), 5)").collect())


@case
def get_query_context_is_the_innermost_expression(spark):
    return _contexts(lambda: spark.sql("SELECT abs(1 + id / 0) FROM range(1)").collect())


@case
def get_query_context_of_a_division_in_where(spark):
    return _contexts(lambda: spark.sql("SELECT id FROM range(2) WHERE 10 / (id - id) > 1").collect())


@case
def get_query_context_of_a_remainder_and_div(spark):
    return [_contexts(lambda: spark.sql(q).collect()) for q in ("SELECT id % 0 FROM range(1)", "SELECT id div 0 FROM range(1)")]


@case
def get_query_context_of_a_division_in_select_expr(spark):
    return _contexts(lambda: spark.range(1).selectExpr("id / 0").collect())


@case
def get_query_context_of_a_cast_in_expr(spark):
    return _contexts(lambda: spark.range(1).select(F.expr("CAST('a' AS INT)")).collect())


@case
def get_query_context_of_a_division_in_a_filter_string(spark):
    return _contexts(lambda: spark.range(1).filter("id / 0 > 1").collect())


@case
def get_query_context_of_an_unresolved_column_in_sql(spark):
    return _contexts(lambda: spark.sql("SELECT nope FROM range(1)"))


@case
def get_query_context_of_an_unresolved_column_in_where(spark):
    return _contexts(lambda: spark.sql("SELECT id FROM range(1)\nWHERE nope > 1"))


@case
def get_query_context_of_a_type_mismatch_in_sql(spark):
    return _contexts(lambda: spark.sql("SELECT 1 + array(1)"))


@case
def error_text_of_a_divide_by_zero_in_sql(spark):
    return _error_text(lambda: spark.sql("SELECT 1/0 AS x").collect())


@case
def error_text_of_a_cast_in_select_expr(spark):
    return _error_text(lambda: spark.range(1).selectExpr("CAST('x' AS DATE) AS d").collect())


@case
def error_text_of_an_unresolved_column_in_sql(spark):
    return _error_text(lambda: spark.sql("SELECT id FROM range(1)\nWHERE nope > 1"))


@case
def error_text_of_a_type_mismatch_in_sql(spark):
    return _error_text(lambda: spark.sql("SELECT 1 + array(1)"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def no_error_without_ansi(spark):
    return spark.sql("SELECT 1/0 AS a, CAST('a' AS INT) AS b, array(1,2)[5] AS c")


@case
def dataframe_api_context_is_where_python_called(spark):
    """PySpark 4 points a DataFrame API expression's error at the Python line that
    built it (`== DataFrame ==`, `DataFrameQueryContext`); only the kind and the
    function are compared (the call site is this file's path)."""
    try:
        spark.range(1).select(F.col("id") / 0).collect()
    except Exception as e:
        return [[c.contextType().name, c.fragment()] for c in e.getQueryContext()]
    return "no error"


def _message_and_text(run):
    try:
        run()
    except Exception as e:
        return [e.getMessage(), str(e)]
    return "no error"


@case
def parse_exception_get_message_is_the_message_alone(spark):
    """`getMessage()` of a ParseException is the condition's message; `str(e)` adds
    where the parser stopped, or the fragment's context."""
    return [
        _message_and_text(lambda: spark.sql("SELEC 1")),
        _message_and_text(lambda: spark.sql("SELECT 300Y")),
        _message_and_text(lambda: spark.range(1).selectExpr("id +")),
        _message_and_text(lambda: spark.sql("")),
    ]


@case
def runtime_error_get_message_is_the_message_alone(spark):
    return _message_and_text(lambda: spark.sql("SELECT 1/0 AS x").collect())


@case
def get_query_context_of_an_unknown_function_in_sql(spark):
    return [
        _contexts(lambda: spark.sql("SELECT id, nosuchfn(id, (1)) FROM range(1)")),
        _error_text(lambda: spark.sql("SELECT id,\n  nosuchfn(id) FROM range(1)")),
    ]


@case
def get_query_context_of_functions_that_fail_with_it(spark):
    """Casts written as functions (`to_date(s)`, `to_timestamp(s)`), `conv`, `pmod`."""
    return [
        _contexts(lambda: spark.sql("SELECT to_date('2020-13-01') AS d").collect()),
        _contexts(lambda: spark.sql("SELECT to_timestamp('2020-13-01') AS d").collect()),
        _contexts(lambda: spark.sql("SELECT conv('9999999999999999999999', 10, 16)").collect()),
        _contexts(lambda: spark.sql("SELECT pmod(id, 0) FROM range(1)").collect()),
    ]


@case
def failing_function_inside_arithmetic_has_no_context(spark):
    """`abs`'s overflow has no context, not even the `+` around it."""
    return _error_text(lambda: spark.sql("SELECT 1 + abs(a) FROM VALUES (-2147483648) t(a)").collect())
