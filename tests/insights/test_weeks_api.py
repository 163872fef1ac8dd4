"""GET /api/v1/weeks/{week}/ and /api/v1/weeks/ as API.md shows them."""

import pytest
from rest_framework.test import APIClient

from insights.services import classify_and_store
from logbook.models import Profile
from tests.factories import (
    ExercisePayload,
    IntervalPayload,
    SetPayload,
    UserFactory,
    bearer,
    make_workout,
)

pytestmark = pytest.mark.django_db

API_KEYS = {
    "week",
    "start",
    "status",
    "sessions",
    "modalities",
    "variety",
    "exerkines_touched",
    "minutes",
    "load",
    "recommendations",
}


def classified(user, **payload):
    workout = make_workout(user, **payload)
    classify_and_store(workout.pk)
    return workout


def test_a_week_reports_what_api_md_lists(api, user):
    squat = ExercisePayload(sets=[SetPayload() for _ in range(4)])  # a strengthening day
    classified(user, started_at="2026-11-16T07:30:00+01:00", exercises=[squat])
    classified(
        user,
        started_at="2026-11-18T18:00:00+01:00",
        exercises=[],
        activity="run",
        intervals=[IntervalPayload(duration_s=60, rpe=9), {"kind": "recovery", "duration_s": 60}]
        * 6,
    )
    body = api.get("/api/v1/weeks/2026-W47/").json()
    assert set(body) >= API_KEYS
    assert (body["week"], body["start"], body["status"], body["sessions"]) == (
        "2026-W47",
        "2026-11-16",
        "ready",
        2,
    )
    assert set(body["modalities"]) == {
        "heavy_resistance",
        "high_volume",
        "hiit",
        "endurance",
        "general",
    }
    assert body["modalities"]["hiit"] == 1
    assert body["variety"]["distinct_modalities"] >= 2
    assert {"moderate", "vigorous", "who_equivalent", "strength_days"} <= set(body["minutes"])
    assert body["minutes"]["strength_days"] == 1
    assert {"weekly", "monotony", "strain", "acwr", "estimated"} <= set(body["load"])
    codes = {r["code"] for r in body["recommendations"]}
    # What is missing for health comes first; no kind of training is pushed as a quota.
    assert codes == {"strength_days", "aerobic_minimum"}
    assert all(r["references"] for r in body["recommendations"])
    assert body["in_progress"] is False
    assert body["exerkine_evidence"]["IL-6"] in {"limited", "moderate"}


def test_current_is_the_week_in_the_users_time_zone(api, user):
    body = api.get("/api/v1/weeks/current/").json()
    assert body["week"].startswith("20")
    assert body["sessions"] == 0


def test_weeks_follow_the_users_time_zone(api, user):
    classified(user, started_at="2026-11-22T23:30:00+00:00")  # Sunday night in UTC
    assert api.get("/api/v1/weeks/2026-W47/").json()["sessions"] == 1
    Profile.objects.filter(user=user).update(time_zone="Pacific/Auckland")  # Monday morning
    assert api.get("/api/v1/weeks/2026-W47/").json()["sessions"] == 0
    assert api.get("/api/v1/weeks/2026-W48/").json()["sessions"] == 1


def test_a_week_with_an_unclassified_session_is_pending(api, user):
    make_workout(user, started_at="2026-11-17T07:00:00+00:00")
    assert api.get("/api/v1/weeks/2026-W47/").json()["status"] == "pending"


@pytest.mark.parametrize("week", ["2026-47", "2026-W54", "W47", "2026-W7", "last"])
def test_a_bad_week_is_a_404_naming_it(api, week):
    response = api.get(f"/api/v1/weeks/{week}/")
    assert response.status_code == 404
    assert "week" in response.json()["errors"]


def test_the_list_goes_back_to_the_first_workout_newest_first(api, user):
    classified(user, started_at="2026-10-05T07:00:00+00:00")  # W41
    page = api.get("/api/v1/weeks/?limit=3").json()
    weeks = [w["week"] for w in page["results"]]
    while page["next"]:
        page = api.get(page["next"]).json()
        weeks += [w["week"] for w in page["results"]]
    assert weeks[-1] == "2026-W41"
    assert weeks == sorted(weeks, reverse=True)
    assert len(weeks) == len(set(weeks))


def test_a_new_user_lists_no_weeks(api):
    assert api.get("/api/v1/weeks/").json() == {"next": None, "results": []}


def test_another_users_sessions_never_count(api, user):
    stranger = UserFactory()
    classified(stranger, started_at="2026-11-17T07:00:00+00:00")
    assert api.get("/api/v1/weeks/2026-W47/").json()["sessions"] == 0
    other = APIClient()
    other.credentials(**bearer(stranger))
    assert other.get("/api/v1/weeks/2026-W47/").json()["sessions"] == 1


def test_the_week_list_costs_a_fixed_number_of_queries(api, user, django_assert_max_num_queries):
    for day in range(1, 28, 3):
        classified(user, started_at=f"2026-10-{day:02d}T07:00:00+00:00")
    api.get("/api/v1/weeks/")
    with django_assert_max_num_queries(6):
        assert len(api.get("/api/v1/weeks/?limit=20").json()["results"]) >= 5
