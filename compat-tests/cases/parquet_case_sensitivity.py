"""Which file column a read-schema name reads in Parquet (Spark's ParquetReadSupport):
by exact name under `spark.sql.caseSensitive=true`, ignoring case otherwise, where
more than one file column matching a name is Spark's error. Files written by pyarrow,
so both engines read the same bytes."""

import os
import tempfile

import pyarrow as pa
import pyarrow.parquet as pq
from harness import case

from cases._io_failure import failure


def _file(table: pa.Table) -> str:
    d = tempfile.mkdtemp(prefix="pyrust-parquet-case-")
    pq.write_table(table, os.path.join(d, "part-0.parquet"))
    return d


def _lower_a():
    return _file(pa.table({"a": pa.array([1, None, 3], pa.int32()), "b": pa.array(["x", "y", None])}))


def _a_and_upper_a():
    return _file(pa.table({"a": pa.array([1, 2], pa.int32()), "A": pa.array([10, 20], pa.int32())}))


def _nested():
    s = pa.array([{"a": 1, "b": "u"}, None], pa.struct([("a", pa.int32()), ("b", pa.string())]))
    return _file(pa.table({"s": s}))


@case
def schema_name_in_other_case_reads_the_column(spark):
    return spark.read.schema("A int, B string").parquet(_lower_a())


@case(conf={"spark.sql.caseSensitive": "true"})
def schema_name_in_other_case_is_null_when_case_sensitive(spark):
    return spark.read.schema("A int, b string").parquet(_lower_a())


@case(conf={"spark.sql.caseSensitive": "true"})
def schema_name_in_same_case_reads_when_case_sensitive(spark):
    return spark.read.schema("a int, b string").parquet(_lower_a())


@case(conf={"spark.sql.caseSensitive": "true"})
def columns_differing_in_case_both_read_when_case_sensitive(spark):
    return spark.read.parquet(_a_and_upper_a())


@case(conf={"spark.sql.caseSensitive": "true"})
def columns_differing_in_case_by_schema_when_case_sensitive(spark):
    return spark.read.schema("A int").parquet(_a_and_upper_a())


@case
def columns_differing_in_case_by_schema_are_ambiguous(spark):
    # Spark's task fails on the file (FAILED_READ_FILE.NO_HINT, a bare Py4JJavaError),
    # its cause the duplicate fields.
    d = _a_and_upper_a()
    return failure(lambda: spark.read.schema("a int").parquet(d).collect(), d)


@case
def columns_differing_in_case_inferred(spark):
    return spark.read.parquet(_a_and_upper_a())


@case
def nested_member_in_other_case_reads(spark):
    return spark.read.schema("s struct<A: int, b: string>").parquet(_nested())


@case(conf={"spark.sql.caseSensitive": "true"})
def nested_member_in_other_case_is_null_when_case_sensitive(spark):
    return spark.read.schema("s struct<A: int, b: string>").parquet(_nested())


@case(conf={"spark.sql.caseSensitive": "true"})
def filter_on_a_column_named_in_other_case_when_case_sensitive(spark):
    return spark.read.schema("A int, b string").parquet(_lower_a()).filter("A IS NULL")
