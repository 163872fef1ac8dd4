"""A sync costs a fixed number of queries: new workouts a few per chunk of 100, changed ones
a few each, a replay a few in all; sets never add queries of their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logbook.schema import SET_COLUMNS
from logbook.services import BULK_CHUNK
from tests.factories import SetPayload, WorkoutPayload

pytestmark = pytest.mark.django_db

URL = "/api/v1/sync/workouts/"
# token, batch look-up, exercise names
BASE = 3
# the user's change clock, made by their first write
FIRST_WRITE = 5
# per chunk of new workouts: savepoint, stamps, workouts, entries, sets, intervals, release
PER_CHUNK = 7
# per changed workout: savepoint, duplicate check, stamp, workout, 2 deletes + their look-up,
# entries, sets, intervals, release
PER_UPDATE = 12


def batch(workouts: int, sets: int, tag: str = "q", title: str = "Squat day") -> dict:
    exercises = [
        {"exercise": name, "sets": [SetPayload(reps=r + 1) for r in range(sets)]}
        for name in ("back-squat", "bench-press")
    ]
    return {
        "workouts": [
            WorkoutPayload(
                source="q",
                external_id=f"{tag}-{i}",
                title=title,
                started_at=f"2026-10-{i % 28 + 1:02d}T07:30:00+01:00",
                exercises=exercises,
                intervals=[{"kind": "work", "duration_s": 60}],
            )
            for i in range(workouts)
        ]
    }


def count(api, body) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.post(URL, body, format="json")
    assert response.status_code == 200, response.json()
    return len(queries)


@pytest.fixture
def warm(api):
    """The token's first use writes last_used_at; the first write makes the change clock."""
    api.post(URL, batch(1, 1, tag="warm-up"), format="json")
    return api


def test_sets_add_no_queries(warm):
    assert count(warm, batch(1, 20, tag="many")) == count(warm, batch(1, 1, tag="one"))


# As many workouts (of 2 sets) as keep the sets' INSERT within SQLite's 999 parameters,
# however many columns a set has; PostgreSQL takes the sets by COPY.
MANY = min(40, 999 // (2 * (2 + len(SET_COLUMNS))))


@pytest.mark.parametrize("workouts", [1, MANY])
def test_new_workouts_cost_a_few_queries_per_chunk(api, workouts, django_assert_max_num_queries):
    api.get("/api/v1/me/")
    with django_assert_max_num_queries(BASE + FIRST_WRITE + PER_CHUNK):
        response = api.post(URL, batch(workouts, 1), format="json")
    assert [r["status"] for r in response.json()["results"]] == ["created"] * workouts


def test_a_large_batch_is_inserted_in_chunks(warm, django_assert_max_num_queries):
    with django_assert_max_num_queries(BASE + 2 * PER_CHUNK + 12):  # + SQLite's extra INSERTs
        response = warm.post(URL, batch(BULK_CHUNK + 1, 1), format="json")
    assert len(response.json()["results"]) == BULK_CHUNK + 1


@pytest.mark.parametrize("workouts", [1, 10])
def test_changed_workouts_cost_a_fixed_number_each(warm, workouts, django_assert_max_num_queries):
    warm.post(URL, batch(workouts, 5), format="json")
    with django_assert_max_num_queries(BASE + PER_UPDATE * workouts):
        response = warm.post(URL, batch(workouts, 5, title="changed"), format="json")
    assert {r["status"] for r in response.json()["results"]} == {"updated"}


def test_a_replay_costs_the_same_few_queries_for_any_size(api, django_assert_max_num_queries):
    body = batch(50, 20)
    api.post(URL, body, format="json")
    with django_assert_max_num_queries(2):  # token, batch look-up
        response = api.post(URL, body, format="json")
    assert {r["status"] for r in response.json()["results"]} == {"unchanged"}
