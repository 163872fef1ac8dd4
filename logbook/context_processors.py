"""The signed-in user's preferences for every template."""

from django.http import HttpRequest

from logbook.selectors import get_profile


def preferences(request: HttpRequest) -> dict:
    if not request.user.is_authenticated:
        return {"units": "kg"}
    profile = get_profile(request.user)
    return {"units": profile.units, "profile": profile}
