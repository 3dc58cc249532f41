"""SQL windows beyond OVER (...): named windows (`OVER w ... WINDOW w AS (...)`,
`OVER (w)`, several functions and several windows, windows in subqueries, over
aggregates), their errors (undefined or repeated names, a name extended inside a
specification, frames a ranking function refuses), QUALIFY (not Spark 4.0 SQL: a
syntax error), RANGE frames with INTERVAL offsets over dates and timestamps where
Spark refuses them, and SQL windows inside queries that also aggregate."""

import datetime

from harness import case

from cases._windows_data import LEGACY, scores, series


def _t(spark):
    scores(spark).createOrReplaceTempView("wsm_scores")
    series(spark).createOrReplaceTempView("wsm_series")


def _q(spark, text):
    _t(spark)
    return spark.sql(text)


@case
def named_window_sum(spark):
    return _q(spark, "SELECT id, sum(x) OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id")


@case
def named_window_in_parentheses(spark):
    return _q(spark, "SELECT id, sum(x) OVER (w) AS s FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id")


@case
def named_window_shared_by_ranking_functions(spark):
    return _q(spark, "SELECT id, row_number() OVER w AS rn, rank() OVER w AS rk, dense_rank() OVER w AS dr, lag(x) OVER w AS lg "
                     "FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY o) ORDER BY id")


@case
def two_named_windows(spark):
    return _q(spark, "SELECT id, sum(x) OVER a AS by_g, count(*) OVER b AS everyone, lead(id) OVER b AS nxt FROM wsm_scores "
                     "WINDOW a AS (PARTITION BY g), b AS (ORDER BY id DESC) ORDER BY id")


@case
def named_window_with_rows_frame(spark):
    return _q(spark, "SELECT id, sum(n) OVER w AS s, avg(f) OVER w AS a FROM wsm_series "
                     "WINDOW w AS (PARTITION BY k ORDER BY t ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id")


@case
def named_window_with_range_frame(spark):
    return _q(spark, "SELECT id, max(x) OVER w AS m FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY o RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY id")


@case
def named_window_default_name_of_the_column(spark):
    return _q(spark, "SELECT id, avg(x) OVER w, first(s) OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id DESC NULLS FIRST) ORDER BY id")


@case
def named_window_mixed_with_inline_window(spark):
    return _q(spark, "SELECT id, sum(x) OVER w AS a, sum(x) OVER (PARTITION BY g) AS b FROM wsm_scores WINDOW w AS (ORDER BY id) ORDER BY id")


@case
def named_window_unused(spark):
    return _q(spark, "SELECT id, x FROM wsm_scores WINDOW w AS (PARTITION BY g) ORDER BY id")


@case
def named_window_in_a_subquery(spark):
    return _q(spark, "SELECT g, max(rn) AS most FROM (SELECT g, row_number() OVER w AS rn FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id)) "
                     "GROUP BY g ORDER BY g")


@case
def named_window_over_an_aggregate(spark):
    return _q(spark, "SELECT g, sum(x) AS s, rank() OVER w AS rk FROM wsm_scores GROUP BY g WINDOW w AS (ORDER BY sum(x) DESC) ORDER BY g")


@case
def named_window_with_where_and_order(spark):
    return _q(spark, "SELECT id, lag(v, 1, 0.0) OVER w AS prev FROM wsm_scores WHERE id > 2 WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY prev DESC, id")


@case
def named_window_dedupe_idiom(spark):
    return _q(spark, "SELECT id, g FROM (SELECT id, g, row_number() OVER w AS rn FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY v DESC NULLS LAST, id)) "
                     "WHERE rn = 1 ORDER BY id")


@case
def named_window_undefined(spark):
    return _q(spark, "SELECT id, sum(x) OVER w3 FROM wsm_scores WINDOW w AS (PARTITION BY g)")


@case
def named_window_without_window_clause(spark):
    return _q(spark, "SELECT id, sum(x) OVER w FROM wsm_scores")


@case
def named_window_names_are_case_sensitive(spark):
    return _q(spark, "SELECT id, sum(x) OVER w FROM wsm_scores WINDOW W AS (PARTITION BY g)")


