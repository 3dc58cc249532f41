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


# ---- LATERAL over a join, a subquery, another lateral call; without the LATERAL keyword

def _pair(spark, left, right):
    spark.createDataFrame([(1, "a"), (2, "b"), (0, "c"), (3, None)], "a int, b string").createOrReplaceTempView(left)
    spark.createDataFrame([(1, "one"), (2, "two"), (3, "three"), (4, "four")], "a int, c string").createOrReplaceTempView(right)


@case
def comma_lateral_after_a_join_reads_both_sides(spark):
    _pair(spark, "lj_l1", "lj_r1")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT l.a, l.b, r.c, u.x, u.y FROM lj_l1 l JOIN lj_r1 r ON l.a = r.a, LATERAL repeat_rows(l.a, r.c) u ORDER BY l.a, u.x")


@case
def comma_lateral_after_a_join_select_star(spark):
    _pair(spark, "lj_l2", "lj_r2")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lj_l2 JOIN lj_r2 ON lj_l2.a = lj_r2.a, LATERAL repeat_rows(lj_r2.a, lj_l2.b) ORDER BY 1, 5")


@case
def join_lateral_after_a_join_with_on(spark):
    _pair(spark, "lj_l3", "lj_r3")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT l.a, r.c, t.x FROM lj_l3 l JOIN lj_r3 r USING (a) JOIN LATERAL repeat_rows(l.a + 1, r.c) AS t ON t.x > 0 ORDER BY l.a, t.x")


@case
def cross_join_lateral_after_a_left_join(spark):
    _pair(spark, "lj_l4", "lj_r4")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT l.a, r.c, p, q FROM lj_l4 l LEFT JOIN lj_r4 r ON l.a = r.a + 1 CROSS JOIN LATERAL repeat_rows(l.a, coalesce(r.c, l.b)) t(p, q) ORDER BY l.a, p")


@case
def lateral_after_a_subquery(spark):
    _table(spark, "lj_s1")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT s.k, s.b, x, y FROM (SELECT a + 1 AS k, b FROM lj_s1 WHERE a < 3) s, LATERAL repeat_rows(s.k, s.b) ORDER BY s.k, x")


@case
def lateral_after_an_aggregating_subquery(spark):
    _table(spark, "lj_s2")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT g.n, u.* FROM (SELECT count(*) AS n, max(b) AS m FROM lj_s2) g, LATERAL repeat_rows(CAST(g.n AS INT) - 2, g.m) u ORDER BY u.x")


@case
def lateral_after_a_cte(spark):
    _table(spark, "lj_s3")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("WITH w AS (SELECT a, upper(b) AS b FROM lj_s3) SELECT w.a, y FROM w, LATERAL repeat_rows(w.a, w.b) ORDER BY w.a, x")


@case
def lateral_inside_a_subquery(spark):
    _table(spark, "lj_s4")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT a, count(*) AS n FROM (SELECT * FROM lj_s4, LATERAL repeat_rows(a, b)) GROUP BY a ORDER BY a")


@case
def lateral_call_over_another_lateral_call(spark):
    _table(spark, "lj_s5")
    spark.udtf.register("repeat_rows", Repeat)
    spark.udtf.register("with_terminate", WithTerminate)
    return spark.sql("SELECT lj_s5.a, u.x, w.x AS w FROM lj_s5, LATERAL repeat_rows(lj_s5.a, lj_s5.b) u, LATERAL with_terminate(u.x + 10) w ORDER BY 1, 2, 3")


@case
def without_lateral_keyword(spark):
    _table(spark, "lj_n1")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lj_n1, repeat_rows(lj_n1.a, lj_n1.b) ORDER BY a, x")


@case
def without_lateral_keyword_after_a_join(spark):
    _pair(spark, "lj_n2", "lj_r5")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT l.a, r.c, v.y FROM lj_n2 l JOIN lj_r5 r ON l.a = r.a, repeat_rows(r.a, l.b) v ORDER BY l.a, v.x")


@case
def without_lateral_keyword_after_a_subquery(spark):
    _table(spark, "lj_n3")
    spark.udtf.register("same_type", SameType)
    return spark.sql("SELECT * FROM (SELECT b, a * 10 AS big FROM lj_n3) s, same_type(s.big) ORDER BY big")


@case
def lateral_analyze_after_a_join(spark):
    _pair(spark, "lj_l6", "lj_r6")
    spark.udtf.register("same_type", SameType)
    return spark.sql("SELECT l.a, copy, constant FROM lj_l6 l JOIN lj_r6 r ON l.a = r.a, LATERAL same_type(r.c) ORDER BY l.a")


@case
def lateral_aliases_of_the_wrong_count(spark):
    _table(spark, "lj_e1")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lj_e1, LATERAL repeat_rows(a, b) t(p)")


@case
def lateral_argument_of_an_unknown_column(spark):
    _pair(spark, "lj_e2", "lj_r7")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT * FROM lj_e2 l JOIN lj_r7 r ON l.a = r.a, LATERAL repeat_rows(l.a, r.zzz)")


@case
def without_lateral_keyword_constant_arguments(spark):
    _table(spark, "lj_n4")
    spark.udtf.register("repeat_rows", Repeat)
    return spark.sql("SELECT lj_n4.a, r.x, r.y FROM lj_n4, repeat_rows(2, 'k') r WHERE lj_n4.a < 2 ORDER BY 1, 2")
