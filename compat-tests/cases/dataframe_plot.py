"""df.plot (PySpark 4.0's plotting accessor, plotly backend): every kind, NULLs, the
kwargs passed through to plotly, spark.sql.pyspark.plotting.max_rows, and the errors.
A figure is compared through `fig.to_plotly_json()` reduced to what it draws: each
trace's data (typed arrays decoded, floats to 9 significant digits) and names, and the
layout's titles and bar mode."""

import base64
import datetime
import sys

from harness import case

_TRACE_KEYS = ("type", "name", "x", "y", "orientation", "values", "labels", "mode", "stackgroup",
               "legendgroup", "showlegend", "hovertemplate", "text", "q1", "median", "q3", "mean",
               "lowerfence", "upperfence", "boxpoints", "notched", "domain", "marker")


def _plain(v):
    import numpy as np

    if isinstance(v, dict) and "bdata" in v:  # plotly 6's typed array
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        if "shape" in v:
            arr = arr.reshape([int(s) for s in str(v["shape"]).split(",")])
        return {"dtype": v["dtype"], "values": _plain(arr.tolist())}
    if isinstance(v, np.ndarray):
        return {"ndarray": str(v.dtype), "values": _plain(v.tolist())}
    if isinstance(v, np.generic):
        return _plain(v.item())
    if isinstance(v, float):
        return float(f"{v:.9g}")
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in sorted(v.items())}
    if isinstance(v, (str, int, bool, type(None), datetime.date)):
        return v
    return repr(v)


def _title(axis):
    title = (axis or {}).get("title")
    return title.get("text") if isinstance(title, dict) else title


def _fig(fig):
    j = fig.to_plotly_json()
    traces = [{k: _plain(t[k]) for k in _TRACE_KEYS if k in t} for t in j["data"]]
    layout = j["layout"]
    return {
        "figure": type(fig).__name__,
        "traces": traces,
        "xaxis": _title(layout.get("xaxis")),
        "yaxis": _title(layout.get("yaxis")),
        "title": _title(layout),
        "legend": _title(layout.get("legend")),
        "barmode": layout.get("barmode"),
    }


def _df(spark):
    return spark.createDataFrame([("A", 10, 1.5), ("B", 30, 2.5), ("C", 20, 3.5)], ["category", "int_val", "float_val"])


def _nulls(spark):
    return spark.createDataFrame(
        [("A", 10, 1.5), ("B", None, 2.5), ("C", 20, None), ("D", 5, float("nan")), (None, 7, 0.5)],
        "category string, int_val int, float_val double")


def _iris(spark):
    data = [(5.1, 3.5, 0), (4.9, 3.0, 0), (7.0, 3.2, 1), (6.4, 3.2, 1), (5.9, 3.0, 2)]
    return spark.createDataFrame(data, ["length", "width", "species"])


def _sales(spark):
    data = [(3, 5, 20, datetime.datetime(2018, 1, 31)), (2, 5, 42, datetime.datetime(2018, 2, 28)),
            (3, 6, 28, datetime.datetime(2018, 3, 31)), (9, 12, 62, datetime.datetime(2018, 4, 30))]
    return spark.createDataFrame(data, ["sales", "signups", "visits", "date"])


def _scores(spark):
    data = [("A", 50, 55), ("B", 55, 60), ("C", 60, 65), ("D", 65, 70), ("E", 70, 75), ("F", 10, 15), ("G", 85, 90),
            ("H", 5, 150)]
    return spark.createDataFrame(data, ["student", "math_score", "english_score"])


def _many(spark):
    return spark.range(7).selectExpr("id", "id * 1.5 AS v", "CAST(id AS STRING) AS s")


# --- line / bar / barh / scatter / area: the collected rows drawn by plotly.express --------

@case
def line_one_y(spark):
    return _fig(_df(spark).plot.line(x="category", y="int_val"))


@case
def line_two_y(spark):
    return _fig(_df(spark).plot.line(x="category", y=["int_val", "float_val"]))


@case
def line_by_kind(spark):
    return _fig(_df(spark).plot(kind="line", x="category", y="float_val"))


@case
def line_default_kind(spark):
    return _fig(_df(spark).plot(x="category", y="int_val"))


@case
def line_no_x_uses_index(spark):
    return _fig(_df(spark).plot(kind="line", y="int_val"))


