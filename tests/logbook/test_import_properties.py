"""Property tests: readers never crash on arbitrary input, and an import never writes part of
a workout — every stored workout holds exactly the sets that passed validation."""

import io

import pytest
from django.core.files.base import ContentFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logbook.imports import jobs
from logbook.imports.readers import READERS, ImportContext, ImportFailed, RowError
from logbook.models import ImportJob, Set
from tests.factories import UserFactory

FAST = settings(max_examples=60, deadline=None)
SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def read_all(fmt: str, data: bytes) -> list:
    try:
        items = list(READERS[fmt](io.BytesIO(data), ImportContext()))
    except ImportFailed as failure:
        message = str(failure)
        items = []
    else:
        message = "read"
    assert message
    for item in items:
        assert isinstance(item, dict | RowError)
        if isinstance(item, dict):
            data_or_none, problems, _ = jobs.clean_payload(item)
            assert data_or_none is not None or problems
    return items


@pytest.mark.parametrize("fmt", sorted(READERS))
@FAST
@given(data=st.binary(max_size=600))
def test_readers_never_crash_on_arbitrary_bytes(fmt, data):
    read_all(fmt, data)


@pytest.mark.parametrize("fmt", ["fit", "tcx", "gpx", "apple_health"])
@FAST
@given(cut=st.integers(min_value=0, max_value=400), flip=st.integers(min_value=0, max_value=255))
def test_device_readers_survive_truncated_and_corrupted_files(fmt, cut, flip):
    from tests.logbook.test_import_readers import GPX, HEALTH, RECORD, T0, TCX, fit_file, session

    whole = {
        "fit": lambda: fit_file(session(T0, 600, "running", "generic")),
        "tcx": lambda: TCX.encode(),
        "gpx": lambda: GPX.encode(),
        "apple_health": lambda: HEALTH.format(records=RECORD).encode(),
    }[fmt]()
    read_all(fmt, whole[: len(whole) - cut])
    corrupted = bytearray(whole)
    corrupted[cut % len(corrupted)] = flip
    read_all(fmt, bytes(corrupted))


CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "5",
            "100.5",
            "-3",
            "1e9",
            "nan",
            "W",
            "D",
            "F",
            "Rest Timer",
            "warmup",
            "dropset",
            "2024-11-28 17:36:08",
            "9 Apr 2026, 17:18",
            "35m",
            "1h 5m",
            "0:01:30",
            "kg",
            "lbs",
            "km",
            "mi",
            "x" * 130,
            '"',
            ",",
            ";",
            "\n",
        ]
    ),
    st.text(max_size=12),
)
HEADERS = {
    "strong_csv": "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
    "Seconds,RPE",
    "hevy_csv": "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe",
    "fitnotes_csv": "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment",
}


def csv_file(header: str, rows: list[list[str]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header.split(","))
    writer.writerows(rows)
    return out.getvalue().encode()


def plausible_rows(fmt: str):
    width = len(HEADERS[fmt].split(","))
    return st.lists(st.lists(CELLS, min_size=width, max_size=width), max_size=12)


@pytest.mark.parametrize("fmt", sorted(HEADERS))
@FAST
@given(data=st.data())
def test_csv_readers_never_crash_on_arbitrary_rows(fmt, data):
    read_all(fmt, csv_file(HEADERS[fmt], data.draw(plausible_rows(fmt))))


STRONG_ROW = st.tuples(
    st.sampled_from(["2024-11-28 17:36:08", "2024-11-29 10:00:00", "1900-01-01 00:00:00", "x"]),
    st.sampled_from(["A", "B"]),
    st.sampled_from(["30m", "", "1h"]),
    st.sampled_from(["Squat (Barbell)", "Mystery Lift", ""]),
    st.sampled_from(["1", "2", "W", "F", "Rest Timer", "?"]),
    st.sampled_from(["100", "", "2000", "-5", "abc"]),
    st.sampled_from(["5", "0", "", "5000", "2.5"]),
    st.sampled_from(["0", "", "3"]),
    st.sampled_from(["0", "", "60"]),
    st.sampled_from(["", "8", "8.25", "11"]),
).map(list)


@pytest.mark.django_db
@SLOW
@given(rows=st.lists(STRONG_ROW, max_size=15))
def test_an_import_stores_whole_workouts_only(rows, tmp_path_factory, settings_override):
    user = UserFactory()
    content = csv_file(HEADERS["strong_csv"], rows)
    expected = {}
    for item in read_all("strong_csv", content):
        if isinstance(item, dict):
            data, _, _ = jobs.clean_payload(item)
            if data is not None:
                expected[data.external_id] = sum(len(e.sets) for e in data.exercises)
    job = ImportJob.objects.create(user=user, filename="strong.csv", format="strong_csv")
    job.file.save("strong.csv", ContentFile(content))
    jobs.run_import(job.pk)
    job.refresh_from_db()
    assert job.status in ("done", "failed")
    stored = {
        w.external_id: Set.objects.filter(entry__workout=w).count() for w in user.workouts.all()
    }
    assert stored == (expected if job.status == "done" else {})


@pytest.fixture
def settings_override(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
