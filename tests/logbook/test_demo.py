"""`make run`'s demo: a user with 8 weeks of varied workouts, all from the catalog."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from logbook.demo import demo_payloads
from logbook.models import Exercise, Workout
from logbook.workout_input import clean_workout

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


def test_seed_demo_keeps_its_password_under_var_and_a_rerun_logs_nobody_out(
    capsys, monkeypatch, settings, tmp_path, client
):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", weeks=1)
    password = (tmp_path / "demo_password").read_text().strip()
    assert password in capsys.readouterr().out
    assert client.login(username="demo", password=password)
    assert client.get("/").status_code == 200

    call_command("seed_demo", weeks=1)
    assert password in capsys.readouterr().out
    page = client.get("/settings/")  # the session from before the second run still works
    assert page.status_code == 200
