"""The differential harness: one registry of cases, run on real PySpark by
`record` (goldens) and on PyRust by `test_compat.py`, with the same capture and
encoding on both sides so that a difference is a real difference."""

import contextlib
import datetime
import decimal
import importlib
import io
import math
import os
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

CASES: Dict[str, "Case"] = {}


@dataclass
class Case:
    name: str
    module: str
    fn: Callable[[Any], Any]
    conf: Dict[str, str] = field(default_factory=dict)
    ordered: bool = True
    show: bool = True
    kind: str = "exact"  # "hostile": compared by `compare_hostile`


def case(fn: Optional[Callable] = None, *, conf: Optional[Dict[str, str]] = None, ordered: bool = True, show: bool = True,
         kind: str = "exact"):
    """Registers a case: a function of `spark` returning a DataFrame or a value."""

    def register(f: Callable) -> Callable:
        module = f.__module__.rsplit(".", 1)[-1]
        name = f"{module}::{f.__name__}"
        if name in CASES:
            raise ValueError(f"duplicate case {name}")
        CASES[name] = Case(name, module, f, dict(conf or {}), ordered, show, kind)
        return f

    return register(fn) if fn is not None else register


def load_cases() -> Dict[str, Case]:
    import cases

    for info in pkgutil.iter_modules(cases.__path__):
        importlib.import_module(f"cases.{info.name}")
    return CASES


