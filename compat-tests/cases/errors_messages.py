"""PySpark's errors as a test suite sees them: the condition, the message parameters,
the SQLSTATE and the message text (`pytest.raises(AnalysisException, match=...)`), for
errors raised in analysis, while a query runs, in SQL text and in Python."""

from harness import case


def _df(spark):
    return spark.createDataFrame([(1, "a", 2.5)], "id int, name string, score double")


def _getters(spark, f):
    """What a test asserts on, read through the exception's own methods."""
    try:
        f()
    except Exception as e:
        params = e.getMessageParameters()
        params = sorted(params.items()) if params is not None else None  # a JVM map has no order
        return [type(e).__name__, e.getCondition(), params, e.getSqlState(), e.getMessage()]
    return None


@case
def unresolved_column_proposals(spark):
    return _df(spark).select("nam")


@case
def unresolved_column_getters(spark):
    return _getters(spark, lambda: _df(spark).select("scor"))


@case
def unresolved_column_in_filter_string(spark):
    return _df(spark).filter("idd > 1")


@case
def unresolved_routine_sql_text(spark):
    return _df(spark).selectExpr("no_such_fn(id)")


@case
def parse_syntax_error(spark):
    return _df(spark).selectExpr("id +* 1")


@case
def datatype_mismatch_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: _df(spark).select(F.sqrt(F.array("id"))))


@case
def divide_by_zero_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: _df(spark).select(F.col("id") / F.lit(0)).collect())


@case
def cast_invalid_input_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: _df(spark).select(F.col("name").cast("int")).collect())


@case
def arithmetic_overflow_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: spark.range(1).select(F.lit(2**62) * F.lit(4)).collect())


@case
def wrong_num_args_getters(spark):
    return _getters(spark, lambda: _df(spark).selectExpr("substring(name)"))


@case
def python_side_type_error_getters(spark):
    return _getters(spark, lambda: _df(spark).withColumn("x", 1))


@case
def python_side_type_error(spark):
    return _df(spark).filter(1)


@case
def cast_refusal_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: _df(spark).select(F.col("id").cast("date")))


@case
def missing_aggregation_getters(spark):
    import pyspark.sql.functions as F

    return _getters(spark, lambda: _df(spark).groupBy("id").agg(F.col("name")))


@case
def create_dataframe_field_type_getters(spark):
    return _getters(spark, lambda: spark.createDataFrame([("x",)], "a int"))


@case
def unresolved_column_no_suggestion_source(spark):
    return spark.range(0).select("x")
