"""More Spark SQL clauses through `spark.sql`: CTEs (nested, shadowing, recursive
refused), set operations with ALL/DISTINCT and NULLs, LATERAL VIEW [OUTER] explode /
posexplode / inline, PIVOT and UNPIVOT, GROUPING SETS/ROLLUP/CUBE with grouping(), window
clauses, CASE forms, CAST and `::`, LIKE ANY/ALL, IS [NOT] DISTINCT FROM, hints, and the
errors Spark gives for their misuse."""

from harness import case


def _t(spark):
    spark.createDataFrame(
        [(1, "a", 10.0, [1, 2]), (2, "b", None, []), (3, "a", 30.0, None), (None, "c", 5.0, [7])],
        "k int, g string, v double, arr array<int>",
    ).createOrReplaceTempView("cm_t")
    spark.createDataFrame([(1, "x"), (3, "y"), (3, "z"), (None, "n")], "k int, w string").createOrReplaceTempView("cm_u")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


# --- CTEs -------------------------------------------------------------------------------------


@case
def cte_nested(spark):
    return _sql(spark, "WITH a AS (SELECT k FROM cm_t WHERE k IS NOT NULL), b AS (SELECT k * 10 AS k10 FROM a) "
                       "SELECT * FROM b ORDER BY k10")


@case
def cte_inside_subquery(spark):
    return _sql(spark, "SELECT * FROM (WITH x AS (SELECT 1 AS one) SELECT one + 1 AS two FROM x)")


@case
def cte_shadows_view(spark):
    return _sql(spark, "WITH cm_t AS (SELECT 42 AS k) SELECT k FROM cm_t")


@case
def cte_with_column_names(spark):
    return _sql(spark, "WITH c(x, y) AS (SELECT k, g FROM cm_t) SELECT y, x FROM c WHERE x > 1 ORDER BY x")


@case
def cte_used_twice(spark):
    return _sql(spark, "WITH c AS (SELECT k FROM cm_t WHERE k > 1) SELECT a.k, b.k AS k2 FROM c a JOIN c b ON a.k = b.k ORDER BY a.k")


# --- set operations ----------------------------------------------------------------------------


@case
def union_distinct_with_nulls(spark):
    return _sql(spark, "SELECT k FROM cm_t UNION SELECT k FROM cm_u ORDER BY k")


@case
def union_all_keeps_duplicates(spark):
    return _sql(spark, "SELECT k FROM cm_t UNION ALL SELECT k FROM cm_u ORDER BY k")


@case
def intersect_all_and_distinct(spark):
    return _sql(spark, "SELECT k FROM cm_u INTERSECT ALL SELECT k FROM cm_u ORDER BY k")


@case
def except_distinct_nulls_match(spark):
    return _sql(spark, "SELECT k FROM cm_t EXCEPT SELECT k FROM cm_u ORDER BY k")


@case
def minus_is_except(spark):
    return _sql(spark, "SELECT k FROM cm_t MINUS SELECT k FROM cm_u ORDER BY k")


@case
def union_widens_types(spark):
    return spark.sql("SELECT 1 AS a UNION ALL SELECT 2.5 UNION ALL SELECT 3L ORDER BY a")


@case
def union_column_count_mismatch(spark):
    return spark.sql("SELECT 1, 2 UNION SELECT 3")


@case
def set_operations_chained_precedence(spark):
    return spark.sql("SELECT 1 AS a UNION SELECT 2 INTERSECT SELECT 2 ORDER BY a")


# --- LATERAL VIEW ---------------------------------------------------------------------------------


@case
def lateral_view_explode(spark):
    return _sql(spark, "SELECT k, e FROM cm_t LATERAL VIEW explode(arr) t AS e ORDER BY k, e")


@case
def lateral_view_outer_explode(spark):
    return _sql(spark, "SELECT k, e FROM cm_t LATERAL VIEW OUTER explode(arr) t AS e ORDER BY k, e")


@case
def lateral_view_posexplode(spark):
    return _sql(spark, "SELECT k, p, e FROM cm_t LATERAL VIEW posexplode(arr) t AS p, e ORDER BY k, p")


@case
def lateral_view_inline(spark):
    return spark.sql("SELECT a, b FROM range(1) LATERAL VIEW inline(array(struct(1, 'x'), struct(2, 'y'))) t AS a, b ORDER BY a")


@case
def lateral_view_two_in_a_row(spark):
    return spark.sql("SELECT x, y FROM range(1) LATERAL VIEW explode(array(1, 2)) a AS x "
                     "LATERAL VIEW explode(array('p', 'q')) b AS y ORDER BY x, y")


