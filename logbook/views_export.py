"""The web's export buttons: every live workout of the user as JSON or Myolog CSV, streamed by
the same code as `GET /api/v1/export/` (`logbook.api.export.export_response`), so the files
are the same; a signed-out visitor is sent to log in rather than given a JSON 403."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from logbook.api.export import export_response
from logbook.common.errors import InvalidInput
from logbook.imports.views import imports_context


@login_required
@require_GET
def export_download(request: HttpRequest) -> StreamingHttpResponse | HttpResponse:
    try:
        return export_response(request.user, request.GET.get("format", ""))
    except InvalidInput as invalid:
        context = imports_context(request, export_errors=invalid.errors["format"])
        return render(request, "logbook/imports/index.html", context, status=400)
