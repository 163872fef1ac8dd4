# Myolog: `make run` serves the demo on the embedded default; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run stack test bench lint format clean

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

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
