"""Issue 9's function examples and their neighbours: the options `map(...)` of the
JSON/CSV functions (SQL and the DataFrame API's `options={...}`, Spark's
INVALID_OPTIONS errors), `sentences` (Java's BreakIterator sentence and word rules),
the names of `lpad`/`rpad` over bytes without a pad, and the order PySpark's
`collect` gives a map's keys (a `java.util.HashMap`'s)."""

from harness import case
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, StructField, StructType, TimestampType


def _sql(name, text):
    def run(spark):
        return spark.sql(text)

    run.__name__ = name
    run.__qualname__ = name
    case(run)


# --- the options map of the JSON/CSV functions -------------------------------------------------

OPTION_QUERIES = [
    ("from_json_timestamp_format", "SELECT from_json('{\"time\":\"26/08/2015\"}', 'time Timestamp', map('timestampFormat', 'dd/MM/yyyy'))"),
    ("from_json_date_format", "SELECT from_json('{\"d\":\"08/26/2015\", \"n\": 1}', 'd DATE, n INT', map('dateFormat', 'MM/dd/yyyy'))"),
    ("from_json_default_timestamp", "SELECT from_json('{\"t\":\"2015-08-26T10:11:12.345+02:00\", \"d\": \"2015-08-26\"}', 't TIMESTAMP, d DATE')"),
    ("from_json_failfast_good", "SELECT from_json('{\"a\": 1}', 'a INT', map('mode', 'FAILFAST'))"),
    ("from_json_failfast_bad", "SELECT from_json('{\"a\": \"x\"}', 'a INT', map('mode', 'FAILFAST'))"),
    ("from_json_failfast_not_json", "SELECT from_json('{\"a\": ', 'a INT', map('mode', 'FAILFAST'))"),
    ("from_json_permissive_bad", "SELECT from_json('{\"a\": \"x\", \"b\": 2}', 'a INT, b INT', map('mode', 'PERMISSIVE'))"),
    ("from_json_dropmalformed", "SELECT from_json('{\"a\": 1}', 'a INT', map('mode', 'DROPMALFORMED'))"),
    ("from_json_leading_zeros", "SELECT from_json('{\"a\": 01}', 'a INT', map('allowNumericLeadingZeros', 'true')), from_json('{\"a\": 01}', 'a INT')"),
    ("from_json_single_quotes_off", "SELECT from_json('{''a'': 1}', 'a INT', map('allowSingleQuotes', 'false')), from_json('{''a'': 1}', 'a INT')"),
    ("from_json_unquoted_names", "SELECT from_json('{a: 1}', 'a INT', map('allowUnquotedFieldNames', 'true'))"),
    ("from_json_corrupt_column", "SELECT from_json('{\"a\": \"x\"}', 'a INT, bad STRING', map('columnNameOfCorruptRecord', 'bad'))"),
    ("from_json_option_keys_any_case", "SELECT from_json('{\"a\": 01}', 'a INT', map('ALLOWNUMERICLEADINGZEROS', 'true'))"),
    ("from_json_array_schema_options", "SELECT from_json('[{\"t\": \"01/02/2020\"}]', 'array<struct<t: date>>', map('dateFormat', 'dd/MM/yyyy'))"),
    ("from_json_options_not_a_map", "SELECT from_json('{\"a\": 1}', 'a INT', 'mode')"),
    ("from_json_options_not_strings", "SELECT from_json('{\"a\": 1}', 'a INT', map('mode', 1))"),
    ("from_json_options_named_struct", "SELECT from_json('{\"a\": 1}', 'a INT', named_struct('mode', 'FAILFAST'))"),
    ("schema_of_json_leading_zeros", "SELECT schema_of_json('[{\"col\":01}]', map('allowNumericLeadingZeros', 'true'))"),
    ("schema_of_json_prefers_decimal", "SELECT schema_of_json('{\"a\": 1.5, \"b\": 2}', map('prefersDecimal', 'true'))"),
    ("schema_of_json_primitives_as_string", "SELECT schema_of_json('{\"a\": 1.5, \"b\": [true]}', map('primitivesAsString', 'true'))"),
    ("schema_of_json_options_not_a_map", "SELECT schema_of_json('{\"a\": 1}', 'x')"),
    ("to_json_timestamp_format", "SELECT to_json(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy'))"),
    ("to_json_date_format", "SELECT to_json(named_struct('d', DATE'2015-08-26', 'n', 1), map('dateFormat', 'dd.MM.yyyy'))"),
    ("to_json_keep_null_fields", "SELECT to_json(named_struct('a', 1, 'b', CAST(NULL AS INT)), map('ignoreNullFields', 'false'))"),
    ("to_json_options_not_strings", "SELECT to_json(named_struct('a', 1), map('a', 1))"),
    ("to_csv_timestamp_format", "SELECT to_csv(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy'))"),
    ("to_csv_date_and_sep", "SELECT to_csv(named_struct('d', DATE'2015-08-26', 'n', 1), map('dateFormat', 'yyyy/MM/dd', 'sep', ';'))"),
    ("to_csv_options_not_a_map", "SELECT to_csv(named_struct('a', 1), 'sep')"),
    ("from_csv_options_map", "SELECT from_csv('26/08/2015;3', 'time Timestamp, n INT', map('timestampFormat', 'dd/MM/yyyy', 'sep', ';'))"),
    ("from_csv_options_not_strings", "SELECT from_csv('1', 'a INT', map('sep', 1))"),
    ("schema_of_csv_options_map", "SELECT schema_of_csv('1|abc|2.5', map('sep', '|'))"),
]

