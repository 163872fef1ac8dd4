"""Operations as code: task time limits below the broker's visibility timeout, periodic
purges of what would grow without bound, and eager tasks that fail their test on a crash."""

from datetime import timedelta

import pytest
from celery import shared_task
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.utils import timezone

from config.celery import app
from logbook.imports import jobs
from logbook.models import IdempotencyRecord, ImportJob
from logbook.services import purge_idempotency_records, purge_sessions
from tests.logbook.test_settings import run_settings


def test_every_task_ends_before_the_broker_would_hand_it_to_another_worker(settings):
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT < visibility


def test_a_short_visibility_timeout_shortens_the_limits_with_it():
    result = run_settings(
        {"SECRET_KEY": "x", "CELERY_VISIBILITY_TIMEOUT": "2"},
        "print(settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT)",
    )
    soft, hard = (float(v) for v in result.stdout.split())
    assert soft < hard < 2


def test_limits_past_the_visibility_timeout_are_refused():
    result = run_settings(
        {"SECRET_KEY": "x", "CELERY_VISIBILITY_TIMEOUT": "60", "CELERY_TASK_TIME_LIMIT": "90"},
        "print(settings.CELERY_TASK_TIME_LIMIT)",
    )
    assert result.returncode != 0
    assert "visibility timeout" in result.stderr


def test_every_scheduled_task_exists(settings):
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


@shared_task
def crashing_task() -> None:
    raise ZeroDivisionError("a bug in a task")


def test_a_task_that_crashes_fails_its_test():
    with pytest.raises(ZeroDivisionError):
        crashing_task.delay()


@pytest.mark.django_db
def test_idempotency_records_older_than_a_day_are_purged(user):
    old = IdempotencyRecord.objects.create(
        user=user, key="old", request_hash="h", status_code=201, response_body={}
    )
    IdempotencyRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(hours=25)
    )
    IdempotencyRecord.objects.create(
        user=user, key="new", request_hash="h", status_code=201, response_body={}
    )
    assert purge_idempotency_records() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


@pytest.mark.django_db
def test_expired_sessions_are_purged(client, user):
    client.force_login(user)
    Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    purge_sessions()
    assert Session.objects.count() == 1
    assert Session.objects.get().expire_date > timezone.now()


@pytest.mark.django_db
def test_stale_and_old_import_jobs_and_their_uploads_are_purged(user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    now = timezone.now()

    def job(status: str, age: timedelta) -> ImportJob:
        made = ImportJob(user=user, filename="x.csv", status=status)
        made.file.save("x.csv", ContentFile(b"a,b\n"), save=True)
        ImportJob.objects.filter(pk=made.pk).update(created_at=now - age)
        return made

    stuck = job(ImportJob.Status.QUEUED, timedelta(hours=settings.IMPORT_STALE_HOURS + 1))
    old = job(ImportJob.Status.DONE, timedelta(days=settings.IMPORT_KEEP_DAYS + 1))
    recent = job(ImportJob.Status.QUEUED, timedelta(minutes=5))
    assert jobs.purge_imports() == 1
    assert not ImportJob.objects.filter(pk=old.pk).exists()
    stuck.refresh_from_db()
    assert (stuck.status, stuck.file.name) == (ImportJob.Status.FAILED, "")
    assert "did not finish" in stuck.errors[0]["message"]
    recent.refresh_from_db()
    assert recent.file.name
    assert sorted(p.name for p in tmp_path.rglob("*.csv")) == [recent.file.name.rsplit("/")[-1]]


@pytest.mark.django_db
def test_an_import_stopped_at_the_soft_time_limit_fails_with_a_message(user, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    def slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(jobs, "_read", slow)
    status = jobs.run_import_bytes(user, b"title,start_time\n", "x.csv")
    assert status["status"] == "failed"
    assert "took too long" in status["errors"][0]["message"]
