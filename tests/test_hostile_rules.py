"""The comparison rules of the generated hostile-argument table (compat-tests/harness.py:
compare_hostile): which PyRust answers each rule accepts."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "compat-tests"))

from harness import compare_hostile, hostile_rule  # noqa: E402


def err(cls, condition=None, message="", parameters=None):
    return {"error": {"class": cls, "condition": condition, "message": message, "parameters": parameters}}


PY4J = err("Py4JError", message="Method limit([class java.lang.String]) does not exist")


def test_rule_follows_what_pyspark_did():
    assert hostile_rule({"value": 1}) == "same result"
    assert hostile_rule(err("PySparkTypeError", "NOT_STR")) == "same error"
    assert hostile_rule(err("AssertionError")) == "same error"
    assert hostile_rule(err("IllegalArgumentException")) == "same error"
    assert hostile_rule(PY4J) == "unchecked"
    assert hostile_rule(err("AttributeError", message="'int' object has no attribute '_jdf'")) == "unchecked"


def test_unchecked_accepts_a_pyspark_error_class_or_a_plain_type_error():
    assert compare_hostile(PY4J, err("PySparkTypeError", "NOT_INT")) == []
    assert compare_hostile(PY4J, err("TypeError", message="storageLevel must be of type pyspark.StorageLevel")) == []
    same_builtin = err("AttributeError", message="'int' object has no attribute '_jdf'")
    assert compare_hostile(same_builtin, same_builtin) == []


def test_unchecked_refuses_success_pyo3_panics_and_internal_errors():
    assert compare_hostile(PY4J, {"value": 1})
    assert compare_hostile(PY4J, err("TypeError", message="argument 'n': 'str' object cannot be interpreted as an integer"))
    assert compare_hostile(PY4J, err("OverflowError", message="Python int too large to convert to C long"))
    assert compare_hostile(PY4J, err("PanicException", message="index out of bounds"))
    assert compare_hostile(PY4J, err("SparkRuntimeException", "INTERNAL_ERROR"))
    assert compare_hostile(PY4J, err("AttributeError", message="'DataFrameReader' object has no attribute 'jdbc'"))


def test_same_error_compares_class_condition_and_pyspark_parameters():
    golden = err("PySparkTypeError", "NOT_STR", parameters={"arg_name": "col1", "arg_type": "int"})
    assert compare_hostile(golden, golden) == []
    assert compare_hostile(golden, err("PySparkTypeError", "NOT_STR", parameters={"arg_name": "col", "arg_type": "int"}))
    assert compare_hostile(golden, err("PySparkValueError", "NOT_STR", parameters={"arg_name": "col1", "arg_type": "int"}))
    engine = err("AnalysisException", "UNRESOLVED_COLUMN.WITH_SUGGESTION", parameters={"objectName": "`1`"})
    assert compare_hostile(engine, err("AnalysisException", "UNRESOLVED_COLUMN.WITH_SUGGESTION", parameters={})) == []


def test_same_result_compares_the_value():
    assert compare_hostile({"value": {"DataFrame": "struct<id:int>"}}, {"value": {"DataFrame": "struct<id:int>"}}) == []
    assert compare_hostile({"value": {"DataFrame": "struct<id:int>"}}, {"value": {"DataFrame": "struct<id:bigint>"}})
    assert compare_hostile({"value": None}, err("PySparkTypeError", "NOT_BOOL"))
