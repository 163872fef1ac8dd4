"""The import endpoint answers 202 only when the job was really queued: with the broker
down it answers 503 in the error envelope and the job is kept, failed, with its upload;
Retry (the API's `retry/`, the job page's button) queues it again."""

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from kombu.exceptions import OperationalError as BrokerDown

from logbook.imports import services, tasks
from logbook.models import ImportJob
from tests.factories import UserFactory

# Committed for real, as in production: the job is queued once its row is committed, and
# the answer depends on whether that worked.
pytestmark = pytest.mark.django_db(transaction=True)

URL = "/api/v1/imports/"
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    "A,9 Apr 2026 17:18,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
    "B,10 Apr 2026 17:18,,,Deadlift (Barbell),,,0,normal,180,3,,,\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def broker_down(monkeypatch):
    def down(*args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.run_import, "delay", down)
    return monkeypatch


def upload(api):
    return api.post(URL, {"file": SimpleUploadedFile("h.csv", HEVY.encode())}, format="multipart")


def test_a_job_the_broker_did_not_take_is_a_503_not_a_202(api, user, broker_down):
    response = upload(api)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    job = ImportJob.objects.get(user=user)
    assert response.json() == {
        "errors": {
            "detail": [
                "Could not start the import (the job queue is briefly unavailable); try "
                f"again shortly: POST /api/v1/imports/{job.pk}/retry/ after the seconds in "
                "Retry-After."
            ]
        }
    }
    assert job.status == "failed"
    assert "try again shortly" in job.errors[0]["message"]
    assert job.file  # kept for the retry
    assert services.retryable(job)


def test_retry_once_the_broker_is_back_imports_the_kept_upload(api, user, broker_down):
    upload(api)
    job = ImportJob.objects.get(user=user)
    retry = f"{URL}{job.pk}/retry/"
    still_down = api.post(retry)  # still down: still failed, retryable
    assert (still_down.status_code, still_down["Retry-After"]) == (503, "30")
    assert ImportJob.objects.get(pk=job.pk).status == "failed"
    broker_down.undo()
    response = api.post(retry)
    assert response.status_code == 202
    assert response.json() == {"id": job.pk, "status": "queued"}
    status = api.get(f"{URL}{job.pk}/").json()
    assert (status["status"], status["created"], status["error_count"]) == ("done", 2, 0)
    assert api.get(f"{URL}{job.pk}/messages/").json()["results"] == []
    assert user.workouts.count() == 2


def test_only_a_failed_job_with_its_file_can_be_retried(api, user):
    upload(api)
    job = ImportJob.objects.get(user=user)
    response = api.post(f"{URL}{job.pk}/retry/")
    assert response.status_code == 409
    assert "status" in response.json()["errors"]
    ImportJob.objects.filter(pk=job.pk).update(status="failed")
    response = api.post(f"{URL}{job.pk}/retry/")  # done: its upload is gone
    assert response.status_code == 409
    assert "upload it again" in response.json()["errors"]["file"][0]


def test_another_users_job_cannot_be_retried(api, user, broker_down):
    other = UserFactory()
    with pytest.raises(services.NotQueued):
        services.start_import(other, SimpleUploadedFile("h.csv", HEVY.encode()))
    job = ImportJob.objects.get(user=other)
    assert api.post(f"{URL}{job.pk}/retry/").status_code == 404
    assert ImportJob.objects.get(pk=job.pk).status == "failed"


def test_the_job_page_offers_retry_and_the_button_imports(client, user, broker_down):
    client.force_login(user)
    page = client.post(
        "/imports/", {"file": SimpleUploadedFile("h.csv", HEVY.encode())}, follow=True
    )
    job = ImportJob.objects.get(user=user)
    assert page.redirect_chain[-1][0] == f"/imports/{job.pk}/"
    html = page.content.decode()
    assert "Failed" in html
    assert "job queue is briefly unavailable); try again shortly." in html
    assert f'action="/imports/{job.pk}/retry/"' in html
    broker_down.undo()
    page = client.post(f"/imports/{job.pk}/retry/", follow=True)
    assert "Done" in page.content.decode()
    assert user.workouts.count() == 2
    assert "Retry the import" not in page.content.decode()


def test_the_schema_documents_retry_after_on_every_import_503(client, settings):
    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    for path, method in (
        ("/api/v1/imports/", "post"),
        ("/api/v1/imports/{id}/retry/", "post"),
        ("/api/v1/imports/uploads/{id}/", "put"),
    ):
        unavailable = schema["paths"][path][method]["responses"]["503"]
        assert unavailable["headers"]["Retry-After"]["schema"] == {"type": "integer"}, path


def test_retry_after_is_the_setting(api, user, broker_down, settings):
    settings.IMPORT_RETRY_AFTER_S = 7
    assert upload(api)["Retry-After"] == "7"
