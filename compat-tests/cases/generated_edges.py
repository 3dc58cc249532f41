"""Random frames over every column type, with values drawn from the edge domains
(issue 15): NULL, NaN, +-Infinity, +-0.0, integers and decimals at their type's
bounds, empty strings and unicode outside the BMP, binary values. Over them:
random expressions, aggregations (grouped by any type), distinct / dropDuplicates
keys, joins on any key type, sorts and top-k, na.drop / na.fill and unions.

Fixed seeds, so both engines see the same frames and plans. Two profiles:
"specials" (most cases: NaN, +-Inf, -0.0, "", emoji, binary; small integers,
so ANSI arithmetic rarely fails) and "extremes" (a minority: one row per numeric
column holds its type's min or max, so overflow shows up; half of those run with
ANSI off, where Spark wraps or returns NULL instead of failing).

Determinism: floating values are exact binary fractions (sums do not depend on
order); outputs are totally ordered (row ids, or every column and then the text
of floating columns, since Spark sorts -0.0 and 0.0 as equal); operations whose
result depends on summation order at the type bounds are not drawn."""

import datetime
import decimal
import random

from harness import case
from pyspark.sql import functions as F

SEED = 15_0015
LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal

INTS = ["tinyint", "smallint", "int", "bigint"]
FLOATS = ["float", "double"]
DECIMALS = ["decimal(10,2)", "decimal(38,18)"]
NUMERIC = INTS + FLOATS + DECIMALS
TYPES = NUMERIC + ["string", "binary", "boolean", "date"]

_INT_BOUNDS = {"tinyint": (-128, 127), "smallint": (-32768, 32767), "int": (-2**31, 2**31 - 1),
               "bigint": (-2**63, 2**63 - 1)}
_FLOAT_BOUNDS = {"float": (-3.4028234663852886e38, 3.4028234663852886e38), "double": (-1.7976931348623157e308,
                                                                                     1.7976931348623157e308)}
_DEC_BOUNDS = {"decimal(10,2)": ("-99999999.99", "99999999.99"),
               "decimal(38,18)": ("-99999999999999999999.999999999999999999", "99999999999999999999.999999999999999999")}

# Ordinary values: small, exact in float32 and in every integer type (products of
# two stay in tinyint range).
_ORDINARY = {
    "int": [0, 1, -1, 2, 3, -5, 7],
    "float": [1.5, -2.25, 3.0, 0.5, -7.75, 100.0, 12.125],
    "decimal(10,2)": ["1.50", "-2.25", "0.01", "12345.67", "0.00", "-0.10"],
    "decimal(38,18)": ["1.5", "-2.25", "0.000001", "123456789.123456789", "0"],
    "string": ["a", "abc", "B", "a b", "ß", "Zz"],
    "binary": [b"a", b"abc", b"\x00", b"\x01\x02", b"ab"],
    "boolean": [True, False],
    "date": [datetime.date(2024, 1, 1), datetime.date(1970, 1, 1), datetime.date(2000, 2, 29), datetime.date(1969, 12, 31)],
}
# Special values: never an error by themselves in ANSI mode.
_SPECIAL = {
    "int": [0, -1],
    "float": [NAN, INF, -INF, -0.0, 0.0],
    "decimal(10,2)": ["0.00", "-0.01"],
    "decimal(38,18)": ["0", "-0.000001"],
    "string": ["", " ", "😀", "e\u0301", "𝔘𝔫", "👍🏽", "a😀b", "\u00a0"],
    "binary": [b"", b"\xff", b"\xff\xfe\x00", b"\xe2\x82\xac"],
    "boolean": [True, False],
    "date": [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)],
}


def _kind(t):
    if t in INTS:
        return "int"
    if t in FLOATS:
        return "float"
    return t


def _python(t, v):
    if v is None:
        return None
    if t in DECIMALS:
        return D(v)
    if t == "binary":
        return bytearray(v)
    return v


