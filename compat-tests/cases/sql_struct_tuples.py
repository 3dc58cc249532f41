"""A parenthesised list `(a, b)` in SQL is a struct (Spark's CreateStruct): fields named
after the columns or lambda variables they read, `colN` otherwise."""

from harness import case


def _view(spark):
    spark.createDataFrame([(1, "a"), (2, None)], "x int, s string").createOrReplaceTempView("tup")


@case
def tuples_of_columns_and_expressions(spark):
    _view(spark)
    return spark.sql("SELECT (x, s), (x + 1, s), (1, 'a') AS lit FROM tup ORDER BY x")


@case
def tuple_built_in_a_lambda(spark):
    return spark.sql("SELECT zip_with(array(1, 2), array('a', 'b'), (x, y) -> (y, x + 1))")

