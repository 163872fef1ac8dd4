"""The one write path: atomic creates, updates and deletes, announced after commit."""

import pytest
from django.db import transaction

from logbook import services
from logbook.models import Exercise, Set, Workout
from logbook.schema import clean_workout
from tests.factories import ExercisePayload, SetPayload, UserFactory, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db


def test_create_writes_exercises_sets_and_intervals_in_order(user):
    payload = WorkoutPayload(
        exercises=[
            ExercisePayload(exercise="back-squat", sets=[SetPayload(reps=r) for r in (5, 4, 3)]),
            ExercisePayload(exercise="deadlift", superset=2, sets=[SetPayload(reps=1)]),
        ],
        intervals=[{"kind": "work", "duration_s": 30}, {"kind": "recovery", "duration_s": 90}],
    )
    workout = services.create_workout(user, clean_workout(payload))
    entries = list(workout.exercises.all())
    assert [e.exercise.slug for e in entries] == ["back-squat", "deadlift"]
    assert [s.reps for s in entries[0].sets.all()] == [5, 4, 3]
    assert entries[1].superset == 2
    assert [i.kind for i in workout.intervals.all()] == ["work", "recovery"]


def test_the_saved_signal_fires_only_after_commit(user, django_capture_on_commit_callbacks):
    seen = []
    services.workouts_saved.connect(
        lambda sender, workouts, **kw: seen.extend(w.pk for w in workouts),
        weak=False,
        dispatch_uid="t",
    )
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            workout = make_workout(user)
        assert seen == []
        for callback in callbacks:
            callback()
        assert seen == [workout.pk]
    finally:
        services.workouts_saved.disconnect(dispatch_uid="t")


def test_a_failure_midway_leaves_nothing(user, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_insert_sets", explode)
    with pytest.raises(RuntimeError):
        make_workout(user, exercises=[ExercisePayload(exercise="Brand New Lift")])
    assert not Workout.objects.exists()
    assert not Exercise.objects.filter(owner=user).exists()


def test_custom_exercises_are_reused_by_name(user):
    make_workout(user, exercises=[ExercisePayload(exercise="Sled Drag Deluxe")])
    make_workout(user, exercises=[ExercisePayload(exercise="sled drag  DELUXE")])
    assert Exercise.objects.filter(owner=user).count() == 1


def test_custom_exercises_are_per_user(user):
    other = UserFactory()
    make_workout(user, exercises=[ExercisePayload(exercise="Sled Drag Deluxe")])
    make_workout(other, exercises=[ExercisePayload(exercise="Sled Drag Deluxe")])
    assert Exercise.objects.filter(owner__isnull=False).count() == 2


def test_update_replaces_sets_and_keeps_them_when_told(user):
    workout = make_workout(user)
    data = clean_workout(WorkoutPayload(title="Kept sets", exercises=[]))
    services.update_workout(workout, data, replace_exercises=False)
    assert Set.objects.filter(entry__workout=workout).count() == 3
    services.update_workout(
        workout, clean_workout(WorkoutPayload(exercises=[ExercisePayload(sets=[SetPayload()])]))
    )
    assert Set.objects.filter(entry__workout=workout).count() == 1


def test_delete_leaves_a_tombstone(user):
    workout = make_workout(user)
    services.delete_workout(workout)
    assert Workout.objects.get(pk=workout.pk).is_deleted
    assert not Workout.objects.alive().exists()


def test_duplicate_external_ids_are_refused_per_source(user):
    make_workout(user, source="garmin", external_id="1")
    make_workout(user, source="strava", external_id="1")
    with pytest.raises(services.DuplicateWorkout), transaction.atomic():
        make_workout(user, source="garmin", external_id="1")
    assert Workout.objects.count() == 2
