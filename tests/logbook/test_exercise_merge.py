"""Merging one of your own exercises into another moves every set (deleted workouts' too),
its routine places and its names, in one transaction; the workouts are stamped changed and
announced so their insights and weeks are worked out again."""

import pytest
from django.db import DatabaseError

from insights.selectors import record_books
from logbook import selectors, services
from logbook.catalog import resolve_exercises
from logbook.common.errors import InvalidInput
from logbook.models import Exercise, RoutineExercise, Set, Workout, WorkoutExercise
from logbook.schema import clean_routine
from tests.factories import ExercisePayload, SetPayload, UserFactory, committing, make_workout

pytestmark = pytest.mark.django_db


def squats_history(user) -> list[Workout]:
    workouts = [
        make_workout(user, exercises=[ExercisePayload(exercise="Squats")]),
        make_workout(
            user,
            exercises=[
                ExercisePayload(exercise="Squats", sets=[SetPayload(reps=3, load_kg=150)]),
                ExercisePayload(exercise="back-squat"),
            ],
        ),
    ]
    services.delete_workout(make_workout(user, exercises=[ExercisePayload(exercise="Squats")]))
    return workouts


def test_every_set_moves_to_the_catalog_exercise_and_the_custom_one_goes(user):
    squats_history(user)
    squats = Exercise.objects.get(owner=user, name="Squats")
    back = Exercise.objects.get(owner=None, slug="back-squat")
    assert services.merge_exercise(squats, back) == 7  # 3 + 1 + 3 in the deleted one
    assert not Exercise.objects.filter(pk=squats.pk).exists()
    assert Set.objects.filter(entry__exercise=back, entry__workout__user=user).count() == 10
    assert not WorkoutExercise.objects.filter(exercise_id=squats.pk).exists()


def test_the_old_name_now_leads_to_the_target(user):
    squats_history(user)
    back = Exercise.objects.get(owner=None, slug="back-squat")
    services.merge_exercise(Exercise.objects.get(owner=user, name="Squats"), back)
    assert resolve_exercises(user, ["squats"])["squats"] == back
    make_workout(user, exercises=[ExercisePayload(exercise="Squats")])
    assert not Exercise.objects.filter(owner=user).exists()


def test_routines_follow(user):
    make_workout(user, exercises=[ExercisePayload(exercise="Squats")])
    routine = services.save_routine(
        user, clean_routine({"name": "Legs", "exercises": [{"exercise": "Squats", "sets": 3}]})
    )
    back = Exercise.objects.get(owner=None, slug="back-squat")
    services.merge_exercise(Exercise.objects.get(owner=user, name="Squats"), back)
    assert RoutineExercise.objects.get(routine=routine).exercise == back


def test_merging_into_another_of_your_own(user):
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curl")])
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curls")])
    source = Exercise.objects.get(owner=user, name="Zottman curls")
    target = Exercise.objects.get(owner=user, name="Zottman curl")
    assert services.merge_exercise(source, target) == 3
    assert list(Exercise.objects.filter(owner=user)) == [target]


def test_the_workouts_are_stamped_changed_and_announced(user):
    first, second = squats_history(user)
    before = {w.pk: w.updated_at for w in (first, second)}
    back = Exercise.objects.get(owner=None, slug="back-squat")
    with committing() as callbacks:
        services.merge_exercise(Exercise.objects.get(owner=user, name="Squats"), back)
    assert callbacks  # workouts_saved, on commit
    for w in Workout.objects.filter(pk__in=before):
        assert w.updated_at > before[w.pk]


def test_the_records_of_the_target_include_the_moved_sets(user):
    squats_history(user)
    back = Exercise.objects.get(owner=None, slug="back-squat")
    services.merge_exercise(Exercise.objects.get(owner=user, name="Squats"), back)
    book = record_books(user, [back.pk])[back.pk]
    assert max(r.value for r in book.table() if r.kind == "heaviest") == 150


def test_a_failure_part_way_leaves_everything_as_it_was(user, monkeypatch):
    squats_history(user)
    squats = Exercise.objects.get(owner=user, name="Squats")
    back = Exercise.objects.get(owner=None, slug="back-squat")

    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(services, "_touch_workouts", broken)
    with pytest.raises(DatabaseError):
        services.merge_exercise(squats, back)
    assert Exercise.objects.filter(owner=user, name="Squats").exists()
    assert Set.objects.filter(entry__exercise__name="Squats").count() == 7


def test_only_your_own_exercise_merges_and_only_into_one_you_can_see(user):
    make_workout(user, exercises=[ExercisePayload(exercise="Squats")])
    mine = Exercise.objects.get(owner=user)
    theirs_user = UserFactory()
    make_workout(theirs_user, exercises=[ExercisePayload(exercise="Their lift")])
    theirs = Exercise.objects.get(owner=theirs_user)
    back = Exercise.objects.get(owner=None, slug="back-squat")
    for source, target in [(back, mine), (mine, mine), (mine, theirs)]:
        with pytest.raises(InvalidInput) as refused:
            services.merge_exercise(source, target)
        assert "into" in refused.value.errors
    assert selectors.chosen_exercise(user, "Their lift") is None
