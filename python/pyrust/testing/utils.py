"""``pyspark.testing.utils``: ``assertDataFrameEqual`` and ``assertSchemaEqual``.

Ported from Apache Spark 4.0.1, ``python/pyspark/testing/utils.py`` and the pandas
comparison of ``python/pyspark/testing/pandasutils.py`` (Apache License 2.0,
Copyright The Apache Software Foundation): the same signatures, checks, error classes
and diff text, so a test asserting on the message passes on both engines. The error
message templates come from PySpark 4.0.1's ``error-conditions.json`` (``pyrust.errors._messages``).
Differences (docs/testing.md): pandas-on-Spark is not part of PyRust, so
``assertPandasOnSparkEqual`` raises ``PySparkNotImplementedError``; PyRust has no
streaming DataFrames, so the streaming check never fires.
"""

import difflib
import functools
import os
import sys
from decimal import Decimal
from itertools import zip_longest
from typing import Any, Dict, List, Optional, Union

from pyrust.errors import _messages
from pyrust.errors import PySparkAssertionError, PySparkTypeError, not_implemented
from pyrust.sql.dataframe import DataFrame
from pyrust.sql.functions import col, when
from pyrust.sql.types import Row, StructField, StructType, VariantVal

__all__ = ["assertDataFrameEqual", "assertSchemaEqual"]

def _message(errorClass: str, messageParameters: Dict[str, Any]) -> str:
    """PySpark's ErrorClassesReader.get_error_message, from the checked-in templates."""
    return _messages.fill(errorClass, messageParameters, jvm=False) or ""


def _assertion_error(errorClass: str, messageParameters: Dict[str, Any], data: Any = None) -> PySparkAssertionError:
    # "[CLASS] " is added by PySparkException, as PySpark's getMessage does.
    e = PySparkAssertionError(message=_message(errorClass, messageParameters), errorClass=errorClass,
                              messageParameters=messageParameters)
    e.data = data
    return e


@functools.lru_cache(maxsize=None)
def _terminal_color_support():
    # PySpark asks a shell (tput) on every diff; the answer does not change within a
    # process, so it is asked once.
    try:
        # determine if environment supports color
        script = "$(test $(tput colors)) && $(test $(tput colors) -ge 8) && echo true || echo false"
        return os.popen(script).read()
    except Exception:
        return False


def _context_diff(actual: List[str], expected: List[str], n: int = 3):
    """Modified from difflib context_diff API (as PySpark does)."""

    def red(s: str) -> str:
        red_color = "\033[31m"
        no_color = "\033[0m"
        return red_color + str(s) + no_color

    prefix = dict(insert="+ ", delete="- ", replace="! ", equal="  ")
    for group in difflib.SequenceMatcher(None, actual, expected).get_grouped_opcodes(n):
        yield "*** actual ***"
        if any(tag in {"replace", "delete"} for tag, _, _, _, _ in group):
            for tag, i1, i2, _, _ in group:
                for line in actual[i1:i2]:
                    if tag != "equal" and _terminal_color_support():
                        yield red(prefix[tag] + str(line))
                    else:
                        yield prefix[tag] + str(line)

        yield "\n"

        yield "*** expected ***"
        if any(tag in {"replace", "insert"} for tag, _, _, _, _ in group):
            for tag, _, _, j1, j2 in group:
                for line in expected[j1:j2]:
                    if tag != "equal" and _terminal_color_support():
                        yield red(prefix[tag] + str(line))
                    else:
                        yield prefix[tag] + str(line)


