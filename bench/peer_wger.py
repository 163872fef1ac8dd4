"""Myolog beside wger, the peer: the same recording and read-back, in interleaved rounds.

wger (Django/DRF) is installed from PyPI, the newest release, into bench/.wger-venv (outside
git) and configured by bench/wger_side.py: its REST API only, SQLite, 2 gunicorn workers,
DEBUG off, token authentication. Myolog runs twice: the embedded default
(`python -m config.embedded`: gunicorn + a Celery worker on a broker of files, SQLite) and
the stack (gunicorn + PostgreSQL + Redis + a Celery worker, as bench/run.py starts it).

Each round, each system in turn (the order rotates): a fresh user records 50 sessions × 20
sets (wger: a session, then a log per set; Myolog: one workout per session) and reads them
back in pages of 100; then a user with 5,000 prior sessions (100,000 sets, bulk-loaded, never
analysed) does the same, and reads the newest page of 100. Each figure is a ratio within one
round; the server's CPU (its processes, with PostgreSQL's backends on the stack) per set
sits beside the wall time. One client, sequential, over 127.0.0.1.

    .venv/bin/python -m bench.peer_wger [--rounds 5]      prints the figures
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".wger-venv"
SIDE = ROOT / "bench" / "wger_side.py"
SESSIONS, SETS, GROWN = 50, 20, 5000
READS = 5
REDIS_DB = 11  # and 12: beside `make bench`'s 7 and 8
TICK = os.sysconf("SC_CLK_TCK")
TARGETS = {
    "record": 30.0,  # ≥ 30× faster than wger
    "readback": 5.0,  # ≥ 5× faster
    "create_p95_vs_floor": 2.0,  # ≤ 2× the stack's floor
    "growth": 0.10,  # no figure grows by more than 10% at 5,000 prior sessions
}


# --- Plumbing --------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base: str, auth: str, method: str, path: str, body: object = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Authorization", auth)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def process_tree(root_pids: list[int]) -> list[int]:
    """The pids and every descendant (gunicorn's workers, Celery's pool)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], list(root_pids)
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes and of their children that exited."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])
    return total / TICK


def wait_idle(pids: Callable[[], list[int]], timeout: float = 30) -> None:
    """Until the server's processes stop using CPU (the worker's classifications, the
    database's writes): what a request leaves behind is the server's cost too."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pids())
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds(pids())
        if now - last < 0.01:
            return
        last = now


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def ensure_wger() -> str:
    """The newest wger release from PyPI in its own virtual environment; its version."""
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('wger'))"]
    found = subprocess.run(probe, capture_output=True, text=True, check=False)
    if found.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "wger", "gunicorn"],
            check=True,
        )
        found = subprocess.run(probe, capture_output=True, text=True, check=True)
    return found.stdout.strip()


# --- The three servers -------------------------------------------------------------------------


class Server:
    """A system under test: its base URL, users, and the pids whose CPU is its cost."""

    name = ""
    base = ""
    users: dict = {}

    def pids(self) -> list[int]:
        raise NotImplementedError

    def record(self, user: str, index: int) -> list[float]:
        """Records session `index` for `user`; the latency of each request (ms)."""
        raise NotImplementedError

    def read_back(self, user: str) -> int:
        """Reads the user's newest 1,000 sets back in pages of 100; the requests made."""
        raise NotImplementedError

    def page(self, user: str) -> None:
        raise NotImplementedError

    def floor(self, first: int) -> None:
        """What a create is compared with, where there is one."""


def timed_call(base: str, auth: str, method: str, path: str, body: object = None) -> float:
    start = time.perf_counter()
    status, raw = call(base, auth, method, path, body)
    elapsed = (time.perf_counter() - start) * 1000
    assert status in (200, 201), (path, status, raw[:300])
    return elapsed


