"""POST and PUT answer with the workout built from what they wrote, not read back; the bytes
must equal a later GET's for any valid workout, and a create costs a fixed number of queries."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ExercisePayload, SetPayload, WorkoutPayload

pytestmark = pytest.mark.django_db

# catalog slug, catalog alias, a custom name written two ways, an unusual custom name
NAMES = ["back-squat", "Squat (Barbell)", "Zercher Carry", "  zercher   carry ", "Ünïcode row"]

maybe = st.none().__or__
halves = st.integers(2, 20).map(lambda n: n / 2)
sets = st.fixed_dictionaries(
    {"reps": st.integers(0, 30)},
    optional={
        "load_kg": st.one_of(st.integers(0, 400), st.floats(0, 400, allow_nan=False)),
        "rpe": halves,
        "rest_s": maybe(st.integers(0, 600)),
        "tempo": st.sampled_from(["", "3-1-1-0", "31X0", "5-0-1-0"]),
        "set_type": st.sampled_from(["normal", "warmup", "dropset", "failure"]),
        "duration_s": st.integers(0, 600),
        "distance_m": st.floats(0, 5000, allow_nan=False),
        "eccentric_emphasis": st.booleans(),
    },
)
exercises = st.lists(
    st.fixed_dictionaries(
        {"exercise": st.sampled_from(NAMES), "sets": st.lists(sets, min_size=1, max_size=4)},
        optional={"superset": maybe(st.integers(0, 3))},
    ),
    max_size=4,
)
intervals = st.lists(
    st.fixed_dictionaries(
        {"kind": st.sampled_from(["work", "recovery"]), "duration_s": st.integers(1, 900)},
        optional={
            "avg_hr": st.integers(60, 200),
            "max_hr": st.integers(60, 220),
            "rpe": halves,
            "distance_m": st.floats(0, 2000, allow_nan=False),
        },
    ),
    max_size=4,
)
workouts = st.fixed_dictionaries(
    {
        "started_at": st.sampled_from(
            [
                "2026-11-16T07:30:00+01:00",
                "2026-03-29T01:59:59.123456Z",
                "2026-06-01T23:45:00+05:45",
                "2026-01-01T00:00:00-09:30",
            ]
        ),
        "exercises": exercises,
        "intervals": intervals,
        "duration_s": st.integers(60, 7200),
    },
    optional={
        "title": st.text(max_size=20).filter(lambda t: "\x00" not in t),
        "activity": st.sampled_from(["strength", "run", "hiit", "other"]),
        "fasted": st.booleans(),
        "session_rpe": halves,
        "avg_hr": st.integers(60, 200),
        "distance_m": st.floats(0, 50_000, allow_nan=False),
        "notes": st.just("Felt strong."),
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=workouts, second=workouts)
def test_post_and_put_bodies_are_byte_for_byte_what_get_returns(api, first, second):
    created = api.post("/api/v1/workouts/", first, format="json")
    assert created.status_code == 201, created.json()
    url = f"/api/v1/workouts/{created.json()['id']}/"
    assert created.content == api.get(url).content

    replaced = api.put(url, second, format="json")
    assert replaced.status_code == 200, replaced.json()
    assert replaced.content == api.get(url).content


def test_a_whole_number_load_comes_back_as_the_float_a_get_gives(api):
    payload = WorkoutPayload(exercises=[ExercisePayload(sets=[SetPayload(load_kg=100)])])
    body = api.post("/api/v1/workouts/", payload, format="json").content
    assert b'"load_kg":100.0' in body


def test_a_create_costs_the_same_queries_however_many_sets(api, django_assert_max_num_queries):
    api.get("/api/v1/me/")  # the token's last_used_at is written once, on first use
    many = [ExercisePayload(exercise=e, sets=[SetPayload()] * 10) for e in NAMES[:4]]
    api.post("/api/v1/workouts/", WorkoutPayload(exercises=many), format="json")  # makes own
    # token, BEGIN, change clock, workout, entries, sets, COMMIT; catalog names come from the
    # process's copy, the user's own exercises cost one look-up
    for payload, queries in ((WorkoutPayload(), 7), (WorkoutPayload(exercises=many), 8)):
        with django_assert_max_num_queries(queries):
            response = api.post("/api/v1/workouts/", payload, format="json")
        assert response.status_code == 201
