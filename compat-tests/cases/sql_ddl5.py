"""Table DDL/DML statements in SQL, second part: CREATE OR REPLACE TABLE (which the
session catalog's v1 tables refuse), INSERT INTO/OVERWRITE ... PARTITION (static,
dynamic and mixed partition values), ALTER TABLE ADD COLUMNS and DESCRIBE [TABLE]
EXTENDED|FORMATTED (the volatile rows, Created Time and Location, filtered out)."""

from harness import case

from cases._tables_helpers import database, described, files, local


def table_rows(spark, name):
    return local(spark, spark.table(name).orderBy(*spark.table(name).columns))


def row_list(spark, name):
    """A table's rows as sorted tuples (for a case that returns several observations)."""
    return sorted((tuple(r) for r in spark.table(name).collect()), key=str)


# CREATE OR REPLACE TABLE


@case
def replace_table_as_select_refused(spark):
    with database(spark, "d5_a"):
        return spark.sql("CREATE OR REPLACE TABLE d5_a.t USING parquet AS SELECT 1 AS a, 'x' AS b")


@case
def replace_table_columns_refused(spark):
    with database(spark, "d5_b"):
        return spark.sql("CREATE OR REPLACE TABLE d5_b.t (a INT, b STRING) USING parquet")


@case
def replace_existing_table_refused_and_kept(spark):
    with database(spark, "d5_c"):
        spark.sql("CREATE TABLE d5_c.t (a INT) USING parquet")
        spark.sql("INSERT INTO d5_c.t VALUES (7)")
        try:
            spark.sql("CREATE OR REPLACE TABLE d5_c.t USING parquet AS SELECT 'z' AS s")
            outcome = "replaced"
        except Exception as e:
            outcome = type(e).__name__
        return {"outcome": outcome, "rows": [tuple(r) for r in spark.table("d5_c.t").collect()]}


@case
def replace_table_json_refused(spark):
    with database(spark, "d5_d"):
        return spark.sql("CREATE OR REPLACE TABLE d5_d.t (a INT) USING json")


@case
def replace_table_not_created(spark):
    with database(spark, "d5_e"):
        try:
            spark.sql("CREATE OR REPLACE TABLE d5_e.t USING parquet AS SELECT 1 AS a")
        except Exception:
            pass
        # Temporary views (other cases') are listed too: only the database's tables count.
        return [r.tableName for r in spark.sql("SHOW TABLES IN d5_e").collect() if r.namespace == "d5_e"]


# INSERT ... PARTITION


def partitioned(spark, db):
    spark.sql(f"CREATE TABLE {db}.p (a INT, b STRING, k INT, j STRING) USING parquet PARTITIONED BY (k, j)")
    return f"{db}.p"


@case
def insert_static_partitions_values(spark):
    with database(spark, "d5_f") as loc:
        t = partitioned(spark, "d5_f")
        spark.sql(f"INSERT INTO {t} PARTITION (k=1, j='x') VALUES (1, 'a'), (2, NULL)")
        return {"files": files(loc, "p"), "rows": row_list(spark, t)}


@case
def insert_static_partitions_select(spark):
    with database(spark, "d5_g"):
        t = partitioned(spark, "d5_g")
        spark.sql(f"INSERT INTO {t} PARTITION (k=2, j='y') SELECT 2, 'b'")
        return table_rows(spark, t)


@case
def insert_dynamic_partitions(spark):
    with database(spark, "d5_h") as loc:
        t = partitioned(spark, "d5_h")
        spark.sql(f"INSERT INTO {t} PARTITION (k, j) VALUES (3, 'c', 3, 'z'), (4, 'd', 4, NULL)")
        return {"files": files(loc, "p"), "rows": row_list(spark, t)}


@case
def insert_mixed_partitions(spark):
    with database(spark, "d5_i") as loc:
        t = partitioned(spark, "d5_i")
        spark.sql(f"INSERT INTO {t} PARTITION (k=4, j) VALUES (4, 'd', 'w'), (5, 'e', 'v')")
        return {"files": files(loc, "p"), "rows": row_list(spark, t)}


