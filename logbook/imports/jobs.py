"""The import job: it reads an uploaded file and writes its workouts.

The job runs in two phases so a malformed file writes nothing: first the whole file is
read into payloads (a file-level problem fails the job here; `Found` receives them one by
one, and the chunked job's `chunks.Spool` writes them to storage as they come), then each
workout is cleaned by `clean_workout` and upserted through `services.upsert_many`, each
whole or not at all. A set or interval that fails validation is reported by its row and dropped;
the rest of its workout imports. Workouts carry stable external ids from the file, so
importing a file again creates nothing new (they count as skipped).
"""

import contextlib
import io
import logging
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager as ContextManager
from datetime import datetime, timedelta
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from logbook import services
from logbook.common.errors import InvalidInput
from logbook.imports import archives
from logbook.imports.detect import SNIFF_BYTES, detect_format
from logbook.imports.readers import READERS, ImportContext, ImportFailed, RowError
from logbook.imports.readers.common import file_size
from logbook.imports.readers.sport import INFERRED
from logbook.imports.readers.xmlstream import CutShort
from logbook.models import ImportFormat, ImportJob, ImportMessage
from logbook.schema import WorkoutIn, clean_workout
from logbook.selectors import get_profile

logger = logging.getLogger(__name__)

MAX_REPORTED_ERRORS = 1000
PROGRESS_EVERY_S = 0.5
READ_SHARE = 0.2  # of the progress bar, for reading the file; the rest is writing


def too_large_message(size: int) -> str:
    limit = settings.IMPORT_MAX_BYTES
    return (
        f"The file is {archives.megabytes(size)}; the limit is {archives.megabytes(limit)}, "
        f"or {archives.megabytes(settings.IMPORT_MAX_ARCHIVE_BYTES)} for a .zip or .gz file."
    )


def run_import(job_id: int) -> None:
    """The job: safe to run again (a redelivered task re-imports idempotently)."""
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.is_finished:
        return
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, progress=0.0)
    try:
        _execute(job, _stored_file)
    finally:
        delete_upload(job)


def run_import_bytes(
    user: AbstractBaseUser,
    data: bytes,
    filename: str,
    *,
    format: str | None = None,
    weight_unit: str | None = None,
) -> dict[str, Any]:
    """Import a file's bytes in this process, without storage or a queue (scripts, benchmarks).
    Returns the job's status as the API shows it."""
    job = ImportJob.objects.create(
        user=user,
        filename=filename[:255],
        size=len(data),
        format=format or "",
        weight_unit=weight_unit or "",
        status=ImportJob.Status.RUNNING,
    )
    _execute(job, lambda _: contextlib.nullcontext(io.BytesIO(data)))
    job.refresh_from_db()
    return status_dict(job)


def _execute(job: ImportJob, open_file: Callable[[ImportJob], ContextManager[BinaryIO]]) -> None:
    """Read, then write; end the job done or failed with a message, never raising."""
    progress = _Progress(job.pk)
    tally = Counts()
    found = Found()
    try:
        with open_file(job) as source:
            _read(job, source, progress, tally, found)
        counts = _write(job, found.payloads, found.errors, progress, tally)
    except ImportFailed as failure:
        finish(job, ImportJob.Status.FAILED, [row_error(None, str(failure))])
    except SoftTimeLimitExceeded:
        message = "The import took too long and was stopped; the workouts it wrote are kept."
        finish(job, ImportJob.Status.FAILED, [row_error(None, message)])
    except Exception:
        logger.exception("import %s failed", job.pk)
        message = "The import stopped on an unexpected error; the workouts it wrote are kept."
        finish(job, ImportJob.Status.FAILED, [row_error(None, message)])
    else:
        finish(job, ImportJob.Status.DONE, found.errors, counts=tally.as_dict(), **counts)


