"""select, selectExpr, withColumn(s), renames, drop, toDF, alias, column access."""

from harness import case
from pyspark.sql import functions as F

from ._data import numbers, people


@case
def select_names(spark):
    return people(spark).select("name", "age")


@case
def select_columns_and_exprs(spark):
    df = people(spark)
    return df.select(df.id, df["name"], F.col("age") + 1, (F.col("salary") * 2).alias("double_pay"))


@case
def select_star(spark):
    return people(spark).select("*")


@case
def select_list_argument(spark):
    return people(spark).select(["id", "city"])


@case
def select_case_insensitive(spark):
    return people(spark).select("NAME", F.col("Age"))


@case
def select_case_sensitive_fails(spark):
    spark.conf.set("spark.sql.caseSensitive", "true")
    try:
        return people(spark).select("NAME")
    finally:
        spark.conf.unset("spark.sql.caseSensitive")


@case
def select_unknown_column(spark):
    return people(spark).select("nmae")


@case
def select_unknown_in_expression(spark):
    return people(spark).select(F.col("salary") + F.col("bonus"))


@case
def select_literals(spark):
    return people(spark).select(F.lit(1), F.lit("x"), F.lit(2.5), F.lit(True), F.lit(None), F.lit(10000000000))


@case
def select_expr_strings(spark):
    return people(spark).selectExpr("id", "age + 1", "upper(name) AS n", "salary / 2")


@case
def select_expr_star(spark):
    return people(spark).selectExpr("*", "id * 10 AS id10")


@case
def select_expr_parse_error(spark):
    return people(spark).selectExpr("id +")


@case
def select_expr_case_when(spark):
    return people(spark).selectExpr("CASE WHEN age > 30 THEN 'old' ELSE 'young' END")


@case
def with_column_new(spark):
    return people(spark).withColumn("age2", F.col("age") * 2)


@case
def with_column_replace(spark):
    return people(spark).withColumn("age", F.col("age") + 100)


@case
def with_column_replace_case_insensitive(spark):
    return people(spark).withColumn("AGE", F.lit(0))


@case
def with_column_literal(spark):
    return people(spark).withColumn("one", F.lit(1))


@case
def with_column_not_column_fails(spark):
    return people(spark).withColumn("x", 1)


@case
def with_columns_dict(spark):
    return people(spark).withColumns({"a": F.col("id") + 1, "b": F.lit("z")})


@case
def with_column_renamed(spark):
    return people(spark).withColumnRenamed("name", "full_name")


@case
def with_column_renamed_missing_is_noop(spark):
    return people(spark).withColumnRenamed("nope", "x")


@case
def with_columns_renamed(spark):
    return people(spark).withColumnsRenamed({"id": "key", "city": "town"})


@case
def drop_columns(spark):
    return people(spark).drop("age", "salary")


@case
def drop_missing_is_noop(spark):
    return people(spark).drop("nope")


@case
def drop_by_column(spark):
    df = people(spark)
    return df.drop(df.city)


@case
def to_df_renames(spark):
    return numbers(spark).toDF("a", "b", "c")


@case
def to_df_wrong_count(spark):
    return numbers(spark).toDF("a")


@case
def alias_qualified_select(spark):
    return people(spark).alias("p").select("p.name", F.col("p.age"))


@case
def getattr_column(spark):
    df = people(spark)
    return df.select(df.name)


@case
def getitem_int(spark):
    df = people(spark)
    return df.select(df[1])


@case
def getattr_missing_fails(spark):
    return people(spark).nope


@case
def columns_property(spark):
    return people(spark).columns


@case
def dtypes_property(spark):
    return people(spark).dtypes


@case
def schema_simple_string(spark):
    return people(spark).schema.simpleString()


@case
def schema_repr(spark):
    return repr(people(spark).schema)


@case
def print_schema(spark):
    people(spark).printSchema()
    return None


@case
def print_schema_nested(spark):
    df = spark.createDataFrame([(1, [1, 2], {"a": "b"}, (1, "x"))], "id long, arr array<int>, m map<string,string>, s struct<a:int,b:string>")
    df.printSchema()
    return df


@case
def dataframe_repr(spark):
    return repr(people(spark))


@case
def select_duplicate_names(spark):
    df = people(spark)
    return df.select("id", "id", F.col("name").alias("id"))


@case
def select_nested_field(spark):
    df = spark.createDataFrame([(1, (2, "x"))], "id int, s struct<a:int,b:string>")
    return df.select("s.a", F.col("s").getField("b"), df.s.a)


@case
def select_array_item(spark):
    df = spark.createDataFrame([([1, 2, 3],)], "arr array<int>")
    return df.select(F.col("arr").getItem(0), F.col("arr")[2])


@case
def get_item_on_int_fails(spark):
    return people(spark).select(F.col("id").getItem(0))


@case
def getitem_brackets_struct_and_array(spark):
    df = spark.createDataFrame([((1, "x"), [5, 6])], "s struct<a:int,b:string>, arr array<int>")
    return df.select(df.s["b"], F.col("arr")[1], F.col("arr")[7])


@case
def getitem_brackets_repr(spark):
    return [repr(F.col("s")["b"]), repr(F.col("arr")[1]), repr(F.col("s").getField("b")), repr(F.col("arr").getItem(0))]


@case
def limit_negative_fails(spark):
    return people(spark).limit(-1)


@case
def transform_chains(spark):
    def add_one(df, col):
        return df.withColumn(col, F.col(col) + 1)

    return people(spark).select("id").transform(add_one, "id").orderBy("id")


@case
def getitem_in_range(spark):
    df = spark.createDataFrame([([5, 6],), (None,)], "arr array<int>")
    return df.select(F.col("arr")[1], F.col("arr").getItem(0))


@case(conf={"spark.sql.ansi.enabled": "false"})
def getitem_out_of_range_legacy(spark):
    df = spark.createDataFrame([([5, 6],)], "arr array<int>")
    return df.select(F.col("arr")[7], F.col("arr")[-1])


@case
def map_lookup(spark):
    df = spark.createDataFrame([({"a": 1, "b": 2},), ({},), (None,)], "m map<string,int>")
    return df.select(F.col("m")["a"], F.col("m").getItem("b"), F.col("m")["zz"])


@case(conf={"spark.sql.ansi.enabled": "false"})
def map_lookup_legacy(spark):
    df = spark.createDataFrame([({"a": 1},)], "m map<string,int>")
    return df.select(F.col("m")["a"], F.col("m")["zz"])


@case
def map_lookup_int_keys(spark):
    df = spark.createDataFrame([({1: "x", 2: "y"}, 2)], "m map<int,string>, k int")
    return df.select(F.col("m")[1], F.col("m")[F.col("k")])
