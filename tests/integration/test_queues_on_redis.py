"""Each kind of background work lands on its own queue in Redis and is run by a worker given
that queue alone: an upload waits on `imports` (nothing else), the workouts it wrote wait on
`classification` until a classification worker runs, and their week refreshes wait on
`weeks`. A worker of one queue never takes another's work."""

import pytest

from tests.integration.support import PASSWORD, redis_client, wait_until, workout

pytestmark = pytest.mark.integration

QUEUES = ("celery", "imports", "classification", "bulk-classification", "weeks", "emails")
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    "A,9 Apr 2026 17:18,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
    "B,10 Apr 2026 17:18,,,Deadlift (Barbell),,,0,normal,180,3,,,\n"
)


def test_imports_classification_and_week_refreshes_each_wait_on_their_own_queue(stack, redis_url):
    stack.start_web(wait=False)
    stack.create_users([{"username": "queues", "password": PASSWORD}])
    stack.wait_healthy(stack.processes[0])
    api = stack.http.with_token(stack.http.token_for("queues"))
    broker = redis_client(redis_url)

    def lengths() -> dict[str, int]:
        return {q: broker.llen(q) for q in QUEUES if broker.llen(q)}

    reply = api.post_file("/api/v1/imports/", "hevy.csv", HEVY.encode())
    assert reply.status == 202, reply.text
    job = reply.json()["id"]
    assert lengths() == {"imports": 1}

    stack.start_worker("imports-only", queues=("imports",))
    wait_until(
        lambda: api.get(f"/api/v1/imports/{job}/").json()["status"] == "done",
        60,
        lambda: f"the import did not finish; queues {lengths()}\n{stack.tails()}",
    )
    assert api.get(f"/api/v1/imports/{job}/").json()["created"] == 2
    # The two workouts wait for classification on the queue of imports' workouts, which
    # workers take from in turn with `classification`, so a workout saved by hand never
    # waits behind a big file's thousands; the imports worker left them alone.
    # (`classification` holds the sweep a starting worker queues.)
    wait_until(lambda: "bulk-classification" in lengths(), 10, lambda: str(lengths()))
    assert set(lengths()) <= {"bulk-classification", "classification"}
    before = broker.llen("classification")
    saved = api.post("/api/v1/workouts/", workout("2026-04-11T07:30:00+00:00"))
    assert saved.status == 201, saved.text
    # Published once the answer is sent (logbook.common.after_response): a moment later.
    wait_until(
        lambda: broker.llen("classification") == before + 1,
        5,
        lambda: f"classification holds {broker.llen('classification')}, not {before + 1}",
        0.02,
    )
    ids = [w["id"] for w in api.get("/api/v1/workouts/").json()["results"]]
    assert len(ids) == 3
    assert {status_of(api, i) for i in ids} == {"pending"}

    stack.start_worker("classification-only", queues=("classification", "bulk-classification"))
    wait_until(
        lambda: {status_of(api, i) for i in ids} == {"ready"},
        60,
        lambda: f"not classified; queues {lengths()}\n{stack.tails()}",
    )
    # Their week's refresh waits on `weeks`, for a worker of its own.
    wait_until(lambda: set(lengths()) == {"weeks"}, 10, lambda: str(lengths()))


def status_of(api, workout_id: int) -> str:
    return api.get(f"/api/v1/workouts/{workout_id}/insight/").json()["status"]
