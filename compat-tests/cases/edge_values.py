"""Edge values (issue 15): NaN, +-Infinity, -0.0 and 0.0 in double and float
columns; binary columns; integers and decimals at their type's bounds; empty
strings and unicode outside the BMP. Spark's rules: NaN = NaN and NaN is greater
than every other double (comparisons, sorts, max/min, keys); na.drop treats NaN
like NULL in floating columns; grouping, distinct and join keys normalise -0.0
to 0.0 and every NaN to one NaN; concat of binary values is binary.

Each case is small and named for what it checks. Data is built with explicit DDL
schemas so types are exact; sorts carry a tie-breaking id wherever -0.0 and 0.0
(equal in Spark's ordering) or several NaNs could swap."""

import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
NINF = float("-inf")
D = decimal.Decimal


def _register(fn, name, conf=None, **kw):
    fn.__name__ = name
    fn.__qualname__ = name
    case(fn, conf=conf, **kw)


# ---------------------------------------------------------------------------------------------
# Aggregates over NaN / Inf / -0.0 (double and float), grouped and global
# ---------------------------------------------------------------------------------------------

# Groups: a NaN among numbers, all NaN, NaN + NULL, +-Inf, -0.0 then 0.0, all NULL,
# Inf twice, -Inf + NaN, a lone -0.0, 0.0 then -0.0.
_AGG_ROWS = [
    (0, "a", 1.5), (1, "a", NAN), (2, "a", 3.0),
    (3, "b", NAN), (4, "b", NAN),
    (5, "c", NAN), (6, "c", None),
    (7, "d", INF), (8, "d", NINF), (9, "d", 1.0),
    (10, "e", -0.0), (11, "e", 0.0),
    (12, "f", None), (13, "f", None),
    (14, "g", INF), (15, "g", INF), (16, "g", 2.0),
    (17, "h", NINF), (18, "h", NAN),
    (19, "z", -0.0),
    (20, "y", 0.0), (21, "y", -0.0),
]


def _agg_frame(spark, t, order_free=None):
    """With `order_free`, only the groups whose result cannot depend on the order
    rows arrive in: min/max keep the first of -0.0 and 0.0 (equal in Spark's
    order), first/last pick a row."""
    df = spark.createDataFrame(_AGG_ROWS, f"id int, g string, v {t}")
    if order_free == "minmax":
        df = df.filter(~F.col("g").isin("e", "y"))
    elif order_free == "first":
        df = df.filter(F.col("g").isin("b", "f", "z"))
    elif order_free == "first_ignorenulls":
        df = df.filter(F.col("g").isin("b", "c", "f", "z"))
    return df


_AGGS = {
    "count": lambda: F.count("v"),
    "sum": lambda: F.sum("v"),
    "avg": lambda: F.avg("v"),
    "min": lambda: F.min("v"),
    "max": lambda: F.max("v"),
    "first": lambda: F.first("v"),
    "last": lambda: F.last("v"),
    "first_ignorenulls": lambda: F.first("v", True),
    "stddev": lambda: F.stddev("v"),
    "count_distinct": lambda: F.countDistinct("v"),
    "sum_distinct": lambda: F.sum_distinct("v"),
}


_ORDER_FREE = {"min": "minmax", "max": "minmax", "first": "first", "last": "first",
               "first_ignorenulls": "first_ignorenulls"}


def _agg_grouped(t, make, order_free):
    return lambda spark: _agg_frame(spark, t, order_free).groupBy("g").agg(make()).orderBy("g")


for _t in ("double", "float"):
    for _n, _make in _AGGS.items():
        _register(_agg_grouped(_t, _make, _ORDER_FREE.get(_n)), f"agg_{_n}_grouped_{_t}")


def _agg_global_all(t):
    # first/last of the whole frame are its first/last rows; kept out as order-dependent.
    return lambda spark: _agg_frame(spark, t).agg(*[m() for n, m in _AGGS.items() if not n.startswith(("first", "last"))])


for _t in ("double", "float"):
    _register(_agg_global_all(_t), f"agg_all_global_{_t}")


def _agg_subset(t, groups):
    def run(spark):
        df = _agg_frame(spark, t).filter(F.col("g").isin(*groups))
        return df.agg(F.count("v"), F.sum("v"), F.avg("v"), F.min("v"), F.max("v"), F.countDistinct("v"),
                      F.sum_distinct("v"), F.stddev("v"))
    return run


for _t in ("double", "float"):
    _register(_agg_subset(_t, ["b"]), f"agg_all_nan_global_{_t}")
    _register(_agg_subset(_t, ["c"]), f"agg_nan_and_null_global_{_t}")
    _register(_agg_subset(_t, ["z"]), f"agg_only_neg_zero_global_{_t}")
    _register(_agg_subset(_t, ["d", "g"]), f"agg_infinities_global_{_t}")


@case
def agg_max_min_nan_and_inf(spark):
    df = spark.createDataFrame([(1.1,), (NAN,), (3.3,), (None,), (INF,)], "v double")
    return df.select(F.max("v"), F.min("v"))


@case
def agg_grouped_shortcuts_max_min(spark):
    df = _agg_frame(spark, "double", "minmax").drop("id")
    return df.groupBy("g").max("v").join(df.groupBy("g").min("v"), "g").orderBy("g")


@case
def agg_dict_max_min(spark):
    return _agg_frame(spark, "double", "minmax").groupBy("g").agg({"v": "max"}).orderBy("g")


@case
def agg_max_of_expression_with_nan(spark):
    df = _agg_frame(spark, "double", "minmax")
    return df.groupBy("g").agg(F.max(F.col("v") * 2).alias("m2"), F.min(-F.col("v")).alias("mn")).orderBy("g")


# ---------------------------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------------------------

_PAIRS = [
    (0, NAN, NAN), (1, NAN, 1.0), (2, 1.0, NAN), (3, NAN, INF), (4, INF, NAN), (5, -0.0, 0.0), (6, 0.0, -0.0),
    (7, INF, INF), (8, NINF, INF), (9, INF, NINF), (10, NINF, NINF), (11, None, NAN), (12, NAN, None),
    (13, 1.0, 1.0), (14, NINF, NAN), (15, -0.0, -0.0),
]

_OPS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "eq_null_safe": lambda a, b: a.eqNullSafe(b),
}


def _cmp_pairs(t, op):
    def run(spark):
        df = spark.createDataFrame(_PAIRS, f"id int, a {t}, b {t}")
        return df.select("id", "a", "b", op(F.col("a"), F.col("b")).alias("r")).orderBy("id")
    return run


for _n, _op in _OPS.items():
    _register(_cmp_pairs("double", _op), f"cmp_{_n}_pairs_double")
for _n in ("eq", "lt", "ge", "eq_null_safe"):
    _register(_cmp_pairs("float", _OPS[_n]), f"cmp_{_n}_pairs_float")

# 2.2250738585072014e-308 is the smallest normal double (the subnormal 4.9E-324 has its own case).
_VALUES = [(0, NAN), (1, INF), (2, NINF), (3, -0.0), (4, 0.0), (5, 1.0), (6, None), (7, 1.7976931348623157e308),
           (8, 2.2250738585072014e-308)]


def _values(spark, t="double"):
    return spark.createDataFrame(_VALUES, f"id int, v {t}")


def _cmp_lit(t, lit):
    def run(spark):
        c, x = F.col("v"), F.lit(lit)
        return _values(spark, t).select("id", *[op(c, x).alias(n) for n, op in _OPS.items()]).orderBy("id")
    return run


for _n, _lit in (("nan", NAN), ("inf", INF), ("neg_inf", NINF), ("zero", 0.0), ("neg_zero", -0.0)):
    _register(_cmp_lit("double", _lit), f"cmp_double_vs_{_n}_literal")
for _n, _lit in (("nan", NAN), ("neg_zero", -0.0)):
    _register(_cmp_lit("float", _lit), f"cmp_float_vs_{_n}_literal")


