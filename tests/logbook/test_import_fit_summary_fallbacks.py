"""A FIT session summary that lacks a value, or stops before the recording does (as some
Suunto watches write them), is filled in from the session's laps, then its records, and the
job says so; elapsed time (with pauses) is kept beside the timer time."""

import io

import pytest
from garmin_fit_sdk import Decoder, Stream

from logbook.imports.jobs import run_import_bytes
from logbook.imports.readers import ImportContext, RowError
from logbook.imports.readers.fit import read_fit
from logbook.models import ImportMessage
from tests.docs import EXPORTS
from tests.fit_files import START, at, fit_file

EDGE = EXPORTS / "fit-fitparse" / "garmin-edge-500-activity.fit"


def read(data: bytes) -> tuple[list[dict], list[RowError]]:
    items = list(read_fit(io.BytesIO(data), ImportContext()))
    return (
        [i for i in items if not isinstance(i, RowError)],
        [i for i in items if isinstance(i, RowError)],
    )


RECORDED_S = 4961  # what the records span
SUMMARY_S = RECORDED_S - 15 * 60  # the summary stops a quarter of an hour early
DISTANCE_M = 15_200.0


def suunto_like() -> bytes:
    """Records every second for 4,961 s over 15.2 km; a summary with neither distance nor
    heart rate, whose time stops 15 minutes before the records do."""
    records = [
        (
            "record",
            {
                "timestamp": at(s),
                "distance": DISTANCE_M * s / RECORDED_S,
                "heart_rate": 120 + s % 40,
            },
        )
        for s in range(RECORDED_S + 1)
    ]
    summary = {
        "timestamp": at(SUMMARY_S),
        "start_time": START,
        "total_elapsed_time": float(SUMMARY_S),
        "total_timer_time": float(SUMMARY_S),
        "sport": "running",
    }
    return fit_file(*records, ("session", summary))


@pytest.fixture(scope="module")
def suunto() -> bytes:
    return suunto_like()


def test_a_summary_that_stops_early_and_lacks_distance_and_heart_rate_takes_the_records(suunto):
    (workout,), notes = read(suunto)
    rates = [120 + s % 40 for s in range(RECORDED_S + 1)]
    assert workout["duration_s"] == RECORDED_S
    assert workout["elapsed_s"] == RECORDED_S
    assert workout["distance_m"] == DISTANCE_M
    assert workout["avg_hr"] == round(sum(rates) / len(rates))
    assert workout["max_hr"] == max(rates)
    (note,) = notes
    assert not note.refused
    assert note.message == (
        "Session 1: its summary stops 15 min before its records do; the time runs to the last "
        "record; distance and heart rate taken from its records (its summary has none)."
    )


def test_laps_come_before_records():
    laps = [
        (
            "lap",
            {
                "timestamp": at(600),
                "start_time": at(0),
                "total_timer_time": 600.0,
                "total_elapsed_time": 600.0,
                "total_distance": 2000.0,
                "avg_heart_rate": 140,
                "max_heart_rate": 150,
            },
        ),
        (
            "lap",
            {
                "timestamp": at(1200),
                "start_time": at(600),
                "total_timer_time": 300.0,
                "total_elapsed_time": 600.0,
                "total_distance": 1000.0,
                "avg_heart_rate": 170,
                "max_heart_rate": 180,
            },
        ),
    ]
    records = [
        ("record", {"timestamp": at(s), "distance": 9.0 * s, "heart_rate": 100})
        for s in range(0, 1201, 10)
    ]
    session = {"timestamp": at(1200), "start_time": START, "sport": "running"}
    (workout,), (note,) = read(fit_file(*records, *laps, ("session", session)))
    assert workout["distance_m"] == 3000.0  # the laps', not the records' 10,800 m
    assert workout["duration_s"] == 900  # the laps' timer time
    assert workout["elapsed_s"] == 1200
    assert workout["avg_hr"] == round((140 * 600 + 170 * 300) / 900)  # weighted by time
    assert workout["max_hr"] == 180
    assert "taken from its laps" in note.message


def test_pauses_between_records_are_left_out_of_the_time_taken_from_them():
    times = [*range(0, 601, 5), *range(1200, 1801, 5)]  # ten minutes paused in the middle
    records = [("record", {"timestamp": at(s), "heart_rate": 130}) for s in times]
    session = {"timestamp": at(1800), "start_time": START, "sport": "cycling"}
    (workout,), _ = read(fit_file(*records, ("session", session)))
    assert workout["elapsed_s"] == 1800
    assert workout["duration_s"] == 1200


def test_a_complete_summary_is_taken_as_it_is_and_nothing_is_said():
    messages, _ = Decoder(Stream.from_byte_array(bytearray(EDGE.read_bytes()))).read()
    session = messages["session_mesgs"][0]
    (workout,), notes = read(EDGE.read_bytes())
    assert notes == []
    assert workout["elapsed_s"] == round(session["total_elapsed_time"])
    assert workout["duration_s"] == round(session["total_timer_time"])
    assert workout["elapsed_s"] > workout["duration_s"]
    assert workout["distance_m"] == session["total_distance"]


@pytest.mark.django_db
def test_the_import_stores_both_times_and_lists_the_note(user, suunto):
    status = run_import_bytes(user, suunto, "suunto.fit")
    assert (status["status"], status["created"]) == ("done", 1)
    workout = user.workouts.get()
    assert (workout.duration_s, workout.elapsed_s, workout.distance_m) == (
        RECORDED_S,
        RECORDED_S,
        DISTANCE_M,
    )
    (message,) = ImportMessage.objects.filter(job__user=user)
    assert "taken from its records" in message.message
    assert not message.refused
