"""Python UDTFs joined laterally in SQL: ``FROM t, LATERAL f(t.a)``, ``JOIN LATERAL``
(``CROSS``, ``LEFT``, ``ON``), aliases with column names, ``terminate`` rows paired with
the last input row; errors inside ``eval`` as Spark reports them
(``UDTF_RETURN_SCHEMA_MISMATCH``, ``UDTF_INVALID_OUTPUT_ROW_TYPE``, ``UDTF_EXEC_ERROR``
and a generator's own exception as ``PythonException``)."""

from harness import case
from pyspark.sql.functions import udtf
from pyspark.sql.types import StringType, StructType
from pyspark.sql.udtf import AnalyzeArgument, AnalyzeResult


def _table(spark, name):
    df = spark.createDataFrame([(1, "a"), (2, "b"), (0, "c"), (3, None)], "a int, b string")
    df.createOrReplaceTempView(name)
    return df


@udtf(returnType="x int, y string")
class Repeat:
    def eval(self, n: int, s: str):
        for i in range(n):
            yield i, s


@udtf(returnType="x int")
class WithTerminate:
    def __init__(self):
        self.total = 0

    def eval(self, n: int):
        self.total += n
        yield n,

    def terminate(self):
        yield self.total * 100,


@udtf
class SameType:
    @staticmethod
    def analyze(value: AnalyzeArgument):
        return AnalyzeResult(StructType().add("copy", value.dataType).add("constant", StringType()))

    def eval(self, value):
        yield value, "x"


@udtf(returnType="x int")
class Raises:
    def eval(self, n: int):
        raise ValueError(f"bad n {n}")


@udtf(returnType="x int")
class RaisesWhileGenerating:
    def eval(self, n: int):
        yield n,
        if n == 2:
            raise ValueError(f"generator failed at {n}")


@udtf(returnType="x int, y int")
class ShortRow:
    def eval(self, n: int):
        yield n,


@udtf(returnType="x int")
class ScalarRow:
    def eval(self, n: int):
        yield n


@case
def comma_lateral_select_star(spark):
    _table(spark, "lt_t1")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t1, LATERAL repeat_rows(lt_t1.a, lt_t1.b)")


@case
def lateral_with_alias_qualifiers(spark):
    _table(spark, "lt_t2")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT lt_t2.a, r.x FROM lt_t2, LATERAL repeat_rows(a, b) AS r")


@case
def join_lateral_with_literal_argument(spark):
    _table(spark, "lt_t3")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t3 JOIN LATERAL repeat_rows(lt_t3.a, 'z')")


@case
def cross_join_lateral_with_column_aliases(spark):
    _table(spark, "lt_t4")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT a, p, q FROM lt_t4 AS s CROSS JOIN LATERAL repeat_rows(s.a, s.b) r(p, q)")


@case
def left_join_lateral_keeps_only_produced_rows(spark):
    _table(spark, "lt_t5")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t5 LEFT JOIN LATERAL repeat_rows(lt_t5.a, lt_t5.b)")


@case
def join_lateral_on_condition(spark):
    _table(spark, "lt_t6")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t6 JOIN LATERAL repeat_rows(lt_t6.a, lt_t6.b) ON x > 0")


@case
def lateral_expression_arguments_where_order_by(spark):
    _table(spark, "lt_t7")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t7, LATERAL repeat_rows(lt_t7.a + 1, upper(lt_t7.b)) WHERE x > 0 ORDER BY a DESC, x")


@case
def lateral_then_group_by(spark):
    _table(spark, "lt_t8")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT a, count(*) AS n, max(x) AS m FROM lt_t8, LATERAL repeat_rows(a, b) GROUP BY a ORDER BY a")


@case
def terminate_rows_pair_with_the_last_input_row(spark):
    _table(spark, "lt_t9")
    spark.udtf.register("with_terminate", WithTerminate)
    return spark.sql("SELECT * FROM lt_t9, LATERAL with_terminate(a)")


@case
def terminate_rows_with_alias_and_where(spark):
    _table(spark, "lt_t10")
    spark.udtf.register("with_terminate", WithTerminate)
    return spark.sql("SELECT * FROM lt_t10 s, LATERAL with_terminate(s.a) AS u(y) WHERE u.y > 0")


@case
def lateral_with_analyze(spark):
    _table(spark, "lt_t11")
    spark.udtf.register("same_type", SameType)
    return spark.sql("SELECT b, copy, constant FROM lt_t11, LATERAL same_type(lt_t11.b) ORDER BY a")


@case
def lateral_over_an_empty_table(spark):
    spark.createDataFrame([], "a int, b string").createOrReplaceTempView("lt_t12")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lt_t12, LATERAL repeat_rows(a, b)")


@case
def eval_raising_is_udtf_exec_error(spark):
    _table(spark, "lt_t13")
    spark.udtf.register("raises", Raises)
    try:
        spark.sql("SELECT * FROM lt_t13, LATERAL raises(a)").collect()
    except Exception as e:
        # The worker's own frames in PySpark's traceback cannot match: the class, the
        # condition in the text and its message are compared.
        text = str(e)
        return [type(e).__name__, "UDTF_EXEC_ERROR" in text, "bad n 1" in text]


@case
def generator_raising_is_the_python_exception(spark):
    _table(spark, "lt_t14")
    spark.udtf.register("raises_late", RaisesWhileGenerating)
    try:
        spark.sql("SELECT * FROM lt_t14, LATERAL raises_late(a)").collect()
    except Exception as e:
        text = str(e)
        return [type(e).__name__, "UDTF_EXEC_ERROR" in text, "ValueError: generator failed at 2" in text, "Traceback" in text]


@case
def short_row_is_a_schema_mismatch(spark):
    _table(spark, "lt_t15")
    spark.udtf.register("short_row", ShortRow)
    try:
        spark.sql("SELECT * FROM lt_t15, LATERAL short_row(a)").collect()
    except Exception as e:
        # The worker's own frames in PySpark's traceback cannot match: the class, the
        # condition in the text and its message are compared.
        text = str(e)
        return [type(e).__name__, "UDTF_RETURN_SCHEMA_MISMATCH" in text, "Expected column count: 2, Actual column count: 1" in text]


@case
def scalar_row_is_an_invalid_output_row(spark):
    _table(spark, "lt_t16")
    spark.udtf.register("scalar_row", ScalarRow)
    try:
        spark.sql("SELECT * FROM lt_t16, LATERAL scalar_row(a)").collect()
    except Exception as e:
        # The worker's own frames in PySpark's traceback cannot match: the class, the
        # condition in the text and its message are compared.
        text = str(e)
        return [type(e).__name__, "UDTF_INVALID_OUTPUT_ROW_TYPE" in text, "but got 'int'" in text]
