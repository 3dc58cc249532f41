"""rollup, cube and groupingSets: subtotal rows, keys that become nullable, real NULL
keys told apart from rolled-up ones by grouping()/grouping_id(), Spark's grouping id
bits, and the errors of misuse."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

SALES = [
    ("east", "apple", 2023, 10),
    ("east", "apple", 2024, 15),
    ("east", "pear", 2023, 7),
    ("west", "apple", 2023, 3),
    ("west", None, 2024, 8),
    (None, "pear", 2024, 4),
    (None, None, 2023, None),
    ("west", "pear", 2024, 12),
    ("east", None, None, 5),
]


def _sales(spark):
    return spark.createDataFrame(SALES, "region string, product string, year int, amount int")


def _ordered(df):
    """Every column ascending, NULLs first: a total order of distinct rows."""
    return df.orderBy(*[F.col(f"`{c}`") for c in df.columns])


# --- rollup ---------------------------------------------------------------------------------


@case
def rollup_two_keys_sum(spark):
    return _ordered(_sales(spark).rollup("region", "product").agg(F.sum("amount").alias("total")))


@case
def rollup_with_grouping_columns(spark):
    df = _sales(spark).rollup("region", "product").agg(
        F.grouping("region").alias("gr"), F.grouping("product").alias("gp"), F.grouping_id().alias("gid"),
        F.sum("amount").alias("total"))
    return _ordered(df)


@case
def rollup_default_names(spark):
    return _ordered(_sales(spark).rollup("region", "product").agg(F.sum("amount"), F.grouping("region"), F.grouping_id(),
                                                                   F.count("*")))


@case
def rollup_three_keys_count(spark):
    return _ordered(_sales(spark).rollup("region", "product", "year").agg(F.count("*").alias("n"), F.grouping_id().alias("g")))


@case
def rollup_count_shortcut(spark):
    return _ordered(_sales(spark).rollup("region").count())


@case
def rollup_sum_shortcut_all_numeric(spark):
    return _ordered(_sales(spark).rollup("region").sum())


@case
def rollup_avg_min_max_shortcuts(spark):
    g = _sales(spark).rollup("region")
    return _ordered(g.avg("amount")).union(_ordered(g.min("amount"))).union(_ordered(g.max("amount")))


@case
def rollup_no_keys(spark):
    return _sales(spark).rollup().agg(F.count("*"), F.grouping_id(), F.sum("amount"))


@case
def rollup_key_list_argument(spark):
    return _ordered(_sales(spark).rollup(["region", "product"]).count())


@case
def rollup_column_objects(spark):
    df = _sales(spark)
    return _ordered(df.rollup(df.region, F.col("year")).agg(F.max("amount").alias("top")))


@case
def rollup_ordinal_keys(spark):
    return _ordered(_sales(spark).rollup(1, 3).agg(F.count("*").alias("n")))


@case
def rollup_ordinal_zero_is_an_error(spark):
    return _sales(spark).rollup(0).count()


@case
def rollup_key_not_nullable_becomes_nullable(spark):
    return _ordered(spark.range(4).rollup("id").agg(F.count("*").alias("n")))


@case
def rollup_schema_only(spark):
    df = spark.range(3).withColumn("b", F.col("id") * 2).rollup("id", "b").agg(F.sum("id").alias("s"))
    return [[f.name, f.dataType.simpleString(), f.nullable] for f in df.schema.fields]


@case
def rollup_real_null_vs_rolled_up(spark):
    df = _sales(spark).rollup("region").agg(
        F.when(F.grouping("region") == 1, F.lit("ALL")).otherwise(F.coalesce(F.col("region"), F.lit("(none)"))).alias("label"),
        F.count("*").alias("n"))
    return _ordered(df)


@case
def rollup_count_rows_with_null_keys(spark):
    df = spark.createDataFrame([(None, 1), (None, 2), ("a", 3), (None, None)], "k string, v int")
    return _ordered(df.rollup("k").agg(F.count("*").alias("rows"), F.count("v").alias("values"), F.grouping("k").alias("g")))


@case
def rollup_aggregate_reads_original_key_values(spark):
    df = _sales(spark).rollup("region").agg(F.max("region").alias("max_region"), F.count("region").alias("n_region"))
    return _ordered(df)


@case
def rollup_bare_key_in_output(spark):
    return _ordered(_sales(spark).rollup("region").agg(F.col("region").alias("again"), F.count("*").alias("n")))


@case
def rollup_key_expression(spark):
    df = _sales(spark).rollup(F.upper("region")).agg(F.grouping(F.upper("region")), F.count("*"))
    return _ordered(df)


@case
def rollup_key_expression_reused_in_output(spark):
    df = _sales(spark).rollup(F.col("year") + 1).agg((F.col("year") + 1) * 10, F.sum("amount"))
    return _ordered(df)


@case
def rollup_column_of_key_expression_is_missing_aggregation(spark):
    return _sales(spark).rollup(F.col("year") + 1).agg(F.col("year"))


@case
def rollup_aliased_key(spark):
    return _ordered(_sales(spark).rollup(F.col("region").alias("r")).agg(F.count("*").alias("n")))


@case
def rollup_grouping_of_alias_name_is_mismatch(spark):
    return _sales(spark).rollup(F.upper("region").alias("ur")).agg(F.grouping("ur"))


@case
def rollup_grouping_of_aliased_column_is_mismatch(spark):
    return _sales(spark).rollup(F.col("region").alias("r")).agg(F.grouping("region"))


@case(ordered=False)
def rollup_duplicate_keys(spark):
    return _sales(spark).rollup("region", "region").count()


@case(ordered=False)
def rollup_duplicate_keys_rows(spark):
    return _sales(spark).rollup("region", "region").agg(F.grouping_id().alias("g"), F.count("*").alias("n"))


@case
def rollup_grouping_inside_expressions(spark):
    df = _sales(spark).rollup("region", "product").agg(
        (F.grouping("region") + F.grouping("product")).alias("level"), (F.grouping_id() * 10).alias("g10"),
        F.sum("amount").alias("total"))
    return _ordered(df)


@case
def rollup_grouping_inside_aggregate(spark):
    return _ordered(_sales(spark).rollup("region").agg(F.sum(F.grouping("region")).alias("s"), F.count("*").alias("n")))


@case
def rollup_grouping_id_inside_aggregate(spark):
    df = _sales(spark).rollup("region", "product").agg(F.grouping_id("region", "product").alias("g"),
                                                         F.sum(F.grouping_id()).alias("sg"))
    return _ordered(df)


@case
def rollup_grouping_id_with_columns(spark):
    return _ordered(_sales(spark).rollup("region", "product").agg(F.grouping_id("region", "product"), F.count("*")))


@case
def rollup_filter_on_grouping_id_column(spark):
    df = _sales(spark).rollup("region", "product").agg(F.grouping_id().alias("g"), F.sum("amount").alias("total"))
    return _ordered(df.filter("g = 1"))


@case
def rollup_then_select_and_sort(spark):
    df = _sales(spark).rollup("region", "year").agg(F.sum("amount").alias("total"), F.grouping_id().alias("g"))
    return df.select("g", "region", "year", "total").orderBy(F.col("g").desc(), "region", "year")


@case
def rollup_empty_input(spark):
    return _sales(spark).filter("amount > 100").rollup("region").agg(F.count("*").alias("n"))


@case
def rollup_empty_input_no_keys(spark):
    return _sales(spark).filter("amount > 100").rollup().count()


@case
def rollup_several_aggregates_same_column(spark):
    df = _sales(spark).rollup("year").agg(F.sum("amount"), F.avg("amount"), F.min("amount"), F.max("amount"),
                                          F.count("amount"), F.countDistinct("amount"))
    return _ordered(df)


@case
def rollup_first_last_order_sensitive(spark):
    df = spark.createDataFrame([("a", 1), ("a", 2), ("b", 3), ("b", 4)], "k string, v int")
    return _ordered(df.rollup("k").agg(F.first("v").alias("f"), F.last("v").alias("l")))


@case
def rollup_show_text(spark):
    return _sales(spark).rollup("region", "product").agg(F.sum("amount").alias("total")).orderBy(
        F.col("region").asc_nulls_last(), F.col("product").asc_nulls_last(), "total")


@case
def rollup_duplicate_aggregate_names(spark):
    return _ordered(_sales(spark).rollup("region").agg(F.sum("amount"), F.sum("amount")))


@case
def rollup_joined_back(spark):
    totals = _sales(spark).rollup("region").agg(F.sum("amount").alias("total"), F.grouping("region").alias("g"))
    regions = spark.createDataFrame([("east", "E"), ("west", "W")], "region string, code string")
    return _ordered(totals.join(regions, "region", "left"))


# --- cube -----------------------------------------------------------------------------------


@case
def cube_two_keys(spark):
    return _ordered(_sales(spark).cube("region", "product").agg(F.sum("amount").alias("total"), F.grouping_id().alias("g")))


@case
def cube_three_keys(spark):
    df = _sales(spark).cube("region", "product", "year").agg(
        F.count("*").alias("n"), F.sum("amount").alias("total"), F.grouping_id().alias("g"))
    return _ordered(df)


@case
def cube_three_keys_grouping_bits(spark):
    df = _sales(spark).cube("region", "product", "year").agg(
        F.grouping("region").alias("a"), F.grouping("product").alias("b"), F.grouping("year").alias("c"),
        F.grouping_id().alias("g"))
    return _ordered(df.select("a", "b", "c", "g").distinct())


@case
def cube_count_shortcut(spark):
    return _ordered(_sales(spark).cube("region", "year").count())


@case
def cube_no_keys(spark):
    return _sales(spark).cube().count()


@case
def cube_duplicate_keys_grouping_id(spark):
    return _sales(spark).cube("region", "region").agg(F.grouping_id().alias("g")).select("g").distinct().orderBy("g")


@case
def cube_star_is_an_error(spark):
    return _sales(spark).cube("*").count()


@case
def cube_unknown_column(spark):
    return _sales(spark).cube("region", "nope").count()


@case
def cube_decimal_date_keys(spark):
    df = spark.createDataFrame(
        [(decimal.Decimal("1.50"), datetime.date(2024, 1, 1), 1), (decimal.Decimal("1.50"), None, 2),
         (None, datetime.date(2024, 1, 1), 3), (decimal.Decimal("-0.25"), datetime.date(2023, 12, 31), 4)],
        "m decimal(5,2), d date, v int")
    return _ordered(df.cube("m", "d").agg(F.sum("v").alias("s"), F.grouping_id().alias("g")))


@case
def cube_double_keys_nan_and_negative_zero(spark):
    df = spark.createDataFrame([(float("nan"), 1), (-0.0, 2), (0.0, 3), (float("nan"), 4), (None, 5), (1.5, 6)],
                               "x double, v int")
    return df.cube("x").agg(F.sum("v").alias("s"), F.grouping("x").alias("g")).orderBy("g", "x")


@case
def cube_boolean_and_timestamp_keys(spark):
    df = spark.createDataFrame(
        [(True, datetime.datetime(2024, 1, 1, 12, 0), 1), (False, None, 2), (None, datetime.datetime(2024, 1, 1, 12, 0), 3)],
        "b boolean, t timestamp, v int")
    return _ordered(df.cube("b", "t").agg(F.sum("v").alias("s")))


@case(conf={"spark.sql.ansi.enabled": "false"})
def cube_ansi_off(spark):
    return _ordered(_sales(spark).cube("region").agg(F.sum("amount").alias("s"), F.avg("amount").alias("a")))


@case
def cube_sum_overflow_ansi(spark):
    df = spark.createDataFrame([("a", 2**62), ("b", 2**62)], "k string, v long")
    return df.cube("k").agg(F.sum("v"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def cube_sum_overflow_legacy(spark):
    df = spark.createDataFrame([("a", 2**62), ("b", 2**62)], "k string, v long")
    return _ordered(df.cube("k").agg(F.sum("v").alias("s")))


@case
def cube_many_keys(spark):
    df = spark.createDataFrame([(1, 2, 3, 4, 5, 6, 7, 10), (1, 2, 3, 4, 5, 6, 8, 20)],
                               "a int, b int, c int, d int, e int, f int, g int, v int")
    out = df.cube("a", "b", "c", "d", "e", "f", "g").agg(F.sum("v").alias("s"), F.grouping_id().alias("gid"))
    return out.groupBy("s").agg(F.count("*").alias("sets"), F.sum("gid").alias("gids")).orderBy("s")


@case
def cube_many_keys_duplicate_sets_by_expand(spark):
    df = spark.createDataFrame([(1, 2, 3, 4, 5, 6, 7, 10)], "a int, b int, c int, d int, e int, f int, g int, v int")
    out = df.cube("a", "b", "c", "d", "e", "f", "g", "a").agg(F.count("*").alias("n"))
    return out.agg(F.count("*").alias("rows"), F.sum("n").alias("total"))


@case
def rollup_more_than_64_keys_is_an_error(spark):
    wide = spark.range(1).selectExpr(*[f"id as c{i}" for i in range(65)])
    return wide.rollup(*[f"c{i}" for i in range(65)]).count()


@case
def rollup_64_keys(spark):
    wide = spark.range(2).selectExpr(*[f"id as c{i}" for i in range(64)])
    out = wide.rollup(*[f"c{i}" for i in range(64)]).agg(F.grouping_id().alias("g"), F.count("*").alias("n"))
    return out.agg(F.count("*").alias("rows"), F.max("g").alias("top"), F.sum("n").alias("n"))


# --- groupingSets ---------------------------------------------------------------------------


@case
def grouping_sets_basic(spark):
    df = _sales(spark).groupingSets([["region"], ["product"]], "region", "product").agg(F.sum("amount").alias("total"))
    return _ordered(df)


@case
def grouping_sets_with_empty_set(spark):
    df = _sales(spark).groupingSets([["region", "product"], ["region"], []], "region", "product").agg(
        F.sum("amount").alias("total"), F.grouping_id().alias("g"))
    return _ordered(df)


@case
def grouping_sets_only_empty_set(spark):
    return _sales(spark).groupingSets([[]], "region").agg(F.count("*").alias("n"), F.grouping_id().alias("g"))


@case
def grouping_sets_set_column_not_in_output(spark):
    df = _sales(spark).groupingSets([["region"], ["product"]], "region").agg(F.count("*").alias("n"), F.grouping_id().alias("g"))
    return _ordered(df)


@case
def grouping_sets_grouping_of_set_only_column(spark):
    df = _sales(spark).groupingSets([["region"], ["product"]], "region").agg(
        F.grouping("product").alias("gp"), F.count("*").alias("n"))
    return _ordered(df)


@case(ordered=False)
def grouping_sets_duplicate_sets_kept_apart(spark):
    return _sales(spark).groupingSets([["region"], ["region"]], "region").agg(F.count("*").alias("n"))


@case
def grouping_sets_key_in_every_set_keeps_nullability(spark):
    return _ordered(spark.range(3).groupingSets([["id"]], "id").count())


@case
def grouping_sets_column_objects(spark):
    df = _sales(spark)
    return _ordered(df.groupingSets([[F.col("region")], [df.year]], F.col("region"), df.year).agg(F.max("amount").alias("m")))


@case
def grouping_sets_string_set_is_its_characters(spark):
    df = spark.createDataFrame([(1, 2, 3), (1, 3, 4)], "a int, b int, v int")
    return _ordered(df.groupingSets(["ab", "a"], "a").agg(F.sum("v").alias("s")))


@case
def grouping_sets_ordinal_is_an_error(spark):
    return _sales(spark).groupingSets([["region"]], 1).count()


@case
def grouping_sets_list_of_columns(spark):
    return _ordered(_sales(spark).groupingSets([["region"], []], ["region"]).count())


@case
def grouping_sets_expression_key(spark):
    df = _sales(spark).groupingSets([[F.col("year") % 2], []], (F.col("year") % 2).alias("parity")).agg(
        F.sum("amount").alias("s"), F.grouping_id().alias("g"))
    return _ordered(df)


@case
def grouping_sets_grouping_id_columns_must_match(spark):
    return _sales(spark).groupingSets([["region"], ["product"]], "region", "product").agg(F.grouping_id("product"))


@case
def grouping_sets_grouping_id_wrong_order(spark):
    return _sales(spark).groupingSets([["region"], ["product"]], "region", "product").agg(
        F.grouping_id("product", "region"))


@case
def grouping_sets_empty_input(spark):
    return _sales(spark).limit(0).groupingSets([["region"], []], "region").count()


# --- grouping()/grouping_id() misuse --------------------------------------------------------


@case
def grouping_in_plain_group_by_is_an_error(spark):
    return _sales(spark).groupBy("region").agg(F.grouping("region"))


@case
def grouping_id_in_plain_group_by_is_an_error(spark):
    return _sales(spark).groupBy("region").agg(F.grouping_id())


@case
def grouping_in_select_is_an_error(spark):
    return _sales(spark).select(F.grouping("region"))


@case
def grouping_in_global_aggregate_is_an_error(spark):
    return _sales(spark).agg(F.grouping("region"))


@case
def grouping_after_aggregation_is_an_error(spark):
    return _sales(spark).rollup("region").agg(F.count("*").alias("n")).select(F.grouping("region"))


@case
def grouping_of_non_key_is_an_error(spark):
    return _sales(spark).rollup("region").agg(F.grouping("product"))


@case
def grouping_of_literal_is_an_error(spark):
    return _sales(spark).rollup("region").agg(F.grouping(F.lit(1)))


@case
def grouping_wrong_arity(spark):
    return _sales(spark).rollup("region").agg(F.expr("grouping(region, product)"))


@case
def grouping_unknown_column(spark):
    return _sales(spark).rollup("region").agg(F.grouping("nope"))


@case
def grouping_non_key_column_is_missing_aggregation(spark):
    return _sales(spark).rollup("region").agg(F.col("product"))


@case
def grouping_functions_from_sql_text(spark):
    df = _sales(spark).cube("region", "product").agg(F.expr("grouping_id(region, product)"), F.expr("grouping(product)"),
                                                      F.expr("sum(amount)"))
    return _ordered(df)


@case
def grouping_in_select_expr_is_an_error(spark):
    return _sales(spark).selectExpr("grouping(region)")


@case
def grouping_repr(spark):
    return [repr(F.grouping("region")), repr(F.grouping_id()), repr(F.grouping_id("a", F.col("b")))]


@case
def grouping_case_insensitive_key(spark):
    return _ordered(_sales(spark).rollup("REGION").agg(F.grouping("Region").alias("g"), F.count("*").alias("n")))


@case
def grouping_sets_struct_field_key(spark):
    df = spark.createDataFrame([((1, "x"), 10), ((1, "y"), 20), ((2, "x"), 30)], "s struct<a:int,b:string>, v int")
    return _ordered(df.rollup("s.a").agg(F.sum("v").alias("t"), F.grouping("s.a").alias("g")))


# --- SQL: GROUP BY ROLLUP / CUBE / GROUPING SETS -------------------------------------------


def _sql(spark, text):
    _sales(spark).createOrReplaceTempView("sales")
    return spark.sql(text)


@case
def sql_group_by_rollup(spark):
    return _sql(spark, "SELECT region, product, sum(amount) AS total, grouping_id() AS g FROM sales "
                       "GROUP BY ROLLUP(region, product) ORDER BY g, region NULLS FIRST, product NULLS FIRST")


@case
def sql_group_by_cube(spark):
    return _sql(spark, "SELECT region, year, count(*), grouping(region) FROM sales GROUP BY CUBE(region, year) "
                       "ORDER BY 4, region NULLS FIRST, year NULLS FIRST, 3")


@case
def sql_grouping_sets_with_empty_set(spark):
    return _sql(spark, "SELECT region, product, sum(amount) FROM sales GROUP BY GROUPING SETS ((region), (product), ()) "
                       "ORDER BY region NULLS FIRST, product NULLS FIRST, 3")


@case
def sql_key_and_rollup(spark):
    return _sql(spark, "SELECT region, product, year, count(*) AS n FROM sales GROUP BY region, ROLLUP(product, year) "
                       "ORDER BY region NULLS FIRST, product NULLS FIRST, year NULLS FIRST, n")


@case
def sql_rollup_composite_element(spark):
    return _sql(spark, "SELECT region, product, year, grouping_id() AS g FROM sales GROUP BY ROLLUP((region, product), year) "
                       "ORDER BY g, region NULLS FIRST, product NULLS FIRST, year NULLS FIRST")


@case
def sql_rollup_ordinal_and_alias(spark):
    return _sql(spark, "SELECT upper(region) AS r, sum(amount) AS s FROM sales GROUP BY ROLLUP(1) ORDER BY r NULLS FIRST, s")


@case
def sql_rollup_having(spark):
    return _sql(spark, "SELECT region, sum(amount) AS s FROM sales GROUP BY ROLLUP(region) HAVING count(*) > 2 "
                       "ORDER BY region NULLS FIRST, s")


@case
def sql_grouping_outside_grouping_sets_is_an_error(spark):
    return _sql(spark, "SELECT region, grouping(region) FROM sales GROUP BY region")
