"""Arrow-optimised Python UDTFs (``@udtf(useArrow=True)`` and
``spark.sql.execution.pythonUDTF.arrow.enabled``) beside the pickled path on the same
inputs: the argument values ``eval`` sees (through pandas: a NULL integer is NaN, a
timestamp a ``pandas.Timestamp``), results cast to the declared types through a pandas
DataFrame (``UDTF_ARROW_TYPE_CAST_ERROR`` when the cast fails), the column count check,
nested results, LATERAL and TABLE arguments."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import lit, udtf


class ArgumentTypes:
    def eval(self, i, l, d, s, b, dt, ts, arr, dec, m, st):
        yield tuple(type(v).__name__ for v in (i, l, d, s, b, dt, ts, arr, dec, m, st))


class NullArguments:
    def eval(self, i, s, d, b, dt):
        yield tuple(f"{type(v).__name__}:{v}" for v in (i, s, d, b, dt))


class CastToLong:
    def eval(self, n):
        yield "7",
        yield 2 ** 40,
        yield None,
        yield 3,


class FloatToInt:
    def eval(self, n):
        yield 1.0,
        yield 2.0,


class BoolsToString:
    def eval(self, n):
        yield True, 1
        yield False, 2


class BadDate:
    def eval(self, n):
        yield "2024-01-01",


class ScalarRows:
    def eval(self, n):
        yield n
        yield n + 1


class ShortRows:
    def eval(self, n):
        yield n,


class Nested:
    def eval(self, n):
        yield [1, None, 3], {"a": 1, "b": None}, {"p": 1, "q": "s"}
        yield [], {}, (2, None)
        yield None, None, None


class Temporal:
    def eval(self, n):
        yield datetime.datetime(2024, 1, 2, 3, 4, 5, 6), datetime.date(2024, 2, 29), decimal.Decimal("12.345")
        yield None, None, None


class Raises:
    def eval(self, n):
        raise ValueError("arrow udtf boom")


class Repeat:
    def eval(self, n, s):
        for i in range(int(n) if n == n and n is not None else 0):
            yield i, s


class RowTypes:
    def eval(self, row):
        yield ",".join(f"{k}={type(v).__name__}" for k, v in row.asDict().items()),


_ARGS = [
    lambda: lit(1), lambda: lit(2 ** 40), lambda: lit(1.5), lambda: lit("x"), lambda: lit(True),
    lambda: F.to_date(lit("2024-01-02")), lambda: F.to_timestamp(lit("2024-01-02 03:04:05")),
    lambda: F.array(lit(1), lit(2)), lambda: lit(decimal.Decimal("1.25")), lambda: F.create_map(lit("k"), lit(1)),
    lambda: F.struct(lit(1).alias("p")),
]


def _both(cls, return_type, *args):
    def run(arrow):
        return udtf(cls, returnType=return_type, useArrow=arrow)(*[a() for a in args])
    return run


def _error(run, arrow):
    try:
        run(arrow).collect()
    except Exception as e:
        text = str(e)
        conditions = ["UDTF_ARROW_TYPE_CAST_ERROR", "UDTF_RETURN_SCHEMA_MISMATCH", "UDTF_EXEC_ERROR"]
        return [type(e).__name__] + [c for c in conditions if c in text]
    return "no error"


_types = _both(ArgumentTypes, ", ".join(f"c{i} string" for i in range(11)), *_ARGS)
_nulls = _both(NullArguments, "i string, s string, d string, b string, dt string", lambda: lit(None).cast("int"),
               lambda: lit(None).cast("string"), lambda: lit(None).cast("double"), lambda: lit(None).cast("boolean"),
               lambda: lit(None).cast("date"))


@case
def argument_types_pickled(spark):
    return _types(False)


@case
def argument_types_arrow(spark):
    return _types(True)


@case
def null_arguments_pickled(spark):
    return _nulls(False)


@case
def null_arguments_arrow(spark):
    return _nulls(True)


@case
def results_cast_to_bigint_arrow_is_a_cast_error(spark):
    # A string and integers in one column: pandas keeps them as objects, Arrow cannot cast.
    return _error(_both(CastToLong, "x bigint", lambda: lit(1)), True)


@case
def results_cast_to_bigint_pickled(spark):
    return _both(CastToLong, "x bigint", lambda: lit(1))(False)


@case
def float_results_into_int_arrow(spark):
    return _both(FloatToInt, "x int", lambda: lit(1))(True)


@case
def bools_into_string_and_int_into_double_arrow(spark):
    return _both(BoolsToString, "s string, d double", lambda: lit(1))(True)


@case
def bools_into_string_and_int_into_double_pickled(spark):
    return _both(BoolsToString, "s string, d double", lambda: lit(1))(False)


@case
def string_into_date_is_a_cast_error_arrow(spark):
    return _error(_both(BadDate, "d date", lambda: lit(1)), True)


@case
def scalar_rows_are_one_column_arrow(spark):
    return _both(ScalarRows, "x int", lambda: lit(5))(True)


@case
def scalar_rows_are_an_error_pickled(spark):
    return _error(_both(ScalarRows, "x int", lambda: lit(5)), False)


@case
def short_rows_are_a_schema_mismatch_arrow(spark):
    return _error(_both(ShortRows, "x int, y int", lambda: lit(5)), True)


@case
def nested_results_arrow(spark):
    return _both(Nested, "a array<int>, m map<string,int>, s struct<p:int,q:string>", lambda: lit(1))(True)


@case
def nested_results_pickled(spark):
    return _both(Nested, "a array<int>, m map<string,int>, s struct<p:int,q:string>", lambda: lit(1))(False)


@case
def temporal_and_decimal_results_arrow(spark):
    return _both(Temporal, "ts timestamp, d date, dec decimal(10,3)", lambda: lit(1))(True)


@case
def temporal_and_decimal_results_pickled(spark):
    return _both(Temporal, "ts timestamp, d date, dec decimal(10,3)", lambda: lit(1))(False)


@case
def eval_raising_arrow(spark):
    return _error(_both(Raises, "x int", lambda: lit(1)), True)


@case(conf={"spark.sql.execution.pythonUDTF.arrow.enabled": "true"})
def arrow_enabled_by_conf(spark):
    f = udtf(NullArguments, returnType="i string, s string, d string, b string, dt string")
    return [f.evalType, [list(r) for r in f(lit(None).cast("int"), lit("s"), lit(None).cast("double"), lit(True),
                                             lit(None).cast("date")).collect()]]


@case
def arrow_udtf_in_lateral_join(spark):
    spark.createDataFrame([(1, "a"), (2, "b"), (None, "c")], "a int, b string").createOrReplaceTempView("ua_t1")
    spark.udtf.register("repeat_arrow", udtf(Repeat, returnType="x int, y string", useArrow=True))
    return spark.sql("SELECT * FROM ua_t1, LATERAL repeat_arrow(a, b) ORDER BY a, x")


@case
def arrow_udtf_over_a_table_argument(spark):
    spark.createDataFrame([(1, "a", 1.5)], "k int, s string, d double").createOrReplaceTempView("ua_t2")
    spark.udtf.register("row_types", udtf(RowTypes, returnType="types string", useArrow=True))
    return spark.sql("SELECT * FROM row_types(TABLE(ua_t2))")
