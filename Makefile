# The two commands of the README:
#   make demo   — install govgraph and run the main job on the bundled examples (embedded store)
#   make test   — install the dev extras and system test tools, run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test install dev system-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -q -e .

dev: $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'

system-deps:
	bash scripts/system-deps.sh

demo: install
	$(BIN)/govgraph demo

test: dev system-deps
	$(BIN)/python -m pytest -q

bench: dev
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache out
