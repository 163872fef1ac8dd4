"""The web logging form: its state, the row actions, and the way it becomes an API payload.

The form works without JavaScript: every "add set" or "remove" is a submit button, the
server applies the action to the posted state and renders the form again (htmx swaps only
the form when present). Saving turns the state into the same payload the API takes, in SI
units, and `logbook.schema.clean_workout` judges it, so the web and the API share
one set of rules. Errors come back keyed by the form's own field names.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.http import QueryDict

from logbook import units as u
from logbook.common.input import whole_number
from logbook.models import Workout
from logbook.schema import (
    INTERVAL_COLUMNS,
    SET_COLUMNS,
    EntryIn,
    IntervalIn,
    SetIn,
    WorkoutIn,
    columns,
    form_names,
)

EFFORT_CHOICES = [("", "—")] + [
    (f"{r:g}", f"{r:g}" + (f" · {10 - r:g} RIR" if r >= 5 else ""))
    for r in (10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5, 4, 3, 2, 1)
]
SET_TYPES = [
    ("normal", "Working"),
    ("warmup", "Warm-up"),
    ("failure", "To failure"),
    ("dropset", "Drop set"),
]
INTERVAL_KINDS = [("work", "Work"), ("recovery", "Recovery"), ("steady", "Steady")]


@dataclass
class SetRow:
    reps: str = ""
    load: str = ""
    rpe: str = ""
    set_type: str = "normal"
    tempo: str = ""
    eccentric: bool = False
    rest: str = ""
    load_kg: str = ""  # the stored kilograms behind `load`, so an untouched load isn't rounded
    kept: str = ""  # the stored fields the form has no input for (see `kept_json`)
    errors: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def is_blank(self) -> bool:
        return not (self.reps or self.load or self.tempo or self.rest or self.kept)

    @property
    def kept_summary(self) -> str:
        """What the kept fields hold, in words, so the row shows the whole set."""
        kept = parse_kept(self.kept)
        parts = []
        if kept.get("duration_s") is not None:
            parts.append(u.format_duration(kept["duration_s"]))
        if kept.get("distance_m") is not None:
            parts.append(f"{kept['distance_m']:g} m")
        return " · ".join(parts)


@dataclass
class ExerciseRow:
    name: str = ""
    superset: str = ""
    sets: list[SetRow] = field(default_factory=list)
    kept: str = ""
    suggested: str = ""  # the catalog name asked about ("did you mean Back Squat?")
    keep_name: bool = False  # "no, keep it as my own exercise"
    errors: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass
class IntervalRow:
    kind: str = "work"
    duration: str = ""
    avg_hr: str = ""
    rpe: str = ""
    kept: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def is_blank(self) -> bool:
        return not (self.duration or self.avg_hr or self.rpe or self.kept)


@dataclass
class WorkoutForm:
    started_at: str = ""
    duration: str = ""
    title: str = ""
    activity: str = "strength"
    session_rpe: str = ""
    fasted: bool = False
    avg_hr: str = ""
    max_hr: str = ""
    distance: str = ""
    distance_m: str = ""  # the stored metres behind `distance`, so an untouched one isn't rounded
    elapsed_s: str = ""  # a device's time with pauses: no input, kept through an edit
    notes: str = ""
    exercises: list[ExerciseRow] = field(default_factory=list)
    intervals: list[IntervalRow] = field(default_factory=list)


# --- From and to the posted form -------------------------------------------------------------

# API field → the form's input, from the schema (errors come back by API path)
SET_FIELD_NAMES = form_names(SetIn)
INTERVAL_FIELD_NAMES = form_names(IntervalIn)
WORKOUT_FIELD_NAMES = form_names(WorkoutIn)
INTERVAL_INPUTS = tuple(INTERVAL_FIELD_NAMES.values())
# What a row keeps without showing: every stored field it has no input for (a set's time and
# distance, an interval's max heart rate, whatever a shape gains later), carried through the
# form in a hidden JSON field so that editing a workout never drops what it does not show.
# (A set's RIR is shown as RPE, its eccentric flag as "slow lowering".)
KEPT_SET = tuple(c for c in SET_COLUMNS if c not in {*SET_FIELD_NAMES, "rir", "eccentric_emphasis"})
KEPT_ENTRY = tuple(c for c in columns(EntryIn) if c not in {"exercise", "superset"})
KEPT_INTERVAL = tuple(c for c in INTERVAL_COLUMNS if c not in INTERVAL_FIELD_NAMES)
SCALARS = (
    "started_at",
    "duration",
    "title",
    "activity",
    "session_rpe",
    "avg_hr",
    "max_hr",
    "distance",
    "distance_m",
    "elapsed_s",
    "notes",
)


def from_post(post: QueryDict) -> WorkoutForm:
    form = WorkoutForm(**{name: post.get(name, "").strip() for name in SCALARS})
    form.fasted = post.get("fasted") == "on"
    for i in _indices(post, r"ex-([0-9]{1,6})-name"):
        row = ExerciseRow(
            name=post.get(f"ex-{i}-name", "").strip(),
            superset=post.get(f"ex-{i}-superset", "").strip(),
            kept=post.get(f"ex-{i}-kept", ""),
            suggested=post.get(f"ex-{i}-suggested", "").strip(),
            keep_name=post.get(f"ex-{i}-keep") == "on",
        )
        for j in _indices(post, rf"ex-{i}-set-([0-9]{{1,6}})-reps"):
            prefix = f"ex-{i}-set-{j}-"
            row.sets.append(
                SetRow(
                    reps=post.get(prefix + "reps", "").strip(),
                    load=post.get(prefix + "load", "").strip(),
                    rpe=post.get(prefix + "rpe", "").strip(),
                    set_type=post.get(prefix + "set_type", "normal"),
                    tempo=post.get(prefix + "tempo", "").strip(),
                    eccentric=post.get(prefix + "eccentric") == "on",
                    rest=post.get(prefix + "rest", "").strip(),
                    load_kg=post.get(prefix + "load_kg", "").strip(),
                    kept=post.get(prefix + "kept", ""),
                )
            )
        form.exercises.append(row)
    for k in _indices(post, r"iv-([0-9]{1,6})-kind"):
        form.intervals.append(
            IntervalRow(
                **{name: post.get(f"iv-{k}-{name}", "").strip() for name in INTERVAL_INPUTS},
                kept=post.get(f"iv-{k}-kept", ""),
            )
        )
    return form


def _indices(post: QueryDict, pattern: str) -> list[int]:
    found = {int(m.group(1)) for key in post for m in [re.fullmatch(pattern, key)] if m}
    return sorted(found)


def from_workout(
    workout: Workout, units: str, zone: ZoneInfo, *, repeat: bool = False
) -> WorkoutForm:
    """A workout as the form shows it; `repeat` keeps what was done but not when."""
    started = "" if repeat else workout.started_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    form = WorkoutForm(
        started_at=started,
        duration=u.format_duration(workout.duration_s) if workout.duration_s else "",
        title=workout.title,
        activity=workout.activity,
        session_rpe=as_text(workout.session_rpe),
        fasted=workout.fasted,
        avg_hr=as_text(workout.avg_hr),
        max_hr=as_text(workout.max_hr),
        distance=as_text(u.distance_to_display(workout.distance_m, units)),
        distance_m=as_text(workout.distance_m),
        elapsed_s=as_text(workout.elapsed_s),
        notes=workout.notes,
    )
    for entry in workout.exercises.all():
        form.exercises.append(
            ExerciseRow(
                name=entry.exercise.name,
                superset=as_text(entry.superset),
                kept=kept_json(entry, KEPT_ENTRY),
                sets=[
                    SetRow(
                        reps=as_text(s.reps),
                        load=as_text(u.load_to_display(s.load_kg, units)),
                        load_kg=as_text(s.load_kg),
                        rpe=as_text(
                            s.rpe
                            if s.rpe is not None
                            else (10 - s.rir if s.rir is not None else None)
                        ),
                        set_type=s.set_type,
                        tempo=s.tempo,
                        eccentric=s.eccentric_emphasis,
                        rest=as_text(s.rest_s),
                        kept=kept_json(s, KEPT_SET),
                    )
                    for s in entry.sets.all()
                ],
            )
        )
    for interval in workout.intervals.all():
        form.intervals.append(
            IntervalRow(
                kind=interval.kind,
                duration=u.format_duration(interval.duration_s),
                avg_hr=as_text(interval.avg_hr),
                rpe=as_text(interval.rpe),
                kept=kept_json(interval, KEPT_INTERVAL),
            )
        )
    return form


def kept_json(row: Any, names: tuple[str, ...]) -> str:
    """The stored values of `names` that are set, as compact JSON ("" when none are)."""
    values = {
        name: getattr(row, name) for name in names if getattr(row, name, None) not in (None, "")
    }
    return json.dumps(values, separators=(",", ":")) if values else ""


def parse_kept(text: str) -> dict[str, Any]:
    """A row's kept values; anything but a JSON object counts as none (the schema judges the
    values themselves, like everything else the form sends)."""
    try:
        kept = json.loads(text) if text else {}
    except ValueError:
        return {}
    return kept if isinstance(kept, dict) else {}


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- Row actions -----------------------------------------------------------------------------


def apply_action(
    form: WorkoutForm, action: str, last_sets: Callable[[str], list[SetRow]]
) -> WorkoutForm:
    """Add or remove rows. `last_sets(name)` gives last time's sets of an exercise."""
    if action == "add-exercise":
        form.exercises.append(ExerciseRow(sets=[SetRow()]))  # a new exercise comes with a set row
    elif m := re.fullmatch(r"remove-exercise-([0-9]{1,6})", action):
        _pop(form.exercises, int(m.group(1)))
    elif m := re.fullmatch(r"add-set-([0-9]{1,6})", action):
        i = int(m.group(1))
        if i < len(form.exercises):
            row = form.exercises[i]
            if row.sets:
                row.sets.append(replace(row.sets[-1], rest="", errors={}))
            else:
                previous = last_sets(row.name) if row.name else []
                row.sets.append(replace(previous[0], rest="", errors={}) if previous else SetRow())
    elif m := re.fullmatch(r"remove-set-([0-9]{1,6})-([0-9]{1,6})", action):
        i, j = int(m.group(1)), int(m.group(2))
        if i < len(form.exercises):
            _pop(form.exercises[i].sets, j)
    elif m := re.fullmatch(r"add-interval-(work|recovery|steady)", action):
        same = [row for row in form.intervals if row.kind == m.group(1)]
        form.intervals.append(
            replace(same[-1], errors={}) if same else IntervalRow(kind=m.group(1))
        )
    elif action == "repeat-intervals":
        pair = form.intervals[-2:] if len(form.intervals) >= 2 else form.intervals[-1:]
        form.intervals.extend(replace(row, errors={}) for row in pair)
    elif m := re.fullmatch(r"remove-interval-([0-9]{1,6})", action):
        _pop(form.intervals, int(m.group(1)))
    return form


