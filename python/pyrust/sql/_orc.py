"""ORC files through pyarrow.orc (Polars has no ORC): the Rust side lists a read's files
and partition columns and checks the options (``io::orc``); this module reads the files
into an Arrow table of Spark's types, which becomes a DataFrame through the Arrow path of
createDataFrame."""

from typing import Any, Dict, List, Optional, Tuple

from pyrust.sql.types import (
    ArrayType,
    BinaryType,
    BooleanType,
    ByteType,
    DataType,
    DateType,
    DecimalType,
    DoubleType,
    FloatType,
    IntegerType,
    LongType,
    MapType,
    NullType,
    ShortType,
    StringType,
    StructField,
    StructType,
    TimestampNTZType,
    TimestampType,
)

# The attribute Spark's ORC writer stores on a column whose ORC type alone does not say
# its Spark type (timestamp_ntz is an ORC long; string, char, varchar ORC strings).
CATALYST_TYPE = b"spark.sql.catalyst.type"


def is_orc(fmt: str) -> bool:
    lower = fmt.lower()
    return lower == "orc" or lower.startswith("org.apache.spark.sql.execution.datasources.orc")


def spark_type(t: Any, metadata: Optional[Dict[bytes, bytes]]) -> DataType:
    """The Spark type of a column pyarrow.orc read (Spark's OrcUtils.toCatalystType):
    every field nullable, as Spark reads ORC."""
    import pyarrow as pa

    catalyst = (metadata or {}).get(CATALYST_TYPE, b"").decode()
    if catalyst == "timestamp_ntz" and pa.types.is_integer(t):
        return TimestampNTZType()
    simple = [
        (pa.types.is_int8, ByteType), (pa.types.is_int16, ShortType), (pa.types.is_int32, IntegerType),
        (pa.types.is_int64, LongType), (pa.types.is_float32, FloatType), (pa.types.is_float64, DoubleType),
        (pa.types.is_boolean, BooleanType), (pa.types.is_date32, DateType), (pa.types.is_null, NullType),
    ]
    for test, made in simple:
        if test(t):
            return made()
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return StringType()
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        return BinaryType()
    if pa.types.is_decimal(t):
        return DecimalType(t.precision, t.scale)
    if pa.types.is_timestamp(t):
        # An ORC timestamp is Spark's TIMESTAMP (an instant); Spark writes TIMESTAMP_NTZ
        # as a long with the attribute above.
        return TimestampType()
    if pa.types.is_map(t):
        return MapType(spark_type(t.key_type, t.key_field.metadata), spark_type(t.item_type, t.item_field.metadata), True)
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return ArrayType(spark_type(t.value_type, t.value_field.metadata), True)
    if pa.types.is_struct(t):
        return StructType([StructField(f.name, spark_type(f.type, f.metadata), True) for f in t])
    from pyrust.errors import not_implemented

    raise not_implemented(f"reading the ORC type {t}")


def arrow_type(t: DataType) -> Any:
    """The Arrow type a Spark type's values take in the table handed to the Arrow path."""
    import pyarrow as pa

    if isinstance(t, TimestampType):
        return pa.timestamp("us", tz="UTC")
    if isinstance(t, TimestampNTZType):
        return pa.timestamp("us")
    if isinstance(t, DecimalType):
        return pa.decimal128(t.precision, t.scale)
    if isinstance(t, ArrayType):
        return pa.list_(arrow_type(t.elementType))
    if isinstance(t, MapType):
        return pa.map_(arrow_type(t.keyType), arrow_type(t.valueType))
    if isinstance(t, StructType):
        return pa.struct([pa.field(f.name, arrow_type(f.dataType)) for f in t.fields])
    simple = {
        ByteType: pa.int8(), ShortType: pa.int16(), IntegerType: pa.int32(), LongType: pa.int64(),
        FloatType: pa.float32(), DoubleType: pa.float64(), BooleanType: pa.bool_(), DateType: pa.date32(),
        StringType: pa.string(), BinaryType: pa.binary(), NullType: pa.null(),
    }
    for k, v in simple.items():
        if isinstance(t, k):
            return v
    from pyrust.errors import not_implemented

    raise not_implemented(f"the Spark type {t.simpleString()} in ORC")


