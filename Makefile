# Two commands set everything up on a fresh machine: `make demo` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
BC     := $(VENV)/bin/backchannel
STAMP  := $(VENV)/.installed-stamp
DB     ?= backchannel.duckdb
PYTHON ?= python3

.PHONY: demo test lint eval calibrate bench docs serve chromium screenshots postgresql test-postgres

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,ray]'
	touch $(STAMP)

# The demo's commands are run by tests/test_demo.py: keep them `$(BC) ...` lines.
demo: $(STAMP)
	rm -f $(DB) $(DB).wal
	$(BC) ingest examples/articles/ --db $(DB)
	$(BC) events --db $(DB) --format table
	$(BC) report --db $(DB) --output report.html
	@echo "wrote $(DB) and report.html"

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench eval
	$(VENV)/bin/mypy

test: $(STAMP) lint
	$(VENV)/bin/pytest -q

eval: $(STAMP)
	$(PY) -m eval.run_all

# Retrain the calibrated event confidence (data/codebook/confidence.json) after a coder change.
calibrate: $(STAMP)
	$(PY) -m eval.calibrate

bench: $(STAMP)
	$(PY) bench/throughput.py

# The API and the dashboard on the demo database (made by `make demo` when absent).
PORT ?= 8000
serve: $(STAMP)
	test -f $(DB) || $(MAKE) demo
	$(BC) serve --db $(DB) --port $(PORT)

# The README's screenshots of the dashboard, taken by the browser tests into docs/.
screenshots: $(STAMP) chromium
	SCREENSHOTS=docs $(VENV)/bin/pytest -q tests/web/test_browser.py

# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser
# download); a no-op when it is there. Without it the browser tests are skipped, saying so.
chromium:
	test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || echo "chromium could not be installed: the browser tests will be skipped"

# Debian's PostgreSQL server binaries (initdb, pg_ctl) for the tests marked postgres, which start
# their own server in a temporary directory; a no-op when initdb is on PATH or in
# /usr/lib/postgresql/*/bin. Without it those tests are skipped, saying so.
postgresql:
	command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } \
	  || echo "postgresql could not be installed: the postgres tests will be skipped"

# The store, the API, the exports and two concurrent ingests against a real PostgreSQL.
test-postgres: $(STAMP) postgresql
	$(VENV)/bin/pytest -q -m postgres

docs: $(STAMP)
	$(PY) -m backchannel.cli.reference > docs/cli.md
