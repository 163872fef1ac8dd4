"""No import stays queued or running past its limit: the watchdog queues a lost step again
(a lost broker message, a killed worker, a database gone longer than the retries), and after
IMPORT_MAX_ATTEMPTS without progress fails the job with a message the user sees; the job can
then be retried. A job within its limit is left alone."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from logbook.imports import chunks, services, tasks, watchdog
from logbook.models import ImportJob
from tests.factories import committing

pytestmark = pytest.mark.django_db

HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)
FILE = (
    HEADER
    + "".join(
        f"W{i},{i + 1} Apr 2026 07:00,,,Squat (Barbell),,,0,normal,100,5,,,\n" for i in range(25)
    )
).encode()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.IMPORT_CHUNK_WORKOUTS = 10


@pytest.fixture
def lost(monkeypatch) -> list[tuple]:
    """The broker takes every message and loses it: nothing runs by itself."""
    sent: list[tuple] = []
    monkeypatch.setitem(tasks.import_chunk.app.conf, "task_always_eager", False)
    monkeypatch.setattr(tasks.run_import, "delay", lambda *a: sent.append(("read", *a)))
    monkeypatch.setattr(tasks.import_chunk, "delay", lambda *a: sent.append(("chunk", *a)))
    return sent


def later() -> timezone.datetime:
    return timezone.now() + watchdog.stale_after() + timedelta(seconds=1)


def start(user) -> ImportJob:
    with committing():
        return services.start_import(user, SimpleUploadedFile("h.csv", FILE))


def run_all(sent: list[tuple]) -> None:
    while sent:
        kind, *args = sent.pop(0)
        (tasks.run_import if kind == "read" else tasks.import_chunk)(*args)


def test_a_queued_job_whose_message_was_lost_is_queued_again_and_finishes(user, lost):
    job = start(user)
    lost.clear()  # the message is gone
    assert watchdog.unstick(tasks.send_step) == 0  # within its limit: left alone
    assert watchdog.unstick(tasks.send_step, now=later()) == 1
    assert lost == [("read", job.pk)]
    run_all(lost)
    job.refresh_from_db()
    assert (job.status, job.created) == ("done", 25)


def test_a_running_job_whose_chunk_was_lost_resumes_where_it_stopped(user, lost):
    job = start(user)
    assert lost.pop(0) == ("read", job.pk)
    tasks.run_import(job.pk)  # read, and the first chunk queued...
    assert lost.pop(0) == ("chunk", job.pk, 1)
    tasks.import_chunk(job.pk, 1)  # ...written; the second chunk's message is lost
    assert lost.pop() == ("chunk", job.pk, 2)
    assert watchdog.unstick(tasks.send_step, now=later()) == 1
    assert lost == [("chunk", job.pk, 3)]  # a new step number
    assert chunks.write_chunk(job.pk, 2) is None  # a late original of the lost one: void
    run_all(lost)
    job.refresh_from_db()
    assert (job.status, job.created, job.skipped) == ("done", 25, 0)
    assert user.workouts.count() == 25


def test_after_its_attempts_the_job_fails_with_a_message_and_can_be_retried(user, lost, settings):
    job = start(user)
    for _ in range(settings.IMPORT_MAX_ATTEMPTS):
        lost.clear()
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
        assert watchdog.unstick(tasks.send_step, now=later()) == 1
    lost.clear()
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    watchdog.unstick(tasks.send_step, now=later())
    assert lost == []
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == [{"row": None, "message": watchdog.NEVER_STARTED}]
    assert services.retryable(job)
    with committing():
        services.retry(job)
    run_all(lost)
    job.refresh_from_db()
    assert (job.status, job.created) == ("done", 25)


def test_a_running_job_that_stalls_for_good_fails_saying_it_stopped(user, lost, settings):
    settings.IMPORT_MAX_ATTEMPTS = 0
    job = start(user)
    tasks.run_import(lost.pop(0)[1])  # read; the first chunk's message is lost
    lost.clear()
    watchdog.unstick(tasks.send_step, now=later())
    job.refresh_from_db()
    assert job.status == "failed"
    assert "could not be resumed" in job.errors[0]["message"]
    with committing():
        retried = services.retry(job)  # from its spool: the file was read already
    assert retried.status == "running"
    run_all(lost)
    job.refresh_from_db()
    assert (job.status, job.created) == ("done", 25)


def test_a_file_still_being_read_gets_the_read_steps_longer_limit(user, lost):
    """Reading is one step (a 1 GB zip takes minutes): past a chunk's limit it is left
    alone, past its own (IMPORT_READ_TIME_LIMIT) it is queued again."""
    job = start(user)
    lost.clear()
    ImportJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at=timezone.now())
    assert watchdog.stale_after(0) > watchdog.stale_after()
    assert watchdog.unstick(tasks.send_step, now=later()) == 0
    past_read = timezone.now() + watchdog.stale_after(0) + timedelta(seconds=1)
    assert watchdog.unstick(tasks.send_step, now=past_read) == 1
    assert lost == [("read", job.pk)]


def test_reading_progress_beats_the_jobs_heartbeat(user, lost):
    from logbook.imports.jobs import _Progress

    job = start(user)
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=None)
    _Progress(job.pk, clock=lambda: 10.0)(0.5)
    job.refresh_from_db()
    assert job.progress == 0.5
    assert job.heartbeat_at is not None
