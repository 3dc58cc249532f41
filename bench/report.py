"""Renders bench/results/results.json into docs/performance.md and PNG charts.

    python bench/report.py [results.json]

Only the part of docs/performance.md between the `figures` markers is rewritten; the
prose around it is written by hand.
"""

import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOC = os.path.join(ROOT, "docs", "performance.md")
IMG = os.path.join(ROOT, "docs", "img")
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
COLOURS = {"pyrust": "#d9541e", "polars-1.43": "#7fa7d9", "polars": "#2f6eba", "pyspark": "#8c8c8c", "pyarrow": "#5aa05a",
           "duckdb": "#e0b000"}
LABELS = {"pyrust": "PyRust", "polars-1.43": "Polars 1.43.2 (same engine)", "polars": "Polars 2.1.0 (newest)",
          "pyspark": "PySpark 4.0.1", "pyarrow": "pyarrow", "duckdb": "DuckDB 2.0.0"}


def save(fig, name, alt):
    """Writes the chart to docs/img/<name>.png and returns its Markdown image line."""
    fig.tight_layout()
    fig.savefig(os.path.join(IMG, f"{name}.png"), dpi=110)
    plt.close(fig)
    return f"![{alt}](img/{name}.png)"


def ms(seconds):
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def gb(n):
    return "–" if n is None else f"{n / 2**30:.2f} GB"


def measured(section):
    """A suite run on another day than the file's date says when, and at what load."""
    m = section.get("measured")
    return f"; measured {m['date']}, load {m['load']}" if m else ""


def ratio(a, b):
    return "–" if not a or not b else f"{a / b:.2f}×"


def tpch_section(t):
    engines = [e for e in ("pyrust", "polars-1.43", "polars", "pyspark") if e in t["engines"]]
    queries = sorted({q for e in engines for q in t["engines"][e]["queries"]}, key=int)
    get = lambda e, q: t["engines"].get(e, {}).get("queries", {}).get(q, {}).get("median")  # noqa: E731
    lines = [f"### TPC-H SF{t['scale']:g} (median of {t['runs']} runs after one warm-up)", ""]
    lines += ["| query | " + " | ".join(LABELS[e] for e in engines)
              + " | PyRust / Polars 1.43.2 | PyRust / Polars 2.1.0 | PySpark / PyRust |",
              "|" + "---|" * (len(engines) + 4)]
    for q in queries:
        cells = []
        for e in engines:
            r = t["engines"][e]["queries"].get(q, {})
            if r.get("error"):
                cells.append("error")
            else:
                mark = "" if r.get("correct", True) else " (wrong answer)"
                cells.append(ms(r.get("median")) + mark)
        lines.append(f"| Q{q} | " + " | ".join(cells) + f" | {ratio(get('pyrust', q), get('polars-1.43', q))}"
                     f" | {ratio(get('pyrust', q), get('polars', q))} | {ratio(get('pyspark', q), get('pyrust', q))} |")
    g = t.get("geomean", {})
    lines.append("| **geomean** | " + " | ".join(f"**{ms(g.get(e))}**" for e in engines)
                 + f" | **{ratio(g.get('pyrust'), g.get('polars-1.43'))}** | **{ratio(g.get('pyrust'), g.get('polars'))}**"
                 f" | **{ratio(g.get('pyspark'), g.get('pyrust'))}** |")
    correct = {e: sum(1 for r in t["engines"][e]["queries"].values() if r.get("correct")) for e in engines}
    lines += ["", "Answers matching Polars 2.1.0's: " + ", ".join(f"{LABELS[e]} {n}/{len(queries)}" for e, n in correct.items())
              + f". Geometric means over the {len(t.get('common_queries', []))} queries every engine answered correctly."]
    same = [r.get("identical_to_pyspark") for r in t["engines"].get("pyrust", {}).get("queries", {}).values()]
    if any(v is not None for v in same):
        lines.append(f"PyRust's answers identical to PySpark's (values and column names, exactly): {sum(1 for v in same if v)}/{len(queries)}.")
    lines += ["Peak RSS of the whole run: " + ", ".join(f"{LABELS[e]} {gb(t['engines'][e]['peak_rss'])}" for e in engines) + ".", ""]

    fig, ax = plt.subplots(figsize=(11, 4.2))
    width = 0.8 / len(engines)
    for i, e in enumerate(engines):
        xs = [j + i * width for j in range(len(queries))]
        ys = [t["engines"][e]["queries"].get(q, {}).get("median") or 0 for q in queries]
        ax.bar(xs, ys, width, label=LABELS[e], color=COLOURS[e])
    ax.set_yscale("log")
    ax.set_xticks([j + width * (len(engines) - 1) / 2 for j in range(len(queries))], [f"Q{q}" for q in queries])
    ax.set_ylabel("seconds (log scale)")
    ax.set_title(f"TPC-H SF{t['scale']:g}, median time per query", pad=28)
    ax.legend(ncol=len(engines), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=9)
    lines += [save(fig, "tpch", "TPC-H times per query"), ""]
    return lines


