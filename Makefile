# PyRust — the two commands that matter: `make demo` and `make test`.
# Both set up everything themselves: a virtualenv with the Python tools, then the
# Rust extension built by maturin into it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The goldens hold what pandas/pyarrow show (dtype names, values): tests and the
# recorder use the same versions.
PY_DATA_LIBS := "pyarrow==26.0.1" "pandas==3.1.1"
# Third-party test helpers and plugins PyRust is tested with (docs/testing.md); mypy
# type-checks examples/ci-testing against PyRust's annotations (tests/test_example_ci.py).
# df.plot draws with plotly, PySpark's optional plotting backend (compat-tests/cases/dataframe_plot.py): the recorder too.
PY_PLOT_LIBS := "plotly==6.9.0"
PY_TEST_LIBS := "chispa==0.12.0" "pytest-xdist==3.8.0" "mypy==1.18.2" $(PY_PLOT_LIBS)
# A real S3 endpoint for tests/test_object_storage.py and the s3 bench suite: moto's S3
# backend and its threaded server (Flask). Not moto[server], which adds every AWS
# service's dependencies (docker, cfn-lint, aws-xray...: ~290 MB more in the venv).
PY_S3_LIBS := "moto[s3]==5.2.5" "flask==3.1.3" "flask-cors==6.0.5"
# The TPC-DS cases' data (compat-tests/cases/_tpcds_data.py): a Rust port of dsdgen
# shipped as a wheel, run once into a temp directory; its rows are the goldens' input.
PY_TPC_LIBS := "tpcgen-cli==4.0.0"
# Build artifacts live outside the clone so rebuilds (and CI runs) reuse them.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/pyrust-target

.PHONY: all demo test test-rust test-python develop record record-testing test-example-pyspark docs bench bench-build clean fuzz

all: test

$(VENV)/.installed: pyproject.toml Makefile
	@echo "setting up $(VENV) (Python tools)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q "maturin>=1.9,<2" "pytest>=7" $(PY_DATA_LIBS) "polars==2.1.0" $(PY_TEST_LIBS) $(PY_S3_LIBS) $(PY_TPC_LIBS)
	@touch $@

# Builds the extension (dev profile: unoptimised, see Cargo.toml).
develop: $(VENV)/.installed
	@echo "building the extension (log: .build.log)..."
	@$(VENV)/bin/maturin develop -q > .build.log 2>&1 || (cat .build.log; exit 1)

demo: develop
	$(PY) examples/quickstart.py

test-rust:
	cargo test

test-python: develop
	$(PY) -m pytest -q -n auto

test: test-rust test-python

# Re-records the compat goldens from real PySpark 4.0.1 (needs Java 17).
record:
	$(PYTHON) -m venv .venv-record
	.venv-record/bin/pip install -q "pyspark==4.0.1" $(PY_DATA_LIBS) $(PY_TPC_LIBS) $(PY_PLOT_LIBS)
	cd compat-tests && ../.venv-record/bin/python record $(CASES)

# The goldens of pyspark.testing and chispa (compat-tests/cases/testing_utils.py,
# chispa_helpers.py). PySpark 4.0.1's assertDataFrameEqual imports pyspark.pandas,
# which does not load with pandas 3, so these are recorded with pandas 2.2 (in the
# range PySpark 4.0.1 supports); `record` leaves them alone.
RECORD_TESTING_VENV := .venv-record-testing
record-testing:
	$(PYTHON) -m venv $(RECORD_TESTING_VENV)
	$(RECORD_TESTING_VENV)/bin/pip install -q "pyspark==4.0.1" "pyarrow==26.0.1" "pandas==2.2.3" "numpy<2.3" "pytest>=7" $(PY_TEST_LIBS)
	cd compat-tests && ../$(RECORD_TESTING_VENV)/bin/python record testing_utils:: chispa_helpers::

# The example job's suite (examples/ci-testing) on real PySpark 4.0.1 through PyRust's
# pytest plugin (`--pyrust-engine=pyspark`); outside `make test`, which runs it on PyRust.
test-example-pyspark:
	@test -x $(RECORD_TESTING_VENV)/bin/python || $(PYTHON) -m venv $(RECORD_TESTING_VENV)
	$(RECORD_TESTING_VENV)/bin/pip install -q "pyspark==4.0.1" "pyarrow==26.0.1" "pandas==2.2.3" "numpy<2.3" "pytest>=7" $(PY_TEST_LIBS)
	cd examples/ci-testing && PYTHONPATH=$(abspath python) ../../$(RECORD_TESTING_VENV)/bin/python -m pytest -q \
		-p no:cacheprovider -p pyrust.pytest_plugin --pyrust-engine=pyspark

