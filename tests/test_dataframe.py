"""What the compat goldens cannot show: laziness, plans, pushdown, error safety."""

import datetime
import io
import contextlib

import pytest

from pyrust.errors import AnalysisException, PySparkNotImplementedError
from pyrust.sql import SparkSession, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def test_schema_without_execution(spark, tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("a,b\n1,x\n")
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    path.unlink()  # nothing below may read the file again
    out = df.select((F.col("a") + 1).alias("c"), "b").filter(F.col("c") > 0)
    assert out.columns == ["c", "b"]
    assert out.dtypes == [("c", "int"), ("b", "string")]


def test_analysis_errors_are_eager(spark):
    df = spark.range(3)
    with pytest.raises(AnalysisException) as e:
        df.select("nope")
    assert e.value.getCondition() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"


def test_explain_prints_ir_and_polars_plan(spark):
    df = spark.range(10).filter(F.col("id") > 3).select((F.col("id") * 2).alias("x"))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    text = buf.getvalue()
    # Spark's sections: the analysed plan under its schema, then the optimised one.
    assert text.startswith("== Analyzed Logical Plan ==\nx: bigint\n") and "Filter (id > 3)" in text
    assert "\n== Optimized Logical Plan ==\n" in text
    assert "== Polars Plan (optimized) ==" in text
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain()
    assert buf.getvalue().startswith("== PyRust Plan ==\n")


def test_pushdown_survives_lowering(spark, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n")
    df = spark.read.csv(str(path), header=True, inferSchema=True).filter(F.col("a") > 1).select("b")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    polars_plan = buf.getvalue().split("== Polars Plan (optimized) ==")[1]
    # Only the columns used reach the scan, and the predicate is applied in it.
    assert "Csv SCAN" in polars_plan or "SCAN" in polars_plan
    assert "PROJECT 2/3 COLUMNS" in polars_plan, polars_plan
    assert "SELECTION" in polars_plan and "col(\"a\")" in polars_plan, polars_plan
    assert [r.b for r in df.collect()] == [5]


def test_cast_literal_is_folded_into_the_parquet_scan(spark, tmp_path):
    path = str(tmp_path / "d.parquet")
    spark.createDataFrame([(1, datetime.date(2024, 1, 1)), (2, datetime.date(2024, 3, 1))], "i int, d date").write.parquet(path)
    df = spark.read.parquet(path).filter(F.col("d") > F.lit("2024-02-01").cast("date")).select("i")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    polars_plan = buf.getvalue().split("== Polars Plan (optimized) ==")[1]
    # The cast ran when the plan was made: the scan gets a comparison with a date literal.
    selection = [line for line in polars_plan.splitlines() if "SELECTION" in line]
    assert selection and 'col("d")' in selection[0] and "2024-02-01" in selection[0], polars_plan
    assert [r.i for r in df.collect()] == [2]


def test_in_memory_engine_gives_same_answer(spark):
    df = spark.range(100).groupBy((F.col("id") % 3).alias("k")).agg(F.sum("id")).orderBy("k")
    streaming = df.collect()
    spark.conf.set("pyrust.engine", "in-memory")
    try:
        assert df.collect() == streaming
    finally:
        spark.conf.unset("pyrust.engine")


def test_unsupported_api_names_itself(spark):
    with pytest.raises(PySparkNotImplementedError) as e:
        spark.sql("select 1").pandas_api()
    assert "pandas_api" in str(e.value)
    # A PySpark function PyRust lacks imports, and names itself when called.
    with pytest.raises(PySparkNotImplementedError) as e:
        F.xpath_string("x", "y")
    assert "xpath_string" in str(e.value)
    # A name PySpark does not have either is an AttributeError, as in PySpark.
    with pytest.raises(AttributeError):
        F.no_such_function("x")


def test_to_polars_and_arrow(spark):
    df = spark.createDataFrame([(1, "a"), (2, None)], "id int, s string")
    assert df.toArrow().to_pydict() == {"id": [1, 2], "s": ["a", None]}
    assert df.toPolars().to_dict(as_series=False) == {"id": [1, 2], "s": ["a", None]}


def test_duplicate_names_reach_arrow(spark):
    a = spark.createDataFrame([(1, "x")], "k int, v string")
    b = spark.createDataFrame([(1, "y")], "k int, v string")
    t = a.join(b, a.k == b.k).toArrow()
    assert t.column_names == ["k", "v", "k", "v"]


def test_collect_builds_rows(spark):
    rows = spark.createDataFrame([(1, [1, 2], (3, "z"))], "a int, arr array<int>, s struct<x:int,y:string>").collect()
    assert rows[0].arr == [1, 2]
    assert rows[0].s.y == "z"


def test_rust_panic_becomes_an_exception():
    from pyrust import _native
    from pyrust.errors import SparkRuntimeException

    with pytest.raises(SparkRuntimeException) as e:
        _native.panic_for_tests()
    assert e.value.getCondition() == "INTERNAL_ERROR"
    assert "deliberate panic" in str(e.value)
    # The interpreter and the engine keep working.
    assert SparkSession.builder.getOrCreate().range(3).count() == 3


def test_reader_refuses_options_it_would_ignore(spark, tmp_path):
    from pyrust.errors import PySparkNotImplementedError

    path = tmp_path / "d.csv"
    path.write_text("a\n2024/01/02\n")
    with pytest.raises(PySparkNotImplementedError) as e:
        spark.read.csv(str(path), header=True, locale="de-DE")
    assert "locale" in str(e.value)
    # Options whose value changes nothing are accepted.
    assert spark.read.csv(str(path), header=True, mode="PERMISSIVE", encoding="UTF-8").count() == 1


def test_spark_context_basics(spark):
    from pyrust.errors import PySparkNotImplementedError

    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    assert sc.version == spark.version
    assert sc.defaultParallelism >= 1
    with pytest.raises(PySparkNotImplementedError) as e:
        sc.parallelize([1, 2])
    assert "SparkContext.parallelize" in str(e.value)


def test_collected_rows_are_rows_and_leave_the_collector_as_found(spark):
    import gc

    from pyrust.sql import Row

    df = spark.createDataFrame([(1, "a", (2, "b")), (None, None, None)], "i int, s string, st struct<x:int,y:string>")
    assert gc.isenabled()
    rows = df.collect()
    assert gc.isenabled()
    assert type(rows[0]) is Row and rows[0] == (1, "a", (2, "b"))
    assert rows[0].__fields__ == ["i", "s", "st"] and rows[1].asDict() == {"i": None, "s": None, "st": None}
    assert rows[0].st.y == "b" and type(rows[0].st) is Row
    gc.disable()
    try:
        df.collect()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("engine", ["streaming", "in-memory"])
def test_decimal_keys_in_group_by_and_top_k(engine):
    # Polars needs its 128-bit integer features for both; without them these panicked.
    from decimal import Decimal

    spark = SparkSession.builder.getOrCreate()
    spark.conf.set("pyrust.engine", engine)
    try:
        df = spark.createDataFrame([(Decimal("1.10"), 1), (Decimal("2.20"), 2), (Decimal("1.10"), 3)], "k decimal(15,2), v long")
        assert df.groupBy("k").agg(F.sum("v").alias("s")).orderBy("s").collect() == [(Decimal("2.20"), 2), (Decimal("1.10"), 4)]
        assert df.orderBy(F.col("k").desc()).limit(1).collect() == [(Decimal("2.20"), 2)]
        top = df.groupBy("v").agg(F.sum("k").alias("total")).orderBy(F.col("total").desc()).limit(1)
        assert top.collect() == [(2, Decimal("2.20"))]
    finally:
        spark.conf.set("pyrust.engine", "streaming")
