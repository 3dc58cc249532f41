"""Seeded random compositions of map_from_arrays, map_from_entries, map_concat,
transform_keys, str_to_map, arrays_zip and array_insert over random arrays holding
NULL, NaN, +-Infinity, extreme integers, empty arrays, NULL arrays, empty strings
and unicode outside the BMP. Maps are built from distinct keys (or with LAST_WIN)
and shown through map_entries, which keeps Spark's entry order (a collected map is
a dict in the JVM's hash order). Outputs are ordered by a row id."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 4_2024
NAN = float("nan")
INF = float("inf")
LAST_WIN = {"spark.sql.mapKeyDedupPolicy": "LAST_WIN"}

_INTS = [0, 1, -1, 2, 7, -2147483648, 2147483647, None]
_DOUBLES = [1.5, -2.25, NAN, INF, -INF, 0.0, None]
_STRINGS = ["a", "", "abc", "😀", "é", "k:v", "x,y", None]


def _array(rng, pool, distinct=False):
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.2:
        return []
    items = [rng.choice(pool) for _ in range(rng.randint(1, 5))]
    if distinct:
        items = list(dict.fromkeys(x for x in items if x is not None)) or [pool[0]]
    return items


def _frame(spark, rng, rows=12):
    data = []
    for i in range(rows):
        keys = _array(rng, _INTS, distinct=True)
        values = None if keys is None else [rng.choice(_STRINGS) for _ in keys]
        text = ",".join(f"{rng.choice('abcde')}{j}:{rng.choice(['1', '', '😀'])}" for j in range(rng.randint(0, 4)))
        data.append((i, keys, values, _array(rng, _DOUBLES), _array(rng, _STRINGS), rng.choice([text, None, ""]), rng.choice([1, 2, -1, -3, 5])))
    return spark.createDataFrame(data, "id int, k array<int>, v array<string>, d array<double>, s array<string>, t string, p int")


def _map_expr(rng):
    pick = rng.randrange(4)
    if pick == 0:
        m = F.map_from_arrays("k", "v")
    elif pick == 1:
        m = F.map_from_entries(F.arrays_zip("k", "v"))
    elif pick == 2:
        m = F.str_to_map("t")
    else:
        m = F.map_concat(F.map_from_arrays("k", "v"), F.create_map(F.lit(99), F.lit("z")))
    if rng.random() < 0.5 and pick != 2:
        m = F.transform_keys(m, lambda key, value: key.cast("bigint") * 2 + 1)
    elif rng.random() < 0.5:
        m = F.transform_keys(m, lambda key, value: F.concat(key.cast("string"), F.lit("#")))
    return m


def _array_expr(rng):
    pick = rng.randrange(4)
    col = rng.choice(["d", "s", "k"])
    if pick == 0:
        return F.array_insert(col, rng.choice([1, 2, -1, -2, 4, -6]), F.lit(None))
    if pick == 1:
        return F.array_insert(col, "p", F.get(col, 0))
    if pick == 2:
        # Two arrays of one name would give a struct with two fields of that name,
        # which Polars cannot hold (docs/semantics.md).
        return F.arrays_zip(col, rng.choice([c for c in ["d", "s", "k"] if c != col]))
    return F.size(F.arrays_zip("k", "v", "d"))


def _case(seed):
    def build(spark):
        rng = random.Random(seed)
        df = _frame(spark, rng)
        cols = [F.map_entries(_map_expr(rng)).alias(f"m{j}") for j in range(2)]
        cols += [_array_expr(rng).alias(f"a{j}") for j in range(3)]
        return df.select("id", *cols).orderBy("id")

    return build


for _n in range(8):
    _f = _case(SEED + _n)
    _f.__name__ = f"random_maps_{_n}"
    globals()[_f.__name__] = case(conf=LAST_WIN)(_f) if _n % 2 else case(_f)
