"""The import tasks: thin wrappers that run the job's steps (logbook.imports.chunks), the
watchdog of stuck jobs and the housekeeping of old jobs and uploads."""

from celery import shared_task
from django.conf import settings

from logbook.imports import chunks, jobs, upload_files, watchdog

# A database that went away is waited for: 2, 4, 8 … 60 s between tries, about 5 minutes
# in all; past that the watchdog re-queues or fails the job.
DATABASE_RETRY = {
    "autoretry_for": chunks.DATABASE_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": False,
    "max_retries": 8,
}


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.IMPORT_READ_TIME_LIMIT,
    soft_time_limit=settings.IMPORT_READ_SOFT_TIME_LIMIT,
    **DATABASE_RETRY,
)
def run_import(job_id: int) -> None:
    """Read an uploaded file, then write it chunk by chunk. Safe to run twice."""
    _then(job_id, chunks.read_file(job_id))


@shared_task(acks_late=True, reject_on_worker_lost=True, **DATABASE_RETRY)
def import_chunk(job_id: int, step: int) -> None:
    _then(job_id, chunks.write_chunk(job_id, step))


def _then(job_id: int, step: int | None) -> None:
    """Queue the next step at the back of the imports queue, so whatever was queued
    meanwhile (another user's import) runs first. Run in-process (eager: tests, no broker),
    the steps follow one another here instead of nesting."""
    if import_chunk.app.conf.task_always_eager:
        while step is not None:
            step = chunks.write_chunk(job_id, step)
    elif step is not None:
        import_chunk.delay(job_id, step)


def send_step(job_id: int, step: int) -> None:
    """Queue a job's step: 0 reads the file, the next ones write chunks."""
    if step == 0:
        run_import.delay(job_id)
    else:
        import_chunk.delay(job_id, step)


@shared_task(acks_late=True)
def unstick_imports() -> int:
    return watchdog.unstick(send_step)


@shared_task(acks_late=True)
def purge_imports() -> int:
    watchdog.purge_spools()
    return jobs.purge_imports()


@shared_task(acks_late=True)
def purge_uploads() -> int:
    """Chunked uploads that stopped coming, with their bytes."""
    return upload_files.purge_uploads()
