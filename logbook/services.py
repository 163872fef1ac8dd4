"""The one write path for workouts. Every door (API, web form, sync, import, admin, commands,
the demo seeder) calls here.

Every write runs in a transaction: a workout is written whole or not at all.
Work that follows a write (classification) is announced with `workouts_saved` on
commit, so a rolled-back write never triggers it.

Every write stamps `updated_at` under the user's `ChangeClock` row lock, so a user's
stamps increase in commit order and incremental sync can page by them without gaps.
"""

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from importlib import import_module
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from logbook.catalog import name_key, resolve_exercises
from logbook.common.errors import InvalidInput
from logbook.common.input import printable, storable, text_problem
from logbook.models import (
    ChangeClock,
    Exercise,
    ExerciseName,
    IdempotencyRecord,
    Interval,
    Profile,
    Routine,
    RoutineExercise,
    Set,
    Workout,
    WorkoutExercise,
)
from logbook.schema import (
    INTERVAL_COLUMNS,
    ROUTINE_COLUMNS,
    ROUTINE_TARGETS,
    SET_COLUMNS,
    WORKOUT_COLUMNS,
    EntryIn,
    IntervalIn,
    RoutineIn,
    SetIn,
    WorkoutIn,
    clean_profile,
    clean_routine,
    clean_workout,
)
from logbook.selectors import find_synced, get_profile

logger = logging.getLogger(__name__)

# Sent after the transaction that created, changed or deleted workouts has committed, with
# `workouts`: one, or the new workouts of a sync or import batch together.
workouts_saved = Signal()
# Sent on commit with `user` when the max heart rate or the birth year changed, so that what
# depends on them (the insights of workouts with heart rate) can follow, in the background.
heart_rate_profile_changed = Signal()
HEART_RATE_FIELDS = ("hr_max", "birth_year")

CREATED, UPDATED, UNCHANGED, ERROR = "created", "updated", "unchanged", "error"
# What writing one workout of a batch may raise besides InvalidInput: the database's
# refusals, and a driver's that cannot encode a value (UnicodeEncodeError is a ValueError).
STORE_ERRORS = (DatabaseError, ValueError, OverflowError)

# New workouts of a sync or import batch are inserted this many per transaction; rows per
# INSERT statement stay under every backend's parameter limit.
BULK_CHUNK = 100
ANALYZE_AFTER = 200  # workouts created by one batch that refresh the planner's statistics
BULK_BATCH = 2000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

SCALAR_FIELDS = WORKOUT_COLUMNS  # the schema's, each a column of logbook_workout
_set_values = attrgetter(*SET_COLUMNS)
_interval_values = attrgetter(*INTERVAL_COLUMNS)


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


def create_workout(
    user: AbstractBaseUser,
    data: WorkoutIn,
    *,
    exercises: dict[str, Exercise] | None = None,
    check_duplicate: bool = True,
    input_digest: str = "",
) -> Workout:
    """`exercises` may carry names resolved in advance for a batch; `check_duplicate=False`
    skips the look-up when the caller has just made it (the unique constraint still holds);
    `input_digest` is sync's digest of the raw item (see `input_digest`)."""
    return _create(user, data, exercises, check_duplicate, input_digest)[0]


def _create(
    user: AbstractBaseUser,
    data: WorkoutIn,
    exercises: dict[str, Exercise] | None,
    check_duplicate: bool = True,
    input_digest: str = "",
) -> tuple[Workout, dict[str, Exercise]]:
    try:
        with transaction.atomic():
            if check_duplicate:
                _ensure_external_id_free(user, data)
            exercises = _resolve(user, data, exercises)
            workout = Workout(user=user, **{f: getattr(data, f) for f in SCALAR_FIELDS})
            workout.content_hash = content_hash(data, exercises)
            workout.input_digest = input_digest
            _stamp(workout)
            workout.save()
            _write_exercises([(workout, data.exercises)], exercises)
            _write_intervals([(workout, data.intervals)])
            _announce(workout)
    except IntegrityError:
        # Lost a race with a concurrent create of the same external_id (checked after the
        # rollback, so no savepoint is needed around the insert).
        _ensure_external_id_free(user, data)
        raise
    return workout, exercises


