"""spark.read.parquet over files pyarrow and pandas write: Spark's Parquet type mapping
type by type (fixtures/parquet_files.py), the types Spark refuses, and what a read
column gives in collect, show, toPandas, toArrow, casts and functions."""

import os
import shutil
import tempfile

from fixtures.parquet_files import FIXTURES, parquet_file
from harness import case
from pyspark.sql import functions as F

# Files Spark refuses (their read cases record the error); no toPandas/toArrow for them.
REFUSED = {
    "float16", "decimal_precision_40", "uuids", "timestamps_nanos", "timestamps_nanos_utc",
    "pandas_datetimes_nanos", "time_millis", "time_micros", "time_nanos",
}


def _pandas_view(pdf):
    """What a user sees of a pandas frame: columns with dtypes, then each column's values."""
    return [[str(c), str(t)] for c, t in pdf.dtypes.items()] + [pdf[c].tolist() for c in pdf.columns]


def _arrow_view(table):
    return [str(table.schema), table.to_pylist()]


def _register(name):
    def read(spark):
        return spark.read.parquet(parquet_file(name))

    read.__name__ = f"read_{name}"
    case(read)
    if name in REFUSED:
        return

    def to_pandas(spark):
        return _pandas_view(spark.read.parquet(parquet_file(name)).toPandas())

    def to_arrow(spark):
        return _arrow_view(spark.read.parquet(parquet_file(name)).toArrow())

    to_pandas.__name__ = f"to_pandas_{name}"
    to_arrow.__name__ = f"to_arrow_{name}"
    case(to_pandas)
    case(to_arrow)


for _name in FIXTURES:
    _register(_name)


# --- issue 18: a pandas categorical is a plain string everywhere ----------------------

def _cities(spark):
    return spark.read.parquet(parquet_file("pandas_categorical"))


@case
def categorical_filter_and_group(spark):
    df = _cities(spark)
    return df.filter(F.col("city") == "Oslo").groupBy("city").agg(F.sum("n").alias("total"))


@case
def categorical_string_functions(spark):
    df = _cities(spark)
    return df.select(F.upper("city"), F.length("city"), F.concat("city", F.lit("!")), F.col("city").cast("binary"),
                     F.substring("city", 1, 2), F.col("city").isin("Rome"))


