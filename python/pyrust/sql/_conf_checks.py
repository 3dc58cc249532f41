"""What spark.conf.set checks before it takes a value, as Spark's RuntimeConfig and
SQLConf do: a static setting cannot change, a boolean or integer setting takes only
its type's text, a value is never null. The settings Spark knows (and which of them
are static) are Spark 4.0.1's public SQL settings, in data/sql-confs.json."""

import functools
import json
import os
from typing import Any, Dict

from pyrust.errors import AnalysisException, IllegalArgumentException, PySparkTypeError

# Settings Spark parses as integers, with the check its ConfigBuilder adds.
_POSITIVE_INTS = {"spark.sql.shuffle.partitions"}
_INTS = _POSITIVE_INTS | {
    "spark.sql.execution.arrow.maxRecordsPerBatch",
    "spark.sql.maxPlanStringLength",
    "spark.sql.view.maxNestedViewDepth",
    "spark.sql.pyspark.plotting.max_rows",
}


@functools.lru_cache(maxsize=None)
def _data() -> Dict[str, Any]:
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "sql-confs.json")
    with open(path) as f:
        return json.load(f)


def known_settings() -> Dict[str, bool]:
    """Every public SQL setting of Spark 4.0.1, and whether it is modifiable."""
    return _data()["settings"]


@functools.lru_cache(maxsize=None)
def _booleans() -> frozenset:
    return frozenset(_data()["booleans"])


def check_str(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise PySparkTypeError(errorClass="NOT_STR", messageParameters={"arg_name": name, "arg_type": type(value).__name__})


def check_default(key: str, default: str) -> None:
    """Spark's RuntimeConfig.get(key, default) converts the default with the setting's
    own parser: a boolean setting's default must read as one."""
    if key in _booleans() and default.strip().lower() not in ("true", "false"):
        raise IllegalArgumentException(message=f"{key} should be boolean, but was {default}")


def is_modifiable(key: Any) -> bool:
    return isinstance(key, str) and known_settings().get(key, False)


def check_set(key: str, value: Any) -> None:
    """Raises what Spark raises for `spark.conf.set(key, value)`."""
    if value is None:
        raise IllegalArgumentException(message=f"requirement failed: value cannot be null for key: {key}")
    if known_settings().get(key) is False:
        raise AnalysisException(
            errorClass="CANNOT_MODIFY_CONFIG",
            messageParameters={"key": f'"{key}"', "docroot": "https://spark.apache.org/docs/latest"},
        )
    text = str(value).strip()
    if key in _booleans() and text.lower() not in ("true", "false"):
        raise IllegalArgumentException(message=f"{key} should be boolean, but was {value}")
    if key in _INTS:
        try:
            number = int(text)
        except ValueError:
            raise IllegalArgumentException(message=f"{key} should be int, but was {value}") from None
        if key in _POSITIVE_INTS and number <= 0:
            raise IllegalArgumentException(
                message=f"'{value}' in {key} is invalid. The value of {key} must be positive"
            )
