"""``pyrust check PATH...``: which PySpark APIs a code base uses that PyRust does not
support yet, found by reading the sources (``ast``; nothing is imported or run).

It reports, with file:line:col, the name and why:
- functions of ``pyspark.sql.functions`` (``from pyspark.sql.functions import x``, ``F.x``);
- methods of DataFrame, Column, GroupedData, the reader/writer, Catalog, SparkSession...
  called by name (``df.sample(...)``): a name is reported when no PySpark class that has
  it is supported by PyRust; names that are also methods of Python's str/list/dict/set
  (``replace``, ``count``...) only when the receiver looks like Spark (``df``, ``spark``...);
- ``spark.sql("...")`` with a literal string: run on an empty PyRust session, a statement
  PyRust cannot parse or does not implement, and PySpark functions it calls that PyRust
  lacks;
- ``spark.conf.set("key", ...)`` keys are listed (``--json``): PyRust accepts every key.
Its knowledge is pyrust._support: the same as docs/supported-api.md.
Exit code: 0 when everything found is supported, 1 when something is not, 2 on usage errors.
"""

import argparse
import ast
import json
import os
import re
import sys
from typing import Any, Dict, Iterator, List, Optional, Set

from pyrust import _support

_FUNCTION_MODULES = {"pyspark.sql.functions", "pyspark.sql.functions.builtin", "pyspark.sql.connect.functions"}
_PY_BUILTIN_METHODS = set(dir(str)) | set(dir(list)) | set(dir(dict)) | set(dir(set)) | set(dir(tuple)) | set(dir(bytes))
_SPARKISH = re.compile(r"(^|_)(df|dfs|spark|session|sdf|frame|dataframe|reader|writer|grouped|window)s?($|_)|df$|^df",
                       re.IGNORECASE)
# Classes whose methods are checked by name (the API a job calls on objects).
_METHOD_CLASSES = ["DataFrame", "Column", "GroupedData", "PandasGroupedOpsMixin", "DataFrameReader", "DataFrameWriter",
                   "DataFrameWriterV2", "DataFrameNaFunctions", "DataFrameStatFunctions", "Catalog", "SparkSession",
                   "SparkSession.Builder", "RuntimeConfig", "Window", "WindowSpec"]


def _method_status() -> Dict[str, Dict[str, bool]]:
    """method name -> {PySpark class: supported by PyRust}."""
    out: Dict[str, Dict[str, bool]] = {}
    for cls in _METHOD_CLASSES:
        for member, ok in _support.class_member_status(cls).items():
            if not member.startswith("_"):
                out.setdefault(member, {})[cls] = ok
    return out


def _root_name(node: ast.AST) -> Optional[str]:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _chain_names(node: ast.AST) -> List[str]:
    names = []
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
        node = node.func if isinstance(node, ast.Call) else node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, methods: Dict[str, Dict[str, bool]], functions: Dict[str, bool]):
        self.path = path
        self.methods = methods
        self.functions = functions
        self.findings: List[Dict[str, Any]] = []
        self.conf_keys: List[Dict[str, Any]] = []
        self.function_aliases: Set[str] = set()  # names bound to pyspark.sql.functions
        self.imported_functions: Dict[str, str] = {}  # local name -> function name
        self.uses_pyspark = False

    def report(self, node: ast.AST, kind: str, name: str, why: str) -> None:
        self.findings.append({"file": self.path, "line": node.lineno, "col": node.col_offset + 1, "kind": kind,
                              "name": name, "why": why})

    # imports
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.startswith("pyspark"):
                self.uses_pyspark = True
            if alias.name in _FUNCTION_MODULES and alias.asname:
                self.function_aliases.add(alias.asname)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.startswith("pyspark"):
            self.uses_pyspark = True
        for alias in node.names:
            local = alias.asname or alias.name
            if f"{module}.{alias.name}" in _FUNCTION_MODULES:
                self.function_aliases.add(local)
            elif module in _FUNCTION_MODULES and alias.name != "*":
                self.imported_functions[local] = alias.name

    def _function_use(self, node: ast.AST, name: str) -> None:
        if name in self.functions and not self.functions[name]:
            why = ("needs a JVM (PySpark runs it in Java)" if _support.jvm_only(name)
                   else "not implemented in PyRust yet (raises PySparkNotImplementedError)")
            self.report(node, "function", f"pyspark.sql.functions.{name}", why)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load) and node.id in self.imported_functions:
            self._function_use(node, self.imported_functions[node.id])

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and node.value.id in self.function_aliases:
            self._function_use(node, node.attr)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and not (isinstance(func.value, ast.Name)
                                                     and func.value.id in self.function_aliases):
            self._method_call(node, func)
            self._literal_arguments(node, func)
        self.generic_visit(node)

    def _method_call(self, node: ast.Call, func: ast.Attribute) -> None:
        name = func.attr
        classes = self.methods.get(name)
        if not classes or any(classes.values()):
            return
        if isinstance(func.value, ast.Constant):
            return
        if name in _PY_BUILTIN_METHODS:
            if not any(_SPARKISH.search(n) for n in _chain_names(func.value)):
                return
        owners = ", ".join(sorted(classes))
        self.report(func, "method", f"{owners.split(', ')[0]}.{name}" if len(classes) == 1 else f"{name} ({owners})",
                    "not implemented in PyRust yet (raises PySparkNotImplementedError)")

    def _literal_arguments(self, node: ast.Call, func: ast.Attribute) -> None:
        first = node.args[0] if node.args else None
        literal = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        if literal is None:
            return
        chain = _chain_names(func.value)
        if func.attr == "sql" and chain and any(_SPARKISH.search(n) for n in chain):
            for why in _sql_problems(literal):
                self.report(first, "sql", _shorten(literal), why)
        elif func.attr == "set" and chain[:1] == ["conf"]:
            self.conf_keys.append({"file": self.path, "line": node.lineno, "col": node.col_offset + 1, "key": literal})


