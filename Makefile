# Two commands: `make run` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint format install install-dev translations messages demo clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Compile the committed .po catalogues (pure Python: no gettext tools needed).
translations: $(VENV)/.installed
	$(PY) manage.py compile_translations

## Refresh the catalogues from the code and templates (needs GNU gettext).
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale sq --no-obsolete --ignore ".venv/*" --ignore "e2e/*" \
		--ignore "*/tests/*" --ignore "home/demo/*" --ignore "bench/*"

demo: translations
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo

## What production does, on this machine: gunicorn (config/gunicorn.conf.py) with production
## settings over plain HTTP on 127.0.0.1, a throwaway local SECRET_KEY, and the newsletter worker.
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-only-not-secret} ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=false SERVE_MEDIA=true GUNICORN_BIND=$(HOST):$(PORT)
serve: demo
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v0
	$(SERVE_ENV) $(PY) manage.py db_worker --backend newsletter & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(VENV)/bin/gunicorn -c config/gunicorn.conf.py config.wsgi

## The site, and beside it the worker that sends the newsletter (stopped with the server).
run: demo
	$(PY) manage.py db_worker --backend newsletter & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev
	$(PY) manage.py compile_translations
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
