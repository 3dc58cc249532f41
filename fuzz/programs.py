"""Seeded program generators for the differential fuzzer.

A program is plain JSON (so it can be sent to both workers, written to a report and
shrunk): the data (a DDL schema and rows, values tagged as in `encode_value`), the
session conf, and either a list of expressions (an "expr" program: one select) or a
list of pipeline steps (a "pipeline" program). Expressions are trees:

    ["col", name]                   a column of the data
    ["lit", value, type]            a literal (type None: the Python value as is)
    ["call", fn, [args...]]         F.fn(*args) / fn(args) in SQL
    ["bin", op, a, b]               + - * / % = <> < <= > >= <=> AND OR
    ["un", op, a]                   - NOT isnull isnotnull
    ["cast", a, type]
    ["when", cond, a, b]            CASE WHEN cond THEN a ELSE b END
    ["int", n] / ["str", s]         a literal parameter (a Python int/str for the API)

Nothing here imports Spark: `build.py` turns a program into a DataFrame on either
engine."""

import random

# --- data -------------------------------------------------------------------------------------------

TYPES = ["int", "bigint", "double", "decimal(10,2)", "string", "boolean", "date", "timestamp", "binary", "array<int>"]
KIND = {"int": "int", "bigint": "int", "double": "dbl", "decimal(10,2)": "dec", "string": "str", "boolean": "bool",
        "date": "date", "timestamp": "ts", "binary": "bin", "array<int>": "arr"}
NAN, INF = float("nan"), float("inf")

_ORDINARY = {
    "int": [0, 1, -1, 2, 7, -5, 100, 3],
    "bigint": [0, 1, -1, 42, -7, 1_000_000_007],
    "double": [0.5, -2.25, 3.0, 1.0, -7.75, 100.0, 12.125],
    "decimal(10,2)": ["1.50", "-2.25", "0.01", "12345.67", "0.00", "-0.10"],
    "string": ["a", "abc", "B", "a b", "ß", "Zz", "123", "1.5", "2024-01-15", "true", "  x ", "-7"],
    "boolean": [True, False],
    "date": ["2024-01-15", "1970-01-01", "2000-02-29", "1969-12-31", "2024-03-10", "2024-12-31"],
    "timestamp": ["2024-01-15T12:30:00", "1970-01-01T00:00:00", "2000-02-29T23:59:59.999999", "2024-06-30T08:00:00"],
    "binary": ["61", "616263", "00", "0102"],
    "array<int>": [[1, 2], [3, 1, 2, 2], [0], [5, -1]],
}
# Edge values: NaN, +-Inf, +-0.0, type bounds, empty and non-BMP strings, calendar
# edges, instants across DST changes (America/Los_Angeles, Europe/Berlin) in UTC.
_EDGES = {
    "int": [2**31 - 1, -2**31, 0],
    "bigint": [2**63 - 1, -2**63, 0],
    "double": [NAN, INF, -INF, -0.0, 0.0, 1.7976931348623157e308, 5e-324],
    "decimal(10,2)": ["99999999.99", "-99999999.99", "-0.01"],
    "string": ["", " ", "😀", "e\u0301", "𝔘𝔫", "a😀b", "NaN", "\u00a0", "İ"],
    "boolean": [True, False],
    "date": ["0001-01-01", "9999-12-31", "1582-10-15", "1900-03-01"],
    "timestamp": ["2024-03-10T09:59:59", "2024-03-10T10:00:00", "2024-11-03T08:30:00", "2024-11-03T09:00:00",
                  "2024-03-31T01:00:00", "2024-10-27T00:30:00", "1969-12-31T23:59:59.999999", "1900-01-01T00:00:00"],
    "binary": ["", "ff", "fffe00"],
    "array<int>": [[], [None], [2147483647, 1], [None, 3]],
}
ZONES = ["UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata"]


def encode_value(t, v):
    """A program's JSON form of a value of type t (see build.decode_value)."""
    if v is None:
        return None
    if t == "double":
        return {"f": repr(v)}
    return v


def random_value(rng, t, edge_rate):
    if rng.random() < 0.12:
        return None
    pool = _EDGES[t] if rng.random() < edge_rate else _ORDINARY[t]
    return encode_value(t, rng.choice(pool))


def random_data(rng, n_cols=None, n_rows=None, edge_rate=0.3, types=None):
    n_cols = n_cols or rng.randrange(3, 7)
    types = types or [rng.choice(TYPES) for _ in range(n_cols)]
    n_rows = n_rows if n_rows is not None else rng.randrange(0, 9) if rng.random() < 0.1 else rng.randrange(3, 12)
    cols = [[f"c{i}", t] for i, t in enumerate(types)]
    rows = [[random_value(rng, t, edge_rate) for t in types] for _ in range(n_rows)]
    return {"cols": cols, "rows": rows}


