"""spark.createDataFrame(pyarrow.Table) and pandas with Arrow on: PySpark's reading of
Arrow types (`from_arrow_type`), type by type over the tables of
fixtures/parquet_files.py, and the types it refuses."""

import datetime

from fixtures.parquet_files import FIXTURES, table
from harness import case

ARROW_ON = {"spark.sql.execution.arrow.pyspark.enabled": "true", "spark.sql.execution.arrow.pyspark.fallback.enabled": "false"}


def _register(name):
    def create(spark):
        return spark.createDataFrame(table(name))

    create.__name__ = f"create_from_{name}"
    case(create)


for _name in FIXTURES:
    _register(_name)

# Tables PySpark refuses for one column: the rest of their columns, each type accepted.
ACCEPTED_COLUMNS = {
    "strings": ["s", "large"],
    "binaries": ["b", "large", "fixed"],
    "dates": ["d"],
    "lists": ["ints", "large", "fixed", "nested", "structs", "dict"],
    "maps": ["str_long", "int_str", "str_list", "str_struct"],
    "row_groups": ["id", "cat"],
    "pandas_frame": ["i", "b", "s", "f", "row"],
}


def _register_accepted(name, columns):
    def create(spark):
        return spark.createDataFrame(table(name).select(columns))

    create.__name__ = f"create_from_{name}_accepted_columns"
    case(create)


for _name, _columns in ACCEPTED_COLUMNS.items():
    _register_accepted(_name, _columns)


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def zone_less_timestamps_are_session_wall_clock(spark):
    import pyarrow as pa

    t = pa.table({"t": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5)], pa.timestamp("us")),
                  "l": pa.array([[datetime.datetime(2024, 7, 1, 12)]], pa.list_(pa.timestamp("ms"))),
                  "z": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5)], pa.timestamp("us", tz="UTC"))})
    df = spark.createDataFrame(t)
    return df.select("t", "l", "z", df.t.cast("long").alias("t_secs"), df.z.cast("long").alias("z_secs"))


@case(conf={"spark.sql.timestampType": "TIMESTAMP_NTZ"})
def zone_less_timestamps_as_ntz_when_preferred(spark):
    import pyarrow as pa

    t = pa.table({"t": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5)], pa.timestamp("us")),
                  "z": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5)], pa.timestamp("us", tz="UTC"))})
    return spark.createDataFrame(t)


@case
def nested_nulls_and_required_fields(spark):
    import pyarrow as pa

    schema = pa.schema([pa.field("a", pa.int32(), False), pa.field("s", pa.struct([pa.field("x", pa.int64(), False), pa.field("y", pa.string())]))])
    t = pa.Table.from_pydict({"a": [1, 2], "s": [{"x": 1, "y": None}, None]}, schema=schema)
    return spark.createDataFrame(t)


@case
def empty_table(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"m": pa.array([], pa.map_(pa.string(), pa.int32())), "s": pa.array([], pa.string())}))


@case
def with_schema_casts_arrow_columns(spark):
    import pyarrow as pa

    t = pa.table({"a": pa.array([1, None], pa.int64()), "m": pa.array([[("k", 1)], None], pa.map_(pa.string(), pa.int32())),
                  "c": pa.array(["x", "y"]).dictionary_encode()})
    return spark.createDataFrame(t, "a int, m map<string,bigint>, c string")


@case
def with_schema_value_out_of_range(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"a": pa.array([1, 2**40], pa.int64())}), "a int")


@case
def with_schema_unparsable_string(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"a": pa.array(["1", "x"])}), "a int")


@case
def with_schema_of_other_length(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"a": [1], "b": ["x"]}), "a long")


@case
def with_column_names(spark):
    import pyarrow as pa

    return spark.createDataFrame(pa.table({"a": [1], "b": ["x"]}), ["x", "y"])


@case
def arrow_map_round_trip(spark):
    import pyarrow as pa

    df = spark.createDataFrame(pa.table({"m": pa.array([[("k", 1), ("j", None)], None], pa.map_(pa.string(), pa.int64()))}))
    t = df.toArrow()
    return [str(t.schema), t.to_pylist()]


# --- pandas with Arrow on (PySpark's Arrow path shares the Arrow mapping) -------------

@case(conf=ARROW_ON)
def pandas_categorical_with_arrow(spark):
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"city": pd.Categorical(["Oslo", None, "Oslo"]), "n": [1, 2, 3]}))


@case(conf=ARROW_ON)
def pandas_unsigned_with_arrow(spark):
    import numpy as np
    import pandas as pd

    return spark.createDataFrame(pd.DataFrame({"u": np.array([1, 2], np.uint8)}))


@case(conf=ARROW_ON)
def pandas_nullable_extension_types_with_arrow(spark):
    import pandas as pd

    pdf = pd.DataFrame({"i": pd.array([1, None], dtype="Int64"), "b": pd.array([True, None], dtype="boolean"),
                        "s": pd.array(["a", None], dtype="string"), "f": pd.array([1.5, None], dtype="Float32")})
    return spark.createDataFrame(pdf)


@case(conf=ARROW_ON)
def pandas_datetimes_with_arrow(spark):
    import pandas as pd

    pdf = pd.DataFrame({"naive": pd.to_datetime(["2024-01-02 03:04:05.123456789", None]).astype("datetime64[ns]"),
                        "oslo": pd.to_datetime(["2024-01-02 03:04:05", None]).tz_localize("Europe/Oslo")})
    return spark.createDataFrame(pdf)


# --- Arrow output of the same types -------------------------------------------------

@case(conf={"spark.sql.execution.arrow.useLargeVarTypes": "true"})
def to_arrow_large_var_types(spark):
    df = spark.createDataFrame([("a", b"b", [1], {"k": "v"}, ("x",))], "s string, b binary, l array<int>, m map<string,string>, st struct<f:string>")
    t = df.toArrow()
    return [str(t.schema), t.to_pylist()]


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def to_pandas_and_arrow_nested_timestamps(spark):
    import pyarrow as pa

    t = pa.table({"l": pa.array([[datetime.datetime(2024, 7, 1, 12)], None], pa.list_(pa.timestamp("us", tz="UTC"))),
                  "s": pa.array([{"t": datetime.datetime(2024, 1, 1)}, {"t": None}], pa.struct([("t", pa.timestamp("us", tz="UTC"))])),
                  "m": pa.array([[("k", datetime.datetime(2024, 1, 1))], []], pa.map_(pa.string(), pa.timestamp("us", tz="UTC")))})
    df = spark.createDataFrame(t)
    pdf = df.toPandas()
    out = df.toArrow()
    return [[str(d) for d in pdf.dtypes], [repr(v) for v in pdf.iloc[0].tolist()], str(out.schema), out.to_pylist()]
