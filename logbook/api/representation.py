"""Workouts and exercises as the API returns them. Plain functions over prefetched rows
(see `WorkoutQuerySet.with_details`), so a list costs a fixed number of queries."""

from typing import Any

from logbook.models import Exercise, Interval, Set, Workout, WorkoutExercise

SET_FIELDS = (
    "reps",
    "load_kg",
    "rpe",
    "rir",
    "rest_s",
    "tempo",
    "set_type",
    "duration_s",
    "distance_m",
    "eccentric_emphasis",
)
INTERVAL_FIELDS = ("kind", "duration_s", "distance_m", "avg_hr", "max_hr", "rpe")


def workout_to_dict(workout: Workout) -> dict[str, Any]:
    if workout.is_deleted:
        return tombstone(workout)
    return {
        "id": workout.pk,
        "started_at": workout.local_started_at.isoformat(),
        "duration_s": workout.duration_s,
        "title": workout.title,
        "activity": workout.activity,
        "fasted": workout.fasted,
        "session_rpe": workout.session_rpe,
        "avg_hr": workout.avg_hr,
        "max_hr": workout.max_hr,
        "distance_m": workout.distance_m,
        "notes": workout.notes,
        "source": workout.source,
        "external_id": workout.external_id,
        "exercises": [entry_to_dict(e) for e in workout.exercises.all()],
        "intervals": [interval_to_dict(i) for i in workout.intervals.all()],
        "created_at": workout.created_at.isoformat(),
        "updated_at": workout.updated_at.isoformat(),
    }


def tombstone(workout: Workout) -> dict[str, Any]:
    return {
        "id": workout.pk,
        "external_id": workout.external_id,
        "source": workout.source,
        "deleted": True,
        "updated_at": workout.updated_at.isoformat(),
    }


def entry_to_dict(entry: WorkoutExercise) -> dict[str, Any]:
    exercise = entry.exercise
    return {
        # A custom exercise is named by its name, so the workout re-imports anywhere.
        "exercise": exercise.name if exercise.is_custom else exercise.slug,
        "name": exercise.name,
        "custom": exercise.is_custom,
        "superset": entry.superset,
        "sets": [set_to_dict(s) for s in entry.sets.all()],
    }


def set_to_dict(s: Set) -> dict[str, Any]:
    return {f: getattr(s, f) for f in SET_FIELDS}


def interval_to_dict(interval: Interval) -> dict[str, Any]:
    return {f: getattr(interval, f) for f in INTERVAL_FIELDS}


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": exercise.aliases,
        "movement_pattern": exercise.movement_pattern,
        "primary_muscles": exercise.primary_muscles,
        "secondary_muscles": exercise.secondary_muscles,
        "mechanic": exercise.mechanic,
        "equipment": exercise.equipment,
        "kind": exercise.kind,
        "custom": exercise.is_custom,
    }