def tpcds_section(t):
    """bench/tpcds_suite: the 103 TPC-DS query texts on PyRust, PySpark and native DuckDB,
    each query's median, PySpark's and DuckDB's time over PyRust's, and whether each
    answer is PySpark's; geometric means over the queries every engine answered so."""
    engines = [e for e in ("pyrust", "pyspark", "duckdb") if e in t["engines"]]
    from tpcds_suite import query_names

    known = set(query_names())
    names = [q for q in query_names() if any(q in t["engines"][e] for e in engines)]
    names += sorted({q for e in engines for q in t["engines"][e]} - known)
    get = lambda e, q: t["engines"].get(e, {}).get(q, {}).get("median")  # noqa: E731
    same = lambda e, q: t["engines"].get(e, {}).get(q, {}).get("same_as_pyspark")  # noqa: E731
    over = [o for o in ("pyspark", "duckdb") if o in engines and "pyrust" in engines]
    lines = [f"### TPC-DS SF{t['scale']:g} (median of {t['runs']} runs after one warm-up{measured(t)})", "",
             "| query | " + " | ".join(LABELS[e] for e in engines) + " | "
             + " | ".join(f"{LABELS[o]} / PyRust" for o in over) + " |",
             "|---|" + "---|" * (len(engines) + len(over))]
    marks = {False: " (differs from PySpark)", "unordered": " (PySpark's rows, other order)"}
    for q in names:
        cells = []
        for e in engines:
            r = t["engines"][e].get(q, {})
            cells.append("error" if r.get("error") else ms(r.get("median")) + marks.get(r.get("same_as_pyspark"), ""))
        lines.append(f"| {q} | " + " | ".join(cells + [ratio(get(o, q), get("pyrust", q)) for o in over]) + " |")
    # Geometric means over the queries every engine answered with PySpark's rows (DuckDB's
    # in another order among ties counts: its time is for the same work).
    common = [q for q in names if all(get(e, q) for e in engines)
              and all(same(e, q) is not False for e in engines if e != "pyspark")]
    geo = {e: statistics.geometric_mean([get(e, q) for q in common]) if common else None for e in engines}
    lines.append("| **geomean** | " + " | ".join(f"**{ms(geo[e])}**" for e in engines) + " | "
                 + " | ".join(f"**{ratio(geo.get(o), geo.get('pyrust'))}**" for o in over) + " |")
    errors = {e: sum(1 for r in t["engines"][e].values() if r.get("error")) for e in engines}
    agree = []
    for e in engines:
        verdicts = [r.get("same_as_pyspark") for r in t["engines"][e].values()]
        if e != "pyspark" and any(v is not None for v in verdicts):
            unordered = sum(1 for v in verdicts if v == "unordered")
            agree.append(f"{LABELS[e]} {sum(1 for v in verdicts if v is True)}/{len(names)}"
                         + (f" (+{unordered} in another order)" if unordered else ""))
    lines += ["", f"Geometric means over the {len(common)} queries every engine answered with PySpark's rows. "
              + (f"Answers identical to PySpark's: {', '.join(agree)} (PyRust's compared as text, DuckDB's as numbers "
                 "within 1e-6). " if agree else "")
              + "Errors: " + ", ".join(f"{LABELS[e]} {errors[e]}" for e in engines) + ".", ""]
    if over and common:
        fig, ax = plt.subplots(figsize=(11, 3.6))
        order = sorted(common, key=lambda q: get("pyspark", q) / get("pyrust", q) if "pyspark" in over else q, reverse=True)
        width = 0.8 / len(over)
        for i, o in enumerate(over):
            ax.bar([x + i * width for x in range(len(order))], [get(o, q) / get("pyrust", q) for q in order], width,
                   color=COLOURS[o], label=f"{LABELS[o]} time / PyRust time")
        ax.axhline(1, color="#8c8c8c", linewidth=0.8)
        ax.set_yscale("log")
        ax.set_xticks(range(len(order)), order, rotation=90, fontsize=6)
        ax.set_ylabel("time / PyRust time (log)")
        ax.legend(fontsize=7)
        ax.set_title(f"TPC-DS SF{t['scale']:g}: each engine's time over PyRust's per query")
        lines += [save(fig, "tpcds", "TPC-DS times over PyRust's per query"), ""]
    return lines


