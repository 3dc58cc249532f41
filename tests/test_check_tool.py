"""`pyrust check`: the sample project in tests/fixtures/check_project has known
unsupported calls; what is reported follows PyRust's support data (pyrust._support,
the source of docs/supported-api.md), so implementing one of them changes the
expectation with it, never by hand."""

import json
import os
import subprocess
import sys

from pyrust import _cli, _support

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, "fixtures", "check_project")
SALES = os.path.join(PROJECT, "jobs", "sales.py")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "pyrust._cli", *args], capture_output=True, text=True, timeout=120)


def test_reports_the_known_unsupported_calls_with_their_place():
    result = _cli.check([PROJECT])
    found = {(os.path.relpath(f["file"], PROJECT), f["line"], f["kind"], f["name"]) for f in result["unsupported"]}
    expected = set()
    if not _support.function_status()["xpath_string"]:
        expected.add((os.path.join("jobs", "sales.py"), 14, "function", "pyspark.sql.functions.xpath_string"))
    if not _support.class_member_status("DataFrame")["pandas_api"]:
        expected.add((os.path.join("jobs", "sales.py"), 18, "method", "DataFrame.pandas_api"))
    sql = [f for f in found if f[2] == "sql"]
    assert found - set(sql) == expected
    # TABLESAMPLE is not implemented; the plain GROUP BY query is fine.
    assert [f[1] for f in sql] == [27]
    assert result["summary"]["files"] == 3
    assert [(k["line"], k["key"]) for k in result["conf_keys"]] == [(22, "spark.sql.shuffle.partitions")]


def test_python_string_methods_and_supported_calls_are_not_reported():
    result = _cli.check([os.path.join(PROJECT, "jobs", "ok.py")])
    assert result["unsupported"] == []
    lines = {f["line"] for f in _cli.check([SALES])["unsupported"]}
    assert 9 not in lines and 10 not in lines  # "...".replace, F.trim, F.col, filter


def test_command_line_text_json_and_exit_codes(tmp_path):
    run = _run("check", PROJECT)
    assert run.returncode == 1, run.stderr
    assert f"{SALES}:18:12: DataFrame.pandas_api: not implemented" in run.stdout
    assert "unsupported use(s)" in run.stdout
    run = _run("check", "--json", PROJECT)
    data = json.loads(run.stdout)
    assert run.returncode == 1 and data["summary"]["unsupported_uses"] == len(data["unsupported"]) >= 3
    run = _run("check", os.path.join(PROJECT, "jobs", "ok.py"))
    assert run.returncode == 0 and "every PySpark API found is supported" in run.stdout
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n")
    run = _run("check", str(broken))
    assert run.returncode == 0 and "not checked: SyntaxError" in run.stdout
    assert _run("check", str(tmp_path / "missing")).returncode == 2


def test_knowledge_is_the_supported_api_doc():
    # Every function the tool calls unsupported is struck out in docs/supported-api.md.
    with open(os.path.join(os.path.dirname(HERE), "docs", "supported-api.md")) as f:
        doc = f.read()
    unsupported = [n for n, ok in _support.function_status().items() if not ok and not _support.jvm_only(n)]
    assert unsupported and all(f"~~{n}~~" in doc for n in unsupported)
