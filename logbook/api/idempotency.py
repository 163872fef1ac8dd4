"""`Idempotency-Key` on POST: the same key and body within 24 h returns the first response.

The record is written in the same transaction as the workout, so two concurrent
requests with one key cannot both create: the loser rolls back and replays the winner.
"""

import hashlib
import json
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from logbook.common.errors import error_response
from logbook.models import IdempotencyRecord

HEADER = "Idempotency-Key"
KEEP_FOR = IdempotencyRecord.KEEP_FOR


def idempotent(request: Request, handler: Callable[[], Response]) -> Response:
    key = request.headers.get(HEADER)
    if key is None:
        return handler()
    if not 1 <= len(key) <= 255:
        return error_response({HEADER: ["Expected 1 to 255 characters."]})
    body_hash = hashlib.sha256(
        json.dumps(request.data, sort_keys=True, default=str).encode()
    ).hexdigest()
    now = timezone.now()
    records = IdempotencyRecord.objects.filter(user=request.user, key=key)
    records.filter(created_at__lt=now - KEEP_FOR).delete()
    record = records.first()
    if record is not None:
        return _replay(record, body_hash)
    try:
        with transaction.atomic():
            response = handler()
            if status.is_success(response.status_code):
                IdempotencyRecord.objects.create(
                    user=request.user,
                    key=key,
                    request_hash=body_hash,
                    status_code=response.status_code,
                    response_body=response.data,
                )
    except IntegrityError:
        record = records.first()
        if record is None:
            raise
        return _replay(record, body_hash)
    return response


def _replay(record: IdempotencyRecord, body_hash: str) -> Response:
    if record.request_hash != body_hash:
        return error_response(
            {HEADER: ["This key was already used with a different request body."]},
            status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    return Response(
        record.response_body, status=record.status_code, headers={"Idempotent-Replayed": "true"}
    )
