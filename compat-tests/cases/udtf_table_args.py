"""Python UDTFs over a TABLE argument: SQL's ``f(TABLE(t))`` with ``PARTITION BY`` /
``ORDER BY`` / ``WITH SINGLE PARTITION``, the DataFrame form ``f(df.asTable())`` with
``partitionBy`` / ``orderBy`` / ``withSinglePartition``, a static ``analyze`` that sees
the table's schema and asks for partitioning, ordering and a projection, ``terminate``
once per partition, ``SkipRestOfInputTableException``."""

from dataclasses import dataclass

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import lit, udtf
from pyspark.sql.types import IntegerType, LongType, StringType, StructType
from pyspark.sql.udtf import (AnalyzeArgument, AnalyzeResult, OrderingColumn, PartitioningColumn, SelectedColumn,
                              SkipRestOfInputTableException)


def _table(spark, name):
    rows = [(1, "a", 10), (1, "b", 20), (2, "c", 5), (2, "d", 7), (3, "e", 1), (None, "f", 2), (3, None, None)]
    df = spark.createDataFrame(rows, "k int, s string, v int")
    df.createOrReplaceTempView(name)
    return df


@udtf(returnType="k int, total bigint, n int")
class SumByKey:
    def __init__(self):
        self.k, self.total, self.n = None, 0, 0

    def eval(self, row: Row):
        self.k = row["k"]
        self.total += row["v"] or 0
        self.n += 1

    def terminate(self):
        yield self.k, self.total, self.n


@udtf(returnType="k int, seen string")
class InOrder:
    def __init__(self):
        self.k, self.seen = None, []

    def eval(self, row: Row):
        self.k = row.k
        self.seen.append(str(row.s))

    def terminate(self):
        yield self.k, ",".join(self.seen)


@udtf(returnType="fields string, v int")
class Fields:
    def eval(self, row: Row):
        yield ",".join(row.__fields__), row.v


@udtf(returnType="s string, scaled int")
class Scaled:
    def eval(self, row: Row, factor: int):
        if row.v is not None:
            yield row.s, row.v * factor


@udtf(returnType="k int, first_two string")
class FirstTwo:
    def __init__(self):
        self.k, self.seen = None, []

    def eval(self, row: Row):
        self.k = row.k
        self.seen.append(row.s)
        if len(self.seen) == 2:
            raise SkipRestOfInputTableException("enough")

    def terminate(self):
        yield self.k, "|".join(str(x) for x in self.seen)


@udtf
class AnalyzedPartitions:
    @staticmethod
    def analyze(table: AnalyzeArgument):
        return AnalyzeResult(
            schema=StructType().add("k", IntegerType()).add("seen", StringType()).add("is_table", StringType()),
            partitionBy=[PartitioningColumn("k")],
            orderBy=[OrderingColumn("v", ascending=False)],
        )

    def __init__(self):
        self.k, self.seen = None, []

    def eval(self, row: Row):
        self.k = row.k
        self.seen.append(str(row.v))

    def terminate(self):
        yield self.k, ",".join(self.seen), "yes"


@dataclass
class DescribedResult(AnalyzeResult):
    described: str = ""


@udtf
class TableSchema:
    @staticmethod
    def analyze(table: AnalyzeArgument):
        described = f"{table.isTable}:{table.isConstantExpression}:{table.value}:{table.dataType.simpleString()}"
        return DescribedResult(schema=StructType().add("described", StringType()), withSinglePartition=True,
                               described=described)

    def __init__(self, result: DescribedResult):
        self.described, self.n = result.described, 0

    def eval(self, row: Row):
        self.n += 1

    def terminate(self):
        yield f"{self.described} rows={self.n}",


