"""Partition discovery on read (CSV, JSON, text, Parquet): `key=value` directories as
columns with Spark's type inference, `__HIVE_DEFAULT_PARTITION__` as NULL, `%XX`
escapes, files outside partition directories, `basePath`, `recursiveFileLookup`,
`pathGlobFilter`, conflicting layouts. Fixture trees are checked in under
fixtures/partitioned."""

import os
import tempfile

from harness import case

TREES = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "partitioned"))
SALES = os.path.join(TREES, "csv_sales")
NO_INFERENCE = {"spark.sql.sources.partitionColumnTypeInference.enabled": "false"}


def _tree(name: str) -> str:
    return os.path.join(TREES, name)


@case(ordered=False)
def csv_two_levels_inferred(spark):
    return spark.read.csv(SALES, header=True, inferSchema=True)


@case(ordered=False)
def csv_two_levels_strings(spark):
    return spark.read.csv(SALES, header=True)


@case(ordered=False, conf=NO_INFERENCE)
def csv_partition_type_inference_off(spark):
    return spark.read.csv(SALES, header=True, inferSchema=True)


@case(ordered=False)
def csv_given_schema_gets_partition_columns(spark):
    return spark.read.csv(SALES, header=True, schema="id int, amount double")


@case(ordered=False)
def csv_given_schema_types_a_partition_column(spark):
    return spark.read.csv(SALES, header=True, schema="id int, year string, amount string")


@case(ordered=False)
def csv_given_schema_partition_column_as_date(spark):
    return spark.read.csv(SALES, header=True, schema="year date, id long")


@case(ordered=False)
def csv_filter_on_partition_column(spark):
    df = spark.read.csv(SALES, header=True, inferSchema=True)
    return df.filter("year = 2023 AND region IS NOT NULL").select("id", "region")


@case(ordered=False)
def csv_null_partition_is_null(spark):
    df = spark.read.csv(SALES, header=True)
    return df.filter(df.region.isNull()).select("id", "year", "region")


@case
def csv_partition_group_by(spark):
    df = spark.read.csv(SALES, header=True, inferSchema=True)
    return df.groupBy("year").count().orderBy("year")


@case(ordered=False)
def csv_one_partition_directory(spark):
    return spark.read.csv(os.path.join(SALES, "year=2023"), header=True)


@case(ordered=False)
def csv_one_partition_directory_with_base_path(spark):
    return spark.read.option("basePath", SALES).csv(os.path.join(SALES, "year=2023"), header=True)


@case(ordered=False)
def csv_two_partition_directories_with_base_path(spark):
    return spark.read.option("basePath", SALES).csv([os.path.join(SALES, "year=2023", "region=us"), os.path.join(SALES, "year=2024")], header=True)


@case
def csv_base_path_not_above(spark):
    return spark.read.option("basePath", os.path.join(SALES, "year=2023")).csv(SALES, header=True)


@case
def csv_base_path_missing(spark):
    return spark.read.option("basePath", os.path.join(SALES, "nosuch")).csv(SALES, header=True)


@case
def csv_base_path_a_file(spark):
    f = os.path.join(SALES, "year=2023", "region=us", "part-00000.csv")
    return spark.read.option("basePath", f).csv(f, header=True)


@case(ordered=False)
def csv_recursive_file_lookup(spark):
    return spark.read.option("recursiveFileLookup", "true").csv(SALES, header=True)


@case
def csv_recursive_file_lookup_not_boolean(spark):
    return spark.read.option("recursiveFileLookup", "maybe").csv(SALES, header=True)


@case(ordered=False)
def csv_glob_over_partition_directories(spark):
    return spark.read.csv(os.path.join(SALES, "year=2023", "region=*"), header=True)


@case(ordered=False)
def csv_glob_over_files_in_a_partition(spark):
    return spark.read.csv(os.path.join(SALES, "year=2023", "region=eu", "*.csv"), header=True)


@case
def csv_glob_over_top_partitions_conflicts(spark):
    return spark.read.csv(os.path.join(SALES, "year=*"), header=True)


@case(ordered=False)
def csv_glob_over_top_partitions_with_base_path(spark):
    return spark.read.option("basePath", SALES).csv(os.path.join(SALES, "year=*"), header=True)


@case(ordered=False)
def csv_value_types_inferred(spark):
    return spark.read.csv(_tree("csv_types"), header=True)


