"""The progress pages' server time for a lifter with five years of data, on SQLite and on
PostgreSQL: p50 / p95 of each page beside the target (p95 ≤ 150 ms), and its query count.

Each database is filled and measured in its own process (Django's settings are made once per
process): a fresh SQLite file under var/, and the PostgreSQL database `myolog_fin_bench`,
dropped afterwards. The user is made through the write path (`services.upsert_many`, as sync
writes) and classified in-process, as the worker would. Pages are fetched with Django's test
client in the same process, so the figure is the server's time, not the network's. It prints
figures; it passes or fails nothing; it writes its own section of bench/RESULTS.md.

    .venv/bin/python -m bench.progress_pages [--quick] [--backend sqlite|postgres]
        [--pg-database NAME]

A section module (bench/sections.py): `make bench` runs it as its `progress_pages` step.
"""

import argparse
import contextlib
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import sections

ROOT = Path(__file__).resolve().parent.parent
NAME = "progress_pages"  # its step and its section's markers (bench/sections.py)
PG_DB = "myolog_fin_bench"
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_MS = 150
YEARS = 5
BACKENDS = ("sqlite", "postgres")

# A four-day split, as many lifters run it: (exercise, sets, reps, starting load, kg gained a
# year); every session also has two warm-up sets of its first lift.
DAYS = [
    (
        "Lower A",
        [
            ("back-squat", 5, 5, 80.0, 12.0),
            ("romanian-deadlift", 3, 8, 70.0, 8.0),
            ("barbell-lunge", 3, 10, 40.0, 4.0),
            ("smith-machine-calf-raise", 3, 12, 60.0, 5.0),
        ],
    ),
    (
        "Upper A",
        [
            ("bench-press", 5, 5, 60.0, 7.0),
            ("barbell-row", 4, 8, 55.0, 6.0),
            ("overhead-press", 3, 8, 35.0, 3.0),
            ("barbell-curl", 3, 10, 25.0, 2.0),
        ],
    ),
    (
        "Lower B",
        [
            ("deadlift", 3, 5, 100.0, 14.0),
            ("front-squat", 3, 6, 60.0, 8.0),
            ("hip-thrust", 3, 10, 80.0, 10.0),
        ],
    ),
    (
        "Upper B",
        [
            ("incline-bench-press", 4, 8, 50.0, 5.0),
            ("dumbbell-bench-press", 3, 10, 22.0, 2.0),
            ("pendlay-row", 4, 6, 60.0, 6.0),
            ("upright-row", 3, 12, 25.0, 2.0),
        ],
    ),
]


def five_years(now: datetime, seed: int = 16) -> list[dict]:
    """Four lifting days a week and a run most weeks for five years, ending yesterday: loads
    creep up with day-to-day noise and a lighter week every eighth, so records keep falling
    now and then, as they do."""
    rng = random.Random(seed)
    start = (now - timedelta(days=365 * YEARS)).replace(hour=7, minute=0, second=0, microsecond=0)
    payloads = []
    for week in range(YEARS * 52):
        monday = start + timedelta(weeks=week)
        deload = week % 8 == 7
        for d, (title, lifts) in enumerate(DAYS):
            when = monday + timedelta(days=(0, 1, 3, 4)[d], minutes=rng.randint(0, 120))
            if when >= now - timedelta(days=1) or rng.random() < 0.06:  # some days missed
                continue
            exercises = []
            for n, (slug, sets, reps, load, per_year) in enumerate(lifts):
                top = load + per_year * week / 52 + rng.uniform(-2.5, 2.5)
                top = round(top * (0.85 if deload else 1.0) / 2.5) * 2.5
                work = [
                    {
                        "reps": reps if rng.random() > 0.15 else reps - 1,
                        "load_kg": top,
                        "rpe": rng.choice([7.0, 7.5, 8.0, 8.5, 9.0]) if s == sets - 1 else None,
                        "rest_s": 180 if reps <= 6 else 90,
                    }
                    for s in range(sets)
                ]
                warm = [
                    {"reps": 5, "load_kg": round(top * f / 2.5) * 2.5, "set_type": "warmup"}
                    for f in (0.5, 0.7)
                ]
                exercises.append({"exercise": slug, "sets": (warm if n == 0 else []) + work})
            payloads.append(
                {
                    "source": "bench",
                    "external_id": f"lift-{week}-{d}",
                    "started_at": when.isoformat(),
                    "duration_s": 3600 + rng.randint(-600, 900),
                    "title": title,
                    "notes": "Knee felt fine." if rng.random() < 0.05 else "",
                    "activity": "strength",
                    "session_rpe": rng.choice([6.0, 7.0, 8.0]),
                    "exercises": exercises,
                }
            )
        when = monday + timedelta(days=5, hours=2)
        if when < now - timedelta(days=1) and rng.random() < 0.7:
            payloads.append(
                {
                    "source": "bench",
                    "external_id": f"run-{week}",
                    "started_at": when.isoformat(),
                    "activity": "run",
                    "title": "Easy run",
                    "duration_s": 2400 + rng.randint(0, 1200),
                    "distance_m": 7000 + rng.randint(0, 3000),
                    "session_rpe": 4.0,
                    "avg_hr": 140,
                }
            )
    return payloads