@case
def insert_static_after_dynamic_refused(spark):
    with database(spark, "d5_j"):
        t = partitioned(spark, "d5_j")
        return spark.sql(f"INSERT INTO {t} PARTITION (k, j='v') VALUES (5, 'e', 5)")


@case
def insert_unknown_partition_column(spark):
    with database(spark, "d5_k"):
        t = partitioned(spark, "d5_k")
        return spark.sql(f"INSERT INTO {t} PARTITION (zz=1) VALUES (1, 'a', 'x')")


@case
def insert_static_partition_null_and_string_number(spark):
    with database(spark, "d5_l") as loc:
        t = partitioned(spark, "d5_l")
        spark.sql(f"INSERT INTO {t} PARTITION (k=NULL, j='x') VALUES (1, 'a')")
        spark.sql(f"INSERT INTO {t} PARTITION (k='8', j='h') VALUES (8, 'h')")
        spark.sql(f"INSERT INTO {t} PARTITION (k=-3, j='a/b') VALUES (9, 'i')")
        return {"files": files(loc, "p"), "rows": row_list(spark, t)}


@case
def insert_static_partition_empty_string_refused(spark):
    with database(spark, "d5_ak"):
        t = partitioned(spark, "d5_ak")
        return spark.sql(f"INSERT INTO {t} PARTITION (k='8', j='') VALUES (8, 'h')")


@case
def insert_static_partition_bad_value(spark):
    with database(spark, "d5_m"):
        t = partitioned(spark, "d5_m")
        return spark.sql(f"INSERT INTO {t} PARTITION (k='abc', j='x') VALUES (1, 'a')")


@case
def insert_partition_not_enough_columns(spark):
    with database(spark, "d5_n"):
        t = partitioned(spark, "d5_n")
        return spark.sql(f"INSERT INTO {t} PARTITION (k, j) VALUES (1, 'a')")


@case
def insert_partition_case_insensitive(spark):
    with database(spark, "d5_o"):
        spark.sql("CREATE TABLE d5_o.p (a INT, k INT) USING parquet PARTITIONED BY (k)")
        spark.sql("INSERT INTO d5_o.p PARTITION (K=3) VALUES (10)")
        return table_rows(spark, "d5_o.p")


@case
def insert_partition_with_column_list(spark):
    with database(spark, "d5_p"):
        spark.sql("CREATE TABLE d5_p.p (a INT, b STRING, k INT) USING parquet PARTITIONED BY (k)")
        spark.sql("INSERT INTO d5_p.p PARTITION (k=1) (b, a) VALUES ('x', 5)")
        spark.sql("INSERT INTO d5_p.p PARTITION (k) (a, k) VALUES (6, 2)")
        return table_rows(spark, "d5_p.p")


@case
def insert_overwrite_static_partition(spark):
    with database(spark, "d5_q") as loc:
        t = partitioned(spark, "d5_q")
        spark.sql(f"INSERT INTO {t} VALUES (1, 'a', 1, 'x'), (2, 'b', 2, 'y'), (3, 'c', 1, 'z')")
        spark.sql(f"INSERT OVERWRITE {t} PARTITION (k=1, j='x') VALUES (10, 'aa')")
        return {"files": len(files(loc, "p")), "rows": row_list(spark, t)}


@case
def insert_overwrite_mixed_partition(spark):
    with database(spark, "d5_r"):
        t = partitioned(spark, "d5_r")
        spark.sql(f"INSERT INTO {t} VALUES (1, 'a', 1, 'x'), (2, 'b', 2, 'y'), (3, 'c', 1, 'z')")
        spark.sql(f"INSERT OVERWRITE TABLE {t} PARTITION (k=1, j) SELECT 20, 'bb', 'q'")
        return table_rows(spark, t)


@case
def insert_overwrite_dynamic_replaces_table(spark):
    with database(spark, "d5_s"):
        t = partitioned(spark, "d5_s")
        spark.sql(f"INSERT INTO {t} VALUES (1, 'a', 1, 'x'), (2, 'b', 2, 'y')")
        spark.sql(f"INSERT OVERWRITE {t} PARTITION (k, j) VALUES (9, 'n', 9, 'm')")
        return table_rows(spark, t)


