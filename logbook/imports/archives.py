"""Compressed and bundled uploads: a .gz of one file, and a .zip of one or many files.

A .zip is read member by member, each streamed out of the archive as its reader asks
(nothing is unpacked to disk or memory first). Before zipfile builds anything, the
archive is checked against limits: the number of members (counted by walking the central
directory, so a directory of millions of entries never becomes millions of objects), the
compression ratio of every member read and their total unpacked size (zip bombs), all
from the sizes the archive declares; zipfile never unpacks past a declared size.

Which members are read depends on the layout:

- Apple Health's export.zip: only `apple_health_export/export.xml` (the routes, ECGs and
  clinical records beside it are not workouts of their own);
- Strava's bulk export: the files under `activities/` (`.fit.gz`, `.gpx`, `.tcx.gz` ...),
  named and typed by `activities.csv`;
- any other .zip: every file in it.
"""

import csv
import gzip
import io
import posixpath
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.conf import settings

from logbook.imports.readers.common import ImportFailed, read_text

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1 << 20
# Bytes of central directory allowed per member: its fixed 46 bytes and a long name.
DIRECTORY_BYTES_PER_MEMBER = 1024


def is_archive(head: bytes) -> bool:
    return head.startswith((GZIP_MAGIC, ZIP_MAGIC))


def megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 104_858 else f"{size} bytes"


def gunzip(source: BinaryIO) -> BinaryIO:
    """A .gz unpacked to a temporary file (on disk past 8 MB), stopping at
    IMPORT_MAX_UNPACKED_BYTES so a gzip bomb is refused before any parsing."""
    limit = settings.IMPORT_MAX_UNPACKED_BYTES
    unpacked = tempfile.SpooledTemporaryFile(max_size=8 * CHUNK)  # noqa: SIM115 (returned)
    try:
        with gzip.GzipFile(fileobj=source) as packed:
            while chunk := packed.read(CHUNK):
                if unpacked.tell() + len(chunk) > limit:
                    raise ImportFailed(
                        f"The file unpacks to more than {megabytes(limit)}, the limit "
                        "(IMPORT_MAX_UNPACKED_BYTES)."
                    )
                unpacked.write(chunk)
    except (OSError, EOFError, zlib.error) as error:
        raise ImportFailed(f"The .gz file could not be unpacked: {error}.") from None
    unpacked.seek(0)
    return unpacked


@dataclass
class Member:
    """A file of the archive to import, and what the archive says about it besides."""

    info: zipfile.ZipInfo
    title: str = ""
    activity: str = ""
    notes: str = ""

    @property
    def name(self) -> str:
        return self.info.filename


@dataclass
class Plan:
    """What to read from an archive, and what to tell the user about the rest."""

    archive: zipfile.ZipFile
    members: list[Member]
    notes: list[str] = field(default_factory=list)

    @property
    def unpacked_size(self) -> int:
        return sum(m.info.file_size for m in self.members)


def plan_zip(source: BinaryIO) -> Plan:
    """Open a .zip within the limits and choose the members to import."""
    count_members(source, settings.IMPORT_MAX_ARCHIVE_MEMBERS)
    try:
        archive = zipfile.ZipFile(source)  # reads from the job's file, which the job closes
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise ImportFailed(f"The .zip file could not be read: {error}.") from None
    files = [i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)]
    health = next((i for i in files if posixpath.basename(i.filename) == "export.xml"), None)
    strava = next((i for i in files if posixpath.basename(i.filename) == "activities.csv"), None)
    if health is not None:
        plan = Plan(archive, [Member(health)])
    elif strava is not None:
        plan = _strava(archive, files, strava)
    else:
        plan = Plan(archive, [Member(i) for i in files])
    check_sizes(plan)
    if not plan.members:
        raise ImportFailed("The .zip file holds no files to import.")
    return plan


def check_sizes(plan: Plan) -> None:
    """Zip bombs: a member that unpacks to too many times its packed size, or members that
    unpack to too much together, are refused before any is unpacked."""
    ratio = settings.IMPORT_MAX_ARCHIVE_RATIO
    for member in plan.members:
        info = member.info
        if info.file_size > ratio * max(info.compress_size, 1):
            raise ImportFailed(
                f"{info.filename} unpacks to {info.file_size / max(info.compress_size, 1):,.0f} "
                f"times its packed size; the limit is {ratio:,} (IMPORT_MAX_ARCHIVE_RATIO), "
                "so the archive is refused as a zip bomb."
            )
    limit = settings.IMPORT_MAX_ARCHIVE_UNPACKED_BYTES
    if plan.unpacked_size > limit:
        raise ImportFailed(
            f"The files to import unpack to {megabytes(plan.unpacked_size)}; the limit is "
            f"{megabytes(limit)} (IMPORT_MAX_ARCHIVE_UNPACKED_BYTES)."
        )


