"""Small datasets shared by the cases."""

PEOPLE = [
    (1, "Alice", 34, "NYC", 5200.5),
    (2, "Bob", 28, "LA", 4100.0),
    (3, "Carol", None, "NYC", 6100.25),
    (4, "Dan", 45, None, None),
    (5, "Eve", 28, "LA", 3900.75),
]
PEOPLE_SCHEMA = "id int, name string, age int, city string, salary double"


def people(spark):
    return spark.createDataFrame(PEOPLE, PEOPLE_SCHEMA)


def numbers(spark):
    return spark.createDataFrame([(1, 10, 2.5), (2, -3, None), (3, None, -1.5), (4, 7, 0.0)], "k int, v int, d double")


def depts(spark):
    return spark.createDataFrame([("NYC", "East"), ("LA", "West"), ("SF", "West")], "city string, region string")


def strings(spark):
    return spark.createDataFrame(
        [("  hello  ", "abc"), ("World", None), (None, "xyz"), ("", "a_c%")], "s string, t string")
