"""JSON with a size and a nesting limit: DRF reads the request stream directly, bypassing
Django's DATA_UPLOAD_MAX_MEMORY_SIZE, so the limits are enforced here (settings
API_MAX_BODY_BYTES, SYNC_MAX_BODY_BYTES and JSON_MAX_DEPTH; docs/security.md)."""

import io

from django.conf import settings
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError, ValidationError

from logbook.common.input import json_too_deep, text_problems


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "too_large"


class LimitedJSONParser(parsers.JSONParser):
    limit_setting = "API_MAX_BODY_BYTES"
    # Text that cannot be stored (NUL, a lone surrogate) anywhere in the body is a 400 naming
    # its field; sync judges it per item instead (one bad item does not sink the batch).
    check_text = True

    def parse(self, stream, media_type=None, parser_context=None):
        limit = getattr(settings, self.limit_setting)
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise RequestTooLarge(f"Request body over the limit of {limit} bytes.")
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise RequestTooLarge(f"Request body over the limit of {limit} bytes.")
        depth = settings.JSON_MAX_DEPTH
        if json_too_deep(body, depth):  # before the parser recurses once per level
            raise ParseError(f"JSON nested deeper than {depth} levels.")
        data = super().parse(io.BytesIO(body), media_type, parser_context)
        problems = text_problems(data) if self.check_text else {}
        if problems:
            raise ValidationError(problems)  # the envelope, by path
        return data
