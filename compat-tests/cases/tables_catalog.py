"""spark.catalog over tables: listTables (tables and temporary views, patterns),
getTable, listColumns, tableExists, createTable (managed and external), dropTempView
beside tables, isCached/cacheTable/uncacheTable, refreshTable, recoverPartitions."""

import os
import tempfile

from harness import case

from cases._tables_helpers import database, local


def _df(spark):
    return spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string")


@case
def list_tables_of_database(spark):
    with database(spark, "tc_a"):
        _df(spark).write.saveAsTable("tc_a.b")
        _df(spark).write.saveAsTable("tc_a.a")
        return [tuple(t) for t in spark.catalog.listTables("tc_a") if not t.isTemporary]


@case
def list_tables_with_temp_view(spark):
    with database(spark, "tc_b"):
        _df(spark).write.saveAsTable("tc_b.t")
        _df(spark).createOrReplaceTempView("tc_b_view")
        try:
            # other cases' temporary views may be there too
            return [tuple(t) for t in spark.catalog.listTables("tc_b") if not t.isTemporary or t.name == "tc_b_view"]
        finally:
            spark.catalog.dropTempView("tc_b_view")


@case
def list_tables_current_database(spark):
    with database(spark, "tc_c"):
        spark.catalog.setCurrentDatabase("tc_c")
        _df(spark).write.saveAsTable("t1")
        return [tuple(t) for t in spark.catalog.listTables() if not t.isTemporary]


@case
def list_tables_pattern(spark):
    with database(spark, "tc_d"):
        for n in ["ab1", "ab2", "cd"]:
            spark.sql(f"CREATE TABLE tc_d.{n} (a INT) USING parquet")
        return [t.name for t in spark.catalog.listTables("tc_d", "ab*")]


@case
def list_tables_missing_database(spark):
    return spark.catalog.listTables("tc_nowhere")


@case
def get_table_managed(spark):
    with database(spark, "tc_e"):
        _df(spark).write.saveAsTable("tc_e.t")
        t = spark.catalog.getTable("tc_e.t")
        return {"table": tuple(t), "database": t.database}


@case
def get_table_external(spark):
    with database(spark, "tc_f"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "data")
        spark.sql(f"CREATE TABLE tc_f.t (x INT) USING csv LOCATION '{ext}'")
        return tuple(spark.catalog.getTable("tc_f.t"))


@case
def get_table_temp_view(spark):
    _df(spark).createOrReplaceTempView("tc_view_g")
    try:
        return tuple(spark.catalog.getTable("tc_view_g"))
    finally:
        spark.catalog.dropTempView("tc_view_g")


@case
def get_table_missing(spark):
    with database(spark, "tc_h"):
        return spark.catalog.getTable("tc_h.zz")


@case
def get_table_missing_unqualified(spark):
    return spark.catalog.getTable("tc_zz_nowhere")


@case
def list_columns_partitioned(spark):
    with database(spark, "tc_i"):
        spark.sql("CREATE TABLE tc_i.p (a INT, b STRING, c INT) USING parquet PARTITIONED BY (c)")
        return [tuple(c) for c in spark.catalog.listColumns("tc_i.p")]


@case
def list_columns_temp_view(spark):
    spark.range(2).selectExpr("id", "CAST(id AS STRING) AS s").createOrReplaceTempView("tc_view_j")
    try:
        return [tuple(c) for c in spark.catalog.listColumns("tc_view_j")]
    finally:
        spark.catalog.dropTempView("tc_view_j")


@case
def list_columns_missing(spark):
    with database(spark, "tc_k"):
        return spark.catalog.listColumns("tc_k.zz")


@case
def table_exists_forms(spark):
    with database(spark, "tc_l"):
        _df(spark).write.saveAsTable("tc_l.t1")
        return [spark.catalog.tableExists("tc_l.t1"), spark.catalog.tableExists("t1", "tc_l"),
                spark.catalog.tableExists("t1"), spark.catalog.tableExists("tc_l.t2"),
                spark.catalog.tableExists("spark_catalog.tc_l.t1")]


@case
def create_table_external_with_schema(spark):
    with database(spark, "tc_m"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "ctdata")
        df = spark.catalog.createTable("tc_m.ct", path=ext, source="csv", schema=_df(spark).schema)
        return {"table": tuple(spark.catalog.getTable("tc_m.ct")), "schema": df.schema.simpleString(), "rows": df.count()}


@case
def create_table_managed_with_schema(spark):
    with database(spark, "tc_n"):
        df = spark.catalog.createTable("tc_n.ct2", schema=_df(spark).schema)
        _df(spark).write.insertInto("tc_n.ct2")
        return {"table": tuple(spark.catalog.getTable("tc_n.ct2")), "schema": df.schema.simpleString(),
                "rows": sorted(tuple(r) for r in spark.table("tc_n.ct2").collect())}


@case
def create_table_schema_as_string_refused(spark):
    with database(spark, "tc_o"):
        return local(spark, spark.catalog.createTable("tc_o.ct3", source="json", schema="a int, b string"))


@case
def create_table_no_schema_no_path(spark):
    with database(spark, "tc_p"):
        return local(spark, spark.catalog.createTable("tc_p.ct4"))


@case
def create_table_exists(spark):
    with database(spark, "tc_q"):
        spark.catalog.createTable("tc_q.ct", schema=_df(spark).schema)
        return local(spark, spark.catalog.createTable("tc_q.ct", schema=_df(spark).schema))


@case
def create_table_external_infers_schema(spark):
    with database(spark, "tc_r"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "pq")
        _df(spark).write.parquet(ext)
        return local(spark, spark.catalog.createTable("tc_r.t", path=ext).orderBy("id"))


@case
def drop_temp_view_not_a_table(spark):
    with database(spark, "tc_s"):
        spark.catalog.setCurrentDatabase("tc_s")
        _df(spark).write.saveAsTable("t")
        return {"dropped": spark.catalog.dropTempView("t"), "still": spark.catalog.tableExists("t")}


@case
def cache_table_round(spark):
    with database(spark, "tc_t"):
        _df(spark).write.saveAsTable("tc_t.t")
        out = [spark.catalog.isCached("tc_t.t")]
        spark.catalog.cacheTable("tc_t.t")
        out.append(spark.catalog.isCached("tc_t.t"))
        spark.catalog.uncacheTable("tc_t.t")
        out.append(spark.catalog.isCached("tc_t.t"))
        return out


@case
def is_cached_missing(spark):
    with database(spark, "tc_u"):
        return spark.catalog.isCached("tc_u.zz")


@case
def refresh_table(spark):
    with database(spark, "tc_v"):
        _df(spark).write.saveAsTable("tc_v.t")
        return spark.catalog.refreshTable("tc_v.t")


@case
def refresh_table_missing(spark):
    with database(spark, "tc_w"):
        return spark.catalog.refreshTable("tc_w.zz")


@case
def recover_partitions_not_partitioned(spark):
    with database(spark, "tc_x"):
        _df(spark).write.saveAsTable("tc_x.t")
        return spark.catalog.recoverPartitions("tc_x.t")


@case
def recover_partitions_partitioned(spark):
    with database(spark, "tc_y"):
        _df(spark).write.partitionBy("s").saveAsTable("tc_y.t")
        spark.catalog.recoverPartitions("tc_y.t")
        return local(spark, spark.table("tc_y.t").orderBy("id"))


@case
def drop_database_cascade_drops_tables(spark):
    with database(spark, "tc_z"):
        _df(spark).write.saveAsTable("tc_z.t")
    return [spark.catalog.databaseExists("tc_z"), spark.catalog.tableExists("tc_z.t")]
