"""Request bodies are limited by our own documented settings, each refusal in the JSON
envelope: Django's DATA_UPLOAD_MAX_MEMORY_SIZE is raised to the largest of them (so a sync
of 16 MB is ours to judge), and JSON nested deeper than JSON_MAX_DEPTH is refused before
the parser recurses."""

import json

import pytest
from django.conf import settings as django_settings

from tests.factories import WorkoutPayload

pytestmark = pytest.mark.django_db

SYNC = "/api/v1/sync/workouts/"


def batch(count: int, notes: int) -> str:
    items = [
        {**WorkoutPayload(notes="x" * notes), "source": "w", "external_id": f"e{i}"}
        for i in range(count)
    ]
    return json.dumps({"workouts": items})


def test_djangos_upload_limit_is_as_large_as_our_largest_body_limit():
    largest = max(django_settings.API_MAX_BODY_BYTES, django_settings.SYNC_MAX_BODY_BYTES)
    assert largest == django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_sync_body_over_djangos_default_limit_is_accepted(api, user):
    body = batch(300, 9_000)
    assert len(body) > 2_621_440  # Django's default DATA_UPLOAD_MAX_MEMORY_SIZE
    response = api.generic("POST", SYNC, body, content_type="application/json")
    assert response.status_code == 200
    assert user.workouts.count() == 300


def test_a_sync_body_over_the_sync_limit_is_a_413_in_the_envelope(api, user, settings):
    settings.SYNC_MAX_BODY_BYTES = 50_000
    response = api.generic("POST", SYNC, batch(10, 9_000), content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {
        "errors": {"detail": ["Request body over the limit of 50000 bytes."]}
    }
    assert user.workouts.count() == 0


def test_a_body_over_djangos_limit_is_a_413_in_the_envelope(api, user, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = api.generic("POST", SYNC, batch(5, 9_000), content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {
        "errors": {"detail": ["Request body over the limit of 10000 bytes."]}
    }
    assert user.workouts.count() == 0


@pytest.mark.parametrize("opener", ["[", '{"a":'])
@pytest.mark.parametrize("path", ["/api/v1/workouts/", SYNC, "/api/v1/me/", "/api/v1/auth/token/"])
def test_json_nested_deeper_than_the_limit_is_a_400_before_parsing(api, path, opener):
    closer = "]" if opener == "[" else "}"
    body = opener * 100_000 + "1" + closer * 100_000
    method = "PATCH" if path.endswith("/me/") else "POST"
    response = api.generic(method, path, body, content_type="application/json")
    assert response.status_code == 400
    limit = django_settings.JSON_MAX_DEPTH
    assert response.json() == {"errors": {"body": [f"JSON nested deeper than {limit} levels."]}}


def test_json_as_deep_as_a_workout_needs_is_accepted(api):
    response = api.post("/api/v1/workouts/", WorkoutPayload(), format="json")
    assert response.status_code == 201
