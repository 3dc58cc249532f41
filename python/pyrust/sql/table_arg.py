"""``pyspark.sql.table_arg``: a DataFrame passed as a UDTF's TABLE argument
(``df.asTable()``), with the partitioning and ordering its rows reach ``eval`` in."""

from typing import Any, List, Optional

__all__ = ["TableArg"]


class TableArg:
    """Represents a table argument in PySpark."""

    def __init__(self, df: Any, partition_by: Optional[List[Any]] = None, order_by: Optional[List[Any]] = None,
                 single_partition: bool = False):
        self._df = df
        self._partition_by = list(partition_by or [])
        self._order_by = list(order_by or [])
        self._single_partition = single_partition

    @staticmethod
    def _columns(cols: Any) -> List[Any]:
        from pyrust.sql.column import Column
        from pyrust.sql.functions import col

        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]
        return [c if isinstance(c, Column) else col(c) for c in cols]

    def partitionBy(self, *cols: Any) -> "TableArg":
        """Partitions the data based on the specified columns."""
        return TableArg(self._df, self._columns(cols), self._order_by, self._single_partition)

    def orderBy(self, *cols: Any) -> "TableArg":
        """Orders the data within each partition by the specified columns."""
        return TableArg(self._df, self._partition_by, self._columns(cols), self._single_partition)

    def withSinglePartition(self) -> "TableArg":
        """Forces the data to be processed in a single partition."""
        return TableArg(self._df, [], self._order_by, True)
