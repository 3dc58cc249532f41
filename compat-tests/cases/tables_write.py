"""df.write.saveAsTable (every mode, formats, partitionBy, options) and insertInto
(by position, overwrite, Spark's store-assignment casts and errors) on managed tables
of the session catalog; spark.table / spark.read.table read them back."""

from harness import case

from cases._tables_helpers import database, files, local


def _df(spark):
    return spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string")


def _more(spark):
    return spark.createDataFrame([(3, "c")], "id int, s string")


@case
def save_as_table_then_table(spark):
    with database(spark, "tw_a"):
        _df(spark).write.saveAsTable("tw_a.t")
        return local(spark, spark.table("tw_a.t").orderBy("id"))


@case
def save_as_table_files(spark):
    with database(spark, "tw_b") as loc:
        _df(spark).write.saveAsTable("tw_b.t")
        return files(loc, "t")


@case
def save_as_table_read_table(spark):
    with database(spark, "tw_c"):
        _df(spark).write.saveAsTable("tw_c.t")
        return local(spark, spark.read.table("tw_c.t").orderBy("id"))


@case
def save_as_table_not_null_becomes_nullable(spark):
    with database(spark, "tw_d"):
        spark.range(3).write.saveAsTable("tw_d.t")
        return local(spark, spark.table("tw_d.t").orderBy("id"))


@case
def save_as_table_exists_error(spark):
    with database(spark, "tw_e"):
        _df(spark).write.saveAsTable("tw_e.t")
        _more(spark).write.saveAsTable("tw_e.t")


@case
def save_as_table_mode_error(spark):
    with database(spark, "tw_f"):
        _df(spark).write.saveAsTable("tw_f.t")
        _more(spark).write.mode("error").saveAsTable("tw_f.t")


@case
def save_as_table_ignore(spark):
    with database(spark, "tw_g"):
        _df(spark).write.saveAsTable("tw_g.t")
        _more(spark).write.mode("ignore").saveAsTable("tw_g.t")
        return local(spark, spark.table("tw_g.t").orderBy("id"))


@case
def save_as_table_append(spark):
    with database(spark, "tw_h"):
        _df(spark).write.saveAsTable("tw_h.t")
        _more(spark).write.mode("append").saveAsTable("tw_h.t")
        return local(spark, spark.table("tw_h.t").orderBy("id"))


@case
def save_as_table_append_by_name(spark):
    with database(spark, "tw_i"):
        _df(spark).write.saveAsTable("tw_i.t")
        spark.createDataFrame([("z", 9)], "s string, id int").write.mode("append").saveAsTable("tw_i.t")
        return local(spark, spark.table("tw_i.t").orderBy("id"))


@case
def save_as_table_append_casts(spark):
    with database(spark, "tw_j"):
        _df(spark).write.saveAsTable("tw_j.t")
        spark.createDataFrame([(7, 5)], "id long, s int").write.mode("append").saveAsTable("tw_j.t")
        return local(spark, spark.table("tw_j.t").orderBy("id"))


@case
def save_as_table_append_unsafe_cast(spark):
    with database(spark, "tw_k"):
        _df(spark).write.saveAsTable("tw_k.t")
        spark.createDataFrame([(3, "c")], "s int, id string").write.mode("append").saveAsTable("tw_k.t")


@case
def save_as_table_append_fewer_columns(spark):
    with database(spark, "tw_l"):
        _df(spark).write.saveAsTable("tw_l.t")
        spark.createDataFrame([(3,)], "id int").write.mode("append").saveAsTable("tw_l.t")


@case
def save_as_table_append_more_columns(spark):
    with database(spark, "tw_m"):
        _df(spark).write.saveAsTable("tw_m.t")
        spark.createDataFrame([(3, "c", 1.5)], "id int, s string, z double").write.mode("append").saveAsTable("tw_m.t")


@case
def save_as_table_append_other_format(spark):
    with database(spark, "tw_n"):
        _df(spark).write.saveAsTable("tw_n.t")
        _more(spark).write.mode("append").format("json").saveAsTable("tw_n.t")


@case
def save_as_table_append_new_table(spark):
    with database(spark, "tw_o"):
        _df(spark).write.mode("append").saveAsTable("tw_o.t")
        return local(spark, spark.table("tw_o.t").orderBy("id"))


