"""An import in numbered steps, each a short task, so a big file never holds the imports
queue: other users' imports run between its chunks.

Step 0 (`read_file`) reads the whole file as `jobs` always has (a file-level problem fails
the job and writes nothing) and spools the payloads to storage as JSON lines as they are
read (`Spool`): memory stays flat however many workouts the file holds. Each next step
(`write_chunk`) writes the spooled workouts from where the last one stopped, for at most
IMPORT_CHUNK_SECONDS or IMPORT_CHUNK_WORKOUTS, records where it stopped (`resume`) and
moves the job to the next step; the task then queues that step at the back of the imports
queue. A step is done by one message only: a duplicate (a redelivery, the watchdog's
re-queue) finds the job past its step and stops.

Database errors are raised, not turned into a failed job, so the task retries them with
backoff; the watchdog (`logbook.imports.watchdog`) takes over if a step never finishes.
"""

import itertools
import json
import logging
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, BinaryIO

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Max
from django.utils import timezone

from logbook.imports import jobs
from logbook.imports.readers import ImportFailed
from logbook.models import ImportJob, ImportMessage

logger = logging.getLogger(__name__)

# What a task retries (with backoff) instead of failing the job: the database went away.
DATABASE_ERRORS = (OperationalError, InterfaceError)
BATCH = 100  # workouts written between checks of the chunk's time
SPOOL_DIR = "imports/spool"

_IMPORTING = ContextVar("importing", default=False)

TOO_LONG = "The import took too long and was stopped; the workouts it wrote are kept."
UNEXPECTED = "The import stopped on an unexpected error; the workouts it wrote are kept."


class Outcome:
    failed = False


@contextmanager
def failing_on_errors(job: ImportJob, doing: str) -> Iterator[Outcome]:
    """What a step does with an error: a database error is raised (the task retries it with
    backoff); a time limit or anything unexpected fails the job with a message, and the
    outcome says so (the step then stops)."""
    outcome = Outcome()
    try:
        yield outcome
    except DATABASE_ERRORS:
        raise
    except SoftTimeLimitExceeded:
        fail(job, TOO_LONG)
        outcome.failed = True
    except Exception:
        logger.exception("import %s failed %s", job.pk, doing)
        fail(job, UNEXPECTED)
        outcome.failed = True


class Spool(jobs.Found):
    """A read's payloads and row errors as JSON lines in temporary files, written as the
    reader yields them, so reading holds one workout at a time, not the file's thousands.
    ASCII escapes keep every string, lone surrogates too, as the reader gave it."""

    def __init__(self, payload_file: BinaryIO, error_file: BinaryIO) -> None:
        super().__init__()
        self.payload_file = payload_file
        self.error_file = error_file

    def _keep_payload(self, payload: dict) -> None:
        self.payload_file.write(_line(payload))

    def _keep_error(self, error: dict) -> None:
        self.error_file.write(_line(error))

    def _position(self) -> Any:
        return (self.payload_file.tell(), self.error_file.tell())

    def _truncate(self, position: Any) -> None:
        for file, at in zip((self.payload_file, self.error_file), position, strict=True):
            file.seek(at)
            file.truncate()

    def save(self, job: ImportJob) -> str:
        """The payloads in default storage (workers on other machines share it)."""
        self.payload_file.seek(0)
        name = f"{SPOOL_DIR}/{job.pk}-{uuid.uuid4().hex}.jsonl"
        return default_storage.save(name, File(self.payload_file))

    def row_errors(self) -> Iterator[dict]:
        self.error_file.flush()
        self.error_file.seek(0)
        for line in self.error_file:
            yield json.loads(line)


