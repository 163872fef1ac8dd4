"""`GET /api/v1/export/?format=json|csv`: every live workout of the user, streamed.

The rows are read in chunks (`iterator(chunk_size=…)`, prefetching per chunk) and written
as they come, so memory stays flat however long the history. `json` is exactly
`{"workouts": [...]}` in the shape `POST /api/v1/sync/workouts/` takes; `csv` is Myolog's
own CSV (`logbook.imports.readers.myolog_csv`), which `POST /api/v1/imports/` reads back. Both
carry source and external_id (derived from the id when a workout has none), so importing
an export again creates nothing new, and custom exercises travel by name.
"""

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from logbook.api import openapi as docs
from logbook.api.representation import READ_ONLY, workout_to_dict
from logbook.common.api import JSONOnly
from logbook.common.errors import InvalidInput
from logbook.imports.readers.myolog_csv import COLUMNS, rows_for
from logbook.models import Workout
from logbook.selectors import exported_external_id

FORMATS = ("json", "csv")
CHUNK = 200
DROPPED = READ_ONLY["workout"]


class ExportView(APIView):
    content_negotiation_class = JSONOnly

    @extend_schema(
        parameters=[
            OpenApiParameter("format", str, enum=list(FORMATS), description="json (default) or csv")
        ],
        responses={
            (200, "application/json"): docs.Export,
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="Myolog CSV: one row per set or interval."
            ),
            400: docs.Errors,
        },
        summary="Export all your workouts",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return export_response(request.user, request.query_params.get("format", "json"))


def export_response(user, fmt: str) -> StreamingHttpResponse:
    """The user's workouts as a streamed download, for the API and the web's export buttons
    alike (`logbook.views_export`); an unknown format is refused, naming the field."""
    if fmt not in FORMATS:
        raise InvalidInput({"format": ["Expected json or csv."]})
    workouts = Workout.objects.filter(user=user).alive().with_details().order_by("started_at", "id")
    stamp = timezone.now().strftime("%Y%m%d")
    if fmt == "csv":
        response = StreamingHttpResponse(_csv(workouts), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json(workouts), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="myolog-{stamp}.{fmt}"'
    return response


def export_dict(workout: Workout) -> dict[str, Any]:
    """A workout as sync takes it: no ids or timestamps, always an external_id."""
    data = workout_to_dict(workout)
    for key in DROPPED:
        data.pop(key)
    data["external_id"] = exported_external_id(workout)
    for entry in data["exercises"]:
        for key in READ_ONLY["entry"]:
            entry.pop(key)
    return data


def _workouts(queryset: Any) -> Iterator[dict[str, Any]]:
    for workout in queryset.iterator(chunk_size=CHUNK):
        yield export_dict(workout)


def _json(queryset: Any) -> Iterator[str]:
    yield '{"workouts": ['
    separator = ""
    for data in _workouts(queryset):
        yield separator + json.dumps(data, ensure_ascii=False)
        separator = ", "
    yield "]}\n"


class _Line:
    """A file-like that hands back what csv.writer writes, to stream it."""

    def write(self, value: str) -> str:
        return value


def _csv(queryset: Any) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for data in _workouts(queryset):
        yield "".join(writer.writerow(row) for row in rows_for(data))
