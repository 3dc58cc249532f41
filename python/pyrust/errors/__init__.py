"""PySpark's exception classes (``pyspark.errors``), raised by PyRust with Spark's
error classes so that code catching them works unchanged."""

import warnings
from abc import ABC, abstractmethod
from enum import Enum
from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _messages

__all__ = [
    "PySparkException", "CapturedException", "AnalysisException", "ParseException",
    "IllegalArgumentException", "ArithmeticException", "NumberFormatException",
    "DateTimeException", "SparkRuntimeException", "ArrayIndexOutOfBoundsException", "SparkUpgradeException",
    "QueryExecutionException", "UnknownException", "PySparkValueError", "PySparkTypeError",
    "PySparkIndexError", "PySparkAttributeError", "PySparkRuntimeError",
    "PySparkNotImplementedError", "PySparkKeyError", "PySparkAssertionError", "PySparkImportError",
    "PySparkPicklingError", "TempTableAlreadyExistsException", "UnsupportedOperationException",
    "SessionNotSameException", "PythonException", "SparkNoSuchElementException", "StreamingQueryException",
    "StreamingPythonRunnerInitializationException", "RetriesExceeded", "PickleException",
    "QueryContext", "QueryContextType", "SQLQueryContext", "DataFrameQueryContext",
]


class QueryContextType(Enum):
    """The type of a :class:`QueryContext`."""

    SQL = 0
    DataFrame = 1


class QueryContext(ABC):
    """Where in a query an error occurred (PySpark's abstract class)."""

    @abstractmethod
    def contextType(self) -> QueryContextType: ...

    @abstractmethod
    def objectType(self) -> str: ...

    @abstractmethod
    def objectName(self) -> str: ...

    @abstractmethod
    def startIndex(self) -> int: ...

    @abstractmethod
    def stopIndex(self) -> int: ...

    @abstractmethod
    def fragment(self) -> str: ...

    @abstractmethod
    def callSite(self) -> str: ...

    @abstractmethod
    def summary(self) -> str: ...


class SQLQueryContext(QueryContext):
    """Spark's context of an error in SQL text (``pyspark.errors.exceptions.captured``):
    the fragment at characters ``startIndex..stopIndex`` (inclusive) of the text, and
    the ``summary`` Spark's message ends with (drawn in Rust: ``error::query_context``)."""

    def __init__(self, sqlText: str, start: int, stop: int):
        self._text, self._start, self._stop = sqlText, start, stop

    def contextType(self) -> QueryContextType:
        return QueryContextType.SQL

    def objectType(self) -> str:
        return ""

    def objectName(self) -> str:
        return ""

    def startIndex(self) -> int:
        return self._start

    def stopIndex(self) -> int:
        return self._stop

    def fragment(self) -> str:
        return self._text[self._start:self._stop + 1]

    def callSite(self) -> str:
        # Spark's SQL contexts have no call site: the JVM refuses the call.
        raise UnsupportedOperationException(
            errorClass="UNSUPPORTED_CALL.WITHOUT_SUGGESTION",
            messageParameters={"methodName": "callSite", "className": "org.apache.spark.sql.catalyst.trees.SQLQueryContext"},
        )

    def summary(self) -> str:
        from pyrust import _native

        return _native.sql_query_context_summary(self._text, self._start, self._stop)

    def _line_and_position(self) -> Tuple[int, int]:
        # Spark's Origin.line (1-based) and startPosition (0-based, in that line).
        before = self._text[: self._start]
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1)

    def __repr__(self) -> str:
        return f"SQLQueryContext(fragment={self.fragment()!r}, startIndex={self._start}, stopIndex={self._stop})"


class DataFrameQueryContext(QueryContext):
    """Spark's context of an error in an expression built by the DataFrame API
    (``pyspark.errors.exceptions.captured``): the API call that built it (``fragment``:
    ``__truediv__``, ``cast``, ``element_at``) and where it was called from
    (``callSite``: ``path:line``); it has no object, nor indices into a text (the JVM
    refuses those calls)."""

    _CLASS = "org.apache.spark.sql.catalyst.trees.DataFrameQueryContext"

    def __init__(self, fragment: str, callSite: str):
        self._fragment, self._call_site = fragment, callSite

    def contextType(self) -> QueryContextType:
        return QueryContextType.DataFrame

    def _refused(self, method: str) -> "UnsupportedOperationException":
        return UnsupportedOperationException(
            errorClass="UNSUPPORTED_CALL.WITHOUT_SUGGESTION",
            messageParameters={"methodName": method, "className": self._CLASS},
        )

    def objectType(self) -> str:
        raise self._refused("objectType")

    def objectName(self) -> str:
        raise self._refused("objectName")

    def startIndex(self) -> int:
        raise self._refused("startIndex")

    def stopIndex(self) -> int:
        raise self._refused("stopIndex")

    def fragment(self) -> str:
        return self._fragment

    def callSite(self) -> str:
        return self._call_site

    def summary(self) -> str:
        # Spark's DataFrameQueryContext.summary.
        return f'== DataFrame ==\n"{self._fragment}" was called from\n{self._call_site}\n'

    def __repr__(self) -> str:
        return f"DataFrameQueryContext(fragment={self._fragment!r}, callSite={self._call_site!r})"


