"""SQL forms Spark reads that the SQL front end lacked: LIKE/ILIKE ANY/SOME/ALL (the
named likeany/likeall forms over literal patterns, the OR/AND of LIKEs otherwise),
GROUP BY ... WITH ROLLUP/CUBE, MISSING_GROUP_BY against MISSING_AGGREGATION, if(), the
`||` operator, raw strings (`r'...'`) and TRIM(BOTH|LEADING|TRAILING FROM s)."""

from pyspark.sql import functions as F

from harness import case


def _t(spark):
    spark.createDataFrame(
        [("abc", 1, "a", 10), ("xyz", 2, "a", 20), (None, 3, "b", None), ("", 4, None, 5), ("A😀c", None, "b", 7)],
        "s string, k int, g string, v int",
    ).createOrReplaceTempView("g4_t")


def _sql(spark, text):
    _t(spark)
    return spark.sql(text)


# --- LIKE ANY / SOME / ALL ----------------------------------------------------------------------


@case
def like_any_literals(spark):
    return _sql(spark, "SELECT s, s LIKE ANY ('a%', '%z') FROM g4_t ORDER BY k")


@case
def like_some_is_any(spark):
    return _sql(spark, "SELECT s, s LIKE SOME ('a%', '%c') FROM g4_t ORDER BY k")


@case
def like_all_literals(spark):
    return _sql(spark, "SELECT s, s LIKE ALL ('a%', '%c'), s LIKE ALL ('%') FROM g4_t ORDER BY k")


@case
def not_like_any_and_all(spark):
    return _sql(spark, "SELECT s, s NOT LIKE ANY ('a%', 'x%'), s NOT LIKE ALL ('a%', 'x%') FROM g4_t ORDER BY k")


@case
def ilike_any_and_all(spark):
    return _sql(spark, "SELECT s, s ILIKE ANY ('A%', '%Z'), s ILIKE ALL ('%B%', 'a%'), s NOT ILIKE ANY ('a%') FROM g4_t ORDER BY k")


@case
def like_any_with_a_null_pattern(spark):
    return _sql(spark, "SELECT s, s LIKE ANY ('a%', NULL), s NOT LIKE ALL ('a%', NULL) FROM g4_t ORDER BY k")


@case
def like_any_with_a_column_pattern(spark):
    return _sql(spark, "SELECT s, s LIKE ANY ('x%', g || '%'), g LIKE ALL (g, '%') FROM g4_t ORDER BY k")


@case
def concat_operator(spark):
    return _sql(spark, "SELECT s || g, s || 1, 'a' || NULL, array(1) || array(2, 3) FROM g4_t ORDER BY k")


@case
def like_any_in_where(spark):
    return _sql(spark, "SELECT k FROM g4_t WHERE s LIKE ANY ('%c', '%z') ORDER BY k")


@case
def like_all_in_where_negated(spark):
    return _sql(spark, "SELECT k FROM g4_t WHERE s NOT LIKE ALL ('a%', 'x%') ORDER BY k")


@case
def like_any_of_an_int(spark):
    return spark.sql("SELECT 1 LIKE ANY ('1', '2'), 12 LIKE ALL ('1%', '%2')")


@case
def like_any_unicode_and_escapes(spark):
    return spark.sql("SELECT 'a😀c' LIKE ANY ('a_c', 'x'), '100%' LIKE ANY ('100\\\\%'), 'a_b' LIKE ALL ('a\\\\_b', '%b')")


@case
def like_any_of_a_number_pattern_is_an_error(spark):
    return spark.sql("SELECT 'a' LIKE ANY (1 + 1)")


# --- GROUP BY ... WITH ROLLUP / CUBE ------------------------------------------------------------


# ROLLUP's (g, NULL) subtotal ties with a group whose key k > 2 is NULL: compared as a set.
@case(ordered=False)
def group_by_with_rollup_two_keys(spark):
    return _sql(spark, "SELECT g, k > 2 AS big, sum(v) AS s, count(*) AS c FROM g4_t GROUP BY g, k > 2 WITH ROLLUP "
                       "ORDER BY g NULLS LAST, big NULLS LAST")


@case
def group_by_with_cube(spark):
    return _sql(spark, "SELECT g, sum(v) FROM g4_t GROUP BY g WITH CUBE ORDER BY g NULLS LAST")


@case
def group_by_with_cube_grouping_id(spark):
    return _sql(spark, "SELECT g, k % 2 AS odd, grouping_id() AS gid, count(v) AS c FROM g4_t GROUP BY g, k % 2 WITH CUBE "
                       "ORDER BY gid, g NULLS LAST, odd NULLS LAST")


@case
def group_by_with_rollup_ordinal(spark):
    return _sql(spark, "SELECT g, max(s) FROM g4_t GROUP BY 1 WITH ROLLUP ORDER BY 1 NULLS LAST, 2")


