"""Table statements in SQL: CREATE TABLE (columns, USING, PARTITIONED BY, LOCATION,
AS SELECT, IF NOT EXISTS), INSERT INTO/OVERWRITE (VALUES, SELECT, column lists),
DROP TABLE (managed and external), TRUNCATE TABLE, ALTER TABLE RENAME, DESCRIBE,
SHOW TABLES/COLUMNS/CREATE TABLE, CREATE DATABASE ... LOCATION, and Spark's errors."""

import os
import tempfile

from harness import case

from cases._tables_helpers import database, files, local


@case
def create_table_then_insert_values(spark):
    with database(spark, "ts_a"):
        spark.sql("CREATE TABLE ts_a.t (a INT, b STRING) USING parquet")
        spark.sql("INSERT INTO ts_a.t VALUES (1, 'x'), (2, NULL)")
        return local(spark, spark.table("ts_a.t").orderBy("a"))


@case
def create_table_returns_empty_frame(spark):
    with database(spark, "ts_b"):
        return spark.sql("CREATE TABLE ts_b.t (a INT) USING parquet")


@case
def create_table_empty_reads_no_rows(spark):
    with database(spark, "ts_c"):
        spark.sql("CREATE TABLE ts_c.t (a INT, b DOUBLE, c DATE) USING parquet")
        return local(spark, spark.table("ts_c.t"))


@case
def create_table_without_using(spark):
    with database(spark, "ts_d") as loc:
        spark.sql("CREATE TABLE ts_d.t (a INT)")
        spark.sql("INSERT INTO ts_d.t VALUES (5)")
        return {"files": files(loc, "t"), "rows": [tuple(r) for r in spark.table("ts_d.t").collect()]}


@case
def create_table_exists(spark):
    with database(spark, "ts_e"):
        spark.sql("CREATE TABLE ts_e.t (a INT) USING parquet")
        return spark.sql("CREATE TABLE ts_e.t (a INT) USING parquet")


@case
def create_table_if_not_exists(spark):
    with database(spark, "ts_f"):
        spark.sql("CREATE TABLE ts_f.t (a INT) USING parquet")
        spark.sql("CREATE TABLE IF NOT EXISTS ts_f.t (b STRING) USING json")
        return local(spark, spark.table("ts_f.t"))


@case
def create_table_partitioned(spark):
    with database(spark, "ts_g") as loc:
        spark.sql("CREATE TABLE ts_g.t (a INT, b STRING, c INT) USING parquet PARTITIONED BY (c)")
        spark.sql("INSERT INTO ts_g.t VALUES (1, 'x', 10), (2, 'y', NULL)")
        return {"files": files(loc, "t"), "rows": sorted((tuple(r) for r in spark.table("ts_g.t").collect()), key=str)}


@case
def create_table_partition_column_in_middle(spark):
    with database(spark, "ts_h"):
        spark.sql("CREATE TABLE ts_h.t (a INT, p STRING, b INT) USING parquet PARTITIONED BY (p)")
        return local(spark, spark.table("ts_h.t"))


@case
def create_table_as_select(spark):
    with database(spark, "ts_i"):
        spark.sql("CREATE TABLE ts_i.t AS SELECT 1 AS x, 'a' AS y")
        return local(spark, spark.table("ts_i.t"))


@case
def create_table_using_json_as_select(spark):
    with database(spark, "ts_j") as loc:
        spark.sql("CREATE TABLE ts_j.t USING json AS SELECT id, id * 2 AS twice FROM range(3)")
        return {"files": files(loc, "t"), "schema": spark.table("ts_j.t").schema.simpleString(),
                "rows": sorted(tuple(r) for r in spark.table("ts_j.t").collect())}


@case
def create_table_as_select_partitioned(spark):
    with database(spark, "ts_k") as loc:
        spark.sql("CREATE TABLE ts_k.t USING parquet PARTITIONED BY (k) AS SELECT id, id % 2 AS k FROM range(4)")
        return {"files": files(loc, "t"), "schema": spark.table("ts_k.t").schema.simpleString(),
                "rows": sorted(tuple(r) for r in spark.table("ts_k.t").collect())}


@case
def create_table_csv_location_external(spark):
    with database(spark, "ts_l"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "data")
        spark.sql(f"CREATE TABLE ts_l.t (x INT, y STRING) USING csv LOCATION '{ext}'")
        spark.sql("INSERT INTO ts_l.t VALUES (1, 'a')")
        rows = [tuple(r) for r in spark.table("ts_l.t").collect()]
        spark.sql("DROP TABLE ts_l.t")
        return {"rows": rows, "kept": sorted(f for f in os.listdir(ext) if not f.startswith("."))[:1]}


