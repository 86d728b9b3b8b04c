# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	$(BIN)/genlogic signature mpl_examples/peano.mpl
	$(BIN)/genlogic calc mpl_examples/peano.mpl --up-to 8
	$(BIN)/genlogic check runs/peano-calc
	$(BIN)/genlogic prove mpl_examples/peano_goals.mpl --goals-only
	$(BIN)/genlogic check runs/peano_goals
	$(BIN)/genlogic prove mpl_examples/peano.mpl
	$(BIN)/genlogic query runs/peano mpl_examples/peano_laws.mpl
	$(BIN)/genlogic check runs/peano
	@echo "open runs/peano/html/index.html to browse the proofs"

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
