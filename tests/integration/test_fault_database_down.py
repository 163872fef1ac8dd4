"""The database goes away under load: requests fail cleanly (503, JSON under /api/, no
traceback), nothing is half-written, and the service recovers by itself when it returns."""

import itertools
import threading
import time
from collections import Counter
from dataclasses import dataclass

import pytest

from tests.integration.support import PASSWORD, Http, sql, wait_until, workout

pytestmark = pytest.mark.integration

THREADS = 4
TIMEOUT = 10  # seconds a client waits for an answer; a hang fails the test


@dataclass
class Outcome:
    kind: str  # "post" or "get"
    key: str | None  # the external_id of a POST
    sets: int
    status: int | None  # None: no answer (timeout, connection error)
    body: str
    retry_after: str | None
    elapsed: float
    at: float


class Load:
    """THREADS clients, each alternately posting a workout and listing workouts."""

    def __init__(self, api: Http) -> None:
        self.api = api
        self.stop = threading.Event()
        self.outcomes: list[Outcome] = []
        self.lock = threading.Lock()
        self.counter = itertools.count()
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(THREADS)]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(TIMEOUT + 5)
        assert not any(t.is_alive() for t in self.threads), "a client never returned"

    def run(self) -> None:
        for _ in range(5000):  # bounded; `stop` ends it long before
            if self.stop.is_set():
                return
            n = next(self.counter)
            key, sets = f"dbdown-{n}", 1 + n % 5
            if n % 2 == 0:
                payload = workout("2026-09-01T07:30:00+00:00", sets=sets)
                payload.update(source="loadtest", external_id=key)
                self.record(
                    "post",
                    key,
                    sets,
                    lambda p=payload: self.api.post("/api/v1/workouts/", p, timeout=TIMEOUT),
                )
            else:
                self.record(
                    "get",
                    None,
                    0,
                    lambda: self.api.get("/api/v1/workouts/?limit=5", timeout=TIMEOUT),
                )
            time.sleep(0.01)

    def record(self, kind, key, sets, call) -> None:
        try:
            reply = call()
            outcome = Outcome(
                kind,
                key,
                sets,
                reply.status,
                reply.text,
                reply.headers.get("Retry-After"),
                reply.elapsed,
                time.monotonic(),
            )
        except OSError as error:  # a timeout or a dropped connection
            outcome = Outcome(kind, key, sets, None, repr(error), None, TIMEOUT, time.monotonic())
        with self.lock:
            self.outcomes.append(outcome)

    def since(self, moment: float) -> list[Outcome]:
        with self.lock:
            return [o for o in self.outcomes if o.at >= moment]


def test_a_lost_database_answers_503_writes_nothing_half_and_recovers(stack, throwaway_postgres):
    database_url = throwaway_postgres.url("myolog")
    stack.env["DATABASE_URL"] = database_url
    web = stack.start_web(wait=False)
    user_id = stack.create_users([{"username": "db-down", "password": PASSWORD}])["db-down"]
    stack.wait_healthy(web)
    api = stack.http.with_token(stack.http.token_for("db-down"))
    load = Load(api)
    load.start()
    try:
        started = time.monotonic()
        wait_until(lambda: sum(o.status == 201 for o in load.since(started)) >= 10, 30, "no load")
        throwaway_postgres.stop("immediate")
        stopped = time.monotonic()
        wait_until(lambda: sum(o.status == 503 for o in load.since(stopped)) >= 30, 30, "no 503s")
        throwaway_postgres.start()
        restarted = time.monotonic()
        wait_until(
            lambda: Counter(o.status for o in load.since(restarted))[201] >= 10,
            30,
            lambda: f"no recovery: {Counter(o.status for o in load.since(restarted))}",
        )
    finally:
        load.finish()
    outcomes = load.outcomes

    # Clean failures only: 200/201 or 503, always an answer within the client's timeout.
    statuses = Counter(o.status for o in outcomes)
    assert set(statuses) <= {200, 201, 503}, statuses
    unavailable = [o for o in outcomes if o.status == 503]
    assert max(o.elapsed for o in unavailable) < 5, "a request hung on the lost database"
    for o in unavailable:
        assert o.body.startswith('{"errors": {"detail": ['), o.body
        assert "Traceback" not in o.body
        assert o.retry_after == "5"
    # The same gunicorn (never restarted) serves again, database and all.
    assert web.alive()
    assert stack.http.get("/healthz").json()["database"] == "ok"

    # Nothing half-written: every workout there is whole, and every 201 is there.
    posts = {o.key: o for o in outcomes if o.kind == "post"}
    rows = sql(
        database_url,
        """
        SELECT w.external_id, count(s.id)
        FROM logbook_workout w
        JOIN logbook_workoutexercise e ON e.workout_id = w.id
        JOIN logbook_set s ON s.entry_id = e.id
        WHERE w.user_id = %s GROUP BY w.external_id
        """,
        (user_id,),
    )
    stored = dict(rows)
    total = sql(database_url, "SELECT count(*) FROM logbook_workout WHERE user_id = %s", (user_id,))
    assert total == [(len(stored),)], "a workout without its sets"
    for key, sets in stored.items():
        assert sets == posts[key].sets, f"{key}: {sets} of {posts[key].sets} sets"
    created = {key for key, o in posts.items() if o.status == 201}
    assert created <= set(stored), f"answered 201 but missing: {created - set(stored)}"
    # A POST that did not get its 201 may still exist only when the outage came between its
    # commit and its answer (at most one per client); it exists whole, as checked above.
    unanswered = set(stored) - created
    assert all(posts[key].status == 503 for key in unanswered)
    assert len(unanswered) <= THREADS, unanswered
