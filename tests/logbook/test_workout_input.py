"""The workout rules as pure functions: every bound, type and format, by field path."""

import pytest

from logbook.common.errors import InvalidInput
from logbook.schema import clean_workout
from tests.factories import ExercisePayload, IntervalPayload, SetPayload, WorkoutPayload


def errors_of(payload) -> dict:
    with pytest.raises(InvalidInput) as caught:
        clean_workout(payload)
    return caught.value.errors


def with_set(**fields) -> dict:
    return WorkoutPayload(exercises=[ExercisePayload(sets=[SetPayload(**fields)])])


def with_interval(**fields) -> dict:
    return WorkoutPayload(exercises=[], intervals=[IntervalPayload(**fields)])


SET_BOUNDS = [
    ("reps", -1),
    ("reps", 1001),
    ("reps", 5.5),
    ("load_kg", -0.5),
    ("load_kg", 1000.5),
    ("rpe", 0.5),
    ("rpe", 10.5),
    ("rpe", 8.3),
    ("rir", -1),
    ("rir", 11),
    ("rest_s", -1),
    ("rest_s", 4 * 3600 + 1),
    ("duration_s", -1),
    ("distance_m", -1),
    ("set_type", "heavy"),
    ("tempo", "slow"),
    ("tempo", "3-1-1"),
    ("reps", "5"),
    ("load_kg", "100"),
    ("reps", True),
    ("eccentric_emphasis", "yes"),
]


@pytest.mark.parametrize(("field", "value"), SET_BOUNDS)
def test_a_bad_set_value_is_named_by_its_path(field, value):
    assert f"exercises.0.sets.0.{field}" in errors_of(with_set(**{field: value}))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reps", 0),
        ("reps", 1000),
        ("load_kg", 0),
        ("load_kg", 1000),
        ("rpe", 1),
        ("rpe", 10),
        ("rpe", 9.5),
        ("rir", 0),
        ("rir", 10),
        ("reps", 5.0),
    ],
)
def test_values_on_the_bounds_are_accepted(field, value):
    data = clean_workout(with_set(**{field: value}))
    assert getattr(data.exercises[0].sets[0], field) == value


WORKOUT_BOUNDS = [
    ("session_rpe", -0.1),
    ("session_rpe", 10.1),
    ("duration_s", 0),
    ("duration_s", 7 * 24 * 3600 + 1),
    ("avg_hr", 29),
    ("max_hr", 251),
    ("activity", "crossfit"),
    ("fasted", "no"),
    ("title", "x" * 201),
    ("external_id", ""),
    ("source", ""),
    ("distance_m", -5),
]


@pytest.mark.parametrize(("field", "value"), WORKOUT_BOUNDS)
def test_a_bad_workout_value_is_named(field, value):
    assert field in errors_of(WorkoutPayload(**{field: value}))


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "sprint"), ("duration_s", 0), ("avg_hr", 300), ("rpe", 11), ("kind", None)],
)
def test_a_bad_interval_value_is_named(field, value):
    assert f"intervals.0.{field}" in errors_of(with_interval(**{field: value}))


@pytest.mark.parametrize(
    "value",
    ["2026-11-16T07:30:00", "2026-11-16", "yesterday", 1731740000, "1969-12-31T23:00:00+00:00"],
)
def test_started_at_needs_an_iso_datetime_with_offset(value):
    assert "started_at" in errors_of(WorkoutPayload(started_at=value))


def test_started_at_keeps_the_offset_it_was_given_in():
    data = clean_workout(WorkoutPayload(started_at="2026-11-16T07:30:00+01:00"))
    assert data.started_at.isoformat() == "2026-11-16T06:30:00+00:00"
    assert data.utc_offset_min == 60


def test_a_workout_needs_exercises_intervals_or_a_duration():
    assert errors_of(WorkoutPayload(exercises=[], duration_s=None))
    assert clean_workout(WorkoutPayload(exercises=[], duration_s=1800)).duration_s == 1800


def test_a_set_needs_something_measured():
    assert "exercises.0.sets.0" in errors_of(with_set(reps=None, load_kg=None))


def test_every_bad_field_is_reported_at_once():
    payload = WorkoutPayload(
        session_rpe=11, exercises=[ExercisePayload(sets=[SetPayload(reps=-1)])]
    )
    assert {"session_rpe", "exercises.0.sets.0.reps"} <= set(errors_of(payload))


def test_more_sets_than_the_limit_are_rejected(settings):
    settings.MAX_SETS_PER_WORKOUT = 500
    many = [ExercisePayload(sets=[SetPayload()] * 100) for _ in range(10)]
    assert "exercises" in errors_of(WorkoutPayload(exercises=many))


def test_an_eccentric_phase_of_three_seconds_marks_eccentric_emphasis():
    slow = clean_workout(with_set(tempo="3-1-1-0")).exercises[0].sets[0]
    quick = clean_workout(with_set(tempo="2-0-X-0")).exercises[0].sets[0]
    assert slow.eccentric_emphasis is True
    assert quick.eccentric_emphasis is False
    assert quick.tempo == "2-0-X-0"


def test_compact_tempo_is_normalized():
    assert clean_workout(with_set(tempo="31x0")).exercises[0].sets[0].tempo == "3-1-X-0"


def test_warmup_shorthand_sets_the_set_type():
    assert clean_workout(with_set(warmup=True)).exercises[0].sets[0].set_type == "warmup"


def test_activity_defaults_from_content():
    assert clean_workout(WorkoutPayload(activity=None)).activity == "strength"
    no_lifts = WorkoutPayload(activity=None, exercises=[], intervals=[IntervalPayload()])
    assert clean_workout(no_lifts).activity == "other"


def test_a_non_object_body_is_rejected():
    assert errors_of([1, 2, 3]) == {"non_field_errors": ["Expected a JSON object."]}


def test_numeric_external_ids_become_strings():
    assert clean_workout(WorkoutPayload(external_id=12345)).external_id == "12345"
