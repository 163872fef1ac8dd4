"""Serializers that only document the API for drf-spectacular.

Validation lives in `logbook.schema`; the bounds here are built from its tables,
so the schema and the rules cannot drift apart (tests/logbook/test_openapi_schema.py).
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework import serializers

from logbook.common.api import ID, LIMIT, Errors  # noqa: F401 (the API docs name them here too)
from logbook.models import Activity
from logbook.schema import (
    BOOL,
    EXERCISE_NAME,
    INTERVAL_SPEC,
    SET_SPEC,
    SUPERSET,
    WORKOUT_SPEC,
    Choice,
    Number,
    Text,
)
from logbook.timezones import known_time_zones

ACTIVITIES = tuple(Activity.values)

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "minLength": 1, "maxLength": 255},
    OpenApiParameter.HEADER,
    description="Replays the first response for the same key and body within 24 h.",
)


def field_for(rule: Any, *, required: bool = False) -> serializers.Field:
    """The documenting field for one validation rule."""
    common = {"required": required, "allow_null": not required}
    if rule == BOOL:
        return serializers.BooleanField(**common)
    if isinstance(rule, Number):
        cls = serializers.IntegerField if rule.integer else serializers.FloatField
        return cls(min_value=rule.minimum, max_value=rule.maximum, **common)
    if isinstance(rule, Choice):
        return serializers.ChoiceField(choices=rule.options, **common)
    if isinstance(rule, Text):
        return serializers.CharField(
            max_length=rule.max_length, allow_blank=rule.min_length == 0, **common
        )
    raise AssertionError(rule)


def _fields(spec: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, serializers.Field]:
    return {name: field_for(rule, required=name in required) for name, rule in spec.items()}


SetIn = type("SetIn", (serializers.Serializer,), _fields(SET_SPEC))
IntervalIn = type(
    "IntervalIn", (serializers.Serializer,), _fields(INTERVAL_SPEC, ("kind", "duration_s"))
)


class ExerciseEntryIn(serializers.Serializer):
    exercise = field_for(EXERCISE_NAME, required=True)
    superset = field_for(SUPERSET)
    sets = SetIn(many=True, required=False)


class WorkoutFieldsIn(serializers.Serializer):
    exercises = ExerciseEntryIn(many=True, required=False)
    intervals = IntervalIn(many=True, required=False)


WorkoutIn = type(
    "WorkoutIn",
    (WorkoutFieldsIn,),
    {
        "started_at": serializers.DateTimeField(help_text="ISO 8601 with an offset."),
        **_fields(WORKOUT_SPEC),
    },
)
WorkoutPatch = type(
    "WorkoutPatch",
    (WorkoutFieldsIn,),
    {"started_at": serializers.DateTimeField(required=False), **_fields(WORKOUT_SPEC)},
)


class SetOut(serializers.Serializer):
    reps = serializers.IntegerField(allow_null=True)
    load_kg = serializers.FloatField(allow_null=True)
    rpe = serializers.FloatField(allow_null=True)
    rir = serializers.FloatField(allow_null=True)
    rest_s = serializers.IntegerField(allow_null=True)
    tempo = serializers.CharField(allow_blank=True)
    set_type = serializers.ChoiceField(choices=SET_SPEC["set_type"].options)
    duration_s = serializers.IntegerField(allow_null=True)
    distance_m = serializers.FloatField(allow_null=True)
    eccentric_emphasis = serializers.BooleanField()


class IntervalOut(serializers.Serializer):
    kind = serializers.ChoiceField(choices=INTERVAL_SPEC["kind"].options)
    duration_s = serializers.IntegerField()
    distance_m = serializers.FloatField(allow_null=True)
    avg_hr = serializers.IntegerField(allow_null=True)
    max_hr = serializers.IntegerField(allow_null=True)
    rpe = serializers.FloatField(allow_null=True)


class ExerciseEntryOut(serializers.Serializer):
    exercise = serializers.CharField(help_text="Catalog slug, or the name of your own exercise.")
    name = serializers.CharField()
    custom = serializers.BooleanField()
    superset = serializers.IntegerField(allow_null=True)
    sets = SetOut(many=True)


class WorkoutOut(serializers.Serializer):
    id = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    duration_s = serializers.IntegerField(allow_null=True)
    title = serializers.CharField(allow_blank=True)
    activity = serializers.ChoiceField(choices=ACTIVITIES)
    fasted = serializers.BooleanField()
    session_rpe = serializers.FloatField(allow_null=True)
    avg_hr = serializers.IntegerField(allow_null=True)
    max_hr = serializers.IntegerField(allow_null=True)
    distance_m = serializers.FloatField(allow_null=True)
    notes = serializers.CharField(allow_blank=True)
    source = serializers.CharField()
    external_id = serializers.CharField(allow_null=True)
    exercises = ExerciseEntryOut(many=True)
    intervals = IntervalOut(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


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


class TokenRequest(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField()
    name = serializers.CharField(max_length=100, required=False)


class TokenResponse(serializers.Serializer):
    id = serializers.IntegerField()
    token = serializers.CharField(help_text="Shown once; keep it safe.")
    name = serializers.CharField()


class TokenInfo(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    prefix = serializers.CharField()
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)


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


class ExportedWorkout(WorkoutFieldsIn):
    started_at = serializers.DateTimeField()
    duration_s = serializers.IntegerField(allow_null=True)
    title = serializers.CharField(allow_blank=True)
    activity = serializers.ChoiceField(choices=ACTIVITIES)
    fasted = serializers.BooleanField()
    session_rpe = serializers.FloatField(allow_null=True)
    avg_hr = serializers.IntegerField(allow_null=True)
    max_hr = serializers.IntegerField(allow_null=True)
    distance_m = serializers.FloatField(allow_null=True)
    notes = serializers.CharField(allow_blank=True)
    source = serializers.CharField()
    external_id = serializers.CharField(
        help_text='Its own, or "myolog-<id>" for a workout that has none.'
    )


class Export(serializers.Serializer):
    workouts = ExportedWorkout(many=True)


STEP_COMPONENTS = {
    "SetInRequest": SET_SPEC,
    "IntervalInRequest": INTERVAL_SPEC,
}


def postprocess_schema(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """What the serializers cannot say: 0.5 steps, and the errors every operation may answer."""
    schemas = result.get("components", {}).get("schemas", {})
    for component, spec in STEP_COMPONENTS.items():
        for name, rule in spec.items():
            if isinstance(rule, Number) and rule.step and component in schemas:
                schemas[component]["properties"][name]["multipleOf"] = rule.step
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
    return result