@case
def create_table_location_over_existing_files(spark):
    with database(spark, "ts_m"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "data")
        spark.createDataFrame([(1, "a"), (2, "b")], "id int, s string").write.parquet(ext)
        spark.sql(f"CREATE TABLE ts_m.t USING parquet LOCATION '{ext}'")
        return local(spark, spark.table("ts_m.t").orderBy("id"))


@case
def insert_values_column_list(spark):
    with database(spark, "ts_n"):
        spark.sql("CREATE TABLE ts_n.t (a INT, b STRING, c INT) USING parquet")
        spark.sql("INSERT INTO ts_n.t (c, a, b) VALUES (5, 3, 'z')")
        return local(spark, spark.table("ts_n.t"))


@case
def insert_into_table_select(spark):
    with database(spark, "ts_o"):
        spark.sql("CREATE TABLE ts_o.t (a INT, b STRING) USING parquet")
        spark.sql("INSERT INTO TABLE ts_o.t SELECT id, CAST(id AS STRING) FROM range(3)")
        return local(spark, spark.table("ts_o.t").orderBy("a"))


@case
def insert_not_enough_values(spark):
    with database(spark, "ts_p"):
        spark.sql("CREATE TABLE ts_p.t (a INT, b STRING, c INT) USING parquet")
        return spark.sql("INSERT INTO ts_p.t VALUES (1, 'x')")


@case
def insert_too_many_values(spark):
    with database(spark, "ts_q"):
        spark.sql("CREATE TABLE ts_q.t (a INT) USING parquet")
        return spark.sql("INSERT INTO ts_q.t VALUES (1, 'x')")


@case
def insert_string_into_int(spark):
    with database(spark, "ts_r"):
        spark.sql("CREATE TABLE ts_r.t (a INT, b STRING) USING parquet")
        return spark.sql("INSERT INTO ts_r.t VALUES ('abc', 'b')")


@case
def insert_overwrite(spark):
    with database(spark, "ts_s"):
        spark.sql("CREATE TABLE ts_s.t (a INT, b STRING) USING parquet")
        spark.sql("INSERT INTO ts_s.t VALUES (1, 'x'), (2, 'y')")
        spark.sql("INSERT OVERWRITE ts_s.t VALUES (9, 'q')")
        return local(spark, spark.table("ts_s.t"))


@case
def insert_overwrite_table_keyword(spark):
    with database(spark, "ts_t"):
        spark.sql("CREATE TABLE ts_t.t (a INT) USING parquet")
        spark.sql("INSERT INTO ts_t.t VALUES (1)")
        spark.sql("INSERT OVERWRITE TABLE ts_t.t SELECT 7")
        return local(spark, spark.table("ts_t.t"))


@case
def insert_into_missing_table(spark):
    with database(spark, "ts_u"):
        return spark.sql("INSERT INTO ts_u.nope VALUES (1)")


@case
def insert_returns_empty_frame(spark):
    with database(spark, "ts_v"):
        spark.sql("CREATE TABLE ts_v.t (a INT) USING parquet")
        return spark.sql("INSERT INTO ts_v.t VALUES (1)")


@case
def insert_widens_values(spark):
    with database(spark, "ts_w"):
        spark.sql("CREATE TABLE ts_w.t (a BIGINT, b DOUBLE, c STRING) USING parquet")
        spark.sql("INSERT INTO ts_w.t VALUES (1, 2, 3)")
        return local(spark, spark.table("ts_w.t"))


@case
def drop_managed_deletes_files(spark):
    with database(spark, "ts_x") as loc:
        spark.sql("CREATE TABLE ts_x.t (a INT) USING parquet")
        spark.sql("INSERT INTO ts_x.t VALUES (1)")
        before = files(loc, "t")
        out = spark.sql("DROP TABLE ts_x.t")
        return {"before": before, "after": files(loc, "t"), "result": out.columns,
                "exists": spark.catalog.tableExists("ts_x.t")}


@case
def drop_missing_table(spark):
    with database(spark, "ts_y"):
        return spark.sql("DROP TABLE ts_y.nope")


@case
def drop_missing_unqualified(spark):
    return spark.sql("DROP TABLE nope_at_all_xyz")


@case
def drop_if_exists_missing(spark):
    with database(spark, "ts_z"):
        return spark.sql("DROP TABLE IF EXISTS ts_z.nope")


@case
def truncate_managed(spark):
    with database(spark, "ts_aa") as loc:
        spark.sql("CREATE TABLE ts_aa.t AS SELECT 1 AS x, 'a' AS y")
        spark.sql("TRUNCATE TABLE ts_aa.t")
        return {"rows": spark.table("ts_aa.t").count(), "files": files(loc, "t"),
                "schema": spark.table("ts_aa.t").schema.simpleString()}


