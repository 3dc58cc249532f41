"""UDF, UDTF and UDT."""

import functools
import typing
from typing import Any, Callable, Optional

from pyrust.errors import PySparkNotImplementedError, PySparkTypeError, PySparkValueError
from pyrust.sql.types import DataType, StringType
from pyrust.sql.udf import (
    SQL_ARROW_BATCHED_UDF, SQL_BATCHED_UDF, SQL_GROUPED_AGG_PANDAS_UDF, SQL_GROUPED_MAP_PANDAS_UDF,
    SQL_SCALAR_PANDAS_ITER_UDF, SQL_SCALAR_PANDAS_UDF, _create_udf,
)

__all__ = ["udf", "pandas_udf", "udtf"]


class PandasUDFType:
    """Pandas UDF Types. See :meth:`pyspark.sql.functions.pandas_udf`."""

    SCALAR = SQL_SCALAR_PANDAS_UDF
    SCALAR_ITER = SQL_SCALAR_PANDAS_ITER_UDF
    GROUPED_MAP = SQL_GROUPED_MAP_PANDAS_UDF
    GROUPED_AGG = SQL_GROUPED_AGG_PANDAS_UDF


def _use_arrow_default() -> bool:
    from pyrust.sql.session import SparkSession

    session = SparkSession.getActiveSession()
    if session is None:
        return False
    value = session.conf.get("spark.sql.execution.pythonUDF.arrow.enabled", "false")
    return str(value).lower() == "true"


def _create_py_udf(f: Callable, returnType: Any, useArrow: Optional[bool] = None) -> Any:
    use_arrow = _use_arrow_default() if useArrow is None else useArrow
    return _create_udf(f, returnType, SQL_ARROW_BATCHED_UDF if use_arrow else SQL_BATCHED_UDF)


def udf(f: Any = None, returnType: Any = StringType(), *, useArrow: Optional[bool] = None) -> Any:
    """Creates a user defined function (UDF)."""
    if f is None or isinstance(f, (str, DataType)):
        return_type = f or returnType
        return functools.partial(_create_py_udf, returnType=return_type, useArrow=useArrow)
    return _create_py_udf(f=f, returnType=returnType, useArrow=useArrow)


def _infer_eval_type(f: Callable) -> int:
    """PySpark 4's reading of a pandas UDF's type hints."""
    import pandas as pd

    try:
        hints = typing.get_type_hints(f)
    except Exception:
        hints = getattr(f, "__annotations__", {})
    import inspect  # only for pandas UDFs; costly to import at start-up

    sig = inspect.signature(f)
    params = [hints.get(p) for p in sig.parameters]
    ret = hints.get("return")
    if ret is None or any(p is None for p in params):
        raise PySparkValueError(
            message="Type hints for the function should be specified; however, got " + str(sig) + ".",
            errorClass="TYPE_HINT_SHOULD_BE_SPECIFIED",
            messageParameters={"target": "all parameters", "sig": str(sig)},
        )

    def is_frame_or_series(t: Any) -> bool:
        return t in (pd.Series, pd.DataFrame) or (
            typing.get_origin(t) is typing.Union and all(a in (pd.Series, pd.DataFrame) for a in typing.get_args(t))
        )

    iterator_origins = (typing.Iterator.__origin__, getattr(typing, "Iterable").__origin__)  # type: ignore[attr-defined]
    if all(is_frame_or_series(p) for p in params) and is_frame_or_series(ret):
        return SQL_SCALAR_PANDAS_UDF
    if len(params) == 1 and typing.get_origin(params[0]) in iterator_origins and typing.get_origin(ret) in iterator_origins:
        return SQL_SCALAR_PANDAS_ITER_UDF
    if all(is_frame_or_series(p) for p in params) and not is_frame_or_series(ret) and typing.get_origin(ret) not in iterator_origins:
        return SQL_GROUPED_AGG_PANDAS_UDF
    raise PySparkNotImplementedError(
        message=f"Unsupported signature: {sig}.",
        errorClass="UNSUPPORTED_SIGNATURE",
        messageParameters={"signature": str(sig)},
    )


def pandas_udf(f=None, returnType=None, functionType=None):  # type: ignore[no-untyped-def]
    """Creates a pandas user defined function (a.k.a. vectorized user defined function)."""
    return_type = None
    eval_type = None
    if isinstance(returnType, int) and not isinstance(returnType, bool):
        eval_type, returnType = returnType, None
    if functionType is not None:
        eval_type = functionType
    if f is not None and not callable(f):
        # pandas_udf("double") or pandas_udf(DoubleType(), PandasUDFType.SCALAR)
        return_type = f
        if isinstance(returnType, int):
            eval_type = returnType
        f = None
    elif returnType is not None:
        return_type = returnType
    if return_type is None:
        raise PySparkTypeError(
            message="Invalid return type: returnType can not be None.",
            errorClass="CANNOT_BE_NONE",
            messageParameters={"arg_name": "returnType"},
        )

    def create(func: Callable) -> Any:
        et = eval_type if eval_type is not None else _infer_eval_type(func)
        # GROUPED_MAP: PySpark's older form of applyInPandas, taken by GroupedData.apply.
        if et not in (SQL_SCALAR_PANDAS_UDF, SQL_SCALAR_PANDAS_ITER_UDF, SQL_GROUPED_AGG_PANDAS_UDF, SQL_GROUPED_MAP_PANDAS_UDF):
            raise PySparkNotImplementedError(
                message=f"pandas UDFs of eval type {et} are not implemented in PyRust yet.",
                errorClass="NOT_IMPLEMENTED",
                messageParameters={"feature": f"pandas UDF eval type {et}"},
            )
        return _create_udf(func, return_type, et)

    return create if f is None else create(f)


def udtf(cls: Optional[type] = None, *, returnType: Any = None, useArrow: Optional[bool] = None) -> Any:
    """Creates a user defined table function (UDTF)."""
    from pyrust.sql.udtf import _create_py_udtf

    if cls is None:
        return functools.partial(_create_py_udtf, returnType=returnType, useArrow=useArrow)
    return _create_py_udtf(cls=cls, returnType=returnType, useArrow=useArrow)
