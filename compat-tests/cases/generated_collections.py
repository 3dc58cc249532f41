"""Seeded random compositions of the array, map, struct and higher-order functions
over random arrays holding NULL, NaN, +-Infinity, empty arrays, NULL arrays,
empty strings and unicode outside the BMP. Integers stay small (no ANSI overflow);
doubles hold no -0.0 (Spark's set functions tell -0.0 from 0.0; fn_struct_access
records that). Outputs are ordered by a row id."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 7_0007
NAN = float("nan")
INF = float("inf")

_INTS = [0, 1, -1, 2, 3, -5, 7, 10, None]
_DOUBLES = [1.5, -2.25, 3.0, 0.5, NAN, INF, -INF, 0.0, None]
_STRINGS = ["a", "", "abc", "B", "😀", "é", "a b", None]


def _array(rng, pool):
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.2:
        return []
    return [rng.choice(pool) for _ in range(rng.randint(1, 5))]


def _frame(spark, rng, rows=12):
    data = [(i, _array(rng, _INTS), _array(rng, _DOUBLES), _array(rng, _STRINGS), rng.choice(_INTS)) for i in range(rows)]
    return spark.createDataFrame(data, "id int, a array<int>, d array<double>, s array<string>, k int")


def _int_body(rng, depth=0):
    """A random int lambda body over x (and k, the outer column)."""
    ops = [lambda x: x + 1, lambda x: x * 2, lambda x: x - F.col("k"), lambda x: F.coalesce(x, F.lit(0)),
           lambda x: F.when(x > 2, x).otherwise(F.lit(-1)), lambda x: F.abs(x), lambda x: x % 3]
    f = rng.choice(ops)
    if depth < 1 and rng.random() < 0.4:
        g = _int_body(rng, depth + 1)
        return lambda x: g(f(x))
    return f


def _int_pred(rng):
    preds = [lambda x: x > 0, lambda x: x.isNull(), lambda x: x % 2 == 0, lambda x: x < F.col("k"), lambda x: x.isin(1, 2, 3)]
    return rng.choice(preds)


def _int_expr(rng):
    """A random int-array expression (array<int>)."""
    base = F.col("a")
    steps = rng.randint(1, 3)
    for _ in range(steps):
        pick = rng.randrange(7)
        if pick == 0:
            base = F.transform(base, _int_body(rng))
        elif pick == 1:
            base = F.filter(base, _int_pred(rng))
        elif pick == 2:
            base = F.sort_array(base, rng.random() < 0.5)
        elif pick == 3:
            base = F.array_distinct(base)
        elif pick == 4:
            base = F.array_remove(base, rng.choice([0, 1, 2, -1]))
        elif pick == 5:
            base = F.array_compact(base)
        else:
            base = F.zip_with(base, F.col("a"), lambda x, y: F.coalesce(x, F.lit(0)) + F.coalesce(y, F.lit(1)))
    return base


def _int_reduce(rng, arr):
    pick = rng.randrange(9)
    return [
        lambda: F.size(arr), lambda: F.array_min(arr), lambda: F.array_max(arr), lambda: F.array_contains(arr, rng.choice([0, 1, 2])),
        lambda: F.array_position(arr, rng.choice([1, 2, 3])), lambda: F.exists(arr, _int_pred(rng)), lambda: F.forall(arr, _int_pred(rng)),
        lambda: F.aggregate(arr, F.lit(0).cast("bigint"), lambda acc, x: acc + F.coalesce(x, F.lit(0)).cast("bigint")),
        lambda: F.get(arr, rng.randint(-1, 4)),
    ][pick]()


def _int_case(seed):
    def run(spark):
        rng = random.Random(seed)
        df = _frame(spark, rng)
        cols = []
        for j in range(4):
            arr = _int_expr(rng)
            cols.append((arr if rng.random() < 0.5 else _int_reduce(rng, arr)).alias(f"c{j}"))
        return df.select("id", *cols).orderBy("id")
    return run


def _double_case(seed):
    def run(spark):
        rng = random.Random(seed)
        df = _frame(spark, rng)
        d = F.col("d")
        exprs = [
            F.transform(d, lambda x: x * 2), F.filter(d, lambda x: F.isnan(x) | (x > 0)), F.sort_array(d, rng.random() < 0.5),
            F.array_distinct(d), F.array_min(d), F.array_max(d), F.array_contains(d, NAN), F.array_position(d, INF),
            F.array_remove(d, NAN), F.exists(d, lambda x: F.isnan(x)), F.forall(d, lambda x: x.isNotNull()),
            F.aggregate(d, F.lit(0.0), lambda acc, x: acc + F.coalesce(x, F.lit(1.0))), F.size(d), F.try_element_at(d, F.lit(rng.choice([1, -1, 3]))),
        ]
        rng.shuffle(exprs)
        return df.select("id", *[e.alias(f"c{j}") for j, e in enumerate(exprs[:5])]).orderBy("id")
    return run


def _string_case(seed):
    def run(spark):
        rng = random.Random(seed)
        df = _frame(spark, rng)
        s = F.col("s")
        exprs = [
            F.transform(s, lambda x: F.upper(x)), F.transform(s, lambda x, i: F.concat(x, i.cast("string"))),
            F.filter(s, lambda x: F.length(x) > 0), F.sort_array(s, rng.random() < 0.5), F.array_distinct(s),
            F.array_join(s, rng.choice([",", "", " | "])), F.array_join(s, "-", "?"), F.array_contains(s, rng.choice(["a", "", "😀"])),
            F.array_min(s), F.array_max(s), F.reduce(s, F.lit(""), lambda acc, x: F.concat(acc, F.coalesce(x, F.lit("_")))),
            F.array_compact(s), F.size(s), F.element_at(F.array(F.lit("z"), F.col("k").cast("string")), 1),
            F.struct(F.size(s).alias("n"), F.array_max(s).alias("m")),
        ]
        rng.shuffle(exprs)
        return df.select("id", *[e.alias(f"c{j}") for j, e in enumerate(exprs[:5])]).orderBy("id")
    return run


def _register(fn, name):
    fn.__name__ = fn.__qualname__ = name
    case(fn)


for _i in range(10):
    _register(_int_case(SEED + _i), f"gen_int_arrays_{_i}")
for _i in range(6):
    _register(_double_case(SEED + 100 + _i), f"gen_double_arrays_{_i}")
for _i in range(6):
    _register(_string_case(SEED + 200 + _i), f"gen_string_arrays_{_i}")
