"""GPX tracks without a <type> and TCX activities whose Sport is "Other" get their sport
from the file's creator, the track's name or its speed, and the job says which and why;
a typed one is taken as it says, with nothing said."""

import io
import math
from datetime import UTC, datetime, timedelta

from logbook.imports.readers import ImportContext, RowError
from logbook.imports.readers.gpx import read_gpx
from logbook.imports.readers.tcx import read_tcx

T0 = datetime(2026, 5, 2, 6, 0, tzinfo=UTC)
METRES_PER_DEGREE = 111_195  # of latitude, on gpxpy's sphere (to 0.1 %)


def gpx(
    kmh: float, *, creator: str = "StravaGPX", name: str = "Afternoon activity", kind: str = ""
) -> bytes:
    """Thirty minutes due north at `kmh`, a point every 10 s."""
    points = "".join(
        f'<trkpt lat="{45 + kmh / 3.6 * s / METRES_PER_DEGREE:.7f}" lon="7.0">'
        f"<time>{(T0 + timedelta(seconds=s)).isoformat()}</time></trkpt>"
        for s in range(0, 1801, 10)
    )
    typed = f"<type>{kind}</type>" if kind else ""
    return (
        f'<?xml version="1.0"?><gpx version="1.1" creator="{creator}" '
        'xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>{name}</name>{typed}<trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx(kmh: float, *, creator: str = "Polar Vantage V2", sport: str = "Other") -> bytes:
    points = "".join(
        f"<Trackpoint><Time>{(T0 + timedelta(seconds=s)).isoformat()}</Time>"
        f"<DistanceMeters>{kmh / 3.6 * s:.1f}</DistanceMeters></Trackpoint>"
        for s in range(0, 1801, 5)
    )
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{T0.isoformat()}</Id>'
        f'<Lap StartTime="{T0.isoformat()}"><TotalTimeSeconds>1800</TotalTimeSeconds>'
        f"<DistanceMeters>{kmh / 3.6 * 1800:.1f}</DistanceMeters><Track>{points}</Track></Lap>"
        f"<Creator><Name>{creator}</Name></Creator></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()


def read(reader, data: bytes) -> tuple[dict, list[str]]:
    items = list(reader(io.BytesIO(data), ImportContext()))
    (workout,) = [i for i in items if not isinstance(i, RowError)]
    notes = [i for i in items if isinstance(i, RowError)]
    assert not any(n.refused for n in notes)
    return workout, [n.message for n in notes]


def test_an_untyped_gpx_track_at_running_speed_is_a_run_and_the_job_says_so():
    workout, notes = read(read_gpx, gpx(11.0))
    assert workout["activity"] == "run"
    assert notes == [
        "Track 1: Sport inferred as running from speed (median 11.0 km/h while moving)."
    ]
    assert math.isclose(workout["distance_m"], 11.0 / 3.6 * 1800, rel_tol=0.005)


def test_an_untyped_gpx_track_at_walking_and_cycling_speeds():
    assert read(read_gpx, gpx(5.0))[0]["activity"] == "walk"
    assert read(read_gpx, gpx(24.0))[0]["activity"] == "ride"


def test_a_gpx_track_name_or_bike_computer_beats_speed():
    workout, notes = read(read_gpx, gpx(6.0, name="Lunch Run"))
    assert workout["activity"] == "run"
    assert notes == ["Track 1: Sport inferred as running from its name, 'Lunch Run'."]
    workout, notes = read(read_gpx, gpx(12.0, creator="Wahoo ELEMNT BOLT"))
    assert workout["activity"] == "ride"
    assert notes == ["Track 1: Sport inferred as cycling from its creator, 'Wahoo ELEMNT BOLT'."]


def test_a_typed_gpx_track_is_taken_at_its_word():
    workout, notes = read(read_gpx, gpx(24.0, kind="running"))
    assert (workout["activity"], notes) == ("run", [])


def test_a_tcx_activity_of_sport_other_gets_its_sport_from_speed():
    workout, notes = read(read_tcx, tcx(26.0))
    assert workout["activity"] == "ride"
    assert notes == [
        "Activity 1: Sport inferred as cycling from speed (median 26.0 km/h while moving)."
    ]


def test_a_tcx_activity_from_a_bike_computer_is_a_ride_whatever_its_speed():
    workout, notes = read(read_tcx, tcx(9.0, creator="Edge 530"))
    assert workout["activity"] == "ride"
    assert notes == ["Activity 1: Sport inferred as cycling from its creator, 'Edge 530'."]


def test_a_tcx_sport_it_names_is_taken_and_nothing_said():
    workout, notes = read(read_tcx, tcx(26.0, sport="Running"))
    assert (workout["activity"], notes) == ("run", [])
