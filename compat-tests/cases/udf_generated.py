"""Seeded random compositions of Python UDFs with built-in functions, over typed
random data with NULL, NaN, +-Infinity, -0.0, extreme integers, empty strings and
unicode outside the BMP. The UDFs are module-level (PySpark pickles them by
reference), total on every value drawn, and their results are ordered by row id."""

import random

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType
from pyspark.sql.functions import udf

SEED = 11_0011
NAN = float("nan")
INF = float("inf")

_LONGS = [0, 1, -1, 7, 2 ** 62, -2 ** 63, 2 ** 63 - 1, 123456789, None]
_DOUBLES = [0.0, -0.0, 1.5, -2.25, NAN, INF, -INF, 1e300, None]
_STRINGS = ["", "a", "abc", "😀x", "日本語", "a b", "ß", None]


@udf(LongType())
def u_clamp(x):
    return None if x is None else max(-1000, min(1000, x))


@udf(StringType())
def u_text(x):
    return None if x is None else repr(x)


@udf(DoubleType())
def u_half(x):
    return None if x is None else x / 2.0


@udf(LongType())
def u_len(s):
    return None if s is None else len(s)


@udf(BooleanType())
def u_is_big(x):
    return None if x is None else abs(x) > 100


@udf(StringType())
def u_join(s, x):
    return f"{s}|{x}"


def _frame(spark, rng, n):
    rows = [(i, rng.choice(_LONGS), rng.choice(_DOUBLES), rng.choice(_STRINGS)) for i in range(n)]
    return spark.createDataFrame(rows, "rid int, l bigint, d double, s string")


def _expression(rng, depth):
    """A random expression mixing UDFs and built-in functions."""
    leaves = [F.col("l"), F.col("d"), F.col("s")]
    if depth == 0:
        return rng.choice(leaves)
    kind = rng.choice(["clamp", "text", "half", "len", "big", "join", "builtin"])
    inner = _expression(rng, depth - 1)
    if kind == "clamp":
        return u_clamp(F.col("l") if rng.random() < 0.5 else F.length(_as_string(inner)).cast("bigint"))
    if kind == "text":
        return u_text(inner)
    if kind == "half":
        return u_half(F.col("d") if rng.random() < 0.5 else u_clamp("l").cast("double"))
    if kind == "len":
        return u_len(_as_string(inner))
    if kind == "big":
        return u_is_big(u_clamp("l"))
    if kind == "join":
        return u_join(_as_string(inner), u_clamp("l"))
    return F.upper(_as_string(inner))


def _as_string(e):
    return u_text(e)


for _i in range(8):
    def _make(i):
        def generated(spark):
            rng = random.Random(SEED + i)
            df = _frame(spark, rng, 12)
            exprs = [_expression(rng, rng.randint(1, 3)).alias(f"e{j}") for j in range(3)]
            out = df.select("rid", *exprs)
            if rng.random() < 0.5:
                out = out.filter(u_is_big(u_clamp("rid")).isNull() | (F.col("rid") % 2 == 0))
            return out.orderBy("rid")
        generated.__name__ = f"generated_{i}"
        return generated
    case(_make(_i))
