#!/usr/bin/env python3
"""Records the public API of real PySpark 4.0.1 as data: python/pyrust/_pyspark_api.json (shipped: the package
knows which PySpark names it lacks) and
scripts/spark_sql_functions.json.

Run with the recording venv (PySpark 4.0.1 installed, no JVM needed):

    .venv-record/bin/python scripts/record_pyspark_api.py

Everything is introspected from the installed package, except the function families
(below). The output is deterministic: sorted keys, no memory addresses, nothing that
depends on the machine beyond the Python minor version (recorded in "meta"; signatures
render typing objects the way that Python version prints them).

pyspark_api.json
----------------
* "functions": every public name of ``pyspark.sql.functions``: its ``__all__`` (461 names),
  the public functions of ``pyspark.sql.functions.builtin`` that the module exposes but
  leaves out of ``__all__`` (the camelCase aliases such as ``countDistinct``; "in_all":
  false), and the ``partitioning`` submodule's functions, recorded as ``partitioning.years``
  etc. ("module" says where each object is defined). Per name: kind, signature
  (``str(inspect.signature(...))``), first docstring line, ``since``/``deprecated`` (from the
  ``.. versionadded::`` / ``.. deprecated::`` directives), ``family`` and ``jvm_only``.
* "classes": the classic (non-Connect) classes users call. For the classes that PySpark 4
  splits into a public parent (``pyspark.sql.DataFrame``, ``Column``, ``Window``,
  ``WindowSpec``, ``DataFrameNaFunctions``, ``DataFrameStatFunctions``) and a classic
  implementation (``pyspark.sql.classic.*``), members are enumerated on the classic class
  (so mixin methods such as ``PandasMapOpsMixin.mapInPandas`` and
  ``PandasConversionMixin.toPandas`` appear where users call them) while signature and
  docstring come from the public parent, which is what PySpark documents (the classic
  overrides carry no docstrings and render return annotations differently). "defined_in"
  names the class in the classic MRO that defines the member. ``GroupedData`` includes the
  ``PandasGroupedOpsMixin`` methods (applyInPandas, cogroup, ...). Dunder methods are not
  members (names starting with ``_`` are excluded); their names are listed in "dunder".
* "modules": ``pyspark.sql`` (``__all__``), ``pyspark.sql.types`` (``__all__`` plus the other
  public classes/functions defined there, e.g. ``UserDefinedType``, "in_all": false),
  ``pyspark.errors`` (exception classes with direct bases and MRO), ``pyspark.testing``,
  ``pyspark.sql.streaming`` (names only, each marked "streaming": true),
  ``pyspark.sql.avro.functions`` and ``pyspark.sql.protobuf.functions``.

Function families
-----------------
``DOC_FAMILIES`` is the heading each function sits under on PySpark 4.0.1's reference page
python/docs/source/reference/pyspark.sql/functions.rst, transcribed from the page as
published for 4.0.1 (apache/spark-website, site/docs/4.0.1/api/python/reference/
pyspark.sql/functions.html, "PySpark 4.0.1 documentation"; the .rst source of the v4.0.1
tag, revision 29434ea766b0fc3c3bf6eaadb43a8f931133649e, was not available to read). The
page lists the partition transforms as ``partitioning.years`` etc. and, under "UDF, UDTF and
UDT", only call_udf/pandas_udf/udf/udtf/unwrap_udt; every other heading lists exactly the
names of the matching ``# ...`` comment group of the installed ``__all__``. The script
checks that correspondence ("all_group" holds the ``__all__`` comment heading) and fails if
it breaks. Names on no heading (the camelCase aliases, the deprecated top-level
``years``/``months``/``days``/``hours``/``bucket`` whose documented form is
``partitioning.*``, and the UDTF helper classes) get "family": "unlisted".

jvm_only
--------
True only where the function can never run in one process without a JVM or a cluster:

* ``java_method``, ``reflect``, ``try_reflect``: call arbitrary Java static methods by
  reflection.
* ``input_file_block_start``, ``input_file_block_length``: offsets of the Hadoop input split
  (HDFS block) the row came from; there is no block/split notion to report in-process.
* ``from_avro``/``to_avro`` and ``from_protobuf``/``to_protobuf`` (modules
  ``pyspark.sql.avro.functions`` / ``pyspark.sql.protobuf.functions``): implemented only by
  the external spark-avro / spark-protobuf JVM packages (not even bundled with pyspark's
  jars; protobuf descriptors may name Java classes).

Not jvm_only, by judgment: ``call_function`` / ``call_udf`` (resolve builtin or registered
functions by name), ``udf``/``pandas_udf``/``udtf`` (Python code), ``input_file_name``
(a file path is known in-process), ``spark_partition_id`` / ``monotonically_increasing_id``
(well defined for one partition), ``broadcast`` (a hint), the sketch aggregates
(``hll_*``, ``count_min_sketch``, ``bitmap_*``: binary formats that a port can reproduce),
``xpath*`` / XML / ``aes_*`` / collations (library work), ``current_*``/``user``/``version``,
and ``window``/``session_window``/``window_time`` (they work on batch DataFrames too). No
function in ``pyspark.sql.functions`` is streaming-only; the streaming API proper is marked
under "modules"/"pyspark.sql.streaming" and on class members ("streaming": true).

spark_sql_functions.json
------------------------
Spark 4.0.1's SQL function registry, read without a JVM from the bytecode of
``org.apache.spark.sql.catalyst.analysis.FunctionRegistry$`` (and ``TableFunctionRegistry$``)
in the ``spark-catalyst_2.13-4.0.1.jar`` shipped inside the installed pyspark: the static
initializer builds ``expressions`` from calls such as ``expression[Abs]("abs")``,
``expressionBuilder("explode", ExplodeExpressionBuilder)`` and ``castAlias("int",
IntegerType)``; the parser walks that bytecode and pairs each name with its class. This is
exactly the 4.0.1 registry (the stored copy of FunctionRegistry.scala in the search index
was a Spark 1.x version and of no use).
"""

