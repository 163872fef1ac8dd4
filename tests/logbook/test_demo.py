"""`make run`'s demo: a user with 8 weeks of varied workouts, all from the catalog."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from logbook.demo import demo_payloads
from logbook.models import Exercise, Workout
from logbook.schema import clean_workout

pytestmark = pytest.mark.django_db


def test_the_demo_spans_eight_weeks_of_varied_training():
    payloads = list(demo_payloads(date(2026, 11, 21), 8, "Europe/Berlin"))
    activities = {p["activity"] for p in payloads}
    assert {"strength", "run", "ride", "hiit"} <= activities
    weeks = {clean_workout(p).started_at.isocalendar()[1] for p in payloads}
    assert len(weeks) == 8
    assert len(payloads) >= 8 * 4


def test_seed_demo_creates_the_user_prints_the_password_and_is_rerunnable(capsys, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-123")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "demo-pass-123" in out
    user = get_user_model().objects.get(username="demo")
    assert user.check_password("demo-pass-123")
    count = Workout.objects.filter(user=user).count()
    assert count >= 30
    call_command("seed_demo")
    assert Workout.objects.filter(user=user).count() == count


def test_demo_workouts_use_only_catalog_exercises():
    call_command("seed_demo")
    assert not Exercise.objects.filter(owner__isnull=False).exists()