def _column(array: Any, source: DataType, target: DataType) -> Any:
    """A column read by pyarrow as the Arrow values of its Spark type."""
    import pyarrow as pa

    if isinstance(source, TimestampNTZType) and isinstance(target, TimestampNTZType):
        return array.cast(pa.int64()).cast(pa.timestamp("us"))
    if isinstance(array.type, pa.TimestampType) and array.type.tz is None and isinstance(target, TimestampType):
        # pyarrow gives an ORC timestamp's instant as UTC wall-clock time.
        return array.cast(pa.timestamp("us")).cast(pa.timestamp("us", tz="UTC"))
    return array.cast(arrow_type(target))


def _file_schema(path: str) -> List[Tuple[str, DataType]]:
    import pyarrow.orc as orc

    schema = orc.ORCFile(path).schema
    return [(f.name, spark_type(f.type, f.metadata)) for f in schema]


def _partition_value(raw: Optional[str], t: DataType) -> Any:
    """A partition directory's value as its column's type (NULL when it does not convert,
    as Spark's cast of the directory's text)."""
    import pyarrow as pa

    if raw is None:
        return pa.nulls(1, arrow_type(t))
    try:
        return pa.array([raw]).cast(arrow_type(t))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.nulls(1, arrow_type(t))


def read(session: Any, paths: List[str], options: Dict[str, str], given: Optional[StructType]) -> Any:
    """``spark.read.orc``: Spark's schema (the first file's, every column nullable, then
    the partition columns; a given schema's columns matched by name), the files' rows."""
    import json

    import pyarrow as pa
    import pyarrow.orc as orc

    from pyrust.errors import AnalysisException
    from pyrust.sql.dataframe import DataFrame
    from pyrust.sql.types import _parse_datatype_json_value

    if not paths:
        raise AnalysisException(errorClass="UNABLE_TO_INFER_SCHEMA", messageParameters={"format": "ORC"})
    files, partition_json = session._native.orc_files(paths, options)
    case_sensitive = session.conf.get("spark.sql.caseSensitive", "false").lower() == "true"

    def key(name: str) -> str:
        return name if case_sensitive else name.lower()

    partitions = [(n, _parse_datatype_json_value(json.loads(t))) for n, t in partition_json]
    if given is not None:
        given_types = {key(f.name): f.dataType for f in given.fields}
        partitions = [(n, given_types.get(key(n), t)) for n, t in partitions]
        data = [(f.name, f.dataType) for f in given.fields if key(f.name) not in {key(n) for n, _ in partitions}]
    elif files:
        data = _file_schema(files[0][0])
    else:
        raise AnalysisException(errorClass="UNABLE_TO_INFER_SCHEMA", messageParameters={"format": "ORC"})
    partition_names = {key(n) for n, _ in partitions}
    data = [(n, t) for n, t in data if key(n) not in partition_names]
    fields = [StructField(n, t, True) for n, t in data + partitions]
    struct = StructType(fields)
    tables = []
    for path, values in files:
        table = orc.read_table(path)
        read_types = {key(f.name): (i, spark_type(f.type, f.metadata)) for i, f in enumerate(table.schema)}
        columns = []
        for name, t in data:
            found = read_types.get(key(name))
            if found is None:
                columns.append(pa.nulls(table.num_rows, arrow_type(t)))
            else:
                columns.append(_column(table.column(found[0]), found[1], t))
        raw = {key(k): v for k, v in values}
        for name, t in partitions:
            one = _partition_value(raw.get(key(name)), t)
            columns.append(pa.repeat(one[0], table.num_rows))
        tables.append(pa.Table.from_arrays(columns, schema=pa.schema([pa.field(f.name, arrow_type(f.dataType)) for f in fields])))
    arrow_schema = pa.schema([pa.field(f.name, arrow_type(f.dataType)) for f in fields])
    table = pa.concat_tables(tables) if tables else arrow_schema.empty_table()
    return DataFrame(session._native.create_dataframe_from_arrow(table, struct.json()), session)


