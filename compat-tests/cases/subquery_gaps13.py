"""IN and correlated EXISTS subqueries outside aggregate calls in an aggregation's select
list and in HAVING: Spark evaluates the predicate over the aggregation's output (an
existence join on the groups, RewritePredicateSubquery), with NOT IN's three-valued
logic (a NULL tested value or a NULL in the subquery's column), an empty subquery, and
Spark's errors for the shapes it refuses."""

from harness import case


def _t(spark):
    spark.createDataFrame([(1, 10), (1, 5), (2, 20), (3, 30), (None, 7), (None, 1)], "k int, v int").createOrReplaceTempView("g13_t")
    spark.createDataFrame([(1, 100), (3, 300), (4, 400)], "x int, y int").createOrReplaceTempView("g13_u")
    spark.createDataFrame([(1, 15), (None, 20)], "x int, y int").createOrReplaceTempView("g13_n")
    spark.createDataFrame([], "x int, y int").createOrReplaceTempView("g13_e")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


@case
def in_on_the_key(spark):
    return _sql(spark, "SELECT k, k IN (SELECT x FROM g13_u) FROM g13_t GROUP BY k ORDER BY k")


@case
def in_on_the_key_aliased_beside_an_aggregate(spark):
    return _sql(spark, "SELECT k, sum(v) s, k IN (SELECT x FROM g13_u) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def not_in_on_the_key(spark):
    return _sql(spark, "SELECT k, k NOT IN (SELECT x FROM g13_u) FROM g13_t GROUP BY k ORDER BY k")


@case
def not_in_with_a_null_in_the_subquery(spark):
    return _sql(spark, "SELECT k, k NOT IN (SELECT x FROM g13_n) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def in_with_a_null_in_the_subquery(spark):
    return _sql(spark, "SELECT k, k IN (SELECT x FROM g13_n) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def not_in_an_empty_subquery(spark):
    return _sql(spark, "SELECT k, k NOT IN (SELECT x FROM g13_e) AS f, k IN (SELECT x FROM g13_e) AS g FROM g13_t GROUP BY k ORDER BY k")


@case
def in_on_an_aggregate(spark):
    return _sql(spark, "SELECT k, sum(v) IN (SELECT y FROM g13_n) FROM g13_t GROUP BY k ORDER BY k")


@case
def not_in_on_an_aggregate_in_an_expression(spark):
    return _sql(spark, "SELECT k, NOT (max(v) IN (SELECT y FROM g13_n)) OR k > 2 AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def in_in_a_global_aggregation(spark):
    return _sql(spark, "SELECT count(*) IN (SELECT x - 2 FROM g13_u) AS f, sum(v) s FROM g13_t")


@case
def in_in_a_global_aggregation_of_no_rows(spark):
    return _sql(spark, "SELECT count(*) IN (SELECT 0) AS f, count(*) NOT IN (SELECT x FROM g13_u) AS g FROM g13_t WHERE v > 1000")


@case
def correlated_in_on_the_key(spark):
    return _sql(spark, "SELECT k, max(v) IN (SELECT y / 10 FROM g13_u WHERE g13_u.x = g13_t.k) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def correlated_exists(spark):
    return _sql(spark, "SELECT k, EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.k) FROM g13_t GROUP BY k ORDER BY k")


@case
def correlated_not_exists_beside_aggregates(spark):
    return _sql(
        spark,
        "SELECT k, count(*) c, NOT EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.k AND g13_u.y > 150) AS f FROM g13_t GROUP BY k ORDER BY k",
    )


@case
def correlated_exists_with_a_range(spark):
    return _sql(spark, "SELECT k, EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x > g13_t.k) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def correlated_exists_on_an_empty_subquery(spark):
    return _sql(spark, "SELECT k, EXISTS (SELECT 1 FROM g13_e WHERE g13_e.x = g13_t.k) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def exists_and_in_in_a_case(spark):
    return _sql(
        spark,
        "SELECT k, CASE WHEN k IN (SELECT x FROM g13_u) THEN 'in' WHEN EXISTS (SELECT 1 FROM g13_n WHERE g13_n.x = g13_t.k) THEN 'n' "
        "ELSE 'none' END AS f FROM g13_t GROUP BY k ORDER BY k",
    )


@case
def in_grouped_by_an_expression(spark):
    return _sql(spark, "SELECT k + 1 AS k1, (k + 1) IN (SELECT x FROM g13_u) AS f FROM g13_t GROUP BY k + 1 ORDER BY k1")


@case
def in_in_having(spark):
    return _sql(spark, "SELECT k, sum(v) s FROM g13_t GROUP BY k HAVING k IN (SELECT x FROM g13_u) ORDER BY k")


@case
def not_in_with_a_null_in_having(spark):
    return _sql(spark, "SELECT k, sum(v) s FROM g13_t GROUP BY k HAVING k NOT IN (SELECT x FROM g13_n) ORDER BY k")


@case
def not_in_on_an_aggregate_in_having(spark):
    return _sql(spark, "SELECT k FROM g13_t GROUP BY k HAVING sum(v) NOT IN (SELECT y FROM g13_u) ORDER BY k")


@case
def correlated_exists_in_having(spark):
    return _sql(spark, "SELECT k, count(*) c FROM g13_t GROUP BY k HAVING EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.k) ORDER BY k")


@case
def correlated_not_exists_in_having_or(spark):
    return _sql(
        spark,
        "SELECT k, count(*) c FROM g13_t GROUP BY k HAVING NOT EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.k) OR sum(v) > 20 ORDER BY k",
    )


@case
def in_on_a_column_not_grouped(spark):
    return _sql(spark, "SELECT k, v IN (SELECT x FROM g13_u) FROM g13_t GROUP BY k")


@case
def correlated_exists_on_a_column_not_grouped(spark):
    return _sql(spark, "SELECT k, EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.v) FROM g13_t GROUP BY k")


@case
def in_of_two_columns_in_an_aggregation(spark):
    return _sql(spark, "SELECT k, k IN (SELECT x, y FROM g13_u) FROM g13_t GROUP BY k")


@case(conf={"spark.sql.ansi.enabled": "false"})
def in_with_a_cast_ansi_off(spark):
    return _sql(spark, "SELECT k, CAST(k AS STRING) IN (SELECT CAST(x AS STRING) FROM g13_u) AS f FROM g13_t GROUP BY k ORDER BY k")


@case
def in_over_strings_and_ints(spark):
    return _sql(spark, "SELECT k, CAST(k AS STRING) IN (SELECT x FROM g13_u) AS f FROM g13_t GROUP BY k ORDER BY k")


# A window function beside a subquery read per group.


@case
def window_beside_a_scalar_per_group(spark):
    return _sql(spark, "SELECT k, sum(v) s, rank() OVER (ORDER BY sum(v) DESC) r, (SELECT max(x) FROM g13_u) m FROM g13_t GROUP BY k ORDER BY k")


@case
def window_reading_a_scalar_per_group(spark):
    return _sql(spark, "SELECT k, sum(sum(v) + (SELECT max(x) FROM g13_u)) OVER (ORDER BY k) w FROM g13_t GROUP BY k ORDER BY k")


@case
def window_beside_an_in_per_group(spark):
    return _sql(spark, "SELECT k, row_number() OVER (ORDER BY k) r, k IN (SELECT x FROM g13_n) f FROM g13_t GROUP BY k ORDER BY k")


@case
def window_beside_a_correlated_exists_per_group(spark):
    return _sql(spark, "SELECT k, count(*) OVER () n, EXISTS (SELECT 1 FROM g13_u WHERE g13_u.x = g13_t.k) f FROM g13_t GROUP BY k ORDER BY k")


@case
def df_window_beside_a_scalar_per_group(spark):
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    _t(spark)
    t, u = spark.table("g13_t"), spark.table("g13_u")
    return t.groupBy("k").agg(F.sum("v").alias("s"), F.rank().over(Window.orderBy(F.sum("v"))).alias("r"), u.select(F.max("x")).scalar().alias("m")).orderBy("k")


@case
def df_window_beside_an_exists_per_group(spark):
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    _t(spark)
    t, u = spark.table("g13_t"), spark.table("g13_u")
    return t.groupBy("k").agg(F.count("*").over(Window.partitionBy()).alias("n"), u.where(F.col("x") > 3).exists().alias("e")).orderBy("k")


# Inside a correlated scalar subquery: HAVING, ROLLUP/CUBE/GROUPING SETS, GROUP BY ALL.


def _o(spark):
    spark.createDataFrame([(1, 10), (2, 20), (3, 30), (None, 5)], "a int, b int").createOrReplaceTempView("g13_o")
    spark.createDataFrame([(1, 1, "x"), (1, 2, "x"), (2, 5, "y"), (4, 7, "z"), (None, 3, "w")], "k int, y int, g string").createOrReplaceTempView("g13_i")


def _osql(spark, text):
    _o(spark)
    return spark.sql(text)


@case
def scalar_having_filters_the_value(spark):
    return _osql(spark, "SELECT a, (SELECT sum(y) FROM g13_i WHERE g13_i.k = g13_o.a HAVING sum(y) > 2) s FROM g13_o ORDER BY a")


@case
def scalar_having_on_a_count_over_no_rows(spark):
    return _osql(spark, "SELECT a, (SELECT count(*) FROM g13_i WHERE g13_i.k = g13_o.a HAVING count(*) < 2) c FROM g13_o ORDER BY a")


@case
def scalar_having_with_group_by(spark):
    return _osql(spark, "SELECT a, (SELECT sum(y) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY k HAVING max(y) > 1) s FROM g13_o ORDER BY a")


@case
def scalar_having_in_where(spark):
    return _osql(spark, "SELECT a FROM g13_o WHERE b > (SELECT count(*) FROM g13_i WHERE g13_i.k = g13_o.a HAVING count(*) > 0) ORDER BY a")


@case
def scalar_group_by_all_global(spark):
    return _osql(spark, "SELECT a, (SELECT sum(y) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY ALL) s FROM g13_o ORDER BY a")


@case
def scalar_group_by_all_count(spark):
    return _osql(spark, "SELECT a, (SELECT count(*) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY ALL) c FROM g13_o ORDER BY a")


@case
def scalar_rollup(spark):
    return _osql(spark, "SELECT a, (SELECT sum(y) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY ROLLUP(g)) s FROM g13_o ORDER BY a")


@case
def scalar_empty_grouping_set(spark):
    return _osql(spark, "SELECT a, (SELECT sum(y) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY GROUPING SETS (())) s FROM g13_o ORDER BY a")


@case
def scalar_cube(spark):
    return _osql(spark, "SELECT a, (SELECT max(y) FROM g13_i WHERE g13_i.k = g13_o.a GROUP BY CUBE(k)) s FROM g13_o ORDER BY a")


# After a correlated aggregation, a further step.


def _lat(spark):
    from pyspark.sql import functions as F

    _t(spark)
    return spark.table("g13_t").alias("a"), spark.table("g13_u").alias("b"), F


@case
def lateral_filter_after_a_correlated_aggregation(spark):
    t, u, F = _lat(spark)
    inner = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.sum("y").alias("s")).where(F.col("s") > 150)
    return t.lateralJoin(inner).orderBy("k", "v")


@case
def lateral_left_select_after_a_correlated_count(spark):
    t, u, F = _lat(spark)
    inner = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.count("*").alias("c")).select((F.col("c") * 2).alias("c2"))
    return t.lateralJoin(inner, how="left").orderBy("k", "v")


@case
def lateral_with_column_reading_outer_after_aggregation(spark):
    t, u, F = _lat(spark)
    inner = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.sum("y").alias("s")).withColumn("d", F.col("s") - F.col("a.v").outer())
    return t.lateralJoin(inner, how="left").orderBy("k", "v")


@case
def lateral_left_filter_after_a_count(spark):
    t, u, F = _lat(spark)
    inner = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.count("*").alias("c")).where(F.col("c") == 0)
    return t.lateralJoin(inner, how="left").orderBy("k", "v")


@case
def scalar_select_after_a_correlated_aggregation(spark):
    t, u, F = _lat(spark)
    sub = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.max("y").alias("m")).select(F.col("m") + 1)
    return t.select("a.k", "a.v", sub.scalar().alias("m1")).orderBy("k", "v")


@case
def exists_after_a_filtered_correlated_count(spark):
    t, u, F = _lat(spark)
    sub = u.where(F.col("b.x") == F.col("a.k").outer()).select(F.count("*").alias("c")).where(F.col("c") > 0)
    return t.select("a.k", "a.v", sub.exists().alias("e")).orderBy("k", "v")
