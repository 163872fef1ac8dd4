"""`Authorization: Bearer <token>` with personal access tokens."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions
from rest_framework.request import Request

from logbook.tokens import Grant, TokenExpired, authenticate_token


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header.")
        try:
            raw = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Malformed token.") from None
        try:
            found = authenticate_token(raw)
        except TokenExpired:
            raise exceptions.AuthenticationFailed(
                "This token has expired; create a new one."
            ) from None
        if found is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        return found  # (user, Grant)

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class TokenScopePermission(permissions.BasePermission):
    """A read-only token may only read: GET, HEAD and OPTIONS."""

    message = (
        "This token is read-only: it may only read (GET). Sending data takes a read and "
        "write token."
    )

    def has_permission(self, request: Request, view) -> bool:
        grant = request.auth
        if isinstance(grant, Grant) and grant.read_only:
            return request.method in permissions.SAFE_METHODS
        return True


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal access token."}
