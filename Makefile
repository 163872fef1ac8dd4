# Myolog: `make run` serves the demo on the embedded default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
VAR_DIR ?= var

.PHONY: install run stack test test-js bench lint format clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

# The embedded default: SQLite under var/, email to the console, served by gunicorn (static
# files by whitenoise) beside a Celery worker on a broker of files under var/broker/
# (config/embedded.py): nothing to install. HOST=0.0.0.0 makes it reachable from a phone on
# the same network (RUN_HOST lets the allowed hosts follow; see config/settings.py).
run: export EMBEDDED = 1
run: export CELERY_BROKER_URL = filesystem://localhost/
run: export RUN_HOST = $(HOST)
run: export VAR_DIR := $(abspath $(VAR_DIR))
run: install
	mkdir -p $(VAR_DIR)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	@echo "Myolog is at http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)/ (log in as demo with the password above; Ctrl-C stops it)"
	@if [ "$(HOST)" = "0.0.0.0" ]; then for ip in $$(hostname -I 2>/dev/null); do \
	  case $$ip in *:*) ;; *) echo "  on this network: http://$$ip:$(PORT)/";; esac; done; fi
	$(PY) -m config.embedded --bind $(HOST):$(PORT)

# The production processes (gunicorn, Celery worker and beat, an SMTP catcher on :1025)
# without Docker, on this machine's PostgreSQL and Redis; see config/stack.py.
stack: install
	$(PY) -m config.stack

# Figures against floors on PostgreSQL + Redis + gunicorn; writes bench/RESULTS.md (bench/run.py).
bench: install
	$(PY) -m bench.run

# Lint, then the suite on SQLite (in parallel), the browser tests in headless Chromium, the
# integration and fault tests on the machine's PostgreSQL and Redis; on CI (CI=true) the
# suite runs once more on PostgreSQL. Integration/browser tests skip with a reason when
# their services are missing, except on CI, where they fail.
PG_URL ?= postgres://postgres@127.0.0.1:5432/myolog_ci
test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MAKE) --no-print-directory test-js
	$(PY) -m pytest -n 2 -m "not integration and not browser"
	$(PY) -m pytest tests/browser -m browser
	$(PY) -m pytest tests/integration -m integration
	if [ "$${CI:-}" = "true" ]; then \
	  DATABASE_URL=$(PG_URL) $(PY) -m pytest -n 2 -m "not integration and not browser"; fi

# The live logger's state logic (draft, outbox, rest timer…) under Node's own test runner: no
# npm install. Without Node it is skipped with a reason, except on CI, where it fails.
test-js:
	@if command -v node >/dev/null 2>&1; then node --test tests/js/; \
	elif [ "$${CI:-}" = "true" ]; then \
	  echo "CI=true: Node is needed for tests/js/ (apt-get install -y nodejs)"; exit 1; \
	else echo "SKIPPED tests/js/: Node is not installed (apt-get install -y nodejs)"; fi

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
