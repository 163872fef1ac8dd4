"""The logbook's reads, in one place: what pages, the API, tasks and the write path look up.
Reads never write (the one exception: a user who somehow lacks a profile gets one)."""

import re
from collections.abc import Iterable
from statistics import median
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet, Subquery, Sum, Window
from django.db.models.functions import RowNumber

from logbook import exercise_search
from logbook.catalog import catalog_by_key, name_key
from logbook.models import (
    ChangeClock,
    Exercise,
    ExerciseName,
    ImportJob,
    Profile,
    Routine,
    RoutineExercise,
    Set,
    SetType,
    Workout,
    WorkoutExercise,
)
from logbook.progression import (
    DoneSet,
    Target,
    double_progression,
    load_from_percent,
    working_sets,
)
from logbook.schema import ROUTINE_TARGETS, SET_COLUMNS

# Exports name a workout that has no external_id "myolog-<id>"; syncing that back into the
# same account finds the workout again instead of creating a copy.
DERIVED_ID_PREFIX = "myolog-"
_DERIVED_ID = re.compile(rf"^{DERIVED_ID_PREFIX}([0-9]{{1,18}})$")


def get_profile(user: AbstractBaseUser) -> Profile:
    """The user's profile; made here if a user somehow lacks one (e.g. raw fixtures)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def change_stamp(user: AbstractBaseUser) -> int | None:
    """The user's change clock (`ChangeClock`), or None before their first write. Every write
    of their workouts moves it (`services`: saves, deletes, sync, imports, and renames and
    merges of exercises restamp the workouts they touch), so what is worked out from the
    workouts can be kept under it and is never read stale."""
    return ChangeClock.objects.filter(user_id=user.pk).values_list("stamp_us", flat=True).first()


def live_workouts(user: AbstractBaseUser) -> QuerySet:
    """The user's workouts that are not deleted."""
    return Workout.objects.alive().filter(user=user)


def ranked_exercises(
    user: AbstractBaseUser,
    query: str = "",
    *,
    kind: str = "",
    muscle: str = "",
    equipment: str = "",
) -> list[exercise_search.Match[Exercise]]:
    """The catalog and the user's own exercises matching `query` (ranked: see
    logbook.exercise_search) and the filters; with nothing typed, by name. One query (the
    user's own exercises): the catalog is the process's copy."""
    chosen = [
        e
        for e in search_order(user)
        if (not kind or e.kind == kind)
        and (not muscle or muscle in e.primary_muscles)
        and (not equipment or e.equipment == equipment)
    ]
    if not query.strip():
        chosen.sort(key=lambda e: (e.name, e.pk))
    return exercise_search.rank(chosen, query, lambda e: (e.name, e.aliases))


def search_order(user: AbstractBaseUser) -> list[Exercise]:
    """The catalog in its own order (staples first), then the user's own by name: the order
    a search keeps among equally good matches. One query."""
    return [*_catalog_in_order(), *Exercise.objects.filter(owner=user).order_by("name", "id")]


def _catalog_in_order() -> list[Exercise]:
    return sorted({e.pk: e for e in catalog_by_key().values()}.values(), key=lambda e: e.pk)


def exercise_facets() -> dict[str, list[str]]:
    """The muscles and equipment the catalog names, for the search's filters."""
    catalog = catalog_by_key().values()
    return {
        "muscle": sorted({m for e in catalog for m in e.primary_muscles}),
        "equipment": sorted({e.equipment for e in catalog if e.equipment}),
    }


def exercise_usage(user: AbstractBaseUser) -> dict[int, tuple[int, Any]]:
    """By exercise id: how many live workouts of the user have it, and the last one's
    start. One query."""
    rows = (
        WorkoutExercise.objects.filter(workout__user=user, workout__deleted_at__isnull=True)
        .values("exercise_id")
        .annotate(sessions=Count("workout_id", distinct=True), last=Max("workout__started_at"))
        .values_list("exercise_id", "sessions", "last")
    )
    return {exercise_id: (sessions, last) for exercise_id, sessions, last in rows}


# Where each import reader stamps its workouts (`SOURCE` in logbook/imports/readers/): the
# user's own exercises these workouts use came from a file, for mapping to the catalog.
IMPORTED_SOURCES = (
    "apple_health",
    "fit",
    "fitnotes",
    "garmin",
    "garmin_csv",
    "gpx",
    "hevy",
    "polar",
    "strong",
    "suunto",
    "tcx",
)