@case
def cmp_int_vs_nan_and_inf_literals(spark):
    df = spark.createDataFrame([(1,), (-2147483648,), (None,)], "i int")
    return df.select("i", (F.col("i") < F.lit(NAN)).alias("lt_nan"), (F.col("i") == F.lit(NAN)).alias("eq_nan"),
                     (F.col("i") > F.lit(NINF)).alias("gt_ninf"), (F.col("i") >= F.lit(INF)).alias("ge_inf"))


@case
def cmp_float_vs_double_column(spark):
    df = spark.createDataFrame([(NAN, NAN), (INF, INF), (-0.0, 0.0), (1.5, 1.5), (NAN, 1.0)], "f float, d double")
    return df.select("f", "d", (F.col("f") == F.col("d")).alias("eq"), (F.col("f") > F.col("d")).alias("gt"),
                     F.col("f").eqNullSafe(F.col("d")).alias("ns"))


@case
def filter_eq_nan(spark):
    return _values(spark).filter(F.col("v") == NAN).select("id")


@case
def filter_ne_nan(spark):
    return _values(spark).filter(F.col("v") != NAN).orderBy("id")


@case
def filter_gt_huge(spark):
    return _values(spark).filter(F.col("v") > 1e300).orderBy("id")


@case
def filter_lt_zero(spark):
    return _values(spark).filter(F.col("v") < 0.0).orderBy("id")


@case
def filter_ge_neg_zero(spark):
    return _values(spark).filter(F.col("v") >= -0.0).orderBy("id")


@case
def filter_between_infinities(spark):
    return _values(spark).filter(F.col("v").between(NINF, INF)).orderBy("id")


@case
def show_subnormal_doubles(spark):
    # Java prints Double.MIN_VALUE as 4.9E-324 (two digits, the nearer one), not 5.0E-324.
    df = spark.createDataFrame([(5e-324,), (-5e-324,), (1e-323,), (1.5e-323,), (2.2250738585072014e-308,), (1e-310,)],
                               "v double")
    return df.select("v", F.col("v").cast("string").alias("s"))


@case
def filter_float_eq_nan(spark):
    return _values(spark, "float").filter(F.col("v") == NAN).select("id")


@case
def filter_expr_string_nan(spark):
    return _values(spark).filter("v = cast('NaN' as double) OR v = cast('-Infinity' as double)").orderBy("id")


@case
def cmp_nan_literals_only(spark):
    return spark.range(1).select((F.lit(NAN) == F.lit(NAN)).alias("eq"), (F.lit(NAN) > F.lit(INF)).alias("gt"),
                                 (F.lit(-0.0) == F.lit(0.0)).alias("zeros"), (F.lit(-0.0) < F.lit(0.0)).alias("lt"))


# isin
def _isin(t, args):
    return lambda spark: _values(spark, t).select("id", "v", F.col("v").isin(*args).alias("r")).orderBy("id")


for _t in ("double", "float"):
    _register(_isin(_t, [NAN]), f"isin_nan_{_t}")
    _register(_isin(_t, [-0.0]), f"isin_neg_zero_{_t}")
_register(_isin("double", [NAN, 1.0]), "isin_nan_and_one_double")
_register(_isin("double", [0.0]), "isin_zero_double")
_register(_isin("double", [INF, NINF]), "isin_infinities_double")
_register(_isin("double", [None, NAN]), "isin_null_and_nan_double")


@case
def filter_isin_nan(spark):
    return _values(spark).filter(F.col("v").isin(NAN, INF)).orderBy("id")


# ---------------------------------------------------------------------------------------------
# Sorting and top-k
# ---------------------------------------------------------------------------------------------

_SORT_ROWS = [
    (0, NAN), (1, 1.0), (2, None), (3, INF), (4, -0.0), (5, NINF), (6, 0.0), (7, NAN), (8, -1.0), (9, None),
    (10, 0.0), (11, -0.0), (12, 2.2250738585072014e-308), (13, -2.2250738585072014e-308),
]


def _sort_frame(spark, t):
    return spark.createDataFrame(_SORT_ROWS, f"id int, v {t}")


_SORTS = {
    "asc": lambda: [F.col("v").asc(), "id"],
    "desc": lambda: [F.col("v").desc(), "id"],
    "asc_nulls_last": lambda: [F.col("v").asc_nulls_last(), "id"],
    "desc_nulls_first": lambda: [F.col("v").desc_nulls_first(), "id"],
}


def _sort(t, keys):
    return lambda spark: _sort_frame(spark, t).orderBy(*keys())


for _n, _keys in _SORTS.items():
    _register(_sort("double", _keys), f"sort_{_n}_double")
for _n in ("asc", "desc"):
    _register(_sort("float", _SORTS[_n]), f"sort_{_n}_float")


@case
def sort_ascending_false_kwarg(spark):
    return _sort_frame(spark, "double").orderBy(["v", "id"], ascending=[False, True])


@case
def sort_nan_first_key_then_second(spark):
    df = spark.createDataFrame([(NAN, 2), (NAN, 1), (INF, 3), (-0.0, 5), (0.0, 4)], "a double, b int")
    return df.orderBy(F.desc("a"), "b")


def _topk(t, keys, k, cols):
    return lambda spark: _sort_frame(spark, t).orderBy(*keys()).limit(k).select(*cols)


_register(_topk("double", lambda: [F.col("v").asc()], 4, ["v"]), "topk_asc_4_double")
_register(_topk("double", lambda: [F.col("v").asc_nulls_last()], 2, ["v"]), "topk_asc_nulls_last_2_double")
_register(_topk("double", lambda: [F.col("v").desc_nulls_first()], 4, ["v"]), "topk_desc_nulls_first_4_double")
_register(_topk("double", lambda: [F.col("v").desc_nulls_last()], 1, ["v"]), "topk_desc_nulls_last_1_double")
for _t in ("double", "float"):
    _register(_topk(_t, lambda: [F.col("v").desc()], 3, ["v"]), f"topk_desc_3_{_t}")
    _register(_topk(_t, lambda: [F.col("v").asc(), "id"], 9, ["id", "v"]), f"topk_asc_through_zeros_{_t}")
_register(_topk("double", lambda: [F.col("v").desc(), F.col("id").desc()], 6, ["id", "v"]), "topk_desc_with_tiebreak_double")


@case
def first_row_after_sort_desc(spark):
    return _sort_frame(spark, "double").orderBy(F.col("v").desc()).select("v").first()


# ---------------------------------------------------------------------------------------------
# Keys: distinct, dropDuplicates, groupBy over -0.0 / 0.0 / NaN
# ---------------------------------------------------------------------------------------------

_KEY_ROWS = [
    (0, -0.0, -0.0, "a"), (1, 0.0, 0.0, "a"), (2, -0.0, -0.0, "b"), (3, NAN, NAN, "a"), (4, NAN, NAN, "a"),
    (5, None, None, "a"), (6, 1.0, 1.0, "a"), (7, -0.0, 0.0, "a"), (8, INF, INF, "b"),
]


def _keys(spark):
    return spark.createDataFrame(_KEY_ROWS, "id int, y double, z float, t string")


@case
def key_distinct_double(spark):
    return _keys(spark).select("y").distinct().orderBy("y")


@case
def key_distinct_float(spark):
    return _keys(spark).select("z").distinct().orderBy("z")


@case
def key_distinct_double_and_string(spark):
    return _keys(spark).select("y", "t").distinct().orderBy("y", "t")


@case
def key_distinct_only_neg_zero(spark):
    return spark.createDataFrame([(-0.0,), (-0.0,)], "y double").distinct()


@case
def key_issue_zero_distinct(spark):
    return spark.createDataFrame([(-0.0,), (0.0,), (-0.0,)], "y double").distinct()


@case
def key_issue_zero_groupby_count(spark):
    return spark.createDataFrame([(-0.0,), (0.0,), (-0.0,)], "y double").groupBy("y").count()


