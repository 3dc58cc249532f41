"""The query context of an unresolved name (UNRESOLVED_COLUMN, UNRESOLVED_ROUTINE,
FIELD_NOT_FOUND) outside `spark.sql`: in an `expr()`/`selectExpr()`/`filter("...")`
string, Spark's SQL context is the name as written in that string (`str(e)` ends with
`; line 1 pos N`); for `F.col("nope")` and the names PySpark turns into columns
(`select("nope")`, `F.sum("nope")`, `orderBy("nope")`) a `col` DataFrame context, not
in `str(e)`, whose call site is the Python line that called `col` (for `F.col` and
sort keys) or the JVM frame (names handed to the JVM). AMBIGUOUS_REFERENCE alike. In a
lambda's body written in SQL, the context is the statement's (none in an `expr()`
string, all of a `spark.sql` statement).

Call sites are compared as offsets from the case function's first line (`<case>+2`)."""

import os
import sys

from pyspark.sql import Window
from pyspark.sql import functions as F

from harness import case

_FILE = os.path.basename(__file__)


def _site(text, first_line):
    """`text` with each `<path>/errors_unresolved_context.py:N` written `<case>+k`, and
    the JVM's reflection frame written `<jvm>`: which one the JVM reports depends on how
    often the method was called before (`NativeMethodAccessorImpl.invoke0` until the JVM
    generates an accessor, `GeneratedMethodAccessorN.invoke` after)."""
    out = []
    for line in text.split("\n"):
        path, _, number = line.rpartition(":")
        if os.path.basename(path) == _FILE and number.isdigit():
            line = f"<case>+{int(number) - first_line}"
        elif "jdk.internal.reflect." in line:
            line = "<jvm>"
        out.append(line)
    return "\n".join(out)


def _get(c, getter, first):
    try:
        v = getattr(c, getter)()
    except Exception as e:  # the JVM refuses some getters of each kind of context
        return type(e).__name__
    return _site(v, first) if isinstance(v, str) else v


def _contexts(run):
    """The error `run` raises: its class, condition, `str(e)` up to Spark's plan, and
    every getter of each query context."""
    first = sys._getframe(1).f_code.co_firstlineno
    try:
        run()
    except Exception as e:
        getters = ("objectType", "objectName", "startIndex", "stopIndex", "fragment", "callSite", "summary")
        return {
            "error": [type(e).__name__, e.getCondition()],
            "text": _site(str(e).split(";\n")[0], first),
            "contexts": [[c.contextType().name] + [_get(c, g, first) for g in getters] for c in e.getQueryContext()],
        }
    return "no error"


def _df(spark):
    return spark.createDataFrame([(1, (2, 3), [1, 2])], "a int, s struct<x:int,y:int>, arr array<int>")


# Names in SQL strings.


@case
def select_expr_names_the_column_in_its_string(spark):
    return _contexts(lambda: _df(spark).selectExpr("a + nope"))


@case
def expr_names_the_column_in_its_string(spark):
    return _contexts(lambda: _df(spark).select(F.expr("a + nope")))


@case
def filter_string(spark):
    return _contexts(lambda: _df(spark).filter("nope > 1"))


@case
def where_string_later_in_the_condition(spark):
    return _contexts(lambda: _df(spark).where("a > 1 and nope"))


@case
def expr_in_an_aggregation(spark):
    return _contexts(lambda: _df(spark).groupBy("a").agg(F.expr("sum(nope)")))


@case
def expr_as_a_grouping_key(spark):
    return _contexts(lambda: _df(spark).groupBy(F.expr("abs(nope)")).count())


@case
def expr_as_a_sort_key(spark):
    return _contexts(lambda: _df(spark).orderBy(F.expr("nope + 1")))


@case
def expr_in_with_column(spark):
    return _contexts(lambda: _df(spark).withColumn("x", F.expr("abs(nope)")))


@case
def name_inside_nested_calls(spark):
    return _contexts(lambda: _df(spark).selectExpr("coalesce(a, abs(1 + nope))"))


@case
def name_inside_a_cast(spark):
    return _contexts(lambda: _df(spark).selectExpr("CAST(nope AS STRING) AS c"))


@case
def qualified_name(spark):
    return _contexts(lambda: _df(spark).alias("t").selectExpr("t.nope"))


@case
def missing_struct_field(spark):
    return _contexts(lambda: _df(spark).selectExpr("s.nope"))


