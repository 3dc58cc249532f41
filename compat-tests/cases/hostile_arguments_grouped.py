"""Hostile arguments to GroupedData (agg, pivot, count/mean/avg/max/min/sum, the
pandas applies): wrong types, None, empty and unknown names, from a table (see
hostile_arguments_dataframe.py)."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5, "u"), (1, "b", None, "v"), (2, None, 1.0, "u")], "k int, s string, x double, p string")


# (case name, what the case does to df.groupBy("k")). Left out: arguments PySpark
# hands to the JVM unchecked, where its error is py4j's own (`Py4JException: Method
# pivot([class java.lang.Integer]) does not exist`, a NullPointerException, a
# ClassCastException): avg/sum of None or an int, pivot of None or an int, pivot values
# not a list; cogroup of a non-GroupedData (PySpark returns an object whose repr is an
# address).
TABLE = [
    ("agg_nothing", lambda g: g.agg()),
    ("agg_int", lambda g: g.agg(1)),
    ("agg_none", lambda g: g.agg(None)),
    ("agg_string", lambda g: g.agg("x")),
    ("agg_column_and_string", lambda g: g.agg(F.sum("x"), "x")),
    ("agg_dict_unknown_function", lambda g: g.agg({"x": "median_of_medians"})),
    ("agg_dict_unknown_column", lambda g: g.agg({"nope": "sum"})),
    ("agg_dict_empty", lambda g: g.agg({})),
    ("agg_non_aggregate_column", lambda g: g.agg(F.col("x"))),
    ("agg_dict_sum_of_string", lambda g: g.agg({"s": "sum"})),
    ("count_then_count", lambda g: g.count().groupBy("k").count()),
    ("sum_of_string_column", lambda g: g.sum("s")),
    ("sum_unknown_column", lambda g: g.sum("nope")),
    ("mean_of_string_column", lambda g: g.mean("s")),
    ("max_of_string_column", lambda g: g.max("s")),
    ("min_column_object", lambda g: g.min(F.col("x"))),
    ("sum_nothing", lambda g: g.sum()),
    ("pivot_unknown_column", lambda g: g.pivot("nope").count()),
    ("pivot_values_empty", lambda g: g.pivot("p", []).count()),
    ("pivot_values_of_other_type", lambda g: g.pivot("p", [1, 2]).count()),
    ("pivot_values_with_none", lambda g: g.pivot("p", ["u", None]).count()),
    ("pivot_twice", lambda g: g.pivot("p").pivot("s").count()),
    ("pivot_then_agg_nothing", lambda g: g.pivot("p").agg()),
    ("apply_not_a_udf", lambda g: g.apply(lambda pdf: pdf)),
    ("apply_in_pandas_not_callable", lambda g: g.applyInPandas(1, "k int")),
    ("apply_in_pandas_bad_schema", lambda g: g.applyInPandas(lambda pdf: pdf, "k int,,")),
    ("apply_in_arrow_not_callable", lambda g: g.applyInArrow(1, "k int")),
]


def _make(name, action):
    def run(spark):
        return action(_df(spark).groupBy("k"))

    run.__name__ = name
    return run


for _name, _action in TABLE:
    case(_make(_name, _action), ordered=False)


def _centred(pdf):
    return pdf.assign(x=pdf.x - pdf.x.mean())[["k", "x"]]


@case(ordered=False)
def apply_grouped_map_udf(spark):
    # What apply accepts: a GROUPED_MAP pandas UDF (PySpark's older applyInPandas).
    import warnings

    from pyspark.sql.functions import PandasUDFType, pandas_udf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        centred = pandas_udf(_centred, "k int, x double", PandasUDFType.GROUPED_MAP)
        return _df(spark).groupBy("k").apply(centred)
