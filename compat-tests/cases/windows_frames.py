"""Window frames: ROWS frames of every shape (offsets on either side, unbounded ends,
frames wholly before or after the row, frames past the partition's edges), RANGE
frames over peers and over values of integer, decimal, double (NaN, infinities,
-0.0) and date keys, ascending and descending with NULLs first or last, SQL frames,
and the errors of RANGE bounds past the key's type."""

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import D, LEGACY, doubles, events, scores, series

W_SERIES = W.partitionBy("k").orderBy("t")
UP, UF, CR = W.unboundedPreceding, W.unboundedFollowing, W.currentRow


def _rows(spark, start, end):
    w = W_SERIES.rowsBetween(start, end)
    return series(spark).select("id", F.sum("n").over(w).alias("sum"), F.count("n").over(w).alias("cnt"),
                                F.count("*").over(w).alias("rows"), F.avg("f").over(w).alias("avg"),
                                F.min("n").over(w).alias("min"), F.max("f").over(w).alias("max")).orderBy("id")


def _rows_case(name, start, end):
    def run(spark):
        return _rows(spark, start, end)

    run.__name__ = name
    case(run)


for _name, _start, _end in [
    ("rows_one_before_one_after", -1, 1),
    ("rows_two_before", -2, CR),
    ("rows_current_and_two_after", CR, 2),
    ("rows_all_before", UP, -1),
    ("rows_all_after", 1, UF),
    ("rows_wholly_before", -3, -1),
    ("rows_wholly_after", 1, 3),
    ("rows_whole_partition", UP, UF),
    ("rows_current_row_only", CR, CR),
    ("rows_one_before_to_the_end", -1, UF),
    ("rows_start_to_one_after", UP, 1),
    ("rows_start_to_current", UP, CR),
    ("rows_current_to_end", CR, UF),
    ("rows_wider_than_partitions", -100, 100),
    ("rows_start_to_two_before", UP, -2),
]:
    _rows_case(_name, _start, _end)


@case
def rows_frames_that_start_after_they_end(spark):
    return series(spark).select("id", F.count("*").over(W_SERIES.rowsBetween(1, CR)).alias("a"),
                                F.sum("n").over(W_SERIES.rowsBetween(CR, -1)).alias("b"),
                                F.max("n").over(W_SERIES.rowsBetween(2, CR)).alias("c")).orderBy("id")


@case
def rows_frame_without_order(spark):
    w = W.partitionBy("k").rowsBetween(UP, UF)
    return series(spark).select("id", F.sum("n").over(w), F.count("*").over(w)).orderBy("id")


@case
def rows_frame_over_strings_and_dates(spark):
    w = W.partitionBy("g").orderBy("id").rowsBetween(-1, 1)
    return scores(spark).select("id", F.min("s").over(w).alias("mins"), F.max("s").over(w).alias("maxs"),
                                F.min("d").over(w).alias("mind"), F.max("d").over(w).alias("maxd")).orderBy("id")


@case
def running_min_max_over_strings_and_dates(spark):
    w = W.partitionBy("g").orderBy("id")
    return scores(spark).select("id", F.min("s").over(w).alias("mins"), F.max("s").over(w).alias("maxs"),
                                F.max("d").over(w).alias("maxd")).orderBy("id")


@case
def range_peers_default_frame(spark):
    w = W.partitionBy("g").orderBy("o")
    return scores(spark).select("id", F.sum("v").over(w).alias("s"), F.count("*").over(w).alias("c"),
                                F.max("x").over(w).alias("m"), F.last("x").over(W.partitionBy("g").orderBy("o", "id")).alias("l")).orderBy("id")


@case
def range_current_row_only(spark):
    w = W.partitionBy("g").orderBy("o").rangeBetween(CR, CR)
    return scores(spark).select("id", F.sum("x").over(w).alias("s"), F.count("*").over(w).alias("c")).orderBy("id")


@case
def range_current_to_end(spark):
    w = W.partitionBy("g").orderBy("o").rangeBetween(CR, UF)
    return scores(spark).select("id", F.sum("x").over(w).alias("s"), F.min("v").over(w).alias("m"),
                                F.count("v").over(w).alias("c")).orderBy("id")


def _range_int(spark, order, start, end):
    df = spark.createDataFrame([(1, 1, None), (2, 1, None), (3, 1, 5), (4, 1, 6), (5, 1, 8), (6, 1, 8), (7, 1, 10),
                                (8, 1, 13), (9, 2, 1), (10, 2, 2), (11, 3, None)], "id int, p int, x int")
    w = W.partitionBy("p").orderBy(order).rangeBetween(start, end)
    return df.select("id", "x", F.count("*").over(w).alias("c"), F.sum("id").over(w).alias("s"),
                     F.min("id").over(w).alias("mn"), F.max("id").over(w).alias("mx"),
                     F.first("id").over(w).alias("f")).orderBy("id")


