"""Past one machine, measured: two web processes and two Celery workers, each on its own
port or name as separate machines would run them, against one PostgreSQL and one Redis.

20 concurrent clients (a user each, alternating between the two web processes) record
workouts of 20 sets and read their newest page for 60 s; then the queue drains and the
database says whether every workout got its insight exactly once (an insight row per live
workout, none rewritten: `updated_at = created_at`). A second, short phase puts the 20
clients on one user, whose writes take turns on that user's change-clock row. The CPU each
part used (web, workers, PostgreSQL, Redis, the clients) says what the next step would hit.
Everything on 127.0.0.1 and bounded in time.

    .venv/bin/python -m bench.scale [--quick]      prints the figures
"""

import argparse
import os
import secrets
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from bench.peer_wger import call, cpu_seconds, free_port, pct, process_tree, wait_up

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"
CLIENTS = 20
SECONDS = 60
ONE_USER_SECONDS = 15
REDIS_DB = 13  # and 14: beside `make bench`'s 7/8 and the peer's 11/12
READ_EVERY = 4  # one newest-page read after every few creates


class Cluster:
    """The processes two machines would run, on this one."""

    def __init__(self) -> None:
        self.db = f"myolog_perf_scale_{secrets.token_hex(3)}"
        self.ports = [free_port(), free_port()]
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.db}",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB + 1}",
            "EMAIL_URL": "smtp://127.0.0.1:1",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_HTTPS": "false",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "THROTTLE_TOKEN": "100000/min",
            "THROTTLE_SYNC": "100000/min",
            "LOG_LEVEL": "WARNING",
        }
        self.env.pop("EMBEDDED", None)
        self.web: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.logs = ROOT / "var" / "bench-logs"

    def start(self) -> dict[str, str]:
        from config.stack import WORKER_NICE, gunicorn_command

        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db}"')
        self.redis("FLUSHDB")
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=self.env, check=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        for k, port in enumerate(self.ports):
            command = gunicorn_command(sys.executable, f"127.0.0.1:{port}", workers=1)
            self.web.append(self.spawn(command, f"scale-web{k}.log"))
            worker = [*WORKER_NICE, sys.executable, "-m", "celery", "-A", "config", "worker"]
            worker += ["-n", f"scale{k}@%h", "--concurrency", "1", "--loglevel", "WARNING"]
            self.workers.append(self.spawn(worker, f"scale-worker{k}.log"))
        for port in self.ports:
            wait_up(f"http://127.0.0.1:{port}/healthz")
        return self.tokens()

    def spawn(self, command: list[str], log: str) -> subprocess.Popen:
        out = (self.logs / log).open("w")
        return subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=out, stderr=out)

    def tokens(self) -> dict[str, str]:
        code = (
            "import django, json; django.setup()\n"
            "from django.contrib.auth import get_user_model\n"
            "from logbook.tokens import issue_token\n"
            f"names = [f'scale_{{k}}' for k in range({CLIENTS})] + ['scale_one']\n"
            "print(json.dumps({n: issue_token(get_user_model().objects.create_user(n), 'b')[1]"
            " for n in names}))\n"
        )
        import json

        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=self.env, check=True, capture_output=True
        )
        return json.loads(out.stdout.decode().strip().splitlines()[-1])

    def redis(self, *args: str) -> str:
        command = ["redis-cli", "-n", str(REDIS_DB), *args]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()

    def pids(self) -> dict[str, list[int]]:
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            backends = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.db],
            ).fetchall()
        redis = subprocess.run(["pgrep", "-x", "redis-server"], capture_output=True, text=True)
        return {
            "web": process_tree([p.pid for p in self.web]),
            "workers": process_tree([p.pid for p in self.workers]),
            "PostgreSQL": [r[0] for r in backends],
            "Redis (whole server)": [int(p) for p in redis.stdout.split()],
            "clients": [os.getpid()],
        }

    def cpu(self) -> dict[str, float]:
        return {name: cpu_seconds(pids) for name, pids in self.pids().items()}

    def audit(self, timeout: float = 180) -> dict[str, int | float]:
        """Waits for the queue to drain, then counts in the database."""
        url = self.env["DATABASE_URL"]
        sql = (
            "SELECT count(*), count(i.id), count(*) FILTER (WHERE i.updated_at <> i.created_at) "
            "FROM logbook_workout w LEFT JOIN insights_insight i ON i.workout_id = w.id "
            "WHERE w.deleted_at IS NULL"
        )
        start = time.perf_counter()
        deadline = start + timeout
        while True:
            with psycopg.connect(url) as conn:
                workouts, insights, rewritten = conn.execute(sql).fetchone()
            if insights >= workouts or time.perf_counter() > deadline:
                break
            time.sleep(0.5)
        return {
            "workouts": workouts,
            "insights": insights,
            "rewritten": rewritten,
            "drain_s": time.perf_counter() - start,
        }

    def stop(self) -> None:
        for child in self.web + self.workers:
            child.terminate()
        for child in self.web + self.workers:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        self.redis("FLUSHDB")
        subprocess.run(["redis-cli", "-n", str(REDIS_DB + 1), "FLUSHDB"], capture_output=True)


