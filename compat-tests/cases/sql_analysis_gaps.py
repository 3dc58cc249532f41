"""SQL analysis corners: a lambda reading a lateral column alias (of an aggregate, or of
a plain select item), a struct IN list whose field names differ from the value's
(compared by position), and VALUES / UNION of interval types of different fields
(widened to all of them)."""

from harness import case


def _arrays(spark):
    spark.createDataFrame([([1, 2], 1), ([3], 2), ([4, 5], 2)], "a array<int>, x int").createOrReplaceTempView("sag_arr")


# A lambda reading a lateral column alias


@case
def lambda_reads_an_aggregate_alias(spark):
    _arrays(spark)
    return spark.sql("SELECT count(x) AS c, transform(array(1, 2), v -> v + c) AS r FROM sag_arr")


@case
def lambda_reads_an_aggregate_alias_grouped(spark):
    _arrays(spark)
    return spark.sql("SELECT a, count(x) AS c, transform(a, v -> v + c) AS r FROM sag_arr GROUP BY a ORDER BY c, r")


@case(ordered=False)
def lambda_reads_an_aggregate_alias_unnamed(spark):
    _arrays(spark)
    return spark.sql("SELECT a, sum(x) AS s, transform(a, v -> v * s) FROM sag_arr GROUP BY a ORDER BY s")


@case
def lambda_reads_an_ungrouped_column_beside_an_aggregate_alias(spark):
    _arrays(spark)
    return spark.sql("SELECT count(x) AS c, transform(a, v -> v + c) AS r FROM sag_arr")


@case
def lambda_reads_a_lateral_alias(spark):
    _arrays(spark)
    return spark.sql("SELECT 1 AS n, transform(a, v -> v + n) AS r FROM sag_arr ORDER BY x")


@case
def lambda_reads_a_lateral_alias_of_a_column(spark):
    _arrays(spark)
    return spark.sql("SELECT x * 10 AS n, transform(a, v -> v + n) AS r FROM sag_arr ORDER BY n, r")


@case
def lambda_reads_a_lateral_alias_unnamed(spark):
    _arrays(spark)
    return spark.sql("SELECT 1 AS n, transform(a, v -> v + n) FROM sag_arr ORDER BY x")


@case
def lambda_parameter_hides_a_lateral_alias(spark):
    _arrays(spark)
    return spark.sql("SELECT 100 AS v, transform(a, v -> v + 1) AS r FROM sag_arr ORDER BY x")


@case
def lambda_reads_a_lateral_alias_in_filter(spark):
    _arrays(spark)
    return spark.sql("SELECT 2 AS n, filter(a, v -> v > n) AS r FROM sag_arr ORDER BY x")


@case
def lambda_reads_a_lateral_alias_dataframe(spark):
    from pyspark.sql import functions as F

    _arrays(spark)
    df = spark.table("sag_arr")
    return df.select(F.lit(1).alias("n"), F.transform("a", lambda v: v + F.col("n")).alias("r")).orderBy("r")


# Struct IN lists compare by position


@case
def struct_in_list_by_position(spark):
    return spark.sql("SELECT x, s, (x, s) IN ((1, 'a')) AS i FROM VALUES (1, 'a'), (2, 'b') AS v(x, s) ORDER BY x")


@case
def struct_in_list_of_two(spark):
    return spark.sql("SELECT x, s, (x, s) IN ((1, 'a'), (2, 'c')) AS i FROM VALUES (1, 'a'), (2, 'b'), (NULL, 'a') AS v(x, s) ORDER BY x")


@case
def struct_in_list_named(spark):
    return spark.sql("SELECT (x, s) IN ((1, 'a')) FROM VALUES (1, 'a'), (2, 'b') AS v(x, s)")


@case
def struct_not_in_list(spark):
    return spark.sql("SELECT x, (x, s) NOT IN ((1, 'a'), (3, 'c')) AS i FROM VALUES (1, 'a'), (2, 'b') AS v(x, s) ORDER BY x")


@case
def struct_in_list_of_other_types_is_refused(spark):
    return spark.sql("SELECT (x, s) IN ((1, 2)) FROM VALUES (1, 'a') AS v(x, s)")


@case
def struct_in_list_where(spark):
    return spark.sql("SELECT x FROM VALUES (1, 'a'), (2, 'b'), (3, 'c') AS v(x, s) WHERE (x, s) IN ((1, 'a'), (3, 'c')) ORDER BY x")


# Intervals of different fields widen


@case
def values_day_and_day_to_second(spark):
    return spark.sql("SELECT * FROM VALUES (INTERVAL '1' DAY), (INTERVAL '2 03:04:05' DAY TO SECOND) AS v(i)")


@case
def union_day_and_hour_to_minute(spark):
    return spark.sql("SELECT INTERVAL '1' DAY AS i UNION ALL SELECT INTERVAL '03:04' HOUR TO MINUTE")


@case
def union_day_and_hour(spark):
    return spark.sql("SELECT INTERVAL '1' DAY AS i UNION ALL SELECT INTERVAL '03' HOUR")


@case
def union_minute_and_second(spark):
    return spark.sql("SELECT INTERVAL '5' MINUTE AS i UNION ALL SELECT INTERVAL '7.5' SECOND")


@case
def union_year_and_month(spark):
    # PySpark cannot collect year-month intervals: shown as text, typed by typeof.
    return spark.sql("SELECT typeof(i) AS t, CAST(i AS STRING) AS s FROM (SELECT INTERVAL '1' YEAR AS i UNION ALL SELECT INTERVAL '3' MONTH)")


@case
def values_year_and_year_to_month(spark):
    return spark.sql("SELECT typeof(i) AS t, CAST(i AS STRING) AS s FROM VALUES (INTERVAL '1' YEAR), (INTERVAL '1-2' YEAR TO MONTH) AS v(i)")


@case
def union_day_time_and_year_month_is_refused(spark):
    return spark.sql("SELECT INTERVAL '1' DAY AS i UNION ALL SELECT INTERVAL '3' YEAR")


@case
def coalesce_of_intervals(spark):
    return spark.sql("SELECT coalesce(INTERVAL '1' HOUR, INTERVAL '2' DAY) AS i")


@case
def dataframe_union_of_intervals(spark):
    a = spark.sql("SELECT INTERVAL '1' DAY AS i")
    b = spark.sql("SELECT INTERVAL '01:02:03' HOUR TO SECOND AS i")
    return a.union(b)
