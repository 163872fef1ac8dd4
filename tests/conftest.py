import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import UserFactory, bearer


@pytest.fixture(autouse=True)
def _clear_cache():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def api(user):
    """An API client authenticated with a bearer token of `user`."""
    client = APIClient()
    client.credentials(**bearer(user))
    return client
