"""The weekly summary over real SMTP: well-formed, once per user and week, unsubscribable."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from insights.models import WeeklyEmail
from insights.weekly_email import send_weekly_email
from logbook.models import Profile
from tests.factories import UserFactory, make_workout

pytestmark = pytest.mark.django_db

WEEK = "2026-W44"  # Monday 26 October – Sunday 1 November 2026


def lifter(**profile):
    user = UserFactory()
    Profile.objects.filter(user=user).update(**profile)
    make_workout(user, started_at="2026-10-27T07:00:00+00:00")
    make_workout(
        user,
        started_at="2026-10-29T18:00:00+00:00",
        exercises=[],
        activity="run",
        duration_s=2700,
        session_rpe=4,
    )
    return user


def test_one_well_formed_email_per_opted_in_user_and_none_on_a_second_run(inbox):
    ada, bea = lifter(), lifter()
    lifter(weekly_email_enabled=False)
    call_command("send_weekly_summaries", "--week", WEEK)
    assert sorted(m["To"] for m in inbox.messages) == sorted([ada.email, bea.email])
    call_command("send_weekly_summaries", "--week", WEEK)
    assert len(inbox.messages) == 2

    message = next(m for m in inbox.messages if m["To"] == ada.email)
    assert message["Subject"].startswith("Your training week")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "2 sessions" in text
    assert "2 sessions" in html
    assert "<script" not in html.lower()
    assert 'style="' in html  # inline CSS, no stylesheet for mail clients to drop
    assert "Educational, not medical advice." in text
    assert message["Message-ID"] == f"<weekly-{ada.pk}-{WEEK}@127.0.0.1>"


def test_the_one_click_unsubscribe_header_works(inbox):
    ada = lifter()
    call_command("send_weekly_summaries", "--week", WEEK)
    message = inbox.messages[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(
        r"<(http://127\.0\.0\.1:8000(/email/unsubscribe/[^>]+))>",
        message["List-Unsubscribe"].strip(),
    )
    assert url, message["List-Unsubscribe"]
    html = message.get_body(preferencelist=("html",)).get_content()
    assert url.group(1) in html
    # RFC 8058: the mail client POSTs this body, with no cookies and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url.group(2), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Profile.objects.get(user=ada).weekly_email_enabled is False


def test_a_week_without_sessions_gets_a_short_nudge_unless_nudges_are_off(inbox):
    quiet = UserFactory()
    no_nudges = UserFactory()
    Profile.objects.filter(user=no_nudges).update(weekly_email_nudges=False)
    call_command("send_weekly_summaries", "--week", WEEK)
    assert [m["To"] for m in inbox.messages] == [quiet.email]
    assert inbox.messages[0]["Subject"].startswith("No sessions logged")
    assert WeeklyEmail.objects.get(user=no_nudges).status == WeeklyEmail.SKIPPED


def test_an_smtp_failure_is_retried_and_delivers_once(inbox):
    ada = lifter()
    inbox.refuse_next = 1
    call_command("send_weekly_summaries", "--week", WEEK)
    assert inbox.messages == []
    assert WeeklyEmail.objects.get(user=ada).status == WeeklyEmail.FAILED
    call_command("send_weekly_summaries", "--week", WEEK)
    call_command("send_weekly_summaries", "--week", WEEK)
    assert len(inbox.messages) == 1
    row = WeeklyEmail.objects.get(user=ada)
    assert (row.status, row.attempts) == (WeeklyEmail.SENT, 2)


def test_duplicate_send_tasks_give_one_email(inbox):
    ada = lifter()
    outcomes = [send_weekly_email(ada.pk, WEEK) for _ in range(3)]
    assert outcomes == ["sent", "already_sent", "already_sent"]
    assert len(inbox.messages) == 1


def test_a_send_claimed_by_another_worker_is_left_alone(inbox):
    ada = lifter()
    WeeklyEmail.objects.create(
        user=ada, week=WEEK, status=WeeklyEmail.SENDING, claimed_at=timezone.now()
    )
    assert send_weekly_email(ada.pk, WEEK) == "in_progress"
    assert inbox.messages == []


def test_dry_run_sends_nothing(inbox, capsys):
    ada = lifter()
    call_command("send_weekly_summaries", "--week", WEEK, "--dry-run")
    assert f"would send {WEEK} to {ada.username}" in capsys.readouterr().out
    assert inbox.messages == []
    assert not WeeklyEmail.objects.exists()


def test_user_option_limits_the_send(inbox):
    ada, _ = lifter(), lifter()
    call_command("send_weekly_summaries", "--week", WEEK, "--user", ada.username)
    assert [m["To"] for m in inbox.messages] == [ada.email]


def test_a_bad_week_is_refused():
    with pytest.raises(CommandError, match="ISO week"):
        call_command("send_weekly_summaries", "--week", "2026-47")
