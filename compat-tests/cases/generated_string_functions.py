"""Random compositions of the string functions (fixed seeds) over typed random
data: NULL, empty strings, whitespace kinds, unicode outside the BMP and emoji,
regex and LIKE metacharacters, extreme and negative integers, binaries.

Each case draws a frame (an `id` column for a total order, string, integer and
binary columns) and a handful of expressions nested up to three deep. Functions
that can fail (elt, split_part with 0, to_binary) run in the ANSI-off minority of
cases or with arguments drawn from their safe domain; regex patterns never match
the empty string or use `$` (docs/semantics.md: the regex engine)."""

import random

from harness import case
from pyspark.sql import functions as F

SEED = 7_0007
LEGACY = {"spark.sql.ansi.enabled": "false"}

TEXTS = ["", " ", "abc", "  pad  ", "\tTab\t", "straße", "ÉCOLE", "日本語テキスト", "emoji 😀 ok", "a_b%c", "MiXeD CaSe",
         "a,b,,c", "x.y.z", "100-200", "𝔘𝔫𝔦", "👍🏽", "e\u0301", "hello world", "a|b|c", "$1.50", "o'neil", "A1b2C3"]
INTS = [0, 1, -1, 2, 3, 5, 10, -3, 100, 2147483647, -2147483648]
SMALL = [0, 1, 2, 3, 4, -1, -2, 7]
BINS = [b"", b"\x00", b"abc", b"\xff\xfe", b"\xe2\x82\xac", b"Spark"]
PATTERNS = ["[0-9]+", "[a-z]", "\\s+", "\\.", ",", "o", "(\\w)(\\w)", "[^a-z ]", "\\p{Upper}", "b|c", "(?i)A"]
LIKES = ["a%", "%c", "%\\_%", "_b%", "%", "abc", "%😀%", "MiX%"]
PADS = ["*", "ab", "😀", "-", "0"]


def _frame(spark, rng):
    rows = []
    for i in range(rng.randrange(6, 11)):
        rows.append((i,
                     None if rng.random() < 0.12 else rng.choice(TEXTS),
                     None if rng.random() < 0.12 else rng.choice(TEXTS),
                     None if rng.random() < 0.1 else rng.choice(INTS),
                     None if rng.random() < 0.1 else rng.choice(SMALL),
                     None if rng.random() < 0.12 else bytearray(rng.choice(BINS))))
    return spark.createDataFrame(rows, "id int, s string, t string, n int, k int, b binary")


def _string(rng, depth):
    """A random string-valued expression."""
    if depth <= 0 or rng.random() < 0.25:
        return rng.choice([F.col("s"), F.col("t"), F.col("s"), F.lit(rng.choice(TEXTS))])
    inner = _string(rng, depth - 1)
    k = F.col("k")
    choice = rng.randrange(30)
    return [
        lambda: F.upper(inner),
        lambda: F.lower(inner),
        lambda: F.trim(inner),
        lambda: F.ltrim(inner, F.lit(rng.choice(["a", " ", "xy", "😀"]))),
        lambda: F.btrim(inner, F.lit(rng.choice(["a ", "\t", "c"]))),
        lambda: F.substring(inner, rng.choice([-3, 0, 1, 2, 5]), rng.choice([0, 1, 3, 100])),
        lambda: F.lpad(inner, rng.choice([0, 3, 8]), rng.choice(PADS)),
        lambda: F.rpad(inner, k, F.lit(rng.choice(PADS))),
        lambda: F.repeat(inner, rng.choice([0, 1, 2])),
        lambda: F.reverse(inner),
        lambda: F.initcap(inner),
        lambda: F.concat(inner, F.lit("|"), _string(rng, depth - 1)),
        lambda: F.concat_ws("-", inner, _string(rng, depth - 1)),
        lambda: F.left(inner, k),
        lambda: F.right(inner, F.lit(rng.choice([1, 2, 4]))),
        lambda: F.translate(inner, rng.choice(["abc", "ß", " "]), rng.choice(["xy", "", "_"])),
        lambda: F.replace(inner, F.lit(rng.choice(["a", "o", " ", "😀"])), F.lit(rng.choice(["", "0", "--"]))),
        lambda: F.overlay(inner, F.lit(rng.choice(["XY", "", "😀"])), rng.choice([1, 2, 5]), rng.choice([-1, 0, 2])),
        lambda: _regexp_replace(rng, inner),
        lambda: F.regexp_extract(inner, "(\\w+)", rng.choice([0, 1])),
        lambda: F.substring_index(inner, rng.choice([",", ".", " ", "ab"]), rng.choice([-2, -1, 1, 2])),
        lambda: F.split_part(inner, F.lit(rng.choice([",", ".", " "])), F.lit(rng.choice([1, 2, -1]))),
        lambda: F.soundex(inner),
        lambda: F.mask(inner),
        lambda: F.base64(F.encode(inner, rng.choice(["UTF-8", "UTF-16LE"]))),
        lambda: F.hex(inner),
        lambda: F.url_encode(inner),
        lambda: F.format_string(rng.choice(["[%s]", "%5s|", "%-4s|%s"]), inner, F.col("t")),
        lambda: F.regexp_substr(inner, F.lit(rng.choice(PATTERNS))),
        lambda: F.elt(F.lit(rng.choice([1, 2])), inner, F.col("t")),
    ][choice]()


