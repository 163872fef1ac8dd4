"""One declaration per shape: a workout, its exercise entries, their sets, its intervals,
and a change of the profile's preferences.

Each shape is a pydantic model, and each field's type carries its bounds (a `Rule` rides
along as metadata). Everything else is derived from these models: validation
(`clean_workout`, every door's rules, by dotted path such as "exercises.0.sets.2.reps");
the columns the write path stores (`columns`); the API's bodies, their OpenAPI documents,
the representation and the export (logbook.api); the web form's field map (`form_names`);
the Myolog CSV's columns (`csv_columns`); and the set columns the classifier reads.

pydantic was measured against msgspec, DRF serializers and the hand-written rules this
replaced (bench/SCHEMA.md): it validates a sync of 500 workouts × 20 sets several times
faster than the hand-written code and names every bad field at once. Its messages are
replaced by ours (`Rule.message`), so the error bodies read as they always did.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from django.conf import settings
from django.utils import timezone
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from logbook.common.errors import NON_FIELD, InvalidInput
from logbook.common.input import UNENCODABLE
from logbook.models import Activity, IntervalKind, SetType, Units
from logbook.timezones import known_time_zones

# --- Rules: a field's bounds, in our words --------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What a field accepts, for the messages, the documentation, the form and the CSV.

    `form` names the web form's input of the field when it differs from the field's name;
    `column` its Myolog CSV column; `stored` is False for input-only shorthands.
    """

    kind: str  # "int", "float", "text", "choice", "bool", "datetime"
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    max_length: int | None = None
    min_length: int = 0
    options: tuple[str, ...] = ()
    form: str | None = None
    column: str | None = None
    stored: bool = True
    sent: bool = True  # False: derived, never sent by a client
    nullable: bool = True  # False: a missing value is filled in (a default, or from context)
    says: str | None = None  # one message for any refusal, where the shape words its own

    @property
    def integer(self) -> bool:
        return self.kind == "int"

    def message(self, value: Any) -> str:
        """Why `value` is refused, in the order the checks read best to people."""
        if self.says:
            return self.says.format(year=date.today().year)
        if value is None:
            return "This field is required."
        if self.kind in ("int", "float"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return "Expected a number."
            if value != value or value in (float("inf"), float("-inf")):
                return "Expected a finite number."
            if not self.minimum <= value <= self.maximum:
                return f"Must be between {_fmt(self.minimum)} and {_fmt(self.maximum)}."
            if self.integer:
                return "Expected a whole number."
            return f"Must be a multiple of {_fmt(self.step)}."
        if self.kind == "bool":
            return "Expected true or false."
        if self.kind == "choice":
            return f"Expected one of: {', '.join(self.options)}."
        if self.kind == "text":
            if not isinstance(value, str):
                return "Expected a string."
            if "\x00" in value:  # PostgreSQL can't store it
                return "May not contain NUL characters."
            if len(value.strip()) > self.max_length:
                return f"At most {self.max_length} characters."
            return "May not be blank."
        raise AssertionError(self.kind)


def _fmt(number: float) -> str:
    return f"{number:g}"


_REQUIRED: Any = ...
_WHOLE = "Expected a whole number from %s to %s."
_UNKNOWN_ZONE = "Unknown time zone; use an IANA name such as Europe/Berlin."


def _none_is(default: Any):
    """null means "not given": the field's default."""
    return lambda value: default if value is None else value


def _number(value: Any) -> Any:
    """A whole-number field takes 5 and 5.0, never "5" or true."""
    if isinstance(value, bool | str | bytes):
        raise PydanticCustomError("number_type", "Expected a number.")
    return value


def _field(base: Any, rule: Rule, default: Any, form: str | None, column: str | None, **kw):
    """`default` None: optional, null when absent; _REQUIRED: required; else filled in."""
    nullable = kw.pop("nullable", default is None)
    rule = Rule(**{**rule.__dict__, "form": form, "column": column, "nullable": nullable, **kw})
    if default is None:
        return Annotated[base | None, Field(default=None), rule]
    if default is _REQUIRED:
        return Annotated[base, Field(), rule]
    return Annotated[base, BeforeValidator(_none_is(default)), Field(default=default), rule]


def whole(minimum: int, maximum: int, *, default: Any = None, form=None, column=None) -> Any:
    base = Annotated[int, BeforeValidator(_number), Field(strict=False, ge=minimum, le=maximum)]
    return _field(base, Rule("int", minimum, maximum), default, form, column)


def decimal(
    minimum: float,
    maximum: float,
    *,
    step: float | None = None,
    default: Any = None,
    form=None,
    column=None,
) -> Any:
    base = Annotated[
        float, Field(strict=True, ge=minimum, le=maximum, multiple_of=step, allow_inf_nan=False)
    ]
    return _field(base, Rule("float", minimum, maximum, step=step), default, form, column)


NO_NUL = r"^[^\x00]*$"


def text(max_length: int, *, min_length: int = 0, default: Any = "", form=None, **kw) -> Any:
    base = Annotated[
        str,
        StringConstraints(
            strict=True,
            strip_whitespace=True,
            max_length=max_length,
            min_length=min_length,
            pattern=NO_NUL,
        ),
    ]
    rule = Rule("text", max_length=max_length, min_length=min_length)
    return _field(base, rule, default, form, None, **kw)


def choice(
    options: tuple[str, ...], *, default: Any = _REQUIRED, form=None, column=None, **kw
) -> Any:
    return _field(Literal[options], Rule("choice", options=options), default, form, column, **kw)


def flag(*, default: Any = False, stored: bool = True) -> Any:
    return _field(
        Annotated[bool, Field(strict=True)], Rule("bool"), default, None, None, stored=stored
    )


# --- The shapes ------------------------------------------------------------------------------

HR = (30, 250)
DISTANCE = (0, 1_000_000)
ECCENTRIC_EMPHASIS_S = 3  # API.md: an eccentric phase of 3 s or more marks the set
# eccentric-pause-concentric-pause, each a number of seconds or X (explosive);
# the compact form "3110" is accepted too.
TEMPO_DASHED = re.compile(r"^([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)-([0-9]{1,2}|X)$")
TEMPO_COMPACT = re.compile(r"^[0-9X]{4}$")  # ASCII digits: one spelling per tempo
MEASURED = ("reps", "load_kg", "duration_s", "distance_m")


# Longer lists are refused before their items are judged (a request that fails anyway).
ITEMS = Field(default_factory=list, max_length=settings.MAX_SETS_PER_WORKOUT)


class Shape(BaseModel):
    """Unknown keys are ignored (readers add "_row"; clients send back what GET gave)."""

    model_config = ConfigDict(extra="ignore", revalidate_instances="never")


class SetIn(Shape):
    reps: whole(0, 1000, form="reps")
    load_kg: decimal(0, 1000, form="load")
    rpe: decimal(1, 10, step=0.5, form="rpe")
    rir: decimal(0, 10, step=0.5)
    rest_s: whole(0, 4 * 3600, form="rest")
    tempo: text(15, form="tempo")
    # absent: "normal", or "warmup" with the shorthand below
    set_type: choice(tuple(SetType.values), default=None, nullable=False, form="set_type")
    duration_s: whole(0, 24 * 3600)
    distance_m: decimal(*DISTANCE)
    eccentric_emphasis: flag()
    warmup: flag(default=None, stored=False)  # shorthand for set_type "warmup"

    @field_validator("tempo")
    @classmethod
    def _tempo(cls, value: str) -> str:
        if not value:
            return value
        tempo = value.upper()
        if TEMPO_COMPACT.match(tempo):
            tempo = "-".join(tempo)
        if not TEMPO_DASHED.match(tempo):
            raise PydanticCustomError(
                "tempo",
                "Use eccentric-pause-concentric-pause seconds, e.g. 3-1-1-0 (X = explosive).",
            )
        return tempo

    @field_validator("warmup")
    @classmethod
    def _warmup(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value and info.data.get("set_type") not in (None, SetType.WARMUP):
            raise PydanticCustomError("warmup", "Conflicts with set_type.")
        return value

    @model_validator(mode="after")
    def _whole_set(self) -> "SetIn":
        if (
            self.reps is None
            and self.load_kg is None
            and self.duration_s is None
            and self.distance_m is None
        ):
            raise PydanticCustomError(
                "set", "A set needs at least one of reps, load_kg, duration_s or distance_m."
            )
        if self.set_type is None:
            self.set_type = SetType.WARMUP if self.warmup else SetType.NORMAL
        if self.tempo and not self.eccentric_emphasis:
            eccentric = self.tempo.split("-")[0]
            self.eccentric_emphasis = eccentric.isdigit() and int(eccentric) >= ECCENTRIC_EMPHASIS_S
        return self


class EntryIn(Shape):
    exercise: text(120, min_length=1, default=_REQUIRED, form="name")
    superset: whole(0, 999)
    sets: Annotated[list[SetIn], BeforeValidator(_none_is([])), ITEMS]


class IntervalIn(Shape):
    kind: choice(tuple(IntervalKind.values), form="kind", column="interval_kind")
    duration_s: whole(1, 24 * 3600, default=_REQUIRED, form="duration")
    distance_m: decimal(*DISTANCE)  # kept exactly by the web form, not shown
    avg_hr: whole(*HR, form="avg_hr")
    max_hr: whole(*HR)
    rpe: decimal(0, 10, step=0.5, form="rpe")


class RoutineEntryIn(Shape):
    """One exercise of a routine and its targets. `reps_max` makes `reps_min` the bottom of
    a rep range; a load is given in kilograms or as a percentage of the exercise's e1RM."""

    exercise: text(120, min_length=1, default=_REQUIRED, form="exercise")
    superset: whole(0, 999)
    sets: whole(1, 20, default=3, form="sets")
    reps_min: whole(1, 1000, form="reps_min")
    reps_max: whole(1, 1000, form="reps_max")
    load_kg: decimal(0, 1000, form="load")
    percent_1rm: decimal(1, 120, form="percent")
    rpe: decimal(1, 10, step=0.5, form="rpe")
    rest_s: whole(0, 4 * 3600, form="rest")

    @field_validator("reps_max")
    @classmethod
    def _range(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("reps_min")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError("routine", "Must be at least reps_min.")
        if value is not None and "reps_min" in info.data and low is None:
            raise PydanticCustomError("routine", "Give reps_min too (the bottom of the range).")
        return value

    @field_validator("percent_1rm")
    @classmethod
    def _one_load(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is not None and info.data.get("load_kg") is not None:
            raise PydanticCustomError("routine", "Give load_kg or percent_1rm, not both.")
        return value


class RoutineIn(Shape):
    name: text(120, min_length=1, default=_REQUIRED, form="name")
    notes: text(2000, form="notes")
    exercises: Annotated[
        list[RoutineEntryIn],
        BeforeValidator(_none_is([])),
        Field(min_length=1, max_length=settings.MAX_EXERCISES_PER_WORKOUT),
    ]


def _parse_started_at(value: Any) -> datetime:
    if value is None:
        raise PydanticCustomError("started_at", "This field is required.")
    if not isinstance(value, str):
        raise PydanticCustomError(
            "started_at", "Expected an ISO 8601 datetime string with a UTC offset."
        )
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "started_at", "Not an ISO 8601 datetime, e.g. 2026-11-16T07:30:00+01:00."
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise PydanticCustomError(
            "started_at", "Give a UTC offset, e.g. 2026-11-16T07:30:00+01:00 or …Z."
        )
    if not datetime(1970, 1, 1, tzinfo=UTC) <= parsed <= timezone.now() + timedelta(days=366):
        raise PydanticCustomError("started_at", "Must be between 1970 and a year from now.")
    return parsed


def _external_id(value: Any) -> Any:
    """Trackers' numeric ids are ids too."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class WorkoutIn(Shape):
    started_at: Annotated[
        datetime, BeforeValidator(_parse_started_at), Rule("datetime", nullable=False)
    ]
    utc_offset_min: Annotated[Any, Field(default=0), Rule("int", nullable=False, sent=False)]
    duration_s: whole(1, 7 * 24 * 3600, form="duration", column="workout_duration_s")
    elapsed_s: whole(1, 7 * 24 * 3600, column="workout_elapsed_s")  # with pauses, from devices
    title: text(200)
    activity: choice(tuple(Activity.values), default=None, nullable=False)  # from the content
    fasted: flag()
    session_rpe: decimal(0, 10)
    avg_hr: whole(*HR, column="workout_avg_hr")
    max_hr: whole(*HR, column="workout_max_hr")
    distance_m: decimal(*DISTANCE, form="distance", column="workout_distance_m")
    notes: text(10_000)
    source: text(40, min_length=1, default=None, nullable=False)  # the door's, if absent
    external_id: Annotated[text(200, min_length=1, default=None), BeforeValidator(_external_id)]
    exercises: Annotated[list[EntryIn], BeforeValidator(_none_is([])), ITEMS]
    intervals: Annotated[list[IntervalIn], BeforeValidator(_none_is([])), ITEMS]


def _complete(data: WorkoutIn, default_source: str) -> dict[str, list[str]]:
    """The rules about the workout as a whole, once its fields are valid; then what a
    missing value stands for. Returns the errors, by path."""
    errors: dict[str, list[str]] = {}
    if len(data.exercises) > settings.MAX_EXERCISES_PER_WORKOUT:
        limit = settings.MAX_EXERCISES_PER_WORKOUT
        errors.setdefault("exercises", []).append(f"At most {limit} exercises per workout.")
    total_sets = sum(len(e.sets) for e in data.exercises)
    if total_sets > settings.MAX_SETS_PER_WORKOUT:
        limit = settings.MAX_SETS_PER_WORKOUT
        message = f"At most {limit} sets per workout; got {total_sets}."
        errors.setdefault("exercises", []).append(message)
    if len(data.intervals) > settings.MAX_INTERVALS_PER_WORKOUT:
        limit = settings.MAX_INTERVALS_PER_WORKOUT
        errors.setdefault("intervals", []).append(f"At most {limit} intervals per workout.")
    if not data.exercises and not data.intervals and data.duration_s is None:
        message = "Give at least one of exercises, intervals or duration_s."
        errors.setdefault("exercises", []).append(message)
    data.utc_offset_min = int(data.started_at.utcoffset().total_seconds() // 60)
    data.started_at = data.started_at.astimezone(UTC)
    data.source = data.source or default_source
    if not data.activity:
        data.activity = Activity.STRENGTH if data.exercises else Activity.OTHER
    return errors


def _said(message: str, kind: str, minimum: float | None = None, maximum: float | None = None):
    return Rule(kind, minimum, maximum, says=message)


_YES_NO = _said("Expected true or false.", "bool")


class WeeklyEmailIn(Shape):
    enabled: Annotated[bool, Field(default=None, strict=True), _YES_NO]
    day: Annotated[
        int, Field(default=None, strict=True, ge=1, le=7), _said(_WHOLE % (1, 7), "int", 1, 7)
    ]
    hour: Annotated[
        int, Field(default=None, strict=True, ge=0, le=23), _said(_WHOLE % (0, 23), "int", 0, 23)
    ]
    nudges: Annotated[bool, Field(default=None, strict=True), _YES_NO]


def _known_zone(value: str) -> str:
    if value not in known_time_zones():
        raise PydanticCustomError("profile", _UNKNOWN_ZONE)
    return value


def _born_by_now(value: int | None) -> int | None:
    year = date.today().year
    if value is not None and value > year:
        raise PydanticCustomError("profile", _WHOLE % (1900, year))
    return value


class ProfileIn(Shape):
    """A change of preferences: only the fields given change (PATCH /api/v1/me/, the
    settings page, the email preferences page, the admin)."""

    units: Annotated[
        Literal[tuple(Units.values)], Field(default=None), _said("Expected kg or lb.", "choice")
    ]
    time_zone: Annotated[
        str,
        Field(default=None, strict=True),
        AfterValidator(_known_zone),
        _said(_UNKNOWN_ZONE, "text"),
    ]
    hr_max: Annotated[
        int | None,
        Field(default=None, strict=True, ge=100, le=240),
        _said(_WHOLE % (100, 240), "int", 100, 240),
    ]
    birth_year: Annotated[
        int | None,
        Field(default=None, strict=True, ge=1900),
        AfterValidator(_born_by_now),
        _said(_WHOLE % (1900, "{year}"), "int", 1900),
    ]
    weekly_email: Annotated[WeeklyEmailIn, Field(default=None)]


# The Profile column each field writes.
PROFILE_COLUMNS = {name: name for name in ("units", "time_zone", "hr_max", "birth_year")}
WEEKLY_EMAIL_COLUMNS = {name: f"weekly_email_{name}" for name in WeeklyEmailIn.model_fields}


PROFILE_FORM_FIELDS = [*PROFILE_COLUMNS.values(), *WEEKLY_EMAIL_COLUMNS.values()]


def profile_change(columns: dict[str, Any]) -> dict[str, Any]:
    """A change in ProfileIn's shape from values by Profile column (a form's cleaned data)."""
    change = {name: columns.get(column) for name, column in PROFILE_COLUMNS.items()}
    email = {name: columns.get(column) for name, column in WEEKLY_EMAIL_COLUMNS.items()}
    return {**change, "weekly_email": email}


def profile_column(path: str) -> str | None:
    """The Profile column an error path of ProfileIn names (weekly_email.day: its day)."""
    name = path.removeprefix("weekly_email.")
    return WEEKLY_EMAIL_COLUMNS.get(name) if name != path else PROFILE_COLUMNS.get(path)


def clean_profile(payload: Any) -> dict[str, Any]:
    """The Profile columns a change sets, every given field judged; InvalidInput otherwise."""
    try:
        data = ProfileIn.model_validate(payload)
    except ValidationError as invalid:
        raise InvalidInput(errors_of(invalid, ProfileIn)) from None
    changes = {
        PROFILE_COLUMNS[f]: getattr(data, f) for f in data.model_fields_set if f in PROFILE_COLUMNS
    }
    if "weekly_email" in data.model_fields_set:
        email = data.weekly_email
        changes.update({WEEKLY_EMAIL_COLUMNS[f]: getattr(email, f) for f in email.model_fields_set})
    return changes


# --- Derived: what other layers read from the shapes -----------------------------------------


def rule_of(model: type[BaseModel], name: str) -> Rule | None:
    for item in model.model_fields[name].metadata:
        if isinstance(item, Rule):
            return item
    return None


def rules(model: type[BaseModel]) -> dict[str, Rule]:
    """The rule of each plain field (not the nested lists), in declaration order."""
    found = {name: rule_of(model, name) for name in model.model_fields}
    return {name: rule for name, rule in found.items() if rule is not None}


def columns(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields stored as columns, in declaration order (the API's order too)."""
    return tuple(name for name, rule in rules(model).items() if rule.stored)


SET_COLUMNS = columns(SetIn)
INTERVAL_COLUMNS = columns(IntervalIn)
WORKOUT_COLUMNS = columns(WorkoutIn)  # started_at … external_id
ROUTINE_COLUMNS = columns(RoutineIn)  # name, notes
ROUTINE_TARGETS = tuple(c for c in columns(RoutineEntryIn) if c != "exercise")
# What a client sends for a workout (utc_offset_min is read from started_at's offset).
WORKOUT_FIELDS = tuple(name for name in WORKOUT_COLUMNS if rule_of(WorkoutIn, name).sent)


def input_limits() -> dict[str, dict[str, dict[str, Any]]]:
    """The numeric and text bounds of each shape, so a client (the live logger) can say
    "Weight must be at most 2,204 lb" before anything is sent."""
    shapes = {"workout": WorkoutIn, "set": SetIn, "interval": IntervalIn}
    limits: dict[str, dict[str, dict[str, Any]]] = {}
    for shape, model in shapes.items():
        limits[shape] = {}
        for name, rule in rules(model).items():
            if rule.kind in ("int", "float"):
                limits[shape][name] = {
                    "min": rule.minimum,
                    "max": rule.maximum,
                    "integer": rule.integer,
                    "step": rule.step,
                }
            elif rule.kind == "text":
                limits[shape][name] = {"max_length": rule.max_length}
    return limits


def form_names(model: type[BaseModel]) -> dict[str, str]:
    """API field → the web form's input, for the fields the form has (`Rule.form`)."""
    return {name: rule.form or name for name, rule in rules(model).items() if rule.form}


# The Myolog CSV keeps its columns in the order its first version wrote them; a field added
# to a shape later is appended after these.
_CSV_ORDER: dict[type, tuple[str, ...]] = {
    SetIn: (
        "set_type",
        "reps",
        "load_kg",
        "rpe",
        "rir",
        "rest_s",
        "tempo",
        "eccentric_emphasis",
        "duration_s",
        "distance_m",
    ),
    WorkoutIn: (
        "title",
        "activity",
        "duration_s",
        "distance_m",
        "fasted",
        "session_rpe",
        "avg_hr",
        "max_hr",
        "notes",
    ),
}


def csv_columns(
    model: type[BaseModel], exclude: tuple[str, ...] = ()
) -> dict[str, tuple[str, str]]:
    """CSV column → (field, kind) for the model's stored fields."""
    names = [n for n in columns(model) if n not in exclude]
    first = _CSV_ORDER.get(model, ())
    names = [n for n in first if n in names] + [n for n in names if n not in first]
    out = {}
    for name in names:
        rule = rule_of(model, name)
        out[rule.column or name] = (name, "text" if rule.kind == "choice" else rule.kind)
    return out


# --- Validation ------------------------------------------------------------------------------


def clean_workout(payload: Any, *, default_source: str = "api") -> WorkoutIn:
    """Validate a whole workout; raise InvalidInput naming every bad field."""
    try:
        data = WorkoutIn.model_validate(payload)
    except ValidationError as invalid:
        raise InvalidInput(errors_of(invalid, WorkoutIn)) from None
    errors = _complete(data, default_source)
    if errors:
        raise InvalidInput(errors)
    return data


def clean_routine(payload: Any) -> RoutineIn:
    """Validate a whole routine; raise InvalidInput naming every bad field."""
    try:
        return RoutineIn.model_validate(payload)
    except ValidationError as invalid:
        raise InvalidInput(errors_of(invalid, RoutineIn)) from None


def errors_of(invalid: ValidationError, model: type[BaseModel]) -> dict[str, list[str]]:
    """pydantic's errors as our envelope: dotted paths, our messages."""
    errors: dict[str, list[str]] = {}
    for error in invalid.errors(include_url=False):
        loc = error["loc"]
        path = ".".join(str(part) for part in loc) or NON_FIELD
        errors.setdefault(path, []).append(_message(error, model))
    return errors


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "number_type" or kind in _CUSTOM:
        return error["msg"]
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "Expected a JSON object." if not loc else "Expected an object."
    if kind == "missing":
        return "This field is required."
    if kind == "string_unicode":
        return UNENCODABLE
    if kind == "list_type":
        return "Expected a list."
    if kind == "too_long" and isinstance(value, list):
        return f"At most {error['ctx']['max_length']} items."
    if kind == "too_short" and isinstance(value, list):
        return f"At least {error['ctx']['min_length']} item."
    rule = _rule_at(model, loc)
    if rule is None:
        return error["msg"]
    return rule.message(value)


_CUSTOM = ("tempo", "warmup", "set", "started_at", "profile", "routine")


def _rule_at(model: type[BaseModel], loc: tuple) -> Rule | None:
    """The rule of the field at `loc`, e.g. ("exercises", 0, "sets", 2, "reps")."""
    current: Any = model
    rule = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        rule = rule_of(current, part)
        current = _inner_model(field.annotation)
    return rule


def _inner_model(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", ())
    for arg in args:
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return annotation
