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

SEED_TXT  := $(sort $(wildcard corpora/0*.txt))
SEED_JSON := $(patsubst corpora/%.txt,outputs/%.txt.json,$(SEED_TXT))

## demo: parse every notice in corpora/ into outputs/ (one JSON + one rules JSON per input file),
## compare the five seeds (matrix + the 重庆 2020 → 2022 diff) into outputs/compare/, and match the
## example applicant in corpora/applicants/ against the seeds (table here, JSON in outputs/match.json)
demo: setup
	$(BIN)/policyparse parse corpora --out outputs --rules
	$(BIN)/policyparse compare $(SEED_JSON) --diff 1:2 --out outputs/compare
	$(BIN)/policyparse match corpora/applicants/changzhou_enterprise.json $(SEED_JSON) --format json > outputs/match.json
	$(BIN)/policyparse match corpora/applicants/changzhou_enterprise.json $(SEED_JSON)

## test: the whole test suite
test: setup
	$(BIN)/python -m pytest

## eval: per-type precision/recall/F1 of the seed parses against the project's gold
eval: setup
	$(BIN)/policyparse eval --gold gold/seeds corpora

## bench: throughput per format, cold start, peak memory, and JioNLP head to head (installs the bench extra)
bench: setup
	$(BIN)/python -c "import jionlp" >/dev/null 2>&1 || $(BIN)/python -m pip install --quiet -e '.[bench]' || echo "bench: could not install the bench extra (jionlp); running without the peer" >&2
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## peer: run ../shared/peer-vectors through the resolvers (external benchmark)
peer: setup
	$(BIN)/python scripts/peer_vectors.py --subset policy

## corpora: rebuild corpora/*.docx and *.pdf from the .txt seeds (needs LibreOffice + CJK fonts)
corpora: setup
	$(BIN)/python scripts/build_corpora.py

clean:
	rm -rf $(VENV) .pytest_cache
