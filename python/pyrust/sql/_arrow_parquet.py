"""Parquet part files written with pyarrow, for DataFrames holding a MAP column: Polars
writes a map as a list of key-value structs (Spark would read an array back), pyarrow
writes Parquet's MAP. PyRust computes the rows and lays out and commits the files
(`python::arrow_write` in Rust); this writes one part file."""

from typing import Any, Dict, List, Tuple

from pyrust.sql.types import ArrayType, DataType, MapType, StructType

# Spark's `compression` values and what pyarrow calls them.
_PYARROW_CODECS = {"none": "none", "uncompressed": "none", "snappy": "snappy", "gzip": "gzip", "zstd": "zstd",
                   "lz4_raw": "lz4", "lz4raw": "lz4"}


def has_map(t: DataType) -> bool:
    if isinstance(t, MapType):
        return True
    if isinstance(t, ArrayType):
        return has_map(t.elementType)
    if isinstance(t, StructType):
        return any(has_map(f.dataType) for f in t.fields)
    return False


def codec(options: Dict[str, str]) -> str:
    value = next((v for k, v in options.items() if k.lower() in ("compression", "parquet.compression")), "snappy")
    return value.lower()


def part_writer(codec_name: str) -> Any:
    """The function the Rust writer calls for each part file: its rows as an Arrow
    stream and Spark's footer entries (its schema as JSON, so types come back)."""

    def write(stream: Any, path: str, footer: List[Tuple[str, str]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.RecordBatchReader._import_from_c_capsule(stream).read_all()
        table = table.replace_schema_metadata(dict(footer))
        # Spark stores no Arrow schema of its own; nor does this (the footer says it all).
        pq.write_table(table, path, compression=_PYARROW_CODECS.get(codec_name, "snappy"), store_schema=False)

    return write
