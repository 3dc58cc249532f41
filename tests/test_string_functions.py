"""String functions PyRust refuses or answers differently from PySpark on purpose
(docs/semantics.md): each refusal names what is missing."""

import pytest

from pyrust.errors import PySparkNotImplementedError, SparkRuntimeException
from pyrust.sql import SparkSession
from pyrust.sql import functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


@pytest.fixture
def df(spark):
    return spark.createDataFrame([("a1b2",), ("x",)], "s string")


@pytest.mark.parametrize("pattern", ["(?<=[0-9])", "a(?=b)", "(a)\\1", "a*+", "(?>a)"])
def test_java_regex_features_rust_lacks_are_refused(df, pattern):
    with pytest.raises(PySparkNotImplementedError) as e:
        df.select(F.split("s", pattern)).collect()
    assert e.value.getCondition() == "UNSUPPORTED_FEATURE.REGEX"


def test_invalid_patterns_raise_sparks_pattern_error(df):
    for column in [F.split("s", "[a-"), F.col("s").rlike("a{"), F.regexp_replace("s", "(ab", "x")]:
        with pytest.raises(SparkRuntimeException) as e:
            df.select(column).collect()
        assert e.value.getCondition() == "INVALID_PARAMETER_VALUE.PATTERN"


def test_sentences_with_the_thai_locale_is_refused_by_name(df):
    # The JDK breaks Thai with a dictionary; every other locale has the same rules.
    assert df.select(F.sentences("s", F.lit("en"), F.lit("US"))).collect()[0][0] == [["a1b2"]]
    with pytest.raises(PySparkNotImplementedError, match="Thai"):
        df.select(F.sentences("s", F.lit("th"), F.lit("TH"))).collect()


@pytest.mark.parametrize("call", [
    lambda: F.to_json(F.struct("s"), {"pretty": "true"}),
    lambda: F.from_json("s", "a INT", {"timeZone": "UTC"}),
    lambda: F.schema_of_json(F.lit("{}"), {"nosuch": "1"}),
    lambda: F.to_csv(F.struct("s"), {"header": "true"}),
])
def test_function_options_pyrust_does_not_honour_are_refused_by_name(df, call):
    with pytest.raises(PySparkNotImplementedError, match="pretty|timeZone|nosuch|header"):
        df.select(call()).collect()


def test_only_the_utf8_binary_collation(df):
    assert df.select(F.collate("s", "UTF8_BINARY")).collect()[0][0] == "a1b2"
    with pytest.raises(PySparkNotImplementedError, match="UTF8_LCASE"):
        df.select(F.collate("s", "UTF8_LCASE")).collect()


def test_format_string_errors_name_javas_exception(df):
    with pytest.raises(Exception, match="IllegalFormatConversionException"):
        df.select(F.format_string("%d", "s")).collect()
