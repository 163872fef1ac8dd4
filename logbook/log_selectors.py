"""Reads for the live logger (`/log/`): what it needs to work offline for a whole session.

The exercises to pick from, last time's sets and the best set of every exercise the user
has done, recent workouts to repeat, and the input limits; a fixed number of queries
however long the history is (window functions pick one row per exercise in the database).
"""

from statistics import median
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from logbook.api.representation import SET_FIELDS, workouts_to_dicts
from logbook.catalog import catalog_by_key
from logbook.models import Exercise, Set, SetType, Workout, WorkoutExercise
from logbook.workout_input import INTERVAL_SPEC, SET_SPEC, WORKOUT_SPEC, Number, Text

RECENT_WORKOUTS = 8
HISTORY_EXERCISES = 400  # the most recently done; older ones simply show no "last time"


def exercise_choices(user: AbstractBaseUser) -> list[dict[str, Any]]:
    """The catalog and the user's own exercises, keyed as the API names them (a catalog
    exercise by slug, a custom one by name), for searching without a connection."""
    catalog = {e.pk: e for e in catalog_by_key().values()}.values()
    own = Exercise.objects.filter(owner=user)
    return [_choice(e) for e in sorted([*catalog, *own], key=lambda e: e.name.lower())]


def _choice(exercise: Exercise) -> dict[str, Any]:
    return {
        "exercise": exercise.name if exercise.is_custom else exercise.slug,
        "name": exercise.name,
        "aliases": exercise.aliases,
        "kind": exercise.kind,
        "mechanic": exercise.mechanic,
        "equipment": exercise.equipment,
        "muscles": exercise.primary_muscles,
        "custom": exercise.is_custom,
    }


def exercise_history(user: AbstractBaseUser) -> dict[str, dict[str, Any]]:
    """By exercise key: last time's sets (with the date) and the best working set ever
    (heaviest, then most reps), plus the typical rest recorded last time."""
    entries = list(
        WorkoutExercise.objects.filter(workout__user=user, workout__deleted_at__isnull=True)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("exercise_id")],
                order_by=[F("workout__started_at").desc(), F("workout_id").desc(), "position"],
            )
        )
        .filter(rank=1)
        .order_by("-workout__started_at")
        .values_list(
            "id",
            "exercise_id",
            "exercise__slug",
            "exercise__name",
            "exercise__owner_id",
            "workout__started_at",
        )[:HISTORY_EXERCISES]
    )
    if not entries:
        return {}
    sets_by_entry: dict[int, list[dict[str, Any]]] = {}
    for entry_id, *values in (
        Set.objects.filter(entry_id__in=[e[0] for e in entries])
        .order_by("entry_id", "position")
        .values_list("entry_id", *SET_FIELDS)
    ):
        sets_by_entry.setdefault(entry_id, []).append(dict(zip(SET_FIELDS, values, strict=True)))
    best = _best_sets(user, [e[1] for e in entries])
    history = {}
    for entry_id, exercise_id, slug, name, owner_id, started_at in entries:
        sets = sets_by_entry.get(entry_id, [])
        rests = [s["rest_s"] for s in sets if s["rest_s"]]
        history[name if owner_id else slug] = {
            "last": {"date": started_at.isoformat(), "sets": sets},
            "best": best.get(exercise_id),
            "rest_s": round(median(rests)) if rests else None,
        }
    return history


def _best_sets(user: AbstractBaseUser, exercise_ids: list[int]) -> dict[int, dict[str, Any]]:
    rows = (
        Set.objects.filter(
            entry__workout__user=user,
            entry__workout__deleted_at__isnull=True,
            entry__exercise_id__in=exercise_ids,
        )
        .exclude(set_type=SetType.WARMUP)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("entry__exercise_id")],
                order_by=[
                    F("load_kg").desc(nulls_last=True),
                    F("reps").desc(nulls_last=True),
                    F("duration_s").desc(nulls_last=True),
                    F("distance_m").desc(nulls_last=True),
                    F("entry__workout__started_at").desc(),
                ],
            )
        )
        .filter(rank=1)
        .values_list("entry__exercise_id", "entry__workout__started_at", *SET_FIELDS)
    )
    return {
        exercise_id: {"date": started_at.isoformat(), **dict(zip(SET_FIELDS, values, strict=True))}
        for exercise_id, started_at, *values in rows
    }


def recent_workouts(user: AbstractBaseUser, limit: int = RECENT_WORKOUTS) -> list[dict[str, Any]]:
    """The latest workouts with exercises or intervals, as the API shows them, to start a
    new one from ("repeat"); a run with neither has nothing to repeat set by set."""
    workouts = list(
        Workout.objects.alive()
        .filter(user=user)
        .filter(Q(exercises__isnull=False) | Q(intervals__isnull=False))
        .distinct()
        .order_by("-started_at", "-id")[:limit]
    )
    return workouts_to_dicts(workouts)


def input_limits() -> dict[str, dict[str, dict[str, Any]]]:
    """The numeric and text bounds of `logbook.workout_input`, so the logger can say
    "Weight must be at most 2,204 lb" before anything is sent."""
    return {
        "workout": _limits(WORKOUT_SPEC),
        "set": _limits(SET_SPEC),
        "interval": _limits(INTERVAL_SPEC),
    }


def _limits(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, rule in spec.items():
        if isinstance(rule, Number):
            out[name] = {
                "min": rule.minimum,
                "max": rule.maximum,
                "integer": rule.integer,
                "step": rule.step,
            }
        elif isinstance(rule, Text):
            out[name] = {"max_length": rule.max_length}
    return out