def read_file(job_id: int) -> int | None:
    """Step 0. Returns the step to queue next, or None when there is none (the job ended, or
    another message read the file first)."""
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.is_finished or job.step != 0:
        return None
    now = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, progress=0.0, heartbeat_at=now
    )
    tally = jobs.Counts()
    with tempfile.TemporaryFile() as payloads, tempfile.TemporaryFile() as messages:
        found = Spool(payloads, messages)
        with failing_on_errors(job, "reading") as outcome:
            try:
                with jobs._stored_file(job) as source:
                    jobs._read(job, source, jobs._Progress(job.pk), tally, found)
            except ImportFailed as failure:
                fail(job, str(failure))
                jobs.delete_upload(job)  # the file itself is the problem: a retry fails alike
                return None
        if outcome.failed:
            return None
        spool = found.save(job)
        state = {
            "spool": spool,
            "at": 0,
            "done": 0,
            "total": found.payload_count,
            "counts": {"created": 0, "updated": 0, "skipped": 0},
            "tally": _tally_state(tally),
        }
        with transaction.atomic():
            moved = ImportJob.objects.filter(pk=job.pk, step=0).update(
                step=1,
                resume=state,
                heartbeat_at=timezone.now(),
                progress=jobs.READ_SHARE,
                attempts=0,  # progress: the watchdog counts attempts without any
            )
            if moved:
                _store(job, found.row_errors())
    if not moved:  # another message read it meanwhile; its spool is the one
        default_storage.delete(spool)
        return None
    jobs.delete_upload(job)  # the spool holds what the upload said
    return 1


def write_chunk(job_id: int, step: int) -> int | None:
    """Write the next workouts of the spool. Returns the next step to queue, or None."""
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.is_finished or job.step != step or not job.resume:
        return None
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    state = job.resume
    tally = _tally_from(state["tally"])
    counts = dict(state["counts"])
    errors: list[dict] = []
    written = 0
    deadline = time.monotonic() + settings.IMPORT_CHUNK_SECONDS
    progress = jobs._Progress(job.pk)
    importing = _IMPORTING.set(True)
    try:
        with (
            failing_on_errors(job, "writing") as outcome,
            default_storage.open(state["spool"], "rb") as spool,
        ):
            spool.seek(state["at"])
            limit = settings.IMPORT_CHUNK_WORKOUTS
            while batch := [json.loads(x) for x in _lines(spool, min(BATCH, limit - written))]:
                report = _overall(progress, state["done"] + written, len(batch), state["total"])
                for key, value in jobs._write(job, batch, errors, report, tally).items():
                    counts[key] += value
                written += len(batch)
                # A heartbeat, and a probe: with the database gone this raises (and the
                # chunk is retried from its start) rather than record its items as refused.
                ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
                if written >= limit or time.monotonic() >= deadline:
                    break
            at = spool.tell()
            more = bool(spool.readline())
    finally:
        _IMPORTING.reset(importing)
    if outcome.failed:
        return None
    if not more:
        _finish(job, step, errors, counts, tally)
        return None
    done = state["done"] + written
    resume = {**state, "at": at, "done": done, "counts": counts, "tally": _tally_state(tally)}
    progress = jobs.READ_SHARE + (1 - jobs.READ_SHARE) * done / max(state["total"], 1)
    with transaction.atomic():
        moved = ImportJob.objects.filter(pk=job.pk, step=step).update(
            step=step + 1,
            resume=resume,
            heartbeat_at=timezone.now(),
            progress=round(progress, 3),
            attempts=0,
        )
        if moved:
            _store(job, errors)
    return step + 1 if moved else None


def _finish(job: ImportJob, step: int, errors: list[dict], counts: dict, tally: Any) -> None:
    """The last step: its messages stored with the earlier steps', all put in row order
    (the messages API pages them by id), the first MAX_REPORTED_ERRORS kept on the job."""
    with transaction.atomic():
        if not ImportJob.objects.filter(pk=job.pk, step=step).update(step=step + 1):
            return  # another message finished it
        _store(job, errors)
        messages = _in_row_order(job)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.DONE,
            progress=1.0,
            errors=[
                {"row": m.row, "message": m.message} for m in messages[: jobs.MAX_REPORTED_ERRORS]
            ],
            error_count=messages.count(),
            finished_at=timezone.now(),
            counts=tally.as_dict(),
            **counts,
        )
    delete_spool(job)


