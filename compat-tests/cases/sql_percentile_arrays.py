"""`percentile`, `percentile_approx` and `approx_percentile` with an `array(...)` of
percentages written in SQL (the DataFrame API passes a list): Spark folds the array."""

from harness import case


def _view(spark):
    spark.createDataFrame([(1, 1.5), (2, None), (3, -2.0), (4, 8.25), (None, 0.0)], "x int, d double").createOrReplaceTempView("pcts")


@case
def percentile_of_an_array_of_decimals(spark):
    _view(spark)
    return spark.sql("SELECT percentile(x, array(0.10, 0.5)), percentile(d, array(0, 1)) FROM pcts")


@case
def percentile_approx_of_an_array_grouped(spark):
    _view(spark)
    return spark.sql("SELECT x > 2 AS big, percentile_approx(d, array(0.25, 0.5, 0.75), 100) AS p FROM pcts GROUP BY x > 2 ORDER BY big")


@case
def approx_percentile_of_an_array_of_doubles(spark):
    _view(spark)
    return spark.sql("SELECT approx_percentile(x, array(0.5D, 1.0D)) FROM pcts")


@case
def percentile_approx_of_an_array_out_of_range(spark):
    _view(spark)
    return spark.sql("SELECT percentile_approx(x, array(0.5, 1.5)) FROM pcts")


@case
def percentile_approx_of_an_array_reading_a_column(spark):
    _view(spark)
    return spark.sql("SELECT percentile_approx(x, array(0.5, x)) FROM pcts")
