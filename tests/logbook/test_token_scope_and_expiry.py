"""Tokens may be read-only (safe methods only) and may expire; both from the API and the
settings page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from logbook.models import AccessToken
from tests.factories import PASSWORD, WorkoutPayload

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/token/"


def make(user, **extra):
    body = {"username": user.username, "password": PASSWORD, "name": "t", **extra}
    return APIClient().post(URL, body, format="json")


def client_for(raw):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def test_a_token_is_read_and_write_and_never_expires_by_default(user):
    body = make(user).json()
    assert (body["scope"], body["expires_at"]) == ("write", None)
    assert (
        client_for(body["token"])
        .post("/api/v1/workouts/", WorkoutPayload(), format="json")
        .status_code
        == 201
    )


def test_a_read_only_token_reads_but_cannot_write(user):
    body = make(user, scope="read").json()
    assert body["scope"] == "read"
    client = client_for(body["token"])
    assert client.get("/api/v1/workouts/").status_code == 200
    assert client.get("/api/v1/me/").status_code == 200
    for response in (
        client.post("/api/v1/workouts/", WorkoutPayload(), format="json"),
        client.patch("/api/v1/me/", {"units": "lb"}, format="json"),
        client.post("/api/v1/sync/workouts/", {"workouts": []}, format="json"),
        client.delete(f"/api/v1/auth/tokens/{body['id']}/"),
    ):
        assert response.status_code == 403
        assert "read-only" in response.json()["errors"]["detail"][0]
    assert not user.workouts.exists()
    assert AccessToken.objects.filter(pk=body["id"]).exists()


def test_an_expiring_token_works_until_its_moment_then_is_refused(user):
    body = make(user, expires_in_days=30).json()
    expires = AccessToken.objects.get(pk=body["id"]).expires_at
    assert timedelta(days=29) < expires - timezone.now() <= timedelta(days=30)
    client = client_for(body["token"])
    assert client.get("/api/v1/me/").status_code == 200
    AccessToken.objects.filter(pk=body["id"]).update(expires_at=timezone.now())
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert "expired" in response.json()["errors"]["detail"][0]


def test_the_list_shows_scope_and_expiry(user):
    raw = make(user, scope="read", expires_in_days=7).json()["token"]
    [listed] = client_for(raw).get("/api/v1/auth/tokens/").json()
    assert listed["scope"] == "read"
    assert listed["expires_at"] is not None


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"scope": "admin"}, "scope"),
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"expires_in_days": 4000}, "expires_in_days"),
        ({"expires_in_days": "30"}, "expires_in_days"),
        ({"expires_in_days": True}, "expires_in_days"),
    ],
)
def test_a_bad_scope_or_expiry_is_a_400_naming_it(user, extra, field):
    response = make(user, **extra)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not AccessToken.objects.exists()


def test_the_settings_page_makes_a_read_only_expiring_token(client, user):
    client.force_login(user)
    response = client.post(
        "/settings/tokens/", {"name": "dashboard", "scope": "read", "expires_in_days": "90"}
    )
    assert response.status_code == 302
    token = AccessToken.objects.get(user=user)
    assert token.scope == "read"
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    page = client.get("/settings/").content.decode()
    assert "read only" in page
    assert "expires" in page