from __future__ import annotations

import inspect
import json
import re
import struct
import sys
import zipfile
from pathlib import Path

import pyspark

EXPECTED_VERSION = "4.0.1"
assert pyspark.__version__ == EXPECTED_VERSION, (
    f"run with PySpark {EXPECTED_VERSION} (.venv-record/bin/python), got {pyspark.__version__}"
)

import pyspark.errors  # noqa: E402
import pyspark.sql  # noqa: E402
import pyspark.sql.avro.functions  # noqa: E402
import pyspark.sql.functions as F  # noqa: E402
import pyspark.sql.functions.builtin  # noqa: E402
import pyspark.sql.functions.partitioning  # noqa: E402
import pyspark.sql.protobuf.functions  # noqa: E402
import pyspark.sql.streaming  # noqa: E402
import pyspark.sql.types  # noqa: E402
import pyspark.testing  # noqa: E402
from pyspark.sql import catalog, conf, dataframe, group, merge, observation, readwriter  # noqa: E402
from pyspark.sql import column as column_mod  # noqa: E402
from pyspark.sql import session, tvf, udf, udtf, window  # noqa: E402
from pyspark.sql.classic import column as classic_column  # noqa: E402
from pyspark.sql.classic import dataframe as classic_dataframe  # noqa: E402
from pyspark.sql.classic import window as classic_window  # noqa: E402
from pyspark.sql.pandas import group_ops  # noqa: E402

HERE = Path(__file__).resolve().parent
API_OUT = HERE.parent / "python" / "pyrust" / "_pyspark_api.json"
REGISTRY_OUT = HERE / "spark_sql_functions.json"
FUNCTIONS_PAGE = (
    "apache/spark-website site/docs/4.0.1/api/python/reference/pyspark.sql/functions.html "
    "(commit 5aa4378d35b109a1bc8aa6fff9d30db731d9ec95), the rendered "
    "python/docs/source/reference/pyspark.sql/functions.rst of PySpark 4.0.1"
)

