"""Two known wrong behaviours fixed (issues 13 and 8):
1. the array set functions (array_union, array_intersect, array_except,
   arrays_overlap) and concat of arrays with a NULL array (a NULL literal cast to an
   array of another element type, found by the fuzzer) or differently typed arrays,
   and their one error (BINARY_ARRAY_DIFF_TYPES) for a NULL (VOID) or non-array input;
2. observe under a limit: the metrics count the rows the limit reads through the
   observation point (first, head, take, limit, show)."""

from harness import case
from pyspark.sql import Observation
from pyspark.sql import functions as F

SET_FUNCTIONS = ["array_union", "array_intersect", "array_except", "arrays_overlap"]


def _arrays(spark):
    return spark.createDataFrame(
        [([1, None, 3],), ([],), (None,), ([9223372036854775807, -9223372036854775808],), ([2, 2],)], "a array<bigint>"
    )


def _mixed(spark):
    return spark.createDataFrame(
        [([1, None],[1.5, float("nan")], [1], ["x"]), ([], [-0.0], [0], []), (None, None, None, None), ([0], [0.0], [None], [None])],
        "b array<bigint>, d array<double>, i array<int>, s array<string>",
    )


def _each(spark, template):
    df = _arrays(spark)
    return df.selectExpr(*[template.format(f=f) for f in SET_FUNCTIONS])


# --- 1. NULL arrays of another element type (the fuzzer's INTERNAL_ERROR) ---


@case
def set_functions_with_null_int_array_right(spark):
    return _each(spark, "{f}(a, CAST(NULL AS ARRAY<INT>))")


@case
def set_functions_with_null_int_array_left(spark):
    return _each(spark, "{f}(CAST(NULL AS ARRAY<INT>), a)")


@case
def set_functions_with_null_array_same_type(spark):
    return _each(spark, "{f}(a, CAST(NULL AS ARRAY<BIGINT>))")


@case
def set_functions_with_null_wider_array(spark):
    return _each(spark, "{f}(CAST(NULL AS ARRAY<DOUBLE>), a)")


@case
def set_functions_with_null_smallint_array(spark):
    return _each(spark, "{f}(a, CAST(NULL AS ARRAY<SMALLINT>))")


@case(conf={"spark.sql.ansi.enabled": "false"})
def set_functions_with_null_array_ansi_off(spark):
    return _each(spark, "{f}(CAST(NULL AS ARRAY<TINYINT>), a)")


@case(conf={"spark.sql.ansi.enabled": "false"})
def set_functions_int_and_double_ansi_off(spark):
    return _mixed(spark).select(*[F.expr(f"{f}(i, d)") for f in SET_FUNCTIONS])


@case
def set_functions_two_null_arrays(spark):
    return _each(spark, "{f}(CAST(NULL AS ARRAY<INT>), CAST(NULL AS ARRAY<BIGINT>))")


@case
def set_functions_null_array_over_literal_array(spark):
    return _each(spark, "{f}(array(1, 2), CAST(NULL AS ARRAY<BIGINT>))")


@case
def set_functions_dataframe_api_null_array(spark):
    df = _arrays(spark)
    null = F.lit(None).cast("array<int>")
    return df.select(F.array_union("a", null), F.array_intersect(null, "a"), F.array_except("a", null), F.arrays_overlap(null, "a"))


@case
def set_functions_null_array_in_column(spark):
    # NULL rows of a column (not a literal) next to a NULL literal of another type.
    df = _mixed(spark)
    return df.select(*[F.expr(f"{f}(i, CAST(NULL AS ARRAY<BIGINT>))") for f in SET_FUNCTIONS], *[F.expr(f"{f}(b, i)") for f in SET_FUNCTIONS])


# --- differently typed arrays ---


@case
def set_functions_int_and_bigint_columns(spark):
    df = _mixed(spark)
    return df.select(*[F.expr(f"{f}(i, b)") for f in SET_FUNCTIONS])


@case
def set_functions_bigint_and_double_columns(spark):
    df = _mixed(spark)
    return df.select(*[F.expr(f"{f}(b, d)") for f in SET_FUNCTIONS])


@case
def set_functions_double_with_null_int_array(spark):
    df = _mixed(spark)
    return df.select(*[F.expr(f"{f}(d, CAST(NULL AS ARRAY<INT>))") for f in SET_FUNCTIONS])


@case
def set_functions_with_empty_and_null_element_arrays(spark):
    df = _arrays(spark)
    return df.selectExpr(
        *[f"{f}(a, array())" for f in SET_FUNCTIONS], *[f"{f}(array(NULL), a)" for f in SET_FUNCTIONS]
    )


@case
def set_functions_string_and_null_string_array(spark):
    df = _mixed(spark)
    return df.select(*[F.expr(f"{f}(s, CAST(NULL AS ARRAY<STRING>))") for f in SET_FUNCTIONS], *[F.expr(f"{f}(s, array('x', NULL))") for f in SET_FUNCTIONS])


# --- errors: one class for every mismatch ---


@case
def array_union_with_void(spark):
    return _arrays(spark).selectExpr("array_union(a, NULL)")


@case
def array_intersect_void_first(spark):
    return _arrays(spark).selectExpr("array_intersect(NULL, a)")


@case
def array_except_two_voids(spark):
    return _arrays(spark).selectExpr("array_except(NULL, NULL)")


@case
def arrays_overlap_with_void(spark):
    return _arrays(spark).select(F.arrays_overlap("a", F.lit(None)))


