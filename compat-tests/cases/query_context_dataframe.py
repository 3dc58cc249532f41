"""Spark's `DataFrameQueryContext`: an error of an expression built with the DataFrame
API (ANSI arithmetic, casts, array subscripts, some functions) ends with
`== DataFrame ==`, the API call that built it (`"__truediv__" was called from`) and
where: the Python line that called the Column method, or, for a
`pyspark.sql.functions` function, the JVM frame PySpark 4.0.1 reports for every one
of them (only `col` records its Python line). `getQueryContext()` returns it.

Call sites are compared in full, as offsets from the case function's first line
(`<case>+2`), so a golden does not depend on where the repository is checked out
nor on the lines above the case."""

import os
import sys

from pyspark.sql import functions as F

from harness import case

_FILE = os.path.basename(__file__)


def _site(text, first_line):
    """`text` with each `<path>/query_context_dataframe.py:N` written `<case>+k`."""
    out = []
    for line in text.split("\n"):
        path, _, number = line.rpartition(":")
        if os.path.basename(path) == _FILE and number.isdigit():
            line = f"<case>+{int(number) - first_line}"
        out.append(line)
    return "\n".join(out)


def _contexts(run):
    """Each query context of the error `run` raises: its kind, fragment, call site
    and summary (and `str(e)`, where the summary shows)."""
    first = sys._getframe(1).f_code.co_firstlineno
    try:
        run()
    except Exception as e:
        return {
            "text": _site(str(e).split(";\n")[0], first),
            "contexts": [[c.contextType().name, c.fragment(), _site(c.callSite(), first), _site(c.summary(), first)]
                         for c in e.getQueryContext()],
        }
    return "no error"


def _ints(spark):
    return spark.createDataFrame([(2147483647, -2147483647, "x", [1])], "i int, n int, s string, arr array<int>")


@case
def divide_by_zero(spark):
    return _contexts(lambda: spark.range(1).select(F.col("id") / 0).collect())


@case
def divide_literals_by_zero(spark):
    return _contexts(lambda: spark.range(1).select(F.lit(1) / 0).collect())


@case
def reversed_division(spark):
    return _contexts(lambda: spark.range(1).select(1 / F.col("id")).collect())


@case
def remainder_by_zero(spark):
    return _contexts(lambda: spark.range(1).select(F.col("id") % 0).collect())


@case
def overflow_of_add_subtract_multiply(spark):
    df = _ints(spark)
    return [
        _contexts(lambda: df.select(F.col("i") + 1).collect()),
        _contexts(lambda: df.select(F.col("n") - 5).collect()),
        _contexts(lambda: df.select(F.col("i") * F.col("i")).collect()),
        _contexts(lambda: df.select(1 + F.col("i")).collect()),
    ]


@case
def cast_of_a_malformed_string(spark):
    return _contexts(lambda: spark.range(1).select(F.lit("a").cast("int")).collect())


@case
def astype_is_cast(spark):
    df = _ints(spark)
    return _contexts(lambda: df.select(df.s.astype("int")).collect())


@case
def cast_to_date(spark):
    return _contexts(lambda: spark.range(1).select(F.col("id").cast("string").cast("date")).collect())


@case
def array_subscript(spark):
    df = _ints(spark)
    return [
        _contexts(lambda: df.select(df.arr[5]).collect()),
        _contexts(lambda: df.select(F.col("arr").getItem(5)).collect()),
    ]


@case
def element_at_names_the_function(spark):
    return _contexts(lambda: spark.range(1).select(F.element_at(F.array(F.lit(1)), 5)).collect())


@case
def nested_expression_reports_the_one_that_failed(spark):
    return [
        _contexts(lambda: spark.range(1).select(F.abs(F.col("id") + F.col("id") / 0)).collect()),
        _contexts(lambda: spark.range(1).select((F.col("id") / 0) + 1).collect()),
    ]


@case
def in_filter_and_with_column(spark):
    return [
        _contexts(lambda: spark.range(1).filter(F.col("id") / 0 > 1).collect()),
        _contexts(lambda: spark.range(1).withColumn("x", F.col("id") / 0).collect()),
    ]


@case
def column_built_in_a_helper_function(spark):
    def ratio(c):
        return c / 0

    return _contexts(lambda: spark.range(1).select(ratio(F.col("id"))).collect())


@case
def cast_inside_between(spark):
    df = _ints(spark)
    return _contexts(lambda: df.select(F.col("i").between(F.lit("x").cast("int"), 2)).collect())


@case
def overflow_inside_an_aggregate(spark):
    return _contexts(lambda: _ints(spark).groupBy("s").agg(F.sum(F.col("i") + 1)).collect())


