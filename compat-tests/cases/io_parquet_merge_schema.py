"""Parquet's `mergeSchema` (the option, and `spark.sql.parquet.mergeSchema`): the
union of the files' schemas in listing order, columns by name, missing ones NULL,
decimals of one scale widened, structs merged member by member, partition columns
after; CANNOT_MERGE_SCHEMAS for types Spark does not merge (INT and BIGINT too).
Fixture files are written by pyarrow here (the same on both sides)."""

import decimal

import pyarrow as pa

from harness import case

from cases._io_failure import failure, tree

D = decimal.Decimal
MERGE = {"spark.sql.parquet.mergeSchema": "true"}


def _ints(*values):
    return pa.array(list(values), pa.int32())


def _two_files():
    return tree({
        "a.parquet": pa.table({"id": _ints(1, 2), "x": ["a", "b"]}),
        "b.parquet": pa.table({"id": _ints(3), "y": [1.5]}),
    })


@case(ordered=False)
def union_of_two_files(spark):
    return spark.read.option("mergeSchema", "true").parquet(_two_files())


@case(ordered=False)
def keyword_argument(spark):
    return spark.read.parquet(_two_files(), mergeSchema=True)


@case(ordered=False)
def off_reads_the_first_footer(spark):
    return spark.read.parquet(_two_files())


@case(ordered=False, conf=MERGE)
def session_setting(spark):
    return spark.read.parquet(_two_files())


@case(ordered=False, conf=MERGE)
def option_false_wins_over_the_setting(spark):
    return spark.read.option("mergeSchema", "false").parquet(_two_files())


@case(ordered=False)
def columns_in_listing_order(spark):
    # z.parquet is written first; a.parquet is listed first.
    d = tree({
        "z.parquet": pa.table({"id": _ints(1), "y": ["a"]}),
        "a.parquet": pa.table({"id": _ints(3), "x": [1.5]}),
    })
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def partition_directories(spark):
    d = tree({
        "k=2/a.parquet": pa.table({"id": _ints(1), "y": ["a"]}),
        "k=1/b.parquet": pa.table({"id": _ints(3), "x": [1.5]}),
    })
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def three_files_and_a_filter(spark):
    d = tree({
        "a.parquet": pa.table({"id": _ints(1, 2)}),
        "b.parquet": pa.table({"id": _ints(3), "name": ["c"]}),
        "c.parquet": pa.table({"score": [9.5, 7.0], "id": _ints(4, 5)}),
    })
    df = spark.read.option("mergeSchema", "true").parquet(d)
    return df.filter("name IS NULL").select("score", "id")


@case(ordered=False)
def decimals_of_one_scale_widen(spark):
    d = tree({
        "a.parquet": pa.table({"v": pa.array([D("1.50")], pa.decimal128(5, 2))}),
        "b.parquet": pa.table({"v": pa.array([D("12345.12")], pa.decimal128(7, 2))}),
    })
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def struct_members_merge(spark):
    d = tree({
        "a.parquet": pa.table({"s": pa.array([{"p": 1}, None], pa.struct([("p", pa.int32())]))}),
        "b.parquet": pa.table({"s": pa.array([{"q": "z", "p": 2}], pa.struct([("q", pa.string()), ("p", pa.int32())]))}),
    })
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def array_of_structs_merge(spark):
    t = pa.list_(pa.struct([("p", pa.int32())]))
    u = pa.list_(pa.struct([("p", pa.int32()), ("q", pa.string())]))
    d = tree({
        "a.parquet": pa.table({"l": pa.array([[{"p": 1}], None], t)}),
        "b.parquet": pa.table({"l": pa.array([[{"p": 2, "q": "w"}, None]], u)}),
    })
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def names_merge_case_insensitively(spark):
    d = tree({"a.parquet": pa.table({"ID": _ints(1)}), "b.parquet": pa.table({"id": _ints(2)})})
    return spark.read.option("mergeSchema", "true").parquet(d)


@case(ordered=False)
def given_schema_reads_no_footer(spark):
    return spark.read.option("mergeSchema", "true").schema("id int, y double, z string").parquet(_two_files())


@case
def int_and_bigint_do_not_merge(spark):
    d = tree({"a.parquet": pa.table({"id": _ints(1)}), "b.parquet": pa.table({"id": pa.array([3], pa.int64())})})
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case
def int_and_string_do_not_merge(spark):
    d = tree({"a.parquet": pa.table({"id": _ints(1)}), "b.parquet": pa.table({"id": ["x"]})})
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case
def float_and_double_do_not_merge(spark):
    d = tree({"a.parquet": pa.table({"v": pa.array([1.0], pa.float32())}), "b.parquet": pa.table({"v": [2.0]})})
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case
def decimals_of_other_scales_do_not_merge(spark):
    d = tree({
        "a.parquet": pa.table({"v": pa.array([D("1.5")], pa.decimal128(5, 1))}),
        "b.parquet": pa.table({"v": pa.array([D("1.50")], pa.decimal128(5, 2))}),
    })
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case
def struct_member_conflict(spark):
    d = tree({
        "a.parquet": pa.table({"s": pa.array([{"p": 1}], pa.struct([("p", pa.int32())]))}),
        "b.parquet": pa.table({"s": pa.array([{"p": "z"}], pa.struct([("p", pa.string())]))}),
    })
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case
def error_names_the_schema_merged_so_far(spark):
    d = tree({
        "a.parquet": pa.table({"a": [1], "s": pa.array([{"p": 1}], pa.struct([("p", pa.int32())]))}),
        "b.parquet": pa.table({"s": pa.array([{"p": 2, "q": 3}], pa.struct([("p", pa.int32()), ("q", pa.int64())]))}),
        "c.parquet": pa.table({"a": ["x"]}),
    })
    return failure(lambda: spark.read.option("mergeSchema", "true").parquet(d), d)


@case(conf=MERGE)
def session_setting_refuses_too(spark):
    d = tree({"a.parquet": pa.table({"id": _ints(1)}), "b.parquet": pa.table({"id": pa.array([3], pa.int64())})})
    return failure(lambda: spark.read.parquet(d), d)


@case
def not_a_boolean(spark):
    return spark.read.option("mergeSchema", "maybe").parquet(_two_files())
