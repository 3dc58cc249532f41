"""`spark.sql(query, args)`: named (`:x`, dict) and positional (`?`, list) parameters
bound to literals or `F.lit`/collection columns, Spark's errors for unbound and invalid
arguments; and `spark.sql(query, **kwargs)` formatting: `{df}` DataFrame references,
`{df[c]}`/`{col}` column references, strings quoted, other values as text."""

import datetime
from decimal import Decimal

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5), (2, "b", None), (3, None, -1.0), (None, "d", 0.0)], "A int, B string, C double")


def _view(spark):
    _df(spark).createOrReplaceTempView("prm_t")


@case
def named_literals_name_the_columns(spark):
    return spark.sql("SELECT :x, :y AS b, :x + 1", {"x": 1, "y": "s"})


@case
def positional_literals(spark):
    return spark.sql("SELECT ?, ? AS b, ? * 2", [1, "s", 2.5])


@case
def named_in_where_and_order(spark):
    _view(spark)
    return spark.sql("SELECT * FROM prm_t WHERE A > :lo AND B <> :skip ORDER BY A", {"lo": 1, "skip": "zz"})


@case
def positional_in_where(spark):
    _view(spark)
    return spark.sql("SELECT A, B FROM prm_t WHERE A >= ? AND A <= ? ORDER BY A", [2, 3])


@case
def named_parameter_used_twice(spark):
    _view(spark)
    return spark.sql("SELECT A FROM prm_t WHERE A = :k OR A = :k + 2 ORDER BY A", {"k": 1})


@case
def null_parameter_is_void(spark):
    return spark.sql("SELECT :n AS n, :n IS NULL AS isnull", {"n": None})


@case
def null_parameter_in_comparison(spark):
    _view(spark)
    return spark.sql("SELECT A FROM prm_t WHERE A = :n", {"n": None})


@case
def typed_python_values(spark):
    return spark.sql(
        "SELECT :d, :ts, :f, :dec, :b, :big",
        {"d": datetime.date(2020, 1, 2), "ts": datetime.datetime(2021, 3, 4, 5, 6, 7), "f": 1.5,
         "dec": Decimal("1.20"), "b": True, "big": 2**40},
    )


@case
def lit_columns_as_arguments(spark):
    return spark.sql("SELECT :a AS a, :m AS m, :s AS s", {
        "a": F.array(F.lit(1), F.lit(2)), "m": F.create_map(F.lit("k"), F.lit(1)), "s": F.struct(F.lit(1).alias("x"))})


@case
def lit_column_positional(spark):
    return spark.sql("SELECT ? AS x, ? AS y", [F.lit(7), F.lit("t")])


@case
def array_parameter_in_function(spark):
    return spark.sql("SELECT size(:a) AS n, element_at(:a, 2) AS second", {"a": F.array(F.lit(10), F.lit(20), F.lit(30))})


@case
def parameter_in_limit(spark):
    _view(spark)
    return spark.sql("SELECT A FROM prm_t ORDER BY A LIMIT :n", {"n": 2})


@case
def parameter_in_aggregate_and_having(spark):
    _view(spark)
    return spark.sql("SELECT B IS NULL AS nb, count(*) AS c FROM prm_t GROUP BY 1 HAVING count(*) >= :m ORDER BY nb", {"m": 1})


@case
def parameter_in_case_when(spark):
    _view(spark)
    return spark.sql("SELECT A, CASE WHEN A > :t THEN :hi ELSE :lo END AS band FROM prm_t ORDER BY A", {"t": 1, "hi": "high", "lo": "low"})


@case
def parameter_in_in_list(spark):
    _view(spark)
    return spark.sql("SELECT A FROM prm_t WHERE A IN (?, ?) ORDER BY A", [1, 3])


@case
def parameter_string_is_not_sql(spark):
    return spark.sql("SELECT :s AS s", {"s": "1; DROP TABLE x"})