@case
def key_drop_duplicates_all(spark):
    return _keys(spark).select("y", "z").dropDuplicates().orderBy("y", "z")


@case
def key_drop_duplicates_subset_double(spark):
    df = _keys(spark).select("y", F.lit("k").alias("c"))
    return df.dropDuplicates(["y"]).orderBy("y")


@case
def key_drop_duplicates_subset_float(spark):
    df = _keys(spark).select("z", F.lit("k").alias("c"))
    return df.dropDuplicates(["z"]).orderBy("z")


@case
def key_groupby_count_double(spark):
    return _keys(spark).groupBy("y").count().orderBy("y")


@case
def key_groupby_count_float(spark):
    return _keys(spark).groupBy("z").count().orderBy("z")


@case
def key_groupby_two_keys(spark):
    return _keys(spark).groupBy("y", "t").count().orderBy("y", "t")


@case
def key_groupby_sum_ids(spark):
    return _keys(spark).groupBy("y").agg(F.sum("id").alias("ids"), F.count("*").alias("n")).orderBy("y")


@case
def key_groupby_only_neg_zero(spark):
    return spark.createDataFrame([(-0.0, 1), (-0.0, 2)], "y double, v int").groupBy("y").agg(F.sum("v"))


@case
def key_groupby_computed_nan(spark):
    # inf - inf and 0 * inf give NaNs with other bit patterns than the literal NaN.
    df = spark.createDataFrame([(INF, NAN), (INF, 1.0), (NINF, 2.0)], "a double, b double")
    keys = df.select((F.col("a") - F.col("a")).alias("k")).union(df.select((F.col("a") * 0.0).alias("k"))) \
        .union(df.select(F.col("b").alias("k")))
    return keys.groupBy("k").count().orderBy("k")


@case
def key_distinct_computed_nan(spark):
    df = spark.createDataFrame([(INF,), (NINF,)], "a double")
    return df.select((F.col("a") + F.col("a") * -1.0).alias("k")).union(spark.createDataFrame([(NAN,)], "k double")) \
        .distinct()


@case
def key_groupby_computed_neg_zero(spark):
    df = spark.createDataFrame([(0.0,), (-1.0,), (1.0,)], "a double")
    return df.groupBy((F.col("a") * 0.0).alias("k")).count().orderBy("k")


@case
def key_count_distinct_variants(spark):
    return _keys(spark).agg(F.countDistinct("y"), F.countDistinct("z"), F.countDistinct("y", "t"))


@case
def key_sum_distinct_zeros(spark):
    df = spark.createDataFrame([(-0.0,), (0.0,), (1.0,), (-0.0,)], "y double")
    return df.agg(F.sum_distinct("y"), F.countDistinct("y"))


@case
def key_sum_distinct_nans(spark):
    df = spark.createDataFrame([(NAN,), (NAN,), (2.0,)], "y float")
    return df.agg(F.sum_distinct("y"), F.countDistinct("y"))


# ---------------------------------------------------------------------------------------------
# Joins on NaN / -0.0 / Inf keys
# ---------------------------------------------------------------------------------------------

_LEFT = [(-0.0, "l-0"), (0.0, "l0"), (NAN, "lnan"), (1.0, "l1"), (None, "lnull"), (INF, "linf")]
_RIGHT = [(0.0, "r0"), (-0.0, "r-0"), (NAN, "rnan"), (INF, "rinf"), (None, "rnull"), (2.0, "r2")]


def _lr(spark, t="double", same_name=False):
    lk, rk = ("k", "k") if same_name else ("lk", "rk")
    left = spark.createDataFrame(_LEFT, f"{lk} {t}, lv string")
    right = spark.createDataFrame(_RIGHT, f"{rk} {t}, rv string")
    return left, right


def _join_sort(df):
    return df.orderBy(*[F.col(c).asc_nulls_first() for c in df.columns if c in ("lv", "rv")])


_HOWS = ["inner", "left", "right", "full", "left_semi", "left_anti"]


def _join_cond(t, how):
    def run(spark):
        left, right = _lr(spark, t)
        return _join_sort(left.join(right, left["lk"] == right["rk"], how))
    return run


def _join_using(t, how):
    def run(spark):
        left, right = _lr(spark, t, same_name=True)
        return _join_sort(left.join(right, "k", how))
    return run


for _how in _HOWS:
    _register(_join_cond("double", _how), f"join_cond_{_how}_double")
    _register(_join_using("double", _how), f"join_using_{_how}_double")
_register(_join_cond("float", "inner"), "join_cond_inner_float")
_register(_join_using("float", "full"), "join_using_full_float")


@case
def join_eq_null_safe_condition(spark):
    left, right = _lr(spark)
    return _join_sort(left.join(right, left["lk"].eqNullSafe(right["rk"]), "inner"))


@case
def join_non_equi_condition_with_nan(spark):
    left, right = _lr(spark)
    return _join_sort(left.join(right, (left["lk"] == right["rk"]) | (left["lk"] > F.lit(100.0)), "inner"))


@case
def join_two_keys_double_and_string(spark):
    left = spark.createDataFrame([(-0.0, "a", 1), (NAN, "b", 2), (NAN, "a", 3)], "k double, s string, lv int")
    right = spark.createDataFrame([(0.0, "a", 10), (NAN, "b", 20), (NAN, "a", 30)], "k double, s string, rv int")
    return left.join(right, ["k", "s"], "inner").orderBy("lv")


@case
def join_float_to_double_key(spark):
    left = spark.createDataFrame([(NAN, 1), (-0.0, 2), (INF, 3)], "k float, lv int")
    right = spark.createDataFrame([(NAN, 10), (0.0, 20), (INF, 30)], "k double, rv int")
    return left.join(right, left["k"] == right["k"], "inner").select("lv", "rv").orderBy("lv")


@case
def join_computed_nan_key(spark):
    left = spark.createDataFrame([(INF, 1), (2.0, 2)], "a double, lv int").select((F.col("a") - F.col("a")).alias("k"), "lv")
    right = spark.createDataFrame([(NAN, 10), (0.0, 20)], "k double, rv int")
    return left.join(right, "k", "inner").orderBy("lv")


# ---------------------------------------------------------------------------------------------
# Set operations
# ---------------------------------------------------------------------------------------------

@case
def union_then_distinct_zeros_and_nan(spark):
    a = spark.createDataFrame([(NAN,), (-0.0,)], "v double")
    b = spark.createDataFrame([(NAN,), (0.0,), (INF,)], "v double")
    return a.union(b).distinct().orderBy("v")


@case
def union_keeps_neg_zero_and_nan(spark):
    a = spark.createDataFrame([(1, NAN), (2, -0.0)], "id int, v double")
    b = spark.createDataFrame([(3, 0.0), (4, NINF)], "id int, v double")
    return a.union(b).orderBy("id")


@case
def union_float_with_double(spark):
    a = spark.createDataFrame([(NAN,), (-0.0,), (INF,)], "v float")
    b = spark.createDataFrame([(1.5,), (NAN,)], "v double")
    return a.union(b)


@case
def union_by_name_then_groupby(spark):
    a = spark.createDataFrame([(NAN, "x"), (-0.0, "y")], "v double, s string")
    b = spark.createDataFrame([("z", 0.0), ("w", NAN)], "s string, v double")
    return a.unionByName(b).groupBy("v").count().orderBy("v")


# ---------------------------------------------------------------------------------------------
# na.drop / dropna / na.fill with NaN
# ---------------------------------------------------------------------------------------------

_NA_ROWS = [
    (1, 1.5, 1.5, "a"), (2, NAN, 2.5, "b"), (3, 3.5, NAN, None), (None, NAN, NAN, "d"), (5, None, None, None),
    (6, INF, NINF, "f"), (7, -0.0, -0.0, "g"), (None, None, NAN, None),
]


def _na(spark):
    return spark.createDataFrame(_NA_ROWS, "id int, d double, f float, s string")


