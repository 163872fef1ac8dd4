"""`make bench`: how fast Myolog is on this machine, each figure beside a floor from the same run.

Runs on PostgreSQL + Redis + gunicorn + Celery workers (config.stack's commands) against a
fresh database, talks only to 127.0.0.1, and writes bench/RESULTS.md. Every loop is bounded.
It prints figures; it passes or fails nothing.

    .venv/bin/python -m bench.run [--quick]
"""

import argparse
import contextlib
import csv
import fcntl
import functools
import gc
import io
import json
import multiprocessing
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from aiosmtpd.controller import Controller

from bench import sections

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DB = "postgres://postgres@127.0.0.1:5432/postgres"
EXPORTS = ROOT / "tests" / "fixtures" / "exports"  # real exports (see NOTICE.md there)


# --- Plumbing --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """An SMTP server that only counts."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        with self.lock:
            self.count += 1
        return "250 OK"


class Http:
    def __init__(self, base: str, token: str | None = None) -> None:
        self.base = base
        self.token = token

    def call(
        self, method: str, path: str, body: object = None, timeout: float = 120
    ) -> tuple[int, dict]:
        status, raw = self.fetch(method, path, body, timeout)
        return status, json.loads(raw or b"{}")

    def fetch(
        self, method: str, path: str, body: object = None, timeout: float = 120
    ) -> tuple[int, bytes]:
        """The status and the body as received, not parsed: a latency ends at the last byte."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()


CLIENTS = 4


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """As timeit does: this process's own garbage collection (it holds a year of payloads and
    the whole app) must not count as the server's time, nor as the classifier's."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def timed(calls: list[Callable[[], object]], concurrency: int) -> tuple[float, list[float]]:
    """Wall time and per-call latencies (ms) of running the calls with N threads."""
    latencies: list[float] = []

    def run(call: Callable[[], object]) -> None:
        start = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - start) * 1000)

    with gc_paused():
        start = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(run, calls))
        return time.perf_counter() - start, latencies


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def wait_until(check: Callable[[], bool], timeout: float, step: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


# --- Data --------------------------------------------------------------------------------------

EXERCISES = ["back-squat", "bench-press", "deadlift", "overhead-press", "barbell-row", "pull-up"]


def strength_payload(i: int, sets: int = 20, start: datetime | None = None) -> dict:
    start = start or datetime(2026, 1, 1, 7, tzinfo=UTC) + timedelta(hours=i)
    per = 5
    return {
        "started_at": start.isoformat(),
        "duration_s": 3600,
        "title": f"Session {i}",
        "activity": "strength",
        "session_rpe": 8,
        "exercises": [
            {
                "exercise": EXERCISES[(i + e) % len(EXERCISES)],
                "sets": [
                    {"reps": 5, "load_kg": 100 + 2.5 * s, "rpe": 8, "rest_s": 180}
                    for s in range(per)
                ],
            }
            for e in range(sets // per)
        ],
    }


def year_of_data(count: int = 250) -> list[dict]:
    """About a year: ~5 sessions a week, lifting with 20 sets and some runs."""
    start = datetime.now(UTC) - timedelta(days=365)
    payloads = []
    for i in range(count):
        when = start + timedelta(days=i * 365 / count, hours=7)
        if i % 4 == 3:
            payloads.append(
                {
                    "started_at": when.isoformat(),
                    "activity": "run",
                    "duration_s": 2700,
                    "session_rpe": 4,
                    "avg_hr": 140,
                    "distance_m": 8000,
                }
            )
        else:
            payloads.append(strength_payload(i, 20, when))
    return payloads


def hevy_file(workouts: int) -> bytes:
    """The Hevy sample repeated with shifted dates until it holds `workouts` workouts."""
    text = (EXPORTS / "hevy" / "sample_hevy_part.csv").read_text()
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    titles = sorted({(r[1], r[0]) for r in body})
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    made, copy = 0, 0
    while made < workouts:
        keep = titles[: workouts - made]
        wanted = set(keep)
        for r in body:
            if (r[1], r[0]) in wanted:
                shifted = list(r)
                for col in (1, 2):
                    when = datetime.strptime(r[col], "%d %b %Y, %H:%M") - timedelta(days=400 * copy)
                    shifted[col] = when.strftime("%d %b %Y, %H:%M")
                writer.writerow(shifted)
        made += len(keep)
        copy += 1
    return out.getvalue().encode()


# --- The run -------------------------------------------------------------------------------------


class Bench:
    def __init__(self, quick: bool, redis_db: int = 7) -> None:
        """`redis_db` and the next one are this run's (broker, cache): two runs at once (the
        peer's stack beside `make bench`'s) need two."""
        self.quick = quick
        self.db = f"myolog_bench_{secrets.token_hex(3)}"
        self.redis_db = redis_db
        self.port = free_port()
        self.smtp = Controller(Sink(), hostname="127.0.0.1", port=free_port())
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.db}",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{self.redis_db}",
            "CACHE_URL": f"redis://127.0.0.1:6379/{self.redis_db + 1}",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.smtp.port}",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_HTTPS": "false",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "THROTTLE_TOKEN": "100000/min",
            "THROTTLE_SYNC": "100000/min",
            "LOG_LEVEL": "WARNING",
        }
        self.children: list[subprocess.Popen] = []
        self.rows: list[tuple[str, str, str, str, str]] = []
        self.sections: dict[str, object] = {}  # what each section module measured (sections.py)
        self.base = f"http://127.0.0.1:{self.port}"

    # set-up
    def start(self) -> None:
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.db}"')
        self.manage("migrate", "--noinput", "-v0")
        subprocess.run(
            ["redis-cli", "-n", str(self.redis_db), "FLUSHDB"], check=True, capture_output=True
        )
        self.smtp.start()
        os.environ.update(self.env)
        import django

        django.setup()
        from config.stack import process_commands

        logs = ROOT / "var" / "bench-logs"
        logs.mkdir(parents=True, exist_ok=True)
        commands = process_commands(port=self.port)
        for name in ("web", "worker"):
            self.spawn(commands[name], logs / f"{name}.log")
        ok = wait_until(lambda: self.healthy(), timeout=30, step=0.2)
        if not ok:
            raise SystemExit("gunicorn did not come up; see var/bench-logs/")

    def spawn(self, command: list[str], log: Path) -> subprocess.Popen:
        child = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        self.children.append(child)
        return child

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                return r.status == 200
        except OSError:
            return False

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def stop(self) -> None:
        for child in self.children:
            child.terminate()
        for child in self.children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        self.smtp.stop()
        from django.db import connections

        connections.close_all()
        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        subprocess.run(["redis-cli", "-n", str(self.redis_db), "FLUSHDB"], capture_output=True)

    def settle(self, timeout: float = 600) -> None:
        """Let the worker finish what the previous step queued, so each figure is measured on
        a quiet machine (classification, weekly refreshes)."""
        from insights.selectors import workouts_needing_insight

        def quiet() -> bool:
            queued = subprocess.run(
                ["redis-cli", "-n", str(self.redis_db), "LLEN", "celery"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            return queued in ("0", "") and not workouts_needing_insight().exists()

        def database_quiet() -> bool:
            """PostgreSQL vacuums and analyzes after big writes (the sync step's), on a core
            the next figure would share."""
            with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
                busy = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
                ).fetchone()[0]
            return busy == 0

        wait_until(quiet, timeout=timeout, step=1)
        wait_until(database_quiet, timeout=timeout, step=1)
        time.sleep(3)  # the debounced weekly refreshes

    def user(self, name: str) -> Http:
        from django.contrib.auth import get_user_model

        password = secrets.token_urlsafe(12)
        get_user_model().objects.create_user(name, f"{name}@example.com", password)
        status, body = Http(self.base).call(
            "POST", "/api/v1/auth/token/", {"username": name, "password": password}
        )
        assert status == 201, body
        return Http(self.base, body["token"])

    def record(self, area: str, figure: str, value: str, floor: str = "", note: str = "") -> None:
        self.rows.append((area, figure, value, floor, note))
        print(f"{area:10} {figure:48} {value:>16}  {floor:>16}  {note}", flush=True)

    # measurements
    def api(self) -> None:
        # One user per client thread, as trackers post for their own users. One user's
        # writes take turns on that user's change clock (commit-ordered stamps for sync), so
        # one user posting from four threads at once is measured apart.
        users = [self.user(f"bench_api_{k}") for k in range(CLIENTS)]
        alone = self.user("bench_api_alone")
        floor = Http(self.base)
        n = 60 if self.quick else 300
        for i in range(10):  # warm both paths
            users[i % CLIENTS].call("POST", "/api/v1/workouts/", strength_payload(10_000 + i))
            floor.call("POST", "/bench/floor/", strength_payload(i))

        def create(client: Http, i: int) -> None:
            status, body = client.call("POST", "/api/v1/workouts/", strength_payload(i))
            assert status == 201, body

        # Rounds in turn, each on a quiet machine, so a drift in the machine's speed meets
        # both alike; the creates' classifications are theirs to pay for, so they settle.
        runs: dict[str, Callable[[int], object]] = {
            "create": lambda i: create(users[i % CLIENTS], i),
            "floor": lambda i: floor.call("POST", "/bench/floor/", strength_payload(i)),
            "alone": lambda i: create(alone, i),
        }
        walls = dict.fromkeys(runs, 0.0)
        times: dict[str, list[float]] = {name: [] for name in runs}
        rounds = 3
        for r in range(rounds):
            ids = range(r * n // rounds, (r + 1) * n // rounds)
            for name, run in runs.items():
                elapsed, latencies = timed([lambda i=i, run=run: run(i) for i in ids], CLIENTS)
                walls[name] += elapsed
                times[name] += latencies
                self.settle()
        wall, floor_wall, alone_wall = walls["create"], walls["floor"], walls["alone"]
        latencies, floor_latencies = times["create"], times["floor"]
        alone_latencies = times["alone"]
        ratio = pct(latencies, 95) / pct(floor_latencies, 95)
        self.record(
            "API",
            "POST /workouts/ (20 sets), requests/s",
            f"{n / wall:.0f}/s",
            f"{n / floor_wall:.0f}/s",
            f"{CLIENTS} client threads, a user each",
        )
        self.record(
            "API",
            "POST /workouts/ p50 / p95",
            f"{pct(latencies, 50):.0f} / {pct(latencies, 95):.0f} ms",
            f"{pct(floor_latencies, 50):.0f} / {pct(floor_latencies, 95):.0f} ms",
            f"p95 {ratio:.1f}× the floor (target ≤ 3×)",
        )
        self.record(
            "API",
            "POST /workouts/, one user from 4 threads, p50 / p95",
            f"{pct(alone_latencies, 50):.0f} / {pct(alone_latencies, 95):.0f} ms",
            "",
            f"{n / alone_wall:.0f}/s; one user's writes take turns on their change clock",
        )

    @functools.cached_property
    def year(self) -> Http:
        """A user with a year of data (made on first use; `year_owner` is the user)."""
        from django.contrib.auth import get_user_model

        from logbook import services
        from logbook.schema import clean_workout

        client = self.user("bench_year")
        self.year_owner = get_user_model().objects.get(username="bench_year")
        for payload in year_of_data():
            services.create_workout(self.year_owner, clean_workout(payload))
        self.settle()  # the year's classifications, so what follows runs on a quiet machine
        return client

    def api_list(self) -> None:
        year = self.year
        path = "/api/v1/workouts/?limit=100"
        status, page = year.call("GET", path)
        assert status == 200, page
        assert len(page["results"]) == 100, page
        m = 40 if self.quick else 150
        _, latencies = timed([lambda: year.fetch("GET", path) for _ in range(m)], 1)
        self.record(
            "API",
            "GET /workouts/?limit=100 p50 / p95",
            f"{pct(latencies, 50):.0f} / {pct(latencies, 95):.0f} ms",
            "",
            "user with a year: 250 workouts, ~3,750 sets (target p95 ≤ 50 ms)",
        )

    def pages(self) -> None:
        """Server time of the web pages for the user with a year of data (in-process client)."""
        self.year  # noqa: B018 (the user with a year of data, made on first use)
        from django.test import Client

        from logbook.models import Workout

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(self.year_owner)
        workout = Workout.objects.filter(user=self.year_owner, activity="strength").first()
        pages = {
            "dashboard": "/",
            "history": "/workouts/",
            "workout detail": f"/workouts/{workout.pk}/",
            "new workout form": "/workouts/new/",
            "edit form": f"/workouts/{workout.pk}/edit/",
            "week": "/week/",
            "settings": "/settings/",
            "exercises": "/exercises/",
            "exercise search": "/exercises/?q=squat",
            "your own exercises": "/exercises/yours/",
        }
        for name, url in pages.items():
            client.get(url)
            times = []
            for _ in range(5 if self.quick else 20):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            self.record(
                "Pages",
                f"{name} (HTTP {response.status_code}) p50 / p95",
                f"{pct(times, 50):.0f} / {pct(times, 95):.0f} ms",
                "",
                "server time, year of data (target ≤ 300 ms)",
            )

    def sync(self) -> None:
        """A single request takes long enough for the machine's hiccups to show, so each
        figure is the median of several: first syncs of fresh batches, replays of each."""
        self.year  # noqa: B018 (the user with a year of data, made on first use)
        client = self.user("bench_sync")
        firsts, replays, raws, created, unchanged = [], [], [], [], []
        for r in range(1 if self.quick else 3):
            items = [
                {**strength_payload(i), "source": "bench", "external_id": f"r{r}-w{i}"}
                for i in range(500)
            ]
            seconds, results = self.sync_call(client, items)
            firsts.append(seconds)
            created.append(sum(x["status"] == "created" for x in results))
            self.settle()  # its classifications, so the replays meet a quiet machine too
            for _ in range(3):
                seconds, results = self.sync_call(client, items)
                replays.append(seconds)
                unchanged.append(sum(x["status"] == "unchanged" for x in results))
            raws.append(self.raw_insert(items))
        first, replay, raw = (statistics.median(v) for v in (firsts, replays, raws))
        self.record(
            "Sync",
            "500 workouts × 20 sets, first sync",
            f"{first:.2f} s",
            f"{raw:.2f} s raw",
            f"median of {len(firsts)} batches, {created} created; {raw / first:.0%} of raw "
            "insert throughput (target ≥ 25%)",
        )
        self.record(
            "Sync",
            "the same batch replayed",
            f"{replay:.2f} s",
            "",
            f"median of {len(replays)}, all {set(unchanged)} unchanged; {first / replay:.1f}× "
            "faster than the first (target ≥ 4×)",
        )

    def sync_call(self, client: Http, items: list[dict]) -> tuple[float, list[dict]]:
        with gc_paused():
            start = time.perf_counter()
            status, body = client.call("POST", "/api/v1/sync/workouts/", {"workouts": items}, 600)
            seconds = time.perf_counter() - start
        assert status == 200, body
        return seconds, body["results"]

    def raw_insert(self, workouts: list[dict]) -> float:
        """The floor: the same rows inserted with psycopg's executemany, no validation, no ORM."""
        from logbook.models import Exercise

        ids = dict(
            Exercise.objects.filter(owner=None, slug__in=EXERCISES).values_list("slug", "id")
        )
        owner, now = self.year_owner.pk, datetime.now(UTC)
        start = time.perf_counter()
        with psycopg.connect(self.env["DATABASE_URL"]) as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO logbook_workout (user_id, started_at, utc_offset_min, duration_s, "
                "title, activity, fasted, session_rpe, notes, source, external_id, created_at, "
                "updated_at) VALUES (%s,%s,60,%s,%s,'strength',false,8,'','raw',%s,%s,%s) "
                "RETURNING id",
                [
                    (
                        owner,
                        w["started_at"],
                        w["duration_s"],
                        w["title"],
                        f"raw-{i}-{now}",
                        now,
                        now,
                    )
                    for i, w in enumerate(workouts)
                ],
                returning=True,
            )
            workout_ids = _returned_ids(cur)
            entries = [
                (wid, ids[e["exercise"]], pos, e["sets"])
                for wid, w in zip(workout_ids, workouts, strict=True)
                for pos, e in enumerate(w["exercises"])
            ]
            cur.executemany(
                "INSERT INTO logbook_workoutexercise (workout_id, exercise_id, position) "
                "VALUES (%s,%s,%s) RETURNING id",
                [e[:3] for e in entries],
                returning=True,
            )
            entry_ids = _returned_ids(cur)
            cur.executemany(
                "INSERT INTO logbook_set (entry_id, position, reps, load_kg, rpe, rest_s, tempo, "
                "eccentric_emphasis, set_type) VALUES (%s,%s,%s,%s,%s,%s,'',false,'normal')",
                [
                    (eid, pos, s["reps"], s["load_kg"], s["rpe"], s["rest_s"])
                    for eid, entry in zip(entry_ids, entries, strict=True)
                    for pos, s in enumerate(entry[3])
                ],
            )
        elapsed = time.perf_counter() - start
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:  # not the app's: never classified
            conn.execute(
                "DELETE FROM logbook_set WHERE entry_id IN (SELECT e.id FROM "
                "logbook_workoutexercise e JOIN logbook_workout w ON w.id = e.workout_id "
                "WHERE w.source = 'raw')"
            )
            conn.execute(
                "DELETE FROM logbook_workoutexercise WHERE workout_id IN "
                "(SELECT id FROM logbook_workout WHERE source = 'raw')"
            )
            conn.execute("DELETE FROM logbook_workout WHERE source = 'raw'")
        return elapsed

    def insights(self) -> None:
        self.year  # noqa: B018 (the user with a year of data, made on first use)
        from insights.classifier import classify
        from insights.loading import session_for
        from insights.reports import current_week, refresh_week
        from logbook.models import Workout

        sessions = [session_for(w) for w in Workout.objects.filter(user=self.year_owner)[:50]]
        rates = []
        with gc_paused():
            for _ in range(3 if self.quick else 10):  # one-second rounds of CPU time: one core
                n, start = 0, time.process_time()
                while time.process_time() < start + 1:
                    for s in sessions:
                        classify(s)
                    n += len(sessions)
                rates.append(n / (time.process_time() - start))
        self.record(
            "Insights",
            "classifier (pure function), sessions/s, one core",
            f"{statistics.median(rates):,.0f}/s",
            "",
            f"median of {len(rates)} one-second rounds of CPU time (slowest {min(rates):,.0f}, "
            f"fastest {max(rates):,.0f}); year-of-data sessions (target ≥ 10,000/s)",
        )
        # The machine's capacity: as many processes as cores, as the worker pool runs.
        cores = os.cpu_count() or 1
        seconds = 2 if self.quick else 5
        with multiprocessing.get_context("fork").Pool(cores) as pool:
            counts = pool.starmap(classify_for, [(sessions, seconds)] * cores)
        self.record(
            "Insights",
            f"classifier, sessions/s, {cores} processes",
            f"{sum(counts) / seconds:,.0f}/s",
            "",
            f"{seconds} s of wall time, one process per core",
        )
        # Steady state: the earlier steps queued hundreds of classifications; let them drain.
        from insights.selectors import workouts_needing_insight

        drained = wait_until(lambda: not workouts_needing_insight().exists(), timeout=600, step=1)
        client = self.user("bench_latency")
        latencies = []
        for i in range(10 if self.quick else 30):
            start = time.perf_counter()
            _, body = client.call("POST", "/api/v1/workouts/", strength_payload(i))
            path = f"/api/v1/workouts/{body['id']}/insight/"
            wait_until(
                lambda path=path: client.call("GET", path)[1].get("status") == "ready", 10, 0.005
            )
            latencies.append((time.perf_counter() - start) * 1000)
        self.record(
            "Insights",
            "save → insight ready (real worker) p50 / p95",
            f"{pct(latencies, 50):.0f} / {pct(latencies, 95):.0f} ms",
            "",
            "target ≤ 1 s" + ("" if drained else "; the queue had not drained"),
        )
        week = current_week(self.year_owner)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            refresh_week(self.year_owner, week)
            times.append((time.perf_counter() - start) * 1000)
        self.record(
            "Insights",
            "weekly report refresh, year of data, p50 / p95",
            f"{pct(times, 50):.0f} / {pct(times, 95):.0f} ms",
            "",
            "12 weeks of history read",
        )

    def emails(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password

        from config.stack import process_commands
        from insights.tasks import send_due_weekly_emails
        from logbook.models import Profile

        count = 1000 if self.quick else 10_000
        users = get_user_model().objects.bulk_create(
            [
                get_user_model()(
                    username=f"mail{i}", email=f"mail{i}@example.com", password=make_password(None)
                )
                for i in range(count)
            ],
            batch_size=2000,
        )
        Profile.objects.bulk_create(
            [Profile(user=u, weekly_email_hour=0) for u in users], batch_size=2000
        )
        second = self.spawn(
            process_commands()["worker"], ROOT / "var" / "bench-logs" / "worker2.log"
        )
        time.sleep(3)
        sink = self.smtp.handler
        before = sink.count
        start = time.perf_counter()
        send_due_weekly_emails.delay()
        wait_until(lambda: sink.count - before >= count, timeout=900, step=0.5)
        total = time.perf_counter() - start
        sent = sink.count - before
        self.record(
            "Email",
            f"{count:,} weekly emails, beat → 2 workers → SMTP",
            f"{total:.0f} s",
            "",
            f"{sent:,} received; {total * 1000 / max(sent, 1):.1f} ms per email "
            f"(target 10,000 ≤ 300 s)",
        )
        second.terminate()

    def imports(self) -> None:
        client = self.user("bench_import")
        data = hevy_file(335)
        boundary = secrets.token_hex(8)
        body = (
            (
                f"--{boundary}\r\n"
                'Content-Disposition: form-data; name="file"; filename="hevy.csv"\r\n'
                "Content-Type: text/csv\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(self.base + "/api/v1/imports/", data=body, method="POST")
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        request.add_header("Authorization", f"Bearer {client.token}")
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            job = json.loads(response.read())
        done = wait_until(
            lambda: (
                client.call("GET", f"/api/v1/imports/{job['id']}/")[1].get("status")
                in ("done", "failed")
            ),
            timeout=600,
            step=0.2,
        )
        wall = time.perf_counter() - start
        _, result = client.call("GET", f"/api/v1/imports/{job['id']}/")
        peak = self.import_peak_memory(data)
        self.record(
            "Import",
            "Hevy CSV, 335 workouts, upload → done",
            f"{wall:.1f} s",
            "",
            f"{'done' if done else 'timed out'}: {result.get('created')} created, "
            f"{len(data) / 1e6:.1f} MB; peak Python memory of the import {peak:.0f} MB",
        )

    def import_peak_memory(self, data: bytes) -> float:
        """The importer run in this process under tracemalloc (the worker runs the same code)."""
        from django.contrib.auth import get_user_model

        try:
            from logbook.imports.jobs import run_import_bytes
        except ImportError:
            return float("nan")
        user = get_user_model().objects.create_user("bench_import_mem")
        tracemalloc.start()
        run_import_bytes(user, data, "hevy.csv")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak / 1e6

    def write(self) -> None:
        lines = [
            "# Benchmarks",
            "",
            f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` on {platform.node()}: "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{_version(['psql', '--version'])}, {_version(['redis-server', '--version'])}; "
            "gunicorn 2 workers × 4 threads, Celery workers with concurrency 2. "
            + ("Quick run (smaller counts)." if self.quick else ""),
            "",
            "| area | figure | value | floor | note |",
            "| --- | --- | --- | --- | --- |",
            *[f"| {' | '.join(row)} |" for row in self.rows],
            "",
            NOTES,
        ]
        for name, module in sections.present().items():
            if name in self.sections:
                lines += [
                    "",
                    sections.marked(name, module.section(self.sections[name], self.quick)),
                ]
            else:
                lines += ["", sections.kept(name)]
        results = ROOT / "bench" / "RESULTS.md"
        text = "\n".join(lines)
        old = results.read_text() if results.exists() else ""
        text = "\n\n".join([text, *sections.others(old, text)])
        results.write_text(text + "\n")


NOTES = """## How to read it

Each figure is taken on a quiet machine: between steps the run waits for the queue, the
classifications and PostgreSQL's autovacuum. Creates, the floor and the one-user creates run
in three rounds in turn; sync figures are medians of three batches and nine replays; the
bench process's own garbage collection is paused while it times (as timeit does). This is a
shared 2-core VM whose speed moves by tens of percent between runs: the reference loop says
how fast it was.

What a create costs beside the floor: the floor parses and echoes the JSON. A create
authenticates a token, validates the sets, runs seven statements in a transaction that
holds the user's change-clock row (so one user's writes take turns), and, once its answer is
sent, publishes a Celery task to Redis; the worker then classifies it on the same two cores,
at a lower priority.
"""


def classify_for(sessions: list, seconds: float) -> int:
    """How many sessions one process classifies in `seconds` of wall time."""
    from insights.classifier import classify

    n = 0
    with gc_paused():
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            for s in sessions:
                classify(s)
            n += len(sessions)
    return n


def reference_loop_ms() -> float:
    """A fixed pure-Python workload: how fast this machine is right now. Shared machines
    vary by tens of percent from hour to hour, and every figure with them."""
    start = time.process_time()
    sum(i * i % 7 for i in range(3_000_000))
    return (time.process_time() - start) * 1000


def _returned_ids(cursor) -> list[int]:
    ids = []
    while True:
        ids.append(cursor.fetchone()[0])
        if not cursor.nextset():
            return ids


def _version(command: list[str]) -> str:
    """ "psql (PostgreSQL) 15.20 (Debian …)" → "PostgreSQL 15.20"; "Redis server v=7.0.15 …" →
    "Redis 7.0.15"."""
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:
        return "?"
    if "v=" in out:
        return "Redis " + out.split("v=")[1].split()[0]
    words = out.replace("(", "").replace(")", "").split()
    return " ".join(words[1:3]) if len(words) >= 3 else out.strip()


# The steps on this run's stack, then the modules with sections of their own (bench/sections.py).
STEPS = ("api", "api_list", "pages", "sync", "insights", "imports", "emails")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a smoke run")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=[*STEPS, *sections.present()],
        help="run these steps and print their figures; bench/RESULTS.md is left as it is, "
        "but for the sections of the section modules that ran",
    )
    args = parser.parse_args()
    # One run at a time: runs share Redis databases and would skew each other's figures.
    (ROOT / "var").mkdir(exist_ok=True)
    lock = (ROOT / "var" / "bench.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit("another benchmark is running (var/bench.lock)") from None
    # A terminated run still stops its processes and drops its database (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    bench = Bench(args.quick)
    before = reference_loop_ms()
    bench.start()
    try:
        modules = sections.present()
        for name in args.only or [*STEPS, *modules]:
            bench.settle()
            try:
                if name in modules:
                    bench.sections[name] = modules[name].measure(args.quick)
                    if args.only:
                        text = modules[name].section(bench.sections[name], args.quick)
                        sections.write(name, text)
                        print(text)
                else:
                    getattr(bench, name)()
            except Exception as exc:  # one broken figure must not lose the others
                bench.record(name, "failed", repr(exc)[:80])
        bench.record(
            "Machine",
            "reference loop (pure Python), ms",
            f"{before:.0f} / {reference_loop_ms():.0f}",
            "",
            "before / after the run: compare runs by it; a slower machine slows every figure",
        )
        if not args.only:
            bench.write()
            print("wrote bench/RESULTS.md")
    finally:
        bench.stop()


if __name__ == "__main__":
    main()
