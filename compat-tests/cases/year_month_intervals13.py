"""Functions over year-month intervals: `abs`, unary minus, `try_add`/`try_subtract`
(interval ± interval, date ± interval), `try_multiply`/`try_divide` (HALF_UP months),
`sum`/`avg`/`try_sum`/`try_avg`/`min`/`max`, `median`, `percentile`,
`percentile_approx`/`approx_percentile`; their overflow under ANSI on and off; the
`INTERVAL '3 months'` literal; and SQL's `expr COLLATE name`.

PySpark 4.0.1 cannot collect a year-month interval (`YearMonthIntervalType.fromInternal`
is not implemented), so the values are compared as strings, through `show()` and through
`printSchema()`."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
MAX = 2**31 - 1
MIN = -(2**31)


def _ym(spark, months=(14, -25, 0, None, 1, -1, 37)):
    """`id`, `x` (interval year to month) and `y` (interval month, 3 months)."""
    rows = [(i, m) for i, m in enumerate(months)]
    return spark.createDataFrame(rows, "id int, m int").select(
        "id", F.make_ym_interval(months="m").alias("x"), F.expr("INTERVAL '3' MONTH").alias("y"))


def _s(*cols):
    return [F.col(c).cast("string") if isinstance(c, str) else c.cast("string") for c in cols]


@case
def abs_of_year_month_intervals(spark):
    df = _ym(spark)
    return df.select("id", *_s(F.abs("x"), F.expr("abs(x)"), F.abs(F.expr("INTERVAL -'1-1' YEAR TO MONTH")))).orderBy("id")


@case
def abs_of_year_month_interval_schema(spark):
    df = _ym(spark).select(F.abs("x"), F.expr("abs(y)"), F.expr("abs(INTERVAL '-2' YEAR)"))
    df.printSchema()
    df.show()
    return df.schema.simpleString()


@case
def abs_of_day_time_interval(spark):
    return spark.sql("SELECT CAST(abs(INTERVAL '-1 02:03' DAY TO MINUTE) AS STRING) a, CAST(abs(INTERVAL '5' SECOND) AS STRING) b")


@case
def abs_of_min_year_month_interval_fails(spark):
    return _ym(spark, (MIN,)).select(F.abs("x").cast("string"))


@case(conf=LEGACY)
def abs_of_min_year_month_interval_fails_legacy(spark):
    return _ym(spark, (MIN,)).select(F.abs("x").cast("string"))


@case
def negated_year_month_intervals(spark):
    df = _ym(spark)
    return df.select("id", *_s(-F.col("x"), F.negative("x"), F.expr("-x"), F.expr("- INTERVAL '1-2' YEAR TO MONTH"))).orderBy("id")


@case
def negated_min_year_month_interval_fails(spark):
    return _ym(spark, (MIN,)).select((-F.col("x")).cast("string"))


@case(conf=LEGACY)
def negated_min_year_month_interval_fails_legacy(spark):
    return _ym(spark, (MIN,)).select((-F.col("x")).cast("string"))


@case
def year_month_intervals_added_and_subtracted(spark):
    df = _ym(spark)
    return df.select("id", *_s(F.col("x") + F.col("y"), F.col("x") - F.col("y"), F.expr("y - x"), F.expr("x + INTERVAL '1' YEAR"))).orderBy("id")


@case
def year_month_interval_sum_overflow_fails(spark):
    return _ym(spark, (MAX,)).select((F.col("x") + F.col("y")).cast("string"))


@case(conf=LEGACY)
def year_month_interval_sum_overflow_fails_legacy(spark):
    return _ym(spark, (MAX,)).select((F.col("x") + F.col("y")).cast("string"))


@case
def year_month_interval_difference_overflow_fails(spark):
    return _ym(spark, (MIN,)).select((F.col("x") - F.col("y")).cast("string"))


@case
def try_add_and_subtract_year_month_intervals(spark):
    df = _ym(spark, (14, -25, None, MAX, MIN))
    return df.select("id", *_s(F.try_add("x", "y"), F.try_subtract("x", "y"), F.try_add("y", "x"), F.try_subtract("y", "x"))).orderBy("id")


@case
def try_add_year_month_intervals_in_sql(spark):
    return spark.sql(
        "SELECT CAST(try_add(INTERVAL '1' YEAR, INTERVAL '2' MONTH) AS STRING) a, "
        "CAST(try_add(INTERVAL '2147483647' MONTH, INTERVAL '1' MONTH) AS STRING) b, "
        "CAST(try_subtract(INTERVAL '-2147483648' MONTH, INTERVAL '1' MONTH) AS STRING) c, "
        "CAST(try_subtract(INTERVAL '2' YEAR, INTERVAL '1' YEAR) AS STRING) d")


@case
def try_add_year_month_interval_schema(spark):
    df = spark.sql("SELECT try_add(INTERVAL '1' YEAR, INTERVAL '2' YEAR), try_subtract(INTERVAL '1' YEAR, INTERVAL '2' MONTH), "
                   "try_add(DATE '2020-01-31', INTERVAL '1' MONTH), try_multiply(INTERVAL '1' MONTH, 2), try_divide(INTERVAL '1' YEAR, 2)")
    df.printSchema()
    return df.schema.simpleString()


@case
def try_add_dates_and_year_month_intervals(spark):
    df = spark.createDataFrame([(1, "2020-01-31", 1), (2, "2019-02-28", -12), (3, None, 1), (4, "2020-03-31", None), (5, "2024-02-29", 12)],
                               "id int, d string, m int")
    df = df.select("id", F.col("d").cast("date").alias("d"), F.make_ym_interval(months="m").alias("x"))
    return df.select("id", F.try_add("d", "x").alias("a"), F.try_subtract("d", "x").alias("s"), F.try_add("x", "d").alias("r")).orderBy("id")


@case
def try_multiply_and_divide_year_month_intervals(spark):
    df = _ym(spark, (14, -25, 3, None, 5, -5, MAX))
    return df.select("id", *_s(F.try_multiply("x", F.lit(2)), F.try_multiply("x", F.lit(1.5)), F.try_multiply("x", F.lit(0.25).cast("decimal(3,2)")),
                               F.try_divide("x", F.lit(2)), F.try_divide("x", F.lit(0)), F.try_divide("x", F.lit(1.6)),
                               F.try_divide("x", F.lit(None).cast("int")), F.try_multiply(F.lit(3), "x"))).orderBy("id")


@case
def try_multiply_and_divide_in_sql(spark):
    return spark.sql(
        "SELECT CAST(try_multiply(INTERVAL '2' YEAR, 3) AS STRING) a, CAST(try_divide(INTERVAL '2' MONTH, 2) AS STRING) b, "
        "CAST(try_divide(INTERVAL '2' MONTH, 0) AS STRING) c, CAST(try_multiply(INTERVAL '2147483647' MONTH, 2L) AS STRING) d, "
        "CAST(try_divide(INTERVAL '-3' MONTH, 2) AS STRING) e, CAST(try_multiply(INTERVAL '1' MONTH, 2147483648.0D) AS STRING) f")


@case
def year_month_interval_times_number_rounds_half_up(spark):
    df = _ym(spark, (1, -1, 3, -3, 5, -5))
    return df.select("id", *_s(F.col("x") * 0.5, F.col("x") / 2, F.col("x") * F.lit(2.5).cast("double"), F.col("x") / F.lit(4).cast("decimal(2,0)"),
                               F.col("x") * 1, F.col("x") / 3)).orderBy("id")


@case
def year_month_interval_divided_by_zero_fails(spark):
    return _ym(spark, (1,)).select((F.col("x") / 0).cast("string"))


@case(conf=LEGACY)
def year_month_interval_divided_by_zero_fails_legacy(spark):
    return _ym(spark, (1,)).select((F.col("x") / 0).cast("string"))


@case
def year_month_interval_aggregates(spark):
    df = _ym(spark)
    return df.select(*_s(F.sum("x"), F.avg("x"), F.try_sum("x"), F.try_avg("x"), F.min("x"), F.max("x"), F.sum("y"), F.avg("y")), F.count("x"))


@case
def year_month_interval_aggregates_schema(spark):
    df = _ym(spark).select(F.sum("x"), F.avg("x"), F.try_sum("y"), F.try_avg("y"), F.min("y"), F.max("x"), F.median("y"),
                           F.percentile("y", 0.5), F.percentile_approx("y", [0.5, 0.9]), F.expr("approx_percentile(x, 0.5)"))
    df.printSchema()
    df.show(truncate=False)
    return df.schema.simpleString()


@case
def year_month_interval_aggregates_grouped(spark):
    df = _ym(spark).withColumn("g", F.col("id") % 2)
    return df.groupBy("g").agg(*_s(F.sum("x"), F.avg("x"), F.try_avg("x"), F.min("x"), F.max("x"), F.median("x"))).orderBy("g")


@case
def year_month_interval_avg_rounds_half_up(spark):
    rows = [(1, 1), (1, 2), (2, -1), (2, -2), (3, 1), (3, 1), (3, 2), (4, 5), (4, None)]
    df = spark.createDataFrame(rows, "g int, m int").select("g", F.make_ym_interval(months="m").alias("x"))
    return df.groupBy("g").agg(F.avg("x").cast("string").alias("a"), F.try_avg("x").cast("string").alias("t")).orderBy("g")


@case
def year_month_interval_aggregates_of_nulls(spark):
    df = _ym(spark, (None, None))
    return df.select(*_s(F.sum("x"), F.avg("x"), F.try_sum("x"), F.try_avg("x"), F.min("x"), F.median("x"), F.percentile("x", 0.5)))


@case
def year_month_interval_sum_overflow_fails_in_aggregate(spark):
    return _ym(spark, (MAX, 1)).select(F.sum("x").cast("string"))


@case(conf=LEGACY)
def year_month_interval_sum_overflow_fails_in_aggregate_legacy(spark):
    return _ym(spark, (MAX, 1)).select(F.sum("x").cast("string"))


@case
def year_month_interval_avg_overflow_fails(spark):
    return _ym(spark, (MAX, 1)).select(F.avg("x").cast("string"))


@case
def year_month_interval_try_sum_and_try_avg_overflow_are_null(spark):
    df = _ym(spark, (MAX, 1))
    return df.select(F.try_sum("x").cast("string"), F.try_avg("x").cast("string"), F.max("x").cast("string"), F.min("x").cast("string"))


@case
def year_month_interval_try_avg_in_sql(spark):
    return spark.sql("SELECT CAST(try_avg(col) AS STRING) a, CAST(try_sum(col) AS STRING) s "
                     "FROM VALUES (interval '2147483647 months'), (interval '1 months') AS tab(col)")


@case
def year_month_interval_percentiles(spark):
    df = _ym(spark, (0, 10, 3, None, -7, 25, 1))
    return df.select(*_s(F.median("x"), F.percentile("x", 0.5), F.percentile("x", 0.25), F.percentile("x", [0.1, 0.9]),
                         F.percentile_approx("x", 0.5), F.percentile_approx("x", [0.0, 0.5, 1.0], 100), F.expr("approx_percentile(x, 0.75, 100)")))


@case
def year_month_interval_percentiles_truncate(spark):
    df = _ym(spark, (0, 1, -1, -2))
    return df.select(*_s(F.median("x"), F.percentile("x", 0.5), F.percentile("x", 0.1), F.percentile("x", [0.3, 0.7])))


@case
def year_month_interval_percentile_with_frequency(spark):
    return spark.sql("SELECT CAST(percentile(col, 0.5, f) AS STRING) p, CAST(percentile(col, array(0.25, 0.75), f) AS STRING) a "
                     "FROM VALUES (INTERVAL '1' YEAR, 3), (INTERVAL '2' YEAR, 1), (INTERVAL '-1' MONTH, 2) AS tab(col, f)")


@case
def year_month_interval_percentiles_in_sql(spark):
    return spark.sql(
        "SELECT CAST(median(col) AS STRING) m, CAST(percentile(col, 0.5) AS STRING) p, CAST(percentile_approx(col, 0.5, 100) AS STRING) pa, "
        "CAST(approx_percentile(col, array(0.5, 0.7), 100) AS STRING) ap "
        "FROM VALUES (INTERVAL '0' MONTH), (INTERVAL '1' MONTH), (INTERVAL '2' MONTH), (INTERVAL '10' MONTH) AS tab(col)")


@case
def year_month_interval_percentiles_grouped(spark):
    df = _ym(spark, (0, 10, 3, 5, -7, 25, 1, 2)).withColumn("g", F.col("id") % 3)
    return df.groupBy("g").agg(*_s(F.median("x"), F.percentile_approx("x", 0.5))).orderBy("g")


@case
def year_month_interval_show(spark):
    df = _ym(spark).select("id", F.abs("x").alias("a"), F.try_add("x", "y").alias("t"), (F.col("x") * 1.5).alias("m"))
    df.orderBy("id").show()
    return df.schema.simpleString()


@case
def interval_string_literals(spark):
    return spark.sql("SELECT CAST(interval '3 months' AS STRING) a, CAST(interval '1 year 2 months' AS STRING) b, "
                     "CAST(interval '-2 years' AS STRING) c, CAST(interval '3 days' AS STRING) d, CAST(INTERVAL '1 hour 30 minutes' AS STRING) e")


@case
def interval_string_literal_types(spark):
    df = spark.sql("SELECT interval '3 months' a, interval '1 year 2 months' b, interval '3 days' c, interval '2 hours 1 second' d")
    df.printSchema()
    return df.schema.simpleString()


@case
def collate_expression(spark):
    return spark.sql("SELECT COLLATION('Spark SQL' collate UTF8_LCASE) a, COLLATION('x' COLLATE UTF8_BINARY) c, "
                     "collation('y' COLLATE unicode_ci) d")


@case
def collate_expression_names_the_column(spark):
    return spark.sql("SELECT 'Spark SQL' COLLATE UTF8_BINARY, COLLATION('a' COLLATE UNICODE)")


@case
def collate_expression_in_expr(spark):
    df = spark.createDataFrame([("a",), ("B",)], "s string")
    return df.select(F.expr("collation(s COLLATE UTF8_LCASE)"), F.expr("s COLLATE UTF8_BINARY"))


# PySpark surfaces COLLATION_INVALID_NAME (a SparkException raised while the statement is
# analysed) as a bare Py4JJavaError: no class to match, any PySpark error will do.
@case(kind="hostile")
def collate_expression_unknown_collation(spark):
    return spark.sql("SELECT 'a' COLLATE no_such_collation")


@case
def collate_expression_of_a_number(spark):
    return spark.sql("SELECT 1 COLLATE UTF8_LCASE")


# Literal operands (folded before the query runs) fail as columns do.
@case
def interval_literal_sum_overflow_fails(spark):
    return spark.sql("SELECT CAST(INTERVAL '2147483647' MONTH + INTERVAL '1' MONTH AS STRING) s")


@case
def interval_literal_difference_overflow_fails(spark):
    return spark.sql("SELECT CAST(INTERVAL '-2147483648' MONTH - INTERVAL '1' MONTH AS STRING) s")


@case
def interval_literal_negation_overflow_fails(spark):
    return spark.sql("SELECT CAST(-INTERVAL '-2147483648' MONTH AS STRING) s")


@case
def interval_literal_abs_overflow_fails(spark):
    return spark.sql("SELECT CAST(abs(INTERVAL '-2147483648' MONTH) AS STRING) s")


@case
def year_month_interval_window_sum_and_avg(spark):
    return spark.sql("SELECT id, CAST(sum(x) OVER (ORDER BY id) AS STRING) s, CAST(avg(x) OVER (PARTITION BY id % 2) AS STRING) a "
                     "FROM (SELECT id, make_ym_interval(0, CAST(id AS INT)) x FROM range(5)) ORDER BY id")


@case
def year_month_interval_grouped_sum_overflow_fails(spark):
    return spark.sql("SELECT g, CAST(sum(x) AS STRING) s FROM VALUES (1, INTERVAL '2147483647' MONTH), (1, INTERVAL '1' MONTH), "
                     "(2, INTERVAL '1' MONTH) AS t(g, x) GROUP BY g ORDER BY g")


@case
def year_month_interval_times_null(spark):
    return spark.sql("SELECT CAST(x * NULL AS STRING) a, CAST(try_multiply(x, NULL) AS STRING) b, CAST(try_divide(x, NULL) AS STRING) c "
                     "FROM VALUES (INTERVAL '1' MONTH) AS t(x)")


@case
def try_add_dates_and_year_month_interval_literals(spark):
    return spark.sql("SELECT try_add(DATE '2020-01-31', INTERVAL '1-1' YEAR TO MONTH) a, try_subtract(DATE '2020-03-31', INTERVAL '1' MONTH) b, "
                     "try_add(INTERVAL '1' MONTH, DATE '2020-01-31') c")


@case
def abs_of_interval_of_the_wrong_type_fails(spark):
    return spark.sql("SELECT abs(true)")


@case
def try_divide_number_by_interval_fails(spark):
    return spark.sql("SELECT try_divide(2, INTERVAL '1' MONTH)")


@case
def try_add_interval_and_number_fails(spark):
    return spark.sql("SELECT try_add(INTERVAL '1' YEAR, 1)")


# Day-time intervals go through the same functions.
@case
def day_time_interval_aggregates(spark):
    return spark.sql(
        "SELECT CAST(sum(x) AS STRING) s, CAST(avg(x) AS STRING) a, CAST(try_avg(x) AS STRING) ta, CAST(min(x) AS STRING) mn, "
        "CAST(max(x) AS STRING) mx, CAST(median(x) AS STRING) md "
        "FROM VALUES (INTERVAL '1 02:03:04' DAY TO SECOND), (INTERVAL '-3' HOUR), (INTERVAL '0.000001' SECOND) AS t(x)")


@case
def day_time_interval_sum_overflow_fails(spark):
    return spark.sql("SELECT CAST(sum(x) AS STRING) FROM VALUES (INTERVAL '106751991' DAY), (INTERVAL '106751991' DAY) AS t(x)")


@case
def day_time_interval_try_sum_overflow_is_null(spark):
    return spark.sql("SELECT CAST(try_sum(x) AS STRING) s, CAST(try_avg(x) AS STRING) a "
                     "FROM VALUES (INTERVAL '106751991' DAY), (INTERVAL '106751991' DAY) AS t(x)")


@case
def day_time_interval_try_functions(spark):
    return spark.sql("SELECT CAST(try_add(INTERVAL '1' DAY, INTERVAL '2' HOUR) AS STRING) a, CAST(try_subtract(INTERVAL '1' DAY, INTERVAL '2' HOUR) AS STRING) b, "
                     "CAST(try_multiply(INTERVAL '1' DAY, 1.5) AS STRING) c, CAST(try_divide(INTERVAL '1' DAY, 0) AS STRING) d")


@case
def abs_of_day_time_interval_column(spark):
    return spark.sql("SELECT CAST(abs(x) AS STRING) a FROM VALUES (INTERVAL '-1 02:03:04.5' DAY TO SECOND), (NULL) AS t(x)")


@case
def interval_string_literal_mixing_kinds_fails(spark):
    return spark.sql("SELECT interval '1 month 1 day'")


@case
def multi_unit_interval_mixing_kinds_fails(spark):
    return spark.sql("SELECT 1, INTERVAL 1 YEAR 2 DAYS")


@case
def interval_string_literal_mixing_kinds_fails_in_expr(spark):
    return spark.range(1).selectExpr("id", "INTERVAL '2 years 3 hours' AS x")


@case
def interval_string_literal_in_expr(spark):
    return spark.range(1).selectExpr("CAST(INTERVAL '2 years 3 months' AS STRING) AS x", "CAST(INTERVAL '-1 week' AS STRING) AS y")


@case
def year_month_intervals_in_other_functions(spark):
    return spark.sql("SELECT CAST(greatest(x, INTERVAL '1' YEAR) AS STRING) g, CAST(least(x, INTERVAL '1' MONTH) AS STRING) l, sign(x) s, "
                     "CAST(coalesce(NULL, x) AS STRING) c FROM VALUES (INTERVAL '2' MONTH), (INTERVAL '-3' YEAR) AS t(x)")


@case
def year_month_intervals_collected(spark):
    return spark.sql("SELECT CAST(collect_list(x) AS STRING) l, CAST(array_sort(collect_set(x)) AS STRING) st, CAST(mode(x) AS STRING) m, "
                     "CAST(first(x) AS STRING) f, CAST(max_by(x, y) AS STRING) mb "
                     "FROM VALUES (INTERVAL '2' MONTH, 1), (INTERVAL '-3' YEAR, 2), (INTERVAL '2' MONTH, 0) AS t(x, y)")


@case
def year_month_intervals_distinct_and_filtered_aggregates(spark):
    return spark.sql("SELECT count(DISTINCT x) n, CAST(sum(DISTINCT x) AS STRING) s, CAST(avg(DISTINCT x) AS STRING) a, "
                     "CAST(sum(x) FILTER (WHERE x > INTERVAL '2' MONTH) AS STRING) f "
                     "FROM VALUES (INTERVAL '2' MONTH), (INTERVAL '2' MONTH), (INTERVAL '5' MONTH), (NULL) AS t(x)")


@case
def year_month_intervals_in_nested_values(spark):
    return spark.sql("SELECT CAST(array(x, INTERVAL '1' YEAR) AS STRING) a, CAST(struct(x) AS STRING) s, CAST(map('a', x) AS STRING) m "
                     "FROM VALUES (INTERVAL '2' MONTH) AS t(x)")


@case
def year_month_interval_percentile_cont_and_disc(spark):
    return spark.sql("SELECT CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS STRING) c, CAST(percentile_disc(0.5) WITHIN GROUP (ORDER BY x) AS STRING) d "
                     "FROM VALUES (INTERVAL '2' MONTH), (INTERVAL '-3' YEAR), (INTERVAL '5' MONTH), (INTERVAL '6' MONTH) AS t(x)")


@case
def year_month_interval_times_numbers_of_each_type(spark):
    return spark.sql("SELECT CAST(x / 2.5 AS STRING) a, CAST(x * 1.5BD AS STRING) b, CAST(x / 3L AS STRING) c, CAST(x * 2S AS STRING) d "
                     "FROM VALUES (INTERVAL '5' MONTH), (INTERVAL '-5' MONTH) AS t(x)")
