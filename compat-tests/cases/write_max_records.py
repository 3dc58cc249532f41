"""df.write with maxRecordsPerFile: files cut at the limit and numbered c000, c001...
(per partition directory under partitionBy), for each text format and Parquet; 0 and
negative values mean no limit."""

from harness import case

from cases._write_helpers import fresh_path, observe


def _rows(spark):
    return spark.createDataFrame([(i, "k%d" % (i % 2), "v%d" % i) for i in range(5)], "id int, k string, s string")


@case
def csv_two_records_per_file(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", 2).csv(p)
    return observe(spark, p, "csv")


@case
def json_one_record_per_file(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", "1").json(p)
    return observe(spark, p, "json")


@case
def parquet_three_records_per_file(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", 3).parquet(p)
    return observe(spark, p, "parquet", text=False)


@case
def text_two_records_per_file(spark):
    p = fresh_path()
    _rows(spark).select("s").write.option("maxRecordsPerFile", 2).text(p)
    return observe(spark, p, "text")


@case
def csv_partitioned_two_records_per_file(spark):
    p = fresh_path()
    _rows(spark).write.partitionBy("k").option("maxRecordsPerFile", 2).csv(p)
    return observe(spark, p, "csv")


@case
def csv_limit_above_the_row_count(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", 100).csv(p)
    return observe(spark, p, "csv")


@case
def csv_limit_zero_is_no_limit(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", 0).csv(p)
    return observe(spark, p, "csv")


@case
def csv_limit_negative_is_no_limit(spark):
    p = fresh_path()
    _rows(spark).write.option("maxRecordsPerFile", -1).csv(p)
    return observe(spark, p, "csv")


@case
def json_limit_with_save_and_mode(spark):
    p = fresh_path()
    _rows(spark).write.format("json").mode("overwrite").option("maxRecordsPerFile", 4).save(p)
    return observe(spark, p, "json")
