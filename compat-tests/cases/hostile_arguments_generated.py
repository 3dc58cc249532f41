"""Hostile arguments to every public method and function, generated from PySpark
4.0.1's signatures (`_pyspark_signatures.json`, written by scripts/pyspark_signatures.py):
for each parameter, one case per hostile kind its annotation makes wrong, the other
parameters held at valid values. The hand-written tables (hostile_arguments_*.py) keep
the cases that need more than one hostile argument or a hostile receiver.

Case names: `<owner>_<method>__<param>__<kind>`. Kinds (the sampling rule, which keeps
the table under 3,000 cases without dropping a family):
- every parameter: one *wrong type*: the first of int (`1`), str (`"1"`), list
  (`[1]`), dict (`{"k": 1}`), object (`object()`) its annotation does not admit
  (`object` for `Any`);
- `none` where the parameter is not Optional (no `Optional`/`None` in the
  annotation, no `None` default);
- `empty` (`""`) for a str parameter that is not a column, `[]` for a list one that
  is not a str; for `*args`, no argument at all;
- `negative` (-1) and `huge` (2**63) where an int is admitted and a str is not.
`**kwargs` parameters get none (their values are free-form options).

What is compared (`harness.compare`, kind "hostile"): where PySpark raises its own
check (an error class, an AssertionError, a converted JVM exception), PyRust must raise
the same class and condition (and parameters, for PySpark's own errors). Where PySpark
hands the argument to the JVM unchecked or fails by accident (Py4JError,
Py4JJavaError, `AttributeError: ... has no attribute '_jdf'`, a TypeError/ValueError
of its own code, all without an error class), the weaker rule "unchecked" holds: PyRust
must raise *some* error that is a PySpark error class, a TypeError/ValueError or the
same builtin class; never a success, a pyo3 argument-conversion TypeError, a panic or an
INTERNAL_ERROR. Where PySpark succeeds, the result is compared: a DataFrame's schema
(forcing analysis), a Column's type in a select, a plain value, or the type's name.
"""

import ast
import contextlib
import datetime
import io
import json
import os
import tempfile

from harness import case
from pyspark.sql import functions as F
from pyspark.sql import types as T

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "_pyspark_signatures.json")) as _f:
    SIGNATURES = json.load(_f)["members"]

# Not called: their valid call ends or replaces the session the suite shares.
SKIPPED = {
    "SparkSession.stop": "ends the shared session",
    "SparkSession.Builder.getOrCreate": "returns the shared session",
    "SparkSession.Builder.create": "starts a second session",
    "DataFrame.pandas_api": "pyspark.pandas does not import with the recording venv's pandas 3; PyRust has no pandas-on-Spark",
}

TABLE_NAME = "hostile_generated_t"
VIEW_NAME = "hostile_generated_v"
CONF_KEY = "spark.hostile.generated"


# ---------------------------------------------------------------- annotations


def admitted(ann: str):
    """The kinds of value a PySpark annotation admits."""
    a = ann or "Any"
    s = set()
    if a in ("Any", "Optional[Any]"):
        s.add("any")
    if any(t in a for t in ("ColumnOrName", "Column", "WindowSpec", "DataFrame", "GroupedData", "Observation",
                            "StructType", "DataType", "StorageLevel", "ResourceProfile", "SparkConf",
                            "Function", "Callable", "UserDefinedFunction", "RDD")):
        s.add("object")
    if any(t in a for t in ("ColumnOrName", "str", "DataTypeOrString", "LiteralType", "PrimitiveType")):
        s.add("str")
    if any(t in a for t in ("int", "float", "LiteralType", "PrimitiveType", "Ordinal", "DecimalLiteral")):
        s.add("int")
    if any(t in a for t in ("List", "Sequence", "Tuple", "Iterable", "ArrayLike", "list")):
        s.add("list")
    if any(t in a for t in ("Dict", "Mapping")):
        s.add("dict")
    if "column" in a.lower() and "ColumnOrName" not in a:
        s.add("column")
    if "ColumnOrName" in a:
        s.update({"column", "name"})
    return s