@case
def parameter_in_subquery(spark):
    _view(spark)
    return spark.sql("SELECT A FROM prm_t WHERE A IN (SELECT A FROM prm_t WHERE A > :k) ORDER BY A", {"k": 1})


@case
def extra_arguments_are_ignored(spark):
    return spark.sql("SELECT 1 AS one", {"z": 2})


@case
def extra_positional_arguments_are_ignored(spark):
    return spark.sql("SELECT ? AS one", [1, 2])


@case
def empty_args(spark):
    return spark.sql("SELECT 1 AS one", {})


@case
def unbound_named(spark):
    return spark.sql("SELECT :x", {"y": 1})


@case
def unbound_named_without_args(spark):
    return spark.sql("SELECT :x")


@case
def unbound_positional(spark):
    return spark.sql("SELECT ?, ?", [1])


@case
def positional_without_args(spark):
    return spark.sql("SELECT 1, ?")


@case
def positional_marker_with_named_args(spark):
    return spark.sql("SELECT :x, ?", {"x": 1})


@case
def named_marker_with_positional_args(spark):
    return spark.sql("SELECT :x, ?", [1])


@case
def args_of_wrong_type(spark):
    return spark.sql("SELECT 1", 5)


@case
def args_as_tuple_is_refused(spark):
    return spark.sql("SELECT ?", (1,))


@case
def column_reference_argument_is_unbound(spark):
    return spark.sql("SELECT :x", {"x": F.col("a")})


@case
def computed_argument_is_invalid(spark):
    return spark.sql("SELECT :x", {"x": F.lit(1) + 1})


# --- kwargs formatting ----------------------------------------------------------------


@case
def format_dataframe_reference(spark):
    df = _df(spark)
    return spark.sql("SELECT * FROM {df} WHERE {df[A]} > {v} AND B = {s}", df=df, v=1, s="b")


@case
def format_same_dataframe_twice(spark):
    df = _df(spark)
    return spark.sql("SELECT count(*) AS n FROM {df} x JOIN {df} y ON x.A = y.A", df=df)


@case
def format_two_dataframes(spark):
    left = _df(spark)
    right = spark.createDataFrame([(1, "one"), (3, "three")], "A int, name string")
    return spark.sql("SELECT l.A, r.name FROM {l} l JOIN {r} r USING (A) ORDER BY l.A", l=left, r=right)


@case
def format_column_reference(spark):
    return spark.sql("SELECT {c} FROM {df} ORDER BY 1", df=_df(spark), c=F.col("B"))


@case
def format_column_reference_needing_quotes(spark):
    df = spark.createDataFrame([(1,)], "`a b` int")
    return spark.sql("SELECT {c} FROM {df}", df=df, c=F.col("a b"))


@case
def format_computed_column_is_refused(spark):
    return spark.sql("SELECT {c} FROM {df}", df=_df(spark), c=F.col("A") + 1)


@case
def format_with_named_args(spark):
    return spark.sql("SELECT * FROM {df} WHERE A > :v ORDER BY A", {"v": 1}, df=_df(spark))


@case
def format_with_positional_args(spark):
    return spark.sql("SELECT A FROM {df} WHERE A < ? ORDER BY A", [3], df=_df(spark))


@case
def format_string_is_quoted(spark):
    return spark.sql("SELECT {s} AS s, {n} AS n, {f} AS f", s="it is", n=5, f=0.5)


@case
def format_view_is_dropped_after(spark):
    before = set(t.name for t in spark.catalog.listTables())
    spark.sql("SELECT * FROM {df}", df=_df(spark)).collect()
    return sorted(set(t.name for t in spark.catalog.listTables()) - before)


@case
def format_null_values_in_join(spark):
    df = _df(spark)
    return spark.sql("SELECT x.A, y.B FROM {df} x JOIN {df} y ON x.B = y.B ORDER BY x.A", df=df)
