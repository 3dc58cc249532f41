"""The plot accessor and what Spark computes for a plot: the rows collected (the first
`max_rows`, or a sample of them), box statistics, kernel densities and histogram
counts. Each follows PySpark 4.0.1's pyspark/sql/plot/core.py observably: the same
queries' results, the same errors."""

import math
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

from pyrust.errors import PySparkImportError, PySparkValueError

if TYPE_CHECKING:
    from pyrust.sql.dataframe import DataFrame

__all__ = [
    "PySparkPlotAccessor", "PySparkTopNPlotBase", "PySparkSampledPlotBase", "PySparkKdePlotBase",
    "PySparkHistogramPlotBase", "PySparkBoxPlotBase",
]

MAX_ROWS_CONF = "spark.sql.pyspark.plotting.max_rows"
MINIMUM_PLOTLY_VERSION = "4.8"


def _max_rows(sdf: "DataFrame") -> int:
    return int(sdf.sparkSession.conf.get(MAX_ROWS_CONF))


def require_minimum_plotly_version() -> None:
    """PySpark's check: plotly importable and at least 4.8."""
    try:
        import plotly
    except ImportError as error:
        raise PySparkImportError(
            errorClass="PACKAGE_NOT_INSTALLED",
            messageParameters={"package_name": "Plotly", "minimum_version": MINIMUM_PLOTLY_VERSION},
        ) from error
    if _version_tuple(plotly.__version__) < _version_tuple(MINIMUM_PLOTLY_VERSION):
        raise PySparkImportError(
            errorClass="UNSUPPORTED_PACKAGE_VERSION",
            messageParameters={"package_name": "Plotly", "minimum_version": MINIMUM_PLOTLY_VERSION,
                               "current_version": str(plotly.__version__)},
        )


def _version_tuple(version: str) -> tuple:
    parts = []
    for p in str(version).split("."):
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def linspace(start: float, stop: float, num: int) -> List[float]:
    """PySpark's NumpyHelper.linspace: `start + step * i`, so the first point keeps
    start's type (an int stays an int)."""
    if num == 1:
        return [float(start)]
    step = (float(stop) - float(start)) / (num - 1)
    return [start + step * i for i in range(num)]


class PySparkTopNPlotBase:
    """bar, barh, pie: the first max_rows rows."""

    def get_top_n(self, sdf: "DataFrame") -> Any:
        max_rows = _max_rows(sdf)
        pdf = sdf.limit(max_rows + 1).toPandas()
        self.partial = len(pdf) > max_rows
        return pdf.iloc[:max_rows] if self.partial else pdf


class PySparkSampledPlotBase:
    """line, area, scatter: every row when there are at most max_rows, else a random
    max_rows of them in their original order."""

    def get_sampled(self, sdf: "DataFrame") -> Any:
        from pyrust.sql import functions as F

        max_rows = _max_rows(sdf)
        # PySpark always samples; with at most max_rows rows a sample is all of them, in order.
        pdf = sdf.limit(max_rows + 1).toPandas()
        if len(pdf) <= max_rows:
            self.fraction = 1.0
            return pdf
        rand_col, id_col = "__pyspark_plotting_sampled_plot_base_rand__", "__pyspark_plotting_sampled_plot_base_id__"
        sampled = (sdf.select("*", F.rand().alias(rand_col), F.monotonically_increasing_id().alias(id_col))
                   .sort(rand_col).limit(max_rows).coalesce(1).sortWithinPartitions(id_col)
                   .drop(rand_col, id_col))
        total = sdf.count()
        self.fraction = float(max_rows) / total if total else 1.0
        return sampled.toPandas()