@udtf
class Selected:
    @staticmethod
    def analyze(table: AnalyzeArgument):
        return AnalyzeResult(
            schema=StructType().add("fields", StringType()).add("doubled", IntegerType()),
            withSinglePartition=True,
            orderBy=[OrderingColumn("v", overrideNullsFirst=False)],
            select=[SelectedColumn("v * 2", alias="doubled"), SelectedColumn("s")],
        )

    def eval(self, row: Row):
        yield ",".join(row.__fields__), row.doubled


@dataclass
class CountingResult(AnalyzeResult):
    label: str = ""


@udtf
class WithState:
    @staticmethod
    def analyze(table: AnalyzeArgument, label: AnalyzeArgument):
        return CountingResult(schema=StructType().add("label", StringType()).add("n", LongType()),
                              withSinglePartition=True, label=f"{label.value}!")

    def __init__(self, result: CountingResult):
        self.label, self.n = result.label, 0

    def eval(self, row: Row, label: str):
        self.n += 1

    def terminate(self):
        yield self.label, self.n


@case
def sql_partition_by_then_terminate_per_partition(spark):
    _table(spark, "ta_t1")
    spark.udtf.register("sum_by_key", SumByKey)
    return spark.sql("SELECT * FROM sum_by_key(TABLE(ta_t1) PARTITION BY k) ORDER BY k NULLS FIRST")


@case
def sql_with_single_partition(spark):
    _table(spark, "ta_t2")
    spark.udtf.register("sum_by_key", SumByKey)
    return spark.sql("SELECT total, n FROM sum_by_key(TABLE(ta_t2) WITH SINGLE PARTITION)")


@case
def sql_partition_by_and_order_by(spark):
    _table(spark, "ta_t3")
    spark.udtf.register("in_order", InOrder)
    return spark.sql("SELECT * FROM in_order(TABLE(ta_t3) PARTITION BY k ORDER BY v DESC) ORDER BY k")


@case
def sql_order_by_nulls_last_list(spark):
    _table(spark, "ta_t4")
    spark.udtf.register("in_order", InOrder)
    return spark.sql("SELECT seen FROM in_order(TABLE(ta_t4) WITH SINGLE PARTITION ORDER BY (v ASC NULLS LAST, s))")


@case
def sql_table_without_parentheses_is_a_parse_error(spark):
    _table(spark, "ta_t5")
    spark.udtf.register("fields_of", Fields)
    return spark.sql("SELECT * FROM fields_of(TABLE ta_t5) WHERE v > 6 ORDER BY v")


@case
def sql_table_subquery(spark):
    _table(spark, "ta_t5b")
    spark.udtf.register("fields_of", Fields)
    return spark.sql("SELECT * FROM fields_of(TABLE(SELECT v, s AS name FROM ta_t5b WHERE v < 6)) ORDER BY v")


@case
def sql_partition_by_expression_list(spark):
    _table(spark, "ta_t6")
    spark.udtf.register("sum_by_key", SumByKey)
    return spark.sql("SELECT total, n FROM sum_by_key(TABLE(ta_t6) PARTITION BY (k, v > 6)) ORDER BY total")


@case
def sql_table_and_scalar_arguments(spark):
    _table(spark, "ta_t7")
    spark.udtf.register("scaled", Scaled)
    return spark.sql("SELECT * FROM scaled(TABLE(ta_t7), 3) ORDER BY scaled")


@case
def dataframe_as_table_partition_by_order_by(spark):
    df = _table(spark, "ta_t8")
    return InOrder(df.asTable().partitionBy("k").orderBy(F.col("s").desc())).orderBy("k")


@case
def dataframe_as_table_partition_by_column(spark):
    df = _table(spark, "ta_t9")
    return SumByKey(df.asTable().partitionBy(F.col("k"))).orderBy(F.asc_nulls_first("k"))


@case
def dataframe_as_table_single_partition(spark):
    df = _table(spark, "ta_t10")
    return SumByKey(df.asTable().withSinglePartition()).select("total", "n")


