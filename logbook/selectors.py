"""The logbook's reads, in one place: what pages, the API, tasks and the write path look up.
Reads never write (the one exception: a user who somehow lacks a profile gets one)."""

import re
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from logbook.catalog import name_key
from logbook.models import Exercise, ExerciseName, ImportJob, Profile, Set, Workout, WorkoutExercise

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
