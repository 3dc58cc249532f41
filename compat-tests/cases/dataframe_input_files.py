"""DataFrame.inputFiles: the files the scans of a plan read, as absolute file:// URIs
(Spark lists them from a hash set: the cases sort them, and show them relative to the
directory they were written to so goldens do not depend on the checkout)."""

import os
import tempfile

from harness import case
from pyspark.sql import functions as F

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "csv")


def _relative(files, root):
    prefix = "file://" + os.path.abspath(root).replace(" ", "%20")
    return sorted(f[len(prefix):] if f.startswith(prefix) else f for f in files)


def _tree(root):
    for name, text in [("a.csv", "a,b\n1,x\n"), ("b.csv", "a,b\n2,y\n"), ("_SUCCESS", ""), (".a.csv.crc", "x")]:
        with open(os.path.join(root, name), "w") as f:
            f.write(text)


@case
def input_files_of_a_file(spark):
    path = os.path.join(FIXTURES, "mixed_people.csv")
    return _relative(spark.read.csv(path, header=True).inputFiles(), FIXTURES)


@case
def input_files_of_a_directory_skip_hidden_and_markers(spark):
    with tempfile.TemporaryDirectory(prefix="in files ") as root:
        _tree(root)
        return _relative(spark.read.csv(root, header=True).inputFiles(), root)


@case
def input_files_through_filter_and_select(spark):
    with tempfile.TemporaryDirectory() as root:
        _tree(root)
        df = spark.read.csv(root, header=True)
        return _relative(df.filter(F.col("a") > 1).select("b").inputFiles(), root)


@case
def input_files_of_a_union_deduplicated(spark):
    with tempfile.TemporaryDirectory() as root:
        _tree(root)
        df = spark.read.csv(root, header=True).select("a", "b")
        one = spark.read.csv(os.path.join(root, "a.csv"), header=True)
        return _relative(df.union(one).inputFiles(), root)


@case
def input_files_of_a_join(spark):
    with tempfile.TemporaryDirectory() as root:
        _tree(root)
        left = spark.read.csv(os.path.join(root, "a.csv"), header=True)
        right = spark.read.csv(os.path.join(root, "b.csv"), header=True)
        return _relative(left.crossJoin(right).inputFiles(), root)


@case
def input_files_of_range_and_local_data(spark):
    return [spark.range(3).inputFiles(), spark.createDataFrame([(1,)], "x int").inputFiles()]


@case
def input_files_of_a_glob(spark):
    with tempfile.TemporaryDirectory() as root:
        _tree(root)
        return _relative(spark.read.csv(os.path.join(root, "*.csv"), header=True).inputFiles(), root)


@case
def input_files_are_file_uris(spark):
    path = os.path.join(FIXTURES, "mixed_people.csv")
    return [f.startswith("file:///") for f in spark.read.csv(path, header=True).inputFiles()]
