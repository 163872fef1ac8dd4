"""Suunto's .sml and JSON moves and Polar Flow's training-session JSON (and Polar's TCX)
import with their own units: Suunto's heart rate in beats per second and its .sml header
on the watch's clock (placed by the samples' UTC), Polar's ISO 8601 durations and minute
offsets; a move or exercise without a named sport gets one from its
speed, said in the job's messages. Expected values are computed here from the data the
test writes."""

import json
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.detect import detect_format
from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportFormat, ImportMessage
from logbook.services import update_profile

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def messages(user) -> list[str]:
    return list(ImportMessage.objects.filter(job__user=user).values_list("message", flat=True))


def sml(activity: str = "Running", *, with_hr: bool = True, kmh: float = 10.8) -> bytes:
    samples = "".join(
        f"<Sample><UTC>{(T0 + timedelta(seconds=s)).isoformat().replace('+00:00', 'Z')}</UTC>"
        f"<Time>{s}</Time><Distance>{kmh / 3.6 * s:.1f}</Distance>"
        f"<HR>{(120 + s % 30) / 60:.4f}</HR></Sample>"
        for s in range(0, 1801, 10)
    )
    header_hr = "<HR><Avg>2.5</Avg><Max>2.9</Max></HR>" if with_hr else ""
    named = f"<Activity>{activity}</Activity>" if activity else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<sml xmlns="http://www.suunto.com/schemas/sml"><DeviceLog><Header>'
        f"<DateTime>2026-06-01T10:00:00</DateTime><Duration>1800.4</Duration>"
        f"<Distance>{kmh / 3.6 * 1800:.0f}</Distance>{named}{header_hr}</Header>"
        f"<Device><Name>Suunto Ambit3 Peak</Name></Device><Samples>{samples}</Samples>"
        "</DeviceLog></sml>"
    ).encode()


def test_a_suunto_sml_move(user, settings):
    data = sml()
    assert detect_format(data, "move.sml") == ImportFormat.SUUNTO_SML
    status = run_import_bytes(user, data, "move.sml")
    assert (status["status"], status["created"], status["errors"]) == ("done", 1, [])
    move = user.workouts.get()
    # the header's 10:00 is the watch's clock; its samples' UTC (08:00Z at 0 s) place it
    assert move.started_at == T0
    assert move.utc_offset_min == 120
    assert (move.activity, move.duration_s, move.distance_m) == ("run", 1800, 5400.0)
    assert (move.avg_hr, move.max_hr) == (round(2.5 * 60), round(2.9 * 60))  # Hz to bpm
    again = run_import_bytes(user, data, "move.sml")
    assert (again["created"], again["skipped"]) == (0, 1)


def test_a_suunto_sml_move_without_utc_samples_is_on_the_profiles_clock(user):
    update_profile(user, {"time_zone": "America/New_York"})
    data = re.sub(rb"<UTC>[^<]*</UTC>", b"", sml())
    run_import_bytes(user, data, "move.sml")
    move = user.workouts.get()
    assert move.started_at == datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("America/New_York"))


def test_a_polar_file_of_several_sessions_is_a_workout_per_exercise(user):
    second = {**POLAR, "name": "Evening run"}
    second["exercises"] = [{**POLAR["exercises"][0], "startTime": "2026-06-03T19:00:00.000"}]
    data = json.dumps([POLAR, second]).encode()
    status = run_import_bytes(user, data, "sessions.json", format="polar_json")
    assert (status["status"], status["created"]) == ("done", 2)
    assert list(user.workouts.order_by("started_at").values_list("title", flat=True)) == [
        "Morning run",
        "Evening run",
    ]


def test_a_suunto_sml_move_without_sport_or_heart_rate_summary(user):
    run_import_bytes(user, sml("", with_hr=False, kmh=24.0), "move.sml")
    move = user.workouts.get()
    rates = [120 + s % 30 for s in range(0, 1801, 10)]
    assert move.activity == "ride"
    assert (move.avg_hr, move.max_hr) == (round(sum(rates) / len(rates)), max(rates))
    assert messages(user) == [
        "Move 1: Sport inferred as cycling from speed (median 24.0 km/h while moving)."
    ]


SUUNTO_JSON = {
    "DeviceLog": {
        "Header": {
            "ActivityType": 4,  # cycling in Suunto's table
            "DateTime": "2026-06-02T07:15:00.000+02:00",
            "Distance": 30250.0,
            "Duration": 3600.0,
            "HR": [{"Avg": 2.4, "Max": 2.8}],
        },
        "Samples": [{"TimeISO8601": "2026-06-02T07:15:00.000+02:00", "HR": 2.0}],
    }
}


def test_a_suunto_app_json_move(user):
    data = json.dumps(SUUNTO_JSON).encode()
    assert detect_format(data, "move.json") == ImportFormat.SUUNTO_JSON
    assert run_import_bytes(user, data, "move.json")["created"] == 1
    move = user.workouts.get()
    assert move.started_at == datetime(2026, 6, 2, 5, 15, tzinfo=UTC)
    assert move.utc_offset_min == 120
    assert (move.activity, move.distance_m, move.duration_s) == ("ride", 30250.0, 3600)
    assert (move.avg_hr, move.max_hr) == (144, 168)


