"""A user only ever sees and touches their own data: another user's id answers 404."""

import pytest

from logbook.models import Workout
from logbook.tokens import issue_token
from tests.factories import UserFactory, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(db):
    other = UserFactory()
    make_workout(other, exercises=[{"exercise": "Their Secret Lift", "sets": [{"reps": 3}]}])
    return other


def test_another_users_workout_answers_404_to_every_method(api, theirs):
    pk = theirs.workouts.get().pk
    url = f"/api/v1/workouts/{pk}/"
    assert api.get(url).status_code == 404
    assert api.put(url, WorkoutPayload(), format="json").status_code == 404
    assert api.patch(url, {"title": "mine now"}, format="json").status_code == 404
    assert api.delete(url).status_code == 404
    assert Workout.objects.get(pk=pk).title != "mine now"
    assert Workout.objects.get(pk=pk).deleted_at is None


def test_lists_hold_only_your_own(api, user, theirs):
    make_workout(user)
    results = api.get("/api/v1/workouts/?include_deleted=1").json()["results"]
    assert {w["id"] for w in results} == set(user.workouts.values_list("pk", flat=True))
    since = api.get("/api/v1/workouts/?updated_since=2000-01-01T00:00:00Z").json()["results"]
    assert len(since) == 1


def test_another_users_custom_exercises_are_invisible(api, theirs):
    names = [e["name"] for e in api.get("/api/v1/exercises/?search=secret").json()["results"]]
    assert names == []


def test_another_users_token_cannot_be_revoked(api, theirs):
    token, _ = issue_token(theirs, "their watch")
    assert api.delete(f"/api/v1/auth/tokens/{token.pk}/").status_code == 404
    assert theirs.access_tokens.filter(pk=token.pk).exists()
    assert token.pk not in [t["id"] for t in api.get("/api/v1/auth/tokens/").json()]


def test_the_same_external_id_is_free_for_another_user(api, theirs):
    make_workout(theirs, external_id="shared-1")
    assert (
        api.post(
            "/api/v1/workouts/", WorkoutPayload(external_id="shared-1"), format="json"
        ).status_code
        == 201
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/workouts/",
        "/api/v1/workouts/1/",
        "/api/v1/exercises/",
        "/api/v1/me/",
        "/api/v1/auth/tokens/",
    ],
)
def test_anonymous_requests_are_refused(client, url):
    response = client.get(url)
    assert response.status_code in (401, 403)
    assert "errors" in response.json()
