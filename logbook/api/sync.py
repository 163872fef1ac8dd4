"""`POST /api/v1/sync/workouts/`: trackers upsert batches of workouts by their own ids.

Each item is validated by `clean_workout` and upserted by (user, source, external_id)
through `services.upsert_many`: each item is written whole or not at all, and one bad item
does not sink the batch. Same content as stored answers `unchanged` and writes nothing,
which makes replays cheap.
"""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from logbook import services
from logbook.api import openapi as docs
from logbook.api.parsers import LimitedJSONParser
from logbook.common.errors import NON_FIELD, InvalidInput
from logbook.workout_input import WorkoutInput, clean_workout

MAX_BATCH = 500


class SyncJSONParser(LimitedJSONParser):
    """JSON with the sync body limit: a batch of 500 workouts outgrows API_MAX_BODY_BYTES."""

    limit_setting = "SYNC_MAX_BODY_BYTES"


class SyncWorkoutsView(APIView):
    parser_classes = [SyncJSONParser]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "sync"

    @extend_schema(
        request=docs.SyncRequest,
        responses={200: docs.SyncResponse, 400: docs.Errors, 413: docs.Errors, 429: docs.Errors},
        summary="Upsert up to 500 workouts by (source, external_id)",
        description="Each item is written whole or not at all; one bad item does not sink "
        "the batch. Per-item status created, updated, unchanged (same content: nothing "
        "written) or error with its errors. A deleted workout stays deleted when the same "
        "content is synced again; changed content restores it.",
    )
    def post(self, request: Request) -> Response:
        return Response({"results": sync_workouts(request.user, _batch(request.data))})


def _batch(body: Any) -> list[Any]:
    if not isinstance(body, dict):
        raise InvalidInput({NON_FIELD: ['Expected a JSON object {"workouts": [...]}.']})
    workouts = body.get("workouts")
    if not isinstance(workouts, list):
        raise InvalidInput({"workouts": ["Expected a list of workouts."]})
    if len(workouts) > MAX_BATCH:
        raise InvalidInput(
            {"workouts": [f"At most {MAX_BATCH} workouts per request; got {len(workouts)}."]}
        )
    return workouts


def sync_workouts(user: Any, items: list[Any]) -> list[dict[str, Any]]:
    """Per-item results, in the order given.

    One look-up finds the batch's existing workouts. An item byte-for-byte the same as the
    one that last wrote its workout (same `input_digest`) is `unchanged` at once; the rest
    are validated and upserted (`services.upsert_many`).
    """
    keys = [_key(item) for item in items]
    existing = services.find_synced(user, {key for key in keys if key is not None})
    results: list[dict[str, Any] | None] = [None] * len(items)
    valid: list[tuple[int, WorkoutInput, str]] = []
    for index, (item, key) in enumerate(zip(items, keys, strict=True)):
        digest = services.input_digest(item) if key is not None else ""
        known = existing.get(key) if key is not None else None
        if known is not None and known.input_digest == digest:
            results[index] = _result(key[1], known.pk, services.UNCHANGED, {})
            continue
        try:
            valid.append((index, _clean(item), digest))
        except InvalidInput as invalid:
            results[index] = _result(_raw_external_id(item), None, services.ERROR, invalid.errors)
    written = services.upsert_many(
        user,
        [data for _, data, _ in valid],
        existing=existing,
        input_digests=[digest for _, _, digest in valid],
    )
    for (index, data, _), (workout, status, errors) in zip(valid, written, strict=True):
        results[index] = _result(data.external_id, workout.pk if workout else None, status, errors)
    return results


def _key(item: Any) -> tuple[str, str] | None:
    """(source, external_id) as `clean_workout` will clean them, or None."""
    if not isinstance(item, dict):
        return None
    source, external_id = item.get("source"), _raw_external_id(item)
    if not isinstance(source, str) or not source.strip() or not external_id:
        return None
    return source.strip(), external_id.strip()


def _clean(item: Any) -> WorkoutInput:
    identity: dict[str, list[str]] = {}
    if isinstance(item, dict):
        for field in ("source", "external_id"):
            if item.get(field) in (None, ""):
                identity[field] = ["Required to sync."]
    try:
        data = clean_workout(item)
    except InvalidInput as invalid:
        raise InvalidInput({**invalid.errors, **identity}) from None
    if identity:
        raise InvalidInput(identity)
    return data


def _raw_external_id(item: Any) -> str | None:
    value = item.get("external_id") if isinstance(item, dict) else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)[:200]


def _result(
    external_id: str | None, pk: int | None, status: str, errors: dict[str, list[str]]
) -> dict[str, Any]:
    return {"external_id": external_id, "id": pk, "status": status, "errors": errors}