def optional(p) -> bool:
    a = p.get("annotation", "")
    return "Optional" in a or "NoneType" in a or p.get("default") == "None"


HOSTILE = {
    "int": lambda: 1,
    "str": lambda: "1",
    "list": lambda: [1],
    "dict": lambda: {"k": 1},
    "object": lambda: object(),
    "none": lambda: None,
    "negative": lambda: -1,
    "huge": lambda: 2**63,
}


def kinds(p):
    ok = admitted(p.get("annotation", ""))
    out = []
    wrong = "object" if "any" in ok else next((k for k in ("int", "str", "list", "dict", "object") if k not in ok), "object")
    out.append(wrong)
    if p["kind"] == "VAR_POSITIONAL":
        if "Optional" not in p.get("annotation", ""):
            out.append("none")
        out.append("empty")
        return out
    if not optional(p) and "any" not in ok:
        out.append("none")
    if "str" in ok and "name" not in ok and "object" not in ok:
        out.append("empty")
    elif "list" in ok and "str" not in ok:
        out.append("empty")
    if "int" in ok and "str" not in ok:
        out += ["negative", "huge"]
    return out


def hostile_value(kind, p):
    if kind == "empty":
        return "" if "str" in admitted(p.get("annotation", "")) else []
    return HOSTILE[kind]()


# ---------------------------------------------------------------- valid values


FAMILY_COLUMN = {
    "String Functions": "s", "Hash Functions": "s", "JSON Functions": "s", "CSV Functions": "s",
    "URL Functions": "s", "XML Functions": "s", "VARIANT Functions": "s", "Predicate Functions": "s",
    "Array Functions": "a", "Collection Functions": "a", "Generator Functions": "a",
    "Map Functions": "m", "Date and Timestamp Functions": "d", "Mathematical Functions": "x",
    "Aggregate Functions": "x", "Partition Transformation Functions": "d",
}
COLUMN_METHOD_COLUMN = {"contains": "s", "endswith": "s", "startswith": "s", "like": "s", "ilike": "s",
                        "rlike": "s", "substr": "s", "getItem": "a", "getField": "st", "withField": "st",
                        "dropFields": "st"}


class Ctx:
    """What a case works on: one small DataFrame, fixture files and a receiver."""

    def __init__(self, spark, key):
        self.spark = spark
        self.df = spark.createDataFrame(
            [(1, "abc", 2.5, [1, 2], {"k": 1}, datetime.date(2024, 1, 2), (1,))],
            "id int, s string, x double, a array<int>, m map<string,int>, d date, st struct<f:int>")
        self.key = key
        meta = SIGNATURES[key]
        self.owner, self.method = meta["owner"], meta["name"]
        if self.owner == "functions":
            self.column = FAMILY_COLUMN.get(meta.get("family"), "id")
        elif self.owner == "Column":
            self.column = COLUMN_METHOD_COLUMN.get(self.method, "id")
        else:
            self.column = "id"


_FIXTURES = {}


def fixture(fmt):
    """A one-row file of each format, written once per process."""
    if fmt not in _FIXTURES:
        root = tempfile.mkdtemp(prefix="pyrust-hostile-")
        path = os.path.join(root, f"data.{fmt}")
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.table({"id": [1], "s": ["a"]}), path)
        elif fmt == "orc":
            import pyarrow as pa
            import pyarrow.orc as po

            po.write_table(pa.table({"id": [1], "s": ["a"]}), path)
        else:
            text = {"csv": "id,s\n1,a\n", "json": '{"id":1,"s":"a"}\n', "text": "a\n",
                    "xml": "<rows><ROW><id>1</id></ROW></rows>\n"}[fmt]
            with open(path, "w") as f:
                f.write(text)
        _FIXTURES[fmt] = path
    return _FIXTURES[fmt]


def fresh_path():
    return os.path.join(tempfile.mkdtemp(prefix="pyrust-hostile-w-"), "out")


def _reader_path(c):
    return fixture({"load": "parquet", "jdbc": "csv"}.get(c.method, c.method))


def _callable_for(ann):
    n = ann.count("Column") - 1 if ann.startswith("Callable[[") else 1
    return [lambda x: x, lambda x, y: x, lambda x, y, z: x][max(0, min(n, 3) - 1)]