# Spark's ORC codecs (OrcOptions.shortOrcCompressionCodecNames) in the order its error
# lists them, the ones pyarrow writes, and the part files' extension of each
# (OrcUtils.extensionsForCompressionCodecNames).
ORC_CODECS = ("brotli", "uncompressed", "lz4", "lzo", "snappy", "zlib", "none", "zstd")
_PYARROW_CODECS = {"none": "uncompressed", "uncompressed": "uncompressed", "snappy": "snappy", "zlib": "zlib",
                   "zstd": "zstd", "lz4": "lz4"}
_EXTENSIONS = {"none": "", "uncompressed": "", "snappy": ".snappy", "zlib": ".zlib", "zstd": ".zstd", "lz4": ".lz4"}


def codec(options: Dict[str, str], session: Any) -> str:
    """The write's codec: `compression`, else `orc.compress`, else the session's
    `spark.sql.orc.compression.codec` (zstd), checked as Spark's OrcOptions checks it."""
    lowered = {k.lower(): v for k, v in options.items()}
    name = lowered.get("compression", lowered.get("orc.compress"))
    if name is None:
        name = session.conf.get("spark.sql.orc.compression.codec", "zstd")
    name = name.lower()
    if name not in ORC_CODECS:
        from pyrust.errors import IllegalArgumentException

        raise IllegalArgumentException(
            errorClass="CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION",
            messageParameters={"codecName": name, "availableCodecs": ", ".join(ORC_CODECS)},
        )
    if name not in _PYARROW_CODECS:
        from pyrust.errors import not_implemented

        raise not_implemented(f"the orc writer option 'compression' = '{name}'")
    return name


def extension(codec_name: str) -> str:
    return _EXTENSIONS[codec_name] + ".orc"


def _orc_field(f: Any) -> Any:
    """A field of the rows as Spark's ORC writer stores it: a TIMESTAMP as an ORC
    timestamp (UTC wall-clock time, naive for pyarrow), a TIMESTAMP_NTZ as a long with
    the `spark.sql.catalyst.type` attribute (OrcSerializer)."""
    import pyarrow as pa

    t = f.type
    if pa.types.is_timestamp(t):
        if t.tz is not None:
            return pa.field(f.name, pa.timestamp("us"), True)
        return pa.field(f.name, pa.int64(), True, metadata={CATALYST_TYPE: b"timestamp_ntz"})
    if pa.types.is_struct(t):
        return pa.field(f.name, pa.struct([_orc_field(c) for c in t]), True)
    if pa.types.is_map(t):
        return pa.field(f.name, pa.map_(_orc_field(t.key_field).type, _orc_field(t.item_field)), True)
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.field(f.name, pa.list_(_orc_field(t.value_field)), True)
    return pa.field(f.name, t, True, metadata=f.metadata)


def part_writer(codec_name: str) -> Any:
    """The function the Rust writer calls for each part file: its rows as an Arrow
    stream, written with pyarrow.orc."""

    def write(stream: Any, path: str) -> None:
        import pyarrow as pa
        import pyarrow.orc as orc

        table = pa.RecordBatchReader._import_from_c_capsule(stream).read_all()
        schema = pa.schema([_orc_field(f) for f in table.schema])
        columns = []
        for column, target in zip(table.columns, schema):
            if pa.types.is_timestamp(column.type) and column.type.tz is None and not pa.types.is_timestamp(target.type):
                column = column.cast(pa.int64())
            columns.append(column.cast(target.type))
        orc.write_table(pa.Table.from_arrays(columns, schema=schema), path, compression=_PYARROW_CODECS[codec_name])

    return write
