"""The hourly run finds who is due by an indexed column, next_weekly_email_at, and claims
each user with an optimistic update: two runs never queue the same email twice."""

from datetime import UTC, datetime

import pytest

from insights.weekly_email import claim_due_recipients, due_recipients
from logbook import services
from logbook.models import Profile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TUESDAY = datetime(2026, 11, 24, 10, tzinfo=UTC)  # the defaults (Monday 08:00) are due for W47


def test_a_claim_is_made_once_and_moves_the_next_moment_to_the_next_week():
    user = UserFactory()
    assert [(r.user_id, r.week) for r in claim_due_recipients(TUESDAY)] == [(user.pk, "2026-W47")]
    assert claim_due_recipients(TUESDAY) == []  # a second beat, a retried task
    profile = Profile.objects.get(user=user)
    assert profile.next_weekly_email_at == datetime(2026, 11, 30, 8, tzinfo=UTC)


def test_who_is_due_is_read_by_the_column_not_by_scanning_everyone():
    later = UserFactory()
    Profile.objects.filter(user=later).update(
        next_weekly_email_at=datetime(2026, 11, 30, 8, tzinfo=UTC)
    )
    assert due_recipients(TUESDAY) == []
    assert claim_due_recipients(TUESDAY) == []


def test_a_change_of_schedule_through_the_service_is_worked_out_anew():
    user = UserFactory()
    claim_due_recipients(TUESDAY)
    services.update_profile(user, {"time_zone": "Pacific/Auckland"})
    assert Profile.objects.get(user=user).next_weekly_email_at is None
    services.update_profile(user, {"units": "lb"})  # not the schedule: nothing moves
    assert Profile.objects.get(user=user).next_weekly_email_at is None
    claim_due_recipients(TUESDAY)  # W47 is due again in the new zone; the row says if sent
    assert Profile.objects.get(user=user).next_weekly_email_at is not None


def test_someone_not_yet_due_is_told_when():
    user = UserFactory()
    monday_early = datetime(2026, 11, 23, 7, tzinfo=UTC)
    assert claim_due_recipients(monday_early) == []
    expected = datetime(2026, 11, 23, 8, tzinfo=UTC)
    assert Profile.objects.get(user=user).next_weekly_email_at == expected
