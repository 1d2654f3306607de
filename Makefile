# bibqual: two commands for a newcomer: `make start` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
CLUSTER_DB ?= bibqual_cluster
HOST ?= 0.0.0.0
PIP_INSTALL := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt
# make bench / make load: network sizes; make load: people, instances, minutes per run
SIZES ?= 2000,20000
USERS ?= 10,25,50
INSTANCES ?= 1,2
DURATION ?= 2m
LOAD_PORT ?= 8200

.PHONY: help install browser start start-cluster test docs bench load lint format i18n clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	$(PIP_INSTALL) -e ".[test]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install bibqual with its test extra (pinned)

start: install ## Create the demo site on first run, then serve it on PORT (default 8080)
	$(BIN)/python scripts/instance.py --name main --port $(PORT) --host $(HOST) >/dev/null
	$(BIN)/zconsole run var/instance/main/etc/zope.conf scripts/create_site.py
	@echo "bibqual runs at http://localhost:$(PORT)/Plone (admin/admin)"
	exec $(BIN)/runwsgi var/instance/main/etc/zope.ini

start-cluster: install ## Two instances on PORT and PORT+1 sharing PostgreSQL database CLUSTER_DB (RelStorage)
	$(BIN)/python scripts/cluster.py --db $(CLUSTER_DB) --port $(PORT) --host $(HOST)

browser: ## Install Debian's Chromium for the browser tests (Playwright drives it)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: install browser ## Install what the suite needs and run the whole suite
	$(BIN)/pytest tests

docs: install ## Regenerate docs/services/ from real requests (tests/docs)
	BIBQUAL_WRITE_DOCS=1 $(BIN)/pytest tests/docs -q

bench: install ## Benchmarks at 2,000 and 20,000 projects, the certification round, the documents and the reminders (first run generates the data)
	$(BIN)/python benchmarks/bench.py --sizes $(SIZES)
	$(BIN)/python benchmarks/bench_round.py
	$(BIN)/python benchmarks/bench_annual.py
	$(BIN)/python benchmarks/bench_dossier.py
	$(BIN)/python benchmarks/bench_reminders.py

load: install ## Load test on the cluster (locust): SIZES, USERS, INSTANCES, DURATION; exits 1 when a target is missed
	$(BIN)/python benchmarks/load/run.py --sizes $(SIZES) --users $(USERS) \
	  --instances $(INSTANCES) --duration $(DURATION) --port $(LOAD_PORT)

lint: install ## Check code style with ruff
	$(BIN)/ruff check src tests scripts

format: install ## Format and fix imports with ruff
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

i18n: install ## Update bibqual.pot, sync the Dutch catalogue and compile it
	$(PIP_INSTALL) -e ".[dev]"
	$(BIN)/i18ndude rebuild-pot --pot src/bibqual/locales/bibqual.pot --create bibqual src/bibqual
	$(BIN)/i18ndude sync --pot src/bibqual/locales/bibqual.pot src/bibqual/locales/nl/LC_MESSAGES/bibqual.po
	$(BIN)/python scripts/compile_mo.py

clean: ## Remove the virtualenv and the instance data
	rm -rf $(VENV) var
