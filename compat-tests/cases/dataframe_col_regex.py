"""DataFrame.colRegex: backquoted Java regexes matched against whole column names
(case-insensitive by default), qualified patterns, plain names, errors."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, 2, "x", 4.0), (None, -1, None, float("nan"))], "a1 int, a2 int, Bc string, `a.b` double")


@case
def col_regex_prefix(spark):
    df = _df(spark)
    return df.select(df.colRegex("`a.*`"))


@case
def col_regex_digit_class_case_insensitive(spark):
    df = _df(spark)
    return df.select(df.colRegex("`A[0-9]`"))


@case
def col_regex_matches_whole_name(spark):
    df = _df(spark)
    return df.select(df.colRegex("`b.`"), df.colRegex("`(a|B)`"))


@case(conf={"spark.sql.caseSensitive": "true"})
def col_regex_case_sensitive(spark):
    df = _df(spark)
    return df.select(df.colRegex("`b.`"), df.colRegex("`a\\d`"))


@case
def col_regex_no_match_gives_no_columns(spark):
    df = _df(spark)
    return df.select(df.colRegex("`zz`"))


@case
def col_regex_plain_name(spark):
    df = _df(spark)
    return df.select(df.colRegex("a1"))


@case
def col_regex_plain_name_missing(spark):
    df = _df(spark)
    return df.select(df.colRegex("zz"))


@case
def col_regex_qualified(spark):
    df = _df(spark).alias("t")
    return df.select(df.colRegex("t.`a[12]`"))


@case
def col_regex_with_other_columns(spark):
    df = _df(spark)
    return df.select(F.col("a1"), df.colRegex("`a.`"), F.lit(1).alias("one"))


@case
def col_regex_dotted_name(spark):
    df = _df(spark)
    return df.select(df.colRegex("`a\\.b`"))


@case
def col_regex_after_join(spark):
    left = _df(spark).alias("l")
    right = spark.createDataFrame([(1, "r")], "a1 int, c string").alias("r")
    j = left.join(right, "a1")
    return j.select(j.colRegex("`[ac].*`"))


@case
def col_regex_repr(spark):
    df = _df(spark)
    return [repr(df.colRegex("`a.*`")), repr(df.colRegex("a1"))]


@case
def col_regex_not_str(spark):
    return _df(spark).colRegex(1)


@case
def col_regex_empty_frame(spark):
    df = _df(spark).limit(0)
    return df.select(df.colRegex("`.*2`"))
