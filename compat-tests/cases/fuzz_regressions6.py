"""Regressions of the sixth fuzzing session (docs/reliability.md, seed 202614): Spark
evaluates lazily where PyRust evaluated whole columns, so an ANSI error came from rows
Spark never evaluates. `a AND b` / `a OR b` evaluate `b` only where `a` does not decide;
stacked filters are one AND in the order written (also through joins, sorts, `distinct`
and aggregations); an arithmetic operator or comparison evaluates its second operand
only where the first is not NULL (the divisor first for `/`, `div`, `%`); `IN` stops at
the first equal item and evaluates none for a NULL target; `nvl2` and `nanvl` evaluate
only the branch taken. With ANSI off none of these raise, so every case runs with ANSI
on (the default)."""

from harness import case
from pyspark.sql import functions as F


def _quotients(spark):
    # n / d divides by zero on the first row only; x and m are NULL where it would.
    return spark.createDataFrame([(1, 0, None, None, 1.0), (4, 2, 1, 5, float("nan")), (9, 3, 2, None, float("nan"))],
                                 "n int, d int, x int, m int, f double")


@case
def stacked_filters_run_in_order(spark):
    # Spark's CombineFilters makes one AND, the first filter's condition on the left.
    return spark.range(10).filter("id > 5").filter("10 / (id - 3) > 1")


@case
def stacked_column_filters_run_in_order(spark):
    df = _quotients(spark)
    return df.filter(F.col("d") != 0).filter(F.col("n") / F.col("d") > 1)


@case
def and_or_short_circuit_in_a_filter(spark):
    df = _quotients(spark)
    return df.filter("d != 0 AND n / d > 1").union(df.filter("d = 0 OR n / d > 2"))


@case
def and_or_short_circuit_in_a_select(spark):
    df = _quotients(spark)
    # Each failing subexpression once: Spark computes one written twice in a select
    # for every row first (subexpression elimination, docs/semantics.md).
    return df.select(F.expr("d != 0 AND n / d > 1"), F.expr("d = 0 OR (n + 1) / d > 2"), (F.col("d") != 0) & (F.col("n") % F.col("d") == 0),
                     F.when((F.col("d") != 0) & (F.col("n") * 2 / F.col("d") > 1), 1).otherwise(0))


@case
def and_evaluates_its_right_side_after_a_null(spark):
    # NULL does not decide an AND: the division runs on the first row and fails.
    df = _quotients(spark)
    return df.select(F.expr("(CASE WHEN d = 0 THEN NULL ELSE true END) AND n / d > 1"))


@case
def and_evaluates_left_to_right(spark):
    # The failing conjunct first: Spark does not reorder it behind the guard.
    df = _quotients(spark)
    return df.filter("n / d > 1 AND d != 0")


@case(ordered=False)
def stacked_filters_over_a_join_run_in_order(spark):
    df = _quotients(spark).select("n", "d")
    other = spark.createDataFrame([(1, "a"), (4, "b"), (9, "c")], "n int, s string")
    inner = df.join(other, "n").filter("d != 0").filter("n / d > 1")
    cross = df.crossJoin(other.withColumnRenamed("n", "k")).filter("d != 0").filter("k / d > 1")
    return inner.select("n", "d", "s", F.lit(None).cast("int").alias("k")).unionByName(cross)


@case(ordered=False)
def stacked_filters_through_sort_distinct_and_aggregation(spark):
    df = _quotients(spark).select("n", "d")
    sorted_ = df.filter("d != 0").orderBy("n").filter("n / d > 1")
    distinct = df.filter("d != 0").distinct().filter("n / d > 1")
    deduplicated = df.filter("d != 0").dropDuplicates(["n"]).filter("n / d > 1")
    having = df.groupBy("d").agg(F.sum("n").alias("n")).filter("d != 0").filter("n / d > 1").select("n", "d")
    return sorted_.union(distinct).union(deduplicated).union(having)


@case(ordered=False)
def stacked_filters_in_sql_text(spark):
    _quotients(spark).createOrReplaceTempView("fuzz6_quotients")
    return spark.sql("SELECT n, d FROM (SELECT * FROM fuzz6_quotients WHERE d != 0) WHERE n / d > 1")


@case
def second_operand_only_where_the_first_is_set(spark):
    # x and m are NULL on the row where d is 0: Spark never divides there.
    df = _quotients(spark)
    return df.select(F.expr("x + n / d"), F.expr("x = (n + 1) / d"), F.expr("m / d"), F.expr("m div d"), F.expr("m % d"),
                     F.expr("(n * 2 / d) / x"), F.expr("(x + 1) * (n * 3 / d)"), F.expr("x < CAST(n * 4 / d AS INT)"))


@case
def first_operand_is_evaluated_before_a_null_second(spark):
    # The dividend of `/` runs after its divisor, but `*` runs its left side first.
    df = _quotients(spark)
    return df.select(F.expr("(n / d) * x"))


@case
def comparison_filter_skips_the_right_side_of_a_null(spark):
    df = _quotients(spark)
    return df.filter(F.expr("x < n / d"))


@case
def in_list_stops_at_the_first_equal_item(spark):
    df = _quotients(spark)
    return df.select(F.expr("d IN (0, n / d)"), F.expr("x IN ((n + 1) / d)"), F.expr("x IN ((n + 2) / d, 7)"))


@case
def nvl2_and_nanvl_evaluate_the_branch_taken(spark):
    df = _quotients(spark)
    return df.select(F.expr("nvl2(x, n / d, 0)"), F.nanvl("f", F.col("n") / F.col("d")))


@case
def a_subexpression_written_twice_runs_on_every_row(spark):
    # Spark's whole-stage code computes a subexpression that occurs twice in a select
    # once per row before the expressions (also inside the right side of an AND/OR or
    # behind a NULL operand), so it fails here; PyRust evaluates each occurrence where
    # Spark's interpreter would (a strict xfail, docs/semantics.md).
    df = _quotients(spark)
    return df.select(F.expr("x + n / d"), F.expr("x - n / d"))


@case(ordered=False)
def distinct_groups_drop_an_unread_failing_aggregate(spark):
    # The fuzzer's program (seed 202614, group 300): the groups are distinct already, so
    # Spark drops the dropDuplicates and then the sum nothing reads; its cast of 'Zz'
    # never runs.
    df = spark.createDataFrame([(1, "a"), (2, "1.5"), (1, "2"), (None, "Zz")], "k int, s string")
    grouped = df.groupBy("k").agg(F.sum("s").alias("total"))
    return grouped.dropDuplicates().select("k").union(grouped.distinct().select("k")).union(grouped.dropDuplicates(["k"]).select("k"))


@case(ordered=False)
def distinct_without_the_grouping_column_still_fails(spark):
    df = spark.createDataFrame([(1, "a"), (2, "1.5")], "k int, s string")
    return df.groupBy("k").agg(F.sum("s").alias("total")).dropDuplicates(["total"]).select("k")
