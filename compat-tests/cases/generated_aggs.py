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


# --- edge values (issue 15) -------------------------------------------------------------------------
# The same aggregations over a frame of edge values, grouped also by the doubles
# (`z` has NaN, -0.0 and 0.0 as keys; `d`, which min/max may read, has only -0.0,
# since min/max keep whichever of -0.0 and 0.0 comes first), decimal and date columns. Every fourth case puts
# the int bounds in `i` and bigint max in `l` (the other `l` values are not
# positive, so no summation order overflows on the way; `sum(l * 2)` does, row by row).

NAN, INF = float("nan"), float("inf")


def _edge_frame(spark, extremes):
    rows = []
    for n in range(12):
        rows.append((
            [0, 1, -1, None, 2][n % 5],
            [-3, 0, None, -40, -1, -7][n % 6],
            [NAN, -0.0, -0.0, INF, None, -INF, 1.5, NAN, -0.0, 8.0, None, -0.25][n],
            ["", "😀", None, "e\u0301", "a", "", "𝔘", "ß", "a😀b", None, " ", "😀"][n],
            [True, False, None][n % 3],
            [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), None, datetime.date(1970, 1, 1)][n % 4],
            [decimal.Decimal("999999.99"), decimal.Decimal("-999999.99"), decimal.Decimal("0.00"), None,
             decimal.Decimal("0.01")][n % 5],
            None,
            [-0.0, 0.0, NAN, None, 0.0, NAN, -0.0, 1.0, INF, 0.0, -0.0, None][n],
        ))
    if extremes:
        rows[3] = (2**31 - 1, 2**63 - 1) + rows[3][2:]
        rows[8] = (-2**31, None) + rows[8][2:]
    return spark.createDataFrame(rows, "i int, l long, d double, s string, b boolean, dt date, m decimal(8,2), e string, "
                                       "z double")


def _total_sort(df):
    keys = [F.col(f"`{f.name}`").asc_nulls_first() for f in df.schema.fields]
    keys += [F.col(f"`{f.name}`").cast("string") for f in df.schema.fields if f.dataType.simpleString() == "double"]
    return df.orderBy(*keys)


def _make_edges(i):
    def run(spark):
        rng = random.Random(SEED + 5000 + i)
        df = _edge_frame(spark, i % 4 == 3)
        aggs = []
        for _ in range(rng.randrange(1, 4)):
            a = _agg(rng)
            if all(repr(a) != repr(x) for x in aggs):  # the same aggregate twice is an ambiguous name
                aggs.append(a)
        if rng.random() < 0.25:
            return df.agg(*aggs)
        keys = rng.sample(["i", "s", "b", "d", "z", "m", "dt"], rng.randrange(1, 3))
        return _total_sort(df.groupBy(*keys).agg(*aggs))

    run.__name__ = f"random_agg_edges_{i:02d}"
    return run


for _i in range(25):
    case(_make_edges(_i))
