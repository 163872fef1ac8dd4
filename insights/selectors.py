"""The reads of insights: which workouts need (re)classifying, a workout's current insight,
an exercise's sessions and records."""

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from django.core.cache import cache
from django.db.models import F, FloatField, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from insights import features, records
from insights.features import rir_from
from insights.models import Insight
from insights.services import current_version
from logbook import strength
from logbook.models import Exercise, Set, SetType, Workout, WorkoutExercise
from logbook.selectors import change_stamp


def workouts_needing_insight(version: str | None = None) -> QuerySet:
    """Live workouts with no insight, or one from another classifier or workout version."""
    version = version or current_version()
    return Workout.objects.alive().filter(
        Q(insight__isnull=True)
        | ~Q(insight__classifier_version=version)
        | ~Q(insight__workout_updated_at=F("updated_at"))
    )


def workouts_with_heart_rate(user) -> list[int]:
    """The user's live workouts whose classification reads their max heart rate."""
    return list(
        Workout.objects.alive()
        .filter(user=user)
        .filter(
            Q(avg_hr__isnull=False) | Q(max_hr__isnull=False) | Q(intervals__avg_hr__isnull=False)
        )
        .order_by("-started_at")
        .values_list("pk", flat=True)
        .distinct()
    )


def current_insight(workout: Workout) -> Insight | None:
    """The workout's insight if it describes this version of the workout and classifier."""
    insight = Insight.objects.filter(workout=workout).first()
    if insight is None or not insight.is_current_for(workout, current_version()):
        return None
    return insight


# --- Records and an exercise's history --------------------------------------------------------


def exercise_sessions(
    user, exercise_ids: Iterable[int] | None = None, *, until: datetime | None = None
) -> dict[int, list[records.Session]]:
    """Each exercise's sessions (working sets grouped by reps and effort, in SQL), oldest
    first: what `records.record_book` walks. Two queries (the grouped sets, the workouts'
    starts), however many exercises and sets."""
    sets = Set.objects.filter(
        entry__workout__user=user, entry__workout__deleted_at__isnull=True, reps__gte=1
    ).exclude(set_type=SetType.WARMUP)
    ids = list(exercise_ids) if exercise_ids is not None else None
    if ids is not None:
        sets = sets.filter(entry__exercise_id__in=ids)
    if until is not None:
        sets = sets.filter(entry__workout__started_at__lte=until)
    rows = sets.values_list(
        "entry__exercise_id", "entry__workout_id", "reps", "rpe", "rir", "set_type"
    ).annotate(
        top=Max("load_kg"),
        volume=Sum(Coalesce(F("load_kg"), Value(0.0)) * F("reps"), output_field=FloatField()),
    )
    # Each workout's start once, not once per grouped row, and the sessions put in time
    # order here rather than by a join in SQL: for five years of sets, those conversions and
    # that sort were most of the records page's time.
    workouts = Workout.objects.filter(user=user, deleted_at__isnull=True)
    if until is not None:
        workouts = workouts.filter(started_at__lte=until)
    if ids is not None:
        lifted = WorkoutExercise.objects.filter(exercise_id__in=ids)
        workouts = workouts.filter(pk__in=lifted.values("workout_id"))
    starts = dict(workouts.values_list("id", "started_at"))
    groups: dict[int, dict[int, list[records.SetGroup]]] = defaultdict(dict)
    for exercise_id, workout_id, reps, rpe, rir, set_type, top, volume in rows.order_by():
        group = records.SetGroup(reps, top, rir_from(rir, rpe, set_type), volume or 0.0)
        groups[exercise_id].setdefault(workout_id, []).append(group)
    return {
        exercise_id: sorted(
            (
                records.Session(workout_id, starts[workout_id], tuple(gs))
                for workout_id, gs in s.items()
            ),
            key=lambda session: (session.started_at, session.workout_id),
        )
        for exercise_id, s in groups.items()
    }


def record_books(
    user, exercise_ids: Iterable[int] | None = None, *, until: datetime | None = None
) -> dict[int, records.Book]:
    """The record book of each exercise the user has lifted (or of these)."""
    return {
        exercise_id: records.record_book(sessions)
        for exercise_id, sessions in exercise_sessions(user, exercise_ids, until=until).items()
    }


