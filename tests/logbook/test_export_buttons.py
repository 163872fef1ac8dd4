"""The web's export buttons stream the same files as the API's export, to the signed-in user
only; a CSV downloaded here imports back on the same page without adding anything."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse

from logbook.models import ImportJob, Workout
from tests.factories import UserFactory, bearer, committing, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def _signed_in(client, user):
    client.force_login(user)


def download(response) -> bytes:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def test_the_page_has_both_buttons_and_the_navigation_links_it(client):
    html = client.get("/").content.decode()
    assert '<a href="/imports/">Import/export</a>' in html
    html = client.get("/imports/").content.decode()
    assert '<form method="get" action="/export/"' in html
    assert '<button type="submit" name="format" value="csv">Download CSV</button>' in html
    assert '<button type="submit" name="format" value="json">Download JSON</button>' in html


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("json", "application/json"), ("csv", "text/csv")]
)
def test_a_button_streams_the_same_file_as_the_api(client, user, fmt, content_type):
    make_workout(user, started_at="2026-10-01T07:00:00+00:00", notes="two\nlines")
    make_workout(user, started_at="2026-10-03T07:00:00+00:00", title="=SUM(A1)")
    response = client.get(f"/export/?format={fmt}")
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith('attachment; filename="myolog-')
    web = download(response)
    api = download(client.get(f"/api/v1/export/?format={fmt}", **bearer(user)))
    assert web == api
    assert b"Squat day" in web


def test_only_the_users_own_workouts_are_exported(client, user):
    make_workout(UserFactory(), title="Someone else's day")
    make_workout(user, title="My day")
    body = download(client.get("/export/?format=csv")).decode()
    assert "My day" in body
    assert "Someone else's day" not in body


def test_an_unknown_format_is_a_400_naming_the_problem_on_the_page(client):
    response = client.get("/export/?format=xlsx")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Expected json or csv." in html
    assert "Download CSV" in html


def test_signed_out_visitors_are_sent_to_log_in(client):
    client.logout()
    response = client.get("/export/?format=csv")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_exported_csv_imports_back_on_the_page_adding_nothing(client, user):
    make_workout(user, started_at="2026-10-01T07:00:00+00:00")
    make_workout(user, started_at="2026-10-03T07:00:00+00:00")
    body = download(client.get("/export/?format=csv"))
    upload = SimpleUploadedFile("myolog.csv", body)
    with committing():
        response = client.post("/imports/", {"file": upload})
    job = ImportJob.objects.get(user=user)
    assert response["Location"] == f"/imports/{job.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert "0 workouts added, 0 updated, 2 already there" in html
    assert Workout.objects.filter(user=user).count() == 2


def test_the_export_reads_a_fixed_number_of_queries(client, user, django_assert_max_num_queries):
    for day in range(1, 21):
        make_workout(user, started_at=f"2026-10-{day:02d}T07:00:00+00:00")
    with django_assert_max_num_queries(8):
        download(client.get("/export/?format=json"))
