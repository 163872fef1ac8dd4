# Myolog: `make run` serves the demo on the embedded default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run stack test test-js bench lint format clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(VENV)/bin/uv pip install --quiet --python $(PY) -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

# The embedded default: SQLite under var/, Celery tasks eager, email to the console.
run: export EMBEDDED = 1
run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

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

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