@case
def line_nulls(spark):
    return _fig(_nulls(spark).plot.line(x="category", y=["int_val", "float_val"]))


@case
def line_kwargs(spark):
    return _fig(_df(spark).plot.line(x="category", y="int_val", title="Values", labels={"int_val": "v"}, markers=True))


@case(conf={"spark.sql.pyspark.plotting.max_rows": "3"})
def line_sampled_over_max_rows(spark):
    fig = _many(spark).plot.line(x="id", y="v")
    xs = _plain(fig.to_plotly_json()["data"][0]["x"])["values"]
    return [len(xs), xs == sorted(xs), set(xs) <= set(range(7))]


@case
def line_timestamps(spark):
    return _fig(_sales(spark).plot.line(x="date", y="sales"))


@case
def bar_one_y(spark):
    return _fig(_df(spark).plot.bar(x="category", y="int_val"))


@case
def bar_two_y(spark):
    return _fig(_df(spark).plot.bar(x="category", y=["int_val", "float_val"]))


@case
def bar_nulls(spark):
    return _fig(_nulls(spark).plot.bar(x="category", y="int_val"))


@case
def bar_kwargs(spark):
    return _fig(_df(spark).plot.bar(x="category", y=["int_val", "float_val"], barmode="group", title="t"))


@case(conf={"spark.sql.pyspark.plotting.max_rows": "4"})
def bar_top_n_over_max_rows(spark):
    return _fig(_many(spark).plot.bar(x="s", y="v"))


@case
def barh_one_x(spark):
    return _fig(_df(spark).plot.barh(x="int_val", y="category"))


@case
def barh_two_x(spark):
    return _fig(_df(spark).plot.barh(x=["int_val", "float_val"], y="category"))


@case
def scatter(spark):
    return _fig(_iris(spark).plot.scatter(x="length", y="width"))


@case
def scatter_by_kind_color(spark):
    return _fig(_iris(spark).plot(kind="scatter", x="length", y="width", color="species"))


@case
def scatter_nulls(spark):
    return _fig(_nulls(spark).plot.scatter(x="int_val", y="float_val"))


@case
def area_dates(spark):
    return _fig(_sales(spark).plot.area(x="date", y=["sales", "signups", "visits"]))


@case
def area_one_y(spark):
    return _fig(_df(spark).plot.area(x="category", y="float_val"))


# --- pie ----------------------------------------------------------------------------------

@case
def pie_y(spark):
    return _fig(_sales(spark).plot.pie(x="date", y="sales"))


@case
def pie_by_kind(spark):
    return _fig(_df(spark).plot(kind="pie", x="category", y="int_val"))


@case
def pie_subplots(spark):
    return _fig(_sales(spark).plot.pie(x="date", y=None, subplots=True))


@case
def pie_nulls(spark):
    return _fig(_nulls(spark).plot.pie(x="category", y="float_val"))


@case
def pie_without_y(spark):
    return _fig(_sales(spark).plot.pie(x="date", y=None))


@case
def pie_by_kind_without_y(spark):
    return _fig(_sales(spark).plot(kind="pie", x="date"))


@case
def pie_string_y(spark):
    return _fig(_df(spark).plot.pie(x="int_val", y="category"))


@case
def pie_missing_y_column(spark):
    return _fig(_df(spark).plot.pie(x="category", y="nope"))


# --- box: percentiles and whiskers computed by Spark ----------------------------------------

@case
def box_all_numeric(spark):
    return _fig(_scores(spark).plot.box())


@case
def box_one_column(spark):
    return _fig(_scores(spark).plot.box(column="math_score"))


@case
def box_columns_outlier(spark):
    return _fig(_scores(spark).plot.box(column=["math_score", "english_score"]))


@case
def box_by_kind(spark):
    return _fig(_iris(spark).plot(kind="box", column="length"))


@case
def box_nulls(spark):
    return _fig(_nulls(spark).plot.box(column=["int_val"]))


@case
def box_whis_precision(spark):
    return _fig(_scores(spark).plot.box(column="english_score", whis=0.5, precision=0.1))


@case
def box_boxpoints_false(spark):
    return _fig(_scores(spark).plot.box(column="english_score", boxpoints=False))


