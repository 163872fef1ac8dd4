"""Duplicate weekly sends: the hourly task fired by two beats and the same send queued over
and over, consumed by two workers at once. The database decides: one email per user and week."""

import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.support import redis_client, send_task, sql, wait_until, workout

pytestmark = pytest.mark.integration

USERS = 4
COPIES = 4  # each send queued this many times
OUTCOME = r"send_weekly_email\[[\w-]+\] succeeded in [\d.]+s: '(\w+)'"


def test_duplicate_tasks_on_two_workers_send_one_email_per_user_and_week(
    stack, inbox, database, redis_url
):
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    monday = today - timedelta(days=today.weekday() + 7)  # of the last completed week
    year, number, _ = monday.isocalendar()
    week = f"{year}-W{number:02d}"
    names = [f"dup-{i}" for i in range(USERS)]
    session = (monday + timedelta(days=2, hours=7)).isoformat()
    # Due now: Monday 00:00 of this week has passed in UTC.
    due = {"weekly_email_day": 1, "weekly_email_hour": 0}
    ids = stack.create_users(
        [{"username": n, "email": f"{n}@example.com", "profile": due} for n in names],
        # One without sessions gets the short nudge instead of the summary: still one email.
        workouts={n: [workout(session)] for n in names[1:]},
    )
    # Both workers ready first: one started alone could drain the queue before the other.
    workers = [stack.start_worker(f"worker-{i}") for i in (1, 2)]
    for _ in range(2):  # what two beats would each send on the hour
        send_task(redis_url, "insights.tasks.send_due_weekly_emails")
    for user_id in ids.values():  # copies side by side, so that workers take them together
        for _ in range(COPIES):
            send_task(redis_url, "insights.tasks.send_weekly_email", user_id, week)
    mine = {f"{n}@example.com" for n in names}

    def settled() -> bool:
        statuses = sql(
            database.url,
            "SELECT status FROM insights_weeklyemail WHERE week = %s AND user_id = ANY(%s)",
            (week, list(ids.values())),
        )
        return (
            statuses == [("sent",)] * USERS
            and len({m["To"] for m in inbox.messages} & mine) == USERS
            and all(queue_empty(redis_url))
        )

    wait_until(settled, 60, lambda: "\n".join(w.tail() for w in workers), 0.2)
    for w in workers:
        assert w.alive(), w.tail()

    per_user = Counter(m["To"] for m in inbox.messages if m["To"] in mine)
    assert per_user == dict.fromkeys(mine, 1)
    # Nobody else got two either (other tests' users may be due too).
    assert max(Counter(m["To"] for m in inbox.messages).values()) == 1
    assert len({m["Message-ID"] for m in inbox.messages}) == len(inbox.messages)
    attempts = sql(
        database.url,
        "SELECT attempts FROM insights_weeklyemail WHERE week = %s AND user_id = ANY(%s)",
        (week, list(ids.values())),
    )
    assert attempts == [(1,)] * USERS  # one claim each; every duplicate saw it taken

    # Both workers worked, and they turned duplicates away rather than sending them.
    outcomes = Counter(
        outcome
        for w in workers
        for outcome in re.findall(
            r"send_weekly_email\[[\w-]+\] succeeded in [\d.]+s: '(\w+)'", w.output()
        )
    )
    assert outcomes["sent"] == len(inbox.messages)
    assert outcomes["already_sent"] + outcomes["in_progress"] >= USERS * (COPIES - 1)
    assert all("succeeded" in w.output() for w in workers)


def queue_empty(redis_url: str) -> tuple[bool, bool]:
    broker = redis_client(redis_url)
    queued = sum(broker.llen(q) for q in ("celery", "emails", "classification", "weeks"))
    return queued == 0, broker.hlen("unacked") == 0
