"""Spark's column names, types and nullability of window expressions: default frames
written out (RANGE with ORDER BY, ROWS over the whole partition without), explicit
ROWS/RANGE frames with `-1 FOLLOWING`-style offsets, ranking and offset functions
with their arguments (lag(v, 1, NULL)), sort directions and null orders, expressions
as keys, SQL text, aliases; and repr(Column) of window expressions."""

from harness import case
from pyspark.sql import Window as W
from pyspark.sql import functions as F

from cases._windows_data import scores

UP, UF, CR = W.unboundedPreceding, W.unboundedFollowing, W.currentRow


def _names(spark, *exprs):
    # Schema and names are recorded; the rows are ordered by id for a total order.
    return scores(spark).select("id", *exprs).orderBy("id")


@case
def names_of_default_frames(spark):
    return _names(spark, F.sum("x").over(W.partitionBy("g")), F.sum("x").over(W.partitionBy("g").orderBy("o")),
                  F.count("*").over(W.orderBy("id")), F.max("v").over(W.partitionBy()))


@case
def names_of_ranking_functions(spark):
    w = W.partitionBy("g").orderBy("o")
    return _names(spark, F.row_number().over(w), F.rank().over(w), F.dense_rank().over(w), F.percent_rank().over(w),
                  F.cume_dist().over(w), F.ntile(3).over(w))


@case
def names_of_offset_functions(spark):
    w = W.partitionBy("g").orderBy("id")
    return _names(spark, F.lag("x").over(w), F.lag("x", 2).over(w), F.lag("x", 1, 0).over(w), F.lead("s").over(w),
                  F.lead("s", -1, "z").over(w), F.lag("v", 0).over(w))


@case
def names_of_nth_value_first_last(spark):
    w = W.partitionBy("g").orderBy("id")
    return _names(spark, F.nth_value("x", 2).over(w), F.nth_value("x", 2, True).over(w), F.first("x").over(w),
                  F.first("x", True).over(w), F.last("s").over(w), F.last("s", True).over(w))


@case
def names_of_rows_frames(spark):
    w = W.partitionBy("g").orderBy("id")
    return _names(spark, F.sum("x").over(w.rowsBetween(-1, 1)), F.sum("x").over(w.rowsBetween(UP, CR)),
                  F.sum("x").over(w.rowsBetween(CR, UF)), F.sum("x").over(w.rowsBetween(1, 3)),
                  F.sum("x").over(w.rowsBetween(-3, -1)), F.sum("x").over(w.rowsBetween(UP, UF)),
                  F.sum("x").over(w.rowsBetween(0, 0)))


@case
def names_of_range_frames(spark):
    w = W.partitionBy("g").orderBy("o")
    return _names(spark, F.sum("x").over(w.rangeBetween(-1, 1)), F.sum("x").over(w.rangeBetween(UP, CR)),
                  F.sum("x").over(w.rangeBetween(CR, UF)), F.sum("x").over(w.rangeBetween(1, 3)),
                  F.sum("x").over(w.rangeBetween(-2, -1)), F.sum("x").over(w.rangeBetween(UP, UF)),
                  F.sum("x").over(w.rangeBetween(0, 0)))


@case
def names_of_huge_frame_offsets(spark):
    w = W.orderBy("id")
    return _names(spark, F.count("*").over(w.rowsBetween(-(1 << 40), 5)), F.count("*").over(w.rowsBetween(-5, 1 << 40)),
                  F.count("*").over(w.rowsBetween(-(1 << 63), 0)), F.count("*").over(w.rowsBetween(0, (1 << 63) - 1)))


@case
def names_of_sort_directions(spark):
    return _names(spark, F.row_number().over(W.orderBy(F.desc("o"), "id")),
                  F.row_number().over(W.orderBy(F.asc_nulls_last("o"), "id")),
                  F.row_number().over(W.orderBy(F.desc_nulls_first("o"), F.col("id").desc())),
                  F.row_number().over(W.orderBy(F.col("o").asc_nulls_first(), "id")))


