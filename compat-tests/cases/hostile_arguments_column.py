"""Hostile arguments to Column methods and to functions: wrong types, None, empty and
negative values, from a table (see hostile_arguments_dataframe.py)."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.window import Window


def _df(spark):
    return spark.createDataFrame([(1, "abc", [1, 2]), (2, None, None)], "id int, s string, a array<int>")


# (case name, a Column built from the DataFrame's columns, selected). Left out:
# arguments PySpark hands to the JVM unchecked, where its error is py4j's own
# (`Py4JError: Method as([class java.lang.Integer]) does not exist`, a
# NullPointerException, `'object' object has no attribute '_get_object_id'`): alias/
# name of an int or None, alias metadata not a dict, col of an int or None, like/
# startswith of an int, endswith of None, expr of an int, and functions given a wrong
# type where PySpark passes it to the JVM (approx_count_distinct's rsd, concat_ws'
# separator, date_format/to_date formats, format_string, from_json's schema, lag's
# offset, rand's seed, regexp_extract's index). Not yet in PyRust: withField and
# dropFields (their argument checks come with them), round with a column scale
# (PySpark reads a string scale as a column name), to_json options.
TABLE = [
    ("cast_int", lambda: F.col("id").cast(1)),
    ("cast_none", lambda: F.col("id").cast(None)),
    ("cast_unknown_type_name", lambda: F.col("id").cast("integr")),
    ("astype_list", lambda: F.col("id").astype([])),
    ("substr_mixed_types", lambda: F.col("s").substr(1, F.lit(2))),
    ("substr_string_position", lambda: F.col("s").substr("1", 2)),
    ("substr_float", lambda: F.col("s").substr(1.5, 2)),
    ("contains_list", lambda: F.col("s").contains(["a"])),
    ("rlike_none", lambda: F.col("s").rlike(None)),
    ("ilike_column", lambda: F.col("s").ilike(F.col("s"))),
    ("isin_nothing", lambda: F.col("id").isin()),
    ("isin_dict", lambda: F.col("id").isin({1: 2})),
    ("between_none", lambda: F.col("id").between(None, 2)),
    ("get_item_none", lambda: F.col("a").getItem(None)),
    ("get_field_int", lambda: F.col("a").getField(1)),
    ("when_on_a_plain_column", lambda: F.col("id").when(F.col("id") > 1, 0)),
    ("otherwise_on_a_plain_column", lambda: F.col("id").otherwise(0)),
    ("otherwise_twice", lambda: F.when(F.col("id") > 1, 0).otherwise(1).otherwise(2)),
    ("when_condition_not_column", lambda: F.when(True, 0)),
    ("when_after_otherwise", lambda: F.when(F.col("id") > 1, 0).otherwise(1).when(F.col("id") > 2, 3)),
    ("over_int", lambda: F.sum("id").over(1)),
    ("over_none", lambda: F.sum("id").over(None)),
    ("eq_null_safe_list", lambda: F.col("id").eqNullSafe([1])),
    ("bitwise_and_string", lambda: F.col("id").bitwiseAND("x")),
    ("bool_of_column", lambda: F.lit(bool(F.col("id")))),
    ("iterate_a_column", lambda: F.lit(list(F.col("id")))),
    ("in_operator", lambda: F.lit(1 in F.col("id"))),
    ("getitem_slice", lambda: F.col("s")[1:2]),
    ("getitem_slice_step", lambda: F.col("s")[1:3:2]),
    # functions
    ("lit_of_a_set", lambda: F.lit({1, 2})),
    ("upper_int", lambda: F.upper(1)),
    ("upper_none", lambda: F.upper(None)),
    ("substring_string_position", lambda: F.substring("s", "1", 2)),
    ("substring_none_length", lambda: F.substring("s", 1, None)),
    ("split_int_pattern", lambda: F.split("s", 1)),
    ("split_limit_string", lambda: F.split("s", ",", "2")),
    ("round_none_column", lambda: F.round(None)),
    ("lpad_string_length", lambda: F.lpad("s", "3", "x")),
    ("date_add_string_days", lambda: F.date_add("id", "1")),
    ("regexp_replace_int_pattern", lambda: F.regexp_replace("s", 1, "x")),
    ("array_contains_of_nothing", lambda: F.array_contains(None, 1)),
    ("element_at_none", lambda: F.element_at("a", None)),
    ("struct_of_int", lambda: F.struct(1)),
    ("array_of_dict", lambda: F.array({1: 2})),
    ("when_int_condition", lambda: F.when(1, 2)),
    ("expr_empty", lambda: F.expr("")),
    ("coalesce_nothing", lambda: F.coalesce()),
    ("greatest_one_column", lambda: F.greatest("id")),
    ("least_nothing", lambda: F.least()),
    ("sum_int", lambda: F.sum(1)),
    ("count_distinct_nothing", lambda: F.count_distinct()),
    ("percentile_approx_string_accuracy", lambda: F.percentile_approx("id", 0.5, "x")),
    ("ntile_string", lambda: F.ntile("2").over(Window.orderBy("id"))),
    ("window_order_by_none", lambda: F.sum("id").over(Window.orderBy(None))),
    ("window_rows_between_strings", lambda: F.sum("id").over(Window.orderBy("id").rowsBetween("a", 0))),
    ("udf_return_type_int", lambda: F.udf(lambda x: x, 1)("id")),
    ("transform_not_callable", lambda: F.transform("a", 1)),
    ("transform_three_parameters", lambda: F.transform("a", lambda x, y, z: x)),
    ("aggregate_merge_not_callable", lambda: F.aggregate("a", F.lit(0), 1)),
    ("broadcast_of_a_column", lambda: F.broadcast(F.col("id"))),
    ("hash_nothing", lambda: F.hash()),
]


def _make(name, build):
    def run(spark):
        return _df(spark).select(build())

    run.__name__ = name
    return run


for _name, _build in TABLE:
    case(_make(_name, _build))
