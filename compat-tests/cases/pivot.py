"""groupBy(...).pivot(column[, values]): one column per pivot value (and per aggregate
when there are several, `value_agg` names), missing combinations as NULL cells, NULL
and NaN pivot values, values of other types cast to the column's, the distinct values
collected when none are given, Spark's two pivot plans (numeric aggregates vs the
rest: `count` of a missing combination is NULL in one and 0 in the other), and the
errors of misuse."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

ROWS = [
    ("a", "x", 1, 2.0, "p"),
    ("a", "y", 2, None, "q"),
    ("a", "x", 5, 1.0, None),
    ("b", "x", 3, 1.5, "r"),
    ("b", None, 4, 3.0, "s"),
    ("c", "y", None, 2.5, "t"),
    (None, "z", 7, float("nan"), "u"),
]


def _df(spark):
    return spark.createDataFrame(ROWS, "k string, p string, v int, d double, s string")


def _by_k(df):
    return df.orderBy(F.col("k").asc_nulls_first())


# --- values collected during analysis -------------------------------------------------------


@case
def pivot_sum_distinct_values(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").agg(F.sum("v")))


@case
def pivot_sum_shortcut(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").sum("v"))


@case
def pivot_sum_all_numeric(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").sum())


@case
def pivot_avg_min_max_shortcuts(spark):
    df = _df(spark)
    return _by_k(df.groupBy("k").pivot("p").avg("v").crossJoin(
        df.groupBy().pivot("p").min("v").withColumnRenamed("x", "min_x").select("min_x")).crossJoin(
        df.groupBy().pivot("p").max("d").withColumnRenamed("x", "max_x").select("max_x")))


@case
def pivot_mean_shortcut(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).mean("d"))


@case
def pivot_count_shortcut(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").count())


@case
def pivot_no_grouping_keys(spark):
    return _df(spark).groupBy().pivot("p").sum("v")


@case
def pivot_two_grouping_keys(spark):
    df = _df(spark).withColumn("g", F.col("v") % 2)
    return df.groupBy("k", "g").pivot("p", ["x", "y"]).sum("v").orderBy(F.col("k").asc_nulls_first(), F.col("g").asc_nulls_first())


@case
def pivot_on_int_column(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v").agg(F.first("s")))


@case
def pivot_on_double_with_nan(spark):
    return _by_k(_df(spark).groupBy("k").pivot("d").agg(F.sum("v")))


@case
def pivot_on_double_with_nan_string_aggregate(spark):
    return _by_k(_df(spark).groupBy("k").pivot("d").agg(F.max("s")))


@case
def pivot_on_boolean_column(spark):
    df = _df(spark).withColumn("big", F.col("v") > 2)
    return _by_k(df.groupBy("k").pivot("big").sum("v"))


@case
def pivot_on_date_column(spark):
    df = spark.createDataFrame([("a", datetime.date(2024, 1, 1), 1), ("a", datetime.date(2024, 2, 1), 2),
                                ("b", datetime.date(2024, 1, 1), 3), ("b", None, 4)], "k string, dt date, v int")
    return df.groupBy("k").pivot("dt").sum("v").orderBy("k")


@case
def pivot_on_timestamp_column(spark):
    df = spark.createDataFrame([("a", datetime.datetime(2024, 1, 1, 10, 30), 1), ("b", datetime.datetime(2024, 1, 1, 10, 30), 3),
                                ("b", datetime.datetime(2023, 5, 6, 0, 0, 1), 4)], "k string, ts timestamp, v int")
    return df.groupBy("k").pivot("ts").sum("v").orderBy("k")


@case
def pivot_on_decimal_column(spark):
    df = spark.createDataFrame([("a", decimal.Decimal("1.50"), 1), ("a", decimal.Decimal("-2.00"), 2),
                                ("b", decimal.Decimal("1.50"), 3)], "k string, m decimal(5,2), v int")
    return df.groupBy("k").pivot("m").sum("v").orderBy("k")


@case
def pivot_value_names_special_characters(spark):
    df = spark.createDataFrame([("a", "two words", 1), ("a", "", 2), ("b", "dot.ted", 3), ("b", "😀", 4), ("b", "a`b", 5)],
                               "k string, p string, v int")
    return df.groupBy("k").pivot("p").sum("v").orderBy("k")


@case
def pivot_empty_input_no_values(spark):
    return _df(spark).filter("v > 100").groupBy("k").pivot("p").sum("v")


@case
def pivot_empty_input_with_values(spark):
    return _df(spark).filter("v > 100").groupBy("k").pivot("p", ["x"]).sum("v")


@case
def pivot_by_grouping_key_itself(spark):
    return _by_k(_df(spark).groupBy("k").pivot("k").sum("v"))


@case
def pivot_nested_field(spark):
    df = spark.createDataFrame([("a", ("x", 1)), ("a", ("y", 2)), ("b", ("x", 3))], "k string, st struct<n:string, v:int>")
    return df.groupBy("k").pivot("st.n").agg(F.sum("st.v")).orderBy("k")


# --- explicit values --------------------------------------------------------------------------


@case
def pivot_values_subset(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["y", "x"]).sum("v"))


@case
def pivot_values_missing_from_data(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "nope"]).sum("v"))


@case
def pivot_values_with_null(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", [None, "x"]).sum("v"))


@case
def pivot_values_tuple(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ("x", "y")).sum("v"))


@case
def pivot_values_empty_list(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", []).sum("v"))


@case
def pivot_values_duplicated(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "x"]).sum("v"))


@case
def pivot_int_values_for_string_column(spark):
    df = spark.createDataFrame([("a", "1", 1), ("a", "2", 2), ("b", "1", 3)], "k string, p string, v int")
    return df.groupBy("k").pivot("p", [1, 2]).sum("v").orderBy("k")


@case
def pivot_string_values_for_int_column(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v", ["1", "3"]).agg(F.max("s")))


@case
def pivot_bad_string_value_for_int_column_ansi(spark):
    return _df(spark).groupBy("k").pivot("v", ["one"]).sum("d")


@case(conf={"spark.sql.ansi.enabled": "false"})
def pivot_bad_string_value_for_int_column_legacy(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v", ["one", "1"]).sum("d"))


@case
def pivot_double_values_for_int_column(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v", [1.0, 2.5]).agg(F.max("s")))


@case
def pivot_bool_values_for_int_column(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v", [True]).sum("d"))


@case
def pivot_date_value_for_string_column(spark):
    df = spark.createDataFrame([("a", "2024-01-01", 1)], "k string, p string, v int")
    return df.groupBy("k").pivot("p", [datetime.date(2024, 1, 1)]).sum("v")


@case
def pivot_date_value_for_int_column_is_null(spark):
    return _by_k(_df(spark).groupBy("k").pivot("v", [datetime.date(2024, 1, 1)]).sum("d"))


@case
def pivot_list_value_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p", [["x"]]).sum("v")


# --- several aggregates, names -----------------------------------------------------------------


@case
def pivot_several_aggregates_names(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.sum("v"), F.avg("d")))


@case
def pivot_several_aggregates_aliases(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.sum("v").alias("s"), F.max("d").alias("m")))


@case
def pivot_single_aggregate_alias_ignored(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.sum("v").alias("total")))


@case
def pivot_aggregate_expression(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg((F.sum("v") * 2 + 1).alias("e"), F.count("*")))


@case
def pivot_count_and_string_aggregate_counts_zero(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.count("v"), F.max("s")))


@case
def pivot_string_aggregate_alone(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").agg(F.max("s")))


@case
def pivot_first_last_ignore_nulls(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x"]).agg(F.first("s", True), F.last("v", True)))


@case
def pivot_count_star_dict(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg({"*": "count"}))


@case
def pivot_agg_dict(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg({"v": "max", "d": "avg"}))


@case
def pivot_count_distinct(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.countDistinct("v")))


@case
def pivot_sum_decimal_aggregate(spark):
    df = _df(spark).withColumn("m", F.col("v").cast("decimal(10,2)"))
    return _by_k(df.groupBy("k").pivot("p", ["x", "y"]).agg(F.sum("m"), F.avg("m")))


@case
def pivot_schema_only(spark):
    return [(f.name, f.dataType.simpleString(), f.nullable) for f in
            _df(spark).groupBy("k").pivot("p", ["x", "y"]).agg(F.count("*"), F.max("s")).schema.fields]


@case
def pivot_sql_text_aggregate(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x"]).agg(F.expr("sum(v) + 1"), F.expr("max(s)")))


# --- errors ------------------------------------------------------------------------------------


@case
def pivot_bare_column_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p").agg(F.col("v"))


@case
def pivot_star_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p", ["x"]).agg(F.count(F.col("*")), F.col("*"))


@case
def pivot_unknown_column(spark):
    return _df(spark).groupBy("k").pivot("nope").sum("v")


@case
def pivot_unknown_column_with_values(spark):
    return _df(spark).groupBy("k").pivot("nope", ["x"]).sum("v")


@case
def pivot_twice_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p", ["x"]).pivot("s", ["p"]).sum("v")


@case
def pivot_after_rollup_is_an_error(spark):
    return _df(spark).rollup("k").pivot("p", ["x"]).sum("v")


@case
def pivot_after_cube_is_an_error(spark):
    return _df(spark).cube("k").pivot("p").sum("v")


@case
def pivot_column_object_is_an_error(spark):
    return _df(spark).groupBy("k").pivot(F.col("p")).sum("v")


@case(conf={"spark.sql.pivotMaxValues": "2"})
def pivot_too_many_values(spark):
    return _df(spark).groupBy("k").pivot("p").sum("v")


@case(conf={"spark.sql.pivotMaxValues": "4"})
def pivot_max_values_exactly(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p").sum("v"))


@case(conf={"spark.sql.pivotMaxValues": "2"})
def pivot_max_values_not_checked_with_values(spark):
    return _by_k(_df(spark).groupBy("k").pivot("p", ["x", "y", "z"]).sum("v"))


@case
def pivot_sum_of_string_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p").sum("s")


@case
def pivot_grouping_function_is_an_error(spark):
    return _df(spark).groupBy("k").pivot("p").agg(F.grouping("k"))


# --- SQL: PIVOT -------------------------------------------------------------------------------


def _sql(spark, text):
    _df(spark).select("k", "p", "v").createOrReplaceTempView("pv")
    return spark.sql(text)


@case
def sql_pivot_sum(spark):
    return _sql(spark, "SELECT * FROM pv PIVOT (sum(v) FOR p IN ('x', 'y', 'nope')) ORDER BY k NULLS FIRST")


@case
def sql_pivot_value_aliases(spark):
    return _sql(spark, "SELECT * FROM pv PIVOT (sum(v) FOR p IN ('x' AS ex, 'y' AS why)) ORDER BY k NULLS FIRST")


@case
def sql_pivot_several_aggregates(spark):
    return _sql(spark, "SELECT * FROM pv PIVOT (sum(v) AS s, count(*) FOR p IN ('x', NULL)) ORDER BY k NULLS FIRST")


@case
def sql_pivot_implicit_grouping_columns(spark):
    return _sql(spark, "SELECT * FROM (SELECT k, p, v, v % 2 AS odd FROM pv) PIVOT (max(v) FOR p IN ('x', 'y')) "
                       "ORDER BY k NULLS FIRST, odd NULLS FIRST")


@case
def sql_pivot_string_aggregate(spark):
    return _sql(spark, "SELECT * FROM (SELECT k, p FROM pv) PIVOT (max(p) AS m FOR p IN ('x', 'y')) ORDER BY k NULLS FIRST")


# A window function among a pivot's aggregates: Spark names the first column it meets
# outside an aggregate call (a ranking function's window order keys first).
def _pivot_rows(spark):
    return spark.createDataFrame([(1, "a", 10), (1, "b", 20), (2, "a", 30)], "k int, p string, v int")


@case
def pivot_with_a_ranking_window_function(spark):
    from pyspark.sql import Window
    return _pivot_rows(spark).groupBy("k").pivot("p").agg(F.rank().over(Window.partitionBy("p").orderBy("v")))


@case
def pivot_with_an_aggregate_over_a_window(spark):
    from pyspark.sql import Window
    return _pivot_rows(spark).groupBy("k").pivot("p").agg(F.sum("v"), F.sum(F.sum("v")).over(Window.partitionBy("p").orderBy("k")))


@case
def pivot_with_row_number_over_a_window(spark):
    from pyspark.sql import Window
    return _pivot_rows(spark).groupBy("k").pivot("p").agg(F.row_number().over(Window.partitionBy("p").orderBy("k")))


@case
def pivot_with_lag_over_a_window(spark):
    from pyspark.sql import Window
    return _pivot_rows(spark).groupBy("k").pivot("p", ["a"]).agg(F.lag("v").over(Window.orderBy("k")))