@contextmanager
def open_member(plan: Plan, member: Member) -> Iterator[BinaryIO]:
    """A member streamed out of the archive. It carries its unpacked size (readers show
    progress by it; seeking to its end would unpack it all)."""
    info = member.info
    if info.flag_bits & 0x1:
        raise ImportFailed("it is encrypted; export it again without a password.")
    try:
        stream = plan.archive.open(info)
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as error:
        raise ImportFailed(f"it could not be unpacked: {error}.") from None
    stream.size = info.file_size  # type: ignore[attr-defined]
    try:
        yield stream
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ImportFailed(f"it could not be unpacked: {error}.") from None
    finally:
        stream.close()


def count_members(source: BinaryIO, limit: int) -> None:
    """Refuse an archive of more than `limit` members before zipfile makes an object of
    each: the central directory's entries are counted header by header."""
    end = source.seek(0, 2)
    tail_at = max(end - 22 - 0xFFFF, 0)
    source.seek(tail_at)
    tail = source.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise ImportFailed("The .zip file could not be read: it has no central directory.")
    size, offset = struct.unpack("<II", tail[at + 12 : at + 20])
    if 0xFFFFFFFF in (size, offset) and tail[at - 20 : at - 16] == b"PK\x06\x07":
        (record_at,) = struct.unpack("<Q", tail[at - 12 : at - 4])
        source.seek(record_at)
        record = source.read(56)
        if record[:4] == b"PK\x06\x06":
            size, offset = struct.unpack("<QQ", record[40:56])
    if size > limit * DIRECTORY_BYTES_PER_MEMBER:
        raise ImportFailed(_too_many(f"more than {limit:,}", limit))
    source.seek(offset)
    directory = source.read(size)
    if not directory.startswith(b"PK\x01\x02"):  # data before the archive: count back
        source.seek(max(tail_at + at - size, 0))
        directory = source.read(size)
    count = position = 0
    while directory[position : position + 4] == b"PK\x01\x02":
        lengths = struct.unpack("<HHH", directory[position + 28 : position + 34])
        position += 46 + sum(lengths)
        count += 1
        if count > limit:
            raise ImportFailed(_too_many(f"more than {limit:,}", limit))
    source.seek(0)


def _too_many(count: str, limit: int) -> str:
    return (
        f"The .zip file holds {count} files; the limit is {limit:,} (IMPORT_MAX_ARCHIVE_MEMBERS)."
    )


def _hidden(name: str) -> bool:
    """What archivers add beside the files: macOS resource forks, .DS_Store."""
    return name.startswith("__MACOSX/") or posixpath.basename(name).startswith(".")


# --- Strava's bulk export ------------------------------------------------------------

STRAVA_TYPES = {
    "run": "run",
    "trailrun": "run",
    "virtualrun": "run",
    "ride": "ride",
    "virtualride": "ride",
    "ebikeride": "ride",
    "mountainbikeride": "ride",
    "emountainbikeride": "ride",
    "gravelride": "ride",
    "handcycle": "ride",
    "velomobile": "ride",
    "walk": "walk",
    "hike": "walk",
    "swim": "swim",
    "rowing": "row",
    "virtualrow": "row",
    "weighttraining": "strength",
    "crossfit": "hiit",
    "hiit": "hiit",
    "highintensityintervaltraining": "hiit",
    "yoga": "mobility",
    "pilates": "mobility",
}


def _strava(archive: zipfile.ZipFile, files: list[zipfile.ZipInfo], index: Any) -> Plan:
    """The files under activities/ beside activities.csv, each named and typed by its row."""
    root = posixpath.dirname(index.filename)
    folder = posixpath.join(root, "activities") + "/"
    rows, without_file = _strava_rows(archive, index, root)
    members = []
    for info in files:
        if info.filename.startswith(folder):
            row = rows.get(info.filename, {})
            members.append(
                Member(
                    info,
                    title=row.get("activity name", "")[:200],
                    activity=STRAVA_TYPES.get(_squashed(row.get("activity type", "")), ""),
                    notes=row.get("activity description", "")[:10_000],
                )
            )
    notes = []
    if without_file:
        notes.append(
            f"{index.filename} lists {without_file:,} "
            f"{'activity' if without_file == 1 else 'activities'} without a file (entered "
            "by hand, or without GPS), not imported."
        )
    return Plan(archive, members, notes)


def _strava_rows(
    archive: zipfile.ZipFile, index: zipfile.ZipInfo, root: str
) -> tuple[dict[str, dict[str, str]], int]:
    """activities.csv by member name; and how many of its activities have no file."""
    try:
        with archive.open(index) as stream:
            text = read_text(stream, settings.IMPORT_MAX_BYTES)
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (ImportFailed, csv.Error, zipfile.BadZipFile, zlib.error, OSError):
        return {}, 0  # the files still import, under the names they carry
    by_file: dict[str, dict[str, str]] = {}
    without_file = 0
    for row in rows:
        cells = {k.strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        filename = cells.get("filename", "")
        if filename:
            by_file[posixpath.join(root, filename)] = cells
        else:
            without_file += 1
    return by_file, without_file


def _squashed(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())
