"""Randomly composed catalogue aggregates (issue 7; fixed seeds): statistics, moments and
regressions, boolean and bit aggregates, min_by/max_by, products, percentiles, mode,
collect_set, listagg, try_sum/try_avg and DISTINCT forms, over typed random data with
NULL, NaN, ±Inf, -0.0, extreme integers, empty strings and non-BMP text, global and
grouped, with ANSI on and off."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 7707
N_CASES = 40
NAN, INF = float("nan"), float("inf")

INTS = ["i", "l"]
DOUBLES = ["d", "e"]
NUMERIC = INTS + DOUBLES
STRINGS = ["s"]


def _frame(rng, n_rows, extremes):
    ints = [0, 1, -1, 2, 3, 7, -8, 100, None]
    longs = [0, 5, -5, 123456789, -40, None, 9]
    doubles = [0.0, -0.0, 1.5, -2.25, 1e10, 3.0, None, 0.1]
    if extremes:
        ints += [2**31 - 1, -2**31]
        longs += [2**63 - 1, -2**63]
        doubles += [NAN, INF, -INF, 1e308]
    strings = ["", "a", "b", "😀", "e\u0301", "𝔘x", None, "ab"]
    rows = []
    for _ in range(n_rows):
        rows.append((rng.randrange(3) if rng.random() < 0.9 else None, rng.choice(ints), rng.choice(longs),
                     rng.choice(doubles), rng.choice(doubles), rng.choice(strings),
                     rng.choice([True, False, None])))
    return rows


def _agg(rng):
    kind = rng.randrange(16)
    n1 = rng.choice(NUMERIC)
    n2 = rng.choice(NUMERIC)
    if kind == 0:
        return rng.choice([F.stddev_pop, F.var_samp, F.var_pop, F.variance, F.skewness, F.kurtosis])(n1)
    if kind == 1:
        return rng.choice([F.corr, F.covar_samp, F.covar_pop])(n1, n2)
    if kind == 2:
        return rng.choice([F.regr_avgx, F.regr_avgy, F.regr_count, F.regr_intercept, F.regr_r2, F.regr_slope,
                           F.regr_sxx, F.regr_sxy, F.regr_syy])(n1, n2)
    if kind == 3:
        return rng.choice([F.bool_and, F.bool_or, F.every, F.some, F.count_if])("b")
    if kind == 4:
        return rng.choice([F.bit_and, F.bit_or, F.bit_xor])(rng.choice(INTS))
    if kind == 5:
        return rng.choice([F.min_by, F.max_by])(rng.choice(NUMERIC + STRINGS), n1)
    if kind == 6:
        return F.product(rng.choice(["i", "d"]))
    if kind == 7:
        return rng.choice([F.try_sum, F.try_avg])(n1)
    if kind == 8:
        return rng.choice([F.median(n1), F.percentile(n1, rng.choice([0.0, 0.25, 0.5, 1.0])),
                           F.percentile(n1, [0.1, 0.9])])
    if kind == 9:
        return F.percentile_approx(n1, rng.choice([0.5, [0.25, 0.75]]), rng.choice([100, 10000]))
    if kind == 10:
        return F.mode(rng.choice(NUMERIC + STRINGS), True)
    if kind == 11:
        return F.collect_set(rng.choice(NUMERIC + STRINGS))
    if kind == 12:
        return F.approx_count_distinct(rng.choice(NUMERIC + STRINGS))
    if kind == 13:
        return F.count_if(F.col(n1) > 0)
    if kind == 14:
        return rng.choice([F.any_value, F.first_value, F.last_value])(n1, F.lit(True))
    return F.listagg("s", rng.choice([",", "", "😀"]))


def _make(i):
    def run(spark):
        rng = random.Random(SEED + i)
        rows = _frame(rng, rng.choice([0, 1, 3, 8, 15]), i % 3 == 2)
        df = spark.createDataFrame(rows, "g int, i int, l long, d double, e double, s string, b boolean")
        aggs = []
        for _ in range(rng.randrange(1, 4)):
            a = _agg(rng)
            if all(repr(a) != repr(x) for x in aggs):  # the same aggregate twice is an ambiguous name
                aggs.append(a)
        if rng.random() < 0.3:
            return df.agg(*aggs)
        return df.groupBy("g").agg(*aggs).orderBy(F.col("g").asc_nulls_first())

    run.__name__ = f"random_catalogue_agg_{i:02d}"
    return run


def _make_distinct(i):
    def run(spark):
        rng = random.Random(SEED + 1000 + i)
        rows = _frame(rng, rng.choice([0, 4, 12]), i % 2 == 1)
        df = spark.createDataFrame(rows, "g int, i int, l long, d double, e double, s string, b boolean")
        exprs = []
        for _ in range(rng.randrange(1, 3)):
            c = rng.choice(NUMERIC)
            e = rng.choice([f"count(DISTINCT {c}, {rng.choice(NUMERIC + STRINGS)})", f"sum(DISTINCT {c})",
                            f"avg(DISTINCT {c})", f"count(DISTINCT {c})", f"max(DISTINCT {c})"])
            if e not in exprs:
                exprs.append(e)
        return df.groupBy("g").agg(*[F.expr(e) for e in exprs]).orderBy(F.col("g").asc_nulls_first())

    run.__name__ = f"random_catalogue_agg_distinct_{i:02d}"
    return run


for _i in range(N_CASES):
    case(_make(_i))
for _i in range(10):
    case(_make_distinct(_i))
for _i in range(6):
    case(conf={"spark.sql.ansi.enabled": "false"})(_make(100 + _i))