def _shorten(sql: str) -> str:
    sql = " ".join(sql.split())
    return sql if len(sql) <= 60 else sql[:57] + "..."


_SQL_SESSION: Any = None


def _sql_problems(sql: str) -> List[str]:
    """Why PyRust cannot run a SQL string, judged without data: a syntax it cannot parse,
    a statement or clause it does not implement, PySpark functions it lacks."""
    global _SQL_SESSION
    from pyrust import _native
    from pyrust.errors import AnalysisException, ParseException, PySparkNotImplementedError

    problems = []
    if _SQL_SESSION is None:
        _SQL_SESSION = _native.Session()
    try:
        _SQL_SESSION.sql(sql)
    except PySparkNotImplementedError as e:
        problems.append(str(e))
    except ParseException as e:
        problems.append("PyRust's SQL parser rejects it: " + str(e).splitlines()[0])
    except AnalysisException:
        pass  # tables and columns come from the data; not a question of support
    except Exception as e:  # pragma: no cover - reported rather than crashing the check
        problems.append(f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    functions = _support.function_status()
    seen = set()
    for match in re.finditer(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(", sql):
        name = match.group(1).lower()
        if name in functions and not functions[name] and name not in seen:
            seen.add(name)
            problems.append(f"calls {name}(), which PyRust does not implement yet")
    return problems


def _python_files(paths: List[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
                for f in sorted(files):
                    if f.endswith(".py"):
                        yield os.path.join(root, f)
        else:
            yield path


def check(paths: List[str]) -> Dict[str, Any]:
    methods = _method_status()
    functions = _support.function_status()
    findings: List[Dict[str, Any]] = []
    conf_keys: List[Dict[str, Any]] = []
    errors: List[Dict[str, Any]] = []
    files = 0
    for path in _python_files(paths):
        files += 1
        try:
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), filename=path)
        except (SyntaxError, UnicodeDecodeError, OSError) as e:
            errors.append({"file": path, "error": f"{type(e).__name__}: {e}"})
            continue
        checker = _Checker(path, methods, functions)
        checker.visit(tree)
        findings += checker.findings
        conf_keys += checker.conf_keys
    findings.sort(key=lambda f: (f["file"], f["line"], f["col"]))
    by_name: Dict[str, int] = {}
    for f in findings:
        by_name[f["name"]] = by_name.get(f["name"], 0) + 1
    return {"files": files, "unsupported": findings, "conf_keys": conf_keys, "errors": errors,
            "summary": {"files": files, "unsupported_uses": len(findings), "unsupported_names": len(by_name),
                        "by_name": dict(sorted(by_name.items(), key=lambda kv: (-kv[1], kv[0])))}}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="pyrust", description="PyRust's tools.")
    sub = parser.add_subparsers(dest="command")
    check_parser = sub.add_parser("check", help="report the PySpark APIs a code base uses that PyRust does not support")
    check_parser.add_argument("paths", nargs="+", metavar="PATH", help="Python files or directories")
    check_parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    args = parser.parse_args(argv)
    if args.command != "check":
        parser.print_help()
        return 2
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"pyrust check: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    result = check(args.paths)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for f in result["unsupported"]:
            print(f"{f['file']}:{f['line']}:{f['col']}: {f['name']}: {f['why']}")
        for e in result["errors"]:
            print(f"{e['file']}: not checked: {e['error']}")
        s = result["summary"]
        if s["unsupported_uses"]:
            print(f"\n{s['unsupported_uses']} unsupported use(s) of {s['unsupported_names']} API name(s) "
                  f"in {s['files']} file(s):")
            for name, n in s["by_name"].items():
                print(f"  {n:4d}  {name}")
        else:
            print(f"{s['files']} file(s) checked: every PySpark API found is supported by PyRust.")
    return 1 if result["unsupported"] else 0


if __name__ == "__main__":
    sys.exit(main())