for _name, _order, _start, _end in [
    ("range_int_around", "x", -1, 2),
    ("range_int_before", "x", -3, -1),
    ("range_int_after", "x", 1, 3),
    ("range_int_start_to", "x", UP, 1),
    ("range_int_to_end", "x", -2, UF),
    ("range_int_nulls_last", F.col("x").asc_nulls_last(), -2, CR),
    ("range_int_descending", F.desc("x"), -1, 2),
    ("range_int_descending_nulls_first", F.desc_nulls_first("x"), CR, 3),
    ("range_int_descending_to_end", F.desc("x"), 1, UF),
    ("range_int_nulls_last_start_to", F.col("x").asc_nulls_last(), UP, -1),
]:
    def _run(spark, order=_order, start=_start, end=_end):
        return _range_int(spark, order, start, end)

    _run.__name__ = _name
    case(_run)


def _range_doubles(spark, order, start, end):
    w = W.partitionBy("k").orderBy(order).rangeBetween(start, end)
    return doubles(spark).select("id", "v", F.count("*").over(w).alias("c"), F.sum("n").over(w).alias("s"),
                                 F.min("n").over(w).alias("mn"), F.first("n").over(w).alias("f"),
                                 F.last("n").over(w).alias("l")).orderBy("id")


for _name, _order, _start, _end in [
    ("range_double_around", "v", -1, 1),
    ("range_double_after", "v", 1, 2),
    ("range_double_start_to_before", "v", UP, -1),
    ("range_double_descending_nulls_last", F.desc_nulls_last("v"), -1, 1),
    ("range_double_descending_to_end", F.desc_nulls_last("v"), CR, UF),
    ("range_double_descending_after", F.desc_nulls_last("v"), 1, 3),
    ("range_double_nulls_last", F.col("v").asc_nulls_last(), -2, 0),
]:
    def _run(spark, order=_order, start=_start, end=_end):
        return _range_doubles(spark, order, start, end)

    _run.__name__ = _name
    case(_run)


@case
def range_over_decimal_key(spark):
    df = spark.createDataFrame([(1, D("1.50")), (2, D("2.25")), (3, D("3.10")), (4, None), (5, D("2.50"))],
                               "id int, m decimal(5,2)")
    w = W.orderBy("m").rangeBetween(-1, 1)
    return df.select("id", F.count("*").over(w).alias("c"), F.sum("m").over(w).alias("s"),
                     F.avg("m").over(w).alias("a")).orderBy("id")


@case
def range_over_wide_decimal_key(spark):
    df = spark.createDataFrame([(1, D("1.5")), (2, D("2.25")), (3, D("3.1")), (4, None), (5, D("-0.5"))],
                               "id int, m decimal(30,10)")
    w = W.orderBy(F.desc("m")).rangeBetween(-1, 2)
    return df.select("id", F.count("*").over(w).alias("c"), F.sum("id").over(w).alias("s")).orderBy("id")


@case
def range_over_bigint_key(spark):
    df = spark.createDataFrame([(1, 1700000000), (2, 1700000300), (3, 1700003600), (4, 1700003601), (5, None),
                                (6, 1700090000)], "id int, ts bigint")
    w = W.orderBy("ts").rangeBetween(-3600, 0)
    return df.select("id", F.count("*").over(w).alias("c"), F.sum("id").over(w).alias("s"),
                     F.max("id").over(w).alias("m")).orderBy("id")


@case
def range_over_small_integer_keys(spark):
    df = spark.range(12).select(F.col("id").cast("int").alias("id"), (F.col("id") % 5).cast("tinyint").alias("b"),
                                (F.col("id") * 7 % 11).cast("smallint").alias("h"))
    return df.select("id", F.count("*").over(W.orderBy("b").rangeBetween(-1, 1)).alias("cb"),
                     F.sum("id").over(W.orderBy(F.desc("h")).rangeBetween(-2, 2)).alias("sh")).orderBy("id")


@case
def range_over_float_key(spark):
    df = spark.createDataFrame([(1, 0.25), (2, 1.5), (3, 1.75), (4, None), (5, 3.0)], "id int, f float")
    w = W.orderBy("f").rangeBetween(-1, 1)
    return df.select("id", F.count("*").over(w).alias("c"), F.sum("f").over(w).alias("s")).orderBy("id")


