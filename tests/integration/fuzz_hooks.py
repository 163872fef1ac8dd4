"""Hooks loaded into the schemathesis run of test_fuzz.py (SCHEMATHESIS_HOOKS), in its own
process: every request is logged (method, path, status) to FUZZ_LOG, and the check
`refused_requests_write_nothing` fails any refused request (status >= 400) after which the
data a request can write has changed. Read straight from PostgreSQL (FUZZ_DATABASE_URL).

Left out of the fingerprint: what the worker writes (insights, weekly reports), what a
request writes by design even when refused (the lock-out's failure records, a token's
last use), and any moment an import job is still queued or running (its worker writes
workouts on its own time, so a change then cannot be told apart)."""

import json
import os

import psycopg
import schemathesis

FINGERPRINT = """
SELECT
  (SELECT concat_ws(':', count(*), max(updated_at), sum(id)) FROM logbook_workout),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_workoutexercise),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_set),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_interval),
  (SELECT concat_ws(':', count(*), max(updated_at), sum(id)) FROM logbook_routine),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_routineexercise),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_exercise),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_exercisename),
  (SELECT md5(string_agg((to_jsonb(t) - 'last_used_at')::text, ',' ORDER BY id))
     FROM logbook_accesstoken t),
  (SELECT md5(string_agg((to_jsonb(p) - 'next_weekly_email_at')::text, ',' ORDER BY id))
     FROM logbook_profile p),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_importjob),
  (SELECT concat_ws(':', count(*), sum(id)) FROM logbook_idempotencyrecord),
  (SELECT concat_ws(':', count(*), sum(id)) FROM auth_user),
  (SELECT count(*) FROM logbook_importjob WHERE status IN ('queued', 'running'))
"""

_state: dict = {"connection": None, "before": None}


def _query(sql: str) -> tuple:
    connection = _state["connection"]
    if connection is None or connection.closed:
        connection = psycopg.connect(os.environ["FUZZ_DATABASE_URL"], autocommit=True)
        _state["connection"] = connection
    return connection.execute(sql).fetchone()


def _snapshot() -> tuple | None:
    """The fingerprint, or None while an import job may still write."""
    *fingerprint, in_flight = _query(FINGERPRINT)
    return None if in_flight else tuple(fingerprint)


def _log(record: dict) -> None:
    with open(os.environ["FUZZ_LOG"], "a") as log:
        log.write(json.dumps(record) + "\n")


@schemathesis.hook
def before_call(context, case, kwargs):
    # The previous call's "after" still holds unless an import was in flight (then None).
    _state["before"] = _state.get("after") or _snapshot()


@schemathesis.hook
def after_call(context, case, response):
    record = {"method": case.method, "path": case.formatted_path, "status": response.status_code}
    before = _state["before"]
    after = _state["after"] = _snapshot()
    refused = response.status_code >= 400
    if refused and before is not None and after is not None and before != after:
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        record["wrote"] = changed
    _log(record)
    _state["last"] = record


@schemathesis.check
def refused_requests_write_nothing(ctx, response, case):
    """A request answered with an error wrote nothing (the fingerprint above)."""
    last = _state.get("last") or {}
    if last.get("wrote"):
        raise AssertionError(
            f"{case.method} {case.formatted_path} answered {response.status_code} "
            f"but changed fingerprint parts {last['wrote']}"
        )