@case
def group_by_with_rollup_having(spark):
    return _sql(spark, "SELECT g, sum(v) AS s FROM g4_t GROUP BY g WITH ROLLUP HAVING sum(v) > 10 ORDER BY g NULLS LAST")


# --- MISSING_GROUP_BY / MISSING_AGGREGATION -----------------------------------------------------


@case
def missing_group_by(spark):
    return _sql(spark, "SELECT g, sum(v) FROM g4_t")


@case
def missing_group_by_expression(spark):
    return _sql(spark, "SELECT upper(g), count(*) FROM g4_t")


@case
def missing_group_by_having(spark):
    return _sql(spark, "SELECT k FROM g4_t HAVING count(*) > 1")


@case
def missing_aggregation_with_group_by(spark):
    return _sql(spark, "SELECT g, v FROM g4_t GROUP BY g")


@case
def missing_group_by_dataframe_select(spark):
    _t(spark)
    return spark.table("g4_t").select("g", F.sum("v"))


@case
def missing_group_by_dataframe_agg(spark):
    _t(spark)
    return spark.table("g4_t").agg(F.col("g"), F.max("v"))


@case
def missing_aggregation_dataframe_group_by(spark):
    _t(spark)
    return spark.table("g4_t").groupBy("g").agg(F.col("k"), F.max("v"))


# --- if() -----------------------------------------------------------------------------------------


@case
def if_typical(spark):
    return _sql(spark, "SELECT k, if(k > 2, 'big', 'small'), if(v IS NULL, -1, v) FROM g4_t ORDER BY k")


@case
def if_null_condition_takes_else(spark):
    return spark.sql("SELECT if(NULL, 1, 2), if(CAST(NULL AS BOOLEAN), 'a', NULL)")


@case
def if_common_type(spark):
    return spark.sql("SELECT if(true, 1, 2.5), if(false, 1L, 2), if(true, 'x', 1), if(false, DATE'2024-01-01', TIMESTAMP'2024-01-02 03:04:05')")


@case
def if_nested_and_aliased(spark):
    return _sql(spark, "SELECT if(g = 'a', if(k = 1, 'one', 'a'), g) AS r FROM g4_t ORDER BY k")


@case
def if_through_expr(spark):
    _t(spark)
    return spark.table("g4_t").select("k", F.expr("if(k % 2 = 0, 'even', 'odd')")).orderBy("k")


@case
def if_in_where(spark):
    return _sql(spark, "SELECT k FROM g4_t WHERE if(k > 1, v > 5, false) ORDER BY k")


@case
def if_non_boolean_condition_is_an_error(spark):
    return spark.sql("SELECT if(1, 2, 3)")


@case
def if_two_arguments_is_an_error(spark):
    return spark.sql("SELECT if(true, 1)")


@case
def if_four_arguments_is_an_error(spark):
    return spark.sql("SELECT if(true, 1, 2, 3)")


@case
def if_incompatible_branches_is_an_error(spark):
    return spark.sql("SELECT if(true, array(1), 2)")


@case
def if_inside_other_expressions_is_named_by_its_form(spark):
    # Spark's If is an expression of its own: nested, it shows as (IF(...)), and it is
    # nullable when either value is, even under a literal TRUE condition.
    return _sql(spark, "SELECT if(k > 1, v, 0) + 1, upper(if(true, s, 'q')), coalesce(if(k > 1, v, NULL), 3), "
                       "if(true, 0, v), if(k = 1, NULL, 2) FROM g4_t ORDER BY k")


@case
def if_through_expr_nested(spark):
    _t(spark)
    e = F.expr("if(k > 1, v, 0)")
    return spark.table("g4_t").select("k", e * 2, F.expr("if(true, 0, v)"), F.expr("if(false, s, 'x')").alias("a")).orderBy("k")


@case
def if_column_condition_of_another_type_is_an_error(spark):
    return _sql(spark, "SELECT if(k, 1, 2) FROM g4_t")


@case
def if_string_condition_is_an_error(spark):
    return spark.sql("SELECT if('true', 1, 2)")


@case
def if_is_not_a_when_chain(spark):
    return spark.range(1).select(F.expr("if(id > 0, 1, 2)").when(F.col("id") > 1, 3))


# --- raw strings, TRIM(side FROM s) ----------------------------------------------------------------


@case
def raw_strings_keep_backslashes(spark):
    return spark.sql("SELECT r'a\\nb', R'\\d+', r\"x\\ty\", length(r'\\\\'), regexp_extract('ab12', r'(\\d+)', 1)")


@case
def raw_string_beside_a_plain_string(spark):
    return spark.sql("SELECT r'\\n' = '\\\\n', '\\n' = r'\\n'")


