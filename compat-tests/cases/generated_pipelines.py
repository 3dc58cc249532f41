"""Randomly composed DataFrame pipelines (fixed seed): filters, projections,
aggregations, joins and sorts over small frames with nulls and duplicates."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 7_2026
N_CASES = 40


def _facts(spark):
    rows = [(i % 4 if i % 7 else None, ["x", "y", None, "z"][i % 4], (i * 37 % 11) - 3, float(i % 5) / 2 if i % 6 else None)
            for i in range(24)]
    return spark.createDataFrame(rows, "k int, g string, v int, w double")


def _dims(spark):
    return spark.createDataFrame([(0, "zero"), (1, "one"), (2, "two"), (None, "none"), (2, "deux")], "k int, label string")


def _agg(rng):
    col = rng.choice(["v", "w", "k"])
    return rng.choice([F.sum, F.avg, F.min, F.max, F.count, F.countDistinct])(col)


def _pipeline(rng, spark, facts=_facts, dims=_dims, final_sort=None, agg=_agg):
    df = facts(spark)
    steps = rng.randrange(2, 5)
    grouped = False
    for _ in range(steps):
        choice = rng.randrange(6)
        if choice == 0:
            df = df.filter(rng.choice([F.col("v") > rng.randrange(-3, 6), F.col("g").isNotNull(), F.col("w") < 1.5,
                                       F.col("k").isin(0, 2)]))
        elif choice == 1 and not grouped:
            df = df.withColumn("vw", F.col("v") * F.coalesce(F.col("w"), F.lit(1.0)))
        elif choice == 2 and not grouped:
            keys = rng.sample(["k", "g"], rng.randrange(1, 3))
            df = df.groupBy(*keys).agg(*[agg(rng) for _ in range(rng.randrange(1, 3))])
            grouped = True
        elif choice == 3 and not grouped and "k" in df.columns:
            df = df.join(dims(spark), "k", rng.choice(["inner", "left", "full", "left_anti", "left_semi"]))
        else:
            # dropDuplicates(subset) keeps an unspecified row per key: not comparable.
            df = df.distinct() if choice == 4 else df.dropDuplicates()
    if final_sort is not None:
        return final_sort(df)
    return df.orderBy(*[F.col(c).asc_nulls_first() for c in df.columns])


def _make(i):
    def run(spark):
        return _pipeline(random.Random(SEED + i), spark)

    run.__name__ = f"random_pipeline_{i:02d}"
    return run


for _i in range(N_CASES):
    case(_make(_i))


# --- edge values (issue 15) -------------------------------------------------------------------------
# The same pipelines over facts and dimensions keyed by a double holding NaN, -0.0,
# 0.0 and +-Inf (grouping, distinct and join keys), with NaN, -0.0 and infinities in `w`,
# empty and non-BMP strings in `g` and the int bounds in `v`.

NAN, INF = float("nan"), float("inf")


def _edge_facts(spark):
    keys = [0.0, -0.0, NAN, 1.0, None, INF, 2.0, -0.0]
    groups = ["x", "", None, "😀", "e\u0301", "x"]
    ints = [3, -2, 2**31 - 1, 0, -2**31, 5, None, 7]
    floats = [0.5, NAN, None, -0.0, INF, 1.0, -INF, 2.5, -0.0]
    rows = [(keys[i % 8], groups[i % 6], ints[(i * 3) % 8], floats[i % 9]) for i in range(24)]
    return spark.createDataFrame(rows, "k double, g string, v int, w double")


def _edge_dims(spark):
    return spark.createDataFrame([(0.0, "zero"), (-0.0, "minus zero"), (NAN, "nan"), (None, "none"), (2.0, "two"),
                                  (INF, "inf"), (NAN, "nan again")], "k double, label string")


def _total_sort(df):
    # Spark sorts -0.0 and 0.0 as equal: their text breaks the tie.
    keys = [F.col(c).asc_nulls_first() for c in df.columns]
    keys += [F.col(f.name).cast("string") for f in df.schema.fields if f.dataType.simpleString() == "double"]
    return df.orderBy(*keys)


def _edge_agg(rng):
    # min/max keep whichever of -0.0 and 0.0 comes first (equal in Spark's order),
    # and joins reorder rows: they read `w` (whose only zero is -0.0), never `k`.
    fn = rng.choice([F.sum, F.avg, F.min, F.max, F.count, F.countDistinct])
    col = rng.choice(["v", "w"] if fn in (F.min, F.max) else ["v", "w", "k"])
    return fn(col)


def _make_edges(i):
    def run(spark):
        return _pipeline(random.Random(SEED + 5000 + i), spark, _edge_facts, _edge_dims, _total_sort, _edge_agg)

    run.__name__ = f"random_pipeline_edges_{i:02d}"
    return run


for _i in range(25):
    case(_make_edges(_i))
