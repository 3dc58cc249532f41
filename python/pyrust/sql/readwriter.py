"""``pyspark.sql.DataFrameReader``: files into DataFrames (writers come later)."""

from typing import Any, Dict, List, Optional, Union

from pyrust.errors import PySparkTypeError, not_implemented
from pyrust.sql.types import StructType, _parse_datatype_string

__all__ = ["DataFrameReader", "DataFrameWriter"]


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class DataFrameReader:
    def __init__(self, session: Any):
        self._session = session
        self._format = "parquet"
        self._options: Dict[str, str] = {}
        self._schema: Optional[StructType] = None

    def format(self, source: str) -> "DataFrameReader":
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataFrameReader":
        self._options[key] = _option_text(value)
        return self

    def options(self, **options: Any) -> "DataFrameReader":
        for k, v in options.items():
            if v is not None:
                self.option(k, v)
        return self

    def schema(self, schema: Union[StructType, str]) -> "DataFrameReader":
        if isinstance(schema, str):
            schema = _parse_datatype_string(schema)  # type: ignore[assignment]
        if not isinstance(schema, StructType):
            raise PySparkTypeError(message="schema should be StructType or string", errorClass="NOT_STR_OR_STRUCT",
                                   messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__})
        self._schema = schema
        return self

    def load(self, path: Union[str, List[str], None] = None, format: Optional[str] = None,
             schema: Union[StructType, str, None] = None, **options: Any) -> Any:
        if format is not None:
            self.format(format)
        if schema is not None:
            self.schema(schema)
        self.options(**options)
        paths = [path] if isinstance(path, str) else list(path or [])
        from pyrust.sql.dataframe import DataFrame

        native = self._session._native.read(self._format, paths, self._options,
                                            self._schema.json() if self._schema is not None else None)
        return DataFrame(native, self._session)

    def csv(self, path: Union[str, List[str]], schema: Union[StructType, str, None] = None, sep: Optional[str] = None,
            encoding: Optional[str] = None, quote: Optional[str] = None, escape: Optional[str] = None,
            comment: Optional[str] = None, header: Any = None, inferSchema: Any = None,
            nullValue: Optional[str] = None, **options: Any) -> Any:
        self.options(sep=sep, encoding=encoding, quote=quote, escape=escape, comment=comment, header=header,
                     inferSchema=inferSchema, nullValue=nullValue, **options)
        return self.load(path, format="csv", schema=schema)

    def parquet(self, *paths: str, **options: Any) -> Any:
        self.options(**options)
        return self.load(list(paths), format="parquet")

    def json(self, path: Union[str, List[str]], schema: Union[StructType, str, None] = None, **options: Any) -> Any:
        self.options(**options)
        return self.load(path, format="json", schema=schema)

    def table(self, tableName: str) -> Any:
        raise not_implemented("DataFrameReader.table")

    def text(self, *args: Any, **kwargs: Any) -> Any:
        raise not_implemented("DataFrameReader.text")

    def orc(self, *args: Any, **kwargs: Any) -> Any:
        raise not_implemented("DataFrameReader.orc")


class DataFrameWriter:
    def __init__(self, df: Any):
        raise not_implemented("DataFrameWriter")
