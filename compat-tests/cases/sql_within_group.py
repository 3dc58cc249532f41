"""`f(...) WITHIN GROUP (ORDER BY ...)` in SQL: listagg/string_agg joined in order,
mode() breaking ties by the order, percentile_cont/percentile_disc; and Spark's errors
for WITHIN GROUP where it does not belong."""

from harness import case


def _view(spark):
    spark.createDataFrame(
        [(1, "a", 2.5), (2, "a", None), (None, "b", -1.0), (4, "b", 3.0), (3, None, 0.5)], "x int, s string, d double"
    ).createOrReplaceTempView("wg")


@case
def listagg_ordered_desc(spark):
    _view(spark)
    return spark.sql("SELECT listagg(s) WITHIN GROUP (ORDER BY s DESC) FROM wg")


@case
def listagg_ordered_by_another_column(spark):
    _view(spark)
    return spark.sql("SELECT listagg(s, '-') WITHIN GROUP (ORDER BY x) FROM wg")


@case
def listagg_ordered_desc_nulls_first(spark):
    _view(spark)
    return spark.sql("SELECT listagg(s, '-') WITHIN GROUP (ORDER BY x DESC NULLS FIRST) FROM wg")


@case
def listagg_ordered_by_two_keys(spark):
    _view(spark)
    return spark.sql("SELECT listagg(CAST(x AS STRING), ',') WITHIN GROUP (ORDER BY s DESC, d) FROM wg")


@case
def listagg_ordered_per_group(spark):
    _view(spark)
    return spark.sql("SELECT s, listagg(CAST(x AS STRING), ',') WITHIN GROUP (ORDER BY d DESC) AS l FROM wg GROUP BY s ORDER BY s")


@case
def listagg_ordered_with_filter(spark):
    _view(spark)
    return spark.sql("SELECT listagg(s) WITHIN GROUP (ORDER BY s) FILTER (WHERE x > 1) FROM wg")


@case
def string_agg_distinct_ordered(spark):
    _view(spark)
    return spark.sql("SELECT string_agg(DISTINCT s, ',') WITHIN GROUP (ORDER BY s DESC) FROM wg")


@case
def string_agg_ordered(spark):
    _view(spark)
    return spark.sql("SELECT string_agg(s, '|') WITHIN GROUP (ORDER BY d NULLS LAST) AS j FROM wg")


@case
def listagg_distinct_ordered_by_another_column(spark):
    _view(spark)
    return spark.sql("SELECT listagg(DISTINCT s, ',') WITHIN GROUP (ORDER BY x) FROM wg")


@case
def mode_within_group_ascending(spark):
    _view(spark)
    return spark.sql("SELECT mode() WITHIN GROUP (ORDER BY s) FROM wg")


@case
def mode_within_group_descending(spark):
    _view(spark)
    return spark.sql("SELECT mode() WITHIN GROUP (ORDER BY s DESC) FROM wg")


@case
def mode_within_group_descending_numbers(spark):
    _view(spark)
    return spark.sql("SELECT mode() WITHIN GROUP (ORDER BY x DESC NULLS FIRST) AS m FROM wg")


@case
def mode_with_argument_and_within_group(spark):
    _view(spark)
    return spark.sql("SELECT mode(x) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def percentile_cont_median(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def percentile_cont_descending(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY d DESC) FROM wg")


@case
def percentile_cont_array(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(array(0.1, 0.9)) WITHIN GROUP (ORDER BY d) FROM wg")


@case
def percentile_disc_median(spark):
    _view(spark)
    return spark.sql("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def percentile_disc_descending(spark):
    _view(spark)
    return spark.sql("SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY d DESC) FROM wg")


@case
def percentile_disc_array(spark):
    _view(spark)
    return spark.sql("SELECT percentile_disc(array(0.0, 0.25, 0.5, 1.0)) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def percentiles_per_group(spark):
    _view(spark)
    return spark.sql(
        "SELECT s, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p, percentile_disc(0.5) WITHIN GROUP (ORDER BY x) AS q FROM wg GROUP BY s ORDER BY s"
    )


@case
def percentile_cont_out_of_range(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def percentile_cont_without_within_group(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(0.5) FROM wg")


@case
def percentile_cont_two_orderings(spark):
    _view(spark)
    return spark.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x, d) FROM wg")


@case
def sum_within_group_is_refused(spark):
    _view(spark)
    return spark.sql("SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM wg")


@case
def median_within_group_is_refused(spark):
    _view(spark)
    return spark.sql("SELECT median(x) WITHIN GROUP (ORDER BY x) FROM wg")
