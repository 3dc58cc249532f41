"""``pyspark.sql.catalog``: the session catalog — temporary views now; databases,
tables and functions as the SQL work brings them."""

import warnings
from typing import Any, Callable, List, NamedTuple, Optional

from pyrust.errors import not_implemented

__all__ = ["Catalog", "CatalogMetadata", "Database", "Table", "Column", "Function"]


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
        if catalogName != "spark_catalog":
            raise not_implemented("catalogs other than spark_catalog")

    def listCatalogs(self, pattern: Optional[str] = None) -> List[CatalogMetadata]:
        return [CatalogMetadata("spark_catalog", None)]

    def currentDatabase(self) -> str:
        return self._native.current_database()

    def setCurrentDatabase(self, dbName: str) -> None:
        self._native.set_current_database(dbName)

    def listDatabases(self, pattern: Optional[str] = None) -> List[Database]:
        import fnmatch
        import os

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
        return dbName.lower() in self._native.list_databases()

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        import fnmatch

        tables = []
        for name, database, temporary in self._native.list_views():
            if database is not None and (dbName or "").lower() != database:
                continue
            if pattern is not None and not fnmatch.fnmatch(name, pattern.replace("|", "*")):
                continue
            namespace = [database] if database else []
            tables.append(Table(name, None, namespace, None, "TEMPORARY", temporary))
        return tables

    def tableExists(self, tableName: str, dbName: Optional[str] = None) -> bool:
        name = f"{dbName}.{tableName}" if dbName else tableName
        try:
            self._spark.table(name)
            return True
        except Exception:
            return False

    def dropTempView(self, viewName: str) -> bool:
        return self._native.drop_temp_view(viewName, False)

    def dropGlobalTempView(self, viewName: str) -> bool:
        return self._native.drop_temp_view(viewName, True)

    def getDatabase(self, dbName: str) -> Database:
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
        if dbName is not None and dbName.lower() not in self._native.list_databases():
            raise _schema_not_found(dbName)
        functions = self._functions()
        if pattern is not None:
            from pyrust import _native

            functions = [f for f in functions if _native.sql_pattern_matches(f.name, pattern)]
        return functions

    def functionExists(self, functionName: str, dbName: Optional[str] = None) -> bool:
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

    def isCached(self, tableName: str) -> bool:
        return False

    def clearCache(self) -> None:
        self._native.clear_cache()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise not_implemented(f"Catalog.{name}")


def _schema_not_found(name: str) -> Any:
    from pyrust.errors import AnalysisException

    return AnalysisException(errorClass="SCHEMA_NOT_FOUND", messageParameters={"schemaName": f"`spark_catalog`.`{name}`"})