@case
def array_union_with_int(spark):
    return _arrays(spark).selectExpr("array_union(a, 1)")


@case
def arrays_overlap_two_ints(spark):
    return _arrays(spark).selectExpr("arrays_overlap(1, 2)")


@case
def array_except_string_and_int_arrays(spark):
    return _mixed(spark).selectExpr("array_except(s, i)")


# --- concat of arrays ---


@case
def concat_arrays_with_null_array_of_another_type(spark):
    return _arrays(spark).selectExpr("concat(a, CAST(NULL AS ARRAY<INT>))", "concat(CAST(NULL AS ARRAY<INT>), a)", "concat(a, CAST(NULL AS ARRAY<BIGINT>), a)")


@case
def concat_arrays_of_different_types(spark):
    df = _mixed(spark)
    return df.select(F.concat("i", "b"), F.concat("b", "d"), F.concat("i", F.lit(None).cast("array<double>")))


@case
def concat_array_with_void(spark):
    return _arrays(spark).selectExpr("concat(a, NULL)")


# --- 2. observe under a limit ---


def _observed(spark, name):
    o = Observation(name)
    df = spark.range(10).observe(o, F.count(F.lit(1)).alias("c"), F.sum("id").alias("s"), F.max("id").alias("m"))
    return o, df


@case
def observe_limit_collect(spark):
    o, df = _observed(spark, "limit")
    rows = df.limit(3).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_first(spark):
    o, df = _observed(spark, "first")
    row = df.first()
    return [row, sorted(o.get.items())]


@case
def observe_head(spark):
    o, df = _observed(spark, "head")
    return [df.head(2), sorted(o.get.items())]


@case
def observe_head_no_argument(spark):
    o, df = _observed(spark, "head1")
    return [df.head(), sorted(o.get.items())]


@case
def observe_take(spark):
    o, df = _observed(spark, "take")
    return [df.take(4), sorted(o.get.items())]


@case
def observe_limit_over_projection(spark):
    o, df = _observed(spark, "project")
    rows = df.select((F.col("id") * 2).alias("x")).limit(5).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_two_limits(spark):
    o, df = _observed(spark, "two")
    rows = df.limit(6).limit(2).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_limit_larger_than_input(spark):
    o, df = _observed(spark, "large")
    rows = df.limit(100).collect()
    return [len(rows), sorted(o.get.items())]


@case
def observe_show(spark):
    o = Observation("show")
    df = spark.range(30).observe(o, F.count(F.lit(1)).alias("c"))
    df.show()
    return sorted(o.get.items())


@case
def observe_show_fewer_rows(spark):
    o = Observation("show3")
    df = spark.range(30).observe(o, F.count(F.lit(1)).alias("c"), F.max("id").alias("m"))
    df.show(3)
    return sorted(o.get.items())


@case
def observe_filter_below_then_limit(spark):
    o = Observation("filtered")
    df = spark.range(20).filter("id % 2 = 0").observe(o, F.count(F.lit(1)).alias("c"), F.sum("id").alias("s"))
    return [df.limit(3).collect(), sorted(o.get.items())]


@case
def observe_limit_below(spark):
    o = Observation("below")
    df = spark.range(20).limit(7).observe(o, F.count(F.lit(1)).alias("c"))
    return [df.first(), sorted(o.get.items())]


@case
def observe_sort_above_then_limit(spark):
    # A sort reads every row before the limit applies.
    o, df = _observed(spark, "sorted")
    rows = df.orderBy(F.col("id").desc()).limit(2).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_aggregate_above_limit(spark):
    o, df = _observed(spark, "agg")
    rows = df.groupBy().count().limit(1).collect()
    return [rows, sorted(o.get.items())]


@case
def observe_limit_then_count(spark):
    o, df = _observed(spark, "count")
    return [df.limit(4).count(), sorted(o.get.items())]


@case
def observe_created_frame_first(spark):
    o = Observation("created")
    df = spark.createDataFrame([(1, "a"), (2, None), (3, "c"), (None, "d")], "x int, s string")
    row = df.observe(o, F.count("*").alias("c"), F.count("s").alias("n"), F.sum("x").alias("t")).first()
    return [row, sorted(o.get.items())]


@case
def arrays_overlap_signed_zeros_and_nan(spark):
    return spark.range(1).selectExpr(
        "arrays_overlap(array(0.0D), array(-0.0D))",
        "arrays_overlap(array(-0.0D, 1.0D), array(-0.0D))",
        "arrays_overlap(array(CAST('NaN' AS DOUBLE)), array(CAST('NaN' AS DOUBLE)))",
        "arrays_overlap(array(CAST(0.0 AS FLOAT)), array(CAST(-0.0 AS FLOAT)))",
        "arrays_overlap(array(CAST('NaN' AS FLOAT), NULL), array(CAST('NaN' AS FLOAT)))",
        "arrays_overlap(array(1.0D, NULL), array(2.0D))",
        "arrays_overlap(array(CAST('Infinity' AS DOUBLE)), array(CAST('Infinity' AS DOUBLE), 1.0D))",
    )


@case
def arrays_overlap_doubles_through_api(spark):
    df = spark.createDataFrame([([0.0, 1.0], [-0.0]), ([float("nan")], [float("nan"), None]), ([None], [1.0]), (None, [1.0])], "x array<double>, y array<double>")
    return df.select(F.arrays_overlap("x", "y"), F.arrays_overlap("y", F.lit(None).cast("array<int>")))
