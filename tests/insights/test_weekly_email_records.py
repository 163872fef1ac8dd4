"""The weekly email celebrates the records its week broke, in both parts and the user's
units, each linked; records of other weeks and first sessions are left out."""

import pytest

from insights.weekly_email import send_weekly_email
from logbook.models import Profile
from tests.factories import ExercisePayload, SetPayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db

WEEK = "2026-W44"  # Monday 26 October – Sunday 1 November 2026


def squat(user, day: str, load_kg: float, reps: int = 5, exercise: str = "back-squat"):
    return make_workout(
        user,
        started_at=f"2026-{day}T07:00:00+00:00",
        exercises=[
            ExercisePayload(
                exercise=exercise, sets=[SetPayload(reps=reps, load_kg=load_kg, rpe=None)]
            )
        ],
    )


def parts(message) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_the_weeks_records_are_in_the_text_and_html_parts(inbox):
    ada = UserFactory()
    squat(ada, "10-19", 100.0)  # the week before: sets the standard
    squat(ada, "10-20", 120.0, exercise="deadlift")  # a first deadlift: no record
    best = squat(ada, "10-28", 110.0, reps=6)
    assert send_weekly_email(ada.pk, WEEK) == "sent"
    text, html = parts(inbox.messages[0])

    assert "New records this week:" in text
    assert "- Back Squat, Wed 28 Oct" in text
    assert "    Best weight for 1–5 reps: 110 kg (6 × 110, was 100)" in text
    assert "    Most reps in a set: 6 (was 5)" in text
    assert "http://127.0.0.1:8000/records/" in text
    assert "Deadlift" not in text

    assert "New records this week</h2>" in html
    assert f'href="http://127.0.0.1:8000/workouts/{best.pk}/"' in html
    assert 'href="http://127.0.0.1:8000/exercises/' in html
    assert "<li data-plain>Best weight for 1–5 reps: 110 kg (6 × 110, was 100)</li>" in html
    assert "Deadlift" not in html


def test_records_of_another_week_are_not_this_weeks(inbox):
    ada = UserFactory()
    squat(ada, "10-19", 100.0)
    squat(ada, "10-21", 105.0)  # a record, but in W43
    squat(ada, "10-28", 100.0)  # W44: no better than the best
    send_weekly_email(ada.pk, WEEK)
    text, html = parts(inbox.messages[0])
    assert "1 session" in text
    assert "New records this week" not in text
    assert "New records this week" not in html


def test_the_records_are_in_pounds_for_a_user_in_pounds(inbox):
    bea = UserFactory()
    Profile.objects.filter(user=bea).update(units="lb")
    squat(bea, "10-19", 100.0)
    squat(bea, "10-27", 102.0583)  # 225 lb
    send_weekly_email(bea.pk, WEEK)
    text, html = parts(inbox.messages[0])
    assert "Heaviest set: 225 lb (was 220.5)" in text
    assert "Heaviest set: 225 lb (was 220.5)" in html


def test_another_users_records_never_appear(inbox):
    ada, bea = UserFactory(), UserFactory()
    squat(bea, "10-19", 100.0, exercise="deadlift")
    squat(bea, "10-27", 150.0, exercise="deadlift")
    squat(ada, "10-27", 90.0)
    send_weekly_email(ada.pk, WEEK)
    text, html = parts(inbox.messages[0])
    assert "New records this week" not in text
    assert "Deadlift" not in text + html