class Found:
    """Where a read puts each payload and row error as the reader yields it: here in lists
    (a one-pass import of a small file); `chunks.Spool` writes them to files instead, so a
    read holds one workout at a time whatever the file's size. Counts what it was given;
    `mark` and `rewind` take back what a member of an archive gave before it was refused."""

    def __init__(self) -> None:
        self.payloads: list[dict] = []
        self.errors: list[dict] = []
        self.payload_count = 0
        self.error_count = 0
        self.refused_count = 0

    def payload(self, payload: dict) -> None:
        self.payload_count += 1
        self._keep_payload(payload)

    def error(self, error: dict) -> None:
        self.error_count += 1
        self.refused_count += bool(error["refused"])
        self._keep_error(error)

    def mark(self) -> tuple:
        return (self.payload_count, self.error_count, self.refused_count, self._position())

    def rewind(self, mark: tuple) -> None:
        self.payload_count, self.error_count, self.refused_count, position = mark
        self._truncate(position)

    def _keep_payload(self, payload: dict) -> None:
        self.payloads.append(payload)

    def _keep_error(self, error: dict) -> None:
        self.errors.append(error)

    def _position(self) -> Any:
        return (len(self.payloads), len(self.errors))

    def _truncate(self, position: Any) -> None:
        del self.payloads[position[0] :], self.errors[position[1] :]


def _stored_file(job: ImportJob) -> ContextManager[BinaryIO]:
    if not job.file:
        raise ImportFailed("The uploaded file is no longer stored; upload it again.")
    source = job.file.open("rb")
    head = source.read(4)
    source.seek(0)
    archive = archives.is_archive(head)
    if job.file.size > (
        settings.IMPORT_MAX_ARCHIVE_BYTES if archive else settings.IMPORT_MAX_BYTES
    ):
        source.close()
        raise ImportFailed(too_large_message(job.file.size))
    return source


def _read(
    job: ImportJob, source: BinaryIO, progress: "_Progress", counts: "Counts", found: Found
) -> None:
    """Read the file into `found`, payload by payload; a file-level problem raises
    ImportFailed."""
    profile = get_profile(job.user)
    ctx = ImportContext(
        time_zone=ZoneInfo(profile.time_zone),
        weight_unit=job.weight_unit or profile.units,
        report=lambda fraction: progress(fraction * READ_SHARE),
        max_xml_depth=settings.IMPORT_MAX_XML_DEPTH,
        max_csv_bytes=settings.IMPORT_MAX_BYTES,
        max_csv_columns=settings.IMPORT_MAX_CSV_COLUMNS,
        max_csv_cell=settings.IMPORT_MAX_CSV_CELL_CHARS,
    )
    head = source.read(SNIFF_BYTES)
    source.seek(0)
    if head.startswith(archives.ZIP_MAGIC):
        formats = _read_zip(job, source, ctx, found)
    else:
        formats = {_read_file(source, job.filename, job.format, ctx, found.payload, found.error)}
    if not found.payload_count and not found.error_count:
        raise ImportFailed("The file holds no workouts.")
    if len(formats) == 1 and (fmt := next(iter(formats))) != job.format:
        job.format = fmt
        ImportJob.objects.filter(pk=job.pk).update(format=fmt)
    counts.rows_read = ctx.rows
    counts.reader_refused = found.refused_count
    counts.set_rows = bool(formats) and formats <= SET_PER_ROW


def _read_file(
    source: BinaryIO,
    filename: str,
    format: str,
    ctx: ImportContext,
    keep: Callable[[dict], None],
    note: Callable[[dict], None],
) -> str:
    """One file (a .gz unpacked first): each payload goes to `keep` and each row error to
    `note` as the reader yields it. Returns the file's format."""
    head = source.read(SNIFF_BYTES)
    source.seek(0)
    if head.startswith(archives.GZIP_MAGIC):
        source = archives.gunzip(source)
        head = source.read(SNIFF_BYTES)
        source.seek(0)
    if head.startswith(archives.ZIP_MAGIC):
        raise ImportFailed("A .zip inside an archive is not unpacked; upload it on its own.")
    fmt = format or detect_format(head, filename.removesuffix(".gz"))
    if fmt is None:
        kind = unsupported_kind(head)
        if kind:
            raise ImportFailed(f"This looks like {kind} file, which Myolog doesn't import yet.")
        raise ImportFailed(
            "Could not tell what kind of file this is. Choose its format: "
            + ", ".join(ImportFormat.labels)
            + "."
        )
    size = file_size(source)
    if fmt not in STREAMED and size > settings.IMPORT_MAX_BYTES:
        raise ImportFailed(
            f"The file unpacks to {archives.megabytes(size)}; the limit is "
            f"{archives.megabytes(settings.IMPORT_MAX_BYTES)} (IMPORT_MAX_BYTES) for files "
            "that are read whole (all but TCX, GPX and Apple Health)."
        )
    kept = 0
    for item in READERS[fmt](source, ctx):
        if isinstance(item, CutShort) and not kept:  # damaged before any workout
            raise ImportFailed(item.refusal)
        if isinstance(item, RowError):
            note(row_error(item.row, item.message, refused=item.refused))
        else:
            kept += 1
            keep(item)
    return fmt


