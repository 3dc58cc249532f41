"""Aggregates of constant arguments over windows (`sum(1 + 1)`, `count(lit(None))`):
Spark evaluates the argument on every row of the frame, so `sum(1 + 1)` is twice the
frame's row count and `count(1 + 1)` the row count, over every frame kind (the whole
partition, running, ROWS and RANGE offsets, over integer and double keys) and in
SQL. Regression: a computed constant was one value per partition, not per row."""

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import LEGACY, doubles, scores

UP, UF, CR = W.unboundedPreceding, W.unboundedFollowing, W.currentRow


def _constant_aggs(two):
    """Every aggregate kind over the constant `two` (a computed constant or a literal)."""
    return [
        ("sum", F.sum(two)), ("cnt", F.count(two)), ("avg", F.avg(two)), ("min", F.min(two)), ("max", F.max(two)),
        ("first", F.first(two)), ("last", F.last(two)), ("first_nn", F.first(two, True)), ("last_nn", F.last(two, True)),
        ("list", F.collect_list(two)), ("stddev", F.stddev(two)), ("cnt_if", F.count_if(two == F.lit(2))),
    ]


_FRAMES = {
    "whole": W.partitionBy("g"),
    "running": W.partitionBy("g").orderBy("o"),
    "rows_sliding": W.partitionBy("g").orderBy("o").rowsBetween(-1, 1),
    "rows_prefix": W.partitionBy("g").orderBy("o").rowsBetween(UP, -1),
    "rows_suffix": W.partitionBy("g").orderBy("o").rowsBetween(CR, UF),
    "range_following": W.partitionBy("g").orderBy("o").rangeBetween(0, 1),
    "range_preceding": W.partitionBy("g").orderBy(F.col("o").desc()).rangeBetween(-2, 0),
    "range_to_end": W.partitionBy("g").orderBy("o").rangeBetween(1, UF),
    "range_whole": W.partitionBy("g").orderBy("o").rangeBetween(UP, UF),
}


def _register(frame_name, w, constant_name, constant):
    def run(spark):
        df = scores(spark)
        cols = [F.col("id")] + [agg.over(w).alias(name) for name, agg in _constant_aggs(constant())]
        return df.select(*cols).orderBy("id")

    run.__name__ = f"{constant_name}_over_{frame_name}"
    case(run)


for _frame_name, _w in _FRAMES.items():
    _register(_frame_name, _w, "computed_constant", lambda: F.lit(1) + F.lit(1))
for _frame_name in ("whole", "running", "rows_sliding", "rows_prefix", "rows_suffix", "range_following", "range_to_end"):
    _register(_frame_name, _FRAMES[_frame_name], "literal", lambda: F.lit(2))


@case
def null_literal_over_frames(spark):
    df = scores(spark)
    out = [df.id]
    for name, w in _FRAMES.items():
        out += [F.sum(F.lit(None).cast("int")).over(w).alias(f"sum_{name}"), F.count(F.lit(None)).over(w).alias(f"cnt_{name}"),
                F.max(F.lit(None)).over(w).alias(f"max_{name}"), F.first(F.lit(None), True).over(w).alias(f"first_{name}")]
    return df.select(*out).orderBy("id")


@case
def computed_null_over_frames(spark):
    df = scores(spark)
    null = F.lit(None).cast("int") + F.lit(1)
    out = [df.id]
    for name, w in _FRAMES.items():
        out += [F.sum(null).over(w).alias(f"sum_{name}"), F.count(null).over(w).alias(f"cnt_{name}"),
                F.collect_list(null).over(w).alias(f"list_{name}")]
    return df.select(*out).orderBy("id")


@case
def constant_over_double_range(spark):
    # Integer offsets over a double key: frames listed row by row (the general path).
    w = W.partitionBy("k").orderBy("v").rangeBetween(-1, 2)
    df = doubles(spark)
    return df.select("id", F.sum(F.lit(1) + F.lit(1)).over(w).alias("sum"), F.count(F.lit(1) + F.lit(1)).over(w).alias("cnt"),
                     F.avg(F.lit(0.5) * F.lit(3)).over(w).alias("avg"), F.collect_list(F.lit("a")).over(w).alias("list")).orderBy("id")


@case
def constant_mixed_with_columns(spark):
    w = W.partitionBy("g").orderBy("o").rangeBetween(0, 1)
    df = scores(spark)
    return df.select("id", F.sum(F.col("x") * 0 + F.lit(2)).over(w).alias("from_col"), F.sum(F.lit(2) * F.lit(3)).over(w).alias("six"),
                     F.covar_pop(F.col("x"), F.lit(1) + F.lit(1)).over(w).alias("covar"),
                     F.max_by(F.lit(1) + F.lit(1), F.col("x")).over(w).alias("max_by")).orderBy("id")


@case
def sql_constant_over_range(spark):
    scores(spark).createOrReplaceTempView("scores_constants")
    return spark.sql(
        "SELECT id, sum(1 + 1) OVER (PARTITION BY g ORDER BY o RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) AS s, "
        "count(1 + 1) OVER (PARTITION BY g ORDER BY o RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) AS c, "
        "avg(2 * 3) OVER (PARTITION BY g ORDER BY o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a, "
        "sum(1) OVER (PARTITION BY g ORDER BY o RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS one "
        "FROM scores_constants ORDER BY id")


@case(conf=LEGACY)
def computed_constant_over_range_legacy(spark):
    w = W.partitionBy("g").orderBy("o").rangeBetween(0, 1)
    df = scores(spark)
    return df.select("id", F.sum(F.lit(1) + F.lit(1)).over(w).alias("sum"), F.avg(F.lit(7) / F.lit(2)).over(w).alias("avg")).orderBy("id")


def _moment_aggs():
    """The moment aggregates with a constant argument (one or both sides). A constant
    has no variance: corr, skewness and kurtosis divide by it (under ANSI, Spark's
    double division raises DIVIDE_BY_ZERO; with ANSI off it gives NULL)."""
    two = F.lit(1) + F.lit(1)
    return [("corr_x", F.corr("x", two)), ("corr_both", F.corr(two, two)), ("covar_samp", F.covar_samp("x", two)),
            ("covar_pop", F.covar_pop(two, "x")), ("stddev", F.stddev(two)), ("var_samp", F.var_samp(two)),
            ("stddev_pop", F.stddev_pop(two)), ("skewness", F.skewness(two)), ("kurtosis", F.kurtosis(two))]


def _moments_of_constants(df, w):
    return df.select("id", *[agg.over(w).alias(name) for name, agg in _moment_aggs()]).orderBy("id")


def _register_moment(index):
    def run(spark):
        name, agg = _moment_aggs()[index]
        return scores(spark).select("id", agg.over(_FRAMES["rows_sliding"]).alias(name)).orderBy("id")

    return run


for _i, _name in enumerate(["corr_x", "corr_both", "covar_samp", "covar_pop", "stddev", "var_samp", "stddev_pop", "skewness", "kurtosis"]):
    _run = _register_moment(_i)
    _run.__name__ = f"{_name}_of_constants_over_sliding_rows"
    case(_run)


@case
def moments_of_constants_over_running_range(spark):
    return _moments_of_constants(scores(spark), _FRAMES["running"])


@case(conf=LEGACY)
def moments_of_constants_over_sliding_rows_legacy(spark):
    return _moments_of_constants(scores(spark), _FRAMES["rows_sliding"])


@case(conf=LEGACY)
def moments_of_constants_over_whole_partition_legacy(spark):
    return _moments_of_constants(scores(spark), _FRAMES["whole"])
