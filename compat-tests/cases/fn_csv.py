"""CSV functions (issue 7): from_csv (a DDL schema, PERMISSIVE with partial results and
the corrupt-record column, FAILFAST), to_csv (univocity's quoting, Java's number text,
the default date and timestamp formats) and schema_of_csv (Spark's CSV inference of
one line). Values are read by the same parsers as spark.read.csv."""

import datetime
import decimal

from harness import case
from pyspark.sql import functions as F

from ._fn_aggregate_data import TYPED_COLUMNS, _condition, typed

SCHEMA = "a INT, b STRING, c DOUBLE"


def _lines(spark):
    rows = [
        ("1,abc,2.5",),
        ("x,y",),
        (None,),
        ("",),
        ("1,2,3,4",),
        ('"q,1",2,3',),
        ("2147483648,a,NaN",),
        (" 7 , b ,1e3",),
        ("-0,,-Infinity",),
        ('1,"",0.1',),
        ("1,😀é,1e400",),
        ('1,"a\\"b",+5',),
    ]
    return spark.createDataFrame(rows, "s string")


def _matrix(spark, make, columns):
    df = typed(spark)
    out = []
    for c in columns:
        try:
            r = df.select(make(c))
            out.append([c, [[f.name, f.dataType.simpleString(), f.nullable] for f in r.schema.fields], [tuple(x) for x in r.collect()]])
        except Exception as e:
            out.append([c, type(e).__name__, _condition(e)])
    return out


# --- from_csv --------------------------------------------------------------------------------


@case
def from_csv_values(spark):
    return _lines(spark).select(F.from_csv("s", SCHEMA))


@case
def from_csv_field_access(spark):
    return _lines(spark).select(F.from_csv("s", SCHEMA).a, F.from_csv("s", SCHEMA).getField("c"))


@case
def from_csv_corrupt_record(spark):
    return _lines(spark).select(F.from_csv("s", SCHEMA + ", _corrupt_record STRING"))


@case
def from_csv_corrupt_record_named(spark):
    return _lines(spark).select(F.from_csv("s", "bad STRING, " + SCHEMA, {"columnNameOfCorruptRecord": "bad"}))


@case
def from_csv_separator(spark):
    df = spark.createDataFrame([("1;2",), ("3;x",), ("1,2",)], "s string")
    return df.select(F.from_csv("s", "a INT, b INT", {"sep": ";"}))


@case
def from_csv_failfast_valid(spark):
    return _lines(spark).limit(1).select(F.from_csv("s", SCHEMA, {"mode": "FAILFAST"}))


@case
def from_csv_dropmalformed_refused(spark):
    return _lines(spark).select(F.from_csv("s", SCHEMA, {"mode": "DROPMALFORMED"}))


@case
def from_csv_types(spark):
    df = spark.createDataFrame(
        [("true,TRUE,x,1,127,-129,9223372036854775807,1.5,2024-01-05,2024-01-05 10:11:12,2024-01-05T10:11:12.5+01:00",),
         ("false,0,yes,12.345,-128,300,9223372036854775808,NaN,2024-1-5,2024-01-05,x",),
         (",,,,,,,,,,",)],
        "s string")
    schema = "a boolean, b boolean, c boolean, d decimal(5,2), e tinyint, f smallint, g bigint, h float, i date, j timestamp, k timestamp"
    return df.select(F.from_csv("s", schema))


@case
def from_csv_schema_struct_text(spark):
    return _lines(spark).select(F.from_csv("s", "STRUCT<a: INT, b: STRING>"))


@case
def from_csv_structtype_refused(spark):
    from pyspark.sql.types import IntegerType, StructField, StructType

    return F.from_csv("s", StructType([StructField("a", IntegerType())]))


@case
def from_csv_bad_schema(spark):
    return _lines(spark).select(F.from_csv("s", "a INTT"))


@case
def from_csv_schema_from_column(spark):
    return _lines(spark).select(F.from_csv("s", F.col("s")))


@case
def from_csv_sql(spark):
    return _lines(spark).selectExpr("from_csv(s, 'a INT, b STRING')", "from_csv(s, 'a INT', map('sep', ';'))")


@case
def from_csv_signature_matrix(spark):
    return _matrix(spark, lambda c: F.from_csv(c, "a STRING"), [c for c in TYPED_COLUMNS if c != "n"])


# --- to_csv ----------------------------------------------------------------------------------


