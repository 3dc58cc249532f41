"""Column.withField and Column.dropFields (Spark's UpdateFields): nested paths, NULL
structs, merged operation lists in the column names, case-insensitive matching, errors."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [(1, (1, (2, 3), "x")), (2, None), (3, (4, None, None)), (4, (None, (None, 5), "é🎉"))],
        "id int, s struct<a:int, b:struct<c:int, d:int>, e:string>",
    )


@case
def with_field_add(spark):
    return _df(spark).select("id", F.col("s").withField("x", F.lit(1)))


@case
def with_field_replace_keeps_position(spark):
    return _df(spark).select("id", F.col("s").withField("a", F.lit("q")))


@case
def with_field_replace_case_insensitive(spark):
    return _df(spark).select("id", F.col("s").withField("A", F.col("id") * 10))


@case(conf={"spark.sql.caseSensitive": "true"})
def with_field_case_sensitive_appends(spark):
    return _df(spark).select("id", F.col("s").withField("A", F.lit(0)))


@case
def with_field_chained_merges(spark):
    return _df(spark).select("id", F.col("s").withField("x", F.lit(1)).withField("y", F.col("id")).withField("x", F.lit(2)))


@case
def with_field_nested_replace(spark):
    return _df(spark).select("id", F.col("s").withField("b.c", F.lit(9)))


@case
def with_field_nested_add_from_column(spark):
    return _df(spark).select("id", F.col("s").withField("b.z", F.col("s.a") + F.col("id")))


@case
def with_field_nested_upper_case_path(spark):
    return _df(spark).select("id", F.col("s").withField("B.c", F.lit(2)))


@case
def with_field_null_value(spark):
    return _df(spark).select("id", F.col("s").withField("a", F.lit(None)), F.col("s").withField("n", F.lit(None).cast("string")))


@case
def with_field_struct_value(spark):
    return _df(spark).select("id", F.col("s").withField("t", F.struct(F.col("id"), F.lit("v").alias("v"))))


@case
def with_field_array_and_map_values(spark):
    return _df(spark).select(F.col("s").withField("arr", F.array(F.col("id"), F.lit(None))).withField("m", F.create_map(F.lit("k"), F.col("id"))))


@case
def with_field_quoted_dotted_name(spark):
    return _df(spark).select(F.col("s").withField("`b.c`", F.lit(1)))


@case
def with_field_empty_name(spark):
    return _df(spark).select(F.col("s").withField("", F.lit(1)))


@case
def with_field_on_struct_function(spark):
    return _df(spark).select(F.struct(F.col("id").alias("a")).withField("x", F.lit(1)))


@case
def with_field_in_with_column(spark):
    return _df(spark).withColumn("s", F.col("s").withField("b.c", F.col("s.b.c") * 10))


@case
def with_field_alias(spark):
    return _df(spark).select(F.col("s").withField("x", F.lit(1)).alias("t"))


@case
def with_field_then_get_field(spark):
    return _df(spark).select(F.col("s").withField("x", F.col("id")).getField("x"), F.col("s").withField("a", F.lit(7))["a"])


@case
def with_field_in_filter(spark):
    return _df(spark).filter(F.col("s").withField("a", F.lit(1)).isNotNull()).select("id")


@case
def with_field_empty_frame(spark):
    return _df(spark).limit(0).select(F.col("s").withField("x", F.lit(1)))


@case
def with_field_repr(spark):
    return [
        repr(F.col("s").withField("x", F.lit(1))),
        repr(F.col("s").withField("a.b", F.col("x")).withField("y", F.lit("z"))),
        repr(F.col("s").dropFields("a", "b.c")),
    ]


@case
def with_field_missing_parent(spark):
    return _df(spark).select(F.col("s").withField("q.r", F.lit(1)))


@case
def with_field_on_int(spark):
    return _df(spark).select(F.col("s.a").withField("q", F.lit(1)))


@case
def with_field_path_through_int(spark):
    return _df(spark).select(F.col("s").withField("a.z", F.lit(1)))


@case
def with_field_on_null_literal(spark):
    return _df(spark).select(F.lit(None).withField("x", F.lit(1)))


@case
def with_field_trailing_dot(spark):
    return _df(spark).select(F.col("s").withField("a.", F.lit(1)))


@case
def with_field_double_dot(spark):
    return _df(spark).select(F.col("s").withField("a..b", F.lit(1)))


@case
def with_field_name_not_str(spark):
    return F.col("s").withField(1, F.lit(1))


@case
def with_field_value_not_column(spark):
    return F.col("s").withField("a", 1)


@case
def drop_field_top(spark):
    return _df(spark).select("id", F.col("s").dropFields("a"))


@case
def drop_field_several(spark):
    return _df(spark).select("id", F.col("s").dropFields("a", "e"))


@case
def drop_field_nested(spark):
    return _df(spark).select("id", F.col("s").dropFields("b.c"))


@case
def drop_field_top_and_nested(spark):
    return _df(spark).select("id", F.col("s").dropFields("a", "b.c"))


@case
def drop_field_missing_is_no_op(spark):
    return _df(spark).select("id", F.col("s").dropFields("zz"), F.col("s").dropFields("b.zz"))


@case
def drop_field_case_insensitive(spark):
    return _df(spark).select("id", F.col("s").dropFields("E", "B"))


@case
def drop_field_after_with_field(spark):
    return _df(spark).select("id", F.col("s").withField("x", F.lit(1)).dropFields("a"))


@case
def with_field_after_drop_field(spark):
    return _df(spark).select("id", F.col("s").dropFields("a").withField("a", F.lit(0)))


@case
def drop_field_all(spark):
    return _df(spark).select(F.col("s").dropFields("a", "b", "e"))


@case
def drop_field_all_nested(spark):
    return _df(spark).select(F.col("s").dropFields("b.c", "b.d"))


@case
def drop_field_missing_parent(spark):
    return _df(spark).select(F.col("s").dropFields("q.r"))


@case
def drop_field_on_string(spark):
    return _df(spark).select(F.col("s.e").dropFields("a"))


@case
def drop_field_sql_function_names_unknown(spark):
    return spark.range(1).selectExpr("update_fields(named_struct('a', 1), 1)")


@case
def get_field_missing(spark):
    return _df(spark).select(F.col("s").getField("zz"))
