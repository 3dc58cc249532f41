"""Random compositions of the math, bitwise, conditional and hash functions over
random typed frames whose values include NULL, NaN, +-Infinity, -0.0, integers at
their type's bounds, decimals, numeric and junk strings, empty and non-BMP strings,
binaries and dates.

Fixed seeds, so both engines see the same frames and expressions. Three profiles:
"plain" (small values; ANSI on), "extremes" (type bounds in some rows: overflow
errors under ANSI are observations too) and "legacy" (extremes with ANSI off, where
Spark wraps or returns NULL, and junk strings read as numbers give NULL). Rows are
ordered by a unique id. Transcendental results are compared as rows (to 1e-9
relative), not as show() text: the last bit of a libm function may differ from the
JVM's on some inputs."""

import datetime
import decimal
import random

from harness import case
from pyspark.sql import functions as F

SEED = 7_0077
LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal

INTS = ["tinyint", "smallint", "int", "bigint"]
FLOATS = ["float", "double"]
DECIMALS = ["decimal(10,2)", "decimal(38,18)"]
NUMERIC = INTS + FLOATS + DECIMALS
TYPES = NUMERIC + ["string", "binary", "boolean", "date"]

_BOUNDS = {"tinyint": (-128, 127), "smallint": (-32768, 32767), "int": (-2**31, 2**31 - 1), "bigint": (-2**63, 2**63 - 1),
           "float": (-3.4028234663852886e38, 3.4028234663852886e38), "double": (-1.7976931348623157e308, 1.7976931348623157e308),
           "decimal(10,2)": (D("-99999999.99"), D("99999999.99")),
           "decimal(38,18)": (D("-99999999999999999999.999999999999999999"), D("99999999999999999999.999999999999999999"))}

_ORDINARY = {
    "int": [0, 1, -1, 2, 3, -5, 7, 12],
    "float": [1.5, -2.25, 3.0, 0.5, -7.75, 100.0, 0.125],
    "decimal": [D("1.50"), D("-2.25"), D("0.01"), D("12345.67"), D("0.00"), D("-0.10")],
    "string": ["1", "-2.5", "0", "42", "1e3", " 7 "],
    "binary": [b"a", b"abc", b"\x00", b"\x01\x02", b""],
    "boolean": [True, False],
    "date": [datetime.date(2024, 1, 1), datetime.date(1970, 1, 1), datetime.date(1969, 12, 31)],
}
_SPECIAL = {
    "int": [0, -1],
    "float": [NAN, INF, -INF, -0.0, 0.0],
    "decimal": [D("0.00"), D("-0.01")],
    "string": ["", "😀", "abc", "NaN", "-Infinity", "e\u0301"],
    "binary": [b"\xff", b"\xff\xfe\x00", b"\xe2\x82\xac"],
    "boolean": [True, False],
    "date": [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)],
}


def _kind(t):
    if t in INTS:
        return "int"
    if t in FLOATS:
        return "float"
    if t in DECIMALS:
        return "decimal"
    return t


def _value(rng, t, legacy):
    r = rng.random()
    if r < 0.12:
        return None
    pool = _SPECIAL if r < 0.4 else _ORDINARY
    kind = _kind(t)
    v = rng.choice(pool[kind])
    if kind == "string" and not legacy and pool is _SPECIAL:
        v = rng.choice(["", "NaN", "-Infinity"]) if rng.random() < 0.3 else "1"
        v = v if v != "" else "0"
    if t == "binary":
        return bytearray(v)
    if t == "decimal(10,2)" and v is not None:
        return v.quantize(D("0.01"))
    return v


class Frame:
    def __init__(self, rng, extremes, legacy):
        n_cols = rng.randrange(4, 7)
        self.types = [rng.choice(NUMERIC + NUMERIC + TYPES) for _ in range(n_cols)]
        self.names = [f"c{i}" for i in range(n_cols)]
        n_rows = rng.randrange(6, 11)
        rows = [[i] + [_value(rng, t, legacy) for t in self.types] for i in range(n_rows)]
        if extremes:
            for j, t in enumerate(self.types):
                if t in _BOUNDS and rng.random() < 0.8:
                    rows[rng.randrange(n_rows)][j + 1] = rng.choice(_BOUNDS[t])
        self.rows = [tuple(r) for r in rows]
        self.ddl = ", ".join(["id int"] + [f"{n} {t}" for n, t in zip(self.names, self.types)])

    def df(self, spark):
        return spark.createDataFrame(self.rows, self.ddl)

    def of(self, kinds):
        return [n for n, t in zip(self.names, self.types) if t in kinds]


_UNARY = [F.sqrt, F.cbrt, F.exp, F.expm1, F.ln, F.log10, F.log2, F.log1p, F.sin, F.cos, F.tan, F.asin, F.acos, F.atan,
          F.sinh, F.cosh, F.tanh, F.asinh, F.acosh, F.atanh, F.cot, F.degrees, F.radians, F.rint, F.signum, F.sign]


