"""Who the hourly task sends to: the chosen local day and hour, in each user's time zone."""

from datetime import UTC, datetime

import pytest

from insights.models import WeeklyEmail
from insights.tasks import send_due_weekly_emails
from insights.weekly_email import due_recipients, is_due
from logbook.models import Profile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def profile(time_zone="UTC", day=1, hour=8, **extra) -> Profile:
    user = UserFactory()
    Profile.objects.filter(user=user).update(
        time_zone=time_zone, weekly_email_day=day, weekly_email_hour=hour, **extra
    )
    return Profile.objects.get(user=user)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        ("2026-11-23T07:59:00+00:00", None),  # Monday 07:59: not yet
        ("2026-11-23T08:00:00+00:00", "2026-W47"),  # Monday 08:00: the week just ended
        ("2026-11-26T15:00:00+00:00", "2026-W47"),  # still due later in the week if missed
    ],
)
def test_the_default_is_monday_8_local_for_the_last_completed_week(now, due):
    assert is_due(profile(), at(now)) == due


def test_each_user_is_due_at_their_own_local_hour():
    auckland = profile("Pacific/Auckland")  # UTC+13 in November
    honolulu = profile("Pacific/Honolulu")  # UTC−10
    sunday_evening_utc = at("2026-11-22T19:00:00+00:00")  # Monday 08:00 in Auckland
    assert is_due(auckland, sunday_evening_utc) == "2026-W47"
    # Still Sunday 09:00 in Honolulu: W47 isn't over there, so the latest due week is W46.
    assert is_due(honolulu, sunday_evening_utc) == "2026-W46"
    assert is_due(honolulu, at("2026-11-23T18:00:00+00:00")) == "2026-W47"


def test_a_chosen_day_and_hour_are_respected():
    sunday_night = profile("Europe/Berlin", day=7, hour=20)
    assert is_due(sunday_night, at("2026-11-29T18:59:00+00:00")) is None
    assert is_due(sunday_night, at("2026-11-29T19:00:00+00:00")) == "2026-W47"


def test_opted_out_users_users_without_email_and_sent_weeks_are_not_due():
    wants = profile()
    profile(weekly_email_enabled=False)
    no_email = profile()
    no_email.user.email = ""
    no_email.user.save()
    sent = profile()
    WeeklyEmail.objects.create(user=sent.user, week="2026-W47", status=WeeklyEmail.SENT)
    due = due_recipients(at("2026-11-23T09:00:00+00:00"))
    assert [(r.user_id, r.week) for r in due] == [(wants.user_id, "2026-W47")]


def test_the_hourly_task_sends_to_whoever_is_due(inbox, time_machine_now):
    profile()
    assert send_due_weekly_emails.apply().get() == 1
    assert len(inbox.messages) == 1
    assert send_due_weekly_emails.apply().get() == 0
    assert len(inbox.messages) == 1


@pytest.fixture
def time_machine_now(monkeypatch):
    """Tuesday 24 November 2026, 10:00 UTC: everyone with the defaults is due for W47."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: at("2026-11-24T10:00:00+00:00"))
