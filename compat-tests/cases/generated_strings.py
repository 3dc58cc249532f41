"""String functions over awkward text (fixed seed): unicode, whitespace kinds,
empty strings, nulls, every substring position."""

import random

from harness import case
from pyspark.sql import functions as F

TEXTS = ["", " ", "abc", "  pad  ", "\tTab\t", "straße", "ÉCOLE", "日本語テキスト", "emoji 😀 ok", "a_b%c", None, "MiXeD CaSe"]


def _frame(spark):
    return spark.createDataFrame([(t,) for t in TEXTS], "s string")


@case
def unicode_case_mapping(spark):
    return _frame(spark).select("s", F.upper("s"), F.lower("s"))


@case
def unicode_length(spark):
    return _frame(spark).select("s", F.length("s"))


@case
def trim_only_spaces(spark):
    return _frame(spark).select(F.trim("s"), F.ltrim("s"), F.rtrim("s"))


@case
def like_special_characters(spark):
    return _frame(spark).select(F.col("s").like("%\\_%"), F.col("s").like("%\\%%"), F.col("s").like("_"))


@case
def contains_and_friends_unicode(spark):
    return _frame(spark).select(F.col("s").contains("ß"), F.col("s").startswith("日本"), F.col("s").endswith("ok"))


def _make(i):
    def run(spark):
        rng = random.Random(9000 + i)
        pos = [rng.randint(-10, 10) for _ in range(3)]
        lens = [rng.randint(-1, 6) for _ in range(3)]
        return _frame(spark).select(*[F.substring("s", p, n) for p, n in zip(pos, lens)])

    run.__name__ = f"random_substrings_{i:02d}"
    return run


for _i in range(10):
    case(_make(_i))


@case
def truncate_unicode_cells(spark):
    df = spark.createDataFrame([("日本語テキストがとても長い文章になります",), ("emoji 😀😀😀😀😀😀😀😀😀 and more text",)], "s string")
    df.show()
    df.show(truncate=8)
