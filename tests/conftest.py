import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from logbook.catalog import forget_catalog
from tests.factories import UserFactory, bearer
from tests.smtp import start_smtp


@pytest.fixture(autouse=True)
def _clear_cache():
    """Throttle counters live in the cache, and the catalog has a copy in the process (of
    rows a rolled-back test may have made); each test starts with neither."""
    cache.clear()
    forget_catalog()
    yield
    cache.clear()
    forget_catalog()


@pytest.fixture
def inbox(settings):
    """Django's email goes over SMTP to a real server on 127.0.0.1."""
    controller, inbox = start_smtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def api(user):
    """An API client authenticated with a bearer token of `user`."""
    client = APIClient()
    client.credentials(**bearer(user))
    return client
