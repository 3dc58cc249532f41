"""Spark SQL subqueries: scalar (uncorrelated and correlated), IN / NOT IN with Spark's
NULL semantics, EXISTS / NOT EXISTS (correlated), subqueries in FROM, CTEs (nested,
recursive rejected), and their error classes."""

from harness import case


def _views(spark):
    spark.createDataFrame(
        [(1, "a", 10.0), (2, "b", None), (3, None, 30.0), (None, "d", 40.0), (2, "a", 5.0)], "id int, s string, v double"
    ).createOrReplaceTempView("sq_t")
    spark.createDataFrame([(1, "x"), (2, "y"), (None, "z")], "id int, w string").createOrReplaceTempView("sq_u")
    spark.createDataFrame([(1, "x"), (2, "y")], "id int, w string").createOrReplaceTempView("sq_nn")
    spark.createDataFrame([], "id int, w string").createOrReplaceTempView("sq_e")
    spark.createDataFrame([(1, 100), (1, 200), (2, 50), (4, 7)], "k bigint, amount int").createOrReplaceTempView("sq_o")


def _sql(spark, text):
    _views(spark)
    return spark.sql(text)


# --- IN / NOT IN -------------------------------------------------------------------


@case
def in_uncorrelated(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT id FROM sq_u) ORDER BY id, s")


