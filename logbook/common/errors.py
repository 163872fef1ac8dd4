"""The one error type of bad input, and its envelope `{"errors": {"field.path": ["message"]}}`.

Every door raises `InvalidInput` naming each rejected field by its dotted path
("exercises.0.sets.2.reps"); the API answers it with `exception_handler`, the web pages
show the messages beside their fields.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

NON_FIELD = "non_field_errors"


class InvalidInput(Exception):
    """Bad input: `errors` maps each field path to its messages, in plain words."""

    status_code = 400
    retry_after: int | None = None  # seconds, sent as Retry-After (a 503 of a queue down)

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, InvalidInput):
        response = error_response(exc.errors, exc.status_code)
        if exc.retry_after is not None:
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ParseError):
        response.data = {"errors": {"body": [str(exc.detail)]}}
    elif isinstance(exc, exceptions.ValidationError):
        response.data = {"errors": flatten(exc.detail)}
    else:
        response.data = {"errors": {"detail": [str(exc.detail)]}}
    return response


def error_response(errors: dict[str, list[str]], status_code: int = 400) -> Response:
    return Response({"errors": errors}, status=status_code)


def flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as dotted paths, e.g. exercises.0.sets.1.reps."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif (
        isinstance(detail, list) and detail and all(not isinstance(d, dict | list) for d in detail)
    ):
        out[prefix or NON_FIELD] = [str(d) for d in detail]
    elif isinstance(detail, list):
        for i, value in enumerate(detail):
            if value:
                out.update(flatten(value, f"{prefix}.{i}" if prefix else str(i)))
    else:
        out[prefix or NON_FIELD] = [str(detail)]
    return out
