"""The sync step's batch (500 workouts × 20 sets) synced in-process, for two checkouts in
turn: a before/after comparison that a busy shared machine cannot tilt, since both sides
meet the same load, round after round.

Each round runs one child process per checkout, each on a fresh PostgreSQL database of its
own: a first sync of a new batch, then three replays of it; Celery publishes to its
in-memory transport, so no worker competes for the CPU. Prints per-round figures and
medians; writes nothing.

    .venv/bin/python -m bench.sync_ab /path/to/before-checkout [--rounds 5]
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"

CHILD = r"""
import json, os, sys, time, gc
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from bench.run import strength_payload
try:
    from logbook.services import sync_workouts
except ImportError:  # before the algorithm moved out of the API view
    from logbook.api.sync import sync_workouts
user = get_user_model().objects.create_user("ab", "ab@example.com", "x")
firsts, replays = [], []
for r in range(int(sys.argv[1])):
    items = [
        {**strength_payload(i), "source": "bench", "external_id": f"r{r}-w{i}"}
        for i in range(500)
    ]
    body = json.loads(json.dumps(items))
    gc.collect(); gc.disable()
    start = time.perf_counter()
    results = sync_workouts(user, body)
    firsts.append(time.perf_counter() - start)
    assert all(x["status"] == "created" for x in results), results[:2]
    for _ in range(3):
        start = time.perf_counter()
        results = sync_workouts(user, json.loads(json.dumps(items)))
        replays.append(time.perf_counter() - start)
        assert all(x["status"] == "unchanged" for x in results)
    gc.enable()
print(json.dumps({"first": firsts, "replay": replays}))
"""


def run(checkout: Path, batches: int) -> dict:
    name = f"myolog_ab_{secrets.token_hex(3)}"
    with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SECRET_KEY": "bench-only",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "CELERY_BROKER_URL": "memory://",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(checkout),
        }
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(batches)],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        ).stdout
        return json.loads(out.strip().splitlines()[-1])
    finally:
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batches", type=int, default=2, help="first syncs per child")
    args = parser.parse_args()
    sides = {"before": args.before.resolve(), "after": ROOT}
    figures: dict[str, dict[str, list[float]]] = {s: {"first": [], "replay": []} for s in sides}
    for round_ in range(args.rounds):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        for side in order:
            result = run(sides[side], args.batches)
            for key in ("first", "replay"):
                figures[side][key] += result[key]
            print(
                f"round {round_ + 1} {side:6} first sync "
                + ", ".join(f"{t:.3f}" for t in result["first"])
                + f" s; replay median {statistics.median(result['replay']):.3f} s",
                flush=True,
            )
    print()
    for side in sides:
        first = statistics.median(figures[side]["first"])
        replay = statistics.median(figures[side]["replay"])
        print(f"{side:6} first sync median {first:.3f} s   replay median {replay:.3f} s")
    ratio = statistics.median(figures["after"]["first"]) / statistics.median(
        figures["before"]["first"]
    )
    print(f"after / before, first sync: {ratio:.2f}")


if __name__ == "__main__":
    main()
