"""The embedded default (`make run`: `python -m config.embedded`, SQLite, a Celery worker on
the file broker): what a newcomer meets first.

/healthz p50 (target < 5 ms: gunicorn, no per-response delay), save → insight ready (< 1 s:
the worker classifies after the response) and a first sync of 500 workouts × 20 sets (the
answer < 2 s; the classifications follow in the worker), each on a fresh VAR_DIR.

    .venv/bin/python -m bench.embedded            prints the figures
"""

import os
import statistics
import time
from datetime import UTC, datetime, timedelta

from bench.peer_wger import Myolog, call, pct

HEALTHZ_RUNS = 300
INSIGHT_RUNS = 20
SYNC_ITEMS = 500


def measure(quick: bool = False) -> dict:
    from bench.run import strength_payload

    server = Myolog("embedded", grown=0)
    server.start(2, dict(os.environ))
    try:
        base = server.base
        healthz = []
        for _ in range(HEALTHZ_RUNS // (3 if quick else 1)):
            start = time.perf_counter()
            status, _ = call(base, "", "GET", "/healthz")
            healthz.append((time.perf_counter() - start) * 1000)
            assert status == 200
        auth = "Bearer " + server.users["myolog_0"]
        ready = []
        for i in range(INSIGHT_RUNS // (2 if quick else 1)):
            start = time.perf_counter()
            status, raw = call(base, auth, "POST", "/api/v1/workouts/", strength_payload(i))
            assert status == 201, raw[:300]
            path = f"/api/v1/workouts/{_id(raw)}/insight/"
            while time.perf_counter() - start < 10:
                status, raw = call(base, auth, "GET", path)
                if status == 200 and b'"ready"' in raw:
                    break
                time.sleep(0.005)
            ready.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)  # the week's debounced refresh, so each save meets an idle worker
        auth = "Bearer " + server.users["myolog_1"]
        first = datetime(2025, 1, 1, 7, tzinfo=UTC)
        items = [
            {
                **strength_payload(i, 20, first + timedelta(hours=i)),
                "source": "bench",
                "external_id": f"e{i}",
            }
            for i in range(SYNC_ITEMS)
        ]
        start = time.perf_counter()
        status, raw = call(base, auth, "POST", "/api/v1/sync/workouts/", {"workouts": items})
        sync_s = time.perf_counter() - start
        assert status == 200, raw[:300]
        created = raw.count(b'"created"')
        status, raw = call(base, auth, "GET", "/api/v1/workouts/?limit=1")
        start = time.perf_counter()
        classified = _wait_classified(base, auth, raw, 120)
        classify_s = time.perf_counter() - start + sync_s
    finally:
        server.stop()
    return {
        "healthz": healthz,
        "ready": ready,
        "sync_s": sync_s,
        "created": created,
        "classified": classified,
        "classify_s": classify_s,
    }


def _id(raw: bytes) -> int:
    import json

    return json.loads(raw)["id"]


def _wait_classified(base: str, auth: str, newest: bytes, timeout: float) -> bool:
    """Until the newest synced workout (the last the worker reaches) has its insight."""
    import json

    workout = json.loads(newest)["results"][0]["id"]
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        status, raw = call(base, auth, "GET", f"/api/v1/workouts/{workout}/insight/")
        if status == 200 and b'"ready"' in raw:
            return True
        time.sleep(0.2)
    return False


def rows(figures: dict) -> list[tuple[str, ...]]:
    h, r = figures["healthz"], figures["ready"]
    return [
        (
            "Embedded",
            "/healthz p50 / p95",
            f"{statistics.median(h):.1f} / {pct(h, 95):.1f} ms",
            "p50 < 5 ms",
            f"{len(h)} requests, a new connection each (gunicorn, whitenoise)",
        ),
        (
            "Embedded",
            "save → insight ready p50 / p95",
            f"{statistics.median(r):.0f} / {pct(r, 95):.0f} ms",
            "< 1 s",
            f"{len(r)} saves of 20 sets, polled every 5 ms; the worker classifies after the answer",
        ),
        (
            "Embedded",
            f"sync {SYNC_ITEMS} workouts × 20 sets, the answer",
            f"{figures['sync_s']:.2f} s",
            "< 2 s",
            f"{figures['created']} created; every insight ready "
            + (
                f"{figures['classify_s']:.1f} s after the request began"
                if figures["classified"]
                else "not within 120 s"
            ),
        ),
    ]


def section(figures: dict, quick: bool) -> str:
    from bench.sections import table

    return (
        "## The embedded default (`make run`)\n\n"
        "`python -m config.embedded` on a fresh VAR_DIR: gunicorn (one process, four threads) "
        "and a Celery worker with beat on the file broker, SQLite, DEBUG off; over 127.0.0.1.\n\n"
        + table(rows(figures), ("area", "figure", "value", "target", "note"))
    )


def main() -> None:
    figures = measure()
    for row in rows(figures):
        print(" | ".join(row))


if __name__ == "__main__":
    main()
