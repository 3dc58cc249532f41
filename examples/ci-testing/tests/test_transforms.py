"""The job's test suite: plain PySpark, run on PyRust (`pytest`) or on real PySpark
(`pytest --pyrust-engine=pyspark`). `spark` is the plugin's fixture."""

import datetime

import pytest
from pyspark.errors import AnalysisException
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.testing import assertDataFrameEqual, assertSchemaEqual

from sales_job import transforms as T

ROWS = [
    (1, "ann", " north ", 120.0, "2024-03-01"),
    (2, "bob", "North", 30.5, "2024-03-01"),
    (3, "cid", "south", 5.0, "2024-03-02"),
    (4, "ann", "north", -1.0, "2024-03-02"),
    (5, "dee", "south", None, "2024-03-03"),
    (6, "dee", "South ", 80.0, "2024-03-03"),
]


@pytest.fixture
def orders(spark):
    return T.clean_orders(T.load_orders(spark, ROWS))


def test_clean_orders_drops_bad_amounts_and_normalises_regions(orders):
    assert sorted(r.order_id for r in orders.collect()) == [1, 2, 3, 6]
    assert {r.region for r in orders.collect()} == {"NORTH", "SOUTH"}


def test_clean_orders_parses_days(orders):
    first = orders.filter("order_id = 1").first()
    assert first.day == datetime.date(2024, 3, 1)
    assert dict(orders.dtypes)["day"] == "date"


def test_revenue_by_region(orders):
    expected = [Row(region="NORTH", revenue=150.5, orders=2), Row(region="SOUTH", revenue=85.0, orders=2)]
    assertDataFrameEqual(T.revenue_by_region(orders), expected, checkRowOrder=True)


def test_top_customer_per_region(spark, orders):
    expected = spark.createDataFrame([("NORTH", "ann", 120.0), ("SOUTH", "dee", 80.0)], ["region", "customer", "spent"])
    assertDataFrameEqual(T.top_customer_per_region(orders), expected)


def test_label_orders(orders):
    labels = {r.order_id: r.size for r in T.label_orders(orders).collect()}
    assert labels == {1: "large", 2: "medium", 3: "small", 6: "medium"}


def test_daily_running_total(orders):
    got = [(r.day.isoformat(), r.running) for r in T.daily_running_total(orders).collect()]
    assert got == [("2024-03-01", 150.5), ("2024-03-02", 155.5), ("2024-03-03", 235.5)]


def test_enrich_with_customers_fills_unknown_segments(spark, orders):
    customers = spark.createDataFrame([("ann", "gold"), ("bob", "silver")], ["customer", "segment"])
    got = T.enrich_with_customers(orders, customers).select("order_id", "segment")
    assertDataFrameEqual(got, [Row(order_id=1, segment="gold"), Row(order_id=2, segment="silver"),
                               Row(order_id=3, segment="unknown"), Row(order_id=6, segment="unknown")])


def test_region_report_sql(spark, orders):
    report = T.region_report_sql(spark, orders)
    assertSchemaEqual(report.schema, spark.createDataFrame([], "region string, customers bigint, biggest double").schema)
    assert [tuple(r) for r in report.collect()] == [("NORTH", 2, 120.0), ("SOUTH", 2, 80.0)]


def test_temp_view_of_the_previous_test_is_gone(spark):
    # The plugin drops the temporary views a test creates.
    assert "orders" not in [t.name for t in spark.catalog.listTables()]


def test_unknown_column_is_an_analysis_exception(orders):
    with pytest.raises(AnalysisException) as e:
        orders.select(F.col("no_such_column")).collect()
    assert e.value.getCondition() == "UNRESOLVED_COLUMN.WITH_SUGGESTION"


def test_assert_dataframe_equal_reports_the_difference(spark):
    actual = spark.createDataFrame([(1, "a"), (2, "b")], ["id", "v"])
    with pytest.raises(AssertionError) as e:
        assertDataFrameEqual(actual, [Row(id=1, v="a"), Row(id=2, v="c")])
    assert "[DIFFERENT_ROWS] Results do not match: ( 50.00000 % )" in str(e.value)
