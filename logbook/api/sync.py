"""`POST /api/v1/sync/workouts/`: trackers upsert batches of workouts by their own ids.

The view checks the request's shape and hands the items to `services.sync_workouts`.
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

MAX_BATCH = 500


class SyncJSONParser(LimitedJSONParser):
    """JSON with the sync body limit: a batch of 500 workouts outgrows API_MAX_BODY_BYTES."""

    limit_setting = "SYNC_MAX_BODY_BYTES"
    check_text = False  # each item's own error (services.sync_workouts)


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
        return Response({"results": services.sync_workouts(request.user, _batch(request.data))})


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
