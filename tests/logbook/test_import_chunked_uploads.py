"""Chunked, resumable uploads (`/api/v1/imports/uploads/`): started with the file's name and
size under the same limits as a one-request upload, the bytes sent in chunks that must start
where the stored ones end (409 with the offset otherwise), resumed from the offset the server
gives, and the last byte makes exactly one job through the one-request path; each user sees
only their own, and abandoned ones are deleted with their bytes."""

import fcntl
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown
from rest_framework.test import APIClient

from logbook.imports import tasks, upload_files, uploads
from logbook.models import ImportJob, ImportUpload, TokenScope, Workout
from logbook.tokens import issue_token
from tests import files
from tests.factories import PASSWORD, UserFactory, committing
from tests.files import T0
from tests.logbook.test_import_api import HEVY

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/uploads/"
DATA = HEVY.encode()  # 2 workouts import, 1 is refused (its year)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def start(api, data: bytes = DATA, name: str = "hevy.csv", **fields):
    return api.post(URL, {"filename": name, "size": len(data), **fields}, format="json")


def put(api, upload_id: int, data: bytes, first: int, total: int, *, range_: str | None = None):
    header = range_ or f"bytes {first}-{first + len(data) - 1}/{total}"
    with committing():
        return api.generic(
            "PUT",
            f"{URL}{upload_id}/",
            data,
            content_type="application/octet-stream",
            HTTP_CONTENT_RANGE=header,
        )


def send_all(api, upload_id: int, data: bytes, size: int):
    """Every chunk in order; the answer to the last."""
    for first in range(0, len(data), size):
        response = put(api, upload_id, data[first : first + size], first, len(data))
        assert response.status_code == 200, response.json()
    return response


def test_start_answers_the_upload_at_offset_zero_before_any_byte(api, user, settings, media):
    response = start(api, format="hevy_csv", weight_unit="kg")
    assert response.status_code == 201
    body = response.json()
    assert body == {
        "id": body["id"],
        "filename": "hevy.csv",
        "size": len(DATA),
        "offset": 0,
        "chunk_size": settings.IMPORT_UPLOAD_CHUNK_BYTES,
        "format": "hevy_csv",
        "weight_unit": "kg",
        "job": None,
        "expires_at": body["expires_at"],
    }
    assert response["Upload-Offset"] == "0"
    assert (media / "imports" / "uploads" / f"{body['id']}.part").read_bytes() == b""
    assert not ImportJob.objects.exists()


def test_chunks_in_order_end_in_one_job_that_imports_the_file(api, user, media):
    upload_id = start(api).json()["id"]
    last = send_all(api, upload_id, DATA, 100)
    body = last.json()
    assert body["offset"] == len(DATA)
    job = ImportJob.objects.get(user=user)
    assert body["job"] == job.pk
    assert job.filename == "hevy.csv"
    assert job.size == len(DATA)
    assert job.status == ImportJob.Status.DONE
    assert job.created == 2
    assert Workout.objects.filter(user=user).count() == 2
    assert not (media / "imports" / "uploads" / f"{upload_id}.part").exists()
    assert api.get(f"/api/v1/imports/{job.pk}/").json()["created"] == 2


def test_the_chunks_are_stored_byte_for_byte_until_the_last(api, media):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA[:100], 0, len(DATA))
    put(api, upload_id, DATA[100:250], 100, len(DATA))
    assert (media / "imports" / "uploads" / f"{upload_id}.part").read_bytes() == DATA[:250]
    assert api.get(f"{URL}{upload_id}/").json()["offset"] == 250


def test_a_chunk_at_the_wrong_offset_is_409_with_the_offset_to_send_from(api, media):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA[:100], 0, len(DATA))
    response = put(api, upload_id, DATA[150:200], 150, len(DATA))
    assert response.status_code == 409
    assert response.json()["offset"] == 100
    assert response["Upload-Offset"] == "100"
    assert "Content-Range" in response.json()["errors"]
    assert (media / "imports" / "uploads" / f"{upload_id}.part").read_bytes() == DATA[:100]


def test_a_resent_chunk_is_refused_and_the_upload_resumes_from_the_offset(api, user):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA[:100], 0, len(DATA))
    # The answer was lost: the client sends the same chunk again, then asks where to go on.
    again = put(api, upload_id, DATA[:100], 0, len(DATA))
    assert again.status_code == 409
    offset = api.get(f"{URL}{upload_id}/").json()["offset"]
    assert offset == 100
    last = put(api, upload_id, DATA[offset:], offset, len(DATA))
    assert last.status_code == 200
    assert ImportJob.objects.get(user=user).created == 2