def _take_reserved(params: Optional[Dict[str, str]]) -> Tuple[Optional[Tuple[int, int, str]], List[QueryContext]]:
    """Takes PyRust's reserved parameters (``__*``, never Spark's) out of ``params``:
    where a ParseException stopped (``__line``, ``__pos``, ``__sqlText``) or, with
    ``__start``/``__stop`` instead, the SQL fragment the error is about (a query context),
    or the DataFrame API call it is about (``__fragment``, ``__callSite``)."""
    if params and "__fragment" in params:
        context = DataFrameQueryContext(params.pop("__fragment"), params.pop("__callSite", ""))
        for key in [k for k in params if k.startswith("__")]:
            params.pop(key)
        return None, [context]
    if not params or "__sqlText" not in params:
        for key in [k for k in (params or {}) if k.startswith("__")]:
            params.pop(key)
        return None, []
    text = params.pop("__sqlText")
    if "__start" in params:
        context = SQLQueryContext(text, int(params.pop("__start")), int(params.pop("__stop")))
        position, contexts = None, [context]
    else:
        position, contexts = (int(params.pop("__line")), int(params.pop("__pos")), text), []
    for key in [k for k in params if k.startswith("__")]:
        params.pop(key)
    return position, contexts


class PySparkException(Exception):
    """Base of every PySpark error: Spark's error condition, its parameters, and the
    message Spark's template gives for them (``_messages``, the one place messages are
    made). A ``message`` passed in is used only where no template fits (no condition,
    or a condition PyRust fills without all of the template's parameters). Conditions
    raised in Python use PySpark's templates; CapturedException's, the JVM's."""

    def __init__(
        self,
        message: Optional[str] = None,
        errorClass: Optional[str] = None,
        messageParameters: Optional[Dict[str, str]] = None,
        contexts: Optional[List[QueryContext]] = None,
    ):
        self._errorClass = errorClass
        self._messageParameters = dict(messageParameters) if messageParameters is not None else None
        if self._messageParameters:
            _take_reserved(self._messageParameters)  # where in SQL text: CapturedException's
        self._contexts = list(contexts or [])
        self._message = self._render(message)
        super().__init__(str(self))

    def _render(self, message: Optional[str]) -> str:
        if self._errorClass:
            rendered = _messages.fill(self._errorClass, self._messageParameters, jvm=False)
            if rendered is not None:
                return rendered
        return message if message is not None else ""

    def getCondition(self) -> Optional[str]:
        return self._errorClass

    def getErrorClass(self) -> Optional[str]:
        warnings.warn("Deprecated in 4.0.0, use getCondition instead.", FutureWarning)
        return self.getCondition()

    def getMessageParameters(self) -> Optional[Dict[str, str]]:
        return self._messageParameters

    def getSqlState(self) -> Optional[str]:
        return None  # errors raised in Python have no SQLSTATE

    def getMessage(self) -> str:
        return f"[{self.getCondition()}] {self._message}"

    def getQueryContext(self) -> List[QueryContext]:
        return self._contexts

    def __str__(self) -> str:
        return self.getMessage() if self.getCondition() is not None else self._message


# Conditions whose parameters Spark passes as numbers, not text.
_NUMBER_PARAMETERS = {"_LEGACY_ERROR_TEMP_3243": ("start", "stop", "step")}


