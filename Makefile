# The README's commands call these targets. Everything installs into .venv.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install run demo test test-sqlite lint contract spec examples spec-check services bench eval calibrate constraints clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# The CPU build of torch first: a looser requirement would pull a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	@bash scripts/install-dictionary.sh
	@touch $(STAMP)

install: $(STAMP)

## Run the service with the demo data on the embedded defaults (SQLite, local Redis).
run: install
	@bash scripts/ensure-services.sh redis || echo "Redis is not running: the service runs degraded (no cache)."
	$(BIN)/matchmaker demo
	$(BIN)/matchmaker serve --host $${MATCHMAKER_HOST:-127.0.0.1} --port $${MATCHMAKER_PORT:-8000}

demo: install
	$(BIN)/matchmaker demo

## The whole test suite, on SQLite and PostgreSQL, against the real Redis and model.
test: install
	@bash scripts/ensure-services.sh redis postgresql
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

test-sqlite: install
	MATCHMAKER_TEST_BACKENDS=sqlite $(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install contract
	$(BIN)/ruff check matchmaker embeddings tests benchmarks scripts
	bash scripts/lint-deploy.sh

## The published contract as the portal team uses it: Spectral and Redocly lint
## api_spec/openapi.json, openapi-typescript generates the types, tsc compiles a portal flow.
contract:
	@command -v npm >/dev/null || { echo "npm is needed for the contract check (apt-get install npm)"; exit 1; }
	cd scripts/contract && { test -d node_modules || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent check

spec: install
	$(BIN)/python scripts/write_spec.py api_spec/openapi.json

## The document's examples, recorded from a real session on the demo data (Redis and the model).
examples: install
	$(BIN)/python scripts/make_examples.py
	$(BIN)/python scripts/write_spec.py api_spec/openapi.json

spec-check: install
	$(BIN)/python scripts/write_spec.py --check api_spec/openapi.json

bench: install
	$(BIN)/python benchmarks/run_all.py

eval: install
	$(BIN)/python benchmarks/quality/evaluate.py

calibrate: install
	$(BIN)/python benchmarks/quality/calibrate.py

## Pin what is installed now (after changing dependencies in pyproject.toml).
constraints: install
	@echo "# Exact versions CI and the README's install use (pip install -c constraints.txt ...), so that" > constraints.txt
	@echo "# rebuilds do not drift. Regenerate after changing dependencies: make constraints" >> constraints.txt
	$(BIN)/pip freeze --exclude-editable | grep -v '@ file' | sed 's/+cpu$$//' >> constraints.txt

clean:
	rm -rf $(VENV) instance .pytest_cache