def _read_zip(job: ImportJob, source: BinaryIO, ctx: ImportContext, found: Found) -> set[str]:
    """Each member of a .zip read as a file of its own, streamed from the archive; a member
    that cannot be read is refused by name (what it gave before is taken back) and the
    others import. Messages name their member; payloads carry it (`_member`) for the
    messages of the writing phase."""
    plan = archives.plan_zip(source)
    formats: set[str] = set()
    for note in plan.notes:
        found.error(row_error(None, note, refused=False))
    total, done = max(plan.unpacked_size, 1), 0
    report = ctx.report
    for member in plan.members:
        size = member.info.file_size
        ctx.report = lambda fraction, done=done, size=size: report((done + fraction * size) / total)
        mark = found.mark()

        def keep(payload: dict, member: archives.Member = member) -> None:
            found.payload(_as_listed(payload, member))

        def note(error: dict, member: archives.Member = member) -> None:
            if not (member.activity and INFERRED in error["message"]):  # the index's type wins
                found.error({**error, "message": f"{member.name}: {error['message']}"})

        try:
            with archives.open_member(plan, member) as stream:
                fmt = _read_file(stream, member.name, job.format, ctx, keep, note)
        except ImportFailed as failure:
            found.rewind(mark)
            found.error(row_error(None, f"{member.name}: {failure}"))
        else:
            formats.add(fmt)
        done += size
        report(done / total)
    ctx.report = report
    return formats


def _as_listed(payload: dict, member: archives.Member) -> dict:
    """A workout as the archive's index names and types it (Strava's activities.csv)."""
    listed = {"title": member.title, "activity": member.activity}
    payload = {**payload, **{k: v for k, v in listed.items() if v}, "_member": member.name}
    if member.notes and not payload.get("notes"):
        payload["notes"] = member.notes
    return payload


# What a file we do not read looks like, by its first bytes, for the refusal's message.
KINDS = (
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)


# Files of sports software we do not read, by a mark in their text.
TEXT_KINDS = (
    (r"<polar-exercise-data[\s>]", "a Polar Personal Trainer XML"),
    (r'"periodDataUuid"', "a Polar Flow web session JSON"),
    (r"<(\w+:)?kml[\s>]", "a KML (Google Earth)"),
)
JSON_START = re.compile(r'\A(\{|\[\s*([\[{"\d-]|true|false|null|\]))')


def unsupported_kind(head: bytes) -> str | None:
    """ "a JSON", "an XML (<Workouts>)", "a PDF", "a KML"… or None when nothing is
    recognisable."""
    for magic, kind in KINDS:
        if head.startswith(magic):
            return kind
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    for pattern, kind in TEXT_KINDS:
        if re.search(pattern, text):
            return kind
    if JSON_START.match(text):
        return "a JSON"
    if text.startswith("<"):
        root = re.search(r"<([A-Za-z_][\w:.-]*)[\s>/]", re.sub(r"<[?!][^>]*>", "", text))
        return f"an XML (<{root.group(1)}>)" if root else "an XML"
    return None


