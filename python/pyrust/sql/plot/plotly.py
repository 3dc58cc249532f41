"""The plotly backend: draws what `core` collected or computed, as PySpark 4.0.1's
pyspark/sql/plot/plotly.py does (the same plotly calls, so the same figures)."""

import inspect
from typing import TYPE_CHECKING, Any, List, Optional, Union

from pyrust.errors import PySparkTypeError, PySparkValueError
from pyrust.sql.plot.core import (
    PySparkBoxPlotBase,
    PySparkHistogramPlotBase,
    PySparkKdePlotBase,
    PySparkPlotAccessor,
)
from pyrust.sql.types import NumericType

if TYPE_CHECKING:
    from pyrust.sql.dataframe import DataFrame


def plot_pyspark(data: "DataFrame", kind: str, **kwargs: Any) -> Any:
    import plotly

    drawers = {"pie": plot_pie, "box": plot_box, "kde": plot_kde, "density": plot_kde, "hist": plot_histogram}
    if kind in drawers:
        return drawers[kind](data, **kwargs)
    # An unknown kind is PySpark's KeyError from this lookup.
    pdf = PySparkPlotAccessor.plot_data_map[kind](data)
    return plotly.plot(pdf, kind, **kwargs)  # plotly's pandas backend: plotly.express.<kind>


def plot_pie(data: "DataFrame", **kwargs: Any) -> Any:
    from plotly import express

    pdf = PySparkPlotAccessor.plot_data_map["pie"](data)
    x = kwargs.pop("x", None)
    y = kwargs.pop("y", None)
    subplots = kwargs.pop("subplots", False)
    if y is None and not subplots:
        raise PySparkValueError(errorClass="UNSUPPORTED_PIE_PLOT_PARAM", messageParameters={})
    ys = process_column_param(y, data)
    if not subplots:
        return express.pie(pdf, values=ys[0], names=x, **kwargs)
    from plotly.subplots import make_subplots

    # A pie per numeric column, side by side (pies are domain-based traces).
    fig = make_subplots(rows=1, cols=len(ys), specs=[[{"type": "domain"}] * len(ys)])
    for i, y_col in enumerate(ys):
        fig.add_trace(express.pie(pdf, values=y_col, names=x, **kwargs).data[0], row=1, col=i + 1)
    return fig


def _unsupported_param(param: str, value: Any, supported: List[str]) -> PySparkValueError:
    return PySparkValueError(
        errorClass="UNSUPPORTED_PLOT_BACKEND_PARAM",
        messageParameters={"backend": "plotly", "param": param, "value": str(value),
                           "supported_values": ", ".join(supported)},
    )


def plot_box(data: "DataFrame", **kwargs: Any) -> Any:
    import plotly.graph_objs as go

    # `whis` (matplotlib's) sets the fences; `precision` is percentile_approx's accuracy.
    whis = kwargs.pop("whis", 1.5)
    precision = kwargs.pop("precision", 0.01)
    colnames = process_column_param(kwargs.pop("column", None), data)
    boxpoints = kwargs.pop("boxpoints", "suspectedoutliers")
    notched = kwargs.pop("notched", False)
    if boxpoints not in ["suspectedoutliers", False]:
        raise _unsupported_param("boxpoints", boxpoints, ["suspectedoutliers", "False"])
    if notched:
        raise _unsupported_param("notched", notched, ["False"])

    # PySpark passes `boxpoints is not None`: outliers are always computed.
    results = PySparkBoxPlotBase.compute_box(data, colnames, whis, precision, boxpoints is not None)
    fig = go.Figure()
    for i, (colname, r) in enumerate(zip(colnames, results)):
        fig.add_trace(go.Box(
            x=[i], name=colname, q1=[r["q1"]], median=[r["med"]], q3=[r["q3"]], mean=[r["mean"]],
            lowerfence=[r["lower_whisker"]], upperfence=[r["upper_whisker"]],
            y=[r["fliers"]] if r["fliers"] else None, boxpoints=boxpoints, notched=notched, **kwargs,
        ))
    fig["layout"]["yaxis"]["title"] = "value"
    return fig


def plot_kde(data: "DataFrame", **kwargs: Any) -> Any:
    import pandas as pd
    from plotly import express

    kwargs.setdefault("color", "names")
    bw_method = kwargs.pop("bw_method", None)
    colnames = process_column_param(kwargs.pop("column", None), data)
    ind = PySparkKdePlotBase.get_ind(data.select(*colnames), kwargs.pop("ind", None))
    try:
        import numpy as np

        if isinstance(ind, np.ndarray):
            ind = [float(i) for i in ind]
    except ImportError:
        pass
    densities = PySparkKdePlotBase.compute_kde(data, colnames, bw_method, ind)
    pdf = pd.concat([pd.DataFrame({"Density": d, "names": c, "index": ind}) for c, d in zip(colnames, densities)])
    fig = express.line(pdf, x="index", y="Density", **kwargs)
    fig["layout"]["xaxis"]["title"] = None
    return fig


def plot_histogram(data: "DataFrame", **kwargs: Any) -> Any:
    import plotly.graph_objs as go

    colnames = process_column_param(kwargs.pop("column", None), data)
    numeric = data.select(*colnames)
    bins = PySparkHistogramPlotBase.get_bins(numeric, kwargs.get("bins", 10))
    assert len(bins) > 2, "the number of buckets must be higher than 2."
    series = PySparkHistogramPlotBase.compute_hist(numeric, bins)

    # Hover text "[lo, hi)" with the edges cut to 9 decimals; the last bin is closed.
    edges = [float("%.9f" % b) for b in bins]
    text_bins = ["[%s, %s)" % (lo, hi) for lo, hi in zip(edges, edges[1:])]
    text_bins[-1] = text_bins[-1][:-1] + "]"
    centers = [(bins[i] + bins[i + 1]) / 2 for i in range(len(bins) - 1)]
    bars = [go.Bar(x=centers, y=s, name=s.name, text=text_bins,
                   hovertemplate="variable=" + str(s.name) + "<br>value=%{text}<br>count=%{y}")
            for s in series]
    # Only the kwargs that are layout properties reach the figure.
    layout_keys = inspect.signature(go.Layout).parameters.keys()
    fig = go.Figure(data=bars, layout=go.Layout(**{k: v for k, v in kwargs.items() if k in layout_keys}))
    fig["layout"]["barmode"] = "stack"
    fig["layout"]["xaxis"]["title"] = "value"
    fig["layout"]["yaxis"]["title"] = "count"
    return fig


def process_column_param(column: Optional[Union[str, List[str]]], data: "DataFrame") -> List[str]:
    """The columns to plot: every numeric column when None, else the given ones, each of
    which must exist (by exact name) and be numeric."""
    fields = data.schema.fields
    if column is None:
        return [f.name for f in fields if isinstance(f.dataType, NumericType)]
    if isinstance(column, str):
        column = [column]
    for name in column:
        field = next((f for f in fields if f.name == name), None)
        if field is None or not isinstance(field.dataType, NumericType):
            raise PySparkTypeError(
                errorClass="PLOT_INVALID_TYPE_COLUMN",
                messageParameters={"col_name": name, "valid_types": NumericType.__name__,
                                   "col_type": type(field.dataType).__name__ if field else "None"},
            )
    return column