@case
def save_as_table_overwrite_new_schema(spark):
    with database(spark, "tw_p"):
        _df(spark).write.saveAsTable("tw_p.t")
        spark.createDataFrame([(1.5, True)], "x double, y boolean").write.mode("overwrite").saveAsTable("tw_p.t")
        return local(spark, spark.table("tw_p.t"))


@case
def save_as_table_overwrite_files(spark):
    with database(spark, "tw_q") as loc:
        _df(spark).write.saveAsTable("tw_q.t")
        _more(spark).write.mode("overwrite").saveAsTable("tw_q.t")
        return files(loc, "t")


@case
def save_as_table_json(spark):
    with database(spark, "tw_r") as loc:
        _df(spark).write.format("json").saveAsTable("tw_r.t")
        return {"files": files(loc, "t"), "rows": [r.asDict() for r in spark.table("tw_r.t").orderBy("id").collect()]}


@case
def save_as_table_csv_keyword(spark):
    with database(spark, "tw_s") as loc:
        _df(spark).write.saveAsTable("tw_s.t", format="csv", mode="overwrite")
        return {"files": files(loc, "t"), "schema": spark.table("tw_s.t").schema.simpleString(),
                "rows": sorted(tuple(r) for r in spark.table("tw_s.t").collect())}


@case
def save_as_table_partitioned(spark):
    with database(spark, "tw_t") as loc:
        spark.createDataFrame([(1, "a", 10), (2, "b", None), (3, "c", 10)], "id int, s string, p int") \
            .write.partitionBy("p").saveAsTable("tw_t.t")
        return {"files": files(loc, "t"), "schema": spark.table("tw_t.t").schema.simpleString(),
                "rows": sorted((tuple(r) for r in spark.table("tw_t.t").collect()), key=str)}


@case
def save_as_table_partition_column_first(spark):
    with database(spark, "tw_u"):
        spark.createDataFrame([("x", 1, "a")], "p string, id int, s string").write.saveAsTable("tw_u.t", partitionBy="p")
        return local(spark, spark.table("tw_u.t"))


@case
def save_as_table_partition_column_missing(spark):
    with database(spark, "tw_v"):
        _df(spark).write.partitionBy("nope").saveAsTable("tw_v.t")


@case
def save_as_table_unqualified_uses_current_database(spark):
    with database(spark, "tw_w") as loc:
        spark.catalog.setCurrentDatabase("tw_w")
        _df(spark).write.saveAsTable("t")
        return {"files": files(loc, "t"), "rows": [tuple(r) for r in spark.table("tw_w.t").orderBy("id").collect()]}


@case
def save_as_table_three_part_name(spark):
    with database(spark, "tw_x"):
        _df(spark).write.saveAsTable("spark_catalog.tw_x.t")
        return local(spark, spark.table("tw_x.t").orderBy("id"))


@case
def save_as_table_upper_case_name(spark):
    with database(spark, "tw_y"):
        _df(spark).write.saveAsTable("tw_y.MyTable")
        return [t.name for t in spark.catalog.listTables("tw_y") if not t.isTemporary]


@case
def save_as_table_many_types(spark):
    import datetime
    import decimal

    with database(spark, "tw_z"):
        df = spark.createDataFrame(
            [(1, 2**40, 1.5, decimal.Decimal("1.25"), "é🎉", True, datetime.date(2024, 2, 29),
              datetime.datetime(2024, 1, 1, 12, 30), b"\x00\xff", [1, 2], (1, "x"))],
            "i int, l bigint, d double, m decimal(5,2), s string, b boolean, dt date, ts timestamp, bin binary, "
            "a array<int>, st struct<x:int,y:string>")
        df.write.saveAsTable("tw_z.t")
        return local(spark, spark.table("tw_z.t"))


@case
def insert_into_by_position(spark):
    with database(spark, "ti_a"):
        _df(spark).write.saveAsTable("ti_a.t")
        spark.createDataFrame([(3, "c")], "x int, y string").write.insertInto("ti_a.t")
        return local(spark, spark.table("ti_a.t").orderBy("id"))


@case
def insert_into_positional_not_by_name(spark):
    with database(spark, "ti_b"):
        spark.createDataFrame([("a", "b")], "x string, y string").write.saveAsTable("ti_b.t")
        spark.createDataFrame([("y1", "x1")], "y string, x string").write.insertInto("ti_b.t")
        return local(spark, spark.table("ti_b.t").orderBy("x"))


