"""DataFrame.scalar() and DataFrame.exists(): a DataFrame used as a value (Spark 4's
scalar and EXISTS subqueries) in select, filter and withColumn, uncorrelated or reading
the outer DataFrame through `col(...).outer()`; Spark's names (`scalarsubquery(c1)`,
`exists()`), NULL and empty results, the count bug, and the errors of misuse."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}


def _t1(spark):
    return spark.createDataFrame([(1, 2), (2, 3), (None, 4), (3, 5)], "c1 int, c2 int")


def _t2(spark):
    return spark.createDataFrame([(1, 10), (2, 20), (1, 30), (None, 40)], "c1 int, c2 int")


def _matching(spark):
    """The rows of t2 whose c1 equals the outer row's c1."""
    return _t2(spark).alias("b").where(F.col("b.c1") == F.col("a.c1").outer())


@case
def scalar_uncorrelated_in_select(spark):
    return _t1(spark).select("c1", _t2(spark).select(F.max("c2")).scalar()).orderBy("c2")


@case
def scalar_uncorrelated_aliased(spark):
    return _t1(spark).select("c1", _t2(spark).select(F.max("c2")).scalar().alias("m")).orderBy("c2")


@case
def scalar_uncorrelated_in_filter(spark):
    return _t1(spark).where(F.col("c2") * 10 >= _t2(spark).select(F.avg("c2")).scalar()).orderBy("c2")


@case
def scalar_uncorrelated_with_column(spark):
    return _t1(spark).withColumn("m", _t2(spark).select(F.min("c2")).scalar()).orderBy("c2")


@case
def scalar_with_column_replaces_a_column(spark):
    return _t1(spark).withColumn("c1", _t2(spark).select(F.count("*")).scalar()).orderBy("c2")


@case
def scalar_with_columns_two_subqueries(spark):
    t2 = _t2(spark)
    return _t1(spark).withColumns({"lo": t2.select(F.min("c2")).scalar(), "hi": t2.select(F.max("c2")).scalar()}).orderBy("c2")


@case
def scalar_star_and_value(spark):
    return _t1(spark).select("*", _t2(spark).select(F.sum("c2")).scalar()).orderBy("c2")


@case
def scalar_inside_an_expression(spark):
    return _t1(spark).select((F.col("c2") + _t2(spark).select(F.max("c2")).scalar()).alias("s")).orderBy("s")


@case
def scalar_inside_an_expression_named(spark):
    return _t1(spark).select(F.col("c2") + _t2(spark).select(F.max("c2")).scalar()).orderBy("c2")


@case
def scalar_one_row_without_aggregate(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 = 20").select("c2").scalar()).orderBy("c2")


@case
def scalar_of_a_string(spark):
    return _t1(spark).select("c2", spark.range(1).select(F.lit("x").alias("s")).scalar()).orderBy("c2")


@case
def scalar_empty_subquery_aggregate_is_null(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 > 100").select(F.max("c2")).scalar()).orderBy("c2")


@case
def scalar_empty_subquery_is_null(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 > 100").select("c2").scalar()).orderBy("c2")


@case
def scalar_empty_subquery_count_is_zero(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 > 100").select(F.count("c2")).scalar()).orderBy("c2")


@case
def scalar_null_value(spark):
    return _t1(spark).select("c2", _t2(spark).where("c1 is null").select("c1").scalar()).orderBy("c2")


@case
def scalar_over_an_empty_dataframe(spark):
    return _t1(spark).where("c2 > 100").select("c2", _t2(spark).select(F.max("c2")).scalar())


@case
def scalar_too_many_rows(spark):
    return _t1(spark).select(_t2(spark).select("c2").scalar())


@case
def scalar_too_many_columns(spark):
    return _t1(spark).select(_t2(spark).select("c1", "c2").scalar())


@case
def scalar_too_many_columns_of_aggregates(spark):
    return _t1(spark).select(_t2(spark).select(F.min("c2"), F.max("c2")).scalar())


@case
def scalar_too_many_rows_in_filter(spark):
    return _t1(spark).where(F.col("c2") > _t2(spark).select("c2").scalar())


@case(ordered=False)
def scalar_correlated_sum(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).select(F.sum("c2")).scalar())


@case(ordered=False)
def scalar_correlated_count_is_zero_without_match(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).select(F.count("c2")).scalar())


@case(ordered=False)
def scalar_correlated_count_star(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).select(F.count("*")).scalar().alias("n"))


@case(ordered=False)
def scalar_correlated_aggregate_expression(spark):
    inner = _matching(spark).select((F.max("c2") - F.min("c2")).alias("spread"))
    return _t1(spark).alias("a").withColumn("spread", inner.scalar())


@case(ordered=False)
def scalar_correlated_in_filter(spark):
    return _t1(spark).alias("a").where(F.col("c2") * 10 < _matching(spark).select(F.max("c2")).scalar())


@case(ordered=False)
def scalar_correlated_with_column_arithmetic(spark):
    return _t1(spark).alias("a").withColumn("r", _matching(spark).select(F.avg("c2")).scalar() / F.col("c2"))


@case(ordered=False)
def scalar_correlated_non_equality(spark):
    inner = _t2(spark).alias("b").where(F.col("b.c2") > F.col("a.c2").outer() * 10).select(F.count("*"))
    return _t1(spark).alias("a").select("c2", inner.scalar())


@case(ordered=False)
def scalar_correlated_two_outer_columns(spark):
    inner = _t2(spark).alias("b").where((F.col("b.c1") == F.col("a.c1").outer()) & (F.col("b.c2") > F.col("a.c2").outer() * 5))
    return _t1(spark).alias("a").select("c1", "c2", inner.select(F.sum("c2")).scalar())


@case(ordered=False)
def scalar_correlated_one_row_each(spark):
    inner = _t2(spark).alias("b").where(F.col("b.c2") == F.col("a.c2").outer() * 10).select("c1")
    return _t1(spark).alias("a").select("c2", inner.scalar())


@case
def scalar_correlated_too_many_rows(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).select("c2").scalar())