# Valid values by (owner.method, param), then (owner, param), then (param) alone.
VALID = {
    # functions whose valid call needs a particular argument
    "functions.aggregate.initialValue": lambda c: F.lit(0),
    "functions.aggregate.merge": lambda c: (lambda acc, x: acc + x),
    "functions.aggregate.finish": lambda c: (lambda acc: acc),
    "functions.reduce.initialValue": lambda c: F.lit(0),
    "functions.reduce.merge": lambda c: (lambda acc, x: acc + x),
    "functions.reduce.finish": lambda c: (lambda acc: acc),
    "functions.zip_with.right": lambda c: "a",
    "functions.map_zip_with.col2": lambda c: "m",
    "functions.from_json.schema": lambda c: "a int",
    "functions.from_csv.schema": lambda c: "a int",
    "functions.from_xml.schema": lambda c: "a int",
    "functions.window.timeColumn": lambda c: "d",
    "functions.window.windowDuration": lambda c: "1 day",
    "functions.session_window.timeColumn": lambda c: "d",
    "functions.session_window.gapDuration": lambda c: "1 day",
    "functions.when.condition": lambda c: F.col("id") > 0,
    "functions.expr.str": lambda c: "id + 1",
    "functions.udf.returnType": lambda c: "int",
    "functions.pandas_udf.returnType": lambda c: "int",
    "functions.call_function.funcName": lambda c: "abs",
    "functions.call_udf.udfName": lambda c: "abs",
    "functions.sha2.numBits": lambda c: 256,
    "functions.format_string.format": lambda c: "%s",
    "functions.printf.format": lambda c: "%s",
    "functions.date_format.format": lambda c: "yyyy",
    "functions.to_date.format": lambda c: "yyyy-MM-dd",
    "functions.to_timestamp.format": lambda c: "yyyy-MM-dd",
    "functions.date_trunc.format": lambda c: "year",
    "functions.trunc.format": lambda c: "year",
    "functions.json_tuple.fields": lambda c: "a",
    "functions.get_json_object.path": lambda c: "$.a",
    "functions.percentile_approx.percentage": lambda c: 0.5,
    "functions.percentile.percentage": lambda c: 0.5,
    "functions.convert_timezone.sourceTz": lambda c: F.lit("UTC"),
    "functions.convert_timezone.targetTz": lambda c: F.lit("UTC"),
    "functions.from_utc_timestamp.tz": lambda c: "UTC",
    "functions.to_utc_timestamp.tz": lambda c: "UTC",
    "functions.broadcast.df": lambda c: c.df,
    "functions.lit.col": lambda c: 1,
    "functions.typedLit.col": lambda c: 1,
    "functions.grouping.col": lambda c: "id",
    # classes
    "Column.when.condition": lambda c: F.col("id") > 0,
    "Column.withField.fieldName": lambda c: "g",
    "Column.withField.col": lambda c: F.lit(1),
    "Column.dropFields.fieldNames": lambda c: "f",
    "Column.getField.name": lambda c: "f",
    "Column.getItem.key": lambda c: 0,
    "Column.cast.dataType": lambda c: "string",
    "Column.try_cast.dataType": lambda c: "string",
    "Column.astype.dataType": lambda c: "string",
    "Column.over.window": lambda c: _window().orderBy("id"),
    "Column.like.other": lambda c: "a%",
    "Column.ilike.other": lambda c: "a%",
    "Column.rlike.other": lambda c: "a",
    "DataFrame.filter.condition": lambda c: "id > 0",
    "DataFrame.where.condition": lambda c: "id > 0",
    "DataFrame.agg.exprs": lambda c: F.count("id"),
    "DataFrame.approxQuantile.col": lambda c: "x",
    "DataFrame.approxQuantile.probabilities": lambda c: [0.5],
    "DataFrame.approxQuantile.relativeError": lambda c: 0.1,
    "DataFrameStatFunctions.approxQuantile.col": lambda c: "x",
    "DataFrameStatFunctions.approxQuantile.probabilities": lambda c: [0.5],
    "DataFrameStatFunctions.approxQuantile.relativeError": lambda c: 0.1,
    "DataFrame.corr.col2": lambda c: "x",
    "DataFrame.cov.col2": lambda c: "x",
    "DataFrame.crosstab.col2": lambda c: "s",
    "DataFrameStatFunctions.corr.col2": lambda c: "x",
    "DataFrameStatFunctions.cov.col2": lambda c: "x",
    "DataFrameStatFunctions.crosstab.col2": lambda c: "s",
    "DataFrame.fillna.value": lambda c: 0,
    "DataFrameNaFunctions.fill.value": lambda c: 0,
    "DataFrame.replace.to_replace": lambda c: 1,
    "DataFrame.replace.value": lambda c: 2,
    "DataFrameNaFunctions.replace.to_replace": lambda c: 1,
    "DataFrameNaFunctions.replace.value": lambda c: 2,
    "DataFrame.sampleBy.fractions": lambda c: {1: 0.5},
    "DataFrameStatFunctions.sampleBy.fractions": lambda c: {1: 0.5},
    "DataFrame.sample.withReplacement": lambda c: 0.5,
    "DataFrame.randomSplit.weights": lambda c: [1.0, 1.0],
    "DataFrame.withColumn.col": lambda c: F.lit(1),
    "DataFrame.withColumns.colsMap": lambda c: {"y": F.lit(1)},
    "DataFrame.withColumnsRenamed.colsMap": lambda c: {"id": "y"},
    "DataFrame.withMetadata.metadata": lambda c: {"k": "v"},
    "DataFrame.to.schema": lambda c: T.StructType([T.StructField("id", T.LongType())]),
    "DataFrame.groupingSets.groupingSets": lambda c: [["id"]],
    "DataFrame.observe.observation": lambda c: "hostile_obs",
    "DataFrame.observe.exprs": lambda c: F.count(F.lit(1)),
    "DataFrame.mergeInto.condition": lambda c: F.lit(True),
    "DataFrame.transform.func": lambda c: (lambda df, *a, **k: df),
    "DataFrame.foreach.f": lambda c: (lambda row: None),
    "DataFrame.foreachPartition.f": lambda c: (lambda rows: None),
    "DataFrame.mapInPandas.func": lambda c: (lambda it: it),
    "DataFrame.mapInArrow.func": lambda c: (lambda it: it),
    "DataFrame.mapInPandas.schema": lambda c: "id int",
    "DataFrame.mapInArrow.schema": lambda c: "id int",
    "DataFrame.hint.name": lambda c: "broadcast",
    "DataFrame.summary.statistics": lambda c: "count",
    "DataFrame.explain.mode": lambda c: "simple",
    "DataFrame.selectExpr.expr": lambda c: "id",
    "DataFrame.dropna.how": lambda c: "any",
    "DataFrameNaFunctions.drop.how": lambda c: "any",
    "DataFrame.join.how": lambda c: "inner",
    "DataFrame.join.on": lambda c: "id",
    "DataFrame.lateralJoin.how": lambda c: "inner",
    "DataFrame.unpivot.values": lambda c: ["x"],
    "DataFrame.melt.values": lambda c: ["x"],
    "DataFrame.unpivot.ids": lambda c: "id",
    "DataFrame.melt.ids": lambda c: "id",
    "DataFrame.colRegex.colName": lambda c: "`id`",
    "DataFrame.metadataColumn.colName": lambda c: "id",
    "GroupedData.agg.exprs": lambda c: F.count("id"),
    "GroupedData.pivot.pivot_col": lambda c: "s",
    "GroupedData.pivot.values": lambda c: ["abc"],
    "GroupedData.cogroup.other": lambda c: c.df.groupBy("id"),
    "GroupedData.applyInPandas.func": lambda c: (lambda pdf: pdf),
    "GroupedData.applyInArrow.func": lambda c: (lambda t: t),
    "GroupedData.applyInPandas.schema": lambda c: "id int",
    "GroupedData.applyInArrow.schema": lambda c: "id int",
    "GroupedData.apply.udf": lambda c: F.pandas_udf(lambda pdf: pdf, "id int", F.PandasUDFType.GROUPED_MAP),
    "GroupedData.avg.cols": lambda c: "x",
    "GroupedData.mean.cols": lambda c: "x",
    "GroupedData.sum.cols": lambda c: "x",
    "GroupedData.max.cols": lambda c: "x",
    "GroupedData.min.cols": lambda c: "x",
    "Window.rangeBetween.end": lambda c: 0,
    "Window.rowsBetween.end": lambda c: 0,
    "WindowSpec.rangeBetween.end": lambda c: 0,
    "WindowSpec.rowsBetween.end": lambda c: 0,
    "DataFrameReader.format.source": lambda c: "csv",
    "DataFrameReader.option.key": lambda c: "header",
    "DataFrameReader.option.value": lambda c: "true",
    "DataFrameReader.schema.schema": lambda c: "id int",
    "DataFrameReader.jdbc.url": lambda c: "jdbc:hostile:nothing",
    "DataFrameReader.jdbc.table": lambda c: "t",
    "DataFrameWriter.format.source": lambda c: "parquet",
    "DataFrameWriter.option.key": lambda c: "compression",
    "DataFrameWriter.option.value": lambda c: "none",
    "DataFrameWriter.mode.saveMode": lambda c: "overwrite",
    "DataFrameWriter.bucketBy.numBuckets": lambda c: 2,
    "DataFrameWriter.insertInto.tableName": lambda c: TABLE_NAME,
    "DataFrameWriter.saveAsTable.name": lambda c: TABLE_NAME,
    "DataFrameWriter.jdbc.url": lambda c: "jdbc:hostile:nothing",
    "DataFrameWriter.jdbc.table": lambda c: "t",
    "DataFrameWriterV2.using.provider": lambda c: "parquet",
    "DataFrameWriterV2.option.key": lambda c: "compression",
    "DataFrameWriterV2.option.value": lambda c: "none",
    "DataFrameWriterV2.tableProperty.property": lambda c: "k",
    "DataFrameWriterV2.tableProperty.value": lambda c: "v",
    "DataFrameWriterV2.overwrite.condition": lambda c: F.lit(True),
    "SparkSession.createDataFrame.data": lambda c: [(1,)],
    "SparkSession.createDataFrame.schema": lambda c: "id int",
    "SparkSession.sql.sqlQuery": lambda c: "SELECT 1",
    "SparkSession.range.start": lambda c: 0,
    "SparkSession.range.end": lambda c: 2,
    "SparkSession.table.tableName": lambda c: TABLE_NAME,
    "SparkSession.Builder.config.key": lambda c: CONF_KEY,
    "SparkSession.Builder.config.value": lambda c: "1",
    "SparkSession.Builder.master.master": lambda c: "local[1]",
    "SparkSession.Builder.remote.url": lambda c: "sc://localhost",
    "RuntimeConfig.set.key": lambda c: CONF_KEY,
    "RuntimeConfig.set.value": lambda c: "1",
    "RuntimeConfig.get.key": lambda c: "spark.sql.ansi.enabled",  # set in neither harness's session
    "RuntimeConfig.isModifiable.key": lambda c: "spark.sql.session.timeZone",
    "RuntimeConfig.unset.key": lambda c: CONF_KEY,
    "Catalog.registerFunction.f": lambda c: (lambda x: x),
    "Catalog.registerFunction.name": lambda c: "hostile_generated_f",
    "Catalog.setCurrentCatalog.catalogName": lambda c: "spark_catalog",
    "Catalog.createTable.source": lambda c: "parquet",
    "Catalog.createExternalTable.source": lambda c: "parquet",
    "Catalog.createTable.schema": lambda c: T.StructType([T.StructField("id", T.IntegerType())]),
    "Catalog.createExternalTable.schema": lambda c: T.StructType([T.StructField("id", T.IntegerType())]),
    "Catalog.createTable.path": lambda c: fresh_path(),
    "Catalog.createExternalTable.path": lambda c: fresh_path(),
}

