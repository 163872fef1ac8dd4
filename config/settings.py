"""Settings from the environment (12-factor), with safe defaults.

Without any environment the app runs on its embedded default: SQLite under var/,
Celery tasks eager in-process, email to the console. DEBUG is off unless set, and
then SECRET_KEY must be given.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from kombu import Queue

from logbook.common.secrets import kept_secret

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# Local state of the embedded default: the SQLite database, generated secrets, static files
# and uploads (VAR_DIR moves it, e.g. for a second demo beside the first).
VAR_DIR = Path(env("VAR_DIR", default=str(BASE_DIR / "var")))

# `make run` (EMBEDDED=1) keeps a generated key under var/ so a demo needs no set-up.
EMBEDDED = env.bool("EMBEDDED", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if EMBEDDED:
        SECRET_KEY = kept_secret(VAR_DIR / "secret_key")
    elif DEBUG:
        SECRET_KEY = "insecure-development-key-only-for-debug"
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

# HTTPS hardening: on whenever DEBUG is off, except for `make run` on plain http.
# Behind a TLS-terminating proxy, set BEHIND_PROXY=true so Django trusts X-Forwarded-Proto.
SECURE_HTTPS = env.bool(
    "SECURE_HTTPS", default=not DEBUG and not env.bool("EMBEDDED", default=False)
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE_HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS > 0)
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True  # pages carry the token; scripts never read the cookie
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy (django-csp): only our own scripts and stylesheets, and inline
# elements carrying the request's nonce ({{ request.csp_nonce }}); no 'unsafe-inline'. The
# weekly report's inline styles (shared with the email) become a nonced stylesheet
# (logbook.common.styles); Swagger UI is served by us, its start-up script a file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Behind N trusted reverse proxies the client's address is the Nth from the right in
# X-Forwarded-For (each proxy appends the peer it saw); with 0 the header is ignored, so
# neither the lockout nor the throttles can be dodged or turned on others by forging it.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=env.int("NUM_PROXIES", default=0))

# One lockout for every password door (logbook.lockout, django-axes): failures counted in
# the database per username and per client address; at the limit every attempt, the right
# password too, is refused with a 429 and Retry-After until the cool-off has passed.
LOGIN_FAILURES_ALLOWED = env.int("LOGIN_FAILURES_ALLOWED", default=10)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
AUTHENTICATION_BACKENDS = [
    "logbook.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURES_ALLOWED
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the pause ends when it said it would
AXES_CLIENT_IP_CALLABLE = "logbook.lockout.client_address"
AXES_USERNAME_CALLABLE = "logbook.lockout.attempted_username"
AXES_LOCKOUT_CALLABLE = "logbook.lockout.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful log-ins need no table that grows forever
AXES_VERBOSE = False  # no banner on every command; failures and lockouts are still logged

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# `make run HOST=…` passes its address as RUN_HOST: hosts follow it unless ALLOWED_HOSTS is
# set. A wildcard address (0.0.0.0, ::) means "reachable by whatever name or address a phone on
# the same network uses", so the embedded server then answers any host name.
RUN_HOST = env("RUN_HOST", default="")
if EMBEDDED and RUN_HOST and "ALLOWED_HOSTS" not in env.ENVIRON:
    if RUN_HOST in ("0.0.0.0", "::", "[::]"):
        ALLOWED_HOSTS = ["*"]
    elif RUN_HOST not in ALLOWED_HOSTS:
        ALLOWED_HOSTS = [*ALLOWED_HOSTS, RUN_HOST]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "csp",
    "axes",
    "logbook",
    "insights",
]

MIDDLEWARE = [
    # First: what a request leaves for after its answer (the Celery publish of its writes).
    "logbook.common.after_response.AfterResponseMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.query_guard.RefuseNulInQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "logbook.middleware.UserTimeZoneMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into logbook.lockout's answer
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "logbook.context_processors.preferences",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'myolog.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions keep the threaded dev server free of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    # A health check is a round trip before every request's first query (14% of a create's
    # time under load, bench/). Without it, a connection the database dropped (a restart)
    # fails the one request that finds it, cleanly (503, Retry-After), and is replaced.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=False)
    # A database host that stops answering fails requests in seconds (503), not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule: its hook revokes every token when a password changes (logbook.tokens).
    {"NAME": "logbook.tokens.RevokeAccessOnPasswordChange"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Email: console unless EMAIL_URL names an SMTP server (smtp://user:pass@host:port).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Myolog <noreply@myolog.localhost>")

# Celery: eager in-process when no broker is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=env("REDIS_URL", default=""))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://localhost/"  # a host, or kombu warns that none was given
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Redis redelivers a task that a worker took but never acknowledged (acks_late: the worker
# died) once this many seconds have passed; longer than any task may run, or a slow task
# would run twice. The fault tests shorten it to see a killed worker's tasks come back.
CELERY_VISIBILITY_TIMEOUT = env.float("CELERY_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
# The embedded default's broker (`make run`, CELERY_BROKER_URL=filesystem://): messages are
# files under VAR_DIR/broker/ (config/embedded_broker.py), read by the worker that `make run`
# starts beside gunicorn (config/embedded.py); it looks for new ones every tenth of a second.
EMBEDDED_BROKER = CELERY_BROKER_URL.startswith("filesystem://")
if EMBEDDED_BROKER:
    CELERY_BROKER_TRANSPORT = "config.embedded_broker:Transport"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "broker" / "messages"),
        "data_folder_out": str(VAR_DIR / "broker" / "messages"),
        "control_folder": str(VAR_DIR / "broker" / "control"),
        "polling_interval": 0.1,
    }
# So a slow task is never redelivered to a second worker while it still runs, every task
# ends before the visibility timeout: at the soft limit it is told to stop (an import
# fails cleanly, keeping what it wrote), at the hard limit the worker kills it.
CELERY_TASK_TIME_LIMIT = env.float(
    "CELERY_TASK_TIME_LIMIT", default=min(900.0, 0.9 * CELERY_VISIBILITY_TIMEOUT)
)
CELERY_TASK_SOFT_TIME_LIMIT = env.float(
    "CELERY_TASK_SOFT_TIME_LIMIT", default=0.8 * CELERY_TASK_TIME_LIMIT
)
if not CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < CELERY_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "Celery limits must be soft < hard < the broker's visibility timeout."
    )
# Separate queues, so one kind of work never waits behind another's backlog (a big import
# behind nobody's classification): a worker consumes every queue unless given `-Q`, and
# workers can be given to each (docs/architecture.md, "Queues and workers").
CELERY_TASK_DEFAULT_QUEUE = "celery"
TASK_QUEUES = (
    *("celery", "imports", "classification", "weeks", "emails", "maintenance"),
    "bulk-classification",  # an import's workouts (insights.tasks.queue_classification)
)
CELERY_TASK_QUEUES = [Queue(name) for name in TASK_QUEUES]
CELERY_TASK_ROUTES = {
    "logbook.imports.tasks.run_import": {"queue": "imports"},
    "logbook.imports.tasks.import_chunk": {"queue": "imports"},
    "logbook.imports.tasks.*": {"queue": "maintenance"},
    "logbook.tasks.*": {"queue": "maintenance"},
    "insights.tasks.classify_workouts": {"queue": "classification"},
    "insights.tasks.sweep_unclassified": {"queue": "classification"},
    "insights.tasks.refresh_weekly_report": {"queue": "weeks"},
    "insights.tasks.warm_record_books": {"queue": "weeks"},
    "insights.tasks.send_weekly_email": {"queue": "emails"},
    "insights.tasks.send_due_weekly_emails": {"queue": "emails"},
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2}
HOUR, DAY = 3600.0, 86400.0
CELERY_BEAT_SCHEDULE = {
    "sweep-unclassified": {"task": "insights.tasks.sweep_unclassified", "schedule": 300.0},
    "weekly-emails": {"task": "insights.tasks.send_due_weekly_emails", "schedule": HOUR},
    # Housekeeping: what would otherwise grow without bound.
    "purge-idempotency-records": {
        "task": "logbook.tasks.purge_idempotency_records",
        "schedule": HOUR,
    },
    "purge-sessions": {"task": "logbook.tasks.purge_sessions", "schedule": DAY},
    "purge-imports": {"task": "logbook.imports.tasks.purge_imports", "schedule": DAY},
    # Chunked uploads that stopped coming (logbook/imports/uploads.py).
    "purge-import-uploads": {"task": "logbook.imports.tasks.purge_uploads", "schedule": HOUR},
    # No import left queued or running past its limit (logbook/imports/watchdog.py).
    "unstick-imports": {"task": "logbook.imports.tasks.unstick_imports", "schedule": 60.0},
    "purge-login-failures": {"task": "logbook.tasks.purge_login_failures", "schedule": HOUR},
}
# Finished import jobs (their status pages) are kept this long; uploads of jobs that never
# finished are deleted after IMPORT_STALE_HOURS.
IMPORT_KEEP_DAYS = env.int("IMPORT_KEEP_DAYS", default=30)
IMPORT_STALE_HOURS = env.int("IMPORT_STALE_HOURS", default=24)
# An import is written in chunks of at most this many workouts and seconds, each a task
# queued at the back of the imports queue, so a big file yields to other users' imports.
IMPORT_CHUNK_WORKOUTS = env.int("IMPORT_CHUNK_WORKOUTS", default=1000)
IMPORT_CHUNK_SECONDS = env.float("IMPORT_CHUNK_SECONDS", default=2.0)
# How many times the watchdog queues a lost step again (without progress) before the job
# fails with a message; a step is lost after the task's hard time limit and a minute.
IMPORT_MAX_ATTEMPTS = env.int("IMPORT_MAX_ATTEMPTS", default=2)
IMPORT_STEP_GRACE_S = env.float("IMPORT_STEP_GRACE_S", default=60.0)
# The Retry-After (seconds) of the 503 an upload or a retry gets when the job queue could
# not take it (a broker restart is usually over by then).
IMPORT_RETRY_AFTER_S = env.int("IMPORT_RETRY_AFTER_S", default=30)
# Reading a file is one step that cannot be cut (a 1 GB Apple Health zip took 15 minutes on
# a busy 2-core machine, bench/RESULTS.md), so it has limits of its own, still below the
# visibility timeout; its progress beats the job's heartbeat, for the watchdog.
IMPORT_READ_TIME_LIMIT = env.float(
    "IMPORT_READ_TIME_LIMIT", default=max(CELERY_TASK_TIME_LIMIT, 0.9 * CELERY_VISIBILITY_TIMEOUT)
)
IMPORT_READ_SOFT_TIME_LIMIT = env.float(
    "IMPORT_READ_SOFT_TIME_LIMIT", default=0.9 * IMPORT_READ_TIME_LIMIT
)
if not IMPORT_READ_SOFT_TIME_LIMIT < IMPORT_READ_TIME_LIMIT < CELERY_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "Import read limits must be soft < hard < the broker's visibility timeout."
    )

# Classifier thresholds (insights/thresholds.py) to override, e.g. {"heavy_pct": 0.85};
# any change bumps the classifier version and old insights are recomputed by the sweep.
INSIGHTS_THRESHOLDS = env.json("INSIGHTS_THRESHOLDS", default={})

# API limits.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=2 * 1024 * 1024)
# A sync batch (up to 500 workouts) has its own, larger body limit.
SYNC_MAX_BODY_BYTES = env.int("SYNC_MAX_BODY_BYTES", default=16 * 1024 * 1024)
# Largest file `POST /api/v1/imports/` accepts; uploads are kept in default storage
# (MEDIA_ROOT) until their job has run, so workers on other machines need that storage too.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=25 * 1024 * 1024)
# A .zip or .gz upload may be this large (the file goes to a temporary file on disk as it
# arrives, past FILE_UPLOAD_MAX_MEMORY_SIZE); a .zip is read member by member, streaming.
IMPORT_MAX_ARCHIVE_BYTES = env.int("IMPORT_MAX_ARCHIVE_BYTES", default=2 * 1024**3)
# Zip bombs and floods, refused before anything is unpacked: members in a .zip (counted in
# its central directory), a member's unpacked / packed size, all members' unpacked size.
IMPORT_MAX_ARCHIVE_MEMBERS = env.int("IMPORT_MAX_ARCHIVE_MEMBERS", default=20_000)
IMPORT_MAX_ARCHIVE_RATIO = env.int("IMPORT_MAX_ARCHIVE_RATIO", default=100)
IMPORT_MAX_ARCHIVE_UNPACKED_BYTES = env.int(
    "IMPORT_MAX_ARCHIVE_UNPACKED_BYTES", default=32 * 1024**3
)
# A file too large for one request on a weak connection goes up in chunks
# (`/api/v1/imports/uploads/`, the import page with JavaScript), checked against the limits
# above when it starts: a chunk carries at most this many bytes, written to disk as they
# arrive; a user has at most this many unfinished uploads; one that gets no chunk for this
# many hours is deleted with its bytes (beat, hourly).
IMPORT_UPLOAD_CHUNK_BYTES = env.int("IMPORT_UPLOAD_CHUNK_BYTES", default=4 * 1024 * 1024)
IMPORT_UPLOAD_MAX_OPEN = env.int("IMPORT_UPLOAD_MAX_OPEN", default=3)
IMPORT_UPLOAD_EXPIRE_HOURS = env.int("IMPORT_UPLOAD_EXPIRE_HOURS", default=24)
# Uploads larger than this are written to a temporary file as they arrive (Django's
# default, stated here because imports rely on it): a 2 GB archive never sits in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# What a .gz (or a .gz member of a .zip) may unpack to: past it the file is refused before
# parsing (gzip bombs).
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=200 * 1024 * 1024)
# XML (TCX, GPX, Apple Health) nested deeper than this is refused as it is read; the
# formats need under 12 levels.
IMPORT_MAX_XML_DEPTH = env.int("IMPORT_MAX_XML_DEPTH", default=100)
# A CSV (plain or unpacked; IMPORT_MAX_BYTES bounds its size) with a header or row of more
# cells, or a cell of more characters, is refused before the csv module builds it.
IMPORT_MAX_CSV_COLUMNS = env.int("IMPORT_MAX_CSV_COLUMNS", default=500)
IMPORT_MAX_CSV_CELL_CHARS = env.int("IMPORT_MAX_CSV_CELL_CHARS", default=131_072)
# Django refuses bodies (outside file uploads) over this before any parser runs: as large as
# our own largest limit, so the ones above decide, each answered 413 with the JSON envelope.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(API_MAX_BODY_BYTES, SYNC_MAX_BODY_BYTES)
# Arrays and objects nested deeper than this are refused before parsing (a workout is 5 deep).
JSON_MAX_DEPTH = env.int("JSON_MAX_DEPTH", default=32)
MAX_SETS_PER_WORKOUT = 500
MAX_INTERVALS_PER_WORKOUT = 500
MAX_EXERCISES_PER_WORKOUT = 100

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "logbook.api.auth.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "logbook.api.auth.TokenScopePermission",
    ],
    "DEFAULT_PARSER_CLASSES": ["logbook.api.parsers.LimitedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["logbook.common.renderers.FastJSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "logbook.common.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "token": env("THROTTLE_TOKEN", default="30/min"),
        "sync": env("THROTTLE_SYNC", default="120/min"),
    },
    # The client address as logbook.lockout takes it (TRUSTED_PROXY_COUNT above).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Myolog API",
    "DESCRIPTION": "Workouts, sets and intervals in SI units; insights and weekly reports.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "IntervalKindEnum": ["work", "recovery", "steady"],
        "ExerciseKindEnum": ["resistance", "cardio", "mobility"],
        "ModalityEnum": "insights.knowledge.MODALITIES",
        "StatusEnum": ["pending", "ready"],
        "UnitsEnum": ["kg", "lb"],
        "SyncStatusEnum": ["created", "updated", "unchanged", "error"],
        "ImportStatusEnum": ["queued", "running", "done", "failed"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "logbook.api.openapi.postprocess_schema",
    ],
}

# The embedded default's web and worker processes share a cache in files under VAR_DIR/
# (one refresh per week for a burst of changes, login lockouts).
CACHES = {
    "default": env.cache(
        "CACHE_URL",
        default=f"filecache://{VAR_DIR / 'cache'}" if EMBEDDED_BROKER else "locmemcache://",
    )
}
# A Redis cache that is down degrades instead of failing requests (django-redis): every call
# gives up within CACHE_SOCKET_TIMEOUT seconds and acts as a miss, so throttles let requests
# through and a week's refresh is queued without its pending mark; each outage is logged.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHE_SOCKET_TIMEOUT = env.float("CACHE_SOCKET_TIMEOUT", default=0.5)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": CACHE_SOCKET_TIMEOUT,
            "SOCKET_TIMEOUT": CACHE_SOCKET_TIMEOUT,
        }
    )
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Eager tasks would log every success into the web server's output.
        "celery.app.trace": {
            "level": "WARNING" if CELERY_TASK_ALWAYS_EAGER or EMBEDDED_BROKER else "INFO"
        },
    },
}