def _write(
    job: ImportJob,
    payloads: list[dict],
    errors: list[dict],
    progress: "_Progress",
    tally: "Counts",
) -> dict[str, int]:
    cleaned: list[tuple[WorkoutIn, dict]] = []
    for payload in payloads:
        tally.read(payload)
        data, problems, kept = clean_payload(payload)
        errors.extend(_in_member(problems, payload))
        tally.dropped(payload, kept)
        if data is None:
            tally.refused(kept)
        else:
            cleaned.append((data, kept))
    counts = {"created": 0, "updated": 0, "skipped": 0}
    results = services.upsert_many(job.user, [data for data, _ in cleaned])
    for done, ((_, kept), (_, status, problems)) in enumerate(
        zip(cleaned, results, strict=True), start=1
    ):
        if status == services.CREATED:
            counts["created"] += 1
            tally.imported(kept)
        elif status == services.UPDATED:
            counts["updated"] += 1
            tally.imported(kept)
        elif status == services.UNCHANGED:
            counts["skipped"] += 1
            tally.skipped(kept)
        else:
            errors.extend(_in_member([row_error(kept.get("_row"), _describe(problems))], kept))
            tally.refused(kept)
        progress(READ_SHARE + (1 - READ_SHARE) * done / len(cleaned))
    return counts


# Readers that stream their file (an unpacked one may be as large as the archive limits
# allow); every other reader holds its file whole, so IMPORT_MAX_BYTES bounds it unpacked.
STREAMED = {ImportFormat.TCX, ImportFormat.GPX, ImportFormat.APPLE_HEALTH}
SET_PER_ROW = {
    ImportFormat.STRONG_CSV,
    ImportFormat.HEVY_CSV,
    ImportFormat.FITNOTES_CSV,
}
STAGES = ("read", "imported", "skipped", "refused")


class Counts:
    """How many rows, sets and workouts the job read, imported, skipped (already there,
    unchanged) and refused. A row of a CSV is a line; other files count their sessions,
    activities, tracks or workouts as rows."""

    def __init__(self) -> None:
        self.tally = {what: dict.fromkeys(STAGES, 0) for what in ("rows", "sets", "workouts")}
        self.rows_read = 0
        self.reader_refused = 0  # rows a reader left out whole
        self.set_rows = False  # a refused row was a set (one set per row)

    def read(self, payload: dict) -> None:
        self.tally["workouts"]["read"] += 1
        self.tally["sets"]["read"] += _set_count(payload)

    def dropped(self, payload: dict, kept: dict) -> None:
        """Sets (and their rows) that cleaning left out of a workout it kept or refused."""
        self.tally["sets"]["refused"] += _set_count(payload) - _set_count(kept)
        self.tally["rows"]["refused"] += len(_part_rows(payload) - _part_rows(kept))

    def imported(self, kept: dict) -> None:
        self._add("imported", kept)

    def skipped(self, kept: dict) -> None:
        self._add("skipped", kept)

    def refused(self, kept: dict) -> None:
        self._add("refused", kept)

    def _add(self, stage: str, kept: dict) -> None:
        self.tally["workouts"][stage] += 1
        self.tally["sets"][stage] += _set_count(kept)
        self.tally["rows"][stage] += len(_rows_of(kept))

    def as_dict(self) -> dict[str, dict[str, int]]:
        tally = {what: dict(stages) for what, stages in self.tally.items()}
        rows, sets = tally["rows"], tally["sets"]
        rows["refused"] += self.reader_refused
        if self.set_rows:
            sets["read"] += self.reader_refused
            sets["refused"] += self.reader_refused
        rows["read"] = self.rows_read or sum(rows[s] for s in STAGES[1:])
        rows["imported"] = max(rows["read"] - rows["skipped"] - rows["refused"], 0)
        return tally


def _set_count(payload: dict) -> int:
    return sum(len(e.get("sets") or []) for e in payload.get("exercises") or [])


def _rows_of(payload: dict) -> set[int]:
    """The file rows a payload was read from."""
    rows = {payload.get("_row"), *(payload.get("_rows") or [])}
    for part in [*(payload.get("exercises") or []), *(payload.get("intervals") or [])]:
        rows.add(part.get("_row"))
        rows.update(s.get("_row") for s in part.get("sets") or [])
    return {r for r in rows if isinstance(r, int)}