def update_workout(
    workout: Workout,
    data: WorkoutIn,
    *,
    replace_exercises: bool = True,
    replace_intervals: bool = True,
    exercises: dict[str, Exercise] | None = None,
    input_digest: str = "",
) -> Workout:
    """Overwrite a workout's fields; its exercises and intervals are replaced when asked."""
    _update(workout, data, replace_exercises, replace_intervals, exercises, input_digest)
    return workout


def _update(
    workout: Workout,
    data: WorkoutIn,
    replace_exercises: bool = True,
    replace_intervals: bool = True,
    exercises: dict[str, Exercise] | None = None,
    input_digest: str = "",
) -> dict[str, Exercise] | None:
    with transaction.atomic():
        _ensure_external_id_free(workout.user, data, exclude_id=workout.pk)
        for f in SCALAR_FIELDS:
            setattr(workout, f, getattr(data, f))
        workout.deleted_at = None
        if replace_exercises:
            exercises = _resolve(workout.user, data, exercises)
        # A partial update keeps old rows the input may not describe: no digest to trust.
        complete = replace_exercises and replace_intervals
        workout.content_hash = content_hash(data, exercises) if complete else ""
        workout.input_digest = input_digest
        _stamp(workout)
        workout.save()
        if replace_exercises:
            WorkoutExercise.objects.filter(workout=workout).delete()
            _write_exercises([(workout, data.exercises)], exercises)
        if replace_intervals:
            Interval.objects.filter(workout=workout).delete()
            _write_intervals([(workout, data.intervals)])
        _announce(workout)
    return exercises


def write_workout(
    user: AbstractBaseUser, data: WorkoutIn, workout: Workout | None = None
) -> tuple[Workout, dict[str, Exercise]]:
    """Create a workout (or replace `workout`) and return the exercises its names resolved
    to, for a body built from what was written. New custom exercises are made in the
    workout's transaction: a refused write (a 409) leaves none behind."""
    if workout is None:
        return _create(user, data, None)
    return workout, _update(workout, data)


def delete_workout(workout: Workout) -> None:
    """Soft delete: the row stays as a tombstone so syncing clients learn of it."""
    with transaction.atomic():
        workout.deleted_at = timezone.now()
        _stamp(workout)
        workout.save(update_fields=["deleted_at", "updated_at"])
        _announce(workout)


def upsert_workout(
    user: AbstractBaseUser,
    data: WorkoutIn,
    *,
    existing: Workout | None = None,
    looked_up: bool = False,
    exercises: dict[str, Exercise] | None = None,
    input_digest: str = "",
) -> tuple[Workout, str]:
    """Create or replace the user's workout with data's (source, external_id).

    Returns the workout and "created", "updated" or "unchanged". Same content as stored
    writes nothing, so replaying a batch is cheap and leaves `updated_at` alone. A deleted
    workout stays deleted when the same content comes again (a tracker re-sending its
    history must not undo the user's delete); changed content restores and updates it.
    Batch callers pass `existing` from `find_synced` with `looked_up=True`, and
    `exercises` from one `resolve_exercises` call.
    """
    if data.external_id is None:
        raise InvalidInput({"external_id": ["Required to sync."]})
    if not looked_up:
        existing = find_synced(user, [(data.source, data.external_id)]).get(
            (data.source, data.external_id)
        )
    exercises = _resolve(user, data, exercises)
    digest = content_hash(data, exercises)
    if existing is not None and existing.content_hash == digest:
        return existing, UNCHANGED
    if existing is None:
        try:
            workout = create_workout(
                user,
                data,
                exercises=exercises,
                check_duplicate=False,
                input_digest=input_digest,
            )
            return workout, CREATED
        except DuplicateWorkout as clash:
            # Created concurrently by another request: update that one instead.
            existing = Workout.objects.get(pk=clash.existing_id)
            if existing.content_hash == digest:
                return existing, UNCHANGED
    update_workout(existing, data, exercises=exercises, input_digest=input_digest)
    return existing, UPDATED


