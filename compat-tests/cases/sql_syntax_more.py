"""More Spark SQL syntax: TIMESTAMP/DATE/INTERVAL typed literals, GROUP BY ALL,
`FROM range(...)`, and comma joins / `crossJoin().filter()` whose WHERE equalities
become equi-joins (NULL keys never match, `<=>` keeps NULL pairs, float keys keep
Spark's -0.0/NaN equality, non-deterministic conditions stay filters)."""

from harness import case
from pyspark.sql import functions as F


def _views(spark):
    spark.createDataFrame([(1, "a", 1.0), (2, "b", -0.0), (None, "n", float("nan")), (3, None, None)],
                          "k int, s string, f double").createOrReplaceTempView("sm_l")
    spark.createDataFrame([(1, "x", 0.0), (None, "y", float("nan")), (3, "z", 1.0), (3, "w", None)],
                          "k int, t string, f double").createOrReplaceTempView("sm_r")


def _sql(spark, text):
    _views(spark)
    return spark.sql(text)


# --- typed literals -------------------------------------------------------------------


@case
def timestamp_literal(spark):
    return spark.sql("SELECT TIMESTAMP '2020-01-02 03:04:05' AS ts, TIMESTAMP '2020-01-02' AS midnight")


@case
def timestamp_literal_default_name(spark):
    return spark.sql("SELECT TIMESTAMP '2020-01-02 03:04:05.123456'")


@case
def timestamp_literal_with_zone(spark):
    return spark.sql("SELECT TIMESTAMP '2020-01-02 03:04:05+02:00' AS ts")


@case
def timestamp_literal_invalid(spark):
    return spark.sql("SELECT TIMESTAMP '2020-13-45 99:00:00' AS ts")


@case
def timestamp_literal_plus_interval(spark):
    return spark.sql("SELECT TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '90' MINUTE AS t, "
                     "TIMESTAMP '2020-01-31 10:00:00' + INTERVAL '1' MONTH AS m")


@case
def timestamp_literal_compared(spark):
    return spark.sql("SELECT TIMESTAMP '2020-01-02 00:00:00' > DATE '2020-01-01' AS gt, "
                     "TIMESTAMP '2020-01-02 00:00:00' = TIMESTAMP '2020-01-02' AS eq")


@case
def date_literal_arithmetic(spark):
    return spark.sql("SELECT DATE '2020-01-31' + INTERVAL '1' MONTH AS d, DATE '1998-12-01' - INTERVAL '90' DAY AS q1, "
                     "DATE '2024-02-29' + INTERVAL '1' YEAR AS leap")


@case
def timestamp_literal_in_where(spark):
    df = spark.createDataFrame([(1,), (2,)], "x int").withColumn("ts", F.expr("timestamp_seconds(x * 86400)"))
    df.createOrReplaceTempView("sm_ts")
    return spark.sql("SELECT x FROM sm_ts WHERE ts >= TIMESTAMP '1970-01-03 00:00:00' ORDER BY x")


# --- GROUP BY ALL -----------------------------------------------------------------------


@case
def group_by_all(spark):
    return _sql(spark, "SELECT k % 2 AS parity, count(*) AS c FROM sm_l GROUP BY ALL ORDER BY parity")


@case
def group_by_all_two_keys(spark):
    return _sql(spark, "SELECT s IS NULL AS no_s, k > 1 AS big, sum(k) AS total FROM sm_l GROUP BY ALL ORDER BY no_s, big")


@case
def group_by_all_only_aggregates(spark):
    return _sql(spark, "SELECT count(*) AS c, max(k) AS m FROM sm_l GROUP BY ALL")


@case
def group_by_all_with_having(spark):
    return _sql(spark, "SELECT t, count(*) AS c FROM sm_r GROUP BY ALL HAVING count(*) >= 1 ORDER BY t")


@case
def group_by_all_expression_item(spark):
    return _sql(spark, "SELECT upper(t), k, count(*) FROM sm_r GROUP BY ALL ORDER BY 1")


# --- FROM range(...) ------------------------------------------------------------------


@case
def range_table_function(spark):
    return spark.sql("SELECT * FROM range(2, 8, 3) r")


