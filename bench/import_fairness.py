"""Does one user's huge import hold up another user's small one? Prints the figure.

One user uploads an Apple Health export of 200,000 workouts (about 22 MB); a moment later
another user uploads 20 workouts (a Hevy CSV). Both go through `services.start_import` to
real Celery workers on Redis (config.stack's `worker` and `import-worker`) against a fresh
PostgreSQL database. The figure is the second import's time from upload to done, while the
first is still being read or written; the target is under 30 s. Talks only to 127.0.0.1;
every wait is bounded.

    .venv/bin/python -m bench.import_fairness [--workouts 200000] [--small 20]
"""

import argparse
import os
import secrets
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_DB = 3  # and 4 for the cache; other tools here use 0, 5-15
TARGET_S = 30.0


def apple_health(workouts: int) -> bytes:
    """An export.xml of `workouts` runs, one every 3 hours back from 2026."""
    start = datetime(2026, 1, 1, 7, tzinfo=UTC) - timedelta(hours=3 * workouts)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_GB">\n']
    for i in range(workouts):
        begin = start + timedelta(hours=3 * i)
        end = begin + timedelta(minutes=30)
        parts.append(
            ' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" '
            f'durationUnit="min" sourceName="Watch" startDate="{begin:%Y-%m-%d %H:%M:%S} +0000" '
            f'endDate="{end:%Y-%m-%d %H:%M:%S} +0000"/>\n'
        )
    parts.append("</HealthData>\n")
    return "".join(parts).encode()


def hevy(workouts: int, year: int = 2026) -> bytes:
    header = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
        "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    )
    rows = "".join(
        f"Day {i},{1 + i % 28} Mar {year} {7 + i // 28}:00,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
        for i in range(workouts)
    )
    return (header + rows).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workouts", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=20)
    args = parser.parse_args()
    db = f"myolog_jobs_bench_{secrets.token_hex(3)}"
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB + 1}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_HTTPS": "false",
        "VAR_DIR": str(ROOT / "var" / "bench-fairness"),
        "LOG_LEVEL": "WARNING",
        "IMPORT_MAX_BYTES": str(64 * 1024 * 1024),
    }
    with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    children: list[subprocess.Popen] = []
    try:
        for number in (REDIS_DB, REDIS_DB + 1):
            subprocess.run(
                ["redis-cli", "-n", str(number), "FLUSHDB"], check=True, capture_output=True
            )
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        os.environ.update(env)
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.files.uploadedfile import SimpleUploadedFile

        from config.stack import process_commands
        from logbook.imports import services
        from logbook.models import ImportJob

        logs = ROOT / "var" / "bench-fairness"
        logs.mkdir(parents=True, exist_ok=True)
        commands = process_commands()
        for name in ("worker", "import-worker"):
            log = (logs / f"{name}.log").open("w")
            children.append(
                subprocess.Popen(commands[name], cwd=ROOT, env=env, stdout=log, stderr=log)
            )
        time.sleep(8)  # the workers connect

        users = get_user_model().objects
        big_user = users.create_user("big-importer", password=None)
        small_user = users.create_user("small-importer", password=None)
        big_file = apple_health(args.workouts)
        print(f"big file: {args.workouts:,} workouts, {len(big_file) / 1_048_576:.1f} MB")

        big_started = time.monotonic()
        big = services.start_import(big_user, SimpleUploadedFile("export.xml", big_file))
        wait(lambda: ImportJob.objects.get(pk=big.pk).status != "queued", 60)
        time.sleep(2)
        figures = [small_import(small_user, args.small, big, big_started, "being read")]
        wait(lambda: ImportJob.objects.get(pk=big.pk).step >= 2, 900)
        read_s = time.monotonic() - big_started
        print(f"big file read and spooled in about {read_s:.0f} s; its chunks are being written")
        time.sleep(2)
        figures.append(small_import(small_user, args.small, big, big_started, "being written"))
        return 0 if all(f < TARGET_S for f in figures) else 1
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        from django.db import connections

        connections.close_all()
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        for number in (REDIS_DB, REDIS_DB + 1):
            subprocess.run(["redis-cli", "-n", str(number), "FLUSHDB"], capture_output=True)


def small_import(user, workouts: int, big, big_started: float, phase: str) -> float:
    """Upload the small file now; seconds until its job is done."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from logbook.imports import services
    from logbook.models import ImportJob

    started = time.monotonic()
    small = services.start_import(
        user, SimpleUploadedFile("hevy.csv", hevy(workouts, 2026 - int(phase == "being written")))
    )
    wait(lambda: ImportJob.objects.get(pk=small.pk).is_finished, 600)
    seconds = time.monotonic() - started
    small = ImportJob.objects.get(pk=small.pk)
    big = ImportJob.objects.get(pk=big.pk)
    print(
        f"small import ({workouts} workouts) while the big one is {phase} "
        f"({started - big_started:.0f} s in, {(big.resume or {}).get('done', 0):,} written): "
        f"upload -> {small.status} in {seconds:.1f} s, {small.created} created, "
        f"{small.skipped} already there (target < {TARGET_S:.0f} s)"
    )
    from insights.models import Insight

    mine = Insight.objects.filter(workout__user=user).values("workout").distinct()
    wait(lambda: mine.count() >= user.workouts.count(), 300)
    print(f"  ... and its workouts all classified {time.monotonic() - started:.1f} s after upload")
    return seconds if small.status == "done" else float("inf")


def wait(check, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"not within {timeout:.0f} s")
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
