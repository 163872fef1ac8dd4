"""From the logbook's rows to the classifier's plain data (the only ORM reads for a session)."""

from dataclasses import fields
from datetime import timedelta

from django.db.models import Max

from insights.features import ExerciseData, IntervalData, SessionData, SetData, best_e1rm
from insights.thresholds import DEFAULT, Thresholds
from logbook.models import Set, Workout
from logbook.schema import SET_COLUMNS
from logbook.selectors import get_profile

# The set columns the classifier reads: the schema's set columns that its SetData names
# (tests/insights/test_classifier_input.py: every SetData field is one).
SET_FIELDS = tuple(c for c in SET_COLUMNS if c in {f.name for f in fields(SetData)})


def hr_max_of(user, year: int) -> tuple[int | None, bool]:
    """Measured HRmax, else the widely used but imprecise 220 − age, flagged as estimated."""
    profile = get_profile(user)
    if profile.hr_max:
        return profile.hr_max, False
    if profile.birth_year:
        return 220 - (year - profile.birth_year), True
    return None, False


def session_for(workout: Workout, t: Thresholds = DEFAULT) -> SessionData:
    entries = list(
        workout.exercises.select_related("exercise").prefetch_related("sets").order_by("position")
    )
    exercises = tuple(
        ExerciseData(
            key=entry.exercise.slug,
            name=entry.exercise.name,
            kind=entry.exercise.kind,
            mechanic=entry.exercise.mechanic,
            primary_muscles=tuple(entry.exercise.primary_muscles),
            sets=tuple(_set_data(s) for s in entry.sets.all()),
        )
        for entry in entries
    )
    intervals = tuple(
        IntervalData(kind=i.kind, duration_s=i.duration_s, avg_hr=i.avg_hr, rpe=i.rpe)
        for i in workout.intervals.order_by("position")
    )
    hr_max, estimated = hr_max_of(workout.user, workout.started_at.year)
    return SessionData(
        activity=workout.activity,
        duration_s=workout.duration_s,
        session_rpe=workout.session_rpe,
        avg_hr=workout.avg_hr,
        fasted=workout.fasted,
        exercises=exercises,
        intervals=intervals,
        hr_max=hr_max,
        hr_max_estimated=estimated,
        best_e1rm_kg=_history_e1rm(workout, {e.exercise_id for e in entries}, t),
    )


def _history_e1rm(workout: Workout, exercise_ids: set[int], t: Thresholds) -> dict[str, float]:
    """Best e1RM per exercise over the weeks before this workout.

    An estimate grows with the load when reps and effort are equal, so the database sends
    only the heaviest set of each (exercise, reps, RPE, RIR, set type): a few dozen rows
    instead of every set of the weeks, with the same best.
    """
    if not exercise_ids:
        return {}
    since = workout.started_at - timedelta(days=t.e1rm_history_days)
    rows = (
        Set.objects.filter(
            entry__workout__user_id=workout.user_id,
            entry__workout__deleted_at__isnull=True,
            entry__workout__started_at__gte=since,
            entry__workout__started_at__lt=workout.started_at,
            entry__exercise_id__in=exercise_ids,
            load_kg__gt=0,
            reps__gte=1,
        )
        .exclude(set_type="warmup")
        .order_by()
        .values_list("entry__exercise__slug", "reps", "rpe", "rir", "set_type")
        .annotate(heaviest=Max("load_kg"))
    )
    by_exercise: dict[str, list[SetData]] = {}
    for slug, reps, rpe, rir, set_type, load in rows:
        by_exercise.setdefault(slug, []).append(
            SetData(reps=reps, load_kg=load, rpe=rpe, rir=rir, set_type=set_type)
        )
    history = tuple(ExerciseData(key=k, sets=tuple(v)) for k, v in by_exercise.items())
    return best_e1rm(history, t)[0]


def _set_data(s: Set) -> SetData:
    return SetData(**{f: getattr(s, f) for f in SET_FIELDS})
