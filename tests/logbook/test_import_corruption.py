"""Damaged files: for every format (Garmin Connect JSON and CSV, Suunto .sml and JSON and
Polar Flow JSON among them; Polar's TCX with the TCX files), CORRUPTIONS random damages of
real and synthetic files (cut short, bytes flipped, text in the wrong encoding, NULs
inserted, FIT flips behind a recomputed CRC, damaged gzip and zip archives or members) go
through the import job
in-process. Each ends as a clean failure or an import (partial, with messages): never an
unexpected error, never a job left queued or running, never an import that hangs; the first
API_CASES of each format also go through the HTTP API and storage: a 202, then a finished
status, never a 500. The seed is fixed, so a failure names the case that reproduces it
(`cases()` rebuilds it)."""

import contextlib
import gzip
import io
import logging
import os
import random
import signal
import zipfile
from collections.abc import Callable, Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from garmin_fit_sdk import CrcCalculator

from logbook.imports import jobs
from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportJob, ImportMessage
from tests.docs import EXPORTS
from tests.factories import committing, make_workout
from tests.fixtures.make_synthetic import BUNDLES, OUT, zipped

pytestmark = pytest.mark.django_db

# Per format; about 70 s of one core for all of them (`CORRUPTIONS=50` for a quick look).
CORRUPTIONS = int(os.environ.get("CORRUPTIONS") or 1000)
SEED = 17
HANG_S = 30  # a case still running after this long has hung (not a speed limit)
UNEXPECTED = "unexpected error"


def head(path, lines: int) -> bytes:
    """The first lines of a real export: damaged cases of its real cells, kept small."""
    return b"".join(path.read_bytes().splitlines(keepends=True)[: lines + 1])


# format: the files damaged, each named as an upload would be
BASES: dict[str, Callable[[], list[tuple[str, bytes]]]] = {
    "strong_csv": lambda: [
        ("strong.csv", (EXPORTS / "strong" / "sample_strong_legacy.csv").read_bytes()),
        ("strong.csv", head(EXPORTS / "strong" / "sample_strong.csv", 30)),
        ("strong.csv", head(EXPORTS / "strong" / "sample_strong_semicolon.csv", 30)),
        *synthetic("strong/workout_number_form.csv", "strong/android_semicolon.csv"),
        *synthetic("strong/2016_kg_km.csv", "strong/french.csv"),
    ],
    "hevy_csv": lambda: [
        ("hevy.csv", head(EXPORTS / "hevy" / "sample_hevy_part.csv", 40)),
        *synthetic("hevy/imperial.csv"),
    ],
    "fitnotes_csv": lambda: [
        ("fitnotes.csv", head(EXPORTS / "fitnotes" / "lifting_part.csv", 40)),
        *synthetic("fitnotes/current_unquoted_commas.csv"),
    ],
    "myolog_csv": list,  # an export of a test account, made in the test
    "fit": lambda: [
        (name, (EXPORTS / "fit-fitparse" / name).read_bytes())
        for name in (
            "garmin-fenix-5-run.fit",
            "garmin-fenix-5-bike.fit",
            "garmin-fenix-5-walk.fit",
            "garmin-edge-820-bike.fit",
        )
    ],
    "gpx": lambda: [
        *exports("gpx/run_gpxtpx.gpx"),
        *synthetic("gpx/garmin_connect_three_tracks.gpx"),
    ],
    "tcx": lambda: [
        ("swim.tcx", (EXPORTS / "tcx" / "pool_swim-activity_1.tcx").read_bytes()),
        *synthetic("tcx/intervals_and_ride.tcx", "polar/polar_flow_other.tcx"),
    ],
    "garmin_json": lambda: [
        *exports(
            "garmin_connect/activity_2541953812.json",
            "garmin_connect/activity_multisport_detail.json",
            "garmin_connect/activitylist-service.json",
        ),
        *synthetic(
            "garmin_connect/x_summarizedActivities.json", "garmin_connect/strength_activity.json"
        ),
    ],
    "garmin_csv": lambda: exports("garmin_csv/Activities_part.csv"),
    "suunto_sml": lambda: [
        *exports("suunto/Ambit3-lap-swimming.sml"),
        *synthetic("suunto/move.sml"),
    ],
    "suunto_json": lambda: synthetic("suunto/move.json"),
    "polar_json": lambda: [
        *exports("polar/running.json"),
        *synthetic(
            "polar/training-session-2026-04-20-run.json",
            "polar/training-session-2026-04-25-multisport.json",
        ),
    ],
    "polar_hrm": lambda: exports("polar_hrm/13120901.hrm", "polar_hrm/10091901.hrm"),
    "apple_health": lambda: [
        *exports("apple_health/apple_health_export/export.xml"),
        *synthetic("apple_health/export.xml"),
    ],
    "zip": lambda: [(name, make()) for name, make in BUNDLES.items()],
    "gz": lambda: [
        (f"{name}.gz", gzip.compress(data, mtime=0))
        for name, data in [
            ("strong.csv", (EXPORTS / "strong" / "sample_strong_legacy.csv").read_bytes()),
            ("run.fit", (EXPORTS / "fit-fitparse" / "garmin-fenix-5-run.fit").read_bytes()),
            *synthetic("gpx/garmin_connect_three_tracks.gpx", "apple_health/export.xml"),
        ]
    ],
}


