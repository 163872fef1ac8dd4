"""Real files written by a Suunto Ambit3, a Polar Vantage V (through Polar Flow), Polar
Flow's account export, Strong's semicolon export, FitNotes, Strava's GPX and Apple Health's
export.zip import into an empty account with the values the files hold, read here with
ElementTree, the csv and the json module, not with the importer (sources and licences:
tests/fixtures/exports/NOTICE.md)."""

import csv
import io
import itertools
import json
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportMessage, Set
from logbook.services import update_profile
from tests.docs import EXPORTS

pytestmark = pytest.mark.django_db

SUUNTO = EXPORTS / "suunto" / "Ambit3-lap-swimming.sml"
POLAR_TCX = EXPORTS / "polar" / "2020-02-05_17-25-14_Training-with-Notes.tcx"
POLAR_JSON = EXPORTS / "polar" / "running.json"
STRONG_SEMICOLON = EXPORTS / "strong" / "sample_strong_semicolon.csv"
FITNOTES = EXPORTS / "fitnotes" / "lifting_part.csv"
STRAVA_GPX = EXPORTS / "gpx" / "run_gpxtpx.gpx"
APPLE = EXPORTS / "apple_health" / "apple_health_export"
LB = 0.45359237


def imported(user, path, data: bytes | None = None) -> dict:
    status = run_import_bytes(user, path.read_bytes() if data is None else data, path.name)
    assert status["status"] == "done", status
    return status


def children(element: ET.Element) -> dict[str, ET.Element]:
    return {child.tag.rsplit("}", 1)[-1]: child for child in element}


def test_a_suunto_ambit3_pool_swim(user):
    zone = ZoneInfo("America/Argentina/Buenos_Aires")
    update_profile(user, {"time_zone": zone.key})
    header = children(next(e for e in ET.parse(SUUNTO).iter() if e.tag.endswith("Header")))
    status = imported(user, SUUNTO)
    assert (status["created"], status["errors"]) == (1, [])
    move = user.workouts.get()
    assert "swimming" in header["Activity"].text.lower()
    assert move.activity == "swim"
    assert move.duration_s == round(float(header["Duration"].text))
    assert move.distance_m == float(header["Distance"].text)
    # its samples' "UTC" is the header's clock without a Z: the user's zone places it
    local = datetime.fromisoformat(header["DateTime"].text)
    assert move.started_at == local.replace(tzinfo=zone)
    assert float(children(header["HR"])["Avg"].text) == 0
    assert (move.avg_hr, move.max_hr) == (None, None)  # no strap: zeros are not a rate


def test_a_polar_vantage_tcx_from_polar_flow(user):
    tcx = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
    activity = next(ET.parse(POLAR_TCX).getroot().iter(f"{tcx}Activity"))
    laps = [
        (
            float(lap.findtext(f"{tcx}TotalTimeSeconds")),
            int(lap.findtext(f"{tcx}AverageHeartRateBpm/{tcx}Value")),
            int(lap.findtext(f"{tcx}MaximumHeartRateBpm/{tcx}Value")),
        )
        for lap in activity.iter(f"{tcx}Lap")
    ]
    assert activity.get("Sport") == "Biking"
    status = imported(user, POLAR_TCX)
    assert (status["created"], status["errors"]) == (1, [])
    ride = user.workouts.get()
    seconds = sum(s for s, _, _ in laps)
    assert ride.activity == "ride"
    assert ride.started_at == datetime.fromisoformat(activity.findtext(f"{tcx}Id"))
    assert ride.duration_s == round(seconds)
    assert ride.avg_hr == round(sum(s * avg for s, avg, _ in laps) / seconds)
    assert ride.max_hr == max(top for _, _, top in laps)
    assert ride.notes == activity.findtext(f"{tcx}Notes").strip()
    assert list(ride.intervals.order_by("position").values_list("duration_s", flat=True)) == [
        round(s) for s, _, _ in laps
    ]


def test_a_polar_flow_account_export_session(user):
    session = json.loads(POLAR_JSON.read_text(encoding="utf-8"))
    (exercise,) = session["exercises"]
    offset = timezone(timedelta(minutes=exercise["timezoneOffset"]))
    seconds = float(re.fullmatch(r"PT([\d.]+)S", exercise["duration"]).group(1))
    status = imported(user, POLAR_JSON)
    assert (status["created"], status["errors"]) == (1, [])
    run = user.workouts.get()
    assert (run.title, exercise["sport"], run.activity) == (session["name"], "RUNNING", "run")
    assert run.started_at == datetime.fromisoformat(exercise["startTime"]).replace(tzinfo=offset)
    assert run.utc_offset_min == exercise["timezoneOffset"]
    assert run.duration_s == round(seconds)
    assert run.distance_m == exercise["distance"]
    assert (run.avg_hr, run.max_hr) == (exercise["heartRate"]["avg"], exercise["heartRate"]["max"])
    again = imported(user, POLAR_JSON)
    assert (again["created"], again["skipped"]) == (0, 1)


