"""The classification task: idempotent, never lets stale data win, and the sweep catches up."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from kombu.exceptions import OperationalError

from insights import selectors, services, tasks
from insights.models import Insight, WeeklyReport
from logbook import services as logbook_services
from logbook.models import Workout
from tests.factories import ExercisePayload, SetPayload, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db


def test_running_the_task_twice_leaves_one_identical_insight(user):
    workout = make_workout(user)
    tasks.classify_workouts.apply(args=[[workout.pk]])
    first = Insight.objects.get(workout=workout)
    tasks.classify_workouts.apply(args=[[workout.pk]])
    again = Insight.objects.get(workout=workout)
    assert Insight.objects.count() == 1
    assert (again.primary, again.rationale, again.features) == (
        first.primary,
        first.rationale,
        first.features,
    )


def test_saving_a_workout_queues_its_classification(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workout = make_workout(user)
    insight = Insight.objects.get(workout=workout)
    assert insight.is_current_for(workout, services.current_version())


def test_classifying_refreshes_the_weekly_report(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_workout(user, started_at="2026-11-17T07:00:00+00:00")
    report = WeeklyReport.objects.get(user=user, week="2026-W47")
    assert report.data["sessions"] == 1
    assert report.pending is False


def test_a_deleted_workout_loses_its_insight(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workout = make_workout(user)
        logbook_services.delete_workout(workout)
    assert not Insight.objects.exists()


def test_a_task_that_read_an_older_workout_cannot_overwrite_a_newer_insight(user):
    workout = make_workout(user)
    services.classify_and_store(workout.pk)
    newer = workout.updated_at + timedelta(seconds=5)
    Insight.objects.filter(workout=workout).update(workout_updated_at=newer, primary="endurance")
    services.classify_and_store(workout.pk)  # reads the workout at its older updated_at
    assert Insight.objects.get(workout=workout).primary == "endurance"


def test_a_broker_outage_does_not_fail_the_save_and_the_sweep_catches_up(
    user, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(tasks.classify_workouts, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        workout = make_workout(user)
    assert Workout.objects.filter(pk=workout.pk).exists()
    assert not Insight.objects.exists()
    monkeypatch.undo()
    assert tasks.sweep_unclassified.apply().get() == 1
    assert Insight.objects.get(workout=workout).primary


def test_a_classifier_version_bump_makes_the_sweep_recompute(user, settings):
    workout = make_workout(user)
    services.classify_and_store(workout.pk)
    assert tasks.sweep_unclassified.apply().get() == 0
    settings.INSIGHTS_THRESHOLDS = {"heavy_pct": 0.85}
    assert selectors.workouts_needing_insight().count() == 1
    assert tasks.sweep_unclassified.apply().get() == 1
    assert Insight.objects.get(workout=workout).classifier_version == services.current_version()
    assert "+" in services.current_version()


def test_the_sweep_skips_deleted_workouts(user):
    workout = make_workout(user)
    logbook_services.delete_workout(workout)
    assert tasks.sweep_unclassified.apply().get() == 0


def test_reclassify_command_recomputes_stale_or_all(user, capsys):
    workouts = [make_workout(user) for _ in range(3)]
    call_command("reclassify", "--sync")
    assert "Reclassified 3 workouts" in capsys.readouterr().out
    assert Insight.objects.count() == 3
    call_command("reclassify", "--sync")
    assert "Reclassified 0 workouts" in capsys.readouterr().out
    call_command("reclassify", "--all", "--sync", "--user", user.username)
    assert "Reclassified 3 workouts" in capsys.readouterr().out
    assert len(workouts) == Insight.objects.count()


def test_history_sets_the_e1rm_a_session_is_judged_against(user):
    heavy_past = make_workout(
        user,
        started_at="2026-10-01T07:00:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=1, load_kg=200, rpe=10)])],
    )
    today = make_workout(
        user,
        started_at="2026-10-15T07:00:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=140, rpe=None)] * 5)],
    )
    services.classify_and_store(today.pk)
    insight = Insight.objects.get(workout=today)
    assert insight.features["e1rm_kg"]["back-squat"] == 200
    assert insight.primary != "heavy_resistance"  # 140 kg is 70% of a 200 kg best
    assert heavy_past.pk != today.pk


def test_a_burst_of_changes_schedules_one_week_refresh(user, monkeypatch):
    scheduled = []
    monkeypatch.setattr(
        tasks.refresh_weekly_report, "apply_async", lambda args, countdown: scheduled.append(args)
    )
    for _ in range(5):
        tasks.schedule_week_refresh(user.pk, "2026-W47")
    assert scheduled == [(user.pk, "2026-W47")]
    tasks.schedule_week_refresh(user.pk, "2026-W46")  # another week is its own refresh
    assert len(scheduled) == 2
    monkeypatch.undo()
    tasks.refresh_weekly_report.apply(args=[user.pk, "2026-W47"])  # clears the pending mark
    monkeypatch.setattr(
        tasks.refresh_weekly_report, "apply_async", lambda args, countdown: scheduled.append(args)
    )
    tasks.schedule_week_refresh(user.pk, "2026-W47")
    assert len(scheduled) == 3


def test_a_sync_batch_is_classified_in_a_few_tasks_that_cover_every_workout(
    api, monkeypatch, django_capture_on_commit_callbacks
):
    batches = []
    real_delay = tasks.classify_workouts.delay

    def recording_delay(ids):
        batches.append(len(ids))
        return real_delay(ids)

    monkeypatch.setattr(tasks.classify_workouts, "delay", recording_delay)
    items = [WorkoutPayload(source="watch", external_id=f"w{i}") for i in range(60)]
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/sync/workouts/", {"workouts": items}, format="json")
    assert response.status_code == 200
    assert batches == [25, 25, 10]
    assert Insight.objects.count() == 60