for _name, _text in OPTION_QUERIES:
    _sql(_name, _text)


def _texts(spark):
    return spark.createDataFrame([(1, '{"t": "26/08/2015", "n": 01}'), (2, '{"t": "bad", "n": 2}'), (3, None)], "id int, s string")


@case
def from_json_api_options(spark):
    schema = StructType([StructField("t", TimestampType()), StructField("n", IntegerType())])
    opts = {"timestampFormat": "dd/MM/yyyy", "allowNumericLeadingZeros": "true"}
    return _texts(spark).select("id", F.from_json("s", schema, opts).alias("j")).orderBy("id")


@case
def from_json_api_options_ddl(spark):
    return _texts(spark).select("id", F.from_json("s", "t DATE, n INT", {"dateFormat": "dd/MM/yyyy", "allowNumericLeadingZeros": True})).orderBy("id")


@case
def from_json_api_failfast(spark):
    return _texts(spark).select(F.from_json("s", "t STRING, n INT", {"mode": "FAILFAST"}))


@case
def from_json_api_options_name(spark):
    return _texts(spark).select(F.from_json(F.col("s"), "t STRING", {"mode": "PERMISSIVE"})).limit(0)


@case
def schema_of_json_api_options(spark):
    return spark.range(1).select(F.schema_of_json(F.lit('{"a": 01, "b": 1.5}'), {"allowNumericLeadingZeros": "true", "prefersDecimal": "true"}))


@case
def to_json_api_options(spark):
    df = spark.sql("SELECT 1 AS id, named_struct('t', TIMESTAMP'2015-08-26 10:11:12', 'd', DATE'2015-08-26', 'x', CAST(NULL AS STRING)) AS s")
    return df.select(F.to_json("s", {"timestampFormat": "yyyy/MM/dd HH:mm", "dateFormat": "dd-MM-yyyy", "ignoreNullFields": False}))


@case
def to_json_api_no_options_default_formats(spark):
    df = spark.sql("SELECT named_struct('t', TIMESTAMP'2015-08-26 10:11:12', 'd', DATE'2015-08-26') AS s")
    return df.select(F.to_json("s"), F.to_json("s", {}))


@case
def to_csv_api_options(spark):
    df = spark.sql("SELECT named_struct('t', TIMESTAMP'2015-08-26 10:11:12', 'n', 2, 's', 'a b') AS s")
    return df.select(F.to_csv("s", {"timestampFormat": "dd/MM/yyyy HH:mm", "sep": "|"}))


@case
def to_json_options_null_struct(spark):
    return spark.sql("SELECT to_json(s, map('timestampFormat', 'yyyy')) AS j FROM VALUES (named_struct('t', TIMESTAMP'2015-08-26 10:11:12')), (NULL) AS v(s)")


