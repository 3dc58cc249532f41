"""Hostile arguments to SparkSession (createDataFrame with hostile data, schema,
samplingRatio and verifySchema; range; sql and its args; table) and to
spark.conf (RuntimeConfig: set, get, unset, isModifiable), from a table (see
hostile_arguments_dataframe.py)."""

import datetime
import decimal

from harness import case
from pyspark.sql import Row
from pyspark.sql import types as T


# (case name, what the case does with spark; a DataFrame is read, a value kept).
# Left out: arguments PySpark hands to the JVM unchecked, where its error is py4j's
# own (sql/conf.set/conf.unset/isModifiable of an int or None, conf.set of a float or
# a list, SQL args with an int key or an object value, range beyond a long), a None
# row under a schema (the executor's Py4JJavaError), and builder settings applied
# by getOrCreate (it returns the one session the suite shares).
TABLE = [
    # createDataFrame: data
    ("create_data_none", lambda s: s.createDataFrame(None)),
    ("create_data_int", lambda s: s.createDataFrame(1)),
    ("create_data_string", lambda s: s.createDataFrame("abc")),
    ("create_data_empty_without_schema", lambda s: s.createDataFrame([])),
    ("create_data_empty_with_ddl", lambda s: s.createDataFrame([], "a int")),
    ("create_data_list_of_ints", lambda s: s.createDataFrame([1, 2])),
    ("create_data_list_of_ints_with_schema", lambda s: s.createDataFrame([1, 2], "int")),
    ("create_data_all_none_rows", lambda s: s.createDataFrame([(None,), (None,)])),
    ("create_data_mixed_types_in_column", lambda s: s.createDataFrame([(1,), ("a",)])),
    ("create_data_rows_of_other_length", lambda s: s.createDataFrame([(1, 2), (3,)])),
    ("create_data_dicts_of_other_keys", lambda s: s.createDataFrame([{"a": 1}, {"b": 2}])),
    ("create_data_set", lambda s: s.createDataFrame({(1,), (2,)})),
    ("create_data_generator", lambda s: s.createDataFrame((i,) for i in range(2))),
    ("create_data_object", lambda s: s.createDataFrame([(object(),)])),
    ("create_data_nested_empty_list", lambda s: s.createDataFrame([([],)])),
    ("create_data_empty_dict", lambda s: s.createDataFrame([({},)])),
    ("create_data_huge_int", lambda s: s.createDataFrame([(2**70,)])),
    ("create_data_row_field_mismatch", lambda s: s.createDataFrame([Row(a=1), Row(b=2)])),
    # createDataFrame: schema
    ("create_schema_int", lambda s: s.createDataFrame([(1,)], schema=1)),
    ("create_schema_bad_ddl", lambda s: s.createDataFrame([(1,)], "a int,,")),
    ("create_schema_unknown_type", lambda s: s.createDataFrame([(1,)], "a integr")),
    ("create_schema_list_of_ints", lambda s: s.createDataFrame([(1,)], [1])),
    ("create_schema_too_few_names", lambda s: s.createDataFrame([(1, 2)], ["a"])),
    ("create_schema_too_many_names", lambda s: s.createDataFrame([(1,)], ["a", "b"])),
    ("create_schema_fewer_fields", lambda s: s.createDataFrame([(1, 2)], "a int")),
    ("create_schema_string_for_int_data", lambda s: s.createDataFrame([(1,)], "a string")),
    ("create_schema_int_for_string_data", lambda s: s.createDataFrame([("x",)], "a int")),
    ("create_schema_int_for_float_data", lambda s: s.createDataFrame([(1.5,)], "a int")),
    ("create_schema_not_null_with_none", lambda s: s.createDataFrame([(None,)], T.StructType([T.StructField("a", T.IntegerType(), False)]))),
    ("create_schema_byte_overflow", lambda s: s.createDataFrame([(300,)], "a tinyint")),
    ("create_schema_int_overflow", lambda s: s.createDataFrame([(2**40,)], "a int")),
    ("create_schema_decimal_too_precise", lambda s: s.createDataFrame([(decimal.Decimal("123.456"),)], "a decimal(4,2)")),
    ("create_schema_date_for_string", lambda s: s.createDataFrame([("2024-01-01",)], "a date")),
    ("create_schema_timestamp_for_date", lambda s: s.createDataFrame([(datetime.date(2024, 1, 1),)], "a timestamp")),
    ("create_schema_atomic_type", lambda s: s.createDataFrame([1, 2], T.IntegerType())),
    ("create_schema_duplicate_names", lambda s: s.createDataFrame([(1, 2)], ["a", "a"])),
    ("create_schema_empty_ddl", lambda s: s.createDataFrame([(1,)], "")),
    # createDataFrame: verifySchema, samplingRatio
    ("create_verify_off_wrong_type", lambda s: s.createDataFrame([("x",)], "a int", verifySchema=False)),
    ("create_verify_string", lambda s: s.createDataFrame([(1,)], "a int", verifySchema="no")),
    ("create_sampling_ratio_string", lambda s: s.createDataFrame([(1,)], samplingRatio="half")),
    ("create_sampling_ratio_negative", lambda s: s.createDataFrame([(1,)], samplingRatio=-1.0)),
    ("create_sampling_ratio_above_one", lambda s: s.createDataFrame([(1,)], samplingRatio=2.0)),
    # range
    ("range_string", lambda s: s.range("a")),
    ("range_none", lambda s: s.range(None)),
    ("range_float", lambda s: s.range(1.5)),
    ("range_float_end", lambda s: s.range(0, 2.5)),
    ("range_step_zero", lambda s: s.range(0, 10, 0)),
    ("range_negative_step_upwards", lambda s: s.range(0, 10, -1)),
    ("range_negative_end", lambda s: s.range(-3)),
    ("range_huge_end", lambda s: s.range(2**63 - 2, 2**63 - 1)),
    ("range_num_partitions_zero", lambda s: s.range(0, 3, 1, 0)),
    ("range_num_partitions_negative", lambda s: s.range(0, 3, 1, -1)),
    ("range_num_partitions_string", lambda s: s.range(0, 3, 1, "2")),
    ("range_step_string", lambda s: s.range(0, 3, "1")),
    ("range_bool", lambda s: s.range(True)),
    # sql
    ("sql_empty", lambda s: s.sql("")),
    ("sql_args_not_list_or_dict", lambda s: s.sql("SELECT ? AS a", args=1)),
    ("sql_args_missing_positional", lambda s: s.sql("SELECT ? AS a, ? AS b", args=[1])),
    ("sql_args_mixed", lambda s: s.sql("SELECT :a AS a, ? AS b", args={"a": 1})),
    ("sql_args_unused_named", lambda s: s.sql("SELECT :a AS a", args={"a": 1, "b": 2})),
    ("sql_args_missing_named", lambda s: s.sql("SELECT :a AS a", args={"b": 1})),
    ("sql_args_none_value", lambda s: s.sql("SELECT :a AS a", args={"a": None})),
    ("sql_kwargs_unknown", lambda s: s.sql("SELECT {x} AS a", y=1)),
    ("sql_two_statements", lambda s: s.sql("SELECT 1; SELECT 2")),
    # builder settings (not applied: no getOrCreate)
    ("builder_config_map_int", lambda s: type(s.builder.config(map=1)).__name__),
    ("builder_config_conf_int", lambda s: type(s.builder.config(conf=1)).__name__),
    ("builder_config_nothing", lambda s: type(s.builder.config()).__name__),
    ("builder_config_map_and_key", lambda s: type(s.builder.config("k", "v", map={"a": 1})).__name__),
    # table
    ("table_none", lambda s: s.table(None)),
    ("table_int", lambda s: s.table(1)),
    ("table_empty", lambda s: s.table("")),
    ("table_missing", lambda s: s.table("no_such_table_h")),
    ("table_bad_name", lambda s: s.table("a..b")),
]


