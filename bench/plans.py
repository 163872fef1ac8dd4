"""The read path's query plans on a PostgreSQL database whose tables were never analysed.

A fresh restore, a bulk load or a machine with autovacuum off leaves the planner without
statistics; the read paths must still take their indexes. This loads a user with 5,000
sessions × 20 sets (and 20 others with a year each) into a fresh database `myolog_perf_plans`
with bulk inserts and no ANALYZE, captures the SQL each read path runs (the list and its
cursor, the incremental pull, an exercise's history, the week, the export), runs
EXPLAIN (ANALYZE, BUFFERS) of each and writes bench/PLANS.md. Then it times a page of 100
workouts (server time, in-process) on that database and on SQLite with the same rows.

    .venv/bin/python -m bench.plans            # writes bench/PLANS.md, prints the figures
"""

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"
PLANS_DB = "myolog_perf_plans"
OWNER_SESSIONS = 5000
OTHER_USERS = 20
OTHER_SESSIONS = 250
EXERCISES = ["back-squat", "bench-press", "deadlift", "overhead-press", "barbell-row", "pull-up"]
PAGE_RUNS = 200
TABLES = re.compile(r'"(logbook_workout|logbook_workoutexercise|logbook_set|insights_\w+)"')


# --- Loading (bulk inserts: what a restore or a bulk import leaves) ---------------------------


def load() -> object:
    """The owner (5,000 sessions, newest an hour ago, one a day before) and 20 users with a
    year of sessions each; returns the owner."""
    from django.contrib.auth import get_user_model

    owner = get_user_model().objects.create_user("plans_owner", "owner@example.com", None)
    others = [
        get_user_model().objects.create_user(f"plans_{k}", f"p{k}@example.com", None)
        for k in range(OTHER_USERS)
    ]
    now = datetime.now(UTC).replace(microsecond=0)
    _sessions(owner, OWNER_SESSIONS, now, timedelta(days=1))
    for user in others:
        _sessions(user, OTHER_SESSIONS, now, timedelta(days=365 / OTHER_SESSIONS))
    return owner


def _sessions(user, count: int, newest: datetime, step: timedelta) -> None:
    from logbook.models import Exercise, Set, Workout, WorkoutExercise

    ids = dict(Exercise.objects.filter(owner=None, slug__in=EXERCISES).values_list("slug", "id"))
    stamp = datetime.now(UTC) - timedelta(days=1)
    workouts = Workout.objects.bulk_create(
        [
            Workout(
                user=user,
                started_at=newest - step * (count - i),
                duration_s=3600,
                title=f"Session {i}",
                activity="strength",
                session_rpe=8,
                source="plans",
                external_id=f"w{i}",
                updated_at=stamp + timedelta(microseconds=i),
            )
            for i in range(count)
        ],
        batch_size=1000,
    )
    entries = WorkoutExercise.objects.bulk_create(
        [
            WorkoutExercise(workout=w, exercise_id=ids[EXERCISES[(i + e) % 6]], position=e)
            for i, w in enumerate(workouts)
            for e in range(4)
        ],
        batch_size=2000,
    )
    Set.objects.bulk_create(
        [
            Set(entry=entry, position=s, reps=5, load_kg=100 + 2.5 * s, rpe=8, rest_s=180)
            for entry in entries
            for s in range(5)
        ],
        batch_size=5000,
    )


# --- The read paths ----------------------------------------------------------------------------


def read_paths(owner) -> dict[str, str]:
    """Each read path a user takes, as the URL the app serves it at."""
    from insights.reports import current_week
    from logbook.models import Exercise, Workout

    squat = Exercise.objects.get(owner=None, slug="back-squat")
    middle = (
        Workout.objects.filter(user=owner).order_by("updated_at")[OWNER_SESSIONS - 300].updated_at
    )
    return {
        "list: newest first, page of 100": "/api/v1/workouts/?limit=100",
        "list: the next page (cursor)": "next:/api/v1/workouts/?limit=100",
        "incremental pull (updated_since)": (
            f"/api/v1/workouts/?limit=100&updated_since={middle.isoformat().replace('+', '%2B')}"
        ),
        "incremental pull: the next page": (
            "next:/api/v1/workouts/?limit=100&updated_since="
            + middle.isoformat().replace("+", "%2B")
        ),
        "exercise history (page)": f"/exercises/{squat.pk}/",
        "week (API)": f"/api/v1/weeks/{current_week(owner)}/",
        "weeks list (API)": "/api/v1/weeks/?limit=12",
        "export (JSON)": "/api/v1/export/",
    }