@case
def from_csv_api_options(spark):
    return spark.createDataFrame([("1;2015/08/26",)], "s string").select(F.from_csv("s", "a INT, d DATE", {"sep": ";", "dateFormat": "yyyy/MM/dd"}))


# --- sentences -----------------------------------------------------------------------------------

SENTENCE_TEXTS = [
    ("plain", "Hi there! Good morning."),
    ("abbreviations", "Mr. Smith went to Washington. He arrived at 3 p.m. yesterday. Dr. Who?"),
    ("terminators", "Really?! Yes. No!! Maybe... Perhaps?"),
    ("quotes", 'He said "Stop." Then he left. "Why?" she asked. \'Fine.\' ok.'),
    ("digits_with_dots", "Pi is 3.14 roughly. Version 2.0.1 shipped. It costs $5.99 today. 1,000,000 people. 50% off! #1 fan."),
    ("lowercase_after_period", "e.g. this is fine. ok then. i.e. no break."),
    ("apostrophes_hyphens", "Don't stop-me now. It's 10:30 a.m. snake_case words_here."),
    ("newlines", "Line one\nLine two. Line three\n\nLine four"),
    ("parentheses", "He left (quickly). (Then) she came.(Later) it rained."),
    ("no_space_after_period", "End.Next one. end.(Open"),
    ("unicode", "Ça va? Très bien. Über alles! Ελληνικά κείμενο. Русский текст."),
    ("cjk", "日本語のテキスト。次の文。カタカナとひらがな"),
    ("supplementary", "𝐀bc def. 😀 smile. a😀b"),
    ("leading_punctuation", "!Hi. ...and then? -- dash - here"),
    ("numbers_and_words", "abc123def 12ab ab12 a.1 1.a x-1 3rd 1st."),
    ("symbols", "a@b.com is mail. C++ & C# rock. A/B test."),
    ("whitespace_only", "   "),
    ("empty", ""),
    ("tabs_and_spaces", "One.\tTwo.  Three.\u00a0Four."),
    ("ellipsis_upper", "Wait... What? Okay.. Fine"),
]


@case
def sentences_texts(spark):
    df = spark.createDataFrame([(i, t) for i, (_, t) in enumerate(SENTENCE_TEXTS)] + [(len(SENTENCE_TEXTS), None)], "id int, s string")
    return df.select("id", F.sentences("s")).orderBy("id")


for _i, (_name, _text) in enumerate(SENTENCE_TEXTS):
    _escaped = _text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t")
    _sql(f"sentences_sql_{_name}", f"SELECT sentences('{_escaped}')")


@case
def sentences_language_country(spark):
    df = spark.createDataFrame([("Hello world. Bye now.", "en", "US"), ("Guten Tag. Wie geht's?", "de", "DE"), ("x. Y", None, "US"), ("x. Y", "en", None)], "s string, l string, c string")
    return df.select(F.sentences("s", F.col("l"), F.col("c")), F.sentences("s", F.lit("fr")), F.sentences("s", F.lit("fr"), F.lit("FR")))


_sql("sentences_sql_language", "SELECT sentences('Hi there. Bye.', 'en')")
_sql("sentences_sql_null", "SELECT sentences(NULL), sentences('a. B', NULL, NULL)")
_sql("sentences_sql_number", "SELECT sentences(123.45)")


@case
def sentences_schema(spark):
    return spark.sql("SELECT sentences('a b. C d') AS s")


# --- lpad / rpad over bytes without a pad ----------------------------------------------------------

_sql("pad_binary_default_names", "SELECT hex(lpad(unhex('aabb'), 5)), hex(rpad(unhex('aabb'), 5)), lpad(X'01', 3), rpad(CAST('ab' AS BINARY), 4)")
_sql("pad_binary_column_default_names", "SELECT lpad(b, 3), rpad(b, 3), lpad(s, 3), rpad(s, 4) FROM VALUES (X'0102', 'x') AS t(b, s)")
_sql("pad_string_default_names", "SELECT lpad('hi', 5), rpad(7, 3), lpad(s, 3, 'ab') FROM VALUES ('x') AS t(s)")


