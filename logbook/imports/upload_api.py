"""`/api/v1/imports/uploads/`: a file sent in chunks (logbook/imports/uploads.py). Token or
session (with CSRF) auth: the import page's JavaScript uses these same endpoints."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logbook.common.api import ID, Errors, JSONOnly
from logbook.common.errors import InvalidInput
from logbook.imports import services, uploads
from logbook.imports.api import RETRY_AFTER, ImportRequest
from logbook.models import ImportUpload

OFFSET_HEADER = "Upload-Offset"


class UploadStart(ImportRequest):
    """The fields of a one-request upload, the file's name and size instead of the file."""

    file = None
    filename = serializers.CharField(max_length=255, help_text="The file's name, e.g. export.zip.")
    size = serializers.IntegerField(
        min_value=1,
        max_value=uploads.largest(),
        help_text="The whole file's bytes: at most IMPORT_MAX_BYTES (25 MB), or "
        "IMPORT_MAX_ARCHIVE_BYTES (2 GB) for a .zip or .gz.",
    )


class UploadOut(serializers.Serializer):
    id = serializers.IntegerField()
    filename = serializers.CharField()
    size = serializers.IntegerField(min_value=1)
    offset = serializers.IntegerField(
        min_value=0, help_text="Bytes stored so far: the next chunk starts here."
    )
    chunk_size = serializers.IntegerField(
        min_value=1, help_text="The most bytes one chunk may carry (IMPORT_UPLOAD_CHUNK_BYTES)."
    )
    format = serializers.CharField(help_text="As given at the start; empty: detect.")
    weight_unit = serializers.CharField(help_text="As given at the start; empty: yours.")
    job = serializers.IntegerField(
        allow_null=True,
        help_text="The import job, once the last byte arrived: `GET /api/v1/imports/{job}/`.",
    )
    expires_at = serializers.DateTimeField(
        help_text="Deleted with its bytes if no chunk comes by then (IMPORT_UPLOAD_EXPIRE_HOURS)."
    )


class UploadConflict(Errors):
    offset = serializers.IntegerField(min_value=0, help_text="Send the next chunk from here.")


class UploadNotQueued(Errors):
    job = serializers.IntegerField(help_text="The job, kept failed: retry it.")


CONTENT_RANGE = OpenApiParameter(
    "Content-Range",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description="Where the chunk goes: `bytes <first>-<last>/<size>` (last inclusive).",
)


def represent(upload: ImportUpload) -> dict:
    return {
        "id": upload.pk,
        "filename": upload.filename,
        "size": upload.size,
        "offset": upload.received,
        "chunk_size": settings.IMPORT_UPLOAD_CHUNK_BYTES,
        "format": upload.format,
        "weight_unit": upload.weight_unit,
        "job": upload.job_id,
        "expires_at": uploads.expires_at(upload),
    }


def answer(upload: ImportUpload, code: int = status.HTTP_200_OK) -> Response:
    return Response(represent(upload), status=code, headers={OFFSET_HEADER: str(upload.received)})


class UploadCreateView(APIView):
    content_negotiation_class = JSONOnly

    @extend_schema(
        request=UploadStart,
        responses={
            201: UploadOut,
            400: Errors,
            409: OpenApiResponse(Errors, description="Too many unfinished uploads."),
        },
        summary="Start an upload in chunks (for large files)",
        description="Checks the name, size, format and unit before any byte is sent; then "
        "send the bytes with `PUT /api/v1/imports/uploads/{id}/`.",
    )
    def post(self, request: Request) -> Response:
        data = request.data
        if not isinstance(data, dict):
            raise InvalidInput({"body": ["Send a JSON object with filename and size."]})
        for name in ("format", "weight_unit"):  # absent means "detect" / "yours"
            if name in data and data[name] in (None, ""):
                raise InvalidInput({name: ["Leave it out, or give one of the listed values."]})
        upload = uploads.start_upload(
            request.user,
            filename=data.get("filename"),
            size=data.get("size"),
            format=data.get("format"),
            weight_unit=data.get("weight_unit"),
        )
        return answer(upload, status.HTTP_201_CREATED)


class UploadDetailView(APIView):
    content_negotiation_class = JSONOnly

    def upload(self, request: Request, id: int) -> ImportUpload:
        return get_object_or_404(ImportUpload, pk=id, user=request.user)

    @extend_schema(
        parameters=[ID],
        responses={200: UploadOut, 404: Errors},
        summary="An upload's offset (where to resume)",
    )
    def get(self, request: Request, id: int) -> Response:
        return answer(self.upload(request, id))

    @extend_schema(
        parameters=[ID, CONTENT_RANGE, RETRY_AFTER],
        request={"application/octet-stream": OpenApiTypes.BINARY},
        responses={
            200: OpenApiResponse(UploadOut, description="Stored; `job` is set by the last."),
            400: Errors,
            404: Errors,
            409: OpenApiResponse(
                UploadConflict,
                description="The chunk does not start at the stored offset (or another "
                "chunk is being written): send from `offset`.",
            ),
            411: Errors,
            413: OpenApiResponse(Errors, description="Over IMPORT_UPLOAD_CHUNK_BYTES."),
            503: OpenApiResponse(
                UploadNotQueued,
                description="The file is complete but the job queue is unavailable: the "
                "job is kept, failed; retry it (`POST /api/v1/imports/{id}/retry/`) after the "
                "seconds in `Retry-After`.",
            ),
        },
        summary="Send a chunk of an upload",
        description="The chunk's bytes as the body, where they go in `Content-Range`. The "
        "answer's `offset` is where the next one starts; the last chunk starts the import "
        "and names its `job`.",
    )
    def put(self, request: Request, id: int) -> Response:
        upload = self.upload(request, id)
        chunk = uploads.parse_range(
            request.headers.get("Content-Range"), request.META.get("CONTENT_LENGTH"), upload
        )
        try:
            uploads.receive_chunk(upload, chunk, request.stream)
        except uploads.WrongOffset as wrong:
            body = {"errors": wrong.errors, "offset": wrong.offset}
            headers = {OFFSET_HEADER: str(wrong.offset)}
            return Response(body, status=status.HTTP_409_CONFLICT, headers=headers)
        except services.NotQueued as not_queued:
            body = {"errors": not_queued.errors, "job": not_queued.job.pk}
            headers = {"Retry-After": str(not_queued.retry_after)}
            return Response(body, status=status.HTTP_503_SERVICE_UNAVAILABLE, headers=headers)
        return answer(upload)

    @extend_schema(
        parameters=[ID],
        request=None,
        responses={204: None, 404: Errors},
        summary="Cancel an upload (its bytes are deleted)",
    )
    def delete(self, request: Request, id: int) -> Response:
        uploads.cancel(self.upload(request, id))
        return Response(status=status.HTTP_204_NO_CONTENT)
