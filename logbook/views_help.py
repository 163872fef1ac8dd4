"""The user guide at /help/: public, so people can read it before they sign up."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

# Pages being built elsewhere; the guide mentions them only once the app serves them,
# so it never sends anyone to a 404.
LIVE_LOGGER = "/log/"
SCIENCE = "/science/"


def help_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "help.html",
        {"live_logger_url": _served(LIVE_LOGGER), "science_url": _served(SCIENCE)},
    )


def _served(path: str) -> str | None:
    try:
        resolve(path)
    except Resolver404:
        return None
    return path
