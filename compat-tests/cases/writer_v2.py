"""df.writeTo(table) (DataFrameWriterV2) on PySpark Classic's session catalog: create
works; append, overwrite and overwritePartitions refuse a file-source ("v1") table;
replace and createOrReplace are not supported there."""

from harness import case
from pyspark.sql import functions as F

from cases._tables_helpers import database, files, local


def _df(spark):
    return spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string")


@case
def create_then_read(spark):
    with database(spark, "wv_a"):
        _df(spark).writeTo("wv_a.t").create()
        return local(spark, spark.table("wv_a.t").orderBy("id"))


@case
def create_exists(spark):
    with database(spark, "wv_b"):
        _df(spark).writeTo("wv_b.t").create()
        _df(spark).writeTo("wv_b.t").create()


@case
def create_using_json_partitioned(spark):
    with database(spark, "wv_c") as loc:
        _df(spark).writeTo("wv_c.t").using("json").partitionedBy("s").create()
        return {"files": files(loc, "t"), "table": tuple(spark.catalog.getTable("wv_c.t")),
                "schema": spark.table("wv_c.t").schema.simpleString()}


@case
def create_with_options_and_properties(spark):
    with database(spark, "wv_d"):
        _df(spark).writeTo("wv_d.t").using("parquet").tableProperty("a", "b").option("compression", "snappy").create()
        return local(spark, spark.table("wv_d.t").orderBy("id"))


@case
def create_partitioned_puts_partition_last(spark):
    with database(spark, "wv_e"):
        _df(spark).writeTo("wv_e.t").partitionedBy("id").create()
        return local(spark, spark.table("wv_e.t").orderBy("id"))


@case
def append_refused(spark):
    with database(spark, "wv_f"):
        _df(spark).writeTo("wv_f.t").create()
        _df(spark).writeTo("wv_f.t").append()


@case
def append_missing_table(spark):
    with database(spark, "wv_g"):
        _df(spark).writeTo("wv_g.nope").append()


@case
def overwrite_refused(spark):
    with database(spark, "wv_h"):
        df = _df(spark)
        df.writeTo("wv_h.t").create()
        df.writeTo("wv_h.t").overwrite(F.col("id") == 1)


@case
def overwrite_partitions_refused(spark):
    with database(spark, "wv_i"):
        _df(spark).writeTo("wv_i.t").create()
        _df(spark).writeTo("wv_i.t").overwritePartitions()


@case
def replace_refused(spark):
    with database(spark, "wv_j"):
        _df(spark).writeTo("wv_j.t").create()
        _df(spark).writeTo("wv_j.t").replace()


@case
def create_or_replace_refused(spark):
    with database(spark, "wv_k"):
        _df(spark).writeTo("wv_k.t").create()
        _df(spark).writeTo("wv_k.t").createOrReplace()


@case
def replace_missing_table(spark):
    with database(spark, "wv_l"):
        _df(spark).writeTo("wv_l.t").replace()


@case
def create_or_replace_missing_table(spark):
    with database(spark, "wv_m"):
        _df(spark).writeTo("wv_m.t").createOrReplace()
        return local(spark, spark.table("wv_m.t").orderBy("id"))


@case
def append_after_failed_append_keeps_rows(spark):
    with database(spark, "wv_n"):
        _df(spark).writeTo("wv_n.t").create()
        try:
            _df(spark).writeTo("wv_n.t").append()
        except Exception:
            pass
        return local(spark, spark.table("wv_n.t").orderBy("id"))
