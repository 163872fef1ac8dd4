"""Error pages: JSON under /api/, HTML elsewhere; a database outage is a clean 503."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

UNAVAILABLE = "The service is briefly unavailable; please try again shortly."


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"detail": ["Not found."]}}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this inside the failing `except`, so the exception is at hand: a lost
    database connection is the service being unavailable (503, retry later), not a bug."""
    unavailable = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    message = UNAVAILABLE if unavailable else "Server error."
    if request.path.startswith("/api/"):
        response = JsonResponse({"errors": {"detail": [message]}}, status=status)
    else:
        response = HttpResponse(
            f"<!doctype html><title>Myolog</title><h1>{message}</h1>",
            status=status,
            content_type="text/html",
        )
    if unavailable:
        response["Retry-After"] = "5"
    return response
