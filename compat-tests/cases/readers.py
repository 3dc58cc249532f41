"""spark.read: csv with header/inferSchema/sep/schema, json, parquet."""

import os
import tempfile

from harness import case
from pyspark.sql import functions as F

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "data")
USERS = os.path.join(DATA, "users.csv")


def _tmp_file(name: str, text: str) -> str:
    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    path = os.path.join(d, name)
    with open(path, "w") as f:
        f.write(text)
    return path


@case
def csv_header_infer_schema(spark):
    return spark.read.csv(USERS, header=True, inferSchema=True).orderBy("id")


@case
def csv_header_strings(spark):
    return spark.read.csv(USERS, header=True).orderBy("id")


@case
def csv_no_header(spark):
    path = _tmp_file("a.csv", "1,x\n2,y\n")
    return spark.read.csv(path).orderBy("_c0")


@case
def csv_with_schema(spark):
    return spark.read.csv(USERS, header=True, schema="id int, name string, age int, city string, salary double, joined date").orderBy("id")


@case
def csv_sep_option(spark):
    path = _tmp_file("b.csv", "a;b\n1;2.5\n3;\n")
    return spark.read.option("header", "true").option("inferSchema", "true").csv(path, sep=";").orderBy("a")


@case
def csv_format_load(spark):
    return spark.read.format("csv").option("header", True).load(USERS).select("name").orderBy("name")


@case
def csv_query(spark):
    df = spark.read.csv(USERS, header=True, inferSchema=True)
    return df.filter("age > 25").select("name", "city").orderBy("name")


@case
def csv_group(spark):
    df = spark.read.csv(USERS, header=True, inferSchema=True)
    return df.groupBy("city").agg(F.avg("age"), F.sum("salary")).orderBy("city")


@case
def csv_missing_path(spark):
    return spark.read.csv("/nonexistent/pyrust/file.csv", header=True)


@case
def json_lines(spark):
    path = _tmp_file("c.json", '{"a": 1, "b": "x"}\n{"a": 2, "b": null}\n{"a": 3}\n')
    return spark.read.json(path).orderBy("a")


@case
def json_with_schema(spark):
    path = _tmp_file("d.json", '{"a": 1, "b": "x"}\n{"a": 2}\n')
    return spark.read.schema("a int, b string").json(path).orderBy("a")


@case
def parquet_roundtrip_from_pyarrow(spark):
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    path = os.path.join(d, "t.parquet")
    pq.write_table(pa.table({"id": pa.array([1, 2, 3], pa.int64()), "name": ["a", None, "c"],
                             "score": pa.array([1.5, 2.5, None], pa.float64())}), path)
    return spark.read.parquet(path).filter(F.col("id") > 1).orderBy("id")


@case
def parquet_multiple_paths(spark):
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = tempfile.mkdtemp(prefix="pyrust-compat-")
    paths = []
    for i in range(2):
        p = os.path.join(d, f"part{i}.parquet")
        pq.write_table(pa.table({"k": pa.array([i * 10, i * 10 + 1], pa.int32())}), p)
        paths.append(p)
    return spark.read.parquet(*paths).orderBy("k")


@case
def json_inferred_types(spark):
    path = _tmp_file("e.json", '{"i": 1, "f": 1.5, "s": "x", "b": true}\n{"i": 20000000000, "f": null, "s": null, "b": false}\n')
    return spark.read.json(path).orderBy("i")


@case
def csv_null_value_option(spark):
    path = _tmp_file("f.csv", "a,b\n1,NA\nNA,2\n")
    return spark.read.csv(path, header=True, inferSchema=True, nullValue="NA").orderBy("b")


@case
def csv_timestamps_inferred(spark):
    path = _tmp_file("g.csv", "id,ts,d\n1,2024-01-02 03:04:05,2024-01-02\n2,2023-12-31 23:59:59,2023-12-31\n")
    return spark.read.csv(path, header=True, inferSchema=True).orderBy("id")


@case
def csv_quoted_fields(spark):
    path = _tmp_file("h.csv", 'id,text\n1,"a, b"\n2,"x"\n3,\n')
    return spark.read.csv(path, header=True, inferSchema=True).orderBy("id")


@case
def csv_header_only(spark):
    path = _tmp_file("i.csv", "a,b\n")
    return spark.read.csv(path, header=True, inferSchema=True)


@case
def csv_mixed_numbers_infer_double(spark):
    path = _tmp_file("j.csv", "x\n1\n2.5\n")
    return spark.read.csv(path, header=True, inferSchema=True)


@case
def csv_big_integers_infer_long(spark):
    path = _tmp_file("k.csv", "x\n1\n30000000000\n")
    return spark.read.csv(path, header=True, inferSchema=True)


@case
def csv_booleans_inferred(spark):
    path = _tmp_file("l.csv", "flag\ntrue\nfalse\n")
    return spark.read.csv(path, header=True, inferSchema=True)


@case
def json_nested(spark):
    path = _tmp_file("m.json", '{"id": 1, "tags": ["a", "b"], "p": {"x": 1, "y": "z"}}\n{"id": 2, "tags": [], "p": null}\n')
    return spark.read.json(path).orderBy("id")


@case
def read_schema_then_select(spark):
    return spark.read.csv(USERS, header=True, inferSchema=True).select("name", "joined").filter(F.col("joined") > "2020-01-01").orderBy("name")


@case
def csv_comment_option(spark):
    path = _tmp_file("n.csv", "a,b\n# a comment\n1,2\n#another\n3,4\n")
    return spark.read.csv(path, header=True, inferSchema=True, comment="#").orderBy("a")
