"""The synthetic files of tests/fixtures/synthetic (forms no licensed real export shows)
import with the counts and values the files hold, read here independently of the importer:
CSV cells with the csv module, XML elements with ElementTree. Importing again adds nothing."""

import csv
import io
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import Interval, Set
from logbook.services import update_profile
from tests.fixtures.make_synthetic import OUT, build

pytestmark = pytest.mark.django_db

KG_PER_LB = 0.45359237
SET_TYPES = {"WARM_UP": "warmup", "FAILURE": "failure", "DROP_SET": "dropset"}


def test_the_script_writes_exactly_the_committed_files():
    for name, data in build().items():
        assert (OUT / name).read_bytes() == data, f"run make_synthetic: {name} is stale"


def load(name: str) -> bytes:
    return (OUT / name).read_bytes()


def import_file(user, name: str) -> dict:
    return run_import_bytes(user, load(name), name.rsplit("/", 1)[-1])


def sets_of(user):
    return Set.objects.filter(entry__workout__user=user)


def kg(value: str, unit: str = "kg") -> float:
    number = float(value.replace(",", "."))
    return round(number * KG_PER_LB, 3) if unit in ("lb", "lbs") else number


def assert_imported_once(user, name: str, workouts: int, sets: int, notes=()) -> dict:
    """The file imports cleanly, all of it (saying only `notes`); a second import skips
    every workout."""
    result = import_file(user, name)
    assert (result["status"], result["error_count"]) == ("done", len(notes))
    assert [e["message"] for e in result["errors"]] == list(notes)
    assert (result["created"], result["counts"]["workouts"]["imported"]) == (workouts, workouts)
    assert result["counts"]["sets"]["imported"] == sets
    assert user.workouts.count() == workouts
    assert sets_of(user).count() == sets
    again = import_file(user, name)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, workouts)
    assert user.workouts.count() == workouts
    return result


def csv_rows(name: str, delimiter: str = ",") -> list[dict]:
    return list(csv.DictReader(io.StringIO(load(name).decode()), delimiter=delimiter))


def test_strong_workout_number_form(user):
    name = "strong/workout_number_form.csv"
    rows = csv_rows(name)
    records = [r for r in rows if r["Set Order"] not in ("Rest Timer", "Note")]
    rests = []  # the Rest Timer row after a set is that set's rest
    for i, r in enumerate(rows):
        if r in records:
            after = rows[i + 1] if i + 1 < len(rows) else {}
            rests.append(int(after["Seconds"]) if after.get("Set Order") == "Rest Timer" else None)
    workouts = {r["Workout #"] for r in rows}
    assert_imported_once(user, name, len(workouts), len(records))
    stored = sets_of(user).order_by("entry__workout__started_at", "entry__position", "position")
    assert list(stored.values_list("load_kg", flat=True)) == [
        float(r["Weight (kg)"]) for r in records
    ]
    assert list(stored.values_list("reps", flat=True)) == [int(r["Reps"]) for r in records]
    assert list(stored.values_list("rest_s", flat=True)) == rests
    assert Counter(stored.values_list("set_type", flat=True)) == Counter(
        SET_TYPES.get(r["Set Order"], "normal") for r in records
    )
    durations = {int(r["Duration (sec)"]) for r in rows}
    assert set(user.workouts.values_list("duration_s", flat=True)) == durations
    noted = {r["Workout #"] for r in rows if r["Set Order"] == "Note"}
    assert user.workouts.filter(notes__contains="Brace, then go").count() == len(noted)


def test_strong_android_semicolon_form_with_a_unit_per_row(user):
    name = "strong/android_semicolon.csv"
    rows = csv_rows(name, ";")
    lifts = [r for r in rows if r["Weight"]]
    assert_imported_once(user, name, len({r["Date"] for r in rows}), len(rows))
    assert sorted(sets_of(user).exclude(load_kg=None).values_list("load_kg", flat=True)) == sorted(
        kg(r["Weight"], r["Weight Unit"]) for r in lifts
    )
    assert sorted(sets_of(user).exclude(distance_m=None).values_list("distance_m", flat=True)) == (
        sorted(float(r["Distance"].replace(",", ".")) * 1000 for r in rows if r["Distance"])
    )


def test_strong_2016_form_in_kg_and_km_whatever_the_profile_says(user):
    update_profile(user, {"units": "lb"})
    name = "strong/2016_kg_km.csv"
    rows = csv_rows(name)
    assert_imported_once(user, name, len({r["Date"] for r in rows}), len(rows))
    lifted = sets_of(user).filter(reps__gt=0)
    assert sorted(lifted.values_list("load_kg", flat=True)) == sorted(
        float(r["kg"]) for r in rows if int(r["Reps"])
    )
    assert sorted(sets_of(user).exclude(distance_m=None).values_list("distance_m", flat=True)) == (
        pytest.approx(sorted(float(r["km"]) * 1000 for r in rows if float(r["km"])))
    )


