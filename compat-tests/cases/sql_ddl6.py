"""Table DDL in SQL, third part: DESCRIBE [EXTENDED] t column, column COMMENTs (CREATE
TABLE, ALTER TABLE ADD COLUMNS; shown by DESCRIBE and SHOW CREATE TABLE), CREATE TABLE
... LIKE, OPTIONS before LOCATION in CREATE TABLE, and CREATE TEMPORARY VIEW ... USING
(temporary views over files)."""

import os
import tempfile

from harness import case

from cases._tables_helpers import database, described, local


def parquet_dir(spark, name):
    """A Parquet directory of three rows (id, s) under a new temporary directory."""
    path = os.path.join(tempfile.mkdtemp(prefix="pyrust-ddl6-"), name)
    spark.range(3).selectExpr("id", "CAST(id * 10 AS STRING) AS s").write.parquet(path)
    return path


# DESCRIBE t column


@case
def describe_column(spark):
    with database(spark, "d6_a"):
        spark.sql("CREATE TABLE d6_a.t (a INT, b STRING) USING parquet")
        return local(spark, spark.sql("DESCRIBE d6_a.t b"))


@case
def describe_table_column_with_comment(spark):
    with database(spark, "d6_b"):
        spark.sql("CREATE TABLE d6_b.t (a INT COMMENT 'the a', b STRING) USING parquet")
        return local(spark, spark.sql("DESCRIBE TABLE d6_b.t a"))


@case
def describe_extended_column(spark):
    with database(spark, "d6_c"):
        spark.sql("CREATE TABLE d6_c.t (a INT COMMENT 'the a', b DECIMAL(10, 2)) USING parquet")
        return local(spark, spark.sql("DESCRIBE EXTENDED d6_c.t b"))


@case
def describe_formatted_column(spark):
    with database(spark, "d6_d"):
        spark.sql("CREATE TABLE d6_d.t (a INT COMMENT 'the a') USING parquet")
        return local(spark, spark.sql("DESC FORMATTED d6_d.t a"))


@case
def describe_column_case_insensitive(spark):
    with database(spark, "d6_e"):
        spark.sql("CREATE TABLE d6_e.t (Amount INT) USING parquet")
        return local(spark, spark.sql("DESCRIBE d6_e.t amount"))


@case
def describe_column_unknown(spark):
    with database(spark, "d6_f"):
        spark.sql("CREATE TABLE d6_f.t (a INT) USING parquet")
        return spark.sql("DESCRIBE d6_f.t zz")


@case
def describe_column_of_temp_view(spark):
    spark.createDataFrame([(1, "x")], "k int, v string").createOrReplaceTempView("d6_view")
    return spark.sql("DESCRIBE d6_view v")


@case
def describe_column_of_partitioned_table(spark):
    with database(spark, "d6_g"):
        spark.sql("CREATE TABLE d6_g.t (a INT, p STRING) USING parquet PARTITIONED BY (p)")
        return local(spark, spark.sql("DESCRIBE d6_g.t p"))


# column comments


@case
def create_table_comments_in_describe(spark):
    with database(spark, "d6_h"):
        spark.sql("CREATE TABLE d6_h.t (a INT COMMENT 'the a', b STRING, c DOUBLE COMMENT 'it\\'s c') USING parquet")
        return local(spark, spark.sql("DESCRIBE d6_h.t"))


@case
def add_columns_with_comment(spark):
    with database(spark, "d6_i"):
        spark.sql("CREATE TABLE d6_i.t (a INT) USING parquet")
        spark.sql("ALTER TABLE d6_i.t ADD COLUMNS (c INT COMMENT 'a new c', d DOUBLE)")
        return local(spark, spark.sql("DESCRIBE d6_i.t"))


@case
def add_column_with_comment_then_describe_column(spark):
    with database(spark, "d6_j"):
        spark.sql("CREATE TABLE d6_j.t (a INT) USING parquet")
        spark.sql("ALTER TABLE d6_j.t ADD COLUMN c STRING COMMENT 'text, with a comma'")
        return local(spark, spark.sql("DESCRIBE d6_j.t c"))


@case
def add_columns_with_comment_keeps_rows(spark):
    with database(spark, "d6_k"):
        spark.sql("CREATE TABLE d6_k.t (a INT) USING parquet")
        spark.sql("INSERT INTO d6_k.t VALUES (1), (2)")
        spark.sql("ALTER TABLE d6_k.t ADD COLUMNS (c INT COMMENT 'new')")
        return local(spark, spark.table("d6_k.t").orderBy("a"))


@case
def show_create_table_with_comments(spark):
    with database(spark, "d6_l"):
        spark.sql("CREATE TABLE d6_l.t (a INT COMMENT 'the a', b STRING) USING parquet")
        spark.sql("ALTER TABLE d6_l.t ADD COLUMNS (c INT COMMENT 'a new c')")
        return local(spark, spark.sql("SHOW CREATE TABLE d6_l.t"))


# CREATE TABLE LIKE


@case
def create_table_like_copies_columns_and_comments(spark):
    with database(spark, "d6_m"):
        spark.sql("CREATE TABLE d6_m.src (a INT COMMENT 'the a', b STRING) USING parquet")
        spark.sql("INSERT INTO d6_m.src VALUES (1, 'x')")
        spark.sql("CREATE TABLE d6_m.dst LIKE d6_m.src")
        return {
            "describe": [tuple(r) for r in spark.sql("DESCRIBE d6_m.dst").collect()],
            "rows": [tuple(r) for r in spark.table("d6_m.dst").collect()],
        }


@case
def create_table_like_show_create(spark):
    with database(spark, "d6_n"):
        spark.sql("CREATE TABLE d6_n.src (a INT, b STRING) USING json")
        spark.sql("CREATE TABLE d6_n.dst LIKE d6_n.src")
        return local(spark, spark.sql("SHOW CREATE TABLE d6_n.dst"))


