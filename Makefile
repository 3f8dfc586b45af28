# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Served on this machine only by default (the demo's passwords are published): `make run
# HOST=0.0.0.0` serves on every interface, e.g. behind a reverse proxy on another host.
HOST ?= localhost
# Two pytest workers: the suite is mostly CPU-bound AppTest and browser runs.
TEST_WORKERS ?= 2

.PHONY: install install-dev run lint test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

## Install, migrate, load the demo consortium into an empty database, serve on localhost:8501.
run: install
	$(BIN)/python -m dashboard init
	$(BIN)/python -m dashboard demo --if-empty
	$(BIN)/streamlit run dashboard/app.py --server.address $(HOST) --server.port $(PORT)

## Pyflakes and bugbear checks and the formatter (settings in pyproject.toml); `make test` runs them first.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## The whole test suite (PostgreSQL and browser tests run when a server / Chromium are found).
test: lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## Performance budgets (medians over repeated runs; not part of the tests).
bench: install-dev
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
