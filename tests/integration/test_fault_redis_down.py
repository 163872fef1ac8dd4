"""Redis goes away (it is the broker and the cache): log-in, token creation and sync still
answer 2xx. The cache degrades (django-redis, IGNORE_EXCEPTIONS, short socket timeouts):
throttles let requests through, the lockout lives in the database, the workouts saved are
classified once the broker is back (test_fault_broker_down.py)."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from tests.integration.support import PASSWORD, workout

pytestmark = pytest.mark.integration


def log_in(base: str, username: str) -> tuple[int, str]:
    """The web log-in form, as a browser fills it: (status after redirects, final URL)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base}/accounts/login/", timeout=10) as page:
        html = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
    request = urllib.request.Request(
        f"{base}/accounts/login/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{base}/accounts/login/"},
    )
    with opener.open(request, timeout=10) as reply:
        return reply.status, reply.url


def test_log_in_tokens_and_sync_answer_while_redis_is_down(stack, throwaway_redis):
    redis = throwaway_redis.url.rsplit("/", 1)[0]
    stack.env["CELERY_BROKER_URL"] = f"{redis}/0"
    stack.env["CACHE_URL"] = f"{redis}/1"
    web = stack.start_web(wait=False)
    stack.create_users([{"username": "redis-down", "password": PASSWORD}])
    stack.wait_healthy(web)
    api = stack.http.with_token(stack.http.token_for("redis-down"))  # throttled: cache used
    assert api.post("/api/v1/sync/workouts/", {"workouts": []}).status == 200

    throwaway_redis.stop()
    status, url = log_in(stack.url, "redis-down")
    assert status == 200
    assert not url.endswith("/accounts/login/"), "the log-in did not go through"
    reply = stack.http.post(
        "/api/v1/auth/token/",
        {"username": "redis-down", "password": PASSWORD, "name": "during the outage"},
        timeout=20,
    )
    assert reply.status == 201, reply.text
    during = stack.http.with_token(reply.json()["token"])
    batch = [
        workout("2026-11-02T07:30:00+00:00", source="tracker", external_id="rd-1"),
        workout("2026-11-03T07:30:00+00:00", source="tracker", external_id="rd-2"),
    ]
    reply = during.post("/api/v1/sync/workouts/", {"workouts": batch}, timeout=30)
    assert reply.status == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["created", "created"]
    assert reply.elapsed < 10, f"sync waited {reply.elapsed:.1f} s on Redis"
    served = re.findall(r'" (\d{3}) ', web.output())  # gunicorn's access log
    assert served
    assert [code for code in served if code.startswith("5")] == []
