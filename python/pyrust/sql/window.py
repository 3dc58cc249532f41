"""``pyspark.sql.window``: window specifications for ``Column.over``."""

import sys
from typing import Any, List, Optional, Sequence, Tuple, Union

from pyrust.sql.column import Column, _to_col_expr

__all__ = ["Window", "WindowSpec"]

_JVM_LONG_MIN = -(1 << 63)
_JVM_LONG_MAX = (1 << 63) - 1


def _flatten(cols: Tuple[Any, ...]) -> List[Any]:
    if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
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
        return WindowSpec(self._partition, self._order, ("rows", _bound(start), _bound(end)))

    def rangeBetween(self, start: int, end: int) -> "WindowSpec":
        return WindowSpec(self._partition, self._order, ("range", _bound(start), _bound(end)))


def _bound(value: int) -> int:
    # As PySpark: anything past the thresholds is unbounded.
    if value <= Window._PRECEDING_THRESHOLD:
        return Window.unboundedPreceding
    if value >= Window._FOLLOWING_THRESHOLD:
        return Window.unboundedFollowing
    return int(value)


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
