"""Log-in with a brake on password guessing: failures are counted per client address and
username (and per address overall) in the cache, and past the limit the form refuses."""

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

WINDOW_S = 15 * 60
PER_ADDRESS_FACTOR = 5  # an address may fail for this many usernames' worth of tries


class ThrottledLoginView(LoginView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        keys = _keys(request)
        limits = (
            settings.LOGIN_FAILURES_ALLOWED,
            settings.LOGIN_FAILURES_ALLOWED * PER_ADDRESS_FACTOR,
        )
        if any(cache.get(key, 0) >= limit for key, limit in zip(keys, limits, strict=True)):
            form = self.get_form()
            form.add_error(None, "Too many failed attempts. Please wait 15 minutes and try again.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:  # the form came back: a failed attempt
            for key in keys:
                cache.add(key, 0, WINDOW_S)
                cache.incr(key)
        return response


def _keys(request: HttpRequest) -> tuple[str, str]:
    address = request.META.get("REMOTE_ADDR", "")
    username = request.POST.get("username", "").strip().lower()[:150]
    return f"login-fail:{address}:{username}", f"login-fail:{address}"
