"""Helpers for the integration tests: processes, HTTP, SQL, the broker. No Django in here.

The production processes (config.stack.process_commands) run as children in their own
process groups, with their output in test-artifacts/integration/<test>/<name>.log. Every
wait is bounded in time; everything talks to 127.0.0.1 only.
"""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest

from config.stack import process_commands, worker_command
from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "integration"
HOST = "127.0.0.1"
PASSWORD = "integration tests only 9f2c"

# Only these variables reach the children: a production-like environment, nothing of the
# test process's own settings (DJANGO_SETTINGS_MODULE, DATABASE_URL for the unit suite, …).
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "VIRTUAL_ENV")

T = TypeVar("T")


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """A missing service fails the run on CI (it must be there) and skips it elsewhere."""
    if on_ci():
        pytest.fail(f"{reason} (CI=true: the integration tests need it)", pytrace=False)
    pytest.skip(reason)


def wait_until(
    check: Callable[[], T], timeout: float, message: str | Callable[[], str], interval=0.1
) -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    attempts = int(timeout / interval) + 1
    for _ in range(attempts):
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            break
        time.sleep(interval)
    text = message() if callable(message) else message
    raise AssertionError(f"not within {timeout:.0f} s: {text}")


# --- HTTP -------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Http:
    """A tiny JSON client (stdlib only) with a bounded timeout on every request."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url
        self.token = token

    def with_token(self, token: str) -> "Http":
        return Http(self.base_url, token)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        timeout: float = 10,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Response:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                status, reply_headers, content = reply.status, reply.headers, reply.read()
        except urllib.error.HTTPError as error:
            status, reply_headers, content = error.code, error.headers, error.read()
        return Response(status, dict(reply_headers.items()), content, time.monotonic() - started)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs) -> Response:
        return self.request("POST", path, body, **kwargs)

    def post_file(self, path: str, filename: str, content: bytes, **fields: str) -> Response:
        """A multipart form upload of one file (field `file`) and text fields."""
        boundary = "myolog-it-" + os.urandom(8).hex()
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            for k, v in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.request(
            "POST",
            path,
            raw=b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
            timeout=60,
        )

    def token_for(self, username: str, password: str = PASSWORD, name: str = "it") -> str:
        reply = self.post(
            "/api/v1/auth/token/", {"username": username, "password": password, "name": name}
        )
        assert reply.status == 201, (reply.status, reply.text)
        return reply.json()["token"]


def workout(started_at: str, sets: int = 3, **overrides) -> dict[str, Any]:
    """A heavy squat session as a client sends it."""
    return {
        "started_at": started_at,
        "duration_s": 3600,
        "title": "Squat day",
        "activity": "strength",
        "session_rpe": 8,
        "exercises": [
            {
                "exercise": "back-squat",
                "sets": [
                    {"reps": 5, "load_kg": 140, "rpe": 8.5, "rest_s": 180} for _ in range(sets)
                ],
            }
        ],
        **overrides,
    }


# --- SQL and the broker -----------------------------------------------------------------------


def sql(dsn: str, query: str, params: tuple | dict = ()) -> list[tuple]:
    with psycopg.connect(dsn, autocommit=True, connect_timeout=5) as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def current_insights(dsn: str, user_id: int) -> dict[int, int]:
    """{workout id: number of insights that are current for it} for a user's live workouts."""
    rows = sql(
        dsn,
        """
        SELECT w.id, count(i.id) FILTER (WHERE i.workout_updated_at = w.updated_at)
        FROM logbook_workout w LEFT JOIN insights_insight i ON i.workout_id = w.id
        WHERE w.user_id = %s AND w.deleted_at IS NULL GROUP BY w.id
        """,
        (user_id,),
    )
    return dict(rows)


def send_task(broker_url: str, name: str, *args: Any) -> None:
    """Publish a task message as any producer would, without loading Django here."""
    from celery import Celery

    app = Celery("integration-tests", broker=broker_url, set_as_current=False)
    app.conf.broker_connection_timeout = 3
    app.conf.task_serializer = "json"
    try:
        app.send_task(name, args=list(args))
    finally:
        app.close()


def redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3)


# --- Processes --------------------------------------------------------------------------------


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    stopped: bool = field(default=False)
    terminated: bool = field(default=False)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def tail(self, lines: int = 40) -> str:
        return f"--- {self.name} ({self.log}) ---\n" + "\n".join(
            self.output().splitlines()[-lines:]
        )

    def wait_for_output(self, pattern: str, timeout: float, count: int = 1) -> None:
        regex = re.compile(pattern)

        def seen() -> bool:
            if not self.alive():
                raise AssertionError(f"{self.name} exited ({self.popen.returncode})\n{self.tail()}")
            return len(regex.findall(self.output())) >= count

        wait_until(seen, timeout, lambda: f"{self.name}: {pattern!r}\n{self.tail()}", 0.05)

    def kill(self) -> None:
        """SIGKILL the whole process group (the main process and its pool children)."""
        self.stopped = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def terminate(self) -> None:
        if not self.terminated and self.popen.poll() is None:
            self.terminated = True
            self.popen.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 10) -> None:
        """SIGTERM the main process (a graceful shutdown), wait, then SIGKILL what is left of
        its process group (anything that outlived it, or all of it after the timeout)."""
        if self.stopped:
            return
        self.stopped = True
        self.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=timeout)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)