class PySparkPlotAccessor:
    """``df.plot``: call it (``df.plot(kind="line", ...)``) or use a kind's method
    (``df.plot.line(...)``). The figures are plotly's."""

    plot_data_map = {
        "area": PySparkSampledPlotBase().get_sampled,
        "bar": PySparkTopNPlotBase().get_top_n,
        "barh": PySparkTopNPlotBase().get_top_n,
        "line": PySparkSampledPlotBase().get_sampled,
        "pie": PySparkTopNPlotBase().get_top_n,
        "scatter": PySparkSampledPlotBase().get_sampled,
    }
    _backends: Dict[str, Any] = {}

    def __init__(self, data: "DataFrame"):
        self.data = data

    def __call__(self, kind: str = "line", backend: Optional[str] = None, **kwargs: Any) -> Any:
        return PySparkPlotAccessor._get_plot_backend(backend).plot_pyspark(self.data, kind=kind, **kwargs)

    @staticmethod
    def _get_plot_backend(backend: Optional[str] = None) -> Any:
        backend = backend or "plotly"
        if backend in PySparkPlotAccessor._backends:
            return PySparkPlotAccessor._backends[backend]
        if backend != "plotly":
            raise PySparkValueError(errorClass="UNSUPPORTED_PLOT_BACKEND",
                                    messageParameters={"backend": backend, "supported_backends": "plotly"})
        # Checked on every call, as PySpark does (it never fills _backends).
        require_minimum_plotly_version()
        from pyrust.sql.plot import plotly as module

        return module

    def line(self, x: str, y: Union[str, List[str]], **kwargs: Any) -> Any:
        """Lines of `y` (one or more columns) against `x`."""
        return self(kind="line", x=x, y=y, **kwargs)

    def bar(self, x: str, y: Union[str, List[str]], **kwargs: Any) -> Any:
        """Vertical bars of `y` (one or more columns) per `x`."""
        return self(kind="bar", x=x, y=y, **kwargs)

    def barh(self, x: Union[str, List[str]], y: Union[str, List[str]], **kwargs: Any) -> Any:
        """Horizontal bars: in plotly `x` is the values, `y` the categories."""
        return self(kind="barh", x=x, y=y, **kwargs)

    def scatter(self, x: str, y: str, **kwargs: Any) -> Any:
        """Points at (`x`, `y`)."""
        return self(kind="scatter", x=x, y=y, **kwargs)

    def area(self, x: str, y: Union[str, List[str]], **kwargs: Any) -> Any:
        """A stacked area plot of `y` against `x`."""
        return self(kind="area", x=x, y=y, **kwargs)

    def pie(self, x: str, y: Optional[str], **kwargs: Any) -> Any:
        """A pie of `y` labelled by `x`; `y=None` needs `subplots=True` (a pie per numeric column)."""
        return self(kind="pie", x=x, y=y, **kwargs)

    def box(self, column: Optional[Union[str, List[str]]] = None, **kwargs: Any) -> Any:
        """Box plots of numeric columns (all of them by default); `precision` (0.01) is
        percentile_approx's relative error, `whis` (1.5) the whiskers' reach in IQRs."""
        return self(kind="box", column=column, **kwargs)

    def kde(self, bw_method: Union[int, float], column: Optional[Union[str, List[str]]] = None,
            ind: Optional[Union[Sequence[float], int]] = None, **kwargs: Any) -> Any:
        """Gaussian kernel density estimates of numeric columns with bandwidth `bw_method`,
        at `ind` (points, or how many equally spaced ones; 1000 by default)."""
        return self(kind="kde", column=column, bw_method=bw_method, ind=ind, **kwargs)

    def hist(self, column: Optional[Union[str, List[str]]] = None, bins: int = 10, **kwargs: Any) -> Any:
        """A stacked histogram of numeric columns with `bins` equal-width bins."""
        return self(kind="hist", column=column, bins=bins, **kwargs)


def _min_max(sdf: "DataFrame") -> Any:
    """The least minimum and greatest maximum over every column of `sdf` (one row)."""
    from pyrust.sql import functions as F

    if len(sdf.columns) > 1:
        lo = F.least(*[F.min(sdf[c]) for c in sdf.columns])
        hi = F.greatest(*[F.max(sdf[c]) for c in sdf.columns])
    else:
        lo, hi = F.min(sdf.columns[-1]), F.max(sdf.columns[-1])
    return sdf.select(lo, hi).first()


class PySparkKdePlotBase:
    @staticmethod
    def get_ind(sdf: "DataFrame", ind: Optional[Union[Sequence[float], int]]) -> Sequence[float]:
        """The evaluation points: given, or `ind` (1000) points over the data's range
        widened by half of it on each side."""
        if ind is None or isinstance(ind, int):
            lo, hi = _min_max(sdf)
            spread = hi - lo
            return linspace(lo - 0.5 * spread, hi + 0.5 * spread, 1000 if ind is None else ind)
        return ind

    @staticmethod
    def compute_kde(sdf: "DataFrame", colnames: List[str], bw_method: Union[int, float],
                    ind: Sequence[float]) -> List[List[Optional[float]]]:
        """Per column, the mean Gaussian kernel at each point of `ind` (Spark MLlib's
        KernelDensity, as PySpark computes it). PySpark selects one aggregate per point;
        here the points are rows joined to the data and grouped, the same averages in one
        aggregate (a thousand aggregate expressions plan slowly on Polars)."""
        from pyrust.sql import functions as F

        assert bw_method is not None and isinstance(bw_method, (int, float)), "'bw_method' must be set as a scalar number."
        assert ind is not None, "'ind' must be a scalar array."
        bandwidth = float(bw_method)
        log_norm = math.log(bandwidth) + 0.5 * math.log(2 * math.pi)
        point_id, point = "__pyrust_kde_point_id__", "__pyrust_kde_point__"
        values = sdf.select(*[sdf[c].cast("double").alias(f"__pyrust_kde_{k}__") for k, c in enumerate(colnames)])
        points = sdf.sparkSession.createDataFrame([(i, float(p)) for i, p in enumerate(ind)],
                                                  f"{point_id} long, {point} double")

        def density(k: int) -> Any:
            z = (F.col(point) - F.col(f"__pyrust_kde_{k}__")) / F.lit(bandwidth)
            return F.avg(F.exp(-0.5 * z * z - F.lit(log_norm)))

        rows = values.crossJoin(points).groupBy(point_id).agg(*[density(k) for k in range(len(colnames))]).collect()
        by_point = {r[0]: r for r in rows}
        # No data rows: no groups, and every density NULL as Spark's global aggregate gives.
        return [[by_point[i][k + 1] if i in by_point else None for i in range(len(ind))] for k in range(len(colnames))]


