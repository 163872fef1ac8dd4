"""A .zip of one or many supported files imports each member as a file of its own
(.gz members too); a member that cannot be read is refused by name, and the rest import."""

import gzip
from datetime import timedelta

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportMessage
from tests import files
from tests.files import T0

pytestmark = pytest.mark.django_db


def messages(user) -> list[str]:
    return list(ImportMessage.objects.filter(job__user=user).values_list("message", flat=True))


def test_a_zip_of_one_file_imports_it(user):
    status = run_import_bytes(user, files.zipped({"ride.gpx": files.gpx(T0)}), "ride.zip")
    assert (status["status"], status["created"]) == ("done", 1)
    assert user.workouts.get().title == "Morning Run"
    assert user.imports.get().format == "gpx"


def test_every_supported_member_of_a_zip_imports(user):
    day = timedelta(days=1)
    archive = files.zipped(
        {
            "a.gpx": files.gpx(T0, kind="running"),
            "b.gpx.gz": gzip.compress(files.gpx(T0 + day, kind="running")),
            "c.tcx": files.tcx(T0 + 2 * day),
            "d.fit.gz": gzip.compress(files.fit(T0 + 3 * day)),
            "e/f.fit": files.fit(T0 + 4 * day, sport="cycling"),
        }
    )
    status = run_import_bytes(user, archive, "mixed.zip")
    assert (status["status"], status["created"], status["error_count"]) == ("done", 5, 0)
    assert sorted(user.workouts.values_list("activity", flat=True)) == [
        "ride",
        "run",
        "run",
        "run",
        "run",
    ]
    assert status["counts"]["workouts"]["imported"] == 5


def test_a_bad_member_is_refused_by_name_and_the_rest_import(user):
    archive = files.zipped(
        {
            "good.gpx": files.gpx(T0),
            "broken.gpx": files.gpx(T0)[: files.gpx(T0).index(b"<trk")],  # before any track
            "notes.pdf": b"%PDF-1.7\n",
            "inner.zip": files.zipped({"x.gpx": files.gpx(T0)}),
        }
    )
    status = run_import_bytes(user, archive, "bundle.zip")
    assert (status["status"], status["created"]) == ("done", 1)
    refusals = sorted(messages(user))
    assert refusals[0].startswith("broken.gpx: Not well-formed XML")
    assert (
        refusals[1] == "inner.zip: A .zip inside an archive is not unpacked; upload it on its own."
    )
    assert refusals[2] == "notes.pdf: This looks like a PDF file, which Myolog doesn't import yet."


def test_row_errors_name_their_member(user):
    untimed = files.gpx(T0).replace(b"<time>", b"<when>").replace(b"</time>", b"</when>")
    status = run_import_bytes(
        user, files.zipped({"a.gpx": files.gpx(T0), "b.gpx": untimed}), "x.zip"
    )
    assert status["created"] == 1
    assert messages(user) == ["b.gpx: Track 1 has no start and end times; skipped."]


def test_folders_and_what_archivers_add_are_not_members(user):
    archive = files.zipped(
        {
            "runs/": b"",
            "runs/a.gpx": files.gpx(T0),
            "__MACOSX/runs/._a.gpx": b"\0",
            ".DS_Store": b"x",
        }
    )
    status = run_import_bytes(user, archive, "runs.zip")
    assert (status["status"], status["created"], status["error_count"]) == ("done", 1, 0)


def test_importing_the_same_zip_again_creates_nothing(user):
    archive = files.zipped({"a.gpx": files.gpx(T0), "b.tcx": files.tcx(T0 + timedelta(days=1))})
    run_import_bytes(user, archive, "x.zip")
    again = run_import_bytes(user, archive, "x.zip")
    assert (again["created"], again["skipped"]) == (0, 2)
    assert user.workouts.count() == 2


def test_a_zip_with_nothing_readable_fails_naming_each_member(user):
    archive = files.zipped({"a.pdf": b"%PDF-1.7\n", "b.txt": b"hello"})
    status = run_import_bytes(user, archive, "x.zip")
    assert status["created"] == 0
    assert [m.split(":")[0] for m in sorted(messages(user))] == ["a.pdf", "b.txt"]
    assert user.workouts.count() == 0


def test_a_file_named_like_an_app_index_does_not_hide_the_others(user):
    """Only Apple's folder (or export_cda.xml beside it) makes export.xml Apple Health's
    export, and only an activities/ folder beside it makes activities.csv Strava's."""
    archive = files.zipped(
        {
            "export.xml": files.tcx(T0),
            "activities.csv": b"Activity ID,Filename\n",
            "b.gpx": files.gpx(T0 + timedelta(days=1)),
        }
    )
    status = run_import_bytes(user, archive, "x.zip")
    assert status["created"] == 2
    assert [m.split(":")[0] for m in messages(user)] == ["activities.csv"]