@case
def not_in_with_null_in_subquery_is_empty(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id NOT IN (SELECT id FROM sq_u) ORDER BY id, s")


@case
def not_in_without_nulls(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id NOT IN (SELECT id FROM sq_nn) ORDER BY id, s")


@case
def not_in_empty_subquery_keeps_null_rows(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id NOT IN (SELECT id FROM sq_e) ORDER BY id, s")


@case
def in_empty_subquery(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT id FROM sq_e)")


@case
def not_not_in(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE NOT (id NOT IN (SELECT id FROM sq_nn)) ORDER BY id, s")


@case
def in_with_other_conjuncts(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE v > 1 AND id IN (SELECT id FROM sq_u WHERE w > 'x') ORDER BY id, s")


@case
def in_widens_int_to_bigint(spark):
    return _sql(spark, "SELECT id FROM sq_t WHERE id IN (SELECT k FROM sq_o) ORDER BY id")


@case
def in_string_against_int(spark):
    return _sql(spark, "SELECT id FROM sq_t WHERE CAST(id AS STRING) IN (SELECT CAST(k AS STRING) FROM sq_o) ORDER BY id")


@case
def in_expression_on_the_left(spark):
    return _sql(spark, "SELECT id FROM sq_t WHERE id + 1 IN (SELECT k FROM sq_o) ORDER BY id")


@case
def in_correlated(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT id FROM sq_u WHERE sq_u.w > sq_t.s) ORDER BY id, s")


@case
def not_in_correlated(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id NOT IN (SELECT id FROM sq_u WHERE sq_u.w = 'x' AND sq_t.v > 6) ORDER BY id, s")


@case
def in_nested_correlated(spark):
    return _sql(
        spark,
        "SELECT id FROM sq_t WHERE id IN (SELECT id FROM sq_u WHERE id IN (SELECT id FROM sq_nn WHERE sq_nn.w = sq_u.w)) ORDER BY id",
    )


@case
def in_subquery_with_aggregate(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT k FROM sq_o GROUP BY k HAVING sum(amount) > 60) ORDER BY id, s")


@case
def in_subquery_distinct(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT DISTINCT id FROM sq_u) ORDER BY id, s")


@case
def in_subquery_too_many_columns(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT id, w FROM sq_u)")


@case
def in_subquery_schema(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT id FROM sq_u)").schema


# --- EXISTS / NOT EXISTS -------------------------------------------------------------


@case
def exists_correlated(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE EXISTS (SELECT 1 FROM sq_u WHERE sq_u.id = sq_t.id) ORDER BY id, s")


@case
def not_exists_correlated_keeps_nulls(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE NOT EXISTS (SELECT 1 FROM sq_u WHERE sq_u.id = sq_t.id) ORDER BY id, s")


@case
def exists_uncorrelated_empty(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE EXISTS (SELECT * FROM sq_e)")


@case
def not_exists_uncorrelated_empty(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE NOT EXISTS (SELECT * FROM sq_e) ORDER BY id, s")


@case
def exists_uncorrelated_nonempty(spark):
    return _sql(spark, "SELECT count(*) FROM sq_t WHERE EXISTS (SELECT * FROM sq_u WHERE id > 1)")


@case
def exists_with_non_equi_correlation(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE EXISTS (SELECT * FROM sq_o WHERE sq_o.k = sq_t.id AND sq_o.amount > sq_t.v) ORDER BY id, s")


@case
def exists_self_join_aliases(spark):
    return _sql(
        spark,
        "SELECT a.id, a.s FROM sq_t a WHERE EXISTS (SELECT * FROM sq_t b WHERE b.id = a.id AND b.s <> a.s) ORDER BY a.id, a.s",
    )


@case
def not_exists_self_join_aliases(spark):
    return _sql(
        spark,
        "SELECT a.id, a.s FROM sq_t a WHERE NOT EXISTS (SELECT * FROM sq_t b WHERE b.id = a.id AND b.s <> a.s) ORDER BY a.id, a.s",
    )


@case
def exists_and_not_exists_together(spark):
    return _sql(
        spark,
        "SELECT * FROM sq_t WHERE EXISTS (SELECT 1 FROM sq_o WHERE k = id) AND NOT EXISTS (SELECT 1 FROM sq_o WHERE k = id AND amount < 60) ORDER BY id, s",
    )


@case
def exists_unqualified_outer_column(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE EXISTS (SELECT 1 FROM sq_o WHERE k = id) ORDER BY id, s")


# --- scalar subqueries ---------------------------------------------------------------


@case
def scalar_in_select_list(spark):
    return _sql(spark, "SELECT *, (SELECT max(id) FROM sq_u) FROM sq_t ORDER BY id, s")


@case
def scalar_in_select_list_schema(spark):
    return _sql(spark, "SELECT id, (SELECT max(id) FROM sq_u) AS m, (SELECT min(w) FROM sq_u) + 1 FROM sq_t").schema


@case
def scalar_in_arithmetic_name(spark):
    return _sql(spark, "SELECT id + (SELECT max(k) FROM sq_o) FROM sq_t ORDER BY 1")


@case
def scalar_in_where(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE v > (SELECT avg(v) FROM sq_t) ORDER BY id, s")


@case
def scalar_empty_is_null(spark):
    return _sql(spark, "SELECT id, (SELECT max(id) FROM sq_e) AS m FROM sq_t ORDER BY id, s")


@case
def scalar_empty_in_where(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id = (SELECT id FROM sq_e)")


@case
def scalar_in_or(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE (SELECT max(id) FROM sq_u) > 1 OR id IS NULL ORDER BY id, s")


@case
def scalar_in_having(spark):
    return _sql(spark, "SELECT s, sum(v) FROM sq_t GROUP BY s HAVING sum(v) > (SELECT avg(v) FROM sq_t) ORDER BY s")


@case
def scalar_correlated_in_select(spark):
    return _sql(spark, "SELECT id, (SELECT max(w) FROM sq_u WHERE sq_u.id = sq_t.id) AS mw FROM sq_t ORDER BY id, mw")


@case
def scalar_correlated_in_where(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE v > (SELECT avg(v) FROM sq_t t2 WHERE t2.s = sq_t.s) ORDER BY id, s")


@case
def scalar_correlated_sum_expression(spark):
    return _sql(
        spark,
        "SELECT id, s FROM sq_t WHERE v * 10 < (SELECT 0.5 * sum(amount) FROM sq_o WHERE sq_o.k = sq_t.id) ORDER BY id, s",
    )


@case
def scalar_correlated_count_is_zero_when_unmatched(spark):
    return _sql(spark, "SELECT id, (SELECT count(*) FROM sq_o WHERE sq_o.k = sq_t.id) AS n FROM sq_t ORDER BY id, s")


@case
def scalar_correlated_count_in_where(spark):
    return _sql(spark, "SELECT id FROM sq_t WHERE v > (SELECT count(*) FROM sq_u WHERE sq_u.id = sq_t.id) ORDER BY id")


@case
def scalar_correlated_two_keys(spark):
    return _sql(
        spark,
        "SELECT a.id, a.s, (SELECT sum(v) FROM sq_t b WHERE b.id = a.id AND b.s = a.s) AS total FROM sq_t a ORDER BY a.id, a.s",
    )


@case
def scalar_too_many_columns(spark):
    return _sql(spark, "SELECT (SELECT id, w FROM sq_u LIMIT 1) FROM sq_t")


@case
def scalar_nested_in_in(spark):
    return _sql(
        spark,
        "SELECT id FROM sq_t WHERE id IN (SELECT k FROM sq_o WHERE amount > (SELECT 0.5 * avg(amount) FROM sq_o o2 WHERE o2.k = sq_o.k)) ORDER BY id",
    )


# --- FROM subqueries and CTEs -----------------------------------------------------------


@case
def from_subquery_with_alias(spark):
    return _sql(spark, "SELECT x.id, x.n FROM (SELECT id, count(*) AS n FROM sq_t GROUP BY id) x ORDER BY x.id")


@case
def from_subquery_column_aliases(spark):
    return _sql(spark, "SELECT * FROM (SELECT id, s FROM sq_t) AS x(a, b) ORDER BY a, b")


@case
def cte_nested(spark):
    return _sql(spark, "WITH a AS (SELECT 1 AS x), b AS (WITH c AS (SELECT x + 1 AS y FROM a) SELECT * FROM c) SELECT * FROM b")


@case
def cte_shadows_view(spark):
    return _sql(spark, "WITH sq_u AS (SELECT 42 AS id) SELECT * FROM sq_u")


@case
def cte_used_twice(spark):
    return _sql(spark, "WITH o AS (SELECT k, sum(amount) AS total FROM sq_o GROUP BY k) SELECT a.k, b.total FROM o a JOIN o b ON a.k = b.k ORDER BY a.k")


@case
def cte_in_subquery(spark):
    return _sql(spark, "WITH big AS (SELECT k FROM sq_o WHERE amount > 60) SELECT * FROM sq_t WHERE id IN (SELECT k FROM big) ORDER BY id, s")


@case
def unknown_column_in_subquery(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE id IN (SELECT nope FROM sq_u)")


@case
def unknown_table_in_subquery(spark):
    return _sql(spark, "SELECT * FROM sq_t WHERE EXISTS (SELECT * FROM sq_missing)")
