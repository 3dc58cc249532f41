"""The `udf` suite: Python UDFs over many rows — a plain `@udf`, an Arrow `@udf`, a
scalar `pandas_udf`, an iterator `pandas_udf`, `mapInPandas` and a grouped
`applyInPandas` — on PyRust and on PySpark, beside the
same pandas function called directly on the whole column (the floor a pandas UDF can
reach). Each case reduces the UDF's column with `sum`, so every row is computed and one
value crosses back; answers are compared between engines.
"""



def _functions(engine):
    if engine == "pyrust":
        from pyrust.sql.functions import pandas_udf, udf
    else:
        from pyspark.sql.functions import pandas_udf, udf
    return udf, pandas_udf


def spark_cases(engine):
    from typing import Iterator

    import pandas as pd

    udf, pandas_udf = _functions(engine)

    def plus(x):
        return x + 1

    plain = udf(plus, "long")
    arrow = udf(plus, "long", useArrow=True)

    @pandas_udf("long")
    def series_plus(s: pd.Series) -> pd.Series:
        return s + 1

    @pandas_udf("long")
    def iter_plus(it: Iterator[pd.Series]) -> Iterator[pd.Series]:
        for s in it:
            yield s + 1

    return {"udf": plain, "udf_arrow": arrow, "pandas_udf": series_plus, "pandas_udf_iter": iter_plus}


def _plus_frames(batches):
    for pdf in batches:
        yield pdf.assign(id=pdf.id + 1)


def _plus_group(pdf):
    return pdf.assign(id=pdf.id + 1)


def frame_cases(df, F):
    """The pandas function APIs over the same rows: `mapInPandas`, and `applyInPandas`
    over 100 groups, each reduced with `sum` as the UDF cases are."""
    keyed = df.withColumn("g", F.col("id") % 100)
    return {
        "map_in_pandas": lambda: df.mapInPandas(_plus_frames, "id long").agg(F.sum("id")).collect()[0][0],
        "apply_in_pandas": lambda: keyed.groupBy("g").applyInPandas(_plus_group, "id long, g long").agg(F.sum("id")).collect()[0][0],
    }


def run(engine, spark_session, timed, rows, runs):
    """{case: {"times": [...], "answer": value} or {"error": text}}, one warm-up run each."""
    out = {}
    if engine == "pyspark":
        import os
        import sys

        # The Python workers need this interpreter's pandas and pyarrow, and this
        # module: cloudpickle pickles its module-level functions by reference.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        here = os.path.dirname(os.path.abspath(__file__))
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)
    if engine == "pandas":
        import numpy as np
        import pandas as pd

        s = pd.Series(np.arange(rows, dtype="int64"))

        def in_batches():
            # The floor of a pandas UDF at Spark's batch size: the same function called
            # on 10,000-row Series (pandas' own cost per call, times 1,000 calls).
            return sum(int((s.iloc[i:i + 10_000] + 1).sum()) for i in range(0, rows, 10_000))

        cases = {"pandas_direct": lambda: int((s + 1).sum()), "pandas_batches": in_batches}
    else:
        spark, F = spark_session(engine)
        df = spark.range(rows)
        cases = {n: (lambda f=f: df.agg(F.sum(f("id"))).collect()[0][0]) for n, f in spark_cases(engine).items()}
        cases.update(frame_cases(df, F))
    for name, fn in cases.items():
        try:
            times, answer = [], None
            for i in range(runs + 1):
                seconds, answer = timed(fn)
                if i > 0:
                    times.append(seconds)
            out[name] = {"times": times, "answer": answer, "rows_per_second": rows / min(times) if times else None}
        except Exception as e:  # one failing case is reported, not fatal
            out[name] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
    return out


def summarise(raw, median):
    result = {}
    for engine, cases in raw.items():
        result[engine] = {}
        for name, r in cases.items():
            m = median(r.get("times", [])) if r.get("times") else None
            result[engine][name] = {"median": m, "answer": r.get("answer"), "error": r.get("error")}
    return result


if __name__ == "__main__":
    # Quick look without bench/run.py: python bench/udf_suite.py pyrust|pyspark|pandas ROWS
    import sys

    from worker import spark_session, timed  # the timer and sessions bench/run.py gives the suites

    engine, rows = sys.argv[1], int(sys.argv[2])
    for name, r in run(engine, spark_session, timed, rows, 2).items():
        print(engine, name, r)