def _value(rng, t, zeros="both"):
    r = rng.random()
    if r < 0.12:
        return None
    pool = _SPECIAL if r < 0.45 else _ORDINARY
    v = _python(t, rng.choice(pool[_kind(t)]))
    if t in FLOATS and v == 0.0 and zeros != "both":
        v = -0.0 if zeros == "neg" else 0.0
    return v


def _extreme(rng, t):
    if t in INTS:
        return rng.choice(_INT_BOUNDS[t])
    if t in FLOATS:
        return rng.choice(_FLOAT_BOUNDS[t])
    if t in DECIMALS:
        return D(rng.choice(_DEC_BOUNDS[t]))
    return None


class Frame:
    """A random frame: an `id` column (unique, for total orders) and typed columns."""

    def __init__(self, rng, extremes, n_cols=None, n_rows=None, types=None, prefix="c"):
        n_cols = n_cols or rng.randrange(3, 6)
        self.types = types or [rng.choice(TYPES) for _ in range(n_cols)]
        self.names = [f"{prefix}{i}" for i in range(len(self.types))]
        n_rows = n_rows or rng.randrange(6, 11)
        # min/max keep whichever of -0.0 and 0.0 comes first (they are equal in
        # Spark's order): a floating column holds both only where no min/max is drawn.
        self.zeros = [rng.choice(["both", "neg", "pos"]) if t in FLOATS else None for t in self.types]
        rows = [[i] + [_value(rng, t, z) for t, z in zip(self.types, self.zeros)] for i in range(n_rows)]
        if extremes:
            for j, t in enumerate(self.types):
                if t in NUMERIC and rng.random() < 0.85:
                    rows[rng.randrange(n_rows)][j + 1] = _extreme(rng, t)
        self.rows = [tuple(r) for r in rows]
        self.ddl = ", ".join(["id int"] + [f"{n} {t}" for n, t in zip(self.names, self.types)])

    def df(self, spark):
        return spark.createDataFrame(self.rows, self.ddl)

    def of(self, kinds):
        return [n for n, t in zip(self.names, self.types) if t in kinds]


def _total_sort(df):
    """Orders every row: by each column, then by the text of floating columns
    (Spark's order ties -0.0 with 0.0)."""
    keys = [F.col(f"`{f.name}`").asc_nulls_first() for f in df.schema.fields]
    keys += [F.col(f"`{f.name}`").cast("string").asc_nulls_first() for f in df.schema.fields
             if f.dataType.simpleString() in ("float", "double")]
    return df.orderBy(*keys)


# --- expressions ------------------------------------------------------------------------------------

def _lit(rng, t):
    v = rng.choice(_SPECIAL[_kind(t)] + _ORDINARY[_kind(t)])
    return F.lit(_python(t, v))