def assertSchemaEqual(
    actual: StructType,
    expected: StructType,
    ignoreNullable: bool = True,
    ignoreColumnOrder: bool = False,
    ignoreColumnName: bool = False,
):
    """Asserts that two schemas are equal (PySpark 4.0.1's semantics and message)."""
    __tracebackhide__ = True
    if not isinstance(actual, StructType):
        params = {"arg_name": "actual", "arg_type": type(actual).__name__}
        raise PySparkTypeError(message=_message("NOT_STRUCT", params), errorClass="NOT_STRUCT", messageParameters=params)
    if not isinstance(expected, StructType):
        params = {"arg_name": "expected", "arg_type": type(expected).__name__}
        raise PySparkTypeError(message=_message("NOT_STRUCT", params), errorClass="NOT_STRUCT", messageParameters=params)

    def compare_schemas_ignore_nullable(s1: StructType, s2: StructType):
        if len(s1) != len(s2):
            return False
        zipped = zip_longest(s1, s2)
        for sf1, sf2 in zipped:
            if not compare_structfields_ignore_nullable(sf1, sf2):
                return False
        return True

    def compare_structfields_ignore_nullable(actualSF: StructField, expectedSF: StructField):
        if actualSF is None and expectedSF is None:
            return True
        elif actualSF is None or expectedSF is None:
            return False
        if actualSF.name != expectedSF.name:
            return False
        else:
            return compare_datatypes_ignore_nullable(actualSF.dataType, expectedSF.dataType)

    def compare_datatypes_ignore_nullable(dt1: Any, dt2: Any):
        # checks datatype equality, using recursion to ignore nullable
        if dt1.typeName() == dt2.typeName():
            if dt1.typeName() == "array":
                return compare_datatypes_ignore_nullable(dt1.elementType, dt2.elementType)
            elif dt1.typeName() == "struct":
                return compare_schemas_ignore_nullable(dt1, dt2)
            else:
                return True
        else:
            return False

    if ignoreColumnOrder:
        actual = StructType(sorted(actual, key=lambda x: x.name))
        expected = StructType(sorted(expected, key=lambda x: x.name))

    if ignoreColumnName:
        actual = StructType([StructField(str(i), field.dataType, field.nullable) for i, field in enumerate(actual)])
        expected = StructType(
            [StructField(str(i), field.dataType, field.nullable) for i, field in enumerate(expected)]
        )

    if (ignoreNullable and not compare_schemas_ignore_nullable(actual, expected)) or (
        not ignoreNullable and actual != expected
    ):
        generated_diff = difflib.ndiff(str(actual).splitlines(), str(expected).splitlines())
        error_msg = "\n".join(generated_diff)
        raise _assertion_error("DIFFERENT_SCHEMA", {"error_msg": error_msg})


def assertPandasOnSparkEqual(*args: Any, **kwargs: Any):
    """pandas-on-Spark (``pyspark.pandas``) is not part of PyRust."""
    raise not_implemented("assertPandasOnSparkEqual (pandas-on-Spark)")