@case
def lateral_view_explode_map(spark):
    return spark.sql("SELECT key, value FROM range(1) LATERAL VIEW explode(map('a', 1, 'b', 2)) m AS key, value ORDER BY key")


# --- PIVOT / UNPIVOT ------------------------------------------------------------------------------


@case
def pivot_sum(spark):
    return _sql(spark, "SELECT * FROM (SELECT g, k, v FROM cm_t) PIVOT (sum(v) FOR g IN ('a', 'b', 'c')) ORDER BY k")


@case
def pivot_with_aliases(spark):
    return _sql(spark, "SELECT * FROM (SELECT g, v FROM cm_t) PIVOT (sum(v) AS s, count(v) AS n FOR g IN ('a' AS first, 'b' AS second))")


@case
def unpivot_columns(spark):
    return spark.sql("SELECT * FROM VALUES (1, 10, 20), (2, 30, NULL) AS t(id, q1, q2) "
                     "UNPIVOT (amount FOR quarter IN (q1, q2)) ORDER BY id, quarter")


@case
def unpivot_include_nulls(spark):
    return spark.sql("SELECT * FROM VALUES (1, 10, 20), (2, 30, NULL) AS t(id, q1, q2) "
                     "UNPIVOT INCLUDE NULLS (amount FOR quarter IN (q1 AS `first`, q2 AS `second`)) ORDER BY id, quarter")


# --- GROUPING SETS / ROLLUP / CUBE ---------------------------------------------------------------


@case
def rollup_with_grouping(spark):
    return _sql(spark, "SELECT g, k, sum(v) AS s, grouping(g) AS gg FROM cm_t GROUP BY ROLLUP(g, k) ORDER BY g, k, gg")


@case
def cube_counts(spark):
    return _sql(spark, "SELECT g, k IS NULL AS kn, count(*) AS c FROM cm_t GROUP BY CUBE(g, k IS NULL) ORDER BY g, kn, c")


@case
def grouping_sets_explicit(spark):
    return _sql(spark, "SELECT g, k, count(*) AS c, grouping_id() AS gid FROM cm_t GROUP BY GROUPING SETS ((g), (k), ()) ORDER BY gid, g, k")


@case
def group_by_with_rollup_modifier(spark):
    return _sql(spark, "SELECT g, count(*) AS c FROM cm_t GROUP BY g WITH ROLLUP ORDER BY g")


# --- windows ----------------------------------------------------------------------------------------


@case
def window_clause_shared(spark):
    return _sql(spark, "SELECT k, g, sum(v) OVER w AS s, row_number() OVER w AS r FROM cm_t "
                       "WINDOW w AS (PARTITION BY g ORDER BY k) ORDER BY g, k")


@case
def window_rows_frame(spark):
    return _sql(spark, "SELECT k, sum(k) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM cm_t ORDER BY k")


@case
def qualify_is_not_spark_4_0(spark):
    return _sql(spark, "SELECT k, row_number() OVER (ORDER BY k) AS r FROM cm_t QUALIFY r = 1")


# --- CASE, CAST, :: -----------------------------------------------------------------------------------


@case
def case_simple_and_searched(spark):
    return _sql(spark, "SELECT k, CASE g WHEN 'a' THEN 1 WHEN 'b' THEN 2 END AS simple, "
                       "CASE WHEN v > 20 THEN 'big' WHEN v IS NULL THEN 'none' ELSE 'small' END AS searched FROM cm_t ORDER BY k")


@case
def case_default_name(spark):
    return spark.sql("SELECT CASE 1 WHEN 1 THEN 'one' ELSE 'other' END")


@case
def cast_double_colon(spark):
    return spark.sql("SELECT '12'::int AS i, 3.7::int AS t, '2024-01-02'::date AS d, 1::string AS s")


@case
def cast_double_colon_default_name(spark):
    return spark.sql("SELECT '12'::int, CAST('1.5' AS DOUBLE)")


@case
def try_cast_invalid(spark):
    return spark.sql("SELECT try_cast('x' AS INT) AS a, try_cast('7' AS INT) AS b")


@case
def cast_invalid_under_ansi(spark):
    return spark.sql("SELECT CAST('x' AS INT) AS a")


@case(conf={"spark.sql.ansi.enabled": "false"})
def cast_invalid_ansi_off(spark):
    return spark.sql("SELECT CAST('x' AS INT) AS a, 'y'::int AS b")


