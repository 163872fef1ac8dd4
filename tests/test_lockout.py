"""One lockout for every password door: the web log-in, the admin's and the token endpoint
share one count per username and per client address; at the limit even the right password
is refused, with a clear message and Retry-After, until the cool-off has passed."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from logbook.lockout import purge_login_failures
from logbook.models import AccessToken
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def web(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def admin(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, **extra
    )


def api(client, username, password, **extra):
    return client.post(
        "/api/v1/auth/token/",
        {"username": username, "password": password, "name": "watch"},
        content_type="application/json",
        **extra,
    )


def signed_in(door, response) -> bool:
    if door is api:
        return response.status_code == 201
    return response.status_code == 302 and "_auth_user_id" in response.client.session


DOORS = [web, admin, api]


@pytest.mark.parametrize("door", DOORS, ids=lambda d: d.__name__)
def test_each_door_refuses_the_right_password_once_locked(door):
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    codes = [door(client, user.username, "guess").status_code for _ in range(LIMIT + 1)]
    assert codes[-2:] == [429, 429]  # the failure that reaches the limit already says so
    assert 429 not in codes[: LIMIT - 1]
    response = door(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(door, response)
    assert not AccessToken.objects.exists()


@pytest.mark.parametrize("guessed", DOORS, ids=lambda d: f"guessed-{d.__name__}")
@pytest.mark.parametrize("tried", DOORS, ids=lambda d: f"then-{d.__name__}")
def test_failures_at_one_door_lock_the_others(guessed, tried):
    user = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(LIMIT):
        guessed(Client(), user.username, "guess")
    assert tried(Client(), user.username, PASSWORD).status_code == 429


def test_a_username_is_locked_whatever_address_guesses_it():
    user = UserFactory()
    for n in range(LIMIT):
        api(Client(), user.username, "guess", REMOTE_ADDR=f"203.0.113.{n + 1}")
    assert api(Client(), user.username, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 429


def test_an_address_is_locked_whatever_usernames_it_tries():
    victim = UserFactory()
    for n in range(LIMIT):
        web(Client(), f"someone{n}", "guess", REMOTE_ADDR="203.0.113.9")
    assert web(Client(), victim.username, PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    # Another address logs in as the victim: the address was locked, not the victim.
    assert web(Client(), victim.username, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(LIMIT):
        web(Client(), f"someone{n}", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = web(Client(), "another", "guess", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_each_client_is_counted_apart(settings):
    """One attacker behind the proxy does not lock everyone out, and the client cannot pick
    its address: the proxy appends what it saw after anything the client sent."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(LIMIT):
        forged = f"192.0.2.{n}, 203.0.113.66"  # forged part, then what the proxy saw
        web(Client(), f"someone{n}", "guess", HTTP_X_FORWARDED_FOR=forged, **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    user = UserFactory()
    ok = web(Client(), user.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert ok.status_code == 302
    locked = web(Client(), "x", "guess", HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy)
    assert locked.status_code == 429


def test_a_broken_forwarded_for_is_still_counted_cleanly(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = web(Client(), "x", "guess", HTTP_X_FORWARDED_FOR="not an address")
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == "0.0.0.0"


def test_the_api_answers_the_json_envelope_with_retry_after():
    user = UserFactory()
    for _ in range(LIMIT):
        api(Client(), user.username, "guess")
    response = api(Client(), user.username, PASSWORD)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    message = response.json()["errors"]["credentials"][0]
    assert "Too many failed log-in attempts" in message
    assert "15 minutes" in message
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60


@pytest.mark.parametrize("door", [web, admin], ids=lambda d: d.__name__)
def test_the_web_doors_answer_a_page_that_says_when_to_come_back(door):
    user = UserFactory(is_staff=True)
    for _ in range(LIMIT):
        door(Client(), user.username, "guess")
    response = door(Client(), user.username, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Log-in paused" in page
    assert "try again in 15 minutes" in page
    assert "/accounts/password_reset/" in page
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60


def test_failures_below_the_limit_leave_the_door_open():
    user = UserFactory()
    for _ in range(LIMIT - 1):
        assert web(Client(), user.username, "guess").status_code == 200
    assert web(Client(), user.username, PASSWORD).status_code == 302


def test_after_the_cool_off_the_right_password_works_again():
    user = UserFactory()
    for _ in range(LIMIT):
        api(Client(), user.username, "guess")
    assert api(Client(), user.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert api(Client(), user.username, PASSWORD).status_code == 201


def test_attempts_while_locked_do_not_extend_the_pause():
    user = UserFactory()
    for _ in range(LIMIT):
        api(Client(), user.username, "guess")
    before = AccessAttempt.objects.get()
    for _ in range(3):
        api(Client(), user.username, "guess")
    after = AccessAttempt.objects.get()
    assert (after.attempt_time, after.failures_since_start) == (
        before.attempt_time,
        before.failures_since_start,
    )


def test_expired_failures_are_purged():
    web(Client(), "old", "guess")
    web(Client(), "new", "guess", REMOTE_ADDR="198.51.100.7")
    AccessAttempt.objects.filter(username="old").update(
        attempt_time=timezone.now() - timedelta(minutes=16)
    )
    assert purge_login_failures() == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["new"]


def test_an_overlong_username_is_counted_without_error():
    response = api(Client(), "x" * 5000, "guess")
    assert response.status_code == 401
    assert len(AccessAttempt.objects.get().username) == 150
