"""One lockout for every door that takes a password: the web log-in, the admin's and
`POST /api/v1/auth/token/`. django-axes counts failures in the database (so a Redis outage
cannot open or break it) per username and per client address; past the limit every attempt,
the right password too, is refused until the cool-off has passed. The hooks here tell axes
who the client is and how to answer.
"""

import ipaddress
import math
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

USERNAME_MAX = 150  # Django's username length: longer names cannot be anyone's


class LockoutBackend(AxesStandaloneBackend):
    """Axes' gate, first among the backends. Without a request there is no client to count
    (the shell, the test client's login), so there is nothing to gate either."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request: HttpRequest) -> str:
    """The client's address: behind `TRUSTED_PROXY_COUNT` proxies, the one the outermost
    proxy saw (the Nth from the right of X-Forwarded-For, each proxy appending its peer);
    with none, the header is a client's claim and is ignored. As DRF's throttles do."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        remote = hops[-min(count, len(hops))]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:  # not an address (a broken proxy): count it under one name
        return "0.0.0.0"


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The username tried, as the counter stores it: at most Django's length, no NUL."""
    if credentials is not None:
        name = credentials.get("username")
    else:
        name = getattr(request, "data", request.POST).get("username")
    if not isinstance(name, str):
        return ""
    return name.replace("\x00", "")[:USERNAME_MAX].encode("utf-8", "replace").decode()


def retry_after_seconds(request: HttpRequest, credentials: dict | None = None) -> int:
    """When the newest failure that counts against this username or address expires."""
    cool_off = get_cool_off(request) or timedelta(0)
    now = timezone.now()
    username = attempted_username(request, credentials)
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    latest = AccessAttempt.objects.filter(
        Q(username=username) | Q(ip_address=address), attempt_time__gte=now - cool_off
    ).aggregate(latest=Max("attempt_time"))["latest"]
    if latest is None:
        return math.ceil(cool_off.total_seconds())
    return max(1, math.ceil((latest + cool_off - now).total_seconds()))


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return (
        "Too many failed log-in attempts for this account or from this address. "
        f"Log-in is paused: try again in {minutes} minute{'s' if minutes != 1 else ''}."
    )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """A 429 with Retry-After: the JSON error envelope under /api/, a page elsewhere."""
    seconds = retry_after_seconds(request, credentials)
    message = lockout_message(seconds)
    if request.path.startswith("/api/"):
        response = JsonResponse({"errors": {"credentials": [message]}}, status=429)
    else:
        response = render(
            request,
            "registration/locked_out.html",
            {"message": message, "username": get_client_username(request, credentials)},
            status=429,
        )
    response["Retry-After"] = str(seconds)
    return response


def purge_login_failures(now=None) -> int:
    """Delete failures older than the cool-off: they no longer count (axes deletes a
    username's own only when it is tried again, so names tried once would stay forever)."""
    cutoff = (now or timezone.now()) - (get_cool_off() or timedelta(0))
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