def random_conf(rng):
    conf = {}
    if rng.random() < 0.5:
        conf["spark.sql.ansi.enabled"] = "false"
    zone = rng.choice(ZONES)
    if zone != "UTC":
        conf["spark.sql.session.timeZone"] = zone
    return conf


# --- expressions ------------------------------------------------------------------------------------

# name: (argument kinds, result kind). Kinds: int dbl dec num(any numeric: the result
# has the first argument's kind) str bool date ts bin arr any; "I"/"S" are literal
# parameters (a Python int/str in the API form), drawn from INT_PARAMS/STR_PARAMS.
FUNCTIONS = {
    "abs": (["num"], "num"), "negative": (["num"], "num"), "sqrt": (["num"], "dbl"), "exp": (["num"], "dbl"),
    "log": (["num"], "dbl"), "ceil": (["num"], "int"), "floor": (["num"], "int"), "round": (["num", "I"], "num"),
    "bround": (["num", "I"], "num"), "signum": (["num"], "dbl"), "sin": (["num"], "dbl"), "atan2": (["num", "num"], "dbl"),
    "pow": (["num", "num"], "dbl"), "pmod": (["num", "num"], "num"), "greatest": (["num", "num"], "num"),
    "least": (["num", "num"], "num"), "coalesce": (["same", "same"], "same"), "nanvl": (["dbl", "dbl"], "dbl"),
    "length": (["str"], "int"), "instr": (["str", "S"], "int"), "hash": (["any"], "int"), "xxhash64": (["any"], "int"),
    "year": (["date"], "int"), "month": (["date"], "int"), "dayofmonth": (["date"], "int"),
    "dayofweek": (["date"], "int"), "datediff": (["date", "date"], "int"), "size": (["arr"], "int"),
    "array_max": (["arr"], "int"), "element_at": (["arr", "int"], "int"), "hour": (["ts"], "int"),
    "minute": (["ts"], "int"), "unix_timestamp": (["ts"], "int"), "isnan": (["dbl"], "bool"),
    "upper": (["str"], "str"), "lower": (["str"], "str"), "trim": (["str"], "str"), "ltrim": (["str"], "str"),
    "reverse": (["str"], "str"), "concat": (["str", "str"], "str"), "concat_ws": (["S", "str", "str"], "str"),
    "substring": (["str", "I", "I"], "str"), "lpad": (["str", "I", "S"], "str"), "repeat": (["str", "I"], "str"),
    "initcap": (["str"], "str"), "translate": (["str", "S", "S"], "str"), "regexp_replace": (["str", "S", "S"], "str"),
    "date_format": (["ts", "S"], "str"), "hex": (["any"], "str"), "base64": (["bin"], "str"),
    "from_unixtime": (["int"], "str"), "startswith": (["str", "str"], "bool"), "contains": (["str", "str"], "bool"),
    "array_contains": (["arr", "int"], "bool"), "to_date": (["ts"], "date"), "date_add": (["date", "int"], "date"),
    "date_sub": (["date", "I"], "date"), "add_months": (["date", "I"], "date"), "last_day": (["date"], "date"),
    "trunc": (["date", "S"], "date"), "make_date": (["int", "int", "int"], "date"), "date_trunc": (["S", "ts"], "ts"),
    "timestamp_seconds": (["int"], "ts"), "sort_array": (["arr"], "arr"), "array_distinct": (["arr"], "arr"),
    "slice": (["arr", "I", "I"], "arr"), "array_union": (["arr", "arr"], "arr"), "array": (["int", "int"], "arr"),
    "encode": (["str", "S"], "bin"), "unhex": (["str"], "bin"),
}
# Literal parameters each function draws from.
STR_PARAMS = {
    "instr": ["a", "", "😀", "b"], "concat_ws": ["-", "", "😀"], "lpad": ["*", "", "ab"], "translate": ["ab", "", "😀"],
    "regexp_replace": ["a", "[0-9]+", "^", "(a)(b)?", "$1", ""],
    "date_format": ["yyyy-MM-dd", "HH:mm:ss", "EEE", "D", "yyyy-MM-dd HH:mm z", "a", "MMM d, yyyy"],
    "trunc": ["year", "month", "week", "quarter", "mm", "day"], "date_trunc": ["hour", "day", "month", "year", "week", "minute"],
    "encode": ["utf-8", "UTF-16", "US-ASCII", "ISO-8859-1"],
}
INT_PARAMS = {"round": [0, 1, 2, -1], "bround": [0, 1, -1], "substring": [[0, 1, 2, -1, -3, 5], [0, 1, 3, 10]],
              "lpad": [0, 3, 5], "repeat": [0, 1, 3], "date_sub": [1, -1, 30], "add_months": [-1, 1, 12, -13],
              "slice": [[1, 2, -1, -2], [0, 1, 2, 3]]}