@case
def insert_partition_returns_empty_frame(spark):
    with database(spark, "d5_t"):
        t = partitioned(spark, "d5_t")
        return spark.sql(f"INSERT INTO {t} PARTITION (k=1, j='x') VALUES (1, 'a')")


@case
def insert_partition_missing_table(spark):
    with database(spark, "d5_u"):
        return spark.sql("INSERT INTO d5_u.nope PARTITION (k=1) VALUES (1)")


# ALTER TABLE ADD COLUMNS


@case
def add_columns_reads_null_for_old_rows(spark):
    with database(spark, "d5_v"):
        spark.sql("CREATE TABLE d5_v.t (a INT, b STRING) USING parquet")
        spark.sql("INSERT INTO d5_v.t VALUES (1, 'x')")
        spark.sql("ALTER TABLE d5_v.t ADD COLUMNS (c DOUBLE, d ARRAY<INT>)")
        spark.sql("INSERT INTO d5_v.t VALUES (2, 'y', 1.5, array(1))")
        return table_rows(spark, "d5_v.t")


@case
def add_columns_returns_empty_frame(spark):
    with database(spark, "d5_w"):
        spark.sql("CREATE TABLE d5_w.t (a INT) USING parquet")
        return spark.sql("ALTER TABLE d5_w.t ADD COLUMNS (m MAP<STRING, INT>, s STRUCT<x: INT, y: STRING>)")


@case
def add_column_single_then_describe(spark):
    with database(spark, "d5_x"):
        spark.sql("CREATE TABLE d5_x.t (a INT) USING parquet")
        spark.sql("ALTER TABLE d5_x.t ADD COLUMN e STRING")
        spark.sql("ALTER TABLE d5_x.t ADD COLUMNS (f DECIMAL(10, 2))")
        return spark.sql("DESCRIBE d5_x.t")


@case
def add_columns_before_partition_columns(spark):
    with database(spark, "d5_y"):
        t = partitioned(spark, "d5_y")
        spark.sql(f"INSERT INTO {t} VALUES (1, 'a', 1, 'x')")
        spark.sql(f"ALTER TABLE {t} ADD COLUMNS (q INT)")
        return {"describe": [tuple(r) for r in spark.sql(f"DESCRIBE {t}").collect()], "rows": row_list(spark, t)}


@case
def add_columns_existing_name(spark):
    with database(spark, "d5_z"):
        spark.sql("CREATE TABLE d5_z.t (a INT) USING parquet")
        return spark.sql("ALTER TABLE d5_z.t ADD COLUMNS (A INT)")


@case
def add_columns_duplicate_new_names(spark):
    with database(spark, "d5_aa"):
        spark.sql("CREATE TABLE d5_aa.t (a INT) USING parquet")
        return spark.sql("ALTER TABLE d5_aa.t ADD COLUMNS (x INT, x STRING)")


@case
def add_columns_not_null_refused(spark):
    with database(spark, "d5_ab"):
        spark.sql("CREATE TABLE d5_ab.t (a INT) USING parquet")
        return spark.sql("ALTER TABLE d5_ab.t ADD COLUMN e STRING NOT NULL")


@case
def add_columns_missing_table(spark):
    with database(spark, "d5_ac"):
        return spark.sql("ALTER TABLE d5_ac.zz ADD COLUMNS (a INT)")