def take_suggestion(form: WorkoutForm, action: str) -> bool:
    """ "use-name-<i>": row i takes the catalog name it was asked about instead of what was
    typed; every other field stays as posted. False for any other action."""
    m = re.fullmatch(r"use-name-([0-9]{1,6})", action)
    if not m or int(m.group(1)) >= len(form.exercises):
        return False
    row = form.exercises[int(m.group(1))]
    if row.suggested:
        row.name, row.suggested = row.suggested, ""
    return True


def ask_about_names(form: WorkoutForm, meant: Callable[[str], str | None]) -> dict[str, list[str]]:
    """Before a typed name becomes a new exercise of the user's own: rows whose name
    `meant` takes for a catalog exercise ask "did you mean ...?", unless the row says to
    keep the name. The errors by input name; each such row remembers the suggestion."""
    errors = {}
    for index, row in enumerate(form.exercises):
        row.suggested = ""
        if row.keep_name or not row.name:
            continue
        suggestion = meant(row.name)
        if suggestion is not None:
            row.suggested = suggestion
            errors[f"ex-{index}-name"] = [f"Did you mean {suggestion}?"]
    return errors


def _pop(rows: list, index: int) -> None:
    if 0 <= index < len(rows):
        rows.pop(index)


# --- To the API payload ----------------------------------------------------------------------


