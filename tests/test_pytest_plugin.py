"""PyRust's pytest plugin (pyrust.pytest_plugin, the `pytest11` entry point), tried on
small suites run by pytester in their own processes."""

import pytest

INI = """
[pytest]
pyrust_activate = true
pyrust_app_name = plugin-tests
pyrust_conf =
    spark.sql.session.timeZone = America/New_York
    spark.sql.shuffle.partitions=3
"""


def test_fixture_activation_and_configuration(pytester):
    pytester.makeini(INI)
    pytester.makepyfile(test_job="""
        import pyspark.sql.functions as F  # imported before any fixture: activation came first
        from pyspark.sql import DataFrame, SparkSession

        def test_session(spark):
            assert isinstance(spark, SparkSession)
            assert type(spark).__module__ == "pyrust.sql.session"
            assert spark.conf.get("spark.sql.session.timeZone") == "America/New_York"
            assert spark.conf.get("spark.sql.shuffle.partitions") == "3"
            assert spark.sparkContext.appName == "plugin-tests"
            df = spark.range(3).select(F.sum("id").alias("s"))
            assert isinstance(df, DataFrame) and df.collect()[0].s == 3

        def test_same_session(spark):
            assert SparkSession.builder.getOrCreate() is spark
    """)
    result = pytester.runpytest_subprocess("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["pyrust: engine pyrust *import pyspark -> PyRust"])


def test_isolation_between_tests(pytester):
    pytester.makeini(INI)
    pytester.makepyfile(test_iso="""
        import pytest

        @pytest.fixture(scope="session")
        def shared_view(spark):
            spark.range(2).createOrReplaceTempView("shared")
            return "shared"

        def test_1_changes_things(spark, shared_view):
            spark.conf.set("spark.sql.session.timeZone", "Asia/Tokyo")
            spark.conf.set("spark.sql.ansi.enabled", "false")
            spark.conf.set("my.own.key", "x")
            spark.range(1).createOrReplaceTempView("scratch")
            spark.range(1).cache()

        def test_2_sees_them_reset(spark, shared_view):
            assert spark.conf.get("spark.sql.session.timeZone") == "America/New_York"
            assert spark.conf.get("spark.sql.ansi.enabled") == "true"
            assert spark.conf.get("my.own.key", None) is None
            names = sorted(t.name for t in spark.catalog.listTables())
            assert names == ["shared"]  # a session fixture's view stays
    """)
    pytester.runpytest_subprocess("-p", "no:randomly").assert_outcomes(passed=2)


def test_a_conftest_spark_fixture_overrides_the_plugin(pytester):
    pytester.makeini(INI)
    pytester.makeconftest("""
        import pytest

        @pytest.fixture(scope="session")
        def spark():
            from pyspark.sql import SparkSession
            return SparkSession.builder.appName("mine").getOrCreate()
    """)
    pytester.makepyfile(test_own="""
        def test_own(spark):
            assert spark.sparkContext.appName == "mine"
    """)
    pytester.runpytest_subprocess().assert_outcomes(passed=1)


def test_activation_by_command_line_option(pytester):
    pytester.makepyfile(test_opt="""
        import pyspark

        def test_is_pyrust():
            import pyrust
            assert pyspark is pyrust
    """)
    pytester.runpytest_subprocess("--pyrust-activate").assert_outcomes(passed=1)


def test_bad_configuration_is_a_usage_error(pytester):
    pytester.makeini("[pytest]\npyrust_conf =\n    no-equals-sign\n")
    pytester.makepyfile(test_x="def test_x(spark):\n    pass\n")
    result = pytester.runpytest_subprocess()
    result.stderr.fnmatch_lines(["*pyrust_conf: expected key=value*"])
    result = pytester.runpytest_subprocess("--pyrust-engine=spark")
    assert result.ret != 0


def test_xdist_one_session_per_worker(pytester):
    pytest.importorskip("xdist")
    pytester.makeini(INI)
    pytester.makepyfile(test_par="""
        import os
        import pytest

        @pytest.mark.parametrize("i", range(8))
        def test_many(spark, i):
            from pyspark.sql import SparkSession
            assert SparkSession.getActiveSession() is spark
            spark.range(i + 1).createOrReplaceTempView("v")
            assert spark.table("v").count() == i + 1
            with open(os.path.join(os.environ["OUT_DIR"], f"{i}.txt"), "w") as f:
                f.write(f"{os.getpid()} {id(spark)}")
    """)
    out = pytester.mkdir("out")
    pytester._monkeypatch.setenv("OUT_DIR", str(out))
    result = pytester.runpytest_subprocess("-n", "2")
    result.assert_outcomes(passed=8)
    pids = {p.read_text().split()[0] for p in out.iterdir()}
    assert len(pids) == 2