def _regexp_replace(rng, inner):
    pattern = rng.choice(PATTERNS)
    replacements = ["#", "", "<$0>"] + (["$1", "$2$1"] if "(\\w)" in pattern else [])
    return F.regexp_replace(inner, pattern, rng.choice(replacements))


def _value(rng):
    """A random expression of another type over strings."""
    s = _string(rng, rng.randrange(0, 3))
    choice = rng.randrange(16)
    return [
        lambda: F.length(s),
        lambda: F.instr(s, rng.choice(["a", "b", "😀", ""])),
        lambda: F.locate(rng.choice(["a", "o", ""]), s, rng.choice([1, 2, 0])),
        lambda: F.ascii(s),
        lambda: F.bit_length(s),
        lambda: F.octet_length(s),
        lambda: F.levenshtein(s, F.col("t")),
        lambda: F.levenshtein(s, F.col("t"), rng.choice([1, 3])),
        lambda: F.find_in_set(s, F.lit("abc,a,b,,c")),
        lambda: s.like(rng.choice(LIKES)),
        lambda: F.ilike(s, F.lit(rng.choice(LIKES))),
        lambda: s.rlike(rng.choice(PATTERNS)),
        lambda: F.regexp_count(s, F.lit(rng.choice(PATTERNS))),
        lambda: F.regexp_instr(s, F.lit(rng.choice(PATTERNS))),
        lambda: F.split(s, rng.choice([",", "\\s+", "\\.", "[0-9]"]), rng.choice([-1, 2])),
        lambda: F.startswith(s, F.lit(rng.choice(["a", "", "日"]))),
    ][choice]()


def _numeric(rng):
    """Functions over integers and binaries."""
    choice = rng.randrange(8)
    return [
        lambda: F.hex("n"),
        lambda: F.char(F.col("n")),
        lambda: F.format_number("n", rng.choice([0, 2])),
        lambda: F.hex("b"),
        lambda: F.base64("b"),
        lambda: F.is_valid_utf8("b"),
        lambda: F.make_valid_utf8("b"),
        lambda: F.lpad("b", rng.choice([2, 6]), F.lit(bytearray(b"\x01"))),
    ][choice]()


def _make(i):
    def run(spark):
        rng = random.Random(SEED + i)
        df = _frame(spark, rng)
        exprs = []
        for j in range(rng.randrange(4, 7)):
            kind = rng.random()
            e = _string(rng, rng.randrange(1, 4)) if kind < 0.5 else _value(rng) if kind < 0.85 else _numeric(rng)
            exprs.append(e if j % 3 == 0 else e.alias(f"e{j}"))
        return df.select("id", *exprs).orderBy("id")

    run.__name__ = f"random_string_functions_{i:02d}"
    return run


for _i in range(64):
    case(_make(_i), conf=LEGACY if _i % 6 == 5 else None)