# Headings (in page order) and the names under each, as on the 4.0.1 functions page.
DOC_FAMILIES = [
    ("Normal Functions", """
        broadcast call_function col column lit expr
    """),
    ("Conditional Functions", """
        coalesce ifnull nanvl nullif nullifzero nvl nvl2 when zeroifnull
    """),
    ("Predicate Functions", """
        equal_null ilike isnan isnotnull isnull like regexp regexp_like rlike
    """),
    ("Sort Functions", """
        asc asc_nulls_first asc_nulls_last desc desc_nulls_first desc_nulls_last
    """),
    ("Mathematical Functions", """
        abs acos acosh asin asinh atan atan2 atanh bin bround cbrt ceil ceiling conv cos
        cosh cot csc degrees e exp expm1 factorial floor greatest hex hypot least ln log
        log10 log1p log2 negate negative pi pmod positive pow power radians rand randn
        rint round sec sign signum sin sinh sqrt tan tanh try_add try_divide try_mod
        try_multiply try_subtract unhex uniform width_bucket
    """),
    ("String Functions", """
        ascii base64 bit_length btrim char char_length character_length collate
        collation concat_ws contains decode elt encode endswith find_in_set
        format_number format_string initcap instr is_valid_utf8 lcase left length
        levenshtein locate lower lpad ltrim make_valid_utf8 mask octet_length overlay
        position printf randstr regexp_count regexp_extract regexp_extract_all
        regexp_instr regexp_replace regexp_substr repeat replace right rpad rtrim
        sentences soundex split split_part startswith substr substring substring_index
        to_binary to_char to_number to_varchar translate trim try_to_binary
        try_to_number try_validate_utf8 ucase unbase64 upper validate_utf8
    """),
    ("Bitwise Functions", """
        bit_count bit_get bitwise_not getbit shiftleft shiftright shiftrightunsigned
    """),
    ("Date and Timestamp Functions", """
        add_months convert_timezone curdate current_date current_timestamp
        current_timezone date_add date_diff date_format date_from_unix_date date_part
        date_sub date_trunc dateadd datediff datepart day dayname dayofmonth dayofweek
        dayofyear extract from_unixtime from_utc_timestamp hour last_day localtimestamp
        make_date make_dt_interval make_interval make_timestamp make_timestamp_ltz
        make_timestamp_ntz make_ym_interval minute month monthname months_between
        next_day now quarter second session_window timestamp_add timestamp_diff
        timestamp_micros timestamp_millis timestamp_seconds to_date to_timestamp
        to_timestamp_ltz to_timestamp_ntz to_unix_timestamp to_utc_timestamp trunc
        try_make_interval try_make_timestamp try_make_timestamp_ltz
        try_make_timestamp_ntz try_to_timestamp unix_date unix_micros unix_millis
        unix_seconds unix_timestamp weekday weekofyear window window_time year
    """),
    ("Hash Functions", """
        crc32 hash md5 sha sha1 sha2 xxhash64
    """),
    ("Collection Functions", """
        aggregate array_sort cardinality concat element_at exists filter forall
        map_filter map_zip_with reduce reverse size transform transform_keys
        transform_values try_element_at zip_with
    """),
    ("Array Functions", """
        array array_append array_compact array_contains array_distinct array_except
        array_insert array_intersect array_join array_max array_min array_position
        array_prepend array_remove array_repeat array_size array_union arrays_overlap
        arrays_zip flatten get sequence shuffle slice sort_array
    """),
    ("Struct Functions", """
        named_struct struct
    """),
    ("Map Functions", """
        create_map map_concat map_contains_key map_entries map_from_arrays
        map_from_entries map_keys map_values str_to_map
    """),
    ("Aggregate Functions", """
        any_value approx_count_distinct approx_percentile array_agg avg bit_and bit_or
        bit_xor bitmap_construct_agg bitmap_or_agg bool_and bool_or collect_list
        collect_set corr count count_distinct count_if count_min_sketch covar_pop
        covar_samp every first first_value grouping grouping_id histogram_numeric
        hll_sketch_agg hll_union_agg kurtosis last last_value listagg listagg_distinct
        max max_by mean median min min_by mode percentile percentile_approx product
        regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx
        regr_sxy regr_syy skewness some std stddev stddev_pop stddev_samp string_agg
        string_agg_distinct sum sum_distinct try_avg try_sum var_pop var_samp variance
    """),
    ("Window Functions", """
        cume_dist dense_rank lag lead nth_value ntile percent_rank rank row_number
    """),
    ("Generator Functions", """
        explode explode_outer inline inline_outer posexplode posexplode_outer stack
    """),
    ("Partition Transformation Functions", """
        partitioning.years partitioning.months partitioning.days partitioning.hours
        partitioning.bucket
    """),
    ("CSV Functions", """
        from_csv schema_of_csv to_csv
    """),
    ("JSON Functions", """
        from_json get_json_object json_array_length json_object_keys json_tuple
        schema_of_json to_json
    """),
    ("VARIANT Functions", """
        is_variant_null parse_json schema_of_variant schema_of_variant_agg
        try_variant_get variant_get try_parse_json to_variant_object
    """),
    ("XML Functions", """
        from_xml schema_of_xml to_xml xpath xpath_boolean xpath_double xpath_float
        xpath_int xpath_long xpath_number xpath_short xpath_string
    """),
    ("URL Functions", """
        parse_url try_parse_url url_decode url_encode try_url_decode
    """),
    ("Misc Functions", """
        aes_decrypt aes_encrypt assert_true bitmap_bit_position bitmap_bucket_number
        bitmap_count current_catalog current_database current_schema current_user
        hll_sketch_estimate hll_union input_file_block_length input_file_block_start
        input_file_name java_method monotonically_increasing_id raise_error reflect
        session_user spark_partition_id try_aes_decrypt try_reflect typeof user version
    """),
    ("UDF, UDTF and UDT", """
        call_udf pandas_udf udf udtf unwrap_udt
    """),
]
# The page also has "Table-Valued Functions" (pyspark.sql.tvf.TableValuedFunction.*),
# recorded as the class "TableValuedFunction".

JVM_ONLY = {
    "java_method": "calls a Java static method by reflection",
    "reflect": "calls a Java static method by reflection",
    "try_reflect": "calls a Java static method by reflection",
    "input_file_block_start": "offset of the Hadoop input split (HDFS block) being read",
    "input_file_block_length": "length of the Hadoop input split (HDFS block) being read",
}
JVM_ONLY_MODULES = {
    "pyspark.sql.avro.functions": "implemented only by the external spark-avro JVM package",
    "pyspark.sql.protobuf.functions": "implemented only by the external spark-protobuf JVM package",
}

# Class members that belong to Structured Streaming (checked to exist).
STREAMING_MEMBERS = {
    "DataFrame": {"isStreaming", "writeStream", "withWatermark", "dropDuplicatesWithinWatermark"},
    "SparkSession": {"readStream", "streams"},
    "GroupedData": {"applyInPandasWithState", "transformWithStateInPandas"},
    "PandasGroupedOpsMixin": {"applyInPandasWithState", "transformWithStateInPandas"},
}