def test_strongs_quoted_semicolon_export_refuses_only_its_empty_sets(user):
    with STRONG_SEMICOLON.open(newline="", encoding="utf-8-sig") as f:
        records = list(enumerate(csv.DictReader(f, delimiter=";"), start=2))
    columns = ("Weight (kg)", "Reps", "Seconds", "Distance (meters)")
    empty = [row for row, r in records if not any(r[c] for c in columns)]
    workouts = {r["Workout #"] for _, r in records}
    status = imported(user, STRONG_SEMICOLON)
    counts = status["counts"]
    assert status["created"] == len(workouts) == user.workouts.count()
    assert counts["sets"] == {
        "read": len(records),
        "imported": len(records) - len(empty),
        "skipped": 0,
        "refused": len(empty),
    }
    assert counts["rows"]["refused"] == len(empty)
    assert [e["row"] for e in status["errors"]] == empty
    assert all(e["message"].startswith("A set of ") for e in status["errors"])
    assert sum(Set.objects.filter(entry__workout__user=user).values_list("load_kg", flat=True)) == (
        pytest.approx(sum(float(r["Weight (kg)"] or 0) for _, r in records))
    )


def test_a_fitnotes_export_in_pounds_with_cardio_days(user):
    with FITNOTES.open(newline="", encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    days = defaultdict(list)
    for r in records:
        days[r["Date"]].append(r)
    runs = {d for d, rs in days.items() if all(r["Exercise"].startswith("Running") for r in rs)}
    status = imported(user, FITNOTES)
    assert (status["created"], status["errors"]) == (len(days), [])
    sets = Set.objects.filter(entry__workout__user=user)
    assert sets.count() == len(records)
    assert sum(v or 0 for v in sets.values_list("load_kg", flat=True)) == pytest.approx(
        sum(round(float(r["Weight"] or 0) * LB, 3) for r in records)  # to the gram
    )
    activities = {w.started_at.date().isoformat(): w.activity for w in user.workouts.all()}
    assert runs
    assert {d for d, a in activities.items() if a == "run"} == runs
    assert set(activities.values()) <= {"strength", "run", "mobility"}


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(math.radians, p) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def test_a_strava_gpx_with_heart_rate(user):
    gpx = "{http://www.topografix.com/GPX/1/1}"
    root = ET.parse(STRAVA_GPX).getroot()
    points = list(root.iter(f"{gpx}trkpt"))
    times = [datetime.fromisoformat(p.findtext(f"{gpx}time")) for p in points]
    spots = [(float(p.get("lat")), float(p.get("lon"))) for p in points]
    rates = [int(e.text) for e in root.iter() if e.tag.endswith("}hr")]
    status = imported(user, STRAVA_GPX)
    assert status["created"] == 1
    run = user.workouts.get()
    assert run.title == root.findtext(f"{gpx}trk/{gpx}name")
    assert run.started_at == times[0]
    assert run.duration_s == (times[-1] - times[0]).total_seconds()
    metres = sum(haversine_m(a, b) for a, b in itertools.pairwise(spots))
    assert run.distance_m == pytest.approx(metres, rel=0.005)
    assert (run.avg_hr, run.max_hr) == (round(sum(rates) / len(rates)), max(rates))
    # 41 s of track say nothing of its sport, and the job does not pretend otherwise
    assert run.activity == "other"
    assert not ImportMessage.objects.filter(job__user=user).exists()


def apple_zip() -> bytes:
    """Apple Health's export.zip: the export and its routes under apple_health_export/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(APPLE.rglob("*")):
            if path.is_file():
                archive.write(path, "apple_health_export/" + str(path.relative_to(APPLE)))
    return buffer.getvalue()


def test_an_apple_health_export_zip(user):
    workout = next(ET.parse(APPLE / "export.xml").getroot().iter("Workout"))
    start = datetime.strptime(workout.get("startDate"), "%Y-%m-%d %H:%M:%S %z")
    minutes, miles = float(workout.get("duration")), float(workout.get("totalDistance"))
    assert (workout.get("durationUnit"), workout.get("totalDistanceUnit")) == ("min", "mi")
    status = imported(user, APPLE / "export.zip", apple_zip())
    assert (status["created"], status["errors"]) == (1, [])
    run = user.workouts.get()
    assert run.activity == "run"
    assert run.started_at == start.astimezone(UTC)
    assert run.utc_offset_min == start.utcoffset() // timedelta(minutes=1)
    assert run.duration_s == round(minutes * 60)
    assert run.distance_m == pytest.approx(miles * 1609.344, abs=0.1)
