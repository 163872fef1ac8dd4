"""A big import is written in bounded chunks, each its own task queued at the back of the
imports queue: another user's import queued meanwhile runs before the big one's next chunk,
and the result (counts, row errors, workouts) is the one a single pass gives."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.imports import chunks, jobs, services, tasks
from logbook.models import ImportJob, ImportMessage
from tests.factories import UserFactory, committing

pytestmark = pytest.mark.django_db

HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)


def hevy(workouts: int, bad_every: int = 0) -> bytes:
    rows = []
    for i in range(workouts):
        reps = "five" if bad_every and i % bad_every == 0 else "5"
        day = f"{1 + i % 28} {('Jan', 'Feb', 'Mar', 'Apr')[i // 28 % 4]} {2020 + i // 112}"
        rows.append(f"W{i},{day} 07:00,,,Squat (Barbell),,,0,normal,100,{reps},,,\n")
        rows.append(f"W{i},{day} 07:00,,,Squat (Barbell),,,1,normal,100,5,,,\n")
    return (HEADER + "".join(rows)).encode()


@pytest.fixture(autouse=True)
def small_chunks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.IMPORT_CHUNK_WORKOUTS = 100
    return settings


def start(user, data: bytes) -> ImportJob:
    with committing():
        return services.start_import(user, SimpleUploadedFile("h.csv", data))


def test_chunks_give_what_one_pass_gives(user, monkeypatch, small_chunks):
    data = hevy(450, bad_every=7)
    steps = []
    real = chunks.write_chunk
    monkeypatch.setattr(chunks, "write_chunk", lambda *a: steps.append(a[1]) or real(*a))
    job = start(user, data)
    job.refresh_from_db()
    assert steps == [1, 2, 3, 4, 5]  # 450 workouts, 100 a chunk
    one_pass = jobs.run_import_bytes(UserFactory(), data, "h.csv")
    status = jobs.status_dict(job)
    for key in ("status", "created", "skipped", "counts", "error_count", "errors"):
        assert status[key] == one_pass[key], key
    assert status["created"] == 450
    assert status["error_count"] == 65  # every 7th workout's first set
    assert ImportMessage.objects.filter(job=job).count() == 65
    assert user.workouts.count() == 450
    assert job.resume == {}  # the spool is gone with the job done, and the upload
    assert [p for p in small_chunks.MEDIA_ROOT.rglob("*") if p.is_file()] == []


def test_a_chunk_is_bounded_by_time_too(user, settings):
    settings.IMPORT_CHUNK_SECONDS = 0  # one batch of 100 a chunk, however many are allowed
    settings.IMPORT_CHUNK_WORKOUTS = 10_000
    job = start(user, hevy(250))
    job.refresh_from_db()
    assert (job.status, job.created, job.step) == ("done", 250, 4)


def test_another_users_import_queued_meanwhile_runs_before_the_next_chunk(monkeypatch):
    """The queue as a worker sees it: each chunk goes to the back, behind what came since."""
    queue: list[tuple] = []
    monkeypatch.setitem(tasks.import_chunk.app.conf, "task_always_eager", False)
    monkeypatch.setattr(tasks.import_chunk, "delay", lambda *a: queue.append(("chunk", *a)))
    monkeypatch.setattr(tasks.run_import, "delay", lambda *a: queue.append(("import", *a)))
    big_user, small_user = UserFactory(), UserFactory()
    big = start(big_user, hevy(500))
    tasks.run_import(*queue.pop(0)[1:])  # the big file is read; its first chunk queued
    small = start(small_user, hevy(20))
    order = []
    while queue:
        kind, *args = queue.pop(0)
        order.append((kind, args[0]))
        (tasks.import_chunk if kind == "chunk" else tasks.run_import)(*args)
    assert order[:2] == [("chunk", big.pk), ("import", small.pk)]
    small.refresh_from_db()
    big.refresh_from_db()
    assert (small.status, small.created) == ("done", 20)
    assert (big.status, big.created) == ("done", 500)
    assert [k for k, _ in order].count("chunk") == 1 + 4 + 1  # big: 5, small: 1


def test_a_step_run_twice_is_written_once(user, monkeypatch):
    queue: list[tuple] = []
    monkeypatch.setitem(tasks.import_chunk.app.conf, "task_always_eager", False)
    monkeypatch.setattr(tasks.import_chunk, "delay", lambda *a: queue.append(a))
    monkeypatch.setattr(tasks.run_import, "delay", lambda *a: queue.append(a))
    job = start(user, hevy(150))
    tasks.run_import(job.pk)
    tasks.run_import(job.pk)  # a redelivered read: the file is read once
    assert queue == [(job.pk,), (job.pk, 1)]
    tasks.import_chunk(job.pk, 1)
    assert chunks.write_chunk(job.pk, 1) is None  # the same step again does nothing
    tasks.import_chunk(job.pk, 2)
    job.refresh_from_db()
    assert (job.status, job.created, job.skipped) == ("done", 150, 0)