def _part_rows(payload: dict) -> set[int]:
    """The rows of a payload's sets, intervals and set-less exercises: what cleaning can drop.
    (An exercise's own row is its first set's in most files, and stays when that set goes.)"""
    rows = {i.get("_row") for i in payload.get("intervals") or []}
    for entry in payload.get("exercises") or []:
        sets = entry.get("sets") or []
        if sets:
            rows.update(s.get("_row") for s in sets)
        else:
            rows.add(entry.get("_row"))
    return {r for r in rows if isinstance(r, int)}


# A workout's values that can go while the workout stays (a timer left running 15 days).
DROPPABLE = (
    "duration_s",
    "elapsed_s",
    "title",
    "session_rpe",
    "avg_hr",
    "max_hr",
    "distance_m",
    "notes",
)


def clean_payload(payload: dict[str, Any]) -> tuple[WorkoutIn | None, list[dict], dict]:
    """Validate a reader's payload; drop (and report by row) sets and intervals that fail,
    and workout values that fail, keeping the rest of the workout. Any other problem
    refuses the workout. Returns the workout, the row errors and the payload as kept."""
    errors: list[dict] = []
    for _ in range(4):
        try:
            return clean_workout(payload), errors, payload
        except InvalidInput as invalid:
            payload, dropped, remaining = _drop_bad_parts(payload, invalid.errors)
            payload, values = _drop_bad_values(payload, remaining)
            errors.extend(dropped + values)
            if (remaining and not values) or not (dropped or values):
                message = _describe(remaining or invalid.errors)
                errors.append(row_error(payload.get("_row"), f"Workout skipped: {message}"))
                return None, errors, payload
    return None, errors, payload


def _drop_bad_values(
    payload: dict[str, Any], problems: dict[str, list[str]]
) -> tuple[dict[str, Any], list[dict]]:
    """Leave out the workout values `problems` name, when all of them can go."""
    if not problems or any(path not in DROPPABLE for path in problems):
        return payload, []
    message = "; ".join(f"{path}: {' '.join(m)}" for path, m in problems.items())
    kept = {k: v for k, v in payload.items() if k not in problems}
    error = row_error(payload.get("_row"), f"{message} The value is left out.", refused=False)
    return kept, [error]


def _drop_bad_parts(
    payload: dict[str, Any], problems: dict[str, list[str]]
) -> tuple[dict[str, Any], list[dict], dict[str, list[str]]]:
    """Remove the sets, exercises and intervals that `problems` name (by dotted path).
    Returns the smaller payload, the row errors for what went, and the other problems."""
    bad: dict[tuple[str, int], dict[int | None, list[str]]] = {}  # part → set index → messages
    remaining: dict[str, list[str]] = {}
    for path, messages in problems.items():
        parts = path.split(".")
        if parts[0] not in ("exercises", "intervals") or len(parts) < 2 or not parts[1].isdigit():
            remaining[path] = messages
            continue
        key = (parts[0], int(parts[1]))
        is_set = len(parts) >= 4 and parts[0] == "exercises" and parts[2] == "sets"
        if is_set and parts[3].isdigit():
            set_index, field = int(parts[3]), parts[4:]
        else:
            set_index, field = None, parts[2:]
        label = ".".join(field)
        bad.setdefault(key, {}).setdefault(set_index, []).extend(
            f"{label}: {m}" if label else m for m in messages
        )
    collections = {
        "exercises": list(payload.get("exercises") or []),
        "intervals": list(payload.get("intervals") or []),
    }
    dropped = []
    for (name, index), by_set in sorted(bad.items(), key=lambda kv: kv[0][1], reverse=True):
        items = collections[name]
        if index >= len(items):
            continue
        item = items[index]
        if None in by_set or not isinstance(item, dict):  # the whole exercise or interval
            messages = [m for ms in by_set.values() for m in ms]
            dropped.append(row_error(_row_of(item, payload), "; ".join(messages)))
            del items[index]
            continue
        sets = list(item.get("sets") or [])
        for set_index in sorted(by_set, reverse=True):
            if set_index < len(sets):
                row = _row_of(sets[set_index], payload)
                named = f"A set of {item['exercise']}" if item.get("exercise") else "A set"
                message = f"{named} is left out: {'; '.join(by_set[set_index])}"
                dropped.append(row_error(row, message))
                del sets[set_index]
        if sets:
            items[index] = {**item, "sets": sets}
        else:
            del items[index]
    dropped.sort(key=lambda e: e["row"] or 0)
    return {**payload, **collections}, dropped, remaining


