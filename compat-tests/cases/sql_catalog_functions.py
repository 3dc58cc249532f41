"""`spark.catalog`'s function methods: listFunctions (with dbName and pattern),
functionExists, getFunction, registerFunction (deprecated alias of spark.udf.register),
and getDatabase. Spark lists built-ins as temporary functions without catalog or
namespace; their className (a JVM class) and description (Spark's usage text) are not
compared: PyRust names its registry's family and has no usage texts (semantics.md)."""

from harness import case


def _fields(f):
    return [f.name, f.catalog, f.namespace, f.isTemporary]


@case
def list_functions_some_builtins(spark):
    return [_fields(f) for f in spark.catalog.listFunctions() if f.name in ("abs", "+", "array_agg", "upper", "sum")]


@case
def list_functions_pattern(spark):
    return [_fields(f) for f in spark.catalog.listFunctions(pattern="date_*")]


@case
def list_functions_pattern_alternatives(spark):
    return [f.name for f in spark.catalog.listFunctions(pattern="sha*|md5")]


@case
def list_functions_pattern_no_match(spark):
    return spark.catalog.listFunctions(pattern="*not_existing_func*")


@case
def list_functions_with_udf(spark):
    spark.udf.register("cf_udf_one", lambda x: x, "int")
    return [_fields(f) for f in spark.catalog.listFunctions(pattern="cf_udf_o*")]


@case
def list_functions_db_default(spark):
    return [f.name for f in spark.catalog.listFunctions(dbName="default", pattern="upper|lower")]


@case
def list_functions_db_missing(spark):
    return spark.catalog.listFunctions(dbName="cf_nosuch_db")


@case
def list_functions_type(spark):
    f = spark.catalog.listFunctions(pattern="abs")[0]
    return [type(f).__name__, list(f._fields), isinstance(f.className, str)]


@case
def function_exists_builtin(spark):
    return [spark.catalog.functionExists("abs"), spark.catalog.functionExists("ABS"), spark.catalog.functionExists("explode")]


@case
def function_exists_missing(spark):
    return [spark.catalog.functionExists("cf_nosuch"), spark.catalog.functionExists("default.cf_nosuch"),
            spark.catalog.functionExists("spark_catalog.default.cf_nosuch")]


@case
def function_exists_udf(spark):
    spark.udf.register("cf_udf_two", lambda x: x, "int")
    return [spark.catalog.functionExists("cf_udf_two"), spark.catalog.functionExists("CF_UDF_TWO")]


@case
def function_exists_with_db_name(spark):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return spark.catalog.functionExists("abs", "default")


@case
def get_function_builtin(spark):
    return _fields(spark.catalog.getFunction("abs"))


@case
def get_function_upper_case_name(spark):
    return _fields(spark.catalog.getFunction("UPPER"))


@case
def get_function_udf(spark):
    spark.udf.register("cf_udf_three", lambda x: x, "int")
    return _fields(spark.catalog.getFunction("cf_udf_three"))


@case
def get_function_missing(spark):
    return spark.catalog.getFunction("cf_nosuch")


@case
def register_function_deprecated_alias(spark):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spark.catalog.registerFunction("cf_plus_one", lambda x: x + 1, "int")
    return [[str(w.category.__name__), str(w.message)] for w in caught] + [spark.sql("SELECT cf_plus_one(41) AS v").collect()[0].v]


@case
def get_database_default(spark):
    d = spark.catalog.getDatabase("default")
    return [d.name, d.catalog, d.description, d.locationUri.startswith("file:"), d.locationUri.endswith("spark-warehouse")]


@case
def get_database_missing(spark):
    return spark.catalog.getDatabase("cf_nosuch_db")


@case
def get_database_created(spark):
    spark.sql("CREATE DATABASE IF NOT EXISTS cf_db2")
    try:
        d = spark.catalog.getDatabase("cf_db2")
        return [d.name, d.catalog, d.locationUri.endswith("cf_db2.db")]
    finally:
        spark.sql("DROP DATABASE IF EXISTS cf_db2")
