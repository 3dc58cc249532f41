"""GroupedData in full: agg() with Columns and with a dict (Spark's function names and
aliases, `*`, the map's column order), the count/sum/avg/mean/min/max shortcuts with
and without column names (numeric-only rules and errors), groupBy's argument forms
(names, Columns, lists, ordinals), repr, and the grouped-UDF methods PyRust refuses."""

import decimal

from harness import case
from pyspark.sql import functions as F

ROWS = [
    ("a", 1, 10, 1.5, decimal.Decimal("1.10"), True, "x", (1, "p")),
    ("a", 2, None, -2.0, decimal.Decimal("2.20"), False, "y", (2, "q")),
    ("b", None, 30, None, None, None, None, None),
    ("b", 4, 40, float("nan"), decimal.Decimal("-4.00"), True, "", (4, "s")),
    (None, 5, 50, 0.5, decimal.Decimal("5.55"), False, "z", (5, None)),
]
SCHEMA = "k string, i int, l bigint, d double, m decimal(6,2), b boolean, s string, st struct<n:int, t:string>"


def _df(spark):
    return spark.createDataFrame(ROWS, SCHEMA)


def _by_k(df):
    return df.orderBy(F.col("k").asc_nulls_first())


# --- agg(dict) -------------------------------------------------------------------------------


@case
def dict_single_sum(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "sum"}))


@case
def dict_two_entries_map_order(spark):
    return _by_k(_df(spark).groupBy("k").agg({"l": "max", "i": "min"}))


@case
def dict_four_entries_map_order(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "sum", "l": "avg", "d": "max", "s": "min"}))


@case
def dict_five_entries_trie_order(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "sum", "l": "avg", "d": "max", "s": "min", "m": "count"}))


@case
def dict_seven_entries_trie_order(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "sum", "l": "avg", "d": "max", "s": "min", "m": "count", "b": "max",
                                               "k": "count"}))


@case
def dict_mean_average_aliases(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "mean", "l": "average"}))


@case
def dict_std_stddev_aliases(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "std", "l": "stddev"}))


@case
def dict_stddev_samp_name(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "stddev_samp"}))


@case
def dict_size_is_count(spark):
    return _by_k(_df(spark).groupBy("k").agg({"s": "size"}))


@case
def dict_count_star(spark):
    return _by_k(_df(spark).groupBy("k").agg({"*": "count"}))


@case
def dict_size_star(spark):
    return _by_k(_df(spark).groupBy("k").agg({"*": "size"}))


@case
def dict_max_star_is_an_error(spark):
    return _df(spark).groupBy("k").agg({"*": "max"})


@case
def dict_upper_case_function(spark):
    return _by_k(_df(spark).groupBy("k").agg({"i": "SUM", "l": "Max"}))


@case
def dict_first_last(spark):
    return _by_k(_df(spark).filter("k is not null").groupBy("k").agg({"i": "first", "s": "last"}))


@case
def dict_mean_of_decimal(spark):
    return _by_k(_df(spark).groupBy("k").agg({"m": "avg"}))


@case
def dict_sum_of_numeric_strings(spark):
    df = spark.createDataFrame([("a", "1"), ("a", "2.5"), ("b", None)], "k string, s string")
    return df.groupBy("k").agg({"s": "sum"}).orderBy("k")


@case
def dict_sum_of_boolean_is_an_error(spark):
    return _df(spark).groupBy("k").agg({"b": "sum"})


@case
def dict_unknown_function(spark):
    return _df(spark).groupBy("k").agg({"i": "nope"})


@case
def dict_non_aggregate_function(spark):
    return _df(spark).groupBy("k").agg({"s": "upper"})


@case
def dict_unknown_column(spark):
    return _df(spark).groupBy("k").agg({"nope": "sum"})


@case
def dict_nested_field(spark):
    return _by_k(_df(spark).groupBy("k").agg({"st.n": "sum"}))


@case
def dict_global(spark):
    return _df(spark).agg({"i": "max", "d": "min"})


@case
def dict_global_count_star(spark):
    return _df(spark).agg({"*": "count"})


@case
def dict_empty(spark):
    return _by_k(_df(spark).groupBy("k").agg({}))


@case
def dict_with_rollup(spark):
    return _df(spark).rollup("k").agg({"i": "sum"}).orderBy(F.col("k").asc_nulls_first(), "sum(i)")


@case
def dict_with_cube_count_star(spark):
    return _df(spark).cube("k", "b").agg({"*": "count"}).orderBy(F.col("k").asc_nulls_first(), F.col("b").asc_nulls_first(), "count(1)")


@case
def dict_key_is_grouping_column(spark):
    return _by_k(_df(spark).groupBy("k").agg({"k": "count"}))


@case
def dict_and_column_is_an_error(spark):
    return _df(spark).groupBy("k").agg({"i": "sum"}, F.max("l"))


# --- agg(*cols) ------------------------------------------------------------------------------


@case
def agg_no_arguments_is_an_error(spark):
    return _df(spark).groupBy("k").agg()


@case
def agg_string_is_an_error(spark):
    return _df(spark).groupBy("k").agg("i")


@case
def agg_several_columns(spark):
    return _by_k(_df(spark).groupBy("k").agg(F.sum("i"), F.max("s").alias("ms"), F.count("*"), F.avg("m")))


@case
def agg_same_aggregate_twice(spark):
    return _by_k(_df(spark).groupBy("k").agg(F.sum("i"), F.sum("i")))


@case
def agg_expression_of_aggregates(spark):
    return _by_k(_df(spark).groupBy("k").agg((F.sum("i") + F.max("l")).alias("e"), F.count("i") / F.count("*")))