@dataclass
class Conversion:
    payload: dict[str, Any]
    errors: dict[str, list[str]]
    # payload path → form field name, for errors the workout rules report
    paths: dict[str, str]


def to_payload(form: WorkoutForm, units: str, zone: ZoneInfo) -> Conversion:
    errors: dict[str, list[str]] = {}
    paths: dict[str, str] = {}
    payload: dict[str, Any] = {
        "title": form.title,
        "activity": form.activity,
        "fasted": form.fasted,
        "notes": form.notes,
        "source": "web",
    }
    payload["started_at"] = _started_at(form.started_at, zone, errors)
    if form.duration:
        payload["duration_s"] = _duration(form.duration, "duration", errors, minutes=True)
    for name in ("session_rpe", "avg_hr", "max_hr", "elapsed_s"):
        if getattr(form, name):
            payload[name] = _number(getattr(form, name), name, errors)
    if form.distance:
        value = _number(form.distance, "distance", errors)
        payload["distance_m"] = _kept_number(
            value, form.distance_m, u.distance_to_display, u.distance_from_input, units
        )
    exercises = []
    for i, row in enumerate(form.exercises):
        sets = [(j, s) for j, s in enumerate(row.sets) if not s.is_blank()]
        if not row.name and not sets:
            continue
        index = len(exercises)
        paths[f"exercises.{index}.exercise"] = f"ex-{i}-name"
        paths[f"exercises.{index}.superset"] = f"ex-{i}-superset"
        paths[f"exercises.{index}"] = f"ex-{i}-name"
        item: dict[str, Any] = {**parse_kept(row.kept), "exercise": row.name, "sets": []}
        if row.superset:
            item["superset"] = _number(row.superset, f"ex-{i}-superset", errors)
        for j, s in sets:
            prefix = f"ex-{i}-set-{j}-"
            path = f"exercises.{index}.sets.{len(item['sets'])}"
            for api_name, form_name in SET_FIELD_NAMES.items():
                paths[f"{path}.{api_name}"] = prefix + form_name
            paths[path] = prefix + "reps"
            item["sets"].append(_set_payload(s, prefix, units, errors))
        exercises.append(item)
    intervals = []
    for k, row in enumerate(form.intervals):
        if row.is_blank():
            continue
        path = f"intervals.{len(intervals)}"
        for api_name, name in INTERVAL_FIELD_NAMES.items():
            paths[f"{path}.{api_name}"] = f"iv-{k}-{name}"
        paths[path] = f"iv-{k}-duration"
        intervals.append(_interval_payload(row, f"iv-{k}-", units, errors))
    if exercises:
        payload["exercises"] = exercises
    if intervals:
        payload["intervals"] = intervals
    return Conversion(payload, errors, paths)


