"""Statistical aggregates: stddev_pop, variance/var_samp/var_pop, skewness, kurtosis,
corr, covar_samp, covar_pop and the regr_* family. Spark computes them with streaming
moment updates (and one merge of the partial buffer), so the last digits are Spark's;
division by zero is an ANSI error in corr."""

from harness import case
from pyspark.sql import Window
from pyspark.sql import functions as F

from ._fn_aggregate_data import matrix, pairs

NAN, INF = float("nan"), float("inf")

ONE = [F.stddev_pop, F.variance, F.var_samp, F.var_pop, F.skewness, F.kurtosis, F.stddev, F.stddev_samp, F.std]
TWO = [F.corr, F.covar_samp, F.covar_pop, F.regr_avgx, F.regr_avgy, F.regr_count, F.regr_intercept, F.regr_r2,
       F.regr_slope, F.regr_sxx, F.regr_sxy, F.regr_syy]


def _values(spark):
    rows = [(1, 2.0), (1, 3.5), (1, -1.25), (1, None), (1, 10.0), (2, 5.0), (3, None), (4, 1.0), (4, 1.0),
            (5, 0.1), (5, 0.2), (5, 0.3), (5, 0.4), (5, 1e6)]
    return spark.createDataFrame(rows, "g int, x double")


@case
def moments_matrix(spark):
    return matrix(spark, lambda c: F.kurtosis(c))


@case
def variance_matrix(spark):
    return matrix(spark, lambda c: F.var_pop(c), columns=["i", "l", "d", "m", "s", "b", "dt", "ts", "n"])


@case
def corr_matrix(spark):
    return matrix(spark, lambda c: F.corr(c, "d"), columns=["i", "l", "f", "m", "s", "b", "dt", "ts", "bin", "n"])


@case
def regr_matrix(spark):
    return matrix(spark, lambda c: F.regr_slope("d", c), columns=["i", "l", "f", "m", "s", "b", "dt", "ts", "n"])


@case
def regr_avg_matrix(spark):
    return matrix(spark, lambda c: F.regr_avgx("d", c), columns=["i", "l", "f", "m", "s", "b", "dt", "ts", "n"])


@case
def one_column_statistics(spark):
    return _values(spark).groupBy("g").agg(*[f("x") for f in ONE]).orderBy("g")


@case
def one_column_statistics_global(spark):
    return _values(spark).agg(*[f("x") for f in ONE])


@case
def one_column_statistics_integers(spark):
    df = spark.createDataFrame([(i * i % 17 - 5,) for i in range(25)], "x int")
    return df.agg(*[f("x") for f in ONE])


@case
def one_column_statistics_decimals(spark):
    df = spark.createDataFrame([(1, "1.10"), (1, "2.25"), (1, "-3.75"), (2, "0.01")], "g int, m string") \
        .select("g", F.col("m").cast("decimal(6,2)").alias("m"))
    return df.groupBy("g").agg(*[f("m") for f in ONE]).orderBy("g")


@case
def one_column_statistics_edge_values(spark):
    df = spark.createDataFrame([(1, NAN), (1, 1.0), (2, INF), (2, 1.0), (3, 1e300), (3, 1e300), (3, 1.0),
                                (4, -INF), (4, INF), (5, 1.7976931348623157e308), (5, -1.7976931348623157e308),
                                (6, 5e-324), (6, 0.0), (7, -0.0), (7, 0.0)], "g int, x double")
    return df.groupBy("g").agg(*[f("x") for f in ONE]).orderBy("g")


@case
def one_column_statistics_empty(spark):
    df = spark.createDataFrame([], "x double")
    return df.agg(*[f("x") for f in ONE])


@case(conf={"spark.sql.ansi.enabled": "false"})
def one_column_statistics_legacy(spark):
    return _values(spark).groupBy("g").agg(*[f("x") for f in ONE]).orderBy("g")


@case
def statistics_many_rows(spark):
    df = spark.range(2000).select((F.col("id") % 7).alias("g"), ((F.col("id") * 7919 % 1009) / 13.0).alias("x"),
                                  ((F.col("id") * 104729 % 997) * 0.37).alias("y"))
    return (df.groupBy("g").agg(F.stddev_pop("x"), F.var_samp("x"), F.skewness("x"), F.kurtosis("x"), F.corr("x", "y"),
                                F.covar_samp("x", "y"), F.regr_slope("y", "x"), F.regr_intercept("y", "x"),
                                F.regr_r2("y", "x"))
            .orderBy("g"))


