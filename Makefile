# PyRust — the two commands that matter: `make demo` and `make test`.
# Both set up everything themselves: a virtualenv with the Python tools, then the
# Rust extension built by maturin into it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The goldens hold what pandas/pyarrow show (dtype names, values): tests and the
# recorder use the same versions.
PY_DATA_LIBS := "pyarrow==26.0.1" "pandas==3.1.1"
# Build artifacts live outside the clone so rebuilds (and CI runs) reuse them.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/pyrust-target

.PHONY: all demo test test-rust test-python develop record docs bench bench-build clean

all: test

$(VENV)/.installed: pyproject.toml Makefile
	@echo "setting up $(VENV) (Python tools)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q "maturin>=1.9,<2" "pytest>=7" $(PY_DATA_LIBS) "polars==2.1.0"
	@touch $@

# Builds the extension (dev profile: dependencies optimised, our crate lightly).
develop: $(VENV)/.installed
	@echo "building the extension (log: .build.log)..."
	@$(VENV)/bin/maturin develop -q > .build.log 2>&1 || (cat .build.log; exit 1)

demo: develop
	$(PY) examples/quickstart.py

test-rust:
	cargo test

test-python: develop
	$(PY) -m pytest -q

test: test-rust test-python

# Re-records the compat goldens from real PySpark 4.0.1 (needs Java 17).
record:
	$(PYTHON) -m venv .venv-record
	.venv-record/bin/pip install -q "pyspark==4.0.1" $(PY_DATA_LIBS)
	cd compat-tests && ../.venv-record/bin/python record $(CASES)

# Regenerates docs/supported-api.md from the code.
docs: develop
	$(PY) scripts/supported_api.py > docs/supported-api.md

# Benchmarks (docs/performance.md): a release build in its own venv beside real
# PySpark, native Polars and tpchgen-cli. Options: SCALE=1 ENGINES=pyrust,polars,polars-1.43,pyspark
# SUITES=tpch,latency,conversion,ooc,functions,windows RUNS=3 QUERIES=1-22 OOC_SCALE=10 OOC_MEMORY_GB=4 FUNCTION_ROWS=10000000
# WINDOWS_ROWS=10000000 WINDOWS_PARTITIONS=100000
BENCH_VENV := .venv-bench
SCALE ?= 1
ENGINES ?= pyrust,polars,polars-1.43,pyspark
SUITES ?= tpch,latency,conversion,ooc,functions,windows
RUNS ?= 3
QUERIES ?= 1-22
OOC_SCALE ?= 10
OOC_MEMORY_GB ?= 4
FUNCTION_ROWS ?= 10000000
WINDOWS_ROWS ?= 10000000
WINDOWS_PARTITIONS ?= 100000
# Like Python Polars' default x86 wheel: AVX2/FMA (x86-64-v3) where the CPU has them.
BENCH_RUSTFLAGS ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && echo "-C target-cpu=x86-64-v3")

$(BENCH_VENV)/.installed: Makefile
	@echo "setting up $(BENCH_VENV) (PySpark, Polars, tpchgen-cli, matplotlib)..."
	@$(PYTHON) -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/pip install -q --upgrade pip
	@$(BENCH_VENV)/bin/pip install -q "maturin>=1.9,<2" "pyspark==4.0.1" $(PY_DATA_LIBS) "polars==2.1.0" \
		"tpchgen-cli==2.0.2" "matplotlib==3.11.2"
	@# The Python Polars built from the same engine as the Rust crate (0.55), beside the newest.
	@$(BENCH_VENV)/bin/pip install -q --target $(BENCH_VENV)/polars-1.43.2 "polars==1.43.2"
	@touch $@

# The release profile (thin LTO): ~40 minutes cold on 2 cores, seconds when warm.
bench-build: $(BENCH_VENV)/.installed
	@echo "building the extension, release profile (log: .build-release.log)..."
	@RUSTFLAGS="$(BENCH_RUSTFLAGS)" VIRTUAL_ENV=$(abspath $(BENCH_VENV)) $(BENCH_VENV)/bin/maturin develop --release -q > .build-release.log 2>&1 \
		|| (cat .build-release.log; exit 1)

bench: bench-build
	$(BENCH_VENV)/bin/python bench/run.py --scale $(SCALE) --engines $(ENGINES) --suites $(SUITES) --runs $(RUNS) \
		--queries $(QUERIES) --ooc-scale $(OOC_SCALE) --ooc-memory-gb $(OOC_MEMORY_GB) --function-rows $(FUNCTION_ROWS) \
		--windows-rows $(WINDOWS_ROWS) --windows-partitions $(WINDOWS_PARTITIONS)
	$(BENCH_VENV)/bin/python bench/report.py

clean:
	rm -rf $(VENV) .venv-record $(BENCH_VENV)
