"""Idempotency-Key: the same key and body within 24 h returns the first response."""

from datetime import timedelta

import pytest

from logbook.models import IdempotencyRecord, Workout
from tests.factories import WorkoutPayload

pytestmark = pytest.mark.django_db

URL = "/api/v1/workouts/"


def test_a_replayed_post_returns_the_first_response_and_creates_nothing(api):
    payload = WorkoutPayload()
    first = api.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = api.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert Workout.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(api):
    api.post(URL, WorkoutPayload(title="A"), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    response = api.post(URL, WorkoutPayload(title="B"), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["errors"]
    assert Workout.objects.count() == 1


def test_without_a_key_each_post_creates(api):
    api.post(URL, WorkoutPayload(), format="json")
    api.post(URL, WorkoutPayload(), format="json")
    assert Workout.objects.count() == 2


def test_a_key_older_than_a_day_is_forgotten(api):
    payload = WorkoutPayload()
    api.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    IdempotencyRecord.objects.update(
        created_at=IdempotencyRecord.objects.get().created_at - timedelta(hours=25)
    )
    assert api.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="k-3").status_code == 201
    assert Workout.objects.count() == 2


def test_a_failed_request_does_not_burn_the_key(api):
    bad = api.post(URL, WorkoutPayload(session_rpe=99), format="json", HTTP_IDEMPOTENCY_KEY="k-4")
    assert bad.status_code == 400
    good = api.post(URL, WorkoutPayload(), format="json", HTTP_IDEMPOTENCY_KEY="k-4")
    assert good.status_code == 201


def test_keys_are_per_user(api, user):
    from rest_framework.test import APIClient

    from tests.factories import UserFactory, bearer

    other = APIClient()
    other.credentials(**bearer(UserFactory()))
    payload = WorkoutPayload()
    api.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="shared")
    assert other.post(URL, payload, format="json", HTTP_IDEMPOTENCY_KEY="shared").status_code == 201
    assert Workout.objects.count() == 2
