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


# --- edge values (issue 15) -------------------------------------------------------------------------
# Random substrings over text that splits badly: combining marks, emoji with skin
# tones and joiners, flags, letters outside the BMP; and over binary values.

EDGE_TEXTS = ["", "e\u0301", "👍🏽x", "👨\u200d👩\u200d👧", "🇯🇵🇫🇷", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a😀b😀c", "\u00a0 x \u00a0", None, "ǅungla",
              "\u0000nul", "İstanbul"]
BINARIES = [b"", b"\x00", b"abc", b"\xff\xfe\xfd\xfc", b"\xe2\x82\xac!", None, b"0123456789"]


def _make_edges(i):
    def run(spark):
        rng = random.Random(19000 + i)
        pos = [rng.randint(-8, 8) for _ in range(3)]
        lens = [rng.randint(-1, 5) for _ in range(3)]
        df = spark.createDataFrame([(t,) for t in EDGE_TEXTS], "s string")
        return df.select("s", *[F.substring("s", p, n) for p, n in zip(pos, lens)], F.length("s"), F.upper("s"))

    run.__name__ = f"random_substrings_edges_{i:02d}"
    return run


def _make_binary(i):
    def run(spark):
        rng = random.Random(29000 + i)
        pos = [rng.randint(-6, 6) for _ in range(3)]
        lens = [rng.randint(-1, 4) for _ in range(3)]
        df = spark.createDataFrame([(None if b is None else bytearray(b),) for b in BINARIES], "b binary")
        return df.select("b", *[F.substring("b", p, n) for p, n in zip(pos, lens)], F.length("b"))

    run.__name__ = f"random_binary_substrings_{i:02d}"
    return run


for _i in range(8):
    case(_make_edges(_i))
for _i in range(4):
    case(_make_binary(_i))
