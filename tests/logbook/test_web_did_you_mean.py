"""The workout form asks "did you mean Back Squat?" before a name close to a catalog
exercise becomes a new exercise of the user's own; the answer keeps everything else typed."""

import pytest

from logbook.models import Exercise, Workout, WorkoutExercise
from tests.factories import ExercisePayload, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def form(name: str, **extra) -> dict:
    return {
        "title": "Leg day, heavy",
        "activity": "strength",
        "started_at": "2026-11-16T07:30",
        "duration": "60",
        "notes": "Knees felt fine",
        "ex-0-name": name,
        "ex-0-set-0-reps": "5",
        "ex-0-set-0-load": "140",
        "ex-0-set-0-rpe": "8.5",
        "ex-0-set-0-set_type": "normal",
        "ex-0-set-0-tempo": "3-1-1-0",
        "ex-0-set-0-rest": "180",
        "ex-1-name": "Zottman curl",
        "ex-1-set-0-reps": "12",
        "ex-1-set-0-load": "10",
        "ex-1-set-0-set_type": "normal",
        "action": "save",
        **extra,
    }


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Squats", "Back Squat"),
        ("Benchpress", "Bench Press"),
        ("Romainan deadlift", "Romanian Deadlift"),
    ],
)
def test_a_near_catalog_name_is_asked_about_and_nothing_is_saved(signed_in, user, typed, meant):
    response = signed_in.post("/workouts/new/", form(typed))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Did you mean {meant}?" in html
    assert f'name="ex-0-suggested" value="{meant}"' in html
    assert not Workout.objects.filter(user=user).exists()
    assert not Exercise.objects.filter(owner=user).exists()
    for kept in ['value="Leg day, heavy"', "Knees felt fine", 'value="140"', 'value="3-1-1-0"']:
        assert kept in html
    assert 'value="Zottman curl"' in html  # a name close to nothing is not asked about


def test_yes_uses_the_catalog_exercise_and_saves_the_rest_as_typed(signed_in, user):
    signed_in.post("/workouts/new/", form("Squats"))
    answer = form("Squats", action="use-name-0", **{"ex-0-suggested": "Back Squat"})
    response = signed_in.post("/workouts/new/", answer)
    assert response.status_code == 302
    workout = Workout.objects.get(user=user)
    entries = list(WorkoutExercise.objects.filter(workout=workout).select_related("exercise"))
    assert [(e.exercise.slug, e.exercise.is_custom) for e in entries] == [
        ("back-squat", False),
        ("zottman-curl", True),
    ]
    assert entries[0].sets.get().load_kg == 140
    assert workout.notes == "Knees felt fine"


def test_no_keeps_the_typed_name_as_the_users_own(signed_in, user):
    response = signed_in.post("/workouts/new/", form("Squats", **{"ex-0-keep": "on"}))
    assert response.status_code == 302
    assert set(Exercise.objects.filter(owner=user).values_list("name", flat=True)) == {
        "Squats",
        "Zottman curl",
    }


def test_a_name_the_user_already_has_is_not_asked_about_again(signed_in, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Squats")])
    assert signed_in.post("/workouts/new/", form("squats")).status_code == 302


def test_catalog_names_in_any_casing_are_never_asked_about(signed_in, user):
    assert signed_in.post("/workouts/new/", form("bench PRESS")).status_code == 302
    assert not Exercise.objects.filter(owner=user, name__iexact="bench press").exists()


def test_the_api_still_takes_any_name_as_given(api, user):
    body = {"started_at": "2026-11-16T07:30:00Z", "exercises": [{"exercise": "Squats"}]}
    assert api.post("/api/v1/workouts/", body, format="json").status_code == 201
    assert Exercise.objects.filter(owner=user, name="Squats").exists()
