"""`POST /api/v1/imports/` (multipart upload → a queued job) and `GET /api/v1/imports/{id}/`."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logbook.common.api import ID, LIMIT, Errors, JSONOnly
from logbook.common.errors import InvalidInput
from logbook.common.input import whole_number
from logbook.common.pagination import paginate
from logbook.imports import jobs, services
from logbook.models import ImportFormat, ImportJob, ImportMessage

MULTIPART_OVERHEAD = 64 * 1024  # boundaries and the small fields beside the file
IMPORT_STATUSES = tuple(ImportJob.Status.values)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    int,
    OpenApiParameter.HEADER,
    response=[503],
    description="Seconds to wait before retrying (IMPORT_RETRY_AFTER_S, 30 by default).",
)


class ImportRequest(serializers.Serializer):
    file = serializers.FileField(
        help_text="At most IMPORT_MAX_BYTES (25 MB by default); a .zip or .gz at most "
        "IMPORT_MAX_ARCHIVE_BYTES (2 GB)."
    )
    format = serializers.ChoiceField(
        choices=tuple(ImportFormat.values),
        required=False,
        help_text="Detected from the content when absent.",
    )
    weight_unit = serializers.ChoiceField(
        choices=("kg", "lb"),
        required=False,
        help_text="For files that do not say (Strong's comma form); else your profile's unit.",
    )


class ImportQueued(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=IMPORT_STATUSES)


class ImportRowError(serializers.Serializer):
    row = serializers.IntegerField(
        allow_null=True,
        help_text="CSV row (the header is row 1), or the n-th session, activity, track or "
        "workout of other files; null for the file as a whole.",
    )
    message = serializers.CharField()


class ImportStage(serializers.Serializer):
    read = serializers.IntegerField(min_value=0)
    imported = serializers.IntegerField(min_value=0)
    skipped = serializers.IntegerField(min_value=0, help_text="Already imported, unchanged.")
    refused = serializers.IntegerField(min_value=0)


class ImportCounts(serializers.Serializer):
    """Each stage is absent (the object empty) until the job is done."""

    rows = ImportStage(
        required=False, help_text="CSV lines; the sessions, activities or tracks of others."
    )
    sets = ImportStage(required=False)
    workouts = ImportStage(required=False)


class ImportStatus(serializers.Serializer):
    status = serializers.ChoiceField(choices=IMPORT_STATUSES)
    progress = serializers.FloatField(min_value=0, max_value=1)
    created = serializers.IntegerField(min_value=0)
    updated = serializers.IntegerField(min_value=0)
    skipped = serializers.IntegerField(min_value=0, help_text="Already imported, unchanged.")
    counts = ImportCounts(required=False, help_text="Empty until the job is done.")
    error_count = serializers.IntegerField(min_value=0)
    errors = ImportRowError(
        many=True, help_text="The first 1,000; every one is paged at messages/."
    )


class ImportMessageOut(ImportRowError):
    refused = serializers.BooleanField(
        help_text="The row was left out whole; false when only a bad value was left out."
    )


class ImportMessagePage(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = ImportMessageOut(many=True)


class ImportCreateView(APIView):
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]
    content_negotiation_class = JSONOnly

    @extend_schema(
        parameters=[RETRY_AFTER],
        request={"multipart/form-data": ImportRequest},
        responses={
            202: ImportQueued,
            400: Errors,
            413: Errors,
            415: OpenApiResponse(Errors, description="Not multipart form data."),
            503: OpenApiResponse(
                Errors,
                description="The job queue is unavailable: the job is kept, failed; "
                "retry it (`POST /api/v1/imports/{id}/retry/`) after the seconds in "
                "`Retry-After`.",
            ),
        },
        summary="Import a file from another app or a device",
        description="Strong, Hevy and FitNotes CSV, Garmin FIT, TCX, GPX, Apple Health "
        "export.xml, or Myolog's own CSV export; any of them as .gz, or one or many in a "
        ".zip (Strava's bulk export, Apple Health's export.zip). Runs as a background job; "
        "poll its status. "
        "Importing the same file again creates nothing new.",
    )
    def post(self, request: Request) -> Response:
        declared = whole_number(request.META.get("CONTENT_LENGTH") or "")
        largest = max(settings.IMPORT_MAX_BYTES, settings.IMPORT_MAX_ARCHIVE_BYTES)
        if declared is not None and declared > largest + MULTIPART_OVERHEAD:
            # Refuse before reading the body.
            raise services.UploadTooLarge({"file": [jobs.too_large_message(declared)]})
        data = request.data
        for name in ("format", "weight_unit"):  # absent means "detect"; empty is no value
            if "" in (data.get(name), request.query_params.get(name)):
                raise InvalidInput({name: ["Leave it out, or give one of the listed values."]})
        job = services.start_import(
            request.user,
            data.get("file"),
            format=_text(data.get("format") or request.query_params.get("format")),
            weight_unit=_text(data.get("weight_unit") or request.query_params.get("weight_unit")),
        )
        return Response({"id": job.pk, "status": "queued"}, status=status.HTTP_202_ACCEPTED)


class ImportRetryView(APIView):
    content_negotiation_class = JSONOnly

    @extend_schema(
        parameters=[ID, RETRY_AFTER],
        request=None,
        responses={
            202: ImportQueued,
            404: Errors,
            409: OpenApiResponse(
                Errors, description="Not failed, or its file is no longer stored."
            ),
            503: OpenApiResponse(
                Errors,
                description="The job queue is still unavailable; retry after the seconds in "
                "`Retry-After`.",
            ),
        },
        summary="Retry a failed import",
        description="Queues a failed job again: from where it stopped when it had read the "
        "file, else from the stored upload. Workouts it already wrote count as skipped.",
    )
    def post(self, request: Request, id: int) -> Response:
        job = services.retry(get_object_or_404(ImportJob, pk=id, user=request.user))
        return Response({"id": job.pk, "status": job.status}, status=status.HTTP_202_ACCEPTED)


class ImportDetailView(APIView):
    @extend_schema(
        parameters=[ID],
        responses={200: ImportStatus, 404: Errors},
        summary="An import's status, counts and row errors",
    )
    def get(self, request: Request, id: int) -> Response:
        job = get_object_or_404(ImportJob, pk=id, user=request.user)
        return Response(jobs.status_dict(job))


CURSOR = OpenApiParameter("cursor", str, description="From the previous page's `next`.")


class ImportMessagesView(APIView):
    @extend_schema(
        parameters=[ID, LIMIT, CURSOR],
        responses={200: ImportMessagePage, 400: Errors, 404: Errors},
        summary="Every message of an import, by row, paged",
    )
    def get(self, request: Request, id: int) -> Response:
        job = get_object_or_404(ImportJob, pk=id, user=request.user)
        return paginate(request, job.messages.all(), ("id", "id"), _messages)


def _messages(rows: list[ImportMessage]) -> list[dict]:
    return [{"row": m.row, "message": m.message, "refused": m.refused} for m in rows]


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None
