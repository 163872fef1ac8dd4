"""Chunked, resumable uploads: the service behind `/api/v1/imports/uploads/` and the
import page's JavaScript, for files a phone cannot send in one request.

An upload is started with the file's name and size, checked against the same limits as a
one-request upload before any byte is taken. Its bytes then come in chunks, each naming
where it starts (`Content-Range`); a chunk that does not start where the stored bytes end is
refused (409, with the offset to send from), so a client that lost its connection, or the
page that was reloaded, asks for the offset and goes on. The bytes are streamed to a file in
default storage (imports/uploads/<id>.part), never held whole; the last byte hands the
file to `services.start_import`, exactly as a one-request upload, and the job is queued.
Uploads that get no chunk for IMPORT_UPLOAD_EXPIRE_HOURS are deleted with their bytes.

The partial files need a default storage on a filesystem (`Storage.path`): several web
servers share its folder, as workers share the uploads they import.
"""

import fcntl
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePath
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from logbook.common.errors import InvalidInput
from logbook.common.input import text_problem, whole_number
from logbook.imports import services
from logbook.imports.archives import is_archive, megabytes
from logbook.imports.jobs import too_large_message
from logbook.imports.upload_files import cancel, partial_path
from logbook.models import ImportFormat, ImportUpload, Units

logger = logging.getLogger(__name__)

PIECE = 64 * 1024  # bytes read from the request at a time
CONTENT_RANGE = re.compile(r"bytes (\d{1,18})-(\d{1,18})/(\d{1,18}|\*)")


class WrongOffset(InvalidInput):
    """The chunk does not start where the stored bytes end; `offset` is where it should."""

    status_code = 409

    def __init__(self, errors: dict[str, list[str]], offset: int):
        super().__init__(errors)
        self.offset = offset


class TooManyOpen(InvalidInput):
    status_code = 409


class LengthRequired(InvalidInput):
    status_code = 411


@dataclass(frozen=True)
class Chunk:
    """Where a chunk goes, from its Content-Range, and how many bytes it carries."""

    offset: int
    length: int


def expires_at(upload: ImportUpload) -> datetime:
    return upload.updated_at + timedelta(hours=settings.IMPORT_UPLOAD_EXPIRE_HOURS)


def largest() -> int:
    return max(settings.IMPORT_MAX_BYTES, settings.IMPORT_MAX_ARCHIVE_BYTES)


