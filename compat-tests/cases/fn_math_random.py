"""Seeded random functions: rand/randn (Spark's XORShiftRandom, seed + partition
index; one partition here and in the recorder, so the values are Spark's), uniform,
randstr; names with the seed; unseeded calls checked by their properties only."""

from harness import case
from pyspark.sql import functions as F


@case
def rand_seeded_values(spark):
    return spark.range(6).select("id", F.rand(42), F.rand(0), F.rand(-7)).orderBy("id")


@case
def randn_seeded_values(spark):
    return spark.range(7).select("id", F.randn(7), F.randn(42)).orderBy("id")


@case
def rand_large_seed(spark):
    return spark.range(3).select(F.rand(9223372036854775807), F.randn(-9223372036854775808))


@case
def rand_sql_seeds(spark):
    return spark.range(3).selectExpr("rand(1)", "randn(1L)", "random(5)", "rand(null)")


@case
def rand_seed_must_be_constant(spark):
    return spark.range(3).selectExpr("rand(id)")


@case
def rand_seed_of_wrong_type(spark):
    return spark.range(3).selectExpr("rand('a')")


@case
def rand_after_filter(spark):
    return spark.range(10).filter("id % 3 = 0").select("id", F.rand(3)).orderBy("id")


@case
def rand_unseeded_properties(spark):
    df = spark.range(50).select(F.rand().alias("r"), F.randn().alias("g"))
    row = df.agg(F.min("r"), F.max("r"), F.count("g")).collect()[0]
    return [0.0 <= row[0], row[1] < 1.0, row[2], df.schema.fields[0].nullable, df.columns[0]]


@case
def rand_unseeded_name_shows_a_seed(spark):
    name = spark.range(1).select(F.rand()).columns[0]
    return [name.startswith("rand("), name[5:-1].lstrip("-").isdigit()]


@case
def uniform_seeded(spark):
    return spark.range(5).select(F.uniform(0, 10, 3), F.uniform(1.5, 2.0, 3), F.uniform(F.lit(-5), F.lit(5), F.lit(11)),
                                 F.uniform(0, 100, 0))


@case
def uniform_types(spark):
    return spark.range(3).selectExpr("uniform(0, 10L, 3)", "uniform(1.5, 2.5, 3)", "uniform(1, 2.5, 3)",
                                     "uniform(cast(1 as tinyint), cast(2 as smallint), 3)",
                                     "uniform(cast(0 as double), cast(1 as double), 4)", "uniform(10, 0, 5)")


@case
def uniform_unseeded_in_range(spark):
    rows = spark.range(40).select(F.uniform(5, 8).alias("u")).collect()
    return [all(5 <= r.u < 8 for r in rows)]


@case
def randstr_seeded(spark):
    return spark.range(4).select(F.randstr(8, 1), F.randstr(F.lit(3), F.lit(42)), F.randstr(0, 5))


@case
def randstr_sql(spark):
    return spark.range(3).selectExpr("randstr(10, 0)", "randstr(1, 7)")


@case
def randstr_unseeded_properties(spark):
    rows = spark.range(20).select(F.randstr(12).alias("s")).collect()
    return [all(len(r.s) == 12 and r.s.isalnum() for r in rows)]


@case
def randstr_length_must_be_int(spark):
    return spark.range(1).selectExpr("randstr(2.5, 1)")
