"""``pyspark.context``: ``SparkContext``, the session's cluster handle (see
``pyrust.sql.session.SparkContext`` for what it answers on one machine)."""

from pyrust.sql.session import SparkContext  # noqa: F401

__all__ = ["SparkContext"]
