"""Show every time in the signed-in user's own time zone."""

import zoneinfo

from django.utils import timezone

from logbook.selectors import get_profile


class UserTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            timezone.activate(zoneinfo.ZoneInfo(get_profile(request.user).time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
