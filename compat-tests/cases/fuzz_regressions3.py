"""Regressions of the third fuzzing session (docs/reliability.md): Spark's optimizer
folds a null-intolerant expression with a NULL operand to NULL before it runs
(`analysis::null_propagation`), so under ANSI the operands that would overflow never
run; and the rules' limits (a non-constant NULL, functions that are not null-intolerant)."""

from harness import case
from pyspark.sql import functions as F

ANSI_OFF = {"spark.sql.ansi.enabled": "false"}


def _extremes(spark):
    return spark.createDataFrame([(-9223372036854775808, 1.0, -2147483648), (5, -1.0, 7), (None, None, None)],
                                 "c1 bigint, c2 double, c3 int")


def _neg(name="c1"):
    return F.negative(F.col(name))


@case
def fuzz_least_signum_modulo_of_folded_null(spark):
    # The fuzzer's program (seed 202613), shrunk: `x % EXP(<CASE folding to NULL>)`.
    df = _extremes(spark)
    return df.select(
        (F.least(F.signum(_neg()), F.signum(F.lit("99.99").cast("decimal(10,2)") % F.col("c2")))
         % F.exp(F.when(F.startswith(F.lit(""), F.lit("😀")), F.lit("1").cast("tinyint"))
                 .otherwise(F.lit(None).cast("boolean").cast("smallint")))))


@case
def arithmetic_with_a_null_literal_does_not_run_its_operands(spark):
    df = _extremes(spark)
    return df.select(_neg() % F.lit(None).cast("double"), _neg() + F.lit(None), (_neg() + 1) + F.lit(None).cast("bigint"),
                     _neg() / F.lit(None).cast("double"), _neg() * F.lit(None).cast("int"), _neg("c3") - F.lit(None).cast("int"))


@case
def comparisons_and_math_with_a_null_literal(spark):
    df = _extremes(spark)
    return df.select(_neg() > F.lit(None).cast("bigint"), F.abs(_neg()) + F.lit(None).cast("bigint"),
                     F.signum(_neg()) == F.lit(None), F.negative(F.lit(None).cast("bigint") + _neg()),
                     F.pow(_neg(), F.lit(None).cast("double")))


@case
def constant_case_when_conditions_fold(spark):
    df = _extremes(spark)
    return df.select(_neg() % F.exp(F.when(F.lit(False), F.lit(1)).otherwise(F.lit(None).cast("smallint"))),
                     _neg() + F.when(F.lit(True), F.lit(None).cast("int")).otherwise(F.lit(2)),
                     _neg() + F.when(F.lit(None).cast("boolean"), F.lit(1)),
                     _neg() + F.when(F.lit("a") == F.lit("b"), F.lit(1)))


@case
def sql_text_with_a_null_operand(spark):
    return _extremes(spark).selectExpr("negative(c1) % CAST(NULL AS DOUBLE)", "-c3 * NULL",
                                       "negative(c1) + CASE WHEN 1 = 2 THEN 1 END", "negative(c1) < NULL")


@case
def a_column_that_is_null_still_runs_its_operands(spark):
    # Only constants fold: a CASE over a column is evaluated, and so is negative(c1).
    return _extremes(spark).select(_neg() * F.when(F.col("c2") > 5, F.lit(1)))


@case
def coalesce_is_not_null_intolerant(spark):
    return _extremes(spark).select(F.coalesce(_neg(), F.lit(1)))


@case
def greatest_and_concat_are_not_folded(spark):
    return _extremes(spark).select(F.greatest(_neg(), F.lit(None).cast("bigint")))


@case
def concat_with_a_null_literal_still_runs(spark):
    return _extremes(spark).select(F.concat(_neg().cast("string"), F.lit(None).cast("string")))


@case
def folding_keeps_the_analysed_schema(spark):
    # Type, nullability and name come from the analysed expression.
    df = spark.createDataFrame([(1, 2)], "a int, b int").select(F.col("a"), F.col("b"))
    return df.select(F.col("a") + F.lit(None).cast("int"), (F.col("a") > F.lit(None)).alias("gt"),
                     F.exp(F.lit(None).cast("double")) + F.col("b"))


@case(conf=ANSI_OFF)
def ansi_off_null_operands(spark):
    return _extremes(spark).select(_neg() % F.lit(None).cast("double"), _neg() + F.lit(None), _neg() * F.when(F.col("c2") > 5, F.lit(1)))


@case
def a_constant_that_overflows_fails_even_without_rows(spark):
    return spark.range(0).select(F.lit(9223372036854775807) + F.lit(1))


@case
def a_constant_division_by_zero_fails_even_without_rows(spark):
    return spark.range(0).select(F.lit(1) / F.lit(0))


@case
def filter_on_a_comparison_with_null_keeps_no_rows(spark):
    return _extremes(spark).filter(_neg() > F.lit(None).cast("bigint"))


@case
def add_months_of_no_rows_against_a_literal(spark):
    # Found by the fuzzer (no_crash seed 5): add_months over an empty frame gave one
    # row against its literal month count, and datediff then indexed past the end.
    df = spark.createDataFrame([], "c2 date")
    return df.select(F.datediff(F.lit(None).cast("date"), F.add_months(F.col("c2"), -13)),
                     F.datediff(F.make_date(F.lit(2000), F.lit(1), F.lit(1)), F.add_months(F.col("c2"), 1)))
