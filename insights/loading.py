"""From the logbook's rows to the classifier's plain data (the only ORM reads for a session)."""

from dataclasses import dataclass, fields
from datetime import timedelta

from django.db.models import Max, Q

from insights.features import ExerciseData, IntervalData, SessionData, SetData, best_e1rm
from insights.thresholds import DEFAULT, Thresholds
from logbook.models import Interval, Set, Workout
from logbook.schema import SET_COLUMNS
from logbook.selectors import get_profile

# The set columns the classifier reads: the schema's set columns that its SetData names
# (tests/insights/test_classifier_input.py: every SetData field is one).
SET_FIELDS = tuple(c for c in SET_COLUMNS if c in {f.name for f in fields(SetData)})
MEASURED, RECORDED, AGE, ASSUMED = "measured", "recorded", "age", "assumed"


@dataclass(frozen=True)
class HeartRateMax:
    bpm: int | None
    source: str  # measured | recorded | age | "" (none)


def tanaka(age: float) -> int:
    """Age-predicted HRmax, 208 − 0.7 × age [R98]: an estimate, imprecise for one person."""
    return round(208 - 0.7 * age)


def hr_max_for(workout: Workout, t: Thresholds = DEFAULT) -> HeartRateMax:
    """The max heart rate to judge a workout's heart rate by (docs/science.md 2b notes):
    the measured one if the user set it; else the highest heart rate recorded in their
    workouts of the last 26 weeks up to this one when it is above the age estimate (with a
    birth year) or above the estimate for an adult of `hr_assumed_age` (without one). A
    recorded peak is only a floor for the true max: from easy sessions alone it is far below
    it, and judging a session by its own peak would make an easy run look vigorous."""
    profile = get_profile(workout.user)
    if profile.hr_max:
        return HeartRateMax(profile.hr_max, MEASURED)
    if profile.birth_year:
        floor = HeartRateMax(tanaka(workout.started_at.year - profile.birth_year), AGE)
    else:
        floor = HeartRateMax(tanaka(t.hr_assumed_age), ASSUMED)
    recorded = recorded_peak(workout, t)
    if recorded and recorded > floor.bpm:
        return HeartRateMax(recorded, RECORDED)
    return floor


def recorded_peak(workout: Workout, t: Thresholds = DEFAULT) -> int | None:
    """The highest heart rate in the user's workouts from 26 weeks before this one up to
    it; None below 140 bpm, a peak that only easy sessions reach (convention)."""
    since = workout.started_at - timedelta(days=t.hr_recorded_days)
    window = Q(
        user_id=workout.user_id,
        deleted_at__isnull=True,
        started_at__gte=since,
        started_at__lte=workout.started_at,
    )
    own = Workout.objects.filter(window).aggregate(top=Max("max_hr"), avg=Max("avg_hr"))
    laps = Interval.objects.filter(
        workout__user_id=workout.user_id,
        workout__deleted_at__isnull=True,
        workout__started_at__gte=since,
        workout__started_at__lte=workout.started_at,
    ).aggregate(top=Max("max_hr"), avg=Max("avg_hr"))
    values = [v for v in (own["top"], own["avg"], laps["top"], laps["avg"]) if v]
    peak = max(values, default=None)
    return peak if peak and peak >= t.hr_recorded_min else None


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
            equipment=entry.exercise.equipment,
            movement=entry.exercise.movement_pattern,
            superset=entry.superset,
        )
        for entry in entries
    )
    intervals = tuple(
        IntervalData(kind=i.kind, duration_s=i.duration_s, avg_hr=i.avg_hr, rpe=i.rpe)
        for i in workout.intervals.order_by("position")
    )
    hr_max = (
        hr_max_for(workout, t) if _has_heart_rate(workout, intervals) else HeartRateMax(None, "")
    )
    evidence, floor = _history_e1rm(workout, {e.exercise_id for e in entries}, t)
    return SessionData(
        activity=workout.activity,
        duration_s=workout.duration_s,
        session_rpe=workout.session_rpe,
        avg_hr=workout.avg_hr,
        fasted=workout.fasted,
        exercises=exercises,
        intervals=intervals,
        hr_max=hr_max.bpm,
        hr_max_estimated=hr_max.source in (RECORDED, AGE, ASSUMED),
        hr_max_source=hr_max.source,
        best_e1rm_kg=evidence,
        floor_e1rm_kg=floor,
    )


def _has_heart_rate(workout: Workout, intervals: tuple[IntervalData, ...]) -> bool:
    return bool(workout.avg_hr or workout.max_hr or any(i.avg_hr for i in intervals))


def _history_e1rm(
    workout: Workout, exercise_ids: set[int], t: Thresholds
) -> tuple[dict[str, float], dict[str, float]]:
    """Best e1RM per exercise over the weeks before this workout: from sets with effort
    logged (the evidence), and from the others read as if to failure (lower bounds).

    An estimate grows with the load when reps and effort are equal, so the database sends
    only the heaviest set of each (exercise, reps, RPE, RIR, set type): a few dozen rows
    instead of every set of the weeks, with the same best.
    """
    if not exercise_ids:
        return {}, {}
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
    return best_e1rm(history, t, effort=True)[0], best_e1rm(history, t, effort=False)[0]


def _set_data(s: Set) -> SetData:
    return SetData(**{f: getattr(s, f) for f in SET_FIELDS})
