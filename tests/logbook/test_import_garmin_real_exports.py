"""Real Garmin Connect exports (tests/fixtures/exports/garmin_connect, garmin_csv) import with
the values the files hold, read here with the json and csv modules, not with the importer:
a single activity and a multisport parent from the web service, its activity list (seconds
and metres beside epoch milliseconds, elapsed time in milliseconds), and an activities CSV
written in a European locale (decimal commas, thousands dots)."""

import csv
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.docs import EXPORTS
from tests.factories import committing

pytestmark = pytest.mark.django_db

GARMIN = EXPORTS / "garmin_connect"
SINGLE = GARMIN / "activity_2541953812.json"
MULTISPORT = GARMIN / "activity_multisport_detail.json"
LISTED = GARMIN / "activitylist-service.json"
CSV_EXPORT = EXPORTS / "garmin_csv" / "Activities_part.csv"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(api, path) -> dict:
    """Through the API, the format detected as a user's upload is."""
    with committing():
        response = api.post(
            "/api/v1/imports/",
            {"file": SimpleUploadedFile(path.name, path.read_bytes())},
            format="multipart",
        )
    assert response.status_code == 202, response.json()
    return api.get(f"/api/v1/imports/{response.json()['id']}/").json()


def gmt(text: str) -> datetime:
    return datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=UTC)


def whole(value) -> int | None:
    return None if value is None else round(value)


@pytest.mark.parametrize("path", [SINGLE, MULTISPORT])
def test_a_web_service_activity_imports_with_its_summary(api, user, path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    summary = raw["summaryDTO"]
    result = upload(api, path)
    assert (result["status"], result["created"], result["errors"]) == ("done", 1, [])
    workout = user.workouts.get()
    start = gmt(summary["startTimeGMT"])
    local = gmt(summary["startTimeLocal"])
    assert workout.started_at == start
    assert workout.utc_offset_min == (local - start) / timedelta(minutes=1)
    assert workout.external_id == str(raw["activityId"])
    assert workout.title == raw["activityName"]
    assert workout.duration_s == round(summary["duration"])
    assert workout.elapsed_s == round(summary["elapsedDuration"])
    assert workout.distance_m == pytest.approx(round(summary["distance"], 2))
    assert (workout.avg_hr, workout.max_hr) == (
        whole(summary.get("averageHR")),
        whole(summary.get("maxHR")),
    )
    # cross-country skiing and a multisport parent name no sport Myolog has
    assert workout.activity == "other"
    again = upload(api, path)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 1)


def test_the_activity_list_is_read_in_seconds_and_metres_not_as_the_account_export(api, user):
    """Its beginTimestamp is epoch milliseconds, as the account export writes it; its
    duration and distance are still seconds and metres (once read as 2.6 s and 82 m)."""
    listed = json.loads(LISTED.read_text(encoding="utf-8"))
    result = upload(api, LISTED)
    assert (result["status"], result["created"], result["errors"]) == ("done", len(listed), [])
    for raw in listed:
        workout = user.workouts.get(external_id=str(raw["activityId"]))
        start = gmt(raw["startTimeGMT"])
        assert workout.started_at == start
        assert start.timestamp() * 1000 == raw["beginTimestamp"]
        assert workout.utc_offset_min == (gmt(raw["startTimeLocal"]) - start) / timedelta(minutes=1)
        assert workout.duration_s == round(raw["duration"])
        assert workout.elapsed_s == round(raw["elapsedDuration"] / 1000)  # milliseconds here
        assert workout.distance_m == pytest.approx(round(raw["distance"], 2))
        assert (workout.avg_hr, workout.max_hr) == (round(raw["averageHR"]), round(raw["maxHR"]))
        assert workout.title == raw["activityName"]


def test_one_activity_from_two_garmin_files_is_one_workout(api, user):
    upload(api, SINGLE)
    result = upload(api, LISTED)
    assert (result["created"], result["updated"]) == (0, 1)  # the list renamed it
    assert user.workouts.count() == 1
    assert user.workouts.get().title == json.loads(LISTED.read_text())[0]["activityName"]


def european_number(text: str) -> float:
    """Garmin's cells as a European account writes them: "1.195" is 1195, "3,40" is 3.4."""
    return float(text.replace(".", "").replace(",", "."))


def clock(text: str) -> int:
    hours, minutes, seconds = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + round(float(seconds.replace(",", ".")))


def test_the_activities_csv_in_a_european_locale(api, user):
    with CSV_EXPORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    result = upload(api, CSV_EXPORT)
    assert (result["status"], result["created"], result["errors"]) == ("done", len(rows), [])
    assert result["counts"]["rows"]["imported"] == len(rows)
    for row in rows:
        started = datetime.fromisoformat(row["Date"]).replace(tzinfo=UTC)  # the profile's zone
        workout = user.workouts.get(started_at=started)
        assert workout.title == row["Title"]
        assert workout.activity == "run"  # treadmill, trail and ultra running are all runs
        assert workout.duration_s == clock(row["Time"])
        assert workout.elapsed_s == clock(row["Elapsed Time"])
        assert workout.distance_m == pytest.approx(european_number(row["Distance"]) * 1000)
        assert (workout.avg_hr, workout.max_hr) == (int(row["Avg HR"]), int(row["Max HR"]))
    assert sum(user.workouts.values_list("distance_m", flat=True)) == pytest.approx(
        sum(european_number(r["Distance"]) * 1000 for r in rows)
    )
    again = upload(api, CSV_EXPORT)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, len(rows))
