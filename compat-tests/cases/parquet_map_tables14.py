"""Parquet tables holding MAP columns (issue 10): saveAsTable in every mode, insertInto,
SQL CREATE TABLE ... AS SELECT and INSERT, partitioned tables, their files, their read
back through spark.table (rows, schema and nested nullability, show()) and DESCRIBE.
PyRust writes their part files with pyarrow, Polars having no Parquet MAP."""

from harness import case

from cases._tables_helpers import database, described, files, local


def _maps(spark):
    return spark.createDataFrame(
        [(1, {"a": 1}), (2, None), (3, {"b": None, "c": 3}), (4, {})],
        "id int, m map<string,int>",
    )


def _nested(spark):
    return spark.sql(
        "SELECT 1 AS id, named_struct('x', map('k', 1), 'y', 'v') AS s, array(map(1, 'a'), map(), NULL) AS a"
        " UNION ALL SELECT 2, NULL, NULL"
    )


def _table(spark, name):
    return local(spark, spark.table(name).orderBy("id"))


@case
def save_as_table_map(spark):
    with database(spark, "pmt_a"):
        _maps(spark).write.saveAsTable("pmt_a.t")
        return _table(spark, "pmt_a.t")


@case
def save_as_table_map_format_parquet_files(spark):
    with database(spark, "pmt_b") as loc:
        _maps(spark).write.format("parquet").saveAsTable("pmt_b.t")
        return {"files": files(loc, "t"), "count": spark.table("pmt_b.t").count()}


@case
def save_as_table_map_compression_option(spark):
    with database(spark, "pmt_c") as loc:
        _maps(spark).write.option("compression", "gzip").saveAsTable("pmt_c.t")
        return {"files": files(loc, "t"), "rows": sorted(r.id for r in spark.table("pmt_c.t").collect())}


@case
def save_as_table_nested_maps(spark):
    with database(spark, "pmt_d"):
        _nested(spark).write.saveAsTable("pmt_d.t")
        return _table(spark, "pmt_d.t")


@case
def save_as_table_map_schema_becomes_nullable(spark):
    with database(spark, "pmt_e"):
        spark.sql("SELECT map('a', 1) AS m, array(map('b', array(2))) AS am").write.saveAsTable("pmt_e.t")
        return spark.table("pmt_e.t").schema.jsonValue()


@case
def save_as_table_map_exists_error(spark):
    with database(spark, "pmt_f"):
        _maps(spark).write.saveAsTable("pmt_f.t")
        _maps(spark).write.saveAsTable("pmt_f.t")


@case
def save_as_table_map_ignore(spark):
    with database(spark, "pmt_g"):
        _maps(spark).write.saveAsTable("pmt_g.t")
        _maps(spark).limit(1).write.mode("ignore").saveAsTable("pmt_g.t")
        return _table(spark, "pmt_g.t")


@case
def save_as_table_map_append(spark):
    with database(spark, "pmt_h"):
        _maps(spark).write.saveAsTable("pmt_h.t")
        spark.createDataFrame([({"z": 26}, 5)], "m map<string,int>, id int").write.mode("append").saveAsTable("pmt_h.t")
        return _table(spark, "pmt_h.t")


@case
def save_as_table_map_overwrite(spark):
    with database(spark, "pmt_i") as loc:
        _maps(spark).write.saveAsTable("pmt_i.t")
        _maps(spark).filter("id > 2").write.mode("overwrite").saveAsTable("pmt_i.t")
        return {"files": files(loc, "t"), "rows": [r.asDict() for r in spark.table("pmt_i.t").orderBy("id").collect()]}


@case
def save_as_table_map_overwrite_new_schema(spark):
    with database(spark, "pmt_j"):
        spark.range(2).write.saveAsTable("pmt_j.t")
        spark.sql("SELECT map('k', array(1, 2)) AS m, 7 AS id").write.mode("overwrite").saveAsTable("pmt_j.t")
        return _table(spark, "pmt_j.t")


@case
def save_as_table_map_overwrite_table_being_read(spark):
    with database(spark, "pmt_k"):
        _maps(spark).write.saveAsTable("pmt_k.t")
        spark.table("pmt_k.t").write.mode("overwrite").saveAsTable("pmt_k.t")


