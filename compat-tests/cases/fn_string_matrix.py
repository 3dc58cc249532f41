"""Signature matrices: each string function applied to a column of every Spark
type, so its implicit casts (and the types it refuses) are recorded. One case
per function over the atomic types, one per function over an array (most refuse
it), and one with ANSI off where reading a string as a number differs."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

ATOMIC = ["i", "l", "d", "dec", "s", "b", "dt", "ts", "bin"]


def _matrix(spark):
    return spark.createDataFrame(
        [(7, -9000000000, 2.5, decimal.Decimal("12.30"), "Txt é", True, datetime.date(2024, 3, 1),
          datetime.datetime(2024, 3, 1, 12, 30, 0), bytearray(b"AB c"), [1, 2]),
         (None, None, None, None, None, None, None, None, None, None)],
        "i int, l bigint, d double, dec decimal(10,2), s string, b boolean, dt date, ts timestamp, bin binary, a array<int>")


# name -> function of one column (other arguments fixed)
UNARY = {
    "upper": F.upper,
    "lower": F.lower,
    "length": F.length,
    "trim": F.trim,
    "ltrim": F.ltrim,
    "rtrim": F.rtrim,
    "btrim": F.btrim,
    "initcap": F.initcap,
    "reverse": F.reverse,
    "ascii": F.ascii,
    "bit_length": F.bit_length,
    "octet_length": F.octet_length,
    "base64": F.base64,
    "unbase64": F.unbase64,
    "hex": F.hex,
    "unhex": F.unhex,
    "soundex": F.soundex,
    "url_encode": F.url_encode,
    "url_decode": F.url_decode,
    "is_valid_utf8": F.is_valid_utf8,
    "make_valid_utf8": F.make_valid_utf8,
    "mask": F.mask,
    "char": F.char,
    "lpad": lambda c: F.lpad(c, 12, "*"),
    "rpad": lambda c: F.rpad(c, 3, "*"),
    "repeat": lambda c: F.repeat(c, 2),
    "substring": lambda c: F.substring(c, 2, 3),
    "left": lambda c: F.left(c, F.lit(2)),
    "right": lambda c: F.right(c, F.lit(2)),
    "instr": lambda c: F.instr(c, "2"),
    "locate": lambda c: F.locate("2", c),
    "split": lambda c: F.split(c, "[ -]"),
    "split_part": lambda c: F.split_part(c, F.lit("-"), F.lit(1)),
    "substring_index": lambda c: F.substring_index(c, "-", 1),
    "translate": lambda c: F.translate(c, "2T", "x"),
    "replace": lambda c: F.replace(c, F.lit("2"), F.lit("_")),
    "overlay": lambda c: F.overlay(c, F.lit("Z"), 2, 1),
    "regexp_replace": lambda c: F.regexp_replace(c, "[0-9]", "#"),
    "regexp_extract": lambda c: F.regexp_extract(c, "([0-9]+)", 1),
    "regexp_count": lambda c: F.regexp_count(c, F.lit("[0-9]")),
    "rlike": lambda c: F.rlike(c, F.lit("^[0-9]")),
    "like": lambda c: F.like(c, F.lit("%2%")),
    "startswith": lambda c: F.startswith(c, F.lit("2")),
    "contains": lambda c: F.contains(c, F.lit("0")),
    "levenshtein": lambda c: F.levenshtein(c, F.lit("2024")),
    "find_in_set": lambda c: F.find_in_set(c, F.lit("7,true,2.5")),
    "concat_ws": lambda c: F.concat_ws("|", c, c),
    "format_string": lambda c: F.format_string("<%s>", c),
    "encode": lambda c: F.encode(c, "UTF-8"),
    "decode": lambda c: F.decode(c, "UTF-8"),
    "format_number": lambda c: F.format_number(c, 1),
    "to_binary": lambda c: F.try_to_binary(c, F.lit("utf-8")),
}


# Columns left out: text types format_number refuses (its own case below), the
# JVM object address format_string prints for bytes, a lone base64 digit that
# Java's decoder rejects without an error class.
SKIP = {"format_number": {"s", "b", "dt", "ts", "bin"}, "format_string": {"bin"}, "unbase64": {"i"}}
# Arrays Spark prints with its internal toString (format_string).
NO_ARRAY_CASE = {"format_string"}


def _atomic_case(name, fn):
    def run(spark):
        df = _matrix(spark)
        return df.select(*[fn(c) for c in ATOMIC if c not in SKIP.get(name, set())])

    run.__name__ = f"matrix_{name}"
    return run


def _array_case(name, fn):
    def run(spark):
        return _matrix(spark).select(fn("a"))

    run.__name__ = f"matrix_{name}_of_array"
    return run


for _name, _fn in UNARY.items():
    case(_atomic_case(_name, _fn))
    if _name not in NO_ARRAY_CASE:
        case(_array_case(_name, _fn))


@case
def matrix_format_number_of_text_types_fails(spark):
    return _matrix(spark).select(F.format_number("s", 1))


@case
def matrix_numbers_read_from_strings_ansi(spark):
    df = spark.createDataFrame([("3", "x")], "n string, s string")
    return df.select(F.repeat("s", "n"), F.lpad("s", F.col("n"), "-"), F.substring("s", F.col("n"), F.col("n")), F.char("n"))


@case(conf=LEGACY)
def matrix_numbers_read_from_strings_legacy(spark):
    df = spark.createDataFrame([("3", "x"), ("three", "y")], "n string, s string")
    return df.select(F.repeat("s", "n"), F.lpad("s", F.col("n"), "-"), F.substring("s", F.col("n"), F.col("n")), F.char("n"))


@case
def matrix_bad_number_from_string_ansi(spark):
    df = spark.createDataFrame([("three", "y")], "n string, s string")
    return df.select(F.repeat("s", "n"))


@case
def matrix_null_type_arguments(spark):
    df = spark.createDataFrame([("a",)], "s string")
    n = F.lit(None)
    return df.select(F.upper(n), F.lpad(n, 3, "x"), F.concat(n, "s"), F.concat_ws("-", n, "s"), F.instr(n, "a"), F.hex(n),
                     F.split(n, ","), F.regexp_replace(n, "a", "b"), F.base64(n), F.length(n))