# label -> (public class as documented, classic class users hold at runtime)
CLASSES = {
    "DataFrame": (dataframe.DataFrame, classic_dataframe.DataFrame),
    "Column": (column_mod.Column, classic_column.Column),
    "GroupedData": (group.GroupedData, group.GroupedData),
    "Window": (window.Window, classic_window.Window),
    "WindowSpec": (window.WindowSpec, classic_window.WindowSpec),
    "DataFrameNaFunctions": (dataframe.DataFrameNaFunctions, classic_dataframe.DataFrameNaFunctions),
    "DataFrameStatFunctions": (dataframe.DataFrameStatFunctions, classic_dataframe.DataFrameStatFunctions),
    "SparkSession": (session.SparkSession, session.SparkSession),
    "SparkSession.Builder": (session.SparkSession.Builder, session.SparkSession.Builder),
    "DataFrameReader": (readwriter.DataFrameReader, readwriter.DataFrameReader),
    "DataFrameWriter": (readwriter.DataFrameWriter, readwriter.DataFrameWriter),
    "DataFrameWriterV2": (readwriter.DataFrameWriterV2, readwriter.DataFrameWriterV2),
    "MergeIntoWriter": (merge.MergeIntoWriter, merge.MergeIntoWriter),
    "Catalog": (catalog.Catalog, catalog.Catalog),
    "RuntimeConfig": (conf.RuntimeConfig, conf.RuntimeConfig),
    "Row": (pyspark.sql.types.Row, pyspark.sql.types.Row),
    "StructType": (pyspark.sql.types.StructType, pyspark.sql.types.StructType),
    "StructField": (pyspark.sql.types.StructField, pyspark.sql.types.StructField),
    "DataType": (pyspark.sql.types.DataType, pyspark.sql.types.DataType),
    "UDFRegistration": (udf.UDFRegistration, udf.UDFRegistration),
    "UDTFRegistration": (udtf.UDTFRegistration, udtf.UDTFRegistration),
    "UserDefinedFunction": (udf.UserDefinedFunction, udf.UserDefinedFunction),
    "PandasGroupedOpsMixin": (group_ops.PandasGroupedOpsMixin, group_ops.PandasGroupedOpsMixin),
    "PandasCogroupedOps": (group_ops.PandasCogroupedOps, group_ops.PandasCogroupedOps),
    "Observation": (observation.Observation, observation.Observation),
    "TableValuedFunction": (tvf.TableValuedFunction, tvf.TableValuedFunction),
}

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_PRIMITIVES = (bool, int, float, str, type(None))


# ---------------------------------------------------------------- helpers


def qualname(obj) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', getattr(obj, '__name__', '?'))}"


def signature_of(obj):
    try:
        return _ADDRESS.sub("", str(inspect.signature(obj)))
    except (TypeError, ValueError):
        return None


def params_of(obj):
    """[name, kind, default] per parameter (default as repr, absent when there is none):
    what a forward must match for calls written against PySpark to bind the same way."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    out = []
    for p in sig.parameters.values():
        item = [p.name, p.kind.name]
        if p.default is not inspect.Parameter.empty:
            item.append(_ADDRESS.sub("", repr(p.default)))
        out.append(item)
    return out


def full_doc(obj) -> str:
    try:
        return inspect.getdoc(obj) or ""
    except Exception:  # noqa: BLE001 - any odd descriptor
        return ""


def first_line(doc: str) -> str:
    for line in doc.splitlines():
        if line.strip():
            return line.strip()
    return ""


def directive(doc: str, name: str):
    m = re.search(rf"\.\. {name}::\s*([^\s]+)", doc)
    return m.group(1) if m else None


def doc_fields(obj) -> dict:
    doc = full_doc(obj)
    out = {"doc": first_line(doc)}
    since = directive(doc, "versionadded")
    if since:
        out["since"] = since
    deprecated = directive(doc, "deprecated")
    if deprecated:
        out["deprecated"] = deprecated
    return out


def describe_object(obj) -> dict:
    """kind/signature/doc of a module-level object."""
    if inspect.isclass(obj):
        entry = {"kind": "class", "bases": [qualname(b) for b in obj.__bases__ if b is not object]}
        sig = signature_of(obj)
        if sig is not None:
            entry["signature"] = sig
        entry.update(doc_fields(obj))
        return entry
    if callable(obj):
        entry = {"kind": "function", "signature": signature_of(obj), "params": params_of(obj)}
        entry.update(doc_fields(obj))
        return entry
    entry = {"kind": "attribute"}
    if isinstance(obj, _PRIMITIVES):
        entry["value"] = obj
    else:
        entry["value_type"] = qualname(type(obj))
    return entry


def find_static(cls, name):
    """(defining class, raw attribute) along the MRO, without invoking descriptors."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass, klass.__dict__[name]
    return None, None


def member_kind(raw) -> str:
    if isinstance(raw, staticmethod):
        return "staticmethod"
    if isinstance(raw, classmethod):
        return "classmethod"
    if isinstance(raw, property) or type(raw).__name__ == "cached_property":
        return "property"
    if inspect.isclass(raw):
        return "class"
    if inspect.isfunction(raw) or inspect.ismethoddescriptor(raw) or callable(raw):
        return "method"
    return "attribute"


def raises_connect_only(raw) -> bool:
    target = raw
    if isinstance(raw, (staticmethod, classmethod)):
        target = raw.__func__
    elif isinstance(raw, property):
        target = raw.fget
    if not inspect.isfunction(target):
        return False
    try:
        return "ONLY_SUPPORTED_WITH_SPARK_CONNECT" in inspect.getsource(target)
    except (OSError, TypeError):
        return False