@case
def add_columns_to_view_refused(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW d5_view AS SELECT 1 AS a")
    try:
        return spark.sql("ALTER TABLE d5_view ADD COLUMNS (b INT)")
    finally:
        spark.sql("DROP VIEW IF EXISTS d5_view")


# DESCRIBE EXTENDED


@case
def describe_extended_managed(spark):
    with database(spark, "d5_ad"):
        spark.sql("CREATE TABLE d5_ad.t (a INT, b STRING, d DECIMAL(10,2)) USING parquet")
        return described(spark, "DESCRIBE EXTENDED d5_ad.t")


@case
def describe_table_extended_partitioned(spark):
    with database(spark, "d5_ae"):
        partitioned(spark, "d5_ae")
        return described(spark, "DESCRIBE TABLE EXTENDED d5_ae.p")


@case
def describe_formatted_external(spark):
    with database(spark, "d5_af") as loc:
        spark.sql(f"CREATE TABLE d5_af.j (a INT) USING json LOCATION '{loc}/ext'")
        return described(spark, "DESC FORMATTED d5_af.j")


@case
def describe_extended_storage_properties(spark):
    with database(spark, "d5_al"):
        df = spark.range(1).selectExpr("CAST(id AS INT) AS a")
        df.write.format("json").option("compression", "none").saveAsTable("d5_al.j")
        return described(spark, "DESCRIBE EXTENDED d5_al.j")


@case
def describe_extended_volatile_rows_present(spark):
    with database(spark, "d5_ag"):
        spark.sql("CREATE TABLE d5_ag.t (a INT) USING csv")
        rows = spark.sql("DESCRIBE EXTENDED d5_ag.t").collect()
        return {
            "names": [r.col_name for r in rows],
            "location_is_file": [r.data_type.startswith("file:/") and r.data_type.endswith("/t") for r in rows if r.col_name == "Location"],
        }


@case
def describe_extended_after_add_columns(spark):
    with database(spark, "d5_ah"):
        spark.sql("CREATE TABLE d5_ah.t (a INT) USING parquet")
        spark.sql("ALTER TABLE d5_ah.t ADD COLUMNS (b BOOLEAN)")
        return described(spark, "DESC EXTENDED d5_ah.t")


@case
def describe_extended_temp_view(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW d5_view2 AS SELECT 1 AS a, 'x' AS b")
    try:
        return local(spark, spark.sql("DESCRIBE EXTENDED d5_view2"))
    finally:
        spark.sql("DROP VIEW IF EXISTS d5_view2")


@case
def describe_extended_missing_table(spark):
    with database(spark, "d5_ai"):
        return spark.sql("DESCRIBE EXTENDED d5_ai.zz")


@case
def describe_extended_ctas_schema(spark):
    with database(spark, "d5_aj"):
        spark.sql("CREATE TABLE d5_aj.t USING parquet AS SELECT 1L AS id, CAST(NULL AS DATE) AS d, array('a') AS arr")
        return described(spark, "DESCRIBE EXTENDED d5_aj.t")


@case(conf={"spark.sql.ansi.enabled": "false"})
def insert_static_partition_bad_value_ansi_off(spark):
    with database(spark, "d5_am"):
        t = partitioned(spark, "d5_am")
        spark.sql(f"INSERT INTO {t} PARTITION (k='abc', j='x') VALUES (1, 'a')")
        return row_list(spark, t)


@case
def insert_dynamic_partitions_from_table(spark):
    with database(spark, "d5_an"):
        t = partitioned(spark, "d5_an")
        spark.sql("CREATE TABLE d5_an.src USING parquet AS SELECT * FROM VALUES (1, 'a', 1, 'x'), (2, 'b', 1, 'y') AS s(a, b, k, j)")
        spark.sql(f"INSERT INTO {t} PARTITION (k, j) SELECT a, b, k, j FROM d5_an.src")
        spark.sql(f"INSERT INTO {t} PARTITION (k=5, j) SELECT a, b, j FROM d5_an.src WHERE a = 2")
        return row_list(spark, t)


@case
def add_columns_then_insert_column_list(spark):
    with database(spark, "d5_ao"):
        spark.sql("CREATE TABLE d5_ao.t (a INT) USING parquet")
        spark.sql("INSERT INTO d5_ao.t VALUES (1)")
        spark.sql("ALTER TABLE d5_ao.t ADD COLUMNS (b STRING, c BIGINT)")
        spark.sql("INSERT INTO d5_ao.t (c, a) VALUES (30, 3)")
        return table_rows(spark, "d5_ao.t")
