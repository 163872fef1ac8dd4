"""The workouts list costs the same number of queries however many workouts and sets."""

import pytest

from tests.factories import ExercisePayload, IntervalPayload, SetPayload, make_workout

pytestmark = pytest.mark.django_db

# token lookup, workouts, entries + exercises, sets, intervals
MAX_QUERIES = 6


def fill(user, workouts: int) -> None:
    for _ in range(workouts):
        make_workout(
            user,
            exercises=[
                ExercisePayload(exercise=slug, sets=[SetPayload()] * 5)
                for slug in ("back-squat", "deadlift", "My Curl")
            ],
            intervals=[IntervalPayload()] * 3,
        )


@pytest.mark.parametrize("workouts", [1, 30])
def test_list_queries_do_not_grow_with_the_data(api, user, workouts, django_assert_max_num_queries):
    fill(user, workouts)
    api.get("/api/v1/workouts/")  # token's last_used_at is written once, on first use
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get("/api/v1/workouts/?limit=500")
    assert len(response.json()["results"]) == workouts


def test_a_sync_page_is_as_cheap(api, user, django_assert_max_num_queries):
    fill(user, 20)
    api.get("/api/v1/workouts/")
    with django_assert_max_num_queries(MAX_QUERIES):
        response = api.get("/api/v1/workouts/?updated_since=2000-01-01T00:00:00Z&include_deleted=1")
    assert len(response.json()["results"]) == 20


def test_the_exercise_list_is_constant_too(api, django_assert_max_num_queries):
    api.get("/api/v1/exercises/")
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/exercises/?limit=500")
    assert len(response.json()["results"]) >= 150
