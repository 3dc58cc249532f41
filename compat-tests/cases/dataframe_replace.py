"""replace / na.replace: scalar, list and dict forms; only the columns of the first
key's kind (numbers, strings, booleans) change; values cast to each column's type;
NaN keys; subsets; PySpark's argument errors."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(1, 1.0, "a", True), (2, float("nan"), "b", False), (None, None, None, None), (10, -0.0, "", True), (1, 2.5, "a", None)],
        "i int, d double, s string, b boolean",
    )


@case
def replace_number_scalar(spark):
    return _df(spark).replace(1, 7)


@case
def replace_number_into_every_numeric_column(spark):
    return _df(spark).replace(1.0, 9.5)


@case
def replace_string_scalar(spark):
    return _df(spark).replace("a", "z")


@case
def replace_boolean(spark):
    return _df(spark).replace(True, False)


@case
def replace_list_to_list(spark):
    return _df(spark).replace([1, 2], [20, 30])


@case
def replace_list_to_scalar(spark):
    return _df(spark).replace(["a", "b"], "x")


@case
def replace_dict(spark):
    return _df(spark).replace({"a": "A", "": "empty"})


@case
def replace_to_none(spark):
    return _df(spark).replace("a", None)


@case
def replace_number_to_none(spark):
    return _df(spark).replace(10, None)


@case
def replace_nan_key(spark):
    return _df(spark).replace(float("nan"), 0.0)


@case
def replace_negative_zero_key(spark):
    return _df(spark).replace(0.0, 5.0)


@case
def replace_subset_list(spark):
    return _df(spark).replace(1, 100, subset=["d"])


@case
def replace_subset_string(spark):
    return _df(spark).replace(1, 100, "i")


@case
def replace_fraction_into_int_column(spark):
    return _df(spark).replace(2, 3.7)


@case
def na_replace(spark):
    return _df(spark).na.replace("b", "B")


@case
def replace_dict_with_subset(spark):
    return _df(spark).na.replace({1: 11, 10: 12}, subset=["i", "d"])


@case
def replace_nothing_matches_type(spark):
    return _df(spark).select("s").replace(1, 2)


@case
def replace_bigint_and_decimal(spark):
    import decimal
    df = spark.createDataFrame([(1, decimal.Decimal("1.50")), (3, decimal.Decimal("1.00"))], "l bigint, m decimal(5,2)")
    return df.replace(1, 4)


@case
def replace_int_overflow(spark):
    return _df(spark).select("i").replace(1, 1e20)


@case(conf={"spark.sql.ansi.enabled": "false"})
def replace_int_overflow_ansi_off(spark):
    return _df(spark).select("i").replace(1, 1e20)


@case
def replace_unicode(spark):
    df = spark.createDataFrame([("😀",), ("é",)], "s string")
    return df.replace("😀", "smile")


@case
def replace_empty_frame(spark):
    return spark.createDataFrame([], "i int, s string").replace(1, 2)


@case
def replace_mixed_types_error(spark):
    return _df(spark).replace([1, "a"], [2, "b"])


@case
def replace_dict_mixed_value_error(spark):
    return _df(spark).replace({1: "x"})


@case
def replace_missing_value_error(spark):
    return _df(spark).replace(1)


@case
def replace_length_mismatch_error(spark):
    return _df(spark).replace([1, 2], [3])


@case
def replace_bad_to_replace_type(spark):
    return _df(spark).replace(None, 1)


@case
def replace_bad_value_type(spark):
    return _df(spark).replace(1, {"a": 1})


@case
def replace_bad_subset_type(spark):
    return _df(spark).replace(1, 2, subset=5)


@case
def replace_unknown_subset_column(spark):
    return _df(spark).replace(1, 2, subset=["nope"])


@case
def replace_keeps_names_and_show(spark):
    _df(spark).withColumnRenamed("s", "a.b").replace("a", "q").show()
