"""pandas objects built without pandas' constructors, for the pandas UDF runners' hot
path (one Series or DataFrame per 10,000-row batch): ``pd.Series(array)`` and
``pd.DataFrame(dict)`` infer and validate what the runners already know (a 1-D numpy
array of a numeric dtype, distinct column names, a fresh RangeIndex), and cost about as
much as a simple user function on the batch. Each helper builds exactly the object the
constructor would (same dtype, index, name, writability); where pandas lacks the
internal entry point (older versions) the constructor is used."""

from typing import Any, Callable, Dict, List, Optional, Tuple


def _series_builder() -> Callable[[Any], Any]:
    import pandas as pd

    try:
        from pandas.core.internals import SingleBlockManager

        def build(values: Any) -> Any:
            mgr = SingleBlockManager.from_array(values, pd.RangeIndex(len(values)))
            series = pd.Series._from_mgr(mgr, axes=mgr.axes)
            # What `Series.__init__` sets besides the manager (as pandas' own
            # `_constructor_from_mgr` does).
            object.__setattr__(series, "_name", None)
            return series

        probe = build(__import__("numpy").arange(3, dtype="int64"))
        if type(probe) is pd.Series and probe.equals(pd.Series(probe.to_numpy())) and probe.name is None:
            return build
    except Exception:  # another pandas: its constructor
        pass
    return lambda values: pd.Series(values, copy=False)


_SERIES: Optional[Callable[[Any], Any]] = None


def series(values: Any) -> Any:
    """``pd.Series(values, copy=False)`` for a 1-D numeric numpy array: a RangeIndex from
    0, no name, the array itself as the data."""
    global _SERIES
    if _SERIES is None:
        _SERIES = _series_builder()
    return _SERIES(values)


def frame(names: List[str], arrays: List[Any]) -> Any:
    """``pd.DataFrame(dict(zip(names, arrays)), copy=False)`` for distinct string names
    and 1-D numeric numpy arrays of one length, each array the data of its column."""
    import numpy as np
    import pandas as pd

    try:
        from pandas.api.internals import create_dataframe_from_blocks  # pandas >= 3
    except ImportError:
        return pd.DataFrame(dict(zip(names, arrays)), copy=False)
    n = len(arrays[0]) if arrays else 0
    blocks = [(a.reshape(1, -1), np.array([i])) for i, a in enumerate(arrays)]
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(n), columns=_columns(names))


# Column indexes by their names: `pd.Index(names)` infers the dtype each time (about
# half the cost of a batch's frame); each frame gets its own shallow copy, so renaming
# one frame's columns reaches no other.
_COLUMNS: Dict[Tuple[str, ...], Any] = {}


def _columns(names: List[str]) -> Any:
    import pandas as pd

    key = tuple(names)
    index = _COLUMNS.get(key)
    if index is None:
        if len(_COLUMNS) > 256:
            _COLUMNS.clear()
        index = _COLUMNS[key] = pd.Index(names)
    return index.copy()


def values(series: Any) -> Any:
    """A Series' numpy data when it is numpy-backed (``to_numpy()`` without its checks),
    else ``to_numpy()``."""
    import numpy as np

    data = getattr(series, "_values", None)
    return data if isinstance(data, np.ndarray) else series.to_numpy()