@case
def na_issue_drop(spark):
    d2 = spark.createDataFrame([(10, 80.5, "Alice"), (5, NAN, "Bob"), (None, None, "Tom")], "age long, height double, name string")
    return d2.na.drop()


@case
def na_issue_dropna_subset(spark):
    d2 = spark.createDataFrame([(10, 80.5, "Alice"), (5, NAN, "Bob"), (None, None, "Tom")], "age long, height double, name string")
    return d2.dropna(subset=["height"])


@case
def na_drop_any(spark):
    return _na(spark).na.drop()


@case
def na_drop_all(spark):
    return _na(spark).na.drop(how="all")


@case
def na_drop_all_floats_only(spark):
    return _na(spark).select("d", "f").na.drop(how="all")


@case
def na_drop_thresh_2(spark):
    return _na(spark).dropna(thresh=2)


@case
def na_drop_thresh_3(spark):
    return _na(spark).dropna(thresh=3)


@case
def na_drop_subset_double(spark):
    return _na(spark).dropna(subset=["d"])


@case
def na_drop_subset_float(spark):
    return _na(spark).dropna(subset="f")


@case
def na_drop_subset_both_all(spark):
    return _na(spark).na.drop(how="all", subset=["d", "f"])


@case
def na_drop_subset_thresh(spark):
    return _na(spark).dropna(how="any", thresh=1, subset=["d", "s"])


@case
def na_drop_subset_non_floating(spark):
    return _na(spark).dropna(subset=["id", "s"])


@case
def na_fill_zero(spark):
    return _na(spark).na.fill(0)


@case
def na_fill_half(spark):
    return _na(spark).fillna(0.5)


@case
def na_fill_subset_float(spark):
    return _na(spark).na.fill(9.5, subset=["f"])


@case
def na_fill_dict(spark):
    return _na(spark).na.fill({"d": -1.0, "f": 9.0, "s": "?"})


@case
def na_fill_dict_int_into_double(spark):
    return _na(spark).na.fill({"d": 7})


@case
def na_fill_string_leaves_nan(spark):
    return _na(spark).na.fill("x")


@case
def na_fill_with_nan_ansi(spark):
    return _na(spark).select("id", "d").na.fill(NAN)


@case(conf=LEGACY)
def na_fill_with_nan_legacy(spark):
    return _na(spark).select("id", "d").na.fill(NAN)


@case
def na_fill_with_inf_ansi(spark):
    return _na(spark).select("d", "f").na.fill(INF)


@case
def na_isnan_isnull(spark):
    df = _na(spark)
    return df.select("id", F.isnan("d"), F.isnan("f"), F.isnull("d"), F.col("f").isNull().alias("fnull"))


@case
def na_coalesce_keeps_nan(spark):
    return _na(spark).select("id", F.coalesce("d", F.lit(0.0)).alias("c"), F.coalesce("f", "d").alias("fd"))


@case
def na_when_isnan(spark):
    return _na(spark).select(F.when(F.isnan("d"), "nan").when(F.col("d").isNull(), "null").otherwise("num").alias("k"))


# ---------------------------------------------------------------------------------------------
# describe()
# ---------------------------------------------------------------------------------------------

@case
def describe_issue_max_nan(spark):
    df = spark.createDataFrame([(1.1,), (NAN,), (3.3,), (None,)], "v double")
    return df.describe("v")


@case
def describe_nan_inf_all_types(spark):
    df = spark.createDataFrame([(1.5, 1.5, 1), (NAN, INF, 2), (INF, -0.0, 3), (-0.0, NAN, None)], "d double, f float, i int")
    return df.describe()


@case
def describe_infinities(spark):
    return spark.createDataFrame([(INF,), (NINF,), (1.0,)], "v double").describe()


@case
def describe_all_nan(spark):
    return spark.createDataFrame([(NAN,), (NAN,)], "v float").describe()


@case
def describe_neg_zero(spark):
    return spark.createDataFrame([(-0.0,), (-0.0,)], "v double").describe()


# ---------------------------------------------------------------------------------------------
# Casts of NaN / Inf / -0.0
# ---------------------------------------------------------------------------------------------

_CAST_VALUES = {"nan": NAN, "inf": INF, "neg_inf": NINF, "neg_zero": -0.0}


def _cast_one(t, v, target):
    return lambda spark: spark.createDataFrame([(v,)], f"v {t}").select(F.col("v").cast(target).alias("c"))


def _cast_all(t, target):
    rows = [(i, v) for i, v in enumerate([NAN, INF, NINF, -0.0, 0.0, 1.5, None])]
    return lambda spark: spark.createDataFrame(rows, f"id int, v {t}").select("id", F.col("v").cast(target).alias("c")) \
        .orderBy("id")


_TARGET_NAMES = {"int": "int", "bigint": "long", "tinyint": "byte", "decimal(10,2)": "decimal", "string": "string",
                 "boolean": "boolean", "float": "float", "double": "double", "smallint": "short"}

# ANSI: one value at a time (an error in one row is the observation of the whole case).
for _vn, _v in _CAST_VALUES.items():
    for _target in ("int", "bigint", "decimal(10,2)"):
        _register(_cast_one("double", _v, _target), f"cast_{_vn}_double_to_{_TARGET_NAMES[_target]}_ansi")
for _vn, _target in (("nan", "int"), ("inf", "bigint"), ("neg_inf", "decimal(10,2)"), ("neg_zero", "int")):
    _register(_cast_one("float", _CAST_VALUES[_vn], _target), f"cast_{_vn}_float_to_{_TARGET_NAMES[_target]}_ansi")
for _t in ("double", "float"):
    for _target in ("string", "boolean"):
        _register(_cast_all(_t, _target), f"cast_edges_{_t}_to_{_TARGET_NAMES[_target]}_ansi")
_register(_cast_one("double", NAN, "tinyint"), "cast_nan_double_to_byte_ansi")
_register(_cast_one("double", INF, "smallint"), "cast_inf_double_to_short_ansi")
_register(_cast_all("double", "float"), "cast_edges_double_to_float_ansi")
_register(_cast_all("float", "double"), "cast_edges_float_to_double_ansi")

# Legacy: never an error, so every value in one frame.
for _target in ("int", "bigint", "tinyint", "smallint", "decimal(10,2)", "string", "boolean"):
    _register(_cast_all("double", _target), f"cast_edges_double_to_{_TARGET_NAMES[_target]}_legacy", conf=LEGACY)
for _target in ("int", "decimal(10,2)", "string"):
    _register(_cast_all("float", _target), f"cast_edges_float_to_{_TARGET_NAMES[_target]}_legacy", conf=LEGACY)


@case
def cast_try_cast_nan_to_int(spark):
    return spark.createDataFrame([(NAN,), (INF,), (-0.0,)], "v double").select(F.col("v").try_cast("int").alias("c"))


@case
def cast_huge_double_to_float(spark):
    return spark.createDataFrame([(1e300,), (-1e300,), (1e-300,), (-1e-300,)], "v double").select(F.col("v").cast("float"))


_SPECIAL_STRINGS = ["NaN", "nan", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "-0.0", "-0", "1e309", "  NaN  ",
                    "Inf"]


@case
def cast_special_strings_to_double_ansi(spark):
    df = spark.createDataFrame([(i, s) for i, s in enumerate(_SPECIAL_STRINGS)], "id int, s string")
    return df.select("id", "s", F.col("s").cast("double").alias("d"), F.col("s").cast("float").alias("f")).orderBy("id")


@case(conf=LEGACY)
def cast_special_strings_to_double_legacy(spark):
    df = spark.createDataFrame([(i, s) for i, s in enumerate(_SPECIAL_STRINGS + ["NAN!", "infinit"])], "id int, s string")
    return df.select("id", "s", F.col("s").cast("double").alias("d"), F.col("s").cast("float").alias("f")).orderBy("id")


@case
def cast_bad_special_string_ansi(spark):
    return spark.createDataFrame([("infinit",)], "s string").select(F.col("s").cast("double"))


