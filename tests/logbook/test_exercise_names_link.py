"""Wherever an exercise name appears (history and the dashboard, a workout, records,
routines and a routine), it links to that exercise's page."""

import pytest

from logbook import services
from logbook.models import Exercise
from logbook.schema import clean_routine
from tests.factories import ExercisePayload, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def history(user):
    make_workout(user, exercises=[ExercisePayload(exercise="back-squat")])
    workout = make_workout(
        user,
        started_at="2026-10-20T07:30:00+01:00",
        exercises=[ExercisePayload(exercise="back-squat", sets=[{"reps": 5, "load_kg": 150}])],
    )
    services.save_routine(
        user, clean_routine({"name": "Legs", "exercises": [{"exercise": "back-squat"}]})
    )
    return workout


def link() -> str:
    back = Exercise.objects.get(owner=None, slug="back-squat")
    return f'<a href="/exercises/{back.pk}/"'


@pytest.mark.parametrize(
    "path",
    ["/workouts/", "/", "/workouts/{workout}/", "/records/", "/routines/", "/routines/{routine}/"],
)
def test_the_name_links_to_the_exercise_page(signed_in, user, history, path):
    routine = user.routines.get()
    html = signed_in.get(path.format(workout=history.pk, routine=routine.pk)).content.decode()
    assert link() in html
