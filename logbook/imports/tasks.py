"""The import tasks: thin wrappers that run the job (logbook.imports.jobs) and the
housekeeping of old jobs and uploads."""

from celery import shared_task

from logbook.imports import jobs


@shared_task(acks_late=True, reject_on_worker_lost=True)
def run_import(job_id: int) -> None:
    """Import an uploaded file. Safe to run twice: the import is idempotent."""
    jobs.run_import(job_id)


@shared_task(acks_late=True)
def purge_imports() -> int:
    return jobs.purge_imports()
