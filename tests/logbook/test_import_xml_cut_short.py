"""An Apple Health export.xml, a TCX or a GPX file cut short or damaged imports what was
read before the damage and says the file was cut short (as a truncated FIT file does);
damage before any workout began still refuses the file. The files are built here and the
expected counts come from the bytes kept, not from the importer."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.imports import jobs, services
from logbook.models import ImportMessage
from tests.factories import UserFactory, committing

pytestmark = pytest.mark.django_db

CUT = "is cut short or damaged at line"
START = datetime(2026, 3, 1, 7, tzinfo=UTC)


def apple_health(workouts: int) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_GB">\n']
    for i in range(workouts):
        begin = START + timedelta(days=i)
        end = begin + timedelta(minutes=30)
        parts.append(
            f' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" '
            f'durationUnit="min" startDate="{begin:%Y-%m-%d %H:%M:%S} +0000" '
            f'endDate="{end:%Y-%m-%d %H:%M:%S} +0000">\n'
            f'  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" '
            f'average="{140 + i}" maximum="{170 + i}" unit="count/min"/>\n'
            " </Workout>\n"
        )
    parts.append("</HealthData>\n")
    return "".join(parts).encode()


def started(data: bytes, tag: bytes) -> int:
    """Elements whose start tag is whole in `data`: each one was begun before the cut."""
    return len(re.findall(rb"<" + tag + rb"[\s>][^>]*>", data))


def result(data: bytes, name: str) -> tuple[dict, list[dict]]:
    user = UserFactory()
    status = jobs.run_import_bytes(user, data, name)
    return status, status["errors"]


def cut_notes(errors: list[dict]) -> list[dict]:
    return [e for e in errors if CUT in e["message"]]


def test_an_export_cut_between_workouts_imports_every_whole_one_and_says_so():
    data = apple_health(7)
    cut = data.index(b"<Workout", data.index(b"</Workout>", data.index(b"2026-03-04")))
    kept = data[: cut + 20]  # inside the fifth workout's start tag
    expected = kept.count(b"</Workout>")
    assert expected == 4
    status, errors = result(kept, "export.xml")
    assert (status["status"], status["created"]) == ("done", expected)
    (note,) = cut_notes(errors)
    assert note["row"] is None
    assert "Apple Health export" in note["message"]
    assert "what could be read before that point is imported" in note["message"]


def test_a_workout_cut_after_its_start_tag_keeps_what_its_tag_says():
    data = apple_health(3)
    second = data.index(b"<Workout", data.index(b"</Workout>"))
    kept = data[: data.index(b"<WorkoutStatistics", second) + 30]
    expected = started(kept, b"Workout")
    assert expected == 2
    user = UserFactory()
    status = jobs.run_import_bytes(user, kept, "export.xml")
    assert status["created"] == expected
    last = user.workouts.order_by("started_at").last()
    assert (last.started_at, last.duration_s) == (START + timedelta(days=1), 1800)
    assert last.avg_hr is None  # its statistics were cut off
    assert len(cut_notes(status["errors"])) == 1


def test_damage_in_the_middle_keeps_what_came_before_it():
    data = apple_health(6)
    third_end = data.index(b"</Workout>", data.index(b"2026-03-03"))
    damaged = data[:third_end] + b"</Wrkout>" + data[third_end + len(b"</Workout>") :]
    expected = started(data[:third_end], b"Workout")  # the third was begun, then damaged
    assert expected == 3
    status, errors = result(damaged, "export.xml")
    assert (status["status"], status["created"]) == ("done", expected)
    line = data[:third_end].count(b"\n") + 1
    assert f"at line {line}," in cut_notes(errors)[0]["message"]  # where expat stopped


@pytest.mark.parametrize("cut", [60, 120])
def test_damage_before_any_workout_still_refuses_the_file(cut):
    status, errors = result(apple_health(3)[:cut], "export.xml")
    assert status["status"] == "failed"
    assert status["created"] == 0
    assert errors[0]["message"].startswith(("Not well-formed XML", "The file is empty"))


TRACKPOINT = (
    "          <Trackpoint><Time>{time}</Time><DistanceMeters>{metres}</DistanceMeters>"
    "<HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>\n"
)


def tcx(activities: int, points: int) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n  <Activities>\n'
    ]
    for a in range(activities):
        begin = START + timedelta(days=a)
        parts.append(
            f'    <Activity Sport="Running">\n      <Id>{begin:%Y-%m-%dT%H:%M:%SZ}</Id>\n'
            f'      <Lap StartTime="{begin:%Y-%m-%dT%H:%M:%SZ}">\n'
            f"        <TotalTimeSeconds>{points}</TotalTimeSeconds>"
            f"<DistanceMeters>{3 * points}</DistanceMeters>\n"
            "        <Intensity>Active</Intensity>\n        <Track>\n"
        )
        for p in range(points):
            moment = begin + timedelta(seconds=p)
            parts.append(
                TRACKPOINT.format(time=f"{moment:%Y-%m-%dT%H:%M:%SZ}", metres=3 * p, hr=120 + p)
            )
        parts.append("        </Track>\n      </Lap>\n    </Activity>\n")
    parts.append("  </Activities>\n</TrainingCenterDatabase>\n")
    return "".join(parts).encode()


def test_a_tcx_cut_mid_track_imports_its_activities_the_cut_one_included():
    data = tcx(2, 50)
    second = data.index(b"<Activity ", data.index(b"</Activity>"))
    kept = data[: data.index(b"<Trackpoint>", second) + 2000]  # some 12 points into it
    expected = started(kept, b"Activity")
    assert expected == 2
    user = UserFactory()
    status = jobs.run_import_bytes(user, kept, "run.tcx")
    assert (status["status"], status["created"]) == ("done", expected)
    first, cut_one = user.workouts.order_by("started_at")
    assert (first.duration_s, first.distance_m) == (50, 150)
    assert cut_one.started_at == START + timedelta(days=1)
    assert "a TCX file" in cut_notes(status["errors"])[0]["message"]


def gpx(points: int) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1">\n <trk><name>Morning run</name>'
        "<type>running</type><trkseg>\n"
    ]
    for p in range(points):
        moment = START + timedelta(seconds=10 * p)
        parts.append(
            f'  <trkpt lat="{52 + p * 0.0001:.4f}" lon="13.0000">'
            f"<time>{moment:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>\n"
        )
    parts.append(" </trkseg></trk>\n</gpx>\n")
    return "".join(parts).encode()


def test_a_gpx_cut_mid_track_imports_the_track_up_to_its_last_whole_point():
    data = gpx(100)
    kept = data[: data.index(b"<trkpt", data.index(b"T07:10:00Z")) + 40]  # in point 61
    times = re.findall(rb"<time>([^<]+)</time></trkpt>", kept)  # the points read whole
    parse = lambda t: datetime.fromisoformat(t.decode().replace("Z", "+00:00"))  # noqa: E731
    expected_s = (parse(times[-1]) - parse(times[0])).total_seconds()
    assert expected_s == 600
    user = UserFactory()
    status = jobs.run_import_bytes(user, kept, "run.gpx")
    assert (status["status"], status["created"]) == ("done", 1)
    (track,) = user.workouts.all()
    assert (track.activity, track.duration_s) == ("run", expected_s)
    assert "a GPX file" in cut_notes(status["errors"])[0]["message"]


def test_the_chunked_job_lists_the_note_as_a_message_not_a_refusal(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = apple_health(5)
    kept = data[: data.rindex(b"<Workout ")]
    user = UserFactory()
    with committing():
        job = services.start_import(user, SimpleUploadedFile("export.xml", kept))
    job.refresh_from_db()
    assert (job.status, job.created) == ("done", kept.count(b"</Workout>"))
    (message,) = ImportMessage.objects.filter(job=job)
    assert (message.row, message.refused) == (None, False)
    assert CUT in message.message


def test_a_file_whose_damage_left_no_workout_fails_whole_saying_where():
    data = gpx(100)
    kept = data[: data.index(b"<trkpt") + 30]  # inside the first point: no time read
    status, errors = result(kept, "run.gpx")
    assert (status["status"], status["created"]) == ("failed", 0)
    (only,) = errors
    line = kept.count(b"\n") + 1
    assert only["message"].startswith(
        f"Not well-formed XML (a GPX file): cut short or damaged at line {line}, column "
    )
    assert only["message"].endswith("before any workout in it could be read.")