class CapturedException(PySparkException):
    """Errors that Spark raises from its engine (the JVM side in real PySpark): the
    message is ``SparkThrowableHelper.getMessage`` (``[COND] text SQLSTATE: xxxxx``);
    Spark's plan after it is not reproduced; an SQL query context (``getQueryContext``)
    follows it on a line of its own, as the JVM's message has it. Without a condition
    (a plain Java exception) the message is the exception's own text."""

    def __init__(self, message: Optional[str] = None, errorClass: Optional[str] = None,
                 messageParameters: Optional[Dict[str, str]] = None, contexts: Optional[List[QueryContext]] = None):
        params = dict(messageParameters) if messageParameters is not None else None
        self._position, found = _take_reserved(params)
        super().__init__(message, errorClass, params, list(contexts or []) + found)

    def _context_summary(self) -> str:
        return "".join(c.summary() for c in self._contexts if isinstance(c, (SQLQueryContext, DataFrameQueryContext)))

    def _render(self, message: Optional[str]) -> str:
        if self._errorClass:
            self._messageParameters = _messages.with_defaults(self._errorClass, self._messageParameters)
            rendered = _messages.spark_message(self._errorClass, self._messageParameters)
            if rendered is None and message:
                # A site that wrote Spark's text without (all) its parameters: read them
                # back through the template (see _messages.parameters_from_message).
                found = _messages.parameters_from_message(self._errorClass, message)
                if found is not None:
                    self._messageParameters = {**found, **(self._messageParameters or {})}
                    rendered = _messages.spark_message(self._errorClass, self._messageParameters)
            if rendered is not None:
                return rendered
            text = message or ""
            if not text.startswith("[") and not self._errorClass.startswith("_LEGACY_ERROR_"):
                text = f"[{self._errorClass}] {text}"
            return text
        return message if message is not None else ""

    def getMessageParameters(self) -> Optional[Dict[str, str]]:
        # A Java exception that is not a SparkThrowable has none (PySpark gives None).
        if self._errorClass is None:
            return None
        params: Dict[str, Any] = dict(self._messageParameters or {})
        for key in _NUMBER_PARAMETERS.get(self._errorClass, ()):
            # Spark puts these in its parameter map as Java longs: py4j gives ints.
            if isinstance(params.get(key), str) and params[key].lstrip("-").isdigit():
                params[key] = int(params[key])
        return params

    def getSqlState(self) -> Optional[str]:
        return _messages.sql_state(self._errorClass)

    def getMessage(self) -> str:
        return self._message if self._errorClass else ""

    def __str__(self) -> str:
        summary = self._context_summary()
        return f"{self._message}\n{summary}" if summary else self._message


class AnalysisException(CapturedException):
    """Spark's ``AnalysisException.getMessage``: an error about a fragment of SQL text
    ends with where it starts (``; line 1 pos 7``), not with the fragment; Spark's
    analysed plan after it (``;\n'Project ...``) is not reproduced."""

    def __str__(self) -> str:
        contexts = [c for c in self._contexts if isinstance(c, SQLQueryContext)]
        if isinstance(self, ParseException):
            return super().__str__()
        if not contexts:
            # A DataFrame API context is not in Spark's AnalysisException message.
            return self._message
        line, pos = contexts[0]._line_and_position()
        return f"{self._message}; line {line} pos {pos}"


class ParseException(AnalysisException):
    """Spark's ``ParseException``: ``str(e)`` (the JVM's ``getMessage``) is a leading
    newline, the message, then where the parser stopped (``(line 1, pos 14)``) and the
    SQL text with a marker under that position, or, for an error about a fragment (a
    literal), its query context; ``getMessage()`` is the message alone, as PySpark's
    (``SparkThrowableHelper.getMessage`` of the condition and parameters). PyRust's
    parser passes the place in reserved parameters (``_take_reserved``)."""

    def __str__(self) -> str:
        text = self._message
        summary = self._context_summary()
        if summary:
            return f"\n{text}\n{summary}"
        if self._position is None:
            return text
        line, pos, command = self._position
        # Java's String.split: trailing empty lines dropped ("" is one empty line).
        lines = command.split("\n")
        while command and lines and lines[-1] == "":
            lines.pop()
        above, below = lines[:line], lines[line:]
        out = "\n" + text + f" (line {line}, pos {pos})\n\n== SQL ==\n"
        out += "".join(row + "\n" for row in above)
        out += "-" * pos + "^^^\n"
        out += "".join(row + "\n" for row in below)
        return out


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
    def __init__(
        self,
        message: Optional[str] = None,
        errorClass: Optional[str] = None,
        messageParameters: Optional[Dict[str, str]] = None,
        data: Optional[Iterable[object]] = None,
    ):
        super().__init__(message, errorClass, messageParameters)
        self.data = data


class PySparkImportError(PySparkException, ImportError):
    pass


class PySparkPicklingError(PySparkException):
    pass


class SessionNotSameException(PySparkException):
    pass


class RetriesExceeded(PySparkException):
    pass


class PickleException(PySparkException):
    pass


class PythonException(CapturedException):
    pass


class SparkNoSuchElementException(CapturedException):
    pass


class StreamingQueryException(CapturedException):
    pass


class StreamingPythonRunnerInitializationException(CapturedException):
    pass


def not_implemented(feature: str) -> PySparkNotImplementedError:
    """The error for a PySpark API PyRust does not support yet; names it."""
    return PySparkNotImplementedError(
        message=f"{feature} is not implemented in PyRust yet.",
        errorClass="NOT_IMPLEMENTED",
        messageParameters={"feature": feature},
    )