def fetch(client, url: str) -> tuple[int, bytes]:
    if url.startswith("next:"):
        first = json.loads(client.get(url[5:]).content)
        url = first["next"].split("testserver", 1)[-1]
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def captured(client, url: str) -> list[str]:
    """The SQL the path runs (after warming), on the tables that grow with history."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fetch(client, url)
    with CaptureQueriesContext(connection) as queries:
        status, _ = fetch(client, url)
    assert status == 200, (url, status)
    sql = [q["sql"] for q in queries.captured_queries]
    if url.startswith("next:"):  # the second request's queries only
        sql = sql[len(sql) // 2 :]
    return [s for s in sql if s.lstrip().upper().startswith("SELECT") and TABLES.search(s)]


def explain(sql: str) -> tuple[str, float]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        lines = [row[0] for row in cursor.fetchall()]
    total = next(float(line.split(":")[1].split()[0]) for line in lines if "Execution Time" in line)
    return "\n".join(lines), total


def analysed_tables() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
            "OR last_autoanalyze IS NOT NULL"
        )
        return [r[0] for r in cursor.fetchall()]


def page_times(client, url: str, runs: int = PAGE_RUNS) -> list[float]:
    import gc

    for _ in range(10):
        fetch(client, url)
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            status, _ = fetch(client, url)
            times.append((time.perf_counter() - start) * 1000)
            assert status == 200
    finally:
        gc.enable()
    return times


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


# --- The two processes: one per database --------------------------------------------------------


def child(out: Path) -> None:
    """Runs under DATABASE_URL: migrate, load, (on PostgreSQL) explain, time the page."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", "--noinput", verbosity=0)
    start = time.perf_counter()
    owner = load()
    loaded = time.perf_counter() - start
    client = Client()
    client.force_login(owner)
    result: dict = {"vendor": connection.vendor, "load_s": loaded, "plans": {}}
    if connection.vendor == "postgresql":
        for name, url in read_paths(owner).items():
            result["plans"][name] = [(sql, *explain(sql)) for sql in captured(client, url)]
        result["analysed"] = analysed_tables()
    for name, url in (("page", "/api/v1/workouts/?limit=100"),):
        result[name] = page_times(client, url)
    out.write_text(json.dumps(result))


def run_child(database_url: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "plans-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "SECURE_HTTPS": "false",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "ERROR",
    }
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, "-m", "bench.plans", "--child", out.name],
            cwd=ROOT,
            env=env,
            check=True,
        )
        return json.loads(Path(out.name).read_text())


def measure(quick: bool = False) -> dict:
    """Both databases' figures, and bench/PLANS.md from the PostgreSQL one (a section of
    bench/RESULTS.md under `make bench`: bench/sections.py)."""
    with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PLANS_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PLANS_DB}"')
        autovacuum = conn.execute("SHOW autovacuum").fetchone()[0]
    try:
        pg = run_child(f"postgres://postgres@127.0.0.1:5432/{PLANS_DB}")
    finally:
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PLANS_DB}" WITH (FORCE)')
    with tempfile.TemporaryDirectory() as tmp:
        lite = run_child(f"sqlite:///{tmp}/plans.sqlite3")
    pg["autovacuum"] = autovacuum
    figures = {"postgresql": pg, "sqlite": lite}
    write_plans(figures)
    return figures


def section(figures: dict, quick: bool) -> str:
    return (
        "## Read paths on a never-analysed PostgreSQL database\n\n"
        "Each read path's queries under EXPLAIN (ANALYZE, BUFFERS) are in "
        "[PLANS.md](PLANS.md) (`python -m bench.plans`).\n\n" + summary(figures)
    )


def write_plans(figures: dict) -> None:
    pg = figures["postgresql"]
    lines = [
        "# Query plans of the read paths on a never-analysed PostgreSQL database",
        "",
        f"Written by `python -m bench.plans` at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. A fresh "
        f"database, one user with {OWNER_SESSIONS:,} sessions × 20 sets and {OTHER_USERS} users "
        f"with {OTHER_SESSIONS} each ({(OWNER_SESSIONS + OTHER_USERS * OTHER_SESSIONS) * 20:,} "
        f"sets), loaded with bulk inserts in {pg['load_s']:.0f} s; no ANALYZE (autovacuum "
        f"{pg['autovacuum']}; tables with statistics: {', '.join(pg['analysed']) or 'none'}). "
        "Each plan is the SQL the app ran for the owner, under EXPLAIN (ANALYZE, BUFFERS).",
        "",
        summary(figures),
        "",
    ]
    for name, plans in pg["plans"].items():
        lines += [f"## {name}", ""]
        for sql, plan, ms in plans:
            lines += [
                f"{ms:.2f} ms" + ("; **sequential scan**" if seq_scan(plan) else ""),
                "",
                "```sql",
                sql if len(sql) < 1200 else sql[:1200] + " …",
                "```",
                "",
                "```",
                plan,
                "```",
                "",
            ]
    (ROOT / "bench" / "PLANS.md").write_text("\n".join(lines))


def seq_scan(plan: str) -> bool:
    return bool(
        re.search(r"Seq Scan on (logbook_workout|logbook_workoutexercise|logbook_set)\b", plan)
    )


def summary(figures: dict) -> str:
    pg, lite = figures["postgresql"], figures["sqlite"]
    scans = [n for n, plans in pg["plans"].items() if any(seq_scan(p) for _, p, _ in plans)]
    worst = {n: sum(ms for *_, ms in plans) for n, plans in pg["plans"].items()}
    rows = "\n".join(f"| {n} | {ms:.1f} ms |" for n, ms in worst.items())
    return (
        f"A page of 100 workouts, server time (in-process, {PAGE_RUNS} requests): "
        f"PostgreSQL p50 {pct(pg['page'], 50):.1f} / p95 {pct(pg['page'], 95):.1f} ms, "
        f"SQLite p50 {pct(lite['page'], 50):.1f} / p95 {pct(lite['page'], 95):.1f} ms "
        "(target p95 ≤ 15 ms on PostgreSQL, as fast as SQLite or faster). "
        f"Sequential scans of the workout tables: {', '.join(scans) or 'none'}.\n\n"
        "| path | database time of its queries |\n| --- | --- |\n" + rows
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
        return
    figures = measure()
    print(summary(figures))
    print("wrote bench/PLANS.md")


if __name__ == "__main__":
    main()
