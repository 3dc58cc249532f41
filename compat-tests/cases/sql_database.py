"""Databases of the session catalog: CREATE/DROP DATABASE|SCHEMA [IF [NOT] EXISTS],
USE, SHOW DATABASES, `spark.catalog.databaseExists/listDatabases/setCurrentDatabase/
currentDatabase`, and Spark's errors (SCHEMA_ALREADY_EXISTS, SCHEMA_NOT_FOUND,
UNSUPPORTED_FEATURE.DROP_DATABASE). Every case drops what it made and goes back to
`default`."""

from harness import case


def _clean(spark, *names):
    spark.catalog.setCurrentDatabase("default")
    for n in names:
        spark.sql(f"DROP DATABASE IF EXISTS {n}")


@case
def create_and_show(spark):
    _clean(spark, "sd_a")
    spark.sql("CREATE DATABASE sd_a")
    try:
        return [r.namespace for r in spark.sql("SHOW DATABASES").collect()]
    finally:
        _clean(spark, "sd_a")


@case
def create_returns_empty_frame(spark):
    _clean(spark, "sd_b")
    try:
        return spark.sql("CREATE DATABASE sd_b")
    finally:
        _clean(spark, "sd_b")


@case
def create_twice_fails(spark):
    _clean(spark, "sd_c")
    spark.sql("CREATE DATABASE sd_c")
    try:
        return spark.sql("CREATE DATABASE sd_c")
    finally:
        _clean(spark, "sd_c")


@case
def create_if_not_exists_twice(spark):
    _clean(spark, "sd_d")
    spark.sql("CREATE DATABASE IF NOT EXISTS sd_d")
    spark.sql("CREATE DATABASE IF NOT EXISTS sd_d")
    try:
        return [r.namespace for r in spark.sql("SHOW DATABASES").collect()]
    finally:
        _clean(spark, "sd_d")


@case
def create_schema_name_is_lowercased(spark):
    _clean(spark, "sd_e")
    spark.sql("CREATE SCHEMA Sd_E")
    try:
        return [spark.catalog.databaseExists("sd_e"), spark.catalog.databaseExists("SD_E"), [d.name for d in spark.catalog.listDatabases()]]
    finally:
        _clean(spark, "sd_e")


@case
def database_exists(spark):
    return [spark.catalog.databaseExists("default"), spark.catalog.databaseExists("sd_never"),
            spark.catalog.databaseExists("global_temp")]


@case
def list_databases_pattern(spark):
    _clean(spark, "sd_f", "sd_g")
    spark.sql("CREATE DATABASE sd_f")
    spark.sql("CREATE DATABASE sd_g")
    try:
        return [[d.name for d in spark.catalog.listDatabases("sd*")], [d.name for d in spark.catalog.listDatabases("sd_f|def*")]]
    finally:
        _clean(spark, "sd_f", "sd_g")


@case
def list_databases_fields(spark):
    d = spark.catalog.listDatabases()[0]
    return [d.name, d.catalog, d.description]


@case
def use_and_current_database(spark):
    _clean(spark, "sd_h")
    spark.sql("CREATE DATABASE sd_h")
    try:
        spark.sql("USE sd_h")
        return spark.catalog.currentDatabase()
    finally:
        _clean(spark, "sd_h")


@case
def set_current_database(spark):
    _clean(spark, "sd_i")
    spark.sql("CREATE DATABASE sd_i")
    try:
        spark.catalog.setCurrentDatabase("sd_i")
        first = spark.catalog.currentDatabase()
        spark.catalog.setCurrentDatabase("default")
        return [first, spark.catalog.currentDatabase()]
    finally:
        _clean(spark, "sd_i")


@case
def use_missing_database(spark):
    return spark.sql("USE sd_nope")


@case
def set_current_missing_database(spark):
    return spark.catalog.setCurrentDatabase("sd_nope")


@case
def drop_database(spark):
    _clean(spark, "sd_j")
    spark.sql("CREATE DATABASE sd_j")
    spark.sql("DROP DATABASE sd_j")
    return spark.catalog.databaseExists("sd_j")


@case
def drop_missing_database(spark):
    return spark.sql("DROP DATABASE sd_nope")


@case
def drop_if_exists_missing(spark):
    return spark.sql("DROP DATABASE IF EXISTS sd_nope")


@case
def drop_schema_cascade(spark):
    _clean(spark, "sd_k")
    spark.sql("CREATE SCHEMA sd_k")
    spark.sql("DROP SCHEMA sd_k CASCADE")
    return [r.namespace for r in spark.sql("SHOW SCHEMAS").collect()]


@case
def drop_default_database(spark):
    return spark.sql("DROP DATABASE default")


@case
def temp_views_are_seen_from_any_database(spark):
    _clean(spark, "sd_l")
    spark.createDataFrame([(1,)], "x int").createOrReplaceTempView("sd_view")
    spark.sql("CREATE DATABASE sd_l")
    try:
        spark.sql("USE sd_l")
        return spark.sql("SELECT x FROM sd_view")
    finally:
        _clean(spark, "sd_l")
