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

.PHONY: all demo test test-rust test-python develop record docs clean

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

clean:
	rm -rf $(VENV) .venv-record
