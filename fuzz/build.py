"""A program (see programs.py) as PySpark source text: `def run(spark): ... return df`.

The workers exec this text (with `F`, `Window`, `datetime`, `decimal` in scope), and
the report prints the same text for every mismatch, so what is reported is exactly
what ran and can be pasted into a PySpark shell."""

import json


def _py_value(t, v):
    if v is None:
        return "None"
    if t == "double":
        f = v["f"]
        return f"float({f!r})" if f in ("nan", "inf", "-inf") else f
    if t.startswith("decimal"):
        return f"D({v!r})"
    if t == "date":
        return f"datetime.date.fromisoformat({v!r})"
    if t == "timestamp":
        return f"datetime.datetime.fromisoformat({v!r})"
    if t == "binary":
        return f"bytearray.fromhex({v!r})"
    return repr(v)


def data_source(data):
    schema = ", ".join(f"{n} {t}" for n, t in data["cols"])
    rows = ",\n        ".join("(" + "".join(_py_value(t, v) + ", " for (_, t), v in zip(data["cols"], row)) + ")"
                               for row in data["rows"])
    return f"spark.createDataFrame([\n        {rows}\n    ], {schema!r})"


# --- expressions as Columns (api) or SQL text (sql) ---------------------------------------------------

_API_OPS = {"+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "=": "==", "<>": "!=", "<": "<", "<=": "<=", ">": ">",
            ">=": ">=", "AND": "&", "OR": "|"}


def _lit_api(v):
    if isinstance(v, dict):
        f = v["f"]
        return f"F.lit(float({f!r}))" if f in ("nan", "inf", "-inf") else f"F.lit({f})"
    return f"F.lit({v!r})"


def api(e):
    tag = e[0]
    if tag == "col":
        return f"F.col({e[1]!r})"
    if tag == "lit":
        return _lit_api(e[1])
    if tag in ("int", "str"):
        return repr(e[1])
    if tag == "cast":
        return f"{api(e[1])}.cast({e[2]!r})"
    if tag == "when":
        return f"F.when({api(e[1])}, {api(e[2])}).otherwise({api(e[3])})"
    if tag == "un":
        op, a = e[1], api(e[2])
        return {"-": f"(-{a})", "NOT": f"(~{a})", "isnull": f"{a}.isNull()", "isnotnull": f"{a}.isNotNull()"}[op]
    if tag == "bin":
        a, b = api(e[2]), api(e[3])
        if e[1] == "<=>":
            return f"{a}.eqNullSafe({b})"
        return f"({a} {_API_OPS[e[1]]} {b})"
    if tag == "call":
        return f"F.{e[1]}({', '.join(api(x) for x in e[2])})"
    raise ValueError(f"unknown expression {e!r}")


def _sql_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _lit_sql(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dict):
        f = v["f"]
        return f"CAST({f!r} AS DOUBLE)" if f in ("nan", "inf", "-inf") else f"{f}D"
    return _sql_string(v)


def sql(e):
    tag = e[0]
    if tag == "col":
        return e[1]
    if tag == "lit":
        return _lit_sql(e[1])
    if tag == "int":
        return str(e[1])
    if tag == "str":
        return _sql_string(e[1])
    if tag == "cast":
        return f"CAST({sql(e[1])} AS {e[2].upper()})"
    if tag == "when":
        return f"CASE WHEN {sql(e[1])} THEN {sql(e[2])} ELSE {sql(e[3])} END"
    if tag == "un":
        op, a = e[1], sql(e[2])
        return {"-": f"(- {a})", "NOT": f"(NOT {a})", "isnull": f"({a} IS NULL)", "isnotnull": f"({a} IS NOT NULL)"}[op]
    if tag == "bin":
        return f"({sql(e[2])} {e[1]} {sql(e[3])})"
    if tag == "call":
        return f"{e[1]}({', '.join(sql(x) for x in e[2])})"
    raise ValueError(f"unknown expression {e!r}")


def expr_source(program, e):
    return f"F.expr({sql(e)!r})" if program["api"] == "sql" else api(e)


# --- programs -----------------------------------------------------------------------------------------

def _total_sort(df_name="df"):
    # Every column ascending, then the text of floating columns (Spark sorts -0.0 and
    # 0.0 as equal), so limit keeps the same rows on both engines.
    return (f"{df_name}.orderBy(*[F.col(c).asc_nulls_first() for c in {df_name}.columns], "
            f"*[F.col(f.name).cast('string') for f in {df_name}.schema.fields if f.dataType.simpleString() in ('double', 'float')])")


def _step_source(program, s):
    op = s["op"]
    if op == "filter":
        return f"df = df.filter({expr_source(program, s['e'])})"
    if op == "withColumn":
        return f"df = df.withColumn({s['name']!r}, {expr_source(program, s['e'])})"
    if op == "select":
        return f"df = df.select({', '.join(repr(c) for c in s['cols'])})"
    if op == "groupBy":
        aggs = ", ".join(f"F.{fn}({c!r}).alias('a{i}')" for i, (fn, c) in enumerate(s["aggs"]))
        return f"df = df.groupBy({', '.join(repr(k) for k in s['keys'])}).agg({aggs})"
    if op == "join":
        right = data_source(s["right"]).replace("\n", "\n    ")
        if s["how"] == "cross":
            return f"right = {right}\n    df = df.crossJoin(right)"
        return f"right = {right}\n    df = df.join(right, 'c0', {s['how']!r})"
    if op in ("union", "unionByName", "intersect", "intersectAll", "exceptAll", "subtract"):
        return f"df = df.{op}(df.filter({expr_source(program, s['e'])}))"
    if op in ("distinct", "dropDuplicates"):
        return f"df = df.{op}()"
    if op == "window":
        w = f"Window.partitionBy({', '.join(repr(c) for c in s['part'])}).orderBy({', '.join(repr(c) for c in s['order'])})"
        call = f"F.{s['fn']}()" if s["fn"] in ("rank", "dense_rank", "percent_rank") else f"F.{s['fn']}({s['arg']!r})"
        return f"df = df.withColumn({s['name']!r}, {call}.over({w}))"
    if op == "explode":
        if s["fn"] == "posexplode":
            return f"df = df.select('*', F.posexplode({s['col']!r}).alias({s['name'] + '_pos'!r}, {s['name']!r}))"
        return f"df = df.withColumn({s['name']!r}, F.{s['fn']}({s['col']!r}))"
    if op == "sql":
        cols = ", ".join(f"{sql(e)} AS s{i}" for i, e in enumerate(s["select"]))
        text = f"SELECT {cols} FROM fuzz_t WHERE {sql(s['where'])}"
        return f"df.createOrReplaceTempView('fuzz_t')\n    df = spark.sql({text!r})"
    if op == "limit":
        return f"df = {_total_sort()}.limit({s['n']})"
    raise ValueError(f"unknown step {s!r}")


def source(program, only=None):
    """The program's PySpark text. For an expr program, `only` picks the expressions
    (indices) that go into the select."""
    lines = ["def run(spark):", f"    df = {data_source(program['data'])}"]
    if program["kind"] == "expr":
        picked = range(len(program["exprs"])) if only is None else only
        cols = ",\n        ".join(expr_source(program, program["exprs"][i]) for i in picked)
        lines.append(f"    return df.select(\n        {cols})")
    else:
        lines += ["    " + _step_source(program, s) for s in program["steps"]]
        lines.append("    return df")
    return "\n".join(lines) + "\n"


def conf_source(program):
    return json.dumps(program.get("conf", {}), sort_keys=True)
