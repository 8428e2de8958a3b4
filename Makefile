# policyparse — the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench peer corpora eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## demo: parse every notice in corpora/ into outputs/ (one JSON per input file)
demo: setup
	$(BIN)/policyparse parse corpora --out outputs

## test: the whole test suite
test: setup
	$(BIN)/python -m pytest

## eval: per-type precision/recall/F1 of the seed parses against the project's gold
eval: setup
	$(BIN)/policyparse eval --gold gold/seeds corpora

## bench: throughput per format, cold start, peak memory (and JioNLP where installed)
bench: setup
	$(BIN)/python scripts/bench.py

## peer: run ../shared/peer-vectors through the resolvers (external benchmark)
peer: setup
	$(BIN)/python scripts/peer_vectors.py --subset policy

## corpora: rebuild corpora/*.docx and *.pdf from the .txt seeds (needs LibreOffice + CJK fonts)
corpora: setup
	$(BIN)/python scripts/build_corpora.py

clean:
	rm -rf $(VENV) .pytest_cache
