"""The import pages: upload form, a job page with a live progress bar, the result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.models import ImportJob
from tests.factories import UserFactory, committing
from tests.logbook.test_import_api import HEVY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_pages_need_a_login(client):
    for url in ("/imports/", "/imports/1/", "/imports/1/progress/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_form_has_labelled_file_format_and_unit_fields(signed_in):
    html = signed_in.get("/imports/").content.decode()
    assert 'enctype="multipart/form-data"' in html
    for field in ("file", "format", "weight_unit"):
        assert f'<label for="id_{field}">' in html
    assert "Detect from the file" in html
    assert '<option value="apple_health">' in html


def test_an_upload_leads_to_its_result(signed_in, user):
    upload = SimpleUploadedFile("hevy.csv", HEVY.encode())
    with committing():
        response = signed_in.post("/imports/", {"file": upload, "format": "", "weight_unit": ""})
    job = ImportJob.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == f"/imports/{job.pk}/"
    html = signed_in.get(response["Location"]).content.decode()
    assert "2 workouts added, 0 updated, 0 already there" in html
    assert '<th scope="col">Row</th>' in html
    assert 'http-equiv="refresh"' not in html
    assert "hx-trigger" not in html
    assert "hevy.csv" in signed_in.get("/imports/").content.decode()


def test_a_bad_upload_shows_the_error_on_the_form(signed_in, settings):
    settings.IMPORT_MAX_BYTES = 10
    upload = SimpleUploadedFile("hevy.csv", HEVY.encode())
    response = signed_in.post("/imports/", {"file": upload})
    assert response.status_code == 200
    assert "the limit is" in response.content.decode()
    assert not ImportJob.objects.exists()
    response = signed_in.post("/imports/", {})
    assert "This field is required" in response.content.decode()


def test_a_running_job_shows_a_progress_bar_that_polls(signed_in, user):
    job = ImportJob.objects.create(user=user, filename="big.xml", status="running", progress=0.4)
    html = signed_in.get(f"/imports/{job.pk}/").content.decode()
    assert '<progress id="import-bar" max="1" value="0.400">' in html
    assert f'hx-get="/imports/{job.pk}/progress/"' in html
    assert 'hx-trigger="every 1s"' in html
    assert '<noscript><meta http-equiv="refresh" content="1"></noscript>' in html
    fragment = signed_in.get(f"/imports/{job.pk}/progress/").content.decode()
    assert fragment.lstrip().startswith('<section id="import-progress"')
    assert "<html" not in fragment


def test_a_failed_job_says_why(signed_in, user):
    job = ImportJob.objects.create(
        user=user,
        filename="x.bin",
        status="failed",
        progress=1.0,
        errors=[{"row": None, "message": "Could not tell what kind of file this is."}],
    )
    html = signed_in.get(f"/imports/{job.pk}/").content.decode()
    assert "Failed" in html
    assert "Could not tell" in html


def test_another_users_job_is_a_404(signed_in):
    job = ImportJob.objects.create(user=UserFactory(), filename="theirs.csv")
    assert signed_in.get(f"/imports/{job.pk}/").status_code == 404
    assert signed_in.get(f"/imports/{job.pk}/progress/").status_code == 404