# ---------------------------------------------------------------------------------------------
# Arithmetic with NaN / Inf / -0.0
# ---------------------------------------------------------------------------------------------

def _pairs(spark, t="double"):
    return spark.createDataFrame([p for p in _PAIRS if p[2] is None or p[2] != 0.0], f"id int, a {t}, b {t}")


@case
def arith_add_sub_mul_pairs(spark):
    a, b = F.col("a"), F.col("b")
    return _pairs(spark).select("id", (a + b).alias("add"), (a - b).alias("sub"), (a * b).alias("mul")).orderBy("id")


@case
def arith_add_sub_mul_pairs_float(spark):
    a, b = F.col("a"), F.col("b")
    return _pairs(spark, "float").select("id", (a + b).alias("add"), (a - b).alias("sub"), (a * b).alias("mul")).orderBy("id")


@case
def arith_div_mod_pairs(spark):
    a, b = F.col("a"), F.col("b")
    return _pairs(spark).select("id", (a / b).alias("div"), (a % b).alias("mod")).orderBy("id")


@case
def arith_div_by_zero_ansi(spark):
    return spark.createDataFrame([(NAN,)], "v double").select(F.col("v") / F.lit(0.0))


@case
def arith_div_by_neg_zero_ansi(spark):
    return spark.createDataFrame([(1.0,)], "v double").select(F.col("v") / F.lit(-0.0))


@case(conf=LEGACY)
def arith_div_by_zeros_legacy(spark):
    df = spark.createDataFrame([(1.0,), (NAN,), (INF,), (-0.0,)], "v double")
    return df.select("v", (F.col("v") / 0.0).alias("d0"), (F.col("v") / -0.0).alias("dn0"), (F.col("v") % 0.0).alias("m0"))


@case
def arith_neg_zero_results(spark):
    df = spark.createDataFrame([(0.0, -0.0)], "z double, n double")
    z, n = F.col("z"), F.col("n")
    return df.select(-z, -n, n * 1.0, z * -1.0, n + n, n + z, n - z, F.abs(n), F.round(n, 1), F.bround(n),
                     F.sqrt(n), F.round(F.lit(-0.4)), F.round(F.lit(-0.04), 1))


@case
def arith_neg_zero_results_float(spark):
    df = spark.createDataFrame([(0.0, -0.0)], "z float, n float")
    z, n = F.col("z"), F.col("n")
    return df.select(-z, -n, n * 1.0, n + n, n + z, F.abs(n), F.round(n, 1), F.sqrt(n))


@case
def arith_unary_on_specials(spark):
    df = spark.createDataFrame([(0, NAN), (1, INF), (2, NINF), (3, -1.0), (4, None)], "id int, v double")
    v = F.col("v")
    return df.select("id", -v, F.abs(v), F.sqrt(v), F.round(v, 2), F.bround(v, -1), F.round(v)).orderBy("id")


@case
def arith_unary_on_specials_float(spark):
    df = spark.createDataFrame([(0, NAN), (1, INF), (2, NINF), (3, -1.0)], "id int, v float")
    v = F.col("v")
    return df.select("id", -v, F.abs(v), F.sqrt(v), F.round(v, 1)).orderBy("id")


@case
def arith_float_decimal_common_type(spark):
    df = spark.createDataFrame([(NAN, D("1.50")), (-0.0, None), (None, D("-2.25"))], "f float, m decimal(10,2)")
    return df.select(F.coalesce("f", "m").alias("c"), F.when(F.isnan("f"), F.col("m")).otherwise(F.col("f")).alias("w"),
                     (F.col("f") + F.col("m")).alias("s"))


def _int_float(spark):
    return spark.createDataFrame([(16777217, 16777217, NAN, 1), (-1, None, -0.0, 2), (2, 3, INF, 3)],
                                 "i int, l bigint, f float, id int")


def _coerce_int_float(spark):
    # ANSI mode widens an integral type with float to double; legacy mode to float.
    df = _int_float(spark)
    return df.select("id", F.coalesce("i", "f").alias("c"), (F.col("l") + F.col("f")).alias("s"),
                     F.when(F.col("id") > 1, F.col("l")).otherwise(F.col("f")).alias("w")).orderBy("id")


def _cmp_bigint_float(spark):
    # 16777217 is not a float: compared as double (ANSI) it differs from 16777216f, as float it does not.
    df = _int_float(spark).withColumn("g", F.lit(16777216.0).cast("float"))
    return df.select("id", (F.col("l") == F.col("g")).alias("eq"), (F.col("i") > F.col("g")).alias("gt"),
                     F.col("g").isin(F.col("l")).alias("in")).orderBy("id")


_register(_coerce_int_float, "coerce_int_float_ansi")
_register(lambda spark: _coerce_int_float(spark), "coerce_int_float_legacy", conf=LEGACY)
_register(_cmp_bigint_float, "cmp_bigint_vs_float_precision_ansi")
_register(lambda spark: _cmp_bigint_float(spark), "cmp_bigint_vs_float_precision_legacy", conf=LEGACY)


@case
def arith_round_sqrt_literal_nullability(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.round(F.lit(-0.5)), F.bround(F.lit(2.5)), F.sqrt(F.lit(-1.0)),
                                                          F.round(F.lit(7), -1), F.abs(F.lit(-0.0)))


@case
def arith_int_with_nan(spark):
    df = spark.createDataFrame([(1, NAN), (0, INF), (-2147483648, NINF)], "i int, d double")
    i, d = F.col("i"), F.col("d")
    return df.select(i + d, i * d, i - d, (i / d).alias("div"))


# ---------------------------------------------------------------------------------------------
# Binary columns
# ---------------------------------------------------------------------------------------------

_BIN_ROWS = [
    (0, bytearray(b"abc"), bytearray(b"def"), "x"),
    (1, bytearray(b""), bytearray(b"\x00\xff"), ""),
    (2, None, bytearray(b"x"), None),
    (3, bytearray(b"\xe2\x82\xac"), bytearray(b""), "\u20ac"),
    (4, bytearray(b"\xff\xfe"), bytearray(b"abc"), "abc"),
    (5, bytearray(b"abc"), bytearray(b"abc"), "😀"),
]


def _bin(spark):
    return spark.createDataFrame(_BIN_ROWS, "id int, a binary, b binary, s string")


@case
def bin_issue_concat(spark):
    b = spark.createDataFrame([(bytearray(b"abc"), bytearray(b"def"))], "a binary, b binary")
    return b.select(F.concat("a", "b"))


@case
def bin_concat_columns(spark):
    return _bin(spark).select("id", F.concat("a", "b"), F.concat("a", "a", "b")).orderBy("id")


@case
def bin_concat_single(spark):
    return _bin(spark).select("id", F.concat("a")).orderBy("id")


@case
def bin_concat_with_string(spark):
    return _bin(spark).select("id", F.concat("s", "a")).orderBy("id")


@case
def bin_concat_with_binary_literal(spark):
    return _bin(spark).select("id", F.concat("a", F.lit(bytearray(b"!")))).orderBy("id")


@case
def bin_length(spark):
    return _bin(spark).select("id", F.length("a"), F.length("b"), F.length("s")).orderBy("id")


@case
def bin_substring(spark):
    return _bin(spark).select("id", F.substring("a", 2, 2), F.substring("b", 1, 1), F.substring("a", -1, 1),
                              F.substring("a", 0, 5)).orderBy("id")


@case
def bin_substr_method(spark):
    return _bin(spark).select("id", F.col("a").substr(2, 3)).orderBy("id")


@case
def bin_compare_columns(spark):
    a, b = F.col("a"), F.col("b")
    return _bin(spark).select("id", (a == b).alias("eq"), (a < b).alias("lt"), (a >= b).alias("ge"),
                              a.eqNullSafe(b).alias("ns")).orderBy("id")


@case
def bin_compare_literal(spark):
    a = F.col("a")
    return _bin(spark).select("id", (a == F.lit(bytearray(b"abc"))).alias("eq"), (a > F.lit(bytearray(b"\x7f"))).alias("gt"))\
        .orderBy("id")


