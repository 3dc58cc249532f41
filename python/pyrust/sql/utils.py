"""``pyspark.sql.utils``: where older code imports the exception classes from."""

from pyrust.errors import (  # noqa: F401
    AnalysisException, CapturedException, IllegalArgumentException, ParseException,
    PySparkException, QueryExecutionException, UnknownException,
)
