"""The synthetic files of tests/fixtures/synthetic (forms no licensed real export shows)
import with the counts and values the files hold, read here independently of the importer:
CSV cells with the csv module, XML elements with ElementTree, JSON with the json module.
Importing again adds nothing."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

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


# --- Garmin Connect, Suunto and Polar: JSON read with the json module, XML with ElementTree


def document(name: str):
    return json.loads(load(name))


def import_with_messages(user, name: str, workouts: int, sets: int = 0) -> list[str]:
    """The file imports whole (its messages only say what was inferred or summarised, never
    refuse); a second import skips every workout. Returns the messages."""
    result = import_file(user, name)
    assert (result["status"], result["created"]) == ("done", workouts)
    assert result["counts"]["workouts"] == {
        "read": workouts,
        "imported": workouts,
        "skipped": 0,
        "refused": 0,
    }
    assert (result["counts"]["sets"]["imported"], sets_of(user).count()) == (sets, sets)
    again = import_file(user, name)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, workouts)
    return [e["message"] for e in result["errors"]]


GARMIN_KINDS = {
    "running": "run",
    "road_biking": "ride",
    "strength_training": "strength",
    "lap_swimming": "swim",
    "walking": "walk",
}


def test_garmin_connect_account_export_in_milliseconds_and_centimetres(user):
    name = "garmin_connect/x_summarizedActivities.json"
    activities = document(name)[0]["summarizedActivitiesExport"]
    totals_only = [n for n, a in enumerate(activities, 1) if a.get("summarizedExerciseSets")]
    notes = import_with_messages(user, name, len(activities))
    assert [m.split(":")[0] for m in notes] == [f"Activity {n}" for n in totals_only]
    assert all("only totals per exercise" in m for m in notes)
    for raw in activities:
        workout = user.workouts.get(external_id=str(raw["activityId"]))
        assert workout.started_at == datetime.fromtimestamp(raw["beginTimestamp"] / 1000, UTC)
        assert workout.utc_offset_min == (raw["startTimeLocal"] - raw["startTimeGmt"]) / 60_000
        assert workout.duration_s == round(raw["duration"] / 1000)
        assert workout.elapsed_s == round(raw["elapsedDuration"] / 1000)
        expected = round(raw["distance"] / 100, 2) if "distance" in raw else None
        assert workout.distance_m == (pytest.approx(expected) if expected else None)
        assert (workout.avg_hr, workout.max_hr) == (round(raw["avgHr"]), round(raw["maxHr"]))
        assert workout.activity == GARMIN_KINDS[raw["activityType"]]


def test_garmin_connect_activity_with_its_strength_sets(user):
    name = "garmin_connect/strength_activity.json"
    raw = document(name)
    expected = []  # (exercise, reps, kg, seconds, rest) of each ACTIVE set, in file order
    for item in raw["exerciseSets"]:
        if item["setType"] == "REST":
            expected[-1] = (*expected[-1][:4], round(item["duration"]))
            continue
        guesses = [g for g in item["exercises"] if g["category"] != "UNKNOWN"]
        exercise = (
            (guesses[0]["name"] or guesses[0]["category"]).replace("_", " ").title()
            if guesses
            else "Unrecognised exercise"
        )
        reps = item.get("repetitionCount")
        kg = item["weight"] / 1000 if item.get("weight") else None
        expected.append((exercise, reps, kg, None if reps else round(item["duration"]), None))
    unnamed = sum(1 for e in expected if e[0] == "Unrecognised exercise")
    notes = import_with_messages(user, name, 1, len(expected))
    assert notes == [
        f'Activity 1: the {unnamed} sets Garmin did not name are together in one "'
        'Unrecognised exercise" entry.'
    ]
    workout = user.workouts.get()
    summary = raw["summaryDTO"]
    assert (workout.activity, workout.duration_s, workout.elapsed_s) == (
        "strength",
        round(summary["duration"]),
        round(summary["elapsedDuration"]),
    )
    assert workout.started_at == datetime.fromisoformat(summary["startTimeGMT"]).replace(tzinfo=UTC)
    stored = [
        (s.entry.exercise.name, s.reps, s.load_kg, s.duration_s, s.rest_s)
        for s in sets_of(user)
        .order_by("entry__position", "position")
        .select_related("entry__exercise")
    ]
    named = [e for e in expected if e[0] != "Unrecognised exercise"]
    gathered = [e for e in expected if e[0] == "Unrecognised exercise"]
    # the catalog may spell a lift its own way; the sets, their order and values are the file's
    assert [s[1:] for s in stored] == [e[1:] for e in named + gathered]
    assert [s[0] for s in stored][-unnamed:] == ["Unrecognised exercise"] * unnamed


def test_suunto_sml_move_on_the_local_clock(user):
    name = "suunto/move.sml"
    header = children(xml(name), "Header")[0]
    notes = import_with_messages(user, name, 1)
    assert notes == []
    move = user.workouts.get()

    def text(tag: str) -> str:
        return children(header, tag)[0].text

    # the header's local clock; the first sample's UTC, less its seconds, is the instant
    first = children(xml(name), "Sample")[0]
    began = datetime.fromisoformat(children(first, "UTC")[0].text) - timedelta(
        seconds=float(children(first, "Time")[0].text)
    )
    local = datetime.fromisoformat(text("DateTime"))
    assert move.started_at == began
    assert move.utc_offset_min == (local - began.replace(tzinfo=None)) / timedelta(minutes=1)
    assert (move.activity, move.title) == ("run", text("Activity"))
    assert move.duration_s == round(float(text("Duration")))
    assert move.distance_m == float(text("Distance"))
    assert (move.avg_hr, move.max_hr) == (
        round(float(text("Avg")) * 60),  # beats per second
        round(float(text("Max")) * 60),
    )


def test_suunto_app_json_move_gets_its_sport_from_its_speed(user):
    name = "suunto/move.json"
    log = document(name)["DeviceLog"]
    header, samples = log["Header"], log["Samples"]
    notes = import_with_messages(user, name, 1)
    assert len(notes) == 1
    assert notes[0].startswith("Move 1: Sport inferred as cycling from speed (median ")
    move = user.workouts.get()
    start = datetime.fromisoformat(header["DateTime"])
    assert (move.started_at, move.utc_offset_min) == (start, start.utcoffset().seconds / 60)
    assert (move.activity, move.duration_s) == ("ride", round(header["Duration"]))
    assert move.distance_m == round(header["Distance"], 1)
    rates = [round(s["HR"] * 60) for s in samples]
    assert (move.avg_hr, move.max_hr) == (round(sum(rates) / len(rates)), max(rates))
    metres = samples[-1]["Distance"] - samples[0]["Distance"]
    seconds = (
        datetime.fromisoformat(samples[-1]["TimeISO8601"])
        - datetime.fromisoformat(samples[0]["TimeISO8601"])
    ).total_seconds()
    assert metres / seconds * 3.6 > 16  # a ride's speed


def iso_seconds(duration: str) -> float:
    """Polar's ISO 8601 durations, as its exports write them: "PT2532.5S"."""
    assert duration.startswith("PT")
    assert duration.endswith("S")
    return float(duration[2:-1])