@case(ordered=False, conf=NO_INFERENCE)
def csv_value_types_inference_off(spark):
    return spark.read.csv(_tree("csv_types"), header=True)


@case(ordered=False)
def csv_partition_column_also_in_the_file(spark):
    return spark.read.csv(_tree("csv_overlap"), header=True, inferSchema=True)


@case(ordered=False)
def csv_files_beside_partitions_are_left_out(spark):
    return spark.read.csv(_tree("csv_mixed"), header=True)


@case(ordered=False)
def csv_plain_sub_directories_are_left_out(spark):
    return spark.read.csv(_tree("csv_flat"), header=True)


@case(ordered=False)
def csv_path_glob_filter(spark):
    return spark.read.option("pathGlobFilter", "*.csv").csv(_tree("csv_flat"), header=True)


@case(ordered=False)
def csv_path_glob_filter_question_mark(spark):
    return spark.read.option("pathGlobFilter", "?.txt").csv(_tree("csv_flat"), header=True)


@case(ordered=False)
def csv_path_glob_filter_recursive(spark):
    return spark.read.option("pathGlobFilter", "*.csv").option("recursiveFileLookup", True).csv(_tree("csv_flat"), header=True)


@case(ordered=False)
def csv_path_glob_filter_on_partitions(spark):
    return spark.read.option("pathGlobFilter", "part-*").csv(SALES, header=True).select("id", "year")


@case
def csv_conflicting_partition_names(spark):
    return spark.read.csv(_tree("csv_conflict_names"), header=True)


@case
def csv_conflicting_directory_structures(spark):
    return spark.read.csv(_tree("csv_conflict_dirs"), header=True)


@case(ordered=False)
def csv_plain_directory_inside_a_partition(spark):
    return spark.read.csv(_tree("csv_deep"), header=True)


@case(ordered=False)
def csv_sql_over_partitioned_read(spark):
    spark.read.csv(SALES, header=True, inferSchema=True).createOrReplaceTempView("sales_parts")
    return spark.sql("SELECT region, sum(amount) AS total FROM sales_parts GROUP BY region")


@case(ordered=False)
def json_partitioned(spark):
    return spark.read.json(_tree("json_events"))


@case(ordered=False)
def json_partitioned_given_schema(spark):
    return spark.read.json(_tree("json_events"), schema="id long, user string")


@case(ordered=False)
def json_partitioned_one_directory(spark):
    return spark.read.json(os.path.join(_tree("json_events"), "day=2024-01-01"))


@case(ordered=False)
def json_partitioned_recursive(spark):
    return spark.read.option("recursiveFileLookup", "true").json(_tree("json_events"))


@case(ordered=False)
def text_partitioned(spark):
    return spark.read.text(_tree("text_logs"))


@case(ordered=False)
def text_partitioned_wholetext(spark):
    return spark.read.text(_tree("text_logs"), wholetext=True)


@case(ordered=False)
def text_partitioned_base_path(spark):
    return spark.read.option("basePath", _tree("text_logs")).text(os.path.join(_tree("text_logs"), "level=warn"))


def _written(spark, fmt: str):
    out = os.path.join(tempfile.mkdtemp(prefix="pyrust-parts-"), "out")
    df = spark.createDataFrame(
        [(1, "a", "2024-01-01", None), (2, "b", "2024-01-02", 3), (3, None, "2024-01-01", 3)],
        "id int, s string, d string, n int",
    )
    df.write.format(fmt).partitionBy("d", "n").save(out)
    return out


@case(ordered=False)
def csv_written_partitioned_read_back(spark):
    return spark.read.csv(_written(spark, "csv"))


@case(ordered=False)
def json_written_partitioned_read_back(spark):
    return spark.read.json(_written(spark, "json"))


@case(ordered=False)
def parquet_written_partitioned_read_back(spark):
    return spark.read.parquet(_written(spark, "parquet"))


@case(ordered=False)
def parquet_written_partitioned_base_path(spark):
    out = _written(spark, "parquet")
    return spark.read.option("basePath", out).parquet(os.path.join(out, "d=2024-01-01"))


@case(ordered=False)
def parquet_written_partitioned_recursive(spark):
    return spark.read.option("recursiveFileLookup", "true").parquet(_written(spark, "parquet"))
