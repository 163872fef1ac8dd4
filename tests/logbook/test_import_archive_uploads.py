"""Uploads: a .zip or .gz may be as large as IMPORT_MAX_ARCHIVE_BYTES, any other file
IMPORT_MAX_BYTES (25 MB stays the limit for a plain CSV); past its limit an upload is a 413
naming both, and nothing is stored."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.models import ImportJob
from tests import files
from tests.factories import committing
from tests.files import T0

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(api, data: bytes, name: str):
    with committing():
        return api.post(URL, {"file": SimpleUploadedFile(name, data)}, format="multipart")


def stored(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("runs.zip", files.zipped({"a.gpx": files.gpx(T0, minutes=300)})),
        ("run.gpx.gz", gzip.compress(files.gpx(T0, minutes=300))),
    ],
)
def test_an_archive_past_the_plain_limit_is_accepted_and_imports(api, settings, name, data):
    settings.IMPORT_MAX_BYTES = 1000
    assert len(data) > settings.IMPORT_MAX_BYTES
    response = post(api, data, name)
    assert response.status_code == 202, response.json()
    job = ImportJob.objects.get(pk=response.json()["id"])
    assert (job.status, job.created) == ("done", 1)


def test_a_plain_file_past_the_plain_limit_is_a_413(api, settings, media):
    settings.IMPORT_MAX_BYTES = 1000
    response = post(api, files.gpx(T0, minutes=300), "run.gpx")
    assert response.status_code == 413
    (message,) = response.json()["errors"]["file"]
    assert message.endswith("the limit is 1000 bytes, or 2048.0 MB for a .zip or .gz file.")
    assert not ImportJob.objects.exists()
    assert stored(media) == []


def test_an_archive_past_the_archive_limit_is_a_413(api, settings, media):
    settings.IMPORT_MAX_BYTES = 1000
    settings.IMPORT_MAX_ARCHIVE_BYTES = 2000
    response = post(api, files.zipped({"a.gpx": files.gpx(T0, minutes=600)}), "runs.zip")
    assert response.status_code == 413
    assert "for a .zip or .gz file" in response.json()["errors"]["file"][0]
    assert not ImportJob.objects.exists()
    assert stored(media) == []


def test_a_declared_length_past_every_limit_is_refused_before_reading(api, settings):
    settings.IMPORT_MAX_BYTES = settings.IMPORT_MAX_ARCHIVE_BYTES = 1000
    response = api.generic(
        "POST",
        URL,
        b"x" * 10,
        content_type="multipart/form-data; boundary=b",
        CONTENT_LENGTH="999999",
    )
    assert response.status_code == 413
    assert not ImportJob.objects.exists()