class Exprs:
    def __init__(self, rng, frame, legacy):
        self.rng, self.f, self.legacy = rng, frame, legacy

    def num(self, depth=0):
        rng = self.rng
        cols = self.f.of(NUMERIC)
        choice = rng.randrange(9 if depth < 2 else 2)
        if choice == 0 and cols:
            return F.col(rng.choice(cols))
        if choice <= 1:
            return _lit(rng, rng.choice(["int", "double", "double", "decimal(10,2)"]))
        if choice == 2:
            ops = ["+", "-", "*"] + (["/", "%"] if self.legacy else [])
            a, b = self.num(depth + 1), self.num(depth + 1)
            return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                    "%": lambda: a % b}[rng.choice(ops)]()
        if choice == 3:
            return rng.choice([F.abs, lambda c: -c, F.sqrt])(self.num(depth + 1))
        if choice == 4:
            return rng.choice([F.round, F.bround])(self.num(depth + 1), rng.choice([0, 1, -1]))
        if choice == 5:
            return F.coalesce(self.num(depth + 1), self.num(depth + 1))
        if choice == 6:
            return F.when(self.bool(depth + 1), self.num(depth + 1)).otherwise(self.num(depth + 1))
        if choice == 7:
            return F.length(self.bin(depth + 1) if rng.random() < 0.4 else self.str(depth + 1))
        # Casts that cannot fail in ANSI mode, and any numeric cast in legacy mode.
        safe = ["double", "float", "bigint", "decimal(38,18)"] if not self.legacy else NUMERIC
        src = self.num(depth + 1) if self.legacy else F.col(rng.choice(self.f.of(INTS + DECIMALS) or ["id"]))
        return src.cast(rng.choice(safe))

    def str(self, depth=0):
        rng = self.rng
        cols = self.f.of(["string"])
        choice = rng.randrange(7 if depth < 2 else 2)
        if choice == 0 and cols:
            return F.col(rng.choice(cols))
        if choice <= 1:
            return _lit(rng, "string")
        if choice == 2:
            return rng.choice([F.upper, F.lower, F.trim, F.ltrim, F.rtrim])(self.str(depth + 1))
        if choice == 3:
            return F.concat(self.str(depth + 1), self.str(depth + 1))
        if choice == 4:
            return F.substring(self.str(depth + 1), rng.choice([-3, -1, 0, 1, 2, 5]), rng.choice([0, 1, 2, 4]))
        if choice == 5:
            return F.concat_ws(rng.choice(["", "-", "😀"]), self.str(depth + 1), self.str(depth + 1))
        # Any column as text: NaN, -0.0, Infinity, bounds, binary bytes, dates.
        return F.col(rng.choice(self.f.names)).cast("string")

    def bin(self, depth=0):
        rng = self.rng
        cols = self.f.of(["binary"])
        choice = rng.randrange(5 if depth < 2 else 2)
        if choice == 0 and cols:
            return F.col(rng.choice(cols))
        if choice <= 1:
            return _lit(rng, "binary")
        if choice == 2:
            return F.concat(self.bin(depth + 1), self.bin(depth + 1))
        if choice == 3:
            return F.substring(self.bin(depth + 1), rng.choice([-2, 0, 1, 2]), rng.choice([1, 2, 3]))
        return self.str(depth + 1).cast("binary")

    def bool(self, depth=0):
        rng = self.rng
        choice = rng.randrange(10 if depth < 2 else 3)
        ops = [lambda a, b: a == b, lambda a, b: a != b, lambda a, b: a < b, lambda a, b: a <= b,
               lambda a, b: a > b, lambda a, b: a >= b, lambda a, b: a.eqNullSafe(b)]
        if choice == 0:
            cols = self.f.of(["boolean"])
            return F.col(rng.choice(cols)) if cols else F.col(rng.choice(self.f.names)).isNull()
        if choice == 1:
            return rng.choice(ops)(self.num(depth + 1), self.num(depth + 1))
        if choice == 2:
            cols = self.f.of(FLOATS)
            return F.isnan(F.col(rng.choice(cols))) if cols else F.col(rng.choice(self.f.names)).isNotNull()
        if choice == 3:
            return rng.choice(ops)(self.str(depth + 1), self.str(depth + 1))
        if choice == 4:
            return rng.choice(ops)(self.bin(depth + 1), self.bin(depth + 1))
        if choice == 5:
            return self.bool(depth + 1) & self.bool(depth + 1)
        if choice == 6:
            return ~self.bool(depth + 1) | self.bool(depth + 1)
        if choice == 7:
            s = self.str(depth + 1)
            pat = rng.choice(["", "a", "😀", "e\u0301", " ", "ß"])
            return rng.choice([s.startswith, s.endswith, s.contains])(pat)
        if choice == 8:
            s = self.str(depth + 1)
            return rng.choice([lambda: s.like(rng.choice(["_", "%😀%", "", "a%", "__"])),
                               lambda: s.rlike(rng.choice(["^.$", "😀", "^$", "\\p{M}", "^.{2}$"]))])()
        cols = self.f.of(NUMERIC)
        if cols:
            c = rng.choice(cols)
            return F.col(c).isin(*[_lit(rng, rng.choice(["double", "int"])) for _ in range(rng.randrange(1, 4))])
        return F.col(rng.choice(self.f.names)).isin(_lit(rng, "string"), _lit(rng, "string"))

    def any(self):
        return self.rng.choice([self.num, self.num, self.str, self.bool, self.bool, self.bin])()