@case
def two_column_statistics(spark):
    return pairs(spark).groupBy("g").agg(*[f("y", "x") for f in TWO]).orderBy("g")


@case
def two_column_statistics_global(spark):
    return pairs(spark).filter(F.col("g") != 5).agg(*[f("y", "x") for f in TWO])


@case
def corr_constant_column_ansi(spark):
    return pairs(spark).filter(F.col("g") == 5).agg(F.corr("y", "x"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def corr_constant_column_legacy(spark):
    return pairs(spark).groupBy("g").agg(F.corr("y", "x"), F.covar_samp("y", "x"), F.regr_r2("y", "x")).orderBy("g")


@case
def regr_r2_constant_sides(spark):
    df = spark.createDataFrame([(1.0, 1.0), (1.0, 2.0), (3.0, 5.0), (4.0, 5.0)], "y double, x double")
    return df.agg(F.regr_r2("y", "x"), F.regr_r2("x", "y"), F.regr_slope("y", "x"), F.regr_intercept("x", "y"))


@case
def regr_slope_counts_lone_x(spark):
    df = spark.createDataFrame([(1.0, 1.0), (2.0, 2.0), (None, 10.0), (5.0, None), (4.0, 3.5)], "y double, x double")
    return df.agg(F.regr_slope("y", "x"), F.regr_intercept("y", "x"), F.regr_r2("y", "x"), F.regr_sxx("y", "x"),
                  F.regr_syy("y", "x"), F.regr_sxy("y", "x"), F.regr_avgx("y", "x"), F.regr_avgy("y", "x"),
                  F.regr_count("y", "x"))


@case
def two_column_statistics_integers(spark):
    df = spark.createDataFrame([(i, i * i % 11, (i * 3) % 7) for i in range(20)], "g int, y int, x bigint")
    return df.agg(*[f("y", "x") for f in TWO])


@case
def regr_avg_decimals(spark):
    df = spark.createDataFrame([(1, 2), (3, None), (5, 6)], "y int, x int").select(
        F.col("y").cast("decimal(5,1)").alias("y"), F.col("x").cast("decimal(4,2)").alias("x"))
    return df.agg(F.regr_avgx("y", "x"), F.regr_avgy("y", "x"), F.regr_sxx("y", "x"), F.regr_count("y", "x"))


@case
def two_column_statistics_edge_values(spark):
    df = spark.createDataFrame([(1, NAN, 1.0), (1, 2.0, 3.0), (2, INF, 1.0), (2, 1.0, 2.0), (3, 1e300, 1e300),
                                (3, -1e300, 2.0), (4, 5e-324, 5e-324), (4, 0.0, 1e-320)], "g int, y double, x double")
    return df.groupBy("g").agg(*[f("y", "x") for f in TWO if f is not F.corr]).orderBy("g")


@case
def two_column_statistics_empty(spark):
    df = spark.createDataFrame([], "y double, x double")
    return df.agg(*[f("y", "x") for f in TWO])


@case
def statistics_sql(spark):
    return pairs(spark).selectExpr("stddev_pop(x)", "var_samp(y)", "variance(x)", "var_pop(y)", "skewness(x)",
                                   "kurtosis(y)", "corr(y, x)", "covar_pop(y, x)", "covar_samp(x, y)",
                                   "regr_slope(y, x)", "regr_intercept(y, x)", "regr_count(y, x)", "regr_sxy(y, x)",
                                   "std(x)", "stddev_samp(y)")


@case
def statistics_distinct_sql(spark):
    return pairs(spark).selectExpr("var_pop(DISTINCT x)", "stddev_pop(DISTINCT y)", "kurtosis(DISTINCT x)")


@case
def statistics_wrong_arity(spark):
    return pairs(spark).selectExpr("corr(x)")


@case
def statistics_over_window(spark):
    w = Window.partitionBy("g")
    return (pairs(spark).select("g", "y", "x", F.var_pop("x").over(w).alias("v"), F.covar_pop("y", "x").over(w).alias("c"),
                                F.regr_count("y", "x").over(w).alias("n"))
            .orderBy("g", "y", "x"))
