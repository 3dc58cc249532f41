"""dropna / fillna and the df.na namespace."""

from harness import case
from pyspark.sql import functions as F

from ._data import people


def _holes(spark):
    return spark.createDataFrame([(1, None, None, True), (None, "b", 2.5, None), (3, "c", None, False), (None, None, None, None)],
                                 "i int, s string, d double, b boolean")


@case
def dropna_any(spark):
    return _holes(spark).dropna()


@case
def dropna_all(spark):
    return _holes(spark).dropna(how="all")


@case
def dropna_thresh(spark):
    return _holes(spark).dropna(thresh=2)


@case
def dropna_subset(spark):
    return _holes(spark).dropna(subset=["i"])


@case
def na_drop_namespace(spark):
    return _holes(spark).na.drop(subset=["s", "d"], how="all")


@case
def fillna_number(spark):
    return _holes(spark).fillna(0)


@case
def fillna_double_into_int(spark):
    return _holes(spark).fillna(1.9)


@case
def fillna_string(spark):
    return _holes(spark).fillna("x")


@case
def fillna_bool(spark):
    return _holes(spark).fillna(True)


@case
def fillna_dict(spark):
    return _holes(spark).fillna({"i": -1, "s": "none", "b": False})


@case
def fillna_subset(spark):
    return _holes(spark).na.fill(7, subset=["i", "s"])


@case
def dropna_bad_how(spark):
    return _holes(spark).dropna(how="some")


@case
def fillna_people(spark):
    return people(spark).fillna({"age": 0, "city": "?"}).orderBy("id")
