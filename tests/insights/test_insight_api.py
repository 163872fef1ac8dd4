"""GET /api/v1/workouts/{id}/insight/ as API.md shows it, made through the real task path."""

import pytest
from rest_framework.test import APIClient

from insights.knowledge import DISCLAIMER
from insights.models import Insight
from tests.factories import (
    ExercisePayload,
    IntervalPayload,
    SetPayload,
    UserFactory,
    WorkoutPayload,
    bearer,
    make_workout,
)

pytestmark = pytest.mark.django_db

SQUAT_DAY = WorkoutPayload(
    exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=140, rpe=8.5, rest_s=180)] * 5)]
)


def create(api, payload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/workouts/", payload, format="json")
    assert response.status_code == 201, response.data
    return response.json()["id"]


def test_a_new_workouts_insight_is_ready_with_notes_and_references(
    api, django_capture_on_commit_callbacks
):
    pk = create(api, SQUAT_DAY, django_capture_on_commit_callbacks)
    body = api.get(f"/api/v1/workouts/{pk}/insight/").json()
    assert body["status"] == "ready"
    assert body["primary"] == "heavy_resistance"
    assert body["modalities"][0] == {"modality": "heavy_resistance", "score": 1.0}
    assert body["classifier_version"]
    assert body["rationale"]
    assert body["features"]["working_sets"] == 5
    assert body["features"]["volume_load_kg"] == 3500
    assert body["features"]["median_rest_s"] == 180
    assert {"IL-6", "IGF-1", "myostatin"} <= {n["exerkine"] for n in body["exerkines"]}
    for note in body["exerkines"] + body["modifiers"]:
        assert note["evidence"] in {"strong", "moderate", "limited", "disputed", "unsupported"}
        assert note["references"]
        assert all(r["citation"] for r in note["references"])
        assert any("url" in r for r in note["references"])
        assert note["science_url"].startswith("/science/")
    assert len(body["rationale_references"]) == len(body["rationale"])
    assert body["disclaimer"] == DISCLAIMER


def test_several_modalities_get_the_union_of_their_notes(api, django_capture_on_commit_callbacks):
    payload = WorkoutPayload(
        exercises=SQUAT_DAY["exercises"],
        intervals=[IntervalPayload(duration_s=60, rpe=9), {"kind": "recovery", "duration_s": 60}]
        * 8,
    )
    pk = create(api, payload, django_capture_on_commit_callbacks)
    body = api.get(f"/api/v1/workouts/{pk}/insight/").json()
    modalities = {m["modality"] for m in body["modalities"]}
    assert {"heavy_resistance", "hiit"} <= modalities
    notes = [(n["exerkine"], n["direction"]) for n in body["exerkines"]]
    assert {"myostatin", "FGF21", "irisin"} <= {name for name, _ in notes}
    assert len(notes) == len(set(notes))  # IL-6 of both modalities once


def test_modifiers_come_with_their_verdicts(api, django_capture_on_commit_callbacks):
    payload = WorkoutPayload(
        fasted=True,
        exercises=[ExercisePayload(sets=[SetPayload(tempo="4-0-1-0", rest_s=60)] * 4)],
    )
    pk = create(api, payload, django_capture_on_commit_callbacks)
    modifiers = {
        m["code"]: m for m in api.get(f"/api/v1/workouts/{pk}/insight/").json()["modifiers"]
    }
    assert {"fasted", "eccentric", "short_rest", "compound"} <= set(modifiers)
    assert modifiers["fasted"]["evidence"] == "unsupported"
    assert modifiers["eccentric"]["evidence"] == "unsupported"


def test_the_insight_is_pending_until_the_task_has_run(api, user):
    workout = make_workout(user)  # on_commit never fires inside the test transaction
    body = api.get(f"/api/v1/workouts/{workout.pk}/insight/").json()
    assert body == {"status": "pending", "disclaimer": DISCLAIMER}


def test_an_edit_makes_the_old_insight_pending_until_reclassified(
    api, django_capture_on_commit_callbacks
):
    pk = create(api, SQUAT_DAY, django_capture_on_commit_callbacks)
    api.patch(f"/api/v1/workouts/{pk}/", {"title": "edited"}, format="json")  # task not run
    assert api.get(f"/api/v1/workouts/{pk}/insight/").json()["status"] == "pending"
    assert Insight.objects.filter(workout_id=pk).count() == 1


def test_another_users_insight_answers_404(api, django_capture_on_commit_callbacks):
    pk = create(api, SQUAT_DAY, django_capture_on_commit_callbacks)
    stranger = APIClient()
    stranger.credentials(**bearer(UserFactory()))
    response = stranger.get(f"/api/v1/workouts/{pk}/insight/")
    assert response.status_code == 404
    assert "errors" in response.json()


def test_reading_an_insight_costs_a_fixed_number_of_queries(
    api, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    pk = create(api, SQUAT_DAY, django_capture_on_commit_callbacks)
    api.get(f"/api/v1/workouts/{pk}/insight/")
    with django_assert_max_num_queries(3):
        assert api.get(f"/api/v1/workouts/{pk}/insight/").status_code == 200
