"""get_json_object with wildcards (issue 9's functions): Spark's GetJsonObject follows
Hive's rules — `[*]` matching one element writes it bare and several as an array,
strings quoted inside arrays and raw at the top, `[*][*]` flattened, `[n]` before a
`[*]` quoting, `.*` and `['*']` parsed but never matching."""

from harness import case
from pyspark.sql import functions as F


def _docs(spark):
    rows = [
        ('{"a":[{"b":"x","c":1},{"b":"y"},{"c":[1,2]}],"n":[[1,2],[3],[]],"s":["p","q"],"o":{"k":"v","m":[{"z":null}]}}',),
        ('{"a":[{"b":"only"}],"n":[[[1],[2,3]],4],"s":["one"],"o":{"k":null}}',),
        ('{"a":[],"n":[],"s":[],"o":{}}',),
        ('[{"b":1},{"b":[true,false]},"str",null,2.50]',),
        ('{"a":{"b":1},"a":[{"b":2}]}',),
        ('not json',),
        (None,),
    ]
    return spark.createDataFrame(rows, "s string")


_PATHS = ["$.a[*].b", "$.a[*].c", "$.a[*]", "$.n[*]", "$.n[*][*]", "$.n[0][*]", "$.n[*][0]", "$.s[*]", "$.s[0]",
          "$[*]", "$[*].b", "$[*].b[*]", "$[*][*]", "$.o.m[*].z", "$.o.*", "$.*", "$['*']", "$.a['*']", "$.a[*].b[*]",
          "$.a[1].b", "$.n[*][*][*]"]


@case
def get_json_object_wildcard_paths(spark):
    df = _docs(spark)
    return df.select(*[F.get_json_object("s", p).alias(p) for p in _PATHS])


@case
def get_json_object_wildcards_in_sql(spark):
    return spark.sql("""SELECT get_json_object('{"a":[{"b":"x"},{"b":"y"}]}', '$.a[*].b') AS two,
                               get_json_object('{"a":[{"b":"x"},{"c":"y"}]}', '$.a[*].b') AS one,
                               get_json_object('[[1,[2]],[3]]', '$[*][*]') AS flat,
                               get_json_object('{"a":["\\u00e9\\n"]}', '$.a[*]') AS escaped""")


@case
def get_json_object_wildcard_over_values_that_are_not_arrays(spark):
    df = spark.createDataFrame([('{"a":{"b":1}}',), ('{"a":"text"}',), ('{"a":5}',), ('{"a":null}',)], "s string")
    return df.select(F.get_json_object("s", "$.a[*]").alias("w"), F.get_json_object("s", "$.a[*].b").alias("wb"),
                     F.get_json_object("s", "$.a[0]").alias("i"))
