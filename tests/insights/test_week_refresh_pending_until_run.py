"""A week's refresh is de-duplicated until it has run, not for a few seconds: under a backlog
(a big import queuing thousands of classifications ahead of it) every later change finds the
refresh still pending, so refreshes never pile up; once it starts, the next change schedules
another, and a refresh the broker lost is scheduled again after the pending mark expires."""

import pytest
from django.core.cache.backends import locmem

from insights import tasks
from insights.models import WeeklyReport

pytestmark = pytest.mark.django_db


class Clock:
    """The local-memory cache's clock, moved by the test."""

    def __init__(self) -> None:
        import time

        self.now = time.time()

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(locmem, "time", clock)
    return clock


@pytest.fixture
def queued(monkeypatch) -> list[tuple]:
    """The refreshes sent to the broker, held there (a backlog: none has run)."""
    sent: list[tuple] = []
    monkeypatch.setattr(
        tasks.refresh_weekly_report, "apply_async", lambda args, countdown: sent.append(args)
    )
    return sent


def test_changes_during_an_hour_long_backlog_queue_one_refresh(user, clock, queued):
    for _ in range(60):
        tasks.schedule_week_refresh(user.pk, "2026-W47")
        clock.now += 55  # far past the old 20 s key
    assert queued == [(user.pk, "2026-W47")]


def test_once_the_refresh_starts_the_next_change_queues_another(user, clock, queued):
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    clock.now += 600
    tasks.refresh_weekly_report.run(user.pk, "2026-W47")  # the worker takes it
    assert WeeklyReport.objects.filter(user=user, week="2026-W47").exists()
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    assert queued == [(user.pk, "2026-W47")] * 2


def test_a_refresh_the_broker_lost_is_queued_again_after_the_mark_expires(user, clock, queued):
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    clock.now += tasks.refresh_pending_s() - 1
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    assert len(queued) == 1
    clock.now += 2
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    assert len(queued) == 2
