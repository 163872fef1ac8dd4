"""`POST /api/v1/imports/` (multipart upload → a queued job) and `GET /api/v1/imports/{id}/`."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import parsers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logbook.api import openapi as docs
from logbook.imports import jobs, services
from logbook.models import ImportJob

MULTIPART_OVERHEAD = 64 * 1024  # boundaries and the small fields beside the file


class JSONOnly(DefaultContentNegotiation):
    """Always JSON: DRF would otherwise read `?format=` as a renderer choice (and 404)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ImportCreateView(APIView):
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]
    content_negotiation_class = JSONOnly

    @extend_schema(
        request={"multipart/form-data": docs.ImportRequest},
        responses={
            202: docs.ImportQueued,
            400: docs.Errors,
            413: docs.Errors,
            415: OpenApiResponse(docs.Errors, description="Not multipart form data."),
        },
        summary="Import a file from another app or a device",
        description="Strong, Hevy and FitNotes CSV, Garmin FIT, TCX, GPX, Apple Health "
        "export.xml, or Myolog's own CSV export. Runs as a background job; poll its status. "
        "Importing the same file again creates nothing new.",
    )
    def post(self, request: Request) -> Response:
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > settings.IMPORT_MAX_BYTES + MULTIPART_OVERHEAD:
            # Refuse before reading the body.
            raise services.UploadTooLarge({"file": [jobs.too_large_message(int(declared))]})
        data = request.data
        job = services.start_import(
            request.user,
            data.get("file"),
            format=_text(data.get("format") or request.query_params.get("format")),
            weight_unit=_text(data.get("weight_unit") or request.query_params.get("weight_unit")),
        )
        return Response({"id": job.pk, "status": "queued"}, status=status.HTTP_202_ACCEPTED)


class ImportDetailView(APIView):
    @extend_schema(
        parameters=[docs.ID],
        responses={200: docs.ImportStatus, 404: docs.Errors},
        summary="An import's status, counts and row errors",
    )
    def get(self, request: Request, id: int) -> Response:
        job = get_object_or_404(ImportJob, pk=id, user=request.user)
        return Response(jobs.status_dict(job))


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None
