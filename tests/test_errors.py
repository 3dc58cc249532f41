"""PySpark's exceptions as PyRust raises them: messages made from Spark 4.0.1's templates
(``pyrust.errors._messages``) and the getters a test suite asserts on. The compat suite
compares the same against recorded PySpark errors; these pin the renderer itself."""

import sys

import pytest

from pyrust.errors import (AnalysisException, ArithmeticException, IllegalArgumentException, PySparkTypeError,
                           PySparkValueError, _messages)


def test_condition_with_sub_condition_joins_both_templates():
    text = _messages.spark_message("UNRESOLVED_COLUMN.WITH_SUGGESTION", {"objectName": "`x`", "proposal": "`a`, `b`"})
    assert text == ("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `x` "
                    "cannot be resolved. Did you mean one of the following? [`a`, `b`]. SQLSTATE: 42703")


def test_legacy_conditions_have_no_prefix_and_missing_parameters_render_nothing():
    assert _messages.spark_message("_LEGACY_ERROR_TEMP_1037", {}) is None
    text = _messages.spark_message("_LEGACY_ERROR_TEMP_1037", {"wf": "lead(x)"})
    assert text.startswith("Window function lead(x) requires window to be ordered") and text.endswith("from table.")
    assert _messages.spark_message("NO_SUCH_CONDITION", {}) is None


def test_values_are_not_substituted_again():
    text = _messages.fill("UNRESOLVED_COLUMN.WITH_SUGGESTION", {"objectName": "<proposal>", "proposal": "p"})
    assert "with name <proposal> cannot" in text


def test_parameters_read_back_through_the_template():
    message = ('[CAST_INVALID_INPUT] The value \'a\' of the type "STRING" cannot be cast to "INT" because it is '
               'malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate '
               'malformed input and return NULL instead. SQLSTATE: 22018')
    assert _messages.parameters_from_message("CAST_INVALID_INPUT", message) == {
        "expression": "'a'", "sourceType": '"STRING"', "targetType": '"INT"', "ansiConfig": '"spark.sql.ansi.enabled"'}
    assert _messages.parameters_from_message("CAST_INVALID_INPUT", "something else") is None


def test_captured_exception_getters():
    e = ArithmeticException(errorClass="DIVIDE_BY_ZERO", messageParameters={"config": '"spark.sql.ansi.enabled"'})
    assert e.getSqlState() == "22012"
    assert str(e) == e.getMessage()
    assert e.getMessage().startswith("[DIVIDE_BY_ZERO] Division by zero.") and e.getMessage().endswith("SQLSTATE: 22012")
    assert e.getQueryContext() == []
    plain = IllegalArgumentException(message="java says no")
    assert (str(plain), plain.getMessage(), plain.getCondition(), plain.getMessageParameters()) == ("java says no", "", None, None)


def test_a_hand_written_text_gains_its_parameters():
    e = AnalysisException(message="A column, variable, or function parameter with name `x` cannot be resolved. "
                                  "Did you mean one of the following? [`a`].",
                          errorClass="UNRESOLVED_COLUMN.WITH_SUGGESTION")
    assert e.getMessageParameters() == {"objectName": "`x`", "proposal": "`a`"}
    assert str(e).endswith("[`a`]. SQLSTATE: 42703")


def test_python_side_errors_use_pyspark_templates():
    e = PySparkTypeError(errorClass="NOT_COLUMN_OR_STR", messageParameters={"arg_name": "col", "arg_type": "int"})
    assert str(e) == "[NOT_COLUMN_OR_STR] Argument `col` should be a Column or str, got int."
    assert e.getSqlState() is None
    none = PySparkValueError(errorClass="CANNOT_BE_NONE", messageParameters={"arg_name": None})
    assert "None" in str(none)
    with pytest.warns(FutureWarning):
        assert e.getErrorClass() == "NOT_COLUMN_OR_STR"


def test_dataframe_query_context_from_reserved_parameters():
    # What Rust sends for an error of a DataFrame API expression (Error::with_dataframe_context).
    e = ArithmeticException(errorClass="DIVIDE_BY_ZERO", messageParameters={
        "config": '"spark.sql.ansi.enabled"', "__fragment": "__truediv__", "__callSite": "job.py:3"})
    assert e.getMessageParameters() == {"config": '"spark.sql.ansi.enabled"'}
    assert str(e) == e.getMessage() + '\n== DataFrame ==\n"__truediv__" was called from\njob.py:3\n'
    [context] = e.getQueryContext()
    assert (context.contextType().name, context.fragment(), context.callSite()) == ("DataFrame", "__truediv__", "job.py:3")
    # As the JVM's DataFrameQueryContext, it has no object nor indices.
    from pyrust.errors import UnsupportedOperationException

    for method in (context.objectType, context.objectName, context.startIndex, context.stopIndex):
        with pytest.raises(UnsupportedOperationException, match="UNSUPPORTED_CALL.WITHOUT_SUGGESTION"):
            method()
    # Not in an AnalysisException's text, as in Spark.
    a = AnalysisException(errorClass="DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", messageParameters={
        "sqlExpr": '"CAST(a AS INT)"', "srcType": '"ARRAY<INT>"', "targetType": '"INT"',
        "__fragment": "cast", "__callSite": "job.py:4"})
    assert str(a) == a.getMessage() and a.getQueryContext()[0].fragment() == "cast"


def test_call_sites_skip_the_package_and_follow_the_depth_setting():
    from pyrust.sql import SparkSession, functions as F

    spark = SparkSession.builder.getOrCreate()
    here = __file__

    def ratio(c):
        return c.between(0, 1) & (c / 0 > 1)

    with pytest.raises(ArithmeticException) as caught:
        spark.range(1).select(ratio(F.col("id"))).collect()
    line = ratio.__code__.co_firstlineno + 1
    assert caught.value.getQueryContext()[0].callSite() == f"{here}:{line}"
    spark.conf.set("spark.sql.stackTracesInDataFrameContext", "2")
    try:
        with pytest.raises(ArithmeticException) as caught:
            caller = sys._getframe().f_lineno + 1
            spark.range(1).select(ratio(F.col("id"))).collect()
        assert caught.value.getQueryContext()[0].callSite().split("\n") == [f"{here}:{line}", f"{here}:{caller}"]
    finally:
        spark.conf.unset("spark.sql.stackTracesInDataFrameContext")
    with pytest.raises(ArithmeticException) as caught:
        spark.range(1).select(ratio(F.col("id"))).collect()
    assert caught.value.getQueryContext()[0].callSite() == f"{here}:{line}"
