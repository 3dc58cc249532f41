"""Joins: every type, using columns, expressions, duplicate names, self-joins."""

from harness import case
from pyspark.sql import functions as F

from ._data import depts, people


@case
def inner_join_using(spark):
    return people(spark).join(depts(spark), "city").orderBy("id")


@case
def left_join_using(spark):
    return people(spark).join(depts(spark), "city", "left").orderBy("id")


@case
def right_join_using(spark):
    return people(spark).join(depts(spark), "city", "right").orderBy("region", "id")


@case
def full_join_using(spark):
    return people(spark).join(depts(spark), "city", "full").orderBy("city", "id")


@case
def outer_join_alias(spark):
    return people(spark).join(depts(spark), ["city"], "outer").orderBy("city", "id")


@case
def left_semi_join(spark):
    return people(spark).join(depts(spark), "city", "left_semi").orderBy("id")


@case
def left_anti_join(spark):
    return people(spark).join(depts(spark), "city", "left_anti").orderBy("id")


@case
def join_on_expression(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).select(p.name, d.region, p.city).orderBy("name")


@case
def join_expression_keeps_both_keys(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p["city"] == d["city"], "inner").orderBy("id")


@case
def left_join_expression(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city, "left").select("id", d.region).orderBy("id")


@case
def join_duplicate_name_ambiguous(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).select("city")


@case
def join_with_residual_condition(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, (p.city == d.city) & (p.age > 30)).select("name", "region").orderBy("name")


@case
def join_list_of_conditions(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, [p.city == d.city, d.region == "West"]).select("name").orderBy("name")


@case
def cross_join(spark):
    return people(spark).select("id").crossJoin(depts(spark).select("region")).orderBy("id", "region")


@case
def self_join_aliases(spark):
    df = people(spark)
    a, b = df.alias("a"), df.alias("b")
    return a.join(b, F.col("a.age") == F.col("b.age")).select(F.col("a.name"), F.col("b.name").alias("other")).orderBy("name", "other")


@case
def self_join_derived(spark):
    df = people(spark)
    older = df.filter(F.col("age") > 30)
    return df.join(older, df["id"] == older["id"]).select(df["name"], older["age"]).orderBy("name")


@case
def self_join_same_frame(spark):
    df = people(spark)
    return df.join(df, df["id"] == df["id"]).count()


@case
def join_using_missing_column(spark):
    return people(spark).join(depts(spark), "nope")


@case
def join_unknown_type(spark):
    return people(spark).join(depts(spark), "city", "sideways")


@case
def join_type_coercion(spark):
    a = spark.createDataFrame([(1, "x")], "k int, v string")
    b = spark.createDataFrame([(1, "y")], "k long, w string")
    return a.join(b, "k")


@case
def join_null_keys_do_not_match(spark):
    a = spark.createDataFrame([(None, 1), (2, 2)], "k int, a int")
    b = spark.createDataFrame([(None, 3), (2, 4)], "k int, b int")
    return a.join(b, "k")


@case
def join_null_safe_keys(spark):
    a = spark.createDataFrame([(None, 1), (2, 2)], "k int, a int")
    b = spark.createDataFrame([(None, 3), (2, 4)], "k int, b int")
    return a.join(b, a.k.eqNullSafe(b.k)).select("a", "b").orderBy("a")


@case
def join_then_aggregate(spark):
    return people(spark).join(depts(spark), "city").groupBy("region").agg(F.sum("salary")).orderBy("region")


@case
def join_select_star_duplicates(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).select("*").orderBy("id")


@case
def join_columns_list(spark):
    p, d = people(spark), depts(spark)
    return p.join(d, p.city == d.city).columns


def _ranges(spark):
    return spark.createDataFrame([(1, 0, 10, "low"), (1, 10, 20, "mid"), (2, 0, 100, "any"), (3, 5, 6, "narrow")],
                                 "k int, lo int, hi int, band string")


def _points(spark):
    return spark.createDataFrame([(1, 5), (1, 15), (1, 50), (2, 7), (4, 1), (None, 3)], "k int, x int")


