"""Correlated subqueries whose outer condition is not a conjunction of equalities: an
equality repeated in every branch of an OR (TPC-DS q41's shape, factored out as Spark's
BooleanSimplification does), an OR of different correlated conditions, ranges and
conditions on outer columns alone (Spark's domain join, DecorrelateInnerQuery), in
scalar, EXISTS and IN subqueries, in WHERE, the select list and HAVING."""

from harness import case


def _sql(spark, text):
    spark.createDataFrame(
        [(1, "a", 10), (1, "b", 20), (2, "a", 30), (3, None, 40), (None, "a", 50), (2, "c", None)], "k int, c string, v int"
    ).createOrReplaceTempView("sqo_t")
    spark.createDataFrame([(1, "x"), (2, "y"), (3, "z"), (None, "w"), (5, "a")], "k int, n string").createOrReplaceTempView("sqo_o")
    return spark.sql(text)


# --- an equality in every branch of an OR (q41) ---------------------------------------


@case
def scalar_count_common_equality_in_or_where(spark):
    return _sql(
        spark,
        "SELECT n FROM sqo_o WHERE (SELECT count(*) FROM sqo_t t "
        "WHERE (t.k = sqo_o.k AND c = 'a') OR (t.k = sqo_o.k AND v > 15)) > 0 ORDER BY n",
    )


@case
def scalar_count_common_equality_in_or_select(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT count(*) FROM sqo_t t WHERE (t.k = o.k AND c = 'a') OR (t.k = o.k AND v > 15)) AS cnt "
        "FROM sqo_o o ORDER BY n",
    )


@case
def scalar_sum_common_equality_in_three_branches(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT sum(v) FROM sqo_t t WHERE (t.k = o.k AND c = 'a') OR (t.k = o.k AND c = 'b') "
        "OR (t.k = o.k AND v IS NULL)) AS s FROM sqo_o o ORDER BY n",
    )


@case
def exists_common_equality_in_or(spark):
    return _sql(
        spark,
        "SELECT n FROM sqo_o o WHERE EXISTS (SELECT 1 FROM sqo_t t WHERE (t.k = o.k AND c = 'a') "
        "OR (t.k = o.k AND c = 'b')) ORDER BY n",
    )


@case
def where_common_conjunct_of_or_without_subquery(spark):
    return _sql(spark, "SELECT * FROM sqo_t WHERE (k = 1 AND c = 'a') OR (k = 1 AND v > 15) OR (c = 'c' AND k = 2) ORDER BY k, c")


# --- other correlated conditions: the domain join ------------------------------------


@case
def scalar_count_or_of_different_correlations(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT count(*) FROM sqo_t t WHERE (t.k = o.k AND c = 'a') OR (v = o.k * 10)) AS cnt "
        "FROM sqo_o o ORDER BY n",
    )


@case
def scalar_max_equality_or_inner_condition(spark):
    # The NULL outer key still matches the rows of the inner branch.
    return _sql(spark, "SELECT n, (SELECT max(v) FROM sqo_t t WHERE t.k = o.k OR c = 'b') AS m FROM sqo_o o ORDER BY n")


@case
def scalar_count_range_correlation(spark):
    return _sql(spark, "SELECT n, (SELECT count(*) FROM sqo_t t WHERE t.k > o.k) AS cnt FROM sqo_o o ORDER BY n")


@case
def scalar_avg_range_correlation_in_where(spark):
    return _sql(
        spark,
        "SELECT n FROM sqo_o o WHERE o.k * 10 < (SELECT avg(v) FROM sqo_t t WHERE t.k >= o.k) ORDER BY n",
    )


@case
def scalar_equality_and_outer_only_condition(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT count(*) FROM sqo_t t WHERE t.k = o.k AND o.n > 'x') AS cnt FROM sqo_o o ORDER BY n",
    )


@case
def scalar_two_outer_columns_in_or(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT count(*) FROM sqo_t t WHERE t.c = o.n OR t.k = o.k + 1) AS cnt FROM sqo_o o ORDER BY n",
    )


@case
def scalar_count_expression_in_or(spark):
    return _sql(
        spark,
        "SELECT n, (SELECT count(v) FROM sqo_t t WHERE t.k = o.k OR t.v > 35) AS cnt FROM sqo_o o ORDER BY n",
    )


@case
def exists_or_correlation_where(spark):
    return _sql(spark, "SELECT n FROM sqo_o o WHERE EXISTS (SELECT 1 FROM sqo_t t WHERE t.k = o.k OR c = 'zz') ORDER BY n")


@case
def not_exists_or_correlation_where(spark):
    return _sql(spark, "SELECT n FROM sqo_o o WHERE NOT EXISTS (SELECT 1 FROM sqo_t t WHERE t.k = o.k OR v = 50) ORDER BY n")


@case
def exists_or_correlation_select(spark):
    return _sql(
        spark,
        "SELECT n, EXISTS (SELECT 1 FROM sqo_t t WHERE t.k = o.k OR v = 40) AS e FROM sqo_o o ORDER BY n",
    )


@case
def exists_range_correlation_select(spark):
    return _sql(spark, "SELECT n, EXISTS (SELECT 1 FROM sqo_t t WHERE t.k > o.k) AS e FROM sqo_o o ORDER BY n")


@case
def in_with_or_correlation_where(spark):
    return _sql(
        spark,
        "SELECT n FROM sqo_o o WHERE k IN (SELECT k FROM sqo_t t WHERE t.v = o.k * 10 OR t.c = 'b') ORDER BY n",
    )


@case
def scalar_or_correlation_in_having(spark):
    return _sql(
        spark,
        "SELECT k, count(*) AS cnt FROM sqo_t GROUP BY k "
        "HAVING count(*) >= (SELECT count(*) FROM sqo_o o WHERE o.k = sqo_t.k OR o.n = 'w') ORDER BY k",
    )
