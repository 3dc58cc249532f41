"""df.mergeInto(table, condition) (MergeIntoWriter) on PySpark Classic's session catalog:
the builder is accepted in full; merge() checks there is an action, finds the table,
resolves the condition and each action where Spark's analyzer does, then refuses a
file-source table or a temporary view (UnsupportedOperationException, "MERGE INTO TABLE
is not supported temporarily.")."""

from harness import case
from pyspark.sql import functions as F

from cases._tables_helpers import database


def _target(spark, db):
    spark.createDataFrame([(1, 2), (2, 3), (None, 4)], "c1 int, c2 int").write.saveAsTable(f"{db}.tgt")


def _source(spark):
    return spark.createDataFrame([(1, 20), (5, 50)], "k int, v int")


def _merge(spark, db, build):
    """Runs `build(writer)` then merge() into a table of database `db`."""
    _target(spark, db)
    src = _source(spark)
    build(src.mergeInto(f"{db}.tgt", F.col("c1") == src.k)).merge()


@case
def merge_into_builder_types(spark):
    src = _source(spark)
    w = src.mergeInto("t", F.col("c1") == src.k)
    return [type(w).__name__, type(w.whenMatched()).__name__, type(w.whenNotMatched(F.col("k") > 1)).__name__,
            type(w.whenNotMatchedBySource()).__name__, type(w.withSchemaEvolution()).__name__,
            type(w.whenMatched().delete()).__name__, type(w.whenNotMatched().insertAll()).__name__]


@case
def merge_into_without_action(spark):
    with database(spark, "mi_a"):
        return _merge(spark, "mi_a", lambda w: w)


@case
def merge_into_without_action_missing_table(spark):
    src = _source(spark)
    src.mergeInto("mi_nosuch.tgt", F.col("c1") == src.k).merge()


@case
def merge_into_missing_table(spark):
    src = _source(spark)
    src.mergeInto("mi_nosuch_table", F.col("c1") == src.k).whenMatched().delete().merge()


@case
def merge_into_matched_delete(spark):
    with database(spark, "mi_b"):
        return _merge(spark, "mi_b", lambda w: w.whenMatched().delete())


@case
def merge_into_update_all_insert_all_same_names(spark):
    with database(spark, "mi_c"):
        _target(spark, "mi_c")
        src = spark.createDataFrame([(1, 20), (5, 50)], "c1 int, c2 int")
        src.mergeInto("mi_c.tgt", F.col("tgt.c1") == src.c1).whenMatched().updateAll().whenNotMatched().insertAll().merge()


@case
def merge_into_update_with_condition(spark):
    with database(spark, "mi_d"):
        return _merge(spark, "mi_d", lambda w: w.whenMatched(F.col("v") > 1).update({"c2": F.col("v") + 1}))


@case
def merge_into_insert_values(spark):
    with database(spark, "mi_e"):
        return _merge(spark, "mi_e", lambda w: w.whenNotMatched().insert({"c1": F.col("k"), "c2": F.lit(0)}))


@case
def merge_into_not_matched_by_source_delete(spark):
    with database(spark, "mi_f"):
        return _merge(spark, "mi_f", lambda w: w.whenNotMatchedBySource(F.col("c2") > 1).delete().withSchemaEvolution())


@case
def merge_into_every_clause(spark):
    with database(spark, "mi_g"):
        return _merge(spark, "mi_g", lambda w: w.whenMatched(F.col("v") > 100).delete().whenMatched().update({"c2": F.col("v")})
                      .whenNotMatched().insert({"c1": F.col("k"), "c2": F.col("v")}).whenNotMatchedBySource().update({"c2": F.lit(-1)}))


@case
def merge_into_temp_view(spark):
    spark.createDataFrame([(1, 2)], "c1 int, c2 int").createOrReplaceTempView("mi_view")
    src = _source(spark)
    try:
        src.mergeInto("mi_view", F.col("c1") == src.k).whenMatched().delete().merge()
    finally:
        spark.catalog.dropTempView("mi_view")


@case
def merge_into_condition_unresolved(spark):
    with database(spark, "mi_h"):
        _target(spark, "mi_h")
        src = _source(spark)
        src.mergeInto("mi_h.tgt", F.col("zz") == src.k).whenMatched().delete().merge()


@case
def merge_into_insert_value_reads_the_target(spark):
    with database(spark, "mi_i"):
        return _merge(spark, "mi_i", lambda w: w.whenNotMatched().insert({"c1": F.col("c2")}))


@case
def merge_into_insert_unknown_target_column(spark):
    with database(spark, "mi_j"):
        return _merge(spark, "mi_j", lambda w: w.whenNotMatched().insert({"zz": F.col("k")}))


@case
def merge_into_insert_all_missing_source_column(spark):
    with database(spark, "mi_k"):
        return _merge(spark, "mi_k", lambda w: w.whenNotMatched().insertAll())


@case
def merge_into_not_matched_by_source_reads_the_source(spark):
    with database(spark, "mi_l"):
        return _merge(spark, "mi_l", lambda w: w.whenNotMatchedBySource().update({"c2": F.col("k")}))


@case
def merge_into_update_not_a_dict(spark):
    src = _source(spark)
    src.mergeInto("t", F.col("c1") == src.k).whenMatched().update("x")