@case
def agg_key_expression_in_output(spark):
    return _by_k(_df(spark).groupBy("k").agg(F.upper("k"), F.sum("i")))


@case
def agg_non_grouped_column_is_an_error(spark):
    return _df(spark).groupBy("k").agg(F.col("i"))


@case
def agg_literal(spark):
    return _by_k(_df(spark).groupBy("k").agg(F.lit(1).alias("one"), F.sum("i")))


@case
def agg_sql_text(spark):
    return _by_k(_df(spark).groupBy("k").agg(F.expr("sum(i) * 2"), F.expr("count(*)")))


# --- shortcuts --------------------------------------------------------------------------------


@case
def count_shortcut(spark):
    return _by_k(_df(spark).groupBy("k").count())


@case
def count_shortcut_no_keys(spark):
    return _df(spark).groupBy().count()


@case
def count_shortcut_empty_input(spark):
    return _df(spark).filter("i > 100").groupBy("k").count()


@case
def count_shortcut_empty_input_no_keys(spark):
    return _df(spark).filter("i > 100").groupBy().count()


@case
def sum_all_numeric_columns(spark):
    return _by_k(_df(spark).groupBy("k").sum())


@case
def avg_all_numeric_columns(spark):
    return _by_k(_df(spark).groupBy("k").avg())


@case
def mean_named_columns(spark):
    return _by_k(_df(spark).groupBy("k").mean("i", "m"))


@case
def max_all_numeric_columns(spark):
    return _by_k(_df(spark).groupBy("k").max())


@case
def min_named_columns(spark):
    return _by_k(_df(spark).groupBy("k").min("d", "l"))


@case
def sum_same_column_twice(spark):
    return _by_k(_df(spark).groupBy("k").sum("i", "i"))


@case
def sum_string_column_is_an_error(spark):
    return _df(spark).groupBy("k").sum("s")


@case
def max_boolean_column_is_an_error(spark):
    return _df(spark).groupBy("k").max("b")


@case
def avg_unknown_column(spark):
    return _df(spark).groupBy("k").avg("nope")


@case
def sum_column_object_is_an_error(spark):
    return _df(spark).groupBy("k").sum(F.col("i"))


@case
def sum_nested_field(spark):
    return _by_k(_df(spark).groupBy("k").sum("st.n"))


@case
def sum_grouping_column_itself(spark):
    return _df(spark).groupBy("i").sum("i").orderBy(F.col("i").asc_nulls_first())


@case
def sum_no_numeric_columns(spark):
    return _df(spark).select("k", "s").groupBy("k").sum().orderBy(F.col("k").asc_nulls_first())


@case
def global_sum_all(spark):
    return _df(spark).groupBy().sum()


@case
def global_max_named(spark):
    return _df(spark).groupBy().max("i", "d")


@case
def sum_overflow_ansi(spark):
    df = spark.createDataFrame([("a", 9223372036854775807), ("a", 1)], "k string, l bigint")
    return df.groupBy("k").sum("l")


@case(conf={"spark.sql.ansi.enabled": "false"})
def sum_overflow_legacy(spark):
    df = spark.createDataFrame([("a", 9223372036854775807), ("a", 1)], "k string, l bigint")
    return df.groupBy("k").sum("l")


@case
def rollup_mean_shortcut(spark):
    return _df(spark).rollup("k").mean("i").orderBy(F.col("k").asc_nulls_first(), "avg(i)")


@case
def cube_max_shortcut_all(spark):
    return _df(spark).cube("k").max().orderBy(F.col("k").asc_nulls_first(), "max(i)")


# --- groupBy arguments -------------------------------------------------------------------------


@case
def group_by_list_argument(spark):
    return _df(spark).groupBy(["k", "b"]).count().orderBy(F.col("k").asc_nulls_first(), F.col("b").asc_nulls_first())


@case
def group_by_ordinal(spark):
    return _by_k(_df(spark).groupBy(1).count())


@case
def group_by_ordinal_and_name(spark):
    return _df(spark).groupBy(1, "b").count().orderBy(F.col("k").asc_nulls_first(), F.col("b").asc_nulls_first())


@case
def group_by_ordinal_zero_is_an_error(spark):
    return _df(spark).groupBy(0).count()


@case
def group_by_ordinal_negative_is_an_error(spark):
    return _df(spark).groupBy(-1).count()


@case
def group_by_expression(spark):
    return _df(spark).groupBy((F.col("i") % 2).alias("odd")).count().orderBy(F.col("odd").asc_nulls_first())


@case
def group_by_unknown_column(spark):
    return _df(spark).groupBy("nope").count()


@case
def group_by_case_insensitive_name(spark):
    return _df(spark).groupBy("K").count().orderBy(F.col("k").asc_nulls_first())


@case
def group_by_nested_field(spark):
    return _df(spark).groupBy("st.t").count().orderBy(F.col("t").asc_nulls_first())


@case
def grouped_data_repr(spark):
    return repr(_df(spark).groupBy("k"))


@case
def grouped_data_repr_three_keys_rollup(spark):
    return repr(_df(spark).rollup("k", "i", "l"))


@case
def grouped_data_repr_cube(spark):
    return repr(_df(spark).select("k", "i").cube("k"))


@case
def grouped_data_repr_pivot(spark):
    return repr(_df(spark).groupBy("k").pivot("s", ["x"]))


@case
def grouped_data_repr_grouping_sets(spark):
    return repr(_df(spark).select("k", "i", "l").groupingSets([["k"], []], "k"))