def synthetic(*names: str) -> list[tuple[str, bytes]]:
    return [(name.rsplit("/", 1)[-1], (OUT / name).read_bytes()) for name in names]


def exports(*names: str) -> list[tuple[str, bytes]]:
    return [(name.rsplit("/", 1)[-1], (EXPORTS / name).read_bytes()) for name in names]


# --- damages -----------------------------------------------------------------------------


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def flip(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        damaged[rng.randrange(len(damaged))] ^= rng.randrange(1, 256)
    return bytes(damaged)


def wrong_encoding(data: bytes, rng: random.Random) -> bytes:
    """The file re-encoded by a tool that guessed wrong: UTF-16/32, or its bytes read as
    Latin-1 and written as UTF-8 (mojibake, and a binary file grown by a text transfer)."""
    kind = rng.choice(("utf-16", "utf-16-le", "utf-32", "mojibake", "cp1252"))
    if kind == "mojibake":
        return data.decode("latin-1").encode("utf-8")
    text = data.decode("utf-8", errors="replace")
    return text.encode(kind, errors="replace")


def nuls(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(damaged) + 1)
        damaged[at:at] = b"\x00" * rng.randint(1, 64)
    return bytes(damaged)


def cut_and_flip(data: bytes, rng: random.Random) -> bytes:
    return flip(truncate(data, rng) or data, rng)


def fit_flip_behind_crc(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped past the header and the file CRC recomputed, so the decoder, not the
    checksum, meets the damage."""
    damaged = bytearray(data)
    size = data[0]
    for _ in range(rng.randint(1, 4)):
        damaged[rng.randrange(size, len(damaged) - 2)] ^= rng.randrange(1, 256)
    crc = CrcCalculator.calculate_crc(bytes(damaged), 0, len(damaged) - 2)
    damaged[-2:] = crc.to_bytes(2, "little")
    return bytes(damaged)


def gzip_of_damaged(data: bytes, rng: random.Random) -> bytes:
    inner = gzip.decompress(data)
    return gzip.compress(rng.choice(DAMAGES)(inner, rng), mtime=0)


def zip_of_damaged(data: bytes, rng: random.Random) -> bytes:
    """One member of the archive damaged, the archive itself sound."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    name = rng.choice(sorted(members))
    members[name] = rng.choice(DAMAGES)(members[name], rng) if members[name] else b"x"
    return zipped(members)


DAMAGES = [truncate, flip, wrong_encoding, nuls, cut_and_flip]
EXTRA = {
    "fit": [fit_flip_behind_crc, fit_flip_behind_crc],
    "gz": [gzip_of_damaged] * 3,
    "zip": [zip_of_damaged] * 5,
}


def cases(fmt: str, files: list[tuple[str, bytes]]) -> Iterator[tuple[str, str, bytes, str]]:
    """(case, file name, damaged bytes, format to ask for or "" to detect), CORRUPTIONS of
    them, each reproducible from its case string."""
    damages = DAMAGES + EXTRA.get(fmt, [])
    for i in range(CORRUPTIONS):
        case = f"{SEED}:{fmt}:{i}"
        rng = random.Random(case)
        name, data = files[i % len(files)]
        damage = rng.choice(damages)
        damaged = damage(data, rng)
        ask = "" if fmt in ("gz", "zip") or i % 2 else fmt  # half told the format, half detected
        yield f"{case} {name} {damage.__name__}", name, damaged, ask


class Hung(BaseException):
    """Not an Exception: the job's own handler must not swallow it."""


@contextlib.contextmanager
def hang_guard(case: str):
    def hung(*_):
        raise Hung(f"{case}: still running after {HANG_S} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def myolog_export(user, api) -> list[tuple[str, bytes]]:
    """Myolog's own CSV, as the export API writes it for an account with sets and intervals."""
    make_workout(user, title='Heavy, "quoted"', notes="two\nlines")
    make_workout(
        user,
        exercises=[],
        activity="run",
        intervals=[{"kind": "work", "duration_s": 60}, {"kind": "recovery", "duration_s": 30}],
    )
    data = b"".join(api.get("/api/v1/export/?format=csv").streaming_content)
    user.workouts.all().delete()
    return [("myolog-export.csv", data)]


@pytest.mark.parametrize("fmt", sorted(BASES))
def test_every_damaged_file_fails_cleanly_or_imports_with_messages(user, api, fmt, caplog):
    files = BASES[fmt]() or myolog_export(user, api)
    problems: list[str] = []
    with caplog.at_level(logging.ERROR, logger="logbook.imports"):
        for case, name, data, ask in cases(fmt, files):
            with hang_guard(case):
                result = run_import_bytes(user, data, name, format=ask or None)
            problem = judge(result)
            if problem or caplog.records:
                problems.append(f"{case}: {problem or caplog.records[0].getMessage()}")
                caplog.clear()
    assert not ImportJob.objects.filter(
        status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    ).exists()
    assert ImportJob.objects.filter(user=user).count() == CORRUPTIONS
    assert not problems, f"{len(problems)} of {CORRUPTIONS} cases:\n" + "\n".join(problems[:20])


API_CASES = 25  # per format, through the HTTP API and storage (the job path a user's upload takes)


@pytest.mark.parametrize("fmt", sorted(BASES))
def test_damaged_uploads_through_the_api_are_accepted_and_end_finished(
    user, api, fmt, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    files = BASES[fmt]() or myolog_export(user, api)
    problems = []
    for number, (case, name, data, ask) in enumerate(cases(fmt, files)):
        if number == API_CASES:
            break
        fields = {"file": SimpleUploadedFile(name, data), **({"format": ask} if ask else {})}
        with committing(), hang_guard(case):
            response = api.post("/api/v1/imports/", fields, format="multipart")
        if response.status_code != 202:
            problems.append(f"{case}: upload answered {response.status_code}")
            continue
        status = api.get(f"/api/v1/imports/{response.json()['id']}/")
        problem = f"status answered {status.status_code}" if status.status_code != 200 else None
        problem = problem or judge(status.json())
        if problem:
            problems.append(f"{case}: {problem}")
    assert not problems, "\n".join(problems)
    assert not list(tmp_path.rglob("*.*"))  # every upload deleted once its job ended


def judge(result: dict) -> str | None:
    """What is wrong with a damaged file's result, or None."""
    messages = [e["message"] for e in result["errors"]]
    if result["status"] == ImportJob.Status.FAILED:
        if not messages:
            return "failed without a message"
        if UNEXPECTED in messages[0]:
            return messages[0]
        if result["created"] or result["updated"]:
            return "failed, yet wrote workouts"
        return None
    if result["status"] != ImportJob.Status.DONE:
        return f"left {result['status']}"
    counts = result["counts"]
    refused = sum(counts[what]["refused"] for what in ("rows", "sets", "workouts"))
    if refused and not result["error_count"]:
        return f"refused {refused} without a message"
    if result["error_count"] != len(messages) and len(messages) < 1000:
        return "error_count and the messages disagree"
    return None


def test_the_damages_are_reproducible_and_change_the_file():
    files = BASES["fit"]()
    first = list(cases("fit", files))
    assert first == list(cases("fit", files))
    assert all(damaged != files[i % len(files)][1] for i, (_, _, damaged, _) in enumerate(first))


def test_a_job_that_hits_a_bug_would_be_caught(user, monkeypatch, caplog):
    """The sweep's judge sees the job's own safety net: a reader crashing is 'unexpected'."""

    def crash(source, ctx):
        raise KeyError("boom")

    monkeypatch.setitem(jobs.READERS, "tcx", crash)
    with caplog.at_level(logging.ERROR, logger="logbook.imports"):
        result = run_import_bytes(user, b"<TrainingCenterDatabase/>", "x.tcx", format="tcx")
    assert UNEXPECTED in judge(result)
    assert caplog.records
    assert ImportMessage.objects.filter(job__user=user).exists()