@case
def box_kwargs_passed(spark):
    return _fig(_scores(spark).plot.box(column="math_score", marker_color="red"))


@case
def box_boxpoints_all(spark):
    return _fig(_scores(spark).plot.box(boxpoints="all"))


@case
def box_notched(spark):
    return _fig(_scores(spark).plot.box(notched=True))


@case
def box_string_column(spark):
    return _fig(_scores(spark).plot.box(column="student"))


# --- kde: densities computed by Spark ----------------------------------------------------

@case
def kde_ind_int(spark):
    return _fig(_iris(spark).plot.kde(bw_method=0.3, ind=5))


@case
def kde_one_column(spark):
    return _fig(_iris(spark).plot.kde(column="length", bw_method=0.3, ind=[4.0, 5.5, 7.0]))


@case
def kde_columns(spark):
    return _fig(_iris(spark).plot.kde(column=["length", "width"], bw_method=1, ind=4))


@case
def kde_default_ind(spark):
    fig = _iris(spark).plot.kde(column="width", bw_method=0.5)
    data = fig.to_plotly_json()["data"][0]
    x, y = _plain(data["x"])["values"], _plain(data["y"])["values"]
    return [len(x), x[:3], x[-3:], y[:3], y[498:502], _title(fig.to_plotly_json()["layout"].get("yaxis"))]


@case
def kde_by_kind_density(spark):
    return _fig(_iris(spark).plot(kind="density", column="width", bw_method=0.2, ind=3))


@case
def kde_nulls(spark):
    return _fig(_nulls(spark).plot.kde(column="int_val", bw_method=2, ind=4))


@case
def kde_kwargs(spark):
    return _fig(_iris(spark).plot.kde(column="length", bw_method=0.3, ind=3, color=None, title="k"))


@case
def kde_without_bw_method(spark):
    return _fig(_iris(spark).plot.kde(column="length"))


@case
def kde_string_column(spark):
    return _fig(_df(spark).plot.kde(column="category", bw_method=0.3, ind=3))


# --- hist: bins and counts computed by Spark ----------------------------------------------

@case
def hist_all_numeric(spark):
    return _fig(_iris(spark).plot.hist(bins=4))


@case
def hist_one_column(spark):
    return _fig(_iris(spark).plot.hist(column="length", bins=3))


@case
def hist_default_bins(spark):
    return _fig(_scores(spark).plot.hist(column=["math_score", "english_score"]))


@case
def hist_by_kind(spark):
    return _fig(_iris(spark).plot(kind="hist", column="width", bins=2))


@case
def hist_nulls_nan(spark):
    return _fig(_nulls(spark).plot.hist(bins=3))


@case
def hist_infinity(spark):
    return _fig(spark.createDataFrame([(1.0,), (float("inf"),), (2.0,)], "v double").plot.hist(bins=2))


@case
def hist_only_nan(spark):
    return _fig(spark.createDataFrame([(float("nan"),), (None,)], "v double").plot.hist(bins=2))


@case
def hist_constant(spark):
    return _fig(spark.createDataFrame([(4,), (4,), (None,)], "v int").plot.hist(bins=2))


@case
def hist_layout_kwargs(spark):
    return _fig(_iris(spark).plot.hist(column="length", bins=2, title="h", barmode="overlay", nonsense=1))


@case
def hist_string_column(spark):
    return _fig(_df(spark).plot.hist(column=["int_val", "category"]))


@case
def hist_missing_column(spark):
    return _fig(_df(spark).plot.hist(column="nope"))


# --- more edges: default max_rows, all-NULL and decimal columns, names by case --------------

@case
def line_sampled_default_max_rows(spark):
    fig = spark.range(1200).plot.line(x="id", y="id")
    xs = _plain(fig.to_plotly_json()["data"][0]["x"])["values"]
    return [len(xs), xs == sorted(xs), len(set(xs))]


@case
def bar_top_n_default_max_rows(spark):
    fig = spark.range(1005).selectExpr("id", "id % 7 AS v").plot.bar(x="id", y="v")
    xs = _plain(fig.to_plotly_json()["data"][0]["x"])["values"]
    return [len(xs), xs[:3], xs[-3:]]


@case
def box_all_null(spark):
    return _fig(spark.createDataFrame([(None,), (None,)], "v double").plot.box())


