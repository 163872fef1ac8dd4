"""Security headers Django 5.2 doesn't set itself."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Swagger UI boots from an inline script; its page alone may run one.
RELAXED_PATHS = ("/api/v1/docs/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith(RELAXED_PATHS):
            policy = policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
