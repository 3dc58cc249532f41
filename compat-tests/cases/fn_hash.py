"""Hashes: hash (Murmur3) and xxhash64 bit-exact with Spark over every type (many
values per type, bounds, -0.0/NaN normalisation, small and large decimals, empty and
non-BMP strings, binaries, dates, timestamps, arrays, structs, NULLs skipped), and
md5/sha1/sha/sha2/crc32 of strings and binaries."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}
NAN = float("nan")
INF = float("inf")
D = decimal.Decimal


def _register(fn, name, conf=None, **kw):
    fn.__name__ = fn.__qualname__ = name
    case(fn, conf=conf, **kw)


_TYPED = {
    "boolean": [True, False, None],
    "tinyint": [0, 1, -1, 127, -128, 42, None],
    "smallint": [0, 1, -1, 32767, -32768, 1000, None],
    "int": [0, 1, -1, 2147483647, -2147483648, 123456789, -42, None],
    "bigint": [0, 1, -1, 9223372036854775807, -9223372036854775808, 4294967296, -4294967297, 1234567890123, None],
    "float": [0.0, -0.0, 1.0, -1.5, NAN, INF, -INF, 3.4028234663852886e38, 1.401298464324817e-45, 0.1, None],
    "double": [0.0, -0.0, 1.0, -1.5, NAN, INF, -INF, 1.7976931348623157e308, 5e-324, 0.1, 123456.789, None],
    "decimal(5,2)": [D("0.00"), D("1.25"), D("-1.25"), D("999.99"), D("-999.99"), None],
    "decimal(18,0)": [D("999999999999999999"), D("-999999999999999999"), D("0"), D("1"), None],
    "decimal(19,0)": [D("9999999999999999999"), D("-9999999999999999999"), D("0"), D("1"), D("-1"), D("128"), None],
    "decimal(38,10)": [D("1.5"), D("-1.5"), D("0"), D("9999999999999999999999999999.9999999999"),
                       D("-9999999999999999999999999999.9999999999"), D("0.0001000000"), D("-0.0000012800"), None],
    "string": ["", "a", "ab", "abc", "abcd", "abcde", "Spark", "é", "😀", "a😀b", "e\u0301", "\u00ff\u0080", "x" * 37, None],
    "binary": [b"", b"\x00", b"\xff", b"\x80\x7f", b"\xff\xfe\xfd", b"abcd", b"\x01\x02\x03\x04\x05", b"\xff" * 33, None],
    "date": [datetime.date(1970, 1, 1), datetime.date(1969, 12, 31), datetime.date(2024, 2, 29), datetime.date(1, 1, 1),
             datetime.date(9999, 12, 31), None],
    "timestamp": [datetime.datetime(1970, 1, 1), datetime.datetime(2024, 2, 29, 12, 34, 56, 789012),
                  datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), datetime.datetime(1, 1, 1), None],
}


def _typed(t):
    def run(spark):
        df = spark.createDataFrame([(i, v) for i, v in enumerate(_TYPED[t])], f"id int, v {t}")
        return df.select("id", F.hash("v"), F.xxhash64("v"), F.hash("v", "id"), F.xxhash64("id", "v")).orderBy("id")
    return run


for _t in _TYPED:
    _register(_typed(_t), "hash_" + _t.replace("(", "_").replace(",", "_").replace(")", ""))


@case
def hash_timestamp_ntz(spark):
    df = spark.createDataFrame([(datetime.datetime(2024, 1, 1, 1, 2, 3),), (None,)], "t timestamp_ntz")
    return df.select(F.hash("t"), F.xxhash64("t"))


@case
def hash_many_columns_and_nulls(spark):
    df = spark.createDataFrame([(1, "a", 2.5, None), (None, None, None, None), (0, "", -0.0, True)],
                               "i int, s string, d double, b boolean")
    return df.select(F.hash("i", "s", "d", "b"), F.xxhash64("i", "s", "d", "b"), F.hash("b", "d", "s", "i"))


@case
def hash_literals(spark):
    return spark.range(1).select(F.hash(F.lit(1)), F.hash(F.lit(1).cast("bigint")), F.hash(F.lit("Spark")),
                                 F.xxhash64(F.lit(None)), F.hash(F.lit(1.0)), F.hash(F.lit(True)))


@case
def hash_sql(spark):
    return spark.range(3).selectExpr("hash(id)", "xxhash64(id)", "hash('Spark', 2)", "xxhash64('Spark', 2)", "hash(id, 'x')",
                                     "hash(null)", "hash(1.5)", "xxhash64(1.5)")


@case
def hash_arrays(spark):
    df = spark.createDataFrame([([1, 2, 3], ["a", None, "b"], [1.5, -0.0]), ([], [], []), (None, [None], [NAN]),
                                ([2147483647], ["😀"], None)], "a array<int>, s array<string>, d array<double>")
    return df.select(F.hash("a"), F.xxhash64("a"), F.hash("s"), F.xxhash64("s"), F.hash("d"), F.hash("a", "s", "d"))


@case
def hash_nested_arrays(spark):
    df = spark.createDataFrame([([[1, 2], [3]],), ([[], None],), (None,)], "a array<array<bigint>>")
    return df.select(F.hash("a"), F.xxhash64("a"))


@case
def hash_structs(spark):
    df = spark.createDataFrame([((1, "a"),), ((None, "b"),), (None,), ((-5, ""),)], "s struct<x:int,y:string>")
    return df.select(F.hash("s"), F.xxhash64("s"), F.hash("s", F.lit(1)))


@case
def hash_of_map_is_refused(spark):
    df = spark.createDataFrame([({"a": 1},)], "m map<string,int>")
    return df.select(F.hash("m"))


@case
def hash_without_arguments(spark):
    return spark.range(1).selectExpr("hash()")


@case
def hash_non_null_and_names(spark):
    return spark.range(2).select(F.hash(F.lit(None)), F.xxhash64("id", F.lit("x")))


# digests ---------------------------------------------------------------------------------

def _texts(spark):
    rows = [(0, "", b""), (1, "Spark", b"Spark"), (2, "😀 é", b"\xff\x00"), (3, None, None), (4, "a" * 100, b"\x01" * 65)]
    return spark.createDataFrame(rows, "id int, s string, b binary")


@case
def md5_sha1_values(spark):
    return _texts(spark).select("id", F.md5("s"), F.md5("b"), F.sha1("s"), F.sha("b")).orderBy("id")


for _bits in (0, 224, 256, 384, 512):
    _register(lambda spark, bits=_bits: _texts(spark).select("id", F.sha2("s", bits), F.sha2("b", bits)).orderBy("id"),
              f"sha2_{_bits}")


@case
def sha2_other_bit_lengths_sql(spark):
    return _texts(spark).selectExpr("id", "sha2(s, 1)", "sha2(s, 128)", "sha2(s, -256)", "sha2(s, null)").orderBy("id")


@case
def sha2_bits_python_check(spark):
    return _texts(spark).select(F.sha2("s", 128))


@case
def crc32_values(spark):
    return _texts(spark).select("id", F.crc32("s"), F.crc32("b")).orderBy("id")


@case
def digests_of_numbers_are_refused(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.md5("i"))


@case
def crc32_of_number_is_refused(spark):
    return spark.createDataFrame([(1,)], "i int").select(F.crc32("i"))


@case
def digests_sql_and_nullability(spark):
    return spark.range(2).selectExpr("md5(cast(id as string))", "sha1('x')", "sha('x')", "sha2('x', 256)",
                                     "crc32(cast(id as string))")