class Stack:
    """The production processes of one test, on the given database, broker and SMTP server."""

    def __init__(self, directory: Path, env: dict[str, str]) -> None:
        self.directory = directory
        self.env = env
        self.processes: list[Process] = []
        self.web_port: int | None = None

    @staticmethod
    def production_env(**values: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k in PASSED_THROUGH}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DEBUG="false",
            SECRET_KEY="integration-" + "k" * 50,
            SECURE_HTTPS="false",  # plain http on loopback; everything else as in production
            ALLOWED_HOSTS=HOST,
            PYTHONUNBUFFERED="1",
        )
        env.update(values)
        return env

    @property
    def url(self) -> str:
        assert self.web_port, "start_web() first"
        return f"http://{HOST}:{self.web_port}"

    @property
    def http(self) -> Http:
        return Http(self.url)

    def start(self, name: str, command: list[str], **env: str) -> Process:
        log = self.directory / f"{name}.log"
        handle = log.open("ab")
        try:
            popen = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**self.env, **env},
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a kill takes the pool too
            )
        finally:
            handle.close()
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def commands(self) -> dict[str, list[str]]:
        return process_commands(python=sys.executable, port=self.web_port or 8000)

    def start_web(self, wait: bool = True, **env: str) -> Process:
        self.web_port = free_port()
        self.env["SITE_URL"] = self.url
        web = self.start("web", self.commands()["web"], **env)
        if wait:
            self.wait_healthy(web)
        return web

    def wait_healthy(self, web: Process, timeout: float = 40) -> None:
        def healthy() -> bool:
            if not web.alive():
                raise AssertionError(f"gunicorn exited\n{web.tail()}")
            try:
                return self.http.get("/healthz", timeout=3).status == 200
            except OSError:
                return False

        wait_until(healthy, timeout, lambda: f"/healthz never answered 200\n{web.tail()}", 0.2)

    def start_worker(
        self, name: str = "worker", wait: bool = True, queues: tuple[str, ...] = (), **env: str
    ) -> Process:
        """A worker of every queue, or of `queues` only."""
        base = worker_command(sys.executable, queues) if queues else self.commands()["worker"]
        command = [*base, "--hostname", f"{name}-{os.getpid()}@%h"]
        worker = self.start(name, command, **env)
        if wait:
            wait_worker(worker)
        return worker

    def start_beat(self, wait: bool = True) -> Process:
        command = self.commands()["beat"]
        command[command.index("--schedule") + 1] = str(self.directory / "celerybeat-schedule")
        beat = self.start("beat", command)
        if wait:
            beat.wait_for_output(r"beat: Starting", 40)
        return beat

    def manage(self, *args: str, timeout: float = 120, **env: str) -> str:
        """`manage.py <args>` in a child with the same environment; returns its stdout."""
        name = f"manage-{args[0]}"
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        with (self.directory / f"{name}.log").open("a") as log:
            log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}\n{result.stderr}\n")
        assert result.returncode == 0, f"manage.py {args} failed:\n{result.stdout}{result.stderr}"
        return result.stdout

    def create_users(self, users: list[dict[str, Any]], workouts: dict | None = None) -> dict:
        """Users (with profiles) made by the app's own code in a `manage.py shell` child.

        Each user: {"username", "email", "password" (optional), "profile": {...}}; workouts
        maps a username to payloads recorded through `logbook.services`. Returns {name: id}.
        """
        script = f"""
import json
from django.contrib.auth import get_user_model
from logbook import services
from logbook.models import Profile
from logbook.schema import clean_workout

users, workouts = json.loads({json.dumps(json.dumps([users, workouts or {}]))})
ids = {{}}
for spec in users:
    user = get_user_model().objects.create_user(
        spec["username"], spec.get("email", ""), spec.get("password")
    )
    Profile.objects.filter(user=user).update(**spec.get("profile", {{}}))
    for payload in workouts.get(spec["username"], []):
        services.create_workout(user, clean_workout(payload))
    ids[spec["username"]] = user.pk
print("IT-RESULT " + json.dumps(ids))
"""
        out = self.manage("shell", "--no-imports", "-c", script)
        line = next(x for x in out.splitlines() if x.startswith("IT-RESULT "))
        return json.loads(line.removeprefix("IT-RESULT "))

    def stop_all(self) -> None:
        """SIGTERM to all at once (each shuts down gracefully in parallel), then wait."""
        for process in self.processes:
            if not process.stopped:
                process.terminate()
        for process in reversed(self.processes):
            process.stop()

    def tails(self) -> str:
        return "\n".join(p.tail() for p in self.processes)


def wait_worker(worker: Process, timeout: float = 40) -> None:
    worker.wait_for_output(r"\] \S+@\S+ ready\.", timeout)


class RedisServer:
    """A throwaway redis-server on a free port, stoppable and restartable on the same port."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process: Process | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        self.starts += 1
        log = self.directory / f"redis-{self.starts}.log"
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.directory),
        ]
        with log.open("ab") as handle:
            popen = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.process = Process(f"redis-{self.starts}", popen, log)

        def ready() -> bool:
            try:
                return bool(redis_client(self.url).ping())
            except Exception:
                return False

        wait_until(ready, 15, lambda: f"redis-server never answered\n{self.process.tail()}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb as the postgres user) on a free port."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory  # owned by the postgres user when we are root
        self.data = directory / "data"
        self.port = free_port()
        self.log = directory / "postgres.log"
        self.bin = pg_bindir()

    def _run(self, *command: str, timeout: float = 60) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *command],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            cwd=self.directory,
        )

    def init(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses={HOST} -k {self.directory} "
            # fsync off: an immediate stop is a crash of the server, not of the machine, so
            # committed data is still in the OS's cache. synchronous_commit stays on: off,
            # a crash would lose commits that clients were told about.
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "start",
            timeout=45,
        )

    def stop(self, mode: str = "immediate") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@{HOST}:{self.port}/{database}"


def pg_bindir() -> Path:
    """The server binaries (initdb, pg_ctl) of the newest installed PostgreSQL."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    return candidates[-1].parent if candidates else Path("/nonexistent")
