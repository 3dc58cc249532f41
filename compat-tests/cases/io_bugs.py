"""Reported reader bugs, each with Spark's answer: a JSON read of text that is not
JSON (PERMISSIVE's corrupt records, FAILFAST's error), from_csv's nanValue /
positiveInf / negativeInf options, and CSV/JSON reads of Hive-partitioned
directories written by the case."""

from harness import case
from pyspark.sql import functions as F

from cases._json_helpers import failure, json_dir, json_file

SPECIALS = {"nanValue": "nan", "positiveInf": "+oo", "negativeInf": "-oo"}


@case
def json_of_plain_text_permissive(spark):
    return spark.read.json(json_file("hello world\nsecond line\n"))


@case
def json_of_plain_text_with_a_record(spark):
    return spark.read.json(json_file("hello world\n{\"a\": 1}\n")).select("a")


@case
def json_of_plain_text_failfast(spark):
    path = json_file("hello world\n")
    return spark.createDataFrame([(failure(lambda: spark.read.json(path, mode="FAILFAST")),)], "condition string")


@case
def json_of_plain_text_dropmalformed(spark):
    df = spark.read.json(json_file("hello world\nsecond line\n"), mode="DROPMALFORMED")
    return spark.createDataFrame([(df.schema.simpleString(), len(df.columns))], "s string, n int")


@case
def json_of_csv_text(spark):
    return spark.read.json(json_file("a,b\n1,2\n{\"a\": 3}\n")).orderBy("a")


@case
def from_csv_special_doubles(spark):
    df = spark.createDataFrame([("nan,+oo,-oo",), ("NaN,Inf,-Inf",), ("1.5,2,x",)], "s string")
    return df.select(F.from_csv("s", "a double, b double, c double", SPECIALS).alias("r"))


@case
def from_csv_special_floats(spark):
    df = spark.createDataFrame([("nan,+oo,-oo",), ("1.5,NaN,-Inf",)], "s string")
    return df.select(F.from_csv("s", "a float, b float, c float", SPECIALS).alias("r"))


@case
def from_csv_nan_value_only(spark):
    df = spark.createDataFrame([("missing,Inf",), ("NaN,-Inf",)], "s string")
    return df.select(F.from_csv("s", "a double, b double", {"nanValue": "missing"}).alias("r"))


@case
def from_csv_specials_sql(spark):
    df = spark.createDataFrame([("n/a;inf",), ("1;-Inf",)], "s string")
    return df.selectExpr("from_csv(s, 'a DOUBLE, b DOUBLE', map('sep', ';', 'nanValue', 'n/a', 'positiveInf', 'inf')) AS r")


@case
def from_csv_specials_with_corrupt_column(spark):
    df = spark.createDataFrame([("nan,1",), ("x,2",)], "s string")
    return df.select(F.from_csv("s", "a double, b int, _corrupt_record string", {"nanValue": "nan"}).alias("r"))


@case(ordered=False)
def csv_hive_partitioned_directory(spark):
    d = json_dir({"year=2024/month=1/a.csv": "id,v\n1,x\n", "year=2024/month=2/b.csv": "id,v\n2,y\n",
                  "year=2025/month=1/c.csv": "id,v\n3,z\n"})
    return spark.read.csv(d, header=True, inferSchema=True)


@case(ordered=False)
def csv_hive_partitioned_null_partition(spark):
    d = json_dir({"k=__HIVE_DEFAULT_PARTITION__/a.csv": "1\n", "k=a/b.csv": "2\n"})
    return spark.read.csv(d)


@case(ordered=False)
def json_hive_partitioned_directory(spark):
    d = json_dir({"day=2024-01-01/a.json": '{"id": 1}\n', "day=2024-01-02/b.json": '{"id": 2, "x": "q"}\n'})
    return spark.read.json(d)


@case(ordered=False)
def json_hive_partitioned_filter_on_partition(spark):
    d = json_dir({"k=1/a.json": '{"id": 1}\n', "k=2/b.json": '{"id": 2}\n'})
    return spark.read.json(d).where("k = 2")


@case(ordered=False)
def json_partition_column_also_in_data(spark):
    d = json_dir({"k=1/a.json": '{"id": 1, "k": 5}\n', "k=2/b.json": '{"id": 2}\n'})
    return spark.read.json(d)


# File filters: modifiedBefore / modifiedAfter (session time zone), and faults.

