"""``grouping`` and ``grouping_id`` (PySpark's "Aggregate Functions"): valid only in a
``rollup``, ``cube`` or ``groupingSets`` aggregation. Their own module, beside
``_aggregate``, because analysis treats them apart (``src/analysis/grouping/sets.rs``)."""

from pyrust.sql.column import Column
from pyrust.sql.functions._common import ColumnOrName, invoke

__all__ = ["grouping", "grouping_id"]


def grouping(col: ColumnOrName) -> Column:
    return invoke("grouping", col)


def grouping_id(*cols: ColumnOrName) -> Column:
    return invoke("grouping_id", *cols)