@pytest.mark.parametrize(
    ("activity_type", "expected"),
    [(6, "swim"), (12, "walk"), (23, "strength"), (82, "run"), (2, "ride"), (13, "ride")],
)
def test_a_suunto_move_named_only_by_number_takes_suuntos_table(user, activity_type, expected):
    """Suunto's numbers (6 pool swimming, 23 weight training...) name the sport; 2 is a
    multisport and 13 sailing, which name none of ours, so the 30 km/h of the move decides
    and the job says so."""
    header = {**SUUNTO_JSON["DeviceLog"]["Header"], "ActivityType": activity_type}
    data = json.dumps({"DeviceLog": {**SUUNTO_JSON["DeviceLog"], "Header": header}}).encode()
    run_import_bytes(user, data, "move.json")
    assert user.workouts.get().activity == expected
    inferred = [m for m in messages(user) if "Sport inferred" in m]
    assert bool(inferred) == (activity_type in (2, 13))


POLAR = {
    "exportVersion": "1.6",
    "name": "Morning run",
    "note": "Felt strong",
    "exercises": [
        {
            "startTime": "2026-06-03T07:00:00.000",
            "stopTime": "2026-06-03T07:45:30.000",
            "timezoneOffset": 120,
            "duration": "PT2730.250S",
            "distance": 8123.4,
            "sport": "RUNNING",
            "heartRate": {"min": 80, "avg": 148, "max": 171},
        },
    ],
}


def test_a_polar_flow_training_session(user):
    data = json.dumps(POLAR).encode()
    assert detect_format(data, "training-session-2026-06-03.json") == ImportFormat.POLAR_JSON
    assert run_import_bytes(user, data, "training-session-2026-06-03.json")["created"] == 1
    run = user.workouts.get()
    assert run.started_at == datetime(2026, 6, 3, 5, 0, tzinfo=UTC)  # 07:00 at UTC+2
    assert (run.activity, run.duration_s, run.distance_m) == ("run", round(2730.25), 8123.4)
    assert (run.avg_hr, run.max_hr, run.notes, run.title) == (
        148,
        171,
        "Felt strong",
        "Morning run",
    )


def test_a_polar_multisport_session_is_a_workout_per_exercise(user):
    legs = [
        {
            "startTime": "2026-06-04T09:00:00.000",
            "timezoneOffset": 0,
            "duration": "PT1H",
            "distance": 30000.0,
            "sport": "CYCLING",
        },
        {
            "startTime": "2026-06-04T10:02:00.000",
            "timezoneOffset": 0,
            "duration": "PT20M30S",
            "distance": 5000.0,
            "sport": "OTHER_OUTDOOR",
            "samples": {
                "distance": [
                    {"dateTime": f"2026-06-04T10:{2 + m:02d}:00.000", "value": 250.0 * m}
                    for m in range(21)
                ]
            },
        },
    ]
    session = {"exportVersion": "1.6", "exercises": legs}
    assert run_import_bytes(user, json.dumps(session).encode(), "training-session.json")[
        "created"
    ] == len(legs)
    ride, run = user.workouts.order_by("started_at")
    assert (ride.activity, ride.duration_s) == ("ride", 3600)
    assert (run.activity, run.duration_s) == ("run", 20 * 60 + 30)
    kmh = 250 * 60 / 1000
    assert messages(user) == [
        f"Exercise 2: Sport inferred as running from speed (median {kmh:.1f} km/h while moving)."
    ]


def test_a_polar_tcx_of_sport_other_is_read_as_tcx_with_its_sport_inferred(user):
    points = "".join(
        f"<Trackpoint><Time>{(T0 + timedelta(seconds=s)).isoformat()}</Time>"
        f"<DistanceMeters>{5.0 / 3.6 * s:.1f}</DistanceMeters></Trackpoint>"
        for s in range(0, 1201, 5)
    )
    tcx = (
        '<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Other"><Id>{T0.isoformat()}</Id>'
        f'<Lap StartTime="{T0.isoformat()}"><TotalTimeSeconds>1200.0</TotalTimeSeconds>'
        f"<DistanceMeters>{5.0 / 3.6 * 1200:.1f}</DistanceMeters><Track>{points}</Track></Lap>"
        '<Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<Name>Polar Vantage V2</Name></Creator></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()
    assert detect_format(tcx, "polar.tcx") == ImportFormat.TCX
    assert run_import_bytes(user, tcx, "polar.tcx")["created"] == 1
    assert user.workouts.get().activity == "walk"
    assert messages(user) == [
        "Activity 1: Sport inferred as walking from speed (median 5.0 km/h while moving)."
    ]


def test_a_polar_exercise_without_its_own_offset_takes_its_sessions(user):
    leg = {"startTime": "2026-06-04T09:00:00.000", "duration": "PT1H", "sport": "CYCLING"}
    later = {**leg, "startTime": "2026-06-04T11:00:00.000"}
    session = {"exportVersion": "1.6", "timeZoneOffset": -240, "exercises": [leg, later]}
    status = run_import_bytes(user, json.dumps(session).encode(), "training-session.json")
    assert (status["created"], status["errors"]) == (2, []), status
    first = user.workouts.order_by("started_at").first()
    assert first.started_at == datetime(2026, 6, 4, 13, 0, tzinfo=UTC)  # 09:00 at UTC-4
    assert first.utc_offset_min == -240
