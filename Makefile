# Leerkoers — one way to install, run and test everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.10 2>/dev/null || echo python3.10)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-8)
# Folder with the nl_core_news_sm wheel; falls back to the official spaCy release when it has none.
LEERKOERS_WHEELS ?= ../shared/wheels
SPACY_MODEL_URL := https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl
MODEL := models/leerkoers.tar.gz
# `make test`: the test modules run on this many processes (pytest-xdist); each module stays on one
TEST_PROCESSES ?= 2
WIDGET := widget/dist/leerkoers-widget.js
TRAIN_INPUTS := config.yml $(shell find domain -name '*.yml' 2>/dev/null) $(shell find data -name '*.yml' 2>/dev/null)

.PHONY: help install run run-prod bench nlu-report nlu-compare chat train test test-fast lint validate clean widget browser haproxy test-packages

help:
	@echo "make run    install what is missing, train when needed, start Leerkoers (SQLite)"
	@echo "make test   install what is missing and run every test"
	@echo "make test-fast  unit and integration tests: no model, no servers (while working)"
	@echo "make chat   talk to Leerkoers in the terminal"
	@echo "make train  train the model when data, domain or config changed"
	@echo "make lint   ruff"

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 10), sys.version' 2>/dev/null || { \
	  echo "Python 3.10 is needed (Rasa 3.6 does not run on newer versions)."; \
	  echo "Install it, e.g. 'pyenv install 3.10', or call: make PYTHON=/path/to/python3.10 ..."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=23,<25"
	$(BIN)/python -m pip install -q -e ".[dev]"
	@if ls "$(LEERKOERS_WHEELS)"/nl_core_news_sm-3.4.0*.whl >/dev/null 2>&1; then \
	  echo "Installing nl_core_news_sm from $(LEERKOERS_WHEELS)"; \
	  $(BIN)/python -m pip install -q --no-deps --find-links "$(LEERKOERS_WHEELS)" "nl_core_news_sm==3.4.0"; \
	else \
	  echo "No local wheel in $(LEERKOERS_WHEELS); installing nl_core_news_sm from the spaCy release"; \
	  $(BIN)/python -m pip install -q --no-deps "$(SPACY_MODEL_URL)"; \
	fi
	$(BIN)/python -c "import spacy; spacy.load('nl_core_news_sm')"
	@rm -f $(VENV)/.installed-*
	@touch $@

$(MODEL): $(STAMP) $(TRAIN_INPUTS)
	$(BIN)/leerkoers rasa train --domain domain --fixed-model-name leerkoers --out models
	@touch $@

train: $(MODEL)

# The chat widget: socket.io-client pinned by package-lock.json, built without a bundler.
$(WIDGET): widget/package.json widget/package-lock.json widget/build.mjs $(wildcard widget/src/*)
	@command -v npm >/dev/null || { echo "npm is needed to build the chat widget (Node.js 18+)."; exit 1; }
	cd widget && npm ci --no-audit --no-fund --silent && npm run --silent build

widget: $(WIDGET)

# A real browser for the widget tests: Debian's Chromium, driven by Playwright (no browser download).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Chromium (Debian: sudo apt-get install chromium) for the browser tests."; exit 1; fi; }

# The reverse proxy of the production layout: Debian's HAProxy (configuration in deploy/haproxy).
haproxy:
	@command -v haproxy >/dev/null || test -x /usr/sbin/haproxy || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; \
	  else echo "Install HAProxy (Debian: sudo apt-get install haproxy) for the production layout."; exit 1; fi; }

# Chromium and HAProxy one after the other: apt-get runs once at a time.
test-packages:
	@$(MAKE) --no-print-directory browser && $(MAKE) --no-print-directory haproxy

run: $(MODEL) $(WIDGET)
	$(BIN)/leerkoers run

run-prod: $(MODEL) $(WIDGET) haproxy
	LEERKOERS_MODE=production $(BIN)/leerkoers run-prod

chat: $(MODEL)
	$(BIN)/leerkoers chat

# What the tests need is made side by side: the model trains while the widget is built and Debian's packages install.
test:
	@$(MAKE) --no-print-directory -j 3 --output-sync=target $(MODEL) $(WIDGET) test-packages
	$(BIN)/ruff check bot actions rasa_addons ops tests bench
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadfile --durations=30

# While working: everything that needs no trained model and no servers (under a minute).
test-fast: $(STAMP)
	$(BIN)/ruff check bot actions rasa_addons ops tests bench
	$(BIN)/python -m pytest tests/unit tests/integration

# Load and speed figures (not part of `make test`; takes 15-30 minutes on 2 cores).
bench: $(MODEL) haproxy
	$(BIN)/python -m bench.run

# Single messages (tests/nlu/heldout.yml) and messages in the context of a question (tests/nlu/in_context.yml).
nlu-report: $(MODEL)
	$(BIN)/python -m bench.nlu_report --json results/nlu.json
	$(BIN)/python -m bench.context_report --json results/context.json
	$(BIN)/python -m bench.facts_report --json results/facts.json

# 5-fold cross-validation and the pipeline comparison of docs/nlu.md (trains 12 NLU models; about 20 minutes).
nlu-compare: $(MODEL)
	$(BIN)/python -m bench.nlu_compare --cross-validation 5 --json results/nlu-compare.json

lint: $(STAMP)
	$(BIN)/ruff check bot actions rasa_addons ops tests bench

clean:
	rm -rf models results .pytest_cache .ruff_cache var