@case
def bin_filter_eq_literal(spark):
    return _bin(spark).filter(F.col("a") == F.lit(bytearray(b"abc"))).select("id")


@case
def bin_cast_to_string(spark):
    return _bin(spark).select("id", F.col("a").cast("string"), F.col("b").cast("string")).orderBy("id")


@case
def bin_cast_string_to_binary(spark):
    return _bin(spark).select("id", F.col("s").cast("binary").alias("sb")).orderBy("id")


@case
def bin_show_cells(spark):
    df = spark.createDataFrame([(bytearray(b"abc"),), (bytearray(b""),), (None,), (bytearray(range(250, 256)),),
                                (bytearray(b"0123456789abcdef"),)], "a binary")
    df.show()
    df.show(truncate=False)


@case
def bin_distinct(spark):
    df = _bin(spark)
    return df.select("a").union(df.select("b")).distinct().orderBy("a")


@case
def bin_groupby_key(spark):
    return _bin(spark).groupBy("a").agg(F.count("*").alias("n"), F.sum("id").alias("ids")).orderBy("a")


@case
def bin_sort_unsigned(spark):
    return _bin(spark).orderBy(F.col("b").desc(), "id").select("id", "b")


@case
def bin_aggregates(spark):
    return _bin(spark).agg(F.count("a"), F.countDistinct("a"), F.min("a"), F.max("a"))


@case
def bin_isin_and_coalesce(spark):
    return _bin(spark).select("id", F.col("a").isin(bytearray(b"abc"), bytearray(b"")).alias("in"),
                              F.coalesce("a", "b").alias("c")).orderBy("id")


@case
def bin_compare_with_string(spark):
    a, s = F.col("a"), F.col("s")
    return _bin(spark).select("id", (a == s).alias("eq"), (a < F.lit("b")).alias("lt"), a.isin("abc", "").alias("in"))\
        .orderBy("id")


@case
def bin_coalesce_with_string(spark):
    return _bin(spark).select("id", F.coalesce("a", "s").alias("c"), F.when(F.col("id") > 2, F.col("a")).otherwise(F.col("s"))
                              .alias("w")).orderBy("id")


@case
def bin_join_key(spark):
    left = _bin(spark).select("id", "a")
    right = _bin(spark).select(F.col("b").alias("a"), F.col("id").alias("rid"))
    return left.join(right, "a", "inner").orderBy("id", "rid")


# ---------------------------------------------------------------------------------------------
# Integers at their type's bounds
# ---------------------------------------------------------------------------------------------

_INT_BOUNDS = {"tinyint": (-128, 127), "smallint": (-32768, 32767), "int": (-2**31, 2**31 - 1),
               "bigint": (-2**63, 2**63 - 1)}


def _bounds(spark, t):
    lo, hi = _INT_BOUNDS[t]
    return spark.createDataFrame([(0, hi), (1, lo), (2, 0), (3, None)], f"id int, v {t}")


def _int_op(t, make, which):
    lo, hi = _INT_BOUNDS[t]

    def run(spark):
        df = spark.createDataFrame([(hi if which == "max" else lo,)], f"v {t}")
        return df.select(make(F.col("v"), t).alias("r"))
    return run


_INT_OPS = {
    "add": (lambda c, t: c + F.lit(1).cast(t), "max"),
    "sub": (lambda c, t: c - F.lit(1).cast(t), "min"),
    "mul": (lambda c, t: c * F.lit(2).cast(t), "max"),
    "neg": (lambda c, t: -c, "min"),
    "abs": (lambda c, t: F.abs(c), "min"),
}

def _int_ops_legacy(t):
    # Legacy mode wraps around instead of failing: every operation in one frame.
    def run(spark):
        c = F.col("v")
        return _bounds(spark, t).select("id", *[make(c, t).alias(op) for op, (make, _) in _INT_OPS.items()]).orderBy("id")
    return run


for _t in _INT_BOUNDS:
    for _op, (_make, _which) in _INT_OPS.items():
        if _t in ("tinyint", "smallint") and _op in ("sub", "mul", "neg"):
            continue
        _register(_int_op(_t, _make, _which), f"int_{_t}_{_op}_overflow_ansi")
    _register(_int_ops_legacy(_t), f"int_{_t}_overflow_ops_legacy", conf=LEGACY)


@case
def int_bounds_show(spark):
    df = spark.createDataFrame([(-128, -32768, -2**31, -2**63), (127, 32767, 2**31 - 1, 2**63 - 1)],
                               "b tinyint, s smallint, i int, l bigint")
    return df


@case
def int_widening_with_int_literal(spark):
    df = spark.createDataFrame([(127, 32767)], "b tinyint, s smallint")
    return df.select(F.col("b") + 1, F.col("s") * 2, -F.col("b"))


@case
def int_int_plus_bigint_literal(spark):
    return _bounds(spark, "int").select("id", F.col("v") + F.lit(2**31)).orderBy("id")


@case
def int_sum_bigint_overflow_ansi(spark):
    return spark.createDataFrame([(2**63 - 1,), (1,)], "v bigint").agg(F.sum("v"))


@case(conf=LEGACY)
def int_sum_bigint_overflow_legacy(spark):
    return spark.createDataFrame([(2**63 - 1,), (1,)], "v bigint").agg(F.sum("v"))


@case
def int_sum_bigint_underflow_ansi(spark):
    return spark.createDataFrame([(-2**63,), (-1,)], "v bigint").agg(F.sum("v"))


@case
def int_sum_bigint_overflow_then_back(spark):
    # Spark's running sum overflows on the way even though the total fits.
    return spark.createDataFrame([(2**63 - 1,), (1,), (-1,)], "v bigint").agg(F.sum("v"))


@case
def int_sums_of_narrow_types_widen(spark):
    df = spark.createDataFrame([(127, 32767, 2**31 - 1), (127, 32767, 2**31 - 1)], "b tinyint, s smallint, i int")
    return df.agg(F.sum("b"), F.sum("s"), F.sum("i"), F.avg("i"))


@case
def int_grouped_sum_overflow_ansi(spark):
    df = spark.createDataFrame([("a", 2**63 - 1), ("a", 2**63 - 1), ("b", 1)], "g string, v bigint")
    return df.groupBy("g").agg(F.sum("v")).orderBy("g")


@case(conf=LEGACY)
def int_grouped_sum_overflow_legacy(spark):
    df = spark.createDataFrame([("a", 2**63 - 1), ("a", 2**63 - 1), ("b", 1)], "g string, v bigint")
    return df.groupBy("g").agg(F.sum("v")).orderBy("g")


@case
def int_avg_bigint_bounds(spark):
    return spark.createDataFrame([(2**63 - 1,), (2**63 - 1,), (-2**63,)], "v bigint").agg(F.avg("v"), F.stddev("v"))


@case
def int_min_max_distinct_bounds(spark):
    df = _bounds(spark, "bigint").union(_bounds(spark, "bigint"))
    return df.agg(F.min("v"), F.max("v"), F.countDistinct("v"), F.sum_distinct("v"))


@case
def int_sort_bounds(spark):
    df = spark.createDataFrame([(0, 2**63 - 1), (1, -2**63), (2, 0), (3, None), (4, -1)], "id int, v bigint")
    return df.orderBy(F.col("v").desc(), "id")


def _mod_min(t):
    lo, _ = _INT_BOUNDS[t]
    return lambda spark: spark.createDataFrame([(lo,)], f"v {t}").select((F.col("v") % F.lit(-1).cast(t)).alias("m"),
                                                                         (F.col("v") / F.lit(-1).cast(t)).alias("d"))


for _t in ("int", "bigint"):
    _register(_mod_min(_t), f"int_{_t}_min_mod_minus_one_ansi")
    _register(_mod_min(_t), f"int_{_t}_min_mod_minus_one_legacy", conf=LEGACY)