def describe_member(label: str, public_cls, impl_cls, name: str) -> dict:
    impl_owner, impl_raw = find_static(impl_cls, name)
    pub_owner, pub_raw = find_static(public_cls, name)
    owner, raw = (pub_owner, pub_raw) if pub_raw is not None else (impl_owner, impl_raw)
    kind = member_kind(impl_raw)
    entry = {"kind": kind, "defined_in": qualname(impl_owner)}
    if kind in ("method", "classmethod", "staticmethod"):
        entry["signature"] = signature_of(getattr(owner, name))
        entry["params"] = params_of(getattr(owner, name))
        entry.update(doc_fields(getattr(owner, name)))
        if not entry["doc"]:
            entry.update(doc_fields(getattr(impl_cls, name)))
    elif kind == "property":
        fget = getattr(raw, "fget", None) or getattr(raw, "func", None)
        if fget is not None:
            entry["signature"] = signature_of(fget)
        entry.update(doc_fields(raw))
        if type(raw) is not property:
            entry["descriptor"] = type(raw).__name__
    elif kind == "class":
        entry["qualname"] = qualname(raw)
        entry.update(doc_fields(raw))
    else:
        if isinstance(raw, _PRIMITIVES):
            entry["value"] = raw
        else:
            entry["value_type"] = qualname(type(raw))
    if raises_connect_only(impl_raw):
        entry["classic_raises"] = "ONLY_SUPPORTED_WITH_SPARK_CONNECT"
    if name in STREAMING_MEMBERS.get(label, ()):
        entry["streaming"] = True
    return entry


def describe_class(label: str, public_cls, impl_cls) -> dict:
    names = sorted(n for n in dir(impl_cls) if not n.startswith("_"))
    for streaming_name in STREAMING_MEMBERS.get(label, ()):
        assert streaming_name in names, (label, streaming_name)
    dunder = sorted(
        {
            n
            for klass in impl_cls.__mro__
            if klass not in (object, tuple)
            for n in klass.__dict__
            if n.startswith("__") and n.endswith("__") and callable(klass.__dict__[n])
        }
    )
    out = {
        "public": qualname(public_cls),
        "impl": qualname(impl_cls),
        "mro": [qualname(k) for k in impl_cls.__mro__ if k is not object],
        "dunder": dunder,
        "members": {n: describe_member(label, public_cls, impl_cls, n) for n in names},
    }
    out.update(doc_fields(public_cls))
    return out


# ---------------------------------------------------------------- functions


def documented_families() -> dict:
    family = {}
    for heading, names in DOC_FAMILIES:
        for name in names.split():
            assert name not in family, f"{name} listed twice"
            family[name] = heading
    return family


def all_comment_groups() -> dict:
    """name -> '# ...' comment heading of pyspark.sql.functions.__all__ (installed source)."""
    source = inspect.getsource(F)
    body = source[source.index("__all__ = ["):]
    body = body[: body.index("\n]") + 2]
    groups, current = {}, None
    for line in body.splitlines()[1:]:
        m = re.match(r"\s*#\s*(.+?)\s*$", line)
        if m:
            current = m.group(1)
            continue
        m = re.match(r'\s*"(\w+)",', line)
        if m:
            groups[m.group(1)] = current
    assert set(groups) == set(F.__all__), "could not parse the __all__ comment groups"
    return groups


def record_functions() -> tuple[dict, list]:
    family = documented_families()
    groups = all_comment_groups()
    entries = {}

    def add(name, obj, in_all):
        entry = describe_object(obj)
        entry["module"] = getattr(obj, "__module__", None)
        entry["in_all"] = in_all
        entry["family"] = family.get(name, "unlisted")
        if name in groups:
            entry["all_group"] = groups[name]
        entry["jvm_only"] = name in JVM_ONLY
        if name in JVM_ONLY:
            entry["jvm_only_reason"] = JVM_ONLY[name]
        entries[name] = entry

    for name in F.__all__:
        add(name, getattr(F, name), True)
    for name in dir(F):
        obj = getattr(F, name)
        if (
            not name.startswith("_")
            and name not in entries
            and inspect.isfunction(obj)
            and obj.__module__ == pyspark.sql.functions.builtin.__name__
        ):
            add(name, obj, False)
    part = pyspark.sql.functions.partitioning
    for name in dir(part):
        obj = getattr(part, name)
        if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == part.__name__:
            add(f"partitioning.{name}", obj, False)

    # Every documented name exists, and the page headings agree with the __all__ groups.
    missing = sorted(set(family) - set(entries))
    assert not missing, f"documented but not in pyspark.sql.functions: {missing}"
    normalise = {"Normal functions": "Normal Functions"}
    for name, group_heading in groups.items():
        documented = family.get(name)
        expected = normalise.get(group_heading, group_heading)
        if documented is None:
            assert expected in ("Partition Transformation Functions", "UDF, UDTF and UDT"), (name, expected)
        else:
            assert documented == expected, (name, documented, expected)
    for name in JVM_ONLY:
        assert name in entries, name
    order = [heading for heading, _ in DOC_FAMILIES] + ["unlisted"]
    return entries, order


