"""The bytes of chunked uploads (logbook/imports/uploads.py) on disk: where each upload's
are, and their deletion, by hand (cancel) or by housekeeping (purge_uploads, beat)."""

from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from logbook.common.input import whole_number
from logbook.models import ImportUpload

FOLDER = "imports/uploads"


def partial_path(upload: ImportUpload) -> Path:
    return Path(default_storage.path(f"{FOLDER}/{upload.pk}.part"))


def cancel(upload: ImportUpload) -> None:
    """Forget an unfinished upload and its bytes (a finished one only loses its record)."""
    partial_path(upload).unlink(missing_ok=True)
    ImportUpload.objects.filter(pk=upload.pk).delete()


def purge_uploads(now: datetime | None = None) -> int:
    """Housekeeping (beat, hourly): uploads with no chunk for IMPORT_UPLOAD_EXPIRE_HOURS
    go with their bytes, and so do partial files no upload owns any more (a deleted
    account's). Returns the number of uploads deleted."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.IMPORT_UPLOAD_EXPIRE_HOURS)
    stale = list(ImportUpload.objects.filter(updated_at__lt=cutoff))
    for upload in stale:
        cancel(upload)
    _purge_orphans(cutoff)
    return len(stale)


def _purge_orphans(cutoff: datetime) -> None:
    folder = Path(default_storage.path(FOLDER))
    if not folder.is_dir():
        return
    for path in folder.glob("*.part"):
        pk = whole_number(path.stem)
        old = path.stat().st_mtime < cutoff.timestamp()
        if old and (pk is None or not ImportUpload.objects.filter(pk=pk).exists()):
            path.unlink(missing_ok=True)
