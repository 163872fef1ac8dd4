"""Strava's bulk export: each file under activities/ is one workout, named, typed and
described by its row of activities.csv; the export's other files are not read, and the
activities it lists without a file are counted in a message."""

import gzip
from datetime import timedelta

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportMessage
from tests import files
from tests.files import T0

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def strava_export() -> bytes:
    index = files.strava_index(
        [
            {
                "Activity ID": "101",
                "Activity Name": "Lunch Ride",
                "Activity Type": "Ride",
                "Activity Description": "Windy along the river",
                "Filename": "activities/101.gpx.gz",
            },
            {
                "Activity ID": "102",
                "Activity Name": "Legs",
                "Activity Type": "Weight Training",
                "Filename": "activities/102.fit.gz",
            },
            {
                "Activity ID": "103",
                "Activity Name": "Evening Run",
                "Filename": "activities/103.tcx",
            },
            {"Activity ID": "104", "Activity Name": "Treadmill, by hand", "Activity Type": "Run"},
        ]
    )
    return files.zipped(
        {
            "activities.csv": index,
            "profile.csv": b"Athlete ID,Email\n1,a@example.com\n",
            "media/photo.jpg": b"\xff\xd8\xff\xe0",
            "activities/101.gpx.gz": gzip.compress(files.gpx(T0, name="Morning Ride")),
            "activities/102.fit.gz": gzip.compress(files.fit(T0 + DAY, 2700, "training")),
            # Strava writes its TCX files with spaces before the XML declaration.
            "activities/103.tcx": b"          " + files.tcx(T0 + 2 * DAY),
        }
    )


def test_each_activity_file_is_a_workout_named_and_typed_by_activities_csv(user):
    status = run_import_bytes(user, strava_export(), "export_12345.zip")
    assert (status["status"], status["created"]) == ("done", 3)
    workouts = {w.title: w for w in user.workouts.all()}
    assert sorted(workouts) == ["Evening Run", "Legs", "Lunch Ride"]
    assert (workouts["Lunch Ride"].activity, workouts["Lunch Ride"].notes) == (
        "ride",
        "Windy along the river",
    )
    assert workouts["Legs"].activity == "strength"
    assert workouts["Evening Run"].activity == "run"  # no type in its row: the file's sport


def test_activities_without_a_file_are_counted_not_silently_dropped(user):
    run_import_bytes(user, strava_export(), "export_12345.zip")
    (message,) = ImportMessage.objects.filter(job__user=user)
    assert message.message == (
        "activities.csv lists 1 activity without a file (entered by hand, or without GPS), "
        "not imported."
    )
    assert message.refused is False


def test_an_export_in_a_folder_is_read_the_same(user):
    archive = files.zipped(
        {
            "export_12345/activities.csv": files.strava_index(
                [
                    {
                        "Activity Name": "Hill repeats",
                        "Activity Type": "Run",
                        "Filename": "activities/1.gpx",
                    }
                ]
            ),
            "export_12345/activities/1.gpx": files.gpx(T0),
        }
    )
    status = run_import_bytes(user, archive, "export.zip")
    assert status["created"] == 1
    assert (user.workouts.get().title, user.workouts.get().activity) == ("Hill repeats", "run")
