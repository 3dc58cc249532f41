"""``DataFrame.plot``: PySpark 4.0's plotting accessor (plotly backend), laid out as
``pyspark.sql.plot``: ``core`` holds the accessor and the Spark-side computations,
``plotly`` draws the figures."""

from pyrust.sql.plot.core import *  # noqa: F401,F403
from pyrust.sql.plot.core import __all__  # noqa: F401