@case
def save_as_table_map_partitioned(spark):
    with database(spark, "pmt_l") as loc:
        _maps(spark).write.partitionBy("id").saveAsTable("pmt_l.t")
        return {"files": files(loc, "t"), "table": [r.asDict() for r in spark.table("pmt_l.t").orderBy("id").collect()],
                "columns": spark.table("pmt_l.t").columns}


@case
def save_as_table_partition_by_map_column(spark):
    with database(spark, "pmt_m"):
        _maps(spark).write.partitionBy("m").saveAsTable("pmt_m.t")


@case
def insert_into_map_by_position_with_casts(spark):
    with database(spark, "pmt_n"):
        _maps(spark).write.saveAsTable("pmt_n.t")
        # BIGINT values and INT keys: Spark's ANSI store assignment casts them.
        spark.createDataFrame([(10, {"x": 9})], "a long, b map<string,long>").write.insertInto("pmt_n.t")
        spark.createDataFrame([(11, {1: 2})], "a int, b map<int,int>").write.insertInto("pmt_n.t")
        return _table(spark, "pmt_n.t")


@case
def insert_into_map_unsafe_value_cast(spark):
    with database(spark, "pmt_o"):
        _maps(spark).write.saveAsTable("pmt_o.t")
        spark.createDataFrame([(10, {"x": "9"})], "a int, b map<string,string>").write.insertInto("pmt_o.t")


@case
def insert_into_map_columns_swapped(spark):
    with database(spark, "pmt_p"):
        _maps(spark).write.saveAsTable("pmt_p.t")
        spark.createDataFrame([({"x": 9}, 10)], "m map<string,int>, id int").write.insertInto("pmt_p.t")


@case
def insert_into_map_overwrite(spark):
    with database(spark, "pmt_q"):
        _maps(spark).write.saveAsTable("pmt_q.t")
        spark.createDataFrame([(20, {"o": 1})], "id int, m map<string,int>").write.insertInto("pmt_q.t", overwrite=True)
        return _table(spark, "pmt_q.t")


@case
def insert_into_map_table_being_read(spark):
    with database(spark, "pmt_r"):
        _maps(spark).write.saveAsTable("pmt_r.t")
        spark.table("pmt_r.t").write.insertInto("pmt_r.t")
        appended = spark.table("pmt_r.t").count()
        try:
            spark.table("pmt_r.t").write.insertInto("pmt_r.t", overwrite=True)
            overwritten = "no error"
        except Exception as e:
            overwritten = getattr(e, "getCondition", lambda: type(e).__name__)()
        return {"appended": appended, "overwrite": overwritten, "after": spark.table("pmt_r.t").count()}


@case
def sql_ctas_map(spark):
    with database(spark, "pmt_s"):
        spark.sql("CREATE TABLE pmt_s.t USING parquet AS SELECT 1 AS id, map('a', 1, 'b', 2) AS m, map(1.5D, named_struct('q', map('r', true))) AS n")
        return _table(spark, "pmt_s.t")


@case
def sql_ctas_map_partitioned(spark):
    with database(spark, "pmt_t") as loc:
        spark.sql("CREATE TABLE pmt_t.t USING parquet PARTITIONED BY (p) AS SELECT 1 AS id, map('a', 1) AS m, 'q' AS p")
        return {"files": files(loc, "t"), "rows": [r.asDict() for r in spark.table("pmt_t.t").collect()]}


@case
def sql_create_then_insert_map(spark):
    with database(spark, "pmt_u"):
        spark.sql("CREATE TABLE pmt_u.t (id INT, m MAP<STRING, INT>) USING parquet")
        spark.sql("INSERT INTO pmt_u.t VALUES (1, map('a', 1)), (2, NULL)")
        spark.sql("INSERT INTO pmt_u.t SELECT 3, map('x', 5, 'y', NULL)")
        return _table(spark, "pmt_u.t")


@case
def sql_insert_partition_map(spark):
    with database(spark, "pmt_v"):
        spark.sql("CREATE TABLE pmt_v.t (id INT, m MAP<STRING, INT>, p STRING) USING parquet PARTITIONED BY (p)")
        spark.sql("INSERT INTO pmt_v.t PARTITION (p='x') VALUES (1, map('a', 1))")
        spark.sql("INSERT INTO pmt_v.t VALUES (2, map('b', 2), 'y')")
        spark.sql("INSERT OVERWRITE pmt_v.t PARTITION (p='x') VALUES (3, map('c', 3))")
        return _table(spark, "pmt_v.t")


