"""Randomly chosen aggregations (fixed seed) over every foundation type, with
nulls, grouped and global."""

import datetime
import decimal
import random

from harness import case
from pyspark.sql import functions as F

SEED = 424242
N_CASES = 30
COLUMNS = ["i", "l", "d", "s", "b", "dt", "m", "e"]


def _frame(spark):
    rows = []
    for n in range(12):
        rows.append((
            n % 3 if n % 5 else None,
            (n * 1000003) % 97 - 40 if n % 4 else None,
            [1.5, -0.25, None, 8.0, float("nan")][n % 5] if n != 7 else None,
            ["b", "a", None, "c", ""][n % 5],
            [True, False, None][n % 3],
            datetime.date(2024, 1, 1 + n) if n % 6 else None,
            decimal.Decimal(n * 7 % 13) / 4 if n % 3 else None,
            None,
        ))
    return spark.createDataFrame(rows, "i int, l long, d double, s string, b boolean, dt date, m decimal(8,2), e string")


NUMERIC = ["i", "l", "d", "m"]


def _agg(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return F.sum(rng.choice(NUMERIC))
    if kind == 1:
        return F.avg(rng.choice(NUMERIC))
    if kind == 2:
        return rng.choice([F.min, F.max])(rng.choice(COLUMNS))
    if kind == 3:
        return F.count(rng.choice(COLUMNS + ["*"]))
    if kind == 4:
        return F.countDistinct(*rng.sample(COLUMNS, rng.randrange(1, 3)))
    return F.sum(F.col(rng.choice(NUMERIC)) * 2)


def _make(i):
    def run(spark):
        rng = random.Random(SEED + i)
        df = _frame(spark)
        aggs = [_agg(rng) for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.25:
            return df.agg(*aggs)
        keys = rng.sample(["i", "s", "b"], rng.randrange(1, 3))
        return df.groupBy(*keys).agg(*aggs).orderBy(*keys)

    run.__name__ = f"random_agg_{i:02d}"
    return run


for _i in range(N_CASES):
    case(_make(_i))