def test_strong_in_french_with_decimal_commas(user):
    name = "strong/french.csv"
    rows = csv_rows(name)
    assert_imported_once(user, name, len({r["Date"] for r in rows}), len(rows))
    assert sorted(sets_of(user).values_list("load_kg", flat=True)) == sorted(
        kg(r["Poids"]) for r in rows
    )
    assert sorted(sets_of(user).values_list("rpe", flat=True)) == sorted(
        float(r["RPE"].replace(",", ".")) for r in rows
    )
    assert set(user.workouts.values_list("duration_s", flat=True)) == {65 * 60}


def test_hevy_imperial_account(user):
    name = "hevy/imperial.csv"
    rows = csv_rows(name)
    assert_imported_once(user, name, len({r["start_time"] for r in rows}), len(rows))
    assert sorted(sets_of(user).exclude(load_kg=None).values_list("load_kg", flat=True)) == sorted(
        kg(r["weight_lbs"], "lb") for r in rows if r["weight_lbs"]
    )
    walked = sets_of(user).exclude(distance_m=None).values_list("distance_m", flat=True)
    assert sorted(walked) == pytest.approx(
        sorted(float(r["distance_miles"]) * 1609.344 for r in rows if r["distance_miles"])
    )
    assert Counter(sets_of(user).values_list("set_type", flat=True)) == Counter(
        r["set_type"] for r in rows
    )
    supersets = sets_of(user).filter(entry__superset__isnull=False).count()
    assert supersets == sum(1 for r in rows if r["superset_id"])


def test_fitnotes_names_with_unquoted_commas(user):
    name = "fitnotes/current_unquoted_commas.csv"
    lines = load(name).decode().splitlines()[1:]
    # The layout from the right: Weight, Weight Unit, Reps, Distance, Distance Unit, Time.
    cells = [line.split(",") for line in lines]
    names = {",".join(c[1:-7]) for c in cells}
    assert "Overhead Press (Each Side, Dumbbells)" in names
    assert_imported_once(user, name, len({c[0] for c in cells}), len(cells))
    stored = set(sets_of(user).values_list("entry__exercise__name", flat=True))
    assert len(stored) == len(names)
    assert sorted(sets_of(user).exclude(load_kg=None).values_list("load_kg", flat=True)) == sorted(
        kg(c[-6], c[-5]) for c in cells if c[-6]
    )


def xml(name: str) -> ET.Element:
    return ET.fromstring(load(name))


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if local(e.tag) == name]


def test_gpx_tracks_as_garmin_connect_writes_them(user):
    name = "gpx/garmin_connect_three_tracks.gpx"
    tracks = children(xml(name), "trk")
    untyped = [(n, t) for n, t in enumerate(tracks, 1) if not children(t, "type")]
    notes = [
        f"Track {n}: Sport inferred as walking from its name, {children(t, 'name')[0].text!r}."
        for n, t in untyped
    ]
    assert_imported_once(user, name, len(tracks), 0, notes)
    for track in tracks:
        times = [datetime.fromisoformat(t.text) for t in children(track, "time")]
        rates = [int(hr.text) for hr in children(track, "hr")]
        workout = user.workouts.get(started_at=times[0])
        assert workout.duration_s == (times[-1] - times[0]).total_seconds()
        assert (workout.avg_hr, workout.max_hr) == (round(sum(rates) / len(rates)), max(rates))
        assert workout.distance_m > 0
    assert set(user.workouts.values_list("activity", flat=True)) == {"run", "ride", "walk"}


def test_tcx_laps_become_intervals(user):
    name = "tcx/intervals_and_ride.tcx"
    activities = children(xml(name), "Activity")
    assert_imported_once(user, name, len(activities), 0)
    laps = children(xml(name), "Lap")
    assert Interval.objects.filter(workout__user=user).count() == len(laps)
    resting = [lap for lap in laps if children(lap, "Intensity")[0].text == "Resting"]
    recoveries = Interval.objects.filter(workout__user=user, kind="recovery")
    assert recoveries.count() == len(resting)
    for activity in activities:
        seconds = sum(float(t.text) for t in children(activity, "TotalTimeSeconds"))
        workout = user.workouts.get(started_at=children(activity, "Id")[0].text)
        assert workout.duration_s == round(seconds)


def test_apple_health_workouts_among_records(user):
    name = "apple_health/export.xml"
    workouts = children(xml(name), "Workout")
    assert len(children(xml(name), "Record")) > 10 * len(workouts)
    assert_imported_once(user, name, len(workouts), 0)
    for element in workouts:
        start = datetime.strptime(element.get("startDate"), "%Y-%m-%d %H:%M:%S %z")
        workout = user.workouts.get(started_at=start)
        assert workout.duration_s == round(float(element.get("duration")) * 60)
        stats = children(element, "WorkoutStatistics")
        if stats:
            assert workout.max_hr == int(stats[0].get("maximum"))
        if element.get("totalDistance"):
            assert workout.distance_m == float(element.get("totalDistance")) * 1000
