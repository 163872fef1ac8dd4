"""The same (source, external_id) synced by two clients at the same moment: one row each,
both clients told the same workout id (DESIGN.md: sync is idempotent by its key)."""

import threading
from collections import Counter

import pytest

from tests.integration.support import PASSWORD, Response, sql, workout

pytestmark = pytest.mark.integration

ROUNDS = 8
ITEMS = 5  # per batch; the second client sends them in reverse order


def test_two_clients_syncing_the_same_external_ids_at_once_make_one_row_each(stack):
    web = stack.start_web(wait=False)
    user_id = stack.create_users([{"username": "sync-race", "password": PASSWORD}])["sync-race"]
    stack.wait_healthy(web)
    phone = stack.http.with_token(stack.http.token_for("sync-race", name="phone"))
    watch = stack.http.with_token(stack.http.token_for("sync-race", name="watch"))

    for round_ in range(ROUNDS):
        items = [
            workout(
                f"2026-08-{1 + i:02d}T07:30:00+00:00",
                source="tracker",
                external_id=f"race-{round_}-{i}",
                # Every other round the clients disagree on the content: one updates the other.
                title="Squat day" if round_ % 2 else f"Squat day ({i})",
            )
            for i in range(ITEMS)
        ]
        other = [
            {**item, "title": "Squat day" if round_ % 2 else "Renamed by the watch"}
            for item in reversed(items)
        ]
        barrier = threading.Barrier(2, timeout=10)
        replies: dict[str, Response] = {}

        def sync(name, client, batch, replies=replies, barrier=barrier):
            barrier.wait()
            replies[name] = client.post("/api/v1/sync/workouts/", {"workouts": batch}, timeout=30)

        threads = [
            threading.Thread(target=sync, args=("phone", phone, items)),
            threading.Thread(target=sync, args=("watch", watch, other)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(40)
        assert set(replies) == {"phone", "watch"}, "a sync never answered"
        results = {}
        for reply in replies.values():
            assert reply.status == 200, reply.text
            for result in reply.json()["results"]:
                assert result["status"] != "error", result
                results.setdefault(result["external_id"], []).append(result)
        for pair in results.values():
            assert len(pair) == 2
            assert pair[0]["id"] == pair[1]["id"], pair  # both told the same workout
            statuses = Counter(r["status"] for r in pair)
            assert statuses["created"] == 1, pair

    rows = sql(
        stack.env["DATABASE_URL"],
        "SELECT source, external_id, count(*) FROM logbook_workout WHERE user_id = %s"
        " GROUP BY source, external_id",
        (user_id,),
    )
    assert len(rows) == ROUNDS * ITEMS
    assert {count for _, _, count in rows} == {1}
