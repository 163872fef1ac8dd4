"""`make stack`: the docker-compose topology without Docker, on this machine's services.

gunicorn, Celery workers (one for every queue, one more for imports), Celery beat and an
SMTP catcher (aiosmtpd, printing what it receives) run as child processes against the local
PostgreSQL and Redis. The integration
tests start the same processes with `process_commands`.

    python -m config.stack            # Ctrl-C stops everything
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent

LOCAL_DEFAULTS = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/myolog",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
    "SITE_URL": "http://127.0.0.1:8000",
    "EMBEDDED": "1",  # a generated SECRET_KEY under var/ and no HTTPS redirect on localhost
    "DEBUG": "false",
}


WORKER_NICE = ("nice", "-n", "10")


def gunicorn_command(python: str, bind: str, workers: int) -> list[str]:
    """gunicorn with our settings (config/gunicorn.py), four threads a worker process."""
    return [
        python,
        "-m",
        "gunicorn",
        "--config",
        str(ROOT / "config" / "gunicorn.py"),
        "config.wsgi",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "5",
    ]


def worker_command(
    python: str, queues: tuple[str, ...] = (), concurrency: int = 2, loglevel: str = "INFO"
) -> list[str]:
    """A Celery worker at a lower CPU priority (nice 10), so background work yields the CPU
    to requests when both are busy. Without `queues` it consumes every queue the settings
    declare (CELERY_TASK_QUEUES); with them, only those."""
    return [
        *WORKER_NICE,
        python,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--loglevel",
        loglevel,
        "--concurrency",
        str(concurrency),
        *(["--queues", ",".join(queues)] if queues else []),
        "--without-mingle",
        "--without-gossip",
    ]


def process_commands(python: str = sys.executable, port: int = 8000, smtp_port: int = 1025) -> dict:
    """The commands of the production processes (the compose file's services): a worker for
    every queue and one more given to imports alone, so a big import never holds up
    classification, week refreshes or emails (docs/architecture.md, "Queues and workers")."""
    return {
        "web": gunicorn_command(python, f"127.0.0.1:{port}", workers=2),
        "worker": worker_command(python),
        "import-worker": worker_command(python, ("imports",), concurrency=1),
        "beat": [
            python,
            "-m",
            "celery",
            "-A",
            "config",
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(ROOT / "var" / "celerybeat-schedule"),
        ],
        "mail": [
            python,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{smtp_port}",
            "-c",
            "aiosmtpd.handlers.Debugging",
        ],
    }


def main() -> int:
    env = {**LOCAL_DEFAULTS, **os.environ}
    (ROOT / "var").mkdir(exist_ok=True)
    _ensure_database(env["DATABASE_URL"])
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True
    )
    port = int(env.get("PORT", "8000"))
    commands = process_commands(port=port)
    print(f"Myolog stack on http://127.0.0.1:{port}/ ({', '.join(commands)}); Ctrl-C stops it.")
    return supervise(commands, env)


def supervise(
    commands: dict[str, list[str]],
    env: dict[str, str],
    grace_s: float = 10,
    ready: dict[str, Path] | None = None,
    ready_timeout_s: float = 120,
) -> int:
    """Start the processes in order, and stop them all when one exits or on Ctrl-C /
    SIGTERM: each is asked to stop (SIGTERM; a worker finishes its running tasks) and killed
    after `grace_s`. A process named in `ready` is waited for (its file appears, at most
    `ready_timeout_s`) before the next one starts."""
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    children: dict[str, subprocess.Popen] = {}
    for name, command in commands.items():
        if stopping:
            break
        children[name] = subprocess.Popen(command, cwd=ROOT, env=env)
        marker = (ready or {}).get(name)
        deadline = time.monotonic() + ready_timeout_s
        while marker is not None and not marker.exists() and time.monotonic() < deadline:
            if stopping or children[name].poll() is not None:
                break
            time.sleep(0.05)
    while not stopping and all(p.poll() is None for p in children.values()):
        time.sleep(0.2)
    # Ctrl-C reached the whole process group: give the children a moment to stop by
    # themselves before asking again (a second SIGINT would make Celery cold-stop).
    pause = time.monotonic() + 1
    while time.monotonic() < pause and any(p.poll() is None for p in children.values()):
        time.sleep(0.05)
    for p in children.values():
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + grace_s
    for p in children.values():
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    failed = [name for name, p in children.items() if p.returncode not in (0, -15, None)]
    return 1 if failed and not stopping else 0


def _ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in the URL if it doesn't exist yet."""
    if not url.startswith("postgres"):
        return
    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    sys.exit(main())