def _profile(i):
    """Most cases draw specials only; every fourth also puts type bounds in, and
    half of those run with ANSI off."""
    extremes = i % 4 == 3
    legacy = extremes and i % 8 == 7
    return extremes, legacy


def _register(kind, n, build):
    for i in range(n):
        extremes, legacy = _profile(i)

        def run(spark, i=i, extremes=extremes, legacy=legacy):
            return build(random.Random(SEED + _KINDS.index(kind) * 1000 + i), spark, extremes, legacy)

        run.__name__ = f"random_edge_{kind}_{i:02d}"
        case(run, conf=LEGACY if legacy else None)


# --- case kinds -----------------------------------------------------------------------------------

def _overflowing(rng, f):
    """Arithmetic straight on a (bounded) numeric column: overflows in ANSI mode,
    wraps or turns NULL in legacy mode."""
    cols = f.of(INTS + DECIMALS) or f.of(NUMERIC)
    if not cols:
        return F.lit(1)
    c = F.col(rng.choice(cols))
    return rng.choice([lambda: c + c, lambda: -c, lambda: c * 2])()


def _select(rng, spark, extremes, legacy):
    f = Frame(rng, extremes)
    g = Exprs(rng, f, legacy)
    exprs = [g.any() for _ in range(3)]
    if extremes:
        exprs[0] = _overflowing(rng, f)
    return f.df(spark).select("id", *exprs).orderBy("id")


def _filter(rng, spark, extremes, legacy):
    f = Frame(rng, extremes)
    g = Exprs(rng, f, legacy)
    return f.df(spark).filter(g.bool()).orderBy("id")


def _aggs(rng, f, extremes, legacy):
    out, seen = [], set()
    for _ in range(rng.randrange(1, 4)):
        c = rng.choice(f.names)
        t = f.types[f.names.index(c)]
        kinds = ["count", "count_distinct", "min", "max"]
        # At the type bounds, whether a checked sum overflows on the way depends on
        # the summation order, and stddev's rounding on the algorithm: not drawn.
        order_sensitive = extremes and (t == "decimal(38,18)" or (t == "bigint" and not legacy))
        if t in NUMERIC and not order_sensitive:
            kinds += ["sum", "avg", "sum_distinct"] + ([] if extremes else ["stddev"])
        if f.zeros[f.names.index(c)] == "both":
            kinds = [k for k in kinds if k not in ("min", "max")]
        k = rng.choice(kinds)
        if (k, c) in seen:  # the same aggregate twice would be an ambiguous column name
            continue
        seen.add((k, c))
        col = F.col(c)
        if k == "count":
            out.append(F.count(col if rng.random() < 0.8 else F.lit(1)))
        elif k == "count_distinct":
            other = rng.choice(f.names)
            out.append(F.countDistinct(col, F.col(other)) if rng.random() < 0.3 and other != c else F.countDistinct(col))
        else:
            out.append({"min": F.min, "max": F.max, "sum": F.sum, "avg": F.avg, "sum_distinct": F.sum_distinct,
                        "stddev": F.stddev}[k](col))
    return out


def _agg(rng, spark, extremes, legacy):
    f = Frame(rng, extremes)
    df = f.df(spark)
    aggs = _aggs(rng, f, extremes, legacy)
    if rng.random() < 0.2:
        return df.agg(*aggs)
    keys = rng.sample(f.names, rng.randrange(1, 3))
    return _total_sort(df.groupBy(*keys).agg(*aggs))


def _keys(rng, spark, extremes, legacy):
    f = Frame(rng, extremes)
    cols = rng.sample(f.names, rng.randrange(1, min(3, len(f.names)) + 1))
    df = f.df(spark).select(*cols)
    choice = rng.randrange(4)
    if choice == 0:
        df = df.distinct()
    elif choice == 1:
        df = df.dropDuplicates()
    elif choice == 2:
        df = df.groupBy(*cols).count()
    else:
        df = df.union(f.df(spark).select(*cols)).distinct()
    return _total_sort(df)


