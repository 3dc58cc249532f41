"""Regressions of the twelfth fuzzing session (docs/reliability.md): Spark's
`UnwrapCastInBinaryComparison` makes `CAST(x AS t) <=> c` the literal FALSE when the
constant `c` is one `x`'s narrower type cannot hold (a fraction against an integer, a
value past its range, a DOUBLE a FLOAT cannot be), so `x` never runs and raises
nothing (seed 202614, group 119: `pmod(c0, c0) <=> 99.99` under ANSI); where the
constant fits, or the cast is not a widening one, `x` runs as before."""

from harness import case
from pyspark.sql import functions as F


def _frame(spark):
    return spark.createDataFrame([(0, "a", 0.5), (1, "b", 1.5), (None, "c", None)], "c0 int, c1 string, f float")


def _zero_divisor():
    return F.pmod(F.col("c0"), F.col("c0"))


@case
def null_safe_equal_to_a_fraction_never_runs_the_integer_side(spark):
    return _frame(spark).filter(_zero_divisor().eqNullSafe(F.lit("99.99").cast("decimal(10,2)")))


@case
def null_safe_equal_to_a_folded_fraction_under_a_union(spark):
    df = _frame(spark)
    kept = df.filter(_zero_divisor().eqNullSafe(F.abs(F.lit("99.99").cast("decimal(10,2)"))))
    return df.unionByName(kept).select("c1")


@case
def null_safe_equal_past_the_integer_range(spark):
    return _frame(spark).filter(_zero_divisor().eqNullSafe(F.lit(2**40)))


@case
def null_safe_equal_to_a_fraction_in_a_select(spark):
    return _frame(spark).select(_zero_divisor().eqNullSafe(F.lit(1.5)).alias("x"), "c1")


@case
def null_safe_equal_with_the_constant_on_the_left(spark):
    return _frame(spark).filter(F.lit(2.5).eqNullSafe(_zero_divisor()))


@case
def null_safe_equal_to_a_whole_number_still_runs(spark):
    return _frame(spark).filter(_zero_divisor().eqNullSafe(F.lit(2.0)))


@case
def plain_equal_to_a_fraction_still_runs(spark):
    return _frame(spark).filter(_zero_divisor() == F.lit("99.99").cast("decimal(10,2)"))


@case
def bigint_against_a_fraction_is_not_unwrapped(spark):
    # BIGINT to DOUBLE may round: Spark leaves the comparison, so pmod runs.
    c = F.col("c0").cast("long")
    return _frame(spark).filter(F.pmod(c, c).eqNullSafe(F.lit(1.5)))


@case
def smallint_against_a_value_past_its_range(spark):
    c = F.col("c0").cast("short")
    return _frame(spark).filter(F.pmod(c, c).eqNullSafe(F.lit(100000)))


@case
def float_against_a_double_it_cannot_hold(spark):
    return _frame(spark).select(F.col("f").eqNullSafe(F.lit(0.1)).alias("x"), F.col("f").eqNullSafe(F.lit(0.5)).alias("y"))