BIN_OPS = ["+", "-", "*", "/", "%"]
CMP_OPS = ["=", "<>", "<", "<=", ">", ">=", "<=>"]
NUMERIC = ("int", "dbl", "dec")
SCALAR = ("int", "dbl", "dec", "str", "bool", "date", "ts")
# Target kind: (types, source kinds Spark casts to it in both ANSI modes).
CASTS = {"int": (["int", "bigint", "tinyint", "smallint"], ["int", "dbl", "dec", "str", "bool"]),
         "dbl": (["double", "float"], ["int", "dbl", "dec", "str", "bool"]),
         "dec": (["decimal(10,2)", "decimal(5,1)", "decimal(38,18)"], ["int", "dbl", "dec", "str"]),
         "str": (["string"], ["int", "dbl", "dec", "str", "bool", "date", "ts", "bin", "arr"]),
         "bool": (["boolean"], ["int", "str", "bool"]), "date": (["date"], ["str", "date", "ts"]),
         "ts": (["timestamp"], ["str", "date", "ts"]), "bin": (["binary"], ["str", "bin"]),
         "arr": (["array<string>", "array<bigint>"], ["arr"])}
# How often an argument is drawn of any kind (a likely type error: the error class is compared too).
WRONG_TYPE_RATE = 0.02


def _literal(rng, kind):
    if kind == "int":
        return ["lit", rng.choice([0, 1, -1, 2, 7, 2**31 - 1, -2**31]), None]
    if kind == "dbl":
        return ["lit", {"f": repr(rng.choice([0.5, -1.5, 0.0, 2.0]))}, None]
    if kind == "dec":
        return ["cast", ["lit", rng.choice(["1.25", "-0.5", "99.99"]), None], "decimal(10,2)"]
    if kind == "str":
        return ["lit", rng.choice(["a", "", "😀", "1", "x y"]), None]
    if kind == "bool":
        return ["lit", rng.choice([True, False]), None]
    if kind == "date":
        return ["cast", ["lit", rng.choice(["2024-02-29", "1970-01-01"]), None], "date"]
    if kind == "ts":
        return ["cast", ["lit", rng.choice(["2024-03-10 02:30:00", "2024-11-03 01:30:00"]), None], "timestamp"]
    if kind == "arr":
        return ["call", "array", [["lit", 1, None], ["lit", 2, None]]]
    if kind == "bin":
        return ["cast", ["lit", "ab", None], "binary"]
    return ["lit", None, None]


_NULL_TYPES = {"int": "int", "dbl": "double", "dec": "decimal(10,2)", "str": "string", "bool": "boolean", "date": "date",
               "ts": "timestamp", "bin": "binary", "arr": "array<int>"}


