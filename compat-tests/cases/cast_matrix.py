"""Every cast between the foundation's types, ANSI on and off: one case per
(source, target, mode), so one error cannot hide another."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

SOURCES = {
    "int": ("int", [0, -7, 2147483647, None]),
    "long": ("bigint", [3, -9223372036854775808, 40000000000, None]),
    "double": ("double", [1.5, -2.7, 1e20, float("nan"), None]),
    "string_num": ("string", [" 42 ", "-3.9", "1e3", None]),
    "string_bad": ("string", ["abc", "", "12x", None]),
    "string_date": ("string", ["2024-02-29", "2024-02-30", "2024-1-5", None]),
    "boolean": ("boolean", [True, False, None]),
    "date": ("date", [datetime.date(2024, 2, 29), datetime.date(1969, 12, 31), None]),
    "timestamp": ("timestamp", [datetime.datetime(2024, 2, 29, 23, 59, 59, 500000), None]),
    # Fractions whose seconds as a double need Java's division, not a reciprocal's product.
    "timestamp_fraction": ("timestamp", [datetime.datetime(1582, 10, 10, 12, 34, 56, 123000),
                                         datetime.datetime(2024, 1, 15, 12, 30, 0, 123456),
                                         datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), None]),
    "decimal": ("decimal(10,3)", [decimal.Decimal("12.345"), decimal.Decimal("-0.500"), None]),
}
TARGETS = ["int", "bigint", "smallint", "double", "float", "string", "boolean", "date", "timestamp", "decimal(6,2)"]


def _make(source, target, legacy):
    ddl_type, values = SOURCES[source]

    def run(spark):
        df = spark.createDataFrame([(v,) for v in values], f"x {ddl_type}")
        return df.select(F.col("x").cast(target).alias("y"))

    mode = "legacy" if legacy else "ansi"
    run.__name__ = f"cast_{source}_to_{target.split('(')[0]}_{mode}"
    return run


for _source in SOURCES:
    for _target in TARGETS:
        for _legacy in (False, True):
            case(_make(_source, _target, _legacy), conf={"spark.sql.ansi.enabled": "false"} if _legacy else None)