def _dated_files(spark):
    import datetime
    import os

    d = json_dir({"a.csv": "a\n", "b.csv": "b\n", "c.csv": "c\n"})
    for name, ts in (("a.csv", "2020-01-01 00:00:00"), ("b.csv", "2022-06-01 12:00:00"), ("c.csv", "2023-01-01 00:00:00")):
        t = datetime.datetime.fromisoformat(ts).replace(tzinfo=datetime.timezone.utc).timestamp()
        os.utime(os.path.join(d, name), (t, t))
    return d


@case(ordered=False)
def modified_before(spark):
    return spark.read.option("modifiedBefore", "2021-01-01T00:00:00").csv(_dated_files(spark))


@case(ordered=False)
def modified_after(spark):
    return spark.read.option("modifiedAfter", "2021-01-01T00:00:00").csv(_dated_files(spark))


@case(ordered=False)
def modified_between_with_date_only(spark):
    return spark.read.options(modifiedAfter="2019-12-31", modifiedBefore="2022-06-01 12:00:00").csv(_dated_files(spark))


@case(ordered=False)
def modified_after_partitioned(spark):
    import datetime
    import os

    d = json_dir({"k=1/a.csv": "a\n", "k=2/b.csv": "b\n"})
    t = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc).timestamp()
    os.utime(os.path.join(d, "k=1/a.csv"), (t, t))
    return spark.read.csv(d, modifiedAfter="2021-01-01T00:00:00")


@case
def modified_after_everything(spark):
    return spark.read.option("modifiedAfter", "2030-01-01T00:00:00").csv(_dated_files(spark))


@case
def modified_before_invalid(spark):
    return spark.read.option("modifiedBefore", "junk").csv(_dated_files(spark))


@case(ordered=False)
def modified_after_text_keyword(spark):
    return spark.read.text(_dated_files(spark), modifiedAfter="2021-01-01T00:00:00")


@case(ordered=False)
def modified_before_json(spark):
    import datetime
    import os

    d = json_dir({"a.json": '{"a": 1}\n', "b.json": '{"a": 2}\n'})
    t = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc).timestamp()
    os.utime(os.path.join(d, "a.json"), (t, t))
    return spark.read.json(d, modifiedBefore="2021-01-01T00:00:00")


@case
def truncated_parquet_file(spark):
    import os

    d = json_dir({})
    spark.range(100).coalesce(1).write.parquet(os.path.join(d, "p"))
    part = [f for f in os.listdir(os.path.join(d, "p")) if f.endswith(".parquet")][0]
    path = os.path.join(d, "p", part)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])
    # Without Hadoop's checksum file, which would fail the read on the checksum first.
    for f in os.listdir(os.path.join(d, "p")):
        if f.endswith(".crc"):
            os.remove(os.path.join(d, "p", f))
    return spark.createDataFrame([(failure(lambda: spark.read.parquet(os.path.join(d, "p")).collect()),)], "condition string")


@case
def not_parquet_file(spark):
    d = json_dir({"x.parquet": "this is not parquet\n"})
    return spark.createDataFrame([(failure(lambda: spark.read.parquet(d).collect()),)], "condition string")


# spark.sql.files.maxRecordsPerFile (the write option wins over it).

def _files_of(path):
    import os
    import re

    return sorted(re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>", f) for f in os.listdir(path) if f.startswith("part-"))


@case(conf={"spark.sql.files.maxRecordsPerFile": "2"})
def max_records_per_file_conf(spark):
    from cases._write_helpers import fresh_path

    p = fresh_path()
    spark.range(5).coalesce(1).write.csv(p)
    return {"files": _files_of(p), "rows": sorted(r[0] for r in spark.read.csv(p).collect())}


@case(conf={"spark.sql.files.maxRecordsPerFile": "2"})
def max_records_per_file_option_beats_conf(spark):
    from cases._write_helpers import fresh_path

    p = fresh_path()
    spark.range(5).coalesce(1).write.option("maxRecordsPerFile", 3).json(p)
    return {"files": _files_of(p)}


@case(conf={"spark.sql.files.maxRecordsPerFile": "0"})
def max_records_per_file_conf_zero(spark):
    from cases._write_helpers import fresh_path

    p = fresh_path()
    spark.range(5).coalesce(1).write.parquet(p)
    return {"files": _files_of(p)}
