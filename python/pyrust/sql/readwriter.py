"""``pyspark.sql.DataFrameReader`` and ``DataFrameWriter``: files into DataFrames and back."""

from typing import Any, Dict, List, Optional, Tuple, Union

from pyrust.errors import PySparkTypeError, PySparkValueError, not_implemented
from pyrust.sql._args import int_arg, path_arg, str_arg
from pyrust.sql.types import StructType

__all__ = ["DataFrameReader", "DataFrameWriter", "DataFrameWriterV2"]


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class DataFrameReader:

    def __getattr__(self, name: str) -> Any:
        # A PySpark member PyRust lacks names itself (NOT_IMPLEMENTED), not an AttributeError.
        from pyrust._support import missing_member

        raise missing_member("DataFrameReader", name)

    def __init__(self, session: Any):
        self._session = session
        self._format = "parquet"
        self._options: Dict[str, str] = {}
        self._schema: Optional[StructType] = None

    def format(self, source: str) -> "DataFrameReader":
        _check_str(source, "source")
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataFrameReader":
        _check_str(key, "key")
        if value is None:
            # PySpark hands the JVM a null, which Spark's readers take as not set.
            self._options.pop(key, None)
        else:
            self._options[key] = _option_text(value)
        return self

    def options(self, **options: Any) -> "DataFrameReader":
        for k, v in options.items():
            self.option(k, v)
        return self

    def _set_opts(self, **options: Any) -> None:
        # The keyword arguments of csv()/json()/text(): the ones not given are left alone.
        for k, v in options.items():
            if v is not None:
                self.option(k, v)

    def schema(self, schema: Union[StructType, str]) -> "DataFrameReader":
        if isinstance(schema, str):
            # Spark's StructType.fromDDL (not PySpark's lenient string parsing): an
            # empty or broken schema is the parser's error.
            import json

            from pyrust import _native
            from pyrust.sql.types import _parse_datatype_json_value

            schema = _parse_datatype_json_value(json.loads(_native.ddl_schema_json(schema)))  # type: ignore[assignment]
        if not isinstance(schema, StructType):
            raise PySparkTypeError(message="schema should be StructType or string", errorClass="NOT_STR_OR_STRUCT",
                                   messageParameters={"arg_name": "schema", "arg_type": type(schema).__name__})
        self._schema = schema
        return self

    def load(self, path: Union[str, List[str], None] = None, format: Optional[str] = None,
             schema: Union[StructType, str, None] = None, **options: Any) -> Any:
        if format is not None:
            self.format(format)
        if schema is not None:
            self.schema(schema)
        self.options(**options)
        paths = [path] if isinstance(path, str) else list(path or []) if isinstance(path, (list, tuple)) or path is None else [path]
        for p in paths:
            if p is None or p == "":
                path_arg(p)
            _check_str(p, "path")
        self._check_options()
        from pyrust.sql import _orc

        if _orc.is_orc(self._format):
            return _orc.read(self._session, paths, self._options, self._schema)
        from pyrust.sql.dataframe import DataFrame

        native = self._session._native.read(self._format, paths, self._options,
                                            self._schema.json() if self._schema is not None else None)
        return DataFrame(native, self._session)

    def _check_options(self) -> None:
        """What Spark's CSV/JSON options refuse or read otherwise before any file is read."""
        if self._format.lower() not in ("csv", "json"):
            return
        lowered = {k.lower(): v for k, v in self._options.items()}
        if self._format.lower() == "csv" and lowered.get("sep", lowered.get("delimiter")) == "":
            from pyrust.errors import IllegalArgumentException

            raise IllegalArgumentException(message="Delimiter cannot be empty")
        mode_key = next((k for k in self._options if k.lower() == "mode"), None)
        if mode_key is not None and self._options[mode_key].upper() not in ("PERMISSIVE", "DROPMALFORMED", "FAILFAST"):
            # Spark's ParseMode.fromString: an unknown mode is PERMISSIVE (with a warning).
            self._options[mode_key] = "PERMISSIVE"

    # PySpark's parameters, in its order: a call passing them by position binds the same.
    def csv(self, path: Union[str, List[str]], schema: Union[StructType, str, None] = None, sep: Optional[str] = None,
            encoding: Optional[str] = None, quote: Optional[str] = None, escape: Optional[str] = None,
            comment: Optional[str] = None, header: Any = None, inferSchema: Any = None,
            ignoreLeadingWhiteSpace: Any = None, ignoreTrailingWhiteSpace: Any = None, nullValue: Optional[str] = None,
            nanValue: Optional[str] = None, positiveInf: Optional[str] = None, negativeInf: Optional[str] = None,
            dateFormat: Optional[str] = None, timestampFormat: Optional[str] = None, maxColumns: Any = None,
            maxCharsPerColumn: Any = None, maxMalformedLogPerPartition: Any = None, mode: Optional[str] = None,
            columnNameOfCorruptRecord: Optional[str] = None, multiLine: Any = None,
            charToEscapeQuoteEscaping: Optional[str] = None, samplingRatio: Any = None, enforceSchema: Any = None,
            emptyValue: Optional[str] = None, locale: Optional[str] = None, lineSep: Optional[str] = None,
            pathGlobFilter: Any = None, recursiveFileLookup: Any = None, modifiedBefore: Any = None,
            modifiedAfter: Any = None, unescapedQuoteHandling: Optional[str] = None) -> Any:
        self._set_opts(sep=sep, encoding=encoding, quote=quote, escape=escape, comment=comment, header=header,
                       inferSchema=inferSchema, ignoreLeadingWhiteSpace=ignoreLeadingWhiteSpace,
                       ignoreTrailingWhiteSpace=ignoreTrailingWhiteSpace, nullValue=nullValue, nanValue=nanValue,
                       positiveInf=positiveInf, negativeInf=negativeInf, dateFormat=dateFormat,
                       timestampFormat=timestampFormat, maxColumns=maxColumns, maxCharsPerColumn=maxCharsPerColumn,
                       maxMalformedLogPerPartition=maxMalformedLogPerPartition, mode=mode,
                       columnNameOfCorruptRecord=columnNameOfCorruptRecord, multiLine=multiLine,
                       charToEscapeQuoteEscaping=charToEscapeQuoteEscaping, samplingRatio=samplingRatio,
                       enforceSchema=enforceSchema, emptyValue=emptyValue, locale=locale, lineSep=lineSep,
                       pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                       modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter,
                       unescapedQuoteHandling=unescapedQuoteHandling)
        _check_paths(path)
        return self.load(path, format="csv", schema=schema)

    def parquet(self, *paths: str, **options: Any) -> Any:
        self._set_opts(**options)
        return self.load(list(paths), format="parquet")

    def json(self, path: Union[str, List[str]], schema: Union[StructType, str, None] = None, primitivesAsString: Any = None,
             prefersDecimal: Any = None, allowComments: Any = None, allowUnquotedFieldNames: Any = None,
             allowSingleQuotes: Any = None, allowNumericLeadingZero: Any = None,
             allowBackslashEscapingAnyCharacter: Any = None, mode: Optional[str] = None,
             columnNameOfCorruptRecord: Optional[str] = None, dateFormat: Optional[str] = None,
             timestampFormat: Optional[str] = None, multiLine: Any = None, allowUnquotedControlChars: Any = None,
             lineSep: Optional[str] = None, samplingRatio: Any = None, dropFieldIfAllNull: Any = None,
             encoding: Optional[str] = None, locale: Optional[str] = None, pathGlobFilter: Any = None,
             recursiveFileLookup: Any = None, modifiedBefore: Any = None, modifiedAfter: Any = None,
             allowNonNumericNumbers: Any = None, useUnsafeRow: Any = None) -> Any:
        # As PySpark: each keyword sets the option of its own name (allowNumericLeadingZero
        # too, which Spark's JSON reader does not read).
        self._set_opts(primitivesAsString=primitivesAsString, prefersDecimal=prefersDecimal, allowComments=allowComments,
                     allowUnquotedFieldNames=allowUnquotedFieldNames, allowSingleQuotes=allowSingleQuotes,
                     allowNumericLeadingZero=allowNumericLeadingZero,
                     allowBackslashEscapingAnyCharacter=allowBackslashEscapingAnyCharacter, mode=mode,
                     columnNameOfCorruptRecord=columnNameOfCorruptRecord, dateFormat=dateFormat,
                     timestampFormat=timestampFormat, multiLine=multiLine,
                     allowUnquotedControlChars=allowUnquotedControlChars, lineSep=lineSep, samplingRatio=samplingRatio,
                     dropFieldIfAllNull=dropFieldIfAllNull, encoding=encoding, locale=locale,
                     pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                     modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter,
                     allowNonNumericNumbers=allowNonNumericNumbers, useUnsafeRow=useUnsafeRow)
        _check_paths(path)
        return self.load(path, format="json", schema=schema)

    def table(self, tableName: str) -> Any:
        return self._session.table(tableName)

    def text(self, paths: Union[str, List[str]], wholetext: bool = False, lineSep: Optional[str] = None,
             pathGlobFilter: Union[bool, str, None] = None, recursiveFileLookup: Union[bool, str, None] = None,
             modifiedBefore: Union[bool, str, None] = None, modifiedAfter: Union[bool, str, None] = None) -> Any:
        self._set_opts(wholetext=wholetext if wholetext else None, lineSep=lineSep, pathGlobFilter=pathGlobFilter,
                       recursiveFileLookup=recursiveFileLookup, modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter)
        return self.load(paths, format="text")

    def orc(self, path: Union[str, List[str]], mergeSchema: Optional[bool] = None, pathGlobFilter: Union[bool, str, None] = None,
            recursiveFileLookup: Union[bool, str, None] = None, modifiedBefore: Union[bool, str, None] = None,
            modifiedAfter: Union[bool, str, None] = None) -> Any:
        self._set_opts(mergeSchema=mergeSchema, pathGlobFilter=pathGlobFilter, recursiveFileLookup=recursiveFileLookup,
                       modifiedBefore=modifiedBefore, modifiedAfter=modifiedAfter)
        return self.load([path] if isinstance(path, str) else path, format="orc")


