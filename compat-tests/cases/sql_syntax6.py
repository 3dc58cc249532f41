"""Spark SQL syntax sqlparser's Spark dialect lacks, read through its hooks: the shift
operators `<<`, `>>`, `>>>` (and their precedence), multi-unit interval literals
(`INTERVAL 1 DAY 2 HOURS`), the higher-order `exists(array, x -> ...)` beside EXISTS
subqueries, `extract` fields named as written, `substr(s FROM n)` and `mean` named as
Spark names them."""

from harness import case


@case
def shift_operators(spark):
    return spark.sql("SELECT 2 << 1 AS a, 4 >> 1 AS b, 4 >>> 1 AS c, -8 >> 1 AS d, -8 >>> 1 AS e, 1L << 40 AS f")


@case
def shift_operator_names(spark):
    return spark.sql("SELECT 2 << 1, 8L >> 1, -8 >>> 1")


@case
def shift_precedence_against_plus_and_ampersand(spark):
    return spark.sql("SELECT 1 + 2 << 1, 1 << 2 & 7, 2 << 1 << 1, 16 >> 1 + 1, 1 | 2 << 1")


@case
def shift_operators_over_columns(spark):
    spark.createDataFrame([(1, 2), (-16, 2), (None, 1), (5, None)], "a int, n int").createOrReplaceTempView("sx6_t")
    return spark.sql("SELECT a, n, a << n, a >> n, a >>> n FROM sx6_t ORDER BY a NULLS FIRST, n")


@case
def shift_operator_on_a_string_refused(spark):
    return spark.sql("SELECT 'a' << 1")


@case
def multi_unit_interval_day_time(spark):
    return spark.sql("SELECT INTERVAL 1 DAY 2 HOURS, interval 90 minutes 1 hour, interval 2 weeks 1 day")


@case
def multi_unit_interval_seconds(spark):
    return spark.sql("SELECT interval 1 second 500 milliseconds, interval 5 hours 30 seconds 1 milliseconds 1 microseconds")


@case
def multi_unit_interval_negative_part(spark):
    return spark.sql("SELECT interval -1 day 2 hours")


@case
def multi_unit_interval_quoted_fraction_of_seconds(spark):
    return spark.sql("SELECT interval '1.5' seconds 1 minute")


@case
def multi_unit_interval_fraction_of_days_refused(spark):
    return spark.sql("SELECT interval 1.5 days 1 hour")


@case
def multi_unit_interval_in_date_arithmetic(spark):
    return spark.sql("SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY 2 HOURS 3 MINUTES AS t")


@case
def multi_unit_interval_extract(spark):
    return spark.sql("SELECT extract(hour FROM interval 2 days 5 hours), date_part('MINUTE', interval 1 hour 61 minutes)")


@case
def exists_higher_order_and_subquery(spark):
    spark.createDataFrame([(1, [1, 2]), (2, [3]), (3, None)], "k int, xs array<int>").createOrReplaceTempView("sx6_a")
    return spark.sql(
        "SELECT k, exists(xs, x -> x % 2 = 0) AS even, EXISTS (SELECT 1 FROM sx6_a b WHERE b.k = sx6_a.k + 1) AS has_next "
        "FROM sx6_a ORDER BY k"
    )


@case
def exists_higher_order_in_where(spark):
    spark.createDataFrame([(1, [1, 2]), (2, [3]), (3, None)], "k int, xs array<int>").createOrReplaceTempView("sx6_w")
    return spark.sql("SELECT k FROM sx6_w WHERE exists(xs, x -> x > 2) ORDER BY k")


@case
def extract_fields_named_as_written(spark):
    return spark.sql(
        "SELECT extract(Week FROM DATE'2019-08-12'), extract(YEAR FROM DATE'2019-08-12'), extract(dayofweek FROM DATE'2019-08-12'), "
        "date_part('Week', DATE'2019-08-12')"
    )


@case
def substr_from_for_named_substring(spark):
    return spark.sql("SELECT substr('abcdef' FROM 2), substr('abcdef' FROM 2 FOR 3), substring('abcdef' FROM -2), substr('abcdef', 2)")


@case
def mean_named_as_called(spark):
    spark.createDataFrame([(1,), (2,), (None,)], "x int").createOrReplaceTempView("sx6_m")
    return spark.sql("SELECT mean(x), MEAN(x), avg(x) FROM sx6_m")


@case
def mean_dataframe_api_named_avg(spark):
    from pyspark.sql import functions as F

    df = spark.createDataFrame([(1,), (2,), (None,)], "x int")
    return df.select(F.mean("x"), F.expr("mean(x)")).crossJoin(df.groupBy().mean("x")).crossJoin(df.agg({"x": "mean"}))


@case
def binary_literal_type_constructor(spark):
    return spark.sql("SELECT X '1F', x 'abc', hex(X '0a0B') AS h")


@case
def decode_search_list(spark):
    spark.createDataFrame([(1,), (2,), (None,), (7,)], "k int").createOrReplaceTempView("sx6_d")
    return spark.sql("SELECT k, decode(k, 1, 'one', 2, 'two', NULL, 'none', 'other') AS d, decode(k, 1, 10, 7, 70) AS e FROM sx6_d ORDER BY k")


@case
def rank_functions_with_arguments(spark):
    spark.createDataFrame([("a", 2), ("a", 1), ("b", 3), ("a", 1)], "g string, v int").createOrReplaceTempView("sx6_r")
    return spark.sql(
        "SELECT g, v, rank(v) OVER w, dense_rank(v) OVER w, percent_rank(v, g) OVER w FROM sx6_r "
        "WINDOW w AS (PARTITION BY g ORDER BY v) ORDER BY g, v"
    )