# The differential fuzzer (docs/reliability.md): seeded random programs on PyRust and on
# real PySpark 4.0.1 (.venv-record, Java 17), compared with the compat harness's rules;
# the report goes to fuzz/reports/. Not part of `make test`. Options:
# FUZZ_SEED=202613 FUZZ_PROGRAMS=10000 FUZZ_SHRINK=40 FUZZ_ARGS="--shard 0/2" (or "--groups 0:100",
# "--summary"; a campaign resumes where its results files end: fuzz/run.py's Campaign)
FUZZ_SEED ?= 202613
FUZZ_ARGS ?=
FUZZ_PROGRAMS ?= 10000
FUZZ_SHRINK ?= 40
fuzz: develop
	@test -x .venv-record/bin/python || (echo "fuzz needs .venv-record with pyspark 4.0.1: make record once"; exit 1)
	nice -n 10 $(PY) fuzz/run.py --seed $(FUZZ_SEED) --programs $(FUZZ_PROGRAMS) --shrink $(FUZZ_SHRINK) $(FUZZ_ARGS)

# Regenerates docs/supported-api.md from the code.
docs: develop
	$(PY) scripts/supported_api.py > docs/supported-api.md

# Benchmarks (docs/performance.md): a release build in its own venv beside real
# PySpark, native Polars, native DuckDB (tpcds suite only) and the TPC data generators.
# Options: SCALE=1 ENGINES=pyrust,polars,polars-1.43,pyspark[,duckdb]
# SUITES=tpch,latency,conversion,ooc,functions,windows,ci RUNS=3 QUERIES=1-22 OOC_SCALE=10 OOC_MEMORY_GB=4 FUNCTION_ROWS=10000000
# WINDOWS_ROWS=10000000 WINDOWS_PARTITIONS=100000
# (ci: bench/ci_suite, a pytest suite of small-DataFrame tests; quick with SUITES=ci RUNS=1)
BENCH_VENV := .venv-bench
SCALE ?= 1
ENGINES ?= pyrust,polars,polars-1.43,pyspark
SUITES ?= tpch,latency,conversion,ooc,functions,windows,ci,s3
RUNS ?= 3
QUERIES ?= 1-22
OOC_SCALE ?= 10
OOC_MEMORY_GB ?= 4
FUNCTION_ROWS ?= 10000000
WINDOWS_ROWS ?= 10000000
WINDOWS_PARTITIONS ?= 100000
# Like Python Polars' default x86 wheel: AVX2/FMA (x86-64-v3) where the CPU has them.
BENCH_RUSTFLAGS ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && echo "-C target-cpu=x86-64-v3")
# Like them too: Polars' SIMD kernels (the `simd` feature, Cargo.toml), which need a
# nightly toolchain; used where rustup has one, else the stable build without them.
BENCH_TOOLCHAIN ?= $(shell rustup run nightly rustc --version >/dev/null 2>&1 && echo nightly)
BENCH_FEATURES = python,pyo3/extension-module$(if $(BENCH_TOOLCHAIN),$(comma)simd)
comma := ,

$(BENCH_VENV)/.installed: Makefile
	@echo "setting up $(BENCH_VENV) (PySpark, Polars, DuckDB, tpchgen-cli, tpcgen-cli, matplotlib)..."
	@$(PYTHON) -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/pip install -q --upgrade pip
	@$(BENCH_VENV)/bin/pip install -q "maturin>=1.9,<2" "pyspark==4.0.1" $(PY_DATA_LIBS) "polars==2.1.0" \
		"tpchgen-cli==2.0.2" $(PY_TPC_LIBS) "duckdb==2.0.0" "matplotlib==3.11.2" \
		"pytest>=7" $(PY_TEST_LIBS) $(PY_S3_LIBS)
	@# The Python Polars built from the same engine as the Rust crate (0.55), beside the newest.
	@$(BENCH_VENV)/bin/pip install -q --target $(BENCH_VENV)/polars-1.43.2 "polars==1.43.2"
	@touch $@

# The release profile (thin LTO): ~40 minutes cold on 2 cores, seconds when warm. A wheel
# installed into the bench venv, not `maturin develop`: that writes the extension into
# python/pyrust/, where the next `make develop` replaces it with the dev build.
bench-build: $(BENCH_VENV)/.installed
	@echo "building the extension, release profile (log: .build-release.log)..."
	@rm -rf $(BENCH_VENV)/wheel
	@RUSTFLAGS="$(BENCH_RUSTFLAGS)" $(if $(BENCH_TOOLCHAIN),RUSTUP_TOOLCHAIN=$(BENCH_TOOLCHAIN)) \
		$(BENCH_VENV)/bin/maturin build --release -q -i $(BENCH_VENV)/bin/python -F "$(BENCH_FEATURES)" \
		-o $(BENCH_VENV)/wheel > .build-release.log 2>&1 || (cat .build-release.log; exit 1)
	@$(BENCH_VENV)/bin/pip install -q --force-reinstall --no-deps $(BENCH_VENV)/wheel/*.whl

bench: bench-build
	$(BENCH_VENV)/bin/python bench/run.py --scale $(SCALE) --engines $(ENGINES) --suites $(SUITES) --runs $(RUNS) \
		--queries $(QUERIES) --ooc-scale $(OOC_SCALE) --ooc-memory-gb $(OOC_MEMORY_GB) --function-rows $(FUNCTION_ROWS) \
		--windows-rows $(WINDOWS_ROWS) --windows-partitions $(WINDOWS_PARTITIONS)
	$(BENCH_VENV)/bin/python bench/report.py

clean:
	rm -rf $(VENV) .venv-record $(RECORD_TESTING_VENV) $(BENCH_VENV)
