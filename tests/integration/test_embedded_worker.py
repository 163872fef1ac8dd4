"""The embedded default (`make run`) answers a write before its insight is made: gunicorn and a
Celery worker on the embedded broker (files under VAR_DIR/broker/), SQLite, nothing installed.

A create answers while no worker runs, its insight still pending; the worker started later
makes it from the message the create left. When the process stopped before the task could
run and the message is gone too, the worker finds the workout as it starts (the sweep). And
`python -m config.embedded`, what `make run` serves with, stops whole on Ctrl-C.
"""

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from config.celery import app
from config.embedded import BROKER_URL, consumed_queues, process_commands
from tests.integration.support import (
    HOST,
    PASSWORD,
    ROOT,
    Http,
    Stack,
    wait_until,
    wait_worker,
    workout,
)
from tests.smtp import free_port

pytestmark = pytest.mark.integration


class Embedded(Stack):
    """The processes of `make run` (config.embedded) on a VAR_DIR of the test's own."""

    def commands(self) -> dict[str, list[str]]:
        bind = f"{HOST}:{self.web_port or free_port()}"
        commands = process_commands(bind, self.env["VAR_DIR"], consumed_queues(app))
        level = commands["worker"].index("--loglevel") + 1
        commands["worker"][level] = "INFO"  # wait_worker reads "ready." in its log
        return commands


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A VAR_DIR with a migrated SQLite database and one user, copied by each test."""
    var = tmp_path_factory.mktemp("embedded-var")
    env = embedded_env(var)
    for command in (
        ["migrate", "--noinput"],
        ["createsuperuser", "--noinput", "--username", "lifter", "--email", "l@example.com"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            check=True,
            capture_output=True,
            timeout=300,
        )
    return var


def embedded_env(var: Path) -> dict[str, str]:
    env = Stack.production_env(EMBEDDED="1", VAR_DIR=str(var), CELERY_BROKER_URL=BROKER_URL)
    for name in ("SECRET_KEY", "DATABASE_URL"):  # the embedded default makes its own key
        env.pop(name, None)
    return env


@pytest.fixture
def embedded(migrated, tmp_path, artifacts) -> Embedded:
    var = tmp_path / "var"
    subprocess.run(["cp", "-a", str(migrated), str(var)], check=True)
    stack = Embedded(artifacts, embedded_env(var))
    try:
        yield stack
    finally:
        stack.stop_all()


def create(api: Http, day: int) -> int:
    started = datetime(2026, 6, 1, 7, 30, tzinfo=UTC) + timedelta(days=day)
    reply = api.post("/api/v1/workouts/", workout(started.isoformat(), sets=5))
    assert reply.status == 201, reply.text
    return reply.json()["id"]


def insight_status(api: Http, workout_id: int) -> str:
    return api.get(f"/api/v1/workouts/{workout_id}/insight/").json()["status"]


def messages(stack: Embedded) -> list[Path]:
    return sorted((Path(stack.env["VAR_DIR"]) / "broker" / "messages").glob("*.msg"))


def test_a_create_answers_before_its_insight_and_the_worker_makes_it_from_the_message(
    embedded,
):
    embedded.start_web()
    api = embedded.http.with_token(embedded.http.token_for("lifter"))
    workout_id = create(api, 0)
    assert insight_status(api, workout_id) == "pending"  # no worker yet: the request did not
    # Published once the answer is sent (logbook.common.after_response): a moment later.
    wait_until(lambda: messages(embedded), 5, "the create queued no task", 0.02)

    wait_worker(embedded.start_worker())
    wait_until(
        lambda: insight_status(api, workout_id) == "ready",
        30,
        lambda: f"the insight never became ready\n{embedded.tails()}",
    )
    wait_until(lambda: not messages(embedded), 10, "messages are left in the broker")


def test_a_workout_whose_task_was_lost_is_classified_when_the_worker_starts(embedded):
    web = embedded.start_web()
    token = embedded.http.token_for("lifter")
    ids = [create(embedded.http.with_token(token), day) for day in range(3)]
    web.kill()  # the process stops after answering ...
    for message in messages(embedded):  # ... and before its tasks ran: they are gone
        message.unlink()

    embedded.start_web()  # on another port
    api = embedded.http.with_token(token)
    wait_worker(embedded.start_worker())
    wait_until(
        lambda: all(insight_status(api, i) == "ready" for i in ids),
        30,
        lambda: f"the sweep on start did not classify {ids}\n{embedded.tails()}",
    )


def test_what_make_run_serves_with_stops_whole_on_ctrl_c(migrated, tmp_path):
    var = tmp_path / "var"
    subprocess.run(["cp", "-a", str(migrated), str(var)], check=True)
    port = free_port()
    log = (tmp_path / "embedded.log").open("w")
    launcher = subprocess.Popen(
        [sys.executable, "-m", "config.embedded", "--bind", f"{HOST}:{port}"],
        cwd=ROOT,
        env=embedded_env(var),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a process group, as a terminal's Ctrl-C reaches
    )
    group = launcher.pid
    try:
        http = Http(f"http://{HOST}:{port}")

        def served() -> bool:
            try:
                return http.get("/healthz", timeout=2).status == 200
            except OSError:
                return False

        wait_until(served, 90, lambda: (tmp_path / "embedded.log").read_text(), 0.2)
        api = http.with_token(http.token_for("lifter"))
        workout_id = create(api, 0)
        wait_until(lambda: insight_status(api, workout_id) == "ready", 60, "no insight")
        assert len(members(group)) >= 3  # the launcher, gunicorn, the worker (and children)

        os.killpg(group, signal.SIGINT)
        assert launcher.wait(timeout=30) == 0
        wait_until(lambda: not members(group), 10, lambda: f"still running: {members(group)}")
    finally:
        if members(group):
            os.killpg(group, signal.SIGKILL)
        log.close()
    assert "Traceback" not in (tmp_path / "embedded.log").read_text()


def members(group: int) -> list[int]:
    """The live processes of a process group (zombies excluded)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            found.append(int(stat.parent.name))
    return found
