"""Spark SQL statements on the session: temp views (CREATE [OR REPLACE] [GLOBAL] TEMP
VIEW, DROP VIEW), DESCRIBE [TABLE|QUERY], SHOW COLUMNS/TABLES, SET/RESET, CACHE/
UNCACHE/CLEAR CACHE/REFRESH, and the errors of missing relations."""

from harness import case


def _view(spark):
    spark.createDataFrame([(1, "a", 1.5), (2, None, None)], "id int, s string, v double").createOrReplaceTempView("st_t")


@case
def describe_view(spark):
    _view(spark)
    return spark.sql("DESCRIBE st_t")


@case
def desc_table_view(spark):
    _view(spark)
    return spark.sql("DESC TABLE st_t")


@case
def describe_query(spark):
    _view(spark)
    return spark.sql("DESCRIBE QUERY SELECT id + 1 AS x, s, array(v) AS arr, CAST(id AS DECIMAL(10,2)) AS d FROM st_t")


@case
def describe_missing(spark):
    return spark.sql("DESCRIBE st_missing")


@case
def show_columns_in(spark):
    _view(spark)
    return spark.sql("SHOW COLUMNS IN st_t")


@case
def show_columns_from(spark):
    _view(spark)
    return spark.sql("SHOW COLUMNS FROM st_t")


@case
def show_columns_missing(spark):
    return spark.sql("SHOW COLUMNS IN st_missing")


@case
def cache_and_uncache_table(spark):
    _view(spark)
    a = spark.sql("CACHE TABLE st_t")
    b = spark.sql("UNCACHE TABLE st_t")
    return [a.columns, b.columns, spark.sql("SELECT * FROM st_t ORDER BY id").collect()]


@case
def cache_missing_table(spark):
    return spark.sql("CACHE TABLE st_missing")


@case
def uncache_missing_table(spark):
    return spark.sql("UNCACHE TABLE st_missing")


@case
def uncache_if_exists_missing(spark):
    return spark.sql("UNCACHE TABLE IF EXISTS st_missing")


@case
def clear_cache(spark):
    return spark.sql("CLEAR CACHE")


@case
def refresh_table(spark):
    _view(spark)
    return spark.sql("REFRESH TABLE st_t")


@case
def set_shows_one_key(spark):
    spark.sql("SET spark.sql.ansi.enabled=false")
    out = spark.sql("SET spark.sql.ansi.enabled")
    spark.sql("RESET spark.sql.ansi.enabled")
    return out


@case
def set_undefined_key(spark):
    return spark.sql("SET pyrust.test.undefined.key")


@case
def set_then_reset_key(spark):
    spark.sql("SET my.test.key=5")
    before = spark.conf.get("my.test.key")
    spark.sql("RESET my.test.key")
    return [before, spark.conf.get("my.test.key", "gone")]


@case
def set_assignment_result(spark):
    out = spark.sql("SET my.other.key=abc")
    spark.sql("RESET my.other.key")
    return out


@case
def create_temp_view_and_select(spark):
    _view(spark)
    spark.sql("CREATE OR REPLACE TEMP VIEW st_v AS SELECT id * 2 AS d FROM st_t")
    return spark.sql("SELECT * FROM st_v ORDER BY d")


@case
def create_temp_view_twice_fails(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW st_dup AS SELECT 1 AS x")
    return spark.sql("CREATE TEMPORARY VIEW st_dup AS SELECT 2 AS x")


@case
def create_global_temp_view(spark):
    spark.sql("CREATE OR REPLACE GLOBAL TEMP VIEW st_g AS SELECT 1 AS x, 'y' AS y")
    out = spark.sql("SELECT * FROM global_temp.st_g").collect()
    spark.sql("DROP VIEW global_temp.st_g")
    return out


@case
def drop_view_missing(spark):
    return spark.sql("DROP VIEW st_never_there")


@case
def drop_view_if_exists_missing(spark):
    return spark.sql("DROP VIEW IF EXISTS st_never_there")


@case
def drop_view_then_select_fails(spark):
    spark.sql("CREATE OR REPLACE TEMP VIEW st_gone AS SELECT 1 AS x")
    spark.sql("DROP VIEW st_gone")
    return spark.sql("SELECT * FROM st_gone")


@case
def select_from_missing_table(spark):
    return spark.sql("SELECT * FROM st_missing_table")


@case
def parse_error_class(spark):
    return spark.sql("SELEC 1")


@case
def parse_error_unbalanced(spark):
    return spark.sql("SELECT (1 + 2 FROM st_t")
