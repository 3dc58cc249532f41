"""`spark.sql(text, **kwargs)`: the text formatted as PySpark's ``SQLStringFormatter``
does. A DataFrame becomes a temporary view (dropped after the query is analysed), a
plain column reference its SQL name, a string a quoted SQL literal, anything else its
``str``."""

import string
import uuid
from typing import Any, List, Mapping, Optional, Sequence, Tuple

from pyrust.errors import PySparkValueError


def lit_sql_str(val: str) -> str:
    return "'" + val.replace("\\", "\\\\").replace("'", "\\'") + "'"


class SQLStringFormatter(string.Formatter):
    def __init__(self, session: Any) -> None:
        self._session = session
        self._temp_views: List[Tuple[Any, str]] = []

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        obj, first = super().get_field(field_name, args, kwargs)
        return self._convert_value(obj, field_name), first

    def _convert_value(self, val: Any, field_name: str) -> Optional[str]:
        from pyrust.sql.column import Column
        from pyrust.sql.dataframe import DataFrame

        if isinstance(val, Column):
            text = val._expr.column_reference_sql()
            if text is None:
                raise PySparkValueError(
                    errorClass="VALUE_NOT_PLAIN_COLUMN_REFERENCE",
                    messageParameters={"val": str(val), "field_name": field_name},
                )
            return text
        if isinstance(val, DataFrame):
            for df, n in self._temp_views:
                if df is val:
                    return n
            name = "_pyspark_%s" % str(uuid.uuid4()).replace("-", "")
            self._temp_views.append((val, name))
            val.createOrReplaceTempView(name)
            return name
        if isinstance(val, str):
            return lit_sql_str(val)
        return val

    def clear(self) -> None:
        for _, n in self._temp_views:
            self._session.catalog.dropTempView(n)
        self._temp_views = []
