"""JSON with a size and a nesting limit: DRF reads the request stream directly, bypassing
Django's DATA_UPLOAD_MAX_MEMORY_SIZE, so the limits are enforced here (settings
API_MAX_BODY_BYTES, SYNC_MAX_BODY_BYTES and JSON_MAX_DEPTH; docs/security.md)."""

import json

from django.conf import settings
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.utils.json import strict_constant

from logbook.common.input import (
    json_float,
    json_int,
    json_too_deep,
    may_be_unreadable,
    text_problems,
    whole_number,
)


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "too_large"


class LimitedJSONParser(parsers.JSONParser):
    limit_setting = "API_MAX_BODY_BYTES"
    # Text that cannot be stored (NUL, a lone surrogate) anywhere in the body is a 400 naming
    # its field; sync judges it per item instead (one bad item does not sink the batch).
    # Numbers that cannot be held (thousands of digits, 1e400) are refused everywhere.
    check_text = True

    def parse(self, stream, media_type=None, parser_context=None):
        limit = getattr(settings, self.limit_setting)
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        size = whole_number(declared) if declared else None  # "²".isdigit() is True
        if size is not None and size > limit:
            raise RequestTooLarge(f"Request body over the limit of {limit} bytes.")
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise RequestTooLarge(f"Request body over the limit of {limit} bytes.")
        depth = settings.JSON_MAX_DEPTH
        if json_too_deep(body, depth):  # before the parser recurses once per level
            raise ParseError(f"JSON nested deeper than {depth} levels.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = body.decode(encoding)
            data = json.loads(
                text,
                parse_int=json_int,
                parse_float=json_float,
                parse_constant=strict_constant,
            )
        except (ValueError, LookupError) as exc:  # UnicodeDecodeError too
            raise ParseError(f"JSON parse error - {exc}") from None
        problems = (
            text_problems(data, text=self.check_text)
            if self.check_text or may_be_unreadable(text)
            else None
        )
        if problems:
            raise ValidationError(problems)  # the envelope, by path
        return data
