# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup system-deps run test lint clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/newsevents run corpus --out outputs

lint: setup
	$(PY) -m ruff check pipeline tests $(wildcard benchmarks)

# Java (PySpark) and Chromium (report browser tests), installed only where missing.
system-deps:
	@.ci/system-deps.sh

test: setup lint system-deps
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.json
