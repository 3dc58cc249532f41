"""Spark SQL fixes: `array()`/`map()` without arguments, VALUES rows of different
numeric types, backslash escapes in string literals, the literals -2147483648 (INT)
and -9223372036854775808 (BIGINT), typed literals inside `expr()`/`selectExpr`, IN and
EXISTS subqueries as values in a select list (Spark's existence join: never NULL, NOT
IN null-aware), and a WINDOW clause without FROM."""

from harness import case
from pyspark.sql import functions as F


def _bt(spark):
    spark.createDataFrame([(1, "a"), (2, "b"), (None, "n"), (3, None)], "x int, s string").createOrReplaceTempView("bug_t")
    spark.createDataFrame([(1, 10), (1, 11), (3, None), (None, 5)], "x int, v int").createOrReplaceTempView("bug_u")


# --- array() and map() without arguments -------------------------------------------------


@case
def empty_array_and_map(spark):
    return spark.sql("SELECT array(), map()")


@case
def empty_array_in_expressions(spark):
    return spark.sql("SELECT size(array()) AS n, concat(array(), array(1, 2)) AS j, "
                     "map_keys(map()) AS k, cardinality(map()) AS m")


@case
def empty_array_over_rows(spark):
    return spark.range(3).selectExpr("id", "array() AS a", "map() AS m")


@case
def empty_array_dataframe_api(spark):
    return spark.range(2).select(F.array(), F.create_map())


@case
def empty_array_coalesced_with_typed(spark):
    return spark.sql("SELECT coalesce(array(), array(1)) AS a, CASE WHEN true THEN array() ELSE array('x') END AS b")


# --- VALUES of mixed types -----------------------------------------------------------------


@case
def values_int_then_bigint(spark):
    return spark.sql("SELECT * FROM VALUES (1), (2L), (3) AS t(a)")


@case
def values_bigint_then_int(spark):
    return spark.sql("SELECT * FROM VALUES (2L), (1) AS t(a)")


@case
def values_int_decimal_double(spark):
    return spark.sql("SELECT * FROM VALUES (1, 1.5, 1), (2, 2, 2.5D), (3L, NULL, 3) AS t(a, b, c)")


@case
def values_small_types_widen(spark):
    return spark.sql("SELECT * FROM VALUES (1Y, 1S), (200, 2) AS t(a, b)")


@case
def values_with_strings_and_nulls(spark):
    return spark.sql("VALUES (1, 'a', NULL), (2L, NULL, 2.5)")


@case
def values_mixed_numeric_with_string(spark):
    return spark.sql("SELECT * FROM VALUES (1, 'x'), (2L, 'y') AS t(a, b)")


# --- string escapes ----------------------------------------------------------------------


@case
def escaped_single_quote(spark):
    return spark.sql(r"SELECT 'it\'s' AS a, 'a\\b' AS b, 'tab\there' AS c, 'nl\nx' AS d")


@case
def escaped_double_quote(spark):
    return spark.sql(r'SELECT "say \"hi\"" AS a, "it\'s" AS b, "a''b" AS c')


@case
def doubled_quote_concatenates(spark):
    return spark.sql("SELECT 'it''s' AS a, 'a' 'b' AS b")


@case
def escaped_unicode_and_octal(spark):
    return spark.sql(r"SELECT '\u0041\u00e9' AS a, '\101\102' AS b, '\U0001F600' AS c, '\z' AS d")


@case
def escaped_like_wildcards(spark):
    return spark.sql(r"SELECT 'a%b' LIKE 'a\%b' AS p, 'axb' LIKE 'a\%b' AS q, 'a_b' LIKE 'a\_b' AS r, length('\%') AS n")


@case
def escaped_quote_default_name(spark):
    return spark.sql(r"SELECT 'it\'s'")


@case
def escaped_quote_in_expr(spark):
    return spark.range(1).select(F.expr(r"concat('it\'s', ' ', 'x')").alias("s"))


@case
def backquoted_name_with_backquote(spark):
    return spark.sql("SELECT `a``b` + 1 AS c, `a``b` FROM VALUES (1) AS t(`a``b`)")


# --- the smallest INT and BIGINT ---------------------------------------------------------------


@case
def min_int_literal_is_int(spark):
    return spark.sql("SELECT -2147483648 AS a, 2147483647 AS b, -2147483649 AS c, 2147483648 AS d")


@case
def min_bigint_literal_is_bigint(spark):
    return spark.sql("SELECT -9223372036854775808 AS a, 9223372036854775807 AS b, -9223372036854775809 AS c")


@case
def min_literals_default_names(spark):
    return spark.sql("SELECT -2147483648, -9223372036854775808, -0, - 5")


@case
def min_int_literal_arithmetic(spark):
    return spark.sql("SELECT -2147483648 + 0 AS a, abs(-2147483648) AS b")


