"""Python UDTFs (`@udtf` classes with `eval`, `terminate`, `cleanup`, a static
`analyze`): called with literal arguments from the DataFrame API and, registered with
`spark.udtf.register`, from SQL's FROM clause; output rows converted to the declared
schema; PySpark's errors for invalid handlers and invalid output."""

from harness import case
from pyspark.sql import Row
from pyspark.sql import functions as F
from pyspark.sql.functions import lit, udtf
from pyspark.sql.types import IntegerType, StringType, StructField, StructType


@udtf(returnType="num: int, squared: int")
class SquareNumbers:
    def eval(self, start: int, end: int):
        for num in range(start, end + 1):
            yield (num, num * num)


@udtf(returnType=StructType([StructField("word", StringType()), StructField("n", IntegerType())]))
class Words:
    def __init__(self):
        self.count = 0

    def eval(self, text: str):
        for w in text.split(" "):
            self.count += 1
            yield w, len(w)

    def terminate(self):
        yield "total", self.count


@udtf(returnType="a int, b string")
class Shapes:
    def eval(self, n: int):
        yield Row(a=1, b="row")
        yield [2, "list"]
        yield {"a": 3, "b": "dict"}
        yield 4, None


@udtf(returnType="x int")
class Nothing:
    def eval(self, n: int):
        return None


@udtf(returnType="x bigint, s string")
class Converted:
    def eval(self, n: int):
        yield "7", 5
        yield 1.5, True
        yield 2 ** 40, None


@udtf(returnType="x int")
class Fails:
    def eval(self, n: int):
        raise ValueError("udtf boom")


@udtf(returnType="x int")
class ScalarRows:
    def eval(self, n: int):
        yield n


@udtf(returnType="x int, y int")
class ShortRows:
    def eval(self, n: int):
        yield (n,)


@udtf(returnType="x int")
class NotIterable:
    def eval(self, n: int):
        return 5


@udtf
class Analyzed:
    @staticmethod
    def analyze(a, b):
        from pyspark.sql.udtf import AnalyzeResult

        return AnalyzeResult(StructType().add("value", a.dataType).add("type", StringType()))

    def eval(self, a, b):
        yield a, str(type(b).__name__)


@case
def generator_with_literal_arguments(spark):
    return SquareNumbers(lit(1), lit(3))


@case
def struct_return_type_and_terminate(spark):
    return Words(lit("a bb ccc"))


@case
def output_row_shapes(spark):
    return Shapes(lit(0))


@case
def eval_returning_none_gives_no_rows(spark):
    return Nothing(lit(1))


@case
def values_converted_to_the_schema(spark):
    return Converted(lit(1))


@case
def arguments_as_expressions(spark):
    return SquareNumbers(lit(2) + 1, F.length(lit("abcde")))


@case
def result_used_as_a_dataframe(spark):
    return SquareNumbers(lit(1), lit(5)).filter("squared > 4").select((F.col("num") * 10).alias("t")).orderBy(F.desc("t"))


@case
def analyze_static_method(spark):
    return Analyzed(lit(42), lit("x"))


@case
def registered_for_sql(spark):
    spark.udtf.register("square_numbers", SquareNumbers)
    return spark.sql("SELECT * FROM square_numbers(1, 3)")


@case
def registered_for_sql_with_projection_and_where(spark):
    spark.udtf.register("square_numbers2", SquareNumbers)
    return spark.sql("SELECT squared, num FROM square_numbers2(2, 4) WHERE num > 2")


@case
def exception_in_eval(spark):
    try:
        Fails(lit(1)).collect()
    except Exception as e:
        return [type(e).__name__, "UDTF_EXEC_ERROR" in str(e), "udtf boom" in str(e)]


@case
def scalar_output_row_is_an_error(spark):
    try:
        ScalarRows(lit(1)).collect()
    except Exception as e:
        return [type(e).__name__, "UDTF_INVALID_OUTPUT_ROW_TYPE" in str(e)]


@case
def short_output_row_is_an_error(spark):
    try:
        ShortRows(lit(1)).collect()
    except Exception as e:
        return [type(e).__name__, "UDTF_RETURN_SCHEMA_MISMATCH" in str(e)]


@case
def non_iterable_result_is_an_error(spark):
    try:
        NotIterable(lit(1)).collect()
    except Exception as e:
        return [type(e).__name__, "UDTF_RETURN_NOT_ITERABLE" in str(e)]


@case
def handler_must_be_a_class(spark):
    return udtf(lambda x: x, returnType="x int")


@case
def handler_without_eval(spark):
    class NoEval:
        pass

    return udtf(NoEval, returnType="x int")


@case
def handler_without_return_type(spark):
    class NoType:
        def eval(self):
            yield 1,

    return udtf(NoType)


@case
def register_a_plain_class_is_an_error(spark):
    return spark.udtf.register("plain", SquareNumbers.func)


@case
def udtf_attributes(spark):
    return [SquareNumbers.evalType, str(SquareNumbers.returnType), SquareNumbers.deterministic]
