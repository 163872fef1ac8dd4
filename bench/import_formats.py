"""How fast each import format is read and imported, and the Python memory it takes.

For each CSV format, rows per second; for FIT, GPX and Apple Health export.xml, MB per second;
each twice: the reader alone (parse only, in CPU time, the best of 3) and the whole import
job into an empty account (parse, validate, write; PostgreSQL; wall time). Peak Python
memory (tracemalloc) of a job in a run of its own, as tracemalloc slows what it traces. The
files are the real exports in tests/fixtures/exports repeated with shifted dates, and
synthetic files of tests/fixtures/make_synthetic.py made larger.

Its figures are a section of bench/RESULTS.md of their own (bench/sections.py): `make bench`
writes it (the step `import_formats`), and so does

    .venv/bin/python -m bench.import_formats [--quick]

on a fresh PostgreSQL database of its own (dropped afterwards), with no worker running.
"""

import argparse
import csv
import gc
import io
import os
import platform
import random
import re
import secrets
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import sections
from bench.sections import table

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "tests" / "fixtures" / "exports"
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"


# --- The files -----------------------------------------------------------------------------


def shifted_copies(text: str, copies: int, pattern: str, parse: Callable, write: Callable) -> str:
    """A CSV export's data rows `copies` times, each copy's dates moved on by a minute more
    than the last (every copy's workouts are new ones), under the one header."""
    header, _, body = text.partition("\n")
    body = body if body.endswith("\n") else body + "\n"
    found = re.compile(pattern)
    parts = [header + "\n"]
    for copy in range(copies):
        shift = timedelta(minutes=copy)
        parts.append(found.sub(lambda m, by=shift: write(parse(m.group(0)) + by), body))
    return "".join(parts)


def iso_dated_copies(name: str, copies: int) -> bytes:
    """Copies of an export whose dates are written 2026-01-04 12:38:59 (Strong, Garmin)."""
    text = (EXPORTS / name).read_text(encoding="utf-8-sig")
    return shifted_copies(
        text,
        copies,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}",
        lambda s: datetime.strptime(s, "%Y-%m-%d %H:%M:%S"),
        lambda d: d.strftime("%Y-%m-%d %H:%M:%S"),
    ).encode()


def strong_file(copies: int) -> bytes:
    return iso_dated_copies("strong/sample_strong.csv", copies)


def hevy_file(copies: int) -> bytes:
    text = (EXPORTS / "hevy" / "sample_hevy_part.csv").read_text(encoding="utf-8-sig")
    return shifted_copies(
        text,
        copies,
        r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}",
        lambda s: datetime.strptime(s, "%d %b %Y, %H:%M"),
        lambda d: f"{d.day} {d:%b %Y, %H:%M}",
    ).encode()


def synthetic(name: str, **size: int) -> bytes:
    from tests.fixtures import make_synthetic

    return make_synthetic.FILES[name](random.Random(name), **size).encode()


def myolog_csv_of(user) -> bytes:
    """Myolog's own CSV export of an account, as GET /api/v1/export/?format=csv writes it."""
    from logbook.api.export import export_dict
    from logbook.imports.readers.myolog_csv import COLUMNS, rows_for
    from logbook.models import Workout

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    workouts = Workout.objects.filter(user=user).alive().with_details().order_by("started_at")
    for workout in workouts.iterator(chunk_size=200):
        writer.writerows(rows_for(export_dict(workout)))
    return out.getvalue().encode()


# --- Measuring -----------------------------------------------------------------------------


@dataclass
class Figure:
    label: str
    fmt: str
    filename: str
    data: bytes
    rows: int = 0  # CSV data rows; 0 for the formats measured in MB/s

    def rate(self, seconds: float) -> str:
        if self.rows:
            return f"{self.rows / seconds:,.0f} rows/s"
        return f"{len(self.data) / 1e6 / seconds:.1f} MB/s"

    def size(self) -> str:
        rows = f"{self.rows:,} rows, " if self.rows else ""
        return f"{rows}{len(self.data) / 1e6:.1f} MB"


def read_only(figure: Figure) -> tuple[float, int]:
    """CPU seconds to read the file with its reader (no database, one process: CPU time is
    what other work on a shared machine does not inflate), and the items it yielded."""
    from logbook.imports.readers import READERS, ImportContext

    gc.collect()
    start = time.process_time()
    items = sum(1 for _ in READERS[figure.fmt](io.BytesIO(figure.data), ImportContext()))
    return time.process_time() - start, items