# ---------------------------------------------------------------- modules


def record_module(module, names, **extra) -> dict:
    out = {}
    for name in names:
        entry = describe_object(getattr(module, name))
        entry.update(extra)
        out[name] = entry
    return out


def public_defined_here(module) -> list:
    return sorted(
        n
        for n, obj in vars(module).items()
        if not n.startswith("_")
        and (inspect.isclass(obj) or inspect.isfunction(obj))
        and getattr(obj, "__module__", "") == module.__name__
    )


def record_modules() -> dict:
    modules = {}
    modules["pyspark.sql"] = record_module(pyspark.sql, pyspark.sql.__all__)

    types_mod = pyspark.sql.types
    types_names = list(types_mod.__all__)
    types = record_module(types_mod, types_names, in_all=True)
    for name in public_defined_here(types_mod):
        if name not in types:
            entry = describe_object(getattr(types_mod, name))
            entry["in_all"] = False
            types[name] = entry
    modules["pyspark.sql.types"] = types

    errors = {}
    for name in pyspark.errors.__all__:
        obj = getattr(pyspark.errors, name)
        entry = describe_object(obj)
        if inspect.isclass(obj):
            entry["module"] = obj.__module__
            entry["mro"] = [qualname(k) for k in obj.__mro__ if k is not object]
            entry["is_exception"] = issubclass(obj, BaseException)
        errors[name] = entry
    modules["pyspark.errors"] = errors

    modules["pyspark.testing"] = record_module(pyspark.testing, pyspark.testing.__all__)

    streaming_mod = pyspark.sql.streaming
    streaming = {}
    for name in sorted(n for n in dir(streaming_mod) if not n.startswith("_")):
        obj = getattr(streaming_mod, name)
        if inspect.ismodule(obj):  # submodules; StreamingQueryException (from pyspark.errors) stays
            continue
        streaming[name] = {
            "kind": "class" if inspect.isclass(obj) else "function",
            "module": obj.__module__,
            "streaming": True,
        }
    modules["pyspark.sql.streaming"] = streaming

    for mod in (pyspark.sql.avro.functions, pyspark.sql.protobuf.functions):
        entries = record_module(mod, public_defined_here(mod))
        for entry in entries.values():
            entry["jvm_only"] = True
            entry["jvm_only_reason"] = JVM_ONLY_MODULES[mod.__name__]
        modules[mod.__name__] = entries
    return modules


# ---------------------------------------------------------------- SQL registry (bytecode)


def _opcode_length(code: bytes, pc: int) -> int:
    op = code[pc]
    if op in (0xAA, 0xAB):  # tableswitch, lookupswitch: 4-byte aligned operands
        base = pc + 1 + ((4 - (pc + 1) % 4) % 4)
        if op == 0xAA:
            low, high = struct.unpack(">ii", code[base + 4: base + 12])
            return base + 12 + 4 * (high - low + 1) - pc
        npairs = struct.unpack(">i", code[base + 4: base + 8])[0]
        return base + 8 + 8 * npairs - pc
    if op == 0xC4:  # wide
        return 6 if code[pc + 1] == 0x84 else 4
    if op in (0x10, 0x12, 0xA9, 0xBC) or 0x15 <= op <= 0x19 or 0x36 <= op <= 0x3A:
        return 2
    if op in (0x11, 0x13, 0x14, 0x84, 0xBB, 0xBD, 0xC0, 0xC1, 0xC6, 0xC7) or 0x99 <= op <= 0xA8 or 0xB2 <= op <= 0xB8:
        return 3
    if op == 0xC5:
        return 4
    if op in (0xB9, 0xBA, 0xC8, 0xC9):
        return 5
    return 1


def _parse_class(data: bytes):
    """Constant pool and the static initializer's bytecode of a class file."""
    pos = 10
    (count,) = struct.unpack(">H", data[8:10])
    pool = [None] * count
    i = 1
    while i < count:
        tag = data[pos]
        pos += 1
        if tag == 1:
            (length,) = struct.unpack(">H", data[pos: pos + 2])
            pool[i] = ("utf8", data[pos + 2: pos + 2 + length].decode("utf-8", "surrogatepass"))
            pos += 2 + length
        elif tag in (3, 4):
            pos += 4
        elif tag in (5, 6):
            pos += 8
            i += 1
        elif tag in (7, 8, 16, 19, 20):
            pool[i] = ({7: "class", 8: "string"}.get(tag, "other"), struct.unpack(">H", data[pos: pos + 2])[0])
            pos += 2
        elif tag in (9, 10, 11, 12, 17, 18):
            a, b = struct.unpack(">HH", data[pos: pos + 4])
            pool[i] = ({9: "field", 10: "method", 11: "imethod", 12: "nat"}.get(tag, "other"), (a, b))
            pos += 4
        elif tag == 15:
            pos += 3
        else:
            raise ValueError(f"unknown constant pool tag {tag}")
        i += 1

    def utf8(idx):
        return pool[idx][1]

    pos += 6  # access_flags, this_class, super_class
    (n_interfaces,) = struct.unpack(">H", data[pos: pos + 2])
    pos += 2 + 2 * n_interfaces

    def skip_members(pos, want=None):
        (n,) = struct.unpack(">H", data[pos: pos + 2])
        pos += 2
        found = None
        for _ in range(n):
            _, name_idx, _, n_attr = struct.unpack(">HHHH", data[pos: pos + 8])
            pos += 8
            for _ in range(n_attr):
                attr_name_idx, length = struct.unpack(">HI", data[pos: pos + 6])
                if want and utf8(name_idx) == want and utf8(attr_name_idx) == "Code":
                    (code_len,) = struct.unpack(">I", data[pos + 10: pos + 14])
                    found = data[pos + 14: pos + 14 + code_len]
                pos += 6 + length
        return pos, found

    pos, _ = skip_members(pos)  # fields
    _, clinit = skip_members(pos, want="<clinit>")
    assert clinit is not None, "no static initializer"
    return pool, utf8, clinit


