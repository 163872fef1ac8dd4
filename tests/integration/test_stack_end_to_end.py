"""The production processes on real services, end to end: gunicorn, a Celery worker through
Redis, beat, PostgreSQL, and the weekly email over SMTP."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.support import PASSWORD, sql, wait_until

pytestmark = pytest.mark.integration


def last_week() -> tuple[str, datetime]:
    """The last completed ISO week (UTC, the users' default zone) and its Monday."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    monday = today - timedelta(days=today.weekday() + 7)
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}", monday


def at(monday: datetime, days: int, hour: int) -> str:
    return (monday + timedelta(days=days, hours=hour)).isoformat()


def sessions(monday: datetime) -> dict[str, dict]:
    """Three kinds of session, keyed by the modality the classifier should see first."""
    return {
        "heavy_resistance": {
            "started_at": at(monday, 1, 7),
            "duration_s": 3600,
            "title": "Squat day",
            "activity": "strength",
            "session_rpe": 8,
            "exercises": [
                {
                    "exercise": "back-squat",
                    "sets": [{"reps": 3, "load_kg": 150, "rpe": 9, "rest_s": 240}] * 5,
                }
            ],
        },
        "endurance": {
            "started_at": at(monday, 3, 18),
            "duration_s": 3000,
            "title": "Easy run",
            "activity": "run",
            "distance_m": 8500,
            "avg_hr": 142,
            "session_rpe": 4,
        },
        "hiit": {
            "started_at": at(monday, 5, 9),
            "duration_s": 1500,
            "title": "Intervals",
            "activity": "hiit",
            "session_rpe": 9,
            "intervals": [
                {"kind": "work", "duration_s": 30, "avg_hr": 175, "rpe": 9},
                {"kind": "recovery", "duration_s": 90},
            ]
            * 8,
        },
    }


def test_workouts_become_insights_a_week_report_and_one_weekly_email(stack, inbox, database):
    week, monday = last_week()
    web = stack.start_web(wait=False)
    beat = stack.start_beat(wait=False)
    stack.manage(
        "createsuperuser",
        "--noinput",
        DJANGO_SUPERUSER_USERNAME="ada-e2e",
        DJANGO_SUPERUSER_EMAIL="ada-e2e@example.com",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    stack.wait_healthy(web)
    health = stack.http.get("/healthz").json()
    assert health == {"status": "ok", "database": "ok", "broker": "ok"}

    api = stack.http.with_token(stack.http.token_for("ada-e2e"))
    ids = {}
    for expected, payload in sessions(monday).items():
        reply = api.post("/api/v1/workouts/", payload)
        assert reply.status == 201, reply.text
        ids[expected] = reply.json()["id"]
    # No worker yet: the insights wait in the broker.
    for workout_id in ids.values():
        assert api.get(f"/api/v1/workouts/{workout_id}/insight/").json()["status"] == "pending"

    stack.start_worker()

    def insight(workout_id: int) -> dict | None:
        body = api.get(f"/api/v1/workouts/{workout_id}/insight/").json()
        return body if body["status"] == "ready" else None

    for expected, workout_id in ids.items():
        body = wait_until(lambda i=workout_id: insight(i), 30, f"insight of {expected}", 0.2)
        assert body["primary"] == expected, body["rationale"]
        assert body["exerkines"], body
        assert all(note["references"] for note in body["exerkines"])

    def report() -> dict | None:
        body = api.get(f"/api/v1/weeks/{week}/").json()
        return body if body["status"] == "ready" and body["sessions"] == 3 else None

    body = wait_until(report, 30, f"the report of {week}", 0.2)
    assert {m for m, n in body["modalities"].items() if n} == set(ids)
    assert body["variety"]["distinct_modalities"] == 3

    # The weekly summary, through the management command with the production settings.
    out = stack.manage("send_weekly_summaries", "--week", week)
    mine = [m for m in inbox.messages if m["To"] == "ada-e2e@example.com"]
    assert len(mine) == 1, out
    message = mine[0]
    assert message["Subject"].startswith("Your training week")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "3 sessions" in text
    assert "3 sessions" in html
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(
        rf"<{re.escape(stack.url)}(/email/unsubscribe/[^>]+)>",
        message["List-Unsubscribe"].strip(),
    )
    assert unsubscribe, message["List-Unsubscribe"]
    assert message["Message-ID"].startswith("<weekly-")

    # Again: nobody gets a second email for the same week.
    received = len(inbox.messages)
    out = stack.manage("send_weekly_summaries", "--week", week)
    assert len(inbox.messages) == received, out
    assert "already_sent" in out

    # The one-click unsubscribe works over HTTP, with no session and no CSRF token (RFC 8058).
    reply = stack.http.request(
        "POST",
        unsubscribe.group(1),
        raw=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert reply.status == 200
    enabled = sql(
        database.url,
        "SELECT p.weekly_email_enabled FROM logbook_profile p JOIN auth_user u"
        " ON u.id = p.user_id WHERE u.username = 'ada-e2e'",
    )
    assert enabled == [(False,)]
    assert beat.alive(), beat.tail()
    beat.wait_for_output(r"beat: Starting", 10)