@case
def int_mod_by_zero_ansi(spark):
    return spark.createDataFrame([(2**63 - 1,)], "v bigint").select(F.col("v") % 0)


@case(conf=LEGACY)
def int_mod_by_zero_legacy(spark):
    return spark.createDataFrame([(2**63 - 1,)], "v bigint").select(F.col("v") % 0, F.col("v") / 0)


_NARROW = [("bigint", "int"), ("int", "smallint"), ("smallint", "tinyint"), ("bigint", "tinyint")]


def _narrow(src, dst, which):
    lo, hi = _INT_BOUNDS[src]
    v = hi if which == "max" else lo
    return lambda spark: spark.createDataFrame([(v,)], f"v {src}").select(F.col("v").cast(dst).alias("c"))


for _src, _dst in _NARROW:
    _register(_narrow(_src, _dst, "max"), f"int_cast_{_src}_max_to_{_dst}_ansi")


@case(conf=LEGACY)
def int_cast_narrowing_all_legacy(spark):
    df = _bounds(spark, "bigint")
    return df.select("id", *[F.col("v").cast(t).alias(t) for t in ("int", "smallint", "tinyint")]).orderBy("id")


@case
def int_cast_bigint_bounds_wide(spark):
    return _bounds(spark, "bigint").select("id", F.col("v").cast("double").alias("d"), F.col("v").cast("float").alias("f"),
                                           F.col("v").cast("string").alias("s"), F.col("v").cast("decimal(38,0)").alias("m"),
                                           F.col("v").cast("boolean").alias("b")).orderBy("id")


@case
def int_cast_bigint_to_small_decimal_ansi(spark):
    return spark.createDataFrame([(2**63 - 1,)], "v bigint").select(F.col("v").cast("decimal(10,0)"))


@case(conf=LEGACY)
def int_cast_bigint_to_small_decimal_legacy(spark):
    return _bounds(spark, "bigint").select("id", F.col("v").cast("decimal(10,0)")).orderBy("id")


@case
def int_cast_string_bounds(spark):
    df = spark.createDataFrame([("9223372036854775807",), ("-9223372036854775808",), ("2147483648",)], "s string")
    return df.select(F.col("s").cast("bigint"), F.col("s").try_cast("int"))


@case
def int_cast_string_past_bigint_ansi(spark):
    return spark.createDataFrame([("9223372036854775808",)], "s string").select(F.col("s").cast("bigint"))


@case
def int_cast_double_past_bigint_ansi(spark):
    return spark.createDataFrame([(9.3e18,)], "d double").select(F.col("d").cast("bigint"))


@case(conf=LEGACY)
def int_cast_double_past_bounds_legacy(spark):
    df = spark.createDataFrame([(9.3e18,), (-9.3e18,), (3e9,), (-3e9,)], "d double")
    return df.select(F.col("d").cast("bigint").alias("l"), F.col("d").cast("int").alias("i"))


@case
def int_compare_bounds_with_double(spark):
    df = spark.createDataFrame([(2**63 - 1,), (-2**63,)], "v bigint")
    return df.select((F.col("v") == F.lit(9.223372036854776e18)).alias("eq"), (F.col("v") < F.lit(INF)).alias("lt_inf"))


# ---------------------------------------------------------------------------------------------
# Decimals at their bounds
# ---------------------------------------------------------------------------------------------

_D38 = D("9" * 38)
_D38_18 = D("99999999999999999999.999999999999999999")
# Literal text: unary minus on a Decimal rounds to the context's 28 digits.
_ND38 = D("-" + "9" * 38)
_ND38_18 = D("-99999999999999999999.999999999999999999")


def _dec(spark):
    return spark.createDataFrame([(0, _D38, _D38_18), (1, _ND38, _ND38_18), (2, D(0), D("0.000001000000000001")),
                                  (3, None, None)], "id int, a decimal(38,0), b decimal(38,18)")


@case
def dec_bounds_show(spark):
    return _dec(spark).orderBy("id")


@case
def dec_create_exponent_notation(spark):
    # str() of these Decimals uses exponent notation: 1E-18, 1E+5, 0E-18.
    return spark.createDataFrame([(D("1E-18"), D("1E+5")), (D("0E-18"), D("0")), (D("-1E-18"), D("-1E+5"))],
                                 "b decimal(38,18), a decimal(10,0)")


@case
def dec_small_precision_bounds(spark):
    return spark.createDataFrame([(D(9), D("0.99999999999999999999999999999999999999")),
                                  (D(-9), D("-0.99999999999999999999999999999999999999"))], "a decimal(1,0), b decimal(38,38)")


def _dec_overflow(make, rows):
    return lambda spark: spark.createDataFrame(rows, "a decimal(38,0), b decimal(38,18)").select(make().alias("r"))


_DEC_OPS = {
    "add_one": (lambda: F.col("a") + 1, [(_D38, D(0))]),
    "sub_one": (lambda: F.col("a") - 1, [(_ND38, D(0))]),
    "add_self": (lambda: F.col("a") + F.col("a"), [(_D38, D(0))]),
    "mul_scaled": (lambda: F.col("b") * F.col("b"), [(D(0), _D38_18)]),
    "add_mixed_scale": (lambda: F.col("a") + F.col("b"), [(_D38, D(1))]),
}

for _n, (_make, _rows) in _DEC_OPS.items():
    _register(_dec_overflow(_make, _rows), f"dec_{_n}_overflow_ansi")


@case(conf=LEGACY)
def dec_overflow_ops_legacy(spark):
    df = spark.createDataFrame([(0, _D38, _D38_18), (1, _ND38, _ND38_18), (2, D(1), D(1))], "id int, a decimal(38,0), b decimal(38,18)")
    return df.select("id", *[make().alias(n) for n, (make, _) in _DEC_OPS.items()]).orderBy("id")


@case
def dec_arith_fits(spark):
    df = spark.createDataFrame([(D("12345678901234567890"), D("1.5"))], "a decimal(38,0), b decimal(38,18)")
    return df.select(F.col("a") + F.col("b"), F.col("a") * 2, F.col("b") / 3, -F.col("a"), F.abs(-F.col("b")))


@case
def dec_sum_overflow_ansi(spark):
    return spark.createDataFrame([(_D38,), (D(1),)], "a decimal(38,0)").agg(F.sum("a"))


@case(conf=LEGACY)
def dec_sum_overflow_legacy(spark):
    return spark.createDataFrame([(_D38,), (D(1),)], "a decimal(38,0)").agg(F.sum("a"))


@case
def dec_sum_avg_scaled(spark):
    return _dec(spark).filter(F.col("id") >= 2).agg(F.sum("b"), F.avg("b"), F.sum("a"), F.avg("a"))


@case
def dec_avg_bounds_cancel(spark):
    return _dec(spark).agg(F.avg("a"), F.sum("a"))


@case
def dec_min_max_distinct(spark):
    return _dec(spark).agg(F.min("a"), F.max("a"), F.min("b"), F.max("b"), F.countDistinct("b"))


@case
def dec_negate_bound(spark):
    # Spark negates through a 34-digit context: -(38 nines) fails to round.
    return spark.createDataFrame([(_D38,)], "a decimal(38,0)").select(-F.col("a"))


@case
def dec_abs_bounds_scale_zero(spark):
    return _dec(spark).select("id", F.abs("a")).orderBy("id")


@case
def dec_negate_abs_34_digits(spark):
    df = spark.createDataFrame([(D("9" * 34), D("-9999999999999999.999999999999999999"))], "a decimal(38,0), b decimal(38,18)")
    return df.select(-F.col("a"), F.abs("b"), -F.col("b"))


@case
def dec_cast_to_long_ansi(spark):
    return spark.createDataFrame([(_D38,)], "a decimal(38,0)").select(F.col("a").cast("bigint"))


@case(conf=LEGACY)
def dec_cast_to_long_legacy(spark):
    return _dec(spark).select("id", F.col("a").cast("bigint"), F.col("b").cast("int")).orderBy("id")


