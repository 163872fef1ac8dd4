"""Merging a custom exercise into the catalog one reaches insights through the existing
path: the moved workouts are classified again (now knowing the muscles) and their weeks
refreshed."""

import pytest

from insights import services
from insights.models import Insight, WeeklyReport
from logbook import services as logbook_services
from logbook.models import Exercise
from tests.factories import ExercisePayload, make_workout

pytestmark = pytest.mark.django_db


def test_the_moved_workouts_are_classified_again_and_their_week_refreshed(
    user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workout = make_workout(
            user,
            started_at="2026-11-17T07:00:00+00:00",
            exercises=[ExercisePayload(exercise="Squats")],
        )
    before = Insight.objects.get(workout=workout).features["strengthening_groups"]
    squats = Exercise.objects.get(owner=user, name="Squats")
    back = Exercise.objects.get(owner=None, slug="back-squat")
    WeeklyReport.objects.filter(user=user).delete()
    with django_capture_on_commit_callbacks(execute=True):
        logbook_services.merge_exercise(squats, back)
    workout.refresh_from_db()
    insight = Insight.objects.get(workout=workout)
    assert insight.is_current_for(workout, services.current_version())
    assert before == []  # a custom exercise has no muscles
    assert "legs" in insight.features["strengthening_groups"]
    assert WeeklyReport.objects.filter(user=user, week="2026-W47").exists()
