"""Spark's `StatFunctions` and `FrequentItems` over PyRust DataFrames: `corr`, `cov`,
`crosstab`, `freqItems`, `approxQuantile` and `sampleBy`, each written as Spark 4.0.1
writes it (the same expressions, so the same answers). `summary`/`describe` are planned
in Rust (`analysis::summary`)."""

from typing import Any, Dict, List, Optional

from pyrust.errors import IllegalArgumentException, PySparkTypeError, PySparkValueError


def _require(ok: bool, message: str) -> None:
    """Scala's `require`: an IllegalArgumentException without an error class."""
    if not ok:
        raise IllegalArgumentException(message=f"requirement failed: {message}")


def _not_str(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise PySparkTypeError(message=f"Argument `{name}` should be a str, got {type(value).__name__}.",
                               errorClass="NOT_STR", messageParameters={"arg_name": name, "arg_type": type(value).__name__})


def _numeric_type(df: Any, name: str, what: str) -> None:
    from pyrust.sql import functions as F
    from pyrust.sql.types import NumericType

    from pyrust.sql._resolve import resolving_names

    with resolving_names(df):  # unknown names fail as Spark's resolve
        dt = df.select(F.col(name)).schema.fields[0].dataType
    _require(isinstance(dt, NumericType), f"Currently {what} calculation for columns with dataType {dt.simpleString()} not supported.")


def _as_double_or_zero(name: str) -> Any:
    from pyrust.sql import functions as F

    return F.when(F.isnull(F.col(name)), F.lit(0.0)).otherwise(F.col(name).cast("double"))


def corr(df: Any, col1: Any, col2: Any, method: Optional[str] = None) -> float:
    from pyrust.sql import functions as F

    _not_str("col1", col1)
    _not_str("col2", col2)
    if not method:
        method = "pearson"
    if method != "pearson":
        raise PySparkValueError(message=f"Value for `method` only supports the 'pearson', got '{method}'.",
                                errorClass="VALUE_NOT_PEARSON", messageParameters={"arg_name": "method", "arg_value": method})
    for c in (col1, col2):
        _numeric_type(df, c, "correlation")
    # NULLs count as 0.0 and no answer is NaN (StatFunctions.calculateCorrImpl).
    correlation = F.corr(_as_double_or_zero(col1), _as_double_or_zero(col2))
    return df.select(F.when(F.isnull(correlation), F.lit(float("nan"))).otherwise(correlation).alias("corr")).head()[0]


def cov(df: Any, col1: Any, col2: Any) -> float:
    from pyrust.sql import functions as F

    _not_str("col1", col1)
    _not_str("col2", col2)
    for c in (col1, col2):
        _numeric_type(df, c, "covariance")
    covariance = F.covar_samp(_as_double_or_zero(col1), _as_double_or_zero(col2))
    return df.select(F.when(F.isnull(covariance), F.lit(0.0)).otherwise(covariance).alias("cov")).head()[0]


def crosstab(df: Any, col1: Any, col2: Any) -> Any:
    from pyrust.sql import functions as F

    _not_str("col1", col1)
    _not_str("col2", col2)
    first = F.when(F.isnull(F.col(col1)), "null").otherwise(F.col(col1).cast("string")).alias(f"{col1}_{col2}")
    second = F.when(F.isnull(F.col(col2)), "null").otherwise(F.regexp_replace(F.col(col2).cast("string"), "`", ""))
    keyed = df.select(first, second.alias("__pyrust_crosstab"))
    counted = keyed.groupBy(f"`{col1}_{col2}`").pivot("__pyrust_crosstab").count()
    # `.na.fill(0)` over the count columns (their names may hold dots: quoted here).
    names = counted.columns
    counts = [F.coalesce(F.col(f"`{n}`"), F.lit(0)).alias(n) for n in names[1:]]
    return counted.select(F.col(f"`{names[0]}`"), *counts)


def freq_items(df: Any, cols: Any, support: Optional[float]) -> Any:
    from pyrust.sql.types import ArrayType, StructField, StructType

    if isinstance(cols, tuple):
        cols = list(cols)
    if not isinstance(cols, list):
        raise PySparkTypeError(message=f"Argument `cols` should be a list or tuple, got {type(cols).__name__}.",
                               errorClass="NOT_LIST_OR_TUPLE", messageParameters={"arg_name": "cols", "arg_type": type(cols).__name__})
    if not support:
        support = 0.01
    _require(1e-4 <= support <= 1.0, f"Support must be in [1e-4, 1], but got {_java_double(support)}.")
    selected = df.select(*cols)
    if not cols:
        return selected
    size = int(1 / support)
    # Spark's CollectFrequentItems (Karp, Schenker, Papadimitriou), one partition.
    counters: List[Dict[Any, int]] = [dict() for _ in cols]
    table = selected.toArrow()
    for i, counts in enumerate(counters):
        for value in table.column(i).to_pylist():
            key = _hashable(value)
            if key in counts:
                counts[key] += 1
            elif len(counts) < size:
                counts[key] = 1
            else:
                for k in [k for k, n in counts.items() if n <= 1]:
                    del counts[k]
                for k in counts:
                    counts[k] -= 1
    fields = [StructField(f"{f.name}_freqItems", ArrayType(f.dataType, True), False) for f in selected.schema.fields]
    row = tuple([_unhashable(k) for k in counts] for counts in counters)
    return df.sparkSession.createDataFrame([row], StructType(fields))


def _hashable(v: Any) -> Any:
    if isinstance(v, list):
        return ("__list", tuple(_hashable(x) for x in v))
    if isinstance(v, dict):
        return ("__dict", tuple((k, _hashable(x)) for k, x in v.items()))
    return v


def _unhashable(v: Any) -> Any:
    if isinstance(v, tuple) and len(v) == 2 and v[0] == "__list":
        return [_unhashable(x) for x in v[1]]
    if isinstance(v, tuple) and len(v) == 2 and v[0] == "__dict":
        return {k: _unhashable(x) for k, x in v[1]}
    return v


def _java_double(x: float) -> str:
    """Java's Double.toString for the values an argument error shows."""
    x = float(x)
    if x != 0 and (abs(x) < 1e-3 or abs(x) >= 1e7):
        mantissa, exponent = repr(x).split("e") if "e" in repr(x) else (repr(x), "0")
        if "." not in mantissa:
            mantissa += ".0"
        return f"{mantissa}E{int(exponent)}"
    return repr(x)


def approx_quantile(df: Any, col: Any, probabilities: Any, relativeError: Any) -> Any:
    from pyrust.sql import functions as F
    from pyrust.sql.types import NumericType

    if not isinstance(col, (str, list, tuple)):
        raise PySparkTypeError(message=f"Argument `col` should be a list, str or tuple, got {type(col).__name__}.",
                               errorClass="NOT_LIST_OR_STR_OR_TUPLE", messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    is_str = isinstance(col, str)
    cols = [col] if is_str else list(col)
    for c in cols:
        if not isinstance(c, str):
            raise PySparkTypeError(
                message=f"Argument `col`(type: {type(cols).__name__}) should only contain a type in [str], got {type(c).__name__}",
                errorClass="DISALLOWED_TYPE_FOR_CONTAINER",
                messageParameters={"arg_name": "col", "arg_type": type(cols).__name__, "allowed_types": "str", "item_type": type(c).__name__})
    if not isinstance(probabilities, (list, tuple)):
        raise PySparkTypeError(message=f"Argument `probabilities` should be a list or tuple, got {type(probabilities).__name__}.",
                               errorClass="NOT_LIST_OR_TUPLE", messageParameters={"arg_name": "probabilities", "arg_type": type(probabilities).__name__})
    probabilities = list(probabilities)
    for p in probabilities:
        if not isinstance(p, (float, int)) or p < 0 or p > 1:
            raise PySparkTypeError(message=f"Argument `probabilities` should be a list[float, int], got {type(p).__name__}.",
                                   errorClass="NOT_LIST_OF_FLOAT_OR_INT", messageParameters={"arg_name": "probabilities", "arg_type": type(p).__name__})
    if not isinstance(relativeError, (float, int)):
        raise PySparkTypeError(message=f"Argument `relativeError` should be a float or int, got {type(relativeError).__name__}.",
                               errorClass="NOT_FLOAT_OR_INT", messageParameters={"arg_name": "relativeError", "arg_type": type(relativeError).__name__})
    if relativeError < 0:
        raise PySparkValueError(message=f"Value for `relativeError` must be greater than or equal to 0, got '{relativeError}'.",
                                errorClass="NEGATIVE_VALUE", messageParameters={"arg_name": "relativeError", "arg_value": str(relativeError)})
    columns = []
    for c in cols:
        dt = df.select(F.col(c)).schema.fields[0].dataType
        shown = repr(dt).replace("()", "")
        _require(isinstance(dt, NumericType), f"Quantile calculation for column {c} with data type {shown} is not supported.")
        columns.append(F.col(c).cast("double"))
    result = df.select(*columns)._df.approx_quantiles([float(p) for p in probabilities], float(relativeError))
    return result[0] if is_str else result


def sample_by(df: Any, col: Any, fractions: Any, seed: Optional[int]) -> Any:
    import random
    import sys

    from pyrust.sql import functions as F
    from pyrust.sql.column import Column

    if isinstance(col, str):
        col = F.col(col)
    elif not isinstance(col, Column):
        raise PySparkTypeError(message=f"Argument `col` should be a Column or str, got {type(col).__name__}.",
                               errorClass="NOT_COLUMN_OR_STR", messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    if not isinstance(fractions, dict):
        raise PySparkTypeError(message=f"Argument `fractions` should be a dict, got {type(fractions).__name__}.",
                               errorClass="NOT_DICT", messageParameters={"arg_name": "fractions", "arg_type": type(fractions).__name__})
    for k, v in fractions.items():
        if not isinstance(k, (float, int, str)):
            raise PySparkTypeError(
                message=f"Argument `fractions`(type: dict) should only contain a type in [float, int, str], got {type(k).__name__}",
                errorClass="DISALLOWED_TYPE_FOR_CONTAINER",
                messageParameters={"arg_name": "fractions", "arg_type": "dict", "allowed_types": "float, int, str", "item_type": type(k).__name__})
        fractions[k] = float(v)
    seed = seed if seed is not None else random.randint(0, sys.maxsize)
    _require(all(0.0 <= v <= 1.0 for v in fractions.values()), f"Fractions must be in [0, 1], but got {_scala_map(fractions)}.")
    # Spark: keep a row when rand(seed) < its stratum's fraction (0 for other strata).
    fraction = F.lit(0.0)
    for k, v in reversed(list(fractions.items())):
        fraction = F.when(col == F.lit(k), F.lit(v)).otherwise(fraction)
    return df.filter(F.rand(seed) < fraction)


def _scala_map(d: Dict[Any, float]) -> str:
    return "Map(" + ", ".join(f"{k} -> {v}" for k, v in d.items()) + ")"


class DataFrameStatFunctions:
    """`df.stat`: the statistics of a DataFrame (forwards to its methods)."""

    def __init__(self, df: Any):
        self.df = df

    def approxQuantile(self, col: Any, probabilities: Any, relativeError: float) -> Any:
        return self.df.approxQuantile(col, probabilities, relativeError)

    def corr(self, col1: str, col2: str, method: Optional[str] = None) -> float:
        return self.df.corr(col1, col2, method)

    def cov(self, col1: str, col2: str) -> float:
        return self.df.cov(col1, col2)

    def crosstab(self, col1: str, col2: str) -> Any:
        return self.df.crosstab(col1, col2)

    def freqItems(self, cols: Any, support: Optional[float] = None) -> Any:
        return self.df.freqItems(cols, support)

    def sampleBy(self, col: str, fractions: Dict[Any, float], seed: Optional[int] = None) -> Any:
        return self.df.sampleBy(col, fractions, seed)


def _sample_arguments(withReplacement: Any, fraction: Any, seed: Any) -> Any:
    """PySpark's reading of `sample`'s flexible arguments."""
    import random
    import sys

    if isinstance(withReplacement, bool) and isinstance(fraction, float):
        return withReplacement, fraction, int(seed) if seed is not None else random.randint(0, sys.maxsize)
    if withReplacement is None and isinstance(fraction, float):
        return False, fraction, int(seed) if seed is not None else random.randint(0, sys.maxsize)
    if isinstance(withReplacement, float):
        return False, float(withReplacement), int(fraction) if fraction is not None else random.randint(0, sys.maxsize)
    types = ", ".join(type(a).__name__ for a in (withReplacement, fraction, seed))
    name = "withReplacement (optional), fraction (required) and seed (optional)"
    raise PySparkTypeError(message=f"Argument `{name}` should be a bool, float or int, got {types}.",
                           errorClass="NOT_BOOL_OR_FLOAT_OR_INT", messageParameters={"arg_name": name, "arg_type": types})


def _cell(df: Any, lower: float, upper: float, seed: int) -> Any:
    """Spark's BernoulliCellSampler over one partition: a row is kept when the next draw
    of XORShiftRandom(seed + 0), which is `rand(seed)` row by row, lies in [lower, upper)."""
    from pyrust.sql import functions as F

    if upper - lower <= 0.0:
        return df.filter(F.lit(False))
    draw = F.rand(seed)
    kept = draw < F.lit(upper) if lower <= 0.0 else (draw >= F.lit(lower)) & (draw < F.lit(upper))
    if lower <= 0.0:
        return df.filter(kept)
    marked = df.withColumn("__pyrust_draw", draw)
    return marked.filter((F.col("__pyrust_draw") >= F.lit(lower)) & (F.col("__pyrust_draw") < F.lit(upper))).drop("__pyrust_draw")


def sample(df: Any, withReplacement: Any, fraction: Any, seed: Any) -> Any:
    with_replacement, fraction, seed = _sample_arguments(withReplacement, fraction, seed)
    epsilon = 1e-6  # RandomSampler.roundingEpsilon
    if with_replacement:
        _require(fraction >= -epsilon, f"Sampling fraction ({_java_double(fraction)}) must be nonnegative with replacement")
        return df._wrap(df._df.sample_with_replacement(float(fraction), seed))
    _require(-epsilon <= fraction <= 1.0 + epsilon,
             f"Sampling fraction ({_java_double(fraction)}) must be on interval [0, 1] without replacement")
    return _cell(df, 0.0, fraction, seed)


def random_split(df: Any, weights: Any, seed: Any) -> Any:
    import random
    import sys

    from pyrust.sql import functions as F
    from pyrust.sql.types import MapType

    for w in weights:
        if w < 0.0:
            raise PySparkValueError(message=f"Value for `weights` must be positive, got '{w}'.",
                                    errorClass="VALUE_NOT_POSITIVE", messageParameters={"arg_name": "weights", "arg_value": str(w)})
    seed = int(seed) if seed is not None else random.randint(0, sys.maxsize)
    shown = "[" + ",".join(_java_double(w) for w in weights) + "]"
    _require(all(w >= 0 for w in weights), f"Weights must be nonnegative, but got {shown}")
    total = 0.0
    for w in weights:
        total += float(w)
    _require(total > 0, f"Sum of weights must be positive, but got {shown}")
    # Spark sorts each partition by every orderable column first, so the splits are
    # disjoint however the input is recomputed (without one it caches the input).
    orderable = [F.col(f"`{f.name}`") for f in df.schema.fields if not _has_map(f.dataType, MapType)]
    base = df.sortWithinPartitions(*orderable) if orderable else df.cache()
    bounds = [0.0]
    for w in weights:
        bounds.append(bounds[-1] + float(w) / total)
    return [_cell(base, lo, hi, seed) for lo, hi in zip(bounds, bounds[1:])]


def _has_map(dt: Any, map_type: Any) -> bool:
    from pyrust.sql.types import ArrayType, StructType

    if isinstance(dt, map_type):
        return True
    if isinstance(dt, ArrayType):
        return _has_map(dt.elementType, map_type)
    if isinstance(dt, StructType):
        return any(_has_map(f.dataType, map_type) for f in dt.fields)
    return False
