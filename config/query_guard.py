"""Guards on the request itself, before any view reads it.

Query strings are user input that reaches database filters directly; PostgreSQL refuses
a NUL character in text, so a request carrying one is answered 400 here. A body declared in
another charset than UTF-8 is refused too: Django would decode the query and the form with
any codec Python knows, including ones that are not text encodings at all ("hex", "zlib"),
which raise instead of decoding.
"""

import json
from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import parse_header_parameters

MESSAGE = "May not contain NUL characters."
UTF8_ONLY = "Send text as UTF-8 (Content-Type charset=utf-8)."
CHARSETS = {"utf-8", "utf8", "us-ascii", "ascii"}


def _refuse(request: HttpRequest, field: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {field: [message]}}, status=400)
    return HttpResponse(f"{field}: {message}", status=400, content_type="text/plain")


def utf8_only(app: Callable) -> Callable:
    """WSGI middleware: a request whose Content-Type names a charset other than UTF-8 is
    answered 400 before Django builds the request (its constructor already decodes the
    query string with that codec, so a Django middleware would be too late)."""

    def guarded(environ: dict, start_response: Callable) -> Iterable[bytes]:
        _, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        charset = params.get("charset")
        if charset is None or charset.strip().lower() in CHARSETS:
            return app(environ, start_response)
        if environ.get("PATH_INFO", "").startswith("/api/"):
            body = json.dumps({"errors": {"charset": [UTF8_ONLY]}}).encode()
            kind = "application/json"
        else:
            body, kind = f"charset: {UTF8_ONLY}".encode(), "text/plain; charset=utf-8"
        headers = [("Content-Type", kind), ("Content-Length", str(len(body)))]
        start_response("400 Bad Request", headers)
        return [body]

    return guarded


class RefuseNulInQueryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            bad = [k for k, values in request.GET.lists() if "\x00" in k + "".join(values)]
            field = bad[0].replace("\x00", "") if bad else "path"
            return _refuse(request, field, MESSAGE)
        return self.get_response(request)
