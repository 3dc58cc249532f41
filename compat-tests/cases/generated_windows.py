"""Random window expressions over random frames (seeded): partitions keyed by strings
or integers with NULL keys and partitions a filter empties, ORDER BY keys with ties,
NULLs and NaN (ascending or descending, NULLs first or last), ROWS frames of random
offsets and unbounded ends, RANGE frames over integer and double keys, and the
functions over them: ranking, lag/lead with defaults, nth_value/first/last with and
without ignoring NULLs, count/sum/avg/min/max over integers, doubles (NaN, +-Inf),
decimals, strings (empty, emoji) and dates; several specs per select.

Determinism: functions whose value depends on the order of peers (row_number, ntile,
lag/lead, nth_value/first/last, any ROWS frame) get `id` as their last ORDER BY
key; doubles are exact binary fractions of small magnitude (sums do not depend on
the order of additions); no -0.0 among values (Spark's min/max of -0.0 and 0.0
depend on which it sees first)."""

import datetime
import decimal
import random

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

SEED = 8_0008
LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal
CASES = 40

_DOUBLES = [1.5, -2.25, 3.0, 0.5, 12.125, -7.75, 100.0, NAN, INF, -INF]
_STRINGS = ["a", "abc", "", "😀", "ß", "Zz", "a😀b", "𝔘𝔫"]
_DATES = [datetime.date(2024, 1, 1), datetime.date(2024, 1, 3), datetime.date(1970, 1, 1), datetime.date(2000, 2, 29),
          datetime.date(9999, 12, 31)]
_SCHEMA = ("id int, p string, q int, o int, od double, x int, l bigint, v double, m decimal(9,2), s string, "
           "d date")


def _maybe(rng, values, null=0.2):
    return None if rng.random() < null else rng.choice(values)


def _rows(rng):
    n = rng.randint(8, 30)
    parts = rng.sample(["a", "b", "c", "d", None], rng.randint(1, 4))
    rows = []
    for i in range(n):
        rows.append((
            i + 1,
            rng.choice(parts),
            _maybe(rng, [0, 1, 2]),
            _maybe(rng, list(range(-3, 6)), 0.15),
            _maybe(rng, [0.5, 1.0, 1.5, 2.5, 4.0, NAN, -1.0, INF, -INF], 0.15),
            _maybe(rng, list(range(-5, 10))),
            _maybe(rng, [10, -20, 300, 4000, 7]),
            _maybe(rng, _DOUBLES),
            _maybe(rng, [D("1.50"), D("-2.25"), D("0.01"), D("12345.67"), D("0.00")]),
            _maybe(rng, _STRINGS),
            _maybe(rng, _DATES),
        ))
    return rows


_ORDER_KEYS = ["o", "od", "x", "s", "d", "q"]


def _sort(rng, name):
    c = F.col(name)
    return rng.choice([c, c.asc(), c.desc(), c.asc_nulls_last(), c.desc_nulls_first(), c.desc_nulls_last()])


def _bound(rng, low):
    r = rng.random()
    if r < 0.2:
        return W.unboundedPreceding if low else W.unboundedFollowing
    if r < 0.35:
        return W.currentRow
    return rng.randint(-3, 3)


def _frame(rng, spec, range_key):
    """A random frame on `spec`: None (Spark's default), ROWS or RANGE (when the one
    ORDER BY key is a number)."""
    r = rng.random()
    if r < 0.3:
        return spec, False
    a, b = _bound(rng, True), _bound(rng, False)
    if a > b:
        a, b = b, a
    if range_key and r < 0.6:
        return spec.rangeBetween(a, b), False
    return spec.rowsBetween(a, b), True


def _spec(rng):
    """A random spec: partition keys, ORDER BY keys (or none), and whether the order
    is total (ends in `id`)."""
    parts = rng.choice([[], ["p"], ["p"], ["q"], ["p", "q"]])
    keys = rng.sample(_ORDER_KEYS, rng.choice([0, 1, 1, 1, 2]))
    return parts, [_sort(rng, k) for k in keys], keys


def _window(parts, sorts, total):
    w = W.partitionBy(*parts)
    order = list(sorts) + ([F.col("id")] if total else [])
    return w.orderBy(*order) if order else w


_VALUE_COLS = {"x": "int", "l": "bigint", "v": "double", "m": "decimal", "s": "string", "d": "date"}
_DEFAULTS = {"x": [0, -1, 99], "l": [0, 5], "v": [0.5, -1.0], "m": [D("0.10")], "s": ["none", ""],
             "d": [datetime.date(2020, 1, 1)]}


def _expr(rng):
    parts, sorts, keys = _spec(rng)
    kind = rng.choice(["rank", "offset", "nth", "firstlast", "agg", "agg", "agg", "count"])
    col = rng.choice(list(_VALUE_COLS))
    numeric = _VALUE_COLS[col] in ("int", "bigint", "double", "decimal")
    if kind == "rank":
        name = rng.choice(["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile"])
        f = F.ntile(rng.randint(1, 5)) if name == "ntile" else getattr(F, name)()
        if not sorts:
            sorts = [_sort(rng, "o")]
        # Ranks of peers agree; row numbers and tiles need a total order.
        return f.over(_window(parts, sorts, name in ("row_number", "ntile")))
    if kind == "offset":
        if not sorts and rng.random() < 0.5:
            sorts = [_sort(rng, "o")]
        fn = rng.choice([F.lag, F.lead])
        offset = rng.choice([1, 1, 2, 3, -1, 0])
        args = [col, offset] + ([rng.choice(_DEFAULTS[col])] if rng.random() < 0.5 else [])
        return fn(*args).over(_window(parts, sorts, True))
    single_number = len(keys) == 1 and keys[0] in ("o", "od", "x", "q")
    spec = _window(parts, sorts, False)
    framed, rows = _frame(rng, spec, single_number)
    if rows or kind in ("nth", "firstlast"):
        # Values read at positions: a total order.
        spec = _window(parts, sorts, True)
        framed, _ = _frame(rng, spec, False)
    if kind == "nth":
        return F.nth_value(col, rng.randint(1, 3), rng.random() < 0.5).over(framed)
    if kind == "firstlast":
        return rng.choice([F.first, F.last])(col, rng.random() < 0.5).over(framed)
    if kind == "count":
        return rng.choice([F.count(col), F.count("*"), F.count(F.lit(1))]).over(framed)
    fns = [F.min, F.max] + ([F.sum, F.avg] if numeric else [])
    return rng.choice(fns)(col).over(framed)


def _make(i):
    def run(spark):
        # Built when run (functions need a session), from the case's own seed.
        rng = random.Random(SEED + i)
        rows = _rows(rng)
        exprs = [_expr(rng) for _ in range(rng.randint(3, 6))]
        df = spark.createDataFrame(rows, _SCHEMA)
        if rng.random() < 0.2:
            # A partition that a filter empties, and rows removed from the others.
            df = df.filter((F.col("p") != "a") | F.col("p").isNull()).filter(F.col("id") % 5 != 0)
        return df.select("id", *[e.alias(f"w{j}") for j, e in enumerate(exprs)]).orderBy("id")

    run.__name__ = f"generated_windows_{i:02d}"
    # A quarter with ANSI off (lag defaults and sums are typed and checked alike).
    case(run, conf=LEGACY if random.Random(-SEED - i).random() < 0.25 else None)


for _i in range(CASES):
    _make(_i)