@case
def box_decimal(spark):
    return _fig(spark.createDataFrame([(1,), (2,), (40,), (3,)], "v int").selectExpr("CAST(v AS DECIMAL(10,2)) AS d").plot.box())


@case
def hist_decimal(spark):
    return _fig(spark.createDataFrame([(1,), (2,), (40,), (3,)], "v int").selectExpr("CAST(v AS DECIMAL(10,2)) AS d").plot.hist(bins=3))


@case
def hist_one_bin(spark):
    return _fig(_iris(spark).plot.hist(column="length", bins=1))


@case
def kde_numpy_ind(spark):
    import numpy as np

    return _fig(_iris(spark).plot.kde(column="length", bw_method=0.4, ind=np.array([5.0, 6.0])))


@case
def kde_decimal(spark):
    df = spark.createDataFrame([(1,), (2,), (4,)], "v int").selectExpr("CAST(v AS DECIMAL(10,2)) AS d")
    return _fig(df.plot.kde(bw_method=1.0, ind=3))


@case
def pie_subplots_with_y(spark):
    return _fig(_sales(spark).plot.pie(x="date", y="visits", subplots=True))


@case
def hist_column_other_case(spark):
    return _fig(_df(spark).plot.hist(column="INT_VAL"))


@case
def line_column_other_case(spark):
    return _fig(_df(spark).plot.line(x="CATEGORY", y="int_val"))


@case
def kde_empty_with_ind(spark):
    return _fig(_iris(spark).limit(0).plot.kde(column=["length", "width"], bw_method=0.3, ind=[1.0, 2.0]))


@case
def kde_empty_ind_count(spark):
    return _fig(_iris(spark).limit(0).plot.kde(column="length", bw_method=0.3, ind=3))


@case
def hist_empty(spark):
    return _fig(_iris(spark).limit(0).plot.hist(bins=3))


@case
def box_empty(spark):
    return _fig(_iris(spark).limit(0).plot.box(column="length"))


@case
def line_empty(spark):
    return _fig(_iris(spark).limit(0).plot.line(x="length", y="width"))


@case
def conf_max_rows_default(spark):
    key = "spark.sql.pyspark.plotting.max_rows"
    return [spark.conf.get(key), key in spark.conf.getAll]


@case(conf={"spark.sql.pyspark.plotting.max_rows": "abc"})
def conf_max_rows_not_a_number(spark):
    return _fig(_df(spark).plot.bar(x="category", y="int_val"))


@case(conf={"spark.sql.pyspark.plotting.max_rows": "0"})
def conf_max_rows_zero(spark):
    return _fig(_df(spark).plot.bar(x="category", y="int_val"))


@case(conf={"spark.sql.pyspark.plotting.max_rows": "1"})
def conf_max_rows_one_line(spark):
    fig = _df(spark).plot.line(x="category", y="int_val")
    return len(_plain(fig.to_plotly_json()["data"][0]["x"])["values"])


@case
def column_named_plot(spark):
    df = spark.createDataFrame([(1, 2)], ["plot", "b"])
    return [type(df.plot).__name__, df.select(df["plot"]).first()[0]]


# --- the accessor's own errors --------------------------------------------------------------

@case
def accessor_type(spark):
    return type(_df(spark).plot).__name__


@case
def unknown_kind(spark):
    return _fig(_df(spark).plot(kind="violin", x="category", y="int_val"))


@case
def unknown_backend(spark):
    return _fig(_df(spark).plot(kind="line", backend="matplotlib", x="category", y="int_val"))


@case
def line_without_x(spark):
    return _fig(_df(spark).plot.line(y="int_val"))


@case
def bar_without_y(spark):
    return _fig(_df(spark).plot.bar(x="category"))


@case
def scatter_unknown_column(spark):
    return _fig(_df(spark).plot.scatter(x="category", y="nope"))


@case
def plotly_not_installed(spark):
    # plotly hidden as if not installed: `import plotly` raises ImportError.
    saved = {n: m for n, m in sys.modules.items() if n == "plotly" or n.startswith("plotly.")}
    for n in saved:
        del sys.modules[n]
    sys.modules["plotly"] = None
    try:
        return _fig(_df(spark).plot.line(x="category", y="int_val"))
    finally:
        del sys.modules["plotly"]
        sys.modules.update(saved)