def load(cluster: Cluster, tokens: list[str], seconds: float) -> dict:
    """`CLIENTS` threads for `seconds`, client k on token k (mod len) and web process k % 2:
    each creates a workout, and every READ_EVERY-th time reads its newest page."""
    from bench.run import strength_payload

    latencies: dict[str, list[float]] = {"create": [], "read": []}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    first = datetime.now(UTC) - timedelta(days=300) + timedelta(seconds=secrets.randbelow(10**7))

    def client(k: int) -> None:
        base = f"http://127.0.0.1:{cluster.ports[k % 2]}"
        auth = "Bearer " + tokens[k % len(tokens)]
        i = 0
        while time.perf_counter() < deadline:
            i += 1
            kind, method, path = "create", "POST", "/api/v1/workouts/"
            body = strength_payload(i, 20, first + timedelta(seconds=k * 100_000 + i * 10))
            if i % READ_EVERY == 0:
                kind, method, path, body = "read", "GET", "/api/v1/workouts/?limit=20", None
            start = time.perf_counter()
            try:
                status, raw = call(base, auth, method, path, body)
            except OSError as exc:
                status, raw = 0, repr(exc).encode()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if status in (200, 201):
                    latencies[kind].append(elapsed)
                else:
                    errors.append(f"{status} {raw[:120]!r}")

    cpu = cluster.cpu()
    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    wall = time.perf_counter() - start
    used = {name: seconds - cpu.get(name, 0) for name, seconds in cluster.cpu().items()}
    return {"wall": wall, "latencies": latencies, "errors": errors, "cpu": used}


def measure(quick: bool = False) -> dict:
    cluster = Cluster()
    try:
        tokens = cluster.start()
        many = [tokens[f"scale_{k}"] for k in range(CLIENTS)]
        load(cluster, many, 5)  # warm every process
        cluster.audit()
        result = {"many": load(cluster, many, 20 if quick else SECONDS)}
        result["many"]["audit"] = cluster.audit()
        result["one"] = load(cluster, [tokens["scale_one"]], 5 if quick else ONE_USER_SECONDS)
        result["one"]["audit"] = cluster.audit()
        result["queue_left"] = cluster.redis("LLEN", "celery")
    finally:
        cluster.stop()
    return result


def rows(result: dict) -> list[tuple[str, ...]]:
    out = []
    for phase, who in (("many", f"{CLIENTS} users"), ("one", "one user")):
        r = result[phase]
        creates, reads = r["latencies"]["create"], r["latencies"]["read"]
        a = r["audit"]
        total = sum(r["cpu"].values()) or 1
        shares = ", ".join(f"{name} {cpu / total:.0%}" for name, cpu in r["cpu"].items())
        out += [
            (
                "Scale",
                f"{CLIENTS} clients, {who}, {r['wall']:.0f} s: creates/s, reads/s",
                f"{len(creates) / r['wall']:.0f}/s, {len(reads) / r['wall']:.0f}/s",
                "",
                f"2 web processes (1 gunicorn worker × 4 threads each) and 2 Celery workers "
                f"(concurrency 1) on one PostgreSQL and Redis; {len(creates):,} workouts of 20 "
                "sets",
            ),
            (
                "Scale",
                f"{who}: create p50 / p95, read p95",
                f"{pct(creates, 50):.0f} / {pct(creates, 95):.0f} ms, {pct(reads, 95):.0f} ms",
                "",
                "read: the newest page of 20",
            ),
            (
                "Scale",
                f"{who}: errors",
                f"{len(r['errors'])}",
                "0",
                "; ".join(sorted(set(r["errors"]))[:3]),
            ),
            (
                "Scale",
                f"{who}: insights made exactly once",
                f"{a['insights']:,} of {a['workouts']:,}, {a['rewritten']} rewritten",
                "all, 0 rewritten",
                f"counted in the database after the queue drained ({a['drain_s']:.0f} s after "
                f"the load)",
            ),
            ("Scale", f"{who}: where the CPU went", f"{total:.0f} CPU s", "", shares),
        ]
    return out


LIMITS = """What limits the next step, from these figures: the two cores are shared by every
process, so throughput is bounded by CPU, not by a lock or a queue; the CPU row says who
spent it. Each user's writes take turns on that user's change-clock row (the commit-ordered
stamps that make incremental sync gapless): 20 clients of one user get one user's serial
throughput however many web processes there are, while 20 users scale with the web
processes. Redis as the broker took a small share; one Redis serves far more. The one
PostgreSQL is the shared part: its share grows with every web process added, and beyond one
database server the change clock (per user) would let users be partitioned across
databases, as nothing joins two users' rows."""


def section(result: dict, quick: bool) -> str:
    from bench.sections import table

    return (
        "## Past one machine: two web processes and two workers\n\n"
        + table(rows(result), ("area", "figure", "value", "target", "note"))
        + "\n\n"
        + LIMITS
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    result = measure(args.quick)
    print(section(result, args.quick))


if __name__ == "__main__":
    main()
