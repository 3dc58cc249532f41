"""The 99 TPC-DS queries in Spark SQL, as Spark's own `tpcds` query files spell them
(sql/core/src/test/resources/tpcds: q14, q23, q24 and q39 in two parts each, 103
texts in compat-tests/tpcds/queries), over the scale-factor 0.01 database of
`_tpcds_data`. The answers are PySpark's."""

import os
import sys

from harness import case

from cases import _tpcds_data

QUERY_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tpcds", "queries")

# Keyed by case name (`q01`, `q14a`).
# Queries whose ORDER BY leaves ties among the rows returned: compared as a set.
# q77 orders by (channel, id), and ROLLUP's subtotal row (id NULL) ties with the row of
# a real NULL id in 'catalog channel': Spark's order between them is its execution's,
# and PyRust's varies between runs, so the rows are compared as a multiset.
UNORDERED = {"q77"}

# Queries whose answer differs from PySpark's, with the reason: strict xfails
# (test_compat.py reads this), so one that starts passing fails the suite.
XFAIL = {
    "q41": "NOT_IMPLEMENTED: its correlated scalar subquery compares the outer column inside an OR "
    "((i_manufact = i1.i_manufact AND ...) OR (i_manufact = i1.i_manufact AND ...)); the SQL front end "
    "decorrelates equalities joined by AND only (semantics.md: correlated subqueries)",
}

# Queries not run in the suite, with the reason (each takes minutes on the dev build).
LEFT_OUT = {}

# Queries kept out of the default run for their time: seconds of one run (one process) on the
# dev build (2 shared cores). `PYRUST_TPCDS_SLOW=1` runs them too; the recorder always.
# Measured on a machine loaded by other builds (load average ~30 on 2 cores), so the figures
# are high.
SLOW = {
    "q02": 9.9, "q04": 33.2, "q05": 7.6, "q06": 6.6, "q07": 6.4, "q08": 25.0, "q09": 8.1, "q10": 9.1,
    "q11": 11.0, "q13": 8.5, "q14a": 19.7, "q14b": 12.3, "q18": 6.8, "q23a": 40.5, "q23b": 43.2, "q28": 8.4,
    "q31": 7.8, "q35": 17.0, "q36": 6.5, "q38": 5.7, "q39a": 16.6, "q39b": 20.2, "q46": 5.3, "q47": 23.1,
    "q48": 12.4, "q49": 10.7, "q50": 6.3, "q51": 8.0, "q53": 6.0, "q54": 8.5, "q56": 8.9, "q57": 27.7,
    "q58": 31.1, "q59": 16.5, "q60": 6.6, "q61": 10.1, "q64": 34.1, "q66": 19.6, "q67": 10.7, "q69": 13.3,
    "q70": 10.2, "q71": 6.6, "q72": 67.1, "q74": 26.5, "q75": 10.7, "q78": 7.1, "q80": 7.4, "q83": 7.3,
    "q84": 5.1, "q85": 12.1, "q88": 10.1, "q91": 5.3, "q99": 5.4,
}

_REGISTERED = set()


def query_text(name: str) -> str:
    with open(os.path.join(QUERY_DIR, f"{name}.sql")) as f:
        return f.read()


def query_names():
    names = [f[:-4] for f in os.listdir(QUERY_DIR) if f.endswith(".sql")]
    return sorted(names, key=lambda n: (int(n[1:].rstrip("ab")), n))


def run(spark, name: str):
    if id(spark) not in _REGISTERED:
        _tpcds_data.register(spark)
        _REGISTERED.add(id(spark))
    return spark.sql(query_text(name))


def case_name(name: str) -> str:
    """`q1` -> `q01`, `q14a` -> `q14a`: the case names sort as the queries."""
    number, part = int(name[1:].rstrip("ab")), name[len(name.rstrip("ab")):]
    return f"q{number:02d}{part}"


def _register(name: str):
    def fn(spark):
        return run(spark, name)

    fn.__name__ = case_name(name)
    fn.__qualname__ = fn.__name__
    fn.__module__ = __name__
    case(fn, ordered=fn.__name__ not in UNORDERED)


_RECORDING = os.path.basename(sys.argv[0]) == "record"
_WITH_SLOW = _RECORDING or os.environ.get("PYRUST_TPCDS_SLOW") == "1"

for _name in query_names():
    if case_name(_name) not in LEFT_OUT and (_WITH_SLOW or case_name(_name) not in SLOW):
        _register(_name)
