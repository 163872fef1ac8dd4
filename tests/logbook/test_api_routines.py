"""Routines over the API: made, read, changed and deleted by their owner only; bad input
names each field and writes nothing; lists cost a fixed number of queries."""

import pytest
from rest_framework.test import APIClient

from logbook.models import Exercise, Routine
from tests.factories import UserFactory, bearer, make_workout

ROUTINES = "/api/v1/routines/"


def routine(**overrides):
    return {
        "name": "Upper A",
        "exercises": [
            {"exercise": "bench-press", "sets": 3, "reps_min": 8, "reps_max": 12, "load_kg": 60},
            {"exercise": "Ring row on rings", "sets": 2, "reps_min": 10},
        ],
        **overrides,
    }


@pytest.mark.django_db
def test_a_routine_is_made_and_read_back_as_sent(api):
    made = api.post(ROUTINES, routine(), format="json")

    assert made.status_code == 201
    got = api.get(f"{ROUTINES}{made.json()['id']}/").json()
    assert got == made.json()
    bench, own = got["exercises"]
    assert (bench["exercise"], bench["reps_min"], bench["reps_max"], bench["load_kg"]) == (
        "bench-press",
        8,
        12,
        60.0,
    )
    assert own["custom"] is True
    assert own["exercise"] == "Ring row on rings"


@pytest.mark.django_db
def test_bad_input_names_every_field_and_writes_nothing(api, user):
    bad = {
        "name": "  ",
        "notes": 5,
        "exercises": [
            {"exercise": "", "sets": 21, "reps_min": 12, "reps_max": 8, "rpe": 8.3},
            {"exercise": "bench-press", "load_kg": 50, "percent_1rm": 70, "rest_s": -1},
        ],
    }
    response = api.post(ROUTINES, bad, format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {
        "name",
        "notes",
        "exercises.0.exercise",
        "exercises.0.sets",
        "exercises.0.reps_max",
        "exercises.0.rpe",
        "exercises.1.percent_1rm",
        "exercises.1.rest_s",
    }
    assert not Routine.objects.exists()
    assert not Exercise.objects.filter(owner=user).exists()


@pytest.mark.django_db
def test_a_routine_needs_an_exercise_and_a_json_object(api):
    assert api.post(ROUTINES, {"name": "Empty"}, format="json").json()["errors"] == {
        "exercises": ["This field is required."]
    }
    empty = {"name": "Empty", "exercises": []}
    assert api.post(ROUTINES, empty, format="json").json()["errors"] == {
        "exercises": ["At least 1 item."]
    }
    assert api.post(ROUTINES, [1], format="json").status_code == 400


@pytest.mark.django_db
def test_patch_changes_what_is_sent_and_put_replaces_the_exercises(api):
    rid = api.post(ROUTINES, routine(), format="json").json()["id"]

    patched = api.patch(f"{ROUTINES}{rid}/", {"notes": "Slow eccentrics"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["notes"] == "Slow eccentrics"
    assert len(patched.json()["exercises"]) == 2

    put = api.put(
        f"{ROUTINES}{rid}/",
        {"name": "B", "exercises": [{"exercise": "back-squat", "reps_min": 5}]},
        format="json",
    )
    assert [e["exercise"] for e in put.json()["exercises"]] == ["back-squat"]
    assert put.json()["notes"] == ""


@pytest.mark.django_db
def test_another_users_routine_is_a_404_for_every_method(api):
    other = APIClient()
    other.credentials(**bearer(UserFactory()))
    rid = other.post(ROUTINES, routine(), format="json").json()["id"]

    assert api.get(f"{ROUTINES}{rid}/").status_code == 404
    assert api.get(f"{ROUTINES}{rid}/plan/").status_code == 404
    assert api.patch(f"{ROUTINES}{rid}/", {"name": "x"}, format="json").status_code == 404
    assert api.put(f"{ROUTINES}{rid}/", routine(), format="json").status_code == 404
    assert api.delete(f"{ROUTINES}{rid}/").status_code == 404
    assert api.get(ROUTINES).json()["results"] == []
    assert Routine.objects.get(pk=rid).name == "Upper A"


@pytest.mark.django_db
def test_delete_removes_the_routine_and_keeps_the_workouts(api, user):
    workout = make_workout(user)
    rid = api.post(ROUTINES, routine(), format="json").json()["id"]

    assert api.delete(f"{ROUTINES}{rid}/").status_code == 204
    assert api.get(f"{ROUTINES}{rid}/").status_code == 404
    assert user.workouts.filter(pk=workout.pk).exists()


@pytest.mark.django_db
def test_the_plan_suggests_a_step_up_after_every_set_at_the_top_of_the_range(api, user):
    sets = [{"reps": 12, "load_kg": 60, "rpe": 8} for _ in range(3)]
    make_workout(user, exercises=[{"exercise": "bench-press", "sets": sets}])
    rid = api.post(ROUTINES, routine(), format="json").json()["id"]

    bench, own = api.get(f"{ROUTINES}{rid}/plan/").json()["exercises"]

    assert bench["suggestion"]["progress"] is True
    assert bench["suggestion"]["load_kg"] == 62.5
    assert [s["reps"] for s in bench["suggestion"]["sets"]] == [8, 8, 8]
    assert [s["load_kg"] for s in bench["sets"]] == [60.0] * 3
    assert own["suggestion"] is None
    assert len(own["sets"]) == 2


@pytest.mark.django_db
def test_listing_routines_costs_the_same_for_one_or_many(api, user, django_assert_max_num_queries):
    for n in range(12):
        api.post(ROUTINES, routine(name=f"R{n}"), format="json")
    with django_assert_max_num_queries(5):
        body = api.get(ROUTINES + "?limit=10").json()
    assert len(body["results"]) == 10
    assert body["next"]
    with django_assert_max_num_queries(8):
        plan = api.get(f"{ROUTINES}{body['results'][0]['id']}/plan/")
    assert plan.status_code == 200
