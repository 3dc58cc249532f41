"""spark.read.csv in the parse modes over files of many lines (issue 10, "Streaming large
data"): reads that Spark's own tokenizer must do (a mode other than PERMISSIVE, a
corrupt-record column, ignoreLeadingWhiteSpace, emptyValue) run as a stream of line
batches, so these files span many batches, with malformed rows scattered through them,
`\\r\\n` line ends, a byte order mark, blank and comment lines, separator-like control
bytes in values, and a lone `\\r` (which Polars cannot cut as Spark does: read in memory)."""

from harness import case

from cases._json_helpers import failure
from cases._csv_helpers import csv_file

N = 60_000


def _lines(n=N, bad_every=997, end="\n"):
    """`i,name,amount` rows; every `bad_every`-th row malformed in turn: a value that is
    not a number, a missing field, an extra field, an amount that is not a double."""
    out = []
    for i in range(n):
        k = i // bad_every
        if i % bad_every == bad_every - 1:
            out.append([f"x{i},n{i},{i}.5", f"{i},n{i}", f"{i},n{i},1.5,extra", f"{i},n{i},abc"][k % 4])
        else:
            out.append(f"{i},n{i % 7},{i % 100}.25")
    return end.join(out) + end


SCHEMA = "i int, name string, amount double"
SCHEMA_CORRUPT = "i int, name string, amount double, _corrupt_record string"


def _summary(df):
    return df.groupBy("name").agg({"i": "count", "amount": "sum"}).orderBy("name")


@case
def dropmalformed_many_batches(spark):
    return _summary(spark.read.option("mode", "DROPMALFORMED").schema(SCHEMA).csv(csv_file(_lines())))


@case
def dropmalformed_many_batches_count(spark):
    df = spark.read.option("mode", "DROPMALFORMED").schema(SCHEMA).csv(csv_file(_lines()))
    return spark.createDataFrame([(df.count(),)], "n long")


@case
def permissive_corrupt_column_many_batches(spark):
    df = spark.read.schema(SCHEMA_CORRUPT).csv(csv_file(_lines()))
    return df.where("_corrupt_record IS NOT NULL").orderBy("_corrupt_record").limit(20)


@case
def permissive_corrupt_column_counts(spark):
    df = spark.read.schema(SCHEMA_CORRUPT).csv(csv_file(_lines()))
    return df.selectExpr("count(*) AS n", "count(_corrupt_record) AS corrupt", "count(i) AS i", "sum(amount) AS s")


@case
def failfast_malformed_row_late_in_the_file(spark):
    path = csv_file(_lines(bad_every=N - 5))
    return spark.createDataFrame(
        [(failure(lambda: spark.read.option("mode", "FAILFAST").schema(SCHEMA).csv(path).collect()),)], "condition string"
    )


@case
def failfast_count_sees_the_malformed_row(spark):
    path = csv_file(_lines(bad_every=N - 5))
    return spark.createDataFrame(
        [(failure(lambda: spark.read.option("mode", "FAILFAST").schema(SCHEMA).csv(path).count()),)], "condition string"
    )


@case
def failfast_clean_many_batches(spark):
    df = spark.read.option("mode", "FAILFAST").schema(SCHEMA).csv(csv_file(_lines(bad_every=N + 1)))
    return _summary(df)


@case
def dropmalformed_crlf_header_bom_blank_and_comment_lines(spark):
    body = _lines(n=20_000, end="\r\n").split("\r\n")
    for at in (5, 5000, 15000):
        body.insert(at, "")
        body.insert(at, "# a comment, with, commas")
        body.insert(at, "   ")
    text = "\ufeffi,name,amount\r\n" + "\r\n".join(body)
    df = spark.read.options(mode="DROPMALFORMED", header=True, comment="#").schema(SCHEMA).csv(csv_file(text))
    return _summary(df)


@case
def corrupt_column_keeps_quotes_and_control_bytes(spark):
    rows = [f'{i},"q{i}, \x1f{i}",{i}.5' if i % 3 else f'{i},"q\x1e{i}",{i}.5,x' for i in range(30_000)]
    df = spark.read.schema(SCHEMA_CORRUPT).csv(csv_file("\n".join(rows) + "\n"))
    return df.where("i % 1000 < 3").orderBy("i")


@case
def lone_carriage_returns_are_line_ends(spark):
    text = "1,a,1.5\r2,b,2.5\r\nx,c,3.5\n4,d\r5,e,5.5\n"
    return spark.read.schema(SCHEMA_CORRUPT).csv(csv_file(text))


@case
def header_line_ended_by_a_lone_carriage_return(spark):
    text = "i,name,amount\r1,a,1.5\n2,b\n3,c,3.5\n"
    return spark.read.options(mode="DROPMALFORMED", header=True).schema(SCHEMA).csv(csv_file(text))


@case
def ignore_whitespace_many_batches(spark):
    rows = [f"  {i} ,\t n{i % 5}  , {i % 10}.5 " for i in range(40_000)]
    df = spark.read.options(ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True).schema(SCHEMA).csv(csv_file("\n".join(rows)))
    return _summary(df)


@case
def empty_value_many_batches(spark):
    rows = [f'{i},"",{i}.5' if i % 2 else f"{i},,{i}.5" for i in range(40_000)]
    df = spark.read.options(emptyValue="EMPTY").schema(SCHEMA).csv(csv_file("\n".join(rows) + "\n"))
    return df.groupBy("name").count().orderBy("name")


@case
def dropmalformed_select_one_column(spark):
    df = spark.read.option("mode", "DROPMALFORMED").schema(SCHEMA).csv(csv_file(_lines()))
    return df.select("name").groupBy("name").count().orderBy("name")


@case
def dropmalformed_filter_on_a_column(spark):
    df = spark.read.option("mode", "DROPMALFORMED").schema(SCHEMA).csv(csv_file(_lines()))
    return df.where("i BETWEEN 990 AND 1000 OR i > 59990").orderBy("i")