def latency_section(lat):
    names = {"tiny_query": "tiny query (createDataFrame of 10 rows, filter, withColumn, select, collect)",
             "withcolumn_chain_50": "plan building: 50 chained `withColumn`"}
    engines = [e for e in ("pyrust", "pyspark") if e in lat]
    lines = ["### Per-call overhead (median)", "", "| | " + " | ".join(LABELS[e] for e in engines) + " | PySpark / PyRust |", "|---|" + "---|" * (len(engines) + 1)]
    for k, label in names.items():
        vals = [lat[e].get(k, {}).get("median") for e in engines]
        lines.append(f"| {label} | " + " | ".join(ms(v) for v in vals) + f" | {ratio(lat.get('pyspark', {}).get(k, {}).get('median'), lat.get('pyrust', {}).get(k, {}).get('median'))} |")
    lines.append("")
    fig, ax = plt.subplots(figsize=(7, 3))
    keys = list(names)
    width = 0.8 / max(1, len(engines))
    for i, e in enumerate(engines):
        ax.barh([j + i * width for j in range(len(keys))], [(lat[e].get(k, {}).get("median") or 0) * 1000 for k in keys],
                width, label=LABELS[e], color=COLOURS[e])
    ax.set_xscale("log")
    ax.set_yticks([j + width * (len(engines) - 1) / 2 for j in range(len(keys))], ["tiny query", "50× withColumn"])
    ax.set_xlabel("milliseconds (log scale)")
    ax.legend()
    lines += [save(fig, "latency", "Per-call overhead"), ""]
    return lines


def conversion_section(conv):
    rows = [("collect_1m", "`collect()` 1 M rows × 5 columns (pyarrow: `Table.to_pylist()`)"),
            ("topandas_10m", "`toPandas()` 10 M rows (pyarrow: `Table.to_pandas()`)"),
            ("toarrow_10m", "`toArrow()` 10 M rows"),
            ("createdataframe_pandas_10m", "`createDataFrame(pandas)` 10 M rows")]
    engines = [e for e in ("pyrust", "pyarrow", "pyspark") if e in conv]
    lines = ["### Moving data between Python and the engine (median)", "", "| | " + " | ".join(LABELS[e] for e in engines) + " | PyRust / pyarrow |",
             "|---|" + "---|" * (len(engines) + 1)]
    for k, label in rows:
        vals = [conv[e].get(k, {}).get("median") for e in engines]
        lines.append(f"| {label} | " + " | ".join(ms(v) for v in vals)
                     + f" | {ratio(conv.get('pyrust', {}).get(k, {}).get('median'), conv.get('pyarrow', {}).get(k, {}).get('median'))} |")
    lines.append("")
    return lines