@case
def missing_struct_field_in_arithmetic(spark):
    return _contexts(lambda: _df(spark).selectExpr("a + s.nope"))


@case
def name_written_twice(spark):
    return [
        _contexts(lambda: _df(spark).selectExpr("nope + nope")),
        _contexts(lambda: _df(spark).selectExpr("nope + a + nope2")),
    ]


@case
def unresolved_function(spark):
    return [
        _contexts(lambda: _df(spark).selectExpr("nosuchfn(a)")),
        _contexts(lambda: _df(spark).selectExpr("a + nosuchfn(a, (1))")),
    ]


@case
def name_on_a_second_line(spark):
    return _contexts(lambda: _df(spark).selectExpr("a +\n  nope"))


@case
def aliased_name(spark):
    return _contexts(lambda: _df(spark).selectExpr("nope AS x"))


@case
def second_select_expr_string(spark):
    return _contexts(lambda: _df(spark).selectExpr("a", "upper(nope)"))


@case
def name_in_a_lambda_body(spark):
    return _contexts(lambda: _df(spark).selectExpr("transform(arr, x -> x + nope)"))


@case
def name_in_another_case(spark):
    return _contexts(lambda: _df(spark).selectExpr("NOPE"))


@case
def name_in_a_window_expr(spark):
    return _contexts(lambda: _df(spark).select(F.expr("sum(a) OVER (ORDER BY nope)")))


# Names built with the DataFrame API.


@case
def col_names_the_line_that_called_it(spark):
    return _contexts(lambda: _df(spark).select(F.col("nope")))


@case
def col_built_on_another_line(spark):
    def run():
        c = F.col("nope")
        return _df(spark).select(c)

    return _contexts(run)


@case
def col_in_a_filter_condition(spark):
    return _contexts(lambda: _df(spark).filter(F.col("nope") > 1))


@case
def col_under_arithmetic(spark):
    return _contexts(lambda: _df(spark).select(F.col("nope") + 1))


@case
def col_in_with_column_and_aggregate(spark):
    return [
        _contexts(lambda: _df(spark).withColumn("x", F.col("nope"))),
        _contexts(lambda: _df(spark).agg(F.sum(F.col("nope")))),
    ]


@case
def col_of_a_missing_field_and_qualified(spark):
    return [
        _contexts(lambda: _df(spark).select(F.col("s.nope"))),
        _contexts(lambda: _df(spark).alias("t").select(F.col("t.nope"))),
    ]


@case
def names_handed_to_the_jvm(spark):
    """`select("nope")`, `groupBy("nope")`, `F.sum("nope")`: the JVM's `col`, called
    from the py4j reflection frame."""
    return [
        _contexts(lambda: _df(spark).select("nope")),
        _contexts(lambda: _df(spark).groupBy("nope").count()),
        _contexts(lambda: _df(spark).agg(F.sum("nope"))),
    ]


@case
def sort_keys_by_name(spark):
    """PySpark's `orderBy`/`sort` turn names into keys with `F.col`: the user's line."""
    return [
        _contexts(lambda: _df(spark).orderBy("nope")),
        _contexts(lambda: _df(spark).sort("a", "nope")),
    ]


@case
def col_in_a_window_spec(spark):
    return _contexts(lambda: _df(spark).select(F.sum("a").over(Window.orderBy(F.col("nope")))))


@case
def first_unresolved_of_a_select_list(spark):
    return _contexts(lambda: _df(spark).select(F.expr("nope1"), F.col("nope2")))


@case
def name_in_a_lambda_body_without_arithmetic(spark):
    return _contexts(lambda: _df(spark).selectExpr("filter(arr, x -> nope > x)"))


@case
def name_in_a_lambda_body_in_sql(spark):
    _df(spark).createOrReplaceTempView("unresolved_context_t")
    return [
        _contexts(lambda: spark.sql("SELECT transform(arr, x -> x + nope) FROM unresolved_context_t")),
        _contexts(lambda: spark.sql("SELECT a,\n  filter(arr, x -> nope > x) FROM unresolved_context_t")),
    ]


@case
def col_in_a_python_lambda(spark):
    return _contexts(lambda: _df(spark).select(F.transform("arr", lambda x: x + F.col("nope"))))


@case
def ambiguous_reference(spark):
    def joined():
        return _df(spark).alias("x").join(_df(spark).alias("y"))

    return [
        _contexts(lambda: joined().select(F.col("a"))),
        _contexts(lambda: joined().selectExpr("a + 1")),
    ]


