"""sample and randomSplit on one partition (the recorder runs local[1]): Spark's
BernoulliCellSampler with XORShiftRandom(seed + 0), randomSplit over the input sorted
by every orderable column; PySpark's argument handling and Spark's requirements."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    rows = [(i, None if i % 7 == 0 else f"s{i % 5}", float(i) / 3 if i % 4 else float("nan")) for i in range(40)]
    return spark.createDataFrame(rows, "i int, s string, d double")


@case
def sample_fraction_seed_positional(spark):
    return spark.range(50).sample(0.3, 5)


@case
def sample_without_replacement(spark):
    return _df(spark).sample(False, 0.5, 42)


@case
def sample_keywords(spark):
    return _df(spark).sample(fraction=0.25, seed=-3)


@case
def sample_zero_fraction(spark):
    return _df(spark).sample(fraction=0.0, seed=1)


@case
def sample_full_fraction(spark):
    return _df(spark).sample(fraction=1.0, seed=1).count()


@case
def sample_large_seed(spark):
    return spark.range(30).sample(0.5, 9223372036854775000)


@case
def sample_after_filter(spark):
    return _df(spark).filter("s is not null").sample(0.4, 8)


@case
def sample_negative_fraction(spark):
    return _df(spark).sample(fraction=-0.5, seed=1)


@case
def sample_fraction_above_one(spark):
    return _df(spark).sample(False, 1.5, 1)


@case
def sample_bad_argument_types(spark):
    return _df(spark).sample(1, 2)


@case
def sample_string_fraction(spark):
    return _df(spark).sample("0.5")


@case
def sample_empty_frame(spark):
    return _df(spark).limit(0).sample(0.5, 1)


@case
def random_split_two(spark):
    return [p.collect() for p in spark.range(30).randomSplit([1.0, 2.0], 7)]


@case
def random_split_sorts_first(spark):
    parts = spark.range(25).select((25 - F.col("id")).alias("x")).randomSplit([1.0, 2.0, 1.0], 7)
    return [[r.x for r in p.collect()] for p in parts]


@case
def random_split_with_nulls_and_nan(spark):
    return [p.collect() for p in _df(spark).randomSplit([0.3, 0.7], 11)]


@case
def random_split_three_counts(spark):
    return [p.count() for p in _df(spark).randomSplit([1.0, 1.0, 2.0], 3)]


@case
def random_split_zero_weight(spark):
    return [p.count() for p in _df(spark).randomSplit([0.0, 1.0], 3)]


@case
def random_split_negative_weight(spark):
    return _df(spark).randomSplit([-1.0, 2.0], 7)


@case
def random_split_zero_sum(spark):
    return _df(spark).randomSplit([0.0, 0.0], 7)


@case
def random_split_schema_kept(spark):
    return _df(spark).randomSplit([1.0, 1.0], 1)[1]