def upsert_many(
    user: AbstractBaseUser,
    items: list[WorkoutIn],
    *,
    existing: dict[tuple[str, str], Workout] | None = None,
    input_digests: list[str] | None = None,
) -> Iterator[tuple[Workout | None, str, dict[str, list[str]]]]:
    """Upsert a batch: per item (workout, status, errors), in order; status "error" for a
    failed item, which never sinks the others.

    One look-up finds the existing workouts (or the caller's, from `find_synced`) and one
    resolution maps all exercise names: no per-workout look-ups. Unchanged items write
    nothing. Changed ones are updated one transaction each. New ones are inserted together,
    up to BULK_CHUNK per transaction (a few INSERTs for them all, which makes a first sync
    fast); each is still whole or absent, and if such an insert fails (say, a concurrent
    sync made one of them), its items are retried one transaction each.
    """
    if existing is None:
        existing = find_synced(user, [(d.source, d.external_id) for d in items])
    exercises = resolve_exercises(user, {e.exercise for d in items for e in d.exercises})
    digests = input_digests or [""] * len(items)
    results: list[tuple | None] = [None] * len(items)
    pending: dict[tuple[str, str], int] = {}  # new keys → their index, awaiting one insert
    ready = 0

    def flush() -> None:
        indexes = list(pending.values())
        pending.clear()
        created = _create_many(user, items, indexes, exercises, digests)
        for index, result in zip(indexes, created, strict=True):
            results[index] = result
            if result[0] is not None:
                existing[(items[index].source, items[index].external_id)] = result[0]

    for index, (data, digest) in enumerate(zip(items, digests, strict=True)):
        key = (data.source, data.external_id)
        if key in pending:
            flush()  # the same workout twice in a batch: the second sees the first
        known = existing.get(key)
        if known is None and data.external_id is not None:
            pending[key] = index
            if len(pending) >= BULK_CHUNK:
                flush()
        else:
            results[index] = _upsert_one(user, data, known, True, exercises, digest)
        while ready < len(items) and results[ready] is not None:
            yield results[ready]
            ready += 1
    flush()
    created = sum(1 for r in results if r is not None and r[1] == CREATED)
    if created >= ANALYZE_AFTER:
        analyze_workout_tables()
    yield from results[ready:]