def _set_payload(s: SetRow, prefix: str, units: str, errors: dict) -> dict:
    item: dict[str, Any] = {**parse_kept(s.kept), "set_type": s.set_type or "normal"}
    if s.reps:
        item["reps"] = _number(s.reps, prefix + "reps", errors)
    if s.load:
        value = _number(s.load, prefix + "load", errors)
        item["load_kg"] = _kept_number(
            value, s.load_kg, u.load_to_display, u.load_from_input, units
        )
    if s.rpe:
        item["rpe"] = _number(s.rpe, prefix + "rpe", errors)
    if s.tempo:
        item["tempo"] = s.tempo
    if s.eccentric:
        item["eccentric_emphasis"] = True
    if s.rest:
        item["rest_s"] = _duration(s.rest, prefix + "rest", errors, minutes=False)
    return item


def _kept_number(
    shown: float | None,
    stored: str,
    to_display: Callable[[float, str], float],
    from_input: Callable[[float, str], float],
    units: str,
) -> float | None:
    """The stored SI value when the shown one is it, rounded for display (an untouched load
    or distance stays exactly as it was); else what was typed, converted."""
    if shown is None:
        return None
    try:
        original = float(stored) if stored else None
    except ValueError:
        original = None
    if original is not None and to_display(original, units) == shown:
        return original
    return from_input(shown, units)