@case
def negation_has_no_context(spark):
    df = spark.createDataFrame([(-2147483648,)], "a int")
    return _contexts(lambda: df.select(-F.col("a")).collect())


@case
def type_mismatch_context_is_not_in_the_message(spark):
    df = _ints(spark)
    return [
        _contexts(lambda: df.select(F.col("i") + F.col("arr"))),
        _contexts(lambda: df.select(F.col("arr").cast("int"))),
    ]


@case(conf={"spark.sql.ansi.enabled": "false"})
def no_error_without_ansi(spark):
    return spark.range(1).select(F.col("id") / 0, F.lit("a").cast("int"), (F.col("id") + 2147483647).cast("int") * 2)


@case
def message_of_a_dataframe_error(spark):
    """The harness's own error capture: the message (context cut off), the class and
    the condition."""
    return spark.range(1).select(F.col("id") / 0)


@case
def functions_whose_errors_name_them(spark):
    df = spark.createDataFrame([("2020-13-01", "9999999999999999999999")], "d string, big string")
    return [
        _contexts(lambda: df.select(F.to_date("d")).collect()),
        _contexts(lambda: df.select(F.to_timestamp("d")).collect()),
        _contexts(lambda: df.select(F.conv("big", 10, 16)).collect()),
        _contexts(lambda: df.select(F.pmod(F.lit(1), F.lit(0))).collect()),
        _contexts(lambda: df.select(F.to_date(F.lit("2020-13-01")) + F.lit(1)).collect()),
    ]


@case
def functions_whose_errors_have_no_context(spark):
    df = spark.createDataFrame([("x", -2147483648)], "s string, n int")
    return [
        _contexts(lambda: df.select(F.to_date("s", "yyyy-MM-dd")).collect()),
        _contexts(lambda: df.select(F.make_date(F.lit(2020), F.lit(13), F.lit(1))).collect()),
        _contexts(lambda: df.select(F.abs("n")).collect()),
        _contexts(lambda: df.select(F.assert_true(F.lit(False))).collect()),
        _contexts(lambda: df.select(F.raise_error(F.lit("boom"))).collect()),
    ]


@case
def a_failing_function_inside_arithmetic_has_no_context(spark):
    """The context is the failing expression's own: `abs` has none, even under `+`."""
    df = spark.createDataFrame([(-2147483648,)], "n int")
    return [
        _contexts(lambda: df.select(F.abs("n") + 1).collect()),
        _contexts(lambda: df.select(F.make_date(F.lit(2020), F.lit(13), F.lit(1)).cast("string")).collect()),
    ]


@case
def implicit_cast_takes_the_operators_context(spark):
    df = _ints(spark)
    return _contexts(lambda: df.select(F.col("s") + 1).collect())


@case(conf={"spark.sql.stackTracesInDataFrameContext": "2"})
def call_site_of_two_frames(spark):
    def ratio(c):
        return c / 0

    return _contexts(lambda: spark.range(1).select(ratio(F.col("id"))).collect())


@case
def cast_of_an_aggregate_result(spark):
    """Spark loses the cast's context once the aggregation is planned."""
    df = _ints(spark)
    return _contexts(lambda: df.groupBy("s").agg((F.sum("i") + 2147483647).cast("int")).collect())


@case
def cast_overflow_has_no_context(spark):
    """Spark raises CAST_OVERFLOW without a query context (castingCauseOverflowError),
    wherever the cast stands; CAST_INVALID_INPUT and decimal overflow keep theirs."""
    df = _ints(spark)
    return [
        _contexts(lambda: df.select(F.col("i").cast("short")).collect()),
        _contexts(lambda: df.select((F.col("i").cast("double") * 10).cast("int")).collect()),
        _contexts(lambda: df.filter(F.col("i").cast("short") > 0).collect()),
        _contexts(lambda: df.groupBy(F.col("i").cast("short")).count().collect()),
        _contexts(lambda: df.groupBy("s").agg(F.sum(F.col("i").cast("short"))).collect()),
        _contexts(lambda: df.select(F.col("i").cast("decimal(3,0)")).collect()),
    ]


@case
def cast_overflow_in_sql_has_no_context(spark):
    _ints(spark).createOrReplaceTempView("ctx_cast_overflow")
    return [
        _contexts(lambda: spark.sql("SELECT cast(i AS short) FROM ctx_cast_overflow").collect()),
        _contexts(lambda: spark.sql("SELECT cast(i AS short) + 1 FROM ctx_cast_overflow").collect()),
    ]
