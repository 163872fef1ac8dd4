"""Test settings: the real settings, with a throwaway key and fast password hashing."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Unit tests run tasks in-process; the integration tests start real workers themselves.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"

# The test client and the live server speak plain http.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

# Files tests make (demo password, uploads) go to a directory of the test run, never var/.
VAR_DIR = Path(tempfile.mkdtemp(prefix="myolog-test-"))
MEDIA_ROOT = VAR_DIR / "media"
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