# --- One backend, in its own process ------------------------------------------------------------


def fill() -> tuple:
    """Migrate the configured database and make the lifter through the write path."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from logbook import services
    from logbook.schema import clean_routine, clean_workout

    call_command("migrate", "--noinput", verbosity=0)
    user = get_user_model().objects.create_user("five_years", "five@example.com", "x" * 20)
    payloads = five_years(datetime.now(UTC))
    started = time.perf_counter()
    for i in range(0, len(payloads), 100):
        items = [clean_workout(p) for p in payloads[i : i + 100]]
        for _, _, errors in services.upsert_many(user, items):
            assert not errors, errors
    for title, lifts in DAYS:
        services.save_routine(
            user,
            clean_routine(
                {
                    "name": title,
                    "exercises": [
                        {"exercise": slug, "sets": sets, "reps_min": reps, "reps_max": reps + 3}
                        for slug, sets, reps, _, _ in lifts
                    ],
                }
            ),
        )
    return user, time.perf_counter() - started


def page_urls(user) -> dict[str, str]:
    from logbook.models import Exercise, Routine

    squat = Exercise.objects.get(slug="back-squat", owner__isnull=True)
    routine = Routine.objects.filter(user=user).first()
    month = (datetime.now(UTC) - timedelta(days=400)).strftime("%Y-%m")
    return {
        "dashboard": "/",
        "exercise page (back squat)": f"/exercises/{squat.pk}/",
        "exercise page, all time": f"/exercises/{squat.pk}/?range=all",
        "records": "/records/",
        "history": "/workouts/",
        "history, a month and a search": f"/workouts/?month={month}&q=knee",
        "routines": "/routines/",
        "a routine": f"/routines/{routine.pk}/",
        "week": "/week/",
    }


# Timed last, since each of its saves adds a workout: the records page's first view after a
# workout is saved. A worker works the books out again a moment after the save
# (insights.tasks.warm_record_books; here tasks run at once), so this is the view once it has.
AFTER_A_SAVE = "records, first view after a save"


def save_a_session(user, n: int) -> None:
    """A short squat session a few minutes before now, saved through the write path."""
    from logbook import services
    from logbook.schema import clean_workout

    payload = {
        "source": "bench",
        "external_id": f"after-save-{n}",
        "started_at": (datetime.now(UTC) - timedelta(minutes=60 - n)).isoformat(),
        "activity": "strength",
        "exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "load_kg": 100.0}]}],
    }
    services.create_workout(user, clean_workout(payload))


def time_page(client, url: str, rounds: int, before=None) -> dict:
    """p50 / p95 of `rounds` requests after one warm-up, and one request's statements;
    `before(n)`, if given, runs untimed before each request."""
    before = before or (lambda n: None)
    before(0)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    before(1)
    queries = count_queries(lambda: client.get(url))
    times = []
    for n in range(2, rounds + 2):
        before(n)
        begin = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - begin) * 1000)
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "queries": queries}


def measure_here(quick: bool) -> dict:
    """Fill the configured database with the lifter and time each page (Django is set up)."""
    from django.test import Client

    from logbook.models import Set, Workout

    user, fill_s = fill()
    workouts = Workout.objects.filter(user=user).count()
    sets = Set.objects.filter(entry__workout__user=user).count()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    rounds = 8 if quick else 30
    pages = [(name, url, None) for name, url in page_urls(user).items()]
    pages.append((AFTER_A_SAVE, "/records/", lambda n: save_a_session(user, n)))
    figures = {}
    for name, url, before in pages:
        figures[name] = f = time_page(client, url, rounds, before)
        print(
            f"  {name:32} {f['p50']:6.0f} / {f['p95']:4.0f} ms  {f['queries']} queries",
            file=sys.stderr,
            flush=True,
        )
    return {
        "workouts": workouts,
        "sets": sets,
        "fill_s": round(fill_s, 1),
        "rounds": rounds,
        "pages": figures,
    }


def count_queries(call) -> int:
    """The statements one call runs (a wrapper, since each request resets Django's log)."""
    from django.db import connection

    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        call()
    return len(seen)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def child(quick: bool) -> None:
    """Run in a fresh process with DATABASE_URL set: measure, print the figures as JSON."""
    import django

    django.setup()
    print(json.dumps(measure_here(quick)))


def child_env(url: str, folder: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CELERY_BROKER_URL", "REDIS_URL", "CACHE_URL", "EMAIL_URL")
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "SECURE_HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "VAR_DIR": str(folder),
    }


def admin(sql: str) -> None:
    """One statement on the server's `postgres` database (to make or drop ours)."""
    import psycopg

    with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path, pg_database: str = PG_DB) -> Iterator[str]:
    """The URL of an empty database for one run, gone after it: a SQLite file under var/,
    or a PostgreSQL database of that name."""
    file = folder / "pages.sqlite3"
    postgres = backend == "postgres"
    url = f"postgres://postgres@127.0.0.1:5432/{pg_database}" if postgres else f"sqlite:///{file}"

    def drop() -> None:
        file.unlink(missing_ok=True)
        if postgres:
            admin(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)')

    drop()
    if postgres:
        admin(f'CREATE DATABASE "{pg_database}"')
    try:
        yield url
    finally:
        drop()