class Wger(Server):
    name = "wger"

    def __init__(self, version: str) -> None:
        self.version = version
        self.dir = Path(tempfile.mkdtemp(prefix="wger-bench-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.child: subprocess.Popen | None = None

    def start(self, users: int) -> None:
        python = str(VENV / "bin" / "python")
        env = {
            **os.environ,
            "PYTHONPATH": str(self.dir),
            "DJANGO_SETTINGS_MODULE": "wger_bench_settings",
        }
        for key in ("DATABASE_URL", "VIRTUAL_ENV"):
            env.pop(key, None)
        subprocess.run([python, str(SIDE), "settings", str(self.dir)], check=True, env=env)
        out = subprocess.run(
            [python, str(SIDE), "setup", str(users), str(GROWN)],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout
        self.users = json.loads(out.strip().splitlines()[-1])
        gunicorn = [str(VENV / "bin" / "gunicorn"), "wger.wsgi:application", "--workers", "2"]
        self.child = subprocess.Popen(
            [*gunicorn, "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            env=env,
            cwd=self.dir,
            stdout=(self.dir / "gunicorn.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_up(self.base + "/api/v2/", ok=(200, 401, 403))

    def pids(self) -> list[int]:
        return process_tree([self.child.pid])

    def auth(self, user: str) -> str:
        return "Token " + self.users[user]["token"]

    def record(self, user: str, index: int) -> list[float]:
        u, auth = self.users[user], self.auth(user)
        day = (date.today() + timedelta(days=1 + index)).isoformat()
        session = {"workout": u["workout"], "date": day, "impression": "2"}
        session |= {"time_start": "07:00", "time_end": "08:00"}
        times = [timed_call(self.base, auth, "POST", "/api/v2/workoutsession/", session)]
        for s in range(SETS):
            log = {
                "workout": u["workout"],
                "exercise_base": self.users["exercises"][(index + s // 5) % 6],
                "reps": 5,
                "weight": f"{100 + 2.5 * (s % 5):.2f}",
                "rir": "2",
                "date": day,
            }
            times.append(timed_call(self.base, auth, "POST", "/api/v2/workoutlog/", log))
        return times

    def read_back(self, user: str) -> int:
        auth = self.auth(user)
        path = "/api/v2/workoutsession/?limit=100&ordering=-date"
        timed_call(self.base, auth, "GET", path)
        for offset in range(0, SESSIONS * SETS, 100):
            path = f"/api/v2/workoutlog/?limit=100&offset={offset}&ordering=-date,-id"
            timed_call(self.base, auth, "GET", path)
        return 1 + SESSIONS * SETS // 100

    def page(self, user: str) -> None:
        timed_call(
            self.base, self.auth(user), "GET", "/api/v2/workoutlog/?limit=100&ordering=-date,-id"
        )

    def stop(self) -> None:
        if self.child:
            self.child.terminate()
            self.child.wait(timeout=15)
        shutil.rmtree(self.dir, ignore_errors=True)


def strength(index: int) -> dict:
    """Session `index`: 4 exercises × 5 sets, a day apart (after the grown history)."""
    from bench.run import strength_payload

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1 + index, hours=7)
    return strength_payload(index, SETS, start)


class Myolog(Server):
    """Either Myolog: `embedded` (config.embedded on SQLite) or `stack` (bench.run's)."""

    def __init__(self, name: str, grown: int = GROWN) -> None:
        self.name = name
        self.grown = grown  # the prior sessions of the user "grown"
        self.dir = Path(tempfile.mkdtemp(prefix=f"myolog-{name}-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.child: subprocess.Popen | None = None
        self.bench = None
        self.env: dict = {}
        self.floor_latencies: list[float] = []

    def start(self, users: int, clean_env: dict) -> None:
        if self.name == "embedded":
            self.env = {
                **clean_env,
                "EMBEDDED": "1",
                "CELERY_BROKER_URL": "filesystem://localhost/",
                "VAR_DIR": str(self.dir),
                "DEBUG": "false",
                "SECURE_HTTPS": "false",
                "ALLOWED_HOSTS": "127.0.0.1",
                "THROTTLE_TOKEN": "100000/min",
                "THROTTLE_SYNC": "100000/min",
                "LOG_LEVEL": "WARNING",
            }
            self.env.pop("DATABASE_URL", None)
            self.env["DJANGO_SETTINGS_MODULE"] = "config.settings"
            manage = [sys.executable, "manage.py"]
            subprocess.run(
                [*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=self.env, check=True
            )
            self.users = self.setup(users)
            self.child = subprocess.Popen(
                [sys.executable, "-m", "config.embedded", "--bind", f"127.0.0.1:{self.port}"],
                cwd=ROOT,
                env=self.env,
                stdout=(self.dir / "embedded.log").open("w"),
                stderr=subprocess.STDOUT,
            )
            wait_up(self.base + "/healthz")
        else:
            from bench.run import Bench

            self.bench = Bench(quick=True, redis_db=REDIS_DB)
            self.base, self.port = self.bench.base, self.bench.port
            self.env = self.bench.env
            self.bench.start()
            self.users = self.setup(users)

    def setup(self, users: int) -> dict:
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.peer_wger",
                "--setup-myolog",
                str(users),
                str(self.grown),
            ],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise SystemExit(f"setting up Myolog ({self.name}) failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])

    def pids(self) -> list[int]:
        if self.child:
            return process_tree([self.child.pid])
        pids = process_tree([c.pid for c in self.bench.children])
        import psycopg

        from bench.run import ADMIN_DB

        with psycopg.connect(ADMIN_DB, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.bench.db],
            ).fetchall()
        return pids + [r[0] for r in rows]

    def record(self, user: str, index: int) -> list[float]:
        auth = "Bearer " + self.users[user]
        return [timed_call(self.base, auth, "POST", "/api/v1/workouts/", strength(index))]

    def floor(self, first: int) -> None:
        """On the stack, the floor (bench/urls.py: DRF parsing and echoing the same body),
        request for request after the creates, outside their wall and CPU figures."""
        if self.name == "stack":
            for i in range(SESSIONS):
                path, body = "/bench/floor/", strength(first + i)
                self.floor_latencies.append(timed_call(self.base, "", "POST", path, body))

    def read_back(self, user: str) -> int:
        # A page holds up to 100 workouts; the 50 just recorded are the newest 50.
        timed_call(self.base, "Bearer " + self.users[user], "GET", "/api/v1/workouts/?limit=50")
        return 1

    def page(self, user: str) -> None:
        """The newest 100 workouts of the grown user (2,000 sets); the 50 of a fresh one."""
        timed_call(self.base, "Bearer " + self.users[user], "GET", "/api/v1/workouts/?limit=100")

    def stop(self) -> None:
        if self.child:
            self.child.terminate()
            self.child.wait(timeout=20)
        if self.bench:
            self.bench.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def setup_myolog(users: int, grown: int) -> None:
    """In a child under the system's settings: users with tokens, one with 5,000 prior
    sessions × 20 sets (bulk inserts, as bench/plans.py loads them); prints JSON."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from bench.plans import _sessions
    from logbook.tokens import issue_token

    made = {}
    for name in [*(f"myolog_{k}" for k in range(users)), "grown"]:
        user = get_user_model().objects.create_user(f"peer_{name}", None, None)
        made[name] = issue_token(user, "bench")[1]
        if name == "grown" and grown:
            newest = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
            _sessions(user, grown, newest, timedelta(days=1))
    print(json.dumps(made))


def wait_up(url: str, ok: tuple[int, ...] = (200,), timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status in ok:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code in ok:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


# --- The rounds ----------------------------------------------------------------------------------


def measure_user(server: Server, user: str, first: int) -> dict:
    """One system's figures for one user: record, read back, the newest page."""
    wait_idle(server.pids)
    pids = server.pids()
    cpu = cpu_seconds(pids)
    latencies: list[float] = []
    start = time.perf_counter()
    for i in range(SESSIONS):
        latencies += server.record(user, first + i)
    record_s = time.perf_counter() - start
    wait_idle(server.pids)  # the worker's classifications are part of the cost
    record_cpu = cpu_seconds(server.pids()) - cpu
    server.floor(first)
    cpu = cpu_seconds(server.pids())
    reads = []
    for _ in range(READS):  # a read-back is short: the median of a few
        start = time.perf_counter()
        requests = server.read_back(user)
        reads.append(time.perf_counter() - start)
    read_s = statistics.median(reads)
    read_cpu = (cpu_seconds(server.pids()) - cpu) / READS
    pages = []
    for _ in range(READS):
        start = time.perf_counter()
        server.page(user)
        pages.append((time.perf_counter() - start) * 1000)
    return {
        "record_s": record_s,
        "record_cpu_ms_per_set": record_cpu * 1000 / (SESSIONS * SETS),
        "request_p95_ms": pct(latencies, 95),
        "requests": len(latencies),
        "read_s": read_s,
        "read_cpu_ms_per_set": read_cpu * 1000 / (SESSIONS * SETS),
        "read_requests": requests,
        "page_ms": statistics.median(pages),
    }


def run(rounds: int) -> dict:
    """Every system up, `rounds` rounds in rotating order; the raw figures per round."""
    version = ensure_wger()
    clean_env = dict(os.environ)
    servers: list[Server] = [Wger(version), Myolog("embedded"), Myolog("stack")]
    results: dict = {"wger_version": version, "rounds": []}
    try:
        servers[0].start(rounds + 1)  # a user per round, and one to warm up
        servers[1].start(rounds + 1, clean_env)
        servers[2].start(rounds + 1, clean_env)
        prefix = {"wger": "wger_", "embedded": "myolog_", "stack": "myolog_"}
        for server in servers:  # warm each server's processes and caches
            measure_user(server, f"{prefix[server.name]}{rounds}", 0)
            if isinstance(server, Myolog):
                server.floor_latencies = []
        for r in range(rounds):
            figures: dict = {}
            order = servers[r % 3 :] + servers[: r % 3]
            for server in order:
                users = {"fresh": (f"{prefix[server.name]}{r}", 0)}
                users["grown"] = ("grown", 100 + r * SESSIONS)
                stages = ["fresh", "grown"] if r % 2 == 0 else ["grown", "fresh"]
                figures[server.name] = {s: measure_user(server, *users[s]) for s in stages}
                print(
                    f"round {r + 1} {server.name:9} {json.dumps(figures[server.name])}", flush=True
                )
            stack = servers[2]
            figures["floor_p95_ms"] = pct(stack.floor_latencies, 95)
            stack.floor_latencies = []
            results["rounds"].append(figures)
    finally:
        for server in servers:
            with contextlib.suppress(Exception):
                server.stop()
    return results


def ratio_rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    """(area, figure, value, target, note) rows: medians over rounds of in-round ratios."""
    rounds = results["rounds"]

    def med(values: list[float]) -> str:
        return f"{statistics.median(values):.1f}× ({min(values):.1f}–{max(values):.1f})"

    rows = []
    for mine in ("embedded", "stack"):
        for stage in ("fresh", "grown"):
            rec = [f["wger"][stage]["record_s"] / f[mine][stage]["record_s"] for f in rounds]
            read = [f["wger"][stage]["read_s"] / f[mine][stage]["read_s"] for f in rounds]
            cpu = [
                f["wger"][stage]["record_cpu_ms_per_set"] / f[mine][stage]["record_cpu_ms_per_set"]
                for f in rounds
            ]
            ours = statistics.median(f[mine][stage]["record_s"] for f in rounds)
            theirs = statistics.median(f["wger"][stage]["record_s"] for f in rounds)
            ours_cpu = statistics.median(f[mine][stage]["record_cpu_ms_per_set"] for f in rounds)
            theirs_cpu = statistics.median(
                f["wger"][stage]["record_cpu_ms_per_set"] for f in rounds
            )
            who = f"{mine}, {'fresh user' if stage == 'fresh' else '5,000 prior sessions'}"
            rows.append(
                (
                    "Peer",
                    f"record 50 × 20, {who}: faster than wger",
                    med(rec),
                    "≥ 30×",
                    f"wall {ours:.2f} s vs {theirs:.1f} s; server CPU per set {ours_cpu:.2f} vs "
                    f"{theirs_cpu:.2f} ms ({med(cpu)} less)",
                )
            )
            ours_r = statistics.median(f[mine][stage]["read_s"] for f in rounds) * 1000
            theirs_r = statistics.median(f["wger"][stage]["read_s"] for f in rounds) * 1000
            rcpu = statistics.median(f[mine][stage]["read_cpu_ms_per_set"] for f in rounds)
            tcpu = statistics.median(f["wger"][stage]["read_cpu_ms_per_set"] for f in rounds)
            rows.append(
                (
                    "Peer",
                    f"read back 1,000 sets, {who}: faster than wger",
                    med(read),
                    "≥ 5×",
                    f"wall {ours_r:.0f} ms (1 page) vs {theirs_r:.0f} ms "
                    f"({rounds[0]['wger'][stage]['read_requests']} pages); server CPU per set "
                    f"{rcpu:.3f} vs {tcpu:.3f} ms",
                )
            )
    p95 = [f["stack"]["fresh"]["request_p95_ms"] / f["floor_p95_ms"] for f in rounds]
    create = statistics.median(f["stack"]["fresh"]["request_p95_ms"] for f in rounds)
    floor = statistics.median(f["floor_p95_ms"] for f in rounds)
    rows.append(
        (
            "Peer",
            "create p95 on the stack, × its floor",
            med(p95),
            "≤ 2×",
            f"POST /api/v1/workouts/ p95 {create:.0f} ms vs the bare DRF floor {floor:.0f} ms "
            "(bench/urls.py), request for request in the same round",
        )
    )
    for system in ("embedded", "stack", "wger"):
        worst = []
        for key in ("record_s", "request_p95_ms", "read_s", "record_cpu_ms_per_set"):
            growth = statistics.median(
                f[system]["grown"][key] / f[system]["fresh"][key] - 1 for f in rounds
            )
            worst.append((growth, key))
        growth, key = max(worst)
        detail = ", ".join(f"{k} {g:+.0%}" for g, k in worst)
        rows.append(
            (
                "Peer",
                f"{system}: growth from a fresh user to 5,000 prior sessions, worst figure",
                f"{growth:+.0%} ({key})",
                "≤ +10%" if system != "wger" else "",
                detail,
            )
        )
    page = [f["wger"]["grown"]["page_ms"] for f in rounds]
    rows.append(
        (
            "Peer",
            "newest page of 100 at 5,000 sessions: wger / embedded / stack",
            " / ".join(
                f"{statistics.median(f[s]['grown']['page_ms'] for f in rounds):.0f}"
                for s in ("wger", "embedded", "stack")
            )
            + " ms",
            "",
            f"wger: 100 logs (slowest round {max(page):.0f} ms); Myolog: 100 workouts, 2,000 sets",
        )
    )
    return rows


CONFIG = (
    "wger {version} from PyPI (the newest release there) in bench/.wger-venv: its REST API "
    "only (its DRF router as the whole URL conf), SQLite, 2 gunicorn sync workers, DEBUG off, "
    "DRF token authentication; a recorded session is a `workoutsession` and a `workoutlog` "
    "per set (its API has no other way), read back as its sessions page and its logs in "
    "pages of 100 (newest first). Myolog: one `POST /api/v1/workouts/` per session, read "
    "back as one page (`limit=50`: the 50 sessions). The embedded default is `python -m "
    "config.embedded` (gunicorn + Celery worker on the file broker, SQLite); the stack is "
    "gunicorn (2 workers) + PostgreSQL + Redis + a Celery worker. {rounds} rounds, the "
    "systems' order rotating; each ratio is taken within a round, the median shown with the "
    "range. Server CPU is user + system time of the server's processes (with the worker's "
    "classifications, waited for, and PostgreSQL's backends on the stack) per set. The grown "
    "user has 5,000 prior sessions × 20 sets, bulk-loaded and never analysed."
)


def measure(quick: bool) -> dict:
    """For `make bench`: the rounds in a process of their own (its stack, its database and
    Redis databases), so nothing of them mixes with the run's own stack."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, "-m", "bench.peer_wger", "--rounds", "2" if quick else "5"]
        done = subprocess.run([*command, "--json", out.name], cwd=ROOT, check=False)
        if done.returncode != 0:
            return {"error": f"bench.peer_wger exited with {done.returncode} (see its output)"}
        return json.loads(Path(out.name).read_text())


def section(results: dict, quick: bool) -> str:
    from bench.sections import table

    head = "## Beside the peer: wger\n\n"
    if "error" in results:
        return head + f"Not measured: {results['error']}."
    config = CONFIG.format(version=results["wger_version"], rounds=len(results["rounds"]))
    rows = table(ratio_rows(results), ("area", "figure", "value", "target", "note"))
    return head + config + "\n\n" + rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", help="write the raw figures here")
    parser.add_argument("--setup-myolog", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.setup_myolog is not None:
        setup_myolog(*args.setup_myolog)
        return
    try:
        results = run(args.rounds)
    except subprocess.CalledProcessError as exc:  # wger would not install or start
        results = {"error": f"{' '.join(map(str, exc.cmd))[:200]} failed ({exc.returncode})"}
    if args.json:
        Path(args.json).write_text(json.dumps(results))
    print(section(results, False))


if __name__ == "__main__":
    main()