# Every record book of a user, kept in the cache under their change clock for this long: long
# enough for the views of a training day, short enough that old clocks' entries go.
RECORD_BOOKS_SECONDS = 6 * 3600
# Who opened their records page this long ago or less has their books worked out again in the
# background after a change (insights.tasks.warm_record_books); nobody else pays for it.
RECORDS_READER_SECONDS = 7 * 86400


@functools.cache
def _records_code() -> str:
    """A digest of the code that makes a record book (the rules, the e1RM, the grouping
    here), so after a deploy no book an older version cached is read."""
    digest = hashlib.sha256()
    for path in (records.__file__, strength.__file__, features.__file__, __file__):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]


def all_record_books(user) -> dict[int, records.Book]:
    """The record book of every exercise the user has lifted, over their whole history: the
    records page and the weekly email. Working it out reads every set (about 0.1 s for five
    years), so it is kept in the cache under the user's change clock, which every write of
    their workouts moves: a kept book is never stale, only no longer read. The clock is read
    before the sets, so a book is at least as new as the clock it is kept under."""
    stamp = change_stamp(user)
    if stamp is None:  # nothing written through the services yet
        return record_books(user)
    key = f"record-books:{_records_code()}:{user.pk}:{stamp}"
    books = cache.get(key)
    if books is None:
        books = record_books(user)
        cache.set(key, books, RECORD_BOOKS_SECONDS)
    return books


def note_records_reader(user) -> None:
    cache.set(f"records-reader:{user.pk}", 1, RECORDS_READER_SECONDS)


def reads_records(user_id: int) -> bool:
    """Whether the user opened their records page lately (a cache that is down: no)."""
    return bool(cache.get(f"records-reader:{user_id}"))


def workout_celebrations(workout: Workout) -> list[records.Celebration]:
    """The records this workout broke, by exercise (compared with every earlier workout)."""
    entries = list(workout.exercises.all())
    names = {e.exercise_id: e.exercise.name for e in entries}
    if not names:
        return []
    books = record_books(workout.user, names, until=workout.started_at)
    return records.celebrations(books, names, workout.pk)


def celebrations_between(user, start: datetime, end: datetime) -> list[records.Celebration]:
    """The records broken by workouts in [start, end), newest first (the weekly email's
    "New records this week"): each compared with every earlier workout. Read from the same
    books as the records page: a session's records depend only on the sessions before it,
    so the whole history's books give what books up to `end` would."""
    books = all_record_books(user)
    names = dict(Exercise.objects.filter(pk__in=list(books)).values_list("pk", "name"))
    return [c for c in records.celebrations(books, names) if start <= c.started_at < end]


def exercise_entries(user, exercise: Exercise) -> QuerySet:
    """Every live session of this exercise by the user, newest first, with its sets."""
    return (
        WorkoutExercise.objects.filter(
            exercise=exercise, workout__user=user, workout__deleted_at__isnull=True
        )
        .select_related("workout")
        .prefetch_related("sets")
        .order_by("-workout__started_at", "-workout_id", "position")
    )


def viewable_exercise(user, exercise_id: int) -> Exercise | None:
    """A catalog exercise, or one of the user's own: never another user's."""
    return (
        Exercise.objects.filter(pk=exercise_id)
        .filter(Q(owner__isnull=True) | Q(owner=user))
        .first()
    )


def month_workouts(user, month: date, zone: tzinfo) -> list[tuple[int, datetime, str, str]]:
    """(id, start, title, primary kind or "") of the user's live workouts in the calendar
    month of `month`, in the user's time zone: one query, for the history's calendar."""
    start = datetime.combine(month.replace(day=1), datetime.min.time(), zone)
    end = datetime.combine(
        (month.replace(day=28) + timedelta(days=4)).replace(day=1), datetime.min.time(), zone
    )
    rows = (
        Workout.objects.alive()
        .filter(user=user, started_at__gte=start, started_at__lt=end)
        .order_by("started_at", "id")
        .values_list("id", "started_at", "title", "activity", "insight__primary")
    )
    return [
        (pk, at.astimezone(zone), title or activity.capitalize(), primary or "")
        for pk, at, title, activity, primary in rows
    ]