@case
def insert_into_overwrite(spark):
    with database(spark, "ti_c"):
        _df(spark).write.saveAsTable("ti_c.t")
        _more(spark).write.insertInto("ti_c.t", overwrite=True)
        return local(spark, spark.table("ti_c.t"))


@case
def insert_into_mode_overwrite(spark):
    with database(spark, "ti_d"):
        _df(spark).write.saveAsTable("ti_d.t")
        _more(spark).write.mode("overwrite").insertInto("ti_d.t")
        return local(spark, spark.table("ti_d.t"))


@case
def insert_into_casts_numbers(spark):
    with database(spark, "ti_e"):
        spark.createDataFrame([(1, 1.5)], "a long, b double").write.saveAsTable("ti_e.t")
        spark.createDataFrame([(2, 7)], "a int, b int").write.insertInto("ti_e.t")
        return local(spark, spark.table("ti_e.t").orderBy("a"))


@case
def insert_into_number_to_string(spark):
    with database(spark, "ti_f"):
        spark.createDataFrame([("x",)], "s string").write.saveAsTable("ti_f.t")
        spark.createDataFrame([(12,)], "n int").write.insertInto("ti_f.t")
        return local(spark, spark.table("ti_f.t").orderBy("s"))


@case
def insert_into_string_to_int_refused(spark):
    with database(spark, "ti_g"):
        _df(spark).write.saveAsTable("ti_g.t")
        spark.createDataFrame([("9", "z")], "x string, y string").write.insertInto("ti_g.t")


@case
def insert_into_boolean_to_int_refused(spark):
    with database(spark, "ti_h"):
        _df(spark).write.saveAsTable("ti_h.t")
        spark.createDataFrame([(True, "z")], "x boolean, y string").write.insertInto("ti_h.t")


@case
def insert_into_too_many_columns(spark):
    with database(spark, "ti_i"):
        _df(spark).write.saveAsTable("ti_i.t")
        spark.createDataFrame([(1, "a", 2)], "x int, y string, z int").write.insertInto("ti_i.t")


@case
def insert_into_not_enough_columns(spark):
    with database(spark, "ti_j"):
        _df(spark).write.saveAsTable("ti_j.t")
        spark.createDataFrame([(1,)], "x int").write.insertInto("ti_j.t")


@case
def insert_into_missing_table(spark):
    with database(spark, "ti_k"):
        _df(spark).write.insertInto("ti_k.nope")


@case
def insert_into_null_column(spark):
    from pyspark.sql import functions as F

    with database(spark, "ti_l"):
        _df(spark).write.saveAsTable("ti_l.t")
        spark.range(1).select(F.lit(None).alias("a"), F.lit("n").alias("b")).write.insertInto("ti_l.t")
        return local(spark, spark.table("ti_l.t").orderBy("s"))


@case
def insert_into_partitioned(spark):
    with database(spark, "ti_m") as loc:
        spark.createDataFrame([(1, "a")], "id int, p string").write.partitionBy("p").saveAsTable("ti_m.t")
        spark.createDataFrame([(2, "b"), (3, None)], "id int, p string").write.insertInto("ti_m.t")
        return {"files": files(loc, "t"), "rows": sorted((tuple(r) for r in spark.table("ti_m.t").collect()), key=str)}


@case
def insert_into_date_to_timestamp(spark):
    import datetime

    with database(spark, "ti_n"):
        spark.createDataFrame([(datetime.datetime(2024, 1, 1, 1, 2),)], "ts timestamp").write.saveAsTable("ti_n.t")
        spark.createDataFrame([(datetime.date(2024, 5, 6),)], "d date").write.insertInto("ti_n.t")
        return local(spark, spark.table("ti_n.t").orderBy("ts"))


@case
def table_not_found(spark):
    return local(spark, spark.table("tw_nowhere.nope"))


@case
def read_table_not_found(spark):
    return local(spark, spark.read.table("nope_table_xyz"))


@case
def temp_view_shadows_table(spark):
    with database(spark, "tw_sh"):
        spark.catalog.setCurrentDatabase("tw_sh")
        _df(spark).write.saveAsTable("t")
        spark.createDataFrame([(42,)], "v int").createOrReplaceTempView("t")
        try:
            return {"unqualified": spark.table("t").columns, "qualified": spark.table("tw_sh.t").columns}
        finally:
            spark.catalog.dropTempView("t")
