"""Renaming one of your own exercises (the old name still leads to it; a name another
exercise has is refused, naming the field) and deleting one only when nothing uses it."""

import pytest

from logbook import services
from logbook.catalog import resolve_exercises
from logbook.common.errors import InvalidInput
from logbook.models import Exercise, Workout
from logbook.schema import clean_routine
from tests.factories import ExercisePayload, make_workout

pytestmark = pytest.mark.django_db


def own(user, name: str = "Zottman curl") -> Exercise:
    make_workout(user, exercises=[ExercisePayload(exercise=name)])
    return Exercise.objects.get(owner=user, name=name)


def test_a_rename_keeps_the_sets_and_the_old_name_still_finds_it(user):
    exercise = own(user)
    workout = Workout.objects.get(user=user)
    services.rename_exercise(exercise, "  Zottman curl (dumbbell) ")
    exercise.refresh_from_db()
    assert exercise.name == "Zottman curl (dumbbell)"
    assert resolve_exercises(user, ["zottman curl"])["zottman curl"] == exercise
    assert Workout.objects.get(pk=workout.pk).updated_at > workout.updated_at  # sync sees it


@pytest.mark.parametrize(
    ("name", "says"),
    [("", "1 to 120"), ("x" * 121, "1 to 120"), ("bench press", "Bench Press"), ("a\x00b", "NUL")],
)
def test_a_bad_or_taken_name_is_refused_naming_the_field(user, name, says):
    exercise = own(user)
    with pytest.raises(InvalidInput) as refused:
        services.rename_exercise(exercise, name)
    assert says in refused.value.errors["name"][0]
    exercise.refresh_from_db()
    assert exercise.name == "Zottman curl"


def test_another_of_your_own_names_is_taken_too(user):
    own(user, "Sled thing")
    exercise = own(user)
    with pytest.raises(InvalidInput) as refused:
        services.rename_exercise(exercise, "SLED THING")
    assert "merge" in refused.value.errors["name"][0]


def test_an_unused_exercise_is_deleted(user):
    exercise = own(user)
    services.delete_workout(Workout.objects.get(user=user))  # a tombstone doesn't count
    services.delete_exercise(exercise)
    assert not Exercise.objects.filter(owner=user).exists()


def test_a_used_one_is_refused_saying_how_many_sets_use_it(user):
    exercise = own(user)
    services.save_routine(
        user, clean_routine({"name": "Arms", "exercises": [{"exercise": "Zottman curl"}]})
    )
    with pytest.raises(InvalidInput) as refused:
        services.delete_exercise(exercise)
    assert refused.value.errors["exercise"] == [
        "Used by 3 sets in 1 workout and 1 routine: merge it into another instead."
    ]
    assert Exercise.objects.filter(pk=exercise.pk).exists()
