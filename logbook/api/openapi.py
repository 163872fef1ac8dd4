"""Serializers that only document the API for drf-spectacular.

The workout's request and response bodies are built from the shapes in `logbook.schema`,
which also validates them, so the documents and the rules cannot drift apart
(tests/logbook/test_openapi_schema.py).
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework import serializers

from logbook import schema
from logbook.common.api import ID, LIMIT, Errors  # noqa: F401 (the API docs name them here too)
from logbook.models import Activity
from logbook.schema import INTERVAL_COLUMNS, SET_COLUMNS, WORKOUT_FIELDS, Rule
from logbook.timezones import known_time_zones

ACTIVITIES = tuple(Activity.values)

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": 255},
    OpenApiParameter.HEADER,
    description="Replays the first response for the same key and body within 24 h.",
)


def field_for(rule: Rule, *, required: bool = False, response: bool = False) -> serializers.Field:
    """The documenting field of one rule: as a request may send it (anything optional may be
    null), or as a response carries it (null only where the stored value may be)."""
    allow_null = rule.nullable if response else not required
    common = {"required": required or response, "allow_null": allow_null}
    if rule.kind == "bool":
        return serializers.BooleanField(**common)
    if rule.kind == "datetime":
        return serializers.DateTimeField(**common)
    if rule.kind in ("int", "float"):
        cls = serializers.IntegerField if rule.integer else serializers.FloatField
        bounds = {} if response else {"min_value": rule.minimum, "max_value": rule.maximum}
        return cls(**bounds, **common)
    if rule.kind == "choice":
        return serializers.ChoiceField(choices=rule.options, **common)
    if rule.kind == "text":
        limits = {} if response else {"max_length": rule.max_length}
        return serializers.CharField(allow_blank=rule.min_length == 0, **limits, **common)
    raise AssertionError(rule)


def _fields(model: Any, names: tuple[str, ...] | None = None, *, response: bool = False) -> dict:
    """The documenting fields of a shape's plain fields (or of `names`, in that order)."""
    found = schema.rules(model)
    names = names or tuple(n for n, r in found.items() if response is False or r.stored)
    return {
        name: field_for(
            found[name], required=model.model_fields[name].is_required(), response=response
        )
        for name in names
    }


def _serializer(name: str, fields: dict, base: type = serializers.Serializer) -> type:
    return type(name, (base,), fields)


# Requests: exactly what the schema's shapes accept.
SetIn = _serializer("SetIn", _fields(schema.SetIn))
IntervalIn = _serializer("IntervalIn", _fields(schema.IntervalIn))
ExerciseEntryIn = _serializer(
    "ExerciseEntryIn",
    {**_fields(schema.EntryIn), "sets": SetIn(many=True, required=False, allow_null=True)},
)


class WorkoutFieldsIn(serializers.Serializer):
    # null is taken as none (schema._none_is).
    exercises = ExerciseEntryIn(many=True, required=False, allow_null=True)
    intervals = IntervalIn(many=True, required=False, allow_null=True)


# DRF orders a serializer's fields by when they were made: each dict below is made in order.
WorkoutIn = _serializer(
    "WorkoutIn",
    {
        "started_at": serializers.DateTimeField(help_text="ISO 8601 with an offset."),
        **_fields(schema.WorkoutIn, WORKOUT_FIELDS[1:]),
    },
    WorkoutFieldsIn,
)
WorkoutPatch = _serializer(
    "WorkoutPatch",
    {
        "started_at": serializers.DateTimeField(required=False),
        **_fields(schema.WorkoutIn, WORKOUT_FIELDS[1:]),
    },
    WorkoutFieldsIn,
)

# Responses: the stored fields, in the representation's order.
SetOut = _serializer("SetOut", _fields(schema.SetIn, SET_COLUMNS, response=True))
IntervalOut = _serializer(
    "IntervalOut", _fields(schema.IntervalIn, INTERVAL_COLUMNS, response=True)
)
ExerciseEntryOut = _serializer(
    "ExerciseEntryOut",
    {
        "exercise": serializers.CharField(
            help_text="Catalog slug, or the name of your own exercise."
        ),
        "name": serializers.CharField(),
        "custom": serializers.BooleanField(),
        "superset": serializers.IntegerField(allow_null=True),
        "sets": SetOut(many=True),
    },
)
WorkoutOut = _serializer(
    "WorkoutOut",
    {
        "id": serializers.IntegerField(),
        **_fields(schema.WorkoutIn, WORKOUT_FIELDS, response=True),
        "exercises": ExerciseEntryOut(many=True),
        "intervals": IntervalOut(many=True),
        "created_at": serializers.DateTimeField(),
        "updated_at": serializers.DateTimeField(),
    },
)


