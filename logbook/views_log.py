"""The live logger and what makes it an installable app that works offline.

`/log/` is an app shell, the same for every user, so the service worker can keep it for
offline use; everything personal comes from `/log/data/` (kept on the device by the page)
and every workout is written through the REST API (`POST /api/v1/workouts/`), the same
write path as every other client.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from logbook import selectors
from logbook.api.representation import workouts_to_dicts
from logbook.schema import input_limits
from logbook.selectors import get_profile

THEME_COLOUR = "#1f4fa8"
ROUTINES_ON_DEVICE = 50
BACKGROUND_COLOUR = "#f5f7fa"
# What the service worker keeps for offline use, besides the logger page itself.
SHELL_STATIC = ("css/logger.css", "icons/icon-192.png", "icons/favicon.svg")
LOGGER_JS = "js/logger"
SHELL_TEMPLATES = ("logbook/log.html", "logbook/offline.html", "logbook/sw.js")


@login_required
@require_GET
def log_page(request: HttpRequest) -> HttpResponse:
    return render(request, "logbook/log.html", {"theme_colour": THEME_COLOUR})


@never_cache
@require_GET
def log_data(request: HttpRequest) -> JsonResponse:
    """Everything personal the logger needs, in one read, to keep on the device."""
    if not request.user.is_authenticated:
        return JsonResponse({"errors": {"detail": ["Sign in to continue."]}}, status=403)
    user = request.user
    profile = get_profile(user)
    return JsonResponse(
        {
            "user": {"id": user.pk, "username": user.get_username(), "units": profile.units},
            "csrf_token": get_token(request),
            "limits": input_limits(),
            "exercises": selectors.exercise_choices(user),
            "history": selectors.exercise_history(user),
            "recent": workouts_to_dicts(selectors.recent_workouts(user)),
            # The logger starts from a routine's plan as it starts from a past workout.
            "routines": selectors.routine_plans(
                user, list(selectors.user_routines(user)[:ROUTINES_ON_DEVICE])
            ),
            "urls": {
                "workouts": reverse("api-workouts"),
                "form": reverse("workout-new"),
                "login": reverse("login"),
                "history": reverse("history"),
            },
        }
    )


@require_GET
def offline_page(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page it has not kept, without a connection."""
    return render(request, "logbook/offline.html", {"theme_colour": THEME_COLOUR})


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served at the root so that it may control every page (the logger at /log/)."""
    assets = shell_assets()
    response = render(
        request,
        "logbook/sw.js",
        {"version": _shell_version(), "assets": assets},
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "name": "Myolog",
            "short_name": "Myolog",
            "description": "Log every set live, online or off; see what kind of session it was.",
            "id": "/log/",
            "start_url": reverse("log"),
            "scope": "/",
            "display": "standalone",
            "orientation": "portrait",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("icons/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
            "shortcuts": [{"name": "Start a workout", "url": reverse("log")}],
        },
        content_type="application/manifest+json",
    )


@require_GET
def favicon(request: HttpRequest) -> FileResponse:
    path = finders.find("icons/favicon.ico")
    if path is None:
        raise Http404
    response = FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=86400"
    return response


def shell_assets() -> list[str]:
    """Static URLs the service worker stores on install: the logger's modules and style."""
    return [static(name) for name in (*SHELL_STATIC, *_logger_modules())]


def _logger_modules() -> list[str]:
    folder = finders.find(LOGGER_JS)
    if folder is None:
        return []
    return [f"{LOGGER_JS}/{p.name}" for p in sorted(Path(folder).glob("*.js"))]


@lru_cache(maxsize=1)
def _release_version() -> str:
    return _compute_version()


def _shell_version() -> str:
    # In DEBUG the files change under a running server: hash them on every request.
    return _compute_version() if settings.DEBUG else _release_version()


def _compute_version() -> str:
    """A digest of everything the worker keeps: any change installs a new worker."""
    digest = hashlib.sha256()
    for name in (*SHELL_STATIC, *_logger_modules(), "icons/icon-512.png"):
        path = finders.find(name)
        if path:
            digest.update(Path(path).read_bytes())
    for name in SHELL_TEMPLATES:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    return digest.hexdigest()[:16]
