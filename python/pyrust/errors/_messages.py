"""Spark's error messages from its own templates: the one place a message is made
from (condition, parameters).

Two template sets ship in ``data/`` (Apache-2.0, see ``data/NOTICE``): the JVM's
``error-conditions.json`` for the errors Spark raises from its engine, and PySpark's
own for the errors PySpark raises in Python. They are read on first use, never at
import, so ``import pyrust`` stays cheap.
"""

import functools
import json
import os
import re
from typing import Any, Dict, Mapping, Optional

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
_PARAM = re.compile(r"<([a-zA-Z0-9_-]+)>")


@functools.lru_cache(maxsize=None)
def _conditions(jvm: bool) -> Dict[str, Any]:
    name = "error-conditions.json" if jvm else "pyspark-error-conditions.json"
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return json.load(f)


def template(condition: str, jvm: bool = True) -> Optional[str]:
    """The message template of ``MAIN`` or ``MAIN.SUB`` (the main text, a space, the
    sub-condition's text, as ``ErrorClassesJsonReader.getMessageTemplate``), or None."""
    parts = condition.split(".")
    if len(parts) > 2:
        return None
    info = _conditions(jvm).get(parts[0])
    if info is None:
        return None
    subs = info.get("subClass" if jvm else "sub_class")
    if (len(parts) == 2) != bool(subs):
        return None
    text = "\n".join(info["message"])
    if len(parts) == 2:
        sub = subs.get(parts[1])
        if sub is None:
            return None
        text = text + " " + "\n".join(sub["message"])
    return text


def sql_state(condition: Optional[str]) -> Optional[str]:
    """The SQLSTATE of a JVM condition (its main condition's), as ``getSqlState``."""
    if not condition:
        return None
    info = _conditions(True).get(condition.split(".")[0])
    return info.get("sqlState") if info else None


def fill(condition: str, parameters: Optional[Mapping[str, Any]], jvm: bool = True) -> Optional[str]:
    """The template filled with the parameters, or None when the condition is unknown or
    a parameter the template names is missing (Spark would fail internally there).
    Values are inserted as they are: never substituted again (Spark's
    ``setDisableSubstitutionInValues``); a None value reads ``null``."""
    text = template(condition, jvm)
    if text is None:
        return None
    params = dict(parameters or {})
    if any(name not in params for name in _PARAM.findall(text)):
        return None
    # A None value reads `null` in the JVM's messages, `None` in PySpark's (str.format).
    none = "null" if jvm else "None"
    return _PARAM.sub(lambda m: none if params[m.group(1)] is None else str(params[m.group(1)]), text)


def spark_message(condition: str, parameters: Optional[Mapping[str, Any]]) -> Optional[str]:
    """``SparkThrowableHelper.getMessage``: ``[COND.SUB] text SQLSTATE: xxxxx`` (no
    ``[...]`` prefix for ``_LEGACY_ERROR_*``, no SQLSTATE part when there is none)."""
    text = fill(condition, parameters, jvm=True)
    if text is None:
        return None
    state = sql_state(condition)
    prefix = "" if condition.startswith("_LEGACY_ERROR_") else f"[{condition}] "
    return prefix + text + (f" SQLSTATE: {state}" if state else "")


# Parameters Spark passes with a condition that its template does not show (so they
# cannot be read back from a text): always these values (QueryExecutionErrors'
# invalidInputInCastToNumberError, castingCauseOverflowError, ...: toSQLConf(ANSI_ENABLED)).
_UNSHOWN: Dict[str, Dict[str, str]] = {
    "CAST_INVALID_INPUT": {"ansiConfig": '"spark.sql.ansi.enabled"'},
    "CAST_OVERFLOW": {"ansiConfig": '"spark.sql.ansi.enabled"'},
}

# Parameters Spark fills the same way everywhere (SparkBuildInfo.spark_doc_root).
_DEFAULTS: Dict[str, str] = {"docroot": "https://spark.apache.org/docs/latest"}

_PREFIX = re.compile(r"^\[[A-Z0-9_.]+\] ")
_SQLSTATE_SUFFIX = re.compile(r" SQLSTATE: [0-9A-Z]{5}$")


@functools.lru_cache(maxsize=4096)
def _pattern(condition: str, jvm: bool) -> Optional["re.Pattern[str]"]:
    text = template(condition, jvm)
    if text is None:
        return None
    out, seen, last = [], set(), 0
    for m in _PARAM.finditer(text):
        out.append(re.escape(text[last:m.start()]))
        name = m.group(1)
        group = name.replace("-", "_")
        out.append(f"(?P={group})" if group in seen else f"(?P<{group}>.*?)")
        seen.add(group)
        last = m.end()
    out.append(re.escape(text[last:]))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def parameters_from_message(condition: str, message: str, jvm: bool = True) -> Optional[Dict[str, str]]:
    """The parameters that fill the template into ``message``, or None when the text is
    not the template's. For error sites that still write Spark's text themselves rather
    than pass parameters: the text they wrote is read back through the template, so the
    parameters reported are exactly what the text shows (and a text that strays from
    Spark's template keeps no parameters, which the compat suite catches)."""
    pattern = _pattern(condition, jvm)
    if pattern is None:
        return None
    body = _SQLSTATE_SUFFIX.sub("", _PREFIX.sub("", message, count=1))
    m = pattern.match(body)
    if m is None:
        return None
    names = {n.replace("-", "_"): n for n in _PARAM.findall(template(condition, jvm) or "")}
    found = dict(_UNSHOWN.get(condition, {})) if jvm else {}
    found.update((names[g], v) for g, v in m.groupdict().items())
    return found


def with_defaults(condition: str, parameters: Optional[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    """The parameters plus those Spark always fills the same way (``docroot``) where
    the condition's template names them and the caller left them out."""
    text = template(condition, True)
    if text is None:
        return dict(parameters) if parameters is not None else None
    params = dict(parameters or {})
    for name in _PARAM.findall(text):
        if name not in params and name in _DEFAULTS:
            params[name] = _DEFAULTS[name]
    return params