class Exprs:
    def __init__(self, rng, frame, legacy):
        self.rng, self.f, self.legacy = rng, frame, legacy

    def col(self, kinds, fallback="id"):
        cols = self.f.of(kinds)
        return F.col(self.rng.choice(cols)) if cols else F.col(fallback)

    def lit(self, t):
        return F.lit(_value(self.rng, t, True) if t not in ("int", "double") else
                     self.rng.choice(_ORDINARY[_kind(t)] + _SPECIAL[_kind(t)]))

    def num(self, depth=0):
        rng = self.rng
        choice = rng.randrange(14 if depth < 2 else 2)
        if choice == 0:
            return self.col(NUMERIC + (["string"] if self.legacy else []))
        if choice == 1:
            return self.lit(rng.choice(["int", "double"]))
        if choice == 2:
            return rng.choice(_UNARY)(self.num(depth + 1))
        if choice == 3:
            f = rng.choice([F.pow, F.atan2, F.hypot, lambda a, b: F.log(2.0, a)])
            return f(self.num(depth + 1), self.num(depth + 1))
        if choice == 4:
            return rng.choice([F.greatest, F.least])(self.num(depth + 1), self.num(depth + 1), self.col(NUMERIC))
        if choice == 5:
            f = rng.choice([F.try_add, F.try_subtract, F.try_multiply, F.try_divide, F.try_mod])
            return f(self.num(depth + 1), self.num(depth + 1))
        if choice == 6:
            f = rng.choice([F.round, F.bround, F.ceil, F.floor])
            return f(self.col(NUMERIC), rng.choice([0, 1, 2, -1]))
        if choice == 7:
            f = rng.choice([F.ifnull, F.nullif, F.nvl])
            return f(self.num(depth + 1), self.num(depth + 1))
        if choice == 8:
            return rng.choice([F.zeroifnull, F.nullifzero, F.positive])(self.col(NUMERIC))
        if choice == 9:
            return F.nanvl(self.col(FLOATS, "id").cast("double"), self.num(depth + 1).cast("double"))
        if choice == 10:
            c = self.col(INTS)
            ops = [lambda: F.bitwise_not(c), lambda: c.bitwiseAND(self.col(INTS)), lambda: c.bitwiseXOR(F.lit(5)),
                   lambda: F.shiftleft(c, rng.choice([1, 3, 31, 64])), lambda: F.shiftrightunsigned(c, rng.choice([1, 7])),
                   lambda: F.bit_count(c), lambda: F.bit_get(c, F.lit(rng.choice([0, 1, 6])))]
            return rng.choice(ops)()
        if choice == 11:
            cols = [F.col(n) for n in rng.sample(self.f.names, min(2, len(self.f.names)))]
            return rng.choice([F.hash, F.xxhash64])(*cols)
        if choice == 12:
            if self.legacy:
                return rng.choice([F.abs, F.negative, F.factorial])(self.col(NUMERIC))
            return F.factorial(self.col(["tinyint"], "id"))
        return F.width_bucket(self.num(depth + 1), F.lit(-10.0), F.lit(10.0), rng.choice([1, 3, 5]))

    def str(self, depth=0):
        rng = self.rng
        choice = rng.randrange(5)
        text = self.f.of(["string", "binary"])
        source = F.col(rng.choice(text)) if text else F.lit("x")
        if choice == 0:
            return rng.choice([F.md5, F.sha1, F.crc32])(source)
        if choice == 1:
            return F.sha2(source, rng.choice([0, 224, 256, 384, 512]))
        if choice == 2:
            return F.bin(self.col(INTS))
        if choice == 3:
            return F.conv(self.col(INTS).cast("string"), 10, rng.choice([2, 16, -16, 36]))
        return F.typeof(self.num(depth + 1))

    def bool(self, depth=0):
        rng = self.rng
        choice = rng.randrange(3)
        if choice == 0:
            return F.equal_null(self.num(depth + 1), self.num(depth + 1))
        if choice == 1:
            return F.isnotnull(self.num(depth + 1))
        return self.num(depth + 1) > self.num(depth + 1)

    def any(self):
        return self.rng.choice([self.num, self.num, self.num, self.str, self.bool])()


def _profile(i):
    extremes = i % 4 == 3
    legacy = extremes and i % 8 == 7 or i % 5 == 4
    return extremes, legacy


def _select(rng, spark, extremes, legacy):
    f = Frame(rng, extremes, legacy)
    g = Exprs(rng, f, legacy)
    exprs = [g.any().alias(f"e{k}") for k in range(4)]
    return f.df(spark).select("id", *exprs).orderBy("id")


def _filter(rng, spark, extremes, legacy):
    f = Frame(rng, extremes, legacy)
    g = Exprs(rng, f, legacy)
    return f.df(spark).filter(g.bool()).select("id", g.num().alias("v")).orderBy("id")


_KINDS = {"select": (_select, 48), "filter": (_filter, 16)}

for _k, (_build, _n) in _KINDS.items():
    for _i in range(_n):
        _extremes, _legacy = _profile(_i)

        def _run(spark, i=_i, build=_build, k=_k, extremes=_extremes, legacy=_legacy):
            return build(random.Random(SEED + list(_KINDS).index(k) * 1000 + i), spark, extremes, legacy)

        _run.__name__ = _run.__qualname__ = f"random_math_{_k}_{_i:02d}"
        case(_run, conf=LEGACY if _legacy else None, show=False)