def encode(v: Any) -> Any:
    """A JSON form that keeps Python types apart (1 vs 1.0 vs Decimal('1'))."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, decimal.Decimal):
        return {"dec": str(v)}
    if isinstance(v, datetime.datetime):
        return {"ts": v.isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, (bytes, bytearray)):
        return {"bin": bytes(v).hex()}
    if isinstance(v, tuple) and hasattr(v, "__fields__"):
        return {"row": list(v.__fields__), "values": [encode(x) for x in v]}
    if isinstance(v, (list, tuple)):
        return {"list": [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"map": [[encode(k), encode(x)] for k, x in v.items()]}
    return {"repr": repr(v)}


def is_dataframe(v: Any) -> bool:
    return type(v).__name__ == "DataFrame" and hasattr(v, "schema") and hasattr(v, "collect")


def run_case(c: Case, spark: Any) -> Dict[str, Any]:
    """Runs one case and captures everything a user could observe."""
    out: Dict[str, Any] = {}
    stdout = io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout):
            for k, v in c.conf.items():  # a rejected setting is an observation too
                spark.conf.set(k, v)
            value = c.fn(spark)
            if is_dataframe(value):
                out["schema"] = [[f.name, f.dataType.simpleString(), f.nullable] for f in value.schema.fields]
                out["rows"] = [encode(r) for r in value.collect()]
                if c.show and c.ordered:
                    value.show()
            else:
                out["value"] = encode(value)
    except Exception as e:  # the error is the observation
        out["error"] = describe_error(e)
    finally:
        for k in c.conf:
            spark.conf.unset(k)
    out["stdout"] = stdout.getvalue()
    return out


# What an error golden holds: the Python class, the condition, the message
# parameters, the SQLSTATE and the message text. The text is `str(e)` with only what
# cannot match without a JVM taken off:
# - after a condition's message, Spark appends the analysed logical plan
#   (";\n'Project ...", attribute ids and JVM object names) or the query context
#   ("\n== SQL (line 1, position 8) ==\n..." / "\n== DataFrame ==\n\"sqrt\" was called
#   from\n<call site>"). When `str(e)` starts with `getMessage()` (Spark's own rendering
#   of condition + parameters, `[COND] text SQLSTATE: xxxxx`), the text kept is exactly
#   `getMessage()`;
# - "\n\nJVM stacktrace:\n..." (only with spark.sql.pyspark.jvmStacktrace.enabled) is cut;
# - the checkout's own path (a Python UDF's traceback names its case file, a reader's
#   error its fixture directory; in the text and the parameters) is written
#   `<compat-tests>`, so a golden does not depend on where the repository was cloned.
# Nothing else is touched: a wrong word, parameter or SQLSTATE fails the case.
_JVM_TAILS = ("\n\nJVM stacktrace:\n",)
_HERE = os.path.dirname(os.path.abspath(__file__))


def error_message(e: BaseException) -> str:
    text = str(e)
    for tail in _JVM_TAILS:
        if tail in text:
            text = text[: text.index(tail)]
    try:
        clean = e.getMessage() if hasattr(e, "getMessage") and getattr(e, "getCondition", lambda: None)() else None
    except Exception:
        clean = None
    if clean and text.startswith(clean):
        text = clean
    return _local(text)


def _local(text: Any) -> Any:
    return text.replace(_HERE, "<compat-tests>") if isinstance(text, str) else text


def _call(e: BaseException, getter: str) -> Any:
    if not hasattr(e, getter):
        return None
    try:
        return getattr(e, getter)()
    except Exception:
        return None


def describe_error(e: BaseException) -> Dict[str, Any]:
    condition = _call(e, "getCondition") if hasattr(e, "getCondition") else _call(e, "getErrorClass")
    params = _call(e, "getMessageParameters")
    return {
        "class": type(e).__name__,
        "condition": condition,
        "parameters": {k: _local(v) for k, v in dict(params).items()} if params is not None else None,
        "sqlstate": _call(e, "getSqlState"),
        "message": error_message(e),
    }


ERROR_IDENTITY = ("class", "condition")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict) and "f" in a and "f" in b:
        x, y = float(a["f"]), float(b["f"])
        if math.isnan(x) and math.isnan(y):
            return True
        return x == y or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def compare(c: Case, expected: Dict[str, Any], actual: Dict[str, Any], message_checked: bool = True) -> List[str]:
    """Differences between a golden and a PyRust run, as readable lines. Errors are
    compared in full (class, condition, parameters, SQLSTATE, message); with
    `message_checked` off (the allow-list in test_compat.py) only class and condition."""
    if c.kind == "hostile":
        return compare_hostile(expected, actual)
    problems = []
    if "error" in expected or "error" in actual:
        exp, act = expected.get("error"), actual.get("error")
        if exp is None or act is None:
            return [f"error: expected {exp}, got {act}"]
        keys = ERROR_IDENTITY if not message_checked else tuple(exp)
        for k in keys:
            if exp.get(k) != act.get(k):
                problems.append(f"error {k}: expected {exp.get(k)!r}, got {act.get(k)!r}")
        return problems
    if expected.get("schema") != actual.get("schema"):
        problems.append(f"schema: expected {expected.get('schema')}, got {actual.get('schema')}")
    exp_rows, act_rows = expected.get("rows"), actual.get("rows")
    if exp_rows is not None and not c.ordered:
        exp_rows = sorted(exp_rows, key=repr)
        act_rows = sorted(act_rows or [], key=repr)
    if not _same(exp_rows, act_rows):
        problems.append(f"rows: expected {exp_rows}, got {act_rows}")
    if "value" in expected and not _same(expected["value"], actual.get("value")):
        problems.append(f"value: expected {expected['value']}, got {actual.get('value')}")
    if expected.get("stdout") != actual.get("stdout"):
        problems.append("stdout differs:\n--- expected\n" + expected.get("stdout", "") + "--- got\n" + actual.get("stdout", ""))
    return problems


# The generated hostile-argument table (cases/hostile_arguments_generated.py) compares by
# one of three rules, chosen by what PySpark did:
# - "same result": PySpark returned; PyRust must return the same observation.
# - "same error": PySpark raised its own check (an error class, or an AssertionError or
#   converted JVM exception of its own code): same class and condition; for PySpark's
#   Python-side errors (PySpark*Error) the same message parameters too.
# - "unchecked": PySpark handed the argument to the JVM unchecked or failed by accident
#   (py4j's errors, `AttributeError: 'int' object has no attribute '_jdf'`, a TypeError or
#   ValueError of its own code; none with an error class). No class can be matched; PyRust
#   must raise an error that is a PySpark error class, a TypeError/ValueError or the same
#   builtin class, and never a success, a pyo3 argument-conversion TypeError, a panic or
#   an INTERNAL_ERROR.
UNCHECKED_CLASSES = {"Py4JError", "Py4JJavaError", "Py4JNetworkError", "AttributeError", "TypeError", "ValueError",
                     "KeyError", "IndexError", "OverflowError", "ZeroDivisionError", "NameError", "UnboundLocalError",
                     "RecursionError", "UnicodeEncodeError"}
# How pyo3 words a failed argument conversion: PySpark never says this.
_PYO3_CONVERSION = ("cannot be converted to", "failed to extract", "object cannot be interpreted as")


def hostile_rule(expected: Dict[str, Any]) -> str:
    err = expected.get("error")
    if err is None:
        return "same result"
    if err.get("condition") is None and err.get("class") in UNCHECKED_CLASSES:
        return "unchecked"
    return "same error"


def compare_hostile(expected: Dict[str, Any], actual: Dict[str, Any]) -> List[str]:
    rule = hostile_rule(expected)
    exp, act = expected.get("error"), actual.get("error")
    if act is not None and (act.get("condition") == "INTERNAL_ERROR" or "Panic" in str(act.get("class"))):
        return [f"{rule}: PyRust failed internally: {act}"]
    if rule == "same result":
        if act is not None:
            return [f"same result: expected {expected.get('value')!r}, got error {act}"]
        return [] if _same(expected.get("value"), actual.get("value")) else [
            f"same result: expected {expected.get('value')!r}, got {actual.get('value')!r}"]
    if act is None:
        return [f"{rule}: expected an error like {exp['class']}: {exp.get('message', '')[:200]!r}, got {actual.get('value')!r}"]
    if rule == "unchecked":
        text = act.get("message") or ""
        if act.get("condition") is None and any(t in text for t in _PYO3_CONVERSION):
            return [f"unchecked: a pyo3 argument conversion error: {act['class']}: {text[:200]}"]
        if act.get("condition") is None and act.get("class") not in ("TypeError", "ValueError", exp.get("class")):
            return [f"unchecked: expected a PySpark error class or TypeError/ValueError, got {act['class']}: {text[:200]}"]
        return []
    keys = ("class", "condition") + (("parameters",) if str(exp.get("class")).startswith("PySpark") else ())
    return [f"same error {k}: expected {exp.get(k)!r}, got {act.get(k)!r}" for k in keys if exp.get(k) != act.get(k)]