def _row(spark):
    return spark.createDataFrame(
        [(1, "a,b", 2.5, None, True, datetime.date(2024, 1, 5), datetime.datetime(2024, 1, 5, 10, 11, 12, 123456),
          decimal.Decimal("1.50"), 'q"x', "", " sp ", "line\nbr"),
         (-7, "😀", float("nan"), "n", False, datetime.date(1, 1, 1), datetime.datetime(1970, 1, 1),
          decimal.Decimal("-0.01"), "back\\slash", "\t", "a\rb", "#hash")],
        "i int, s string, d double, n string, b boolean, dt date, ts timestamp, dec decimal(5,2), q string, e string, sp string, nl string")


@case
def to_csv_values(spark):
    df = _row(spark)
    return df.select(F.to_csv(F.struct(*df.columns)))


@case
def to_csv_doubles(spark):
    df = spark.createDataFrame([(1e10, 1e-7, float("inf"), -0.0, 1.5)], "a double, b double, c double, d double, e float")
    return df.select(F.to_csv(F.struct("a", "b", "c", "d", "e")))


@case
def to_csv_separator(spark):
    return _row(spark).select(F.to_csv(F.struct("i", "s", "q"), {"sep": "|"}))


@case
def to_csv_quote_all(spark):
    return _row(spark).select(F.to_csv(F.struct("i", "s", "n"), {"quoteAll": "true"}))


@case
def to_csv_null_struct(spark):
    return spark.createDataFrame([(None,), ((1, "x"),)], "x struct<a:int,b:string>").select(F.to_csv("x"))


@case
def to_csv_sql(spark):
    return _row(spark).selectExpr("to_csv(named_struct('a', i, 'b', s))")


@case(conf={"spark.sql.session.timeZone": "America/New_York"})
def to_csv_timestamp_zone(spark):
    return _row(spark).select(F.to_csv(F.struct("ts", "dt")))


@case
def to_csv_signature_matrix(spark):
    return _matrix(spark, F.to_csv, ["i", "s", "a", "mp", "st"])


# --- schema_of_csv ---------------------------------------------------------------------------


@case
def schema_of_csv_values(spark):
    texts = ["1,abc,2.5", "1|2", "2024-01-05,2024-01-05 10:11:12,true,NaN,1e3,99999999999,123456789012345678901234567890",
             ",,", "a b", '"x,y",-1', "1.0,-Infinity,+1,0x1F", "😀"]
    return [spark.range(1).select(F.schema_of_csv(t)).collect()[0][0] for t in texts]


@case
def schema_of_csv_column_name(spark):
    return spark.range(1).select(F.schema_of_csv("1,a"))


@case
def schema_of_csv_separator(spark):
    return spark.range(1).select(F.schema_of_csv("1|a", {"sep": "|"}))


@case
def schema_of_csv_column_refused(spark):
    return _lines(spark).select(F.schema_of_csv(F.col("s")))


@case
def schema_of_csv_not_a_string(spark):
    return F.schema_of_csv(1)


@case
def schema_of_csv_sql(spark):
    return spark.range(1).selectExpr("schema_of_csv('1,x,2.5')")


@case
def from_csv_date_formats(spark):
    df = spark.createDataFrame([("05/01/2024,05/01/2024 10:11",), ("2024-01-05,2024-01-05 10:11:12",), ("31/02/2024,1/1/2024 1:2",)], "s string")
    return df.select(F.from_csv("s", "d DATE, t TIMESTAMP", {"dateFormat": "dd/MM/yyyy", "timestampFormat": "dd/MM/yyyy HH:mm"}))


@case
def from_csv_timestamp_format_zone(spark):
    df = spark.createDataFrame([("2024-07-01 10:11 +0200",), ("2024-07-01 10:11 +0000",)], "s string")
    return df.select(F.from_csv("s", "t TIMESTAMP", {"timestampFormat": "yyyy-MM-dd HH:mm Z"}))


@case
def from_csv_default_dates(spark):
    df = spark.createDataFrame([("2024-01-05,2024-01-05 10:11:12,2024-01-05T10:11:12.5Z",), ("2024-1-5,2024-01-05,bad",)], "s string")
    return df.select(F.from_csv("s", "d DATE, t TIMESTAMP, u TIMESTAMP"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def from_csv_values_ansi_off(spark):
    return _lines(spark).select(F.from_csv("s", SCHEMA + ", _corrupt_record STRING"))


@case(conf={"spark.sql.ansi.enabled": "false"})
def to_csv_values_ansi_off(spark):
    df = _row(spark)
    return df.select(F.to_csv(F.struct(*df.columns)))


@case
def from_csv_to_csv_round_trip(spark):
    df = _lines(spark).select(F.from_csv("s", SCHEMA).alias("r"))
    return df.select(F.to_csv("r"))
