"""ORC read and written (pyarrow.orc under PyRust's readers and writer commit): files
written by real PySpark 4.0.1 under fixtures/orc (`make_files.py` there) read back with
Spark's types, part files, partition directories, given schemas and options."""

import os

from harness import case
from pyspark.sql import functions as F

ORC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "orc")


def _p(name):
    return os.path.normpath(os.path.join(ORC, name))


@case
def orc_every_type(spark):
    return spark.read.orc(_p("types"))


@case
def orc_every_type_in_another_zone(spark):
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        df = spark.read.orc(_p("types")).select("ts", "ntz", F.col("ts").cast("string").alias("ts_s"), F.col("ntz").cast("string").alias("ntz_s"))
        return df.collect()
    finally:
        spark.conf.unset("spark.sql.session.timeZone")


@case
def orc_one_file_by_format_load(spark):
    return spark.read.format("orc").load(_p("types/part-00000.orc")).select("i", "s", "m", "st")


@case(ordered=False)
def orc_part_files(spark):
    return spark.read.orc(_p("parts"))


@case(ordered=False)
def orc_list_of_paths(spark):
    return spark.read.orc([_p("parts/part-00000.orc"), _p("parts/part-00001.orc")])


@case(ordered=False)
def orc_varargs_load_list(spark):
    return spark.read.format("orc").load([_p("parts/part-00001.orc"), _p("types/part-00000.orc")]).select("id", "v")


@case(ordered=False)
def orc_partition_directories(spark):
    return spark.read.orc(_p("partitioned"))


@case(ordered=False)
def orc_partition_filter(spark):
    return spark.read.orc(_p("partitioned")).where("k = 1 AND s = 'y z'")


@case(ordered=False)
def orc_given_schema(spark):
    return spark.read.schema("v string, id long, missing int").orc(_p("parts"))


@case(ordered=False)
def orc_given_schema_with_partition(spark):
    return spark.read.schema("id int, k string").orc(_p("partitioned"))


@case(ordered=False)
def orc_path_glob_filter(spark):
    return spark.read.orc(_p("parts"), pathGlobFilter="*00001.orc")


@case(ordered=False)
def orc_recursive_lookup(spark):
    return spark.read.option("recursiveFileLookup", "true").orc(_p("partitioned"))


@case
def orc_sql_over_a_read(spark):
    spark.read.orc(_p("types")).createOrReplaceTempView("orc_types")
    return spark.sql("SELECT i, dec * 2 AS d2, size(arr) AS n, m['k'] AS mk, st.y FROM orc_types ORDER BY i")


@case
def orc_missing_path(spark):
    return spark.read.orc(_p("no_such_dir"))


@case
def orc_no_path(spark):
    return spark.read.format("orc").load()