@case
def named_window_defined_twice(spark):
    return _q(spark, "SELECT id, sum(x) OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g), w AS (ORDER BY id)")


@case
def named_window_extended_inside_over(spark):
    return _q(spark, "SELECT id, sum(x) OVER (w ORDER BY id) FROM wsm_scores WINDOW w AS (PARTITION BY g)")


@case
def named_window_extended_in_window_clause(spark):
    return _q(spark, "SELECT id, sum(x) OVER w2 FROM wsm_scores WINDOW w1 AS (PARTITION BY g), w2 AS (w1 ORDER BY id)")


@case
def named_window_of_the_outer_query_in_a_subquery(spark):
    return _q(spark, "SELECT * FROM (SELECT id, sum(x) OVER w AS s FROM wsm_scores) WINDOW w AS (PARTITION BY g) ORDER BY id")


@case
def named_window_frame_refused_by_row_number(spark):
    return _q(spark, "SELECT id, row_number() OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)")


@case
def named_window_without_order_for_rank(spark):
    return _q(spark, "SELECT id, rank() OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g)")


@case
def named_window_distinct_aggregate(spark):
    return _q(spark, "SELECT id, count(DISTINCT x) OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g)")


@case(conf=LEGACY)
def named_window_without_ansi(spark):
    return _q(spark, "SELECT id, sum(s) OVER w AS total FROM wsm_scores WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id")


@case
def qualify_with_an_alias_is_a_syntax_error(spark):
    return _q(spark, "SELECT id, row_number() OVER (PARTITION BY g ORDER BY id) AS rn FROM wsm_scores QUALIFY rn = 1")


@case
def qualify_with_a_window_is_a_syntax_error(spark):
    return _q(spark, "SELECT id FROM wsm_scores QUALIFY row_number() OVER (PARTITION BY g ORDER BY id) = 1")


@case
def qualify_after_where_is_a_syntax_error(spark):
    return _q(spark, "SELECT id, g FROM wsm_scores WHERE x > 0 QUALIFY rank() OVER (PARTITION BY g ORDER BY x) = 1")


@case
def qualify_after_window_clause_is_a_syntax_error(spark):
    return _q(spark, "SELECT id, sum(x) OVER w FROM wsm_scores WINDOW w AS (PARTITION BY g) QUALIFY id > 1")


@case
def sql_window_beside_group_by_column(spark):
    return _q(spark, "SELECT g, count(*) AS n, sum(count(*)) OVER (ORDER BY g NULLS LAST) AS running FROM wsm_scores GROUP BY g ORDER BY g NULLS LAST")


@case
def sql_window_in_having_query(spark):
    return _q(spark, "SELECT g, sum(x) AS s, row_number() OVER (ORDER BY g) AS rn FROM wsm_scores GROUP BY g HAVING sum(x) > 3 ORDER BY g")


@case
def sql_windows_in_a_union(spark):
    return _q(spark, "SELECT id, row_number() OVER (ORDER BY id) AS rn FROM wsm_scores WHERE id < 3 "
                     "UNION ALL SELECT id, row_number() OVER (ORDER BY id DESC) FROM wsm_scores WHERE id > 9")


# RANGE frames with INTERVAL offsets where Spark refuses them.
def _dated(spark):
    df = spark.createDataFrame(
        [(1, "a", datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1), 1.0),
         (2, "a", datetime.date(2024, 1, 5), datetime.datetime(2024, 1, 5, 12), 2.0),
         (3, "b", None, None, 8.0)],
        "id int, k string, d date, ts timestamp, x double")
    df.createOrReplaceTempView("wsm_dated")


def _dq(spark, frame, order="ts"):
    _dated(spark)
    return spark.sql(f"SELECT id, sum(x) OVER (PARTITION BY k ORDER BY {order} {frame}) AS s FROM wsm_dated")


