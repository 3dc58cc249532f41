"""The DataFrame members tied to the JVM or to Spark Connect, as PySpark Classic answers
them: `rdd` (an RDD of Rows), `sql_ctx` (the deprecated SQLContext), `executionInfo`
(Connect only: CLASSIC_OPERATION_NOT_SUPPORTED_ON_DF)."""

import warnings

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame([(1, "a"), (2, "b"), (None, "c")], "n int, s string")


@case
def rdd_collect(spark):
    return _df(spark).rdd.collect()


@case
def rdd_map_filter_count(spark):
    rdd = _df(spark).rdd
    return [rdd.map(lambda r: (r.s, r.n)).collect(), rdd.filter(lambda r: r.n is not None).count(), rdd.count()]


@case
def rdd_flat_map_first_take(spark):
    rdd = _df(spark).where(F.col("n") > 0).rdd
    return [rdd.flatMap(lambda r: [r.n] * r.n).collect(), rdd.first(), rdd.take(1), rdd.isEmpty()]


@case
def rdd_of_an_empty_dataframe(spark):
    rdd = _df(spark).where("n > 10").rdd
    return [rdd.collect(), rdd.isEmpty(), rdd.count()]


@case
def execution_info_is_connect_only(spark):
    return _df(spark).executionInfo


@case
def sql_ctx_is_a_deprecated_sql_context(spark):
    df = _df(spark)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ctx = df.sql_ctx
    return [type(ctx).__name__, ctx.sparkSession is spark, [str(w.message) for w in caught], [w.category.__name__ for w in caught]]


@case
def sql_ctx_runs_sql(spark):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = _df(spark).sql_ctx
    return ctx.sql("SELECT 1 AS one")
