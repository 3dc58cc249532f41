"""Encodings: base64/unbase64, hex/unhex, encode/decode with Spark's charsets,
to_binary/try_to_binary, and the UTF-8 validity functions."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

_BYTES = [
    (1, bytearray(b"Spark"), "Spark"),
    (2, bytearray(b""), ""),
    (3, bytearray(b"\x00\xff\xfe"), "\u00ff\u00fe"),
    (4, None, None),
    (5, bytearray(b"\xe2\x82\xac\xf0\x9f\x98\x80"), "€😀"),
    (6, bytearray(b"\xc3\x28"), "é"),
]


def _bytes(spark):
    return spark.createDataFrame(_BYTES, "id int, b binary, s string")


# base64 / unbase64


@case
def base64_of_binary_and_string(spark):
    return _bytes(spark).select("id", F.base64("b"), F.base64("s"))


@case
def base64_long_input_has_no_line_breaks(spark):
    df = spark.createDataFrame([("x" * 100,)], "s string")
    return df.select(F.base64("s"), F.length(F.base64("s")))


@case
def base64_of_numbers(spark):
    df = spark.createDataFrame([(123, 1.5, True)], "i int, d double, t boolean")
    return df.select(F.base64("i"), F.base64("d"), F.base64("t"))


@case
def unbase64_values(spark):
    df = spark.createDataFrame([("U3Bhcms=",), ("U3Bhcms",), ("",), (None,), ("4oKs8J+YgA==",), ("U3Bh\ncms=",), ("YQ",)],
                               "s string")
    return df.select("s", F.unbase64("s"))


@case
def unbase64_lenient_forms(spark):
    df = spark.createDataFrame([("U3Bh cms=",), ("U3Bhcms=\r\n",), ("Y!Q",), ("YW\tJj",), ("YQ==",)], "s string")
    return df.select("s", F.unbase64("s"))


@case
def unbase64_invalid(spark):
    df = spark.createDataFrame([("@@@",)], "s string")
    return df.select(F.unbase64("s"))


@case(conf=LEGACY)
def unbase64_invalid_legacy(spark):
    df = spark.createDataFrame([("@@@",), ("U3Bhcms=",)], "s string")
    return df.select(F.unbase64("s"))


@case
def base64_round_trip_sql(spark):
    return _bytes(spark).selectExpr("id", "unbase64(base64(b))", "base64(unbase64('AQID'))", "base64(NULL)")


# hex / unhex


@case
def hex_of_integers(spark):
    df = spark.createDataFrame([(0,), (17,), (-1,), (255,), (9223372036854775807,), (-9223372036854775808,), (None,)], "n bigint")
    return df.select("n", F.hex("n"), F.hex(F.col("n") % 1000), F.hex(F.col("n").cast("string")))


@case
def hex_of_small_integer_types(spark):
    df = spark.createDataFrame([(-1, -2, 127), (5, 6, -128)], "a int, b smallint, c tinyint")
    return df.select(F.hex("a"), F.hex("b"), F.hex("c"))


@case
def hex_of_binary_and_string(spark):
    return _bytes(spark).select("id", F.hex("b"), F.hex("s"))


@case
def hex_of_other_types(spark):
    df = spark.createDataFrame([(12.7, decimal.Decimal("15.50"), True, datetime.date(2024, 1, 2))],
                               "d double, dec decimal(10,2), t boolean, dt date")
    return df.select(F.hex("d"), F.hex(F.col("d").cast("float")), F.hex(-F.col("d")))


@case
def hex_of_boolean_fails(spark):
    df = spark.createDataFrame([(True,)], "t boolean")
    return df.select(F.hex("t"))


@case
def hex_of_date_fails(spark):
    df = spark.createDataFrame([(datetime.date(2024, 1, 2),)], "dt date")
    return df.select(F.hex("dt"))


@case
def unhex_values(spark):
    df = spark.createDataFrame([("537061726B",), ("537061726b",), ("F",), ("ABC",), ("",), (None,), ("GG",), ("0x1F",), (" 1F",)],
                               "s string")
    return df.select("s", F.unhex("s"))


@case
def unhex_of_numbers(spark):
    df = spark.createDataFrame([(1234,)], "i int")
    return df.select(F.unhex("i"), F.unhex(F.hex("i")))


@case
def hex_unhex_sql(spark):
    return _bytes(spark).selectExpr("id", "hex(unhex(hex(b)))", "decode(unhex(hex(s)), 'UTF-8')", "hex(id * 1000)")


# encode / decode


@case
def encode_charsets(spark):
    df = spark.createDataFrame([("Spark",), ("",), (None,), ("é€",)], "s string")
    return df.select("s", F.encode("s", "UTF-8"), F.encode("s", "UTF-16BE"), F.encode("s", "UTF-16LE"), F.encode("s", "UTF-16"),
                     F.encode("s", "UTF-32"))


@case
def encode_latin1_and_ascii(spark):
    df = spark.createDataFrame([("Spark",), ("é",), ("",), (None,)], "s string")
    return df.select("s", F.encode("s", "ISO-8859-1"), F.encode(F.lit("ascii"), "US-ASCII"))


@case
def encode_supplementary_characters(spark):
    df = spark.createDataFrame([("😀",), ("a😀",)], "s string")
    return df.select(F.encode("s", "UTF-16BE"), F.encode("s", "UTF-16LE"), F.encode("s", "UTF-32"), F.encode("s", "UTF-8"))


@case
def encode_unmappable_characters(spark):
    df = spark.createDataFrame([("€",)], "s string")
    return df.select(F.encode("s", "US-ASCII"))


@case(conf=LEGACY)
def encode_unmappable_characters_legacy(spark):
    df = spark.createDataFrame([("€",), ("a",)], "s string")
    return df.select(F.encode("s", "US-ASCII"), F.encode("s", "ISO-8859-1"))


@case
def encode_charset_names_case_insensitive(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.encode("s", "utf-8"), F.encode("s", "us-ascii"), F.encode("s", "Utf-16le"))


@case
def encode_unknown_charset(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.encode("s", "EBCDIC"))


@case
def decode_charsets(spark):
    df = spark.createDataFrame([(bytearray(b"Spark"),), (bytearray(b"\xc3\xa9"),), (bytearray(b""),), (None,),
                                (bytearray(b"\x00A\x00B"),)], "b binary")
    return df.select(F.decode("b", "UTF-8"), F.decode("b", "ISO-8859-1"))


@case
def decode_utf16_utf32_and_ascii(spark):
    df = spark.createDataFrame([(bytearray(b"\x00A\x00B"),), (bytearray(b""),), (None,), (bytearray(b"\xd8\x3d\xde\x00"),)], "b binary")
    return df.select(F.decode("b", "UTF-16BE"), F.decode("b", "UTF-16LE"), F.decode("b", "UTF-16"),
                     F.decode(F.encode(F.decode("b", "UTF-16BE"), "UTF-32"), "UTF-32"), F.decode(F.lit(bytearray(b"ab")), "US-ASCII"))


@case
def decode_odd_length_utf16(spark):
    df = spark.createDataFrame([(bytearray(b"\x00A\x00"),)], "b binary")
    return df.select(F.decode("b", "UTF-16BE"))


@case
def decode_malformed_input(spark):
    df = spark.createDataFrame([(bytearray(b"\xff\xfe\xfd"),)], "b binary")
    return df.select(F.decode("b", "UTF-8"))


@case(conf=LEGACY)
def decode_malformed_input_legacy(spark):
    df = spark.createDataFrame([(bytearray(b"\xff\xfe\xfd"),), (bytearray(b"a\x80"),)], "b binary")
    return df.select(F.decode("b", "UTF-8"), F.decode("b", "US-ASCII"))


@case
def decode_utf16_with_bom(spark):
    df = spark.createDataFrame([(bytearray(b"\xfe\xff\x00A"),), (bytearray(b"\xff\xfeA\x00"),), (bytearray(b"\x00A"),)], "b binary")
    return df.select(F.decode("b", "UTF-16"), F.hex(F.encode(F.decode("b", "UTF-16"), "UTF-16")))


@case
def decode_of_string_reads_its_bytes(spark):
    df = spark.createDataFrame([("é",)], "s string")
    return df.select(F.decode("s", "ISO-8859-1"), F.decode("s", "UTF-8"))


@case
def encode_decode_sql(spark):
    return _bytes(spark).selectExpr("id", "encode(s, 'UTF-16LE')", "decode(encode(s, 'UTF-8'), 'UTF-8')", "decode(encode(s, 'utf-32'), 'UTF-32')")


# to_binary / try_to_binary


@case
def to_binary_formats(spark):
    df = spark.createDataFrame([("537061726B",), ("abc",), ("",), (None,)], "s string")
    return df.select("s", F.try_to_binary("s"), F.try_to_binary("s", F.lit("utf-8")), F.try_to_binary("s", F.lit("base64")),
                     F.try_to_binary("s", F.lit("HEX")), F.try_to_binary("s", F.lit("utf8")))


@case
def to_binary_invalid_hex(spark):
    df = spark.createDataFrame([("zz",)], "s string")
    return df.select(F.to_binary("s", F.lit("hex")))


@case(conf=LEGACY)
def to_binary_invalid_hex_legacy(spark):
    df = spark.createDataFrame([("zz",), ("1F",)], "s string")
    return df.select(F.to_binary("s", F.lit("hex")))


@case
def to_binary_base64_validity(spark):
    df = spark.createDataFrame([("U3Bhcms=",), ("U3Bhcms",), ("U3Bh cms=",), ("Y",), ("YQ=",), ("YQ==",), ("YQ===",), ("Y=Q",),
                                ("U3Bhcms=\n",), ("YWJj",), ("YW-j",)], "s string")
    return df.select("s", F.try_to_binary("s", F.lit("base64")))


@case
def to_binary_invalid_base64(spark):
    df = spark.createDataFrame([("@@",)], "s string")
    return df.select(F.to_binary("s", F.lit("base64")))


@case
def to_binary_default_format_is_hex(spark):
    df = spark.createDataFrame([("1F2E",), ("F",)], "s string")
    return df.select(F.to_binary("s"), F.hex(F.to_binary("s")))


@case
def to_binary_unknown_format(spark):
    df = spark.createDataFrame([("ab",)], "s string")
    return df.select(F.to_binary("s", F.lit("base32")))


@case
def to_binary_sql(spark):
    return _bytes(spark).selectExpr("id", "to_binary(s, 'utf-8')", "try_to_binary('X', 'hex')", "to_binary('4142')")


# UTF-8 validity


@case
def utf8_validity_of_binaries(spark):
    return _bytes(spark).select("id", F.is_valid_utf8("b"), F.make_valid_utf8("b"), F.try_validate_utf8("b"))


@case
def utf8_validity_of_strings(spark):
    return _bytes(spark).select("id", F.is_valid_utf8("s"), F.make_valid_utf8("s"), F.validate_utf8("s"), F.try_validate_utf8("s"))


@case
def validate_utf8_fails_on_invalid(spark):
    df = spark.createDataFrame([(bytearray(b"\xc3\x28"),)], "b binary")
    return df.select(F.validate_utf8("b"))


@case
def utf8_validity_sql(spark):
    return _bytes(spark).selectExpr("id", "is_valid_utf8(b)", "make_valid_utf8(b)", "try_validate_utf8(b)")


@case
def utf8_validity_of_numbers(spark):
    df = spark.createDataFrame([(12,)], "i int")
    return df.select(F.is_valid_utf8("i"), F.make_valid_utf8("i"))
