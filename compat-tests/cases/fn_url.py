"""URL functions: parse_url / try_parse_url (java.net.URI parts, query keys),
url_encode, url_decode / try_url_decode."""

from harness import case
from pyspark.sql import functions as F

LEGACY = {"spark.sql.ansi.enabled": "false"}

_URLS = [
    ("http://spark.apache.org/path?query=1",),
    ("https://user:pw@example.com:8080/a/b.html?x=1&y=2&x=3#frag",),
    ("ftp://files.example.com/pub/file.txt",),
    ("http://host",),
    ("http://host/?",),
    ("mailto:someone@example.com",),
    ("/relative/path?q=v",),
    ("",),
    (None,),
    ("http://[::1]:80/ipv6?a=b",),
    ("HTTP://Example.COM/%7Euser?k=%20v#a%20b",),
]

PARTS = ["HOST", "PATH", "QUERY", "REF", "PROTOCOL", "FILE", "AUTHORITY", "USERINFO"]


def _urls(spark):
    return spark.createDataFrame(_URLS, "u string")


@case
def parse_url_parts(spark):
    return _urls(spark).select("u", *[F.parse_url("u", F.lit(p)) for p in PARTS[:4]])


@case
def parse_url_more_parts(spark):
    return _urls(spark).select("u", *[F.parse_url("u", F.lit(p)) for p in PARTS[4:]])


@case
def parse_url_query_keys(spark):
    return _urls(spark).select("u", F.parse_url("u", F.lit("QUERY"), F.lit("x")), F.parse_url("u", F.lit("QUERY"), F.lit("y")),
                               F.parse_url("u", F.lit("QUERY"), F.lit("query")), F.parse_url("u", F.lit("QUERY"), F.lit("zz")),
                               F.parse_url("u", F.lit("HOST"), F.lit("x")))


@case
def parse_url_unknown_part_and_case(spark):
    return _urls(spark).select(F.parse_url("u", F.lit("host")), F.parse_url("u", F.lit("PORT")), F.parse_url("u", F.lit(None).cast("string")))


@case
def parse_url_invalid(spark):
    df = spark.createDataFrame([("http://a b.com/",)], "u string")
    return df.select(F.parse_url("u", F.lit("HOST")))


@case(conf=LEGACY)
def parse_url_invalid_legacy(spark):
    df = spark.createDataFrame([("http://a b.com/",), ("http://ok.com/x",), ("http://x.com/%zz",), ("http://x.com/a|b",)], "u string")
    return df.select("u", F.parse_url("u", F.lit("HOST")), F.parse_url("u", F.lit("PATH")))


@case
def try_parse_url_invalid(spark):
    df = spark.createDataFrame([("http://a b.com/",), ("http://ok.com/x?a=1",), ("http://x.com/%zz",), ("http://x.com/a{b}",),
                                ("::",), ("http://host:port/",)], "u string")
    return df.select("u", F.try_parse_url("u", F.lit("HOST")), F.try_parse_url("u", F.lit("QUERY"), F.lit("a")))


@case
def parse_url_sql(spark):
    return _urls(spark).selectExpr("parse_url(u, 'HOST')", "parse_url(u, 'QUERY', 'x')", "try_parse_url(u, 'PATH')")


@case
def parse_url_query_key_special_characters(spark):
    df = spark.createDataFrame([("http://h/p?a.b=1&a+b=2&ab=3",), ("http://h/p?k=&k2",), ("http://h/p?=v&k=1=2",)], "u string")
    return df.select(F.parse_url("u", F.lit("QUERY"), F.lit("a.b")), F.parse_url("u", F.lit("QUERY"), F.lit("k")),
                     F.parse_url("u", F.lit("QUERY"), F.lit("k2")), F.parse_url("u", F.lit("QUERY"), F.lit("ab")))


# url_encode / url_decode


@case
def url_encode_values(spark):
    df = spark.createDataFrame([("https://spark.apache.org",), ("a b&c=d/e?f",), ("",), (None,), ("é😀~*-_.",), ("100%",)], "s string")
    return df.select("s", F.url_encode("s"))


@case
def url_decode_values(spark):
    df = spark.createDataFrame([("https%3A%2F%2Fspark.apache.org",), ("a+b%26c",), ("",), (None,), ("%C3%A9%F0%9F%98%80",), ("plain",),
                                ("%e9",)], "s string")
    return df.select("s", F.url_decode("s"), F.try_url_decode("s"))


@case
def url_decode_invalid(spark):
    df = spark.createDataFrame([("%zz",)], "s string")
    return df.select(F.url_decode("s"))


@case(conf=LEGACY)
def url_decode_invalid_legacy(spark):
    df = spark.createDataFrame([("%zz",)], "s string")
    return df.select(F.url_decode("s"))


@case
def try_url_decode_invalid(spark):
    df = spark.createDataFrame([("%zz",), ("abc%",), ("%2",), ("ok%20",)], "s string")
    return df.select("s", F.try_url_decode("s"))


@case
def url_round_trip_sql(spark):
    df = spark.createDataFrame([("a b/ü",), (None,)], "s string")
    return df.selectExpr("url_encode(s)", "url_decode(url_encode(s))", "url_decode('a%2Bb')", "url_encode('a b')",
                         "parse_url('http://h/p', 'PATH')")


@case
def url_functions_of_numbers(spark):
    df = spark.createDataFrame([(12.5,)], "d double")
    return df.select(F.url_encode("d"), F.url_decode("d"))