def analyze_workout_tables() -> None:
    """After a large batch (a first sync, an import), PostgreSQL's statistics of the workout
    tables are refreshed at once: a never-analysed or stale table can make the planner pick
    a scan that costs a page of workouts several times its indexed plan (bench/PLANS.md),
    and autovacuum may be off or slow to come. Other databases need nothing."""
    if connection.vendor != "postgresql":
        return
    tables = [m._meta.db_table for m in (Workout, WorkoutExercise, Set, Interval)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def _create_many(
    user: AbstractBaseUser,
    items: list[WorkoutIn],
    indexes: list[int],
    exercises: dict[str, Exercise],
    digests: list[str],
) -> list[tuple[Workout | None, str, dict[str, list[str]]]]:
    """Insert new workouts in one transaction; on failure, one transaction per workout."""
    if not indexes:
        return []
    try:
        with transaction.atomic():
            workouts = []
            for index, stamp in zip(indexes, _stamps(user.pk, len(indexes)), strict=True):
                data = items[index]
                workout = Workout(user=user, **{f: getattr(data, f) for f in SCALAR_FIELDS})
                workout.content_hash = content_hash(data, exercises)
                workout.input_digest = digests[index]
                workout.updated_at = stamp
                workouts.append(workout)
            Workout.objects.bulk_create(workouts, batch_size=BULK_BATCH)
            pairs = list(zip(workouts, (items[i] for i in indexes), strict=True))
            _write_exercises([(w, d.exercises) for w, d in pairs], exercises)
            _write_intervals([(w, d.intervals) for w, d in pairs])
            _announce(*workouts)
        return [(workout, CREATED, {}) for workout in workouts]
    except STORE_ERRORS:
        logger.info("bulk insert of %d workouts failed; one by one", len(indexes), exc_info=True)
    return [_upsert_one(user, items[i], None, False, exercises, digests[i]) for i in indexes]


def _upsert_one(
    user: AbstractBaseUser,
    data: WorkoutIn,
    existing: Workout | None,
    looked_up: bool,
    exercises: dict[str, Exercise],
    digest: str,
) -> tuple[Workout | None, str, dict[str, list[str]]]:
    try:
        workout, status = upsert_workout(
            user,
            data,
            existing=existing,
            looked_up=looked_up,
            exercises=exercises,
            input_digest=digest,
        )
    except InvalidInput as invalid:
        return None, ERROR, invalid.errors
    except STORE_ERRORS:
        # Whatever the rules let through but the database or its driver refuses (a value
        # it cannot encode, a constraint): this item's error, never the batch's.
        logger.exception("sync of %r for user %s failed", data.external_id, user.pk)
        return None, ERROR, {"non_field_errors": ["Could not be saved; try again."]}
    return workout, status, {}


def input_digest(item: Any) -> str:
    """A digest of a raw sync item as sent. When it equals the stored one, the item is the
    one last written, so a replay is known unchanged without validating it again."""
    encoded = json.dumps(item, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def content_hash(data: WorkoutIn, exercises: dict[str, Exercise]) -> str:
    """A digest of what the workout says, exercises by id so "Squat (Barbell)" and
    "back-squat" agree. The identity (source, external_id) is left out."""
    content = [
        [getattr(data, f) for f in SCALAR_FIELDS if f not in ("source", "external_id")],
        [
            [exercises[e.exercise].pk, e.superset, [_set_values(s) for s in e.sets]]
            for e in data.exercises
        ],
        [_interval_values(i) for i in data.intervals],
    ]
    encoded = json.dumps(content, default=str, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def exercises_for(user: AbstractBaseUser, data: WorkoutIn) -> dict[str, Exercise]:
    """The exercises `data` names (creating the user's own as needed), resolved once by a
    caller that also represents what it writes."""
    return resolve_exercises(user, {e.exercise for e in data.exercises})


def _resolve(
    user: AbstractBaseUser, data: WorkoutIn, exercises: dict[str, Exercise] | None
) -> dict[str, Exercise]:
    if exercises is not None and {e.exercise for e in data.exercises} <= exercises.keys():
        return exercises
    return exercises_for(user, data)


def _stamp(workout: Workout) -> None:
    workout.updated_at = _stamps(workout.user_id, 1)[0]


def _stamps(user_id: int, count: int) -> list[datetime]:
    """`count` change stamps past the user's last. The UPDATE holds the user's ChangeClock
    row until commit, so concurrent writes of one user queue here and stamps follow commit
    order. One statement (UPDATE … RETURNING: SQLite 3.35+ and PostgreSQL)."""
    now_us = (timezone.now() - _EPOCH) // _MICROSECOND
    greatest = "MAX" if connection.vendor == "sqlite" else "GREATEST"
    table = connection.ops.quote_name(ChangeClock._meta.db_table)
    # The last of `count` stamps after max(previous + 1, now), one microsecond apart.
    sql = (
        f"UPDATE {table} SET stamp_us = {greatest}(stamp_us + %s, %s) "
        "WHERE user_id = %s RETURNING stamp_us"
    )
    for _ in range(2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [count, now_us + count - 1, user_id])
            row = cursor.fetchone()
        if row is not None:
            first = row[0] - count + 1
            return [_EPOCH + (first + i) * _MICROSECOND for i in range(count)]
        ChangeClock.objects.get_or_create(user_id=user_id, defaults={"stamp_us": 0})
    raise AssertionError("the change clock row vanished")


def _ensure_external_id_free(
    user: AbstractBaseUser, data: WorkoutIn, exclude_id: int | None = None
) -> None:
    if data.external_id is None:
        return
    clash = Workout.objects.filter(user=user, source=data.source, external_id=data.external_id)
    if exclude_id is not None:
        clash = clash.exclude(pk=exclude_id)
    existing_id = clash.values_list("pk", flat=True).first()
    if existing_id is not None:
        raise DuplicateWorkout(existing_id)


def _write_exercises(
    pairs: list[tuple[Workout, list[EntryIn]]], catalog: dict[str, Exercise]
) -> None:
    """The entries and sets of one or many workouts, in two INSERTs."""
    items = [
        (workout, position, item) for workout, items in pairs for position, item in enumerate(items)
    ]
    if not items:
        return
    entries = WorkoutExercise.objects.bulk_create(
        [
            WorkoutExercise(
                workout=workout,
                exercise=catalog[item.exercise],
                position=position,
                superset=item.superset,
            )
            for workout, position, item in items
        ],
        batch_size=BULK_BATCH,
    )
    _insert_sets(
        (entry.pk, position, s)
        for entry, (_, _, item) in zip(entries, items, strict=True)
        for position, s in enumerate(item.sets)
    )


def _insert_sets(rows: Iterable[tuple[int, int, SetIn]]) -> None:
    """Sets are most of what a workout writes (10,000 in a sync of 500), and they need no ids
    back: PostgreSQL takes them by COPY, other databases (SQLite) by one executemany of plain
    rows; either is several times faster than model instances through bulk_create."""
    quote = connection.ops.quote_name
    names = ("entry_id", "position", *SET_COLUMNS)
    columns = ", ".join(quote(c) for c in names)
    table = quote(Set._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            values = ", ".join(["%s"] * len(names))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({values})",
                [(entry_id, position, *_set_values(s)) for entry_id, position, s in rows],
            )
            return
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for entry_id, position, s in rows:
                copy.write_row((entry_id, position, *_set_values(s)))


def _write_intervals(pairs: list[tuple[Workout, list[IntervalIn]]]) -> None:
    Interval.objects.bulk_create(
        [
            Interval(workout=workout, position=position, **_interval_fields(item))
            for workout, items in pairs
            for position, item in enumerate(items)
        ],
        batch_size=BULK_BATCH,
    )


def _set_fields(s: SetIn) -> dict[str, Any]:
    return dict(zip(SET_COLUMNS, _set_values(s), strict=True))


def _interval_fields(i: IntervalIn) -> dict[str, Any]:
    return dict(zip(INTERVAL_COLUMNS, _interval_values(i), strict=True))


def _announce(*workouts: Workout) -> None:
    transaction.on_commit(lambda: workouts_saved.send(sender=Workout, workouts=list(workouts)))


# --- Sync -------------------------------------------------------------------------------


def sync_workouts(user: AbstractBaseUser, items: list[Any]) -> list[dict[str, Any]]:
    """Sync's algorithm: per-item results `{external_id, id, status, errors}`, in order.

    Each item is validated by `clean_workout` and upserted by (user, source, external_id)
    through `upsert_many`: each is written whole or not at all, and one bad item does not
    sink the batch. Same content as stored answers `unchanged` and writes nothing, which
    makes replays cheap.

    One look-up finds the batch's existing workouts. An item byte-for-byte the same as the
    one that last wrote its workout (same `input_digest`) is `unchanged` at once; the rest
    are validated and upserted (`services.upsert_many`).
    """
    keys = [_sync_key(item) for item in items]
    existing = find_synced(user, {key for key in keys if key is not None})
    results: list[dict[str, Any] | None] = [None] * len(items)
    valid: list[tuple[int, WorkoutIn, str]] = []
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        digest = input_digest(item) if key is not None else ""
        known = existing.get(key) if key is not None else None
        if known is not None and known.input_digest == digest:
            results[index] = _sync_result(key[1], known.pk, UNCHANGED, {})
            continue
        try:
            valid.append((index, _clean_synced(item), digest))
        except InvalidInput as invalid:
            echo = _raw_external_id(item)
            echo = printable(echo) if echo is not None else None
            results[index] = _sync_result(echo, None, ERROR, invalid.errors)
    written = upsert_many(
        user,
        [data for _, data, _ in valid],
        existing=existing,
        input_digests=[digest for _, _, digest in valid],
    )
    for (index, data, _), (workout, status, errors) in zip(valid, written, strict=True):
        results[index] = _sync_result(
            data.external_id, workout.pk if workout else None, status, errors
        )
    return results


def _sync_key(item: Any) -> tuple[str, str] | None:
    """(source, external_id) as `clean_workout` will clean them, or None."""
    if not isinstance(item, dict):
        return None
    source, external_id = item.get("source"), _raw_external_id(item)
    if not storable(source) or not source.strip() or not storable(external_id):
        return None  # not looked up: the rules refuse it, as this item's error
    if not external_id.strip():
        return None
    return source.strip(), external_id.strip()


def _clean_synced(item: Any) -> WorkoutIn:
    identity: dict[str, list[str]] = {}
    if isinstance(item, dict):
        for field in ("source", "external_id"):
            if item.get(field) in (None, ""):
                identity[field] = ["Required to sync."]
    try:
        data = clean_workout(item)
    except InvalidInput as invalid:
        raise InvalidInput({**invalid.errors, **identity}) from None
    if identity:
        raise InvalidInput(identity)
    return data


def _raw_external_id(item: Any) -> str | None:
    value = item.get("external_id") if isinstance(item, dict) else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)[:200]


def _sync_result(
    external_id: str | None, pk: int | None, status: str, errors: dict[str, list[str]]
) -> dict[str, Any]:
    return {"external_id": external_id, "id": pk, "status": status, "errors": errors}


# --- Profile -----------------------------------------------------------------------------


def update_profile(user: AbstractBaseUser, data: Any) -> Profile:
    """Apply the given preferences (schema.ProfileIn); reject the whole change if any
    field is bad. Every door that changes preferences comes here."""
    changes = clean_profile(data)
    profile = get_profile(user)
    changed = {field for field, value in changes.items() if getattr(profile, field) != value}
    for field, value in changes.items():
        setattr(profile, field, value)
    if changed & set(Profile.SCHEDULE_FIELDS):
        # the next hourly run works out the new moment (insights.weekly_email)
        profile.next_weekly_email_at = None
        changes["next_weekly_email_at"] = None
    if changes:
        profile.save(update_fields=list(changes))
    if changed & set(HEART_RATE_FIELDS):
        transaction.on_commit(lambda: heart_rate_profile_changed.send(sender=Profile, user=user))
    return profile


# --- Routines ------------------------------------------------------------------------------


def save_routine(
    user: AbstractBaseUser, data: RoutineIn, routine: Routine | None = None
) -> Routine:
    """Create a routine (or replace `routine`'s fields and exercises), whole or not at all.
    Names resolve as a workout's do: an unknown one becomes the user's own exercise."""
    with transaction.atomic():
        exercises = resolve_exercises(user, {e.exercise for e in data.exercises})
        routine = routine or Routine(user=user)
        for field in ROUTINE_COLUMNS:
            setattr(routine, field, getattr(data, field))
        routine.save()
        RoutineExercise.objects.filter(routine=routine).delete()
        RoutineExercise.objects.bulk_create(
            RoutineExercise(
                routine=routine,
                exercise=exercises[item.exercise],
                position=position,
                **{field: getattr(item, field) for field in ROUTINE_TARGETS},
            )
            for position, item in enumerate(data.exercises)
        )
    return routine


def delete_routine(routine: Routine) -> None:
    routine.delete()


def routine_from_workout(workout: Workout, name: str = "") -> Routine:
    """A routine with the workout's exercises: as many target sets as it had working sets,
    their reps (a range when they varied), the heaviest working load, effort and rest."""
    entries = []
    for entry in workout.exercises.select_related("exercise").prefetch_related("sets"):
        sets = [s for s in entry.sets.all() if s.set_type != "warmup"] or list(entry.sets.all())
        reps = [s.reps for s in sets if s.reps]
        loads = [s.load_kg for s in sets if s.load_kg is not None]
        rpes = [s.rpe for s in sets if s.rpe is not None]
        rests = sorted(s.rest_s for s in sets if s.rest_s)
        entries.append(
            {
                "exercise": entry.exercise.name
                if entry.exercise.is_custom
                else entry.exercise.slug,
                "superset": entry.superset,
                "sets": min(max(len(sets), 1), 20),
                "reps_min": min(reps) if reps else None,
                "reps_max": max(reps) if reps and max(reps) != min(reps) else None,
                "load_kg": max(loads) if loads else None,
                "rpe": max(rpes) if rpes else None,
                "rest_s": rests[len(rests) // 2] if rests else None,
            }
        )
    title = name or workout.title or str(workout)
    return save_routine(workout.user, clean_routine({"name": title[:120], "exercises": entries}))


# --- Housekeeping --------------------------------------------------------------------------


def purge_idempotency_records(now: datetime | None = None) -> int:
    """Delete the replayable responses older than their 24 h: they are never replayed again."""
    now = now or timezone.now()
    cutoff = now - IdempotencyRecord.KEEP_FOR
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def purge_sessions() -> None:
    """Delete expired login sessions (the session store keeps them until told)."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


# --- The user's own exercises: rename, merge, delete ----------------------------------------

EXERCISE_NAME_MAX = 120


def rename_exercise(exercise: Exercise, name: str) -> Exercise:
    """Give one of the user's own exercises a new name. The old name still finds it (an
    import of the same file maps there again). Refused, naming `name`: blank, too long, a
    catalog exercise's name or another of the user's own (merge into it instead)."""
    name = name.strip()
    if not name or len(name) > EXERCISE_NAME_MAX:
        raise InvalidInput({"name": [f"Give a name of 1 to {EXERCISE_NAME_MAX} characters."]})
    if text_problem(name):
        raise InvalidInput({"name": [text_problem(name)]})
    key = name_key(name)
    with transaction.atomic():
        taken = (
            ExerciseName.objects.filter(key=key)
            .filter(Q(owner__isnull=True) | Q(owner=exercise.owner))
            .exclude(exercise=exercise)
            .select_related("exercise")
            .first()
        )
        if taken is not None:
            raise InvalidInput(
                {"name": [f"“{taken.exercise.name}” already has that name: merge into it."]}
            )
        exercise.name = name
        exercise.slug = key
        exercise.save(update_fields=["name", "slug"])
        ExerciseName.objects.get_or_create(
            owner=exercise.owner, key=key, defaults={"exercise": exercise}
        )
        _touch_workouts(
            exercise.owner_id,
            WorkoutExercise.objects.filter(exercise=exercise).values_list("workout_id", flat=True),
        )
    return exercise


def merge_exercise(source: Exercise, target: Exercise) -> int:
    """Move every set of one of the user's own exercises (and its places in routines, and
    the names it answers to) to `target`, a catalog exercise or another of theirs, and
    remove it; all in one transaction. The workouts it was in are stamped changed (sync
    clients see the new name) and announced, so their insights and weeks are worked out
    again. Returns how many sets moved."""
    if source.owner_id is None or source.pk == target.pk:
        raise InvalidInput({"into": ["Choose another exercise to merge into."]})
    if target.owner_id not in (None, source.owner_id):
        raise InvalidInput({"into": ["No such exercise."]})
    with transaction.atomic():
        entries = WorkoutExercise.objects.filter(exercise=source)
        moved = Set.objects.filter(entry__exercise=source).count()
        workout_ids = list(entries.values_list("workout_id", flat=True).distinct())
        entries.update(exercise=target)
        RoutineExercise.objects.filter(exercise=source).update(exercise=target)
        ExerciseName.objects.filter(exercise=source).update(exercise=target)
        source.delete()
        _touch_workouts(source.owner_id, workout_ids)
    return moved


def delete_exercise(exercise: Exercise) -> None:
    """Delete one of the user's own exercises that no workout (deleted ones aside) and no
    routine uses; otherwise refused, saying how many sets use it."""
    with transaction.atomic():
        live = WorkoutExercise.objects.filter(exercise=exercise, workout__deleted_at__isnull=True)
        workouts = live.values("workout_id").distinct().count()
        sets = Set.objects.filter(entry__in=live).count()
        routines = RoutineExercise.objects.filter(exercise=exercise).count()
        if workouts or routines:
            used = []
            if workouts:
                used.append(f"{_count(sets, 'set')} in {_count(workouts, 'workout')}")
            if routines:
                used.append(_count(routines, "routine"))
            raise InvalidInput(
                {"exercise": [f"Used by {' and '.join(used)}: merge it into another instead."]}
            )
        # Deleted workouts are tombstones (an id for sync): their entries can go.
        WorkoutExercise.objects.filter(exercise=exercise).delete()
        exercise.delete()


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def _touch_workouts(user_id: int, workout_ids: Iterable[int]) -> None:
    """Stamp the user's live workouts among `workout_ids` changed and announce them on
    commit: sync clients page to them, and classification and the week refresh follow."""
    workouts = list(
        Workout.objects.alive().filter(user_id=user_id, pk__in=list(workout_ids)).order_by("pk")
    )
    if not workouts:
        return
    for workout, stamp in zip(workouts, _stamps(user_id, len(workouts)), strict=True):
        workout.updated_at = stamp
    Workout.objects.bulk_update(workouts, ["updated_at"], batch_size=500)
    _announce(*workouts)
