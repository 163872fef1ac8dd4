"""The import task: a thin wrapper that runs the job (logbook.imports.jobs)."""

from celery import shared_task

from logbook.imports import jobs


@shared_task(acks_late=True, reject_on_worker_lost=True)
def run_import(job_id: int) -> None:
    """Import an uploaded file. Safe to run twice: the import is idempotent."""
    jobs.run_import(job_id)
