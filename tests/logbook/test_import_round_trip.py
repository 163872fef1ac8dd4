"""What an import wrote survives Myolog's own export: a real or synthetic file imported into one
account, exported through the API as JSON and as CSV, and brought into empty accounts (the
JSON by sync, the CSV by import) exports again exactly as the first account did."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.docs import EXPORTS
from tests.factories import UserFactory, bearer, committing
from tests.fixtures.make_synthetic import BUNDLES, FILES, OUT

pytestmark = pytest.mark.django_db

FILES_IMPORTED = [
    EXPORTS / "strong" / "sample_strong.csv",
    EXPORTS / "hevy" / "sample_hevy_part.csv",
    EXPORTS / "fit" / "20744294788_ACTIVITY.fit",  # multisport: a ride, then strength sets
    EXPORTS / "fit" / "20747700969_ACTIVITY.fit",
    EXPORTS / "fit-fitparse" / "garmin-edge-500-activity.fit",
    EXPORTS / "fit-fitparse" / "sample_mulitple_header.fit",
    EXPORTS / "tcx" / "pool_swim-activity_1.tcx",
    EXPORTS / "garmin_connect" / "activity_2541953812.json",
    EXPORTS / "garmin_connect" / "activity_multisport_detail.json",
    EXPORTS / "garmin_connect" / "activitylist-service.json",
    EXPORTS / "garmin_csv" / "Activities_part.csv",
    *(OUT / name for name in FILES),  # Garmin Connect, Suunto and Polar among them
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def account() -> APIClient:
    client = APIClient()
    client.credentials(**bearer(UserFactory()))
    return client


def upload(client: APIClient, name: str, data: bytes) -> dict:
    with committing():
        response = client.post(
            "/api/v1/imports/", {"file": SimpleUploadedFile(name, data)}, format="multipart"
        )
    assert response.status_code == 202, response.json()
    return client.get(f"/api/v1/imports/{response.json()['id']}/").json()


def export(client: APIClient, fmt: str) -> str:
    response = client.get(f"/api/v1/export/?format={fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


UPLOADS = [(p.name, p.read_bytes) for p in FILES_IMPORTED] + list(BUNDLES.items())


@pytest.mark.parametrize(("name", "read"), UPLOADS, ids=[name for name, _ in UPLOADS])
def test_an_imported_file_exports_and_comes_back_identical(name, read):
    first = account()
    assert upload(first, name, read())["status"] == "done"
    as_json, as_csv = export(first, "json"), export(first, "csv")
    workouts = json.loads(as_json)["workouts"]
    assert workouts

    synced = account()
    response = synced.post("/api/v1/sync/workouts/", json.loads(as_json), format="json")
    assert [r["status"] for r in response.json()["results"]] == ["created"] * len(workouts)
    assert export(synced, "json") == as_json
    assert export(synced, "csv") == as_csv

    imported = account()
    result = upload(imported, "myolog-export.csv", as_csv.encode())
    assert (result["status"], result["created"], result["errors"]) == (
        "done",
        len(workouts),
        [],
    )
    assert export(imported, "json") == as_json
    assert export(imported, "csv") == as_csv
