"""No import stays queued or running past its limit (beat runs `unstick` every minute).

A step beats (`heartbeat_at`) when it starts, as it writes and when it ends; a job whose
last beat is older than a step's hard time limit and a grace (IMPORT_STEP_GRACE_S) has lost
its step: the worker was killed, the broker lost the message, the database was gone longer
than the retries waited. It is queued again (a re-queued step carries a new number, so a
late original finds the job past it and stops), up to IMPORT_MAX_ATTEMPTS times without
progress; then it fails with a message saying so, and the user can retry it
(`services.retry`).
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from logbook.imports import chunks
from logbook.models import ImportJob

GAVE_UP = (
    "The import stopped and could not be resumed (its worker was lost or the database could "
    "not be reached); retry it."
)
NEVER_STARTED = "The import could not be started (no worker took it); retry it."


def stale_after(step: int = 1) -> timedelta:
    """Longer than a step may run: its hard time limit (reading, step 0, has its own) and
    IMPORT_STEP_GRACE_S."""
    limit = settings.IMPORT_READ_TIME_LIMIT if step == 0 else settings.CELERY_TASK_TIME_LIMIT
    return timedelta(seconds=limit + settings.IMPORT_STEP_GRACE_S)


def unstick(requeue: Callable[[int, int], None], now: datetime | None = None) -> int:
    """Queue again, or fail, every job whose step was lost. `requeue(job_id, step)` sends
    the step (0: read the file). Returns how many jobs it handled."""
    now = now or timezone.now()
    cutoff, reading = now - stale_after(), now - stale_after(0)
    stale = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    # A file being read beats with its progress, but a reader may go long between beats:
    # a running read is given its own, longer limit; a queued job nobody took is not.
    running_read = Q(status=ImportJob.Status.RUNNING, step=0)
    stuck = ImportJob.objects.filter(
        (~running_read & stale) | (running_read & Q(heartbeat_at__lt=reading)),
        status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING],
    )
    handled = 0
    for job in stuck:
        if job.attempts >= settings.IMPORT_MAX_ATTEMPTS:
            chunks.fail(job, NEVER_STARTED if job.status == ImportJob.Status.QUEUED else GAVE_UP)
        elif job.step == 0:  # never read: from the start
            ImportJob.objects.filter(pk=job.pk, step=0).update(
                status=ImportJob.Status.QUEUED,
                attempts=F("attempts") + 1,
                heartbeat_at=timezone.now(),
            )
            requeue(job.pk, 0)
        elif ImportJob.objects.filter(pk=job.pk, step=job.step).update(
            step=job.step + 1, attempts=F("attempts") + 1, heartbeat_at=timezone.now()
        ):
            requeue(job.pk, job.step + 1)
        handled += 1
    return handled


def purge_spools(now: datetime | None = None) -> int:
    """The spools of failed jobs, kept for a retry, go after IMPORT_STALE_HOURS."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.IMPORT_STALE_HOURS)
    failed = ImportJob.objects.filter(status=ImportJob.Status.FAILED, finished_at__lt=cutoff)
    purged = 0
    for job in failed.exclude(resume={}):
        chunks.delete_spool(job)
        purged += 1
    return purged
