"""Normal functions: columns, literals and SQL expressions."""

from typing import Any

from pyrust import _native
from pyrust.errors import PySparkTypeError
from pyrust.sql.column import Column, _call_site, _to_expr

__all__ = ["col", "column", "lit", "expr", "broadcast", "call_function"]


def col(col: str) -> Column:
    if not isinstance(col, str):
        raise PySparkTypeError(message=f"Argument `col` should be a str, got {type(col).__name__}.", errorClass="NOT_STR",
                               messageParameters={"arg_name": "col", "arg_type": type(col).__name__})
    # PySpark's `col` records where it was called (`_with_origin`): an unresolved
    # name's error has that `== DataFrame ==` context.
    return Column(_native.col(col, None, _call_site()))


column = col


def lit(col: Any) -> Column:
    if isinstance(col, Column):
        return col
    if isinstance(col, (list, tuple)):
        from pyrust.errors import not_implemented

        raise not_implemented("lit of a list (array literals)")
    return Column(_to_expr(col))


def expr(str: str) -> Column:
    return Column(_native.parse_expr(str, _session_time_zone()), repr_text=str)


def _session_time_zone() -> Any:
    """The active session's time zone, which `TIMESTAMP '...'` literals are read in."""
    from pyrust.sql.session import SparkSession

    session = SparkSession.getActiveSession()
    return session.conf.get("spark.sql.session.timeZone") if session is not None else None


def broadcast(df: Any) -> Any:
    """A join hint; one machine has nothing to broadcast, so the DataFrame is returned."""
    from pyrust.sql.column import Column

    if isinstance(df, Column):  # PySpark reads `df._jdf`, which a Column cannot give
        from pyrust.errors import PySparkTypeError

        raise PySparkTypeError(errorClass="NOT_ITERABLE", messageParameters={"objectName": "Column"})
    from pyrust.sql.dataframe import DataFrame

    if not isinstance(df, DataFrame):  # PySpark reads `df._jdf`
        from pyrust.errors import PySparkTypeError

        raise PySparkTypeError(errorClass="NOT_DATAFRAME", messageParameters={"arg_name": "df", "arg_type": type(df).__name__})
    return df


def call_function(funcName: str, *cols: Any) -> Column:
    """Calls a function of the registry by its SQL name (an unknown name is
    UNRESOLVED_ROUTINE when the column is used). Spark 4.0.1 refuses qualified
    names (`system.builtin.upper`); PyRust refuses them here, when called."""
    from pyrust.errors import AnalysisException
    from pyrust.sql.functions._common import invoke

    from pyrust.sql._args import table_name_arg

    table_name_arg(funcName, "funcName")  # the JVM parses the name: a str, not blank
    parts = [part.strip("`") for part in funcName.split(".")]
    if len(parts) > 1:
        namespace = ".".join(f"`{p}`" for p in parts[:-1])
        raise AnalysisException(
            message=f"spark_catalog requires a single-part namespace, but got {namespace}.",
            errorClass="REQUIRES_SINGLE_PART_NAMESPACE",
            messageParameters={"sessionCatalog": "spark_catalog", "namespace": namespace},
        )
    return invoke(parts[0], *cols)
