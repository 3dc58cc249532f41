"""Answers the optimizer must not change: filters over window operators (a conjunct on
every window's partition keys moves below the window, others stay above: the rows
each window sees are the same), and CTEs referenced several times (each reference
filtered its own way, or the same way, joined to each other)."""

from pyspark.sql import Window
from pyspark.sql import functions as F

from harness import case


def _t(spark):
    spark.createDataFrame(
        [(1, "a", 1, 10), (2, "a", 2, 20), (3, "a", 2, None), (4, "b", 1, 5), (5, "b", 3, 7), (6, None, 1, 1),
         (7, None, 2, 2), (8, "c", 1, 0)],
        "id int, g string, h int, v int",
    ).createOrReplaceTempView("p6_t")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


# --- filters over windows -----------------------------------------------------------------------


@case
def filter_on_the_partition_key_over_a_window(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, g, v, sum(v) OVER (PARTITION BY g ORDER BY id) s, "
                       "row_number() OVER (PARTITION BY g ORDER BY id DESC) rn FROM p6_t) WHERE g = 'a' ORDER BY id")


@case
def filter_on_the_key_and_on_the_window_value(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, g, rank() OVER (PARTITION BY g ORDER BY v) r FROM p6_t) "
                       "WHERE g IN ('a', 'b') AND r <= 2 ORDER BY id")


@case
def filter_on_an_ordering_column_stays_above_the_window(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, g, lag(v) OVER (PARTITION BY g ORDER BY id) prev FROM p6_t) "
                       "WHERE id > 2 ORDER BY id")


@case
def filter_on_one_of_two_partition_keys(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, g, h, count(*) OVER (PARTITION BY g, h) n, "
                       "sum(v) OVER (PARTITION BY g, h ORDER BY id) s FROM p6_t) WHERE h = 1 ORDER BY id")


@case
def filter_on_a_key_one_window_does_not_partition_by(spark):
    # The second window partitions by h only: a filter on g changes what it sees.
    return _sql(spark, "SELECT * FROM (SELECT id, g, h, count(*) OVER (PARTITION BY g) n, "
                       "count(*) OVER (PARTITION BY h) m FROM p6_t) WHERE g = 'a' ORDER BY id")


@case
def filter_on_a_null_partition_key(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, g, sum(v) OVER (PARTITION BY g) s FROM p6_t) WHERE g IS NULL ORDER BY id")


@case
def filter_over_a_window_partitioned_by_an_expression(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, h, sum(v) OVER (PARTITION BY h % 2) s FROM p6_t) WHERE h = 1 ORDER BY id")


@case
def dataframe_filter_over_a_window_on_its_key(spark):
    _t(spark)
    w = Window.partitionBy("g").orderBy("id")
    df = spark.table("p6_t").withColumn("c", F.sum("v").over(w)).withColumn("l", F.lead("id").over(w))
    return df.filter((F.col("g") == "b") | F.col("g").isNull()).orderBy("id")


# --- CTEs referenced several times --------------------------------------------------------------


@case
def cte_joined_to_itself(spark):
    return _sql(spark, "WITH s AS (SELECT g, sum(v) total, count(*) n FROM p6_t GROUP BY g) "
                       "SELECT a.g, a.total, b.n FROM s a JOIN s b ON a.g = b.g ORDER BY a.g")


@case
def cte_filtered_differently_in_each_reference(spark):
    return _sql(spark, "WITH s AS (SELECT g, h, sum(v) total FROM p6_t GROUP BY g, h) "
                       "SELECT a.g, a.total t1, b.total t2 FROM s a JOIN s b ON a.g = b.g WHERE a.h = 1 AND b.h = 2 ORDER BY a.g")


@case
def cte_in_a_subquery_and_the_main_query(spark):
    return _sql(spark, "WITH s AS (SELECT g, max(v) m FROM p6_t GROUP BY g) "
                       "SELECT g, m FROM s WHERE m > (SELECT avg(m) FROM s) ORDER BY g")


@case
def cte_in_both_branches_of_a_union(spark):
    return _sql(spark, "WITH s AS (SELECT g, h, v FROM p6_t WHERE v IS NOT NULL) "
                       "SELECT g, sum(v) FROM s GROUP BY g UNION ALL SELECT CAST(h AS STRING), count(*) FROM s GROUP BY h ORDER BY 1, 2")


@case
def cte_referencing_a_cte_used_twice(spark):
    return _sql(spark, "WITH s AS (SELECT g, sum(v) total FROM p6_t GROUP BY g), "
                       "t AS (SELECT x.g, x.total + y.total tt FROM s x JOIN s y ON x.g = y.g) "
                       "SELECT a.g, a.tt, b.tt FROM t a LEFT JOIN t b ON a.g = b.g AND b.tt > 20 ORDER BY a.g")


@case
def cte_with_rand_used_twice_is_one_relation(spark):
    # Spark does not inline a non-deterministic CTE: both references read the same rows.
    return _sql(spark, "WITH s AS (SELECT id, rand() r FROM p6_t) SELECT count(*) FROM s a JOIN s b ON a.id = b.id AND a.r = b.r")
