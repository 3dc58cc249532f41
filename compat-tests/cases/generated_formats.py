"""Seeded random compositions of the CSV and JSON text functions (issue 7): random
rows of typed values (NULL, NaN, ±Inf, -0.0, extreme integers, empty strings,
unicode, quotes, separators) written with to_csv and read back with from_csv under
random schemas, and random JSON objects read by json_tuple."""

import json
import random

from harness import case
from pyspark.sql import functions as F

SEED = 20261202
TEXTS = ["", "a", "a,b", 'q"x', " sp ", "😀", "é", "line\nbr", "back\\slash", "1", "-0", "NaN", "true", "2024-01-05"]
INTS = [0, 1, -1, 2147483647, -2147483648, 9223372036854775807, -9223372036854775808]
DOUBLES = [0.0, -0.0, 1.5, -2.25, float("nan"), float("inf"), float("-inf"), 1e300, 5e-324]


def _value(rng, kind):
    if rng.random() < 0.15:
        return None
    if kind == "l":
        return rng.choice(INTS)
    if kind == "d":
        return rng.choice(DOUBLES)
    if kind == "b":
        return rng.random() < 0.5
    return rng.choice(TEXTS)


def _frame(spark, rng, rows=12):
    data = [(i, _value(rng, "l"), _value(rng, "d"), _value(rng, "s"), _value(rng, "b")) for i in range(rows)]
    return spark.createDataFrame(data, "k int, l bigint, d double, s string, b boolean")


READ_TYPES = ["INT", "BIGINT", "DOUBLE", "STRING", "BOOLEAN", "DECIMAL(20,2)", "FLOAT", "DATE", "SMALLINT"]


def _make(n):
    def run(spark):
        rng = random.Random(SEED + n)
        df = _frame(spark, rng)
        cols = rng.sample(["l", "d", "s", "b"], rng.randint(1, 4))
        schema = ", ".join(f"f{i} {rng.choice(READ_TYPES)}" for i in range(rng.randint(1, len(cols) + 1)))
        line = F.to_csv(F.struct(*cols)).alias("line")
        return df.select("k", line).select("k", "line", F.from_csv("line", schema).alias("back")).orderBy("k")

    run.__name__ = f"csv_round_trip_{n}"
    return run


for _n in range(8):
    case(_make(_n))


def _json_make(n):
    def run(spark):
        rng = random.Random(SEED * 7 + n)
        keys = ["a", "b", "", "😀", "a b"]
        rows = []
        for i in range(10):
            if rng.random() < 0.1:
                rows.append((i, None))
                continue
            obj = {k: _value(rng, rng.choice("ldsb")) for k in rng.sample(keys, rng.randint(0, len(keys)))}
            obj = {k: (v if not (isinstance(v, float) and (v != v or v in (float("inf"), float("-inf")))) else str(v)) for k, v in obj.items()}
            rows.append((i, json.dumps(obj, ensure_ascii=rng.random() < 0.5)))
        df = spark.createDataFrame(rows, "k int, j string")
        fields = rng.sample(keys + ["missing"], rng.randint(1, 4))
        return df.select("k", F.json_tuple("j", *fields)).orderBy("k")

    run.__name__ = f"json_tuple_random_{n}"
    return run


for _n in range(6):
    case(_json_make(_n))
