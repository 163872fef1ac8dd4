"""Keyset (cursor) pagination: stable while others write, constant cost per page."""

import base64
import binascii
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from rest_framework.request import Request
from rest_framework.response import Response

from logbook.workout_input import InvalidInput

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def parse_limit(request: Request, default: int = DEFAULT_LIMIT) -> int:
    raw = request.query_params.get("limit")
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidInput({"limit": [f"Expected a whole number from 1 to {MAX_LIMIT}."]})
    return min(int(raw), MAX_LIMIT)


def paginate(
    request: Request,
    queryset: QuerySet,
    ordering: tuple[str, str],
    serialize: Callable[[Any], dict],
) -> Response:
    """Keyset pages ordered by `ordering`, a (field, id) pair such as ("-started_at", "-id")."""
    limit = parse_limit(request)
    field, _ = ordering
    descending = field.startswith("-")
    name = field.lstrip("-")
    cursor = _decode(request.query_params.get("cursor"))
    if cursor is not None:
        value, last_id = cursor
        op = "lt" if descending else "gt"
        queryset = queryset.filter(
            Q(**{f"{name}__{op}": value}) | Q(**{name: value, f"id__{op}": last_id})
        )
    rows = list(queryset.order_by(*ordering)[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_url = None
    if has_more:
        last = rows[-1]
        token = _encode(getattr(last, name), last.pk)
        next_url = _replace_param(request, "cursor", token)
    return Response({"next": next_url, "results": [serialize(r) for r in rows]})


def _encode(value: Any, pk: int) -> str:
    kind = "dt" if isinstance(value, datetime) else "s"
    payload = json.dumps([kind, value.isoformat() if kind == "dt" else value, pk])
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode(token: str | None) -> tuple[Any, int] | None:
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        kind, value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if kind == "dt":
            value = datetime.fromisoformat(value)
        if not isinstance(pk, int) or not isinstance(value, str | datetime):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput({"cursor": ["Invalid cursor."]}) from None
    return value, pk


def _replace_param(request: Request, key: str, value: str) -> str:
    params = request.query_params.copy()
    params[key] = value
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
