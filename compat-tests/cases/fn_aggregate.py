"""Aggregate functions of the catalogue (issue 7): approx_count_distinct, min_by/max_by,
first/last/any_value, collect_list/collect_set/array_agg, count_if, bool_and/bool_or,
bit_and/bit_or/bit_xor, product, listagg/string_agg, try_sum/try_avg, DISTINCT and
FILTER, GroupedData.agg with a dict. Signature matrices apply each to a column of every
type (Spark's implicit casts and type errors); the rest are values, NULLs, empty input,
edge values, names, SQL forms, and ANSI on and off."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from ._fn_aggregate_data import TYPED_COLUMNS, matrix, typed

NAN, INF = float("nan"), float("inf")


def _ints(spark):
    return spark.createDataFrame([(1, 5), (1, None), (1, 3), (2, 7), (2, 7), (3, None)], "g int, x int")


def _empty(spark):
    return spark.createDataFrame([], "g int, x int, s string, b boolean, d double")


# --- approx_count_distinct ---------------------------------------------------------------------------

@case
def approx_count_distinct_matrix(spark):
    return matrix(spark, lambda c: F.approx_count_distinct(c))


@case
def approx_count_distinct_grouped(spark):
    return _ints(spark).groupBy("g").agg(F.approx_count_distinct("x"), F.approxCountDistinct("x")).orderBy("g")


@case
def approx_count_distinct_rsd(spark):
    df = spark.createDataFrame([(i % 7,) for i in range(40)], "x int")
    return df.agg(F.approx_count_distinct("x", 0.1), F.approx_count_distinct(F.col("x") * 2, 0.01))


@case
def approx_count_distinct_rsd_too_large(spark):
    return _ints(spark).agg(F.approx_count_distinct("x", 0.5))


@case
def approx_count_distinct_empty_and_null(spark):
    df = spark.createDataFrame([(None,), (None,)], "x string")
    return df.agg(F.approx_count_distinct("x")).crossJoin(_empty(spark).agg(F.approx_count_distinct("s")))


@case
def approx_count_distinct_edge_values(spark):
    df = spark.createDataFrame([(NAN, "😀"), (NAN, "e\u0301"), (0.0, "é"), (-0.0, ""), (INF, ""), (-INF, None)],
                               "d double, s string")
    return df.agg(F.approx_count_distinct("d"), F.approx_count_distinct("s"))


@case
def approx_count_distinct_sql(spark):
    return _ints(spark).selectExpr("approx_count_distinct(x)", "approx_count_distinct(x, 0.2) AS r")


# --- min_by / max_by -----------------------------------------------------------------------------

@case
def min_by_max_by_ord_matrix(spark):
    return matrix(spark, lambda c: F.max_by("s", c), columns=["i", "d", "m", "s", "b", "dt", "ts", "bin", "a", "st", "mp", "n"])


@case
def min_by_value_matrix(spark):
    return matrix(spark, lambda c: F.min_by(c, "i"))


@case
def min_by_max_by_ties_take_the_last(spark):
    df = spark.createDataFrame([(1, "a"), (2, "b"), (2, "c"), (1, "d"), (None, "e")], "o int, v string")
    return df.agg(F.max_by("v", "o"), F.min_by("v", "o"))


@case
def min_by_max_by_grouped(spark):
    df = spark.createDataFrame([(1, "x", 3.0), (1, "y", 1.0), (1, None, 0.5), (2, "z", None), (3, "w", NAN),
                                (3, "v", 2.0), (4, None, None)], "g int, v string, o double")
    return df.groupBy("g").agg(F.min_by("v", "o"), F.max_by("v", "o")).orderBy("g")


@case
def min_by_max_by_zero_signs(spark):
    df = spark.createDataFrame([("neg", -0.0), ("pos", 0.0), ("neg2", -0.0)], "v string, o double")
    return df.agg(F.min_by("v", "o"), F.max_by("v", "o"))


@case
def min_by_max_by_empty(spark):
    return _empty(spark).agg(F.min_by("s", "x"), F.max_by("d", "s"))


@case
def min_by_max_by_sql(spark):
    df = spark.createDataFrame([(1, "a"), (3, "b"), (2, "c")], "o int, v string")
    return df.selectExpr("max_by(v, o)", "min_by(v, -o) AS m", "max_by(o, v)")


# --- first / last / first_value / last_value / any_value -----------------------------------------

@case
def first_value_matrix(spark):
    return matrix(spark, lambda c: F.first_value(c))


@case
def first_last_value_ignore_nulls(spark):
    df = spark.createDataFrame([(1, None), (1, 5), (1, 7), (1, None), (2, None)], "g int, x int")
    return (df.groupBy("g")
            .agg(F.first_value("x"), F.first_value("x", True), F.last_value("x"), F.last_value("x", True),
                 F.any_value("x"), F.any_value("x", True), F.first("x", ignorenulls=True), F.last("x", True))
            .orderBy("g"))


@case
def first_value_ignore_nulls_column(spark):
    df = spark.createDataFrame([(None,), (2,)], "x int")
    return df.agg(F.first_value("x", F.lit(True)), F.any_value("x", F.lit(False)))


@case
def first_value_ignore_nulls_not_literal(spark):
    df = spark.createDataFrame([(None, True), (2, False)], "x int, b boolean")
    return df.agg(F.first_value("x", F.col("b")))


@case
def first_value_ignore_nulls_not_boolean(spark):
    df = spark.createDataFrame([(None,), (2,)], "x int")
    return df.agg(F.first_value("x", F.lit(1)))


@case
def any_value_matrix(spark):
    return matrix(spark, lambda c: F.any_value(c, True))


@case
def first_last_empty(spark):
    return _empty(spark).agg(F.first("x"), F.last("s", True), F.first_value("d"), F.any_value("b"))


@case
def first_last_value_sql(spark):
    df = spark.createDataFrame([(None,), (2,), (3,), (None,)], "x int")
    return df.selectExpr("first_value(x)", "first_value(x, true)", "last_value(x, true)", "any_value(x, true)",
                         "first(x, true)", "last(x)")


@case
def first_last_repr(spark):
    return [repr(F.first_value("x")), repr(F.last_value("x", True)), repr(F.any_value("x")), repr(F.any_value("x", False)),
            repr(F.first("x")), repr(F.last("x", True))]


# --- collect_list / collect_set / array_agg ------------------------------------------------------

@case
def collect_list_matrix(spark):
    return matrix(spark, lambda c: F.collect_list(c))


@case
def collect_set_matrix(spark):
    return matrix(spark, lambda c: F.collect_set(c))


@case
def array_agg_matrix(spark):
    return matrix(spark, lambda c: F.array_agg(c), columns=["i", "s", "d", "a", "n"])


@case
def collect_list_grouped(spark):
    return _ints(spark).groupBy("g").agg(F.collect_list("x"), F.array_agg("x"), F.collect_set("x")).orderBy("g")


@case
def collect_list_empty(spark):
    return _empty(spark).agg(F.collect_list("x"), F.collect_set("s"), F.array_agg("d"))


@case
def collect_set_hash_order_ints(spark):
    values = [16611, 73606, 99109, 7271, 32432, -1, 0, 2**31 - 1, -2**31, 65536, 65537, 16, 32, 48, 7271]
    df = spark.createDataFrame([(v,) for v in values], "x int")
    return df.agg(F.collect_set("x"))


@case
def collect_set_hash_order_strings(spark):
    values = ["b", "a", "", "😀", "e\u0301", "é", "abc", "abcd", "abcde", "Spark", "spark", "ß", "a", "😀"]
    df = spark.createDataFrame([(v,) for v in values], "s string")
    return df.agg(F.collect_set("s"))


@case
def collect_set_hash_order_many(spark):
    df = spark.createDataFrame([(i * 7919 % 1000 - 500, str(i * 31 % 97)) for i in range(60)], "x int, s string")
    return df.agg(F.collect_set("x"), F.collect_set("s"), F.collect_set(F.col("x").cast("bigint") * 100000000000))


@case
def collect_set_doubles(spark):
    df = spark.createDataFrame([(NAN,), (NAN,), (0.0,), (-0.0,), (1.0,), (INF,), (-INF,), (1.5,), (1e300,), (-2.25,),
                                (3.0e9,), (1.0,)], "d double")
    return df.agg(F.collect_set("d"), F.collect_set(F.col("d").cast("float")))


@case
def collect_set_other_types(spark):
    df = spark.createDataFrame([
        (True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 0, 0, 1), decimal.Decimal("1.50"), 3),
        (False, datetime.date(1970, 1, 1), datetime.datetime(1970, 1, 1), decimal.Decimal("-7.25"), -3),
        (True, datetime.date(1, 1, 1), datetime.datetime(2100, 6, 1, 12), decimal.Decimal("100.00"), 100),
        (None, datetime.date(2024, 1, 1), None, decimal.Decimal("0.10"), None),
    ], "b boolean, dt date, ts timestamp, m decimal(10,2), t tinyint")
    return df.agg(F.collect_set("b"), F.collect_set("dt"), F.collect_set("ts"), F.collect_set("m"), F.collect_set("t"),
                  F.collect_set(F.col("t").cast("smallint")))


@case
def collect_set_grouped(spark):
    df = spark.createDataFrame([(i % 3, i * 37 % 11) for i in range(30)], "g int, x int")
    return df.groupBy("g").agg(F.collect_set("x")).orderBy("g")


@case
def collect_set_map_fails(spark):
    return typed(spark).agg(F.collect_set("mp"))


@case
def collect_sql(spark):
    return _ints(spark).selectExpr("collect_list(x)", "collect_set(x)", "array_agg(x)")


@case
def collect_distinct_sql(spark):
    return _ints(spark).selectExpr("collect_list(DISTINCT x)", "collect_set(DISTINCT x)")


# --- count_if ------------------------------------------------------------------------------------

@case
def count_if_matrix(spark):
    return matrix(spark, lambda c: F.count_if(c))


@case
def count_if_values(spark):
    df = _ints(spark)
    return (df.groupBy("g").agg(F.count_if(F.col("x") > 4), F.count_if(F.col("x").isNull()), F.count_if(F.lit(True)))
            .orderBy("g"))


@case
def count_if_empty(spark):
    return _empty(spark).agg(F.count_if("b"), F.count_if(F.col("x") > 1))


@case
def count_if_sql(spark):
    return _ints(spark).selectExpr("count_if(x > 4)", "count_if(x IS NULL) AS nulls")


# --- bool_and / every / bool_or / some -----------------------------------------------------------

@case
def bool_and_matrix(spark):
    return matrix(spark, lambda c: F.bool_and(c))


@case
def bool_or_matrix(spark):
    return matrix(spark, lambda c: F.some(c), columns=["i", "s", "b", "n", "d"])


@case
def bool_aggregates_values(spark):
    df = spark.createDataFrame([(1, True), (1, None), (1, False), (2, True), (2, None), (3, None), (4, False)],
                               "g int, b boolean")
    return (df.groupBy("g").agg(F.bool_and("b"), F.every("b"), F.bool_or("b"), F.some("b"))
            .orderBy("g"))


@case
def bool_aggregates_empty(spark):
    return _empty(spark).agg(F.bool_and("b"), F.bool_or("b"), F.every(F.col("x") > 0))


@case
def bool_aggregates_strings(spark):
    df = spark.createDataFrame([("true",), ("false",), (None,)], "s string")
    return df.agg(F.bool_and("s"), F.bool_or("s"))


@case
def bool_aggregates_bad_string(spark):
    df = spark.createDataFrame([("true",), ("maybe",)], "s string")
    return df.agg(F.bool_and("s"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def bool_aggregates_bad_string_legacy(spark):
    df = spark.createDataFrame([("true",), ("maybe",)], "s string")
    return df.agg(F.bool_and("s"), F.bool_or("s"))


@case
def bool_aggregates_sql(spark):
    df = spark.createDataFrame([(1,), (2,), (None,)], "x int")
    return df.selectExpr("bool_and(x > 0)", "every(x > 1)", "bool_or(x > 1)", "some(x > 5)", "any(x > 1)")


# --- bit_and / bit_or / bit_xor ------------------------------------------------------------------

@case
def bit_and_matrix(spark):
    return matrix(spark, lambda c: F.bit_and(c), columns=[c for c in TYPED_COLUMNS if c != "n"])


@case
def bit_xor_matrix(spark):
    return matrix(spark, lambda c: F.bit_xor(c), columns=["i", "l", "t", "sm", "d", "s", "b"])


@case
def bit_and_of_null_column(spark):
    # Spark replaces a NULL-typed input by a NULL literal and names the column bit_and(NULL).
    return typed(spark).agg(F.bit_and("n"), F.bit_or("n"))


@case
def bit_aggregates_values(spark):
    df = spark.createDataFrame([(1, 12, -1), (1, 10, 5), (1, None, None), (2, 7, -2**63), (2, 7, 2**63 - 1), (3, None, None)],
                               "g int, x int, l bigint")
    return (df.groupBy("g").agg(F.bit_and("x"), F.bit_or("x"), F.bit_xor("x"), F.bit_and("l"), F.bit_or("l"),
                                F.bit_xor("l"))
            .orderBy("g"))


@case
def bit_aggregates_small_types(spark):
    df = spark.createDataFrame([(-128, 32767), (127, -32768), (5, 3)], "t tinyint, s smallint")
    return df.agg(F.bit_and("t"), F.bit_or("t"), F.bit_xor("t"), F.bit_and("s"), F.bit_or("s"), F.bit_xor("s"))


@case
def bit_aggregates_empty(spark):
    return _empty(spark).agg(F.bit_and("x"), F.bit_or("x"), F.bit_xor("x"))


@case
def bit_aggregates_sql(spark):
    return _ints(spark).selectExpr("bit_and(x)", "bit_or(x + 1)", "bit_xor(x)")


# --- product -------------------------------------------------------------------------------------

@case
def product_matrix(spark):
    return matrix(spark, lambda c: F.product(c))


@case
def product_values(spark):
    df = spark.createDataFrame([(1, 2.0), (1, -1.5), (1, None), (2, None), (3, 1e200), (3, 1e200), (4, 0.0), (4, -3.0),
                                (5, NAN), (5, 2.0), (6, INF), (6, 0.0)], "g int, d double")
    return df.groupBy("g").agg(F.product("d")).orderBy("g")


@case
def product_integers(spark):
    df = spark.createDataFrame([(2**62,), (4,), (3,)], "l bigint")
    return df.agg(F.product("l"), F.product(F.col("l") % 5))


@case
def product_empty(spark):
    return _empty(spark).agg(F.product("x"), F.product("d"))


@case
def product_sql(spark):
    return _ints(spark).groupBy("g").agg(F.expr("product(x)"), F.expr("product(x * 0.5)")).orderBy("g")


# --- listagg / string_agg ------------------------------------------------------------------------

@case
def listagg_matrix(spark):
    return matrix(spark, lambda c: F.listagg(c))


@case
def string_agg_matrix(spark):
    return matrix(spark, lambda c: F.string_agg(c, ","), columns=["i", "d", "s", "b", "bin", "a", "n"])


def _strings(spark):
    return spark.createDataFrame([(1, "a"), (1, None), (1, "b"), (1, ""), (2, None), (3, "😀"), (3, "e\u0301"), (3, "😀")],
                                 "g int, s string")


# A DISTINCT aggregate next to order-sensitive ones (listagg, collect_list) makes Spark
# plan an Expand and two aggregations, which feeds the others their rows in another
# order; the distinct and non-distinct forms are recorded apart.
@case
def listagg_values(spark):
    return (_strings(spark).groupBy("g").agg(F.listagg("s"), F.listagg("s", ", "), F.string_agg("s", "|"))
            .orderBy("g"))


@case
def listagg_distinct_values(spark):
    return (_strings(spark).groupBy("g").agg(F.listagg_distinct("s", "-"), F.string_agg_distinct("s"))
            .orderBy("g"))


@case
def listagg_binary(spark):
    df = spark.createDataFrame([(b"ab",), (None,), (b"\x00\xff",)], "b binary")
    return df.agg(F.listagg("b"), F.listagg("b", b"--"), F.string_agg_distinct("b", b"|"))


@case
def listagg_mixed_delimiter(spark):
    df = spark.createDataFrame([(b"ab",), (b"cd",)], "b binary")
    return df.agg(F.listagg("b", ","))


@case
def listagg_delimiter_not_constant(spark):
    df = spark.createDataFrame([("a", ","), ("b", ";")], "s string, d string")
    return df.agg(F.listagg("s", F.col("d")))


@case
def listagg_empty(spark):
    return _empty(spark).agg(F.listagg("s"), F.string_agg("s", ","))


@case
def listagg_sql(spark):
    df = spark.createDataFrame([("a",), ("b",), ("a",), (None,)], "s string")
    return df.selectExpr("listagg(s)", "listagg(s, '/')", "string_agg(s, ', ')")


@case
def listagg_distinct_sql(spark):
    df = spark.createDataFrame([("a",), ("b",), ("a",), (None,)], "s string")
    return df.selectExpr("listagg(DISTINCT s, '+')", "string_agg(DISTINCT s)")


@case
def listagg_repr(spark):
    return [repr(F.listagg("s")), repr(F.listagg("s", ",")), repr(F.string_agg_distinct("s", "|")),
            repr(F.listagg_distinct("s"))]


# --- try_sum / try_avg ---------------------------------------------------------------------------

@case
def try_sum_matrix(spark):
    return matrix(spark, lambda c: F.try_sum(c))


@case
def try_avg_matrix(spark):
    return matrix(spark, lambda c: F.try_avg(c))


# show=False: Java 17 prints the average 4.611686018427388E18 with one more digit
# (docs/semantics.md, float text); the values are compared.
@case(show=False)
def try_sum_overflow(spark):
    df = spark.createDataFrame([(1, 2**63 - 1), (1, 1), (2, 5), (2, None), (3, None)], "g int, l bigint")
    return df.groupBy("g").agg(F.try_sum("l"), F.try_avg("l"), F.sum(F.col("l") % 2)).orderBy("g")


@case(conf={"spark.sql.ansi.enabled": "false"}, show=False)
def try_sum_overflow_legacy(spark):
    df = spark.createDataFrame([(1, 2**63 - 1), (1, 1), (2, 5), (2, None), (3, None)], "g int, l bigint")
    return df.groupBy("g").agg(F.try_sum("l"), F.try_avg("l"), F.sum("l")).orderBy("g")


@case
def try_sum_int_widens(spark):
    df = spark.createDataFrame([(2**31 - 1,), (2**31 - 1,), (-5,)], "i int")
    return df.agg(F.try_sum("i"), F.try_avg("i"))


@case
def try_sum_decimals(spark):
    df = spark.createDataFrame([(decimal.Decimal("9" * 36 + ".99"),), (decimal.Decimal("9" * 36 + ".99"),)],
                               "m decimal(38,2)")
    return df.agg(F.try_sum("m"), F.try_avg("m"))


@case
def try_sum_decimal_fits(spark):
    df = spark.createDataFrame([(decimal.Decimal("1.25"),), (decimal.Decimal("-3.50"),), (None,)], "m decimal(5,2)")
    return df.agg(F.try_sum("m"), F.try_avg("m"))


@case
def try_sum_doubles(spark):
    df = spark.createDataFrame([(1.7976931348623157e308,), (1.7976931348623157e308,), (1.0,)], "d double")
    return df.agg(F.try_sum("d"), F.try_avg("d"))


@case
def try_sum_empty(spark):
    return _empty(spark).agg(F.try_sum("x"), F.try_avg("x"), F.try_sum("d"))


@case
def try_sum_sql(spark):
    return _ints(spark).selectExpr("try_sum(x)", "try_avg(x)", "try_sum(DISTINCT x)", "try_avg(DISTINCT x)")


# --- DISTINCT and FILTER -------------------------------------------------------------------------

def _dups(spark):
    return spark.createDataFrame([(1, 1, "a", 1.5), (1, 1, "a", 1.5), (1, 2, None, -0.0), (1, None, "b", 0.0),
                                  (2, 2, "b", NAN), (2, 2, "c", NAN), (2, None, None, None)],
                                 "g int, x int, s string, d double")


@case
def distinct_aggregates(spark):
    return (_dups(spark).groupBy("g")
            .agg(F.count_distinct("x", "s"), F.sum_distinct("x"), F.expr("avg(DISTINCT x)"), F.sum_distinct("d"),
                 F.expr("count(DISTINCT d)"), F.expr("collect_set(DISTINCT s)"), F.expr("max(DISTINCT x)"))
            .orderBy("g"))


@case
def distinct_aggregates_sql(spark):
    return _dups(spark).selectExpr("count(DISTINCT x, s)", "sum(DISTINCT x)", "avg(DISTINCT d)", "count(DISTINCT g)",
                                   "stddev(DISTINCT x)")


@case
def filter_clause(spark):
    return (_dups(spark).groupBy("g")
            .agg(F.expr("sum(x) FILTER (WHERE s IS NOT NULL)"), F.expr("count(*) FILTER (WHERE x > 1)"),
                 F.expr("collect_list(s) FILTER (WHERE x = 1)"), F.expr("avg(d) FILTER (WHERE d = d)"))
            .orderBy("g"))


@case
def filter_clause_global(spark):
    return _dups(spark).selectExpr("count(1) FILTER (WHERE g = 2)", "max(s) FILTER (WHERE x IS NULL) AS m",
                                   "count(DISTINCT x) FILTER (WHERE g = 1)", "first(s) FILTER (WHERE x = 2)")


@case
def filter_clause_not_boolean(spark):
    return _dups(spark).selectExpr("sum(x) FILTER (WHERE s)")


@case
def filter_clause_on_non_aggregate(spark):
    return _dups(spark).selectExpr("abs(x) FILTER (WHERE x > 1)")


# --- GroupedData.agg with a dict -----------------------------------------------------------------

@case
def agg_dict_more_functions(spark):
    df = spark.createDataFrame([(1, 2.0, "a"), (1, 3.0, "b"), (2, 5.0, "c"), (2, 5.0, None)], "g int, x double, s string")
    return (df.groupBy("g")
            .agg({"x": "collect_list", "s": "collect_set"})
            .orderBy("g"))


@case
def agg_dict_statistics(spark):
    df = spark.createDataFrame([(1, 2.0), (1, 3.0), (1, 7.0), (2, 5.0)], "g int, x double")
    return df.groupBy("g").agg({"x": "stddev_pop"}).join(df.groupBy("g").agg({"x": "variance"}), "g") \
        .join(df.groupBy("g").agg({"x": "product"}), "g").join(df.groupBy("g").agg({"x": "median"}), "g").orderBy("g")


@case
def agg_dict_aliases(spark):
    df = spark.createDataFrame([(1, 2.0), (1, 3.0), (2, 5.0)], "g int, x double")
    return (df.groupBy("g").agg({"x": "std"}).join(df.groupBy("g").agg({"x": "approx_count_distinct"}), "g")
            .join(df.groupBy("g").agg({"*": "count"}), "g").join(df.groupBy("g").agg({"x": "mean"}), "g").orderBy("g"))


@case
def agg_dict_unknown_function(spark):
    df = spark.createDataFrame([(1, 2.0)], "g int, x double")
    return df.groupBy("g").agg({"x": "no_such_agg"})


@case
def agg_dict_not_an_aggregate(spark):
    df = spark.createDataFrame([(1, 2.0)], "g int, x double")
    return df.groupBy("g").agg({"x": "abs"})


# --- sum and product overflow under ANSI and legacy ----------------------------------------------

@case
def sum_overflow_ansi(spark):
    df = spark.createDataFrame([(2**62,), (2**62,)], "l bigint")
    return df.agg(F.sum("l"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def sum_overflow_legacy(spark):
    df = spark.createDataFrame([(2**62,), (2**62,)], "l bigint")
    return df.agg(F.sum("l"), F.try_sum("l"), F.product("l"))
