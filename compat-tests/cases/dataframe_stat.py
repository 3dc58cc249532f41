"""df.stat / DataFrameStatFunctions: corr, cov, crosstab, freqItems, approxQuantile,
sampleBy, with PySpark's argument errors and Spark's requirement failures."""

import math

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(1, 2.0, "a", 10), (2, None, "b", 20), (3, 7.0, None, 30), (None, 1.0, "a", 40), (4, float("nan"), "b", 50), (5, 8.0, "a", 60)],
        "i int, d double, s string, l long",
    )


def _clean(spark):
    return spark.createDataFrame([(1, 2.0, 3), (3, 7.0, 1), (5, 8.0, 4), (6, -1.5, 1)], "i int, d double, dec decimal(10,2)")


@case
def corr_clean(spark):
    return _clean(spark).stat.corr("i", "d")


@case
def corr_method_pearson(spark):
    return _clean(spark).corr("i", "dec", "pearson")


@case
def corr_nulls_count_as_zero(spark):
    return _clean(spark).union(spark.createDataFrame([(None, 1.0, None)], "i int, d double, dec decimal(10,2)")).stat.corr("i", "d")


@case
def corr_nan(spark):
    return _df(spark).stat.corr("i", "d")


@case
def corr_empty_is_nan(spark):
    return _clean(spark).limit(0).stat.corr("i", "d")


@case
def corr_same_column(spark):
    return _clean(spark).corr("i", "i")


@case
def corr_constant_column(spark):
    return _clean(spark).withColumn("k", F.lit(3)).corr("i", "k")


@case
def corr_string_column(spark):
    return _df(spark).stat.corr("i", "s")


@case
def corr_unknown_column(spark):
    return _df(spark).stat.corr("i", "nope")


@case
def corr_spearman(spark):
    return _df(spark).stat.corr("i", "d", "spearman")


@case
def corr_not_str(spark):
    return _df(spark).stat.corr(F.col("i"), "d")


@case
def cov_clean(spark):
    return _clean(spark).stat.cov("i", "d")


@case
def cov_decimal_and_long(spark):
    return _df(spark).withColumn("dec", F.col("l").cast("decimal(5,1)")).cov("l", "dec")


@case
def cov_nulls_count_as_zero(spark):
    return _df(spark).filter("d = d or d is null").cov("i", "d")


@case
def cov_one_row_is_zero(spark):
    return _clean(spark).limit(1).cov("i", "d")


@case
def cov_empty_is_zero(spark):
    return _clean(spark).limit(0).cov("i", "d")


@case
def cov_string_column(spark):
    return _df(spark).cov("s", "i")


@case
def cov_boolean_column(spark):
    return _df(spark).withColumn("b", F.lit(True)).cov("i", "b")


@case
def cov_not_str(spark):
    return _df(spark).cov("i", 2)


@case(ordered=False)
def crosstab_int_string(spark):
    return _df(spark).crosstab("i", "s")


@case(ordered=False)
def crosstab_string_double(spark):
    return _df(spark).stat.crosstab("s", "d")


@case(ordered=False)
def crosstab_same_column(spark):
    return _df(spark).crosstab("s", "s")


@case(ordered=False)
def crosstab_backquotes_dropped(spark):
    return spark.createDataFrame([("x", "a`b"), ("y", "c"), ("x", "c")], "k string, v string").crosstab("k", "v")


@case(ordered=False)
def crosstab_empty(spark):
    return _df(spark).limit(0).crosstab("i", "s")


@case
def crosstab_unknown_column(spark):
    return _df(spark).crosstab("i", "nope")


@case
def crosstab_not_str(spark):
    return _df(spark).crosstab("i", None)


def _sorted_items(df):
    return df.select(*[F.sort_array(c).alias(c) for c in df.columns])


@case
def freq_items_default_support(spark):
    return _sorted_items(_df(spark).freqItems(["i", "s"]))


@case
def freq_items_support(spark):
    rows = [(i % 3, "x" if i % 2 else "y") for i in range(40)] + [(7, "z")]
    return _sorted_items(spark.createDataFrame(rows, "a int, b string").stat.freqItems(("a", "b"), 0.4))


