"""Correctness of the UDF fast paths (no timings here: `bench/udf_suite.py` measures):
the Arrow `@udf`'s argument values and result shortcut give what PySpark's pandas round
trip gives, the pandas function APIs' grouping finds Spark's groups, and the lazy plan
node (`PlanNode::PythonTable`) runs its function only at an action, on both engines and
inside multi-threaded plans."""

import datetime
import math

import pandas as pd
import pyarrow as pa
import pytest

from pyrust.sql import SparkSession, functions as F
from pyrust.sql import pandas_ops, udf as udf_module
from pyrust.sql.types import BooleanType, DoubleType, IntegerType, LongType, StringType


@pytest.fixture(scope="module", params=["streaming", "in-memory"])
def spark(request):
    session = SparkSession.builder.getOrCreate()
    session.conf.set("pyrust.engine", request.param)
    yield session
    session.conf.unset("pyrust.engine")


@pytest.mark.parametrize("series", [
    pd.Series([1, 2, 3], dtype="int64"),
    pd.Series([1.5, float("nan")], dtype="float64"),
    pd.Series([True, False]),
    pd.Series([1, None, "x"], dtype=object),
    pd.Series(pd.to_datetime(["2020-01-02 03:04:05", None])),
    pd.Series(pd.to_timedelta([1, 2], unit="s")),
    pd.Series(["a", None], dtype="str"),
])
def test_arrow_udf_arguments_are_what_a_loop_over_the_series_gives(series):
    fast = udf_module._python_values(series)
    slow = list(series)
    assert [type(v) for v in fast] == [type(v) for v in slow]
    assert all((a is b) or (a == b) or (a != a and b != b) for a, b in zip(fast, slow))


def _pandas_route(results, dt):
    from pyrust.sql import _pandas_convert as pc

    return pc.from_pandas(pd.Series(results), udf_module._arrow_type(dt), dt, "UTC", False)


@pytest.mark.parametrize("results, dt", [
    ([1, 2, 3], LongType()),
    ([1, -(2 ** 31)], IntegerType()),
    ([__import__("numpy").int64(1), 2, __import__("numpy").int32(-3)], LongType()),
    ([__import__("numpy").True_, 1], LongType()),
    ([1.5, float("nan"), None, -0.0], DoubleType()),
    (["a", None, "😀"], StringType()),
    ([True, None, False], BooleanType()),
])
def test_arrow_udf_result_shortcut_equals_the_pandas_route(results, dt):
    fast = udf_module._exact_results(results, dt, udf_module._arrow_type(dt))
    assert fast is not None
    assert fast.equals(_pandas_route(results, dt))


@pytest.mark.parametrize("results, dt", [
    ([1, None], LongType()),  # pandas makes it float64: not taken
    ([2 ** 40], IntegerType()),  # out of range: pandas' unchecked cast decides
    ([1, 2.5], LongType()),
    ([True, 1], LongType()),
    ([2 ** 53 + 1, 1.0], LongType()),  # pandas makes it float64, which rounds
    ([__import__("numpy").uint64(2 ** 64 - 1)], LongType()),  # pandas wraps it
    ([True, False], LongType()),
    ([], LongType()),
])
def test_arrow_udf_result_shortcut_refuses_what_pandas_would_change(results, dt):
    assert udf_module._exact_results(results, dt, udf_module._arrow_type(dt)) is None


def test_groups_in_order_of_first_appearance_with_null_nan_and_signed_zero():
    keys = pa.array([2.0, None, float("nan"), -0.0, 2.0, 0.0, None, float("nan")])
    table = pa.table({"k": keys, "v": pa.array(range(8))})
    data, groups = pandas_ops._groups(table, 1)
    found = [(k[0], data.slice(o, n).column("v").to_pylist()) for k, o, n in groups]
    assert [v for _, v in found] == [[0, 4], [1, 6], [2, 7], [3, 5]]
    assert found[0][0] == 2.0 and found[1][0] is None and math.isnan(found[2][0]) and found[3][0] == 0.0


def test_groups_over_several_keys_and_unhashable_keys():
    table = pa.table({"a": ["x", "y", "x", "y", "x"], "b": [1, 1, 1, 2, 1], "v": range(5)})
    data, groups = pandas_ops._groups(table, 2)
    assert [(k, data.slice(o, n).column("v").to_pylist()) for k, o, n in groups] == [
        (("x", 1), [0, 2, 4]), (("y", 1), [1]), (("y", 2), [3])]
    lists = pa.table({"k": pa.array([[1], [2], [1]]), "v": range(3)})
    data, groups = pandas_ops._groups(lists, 1)
    assert [(k, data.slice(o, n).column("v").to_pylist()) for k, o, n in groups] == [(([1],), [0, 2]), (([2],), [1])]


