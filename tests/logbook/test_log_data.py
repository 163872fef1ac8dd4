"""The live logger's data (`/log/data/`): what it needs to work offline, only the user's own,
in a fixed number of queries however long the history."""

import pytest
from django.test import Client

from logbook import services
from logbook.schema import SetIn, clean_routine, rule_of
from tests.factories import ExercisePayload, SetPayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db

DATA = "/log/data/"


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def test_signed_out_it_answers_403_in_json_not_a_login_page(client):
    response = client.get(DATA)
    assert response.status_code == 403
    assert response.json()["errors"]["detail"]


def test_it_carries_the_user_the_limits_and_a_csrf_token(browser, user):
    data = browser.get(DATA).json()
    assert data["user"] == {"id": user.pk, "username": user.username, "units": "kg"}
    assert data["limits"]["set"]["load_kg"]["max"] == rule_of(SetIn, "load_kg").maximum
    assert data["limits"]["set"]["reps"]["integer"] is True
    assert len(data["csrf_token"]) >= 32
    assert data["routines"] == []
    assert data["urls"]["workouts"] == "/api/v1/workouts/"


def test_last_time_is_the_latest_session_and_best_is_the_heaviest_working_set(browser, user):
    make_workout(
        user,
        started_at="2026-10-01T07:30:00+01:00",
        exercises=[
            ExercisePayload(
                sets=[
                    SetPayload(load_kg=150, reps=1, set_type="warmup"),
                    SetPayload(load_kg=120, reps=3),
                ]
            )
        ],
    )
    make_workout(
        user,
        started_at="2026-10-08T07:30:00+01:00",
        exercises=[
            ExercisePayload(
                sets=[SetPayload(load_kg=100, reps=5, rest_s=r) for r in (170, 180, 240)]
            )
        ],
    )
    squat = browser.get(DATA).json()["history"]["back-squat"]
    assert squat["last"]["date"].startswith("2026-10-08")
    assert [s["load_kg"] for s in squat["last"]["sets"]] == [100, 100, 100]
    assert (squat["best"]["load_kg"], squat["best"]["reps"]) == (
        120,
        3,
    )  # the warm-up does not count
    assert squat["rest_s"] == 180


def test_custom_exercises_are_keyed_by_name_and_searchable(browser, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Zercher Carry", sets=[SetPayload()])])
    data = browser.get(DATA).json()
    assert "Zercher Carry" in data["history"]
    mine = [e for e in data["exercises"] if e["custom"]]
    assert [e["exercise"] for e in mine] == ["Zercher Carry"]
    catalog = {e["exercise"] for e in data["exercises"] if not e["custom"]}
    assert {"back-squat", "bench-press", "plank"} <= catalog


def test_recent_workouts_to_repeat_are_the_latest_with_sets_or_intervals(browser, user):
    make_workout(user, title="Squat day", started_at="2026-10-01T07:30:00+01:00")
    make_workout(
        user, title="Easy run", activity="run", exercises=[], started_at="2026-10-02T07:30:00+01:00"
    )
    recent = browser.get(DATA).json()["recent"]
    assert [w["title"] for w in recent] == ["Squat day"]
    assert recent[0]["exercises"][0]["exercise"] == "back-squat"


def test_another_users_history_and_exercises_never_show(browser, user):
    other = UserFactory()
    make_workout(other, title="Theirs", exercises=[ExercisePayload(exercise="Secret Lift")])
    data = browser.get(DATA).json()
    assert data["history"] == {}
    assert data["recent"] == []
    assert not [e for e in data["exercises"] if e["custom"]]


@pytest.mark.parametrize("workouts", [1, 25])
def test_queries_do_not_grow_with_the_history(
    browser, user, workouts, django_assert_max_num_queries
):
    for i in range(workouts):
        make_workout(
            user,
            started_at=f"2026-09-{1 + i % 28:02d}T07:30:00+01:00",
            exercises=[
                ExercisePayload(exercise=slug, sets=[SetPayload()] * 4)
                for slug in ("back-squat", "deadlift", f"Custom {i}")
            ],
        )
        services.save_routine(
            user,
            clean_routine(
                {"name": f"R{i}", "exercises": [{"exercise": "back-squat", "reps_min": 5}]}
            ),
        )
    browser.get(DATA)
    # session, user, profile, own exercises, last entries, their sets, best sets, recent
    # workouts (+ their sets, entries, intervals), routines (+ their exercises, the last
    # entries of those and their sets), and the catalog kept in the process
    with django_assert_max_num_queries(15):
        response = browser.get(DATA)
    assert len(response.json()["history"]) == 2 + workouts


def test_data_is_never_cached():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert "no-store" in client.get(DATA)["Cache-Control"]