def _join(rng, spark, extremes, legacy):
    t = rng.choice(TYPES)
    left = Frame(rng, extremes, types=[t] + [rng.choice(TYPES)], prefix="l")
    right = Frame(rng, extremes, types=[t] + [rng.choice(TYPES)], prefix="r")
    # Keys come from a small shared pool, so NaN meets NaN and -0.0 meets 0.0.
    pool = [None] + [_python(t, v) for v in (_SPECIAL[_kind(t)] + _ORDINARY[_kind(t)][:2])]
    if extremes and t in NUMERIC:
        pool.append(_extreme(rng, t))
    lrows = [(r[0], rng.choice(pool), r[2]) for r in left.rows]
    rrows = [(r[0], rng.choice(pool), r[2]) for r in right.rows]
    ldf = spark.createDataFrame(lrows, f"id int, k {t}, l1 {left.types[1]}")
    rdf = spark.createDataFrame(rrows, f"rid int, k {t}, r1 {right.types[1]}")
    how = rng.choice(["inner", "left", "right", "full", "left_semi", "left_anti"])
    form = rng.randrange(3)
    if form == 0:
        out = ldf.join(rdf, "k", how)
    elif form == 1:
        out = ldf.join(rdf, ldf["k"] == rdf["k"], how)
    else:
        out = ldf.join(rdf, ldf["k"].eqNullSafe(rdf["k"]), how)
    if form and how not in ("left_semi", "left_anti"):
        out = out.select("id", ldf["k"].alias("lk"), "l1", "rid", rdf["k"].alias("rk"), "r1")
    ids = [F.col(c).asc_nulls_first() for c in ("id", "rid") if c in out.columns]
    return out.orderBy(*ids)


def _sort(rng, spark, extremes, legacy):
    f = Frame(rng, extremes)
    df = f.df(spark)
    keys = []
    for c in rng.sample(f.names, rng.randrange(1, 3)):
        keys.append(rng.choice([F.col(c).asc, F.col(c).desc, F.col(c).asc_nulls_last, F.col(c).desc_nulls_first])())
    df = df.orderBy(*keys, "id")
    if rng.random() < 0.6:
        df = df.limit(rng.randrange(1, 6))
    return df


def _na(rng, spark, extremes, legacy):
    f = Frame(rng, extremes, types=[rng.choice(FLOATS), rng.choice(TYPES), rng.choice(FLOATS + ["string", "int"])])
    df = f.df(spark)
    if rng.random() < 0.5:
        subset = rng.sample(f.names, rng.randrange(1, 3)) if rng.random() < 0.6 else None
        how = rng.choice(["any", "all"])
        thresh = rng.choice([None, None, 1, 2])
        return df.dropna(how=how, thresh=thresh, subset=subset).orderBy("id")
    value = rng.choice([0, 1.5, -1, "x", "", True, {f.names[0]: 9.5}, {f.names[2]: 0}])
    subset = [rng.choice(f.names)] if rng.random() < 0.3 and not isinstance(value, dict) else None
    return df.na.fill(value, subset=subset).orderBy("id")


def _union(rng, spark, extremes, legacy):
    types = [rng.choice(TYPES) for _ in range(rng.randrange(1, 3))]
    a = Frame(rng, extremes, types=types)
    b = Frame(rng, extremes, types=types)
    cols = a.names
    df = a.df(spark).select(*cols).union(b.df(spark).select(*cols))
    return _total_sort(df.distinct() if rng.random() < 0.5 else df.groupBy(*cols).count())


_KINDS = ["select", "filter", "agg", "keys", "join", "sort", "na", "union"]
_BUILDERS = {"select": (_select, 30), "filter": (_filter, 12), "agg": (_agg, 30), "keys": (_keys, 16),
             "join": (_join, 30), "sort": (_sort, 16), "na": (_na, 12), "union": (_union, 8)}

for _k in _KINDS:
    _build, _n = _BUILDERS[_k]
    _register(_k, _n, _build)
