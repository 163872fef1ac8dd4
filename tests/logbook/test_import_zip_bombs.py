"""Zip bombs and floods are refused before anything is unpacked, with a message naming the
limit: a member that unpacks to too many times its size, members that unpack to too much
together, too many members (counted in the central directory, zip64 too); a member that
unpacks past the size it declares, or is encrypted, is refused by name."""

import struct
import zipfile

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportMessage
from tests import files
from tests.files import T0

pytestmark = pytest.mark.django_db


def failure(user, archive: bytes) -> str:
    status = run_import_bytes(user, archive, "upload.zip")
    assert status["status"] == "failed"
    assert user.workouts.count() == 0
    (error,) = status["errors"]
    return error["message"]


def test_a_member_of_too_high_a_ratio_is_a_zip_bomb(user):
    archive = files.zipped({"a.gpx": files.gpx(T0), "bomb.gpx": b"\0" * 20_000_000})
    message = failure(user, archive)
    assert message.startswith("bomb.gpx unpacks to ")
    assert message.endswith(
        "times its packed size; the limit is 100 (IMPORT_MAX_ARCHIVE_RATIO), so the archive "
        "is refused as a zip bomb."
    )


def test_members_unpacking_past_the_total_are_refused(user, settings):
    settings.IMPORT_MAX_ARCHIVE_UNPACKED_BYTES = 10_000
    members = {f"{n}.gpx": files.gpx(T0, minutes=60) for n in range(3)}
    archive = files.zipped(members, zipfile.ZIP_STORED)
    message = failure(user, archive)
    assert message.startswith("The files to import unpack to ")
    assert message.endswith("the limit is 10000 bytes (IMPORT_MAX_ARCHIVE_UNPACKED_BYTES).")


def test_too_many_members_are_refused(user, settings):
    settings.IMPORT_MAX_ARCHIVE_MEMBERS = 50
    archive = files.zipped({f"{n}.txt": b"" for n in range(51)})
    message = failure(user, archive)
    assert message == (
        "The .zip file holds more than 50 files; the limit is 50 (IMPORT_MAX_ARCHIVE_MEMBERS)."
    )


def test_a_zip64_directory_of_seventy_thousand_members_is_counted(user):
    archive = files.zipped({f"{n}": b"" for n in range(70_000)}, zipfile.ZIP_STORED)
    assert b"PK\x06\x06" in archive[-200:]  # zip64 end of central directory
    assert "(IMPORT_MAX_ARCHIVE_MEMBERS)" in failure(user, archive)


def _patch_directory(archive: bytes, name: bytes, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite a field of `name`'s central directory header."""
    at = archive.rindex(b"PK\x01\x02", 0, archive.rindex(name))
    data = bytearray(archive)
    struct.pack_into(fmt, data, at + offset, value)
    return bytes(data)


def test_a_member_is_never_unpacked_past_its_declared_size(user):
    archive = files.zipped({"a.gpx": files.gpx(T0), "liar.gpx": files.gpx(T0, minutes=600)})
    archive = _patch_directory(archive, b"liar.gpx", 24, "<I", 1000)  # uncompressed size
    status = run_import_bytes(user, archive, "upload.zip")
    assert status["created"] == 1
    (message,) = ImportMessage.objects.filter(job__user=user).values_list("message", flat=True)
    assert message == "liar.gpx: it could not be unpacked: Bad CRC-32 for file 'liar.gpx'."


def test_an_encrypted_member_is_refused_by_name(user):
    archive = files.zipped({"a.gpx": files.gpx(T0), "secret.gpx": files.gpx(T0, minutes=5)})
    archive = _patch_directory(archive, b"secret.gpx", 8, "<H", 0x1)  # the "encrypted" flag
    status = run_import_bytes(user, archive, "upload.zip")
    assert status["created"] == 1
    (message,) = ImportMessage.objects.filter(job__user=user).values_list("message", flat=True)
    assert message == "secret.gpx: it is encrypted; export it again without a password."
