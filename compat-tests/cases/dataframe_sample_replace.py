"""sample(withReplacement=True) on one partition (the recorder runs local[1]): Spark's
PoissonSampler without gap sampling, seeded with java.util.Random(seed).nextLong(),
drawing commons-math3's PoissonDistribution(fraction) over Well19937c: each row
repeated as many times as drawn, row for row."""

from harness import case
from pyspark.sql import functions as F


def _df(spark):
    rows = [(i, None if i % 7 == 0 else f"s{i % 5}", float(i) / 3 if i % 4 else float("nan")) for i in range(40)]
    return spark.createDataFrame(rows, "i int, s string, d double")


@case
def sample_replace_half(spark):
    return spark.range(30).sample(True, 0.5, 42)


@case
def sample_replace_fraction_one(spark):
    return spark.range(30).sample(True, 1.0, 7)


@case
def sample_replace_fraction_above_one(spark):
    return spark.range(30).sample(True, 2.5, 3)


@case
def sample_replace_small_fraction(spark):
    return spark.range(200).sample(True, 0.05, 0)


@case
def sample_replace_zero_fraction(spark):
    return spark.range(30).sample(True, 0.0, 5)


@case
def sample_replace_keywords(spark):
    return _df(spark).sample(withReplacement=True, fraction=0.8, seed=-3)


@case
def sample_replace_negative_seed_and_large_seed(spark):
    return [
        [r.id for r in spark.range(25).sample(True, 0.9, -123456789).collect()],
        [r.id for r in spark.range(25).sample(True, 0.9, 9223372036854775807).collect()],
    ]


@case
def sample_replace_many_rows_count(spark):
    return spark.range(5000).sample(True, 0.3, 11).count()


@case
def sample_replace_fraction_high(spark):
    return spark.range(10).sample(True, 12.0, 1).groupBy("id").count().orderBy("id")


@case
def sample_replace_empty_frame(spark):
    return _df(spark).limit(0).sample(True, 0.5, 1)


@case
def sample_replace_nulls_and_nested(spark):
    df = spark.createDataFrame([(i, [i, None] if i % 2 else None, {"k": i} if i % 3 else None) for i in range(12)], "i int, a array<int>, m map<string,int>")
    return df.sample(True, 1.5, 99)


@case
def sample_replace_then_aggregate(spark):
    return _df(spark).sample(True, 0.7, 5).groupBy("s").agg(F.count("*").alias("n"), F.sum("i").alias("t")).orderBy("s")


@case
def sample_replace_after_filter(spark):
    return spark.range(60).filter("id % 3 = 0").sample(True, 0.6, 21)


@case
def sample_replace_negative_fraction(spark):
    return spark.range(10).sample(True, -0.5, 1)


@case
def sample_replace_schema_kept(spark):
    return _df(spark).sample(True, 0.5, 2).schema.simpleString()
