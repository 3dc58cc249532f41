"""`ignoreCorruptFiles` / `ignoreMissingFiles` (options, and the `spark.sql.files.*`
settings) on Parquet, CSV, JSON and text reads: a file that is not Parquet, a
truncated one, a `.gz` file that is not gzip — left out when asked, Spark's
FAILED_READ_FILE error otherwise (CANNOT_READ_FILE_FOOTER where the schema is
inferred from it, NO_HINT where its rows are read). A file deleted after the
DataFrame is defined: left out with ignoreMissingFiles."""

import os

import pyarrow as pa

from harness import case

from cases._io_failure import failure, tree

CORRUPT = {"spark.sql.files.ignoreCorruptFiles": "true"}


def _ints(*values):
    return pa.table({"id": pa.array(list(values), pa.int32())})


def _good_bytes():
    d = tree({"a.parquet": _ints(7)})
    with open(os.path.join(d, "a.parquet"), "rb") as f:
        return f.read()


def _not_parquet_second():
    return tree({"a.parquet": _ints(1, 2), "b.parquet": b"not parquet at all"})


def _truncated_second():
    data = _good_bytes()
    return tree({"a.parquet": _ints(1, 2), "b.parquet": data[: len(data) // 2]})


@case
def parquet_not_parquet_fails_when_read(spark):
    d = _not_parquet_second()
    return failure(lambda: spark.read.parquet(d).collect(), d)


@case(ordered=False)
def parquet_not_parquet_ignored(spark):
    return spark.read.option("ignoreCorruptFiles", "true").parquet(_not_parquet_second())


@case
def parquet_truncated_fails_when_read(spark):
    d = _truncated_second()
    return failure(lambda: spark.read.parquet(d).collect(), d)


@case(ordered=False)
def parquet_truncated_ignored(spark):
    return spark.read.option("ignoreCorruptFiles", "true").parquet(_truncated_second())


@case(ordered=False, conf=CORRUPT)
def parquet_truncated_ignored_by_the_setting(spark):
    return spark.read.parquet(_truncated_second())


@case
def parquet_option_false_wins_over_the_setting(spark):
    d = _truncated_second()
    spark.conf.set("spark.sql.files.ignoreCorruptFiles", "true")
    try:
        return failure(lambda: spark.read.option("ignoreCorruptFiles", "false").parquet(d).collect(), d)
    finally:
        spark.conf.unset("spark.sql.files.ignoreCorruptFiles")


@case
def parquet_corrupt_file_the_schema_comes_from(spark):
    d = tree({"a.parquet": b"not parquet at all", "b.parquet": _ints(1)})
    return failure(lambda: spark.read.parquet(d), d)


@case
def parquet_corrupt_file_the_schema_comes_from_ignored(spark):
    d = tree({"a.parquet": b"not parquet at all", "b.parquet": _ints(1)})
    return spark.read.option("ignoreCorruptFiles", "true").parquet(d)


@case(ordered=False)
def parquet_corrupt_ignored_when_merging(spark):
    d = tree({"a.parquet": b"not parquet at all", "b.parquet": _ints(1), "c.parquet": pa.table({"x": ["c"]})})
    return spark.read.option("ignoreCorruptFiles", "true").option("mergeSchema", "true").parquet(d)


@case
def parquet_corrupt_with_a_given_schema(spark):
    d = _not_parquet_second()
    return failure(lambda: spark.read.schema("id int").parquet(d).collect(), d)


@case(ordered=False)
def parquet_corrupt_with_a_given_schema_ignored(spark):
    return spark.read.schema("id int").option("ignoreCorruptFiles", "true").parquet(_not_parquet_second())


def _gz(name, good):
    return tree({f"a.{name}": good, f"b.{name}.gz": b"garbage, not gzip"})


@case
def csv_corrupt_gzip(spark):
    d = _gz("csv", "1,a\n")
    return failure(lambda: spark.read.csv(d).collect(), d)


@case(ordered=False)
def csv_corrupt_gzip_ignored(spark):
    return spark.read.option("ignoreCorruptFiles", "true").csv(_gz("csv", "1,a\n"))


@case(ordered=False, conf=CORRUPT)
def csv_corrupt_gzip_ignored_with_a_schema(spark):
    return spark.read.schema("a int, b string").csv(_gz("csv", "1,a\n"))


@case
def json_corrupt_gzip(spark):
    d = _gz("json", '{"a": 1}\n')
    return failure(lambda: spark.read.json(d).collect(), d)


@case(ordered=False)
def json_corrupt_gzip_ignored(spark):
    return spark.read.option("ignoreCorruptFiles", "true").json(_gz("json", '{"a": 1}\n'))


@case
def text_corrupt_gzip(spark):
    d = _gz("txt", "x\n")
    return failure(lambda: spark.read.text(d).collect(), d)


@case(ordered=False)
def text_corrupt_gzip_ignored(spark):
    return spark.read.option("ignoreCorruptFiles", "true").text(_gz("txt", "x\n"))


def _deleted_after_defining(spark, ignore):
    d = tree({"a.parquet": _ints(1), "b.parquet": _ints(2)})
    reader = spark.read.option("ignoreMissingFiles", "true") if ignore else spark.read
    df = reader.parquet(d)
    os.remove(os.path.join(d, "b.parquet"))
    return d, df


@case(ordered=False)
def parquet_deleted_file_ignored(spark):
    return _deleted_after_defining(spark, True)[1]


@case
def parquet_deleted_file(spark):
    d, df = _deleted_after_defining(spark, False)
    return failure(lambda: df.collect(), d)


@case
def ignore_corrupt_files_not_a_boolean(spark):
    return spark.read.option("ignoreCorruptFiles", "maybe").parquet(_not_parquet_second())


@case
def ignore_missing_files_not_a_boolean(spark):
    return spark.read.option("ignoreMissingFiles", "maybe").csv(_gz("csv", "1,a\n"))
