"""Keyset (cursor) pagination: stable while others write, constant cost per page.

Incremental sync (`paginate_changes`) pages oldest change first by (updated_at, id).
Services stamp `updated_at` strictly increasing per user in commit order, so a row that
commits later can never land behind a client's cursor. The first page also fixes an
upper bound (the newest stamp then) in the cursor: a workout changed while the client
pages gets a newer stamp, so it is left for the next pull instead of showing twice.
A client keeps the largest `updated_at` it saw and passes it as the next `updated_since`.
"""

import base64
import binascii
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.db.models import DateTimeField, Max, Q, QuerySet
from rest_framework.request import Request
from rest_framework.response import Response

from logbook.common.errors import InvalidInput
from logbook.common.input import in_database_range, storable, whole_number

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_ID = 2**63 - 1  # a bigint primary key


def parse_limit(request: Request, default: int = DEFAULT_LIMIT) -> int:
    raw = request.query_params.get("limit")
    if raw is None:
        return default
    limit = whole_number(raw)
    if limit is None or limit < 1:
        raise InvalidInput({"limit": [f"Expected a whole number from 1 to {MAX_LIMIT}."]})
    return min(limit, MAX_LIMIT)


def paginate(
    request: Request,
    queryset: QuerySet,
    ordering: tuple[str, str],
    serialize: Callable[[list], list[dict]],
) -> Response:
    """Keyset pages ordered by `ordering`, a (field, id) pair such as ("-started_at", "-id").
    `serialize` turns the page's rows into dicts in one go, so it can batch its reads."""
    limit = parse_limit(request)
    field, _ = ordering
    descending = field.startswith("-")
    name = field.lstrip("-")
    cursor = _decode(request.query_params.get("cursor"))
    if cursor is not None:
        value, last_id = cursor
        if isinstance(value, datetime) != _is_datetime(queryset, name):
            raise InvalidInput({"cursor": ["Invalid cursor."]})
        op = "lt" if descending else "gt"
        # The first condition is implied by the second; it is there so the database reads an
        # index range from the cursor on, whatever its statistics say (bench/PLANS.md).
        queryset = queryset.filter(
            Q(**{f"{name}__{op}e": value}),
            Q(**{f"{name}__{op}": value}) | Q(**{name: value, f"id__{op}": last_id}),
        )
    rows = list(queryset.order_by(*ordering)[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_url = None
    if has_more:
        last = rows[-1]
        token = _encode(getattr(last, name), last.pk)
        next_url = _replace_param(request, "cursor", token)
    return Response({"next": next_url, "results": serialize(rows)})


def paginate_list(
    request: Request, items: list, serialize: Callable[[list], list[dict]]
) -> Response:
    """Pages of a list worked out in full (a ranked search): the cursor is a position in it."""
    limit = parse_limit(request)
    cursor = _decode(request.query_params.get("cursor"))
    start = 0
    if cursor is not None:
        start, _ = cursor
        if not isinstance(start, int) or isinstance(start, bool) or start < 0:
            raise InvalidInput({"cursor": ["Invalid cursor."]})
    page = items[start : start + limit]
    next_url = None
    if start + limit < len(items):
        next_url = _replace_param(request, "cursor", _encode(start + limit, 0))
    return Response({"next": next_url, "results": serialize(page)})


def paginate_changes(
    request: Request, queryset: QuerySet, serialize: Callable[[list], list[dict]]
) -> Response:
    """Oldest change first, bounded by the newest stamp when paging began (module docstring)."""
    limit = parse_limit(request)
    token = request.query_params.get("cursor")
    if token:
        value, last_id, bound = _decode_changes(token)
        queryset = queryset.filter(  # updated_at__gte: an index range (see paginate)
            Q(updated_at__gt=value) | Q(updated_at=value, id__gt=last_id),
            updated_at__gte=value,
            updated_at__lte=bound,
        )
    else:
        bound = queryset.aggregate(newest=Max("updated_at"))["newest"]
        if bound is None:
            return Response({"next": None, "results": []})
        queryset = queryset.filter(updated_at__lte=bound)
    rows = list(queryset.order_by("updated_at", "id")[: limit + 1])
    next_url = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_url = _replace_param(request, "cursor", _encode(last.updated_at, last.pk, bound=bound))
    return Response({"next": next_url, "results": serialize(rows)})


def _encode(value: Any, pk: int, bound: datetime | None = None) -> str:
    kind = "dt" if isinstance(value, datetime) else "s"
    items = [kind, value.isoformat() if kind == "dt" else value, pk]
    if bound is not None:
        items.append(bound.isoformat())
    payload = json.dumps(items)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode(token: str | None) -> tuple[Any, int] | None:
    if not token:
        return None
    items = _decode_items(token)
    if len(items) != 3:
        raise InvalidInput({"cursor": ["Invalid cursor."]})
    return items[1], items[2]


def _decode_changes(token: str) -> tuple[datetime, int, datetime]:
    items = _decode_items(token)
    if len(items) != 4 or not isinstance(items[1], datetime):
        raise InvalidInput({"cursor": ["Invalid cursor."]})
    return items[1], items[2], items[3]


def _decode_items(token: str) -> list[Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        items = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(items, list) or len(items) not in (3, 4):
            raise ValueError
        kind, value, pk = items[:3]
        if kind == "dt":
            value = _aware(datetime.fromisoformat(value))
        if not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk <= MAX_ID:
            raise ValueError
        whole = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID
        if not (isinstance(value, datetime) or whole or storable(value)):
            raise ValueError
        rest = [_aware(datetime.fromisoformat(b)) for b in items[3:]]
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput({"cursor": ["Invalid cursor."]}) from None
    return [kind, value, pk, *rest]


def _aware(value: datetime) -> datetime:
    """In UTC: the database holds offsets only up to ±15:59 (a forged cursor may not)."""
    if value.tzinfo is None or not in_database_range(value):
        raise ValueError("naive or out-of-range datetime in cursor")
    return value.astimezone(UTC)


def _is_datetime(queryset: QuerySet, name: str) -> bool:
    return isinstance(queryset.model._meta.get_field(name), DateTimeField)


def _replace_param(request: Request, key: str, value: str) -> str:
    params = request.query_params.copy()
    params[key] = value
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