def _interval_payload(row: IntervalRow, prefix: str, units: str, errors: dict) -> dict:
    item: dict[str, Any] = {**parse_kept(row.kept), "kind": row.kind}
    if row.duration:
        item["duration_s"] = _duration(row.duration, prefix + "duration", errors, minutes=False)
    for name in ("avg_hr", "rpe"):
        if getattr(row, name):
            item[name] = _number(getattr(row, name), prefix + name, errors)
    return item


def _number(text: str, name: str, errors: dict) -> float | int | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        errors.setdefault(name, []).append("Enter a number.")
        return None
    return int(value) if value.is_integer() else value


def _duration(text: str, name: str, errors: dict, *, minutes: bool) -> int | None:
    """A plain number is minutes for a workout, seconds for a rest or an interval."""
    text = text.strip()
    if whole_number(text) is not None and not minutes:
        return whole_number(text)
    seconds = u.parse_duration(text)
    if seconds is None:
        errors.setdefault(name, []).append("Enter a time like 45, 1:30 or 1:05:00.")
    return seconds


def _started_at(text: str, zone: ZoneInfo, errors: dict) -> str | None:
    try:
        local = datetime.fromisoformat(text)
    except ValueError:
        errors.setdefault("started_at", []).append("Enter the date and time you started.")
        return None
    return local.replace(tzinfo=zone).isoformat() if local.tzinfo is None else local.isoformat()


def field_errors(errors: dict[str, list[str]], paths: dict[str, str]) -> dict[str, list[str]]:
    """The workout rules' errors (dotted API paths) under the form's field names."""
    named: dict[str, list[str]] = {}
    for path, messages in errors.items():
        name = paths.get(path) or _closest(path, paths) or "non_field"
        named.setdefault(name, []).extend(messages)
    return named


def attach_errors(form: WorkoutForm, errors: dict[str, list[str]]) -> WorkoutForm:
    """Put each field's messages on its row, for the template to show beside it."""
    for name, messages in errors.items():
        row, field_name = _row_of(form, name)
        if row is not None:
            row.errors[field_name] = messages
    return form


def _row_of(form: WorkoutForm, name: str) -> tuple[Any, str]:
    if m := re.fullmatch(r"ex-([0-9]{1,6})-set-([0-9]{1,6})-(\w+)", name):
        i, j = int(m.group(1)), int(m.group(2))
        if i < len(form.exercises) and j < len(form.exercises[i].sets):
            return form.exercises[i].sets[j], m.group(3)
    elif m := re.fullmatch(r"ex-([0-9]{1,6})-(\w+)", name):
        if int(m.group(1)) < len(form.exercises):
            return form.exercises[int(m.group(1))], m.group(2)
    elif (m := re.fullmatch(r"iv-([0-9]{1,6})-(\w+)", name)) and int(m.group(1)) < len(
        form.intervals
    ):
        return form.intervals[int(m.group(1))], m.group(2)
    return None, ""


def _closest(path: str, paths: dict[str, str]) -> str | None:
    while "." in path:
        path = path.rsplit(".", 1)[0]
        if path in paths:
            return paths[path]
    return WORKOUT_FIELD_NAMES.get(path, path)