def test_the_last_chunk_sent_twice_makes_exactly_one_job(api, user):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA[:200], 0, len(DATA))
    first = put(api, upload_id, DATA[200:], 200, len(DATA))
    again = put(api, upload_id, DATA[200:], 200, len(DATA))
    assert first.status_code == 200
    assert again.status_code == 409
    assert again.json()["offset"] == len(DATA)
    assert ImportJob.objects.filter(user=user).count() == 1
    assert api.get(f"{URL}{upload_id}/").json()["job"] == first.json()["job"]


def test_a_chunk_cut_short_counts_nothing_of_it(user, media):
    upload = uploads.start_upload(user, filename="hevy.csv", size=len(DATA))
    with pytest.raises(uploads.InvalidInput) as refused:
        uploads.receive_chunk(upload, uploads.Chunk(0, 100), io.BytesIO(DATA[:60]))
    assert "chunk" in refused.value.errors
    upload.refresh_from_db()
    assert upload.received == 0
    assert upload_files.partial_path(upload).read_bytes() == b""


def test_a_chunk_while_another_is_being_written_is_409_and_writes_nothing(user):
    upload = uploads.start_upload(user, filename="hevy.csv", size=len(DATA))
    with upload_files.partial_path(upload).open("r+b") as other:
        fcntl.flock(other, fcntl.LOCK_EX)  # as the request writing the same offset holds it
        with pytest.raises(uploads.WrongOffset) as refused:
            uploads.receive_chunk(upload, uploads.Chunk(0, 100), io.BytesIO(DATA[:100]))
    assert refused.value.offset == 0
    assert "Another chunk is being written" in refused.value.errors["Content-Range"][0]
    assert upload_files.partial_path(upload).read_bytes() == b""


def test_a_bulk_export_zip_over_the_plain_limit_goes_up_in_chunks(api, user, settings):
    archive = files.zipped(
        {f"activities/{n}.gpx": files.gpx(T0 + timedelta(days=n), minutes=40) for n in range(3)}
    )
    settings.IMPORT_MAX_BYTES = len(archive) // 2  # a plain file this big would be refused
    upload_id = start(api, archive, "export.zip").json()["id"]
    send_all(api, upload_id, archive, 1000)
    job = ImportJob.objects.get(user=user)
    assert job.status == ImportJob.Status.DONE
    assert job.created == 3


# --- Limits and bad input --------------------------------------------------------------------


def test_a_file_over_the_archive_limit_is_refused_before_any_byte(api, settings):
    response = api.post(
        URL, {"filename": "x.zip", "size": settings.IMPORT_MAX_ARCHIVE_BYTES + 1}, format="json"
    )
    assert response.status_code == 400
    assert "size" in response.json()["errors"]
    assert not ImportUpload.objects.exists()


def test_a_plain_file_over_the_plain_limit_is_413_at_its_first_bytes(api, settings, media):
    settings.IMPORT_MAX_BYTES = 100
    upload_id = start(api).json()["id"]
    response = put(api, upload_id, DATA[:100], 0, len(DATA))
    assert response.status_code == 413
    assert "file" in response.json()["errors"]
    assert not ImportUpload.objects.exists()
    assert not (media / "imports" / "uploads" / f"{upload_id}.part").exists()


def test_a_chunk_over_the_chunk_limit_is_413_naming_content_length(api, settings):
    settings.IMPORT_UPLOAD_CHUNK_BYTES = 100
    upload_id = start(api).json()["id"]
    response = put(api, upload_id, DATA[:101], 0, len(DATA))
    assert response.status_code == 413
    assert "Content-Length" in response.json()["errors"]


