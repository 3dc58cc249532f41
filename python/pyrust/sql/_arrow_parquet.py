"""Parquet part files written with pyarrow, for writes holding a MAP column (path writes,
saveAsTable, insertInto, SQL CREATE TABLE AS / INSERT): Polars writes a map as a list of
key-value structs (Spark would read an array back), pyarrow writes Parquet's MAP. PyRust
computes the rows and lays out and commits the files (`io::write::ParquetPartWriter`,
`python::arrow_write` in Rust); this writes one part file."""

from typing import Any, List, Tuple

# Spark's `compression` values and what pyarrow calls them.
_PYARROW_CODECS = {"none": "none", "uncompressed": "none", "snappy": "snappy", "gzip": "gzip", "zstd": "zstd",
                   "lz4_raw": "lz4", "lz4raw": "lz4"}


def part_writer(codec_name: str) -> Any:
    """The function the Rust writer calls for each part file: its rows as an Arrow
    stream and Spark's footer entries (its schema as JSON, so types come back)."""

    def write(stream: Any, path: str, footer: List[Tuple[str, str]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.RecordBatchReader._import_from_c_capsule(stream).read_all()
        # Spark stores no Arrow schema of its own; nor does this (the footer says it all).
        # Without it pyarrow drops the schema's metadata too: the footer's entries go in
        # as the file's own key-value metadata, as Spark's writer puts them.
        with pq.ParquetWriter(path, table.schema, compression=_PYARROW_CODECS.get(codec_name, "snappy"),
                              store_schema=False) as writer:
            writer.write_table(table)
            writer.add_key_value_metadata(dict(footer))

    return write