@case
def decimal_against_a_finer_decimal(spark):
    d = F.col("c0").cast("decimal(5,1)")
    return _frame(spark).select(d.eqNullSafe(F.lit("0.05").cast("decimal(6,2)")).alias("x"), d.eqNullSafe(F.lit("1.00").cast("decimal(6,2)")).alias("y"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def null_safe_equal_to_a_fraction_with_ansi_off(spark):
    return _frame(spark).select((F.col("c0") + 1).eqNullSafe(F.lit(0.5)).alias("x"), _zero_divisor().eqNullSafe(F.lit(0.5)).alias("y"))


# Seed 202614, group 443: with ANSI off a STRING in arithmetic beside a DECIMAL is read
# as a DOUBLE (Spark's legacy PromoteStrings), as it is beside the other numbers.

def _strings(spark):
    return spark.createDataFrame([("2", 1), (" 1.5 ", 2), ("x", 3), (None, 4)], "s string, n int")


_DECIMAL_ARITHMETIC = [
    "s * CAST(2.5 AS DECIMAL(10,2)) AS m",
    "CAST(2.5 AS DECIMAL(10,2)) + s AS a",
    "s - CAST(1 AS DECIMAL(3,0)) AS d",
    "s / CAST(4 AS DECIMAL(10,2)) AS q",
    "coalesce(CAST(NULL AS STRING), CAST('-0.5' AS DECIMAL(10,2))) * greatest(CAST('-0.5' AS DECIMAL(10,2)), CAST('1.25' AS DECIMAL(10,2))) AS g",
]


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_with_decimal_arithmetic_with_ansi_off(spark):
    return _strings(spark).selectExpr(*_DECIMAL_ARITHMETIC)


@case
def string_with_decimal_arithmetic_under_ansi(spark):
    return _strings(spark).filter("s = '2'").selectExpr(*_DECIMAL_ARITHMETIC)


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_with_decimal_modulo_with_ansi_off(spark):
    return _strings(spark).selectExpr("s % CAST(0.7 AS DECIMAL(3,1)) AS r", "pmod(s, CAST(0.7 AS DECIMAL(3,1))) AS p")


# A STRING beside a DECIMAL, and strings in arithmetic generally (found beside group
# 443): under ANSI a string is read as a BIGINT beside integers and as a DOUBLE beside
# any fractional number, decimals included (`s + 1.5` is a DOUBLE); two strings are
# refused; `div` refuses the DOUBLE a string is read as.
_D = "CAST(2.5 AS DECIMAL(10,2))"
_STRING_OPERANDS = [
    ("equal", f"s = {_D}"),
    ("less", f"s < {_D}"),
    ("in_list", f"s IN ({_D}, 1)"),
    ("case_when", f"CASE WHEN n > 0 THEN s ELSE {_D} END"),
    ("greatest", f"greatest(s, {_D})"),
    ("array", f"array(s, {_D})"),
    ("nvl", f"nvl(s, {_D})"),
    ("if", f"if(n > 0, {_D}, s)"),
    ("plus", f"s + {_D}"),
    ("divide", f"s / {_D}"),
    ("remainder", f"{_D} % s"),
    ("pmod", f"pmod(s, {_D})"),
    ("plus_decimal_literal", "s + 1.5"),
    ("minus_decimal_literal", "s - 1.5"),
    ("plus_whole_decimal", "s + CAST(1 AS DECIMAL(3,0))"),
    ("coalesce_decimal_literal", "coalesce(s, 1.5)"),
    ("plus_string", "s + s"),
    ("times_string", "s * s"),
    ("remainder_string", "s % s"),
    ("divide_string", "s / s"),
    ("div_string", "s div s"),
    ("div_integer", "s div 2"),
    ("integer_div", "2 div s"),
    ("div_decimal", "s div 1.5"),
    ("plus_integer", "s + 1"),
    ("tinyint_plus", "CAST(1 AS TINYINT) + s"),
]


def _string_operand_case(name, expr, ansi):
    def run(spark):
        return _strings(spark).selectExpr(f"{expr} AS x")

    run.__name__ = name
    return case(conf={"spark.sql.ansi.enabled": ansi})(run)


for _name, _expr in _STRING_OPERANDS:
    for _mode, _ansi in (("ansi", "true"), ("legacy", "false")):
        _string_operand_case(f"string_operand_{_name}_{_mode}", _expr, _ansi)


# With ANSI off, IN compares a STRING beside numbers as text (Spark's InConversion
# widens to STRING): `' 1.5 ' IN (1, 2)` is false, not true after a cast to BIGINT.

def _texts(spark):
    return spark.createDataFrame([("2",), (" 1.5 ",), ("x",), ("1.0",), (None,)], "s string")


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_in_integers_compares_text_with_ansi_off(spark):
    return _texts(spark).selectExpr("s", "s IN (1, 2) AS a", "s IN ('1', 2) AS b", "s IN (1.5D) AS c", "s IN (2.5BD, 1) AS d")


@case(conf={"spark.sql.ansi.enabled": "false"})
def integer_in_strings_compares_text_with_ansi_off(spark):
    return _texts(spark).selectExpr("s", "1 IN (s, '01') AS a", "CAST(2 AS BIGINT) IN (s) AS b")


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_in_dates_compares_text_with_ansi_off(spark):
    return spark.createDataFrame([("2024-01-05",), ("2024-1-5",)], "s string").selectExpr("s", "s IN (DATE'2024-01-05') AS a")


@case(conf={"spark.sql.ansi.enabled": "false"})
def string_in_integers_as_a_filter_with_ansi_off(spark):
    return _texts(spark).filter("s IN (1, 2)")


# Seed 202618, group 163: a side Spark's optimizer proves empty (a filter whose condition
# folds to NULL or FALSE, `NULL AND x` included) empties an INTERSECT, an inner or semi
# join and what reads them (PropagateEmptyRelation), so the other side never runs and
# raises nothing.

def _failing(spark):
    # make_date with month 12345 fails under ANSI wherever it runs.
    return _frame(spark).withColumn("d", F.make_date(F.lit(2024), F.col("c0") + 12345, F.lit(1)))


def _never(df):
    return df.filter((F.lit(2.0) > F.lit(None).cast("double")) & (F.col("c0") > 0))


@case
def intersect_with_an_empty_side_never_runs_the_other(spark):
    df = _failing(spark)
    return df.intersect(_never(df))


@case
def inner_join_with_an_empty_side_never_runs_the_other(spark):
    left = _failing(spark)
    return left.join(_never(_frame(spark)).select("c0"), "c0")


@case
def semi_join_with_an_empty_right_never_runs_the_left(spark):
    left = _failing(spark)
    return left.join(_never(_frame(spark)), "c0", "left_semi")


@case
def except_of_an_empty_left_never_runs_the_right(spark):
    return _never(_frame(spark)).select("c0").exceptAll(_failing(spark).select("c0"))


@case
def a_filter_false_over_a_failing_aggregation(spark):
    return _failing(spark).groupBy("c1").agg(F.max("d").alias("m")).filter(F.lit(False))


@case
def the_group_163_query(spark):
    df = _frame(spark).join(spark.createDataFrame([(1, 5), (2, 7)], "c0 int, r int"), "c0", "full")
    df = df.withColumn("e1", F.make_date(F.col("c0") + F.lit(2.0), F.col("r") * 1000, F.lit(2)))
    return df.intersect(df.filter((F.lit(2.0) > F.lit(None).cast("double")) & (F.lit(-2147483648) > F.col("c0"))))


@case
def left_join_with_an_empty_right_still_runs_the_left(spark):
    return _failing(spark).join(_never(_frame(spark)).select("c0"), "c0", "left")


# Seed 202618, group 545: a decimal product whose exact value outgrows 128 bits
# (DECIMAL(10,2) * DECIMAL(38,18): scale 20) while the result at Spark's scale 9 fits.

@case
def a_decimal_product_past_128_bits_rounds_to_its_scale(spark):
    df = spark.createDataFrame([(42,), (-9223372036854775808,), (0,), (None,), (-1,), (9223372036854775807,)], "c1 bigint")
    return df.select(F.expr("CAST('99.99' AS DECIMAL(10,2)) * CAST(c1 AS DECIMAL(38,18))").alias("p"),
                     F.expr("CAST((CAST('99.99' AS DECIMAL(10,2)) * CAST(c1 AS DECIMAL(38,18))) AS STRING)").alias("s"))


@case
def a_decimal_product_past_128_bits_rounds_half_up(spark):
    df = spark.createDataFrame([("12345678901234567890.123456789012345678", "99.995"), ("-12345678901234567890.123456789012345678", "0.005")], "a string, b string")
    return df.select((F.col("a").cast("decimal(38,18)") * F.col("b").cast("decimal(10,3)")).alias("p"))