@case
def sql_insert_overwrite_map_table_being_read(spark):
    with database(spark, "pmt_w"):
        _maps(spark).write.saveAsTable("pmt_w.t")
        spark.sql("INSERT OVERWRITE pmt_w.t SELECT * FROM pmt_w.t")


@case
def sql_create_empty_map_table_read(spark):
    with database(spark, "pmt_x"):
        spark.sql("CREATE TABLE pmt_x.t (id INT, m MAP<STRING, ARRAY<INT>>) USING parquet")
        return {"rows": spark.table("pmt_x.t").collect(), "schema": spark.table("pmt_x.t").schema.jsonValue()}


@case
def describe_map_table(spark):
    with database(spark, "pmt_y"):
        _nested(spark).join(_maps(spark), "id").write.partitionBy("id").saveAsTable("pmt_y.t")
        return described(spark, "DESCRIBE TABLE pmt_y.t")


@case(conf={"spark.sql.sources.partitionOverwriteMode": "dynamic"})
def insert_into_map_dynamic_partition_overwrite(spark):
    with database(spark, "pmt_z"):
        spark.createDataFrame([({"a": 1}, "x"), ({"b": 2}, "y")], "m map<string,int>, p string").write.partitionBy("p").saveAsTable("pmt_z.t")
        spark.createDataFrame([({"c": 3}, "x")], "m map<string,int>, p string").write.insertInto("pmt_z.t", overwrite=True)
        return local(spark, spark.table("pmt_z.t").orderBy("p"))


@case
def save_as_table_map_failed_write_leaves_nothing(spark):
    from pyspark.sql import functions as F

    with database(spark, "pmt_fa") as loc:
        failing = _maps(spark).withColumn("q", F.lit(1) / (F.col("id") - 2))
        try:
            failing.write.saveAsTable("pmt_fa.t")
            outcome = "written"
        except Exception as e:
            outcome = type(e).__name__
        # Spark leaves the table's directory behind, empty; PyRust's staged write leaves
        # none (docs/semantics.md): either way, no files.
        return {"outcome": outcome, "exists": spark.catalog.tableExists("pmt_fa.t"), "files": files(loc, "t") or []}


@case
def save_as_table_map_external_path(spark):
    import os

    with database(spark, "pmt_ex") as loc:
        path = os.path.join(loc, "elsewhere")
        _maps(spark).write.option("path", path).saveAsTable("pmt_ex.t")
        spark.sql("DROP TABLE pmt_ex.t")
        return local(spark, spark.read.parquet(path).orderBy("id"))


@case
def catalog_create_table_then_insert_map(spark):
    with database(spark, "pmt_cc"):
        spark.catalog.createTable("pmt_cc.t", source="parquet", schema=_maps(spark).schema)
        _maps(spark).write.insertInto("pmt_cc.t")
        return _table(spark, "pmt_cc.t")


@case
def write_to_create_then_append_map(spark):
    with database(spark, "pmt_wt"):
        _maps(spark).writeTo("pmt_wt.t").using("parquet").create()
        _maps(spark).filter("id = 1").writeTo("pmt_wt.t").append()
        return _table(spark, "pmt_wt.t")


def _struct_of_map(spark):
    return spark.sql("SELECT 1 AS id, named_struct('x', 1, 'm', map('a', 1)) AS s, array(map('k', named_struct('v', 1))) AS a")


@case
def insert_into_struct_of_map_again(spark):
    # The table's types are nullable at every depth; the same NOT NULL data goes in again.
    with database(spark, "pmt_sa"):
        _struct_of_map(spark).write.saveAsTable("pmt_sa.t")
        _struct_of_map(spark).write.insertInto("pmt_sa.t")
        _struct_of_map(spark).write.mode("append").saveAsTable("pmt_sa.t")
        spark.sql("INSERT INTO pmt_sa.t SELECT 2L, named_struct('y', 2L, 'n', map('b', 2L)), array(map('k', named_struct('w', 2S)))")
        return _table(spark, "pmt_sa.t")


@case
def insert_into_struct_member_unsafe_cast(spark):
    with database(spark, "pmt_sb"):
        _struct_of_map(spark).write.saveAsTable("pmt_sb.t")
        spark.sql("INSERT INTO pmt_sb.t SELECT 3, named_struct('x', 1, 'm', map('b', 'no')), array()")