def windows_section(w):
    names = {"dedupe_row_number": "`row_number` dedupe (newest row per key)",
             "running_sum_rows": "running sum (ROWS UNBOUNDED PRECEDING..CURRENT ROW)",
             "moving_avg_7_days_range": "7-day moving average (RANGE 6 PRECEDING over a date)",
             "lag_difference": "`lag` difference"}
    engines = [e for e in ("pyrust", "polars-1.43", "polars", "pyspark") if e in w["engines"]]
    get = lambda e, q: w["engines"].get(e, {}).get("queries", {}).get(q, {}).get("median")  # noqa: E731
    lines = [f"### Window functions: {w['rows']:,} rows in {w['partitions']:,} partitions (median of {w['runs']} runs after one warm-up)", "",
             "| query | " + " | ".join(LABELS[e] for e in engines) + " | PyRust / Polars 1.43.2 | PyRust / Polars 2.1.0 | PySpark / PyRust |",
             "|---|" + "---|" * (len(engines) + 3)]
    for q, label in names.items():
        cells = []
        for e in engines:
            entry = w["engines"][e]["queries"].get(q, {})
            cell = "error" if entry.get("error") else ms(entry.get("median"))
            if entry.get("correct") is False:
                cell += f" (differs from {LABELS[w.get('reference', 'polars')]})"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {ratio(get('pyrust', q), get('polars-1.43', q))}"
                     f" | {ratio(get('pyrust', q), get('polars', q))} | {ratio(get('pyspark', q), get('pyrust', q))} |")
    lines.append("")
    return lines


def ooc_section(o):
    t = o.get("times", {})
    lines = [f"### Out of core: SF{o['scale']:g} `lineitem` under a memory cap", "",
             f"- data: {gb(o['parquet_bytes'])} of Parquet, **{gb(o['in_memory_bytes'])} in memory** (Arrow size)",
             f"- cap: {gb(o['memory_cap']) if o['memory_cap'] else 'none available on this host'} (cgroup `memory.limit_in_bytes`, page cache included)",
             f"- peak RSS of the PyRust process: **{gb(o['peak_rss'])}** ({o['peak_rss'] / o['in_memory_bytes']:.0%} of the data's in-memory size)"]
    if o.get("cgroup_peak"):
        lines.append(f"- peak of the cgroup (RSS + page cache): {gb(o['cgroup_peak'])}")
    for k, v in t.items():
        if isinstance(v, list) and v:
            lines.append(f"- `{k}`: {ms(statistics.median(v))} (median of {len(v)})")
    lines.append("")
    fig, ax = plt.subplots(figsize=(7, 2.6))
    labels = ["data in memory", "memory cap", "peak RSS"]
    vals = [o["in_memory_bytes"], o["memory_cap"] or 0, o["peak_rss"]]
    ax.barh(labels, [v / 2**30 for v in vals], color=["#8c8c8c", "#2f6eba", "#d9541e"])
    ax.set_xlabel("GB")
    ax.set_title(f"SF{o['scale']:g} lineitem group-by on PyRust's streaming engine")
    lines += [save(fig, "out_of_core", "Out of core"), ""]
    return lines


