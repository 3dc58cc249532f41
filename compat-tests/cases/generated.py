"""Randomly composed expressions (fixed seed): many combinations of operators,
functions, casts and nulls that no one would write by hand, checked against PySpark
like every other case. The generator is deterministic, so both sides see the same."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 20261123
N_CASES = 60


def _frame(spark):
    return spark.createDataFrame(
        [(1, -2, 2.5, "abc", True, None), (0, 7, -0.5, "", False, "x"), (None, 3, None, " Hi ", None, "yy"),
         (5, None, 10.0, None, True, None)],
        "a int, b int, d double, s string, f boolean, n string")


INT_COLS = ["a", "b"]

# Literal pools; the edge cases below swap in pools with NaN, +-Inf, -0.0 and unicode.
_LITS = {"num": [0, 1, 2, -3, 100], "str": ["a", "", "Zz"], "prefix": ["a", " ", "x"]}


def _num(rng, depth):
    choice = rng.randrange(7 if depth < 2 else 3)
    if choice == 0:
        return F.col(rng.choice(INT_COLS))
    if choice == 1:
        return F.col("d")
    if choice == 2:
        return F.lit(rng.choice(_LITS["num"]))
    if choice == 3:
        op = rng.choice(["+", "-", "*", "/", "%"])
        left, right = _num(rng, depth + 1), _num(rng, depth + 1)
        return {"+": left + right, "-": left - right, "*": left * right, "/": left / right, "%": left % right}[op]
    if choice == 4:
        return F.when(_bool(rng, depth + 1), _num(rng, depth + 1)).otherwise(_num(rng, depth + 1))
    if choice == 5:
        return rng.choice([F.abs, lambda c: F.round(c, 1), lambda c: F.coalesce(c, F.lit(0))])(_num(rng, depth + 1))
    return _num(rng, depth + 1).cast(rng.choice(["long", "double", "int"]))


def _str(rng, depth):
    choice = rng.randrange(5 if depth < 2 else 2)
    if choice == 0:
        return F.col(rng.choice(["s", "n"]))
    if choice == 1:
        return F.lit(rng.choice(_LITS["str"]))
    if choice == 2:
        return rng.choice([F.upper, F.lower, F.trim])(_str(rng, depth + 1))
    if choice == 3:
        return F.concat(_str(rng, depth + 1), _str(rng, depth + 1))
    return F.substring(_str(rng, depth + 1), rng.choice([-2, 0, 1, 2]), rng.choice([1, 3]))


def _bool(rng, depth):
    choice = rng.randrange(6 if depth < 2 else 3)
    if choice == 0:
        return F.col("f")
    if choice == 1:
        return _num(rng, depth + 1) > _num(rng, depth + 1)
    if choice == 2:
        return F.col(rng.choice(["s", "n", "a", "d"])).isNull()
    if choice == 3:
        return _bool(rng, depth + 1) & _bool(rng, depth + 1)
    if choice == 4:
        return ~_bool(rng, depth + 1) | _bool(rng, depth + 1)
    return _str(rng, depth + 1).startswith(rng.choice(_LITS["prefix"]))


def _expr(rng):
    return rng.choice([_num, _str, _bool])(rng, 0)


def _make(i):
    def run(spark):
        rng = random.Random(SEED + i)
        exprs = [_expr(rng) for _ in range(3)]
        return _frame(spark).select(*exprs)

    run.__name__ = f"random_select_{i:02d}"
    return run


def _make_legacy(i):
    def run(spark):
        rng = random.Random(SEED + 1000 + i)
        return _frame(spark).select(*[_expr(rng) for _ in range(3)])

    run.__name__ = f"random_select_legacy_{i:02d}"
    return run


for _i in range(N_CASES):
    case(_make(_i))
for _i in range(N_CASES // 3):
    case(_make_legacy(_i), conf={"spark.sql.ansi.enabled": "false"})


# --- edge values (issue 15) -------------------------------------------------------------------------
# The same expression generator over a frame of edge values: NaN, +-Inf, -0.0 and
# 0.0 in the double column, empty and non-BMP strings; in every fourth case (every
# third in legacy mode) a row with the int bounds and the largest double too, so
# overflow shows up without making most cases errors.

NAN, INF = float("nan"), float("inf")
EDGE_LITS = {"num": [0, 1, -3, NAN, INF, -INF, -0.0, 2.5], "str": ["a", "", "😀", "e\u0301"],
             "prefix": ["a", " ", "😀", ""]}


def _edge_frame(spark, extremes):
    rows = [(1, -2, 2.5, "abc", True, None), (0, 7, -0.0, "", False, "x"), (None, 3, NAN, "😀", None, "e\u0301"),
            (5, None, INF, None, True, ""), (-1, 0, 0.0, "a😀b", False, " "), (2, -3, -INF, "ß", None, "𝔘𝔫")]
    if extremes:
        rows.append((2147483647, -2147483648, 1.7976931348623157e308, "Zz", True, "yy"))
    return spark.createDataFrame(rows, "a int, b int, d double, s string, f boolean, n string")


def _edge_select(rng, spark, extremes):
    saved = dict(_LITS)
    _LITS.update(EDGE_LITS)
    try:
        exprs = [_expr(rng) for _ in range(3)]
    finally:
        _LITS.update(saved)
    return _edge_frame(spark, extremes).select(*exprs)


def _make_edges(i, legacy):
    extremes = i % 3 == 2 if legacy else i % 4 == 3

    def run(spark):
        return _edge_select(random.Random(SEED + (3000 if legacy else 2000) + i), spark, extremes)

    run.__name__ = f"random_select_edges_{'legacy_' if legacy else ''}{i:02d}"
    return run


for _i in range(30):
    case(_make_edges(_i, False))
for _i in range(15):
    case(_make_edges(_i, True), conf={"spark.sql.ansi.enabled": "false"})
