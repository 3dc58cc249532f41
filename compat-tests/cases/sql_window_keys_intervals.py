"""SQL breadth: a `window(...)`/`session_window(...)` grouping column read by the select
list as `window`/`session_window`; ANSI interval arguments of sign/signum and
width_bucket, and day-time intervals' percentiles."""

from harness import case


def _events(spark):
    spark.createDataFrame(
        [("A1", "2021-01-01 00:00:00", 1), ("A1", "2021-01-01 00:04:30", 2), ("A1", "2021-01-01 00:06:00", 3), ("A2", "2021-01-01 00:01:00", 4)],
        "a string, b string, v int",
    ).selectExpr("a", "CAST(b AS TIMESTAMP) AS b", "v").createOrReplaceTempView("wk")


@case
def group_by_window_reads_window_fields(spark):
    _events(spark)
    return spark.sql("SELECT a, window.start, window.end, sum(v) AS s FROM wk GROUP BY a, window(b, '5 minutes') ORDER BY a, start")


@case
def group_by_window_selects_the_struct(spark):
    _events(spark)
    return spark.sql("SELECT window, count(*) AS n FROM wk GROUP BY window(b, '10 minutes') ORDER BY window.start")


@case
def group_by_sliding_window_with_having(spark):
    _events(spark)
    return spark.sql(
        "SELECT window.start AS st, count(*) AS n FROM wk GROUP BY window(b, '10 minutes', '5 minutes') HAVING count(*) > 1 ORDER BY st"
    )


@case
def group_by_session_window_reads_its_fields(spark):
    _events(spark)
    return spark.sql(
        "SELECT a, session_window.start, session_window.end, max(v) AS m FROM wk GROUP BY a, session_window(b, '2 minutes') ORDER BY a, start"
    )


@case
def sign_of_day_time_intervals(spark):
    return spark.sql("SELECT sign(INTERVAL '-3' DAY), signum(INTERVAL '0' SECOND), sign(INTERVAL '1 02:03:04' DAY TO SECOND)")


@case
def sign_of_a_year_month_interval_column(spark):
    return spark.sql("SELECT signum(i) AS s FROM VALUES (INTERVAL '-2' MONTH), (INTERVAL '0' MONTH), (INTERVAL '37' MONTH), (NULL) AS t(i)")


@case
def width_bucket_of_day_time_intervals(spark):
    return spark.sql(
        "SELECT width_bucket(i, INTERVAL '0' HOUR, INTERVAL '10' HOUR, 5) AS b FROM VALUES (INTERVAL '-1' HOUR), (INTERVAL '3' HOUR), (INTERVAL '10' HOUR), (NULL) AS t(i)"
    )


@case
def width_bucket_of_year_month_intervals_descending(spark):
    return spark.sql("SELECT width_bucket(INTERVAL '7' MONTH, INTERVAL '1' YEAR, INTERVAL '0' YEAR, 4)")


@case
def width_bucket_of_mixed_intervals_is_refused(spark):
    return spark.sql("SELECT width_bucket(INTERVAL '1' DAY, INTERVAL '0' MONTH, INTERVAL '10' MONTH, 10)")


@case
def percentiles_of_day_time_intervals(spark):
    return spark.sql(
        "SELECT median(col), percentile(col, 0.3), percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC), percentile_disc(0.5) WITHIN GROUP (ORDER BY col) "
        "FROM VALUES (INTERVAL '1' MINUTE), (INTERVAL '3' MINUTE), (INTERVAL '4' MINUTE) AS t(col)"
    )


@case
def approx_percentile_and_median_of_day_time_intervals(spark):
    return spark.sql(
        "SELECT approx_percentile(col, 0.5), median(col) FROM VALUES (INTERVAL '1 02:00:00.000007' DAY TO SECOND), (INTERVAL '-0 03:00:00' DAY TO SECOND), (NULL) AS t(col)"
    )
