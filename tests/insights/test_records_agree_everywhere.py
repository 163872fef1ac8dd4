"""A workout's records (its page, the flash on a web save) and a week's (the weekly email's
"New records this week") are the records page's: the first are worked out from the sessions up
to the workout, the records page's from the whole history kept under the change clock, and a
session's records depend only on the sessions before it."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from insights import selectors
from insights.weekly import iso_week, shift_week, week_bounds
from logbook.models import Exercise
from tests.factories import ExercisePayload, SetPayload, make_workout

pytestmark = pytest.mark.django_db

START = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)


def history(user, days: int = 60) -> list:
    """Every other day a squat and a bench session, loads and reps wandering, so records
    fall now and then, and two workouts at the same moment."""
    rng = random.Random(16)
    workouts = []
    for day in range(0, days, 2):
        exercises = [
            ExercisePayload(
                exercise=slug,
                sets=[
                    SetPayload(reps=rng.randint(1, 12), load_kg=base + rng.uniform(-10, 10) + day)
                    for _ in range(3)
                ],
            )
            for slug, base in (("back-squat", 100.0), ("bench-press", 60.0))
        ]
        at = START + timedelta(days=day - day % 10 if day % 10 == 4 else day)
        workouts.append(make_workout(user, started_at=at.isoformat(), exercises=exercises))
    return workouts


def key(c) -> tuple:
    return (c.exercise_id, c.workout_id, c.records)


def records_page(user) -> list:
    books = selectors.all_record_books(user)
    names = dict(Exercise.objects.filter(pk__in=list(books)).values_list("pk", "name"))
    return selectors.records.celebrations(books, names)


def test_each_workouts_records_are_the_records_pages(user):
    workouts = history(user)
    page = records_page(user)
    assert len(page) > 10
    for w in workouts:
        mine = [key(c) for c in selectors.workout_celebrations(w)]
        assert mine == [key(c) for c in page if c.workout_id == w.pk]


def test_each_weeks_records_are_the_records_pages_of_that_week(user):
    history(user)
    page = records_page(user)
    week = iso_week(START, UTC)
    for _ in range(10):
        start, end = week_bounds(week, UTC)
        emailed = [key(c) for c in selectors.celebrations_between(user, start, end)]
        assert emailed == [key(c) for c in page if start <= c.started_at < end]
        week = shift_week(week, 1)
