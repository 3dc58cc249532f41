"""``pyspark.sql`` on PyRust."""

from pyrust.sql.types import Row  # noqa: F401
from pyrust.sql.column import Column  # noqa: F401
from pyrust.sql.dataframe import DataFrame  # noqa: F401
from pyrust.sql.group import GroupedData  # noqa: F401
from pyrust.sql.readwriter import DataFrameReader, DataFrameWriter  # noqa: F401
from pyrust.sql.session import SparkSession  # noqa: F401
from pyrust.sql.window import Window, WindowSpec  # noqa: F401
from pyrust.sql.observation import Observation  # noqa: F401
from pyrust.sql import functions, types  # noqa: F401

__all__ = ["SparkSession", "DataFrame", "Column", "Row", "GroupedData", "DataFrameReader", "DataFrameWriter",
           "Window", "WindowSpec", "Observation", "functions", "types"]
