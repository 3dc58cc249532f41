"""Hostile arguments to spark.catalog: wrong types, None, empty and unknown names,
from a table (see hostile_arguments_dataframe.py)."""

from harness import case


# (case name, what the case does with spark.catalog). What PySpark returns is the
# golden when it accepts the argument. Left out: names PySpark hands to the JVM
# unchecked, where its error is py4j's own (a NullPointerException for None,
# `Method tableExists([class java.lang.Integer]) does not exist` for an int), and
# setCurrentCatalog of an unknown catalog (CATALOG_NOT_FOUND inside a Py4JJavaError).
TABLE = [
    ("table_exists_empty", lambda c: c.tableExists("")),
    ("table_exists_unknown_database", lambda c: c.tableExists("t", "no_such_db_h")),
    ("database_exists_empty", lambda c: c.databaseExists("")),
    ("function_exists_unknown", lambda c: c.functionExists("no_such_function_h")),
    ("get_table_missing", lambda c: c.getTable("no_such_table_h")),
    ("get_database_missing", lambda c: c.getDatabase("no_such_db_h")),
    ("get_function_missing", lambda c: c.getFunction("no_such_function_h")),
    ("list_tables_unknown_database", lambda c: c.listTables("no_such_db_h")),
    ("list_columns_missing", lambda c: c.listColumns("no_such_table_h")),
    ("list_functions_unknown_database", lambda c: c.listFunctions("no_such_db_h")),
    ("set_current_database_missing", lambda c: c.setCurrentDatabase("no_such_db_h")),
    ("drop_temp_view_missing", lambda c: c.dropTempView("no_such_view_h")),
    ("drop_global_temp_view_missing", lambda c: c.dropGlobalTempView("no_such_view_h")),
    ("is_cached_missing", lambda c: c.isCached("no_such_table_h")),
    ("cache_table_missing", lambda c: c.cacheTable("no_such_table_h")),
    ("uncache_table_missing", lambda c: c.uncacheTable("no_such_table_h")),
    ("refresh_table_missing", lambda c: c.refreshTable("no_such_table_h")),
    ("recover_partitions_missing", lambda c: c.recoverPartitions("no_such_table_h")),
    ("create_table_schema_not_struct", lambda c: c.createTable("hostile_t", schema="id int")),
    ("create_table_schema_int", lambda c: c.createTable("hostile_t", schema=1)),
    ("create_external_table_schema_list", lambda c: c.createExternalTable("hostile_t", schema=["id"])),
    ("catalog_exists_none", lambda c: c.databaseExists("no_such_catalog_h.db")),
]


def _make(name, action):
    def run(spark):
        value = action(spark.catalog)
        return value if value is None or isinstance(value, (bool, str, int)) else repr(type(value).__name__)

    run.__name__ = name
    return run


for _name, _action in TABLE:
    case(_make(_name, _action))