@case
def truncate_external_refused(spark):
    with database(spark, "ts_ab"):
        ext = os.path.join(tempfile.mkdtemp(prefix="pyrust-ext-"), "data")
        spark.sql(f"CREATE TABLE ts_ab.t (x INT) USING csv LOCATION '{ext}'")
        return spark.sql("TRUNCATE TABLE ts_ab.t")


@case
def truncate_missing(spark):
    with database(spark, "ts_ac"):
        return spark.sql("TRUNCATE TABLE ts_ac.nope")


@case
def alter_table_rename(spark):
    with database(spark, "ts_ad") as loc:
        spark.sql("CREATE TABLE ts_ad.c AS SELECT 1 AS x")
        spark.sql("ALTER TABLE ts_ad.c RENAME TO ts_ad.c2")
        return {"tables": [r.tableName for r in spark.sql("SHOW TABLES IN ts_ad").collect() if not r.isTemporary],
                "dirs": sorted(os.listdir(loc)), "rows": [tuple(r) for r in spark.table("ts_ad.c2").collect()]}


@case
def alter_table_rename_to_existing(spark):
    with database(spark, "ts_ae"):
        spark.sql("CREATE TABLE ts_ae.a (x INT) USING parquet")
        spark.sql("CREATE TABLE ts_ae.b (x INT) USING parquet")
        return spark.sql("ALTER TABLE ts_ae.a RENAME TO ts_ae.b")


@case
def describe_table(spark):
    with database(spark, "ts_af"):
        spark.sql("CREATE TABLE ts_af.t (a INT, b STRING, d DECIMAL(10,2)) USING parquet")
        return spark.sql("DESCRIBE TABLE ts_af.t")


@case
def describe_partitioned_table(spark):
    with database(spark, "ts_ag"):
        spark.sql("CREATE TABLE ts_ag.t (a INT, b STRING, c INT) USING parquet PARTITIONED BY (c)")
        return spark.sql("DESCRIBE ts_ag.t")


@case
def show_tables_in_database(spark):
    with database(spark, "ts_ah"):
        spark.sql("CREATE TABLE ts_ah.b (a INT) USING parquet")
        spark.sql("CREATE TABLE ts_ah.a (a INT) USING json")
        return spark.sql("SHOW TABLES IN ts_ah").where("NOT isTemporary")  # other cases' temp views may be there


@case
def show_tables_like(spark):
    with database(spark, "ts_ai"):
        for n in ["tab1", "tab2", "other"]:
            spark.sql(f"CREATE TABLE ts_ai.{n} (a INT) USING parquet")
        return spark.sql("SHOW TABLES IN ts_ai LIKE 'tab*'").where("NOT isTemporary")


@case
def show_tables_with_temp_view(spark):
    with database(spark, "ts_aj"):
        spark.sql("USE ts_aj")
        spark.sql("CREATE TABLE t1 (a INT) USING parquet")
        spark.range(1).createOrReplaceTempView("ts_aj_view")
        try:
            return spark.sql("SHOW TABLES").where("NOT isTemporary OR tableName = 'ts_aj_view'")
        finally:
            spark.catalog.dropTempView("ts_aj_view")


@case
def show_columns_of_table(spark):
    with database(spark, "ts_ak"):
        spark.sql("CREATE TABLE ts_ak.t (a INT, b STRING, c INT) USING parquet PARTITIONED BY (c)")
        return spark.sql("SHOW COLUMNS IN ts_ak.t")


@case
def show_create_table_partitioned(spark):
    with database(spark, "ts_al"):
        spark.sql("CREATE TABLE ts_al.p (a INT, b STRING, c INT) USING parquet PARTITIONED BY (c)")
        return spark.sql("SHOW CREATE TABLE ts_al.p")


@case
def show_create_table_json(spark):
    with database(spark, "ts_am"):
        spark.sql("CREATE TABLE ts_am.j (a BIGINT, m MAP<STRING, INT>, ar ARRAY<DOUBLE>) USING json")
        return spark.sql("SHOW CREATE TABLE ts_am.j")


@case
def select_join_table_and_view(spark):
    with database(spark, "ts_an"):
        spark.sql("CREATE TABLE ts_an.t (id INT, name STRING) USING parquet")
        spark.sql("INSERT INTO ts_an.t VALUES (1, 'one'), (2, 'two')")
        spark.createDataFrame([(1, 10.0), (2, 20.0)], "id int, v double").createOrReplaceTempView("ts_an_v")
        try:
            return local(spark, spark.sql("SELECT t.name, v.v FROM ts_an.t t JOIN ts_an_v v ON t.id = v.id ORDER BY t.id"))
        finally:
            spark.catalog.dropTempView("ts_an_v")


