"""A small TPC-DS database for the SQL TPC-DS cases: the 24 tables at scale factor 0.01
from `tpcgen-cli` (PyPI; a Rust port of the TPC's dsdgen, deterministic: the same rows
every run), written as Parquet to a cache directory once and read by both engines.

dsdgen's data at 0.01 keeps the dimension tables' real values (categories, states,
counties, years 1998-2003 in the facts), so the queries' literal filters select rows;
the fact tables hold ~120,000 store sales, ~90,000 catalog and ~12,000 web sales.
Column types are tpcgen's (Spark's TPC-DS schema: INT keys, DECIMAL(7,2) money,
DATE), with its string views written as plain strings so every reader takes them, and
columns named as in Spark's TPC-DS schema where the later specification renamed them
(`c_last_review_date_sk` is Spark's `c_last_review_date`, which q30 reads)."""

import os
import shutil
import subprocess
import sys
import tempfile

SCALE = "0.01"
GENERATOR_VERSION = "4.0.0"

TABLES = [
    "call_center", "catalog_page", "catalog_returns", "catalog_sales", "customer", "customer_address",
    "customer_demographics", "date_dim", "household_demographics", "income_band", "inventory", "item", "promotion",
    "reason", "ship_mode", "store", "store_returns", "store_sales", "time_dim", "warehouse", "web_page",
    "web_returns", "web_sales", "web_site",
]

# tpcgen's column names that Spark's TPC-DS schema (and so its query texts) spell otherwise.
SPARK_NAMES = {"c_last_review_date_sk": "c_last_review_date"}
# Bumped when the files written from tpcgen's change (the cache directory's name).
LAYOUT = 2

_HERE = os.path.dirname(os.path.abspath(__file__))


def _generator() -> str:
    """tpcgen-cli beside this interpreter, in the checkout's venv, or on PATH."""
    candidates = [
        os.path.join(os.path.dirname(sys.executable), "tpcgen-cli"),
        os.path.join(_HERE, "..", "..", ".venv", "bin", "tpcgen-cli"),
        shutil.which("tpcgen-cli") or "",
    ]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise RuntimeError(f"tpcgen-cli=={GENERATOR_VERSION} is not installed (the Makefile's venv installs it)")


def data_dir() -> str:
    """The directory of `<table>.parquet` files, generated on first use. Several test
    workers may ask at once: each generates into its own directory and the first
    rename wins."""
    target = os.path.join(tempfile.gettempdir(), f"pyrust-tpcds-sf{SCALE}-tpcgen{GENERATOR_VERSION}-v{LAYOUT}")
    if os.path.exists(os.path.join(target, "_complete")):
        return target
    import pyarrow as pa
    import pyarrow.parquet as pq

    generator = _generator()
    raw = tempfile.mkdtemp(prefix="pyrust-tpcds-raw-")
    staging = tempfile.mkdtemp(prefix="pyrust-tpcds-staging-")
    try:
        subprocess.run([generator, "tpcds", "parquet", "-s", SCALE, "-o", raw], check=True, capture_output=True)
        for table in TABLES:
            data = pq.read_table(os.path.join(raw, f"{table}.parquet"))
            fields = [pa.field(f.name, pa.string() if pa.types.is_string_view(f.type) else f.type) for f in data.schema]
            data = data.cast(pa.schema(fields)).rename_columns([SPARK_NAMES.get(f.name, f.name) for f in fields])
            pq.write_table(data, os.path.join(staging, f"{table}.parquet"))
        open(os.path.join(staging, "_complete"), "w").close()
        try:
            os.rename(staging, target)
        except OSError:  # another worker finished first
            pass
    finally:
        shutil.rmtree(raw, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)  # gone after the rename; left over after a failure
    return target


def register(spark) -> None:
    """Temp views named as the TPC-DS tables."""
    base = data_dir()
    for table in TABLES:
        spark.read.parquet(os.path.join(base, f"{table}.parquet")).createOrReplaceTempView(table)
