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
from kombu.exceptions import KombuError

from logbook.common.errors import InvalidInput
from logbook.imports import tasks
from logbook.imports.archives import is_archive
from logbook.imports.jobs import delete_upload, finish, row_error, too_large_message
from logbook.models import ImportFormat, ImportJob, Units

logger = logging.getLogger(__name__)


class UploadTooLarge(InvalidInput):
    status_code = 413


def start_import(
    user: AbstractBaseUser,
    upload: Any,
    *,
    format: str | None = None,
    weight_unit: str | None = None,
) -> ImportJob:
    """Check and store an upload, then queue its job. Bad input raises InvalidInput."""
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
    with transaction.atomic():
        job.save()
        queue(job)
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


def queue(job: ImportJob) -> None:
    """Hand the job to a worker once the job row is committed, so a worker on another
    machine finds it; a rolled-back request queues nothing."""
    transaction.on_commit(lambda: _send(job))


def _send(job: ImportJob) -> None:
    try:
        tasks.run_import.delay(job.pk)
    except (KombuError, OSError):  # the broker cannot be reached
        logger.exception("could not queue import %s", job.pk)
        message = "Could not start the import; try again."
        finish(job, ImportJob.Status.FAILED, [row_error(None, message)])
        delete_upload(job)