@case
def aggregate_over_table(spark):
    with database(spark, "ts_ao"):
        spark.sql("CREATE TABLE ts_ao.t USING parquet PARTITIONED BY (k) AS SELECT id, id % 3 AS k FROM range(10)")
        return local(spark, spark.sql("SELECT k, count(*) AS n, sum(id) AS s FROM ts_ao.t GROUP BY k ORDER BY k"))


@case
def filter_on_partition_column(spark):
    with database(spark, "ts_ap"):
        spark.sql("CREATE TABLE ts_ap.t USING parquet PARTITIONED BY (k) AS SELECT id, CAST(id % 3 AS STRING) AS k FROM range(9)")
        return local(spark, spark.table("ts_ap.t").where("k = '1'").orderBy("id"))


@case
def create_database_location_listing(spark):
    with database(spark, "ts_aq") as loc:
        spark.sql("CREATE TABLE ts_aq.t1 (a INT) USING parquet")
        spark.sql("INSERT INTO ts_aq.t1 VALUES (1)")
        spark.sql("CREATE TABLE ts_aq.t2 AS SELECT 2 AS b")
        return sorted(os.listdir(loc))


@case
def insert_then_read_in_same_query(spark):
    with database(spark, "ts_ar"):
        spark.sql("CREATE TABLE ts_ar.src AS SELECT id FROM range(5)")
        spark.sql("CREATE TABLE ts_ar.dst (id BIGINT) USING parquet")
        spark.sql("INSERT INTO ts_ar.dst SELECT id * 10 FROM ts_ar.src WHERE id > 2")
        return local(spark, spark.table("ts_ar.dst").orderBy("id"))


@case
def drop_table_drops_a_temp_view(spark):
    spark.range(2).createOrReplaceTempView("ts_drop_view")
    spark.sql("DROP TABLE ts_drop_view")
    return spark.catalog.tableExists("ts_drop_view")


@case
def create_table_using_text(spark):
    with database(spark, "ts_as"):
        spark.sql("CREATE TABLE ts_as.t (value STRING) USING text")
        spark.sql("INSERT INTO ts_as.t VALUES ('a'), ('b')")
        return local(spark, spark.table("ts_as.t").orderBy("value"))


@case
def insert_select_from_temp_view(spark):
    with database(spark, "ts_at"):
        spark.range(3).createOrReplaceTempView("ts_at_src")
        try:
            spark.sql("CREATE TABLE ts_at.t (id BIGINT) USING parquet")
            spark.sql("INSERT INTO ts_at.t SELECT * FROM ts_at_src WHERE id > 0")
            return local(spark, spark.table("ts_at.t").orderBy("id"))
        finally:
            spark.catalog.dropTempView("ts_at_src")


@case(conf={"spark.sql.ansi.enabled": "false"})
def insert_string_into_bigint_ansi_off(spark):
    with database(spark, "ts_au"):
        spark.sql("CREATE TABLE ts_au.t (id BIGINT) USING parquet")
        return spark.sql("INSERT INTO ts_au.t VALUES ('abc')")


@case(conf={"spark.sql.ansi.enabled": "false"})
def insert_decimal_into_bigint_ansi_off(spark):
    with database(spark, "ts_av"):
        spark.sql("CREATE TABLE ts_av.t (id BIGINT) USING parquet")
        spark.sql("INSERT INTO ts_av.t VALUES (1.7)")
        return local(spark, spark.table("ts_av.t"))


@case
def insert_decimal_into_bigint(spark):
    with database(spark, "ts_aw"):
        spark.sql("CREATE TABLE ts_aw.t (id BIGINT) USING parquet")
        spark.sql("INSERT INTO ts_aw.t VALUES (2.5)")
        return local(spark, spark.table("ts_aw.t"))


@case
def create_table_partition_column_missing(spark):
    with database(spark, "ts_ay"):
        return spark.sql("CREATE TABLE ts_ay.p (a INT, b INT) USING parquet PARTITIONED BY (zz)")


@case
def self_join_of_a_table(spark):
    with database(spark, "ts_az"):
        spark.sql("CREATE TABLE ts_az.t AS SELECT id FROM range(3)")
        return local(spark, spark.sql("SELECT a.id, b.id AS id2 FROM ts_az.t a JOIN ts_az.t b ON a.id = b.id ORDER BY a.id"))


@case
def create_table_in_missing_database(spark):
    return spark.sql("CREATE TABLE ts_nodb_xyz.t (a INT) USING parquet")


@case
def save_as_table_in_missing_database(spark):
    spark.range(1).write.saveAsTable("ts_nodb_xyz.t")