def udf_section(u):
    """bench/udf_suite: Python UDFs over many rows (issue 11's measure): rows/second per
    engine, PySpark's time over PyRust's, and the pandas UDF beside the same pandas
    function called directly on the whole column."""
    names = {"udf": "plain `@udf`", "udf_arrow": "Arrow `@udf` (`useArrow=True`)", "pandas_udf": "scalar `pandas_udf`",
             "pandas_udf_iter": "iterator `pandas_udf`", "map_in_pandas": "`mapInPandas`",
             "apply_in_pandas": "`applyInPandas` (100 groups)"}
    engines = [e for e in ("pyrust", "pyspark") if e in u["engines"]]
    get = lambda e, c: u["engines"].get(e, {}).get(c, {}).get("median")  # noqa: E731
    rate = lambda s: "–" if not s else f"{u['rows'] / s / 1e6:.1f} M rows/s"  # noqa: E731
    lines = [f"### Python UDFs over {u['rows']:,} rows (median of {u['runs']} runs after one warm-up; `sum` of the result{measured(u)})", "",
             "| case | " + " | ".join(LABELS[e] for e in engines) + " | PySpark / PyRust |", "|---|" + "---|" * (len(engines) + 1)]
    for c, label in names.items():
        cells = []
        for e in engines:
            r = u["engines"][e].get(c, {})
            cells.append("error" if r.get("error") else f"{ms(r.get('median'))} ({rate(r.get('median'))})")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {ratio(get('pyspark', c), get('pyrust', c))} |")
    direct = get("pandas", "pandas_direct")
    if direct:
        lines += ["", f"The same pandas function called directly on the whole column: {ms(direct)}; "
                  f"PyRust's scalar `pandas_udf` takes {ratio(get('pyrust', 'pandas_udf'), direct)} of that "
                  f"(in batches of `spark.sql.execution.arrow.maxRecordsPerBatch` = 10,000 rows, as Spark)."]
    batches = get("pandas", "pandas_batches")
    if batches:
        lines += ["", f"The same function called directly on 10,000-row slices of the column (the floor at Spark's "
                  f"batch size): {ms(batches)}; the scalar `pandas_udf` takes {ratio(get('pyrust', 'pandas_udf'), batches)} of that."]
    lines.append("")
    return lines


def io_section(io):
    """bench/io_suite: reads and writes of CSV, JSON Lines and Parquet over the same table
    (median times, each engine's answers checked against native Polars'), then the big
    pipeline: a CSV of at least 2 GB read and written as Parquet partitioned by a column,
    one process per engine, with its peak memory beside the file's size."""
    engines = [e for e in ("pyrust", "polars", "pyspark") if e in io["engines"]]
    get = lambda e, c: io["engines"].get(e, {}).get(c, {}).get("median")  # noqa: E731
    cases = list(dict.fromkeys(c for e in engines for c in io["engines"][e]))
    lines = [f"### Reading and writing files: {io['rows']:,} rows (median of {io['runs']} runs after one warm-up{measured(io)})", "",
             "| case | " + " | ".join(LABELS[e] for e in engines) + " | PyRust / Polars | PySpark / PyRust |",
             "|---|" + "---|" * (len(engines) + 2)]
    for c in cases:
        cells = []
        for e in engines:
            r = io["engines"][e].get(c, {})
            same = r.get("same_answer_as_polars")
            cells.append("error" if r.get("error") else ms(r.get("median")) + (" (different answer)" if same is False else ""))
        lines.append(f"| `{c}` | " + " | ".join(cells) + f" | {ratio(get('pyrust', c), get('polars', c))} | {ratio(get('pyspark', c), get('pyrust', c))} |")
    peaks = io.get("peak_rss_bytes", {})
    lines += ["", "Peak RSS of each engine's process over all the cases above: "
              + ", ".join(f"{LABELS[e]} {gb(peaks.get(e))}" for e in engines) + ".", ""]
    big = io.get("big")
    if big:
        size = big["csv_bytes"]
        bengines = [e for e in ("pyrust", "polars-1.43", "polars", "pyspark") if e in big["engines"]]
        native = "polars-1.43" if "polars-1.43" in bengines else "polars"
        b = lambda e, k: big["engines"][e].get(k)  # noqa: E731
        lines += [f"#### A {size / 1e9:.2f} GB CSV ({big['rows']:,} rows) read and written as Parquet partitioned by a column", "",
                  "Peak RSS counts the pages of the CSV file the reader maps (they stay cached); anonymous RSS, "
                  "sampled every 0.2 s over the process and its children, is the memory the run holds itself.", "",
                  "| | " + " | ".join(LABELS[e] for e in bengines) + f" | PyRust / {LABELS[native]} |", "|---|" + "---|" * (len(bengines) + 1)]
        rows = [("time", lambda e: ms(b(e, "seconds")) if not b(e, "error") else "error", "seconds"),
                ("peak RSS", lambda e: gb(b(e, "peak_rss")), "peak_rss"),
                ("peak RSS / file size", lambda e: ratio(b(e, "peak_rss"), size), None),
                ("peak anonymous RSS", lambda e: gb(b(e, "peak_anon_rss")), "peak_anon_rss"),
                ("peak anonymous RSS / file size", lambda e: ratio(b(e, "peak_anon_rss"), size), None)]
        for label, cell, key in rows:
            versus = ratio(b("pyrust", key), b(native, key)) if key and "pyrust" in bengines and native in bengines else ""
            lines.append(f"| {label} | " + " | ".join(cell(e) for e in bengines) + f" | {versus} |")
        lines.append("")
    return lines