def _first_clinit_string(data: bytes) -> str:
    pool, utf8, code = _parse_class(data)
    pc = 0
    while pc < len(code):
        if code[pc] in (0x12, 0x13):
            idx = code[pc + 1] if code[pc] == 0x12 else struct.unpack(">H", code[pc + 1: pc + 3])[0]
            if pool[idx][0] == "string":
                return utf8(pool[idx][1])
        pc += _opcode_length(code, pc)
    raise ValueError("no string constant in <clinit>")


def _registrations(data: bytes, owner: str, methods: set, jar: zipfile.ZipFile) -> list:
    """Walk <clinit>; each call owner.<m in methods>(...) yields (method, strings, classes, ...).

    ``X$.registryEntry()`` (an entry that the companion object X builds itself, e.g.
    CaseWhen -> "when") yields ("registryEntry", [name], [X], [], []), the name being the first
    string constant of X$'s own static initializer.
    """
    pool, utf8, code = _parse_class(data)

    def class_name(idx):
        return utf8(pool[idx][1]).replace("/", ".")

    def member_ref(idx):
        _, (cls_idx, nat_idx) = pool[idx]
        return class_name(cls_idx), utf8(pool[nat_idx][1][0])

    out = []
    strings, classes, statics, ints = [], [], [], []
    pc = 0
    while pc < len(code):
        op = code[pc]
        if op in (0x12, 0x13):  # ldc, ldc_w
            idx = code[pc + 1] if op == 0x12 else struct.unpack(">H", code[pc + 1: pc + 3])[0]
            kind, value = pool[idx]
            if kind == "string":
                strings.append(utf8(value))
            elif kind == "class":
                classes.append(utf8(value).replace("/", "."))
        elif 0x02 <= op <= 0x08 and strings:  # iconst_m1..iconst_5 after the name
            ints.append(op - 0x03)
        elif op == 0xB2:  # getstatic
            statics.append(member_ref(struct.unpack(">H", code[pc + 1: pc + 3])[0])[0])
        elif op in (0x53, 0xB3):  # aastore (end of one array element), putstatic
            strings, classes, statics, ints = [], [], [], []
        elif op in (0xB6, 0xB7, 0xB8):  # invokevirtual/special/static
            cls, name = member_ref(struct.unpack(">H", code[pc + 1: pc + 3])[0])
            if name == "registryEntry" and cls != owner:
                companion = jar.read(cls.replace(".", "/") + ".class")
                out.append(("registryEntry", [_first_clinit_string(companion)], [cls.rstrip("$")], [], []))
                strings, classes, statics, ints = [], [], [], []
            elif cls == owner and name in methods:
                out.append((name, list(strings), list(classes), list(statics), list(ints)))
                strings, classes, statics, ints = [], [], [], []
            elif statics and statics[-1] == cls:  # e.g. DecimalType$.MODULE$.USER_DEFAULT()
                statics[-1] = f"{cls}#{name}"
        pc += _opcode_length(code, pc)
    return out


def _simple(cls_name: str) -> str:
    return cls_name.rsplit(".", 1)[-1].rstrip("$")