def _check_str(value: Any, name: str) -> None:
    """Where PySpark hands an argument to the JVM unchecked (py4j's own error), a
    PySpark error naming it."""
    if not isinstance(value, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": name, "arg_type": type(value).__name__})


def _check_paths(path: Any) -> None:
    # csv() and json() take a path or a list of them (or an RDD, which PyRust has not).
    if not isinstance(path, (str, list)):
        raise PySparkTypeError(errorClass="NOT_STR_OR_LIST_OF_RDD", messageParameters={"arg_name": "path", "arg_type": type(path).__name__})


# Spark's Parquet codecs (ParquetOptions.shortParquetCompressionCodecNames), in the order
# its error lists them.
_PARQUET_CODECS = ("brotli", "uncompressed", "lzo", "snappy", "lz4_raw", "none", "zstd", "lz4", "gzip")


def _column_names(arg_name: str, col: Any, cols: Tuple[Any, ...]) -> List[str]:
    """bucketBy/sortBy's column arguments, checked as PySpark checks them."""
    if isinstance(col, (list, tuple)):
        if cols:
            raise PySparkValueError(errorClass="CANNOT_SET_TOGETHER",
                                    messageParameters={"arg_list": f"`col` of type {type(col).__name__} and `cols`"})
        col, cols = col[0], tuple(col[1:])
    for c in cols:
        if not isinstance(c, str):
            raise PySparkTypeError(errorClass="NOT_LIST_OF_STR", messageParameters={"arg_name": "cols", "arg_type": type(c).__name__})
    if not isinstance(col, str):
        raise PySparkTypeError(errorClass="NOT_LIST_OF_STR", messageParameters={"arg_name": arg_name, "arg_type": type(col).__name__})
    return [col, *cols]


class DataFrameWriter:
    """``df.write``: collects format, mode, options and partition columns; ``save`` (and
    ``parquet``/``csv``/``json``/``text``) writes through ``io::write`` in Rust."""


    def __getattr__(self, name: str) -> Any:
        # A PySpark member PyRust lacks names itself (NOT_IMPLEMENTED), not an AttributeError.
        from pyrust._support import missing_member

        raise missing_member("DataFrameWriter", name)

    def __init__(self, df: Any):
        self._df = df
        self._format = "parquet"
        self._mode = "errorifexists"
        self._options: Dict[str, str] = {}
        self._partition_by: List[str] = []
        self._bucket_by: Optional[List[str]] = None
        self._num_buckets = 0
        self._sort_by: Optional[List[str]] = None

    def mode(self, saveMode: Optional[str]) -> "DataFrameWriter":
        if saveMode is not None:
            _check_str(saveMode, "saveMode")
            from pyrust._native import DataFrame as _NativeDataFrame

            _NativeDataFrame.check_save_mode(saveMode)
            self._mode = saveMode
        return self

    def format(self, source: str) -> "DataFrameWriter":
        _check_str(source, "source")
        self._format = source
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriter":
        _check_str(key, "key")
        self._options[key] = _option_text(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriter":
        for k, v in options.items():
            if v is not None:
                self.option(k, v)
        return self

    def _set_opts(self, **options: Any) -> None:
        self.options(**options)

    def partitionBy(self, *cols: Union[str, List[str]]) -> "DataFrameWriter":
        if len(cols) == 1 and isinstance(cols[0], (list, tuple)):
            cols = cols[0]  # type: ignore[assignment]
        for c in cols:
            _check_str(c, "cols")
        self._partition_by = list(cols)  # type: ignore[arg-type]
        return self

    def bucketBy(self, numBuckets: int, col: Union[str, List[str], Tuple[str, ...]], *cols: Optional[str]) -> "DataFrameWriter":
        if not isinstance(numBuckets, int):
            raise PySparkTypeError(errorClass="NOT_INT", messageParameters={"arg_name": "numBuckets", "arg_type": type(numBuckets).__name__})
        int_arg(numBuckets, "numBuckets")
        self._bucket_by = _column_names("col", col, cols)
        self._num_buckets = numBuckets
        return self

    def sortBy(self, col: Union[str, List[str], Tuple[str, ...]], *cols: Optional[str]) -> "DataFrameWriter":
        self._sort_by = _column_names("col", col, cols)
        return self

    def clusterBy(self, *cols: Union[str, List[str]]) -> "DataFrameWriter":
        raise not_implemented("DataFrameWriter.clusterBy")

    def _check_bucket_count(self) -> None:
        # Spark's BucketSpec, built before the table is written.
        if self._bucket_by is None:
            return
        from pyrust.errors import AnalysisException

        limit = self._df.sparkSession.conf.get("spark.sql.sources.bucketing.maxBuckets", "100000")
        if not 0 < self._num_buckets <= int(limit):
            raise AnalysisException(
                message=f"Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (`{limit}`). Got `{self._num_buckets}`.",
                errorClass="_LEGACY_ERROR_TEMP_1083",
                messageParameters={"bucketingMaxBuckets": str(limit), "numBuckets": str(self._num_buckets)})

    def _check_buckets(self, operation: str) -> None:
        # Spark's own checks for a path write; bucketed tables need a catalog.
        from pyrust.errors import AnalysisException

        if self._sort_by is not None and self._bucket_by is None:
            raise AnalysisException(message="[SORT_BY_WITHOUT_BUCKETING] sortBy must be used together with bucketBy. SQLSTATE: 42601",
                                    errorClass="SORT_BY_WITHOUT_BUCKETING", messageParameters={})
        if self._bucket_by is not None:
            if self._sort_by is not None:
                raise AnalysisException(message=f"'{operation}' does not support bucketBy and sortBy right now.",
                                        errorClass="_LEGACY_ERROR_TEMP_1313", messageParameters={"operation": operation})
            raise AnalysisException(message=f"'{operation}' does not support bucketBy right now.",
                                    errorClass="_LEGACY_ERROR_TEMP_1312", messageParameters={"operation": operation})

    def save(self, path: Optional[str] = None, format: Optional[str] = None, mode: Optional[str] = None,
             partitionBy: Optional[Union[str, List[str]]] = None, **options: Any) -> None:
        self.mode(mode).options(**options)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        if format is not None:
            self.format(format)
        self._check_buckets("save")
        if path is None:
            path = self._options.get("path")
        if path is not None:
            _check_str(path, "path")
            path_arg(path)
        if path is None:
            from pyrust.errors import IllegalArgumentException

            raise IllegalArgumentException(message="Expected exactly one path to be specified, but got: .",
                                           errorClass="_LEGACY_ERROR_TEMP_2050", messageParameters={"paths": ""})
        options = {k: v for k, v in self._options.items() if k.lower() != "path"}
        if self._format.lower() == "json" and any(k.lower() == "linesep" and v == "" for k, v in options.items()):
            from pyrust.errors import IllegalArgumentException

            # JSONOptions: require(sep.nonEmpty, ...)
            raise IllegalArgumentException(message="requirement failed: 'lineSep' cannot be an empty string.")
        from pyrust.sql import _orc

        if _orc.is_orc(self._format):
            codec = _orc.codec(options, self._df.sparkSession)
            self._df._df.write_orc(self._mode, path, options, self._partition_by, _orc.extension(codec), _orc.part_writer(codec))
            return
        self._check_codec(options)
        # Parquet with a MAP column too: the engine hands its part files to pyarrow.
        self._df._df.write(self._format, self._mode, path, options, self._partition_by)

    def _check_codec(self, options: Dict[str, str]) -> None:
        if self._format.lower() != "parquet":
            return
        codec = next((v for k, v in options.items() if k.lower() in ("compression", "parquet.compression")), None)
        if codec is not None and codec.lower() not in _PARQUET_CODECS:
            from pyrust.errors import IllegalArgumentException

            raise IllegalArgumentException(
                errorClass="CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION",
                messageParameters={"codecName": codec.lower(), "availableCodecs": ", ".join(_PARQUET_CODECS)},
            )

    def insertInto(self, tableName: str, overwrite: Optional[bool] = None) -> None:
        if overwrite is not None:
            self.mode("overwrite" if overwrite else "append")
        if self._bucket_by is not None or self._sort_by is not None:
            raise not_implemented("DataFrameWriter.bucketBy/sortBy with tables")
        self._df._df.insert_into(tableName, self._mode.lower() == "overwrite")

    def saveAsTable(self, name: str, format: Optional[str] = None, mode: Optional[str] = None,
                    partitionBy: Optional[Union[str, List[str]]] = None, **options: Any) -> None:
        self.mode(mode).options(**options)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        if format is not None:
            self.format(format)
        self._check_bucket_count()
        if self._bucket_by is not None or self._sort_by is not None:
            raise not_implemented("DataFrameWriter.bucketBy/sortBy with tables")
        self._df._df.save_as_table(name, self._format, self._mode, dict(self._options), list(self._partition_by))

    def json(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None, dateFormat: Optional[str] = None,
             timestampFormat: Optional[str] = None, lineSep: Optional[str] = None, encoding: Optional[str] = None,
             ignoreNullFields: Optional[Union[bool, str]] = None) -> None:
        self.mode(mode)
        self._set_opts(compression=compression, dateFormat=dateFormat, timestampFormat=timestampFormat, lineSep=lineSep,
                       encoding=encoding, ignoreNullFields=ignoreNullFields)
        self.format("json").save(path_arg(path))

    def parquet(self, path: str, mode: Optional[str] = None, partitionBy: Optional[Union[str, List[str]]] = None,
                compression: Optional[str] = None) -> None:
        self.mode(mode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self._set_opts(compression=compression)
        self.format("parquet").save(path_arg(path))

    def text(self, path: str, compression: Optional[str] = None, lineSep: Optional[str] = None) -> None:
        self._set_opts(compression=compression, lineSep=lineSep)
        self.format("text").save(path_arg(path))

    def csv(self, path: str, mode: Optional[str] = None, compression: Optional[str] = None, sep: Optional[str] = None,
            quote: Optional[str] = None, escape: Optional[str] = None, header: Optional[Union[bool, str]] = None,
            nullValue: Optional[str] = None, escapeQuotes: Optional[Union[bool, str]] = None,
            quoteAll: Optional[Union[bool, str]] = None, dateFormat: Optional[str] = None,
            timestampFormat: Optional[str] = None, ignoreLeadingWhiteSpace: Optional[Union[bool, str]] = None,
            ignoreTrailingWhiteSpace: Optional[Union[bool, str]] = None, charToEscapeQuoteEscaping: Optional[str] = None,
            encoding: Optional[str] = None, emptyValue: Optional[str] = None, lineSep: Optional[str] = None) -> None:
        self.mode(mode)
        self._set_opts(compression=compression, sep=sep, quote=quote, escape=escape, header=header, nullValue=nullValue,
                       escapeQuotes=escapeQuotes, quoteAll=quoteAll, dateFormat=dateFormat, timestampFormat=timestampFormat,
                       ignoreLeadingWhiteSpace=ignoreLeadingWhiteSpace, ignoreTrailingWhiteSpace=ignoreTrailingWhiteSpace,
                       charToEscapeQuoteEscaping=charToEscapeQuoteEscaping, encoding=encoding, emptyValue=emptyValue,
                       lineSep=lineSep)
        self.format("csv").save(path_arg(path))

    def orc(self, path: str, mode: Optional[str] = None, partitionBy: Optional[Union[str, List[str]]] = None,
            compression: Optional[str] = None) -> None:
        self.mode(mode)
        if partitionBy is not None:
            self.partitionBy(partitionBy)
        self._set_opts(compression=compression)
        self.format("orc").save(path_arg(path))

    def jdbc(self, *args: Any, **kwargs: Any) -> None:
        raise not_implemented("DataFrameWriter.jdbc")


class DataFrameWriterV2:
    """``df.writeTo(table)``. With Spark's session catalog (no V2 catalog configured)
    PySpark Classic creates tables (``create``) and refuses the rest: ``append``,
    ``overwrite`` and ``overwritePartitions`` of a file-source table ("Cannot write
    into v1 table"), ``replace`` and ``createOrReplace`` (REPLACE TABLE AS SELECT is
    not supported by the session catalog). This does the same."""

    def __init__(self, df: Any, table: str):
        self._df = df
        self._table = table
        self._provider: Optional[str] = None
        self._options: Dict[str, str] = {}
        self._properties: Dict[str, str] = {}
        self._partitioning: List[str] = []

    # The JVM's DataFrameWriterV2 takes Strings: other types are py4j's error there.
    def using(self, provider: str) -> "DataFrameWriterV2":
        self._provider = str_arg(provider, "provider")
        return self

    def option(self, key: str, value: Any) -> "DataFrameWriterV2":
        self._options[str_arg(key, "key")] = _option_text(value)
        return self

    def options(self, **options: Any) -> "DataFrameWriterV2":
        for k, v in options.items():
            self.option(k, v)
        return self

    def tableProperty(self, property: str, value: str) -> "DataFrameWriterV2":
        self._properties[str_arg(property, "property")] = str_arg(value, "value")
        return self

    def partitionedBy(self, col: Any, *cols: Any) -> "DataFrameWriterV2":
        from pyrust.sql.column import Column

        names = []
        for c in (col, *cols):
            if isinstance(c, str):
                names.append(c)
            elif isinstance(c, Column):
                names.append(c._expr.sql_name() if hasattr(c._expr, "sql_name") else str(c))
            else:
                raise PySparkTypeError(errorClass="NOT_COLUMN_OR_STR",
                                       messageParameters={"arg_name": "col", "arg_type": type(c).__name__})
        self._partitioning = names
        return self

    def clusterBy(self, col: str, *cols: str) -> "DataFrameWriterV2":
        raise not_implemented("DataFrameWriterV2.clusterBy")

    def _qualified(self) -> str:
        info = self._df.sparkSession._native.table_info(self._table)
        if info is None:
            self._df.sparkSession.table(self._table)  # Spark's TABLE_OR_VIEW_NOT_FOUND
            raise not_implemented("DataFrameWriterV2 over a temporary view")
        return f"`spark_catalog`.`{info[1]}`.`{info[0]}`"

    def _v1_table(self) -> None:
        from pyrust.errors import AnalysisException

        raise AnalysisException(errorClass="_LEGACY_ERROR_TEMP_1012", messageParameters={"identifier": self._qualified()})

    def create(self) -> None:
        self._df._df.save_as_table(self._table, self._provider or "parquet", "errorifexists", dict(self._options),
                                   list(self._partitioning))

    def _no_replace(self) -> None:
        # The session catalog has no REPLACE TABLE AS SELECT, whether the table exists or not.
        from pyrust.errors import AnalysisException

        parts = [p.strip("`") for p in self._table.split(".")]
        if len(parts) == 1:
            parts = [self._df.sparkSession.catalog.currentDatabase(), *parts]
        shown = ".".join(f"`{p}`" for p in ["spark_catalog", *parts[-2:]])
        raise AnalysisException(errorClass="UNSUPPORTED_FEATURE.TABLE_OPERATION",
                                messageParameters={"tableName": shown, "operation": "REPLACE TABLE AS SELECT"})

    def replace(self) -> None:
        self._no_replace()

    def createOrReplace(self) -> None:
        self._no_replace()

    def append(self) -> None:
        self._v1_table()

    def overwrite(self, condition: Any) -> None:
        from pyrust.sql._args import column_or_str_arg

        column_or_str_arg(condition, "col")  # PySpark's _to_java_column first
        self._v1_table()

    def overwritePartitions(self) -> None:
        self._v1_table()
