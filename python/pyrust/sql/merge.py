"""``DataFrame.mergeInto(table, condition)``: PySpark 4.0's ``MergeIntoWriter``.

Its builder is PySpark's in full. ``merge()`` does what PySpark 4.0.1 classic does
against a table of the session catalog or a temporary view (V1 relations, without a
MERGE-capable connector such as Delta): checks there is an action
(``NO_MERGE_ACTION_SPECIFIED``), finds the table, resolves the condition and every
action's condition, column names and values where Spark's analyzer resolves them (the
target and the source for WHEN MATCHED, the source for WHEN NOT MATCHED, the target for
WHEN NOT MATCHED BY SOURCE), then refuses to run with Spark's
``UnsupportedOperationException`` (``_LEGACY_ERROR_TEMP_2096``, "MERGE INTO TABLE is
not supported temporarily.")."""

from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from pyrust.errors import SparkRuntimeException, UnsupportedOperationException
from pyrust.sql.column import Column

if TYPE_CHECKING:
    from pyrust.sql.dataframe import DataFrame

__all__ = ["MergeIntoWriter"]

# (clause, action, condition, assignments): clause one of matched / not_matched /
# not_matched_by_source; action one of update / update_all / delete / insert / insert_all.
_Action = Tuple[str, str, Optional[Column], Optional[Dict[str, Column]]]


class MergeIntoWriter:
    """`MergeIntoWriter` provides methods to define and execute merge actions based
    on specified conditions."""

    def __init__(self, df: "DataFrame", table: str, condition: Column):
        self._df = df
        self._spark = df.sparkSession
        self._table = table
        self._condition = condition
        self._actions: List[_Action] = []
        self._schema_evolution = False

    def whenMatched(self, condition: Optional[Column] = None) -> "MergeIntoWriter.WhenMatched":
        """Initialize a `WhenMatched` action with a condition."""
        return self.WhenMatched(self, condition)

    def whenNotMatched(self, condition: Optional[Column] = None) -> "MergeIntoWriter.WhenNotMatched":
        """Initialize a `WhenNotMatched` action with a condition."""
        return self.WhenNotMatched(self, condition)

    def whenNotMatchedBySource(self, condition: Optional[Column] = None) -> "MergeIntoWriter.WhenNotMatchedBySource":
        """Initialize a `WhenNotMatchedBySource` action with a condition."""
        return self.WhenNotMatchedBySource(self, condition)

    def withSchemaEvolution(self) -> "MergeIntoWriter":
        """Enable automatic schema evolution for this merge operation."""
        self._schema_evolution = True
        return self

    def merge(self) -> None:
        """Execute the merge operation."""
        if not self._actions:
            raise SparkRuntimeException(errorClass="NO_MERGE_ACTION_SPECIFIED", messageParameters={})
        target = self._spark.table(self._table)
        source = self._df
        both = source.join(target, self._condition)
        for clause, action, condition, assignments in self._actions:
            # Where Spark's analyzer resolves each part of the action.
            scope = {"matched": both, "not_matched": source, "not_matched_by_source": target}[clause]
            if condition is not None:
                scope.select(condition)
            if assignments is not None:
                target.select(*assignments.keys())
                scope.select(*assignments.values())
            elif action in ("update_all", "insert_all"):
                # Every target column is read from the source by its name.
                source.select(*target.columns)
        raise UnsupportedOperationException(errorClass="_LEGACY_ERROR_TEMP_2096", messageParameters={"ddl": "MERGE INTO TABLE"})

    def _add(self, action: _Action) -> "MergeIntoWriter":
        self._actions.append(action)
        return self

    class WhenMatched:
        """A class for defining actions to be taken when matching rows in a DataFrame
        during a merge operation."""

        def __init__(self, writer: "MergeIntoWriter", condition: Optional[Column]):
            self.writer = writer
            self.condition = condition

        def updateAll(self) -> "MergeIntoWriter":
            """Specifies an action to update all matched rows in the DataFrame."""
            return self.writer._add(("matched", "update_all", self.condition, None))

        def update(self, assignments: Dict[str, Column]) -> "MergeIntoWriter":
            """Specifies an action to update matched rows in the DataFrame with the provided
            column assignments."""
            return self.writer._add(("matched", "update", self.condition, dict(assignments.items())))

        def delete(self) -> "MergeIntoWriter":
            """Specifies an action to delete matched rows from the DataFrame."""
            return self.writer._add(("matched", "delete", self.condition, None))

    class WhenNotMatched:
        """A class for defining actions to be taken when no matching rows are found in a
        DataFrame during a merge operation."""

        def __init__(self, writer: "MergeIntoWriter", condition: Optional[Column]):
            self.writer = writer
            self.condition = condition

        def insertAll(self) -> "MergeIntoWriter":
            """Specifies an action to insert all non-matched rows into the DataFrame."""
            return self.writer._add(("not_matched", "insert_all", self.condition, None))

        def insert(self, assignments: Dict[str, Column]) -> "MergeIntoWriter":
            """Specifies an action to insert non-matched rows into the DataFrame with the
            provided column assignments."""
            return self.writer._add(("not_matched", "insert", self.condition, dict(assignments.items())))

    class WhenNotMatchedBySource:
        """A class for defining actions to be performed when there is no match by source
        during a merge operation in a MergeIntoWriter."""

        def __init__(self, writer: "MergeIntoWriter", condition: Optional[Column]):
            self.writer = writer
            self.condition = condition

        def updateAll(self) -> "MergeIntoWriter":
            """Specifies an action to update all non-matched rows in the target DataFrame
            when not matched by the source."""
            return self.writer._add(("not_matched_by_source", "update_all", self.condition, None))

        def update(self, assignments: Dict[str, Column]) -> "MergeIntoWriter":
            """Specifies an action to update non-matched rows in the target DataFrame with
            the provided column assignments when not matched by the source."""
            return self.writer._add(("not_matched_by_source", "update", self.condition, dict(assignments.items())))

        def delete(self) -> "MergeIntoWriter":
            """Specifies an action to delete non-matched rows from the target DataFrame when
            not matched by the source."""
            return self.writer._add(("not_matched_by_source", "delete", self.condition, None))