def test_polar_flow_training_session(user):
    name = "polar/training-session-2026-04-20-run.json"
    session = document(name)
    (exercise,) = session["exercises"]
    assert import_with_messages(user, name, 1) == []
    run = user.workouts.get()
    offset = timezone(timedelta(minutes=exercise["timezoneOffset"]))
    assert run.started_at == datetime.fromisoformat(exercise["startTime"]).replace(tzinfo=offset)
    assert run.utc_offset_min == exercise["timezoneOffset"]
    assert (run.activity, run.title, run.notes) == ("run", session["name"], session["note"])
    assert run.duration_s == round(iso_seconds(exercise["duration"]))
    assert run.distance_m == exercise["distance"]
    assert (run.avg_hr, run.max_hr) == (exercise["heartRate"]["avg"], exercise["heartRate"]["max"])


def test_polar_multisport_session_in_the_newer_spelling(user):
    name = "polar/training-session-2026-04-25-multisport.json"
    legs = document(name)["exercises"]
    generic = [n for n, leg in enumerate(legs, 1) if leg["sport"] == "OTHER_OUTDOOR"]
    notes = import_with_messages(user, name, len(legs))
    assert [m.split(":")[0] for m in notes] == [f"Exercise {n}" for n in generic]
    assert all("Sport inferred as running from speed" in m for m in notes)
    workouts = list(user.workouts.order_by("started_at"))
    for leg, workout in zip(legs, workouts, strict=True):
        offset = timezone(timedelta(minutes=leg["timezoneOffset"]))
        assert workout.started_at == datetime.fromisoformat(leg["startTime"]).replace(tzinfo=offset)
        assert workout.duration_s == leg["durationMillis"] / 1000
        assert workout.distance_m == leg["distanceMeters"]
        rates = [s["value"] for s in leg.get("samples", {}).get("heartRate", [])]
        assert (workout.avg_hr, workout.max_hr) == (
            leg.get("averageHeartRate") or round(sum(rates) / len(rates)),
            leg.get("maximumHeartRate") or max(rates),
        )
    assert [w.activity for w in workouts] == ["ride", "run"]


def test_polar_tcx_of_sport_other(user):
    name = "polar/polar_flow_other.tcx"
    (activity,) = children(xml(name), "Activity")
    assert activity.get("Sport") == "Other"
    notes = import_with_messages(user, name, 1)
    assert len(notes) == 1
    assert notes[0].startswith("Activity 1: Sport inferred as walking from speed")
    walk = user.workouts.get()
    laps = children(activity, "Lap")

    def lap_value(lap, tag: str) -> float:
        return float(children(lap, tag)[0].text)

    seconds = [lap_value(lap, "TotalTimeSeconds") for lap in laps]
    averages = [
        float(children(children(lap, "AverageHeartRateBpm")[0], "Value")[0].text) for lap in laps
    ]
    maxima = [
        float(children(children(lap, "MaximumHeartRateBpm")[0], "Value")[0].text) for lap in laps
    ]
    assert walk.started_at == datetime.fromisoformat(children(activity, "Id")[0].text)
    assert walk.activity == "walk"
    assert walk.duration_s == round(sum(seconds))
    assert walk.distance_m == pytest.approx(
        sum(float(children(lap, "DistanceMeters")[0].text) for lap in laps), abs=0.01
    )
    weighted = sum(a * s for a, s in zip(averages, seconds, strict=True)) / sum(seconds)
    assert (walk.avg_hr, walk.max_hr) == (round(weighted), max(maxima))
    assert Interval.objects.filter(workout=walk).count() == len(laps)
