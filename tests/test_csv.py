"""What the CSV compat goldens cannot show: files changing under a DataFrame, and
which reader does the work."""

import io
import contextlib

import pytest

from pyrust.sql import SparkSession, functions as F


@pytest.fixture(scope="module")
def spark():
    return SparkSession.builder.getOrCreate()


def _polars_plan(df) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        df.explain(True)
    return buf.getvalue().split("== Polars Plan (optimized) ==")[1]


def test_file_rewritten_after_inference_gives_nulls_not_errors(spark, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,1.5\n2,2.5\n")
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    assert df.dtypes == [("a", "int"), ("b", "double")]
    # Spark reads the new text with the schema it inferred (PERMISSIVE: NULL where it does not parse).
    path.write_text("a,b\nx,1e400\n3,\"4\"\n\n5,6,7\n")
    assert [tuple(r) for r in df.collect()] == [(None, float("inf")), (3, 4.0), (5, 6.0)]


def test_numbers_spark_and_polars_read_alike_are_read_by_polars(spark, tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("i,l,d,s\n1,3000000000,1.5,x\n-2,4,NaN,y\n")
    df = spark.read.csv(str(path), header=True, inferSchema=True).filter(F.col("i") > 0).select("l", "d")
    plan = _polars_plan(df)
    # Typed columns come straight from the scan (no conversion step), so the filter is pushed into it.
    assert "SELECTION" in plan and 'col("i")' in plan, plan
    assert [tuple(r) for r in df.collect()] == [(3000000000, 1.5)]


def test_quotes_polars_would_split_differently_are_read_the_spark_way(spark, tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('a,b\n"x""y",1\n"open,2\n')
    df = spark.read.csv(str(path), header=True, inferSchema=True)
    assert df.dtypes == [("a", "string"), ("b", "int")]
    assert [tuple(r) for r in df.collect()] == [('"x""y"', 1), ("open,2", None)]


@pytest.mark.parametrize("infer", [True, False])
def test_plain_dates_and_timestamps_are_read_by_polars(spark, tmp_path, infer):
    path = tmp_path / "dt.csv"
    path.write_text("d,t\n2024-01-05,2024-01-05 10:00:00\n2024-01-06,2024-01-06T11:00:00.25\n")
    reader = spark.read.option("header", True)
    reader = reader.option("inferSchema", True) if infer else reader.schema("d date, t timestamp")
    df = reader.csv(str(path)).filter(F.col("d") > F.lit("2024-01-05").cast("date")).select("t")
    # Read natively, the columns need no conversion step, so the filter is pushed into the scan.
    plan = _polars_plan(df)
    assert "SELECTION" in plan and 'col("d")' in plan, plan
    assert [r[0].isoformat() for r in df.collect()] == ["2024-01-06T11:00:00.250000"]


def test_a_lenient_date_sends_its_column_to_spark_s_parser(spark, tmp_path):
    path = tmp_path / "lenient.csv"
    path.write_text("2024-01-05\n2024-1-6\n")
    df = spark.read.schema("d date").csv(str(path)).filter(F.col("d") > F.lit("2024-01-05").cast("date"))
    # Converted value by value after the scan: the filter stays above the conversion.
    plan = _polars_plan(df)
    assert "SELECTION: None" in plan or "SELECTION" not in plan, plan
    assert [r[0].isoformat() for r in df.collect()] == ["2024-01-06"]
