"""Lateral column aliases (Spark 3.4+): a select item reading an alias an earlier item of
the same list gives, in SQL and in `DataFrame.select`/`selectExpr`."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5), (2, "B", None), (None, "c", -1.0)], "x int, s string, d double")


def _view(spark):
    _df(spark).createOrReplaceTempView("lca")


@case
def sql_reads_an_earlier_alias(spark):
    _view(spark)
    return spark.sql("SELECT x + 1 AS y, y * 2 AS z FROM lca")


@case
def sql_chains_aliases(spark):
    _view(spark)
    return spark.sql("SELECT 1 AS a, a + 1 AS b, b + a AS c, upper(s) AS u, concat(u, c) AS uc FROM lca")


@case
def sql_input_column_wins_over_an_alias(spark):
    _view(spark)
    return spark.sql("SELECT x + 10 AS x, x * 2 AS z FROM lca")


@case
def sql_alias_reads_are_case_insensitive(spark):
    _view(spark)
    return spark.sql("SELECT d * 2 AS Twice, TWICE + 1 AS more FROM lca")


@case
def sql_alias_beside_a_star(spark):
    _view(spark)
    return spark.sql("SELECT *, x + 1 AS y, y * 2 AS z FROM lca")


@case
def sql_alias_of_a_struct_read_by_field(spark):
    _view(spark)
    return spark.sql("SELECT named_struct('a', x, 'b', s) AS st, st.a + 1 AS a1, st.b AS b FROM lca")


@case
def sql_alias_read_inside_a_function_and_case(spark):
    _view(spark)
    return spark.sql("SELECT coalesce(d, 0.0) AS dd, CASE WHEN dd > 0 THEN 'pos' ELSE 'other' END AS sign, abs(dd) AS a FROM lca")


@case
def sql_ambiguous_lateral_alias(spark):
    _view(spark)
    return spark.sql("SELECT x AS y, x + 1 AS y, y + 1 AS z FROM lca")


@case
def sql_where_cannot_read_a_select_alias(spark):
    _view(spark)
    return spark.sql("SELECT x + 1 AS y FROM lca WHERE y > 2")


@case
def dataframe_select_reads_an_earlier_alias(spark):
    df = _df(spark)
    return df.select((F.col("x") + 1).alias("y"), (F.col("y") * 2).alias("z"), F.upper("s").alias("u"), F.concat("u", F.lit("!")))


@case
def dataframe_select_expr_reads_an_earlier_alias(spark):
    return _df(spark).selectExpr("x * 3 AS t", "t - x AS diff", "s")


@case
def dataframe_select_without_an_alias_read_is_unresolved(spark):
    return _df(spark).select((F.col("x") + 1).alias("y"), F.col("w"))