def test_bad_start_fields_are_400_naming_each(api):
    response = api.post(
        URL, {"filename": "", "size": "big", "format": "word", "weight_unit": "st"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"filename", "size", "format", "weight_unit"}
    assert start(api, b"").json()["errors"] == {"size": ["The file is empty."]}
    assert start(api, name="x" * 256).json()["errors"].keys() == {"filename"}
    assert api.post(URL, [1], format="json").json()["errors"].keys() == {"body"}
    for name in ("format", "weight_unit"):  # given, but empty: not the same as absent
        for empty in (None, ""):
            assert start(api, **{name: empty}).json()["errors"].keys() == {name}


@pytest.mark.parametrize(
    "header",
    ["", "bytes=0-99", "bytes 0-99/7", "bytes 0-49/{size}", "bytes {size}-{end}/{size}"],
)
def test_a_bad_content_range_is_400_naming_it(api, header):
    upload_id = start(api).json()["id"]
    size = len(DATA)
    header = header.format(size=size, end=size + 99)
    response = put(api, upload_id, DATA[:100], 0, size, range_=header or " ")
    assert response.status_code == 400
    assert "Content-Range" in response.json()["errors"]


def test_unfinished_uploads_are_limited_per_user(api, settings):
    settings.IMPORT_UPLOAD_MAX_OPEN = 2
    assert start(api).status_code == 201
    assert start(api).status_code == 201
    response = start(api)
    assert response.status_code == 409
    assert "uploads" in response.json()["errors"]


def test_a_cancelled_upload_is_gone_with_its_bytes(api, media):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA[:100], 0, len(DATA))
    assert api.delete(f"{URL}{upload_id}/").status_code == 204
    assert api.get(f"{URL}{upload_id}/").status_code == 404
    assert list((media / "imports" / "uploads").iterdir()) == []


def test_another_users_upload_is_404_for_every_method(api, user):
    theirs = uploads.start_upload(UserFactory(), filename="theirs.csv", size=len(DATA))
    assert api.get(f"{URL}{theirs.pk}/").status_code == 404
    assert put(api, theirs.pk, DATA[:100], 0, len(DATA)).status_code == 404
    assert api.delete(f"{URL}{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.received == 0


@pytest.mark.django_db(transaction=True)  # the answer depends on the commit's queueing
def test_a_complete_upload_the_queue_did_not_take_is_503_naming_its_job(api, user, monkeypatch):
    def down(*args, **kwargs):
        raise BrokerDown("Connection refused.")

    monkeypatch.setattr(tasks.run_import, "delay", down)
    upload_id = start(api).json()["id"]
    response = put(api, upload_id, DATA, 0, len(DATA))
    assert (response.status_code, response["Retry-After"]) == (503, "30")
    job = ImportJob.objects.get(user=user)
    assert response.json()["job"] == job.pk
    assert job.status == ImportJob.Status.FAILED
    assert bool(job.file)  # kept for the retry


# --- The web: the same endpoints with the session and its CSRF token --------------------------


def test_the_web_session_uploads_with_its_csrf_token_and_not_without():
    user = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.login(username=user.username, password=PASSWORD)
    body = {"filename": "hevy.csv", "size": len(DATA)}
    assert browser.post(URL, body, content_type="application/json").status_code == 403
    browser.get("/imports/")  # sets the CSRF cookie, as the page does
    token = browser.cookies["csrftoken"].value
    response = browser.post(URL, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201
    with committing():
        last = browser.generic(
            "PUT",
            f"{URL}{response.json()['id']}/",
            DATA,
            content_type="application/octet-stream",
            HTTP_CONTENT_RANGE=f"bytes 0-{len(DATA) - 1}/{len(DATA)}",
            HTTP_X_CSRFTOKEN=token,
        )
    assert last.status_code == 200
    assert ImportJob.objects.get(user=user).created == 2


def test_a_read_only_token_cannot_upload(user):
    _, raw = issue_token(user, "reader", scope=TokenScope.READ)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert start(client).status_code == 403


# --- Housekeeping -----------------------------------------------------------------------------


def test_abandoned_uploads_are_deleted_with_their_bytes_and_fresh_ones_kept(user, settings):
    settings.IMPORT_UPLOAD_EXPIRE_HOURS = 2
    old = uploads.start_upload(user, filename="old.csv", size=len(DATA))
    fresh = uploads.start_upload(user, filename="fresh.csv", size=len(DATA))
    ImportUpload.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(hours=3))
    assert tasks.purge_uploads() == 1
    assert list(ImportUpload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not upload_files.partial_path(old).exists()
    assert upload_files.partial_path(fresh).exists()


def test_a_finished_uploads_record_goes_and_its_job_stays(api, user, settings):
    upload_id = start(api).json()["id"]
    put(api, upload_id, DATA, 0, len(DATA))
    ImportUpload.objects.update(updated_at=timezone.now() - timedelta(days=2))
    assert upload_files.purge_uploads() == 1
    assert not ImportUpload.objects.exists()
    assert ImportJob.objects.get(user=user).created == 2


def test_bytes_no_upload_owns_are_deleted_once_old(user, media):
    upload = uploads.start_upload(user, filename="gone.csv", size=len(DATA))
    path = upload_files.partial_path(upload)
    user.delete()  # the account's uploads go; their bytes stay until the purge
    assert path.exists()
    assert upload_files.purge_uploads(now=timezone.now() + timedelta(days=2)) == 0
    assert not path.exists()
