"""GET /api/v1/export/: every live workout, streamed, in forms that import back without loss."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from rest_framework.test import APIClient

from logbook import services
from logbook.imports.readers.myolog_csv import COLUMNS
from tests.factories import UserFactory, bearer, committing, make_workout

pytestmark = pytest.mark.django_db

URL = "/api/v1/export/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(**bearer(user))
    return client


def export(api, fmt: str = "json"):
    response = api.get(f"{URL}?format={fmt}")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode()


def fill(user) -> None:
    """A history with every kind of field the API knows."""
    make_workout(
        user,
        started_at="2026-09-01T06:15:00-04:00",
        title='Heavy, "quoted" day',
        notes="line one\nline two, with comma; ünïcode",
        fasted=True,
        session_rpe=8.5,
        avg_hr=120,
        max_hr=171,
        source="api",
        external_id="ext-1",
        exercises=[
            {
                "exercise": "back-squat",
                "superset": None,
                "sets": [
                    {"reps": 5, "load_kg": 140.25, "rpe": 8.5, "rest_s": 180, "tempo": "3-1-1-0"},
                    {"reps": 8, "load_kg": 60, "set_type": "warmup"},
                    {"reps": 3, "load_kg": 150, "rir": 1, "eccentric_emphasis": True},
                ],
            },
            {
                "exercise": "Zercher Carry on Ice",
                "superset": 1,
                "sets": [{"distance_m": 40.5, "duration_s": 35}],
            },
            {"exercise": "dip", "superset": 1, "sets": [{"reps": 0, "set_type": "failure"}]},
            {"exercise": "plank", "sets": []},
            {
                "exercise": "back-squat",
                "sets": [{"reps": 10, "load_kg": 100, "set_type": "dropset"}],
            },
        ],
        intervals=[
            {
                "kind": "work",
                "duration_s": 30,
                "distance_m": 150.0,
                "avg_hr": 172,
                "max_hr": 180,
                "rpe": 9,
            },
            {"kind": "recovery", "duration_s": 90},
        ],
    )
    make_workout(
        user,
        started_at="2026-09-03T18:00:00+02:00",
        exercises=[],
        duration_s=2700,
        activity="walk",
        distance_m=4200.0,
        title="",
        source="web",
    )
    make_workout(
        user,
        started_at="2026-09-02T07:00:00Z",
        exercises=[],
        activity="run",
        intervals=[{"kind": "steady", "duration_s": 1800, "avg_hr": 150}],
        source="watch",
        external_id="run-9",
    )
    gone = make_workout(user, title="deleted")
    services.delete_workout(gone)


def test_json_is_exactly_the_workouts_in_the_sync_shape(api, user):
    fill(user)
    body = json.loads(export(api))
    assert list(body) == ["workouts"]
    workouts = body["workouts"]
    assert [w["started_at"] for w in workouts] == [
        "2026-09-01T06:15:00-04:00",
        "2026-09-02T07:00:00+00:00",
        "2026-09-03T18:00:00+02:00",
    ]
    assert all("id" not in w and "updated_at" not in w for w in workouts)
    walk = workouts[2]
    assert walk["external_id"] == f"myolog-{user.workouts.get(activity='walk').pk}"
    assert workouts[0]["exercises"][1]["exercise"] == "Zercher Carry on Ice"
    assert workouts[0]["exercises"][0]["exercise"] == "back-squat"
    assert "deleted" not in [w["title"] for w in workouts]


def test_csv_has_a_recognisable_header_and_a_row_per_set_and_interval(api, user):
    fill(user)
    rows = list(csv.reader(io.StringIO(export(api, "csv"))))
    assert rows[0] == COLUMNS
    kinds = [r[COLUMNS.index("row_type")] for r in rows[1:]]
    assert kinds.count("set") == 6
    assert kinds.count("interval") == 3
    assert kinds.count("exercise") == 1  # the plank with no sets
    assert kinds.count("workout") == 1  # the walk: duration only


def test_json_re_syncs_into_an_empty_account_identically(api, user):
    fill(user)
    original = export(api)
    newcomer = client_for(UserFactory())
    response = newcomer.post("/api/v1/sync/workouts/", json.loads(original), format="json")
    assert {r["status"] for r in response.json()["results"]} == {"created"}
    assert export(newcomer) == original


def test_csv_re_imports_into_an_empty_account_identically(api, user):
    fill(user)
    original_json = export(api)
    newcomer = client_for(UserFactory())
    upload = SimpleUploadedFile("myolog.csv", export(api, "csv").encode())
    with committing():
        response = newcomer.post("/api/v1/imports/", {"file": upload}, format="multipart")
    status = newcomer.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (status["status"], status["created"], status["errors"]) == ("done", 3, [])
    assert export(newcomer) == original_json


def test_an_export_synced_back_into_the_same_account_changes_nothing(api, user):
    fill(user)
    original = export(api)
    count = user.workouts.count()
    response = api.post("/api/v1/sync/workouts/", json.loads(original), format="json")
    assert {r["status"] for r in response.json()["results"]} == {"unchanged"}
    upload = SimpleUploadedFile("myolog.csv", export(api, "csv").encode())
    with committing():
        job = api.post("/api/v1/imports/", {"file": upload}, format="multipart").json()
    status = api.get(f"/api/v1/imports/{job['id']}/").json()
    assert (status["created"], status["updated"], status["skipped"]) == (0, 0, 3)
    assert user.workouts.count() == count
    assert export(api) == original


def test_a_second_sync_of_an_export_is_idempotent(api, user):
    fill(user)
    body = json.loads(export(api))
    newcomer = client_for(UserFactory())
    newcomer.post("/api/v1/sync/workouts/", body, format="json")
    again = newcomer.post("/api/v1/sync/workouts/", body, format="json").json()["results"]
    assert {r["status"] for r in again} == {"unchanged"}


def test_an_export_holds_only_your_own(api, user):
    make_workout(UserFactory(), title="theirs")
    make_workout(user, title="mine")
    titles = [w["title"] for w in json.loads(export(api))["workouts"]]
    assert titles == ["mine"]
    assert "theirs" not in export(api, "csv")


def test_an_empty_account_exports_empty(api):
    assert json.loads(export(api)) == {"workouts": []}
    assert list(csv.reader(io.StringIO(export(api, "csv")))) == [COLUMNS]


@pytest.mark.parametrize("fmt", ["xml", "", "JSON"])
def test_a_bad_format_is_a_400_naming_format(api, fmt):
    response = api.get(f"{URL}?format={fmt}")
    assert response.status_code == 400
    assert "format" in response.json()["errors"]


def test_export_needs_a_token(client):
    assert client.get(URL).status_code == 401


def test_json_is_the_default_and_is_a_download(api, user):
    make_workout(user)
    response = api.get(URL)
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="myolog-')
    assert json.loads(b"".join(response.streaming_content))["workouts"]


@pytest.mark.parametrize("workouts", [5, 450])
def test_export_reads_in_chunks_of_constant_cost(
    api, user, workouts, django_assert_max_num_queries
):
    for _ in range(workouts):
        make_workout(
            user,
            exercises=[{"exercise": "deadlift", "sets": [{"reps": 5}]}],
            intervals=[{"kind": "work", "duration_s": 60}],
        )
    api.get("/api/v1/me/")
    chunks = -(-workouts // 200)
    with django_assert_max_num_queries(
        1 + 4 * chunks
    ):  # token; per chunk: workouts, entries, sets, intervals
        body = json.loads(export(api))
    assert len(body["workouts"]) == workouts