class PySparkHistogramPlotBase:
    @staticmethod
    def get_bins(sdf: "DataFrame", bins: int) -> Sequence[float]:
        """`bins + 1` equally spaced edges over the data's range (a point widened to +-0.5)."""
        lo, hi = _min_max(sdf)
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        return linspace(lo, hi, bins + 1)

    @staticmethod
    def compute_hist(sdf: "DataFrame", bins: Sequence[float]) -> List[Any]:
        """A pandas Series of counts per bin for each column of `sdf` (NULL and NaN left
        out), as Spark ML's Bucketizer places values: [b_i, b_i+1), the last bin closed."""
        from pyrust.sql import functions as F

        assert isinstance(bins, list)
        names = sdf.columns
        last = len(bins) - 2
        value = F.col("__value")
        # The bin of a value inside the edges: the last edge it is not below (one flat
        # CASE, however many bins).
        bucket = F.when(value >= F.lit(bins[last]), F.lit(last))
        for i in range(last - 1, 0, -1):
            bucket = bucket.when(value >= F.lit(bins[i]), F.lit(i))
        bucket = bucket.otherwise(F.lit(0))
        out_of_range = F.raise_error(F.printf(F.lit(f"value %s out of the bins bounds: [{bins[0]}, {bins[-1]}]"), value))
        inside = (value == F.lit(bins[-1])) | value.between(F.lit(bins[0]), F.lit(bins[-1]))
        placed = F.when(value == F.lit(bins[-1]), F.lit(last)).when(inside, bucket).otherwise(out_of_range)
        values = (sdf.select(F.posexplode(F.array([F.col(c).cast("double") for c in names])).alias("__group_id", "__value"))
                  .where(value.isNotNull() & ~F.isnan(value)))
        if any(math.isnan(b) for b in bins):
            # A NaN or infinite maximum makes NaN edges, which no value is between: Spark
            # fails on the first value in row order. Raised from that row alone, as the
            # grouped query below may evaluate its rows in another order.
            values.where(~inside).limit(1).select(out_of_range).collect()
        counted = values.select("__group_id", placed.alias("__bucket")).groupBy("__group_id", "__bucket").count()
        counts = {(r[0], r[1]): r[2] for r in counted.collect()}

        import pandas as pd

        return [pd.Series([counts.get((g, b), 0) for b in range(last + 1)], name=name, dtype="int64")
                for g, name in enumerate(names)]


class PySparkBoxPlotBase:
    @staticmethod
    def compute_box(sdf: "DataFrame", colnames: List[str], whis: float, precision: float, showfliers: bool) -> Any:
        """Per column: mean, median and quartiles (percentile_approx with accuracy
        1/precision), the whiskers (the extreme values within `whis` IQRs of the box) and
        the outliers farthest from the median (at most 1001), as one Row of structs."""
        from pyrust.sql import functions as F

        assert len(colnames) > 0
        quoted = ["`{}`".format(c) for c in colnames]
        stats = []
        for i, c in enumerate(quoted):
            p = F.percentile_approx(c, [0.25, 0.50, 0.75], int(1.0 / precision))
            q1, med, q3 = F.get(p, 0), F.get(p, 1), F.get(p, 2)
            iqr = q3 - q1
            stats.append(F.struct(F.mean(c).alias("mean"), med.alias("med"), q1.alias("q1"), q3.alias("q3"),
                                  (q1 - F.lit(whis) * iqr).alias("lfence"),
                                  (q3 + F.lit(whis) * iqr).alias("ufence")).alias(f"_box_plot_stats_{i}"))
        stats_row = sdf.select(*stats).first()

        results = []
        for i, c in enumerate(quoted):
            s = stats_row[i]
            value = F.col(c)
            inside = value.between(F.lit(s["lfence"]), F.lit(s["ufence"]))
            whiskers = sdf.select(F.max(F.when(inside, value)), F.min(F.when(inside, value))).first()
            fliers = None
            if showfliers:
                # The outliers farthest from the median first, as Spark's top-k of
                # (|value - median|, value) structs.
                dist = F.abs(value - F.lit(s["med"]))
                rows = (sdf.where(~inside).select(dist.alias("d"), value.alias("v"))
                        .orderBy(F.col("d").desc(), F.col("v").desc()).limit(1001).collect())
                fliers = [r[1] for r in rows] or None
            results.append({"mean": s["mean"], "med": s["med"], "q1": s["q1"], "q3": s["q3"],
                            "upper_whisker": whiskers[0], "lower_whisker": whiskers[1], "fliers": fliers})
        return results
