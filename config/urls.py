from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.errors import not_found
from config.health import healthz
from logbook.api.converters import IdConverter

register_converter(IdConverter, "id")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/", healthz),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI from drf-spectacular-sidecar; its start-up script is a file of its own
    # (?script), so the page runs under the CSP without 'unsafe-inline'.
    path(
        "api/v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api_docs.html"),
        name="api-docs",
    ),
    path("api/v1/", include("logbook.api.urls")),
    path("api/v1/", include("insights.api.urls")),
    re_path(r"^api/", csrf_exempt(not_found)),  # JSON 404s under /api/, whatever the method
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("insights.urls")),
    path("", include("logbook.urls")),
]

handler400 = "config.errors.bad_request"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