@case
def freq_items_schema(spark):
    return _df(spark).freqItems(["d", "l"]).schema.simpleString()


@case
def freq_items_support_too_small(spark):
    return _df(spark).freqItems(["i"], 1e-5)


@case
def freq_items_support_too_large(spark):
    return _df(spark).freqItems(["i"], 1.5)


@case
def freq_items_not_list(spark):
    return _df(spark).freqItems("i")


@case
def freq_items_unknown_column(spark):
    return _df(spark).freqItems(["nope"])


@case
def approx_quantile_exact(spark):
    return _df(spark).approxQuantile("i", [0.0, 0.5, 1.0], 0.0)


@case
def approx_quantile_several_columns(spark):
    return _df(spark).stat.approxQuantile(["i", "d", "l"], [0.25, 0.5, 0.75], 0.1)


@case
def approx_quantile_tuple(spark):
    return _df(spark).approxQuantile(("l",), (0.1, 0.9), 0.0)


@case
def approx_quantile_large_error(spark):
    return spark.range(1000).approxQuantile("id", [0.1, 0.5, 0.99], 1.5)


@case
def approx_quantile_many_rows(spark):
    return spark.range(100000).select(((F.col("id") * 7919) % 100003).alias("v")).approxQuantile("v", [0.01, 0.3, 0.5, 0.77, 0.999], 0.01)


@case
def approx_quantile_decimal(spark):
    return _clean(spark).approxQuantile("dec", [0.5], 0.05)


@case
def approx_quantile_only_nulls(spark):
    return _df(spark).filter("i is null").approxQuantile(["i", "d"], [0.5], 0.1)


@case
def approx_quantile_empty(spark):
    return _df(spark).limit(0).approxQuantile("i", [0.5], 0.1)


@case
def approx_quantile_no_probabilities(spark):
    return _df(spark).approxQuantile("i", [], 0.1)


@case
def approx_quantile_string_column(spark):
    return _df(spark).approxQuantile("s", [0.5], 0.1)


@case
def approx_quantile_negative_error(spark):
    return _df(spark).approxQuantile("i", [0.5], -1)


@case
def approx_quantile_probability_out_of_range(spark):
    return _df(spark).approxQuantile("i", [1.5], 0.1)


@case
def approx_quantile_probabilities_not_list(spark):
    return _df(spark).approxQuantile("i", 0.5, 0.1)


@case
def approx_quantile_col_not_str(spark):
    return _df(spark).approxQuantile(1, [0.5], 0.1)


@case
def approx_quantile_col_list_of_int(spark):
    return _df(spark).approxQuantile(["i", 1], [0.5], 0.1)


@case
def approx_quantile_error_not_number(spark):
    return _df(spark).approxQuantile("i", [0.5], "x")


@case
def approx_quantile_unknown_column(spark):
    return _df(spark).approxQuantile("nope", [0.5], 0.1)


@case
def sample_by_strings(spark):
    rows = [(i, "a" if i % 3 else "b") for i in range(60)]
    return spark.createDataFrame(rows, "id int, s string").sampleBy("s", {"a": 0.5, "b": 0.2}, seed=7)


@case
def sample_by_missing_stratum_dropped(spark):
    rows = [(i, i % 4) for i in range(40)]
    return spark.createDataFrame(rows, "id int, k int").stat.sampleBy("k", {0: 1.0, 1: 0.5}, seed=11)


@case
def sample_by_column(spark):
    rows = [(i, i % 2) for i in range(30)]
    return spark.createDataFrame(rows, "id int, k int").sampleBy(F.col("k"), {0: 0.3, 1: 0.9}, seed=3)


@case
def sample_by_fraction_out_of_range(spark):
    return _df(spark).sampleBy("s", {"a": 1.5}, seed=1)


@case
def sample_by_not_dict(spark):
    return _df(spark).sampleBy("s", [0.5], seed=1)


@case
def sample_by_bad_key(spark):
    return _df(spark).sampleBy("s", {(1, 2): 0.5}, seed=1)


@case
def sample_by_col_not_column(spark):
    return _df(spark).sampleBy(1, {"a": 0.5}, seed=1)


@case
def stat_is_stat_functions(spark):
    return type(_df(spark).stat).__name__
