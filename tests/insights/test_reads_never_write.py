"""Reading a week computes it; it never writes. Only the refresh task stores WeeklyReport
rows, so a reader cannot create rows without bound, and a week no workout can be in is a
404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from insights.models import WeeklyReport
from insights.weekly import iso_week, shift_week
from tests.factories import make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def far_future() -> str:
    from zoneinfo import ZoneInfo

    return shift_week(iso_week(timezone.now() + timedelta(days=366), ZoneInfo("UTC")), 2)


def test_reading_weeks_over_the_api_stores_nothing(api, user):
    make_workout(user, started_at="2026-11-17T07:00:00+00:00")
    for week in ("2026-W47", "2026-W01", "1999-W10", "current"):
        assert api.get(f"/api/v1/weeks/{week}/").status_code == 200
    assert api.get("/api/v1/weeks/?limit=30").status_code == 200
    assert not WeeklyReport.objects.exists()


def test_the_week_pages_and_the_dashboard_store_nothing(browser, user):
    make_workout(user, started_at="2026-11-17T07:00:00+00:00")
    for url in ("/week/2026-W47/", "/week/", "/week/2026-W47/email/", "/"):
        assert browser.get(url).status_code == 200, url
    assert not WeeklyReport.objects.exists()


@pytest.mark.parametrize("week", [far_future(), "1969-W52", "9999-W99"])
def test_a_week_no_workout_can_be_in_is_a_404_and_no_row(api, browser, week):
    response = api.get(f"/api/v1/weeks/{week}/")
    assert response.status_code == 404
    assert "week" in response.json()["errors"]
    assert browser.get(f"/week/{week}/").status_code == 404
    assert not WeeklyReport.objects.exists()


def test_the_latest_week_a_workout_may_start_in_is_readable(api):
    from zoneinfo import ZoneInfo

    latest = iso_week(timezone.now() + timedelta(days=366), ZoneInfo("UTC"))
    assert api.get(f"/api/v1/weeks/{latest}/").status_code == 200