def own_exercises(user: AbstractBaseUser) -> list[dict[str, Any]]:
    """The user's own exercises by name, each with how many sets and workouts (live ones)
    use it, how many routines, and whether an imported workout does. Two queries."""
    exercises = list(Exercise.objects.filter(owner=user).order_by("name", "id"))
    uses = {
        row["exercise_id"]: row
        for row in WorkoutExercise.objects.filter(
            exercise__owner=user, workout__deleted_at__isnull=True
        )
        .values("exercise_id")
        .annotate(
            sets=Count("sets"),
            workouts=Count("workout_id", distinct=True),
            imported=Count(
                "workout_id", distinct=True, filter=Q(workout__source__in=IMPORTED_SOURCES)
            ),
        )
    }
    routines = dict(
        RoutineExercise.objects.filter(exercise__owner=user)
        .values("exercise_id")
        .annotate(n=Count("routine_id", distinct=True))
        .values_list("exercise_id", "n")
    )
    rows = []
    for exercise in exercises:
        use = uses.get(exercise.pk, {})
        rows.append(
            {
                "exercise": exercise,
                "sets": use.get("sets", 0),
                "workouts": use.get("workouts", 0),
                "imported": bool(use.get("imported")),
                "routines": routines.get(exercise.pk, 0),
            }
        )
    return rows


def chosen_exercise(user: AbstractBaseUser, typed: str) -> Exercise | None:
    """The catalog exercise or one of the user's own that a typed name is (name, slug or
    alias, any casing), or None."""
    key = name_key(typed)
    found = catalog_by_key().get(key)
    if found is not None:
        return found
    row = ExerciseName.objects.filter(owner=user, key=key).select_related("exercise").first()
    return row.exercise if row else None


def did_you_mean(user: AbstractBaseUser, name: str) -> Exercise | None:
    """The catalog exercise a new name probably means ("Squats", "Benchpress": see
    exercise_search.likely_meant), or None when the name is already known (the catalog's or
    the user's own) or close to nothing."""
    key = name_key(name)
    if key in catalog_by_key() or ExerciseName.objects.filter(owner=user, key=key).exists():
        return None
    return catalog_match(name)


_meant: tuple[object, dict[str, Exercise | None]] = (None, {})  # (catalog copy, by name)
MEANT_KEPT = 4096


def catalog_match(name: str) -> Exercise | None:
    """The catalog exercise `name` probably means (exercise_search.likely_meant), or None.
    Remembered per name for as long as the process keeps its copy of the catalog."""
    global _meant
    catalog = catalog_by_key()
    if _meant[0] is not catalog or len(_meant[1]) > MEANT_KEPT:
        _meant = (catalog, {})
    known = _meant[1]
    if name not in known:
        match = exercise_search.likely_meant(
            _catalog_in_order(), name, lambda e: (e.name, e.aliases)
        )
        known[name] = match.item if match else None
    return known[name]


def workouts_with_exercise(name: str) -> QuerySet:
    """Ids of workouts with an exercise answering to `name` (a part of any of its names), as
    a subquery: filtering by it leaves each workout's other rows (and counts) alone."""
    key = name_key(name)
    return WorkoutExercise.objects.filter(exercise__names__key__contains=key).values("workout_id")


def tonnage_of(workout: Any) -> Subquery:
    """Volume load of a workout (sum of reps × load of its working sets, in kg), as a
    subquery for annotating lists: `workout` is an OuterRef to the workout's id."""
    return Subquery(
        Set.objects.filter(entry__workout_id=workout)
        .exclude(set_type=SetType.WARMUP)
        .values("entry__workout_id")
        .annotate(total=Sum(F("reps") * F("load_kg")))
        .values("total")[:1]
    )


def set_count_of(workout: Any) -> Subquery:
    """How many sets a workout has, as a subquery for annotating lists (`workout` is an
    OuterRef): unlike a Count over a join, it adds no GROUP BY, so a page of a long history
    reads only its own rows' sets."""
    return Subquery(
        Set.objects.filter(entry__workout_id=workout)
        .values("entry__workout_id")
        .annotate(n=Count("id"))
        .values("n")[:1]
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
    exercise by slug, a custom one by name), for searching without a connection; in
    `search_order`, which the device's search keeps among equal matches."""
    return [_choice(e) for e in search_order(user)]