# --- LIKE ANY/ALL, IS DISTINCT FROM ------------------------------------------------------------------


@case
def like_any_all(spark):
    return spark.sql("SELECT s, s LIKE ANY ('a%', '%z') AS any_, s LIKE ALL ('a%', '%c') AS all_, s NOT LIKE ANY ('a%', 'b%') AS nany "
                     "FROM VALUES ('abc'), ('xyz'), (NULL) AS t(s) ORDER BY s")


@case
def is_distinct_from(spark):
    return spark.sql("SELECT a, b, a IS DISTINCT FROM b AS d, a IS NOT DISTINCT FROM b AS nd "
                     "FROM VALUES (1, 1), (1, NULL), (NULL, NULL), (2, 3) AS t(a, b) ORDER BY a, b")


@case
def is_distinct_from_default_name(spark):
    return spark.sql("SELECT 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL")


# --- hints, comments, misc ------------------------------------------------------------------------------


@case
def broadcast_hint_accepted(spark):
    return _sql(spark, "SELECT /*+ BROADCAST(u) */ t.k, u.w FROM cm_t t JOIN cm_u u ON t.k = u.k ORDER BY t.k, u.w")


@case
def several_hints_accepted(spark):
    return _sql(spark, "SELECT /*+ MERGE(t), REPARTITION(2) */ count(*) AS c FROM cm_t t")


@case
def coalesce_hint_accepted(spark):
    return _sql(spark, "SELECT /*+ COALESCE(1) */ k FROM cm_t ORDER BY k")


@case
def nested_block_comments(spark):
    return spark.sql("SELECT /* outer /* inner */ still */ 1 AS a -- line\n")


@case
def star_except(spark):
    return _sql(spark, "SELECT * EXCEPT (arr, v) FROM cm_t ORDER BY k")


@case
def order_by_nulls_last_and_ordinal(spark):
    return _sql(spark, "SELECT k, g FROM cm_t ORDER BY 1 DESC NULLS LAST")


@case
def limit_offset(spark):
    return _sql(spark, "SELECT k FROM cm_t ORDER BY k NULLS LAST LIMIT 2 OFFSET 1")


@case
def between_and_in_list(spark):
    return _sql(spark, "SELECT k, k BETWEEN 1 AND 2 AS b, k IN (1, 3) AS i, k NOT IN (1, NULL) AS ni FROM cm_t ORDER BY k")


@case
def having_without_group_by(spark):
    return _sql(spark, "SELECT sum(k) AS s FROM cm_t HAVING sum(k) > 3")


@case
def missing_group_by_error(spark):
    return _sql(spark, "SELECT g, sum(k) FROM cm_t")


# --- HAVING over a selected key; aggregates of the grouping expression -------------------------


@case
def having_reads_a_selected_key(spark):
    return _sql(spark, "SELECT g, count(*) AS n FROM cm_t GROUP BY g HAVING g > 'a' ORDER BY g")


@case
def having_reads_a_selected_key_by_its_qualifier(spark):
    return _sql(spark, "SELECT cm_t.g, count(*) AS n FROM cm_t GROUP BY cm_t.g HAVING cm_t.g < 'c' ORDER BY g")


@case
def having_reads_a_key_the_select_list_renames(spark):
    return _sql(spark, "SELECT g AS h, count(*) AS n FROM cm_t GROUP BY g HAVING cm_t.g <> 'b' ORDER BY h")


@case
def aggregate_of_the_grouping_expression(spark):
    return _sql(spark, "SELECT k % 2 AS p, sum(k % 2) AS s, max(k % 2 + k) AS m FROM cm_t GROUP BY k % 2 ORDER BY p")


# --- casts written as functions (Spark's castAlias) --------------------------------------------


@case
def cast_functions(spark):
    return _sql(spark, "SELECT int('3'), bigint(2.5), string(k), date('2008-02-20'), boolean('true'), double('1.5'), "
                       "decimal('1.25'), tinyint(k), smallint(k), float(v), binary('ab'), timestamp('2020-01-02 03:04:05') "
                       "FROM cm_t ORDER BY k")


@case
def cast_function_inside_an_expression(spark):
    return _sql(spark, "SELECT upper(string(k)) AS u, int(v) + 1, dayofmonth(date('2008-02-20')) FROM cm_t ORDER BY k")


@case
def cast_function_of_bad_text_is_an_error(spark):
    return _sql(spark, "SELECT int('x')")


@case
def cast_function_with_two_arguments_is_an_error(spark):
    return _sql(spark, "SELECT int('1', 2)")