def new_user(name: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(f"{name}_{secrets.token_hex(3)}")


def job(figure: Figure, traced: bool = False) -> tuple[float, dict, float]:
    """The whole import job into an empty account: seconds, its status, and its peak Python
    memory in MB when traced."""
    from logbook.imports.jobs import run_import_bytes

    user = new_user("bench_formats")
    gc.collect()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    result = run_import_bytes(user, figure.data, figure.filename, format=figure.fmt)
    seconds = time.perf_counter() - start
    peak = 0.0
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return seconds, result, peak


def figures(quick: bool) -> list[Figure]:
    scale = 1 if quick else 8
    strong = strong_file(10 * scale)
    fitnotes = synthetic("fitnotes/current_unquoted_commas.csv", days=25 * scale, sets=33)
    out = [
        Figure("Strong CSV (real sample ×copies)", "strong_csv", "strong.csv", strong),
        Figure("Hevy CSV (real sample ×copies)", "hevy_csv", "hevy.csv", hevy_file(2 * scale)),
        Figure("FitNotes CSV (synthetic)", "fitnotes_csv", "fitnotes.csv", fitnotes),
        Figure(
            "Garmin Connect CSV (real sample ×copies, a row a workout)",
            "garmin_csv",
            "Activities.csv",
            iso_dated_copies("garmin_csv/Activities_part.csv", 100 * scale),
        ),
    ]
    for figure in out:
        figure.rows = len(figure.data.splitlines()) - 1
    for name in ("garmin-edge-500-activity.fit", "sample_mulitple_header.fit"):
        data = (EXPORTS / "fit-fitparse" / name).read_bytes()
        out.append(Figure(f"FIT, {name}", "fit", name, data))
    gpx = synthetic("gpx/garmin_connect_three_tracks.gpx", points=2500 * scale)
    out.append(Figure("GPX (synthetic, 3 tracks)", "gpx", "tracks.gpx", gpx))
    health = synthetic("apple_health/export.xml", days=25 * scale, records=500)
    out.append(Figure("Apple Health export.xml (synthetic)", "apple_health", "export.xml", health))
    return out


def measure(quick: bool = False, say: Callable[[str], None] = print) -> list[tuple[str, ...]]:
    """The table's rows: (file, size, read only, import job, peak memory, note). Django must
    be set up on a database the bench may write to."""
    from bench.run import reference_loop_ms

    rows = []
    load, loop = os.getloadavg()[0], reference_loop_ms()
    todo = figures(quick)
    for fmt, data in (("strong_csv", strong_file(1)), ("hevy_csv", hevy_file(1))):
        job(Figure("warm-up", fmt, "warm-up.csv", data))  # the catalog and first-time costs
    myolog_after = todo[0]  # Myolog CSV: the export of the account that imported Strong
    for figure in todo:
        rows.append(one(figure, say))
        if figure is myolog_after:
            user = new_user("bench_formats_export")
            from logbook.imports.jobs import run_import_bytes

            run_import_bytes(user, figure.data, figure.filename, format=figure.fmt)
            data = myolog_csv_of(user)
            mine = Figure("Myolog CSV (export of the Strong account)", "myolog_csv", "m.csv", data)
            mine.rows = len(list(csv.reader(io.StringIO(data.decode())))) - 1
            rows.append(one(mine, say))
    rows.append(
        (
            "Machine: load average (1 min), before / after",
            "",
            f"{load:.1f} / {os.getloadavg()[0]:.1f}",
            "",
            "",
            f"reference loop {loop:.0f} / {reference_loop_ms():.0f} ms (bench/run.py's): "
            "the job rates are wall time, which a loaded machine lowers",
        )
    )
    return rows


def one(figure: Figure, say: Callable[[str], None]) -> tuple[str, ...]:
    reads = [read_only(figure) for _ in range(3)]
    best = min(seconds for seconds, _ in reads)
    seconds, result, _ = job(figure)
    _, _, peak = job(figure, traced=True)
    counts = result.get("counts") or {}
    note = (
        f"{result['status']}: {result['created']:,} workouts, "
        f"{(counts.get('sets') or {}).get('imported', 0):,} sets, {result['error_count']} messages"
    )
    row = (
        figure.label,
        figure.size(),
        figure.rate(best),
        figure.rate(seconds),
        f"{peak:.0f} MB",
        note,
    )
    say(" | ".join(row))
    return row


# --- The section of bench/RESULTS.md -------------------------------------------------------


COLUMNS = ("file", "size", "read only (CPU, best of 3)", "import job (wall)", "peak memory", "job")


def section(rows: list[tuple[str, ...]], quick: bool) -> str:
    lines = [
        "## Import formats",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/import_formats.py` on "
        f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
        "PostgreSQL." + (" Quick run (smaller files)." if quick else ""),
        "",
        table(rows, COLUMNS),
        "",
        "Read only: the format's reader over the file in memory, no database, per second of "
        "this process's CPU (so other work on the machine does not lower it). Import job: "
        "`run_import_bytes` into an empty account (read, validate, write every workout), as "
        "the worker runs it, per second of wall time (PostgreSQL's share included, and the "
        "load, see the last row). Peak memory: tracemalloc over a second job, the file's "
        "own bytes not counted. CSV formats are read whole (25 MB upload limit); FIT, GPX "
        "and Apple Health in MB/s. The 1 GB Apple Health zip is bench/import_memory.py's.",
    ]
    return "\n".join(lines)


# --- Standalone ----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller files, for a smoke run")
    parser.add_argument("--print", action="store_true", help="print only; leave RESULTS.md")
    args = parser.parse_args()
    import psycopg

    db = f"myolog_bench_imports_{secrets.token_hex(3)}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db}",
        CELERY_BROKER_URL="memory://",  # what a job queues (classification) waits, unrun
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(32),
    )
    sys.path.insert(0, str(ROOT))
    with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    try:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", "--noinput", verbosity=0)
        rows = measure(args.quick)
        if not args.print:
            sections.write("import_formats", section(rows, args.quick))
            print("wrote its section of bench/RESULTS.md")
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


if __name__ == "__main__":
    main()
