"""The broker is down when a workout is saved: the save stands, and the sweep classifies it
once the broker is back (DESIGN.md, "Nothing accepted is lost")."""

import pytest

from tests.integration.support import PASSWORD, current_insights, wait_until, workout

pytestmark = pytest.mark.integration


def test_a_workout_saved_while_the_broker_is_down_is_classified_by_the_sweep(
    stack, throwaway_redis, database
):
    stack.env["CELERY_BROKER_URL"] = throwaway_redis.url
    web = stack.start_web(wait=False)
    ids = stack.create_users([{"username": "broker-down", "password": PASSWORD}])
    stack.wait_healthy(web)
    api = stack.http.with_token(stack.http.token_for("broker-down"))

    throwaway_redis.stop()
    assert stack.http.get("/healthz").json()["broker"] == "unavailable"
    reply = api.post("/api/v1/workouts/", workout("2026-11-02T07:30:00+00:00"), timeout=20)
    assert reply.status == 201, reply.text
    assert reply.elapsed < 10, f"the save waited {reply.elapsed:.1f} s for the broker"
    lost = reply.json()["id"]
    assert current_insights(database.url, ids["broker-down"]) == {lost: 0}
    assert api.get(f"/api/v1/workouts/{lost}/insight/").json()["status"] == "pending"

    # The broker comes back on the same address, empty: the classification task was never
    # queued. A worker starts and runs the sweep as it starts, so the workout saved during
    # the outage is classified without waiting for beat; one saved now is classified the
    # normal way (the web process reconnected).
    throwaway_redis.start()
    stack.start_worker()
    reply = api.post("/api/v1/workouts/", workout("2026-11-03T07:30:00+00:00"))
    assert reply.status == 201, reply.text
    after = reply.json()["id"]
    wait_until(
        lambda: current_insights(database.url, ids["broker-down"]) == {lost: 1, after: 1},
        30,
        "the sweep on worker start did not classify the workout saved during the outage",
    )
    body = api.get(f"/api/v1/workouts/{lost}/insight/").json()
    assert body["status"] == "ready"
    assert body["primary"] == "heavy_resistance"
