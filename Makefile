# Each target sets up what it needs on a fresh machine: a virtualenv, the corpus, Redis.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS := var/wiki-summaries.sqlite
ARTICLE ?= ../shared/data/articles/us-japan-alliance.txt

.PHONY: check serve worker test lint corpus clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[wiki,test]'
	touch $@

$(CORPUS): $(BIN)/.installed
	$(BIN)/python -m service corpus build $(CORPUS)

corpus: $(CORPUS)

## check an article on the embedded default (ARTICLE=path, or - for stdin)
check: $(BIN)/.installed $(CORPUS)
	$(BIN)/python -m service check $(ARTICLE)

## serve the HTTP API on http://127.0.0.1:8000 (HOST, PORT, WEB_CONCURRENCY)
serve: $(BIN)/.installed $(CORPUS)
	HOST=$${HOST:-127.0.0.1} $(BIN)/python -m service serve

## run background checks and batches from Redis: FACTCHECK_REDIS_URL, by default the local
## redis://127.0.0.1:6379/0 (started if none answers); serve with the same URL to queue to it
worker: $(BIN)/.installed $(CORPUS)
	@if [ -z "$${FACTCHECK_REDIS_URL}" ]; then scripts/ensure-redis; fi
	FACTCHECK_REDIS_URL=$${FACTCHECK_REDIS_URL:-redis://127.0.0.1:6379/0} $(BIN)/python -m service worker

## the whole test suite against a real Redis (started if none answers)
test: $(BIN)/.installed
	scripts/ensure-redis
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
