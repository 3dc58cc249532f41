"""``pyspark.sql.catalog``: the session catalog — temporary views now; databases,
tables and functions as the SQL work brings them."""

import warnings
from typing import Any, Callable, List, NamedTuple, Optional

from pyrust import _native
from pyrust.errors import AnalysisException, ParseException, not_implemented
from pyrust.sql.types import StructType
from pyrust.sql._args import path_arg
from pyrust.sql._conf_checks import check_str  # names PySpark hands to the JVM unchecked

_GLOBAL_TEMP = "global_temp"


def _check_name(name: str) -> None:
    """Spark parses a database name before it looks for it: nothing is no name."""
    if isinstance(name, str) and not name.strip():
        _native.multipart_name(name)  # raises Spark's PARSE_EMPTY_STATEMENT

__all__ = ["Catalog", "CatalogMetadata", "Database", "Table", "Column", "Function"]


def _like(pattern: str, name: str) -> bool:
    """Spark's table-name patterns: alternatives split by `|`, `*` any text, case-insensitive."""
    import fnmatch

    return any(fnmatch.fnmatchcase(name.lower(), p.strip().lower()) for p in pattern.split("|"))


class CatalogMetadata(NamedTuple):
    name: str
    description: Optional[str]


class Database(NamedTuple):
    name: str
    catalog: Optional[str]
    description: Optional[str]
    locationUri: str


class Table(NamedTuple):
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    tableType: str
    isTemporary: bool

    @property
    def database(self) -> Optional[str]:
        return self.namespace[0] if self.namespace else None


class Column(NamedTuple):
    name: str
    description: Optional[str]
    dataType: str
    nullable: bool
    isPartition: bool
    isBucket: bool
    isCluster: bool


class Function(NamedTuple):
    name: str
    catalog: Optional[str]
    namespace: Optional[List[str]]
    description: Optional[str]
    className: str
    isTemporary: bool


