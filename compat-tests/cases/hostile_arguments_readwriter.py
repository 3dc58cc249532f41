"""Hostile arguments to DataFrameReader and DataFrameWriter (format, option(s),
schema, load/save, mode, partitionBy, bucketBy, sortBy): wrong types, None, empty
and negative values, from a table (see hostile_arguments_dataframe.py)."""

import os

from harness import case
from pyspark.sql import functions as F

from cases._write_helpers import fresh_path, listing

CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "csv", "mixed_people.csv")


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5), (2, None, None)], "id int, s string, x double")


# (case name, what the case does to spark.read; the result is read). Left out:
# arguments PySpark hands to the JVM unchecked or errors PySpark leaves as a
# Py4JJavaError (not converted to a PySpark class): format/load/parquet/text/table/
# save/saveAsTable/partitionBy/option key of an int or None, an unknown or empty
# format (DATA_SOURCE_NOT_FOUND inside a Py4JJavaError), a boolean option given a
# value other than true/false (`header flag can be true or false`), mode of an int, a
# None option value on write (INTERNAL_ERROR).
READ = [
    ("read_option_none_value", lambda r: r.format("csv").option("header", None).load(CSV)),
    ("read_option_bool_value", lambda r: r.format("csv").option("header", True).load(CSV)),
    ("read_options_none_value", lambda r: r.format("csv").options(header=None).load(CSV)),
    ("read_option_unknown_key", lambda r: r.format("csv").option("no_such_option", "x").load(CSV)),
    ("read_option_bad_mode", lambda r: r.format("csv").option("mode", "lenient").load(CSV)),
    ("read_schema_int", lambda r: r.schema(1).csv(CSV)),
    ("read_schema_none", lambda r: r.schema(None).csv(CSV)),
    ("read_schema_bad_ddl", lambda r: r.schema("a int,,").csv(CSV)),
    ("read_schema_empty_ddl", lambda r: r.schema("").csv(CSV)),
    ("read_schema_list", lambda r: r.schema(["a"]).csv(CSV)),
    ("read_load_missing_path", lambda r: r.format("csv").load("/nonexistent/pyrust-hostile.csv")),
    ("read_load_empty_list", lambda r: r.format("csv").load([])),
    ("read_csv_int", lambda r: r.csv(1)),
    ("read_csv_none", lambda r: r.csv(None)),
    ("read_csv_sep_int", lambda r: r.csv(CSV, sep=1)),
    ("read_csv_sep_empty", lambda r: r.csv(CSV, sep="")),
    ("read_json_int", lambda r: r.json(1)),
    ("read_parquet_nothing", lambda r: r.parquet()),
    ("read_table_missing", lambda r: r.table("no_such_table_h")),
]


# (case name, what the case does with df.write and a fresh path). A write that
# PySpark accepts returns the files written.
WRITE = [
    ("write_mode_unknown", lambda w, p: w.mode("sideways").parquet(p)),
    ("write_mode_none", lambda w, p: w.mode(None).parquet(p)),
    ("write_mode_empty", lambda w, p: w.mode("").parquet(p)),
    ("write_mode_upper_case", lambda w, p: w.mode("OVERWRITE").parquet(p)),
    ("write_option_bad_compression", lambda w, p: w.option("compression", "zip9").parquet(p)),
    ("write_partition_by_unknown", lambda w, p: w.partitionBy("nope").parquet(p)),
    ("write_partition_by_all_columns", lambda w, p: w.partitionBy("id", "s", "x").parquet(p)),
    ("write_partition_by_empty_list", lambda w, p: w.partitionBy([]).parquet(p)),
    ("write_bucket_by_string_count", lambda w, p: w.bucketBy("2", "id").parquet(p)),
    ("write_bucket_by_no_columns", lambda w, p: w.bucketBy(2).parquet(p)),
    ("write_bucket_by_int_column", lambda w, p: w.bucketBy(2, 1).parquet(p)),
    ("write_bucket_by_list_and_more", lambda w, p: w.bucketBy(2, ["id"], "s").parquet(p)),
    ("write_bucket_by_save", lambda w, p: w.bucketBy(2, "id").parquet(p)),
    ("write_bucket_by_zero", lambda w, p: w.bucketBy(0, "id").saveAsTable("hostile_bucketed_zero")),
    ("write_sort_by_without_bucket_by", lambda w, p: w.sortBy("id").parquet(p)),
    ("write_sort_by_int", lambda w, p: w.bucketBy(2, "id").sortBy(1).parquet(p)),
    ("write_sort_by_list_and_more", lambda w, p: w.bucketBy(2, "id").sortBy(["id"], "s").parquet(p)),
    ("write_parquet_compression_int", lambda w, p: w.parquet(p, compression=1)),
    ("write_csv_sep_long", lambda w, p: w.csv(p, sep="ab")),
    ("write_text_two_columns", lambda w, p: w.text(p)),
    ("write_insert_into_missing", lambda w, p: w.insertInto("no_such_table_h")),
    ("write_insert_into_overwrite_string", lambda w, p: w.insertInto("no_such_table_h", overwrite="yes")),
]


def _read(name, action):
    def run(spark):
        return action(spark.read)

    run.__name__ = name
    return run


def _write(name, action):
    def run(spark):
        p = fresh_path()
        action(_df(spark).write, p)
        return listing(p)

    run.__name__ = name
    return run


for _name, _action in READ:
    case(_read(_name, _action), ordered=False)
for _name, _action in WRITE:
    case(_write(_name, _action))
