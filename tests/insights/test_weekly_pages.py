"""The weekly report page (the email's twin), the email preview, and the signed email links."""

import pytest

from insights.services import classify_and_store
from insights.weekly_email import email_token
from logbook.models import Profile
from tests.factories import make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_week_page_needs_a_login(client):
    response = client.get("/week/2026-W47/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_week_page_shows_the_same_report_as_the_email(signed_in, user):
    classify_and_store(make_workout(user, started_at="2026-11-17T07:00:00+00:00").pk)
    page = signed_in.get("/week/2026-W47/").content.decode()
    preview = signed_in.get("/week/2026-W47/email/").content.decode()
    for text in (
        "1 session",
        "Heavy lifting",
        "of 150 aerobic minutes",
        "Muscle-strengthening days",
    ):
        assert text in page
        assert text in preview
    assert "<script" not in preview.lower()


def test_the_current_week_page_and_navigation(signed_in):
    response = signed_in.get("/week/")
    assert response.status_code == 200
    assert "This week" in response.content.decode()
    assert signed_in.get("/week/not-a-week/").status_code == 404


def test_opening_the_unsubscribe_link_only_asks(client, user):
    token = email_token(user)
    response = client.get(f"/email/unsubscribe/{token}/")
    assert response.status_code == 200
    assert Profile.objects.get(user=user).weekly_email_enabled is True
    client.post(f"/email/unsubscribe/{token}/")
    assert Profile.objects.get(user=user).weekly_email_enabled is False


def test_a_tampered_link_does_nothing(client, user):
    token = email_token(user)[:-2] + "xx"
    assert client.post(f"/email/unsubscribe/{token}/").status_code == 404
    assert client.get(f"/email/preferences/{token}/").status_code == 404
    assert Profile.objects.get(user=user).weekly_email_enabled is True


def test_the_preferences_page_changes_day_hour_and_nudges(client, user):
    url = f"/email/preferences/{email_token(user)}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"enabled": "on", "day": "5", "hour": "18"})
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.weekly_email_day, profile.weekly_email_hour) == (5, 18)
    assert profile.weekly_email_nudges is False


def test_bad_preferences_are_refused(client, user):
    url = f"/email/preferences/{email_token(user)}/"
    response = client.post(url, {"enabled": "on", "day": "9", "hour": "18"})
    assert response.status_code == 200
    assert "weekly_email.day" in response.content.decode()
    assert Profile.objects.get(user=user).weekly_email_day == 1