BY_NAME = {
    "dbName": "default", "tableName": TABLE_NAME, "viewName": VIEW_NAME, "functionName": "abs",
    "name": VIEW_NAME, "table": TABLE_NAME, "pattern": "*", "description": "d", "tag": "hostile_tag",
    "op_id": "1", "alias": "y", "colName": "y", "existing": "id", "new": "y", "columnName": "id",
    "variableColumnName": "k", "valueColumnName": "v", "fieldName": "f", "format": "yyyy-MM-dd",
    "numPartitions": 2, "num": 1, "n": 1, "seed": 1, "days": 1, "months": 1, "numBits": 256,
    "len": 1, "pos": 1, "length": 1, "startPos": 1, "count": 1, "scale": 1, "offset": 1, "start": 0,
    "end": 0, "step": 1, "level": 1, "limit": 1, "idx": 1, "index": 1, "numBuckets": 2,
    "returnType": "int", "schema": "id int", "options": {}, "tz": "UTC", "timezone": "UTC",
    "lowerBound": 0, "upperBound": 2, "delimiter": ",", "sep": ",", "pattern_": "a",
}


def _window():
    from pyspark.sql.window import Window

    return Window


def valid(c, p):
    """A value for parameter `p` that a valid call of `c`'s method would pass."""
    for key in (f"{c.key}.{p['name']}", f"{c.owner}.{p['name']}"):
        if key in VALID:
            return VALID[key](c)
    name, ann = p["name"], p.get("annotation", "")
    if c.owner == "DataFrameReader" and name in ("path", "paths"):
        return _reader_path(c)
    if c.owner in ("DataFrameWriter", "Catalog") and name == "path":
        return fresh_path()
    ok = admitted(ann)
    if "Callable" in ann or "Function" in ann:
        return _callable_for(ann)
    if ann == "DataFrame":
        return c.df
    if "WindowSpec" in ann:
        return _window().orderBy("id")
    if name in BY_NAME and "name" not in ok:
        return BY_NAME[name]
    if "name" in ok or ann in ("Column", "Optional[Column]") or ("column" in ok and "str" not in ok and "int" not in ok):
        return c.column if "name" in ok or "str" in ok else F.col(c.column)
    if "column" in ok and "int" in ok:
        return 1
    if "int" in ok and "str" not in ok:
        return 1
    if ann.startswith("Dict") or ann.startswith("Optional[Dict") or ann.startswith("Optional[Mapping"):
        return {}
    if "list" in ok and "str" not in ok:
        return [c.column]
    if "bool" in ann:
        return True
    if "str" in ok:
        return "a"
    return 1


