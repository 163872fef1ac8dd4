"""Celery tasks of the logbook: thin wrappers that call a service."""

from celery import shared_task

from logbook import imports


@shared_task(acks_late=True, reject_on_worker_lost=True)
def run_import(job_id: int) -> None:
    """Import an uploaded file. Safe to run twice: the import is idempotent."""
    imports.run_import(job_id)