@case
def scalar_correlated_too_many_columns(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).select(F.min("c2"), F.max("c2")).scalar())


@case(ordered=False)
def scalar_ansi_divide_by_zero(spark):
    return _t1(spark).select("c2", (F.col("c2") / _t2(spark).select(F.min("c2") - 10).scalar()).alias("q"))


@case(ordered=False, conf=LEGACY)
def scalar_legacy_divide_by_zero(spark):
    return _t1(spark).select("c2", (F.col("c2") / _t2(spark).select(F.min("c2") - 10).scalar()).alias("q"))


@case
def scalar_repr(spark):
    return repr(_t2(spark).select(F.max("c2")).scalar())


@case(ordered=False)
def exists_correlated_in_filter(spark):
    return _t1(spark).alias("a").where(_matching(spark).exists())


@case(ordered=False)
def not_exists_correlated_in_filter(spark):
    return _t1(spark).alias("a").where(~_matching(spark).exists())


@case(ordered=False)
def exists_correlated_in_select(spark):
    return _t1(spark).alias("a").select("c1", _matching(spark).exists())


@case(ordered=False)
def exists_correlated_non_equality(spark):
    inner = _t2(spark).alias("b").where(F.col("b.c2") > F.col("a.c2").outer() * 9)
    return _t1(spark).alias("a").select("c2", inner.exists().alias("e"))


@case(ordered=False)
def exists_or_condition(spark):
    return _t1(spark).alias("a").where(_matching(spark).exists() | (F.col("c2") > 4))


@case(ordered=False)
def exists_uncorrelated_true(spark):
    return _t1(spark).where(_t2(spark).exists())


@case
def exists_uncorrelated_false(spark):
    return _t1(spark).where(_t2(spark).where("c2 > 100").exists())


@case(ordered=False)
def exists_uncorrelated_in_select(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 > 100").exists(), _t2(spark).exists().alias("any"))


@case
def exists_repr(spark):
    return repr(_t2(spark).exists())


@case(ordered=False)
def scalar_correlated_with_a_local_conjunct(spark):
    inner = _t2(spark).alias("b").where((F.col("b.c1") == F.col("a.c1").outer()) & (F.col("b.c2") > 15))
    return _t1(spark).alias("a").select("c1", inner.select(F.max("c2")).scalar())


@case(ordered=False)
def scalar_correlated_on_two_equalities(spark):
    inner = _t2(spark).alias("b").where((F.col("b.c1") == F.col("a.c1").outer()) & (F.col("b.c2") == F.col("a.c2").outer() * 10))
    return _t1(spark).alias("a").select("c1", "c2", inner.select(F.count("*")).scalar())


@case(ordered=False)
def scalar_correlated_on_expressions(spark):
    inner = _t2(spark).alias("b").where(F.col("b.c1") + 1 == F.col("a.c1").outer() * 2)
    return _t1(spark).alias("a").select("c1", inner.select(F.sum("c2")).scalar())


@case(ordered=False)
def scalar_correlated_on_itself(spark):
    t1 = _t1(spark)
    inner = t1.alias("b").where(F.col("b.c1") <= F.col("a.c1").outer()).select(F.count("*"))
    same = t1.alias("b").where(F.col("b.c1") == F.col("a.c1").outer()).select(F.count("*"))
    return t1.alias("a").select("c1", inner.scalar().alias("le"), same.scalar().alias("eq"))


@case(ordered=False)
def scalar_correlated_after_an_uncorrelated_filter(spark):
    inner = _t2(spark).alias("b").where("c2 < 25").where(F.col("b.c1") == F.col("a.c1").outer()).select(F.avg("c2"))
    return _t1(spark).alias("a").withColumn("m", inner.scalar())


@case(ordered=False)
def exists_correlated_with_trailing_select(spark):
    return _t1(spark).alias("a").where(_matching(spark).select("c2").orderBy("c2").exists())


@case(ordered=False)
def exists_correlated_with_a_local_conjunct(spark):
    inner = _t2(spark).alias("b").where((F.col("b.c1") == F.col("a.c1").outer()) & (F.col("b.c2") > 25))
    return _t1(spark).alias("a").select("c1", inner.exists())


@case(ordered=False)
def exists_unqualified_outer_name_reads_the_inner_column(spark):
    return _t1(spark).select("c1", _t2(spark).where(F.col("c1") == F.col("c1").outer()).exists())


@case(ordered=False)
def exists_correlated_and_negated_together(spark):
    inner = _matching(spark)
    return _t1(spark).alias("a").select("c1", inner.exists().alias("e"), (~inner.exists()).alias("ne"))


@case(ordered=False)
def exists_of_a_correlated_aggregation_is_true(spark):
    inner = _matching(spark).select(F.max("c2"))
    return _t1(spark).alias("a").select("c1", inner.exists())


@case(ordered=False)
def exists_of_an_aggregation_of_nothing_is_true(spark):
    return _t1(spark).select("c2", _t2(spark).where("c2 > 100").select(F.max("c2")).exists().alias("e"))
