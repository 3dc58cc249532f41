"""json_tuple (issue 7): Spark's JsonTuple generator. One row per input row, a STRING
column per requested field (`c0`, `c1`...): a string value as its raw text, any other
value as Jackson writes it, NULL for a missing field, a JSON null, text that is not a
JSON object, or a NULL input. Only STRING arguments (no casts, NULL refused)."""

from harness import case
from pyspark.sql import functions as F

from ._fn_aggregate_data import TYPED_COLUMNS, _condition, typed


def _docs(spark):
    rows = [
        ("1", '{"a": 1, "b": "x", "c": [1,2.50], "d": null, "a": 7}'),
        ("2", "nope"),
        ("3", None),
        ("4", "[1,2]"),
        ("5", '{"b": {"z": 1e10, "y": true}} junk'),
        ("6", '{"a": "😀\\u00e9\\n", "b": ""}'),
        ("7", ""),
        ("8", '{"a": null, "b": -0.0, "c": {}, "d": [], "": "empty key"}'),
        ("9", '{"a": 1,'),
        ("10", '{"a":"x\ty", "b": 1234567890123456789}'),
        ("11", '"just a string"'),
        ("12", '{"a": 1, "a": null}'),
    ]
    return spark.createDataFrame(rows, "k string, j string")


@case
def json_tuple_values(spark):
    return _docs(spark).select("k", F.json_tuple("j", "a", "b", "c", "d", "a"))


@case
def json_tuple_integer_beyond_64_bits(spark):
    df = spark.createDataFrame([('{"a": 123456789012345678901234567890}',)], "j string")
    return df.select(F.json_tuple("j", "a"))


@case
def json_tuple_one_field(spark):
    return _docs(spark).select(F.json_tuple("j", "b"), "k")


@case
def json_tuple_empty_and_unicode_keys(spark):
    df = spark.createDataFrame([('{"": 1, "😀": "emoji", "é": 2}',), ('{}',)], "j string")
    return df.select(F.json_tuple("j", "", "😀", "é", "missing"))


@case
def json_tuple_aliases(spark):
    return _docs(spark).select(F.json_tuple("j", "a", "b").alias("x", "y"), "k")


@case
def json_tuple_alias_count_mismatch(spark):
    return _docs(spark).select(F.json_tuple("j", "a", "b").alias("x"))


@case
def json_tuple_with_column(spark):
    return _docs(spark).withColumn("z", F.json_tuple("j", "a"))


@case
def json_tuple_no_fields(spark):
    return F.json_tuple("j")


@case
def json_tuple_sql(spark):
    return _docs(spark).selectExpr("k", "json_tuple(j, 'a', 'c')")


@case
def json_tuple_sql_field_from_column(spark):
    return _docs(spark).selectExpr("json_tuple(j, 'a', k)")


@case
def json_tuple_sql_wrong_arity(spark):
    return _docs(spark).selectExpr("json_tuple(j)")


@case
def json_tuple_sql_int_field(spark):
    return _docs(spark).selectExpr("json_tuple(j, 1)")


@case
def json_tuple_sql_null_field(spark):
    return _docs(spark).selectExpr("json_tuple(j, null, 'a')")


@case
def json_tuple_null_literal(spark):
    return spark.range(1).select(F.json_tuple(F.lit(None), "a"))


@case
def json_tuple_nested_in_expression(spark):
    return _docs(spark).select(F.upper(F.json_tuple("j", "a")))


@case
def json_tuple_in_filter(spark):
    return _docs(spark).where(F.json_tuple("j", "a").isNull())


@case
def json_tuple_two_generators(spark):
    return _docs(spark).select(F.json_tuple("j", "a"), F.json_tuple("j", "b"))


@case
def json_tuple_signature_matrix(spark):
    """json_tuple over a column of every type: STRING only, no implicit casts."""
    df = typed(spark)
    out = []
    for c in [c for c in TYPED_COLUMNS if c != "n"]:
        try:
            r = df.select(F.json_tuple(c, "a"))
            out.append([c, [[f.name, f.dataType.simpleString(), f.nullable] for f in r.schema.fields], [tuple(x) for x in r.collect()]])
        except Exception as e:
            out.append([c, type(e).__name__, _condition(e)])
    return out
