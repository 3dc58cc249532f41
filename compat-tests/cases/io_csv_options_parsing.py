"""spark.read.csv's parsing options (issue 10): enforceSchema=false (each file's header
checked against the schema), maxColumns and maxCharsPerColumn (a record beyond them
fails the read in every mode), unescapedQuoteHandling (univocity's five ways with a
quote inside a value) and charToEscapeQuoteEscaping."""

import os
import tempfile

from harness import case

from cases._csv_helpers import csv_file
from cases._json_helpers import failure

HEADER = "a,b\n1,2\n"


def _checked(spark, schema, text=HEADER, **options):
    reader = spark.read.option("header", True).option("enforceSchema", False).options(**options)
    if schema is not None:
        reader = reader.schema(schema)
    return reader.csv(csv_file(text))


# --- enforceSchema -----------------------------------------------------------------------------


@case
def enforce_schema_false_header_matches(spark):
    return _checked(spark, "a int, b int")


@case
def enforce_schema_false_header_matches_ignoring_case(spark):
    return _checked(spark, "A int, b int")


@case(conf={"spark.sql.caseSensitive": "true"})
def enforce_schema_false_case_sensitive(spark):
    return failure(lambda: _checked(spark, "A int, b int").collect())


@case
def enforce_schema_false_wrong_name(spark):
    return failure(lambda: _checked(spark, "a int, c int").collect())


@case
def enforce_schema_false_wrong_name_schema_still_given(spark):
    return _checked(spark, "a int, c int").schema.simpleString()


@case
def enforce_schema_false_fewer_fields(spark):
    return failure(lambda: _checked(spark, "a int").collect())


@case
def enforce_schema_false_more_fields(spark):
    return failure(lambda: _checked(spark, "a int, b int, c int").collect())


@case
def enforce_schema_true_ignores_names(spark):
    return spark.read.option("header", True).schema("x int, y int").csv(csv_file(HEADER))


@case
def enforce_schema_false_without_header(spark):
    return spark.read.option("enforceSchema", False).schema("x int, y int").csv(csv_file(HEADER))


@case
def enforce_schema_false_inferred_names(spark):
    return _checked(spark, None, inferSchema=True)


@case
def enforce_schema_false_inferred_duplicate_names(spark):
    return failure(lambda: _checked(spark, None, "a,a\n1,2\n").collect())


@case
def enforce_schema_false_inferred_empty_name(spark):
    return failure(lambda: _checked(spark, None, "a,\n1,2\n").collect())


@case
def enforce_schema_false_null_value_name(spark):
    return failure(lambda: _checked(spark, None, "a,NA\n1,2\n", nullValue="NA").collect())


@case
def enforce_schema_false_corrupt_record_column(spark):
    return _checked(spark, "a int, _corrupt_record string, b int", "a,b\n1,2\nx,3\n")


@case
def enforce_schema_false_quoted_names(spark):
    return _checked(spark, "a int, `b c` int", 'a,"b c"\n1,2\n')


@case
def enforce_schema_false_spaces_in_names(spark):
    return failure(lambda: _checked(spark, "a int, b int", 'a, "b"\n1,2\n').collect())


@case
def enforce_schema_false_multiline(spark):
    return failure(lambda: _checked(spark, "a int, c int", multiLine=True).collect())


@case
def enforce_schema_false_multiline_matches(spark):
    return _checked(spark, "a int, b string", 'a,b\n1,"x\ny"\n', multiLine=True)


@case
def enforce_schema_false_second_file_differs(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-")
    for name, text in {"1.csv": HEADER, "2.csv": "a,c\n3,4\n"}.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    reader = spark.read.option("header", True).option("enforceSchema", False).schema("a int, b int")
    return failure(lambda: reader.csv(d).collect())


@case
def enforce_schema_false_every_file_matches(spark):
    d = tempfile.mkdtemp(prefix="pyrust-csv-")
    for name, text in {"1.csv": HEADER, "2.csv": "A,B\n3,4\n"}.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return spark.read.option("header", True).option("enforceSchema", False).schema("a int, b int").csv(d).orderBy("a")


@case
def enforce_schema_false_dropmalformed_still_checks(spark):
    return failure(lambda: _checked(spark, "a int, c int", mode="DROPMALFORMED").collect())


@case
def enforce_schema_false_filter(spark):
    return _checked(spark, "a int, b int", "a,b\n1,2\n3,4\n").where("a > 1")
