"""``pyspark.sql.Observation``: metrics a DataFrame's first action computes
(``DataFrame.observe``)."""

from typing import Any, Dict, Optional

from pyrust.errors import PySparkAssertionError, PySparkRuntimeError, PySparkTypeError, PySparkValueError


class Observation:
    """Class to observe (named) metrics on a :class:`DataFrame`."""

    def __init__(self, name: Optional[str] = None) -> None:
        if name is not None:
            if not isinstance(name, str):
                raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": "name", "arg_type": type(name).__name__})
            if name == "":
                raise PySparkValueError(errorClass="VALUE_NOT_NON_EMPTY_STR", messageParameters={"arg_name": "name", "arg_value": name})
        self._name = name
        self._df: Any = None
        self._key: Optional[int] = None

    def _on(self, df: Any, *exprs: Any) -> Any:
        if self._df is not None:
            raise PySparkAssertionError(errorClass="REUSE_OBSERVATION", messageParameters={})
        observed = df._wrap(df._df.observe(None, [c._expr for c in exprs]))
        self._df = observed._df
        self._key = observed._df.observation_key()
        return observed

    @property
    def get(self) -> Dict[str, Any]:
        """The observed metrics, once an action over the observed DataFrame ran."""
        from pyrust.sql.types import Row

        if self._df is None:
            raise PySparkAssertionError(errorClass="NO_OBSERVE_BEFORE_GET", messageParameters={})
        rows = self._df.observed_metrics(self._key, Row)
        if rows is None:
            # PySpark blocks here until an action runs; PyRust runs in this thread, so
            # waiting would never end.
            raise PySparkRuntimeError(
                message="No action has run on the observed DataFrame yet: Observation.get would wait forever "
                "(PySpark blocks until the first action over it finishes)."
            )
        return rows[0].asDict()