def ci_section(ci):
    """bench/ci_suite: a pytest suite of small-DataFrame tests (issue 12's measure)."""
    engines = [e for e in ("pyrust", "pyspark") if e in ci]
    tests = max((ci[e].get("serial", {}).get("tests") or 0) for e in engines) if engines else 0
    lines = [f"### A CI test suite ({tests} tests of small DataFrames, `bench/ci_suite`)", "",
             "Plain PySpark tests through PyRust's pytest plugin (`--pyrust-engine=pyspark` for PySpark); "
             "start-up is `import` + `getOrCreate` in a fresh process; per test is setup + call + teardown; "
             "total is the whole `pytest` run.", "",
             "| | " + " | ".join(LABELS[e] for e in engines) + " | PySpark / PyRust |", "|---|" + "---|" * (len(engines) + 1)]
    rows = [("start-up", lambda e: ci[e].get("startup")),
            ("median per test", lambda e: ci[e].get("serial", {}).get("per_test_median")),
            ("whole suite", lambda e: ci[e].get("serial", {}).get("total")),
            ("whole suite, `-n 2`", lambda e: ci[e].get("n2", {}).get("total"))]
    for label, get in rows:
        vals = [get(e) for e in engines]
        lines.append(f"| {label} | " + " | ".join(ms(v) for v in vals) + " | "
                     + ratio(get("pyspark") if "pyspark" in ci else None, get("pyrust") if "pyrust" in ci else None) + " |")
    lines.append("")
    return lines


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "results", "results.json")
    with open(path) as f:
        r = json.load(f)
    os.makedirs(IMG, exist_ok=True)
    m = r.get("machine", {})
    lines = [START, "", f"_Measured {m.get('date')} on {m.get('cpus')} cores, {m.get('platform')}, Python {m.get('python')}; "
             "regenerate with `make bench`._", ""]
    if "tpch" in r:
        lines += tpch_section(r["tpch"])
    if "tpcds" in r:
        lines += tpcds_section(r["tpcds"])
    if "latency" in r:
        lines += latency_section(r["latency"])
    if "conversion" in r:
        lines += conversion_section(r["conversion"])
    if "windows" in r:
        lines += windows_section(r["windows"])
    if "ooc" in r:
        lines += ooc_section(r["ooc"])
    if "functions" in r:
        import functions_suite
        lines += functions_suite.section(r["functions"], LABELS, ms, ratio)
    if "udf" in r:
        lines += udf_section(r["udf"])
    if "io" in r:
        lines += io_section(r["io"])
    if "ci" in r:
        lines += ci_section(r["ci"])
    if "s3" in r:
        import s3_suite
        lines += s3_suite.section(r["s3"], ms)
    lines.append(END)
    block = "\n".join(lines)
    text = open(DOC).read() if os.path.exists(DOC) else f"# Performance\n\n{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    with open(DOC, "w") as f:
        f.write(before + block + after)
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