# ---------------------------------------------------------------- the call


def receiver(c):
    s, df, o = c.spark, c.df, c.owner
    if o == "functions":
        return F
    if o == "DataFrame":
        return df
    if o == "Column":
        return F.col(c.column)
    if o == "GroupedData":
        return df.groupBy("id")
    if o == "DataFrameNaFunctions":
        return df.na
    if o == "DataFrameStatFunctions":
        return df.stat
    if o == "Window":
        return _window()
    if o == "WindowSpec":
        return _window().partitionBy("id")
    if o == "DataFrameReader":
        return s.read
    if o == "DataFrameWriter":
        return df.write
    if o == "DataFrameWriterV2":
        return df.writeTo(TABLE_NAME)
    if o == "SparkSession":
        return s
    if o == "SparkSession.Builder":
        return type(s).Builder()  # a builder of its own: the shared one keeps its options
    if o == "RuntimeConfig":
        return s.conf
    if o == "Catalog":
        return s.catalog
    raise AssertionError(o)


def arguments(c, params, target, kind):
    """Positional and keyword arguments: the params before `target` at valid values (or
    their defaults when optional), `target` hostile, required params after it valid."""
    args, kwargs = [], {}
    passed_target = False
    for p in params:
        is_target = p is target
        if p["kind"] == "VAR_KEYWORD":
            continue
        if p["kind"] == "VAR_POSITIONAL":
            if is_target:
                if kind != "empty":
                    args.append(hostile_value(kind, p))
            elif not passed_target or not _has_default(p):
                args.append(valid(c, p))
            passed_target = passed_target or is_target
            continue
        if is_target:
            value = hostile_value(kind, p)
        elif passed_target and _has_default(p):
            continue
        else:
            value = before_target(c, p)
        if p["kind"] == "KEYWORD_ONLY":
            kwargs[p["name"]] = value
        else:
            args.append(value)
        passed_target = passed_target or is_target
    return args, kwargs


