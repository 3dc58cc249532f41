"""PySpark's exception classes (``pyspark.errors``), raised by PyRust with Spark's
error classes so that code catching them works unchanged."""

from typing import Any, Dict, Optional

__all__ = [
    "PySparkException", "CapturedException", "AnalysisException", "ParseException",
    "IllegalArgumentException", "ArithmeticException", "NumberFormatException",
    "DateTimeException", "SparkRuntimeException", "ArrayIndexOutOfBoundsException", "SparkUpgradeException",
    "QueryExecutionException", "UnknownException", "PySparkValueError", "PySparkTypeError",
    "PySparkIndexError", "PySparkAttributeError", "PySparkRuntimeError",
    "PySparkNotImplementedError", "PySparkKeyError", "PySparkAssertionError",
    "TempTableAlreadyExistsException", "UnsupportedOperationException", "PythonException",
]


class PySparkException(Exception):
    """Base of every PySpark error: a message plus Spark's error class."""

    def __init__(
        self,
        message: Optional[str] = None,
        errorClass: Optional[str] = None,
        messageParameters: Optional[Dict[str, str]] = None,
        contexts: Any = None,
    ):
        self._message = message if message is not None else ""
        self._errorClass = errorClass
        self._messageParameters = dict(messageParameters or {})
        super().__init__(self._full_message())

    def _full_message(self) -> str:
        if self._errorClass and not self._message.startswith("["):
            return f"[{self._errorClass}] {self._message}"
        return self._message

    def getCondition(self) -> Optional[str]:
        return self._errorClass

    def getErrorClass(self) -> Optional[str]:
        return self._errorClass

    def getMessageParameters(self) -> Optional[Dict[str, str]]:
        return self._messageParameters

    def getSqlState(self) -> Optional[str]:
        return None

    def getMessage(self) -> str:
        return self._full_message()

    def getQueryContext(self):
        return []

    def __str__(self) -> str:
        return self._full_message()


class CapturedException(PySparkException):
    """Errors that Spark raises from its engine (the JVM side in real PySpark)."""


class AnalysisException(CapturedException):
    pass


class ParseException(AnalysisException):
    pass


class TempTableAlreadyExistsException(AnalysisException):
    pass


class IllegalArgumentException(CapturedException):
    pass


class ArithmeticException(CapturedException):
    pass


class NumberFormatException(IllegalArgumentException):
    pass


class DateTimeException(CapturedException):
    pass


class SparkRuntimeException(CapturedException):
    pass


class PythonException(CapturedException):
    """An exception raised inside a user's Python function (a UDF), with its traceback."""


class ArrayIndexOutOfBoundsException(CapturedException):
    pass


class UnsupportedOperationException(CapturedException):
    """An operation Spark does not support (`java.lang.UnsupportedOperationException`)."""
    pass


class SparkUpgradeException(CapturedException):
    pass


class QueryExecutionException(CapturedException):
    pass


class UnknownException(CapturedException):
    pass


class PySparkValueError(PySparkException, ValueError):
    pass


class PySparkTypeError(PySparkException, TypeError):
    pass


class PySparkIndexError(PySparkException, IndexError):
    pass


class PySparkAttributeError(PySparkException, AttributeError):
    pass


class PySparkRuntimeError(PySparkException, RuntimeError):
    pass


class PySparkNotImplementedError(PySparkException, NotImplementedError):
    pass


class PySparkKeyError(PySparkException, KeyError):
    pass


class PySparkAssertionError(PySparkException, AssertionError):
    pass


def not_implemented(feature: str) -> PySparkNotImplementedError:
    """The error for a PySpark API PyRust does not support yet; names it."""
    return PySparkNotImplementedError(
        message=f"{feature} is not implemented in PyRust yet.",
        errorClass="NOT_IMPLEMENTED",
        messageParameters={"feature": feature},
    )
