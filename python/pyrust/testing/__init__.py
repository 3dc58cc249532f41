"""``pyspark.testing``: ``assertDataFrameEqual`` and ``assertSchemaEqual`` as in
PySpark 4.0.1 (see ``pyrust.testing.utils``)."""

from pyrust.testing.utils import assertDataFrameEqual, assertPandasOnSparkEqual, assertSchemaEqual

__all__ = ["assertDataFrameEqual", "assertSchemaEqual"]