@case
def create_table_like_partitioned(spark):
    with database(spark, "d6_o"):
        spark.sql("CREATE TABLE d6_o.src (a INT, p STRING) USING parquet PARTITIONED BY (p)")
        spark.sql("CREATE TABLE d6_o.dst LIKE d6_o.src")
        spark.sql("INSERT INTO d6_o.dst VALUES (1, 'x')")
        return {
            "describe": [tuple(r) for r in spark.sql("DESCRIBE d6_o.dst").collect()],
            "rows": [tuple(r) for r in spark.table("d6_o.dst").collect()],
        }


@case
def create_table_like_using_other_format(spark):
    with database(spark, "d6_p"):
        spark.sql("CREATE TABLE d6_p.src (a INT) USING parquet")
        spark.sql("CREATE TABLE d6_p.dst LIKE d6_p.src USING json")
        return described(spark, "DESCRIBE EXTENDED d6_p.dst")


@case
def create_table_like_existing(spark):
    with database(spark, "d6_q"):
        spark.sql("CREATE TABLE d6_q.src (a INT) USING parquet")
        spark.sql("CREATE TABLE d6_q.dst (z STRING) USING parquet")
        return spark.sql("CREATE TABLE d6_q.dst LIKE d6_q.src")


@case
def create_table_like_if_not_exists_keeps_table(spark):
    with database(spark, "d6_r"):
        spark.sql("CREATE TABLE d6_r.src (a INT) USING parquet")
        spark.sql("CREATE TABLE d6_r.dst (z STRING) USING parquet")
        spark.sql("CREATE TABLE IF NOT EXISTS d6_r.dst LIKE d6_r.src")
        return local(spark, spark.sql("DESCRIBE d6_r.dst"))


@case
def create_table_like_missing_source(spark):
    with database(spark, "d6_s"):
        return spark.sql("CREATE TABLE d6_s.dst LIKE d6_s.nope")


@case
def create_table_like_temp_view(spark):
    spark.createDataFrame([(1, "x")], "k int, v string").createOrReplaceTempView("d6_like_view")
    with database(spark, "d6_t"):
        spark.sql("CREATE TABLE d6_t.dst LIKE d6_like_view")
        return described(spark, "DESCRIBE EXTENDED d6_t.dst")


# OPTIONS before LOCATION


@case
def create_table_options_before_location(spark):
    path = parquet_dir(spark, "opts")
    with database(spark, "d6_u"):
        spark.sql(f"CREATE TABLE d6_u.t USING parquet OPTIONS (mergeSchema 'false') LOCATION '{path}'")
        return {
            "rows": [tuple(r) for r in spark.table("d6_u.t").orderBy("id").collect()],
            "describe": [tuple(r) for r in described(spark, "DESCRIBE EXTENDED d6_u.t").collect()],
        }


@case
def create_table_columns_options_before_location(spark):
    path = parquet_dir(spark, "opts_cols")
    with database(spark, "d6_v"):
        spark.sql(f"CREATE TABLE d6_v.t (id BIGINT, s STRING) USING parquet OPTIONS ('compression' 'snappy') LOCATION '{path}'")
        return local(spark, spark.table("d6_v.t").orderBy("id"))


# CREATE TEMPORARY VIEW ... USING


@case
def temp_view_using_parquet(spark):
    path = parquet_dir(spark, "tv")
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW d6_tv USING parquet OPTIONS (path '{path}')")
    return spark.sql("SELECT * FROM d6_tv ORDER BY id")


@case
def temp_view_using_with_columns(spark):
    path = parquet_dir(spark, "tv_cols")
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW d6_tv_cols (id BIGINT, s STRING) USING parquet OPTIONS (path '{path}')")
    return spark.sql("SELECT s, id FROM d6_tv_cols ORDER BY id")


@case
def temp_view_using_csv_options(spark):
    path = os.path.join(tempfile.mkdtemp(prefix="pyrust-ddl6-"), "data.csv")
    with open(path, "w") as f:
        f.write("a;b\n1;x\n2;y\n")
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW d6_tv_csv USING csv OPTIONS (path '{path}', header 'true', sep ';', inferSchema 'true')")
    return spark.sql("SELECT * FROM d6_tv_csv ORDER BY a")


@case
def temp_view_using_already_exists(spark):
    path = parquet_dir(spark, "tv_dup")
    spark.sql("DROP VIEW IF EXISTS d6_tv_dup")
    spark.sql(f"CREATE TEMPORARY VIEW d6_tv_dup USING parquet OPTIONS (path '{path}')")
    return spark.sql(f"CREATE TEMPORARY VIEW d6_tv_dup USING parquet OPTIONS (path '{path}')")


@case
def temp_view_using_listed_as_temporary(spark):
    path = parquet_dir(spark, "tv_list")
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW d6_tv_list USING parquet OPTIONS (path '{path}')")
    return [(r.tableName, r.isTemporary) for r in spark.sql("SHOW TABLES").collect() if r.tableName == "d6_tv_list"]


@case
def temporary_table_using(spark):
    path = parquet_dir(spark, "tt")
    spark.sql("DROP VIEW IF EXISTS d6_tt")
    spark.sql(f"CREATE TEMPORARY TABLE d6_tt USING parquet OPTIONS (path '{path}')")
    return spark.sql("SELECT count(*) AS n FROM d6_tt")


@case
def temp_view_using_missing_path(spark):
    return spark.sql("CREATE OR REPLACE TEMPORARY VIEW d6_tv_missing USING parquet OPTIONS (path '/nonexistent/pyrust/ddl6')")