@case
def range_one_argument(spark):
    return spark.sql("SELECT id * 2 AS x FROM range(4) WHERE id > 0")


@case
def range_joined(spark):
    return spark.sql("SELECT a.id, b.id AS b FROM range(3) a, range(2, 5) b WHERE a.id + 2 = b.id ORDER BY a.id")


# --- comma joins: WHERE equalities as join keys ---------------------------------------


@case
def comma_join_null_keys_never_match(spark):
    return _sql(spark, "SELECT sm_l.k, s, t FROM sm_l, sm_r WHERE sm_l.k = sm_r.k ORDER BY sm_l.k, t")


@case
def comma_join_null_safe_equality(spark):
    return _sql(spark, "SELECT sm_l.k, s, t FROM sm_l, sm_r WHERE sm_l.k <=> sm_r.k ORDER BY sm_l.k, t")


@case
def comma_join_float_keys_negative_zero_and_nan(spark):
    return _sql(spark, "SELECT s, t FROM sm_l, sm_r WHERE sm_l.f = sm_r.f ORDER BY s, t")


@case
def comma_join_key_and_one_side_filters(spark):
    return _sql(spark, "SELECT s, t FROM sm_l a, sm_r b WHERE a.k = b.k AND a.s IS NOT NULL AND b.t <> 'w' ORDER BY s, t")


@case
def comma_join_inequality_residual(spark):
    return _sql(spark, "SELECT a.k AS ak, b.k AS bk FROM sm_l a, sm_r b WHERE a.k < b.k ORDER BY ak, bk")


@case
def comma_join_or_condition_stays_whole(spark):
    return _sql(spark, "SELECT s, t FROM sm_l a, sm_r b WHERE a.k = b.k OR (a.s = 'a' AND b.t = 'y') ORDER BY s, t")


@case
def comma_join_three_tables(spark):
    _views(spark)
    spark.createDataFrame([("x", 10), ("z", 30), ("w", 40)], "t string, v int").createOrReplaceTempView("sm_v")
    return spark.sql("SELECT a.s, b.t, c.v FROM sm_l a, sm_r b, sm_v c WHERE a.k = b.k AND b.t = c.t ORDER BY c.v")


@case
def comma_join_casted_key_types(spark):
    _views(spark)
    spark.createDataFrame([(1, "one"), (3, "three")], "k bigint, name string").createOrReplaceTempView("sm_big")
    return spark.sql("SELECT a.s, c.name FROM sm_l a, sm_big c WHERE a.k = c.k ORDER BY c.name")


@case
def comma_join_constant_false(spark):
    return _sql(spark, "SELECT s, t FROM sm_l, sm_r WHERE 1 = 0")


@case
def comma_join_count(spark):
    return _sql(spark, "SELECT sm_l.k, s, t FROM sm_l, sm_r WHERE sm_l.k = sm_r.k").count()


@case
def cross_join_filter_dataframe(spark):
    left = spark.createDataFrame([(1, "a"), (2, "b"), (None, "n")], "k int, s string")
    right = spark.createDataFrame([(1, "x"), (None, "y"), (2, "z")], "j int, t string")
    return left.crossJoin(right).filter((F.col("k") == F.col("j")) & (F.col("t") != "q")).orderBy("k")


@case
def inner_join_then_where_on_both_sides(spark):
    left = spark.createDataFrame([(1, "a"), (2, "b"), (3, "c")], "k int, s string")
    right = spark.createDataFrame([(1, 10), (2, 20), (3, 30)], "k2 int, v int")
    return left.join(right, F.col("k") == F.col("k2")).where((F.col("v") > 10) & (F.col("s") < "c")).orderBy("k")


@case
def left_join_where_on_right_stays_above(spark):
    return _sql(spark, "SELECT a.k, b.t FROM sm_l a LEFT JOIN sm_r b ON a.k = b.k WHERE b.t IS NULL ORDER BY a.k")


@case
def left_join_where_on_left_goes_below(spark):
    return _sql(spark, "SELECT a.k, b.t FROM sm_l a LEFT JOIN sm_r b ON a.k = b.k WHERE a.k > 1 ORDER BY a.k, b.t")
