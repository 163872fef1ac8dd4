"""No import job is left stuck (issue 18): the database goes away mid-import, the broker
loses the job's message, the worker is killed mid-import. Each time the job ends done with
every workout, through the task's retries with backoff or the watchdog
(`logbook.imports.tasks.unstick_imports`, run here as beat would); the step limits are
shortened so the watchdog's "lost" comes within the test."""

import time

import pytest

from tests.integration.support import PASSWORD, redis_client, sql, wait_until

pytestmark = pytest.mark.integration

WORKOUTS = 1500
HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)
CHUNKS = {"IMPORT_CHUNK_WORKOUTS": "50", "IMPORT_CHUNK_SECONDS": "0.3"}
# Short limits: a step is lost 3 + 1 s after its last heartbeat.
LIMITS = {
    **CHUNKS,
    "CELERY_TASK_TIME_LIMIT": "3",
    "CELERY_TASK_SOFT_TIME_LIMIT": "2",
    "IMPORT_STEP_GRACE_S": "1",
}
STALE_S = 4.5


def hevy(workouts: int) -> bytes:
    rows = "".join(
        f"Day {i},{1 + i % 28} {('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun')[i // 28 % 6]} "
        f"{2000 + i // 168} 07:00,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
        for i in range(workouts)
    )
    return (HEADER + rows).encode()


def begin(stack, username: str, limits: dict[str, str] = LIMITS):
    stack.env.update(limits)
    web = stack.start_web(wait=False)
    ids = stack.create_users([{"username": username, "password": PASSWORD}])
    stack.wait_healthy(web)
    api = stack.http.with_token(stack.http.token_for(username))
    return api, ids[username]


def upload(api) -> int:
    reply = api.post_file("/api/v1/imports/", "big.csv", hevy(WORKOUTS))
    assert reply.status == 202, reply.text
    return reply.json()["id"]


def job_of(api, job: int) -> dict:
    """The job's status; {} while the web process finds the database gone (a 503)."""
    reply = api.get(f"/api/v1/imports/{job}/", timeout=10)
    return reply.json() if reply.status == 200 else {}


def written(dsn: str, user_id: int) -> int:
    return sql(dsn, "SELECT count(*) FROM logbook_workout WHERE user_id = %s", (user_id,))[0][0]


def unstick(stack) -> str:
    """The watchdog, once, as beat runs it every minute."""
    return stack.manage(
        "shell",
        "-c",
        "from logbook.imports.tasks import unstick_imports; print('UNSTUCK', unstick_imports())",
    )


def wait_done(api, job: int, timeout: float, stack) -> dict:
    def done():
        status = job_of(api, job)
        return status if status.get("status") in ("done", "failed") else None

    status = wait_until(done, timeout, lambda: f"{job_of(api, job)}\n{stack.tails()}", 0.5)
    assert status["status"] == "done", status
    return status


def test_a_database_outage_mid_import_is_waited_out(stack, throwaway_postgres):
    dsn = throwaway_postgres.url("myolog")
    stack.env["DATABASE_URL"] = dsn
    api, user_id = begin(stack, "db-outage", CHUNKS)  # the default limits: retries wait
    stack.start_worker()
    job = upload(api)
    wait_until(lambda: written(dsn, user_id) >= 200, 60, lambda: stack.tails())
    throwaway_postgres.stop("immediate")
    time.sleep(3)  # chunks fail on the database and are retried with backoff
    throwaway_postgres.start()
    status = wait_done(api, job, 120, stack)
    assert written(dsn, user_id) == WORKOUTS
    assert status["created"] + status["skipped"] == WORKOUTS
    assert status["error_count"] == 0, status["errors"]
    assert "Retry in" in stack.processes[-1].output()  # the task retried, not failed


def test_a_lost_broker_message_is_queued_again_by_the_watchdog(stack, database, redis_url):
    api, user_id = begin(stack, "lost-message")
    job = upload(api)
    broker = redis_client(redis_url)
    assert broker.llen("imports") == 1
    broker.delete("imports")  # the broker lost it
    time.sleep(STALE_S)
    assert job_of(api, job)["status"] == "queued"
    assert "UNSTUCK" in unstick(stack)  # (other tests' jobs in this database too)
    stack.start_worker()
    wait_done(api, job, 120, stack)
    assert written(database.url, user_id) == WORKOUTS


def test_a_worker_killed_mid_import_leaves_no_stuck_job(stack, database):
    api, user_id = begin(stack, "killed-mid-import")
    first = stack.start_worker("worker-1")
    job = upload(api)
    wait_until(lambda: written(database.url, user_id) >= 200, 60, lambda: first.tail())
    first.kill()
    assert job_of(api, job)["status"] == "running"
    time.sleep(STALE_S)
    assert written(database.url, user_id) < WORKOUTS
    assert "UNSTUCK" in unstick(stack)  # (other tests' jobs in this database too)
    stack.start_worker("worker-2")
    status = wait_done(api, job, 120, stack)
    assert written(database.url, user_id) == WORKOUTS
    assert status["created"] + status["skipped"] == WORKOUTS