@case
def trim_side_from_without_characters(spark):
    return spark.sql("SELECT trim(BOTH FROM '  x  '), trim(LEADING FROM '  x  '), trim(TRAILING FROM '  x  '), trim(BOTH FROM NULL)")


@case
def trim_side_with_characters_still_reads(spark):
    return spark.sql("SELECT trim(BOTH 'x' FROM 'xxaxx'), trim(LEADING 'x' FROM 'xxaxx'), trim(TRAILING 'x' FROM 'xxaxx')")


@case
def a_column_named_leading_before_from(spark):
    return spark.sql("SELECT leading FROM VALUES (1) AS t(leading)")


# --- UNPIVOT after VALUES and subqueries ------------------------------------------------------------


@case
def unpivot_after_values_excludes_nulls(spark):
    return spark.sql("SELECT * FROM VALUES (1, 10, 20), (2, 30, NULL), (3, NULL, NULL) AS t(id, q1, q2) "
                     "UNPIVOT (amount FOR quarter IN (q1, q2)) ORDER BY id, quarter")


@case
def unpivot_after_values_include_nulls_labels(spark):
    return spark.sql("SELECT * FROM VALUES (1, 10, 20), (2, NULL, NULL) AS t(id, q1, q2) "
                     "UNPIVOT INCLUDE NULLS (amount FOR quarter IN (q1 AS `first`, q2 AS second)) ORDER BY id, quarter")


@case
def unpivot_after_subquery_widens(spark):
    return spark.sql("SELECT * FROM (SELECT 1 AS id, 'x' AS tag, 2.5 AS a, 3 AS b, CAST(4 AS BIGINT) AS c) "
                     "UNPIVOT EXCLUDE NULLS (v FOR k IN (a, b, c)) AS u ORDER BY k")


@case
def unpivot_of_a_view_with_two_ids(spark):
    _t(spark)
    return spark.sql("SELECT * FROM (SELECT k, g, v, k * 2 AS w FROM g4_t) UNPIVOT (val FOR col IN (v, w)) ORDER BY k, col")


@case
def unpivot_string_and_int_is_an_error(spark):
    return spark.sql("SELECT * FROM VALUES (1, 'a', 2) AS t(id, s, n) UNPIVOT (v FOR k IN (s, n))")


@case
def unpivot_unknown_column_is_an_error(spark):
    return spark.sql("SELECT * FROM VALUES (1, 2) AS t(id, a) UNPIVOT (v FOR k IN (a, zz))")


@case
def pivot_after_values(spark):
    return spark.sql("SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20), ('b', 1, 5) AS t(g, q, v) "
                     "PIVOT (sum(v) FOR q IN (1 AS one, 2 AS two)) ORDER BY g")


# --- mode() WITHIN GROUP ------------------------------------------------------------------------------


@case
def mode_within_group_lowest_of_ties(spark):
    return spark.sql("SELECT mode() WITHIN GROUP (ORDER BY x) FROM VALUES (3), (1), (3), (1), (NULL), (NULL), (NULL), (2) AS t(x)")


@case
def mode_within_group_asc_strings_grouped(spark):
    return spark.sql("SELECT g, mode() WITHIN GROUP (ORDER BY s ASC) AS m FROM VALUES ('a', 'z'), ('a', 'y'), ('b', 'é'), ('b', 'e'), ('b', 'é') "
                     "AS t(g, s) GROUP BY g ORDER BY g")


@case
def mode_within_group_of_nulls_only(spark):
    return spark.sql("SELECT mode() WITHIN GROUP (ORDER BY x) FROM VALUES (CAST(NULL AS INT)), (NULL) AS t(x)")


@case
def like_any_names_inside_expressions(spark):
    # Spark shows the quantified LIKE as `likeany(s)` wherever it stands.
    return _sql(
        spark,
        "SELECT NOT (s LIKE ANY ('a%')), (s LIKE ALL ('a%')) AND true, s NOT LIKE ALL ('a%', '%c') OR false, "
        "NOT s ILIKE ALL ('A%'), coalesce(s LIKE ANY ('a%'), false), upper(s) LIKE ANY ('A%'), "
        "if(s LIKE SOME ('a%'), 1, 0), NOT s NOT ILIKE ALL ('A%') FROM g4_t ORDER BY k",
    )


@case
def like_any_names_with_a_column_pattern_and_windows(spark):
    return _sql(
        spark,
        "SELECT s LIKE ANY ('a%') AS x, sum(cast(s LIKE ANY ('a%') as int)) OVER (), s ILIKE ANY ('a%', g) "
        "FROM g4_t ORDER BY k",
    )


@case
def like_any_is_no_sql_function(spark):
    return _sql(spark, "SELECT likeany(s, 'a%') FROM g4_t")