class Tombstone(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField(allow_null=True)
    source = serializers.CharField()
    deleted = serializers.BooleanField(help_text="Always true: the workout was deleted.")
    updated_at = serializers.DateTimeField()


class WorkoutPage(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = PolymorphicProxySerializer(
        component_name="WorkoutOrTombstone",
        serializers=[WorkoutOut, Tombstone],
        resource_type_field_name=None,
        many=True,
    )


class ExerciseOut(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    movement_pattern = serializers.CharField(allow_blank=True)
    primary_muscles = serializers.ListField(child=serializers.CharField())
    secondary_muscles = serializers.ListField(child=serializers.CharField())
    mechanic = serializers.CharField(allow_blank=True)
    equipment = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(choices=["resistance", "cardio", "mobility"])
    custom = serializers.BooleanField()


class ExercisePage(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = ExerciseOut(many=True)


# Routines: the request from schema.RoutineIn, the answer adds ids, names and stamps.
RoutineEntryIn = _serializer("RoutineEntryIn", _fields(schema.RoutineEntryIn))
RoutineIn = _serializer(
    "RoutineIn",
    {
        **_fields(schema.RoutineIn),
        "exercises": RoutineEntryIn(many=True, help_text="At least one."),
    },
)
RoutinePatch = _serializer(
    "RoutinePatch",
    {
        "name": serializers.CharField(max_length=120, required=False),
        "notes": serializers.CharField(max_length=2000, required=False, allow_blank=True),
        "exercises": RoutineEntryIn(many=True, required=False),
    },
)


def _routine_entry_out() -> dict:
    return {
        "exercise": serializers.CharField(
            help_text="Catalog slug, or the name of your own exercise."
        ),
        "name": serializers.CharField(),
        "custom": serializers.BooleanField(),
        **_fields(schema.RoutineEntryIn, schema.ROUTINE_TARGETS, response=True),
    }


RoutineEntryOut = _serializer("RoutineEntryOut", _routine_entry_out())
RoutineOut = _serializer(
    "RoutineOut",
    {
        "id": serializers.IntegerField(),
        **_fields(schema.RoutineIn, schema.ROUTINE_COLUMNS, response=True),
        "exercises": RoutineEntryOut(many=True),
        "created_at": serializers.DateTimeField(),
        "updated_at": serializers.DateTimeField(),
    },
)


class RoutinePage(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = RoutineOut(many=True)


class PlannedSet(serializers.Serializer):
    reps = serializers.IntegerField(allow_null=True)
    load_kg = serializers.FloatField(allow_null=True)
    rpe = serializers.FloatField(allow_null=True)
    rest_s = serializers.IntegerField(allow_null=True)


class Suggestion(serializers.Serializer):
    load_kg = serializers.FloatField()
    reps = serializers.IntegerField()
    progress = serializers.BooleanField(help_text="True when the load goes up.")
    reason = serializers.CharField()
    rule = serializers.CharField()
    sets = PlannedSet(many=True, help_text="The sets with the suggestion applied.")


PlannedEntry = _serializer(
    "PlannedEntry",
    {
        **_routine_entry_out(),
        "last_date": serializers.DateTimeField(allow_null=True),
        "sets": PlannedSet(many=True, help_text="Last time's load (else the target's)."),
        "suggestion": Suggestion(allow_null=True),
    },
)


class RoutinePlan(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    notes = serializers.CharField(allow_blank=True)
    exercises = PlannedEntry(many=True)


class TokenRequest(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField()
    name = serializers.CharField(max_length=100, required=False)
    scope = serializers.ChoiceField(
        choices=["write", "read"],
        required=False,
        help_text="`write` (default): read and send data; `read`: GET only.",
    )
    expires_in_days = serializers.IntegerField(
        min_value=1,
        max_value=3650,
        required=False,
        allow_null=True,
        help_text="Refused this many days from now; absent or null: never expires.",
    )


class TokenInfo(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    prefix = serializers.CharField()
    scope = serializers.ChoiceField(choices=["write", "read"])
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)


class TokenResponse(TokenInfo):
    token = serializers.CharField(help_text="Shown once; keep it safe.")


class WeeklyEmail(serializers.Serializer):
    enabled = serializers.BooleanField(required=False)
    day = serializers.IntegerField(min_value=1, max_value=7, required=False, help_text="1 = Monday")
    hour = serializers.IntegerField(min_value=0, max_value=23, required=False)
    nudges = serializers.BooleanField(required=False)


class Me(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)
    units = serializers.ChoiceField(choices=["kg", "lb"], required=False)
    time_zone = serializers.ChoiceField(
        choices=sorted(known_time_zones()), required=False, help_text="IANA name"
    )
    hr_max = serializers.IntegerField(min_value=100, max_value=240, allow_null=True, required=False)
    birth_year = serializers.IntegerField(min_value=1900, allow_null=True, required=False)
    weekly_email = WeeklyEmail(required=False)


SYNC_STATUSES = ("created", "updated", "unchanged", "error")


class SyncRequest(serializers.Serializer):
    workouts = serializers.ListField(
        child=WorkoutIn(),
        max_length=500,
        help_text="At most 500 workouts, each with `source` and `external_id`.",
    )


class SyncResult(serializers.Serializer):
    external_id = serializers.CharField(allow_null=True)
    id = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(choices=SYNC_STATUSES)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages by field path when `status` is `error`; empty otherwise.",
    )


class SyncResponse(serializers.Serializer):
    results = SyncResult(many=True, help_text="One per submitted workout, in order.")


# The export: what sync takes back, the stored fields without ids or stamps.
ExportedWorkout = _serializer(
    "ExportedWorkout",
    {
        **_fields(schema.WorkoutIn, WORKOUT_FIELDS[:-1], response=True),
        "external_id": serializers.CharField(
            help_text='Its own, or "myolog-<id>" for a workout that has none.'
        ),
    },
    WorkoutFieldsIn,
)


class Export(serializers.Serializer):
    workouts = ExportedWorkout(many=True)


STEP_COMPONENTS = {
    "SetInRequest": schema.SetIn,
    "IntervalInRequest": schema.IntervalIn,
    "RoutineEntryInRequest": schema.RoutineEntryIn,
}


def _numeric_ids_too(properties: dict) -> None:
    """A tracker's numeric id is taken as its text (schema._external_id)."""
    text = properties.get("external_id")
    if text is not None:
        number = {"type": "integer", "nullable": True}
        properties["external_id"] = {"anyOf": [text, number], "description": "Text or a number."}


HTML = {"text/html": {"schema": {"type": "string"}}}


def postprocess_schema(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """What the serializers cannot say: 0.5 steps, and the errors every operation may answer."""
    schemas = result.get("components", {}).get("schemas", {})
    for component, model in STEP_COMPONENTS.items():
        for name, rule in schema.rules(model).items():
            if rule.step and component in schemas:
                schemas[component]["properties"][name]["multipleOf"] = rule.step
    for component in ("WorkoutInRequest", "WorkoutPatchRequest"):
        if component in schemas:
            _numeric_ids_too(schemas[component]["properties"])
    sync = schemas.get("SyncRequestRequest", {}).get("properties", {}).get("workouts")
    if sync:
        # Each item is judged on its own (its own `error`, never the batch's 400), so any
        # JSON value is a valid item; anyOf with {} says so and still shows the workout's shape.
        sync["items"] = {"anyOf": [{"$ref": "#/components/schemas/WorkoutInRequest"}, {}]}
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            if operation.get("security") != [{}]:
                responses.setdefault("401", {"description": "Not signed in.", "content": error})
            if operation.get("requestBody"):
                responses.setdefault("413", {"description": "Body too large.", "content": error})
                responses.setdefault("415", {"description": "Not JSON.", "content": error})
            responses.setdefault("400", {"description": "Bad input.", "content": error})
            # gunicorn answers a request line over 4,094 bytes itself, before Django.
            responses.setdefault("414", {"description": "URI too long.", "content": HTML})
    return result
