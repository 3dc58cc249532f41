"""Randomly composed grouping aggregations (fixed seed): rollup, cube, groupingSets and
groupBy().pivot() over typed random data with NULL, NaN, ±Inf, -0.0, extreme integers,
empty strings and unicode outside the BMP, with sum/avg/min/max/count aggregates,
grouping()/grouping_id() and agg(dict)."""

import decimal
import random

from harness import case
from pyspark.sql import functions as F

SEED = 8080
N_CASES = 48
KEYS = ["s", "i", "b", "d"]
SUMMABLE = ["i", "d", "m"]
ANY = ["s", "i", "b", "d", "m", "x"]

STRINGS = ["a", "", "😀", "b", None, "Ä"]
# -0.0 without 0.0: min/max keep whichever of them comes first, an order Spark does not fix.
DOUBLES = [1.5, -0.0, float("nan"), float("inf"), float("-inf"), None, 2.5]
EXTREMES = [9223372036854775807, -9223372036854775808, 0, None, 42]


def _frame(spark, rng_seed):
    rng = random.Random(rng_seed)
    rows = []
    for _ in range(rng.randrange(0, 14)):
        rows.append((
            rng.choice(STRINGS),
            rng.choice([1, 2, -1, None, 2147483647, -2147483648]),
            rng.choice([True, False, None]),
            rng.choice(DOUBLES),
            rng.choice([decimal.Decimal("1.25"), decimal.Decimal("-3.50"), None, decimal.Decimal("99999.99")]),
            rng.choice(EXTREMES),
        ))
    return spark.createDataFrame(rows, "s string, i int, b boolean, d double, m decimal(7,2), x bigint")


def _aggregate(rng, keys, grouping_ok):
    kind = rng.randrange(8 if grouping_ok else 6)
    if kind == 0:
        return F.sum(rng.choice(SUMMABLE))
    if kind == 1:
        return F.avg(rng.choice(SUMMABLE))
    if kind == 2:
        return F.min(rng.choice(ANY))
    if kind == 3:
        return F.max(rng.choice(ANY))
    if kind == 4:
        return F.count(rng.choice(ANY + ["*"]))
    if kind == 5:
        return (F.count("*") + F.sum(F.col(rng.choice(["i", "m"])) * 2)).alias(f"e{rng.randrange(100)}")
    if kind == 6:
        return F.grouping(rng.choice(keys))
    return F.grouping_id()


def _distinct_names(aggs):
    """Aggregates that would share a column name get their own (a sort by them would be ambiguous)."""
    seen, out = set(), []
    for j, a in enumerate(aggs):
        if str(a) in seen:
            a = a.alias(f"a{j}")
        seen.add(str(a))
        out.append(a)
    return out


def _ordered(df):
    return df.orderBy(*[F.col(f"`{c}`").asc_nulls_first() for c in df.columns])


def _make(n):
    def run(spark):
        rng = random.Random(SEED + n)
        df = _frame(spark, SEED * 7 + n)
        keys = rng.sample(KEYS, rng.randrange(1, 4))
        kind = rng.choice(["rollup", "cube", "sets", "pivot", "dict"])
        if kind == "pivot":
            pivot = rng.choice([c for c in ["s", "b", "i"] if c not in keys[:1]])
            grouped = df.groupBy(keys[0])
            if rng.random() < 0.5:
                values = {"s": ["a", "", "😀", None, "zz"], "b": [True, None], "i": [1, -1, 7]}[pivot]
                grouped = grouped.pivot(pivot, rng.sample(values, rng.randrange(1, len(values) + 1)))
            else:
                grouped = grouped.pivot(pivot)
            aggs = [_aggregate(rng, keys, False) for _ in range(rng.randrange(1, 3))]
            return _ordered(grouped.agg(*_distinct_names(aggs)))
        if kind == "dict":
            spec = {c: rng.choice(["max", "min", "count", "avg", "sum"] if c in SUMMABLE else ["max", "min", "count"])
                    for c in rng.sample(ANY, rng.randrange(1, 4))}
            grouped = rng.choice([df.rollup, df.cube])(*keys)
            return _ordered(grouped.agg(spec))
        if kind == "sets":
            sets = [rng.sample(keys, rng.randrange(0, len(keys) + 1)) for _ in range(rng.randrange(1, 4))]
            grouped = df.groupingSets(sets, *keys)
        else:
            grouped = getattr(df, kind)(*keys)
        aggs = [_aggregate(rng, keys, True) for _ in range(rng.randrange(1, 4))]
        return _ordered(grouped.agg(*_distinct_names(aggs)))

    run.__name__ = f"random_grouping_{n:02d}"
    return run


for _n in range(N_CASES):
    case(_make(_n))