def _in_row_order(job: ImportJob) -> Any:
    """Copy the job's messages in row order (the file's, then its rows'; equals as they
    were stored), a thousand at a time, and delete the originals: ids follow rows."""
    stored = ImportMessage.objects.filter(job_id=job.pk)
    last = stored.aggregate(last=Max("id"))["last"]
    if last is None:
        return stored
    ordered = stored.filter(id__lte=last).order_by(F("row").asc(nulls_first=True), "id")
    _store(
        job,
        (
            {"row": m.row, "message": m.message, "refused": m.refused}
            for m in ordered.iterator(chunk_size=1000)
        ),
    )
    stored.filter(id__lte=last).delete()
    return ImportMessage.objects.filter(job_id=job.pk).order_by("id")


@contextmanager
def bulk_writes() -> Iterator[None]:
    """Workouts saved inside are classified on the bulk queue, as an import chunk's are:
    `make run`'s demo seed, so a lifter's first save does not wait behind its weeks."""
    token = _IMPORTING.set(True)
    try:
        yield
    finally:
        _IMPORTING.reset(token)


def importing() -> bool:
    """Whether the workouts being saved now are an import chunk's (insights queues their
    classification apart, so a big import never delays anyone's saved workout)."""
    return _IMPORTING.get()


def fail(job: ImportJob, message: str) -> None:
    """End the job failed, its message first. What earlier steps stored stays, and so does
    the upload or the spool, so the job can be retried (`logbook.imports.services.retry`)."""
    with transaction.atomic():
        ImportMessage.objects.create(job_id=job.pk, row=None, message=message[:1000])
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED,
            progress=1.0,
            errors=[{"row": None, "message": message[:1000]}],
            error_count=ImportMessage.objects.filter(job_id=job.pk).count(),
            finished_at=timezone.now(),
        )


def delete_spool(job: ImportJob) -> None:
    spool = (job.resume or {}).get("spool")
    if spool:
        try:
            default_storage.delete(spool)
        except OSError:
            logger.warning("could not delete the spool of import %s", job.pk, exc_info=True)
        ImportJob.objects.filter(pk=job.pk).update(resume={})


def has_spool(job: ImportJob) -> bool:
    spool = (job.resume or {}).get("spool")
    return bool(spool) and default_storage.exists(spool)


def _store(job: ImportJob, errors: Iterable[dict]) -> None:
    """Row errors as messages, a thousand at a time (never all of them in memory)."""
    rows = iter(errors)
    while batch := list(itertools.islice(rows, 1000)):
        ImportMessage.objects.bulk_create(
            ImportMessage(job_id=job.pk, row=e["row"], message=e["message"], refused=e["refused"])
            for e in batch
        )


def _line(item: dict) -> bytes:
    return json.dumps(item, cls=DjangoJSONEncoder).encode() + b"\n"


def _lines(spool: Any, count: int) -> list[bytes]:
    lines = []
    while len(lines) < count and (line := spool.readline()):
        lines.append(line)
    return lines


def _overall(progress: Any, before: int, size: int, total: int) -> Any:
    """`jobs._write` reports its progress through one batch; the job's is through them all."""
    share = 1 - jobs.READ_SHARE

    def report(fraction: float) -> None:
        within = (fraction - jobs.READ_SHARE) / share
        progress(jobs.READ_SHARE + share * (before + within * size) / max(total, 1))

    return report


def _tally_state(tally: Any) -> dict:
    return {
        "tally": tally.tally,
        "rows_read": tally.rows_read,
        "reader_refused": tally.reader_refused,
        "set_rows": tally.set_rows,
    }


def _tally_from(state: dict) -> Any:
    tally = jobs.Counts()
    tally.tally = {what: dict(stages) for what, stages in state["tally"].items()}
    tally.rows_read = state["rows_read"]
    tally.reader_refused = state["reader_refused"]
    tally.set_rows = state["set_rows"]
    return tally