def test_pandas_function_apis_run_only_at_an_action(spark):
    calls = []

    def mapped(batches):
        calls.append("map")
        for pdf in batches:
            yield pdf.assign(id=pdf.id + 1)

    def grouped(pdf):
        calls.append("group")
        return pd.DataFrame({"k": [int(pdf.k.iloc[0])], "n": [len(pdf)]})

    base = spark.range(100).withColumn("k", F.col("id") % 4)
    m = base.mapInPandas(mapped, "id long, k long")
    g = base.groupBy("k").applyInPandas(grouped, "k long, n long")
    chained = m.join(g, "k").filter("n > 0").groupBy("k").agg(F.sum("id").alias("s"))
    assert calls == [] and chained.columns == ["k", "s"]
    rows = sorted(chained.collect())
    assert [r.s for r in rows] == [sum(i + 1 for i in range(100) if i % 4 == k) for k in range(4)]
    assert calls.count("map") == 1 and calls.count("group") == 4


def test_python_tables_and_udfs_together_in_a_threaded_plan(spark):
    plus = udf_module.UserDefinedFunction(lambda x: x + 1, LongType())._wrapped()
    left = spark.range(20_000).mapInPandas(lambda it: (p.assign(g=p.id % 7) for p in it), "id long, g long")
    right = spark.range(20_000).groupBy((F.col("id") % 7).alias("g")).applyInPandas(
        lambda p: pd.DataFrame({"g": [int(p.id.iloc[0]) % 7], "n": [len(p)]}), "g long, n long")
    out = left.join(right, "g").select(plus("id").alias("x"), "n").agg(F.sum("x"), F.sum("n")).collect()[0]
    assert out[0] == sum(range(1, 20_001))
    assert out[1] == sum(len(range(k, 20_000, 7)) ** 2 for k in range(7))


def test_timestamps_and_nulls_through_apply_in_pandas(spark):
    df = spark.createDataFrame(
        [(1, datetime.datetime(2020, 1, 1, 12)), (1, None), (2, datetime.datetime(2021, 6, 1))], "k int, t timestamp")
    out = df.groupBy("k").applyInPandas(lambda p: p.assign(n=int(p.t.isna().sum()))[["k", "t", "n"]], "k int, t timestamp, n long")
    assert sorted(out.collect(), key=lambda r: (r.k, r.t is None)) == [
        (1, datetime.datetime(2020, 1, 1, 12), 1), (1, None, 1), (2, datetime.datetime(2021, 6, 1), 0)]


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64", "uint8", "float32", "float64"])
def test_pandas_udf_series_are_what_the_constructor_gives(dtype):
    import numpy as np

    from pyrust.sql import _pandas_fast

    values = np.arange(5, dtype=dtype)
    values.flags.writeable = False  # as Arrow's zero-copy numpy view is
    fast, slow = _pandas_fast.series(values), pd.Series(values, copy=False)
    pd.testing.assert_series_equal(fast, slow, check_exact=True)
    assert type(fast) is pd.Series and fast.name is None and type(fast.index) is pd.RangeIndex
    assert fast.index.equals(pd.RangeIndex(5)) and fast.dtype == slow.dtype
    assert (fast + 1).tolist() == (slow + 1).tolist() and fast.to_numpy().flags.writeable == slow.to_numpy().flags.writeable
    # Each batch gets its own index: renaming one does not reach the next.
    fast.index.name = "i"
    assert _pandas_fast.series(values).index.name is None
    assert _pandas_fast.values(fast + 1).tolist() == (slow + 1).to_numpy().tolist()


def test_pandas_function_frames_are_what_to_pandas_gives():
    import numpy as np

    batch = pa.record_batch([pa.array(np.arange(4, dtype="int64")), pa.array([0.5, 1.5, 2.5, 3.5]), pa.array(np.arange(4, dtype="int8"))],
                            names=["id", "x", "small"])
    fast, slow = pandas_ops._to_pandas(batch), batch.to_pandas()
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert fast.columns.equals(slow.columns) and fast.columns.dtype == slow.columns.dtype and type(fast.index) is pd.RangeIndex
    # Writable, and a copy: changing the frame changes neither the batch nor a later frame.
    fast.loc[0, "id"] = 99
    fast["x"] += 1
    assert batch.column(0)[0].as_py() == 0 and pandas_ops._to_pandas(batch).loc[0, "id"] == 0
    assert fast.assign(id=fast.id + 1).id.tolist() == [100, 2, 3, 4]