@case
def sql_create_table_partitioned_by_map(spark):
    with database(spark, "pmt_dp"):
        spark.sql("CREATE TABLE pmt_dp.t (id INT, m MAP<STRING, INT>) USING parquet PARTITIONED BY (m)")


@case
def sql_create_table_partitioned_by_every_column(spark):
    with database(spark, "pmt_da"):
        spark.sql("CREATE TABLE pmt_da.t (m MAP<STRING, INT>) USING parquet PARTITIONED BY (m)")


@case
def path_write_partition_by_not_null_struct(spark):
    from cases._write_helpers import fresh_path

    spark.sql("SELECT 1 AS id, named_struct('a', 1, 'm', map('k', 2)) AS s").write.partitionBy("s").parquet(fresh_path())


@case
def save_as_table_maps_of_many_types(spark):
    with database(spark, "pmt_ty"):
        spark.sql(
            "SELECT 1 AS id, map('t', TIMESTAMP'2024-03-10 01:02:03.456789') AS ts, map(DATE'2020-02-29', 1.25BD) AS dd,"
            " map(TIMESTAMP_NTZ'2001-01-01 00:00:00', X'CAFE') AS nb, map(true, 1Y, false, -2Y) AS bt,"
            " map(1.5F, 2.5D) AS fd, map('i', INTERVAL '3' DAY) AS iv"
        ).write.saveAsTable("pmt_ty.t")
        return {"schema": spark.table("pmt_ty.t").schema.simpleString(), "rows": [r.asDict() for r in spark.table("pmt_ty.t").collect()]}


@case
def save_as_table_map_max_records_per_file(spark):
    with database(spark, "pmt_mr") as loc:
        _maps(spark).write.option("maxRecordsPerFile", 3).saveAsTable("pmt_mr.t")
        return {"files": files(loc, "t"), "count": spark.table("pmt_mr.t").count()}


@case
def path_write_map_of_intervals_footer_types(spark):
    # The writer's Spark schema in the footer gives the values their interval types back.
    from cases._write_helpers import fresh_path

    p = fresh_path()
    spark.sql("SELECT map('d', INTERVAL '3 04:05:06' DAY TO SECOND) AS dt, array(map(1, INTERVAL '7' HOUR)) AS h").write.parquet(p)
    return local(spark, spark.read.parquet(p))


@case
def save_as_table_map_of_year_month_intervals(spark):
    # PySpark cannot collect YEAR-MONTH intervals: they come back as text.
    with database(spark, "pmt_ym"):
        spark.sql("SELECT 1 AS id, map('y', INTERVAL '2-3' YEAR TO MONTH, 'z', NULL) AS ym").write.saveAsTable("pmt_ym.t")
        t = spark.table("pmt_ym.t")
        return {"schema": t.schema.simpleString(), "rows": [r.asDict() for r in t.selectExpr("CAST(ym['y'] AS STRING) AS y", "ym['z'] IS NULL AS z").collect()]}


@case
def describe_extended_map_table(spark):
    with database(spark, "pmt_de"):
        spark.sql("CREATE TABLE pmt_de.t USING parquet PARTITIONED BY (p) AS SELECT map('a', array(1)) AS m, 'q' AS p")
        return described(spark, "DESCRIBE TABLE EXTENDED pmt_de.t")


@case
def list_columns_of_map_table(spark):
    with database(spark, "pmt_lc"):
        _nested(spark).write.partitionBy("id").saveAsTable("pmt_lc.t")
        return [(c.name, c.dataType, c.nullable, c.isPartition) for c in spark.catalog.listColumns("pmt_lc.t")]


@case
def sql_insert_column_list_map(spark):
    with database(spark, "pmt_cl"):
        spark.sql("CREATE TABLE pmt_cl.t (id INT, m MAP<STRING, BIGINT>, p STRING) USING parquet PARTITIONED BY (p)")
        spark.sql("INSERT INTO pmt_cl.t (m, id, p) VALUES (map('a', 1), 1, 'x')")
        spark.sql("INSERT INTO pmt_cl.t PARTITION (p) SELECT 2, map('b', 2, 'c', NULL), 'y'")
        spark.sql("INSERT OVERWRITE pmt_cl.t PARTITION (p = 'x') (m, id) SELECT map('d', 4), 3")
        return _table(spark, "pmt_cl.t")
