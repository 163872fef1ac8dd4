"""The one write path for workouts. Every entry point (API, web form, sync, import) calls here.

Each function runs in one transaction: a workout is written whole or not at all.
Work that follows a write (classification) is announced with `workout_saved` on
commit, so a rolled-back write never triggers it.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from logbook.catalog import resolve_exercises
from logbook.models import Interval, Set, Workout, WorkoutExercise
from logbook.workout_input import ExerciseInput, IntervalInput, InvalidInput, WorkoutInput

# Sent after the transaction that created, changed or deleted a workout has committed.
workout_saved = Signal()

SCALAR_FIELDS = (
    "started_at",
    "utc_offset_min",
    "duration_s",
    "title",
    "activity",
    "fasted",
    "session_rpe",
    "avg_hr",
    "max_hr",
    "distance_m",
    "notes",
    "source",
    "external_id",
)


class DuplicateWorkout(InvalidInput):
    """Another workout of this user already has this (source, external_id)."""

    status_code = 409

    def __init__(self, existing_id: int):
        super().__init__(
            {
                "external_id": [
                    f"A workout with this source and external_id exists (id {existing_id})."
                ]
            }
        )
        self.existing_id = existing_id


def create_workout(user: AbstractBaseUser, data: WorkoutInput) -> Workout:
    with transaction.atomic():
        _ensure_external_id_free(user, data)
        workout = Workout(user=user, **{f: getattr(data, f) for f in SCALAR_FIELDS})
        try:
            with transaction.atomic():
                workout.save()
        except IntegrityError:
            # Lost a race with a concurrent create of the same external_id.
            _ensure_external_id_free(user, data)
            raise
        _write_exercises(workout, data.exercises)
        _write_intervals(workout, data.intervals)
        _announce(workout)
    return workout


def update_workout(
    workout: Workout,
    data: WorkoutInput,
    *,
    replace_exercises: bool = True,
    replace_intervals: bool = True,
) -> Workout:
    """Overwrite a workout's fields; its exercises and intervals are replaced when asked."""
    with transaction.atomic():
        _ensure_external_id_free(workout.user, data, exclude_id=workout.pk)
        for f in SCALAR_FIELDS:
            setattr(workout, f, getattr(data, f))
        workout.deleted_at = None
        workout.save()
        if replace_exercises:
            WorkoutExercise.objects.filter(workout=workout).delete()
            _write_exercises(workout, data.exercises)
        if replace_intervals:
            Interval.objects.filter(workout=workout).delete()
            _write_intervals(workout, data.intervals)
        _announce(workout)
    return workout


def delete_workout(workout: Workout) -> None:
    """Soft delete: the row stays as a tombstone so syncing clients learn of it."""
    with transaction.atomic():
        workout.deleted_at = timezone.now()
        workout.save(update_fields=["deleted_at", "updated_at"])
        _announce(workout)


def _ensure_external_id_free(
    user: AbstractBaseUser, data: WorkoutInput, exclude_id: int | None = None
) -> None:
    if data.external_id is None:
        return
    clash = Workout.objects.filter(user=user, source=data.source, external_id=data.external_id)
    if exclude_id is not None:
        clash = clash.exclude(pk=exclude_id)
    existing_id = clash.values_list("pk", flat=True).first()
    if existing_id is not None:
        raise DuplicateWorkout(existing_id)


def _write_exercises(workout: Workout, exercises: list[ExerciseInput]) -> None:
    if not exercises:
        return
    catalog = resolve_exercises(workout.user, {e.exercise for e in exercises})
    entries = WorkoutExercise.objects.bulk_create(
        [
            WorkoutExercise(
                workout=workout,
                exercise=catalog[item.exercise],
                position=position,
                superset=item.superset,
            )
            for position, item in enumerate(exercises)
        ]
    )
    Set.objects.bulk_create(
        [
            Set(entry=entry, position=position, **vars(s))
            for entry, item in zip(entries, exercises, strict=True)
            for position, s in enumerate(item.sets)
        ]
    )


def _write_intervals(workout: Workout, intervals: list[IntervalInput]) -> None:
    Interval.objects.bulk_create(
        [
            Interval(workout=workout, position=position, **vars(item))
            for position, item in enumerate(intervals)
        ]
    )


def _announce(workout: Workout) -> None:
    transaction.on_commit(lambda: workout_saved.send(sender=Workout, workout=workout))
