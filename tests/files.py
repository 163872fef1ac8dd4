"""Real export files built in the test: GPX, TCX, FIT, Apple Health export.xml, and .zip
archives of them (Strava's bulk export, Apple Health's export.zip)."""

import csv
import io
import zipfile
from datetime import UTC, datetime, timedelta

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]


def gpx(start: datetime, minutes: int = 30, *, name: str = "Morning Run", kind: str = "") -> bytes:
    """One track of a point a minute, heading north."""
    points = "".join(
        f'<trkpt lat="{52.5 + i * 0.002:.4f}" lon="13.4">'
        f"<time>{(start + timedelta(minutes=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(minutes + 1)
    )
    kind_element = f"<type>{kind}</type>" if kind else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>{name}</name>{kind_element}<trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx(start: datetime, seconds: int = 1800, sport: str = "Running") -> bytes:
    moment = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="{sport}"><Id>{moment}</Id><Lap StartTime="{moment}">'
        f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters>"
        "<Intensity>Active</Intensity></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def fit(start: datetime, seconds: float = 1800, sport: str = "running") -> bytes:
    """A FIT activity of one session."""
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "activity",
            "manufacturer": "garmin",
            "serial_number": 42,
            "time_created": start,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": MESG["SESSION"],
            "start_time": start,
            "timestamp": start + timedelta(seconds=seconds),
            "total_elapsed_time": seconds,
            "total_timer_time": seconds,
            "sport": sport,
            "sub_sport": "generic",
        }
    )
    return encoder.close()


HEALTH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
    "<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n"
    "<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n"
    '<HealthData locale="en_DE">\n<ExportDate value="2026-05-10 10:00:00 +0200"/>\n'
)
HEALTH_TAIL = "</HealthData>\n"


def health_workout(start: datetime, minutes: int = 30, kind: str = "Running") -> str:
    end = start + timedelta(minutes=minutes)
    return (
        f'<Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{minutes}" '
        f'durationUnit="min" sourceName="Watch" startDate="{start:%Y-%m-%d %H:%M:%S %z}" '
        f'endDate="{end:%Y-%m-%d %H:%M:%S %z}"/>\n'
    )


def health_record(moment: datetime, value: int = 72) -> str:
    stamp = f"{moment:%Y-%m-%d %H:%M:%S %z}"
    return (
        '<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" '
        f'unit="count/min" startDate="{stamp}" endDate="{stamp}" value="{value}"/>\n'
    )


def health_export(workouts: list[datetime], records: int = 0) -> bytes:
    """export.xml with a running workout at each start and `records` heart-rate records."""
    body = "".join(health_record(workouts[0] + timedelta(seconds=i)) for i in range(records))
    body += "".join(health_workout(start) for start in workouts)
    return (HEALTH_HEAD + body + HEALTH_TAIL).encode()


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


STRAVA_COLUMNS = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Filename",
]


def strava_index(rows: list[dict[str, str]]) -> bytes:
    """Strava's activities.csv: the columns it starts with (and `Filename`), one row each."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, STRAVA_COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


T0 = datetime(2026, 4, 6, 6, 0, tzinfo=UTC)