@case
def dataframe_as_table_with_scalar_argument(spark):
    df = _table(spark, "ta_t11")
    return Scaled(df.asTable(), lit(-2)).orderBy("s")


@case
def dataframe_as_table_plain_rows(spark):
    df = _table(spark, "ta_t12").filter("v IS NOT NULL")
    return Fields(df.asTable()).orderBy("v")


@case
def analyze_asks_for_partitioning_and_ordering(spark):
    _table(spark, "ta_t13")
    spark.udtf.register("analyzed_partitions", AnalyzedPartitions)
    return spark.sql("SELECT * FROM analyzed_partitions(TABLE(ta_t13)) ORDER BY k NULLS FIRST")


@case
def analyze_sees_the_table_schema(spark):
    df = _table(spark, "ta_t14")
    return TableSchema(df.asTable())


@case
def analyze_select_projects_the_table(spark):
    _table(spark, "ta_t15")
    spark.udtf.register("selected", Selected)
    return spark.sql("SELECT * FROM selected(TABLE(ta_t15))")


@case
def analyze_result_subclass_reaches_init(spark):
    df = _table(spark, "ta_t16")
    return WithState(df.asTable(), lit("rows"))


@case
def skip_rest_of_input_table(spark):
    _table(spark, "ta_t17")
    spark.udtf.register("first_two", FirstTwo)
    return spark.sql("SELECT * FROM first_two(TABLE(ta_t17) PARTITION BY k ORDER BY s) ORDER BY k NULLS FIRST")


@case
def two_table_arguments_are_an_error(spark):
    df = _table(spark, "ta_t19")

    @udtf(returnType="x int")
    class TwoTables:
        def eval(self, a: Row, b: Row):
            yield 1,

    return TwoTables(df.asTable(), df.asTable())


@case
def as_table_methods_chain(spark):
    df = _table(spark, "ta_t20")
    t = df.asTable()
    return [type(t).__name__, type(t.partitionBy("k")).__name__, type(t.partitionBy("k").orderBy("v")).__name__,
            type(t.withSinglePartition()).__name__]


# ------------------------------------------------------------ named and checked arguments

@udtf(returnType="a int, b string")
class Named:
    def eval(self, x, y="dflt"):
        yield x, y


@udtf
class NamedAnalyze:
    @staticmethod
    def analyze(**kwargs):
        return AnalyzeResult(StructType().add(",".join(sorted(kwargs)), StringType()))

    def eval(self, **kwargs):
        yield ",".join(f"{k}={v}" for k, v in sorted(kwargs.items())),


def _signature_error(run):
    try:
        run().collect()
    except Exception as e:
        # The text's last line is PySpark's error; the traceback's worker frames cannot match.
        return [type(e).__name__, str(e).strip().splitlines()[-1]]


@case
def sql_named_arguments(spark):
    spark.udtf.register("named", Named)
    a = spark.sql("SELECT * FROM named(y => 'q', x => 5)")
    b = spark.sql("SELECT * FROM named(7)")
    c = spark.sql("SELECT * FROM named(1, y => 'z')")
    return a.union(b).union(c)


@case
def dataframe_keyword_arguments(spark):
    return Named(x=lit(3), y=lit("w"))


@case
def sql_named_arguments_reach_analyze(spark):
    spark.udtf.register("named_analyze", NamedAnalyze)
    return spark.sql("SELECT * FROM named_analyze(p => 1, q => 'x')")


@case
def unknown_named_argument_does_not_match_eval(spark):
    spark.udtf.register("named", Named)
    return _signature_error(lambda: spark.sql("SELECT * FROM named(z => 1)"))


@case
def too_many_arguments_do_not_match_eval(spark):
    spark.udtf.register("named", Named)
    return _signature_error(lambda: spark.sql("SELECT * FROM named(1, 2, 3)"))


@case
def too_many_dataframe_arguments_do_not_match_eval(spark):
    return _signature_error(lambda: Named(lit(1), lit(2), lit(3)))
