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


def _pipeline(rng, spark):
    df = _facts(spark)
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
            df = df.groupBy(*keys).agg(*[_agg(rng) for _ in range(rng.randrange(1, 3))])
            grouped = True
        elif choice == 3 and not grouped and "k" in df.columns:
            df = df.join(_dims(spark), "k", rng.choice(["inner", "left", "full", "left_anti", "left_semi"]))
        else:
            # dropDuplicates(subset) keeps an unspecified row per key: not comparable.
            df = df.distinct() if choice == 4 else df.dropDuplicates()
    return df.orderBy(*[F.col(c).asc_nulls_first() for c in df.columns])


def _make(i):
    def run(spark):
        return _pipeline(random.Random(SEED + i), spark)

    run.__name__ = f"random_pipeline_{i:02d}"
    return run


for _i in range(N_CASES):
    case(_make(_i))