@case
def names_of_expression_keys(spark):
    return _names(spark, F.sum("x").over(W.partitionBy(F.upper("g")).orderBy(F.col("o") * 2)),
                  F.rank().over(W.partitionBy(F.col("o") % 2).orderBy(F.length("s"), F.col("id"))),
                  F.sum(F.col("x") + 1).over(W.partitionBy("g", "o")))


@case
def names_with_aliases_and_arithmetic(spark):
    w = W.partitionBy("g").orderBy("id")
    return _names(spark, F.sum("x").over(w).alias("running"), (F.col("x") - F.avg("x").over(w)),
                  (F.row_number().over(w) + 1), F.coalesce(F.lag("x").over(w), F.lit(0)))


@case
def names_of_window_specs_chained(spark):
    w = W.partitionBy("g").orderBy("id").rowsBetween(-1, 0).partitionBy("o").orderBy(F.desc("id"))
    return _names(spark, F.sum("x").over(w), F.sum("x").over(W.orderBy("id").rowsBetween(-1, 0).rangeBetween(UP, CR)))


@case
def names_in_sql_text(spark):
    return scores(spark).selectExpr(
        "id", "sum(x) OVER (PARTITION BY g)", "sum(x) OVER (PARTITION BY g ORDER BY o)",
        "row_number() OVER (ORDER BY id)", "lag(x) OVER (ORDER BY id)", "lead(x, 2, 0) OVER (ORDER BY id)",
        "sum(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
        "sum(x) OVER (ORDER BY o RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)",
        "count(*) OVER ()").orderBy("id")


@case
def types_and_nullability_of_window_results(spark):
    df = spark.createDataFrame([(1, "a", 1, 2, 1.5), (2, "a", 2, None, None), (3, "b", 1, 3, 0.5)],
                               "id int not null, g string, o int not null, x int, v double")
    w = W.partitionBy("g").orderBy("o")
    return df.select("id", F.row_number().over(w).alias("rn"), F.rank().over(w).alias("r"),
                     F.percent_rank().over(w).alias("pr"), F.ntile(2).over(w).alias("nt"),
                     F.lag("id").over(w).alias("lag_id"), F.lag("id", 1, 0).over(w).alias("lag_id0"),
                     F.lag("id", 0).over(w).alias("lag0"), F.first("id").over(w).alias("first_id"),
                     F.count("x").over(w).alias("cnt"), F.sum("id").over(w).alias("sum_id"),
                     F.min("id").over(w).alias("min_id"), F.avg("v").over(w).alias("avg_v"),
                     F.nth_value("id", 1).over(w).alias("nth")).orderBy("id")


@case
def column_repr_of_windows(spark):
    w = W.partitionBy("g").orderBy("o")
    return [repr(F.row_number().over(w)), repr(F.sum("x").over(W.partitionBy("g"))), repr(F.lag("x", 2, 0).over(w)),
            repr(F.sum("x").over(w.rowsBetween(-1, 1))), repr(F.sum("x").over(w.rangeBetween(UP, CR))),
            repr(F.avg("x").over(W.orderBy(F.desc("o")))), repr(F.ntile(4).over(w).alias("q"))]


@case
def column_repr_of_window_arithmetic(spark):
    w = W.partitionBy("g").orderBy("o")
    return [repr(F.col("x") - F.avg("x").over(w)), repr(F.rank().over(w) == 1),
            repr(F.first("x", True).over(w.rowsBetween(UP, UF)))]


@case
def printed_schema_of_windows(spark):
    w = W.partitionBy("g").orderBy("o")
    df = scores(spark).select(F.rank().over(w), F.lag("s", 1, "none").over(w), F.avg("x").over(w.rowsBetween(-1, 1)))
    return df.schema.simpleString()


@case
def with_column_names_are_kept(spark):
    w = W.partitionBy("g").orderBy("id")
    return scores(spark).withColumn("rn", F.row_number().over(w)).withColumn("x", F.sum("x").over(w)).orderBy("id")


@case
def window_over_a_star_count_name(spark):
    return scores(spark).select("id", F.count("*").over(W.partitionBy("g")), F.count(F.lit(1)).over(W.partitionBy("g"))).orderBy("id")
