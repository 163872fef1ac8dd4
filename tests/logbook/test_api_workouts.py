"""The workouts section of API.md, example by example."""

import copy

import pytest

from logbook.models import Set, Workout
from tests.factories import ExercisePayload, SetPayload, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db

API_EXAMPLE = {
    "started_at": "2026-11-16T07:30:00+01:00",
    "duration_s": 3300,
    "title": "Squat day",
    "activity": "strength",
    "fasted": False,
    "session_rpe": 8,
    "avg_hr": None,
    "max_hr": None,
    "notes": "",
    "source": "api",
    "external_id": "abc-123",
    "exercises": [
        {
            "exercise": "back-squat",
            "superset": None,
            "sets": [
                {
                    "reps": 5,
                    "load_kg": 140,
                    "rpe": 8.5,
                    "rir": None,
                    "rest_s": 180,
                    "tempo": "3-1-1-0",
                    "set_type": "normal",
                    "duration_s": None,
                    "distance_m": None,
                }
            ],
        }
    ],
    "intervals": [
        {"kind": "work", "duration_s": 30, "distance_m": None, "avg_hr": 172, "rpe": 9},
        {"kind": "recovery", "duration_s": 90},
    ],
}


def post(api, payload, **headers):
    return api.post("/api/v1/workouts/", payload, format="json", **headers)


def test_the_api_example_creates_a_workout_returned_as_get_returns_it(api):
    created = post(api, API_EXAMPLE)
    assert created.status_code == 201, created.data
    body = created.json()
    assert body == api.get(f"/api/v1/workouts/{body['id']}/").json()
    assert body["started_at"] == "2026-11-16T07:30:00+01:00"
    for key in (
        "duration_s",
        "title",
        "activity",
        "fasted",
        "session_rpe",
        "source",
        "external_id",
    ):
        assert body[key] == API_EXAMPLE[key]
    squat = body["exercises"][0]
    assert squat["exercise"] == "back-squat"
    assert squat["sets"][0] | {"eccentric_emphasis": True} == squat["sets"][0]
    assert {k: squat["sets"][0][k] for k in API_EXAMPLE["exercises"][0]["sets"][0]} == (
        API_EXAMPLE["exercises"][0]["sets"][0]
    )
    assert [i["kind"] for i in body["intervals"]] == ["work", "recovery"]
    assert body["intervals"][1]["duration_s"] == 90


def test_put_replaces_the_sets(api, user):
    workout = make_workout(user)
    replacement = WorkoutPayload(
        exercises=[ExercisePayload(exercise="deadlift", sets=[SetPayload(reps=1, load_kg=200)])]
    )
    response = api.put(f"/api/v1/workouts/{workout.pk}/", replacement, format="json")
    assert response.status_code == 200, response.data
    assert [e["exercise"] for e in response.json()["exercises"]] == ["deadlift"]
    assert Set.objects.filter(entry__workout=workout).count() == 1


def test_patch_changes_only_what_it_names(api, user):
    workout = make_workout(user)
    response = api.patch(
        f"/api/v1/workouts/{workout.pk}/", {"title": "Renamed", "fasted": True}, format="json"
    )
    assert response.status_code == 200, response.data
    body = response.json()
    assert (body["title"], body["fasted"]) == ("Renamed", True)
    assert len(body["exercises"][0]["sets"]) == 3


def test_patch_with_sets_replaces_them(api, user):
    workout = make_workout(user)
    response = api.patch(
        f"/api/v1/workouts/{workout.pk}/",
        {"exercises": [ExercisePayload(sets=[SetPayload(reps=12)])]},
        format="json",
    )
    assert response.status_code == 200
    assert [s["reps"] for s in response.json()["exercises"][0]["sets"]] == [12]


def test_delete_is_soft_and_leaves_a_tombstone(api, user):
    workout = make_workout(user, external_id="w-1")
    assert api.delete(f"/api/v1/workouts/{workout.pk}/").status_code == 204
    assert api.get(f"/api/v1/workouts/{workout.pk}/").status_code == 404
    assert Workout.objects.filter(pk=workout.pk, deleted_at__isnull=False).exists()
    listed = api.get("/api/v1/workouts/").json()["results"]
    assert listed == []
    with_deleted = api.get("/api/v1/workouts/?include_deleted=1").json()["results"]
    assert (
        with_deleted[0] | {"id": workout.pk, "external_id": "w-1", "deleted": True}
        == with_deleted[0]
    )


def test_updated_since_returns_changes_after_the_moment_oldest_first(api, user):
    old = make_workout(user)
    Workout.objects.filter(pk=old.pk).update(updated_at="2026-01-01T00:00:00Z")
    first, second = make_workout(user), make_workout(user)
    response = api.get(
        "/api/v1/workouts/?updated_since=2026-06-01T00:00:00+00:00&include_deleted=1"
    )
    assert response.status_code == 200
    assert [w["id"] for w in response.json()["results"]] == [first.pk, second.pk]


def test_an_unencoded_plus_in_updated_since_still_parses(api, user):
    make_workout(user)
    assert api.get("/api/v1/workouts/?updated_since=2026-06-01T00:00:00+01:00").status_code == 200


def test_the_list_is_newest_first_and_pages_with_a_cursor(api, user):
    for day in range(1, 8):
        make_workout(user, started_at=f"2026-10-{day:02d}T07:00:00+00:00")
    page = api.get("/api/v1/workouts/?limit=3").json()
    seen = [w["started_at"][:10] for w in page["results"]]
    while page["next"]:
        page = api.get(page["next"]).json()
        seen += [w["started_at"][:10] for w in page["results"]]
    assert seen == [f"2026-10-{day:02d}" for day in range(7, 0, -1)]


def test_limit_is_capped_at_500(api, user):
    make_workout(user)
    assert api.get("/api/v1/workouts/?limit=100000").status_code == 200


def test_an_unknown_exercise_name_becomes_a_custom_exercise(api):
    payload = copy.deepcopy(API_EXAMPLE) | {"external_id": None}
    payload["exercises"][0]["exercise"] = "Zercher Good Morning on a Swiss Ball"
    body = post(api, payload).json()
    entry = body["exercises"][0]
    assert entry["custom"] is True
    assert entry["exercise"] == "Zercher Good Morning on a Swiss Ball"


def test_aliases_resolve_to_the_catalog(api):
    payload = copy.deepcopy(API_EXAMPLE) | {"external_id": None}
    payload["exercises"][0]["exercise"] = "Squat (Barbell)"
    assert post(api, payload).json()["exercises"][0]["exercise"] == "back-squat"


def test_a_second_post_with_the_same_external_id_is_a_conflict(api):
    assert post(api, API_EXAMPLE).status_code == 201
    again = post(api, API_EXAMPLE)
    assert again.status_code == 409
    assert "external_id" in again.json()["errors"]
    assert Workout.objects.count() == 1


def test_the_list_gives_the_same_workouts_as_get(api, user):
    make_workout(
        user,
        exercises=[ExercisePayload(exercise="My Own Lift"), ExercisePayload()],
        intervals=[{"kind": "work", "duration_s": 30}],
    )
    make_workout(user, exercises=[], duration_s=1800, activity="run")
    listed = api.get("/api/v1/workouts/").json()["results"]
    assert listed == [api.get(f"/api/v1/workouts/{w['id']}/").json() for w in listed]
