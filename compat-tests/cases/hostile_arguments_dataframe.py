"""Hostile arguments to DataFrame methods: wrong types, None, empty and negative
values, from a table. Each row is one case, so one error cannot hide another; what
PySpark raises (its PySparkTypeError/PySparkValueError and error class, or the
engine's AnalysisException) is the golden, and PyRust must raise the same, never a
pyo3 TypeError, a panic or a silent default."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5), (2, None, None)], "id int, s string, x double")


# (case name, what the case does to the DataFrame). Rows that PySpark accepts are
# kept too: accepting silently where PySpark does is part of the contract. Left out:
# arguments PySpark hands to the JVM unchecked, where its error is py4j's own
# (`Py4JError: Method limit([class java.lang.String]) does not exist`, a
# ClassCastException): limit/take of a string, float or None, coalesce of a string,
# withColumn/withColumnRenamed/withColumns with an int name, selectExpr/describe/
# summary of an int, freqItems with a string support; a string seed to sample (PySpark
# hashes it into its random stream); colRegex and withWatermark, not implemented.
TABLE = [
    ("select_none", lambda df: df.select(None)),
    ("select_int", lambda df: df.select(1)),
    ("select_empty_list", lambda df: df.select([])),
    ("filter_none", lambda df: df.filter(None)),
    ("filter_int", lambda df: df.filter(1)),
    ("where_list", lambda df: df.where(["id"])),
    ("limit_negative", lambda df: df.limit(-1)),
    ("sort_none", lambda df: df.sort(None)),
    ("sort_int_zero", lambda df: df.sort(0)),
    ("sort_ascending_string", lambda df: df.sort("id", ascending="yes")),
    ("order_by_empty", lambda df: df.orderBy()),
    ("with_column_literal_value", lambda df: df.withColumn("y", 1)),
    ("with_column_none_value", lambda df: df.withColumn("y", None)),
    ("with_columns_not_dict", lambda df: df.withColumns([("y", F.lit(1))])),
    ("with_column_renamed_none", lambda df: df.withColumnRenamed(None, "y")),
    ("with_columns_renamed_list", lambda df: df.withColumnsRenamed([("id", "y")])),
    ("drop_none", lambda df: df.drop(None)),
    ("drop_int", lambda df: df.drop(1)),
    ("drop_list", lambda df: df.drop(["id"])),
    ("drop_duplicates_string", lambda df: df.dropDuplicates("id")),
    ("drop_duplicates_int", lambda df: df.dropDuplicates(1)),
    ("group_by_none", lambda df: df.groupBy(None).count()),
    ("group_by_float", lambda df: df.groupBy(1.5).count()),
    ("agg_int", lambda df: df.agg(1)),
    ("agg_none", lambda df: df.agg(None)),
    ("join_none", lambda df: df.join(None)),
    ("join_on_int", lambda df: df.join(df, on=1)),
    ("join_how_int", lambda df: df.join(df, on="id", how=1)),
    ("join_how_unknown", lambda df: df.join(df, on="id", how="sideways")),
    ("cross_join_none", lambda df: df.crossJoin(None)),
    ("union_none", lambda df: df.union(None)),
    ("union_by_name_none", lambda df: df.unionByName(None)),
    ("intersect_none", lambda df: df.intersect(None)),
    ("subtract_list", lambda df: df.subtract([df])),
    ("except_all_none", lambda df: df.exceptAll(None)),
    ("repartition_negative", lambda df: df.repartition(-1)),
    ("repartition_none", lambda df: df.repartition(None)),
    ("repartition_float", lambda df: df.repartition(1.5)),
    ("coalesce_zero", lambda df: df.coalesce(0)),
    ("sample_negative_fraction", lambda df: df.sample(-0.5)),
    ("sample_string_fraction", lambda df: df.sample("half")),
    ("sample_fraction_above_one", lambda df: df.sample(False, 1.5)),
    ("random_split_string", lambda df: df.randomSplit("a")),
    ("random_split_negative", lambda df: df.randomSplit([-1.0, 2.0])),
    ("random_split_empty", lambda df: df.randomSplit([])),
    ("dropna_how_unknown", lambda df: df.dropna(how="some")),
    ("dropna_thresh_string", lambda df: df.dropna(thresh="1")),
    ("dropna_subset_int", lambda df: df.dropna(subset=1)),
    ("fillna_none", lambda df: df.fillna(None)),
    ("fillna_list", lambda df: df.fillna([1])),
    ("fillna_empty_dict", lambda df: df.fillna({})),
    ("fillna_subset_int", lambda df: df.fillna(0, subset=1)),
    ("replace_none", lambda df: df.replace(None)),
    ("replace_lists_of_other_length", lambda df: df.replace([1, 2], [3])),
    ("replace_subset_int", lambda df: df.replace(1, 2, subset=1)),
    ("to_df_int", lambda df: df.toDF(1, 2, 3)),
    ("to_df_none", lambda df: df.toDF(None, "b", "c")),
    ("alias_none", lambda df: df.alias(None)),
    ("alias_int", lambda df: df.alias(1)),
    ("select_expr_empty_string", lambda df: df.selectExpr("")),
    ("summary_unknown_statistic", lambda df: df.summary("median")),
    ("hint_int", lambda df: df.hint(1)),
    ("hint_parameter_object", lambda df: df.hint("broadcast", object())),
    ("transform_not_callable", lambda df: df.transform(1)),
    ("head_negative", lambda df: df.head(-1)),
    ("tail_negative", lambda df: df.tail(-1)),
    ("show_n_string", lambda df: df.show(n="2")),
    ("show_truncate_string", lambda df: df.show(truncate="yes")),
    ("show_vertical_int", lambda df: df.show(vertical=1)),
    ("unpivot_values_int", lambda df: df.unpivot("id", 1, "k", "v")),
    ("unpivot_ids_none", lambda df: df.unpivot(None, ["x"], "k", "v")),
    ("sample_by_int_column", lambda df: df.sampleBy(1, {1: 0.5})),
    ("sample_by_fractions_list", lambda df: df.sampleBy("id", [0.5])),
    ("approx_quantile_string_probability", lambda df: df.approxQuantile("x", ["a"], 0.1)),
    ("approx_quantile_negative_error", lambda df: df.approxQuantile("x", [0.5], -1.0)),
    ("corr_int_column", lambda df: df.corr(1, "x")),
    ("cov_none_column", lambda df: df.cov(None, "x")),
    ("crosstab_int_column", lambda df: df.crosstab(1, "s")),
    ("freq_items_string", lambda df: df.freqItems("id")),
]


def _make(name, action):
    def run(spark):
        return action(_df(spark))

    run.__name__ = name
    return run


for _name, _action in TABLE:
    case(_make(_name, _action))