def _conf_set_get(key, value):
    def act(s):
        try:
            s.conf.set(key, value)
            return s.conf.get(key)
        finally:
            try:
                s.conf.unset(key)
            except Exception:
                pass

    return act


# RuntimeConfig. Every setting a case makes is unset again.
CONF = [
    ("conf_set_int_value", _conf_set_get("spark.sql.shuffle.partitions", 7)),
    ("conf_set_bool_value", _conf_set_get("spark.sql.caseSensitive", True)),
    ("conf_set_none_value", _conf_set_get("spark.pyrust.hostile.none", None)),
    ("conf_set_bad_boolean", _conf_set_get("spark.sql.ansi.enabled", "maybe")),
    ("conf_set_bad_integer", _conf_set_get("spark.sql.shuffle.partitions", "many")),
    ("conf_set_negative_partitions", _conf_set_get("spark.sql.shuffle.partitions", "-1")),
    ("conf_set_bad_time_zone", _conf_set_get("spark.sql.session.timeZone", "Mars/Olympus")),
    ("conf_set_static", _conf_set_get("spark.sql.warehouse.dir", "/tmp/x")),
    ("conf_get_int_key", lambda s: s.conf.get(1)),
    ("conf_get_none_key", lambda s: s.conf.get(None)),
    ("conf_get_missing", lambda s: s.conf.get("spark.pyrust.hostile.missing")),
    ("conf_get_missing_with_default", lambda s: s.conf.get("spark.pyrust.hostile.missing", "d")),
    ("conf_get_int_default", lambda s: s.conf.get("spark.pyrust.hostile.missing", 1)),
    ("conf_get_none_default", lambda s: s.conf.get("spark.pyrust.hostile.missing", None)),
    ("conf_get_known_with_int_default", lambda s: s.conf.get("spark.sql.shuffle.partitions", 5)),
    ("conf_unset_missing", lambda s: s.conf.unset("spark.pyrust.hostile.missing")),
    ("conf_is_modifiable_none", lambda s: s.conf.isModifiable(None)),
    ("conf_is_modifiable_unknown", lambda s: s.conf.isModifiable("spark.pyrust.hostile.missing")),
    ("conf_is_modifiable_static", lambda s: s.conf.isModifiable("spark.sql.warehouse.dir")),
]


def _make(name, action):
    def run(spark):
        return action(spark)

    run.__name__ = name
    return run


for _name, _action in TABLE + CONF:
    case(_make(_name, _action), ordered=False)