def before_target(c, p):
    """A parameter before the hostile one: its PySpark default where it has a literal
    one (and no override), else a valid value."""
    if "default" in p and f"{c.key}.{p['name']}" not in VALID:
        try:
            return ast.literal_eval(p["default"])
        except (ValueError, SyntaxError):
            pass
    return valid(c, p)


def _has_default(p):
    return "default" in p or p["kind"] == "VAR_POSITIONAL"


def settle(v, c):
    """What a user observes of a result, with analysis forced."""
    if type(v).__name__ == "DataFrame" and hasattr(v, "schema") and hasattr(v, "collect"):
        return {"DataFrame": v.schema.simpleString()}
    name = type(v).__name__
    if name == "Column":
        schema = c.df.select(v).schema
        if c.method in RANDOM:  # the name holds a seed drawn at random
            return {"Column": schema.fields[0].dataType.simpleString()}
        return {"Column": schema.simpleString()}
    if name == "WindowSpec":
        return {"WindowSpec": c.df.select(F.count(F.lit(1)).over(v)).schema.simpleString()}
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list) and all(x is None or isinstance(x, (bool, int, float, str, tuple)) for x in v):
        return v
    return {"type": name}


# Functions whose column name holds a seed drawn when the call is made.
RANDOM = {"rand", "randn", "randstr", "uniform", "shuffle"}

