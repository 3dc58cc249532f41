"""``pyspark.sql.window``: window specifications (window functions come later)."""

from typing import Any

from pyrust.errors import not_implemented

__all__ = ["Window", "WindowSpec"]


class WindowSpec:
    def __getattr__(self, name: str) -> Any:
        raise not_implemented(f"WindowSpec.{name}")


class Window:
    unboundedPreceding = -(1 << 63)
    unboundedFollowing = (1 << 63) - 1
    currentRow = 0

    @staticmethod
    def partitionBy(*cols: Any) -> WindowSpec:
        raise not_implemented("Window.partitionBy (window functions)")

    @staticmethod
    def orderBy(*cols: Any) -> WindowSpec:
        raise not_implemented("Window.orderBy (window functions)")

    @staticmethod
    def rowsBetween(start: int, end: int) -> WindowSpec:
        raise not_implemented("Window.rowsBetween (window functions)")

    @staticmethod
    def rangeBetween(start: int, end: int) -> WindowSpec:
        raise not_implemented("Window.rangeBetween (window functions)")