def _is_pandas(obj: Any) -> bool:
    # Without pandas imported there is no pandas DataFrame: importing it (with numpy and
    # pyarrow, ~0.3 s) only to answer no would slow every comparison of a suite that
    # never uses pandas.
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def assertDataFrameEqual(
    actual: Union[DataFrame, "pandas.DataFrame", List[Row]],  # noqa: F821
    expected: Union[DataFrame, "pandas.DataFrame", List[Row]],  # noqa: F821
    checkRowOrder: bool = False,
    rtol: float = 1e-5,
    atol: float = 1e-8,
    ignoreNullable: bool = True,
    ignoreColumnOrder: bool = False,
    ignoreColumnName: bool = False,
    ignoreColumnType: bool = False,
    maxErrors: Optional[int] = None,
    showOnlyDiff: bool = False,
    includeDiffRows=False,
):
    """Asserts that two DataFrames (or lists of Rows, or pandas DataFrames) are equal,
    with PySpark 4.0.1's options, error classes and diff text."""
    __tracebackhide__ = True
    if actual is None and expected is None:
        return True
    elif actual is None:
        raise _assertion_error(
            "INVALID_TYPE_DF_EQUALITY_ARG",
            {"expected_type": "Union[DataFrame, ps.DataFrame, List[Row]]", "arg_name": "actual", "actual_type": None},
        )
    elif expected is None:
        raise _assertion_error(
            "INVALID_TYPE_DF_EQUALITY_ARG",
            {"expected_type": "Union[DataFrame, ps.DataFrame, List[Row]]", "arg_name": "expected", "actual_type": None},
        )

    if _is_pandas(actual) or _is_pandas(expected):
        # PySpark hands pandas frames to PandasOnSparkTestUtils.assert_eq(almost=True),
        # which compares them approximately (and ignores checkRowOrder for plain pandas).
        return _assert_eq_almost(actual, expected, rtol=rtol, atol=atol)

    if not isinstance(actual, (DataFrame, list)):
        raise _assertion_error(
            "INVALID_TYPE_DF_EQUALITY_ARG",
            {"expected_type": "Union[DataFrame, ps.DataFrame, List[Row]]", "arg_name": "actual",
             "actual_type": type(actual)},
        )
    elif not isinstance(expected, (DataFrame, list)):
        raise _assertion_error(
            "INVALID_TYPE_DF_EQUALITY_ARG",
            {"expected_type": "Union[DataFrame, ps.DataFrame, List[Row]]", "arg_name": "expected",
             "actual_type": type(expected)},
        )

    if ignoreColumnOrder:
        actual = actual.select(*sorted(actual.columns))
        expected = expected.select(*sorted(expected.columns))

    def rename_dataframe_columns(df: DataFrame) -> DataFrame:
        """Rename DataFrame columns to sequential numbers for comparison"""
        renamed_columns = [str(i) for i in range(len(df.columns))]
        return df.toDF(*renamed_columns)

    if ignoreColumnName:
        actual = rename_dataframe_columns(actual)
        expected = rename_dataframe_columns(expected)

    def cast_columns_to_string(df: DataFrame) -> DataFrame:
        """Cast all DataFrame columns to string for comparison"""
        for col_name in df.columns:
            # Add logic to remove trailing .0 for float columns that are whole numbers
            df = df.withColumn(
                col_name,
                when(
                    (col(col_name).cast("float").isNotNull())
                    & (col(col_name).cast("float") == col(col_name).cast("int")),
                    col(col_name).cast("int").cast("string"),
                ).otherwise(col(col_name).cast("string")),
            )
        return df

    if ignoreColumnType:
        actual = cast_columns_to_string(actual)
        expected = cast_columns_to_string(expected)

    def compare_rows(r1: Row, r2: Row):
        def compare_vals(val1, val2):
            if isinstance(val1, list) and isinstance(val2, list):
                return len(val1) == len(val2) and all(compare_vals(x, y) for x, y in zip(val1, val2))
            elif isinstance(val1, Row) and isinstance(val2, Row):
                return all(compare_vals(x, y) for x, y in zip(val1, val2))
            elif isinstance(val1, dict) and isinstance(val2, dict):
                return (
                    len(val1.keys()) == len(val2.keys())
                    and val1.keys() == val2.keys()
                    and all(compare_vals(val1[k], val2[k]) for k in val1.keys())
                )
            elif isinstance(val1, float) and isinstance(val2, float):
                if abs(val1 - val2) > (atol + rtol * abs(val2)):
                    return False
            elif isinstance(val1, Decimal) and isinstance(val2, Decimal):
                if abs(val1 - val2) > (Decimal(atol) + Decimal(rtol) * abs(val2)):
                    return False
            elif isinstance(val1, VariantVal) and isinstance(val2, VariantVal):
                return compare_vals(val1.toPython(), val2.toPython())
            else:
                if val1 != val2:
                    return False
            return True

        if r1 is None and r2 is None:
            return True
        elif r1 is None or r2 is None:
            return False

        return compare_vals(r1, r2)

    def assert_rows_equal(rows1: List[Row], rows2: List[Row], maxErrors: Optional[int] = None,
                          showOnlyDiff: bool = False):
        __tracebackhide__ = True
        zipped = list(zip_longest(rows1, rows2))
        diff_rows_cnt = 0
        diff_rows = []
        has_diff_rows = False

        rows_str1 = ""
        rows_str2 = ""

        # count different rows
        for r1, r2 in zipped:
            if not compare_rows(r1, r2):
                diff_rows_cnt += 1
                has_diff_rows = True
                if includeDiffRows:
                    diff_rows.append((r1, r2))
                rows_str1 += str(r1) + "\n"
                rows_str2 += str(r2) + "\n"
                if maxErrors is not None and diff_rows_cnt >= maxErrors:
                    break
            elif not showOnlyDiff:
                rows_str1 += str(r1) + "\n"
                rows_str2 += str(r2) + "\n"

        generated_diff = _context_diff(actual=rows_str1.splitlines(), expected=rows_str2.splitlines(), n=len(zipped))

        if has_diff_rows:
            error_msg = "Results do not match: "
            percent_diff = (diff_rows_cnt / len(zipped)) * 100
            error_msg += "( %.5f %% )" % percent_diff
            error_msg += "\n" + "\n".join(generated_diff)
            data = diff_rows if includeDiffRows else None
            raise _assertion_error("DIFFERENT_ROWS", {"error_msg": error_msg}, data=data)

    # only compare schema if expected is not a List
    if not isinstance(actual, list) and not isinstance(expected, list):
        if ignoreNullable:
            assertSchemaEqual(actual.schema, expected.schema)
        elif actual.schema != expected.schema:
            generated_diff = difflib.ndiff(str(actual.schema).splitlines(), str(expected.schema).splitlines())
            error_msg = "\n".join(generated_diff)
            raise _assertion_error("DIFFERENT_SCHEMA", {"error_msg": error_msg})

    # PyRust has no streaming DataFrames: PySpark's UNSUPPORTED_OPERATION check for
    # them cannot fire here.
    actual_list = actual.collect() if not isinstance(actual, list) else actual
    expected_list = expected.collect() if not isinstance(expected, list) else expected

    if not checkRowOrder:
        # rename duplicate columns for sorting
        actual_list = sorted(actual_list, key=lambda x: str(x))
        expected_list = sorted(expected_list, key=lambda x: str(x))

    assert_rows_equal(actual_list, expected_list, maxErrors=maxErrors, showOnlyDiff=showOnlyDiff)