# Results that name the engine (a plan hash) rather than the argument.
TYPE_ONLY = {"DataFrame.semanticHash", "DataFrame.inputFiles"}


def cleanup(c):
    s = c.spark
    if c.owner in ("DataFrame", "Catalog"):
        for drop in (s.catalog.dropTempView, s.catalog.dropGlobalTempView):
            with contextlib.suppress(Exception):
                drop(VIEW_NAME)
    if c.owner in ("DataFrameWriter", "DataFrameWriterV2", "Catalog"):
        with contextlib.suppress(Exception):
            s.sql(f"DROP TABLE IF EXISTS {TABLE_NAME}")
        with contextlib.suppress(Exception):
            s.sql("DROP FUNCTION IF EXISTS hostile_generated_f")
    if c.owner in ("RuntimeConfig",):
        with contextlib.suppress(Exception):
            s.conf.unset(CONF_KEY)
    if c.key in ("SparkSession.addTag", "SparkSession.removeTag"):
        with contextlib.suppress(Exception):
            s.clearTags()


class GeneratorBug(BaseException):
    """Not an observation: stops the run (run_case records only Exceptions)."""


def _make(key, target, kind):
    def run(spark):
        c = Ctx(spark, key)
        params = SIGNATURES[key]["params"]
        target_p = next(p for p in params if p["name"] == target)
        try:
            try:  # the valid part of the call must not fail: that is the table's bug
                args, kwargs = arguments(c, params, target_p, kind)
                owner = receiver(c)
            except Exception as e:
                raise GeneratorBug(f"{key}.{target} ({kind}): {e!r}") from e
            with contextlib.redirect_stdout(io.StringIO()):
                result = getattr(owner, c.method)(*args, **kwargs)
                if c.key in TYPE_ONLY:
                    return {"type": type(result).__name__}
                return settle(result, c)
        finally:
            cleanup(c)

    return run


def case_name(key, target, kind):
    owner, _, method = key.rpartition(".")
    owner = {"SparkSession.Builder": "Builder"}.get(owner, owner)
    return f"{owner.replace('.', '_')}_{method}__{target}__{kind}"


GENERATED = []
for _key, _meta in sorted(SIGNATURES.items()):
    if _key in SKIPPED:
        continue
    for _p in _meta["params"]:
        if _p["kind"] == "VAR_KEYWORD":
            continue
        for _kind in kinds(_p):
            _name = case_name(_key, _p["name"], _kind)
            GENERATED.append(_name)
            _fn = _make(_key, _p["name"], _kind)
            _fn.__name__ = _name
            case(_fn, kind="hostile")
