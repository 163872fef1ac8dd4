"""Workouts and exercises as the API returns them. Plain functions over prefetched rows
(see `WorkoutQuerySet.with_details`), so a list costs a fixed number of queries."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from logbook.models import (
    AccessToken,
    Exercise,
    Interval,
    Routine,
    Set,
    Workout,
    WorkoutExercise,
)
from logbook.schema import (
    INTERVAL_COLUMNS,
    PROFILE_COLUMNS,
    ROUTINE_COLUMNS,
    ROUTINE_TARGETS,
    SET_COLUMNS,
    WEEKLY_EMAIL_COLUMNS,
    WORKOUT_FIELDS,
    IntervalIn,
    SetIn,
    WorkoutIn,
)
from logbook.selectors import exercise_key, get_profile

# The bodies' keys, in order, come from the schema: a workout is its id, the fields a
# client sends, its entries and intervals, then its stamps; an entry adds the exercise's
# name and whether it is the user's own.
SET_FIELDS = SET_COLUMNS
INTERVAL_FIELDS = INTERVAL_COLUMNS
WORKOUT_SCALARS = tuple(f for f in WORKOUT_FIELDS if f != "started_at")
READ_ONLY = {"workout": ("id", "created_at", "updated_at"), "entry": ("name", "custom")}


def workout_to_dict(workout: Workout) -> dict[str, Any]:
    if workout.is_deleted:
        return tombstone(workout)
    return {
        **_scalars(workout),
        "exercises": [entry_to_dict(e) for e in workout.exercises.all()],
        "intervals": [interval_to_dict(i) for i in workout.intervals.all()],
        **_stamps(workout),
    }


def written_workout_to_dict(
    workout: Workout, data: WorkoutIn, exercises: dict[str, Exercise]
) -> dict[str, Any]:
    """The body for a workout just written from `data`, without reading it back (four
    queries less per create): every field is stored as validated, so this equals
    `workout_to_dict` of the stored rows."""
    return {
        **_scalars(workout),
        "exercises": [
            _exercise_entry(exercises[e.exercise], e.superset, e.sets) for e in data.exercises
        ],
        "intervals": [interval_to_dict(i) for i in data.intervals],
        **_stamps(workout),
    }


def _scalars(workout: Workout) -> dict[str, Any]:
    body = {"id": workout.pk, "started_at": workout.local_started_at.isoformat()}
    for name in WORKOUT_SCALARS:
        body[name] = getattr(workout, name)
    return body


def _stamps(workout: Workout) -> dict[str, str]:
    return {
        "created_at": workout.created_at.isoformat(),
        "updated_at": workout.updated_at.isoformat(),
    }


def workouts_to_dicts(workouts: list[Workout]) -> list[dict[str, Any]]:
    """A page of workouts in three value queries, without model instances for the sets:
    the same dicts as `workout_to_dict`, several times faster for long lists."""
    live = [w.pk for w in workouts if not w.is_deleted]
    rows = list(
        WorkoutExercise.objects.filter(workout_id__any=live)
        .order_by("workout_id", "position")
        .values_list(
            "id", "workout_id", "superset", "exercise__slug", "exercise__name", "exercise__owner_id"
        )
    )
    # The sets by their entries' ids, not joined to the workouts: without table statistics a
    # join on the workout ids is planned as a scan of every set (bench/PLANS.md).
    # Each row is the set's fields, then its entry's id, which zip() leaves out.
    by_entry: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Set.objects.filter(entry_id__any=[row[0] for row in rows])
        .order_by("entry_id", "position")
        .values_list(*SET_FIELDS, "entry_id")
    ):
        by_entry[row[-1]].append(dict(zip(SET_FIELDS, row)))  # noqa: B905
    entries: dict[int, list[dict]] = defaultdict(list)
    for entry_id, workout_id, superset, slug, name, owner_id in rows:
        entries[workout_id].append(
            _entry(slug, name, owner_id is not None, superset, by_entry[entry_id])
        )
    intervals: dict[int, list[dict]] = defaultdict(list)
    for workout_id, *values in (
        Interval.objects.filter(workout_id__any=live)
        .order_by("workout_id", "position")
        .values_list("workout_id", *INTERVAL_FIELDS)
    ):
        intervals[workout_id].append(dict(zip(INTERVAL_FIELDS, values, strict=True)))
    return [
        tombstone(w)
        if w.is_deleted
        else {**_scalars(w), "exercises": entries[w.pk], "intervals": intervals[w.pk], **_stamps(w)}
        for w in workouts
    ]


def tombstone(workout: Workout) -> dict[str, Any]:
    return {
        "id": workout.pk,
        "external_id": workout.external_id,
        "source": workout.source,
        "deleted": True,
        "updated_at": workout.updated_at.isoformat(),
    }


def entry_to_dict(entry: WorkoutExercise) -> dict[str, Any]:
    return _exercise_entry(entry.exercise, entry.superset, entry.sets.all())


def _exercise_entry(
    exercise: Exercise, superset: int | None, sets: Iterable[Set | SetIn]
) -> dict[str, Any]:
    rows = [set_to_dict(s) for s in sets]
    return _entry(exercise.slug, exercise.name, exercise.is_custom, superset, rows)


def _entry(
    slug: str, name: str, custom: bool, superset: int | None, sets: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        # A custom exercise is named by its name, so the workout re-imports anywhere.
        "exercise": name if custom else slug,
        "name": name,
        "custom": custom,
        "superset": superset,
        "sets": sets,
    }


def set_to_dict(s: Set | SetIn) -> dict[str, Any]:
    """A stored Set or a validated SetIn: they share the field names."""
    return {f: getattr(s, f) for f in SET_FIELDS}


def interval_to_dict(interval: Interval | IntervalIn) -> dict[str, Any]:
    """A stored Interval or a validated IntervalIn."""
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


def routine_to_dict(routine: Routine) -> dict[str, Any]:
    """A routine with its prefetched exercises (`selectors.user_routines`)."""
    return {
        "id": routine.pk,
        **{field: getattr(routine, field) for field in ROUTINE_COLUMNS},
        "exercises": [
            {
                "exercise": exercise_key(item.exercise),
                "name": item.exercise.name,
                "custom": item.exercise.is_custom,
                **{field: getattr(item, field) for field in ROUTINE_TARGETS},
            }
            for item in routine.exercises.all()
        ],
        "created_at": routine.created_at.isoformat(),
        "updated_at": routine.updated_at.isoformat(),
    }


def token_to_dict(token: AccessToken) -> dict[str, Any]:
    """A token as the API shows it: never its value, which only its creation answer holds."""
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "scope": token.scope,
        "created_at": token.created_at.isoformat(),
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
        "expires_at": token.expires_at.isoformat() if token.expires_at else None,
    }


def profile_to_dict(user: AbstractBaseUser) -> dict[str, Any]:
    """`GET /api/v1/me/`: the user and the preferences `schema.ProfileIn` changes."""
    p = get_profile(user)
    return {
        "username": user.get_username(),
        "email": user.email,
        **{name: getattr(p, column) for name, column in PROFILE_COLUMNS.items()},
        "weekly_email": {name: getattr(p, column) for name, column in WEEKLY_EMAIL_COLUMNS.items()},
    }
