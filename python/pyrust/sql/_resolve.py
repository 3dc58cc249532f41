"""Spark's ``Dataset.resolve``: the DataFrame methods that take column names
(``groupBy(...).avg("x")``, ``agg({"x": ...})``, ``pivot("x")``, ``na.replace(subset=)``,
``stat.corr``) resolve each name against the DataFrame's schema, and an unknown name
lists every column, in schema order and unranked (``unresolvedColumnError(colName,
schema.fieldNames)``), where the analyzer would rank at most five by similarity."""

import contextlib
from typing import Any, Iterator

from pyrust.errors import AnalysisException

_UNRESOLVED = "UNRESOLVED_COLUMN.WITH_SUGGESTION"


def _sql_id(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


@contextlib.contextmanager
def resolving_names(df: Any) -> Iterator[None]:
    """Re-raises an unresolved column of ``df`` as ``Dataset.resolve`` reports it."""
    try:
        yield
    except AnalysisException as e:
        if e.getCondition() != _UNRESOLVED:
            raise
        params = dict(e.getMessageParameters() or {})
        params["proposal"] = ", ".join(_sql_id(c) for c in df.columns)
        raise AnalysisException(errorClass=_UNRESOLVED, messageParameters=params) from None
