"""The one set of rules for a workout as clients send it (API, sync, import, web form).

Plain functions over plain data: a JSON-like dict goes in, dataclasses come out, or
`InvalidInput` names every rejected field by its dotted path ("exercises.0.sets.2.reps").
Hand-written rather than DRF serializers because sync validates thousands of sets per
request; `logbook.api.openapi` documents the same bounds from the tables below.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from logbook.common.errors import NON_FIELD, InvalidInput
from logbook.models import Activity, IntervalKind, SetType


@dataclass(frozen=True)
class Number:
    minimum: float
    maximum: float
    integer: bool = False
    step: float | None = None


@dataclass(frozen=True)
class Text:
    max_length: int
    min_length: int = 0


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]


BOOL = "bool"

HR = Number(30, 250, integer=True)
DISTANCE = Number(0, 1_000_000)

WORKOUT_SPEC: dict[str, Any] = {
    "duration_s": Number(1, 7 * 24 * 3600, integer=True),
    "title": Text(200),
    "activity": Choice(tuple(Activity.values)),
    "fasted": BOOL,
    "session_rpe": Number(0, 10),
    "avg_hr": HR,
    "max_hr": HR,
    "distance_m": DISTANCE,
    "notes": Text(10_000),
    "source": Text(40, min_length=1),
    "external_id": Text(200, min_length=1),
}

SET_SPEC: dict[str, Any] = {
    "reps": Number(0, 1000, integer=True),
    "load_kg": Number(0, 1000),
    "rpe": Number(1, 10, step=0.5),
    "rir": Number(0, 10, step=0.5),
    "rest_s": Number(0, 4 * 3600, integer=True),
    "tempo": Text(15),
    "set_type": Choice(tuple(SetType.values)),
    "duration_s": Number(0, 24 * 3600, integer=True),
    "distance_m": DISTANCE,
    "eccentric_emphasis": BOOL,
    "warmup": BOOL,
}

INTERVAL_SPEC: dict[str, Any] = {
    "kind": Choice(tuple(IntervalKind.values)),
    "duration_s": Number(1, 24 * 3600, integer=True),
    "distance_m": DISTANCE,
    "avg_hr": HR,
    "max_hr": HR,
    "rpe": Number(0, 10, step=0.5),
}

EXERCISE_NAME = Text(120, min_length=1)
SUPERSET = Number(0, 999, integer=True)

# eccentric-pause-concentric-pause, each a number of seconds or X (explosive);
# the compact form "3110" is accepted too.
TEMPO_DASHED = re.compile(r"^(\d{1,2}|X)-(\d{1,2}|X)-(\d{1,2}|X)-(\d{1,2}|X)$")
TEMPO_COMPACT = re.compile(r"^[\dX]{4}$")
ECCENTRIC_EMPHASIS_S = 3  # API.md: an eccentric phase of 3 s or more marks the set


@dataclass
class SetInput:
    reps: int | None = None
    load_kg: float | None = None
    rpe: float | None = None
    rir: float | None = None
    rest_s: int | None = None
    tempo: str = ""
    set_type: str = SetType.NORMAL
    duration_s: int | None = None
    distance_m: float | None = None
    eccentric_emphasis: bool = False


@dataclass
class ExerciseInput:
    exercise: str
    superset: int | None = None
    sets: list[SetInput] = field(default_factory=list)


@dataclass
class IntervalInput:
    kind: str
    duration_s: int
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    rpe: float | None = None


@dataclass
class WorkoutInput:
    started_at: datetime
    utc_offset_min: int
    duration_s: int | None = None
    title: str = ""
    activity: str = ""
    fasted: bool = False
    session_rpe: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    distance_m: float | None = None
    notes: str = ""
    source: str = "api"
    external_id: str | None = None
    exercises: list[ExerciseInput] = field(default_factory=list)
    intervals: list[IntervalInput] = field(default_factory=list)


def clean_workout(payload: Any, *, default_source: str = "api") -> WorkoutInput:
    """Validate a whole workout; raise InvalidInput naming every bad field."""
    errors: dict[str, list[str]] = {}
    if not isinstance(payload, dict):
        raise InvalidInput({NON_FIELD: ["Expected a JSON object."]})

    started_at, offset = _clean_started_at(payload.get("started_at"), errors)
    values = _clean_fields(payload, WORKOUT_SPEC, "", errors)
    exercises = _clean_list(payload, "exercises", _clean_exercise, errors)
    intervals = _clean_list(payload, "intervals", _clean_interval, errors)

    _check_sizes(exercises, intervals, errors)
    if not exercises and not intervals and values.get("duration_s") is None:
        _add(errors, "exercises", "Give at least one of exercises, intervals or duration_s.")
    if errors:
        raise InvalidInput(errors)

    values = {k: v for k, v in values.items() if v is not None}
    values.setdefault("source", default_source)
    if not values.get("activity"):
        values["activity"] = Activity.STRENGTH if exercises else Activity.OTHER
    return WorkoutInput(
        started_at=started_at,
        utc_offset_min=offset,
        exercises=exercises,
        intervals=intervals,
        **values,
    )


def _clean_started_at(value: Any, errors: dict) -> tuple[datetime, int]:
    path = "started_at"
    if value is None:
        _add(errors, path, "This field is required.")
        return timezone.now(), 0
    if not isinstance(value, str):
        _add(errors, path, "Expected an ISO 8601 datetime string with a UTC offset.")
        return timezone.now(), 0
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        _add(errors, path, "Not an ISO 8601 datetime, e.g. 2026-11-16T07:30:00+01:00.")
        return timezone.now(), 0
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        _add(errors, path, "Give a UTC offset, e.g. 2026-11-16T07:30:00+01:00 or …Z.")
        return timezone.now(), 0
    earliest = datetime(1970, 1, 1, tzinfo=UTC)
    latest = timezone.now() + timedelta(days=366)
    if not earliest <= parsed <= latest:
        _add(errors, path, "Must be between 1970 and a year from now.")
    offset = int(parsed.utcoffset().total_seconds() // 60)
    return parsed.astimezone(UTC), offset


def _clean_exercise(item: Any, path: str, errors: dict) -> ExerciseInput | None:
    if not isinstance(item, dict):
        _add(errors, path, "Expected an object.")
        return None
    name = _clean_value(EXERCISE_NAME, item.get("exercise"), f"{path}.exercise", errors)
    if name is None and f"{path}.exercise" not in errors:
        _add(errors, f"{path}.exercise", "This field is required.")
    superset = _clean_value(SUPERSET, item.get("superset"), f"{path}.superset", errors)
    sets = _clean_list(item, "sets", _clean_set, errors, prefix=path)
    if name is None:
        return None
    return ExerciseInput(exercise=name, superset=superset, sets=sets)


def _clean_set(item: Any, path: str, errors: dict) -> SetInput | None:
    if not isinstance(item, dict):
        _add(errors, path, "Expected an object.")
        return None
    values = _clean_fields(item, SET_SPEC, path, errors)
    warmup = values.pop("warmup", None)
    if warmup:
        if values.get("set_type") not in (None, SetType.WARMUP):
            _add(errors, f"{path}.warmup", "Conflicts with set_type.")
        values["set_type"] = SetType.WARMUP
    tempo = values.get("tempo")
    if tempo:
        values["tempo"] = _clean_tempo(tempo, f"{path}.tempo", errors)
    if all(values.get(k) is None for k in ("reps", "load_kg", "duration_s", "distance_m")):
        _add(errors, path, "A set needs at least one of reps, load_kg, duration_s or distance_m.")
    values = {k: v for k, v in values.items() if v is not None}
    result = SetInput(**values)
    result.eccentric_emphasis = bool(result.eccentric_emphasis) or _eccentric_tempo(result.tempo)
    return result


def _clean_interval(item: Any, path: str, errors: dict) -> IntervalInput | None:
    if not isinstance(item, dict):
        _add(errors, path, "Expected an object.")
        return None
    values = _clean_fields(item, INTERVAL_SPEC, path, errors)
    for required in ("kind", "duration_s"):
        if values.get(required) is None and f"{path}.{required}" not in errors:
            _add(errors, f"{path}.{required}", "This field is required.")
    if values.get("kind") is None or values.get("duration_s") is None:
        return None
    return IntervalInput(**{k: v for k, v in values.items() if v is not None})


def _clean_tempo(value: str, path: str, errors: dict) -> str:
    tempo = value.strip().upper()
    if TEMPO_COMPACT.match(tempo):
        tempo = "-".join(tempo)
    if not TEMPO_DASHED.match(tempo):
        _add(
            errors,
            path,
            "Use eccentric-pause-concentric-pause seconds, e.g. 3-1-1-0 (X = explosive).",
        )
        return ""
    return tempo


def _eccentric_tempo(tempo: str) -> bool:
    eccentric = tempo.split("-")[0] if tempo else ""
    return eccentric.isdigit() and int(eccentric) >= ECCENTRIC_EMPHASIS_S


def _check_sizes(exercises: list, intervals: list, errors: dict) -> None:
    if len(exercises) > settings.MAX_EXERCISES_PER_WORKOUT:
        _add(
            errors,
            "exercises",
            f"At most {settings.MAX_EXERCISES_PER_WORKOUT} exercises per workout.",
        )
    total_sets = sum(len(e.sets) for e in exercises)
    if total_sets > settings.MAX_SETS_PER_WORKOUT:
        _add(
            errors,
            "exercises",
            f"At most {settings.MAX_SETS_PER_WORKOUT} sets per workout; got {total_sets}.",
        )
    if len(intervals) > settings.MAX_INTERVALS_PER_WORKOUT:
        _add(
            errors,
            "intervals",
            f"At most {settings.MAX_INTERVALS_PER_WORKOUT} intervals per workout.",
        )


def _clean_list(container: dict, key: str, clean_item, errors: dict, prefix: str = "") -> list:
    path = f"{prefix}.{key}" if prefix else key
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        _add(errors, path, "Expected a list.")
        return []
    limit = settings.MAX_SETS_PER_WORKOUT
    if len(value) > limit:
        # Don't spend time validating thousands of items of a request that fails anyway.
        _add(errors, path, f"At most {limit} items.")
        return []
    cleaned = (clean_item(item, f"{path}.{i}", errors) for i, item in enumerate(value))
    return [item for item in cleaned if item is not None]


def _clean_fields(data: dict, spec: dict[str, Any], prefix: str, errors: dict) -> dict:
    values = {}
    for name, rule in spec.items():
        if name in data:
            path = f"{prefix}.{name}" if prefix else name
            values[name] = _clean_value(rule, data[name], path, errors)
    return values


def _clean_value(rule: Any, value: Any, path: str, errors: dict) -> Any:
    if value is None:
        return None
    if rule == BOOL:
        if not isinstance(value, bool):
            _add(errors, path, "Expected true or false.")
            return None
        return value
    if isinstance(rule, Number):
        return _clean_number(rule, value, path, errors)
    if isinstance(rule, Choice):
        if value not in rule.options:
            _add(errors, path, f"Expected one of: {', '.join(rule.options)}.")
            return None
        return value
    if isinstance(rule, Text):
        if path.endswith("external_id") and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            _add(errors, path, "Expected a string.")
            return None
        value = value.strip()
        if "\x00" in value:  # PostgreSQL can't store it
            _add(errors, path, "May not contain NUL characters.")
            return None
        if len(value) > rule.max_length:
            _add(errors, path, f"At most {rule.max_length} characters.")
            return None
        if len(value) < rule.min_length:
            _add(errors, path, "May not be blank.")
            return None
        return value
    raise AssertionError(f"unknown rule {rule!r}")


def _clean_number(rule: Number, value: Any, path: str, errors: dict) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _add(errors, path, "Expected a number.")
        return None
    if value != value or value in (float("inf"), float("-inf")):
        _add(errors, path, "Expected a finite number.")
        return None
    if not rule.minimum <= value <= rule.maximum:
        _add(errors, path, f"Must be between {_fmt(rule.minimum)} and {_fmt(rule.maximum)}.")
        return None
    if rule.integer:
        if value != int(value):
            _add(errors, path, "Expected a whole number.")
            return None
        return int(value)
    if rule.step and abs(value / rule.step - round(value / rule.step)) > 1e-9:
        _add(errors, path, f"Must be a multiple of {_fmt(rule.step)}.")
        return None
    return float(value)


def _fmt(number: float) -> str:
    return f"{number:g}"


def _add(errors: dict, path: str, message: str) -> None:
    errors.setdefault(path, []).append(message)