def _choice(exercise: Exercise) -> dict[str, Any]:
    return {
        "exercise": exercise_key(exercise),
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
    entries = _last_entries(user)
    if not entries:
        return {}
    sets_by_entry = _entry_sets([e[0] for e in entries])
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


def _last_entries(user: AbstractBaseUser, exercise_ids: Iterable[int] | None = None) -> list:
    """The last live entry of each exercise the user did (of `exercise_ids`, if given), newest
    first: (entry id, exercise id, slug, name, owner id, started at). One query."""
    entries = WorkoutExercise.objects.filter(workout__user=user, workout__deleted_at__isnull=True)
    if exercise_ids is not None:
        entries = entries.filter(exercise_id__in=list(exercise_ids))
    return list(
        entries.annotate(
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


def _entry_sets(entry_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The sets of the given entries as dicts of the schema's set columns, in order."""
    sets_by_entry: dict[int, list[dict[str, Any]]] = {}
    for entry_id, *values in (
        Set.objects.filter(entry_id__in=entry_ids)
        .order_by("entry_id", "position")
        .values_list("entry_id", *SET_COLUMNS)
    ):
        sets_by_entry.setdefault(entry_id, []).append(dict(zip(SET_COLUMNS, values, strict=True)))
    return sets_by_entry


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


# --- Routines ---------------------------------------------------------------------------------


def user_routines(user: AbstractBaseUser) -> QuerySet:
    """The user's routines, newest first, with their exercises (two queries)."""
    return Routine.objects.filter(user=user).prefetch_related(
        Prefetch("exercises", queryset=RoutineExercise.objects.select_related("exercise"))
    )


def exercise_key(exercise: Exercise) -> str:
    """How the API names an exercise: a catalog one by slug, the user's own by name."""
    return exercise.name if exercise.is_custom else exercise.slug


def routine_plans(user: AbstractBaseUser, routines: list[Routine]) -> list[dict[str, Any]]:
    """Each routine as the live logger starts from it: per exercise its targets, the sets
    to prefill (last time's load, else the target's), and the progression suggestion with
    its rule (logbook.progression), with the sets it would prefill. Four queries in all."""
    units = get_profile(user).units
    ids = {item.exercise_id for r in routines for item in r.exercises.all()}
    last = _last_entries(user, ids) if ids else []
    sets_by_entry = _entry_sets([e[0] for e in last])
    done = {
        exercise_id: (started_at, sets_by_entry.get(entry_id, []))
        for entry_id, exercise_id, *_, started_at in last
    }
    return [
        {
            "id": routine.pk,
            "name": routine.name,
            "notes": routine.notes,
            "exercises": [
                _plan(item, done.get(item.exercise_id), units) for item in routine.exercises.all()
            ],
        }
        for routine in routines
    ]


def _plan(item: RoutineExercise, last: tuple | None, units: str) -> dict[str, Any]:
    target = Target(
        sets=item.sets,
        reps_min=item.reps_min,
        reps_max=item.reps_max,
        load_kg=item.load_kg,
        percent_1rm=item.percent_1rm,
    )
    done = [_done(s) for s in last[1]] if last else []
    working = working_sets(done)
    load = max((s.load_kg for s in working), default=None)
    if item.percent_1rm is not None:
        load = load_from_percent(item.percent_1rm, done, units)
    elif load is None:
        load = item.load_kg
    suggestion = double_progression(target, done, units) if item.percent_1rm is None else None
    reps = item.reps_max or item.reps_min
    plan = {
        "exercise": exercise_key(item.exercise),
        "name": item.exercise.name,
        "custom": item.exercise.is_custom,
        **{field: getattr(item, field) for field in ROUTINE_TARGETS},
        "last_date": last[0].isoformat() if last else None,
        "sets": _target_sets(item, reps, load),
        "suggestion": None,
    }
    if suggestion is not None:
        plan["suggestion"] = {
            "load_kg": suggestion.load_kg,
            "reps": suggestion.reps,
            "progress": suggestion.progress,
            "reason": suggestion.reason,
            "rule": suggestion.rule,
            "sets": _target_sets(item, suggestion.reps, suggestion.load_kg),
        }
    return plan


def _target_sets(item: RoutineExercise, reps: int | None, load: float | None) -> list[dict]:
    one = {"reps": reps, "load_kg": load, "rpe": item.rpe, "rest_s": item.rest_s}
    return [dict(one) for _ in range(item.sets)]


def _done(s: dict[str, Any]) -> DoneSet:
    return DoneSet(
        reps=s["reps"], load_kg=s["load_kg"], rpe=s["rpe"], rir=s["rir"], set_type=s["set_type"]
    )
