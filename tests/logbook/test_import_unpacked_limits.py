"""A file that its reader holds whole (CSV, FIT) may not unpack past IMPORT_MAX_BYTES from
a .gz or a .zip, as it may not be uploaded larger; files read streaming (TCX, GPX, Apple
Health) may, up to the archive limits."""

import gzip

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportMessage
from tests import files
from tests.files import T0

pytestmark = pytest.mark.django_db

ROW = '2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",1,100,5,0,0\n'
STRONG = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
LIMIT = (
    "the limit is 1000 bytes (IMPORT_MAX_BYTES) for files that are read whole "
    "(all but TCX, GPX and Apple Health)."
)


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.IMPORT_MAX_BYTES = 1000


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("strong.csv.gz", gzip.compress((STRONG + ROW * 100).encode())),
        ("run.fit.gz", gzip.compress(files.fit(T0) + b"\0" * 2000)),
    ],
)
def test_a_gzipped_file_read_whole_may_not_unpack_past_the_limit(user, name, data):
    status = run_import_bytes(user, data, name)
    assert status["status"] == "failed"
    assert status["errors"][0]["message"].endswith(LIMIT)
    assert user.workouts.count() == 0


def test_a_zip_member_read_whole_past_the_limit_is_refused_by_name(user):
    archive = files.zipped({"a.gpx": files.gpx(T0), "strong.csv": (STRONG + ROW * 100).encode()})
    status = run_import_bytes(user, archive, "x.zip")
    assert status["created"] == 1
    (message,) = ImportMessage.objects.filter(job__user=user).values_list("message", flat=True)
    assert message.startswith("strong.csv: The file unpacks to ")
    assert message.endswith(LIMIT)


def test_a_streamed_file_may_unpack_past_it(user):
    data = gzip.compress(files.gpx(T0, minutes=600))
    status = run_import_bytes(user, data, "run.gpx.gz")
    assert (status["status"], status["created"]) == ("done", 1)
