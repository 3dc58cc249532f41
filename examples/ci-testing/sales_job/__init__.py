"""A small Spark job, written in plain PySpark: it runs unchanged on PyRust."""