@case
def dec_cast_to_double_string(spark):
    return _dec(spark).select("id", F.col("a").cast("double"), F.col("b").cast("double"), F.col("a").cast("string"),
                              F.col("b").cast("string"), F.col("b").cast("float")).orderBy("id")


@case
def dec_cast_narrowing_ansi(spark):
    return spark.createDataFrame([(_D38_18,)], "b decimal(38,18)").select(F.col("b").cast("decimal(10,2)"))


@case(conf=LEGACY)
def dec_cast_narrowing_legacy(spark):
    return _dec(spark).select("id", F.col("b").cast("decimal(10,2)"), F.col("b").cast("decimal(38,0)")).orderBy("id")


@case
def dec_round_at_bound(spark):
    return _dec(spark).select("id", F.round("b", 2)).orderBy("id")


@case
def dec_round_near_bound(spark):
    df = spark.createDataFrame([(D("12345678901234567890123456789012345678"), D("12345678901234567890.123456789012345678"))],
                               "a decimal(38,0), b decimal(38,18)")
    return df.select(F.round("b", 2), F.bround("b", 0), F.round("a", -1), F.round("b", -2))


@case
def dec_compare_and_sort_bounds(spark):
    df = _dec(spark)
    return df.select("id", (F.col("a") > F.col("b")).alias("gt"), (F.col("b") == _D38_18).alias("eq")) \
        .orderBy(F.col("id").desc())


@case
def dec_groupby_bound_keys(spark):
    df = _dec(spark).union(_dec(spark))
    return df.groupBy("a").agg(F.count("*").alias("n"), F.max("b")).orderBy("a")


@case
def dec_cast_double_to_decimal38_ansi(spark):
    return spark.createDataFrame([(1e38,)], "d double").select(F.col("d").cast("decimal(38,0)"))


@case(conf=LEGACY)
def dec_cast_double_to_decimal38_legacy(spark):
    return spark.createDataFrame([(1e38,), (9.9e37,), (NAN,)], "d double").select(F.col("d").cast("decimal(38,0)"))


# ---------------------------------------------------------------------------------------------
# Empty strings and unicode outside the BMP
# ---------------------------------------------------------------------------------------------

_TEXTS = ["", "😀", "a😀b", "e\u0301", "𝔘𝔫𝔦", " 😀 ", "ß", "ǆ", "\u00a0x\u00a0", None, "😀😀", "ﬁ", "İ", "👍🏽", "Ὀδυσσεύς"]


def _texts(spark):
    return spark.createDataFrame(list(enumerate(_TEXTS)), "id int, s string")


def _str_case(make):
    return lambda spark: _texts(spark).select("id", *make()).orderBy("id")


_STR_CASES = {
    "upper_lower": lambda: [F.upper("s"), F.lower("s")],
    "length": lambda: [F.length("s")],
    "substring_front": lambda: [F.substring("s", 1, 1), F.substring("s", 2, 1), F.substring("s", 2, 2)],
    "substring_back": lambda: [F.substring("s", -1, 1), F.substring("s", -2, 2), F.substring("s", 0, 2)],
    "substring_past_end": lambda: [F.substring("s", 3, 10), F.substring("s", 10, 1), F.substring("s", -10, 3)],
    "trim": lambda: [F.trim("s"), F.ltrim("s"), F.rtrim("s")],
    "concat": lambda: [F.concat("s", F.lit("😀")), F.concat("s", F.lit("")), F.concat("s", "s")],
    "concat_ws": lambda: [F.concat_ws("", "s", "s"), F.concat_ws("😀", "s", F.lit(""))],
    "like": lambda: [F.col("s").like("_"), F.col("s").like("%😀%"), F.col("s").like("a_b"), F.col("s").like(""),
                     F.col("s").like("__")],
    "rlike": lambda: [F.col("s").rlike("^.$"), F.col("s").rlike("😀"), F.col("s").rlike("^$"),
                      F.col("s").rlike("\\p{M}"), F.col("s").rlike("^.{2}$")],
    "startswith": lambda: [F.col("s").startswith("😀"), F.col("s").startswith(""), F.col("s").startswith("e")],
    "endswith": lambda: [F.col("s").endswith("\u0301"), F.col("s").endswith(""), F.col("s").endswith("b")],
    "contains": lambda: [F.col("s").contains(""), F.col("s").contains("𝔫"), F.col("s").contains("😀")],
    "compare": lambda: [(F.col("s") == "").alias("empty"), (F.col("s") < "\uffff").alias("lt_ffff"),
                        (F.col("s") > "z").alias("gt_z")],
    "isin": lambda: [F.col("s").isin("", "😀", "ß").alias("in")],
    "upper_length": lambda: [F.length(F.upper("s")), F.length(F.lower("s"))],
}

for _n, _make in _STR_CASES.items():
    _register(_str_case(_make), f"str_{_n}_unicode")


@case
def str_show_nonbmp_and_combining(spark):
    return _texts(spark).orderBy("id")


@case
def str_sort_utf8_order(spark):
    df = spark.createDataFrame([(i, s) for i, s in enumerate(["\uffff", "😀", "z", "é", "", None, "e\u0301", "Z"])],
                               "id int, s string")
    return df.orderBy("s", "id")


@case
def str_min_max_utf8_order(spark):
    df = spark.createDataFrame([("\uffff",), ("😀",), ("z",), ("",), (None,)], "s string")
    return df.agg(F.min("s"), F.max("s"), F.count("s"), F.countDistinct("s"))


@case
def str_distinct_composed_vs_combining(spark):
    df = spark.createDataFrame([("é",), ("e\u0301",), ("é",), ("",), (None,), ("",)], "s string")
    return df.distinct().orderBy("s")


@case
def str_groupby_empty_vs_null(spark):
    df = spark.createDataFrame([("", 1), (None, 2), ("", 3), (" ", 4)], "s string, v int")
    return df.groupBy("s").agg(F.sum("v")).orderBy("s")


@case
def str_join_on_empty_and_emoji(spark):
    left = spark.createDataFrame([("", 1), ("😀", 2), (None, 3)], "s string, lv int")
    right = spark.createDataFrame([("", 10), ("😀", 20), (None, 30)], "s string, rv int")
    return left.join(right, "s", "full").orderBy("lv", "rv")


@case
def str_cast_empty_to_int_ansi(spark):
    return spark.createDataFrame([("",)], "s string").select(F.col("s").cast("int"))


@case(conf=LEGACY)
def str_cast_empty_to_numbers_legacy(spark):
    df = spark.createDataFrame([("",), (" ",), (" 7 ",), ("😀",)], "s string")
    return df.select(F.col("s").cast("int"), F.col("s").cast("double"), F.col("s").cast("boolean"), F.col("s").cast("decimal(5,1)"))


@case
def str_cast_empty_to_double_ansi(spark):
    return spark.createDataFrame([("",)], "s string").select(F.col("s").cast("double"))


@case
def str_cast_empty_to_boolean_ansi(spark):
    return spark.createDataFrame([("",)], "s string").select(F.col("s").cast("boolean"))


@case
def str_cast_padded_number_ansi(spark):
    return spark.createDataFrame([(" 7 ",), ("\t8\n",)], "s string").select(F.col("s").cast("int"), F.col("s").cast("double"))


@case
def str_cast_unicode_to_binary_and_back(spark):
    return _texts(spark).select("id", F.col("s").cast("binary").alias("b"), F.length(F.col("s").cast("binary")).alias("n"))\
        .orderBy("id")


@case
def str_empty_aggregates(spark):
    df = spark.createDataFrame([("",), ("",), (None,)], "s string")
    return df.agg(F.min("s"), F.max("s"), F.count("s"), F.countDistinct("s"))


@case
def str_truncate_nonbmp_show(spark):
    df = spark.createDataFrame([("😀" * 25,), ("e\u0301" * 12,), ("a😀" * 11,)], "s string")
    df.show()
    df.show(truncate=5)