class Catalog:
    """``spark.catalog``."""

    def __init__(self, spark: Any):
        self._spark = spark
        self._native = spark._native

    def currentCatalog(self) -> str:
        return "spark_catalog"

    def setCurrentCatalog(self, catalogName: str) -> None:
        check_str(catalogName, "catalogName")
        if catalogName != "spark_catalog":
            raise not_implemented("catalogs other than spark_catalog")

    def listCatalogs(self, pattern: Optional[str] = None) -> List[CatalogMetadata]:
        if pattern is not None:
            check_str(pattern, "pattern")
            if not _like(pattern, "spark_catalog"):
                return []
        return [CatalogMetadata("spark_catalog", None)]

    def currentDatabase(self) -> str:
        return self._native.current_database()

    def setCurrentDatabase(self, dbName: str) -> None:
        check_str(dbName, "dbName")
        _check_name(dbName)
        self._native.set_current_database(dbName)

    def listDatabases(self, pattern: Optional[str] = None) -> List[Database]:
        import fnmatch
        import os

        if pattern is not None:
            check_str(pattern, "pattern")
        warehouse = "file:" + os.path.join(os.getcwd(), "spark-warehouse")
        out = []
        for name in self._native.list_databases():
            # Spark's pattern: alternatives split by `|`, `*` any text.
            if pattern is not None and not any(fnmatch.fnmatchcase(name, p.strip().lower()) for p in pattern.split("|")):
                continue
            default = name == "default"
            out.append(Database(name, "spark_catalog", "default database" if default else "",
                                warehouse if default else f"{warehouse}/{name}.db"))
        return out

    def databaseExists(self, dbName: str) -> bool:
        check_str(dbName, "dbName")
        _check_name(dbName)
        return dbName.lower() in self._native.list_databases()

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        for name, value in (("dbName", dbName), ("pattern", pattern)):
            if value is not None:
                check_str(value, name)
        if dbName is not None:
            _check_name(dbName)
        db = dbName
        if db is not None and db.lower().startswith("spark_catalog."):
            db = db.split(".", 1)[1]
        if db is not None and db.strip("`").lower() not in self._native.list_databases() + [_GLOBAL_TEMP]:
            raise _schema_not_found(dbName)
        tables = []
        if db is None or db.strip("`").lower() != "global_temp":
            for name, database, table_type in self._native.list_tables(db):
                tables.append(Table(name, "spark_catalog", [database], None, table_type, False))
        for name, database, temporary in self._native.list_views():
            if database is not None and (db or "").lower() != database:
                continue
            namespace = [database] if database else []
            tables.append(Table(name, None, namespace, None, "TEMPORARY", temporary))
        if pattern is not None:
            tables = [t for t in tables if _like(pattern, t.name)]
        return tables

    def _temp_view(self, tableName: str) -> Optional[Any]:
        """The DataFrame of a temporary view named so, or None."""
        parts = tableName.split(".")
        if len(parts) == 1 or (len(parts) == 2 and parts[0].lower() == "global_temp"):
            if self._native.table_info(tableName) is None or len(parts) == 2:
                try:
                    return self._spark.table(tableName)
                except Exception:
                    return None
        return None

    def getTable(self, tableName: str) -> Table:
        check_str(tableName, "tableName")
        view = self._temp_view(tableName)
        if view is not None:
            parts = tableName.split(".")
            namespace = [parts[0].lower()] if len(parts) == 2 else []
            return Table(parts[-1], None, namespace, None, "TEMPORARY", True)
        info = self._native.table_info(tableName)
        if info is None:
            self._spark.table(tableName)  # raises Spark's TABLE_OR_VIEW_NOT_FOUND
            raise not_implemented("Catalog.getTable of this relation")
        name, database, table_type, _ = info
        return Table(name, "spark_catalog", [database], None, table_type, False)

    def listColumns(self, tableName: str, dbName: Optional[str] = None) -> List[Column]:
        check_str(tableName, "tableName")
        if dbName is not None:
            import warnings

            warnings.warn("`dbName` has been deprecated since Spark 3.4 and might be removed in a future version. "
                          "Use listColumns(`dbName.tableName`) instead.", FutureWarning)
            tableName = f"{dbName}.{tableName}"
        view = self._temp_view(tableName)
        if view is not None:
            return [Column(f.name, None, f.dataType.simpleString(), f.nullable, False, False, False) for f in view.schema.fields]
        info = self._native.table_info(tableName)
        if info is None:
            self._spark.table(tableName)  # raises Spark's TABLE_OR_VIEW_NOT_FOUND
            raise not_implemented("Catalog.listColumns of this relation")
        return [Column(n, None, t, nullable, part, False, False) for n, t, nullable, part in info[3]]

    def tableExists(self, tableName: str, dbName: Optional[str] = None) -> bool:
        check_str(tableName, "tableName")
        name = f"{dbName}.{tableName}" if dbName else tableName
        try:
            self._spark.table(name)
            return True
        except ParseException:
            raise  # Spark parses the name first
        except Exception:
            return False

    def createTable(self, tableName: str, path: Optional[str] = None, source: Optional[str] = None,
                    schema: Optional[StructType] = None, description: Optional[str] = None, **options: str) -> Any:
        from pyrust.errors import PySparkTypeError

        if path is not None:
            path_arg(path)
        if description is not None:
            check_str(description, "description")
        if schema is not None and not isinstance(schema, StructType):
            raise PySparkTypeError(errorClass="NOT_STRUCT",
                                   messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__})
        self._native.create_table(tableName, path, source or "parquet", schema.json() if schema is not None else None,
                                  {k: str(v) for k, v in options.items()})
        return self._spark.table(tableName)

    def createExternalTable(self, tableName: str, path: Optional[str] = None, source: Optional[str] = None,
                            schema: Optional[StructType] = None, **options: str) -> Any:
        import warnings

        warnings.warn("createExternalTable is deprecated since Spark 2.2, please use createTable instead.", FutureWarning)
        return self.createTable(tableName, path, source, schema, **options)

    def _cached(self) -> set:
        if not hasattr(self._spark, "_cached_tables"):
            self._spark._cached_tables = set()
        return self._spark._cached_tables

    @staticmethod
    def _key(tableName: str) -> str:
        return tableName.replace("`", "").lower()

    def isCached(self, tableName: str) -> bool:
        self._spark.table(tableName)  # Spark's TABLE_OR_VIEW_NOT_FOUND for an unknown name
        return self._key(tableName) in self._cached()

    def cacheTable(self, tableName: str, storageLevel: Optional[Any] = None) -> None:
        # PyRust reads a table's files afresh each time, which is the answer a cached
        # table gives; the name is remembered for isCached.
        self._spark.table(tableName)
        self._cached().add(self._key(tableName))

    def uncacheTable(self, tableName: str) -> None:
        self._spark.table(tableName)
        self._cached().discard(self._key(tableName))

    def refreshTable(self, tableName: str) -> None:
        self._spark.table(tableName)

    def refreshByPath(self, path: str) -> None:
        path_arg(path)
        check_str(path, "path")

    def recoverPartitions(self, tableName: str) -> None:
        from pyrust.errors import AnalysisException

        info = self._native.table_info(tableName)
        if info is None:
            self._spark.table(tableName)
            raise not_implemented("Catalog.recoverPartitions of a view")
        if not any(part for _, _, _, part in info[3]):
            raise AnalysisException(errorClass="NOT_A_PARTITIONED_TABLE", messageParameters={
                "operation": "ALTER TABLE RECOVER PARTITIONS", "tableIdentWithDB": f"`spark_catalog`.`{info[1]}`.`{info[0]}`"})
        # A partitioned table's partitions are the directories its scan discovers.

    def dropTempView(self, viewName: str) -> bool:
        check_str(viewName, "viewName")
        return self._native.drop_temp_view(viewName, False)

    def dropGlobalTempView(self, viewName: str) -> bool:
        check_str(viewName, "viewName")
        return self._native.drop_temp_view(viewName, True)

    def getDatabase(self, dbName: str) -> Database:
        check_str(dbName, "dbName")
        _check_name(dbName)
        name = dbName.split(".")[-1] if dbName.lower().startswith("spark_catalog.") else dbName
        for database in self.listDatabases():
            if database.name == name.lower():
                return database
        raise _schema_not_found(name)

    # --- functions: the built-ins of the registry and the functions registered with
    # spark.udf.register, all temporary without a catalog or namespace as Spark lists
    # them. PyRust has no JVM classes nor Spark's usage texts: className names the
    # registry's family (`pyrust.Math`), description is None.
    def _functions(self) -> List[Function]:
        return [Function(name, None, None, None, className or "pyrust.PythonUDF", True)
                for name, temporary, className in self._native.list_functions()]

    def listFunctions(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Function]:
        for name, value in (("dbName", dbName), ("pattern", pattern)):
            if value is not None:
                check_str(value, name)
        if dbName is not None:
            _check_name(dbName)
        if dbName is not None and dbName.lower() not in self._native.list_databases():
            raise _schema_not_found(dbName)
        functions = self._functions()
        if pattern is not None:
            from pyrust import _native

            functions = [f for f in functions if _native.sql_pattern_matches(f.name, pattern)]
        return functions

    def functionExists(self, functionName: str, dbName: Optional[str] = None) -> bool:
        check_str(functionName, "functionName")
        _check_name(functionName)
        if dbName is not None:
            check_str(dbName, "dbName")
        if dbName is not None:
            warnings.warn(
                "`dbName` has been deprecated since Spark 3.4 and might be removed in "
                "a future version. Use functionExists(`dbName.tableName`) instead.",
                FutureWarning,
            )
            return False  # no persistent functions in a database
        if "." in functionName:
            return False
        return any(f.name == functionName.lower() for f in self._functions())

    def getFunction(self, functionName: str) -> Function:
        check_str(functionName, "functionName")
        _check_name(functionName)
        for f in self._functions():
            if "." not in functionName and f.name == functionName.lower():
                return f._replace(name=functionName)  # Spark keeps the name as written
        from pyrust.errors import AnalysisException

        path = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"
        raise AnalysisException(errorClass="UNRESOLVED_ROUTINE",
                                messageParameters={"routineName": f"`{functionName}`", "searchPath": path})

    def registerFunction(self, name: str, f: Callable[..., Any], returnType: Optional[Any] = None) -> Any:
        warnings.warn("Deprecated in 2.3.0. Use spark.udf.register instead.", FutureWarning)
        return self._spark.udf.register(name, f, returnType)

    def clearCache(self) -> None:
        self._cached().clear()
        self._native.clear_cache()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise not_implemented(f"Catalog.{name}")


def _schema_not_found(name: str) -> Any:
    return AnalysisException(errorClass="SCHEMA_NOT_FOUND", messageParameters={"schemaName": f"`spark_catalog`.`{name}`"})