@case(conf={"spark.sql.ansi.enabled": "false"})
def min_int_literal_arithmetic_ansi_off(spark):
    return spark.sql("SELECT -2147483648 - 1 AS a, abs(-2147483648) AS b")


@case
def min_int_literal_in_expr(spark):
    return spark.range(1).selectExpr("-2147483648 AS a", "-9223372036854775808L AS b", "-2147483648L AS c")


# --- typed literals in expr() and selectExpr ------------------------------------------------


@case
def typed_literals_in_expr(spark):
    return spark.range(1).select(F.expr("TIMESTAMP '2020-01-02 03:04:05'"), F.expr("DATE '2020-01-02'"),
                                 F.expr("INTERVAL '1' DAY"), F.expr("TIMESTAMP_NTZ '2020-01-02 03:04:05'"))


@case
def typed_literals_in_select_expr(spark):
    return spark.range(1).selectExpr("TIMESTAMP '2020-01-02 03:04:05' AS t", "INTERVAL 3 HOURS AS i",
                                     "DATE '2020-02-29' + INTERVAL '1' YEAR AS d")


@case(conf={"spark.sql.session.timeZone": "America/Los_Angeles"})
def typed_timestamp_in_expr_session_zone(spark):
    return spark.range(1).select(F.expr("TIMESTAMP '2020-07-01 12:00:00'").cast("long").alias("epoch"))


@case
def typed_literal_in_filter_string(spark):
    df = spark.range(3).withColumn("ts", F.expr("timestamp_seconds(id * 86400)"))
    return df.filter("ts >= TIMESTAMP '1970-01-02 00:00:00'").select("id")


# --- IN / EXISTS subqueries as values -------------------------------------------------------


@case
def in_subquery_in_select(spark):
    _bt(spark)
    return spark.sql("SELECT x, x IN (SELECT x FROM bug_u) AS i FROM bug_t ORDER BY x")


@case
def in_subquery_in_select_default_names(spark):
    _bt(spark)
    return spark.sql("SELECT x IN (SELECT 1), EXISTS (SELECT 1), (SELECT 1) FROM bug_t ORDER BY x")


@case
def not_in_subquery_in_select_is_null_aware(spark):
    _bt(spark)
    return spark.sql("SELECT x, x NOT IN (SELECT x FROM bug_u) AS n, NOT (x IN (SELECT 1)) AS m FROM bug_t ORDER BY x")


@case
def not_in_empty_subquery_in_select(spark):
    _bt(spark)
    return spark.sql("SELECT x, x NOT IN (SELECT x FROM bug_u WHERE false) AS n FROM bug_t ORDER BY x")


@case
def exists_in_select_uncorrelated(spark):
    _bt(spark)
    return spark.sql("SELECT x, EXISTS (SELECT 1 FROM bug_u WHERE v > 10) AS e, "
                     "NOT EXISTS (SELECT 1 FROM bug_u WHERE v > 100) AS ne FROM bug_t ORDER BY x")


@case
def exists_in_select_correlated(spark):
    _bt(spark)
    return spark.sql("SELECT x, EXISTS (SELECT 1 FROM bug_u u WHERE u.x = t.x) AS e FROM bug_t t ORDER BY x")


@case
def exists_in_select_correlated_default_name(spark):
    _bt(spark)
    return spark.sql("SELECT NOT EXISTS (SELECT 1 FROM bug_u u WHERE u.x = t.x) FROM bug_t t ORDER BY x")


@case
def in_subquery_in_case_when(spark):
    _bt(spark)
    return spark.sql("SELECT x, CASE WHEN x IN (SELECT x FROM bug_u) THEN 'yes' ELSE 'no' END AS f FROM bug_t ORDER BY x")


@case
def in_subquery_under_or_in_where(spark):
    _bt(spark)
    return spark.sql("SELECT x FROM bug_t WHERE x = 2 OR x IN (SELECT x FROM bug_u) ORDER BY x")


@case
def exists_under_or_in_where(spark):
    _bt(spark)
    return spark.sql("SELECT x FROM bug_t t WHERE s = 'b' OR EXISTS (SELECT 1 FROM bug_u u WHERE u.x = t.x) ORDER BY x")


@case
def in_subquery_of_literal_in_select(spark):
    _bt(spark)
    return spark.sql("SELECT 3 IN (SELECT x FROM bug_u) AS a, 7 IN (SELECT x FROM bug_u) AS b")


# --- WINDOW without FROM ---------------------------------------------------------------------


@case
def window_clause_without_from(spark):
    return spark.sql("SELECT 1 AS a WINDOW w AS (ORDER BY 1)")


@case
def window_clause_without_from_used(spark):
    return spark.sql("SELECT row_number() OVER w AS r, 5 AS v WINDOW w AS (ORDER BY 1)")
