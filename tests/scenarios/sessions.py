"""SparkSession.newSession, getActiveSession, active and builder.getOrCreate."""


def run():
    from pyspark.sql import SparkSession

    out = {}

    def error(fn):
        try:
            fn()
        except Exception as e:
            return [type(e).__name__, getattr(e, "getCondition", lambda: None)(), str(e)]
        return None

    out["active_before_any"] = SparkSession.getActiveSession() is None
    out["active_error_before_any"] = error(SparkSession.active)
    spark = builder.getOrCreate()
    out["active_is_built"] = SparkSession.getActiveSession() is spark
    out["active_call_is_built"] = SparkSession.active() is spark
    n = spark.newSession()
    out["new_is_other"] = n is not spark
    out["active_after_newSession"] = SparkSession.getActiveSession() is spark
    spark.range(2).createOrReplaceTempView("only_in_first")
    n.range(3).createOrReplaceTempView("only_in_new")
    out["views_first"] = sorted(t.name for t in spark.catalog.listTables())
    out["views_new"] = sorted(t.name for t in n.catalog.listTables())
    out["new_reads_first_view"] = error(lambda: n.table("only_in_first").collect())
    n.conf.set("spark.sql.ansi.enabled", "false")
    out["ansi_first_new"] = [spark.conf.get("spark.sql.ansi.enabled"), n.conf.get("spark.sql.ansi.enabled")]
    out["new_inherits_builder_conf"] = [n.conf.get("spark.sql.session.timeZone"),
                                        n.conf.get("spark.sql.shuffle.partitions")]
    spark.conf.set("spark.sql.session.timeZone", "America/New_York")
    out["set_conf_not_inherited"] = spark.newSession().conf.get("spark.sql.session.timeZone")
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    n.createDataFrame([(1,)], ["x"])
    out["active_after_new_creates_df"] = SparkSession.getActiveSession() is n
    out["active_call_after_new_creates_df"] = SparkSession.active() is n
    s2 = SparkSession.builder.config("spark.sql.shuffle.partitions", "7").getOrCreate()
    out["getOrCreate_returns_default"] = s2 is spark
    out["getOrCreate_applies_conf"] = [spark.conf.get("spark.sql.shuffle.partitions"),
                                       n.conf.get("spark.sql.shuffle.partitions")]
    out["active_after_getOrCreate"] = SparkSession.getActiveSession() is n
    out["getAll_is_property"] = type(spark.conf.getAll).__name__
    out["getAll_has_set_key"] = spark.conf.getAll.get("spark.sql.shuffle.partitions")
    spark.stop()
    out["active_after_stop"] = SparkSession.getActiveSession() is None
    out["active_error_after_stop"] = error(SparkSession.active)
    s3 = builder.getOrCreate()
    out["fresh_after_stop"] = s3 is not spark
    out["fresh_has_no_views"] = sorted(t.name for t in s3.catalog.listTables())
    s3.stop()
    return out