@case
def categorical_cast_to_int_fails_under_ansi(spark):
    return _cities(spark).select(F.col("city").cast("int"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def categorical_cast_to_int_legacy(spark):
    return _cities(spark).select(F.col("city").cast("int"))


@case(ordered=False)
def categorical_join_with_plain_strings(spark):
    other = spark.createDataFrame([("Oslo", "NO"), ("Rome", "IT")], "city string, country string")
    return _cities(spark).join(other, "city")


@case
def categorical_union_with_plain_strings(spark):
    other = spark.createDataFrame([("Paris", 4)], "city string, n long")
    return _cities(spark).union(other).orderBy("n")


@case
def categorical_distinct_ordered(spark):
    return spark.read.parquet(parquet_file("dictionary_strings")).select("d8").distinct().orderBy("d8")


@case
def categorical_struct_member(spark):
    return spark.read.parquet(parquet_file("structs")).select(F.col("s.cat"), F.col("s.c.u"), F.upper("s.cat").alias("upper"))


@case
def categorical_read_with_user_schema(spark):
    return spark.read.schema("city string, n long").parquet(parquet_file("pandas_categorical"))


@case
def tiny_decimals_from_rows_and_file(spark):
    # Python decimals as PySpark builds them (Java's engineering notation), both ways in.
    import decimal

    rows = spark.createDataFrame([(decimal.Decimal("-1E-10"),), (decimal.Decimal("1.23E-8"),), (decimal.Decimal("0E-10"),)], "d38 decimal(38,10)")
    return rows.union(spark.read.parquet(parquet_file("decimals_fixed_length")).select("d38"))


# --- a user schema: widened types, missing columns, names in another case ---------------

@case
def user_schema_widens(spark):
    return spark.read.schema("i8 smallint, i16 int, i32 bigint, i64 decimal(20,0)").parquet(parquet_file("signed_ints"))


@case
def user_schema_widens_to_double_and_decimal(spark):
    schema = "i32 double, d9 decimal(12,3)"
    ints = spark.read.schema("i32 double").parquet(parquet_file("signed_ints"))
    decimals = spark.read.schema("d9 decimal(12,3)").parquet(parquet_file("decimals_as_integers"))
    return [ints.collect(), decimals.collect(), schema]


@case
def user_schema_missing_column_is_null(spark):
    return spark.read.schema("u8 smallint, missing string, m map<string,int>").parquet(parquet_file("unsigned_ints"))


@case
def user_schema_names_match_case_insensitively(spark):
    return spark.read.schema("U16 int, u32 bigint").parquet(parquet_file("unsigned_ints"))


@case
def user_schema_nested_types(spark):
    return spark.read.schema("m map<string,bigint>").parquet(parquet_file("arrow_map"))


# --- maps ------------------------------------------------------------------------------

@case
def map_functions(spark):
    df = spark.read.parquet(parquet_file("arrow_map"))
    return df.select(F.col("m")["k"], F.col("m").getItem("x"), F.col("m").isNull())


@case(conf={"spark.sql.ansi.enabled": "false"})
def nested_map_access(spark):
    df = spark.read.parquet(parquet_file("nested_maps"))
    return df.select(F.col("list_of_maps")[0], F.col("struct_of_map.m"), F.col("map_of_maps")[1]["x"])


# --- unsigned integers -----------------------------------------------------------------

@case
def unsigned_arithmetic(spark):
    df = spark.read.parquet(parquet_file("unsigned_ints"))
    return df.select((F.col("u8") + 1).alias("a"), (F.col("u16") * 2).alias("b"), (F.col("u32") + 1).alias("c"),
                     (F.col("u64") + 1).alias("d"), F.col("u64").cast("string").alias("e"))


@case
def unsigned_filter_on_decimal(spark):
    df = spark.read.parquet(parquet_file("unsigned_ints"))
    return df.filter(F.col("u64") > 2**63 - 1).select("u64")


# --- timestamps ------------------------------------------------------------------------

@case
def int96_sorted_and_cast(spark):
    df = spark.read.parquet(parquet_file("timestamps_int96"))
    return df.select("t", F.col("t").cast("string").alias("s"), F.col("t").cast("long").alias("secs")).orderBy("t")


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def timestamps_in_session_zone(spark):
    df = spark.read.parquet(parquet_file("timestamps_micros"))
    return df.select("naive", "utc", F.col("utc").cast("string").alias("utc_text"), F.col("naive").cast("string").alias("naive_text"))


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def timestamps_to_pandas_in_session_zone(spark):
    return _pandas_view(spark.read.parquet(parquet_file("timestamps_micros")).toPandas())


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def timestamps_to_arrow_in_session_zone(spark):
    return _arrow_view(spark.read.parquet(parquet_file("timestamps_millis")).toArrow())


@case
def durations_are_plain_numbers(spark):
    df = spark.read.parquet(parquet_file("durations"))
    return df.select((F.col("s") * 2).alias("twice"), F.col("us").cast("string"))


# --- files and directories -------------------------------------------------------------

@case
def several_files_dictionary_and_plain(spark):
    # One file with a dictionary column, one with plain strings: read together.
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    pq.write_table(pa.table({"c": pa.array(["a", "b"]).dictionary_encode(), "k": pa.array([1, 2], pa.int32())}), os.path.join(d, "p0.parquet"))
    pq.write_table(pa.table({"c": pa.array(["c", None]), "k": pa.array([3, 4], pa.int32())}), os.path.join(d, "p1.parquet"))
    return spark.read.parquet(os.path.join(d, "p0.parquet"), os.path.join(d, "p1.parquet")).orderBy("k")


@case
def directory_with_success_marker(spark):
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    shutil.copy(parquet_file("unsigned_ints"), os.path.join(d, "part-00000.parquet"))
    shutil.copy(parquet_file("unsigned_ints"), os.path.join(d, "part-00001.parquet"))
    open(os.path.join(d, "_SUCCESS"), "w").close()
    return spark.read.parquet(d).orderBy("u8", "u16")


def _partitioned_directory():
    # What df.write.partitionBy("year", "city", "day") gives: key=value directories.
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    parts = [("2023", "Oslo", "2024-01-31", [1, 2]), ("2024", "New%20York", "__HIVE_DEFAULT_PARTITION__", [3]),
             ("2024", "__HIVE_DEFAULT_PARTITION__", "2024-02-29", [4])]
    for year, city, day, values in parts:
        sub = os.path.join(d, f"year={year}", f"city={city}", f"day={day}")
        os.makedirs(sub)
        pq.write_table(pa.table({"v": pa.array(values, pa.int64()), "c": pa.array(["x"] * len(values)).dictionary_encode()}),
                       os.path.join(sub, "part-00000.parquet"))
    open(os.path.join(d, "_SUCCESS"), "w").close()
    return d


@case
def partitioned_directory_columns(spark):
    return spark.read.parquet(_partitioned_directory()).orderBy("v")


@case
def partitioned_directory_filter_on_partition(spark):
    df = spark.read.parquet(_partitioned_directory())
    return df.filter((F.col("year") == 2024) & F.col("city").isNotNull()).select("v", "city", "day")


@case
def files_of_one_directory_with_different_columns(spark):
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    pq.write_table(pa.table({"a": pa.array([1], pa.int64()), "b": pa.array(["x"]).dictionary_encode()}), os.path.join(d, "p0.parquet"))
    pq.write_table(pa.table({"a": pa.array([2], pa.int64())}), os.path.join(d, "p1.parquet"))
    pq.write_table(pa.table({"c": [0.5], "a": pa.array([3], pa.int64()), "b": ["z"]}), os.path.join(d, "p2.parquet"))
    return spark.read.parquet(d).orderBy("a")


@case
def glob_of_files(spark):
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    shutil.copy(parquet_file("arrow_map"), os.path.join(d, "a-1.parquet"))
    shutil.copy(parquet_file("arrow_map"), os.path.join(d, "a-2.parquet"))
    return spark.read.parquet(os.path.join(d, "a-*.parquet")).select(F.col("m")["k"].alias("k")).orderBy("k")


@case
def wide_file_show_and_count(spark):
    df = spark.read.parquet(parquet_file("row_groups"))
    return [df.count(), df.filter(F.col("cat").isNull()).count(), df.groupBy("cat").count().orderBy("cat").collect()]
