"""The `functions` suite: common string, date and array functions over many rows, each
beside the same computation written in native Polars.

Each case reduces its function's column to one value (`max`), so every row is computed
and nothing but one value crosses into Python; the engines' answers are compared.
The data is one Parquet file (made once per row count under bench/data/), read by every
engine, so the scan is part of every figure alike.
"""

import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_data(rows):
    """bench/data/functions_<rows>.parquet: text, padded text, date strings, dates."""
    path = os.path.join(HERE, "data", f"functions_{rows}.parquet")
    if os.path.exists(path):
        return path
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rng = np.random.default_rng(11)
    ids = pa.array(rng.integers(0, 1_000_000, rows))
    words = pa.array(np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"])[rng.integers(0, 8, rows)])
    s = pc.binary_join_element_wise(pa.array(np.full(rows, "customer")), pc.cast(ids, pa.string()), words, " ")
    days = rng.integers(0, 20_000, rows).astype("int32")  # 1970 .. 2024
    dates = pa.array(days, pa.int32()).cast(pa.date32())
    table = pa.table({
        "s": s,
        "w": words,
        "p": pc.binary_join_element_wise(pa.array(np.full(rows, "  ")), words, pa.array(np.full(rows, " ")), ""),
        "ds": pc.strftime(dates.cast(pa.timestamp("s")), format="%Y-%m-%d"),
        "d": dates,
    })
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    pq.write_table(table, tmp, row_group_size=1_000_000)
    os.replace(tmp, path)
    return path


def spark_cases(F):
    """name -> a function making the Column each engine reduces with max() (built when
    run, so a function an engine lacks fails its own case only)."""
    return {
        "upper": lambda: F.upper("s"),
        "substring": lambda: F.substring("s", 3, 5),
        "concat_ws": lambda: F.concat_ws("-", "s", "w"),
        "regexp_replace": lambda: F.regexp_replace("s", "[0-9]+", "#"),
        "length": lambda: F.length("s"),
        "trim": lambda: F.trim("p"),
        "split_size": lambda: F.size(F.split("s", " ")),
        "to_date": lambda: F.to_date("ds", "yyyy-MM-dd"),
        "date_format": lambda: F.date_format("d", "yyyy-MM-dd"),
        "date_add": lambda: F.date_add("d", 30),
        "year": lambda: F.year("d"),
    }


def polars_cases(pl):
    s, d = pl.col("s"), pl.col("d")
    return {
        "upper": s.str.to_uppercase(),
        "substring": s.str.slice(2, 5),
        "concat_ws": pl.concat_str([s, pl.col("w")], separator="-"),
        "regexp_replace": s.str.replace_all("[0-9]+", "#"),
        "length": s.str.len_chars(),
        "trim": pl.col("p").str.strip_chars(" "),
        "split_size": s.str.split(" ").list.len(),
        "to_date": pl.col("ds").str.to_date("%Y-%m-%d"),
        "date_format": d.dt.strftime("%Y-%m-%d"),
        "date_add": d.dt.offset_by("30d"),
        "year": d.dt.year(),
    }


def normalise(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


def run(engine, spark_session, timed, path, runs):
    """{case: {"times": [...], "answer": value} or {"error": text}}, one warm-up run each."""
    if engine.startswith("polars"):
        import polars as pl
        frame = lambda: pl.scan_parquet(path)  # noqa: E731
        cases = {n: (lambda e=e: frame().select(e.max()).collect(engine="streaming").item()) for n, e in polars_cases(pl).items()}
    else:
        spark, F = spark_session(engine)
        df = spark.read.parquet(path)
        cases = {n: (lambda c=c: df.agg(F.max(c())).collect()[0][0]) for n, c in spark_cases(F).items()}
    out = {}
    for name, fn in cases.items():
        try:
            times, answer = [], None
            for i in range(runs + 1):
                seconds, answer = timed(fn)
                if i > 0:
                    times.append(seconds)
            out[name] = {"times": times, "answer": normalise(answer)}
        except Exception as e:  # one failing function is reported, not fatal
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
    return out


def summarise(raw, median):
    """Medians per engine and case; answers checked against native Polars'."""
    reference = raw.get("polars", {})
    result = {}
    for engine, cases in raw.items():
        result[engine] = {}
        for name, r in cases.items():
            entry = {"median": median(r.get("times", [])), "error": r.get("error")}
            if "answer" in r and "answer" in reference.get(name, {}):
                entry["correct"] = r["answer"] == reference[name]["answer"]
            result[engine][name] = entry
    return result


def section(f, labels, ms, ratio):
    """Markdown lines for docs/performance.md."""
    engines = [e for e in ("pyrust", "polars-1.43", "polars", "pyspark") if e in f["engines"]]
    cases = list(next(iter(f["engines"].values())).keys()) if f["engines"] else []
    get = lambda e, c: f["engines"].get(e, {}).get(c, {}).get("median")  # noqa: E731
    lines = [f"### Functions over {f['rows']:,} rows (median of {f['runs']} runs after one warm-up; `max` of the result)", "",
             "| function | " + " | ".join(labels[e] for e in engines) + " | PyRust / Polars 1.43.2 | PyRust / Polars 2.1.0 |",
             "|" + "---|" * (len(engines) + 3)]
    for c in cases:
        cells = []
        for e in engines:
            r = f["engines"][e].get(c, {})
            cells.append("error" if r.get("error") else ms(r.get("median")) + ("" if r.get("correct", True) else " (wrong answer)"))
        lines.append(f"| `{c}` | " + " | ".join(cells) + f" | {ratio(get('pyrust', c), get('polars-1.43', c))} | {ratio(get('pyrust', c), get('polars', c))} |")
    lines.append("")
    return lines