def test_pandas_function_results_keep_their_schema_when_pieces_differ(spark):
    # mapInArrow pieces with different nullability are cast one by one; pandas pieces
    # share the declared schema and are cast once.
    df = spark.range(5).repartition(1)

    def batches(it):
        for b in it:
            yield pa.record_batch([pa.array(b.column(0).to_pylist(), pa.int64())], names=["id"])
            yield pa.RecordBatch.from_arrays([pa.array([7], pa.int64())], schema=pa.schema([pa.field("id", pa.int64(), False)]))

    assert sorted(r.id for r in df.mapInArrow(batches, "id long").collect()) == [0, 1, 2, 3, 4, 7]
    assert sorted(r.id for r in df.mapInPandas(lambda it: (p.assign(id=p.id * 2) for p in it), "id long").collect()) == [0, 2, 4, 6, 8]


def test_batches_are_cut_by_row_count_whatever_the_engine_chunks():
    import random

    from pyrust.sql._pandas_convert import exact_batches

    rng = random.Random(11)
    for _ in range(200):
        lengths = [rng.choice([0, 1, 2, 3, 7, 10, 25]) for _ in range(rng.randrange(0, 12))]
        size = rng.choice([1, 3, 10, 1 << 62])
        start, chunks = 0, []
        for n in lengths:
            chunks.append(pa.record_batch([pa.array(range(start, start + n), pa.int64())], names=["v"]))
            start += n
        out = list(exact_batches(iter(chunks), size))
        assert [v for b in out for v in b.column(0).to_pylist()] == list(range(start))
        assert all(b.num_rows == size for b in out[:-1]) and all(0 < b.num_rows <= size for b in out)


def test_a_udf_sees_spark_batches_over_an_input_of_many_chunks(spark):
    from pyrust.sql.functions import pandas_udf

    @pandas_udf("long")
    def batch_length(s: pd.Series) -> pd.Series:
        return s * 0 + len(s)

    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
    try:
        df = spark.range(0, 4321).union(spark.range(4321, 12345)).union(spark.range(12345, 12999))
        lengths = [r[0] for r in df.select(batch_length("id")).collect()]
        counted = df.mapInPandas(lambda it: (p.assign(id=len(p)) for p in it), "id long").collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    assert sorted(set(lengths)) == [999, 1000] and lengths.count(999) == 999
    assert sorted({r.id for r in counted}) == [999, 1000]


def test_group_frames_gathered_per_group_are_what_to_pandas_of_the_group_gives():
    import numpy as np

    keys = pa.array(np.arange(1000) * 7 % 13)
    table = pa.Table.from_batches(pa.table({"k": keys, "id": pa.array(np.arange(1000)), "x": pa.array(np.arange(1000) / 4),
                                            "s": pa.array(np.arange(1000, dtype="int8"))}).to_batches(max_chunksize=300))
    data, order, groups = pandas_ops._group_order(table, 1)
    gathered = list(pandas_ops._group_parts(data, order, groups, arrow=False))
    moved, same_groups = pandas_ops._groups(table, 1)
    assert same_groups == groups and len(gathered) == 13
    for frame, (_, offset, length) in zip(gathered, groups):
        expected = moved.slice(offset, length).to_pandas()
        pd.testing.assert_frame_equal(frame, expected, check_exact=True)
        assert type(frame.index) is pd.RangeIndex
        assert [frame[c].to_numpy().flags.writeable for c in frame.columns] == [expected[c].to_numpy().flags.writeable for c in expected.columns]
    # Writable, and the frame's own: changing it reaches neither the input nor the next call.
    gathered[0].loc[0, "id"] = 99
    gathered[0]["x"] += 1
    assert table.column(1)[0].as_py() == 0 and next(pandas_ops._group_parts(data, order, groups, arrow=False)).loc[0, "id"] == 0
    # A column with NULLs takes the other path: the whole table moved, then sliced.
    with_null = table.append_column("n", pa.array([None] + list(range(999))))
    data, order, groups = pandas_ops._group_order(with_null, 1)
    slow = list(pandas_ops._group_parts(data, order, groups, arrow=False))
    pd.testing.assert_frame_equal(slow[0], pandas_ops._groups(with_null, 1)[0].slice(0, groups[0][2]).to_pandas())


def test_pandas_function_frames_do_not_share_their_column_index():
    import numpy as np

    batch = pa.record_batch([pa.array(np.arange(3, dtype="int64")), pa.array([0.5, 1.5, 2.5])], names=["id", "x"])
    first = pandas_ops._to_pandas(batch)
    first.columns.name = "renamed"
    first.columns = ["other", "x"]
    second = pandas_ops._to_pandas(batch)
    pd.testing.assert_frame_equal(second, batch.to_pandas(), check_exact=True)
    assert second.columns.name is None and list(second.columns) == ["id", "x"]
    assert second.columns.dtype == batch.to_pandas().columns.dtype
