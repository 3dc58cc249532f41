"""Correlated scalar subqueries with their own GROUP BY (Spark decorrelates them as an
aggregate per correlation key joined back): grouped by the correlated column the value
is one row per outer row (a grouped count over no rows is NULL, not 0); grouped by
anything else, several groups for an outer row are SCALAR_SUBQUERY_TOO_MANY_ROWS."""

from harness import case


def _t(spark):
    spark.createDataFrame([(1, 10), (2, 20), (3, 30), (None, 5)], "a int, b int").createOrReplaceTempView("sg_o")
    spark.createDataFrame([(1, 1, "x"), (1, 2, "x"), (2, 5, "y"), (4, 7, "z"), (None, 3, "w")], "k int, y int, g string").createOrReplaceTempView("sg_i")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


@case
def grouped_by_the_correlated_column(spark):
    return _sql(spark, "SELECT a, (SELECT sum(y) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY sg_i.k) s FROM sg_o ORDER BY a")


@case
def grouped_count_is_null_when_unmatched(spark):
    return _sql(spark, "SELECT a, (SELECT count(*) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY k) c FROM sg_o ORDER BY a")


@case
def grouped_selecting_the_key(spark):
    return _sql(spark, "SELECT a, (SELECT k FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY sg_i.k) s FROM sg_o ORDER BY a")


@case
def grouped_in_where(spark):
    return _sql(spark, "SELECT a FROM sg_o WHERE b > (SELECT sum(y) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY sg_i.k) ORDER BY a")


@case
def grouped_by_another_column_one_group_each(spark):
    # One `g` per key here: the value of the one group.
    return _sql(spark, "SELECT a, (SELECT max(y) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY g) s FROM sg_o ORDER BY a")


@case
def grouped_by_another_column_too_many_rows(spark):
    return _sql(spark, "SELECT a, (SELECT sum(y) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY y) s FROM sg_o ORDER BY a")


@case
def grouped_by_key_and_another_column_too_many_rows(spark):
    return _sql(spark, "SELECT a, (SELECT max(y) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY sg_i.k, sg_i.y) s FROM sg_o ORDER BY a")


@case
def grouped_expression_of_the_aggregate(spark):
    return _sql(spark, "SELECT a, (SELECT sum(y) * 10 + count(*) FROM sg_i WHERE sg_i.k = sg_o.a GROUP BY sg_i.k) s FROM sg_o ORDER BY a")


@case
def grouped_with_a_range_correlation(spark):
    return _sql(spark, "SELECT a, (SELECT max(y) FROM sg_i WHERE sg_i.k > sg_o.a AND sg_i.k < 3 GROUP BY g) s FROM sg_o ORDER BY a")


@case
def grouped_by_two_correlated_columns(spark):
    return _sql(
        spark,
        "SELECT a, b, (SELECT sum(y) FROM sg_i WHERE sg_i.k = sg_o.a AND sg_i.y <= sg_o.b GROUP BY sg_i.k) s FROM sg_o ORDER BY a",
    )
