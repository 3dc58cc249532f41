"""Records each test's time (setup + call + teardown) into $CI_BENCH_OUT (JSON lines)."""

import json
import os

_OUT = os.environ.get("CI_BENCH_OUT")
_times = {}


def pytest_runtest_logreport(report):
    _times[report.nodeid] = _times.get(report.nodeid, 0.0) + report.duration
    if report.when == "call" and report.failed:
        _times[report.nodeid + "::FAILED"] = 0.0


def pytest_sessionfinish(session):
    if _OUT:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(f"{_OUT}.{worker}", "w") as f:
            json.dump(_times, f)
