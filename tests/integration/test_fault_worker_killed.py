"""A worker is killed (SIGKILL, pool and all) while it holds classification tasks: with
`acks_late` they were never acknowledged, so Redis hands them to the next worker once the
visibility timeout passes, and every workout ends with exactly one current insight."""

import json
import math
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from insights.tasks import CLASSIFY_BATCH
from tests.integration.support import (
    PASSWORD,
    current_insights,
    redis_client,
    wait_until,
    workout,
)

pytestmark = pytest.mark.integration

WORKOUTS = 60
VISIBILITY_TIMEOUT = 2


def test_tasks_held_by_a_killed_worker_are_redelivered_and_classified_once(
    stack, database, redis_url
):
    # Short enough to see redelivery within the test; no task here runs longer than a second.
    stack.env["CELERY_VISIBILITY_TIMEOUT"] = str(VISIBILITY_TIMEOUT)
    web = stack.start_web(wait=False)
    user_id = stack.create_users([{"username": "killed-worker", "password": PASSWORD}])[
        "killed-worker"
    ]
    stack.wait_healthy(web)
    api = stack.http.with_token(stack.http.token_for("killed-worker"))
    start = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    batch = [
        workout(
            (start + timedelta(hours=12 * i)).isoformat(),
            source="tracker",
            external_id=f"kw-{i}",
        )
        for i in range(WORKOUTS)
    ]
    reply = api.post("/api/v1/sync/workouts/", {"workouts": batch}, timeout=60)
    assert reply.status == 200, reply.text
    assert {r["status"] for r in reply.json()["results"]} == {"created"}
    broker = redis_client(redis_url)
    # the batch is classified in tasks of CLASSIFY_BATCH workouts, published once the answer
    # is sent (logbook.common.after_response)
    tasks = math.ceil(WORKOUTS / CLASSIFY_BATCH)
    wait_until(
        lambda: broker.llen("classification") == tasks,
        10,
        lambda: f"classification holds {broker.llen('classification')} tasks, not {tasks}",
        0.02,
    )

    first = stack.start_worker("worker-1")

    def busy() -> bool:
        """A few workouts classified and two tasks taken but not finished (so they still
        are when the kill lands a few milliseconds later)."""
        log = first.output()
        held = len(received(log) - succeeded(log))
        return held >= 2 and sum(current_insights(database.url, user_id).values()) >= 5

    wait_until(busy, 30, lambda: first.tail(), 0.01)
    first.kill()

    log = first.output()
    taken = received(log) - succeeded(log)  # in the dead worker's hands when it died
    in_redis = {message_id(m) for m in broker.hvals("unacked")} | {
        message_id(m) for m in broker.lrange("classification", 0, -1)
    }
    done = sum(current_insights(database.url, user_id).values())
    assert taken, "the worker held no task when it was killed; kill it earlier"
    assert taken <= in_redis, f"tasks only the dead worker knew of: {taken - in_redis}"
    assert 5 <= done < WORKOUTS, f"{done} classified before the kill"

    # A worker puts back what has been unacknowledged for longer than the visibility timeout
    # when it starts (then only every ~100 s), so the next worker starts after the timeout.
    time.sleep(VISIBILITY_TIMEOUT + 1)
    second = stack.start_worker("worker-2")

    def all_classified() -> bool:
        return (
            set(current_insights(database.url, user_id).values()) == {1}
            and broker.llen("classification") == 0
            and broker.hlen("unacked") == 0
        )

    def state() -> str:
        counts = list(current_insights(database.url, user_id).values())
        return (
            f"{counts.count(1)} of {WORKOUTS} classified, queued {broker.llen('classification')}, "
            f"unacked {broker.hlen('unacked')}"
        )

    wait_until(all_classified, 60, state, 0.5)
    insights = current_insights(database.url, user_id)
    assert len(insights) == WORKOUTS
    assert set(insights.values()) == {1}
    # The tasks the killed worker held came back: the second worker ran each of them.
    assert taken <= succeeded(second.output())


def received(log: str) -> set[str]:
    return set(re.findall(r"Task [\w.]+\[([\w-]+)\] received", log))


def succeeded(log: str) -> set[str]:
    return set(re.findall(r"Task [\w.]+\[([\w-]+)\] succeeded", log))


def message_id(raw: bytes) -> str:
    """The task id of a message as the Redis transport stores it (unacked: [message, …])."""
    message = json.loads(raw)
    return (message[0] if isinstance(message, list) else message)["headers"]["id"]
