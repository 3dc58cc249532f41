"""Hostile arguments to DataFrameNaFunctions (df.na) and DataFrameStatFunctions
(df.stat): wrong types, None, empty and out-of-range values, from a table (see
hostile_arguments_dataframe.py, which covers the DataFrame methods of the same
names). Left out:
the arguments PySpark hands to the JVM unchecked, where its error is py4j's own (a
ClassCastException for an int in a subset or a fill dict's key, a float thresh, a
string seed)."""

from harness import case


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5, True), (2, None, None, None), (2, "b", 4.0, False)], "id int, s string, x double, b boolean")


TABLE = [
    # df.na
    ("na_drop_how_none", lambda df: df.na.drop(how=None)),
    ("na_drop_how_int", lambda df: df.na.drop(how=1)),
    ("na_drop_thresh_negative", lambda df: df.na.drop(thresh=-1)),
    ("na_drop_subset_unknown", lambda df: df.na.drop(subset=["nope"])),
    ("na_drop_subset_empty", lambda df: df.na.drop(subset=[])),
    ("na_fill_object", lambda df: df.na.fill(object())),
    ("na_fill_dict_list_value", lambda df: df.na.fill({"id": [1]})),
    ("na_fill_dict_unknown_column", lambda df: df.na.fill({"nope": 1})),
    ("na_fill_string_into_int", lambda df: df.na.fill("z", subset=["id"])),
    ("na_fill_float_into_int", lambda df: df.na.fill(1.7, subset=["id"])),
    ("na_fill_bool_into_string", lambda df: df.na.fill(True, subset=["s"])),
    ("na_fill_huge_int", lambda df: df.na.fill(2**70)),
    ("na_fill_subset_unknown", lambda df: df.na.fill(0, subset=["nope"])),
    ("na_fill_subset_string", lambda df: df.na.fill(0, subset="x")),
    ("na_replace_no_value", lambda df: df.na.replace(1)),
    ("na_replace_dict_and_value", lambda df: df.na.replace({1: 2}, 3)),
    ("na_replace_mixed_types", lambda df: df.na.replace([1, "a"], [2, "b"])),
    ("na_replace_object", lambda df: df.na.replace(object(), 1)),
    ("na_replace_value_list_for_scalar", lambda df: df.na.replace(1, [2])),
    ("na_replace_subset_unknown", lambda df: df.na.replace(1, 2, subset=["nope"])),
    ("na_replace_empty_dict", lambda df: df.na.replace({})),
    ("na_replace_none_to_value", lambda df: df.na.replace(None, 1)),
    # df.stat
    ("stat_corr_method_unknown", lambda df: df.stat.corr("id", "x", method="kendall")),
    ("stat_corr_string_column", lambda df: df.stat.corr("id", "s")),
    ("stat_corr_unknown_column", lambda df: df.stat.corr("id", "nope")),
    ("stat_corr_method_none", lambda df: df.stat.corr("id", "x", method=None)),
    ("stat_cov_int_column", lambda df: df.stat.cov("id", 1)),
    ("stat_cov_string_column", lambda df: df.stat.cov("s", "x")),
    ("stat_crosstab_none", lambda df: df.stat.crosstab("id", None)),
    ("stat_crosstab_unknown", lambda df: df.stat.crosstab("id", "nope")),
    ("stat_freq_items_support_too_small", lambda df: df.stat.freqItems(["id"], support=1e-5)),
    ("stat_freq_items_support_above_one", lambda df: df.stat.freqItems(["id"], support=2.0)),
    ("stat_freq_items_unknown_column", lambda df: df.stat.freqItems(["nope"])),
    ("stat_approx_quantile_int_column", lambda df: df.stat.approxQuantile(1, [0.5], 0.1)),
    ("stat_approx_quantile_probability_above_one", lambda df: df.stat.approxQuantile("x", [1.5], 0.1)),
    ("stat_approx_quantile_probabilities_tuple", lambda df: df.stat.approxQuantile("x", (0.5,), 0.1)),
    ("stat_approx_quantile_error_string", lambda df: df.stat.approxQuantile("x", [0.5], "a")),
    ("stat_approx_quantile_string_column", lambda df: df.stat.approxQuantile("s", [0.5], 0.1)),
    ("stat_approx_quantile_unknown_column", lambda df: df.stat.approxQuantile("nope", [0.5], 0.1)),
    ("stat_approx_quantile_empty_probabilities", lambda df: df.stat.approxQuantile("x", [], 0.1)),
    ("stat_sample_by_fraction_above_one", lambda df: df.stat.sampleBy("id", {1: 1.5}, seed=1)),
    ("stat_sample_by_fraction_negative", lambda df: df.stat.sampleBy("id", {1: -0.5}, seed=1)),
    ("stat_sample_by_unknown_column", lambda df: df.stat.sampleBy("nope", {1: 0.5}, seed=1)),
    ("stat_sample_by_fraction_key_list", lambda df: df.stat.sampleBy("id", {(1,): 0.5}, seed=1)),
]


def _make(name, action):
    def run(spark):
        return action(_df(spark))

    run.__name__ = name
    return run


for _name, _action in TABLE:
    case(_make(_name, _action), ordered=False)