class ExprGen:
    """Random expressions of a wanted kind over the given columns; expr returns
    (tree, kind)."""

    def __init__(self, rng, cols):
        self.rng = rng
        self.cols = [(name, KIND.get(t, "any")) for name, t in cols]

    def _pick_kind(self, want):
        if want == "num":
            return self.rng.choice(NUMERIC)
        if want in ("any", "same"):
            return self.rng.choice(SCALAR + ("arr",))
        return want

    def leaf(self, kind):
        rng = self.rng
        matching = [n for n, k in self.cols if k == kind]
        if matching and rng.random() < 0.8:
            return ["col", rng.choice(matching)]
        if rng.random() < 0.1:
            return ["lit", None, None] if rng.random() < 0.1 else ["cast", ["lit", None, None], _NULL_TYPES[kind]]
        return _literal(rng, kind)

    def expr(self, want="any", depth=3):
        return self.typed(self._pick_kind(want), depth)

    def typed(self, kind, depth):
        """A random expression of the given kind (int dbl dec str bool date ts bin arr)."""
        rng = self.rng
        if depth <= 0 or rng.random() < 0.25:
            return self.leaf(kind)
        r = rng.random()
        if kind == "bool" and r < 0.45:
            if rng.random() < 0.7:
                k = rng.choice(SCALAR)
                if k in NUMERIC and rng.random() < 0.5:
                    return ["bin", rng.choice(CMP_OPS), self.typed(k, depth - 1), self.typed(rng.choice(NUMERIC), depth - 1)]
                return ["bin", rng.choice(CMP_OPS), self.typed(k, depth - 1), self.typed(k, depth - 1)]
            op = rng.choice(["AND", "OR", "NOT", "isnull", "isnotnull"])
            if op in ("AND", "OR"):
                return ["bin", op, self.typed("bool", depth - 1), self.typed("bool", depth - 1)]
            return ["un", op, self.typed("bool", depth - 1) if op == "NOT" else self.expr("any", depth - 1)]
        if kind in NUMERIC and r < 0.3:
            op = rng.choice(BIN_OPS)
            other = kind if rng.random() < 0.6 else rng.choice(NUMERIC)
            if op == "/" and kind == "int":
                return ["cast", ["bin", op, self.typed(kind, depth - 1), self.typed(other, depth - 1)], "int"]
            return ["bin", op, self.typed(kind, depth - 1), self.typed(other, depth - 1)]
        if r < 0.4 and kind in CASTS:
            types, sources = CASTS[kind]
            return ["cast", self.typed(rng.choice(sources), depth - 1), rng.choice(types)]
        if r < 0.45:
            return ["when", self.typed("bool", depth - 1), self.typed(kind, depth - 1), self.typed(kind, depth - 1)]
        if r < 0.5 and kind in NUMERIC:
            return ["un", "-", self.typed(kind, depth - 1)]
        names = [n for n, (_, res) in FUNCTIONS.items() if res == kind or res == "same" or (res == "num" and kind in NUMERIC)]
        if not names:
            return self.leaf(kind)
        name = rng.choice(names)
        arg_kinds, res = FUNCTIONS[name]
        args = []
        ints = INT_PARAMS.get(name, [0, 1, 2])
        n_int = 0
        for k in arg_kinds:
            if k == "I":
                pool = ints[n_int] if isinstance(ints[0], list) else ints
                n_int += 1
                args.append(["int", rng.choice(pool)])
            elif k == "S":
                args.append(["str", rng.choice(STR_PARAMS.get(name, ["a"]))])
            elif rng.random() < WRONG_TYPE_RATE:
                args.append(self.expr("any", depth - 1))
            elif k == "same" or (k == "num" and res == "num"):
                args.append(self.typed(kind, depth - 1))
            else:
                args.append(self.expr(k, depth - 1))
        return ["call", name, args]


def expr_group(rng, n_exprs):
    """One select of n_exprs random expressions over one random frame: n_exprs programs."""
    edge_rate = 0.6 if rng.random() < 0.3 else 0.25
    data = random_data(rng, edge_rate=edge_rate)
    gen = ExprGen(rng, data["cols"])
    exprs = [gen.expr(rng.choice(["any", "num", "str", "bool", "date", "ts", "arr"]), rng.randrange(1, 5)) for _ in range(n_exprs)]
    return {"kind": "expr", "api": rng.choice(["api", "api", "sql"]), "conf": random_conf(rng), "data": data, "exprs": exprs}


# --- pipelines --------------------------------------------------------------------------------------

AGGS = ["sum", "avg", "min", "max", "count", "count_distinct", "stddev", "bool_and"]
JOINS = ["inner", "left", "right", "full", "left_semi", "left_anti", "cross"]
SET_OPS = ["union", "unionByName", "intersect", "intersectAll", "exceptAll", "subtract"]
WINDOW_FNS = ["rank", "dense_rank", "sum", "count", "max", "min", "percent_rank"]
# Float values of a pipeline frame are exact binary fractions (plus NaN, +-Inf, -0.0),
# so sums do not depend on the order the engines add them in.
PIPELINE_TYPES = ["int", "bigint", "double", "decimal(10,2)", "string", "boolean", "date", "timestamp", "array<int>"]


def _pipeline_data(rng, n_rows=None):
    types = ["int", "string"] + [rng.choice(PIPELINE_TYPES) for _ in range(rng.randrange(1, 4))]
    data = random_data(rng, types=types, n_rows=n_rows if n_rows is not None else rng.randrange(4, 16), edge_rate=0.2)
    for row in data["rows"]:  # few distinct keys, so joins and groups meet
        row[0] = rng.choice([0, 1, 2, None])
        for i, (_, t) in enumerate(data["cols"]):
            if t == "double" and isinstance(row[i], dict) and row[i]["f"] in ("1.7976931348623157e+308", "5e-324"):
                row[i] = {"f": "0.5"}
            if t == "bigint" and row[i] in (2**63 - 1, -2**63):
                row[i] = 3
    return data


