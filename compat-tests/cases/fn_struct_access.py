"""The names Spark gives struct field, map key and array index access through
`[]`, `getItem`, `getField`, attribute access, dotted names and SQL text; and the
set functions over -0.0, 0.0 and NaN."""

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F


def _df(spark):
    return spark.createDataFrame(
        [Row(id=1, st=Row(s=1, t="x", inner=Row(z=2.5)), m={"a": 1}, a=[1, 2, 3]), Row(id=2, st=None, m=None, a=None)],
        "id int, st struct<s:int,t:string,inner:struct<z:double>>, m map<string,int>, a array<int>",
    )


@case
def struct_field_forms(spark):
    st = F.col("st")
    return _df(spark).select("id", st["s"], st.getItem("t"), st.getField("s").alias("g"), st.inner, F.col("st.t")).orderBy("id")


@case
def struct_field_nested(spark):
    st = F.col("st")
    return _df(spark).select("id", st["inner"]["z"], st.inner.z, st.getItem("inner").getField("z").alias("g"), F.col("st.inner.z")).orderBy("id")


@case
def struct_field_inside_expressions(spark):
    st = F.col("st")
    return _df(spark).select("id", st["s"] + 1, F.upper(st["t"]), F.upper(F.col("st.t")), F.concat(st.t, st["t"])).orderBy("id")


@case
def struct_field_case_insensitive(spark):
    return _df(spark).select("id", F.col("st")["S"], F.col("ST.T")).orderBy("id")


@case
def map_and_array_item_forms(spark):
    return _df(spark).select("id", F.col("m")["a"], F.col("m").getItem("a"), F.col("a")[0], F.col("a").getItem(1), F.col("a")[1] + 1).orderBy("id")


@case
def access_in_sql(spark):
    return _df(spark).selectExpr("id", "st.s", "st['t']", "m['a']", "a[0]", "upper(st.t)", "st.s + 1", "m.a", "st.inner.z", "st['inner']['z']").orderBy("id")


@case
def access_in_expr(spark):
    return _df(spark).select("id", F.expr("st.s + 1"), F.expr("a[1] + 1"), F.expr("m['a'] + 1"), F.expr("st['s'] * 2")).orderBy("id")


@case
def access_in_aggregation(spark):
    return _df(spark).groupBy().agg(F.max(F.col("st")["s"]), F.sum(F.col("a")[0]), F.max(F.col("m")["a"]))


@case
def access_in_filter(spark):
    return _df(spark).where(F.col("st")["s"] == 1).select("id", F.col("st")["t"])


@case
def array_distinct_signed_zeros(spark):
    return spark.range(1).select(F.array_distinct(F.array(F.lit(-0.0), F.lit(0.0), F.lit(float("nan")), F.lit(float("nan")), F.lit(-0.0))))


@case
def array_distinct_float_zeros(spark):
    return spark.range(1).selectExpr("array_distinct(array(CAST(0.0 AS FLOAT), CAST(-0.0 AS FLOAT), CAST('NaN' AS FLOAT), CAST(1.5 AS FLOAT), CAST(0.0 AS FLOAT)))")


@case
def array_set_ops_signed_zeros(spark):
    return spark.range(1).selectExpr(
        "array_union(array(CAST('0.0' AS DOUBLE)), array(CAST('-0.0' AS DOUBLE)))",
        "array_intersect(array(CAST('0.0' AS DOUBLE), CAST('-0.0' AS DOUBLE)), array(CAST('-0.0' AS DOUBLE)))",
        "array_except(array(CAST('0.0' AS DOUBLE), CAST('-0.0' AS DOUBLE), CAST('NaN' AS DOUBLE)), array(CAST('-0.0' AS DOUBLE)))",
        "array_union(array(CAST('NaN' AS DOUBLE), CAST(1 AS DOUBLE)), array(CAST('NaN' AS DOUBLE), NULL))",
    )


@case
def array_distinct_doubles_column(spark):
    df = spark.createDataFrame([(1, [0.0, -0.0, 0.0, None, None]), (2, []), (3, None), (4, [1e308, -1e308, 1e308, float("inf")])], "id int, d array<double>")
    return df.select("id", F.array_distinct("d")).orderBy("id")