@case
def left_join_with_range_condition(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.k == r.k) & (p.x >= r.lo) & (p.x < r.hi), "left").select(p.k, "x", "band").orderBy("k", "x")


@case
def full_join_with_range_condition(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.k == r.k) & (p.x >= r.lo) & (p.x < r.hi), "full").select(p.k, "x", "band").orderBy("k", "x", "band")


@case
def right_join_with_range_condition(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.k == r.k) & (p.x >= r.lo) & (p.x < r.hi), "right").select("x", "band").orderBy("band", "x")


@case
def semi_join_with_range_condition(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.k == r.k) & (p.x >= r.lo) & (p.x < r.hi), "left_semi").orderBy("k", "x")


@case
def anti_join_with_range_condition(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.k == r.k) & (p.x >= r.lo) & (p.x < r.hi), "left_anti").orderBy("k", "x")


@case
def left_join_without_equality(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, (p.x >= r.lo) & (p.x < r.hi) & (r.band != "any"), "left").select("x", "band").orderBy("x", "band")


@case
def anti_join_without_equality(spark):
    p, r = _points(spark), _ranges(spark)
    return p.join(r, p.x > r.hi, "left_anti").orderBy("k", "x")


# Spark's PushExtraPredicateThroughJoin: a disjunction across the sides of an inner join
# also filters each side by what it says of that side alone (TPC-DS q13, q48, q85).
def _sales(spark):
    return spark.createDataFrame([(1, "x", 10), (2, "y", 20), (3, "5", 30), (4, None, 40), (9, "z", 90)], "k int, s string, v int")


def _dims(spark):
    return spark.createDataFrame([(1, 1), (2, 2), (3, 2), (4, 1), (4, 2)], "k int, t int")


@case
def disjunction_across_join_sides(spark):
    _sales(spark).createOrReplaceTempView("xp_sales")
    _dims(spark).createOrReplaceTempView("xp_dims")
    return spark.sql("""SELECT a.k, a.s, b.t FROM xp_sales a, xp_dims b
                        WHERE a.k = b.k AND ((a.s = 'x' AND b.t = 1) OR (a.v > 25 AND b.t = 2) OR (a.s IS NULL AND b.t = 1))
                        ORDER BY a.k, b.t""")


@case
def disjunction_across_join_sides_in_the_dataframe_api(spark):
    a, b = _sales(spark).alias("a"), _dims(spark).alias("b")
    cond = ((F.col("a.v") < 15) & (F.col("b.t") == 1)) | ((F.col("a.v").between(15, 35)) & (F.col("b.t") == 2))
    return a.join(b, "k").where(cond).orderBy("k", "t")


@case
def disjunction_across_join_sides_filters_rows_that_join_nothing(spark):
    # Row k=9 ('z') joins nothing, but the pushed-down `s = 'x' OR CAST(s AS INT) = 5`
    # reads it too: Spark raises CAST_INVALID_INPUT.
    spark.createDataFrame([(1, "x"), (3, "5"), (9, "z")], "k int, s string").createOrReplaceTempView("xp_sales2")
    spark.createDataFrame([(1, 1), (3, 2)], "k int, t int").createOrReplaceTempView("xp_dims2")
    return spark.sql("""SELECT a.k, b.t FROM xp_sales2 a JOIN xp_dims2 b ON a.k = b.k
                        WHERE (a.s = 'x' AND b.t = 1) OR (CAST(a.s AS INT) = 5 AND b.t = 2)""")


@case(conf={"spark.sql.ansi.enabled": "false"})
def disjunction_across_join_sides_with_a_cast_ansi_off(spark):
    _sales(spark).createOrReplaceTempView("xp_sales")
    _dims(spark).createOrReplaceTempView("xp_dims")
    return spark.sql("""SELECT a.k, b.t FROM xp_sales a JOIN xp_dims b ON a.k = b.k
                        WHERE (a.s = 'x' AND b.t = 1) OR (CAST(a.s AS INT) = 5 AND b.t = 2) ORDER BY a.k, b.t""")