def record_sql_registry() -> dict:
    jar = Path(pyspark.__file__).parent / "jars" / f"spark-catalyst_2.13-{EXPECTED_VERSION}.jar"
    utils_jar = Path(pyspark.__file__).parent / "jars" / f"spark-common-utils_2.13-{EXPECTED_VERSION}.jar"
    with zipfile.ZipFile(utils_jar) as z:
        info = dict(
            line.split("=", 1)
            for line in z.read("spark-version-info.properties").decode().splitlines()
            if "=" in line
        )
    catalyst = zipfile.ZipFile(jar)
    fr = catalyst.read("org/apache/spark/sql/catalyst/analysis/FunctionRegistry$.class")
    tfr = catalyst.read("org/apache/spark/sql/catalyst/analysis/TableFunctionRegistry$.class")

    owner = "org.apache.spark.sql.catalyst.analysis.FunctionRegistry$"
    kinds = {
        "expression", "expressionBuilder", "expressionGeneratorOuter",
        "expressionGeneratorBuilderOuter", "castAlias", "registerInternalExpression",
        "makeExprInfoForVirtualOperator",
    }
    functions, details, internal, operators = {}, {}, {}, []
    for method, strings, classes, statics, ints in _registrations(fr, owner, kinds, catalyst):
        name = strings[0]
        if method == "makeExprInfoForVirtualOperator":
            operators.append(strings[-2])
            continue
        if method == "castAlias":
            owner_cls, _, accessor = statics[-1].partition("#")
            target = _simple(owner_cls) + (f".{accessor}" if accessor else "")
            cls = "org.apache.spark.sql.catalyst.expressions.Cast"
            detail = {"class": cls, "via": method, "cast_to": target}
        else:
            cls = classes[-1]
            detail = {"class": cls, "via": method}
            if ints and ints[0] == 1:
                detail["set_alias"] = True
            if len(strings) > 1:
                detail["since"] = strings[1]
        if method == "registerInternalExpression":
            internal[name] = _simple(cls)
            continue
        assert name not in functions, f"duplicate registration {name}"
        functions[name] = _simple(cls)
        details[name] = detail

    table_owner = "org.apache.spark.sql.catalyst.analysis.TableFunctionRegistry$"
    table_functions = {}
    for method, strings, classes, _, _ in _registrations(
        tfr, table_owner, {"generator", "generatorBuilder", "logicalPlan"}, catalyst
    ):
        table_functions[strings[0]] = _simple(classes[-1])

    catalyst.close()
    assert len(functions) == 476, f"expected the 476 entries of FunctionRegistry.expressions, got {len(functions)}"
    return {
        "_meta": {
            "source": f"bytecode of {owner[:-1]}$ / {table_owner[:-1]}$ in pyspark/jars/{jar.name}",
            "spark_version": info.get("version"),
            "spark_revision": info.get("revision"),
            "generator": "scripts/record_pyspark_api.py",
            "notes": [
                "functions: SQL name -> simple class name of the Expression (or ExpressionBuilder) "
                "registered in FunctionRegistry.expressions; castAlias entries (int, string, ...) map to Cast.",
                "details: fully qualified class, the registering helper (expression, expressionBuilder, "
                "expressionGeneratorOuter, expressionGeneratorBuilderOuter, castAlias, or registryEntry "
                "for entries built by the expression's companion object), set_alias when the "
                "name is registered with setAlias = true, since when given explicitly.",
                "internal: FunctionRegistry.internal (registerInternalExpression), not visible to SQL users.",
                "virtual_operators: names in FunctionRegistry.builtinOperators (documented, no builder).",
                "table_functions: TableFunctionRegistry.builtin (FROM-clause table-valued functions).",
            ],
        },
        "functions": functions,
        "details": details,
        "internal": internal,
        "virtual_operators": sorted(operators),
        "table_functions": table_functions,
    }


# ---------------------------------------------------------------- main


def main() -> None:
    functions, family_order = record_functions()
    classes = {label: describe_class(label, pub, impl) for label, (pub, impl) in CLASSES.items()}
    modules = record_modules()
    registry = record_sql_registry()

    api = {
        "meta": {
            "pyspark_version": pyspark.__version__,
            "spark_revision": registry["_meta"]["spark_revision"],
            "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
            "generator": "scripts/record_pyspark_api.py",
            "functions_families_source": FUNCTIONS_PAGE,
            "function_family_order": family_order,
            "notes": [
                "signature = str(inspect.signature(obj)); doc = first line of inspect.getdoc(obj).",
                "functions: in_all tells whether the name is in pyspark.sql.functions.__all__; "
                "module is where the object is defined; family is the heading on the 4.0.1 "
                "functions reference page ('unlisted' if on none); all_group is the comment "
                "heading of __all__ in the installed source.",
                "classes: members enumerated on 'impl' (the classic class), signature/doc taken "
                "from 'public' when it defines the member; defined_in is the defining class in impl's MRO.",
                "classic_raises marks members that raise ONLY_SUPPORTED_WITH_SPARK_CONNECT on a classic session.",
            ],
        },
        "functions": functions,
        "classes": classes,
        "modules": modules,
    }
    text = json.dumps(api, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert " at 0x" not in text, "memory address leaked into the output"
    API_OUT.write_text(text, encoding="utf-8")
    REGISTRY_OUT.write_text(json.dumps(registry, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")

    fam_counts = {}
    for entry in functions.values():
        fam_counts[entry["family"]] = fam_counts.get(entry["family"], 0) + 1
    print(f"wrote {API_OUT.relative_to(HERE.parent)} and {REGISTRY_OUT.relative_to(HERE.parent)}")
    print(f"pyspark.sql.functions: {len(functions)} names "
          f"({sum(e['in_all'] for e in functions.values())} in __all__), "
          f"{sum(e['jvm_only'] for e in functions.values())} jvm_only")
    for fam in family_order:
        print(f"  {fam}: {fam_counts.get(fam, 0)}")
    for label, cls in classes.items():
        print(f"class {label}: {len(cls['members'])} members")
    for name, mod in modules.items():
        print(f"module {name}: {len(mod)} names")
    print(f"SQL registry: {len(registry['functions'])} functions, {len(registry['table_functions'])} table functions, "
          f"{len(registry['internal'])} internal, {len(registry['virtual_operators'])} virtual operators")


if __name__ == "__main__":
    main()