def run_backend(backend: str, quick: bool, pg_database: str = PG_DB) -> dict:
    """Fill and measure one database in a child process; the database is gone afterwards."""
    folder = ROOT / "var" / "bench-pages"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"progress pages on {backend}: filling five years, then timing", flush=True)
    load_before = os.getloadavg()[0]
    with fresh_database(backend, folder, pg_database) as url:
        out = subprocess.run(
            [sys.executable, "-m", "bench.progress_pages", "--child"]
            + (["--quick"] if quick else []),
            cwd=ROOT,
            env=child_env(url, folder),
            stdout=subprocess.PIPE,
            text=True,
            check=True,
            timeout=3600,
        ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    figures["load"] = (round(load_before, 1), round(os.getloadavg()[0], 1))
    return figures


# --- The section of RESULTS.md -------------------------------------------------------------------


def section(results: dict[str, dict], quick: bool) -> str:
    """The Markdown of the section (bench/sections.py puts it between the markers)."""
    first = next(iter(results.values()))
    names = list(first["pages"])
    head = (
        "| page | "
        + " | ".join(f"{LABELS[b]} p50 / p95" for b in results)
        + " | queries | target |"
    )
    lines = [
        "## Progress pages, five years of data",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/progress_pages.py` (a step of "
        f"`make bench`): one lifter with {first['workouts']:,} workouts and {first['sets']:,} "
        f"sets over {YEARS} years (a four-day split, warm-ups, a run most weeks, four "
        f"routines); server time in-process (Django's test client), {first['rounds']} "
        "requests a page after one warm-up." + (" Quick run." if quick else ""),
        "",
        head,
        "| --- | " + " | ".join("---" for _ in results) + " | --- | --- |",
    ]
    for name in names:
        cells = []
        for backend in results:
            f = results[backend]["pages"][name]
            miss = " ✘" if f["p95"] > TARGET_MS else ""
            cells.append(f"{f['p50']:.0f} / {f['p95']:.0f} ms{miss}")
        counts = {results[b]["pages"][name]["queries"] for b in results}
        queries = "/".join(str(results[b]["pages"][name]["queries"]) for b in results)
        queries = queries if len(counts) > 1 else str(counts.pop())
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {queries} | p95 ≤ {TARGET_MS} ms |")
    fills = ", ".join(f"{LABELS[b]} {r['fill_s']} s" for b, r in results.items())
    loads = ", ".join(
        f"{LABELS[b]} {r['load'][0]} / {r['load'][1]}" for b, r in results.items() if "load" in r
    )
    lines += [
        "",
        f"Filling the five years through the write path took {fills}. The machine's load "
        f"average (1 min, 2 cores shared), before / after each: {loads}: a loaded machine "
        "slows every figure. ✘ marks a page over the target. The records page's books are "
        "kept in the cache under the user's change clock (`insights.selectors.all_record_books`): "
        f"'records' is a view with nothing changed since the last, '{AFTER_A_SAVE}' the first "
        "view after each of as many saves of a short squat session (the save not timed), once "
        "the worker has worked the books out again (`insights.tasks.warm_record_books`, a "
        "moment after the save; here tasks run at once). Queries: one request's statements "
        "(per database, slash-separated, when they differ).",
    ]
    return "\n".join(lines)


LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def measure(
    quick: bool, backends: tuple[str, ...] = BACKENDS, pg_database: str = PG_DB
) -> dict[str, dict]:
    """Fill and time each backend, each in its own process and database."""
    return {backend: run_backend(backend, quick, pg_database) for backend in backends}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer requests a page")
    parser.add_argument("--backend", choices=BACKENDS, action="append")
    parser.add_argument(
        "--pg-database", default=PG_DB, help=f"the PostgreSQL database to make (default {PG_DB})"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.quick)
    else:
        backends = tuple(args.backend or BACKENDS)
        text = section(measure(args.quick, backends, args.pg_database), args.quick)
        sections.write(NAME, text)
        print(text)


if __name__ == "__main__":
    main()