@case
def back_quoted_name(spark):
    return _contexts(lambda: _df(spark).selectExpr("`no pe` + 1"))


@case
def name_in_parentheses_as_a_last_argument(spark):
    return _contexts(lambda: _df(spark).selectExpr("pmod(a, (nope))"))


@case
def names_without_a_context(spark):
    """`agg({"nope": "max"})` (built on the JVM from the name), `getField`/`[]` of a
    missing field: no context."""
    return [
        _contexts(lambda: _df(spark).groupBy("a").agg({"nope": "max"})),
        _contexts(lambda: _df(spark).select(F.col("s").getField("nope"))),
        _contexts(lambda: _df(spark).select(F.col("s")["nope"])),
    ]


@case
def window_spec_by_name(spark):
    return _contexts(lambda: _df(spark).select(F.sum("a").over(Window.orderBy("nope"))))


@case
def col_in_when(spark):
    return _contexts(lambda: _df(spark).select(F.when(F.col("nope") > 1, 1)))


@case
def struct_field_and_qualified_name_in_sql(spark):
    _df(spark).createOrReplaceTempView("unresolved_context_t")
    return [
        _contexts(lambda: spark.sql("SELECT a, s.nope FROM unresolved_context_t")),
        _contexts(lambda: spark.sql("SELECT a + unresolved_context_t.s.nope FROM unresolved_context_t")),
        _contexts(lambda: spark.sql("SELECT unresolved_context_t.nope FROM unresolved_context_t")),
    ]


@case
def qualified_name_by_the_jvm(spark):
    return _contexts(lambda: _df(spark).alias("t").select("t.nope"))


@case
def dataframe_item_resolves_at_once(spark):
    """`df["nope"]` raises at once (Spark's `Dataset.col` resolves the name), without a
    context; its proposal is every column in order."""
    df = _df(spark)
    return [
        _contexts(lambda: df["nope"]),
        _contexts(lambda: df["s.nope"]),
        _contexts(lambda: df["a.b"]),
        _contexts(lambda: df.alias("t")["t.nope"]),
        _contexts(lambda: df["arr[0]"]),
    ]


@case
def dataframe_item_by_qualified_name(spark):
    t = _df(spark).alias("t")
    return t.select(t["t.a"], t["A"], t["s.x"], t["`a`"])


@case(conf={"spark.sql.ansi.enabled": "false"})
def without_ansi_alike(spark):
    return [
        _contexts(lambda: _df(spark).selectExpr("a + nope")),
        _contexts(lambda: _df(spark).select(F.col("nope"))),
    ]


@case
def names_that_resolve_keep_their_plans(spark):
    """The origins of names change no result, column name or plan: `expr("a+1")` is
    `(a + 1)`, `F.col` keeps its name, a generator and a window in an `expr()` string
    still work."""
    df = _df(spark)
    return df.select(
        F.expr("a+1"), F.col("a"), F.expr("s.x"), F.expr("sum(a) OVER (ORDER BY a)"), F.expr("explode(arr)"),
        F.expr("transform(arr, x -> x + a)"),
    ).orderBy("col")


@case
def sort_functions_by_name(spark):
    """`F.desc("nope")` hands the name to the JVM's `desc`, which its origin names."""
    return [
        _contexts(lambda: _df(spark).sort(F.desc("nope"))),
        _contexts(lambda: _df(spark).sort(F.asc_nulls_last("nope"))),
        _contexts(lambda: _df(spark).sort(F.col("nope").desc())),
    ]


@case
def more_names_by_the_jvm_and_by_col(spark):
    df = _df(spark)
    return [
        _contexts(lambda: df.select(F.upper("nope"))),
        _contexts(lambda: df.agg(F.count("nope"))),
        _contexts(lambda: df.cube("nope").count()),
        _contexts(lambda: df.select(F.sum("a").over(Window.partitionBy("nope")))),
        _contexts(lambda: df.filter(F.col("nope").isin(1, 2))),
        _contexts(lambda: df.select(F.col("nope").alias("x"))),
        _contexts(lambda: df.select(F.col("nope").cast("int"))),
        _contexts(lambda: df.join(df.alias("o"), F.col("nope") == F.col("o.a"))),
        _contexts(lambda: df.where(F.expr("a > 1") & F.expr("nope < 2"))),
    ]