def pipeline(rng):
    data = _pipeline_data(rng)
    cols = [list(c) for c in data["cols"]]
    steps = []
    grouped = False
    for _ in range(rng.randrange(1, 5)):
        gen = ExprGen(rng, cols)
        choice = rng.randrange(11)
        names = [c[0] for c in cols]
        if choice == 0:
            steps.append({"op": "filter", "e": gen.expr("bool", 2)})
        elif choice == 1:
            n = f"e{len(steps)}"
            kind = rng.choice(["num", "str", "bool", "date"])
            steps.append({"op": "withColumn", "name": n, "e": gen.expr(kind, 2)})
            cols.append([n, {"num": "double", "str": "string", "bool": "boolean", "date": "date"}[kind]])
        elif choice == 2 and not grouped:
            keys = rng.sample(names, min(len(names), rng.randrange(1, 3)))
            aggs = [[rng.choice(AGGS), rng.choice(names)] for _ in range(rng.randrange(1, 3))]
            steps.append({"op": "groupBy", "keys": keys, "aggs": aggs})
            cols = [c for c in cols if c[0] in keys] + [[f"a{i}", "any"] for i in range(len(aggs))]
            grouped = True
        elif choice == 3 and "c0" in names:
            right = _pipeline_data(rng)
            right["cols"] = [["c0", "int"]] + [[f"r{i}", t] for i, (_, t) in enumerate(right["cols"][1:], 1)]
            how = rng.choice(JOINS)
            steps.append({"op": "join", "right": right, "how": how})
            if how == "cross":
                right["cols"][0][0] = "rk"
                cols = cols + [list(c) for c in right["cols"]]
            elif how not in ("left_semi", "left_anti"):
                cols = cols + [list(c) for c in right["cols"] if c[0] != "c0"]
        elif choice == 4:
            steps.append({"op": rng.choice(SET_OPS), "e": gen.expr("bool", 2)})
        elif choice == 5:
            steps.append({"op": rng.choice(["distinct", "dropDuplicates"])})
        elif choice == 6:
            fn = rng.choice(WINDOW_FNS)
            part = rng.sample(names, min(len(names), rng.randrange(0, 2)))
            order = rng.sample(names, min(len(names), rng.randrange(1, 3)))
            n = f"w{len(steps)}"
            steps.append({"op": "window", "fn": fn, "part": part, "order": order, "arg": rng.choice(names), "name": n})
            cols.append([n, "any"])
        elif choice == 7:
            arrays = [c[0] for c in cols if c[1] == "array<int>"]
            if arrays:
                n = f"g{len(steps)}"
                steps.append({"op": "explode", "col": rng.choice(arrays), "fn": rng.choice(["explode", "explode_outer", "posexplode"]), "name": n})
                cols.append([n, "int"])
        elif choice == 8:
            steps.append({"op": "sql", "where": gen.expr("bool", 2), "select": [gen.expr("any", 2) for _ in range(rng.randrange(1, 3))]})
            cols = [[f"s{i}", "any"] for i in range(len(steps[-1]["select"]))]
        elif choice == 9:
            steps.append({"op": "limit", "n": rng.randrange(0, 6)})
        else:
            picked = rng.sample(names, max(1, min(len(names), rng.randrange(1, 4))))
            steps.append({"op": "select", "cols": picked})
            cols = [c for c in cols if c[0] in picked]
    return {"kind": "pipeline", "api": "api", "conf": random_conf(rng), "data": data, "steps": steps}


def group_rng(seed, index):
    """Group `index` of campaign `seed` draws from its own generator, so any range of
    groups can be generated (and run) without the groups before it: shards and resumed
    campaigns see exactly the programs a single run would."""
    return random.Random(f"pyrust-fuzz:{seed}:{index}")


def campaign(seed, n_programs, exprs_per_group=12, pipeline_share=0.12, groups=None):
    """The programs of one campaign, in groups (an expr group counts one program per
    expression). Yields (group_index, group) for the group indices in `groups` (a
    container, e.g. a range or a shard's set; None: all of them)."""
    count = 0
    index = 0
    while count < n_programs:
        rng = group_rng(seed, index)
        is_pipeline = rng.random() < pipeline_share
        size = 1 if is_pipeline else min(exprs_per_group, n_programs - count)
        count += size
        if groups is None or index in groups:
            yield index, pipeline(rng) if is_pipeline else expr_group(rng, size)
        index += 1