def start_upload(
    user: AbstractBaseUser,
    *,
    filename: object,
    size: object,
    format: object = None,
    weight_unit: object = None,
) -> ImportUpload:
    """Check what the upload will be and make room for its bytes. 400 naming each bad field,
    413 when the size is over the limits, 409 when the user has too many unfinished."""
    errors: dict[str, list[str]] = {}
    name = filename.strip() if isinstance(filename, str) else ""
    if not name:
        errors["filename"] = ["Give the file's name."]
    elif problem := text_problem(name):
        errors["filename"] = [problem]
    total = size if isinstance(size, int) and not isinstance(size, bool) else None
    if total is None or total < 0:
        errors["size"] = ["Give the file's size in bytes, a whole number."]
    elif total == 0:
        errors["size"] = ["The file is empty."]
    if format not in (None, "") and format not in ImportFormat.values:
        errors["format"] = [f"Expected one of: {', '.join(ImportFormat.values)}."]
    if weight_unit not in (None, "") and weight_unit not in Units.values:
        errors["weight_unit"] = ["Expected kg or lb."]
    if errors:
        raise InvalidInput(errors)
    if total > largest():
        raise services.UploadTooLarge({"size": [too_large_message(total)]})
    unfinished = ImportUpload.objects.filter(user=user, job=None)
    if unfinished.count() >= settings.IMPORT_UPLOAD_MAX_OPEN:
        message = (
            f"You have {settings.IMPORT_UPLOAD_MAX_OPEN} unfinished uploads; finish one or "
            "cancel it (DELETE) first."
        )
        raise TooManyOpen({"uploads": [message]})
    upload = ImportUpload.objects.create(
        user=user,
        filename=PurePath(name).name[:255] or "upload",
        size=total,
        format=format or "",
        weight_unit=weight_unit or "",
    )
    path = partial_path(upload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return upload


def parse_range(header: str | None, length_header: str | None, upload: ImportUpload) -> Chunk:
    """`Content-Range: bytes <first>-<last>/<size>` and Content-Length, checked against the
    upload and the chunk limit (400, 411 or 413 naming the header)."""
    length = whole_number(length_header or "")
    if length is None:
        raise LengthRequired({"Content-Length": ["Send the chunk with its Content-Length."]})
    if length > settings.IMPORT_UPLOAD_CHUNK_BYTES:
        limit = megabytes(settings.IMPORT_UPLOAD_CHUNK_BYTES)
        message = f"A chunk is at most {limit}; this one is {megabytes(length)}."
        raise services.UploadTooLarge({"Content-Length": [message]})
    if length == 0:
        raise InvalidInput({"Content-Length": ["The chunk is empty."]})
    match = CONTENT_RANGE.fullmatch((header or "").strip())
    example = f"bytes 0-{min(length, upload.size) - 1}/{upload.size}"
    if match is None:
        raise InvalidInput({"Content-Range": [f"Say where the chunk goes, e.g. `{example}`."]})
    first, last, total = int(match[1]), int(match[2]), match[3]
    if total != "*" and int(total) != upload.size:
        message = f"This upload is {upload.size} bytes, not {total}."
        raise InvalidInput({"Content-Range": [message]})
    if last < first or last - first + 1 != length:
        message = f"The range holds {last - first + 1} bytes but the chunk {length}."
        raise InvalidInput({"Content-Range": [message]})
    if last >= upload.size:
        message = f"The range ends past the file's {upload.size} bytes."
        raise InvalidInput({"Content-Range": [message]})
    return Chunk(first, length)


def receive_chunk(upload: ImportUpload, chunk: Chunk, body: BinaryIO) -> ImportUpload:
    """Append one chunk, streamed from `body`, and on the last byte start the import.
    WrongOffset (409) unless it starts where the stored bytes end; 400 when fewer bytes
    arrive than announced (nothing is counted of them)."""
    if upload.job_id is not None:
        raise _wrong_offset(upload, chunk.offset, "This upload is complete.")
    if chunk.offset != upload.received:
        raise _wrong_offset(upload, chunk.offset)
    path = partial_path(upload)
    try:
        handle = path.open("r+b")
    except FileNotFoundError:  # deleted meanwhile (cancelled, expired)
        ImportUpload.objects.filter(pk=upload.pk).delete()
        raise InvalidInput({"upload": ["This upload is no longer stored; start again."]}) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another request is writing this upload
            raise _wrong_offset(upload, chunk.offset, "Another chunk is being written.") from None
        upload.refresh_from_db()
        if upload.job_id is not None or chunk.offset != upload.received:
            raise _wrong_offset(upload, chunk.offset)
        _write(handle, chunk, body, upload)
        received = chunk.offset + chunk.length
        now = timezone.now()
        ImportUpload.objects.filter(pk=upload.pk).update(received=received, updated_at=now)
        upload.received, upload.updated_at = received, now
        if received == upload.size:
            _complete(upload, path)
    return upload


def _write(handle: BinaryIO, chunk: Chunk, body: BinaryIO, upload: ImportUpload) -> None:
    """The chunk's bytes after the stored ones, piece by piece. A file over IMPORT_MAX_BYTES
    must be a .zip or .gz, as for a one-request upload: its first bytes say so before they
    are written (413, and the upload is deleted: it could never be imported)."""
    handle.truncate(chunk.offset)  # what a dropped request left after the counted bytes
    handle.seek(chunk.offset)
    remaining = chunk.length
    while remaining:
        try:
            piece = body.read(min(PIECE, remaining))
        except OSError:  # the client went away mid-chunk
            piece = b""
        if not piece:
            handle.truncate(chunk.offset)
            got = chunk.length - remaining
            message = f"Only {got} of the chunk's {chunk.length} bytes arrived; send it again."
            raise InvalidInput({"chunk": [message]})
        if chunk.offset == 0 and remaining == chunk.length:
            _check_kind(piece, upload)
        handle.write(piece)
        remaining -= len(piece)
    handle.flush()
    os.fsync(handle.fileno())


def _check_kind(head: bytes, upload: ImportUpload) -> None:
    if upload.size > settings.IMPORT_MAX_BYTES and not is_archive(head):
        cancel(upload)
        raise services.UploadTooLarge({"file": [too_large_message(upload.size)]})


class ReceivedFile(UploadedFile):
    """The stored chunks as an upload: default storage moves a file that has a
    `temporary_file_path` into place instead of copying its gigabytes."""

    def __init__(self, path: Path, name: str, size: int):
        super().__init__(path.open("rb"), name=name, size=size)
        self.path = path

    def temporary_file_path(self) -> str:
        return str(self.path)


def _complete(upload: ImportUpload, path: Path) -> None:
    """The last byte: the job is made from the stored file by the one-request path."""
    received = ReceivedFile(path, upload.filename, upload.size)
    try:
        job = services.start_import(
            upload.user,
            received,
            format=upload.format or None,
            weight_unit=upload.weight_unit or None,
            chunked=upload,
        )
    except services.NotQueued as not_queued:
        upload.job = not_queued.job
        raise
    except InvalidInput:
        cancel(upload)  # it can never be imported as it is
        raise
    finally:
        received.close()
    upload.job = job


def _wrong_offset(upload: ImportUpload, sent: int, why: str = "") -> WrongOffset:
    upload.refresh_from_db(fields=["received", "job"])
    have = upload.received
    message = f"{why} " if why else ""
    message += (
        f"The chunk starts at byte {sent}; {have} of {upload.size} are stored: send from {have}."
    )
    return WrongOffset({"Content-Range": [message]}, have)
