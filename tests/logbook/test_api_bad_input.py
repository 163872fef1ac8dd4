"""Bad input over HTTP: a 4xx naming the field, and nothing written."""

import json

import pytest

from logbook.models import Exercise, Interval, Set, Workout, WorkoutExercise
from tests.factories import (
    ExercisePayload,
    IntervalPayload,
    SetPayload,
    WorkoutPayload,
    make_workout,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/workouts/"


def nothing_written() -> bool:
    return not (
        Workout.objects.exists()
        or WorkoutExercise.objects.exists()
        or Set.objects.exists()
        or Interval.objects.exists()
        or Exercise.objects.filter(owner__isnull=False).exists()
    )


def one_set(**fields):
    # A custom exercise name too: a rejected request must not leave it behind either.
    return WorkoutPayload(
        exercises=[
            ExercisePayload(exercise="My Own Press", sets=[SetPayload()]),
            ExercisePayload(sets=[SetPayload(**fields)]),
        ]
    )


CASES = [
    (one_set(reps=1001), "exercises.1.sets.0.reps"),
    (one_set(reps=-1), "exercises.1.sets.0.reps"),
    (one_set(load_kg=1000.5), "exercises.1.sets.0.load_kg"),
    (one_set(load_kg=-1), "exercises.1.sets.0.load_kg"),
    (one_set(rpe=11), "exercises.1.sets.0.rpe"),
    (one_set(rpe=7.25), "exercises.1.sets.0.rpe"),
    (one_set(rir=11), "exercises.1.sets.0.rir"),
    (one_set(reps="five"), "exercises.1.sets.0.reps"),
    (one_set(tempo="fast"), "exercises.1.sets.0.tempo"),
    (one_set(set_type="giant"), "exercises.1.sets.0.set_type"),
    (WorkoutPayload(session_rpe=12), "session_rpe"),
    (WorkoutPayload(started_at="2026-11-16T07:30:00"), "started_at"),
    (WorkoutPayload(started_at=None), "started_at"),
    (WorkoutPayload(activity="quidditch"), "activity"),
    (WorkoutPayload(duration_s="an hour"), "duration_s"),
    (WorkoutPayload(exercises={"exercise": "back-squat"}), "exercises"),
    (WorkoutPayload(exercises=[{"sets": []}]), "exercises.0.exercise"),
    (WorkoutPayload(intervals=[IntervalPayload(kind="sprint")]), "intervals.0.kind"),
    (WorkoutPayload(exercises=[], intervals=[], duration_s=None), "exercises"),
    # PostgreSQL can't store NUL in text: refused for every backend alike
    (WorkoutPayload(title="Squat\x00day"), "title"),
    (WorkoutPayload(notes="\x00"), "notes"),
    (WorkoutPayload(external_id="a\x00b"), "external_id"),
    (WorkoutPayload(exercises=[ExercisePayload(exercise="Curl\x00")]), "exercises.0.exercise"),
]


@pytest.mark.parametrize(("payload", "field"), CASES)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(api, payload, field):
    response = api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert nothing_written()


def test_a_thousand_sets_are_refused(api):
    payload = WorkoutPayload(
        exercises=[ExercisePayload(sets=[SetPayload()] * 100) for _ in range(10)]
    )
    response = api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert "exercises" in response.json()["errors"]
    assert nothing_written()


def test_malformed_json_names_the_body(api):
    response = api.generic("POST", URL, '{"started_at": ', content_type="application/json")
    assert response.status_code == 400
    assert "body" in response.json()["errors"]
    assert nothing_written()


def test_nan_is_not_json(api):
    body = json.dumps(WorkoutPayload(session_rpe=0)).replace(
        '"session_rpe": 0', '"session_rpe": NaN'
    )
    response = api.generic("POST", URL, body, content_type="application/json")
    assert response.status_code == 400
    assert nothing_written()


def test_a_body_over_the_size_limit_is_a_413(api, settings):
    settings.API_MAX_BODY_BYTES = 10_000
    payload = WorkoutPayload(notes="x" * 20_000)
    response = api.post(URL, payload, format="json")
    assert response.status_code == 413
    assert "detail" in response.json()["errors"]
    assert nothing_written()


def test_a_json_array_body_is_refused(api):
    response = api.post(URL, [WorkoutPayload()], format="json")
    assert response.status_code == 400
    assert nothing_written()


def test_form_encoded_bodies_are_refused(api):
    response = api.post(URL, {"started_at": "2026-11-16T07:30:00+01:00"})
    assert response.status_code == 415


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=0",
        "limit=",
        "activity=",
        "updated_since=",
        "updated_since=yesterday",
        "updated_since=2026-11-16T07:30:00",
        "include_deleted=maybe",
        "cursor=%%%",
        "activity=quidditch",
    ],
)
def test_bad_list_parameters_are_a_400_naming_them(api, query):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_a_bad_put_changes_nothing(api, user):
    workout = make_workout(user, title="Before")
    response = api.put(f"{URL}{workout.pk}/", one_set(reps=-3), format="json")
    assert response.status_code == 400
    workout.refresh_from_db()
    assert workout.title == "Before"
    assert Set.objects.filter(entry__workout=workout).count() == 3
