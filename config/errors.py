"""Error pages: JSON under /api/, HTML elsewhere; a database outage is a clean 503."""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views import defaults

UNAVAILABLE = "The service is briefly unavailable; please try again shortly."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's own refusals (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many form
    fields, a bad Host): 413 for a body too large, else 400, in the API's envelope."""
    too_large = isinstance(exception, RequestDataTooBig)
    status = 413 if too_large else 400
    if too_large:
        message = f"Request body over the limit of {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes."
    else:
        message = "Bad request."
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"detail": [message]}}, status=status)
    return HttpResponse(
        f"<!doctype html><title>Myolog</title><h1>{message}</h1>",
        status=status,
        content_type="text/html",
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"detail": ["Not found."]}}, status=404)
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this inside the failing `except`, so the exception is at hand: a lost
    database connection is the service being unavailable (503, retry later), not a bug."""
    unavailable = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    message = UNAVAILABLE if unavailable else "Server error."
    if request.path.startswith("/api/"):
        response = JsonResponse({"errors": {"detail": [message]}}, status=status)
    else:
        response = HttpResponse(_error_page(unavailable, message), status=status)
    if unavailable:
        response["Retry-After"] = "5"
    return response


def _error_page(unavailable: bool, message: str) -> str:
    """The styled 500/503 page, rendered without the request: no context processors, no
    session or user, so it shows even when the database is what failed."""
    try:
        css = static("css/app.css")
    except ValueError:  # a manifest without the file: the page still renders, unstyled
        css = ""
    title = "Briefly unavailable" if unavailable else "Something went wrong"
    detail = message if unavailable else "The fault is on our side, not in what you did."
    return render_to_string("500.html", {"title": title, "message": detail, "css": css})
