"""Accepting an import: check the upload, store it, and queue its job once the job row is
committed (a worker on another machine must find it)."""

import logging
import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import KombuError

from logbook.common.errors import InvalidInput
from logbook.imports import chunks, tasks
from logbook.imports.archives import is_archive
from logbook.imports.jobs import too_large_message
from logbook.models import ImportFormat, ImportJob, ImportMessage, ImportUpload, Units

logger = logging.getLogger(__name__)


class UploadTooLarge(InvalidInput):
    status_code = 413


def start_import(
    user: AbstractBaseUser,
    upload: Any,
    *,
    format: str | None = None,
    weight_unit: str | None = None,
    chunked: ImportUpload | None = None,
) -> ImportJob:
    """Check and store an upload, then queue its job. Bad input raises InvalidInput; a
    broker that cannot take the job raises NotQueued (the job is kept, failed, to retry).
    `chunked` is the chunked upload the file came from (logbook/imports/uploads.py): it
    names its job in the job's transaction, so its last chunk makes exactly one."""
    check_upload(upload, format, weight_unit)
    job = ImportJob(
        user=user,
        filename=PurePath(upload.name or "upload").name[:255],
        size=upload.size,
        format=format or "",
        weight_unit=weight_unit or "",
    )
    suffix = PurePath(job.filename).suffix[:10]
    job.file.save(f"{uuid.uuid4().hex}{suffix}", upload, save=False)
    job.heartbeat_at = timezone.now()
    with transaction.atomic():
        job.save()
        if chunked is not None:
            ImportUpload.objects.filter(pk=chunked.pk).update(job=job)
        queue(job)
    raise_if_not_queued(job)
    return job


def check_upload(upload: Any, format: str | None, weight_unit: str | None) -> None:
    errors: dict[str, list[str]] = {}
    if format not in (None, "") and format not in ImportFormat.values:
        errors["format"] = [f"Expected one of: {', '.join(ImportFormat.values)}."]
    if weight_unit not in (None, "") and weight_unit not in Units.values:
        errors["weight_unit"] = ["Expected kg or lb."]
    if not isinstance(upload, UploadedFile):
        errors["file"] = ["Attach the file to import as multipart form data, field `file`."]
    elif upload.size > _limit(upload):
        raise UploadTooLarge({"file": [too_large_message(upload.size)]})
    elif upload.size == 0:
        errors["file"] = ["The file is empty."]
    if errors:
        raise InvalidInput(errors)


def _limit(upload: UploadedFile) -> int:
    """A .zip or .gz may be as large as IMPORT_MAX_ARCHIVE_BYTES (it is read streaming),
    any other file IMPORT_MAX_BYTES."""
    if upload.size <= settings.IMPORT_MAX_BYTES:
        return settings.IMPORT_MAX_BYTES
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    return settings.IMPORT_MAX_ARCHIVE_BYTES if is_archive(head) else settings.IMPORT_MAX_BYTES


class NotQueued(InvalidInput):
    """The broker could not take the job: the job is marked failed and can be retried."""

    status_code = 503


class NotRetryable(InvalidInput):
    status_code = 409


NOT_QUEUED = "Could not start the import (the job queue is briefly unavailable); try again shortly."


def queue(job: ImportJob, step: int = 0) -> None:
    """Hand the job's step to a worker once the job row is committed, so a worker on another
    machine finds it; a rolled-back request queues nothing. Raises NotQueued (after the
    commit) when the broker did not take it."""
    job.queue_failed = False
    transaction.on_commit(lambda: _send(job, step))


def raise_if_not_queued(job: ImportJob) -> None:
    if getattr(job, "queue_failed", False):
        message = (
            f"{NOT_QUEUED[:-1]}: POST /api/v1/imports/{job.pk}/retry/ after the seconds in "
            "Retry-After."
        )
        error = NotQueued({"detail": [message]})
        error.job = job
        error.retry_after = settings.IMPORT_RETRY_AFTER_S
        raise error


def _send(job: ImportJob, step: int) -> None:
    try:
        tasks.send_step(job.pk, step)
    except (KombuError, OSError):  # the broker cannot be reached
        logger.exception("could not queue import %s", job.pk)
        chunks.fail(job, NOT_QUEUED)  # the upload stays, for a retry
        job.queue_failed = True


def retryable(job: ImportJob) -> bool:
    """A failed job whose spool or upload is still stored."""
    return job.status == ImportJob.Status.FAILED and (bool(job.file) or chunks.has_spool(job))


def retry(job: ImportJob) -> ImportJob:
    """Queue a failed job again: from where its chunks stopped when its spool is still
    stored, else from its upload. Raises NotRetryable when neither is, NotQueued when the
    broker still cannot take it."""
    if job.status != ImportJob.Status.FAILED:
        message = f"Only a failed import can be retried; this one is {job.status}."
        raise NotRetryable({"status": [message]})
    resumable = chunks.has_spool(job)
    if not resumable and not job.file:
        raise NotRetryable({"file": ["The uploaded file is no longer stored; upload it again."]})
    step = job.step + 1 if resumable else 0  # a new number: any old message of it stops
    fields: dict[str, Any] = {"step": step}
    if not resumable:
        fields.update(resume={}, progress=0.0)
    failure = job.errors[0]["message"] if job.errors else None
    job.status = ImportJob.Status.RUNNING if resumable else ImportJob.Status.QUEUED
    with transaction.atomic():
        ImportMessage.objects.filter(job_id=job.pk, row=None, message=failure).delete()
        ImportJob.objects.filter(pk=job.pk).update(
            status=job.status,
            errors=[],
            error_count=ImportMessage.objects.filter(job_id=job.pk).count(),
            finished_at=None,
            attempts=0,
            heartbeat_at=timezone.now(),
            **fields,
        )
        queue(job, step)
    raise_if_not_queued(job)
    return job  # as queued (an eager run may have finished it since)
