"""``pyspark.sql.catalog``: the session catalog — temporary views now; databases,
tables and functions as the SQL work brings them."""

from typing import Any, List, NamedTuple, Optional

from pyrust.errors import AnalysisException, ParseException, not_implemented
from pyrust.sql._conf_checks import check_str  # names PySpark hands to the JVM unchecked

_GLOBAL_TEMP = "global_temp"


def _check_name(name: str) -> None:
    """Spark parses a database name before it looks for it: nothing is no name."""
    if isinstance(name, str) and not name.strip():
        raise ParseException(
            errorClass="PARSE_EMPTY_STATEMENT",
            messageParameters={},
            message=f"Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 0)\n\n== SQL ==\n{name}\n^^^\n",
        )

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
        check_str(dbName, "dbName")
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
        check_str(dbName, "dbName")
        _check_name(dbName)
        return dbName.lower() in self._native.list_databases()

    def listTables(self, dbName: Optional[str] = None, pattern: Optional[str] = None) -> List[Table]:
        import fnmatch

        if dbName is not None and dbName.lower() not in self._native.list_databases() + [_GLOBAL_TEMP]:
            raise AnalysisException(errorClass="SCHEMA_NOT_FOUND", messageParameters={"schemaName": f"`spark_catalog`.`{dbName}`"})
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
        check_str(tableName, "tableName")
        name = f"{dbName}.{tableName}" if dbName else tableName
        try:
            self._spark.table(name)
            return True
        except ParseException:
            raise  # Spark parses the name first
        except Exception:
            return False

    def dropTempView(self, viewName: str) -> bool:
        check_str(viewName, "viewName")
        return self._native.drop_temp_view(viewName, False)

    def dropGlobalTempView(self, viewName: str) -> bool:
        check_str(viewName, "viewName")
        return self._native.drop_temp_view(viewName, True)

    def isCached(self, tableName: str) -> bool:
        self._spark.table(tableName)  # Spark's error for a name that is no table or view
        return False

    def clearCache(self) -> None:
        self._native.clear_cache()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        raise not_implemented(f"Catalog.{name}")