def _row_of(part: Any, payload: dict[str, Any]) -> int | None:
    row = part.get("_row") if isinstance(part, dict) else None
    return row if isinstance(row, int) else payload.get("_row")


def _in_member(errors: list[dict], payload: dict) -> list[dict]:
    """Messages about a workout from an archive name the file it came from."""
    member = payload.get("_member")
    return [{**e, "message": f"{member}: {e['message']}"} for e in errors] if member else errors


def _describe(problems: dict[str, list[str]]) -> str:
    return "; ".join(f"{path}: {' '.join(messages)}" for path, messages in problems.items())


def row_error(row: int | None, message: str, *, refused: bool = True) -> dict[str, Any]:
    return {"row": row, "message": message[:1000], "refused": refused}


def finish(job: ImportJob, status: str, errors: list[dict], **counts: Any) -> None:
    """End the job: every message is stored (ImportMessage, paged by the API), the first
    MAX_REPORTED_ERRORS also on the job for its page and status."""
    errors = sorted(errors, key=lambda e: (e["row"] is not None, e["row"] or 0))
    with transaction.atomic():
        ImportMessage.objects.filter(job_id=job.pk).delete()  # a re-run replaces them
        ImportMessage.objects.bulk_create(
            (
                ImportMessage(
                    job_id=job.pk,
                    row=e["row"],
                    message=e["message"],
                    refused=e.get("refused", True),
                )
                for e in errors
            ),
            batch_size=1000,
        )
        ImportJob.objects.filter(pk=job.pk).update(
            status=status,
            progress=1.0,
            errors=[_shown(e) for e in errors[:MAX_REPORTED_ERRORS]],
            error_count=len(errors),
            finished_at=timezone.now(),
            **counts,
        )


def _shown(error: dict) -> dict[str, Any]:
    return {"row": error["row"], "message": error["message"]}


def delete_upload(job: ImportJob) -> None:
    """The upload is only needed while the job runs."""
    if job.file:
        try:
            job.file.delete(save=False)
        except OSError:
            logger.warning("could not delete the upload of import %s", job.pk, exc_info=True)
        ImportJob.objects.filter(pk=job.pk).update(file="")


class _Progress:
    """Writes the job's progress (0–1) at most twice a second, for pollers, and its heartbeat
    for the watchdog."""

    def __init__(self, job_id: int, clock: Callable[[], float] = time.monotonic):
        self.job_id = job_id
        self.clock = clock
        self.last = 0.0

    def __call__(self, fraction: float) -> None:
        now = self.clock()
        if now - self.last >= PROGRESS_EVERY_S:
            self.last = now
            ImportJob.objects.filter(pk=self.job_id).update(
                progress=round(min(fraction, 1.0), 3), heartbeat_at=timezone.now()
            )


def status_dict(job: ImportJob) -> dict[str, Any]:
    """The job as `GET /api/v1/imports/{id}/` returns it, exactly these keys."""
    return {
        "status": job.status,
        "progress": job.progress,
        "created": job.created,
        "updated": job.updated,
        "skipped": job.skipped,
        "counts": job.counts,
        "error_count": job.error_count,
        "errors": job.errors,
    }


def purge_imports(now: datetime | None = None) -> int:
    """Housekeeping: a job that never finished (its worker lost, its message gone) fails and
    its upload is deleted after IMPORT_STALE_HOURS; finished jobs go after IMPORT_KEEP_DAYS.
    Returns the number of jobs deleted."""
    now = now or timezone.now()
    stale = ImportJob.objects.filter(
        status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING],
        created_at__lt=now - timedelta(hours=settings.IMPORT_STALE_HOURS),
    )
    for job in stale:
        finish(job, ImportJob.Status.FAILED, [row_error(None, STALE)])
        delete_upload(job)
    old = ImportJob.objects.filter(created_at__lt=now - timedelta(days=settings.IMPORT_KEEP_DAYS))
    for job in old.exclude(file=""):
        delete_upload(job)
    deleted, _ = old.delete()
    return deleted


STALE = "The import did not finish; upload the file again."
