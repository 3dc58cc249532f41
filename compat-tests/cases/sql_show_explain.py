"""EXPLAIN (its schema and that it runs: the plan text is PyRust's own, not Spark's),
SHOW FUNCTIONS with LIKE patterns (the registry's names as Spark lists them), SHOW
DATABASES/SCHEMAS/NAMESPACES [LIKE], DESCRIBE FUNCTION (its rows' count and first row:
PyRust has no JVM class names nor Spark's usage texts), SET TIME ZONE, SET/RESET forms,
SHOW CURRENT NAMESPACE and SHOW CATALOGS."""

from harness import case


def _shape(df):
    """EXPLAIN's schema and row count: its text is the engine's own."""
    rows = df.collect()
    return [df.schema.simpleString(), len(rows), all(isinstance(r[0], str) and r[0] for r in rows)]


# --- EXPLAIN ----------------------------------------------------------------------------------


@case
def explain_simple(spark):
    return _shape(spark.sql("EXPLAIN SELECT 1"))


@case
def explain_extended(spark):
    return _shape(spark.sql("EXPLAIN EXTENDED SELECT id * 2 AS x FROM range(3) WHERE id > 0"))


@case
def explain_formatted(spark):
    return _shape(spark.sql("EXPLAIN FORMATTED SELECT count(*) FROM range(10)"))


@case
def explain_codegen(spark):
    return _shape(spark.sql("EXPLAIN CODEGEN SELECT 1 AS a"))


@case
def explain_cost(spark):
    return _shape(spark.sql("explain cost SELECT a FROM VALUES (1), (2) AS t(a) ORDER BY a"))


@case
def explain_of_a_view(spark):
    spark.range(3).createOrReplaceTempView("se_v")
    return _shape(spark.sql("EXPLAIN SELECT sum(id) FROM se_v GROUP BY id % 2"))


@case
def explain_unresolved_column_is_text(spark):
    df = spark.sql("EXPLAIN SELECT nosuch_column")
    return [df.schema.simpleString(), df.collect()[0][0].startswith("Error occurred during query planning")]


@case
def explain_syntax_error_raises(spark):
    return spark.sql("EXPLAIN SELEC 1")


@case
def explain_columns(spark):
    return spark.sql("EXPLAIN SELECT 1").columns


# --- SHOW FUNCTIONS ---------------------------------------------------------------------------


@case
def show_functions_like_date(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'date*'")


@case
def show_functions_like_str(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'str*'")


@case
def show_functions_pattern_without_like(spark):
    return spark.sql("SHOW FUNCTIONS 'regexp*'")


@case
def show_functions_alternatives(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'sha*|md5|crc32'")


@case
def show_functions_exact_name_any_case(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'ABS'")


@case
def show_functions_no_match(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'no_such_function*'")


@case
def show_system_functions_like(spark):
    return spark.sql("SHOW SYSTEM FUNCTIONS LIKE 'upper|lower|trim'")


@case
def show_functions_operators(spark):
    return spark.sql("SHOW FUNCTIONS LIKE '<*'")


@case
def show_functions_stats(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'stddev*|var_*|variance|percentile'")


@case
def show_functions_window(spark):
    return spark.sql("SHOW FUNCTIONS LIKE '*rank|row_number|ntile|lag|lead|cume_dist'")


@case
def show_functions_json(spark):
    return spark.sql("SHOW FUNCTIONS LIKE 'json_*|from_json|to_json|schema_of_json'")


@case
def show_user_functions_empty(spark):
    return spark.sql("SHOW USER FUNCTIONS LIKE 'se_none*'")


@case
def show_user_functions_registered(spark):
    spark.udf.register("se_plus_one", lambda x: x + 1, "int")
    return spark.sql("SHOW USER FUNCTIONS LIKE 'se_plus*'")


@case
def show_all_functions_with_udf(spark):
    spark.udf.register("se_abs2", lambda x: x, "int")
    return spark.sql("SHOW ALL FUNCTIONS LIKE 'se_abs2|abs'")


@case
def show_functions_count_nonzero(spark):
    return spark.sql("SHOW FUNCTIONS").count() > 300


# --- SHOW DATABASES / namespaces ---------------------------------------------------------------


@case
def show_databases_like(spark):
    return spark.sql("SHOW DATABASES LIKE 'def*'")


@case
def show_schemas_like_no_match(spark):
    return spark.sql("SHOW SCHEMAS LIKE 'se_nothing*'")


@case
def show_namespaces(spark):
    return spark.sql("SHOW NAMESPACES LIKE 'default'")


@case
def show_databases_created(spark):
    spark.sql("CREATE DATABASE IF NOT EXISTS se_db1")
    try:
        return spark.sql("SHOW DATABASES LIKE 'se_*|default'")
    finally:
        spark.sql("DROP DATABASE IF EXISTS se_db1")


@case
def show_current_namespace(spark):
    return spark.sql("SHOW CURRENT NAMESPACE")


@case
def show_catalogs(spark):
    return spark.sql("SHOW CATALOGS")


# --- DESCRIBE FUNCTION -------------------------------------------------------------------------


@case
def describe_function_shape(spark):
    df = spark.sql("DESCRIBE FUNCTION abs")
    rows = df.collect()
    return [df.schema.simpleString(), len(rows), rows[0][0]]


@case
def describe_function_extended_shape(spark):
    df = spark.sql("DESC FUNCTION EXTENDED upper")
    rows = df.collect()
    return [df.schema.simpleString(), len(rows), rows[0][0]]


@case
def describe_function_operator(spark):
    return spark.sql("DESCRIBE FUNCTION `+`").collect()[0][0]


@case
def describe_function_missing(spark):
    return spark.sql("DESCRIBE FUNCTION se_nosuch")


# --- SET / RESET ---------------------------------------------------------------------------------


@case
def set_time_zone_literal(spark):
    try:
        return spark.sql("SET TIME ZONE 'America/New_York'")
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


@case
def set_time_zone_then_read(spark):
    try:
        spark.sql("SET TIME ZONE 'Asia/Tokyo'")
        return spark.sql("SELECT current_timezone() AS z")
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


@case
def set_time_zone_offset(spark):
    try:
        return spark.sql("SET TIME ZONE '+02:00'")
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")


@case
def set_time_zone_invalid(spark):
    return spark.sql("SET TIME ZONE 'Not/AZone'")


@case
def set_key_with_spaces(spark):
    try:
        return spark.sql("SET spark.se.key = hello")
    finally:
        spark.conf.unset("spark.se.key")


@case
def set_then_reset_key(spark):
    spark.sql("SET spark.se.other=5")
    spark.sql("RESET spark.se.other")
    return spark.sql("SET spark.se.other")


@case
def reset_returns_nothing(spark):
    df = spark.sql("RESET spark.se.none")
    return [df.columns, df.count()]
