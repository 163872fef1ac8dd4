"""The logbook's reads, in one place: what pages, the API, tasks and the write path look up.
Reads never write (the one exception: a user who somehow lacks a profile gets one)."""

import re
from collections.abc import Iterable
from statistics import median
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from logbook.catalog import catalog_by_key, name_key
from logbook.models import (
    Exercise,
    ExerciseName,
    ImportJob,
    Profile,
    Set,
    SetType,
    Workout,
    WorkoutExercise,
)
from logbook.schema import SET_COLUMNS

# Exports name a workout that has no external_id "myolog-<id>"; syncing that back into the
# same account finds the workout again instead of creating a copy.
DERIVED_ID_PREFIX = "myolog-"
_DERIVED_ID = re.compile(rf"^{DERIVED_ID_PREFIX}(\d{{1,18}})$")


def get_profile(user: AbstractBaseUser) -> Profile:
    """The user's profile; made here if a user somehow lacks one (e.g. raw fixtures)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def live_workouts(user: AbstractBaseUser) -> QuerySet:
    """The user's workouts that are not deleted."""
    return Workout.objects.alive().filter(user=user)


def visible_exercises(user: AbstractBaseUser) -> QuerySet:
    """The shared catalog and the user's own exercises."""
    return Exercise.objects.filter(Q(owner__isnull=True) | Q(owner=user))


def search_exercises(user: AbstractBaseUser, query: str) -> QuerySet:
    """Exercises whose name, slug or any alias contains `query`."""
    key = name_key(query)
    return (
        visible_exercises(user)
        .filter(Q(name__icontains=query) | Q(slug__icontains=key) | Q(names__key__contains=key))
        .distinct()
    )


def exercise_names(user: AbstractBaseUser) -> list[str]:
    """For the exercise field's suggestions: the user's own first, then the catalog."""
    own = Exercise.objects.filter(owner=user).values_list("name", flat=True)
    catalog = Exercise.objects.filter(owner__isnull=True).values_list("name", flat=True)
    return [*own, *catalog]


def last_sets(user: AbstractBaseUser, name: str) -> list[Set]:
    """The sets of the last live workout in which the user did the exercise called `name`."""
    key = name_key(name)
    names = ExerciseName.objects.filter(key=key).filter(Q(owner__isnull=True) | Q(owner=user))
    entry = (
        WorkoutExercise.objects.filter(
            workout__user=user,
            workout__deleted_at__isnull=True,
            exercise_id__in=list(names.values_list("exercise_id", flat=True)),
        )
        .order_by("-workout__started_at")
        .prefetch_related("sets")
        .first()
    )
    return list(entry.sets.all()) if entry is not None else []


def import_jobs(user: AbstractBaseUser) -> QuerySet:
    return ImportJob.objects.filter(user=user)


def find_synced(
    user: AbstractBaseUser, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Workout]:
    """The user's workouts (deleted ones too) by (source, external_id), in one or two queries.

    A key whose external_id is "myolog-<id>" (how exports name workouts that have none)
    also finds workout <id> of the same source when it has no external_id.
    """
    keys = {key for key in keys if key[1] is not None}
    if not keys:
        return {}
    rows = Workout.objects.filter(user=user, external_id__in={e for _, e in keys})
    found = {(w.source, w.external_id): w for w in rows if (w.source, w.external_id) in keys}
    derived = {}
    for source, external_id in keys - found.keys():
        match = _DERIVED_ID.match(external_id)
        if match:
            derived[int(match.group(1))] = (source, external_id)
    if derived:
        for w in Workout.objects.filter(user=user, pk__in=derived, external_id__isnull=True):
            key = derived[w.pk]
            if key[0] == w.source:
                found[key] = w
    for workout in found.values():
        workout.user = user  # spare a query per workout when it is written
    return found


def exported_external_id(workout: Workout) -> str:
    """The workout's external_id, or a stable one derived from its id (see find_synced)."""
    return workout.external_id or f"{DERIVED_ID_PREFIX}{workout.pk}"


# --- The live logger (/log/): what it keeps on the device for a whole session ----------------
# A fixed number of queries however long the history is (window functions pick one row per
# exercise in the database).

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
        .values_list("entry_id", *SET_COLUMNS)
    ):
        sets_by_entry.setdefault(entry_id, []).append(dict(zip(SET_COLUMNS, values, strict=True)))
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
        .values_list("entry__exercise_id", "entry__workout__started_at", *SET_COLUMNS)
    )
    return {
        exercise_id: {"date": started_at.isoformat(), **dict(zip(SET_COLUMNS, values, strict=True))}
        for exercise_id, started_at, *values in rows
    }


def recent_workouts(user: AbstractBaseUser, limit: int = RECENT_WORKOUTS) -> list[Workout]:
    """The latest workouts with exercises or intervals, to start a new one from ("repeat");
    a run with neither has nothing to repeat set by set."""
    return list(
        Workout.objects.alive()
        .filter(user=user)
        .filter(Q(exercises__isnull=False) | Q(intervals__isnull=False))
        .distinct()
        .order_by("-started_at", "-id")[:limit]
    )
