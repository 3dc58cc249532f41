"""``pyspark.sql.window``: window specifications for ``Column.over``."""

import sys
from typing import Any, List, Optional, Sequence, Tuple, Union

from pyrust.errors import AnalysisException
from pyrust.sql._args import long_arg
from pyrust.sql.column import Column, _to_col_expr

__all__ = ["Window", "WindowSpec"]

_JVM_LONG_MIN = -(1 << 63)
_JVM_LONG_MAX = (1 << 63) - 1
_JVM_INT_MIN = -(1 << 31)
_JVM_INT_MAX = (1 << 31) - 1


def _flatten(cols: Tuple[Any, ...]) -> List[Any]:
    # As PySpark: one list argument stands for its items (a tuple does not).
    if len(cols) == 1 and isinstance(cols[0], list):
        return list(cols[0])
    return list(cols)


class WindowSpec:
    """PARTITION BY, ORDER BY and a frame; each method gives a new spec."""

    def __init__(self, partition: Sequence[Any] = (), order: Sequence[Any] = (),
                 frame: Optional[Tuple[str, int, int]] = None):
        self._partition = list(partition)
        self._order = list(order)
        self._frame = frame

    def partitionBy(self, *cols: Union["Column", str, Sequence[Union["Column", str]]]) -> "WindowSpec":
        return WindowSpec([_to_col_expr(c) for c in _flatten(cols)], self._order, self._frame)

    def orderBy(self, *cols: Union["Column", str, Sequence[Union["Column", str]]]) -> "WindowSpec":
        return WindowSpec(self._partition, [_to_col_expr(c) for c in _flatten(cols)], self._frame)

    def rowsBetween(self, start: int, end: int) -> "WindowSpec":
        start, end = _unbounded(start, end)
        # Spark's WindowSpec.rowsBetween: ROWS offsets are INTs.
        _check_rows_bound("start", start, _JVM_LONG_MIN)
        _check_rows_bound("end", end, _JVM_LONG_MAX)
        return WindowSpec(self._partition, self._order, ("rows", int(start), int(end)))

    def rangeBetween(self, start: int, end: int) -> "WindowSpec":
        start, end = _unbounded(start, end)
        return WindowSpec(self._partition, self._order, ("range", int(start), int(end)))


def _unbounded(start: int, end: int) -> Tuple[int, int]:
    # As PySpark: anything past the thresholds is unbounded.
    if start <= Window._PRECEDING_THRESHOLD:
        start = Window.unboundedPreceding
    if end >= Window._FOLLOWING_THRESHOLD:
        end = Window.unboundedFollowing
    # PySpark hands other numbers to the JVM, which has no such method (py4j's error);
    # Spark Connect's check instead of truncating them.
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            from pyrust.errors import PySparkTypeError

            raise PySparkTypeError(errorClass="NOT_INT", messageParameters={"arg_name": name, "arg_type": type(value).__name__})
        long_arg(value, name)  # the JVM's Long: beyond it py4j's NumberFormatException
    return start, end


def _check_rows_bound(which: str, value: int, unbounded: int) -> None:
    if value in (0, unbounded) or _JVM_INT_MIN <= value <= _JVM_INT_MAX:
        return
    raise AnalysisException(
        message=f"The boundary `{which}` is invalid: {value}L. Expected the value is '0', "
        f"'{unbounded}L', '[{_JVM_INT_MIN}, {_JVM_INT_MAX}]'. SQLSTATE: 22003",
        errorClass=f"INVALID_BOUNDARY.{which.upper()}",
        messageParameters={"boundary": f"`{which}`", "invalidValue": f"{value}L",
                           "longMinValue": f"{_JVM_LONG_MIN}L",
                           "intMinValue": str(_JVM_INT_MIN), "intMaxValue": str(_JVM_INT_MAX)},
    )


class Window:
    """Builds window specifications: ``Window.partitionBy("a").orderBy("b")``."""

    _PRECEDING_THRESHOLD = max(-sys.maxsize, _JVM_LONG_MIN)
    _FOLLOWING_THRESHOLD = min(sys.maxsize, _JVM_LONG_MAX)

    unboundedPreceding: int = _JVM_LONG_MIN
    unboundedFollowing: int = _JVM_LONG_MAX
    currentRow: int = 0

    @staticmethod
    def partitionBy(*cols: Union["Column", str, Sequence[Union["Column", str]]]) -> WindowSpec:
        return WindowSpec().partitionBy(*cols)

    @staticmethod
    def orderBy(*cols: Union["Column", str, Sequence[Union["Column", str]]]) -> WindowSpec:
        return WindowSpec().orderBy(*cols)

    @staticmethod
    def rowsBetween(start: int, end: int) -> WindowSpec:
        return WindowSpec().rowsBetween(start, end)

    @staticmethod
    def rangeBetween(start: int, end: int) -> WindowSpec:
        return WindowSpec().rangeBetween(start, end)