@case
def interval_hours_over_a_date(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '12' HOUR PRECEDING AND CURRENT ROW", "d")


@case
def interval_bounds_of_different_units(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '4' DAY PRECEDING AND INTERVAL 12 HOURS FOLLOWING")


@case
def interval_day_and_month_bounds(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '2' DAY PRECEDING AND INTERVAL '1' MONTH FOLLOWING", "d")


@case
def interval_over_a_double_key(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW", "x")


@case
def interval_over_a_string_key(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW", "k")


@case
def interval_with_two_order_keys(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW", "d, id")


@case
def interval_in_a_rows_frame(spark):
    return _dq(spark, "ROWS BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW", "d")


@case
def integer_offset_over_a_timestamp(spark):
    return _dq(spark, "RANGE BETWEEN 1 PRECEDING AND CURRENT ROW")


@case
def interval_bounds_in_the_wrong_order(spark):
    return _dq(spark, "RANGE BETWEEN INTERVAL '1' DAY FOLLOWING AND INTERVAL '1' DAY PRECEDING")


# RANGE frames with INTERVAL offsets Spark runs.
def _readings(spark):
    ts = datetime.datetime
    df = spark.createDataFrame(
        [(1, "a", ts(2024, 1, 1, 0, 0), 1.0), (2, "a", ts(2024, 1, 5, 12, 0), 2.0), (3, "a", ts(2024, 1, 9, 0, 0), 4.0),
         (4, "a", ts(2024, 1, 9, 0, 0), 8.0), (5, "a", ts(2024, 1, 9, 23, 59, 59), None), (6, "b", None, 16.0),
         (7, "b", ts(2024, 3, 1), 32.0), (8, "b", ts(2024, 2, 1, 1), 64.0), (9, "b", None, 128.0), (10, None, ts(2024, 2, 29, 12), 256.0)],
        "id int, k string, ts timestamp, x double")
    df = df.withColumn("d", df.ts.cast("date")).withColumn("ntz", df.ts.cast("timestamp_ntz"))
    df.createOrReplaceTempView("wsm_readings")
    return df


def _rq(spark, select):
    _readings(spark)
    return spark.sql(f"SELECT id, {select} FROM wsm_readings ORDER BY id")


@case
def interval_days_over_a_date_moving_average(spark):
    return _rq(spark, "avg(x) OVER (PARTITION BY k ORDER BY d RANGE BETWEEN INTERVAL '7' DAY PRECEDING AND CURRENT ROW)")


@case
def interval_days_over_a_timestamp_both_sides(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '4' DAY PRECEDING AND INTERVAL '1' DAY FOLLOWING) AS s")


@case
def interval_day_to_hour_over_a_timestamp(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '4 12' DAY TO HOUR PRECEDING AND CURRENT ROW) AS s")


@case
def interval_hours_over_a_timestamp_descending(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY ts DESC RANGE BETWEEN INTERVAL 96 HOURS PRECEDING AND CURRENT ROW) AS s")


@case
def interval_seconds_over_a_timestamp_ntz(spark):
    return _rq(spark, "count(x) OVER (PARTITION BY k ORDER BY ntz RANGE BETWEEN CURRENT ROW AND INTERVAL '86399' SECOND FOLLOWING) AS c")


@case
def interval_frames_with_first_last_and_count(spark):
    _readings(spark)
    return spark.sql("SELECT id, first(x) OVER w AS f, last(x) OVER w AS l, count(*) OVER w AS n, max(x) OVER w AS m FROM wsm_readings "
                     "WINDOW w AS (PARTITION BY k ORDER BY ts NULLS LAST RANGE BETWEEN INTERVAL '10' DAY PRECEDING AND INTERVAL '10' DAY FOLLOWING) "
                     "ORDER BY id")


@case
def interval_negative_days_give_empty_frames(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY d RANGE BETWEEN INTERVAL '-3' DAY PRECEDING AND CURRENT ROW) AS s")


@case
def interval_unbounded_to_days_over_a_date(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY d RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '2' DAY FOLLOWING) AS s")


@case
def interval_frame_through_select_expr(spark):
    df = _readings(spark)
    return df.selectExpr("id", "sum(x) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)").orderBy("id")


@case
def interval_month_over_a_date(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY d RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) AS s")


@case
def interval_month_over_a_timestamp(spark):
    return _rq(spark, "sum(x) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) AS s")