@case
def range_over_dates_in_sql(spark):
    return events(spark).selectExpr(
        "id", "sum(amount) OVER (PARTITION BY user ORDER BY day RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS week",
        "count(1) OVER (PARTITION BY user ORDER BY day DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near").orderBy("id")


@case
def seven_day_moving_average_over_day_numbers(spark):
    days = F.datediff("day", F.lit("2024-01-01").cast("date"))
    w = W.partitionBy("user").orderBy(days).rangeBetween(-6, 0)
    return events(spark).select("id", F.avg("amount").over(w).alias("avg7"), F.count("amount").over(w).alias("n7")).orderBy("id")


@case
def range_over_timestamp_seconds(spark):
    secs = F.col("day").cast("timestamp").cast("long")
    w = W.partitionBy("user").orderBy(secs).rangeBetween(-6 * 86400, 0)
    return events(spark).select("id", F.sum("amount").over(w).alias("s")).orderBy("id")


@case
def frames_in_sql(spark):
    return series(spark).selectExpr(
        "id", "sum(n) OVER (PARTITION BY k ORDER BY t ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS a",
        "sum(n) OVER (PARTITION BY k ORDER BY t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS b",
        "sum(n) OVER (PARTITION BY k ORDER BY t ROWS UNBOUNDED PRECEDING) AS c",
        "count(n) OVER (PARTITION BY k ORDER BY t DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS d",
        "max(f) OVER (PARTITION BY k ORDER BY t RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS e",
        "sum(n) OVER () AS f").orderBy("id")


@case
def frames_at_partition_edges(spark):
    df = spark.range(9).select(F.col("id").cast("int").alias("id"), (F.col("id") / 3).cast("int").alias("p"))
    w = W.partitionBy("p").orderBy("id")
    return df.select("id", F.sum("id").over(w.rowsBetween(-1, 1)).alias("s"),
                     F.count("*").over(w.rowsBetween(-2, -1)).alias("before"),
                     F.count("*").over(w.rowsBetween(1, 2)).alias("after"),
                     F.min("id").over(w.rangeBetween(-1, 0)).alias("rmin")).orderBy("id")


@case
def range_bound_past_the_int_range_ansi(spark):
    df = spark.createDataFrame([(1, 2147483647), (2, 5), (3, -2147483648)], "id int, x int")
    return df.select("id", F.count("*").over(W.orderBy("x").rangeBetween(-1, 2))).orderBy("id")


@case
def range_bound_past_the_bigint_range_ansi(spark):
    df = spark.createDataFrame([(1, 9223372036854775807), (2, 5)], "id int, x bigint")
    return df.select("id", F.count("*").over(W.orderBy("x").rangeBetween(CR, 1))).orderBy("id")


@case
def range_offset_that_does_not_fit_the_key(spark):
    return scores(spark).select("id", F.count("*").over(W.orderBy("x").rangeBetween(-2 ** 40, CR))).orderBy("id")


@case
def range_offsets_that_do_not_fit_the_key_compared(spark):
    return scores(spark).select("id", F.count("*").over(W.orderBy("x").rangeBetween(-5, 2 ** 40))).orderBy("id")


@case
def range_offset_that_does_not_fit_a_tinyint_key(spark):
    return scores(spark).select(F.count("*").over(W.orderBy(F.col("x").cast("tinyint")).rangeBetween(-300, 0)))


@case
def range_offset_that_does_not_fit_a_decimal_key(spark):
    return scores(spark).select(F.count("*").over(W.orderBy(F.col("v").cast("decimal(3,1)")).rangeBetween(-1000, 0)))


@case
def range_over_bigint_with_huge_offsets(spark):
    df = spark.createDataFrame([(1, 1), (2, 10), (3, None), (4, -5)], "id int, x bigint")
    w = W.orderBy("x").rangeBetween(-2 ** 62, 2 ** 62)
    return df.select("id", F.count("*").over(w).alias("c"), F.sum("id").over(w).alias("s")).orderBy("id")


@case
def sum_over_frames_of_nulls_only(spark):
    df = spark.createDataFrame([(1, None), (2, None), (3, 4)], "id int, n int")
    w = W.orderBy("id")
    return df.select("id", F.sum("n").over(w.rowsBetween(-1, 0)).alias("a"), F.avg("n").over(w.rowsBetween(UP, 0)).alias("b"),
                     F.max("n").over(w.rowsBetween(-1, 0)).alias("c"), F.count("n").over(w).alias("d")).orderBy("id")