def _assert_eq_almost(left: Any, right: Any, rtol: float = 1e-5, atol: float = 1e-8):
    """PandasOnSparkTestUtils.assert_eq(almost=True) for plain pandas objects."""
    import pandas as pd
    from pandas.api.types import is_list_like

    if isinstance(left, (pd.DataFrame, pd.Series, pd.Index)):
        _assert_pandas_almost_equal(left, right, rtol=rtol, atol=atol)
    elif is_list_like(left) and is_list_like(right):
        assert len(left) == len(right)
        for litem, ritem in zip(left, right):
            _assert_eq_almost(litem, ritem)
    elif (left is not None and pd.isna(left)) and (right is not None and pd.isna(right)):
        pass
    else:
        assert round(abs(left - right), 7) == 0, f"{left!r} != {right!r} within 7 places"


def _assert_pandas_almost_equal(left: Any, right: Any, rtol: float = 1e-5, atol: float = 1e-8):
    """Ported from PySpark's pandasutils: approximate equality of pandas objects."""
    import pandas as pd

    def compare_vals_approx(val1, val2):
        # PySpark's version reads the loop variables lval/rval (closures); kept so.
        if isinstance(lval, (float, Decimal)) or isinstance(rval, (float, Decimal)):
            if abs(float(lval) - float(rval)) > (atol + rtol * abs(float(rval))):
                return False
        elif val1 != val2:
            return False
        return True

    def frame_error():
        return _assertion_error("DIFFERENT_PANDAS_DATAFRAME", {
            "left": left.to_string(), "left_dtype": str(left.dtypes),
            "right": right.to_string(), "right_dtype": str(right.dtypes)})

    def series_error():
        return _assertion_error("DIFFERENT_PANDAS_SERIES", {
            "left": left.to_string(), "left_dtype": str(left.dtype),
            "right": right.to_string(), "right_dtype": str(right.dtype)})

    def index_error(cls):
        return _assertion_error(cls, {"left": left, "left_dtype": str(left.dtype),
                                      "right": right, "right_dtype": str(right.dtype)})

    if isinstance(left, pd.DataFrame) and isinstance(right, pd.DataFrame):
        if left.shape != right.shape:
            raise frame_error()
        for lcol, rcol in zip(left.columns, right.columns):
            if lcol != rcol:
                raise frame_error()
            for lnull, rnull in zip(left[lcol].isnull(), right[rcol].isnull()):
                if lnull != rnull:
                    raise frame_error()
            for lval, rval in zip(left[lcol].dropna(), right[rcol].dropna()):
                if not compare_vals_approx(lval, rval):
                    raise frame_error()
        if left.columns.names != right.columns.names:
            raise frame_error()
    elif isinstance(left, pd.Series) and isinstance(right, pd.Series):
        if left.name != right.name or len(left) != len(right):
            raise series_error()
        for lnull, rnull in zip(left.isnull(), right.isnull()):
            if lnull != rnull:
                raise series_error()
        for lval, rval in zip(left.dropna(), right.dropna()):
            if not compare_vals_approx(lval, rval):
                raise series_error()
    elif isinstance(left, pd.MultiIndex) and isinstance(right, pd.MultiIndex):
        if len(left) != len(right):
            raise index_error("DIFFERENT_PANDAS_MULTIINDEX")
        for lval, rval in zip(left, right):
            if not compare_vals_approx(lval, rval):
                raise index_error("DIFFERENT_PANDAS_MULTIINDEX")
    elif isinstance(left, pd.Index) and isinstance(right, pd.Index):
        if len(left) != len(right):
            raise index_error("DIFFERENT_PANDAS_INDEX")
        for lnull, rnull in zip(left.isnull(), right.isnull()):
            if lnull != rnull:
                raise index_error("DIFFERENT_PANDAS_INDEX")
        for lval, rval in zip(left.dropna(), right.dropna()):
            if not compare_vals_approx(lval, rval):
                raise index_error("DIFFERENT_PANDAS_INDEX")
    else:
        expected_type = f"{pd.DataFrame.__name__}, {pd.Series.__name__}, {pd.Index.__name__}, "
        if not isinstance(left, (pd.DataFrame, pd.Series, pd.Index)):
            raise _assertion_error("INVALID_TYPE_DF_EQUALITY_ARG", {
                "expected_type": expected_type, "arg_name": "left", "actual_type": type(left)})
        elif not isinstance(right, (pd.DataFrame, pd.Series, pd.Index)):
            raise _assertion_error("INVALID_TYPE_DF_EQUALITY_ARG", {
                "expected_type": expected_type, "arg_name": "right", "actual_type": type(right)})