@case
def pad_binary_expr_names(spark):
    df = spark.createDataFrame([(bytearray(b"\x01\x02"),)], "b binary")
    return df.selectExpr("lpad(b, 4)", "rpad(b, 1)", "hex(lpad(b, 4))")


# --- the order of a collected map's keys ----------------------------------------------------------

MAP_QUERIES = [
    ("map_order_transform_keys", "SELECT transform_keys(map_from_arrays(array(1, 2, 3), array(1, 2, 3)), (k, v) -> k + 1)"),
    ("map_order_transform_keys_sum", "SELECT transform_keys(map_from_arrays(array(1, 2, 3), array(1, 2, 3)), (k, v) -> k + v)"),
    ("map_order_ints", "SELECT map(3, 'c', 1, 'a', 2, 'b'), map(16, 'x', 1, 'y'), map(4, 'a', 8, 'b', 0, 'c')"),
    ("map_order_many_ints", "SELECT map_from_arrays(sequence(1, 40, 3), sequence(1, 40, 3)), map_from_arrays(sequence(100, 0, -7), sequence(100, 0, -7))"),
    ("map_order_negative_and_big", "SELECT map(-1, 1, 2147483647, 2, -2147483648, 3, 65536, 4, 65537, 5)"),
    ("map_order_longs", "SELECT map(5000000000L, 1, -1L, 2, 3L, 3, 4294967296L, 4)"),
    ("map_order_strings", "SELECT map('b', 1, 'a', 2, 'c', 3), map('banana', 1, 'apple', 2, 'cherry', 3, 'date', 4, 'é', 5, '', 6)"),
    ("map_order_string_keys_many", "SELECT map_from_arrays(transform(sequence(1, 20), i -> concat('key', i)), sequence(1, 20))"),
    ("map_order_doubles", "SELECT map(1.5D, 'a', -0.5D, 'b', 2.0D, 'c', 1e10D, 'd'), map(CAST(1.5 AS FLOAT), 1, CAST(2.25 AS FLOAT), 2, CAST(-3 AS FLOAT), 3)"),
    ("map_order_booleans", "SELECT map(true, 1, false, 2), map(false, 1, true, 2)"),
    ("map_order_dates_timestamps", "SELECT map(DATE'2024-01-03', 1, DATE'2024-01-01', 2, DATE'1969-12-31', 3), map(TIMESTAMP'2024-01-01 00:00:01', 1, TIMESTAMP'1970-01-01 00:00:00', 2)"),
    ("map_order_decimals", "SELECT map(1.5, 'a', 0.25, 'b', 10.0, 'c', -3.75, 'd')"),
    ("map_order_small_types", "SELECT map(CAST(3 AS TINYINT), 1, CAST(-1 AS TINYINT), 2, CAST(1 AS TINYINT), 3), map(CAST(300 AS SMALLINT), 1, CAST(2 AS SMALLINT), 2)"),
    ("map_order_nested", "SELECT array(map(3, 1, 2, 2, 4, 3)), named_struct('m', map('z', 1, 'y', 2, 'x', 3)), map(1, map(9, 1, 1, 2, 5, 3))"),
    ("map_order_str_to_map", "SELECT str_to_map('z:1,y:2,x:3,w:4,v:5')"),
]

for _name, _text in MAP_QUERIES:
    _sql(_name, _text)


@case
def map_order_api(spark):
    df = spark.createDataFrame([(1, [5, 33, 1, 17])], "id int, a array<int>")
    return df.select(F.map_from_arrays("a", "a").alias("m"), F.create_map(F.lit("q"), F.lit(1), F.lit("b"), F.lit(2), F.lit("a"), F.lit(3)).alias("c"))


@case
def map_order_created_from_python(spark):
    strings = spark.createDataFrame([(1, {"k%d" % i: i for i in range(12)})], "id int, m map<string,int>")
    ints = spark.createDataFrame([(1, {30: 1, 2: 2, 17: 3, -5: 4})], "id int, m map<int,int>")
    return strings.join(ints, "id")
