"""Query strings are user input that reaches database filters directly; PostgreSQL refuses
a NUL character in text, so a request carrying one is answered 400 here, before any view."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

MESSAGE = "May not contain NUL characters."


class RefuseNulInQueryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            bad = [k for k, values in request.GET.lists() if "\x00" in k + "".join(values)]
            field = bad[0].replace("\x00", "") if bad else "path"
            if request.path.startswith("/api/"):
                return JsonResponse({"errors": {field: [MESSAGE]}}, status=400)
            return HttpResponse(f"{field}: {MESSAGE}", status=400, content_type="text/plain")
        return self.get_response(request)
